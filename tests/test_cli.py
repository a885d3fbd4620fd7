"""The bskg command line, run as a user runs it: real files, real exit codes, one-line errors."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
RELEASE = FIXTURES / "funding_ceiling_eur.txt"


def bskg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "graph.nq"
    result = bskg("build", str(RELEASE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_cli_build_prints_summary_and_writes_nquads(graph: Path) -> None:
    assert graph.read_text(encoding="utf-8").count("\n") > 100


def test_cli_query_csv_has_header_and_rows(graph: Path) -> None:
    result = bskg("query", "cq01", "--data", str(graph), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.returncode == 0
    assert [(r["amount"], r["currency"], r["upper_bound"]) for r in rows] == [("40000000", "EUR", "true")]


def test_cli_build_is_byte_identical_twice(tmp_path: Path, graph: Path) -> None:
    again = tmp_path / "again.nq"
    bskg("build", str(RELEASE), "-o", str(again))
    assert again.read_bytes() == graph.read_bytes()


@pytest.mark.parametrize(("args", "message"), [
    (["build", "no/such/file.txt", "-o", "x.nq"], "no such file or folder"),
    (["build", str(RELEASE), "-o", "out.xyz"], "unknown RDF extension"),
    (["query", "cq99", "--data", str(RELEASE)], "no query file or bundled query"),
    (["query", "cq01", "--data", "missing.nq"], "no such file"),
    (["query", "cq01", "--data", str(RELEASE.with_suffix(".expect.toml"))], "unknown RDF extension"),
    (["query", "cq01", "--data", "x.nq", "--param", "novalue"], "expected name=value"),
])
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = bskg(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_cli_bad_sparql_names_the_syntax_error(tmp_path: Path, graph: Path) -> None:
    query = tmp_path / "bad.rq"
    query.write_text("SELECT ?x WHERE { ?x ?y }", encoding="utf-8")
    result = bskg("query", str(query), "--data", str(graph))
    assert result.returncode == 2 and "SPARQL syntax error" in result.stderr


def test_cli_build_failure_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "kept.nq"
    out.write_text("previous\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = bskg("build", str(empty), "-o", str(out))
    assert result.returncode == 2 and "no documents" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_cli_build_skips_unreadable_document_and_reports_it(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(RELEASE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    result = bskg("build", str(folder), "-o", str(tmp_path / "g.nq"))
    assert result.returncode == 0
    assert "skipped:" in result.stdout and "bad.txt" in result.stdout
    assert bskg("build", str(folder), "-o", str(tmp_path / "g.nq"), "--strict").returncode == 1


def test_cli_validate_conforming_graph_exits_0(graph: Path) -> None:
    result = bskg("validate", "--no-reasoner", str(graph))
    assert result.returncode == 0, result.stdout
