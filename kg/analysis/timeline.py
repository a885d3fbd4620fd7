"""How the network changes over time: edges by period, snapshots by date, dated events.

These read the ``date`` attribute the projection puts on every edge (ISO at
its precision, so "2024-09" falls in the month and in the year, but in no
single day). For the network as of a date with superseded post holdings
dropped, project again with ``actor_network(..., as_of=...)`` instead.
"""
from __future__ import annotations

from datetime import date

import networkx as nx

from kg.analysis.centrality import simple_graph
from kg.analysis.facts import parse_period

__all__ = ["snapshot", "timeline", "dated_events"]

_PERIOD_LENGTH = {"year": 4, "month": 7, "day": 10}


def snapshot(graph: nx.MultiDiGraph, *, as_of: date | None = None, start: date | None = None,
             end: date | None = None) -> nx.MultiDiGraph:
    """The edges whose date may fall on or before ``as_of`` and within ``start``..``end``, and their actors.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_network
    >>> graph = actor_network(tiny_dataset())
    >>> sorted(d["kind"] for *_, d in snapshot(graph, as_of=date(2024, 5, 1)).edges(data=True))
    ['holds_post_in', 'met_with']
    """
    kept = nx.MultiDiGraph()
    for u, v, key, data in graph.edges(keys=True, data=True):
        period = parse_period(str(data.get("date", "")))
        if period is None or (as_of and period.first > as_of) or (end and period.first > end) or (
                start and period.last < start):
            continue
        for node in (u, v):
            kept.add_node(node, **graph.nodes[node])
        kept.add_edge(u, v, key, **data)
    return kept


def timeline(graph: nx.MultiDiGraph, *, period: str = "month") -> list[dict[str, object]]:
    """One row per ``period`` ("day", "month" or "year") in which facts add edges, in date order.

    Each row: ``period``, ``facts`` and ``edges`` new in it, ``by_kind``,
    ``actors`` active in it, ``new_actors`` (labels of those first seen),
    and the cumulative ``total_actors``, ``total_edges`` and
    ``largest_component`` (actors in the biggest connected group so far).
    Undated edges are left out.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_network
    >>> rows = timeline(actor_network(tiny_dataset()), period="day")
    >>> [(r["period"], r["by_kind"], r["new_actors"], r["largest_component"]) for r in rows]
    [('2024-05-01', {'holds_post_in': 1, 'met_with': 1}, ['Ann Smith', 'Bo Jones', 'Home Office'], 3), ('2024-05-02', {'announced': 1}, [], 3)]
    """
    if period not in _PERIOD_LENGTH:
        raise ValueError(f"period must be one of {', '.join(_PERIOD_LENGTH)}, not {period!r}")
    buckets: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, data in graph.edges(data=True):
        when = str(data.get("date", ""))
        if when:
            buckets.setdefault(when[:_PERIOD_LENGTH[period]], []).append((u, v, data))
    cumulative, rows = nx.MultiDiGraph(), []
    for key in sorted(buckets):
        edges = sorted(buckets[key], key=lambda e: (e[0], e[1], str(e[2].get("kind")), str(e[2].get("fact"))))
        active = sorted({n for u, v, _ in edges for n in (u, v)})
        new = [n for n in active if n not in cumulative]
        for u, v, data in edges:
            cumulative.add_edge(u, v, **data)
        simple = simple_graph(cumulative)
        kinds: dict[str, int] = {}
        for *_, data in edges:
            kinds[str(data.get("kind"))] = kinds.get(str(data.get("kind")), 0) + 1
        rows.append({"period": key, "facts": len({d.get("fact") for *_, d in edges}), "edges": len(edges),
                     "by_kind": dict(sorted(kinds.items())), "actors": len(active),
                     "new_actors": sorted(str(graph.nodes[n].get("label", n)) for n in new),
                     "total_actors": cumulative.number_of_nodes(), "total_edges": cumulative.number_of_edges(),
                     "largest_component": max(len(c) for c in nx.connected_components(simple))})
    return rows


def dated_events(event_graph: nx.Graph, flows: nx.DiGraph | None = None) -> list[dict[str, object]]:
    """The events of :func:`~kg.analysis.projection.actor_event_graph` (and packages of ``flows``) by date.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_event_graph, funding_flows
    >>> [(e["date"], e["kind"], e["actors"]) for e in dated_events(actor_event_graph(tiny_dataset()),
    ...                                                            funding_flows(tiny_dataset()))]
    [('2024-05-01', 'Meeting', ['Ann Smith', 'Bo Jones']), ('2024-05-02', 'FundingPackage', ['Ann Smith', 'Home Office'])]
    """
    events = []
    for graph, wanted in ((event_graph, lambda d: d.get("bipartite") == 1),
                          (flows, lambda d: d.get("role") == "package")):
        for node, data in (graph.nodes(data=True) if graph is not None else ()):
            if wanted(data) and data.get("date"):
                actors = sorted(str(graph.nodes[n].get("label", n)) for n in nx.all_neighbors(graph, node)
                                if graph.nodes[n].get("role") not in ("capability", "source")
                                and graph.nodes[n].get("bipartite", 0) == 0)
                events.append({"date": data["date"], "until": data.get("until", ""), "kind": data.get("kind", ""),
                               "label": data.get("label", ""),
                               "event": node, "actors": actors})
    return sorted(events, key=lambda e: (e["date"], e["kind"], e["label"], e["event"]))
