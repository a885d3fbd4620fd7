"""Graphviz DOT: every id quoted, nodes labelled by name and coloured by kind, edges by what they say.

Node ids are IRIs, which contain ``:`` (a port separator in DOT, and pydot
raises on them), so every id and value is written as a quoted string with
``"`` and ``\\`` escaped. A node's label is its name (wrapped at about 22
characters); an edge's is its kind in words, with its date when it has one.
The source file and quote go into the tooltip, which SVG output shows on
hover. Other attributes are kept under their own names, unless Graphviz
uses the name itself, when they get a ``data_`` prefix.
"""
from __future__ import annotations

import textwrap

from kg.export.common import colours, text_value
from kg.export.flatten import FlatGraph

SUFFIX = ".dot"
# Names Graphviz gives a meaning to, which data attributes must not take.
_GRAPHVIZ = frozenset("""area class color colorscheme comment dir distortion fillcolor fixedsize fontcolor fontname
fontsize gradientangle group height href id image label labelloc layer margin nojustify ordering orientation
penwidth peripheries pin pos rects regular root samplepoints shape shapefile showboxes sides skew sortv style
target tooltip url width xlabel xlp z arrowhead arrowsize arrowtail constraint decorate edgeurl headclip headlabel
headport labelangle labeldistance labelfloat lhead ltail minlen tailclip taillabel tailport weight""".split())


def render(flat: FlatGraph) -> str:
    arrow = "->" if flat.directed else "--"
    palette = colours(flat)
    lines = [f"{'digraph' if flat.directed else 'graph'} {quote('bskg ' + flat.name)} {{",
             '  graph [overlap=false, splines=true, fontname="Helvetica"];',
             '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=8, color="#777777"];']
    for node in flat.nodes:
        attrs = {"label": _wrap(node.label), "fillcolor": palette[node.kind], "kind": node.kind,
                 "tooltip": f"{node.label} ({node.kind})", **_data(node.attrs)}
        lines.append(f"  {quote(node.id)} [{_attributes(attrs)}];")
    for edge in flat.edges:
        words = edge.label + (f" ({edge.attrs['date']})" if "date" in edge.attrs else "")
        attrs = {"id": edge.id, "label": _wrap(words, 18), "kind": edge.kind, "tooltip": _tooltip(edge.attrs, words),
                 **_data(edge.attrs)}
        lines.append(f"  {quote(edge.source)} {arrow} {quote(edge.target)} [{_attributes(attrs)}];")
    return "\n".join([*lines, "}"]) + "\n"


def quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "\\n")
    return f'"{escaped}"'


def _wrap(text: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _tooltip(attrs: dict, words: str) -> str:
    parts = [words]
    if "document" in attrs:
        parts.append(str(attrs["document"]))
    if "quote" in attrs:
        parts.append(f"\u201c{attrs['quote']}\u201d")
    return "\n".join(parts)


def _data(attrs: dict) -> dict[str, str]:
    return {(f"data_{name}" if name.lower() in _GRAPHVIZ else name): text_value(value) for name, value in attrs.items()}


def _attributes(attrs: dict[str, str]) -> str:
    return ", ".join(f"{_name(name)}={quote(str(value))}" for name, value in attrs.items())


def _name(name: str) -> str:
    return name if name.isidentifier() and name.isascii() else quote(name)
