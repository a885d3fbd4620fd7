"""Where the money goes: funding packages with their recipients, and money in and out per actor.

Both read the graph of :func:`kg.analysis.projection.funding_flows`. Amounts
are summed per package, never per edge, and per currency, never across
currencies; a total that includes a ceiling ("up to") is itself a ceiling.
"""
from __future__ import annotations

import networkx as nx

__all__ = ["funding_packages", "funding_by_actor", "money_text"]


def funding_packages(flows: nx.DiGraph) -> list[dict[str, object]]:
    """One dict per package: money, ceiling, date, who announced or funded it, recipients, capabilities, evidence.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import funding_flows
    >>> [(p["money"], p["recipients"], p["announcers"]) for p in funding_packages(funding_flows(tiny_dataset()))]
    [('up to GBP 5,000,000', ['Home Office'], ['Ann Smith'])]
    """
    packages = []
    for node, data in sorted(flows.nodes(data=True), key=lambda item: (str(item[1].get("date", "")), item[0])):
        if data.get("role") != "package":
            continue
        into = {role: _labels(flows, [u for u, _, d in flows.in_edges(node, data=True) if d["kind"] == kind])
                for role, kind in (("sources", "source_of"), ("funders", "funds"), ("announcers", "announced"))}
        out = [v for _, v in flows.out_edges(node)]
        capabilities = sorted({c for n in [node, *out] for _, c in flows.out_edges(n)
                               if flows.nodes[c].get("role") == "capability"})
        evidence = next((d for _, _, d in flows.out_edges(node, data=True) if d["fact"] == node),
                        next((d for _, _, d in flows.in_edges(node, data=True)), {}))
        packages.append({"package": node, "label": data.get("label", ""), "date": data.get("date", ""),
                         "amount": data["amount"], "currency": data["currency"], "ceiling": data["ceiling"],
                         "money": money_text(data["amount"], data["currency"], data["ceiling"]), **into,
                         "recipients": _labels(flows, [v for v in out if flows.nodes[v]["role"] == "recipient"]),
                         "beneficiaries": _labels(flows, [v for v in out if flows.nodes[v]["role"] == "beneficiary"]),
                         "capabilities": [str(flows.nodes[c].get("label_full", flows.nodes[c]["label"]))
                                          for c in capabilities],
                         **{k: evidence.get(k, "") for k in ("source", "start", "end", "quote")}})
    return packages


def funding_by_actor(flows: nx.DiGraph) -> dict[str, dict[str, object]]:
    """For each actor, by label: money received (as a recipient), announced and funded, per currency.

    Each entry has ``label``, ``kind``, and for ``received``, ``announced``,
    ``funded`` and ``benefits`` (a package pays for a capability it gains,
    without the actor being named a recipient): ``{"packages": n, "totals":
    {currency: amount}, "ceiling": bool}``.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> from kg.analysis.projection import funding_flows
    >>> funding_by_actor(funding_flows(tiny_dataset()))["https://w3id.org/bskg/id/org/home-office"]["received"]
    {'packages': 1, 'totals': {'GBP': 5000000.0}, 'ceiling': True}
    """
    links = {"received": ("out", "receives"), "benefits": ("out", "benefits"),
             "announced": ("in", "announced"), "funded": ("in", "funds")}
    actors: dict[str, dict[str, object]] = {}
    for package, data in sorted(flows.nodes(data=True)):
        if data.get("role") != "package":
            continue
        for role, (side, kind) in links.items():
            edges = flows.out_edges(package, data=True) if side == "out" else flows.in_edges(package, data=True)
            for u, v, edge in edges:
                if edge["kind"] == kind:
                    _add(actors, flows, v if side == "out" else u, role, data)
    return dict(sorted(actors.items(), key=lambda item: (str(item[1]["label"]).casefold(), item[0])))


def money_text(amount: float, currency: str, ceiling: bool) -> str:
    """An amount as people read it.

    >>> money_text(75000000.0, "GBP", True)
    'up to GBP 75,000,000'
    """
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{'up to ' if ceiling else ''}{currency} {number}".strip()


def _add(actors: dict[str, dict[str, object]], flows: nx.DiGraph, actor: str, role: str, package: dict) -> None:
    node = flows.nodes[actor]
    entry = actors.setdefault(actor, {"label": node.get("label", actor), "kind": node.get("kind", ""),
                                      **{r: {"packages": 0, "totals": {}, "ceiling": False}
                                         for r in ("received", "benefits", "announced", "funded")}})
    slot = entry[role]
    slot["packages"] += 1
    slot["totals"][package["currency"]] = slot["totals"].get(package["currency"], 0.0) + package["amount"]
    slot["ceiling"] = slot["ceiling"] or package["ceiling"]


def _labels(flows: nx.DiGraph, nodes: list[str]) -> list[str]:
    return sorted(str(flows.nodes[n].get("label", n)) for n in set(nodes))
