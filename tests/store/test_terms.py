"""kg.store.terms: one canonical form per value, and SPARQL text that cannot be escaped out of."""
from __future__ import annotations

import pytest
from rdflib import XSD, BNode, Dataset, Literal, URIRef

from kg.errors import QueryError
from kg.store.sparql_text import with_values
from kg.store.terms import canonical, canonical_lexical, from_sparql_json, sparql_term

INJECTIONS = ['x" } ; DROP ALL ; #', "x' } ; DROP ALL ; #", 'a"""b', 'line\nbreak\r\t"', "back\\slash\\",
              "x\" . } } INSERT DATA { <http://e/s> <http://e/p> <http://e/o> } #", ">", "{ }"]


@pytest.mark.parametrize("lexical,datatype,expected", [
    ("75000000", "decimal", "75000000"),
    ("75000000.0", "decimal", "75000000"),
    ("75000000.50", "decimal", "75000000.5"),
    ("-0.0", "decimal", "0"),
    ("0.25", "decimal", "0.25"),
    ("007", "integer", "7"),
    ("+5", "integer", "5"),
    ("1", "boolean", "true"),
    ("0", "boolean", "false"),
    ("true", "boolean", "true"),
    ("1e3", "double", "1000.0"),
    ("INF", "double", "INF"),
    ("2024-09-17", "date", "2024-09-17"),
    ("2024-09", "gYearMonth", "2024-09"),
    ("not a number", "decimal", "not a number"),
])
def test_canonical_lexical(lexical: str, datatype: str, expected: str) -> None:
    assert canonical_lexical(lexical, str(XSD[datatype])) == expected


def test_canonical_drops_xsd_string() -> None:
    assert canonical(Literal("x", datatype=XSD.string)) == Literal("x")


def test_canonical_lowercases_language() -> None:
    assert canonical(Literal("x", lang="EN-GB")).language == "en-gb"


@pytest.mark.parametrize("term", [URIRef("http://e/x"), BNode("b0"), None])
def test_canonical_leaves_non_literals(term: object) -> None:
    assert canonical(term) is term


@pytest.mark.parametrize("value,expected", [
    ({"type": "uri", "value": "http://e/x"}, URIRef("http://e/x")),
    ({"type": "literal", "value": "x"}, Literal("x")),
    ({"type": "literal", "value": "x", "xml:lang": "en"}, Literal("x", lang="en")),
    ({"type": "typed-literal", "value": "1", "datatype": str(XSD.boolean)},
     Literal("1", datatype=XSD.boolean, normalize=False)),
    ({"type": "bnode", "value": "b1"}, BNode("b1")),
    (None, None),
])
def test_from_sparql_json(value: dict | None, expected: object) -> None:
    assert from_sparql_json(value) == expected


@pytest.mark.parametrize("term,text", [
    (URIRef("http://e/x"), "<http://e/x>"),
    (Literal("plain"), '"plain"'),
    (Literal("x", datatype=XSD.string), '"x"'),
    (Literal("2024-09-17", datatype=XSD.date), '"2024-09-17"^^<http://www.w3.org/2001/XMLSchema#date>'),
    (Literal("Haus", lang="de"), '"Haus"@de'),
    (Literal('say "hi"\n'), '"say \\"hi\\"\\n"'),
    (Literal("a\\b"), '"a\\\\b"'),
])
def test_sparql_term(term: object, text: str) -> None:
    assert sparql_term(term) == text


@pytest.mark.parametrize("attack", INJECTIONS)
def test_sparql_term_injection_stays_one_literal_rdflib(attack: str) -> None:
    text = with_values("SELECT ?v WHERE { BIND(?x AS ?v) }", {"x": Literal(attack)})
    rows = list(Dataset().query(text))
    assert [[str(v) for v in row] for row in rows] == [[attack]]


@pytest.mark.parametrize("attack", INJECTIONS)
def test_sparql_term_injection_stays_one_literal_oxigraph(attack: str) -> None:
    import pyoxigraph

    text = with_values("SELECT ?v WHERE { BIND(?x AS ?v) }", {"x": Literal(attack)})
    rows = list(pyoxigraph.Store().query(text))
    assert [solution["v"].value for solution in rows] == [attack]


@pytest.mark.parametrize("term", [URIRef("http://e/x y"), URIRef("http://e/x>"), URIRef('http://e/"'),
                                  Literal("\\u0022"), Literal("\\U00000022"),
                                  BNode("b")])
def test_sparql_term_refuses_what_it_cannot_write_safely(term: object) -> None:
    with pytest.raises(QueryError):
        sparql_term(term)
