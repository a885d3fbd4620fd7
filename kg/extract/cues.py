"""Whole-word cue matching over the lists in data/patterns/facts.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.patterns import patterns


@lru_cache(maxsize=None)
def cue_pattern(name: str) -> re.Pattern:
    """A case-insensitive pattern matching any cue of the list ``name``."""
    words = patterns("facts")[name]
    words = words if isinstance(words, list) else list(words)
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


@lru_cache(maxsize=4096)  # a sentence is asked about once per amount in it: answer each pair once
def has_cue(name: str, text: str) -> bool:
    return bool(cue_pattern(name).search(text))
