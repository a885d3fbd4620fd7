"""kg.extract.context: document-wide readings shared by the fact rules."""
from __future__ import annotations

import pytest

from helpers import extract_text
from kg.extract.context import dollar_currency
from kg.gazetteer import load_gazetteer


@pytest.mark.parametrize("text,currency", [
    ("Australia will pay $5 million. Australian officers will train.", "AUD"),
    ("Canada and the United States agreed. Canadian officials and Canada's police joined.", "CAD"),
    ("The US will pay $5 million to Canada, and American officers will train.", "USD"),
    ("The UK will pay $5 million.", "USD"),
], ids=["australia", "canada-most", "us-most", "none"])
def test_dollar_currency_is_the_most_named_dollar_country(text: str, currency: str) -> None:
    assert dollar_currency(text, load_gazetteer()) == currency


@pytest.mark.parametrize("text,government", [
    ("The Government will spend $40 million on Australian Border Force patrols.", "Government of Australia"),
    ("In Ottawa, the Government of Canada is committing to new patrols.", "Government of Canada"),
    ("The Government will spend £40 million on Border Force patrols.", "HM Government"),
    ("The Government will spend PLN 40 million on Border Guard patrols.", "Government of Poland"),
])
def test_unqualified_government_is_the_home_countrys(tmp_path, text: str, government: str) -> None:
    extraction = extract_text(tmp_path, text)
    assert [e.label for e in extraction.entities.values() if e.cls == "Government"] == [government]
