"""kg.values.dates: date expressions found in text and resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from kg.model import DateValue
from kg.values.dates import DateMention, anchor_narrative_dates, find_dates, infer_publication_date, resolve

# A Wednesday: "yesterday" is Tuesday 11 May, "last week" starts on Monday 3 May.
WEDNESDAY = date(2021, 5, 12)


def _dates(text: str, published: date | None) -> list[DateMention]:
    return find_dates(text, 0, len(text), published)


def _only(text: str, published: date | None) -> DateMention:
    found = _dates(text, published)
    assert len(found) == 1, found
    return found[0]


ABSOLUTE = [
    ("The treaty was signed on 16 September 2024 in Paris.", "16 September 2024", DateValue("2024-09-16", "day")),
    ("The treaty was signed on September 16, 2024 in Paris.", "September 16, 2024", DateValue("2024-09-16", "day")),
    ("The joint unit was set up in March 2019.", "March 2019", DateValue("2019-03", "month")),
    ("The centre opens on 1st April 2025.", "1st April 2025", DateValue("2025-04-01", "day")),
    ("The treaty was signed on Sept. 16, 2024 in Paris.", "Sept. 16, 2024", DateValue("2024-09-16", "day")),
]


@pytest.mark.parametrize("text,quote,value", ABSOLUTE)
def test_find_dates_absolute_date_resolves(text: str, quote: str, value: DateValue) -> None:
    mention = _only(text, WEDNESDAY)
    assert (mention.text, mention.value) == (quote, value)


@pytest.mark.parametrize("text,quote,value", ABSOLUTE)
def test_find_dates_absolute_date_resolves_without_publication_date(text: str, quote: str, value: DateValue) -> None:
    mention = _only(text, None)
    assert (mention.text, mention.value) == (quote, value)


@pytest.mark.parametrize("text,quote", [
    ("The treaty was signed on 16 September 2024 in Paris.", "16 September 2024"),
    ("Ministers met yesterday in Dover.", "yesterday"),
])
def test_find_dates_span_matches_text(text: str, quote: str) -> None:
    mention = _only(text, WEDNESDAY)
    assert text[mention.start:mention.end] == mention.text == quote


def test_find_dates_overlapping_forms_keep_the_longest() -> None:
    mention = _only("The unit opened on Monday 3 May 2021 in Kent.", WEDNESDAY)
    assert (mention.text, mention.rule, mention.value) == ("Monday 3 May 2021", "day_month", DateValue("2021-05-03", "day"))


@pytest.mark.parametrize("text,quote,iso", [
    ("Ministers met yesterday in Dover.", "yesterday", "2021-05-11"),
    ("Ministers meet today in Dover.", "today", "2021-05-12"),
    ("Ministers meet tomorrow in Dover.", "tomorrow", "2021-05-13"),
])
def test_find_dates_relative_day(text: str, quote: str, iso: str) -> None:
    mention = _only(text, WEDNESDAY)
    assert (mention.text, mention.value) == (quote, DateValue(iso, "day"))


@pytest.mark.parametrize("published", [date(2021, 5, 10), date(2021, 5, 12), date(2021, 5, 16)],
                         ids=["monday", "wednesday", "sunday"])
def test_find_dates_last_week_is_monday_of_previous_week(published: date) -> None:
    mention = _only("Officers arrested 31 people in raids last week.", published)
    assert mention.value == DateValue("2021-05-03", "week")


@pytest.mark.parametrize("text,published,value", [
    ("Arrests rose last month.", WEDNESDAY, DateValue("2021-04", "month")),
    ("Arrests rose last month.", date(2021, 1, 20), DateValue("2020-12", "month")),
    ("Arrests rose this year.", WEDNESDAY, DateValue("2021", "year")),
    ("Arrests rose last year.", WEDNESDAY, DateValue("2020", "year")),
])
def test_find_dates_relative_month_or_year(text: str, published: date, value: DateValue) -> None:
    assert _only(text, published).value == value


@pytest.mark.parametrize("text,iso", [
    ("The minister spoke on Tuesday in Calais.", "2021-05-11"),
    ("The minister spoke on Wednesday in Calais.", "2021-05-12"),
    ("The minister spoke on Thursday in Calais.", "2021-05-06"),
])
def test_find_dates_on_weekday_is_latest_on_or_before_publication(text: str, iso: str) -> None:
    assert _only(text, WEDNESDAY).value == DateValue(iso, "day")


def test_find_dates_on_weekday_in_future_tense_looks_ahead() -> None:
    assert _only("The minister will visit Dover on Thursday.", WEDNESDAY).value == DateValue("2021-05-13", "day")


def test_find_dates_future_tense_is_judged_within_the_span_only() -> None:
    text = "Officials will meet again soon. The minister spoke on Thursday."
    start = text.index("The minister")
    found = find_dates(text, start, len(text), WEDNESDAY)
    assert [(m.text, m.value) for m in found] == [("on Thursday", DateValue("2021-05-06", "day"))]


def test_find_dates_part_of_day_with_explicit_date_uses_explicit_date() -> None:
    mention = _only("Ministers met yesterday evening (Monday 4 March) in Brussels.", date(2024, 3, 5))
    assert (mention.text, mention.value) == ("yesterday evening (Monday 4 March)", DateValue("2024-03-04", "day"))


def test_find_dates_relative_with_explicit_date_uses_explicit_date() -> None:
    # Published Thursday 19 September 2019: "yesterday" alone would be the 18th,
    # but the bracketed date says Tuesday 17 September, and the year comes from publication.
    text = "The minister spoke yesterday (Tuesday 17 September) in Calais."
    mention = _only(text, date(2019, 9, 19))
    assert (mention.text, mention.value) == ("yesterday (Tuesday 17 September)", DateValue("2019-09-17", "day"))


@pytest.mark.parametrize("text,published,value", [
    ("Arrests began last November.", date(2021, 3, 10), DateValue("2020-11", "month")),
    ("Crossings fell in February.", date(2021, 3, 10), DateValue("2021-02", "month")),
    ("Crossings fell in February.", date(2021, 1, 10), DateValue("2020-02", "month")),
], ids=["last-november-in-march", "february-in-march", "february-in-january"])
def test_find_dates_month_without_year_is_latest_before_publication(text: str, published: date, value: DateValue) -> None:
    assert _only(text, published).value == value


@pytest.mark.parametrize("published,iso", [
    (date(2021, 8, 4), "2021-06-11"),
    (date(2021, 3, 10), "2020-06-11"),
], ids=["after-june", "before-june"])
def test_find_dates_day_month_without_year_takes_year_from_publication(published: date, iso: str) -> None:
    mention = _only("The agreement was signed on 11 June.", published)
    assert (mention.text, mention.value) == ("11 June", DateValue(iso, "day"))


@pytest.mark.parametrize("published,value", [
    (date(2021, 9, 20), DateValue("2022-08", "month")),
    (date(2021, 3, 10), DateValue("2021-08", "month")),
], ids=["after-august", "before-august"])
def test_find_dates_future_tense_month_looks_ahead(published: date, value: DateValue) -> None:
    mention = _only("The new centre will open by the end of August.", published)
    assert (mention.text, mention.value) == ("end of August", value)


@pytest.mark.parametrize("text,quote", [
    ("New guidance will follow in the coming weeks.", "in the coming weeks"),
    ("Further details will be published in due course.", "in due course"),
])
def test_find_dates_vague_expression_has_no_value(text: str, quote: str) -> None:
    mention = _only(text, WEDNESDAY)
    assert (mention.text, mention.rule, mention.value) == (quote, "vague", None)


@pytest.mark.parametrize("text", ["Crossings in 2023-24 fell sharply.", "Crossings in 2023–24 fell sharply."],
                         ids=["hyphen", "en-dash"])
def test_find_dates_financial_year_range_is_not_a_date(text: str) -> None:
    assert _dates(text, WEDNESDAY) == []


def test_find_dates_financial_year_with_slash_is_not_a_date() -> None:
    assert _dates("Crossings in 2023/24 fell sharply.", WEDNESDAY) == []


def test_find_dates_year_after_preposition() -> None:
    mention = _only("in 2022 the number of arrests rose.", WEDNESDAY)
    assert (mention.text, mention.value) == ("in 2022", DateValue("2022", "year"))


@pytest.mark.parametrize("text,quote", [
    ("Ministers met yesterday in Dover.", "yesterday"),
    ("Officers arrested 31 people last week.", "last week"),
    ("The minister spoke on Tuesday in Calais.", "on Tuesday"),
    ("Arrests began last November.", "last November"),
    ("Crossings fell in February.", "in February"),
    ("The agreement was signed on 11 June.", "11 June"),
])
def test_find_dates_relative_without_publication_date_has_no_value(text: str, quote: str) -> None:
    mention = _only(text, None)
    assert (mention.text, mention.value) == (quote, None)


def test_find_dates_searches_only_the_given_span() -> None:
    text = "Arrests rose yesterday. Talks begin tomorrow."
    start = text.index("Talks")
    found = find_dates(text, start, len(text), WEDNESDAY)
    assert [(m.start, m.text, m.value) for m in found] == [(text.index("tomorrow"), "tomorrow", DateValue("2021-05-13", "day"))]


@pytest.mark.parametrize("text,quote,value", [
    ("Yesterday, ministers met police chiefs in Manchester.", "Yesterday", DateValue("2021-05-11", "day")),
    ("Last month, officers found 14 people in a lorry.", "Last month", DateValue("2021-04", "month")),
    ("On Tuesday, a charter flight left for Tirana.", "On Tuesday", DateValue("2021-05-11", "day")),
    ("In February, crossings fell.", "In February", DateValue("2021-02", "month")),
    ("In 2022, crossings fell.", "In 2022", DateValue("2022", "year")),
])
def test_find_dates_sentence_initial_expression(text: str, quote: str, value: DateValue) -> None:
    mention = _only(text, WEDNESDAY)
    assert (mention.text, mention.value) == (quote, value)


def test_find_dates_next_month_name_in_that_month_is_next_year() -> None:
    assert _only("The summit will be held next May.", WEDNESDAY).value == DateValue("2022-05", "month")


@pytest.mark.parametrize("rule,groups,published,value", [
    ("month_year", {"month": "Sept", "year": "2020"}, None, DateValue("2020-09", "month")),
    ("day_month", {"day": "31", "month": "June", "year": "2021"}, None, None),
    ("relative", {"relative": "yesterday"}, None, None),
    ("relative", {"relative": "next week"}, WEDNESDAY, DateValue("2021-05-17", "week")),
    ("modified_weekday", {"modifier": "last", "weekday": "Wednesday"}, WEDNESDAY, DateValue("2021-05-05", "day")),
], ids=["month-abbreviation", "impossible-day", "relative-unpublished", "next-week", "last-same-weekday"])
def test_resolve_groups(rule: str, groups: dict, published: date | None, value: DateValue | None) -> None:
    assert resolve(rule, groups, published) == value


@pytest.mark.parametrize("text,expected", [
    ("Ministers said yesterday (Tuesday 17 September) that the 4 March 2018 treaty, renewed in 2019, would be extended.",
     date(2019, 9, 18)),
    ("Ministers said yesterday (Tuesday 17 September) that the 4 March 2018 treaty would be extended.", None),
    ("The Home Secretary visits Dover today (Friday 10 March), the first visit since June 2023.", date(2023, 3, 10)),
    ("The Home Secretary visits Dover today (Friday 10 March 2017).", date(2017, 3, 10)),
    ("The Home Secretary visits Dover today (Friday 10 March).", None),
    ("The Home Secretary visited Dover on 10 March 2023.", None),
    ("Noem visits Panama\n\nRelease Date: June 24, 2025\n\nShe met the President.", date(2025, 6, 24)),
    ("Published: Tuesday, 4 March 2025\n\nThe Minister met the President.", date(2025, 3, 4)),
    ("Release Date: June 31, 2025\n", None),
    ("Today (Tuesday, June 24), the Secretary met the President, as agreed on July 1, 2025.", date(2025, 6, 24)),
    ("Recruitment will kick off tomorrow (Monday 8 July), the first since May 2024.", date(2024, 7, 7)),
    ("Savas was sentenced today (Wednesday 7 January). He had pleaded guilty on 3 December 2025.", date(2026, 1, 7)),
    ("Savas was sentenced today (Wednesday 7 January). He had pleaded guilty on 3 March 2025.", None),
    ("Ministers met in Brussels yesterday evening (Monday 4 March). 2,000 people crossed so far in 2024.", date(2024, 3, 5)),
    ("Polri names suspects\n\nJAKARTA, Thursday (20/7/2023) – The police named 12 suspects.", date(2023, 7, 20)),
    ("Voters back Frontex\n\nBern, 15.05.2022 - Swiss voters today approved it.", date(2022, 5, 15)),
    ("Police act\n\nWASHINGTON, Friday (7/14/2023) – The police named them.", date(2023, 7, 14)),
    ("Jokowi on arrivals\n\nMerdeka Palace, Jakarta, Friday, 8 December 2023\n\nThe President said.", date(2023, 12, 8)),
    ("Ministers agree checks\n\nSZEGED/PRAGUE, 27 November 2023 - The ministers agreed today.", date(2023, 11, 27)),
], ids=["weekday-picks-2019", "weekday-rules-out-2018", "today", "year-in-brackets", "no-year", "no-expression",
        "dateline-us", "dateline-weekday", "dateline-impossible", "today-us-order", "tomorrow",
        "january-after-december", "not-a-year-later", "yesterday-evening", "dateline-figures-slash",
        "dateline-figures-points", "dateline-figures-month-first-by-weekday", "dateline-two-places", "dateline-places-joined-by-slash"])
def test_infer_publication_date(text: str, expected: date | None) -> None:
    assert infer_publication_date(text) == expected


@pytest.mark.parametrize("phrase, iso", [("The previous day", "2021-05-07"), ("The following day", "2021-05-09"),
                                         ("Two days later", "2021-05-10"), ("Later that day", "2021-05-08")])
def test_anchor_narrative_dates_counts_from_the_last_day_told(phrase: str, iso: str) -> None:
    text = f"Ministers met on Saturday 8 May. {phrase}, they signed the plan."
    *_, narrative = anchor_narrative_dates(_dates(text, WEDNESDAY), WEDNESDAY)
    assert narrative.text.lower() == phrase.lower() and narrative.value == DateValue(iso, "day")


def test_anchor_narrative_dates_without_an_earlier_day_counts_from_publication() -> None:
    [narrative] = anchor_narrative_dates(_dates("The next day, the plan was signed.", WEDNESDAY), WEDNESDAY)
    assert narrative.value == DateValue("2021-05-13", "day")


def test_find_dates_possessive_weekday_is_the_last_such_day() -> None:
    text = "The announcement follows Wednesday's meeting of the task force."
    [found] = find_dates(text, 0, len(text), date(2018, 6, 1))
    assert (found.text, found.value) == ("Wednesday", DateValue("2018-05-30", "day"))


@pytest.mark.parametrize("text,iso", [
    ("said the Foreign Secretary when the July package was announced", "2024-07"),
    ("The October summit in Rome agreed a plan", "2024-10"),
])
def test_a_month_naming_a_thing_is_that_month(text: str, iso: str) -> None:
    assert [m.value.iso for m in find_dates(text, 0, len(text), date(2024, 12, 30))] == [iso]


def test_the_may_government_is_no_date() -> None:
    text = "the May government fell"
    assert find_dates(text, 0, len(text), date(2024, 12, 30)) == []


@pytest.mark.parametrize("text,value", [
    ("The official visit ran from 14 to 16 January.", DateValue("2025-01-14", "day")),
    ("The talks on 3-4 May 2024 were held in Rome.", DateValue("2024-05-03", "day")),
], ids=["from-to", "hyphen-with-year"])
def test_find_dates_range_of_days_is_its_first_day(text: str, value: DateValue) -> None:
    assert _only(text, date(2025, 8, 20)).value == value


def test_publication_date_from_a_yearless_dateline_whose_weekday_picks_the_year() -> None:
    text = ("Minister in Paris\n\nParis, Tuesday 13 July\n\nThe two ministers reviewed the work since the summit of "
            "6 July 2009 and the fall in crossings in the first half of 2010.")
    assert infer_publication_date(text) == date(2010, 7, 13)


def test_publication_date_from_a_dateline_closed_by_a_full_stop_and_a_dash() -> None:
    text = ("Fence begins\n\nDAJABÓN, Dominican Republic, Sunday 20 February 2022.- The President of the Republic "
            "started work on the fence.")
    assert infer_publication_date(text) == date(2022, 2, 20)


def test_publication_date_from_a_dateline_naming_its_issuer_before_the_dash() -> None:
    text = "Conference ends\n\nNIAMEY, Friday 16 March 2018 (Ministry of the Interior) - Ministers adopted a declaration."
    assert infer_publication_date(text) == date(2018, 3, 16)
