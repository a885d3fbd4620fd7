"""Just enough reading of SPARQL query text to add bindings and to know the final ORDER BY.

A small tokenizer skips comments, strings and IRIs, so a brace or a keyword
inside them is never taken for syntax.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

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


def order_keys(text: str) -> list[tuple[str, bool]] | None:
    """The variables of the query's final ORDER BY as (name, descending) pairs.

    ``[]`` when the query has no final ORDER BY; None when it orders by
    anything but plain variables, so ties cannot be told.
    """
    toks = [(kind, token.upper() if kind == "word" else token) for kind, token, _ in tokens(text)]
    depth, start = 0, None
    for i, (kind, token) in enumerate(toks):
        depth += token == "{"
        depth -= token == "}"
        if depth == 0 and token == "ORDER" and i + 1 < len(toks) and toks[i + 1][1] == "BY":
            start = i + 2
    if start is None:
        return []
    keys: list[tuple[str, bool]] = []
    i = start
    while i < len(toks) and toks[i][1] not in ("LIMIT", "OFFSET", "VALUES"):
        kind, token = toks[i]
        if kind == "var":
            keys.append((token[1:], False))
            i += 1
        elif token in ("ASC", "DESC") and [t for _, t in toks[i + 1:i + 4]][::2] == ["(", ")"] \
                and toks[i + 2][0] == "var":
            keys.append((toks[i + 2][1][1:], token == "DESC"))
            i += 4
        else:
            return None
    return keys
