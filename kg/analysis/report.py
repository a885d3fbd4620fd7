"""One entry point per question, shared by ``bskg analyse`` and the Python API: :func:`analyse`.

Each analysis reads the graph once, projects it, runs the pure functions of
:mod:`kg.analysis` and returns a :class:`Report`: a table (``columns`` and
``rows``) for people and CSV, ``data`` (plain dicts) for JSON and programs,
and optionally a picture and an RDF copy of the results.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

import networkx as nx
from rdflib import Graph

from kg.analysis import centrality as measures
from kg.analysis.communities import communities
from kg.analysis.facts import FactIndex, read_facts
from kg.analysis.funding import funding_by_actor, funding_packages, money_text
from kg.analysis.paths import connecting_paths, ego_network, ego_summary, resolve_actor
from kg.analysis.projection import actor_event_graph, actor_network, funding_flows
from kg.analysis.timeline import dated_events, timeline
from kg.errors import BskgError

__all__ = ["ANALYSES", "Report", "analyse", "format_report"]


@dataclass
class Report:
    """What one analysis found: a titled table, the same as plain data, and how to draw or store it."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    data: dict[str, Any]
    plot: Callable[[Path], Path] | None = None
    rdf: Callable[[], Any] | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Window:
    """The date filter the projections apply (see :mod:`kg.analysis.projection`)."""

    as_of: date | None = None
    start: date | None = None
    end: date | None = None

    def kwargs(self) -> dict[str, date | None]:
        return {"as_of": self.as_of, "start": self.start, "end": self.end}

    def text(self) -> dict[str, str]:
        return {k: v.isoformat() for k, v in self.kwargs().items() if v}


def analyse(name: str, dataset: Graph | FactIndex | list[Path], *, as_of: date | None = None,
            start: date | None = None, end: date | None = None, plot: Path | None = None,
            write_rdf: Path | None = None, **options: Any) -> Report:
    """Run analysis ``name`` (one of :data:`ANALYSES`) on a graph, a read index or RDF files.

    ``options`` are the analysis's own: ``top`` (centrality), ``source`` and
    ``target`` (path), ``actor`` and ``radius`` (ego), ``by`` ("package" or
    "actor", funding), ``period`` (timeline). ``plot`` draws a PNG;
    ``write_rdf`` writes the results as RDF in their own named graph.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> report = analyse("funding", tiny_dataset())
    >>> report.columns[:4], report.rows[0][:4]
    (['date', 'package', 'money', 'recipient'], ['2024-05-02', 'GBP 5 million for the Home Office', 'up to GBP 5,000,000', 'Home Office'])
    """
    if name not in ANALYSES:
        raise BskgError(f"unknown analysis {name!r}: use one of {', '.join(ANALYSES)}")
    if isinstance(dataset, list):
        from kg.rdf.io import read_dataset

        dataset = read_dataset(dataset)
    index = dataset if isinstance(dataset, FactIndex) else read_facts(dataset)
    window = Window(as_of, start, end)
    report = ANALYSES[name](index, window, **options)
    report.data = {"analysis": name, "window": window.text(), **report.data}
    if plot is not None:
        report.plot(Path(plot))
        report.notes.append(f"plot: {plot}")
    if write_rdf is not None:
        if report.rdf is None:
            raise BskgError(f"--write-rdf is not available for {name}")
        from kg.analysis.results_rdf import write_analysis

        write_analysis(report.rdf(), Path(write_rdf))
        report.notes.append(f"results as RDF: {write_rdf}")
    return report


def format_report(report: Report, fmt: str = "table") -> str:
    """The report as an aligned ``table`` (with its title), ``csv`` or ``json``."""
    if fmt == "json":
        return json.dumps(report.data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(report.columns)
        writer.writerows([["" if v is None else v for v in row] for row in report.rows])
        return out.getvalue()
    from kg.queries import format_rows

    cells = [[f"{v:.4f}" if isinstance(v, float) else v for v in row] for row in report.rows]
    return f"{report.title}\n\n" + format_rows(report.columns, cells, "table")


# --- the analyses ------------------------------------------------------------------------

def _centrality(index: FactIndex, window: Window, top: int = 0) -> Report:
    graph = actor_network(index, **window.kwargs())
    scores = measures.centrality(graph)
    kinds, countries = measures.brokerage(graph, "kind"), measures.brokerage(graph, "country")
    order = sorted(scores, key=lambda n: (-scores[n]["pagerank"], -scores[n]["betweenness"], graph.nodes[n]["label"]))
    actors = [{"actor": n, "label": graph.nodes[n]["label"], "kind": graph.nodes[n]["kind"],
               "country": graph.nodes[n]["country"], **scores[n], "brokerage_kind": kinds[n]["cross_group"],
               "brokerage_country": countries[n]["cross_group"], "roles_kind": kinds[n], "roles_country": countries[n]}
              for n in (order[:top] if top else order)]
    simple = measures.simple_graph(graph)
    sample = measures.betweenness_sample(simple.number_of_nodes(), simple.number_of_edges())
    method = f"sampled k={sample} seed={measures.SEED}" if sample else "exact"
    columns = ["rank", "actor", "kind", "country", "degree", "betweenness", "pagerank", "facts", "brokerage_kind",
               "brokerage_country"]
    rows = [[i, a["label"], a["kind"], a["country"], a["degree"], a["betweenness"], a["pagerank"], a["facts"],
             a["brokerage_kind"], a["brokerage_country"]] for i, a in enumerate(actors, start=1)]
    rdf_scores = {a["actor"]: {m: a[m] for m in ("degree", "betweenness", "pagerank", "brokerage_kind",
                                                 "brokerage_country")} for a in actors}
    parameters = {**window.text(), "betweenness": method, "pagerank_alpha": 0.85, "top": top or "all"}
    return Report("centrality", f"Centrality of {len(rows)} actors ({graph.number_of_edges()} relations; "
                  f"betweenness {method}; brokerage = cross-group open triads)", columns, rows,
                  {"parameters": parameters, "actors": actors},
                  plot=lambda path: _plot_actors(graph, path, {n: s["pagerank"] for n, s in scores.items()}),
                  rdf=lambda: _rdf("centrality", parameters, scores=rdf_scores))


def _communities(index: FactIndex, window: Window, resolution: float = 1.0) -> Report:
    graph = actor_network(index, **window.kwargs())
    groups = communities(graph, resolution=resolution)
    linked = {n for n in groups if any(True for _ in nx.all_neighbors(graph, n))}
    rows = [[groups[n], graph.nodes[n]["label"], graph.nodes[n]["kind"], graph.nodes[n]["country"]]
            for n in sorted(groups, key=lambda n: (groups[n], graph.nodes[n]["label"])) if n in linked]
    sizes: dict[int, int] = {}
    for n in linked:
        sizes[groups[n]] = sizes.get(groups[n], 0) + 1
    parameters = {**window.text(), "method": "louvain", "seed": measures.SEED, "resolution": resolution}
    data = {"parameters": parameters, "communities": [
        {"community": c, "members": [{"actor": n, "label": graph.nodes[n]["label"]}
                                     for n in sorted(groups, key=lambda n: graph.nodes[n]["label"]) if groups[n] == c]}
        for c in sorted(set(groups.values()))]}
    scores = measures.pagerank(graph)
    return Report("communities", f"{len(sizes)} communities among {len(linked)} linked actors (Louvain, seed "
                  f"{measures.SEED}; {len(groups) - len(linked)} unlinked actors, each alone, not listed)",
                  ["community", "actor", "kind", "country"], rows, data,
                  plot=lambda path: _plot_actors(graph, path, scores, groups),
                  rdf=lambda: _rdf("communities", parameters, communities=groups))


def _path(index: FactIndex, window: Window, source: str = "", target: str = "", limit: int = 10) -> Report:
    graph = actor_network(index, **window.kwargs())
    a, b = resolve_actor(graph, source), resolve_actor(graph, target)
    paths = connecting_paths(graph, a, b, limit=limit)
    rows = []
    for number, path in enumerate(paths, start=1):
        for hop, step in enumerate(path["steps"], start=1):
            for e in step["evidence"]:
                relation = e["kind"] if e["direction"] == "forward" else f"<- {e['kind']}"
                rows.append([number, hop, step["from_label"], relation, step["to_label"], e["date"], e["source"],
                             f"{e['start']}-{e['end']}", e["quote"]])
    labels = f"{graph.nodes[a]['label']} and {graph.nodes[b]['label']}"
    title = (f"{len(paths)} shortest path(s) of length {paths[0]['length']} between {labels}; every fact "
             f"with its source span ('<-': the fact runs the other way)" if paths else f"No path between {labels}")
    parameters = {**window.text(), "from": a, "to": b, "limit": limit}
    return Report("path", title, ["path", "hop", "from", "relation", "to", "date", "source", "span", "quote"], rows,
                  {"parameters": parameters, "paths": paths},
                  plot=lambda p: _plot_paths(paths, p),
                  rdf=lambda: _rdf("path", parameters, paths=paths))


def _ego(index: FactIndex, window: Window, actor: str = "", radius: int = 1) -> Report:
    graph = actor_network(index, **window.kwargs())
    ego = resolve_actor(graph, actor)
    summary = ego_summary(graph, ego, radius=radius)
    rows = [[n["label"], n["kind"], n["distance"], ", ".join(n["via"]),
             ", ".join(f"{k} {c}" for k, c in n["relations"].items())] for n in summary["neighbours"]]
    parameters = {**window.text(), "actor": ego, "radius": radius}
    scores = {n["node"]: {f"distance from {summary['label']}": float(n["distance"])} for n in summary["neighbours"]}
    sub = ego_network(graph, ego, radius=radius)
    return Report("ego", f"{summary['label']}: {len(rows)} actors within {radius} link(s)",
                  ["actor", "kind", "distance", "via", "relations"], rows, {"parameters": parameters, **summary},
                  plot=lambda p: _plot_actors(sub, p, measures.pagerank(sub), title=f"Ego network of {summary['label']}"),
                  rdf=lambda: _rdf("ego", parameters, scores=scores))


def _funding(index: FactIndex, window: Window, by: str = "package") -> Report:
    flows = funding_flows(index, **window.kwargs())
    packages, actors = funding_packages(flows), funding_by_actor(flows)
    parameters = {**window.text(), "by": by}
    data = {"parameters": parameters, "packages": packages, "actors": actors}
    plot = lambda path: _plot_flows(flows, path)  # noqa: E731
    if by == "actor":
        rows = [[a["label"], a["kind"], *[_money(a[r]) for r in ("received", "benefits", "announced", "funded")],
                 a["received"]["packages"], a["announced"]["packages"]] for a in actors.values()]
        scores = {n: {f"{r} {cur}": v for r in ("received", "announced", "funded") for cur, v in a[r]["totals"].items()}
                  for n, a in actors.items()}
        return Report("funding", f"Funding in and out of {len(rows)} actors (totals per currency; 'up to': "
                      "includes a ceiling)", ["actor", "kind", "received", "benefits_from", "announced", "funded",
                                              "packages_received", "packages_announced"], rows, data, plot=plot,
                      rdf=lambda: _rdf("funding", parameters, scores=scores))
    rows = []
    for p in packages:
        named = [(r, "recipient") for r in p["recipients"]] + [(b, "beneficiary") for b in p["beneficiaries"]]
        for who, role in named or [("", "")]:
            rows.append([p["date"], p["label"], p["money"], who, role, "; ".join(p["announcers"] + p["funders"]),
                         "; ".join(p["sources"]), p["source"], f"{p['start']}-{p['end']}"])
    return Report("funding", f"{len(packages)} funding package(s) and who receives them ('up to': the amount is a "
                  "ceiling; beneficiary: gains a capability the package pays for)",
                  ["date", "package", "money", "recipient", "role", "announced_by", "source_of_funds", "source",
                   "span"], rows, data, plot=plot)


def _timeline(index: FactIndex, window: Window, period: str = "month") -> Report:
    graph = actor_network(index, **window.kwargs())
    rows_data = timeline(graph, period=period)
    events = dated_events(actor_event_graph(index, **window.kwargs()), funding_flows(index, **window.kwargs()))
    rows = [[r["period"], r["facts"], r["edges"], ", ".join(f"{k} {c}" for k, c in r["by_kind"].items()),
             r["actors"], _first_names(r["new_actors"]), r["total_actors"], r["largest_component"]] for r in rows_data]
    return Report("timeline", f"The actor network {period} by {period}: new relations, new actors, growth",
                  ["period", "facts", "relations", "by_kind", "actors", "new_actors", "total_actors",
                   "largest_component"], rows, {"parameters": {**window.text(), "period": period},
                                                "periods": rows_data, "events": events},
                  plot=lambda path: _plot_timeline(events, timeline(graph, period="day"), path))


ANALYSES: dict[str, Callable[..., Report]] = {"centrality": _centrality, "communities": _communities,
                                              "path": _path, "ego": _ego, "funding": _funding, "timeline": _timeline}


# --- helpers -------------------------------------------------------------------------------

def _money(slot: dict[str, Any]) -> str:
    return "; ".join(money_text(v, c, slot["ceiling"]) for c, v in sorted(slot["totals"].items()))


def _first_names(labels: list[str], limit: int = 4) -> str:
    return ", ".join(labels[:limit]) + (f" +{len(labels) - limit}" if len(labels) > limit else "")


def _rdf(measure: str, parameters: dict[str, Any], **results: Any):
    from kg.analysis.results_rdf import analysis_dataset

    return analysis_dataset(measure, parameters, **results)


def _plot_actors(graph: nx.Graph, path: Path, scores: dict[str, float], groups: dict[str, int] | None = None,
                 title: str = "") -> Path:
    from kg.analysis.plot import plot_actor_network

    return plot_actor_network(graph, path, scores=scores, groups=groups, title=title)


def _plot_paths(paths: list[dict[str, Any]], path: Path) -> Path:
    from kg.analysis.plot import plot_paths

    return plot_paths(paths, path)


def _plot_flows(flows: nx.DiGraph, path: Path) -> Path:
    from kg.analysis.plot import plot_funding_flows

    return plot_funding_flows(flows, path)


def _plot_timeline(events: list[dict[str, Any]], rows: list[dict[str, Any]], path: Path) -> Path:
    from kg.analysis.plot import plot_timeline

    return plot_timeline(events, rows, path)
