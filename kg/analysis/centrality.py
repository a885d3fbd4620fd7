"""Who is central and who brokers: degree, betweenness, PageRank and brokerage roles.

All measures run on :func:`simple_graph`, the undirected simple view of the
actor network: one edge per pair of actors whatever the number, kinds and
directions of the facts between them (``weight`` = the number of distinct
facts). Direction is dropped because the projection stores symmetric
relations (met with, partners with) in an arbitrary direction.
"""
from __future__ import annotations

from itertools import combinations

import networkx as nx

__all__ = ["simple_graph", "degree", "betweenness", "pagerank", "centrality", "brokerage", "betweenness_sample",
           "EXACT_BETWEENNESS_BELOW", "BETWEENNESS_WORK", "SEED"]

EXACT_BETWEENNESS_BELOW = 500
"""Graphs with at least this many nodes get sampled betweenness (exact costs O(n·m))."""
BETWEENNESS_WORK = 2_000_000
"""Sampled betweenness uses ``BETWEENNESS_WORK // edges`` sources, kept within 50..500: one
breadth-first search per source, so the run costs about this many edge visits."""
SEED = 0
"""The fixed seed of every randomised measure, so the same graph gives the same numbers."""


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """The undirected simple graph of ``graph``: ``weight`` = distinct facts, ``kinds`` = their kinds.

    Nodes are added in sorted order, so seeded measures do not depend on how the graph was built.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", kind="met_with", fact="f1")
    0
    >>> g.add_edge("b", "a", kind="spoke_about", fact="f2")
    0
    >>> simple_graph(g).edges["a", "b"]
    {'weight': 2, 'kinds': 'met_with|spoke_about'}
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted((n, dict(d)) for n, d in graph.nodes(data=True)))
    facts: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for u, v, data in graph.edges(data=True):
        if u != v:
            pair = (u, v) if u <= v else (v, u)
            facts.setdefault(pair, set()).add((str(data.get("fact", "")), str(data.get("kind", ""))))
    for (u, v), found in sorted(facts.items()):
        simple.add_edge(u, v, weight=len({f for f, _ in found}), kinds="|".join(sorted({k for _, k in found if k})))
    return simple


def degree(graph: nx.Graph) -> dict[str, float]:
    """Degree centrality: the share of the other actors an actor is linked to.

    Examples
    --------
    >>> degree(nx.star_graph(3))
    {0: 1.0, 1: 0.3333333333333333, 2: 0.3333333333333333, 3: 0.3333333333333333}
    """
    return nx.degree_centrality(simple_graph(graph))


def betweenness_sample(nodes: int, edges: int, *, exact_below: int = EXACT_BETWEENNESS_BELOW,
                       k: int | None = None) -> int | None:
    """How many sources betweenness samples for a graph of this size; None: exact.

    >>> betweenness_sample(185, 232), betweenness_sample(20000, 60000), betweenness_sample(109000, 660000)
    (None, 50, 50)
    >>> betweenness_sample(900, 2000)
    500
    """
    if nodes < exact_below:
        return None
    return min(nodes, k if k is not None else max(50, min(500, BETWEENNESS_WORK // max(edges, 1))))


def betweenness(graph: nx.Graph, *, exact_below: int = EXACT_BETWEENNESS_BELOW, k: int | None = None,
                seed: int = SEED) -> dict[str, float]:
    """Normalised betweenness: exact below ``exact_below`` nodes, else sampled (:func:`betweenness_sample`).

    Sampling picks its sources with the fixed ``seed`` from the sorted nodes, so it repeats exactly.

    Examples
    --------
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    return _betweenness(simple_graph(graph), exact_below, k, seed)


def _betweenness(simple: nx.Graph, exact_below: int, k: int | None, seed: int) -> dict[str, float]:
    sample = betweenness_sample(simple.number_of_nodes(), simple.number_of_edges(), exact_below=exact_below, k=k)
    return nx.betweenness_centrality(simple, k=sample, seed=seed if sample else None)


def pagerank(graph: nx.Graph, *, alpha: float = 0.85) -> dict[str, float]:
    """PageRank on the undirected simple graph, weighted by the number of facts per pair.

    Examples
    --------
    >>> {n: round(v, 4) for n, v in pagerank(nx.path_graph(3)).items()}
    {0: 0.2568, 1: 0.4865, 2: 0.2568}
    """
    return _pagerank(simple_graph(graph), alpha)


def _pagerank(simple: nx.Graph, alpha: float = 0.85) -> dict[str, float]:
    return nx.pagerank(simple, alpha=alpha, weight="weight") if simple.number_of_nodes() else {}


def centrality(graph: nx.Graph, *, exact_below: int = EXACT_BETWEENNESS_BELOW, k: int | None = None,
               seed: int = SEED) -> dict[str, dict[str, float]]:
    """For each actor: ``degree``, ``betweenness``, ``pagerank`` and ``facts`` (facts linking it to others).

    Examples
    --------
    >>> scores = centrality(nx.path_graph(3))
    >>> scores[1]["degree"], scores[1]["betweenness"], scores[1]["facts"]
    (1.0, 1.0, 2)
    """
    simple = simple_graph(graph)
    measures = {"degree": nx.degree_centrality(simple), "betweenness": _betweenness(simple, exact_below, k, seed),
                "pagerank": _pagerank(simple)}
    facts = dict(simple.degree(weight="weight"))
    return {n: {**{name: values[n] for name, values in measures.items()}, "facts": facts[n]} for n in simple}


def brokerage(graph: nx.Graph, attribute: str = "kind") -> dict[str, dict[str, int]]:
    """Gould-Fernandez brokerage roles on the undirected graph, with groups from a node attribute.

    For every open triad ``a - v - b`` (``a`` and ``b`` not linked), the broker
    ``v`` is a *coordinator* when all three share a group, *itinerant* when
    ``a`` and ``b`` share one that ``v`` does not, *representative* when ``v``
    shares its group with exactly one of them (direction being dropped, the
    gatekeeper and representative roles are one), and *liaison* when all three
    differ. ``cross_group`` counts the last three. Triads with a node whose
    group is empty ("" or missing) are not counted. Group by ``"kind"``
    (organisation kinds) or ``"country"``.

    Examples
    --------
    >>> g = nx.Graph([("nca", "jones"), ("jones", "cps")])
    >>> nx.set_node_attributes(g, {"nca": "Agency", "jones": "Person", "cps": "Prosecutor"}, "kind")
    >>> brokerage(g)["jones"]
    {'coordinator': 0, 'itinerant': 0, 'representative': 0, 'liaison': 1, 'cross_group': 1}
    """
    simple = simple_graph(graph)
    group = {n: str(d.get(attribute) or "") for n, d in simple.nodes(data=True)}
    roles = {}
    for v in simple:
        counts = dict.fromkeys(("coordinator", "itinerant", "representative", "liaison"), 0)
        for a, b in combinations(sorted(simple[v]), 2):
            if group[v] and group[a] and group[b] and not simple.has_edge(a, b):
                counts[_role(group[a], group[v], group[b])] += 1
        roles[v] = {**counts, "cross_group": counts["itinerant"] + counts["representative"] + counts["liaison"]}
    return roles


def _role(a: str, v: str, b: str) -> str:
    if a == b:
        return "coordinator" if v == a else "itinerant"
    return "representative" if v in (a, b) else "liaison"
