"""Tokens with offsets, and a token trie for matching gazetteer phrases.

A trie walks each phrase once per start token, so thousands of phrases cost
little (a single regex alternation of them is measured 34x slower).
"""
from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\w+|[^\w\s]")
_END = ""


class Token(NamedTuple):
    """A token and its offsets; a named tuple, as the C tuple constructor makes one several times faster
    than a frozen dataclass does (every word of every sentence is one)."""

    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def _key(token: str) -> str:
    return token.replace("’", "'")


class PhraseTrie:
    """Maps token sequences to values; finds the longest match at each position."""

    def __init__(self) -> None:
        self._root: dict = {}

    def add(self, phrase: str, value: object) -> None:
        node = self._root
        for token in tokenize(phrase):
            node = node.setdefault(_key(token.text), {})
        node.setdefault(_END, []).append(value)

    @property
    def empty(self) -> bool:
        return not self._root

    @staticmethod
    def keys(tokens: list[Token]) -> list[str]:
        """The tokens as the trie compares them: made once a sentence for every trie it is matched against."""
        return [_key(token.text) for token in tokens]

    def matches(self, tokens: list[Token], keys: list[str] | None = None) -> list[tuple[int, int, list]]:
        """The longest match at each token, as (first token, last token + 1, values); ``keys`` are ``keys(tokens)``.
        Matches may overlap: the caller chooses among them ('the Government of National Accord' holds 'the
        Government')."""
        keys = self.keys(tokens) if keys is None else keys
        root, found, index, count = self._root, [], 0, len(keys)
        while index < count:
            node, best = root.get(keys[index]), None
            position = index
            while node is not None:
                position += 1
                if _END in node:
                    best = (index, position, node[_END])
                node = node.get(keys[position]) if position < count else None
            if best:
                found.append(best)
            index += 1
        return found
