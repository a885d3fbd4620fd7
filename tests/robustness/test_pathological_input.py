"""Pathological text: long words, digit runs, sentences of thousands of amounts, titles or dates.

A broken converter or a hostile file produces such text. Each once made the
extractor take time growing with the square of the sentence or worse (8,000
digits: 6.8 s; 'Home Secretary ' x 2,000: over two minutes). How long they
take now is measured in benchmarks/bench_pathological.py, not here: these
tests check what the extractor makes of them, with the checks the property
tests apply (valid spans, quotes equal to the text, output conforming to the
shapes), and what it finds where there is something to find.
"""
from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.ingest import read_document
from kg.pipeline import extract
from tests.robustness.test_properties_extract import WORKDIR, check_release

PUBLISHED = "---\npublished: 2024-05-16\n---\n"
CASES = [
    pytest.param("A" * 20_000, id="one-long-word"),
    pytest.param("1" * 8_000, id="a-run-of-digits"),
    pytest.param("£1 " * 2_000, id="amounts-in-one-sentence"),
    pytest.param("Home Secretary " * 500, id="a-title-repeated"),
    pytest.param("on 3 May 2024 " * 500, id="dates-in-one-sentence"),
    pytest.param("Alpha, " * 2_000 + "gangs.", id="names-listed-without-end"),
]


@pytest.mark.parametrize("text", CASES)
def test_pathological_text_gives_a_valid_conforming_graph(text: str) -> None:
    check_release(PUBLISHED + text, known=False)


def extraction_of(text: str):
    path = WORKDIR / "pathological.txt"
    path.write_text(PUBLISHED + text, encoding="utf-8")
    return extract(read_document(path), load_gazetteer())


def test_every_amount_of_a_long_funding_sentence_is_found() -> None:
    text = "The Home Office announced funding of " + ", ".join(f"£{n} million" for n in range(1, 301)) + "."
    packages = [f for f in extraction_of(text).facts if f.cls == "FundingPackage"]
    assert sorted(int(f.first("amount")) for f in packages) == [n * 10**6 for n in range(1, 301)]


def test_every_date_of_a_long_sentence_is_resolved() -> None:
    text = "Officers met on " + ", ".join(f"{day} May 2023" for day in range(1, 29)) + "."
    dated = {f.first("date").iso for f in extraction_of(text).facts if f.first("date") is not None}
    assert dated == {f"2023-05-{day:02d}" for day in range(1, 29)}
