"""Load the extraction patterns kept as data in ``data/patterns/``."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

from kg.resources import resource_dir
from kg.yamltext import load_yaml


@lru_cache(maxsize=None)
def patterns(name: str) -> dict[str, Any]:
    """The mapping in ``data/patterns/NAME.yaml``."""
    path = resource_dir("data") / "patterns" / f"{name}.yaml"
    return load_yaml(path.read_text(encoding="utf-8")) or {}


ACRONYM_IN_BRACKETS = r"\s*\([^()]{1,12}\)"  # '(ICE)', '(CBSA)' after a name


def one_of(words: Iterable[str]) -> str:
    """Words as regex alternatives, longest first, so that 'mn' is tried before 'm' and 'Lt. Gen' before 'Lt'."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def title_words() -> tuple[str, str]:
    """posts.yaml's title modifiers and heads as regex alternatives, longest first: (modifiers, heads)."""
    rules = patterns("posts")
    return one_of(rules["modifiers"]), one_of(rules["heads"])


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern:
    """A post title: up to four modifiers and a head ('Home Secretary', 'Federal Foreign Minister')."""
    mods, heads = title_words()
    return re.compile(rf"(?<![\w-])(?:(?:{mods})[\s-]+){{0,4}}(?:{heads})(?![\w-]|[’'](?!s\b))")


@lru_cache(maxsize=1)
def meeting_noun_pattern() -> re.Pattern:
    """A noun that names a meeting ('talks', 'summit', 'press conference'), from facts.yaml's meeting_nouns."""
    nouns = sorted(map(re.escape, patterns("facts")["meeting_nouns"]), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(nouns)})\b", re.I)
