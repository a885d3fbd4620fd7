"""kg.extract.sentences: sentences, list items and their offsets in the document text."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.sentences import split_sentences
from kg.ingest import read_document
from kg.model import Document, Sentence

FRONT = "---\ntitle: Test release\npublished: 2022-10-05\n---\n"


def _document(folder: Path, body: str, front: str = FRONT) -> Document:
    path = folder / "release.txt"
    path.write_bytes((front + body).encode("utf-8"))
    return read_document(path)


def _split(folder: Path, body: str) -> list[Sentence]:
    return split_sentences(_document(folder, body))


@pytest.mark.parametrize("body,expected", [
    ("Mr. Hale met Dr. Osei in Calais. They agreed a plan.\n",
     ["Mr. Hale met Dr. Osei in Calais.", "They agreed a plan."]),
    ("The U.S. Coast Guard joined the patrol. Talks began.\n",
     ["The U.S. Coast Guard joined the patrol.", "Talks began."]),
    ("Capt. Ellis briefed Sen. Marsh. Both left.\n",
     ["Capt. Ellis briefed Sen. Marsh.", "Both left."]),
    ("They met Professor G.L. Peiris in Colombo. Both left.\n",
     ["They met Professor G.L. Peiris in Colombo.", "Both left."]),
    ("They met Maj. Gen. Tomasz Praga and Brig. Gen. Wioleta Gorzkowska. Both left.\n",
     ["They met Maj. Gen. Tomasz Praga and Brig. Gen. Wioleta Gorzkowska.", "Both left."]),
], ids=["mr-dr", "us", "capt-sen", "initials", "abbreviated-ranks"])
def test_split_sentences_abbreviation_does_not_split(tmp_path: Path, body: str, expected: list[str]) -> None:
    assert [s.text for s in _split(tmp_path, body)] == expected


def test_split_sentences_splits_at_end_punctuation(tmp_path: Path) -> None:
    sentences = _split(tmp_path, "Arrests rose by 5.5 per cent. Crossings fell! Is it working? Yes.\n")
    assert [s.text for s in sentences] == ["Arrests rose by 5.5 per cent.", "Crossings fell!", "Is it working?", "Yes."]


def test_split_sentences_closing_quote_stays_with_sentence(tmp_path: Path) -> None:
    sentences = _split(tmp_path, 'She said: "It works." Then she left.\n')
    assert [s.text for s in sentences] == ['She said: "It works."', "Then she left."]


def test_split_sentences_bullets_become_list_items(tmp_path: Path) -> None:
    sentences = _split(tmp_path, "The plan includes:\n\n- more patrols\n- new drones\n\nThe minister said it would work.\n")
    assert [(s.text, s.list_item) for s in sentences] == [
        ("The plan includes:", False),
        ("more patrols", True),
        ("new drones", True),
        ("The minister said it would work.", False),
    ]


@pytest.mark.parametrize("marker", ["- ", "* ", "• ", "1. ", "2) "])
def test_split_sentences_bullet_marker_removed(tmp_path: Path, marker: str) -> None:
    sentences = _split(tmp_path, f"Funding covers:\n\n{marker}Thermal cameras for Border Force\n")
    assert (sentences[-1].text, sentences[-1].list_item) == ("Thermal cameras for Border Force", True)


def test_split_sentences_lower_case_paragraphs_after_colon_are_list_items(tmp_path: Path) -> None:
    body = "The funding will pay for:\n\nnew drones for Border Force\n\nextra patrols on the coast\n"
    sentences = _split(tmp_path, body)
    assert [(s.text, s.list_item) for s in sentences] == [
        ("The funding will pay for:", False),
        ("new drones for Border Force", True),
        ("extra patrols on the coast", True),
    ]


def test_split_sentences_upper_case_paragraph_ends_list(tmp_path: Path) -> None:
    body = "The funding will pay for:\n\nnew drones\n\nThe minister welcomed it.\n\nextra patrols were then added.\n"
    sentences = _split(tmp_path, body)
    assert [s.list_item for s in sentences] == [False, True, False, False]


def test_split_sentences_lower_case_paragraph_without_colon_is_not_list_item(tmp_path: Path) -> None:
    sentences = _split(tmp_path, "The report was published.\n\nnew drones were bought.\n")
    assert [s.list_item for s in sentences] == [False, False]


def test_split_sentences_paragraph_and_index_numbers(tmp_path: Path) -> None:
    sentences = _split(tmp_path, "First paragraph. Second sentence.\n\nSecond paragraph.\n")
    assert [(s.paragraph, s.index) for s in sentences] == [(0, 0), (0, 1), (1, 2)]


def test_split_sentences_front_matter_is_not_a_sentence(tmp_path: Path) -> None:
    doc = _document(tmp_path, "Only sentence.\n")
    assert [(s.start, s.text) for s in split_sentences(doc)] == [(doc.body_start, "Only sentence.")]


def test_split_sentences_without_front_matter_first_line_is_a_sentence(tmp_path: Path) -> None:
    sentences = split_sentences(_document(tmp_path, "Headline here\n\nBody sentence.\n", front=""))
    assert [s.text for s in sentences] == ["Headline here", "Body sentence."]


@pytest.mark.parametrize("body", [
    "Mr. Hale met Dr. Osei in Calais. They agreed a plan.\n",
    "The plan includes:\n\n- more patrols\n  * new drones  \n\n3. boats\n",
    "  Indented line here.  \n\n\tTabbed line. Next one.\n",
    "Line one.\r\nLine two. Line three.\r\n",
    'She said: "It works." (Then she left.) Fine.\n',
], ids=["abbreviations", "bullets", "indented", "crlf", "quotes"])
def test_split_sentences_offsets_match_text(tmp_path: Path, body: str) -> None:
    doc = _document(tmp_path, body)
    sentences = split_sentences(doc)
    assert sentences and all(doc.text[s.start:s.end] == s.text for s in sentences)
