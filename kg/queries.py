"""Canned SPARQL queries: find them by name, bind parameters, run them, format the rows.

Parameters go in as query bindings (``initBindings``), never into the query
text, so a parameter value cannot change what a query does.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import XSD, BNode, Dataset, Literal, URIRef

from kg.errors import QueryError
from kg.resources import resource_dir

if TYPE_CHECKING:
    from rdflib.query import Result


@dataclass(frozen=True)
class QueryInfo:
    name: str
    path: Path
    description: str
    parameters: tuple[str, ...]


def query_path(name_or_path: str) -> Path:
    """A query file: a path that exists, or a bundled query's name ('cq01', 'cq01_funding')."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    folder = resource_dir("queries")
    stem = path.name.removesuffix(".rq")
    matches = sorted(folder.glob(f"{stem}.rq")) or sorted(folder.glob(f"{stem}_*.rq"))
    if len(matches) != 1:
        raise QueryError(f"no query file or bundled query named {name_or_path!r} (see 'bskg queries')")
    return matches[0]


def list_queries() -> list[QueryInfo]:
    """The bundled queries with the description and parameters their headers give."""
    return [describe(path) for path in sorted(resource_dir("queries").glob("*.rq"))]


def describe(path: Path) -> QueryInfo:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line.lstrip("# ").rstrip() for line in lines if line.startswith("#")]
    params = tuple(sorted({m for line in header for m in re.findall(r"\?(\w+)\s*\(param", line)} |
                          {m for line in header if line.lower().startswith("parameters:")
                           for m in re.findall(r"\?(\w+)", line)}))
    text = " ".join(h for h in header if not h.lower().startswith(("columns:", "parameters:")))
    return QueryInfo(path.stem, path, text, params)


def parse_param(text: str) -> tuple[str, URIRef | Literal]:
    """'name=value' into a binding: an IRI for <...> or http(s) values, a typed literal otherwise."""
    if "=" not in text:
        raise QueryError(f"bad --param {text!r}: expected name=value")
    name, value = text.split("=", 1)
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise QueryError(f"bad --param name {name!r}: use letters, digits and _")
    if value.startswith("<") and value.endswith(">"):
        return name, _iri(name, value[1:-1])
    if re.match(r"https?://\S+$", value):
        return name, _iri(name, value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"bad --param {name}: {value!r} is not a valid date") from None
        return name, Literal(value, datatype=XSD.date)
    if re.fullmatch(r"-?\d+", value):
        return name, Literal(int(value))
    return name, Literal(value)


def _iri(name: str, value: str) -> URIRef:
    """An absolute IRI, checked as strictly as Oxigraph checks it, so every backend takes it."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"bad --param {name}: <{value}> is not a valid absolute IRI ({exc})") from None
    return URIRef(value)


def run_query(dataset: Dataset, text: str, bindings: dict | None = None) -> tuple[list[str], list[list]]:
    """Run a SELECT query over the dataset's union graph; return (columns, rows of terms)."""
    from rdflib.plugins.sparql import prepareQuery  # 0.2 s to import: only the memory backend needs it

    try:
        prepared = prepareQuery(text)
    except Exception as exc:  # pyparsing's errors carry the line and column
        raise QueryError(f"SPARQL syntax error: {syntax_error_detail(exc)}") from None
    try:
        result: Result = dataset.query(prepared, initBindings=bindings or {})
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from None
    if result.type != "SELECT":
        raise QueryError("only SELECT queries can be run here")
    columns = [str(v) for v in result.vars]
    return columns, [list(row) for row in result]


def syntax_error_detail(exc: Exception) -> str:
    """'line 2, column 3: Expected SelectQuery, found '?'' from a pyparsing error; the first line of others."""
    lines = str(exc).strip().splitlines()
    detail = re.sub(r"\s*\(at char \d+\),?\s*\(line:\d+, col:\d+\)", "", lines[0]) if lines else type(exc).__name__
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    return f"line {line}, column {column}: {detail}" if line is not None and column is not None else detail


def check_parameters(text: str, names: Iterable[str]) -> None:
    """Refuse a parameter the query never uses: a misspelt one would bind nothing and return every row."""
    from kg.store.sparql_text import tokens

    variables = sorted({token[1:] for kind, token, _ in tokens(text) if kind == "var"})
    for name in names:
        if name not in variables:
            known = ", ".join(f"?{v}" for v in variables) or "none"
            raise QueryError(f"parameter {name!r} is not a variable of the query (its variables: {known})")


def cell(term: object) -> str:
    return "" if term is None else str(term)


def format_rows(columns: list[str], rows: list[list], fmt: str) -> str:
    """Rows as 'csv', 'json' (SPARQL 1.1 JSON results) or an aligned text 'table'."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)  # terms are strings (their lexical form); None is written as an empty cell
        return out.getvalue()
    if fmt == "json":
        bindings = [{c: _json_term(v) for c, v in zip(columns, row) if v is not None} for row in rows]
        return json.dumps({"head": {"vars": columns}, "results": {"bindings": bindings}}, indent=2, ensure_ascii=False) + "\n"
    return _table(columns, [[cell(v) for v in row] for row in rows])


def _json_term(term: object) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        return {"type": "literal", "value": str(term), "xml:lang": term.language}
    if isinstance(term, Literal) and term.datatype:
        return {"type": "literal", "value": str(term), "datatype": str(term.datatype)}
    return {"type": "literal", "value": str(term)}


def _table(columns: list[str], rows: list[list[str]], limit: int = 60) -> str:
    clipped = [[value if len(value) <= limit else value[:limit - 1] + "…" for value in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in clipped]) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in clipped]
    return "\n".join(out) + f"\n({len(rows)} row{'' if len(rows) == 1 else 's'})\n"
