"""One graph built from the fixture releases, and the three backends holding it.

The remote backend is a real ``oxigraph serve-read-only`` on 127.0.0.1 (any
free port), started once for the session and stopped in a finally block.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.store import open_store
from kg.store.serve import OxigraphServer

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
COMPETENCY = [f"cq{i:02d}" for i in range(1, 11)]


@pytest.fixture(scope="session")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture releases (*.txt) built into one N-Quads file, a named graph per document."""
    folder = tmp_path_factory.mktemp("docs")
    for path in sorted(DOCUMENTS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    out = tmp_path_factory.mktemp("graph") / "fixtures.nq"
    build([folder], out)
    return out


@pytest.fixture(scope="session")
def oxigraph_dir(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk Oxigraph store loaded with the graph, closed again."""
    directory = tmp_path_factory.mktemp("oxigraph") / "store"
    open_store(f"oxigraph:{directory}", [graph_file]).close()
    return directory


@pytest.fixture(scope="session")
def endpoint(oxigraph_dir: Path) -> Iterator[str]:
    """The query URL of a read-only Oxigraph server on the store."""
    server = OxigraphServer(oxigraph_dir, timeout_s=30)
    try:
        server.start()
        yield server.url + "query"
    finally:
        server.stop()


@pytest.fixture(scope="session")
def stores(graph_file: Path, oxigraph_dir: Path, endpoint: str) -> Iterator[dict]:
    """The graph in each backend, by name."""
    opened = {"memory": open_store("memory", [graph_file]),
              "oxigraph": open_store(f"oxigraph:{oxigraph_dir}"),
              "remote": open_store(f"sparql:{endpoint}", timeout_s=30)}
    try:
        yield opened
    finally:
        for store in opened.values():
            store.close()
