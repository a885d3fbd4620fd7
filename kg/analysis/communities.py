"""Which actors cluster: Louvain communities with a fixed seed."""
from __future__ import annotations

import networkx as nx

from kg.analysis.centrality import SEED, simple_graph

__all__ = ["communities", "community_members"]


def communities(graph: nx.Graph, *, seed: int = SEED, resolution: float = 1.0) -> dict[str, int]:
    """Each actor's community: Louvain on the undirected simple graph weighted by facts.

    Communities are numbered from 0 by size, largest first, ties broken by
    their smallest node id; an actor with no link is a community of its own.
    The seed is fixed and the nodes sorted, so the same graph gives the same split.

    Examples
    --------
    >>> two_triangles = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
    ...                           ("d", "e"), ("e", "f"), ("d", "f")])
    >>> communities(two_triangles)
    {'a': 0, 'b': 0, 'c': 0, 'd': 1, 'e': 1, 'f': 1}
    """
    simple = simple_graph(graph)
    found = nx.community.louvain_communities(simple, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted((sorted(map(str, group)), group) for group in found)
    ordered.sort(key=lambda item: -len(item[1]))
    return {node: number for number, (_, group) in enumerate(ordered) for node in sorted(group, key=str)}


def community_members(assignment: dict[str, int]) -> dict[int, list[str]]:
    """Invert :func:`communities`: community number -> its members, sorted.

    Examples
    --------
    >>> community_members({"a": 0, "b": 1, "c": 0})
    {0: ['a', 'c'], 1: ['b']}
    """
    members: dict[int, list[str]] = {}
    for node, number in sorted(assignment.items(), key=lambda item: (item[1], str(item[0]))):
        members.setdefault(number, []).append(node)
    return members
