"""Case folding for the cheap tests run before a regex scan (kg.values.literals)."""
from __future__ import annotations

import re

import pytest

from kg.values import dates
from kg.values.literals import lowered_text


def test_lowered_text_keeps_offsets() -> None:
    assert lowered_text("Last WEEK in Zürich") == "last week in zürich"


@pytest.mark.parametrize("twin", ["\u0130", "\u0131", "\u017f", "\u212a"])
def test_lowered_text_refuses_letters_ignorecase_takes_for_ascii(twin: str) -> None:
    assert re.search("(?i:s|i|k)", twin) and lowered_text(f"a {twin} b") is None


@pytest.mark.parametrize("fragment,family", [(dates._RELATIVE, "relative"), (dates._WEEKDAY, "weekday"),
                                             (dates._VAGUE, "vague"), (dates._MONTH, "month")])
def test_date_family_words_cover_every_alternative(fragment: str, family: str) -> None:
    body = re.sub(r"^\(\?P<\w+>(?:\(\?i:)?|\)+$", "", fragment)
    alternatives = [re.sub(r"\\\.|\?", "", a) for a in re.sub(r"\(\?:([^)]*)\)", lambda m: m.group(1).split("|")[0] + " ", body).split("|")]
    words = dates._FAMILY_WORDS[family]
    assert all(any(word in alternative.lower() if family == "relative" else word in alternative for word in words)
               for alternative in alternatives), alternatives


@pytest.mark.parametrize("text", ["the smuggling gangs and French police", "megagangs of Monégasque partners",
                                  "local, national and international law enforcement agencies", "THE GANGS gangs"])
def test_collective_scan_at_openings_is_the_full_scan(text: str) -> None:
    from kg.extract.entities import _collective_pattern
    from kg.gazetteer import load_gazetteer

    collectives = _collective_pattern(tuple(load_gazetteer().demonyms))
    assert [m.span() for m in collectives.matches(text)] == [m.span() for m in collectives.pattern.finditer(text)]
