"""GEXF 1.3 for Gephi, with a timeline: dated elements carry spells.

Written by hand rather than by ``networkx.write_gexf``, which defaults to
1.2draft, puts a wrong XML Schema instance namespace in its 1.3 header and
raises on lists and None. Here the root is in ``http://gexf.net/1.3`` with the
real ``http://www.w3.org/2001/XMLSchema-instance``; attributes are declared
once per class with one type; a dated element gets ``<spells>`` (a meeting on
a day, a post held over a period) so Gephi's timeline can play the graph.
Nodes are coloured by kind (``viz:color``). Gephi keeps parallel edges only
when their ``kind`` differs: edges of one kind between the same two nodes
are merged on import (their ids stay distinct in the file).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from kg.export.common import colours, text_value
from kg.export.flatten import FlatGraph

SUFFIX = ".gexf"
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_TYPES = {"string": "string", "integer": "long", "double": "double", "boolean": "boolean"}


def render(flat: FlatGraph) -> str:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "xmlns:xsi": XSI_NS,
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "bskg"
    ET.SubElement(meta, "description").text = f"bskg {flat.name} network"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed" if flat.directed else "undirected",
                                          "mode": "dynamic" if flat.dynamic else "static"})
    if flat.dynamic:
        graph.set("timeformat", "date")
        graph.set("timerepresentation", "interval")
    _declare(graph, "node", flat.node_types)
    _declare(graph, "edge", flat.edge_types)
    _nodes(ET.SubElement(graph, "nodes", {"count": str(len(flat.nodes))}), flat)
    _edges(ET.SubElement(graph, "edges", {"count": str(len(flat.edges))}), flat)
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _declare(graph: ET.Element, cls: str, types: dict[str, str]) -> None:
    block = ET.SubElement(graph, "attributes", {"class": cls})
    for name, kind in {"kind": "string", **types}.items():
        ET.SubElement(block, "attribute", {"id": f"{cls[0]}-{name}", "title": name, "type": _TYPES[kind]})


def _nodes(parent: ET.Element, flat: FlatGraph) -> None:
    palette = colours(flat)
    for node in flat.nodes:
        element = ET.SubElement(parent, "node", {"id": node.id, "label": node.label})
        _values(element, "n", {"kind": node.kind, **node.attrs})
        _spells(element, node.spells)
        red, green, blue = (int(palette[node.kind][i:i + 2], 16) for i in (1, 3, 5))
        ET.SubElement(element, "viz:color", {"r": str(red), "g": str(green), "b": str(blue)})


def _edges(parent: ET.Element, flat: FlatGraph) -> None:
    for edge in flat.edges:
        element = ET.SubElement(parent, "edge", {"id": edge.id, "source": edge.source, "target": edge.target,
                                                 "label": edge.label, "kind": edge.kind})
        _values(element, "e", {"kind": edge.kind, **edge.attrs})
        _spells(element, edge.spells)


def _values(element: ET.Element, prefix: str, values: dict) -> None:
    block = ET.SubElement(element, "attvalues")
    for name, value in values.items():
        ET.SubElement(block, "attvalue", {"for": f"{prefix}-{name}", "value": text_value(value)})


def _spells(element: ET.Element, spells: tuple[tuple[str, str], ...]) -> None:
    if not spells:
        return
    block = ET.SubElement(element, "spells")
    for start, end in spells:
        attrs = {"start": start} if start else {}
        if end:
            attrs["end"] = end
        ET.SubElement(block, "spell", attrs)
