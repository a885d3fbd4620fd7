"""GraphML for yEd, Cytoscape, igraph, networkx and Gephi: typed keys, XML Schema booleans.

Written by hand rather than by ``networkx.write_graphml``, which rejects lists
and None, writes booleans as ``True``/``False`` (not ``xsd:boolean``; yEd
refuses them) and declares a key twice when one name carries two types. Each
attribute is declared once per class with one ``attr.type``; values come from
the shared flattening, so booleans are ``true``/``false``. Nodes also carry
yEd's own shape data (``yfiles.type="nodegraphics"``): a rounded box filled
with the kind's colour and labelled, which yEd draws and other readers skip.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from kg.export.common import colours, text_value
from kg.export.flatten import FlatGraph

SUFFIX = ".graphml"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
Y_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_TYPES = {"string": "string", "integer": "long", "double": "double", "boolean": "boolean"}


def render(flat: FlatGraph) -> str:
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xmlns:y": Y_NS,
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {SCHEMA}"})
    node_keys = _declare(root, "node", flat.node_types)
    edge_keys = _declare(root, "edge", flat.edge_types)
    ET.SubElement(root, "key", {"id": "n-graphics", "for": "node", "yfiles.type": "nodegraphics"})
    graph = ET.SubElement(root, "graph", {"id": flat.name, "edgedefault": "directed" if flat.directed else "undirected"})
    palette = colours(flat)
    for node in flat.nodes:
        element = ET.SubElement(graph, "node", {"id": node.id})
        _data(element, node_keys, {"label": node.label, "kind": node.kind, **node.attrs})
        _yed_shape(ET.SubElement(element, "data", {"key": "n-graphics"}), node.label, palette[node.kind])
    for edge in flat.edges:
        element = ET.SubElement(graph, "edge", {"id": edge.id, "source": edge.source, "target": edge.target})
        _data(element, edge_keys, {"label": edge.label, "kind": edge.kind, **edge.attrs})
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _declare(root: ET.Element, cls: str, types: dict[str, str]) -> dict[str, str]:
    keys = {}
    for name, kind in {"label": "string", "kind": "string", **types}.items():
        keys[name] = f"{cls[0]}-{name}"
        ET.SubElement(root, "key", {"id": keys[name], "for": cls, "attr.name": name, "attr.type": _TYPES[kind]})
    return keys


def _data(element: ET.Element, keys: dict[str, str], values: dict) -> None:
    for name, value in values.items():
        ET.SubElement(element, "data", {"key": keys[name]}).text = text_value(value)


def _yed_shape(data: ET.Element, label: str, colour: str) -> None:
    shape = ET.SubElement(data, "y:ShapeNode")
    ET.SubElement(shape, "y:Geometry", {"height": "30.0", "width": f"{max(60, 7 * len(label) + 16)}.0"})
    ET.SubElement(shape, "y:Fill", {"color": colour.upper(), "transparent": "false"})
    ET.SubElement(shape, "y:NodeLabel").text = label
    ET.SubElement(shape, "y:Shape", {"type": "roundrectangle"})
