"""Turn one document's Extraction into RDF: a named graph with its entities, facts and evidence.

Identifiers are deterministic: entities by their normalised key (shared by
every document that names them), facts and spans by document and offsets.
Only this module and kg.rdf.io make rdflib terms.
"""
from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from kg.extract.entities import Entity
from kg.model import DateValue, Fact, Ref, Span
from kg.namespaces import BSKG, BSKG_ID
from kg.pipeline import Extraction
from kg.values.money import amount_text
from kg.values.names import slug

_DATE_TYPES = {"day": XSD.date, "week": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def document_iri(name: str) -> URIRef:
    return BSKG_ID[f"doc/{slug(name)}"]


def add_extraction(dataset: Dataset, extraction: Extraction) -> URIRef:
    """Add one document's graph to ``dataset``; return the graph's IRI."""
    doc = extraction.doc
    iri = document_iri(doc.name)
    graph = dataset.graph(iri)
    _document(graph, iri, extraction)
    facts = {fact.key: fact for fact in extraction.facts}
    writer = _Writer(graph, extraction, iri, facts)
    for fact in extraction.facts:
        writer.fact(fact)
    return iri


def _document(graph: Graph, iri: URIRef, extraction: Extraction) -> None:
    doc = extraction.doc
    graph.add((iri, RDF.type, BSKG.Document))
    graph.add((iri, RDFS.label, Literal(doc.title)))
    graph.add((iri, BSKG.title, Literal(doc.title)))
    graph.add((iri, BSKG.fileName, Literal(doc.name)))
    graph.add((iri, BSKG.contentHash, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())))
    if doc.published:
        graph.add((iri, BSKG.published, Literal(doc.published.isoformat(), datatype=XSD.date)))
    for prop, value in (("publisher", doc.publisher), ("url", doc.url)):
        if value:
            graph.add((iri, BSKG[prop], Literal(value)))


class _Writer:
    def __init__(self, graph: Graph, extraction: Extraction, doc_iri: URIRef, facts: dict[str, Fact]) -> None:
        self.graph, self.extraction, self.doc_iri, self.facts = graph, extraction, doc_iri, facts
        self.prefix = f"{slug(extraction.doc.name)}"
        self.written: set[str] = set()

    def fact(self, fact: Fact) -> None:
        subject = self.fact_iri(fact.key)
        add = self.graph.add
        add((subject, RDF.type, BSKG[fact.cls]))
        if fact.label:
            add((subject, RDFS.label, Literal(fact.label)))
        add((subject, BSKG.rule, Literal(fact.rule)))
        for prop, values in fact.props.items():
            for value in values:
                add((subject, BSKG[prop], self.term(value)))
                if isinstance(value, DateValue) and prop == "date":
                    add((subject, BSKG.datePrecision, BSKG[f"{value.precision}Precision"]))
        for span in (fact.evidence, *fact.more_evidence):
            add((subject, BSKG.evidence, self.span(span)))

    def fact_iri(self, key: str) -> URIRef:
        return BSKG_ID[f"fact/{self.prefix}/{key}"]

    def span(self, span: Span) -> URIRef:
        start, end = span.start, span.end
        iri = BSKG_ID[f"span/{self.prefix}/{start}-{end}"]
        if iri not in self.written:
            self.written.add(iri)
            text = self.extraction.doc.text
            for prop, value in ((RDF.type, BSKG.TextSpan), (BSKG.inDocument, self.doc_iri),
                                (BSKG.start, Literal(start)), (BSKG.end, Literal(end)),
                                (BSKG.quote, Literal(text[start:end]))):
                self.graph.add((iri, prop, value))
        return iri

    def term(self, value: object) -> URIRef | Literal:
        if isinstance(value, Ref):
            return self.ref(value.key)
        if isinstance(value, DateValue):
            return Literal(value.iso, datatype=_DATE_TYPES[value.precision])
        if isinstance(value, bool):
            return Literal(value)
        if isinstance(value, Decimal):
            return Literal(amount_text(value), datatype=XSD.decimal)
        if isinstance(value, date):
            return Literal(value.isoformat(), datatype=XSD.date)
        return Literal(value)

    def ref(self, key: str) -> URIRef:
        if key.startswith("kind/"):
            return BSKG[key.split("/", 1)[1]]
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
        add = self.graph.add
        add((iri, RDF.type, BSKG[entity.cls]))
        add((iri, RDFS.label, Literal(entity.label)))
        for alias in sorted(entity.aliases - {entity.label}):
            add((iri, SKOS.altLabel, Literal(alias)))
        if entity.wikidata:
            add((iri, BSKG.wikidata, Literal(entity.wikidata)))
        if entity.family == "event":
            self._cite_named_event(iri, entity.key)
        if entity.country and entity.country != entity.key and entity.country in self.extraction.entities:
            add((iri, BSKG.country, self.entity(self.extraction.entities[entity.country])))
        elif entity.country and entity.country != entity.key:
            add((iri, BSKG.country, BSKG_ID[entity.country]))
        return iri

    def _cite_named_event(self, iri: URIRef, key: str) -> None:
        """A named meeting is itself a fact: its evidence is where the document names it."""
        for fact in self.facts.values():
            if fact.cls == "EntityMention" and fact.first("mentions") == Ref(key):
                self.graph.add((iri, BSKG.evidence, self.span(fact.evidence)))
                return

    def post(self, key: str) -> URIRef:
        iri = BSKG_ID[key]
        if key in self.written:
            return iri
        self.written.add(key)
        post = self.extraction.posts[key]
        self.graph.add((iri, RDF.type, BSKG.Post))
        self.graph.add((iri, RDFS.label, Literal(post.label)))
        if post.organisation:
            self.graph.add((iri, BSKG.postIn, self.ref(post.organisation)))
        return iri
