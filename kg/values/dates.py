"""Find date expressions in text and resolve them against the publication date.

Every expression becomes a ``DateMention``; relative ones ("yesterday", "last
week", "on Tuesday", "17 September" without a year) are resolved against the
document's publication date with the precision they carry (day, week, month,
year). Vague ones ("in the coming weeks") are kept with no value, so the build
can report them instead of guessing.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.model import DateValue
from kg.values.literals import lowered_text

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: number for number, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Sept?\.?|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d–/-])"
_RELATIVE = (r"(?P<relative>(?i:today|yesterday|tomorrow|tonight|last night|this evening|this afternoon|this morning|this week|last week|next week|"
             r"this month|last month|next month|this year|last year|next year|earlier this year|"
             r"earlier this month|later this year|later this month|at the weekend|over the weekend|last weekend))")
# Days counted from the date the narrative last gave, not from publication: 'The previous day, the President had
# discussed ...' after 'On Monday 8 April'. Resolved by anchor_narrative_dates once every sentence's dates are known.
_NARRATIVE = (r"(?P<narrative>(?i:the\s+(?:previous|preceding|following|next)\s+day|the\s+day\s+(?:before|after)(?=\s*[,.;])|"
              r"(?:later\s+|earlier\s+)?that\s+(?:same\s+)?(?:day|evening|morning|afternoon)|the\s+same\s+day|"
              r"(?P<count>a|one|two|three|four|five|six|seven)\s+days?\s+(?P<way>earlier|later)))")
_NARRATIVE_STEPS = {"previous": -1, "preceding": -1, "before": -1, "following": 1, "next": 1, "after": 1}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_VAGUE = (r"(?P<vague>in the coming (?:days|weeks|months|years)|in the next few (?:days|weeks|months)|"
          r"in recent (?:days|weeks|months|years)|in due course)")

_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"  # 'yesterday evening (Monday 4 March)'

PATTERNS = [
    ("relative_explicit", rf"\b{_RELATIVE}{_PART_OF_DAY}\s*\(\s*(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\s*\)"),
    ("relative_explicit", rf"\b{_RELATIVE}{_PART_OF_DAY}\s*\(\s*(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\s*\)"),  # US order
    ("weekday_explicit", rf"\b(?:on\s+)?{_WEEKDAY}\s*\(\s*{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\s*\)"),
    ("day_month_relative_year", rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH}\s+(?P<years>(?i:last|this|next))\s+year\b"),
    ("month_relative_year", rf"\b{_MONTH}\s+(?P<years>(?i:last|this|next))\s+year\b"),
    ("day_range", rf"\b(?:from\s+)?{_DAY}\s*(?:to|-|–)\s*(?P<last>[0-3]?\d)\s+{_MONTH}\b(?:,?\s+{_YEAR})?"),  # its first day
    ("day_month", rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR})?"),
    ("month_day", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,\s*{_YEAR})?(?!\s*(?:%|per|million|billion))"),
    ("month_year", rf"\b{_MONTH}\s+{_YEAR}"),
    ("narrative", rf"\b{_NARRATIVE}\b"),
    ("relative", rf"\b{_RELATIVE}\b"),
    ("vague", rf"\b{_VAGUE}\b"),
    ("modified_month", rf"\b(?P<modifier>(?i:last|this|next))\s+{_MONTH}\b"),
    ("modified_weekday", rf"\b(?P<modifier>(?i:last|this|next|on))\s+{_WEEKDAY}\b"),
    ("possessive_weekday", rf"\b{_WEEKDAY}(?=[’']s\b)"),  # "Wednesday's meeting"
    ("month_alone", rf"\b(?P<prep>(?i:in|since|by|during|from|until|before|after|of|end of|early|late|mid-?))\s+{_MONTH}\b(?!\s+\d)"),
    ("month_alone", rf"\b(?P<prep>(?i:the))\s+(?!May\b){_MONTH}(?=\s+[a-z])"),  # 'the July package' (not 'the May government')
    ("year", rf"\b(?P<prep>(?i:in|since|by|during|from|until|before|after|of|between|throughout))\s+{_YEAR}"),
]
_COMPILED = [(name, re.compile(pattern)) for name, pattern in PATTERNS]
# Words a text must hold, one of each family a pattern needs, for the pattern to match in it (_CASELESS
# families' in lower case, as that part of a pattern ignores case). Most sentences state no date: testing for
# these words costs a few substring searches, where scanning costs one pass of every pattern over the
# sentence. A pattern is skipped only when it cannot match, so what is found is the same.
_FAMILY_WORDS = {
    "month": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "relative": ("today", "yesterday", "tomorrow", "night", "evening", "afternoon", "morning", "week", "month", "year"),
    "vague": ("in the coming ", "in the next few ", "in recent ", "in due course"),
    "narrative": ("day", "evening", "morning", "afternoon"),
    "year": ("19", "20"),
}
_CASELESS = ("relative", "narrative")  # families whose part of a pattern ignores case: looked for in lowered text
_NEEDS = {"relative_explicit": ("relative", "month"), "weekday_explicit": ("weekday", "month"),
          "day_month_relative_year": ("month",), "month_relative_year": ("month",), "day_month": ("month",), "day_range": ("month",),
          "month_day": ("month",), "month_year": ("month", "year"), "relative": ("relative",), "narrative": ("narrative",), "vague": ("vague",),
          "modified_month": ("month",), "modified_weekday": ("weekday",), "possessive_weekday": ("weekday",), "month_alone": ("month",), "year": ("year",)}
_STATED_TODAY = [re.compile(rf"\b(?P<relative>today|yesterday|tomorrow){_PART_OF_DAY}\s*\(\s*{_WEEKDAY},?\s+{order}(?:,?\s+{_YEAR})?\s*\)", re.I)
                 for order in (rf"{_DAY}\s+{_MONTH}", rf"{_MONTH}\s+{_DAY}")]
# A line that states the release's date: 'Release Date: June 24, 2025', 'Published: 3 March 2025'.
_DATELINES = [re.compile(rf"^(?i:release date|date of release|published|issued|date)\s*:\s*(?:{_WEEKDAY},?\s+)?{order},?\s+{_YEAR}\s*$", re.M)
              for order in (rf"{_DAY}\s+{_MONTH}", rf"{_MONTH}\s+{_DAY}")]
_PLACES_BEFORE = r"^(?:[^\W\d_][\w.’'/ -]{1,40}?,\s+){0,3}"  # a dateline's opening places: 'Merdeka Palace, Jakarta, '
# A dateline at the top, with or without a place: 'Kigali, 14 April 2022', '5 December 2024',
# 'WASHINGTON, June 24, 2025 – Secretary ...', 'Merdeka Palace, Jakarta, Friday, 8 December 2023'.
# ' – ', the Spanish '.- ' ('Sunday 20 February 2022.- The ...'), or after the issuer ('16 March 2018 (Ministry of the Interior) - ')
_DATELINE_END = r"(?:\s*\([^()\n]{1,60}\))?(?:\s*$|\.?\s*[–—-](?:\s|(?=[A-Z])))"
_TOP_DATELINES = [re.compile(rf"{_PLACES_BEFORE}(?:{_WEEKDAY},?\s+)?{order},?\s+{_YEAR}{_DATELINE_END}", re.M)
                    for order in (rf"{_DAY}\s+{_MONTH}", rf"{_MONTH}\s+{_DAY}")]
# ... or with the date in figures, day first: 'Bern, 15.05.2022 - ', 'JAKARTA, Thursday (20/7/2023) – '.
_NUMERIC_DATELINE = re.compile(rf"{_PLACES_BEFORE}(?:{_WEEKDAY},?\s+)?\(?(?P<day>[0-3]?\d)[./]"
                               rf"(?P<month>[01]?\d)[./]{_YEAR}\)?\s*(?:$|[–—-]\s)", re.M)
# ... or with no year but a weekday, which the years the text names decide: 'Paris, Tuesday 13 July'.
_YEARLESS_DATELINES = [re.compile(rf"{_PLACES_BEFORE}{_WEEKDAY},?\s+{order}\s*(?:$|[–—-]\s)", re.M)
                       for order in (rf"{_DAY}\s+{_MONTH}", rf"{_MONTH}\s+{_DAY}")]
_DATELINE_REACH = 1000  # characters from the top where such a dateline may stand
_CLAUSE_REACH = 300
_FUTURE = re.compile(r"\b(?:will|shall|due to|set to|plans? to|to be|next|coming|expected to|by the end of|ahead of|"
                     r"(?:agreed|promised|pledged|undertook|intends?|aims?|hopes?|is|are) to)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date expression at a span, with its resolved value (None when vague or unknown)."""

    start: int
    end: int
    text: str
    rule: str
    value: DateValue | None


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """All date expressions in ``text[start:end]``, longest first where they overlap."""
    found: list[DateMention] = []
    starts: list[int] = []  # the spans taken so far, in order (they never overlap)
    ends: list[int] = []
    families = _families(text[start:end])
    for rule, pattern in _COMPILED:
        if not all(family in families for family in _NEEDS[rule]):
            continue
        for match in pattern.finditer(text, start, end):
            index = bisect.bisect_right(starts, match.start())
            if (index and ends[index - 1] > match.start()) or (index < len(starts) and starts[index] < match.end()):
                continue
            value = resolve(rule, match.groupdict(), published, _future(text, start, match.start()))
            found.append(DateMention(match.start(), match.end(), match.group(0), rule, value))
            starts.insert(index, match.start())
            ends.insert(index, match.end())
    return sorted(found, key=lambda m: m.start)


def anchor_narrative_dates(mentions: list[DateMention], published: date | None) -> list[DateMention]:
    """Resolve 'the previous day', 'two days later' (mentions in document order) against the last day the
    narrative gave before them, or the publication date when it gave none."""
    anchor = published
    resolved = []
    for mention in mentions:
        if mention.rule == "narrative" and anchor is not None:
            mention = replace(mention, value=DateValue((anchor + timedelta(days=_narrative_offset(mention.text))).isoformat(), "day"))
        if mention.value is not None and mention.value.precision == "day":
            anchor = mention.value.as_date()
        resolved.append(mention)
    return resolved


def _narrative_offset(text: str) -> int:
    words = text.lower().split()
    if words[-1] in ("earlier", "later"):
        return _COUNTS[words[0]] * (-1 if words[-1] == "earlier" else 1)
    return next((_NARRATIVE_STEPS[w] for w in words if w in _NARRATIVE_STEPS), 0)


def _families(segment: str) -> set[str]:
    """The families of ``_FAMILY_WORDS`` whose words the segment holds (all of them when case folding is unsafe)."""
    lowered = lowered_text(segment)
    if lowered is None:
        return set(_FAMILY_WORDS)
    return {family for family, words in _FAMILY_WORDS.items()
            if any(word in (lowered if family in _CASELESS else segment) for word in words)}


def _future(text: str, floor: int, position: int) -> bool:
    """Whether the clause leading up to a date speaks of the future ('will open on 11 June').

    Only the clause's last ``_CLAUSE_REACH`` characters are read, so that a
    sentence of a thousand dates costs a thousand reads, not a million.
    """
    floor = max(floor, position - _CLAUSE_REACH)
    clause = max(text.rfind(mark, floor, position) for mark in ",;:")
    return bool(_FUTURE.search(text, max(floor, clause + 1), position))


def resolve(rule: str, groups: dict, published: date | None, future: bool = False) -> DateValue | None:
    """Turn the parts of one matched expression into a DateValue."""
    month = _month(groups.get("month"))
    year = int(groups["year"]) if groups.get("year") else None
    if rule in ("relative_explicit", "weekday_explicit", "day_month", "month_day", "day_range"):
        return _day_month(int(groups["day"]), month, year, published, future)
    if rule in ("day_month_relative_year", "month_relative_year"):
        if published is None:
            return None
        shifted = published.year + {"last": -1, "this": 0, "next": 1}[groups["years"].lower()]
        if rule == "month_relative_year":
            return DateValue(f"{shifted:04d}-{month:02d}", "month")
        return _day_month(int(groups["day"]), month, shifted, published, False)
    if rule == "month_year":
        return DateValue(f"{year:04d}-{month:02d}", "month")
    if rule == "year":
        return DateValue(f"{year:04d}", "year")
    if published is None:
        return None
    if rule == "relative":
        return _relative(groups["relative"].lower(), published)
    if rule == "modified_month":
        return _month_near(month, published, groups["modifier"].lower(), future)
    if rule == "month_alone":
        return _month_near(month, published, "next" if future and groups["prep"].lower() in ("by", "until", "end of") else "", future)
    if rule == "modified_weekday":
        return _weekday_near(WEEKDAYS[groups["weekday"].lower()], published, groups["modifier"].lower(), future)
    if rule == "possessive_weekday":
        return _weekday_near(WEEKDAYS[groups["weekday"].lower()], published, "", future)
    return None


def _month(name: str | None) -> int | None:
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _day_month(day: int, month: int | None, year: int | None, published: date | None,
               future: bool) -> DateValue | None:
    if month is None:
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate > published + timedelta(days=14) and not future:
            year -= 1
        elif candidate < published - timedelta(days=30) and future:
            year += 1
    try:
        return DateValue(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _relative(word: str, published: date) -> DateValue | None:
    monday = published - timedelta(days=published.weekday())
    days = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "last night": -1, "tomorrow": 1}
    if word in days:
        return DateValue((published + timedelta(days=days[word])).isoformat(), "day")
    if word in ("at the weekend", "over the weekend", "last weekend"):
        back = (published.weekday() - 5) % 7 or 7
        return DateValue((published - timedelta(days=back)).isoformat(), "day")
    weeks = {"this week": 0, "last week": -7, "next week": 7}
    if word in weeks:
        return DateValue((monday + timedelta(days=weeks[word])).isoformat(), "week")
    months = {"this month": 0, "last month": -1, "next month": 1, "earlier this month": 0, "later this month": 0}
    if word in months:
        index = published.year * 12 + published.month - 1 + months[word]
        return DateValue(f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    years = {"this year": 0, "last year": -1, "next year": 1, "earlier this year": 0, "later this year": 0}
    return DateValue(f"{published.year + years[word]:04d}", "year") if word in years else None


def _month_near(month: int | None, published: date, modifier: str, future: bool) -> DateValue | None:
    if month is None:
        return None
    year = published.year
    if modifier == "last":
        year -= 1 if month >= published.month else 0
    elif modifier == "next":
        year += 1 if month <= published.month else 0
    elif future and modifier != "this":
        year += 1 if month < published.month else 0
    elif modifier != "this":
        year -= 1 if month > published.month else 0
    return DateValue(f"{year:04d}-{month:02d}", "month")


def _weekday_near(weekday: int, published: date, modifier: str, future: bool) -> DateValue:
    if modifier == "next" or (future and modifier != "last"):
        ahead = (weekday - published.weekday()) % 7 or 7
        return DateValue((published + timedelta(days=ahead)).isoformat(), "day")
    back = (published.weekday() - weekday) % 7
    if modifier == "last" and back == 0:
        back = 7
    return DateValue((published - timedelta(days=back)).isoformat(), "day")


def _next_year(text: str, month: int, day: int) -> list[int]:
    """The year after the latest full date of the text, if the day and month then fall within half a year of it."""
    days = [m.value.as_date() for m in find_dates(text, 0, len(text), None) if m.value and m.value.precision == "day"]
    if not days:
        return []
    latest = max(days)
    try:
        following = date(latest.year + 1, month, day)
    except ValueError:
        return []
    return [following.year] if following - latest <= timedelta(days=183) else []


def _numeric_dateline(text: str) -> date | None:
    """The date of a dateline in figures, day first unless only month first fits its weekday ('Thursday (20/7/2023)')."""
    match = _NUMERIC_DATELINE.search(text)
    if match is None:
        return None
    day, month, year = int(match.group("day")), int(match.group("month")), int(match.group("year"))
    weekday = WEEKDAYS.get((match.group("weekday") or "").lower())
    for d, m in ((day, month), (month, day)):
        try:
            stated = date(year, m, d)
        except ValueError:
            continue
        if weekday is None or stated.weekday() == weekday:
            return stated
    return None


def infer_publication_date(text: str) -> date | None:
    """Publication date from a dateline ('Release Date: June 24, 2025', 'Kigali, 14 April 2022'), else from 'today (Friday 10 March)',
    'yesterday (Tuesday 17 September)' or 'Today (Tuesday, June 24)'.

    In the second case the year comes from full dates elsewhere in the text, checked against the weekday, or is the
    year after the latest of them when that puts the day within half a year after it (a January release recalls
    December: 'today (Wednesday 7 January)' after '3 December 2025'); or last from a dateline with a weekday but no
    year, the same way ('Paris, Tuesday 13 July' in a text about 2010).
    """
    for pattern, reach in [(p, len(text)) for p in _DATELINES] + [(p, _DATELINE_REACH) for p in _TOP_DATELINES]:
        dateline = pattern.search(text, 0, reach)
        stated = dateline and resolve("day_month", dateline.groupdict(), None)
        if stated:
            return stated.as_date()
    numeric = _numeric_dateline(text[:_DATELINE_REACH])
    if numeric:
        return numeric
    years = sorted({int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)}, reverse=True)
    for match in (m for pattern in _STATED_TODAY for m in pattern.finditer(text)):
        stated = _on_weekday(text, match, years)
        if stated:
            offset = {"yesterday": 1, "tomorrow": -1}.get(match.group("relative").lower(), 0)
            return stated + timedelta(days=offset)
    for match in (m for pattern in _YEARLESS_DATELINES for m in pattern.finditer(text, 0, _DATELINE_REACH)):
        stated = _on_weekday(text, match, years)
        if stated:
            return stated
    return None


def _on_weekday(text: str, match: re.Match, years: list[int]) -> date | None:
    """The day and month a match states, in its own year or the first of ``years`` (then the year after the text's
    latest date) in which it falls on the weekday it names."""
    month, day = _month(match.group("month")), int(match.group("day"))
    weekday = WEEKDAYS[match.group("weekday").lower()]
    stated_year = match.groupdict().get("year")
    for year in [int(stated_year)] if stated_year else years + _next_year(text, month, day):
        try:
            stated = date(year, month, day)
        except (ValueError, TypeError):
            continue
        if stated.weekday() == weekday:
            return stated
    return None
