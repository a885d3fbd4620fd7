"""The scale benchmark: build speed, memory, query latency and accuracy on generated corpora.

Not a test: it measures and reports, and asserts nothing. For each corpus size
(default 100, 1,000 and 10,000 releases from benchmarks/corpus.py) it runs::

    floors        reading the files; reading and tokenizing them (kg.extract.tokens), one process
    extraction    read_document + extract, one process (the first 1,000 documents)
    build .nq     bskg build DIR -o N.nq -j JOBS --full       (wall, CPU, peak memory, triples)
    build store   bskg build DIR --store oxigraph:DIR -j JOBS  (a new store: bulk load)
    legacy        one rdflib Dataset, one process, serialised (the writer before issue 7; N <= --legacy-max)
    rebuild       one document changed, then bskg build again (.nq and store)
    queries       cq01-cq10 on the Oxigraph store and on rdflib's memory store loaded from N.nq
    accuracy      recall and precision of the corpus's expected answers (benchmarks/score.py)

Peak memory is the largest sum of PSS (proportional set size, so pages that
forked workers share count once) over the build's process tree, sampled every
50 ms. The machine's load average is recorded with each build: other work on
the machine slows builds, and wall times should be read with it.

    .venv/bin/python benchmarks/run.py --quick
    .venv/bin/python benchmarks/run.py --sizes 100,1000,10000 --json benchmarks/results.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = Path(os.environ.get("BSKG_BENCH_CODE") or ROOT)  # the copy of bskg measured (see --no-snapshot)
sys.path.insert(0, str(CODE))
sys.path.insert(0, str(ROOT / "benchmarks"))

PYTHON = sys.executable
BSKG = [PYTHON, "-m", "kg"]
CQS = [f"cq{n:02d}" for n in range(1, 11)]
# Selective queries researchers run (bundled, parameterised): what an interactive question costs.
TARGETED = {"posts_of_person": {"person": "Yvette Cooper"},
            "meetings_between": {"person": "Yvette Cooper"},
            "funding_by_recipient": {"recipient": "Border Force"},
            "document_facts": {"document": "(the corpus's first document)"}}


# -- measuring processes -------------------------------------------------------------------------------------
def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], cwd: Path | None = None) -> dict:
    """Run ``cmd``; its wall time, CPU time (children included), peak PSS of its process tree, output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd or CODE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(process.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({process.returncode}): {err[-2000:]}")
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_mb": round(peak[0] / 1024, 1),
            "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2), "stdout": out}


# -- corpus ----------------------------------------------------------------------------------------------
def corpus(workdir: Path, count: int, seed: int) -> tuple[Path, list]:
    """The corpus of ``count`` releases, written once per (count, seed) and reused while the generator gives the
    same texts (it draws on the gazetteers: a corpus written before they changed no longer matches its answers)."""
    import corpus as generator

    folder = workdir / f"corpus-{seed}-{count}"
    stamp = folder / ".complete"
    items = generator.generate(count, seed)
    digest = hashlib.sha256("\0".join(item.text for item in items).encode("utf-8")).hexdigest()
    if not stamp.is_file() or stamp.read_text().strip() != digest:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for item in items:
            (folder / item.name).write_text(item.text, encoding="utf-8")
            (folder / item.name.replace(".txt", ".gold.toml")).write_text(generator.gold_toml(item), encoding="utf-8")
        stamp.write_text(digest + "\n")
    return folder, items


# -- floors and extraction in one process ----------------------------------------------------------------
def floors(files: list[Path]) -> dict:
    from kg.extract.tokens import tokenize

    start = time.perf_counter()
    texts = [path.read_bytes().decode("utf-8") for path in files]
    read = time.perf_counter() - start
    start = time.perf_counter()
    tokens = 0
    for path in files:
        tokens += len(tokenize(path.read_bytes().decode("utf-8")))
    both = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {"files": len(files), "words": words, "tokens": tokens, "read_s": round(read, 3),
            "read_tokenize_s": round(both, 3), "read_words_per_s": round(words / read),
            "read_tokenize_words_per_s": round(words / both)}


def extraction(files: list[Path]) -> dict:
    """Extraction alone, and with writing the N-Quads lines, in this one process."""
    from kg.gazetteer import load_gazetteer
    from kg.ingest import read_document
    from kg.pipeline import extract
    from kg.rdf.nquads import document_lines

    gazetteer = load_gazetteer()
    extract(read_document(files[0]), gazetteer)  # warm: patterns and compiled expressions
    words, spent, lines = 0, 0.0, 0.0
    for path in files:
        start = time.perf_counter()
        doc = read_document(path)
        result = extract(doc, gazetteer)
        middle = time.perf_counter()
        document_lines(result, triples=False)
        spent += middle - start
        lines += time.perf_counter() - middle
        words += len(doc.text.split())
    return {"documents": len(files), "words": words, "read_extract_s": round(spent, 3),
            "lines_s": round(lines, 3), "words_per_s": round(words / spent),
            "words_per_s_with_lines": round(words / (spent + lines)),
            "ms_per_document": round(1000 * (spent + lines) / len(files), 2)}


# -- builds -------------------------------------------------------------------------------------------------
def build_nq(folder: Path, out: Path, jobs: int, *, full: bool = True) -> dict:
    if full:
        out.unlink(missing_ok=True)
        out.with_name(f".{out.name}.manifest.json").unlink(missing_ok=True)
    cmd = [*BSKG, "build", str(folder), "-o", str(out), "-j", str(jobs)] + (["--full"] if full else [])
    result = measure(cmd)
    result["summary_tail"] = result.pop("stdout").strip().splitlines()[-2:]
    return result


def build_store(folder: Path, store: Path, jobs: int, *, fresh: bool = True) -> dict:
    if fresh:
        shutil.rmtree(store, ignore_errors=True)
    result = measure([*BSKG, "build", str(folder), "--store", f"oxigraph:{store}", "-j", str(jobs)])
    result["summary_tail"] = result.pop("stdout").strip().splitlines()[-2:]
    return result


def build_legacy(folder: Path, out: Path) -> dict:
    code = ("import sys; from pathlib import Path; from kg.build import build_dataset; "
            "from kg.rdf.io import serialize, write_atomic; "
            f"d, r = build_dataset([Path({str(folder)!r})]); out = Path({str(out)!r}); "
            "write_atomic(out, serialize(d, out))")
    result = measure([PYTHON, "-c", code])
    result.pop("stdout")
    return result


def rebuild_one(folder: Path, out: Path, store: Path, jobs: int) -> dict:
    """Change one document, rebuild the .nq file and the store incrementally; then change it back."""
    victim = sorted(folder.glob("*.txt"))[len(list(folder.glob("*.txt"))) // 2]
    original = victim.read_text(encoding="utf-8")
    try:
        victim.write_text(original + "\nThe Home Office said more details would follow.\n", encoding="utf-8")
        nq = build_nq(folder, out, jobs, full=False)
        stored = build_store(folder, store, jobs, fresh=False)
    finally:
        victim.write_text(original, encoding="utf-8")
    restore = build_nq(folder, out, jobs, full=False)
    build_store(folder, store, jobs, fresh=False)
    return {"changed": victim.name, "nq": nq, "store": stored, "nq_restore": restore}


def triples_in(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
    return count


# -- queries ------------------------------------------------------------------------------------------------
def query_child(backend: str, location: str, runs: int, budget_s: float, document: str) -> dict:
    """In a child process: load the backend, time cq01-cq10 (median of ``runs``), print JSON."""
    from rdflib import Literal

    from kg.queries import query_path

    start = time.perf_counter()
    if backend == "memory":
        from kg.store.memory import MemoryStore

        store = MemoryStore([Path(location)])
    else:
        from kg.store.oxigraph import OxigraphStore

        store = OxigraphStore(Path(location))
    load = time.perf_counter() - start
    results, targeted = {}, {}
    for cq in CQS:
        results[cq] = _time_query(store, query_path(cq).read_text(encoding="utf-8"), {}, runs, budget_s)
        if backend == "oxigraph":
            text = query_path(cq).read_text(encoding="utf-8")
            results[cq]["engine_ms"] = round(_engine_ms(store, text, runs, budget_s), 2)
    for name, bindings in TARGETED.items():
        bindings = {"document": document} if name == "document_facts" else bindings
        text = query_path(name).read_text(encoding="utf-8")
        targeted[name] = _time_query(store, text, {k: Literal(v) for k, v in bindings.items()}, runs, budget_s)
    return {"load_s": round(load, 3), "queries": results, "targeted": targeted}


def _time_query(store: object, text: str, bindings: dict, runs: int, budget_s: float) -> dict:
    """Median wall time of the query through kg.store (what bskg query runs), and its row count."""
    times, rows = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        rows = len(store.query(text, bindings)[1])
        times.append(time.perf_counter() - began)
        if sum(times) > budget_s:
            break
    return {"median_ms": round(1000 * statistics.median(times), 2), "rows": rows, "runs": len(times)}


def _engine_ms(store: object, text: str, runs: int, budget_s: float) -> float:
    """Oxigraph's own time for the query the store hands it: solutions iterated, no conversion to rdflib terms.

    That query has no final ORDER BY where kg.store.sorting sorts the rows instead.
    """
    from kg.store.sparql_text import without_order_by

    sent = without_order_by(text) or text
    times: list[float] = []
    for _ in range(runs):
        began = time.perf_counter()
        for _solution in store._store.query(sent):  # noqa: SLF001 (the raw engine, on purpose)
            pass
        times.append(time.perf_counter() - began)
        if sum(times) > budget_s:
            break
    return 1000 * statistics.median(times)


def queries(backend: str, location: Path, runs: int, budget_s: float, document: str) -> dict:
    cmd = [PYTHON, str(Path(__file__).resolve()), "--query-child", backend, str(location), str(runs), str(budget_s),
           document]
    result = measure(cmd)
    data = json.loads(result.pop("stdout"))
    data.update(result)
    return data


# -- one size ---------------------------------------------------------------------------------------------
def run_size(count: int, args: argparse.Namespace) -> dict:
    from score import score_store

    folder, items = corpus(args.workdir, count, args.seed)
    files = sorted(folder.glob("*.txt"))
    out = args.workdir / f"build-{count}.nq"
    store = args.workdir / f"store-{count}"
    report: dict = {"documents": count}
    print(f"== {count} documents", flush=True)
    report["floors"] = floors(files)
    report["extraction"] = extraction(files[:args.extract_max])
    print(f"   floors and extraction done", flush=True)
    report["build_nq"] = build_nq(folder, out, args.jobs)
    report["triples"] = triples_in(out)
    report["nq_bytes"] = out.stat().st_size
    print(f"   build .nq {report['build_nq']['wall_s']} s", flush=True)
    report["build_store"] = build_store(folder, store, args.jobs)
    print(f"   build store {report['build_store']['wall_s']} s", flush=True)
    if count <= args.legacy_max:
        report["build_legacy"] = build_legacy(folder, args.workdir / f"legacy-{count}.nq")
        report["legacy_identical"] = (args.workdir / f"legacy-{count}.nq").read_bytes() == out.read_bytes()
        (args.workdir / f"legacy-{count}.nq").unlink()
        print(f"   legacy {report['build_legacy']['wall_s']} s", flush=True)
    report["rebuild"] = rebuild_one(folder, out, store, args.jobs)
    print(f"   rebuild .nq {report['rebuild']['nq']['wall_s']} s, store {report['rebuild']['store']['wall_s']} s",
          flush=True)
    report["queries"] = {"oxigraph": queries("oxigraph", store, args.runs, args.budget, items[0].name)}
    if count <= args.memory_max:
        report["queries"]["memory"] = queries("memory", out, max(1, args.runs // 3), args.budget, items[0].name)
    print("   queries done", flush=True)
    sample = items[:args.accuracy_docs]
    start = time.perf_counter()
    report["accuracy"] = score_store(store, sample)
    report["accuracy"]["documents_scored"] = len(sample)
    report["accuracy"]["seconds"] = round(time.perf_counter() - start, 1)
    return report


# -- reporting ------------------------------------------------------------------------------------------
def _median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 2) if values else None


def table(results: list[dict]) -> str:
    head = ["docs", "words", "triples", "build .nq s", "docs/s", "words/s", "peak MB", "cpu s", "load",
            "store s", "store MB", "legacy s", "legacy MB", "rebuild .nq s", "rebuild store s",
            "read s", "read+tok s", "extract w/s/core", "x floor", "cq med ox ms", "cq med ox engine ms",
            "cq med mem ms", "speedup", "recall", "precision"]
    rows = []
    for r in results:
        b, s = r["build_nq"], r["build_store"]
        words = r["floors"]["words"]
        ox = r["queries"]["oxigraph"]["queries"]
        mem = r["queries"].get("memory", {}).get("queries")
        ox_med = _median([q["median_ms"] for q in ox.values()])
        mem_med = _median([q["median_ms"] for q in mem.values()]) if mem else None
        floor_rate = r["floors"]["read_tokenize_words_per_s"]
        rate = r["extraction"]["words_per_s_with_lines"]
        legacy = r.get("build_legacy", {})
        rows.append([r["documents"], words, r["triples"], b["wall_s"], round(r["documents"] / b["wall_s"], 1),
                     round(words / b["wall_s"]), b["peak_mb"], b["cpu_s"], b["load_before"], s["wall_s"], s["peak_mb"],
                     legacy.get("wall_s", "-"), legacy.get("peak_mb", "-"), r["rebuild"]["nq"]["wall_s"],
                     r["rebuild"]["store"]["wall_s"], r["floors"]["read_s"], r["floors"]["read_tokenize_s"], rate,
                     round(floor_rate / rate, 1), ox_med, _median([q["engine_ms"] for q in ox.values()]),
                     mem_med if mem_med is not None else "-",
                     round(mem_med / ox_med, 1) if mem_med and ox_med else "-",
                     r["accuracy"]["all"]["recall"], r["accuracy"]["all"]["precision"]])
    return _format(head, rows)


def query_table(result: dict) -> str:
    ox = result["queries"]["oxigraph"]["queries"]
    mem = result["queries"].get("memory", {}).get("queries", {})
    rows = [[cq, ox[cq]["rows"], ox[cq]["median_ms"], ox[cq]["engine_ms"], mem.get(cq, {}).get("median_ms", "-"),
             round(mem[cq]["median_ms"] / ox[cq]["median_ms"], 1) if cq in mem and ox[cq]["median_ms"] else "-"]
            for cq in CQS]
    return _format(["query", "rows", "oxigraph ms", "engine ms", "rdflib ms", "rdflib/oxigraph"], rows)


def targeted_table(result: dict) -> str:
    ox = result["queries"]["oxigraph"].get("targeted", {})
    mem = result["queries"].get("memory", {}).get("targeted", {})
    rows = [[name, json.dumps(TARGETED[name]), ox[name]["rows"], ox[name]["median_ms"],
             mem.get(name, {}).get("median_ms", "-")] for name in ox]
    return _format(["query", "parameters", "rows", "oxigraph ms", "rdflib ms"], rows)


def accuracy_table(result: dict) -> str:
    rows = [[cq, v["must_found"], v["must"], v["recall"], v["correct"], v["judged"], v["precision"]]
            for cq, v in result["accuracy"].items() if isinstance(v, dict)]
    return _format(["question", "found", "must", "recall", "correct", "judged", "precision"], rows)


def _format(head: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in row] for row in [head, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    lines = [" | ".join(c.rjust(w) for c, w in zip(row, widths)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--query-child":
        backend, location, runs, budget, document = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), \
            sys.argv[6]
        print(json.dumps(query_child(backend, location, runs, budget, document)))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--quick", action="store_true", help="a small run: sizes 50 and 200, fewer query runs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=9, help="runs per query (median); rdflib gets a third")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds of runs per query before stopping")
    parser.add_argument("--extract-max", type=int, default=1000, help="documents timed for extraction in one process")
    parser.add_argument("--legacy-max", type=int, default=1000, help="largest corpus built the old way too")
    parser.add_argument("--memory-max", type=int, default=10000, help="largest corpus queried in rdflib's memory store")
    parser.add_argument("--accuracy-docs", type=int, default=2000, help="documents scored for accuracy")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bskg-bench"))
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="measure the working tree as it is, not a copy taken at the start (edits made while "
                             "the benchmark runs would then change what is measured, and make rebuilds full)")
    args = parser.parse_args()
    if not args.no_snapshot:
        _snapshot(args.workdir / "code")
    if args.quick:
        args.sizes, args.runs = "50,200", 3
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for count in sizes:
        results.append(run_size(count, args))
        _write(args, results)
    print()
    print(table(results))
    print()
    print(f"Competency queries on {sizes[-1]} documents (median ms; 'oxigraph' is what bskg query runs, "
          f"'engine' Oxigraph alone):")
    print(query_table(results[-1]))
    print()
    print(f"Selective, parameterised queries on {sizes[-1]} documents (median ms, through kg.store):")
    print(targeted_table(results[-1]))
    print()
    print(f"Accuracy on {results[-1]['accuracy']['documents_scored']} generated documents:")
    print(accuracy_table(results[-1]))
    print(f"\nwrote {args.json}")


def _snapshot(folder: Path) -> None:
    """Measure a copy of the code and data: bskg commands run there (``python -m kg`` finds it first)."""
    global CODE
    shutil.rmtree(folder, ignore_errors=True)
    for part in ("kg", "data", "queries", "ontology"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    CODE = folder
    os.environ["BSKG_BENCH_CODE"] = str(folder)
    sys.path.insert(0, str(folder))


def _write(args: argparse.Namespace, results: list[dict]) -> None:
    machine = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "jobs": args.jobs, "seed": args.seed}
    args.json.write_text(json.dumps({"machine": machine, "results": results}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
