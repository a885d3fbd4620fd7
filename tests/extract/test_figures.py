"""Reported figures with their unit and subject."""
from __future__ import annotations

from helpers import extract_text, facts


def figures(tmp_path, text: str) -> list[tuple[str, str, list]]:
    return [(f["value"][0], f["unit"][0], f.get("subject", [])) for f in facts(extract_text(tmp_path, text), "ReportedFigure")]


def test_figures_count_with_subject(tmp_path) -> None:
    assert ("600", "boats", ["National Crime Agency"]) in figures(tmp_path, "The National Crime Agency seized 600 boats.")


def test_figures_money_is_a_figure_in_its_currency(tmp_path) -> None:
    assert ("5000000", "GBP", []) in figures(tmp_path, "A £5 million fund opened.")


def test_figures_percentage(tmp_path) -> None:
    assert ("35", "percent", []) in figures(tmp_path, "Crossings saw a 35% drop.")


def test_figures_number_words(tmp_path) -> None:
    assert ("4", "gangs", []) in figures(tmp_path, "Officers disrupted four gangs.")


def test_figures_years_are_not_figures(tmp_path) -> None:
    assert figures(tmp_path, "In 2022 the route closed.") == []


def test_figures_a_count_without_unit_counts_the_subject_that_reaches_it(tmp_path) -> None:
    text = "Enforcement actions along the border fell to 104,344, down 28 percent from 144,278 in May."
    units = {(f["value"][0], f["unit"][0]) for f in facts(extract_text(tmp_path, text), "ReportedFigure")}
    assert {("104344", "enforcement actions"), ("144278", "enforcement actions")} <= units


def test_figures_the_number_of_things_after_according_to_counts_those_things(tmp_path) -> None:
    text = ("According to UK officials, the number of illegal attempts to enter the UK fell from more than 80,000 "
            "in 2015 to just over 30,000 last year.")
    found = {(f["value"][0], f["unit"][0], f["description"][0]) for f in facts(extract_text(tmp_path, text), "ReportedFigure")}
    assert ("80000", "illegal attempts", "more than 80,000 in 2015 to just over 30,000 last year") in found
