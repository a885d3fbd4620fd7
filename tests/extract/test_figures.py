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


def test_figures_of_these_counts_what_was_just_counted(tmp_path) -> None:
    text = "Since 2013, IOM has deployed 82 vehicles to the border. Of these, 70 have been donated to the army."
    assert ("70", "vehicles", []) in figures(tmp_path, text)


def test_figures_list_item_label_before_its_colon_is_the_unit(tmp_path) -> None:
    text = "Apprehensions fell in July:\n\n- unaccompanied children: 5,508 in July, against 10,628 in June;\n"
    found = {(value, unit) for value, unit, _ in figures(tmp_path, text)}
    assert {("5508", "unaccompanied children"), ("10628", "unaccompanied children")} <= found


def test_figures_clause_after_an_earlier_count_is_no_unit(tmp_path) -> None:
    text = "- 363 smugglers arrested, up from 192 when first results were announced last month"
    assert ("192", "smugglers", []) in figures(tmp_path, text)


def test_figures_two_adjectives_joined_by_or_share_their_noun(tmp_path) -> None:
    assert ("76", "forged or falsified documents", []) in figures(tmp_path, "Officers found 76 forged or falsified documents.")


def test_figures_subject_is_not_a_body_named_in_an_aside(tmp_path) -> None:
    text = ("The Serious Organised Crime Agency (SOCA), which works with the UK Border Agency, reported 140 arrests. "
            "Those operations produced 15 convictions.")
    found = {(value, subject[0] if subject else None) for value, _, subject in figures(tmp_path, text)}
    assert {("140", "Serious Organised Crime Agency"), ("15", "Serious Organised Crime Agency")} <= found


def test_figures_subject_after_by(tmp_path) -> None:
    text = "- More than 2,200 people prosecuted in 2009 by UK Border Agency crime teams."
    assert ("2200", "people", ["UK Border Agency"]) in figures(tmp_path, text)


def test_figures_bare_counts_of_list_items_count_what_the_intro_counted_in_each_state(tmp_path) -> None:
    text = "Yesterday's action led to the arrest of 46 facilitators:\n\n- 16 in the Czech Republic\n- 12 in France\n"
    found = {(value, unit, subject[0] if subject else None) for value, unit, subject in figures(tmp_path, text)}
    assert {("16", "facilitators", "Czech Republic"), ("12", "facilitators", "France")} <= found


def test_figures_next_sentence_of_a_list_item_keeps_its_reporter(tmp_path) -> None:
    text = ("Results by province:\n\n- Van: the Van Provincial Gendarmerie Command caught 14 organisers. A further 125 "
            "irregular migrants were apprehended in the province.\n")
    found = {(f["value"][0], tuple(f.get("subject", []))) for f in facts(extract_text(tmp_path, text, "2024-06-04"), "ReportedFigure")}
    assert ("125", ("Van Provincial Gendarmerie Command",)) in found


def test_figures_under_a_line_naming_a_state_are_that_states(tmp_path) -> None:
    text = "Results by country\n\nHungary\nOfficers searched three premises. Two people were arrested.\n"
    assert ("2", "people", ["Hungary"]) in figures(tmp_path, text)


def test_figures_term_of_a_sentence_is_the_sentenced_persons(tmp_path) -> None:
    text = "Steve Anthony Shand, 50, of Florida, was sentenced to six years and six months in prison."
    assert ("6", "years", ["Steve Anthony Shand"]) in figures(tmp_path, text)


def test_figures_level_a_subject_of_something_peaked_at_counts_that_subject(tmp_path) -> None:
    text = "The population of foreigners staying illegally in Korea peaked at about 430,000 in October."
    assert ("430000", "population", []) in figures(tmp_path, text)
