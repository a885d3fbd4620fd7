"""Naming actors, connecting paths with evidence, ego networks, funding and the timeline."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from analysis_helpers import graph_of, span

from kg.analysis.funding import funding_by_actor, funding_packages
from kg.analysis.paths import ActorNotFound, connecting_paths, ego_network, ego_summary, resolve_actor
from kg.analysis.projection import actor_event_graph, actor_network, funding_flows
from kg.analysis.testing import tiny_dataset
from kg.analysis.timeline import dated_events, snapshot, timeline

ID = "https://w3id.org/bskg/id/"


@pytest.fixture(scope="module")
def tiny() -> nx.MultiDiGraph:
    return actor_network(tiny_dataset())


@pytest.mark.parametrize(("name", "expected"), [
    ("Ann Smith", "person/ann-smith"), ("  ann   SMITH ", "person/ann-smith"), ("ann", "person/ann-smith"),
    ("home office", "org/home-office"), ("HO", "org/home-office"), (f"{ID}person/bo-jones", "person/bo-jones"),
], ids=["label", "case-and-spaces", "alias", "label-lowercase", "acronym", "iri"])
def test_paths_resolve_actor_by_label_alias_acronym_or_iri(tiny, name: str, expected: str) -> None:
    assert resolve_actor(tiny, name) == ID + expected


def test_paths_resolve_actor_unknown_name_suggests_close_labels(tiny) -> None:
    with pytest.raises(ActorNotFound, match="did you mean 'Ann Smith'"):
        resolve_actor(tiny, "Ann Smyth")


def test_paths_resolve_actor_ambiguous_alias_asks_for_the_iri() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="Prime Minister of A", aliases="PM")
    graph.add_node("y", label="Prime Minister of B", aliases="PM")
    with pytest.raises(ActorNotFound, match="several actors"):
        resolve_actor(graph, "pm")


def test_paths_lists_every_shortest_path_with_each_hops_facts() -> None:
    people = "".join(f'id:{n} a bskg:Person ; rdfs:label "{n.upper()}" .\n' for n in "abcd")
    meetings = "".join(f"id:m{u}{v} a bskg:Meeting ; bskg:participant id:{u} , id:{v} ; bskg:evidence id:s{u}{v} .\n"
                       + span(f"s{u}{v}", i * 10, i * 10 + 5, f"{u} met {v}")
                       for i, (u, v) in enumerate(["ab", "bd", "ac", "cd"]))
    graph = actor_network(graph_of(people + meetings))
    paths = connecting_paths(graph, ID + "a", ID + "d")
    assert [p["actors"] for p in paths] == [["A", "B", "D"], ["A", "C", "D"]]
    assert [(e["kind"], e["quote"], e["start"]) for e in paths[0]["steps"][1]["evidence"]] == [
        ("met_with", "b met d", 10)]


def test_paths_no_path_is_an_empty_list(tiny) -> None:
    tiny = tiny.copy()
    tiny.add_node("lonely", label="Lonely")
    assert connecting_paths(tiny, ID + "person/bo-jones", "lonely") == []


def test_paths_seed_path_between_two_officials_cites_a_real_span_on_every_edge(seed, seed_text) -> None:
    graph = actor_network(seed)
    paths = connecting_paths(graph, resolve_actor(graph, "Rob Jones"), resolve_actor(graph, "Stephen Parkinson"))
    assert paths
    for path in paths:
        for step in path["steps"]:
            assert step["evidence"]
            for fact in step["evidence"]:
                assert seed_text[fact["source"]][fact["start"]:fact["end"]] == fact["quote"] != ""


def test_paths_ego_network_and_summary(tiny) -> None:
    bo = ID + "person/bo-jones"
    assert sorted(ego_network(tiny, bo)) == [ID + "person/ann-smith", bo]
    summary = ego_summary(tiny, bo, radius=2)
    assert [(n["label"], n["distance"], n["via"]) for n in summary["neighbours"]] == [
        ("Ann Smith", 1, ["Bo Jones"]), ("Home Office", 2, ["Ann Smith"])]


def test_funding_seed_package_lists_its_recipients_with_the_ceiling(seed) -> None:
    (package,) = funding_packages(funding_flows(seed))
    assert package["money"] == "up to GBP 75,000,000" and package["ceiling"] is True
    assert {"National Crime Agency", "Border Security Command", "police"} <= set(package["recipients"])
    assert package["announcers"] == ["Yvette Cooper"]
    assert package["sources"] == ["Illegal Migration Act 2023"]


def test_funding_by_actor_sums_per_package_and_currency_never_per_edge() -> None:
    people = 'id:ann a bskg:Person ; rdfs:label "Ann" .\nid:nca a bskg:LawEnforcementAgency ; rdfs:label "NCA" .\n'
    packages = "".join(
        f'id:p{i} a bskg:FundingPackage ; bskg:announcer id:ann ; bskg:recipient id:nca ; bskg:amount {amount} ; '
        f'bskg:currency "{currency}" ; bskg:isUpperBound {ceiling} ; bskg:evidence id:s .\n'
        for i, (amount, currency, ceiling) in enumerate([(10, "GBP", "false"), (5, "GBP", "true"), (7, "EUR", "false")]))
    capability = "id:c a bskg:Commitment ; bskg:beneficiary id:nca ; bskg:fundedBy id:p0 ; bskg:evidence id:s .\n"
    actors = funding_by_actor(funding_flows(graph_of(people + packages + capability + span("s", 0, 3, "abc"))))
    assert actors[ID + "nca"]["received"] == {"packages": 3, "totals": {"EUR": 7.0, "GBP": 15.0}, "ceiling": True}
    assert actors[ID + "ann"]["announced"]["totals"] == {"EUR": 7.0, "GBP": 15.0}
    assert actors[ID + "nca"]["benefits"]["packages"] == 0  # a recipient already; not counted twice


def test_timeline_rows_grow_by_period(tiny) -> None:
    assert [(r["period"], r["edges"], r["total_actors"], r["largest_component"]) for r in timeline(tiny)] == [
        ("2024-05", 3, 3, 3)]
    assert [r["period"] for r in timeline(tiny, period="day")] == ["2024-05-01", "2024-05-02"]
    with pytest.raises(ValueError):
        timeline(tiny, period="week")


def test_timeline_snapshot_keeps_edges_dated_in_the_window(tiny) -> None:
    assert snapshot(tiny, as_of=date(2024, 4, 30)).number_of_edges() == 0
    assert snapshot(tiny, start=date(2024, 5, 2)).number_of_edges() == 1


def test_timeline_dated_events_of_the_seed_are_in_date_order(seed) -> None:
    events = dated_events(actor_event_graph(seed), funding_flows(seed))
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert {"Summit", "Meeting", "FundingPackage"} <= {e["kind"] for e in events}


def test_api_every_public_name_resolves() -> None:
    import kg.analysis as ka

    assert all(getattr(ka, name) is not None for name in ka.__all__)


def test_api_to_dataframe_gives_the_report_table_or_asks_for_pandas() -> None:
    import kg.analysis as ka
    from kg.errors import BskgError

    report = ka.analyse("funding", tiny_dataset())
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(BskgError, match="pandas"):
            ka.to_dataframe(report)
        return
    assert list(ka.to_dataframe(report).columns) == report.columns
