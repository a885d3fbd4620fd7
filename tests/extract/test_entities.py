"""Names the gazetteer does not know, classified by their head word (data/patterns/entities.yaml)."""
from __future__ import annotations

import pytest

from helpers import extract_text


@pytest.mark.parametrize("name,cls", [
    ("Lebanese Armed Forces", "Organisation"),
    ("Garda National Immigration Bureau", "LawEnforcementAgency"),
    ("International Protection Appeals Tribunal", "GovernmentDepartment"),
    ("Legal Aid Board", "GovernmentDepartment"),
    ("Cabinet of Ministers", "Government"),
    ("Constitutional Court", "Organisation"),
    ("Presidential Secretariat", "GovernmentDepartment"),
    ("Northern Border and Coast Guards", "BorderUnit"),
    ("EU Delegation", "GovernmentDepartment"),
    ("Walk Free Foundation", "Organisation"),
    ("Cervantes Institute", "Organisation"),
    ("Kenyan National Assembly", "Legislature"),
])
def test_unknown_name_takes_the_class_of_its_head(tmp_path, name: str, cls: str) -> None:
    extraction = extract_text(tmp_path, f"Ministers met officials of the {name} on Monday.")
    assert {(e.label, e.cls) for e in extraction.entities.values()} >= {(name, cls)}


@pytest.mark.parametrize("written,label", [
    ("the Gardaí", "An Garda Síochána"),
    ("U.S. Customs and Border Protection (CBP)", "U.S. Customs and Border Protection"),
])
def test_other_governments_border_bodies_resolve_to_their_gazetteer_name(tmp_path, written: str, label: str) -> None:
    extraction = extract_text(tmp_path, f"Officers of {written} met ministers on Monday.")
    assert label in {e.label for e in extraction.entities.values()}


@pytest.mark.parametrize("name", ["Elektrotim S.A.", "Thales Alenia GmbH", "Acme Drones LLC"])
def test_name_before_a_legal_form_is_a_company(tmp_path, name: str) -> None:
    extraction = extract_text(tmp_path, f"The agency signed a deal with {name} on Monday.")
    assert {(e.label, e.cls) for e in extraction.entities.values()} >= {(name.rstrip("."), "Company")}


def test_ministry_name_goes_on_after_of_the_but_not_into_an_amount(tmp_path) -> None:
    text = "Italy gave EUR 7.3 million for the Ministry of the Interior and EUR 1 million for the courts."
    labels = {e.label for e in extract_text(tmp_path, text).entities.values()}
    assert "Ministry of the Interior" in labels and not any("EUR" in label for label in labels)


def test_unknown_name_before_border_crossing_words_is_a_place(tmp_path) -> None:
    extraction = extract_text(tmp_path, "At the Vaalimaa border crossing point the ministers were briefed.")
    assert ("Vaalimaa", "Venue") in {(e.label, e.cls) for e in extraction.entities.values()}


def test_entities_dateline_dash_does_not_join_the_name_after_it(tmp_path) -> None:
    text = "PUTRAJAYA, 14 October 2023 - The Ministry of Home Affairs (KDN) thanks the Government.\n"
    labels = {e.label for e in extract_text(tmp_path, text).entities.values()}
    assert "Ministry of Home Affairs" in labels and not any(label.startswith("14") for label in labels)


def test_entities_acronym_that_is_not_the_initials_names_the_body_before_it(tmp_path) -> None:
    text = "The Ministry of Home Affairs (KDN) thanks the Government. The Budget gave KDN RM18.5 billion.\n"
    extraction = extract_text(tmp_path, text)
    ministry = next(e for e in extraction.entities.values() if e.label == "Ministry of Home Affairs")
    assert "KDN" in ministry.aliases


def test_entities_known_name_in_brackets_is_no_acronym(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The Home Office (UK) said the plan works.\n")
    assert "UK" not in next(e for e in extraction.entities.values() if e.label == "Home Office").aliases


def test_a_longer_name_wins_over_one_that_starts_before_it(tmp_path) -> None:
    extraction = extract_text(tmp_path, "Italy will support the Government of National Accord in Tripoli.", "2017-02-02")
    labels = {e.label for e in extraction.entities.values()}
    assert "Government of National Accord" in labels and "Government of Italy" not in labels


@pytest.mark.parametrize("name", ["Ministry of Ports, Shipping and Waterways",
                                  "Coordinating Ministry for Political, Legal and Security Affairs"])
def test_a_ministrys_portfolio_may_list_words_with_commas(tmp_path, name: str) -> None:
    for text in (f"Officials of the {name} met on Monday.", f"According to the {name}, 1,487 refugees arrived."):
        assert name in {e.label for e in extract_text(tmp_path, text).entities.values()}


def test_a_name_and_title_after_a_comma_is_no_portfolio(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The Department of Health, John Smith, said so.")
    assert "Department of Health" in {e.label for e in extraction.entities.values()}


def test_a_coast_guard_named_with_its_country_is_a_border_unit(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The EU will pay for training and equipment for the Libyan coast guard.", "2017-02-02")
    assert ("Libyan coast guard", "BorderUnit") in {(e.label, e.cls) for e in extraction.entities.values()}


def test_border_guards_alone_are_no_organisation(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The UK will help train border guards in Central Asia.", "2017-02-02")
    assert not any(e.cls == "BorderUnit" for e in extraction.entities.values())


def test_acronym_the_text_defines_is_not_the_gazetteers_of_that_spelling(tmp_path) -> None:
    extraction = extract_text(tmp_path, "Officers ran 300,000 searches in the Schengen Information System (SIS) a day.")
    named = {extraction.doc.text[f.evidence.start:f.evidence.end]: f.first("mentions").key
             for f in extraction.facts if f.cls == "EntityMention"}
    assert named["SIS"] == named["Schengen Information System"] != "org/mi6"


def test_contractors_named_without_a_head_word_are_companies(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The UK will invest £1.5 billion, with Thales, Safran and Rolls-Royce taking part.")
    assert {e.label for e in extraction.entities.values() if e.cls == "Company"} == {"Thales", "Safran", "Rolls-Royce"}


def test_entities_acronym_with_lower_case_letters_spells_lower_case_words_too(tmp_path) -> None:
    extraction = extract_text(tmp_path, "It is paid for by the Instrument contributing to Stability and Peace (IcSP).")
    assert {(e.label, e.cls) for e in extraction.entities.values()} >= {("Instrument contributing to Stability and Peace", "Programme")}


def test_entities_weekday_and_bare_the_start_no_name(tmp_path) -> None:
    extraction = extract_text(tmp_path, "Partners adopted on Wednesday in Cadiz the Political Declaration and the Action Plan.")
    labels = {e.label for e in extraction.entities.values()}
    assert "Political Declaration" in labels and not any(label.startswith(("Wednesday", "Cadiz")) for label in labels)


def test_entities_ministry_of_a_portfolio_ending_in_a_law_head_is_a_ministry(tmp_path) -> None:
    extraction = extract_text(tmp_path, "It works with the Greek Ministry of Public Order and Citizen Protection.")
    assert {(e.label, e.cls) for e in extraction.entities.values()} >= {
        ("Greek Ministry of Public Order and Citizen Protection", "Ministry")}


def test_entities_foreign_and_commonwealth_office_is_not_the_fcdo(tmp_path) -> None:
    extraction = extract_text(tmp_path, "The Home Office and the Foreign and Commonwealth Office pay for it.", "2014-02-19")
    assert "Foreign and Commonwealth Office" in {e.label for e in extraction.entities.values()}


def test_entities_hyphened_lower_case_part_goes_on_with_the_name(tmp_path) -> None:
    extraction = extract_text(tmp_path, "It is financed under the Instrument for Pre-accession Assistance (IPA), with a Border Police-led unit.")
    labels = {e.label for e in extraction.entities.values()}
    assert {"Instrument for Pre-accession Assistance", "Border Police"} <= labels


def test_entities_a_dash_after_a_datelines_year_joins_no_name(tmp_path) -> None:
    text = "Raids\n\nTHE HAGUE, Thursday 2 February 2017 - Police and border authorities of six states acted.\n"
    labels = {e.label for e in extract_text(tmp_path, text, published=None).entities.values()}
    assert not any(label[:1].isdigit() for label in labels)
