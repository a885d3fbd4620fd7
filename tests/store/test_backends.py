"""Every backend gives the same answers, byte for byte, to the bundled queries."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Literal, URIRef

from kg.errors import BskgError, QueryError
from kg.queries import format_rows, list_queries, parse_param, query_path
from kg.store import build_into_store, open_store
from kg.store.base import Store

COMPETENCY = [f"cq{i:02d}" for i in range(1, 11)]
BACKENDS = ["oxigraph", "remote"]
PARAMETERISED = [
    ("funding_by_recipient", {"recipient": "Border Force"}),
    ("meetings_between", {"person": "Suella Braverman"}),
    ("officials_on_date", {"date": "2024-03-14"}),
    ("officials_on_date", {"date": "2023-06-01", "organisation": "Home Office"}),
    ("document_facts", {"document": "meeting_delegation.txt"}),
    ("posts_of_person", {"person": "James Cleverly"}),
]


def _csv(store: Store, name: str, params: dict | None = None) -> str:
    bindings = dict(parse_param(f"{k}={v}") for k, v in (params or {}).items())
    return format_rows(*store.query(query_path(name).read_text(encoding="utf-8"), bindings), "csv")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", COMPETENCY)
def test_backend_competency_csv_identical_to_memory(stores: dict, backend: str, name: str) -> None:
    expected = _csv(stores["memory"], name)
    assert expected.count("\n") > 1, f"{name} has no rows on the fixture graph"
    assert _csv(stores[backend], name) == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", [q.name for q in list_queries() if not q.name.startswith("cq")])
def test_backend_research_query_identical_to_memory(stores: dict, backend: str, name: str) -> None:
    assert _csv(stores[backend], name) == _csv(stores["memory"], name)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name,params", PARAMETERISED, ids=lambda v: v if isinstance(v, str) else "-".join(v))
def test_backend_parameterised_query_identical_to_memory(stores: dict, backend: str, name: str,
                                                         params: dict) -> None:
    expected = _csv(stores["memory"], name, params)
    assert expected.count("\n") > 1, f"{name} {params} has no rows on the fixture graph"
    assert _csv(stores[backend], name, params) == expected


@pytest.mark.parametrize("backend", ["memory", *BACKENDS])
def test_backend_json_results_identical_to_memory(stores: dict, backend: str) -> None:
    text = query_path("cq01").read_text(encoding="utf-8")
    assert format_rows(*stores[backend].query(text), "json") == format_rows(*stores["memory"].query(text), "json")


@pytest.mark.parametrize("backend", ["memory", *BACKENDS])
def test_backend_literals_rendered_canonically(stores: dict, backend: str) -> None:
    text = """PREFIX bskg: <https://w3id.org/bskg/ontology#>
    SELECT ?amount ?date ?upper WHERE { ?p a bskg:FundingPackage ; bskg:amount ?amount ;
      bskg:date ?date ; bskg:isUpperBound ?upper ; bskg:currency "EUR" ;
      bskg:evidence/bskg:inDocument/bskg:fileName "funding_ceiling_eur.txt" }"""
    _, rows = stores[backend].query(text)
    assert rows == [[Literal("40000000", datatype=XSD.decimal), Literal("2024-03-14", datatype=XSD.date),
                     Literal("true", datatype=XSD.boolean)]]
    assert [str(v) for v in rows[0]] == ["40000000", "2024-03-14", "true"]


@pytest.mark.parametrize("backend", ["memory", *BACKENDS])
def test_backend_parameter_used_in_filter(stores: dict, backend: str) -> None:
    text = """PREFIX bskg: <https://w3id.org/bskg/ontology#>
    SELECT ?amount WHERE { ?p bskg:amount ?amount ; bskg:currency "EUR" ;
      bskg:evidence/bskg:inDocument/bskg:fileName "funding_ceiling_eur.txt" FILTER(?amount > ?floor) } ORDER BY ?amount"""
    _, rows = stores[backend].query(text, {"floor": Literal(30000000)})
    assert [str(r[0]) for r in rows] == ["40000000"]


@pytest.mark.parametrize("backend", ["memory", *BACKENDS])
def test_backend_injection_attempt_stays_a_literal(stores: dict, backend: str) -> None:
    attack = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    text = query_path("funding_by_recipient").read_text(encoding="utf-8")
    assert stores[backend].query(text, {"recipient": Literal(attack)})[1] == []
    text = "SELECT ?v WHERE { BIND(?x AS ?v) }"
    assert stores[backend].query(text, {"x": Literal(attack)})[1] == [[Literal(attack)]]
    assert stores[backend].query(query_path("cq02").read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("backend", ["memory", *BACKENDS])
def test_backend_syntax_error_raises_query_error(stores: dict, backend: str) -> None:
    with pytest.raises(BskgError):
        stores[backend].query("SELECT ?s WHERE { ?s ?p }")


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_backend_ask_query_refused(stores: dict, backend: str) -> None:
    with pytest.raises(QueryError, match="only SELECT"):
        stores[backend].query("ASK { ?s ?p ?o }")


@pytest.mark.parametrize("spec", ["memory", "oxigraph"])
def test_store_replace_graph_twice_keeps_one_copy(spec: str, graph_file: Path, tmp_path: Path) -> None:
    store = open_store("memory" if spec == "memory" else f"oxigraph:{tmp_path / 'ox'}", [graph_file])
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    try:
        before = store.query(count)[1]
        iri = "https://w3id.org/bskg/id/doc/extra"
        nt = '<http://example.org/a> <http://example.org/p> "1" .\n<http://example.org/a> <http://example.org/p> "2" .\n'
        store.replace_graph(iri, nt)
        store.replace_graph(iri, nt)
        assert int(store.query(count)[1][0][0]) == int(before[0][0]) + 2
        store.replace_graph(iri, nt.splitlines()[0] + "\n")
        assert int(store.query(count)[1][0][0]) == int(before[0][0]) + 1
    finally:
        store.close()


def test_store_replace_graph_refuses_quads_of_another_graph() -> None:
    store = open_store("memory")
    with pytest.raises(BskgError, match="another|graph"):
        store.replace_graph("http://example.org/g1",
                            '<http://example.org/a> <http://example.org/p> "1" <http://example.org/g2> .\n')


def test_build_into_store_twice_same_answers(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
    spec = f"oxigraph:{tmp_path / 'ox'}"
    build_into_store([docs / "meeting_delegation.txt"], spec, tmp_path / "out.nq")
    store = open_store(spec)
    first = _csv(store, "cq05")
    store.close()
    build_into_store([docs / "meeting_delegation.txt"], spec)
    store = open_store(spec)
    try:
        assert _csv(store, "cq05") == first == _csv(open_store("memory", [tmp_path / "out.nq"]), "cq05")
    finally:
        store.close()


@pytest.mark.parametrize("spec,kind", [("memory", "MemoryStore"), ("http://127.0.0.1:1/query", "SparqlStore"),
                                       ("sparql:http://127.0.0.1:1/sparql", "SparqlStore")])
def test_open_store_by_spec(spec: str, kind: str) -> None:
    assert type(open_store(spec)).__name__ == kind


def test_open_store_existing_directory_is_oxigraph(oxigraph_dir: Path) -> None:
    store = open_store(str(oxigraph_dir))
    try:
        assert type(store).__name__ == "OxigraphStore"
    finally:
        store.close()


@pytest.mark.parametrize("spec", ["nosuch:thing", "oxigraph:", "sparql:"])
def test_open_store_unknown_spec_raises(spec: str) -> None:
    with pytest.raises(BskgError, match="unknown store"):
        open_store(spec)


def test_open_store_missing_oxigraph_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(BskgError, match="no Oxigraph store"):
        open_store(f"oxigraph:{tmp_path / 'missing'}")


def test_remote_iri_binding_sent_as_iri(stores: dict) -> None:
    text = "SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    iri = URIRef("https://w3id.org/bskg/id/person/suella-braverman")
    assert stores["remote"].query(text, {"x": iri}) == stores["memory"].query(text, {"x": iri})


@pytest.mark.parametrize("backend", ["memory", *BACKENDS])
def test_backend_triple_in_several_graphs_counts_once(stores: dict, backend: str) -> None:
    shared = """SELECT ?s WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }
                GROUP BY ?s HAVING (COUNT(DISTINCT ?g) > 2) ORDER BY ?s LIMIT 1"""
    (entity,), = stores["memory"].query(shared)[1]
    text = "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    assert len(stores[backend].query(text, {"s": entity})[1]) == 1


def test_oxigraph_replace_graph_keeps_triples_other_graphs_state(tmp_path: Path) -> None:
    store = open_store(f"oxigraph:{tmp_path / 'ox'}", writable=True)
    shared = '<http://example.org/e> <http://example.org/label> "E" .\n'
    own = '<http://example.org/f1> <http://example.org/p> <http://example.org/e> .\n'
    rows = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    try:
        store.replace_graph("http://example.org/g1", shared + own)
        store.replace_graph("http://example.org/g2", shared)
        assert len(store.query(rows)[1]) == 2
        store.replace_graph("http://example.org/g1", "")
        assert [str(v) for v in store.query(rows)[1][0]] == ["http://example.org/e", "http://example.org/label", "E"]
        store.replace_graph("http://example.org/g2", "")
        assert store.query(rows)[1] == []
    finally:
        store.close()


def test_oxigraph_store_without_merged_default_graph_still_answers(graph_file: Path, stores: dict,
                                                                   tmp_path: Path) -> None:
    import subprocess

    from kg.store.serve import find_oxigraph

    subprocess.run([find_oxigraph(), "load", "--location", str(tmp_path / "plain"), "--file", str(graph_file)],
                   check=True, capture_output=True, timeout=120)
    store = open_store(f"oxigraph:{tmp_path / 'plain'}")
    try:
        assert store.needs_union()
        assert _csv(store, "cq05") == _csv(stores["memory"], "cq05")
    finally:
        store.close()


def test_oxigraph_rows_same_whatever_the_batch(stores: dict) -> None:
    from kg.store.oxigraph import _rows

    text = query_path("cq05").read_text(encoding="utf-8")
    raw = stores["oxigraph"]._store
    rows = _rows(raw.query(text))
    assert len(rows) > 3 and _rows(raw.query(text), batch=2) == rows
