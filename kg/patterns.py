"""Load the extraction patterns kept as data in ``data/patterns/``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kg.resources import resource_dir
from kg.yamltext import load_yaml


@lru_cache(maxsize=None)
def patterns(name: str) -> dict[str, Any]:
    """The mapping in ``data/patterns/NAME.yaml``."""
    path = resource_dir("data") / "patterns" / f"{name}.yaml"
    return load_yaml(path.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def title_words() -> tuple[str, str]:
    """posts.yaml's title modifiers and heads as regex alternatives, longest first: (modifiers, heads)."""
    rules = patterns("posts")
    return tuple("|".join(re.escape(w) for w in sorted(rules[key], key=len, reverse=True)) for key in ("modifiers", "heads"))


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern:
    """A post title: up to four modifiers and a head ('Home Secretary', 'Federal Foreign Minister')."""
    mods, heads = title_words()
    return re.compile(rf"(?<![\w-])(?:(?:{mods})[\s-]+){{0,4}}(?:{heads})(?![\w’'-])")


@lru_cache(maxsize=1)
def meeting_noun_pattern() -> re.Pattern:
    """A noun that names a meeting ('talks', 'summit', 'press conference'), from facts.yaml's meeting_nouns."""
    nouns = sorted(map(re.escape, patterns("facts")["meeting_nouns"]), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(nouns)})\b", re.I)
