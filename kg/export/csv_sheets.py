"""Two CSV sheets for Kumu and Flourish: ``nodes.csv`` and ``edges.csv`` in one folder.

Column names follow Kumu's import (elements: ``ID``, ``Label``, ``Type``;
connections: ``ID``, ``From``, ``To``, ``Type``, ``Direction``); Flourish's
network chart takes ``From``/``To`` as a link's source and target and ``ID``
and ``Type`` as a point's id and group. Ids are the stable ones of the
flattening (a node's IRI, an edge's ``edge-...`` hash), so a re-import updates
elements instead of duplicating them. Other attributes follow in name order;
an element without one leaves the cell empty.
"""
from __future__ import annotations

import csv
import io

from kg.export.common import text_value
from kg.export.flatten import FlatGraph

SUFFIX = ""
NODE_FILE = "nodes.csv"
EDGE_FILE = "edges.csv"
_NODE_HEADER = ["ID", "Label", "Type"]
_EDGE_HEADER = ["ID", "From", "To", "Type", "Direction", "Label"]


def render_files(flat: FlatGraph) -> dict[str, str]:
    direction = "directed" if flat.directed else "undirected"
    nodes = [[n.id, n.label, n.kind, *_cells(n.attrs, flat.node_types)] for n in flat.nodes]
    edges = [[e.id, e.source, e.target, e.kind, direction, e.label, *_cells(e.attrs, flat.edge_types)]
             for e in flat.edges]
    return {NODE_FILE: _sheet([*_NODE_HEADER, *flat.node_types], nodes),
            EDGE_FILE: _sheet([*_EDGE_HEADER, *flat.edge_types], edges)}


def _cells(attrs: dict, names: dict[str, str]) -> list[str]:
    return [text_value(attrs[name]) if name in attrs else "" for name in names]


def _sheet(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; a lone \r in a value is then quoted too
    writer.writerow(_unique_header(header))
    writer.writerows(rows)
    return out.getvalue()


def _unique_header(header: list[str]) -> list[str]:
    """Attribute names that clash with a fixed column (``label`` vs ``Label``) get a suffix."""
    seen: set[str] = set()
    names = []
    for name in header:
        chosen = name
        while chosen.lower() in seen:
            chosen += "_attr"
        seen.add(chosen.lower())
        names.append(chosen)
    return names
