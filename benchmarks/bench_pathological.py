"""How extraction time grows on pathological text: long words, digit runs, thousands of amounts or titles.

Not a test: it times ``kg.pipeline.extract`` (one process, CPU time) on each
input at sizes n, 2n and 4n and prints the growth exponent between the last two
(1 is linear, 2 quadratic). A press release is a few thousand characters; these
inputs are what a broken converter or a hostile file can produce, and a build
must not stall on them.

    .venv/bin/python benchmarks/bench_pathological.py
    .venv/bin/python benchmarks/bench_pathological.py --scale 0.25     # smaller inputs, quicker
"""
from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.gazetteer import load_gazetteer  # noqa: E402
from kg.ingest import read_document  # noqa: E402
from kg.pipeline import extract  # noqa: E402

# name: (unit of repetition, repetitions at size n)
CASES: dict[str, tuple[str, int]] = {
    "prose, one sentence": ("The officers met partners and agreed to share data ", 400),
    "one long word": ("A", 20_000),
    "a run of digits": ("1", 8_000),
    "amounts in one sentence": ("£1 ", 5_000),
    "a post title repeated": ("Home Secretary ", 2_000),
    "names listed without end": ("Alpha, ", 3_000),
    "capitalised words": ("Border ", 4_000),
    "dates in one sentence": ("on 3 May 2024 ", 2_000),
}


def seconds(text: str) -> float:
    """CPU seconds to read and extract facts from one document holding ``text``."""
    gazetteer = load_gazetteer()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pathological.txt"
        path.write_text(text, encoding="utf-8")
        started = time.process_time()
        extract(read_document(path), gazetteer)
        return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    args = parser.parse_args()
    seconds("The Home Secretary said so on 3 May 2024.")  # warm: gazetteer and compiled patterns
    print(f"{'input':28} {'chars (n)':>10} {'n s':>8} {'2n s':>8} {'4n s':>8} {'growth':>7}")
    for name, (unit, count) in CASES.items():
        count = max(1, int(count * args.scale))
        times = [seconds(unit * (count * k)) for k in (1, 2, 4)]
        growth = math.log2(times[2] / times[1]) if times[1] > 0.01 else float("nan")
        print(f"{name:28} {len(unit) * count:>10,} {times[0]:>8.2f} {times[1]:>8.2f} {times[2]:>8.2f} {growth:>7.2f}")


if __name__ == "__main__":
    main()
