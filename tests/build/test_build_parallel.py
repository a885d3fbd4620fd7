"""Parallel extraction: the same bytes whatever the number of workers and the order of the inputs."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
RELEASES = Path(__file__).parents[1] / "fixtures" / "releases"
FILES = sorted(DOCUMENTS.glob("*.txt")) + sorted(RELEASES.glob("*.txt"))


@pytest.mark.parametrize("ext", ["nq", "nt", "trig"])
def test_build_jobs_1_and_2_identical_bytes(tmp_path: Path, ext: str) -> None:
    one, two = tmp_path / f"one.{ext}", tmp_path / f"two.{ext}"
    report_one = build([DOCUMENTS], one, jobs=1)
    report_two = build([DOCUMENTS], two, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert report_one.summary() == report_two.summary()


def test_build_shuffled_inputs_identical_bytes(tmp_path: Path) -> None:
    shuffled = FILES[:]
    random.Random(7).shuffle(shuffled)
    nested = tmp_path / "nested"
    for i, path in enumerate(shuffled):  # the same files, in other folders, given in another order
        (nested / f"part{i % 3}").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, nested / f"part{i % 3}" / path.name)
    first, second, third = tmp_path / "first.nq", tmp_path / "second.nq", tmp_path / "third.nq"
    build(FILES, first, jobs=2)
    build(shuffled, second, jobs=2)
    build(sorted(nested.iterdir(), reverse=True), third, jobs=1)
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_build_store_jobs_1_and_2_same_quads(tmp_path: Path) -> None:
    import pyoxigraph

    for jobs in (1, 2):
        build([DOCUMENTS], None, store=f"oxigraph:{tmp_path / str(jobs)}", jobs=jobs)
    one, two = (pyoxigraph.Store.read_only(str(tmp_path / str(j))) for j in (1, 2))
    assert set(map(str, one)) == set(map(str, two)) and len(one) > 0


def _documents() -> int:
    """The files the build reads from the fixtures folder: the phenomenon documents and their README."""
    return len([p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".md")])


def test_cli_build_jobs_option(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", str(DOCUMENTS), "-o", str(out), "-j", "2", "--full"])
    assert result.exit_code == 0, result.output
    assert f"documents: {_documents()}" in result.output and "extracting" not in result.output  # no bar off a terminal
    reference = tmp_path / "reference.nq"
    CliRunner().invoke(main, ["build", str(DOCUMENTS), "-o", str(reference), "-j", "1", "-q"])
    assert out.read_bytes() == reference.read_bytes()


def test_cli_build_jobs_must_be_positive(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(DOCUMENTS), "-o", str(tmp_path / "g.nq"), "-j", "0"])
    assert result.exit_code == 2
