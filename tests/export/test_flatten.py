"""The flattening step all formats share: ids, labels, values, types, spells."""
from __future__ import annotations

import networkx as nx
import pytest

import export_samples as samples
from kg.export.flatten import day_range, flatten


@pytest.fixture(scope="module")
def flat():
    return flatten(samples.actor_network(), "actors")


def test_flatten_keeps_every_node_and_edge(flat) -> None:
    graph = samples.actor_network()
    assert (len(flat.nodes), len(flat.edges)) == (graph.number_of_nodes(), graph.number_of_edges())


def test_flatten_ids_are_strings_unique_across_nodes_and_edges(flat) -> None:
    ids = [n.id for n in flat.nodes] + [e.id for e in flat.edges]
    assert all(isinstance(i, str) and i for i in ids)
    assert len(set(ids)) == len(ids)


def test_flatten_edge_ids_are_stable_whatever_the_insertion_order() -> None:
    graph = samples.actor_network()
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(graph.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(graph.edges(data=True))))
    assert flatten(graph) == flatten(reversed_graph)


def test_flatten_drops_empty_values_and_joins_lists(flat) -> None:
    values = [v for e in flat.edges for v in e.attrs.values()]
    assert all(v is not None and v != "" for v in values)
    tagged = next(e for e in flat.edges if e.kind == "partners_with")
    assert tagged.attrs["tags"] == "returns|intelligence"
    assert "tags" not in next(e for e in flat.edges if e.kind == "funds").attrs  # [] is empty


def test_flatten_keeps_real_booleans_and_one_type_per_attribute(flat) -> None:
    assert flat.edge_types["verified"] == "boolean"
    assert {type(e.attrs["verified"]) for e in flat.edges if "verified" in e.attrs} == {bool}
    assert flat.edge_types["weight"] == "double"  # 2 and 2.5: integers widened to floats
    assert {type(e.attrs["weight"]) for e in flat.edges if "weight" in e.attrs} == {float}


def test_flatten_mixed_types_become_strings() -> None:
    graph = nx.Graph()
    graph.add_node("a", code=1)
    graph.add_node("b", code="x1")
    graph.add_node("c", code=True)
    flat = flatten(graph)
    assert flat.node_types["code"] == "string"
    assert [n.attrs["code"] for n in flat.nodes] == ["1", "x1", "true"]


def test_flatten_renames_names_formats_reserve(flat) -> None:
    edge = next(e for e in flat.edges if e.kind == "holds_post_in")
    assert edge.attrs["document"] == samples.DOC
    assert (edge.attrs["span_start"], edge.attrs["span_end"]) == (1590, 1604)
    assert not {"source", "start", "end"} & set(edge.attrs)


def test_flatten_gives_labels_and_kinds(flat) -> None:
    assert all(n.label and n.kind for n in flat.nodes)
    assert {e.label for e in flat.edges if e.kind == "met_with"} == {"met with"}  # label None: the kind in words


def test_flatten_leaves_out_missing_evidence_offsets() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", kind="met_with", start=-1, end=-1, source="")
    (edge,) = flatten(graph).edges
    assert edge.attrs == {}


def test_flatten_orients_bipartite_edges_from_actor_to_event() -> None:
    flat = flatten(samples.actor_event_graph())
    assert {e.target for e in flat.edges} == {f"{samples.ID}event/rome-meeting"}


@pytest.mark.parametrize("value, expected", [
    ("2024-09-16", ("2024-09-16", "2024-09-16")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2024", ("2024-01-01", "2024-12-31")),
    ("2024-09-16T10:30:00Z", ("2024-09-16", "2024-09-16")),
    ("", None),
    ("in the coming weeks", None),
    ("2024-13", None),
])
def test_day_range_reads_iso_dates_at_their_precision(value, expected) -> None:
    assert day_range(value) == expected


def test_flatten_spells_come_from_dates(flat) -> None:
    spells = {e.kind: e.spells for e in flat.edges}
    assert spells["funds"] == (("2024-01-01", "2024-12-31"),)
    assert spells["partners_with"] == ()
    assert flat.dynamic


def test_flatten_period_from_start_and_end_dates() -> None:
    graph = nx.DiGraph()
    graph.add_edge("a", "b", kind="holds_post_in", start_date="2024-07-05", end_date=None)
    (edge,) = flatten(graph).edges
    assert edge.spells == (("2024-07-05", ""),)
