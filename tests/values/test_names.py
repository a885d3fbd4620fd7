"""kg.values.names: slugs, folded forms, tidied phrases and names without honorifics."""
from __future__ import annotations

import pytest

from kg.patterns import patterns
from kg.values.names import fold, slug, strip_honorifics, tidy

HONORIFICS = ["The Rt Hon", "Rt Hon", "Sir", "Dame", "Lord", "Baroness", "Dr", "Mr", "Ms"]
POST_NOMINALS = ["MP", "KC", "CBE", "OBE", "QPM"]


@pytest.mark.parametrize("text,expected", [
    ("Gérald Darmanin", "gerald-darmanin"),
    ("Ünal Çelik", "unal-celik"),
    ("Home Office", "home-office"),
    ("NCA/NPCC joint unit", "nca-npcc-joint-unit"),
    ("  Border Force  ", "border-force"),
    ("Article 5(2)", "article-5-2"),
])
def test_slug_ascii_lower_case_hyphenated(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize("text", ["", "  --  ", "—"])
def test_slug_of_nothing_is_placeholder(text: str) -> None:
    assert slug(text) == "x"


@pytest.mark.parametrize("text,expected", [
    ("Gérald  DARMANIN", "gerald darmanin"),
    ("O'Brien", "o brien"),
    ("Piantedosi, Matteo", "piantedosi matteo"),
    ("Crossings 2023", "crossings 2023"),
])
def test_fold_drops_case_accents_and_punctuation(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize("a,b", [
    ("Gérald Darmanin", "gerald darmanin"),
    ("Yvette  Walker", "YVETTE WALKER"),
])
def test_fold_makes_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize("text,expected", [
    ("  the   Home Office, ", "the Home Office"),
    ("– Border Force.", "Border Force"),
    ("Calais;\n", "Calais"),
    ("multi\nline\ttext", "multi line text"),
    ("St. Omer", "St. Omer"),
])
def test_tidy_collapses_space_and_strips_edge_punctuation(text: str, expected: str) -> None:
    assert tidy(text) == expected


@pytest.mark.parametrize("name,expected", [
    ("Dame Priya Castle", "Priya Castle"),
    ("Sir Alan Green", "Alan Green"),
    ("Baroness Joan Whitfield", "Joan Whitfield"),
    ("Lord Hanley of Flint", "Hanley of Flint"),
    ("Priya Castle", "Priya Castle"),
])
def test_strip_honorifics_drops_leading_title(name: str, expected: str) -> None:
    assert strip_honorifics(name, HONORIFICS, POST_NOMINALS) == expected


@pytest.mark.parametrize("name,expected", [
    ("The Rt Hon Yvette Walker MP", "Yvette Walker"),
    ("Rt Hon Sir Alan Green KC", "Alan Green"),
])
def test_strip_honorifics_drops_stacked_titles_and_postnominals(name: str, expected: str) -> None:
    assert strip_honorifics(name, HONORIFICS, POST_NOMINALS) == expected


@pytest.mark.parametrize("name,expected", [
    ("Jane Doyle OBE QPM", "Jane Doyle"),
    ("Tom Reid CBE", "Tom Reid"),
])
def test_strip_honorifics_drops_postnominals(name: str, expected: str) -> None:
    assert strip_honorifics(name, HONORIFICS, POST_NOMINALS) == expected


@pytest.mark.parametrize("name", ["Sirius Blake", "Lordan Petrov", "Drew Mason"])
def test_strip_honorifics_matches_whole_words_only(name: str) -> None:
    assert strip_honorifics(name, HONORIFICS, POST_NOMINALS) == name


@pytest.mark.parametrize("name,expected", [
    ("Chief Constable Mary Stone", "Mary Stone"),
    ("Professor Ann Lee", "Ann Lee"),
    ("Right Honourable Dame Priya Castle", "Priya Castle"),
])
def test_strip_honorifics_with_bundled_list(name: str, expected: str) -> None:
    assert strip_honorifics(name, patterns("posts")["honorifics"], patterns("posts")["post_nominals"]) == expected


@pytest.mark.parametrize("name,expected", [
    ("Shri Amit Shah", "Amit Shah"),
    ("Smt. Nirmala Sitharaman", "Nirmala Sitharaman"),
    ("Pol. Maj. Gen. Samrit Ekamol", "Samrit Ekamol"),
    ("Engr. Suleiman Adamu", "Suleiman Adamu"),
    ("Alhaji Lai Mohammed", "Lai Mohammed"),
])
def test_strip_honorifics_of_other_governments_from_posts_yaml(name: str, expected: str) -> None:
    assert strip_honorifics(name, patterns("posts")["honorifics"], patterns("posts")["post_nominals"]) == expected


@pytest.mark.parametrize("name,expected", [
    ("Neale Richmond TD", "Neale Richmond"),
    ("Gwen Carr MSP", "Gwen Carr"),
    ("Sir Tom Holt KCMG", "Tom Holt"),
])
def test_strip_honorifics_drops_post_nominals_from_posts_yaml(name: str, expected: str) -> None:
    assert strip_honorifics(name, patterns("posts")["honorifics"], patterns("posts")["post_nominals"]) == expected
