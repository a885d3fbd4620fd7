"""kg.store.base: one row order for every backend, ties included."""
from __future__ import annotations

import pytest
from rdflib import XSD, BNode, Literal

from kg.store.base import finish

MAY, JUNE = Literal("2024-05-01", datatype=XSD.date), Literal("2024-06-01", datatype=XSD.date)


@pytest.mark.parametrize("condition", ["?d", "STR(?d)", 'COALESCE(STR(?d), "")', "ASC(STR(?d))"])
def test_finish_rows_tied_on_the_order_sorted_by_whole_row(condition: str) -> None:
    rows = [[MAY, Literal("b")], [MAY, Literal("a")], [JUNE, Literal("0")]]
    _, ordered = finish(f"SELECT ?d ?x WHERE {{ ?s ?p ?o }} ORDER BY {condition}", ["d", "x"], rows)
    assert ordered == [[MAY, Literal("a")], [MAY, Literal("b")], [JUNE, Literal("0")]]


def test_finish_unbound_ties_with_empty_string_under_coalesce() -> None:
    rows = [[Literal(""), Literal("a")], [None, Literal("b")], [BNode(), Literal("c")]]
    _, ordered = finish('SELECT ?d ?x WHERE { ?s ?p ?o } ORDER BY COALESCE(STR(?d), "")', ["d", "x"], rows)
    assert [str(row[1]) for row in ordered] == ["b", "c", "a"]


def test_finish_unbound_does_not_tie_with_empty_string_under_str() -> None:
    rows = [[Literal(""), Literal("a")], [None, Literal("b")]]
    _, ordered = finish("SELECT ?d ?x WHERE { ?s ?p ?o } ORDER BY STR(?d)", ["d", "x"], rows)
    assert [str(row[1]) for row in ordered] == ["a", "b"]


def test_finish_order_by_other_expression_keeps_engine_order() -> None:
    rows = [[MAY, Literal("b")], [MAY, Literal("a")]]
    assert finish("SELECT ?d ?x WHERE { ?s ?p ?o } ORDER BY LCASE(?x)", ["d", "x"], rows)[1] == rows


def test_finish_no_order_by_sorts_whole_rows() -> None:
    rows = [[JUNE, Literal("a")], [MAY, Literal("b")]]
    assert finish("SELECT ?d ?x WHERE { ?s ?p ?o }", ["d", "x"], rows)[1] == rows[::-1]
