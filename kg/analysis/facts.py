"""Read the n-ary facts of a bskg graph into plain records, once, for the projections.

This is the only module of :mod:`kg.analysis` that reads rdflib terms. It
walks the graph by predicate (one pass over each predicate it needs, no
SPARQL), so it costs about one pass over the triples it reads, and hands the
projections plain Python values: IRIs as strings, dates as :class:`Period`,
evidence as :class:`Evidence` sorted by file name and offset.

The class hierarchy comes from the bundled ontology, so a new subclass of
``bskg:Agent`` or ``bskg:Event`` needs no change here.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.namespaces import BSKG

__all__ = ["Entity", "Evidence", "Fact", "FactIndex", "Period", "read_facts", "parse_period", "subclasses"]

_NS = str(BSKG._NS)
_ROLE_PROPERTIES = ("holder", "post", "postIn", "participant", "place", "delegation", "delegationOf", "member",
                    "announcer", "funder", "recipient", "sourceOfFunds", "beneficiary", "fundedBy", "committedBy",
                    "commitmentKind", "speaker", "speakerPost", "subject", "mentions", "appointee", "appointedTo",
                    "country", "datePrecision")
_ENTITY_PROPERTIES = ("postIn", "delegationOf", "member", "country")
_VALUE_PROPERTIES = ("date", "asOf", "startDate", "endDate", "amount", "currency", "isUpperBound", "capability",
                     "text", "acronym", "purpose")


@dataclass(frozen=True)
class Period:
    """A date at its precision, as the first and last day it may mean.

    >>> parse_period("2024-09")
    Period(first=datetime.date(2024, 9, 1), last=datetime.date(2024, 9, 30), text='2024-09')
    """

    first: date
    last: date
    text: str


@dataclass(frozen=True, order=True)
class Evidence:
    """One text span that states a fact: file name, offsets and the exact text."""

    source: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Entity:
    """An actor, place, post or programme: its label, most specific class and aliases."""

    iri: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str = ""


@dataclass
class Fact:
    """One n-ary fact: its class, label, date, evidence, and the IRIs and values it links."""

    iri: str
    kind: str
    label: str
    period: Period | None
    evidence: tuple[Evidence, ...]
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)

    def get(self, prop: str) -> tuple[str, ...]:
        return self.links.get(prop, ())

    @property
    def date(self) -> str:
        return self.period.text if self.period else ""


@dataclass
class FactIndex:
    """Every fact and entity of a graph, by IRI, with the ontology's class tree."""

    facts: dict[str, Fact]
    entities: dict[str, Entity]
    subclass_of: dict[str, frozenset[str]]
    entity_links: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def is_a(self, kind: str, ancestor: str) -> bool:
        return ancestor in self.subclass_of.get(kind, frozenset({kind}))

    def of_kind(self, ancestor: str) -> list[Fact]:
        return [f for _, f in sorted(self.facts.items()) if self.is_a(f.kind, ancestor)]

    def is_agent(self, iri: str) -> bool:
        entity = self.entities.get(iri)
        return entity is not None and self.is_a(entity.kind, "Agent")


def parse_period(text: str, precision: str = "") -> Period | None:
    """The days an ISO date, year-month or year may mean; None if it is not one.

    >>> parse_period("2024").last
    datetime.date(2024, 12, 31)
    >>> parse_period("2024-09-09", "week").last
    datetime.date(2024, 9, 15)
    """
    parts = text.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return Period(date(numbers[0], 1, 1), date(numbers[0], 12, 31), text)
        if len(numbers) == 2:
            days = calendar.monthrange(numbers[0], numbers[1])[1]
            return Period(date(numbers[0], numbers[1], 1), date(numbers[0], numbers[1], days), text)
        first = date(*numbers[:3])
    except (ValueError, TypeError):
        return None
    return Period(first, first + timedelta(days=6 if precision == "week" else 0), text[:10])


@lru_cache(maxsize=1)
def subclasses() -> dict[str, frozenset[str]]:
    """For each class of the bundled ontology, its local name and those of all its superclasses."""
    from kg.resources import resource_dir

    ontology = Graph().parse(resource_dir("ontology") / "bskg.ttl", format="turtle")
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(parent, URIRef) and str(child).startswith(_NS) and str(parent).startswith(_NS):
            parents[_local(child)].add(_local(parent))
    names = {_local(c) for c in ontology.subjects(RDF.type, None) if str(c).startswith(_NS)}
    return {name: frozenset(_ancestors(name, parents)) for name in sorted(names | set(parents))}


def _ancestors(name: str, parents: dict[str, set[str]]) -> set[str]:
    seen, todo = {name}, [name]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def read_facts(dataset: Graph) -> FactIndex:
    """Read every fact (a subject with ``bskg:evidence``) and every entity they link to."""
    tree = subclasses()
    table = _Tables(dataset)
    types, labels = table.get(RDF.type), table.get(RDFS.label)
    links = {p: table.get(BSKG[p]) for p in _ROLE_PROPERTIES}
    values = {p: table.get(BSKG[p]) for p in _VALUE_PROPERTIES}
    spans = _evidence(table)
    published = {doc: _first(vals) for doc, vals in table.get(BSKG.published).items()}
    facts = {}
    for iri, evidence in sorted(table.get(BSKG.evidence).items()):
        kind = _most_specific(types.get(iri, ()), tree)
        if "Fact" not in tree.get(kind, frozenset()):
            continue
        found = sorted(spans[s] for s in evidence if s in spans)
        docs = sorted({doc for _, doc in found})
        facts[iri] = Fact(iri, kind, _first(labels.get(iri, ())), _fact_period(iri, values, links, published, docs),
                          tuple(e for e, _ in found), {p: tuple(m[iri]) for p, m in links.items() if iri in m},
                          {p: _first(m[iri]) for p, m in values.items() if iri in m})
    entities = _entities(facts, types, labels, links, values, tree, table.get(SKOS.altLabel))
    entity_links = {p: {s: tuple(o) for s, o in links[p].items() if s in entities} for p in _ENTITY_PROPERTIES}
    return FactIndex(facts, entities, tree, entity_links)


def _fact_period(iri: str, values: dict, links: dict, published: dict, docs: list[str]) -> Period | None:
    precision = _local(_first(links["datePrecision"].get(iri, ()))).replace("Precision", "")
    for prop in ("date", "asOf", "startDate"):
        period = parse_period(_first(values[prop].get(iri, ())), precision)
        if period:
            return period
    dates = sorted(published[d] for d in docs if d in published)
    return parse_period(dates[0]) if dates else None


def _entities(facts: dict[str, Fact], types: dict, labels: dict, links: dict, values: dict,
              tree: dict[str, frozenset[str]], aliases: dict) -> dict[str, Entity]:
    linked = {iri for fact in facts.values() for prop, iris in fact.links.items()
              if prop not in ("datePrecision", "commitmentKind", "fundedBy") for iri in iris}
    frontier = set(linked)
    while frontier:  # posts -> organisations -> states
        frontier = {o for iri in frontier for p in _ENTITY_PROPERTIES for o in links[p].get(iri, ())} - linked
        linked |= frontier
    entities = {}
    for iri in sorted(linked - set(facts)):
        kind = _most_specific(types.get(iri, ()), tree) or "Thing"
        names = tuple(sorted(set(aliases.get(iri, ())) | set(values["acronym"].get(iri, ()))))
        country = iri if kind == "State" else _first(links["country"].get(iri, ()))
        entities[iri] = Entity(iri, _first(labels.get(iri, ())) or _local(iri), kind, names, country)
    return entities


def _evidence(table: "_Tables") -> dict[str, tuple[Evidence, str]]:
    """Each text span: its Evidence and the IRI of its document."""
    files = {d: _first(v) for d, v in table.get(BSKG.fileName).items()}
    starts, ends, quotes = table.get(BSKG.start), table.get(BSKG.end), table.get(BSKG.quote)
    spans = {}
    for span, docs in table.get(BSKG.inDocument).items():
        doc = _first(docs)
        spans[span] = (Evidence(files.get(doc, _local(doc)), int(_first(starts.get(span, ("0",)))),
                                int(_first(ends.get(span, ("0",)))), _first(quotes.get(span, ()))), doc)
    return spans


class _Tables:
    """Subject -> sorted objects, one pass over the graph per predicate, as strings."""

    def __init__(self, dataset: Graph) -> None:
        self.dataset, self.tables = dataset, {}

    def get(self, predicate: URIRef) -> dict[str, list[str]]:
        if predicate not in self.tables:
            table: dict[str, set[str]] = defaultdict(set)
            for s, _, o in self.dataset.triples((None, predicate, None)):
                table[str(s)].add(str(o))
            self.tables[predicate] = {s: sorted(v) for s, v in table.items()}
        return self.tables[predicate]


def _most_specific(kinds: Iterable[str], tree: dict[str, frozenset[str]]) -> str:
    names = sorted({_local(k) for k in kinds if str(k).startswith(_NS)})
    specific = [n for n in names if not any(n != m and n in tree.get(m, frozenset()) for m in names)]
    return specific[0] if specific else ""


def _first(values: Iterable[str]) -> str:
    return next(iter(values), "")


def _local(iri: str) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
