"""A self-contained HTML page that draws the network offline: open it from disk, nothing is fetched.

The data, the style and the script (``assets/view.js``: a seeded force layout
on a canvas, search, a legend of kinds, a panel with each element's sources)
are all inlined. A Content-Security-Policy forbids every request the page
could make (``default-src 'none'``), so it works without a network and cannot
leak what is being looked at. The layout is seeded from ids, so the same
export draws the same picture.
"""
from __future__ import annotations

import html
import json
from importlib.resources import files

from kg.export.common import colours
from kg.export.flatten import FlatGraph

SUFFIX = ".html"
_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'")


def payload(flat: FlatGraph) -> dict:
    """The data the page's script reads."""
    palette = colours(flat)
    counts = {kind: 0 for kind in palette}
    for node in flat.nodes:
        counts[node.kind] += 1
    return {
        "name": flat.name,
        "directed": flat.directed,
        "kinds": [{"kind": kind, "colour": colour, "count": counts[kind]} for kind, colour in palette.items()],
        "nodes": [{"id": n.id, "label": n.label, "kind": n.kind, "attrs": n.attrs} for n in flat.nodes],
        "edges": [{"id": e.id, "source": e.source, "target": e.target, "label": e.label, "kind": e.kind,
                   "attrs": e.attrs} for e in flat.edges],
    }


def render(flat: FlatGraph) -> str:
    assets = files("kg.export") / "assets"
    title = html.escape(f"bskg: {flat.name} network")
    return _PAGE.format(
        policy=_POLICY, title=title,
        css=(assets / "view.css").read_text(encoding="utf-8"),
        data=_script_json(payload(flat)),
        js=(assets / "view.js").read_text(encoding="utf-8"),
    )


def _script_json(value: dict) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could end it early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bskg">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<span id="stats"></span>
<div class="searchbox"><input id="search" type="search" placeholder="Search names or IRIs\u2026" aria-label="Search"><div id="results"></div></div>
<div id="legend" aria-label="Kinds"></div>
</header>
<main><canvas id="graph" aria-label="Network drawing"></canvas></main>
<aside id="details" aria-live="polite"></aside>
<noscript>This view needs JavaScript; the same network is in the GEXF, GraphML and CSV exports.</noscript>
<script id="bskg-data" type="application/json">{data}</script>
<script>
{js}</script>
</body>
</html>
"""
