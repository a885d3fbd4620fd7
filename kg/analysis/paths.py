"""How two actors are connected, with the evidence, and who surrounds one actor.

Actors are named by IRI, label, alias or acronym, case-insensitively
(:func:`resolve_actor`).
"""
from __future__ import annotations

import difflib

import networkx as nx

from kg.analysis.centrality import simple_graph
from kg.errors import BskgError

__all__ = ["ActorNotFound", "resolve_actor", "connecting_paths", "ego_network", "ego_summary", "edge_evidence"]


class ActorNotFound(BskgError):
    """No actor, or more than one, answers to a name."""


def resolve_actor(graph: nx.Graph, name: str) -> str:
    """The node named ``name``: its IRI, label, an alias or acronym, ignoring case.

    A label match wins over an alias match; a name that fits several actors
    equally, or none, raises :class:`ActorNotFound` with the candidates.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_network
    >>> graph = actor_network(tiny_dataset())
    >>> resolve_actor(graph, "ho"), resolve_actor(graph, "ann")
    ('https://w3id.org/bskg/id/org/home-office', 'https://w3id.org/bskg/id/person/ann-smith')
    """
    if name in graph:
        return name
    wanted = " ".join(name.split()).casefold()
    for field in ("label", "aliases"):
        found = sorted(n for n, d in graph.nodes(data=True)
                       if wanted in (" ".join(v.split()).casefold() for v in str(d.get(field, "")).split("|") if v))
        if len(found) == 1:
            return found[0]
        if found:
            labels = ", ".join(f"{graph.nodes[n].get('label', n)} <{n}>" for n in found)
            raise ActorNotFound(f"{name!r} names several actors: {labels}; give the IRI")
    close = difflib.get_close_matches(name, sorted({str(d.get("label", n)) for n, d in graph.nodes(data=True)}), n=3)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise ActorNotFound(f"no actor is named {name!r}{hint}")


def edge_evidence(graph: nx.MultiDiGraph, u: str, v: str) -> list[dict[str, object]]:
    """Every fact linking ``u`` and ``v``, in either direction, with its source span, by date.

    ``direction`` is "forward" when the fact's edge runs from ``u`` to ``v``.
    """
    found = []
    for a, b, direction in ((u, v, "forward"), (v, u, "backward")):
        for data in (graph.get_edge_data(a, b) or {}).values():
            found.append({**data, "direction": direction})
    return sorted(found, key=lambda e: (str(e.get("date", "")), str(e.get("kind", "")), str(e.get("fact", "")),
                                        e["direction"]))


def connecting_paths(graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 10) -> list[dict[str, object]]:
    """The shortest paths between two actors (at most ``limit``), each hop with its facts and quotes.

    Each path is ``{"length", "actors": [labels], "steps": [...]}``; each step
    has ``from``, ``to``, their labels and ``evidence``: the facts of
    :func:`edge_evidence`, each with ``kind``, ``date``, ``source``,
    ``start``, ``end``, ``quote``, ``fact`` and ``label``. No path: ``[]``.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_network
    >>> graph = actor_network(tiny_dataset())
    >>> bo, office = resolve_actor(graph, "Bo Jones"), resolve_actor(graph, "Home Office")
    >>> [path["actors"] for path in connecting_paths(graph, bo, office)]
    [['Bo Jones', 'Ann Smith', 'Home Office']]
    >>> [(e["kind"], e["quote"]) for e in connecting_paths(graph, bo, office)[0]["steps"][0]["evidence"]]
    [('met_with', 'Minister Ann Smith met Bo Jones in Paris on 1 May 2024.')]
    """
    simple = simple_graph(graph)
    if source not in simple or target not in simple or not nx.has_path(simple, source, target):
        return []
    paths = sorted(nx.all_shortest_paths(simple, source, target))[:limit]
    return [_path(graph, nodes) for nodes in paths]


def _path(graph: nx.MultiDiGraph, nodes: list[str]) -> dict[str, object]:
    label = lambda n: str(graph.nodes[n].get("label", n))  # noqa: E731
    steps = [{"from": u, "to": v, "from_label": label(u), "to_label": label(v), "evidence": edge_evidence(graph, u, v)}
             for u, v in zip(nodes, nodes[1:])]
    return {"length": len(nodes) - 1, "actors": [label(n) for n in nodes], "nodes": list(nodes), "steps": steps}


def ego_network(graph: nx.Graph, actor: str, *, radius: int = 1) -> nx.Graph:
    """The actors within ``radius`` links of ``actor`` (either direction) and all facts among them.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_network
    >>> graph = actor_network(tiny_dataset())
    >>> sorted(ego_network(graph, resolve_actor(graph, "Bo Jones")).nodes(data="label"))[0][1]
    'Ann Smith'
    """
    return graph.subgraph(sorted(nx.ego_graph(simple_graph(graph), actor, radius=radius))).copy()


def ego_summary(graph: nx.MultiDiGraph, actor: str, *, radius: int = 1) -> dict[str, object]:
    """The ego network as a dict: the actor and each neighbour's distance and relations to its ego network.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import actor_network
    >>> graph = actor_network(tiny_dataset())
    >>> summary = ego_summary(graph, resolve_actor(graph, "Bo Jones"), radius=2)
    >>> [(n["label"], n["distance"], n["relations"]) for n in summary["neighbours"]]
    [('Ann Smith', 1, {'met_with': 1}), ('Home Office', 2, {'announced': 1, 'holds_post_in': 1})]
    """
    simple = simple_graph(graph)
    distances = nx.single_source_shortest_path_length(simple, actor, cutoff=radius)
    neighbours = []
    order = lambda item: (item[1], str(graph.nodes[item[0]].get("label", "")).casefold(), str(item[0]))  # noqa: E731
    for node, distance in sorted(distances.items(), key=order):
        if node == actor:
            continue
        closer = [n for n in simple[node] if distances.get(n, radius + 1) < distance]
        relations: dict[str, int] = {}
        for other in sorted(closer):
            for edge in edge_evidence(graph, other, node):
                relations[edge["kind"]] = relations.get(edge["kind"], 0) + 1
        neighbours.append({"node": node, "label": graph.nodes[node].get("label", node),
                           "kind": graph.nodes[node].get("kind", ""), "distance": distance,
                           "via": [graph.nodes[n].get("label", n) for n in sorted(closer)],
                           "relations": dict(sorted(relations.items()))})
    return {"actor": actor, "label": graph.nodes[actor].get("label", actor), "radius": radius,
            "neighbours": neighbours}
