"""CSV sheets (Kumu, Flourish) read by Python's csv module; DOT rendered to SVG by Graphviz;
JSON-LD parsed by rdflib. Counts match the projection in each."""
from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

import export_samples as samples
from export_support import VIEWS, require_program
from kg.export import export_graph
from kg.export.dot import quote


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("view", VIEWS)
def test_csv_sheets_match_the_projection(exports, projections, view) -> None:
    nodes, edges = rows(exports[view, "csv"] / "nodes.csv"), rows(exports[view, "csv"] / "edges.csv")
    expected = projections[view]
    assert (len(nodes), len(edges)) == (expected.number_of_nodes(), expected.number_of_edges())
    ids = {n["ID"] for n in nodes}
    assert all(e["From"] in ids and e["To"] in ids for e in edges)
    assert len(ids | {e["ID"] for e in edges}) == len(nodes) + len(edges)


def test_csv_headers_follow_kumu(tmp_path) -> None:
    export_graph(samples.actor_network(), "csv", tmp_path / "sheets", "actors")
    with (tmp_path / "sheets" / "edges.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:6] == ["ID", "From", "To", "Type", "Direction", "Label"]
    assert rows(tmp_path / "sheets" / "nodes.csv")[0].keys() >= {"ID", "Label", "Type"}


def test_csv_keeps_quotes_with_newlines_and_booleans(tmp_path) -> None:
    export_graph(samples.actor_network(), "csv", tmp_path / "sheets", "actors")
    edges = rows(tmp_path / "sheets" / "edges.csv")
    assert 'He said: "We <will> smash the gangs" & more\nnext line' in {e["quote"] for e in edges}
    assert {e["verified"] for e in edges} == {"true", "false", ""}


def test_csv_ids_are_stable_across_exports(tmp_path) -> None:
    export_graph(samples.actor_network(), "csv", tmp_path / "one", "actors")
    export_graph(samples.actor_network(), "csv", tmp_path / "two", "actors")
    assert (tmp_path / "one" / "edges.csv").read_bytes() == (tmp_path / "two" / "edges.csv").read_bytes()


def test_dot_quotes_every_id() -> None:
    assert quote('https://x/a:b "c" \\d') == '"https://x/a:b \\"c\\" \\\\d"'


@pytest.mark.parametrize("view", VIEWS)
def test_dot_renders_to_svg_with_the_projection_counts(exports, projections, view, tmp_path) -> None:
    dot = require_program("dot", "graphviz")
    svg = tmp_path / f"{view}.svg"
    result = subprocess.run([dot, "-Tsvg", str(exports[view, "dot"]), "-o", str(svg)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    root = etree.parse(str(svg)).getroot()
    groups = [g.get("class") for g in root.iter("{http://www.w3.org/2000/svg}g")]
    expected = projections[view]
    assert (groups.count("node"), groups.count("edge")) == (expected.number_of_nodes(), expected.number_of_edges())


def test_dot_labels_are_names_and_edges_keep_ids(tmp_path) -> None:
    dot = require_program("dot", "graphviz")
    export_graph(samples.actor_network(), "dot", tmp_path / "a.dot", "actors")
    svg = subprocess.run([dot, "-Tsvg", str(tmp_path / "a.dot")], capture_output=True, timeout=60).stdout
    root = etree.fromstring(svg)
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Keir Starmer", "Home Office", "met with"} <= texts
    edge_ids = [g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "edge"]
    assert len(edge_ids) == 7 and all(re.fullmatch(r"edge-[0-9a-f]{16}(-\d+)?", i) for i in edge_ids)


@pytest.mark.parametrize("view", VIEWS)
def test_jsonld_parses_with_the_projection_counts(exports, projections, view) -> None:
    from rdflib import Graph, Namespace, RDF

    export = Namespace("https://w3id.org/bskg/export#")
    graph = Graph().parse(exports[view, "jsonld"], format="json-ld")
    expected = projections[view]
    nodes, edges = set(graph.subjects(RDF.type, export.Node)), set(graph.subjects(RDF.type, export.Edge))
    assert (len(nodes), len(edges)) == (expected.number_of_nodes(), expected.number_of_edges())
    assert {str(n) for n in nodes} == {str(n) for n in expected.nodes}
    assert all((e, export.source, None) in graph and (e, export.target, None) in graph for e in edges)


def test_jsonld_kinds_are_ontology_classes_and_values_typed(tmp_path) -> None:
    from rdflib import Graph, Literal, Namespace, URIRef

    export_graph(samples.actor_network(), "jsonld", tmp_path / "a.jsonld", "actors")
    graph = Graph().parse(tmp_path / "a.jsonld", format="json-ld")
    export = Namespace("https://w3id.org/bskg/export#")
    starmer = URIRef(f"{samples.ID}person/keir-starmer")
    assert (starmer, export.kind, URIRef("https://w3id.org/bskg/ontology#Person")) in graph
    assert Literal(True) in set(graph.objects(None, export.verified))
    assert {o.datatype for o in graph.objects(None, export.span_start)} == {URIRef("http://www.w3.org/2001/XMLSchema#integer")}
