"""Builds into an Oxigraph store happen beside it and are swapped in whole (kg.store.staging).

The killed-build case is in tests/robustness/test_safe_writes.py; here: what a
finished, a failed and a refused build leave in the store's folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
COUNT = "SELECT (COUNT(DISTINCT ?doc) AS ?documents) WHERE { ?doc a <https://w3id.org/bskg/ontology#Document> }\n"


def bskg(*args: str) -> subprocess.CompletedProcess:
    """Run the bskg command as a user does: a new Python process."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300)


def _docs(folder: Path, names: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(DOCUMENTS / name, folder / name)
    return folder


def _count(store: Path, query: Path) -> str:
    result = bskg("query", str(query), "--store", f"oxigraph:{store}", "--format", "csv")
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[1]


def _beside(store: Path) -> list[str]:
    """What lies beside the store in its parent folder, temporaries included."""
    return sorted(p.name for p in store.parent.iterdir())


@pytest.fixture
def query(tmp_path: Path) -> Path:
    path = tmp_path / "count.rq"
    path.write_text(COUNT, encoding="utf-8")
    return path


def test_build_then_update_swaps_whole_stores_leaving_nothing_beside(tmp_path: Path, query: Path) -> None:
    parent = tmp_path / "stores"
    store = parent / "store"
    docs = _docs(tmp_path / "docs", ["appointment.txt", "no_money.txt"])
    first = bskg("build", str(docs), "--store", f"oxigraph:{store}", "-q")
    assert first.returncode == 0, first.stderr
    assert _count(store, query) == "2" and _beside(store) == ["store"]
    store.chmod(0o750)
    _docs(docs, ["usd_summit.txt"])
    (docs / "no_money.txt").unlink()
    second = bskg("build", str(docs), "--store", f"oxigraph:{store}")
    assert second.returncode == 0, second.stderr
    assert "1 unchanged document graphs kept, 1 removed" in second.stdout
    assert _count(store, query) == "2" and _beside(store) == ["store"]
    assert (store / "bskg-manifest.json").is_file()
    assert store.stat().st_mode & 0o777 == 0o750  # the swapped-in store keeps the folder's permissions


def test_failed_build_leaves_store_as_it_was(tmp_path: Path, query: Path) -> None:
    store = tmp_path / "stores" / "store"
    good = _docs(tmp_path / "good", ["appointment.txt"])
    assert bskg("build", str(good), "--store", f"oxigraph:{store}", "-q").returncode == 0
    files = {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.txt").write_bytes(b"\xff\xfe\x00 not text")
    result = bskg("build", str(bad), "--store", f"oxigraph:{store}")
    assert result.returncode == 2 and "no document could be read" in result.stderr
    assert {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()} == files
    assert _beside(store) == ["store"] and _count(store, query) == "1"


def test_failed_first_build_makes_no_store(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.txt").write_bytes(b"\xff\xfe\x00 not text")
    result = bskg("build", str(bad), "--store", f"oxigraph:{tmp_path / 'stores' / 'store'}")
    assert result.returncode == 2
    assert list((tmp_path / "stores").iterdir()) == []


@pytest.mark.parametrize("what", ["file", "folder of other files"])
def test_store_path_that_is_no_store_refused_untouched(tmp_path: Path, what: str) -> None:
    target = tmp_path / "target"
    if what == "file":
        target.write_text("not a store", encoding="utf-8")
        message = f"bskg: error: {target}: cannot build a store there: it is a file, not a folder\n"
    else:
        target.mkdir()
        (target / "notes.txt").write_text("not a store", encoding="utf-8")
        message = f"bskg: error: cannot open the Oxigraph store at {target}: "
    result = bskg("build", str(DOCUMENTS / "appointment.txt"), "--store", f"oxigraph:{target}")
    assert result.returncode == 2 and result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]
    assert (target.read_text(encoding="utf-8") if what == "file" else os.listdir(target)) in ("not a store",
                                                                                              ["notes.txt"])


def _quads(store: Path) -> set[str]:
    import pyoxigraph

    opened = pyoxigraph.Store.read_only(str(store))
    try:
        return set(opened.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8").splitlines())
    finally:
        del opened


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_rebuild_gives_the_store_a_first_build_gives(tmp_path: Path, full: bool) -> None:
    """A copy updated graph by graph, or (--full) a fresh bulk-loaded store: the same quads as a first build."""
    docs = _docs(tmp_path / "docs", ["appointment.txt", "no_money.txt"])
    store, first = tmp_path / "store", tmp_path / "first"
    assert bskg("build", str(docs), "--store", f"oxigraph:{store}", "-q").returncode == 0
    (docs / "no_money.txt").unlink()
    _docs(docs, ["usd_summit.txt"])
    again = bskg("build", str(docs), "--store", f"oxigraph:{store}", *(["--full"] if full else []))
    assert again.returncode == 0, again.stderr
    kept = 0 if full else 1
    assert f"incremental: {kept} unchanged document graphs kept, 1 removed" in again.stdout
    assert bskg("build", str(docs), "--store", f"oxigraph:{first}", "-q").returncode == 0
    assert _quads(store) == _quads(first) and len(_quads(store)) > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "first", "store"]
