"""ORDER BY done in Python, for a backend whose own sort is slow.

Oxigraph (0.5) sorts by evaluating each ORDER BY condition inside every
comparison, and a string held in the store is read back from RocksDB each
time: on 10,000 documents, cq02's 10,000 rows took 600 ms to sort and cq07's
375,000 rows about 30 s, more than the joins. :func:`sparql_sorted` puts rows
in the order the ORDER BY conditions that :func:`kg.store.sparql_text.order_keys`
reads would give them, comparing values as SPARQL engines do: unbound first,
then IRIs by their text, then literals (strings by code point, numbers by
value, booleans, dates without a time zone). Where a column holds values it
cannot compare that way for certain (blank nodes, language-tagged or
differently typed literals, doubles, STR() of a number), it answers None and
the engine has to sort. Rows that tie are sorted by the whole row, as
:func:`kg.store.base.settle_order` sorts them.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from itertools import groupby

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.store.base import Row, row_key
from kg.store.sparql_text import OrderKey
from kg.store.terms import INTEGERS, XSD

SortValue = tuple[int, str, object]  # (rank: unbound, IRI, literal; kind of literal; value)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STR_KEEPS = {XSD + "string", XSD + "date", XSD + "gYearMonth", XSD + "gYear"}  # STR() is the same text in every engine


def sparql_sorted(columns: list[str], rows: list[Row], keys: list[OrderKey]) -> list[Row] | None:
    """``rows`` ordered by ``keys``, ties by the whole row; None if Python cannot order them as SPARQL does."""
    if any(key.variable not in columns for key in keys):
        return None
    values = [column_values([row[columns.index(key.variable)] for row in rows], key.form) for key in keys]
    if None in values:
        return None
    order = list(range(len(rows)))
    for column, key in reversed(list(zip(values, keys))):  # stable sorts, the last condition first
        order.sort(key=column.__getitem__, reverse=key.descending)
    tied = list(zip(*values))
    ordered: list[Row] = []
    for _, group in groupby(order, key=tied.__getitem__):
        members = [rows[n] for n in group]
        ordered += sorted(members, key=row_key) if len(members) > 1 else members
    return ordered


def column_values(terms: list[Node | None], form: str) -> list[SortValue] | None:
    """What ORDER BY compares of each term under ``form``; None if one is not comparable or kinds of literal mix."""
    convert = term_value if form == "term" else lambda term: str_value(term, form == "str-or-empty")
    seen: dict[int, SortValue | None] = {}  # by id: a backend hands the same object for a value met again
    values = []
    for term in terms:
        key = id(term)
        if key not in seen:
            seen[key] = convert(term)
        values.append(seen[key])
    if None in seen.values() or len({value[1] for value in seen.values() if value[0] == 3}) > 1:
        return None
    return values


def term_value(term: Node | None) -> SortValue | None:
    """How SPARQL orders ``term`` itself, or None where engines may differ."""
    if term is None:
        return 0, "", ""
    if isinstance(term, URIRef):
        return 2, "", str(term)
    if not isinstance(term, Literal) or term.language:
        return None
    datatype, text = str(term.datatype or XSD + "string"), str(term)
    if datatype == XSD + "string":
        return 3, "string", text
    if datatype == XSD + "boolean" and text in ("true", "false"):
        return 3, "boolean", text == "true"
    if datatype == XSD + "date" and _DATE.fullmatch(text):
        return 3, "date", text
    if datatype in INTEGERS or datatype == XSD + "decimal":
        try:
            return 3, "number", Decimal(text)
        except InvalidOperation:
            return None
    return None


def str_value(term: Node | None, empty: bool) -> SortValue | None:
    """How SPARQL orders STR(term), or COALESCE(STR(term), "") when ``empty``; None where engines may differ."""
    if term is None or isinstance(term, BNode):
        return (1, "", "") if empty else (0, "", "")  # STR() of either is an error: unbound
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) not in _STR_KEEPS:
        return None  # a number's or a time's text is each engine's own canonical form
    return 1, "", str(term)
