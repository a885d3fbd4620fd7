"""Cytoscape JSON (.cyjs): every edge has an id; cytoscape.js (from npm) loads it in Debian's
headless Chromium with no errors and the projection's counts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import export_samples as samples
from export_support import VIEWS, cytoscape_js, require_program
from kg.export.cytoscape import document
from kg.export.flatten import flatten

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>cytoscape.js check</title></head>
<body><div id="cy" style="width:900px;height:600px"></div>
<script>{library}</script>
<script id="export" type="application/json">{data}</script>
<script>
const doc = JSON.parse(document.getElementById("export").textContent);
const cy = cytoscape({{container: document.getElementById("cy"), elements: doc.elements, style: doc.style,
                      layout: {{name: "cose", animate: false, randomize: false}}}});
window.result = {{
  nodes: cy.nodes().length, edges: cy.edges().length,
  edgeIds: doc.elements.edges.every((e) => cy.getElementById(e.data.id).isEdge()),
  ends: cy.edges().every((e) => e.source().nonempty() && e.target().nonempty()),
  labels: cy.nodes().every((n) => n.style("label").length > 0),
}};
</script></body></html>"""


def test_cytoscape_every_edge_has_a_string_id_and_ends() -> None:
    data = document(flatten(samples.actor_network(), "actors"))
    edges = data["elements"]["edges"]
    assert all(isinstance(e["data"]["id"], str) and e["data"]["id"] for e in edges)
    ids = [e["data"]["id"] for e in edges] + [n["data"]["id"] for n in data["elements"]["nodes"]]
    assert len(ids) == len(set(ids))
    assert all({"source", "target", "interaction"} <= set(e["data"]) for e in edges)


def test_cytoscape_nodes_are_named_for_cytoscape_desktop() -> None:
    data = document(flatten(samples.actor_network(), "actors"))
    assert {n["data"]["name"] for n in data["elements"]["nodes"]} >= {"Keir Starmer", "Home Office"}
    assert data["format_version"] == "1.0" and data["data"]["name"] == "bskg actors"


def test_cytoscape_parallel_edges_stay_separate() -> None:
    data = document(flatten(samples.actor_network(), "actors"))
    starmer_meloni = [e for e in data["elements"]["edges"]
                      if e["data"]["source"].endswith("keir-starmer") and e["data"]["target"].endswith("giorgia-meloni")]
    assert len(starmer_meloni) == 2


@pytest.fixture(scope="module")
def page():
    require_program("chromium", "chromium")
    from headless import Page

    with Page() as opened:
        yield opened


def test_cytoscape_js_loads_every_view_without_errors(exports, projections, page, tmp_path: Path) -> None:
    library = cytoscape_js().read_text(encoding="utf-8")
    for view in VIEWS:
        data = exports[view, "cytoscape"].read_text(encoding="utf-8")
        json.loads(data)
        harness = tmp_path / f"{view}.html"
        harness.write_text(HARNESS.format(library=library, data=data.replace("</", "<\\/")), encoding="utf-8")
        before = len(page.events)
        page.open(harness)
        page.settle(0.2)
        result = page.evaluate("window.result")
        expected = projections[view]
        assert result == {"nodes": expected.number_of_nodes(), "edges": expected.number_of_edges(),
                          "edgeIds": True, "ends": True, "labels": True}, view
        events = page.events[before:]
        page_events, page.events = page.events, events
        try:
            assert page.problems() == [], view
            assert page.requests() == [harness.resolve().as_uri()], view
        finally:
            page.events = page_events
