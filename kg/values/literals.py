"""Case folding that agrees with ``re.IGNORECASE``, and scans that try a pattern only where it can match.

Python's ``re`` finds no fast path into a pattern that opens on case-insensitive
words: it tries every word at every position. Looking for the words in the
lowered text first (``str.find`` runs in C) tells where a scan cannot match,
so that the scan is skipped there and what it finds stays the same.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# The only non-ASCII characters re.IGNORECASE matches to ASCII letters, or whose lower case changes the
# text's length ('İ' lowers to two characters): with one of them present, the lowered text cannot stand in.
_ASCII_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ, ı, long s, Kelvin sign


def lowered_text(text: str) -> str | None:
    """``text`` in lower case, offsets kept, where an ASCII word matches as ``(?i:word)`` matches; else None.

    >>> lowered_text("Last Week")
    'last week'
    >>> lowered_text("\\u017fince") is None
    True
    """
    if not text.isascii() and any(twin in text for twin in _ASCII_TWINS):
        return None
    return text.lower()


def ascii_prefix(word: str) -> str:
    """The part of ``word`` before its first non-ASCII character: where a case-insensitive match of the word
    starts, this part matches its lowered self (for other letters, re's case rules are not lower()'s)."""
    return word[:next((i for i, char in enumerate(word) if not char.isascii()), len(word))]


def occurrences(lowered: str, words: Iterable[str], offset: int = 0) -> set[int]:
    """Every position (plus ``offset``) where one of ``words`` starts in ``lowered``, overlapping ones too."""
    found = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.add(offset + at)
            at = lowered.find(word, at + 1)
    return found


def matches_at(pattern: re.Pattern, text: str, positions: Iterable[int], end: int) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(text, min(positions), end)`` finds, trying only ``positions``.

    ``positions`` must hold every position where ``pattern`` can match, and the
    pattern must never match the empty string: then a match tried at each of
    them in order, past the end of the last one found, is what the scan finds.
    """
    taken = -1
    for position in sorted(positions):
        if position < taken:
            continue
        match = pattern.match(text, position, end)
        if match:
            yield match
            taken = match.end()
