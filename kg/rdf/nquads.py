"""One document's graph as sorted N-Quads (or N-Triples) lines, without building an rdflib graph.

The lines are byte for byte those rdflib's serializers write for the same
triples (the same ``n3()`` and literal quoting), so a file made by sorting and
merging them equals what :func:`kg.rdf.io.serialize` writes for the whole
dataset. Each line ends with a newline and no line is a prefix of another (the
closing `` .`` cannot occur unescaped inside a term), so sorting the lines as
text, as bytes with or without the newline all give the same order.
"""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _quote_encode, _quoteLiteral

from kg.pipeline import Extraction
from kg.rdf.graph import extraction_triples

_MAX_CACHED = 200_000
_IRIS: dict[URIRef, str] = {}  # n3() of IRIs seen before: predicates, classes, shared entities
_TYPED: dict[tuple, "LiteralText"] = {}  # typed literals by (type, value, datatype): offsets, dates, amounts


class LiteralText(str):
    """A literal already in N-Triples syntax, as rdflib's serializer writes it."""


def literal_text(value: object, datatype: URIRef | None = None) -> LiteralText:
    """The literal ``Literal(value, datatype=datatype)`` as N-Triples text, without making it when it can.

    A plain string is its own lexical form; typed values are written by
    rdflib once (it normalises lexical forms) and remembered.
    """
    if datatype is None and type(value) is str:
        return LiteralText(_quote_encode(value))
    key = (type(value), value, datatype)
    text = _TYPED.get(key)
    if text is None:
        if len(_TYPED) >= _MAX_CACHED:
            _TYPED.clear()
        text = _TYPED[key] = LiteralText(_quoteLiteral(Literal(value, datatype=datatype)))
    return text


def _iri_text(term: URIRef) -> str:
    text = _IRIS.get(term)
    if text is None:
        if len(_IRIS) >= _MAX_CACHED:
            _IRIS.clear()
        text = _IRIS[term] = term.n3()
    return text


def _object_text(term: object) -> str:
    if type(term) is LiteralText:
        return term
    return _quoteLiteral(term) if isinstance(term, Literal) else _iri_text(term)


def document_lines(extraction: Extraction, *, quads: bool = True, triples: bool = False) -> tuple[str, bytes, bytes]:
    """The document's graph IRI, its N-Quads lines and its N-Triples lines (each asked for, else empty).

    Lines are sorted, without repeats, and encoded as UTF-8. N-Quads put the
    triples in the document's named graph; N-Triples lines are the same
    triples in the default graph (an N-Quads file may hold them too).
    """
    iri, found = extraction_triples(extraction, literal_text)
    known = _IRIS.get  # most terms were written before: look them up inline
    texts = {f"{known(s) or _iri_text(s)} {known(p) or _iri_text(p)} "
             f"{o if type(o) is LiteralText else known(o) or _object_text(o)}" for s, p, o in found}
    graph = f" {iri.n3()} .\n"
    return (str(iri), encode_sorted({text + graph for text in texts}) if quads else b"",
            encode_sorted({text + " .\n" for text in texts}) if triples else b"")


def encode_sorted(lines: set[str]) -> bytes:
    """The lines sorted and encoded as rdflib encodes them (lone surrogates become '?')."""
    try:
        return "".join(sorted(lines)).encode("utf-8")
    except UnicodeEncodeError:
        return b"".join(sorted({line.encode("utf-8", "replace") for line in lines}))


def graph_suffix(graph_iri: str) -> bytes:
    """How every N-Quads line of the named graph ``graph_iri`` ends."""
    return f" {URIRef(graph_iri).n3()} .\n".encode("utf-8")
