"""Score folders of releases with gold answers (NAME.txt beside NAME.gold.toml) in one process.

Not a test: a development aid for extraction work. The shared cq_score.py starts
``bskg`` eleven times per release (about 25 s each here); this does the same
work in one process, so every fixture set scores in minutes. Each release is
built alone (kg.build.build, as ``bskg build NAME.txt -o OUT.nq``) and each
question's query runs over it in the memory store, its rows read back from the
CSV that ``bskg query FILE --data OUT.nq --format csv`` prints. Cells are
compared by benchmarks/score.py's rules, those of the competency contract.

    .venv/bin/python benchmarks/score_sets.py tests/fixtures/blind13
    .venv/bin/python benchmarks/score_sets.py tests/fixtures/blind* --notes
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import tomllib
from pathlib import Path

from score import row_matches, score_table  # benchmarks/score.py, beside this script (run as a script, as run.py is)

from kg.build import build
from kg.queries import format_rows, query_path
from kg.store import open_store

Totals = list[int]  # must found, must, correct rows, rows judged


def rows_of(query: Path, graph: Path) -> list[dict]:
    """The rows ``bskg query QUERY --data GRAPH --format csv`` prints, as dicts of their cells."""
    store = open_store("memory", [graph])
    try:
        columns, rows = store.query(query.read_text(encoding="utf-8"), {})
    finally:
        store.close()
    return list(csv.DictReader(io.StringIO(format_rows(columns, rows, "csv"))))


def score_release(text_path: Path, gold_path: Path, notes: bool) -> Totals:
    """One release's totals over every question of its gold file; with ``notes``, print what was missed."""
    gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    text = text_path.read_text(encoding="utf-8")
    totals = [0, 0, 0, 0]
    with tempfile.TemporaryDirectory() as folder:
        graph = Path(folder) / "kg.nq"
        build([text_path], graph, jobs=1, full=True)
        for table in gold["cq"]:
            rows = rows_of(query_path(Path(table["file"]).stem), graph)
            if not table.get("ordered"):
                rows = [dict(row) for row in sorted({tuple(sorted(row.items())) for row in rows})]
            for index, value in enumerate(score_table(table, rows, text)):
                totals[index] += value
            if notes:
                print_notes(table, rows)
    return totals


def print_notes(table: dict, rows: list[dict]) -> None:
    """The must rows no row matches and, where the gold is exhaustive, the rows no gold row matches."""
    for gold in table.get("must", []):
        if not any(row_matches(gold, row) for row in rows):
            print(f"    {table['id']} missing {gold}")
    if table.get("exhaustive") and not table.get("spans"):
        for row in rows:
            if not any(row_matches(gold, row) for gold in table.get("must", []) + table.get("may", [])):
                print(f"    {table['id']} unexpected {row}")


def line(label: str, totals: Totals) -> str:
    found, must, correct, judged = totals
    recall = found / must if must else 1.0
    precision = correct / judged if judged else 0.0
    return f"{label}: recall={recall:.2f} precision={precision:.2f} (must {found}/{must}, precise {correct}/{judged})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path, help="folders of NAME.txt and NAME.gold.toml")
    parser.add_argument("--notes", action="store_true", help="print each release's score and what it missed")
    args = parser.parse_args()
    for folder in args.folders:
        golds = sorted(folder.glob("*.gold.toml"))
        if not golds:
            print(f"{folder}: no *.gold.toml here", file=sys.stderr)
            return 2
        totals = [0, 0, 0, 0]
        for gold in golds:
            text = gold.with_name(gold.name.replace(".gold.toml", ".txt"))
            if args.notes:
                print(f"== {text.name}")
            release = score_release(text, gold, args.notes)
            if args.notes:
                print("  " + line(text.name, release))
            totals = [a + b for a, b in zip(totals, release)]
        print(line(str(folder), totals), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
