"""Dated events: meetings, visits and summits with place and participants; other dated happenings.

A sentence with a meeting noun or verb and a date (or a named meeting) opens
a meeting (rule ``meeting``); later sentences that only add who took part
("Around the table were ...", "The treaty was also signed by ...") add their
people to it (rule ``participation``), and "X joined the UK delegation to
Rome" adds a delegation member to the meeting held there (rule
``delegation``). Every other resolved date in narrative text becomes an
event of the kind its verb says (announcement, agreement, legislative step),
so that the timeline holds what the document dates.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.cues import cue_pattern, has_cue
from kg.extract.entities import UPPER, Entity, entity_key, gazetteer_entity
from kg.model import DateValue, Fact, Ref, Sentence, Span
from kg.patterns import patterns
from kg.values.dates import MONTHS, WEEKDAYS
from kg.values.names import tidy

_PLACE_FAMILIES = ("place", "state")
_KIND_VERBS = [("Agreement", r"\b(?:agreed|signed|struck|adopted|concluded|agreement|treaty|deal)\b"),
               ("LegislativeEvent", r"\b(?:introduced|laid before|passed|came into force|royal assent|bill|act)\b"),
               ("Announcement", r"\b(?:announced|announces|unveiled|launched|confirmed|set out)\b")]


def extract_events(ctx: Context) -> list[Fact]:
    meetings: list[Fact] = []
    others: list[Fact] = []
    current: Fact | None = None
    for sentence in ctx.sentences:
        if ctx.in_quote(sentence.start):
            continue
        opened = _meeting(ctx, sentence, current)
        if opened is not None:
            meetings.append(opened)
            current = opened
        elif current is not None and has_cue("participation_cues", _text(ctx, sentence)):
            _add_participants(ctx, current, sentence, "participation")
        _delegation(ctx, sentence, meetings)
        taken = {m.first("date") for m in meetings if m.evidence.start == sentence.start}
        others += _dated(ctx, sentence, taken)
    return meetings + others


def _text(ctx: Context, sentence: Sentence) -> str:
    return ctx.doc.text[sentence.start:sentence.end]


def _meeting(ctx: Context, sentence: Sentence, current: Fact | None) -> Fact | None:
    """Open a new meeting, or add this sentence's people to the current one; return the new one."""
    named = [m for m in ctx.mentions_in(sentence.start, sentence.end)
             if ctx.entities[m.key].family == "event" and not ctx.in_quote(m.start)]
    noun = next((m for m in _noun_pattern().finditer(ctx.doc.text, sentence.start, sentence.end)
                 if not ctx.in_quote(m.start())), None)
    verb = next((m for m in cue_pattern("meeting_verbs").finditer(ctx.doc.text, sentence.start, sentence.end)
                 if not ctx.in_quote(m.start())), None)
    if not (named or noun or verb):
        return None
    date, place = _meeting_date(ctx, sentence), _place(ctx, sentence, named)
    if current is not None and not named and _continues(ctx, sentence, noun, verb, date, place, current):
        if verb or has_cue("participation_cues", _text(ctx, sentence)):
            _add_participants(ctx, current, sentence, "participation")
        return None
    if not named and date is None:
        return None
    cls = _meeting_class(ctx, named, noun)
    fact = Fact(cls, ctx.fact_key(cls, sentence.start, sentence.end), Span(sentence.start, sentence.end), "meeting")
    fact.add("date", date or (current.first("date") if current else None) or ctx.published_value())
    fact.add("place", place)
    fact.label = _meeting_label(ctx, sentence, named, noun, fact)
    _add_participants(ctx, fact, sentence, "meeting")
    _anaphoric_agents(ctx, fact, sentence)
    return fact if fact.first("date") else None


def _noun_pattern() -> re.Pattern:
    nouns = sorted(map(re.escape, patterns("facts")["meeting_nouns"]), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(nouns)})\b", re.I)


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|today[’']s|yesterday[’']s|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}$", re.I)


def _continues(ctx: Context, sentence: Sentence, noun: re.Match | None, verb: re.Match | None,
               date: DateValue | None, place: Ref | None, current: Fact) -> bool:
    """A sentence that speaks of 'the talks' or 'the summit' without a new place or a distant date."""
    if date is None:
        return True
    if place is not None or noun is None:
        return False
    before = re.sub(r"\([^)]*\)\s*", "", ctx.doc.text[sentence.start:noun.start()])
    if not _DEFINITE.search(before):
        return False
    known = current.first("date")
    return known is None or abs((date.as_date() - known.as_date()).days) <= 7


def _meeting_date(ctx: Context, sentence: Sentence) -> DateValue | None:
    return next((d.value for d in ctx.dates[sentence.index] if d.value and d.value.precision != "year"), None)


def _meeting_class(ctx: Context, named: list, noun: re.Match | None) -> str:
    nouns = patterns("facts")["meeting_nouns"]
    if named:
        return ctx.entities[named[0].key].cls
    return nouns.get(noun.group().lower(), "Meeting") if noun else "Meeting"


def _meeting_label(ctx: Context, sentence: Sentence, named: list, noun: re.Match | None, fact: Fact) -> str:
    if named:
        return ctx.entities[named[0].key].label
    text = ctx.doc.text
    if noun:
        before = re.search(r"((?:[A-Z0-9][\w’'&-]*\s+){1,6})$", text[sentence.start:noun.start()])
        adjective = re.search(r"(\b[a-z]+\s+)$", text[sentence.start:noun.start()])
        head = tidy(before.group(1)) if before else (adjective.group(1).strip() if adjective else "")
        if head.lower() in ("the", "a", "an", "recent", "this", "that"):
            head = ""
        label = f"{head} {noun.group()}".strip()
    else:
        label = "meeting"
    place = fact.first("place")
    return f"{label} in {ctx.entities[place.key].label}" if place and "in " not in label else label


def _place(ctx: Context, sentence: Sentence, named: list) -> Ref | None:
    text = ctx.doc.text
    if _place_in_name(ctx, named):
        return _place_in_name(ctx, named)
    for mention in ctx.mentions_in(sentence.start, sentence.end):
        entity = ctx.entities[mention.key]
        before = text[max(sentence.start, mention.start - 8):mention.start]
        if ctx.in_quote(mention.start) or not re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            continue
        if entity.family in _PLACE_FAMILIES:
            return Ref(mention.key)
        if entity.family == "org" and re.match(r"\s+(?:headquarters|HQ|offices|site)\b", text[mention.end:mention.end + 14]):
            return Ref(mention.key)
    return _unknown_place(ctx, sentence) or _anaphoric_place(ctx, sentence)


def _anaphoric_place(ctx: Context, sentence: Sentence) -> Ref | None:
    """'visited the port' after 'the Port of Felixstowe': the place named before."""
    match = re.compile(r"\b(?:visited|toured|visit to|visit)\s+the\s+([a-z]+)\b").search(ctx.doc.text, sentence.start, sentence.end)
    if not match:
        return None
    word = match.group(1).capitalize()
    earlier = [m for m in ctx.mentions if m.end <= sentence.start and ctx.entities[m.key].family == "place"
               and word in ctx.entities[m.key].label.split()]
    return Ref(earlier[-1].key) if earlier else None


def _unknown_place(ctx: Context, sentence: Sentence) -> Ref | None:
    """'at Villa Orsini', 'in Mirabella Eclano': a capitalised name no gazetteer knows."""
    pattern = re.compile(rf"\b(?:at|in)\s+(?:the\s+)?(?P<name>[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{0,3}})")
    for match in pattern.finditer(ctx.doc.text, sentence.start, sentence.end):
        name = match.group("name")
        if ctx.in_quote(match.start()) or any(m.start <= match.start("name") < m.end for m in ctx.mentions) \
                or name.split()[0].lower() in MONTHS or name.split()[0].lower() in WEEKDAYS:
            continue
        if any(r.start <= match.start("name") < r.end for r in ctx.refs):
            continue
        return Ref(ctx.finder.remember(Entity(entity_key("Place", name), "Place", name)))
    return None


def _place_in_name(ctx: Context, named: list) -> Ref | None:
    """'Munich Security Conference' was held in Munich, when the gazetteer knows Munich."""
    for mention in named:
        first = ctx.entities[mention.key].label.split()[0]
        entries = [ctx.finder.gazetteer.entries[i] for i in ctx.finder.gazetteer.phrases.get(first, [])]
        places = [e for e in entries if e.kind == "place"]
        if places:
            return Ref(ctx.finder.remember(gazetteer_entity(places[0])))
    return None


def _add_participants(ctx: Context, meeting: Fact, sentence: Sentence, rule: str) -> None:
    refs = [r for r in ctx.refs_in(sentence.start, sentence.end) if not ctx.in_quote(r.start)]
    if not refs and re.search(r"\b(?:he|she)\b", ctx.doc.text[sentence.start:sentence.end], re.I):
        refs = [r for r in ctx.refs if r.end <= sentence.start and not ctx.in_quote(r.start)][-1:]
    for ref in refs:
        meeting.add("participant", Ref(ref.person))
    if refs:
        meeting.cite(Span(sentence.start, sentence.end))


def _anaphoric_agents(ctx: Context, meeting: Fact, sentence: Sentence) -> None:
    text = _text(ctx, sentence)
    if not re.match(r"(?:The|This|That)\s+\w+(?:\s+\w+)?\s+(?:was|were)\s+(?:agreed|signed|adopted|announced|endorsed)\s+at\b", text):
        return
    earlier = [s for s in ctx.sentences if s.index == sentence.index - 1]
    for previous in earlier:
        _add_participants(ctx, meeting, previous, "participation")


def _delegation(ctx: Context, sentence: Sentence, meetings: list[Fact]) -> None:
    text = ctx.doc.text
    match = re.compile(r"\bdelegation\s+(?:to|in|at)\s+").search(text, sentence.start, sentence.end)
    if not match:
        return
    places = [m.key for m in ctx.mentions_in(match.end(), sentence.end)][:1]
    for meeting in meetings:
        place = meeting.first("place")
        if place and places and place.key == places[0]:
            for ref in ctx.refs_in(sentence.start, match.start()):
                meeting.add("participant", Ref(ref.person))


def _dated(ctx: Context, sentence: Sentence, taken: set) -> list[Fact]:
    facts = []
    text = _text(ctx, sentence)
    for mention in ctx.dates[sentence.index]:
        if not mention.value or mention.value in taken:
            continue
        taken.add(mention.value)
        cls = next((c for c, pattern in _KIND_VERBS if re.search(pattern, text, re.I)), "Event")
        fact = Fact(cls, ctx.fact_key(cls, sentence.start, sentence.end), Span(sentence.start, sentence.end), "dated_sentence")
        fact.add("date", mention.value)
        fact.label = tidy(text)[:200]
        facts.append(fact)
    return facts
