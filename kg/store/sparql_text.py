"""Just enough reading of SPARQL query text to add bindings and to know (or drop) the final ORDER BY.

A small tokenizer skips comments, strings and IRIs, so a brace or a keyword
inside them is never taken for syntax.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from rdflib.term import Node

from kg.errors import QueryError
from kg.store.terms import sparql_term

_TOKEN = re.compile(r'''
    (?P<skip>\s+|\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z_0-9\u00B7-\uFFFF]+)
  | (?P<word>[A-Za-z_][\w:.-]*)
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)
_NAME = re.compile(r"[A-Za-z_]\w*")


def tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of each token; comments and white space are left out."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "skip":
            yield match.lastgroup, match.group(), match.start()


def with_values(text: str, bindings: dict[str, Node]) -> str:
    """``text`` with a VALUES block of ``bindings`` as the first element of its WHERE group.

    Placed there, the values are joined before the group's FILTERs run, as
    rdflib's initBindings and Oxigraph's substitutions are, so a parameter can
    be used in a FILTER. Every value goes through :func:`sparql_term`, which
    escapes it: a value can never become query syntax.
    """
    if not bindings:
        return text
    names = list(bindings)
    for name in names:
        if not _NAME.fullmatch(name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
    row = " ".join(sparql_term(bindings[name]) for name in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    depth = 0
    for kind, token, offset in tokens(text):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "{" and depth == 0:
            return f"{text[:offset + 1]} {block}\n{text[offset + 1:]}"
    raise QueryError("cannot bind parameters: the query has no WHERE group")


class OrderKey(NamedTuple):
    """One condition of a final ORDER BY: a variable, its direction, and what of it is compared.

    ``form`` is ``"term"`` for ``?v`` itself, ``"str"`` for ``STR(?v)`` and
    ``"str-or-empty"`` for ``COALESCE(STR(?v), "")``.
    """

    variable: str
    descending: bool = False
    form: str = "term"


_FORMS = {("var",): "term", ("STR", "(", "var", ")"): "str",
          ("COALESCE", "(", "STR", "(", "var", ")", ",", '""', ")"): "str-or-empty"}


def order_keys(text: str) -> list[OrderKey] | None:
    """The conditions of the query's final ORDER BY.

    ``[]`` when the query has no final ORDER BY; None when a condition is
    anything but ``?v``, ``STR(?v)`` or ``COALESCE(STR(?v), "")`` (each maybe
    inside ASC() or DESC()), so ties cannot be told.
    """
    clause = _final_order_by(text)
    return [] if clause is None else clause[0]


def without_order_by(text: str) -> str | None:
    """``text`` without its final ORDER BY, when sorting its rows afterwards gives the same answer.

    That is when :func:`order_keys` reads every condition and no LIMIT or
    OFFSET follows (they would keep other rows); None otherwise.
    """
    clause = _final_order_by(text)
    if clause is None or clause[0] is None or clause[3]:
        return None
    return text[:clause[1]] + text[clause[2]:]


def _final_order_by(text: str) -> tuple[list[OrderKey] | None, int, int, bool] | None:
    """The final ORDER BY as (its conditions or None, its start and end offsets, whether LIMIT/OFFSET follow)."""
    toks = [(kind, token.upper() if kind == "word" else token, offset) for kind, token, offset in tokens(text)]
    depth, start = 0, None
    for i, (_, token, _) in enumerate(toks):
        depth += token == "{"
        depth -= token == "}"
        if depth == 0 and token == "ORDER" and i + 1 < len(toks) and toks[i + 1][1] == "BY":
            start = i
    if start is None:
        return None
    stop = next((i for i in range(start + 2, len(toks)) if toks[i][1] in ("LIMIT", "OFFSET", "VALUES")), len(toks))
    keys = _conditions([(kind, token) for kind, token, _ in toks[start + 2:stop]])
    end = toks[stop][2] if stop < len(toks) else len(text)
    return keys, toks[start][2], end, any(token in ("LIMIT", "OFFSET") for _, token, _ in toks[stop:])


def _conditions(toks: list[tuple[str, str]]) -> list[OrderKey] | None:
    """ORDER BY conditions from their tokens, or None if there are none or one is not a form of :class:`OrderKey`."""
    if not toks:
        return None
    keys: list[OrderKey] = []
    i = 0
    while i < len(toks):
        wrapped = toks[i][1] in ("ASC", "DESC") and toks[i + 1:i + 2] == [("other", "(")]
        found = _condition(toks[i + 2 if wrapped else i:], wrapped and toks[i][1] == "DESC")
        if found is None:
            return None
        key, length = found
        i += length + (3 if wrapped else 0)
        if wrapped and toks[i - 1:i] != [("other", ")")]:
            return None
        keys.append(key)
    return keys


def _condition(toks: list[tuple[str, str]], descending: bool) -> tuple[OrderKey, int] | None:
    """The :class:`OrderKey` the tokens start with and how many tokens it takes, or None."""
    for shape, form in _FORMS.items():
        window = toks[:len(shape)]
        if len(window) == len(shape) and all(token == part or (part == "var" and kind == "var")
                                             for (kind, token), part in zip(window, shape)):
            variable = next(token for kind, token in window if kind == "var")
            return OrderKey(variable[1:], descending, form), len(shape)
    return None
