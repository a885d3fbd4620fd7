"""The one protocol every store backend follows, and the result shaping they share.

A query answers ``(columns, rows)``: rows are lists of rdflib terms (URIRef,
Literal, BNode) or None for an unbound value, put through
:func:`kg.store.terms.canonical`, so the same answer prints byte-identically
from every backend. SPARQL leaves the order of rows free wherever ORDER BY does
not fix it; :func:`finish` fixes it the same way for every backend: rows of a
query without ORDER BY are sorted whole, and rows that tie on a final
``ORDER BY ?a DESC(?b) COALESCE(STR(?c), "")`` are sorted by the whole row
among themselves (the conditions :func:`kg.store.sparql_text.order_keys` reads).

Parameters (``bindings``: variable name -> rdflib term) never enter the query
text as text: the memory backend passes them as rdflib ``initBindings``,
Oxigraph as ``substitutions``, and a remote endpoint gets them as a VALUES
block written by a serializer that escapes every value
(:func:`kg.store.sparql_text.with_values`). A parameter must be used in the
query's top-level WHERE group (in a triple pattern or a FILTER there) for all
three to agree.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import Protocol, runtime_checkable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.store.sparql_text import OrderKey, order_keys
from kg.store.terms import canonical

Row = list[Node | None]
GraphData = str | bytes | Graph  # N-Triples / N-Quads text of one graph, or an rdflib Graph / Dataset


@runtime_checkable
class Store(Protocol):
    """A place holding the bskg graph that SPARQL SELECT queries can be run on."""

    def query(self, text: str, bindings: dict[str, Node] | None = None) -> tuple[list[str], list[Row]]:
        """Run a SELECT query over the union of all graphs."""

    def load(self, path: Path) -> None:
        """Add the graphs of an RDF file (.nq, .trig, .ttl, .nt, .jsonld)."""

    def add_graph(self, iri: str, data: GraphData) -> None:
        """Add triples to the named graph ``iri``."""

    def replace_graph(self, iri: str, data: GraphData) -> None:
        """Make ``data`` the whole content of the named graph ``iri``."""

    def close(self) -> None:
        """Release the store (files, locks, connections)."""


def finish(text: str, columns: list[str], rows: Iterable[Row]) -> tuple[list[str], list[Row]]:
    """Canonical terms, and a row order every backend agrees on (see the module doc)."""
    return settle_order(text, columns, [[canonical(v) for v in row] for row in rows])


def settle_order(text: str, columns: list[str], rows: list[Row]) -> tuple[list[str], list[Row]]:
    """Rows of canonical terms in the order every backend agrees on (see the module doc)."""
    keys = order_keys(text)
    if keys == []:
        return columns, sorted(rows, key=row_key)
    if keys is None or any(key.variable not in columns for key in keys):
        return columns, rows
    positions = [(columns.index(key.variable), key) for key in keys]
    ordered: list[Row] = []
    for _, group in groupby(rows, key=lambda row: [_tie(row[i], key) for i, key in positions]):
        tied = list(group)
        ordered += sorted(tied, key=row_key) if len(tied) > 1 else tied
    return columns, ordered


def row_key(row: Row) -> list[tuple[int, str, str]]:
    """A total order on rows, the same whichever backend produced them."""
    return [_term_key(v) for v in row]


def _tie(term: Node | None, key: OrderKey) -> Node | str | None:
    """What an ORDER BY condition compares of ``term``: rows with equal values tie."""
    if key.form == "term":
        return None if isinstance(term, BNode) else term  # blank node labels differ between engines
    text = None if term is None or isinstance(term, BNode) else str(term)  # STR() of a blank node is an error
    return "" if text is None and key.form == "str-or-empty" else text


def _term_key(term: Node | None) -> tuple[int, str, str]:
    if term is None:
        return 0, "", ""
    if isinstance(term, BNode):
        return 1, "", ""  # blank node labels differ between engines
    if isinstance(term, URIRef):
        return 2, str(term), ""
    if isinstance(term, Literal):
        return 3, str(term), str(term.datatype or term.language or "")
    return 4, str(term), ""


def graph_ntriples(iri: str, data: GraphData) -> str:
    """The triples of one graph as N-Triples text, from N-Triples/N-Quads text or an rdflib graph.

    N-Quads lines must belong to ``iri``: a quad of another graph is an error
    rather than a silent move.
    """
    from rdflib import Dataset

    from kg.errors import InputError

    if isinstance(data, Dataset):
        data = data.graph(URIRef(iri))
    if isinstance(data, Graph):
        return data.serialize(format="nt")
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    import pyoxigraph

    out = []
    try:
        for quad in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS):
            graph = quad.graph_name
            if not isinstance(graph, pyoxigraph.DefaultGraph) and graph.value != iri:
                raise InputError(f"a quad of graph <{graph.value}> was given for graph <{iri}>")
            out.append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
    except SyntaxError as exc:
        raise InputError(f"not valid N-Quads for graph <{iri}>: {exc}") from None
    return "".join(out)
