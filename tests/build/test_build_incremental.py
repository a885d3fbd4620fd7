"""Incremental builds: unchanged documents are kept, changed ones replaced, removed ones retracted."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph
import pytest

import kg.parallel
from kg.build import build
from kg.manifest import fingerprint

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
ID = "https://w3id.org/bskg/id/"
COUNT = len(list(DOCUMENTS.glob("*.txt")))  # the documents the docs fixture copies


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(DOCUMENTS, folder, ignore=shutil.ignore_patterns("*.toml", "*.md"))
    return folder


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The graphs extracted (with jobs=1 extraction runs in this process)."""
    seen: list[str] = []
    real = kg.parallel.extract_task

    def spy(task: kg.parallel.Task) -> kg.parallel.GraphResult:
        seen.append(task.graph.rsplit("/", 1)[1])
        return real(task)

    monkeypatch.setattr(kg.parallel, "extract_task", spy)
    return seen


def _change(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("$25 million", "$35 million"), encoding="utf-8")


def _graph_lines(path: Path, slug: str) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.endswith(f"<{ID}doc/{slug}> .")]


def test_build_incremental_replaces_only_the_changed_graph(docs: Path, tmp_path: Path, extracted: list[str]) -> None:
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    before = out.read_text(encoding="utf-8")
    extracted.clear()
    _change(docs / "usd_summit.txt")
    report = build([docs], out, jobs=1)
    assert extracted == ["usd-summit-txt"]
    assert report.kept == COUNT - 1 and report.documents == COUNT
    after = out.read_text(encoding="utf-8")
    assert '"35000000"' in "".join(_graph_lines(out, "usd-summit-txt"))
    unchanged = [line for line in before.splitlines() if "usd-summit-txt" not in line]
    assert unchanged == [line for line in after.splitlines() if "usd-summit-txt" not in line]
    full = tmp_path / "full.nq"
    build([docs], full, jobs=1, full=True)
    assert out.read_bytes() == full.read_bytes()


def test_build_manifest_marks_document_graphs_confined(docs: Path, tmp_path: Path) -> None:
    """Each document's fact and span lines keep to its own runs, so a rebuild searches a tenth of the file."""
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    entries = json.loads((tmp_path / ".graph.nq.manifest.json").read_text(encoding="utf-8"))["documents"]
    assert len(entries) == COUNT and all(entry["confined"] for entry in entries.values())


def test_build_incremental_report_equals_full_report(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    first = build([docs], out, jobs=1)
    again = build([docs], out, jobs=1)
    assert (again.documents, again.facts, again.warnings, again.skipped) == \
        (first.documents, first.facts, first.warnings, first.skipped)
    assert again.kept == COUNT


def test_build_unchanged_inputs_leave_the_file_alone(docs: Path, tmp_path: Path, extracted: list[str]) -> None:
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    stamp = out.stat().st_mtime_ns
    extracted.clear()
    build([docs], out, jobs=1)
    assert extracted == [] and out.stat().st_mtime_ns == stamp


def test_build_removed_document_retracted_from_nquads(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    assert _graph_lines(out, "no-money-txt")
    (docs / "no_money.txt").unlink()
    report = build([docs], out, jobs=1)
    assert report.dropped == 1 and report.documents == COUNT - 1
    assert not _graph_lines(out, "no-money-txt")
    full = tmp_path / "full.nq"
    build([docs], full, jobs=1, full=True)
    assert out.read_bytes() == full.read_bytes()


def test_build_output_edited_by_hand_is_rebuilt_whole(docs: Path, tmp_path: Path, extracted: list[str]) -> None:
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    reference = out.read_bytes()
    out.write_text("<urn:a> <urn:b> <urn:c> <urn:d> .\n", encoding="utf-8")
    extracted.clear()
    build([docs], out, jobs=1)
    assert len(extracted) == COUNT and out.read_bytes() == reference


def test_build_new_extractor_fingerprint_extracts_everything(docs: Path, tmp_path: Path, extracted: list[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    extracted.clear()
    monkeypatch.setattr("kg.manifest.fingerprint", lambda: "another extractor")
    build([docs], out, jobs=1)
    assert len(extracted) == COUNT
    assert fingerprint() != "another extractor"


def _store_quads(directory: Path) -> set[str]:
    store = pyoxigraph.Store.read_only(str(directory))
    try:
        return set(map(str, store))
    finally:
        del store


def test_build_store_incremental_replaces_changed_and_drops_removed(docs: Path, tmp_path: Path,
                                                                    extracted: list[str]) -> None:
    store = tmp_path / "store"
    build([docs], None, store=f"oxigraph:{store}", jobs=1)
    extracted.clear()
    _change(docs / "usd_summit.txt")
    (docs / "no_money.txt").unlink()
    report = build([docs], None, store=f"oxigraph:{store}", jobs=1)
    assert extracted == ["usd-summit-txt"] and report.kept == COUNT - 2 and report.dropped == 1
    fresh = tmp_path / "fresh"
    build([docs], None, store=f"oxigraph:{fresh}", jobs=1)
    assert _store_quads(store) == _store_quads(fresh)  # named graphs and the merged default graph alike


def test_build_store_removed_document_leaves_what_others_state(docs: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build([docs], None, store=f"oxigraph:{store}", jobs=1)
    (docs / "funding_ceiling_eur.txt").unlink()
    build([docs], None, store=f"oxigraph:{store}", jobs=1)
    quads = _store_quads(store)
    assert not any("funding-ceiling-eur-txt" in quad for quad in quads)
    label = f'<{ID}person/james-cleverly> <http://www.w3.org/2000/01/rdf-schema#label> "James Cleverly"'
    assert label in quads  # in the default graph: usd_summit.txt still names him
    assert f"{label} <{ID}doc/usd-summit-txt>" in quads
