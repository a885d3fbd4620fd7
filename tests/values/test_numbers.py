"""kg.values.numbers: counts with the unit they count, and percentages."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.values.numbers import Quantity, find_quantities


def _quantities(text: str, taken: list[tuple[int, int]] | None = None) -> list[Quantity]:
    return find_quantities(text, 0, len(text), taken or [])


def _only(text: str) -> Quantity:
    found = _quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,quote,value,unit,qualifier", [
    ("Officers opened around 70 investigations into smuggling.", "around 70 investigations", Decimal(70), "investigations", "around"),
    ("The agency will hire 100 specialist investigators.", "100 specialist investigators", Decimal(100), "specialist investigators", None),
    ("Police dismantled seven gangs.", "seven gangs", Decimal(7), "gangs", None),
    ("In total 25,244 people crossed the Channel.", "25,244 people", Decimal(25244), "people", None),
    ("Officers seized a dozen boats.", "a dozen boats", Decimal(12), "boats", None),
    ("Patrols now cover over 100 beaches.", "over 100 beaches", Decimal(100), "beaches", "over"),
    ("It buys two additional unmanned aircraft systems.", "two additional unmanned aircraft systems", Decimal(2),
     "additional unmanned aircraft systems", None),
    ("The force sent 200 officers trained in France.", "200 officers", Decimal(200), "officers", None),
    ("Finland shares a 1,340-kilometre border with Russia.", "1,340-kilometre", Decimal(1340), "kilometre", None),
    ("The fence is 186,25 km. It ends there.", "186,25 km", Decimal("186.25"), "km", None),
    ("Guards stopped 250.000 attempts to cross.", "250.000 attempts", Decimal(250000), "attempts", None),
    ("Guards stopped 1.250.000 attempts to cross.", "1.250.000 attempts", Decimal(1250000), "attempts", None),
    ("The Guard buys two (2) coastal patrol vessels.", "two (2) coastal patrol vessels", Decimal(2), "coastal patrol vessels", None),
    ("The drive reached 3 lakh households.", "3 lakh households", Decimal(300000), "households", None),
    ("Some 1.2 million people crossed.", "Some 1.2 million people", Decimal(1200000), "people", "some"),
    ("A corps of up to 10,000 border and coast guards.", "up to 10,000 border and coast guards", Decimal(10000),
     "border and coast guards", "up to"),
    ("The unit has 12 staff and some volunteers.", "12 staff", Decimal(12), "staff", None),
])
def test_find_quantities_count_with_unit(text: str, quote: str, value: Decimal, unit: str, qualifier: str | None) -> None:
    quantity = _only(text)
    assert (quantity.text, quantity.value, quantity.unit, quantity.qualifier) == (quote, value, unit, qualifier)


@pytest.mark.parametrize("text,quote", [
    ("Officers opened around 70 investigations into smuggling.", "around 70 investigations"),
    ("Police dismantled seven gangs.", "seven gangs"),
])
def test_find_quantities_span_matches_text(text: str, quote: str) -> None:
    quantity = _only(text)
    assert text[quantity.start:quantity.end] == quantity.text == quote


@pytest.mark.parametrize("text,number,value,qualifier", [
    ("Arrests saw a 25% increase last year.", "25%", Decimal(25), None),
    ("Arrests rose by 35 per cent.", "35 per cent", Decimal(35), None),
    ("Crossings fell by nearly 1.5 percent.", "nearly 1.5 percent", Decimal("1.5"), "nearly"),
])
def test_find_quantities_percentage(text: str, number: str, value: Decimal, qualifier: str | None) -> None:
    quantity = _only(text)
    assert quantity.text.startswith(number)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, "percent", qualifier)


@pytest.mark.parametrize("text", [
    "in 2022 the number of arrests rose.",
    "Since 2019 the unit has grown.",
])
def test_find_quantities_year_is_not_a_figure(text: str) -> None:
    assert _quantities(text) == []


def test_find_quantities_elided_unit_comes_from_previous_count() -> None:
    text = "Of the 46,000 people who arrived, more than 3,000 have been returned."
    found = _quantities(text)
    assert [(q.text, q.value, q.unit, q.qualifier) for q in found] == [
        ("46,000 people", Decimal(46000), "people", None),
        ("more than 3,000", Decimal(3000), "people", "more than"),
    ]


def test_find_quantities_elided_unit_does_not_cross_a_full_stop() -> None:
    found = _quantities("Some 46,000 people arrived by boat. Since then more than 3,000 have been returned.")
    assert [(q.value, q.unit) for q in found] == [(Decimal(46000), "people"), (Decimal(3000), "")]


def test_find_quantities_skips_taken_spans() -> None:
    text = "The force hired 100 officers."
    start = text.index("100")
    assert _quantities(text, [(start, start + 3)]) == []


def test_find_quantities_searches_only_the_given_span() -> None:
    text = "Police seized 12 boats. They arrested 40 people."
    start = text.index("They")
    found = find_quantities(text, start, len(text), [])
    assert [(q.start, q.value, q.unit) for q in found] == [(text.index("40"), Decimal(40), "people")]


@pytest.mark.parametrize("text", [
    "Each fine of £75 was paid.",
    "The 10-year plan was published.",
])
def test_find_quantities_number_glued_to_symbol_or_hyphen_is_skipped(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize("text", [
    "G7 leaders met in Italy.",
    "Traffic on the M20 motorway was halted.",
])
def test_find_quantities_number_glued_to_letter_is_skipped(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize("text,qualifier", [
    ("More than 300 officers were deployed.", "more than"),
    ("Some 25,244 people crossed the Channel.", "some"),
])
def test_find_quantities_sentence_initial_qualifier(text: str, qualifier: str) -> None:
    assert _only(text).qualifier == qualifier


def test_find_quantities_unit_steps_over_an_organisation_name() -> None:
    text = "Canada will hire 1,000 new Canada Border Services Agency (CBSA) officers."
    name = text.index("Canada Border")
    [quantity] = find_quantities(text, 0, len(text), [], {name: name + len("Canada Border Services Agency")})
    assert (quantity.value, quantity.unit, quantity.text) == (
        Decimal(1000), "new officers", "1,000 new Canada Border Services Agency (CBSA) officers")


def test_find_quantities_name_ending_the_phrase_is_kept_as_the_unit() -> None:
    text = "It pays for 40 Border Force."
    name = text.index("Border")
    [quantity] = find_quantities(text, 0, len(text), [], {name: name + len("Border Force")})
    assert quantity.unit == "Border Force"


@pytest.mark.parametrize("text", ["wraparound 50 officers", "1,0005 and 12 345 678", "someone often sent ten",
                                  "More than 25% and AN ESTIMATED twenty", "up to\u00a0 4.5 per cent", "x\u017fome 3"])
def test_find_quantities_scan_at_openings_is_the_full_scan(text: str) -> None:
    from kg.values.numbers import _matches, _pattern
    spans = [m.span() for m in _pattern().finditer(text, 1, len(text))]
    assert [m.span() for m in _matches(text, 1, len(text))] == spans


@pytest.mark.parametrize("text,value", [
    ("Forty-five member governments were represented.", 45),
    ("some twenty-one officers were deployed", 21),
])
def test_a_compound_number_word_counts_its_sum(text: str, value: int) -> None:
    assert [q.value for q in find_quantities(text, 0, len(text), [])] == [value]


def test_a_number_word_glued_to_a_measure_is_no_count() -> None:
    text = "a forty-year-old man was arrested"
    assert find_quantities(text, 0, len(text), []) == []


def test_find_quantities_partitive_then_as_counts_what_follows_as() -> None:
    text = "Teams checked 22,707 foreign nationals and identified 1,177 of them as irregular migrants."
    assert [(q.value, q.unit) for q in find_quantities(text, 0, len(text), [])] == [(Decimal(22707), "foreign nationals"),
                                                                                    (Decimal(1177), "irregular migrants")]
