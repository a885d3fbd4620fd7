"""Turn one document's Extraction into RDF: a named graph with its entities, facts and evidence.

Identifiers are deterministic: entities by their normalised key (shared by
every document that names them), facts and spans by document and offsets.
Only this module and kg.rdf.io make rdflib terms.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, URIRef

from kg.extract.entities import Entity
from kg.model import DateValue, Fact, Ref, Span
from kg.namespaces import BSKG, BSKG_ID
from kg.pipeline import Extraction
from kg.values.money import amount_text
from kg.values.names import slug

_TYPE, _LABEL = RDF.type, RDFS.label
_DATE_TYPES = {"day": XSD.date, "week": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&]{1,9}")  # 'NCA', 'UNODC', 'IcSP': two capitals, no space


@lru_cache(maxsize=None)
def _bskg(name: str) -> URIRef:
    """An ontology term, looked up (and checked: a misspelt one raises) once."""
    return BSKG[name]


def document_iri(name: str) -> URIRef:
    return BSKG_ID[f"doc/{slug(name)}"]


Triple = tuple[URIRef, URIRef, URIRef | Literal]
LiteralMaker = Callable[..., object]  # (value, datatype=None) -> an object term: rdflib's Literal, or text


def add_extraction(dataset: Dataset, extraction: Extraction) -> URIRef:
    """Add one document's graph to ``dataset``; return the graph's IRI."""
    iri = document_iri(extraction.doc.name)
    write_triples(extraction, dataset.graph(iri).add)
    return iri


def extraction_triples(extraction: Extraction, literal: LiteralMaker = Literal) -> tuple[URIRef, list[Triple]]:
    """One document's graph IRI and its triples (repeats possible), without building a graph.

    ``literal`` makes the literal terms (kg.rdf.nquads passes one that writes them as text at once).
    """
    triples: list[Triple] = []
    return write_triples(extraction, triples.append, literal), triples


def write_triples(extraction: Extraction, add: Callable[[Triple], object], literal: LiteralMaker = Literal) -> URIRef:
    """Hand every triple of the document's graph to ``add``; return the graph's IRI."""
    iri = document_iri(extraction.doc.name)
    _document(add, literal, iri, extraction)
    facts = {fact.key: fact for fact in extraction.facts}
    writer = _Writer(add, literal, extraction, iri, facts)
    for fact in extraction.facts:
        writer.fact(fact)
    return iri


def _document(add: Callable[[Triple], object], lit: LiteralMaker, iri: URIRef, extraction: Extraction) -> None:
    doc = extraction.doc
    add((iri, _TYPE, _bskg("Document")))
    add((iri, _LABEL, lit(doc.title)))
    add((iri, _bskg("title"), lit(doc.title)))
    add((iri, _bskg("fileName"), lit(doc.name)))
    add((iri, _bskg("contentHash"), lit(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())))
    if doc.published:
        add((iri, _bskg("published"), lit(doc.published.isoformat(), datatype=XSD.date)))
    for prop, value in (("publisher", doc.publisher), ("url", doc.url)):
        if value:
            add((iri, _bskg(prop), lit(value)))


class _Writer:
    def __init__(self, add: Callable[[Triple], object], lit: LiteralMaker, extraction: Extraction, doc_iri: URIRef,
                 facts: dict[str, Fact]) -> None:
        self.add, self.lit, self.extraction, self.doc_iri, self.facts = add, lit, extraction, doc_iri, facts
        self.prefix = f"{slug(extraction.doc.name)}"
        self.written: set[str] = set()

    def fact(self, fact: Fact) -> None:
        subject = self.fact_iri(fact.key)
        add = self.add
        add((subject, _TYPE, _bskg(fact.cls)))
        if fact.label:
            add((subject, _LABEL, self.lit(fact.label)))
        add((subject, _bskg("rule"), self.lit(fact.rule)))
        for prop, values in fact.props.items():
            for value in values:
                add((subject, _bskg(prop), self.term(value)))
                if isinstance(value, DateValue) and prop == "date":
                    add((subject, _bskg("datePrecision"), _bskg(f"{value.precision}Precision")))
        for span in (fact.evidence, *fact.more_evidence):
            add((subject, _bskg("evidence"), self.span(span)))

    def fact_iri(self, key: str) -> URIRef:
        return BSKG_ID[f"fact/{self.prefix}/{key}"]

    def span(self, span: Span) -> URIRef:
        start, end = span.start, span.end
        iri = BSKG_ID[f"span/{self.prefix}/{start}-{end}"]
        if iri not in self.written:
            self.written.add(iri)
            text = self.extraction.doc.text
            for prop, value in ((_TYPE, _bskg("TextSpan")), (_bskg("inDocument"), self.doc_iri),
                                (_bskg("start"), self.lit(start)), (_bskg("end"), self.lit(end)),
                                (_bskg("quote"), self.lit(text[start:end]))):
                self.add((iri, prop, value))
        return iri

    def term(self, value: object) -> URIRef | Literal:
        if isinstance(value, Ref):
            return self.ref(value.key)
        if isinstance(value, DateValue):
            return self.lit(value.iso, datatype=_DATE_TYPES[value.precision])
        if isinstance(value, bool):
            return self.lit(value)
        if isinstance(value, Decimal):
            return self.lit(amount_text(value), datatype=XSD.decimal)
        if isinstance(value, date):
            return self.lit(value.isoformat(), datatype=XSD.date)
        return self.lit(value)

    def ref(self, key: str) -> URIRef:
        if key.startswith("kind/"):
            return _bskg(key.split("/", 1)[1])
        if key in self.facts:
            return self.fact_iri(key)
        if key in self.extraction.posts:
            return self.post(key)
        return self.entity(self.extraction.entities[key])

    def entity(self, entity: Entity) -> URIRef:
        iri = BSKG_ID[entity.key]
        if entity.key in self.written:
            return iri
        self.written.add(entity.key)
        add = self.add
        add((iri, _TYPE, _bskg(entity.cls)))
        add((iri, _LABEL, self.lit(entity.label)))
        for alias in sorted(entity.aliases - {entity.label}):
            add((iri, SKOS.altLabel, self.lit(alias)))
            if _ACRONYM.fullmatch(alias):
                add((iri, _bskg("acronym"), self.lit(alias)))
        if entity.wikidata:
            add((iri, _bskg("wikidata"), self.lit(entity.wikidata)))
        if entity.family == "event":
            self._cite_named_event(iri, entity.key)
        if entity.country and entity.country != entity.key and entity.country in self.extraction.entities:
            add((iri, _bskg("country"), self.entity(self.extraction.entities[entity.country])))
        elif entity.country and entity.country != entity.key:
            add((iri, _bskg("country"), BSKG_ID[entity.country]))
        return iri

    def _cite_named_event(self, iri: URIRef, key: str) -> None:
        """A named meeting is itself a fact: its evidence is where the document names it."""
        for fact in self.facts.values():
            if fact.cls == "EntityMention" and fact.first("mentions") == Ref(key):
                self.add((iri, _bskg("evidence"), self.span(fact.evidence)))
                return

    def post(self, key: str) -> URIRef:
        iri = BSKG_ID[key]
        if key in self.written:
            return iri
        self.written.add(key)
        post = self.extraction.posts[key]
        self.add((iri, _TYPE, _bskg("Post")))
        self.add((iri, _LABEL, self.lit(post.label)))
        if post.organisation:
            self.add((iri, _bskg("postIn"), self.ref(post.organisation)))
        return iri
