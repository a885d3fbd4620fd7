"""Score a built Oxigraph store against the generated corpus's expected answers, document by document.

Each document's competency answers are the rows cq01-cq10 give over that
document's named graph alone (pyoxigraph's ``default_graph``): the graph a
build of that one document would give. Cells are compared with the rules of
the competency contract (the shared COMPETENCY.md and cq_score.py): a gold
cell's ``|`` alternatives occur in the cell as whole words (case, accents and
punctuation aside), numbers compare as numbers, a date matches a cell that
starts with it, ``*`` wants any value. Recall counts the must rows found;
precision, for exhaustive questions, the rows that match some must or may row;
for cq07 the rows whose span is the quote.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def words(text: str) -> str:
    plain = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold().replace("’", "'").replace("'s ", " ")
    return " " + " ".join(re.findall(r"[a-z0-9]+", plain)) + " "


def number(cell: str) -> float | None:
    try:
        return float(re.sub(r"[,\s£€$%]", "", cell or ""))
    except ValueError:
        return None


def cell_matches(gold: object, cell: str) -> bool:
    cell = (cell or "").strip()
    if isinstance(gold, bool):
        return cell.lower() in ({"true", "1", "yes"} if gold else {"false", "0", "no", ""})
    if isinstance(gold, (int, float)):
        value = number(cell)
        return value is not None and abs(value - gold) <= 1e-6 * max(1.0, abs(gold))
    gold = str(gold)
    if gold == "*":
        return cell != ""
    if _DATE.match(gold):
        return cell.startswith(gold)
    return any(words(alt) in words(cell) if words(alt).strip() else alt.strip() == cell for alt in gold.split("|"))


def row_matches(gold: dict, row: dict) -> bool:
    return all(cell_matches(value, row.get(column, "")) for column, value in gold.items())


def score_table(table: dict, rows: list[dict], text: str) -> tuple[int, int, int, int]:
    """(must found, must total, correct rows, rows judged) for one question of one document."""
    must, may = table.get("must", []), table.get("may", [])
    found = sum(any(row_matches(gold, row) for row in rows) for gold in must)
    correct = judged = 0
    if table.get("spans"):
        judged = len(rows)
        correct = sum(_span_ok(row, text) for row in rows)
    elif table.get("exhaustive"):
        judged = len(rows)
        correct = sum(any(row_matches(gold, row) for gold in must + may) for row in rows)
    order = table.get("ordered")
    if order and [r.get(order, "") for r in rows] != sorted(r.get(order, "") for r in rows):
        found = max(0, found - 1)
    return found, len(must), correct, judged


def _span_ok(row: dict, text: str) -> bool:
    try:
        start, end = int(float(row["start"])), int(float(row["end"]))
    except (KeyError, ValueError):
        return False
    return 0 <= start < end <= len(text) and text[start:end] == row.get("quote", "")


def score_store(store_dir: Path, releases: list) -> dict:
    """Totals per question and overall for ``releases`` (objects with name, text and gold) in the store."""
    import pyoxigraph

    from kg.rdf.graph import document_iri

    store = pyoxigraph.Store.read_only(str(store_dir))
    from kg.queries import query_path

    queries = {cq: query_path(Path(f).stem).read_text(encoding="utf-8") for cq, f in _files(releases).items()}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for item in releases:
        graph = pyoxigraph.NamedNode(str(document_iri(item.name)))
        for cq, table in item.gold.items():
            result = store.query(queries[cq], default_graph=graph)
            columns = [v.value for v in result.variables]
            rows = [{c: _cell(solution[c]) for c in columns} for solution in result]
            if not table.get("ordered"):
                rows = [dict(r) for r in {tuple(sorted(row.items())) for row in rows}]
            for i, value in enumerate(score_table(table, rows, item.text)):
                totals[cq][i] += value
    del store
    return _summary(totals)


def _files(releases: list) -> dict[str, str]:
    return {cq: table["file"] for item in releases for cq, table in item.gold.items()}


def _cell(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def _summary(totals: dict[str, list[int]]) -> dict:
    out = {}
    for cq in sorted(totals) + ["all"]:
        found, must, correct, judged = (totals[cq] if cq != "all" else
                                        [sum(t[i] for t in totals.values()) for i in range(4)])
        out[cq] = {"recall": round(found / must, 4) if must else None,
                   "precision": round(correct / judged, 4) if judged else None,
                   "must_found": found, "must": must, "correct": correct, "judged": judged}
    return out
