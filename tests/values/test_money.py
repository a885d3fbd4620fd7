"""kg.values.money: amounts of money with ISO currency, ceiling and qualifier."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.values.money import MoneyMention, amount_text, find_money, readable


def _money(text: str) -> list[MoneyMention]:
    return find_money(text, 0, len(text))


def _only(text: str) -> MoneyMention:
    found = _money(text)
    assert len(found) == 1, found
    return found[0]


AMOUNTS = [
    ("The UK will provide £75million to France.", "£75million", Decimal("75000000"), "GBP"),
    ("A $25m fund was set up for the coastguard.", "$25m", Decimal("25000000"), "USD"),
    ("The US$3.5 billion package was agreed.", "US$3.5 billion", Decimal("3500000000"), "USD"),
    ("The scheme cost 63 million pounds.", "63 million pounds", Decimal("63000000"), "GBP"),
    ("Each civil penalty is £1,200.", "£1,200", Decimal("1200"), "GBP"),
    ("Brussels approved a €1.5bn border fund.", "€1.5bn", Decimal("1500000000"), "EUR"),
    ("Ottawa pledged C$10 million for patrols.", "C$10 million", Decimal("10000000"), "CAD"),
    ("The unit received 2 million euros.", "2 million euros", Decimal("2000000"), "EUR"),
    ("Officers seized EUR 5 000, two cars and a boat.", "EUR 5 000", Decimal("5000"), "EUR"),
    ("The contract is worth nearly PLN 280 million.", "PLN 280 million", Decimal("280000000"), "PLN"),
    ("The barrier will cost 85 mln zł.", "85 mln zł", Decimal("85000000"), "PLN"),
    ("Bern added CHF 12 million for Frontex.", "CHF 12 million", Decimal("12000000"), "CHF"),
    ("The Ministry receives RM19 billion under Budget 2024.", "RM19 billion", Decimal("19000000000"), "MYR"),
    ("Officers seized cigarettes worth R690 million.", "R690 million", Decimal("690000000"), "ZAR"),
    ("Jakarta set aside Rp 5 billion for patrols.", "Rp 5 billion", Decimal("5000000000"), "IDR"),
    ("Singapore gave S$2.5m to the centre.", "S$2.5m", Decimal("2500000"), "SGD"),
    ("Ottawa pledged 63 million Canadian dollars.", "63 million Canadian dollars", Decimal("63000000"), "CAD"),
    ("The fund pays 12 million ringgit to RELA.", "12 million ringgit", Decimal("12000000"), "MYR"),
    ("The ministry gave € 3,5 million to the police.", "€ 3,5 million", Decimal("3500000"), "EUR"),
    ("The ministry gave EUR 1.250.000 to the police.", "EUR 1.250.000", Decimal("1250000"), "EUR"),
    ("The law set aside PLN 1,615 million for it.", "PLN 1,615 million", Decimal("1615000000"), "PLN"),
    ("The terminal was built at a cost of Rs 487 crore.", "Rs 487 crore", Decimal("4870000000"), "INR"),
    ("The gate cost about ₹6 crore.", "₹6 crore", Decimal("60000000"), "INR"),
    ("Each post received Rs. 50 lakh for fencing.", "Rs. 50 lakh", Decimal("5000000"), "INR"),
    ("The grant is worth Rf 68.75 million.", "Rf 68.75 million", Decimal("68750000"), "MVR"),
    ("The Council approved N52 billion for the e-Border.", "N52 billion", Decimal("52000000000"), "NGN"),
    ("The fence will cost RD$1,750 million.", "RD$1,750 million", Decimal("1750000000"), "DOP"),
    ("The fund holds 40 million Dominican pesos.", "40 million Dominican pesos", Decimal("40000000"), "DOP"),
]


@pytest.mark.parametrize("text,quote,amount,currency", AMOUNTS)
def test_find_money_amount_and_currency(text: str, quote: str, amount: Decimal, currency: str) -> None:
    mention = _only(text)
    assert (mention.text, mention.amount, mention.currency) == (quote, amount, currency)


@pytest.mark.parametrize("text,quote,amount,currency", AMOUNTS)
def test_find_money_amount_is_decimal(text: str, quote: str, amount: Decimal, currency: str) -> None:
    assert type(_only(text).amount) is Decimal


@pytest.mark.parametrize("text,quote,amount,currency", AMOUNTS)
def test_find_money_span_matches_text(text: str, quote: str, amount: Decimal, currency: str) -> None:
    mention = _only(text)
    assert text[mention.start:mention.end] == quote


@pytest.mark.parametrize("text,ceiling", [
    ("The EU offered up to €40 million for patrols.", True),
    ("Up to £10 million is available to councils.", True),
    ("The fund is capped at £5m a year.", True),
    ("The EU offered €40 million for patrols.", False),
])
def test_find_money_ceiling(text: str, ceiling: bool) -> None:
    assert _only(text).ceiling is ceiling


@pytest.mark.parametrize("text,qualifier", [
    ("The scheme costs more than £200 million a year.", "more than"),
    ("Officers seized around £3m in cash.", "around"),
    ("Officers seized nearly £40,000 in cash.", "nearly"),
    ("Officers seized £40,000 in cash.", None),
])
def test_find_money_qualifier(text: str, qualifier: str | None) -> None:
    assert _only(text).qualifier == qualifier


def test_find_money_qualifier_is_not_a_ceiling() -> None:
    mention = _only("The scheme costs more than £200 million a year.")
    assert (mention.qualifier, mention.ceiling) == ("more than", False)


def test_find_money_several_amounts_in_order() -> None:
    found = _money("The UK gave £75million and France up to €40 million.")
    assert [(m.text, m.currency, m.ceiling) for m in found] == [("£75million", "GBP", False), ("€40 million", "EUR", True)]


def test_find_money_searches_only_the_given_span() -> None:
    text = "Last year £5m was spent. This year £8m will be."
    start = text.index("This year")
    found = find_money(text, start, len(text))
    assert [(m.start, m.amount) for m in found] == [(text.index("£8m"), Decimal("8000000"))]


def test_find_money_scale_letter_must_end_the_word() -> None:
    # "m" of "more" is not "million"
    mention = _only("Each officer costs £20 more per shift.")
    assert (mention.text, mention.amount) == ("£20", Decimal("20"))


@pytest.mark.parametrize("text", [
    "Arrests rose by 25 per cent to 3,000.",
    "The 2024 plan has 40 measures.",
    "H.R. 6080 was signed on the R2 road.",
])
def test_find_money_no_money(text: str) -> None:
    assert _money(text) == []


@pytest.mark.parametrize("text,amount", [
    ("Washington announced a $25M fund.", Decimal("25000000")),
    ("London announced a £5 Million fund.", Decimal("5000000")),
])
def test_find_money_upper_case_scale(text: str, amount: Decimal) -> None:
    assert _only(text).amount == amount


@pytest.mark.parametrize("amount,text", [
    (Decimal("7.5E+7"), "75000000"),
    (Decimal("75000000.00"), "75000000"),
    (Decimal("3.5E+9"), "3500000000"),
    (Decimal("1200"), "1200"),
    (Decimal("0.50"), "0.5"),
    (Decimal("1.25"), "1.25"),
])
def test_amount_text_plain_digits(amount: Decimal, text: str) -> None:
    assert amount_text(amount) == text


@pytest.mark.parametrize("amount,currency,label", [
    (Decimal("75000000"), "GBP", "GBP 75 million"),
    (Decimal("7.5E+7"), "GBP", "GBP 75 million"),
    (Decimal("3500000000"), "USD", "USD 3.5 billion"),
    (Decimal("1000000000"), "EUR", "EUR 1 billion"),
    (Decimal("1250000"), "EUR", "EUR 1.25 million"),
    (Decimal("1200"), "GBP", "GBP 1200"),
])
def test_readable_label(amount: Decimal, currency: str, label: str) -> None:
    assert readable(amount, currency) == label


@pytest.mark.parametrize("text,currency", [
    ("A $25m grant was agreed.", "AUD"),
    ("They gave 40 million dollars.", "AUD"),
    ("The US$3.5 billion package was agreed.", "USD"),
    ("A C$12 million fund was set up.", "CAD"),
])
def test_find_money_bare_dollar_is_the_documents_dollar(text: str, currency: str) -> None:
    assert [m.currency for m in find_money(text, 0, len(text), {"dollar": "AUD"})] == [currency]


@pytest.mark.parametrize("text,currency", [
    ("Rs 487 crore was sanctioned.", "INR"),
    ("They paid 40 million rupees.", "INR"),
    ("The ₹6 lakh award was made.", "INR"),
    ("A grant of 3 billion Pakistani rupees was made.", "PKR"),
])
def test_find_money_bare_rupees_are_indian_unless_told_otherwise(text: str, currency: str) -> None:
    assert [m.currency for m in find_money(text, 0, len(text))] == [currency]


def test_find_money_bare_rupees_are_the_documents_rupees() -> None:
    text = "Rs 5 billion and 40 million rupees, not ₹6 lakh."
    assert [m.currency for m in find_money(text, 0, len(text), {"rupee": "LKR"})] == ["LKR", "LKR", "INR"]


@pytest.mark.parametrize("local,currency", [({}, "CHF"), ({"franc": "RWF"}, "RWF")], ids=["swiss-first", "rwandan"])
def test_find_money_bare_francs_are_the_documents_francs(local: dict, currency: str) -> None:
    text = "The contribution will rise to 61 million francs."
    assert [m.currency for m in find_money(text, 0, len(text), local)] == [currency]


def test_find_money_scale_joined_by_a_hyphen() -> None:
    text = "Taken together, federal investment comes to roughly $75-million."
    assert [(m.amount, m.currency) for m in find_money(text, 0, len(text))] == [(Decimal("75000000"), "USD")]


def test_find_money_currency_named_with_its_country() -> None:
    text = "equipment worth 1.94 billion Japanese yen and 3 million Saudi riyals"
    assert [(m.amount, m.currency) for m in find_money(text, 0, len(text))] == [
        (Decimal("1940000000"), "JPY"), (Decimal("3000000"), "SAR")]


def test_find_money_amount_spelt_out_before_its_scale_and_currency() -> None:
    text = "Peru pledged at least eight million soles, and not eight million people."
    assert [(m.amount, m.currency, m.qualifier) for m in find_money(text, 0, len(text))] == [
        (Decimal("8000000"), "PEN", "at least")]


def test_find_money_compound_number_spelt_out_is_read_whole() -> None:
    text = "approved the sum of N52 billion (fifty-two billion naira)"
    assert [m.amount for m in find_money(text, 0, len(text))] == [Decimal("52000000000"), Decimal("52000000000")]
