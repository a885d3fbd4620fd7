"""The one projection from the bskg RDF graph to networkx graphs, and what it loses.

In the RDF graph a post held, a meeting, a funding package, a commitment and a
statement are nodes with several participants (n-ary facts). networkx
analyses want edges between actors, so this module turns each fact into
edges by the rules below, and nowhere else in bskg is that done.

Actor network (:func:`actor_network`, a ``MultiDiGraph``)
    Nodes are agents: people, organisations (every subclass of
    ``bskg:Organisation``) and states, that take part in a fact kept by the
    date filter, including facts that give no edge (a mention, a meeting
    attended by one named participant). Node id = the IRI; attributes
    ``label``, ``kind`` (the most specific ontology class), ``iri``,
    ``country`` (label of the state it belongs to; for a person, that of the
    organisation of a post they hold; "" if unknown) and ``aliases``
    (``skos:altLabel`` and ``bskg:acronym`` values joined by ``|``).

    One edge per fact and pair of actors:

    ============== ==================================================================
    kind           from which fact
    ============== ==================================================================
    holds_post_in  ``PostHolding``: holder -> the ``bskg:postIn`` of the post;
                   ``Appointment``: appointee -> the ``bskg:postIn`` of the post.
    met_with       a ``Meeting`` (``Summit``, ``Visit``, ``Conference``, or any
                   other event but an agreement) with two or more participants:
                   ``bskg:participant``, members and state of a ``bskg:delegation``,
                   and its place when that place is an organisation but not a state
                   (the host: "a summit at the NCA headquarters"). Every pair.
    partners_with  ``Agreement``: every pair of participants; a ``Commitment`` of
                   kind ``cooperationCommitment``: committer -> beneficiary.
    funds          ``FundingPackage``: each ``bskg:funder`` -> each recipient.
    announced      ``FundingPackage``: each ``bskg:announcer`` -> each recipient.
    receives_from  any other ``Commitment``: beneficiary -> its ``committedBy``;
                   without one, -> the funders of its ``fundedBy`` packages, else
                   their announcers.
    spoke_about    ``DirectQuote``/``ReportedSpeech``: speaker -> each agent that an
                   ``EntityMention`` inside the statement's span refers to.
    ============== ==================================================================

    ``met_with`` and ``partners_with`` are symmetric: each pair gets one edge,
    from the smaller IRI to the larger. Edge attributes: ``kind``, ``date``
    (the fact's ``bskg:date``, else ``bskg:asOf``/``bskg:startDate``, else the
    publication date of its source; ISO at its precision; "" if none),
    ``source`` (file name), ``start``, ``end``, ``quote`` (the evidence span:
    of a fact with several, the one that mentions most of the edge's two
    actors, then the first by file and offset), ``fact`` (its IRI) and
    ``label``. No attribute is ever None or a list.

Funding flows (:func:`funding_flows`, a ``DiGraph``)
    source of funds -> package <- funder/announcer; package -> each recipient;
    recipient -> each capability (a ``Commitment`` ``fundedBy`` the package)
    whose beneficiary it is; a capability whose beneficiary is not a
    recipient hangs off that beneficiary (package -> beneficiary ->
    capability), one without a beneficiary off the package. Nodes carry
    ``role`` (source, funder, announcer, package, recipient, beneficiary,
    capability). Every edge carries the package's ``amount`` (float),
    ``currency`` and ``ceiling`` (``bskg:isUpperBound``): the whole package,
    since the documents do not say how it is split, so do not sum amounts
    over a package's edges (:func:`kg.analysis.funding.funding_by_actor` does
    not).

Actor-event graph (:func:`actor_event_graph`, a bipartite ``Graph``)
    Actors (``bipartite=0``) joined to the events (``bipartite=1``; every
    subclass of ``bskg:Event``) they take part in, with ``kind`` = the role:
    participant, delegate, host, appointee or announcer.

Dates
    ``as_of``: facts whose date may be on or before that day, and for each post
    only the holders stated most recently on or before it (a later statement
    that someone else holds it supersedes an earlier one). ``start``/``end``:
    facts whose date may fall in the range (a month-precise date overlaps any
    day of that month). With a filter, facts without any date are left out.

What is lost
    That a meeting of three was one event (kept only in the shared ``fact``
    attribute; :func:`actor_event_graph` keeps it); which post links a person
    to an organisation (only in ``label``); places that are not hosts;
    amounts, capabilities, quantities, figures, purposes and sources of funds
    (kept by :func:`funding_flows` only); the direction of symmetric relations;
    all but one evidence span per edge (the ``fact`` IRI leads back to every
    span); posts with no ``bskg:postIn``; facts with fewer than two actors
    (their actors stay as nodes); ``ReportedFigure`` subjects; and mentions:
    being named in the same document is not a relation.
"""
from __future__ import annotations

from datetime import date
from itertools import combinations

import networkx as nx
from rdflib import Graph

from kg.analysis.facts import Evidence, Fact, FactIndex, parse_period, read_facts

__all__ = ["actor_network", "funding_flows", "actor_event_graph", "EDGE_KINDS"]

EDGE_KINDS = ("holds_post_in", "met_with", "funds", "receives_from", "partners_with", "spoke_about", "announced")
_STATEMENTS = ("DirectQuote", "ReportedSpeech", "Statement")
_BACKERS = (("sourceOfFunds", "source", "source_of"), ("funder", "funder", "funds"), ("announcer", "announcer", "announced"))


def actor_network(dataset: Graph | FactIndex, *, as_of: date | None = None, start: date | None = None,
                  end: date | None = None) -> nx.MultiDiGraph:
    """The actors and the relations the facts state between them (see the module docstring).

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> graph = actor_network(tiny_dataset())
    >>> sorted((graph.nodes[u]["label"], d["kind"], graph.nodes[v]["label"]) for u, v, d in graph.edges(data=True))
    [('Ann Smith', 'announced', 'Home Office'), ('Ann Smith', 'holds_post_in', 'Home Office'), ('Ann Smith', 'met_with', 'Bo Jones')]
    """
    index, kept = _kept(dataset, as_of, start, end)
    builder = _Builder(index, nx.MultiDiGraph())
    for fact in kept:
        builder.add_fact(fact)
    return builder.finish()


def funding_flows(dataset: Graph | FactIndex, *, as_of: date | None = None, start: date | None = None,
                  end: date | None = None) -> nx.DiGraph:
    """Money: sources of funds, packages, recipients and the capabilities they pay for.

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> flows = funding_flows(tiny_dataset())
    >>> [(flows.nodes[u]["role"], d["kind"], flows.nodes[v]["label"], d["amount"], d["ceiling"])
    ...  for u, v, d in flows.edges(data=True)]
    [('package', 'receives', 'Home Office', 5000000.0, True), ('announcer', 'announced', 'GBP 5 million for the Home Office', 5000000.0, True)]
    """
    index, kept = _kept(dataset, as_of, start, end)
    graph = nx.DiGraph()
    capabilities: dict[str, list[Fact]] = {}
    for fact in kept:
        for package in fact.get("fundedBy") if index.is_a(fact.kind, "Commitment") else ():
            capabilities.setdefault(package, []).append(fact)
    for package in (f for f in kept if index.is_a(f.kind, "FundingPackage")):
        _add_package(graph, index, package, capabilities.get(package.iri, []))
    return graph


def actor_event_graph(dataset: Graph | FactIndex, *, as_of: date | None = None, start: date | None = None,
                      end: date | None = None) -> nx.Graph:
    """Actors (``bipartite=0``) and the events they take part in (``bipartite=1``).

    Examples
    --------
    >>> from kg.analysis.testing import tiny_dataset
    >>> graph = actor_event_graph(tiny_dataset())
    >>> sorted((graph.nodes[n]["label"], graph.nodes[n]["bipartite"]) for n in graph)
    [('Ann Smith', 0), ('Bo Jones', 0), ('talks in Paris', 1)]
    >>> graph.edges["https://w3id.org/bskg/id/person/bo-jones", "https://w3id.org/bskg/id/fact/talks"]["quote"]
    'Minister Ann Smith met Bo Jones in Paris on 1 May 2024.'
    """
    index, kept = _kept(dataset, as_of, start, end)
    graph = nx.Graph()
    for fact in (f for f in kept if index.is_a(f.kind, "Event")):
        roles = sorted({(actor, role) for role, actors in _event_roles(index, fact).items() for actor in actors})
        if not roles:
            continue
        graph.add_node(fact.iri, **_fact_node(fact), bipartite=1, place=_labels(index, fact.get("place")))
        for actor, role in roles:
            graph.add_node(actor, **_actor_node(index, actor), bipartite=0)
            graph.add_edge(actor, fact.iri, **_provenance(fact, role, _best(index, fact, (actor,))))
    return graph


# --- facts kept by the date filter ------------------------------------------------

def _kept(dataset: Graph | FactIndex, as_of: date | None, start: date | None,
          end: date | None) -> tuple[FactIndex, list[Fact]]:
    index = dataset if isinstance(dataset, FactIndex) else read_facts(dataset)
    facts = [f for _, f in sorted(index.facts.items()) if _in_window(f, as_of, start, end)]
    if as_of is not None:
        facts = _current_holdings(index, facts, as_of)
    return index, facts


def _in_window(fact: Fact, as_of: date | None, start: date | None, end: date | None) -> bool:
    if as_of is None and start is None and end is None:
        return True
    period = fact.period
    if period is None:
        return False
    return not ((as_of and period.first > as_of) or (end and period.first > end) or (start and period.last < start))


def _current_holdings(index: FactIndex, facts: list[Fact], as_of: date) -> list[Fact]:
    """Drop post holdings superseded on or before ``as_of`` (a later holder stated), or ended before it."""
    latest: dict[str, date] = {}
    for fact in facts:
        for post in _held_posts(index, fact):
            latest[post] = max(latest.get(post, fact.period.first), fact.period.first)

    def current(fact: Fact) -> bool:
        ended = parse_period(fact.values.get("endDate", ""))
        return all(fact.period.first >= latest[p] for p in _held_posts(index, fact)) and not (
            ended and ended.last < as_of)
    return [f for f in facts if not _held_posts(index, f) or current(f)]


def _held_posts(index: FactIndex, fact: Fact) -> tuple[str, ...]:
    if index.is_a(fact.kind, "PostHolding"):
        return fact.get("post")
    return fact.get("appointedTo") if index.is_a(fact.kind, "Appointment") else ()


# --- the actor network ---------------------------------------------------------------

class _Builder:
    """Adds the edges of one fact at a time (the rules of the module docstring)."""

    def __init__(self, index: FactIndex, graph: nx.MultiDiGraph) -> None:
        self.index, self.graph = index, graph
        self.mentions = _mentions_by_source(index)

    def add_fact(self, fact: Fact) -> None:
        index = self.index
        for actor in (a for iris in fact.links.values() for a in iris if index.is_agent(a)):
            self._node(actor)
        if index.is_a(fact.kind, "PostHolding") or index.is_a(fact.kind, "Appointment"):
            self._post_edges(fact)
        elif index.is_a(fact.kind, "Agreement"):
            self._pairs(fact, "partners_with", _event_roles(index, fact))
        elif index.is_a(fact.kind, "Event"):
            self._pairs(fact, "met_with", _event_roles(index, fact))
        elif index.is_a(fact.kind, "FundingPackage"):
            for role, kind in (("funder", "funds"), ("announcer", "announced")):
                self._directed(fact, kind, self._agents(fact.get(role)), self._agents(fact.get("recipient")))
        elif index.is_a(fact.kind, "Commitment"):
            self._commitment(fact)
        elif fact.kind in _STATEMENTS:
            self._statement(fact)

    def finish(self) -> nx.MultiDiGraph:
        for node, data in self.graph.nodes(data=True):
            if data["kind"] == "Person" and not data["country"]:
                data["country"] = self._person_country(node)
        return self.graph

    def _post_edges(self, fact: Fact) -> None:
        holders = fact.get("holder") + fact.get("appointee")
        posts = fact.get("post") + fact.get("appointedTo")
        organisations = [o for p in posts for o in _entity_links(self.index, p, "postIn")]
        self._directed(fact, "holds_post_in", self._agents(holders), self._agents(organisations))

    def _commitment(self, fact: Fact) -> None:
        beneficiaries = self._agents(fact.get("beneficiary"))
        if "cooperationCommitment" in " ".join(fact.get("commitmentKind")):
            self._directed(fact, "partners_with", self._agents(fact.get("committedBy")), beneficiaries)
            return
        backers = self._agents(fact.get("committedBy"))
        packages = [self.index.facts[p] for p in fact.get("fundedBy") if p in self.index.facts]
        for role in ("funder", "announcer"):
            backers = backers or self._agents([a for p in packages for a in p.get(role)])
        self._directed(fact, "receives_from", beneficiaries, backers)

    def _statement(self, fact: Fact) -> None:
        speakers, done = self._agents(fact.get("speaker")), set()
        for span in fact.evidence:
            mentioned = sorted({iri for s, e, iri in self.mentions.get(span.source, ())
                                if span.start <= s and e <= span.end and self.index.is_agent(iri)})
            for speaker, target in ((s, m) for s in speakers for m in mentioned if m != s):
                if (speaker, target) not in done:  # one edge per statement and target, from its first span
                    done.add((speaker, target))
                    self._node(target)
                    self.graph.add_edge(speaker, target, **_provenance(fact, "spoke_about", span))

    def _pairs(self, fact: Fact, kind: str, roles: dict[str, list[str]]) -> None:
        actors = sorted({a for group in roles.values() for a in group})
        for u, v in combinations(actors, 2):
            self._edge(fact, kind, u, v)

    def _directed(self, fact: Fact, kind: str, sources: list[str], targets: list[str]) -> None:
        for u in sources:
            for v in targets:
                if u != v:
                    self._edge(fact, kind, u, v)

    def _edge(self, fact: Fact, kind: str, u: str, v: str) -> None:
        self._node(u)
        self._node(v)
        self.graph.add_edge(u, v, **_provenance(fact, kind, _best(self.index, fact, (u, v), self.mentions)))

    def _agents(self, iris) -> list[str]:
        return sorted({i for i in iris if self.index.is_agent(i)})

    def _node(self, iri: str) -> None:
        if iri not in self.graph:
            self.graph.add_node(iri, **_actor_node(self.index, iri))

    def _person_country(self, person: str) -> str:
        countries = sorted(self.graph.nodes[v]["country"] for _, v, d in self.graph.out_edges(person, data=True)
                           if d["kind"] == "holds_post_in" and self.graph.nodes[v]["country"])
        return countries[0] if countries else ""


def _event_roles(index: FactIndex, fact: Fact) -> dict[str, list[str]]:
    delegations = fact.get("delegation")
    roles = {
        "participant": list(fact.get("participant")),
        "delegate": [m for d in delegations for m in _entity_links(index, d, "member")]
        + [s for d in delegations for s in _entity_links(index, d, "delegationOf")],
        "host": [p for p in fact.get("place") if index.is_agent(p) and not index.is_a(index.entities[p].kind, "State")],
        "appointee": list(fact.get("appointee")),
        "announcer": list(fact.get("announcer")),
    }
    return {role: sorted({a for a in actors if index.is_agent(a)}) for role, actors in roles.items()}


def _entity_links(index: FactIndex, iri: str, prop: str) -> tuple[str, ...]:
    return index.entity_links.get(prop, {}).get(iri, ())


def _mentions_by_source(index: FactIndex) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, set[tuple[int, int, str]]] = {}
    for fact in index.of_kind("EntityMention"):
        for span in fact.evidence:
            for entity in fact.get("mentions"):
                found.setdefault(span.source, set()).add((span.start, span.end, entity))
    return {source: sorted(items) for source, items in found.items()}


def _best(index: FactIndex, fact: Fact, actors: tuple[str, ...],
          mentions: dict[str, list[tuple[int, int, str]]] | None = None) -> Evidence | None:
    """The evidence span that mentions most of ``actors``; the first on a tie."""
    if len(fact.evidence) < 2:
        return fact.evidence[0] if fact.evidence else None
    mentions = mentions if mentions is not None else _mentions_by_source(index)

    def score(span: Evidence) -> int:
        return len({iri for s, e, iri in mentions.get(span.source, ()) if span.start <= s and e <= span.end
                    and iri in actors})
    return sorted(fact.evidence, key=lambda span: -score(span))[0]  # stable: the first on a tie


def _provenance(fact: Fact, kind: str, span: Evidence | None) -> dict[str, object]:
    return {"kind": kind, "date": fact.date, "source": span.source if span else "",
            "start": span.start if span else -1, "end": span.end if span else -1,
            "quote": span.quote if span else "", "fact": fact.iri, "label": fact.label}


def _actor_node(index: FactIndex, iri: str) -> dict[str, str]:
    entity = index.entities[iri]
    country = index.entities.get(entity.country)
    return {"label": entity.label, "kind": entity.kind, "iri": iri,
            "country": country.label if country else "", "aliases": "|".join(entity.aliases)}


def _fact_node(fact: Fact) -> dict[str, str]:
    return {"label": fact.label, "kind": fact.kind, "iri": fact.iri, "date": fact.date,
            "until": fact.period.last.isoformat() if fact.period else ""}


def _labels(index: FactIndex, iris: tuple[str, ...]) -> str:
    return "|".join(index.entities[i].label for i in iris if i in index.entities)


# --- funding flows -------------------------------------------------------------------

def _add_package(graph: nx.DiGraph, index: FactIndex, package: Fact, capabilities: list[Fact]) -> None:
    money = {"amount": float(package.values.get("amount") or 0), "currency": package.values.get("currency", ""),
             "ceiling": package.values.get("isUpperBound", "").lower() in ("true", "1")}
    graph.add_node(package.iri, **_fact_node(package), role="package", **money)
    recipients = [r for r in package.get("recipient") if r in index.entities]
    for prop, role, kind in _BACKERS:
        for iri in (i for i in package.get(prop) if i in index.entities):
            _flow_node(graph, index, iri, role)
            _flow_edge(graph, iri, package.iri, kind, package, money)
    for iri in recipients:
        _flow_node(graph, index, iri, "recipient")
        _flow_edge(graph, package.iri, iri, "receives", package, money)
    for capability in capabilities:
        text = capability.values.get("capability", capability.label)
        graph.add_node(capability.iri, **{**_fact_node(capability), "label": capability.label or text},
                       role="capability", label_full=text,
                       commitment_kind="|".join(k.rsplit("#", 1)[-1] for k in capability.get("commitmentKind")))
        beneficiaries = [b for b in capability.get("beneficiary") if b in index.entities] or [package.iri]
        for holder in beneficiaries:
            if holder not in recipients and holder != package.iri:
                _flow_node(graph, index, holder, "beneficiary")
                _flow_edge(graph, package.iri, holder, "benefits", capability, money)
            _flow_edge(graph, holder, capability.iri, "pays_for", capability, money)


def _flow_node(graph: nx.DiGraph, index: FactIndex, iri: str, role: str) -> None:
    order = ("source", "funder", "announcer", "package", "recipient", "beneficiary", "capability")
    if iri in graph and order.index(graph.nodes[iri]["role"]) <= order.index(role):
        return
    entity = index.entities[iri]
    graph.add_node(iri, label=entity.label, kind=entity.kind, iri=iri, role=role)


def _flow_edge(graph: nx.DiGraph, u: str, v: str, kind: str, fact: Fact, money: dict[str, object]) -> None:
    if not graph.has_edge(u, v):
        graph.add_edge(u, v, **_provenance(fact, kind, fact.evidence[0] if fact.evidence else None), **money)
