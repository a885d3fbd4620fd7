"""The Python API: kg.load, kg.query, kg.query_df, kg.build and kg.validate."""
from __future__ import annotations

import datetime
import subprocess
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

import kg
from kg.errors import BskgError, QueryError

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph") / "graph.nq"
    kg.build([DOCUMENTS / "meeting_delegation.txt", DOCUMENTS / "funding_ceiling_eur.txt"], out)
    return out


def test_api_all_names_exported() -> None:
    assert kg.__all__ == ["build", "load", "query", "query_df", "validate"]
    assert all(callable(getattr(kg, name)) for name in kg.__all__)


def test_api_import_is_lazy() -> None:
    code = "import kg, sys; print(sorted(m for m in ('rdflib', 'pyoxigraph', 'pyshacl', 'owlready2') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def test_api_load_file(graph_file: Path) -> None:
    dataset = kg.load(graph_file)
    assert isinstance(dataset, Dataset)
    assert URIRef("https://w3id.org/bskg/id/doc/meeting-delegation-txt") in {g.identifier for g in dataset.graphs()}


def test_api_load_bundled_builds_cache_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BSKG_CACHE", str(tmp_path))
    dataset = kg.load()
    assert len(dataset) > 0 and len(list(tmp_path.glob("corpus-*.nq"))) == 1
    monkeypatch.setattr("kg.build.build", lambda *a, **k: pytest.fail("rebuilt although cached"))
    assert len(kg.load()) == len(dataset)


def test_api_query_rows_as_python_values(graph_file: Path) -> None:
    (row,) = [r for r in kg.query("cq01", data=graph_file) if r["currency"] == "EUR"]
    assert (row["amount"], row["date"], row["upper_bound"]) == (Decimal("40000000"), datetime.date(2024, 3, 14), True)
    assert isinstance(row["funding"], str) and row["announcer"] == "James Cleverly"


def test_api_query_params_like_cli(graph_file: Path) -> None:
    met = kg.query("meetings_between", data=graph_file, person="Suella Braverman")
    assert met and {row["person"] for row in met} == {"Suella Braverman"}
    assert kg.query("meetings_between", data=graph_file, person=None) == kg.query("meetings_between", data=graph_file)


@pytest.mark.parametrize("value", ["Suella Braverman", None], ids=["value", "unbound"])
def test_api_query_refuses_unknown_parameter_like_cli(graph_file: Path, value: object) -> None:
    """A misspelt name would bind nothing and return every row: refused as ``bskg query --param`` refuses it."""
    message = r"parameter 'persn' is not a variable of the query \(its variables: .*\?person"
    with pytest.raises(QueryError, match=message):
        kg.query("meetings_between", data=graph_file, persn=value)
    with pytest.raises(QueryError, match="parameter 'name' is not a variable"):
        kg.query("SELECT ?s WHERE { ?s ?p ?o }", data=graph_file, name="x")


@pytest.mark.parametrize("when", ["2023-05-12", datetime.date(2023, 5, 12)], ids=["text", "date"])
def test_api_query_date_param(graph_file: Path, when: object) -> None:
    rows = kg.query("officials_on_date", data=graph_file, date=when, organisation="Home Office")
    assert {(r["post"], r["person"]) for r in rows} >= {("Home Secretary", "Suella Braverman")}


def test_api_query_store_same_rows(graph_file: Path, tmp_path: Path) -> None:
    kg.query("cq05", store=f"oxigraph:{tmp_path / 'store'}", data=[graph_file])  # loads the file into the store
    assert kg.query("cq05", store=f"oxigraph:{tmp_path / 'store'}") == kg.query("cq05", data=graph_file)


def test_api_query_text_and_dataset(graph_file: Path) -> None:
    text = "SELECT ?name WHERE { ?d <https://w3id.org/bskg/ontology#fileName> ?name } ORDER BY ?name"
    expected = [{"name": "funding_ceiling_eur.txt"}, {"name": "meeting_delegation.txt"}]
    assert kg.query(text, data=graph_file) == expected
    assert kg.query(text, data=kg.load(graph_file)) == expected


def test_api_query_unknown_name_raises() -> None:
    with pytest.raises(QueryError, match="no query file"):
        kg.query("no_such_query", data=[])


def test_api_query_df_without_pandas_clear_error(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(BskgError, match="pip install pandas"):
        kg.query_df("cq05", data=graph_file)


def test_api_query_df_builds_a_dataframe(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("pandas")
    fake.DataFrame = lambda rows, columns: {"rows": rows, "columns": columns}
    monkeypatch.setitem(sys.modules, "pandas", fake)
    frame = kg.query_df("cq05", data=graph_file)
    rows = kg.query("cq05", data=graph_file)
    assert frame["columns"] == ["meeting", "date", "place", "participant"]
    assert frame["rows"] == [list(row.values()) for row in rows]


def test_api_build_and_validate_callable_and_still_modules(graph_file: Path, tmp_path: Path) -> None:
    import kg.build
    import kg.validate

    assert kg.build.build_dataset.__module__ == "kg.build" and kg.validate.validate_files.__module__ == "kg.validate"
    report = kg.build([DOCUMENTS / "appointment.txt"], tmp_path / "g.nq")
    assert report.documents == 1 and (tmp_path / "g.nq").is_file()
    assert kg.validate([graph_file], reasoner=False).conforms in (True, False)


def test_api_build_callable_before_its_submodule_is_imported(tmp_path: Path) -> None:
    code = ("import sys, kg; from pathlib import Path; assert 'kg.build' not in sys.modules; "
            f"print(kg.build([Path({str(DOCUMENTS / 'appointment.txt')!r})], Path({str(tmp_path / 'g.nq')!r})).documents)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "1", done.stderr
