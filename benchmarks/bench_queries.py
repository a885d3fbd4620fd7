"""Competency-query latency: rdflib in memory against an on-disk Oxigraph store, on >= 1M triples.

Not a test. It builds a source graph (the bundled corpus and the fixture
releases, or ``--source FILE.nq``), then writes a synthetic N-Quads graph of at
least ``--triples`` triples shaped like ours: every document graph is copied
with new document, fact and span IRIs (``<slug>-<copy>``), its dates shifted
and its amounts changed, while entities and posts keep their shared IRIs, as
they do across real documents. Both backends are loaded from that file and
cq01-cq10 are timed through kg.store (what ``bskg query`` runs; "engine" is
Oxigraph's own time for the same query, without turning rows into rdflib
terms and ordering rows; the query it is handed has no final ORDER BY where
kg.store.sorting sorts instead)::

    .venv/bin/python benchmarks/bench_queries.py --triples 1000000
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.queries import query_path  # noqa: E402
from kg.store.memory import MemoryStore  # noqa: E402
from kg.store.oxigraph import OxigraphStore  # noqa: E402
from kg.store.sparql_text import without_order_by  # noqa: E402

XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = re.compile(r'"(\d{4})-(\d{2})-(\d{2})"\^\^<' + re.escape(XSD) + "date>")
_AMOUNT = re.compile(r'(#amount> )"(\d+)"')
_FILE = re.compile(r'(#fileName> )"([^"]*)"')
_DOC = re.compile(r"/doc/([^>/]+)> \.$")


def source_graph(out: Path) -> Path:
    """The bundled corpus and the fixture releases built into one N-Quads file."""
    from kg.build import build

    documents = [ROOT / "data" / "corpus", *sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.txt"))]
    build(documents, out)
    return out


def synthesize(source: Path, target: Path, triples: int) -> int:
    """Copy the source's document graphs with new IRIs until ``target`` holds ``triples``; return the count."""
    graphs: dict[str, list[str]] = defaultdict(list)
    for line in source.read_text(encoding="utf-8").splitlines():
        match = _DOC.search(line)
        if match:
            graphs[match.group(1)].append(line)
    written, copy = 0, 0
    with target.open("w", encoding="utf-8") as out:
        while written < triples:
            copy += 1
            for slug, lines in graphs.items():
                new = f"{slug}-{copy}"
                text = "\n".join(lines).replace(f"/doc/{slug}>", f"/doc/{new}>")
                text = text.replace(f"/fact/{slug}/", f"/fact/{new}/").replace(f"/span/{slug}/", f"/span/{new}/")
                text = _DATE.sub(lambda m: _shift(m, copy), text)
                text = _AMOUNT.sub(lambda m: f'{m.group(1)}"{int(m.group(2)) + copy * 1000}"', text)
                text = _FILE.sub(lambda m: f'{m.group(1)}"{copy}-{m.group(2)}"', text)
                out.write(text + "\n")
                written += len(lines)
    return written


def _shift(match: re.Match, copy: int) -> str:
    day = date(int(match.group(1)), int(match.group(2)), int(match.group(3))) - timedelta(days=copy % 3650)
    return f'"{day.isoformat()}"^^<{XSD}date>'


def median_ms(run: object, runs: int) -> tuple[float, int]:
    """Median wall time of ``run()`` in ms, and the number of rows it returned."""
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--source", type=Path, help="an N-Quads graph to copy (default: corpus + fixtures)")
    parser.add_argument("--runs", type=int, default=5, help="runs per query on Oxigraph")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="runs per query on rdflib")
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bskg-bench-") as scratch:
        folder = Path(scratch)
        source = args.source or source_graph(folder / "source.nq")
        graph = folder / "synthetic.nq"
        count = synthesize(source, graph, args.triples)
        print(f"synthetic graph: {count} triples ({graph.stat().st_size / 1e6:.0f} MB)")
        start = time.perf_counter()
        oxigraph = OxigraphStore(folder / "oxigraph", writable=True)
        oxigraph.load(graph)
        print(f"load oxigraph (bulk, on disk): {time.perf_counter() - start:.1f} s")
        memory = None
        if not args.skip_rdflib:
            start = time.perf_counter()
            memory = MemoryStore([graph])
            print(f"load rdflib (memory): {time.perf_counter() - start:.1f} s")
        print(f"\n{'query':<22}{'rows':>8}{'oxigraph ms':>13}{'(engine)':>10}{'rdflib ms':>11}{'ratio':>7}")
        for number in range(1, 11):
            path = query_path(f"cq{number:02d}")
            text = path.read_text(encoding="utf-8")
            ox_ms, rows = median_ms(lambda: len(oxigraph.query(text)[1]), args.runs)
            sent = without_order_by(text) or text  # what the store hands Oxigraph (kg.store.sorting sorts)
            engine_ms, _ = median_ms(lambda: len(list(oxigraph._store.query(sent))), args.runs)
            line = f"{path.stem:<22}{rows:>8}{ox_ms:>13.1f}{engine_ms:>10.1f}"
            if memory is not None:
                rd_ms, rd_rows = median_ms(lambda: len(memory.query(text)[1]), args.rdflib_runs)
                assert rd_rows == rows, f"{path.stem}: {rd_rows} rows on rdflib, {rows} on Oxigraph"
                line += f"{rd_ms:>11.0f}{rd_ms / ox_ms:>6.0f}x"
            print(line, flush=True)
        oxigraph.close()


if __name__ == "__main__":
    main()
