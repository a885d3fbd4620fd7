"""Amounts of money in text: '£75million', 'up to €40 million', '$25m', '63 million pounds'.

Each becomes a ``MoneyMention`` with a plain amount in units, an ISO 4217
currency, whether it is a ceiling ("up to"), and any qualifier ("more than").
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kg.patterns import one_of, patterns
from kg.values.numbers import CONTINENTAL, SPACE_GROUPED, compound_number, number_value, number_words

_NUMBER = rf"(?P<number>{CONTINENTAL}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{SPACE_GROUPED}|\d+(?:\.\d+)?)"
_CEILING = re.compile(r"(?:up to|as much as|a maximum of|no more than|capped at)\s+$", re.I)
_QUALIFIER = re.compile(r"(?P<q>more than|over|around|about|approximately|almost|nearly|at least|some|roughly|an estimated|close to)\s+$", re.I)


@dataclass(frozen=True)
class MoneyMention:
    start: int
    end: int
    text: str
    amount: Decimal
    currency: str
    ceiling: bool
    qualifier: str | None


def find_money(text: str, start: int, end: int, local: Mapping[str, str] | None = None) -> list[MoneyMention]:
    """Money amounts in ``text[start:end]``, in order. A currency name several countries share (a bare '$',
    'rupees') is the code ``local`` gives it, else that of the first country figures.yaml lists for it."""
    found, local = [], {**default_currencies(), **(local or {})}
    before, after, one_letter, spelt = _patterns()
    spelt_out = "illion" in text[start:end]  # 'eight million soles': most sentences scale nothing, skip that scan
    for pattern in (before, after, one_letter, spelt) if spelt_out else (before, after, one_letter):
        for match in pattern.finditer(text, start, end):
            symbol = match.groupdict().get("symbol") or match.group("word")
            code = currencies()[symbol]
            currency = local.get(code, code)
            amount = number_value(match.group("number")) * 10 ** scales().get((match.group("scale") or "").lower(), 0)
            before = text[max(start, match.start() - 30):match.start()]
            qualifier = _QUALIFIER.search(before)
            found.append(MoneyMention(match.start(), match.end(), match.group(0), _clean(amount),
                                      currency, bool(_CEILING.search(before)),
                                      qualifier.group("q").lower() if qualifier else None))
    return sorted(found, key=lambda m: m.start)


@lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """Currency signs, codes and words (figures.yaml) -> ISO 4217 code."""
    rules = patterns("figures")
    return {**rules["currency_signs"], **rules["currency_words"]}


@lru_cache(maxsize=1)
def default_currencies() -> dict[str, str]:
    """Each shared currency name (figures.yaml shared_currencies) -> the code of the first country listed for it."""
    return {name: next(iter(countries.values())) for name, countries in patterns("figures")["shared_currencies"].items()}


@lru_cache(maxsize=1)
def scales() -> dict[str, int]:
    """Scale words after an amount (figures.yaml number_scales and money_scales) -> power of ten."""
    rules = patterns("figures")
    return {word.lower(): power for word, power in {**rules["number_scales"], **rules["money_scales"]}.items()}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """An amount after its sign or code ('£75m', 'US$ 5 million'), before its word ('63 million pounds'), or spelt
    out before a scale and its word ('eight million soles').
    A one-letter sign (the rand's 'R') takes only a scaled or grouped amount: 'R690 million', not the 'R2' road."""
    rules = patterns("figures")
    letter = [sign for sign in rules["currency_signs"] if len(sign) == 1 and sign.isalpha()]
    signs = one_of(set(rules["currency_signs"]) - set(letter))
    words = one_of(rules["currency_words"])
    scale = rf"(?:(?:\s*|-)(?P<scale>(?i:{one_of(scales())}))(?![a-zA-Z]))?"
    large = one_of([word for word, power in scales().items() if power > 3])
    before = re.compile(rf"(?<![\w$])(?P<symbol>{signs})\s?{_NUMBER}{scale}")
    after = re.compile(rf"(?<!\d){_NUMBER}{scale}\s+(?P<word>{words})\b")
    spelt = re.compile(rf"(?<![\w-])(?P<number>(?i:{compound_number()}|{one_of(number_words())}))\s+(?P<scale>(?i:{large}))"
                       rf"\s+(?P<word>{words})\b")  # 'eight million soles', 'fifty-two billion naira'
    scaled_or_grouped = rf"(?=\d{{1,3}}(?:,\d{{3}})+|{SPACE_GROUPED}|[\d.]+\s*(?i:{large})(?![a-zA-Z]))"
    one_letter = re.compile(rf"(?<![\w$.])(?P<symbol>{'|'.join(letter) or '(?!)'}){scaled_or_grouped}{_NUMBER}{scale}")
    return before, after, one_letter, spelt


_INSTALMENT = re.compile(r"\s*(?:in|for|during|by)?\s*(?:(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?|the\s+\w+\s+(?:financial\s+)?year)\s*[.;,]?\s*$")


def is_instalment(text: str, after: int, end: int) -> bool:
    """'€141 million in 2023-24': nothing follows the amount but the period it is paid in."""
    return bool(_INSTALMENT.match(text, after, end))


def _clean(amount: Decimal) -> Decimal:
    """75000000 rather than 7.5E+7 or 75000000.0."""
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount.normalize()


def amount_text(amount: Decimal) -> str:
    """'75000000' as plain digits, without exponent or trailing zeros."""
    return format(amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount.normalize(), "f")


def readable(amount: Decimal, currency: str) -> str:
    """'GBP 75 million' for labels."""
    for word, scale in (("billion", 10**9), ("million", 10**6)):
        if amount >= scale:
            return f"{currency} {amount_text(amount / scale)} {word}"
    return f"{currency} {amount_text(amount)}"
