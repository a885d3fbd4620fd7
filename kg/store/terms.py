"""RDF terms across backends: one canonical form, SPARQL syntax, conversion from each engine.

Every backend returns rdflib terms put through :func:`canonical`, so the same
value prints the same way whichever engine computed it: xsd:decimal
``75000000`` (never ``75000000.0``), xsd:boolean ``true`` (never ``1``),
xsd:integer ``7`` (never ``007``), and plain strings without ``^^xsd:string``.

:func:`sparql_term` writes a term in SPARQL syntax for a VALUES block. It is
the only way bindings reach a remote endpoint, so it escapes strings per the
SPARQL grammar and refuses what it cannot write safely.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + n for n in (
    "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def canonical_lexical(lexical: str, datatype: str) -> str:
    """The canonical lexical form of a number or boolean; other values unchanged."""
    text = lexical.strip()
    try:
        if datatype in INTEGERS:
            return str(int(text))
        if datatype == XSD + "decimal":
            value = Decimal(text)
            if not value.is_finite():
                return lexical
            out = format(value.normalize(), "f")
            return "0" if out in ("-0", "0") else out
        if datatype in (XSD + "double", XSD + "float"):
            number = float(text)
            if math.isnan(number):
                return "NaN"
            return ("-INF" if number < 0 else "INF") if math.isinf(number) else repr(number)
    except (ValueError, InvalidOperation):
        return lexical
    if datatype == XSD + "boolean" and text in ("1", "0", "true", "false"):
        return "true" if text in ("1", "true") else "false"
    return lexical


def canonical(term: Node | None) -> Node | None:
    """``term`` with a canonical literal form; IRIs, blank nodes and None unchanged."""
    if not isinstance(term, Literal):
        return term
    if term.language:
        lang = term.language.lower()
        return term if lang == term.language else Literal(str(term), lang=lang)
    if term.datatype is None:
        return term
    datatype = str(term.datatype)
    if datatype == XSD + "string":
        return Literal(str(term))
    lexical = canonical_lexical(str(term), datatype)
    return term if lexical == str(term) else Literal(lexical, datatype=term.datatype, normalize=False)


def from_oxigraph(term: object) -> Node | None:
    """A pyoxigraph term as the equivalent rdflib term, literals in canonical form."""
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language.lower())
        datatype = term.datatype.value
        if datatype == XSD + "string":
            return Literal(term.value)
        return Literal(canonical_lexical(term.value, datatype), datatype=URIRef(datatype), normalize=False)
    raise QueryError(f"unsupported result term {term!r} (RDF-star triples are not supported)")


def to_oxigraph(term: Node) -> object:
    """An rdflib term as the equivalent pyoxigraph term."""
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")


def from_sparql_json(value: dict | None) -> Node | None:
    """A term of SPARQL 1.1 JSON results (``{"type": ..., "value": ...}``) as an rdflib term."""
    if value is None:
        return None
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return Literal(text, lang=value["xml:lang"])
        datatype = value.get("datatype")
        return Literal(text, datatype=URIRef(datatype) if datatype else None, normalize=False)
    raise QueryError(f"unsupported result term type {kind!r} in the endpoint's answer")


def sparql_iri(iri: str) -> str:
    """``<iri>``, refusing characters an IRI reference cannot hold (no escape exists for them)."""
    if not _IRI.fullmatch(iri):
        raise QueryError(f"cannot send IRI {iri!r}: it holds characters not allowed in an IRI")
    return f"<{iri}>"


def sparql_string(text: str) -> str:
    """A double-quoted SPARQL string literal with every special character escaped."""
    if "\\u" in text or "\\U" in text:
        # SPARQL expands \\uXXXX escapes before parsing, even inside strings,
        # so such a value cannot be sent to an endpoint unchanged.
        raise QueryError(r"cannot send a value containing '\u' or '\U' to an endpoint")
    return '"' + "".join(_ECHAR.get(ch, ch) for ch in text) + '"'


def sparql_term(term: Node) -> str:
    """An IRI or literal in SPARQL syntax, safe to place in a query's VALUES block."""
    if isinstance(term, URIRef):
        return sparql_iri(str(term))
    if isinstance(term, Literal):
        text = sparql_string(str(term))
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise QueryError(f"cannot send language tag {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != XSD + "string":
            return f"{text}^^{sparql_iri(str(term.datatype))}"
        return text
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")
