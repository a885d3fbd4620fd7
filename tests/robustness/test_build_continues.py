"""A build continues past bad documents: it writes the good ones, says what it skipped and why, and exits 0.

``--strict`` makes a skip an error (exit 1, one line on stderr). Missing
inputs, or no documents at all, stop the build (exit 2) before anything is
written.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from robust_support import FIXTURES, bskg

GOOD = ["appointment.txt", "no_money.txt", "usd_summit.txt"]
BAD = {
    "empty.txt": (b"", "the document is empty"),
    "binary.txt": (b"GIF89a\x00\x01\x00\x01\x00\x80\x00\x00", "looks like a binary file"),
    "latin1.md": ("Caf\u00e9 \u00a35 million".encode("latin-1"), "not valid UTF-8"),
    "frontmatter.txt": (b"---\ntitle: [unclosed\n---\nBody.\n", "the front matter is not valid YAML"),
    "future.txt": (b"---\npublished: 9999-01-01\n---\nBody text.\n", "'published' 9999-01-01 is outside 1900-2099"),
    "blank.html": (b"<html><head><script>var x = 1;</script></head><body></body></html>", "the document is empty"),
}


def has_jobs() -> bool:
    return "--jobs" in bskg("build", "--help").stdout


JOBS = [[]] + ([["-j", "1"], ["-j", "2"]] if has_jobs() else [])


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(FIXTURES / name, folder / name)
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    return folder


def graph_iris(nquads: str) -> set[str]:
    return {line.rsplit(" ", 2)[-2] for line in nquads.splitlines()}


@pytest.mark.parametrize("jobs", JOBS, ids=lambda j: " ".join(j) or "default")
def test_build_skips_bad_documents_writes_good_ones_exits_0(mixed: Path, tmp_path: Path, jobs: list[str]) -> None:
    out = tmp_path / "out.nq"
    result = bskg("build", str(mixed), "-o", str(out), *jobs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "documents: 3" in result.stdout
    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == len(BAD), result.stdout
    for name, (_, reason) in BAD.items():
        assert any(name in line and reason in line for line in skipped), (name, skipped)
    graphs = graph_iris(out.read_text(encoding="utf-8"))
    assert graphs == {f"<https://w3id.org/bskg/id/doc/{name.replace('.', '-').replace('_', '-')}>" for name in GOOD}


def test_build_of_good_documents_alone_gives_the_same_graph(mixed: Path, tmp_path: Path) -> None:
    """Skipping leaves no trace: the graph is the one the good documents alone give."""
    good = tmp_path / "good"
    good.mkdir()
    for name in GOOD:
        shutil.copy(FIXTURES / name, good / name)
    assert bskg("build", str(mixed), "-o", str(tmp_path / "mixed.nq"), "-q").returncode == 0
    assert bskg("build", str(good), "-o", str(tmp_path / "good.nq"), "-q").returncode == 0
    assert (tmp_path / "mixed.nq").read_bytes() == (tmp_path / "good.nq").read_bytes()


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["verbose", "quiet"])
def test_build_strict_exits_1_naming_a_skipped_document(mixed: Path, tmp_path: Path, quiet: list[str]) -> None:
    result = bskg("build", str(mixed), "-o", str(tmp_path / "out.nq"), "--strict", *quiet)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"bskg: error: --strict: {len(BAD)} documents skipped; the first: ")
    assert any(name in lines[0] for name in BAD)


def test_build_strict_without_bad_documents_exits_0(tmp_path: Path) -> None:
    result = bskg("build", *(str(FIXTURES / name) for name in GOOD), "-o", str(tmp_path / "out.nq"), "--strict")
    assert result.returncode == 0 and result.stderr == ""


def test_build_missing_input_among_good_ones_exits_2_and_writes_nothing(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.nq"
    result = bskg("build", str(mixed), str(tmp_path / "typo"), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"bskg: error: {tmp_path / 'typo'}: no such file or folder"]
    assert not out.exists()


def test_build_folder_without_documents_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "none"
    folder.mkdir()
    (folder / "data.csv").write_text("a,b\n", encoding="utf-8")
    (folder / "nested").mkdir()
    result = bskg("build", str(folder), "-o", str(tmp_path / "out.nq"))
    assert result.returncode == 2 and "no documents (.txt, .md, .html) found" in result.stderr
    assert not (tmp_path / "out.nq").exists()


def test_build_where_every_document_is_bad_exits_2_listing_them(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    result = bskg("build", str(folder), "-o", str(tmp_path / "out.nq"))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bskg: error: no document could be read: ")
    assert all(name in lines[0] for name in BAD)
    assert not (tmp_path / "out.nq").exists()
