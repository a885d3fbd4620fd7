"""Cytoscape.js JSON (``.cyjs``), which Cytoscape desktop also opens (File > Import > Network from File).

Unlike ``networkx.cytoscape_data``, every edge has an ``id`` (cytoscape.js
makes one up otherwise, so a re-export would not match) and every id is a
string. Each element's ``data`` holds its attributes; ``name`` repeats the
label because Cytoscape desktop's default style labels nodes by ``name``,
and an edge's ``interaction`` repeats its kind, as Cytoscape desktop names it.
Edges between the same two nodes stay separate. A ``style`` block colours
nodes by kind for cytoscape.js; Cytoscape desktop reads the elements and
keeps its own style.
"""
from __future__ import annotations

import json

from kg.export.common import colours
from kg.export.flatten import FlatGraph

SUFFIX = ".cyjs"


def document(flat: FlatGraph) -> dict:
    """The export as a JSON-ready dict."""
    nodes = [{"data": _data({"id": n.id, "name": n.label, "label": n.label, "kind": n.kind}, n.attrs)}
             for n in flat.nodes]
    edges = [{"data": _data({"id": e.id, "source": e.source, "target": e.target, "name": e.label, "label": e.label,
                             "kind": e.kind, "interaction": e.kind}, e.attrs)} for e in flat.edges]
    return {
        "format_version": "1.0",
        "generated_by": "bskg",
        "target_cytoscapejs_version": "~3.0",
        "data": {"name": f"bskg {flat.name}", "directed": flat.directed},
        "elements": {"nodes": nodes, "edges": edges},
        "style": _style(flat),
    }


def render(flat: FlatGraph) -> str:
    return json.dumps(document(flat), ensure_ascii=False, indent=1) + "\n"


def _data(fixed: dict, attrs: dict) -> dict:
    return {**fixed, **{name: value for name, value in attrs.items() if name not in fixed}}


def _style(flat: FlatGraph) -> list[dict]:
    rules = [{"selector": "node", "style": {"label": "data(label)", "font-size": 10}},
             {"selector": "edge", "style": {"curve-style": "bezier", "width": 1,
                                            "target-arrow-shape": "triangle" if flat.directed else "none"}}]
    rules += [{"selector": f"node[kind = {json.dumps(kind)}]", "style": {"background-color": colour}}
              for kind, colour in colours(flat).items()]
    return rules
