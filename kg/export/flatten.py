"""The one flattening step every export format shares: a networkx graph in, plain records out.

Graph tools are strict in different ways, so everything they disagree about is
settled here, once:

* ids are strings (a node's IRI, less any character XML cannot carry); every
  edge gets an id of its own, derived from what it says (ends, kind, fact),
  so it is stable across exports and never equal to a node's id or another
  edge's;
* every element has a ``label`` and a ``kind``;
* values are strings, integers, floats or real booleans: lists are joined
  with ``|``, dates written in ISO form, and empty values (None, "", [])
  left out, since no format has a portable "null";
* an attribute has one type across all elements of a class: integers mixed
  with floats become floats, any other mix becomes strings;
* a character offset of -1 (no evidence span) counts as empty;
* names that formats reserve are renamed: an edge's ``source`` (the
  document) becomes ``document``, and ``start``/``end`` (character offsets
  in it) become ``span_start``/``span_end``, so they are not read as an
  edge's ends or as times;
* dates become spells, ``(first day, last day)`` pairs, for formats with a
  timeline: a ``date`` gives one (``2024``: the whole year), ``start_date``
  and ``end_date`` give a period, open at a missing end;
* an undirected edge runs from its smaller end: actors before events (by
  ``bipartite`` side), then by id.

Elements come out sorted by id, attributes by name: the same graph gives the
same records, so every format gives the same bytes.
"""
from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = ["FlatGraph", "Node", "Edge", "flatten", "Value", "LIST_SEPARATOR"]

Value = str | int | float | bool
LIST_SEPARATOR = "|"
RENAMED = {"source": "document", "target": "target_value", "id": "id_value",
           "start": "span_start", "end": "span_end"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str
    attrs: dict[str, Value] = field(default_factory=dict)
    spells: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    label: str
    kind: str
    attrs: dict[str, Value] = field(default_factory=dict)
    spells: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FlatGraph:
    """A graph as every exporter sees it; ``*_types`` map attribute names to
    ``string``, ``integer``, ``double`` or ``boolean`` (``label`` and ``kind``
    are fields, not attributes)."""
    name: str
    directed: bool
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    node_types: dict[str, str]
    edge_types: dict[str, str]

    @property
    def dynamic(self) -> bool:
        return any(e.spells for e in (*self.nodes, *self.edges))

    def kinds(self) -> list[str]:
        """Node kinds, most frequent first (ties by name): the order colours are dealt in."""
        counts: dict[str, int] = {}
        for node in self.nodes:
            counts[node.kind] = counts.get(node.kind, 0) + 1
        return sorted(counts, key=lambda kind: (-counts[kind], kind))


def flatten(graph: Any, name: str = "graph") -> FlatGraph:
    """Flatten a networkx graph (any of its four classes) into a :class:`FlatGraph`."""
    nodes = [_node(key, data) for key, data in graph.nodes(data=True)]
    ids = {node.id for node in nodes}
    if len(ids) != len(nodes):
        raise ValueError("two nodes have the same id once written as strings")
    edges = _edges(graph, taken=ids)
    node_types = _unify(nodes)
    edge_types = _unify(edges)
    return FlatGraph(name=name, directed=graph.is_directed(),
                     nodes=tuple(sorted((_retype(n, node_types) for n in nodes), key=lambda n: n.id)),
                     edges=tuple(sorted((_retype(e, edge_types) for e in edges), key=lambda e: e.id)),
                     node_types=node_types, edge_types=edge_types)


def _node(key: Any, data: Mapping[str, Any]) -> Node:
    attrs = _attrs(data)
    node_id = _id(key)
    label = _one_line(attrs.pop("label", "") or _local_name(node_id))
    kind = str(attrs.pop("kind", "") or "Thing")
    return Node(node_id, label, kind, attrs, _spells(data))


def _edges(graph: Any, taken: set[str]) -> list[Edge]:
    records = graph.edges(keys=True, data=True) if graph.is_multigraph() else (
        (u, v, None, d) for u, v, d in graph.edges(data=True))
    drafts = []
    for u, v, key, data in records:
        attrs = _attrs(data)
        kind = str(attrs.pop("kind", "") or "related_to")
        label = _one_line(attrs.pop("label", "") or kind.replace("_", " "))
        if not graph.is_directed() and _side(graph, v) < _side(graph, u):
            u, v = v, u
        drafts.append((_id(u), _id(v), label, kind, attrs, _spells(data), key))
    drafts.sort(key=lambda d: (d[0], d[1], d[3], _sort_key(d[4]), str(d[6])))
    edges = []
    for source, target, label, kind, attrs, spells, _ in drafts:
        edge_id = _unique(_edge_id(source, target, kind, attrs), taken)
        edges.append(Edge(edge_id, source, target, label, kind, attrs, spells))
    return edges


def _side(graph: Any, node: Any) -> tuple[str, str]:
    """An undirected edge is written from the smaller end: by ``bipartite`` side (actors before
    events), then by id."""
    return str(graph.nodes[node].get("bipartite", "")), _id(node)


def _id(key: Any) -> str:
    """A node's id: its key as a string, without the characters XML cannot carry."""
    return _ILLEGAL.sub("", str(key))


def _edge_id(source: str, target: str, kind: str, attrs: Mapping[str, Value]) -> str:
    fact = str(attrs.get("fact", ""))
    digest = hashlib.sha256("\0".join((source, target, kind, fact)).encode("utf-8")).hexdigest()
    return f"edge-{digest[:16]}"


def _unique(candidate: str, taken: set[str]) -> str:
    chosen, n = candidate, 1
    while chosen in taken:
        n += 1
        chosen = f"{candidate}-{n}"
    taken.add(chosen)
    return chosen


def _attrs(data: Mapping[str, Any]) -> dict[str, Value]:
    flat: dict[str, Value] = {}
    for name, value in data.items():
        clean = _value(value)
        if clean is None or (name in ("start", "end") and isinstance(clean, int) and clean < 0):
            continue  # no value; or a character offset of -1, the projection's "no evidence span"
        flat[RENAMED.get(str(name), str(name))] = clean
    return dict(sorted(flat.items()))


def _value(value: Any) -> Value | None:
    if value is None:
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()  # numpy scalars: their Python value (np.bool_ is no bool)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_text(v) for v in value if _value(v) is not None]
        items = sorted(set(items)) if isinstance(value, (set, frozenset)) else items
        return LIST_SEPARATOR.join(items) or None
    if isinstance(value, Mapping):
        return LIST_SEPARATOR.join(f"{k}={_text(v)}" for k, v in sorted(value.items()) if _value(v) is not None) or None
    text = _ILLEGAL.sub("", str(value)).strip()
    return text or None


def _text(value: Any) -> str:
    clean = _value(value)
    if isinstance(clean, bool):
        return "true" if clean else "false"
    return "" if clean is None else str(clean)


def _unify(elements: Iterable[Node | Edge]) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for element in elements:
        for name, value in element.attrs.items():
            seen.setdefault(name, set()).add(_type_name(value))
    types = {}
    for name, kinds in sorted(seen.items()):
        if len(kinds) == 1:
            types[name] = kinds.pop()
        elif kinds == {"integer", "double"}:
            types[name] = "double"
        else:
            types[name] = "string"
    return types


def _type_name(value: Value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "double"
    return "string"


def _retype(element: Node | Edge, types: Mapping[str, str]) -> Any:
    attrs = {}
    for name, value in element.attrs.items():
        wanted = types[name]
        if wanted == "string" and not isinstance(value, str):
            value = _text(value)
        elif wanted == "double" and not isinstance(value, float):
            value = float(value)
        attrs[name] = value
    return type(element)(**{**element.__dict__, "attrs": attrs})


def _sort_key(attrs: Mapping[str, Value]) -> tuple:
    return tuple((name, _text(value)) for name, value in attrs.items())


def _one_line(text: Value) -> str:
    return " ".join(str(text).split())


def _local_name(iri: str) -> str:
    tail = re.split(r"[/#]", iri.rstrip("/#"))[-1]
    return tail.replace("-", " ").replace("_", " ") or iri


def _spells(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The periods an element exists in, as full ISO dates, from its date attributes."""
    spells = []
    if (point := day_range(data.get("date"))) is not None:
        spells.append(point)
    first, last = day_range(data.get("start_date")), day_range(data.get("end_date"))
    if first or last:
        spells.append(((first or ("", ""))[0], (last or ("", ""))[1]))
    return tuple(sorted(set(spells)))


def day_range(value: Any) -> tuple[str, str] | None:
    """The first and last day an ISO date, month or year covers; None if it is not one.

    >>> day_range("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> day_range("2024-09-18T10:00:00") , day_range("soon")
    (('2024-09-18', '2024-09-18'), None)
    """
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    match = _ISO_DATE.match(str(value or "").strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            text = date(year, month, day).isoformat()
            return text, text
        if month is not None:
            return date(year, month, 1).isoformat(), date(year, month, calendar.monthrange(year, month)[1]).isoformat()
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    except ValueError:
        return None
