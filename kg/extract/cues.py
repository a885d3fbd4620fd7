"""Whole-word cue matching over the lists in data/patterns/facts.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.patterns import one_of, patterns


def alternation(name: str) -> str:
    """The words of the list ``name`` as regex alternatives, longest first, for patterns built around them."""
    return one_of(patterns("facts")[name])


@lru_cache(maxsize=None)
def cue_pattern(name: str) -> re.Pattern:
    """A case-insensitive pattern matching any cue of the list ``name``."""
    return re.compile(rf"(?<![\w-])(?:{alternation(name)})(?![\w-])", re.I)


@lru_cache(maxsize=None)
def word_pattern(name: str, flags: int = 0) -> re.Pattern:
    """A pattern matching any word of the list ``name`` between word boundaries, as written unless ``flags`` say."""
    return re.compile(rf"\b(?:{alternation(name)})\b", flags)


@lru_cache(maxsize=4096)  # a sentence is asked about once per amount in it: answer each pair once
def has_cue(name: str, text: str) -> bool:
    return bool(cue_pattern(name).search(text))
