"""kg.store.sorting: ORDER BY in Python gives the rows Oxigraph's own ORDER BY gives, or declines."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import XSD, BNode, Literal, URIRef

from kg.store import open_store
from kg.store.base import settle_order
from kg.store.oxigraph import OxigraphStore
from kg.store.sorting import sparql_sorted
from kg.store.sparql_text import OrderKey, order_keys, without_order_by

EX = "http://example.org/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
DATES = [f'"2024-05-01"^^<{XSD_NS}date>', f'"2024-04"^^<{XSD_NS}gYearMonth>']


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """Rows (?s, ?name, ?n, ?d): names as strings, numbers, dates or missing, some tied."""
    lines = []
    for i in range(40):
        s = f"<{EX}s{i}>"
        lines.append(f'{s} <{EX}name> "{"abcAé"[i % 5]}{i % 3}" .')
        if i % 4:
            lines.append(f'{s} <{EX}n> "{i % 7}"^^<{XSD_NS}{"integer" if i % 2 else "decimal"}> .')
        if i % 3:
            lines.append(f'{s} <{EX}d> {DATES[i % 2]} .')
    path = tmp_path_factory.mktemp("sorting") / "g.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    opened = open_store(f"oxigraph:{tmp_path_factory.mktemp('sorting-store') / 'ox'}", [path])
    yield opened
    opened.close()


@pytest.mark.parametrize("order,in_python", [
    ("?name ?s", True), ("DESC(?n) ?s", True), ("?n DESC(?name)", True), ('COALESCE(STR(?d), "") ?name', True),
    ("STR(?d) DESC(?s)", True), ("?name", True), ("ASC(?d) ?n", False),  # a date and a month: left to the engine
])
def test_sorting_same_rows_as_oxigraph_order_by(store: OxigraphStore, order: str, in_python: bool) -> None:
    text = (f"SELECT ?s ?name ?n ?d WHERE {{ ?s <{EX}name> ?name OPTIONAL {{ ?s <{EX}n> ?n }} "
            f"OPTIONAL {{ ?s <{EX}d> ?d }} }} ORDER BY {order}")
    columns, rows = store._select(without_order_by(text), None)
    assert (sparql_sorted(columns, rows, order_keys(text)) is not None) == in_python
    assert store.query(text) == settle_order(text, *store._select(text, None))


def test_sorting_strings_by_code_point_unbound_and_iris_first() -> None:
    terms = [Literal("b"), URIRef(EX + "z"), Literal("B"), None, Literal("é"), URIRef(EX + "a"), Literal("a")]
    rows = sparql_sorted(["v"], [[t] for t in terms], [OrderKey("v")])
    assert [r[0] for r in rows] == [None, URIRef(EX + "a"), URIRef(EX + "z"), Literal("B"), Literal("a"),
                                    Literal("b"), Literal("é")]


def test_sorting_numbers_by_value_across_integer_and_decimal() -> None:
    terms = [Literal("10", datatype=XSD.integer), Literal("9.5", datatype=XSD.decimal), Literal("-1", datatype=XSD.integer)]
    rows = sparql_sorted(["v"], [[t] for t in terms], [OrderKey("v", descending=True)])
    assert [str(r[0]) for r in rows] == ["10", "9.5", "-1"]


def test_sorting_ties_by_whole_row() -> None:
    rows = [[Literal("x"), Literal("2")], [Literal("x"), Literal("1")], [Literal("a"), Literal("3")]]
    assert sparql_sorted(["k", "v"], rows, [OrderKey("k")]) == [rows[2], rows[1], rows[0]]


def test_sorting_coalesce_ties_unbound_with_empty_string() -> None:
    rows = [[Literal(""), Literal("b")], [None, Literal("a")], [Literal("2024"), Literal("c")]]
    keys = order_keys('SELECT * WHERE { ?s ?p ?o } ORDER BY COALESCE(STR(?d), "")')
    assert sparql_sorted(["d", "x"], rows, keys) == [rows[1], rows[0], rows[2]]


@pytest.mark.parametrize("terms,form", [
    ([Literal("a"), Literal("1", datatype=XSD.integer)], "term"),
    ([Literal("a", lang="en"), Literal("b")], "term"),
    ([BNode(), Literal("b")], "term"),
    ([Literal("1.5", datatype=XSD.double)], "term"),
    ([Literal("2024-05-01T10:00:00", datatype=XSD.dateTime)], "term"),
    ([Literal("7.0", datatype=XSD.decimal)], "str"),
])
def test_sorting_declines_values_engines_may_order_differently(terms: list, form: str) -> None:
    assert sparql_sorted(["v"], [[t] for t in terms], [OrderKey("v", form=form)]) is None


def test_sorting_declines_key_not_among_columns() -> None:
    assert sparql_sorted(["v"], [[Literal("a")]], [OrderKey("w")]) is None


def test_oxigraph_query_with_limit_keeps_engine_order(store: OxigraphStore) -> None:
    text = f"SELECT DISTINCT ?name WHERE {{ ?s <{EX}name> ?name }} ORDER BY DESC(?name) LIMIT 2"
    assert [str(r[0]) for r in store.query(text)[1]] == ["é2", "é1"]


def test_oxigraph_query_syntax_error_reported_for_text_as_written(store: OxigraphStore) -> None:
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="syntax error"):
        store.query("SELECT ?s WHERE { ?s ?p } ORDER BY ?s")
