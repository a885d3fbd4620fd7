"""Fixtures for the export tests: the seed's graph, its projections and its exports in every format."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from export_support import SCREENSHOTS, SEED, SUFFIXES, VIEWS  # noqa: E402
from kg.export import FORMATS  # noqa: E402


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory) -> Path:
    from kg.build import build

    out = tmp_path_factory.mktemp("seed") / "seed.nq"
    build([SEED], out)
    return out


@pytest.fixture(scope="session")
def projections(seed_graph: Path) -> dict:
    from kg.export.views import network
    from kg.rdf.io import read_dataset

    dataset = read_dataset([seed_graph])
    return {view: network(dataset, view) for view in VIEWS}


@pytest.fixture(scope="session")
def exports(projections: dict, tmp_path_factory) -> dict:
    """Every view in every format: {(view, format): path}."""
    from kg.export import export_graph

    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for view, graph in projections.items():
        for fmt in FORMATS:
            path = folder / f"{view}{SUFFIXES[fmt]}" if fmt != "csv" else folder / f"{view}-csv"
            export_graph(graph, fmt, path, name=view)
            written[view, fmt] = path
    return written


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
