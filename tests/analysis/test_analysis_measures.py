"""Centrality, brokerage and communities on small hand-built graphs, with values worked out by hand."""
from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from kg.analysis.centrality import betweenness, brokerage, centrality, degree, pagerank, simple_graph
from kg.analysis.communities import communities, community_members
from kg.analysis.projection import actor_network
from kg.analysis.testing import tiny_dataset

KITE = [("a", "b"), ("b", "c"), ("c", "d"), ("b", "d")]  # a triangle b-c-d with a pendant a on b


def pagerank_by_algebra(graph: nx.Graph, alpha: float = 0.85) -> dict[str, float]:
    """PageRank solved exactly: (I - alpha P^T) x = (1 - alpha)/n, P the weighted random walk."""
    nodes = sorted(graph)
    weights = nx.to_numpy_array(graph, nodelist=nodes, weight="weight")
    walk = weights / weights.sum(axis=1, keepdims=True)
    n = len(nodes)
    solution = np.linalg.solve(np.eye(n) - alpha * walk.T, np.full(n, (1 - alpha) / n))
    return dict(zip(nodes, solution))


def test_measures_degree_on_kite_is_neighbours_over_n_minus_one() -> None:
    assert degree(nx.Graph(KITE)) == {"a": 1 / 3, "b": 1.0, "c": 2 / 3, "d": 2 / 3}


def test_measures_betweenness_on_kite_counts_pairs_through_b() -> None:
    # b lies on the only shortest paths a-c and a-d: 2 of the 3 pairs it is not part of
    assert betweenness(nx.Graph(KITE)) == {"a": 0.0, "b": 2 / 3, "c": 0.0, "d": 0.0}


def test_measures_pagerank_on_path_of_three_matches_closed_form() -> None:
    # p_end = 0.05 + 0.425 p_mid and p_mid = 0.05 + 1.7 p_end, so p_end = 0.07125 / 0.2775
    scores = pagerank(nx.path_graph(["x", "y", "z"]))
    assert scores["x"] == pytest.approx(0.07125 / 0.2775, abs=1e-6)
    assert scores["y"] == pytest.approx(1 - 2 * 0.07125 / 0.2775, abs=1e-6)


def test_measures_pagerank_weights_pairs_by_number_of_facts() -> None:
    graph = actor_network(tiny_dataset())  # Ann-Home Office: 2 facts, Ann-Bo: 1 fact
    expected = pagerank_by_algebra(simple_graph(graph))
    assert pagerank(graph) == pytest.approx(expected, abs=1e-6)
    assert pagerank(graph)["https://w3id.org/bskg/id/org/home-office"] > pagerank(graph)[
        "https://w3id.org/bskg/id/person/bo-jones"]


def test_measures_centrality_on_tiny_graph_exact() -> None:
    scores = centrality(actor_network(tiny_dataset()))
    ann = scores["https://w3id.org/bskg/id/person/ann-smith"]
    bo = scores["https://w3id.org/bskg/id/person/bo-jones"]
    assert (ann["degree"], ann["betweenness"], ann["facts"]) == (1.0, 1.0, 3)
    assert (bo["degree"], bo["betweenness"], bo["facts"]) == (0.5, 0.0, 1)


def test_measures_simple_graph_counts_distinct_facts_either_direction() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", kind="met_with", fact="f1")
    graph.add_edge("b", "a", kind="announced", fact="f2")
    graph.add_edge("a", "b", kind="spoke_about", fact="f2")
    graph.add_edge("a", "a", kind="met_with", fact="f3")
    simple = simple_graph(graph)
    assert list(simple.edges(data=True)) == [("a", "b", {"weight": 2, "kinds": "announced|met_with|spoke_about"})]


def test_measures_sampled_betweenness_with_every_source_equals_exact() -> None:
    graph = nx.Graph(KITE)
    assert betweenness(graph, exact_below=2, k=4) == pytest.approx(betweenness(graph))


def test_measures_sampled_betweenness_is_the_same_whatever_the_insertion_order() -> None:
    edges = list(nx.barabasi_albert_graph(60, 2, seed=1).edges())
    first = nx.Graph([(f"n{u:02d}", f"n{v:02d}") for u, v in edges])
    random.Random(7).shuffle(edges)
    second = nx.Graph([(f"n{u:02d}", f"n{v:02d}") for u, v in edges])
    assert betweenness(first, exact_below=10, k=8) == betweenness(second, exact_below=10, k=8)


def star_with_groups(*closed: tuple[str, str]) -> nx.Graph:
    graph = nx.Graph([("v", "a"), ("v", "b"), ("v", "c"), ("v", "d"), *closed])
    nx.set_node_attributes(graph, {"v": "Person", "a": "Agency", "b": "Agency", "c": "Ministry", "d": "Person"},
                           "kind")
    return graph


def test_measures_brokerage_roles_counted_per_open_triad() -> None:
    # (a,b) itinerant; (a,c), (b,c) liaison; (a,d), (b,d), (c,d) representative
    assert brokerage(star_with_groups())["v"] == {"coordinator": 0, "itinerant": 1, "representative": 3,
                                                  "liaison": 2, "cross_group": 6}


def test_measures_brokerage_closed_triad_is_no_brokerage() -> None:
    assert brokerage(star_with_groups(("a", "b")))["v"]["itinerant"] == 0


def test_measures_brokerage_coordinator_within_one_group_and_unknown_groups_skipped() -> None:
    graph = nx.Graph([("v", "a"), ("v", "b"), ("v", "x")])
    nx.set_node_attributes(graph, {"v": "UK", "a": "UK", "b": "UK", "x": ""}, "country")
    assert brokerage(graph, "country")["v"] == {"coordinator": 1, "itinerant": 0, "representative": 0,
                                                "liaison": 0, "cross_group": 0}


def two_cliques() -> nx.Graph:
    left = [("a1", "a2"), ("a1", "a3"), ("a1", "a4"), ("a2", "a3"), ("a2", "a4"), ("a3", "a4")]
    right = [(u.replace("a", "b"), v.replace("a", "b")) for u, v in left]
    return nx.Graph(left + right + [("a4", "b1")])


def test_measures_communities_split_two_cliques_at_the_bridge() -> None:
    assert community_members(communities(two_cliques())) == {0: ["a1", "a2", "a3", "a4"], 1: ["b1", "b2", "b3", "b4"]}


def test_measures_communities_numbered_by_size_then_first_member() -> None:
    graph = two_cliques()
    graph.add_edge("c1", "c2")
    graph.add_node("z")
    assert community_members(communities(graph)) == {0: ["a1", "a2", "a3", "a4"], 1: ["b1", "b2", "b3", "b4"],
                                                     2: ["c1", "c2"], 3: ["z"]}


def test_measures_communities_same_split_whatever_the_insertion_order() -> None:
    edges = list(nx.connected_caveman_graph(5, 5).edges())
    first = nx.Graph([(f"n{u:02d}", f"n{v:02d}") for u, v in edges])
    random.Random(3).shuffle(edges)
    second = nx.Graph([(f"n{u:02d}", f"n{v:02d}") for u, v in edges])
    assert communities(first) == communities(second)
    assert len(set(communities(first).values())) == 5
