"""Where competency-query time goes on an Oxigraph store: engine, term conversion, row ordering.

Not a test. pyoxigraph (0.5) has no query-plan explanation in Python, so the
way to see a plan's cost is to time the parts of one query apart, and to time
rewritten variants of a query against the original. For each query it prints
the rows returned and the median of ``--runs`` runs of:

    engine   Oxigraph evaluating the query and Python iterating its solutions (no terms read)
    terms    the same, also reading every cell (pyoxigraph makes a Python object per cell)
    csv      Oxigraph writing the whole result as CSV itself (QuerySolutions.serialize)
    store    kg.store.oxigraph.OxigraphStore.query: what ``bskg query`` runs (rdflib terms, ORDER BY in Python)

``--variant DIR`` times the .rq files of DIR too (same file names as queries/)
and checks that they return the same rows as the originals::

    .venv/bin/python benchmarks/bench_cq_plans.py --store /tmp/bskg-bench/store-10000
    .venv/bin/python benchmarks/bench_cq_plans.py --data /tmp/bskg-bench/build-1000.nq --variant /tmp/v
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.store.oxigraph import OxigraphStore, _with_merged  # noqa: E402


def median_ms(run: Callable[[], object], runs: int) -> float:
    """Median wall time of ``run()`` in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def in_memory(path: Path) -> OxigraphStore:
    """An OxigraphStore over an in-memory pyoxigraph Store loaded from N-Quads, in the on-disk layout."""
    import pyoxigraph

    store = OxigraphStore.__new__(OxigraphStore)
    store.directory, store.writable = path, False
    store._store = pyoxigraph.Store()
    start = time.perf_counter()
    store._store.bulk_extend(_with_merged(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)))
    print(f"loaded {path} into memory in {time.perf_counter() - start:.1f} s")
    return store


def main() -> None:
    import pyoxigraph

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", type=Path, help="an on-disk Oxigraph store (opened read-only)")
    where.add_argument("--data", type=Path, help="an N-Quads file, loaded into an in-memory Oxigraph store")
    parser.add_argument("--queries", default="cq01,cq02,cq03,cq04,cq05,cq06,cq07,cq08,cq09,cq10")
    parser.add_argument("--variant", type=Path, help="a folder of rewritten .rq files to compare")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parts", default="engine,terms,csv,store", help="which timings to take")
    args = parser.parse_args()
    store = OxigraphStore(args.store) if args.store else in_memory(args.data)
    raw = store._store
    parts = args.parts.split(",")
    print(f"{'query':<24}{'rows':>8}" + "".join(f"{p:>10}" for p in parts))
    for name in args.queries.split(","):
        originals = sorted((ROOT / "queries").glob(f"{name}_*.rq"))
        paths = originals + ([args.variant / p.name for p in originals] if args.variant else [])
        results = []
        for path in paths:
            text = path.read_text(encoding="utf-8")
            union = store.needs_union()
            timings = {
                "engine": lambda: sum(1 for _ in raw.query(text, use_default_graph_as_union=union)),
                "terms": lambda: sum(len(list(s)) for s in raw.query(text, use_default_graph_as_union=union)),
                "csv": lambda: raw.query(text, use_default_graph_as_union=union).serialize(
                    format=pyoxigraph.QueryResultsFormat.CSV),
                "store": lambda: store.query(text),
            }
            _, rows = store.query(text)
            results.append(rows)
            label = ("variant " if path.parent == args.variant else "") + path.stem
            cells = "".join(f"{median_ms(timings[p], args.runs):>10.1f}" for p in parts)
            print(f"{label:<24}{len(rows):>8}{cells}", flush=True)
        if len(results) == 2 and results[0] != results[1]:
            print(f"  DIFFERENT ROWS: {len(results[0])} original, {len(results[1])} variant")
    store.close()


if __name__ == "__main__":
    main()
