"""Counts and percentages in text: 'around 70 investigations', 'a 25% increase', 'four gangs'."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate

from kg.patterns import one_of, patterns
from kg.values.literals import lowered_text, matches_at, occurrences

# Thousands grouped by spaces, as European texts write them ('EUR 70 000', '61 000 migrants'); not when a
# comma or point and a digit follow ('1 000,50' has decimals); a comma ending a clause ('EUR 5 000, two cars') is fine.
SPACE_GROUPED = r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)"
_GROUPING = re.compile(r"[, \u00a0\u202f]")
# Continental forms that cannot be read the English way: a decimal comma before one or two digits ('186,25 km'),
# and thousands grouped by points, in two groups or more or ending '.000' ('1.250.000', '250.000 attempts').
CONTINENTAL = r"(?<![\d.,])(?:\d+,\d{1,2}|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000)(?![\d]|[.,]\d)"
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def digits_value(number: str) -> Decimal:
    """The value of a number written in digits: thousands grouped by commas, spaces or (continental) points, or not
    at all; a comma before one or two last digits is a decimal comma."""
    if _DECIMAL_COMMA.fullmatch(number):
        return Decimal(number.replace(",", "."))
    if number.count(".") > 1 or (number.endswith(".000") and "," not in number):
        number = number.replace(".", "")
    return Decimal(_GROUPING.sub("", number))


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    qualifier: str | None


_CHANGE = re.compile(r"\s+(?:increase|rise|drop|fall|decrease|reduction|cut|decline|uplift|boost)\b")
_RESTATED = re.compile(r"\s*\(\d{1,6}\)")  # 'two (2)': a number word restated in digits
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"\s+([A-Za-z][\w’'-]*)")
_ACRONYM = re.compile(r"(?:\s+\([A-Z][\w&.-]*\))?")
_PAIR = re.compile(r"\s+and\s+([a-z][\w-]*s)\b(?!\s+(?:of|to)\b)")  # '40 officers and investigators'
_SHARED_NOUN = re.compile(r"\s+(?:and|or)\s+([a-z][\w-]*)\s+([a-z][\w-]*s)\b(?!\s+(?:of|to)\b)")  # 'border and coast guards', 'forged or falsified documents'
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_OF_THESE = re.compile(r"\b[Oo]f\s+(?:these|those|them)\s*,?\s*$")  # 'Of these, 70 ...': some of what was just counted
_WORD_AFTER_NAME = re.compile(r"(?:\s+\([A-Z][\w&.-]*\))?\s+[a-z]")


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """figures.yaml's number words ('eight', 'dozen') and their values."""
    return {str(k): int(v) for k, v in patterns("figures")["number_words"].items()}


@lru_cache(maxsize=1)
def compound_number() -> str:
    """A number written as tens and units ('forty-five'), from figures.yaml's number words, as a regex."""
    tens = one_of(word for word, value in number_words().items() if 20 <= value <= 90 and value % 10 == 0)
    units = one_of(word for word, value in number_words().items() if 1 <= value <= 9)
    return rf"(?:{tens})-(?:{units})"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    words = "|".join(sorted(number_words(), key=len, reverse=True))
    compound = compound_number()  # 'forty-five'
    quals = "|".join(patterns("figures")["qualifiers"])
    return re.compile(rf"(?:(?P<q>(?i:{quals}))\s+)?(?P<number>{CONTINENTAL}|\d{{1,3}}(?:,\d{{3}})+|{SPACE_GROUPED}|\d+(?:\.\d+)?"
                      rf"|(?i:\b{compound}\b)|(?i:\b(?:{words})\b))"
                      rf"(?P<percent>\s?(?:%|per cent|percent))?")


@lru_cache(maxsize=1)
def _scale() -> re.Pattern:
    """A scale word after a count ('1.2 million people', '3 lakh pilgrims'): figures.yaml ``number_scales``."""
    return re.compile(rf"\s+({one_of(patterns('figures')['number_scales'])})\b")


@lru_cache(maxsize=1)
def _opening_words() -> tuple[str, ...] | None:
    """The qualifiers and number words a match can open with, or None when one is more than lower-case words."""
    words = (*patterns("figures")["qualifiers"], *number_words())
    return words if all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", word) for word in words) else None


_DIGIT = re.compile(r"\d")


def _matches(text: str, start: int, end: int) -> Iterable[re.Match]:
    """What ``_pattern().finditer(text, start, end)`` finds, tried only at digits, qualifiers and number words.

    A match opens on one of them; scanning every position with the case-insensitive qualifiers and number
    words cost more than all the rest of find_quantities.
    """
    words, lowered = _opening_words(), lowered_text(text[start:end])
    if words is None or lowered is None:
        return _pattern().finditer(text, start, end)
    positions = occurrences(lowered, words, start) | {m.start() for m in _DIGIT.finditer(text, start, end)}
    return matches_at(_pattern(), text, positions, end)


def find_quantities(text: str, start: int, end: int, taken: list[tuple[int, int]],
                    names: dict[int, int] | None = None) -> list[Quantity]:
    """Counts with the unit they count, and percentages; skips years and spans already taken.

    ``names`` maps the start of each organisation or country name to its end,
    so that a unit can step over a name ('50 Europol analysts' counts analysts).

    A count whose unit is left unsaid ('... took the total to 25,591') takes the
    first unit counted earlier in the sentence, or none (unit "") for the
    caller to fill in from the paragraph.
    """
    stop_words = set(patterns("figures")["unit_stopwords"])
    names = names or {}
    found: list[Quantity] = []
    is_taken = _cover(taken)
    counted: list[Quantity] = []  # counts with a unit, in order; those before the last full stop are passed
    first, last_stop, scanned = 0, -1, start
    skip_to = start
    for match in _matches(text, start, end):
        if is_taken(match.start("number")) or match.start() < skip_to:
            continue
        if _glued(text, match):
            measure = _measure_after_hyphen().match(text, match.end(), end)
            value = number_value(match.group("number")) if measure and not match.group("percent") else None
            if value is not None:  # 'a 1,340-kilometre border' measures 1,340 kilometres
                found.append(Quantity(match.start(), measure.end(), text[match.start():measure.end()], value,
                                      measure.group(1), _q(match)))
            continue
        number = match.group("number")
        value = number_value(number)
        if value is None:
            continue
        if match.group("percent"):
            change = _CHANGE.match(text, match.end(), end)
            stop = change.end() if change else match.end()
            found.append(Quantity(match.start(), stop, text[match.start():stop], value, "percent", _q(match)))
            continue
        if _YEAR.fullmatch(number):
            continue
        scale = _scale().match(text, match.end(), end)
        if scale:
            value *= 10 ** patterns("figures")["number_scales"][scale.group(1)]
        after = scale.end() if scale else match.end()
        restated = _RESTATED.match(text, after, end) if number.isalpha() else None
        if restated:  # 'two (2) coastal patrol vessels': the digits say the number again
            after, skip_to = restated.end(), restated.end()
        unit, unit_end = _unit(text, after, end, stop_words, names)
        if not unit:
            last_stop = max(last_stop, text.rfind(".", scanned, match.start()))
            scanned = match.start()
            while first < len(counted) and counted[first].end <= last_stop:
                first += 1
            if first < len(counted) and not number.isalpha():
                unit = counted[first].unit
            elif not (number.isalpha() or len(re.sub(r"\D", "", number)) < 3) \
                    or _OF_THESE.search(text, max(start, match.start() - 16), match.start()) \
                    or (match.start() == start and _IN_PLACE.match(text, match.end(), end)):  # '- 16 in the Czech Republic'
                unit = ""  # the caller takes what the paragraph counted: 'Of these, 70 have been donated
            else:
                continue
            unit_end = match.end()
        quantity = Quantity(match.start(), unit_end, text[match.start():unit_end], value, unit, _q(match))
        found.append(quantity)
        if unit:
            counted.append(quantity)
    return found


def _cover(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies inside any of ``spans`` (in log time: a sentence may hold thousands)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end among spans starting so far

    def covered(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < reach[index]
    return covered


@lru_cache(maxsize=1)
def _measure_after_hyphen() -> re.Pattern:
    """'-kilometre' after a number: a unit of measure (figures.yaml ``measure_units``) joined to it as an adjective."""
    units = "|".join(sorted(patterns("figures")["measure_units"], key=len, reverse=True))
    return re.compile(rf"-((?:{units}))\b")


def _glued(text: str, match: re.Match) -> bool:
    before = text[match.start("number") - 1:match.start("number")]
    after = text[match.end():match.end() + 1]
    return before in ("£", "€", "$", "-", "/", ".") or before.isalnum() or after in ("-", "/") \
        or (after.isalpha() and not match.group("percent"))


def _q(match: re.Match) -> str | None:
    return match.group("q").lower() if match.group("q") else None


def number_value(number: str) -> Decimal | None:
    """A number's value, written in digits or in words ('1,200', 'forty-five')."""
    if number[0].isdigit():
        return digits_value(number)
    parts = [number_words().get(part) for part in number.lower().split("-")]  # 'forty-five': 40 and 5
    return Decimal(sum(parts)) if parts and None not in parts else None


def _unit(text: str, start: int, stop: int, stop_words: set[str], names: dict[int, int]) -> tuple[str, int]:
    """The noun phrase a count counts: up to four words, stopping at function words.

    "Nine of the gangs' leaders" counts leaders; "Ten of those sanctioned are
    Iraqi nationals" counts Iraqi nationals; a name before the noun is stepped
    over ("1,000 new Royal Canadian Mounted Police (RCMP) personnel" counts
    new personnel), as it says whose they are, not what they are.
    """
    partitive = re.compile(r"\s+of\s+(?:the|those|these|their|its|our|them|which|whom)\s+(?:[\w-]+[’']s?\s+)?").match(text, start, stop)
    copula = re.compile(r"\s+(?:were|are|was|is)\s+(?=[a-z])").match(text, start, stop)
    if copula and not partitive:
        unit, end = _unit(text, copula.end() - 1, stop, stop_words, names)
        if unit:
            return unit, end
    if partitive:  # 'Ten of those sanctioned are Iraqi nationals', 'identified 1,177 of them as irregular migrants'
        copula = re.compile(r"([\w-]+\s+)?(?:are|were)(?=\s)|as(?=\s)").match(text, partitive.end(), stop)
        unit, end = _unit(text, copula.end() if copula else partitive.end() - 1, stop, stop_words, names)
        if unit:
            return unit, end
    words: list[str] = []
    ends = [start]
    cursor = start
    while len(words) < 4 and (match := _WORD.match(text, cursor, stop)):
        after_name = names.get(match.start(1))
        if after_name and _WORD_AFTER_NAME.match(text, after_name, stop):
            cursor = _ACRONYM.match(text, after_name, stop).end()
            continue  # '1,000 new Canada Border Services Agency (CBSA) officers' counts officers
        word = match.group(1).lower()
        if word in stop_words or (words and word.endswith("ed") and _plural_or_noun(words[-1])):
            break  # '200 officers trained in ...' counts officers; 'two additional unmanned aircraft' goes on
        words.append(match.group(1))
        ends.append(match.end())
        cursor = match.end()
    while words and not _plural_or_noun(words[-1]):
        words.pop()
        ends.pop()
    end = ends[-1]
    pair = _PAIR.match(text, end, stop)
    shared = _SHARED_NOUN.match(text, end, stop)
    if len(words) == 1 and not words[0].lower().endswith("s") and shared \
            and not {shared.group(1), shared.group(2)} & (stop_words | _not_modifiers()):
        words += [shared.group().split()[0], shared.group(1), shared.group(2)]  # '10,000 border and coast guards'
        end = shared.end()
    elif words and pair and pair.group(1).lower() not in stop_words:
        words += ["and", pair.group(1)]
        end = pair.end()
    return " ".join(words), end


@lru_cache(maxsize=1)
def _not_modifiers() -> frozenset[str]:
    """Words that start another count, not a second modifier of a shared noun ('12 staff and some volunteers')."""
    figures = patterns("figures")
    return frozenset([*figures["number_words"], *figures["qualifiers"], *figures["adjectives"], "many", "all", "any"])


def _plural_or_noun(word: str) -> bool:
    return word.lower() not in patterns("figures")["adjectives"]
