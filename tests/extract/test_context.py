"""kg.extract.context: document-wide readings shared by the fact rules."""
from __future__ import annotations

import pytest

from helpers import extract_text, holdings
from kg.extract.context import local_currencies
from kg.gazetteer import load_gazetteer
from kg.ingest import read_document
from kg.pipeline import extract


@pytest.mark.parametrize("text,currency", [
    ("Australia will pay $5 million. Australian officers will train.", "AUD"),
    ("Canada and the United States agreed. Canadian officials and Canada's police joined.", "CAD"),
    ("The US will pay $5 million to Canada, and American officers will train.", "USD"),
], ids=["australia", "canada-most", "us-most"])
def test_dollar_is_the_most_named_dollar_countrys(text: str, currency: str) -> None:
    assert local_currencies(text, load_gazetteer())["dollar"] == currency


def test_rupees_are_the_most_named_rupee_countrys() -> None:
    text = "Pakistan's Interior Ministry will spend Rs 5 billion. India and Pakistan met; Pakistani officers attended."
    assert local_currencies(text, load_gazetteer()) == {"rupee": "PKR"}


def test_francs_are_the_most_named_franc_countrys() -> None:
    assert local_currencies("Rwanda will pay 3 billion francs to Rwandan police.", load_gazetteer()) == {"franc": "RWF"}


def test_no_local_currency_where_no_country_sharing_its_name_is_named() -> None:
    assert local_currencies("The UK will pay $5 million.", load_gazetteer()) == {}


@pytest.mark.parametrize("text,government", [
    ("The Government will spend $40 million on Australian Border Force patrols.", "Government of Australia"),
    ("In Ottawa, the Government of Canada is committing to new patrols.", "Government of Canada"),
    ("The Government will spend £40 million on Border Force patrols.", "HM Government"),
    ("The Government will spend PLN 40 million on Border Guard patrols.", "Government of Poland"),
])
def test_unqualified_government_is_the_home_countrys(tmp_path, text: str, government: str) -> None:
    extraction = extract_text(tmp_path, text)
    assert [e.label for e in extraction.entities.values() if e.cls == "Government"] == [government]


def test_home_country_is_the_state_most_named_office_holders_serve(tmp_path) -> None:
    text = ("Today (Tuesday 30 March) Nikos Dendias and Kyriakos Mitsotakis met Luciana Lamorgese in Athens "
            "to discuss the EUR 5 million plan. The Prime Minister welcomed the plan.")
    found = holdings(extract_text(tmp_path, text, published="2021-03-30"))
    assert {p for p, post, _ in found if post == "Prime Minister"} == {"Kyriakos Mitsotakis"}


def test_office_holders_introduced_as_another_states_do_not_make_it_home(tmp_path) -> None:
    text = ("Immigration Minister Robert Jenrick signed the statement with Bulgaria's Interior Minister, Kalin Stoyanov, "
            "today (Monday 13 November). He also met the Bulgarian Prime Minister, Nikolai Denkov, and Bulgaria's "
            "Foreign Minister, Mariya Gabriel. The statement builds on the partnership the Prime Minister announced.")
    found = holdings(extract_text(tmp_path, text, published="2023-11-13"))
    assert ("Rishi Sunak", "Prime Minister", "United Kingdom") in found


def published_by(tmp_path, publisher: str, published: str, body: str) -> set[tuple[str, str, str]]:
    """The post holdings of a release whose front matter names its publisher."""
    path = tmp_path / "release.txt"
    path.write_text(f"---\ntitle: Test\npublished: {published}\npublisher: {publisher}\n---\n{body}", encoding="utf-8")
    return holdings(extract(read_document(path)))


def test_home_country_of_a_publisher_named_with_commas(tmp_path) -> None:
    found = published_by(tmp_path, "Foreign, Commonwealth and Development Office", "2021-03-30",
                         "Nikos Dendias and Kyriakos Mitsotakis met officials in Athens today. The Prime Minister welcomed this.")
    assert ("Boris Johnson", "Prime Minister", "United Kingdom") in found


def test_home_country_is_the_state_a_publisher_names(tmp_path) -> None:
    found = published_by(tmp_path, "Prime Minister's Office (Canada)", "2023-03-24",
                         "The two leaders met in Ottawa today. The Prime Minister welcomed the agreement.")
    assert ("Justin Trudeau", "Prime Minister", "Canada") in found


def test_shared_title_names_no_foreign_holder(tmp_path) -> None:
    """Malaysia's Deputy Prime Minister is not the UK's, the one holder of that title the gazetteer knows on the day."""
    found = published_by(tmp_path, "Ministry of Home Affairs (Malaysia)", "2024-12-20",
                         "The President was welcomed in Putrajaya by the Deputy Prime Minister.")
    assert not any(post == "Deputy Prime Minister" for _, post, _ in found), found


def test_bare_head_word_is_the_body_named_before_with_it(tmp_path) -> None:
    text = ("The Ministry of Home Affairs and the Ministry of Defence met. The Border Security Command will lead. "
            "The plan gives the Command new powers.")
    extraction = extract_text(tmp_path, text)
    mentions = [f for f in extraction.facts if f.cls == "EntityMention"]
    assert any(extraction.doc.text[f.evidence.start:f.evidence.end] == "Command"
               and f.first("mentions").key == "org/border-security-command" for f in mentions), mentions


def test_a_publisher_with_a_name_many_governments_use_names_no_country(tmp_path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("---\ntitle: Test\npublished: 2024-10-01\npublisher: Department of Justice\n---\n"
                    "Helen McEntee and Simon Harris said the Government will hire 40 caseworkers.", encoding="utf-8")
    extraction = extract(read_document(path))
    assert [e.label for e in extraction.entities.values() if e.cls == "Government"] == ["Government of Ireland"]


@pytest.mark.parametrize("text,country", [
    ("Helen McEntee and Simon Harris said the Department of Justice will hire 40 caseworkers.", "state/ireland"),
    ("The Minister for Justice, Helen McEntee, met United States officials from the Department of Justice.",
     "state/united-states"),
])
def test_a_bare_body_name_is_the_home_countrys_unless_its_country_is_named(tmp_path, text: str, country: str) -> None:
    extraction = extract_text(tmp_path, text, published="2024-10-01")
    assert [e.country for e in extraction.entities.values() if e.label.endswith("Department of Justice")] == [country]


def test_dateline_place_gives_the_home_country(tmp_path) -> None:
    text = ("Voters back the agency\n\nBern, 15.05.2022 - Swiss voters today approved the regulation. "
            "The Government will pay EUR 5 million to Frontex.")
    extraction = extract_text(tmp_path, text, publisher="")
    assert [e.label for e in extraction.entities.values() if e.cls == "Government"] == ["Government of Switzerland"]


def test_lower_case_agency_is_the_agency_named_before(tmp_path) -> None:
    text = "The European Border and Coast Guard Agency (Frontex) grows. Switzerland sends staff to the agency."
    extraction = extract_text(tmp_path, text)
    named = {extraction.doc.text[f.evidence.start:f.evidence.end]: f.first("mentions").key
             for f in extraction.facts if f.cls == "EntityMention"}
    assert named["agency"] == named["Frontex"]
