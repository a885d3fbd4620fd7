"""Pictures of the networks with matplotlib (Agg backend, no display needed).

``plot_actor_network`` draws actors coloured by kind (or community) and sized
by a centrality score, with the actors no fact links listed apart;
``plot_funding_flows`` draws money left to right (sources and announcers,
packages, recipients, capabilities); ``plot_timeline`` draws dated events in
lanes by kind over the growth of the network. Layouts are seeded and files
carry no timestamp, so the same graph gives the same PNG bytes.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import networkx as nx

from kg.analysis.centrality import SEED, simple_graph

__all__ = ["plot_actor_network", "plot_funding_flows", "plot_timeline", "plot_paths"]

_METADATA = {"Software": None}
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
            "#17becf", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")
_EDGE_COLOURS = {"holds_post_in": "#4d4d4d", "met_with": "#1f77b4", "partners_with": "#17becf", "funds": "#d62728",
                 "announced": "#ff7f0e", "receives_from": "#e377c2", "spoke_about": "#9bbf85", "several": "#8c564b"}
_ROLE_COLUMN = {"source": 0, "funder": 0, "announcer": 0, "package": 1, "recipient": 2, "beneficiary": 2,
                "capability": 3}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "svg.hashsalt": "bskg", "path.simplify": True})
    return plt


def plot_actor_network(graph: nx.Graph, path: Path, *, scores: dict[str, float] | None = None,
                       groups: dict[str, int] | None = None, title: str = "", max_labels: int = 60) -> Path:
    """Draw the actor network to ``path`` (PNG, SVG or PDF by extension).

    Nodes are coloured by ``kind``, or by community number when ``groups`` is
    given, and sized by ``scores`` (e.g. PageRank). Only the ``max_labels``
    actors with the highest scores are labelled, so a big graph stays
    readable. Actors without any link are not drawn in the network but named
    in a box beside it.
    """
    plt = _pyplot()
    simple = simple_graph(graph)
    linked = sorted(n for n in simple if simple.degree(n) > 0)
    isolated = sorted(str(simple.nodes[n].get("label", n)) for n in simple if simple.degree(n) == 0)
    core = simple.subgraph(linked)
    positions = _layout(core)
    colour_key = (lambda n: f"community {groups[n]}") if groups else (lambda n: str(simple.nodes[n].get("kind", "")))
    keys = sorted({colour_key(n) for n in linked}, key=_natural)
    colours = {k: _PALETTE[i % len(_PALETTE)] for i, k in enumerate(keys)}
    top = max((scores or {}).get(n, 0.0) for n in linked) if linked else 0.0
    sizes = {n: 120 + 1400 * ((scores or {}).get(n, 0.0) / top if top else 0.3) for n in linked}
    side = max(10.0, min(26.0, 2.2 * len(linked) ** 0.5 + 4))
    figure, axes = plt.subplots(figsize=(side * 1.25 + 3, side))
    for kind, edges in _edges_by_kind(core).items():
        nx.draw_networkx_edges(core, positions, edgelist=edges, ax=axes, edge_color=_EDGE_COLOURS.get(kind, "#555555"),
                               width=[1.0 + 0.7 * min(core.edges[e]["weight"], 5) for e in edges], alpha=0.75)
        axes.plot([], [], color=_EDGE_COLOURS.get(kind, "#555555"), lw=2.5, label=kind.replace("_", " "))
    relation_legend = axes.legend(loc="upper left", bbox_to_anchor=(1.01, 0.62), fontsize=10, title="relation")
    axes.add_artist(relation_legend)
    nx.draw_networkx_nodes(core, positions, nodelist=linked, ax=axes, node_size=[sizes[n] for n in linked],
                           node_color=[colours[colour_key(n)] for n in linked], edgecolors="#333333", linewidths=0.6)
    labelled = sorted(linked, key=lambda n: (-(scores or {}).get(n, 0.0), n))[:max_labels]
    texts = [axes.annotate(_short(str(simple.nodes[n].get("label", n)), 28), positions[n], fontsize=10.5,
                           xytext=(0, -(sizes[n] ** 0.5) / 2 - 3), textcoords="offset points", ha="center",
                           va="top", zorder=5, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                                     "alpha": 0.85}) for n in sorted(labelled)]
    handles = [axes.scatter([], [], color=colours[key], s=90) for key in keys]
    axes.legend(handles, keys, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=10,
                title="community" if groups else "kind")
    if isolated:
        names = ", ".join(isolated[:30]) + (f" and {len(isolated) - 30} more" if len(isolated) > 30 else "")
        note = "Not linked to anyone by a fact:\n" + "\n".join(textwrap.wrap(names, 46))
        axes.text(1.01, 0.0, note, transform=axes.transAxes, ha="left", va="bottom", fontsize=9,
                  bbox={"boxstyle": "round", "fc": "#f4f4f4", "ec": "#bbbbbb"})
    unlabelled = f"; the {len(linked) - len(labelled)} least central unlabelled" if len(labelled) < len(linked) else ""
    axes.set_title(title or f"Actor network: {len(linked)} linked actors, {core.number_of_edges()} linked pairs"
                   + (" (size: centrality)" if scores else "") + unlabelled, fontsize=13)
    axes.axis("off")
    axes.margins(0.1)
    _declutter(figure, axes, texts)
    return _save(figure, plt, path)


def plot_funding_flows(flows: nx.DiGraph, path: Path, *, title: str = "") -> Path:
    """Draw the funding-flow graph left to right: backers, packages, recipients, capabilities."""
    plt = _pyplot()
    columns: dict[int, list[str]] = {}
    for node, data in sorted(flows.nodes(data=True), key=lambda item: (str(item[1].get("label", "")), item[0])):
        columns.setdefault(_ROLE_COLUMN.get(str(data.get("role")), 2), []).append(node)
    for number in sorted(columns):
        columns[number] = _order_column(flows, columns[number], columns.get(number - 1, []))
    tallest = max((len(v) for v in columns.values()), default=1)
    figure, axes = plt.subplots(figsize=(18, max(6.0, 0.6 * tallest + 2.5)))
    positions = {n: (x * 3.0, -(i - (len(nodes) - 1) / 2) * (tallest / max(len(nodes), 1)) ** 0.5)
                 for x, nodes in columns.items() for i, n in enumerate(nodes)}
    top = max((d["amount"] for *_, d in flows.edges(data=True)), default=0.0) or 1.0
    for u, v, data in flows.edges(data=True):
        (x0, y0), (x1, y1) = positions[u], positions[v]
        skips = abs(x1 - x0) > 3.5
        axes.annotate("", (x1, y1), (x0, y0), zorder=1, arrowprops={
            "arrowstyle": "-|>", "color": "#c0392b" if data.get("ceiling") else "#2c7fb8", "alpha": 0.5,
            "lw": 1 + 5 * (data["amount"] / top) ** 0.5, "linestyle": "--" if skips else "-", "shrinkA": 4,
            "shrinkB": 4, "connectionstyle": f"arc3,rad={0.25 if y1 <= y0 else -0.25}" if skips else "arc3"})
    for node, (x, y) in positions.items():
        data = flows.nodes[node]
        role = str(data.get("role"))
        axes.scatter([x], [y], s=120 if role == "package" else 60, color="#333333", zorder=4)
        axes.text(x + (-0.12 if x == 0 else 0.12), y, _node_text(data), fontsize=9, ha="right" if x == 0 else "left",
                  va="center", zorder=5, bbox={"boxstyle": "round,pad=0.2", "ec": "#cccccc",
                                               "fc": "#fff7e6" if role == "package" else "white"})
    heading = axes.get_xaxis_transform()
    for x, name in ((0, "source / announcer"), (1, "package"), (2, "recipient or beneficiary"), (3, "capability paid for")):
        if x in columns:
            axes.text(x * 3.0, 1.0, name, transform=heading, fontsize=11, ha="center", va="bottom", weight="bold")
    axes.plot([], [], color="#c0392b", lw=3, label="ceiling ('up to')")
    axes.plot([], [], color="#2c7fb8", lw=3, label="exact amount")
    axes.plot([], [], color="#777777", lw=2, linestyle="--", label="pays for; no recipient named")
    axes.legend(loc="lower left", fontsize=9)
    axes.set_xlim(-4.5, 14.5)
    axes.set_title(title or "Funding flows (line width by amount; each package's amount is its whole sum)",
                   fontsize=13, pad=28)
    axes.axis("off")
    return _save(figure, plt, path)


def plot_timeline(events: list[dict[str, object]], rows: list[dict[str, object]], path: Path, *,
                  title: str = "") -> Path:
    """Draw dated events in lanes by kind (top) over the network's growth per period (bottom)."""
    from kg.analysis.facts import parse_period

    plt = _pyplot()
    kinds = sorted({str(e["kind"]) for e in events})
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(16, 3 + 1.1 * max(len(kinds), 2)), sharex=True,
                                         gridspec_kw={"height_ratios": [3, 1.2]})
    periods = {id(e): _event_period(e) for e in events}
    days = [p.first for p in periods.values()] + [p.last for p in periods.values()]
    middle = min(days) + (max(days) - min(days)) / 2 if days else None
    texts = []
    for lane, kind in enumerate(kinds):
        colour = _PALETTE[lane % len(_PALETTE)]
        for number, event in enumerate(e for e in events if e["kind"] == kind):
            period = periods[id(event)]
            if period.last > period.first:
                top.plot([period.first, period.last], [lane, lane], color=colour, lw=6, alpha=0.5,
                         solid_capstyle="butt")
            top.scatter([period.first], [lane], s=60, color=colour, zorder=3)
            left = middle is not None and period.first > middle
            texts.append(top.annotate(_short(str(event["label"]), 48), (period.first, lane), fontsize=9,
                                      xytext=(-4 if left else 4, 8 + 14 * (number % 2)), textcoords="offset points",
                                      ha="right" if left else "left", va="bottom", zorder=4,
                                      bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}))
    top.set_yticks(range(len(kinds)), kinds)
    top.set_ylim(-0.6, len(kinds) + 0.2)
    top.grid(axis="x", alpha=0.3)
    top.set_title(title or f"Timeline: {len(events)} dated events (bars: a date known only to the week or month)",
                  fontsize=13)
    starts = [parse_period(str(r["period"])).first for r in rows]
    if starts:
        bottom.step(starts, [r["total_actors"] for r in rows], where="post", label="actors so far")
        bottom.step(starts, [r["largest_component"] for r in rows], where="post", label="largest connected group")
        bottom.legend(fontsize=9, loc="upper left")
    bottom.set_ylabel("actors")
    bottom.grid(alpha=0.3)
    figure.autofmt_xdate()
    _declutter(figure, top, texts, vertical_only=True)
    return _save(figure, plt, path)


def plot_paths(paths: list[dict[str, object]], path: Path, *, title: str = "") -> Path:
    """Draw connecting paths (from :func:`~kg.analysis.paths.connecting_paths`) as rows of actors.

    Between two actors: each fact linking them, with its kind, date and the span it comes from.
    """
    plt = _pyplot()
    longest = max((len(p["nodes"]) for p in paths), default=2)
    figure, axes = plt.subplots(figsize=(4.2 * longest, 1.2 + 2.4 * max(len(paths), 1)))
    for row, found in enumerate(paths):
        y = -row * 2.4
        axes.plot(range(len(found["nodes"])), [y] * len(found["nodes"]), color="#999999", zorder=1)
        for x, label in enumerate(found["actors"]):
            axes.scatter([x], [y], s=400, color="#1f77b4", edgecolors="#333333", zorder=3)
            axes.text(x, y - 0.35, _short(str(label), 30), ha="center", va="top", fontsize=10.5, weight="bold")
        for x, step in enumerate(found["steps"]):
            lines = [f"{'<- ' if e['direction'] == 'backward' else ''}{e['kind'].replace('_', ' ')} {e['date']}\n"
                     f"\u201c{_short(str(e['quote']), 40)}\u201d\n{e['source']} {e['start']}-{e['end']}"
                     for e in step["evidence"][:3]]
            more = len(step["evidence"]) - 3
            axes.text(x + 0.5, y + 0.25, "\n".join(lines) + (f"\n+{more} more" if more > 0 else ""), ha="center",
                      va="bottom", fontsize=8, bbox={"boxstyle": "round,pad=0.25", "fc": "#f7f7f7", "ec": "#cccccc"})
    axes.set_xlim(-0.7, longest - 0.3)
    axes.set_ylim(-2.4 * max(len(paths), 1) + 1.2, 2.2)
    axes.set_title(title or "Connecting paths, with the facts on each link ('<-': the fact runs the other way)",
                   fontsize=12)
    axes.axis("off")
    return _save(figure, plt, path)


# --- helpers ---------------------------------------------------------------------------

def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    if graph.number_of_nodes() == 0:
        return {}
    positions: dict[str, tuple[float, float]] = {}
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    offset = 0.0
    for nodes in components:
        part = graph.subgraph(nodes)
        if len(nodes) > 2:
            start = nx.spring_layout(part, seed=SEED)
            local = nx.kamada_kawai_layout(part, pos=start, weight=None)
            local = nx.spring_layout(part, pos=local, seed=SEED, k=1.2 / len(nodes) ** 0.5, iterations=30)
        else:
            local = {n: (float(i), 0.0) for i, n in enumerate(nodes)}
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        scale = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        size = 4.0 * (len(nodes) / len(graph)) ** 0.5 + 0.6
        for n, (x, y) in local.items():
            positions[n] = (offset + (x - min(xs)) / scale * size, (y - min(ys)) / scale * size)
        offset += size + 0.8
    return positions


def _declutter(figure, axes, texts, *, iterations: int = 400, vertical_only: bool = False) -> None:
    """Nudge text labels apart until their boxes no longer overlap (or ``iterations`` runs out).

    Works on the boxes' display coordinates with numpy, then moves each label once.
    """
    import numpy as np
    from matplotlib.text import Annotation

    if len(texts) < 2:
        return
    renderer = figure.canvas.get_renderer()
    boxes = np.array([t.get_window_extent(renderer).expanded(1.02, 1.1).extents for t in texts])
    shift = np.zeros((len(texts), 2))
    tie = np.where(np.arange(len(texts))[:, None] > np.arange(len(texts))[None, :], 1.0, -1.0)
    for _ in range(iterations):
        moved = boxes + np.hstack([shift, shift])
        over_x = np.minimum(moved[:, None, 2], moved[None, :, 2]) - np.maximum(moved[:, None, 0], moved[None, :, 0])
        over_y = np.minimum(moved[:, None, 3], moved[None, :, 3]) - np.maximum(moved[:, None, 1], moved[None, :, 1])
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        centre = (moved[:, :2] + moved[:, 2:]) / 2
        away = np.sign(centre[:, None, :] - centre[None, :, :])
        away = np.where(away == 0, tie[..., None], away)
        along_y = vertical_only | (over_y < over_x)
        push = np.zeros((len(texts), len(texts), 2))
        push[..., 1] = np.where(clash & along_y, (over_y / 2 + 1) * away[..., 1], 0)
        push[..., 0] = np.where(clash & ~along_y, (over_x / 2 + 1) * away[..., 0], 0)
        shift += push.sum(axis=1) / np.maximum(clash.sum(axis=1), 1)[:, None]
    points = 72.0 / figure.dpi
    for text, (dx, dy) in zip(texts, shift):
        if isinstance(text, Annotation) and text.anncoords == "offset points":
            x, y = text.xyann
            text.xyann = (x + dx * points, y + dy * points)
        else:
            x, y = axes.transData.transform(text.get_position())
            text.set_position(axes.transData.inverted().transform((x + dx, y + dy)))


def _event_period(event: dict[str, object]):
    from kg.analysis.facts import Period, parse_period

    period = parse_period(str(event["date"]))
    until = parse_period(str(event.get("until") or ""))
    return Period(period.first, until.last, period.text) if until and until.last > period.last else period


def _edges_by_kind(graph: nx.Graph) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for u, v, kinds in sorted(graph.edges(data="kinds")):
        kind = kinds if kinds and "|" not in kinds else "several"
        found.setdefault(kind, []).append((u, v))
    return dict(sorted(found.items(), key=lambda item: (item[0] == "several", item[0])))


def _order_column(flows: nx.DiGraph, nodes: list[str], previous: list[str]) -> list[str]:
    """Order a column by the mean rank of its predecessors in the previous column, to limit crossings."""
    rank = {n: i for i, n in enumerate(previous)}

    def key(node: str) -> tuple[float, str]:
        ranks = [rank[p] for p in nx.all_neighbors(flows, node) if p in rank]
        return (sum(ranks) / len(ranks) if ranks else float(len(previous)), str(flows.nodes[node].get("label", "")))
    return sorted(nodes, key=key)


def _node_text(data: dict) -> str:
    if data.get("role") == "package":
        from kg.analysis.funding import money_text

        return f"{money_text(data['amount'], data['currency'], data['ceiling'])}\n{data.get('date', '')}"
    label = str(data.get("label_full") or data.get("label", ""))
    return "\n".join(textwrap.wrap(_short(label, 90), 48))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _natural(key: str) -> tuple:
    head, _, tail = key.rpartition(" ")
    return (head, int(tail)) if tail.isdigit() else (key, 0)


def _save(figure, plt, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, dpi=110, bbox_inches="tight", metadata=_METADATA if path.suffix.lower() == ".png" else None)
    plt.close(figure)
    return path
