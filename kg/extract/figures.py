"""Reported figures: every amount of money, count and percentage a document states.

The subject of a figure is the nearest organisation named before it in the
same sentence ("the NCA has seized more than 600 boats"); criminal groups are
what is counted, not who reports, so they are passed over.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.context import Context
from kg.extract.cues import cue_pattern
from kg.model import Fact, Ref, Sentence, Span
from kg.patterns import patterns
from kg.values.money import amount_text, readable

_NOT_SUBJECT = {"CriminalNetwork", "Legislation", "Policy", "Programme", "Meeting", "Summit", "Conference",
                "City", "Region", "Venue", "Place"}


def extract_figures(ctx: Context) -> list[Fact]:
    facts = []
    for sentence in ctx.sentences:
        for money in ctx.money[sentence.index]:
            facts.append(_figure(ctx, sentence, money.start, money.end, money.amount, money.currency,
                                 money.qualifier, readable(money.amount, money.currency)))
        for quantity in ctx.quantities[sentence.index]:
            unit = quantity.unit or _counted_subject(ctx, sentence, quantity.start) or _item_label(ctx, sentence, quantity.start) \
                or _intro_unit(ctx, sentence) or _unit_before(ctx, sentence)
            if not unit:
                continue
            label = f"{amount_text(quantity.value)} {unit}"
            facts.append(_figure(ctx, sentence, quantity.start, quantity.end, quantity.value, unit,
                                 quantity.qualifier, label))
    return facts


@lru_cache(maxsize=1)
def _subject_count() -> re.Pattern:
    """A sentence that opens on what it counts and a verb that brings it to a level: 'Enforcement actions along the
    Southwest border fell to', 'According to officials, the number of illegal attempts ... fell from' (figures.yaml
    ``level_verbs``)."""
    verbs = "|".join(patterns("figures")["level_verbs"])
    return re.compile(rf"(?:According\s+to\s+[^,;]{{1,60}},\s+)?(?:[Tt]he\s+)?(?:(?:total\s+)?number\s+of\s+)?(?P<unit>[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+){{0,3}}?)"
                      rf"(?:\s+(?:along|on|in|at|across|from|to|by|into|of)\s+[^,;]{{0,60}}?)?\s+(?:{verbs})\s+(?:to\s+|at\s+)?")


def _counted_subject(ctx: Context, sentence: Sentence, position: int) -> str:
    """What a sentence like 'Crossings fell to 1,200, down from 1,500' counts: its subject, before the number."""
    match = _subject_count().match(ctx.doc.text, sentence.start, position)
    if not match or match.end() > position or match.group("unit").lower() in patterns("figures")["not_units"]:
        return ""
    return match.group("unit").lower()


_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")  # ', which works with the UK Border Agency ...,'
_IN_STATE = re.compile(r"\d+\s+in\s+(?:the\s+)?")
_BY_AGENT = re.compile(r"(?:[^,;.]|(?<=\d)[,.](?=\d)){0,80}?\bby\s+(?:the\s+)?")  # '2,200 people prosecuted ... by'
_DEMONSTRATIVE = re.compile(r"(?:These|Those|This|They|It)\b")
_SECTION_REACH = 40  # sentences read back for a section's heading: a long text must not cost its square
_ITEM_LABEL = re.compile(r"\s*(?P<unit>[A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}):\s+")  # '- unaccompanied children: 5,508 in July'


def _item_label(ctx: Context, sentence: Sentence, position: int) -> str:
    """What a list item counts when its label before a colon says it: '- adults with children: 7,410 in July,
    against 16,330 in June' counts adults with children."""
    if not sentence.list_item:
        return ""
    match = _ITEM_LABEL.match(ctx.doc.text, sentence.start, position)
    return match.group("unit").lower() if match and match.group("unit").lower() not in patterns("figures")["not_units"] else ""


def _intro_unit(ctx: Context, sentence: Sentence) -> str:
    """What a list's intro counted, for its items' bare counts: 'the arrest of 46 facilitators:' then '- 16 in the
    Czech Republic'."""
    intro = ctx.intro_of(sentence) if sentence.list_item else None
    counted = [q.unit for q in ctx.quantities[intro.index] if q.unit and q.unit != "percent"] if intro else []
    return counted[-1] if counted else ""


def _unit_before(ctx: Context, sentence: Sentence) -> str:
    """What the paragraph counted last ('... 1,195 people crossed. That took the total to 25,591')."""
    for earlier in reversed(ctx.sentences[:sentence.index]):
        if earlier.paragraph != sentence.paragraph:
            break
        counted = [q.unit for q in ctx.quantities[earlier.index] if q.unit and q.unit != "percent"]
        if counted:
            return counted[0]
    return ""


def _figure(ctx: Context, sentence: Sentence, start: int, end: int, value, unit: str,
            qualifier: str | None, label: str) -> Fact:
    fact = Fact("ReportedFigure", ctx.fact_key("ReportedFigure", start, end), Span(start, end), "figure")
    fact.label = label
    fact.add("value", value)
    fact.add("unit", unit)
    fact.add("qualifier", qualifier)
    fact.add("description", _clause(ctx.doc.text, start, sentence.end))
    subject = _subject(ctx, sentence, start)
    fact.add("subject", Ref(subject) if subject else None)
    return fact


def _subject(ctx: Context, sentence: Sentence, position: int, anaphora: bool = True) -> str | None:
    """Who reports a figure: the body named last before it, not inside an aside ('SOCA, which works with the UK Border
    Agency ..., reported 140 arrests'); else the body after 'by' ('2,200 people prosecuted ... by UK Border Agency crime
    teams'); else, for 'Those operations produced 15 convictions' or a list item's next sentence, who reported the
    sentence before's first figure."""
    text = ctx.doc.text
    convicted = _sentenced(ctx, sentence, position)
    if convicted is not None:
        return convicted
    asides = [m.span() for m in _ASIDE.finditer(text, sentence.start, position)]
    before = [m for m in ctx.mentions_in(sentence.start, position)
              if ctx.entities[m.key].cls not in _NOT_SUBJECT and not any(s <= m.start < e for s, e in asides)]
    if before:
        return before[-1].key
    where = _IN_STATE.match(text, position, sentence.end) if sentence.list_item else None
    state = ctx.mention_at(where.end(), sentence.end) if where else None
    if state is not None and ctx.entities[state.key].cls == "State":
        return state.key  # '- 16 in the Czech Republic': the state the count is of
    by = _BY_AGENT.match(text, position, sentence.end)
    agent = ctx.mention_at(by.end(), sentence.end) if by else None
    if agent is not None and ctx.entities[agent.key].cls not in _NOT_SUBJECT:
        return agent.key
    if not anaphora:
        return None
    previous = ctx.sentence_before(sentence)
    if previous is not None and (_DEMONSTRATIVE.match(sentence.text) or sentence.list_item):  # '- Van: the ... caught 14. A further 125'
        counted = sorted([q.start for q in ctx.quantities[previous.index]] + [m.start for m in ctx.money[previous.index]])
        if counted:
            return _subject(ctx, previous, counted[0], anaphora=False)
    return _section_state(ctx, sentence)


def _sentenced(ctx: Context, sentence: Sentence, position: int) -> str | None:
    """'Harshkumar Patel, 29, ... was sentenced to 10 years and one month': the one given the term, the last person
    named before the sentencing verb (facts.yaml ``sentencing_verbs``) that comes before the figure."""
    verbs = list(cue_pattern("sentencing_verbs").finditer(ctx.doc.text, sentence.start, position))
    if not verbs:
        return None
    people = [r for r in ctx.refs_in(sentence.start, verbs[-1].start()) if not ctx.in_quote(r.start)]
    return people[-1].person if people else None


def _section_state(ctx: Context, sentence: Sentence) -> str | None:
    """The state the heading of the figure's section is, and no more: 'Hungary' over 'Two people were arrested'."""
    for before in reversed(ctx.sentences[max(0, sentence.index - _SECTION_REACH):sentence.index]):
        state = _state_line(ctx, before)
        if state is not None or ctx.heading(before):
            return state
    return None


def _state_line(ctx: Context, sentence: Sentence) -> str | None:
    """The state a line alone in its paragraph names, and nothing else ('Hungary')."""
    named = ctx.mentions_in(sentence.start, sentence.end)
    if len(named) != 1 or ctx.doc.text[named[0].start:named[0].end] != sentence.text.strip() \
            or ctx.entities[named[0].key].cls != "State":
        return None
    around = [ctx.sentences[i] for i in (sentence.index - 1, sentence.index + 1) if 0 <= i < len(ctx.sentences)]
    return named[0].key if all(s.paragraph != sentence.paragraph for s in around) else None


def _clause(text: str, start: int, stop: int) -> str:
    """The figure's words up to the clause's end, at most 160 characters (read no further than needed)."""
    end, stop = start, min(stop, start + 400)
    while end < stop and text[end] not in ";\n" and not (text[end] in ",." and end > start + 12
                                                         and not text[end + 1:end + 2].isdigit()):  # '30,000'
        end += 1
    return text[start:end].strip()[:160]
