"""Whatever values a projection carries, every format stays valid and keeps every element."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kg.export import render_files
from kg.export.flatten import flatten

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "gexf-1.3.bskg.xsd")))
text = st.text(max_size=12)
values = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True), text,
                   st.lists(st.one_of(text, st.integers(), st.none()), max_size=3),
                   st.sampled_from(["2024", "2024-02", "2024-02-29", "not a date", ""]))
names = st.sampled_from(["date", "quote", "source", "start", "end", "weight", "tags", "flag", "id", "label", "kind"])
attrs = st.dictionaries(names, values, max_size=5)


@st.composite
def graphs(draw):
    cls = draw(st.sampled_from([nx.Graph, nx.DiGraph, nx.MultiDiGraph]))
    graph = cls()
    keys = draw(st.lists(st.one_of(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8).map(
        lambda t: f"https://w3id.org/bskg/id/x/{t}"), st.integers(0, 50)),
                         min_size=1, max_size=8, unique_by=str))
    for key in keys:
        graph.add_node(key, **draw(attrs))
    for _ in range(draw(st.integers(0, 10))):
        graph.add_edge(draw(st.sampled_from(keys)), draw(st.sampled_from(keys)), **draw(attrs))
    return graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_every_format_stays_valid_for_any_values(graph) -> None:
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    flat = flatten(graph)
    ids = [x.id for x in (*flat.nodes, *flat.edges)]
    assert len(ids) == len(set(ids)) == n + m
    assert all(v is not None and v != "" for x in (*flat.nodes, *flat.edges) for v in x.attrs.values())

    gexf = etree.fromstring(render_files(graph, "gexf")["graph.gexf"].encode())
    assert SCHEMA.validate(gexf), SCHEMA.error_log
    graphml = nx.read_graphml(io.BytesIO(render_files(graph, "graphml")["graph.graphml"].encode()))
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == (n, m)
    cyjs = json.loads(render_files(graph, "cytoscape")["graph.cyjs"])
    assert (len(cyjs["elements"]["nodes"]), len(cyjs["elements"]["edges"])) == (n, m)
    sheets = render_files(graph, "csv")
    assert len(list(csv.DictReader(io.StringIO(sheets["edges.csv"])))) == m
    assert len(json.loads(render_files(graph, "jsonld")["graph.jsonld"])["edges"]) == m
