"""Property-based tests of the value normalisers: dates, money, quantities, names.

Whatever the text, a normaliser never raises, every mention it returns lies
inside the range it was asked to search and quotes the text there exactly, and
every value is well formed (an ISO date of the stated precision, a plain
non-negative amount with an ISO 4217 currency, a slug made of [a-z0-9-]).
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kg.model import DateValue
from kg.values.dates import MONTHS, WEEKDAYS, find_dates, infer_publication_date, resolve
from kg.values.money import amount_text, currencies, find_money, readable
from kg.values.names import fold, slug
from kg.values.numbers import find_quantities
from robust_support import examples

# Words the normalisers look for, mixed with random text, so that most examples
# come near the patterns' edges instead of being plain noise.
DATE_WORDS = [m.capitalize() for m in MONTHS] + [m for m in MONTHS] + [w.capitalize() for w in WEEKDAYS] + [
    "today", "yesterday", "tomorrow", "last night", "this week", "last week", "next week", "this month",
    "last month", "next month", "this year", "last year", "next year", "earlier this year", "later this month",
    "in the coming weeks", "in due course", "last", "this", "next", "on", "in", "since", "by", "until", "end of",
    "mid-", "year", "will", "(", ")", ",", "st", "nd", "th", "-", "–", "/", ".",
]
MONEY_WORDS = list(currencies()) + ["million", "billion", "thousand", "bn", "mn", "m", "k", "b", "up to", "more than",
                               "around", "nearly", "capped at", "in", "2023-24", "the financial year", ",", "."]
COUNT_WORDS = ["one", "two", "seven", "Nine", "fifteen", "twenty", "hundred", "around", "more than", "over",
               "%", "per cent", "percent", "increase", "drop", "of", "the", "those", "gangs", "officers", "arrests",
               "were", "are", "Iraqi", "nationals", "and", "leaders", "’s", "new", ".", ",", "-", "/", "£"]
NUMBERS = st.one_of(st.integers(0, 40).map(str), st.integers(1890, 2110).map(str),
                    st.integers(0, 10**12).map(lambda n: f"{n:,}"),
                    st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
                    st.sampled_from(["0", "00", "1.", ".5", "1,00", "3,000,000.50", "٣", "１２", "²"]))
NOISE = st.text(st.characters(codec="utf-8"), max_size=12)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def phrase(words: list[str]) -> st.SearchStrategy[str]:
    """A string of pattern words, numbers and random text joined by assorted white space."""
    piece = st.one_of(st.sampled_from(words), NUMBERS, NOISE)
    gap = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\u00a0", "\t"])
    return st.lists(st.tuples(piece, gap), max_size=14).map(lambda parts: "".join(p + g for p, g in parts))


@st.composite
def text_and_range(draw, words: list[str]) -> tuple[str, int, int]:
    text = draw(phrase(words))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


def check_date_value(value: DateValue) -> None:
    pattern = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
    assert re.fullmatch(pattern[value.precision], value.iso), value
    value.as_date()  # a real calendar date, or this raises
    if value.precision == "week":
        assert value.as_date().weekday() == 0, value  # weeks are named by their Monday


@examples(500)
@given(text_and_range(DATE_WORDS), PUBLISHED)
def test_find_dates_spans_inside_range_and_values_well_formed(case: tuple[str, int, int], published) -> None:
    text, start, end = case
    mentions = find_dates(text, start, end, published)
    for mention in mentions:
        assert start <= mention.start < mention.end <= end
        assert text[mention.start:mention.end] == mention.text
        if mention.value is not None:
            check_date_value(mention.value)
    spans = [(m.start, m.end) for m in mentions]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), "overlapping mentions"


@examples(300)
@given(st.integers(0, 39), st.sampled_from(sorted(MONTHS)), st.one_of(st.none(), st.integers(1900, 2099)),
       st.sampled_from(["day_month", "month_day", "relative_explicit", "weekday_explicit", "month_year",
                        "month_relative_year", "day_month_relative_year"]),
       st.sampled_from(["last", "this", "next"]), PUBLISHED, st.booleans())
def test_resolve_gives_a_valid_date_or_none(day: int, month: str, year, rule: str, years: str, published,
                                            future: bool) -> None:
    if rule == "month_year" and year is None:
        year = 2024  # the pattern requires a year
    groups = {"day": str(day), "month": month, "year": str(year) if year else None, "years": years}
    value = resolve(rule, groups, published, future)
    if value is not None:
        check_date_value(value)


@examples(200)
@given(phrase(DATE_WORDS + ["today (", "yesterday (", "Tuesday 17 September", "2024", "2023)"]))
def test_infer_publication_date_never_raises(text: str) -> None:
    inferred = infer_publication_date(text)
    assert inferred is None or isinstance(inferred, date)


ISO_4217 = set(currencies().values()) - {"dollar"}  # a bare dollar is read as the document's (USD by default)


@examples(400)
@given(text_and_range(MONEY_WORDS))
def test_find_money_spans_inside_range_and_amounts_plain(case: tuple[str, int, int]) -> None:
    text, start, end = case
    for mention in find_money(text, start, end):
        assert start <= mention.start < mention.end <= end
        assert text[mention.start:mention.end] == mention.text
        assert mention.currency in ISO_4217
        assert mention.amount >= 0
        assert re.fullmatch(r"\d+(?:\.\d+)?", amount_text(mention.amount)), mention.amount
        assert Decimal(amount_text(mention.amount)) == mention.amount
        assert readable(mention.amount, mention.currency).startswith(mention.currency + " ")


@examples(400)
@given(text_and_range(COUNT_WORDS), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=3))
def test_find_quantities_spans_inside_range_and_units_tidy(case: tuple[str, int, int], taken_raw) -> None:
    text, start, end = case
    taken = [(s, s + n) for s, n in taken_raw]
    for quantity in find_quantities(text, start, end, taken):
        assert start <= quantity.start < quantity.end <= end
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.value >= 0
        assert quantity.unit.strip() == quantity.unit  # "" when unsaid, for the caller to fill in


NAMES = st.one_of(st.text(st.characters(codec="utf-8"), max_size=40),
                  st.sampled_from(["Gérald Darmanin", "Dilan Yeşilgöz-Zegerius", "Ylva Johansson", "O'Neil",
                                   "ß", "İstanbul", "Ǆ", "ﬁnance", "Ⅻ", "", "---", "家"]))


@examples(300)
@given(NAMES)
def test_slug_is_stable_ascii_identifier(text: str) -> None:
    value = slug(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value), value
    assert slug(value) == value


@examples(300)
@given(NAMES)
def test_fold_is_idempotent_lowercase_words(text: str) -> None:
    value = fold(text)
    assert value == "" or re.fullmatch(r"[a-z0-9]+(?: [a-z0-9]+)*", value), value
    assert fold(value) == value
    assert fold(text.upper()) == fold(text) or not text.isascii()
