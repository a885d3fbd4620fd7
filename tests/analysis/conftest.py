"""The seed corpus's graph, built once per session (helpers for hand-made graphs: analysis_helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.analysis.facts import FactIndex, read_facts

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


@pytest.fixture(scope="session")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.build import build

    out = tmp_path_factory.mktemp("seed") / "seed.nq"
    build([CORPUS], out)
    return out


@pytest.fixture(scope="session")
def seed(seed_file: Path) -> FactIndex:
    from kg.rdf.io import read_dataset

    return read_facts(read_dataset([seed_file]))


@pytest.fixture(scope="session")
def seed_text() -> dict[str, str]:
    """Each corpus file's whole text by file name (evidence offsets index into it)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.iterdir()) if p.is_file()}
