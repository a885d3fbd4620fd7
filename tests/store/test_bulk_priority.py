"""While a store is bulk-loaded, RocksDB's compactions wait at the lowest CPU priority (kg.store.oxigraph).

They would otherwise merge each batch into the store as it comes, rewriting
it again and again; ``optimize`` (the one merge that counts) and ``close``
give the threads their priority back. Meanwhile each load's files stay open,
so loads are merged each time they would hold too many open files. Whether
any of it is faster is measured by benchmarks/run.py, not here.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store import oxigraph
from kg.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="RocksDB's threads are found in /proc")

BATCH = ('<https://example.org/s{n}> <https://example.org/p> "o" <https://example.org/g{n}> .\n'
         '<https://example.org/s{n}> <https://example.org/p> "o" .\n')  # a quad, its triple: another each {n}
LINES = BATCH.format(n="").encode()


def _priorities() -> set[int]:
    return {os.getpriority(os.PRIO_PROCESS, thread) for thread in oxigraph._background_threads()}


def _may_raise_priority() -> bool:
    return os.geteuid() == 0  # others cannot undo a lowering (without CAP_SYS_NICE)


@pytest.mark.parametrize("end", ["optimize", "close"])
def test_compactions_wait_while_bulk_loading_then_get_their_priority_back(tmp_path: Path, end: str) -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    store = OxigraphStore(tmp_path / "store", writable=True)
    try:
        store.bulk_add(LINES, trusted=True)
        store.bulk_add(LINES, trusted=True)
        assert oxigraph._background_threads(), "RocksDB started no background thread"
        assert _priorities() == {oxigraph._LOWEST}
        if end == "optimize":
            store.optimize()
            assert len(store._store) == 2  # the quad in its graph, the triple in the default graph
    finally:
        store.close()
    assert not oxigraph._LOWERED
    if _may_raise_priority():
        assert _priorities() == {before}


def test_other_store_work_leaves_priorities_alone(tmp_path: Path) -> None:
    before = _priorities()
    store = OxigraphStore(tmp_path / "store", writable=True)
    try:
        store.add_graph("https://example.org/g", LINES.split(b"\n")[1].decode() + "\n")
        assert _priorities() <= before | {os.getpriority(os.PRIO_PROCESS, 0)}
        assert not oxigraph._LOWERED
    finally:
        store.close()


def test_loads_are_merged_each_time_their_open_files_would_run_out(tmp_path: Path, monkeypatch) -> None:
    store = OxigraphStore(tmp_path / "store", writable=True)
    merges, merge = [], store.optimize

    def optimize() -> None:
        merges.append(store._unmerged)
        merge()

    monkeypatch.setattr(store, "optimize", optimize)
    store._max_unmerged = 2
    try:
        for number in range(5):
            store.bulk_add(BATCH.format(n=number).encode(), trusted=True)
        assert merges == [2, 2]  # before the third load and before the fifth
        assert oxigraph._LOWERED  # the fifth load's compactions wait again
        store.optimize()
        assert len(store._store) == 10
    finally:
        store.close()


def test_bulk_loads_fit_a_low_limit_of_open_files(tmp_path: Path) -> None:
    """60 loads of 11 files each, with 256 files allowed (and no way to raise the limit): 11 unmerged at most.

    Each load holds four subjects, so that its files' key ranges overlap the
    others' as real batches' do. With one subject a load, no file overlapped
    any other, RocksDB left all 660 unmerged, and the test measured only
    Oxigraph's own margin of 48 files beyond its cache, which a busy machine
    overran (CI, 2026-12-01).
    """
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))\n"
            "from pathlib import Path\n"
            "from kg.store.oxigraph import OxigraphStore\n"
            "store = OxigraphStore(Path(sys.argv[1]), writable=True)\n"
            "for number in range(60):\n"
            "    load = ''.join(sys.argv[2].format(n=f'{number}_{k}') for k in range(4))\n"
            "    store.bulk_add(load.encode(), trusted=True)\n"
            "store.optimize()\n"
            "print(len(store._store), store._max_unmerged)\n"
            "store.close()\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store"), BATCH],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["480", "11"]
