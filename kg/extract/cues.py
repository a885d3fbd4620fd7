"""Whole-word cue matching over the lists in data/patterns/facts.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.patterns import patterns


def alternation(name: str) -> str:
    """The words of the list ``name`` as regex alternatives, longest first, for patterns built around them."""
    words = patterns("facts")[name]
    words = words if isinstance(words, list) else list(words)
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def cue_pattern(name: str) -> re.Pattern:
    """A case-insensitive pattern matching any cue of the list ``name``."""
    return re.compile(rf"(?<![\w-])(?:{alternation(name)})(?![\w-])", re.I)


@lru_cache(maxsize=4096)  # a sentence is asked about once per amount in it: answer each pair once
def has_cue(name: str, text: str) -> bool:
    return bool(cue_pattern(name).search(text))
