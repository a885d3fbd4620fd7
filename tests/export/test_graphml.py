"""GraphML: typed keys, XML Schema booleans, read back by networkx and by python-igraph."""
from __future__ import annotations

import warnings
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

import export_samples as samples
from export_support import VIEWS
from kg.export import export_graph

NS = {"g": "http://graphml.graphdrawing.org/xmlns", "y": "http://www.yworks.com/xml/graphml"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "sample.graphml"
    export_graph(samples.actor_network(), "graphml", path, "actors")
    return path


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_networkx_reads_back_the_projection_counts(exports, projections, view) -> None:
    graph = nx.read_graphml(exports[view, "graphml"])
    expected = projections[view]
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    assert set(graph.nodes) == {str(n) for n in expected.nodes}


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_igraph_reads_back_the_projection_counts(exports, projections, view) -> None:
    igraph = pytest.importorskip("igraph", reason="python-igraph is in the test extra: pip install -e '.[test]'")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # igraph warns about keys it cannot type
        graph = igraph.Graph.Read_GraphML(str(exports[view, "graphml"]))
    expected = projections[view]
    assert (graph.vcount(), graph.ecount()) == (expected.number_of_nodes(), expected.number_of_edges())
    assert graph.is_directed() == expected.is_directed()
    assert sorted(graph.vs["id"]) == sorted(str(n) for n in expected.nodes)


def test_graphml_booleans_are_xsd_booleans(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    assert {d.text for d in root.iterfind(".//g:data[@key='e-verified']", NS)} == {"true", "false"}
    graph = nx.read_graphml(sample)
    assert {type(d["verified"]) for _, _, d in graph.edges(data=True) if "verified" in d} == {bool}


def test_graphml_keys_are_declared_once_with_one_type(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    keys = [(k.get("for"), k.get("attr.name")) for k in root.iterfind("g:key", NS) if k.get("attr.name")]
    assert len(keys) == len(set(keys))
    types = {k.get("attr.name"): k.get("attr.type") for k in root.iterfind("g:key[@for='edge']", NS)}
    assert types["verified"] == "boolean" and types["weight"] == "double" and types["span_start"] == "long"


def test_graphml_igraph_reads_types(sample) -> None:
    igraph = pytest.importorskip("igraph", reason="python-igraph is in the test extra")
    graph = igraph.Graph.Read_GraphML(str(sample))
    edge = graph.es.find(kind="partners_with")
    assert edge["verified"] is True and edge["span_start"] == 200 and edge["tags"] == "returns|intelligence"


def test_graphml_edges_have_unique_ids(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    ids = [e.get("id") for e in root.iterfind(".//g:edge", NS)] + [n.get("id") for n in root.iterfind(".//g:node", NS)]
    assert len(ids) == len(set(ids)) and all(ids)


def test_graphml_yed_shapes_carry_label_and_kind_colour(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    shapes = {s.findtext("y:NodeLabel", namespaces=NS): s.find("y:Fill", NS).get("color")
              for s in root.iterfind(".//y:ShapeNode", NS)}
    assert shapes["Keir Starmer"] == shapes["Yvette Cooper"] != shapes["Italy"]
