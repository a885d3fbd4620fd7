"""Network analyses of actors, meetings and money: RDF -> networkx, then pure functions, graph in, dict out.

The projection (:mod:`kg.analysis.projection`) is the one place where n-ary
facts become edges; its docstring says which facts become which edges and
what is lost. Everything else takes a networkx graph and returns plain
dicts and lists::

    import kg.analysis as ka
    dataset = kg.load("out/corpus.nq")
    graph = ka.actor_network(dataset, as_of=date(2024, 9, 18))
    scores = ka.centrality(graph)                       # {iri: {"degree", "betweenness", "pagerank", "facts"}}
    groups = ka.communities(graph)                      # {iri: community number}
    paths = ka.connecting_paths(graph, ka.resolve_actor(graph, "Rob Jones"), ka.resolve_actor(graph, "CPS"))
    money = ka.funding_by_actor(ka.funding_flows(dataset))
    report = ka.analyse("centrality", dataset)          # the table `bskg analyse centrality` prints
    frame = ka.to_dataframe(report)                     # a pandas DataFrame, if pandas is installed

Only this package (and ``kg.export``) imports networkx.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "centrality": ["betweenness", "brokerage", "centrality", "degree", "pagerank", "simple_graph"],
    "communities": ["communities", "community_members"],
    "facts": ["read_facts"],
    "funding": ["funding_by_actor", "funding_packages"],
    "paths": ["ActorNotFound", "connecting_paths", "ego_network", "ego_summary", "resolve_actor"],
    "projection": ["EDGE_KINDS", "actor_event_graph", "actor_network", "funding_flows"],
    "report": ["Report", "analyse", "format_report"],
    "timeline": ["dated_events", "snapshot", "timeline"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted([*_WHERE, "to_dataframe"])


def __getattr__(name: str) -> Any:
    """Import lazily: ``bskg`` loads this package for its CLI without paying for networkx and rdflib."""
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def to_dataframe(report: Any) -> Any:
    """A report's table, or a list of dicts, as a pandas DataFrame (pandas must be installed)."""
    from kg.errors import BskgError

    try:
        import pandas
    except ImportError:
        raise BskgError("to_dataframe needs pandas, which is not installed: pip install pandas") from None
    from kg.analysis.report import Report

    if isinstance(report, Report):
        return pandas.DataFrame(report.rows, columns=report.columns)
    return pandas.DataFrame(report)
