"""The networks one can export, by name: each is one projection of ``kg.analysis.projection``.

* ``actors``: who holds posts in, meets, funds, partners with, speaks about
  and announces whom (``actor_network``, a directed multigraph: one edge per
  fact);
* ``funding``: money from funders to recipients (``funding_flows``);
* ``meetings``: actors and the events they took part in (``actor_event_graph``,
  bipartite, undirected);
* ``full``: the actor network with the events added as nodes and each
  participation as an edge from the actor to the event, of the actor's role
  (participant, delegate, host, ...), so events sit on the same timeline as
  the relations between actors.

What the projection leaves out of the RDF (n-ary facts flattened to edges)
is documented there; the exporters add nothing and drop nothing.
"""
from __future__ import annotations

from typing import Any

VIEWS = ("actors", "funding", "meetings", "full")
PARTICIPATION = "took_part_in"


def network(dataset: Any, view: str = "actors", **window: Any) -> Any:
    """The networkx graph ``view`` names, built from ``dataset`` (``window``: as_of, start, end)."""
    from kg.analysis import projection

    if view == "actors":
        return projection.actor_network(dataset, **window)
    if view == "funding":
        return projection.funding_flows(dataset, **window)
    if view == "meetings":
        return projection.actor_event_graph(dataset, **window)
    if view == "full":
        return combined(projection.actor_network(dataset, **window), projection.actor_event_graph(dataset, **window))
    raise ValueError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")


def combined(actors: Any, events: Any) -> Any:
    """The actor network plus the actor-event graph's events (``bipartite=1``) and
    participations, as one multigraph: an edge from the actor to the event whose
    kind is the actor's role there (participant, delegate, host, ...)."""
    graph = actors.copy()
    for node, data in events.nodes(data=True):
        if node not in graph:
            graph.add_node(node, **{k: v for k, v in data.items() if k != "bipartite"})
    for u, v, data in events.edges(data=True):
        actor, event = (v, u) if events.nodes[u].get("bipartite") == 1 else (u, v)
        graph.add_edge(actor, event, **{"kind": PARTICIPATION, **data})
    return graph
