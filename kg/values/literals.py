"""Case folding that agrees with ``re.IGNORECASE``, for cheap tests run before a regex scan.

Python's ``re`` finds no fast path into a pattern that opens on case-insensitive
words: it tries every word at every position. Looking for the words in the
lowered text first (``str.find`` runs in C) tells where a scan cannot match,
so that the scan is skipped there and what it finds stays the same.
"""
from __future__ import annotations

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
