"""kg.store.sparql_text: where a VALUES block goes, and which variables a final ORDER BY uses."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.store.sparql_text import OrderKey, order_keys, with_values, without_order_by

TRICKY = '''PREFIX ex: <http://example.org/(odd)#>
# a comment with { a brace
SELECT ?s (CONCAT("{", ?x) AS ?y) WHERE {
  ?s ex:p "}" ; ex:q ?x .
}'''


def test_with_values_goes_first_in_the_where_group() -> None:
    text = with_values(TRICKY, {"x": Literal("a")})
    assert text.index("VALUES (?x)") > text.index("WHERE {") and text.index("VALUES (?x)") < text.index('ex:p "}"')
    prepareQuery(text)


def test_with_values_several_bindings_one_row() -> None:
    text = with_values("SELECT * WHERE { ?a ?b ?c }", {"a": Literal(1), "c": Literal("z")})
    assert 'VALUES (?a ?c) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer> "z") }' in text
    prepareQuery(text)


def test_with_values_no_bindings_leaves_text() -> None:
    assert with_values(TRICKY, {}) == TRICKY


@pytest.mark.parametrize("name", ["a b", "x}", "1a", ""])
def test_with_values_bad_name_raises(name: str) -> None:
    with pytest.raises(QueryError, match="bad parameter name"):
        with_values("SELECT * WHERE { ?s ?p ?o }", {name: Literal(1)})


def test_with_values_no_group_raises() -> None:
    with pytest.raises(QueryError, match="no WHERE group"):
        with_values("SELECT * FROM <http://e/g>", {"x": Literal(1)})


@pytest.mark.parametrize("text,keys", [
    ("SELECT * WHERE { ?s ?p ?o }", []),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s DESC(?o)", [OrderKey("s"), OrderKey("o", True)]),
    ("SELECT * WHERE { ?s ?p ?o } order by asc(?p) LIMIT 3", [OrderKey("p")]),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?o } }", []),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY STR(?s)", [OrderKey("s", form="str")]),
    ('SELECT * WHERE { ?s ?p ?o } ORDER BY COALESCE(STR(?d), "") DESC(STR(?s)) ?o',
     [OrderKey("d", form="str-or-empty"), OrderKey("s", True, "str"), OrderKey("o")]),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY LCASE(?s)", None),
    ('SELECT * WHERE { ?s ?p ?o } ORDER BY COALESCE(STR(?d), "x")', None),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY DESC(?s", None),
    ('SELECT * WHERE { ?s ?p "ORDER BY ?x" }', []),
])
def test_order_keys(text: str, keys: list | None) -> None:
    assert order_keys(text) == keys


@pytest.mark.parametrize("text,expected", [
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s DESC(?o)", "SELECT * WHERE { ?s ?p ?o } "),
    ('SELECT * WHERE { ?s ?p ?o }\nORDER BY COALESCE(STR(?d), "") # last\n', "SELECT * WHERE { ?s ?p ?o }\n"),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s VALUES ?s { 1 }", "SELECT * WHERE { ?s ?p ?o } VALUES ?s { 1 }"),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3", None),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s OFFSET 3", None),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY LCASE(?s)", None),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY", None),
    ("SELECT * WHERE { ?s ?p ?o }", None),
])
def test_without_order_by(text: str, expected: str | None) -> None:
    assert without_order_by(text) == expected
