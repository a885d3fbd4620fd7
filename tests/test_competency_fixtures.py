"""Each fixture document, built and queried, gives the competency answers its .expect.toml lists."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from expectations import problems
from kg.build import build_dataset
from kg.queries import query_path, run_query, cell

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
CASES = [(doc, table["id"]) for doc in sorted(FIXTURES.glob("*.txt"))
         for table in tomllib.loads(doc.with_suffix(".expect.toml").read_text(encoding="utf-8"))["cq"]]


@pytest.fixture(scope="module")
def graphs() -> dict:
    return {}


def _rows(graphs: dict, doc: Path, query_file: str) -> list[dict]:
    if doc not in graphs:
        graphs[doc] = build_dataset([doc])[0]
    columns, rows = run_query(graphs[doc], query_path(Path(query_file).stem).read_text(encoding="utf-8"))
    unique = {tuple(cell(v) for v in row) for row in rows}
    return [dict(zip(columns, row)) for row in sorted(unique)]


@pytest.mark.parametrize(("doc", "cq"), CASES, ids=[f"{d.stem}-{c}" for d, c in CASES])
def test_fixture_document_answers_competency_question(graphs: dict, doc: Path, cq: str) -> None:
    expectation = tomllib.loads(doc.with_suffix(".expect.toml").read_text(encoding="utf-8"))
    table = next(t for t in expectation["cq"] if t["id"] == cq)
    rows = _rows(graphs, doc, table["file"])
    if table.get("ordered"):
        graph = graphs[doc]
        columns, ordered = run_query(graph, query_path(Path(table["file"]).stem).read_text(encoding="utf-8"))
        rows = [dict(zip(columns, (cell(v) for v in row))) for row in ordered]
    assert problems(table, rows, doc.read_text(encoding="utf-8")) == []
