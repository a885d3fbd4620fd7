"""Compare competency-query rows with a fixture's expected rows (the cell rules of the contract).

A expected cell matches a result cell when one of its '|' alternatives occurs
in it as whole words (ignoring case, accents and punctuation), when both are
the same number, or when the result date starts with the expected date; '*'
asks for any non-empty value.
"""
from __future__ import annotations

import re
import unicodedata

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def words(text: str) -> str:
    plain = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold().replace("’", "'").replace("'s ", " ")
    return " " + " ".join(re.findall(r"[a-z0-9]+", plain)) + " "


def number(cell: str) -> float | None:
    try:
        return float(re.sub(r"[,\s£€$%]", "", cell))
    except ValueError:
        return None


def cell_matches(expected: object, cell: str) -> bool:
    cell = (cell or "").strip()
    if isinstance(expected, bool):
        return cell.lower() in ({"true", "1"} if expected else {"false", "0", ""})
    if isinstance(expected, (int, float)):
        value = number(cell)
        return value is not None and abs(value - expected) <= 1e-6 * max(1.0, abs(expected))
    expected = str(expected)
    if expected == "*":
        return cell != ""
    if _DATE.match(expected):
        return cell.startswith(expected)
    return any(words(alt) in words(cell) for alt in expected.split("|") if words(alt).strip())


def row_matches(expected: dict, row: dict) -> bool:
    return all(cell_matches(value, row.get(column, "")) for column, value in expected.items())


def problems(table: dict, rows: list[dict], text: str) -> list[str]:
    """What is wrong with ``rows`` for one expectation table (empty when all is well)."""
    must, may = table.get("must", []), table.get("may", [])
    found = [f"missing {gold}" for gold in must if not any(row_matches(gold, row) for row in rows)]
    if table.get("exhaustive"):
        found += [f"unexpected {row}" for row in rows if not any(row_matches(g, row) for g in must + may)]
    if table.get("spans"):
        found += [f"bad span {row}" for row in rows
                  if text[int(row["start"]):int(row["end"])] != row["quote"]]
    order = table.get("ordered")
    if order and [r[order] for r in rows] != sorted(r[order] for r in rows):
        found.append(f"rows not ordered by {order}")
    return found
