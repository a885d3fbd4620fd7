"""Normalise names: slugs for identifiers, honorifics dropped, case folded for matching."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.patterns import one_of


def slug(text: str) -> str:
    """A stable, ASCII, lower-case identifier part: 'Gérald Darmanin' -> 'gerald-darmanin'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@lru_cache(maxsize=1 << 16)  # the same titles and names are folded again and again
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for comparing names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def tidy(text: str) -> str:
    """Collapse white space and strip surrounding punctuation from a phrase."""
    return " ".join(text.split()).strip(" ,;:.–-—")


def strip_honorifics(name: str, honorifics: list[str], post_nominals: list[str]) -> str:
    """'Dame Angela Eagle' -> 'Angela Eagle', 'Dan Jarvis MBE MP' -> 'Dan Jarvis': honorifics are matched whole,
    longest first, as many as lead; letters after the name wherever they stand in it."""
    name = _leading_honorifics(tuple(honorifics)).sub("", name)
    return _post_nominals(tuple(post_nominals)).sub("", name).strip()


@lru_cache(maxsize=4)
def _leading_honorifics(honorifics: tuple[str, ...]) -> re.Pattern:
    """The honorifics at the start of a name, each followed by a space or by '. ' (compiled once, not per name)."""
    return re.compile(rf"^(?:(?:{one_of(honorifics)})\.? )+")


@lru_cache(maxsize=4)
def _post_nominals(letters: tuple[str, ...]) -> re.Pattern:
    """The letters after a name ('MP', 'KC', 'OBE'), each after a space."""
    return re.compile(rf"\s+(?:{one_of(letters)})\b")
