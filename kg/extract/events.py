"""Dated events: meetings, visits and summits with place and participants; other dated happenings.

Rules: ``meeting`` opens a meeting from a sentence with a named meeting, or a
meeting noun or verb with a date and a named person ("met her Dutch
counterpart ... in The Hague on 11 May"); ``participation`` adds the people of
later sentences that speak of the same meeting ("Around the table were ...",
"The treaty was also signed by ...", "the three days of talks"), and moves
its date back when they say it opened earlier; ``delegation`` adds "X joined
the UK delegation to Rome". A meeting's date is the one stated in the clause
that names it, else the narrative's date; one dated after publication is a
plan, not a meeting. Every other resolved date in narrative text becomes an
event of the kind its verb says (announcement, agreement, legislative step),
so that the timeline holds what the document dates.
"""
from __future__ import annotations

import re
import string
from collections import Counter
from datetime import timedelta
from functools import lru_cache
from dataclasses import dataclass

from kg.extract.context import Context
from kg.extract.cues import alternation, cue_pattern, has_cue, word_pattern
from kg.extract.entities import UPPER, Entity, entity_key, gazetteer_entity
from kg.model import DateValue, Fact, Ref, Sentence, Span
from kg.patterns import meeting_noun_pattern, patterns
from kg.values.dates import MONTHS, WEEKDAYS
from kg.values.names import fold, tidy

_PLACE_FAMILIES = ("place", "state")
_KIND_VERBS = [("Agreement", r"\b(?:agreed|signed|struck|adopted|concluded|agreement|treaty|deal)\b"),
               ("LegislativeEvent", r"\b(?:introduced|laid before|passed|came into force|royal assent|bill|act)\b"),
               ("Announcement", r"\b(?:announced|announces|unveiled|launched|confirmed|set out)\b")]
_TRIP_DAYS = 3  # a meeting with no place of its own is placed where the trip was within this many days
# People who sign, agree or launch something together meet ("she launched the project together with the Minister").
_BY = re.compile(r"[^;.]{0,90}?\bby\b")  # "signed yesterday (Thursday, 19 March) at the IOM office in Gulshan-1, Dhaka, by"
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_URGED = re.compile(r"(?<=called on)\s+[^,.;:]{1,60}?\sto\s+[a-z]+")  # 'has called on UNHCR to take responsibility'
_VERB_OBJECT = re.compile(r"\s+(?:the|a|an|its|their|our|his|her|these|those|every)\s")  # 'meeting the challenge'
_VERB_SUBJECT = re.compile(r"(?:\b(?:is|are|was|were|be|been)|(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<![’']s\s)\b[A-Z][\w-]*)\s+$")
_AT_THE = re.compile(r"\b(?i:at|during)\s+the\s+(?:(?:close|end|start|opening|margins|sidelines)\s+of\s+the\s+)?$")
_SIGNED_THING = re.compile(r"The\s+(?P<thing>[a-z]+)\s+(?:was|were|has\s+been)\s+signed\b")  # 'The agreement was signed'
_PRESENCE = re.compile(r"[^;.]{0,90}?\b(?:in\s+the\s+presence\s+of|witnessed\s+by)\b")  # 'signed in Amman in the presence of'
_TRAVEL_CLAUSE_END = re.compile(r",\s+(?:after|before|where|when|which|who|as|following|within|to)\b|;|\s+(?:after|within|following)\b")
# 'at Villa Orsini', 'at the port of Marina de Gammarth' (a particle may join the name's words)
_PLACE_KIND = r"(?:port|town|city|village|harbour|island|district|province|region|municipality|county)\s+of\s+"  # 'the province of '
_UNKNOWN_PLACE = re.compile(rf"\b(?i:at|in|to)\s+(?:the\s+)?(?:{_PLACE_KIND})?"
                            rf"(?P<name>[{UPPER}][\w’'-]+(?:\s+(?:(?:de|del|di|da|du|la|le|al|el)\s+)?[{UPPER}][\w’'-]+){{0,3}})")
_DATELINE = re.compile(rf"(?P<place>[{UPPER}][\w’'-]*(?:[ -][{UPPER}][\w’'-]*)*),\s")  # 'Malé, 15 April 2020'
_CAPITAL_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z’'.-]+(?:\s[A-Z][A-Z’'.-]+)*)(?:,[^–—-]{1,30})?\s+[–—-]{1,2}\s")  # 'WASHINGTON – '
_ON_BEHALF = re.compile(r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of)\s+(?:the\s+)?$", re.I)
_AFTER = re.compile(r"\b(?:after|follows|followed)\s+", re.I)
_SINCE = re.compile(r"\bsince\b[^,;.]{0,60}$", re.I)  # 'first official visit since he was elected last May'
_VISIT_TO = re.compile(r"\s+(?:(?:of|by)\s+[^.;]{1,80}?\s+)?to\s+(?:the\s+)?")  # "visit of the Minister to", "visit by the delegation to"
_AT_OR_IN = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?")
_SPACE_THE = re.compile(r"\s+(?:the\s+)?")
_A_NEW = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$")  # 'a private working ' before a meeting noun


@dataclass
class Cues:
    """What in a sentence speaks of a meeting."""

    named: list
    noun: re.Match | None
    verb: re.Match | None

    @property
    def position(self) -> int:
        found = [m.start for m in self.named] + [m.start() for m in (self.noun, self.verb) if m]
        return min(found)


def extract_events(ctx: Context) -> list[Fact]:
    meetings: list[Fact] = []
    others: list[Fact] = []
    current: Fact | None = None
    narrative = [s for s in ctx.sentences if not ctx.in_quote(s.start)]
    for sentence in narrative:
        current = _meeting(ctx, sentence, current, meetings)
        _delegation(ctx, sentence, meetings)
    kept = [m for m in meetings if (m.props.get("participant") or m.first("place")) and not _alone(m)]
    for sentence in narrative:
        taken = {m.first("date") for m in kept if sentence.start in (m.evidence.start, *(s.start for s in m.more_evidence))}
        others += _dated(ctx, sentence, taken)
    return kept + others


def _alone(meeting: Fact) -> bool:
    """A journey that no one else joined: 'flew to Indonesia' tells of a trip, its meetings are told apart."""
    return meeting.rule == "journey" and len(set(meeting.props.get("participant", []))) < 2


_STANDING = re.compile(r"\b(?:is|are)\s+$")  # 'It is chaired by the Minister': a standing role, not a meeting held


def _meeting_as_verb(text: str, start: int, noun: re.Match) -> bool:
    """'the results showed HSI meeting the challenge', 'officers are meeting the demand': 'meeting' a verb, after a
    subject or 'be' and before its object; not 'At the EU meeting the ministers agreed'."""
    return noun.group().lower() == "meeting" and bool(_VERB_OBJECT.match(text, noun.end())) \
        and bool(_VERB_SUBJECT.search(text, start, noun.start()))


def _cues(ctx: Context, sentence: Sentence) -> Cues:
    text = ctx.doc.text
    named = [m for m in ctx.mentions_in(sentence.start, sentence.end)
             if ctx.entities[m.key].family == "event" and not ctx.in_quote(m.start)]
    held = [(r.start, r.end) for r in ctx.refs_in(sentence.start, sentence.end)]  # 'Chief of Mission of IOM, X': a title
    held += [(m.start, m.end) for m in ctx.mentions_in(sentence.start, sentence.end)
             if ctx.entities[m.key].family == "org"]  # 'the Euro-African Dialogue on Migration and Development': a body
    nouns = [m for m in meeting_noun_pattern().finditer(text, sentence.start, sentence.end)
             if not ctx.in_quote(m.start()) and not any(s <= m.start() < e for s, e in held)
             and not _meeting_as_verb(text, sentence.start, m)]
    noun = next((m for m in nouns if _named_before(ctx, sentence.start, m.start())), nouns[0] if nouns else None)
    verb = next((m for m in cue_pattern("meeting_verbs").finditer(text, sentence.start, sentence.end)
                 if not ctx.in_quote(m.start()) and not _STANDING.search(text, max(sentence.start, m.start() - 8), m.start())
                 and not _URGED.match(text, m.end(), sentence.end)), None)
    if verb is None:
        verb = next((m for m in cue_pattern("journey_verbs").finditer(text, sentence.start, sentence.end)
                     if not ctx.in_quote(m.start())), None)
    if verb is None and len(_people(ctx, sentence)) >= 2:
        verb = next((m for m in word_pattern("signing_verbs").finditer(text, sentence.start, sentence.end) if _signers(ctx, sentence, m)), None)
    elif verb is None and has_cue("guest_words", sentence.text):  # 'X and his counterparts ... adopted a declaration'
        verb = next((m for m in word_pattern("joint_signing_verbs").finditer(text, sentence.start, sentence.end)
                     if _signers(ctx, sentence, m)), None)
    if verb is None:
        verb = _hosting(ctx, sentence)
    if verb is None:
        verb = next((m for m in _passive_meeting().finditer(text, sentence.start, sentence.end)
                     if not ctx.in_quote(m.start())), None)
    if noun and verb and ":" in text[noun.end():verb.start()]:
        noun = None  # 'the second gathering this week: on Tuesday, Merz met Söder': the clause after the colon tells it
    return Cues(named, noun, verb)


@lru_cache(maxsize=1)
def _passive_meeting() -> re.Pattern:
    """'were received today (Wednesday 11 October) by': a passive meeting verb whose 'by' comes after an aside."""
    verbs = "|".join(re.escape(v) for v in patterns("facts")["passive_meeting_verbs"])
    return re.compile(rf"\b(?:was|were|been)\s+(?:warmly\s+)?(?:{verbs})\b(?=[^.;]{{0,80}}?\bby\b)")


def _hosting(ctx: Context, sentence: Sentence) -> re.Match | None:
    """'Dobrindt welcomed his counterparts from France, Poland ... to the Zugspitze': a host receiving guests is a
    meeting; 'welcomed the decision' is not, so the guests must be counterparts, ministers or a delegation."""
    for verb in cue_pattern("hosting_verbs").finditer(ctx.doc.text, sentence.start, sentence.end):
        clause = ctx.doc.text[verb.end():sentence.end].split(";")[0]
        if not ctx.in_quote(verb.start()) and cue_pattern("guest_words").search(clause):
            return verb
    return None


def _listed_participants(ctx: Context, sentence: Sentence) -> bool:
    """An item of a list introduced by 'Taking part were:' or 'Participants included:'."""
    intro = ctx.intro_of(sentence)
    return intro is not None and has_cue("participation_cues", intro.text) and not ctx.in_quote(sentence.start)


def _elsewhere(ctx: Context, sentence: Sentence, position: int, current: Fact | None) -> bool:
    """Whether a sentence dates and places what people joined, and not as the current meeting."""
    date, place = _clause_date(ctx, sentence, position), _place(ctx, sentence, [], position)
    if date is None or place is None or not _people(ctx, sentence):
        return False
    return current is None or (current.first("date") != date and current.first("place") != place)


def _signers(ctx: Context, sentence: Sentence, verb: re.Match) -> bool:
    """'Cooper and Retailleau signed', 'signed last week by ...', 'signed in Amman in the presence of ...': people sign
    or see it signed; 'a contract signed in 2024, when ...' is no meeting."""
    return bool(_BY.match(ctx.doc.text, verb.end(), sentence.end) or _PRESENCE.match(ctx.doc.text, verb.end(), sentence.end)) or any(
        r.end <= verb.start() and not ctx.in_quote(r.start) for r in _people(ctx, sentence))


def _meeting(ctx: Context, sentence: Sentence, current: Fact | None, meetings: list[Fact]) -> Fact | None:
    """Open a meeting, or add this sentence to the current one; return the meeting now current."""
    if current is not None and _listed_participants(ctx, sentence):
        _add_participants(ctx, current, sentence)
        return current
    told_before = _held_as_told(ctx, sentence, meetings)
    if told_before is not None:
        return told_before
    if sentence.index and ctx.heading(sentence):
        return current  # 'Talks with Prime Minister Hun Manet': the paragraphs under a heading tell the meeting
    cues = _cues(ctx, sentence)
    if not (cues.named or cues.noun or cues.verb):
        joined = cue_pattern("participation_cues").search(ctx.doc.text, sentence.start, sentence.end)
        if joined and _elsewhere(ctx, sentence, joined.start(), current):
            cues = Cues([], None, joined)  # 'Last week Lammy joined ministers in Strasbourg': another meeting
        else:
            if current is not None and joined:
                _add_participants(ctx, current, sentence)
            if current is not None:
                _narrow_place(ctx, sentence, current)
            return current
    date = _clause_date(ctx, sentence, cues.position)
    place = _destination(ctx, cues) or _after_cue(ctx, sentence, cues) or _place(ctx, sentence, cues.named, cues.position) \
        or _visited(ctx, sentence, cues)
    same = _same_named(ctx, cues.named, meetings) or _same_day(cues, date, place, meetings)
    if same is not None:
        _join(ctx, same, sentence, date, place)
        return same
    called = _called(ctx, sentence, cues, meetings)
    moved = current is not None and cues.verb is None and _paragraph_told_another_day(ctx, sentence, current)
    if called is not None and place is None:
        if cues.verb or has_cue("participation_cues", sentence.text) or _told_at(ctx, sentence, cues):
            _join(ctx, called, sentence, date if word_pattern("opening_verbs", re.I).search(sentence.text) else None, None)
        return called
    if current is not None and not cues.named and not moved and _continues(ctx, sentence, cues, date, place, current):
        if cues.verb or has_cue("participation_cues", sentence.text):
            _join(ctx, current, sentence, date if word_pattern("opening_verbs", re.I).search(sentence.text) else None, place)
        return current
    if current is not None and cues.named and date is None and current.evidence.start >= _paragraph_start(ctx, sentence) \
            and not word_pattern("later_words").search(sentence.text):  # 'The ... Conference followed a month later': another occasion
        current.label = ctx.entities[cues.named[0].key].label
        _join(ctx, current, sentence, None, place)
        return current
    told = cues.verb or (cues.noun and not ctx.dates[sentence.index])  # 'The launch ceremony was hosted by ...'
    if date is None and told and _people(ctx, sentence) and (current is None or _scene_change(ctx, sentence)
                                                             or _moved_on(ctx, sentence, cues, place, current)
                                                             or _another_day_told(ctx, sentence, current) or moved):
        date = _signing_told(ctx, sentence) or _narrative_date(ctx, sentence) or _narrative_month(ctx, sentence) \
            or _lede_date(ctx, sentence)
    if not cues.named and (date is None or (cues.noun is None and not _people(ctx, sentence))):
        return current
    later = word_pattern("later_words").search(sentence.text)  # 'followed a month later': not the day the narrative last told
    return _open(ctx, sentence, cues, date or (None if later else _narrative_date(ctx, sentence)), place, meetings) or current


@lru_cache(maxsize=1)
def _it_was_held() -> re.Pattern:
    """'It was opened', 'It had been officially held': a verb of facts.yaml ``holding_verbs`` told of the event before."""
    return re.compile(rf"It\s+(?:was|had\s+been)\s+(?:officially\s+)?(?:{alternation('holding_verbs')})\b")


def _held_as_told(ctx: Context, sentence: Sentence, meetings: list[Fact]) -> Fact | None:
    """'The inaugural National Border Management Conference followed a month later. It was opened on Tuesday, 2 April
    2024, at the Kempinski in Nairobi by ...': the event the sentence before named, held when and where this one
    says, with the people it names."""
    held = _it_was_held().match(ctx.doc.text, sentence.start, sentence.end)
    if held is None or sentence.index == 0 or ctx.in_quote(sentence.start):
        return None
    previous = ctx.sentences[sentence.index - 1]
    named = [m for m in ctx.mentions_in(previous.start, previous.end) if ctx.entities[m.key].family == "event"]
    if not named or any(m.first("date") and m.label == ctx.entities[named[0].key].label for m in meetings):
        return None
    cues = Cues(named[-1:], None, held)
    date = _clause_date(ctx, sentence, held.end())
    return _open(ctx, sentence, cues, date, _place(ctx, sentence, [], held.end()), meetings) if date else None


def _open(ctx: Context, sentence: Sentence, cues: Cues, date: DateValue | None, place: Ref | None,
          meetings: list[Fact]) -> Fact | None:
    published = ctx.doc.published
    if date is None or (published is not None and date.as_date() > published):
        return None
    cls = _meeting_class(ctx, cues)
    rule = "journey" if _journey(cues) else "meeting"
    fact = Fact(cls, ctx.fact_key(cls, sentence.start, sentence.end), Span(sentence.start, sentence.end), rule)
    fact.add("date", date)
    if place is None and not _call(cues):  # a call is placed only where its own sentence says
        place = _named_place(ctx, cues.named) or _narrative_place(ctx, sentence) or _trip_place(date, meetings) \
            or _dateline_place(ctx, date, sentence)
    fact.add("place", place)
    fact.label = _meeting_label(ctx, sentence, cues, fact)
    if rule == "journey":
        _add_travellers(ctx, fact, sentence, cues.verb)
    else:
        _add_participants(ctx, fact, sentence)
    _anaphoric_agents(ctx, fact, sentence)
    meetings.append(fact)
    return fact


def _named_place(ctx: Context, named: list) -> Ref | None:
    """Where the text places the event a meeting is named after, wherever it does so, by that name or a longer one
    ('INTERPOL, meeting for its 92nd General Assembly in Glasgow, announced ...' places the 'General Assembly' the
    Prime Minister opened on Monday)."""
    labels = {ctx.entities[mention.key].label for mention in named}
    for mention in ctx.mentions:
        label = ctx.entities[mention.key].label
        if (label in labels or label.endswith(tuple(f" {known}" for known in labels))) and not ctx.in_quote(mention.start):
            at = _AT_OR_IN.match(ctx.doc.text, mention.end)
            place = ctx.mention_at(at.end(), at.end() + 60) if at else None
            if place is not None and ctx.entities[place.key].family in _PLACE_FAMILIES:
                return Ref(place.key)
    return None


def _join(ctx: Context, meeting: Fact, sentence: Sentence, date: DateValue | None, place: Ref | None) -> None:
    """Add a sentence's people to a meeting; an earlier opening date becomes its start."""
    known = meeting.first("date")
    if date is not None and (known is None or date.as_date() < known.as_date()):
        meeting.props["date"] = [date]
    if place is not None and meeting.first("place") is None:
        meeting.add("place", place)
    _add_participants(ctx, meeting, sentence)
    meeting.cite(Span(sentence.start, sentence.end))


def _same_day(cues: Cues, date: DateValue | None, place: Ref | None, meetings: list[Fact]) -> Fact | None:
    """'a joint press conference ... on Tuesday': the meeting already held that day, when no other place is named."""
    if cues.named or date is None or place is not None or date.precision != "day":
        return None
    same = [m for m in meetings if m.first("date") == date]
    return same[-1] if same else None


def _called(ctx: Context, sentence: Sentence, cues: Cues, meetings: list[Fact]) -> Fact | None:
    """'The summit comes days after ...': the meeting already described by that noun."""
    if cues.named or cues.noun is None:
        return None
    before = re.sub(r"\([^)]*\)\s*", "", ctx.doc.text[sentence.start:cues.noun.start()])
    if not _definite_pattern().search(before):
        return None
    noun = cues.noun.group().lower()
    same = [m for m in meetings if noun in m.label.lower() or m.cls.lower() == noun]
    if same and noun in patterns("facts")["generic_meeting_nouns"]:
        return latest_held(same)  # 'joined the bilateral meeting': not a signing told since
    return same[-1] if same else None


def latest_held(meetings: list[Fact]) -> Fact:
    """Of dated meetings, the one held last (the last told of those held that day): what 'the meeting' a
    sentence speaks of is, rather than one told as background since."""
    return max(reversed(meetings), key=lambda m: m.first("date").as_date())


def _same_named(ctx: Context, named: list, meetings: list[Fact]) -> Fact | None:
    """The meeting already opened under the same name ('the 92nd Interpol General Assembly')."""
    for mention in named:
        name = _core_name(ctx.entities[mention.key].label)
        for meeting in meetings:
            if _core_name(meeting.label) == name or _core_name(meeting.label).startswith(name + " in "):
                return meeting
    return None


def _core_name(label: str) -> str:
    return re.sub(r"^(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?", "", fold(label))


def _paragraph_told_another_day(ctx: Context, sentence: Sentence, current: Fact) -> bool:
    """'On May 5 this year, the Tagnob border outpost opened ... X, Y and Z attended the opening ceremony' after a
    meeting of December: the paragraph, since the current meeting was told, gave a day of its own, so the
    ceremony its noun names (no meeting verb) is another occasion."""
    known = current.first("date")
    earlier = ctx.sentence_before(sentence)
    while known is not None and earlier is not None and earlier.start >= current.evidence.end:
        if any(d.value and d.value.precision == "day" and d.value != known and not ctx.in_quote(d.start)
               for d in ctx.dates[earlier.index]):
            return True
        earlier = ctx.sentence_before(earlier)
    return False


def _another_day_told(ctx: Context, sentence: Sentence, current: Fact) -> bool:
    """'... concluded during the Foreign Secretary's visit. David Lammy arrived in Pristina on Tuesday evening
    (1 April). He was welcomed by ...': the sentence just before told an earlier day than the current meeting's,
    which the release's own day gave it; the story went back to the visit's first day."""
    known, before = current.first("date"), ctx.sentence_before(sentence)
    if known is None or known != ctx.published_value() or before is None or before.start < current.evidence.end:
        return False
    return any(d.value and d.value.precision == "day" and d.value.as_date() < known.as_date() and not ctx.in_quote(d.start)
               for d in ctx.dates[before.index])


def _narrow_place(ctx: Context, sentence: Sentence, current: Fact) -> None:
    """'... visited Finland's eastern border today. At the Vaalimaa border crossing point the Minister and the
    Commissioner were briefed ...': a meeting placed only in a country is where a later sentence of its
    paragraph opens, a place in that country (or one the gazetteer does not know)."""
    known = current.first("place")
    if known is None or ctx.entities[known.key].family != "state" or not _scene_change(ctx, sentence):
        return  # asked of every sentence without a cue: the cheap tests first
    paragraph = min(s.start for s in ctx.sentences if s.paragraph == sentence.paragraph)
    if not paragraph <= current.evidence.start < sentence.start:
        return
    opening = _scene_pattern().match(ctx.doc.text, sentence.start, sentence.end)
    place = ctx.mention_at(opening.end(), sentence.end)
    if place is not None and ctx.entities[place.key].family == "place" and ctx.entities[place.key].country in (None, known.key):
        current.props["place"] = [Ref(place.key)]
        current.cite(Span(sentence.start, sentence.end))


def _moved_on(ctx: Context, sentence: Sentence, cues: Cues, place: Ref | None, current: Fact) -> bool:
    """A sentence told at another place than the current meeting, as a new scene ('Later, ...') or a new meeting."""
    elsewhere = place is not None and place != current.first("place")
    return elsewhere and (_scene_change(ctx, sentence) or _indefinite(ctx, sentence, cues))


def _indefinite(ctx: Context, sentence: Sentence, cues: Cues) -> bool:
    """'began the day with a private working lunch at the Royal Oak': a meeting noun told as a new one."""
    return cues.noun is not None and bool(_A_NEW.search(ctx.doc.text, max(sentence.start, cues.noun.start() - 40), cues.noun.start()))


def _paragraph_start(ctx: Context, sentence: Sentence) -> int:
    return min(s.start for s in ctx.sentences if s.paragraph in (sentence.paragraph, sentence.paragraph - 1))


def _continues(ctx: Context, sentence: Sentence, cues: Cues, date: DateValue | None, place: Ref | None,
               current: Fact) -> bool:
    """A sentence that speaks of 'the talks' or 'the summit' without a new place or a distant date."""
    if date is None:
        return not (_moved_on(ctx, sentence, cues, place, current) or _another_day_told(ctx, sentence, current))
    if place is not None or cues.noun is None:
        return False
    before = re.sub(r"\([^)]*\)\s*", "", ctx.doc.text[sentence.start:cues.noun.start()])
    if current.cls == "Summit" and _bilateral_pattern().search(before):
        return False  # 'At his first bilateral meeting, with ...': a meeting of two on a summit's margins
    if not _definite_pattern().search(before):
        return False
    known = current.first("date")
    return known is None or abs((date.as_date() - known.as_date()).days) <= 7


def _clause_date(ctx: Context, sentence: Sentence, position: int) -> DateValue | None:
    """The date of the clause that names the meeting, leaving out asides (', who moved ... last month,')."""
    asides = _asides(ctx, sentence, position)
    after = [m.start() for m in _AFTER.finditer(ctx.doc.text, sentence.start, position)
             if m.end() < position]  # 'confirmed today after talks with ...' were the same day: no clause between
    found = [d for d in ctx.dates[sentence.index] if d.value and not ctx.in_quote(d.start)
             and not any(s <= d.start < e for s, e in asides)
             and not any(d.start < a for a in after)  # 'today set out ..., after the Commander held talks in Paris
             and not _SINCE.search(ctx.doc.text[sentence.start:d.start])]  # when a period began, not the day met
    dates = [d for d in found if d.value.precision != "year"] or [
        d for d in found if d.rule == "relative" and d.start > position and _before_this_year(ctx, d.value)]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - position)).value


def _before_this_year(ctx: Context, year: DateValue) -> bool:
    """'met Peter Dutton twice last year': a year told relative to the release's, before it ('this year's summit'
    says nothing of the day)."""
    published = ctx.doc.published
    return published is not None and int(year.iso) < published.year


def _asides(ctx: Context, sentence: Sentence, position: int) -> list[tuple[int, int]]:
    """The relative clauses of a sentence (', who arrived in Kigali last night,') that do not hold ``position``."""
    return [(start, end) for start, end in ctx.clause_asides(sentence) if not (start <= position < end)]


def _narrative_date(ctx: Context, sentence: Sentence) -> DateValue | None:
    """The last day-precision date the narrative gave, in this paragraph or the one before."""
    text = ctx.doc.text
    asides = [(s, e) for s, e in _asides(ctx, sentence, sentence.end) if re.match(r",\s+who\b", text[s:e])]  # a person's doings
    for earlier in reversed(ctx.sentences[:sentence.index + 1]):
        if earlier.paragraph < sentence.paragraph - 1:
            break
        for mention in ctx.dates[earlier.index]:
            if mention.value and mention.value.precision == "day" and not ctx.in_quote(mention.start) \
                    and not any(s <= mention.start < e for s, e in asides) and not _future(ctx, mention.value):
                return mention.value  # not 'From tomorrow, teams will work ...': a plan, not the day told
    return None


def _told_at(ctx: Context, sentence: Sentence, cues: Cues) -> bool:
    """'At the close of the conference on Wednesday, X handed the chair to Y': what the sentence tells happened at
    the meeting its noun names, so the people it names were there."""
    return cues.noun is not None and bool(_AT_THE.search(ctx.doc.text, sentence.start, cues.noun.start()))


def _signing_told(ctx: Context, sentence: Sentence) -> DateValue | None:
    """'The agreement was signed in Amman in the presence of ...' after '... yesterday (Tuesday 19 September) signed
    an agreement': the day an earlier sentence gave the signing of the thing it names."""
    told = _SIGNED_THING.match(sentence.text)
    if told is None:
        return None
    noun = re.compile(rf"\bsigned\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?{re.escape(told.group('thing'))}\b", re.I)
    for earlier in reversed(ctx.sentences[:sentence.index]):
        signed = noun.search(earlier.text)
        days = [d for d in ctx.dates[earlier.index] if d.value and d.value.precision == "day"] if signed else []
        if days:
            at = earlier.start + signed.start()
            return min(days, key=lambda d: abs(d.start - at)).value
    return None


def _future(ctx: Context, value: DateValue) -> bool:
    return ctx.doc.published is not None and value.as_date() > ctx.doc.published


def _lede_date(ctx: Context, sentence: Sentence) -> DateValue | None:
    """A release's first sentence of prose tells the news of its day: 'Home Secretary Priti Patel ... signed the
    partnership' under 'Kigali, 14 April 2022' happened on the publication date."""
    return ctx.published_value() if ctx.lede() is sentence else None


@lru_cache(maxsize=1)
def _bilateral_pattern() -> re.Pattern:
    words = "|".join(map(re.escape, patterns("facts")["bilateral_words"]))
    return re.compile(rf"\b(?:{words})\s+(?:[\w’'-]+\s+)?$", re.I)


@lru_cache(maxsize=1)
def _definite_pattern() -> re.Pattern:
    """Words ending on a determiner and up to three words: the meeting noun after them is one already described."""
    words = "|".join(_apostrophes(word) for word in patterns("facts")["definite_words"])
    return re.compile(rf"\b(?:{words})\s+(?:[\w’'-]+\s+){{0,3}}$", re.I)


@lru_cache(maxsize=1)
def _travel_pattern() -> re.Pattern:
    """Words ending on a travel verb ('flew to', 'visited the'): the place after them is where the subject went."""
    facts = patterns("facts")
    verbs = "|".join(map(re.escape, facts["travel_verbs"]))
    words = "|".join(map(re.escape, facts["travel_words"]))
    return re.compile(rf"\b(?:(?:{verbs})\s+(?:on\s+|onwards?\s+)?(?:to|in)|{words})\s+(?:the\s+)?$", re.I)  # 'travelled on to'


def _apostrophes(word: str) -> str:
    """A cue word as a pattern that accepts a straight or a curly apostrophe."""
    return re.escape(word).replace("'", "[’']")


@lru_cache(maxsize=1)
def _scene_pattern() -> re.Pattern:
    openers = "|".join(map(re.escape, patterns("facts")["scene_openers"]))
    return re.compile(rf"\s*(?:(?:{openers}),?\s+)?(?:[Ii]n|[Aa]t)\s+(?:the\s+)?")


def _scene_change(ctx: Context, sentence: Sentence) -> bool:
    """'In Belgrade, the Foreign Secretary met ...': a sentence that opens on a place moves the story there."""
    opening = _scene_pattern().match(ctx.doc.text, sentence.start, sentence.end)
    return bool(opening) and any(m.start == opening.end() and ctx.entities[m.key].family in _PLACE_FAMILIES
                                 for m in ctx.mentions_in(sentence.start, sentence.end))


def _narrative_month(ctx: Context, sentence: Sentence) -> DateValue | None:
    """'In Belgrade, the Foreign Secretary met ...' paragraphs after the visit's last date: that date's month."""
    for earlier in reversed(ctx.sentences[:sentence.index]):
        for mention in reversed(ctx.dates[earlier.index]):
            if mention.value and mention.value.precision == "day" and not ctx.in_quote(mention.start):
                return DateValue(mention.value.iso[:7], "month")
    return None


def _meeting_class(ctx: Context, cues: Cues) -> str:
    nouns = patterns("facts")["meeting_nouns"]
    if cues.named:
        return ctx.entities[cues.named[0].key].cls
    if cues.noun:
        return nouns.get(cues.noun.group().lower(), "Meeting")
    visits = patterns("facts")["travel_verbs"]
    return "Visit" if _journey(cues) or (cues.verb and cues.verb.group().lower().startswith(tuple(visits))) else "Meeting"


def _meeting_label(ctx: Context, sentence: Sentence, cues: Cues, fact: Fact) -> str:
    if cues.named:
        return ctx.entities[cues.named[0].key].label
    text = ctx.doc.text
    if cues.noun:
        before = _named_before(ctx, sentence.start, cues.noun.start())
        adjective = re.search(r"(?<![’'])(\b[a-z]+\s+)$", text[sentence.start:cues.noun.start()])  # not 's' of "today's"
        head = tidy(before.group(1)) if before else (adjective.group(1).strip() if adjective else "")
        if head.lower() in ("the", "a", "an", "recent", "this", "that"):
            head = ""
        label = f"{head} {cues.noun.group()}".strip() + _of_body(ctx, cues.noun.end(), sentence.end)
        place = fact.first("place")
        return f"{label} in {ctx.entities[place.key].label}" if place else label
    place = fact.first("place")
    if _journey(cues) and place:
        return f"visit to {ctx.entities[place.key].label}"
    return tidy(sentence.text)[:200]


def _named_before(ctx: Context, start: int, noun: int) -> re.Match | None:
    """The name before a meeting noun, with the adjectives between: 'MED5 informal ministerial [meeting]',
    'Calais Group [meeting]'; not 'The [visit]'."""
    match = _NAME_BEFORE_NOUN.search(ctx.doc.text, max(start, noun - 120), noun)
    if match is None or match.group(1).split()[0] in ctx.finder.stopwords:
        return None
    return match


_NAME_BEFORE_NOUN = re.compile(r"((?:[A-Z0-9][\w’'&-]*\s+){1,6}(?:[a-z-]+(?:al|ic|ive|ary|level)\s+){0,3})$")


def _of_body(ctx: Context, end: int, stop: int) -> str:
    """' of the Calais Group' after a meeting noun: the body that met, part of the meeting's name."""
    joint = re.compile(r"\s+of\s+(?:the\s+)?").match(ctx.doc.text, end, stop)
    body = joint and ctx.mention_at(joint.end(), stop)
    if not body or ctx.entities[body.key].family not in ("org", "group"):
        return ""
    return f"{ctx.doc.text[end:joint.end()]}{ctx.entities[body.key].label}"


# -- where ---------------------------------------------------------------------------
_PLACE_RANK = {"Venue": 0, "City": 1, "Place": 1, "Region": 2, "State": 3}


def _place(ctx: Context, sentence: Sentence, named: list, position: int | None = None) -> Ref | None:
    """Where a sentence's meeting is: a venue 'at' before a city 'in', a city before a region or a state."""
    within = _place_in_name(ctx, named)
    if within:
        return within
    candidates = _places(ctx, sentence)
    unknown = _unknown_place(ctx, sentence)
    if unknown:
        candidates.append((1, ctx.doc.text.find(ctx.entities[unknown.key].label, sentence.start), unknown))
    if candidates:
        return min(candidates, key=lambda c: (c[0], c[1]))[2]
    return _anaphoric_place(ctx, sentence)


def _after_cue(ctx: Context, sentence: Sentence, cues: Cues) -> Ref | None:
    """'for the 35th UK-France Summit at the Royal Military Academy Sandhurst': the place right after the meeting's
    name or noun, before any other the sentence names ('an extra £44.5 million in security at Calais')."""
    ends = [m.end for m in cues.named] + ([cues.noun.end()] if cues.noun else [])
    for end in ends:
        at = _AT_OR_IN.match(ctx.doc.text, end, sentence.end)
        if not at or ctx.in_quote(at.end()):
            continue
        mention = ctx.mention_at(at.end(), sentence.end)
        if mention is not None:
            entity = ctx.entities[mention.key]
            return Ref(mention.key) if entity.family in _PLACE_FAMILIES else _venue(ctx, mention.text) if entity.family == "org" else None
        unknown = _UNKNOWN_PLACE.match(ctx.doc.text, end + len(at.group()) - len(at.group().lstrip()), sentence.end)
        if unknown:
            return _unknown_place_named(ctx, unknown)
    return None


def _visited(ctx: Context, sentence: Sentence, cues: Cues) -> Ref | None:
    """'the Official Visit of President X to Japan': where a visit went, when the sentence names no nearer place
    ('On his first visit to Italy ..., Keir Starmer began the day at Italy's National Coordination Centre')."""
    if cues.noun is None or patterns("facts")["meeting_nouns"].get(cues.noun.group().lower()) != "Visit":
        return None  # a visit or a mission ('the mission of the Minister of the Interior, Marco Minniti, to Tripoli')
    to = _VISIT_TO.match(ctx.doc.text, cues.noun.end(), sentence.end)
    mention = ctx.mention_at(to.end(), sentence.end) if to else None
    if mention is None or ctx.doc.text[mention.end:mention.end + 2] in ("'s", "’s"):
        return None  # 'a visit ... to Bulgaria's border with Türkiye': somewhere in Bulgaria the dateline may name
    return Ref(mention.key) if ctx.entities[mention.key].family in _PLACE_FAMILIES else None


def _journey(cues: Cues) -> bool:
    """Whether the sentence tells of a journey ('travelled to') and names no meeting."""
    return not cues.named and cues.noun is None and cues.verb is not None \
        and cues.verb.group().lower() in patterns("facts")["journey_verbs"]


def _destination(ctx: Context, cues: Cues) -> Ref | None:
    """'flew to Indonesia within hours of being sworn in at Government House': a traveller is where they went."""
    if not _journey(cues):
        return None
    after = re.compile(r"\s+(?:the\s+)?").match(ctx.doc.text, cues.verb.end())
    return next((Ref(m.key) for m in ctx.mentions_in(after.end(), after.end() + 80)
                 if m.start == after.end() and ctx.entities[m.key].family in _PLACE_FAMILIES), None)


def _places(ctx: Context, sentence: Sentence) -> list[tuple[int, int, Ref]]:
    text = ctx.doc.text
    found = []
    for mention in ctx.mentions_in(sentence.start, sentence.end):
        entity = ctx.entities[mention.key]
        before = text[max(sentence.start, mention.start - 24):mention.start]
        at = re.search(r"\b(?i:at)\s+(?:the\s+)?(?:\d{1,4}\s+)?$", before)  # 'at 10 Downing Street'
        if ctx.in_quote(mention.start) or not (at or re.search(rf"\b(?i:in)\s+(?:the\s+)?(?:{_PLACE_KIND})?$", before)
                                               or _travel_pattern().search(before) or _gone_for_talks(ctx, mention, before)):
            continue
        if entity.family in _PLACE_FAMILIES:
            found.append((_PLACE_RANK.get(entity.cls, 2) - (1 if at else 0), mention.start, Ref(mention.key)))
        elif entity.family == "org" and re.match(r"\s+(?:headquarters|HQ|offices|site)\b", text[mention.end:mention.end + 14]):
            found.append((0, mention.start, Ref(mention.key)))
        elif entity.family == "org" and at and (venue := _venue(ctx, mention.text)):
            found.append((0, mention.start, venue))
    return found


def _venue(ctx: Context, name: str) -> Ref | None:
    """'signed at 10 Downing Street': an office named after its building, met in at the building (a places.yaml
    venue of that name)."""
    gazetteer = ctx.finder.gazetteer
    venues = [gazetteer.entries[i] for i in gazetteer.phrases.get(re.sub(r"^\d+\s+", "", name), [])
              if gazetteer.entries[i].cls == "Venue"]
    return Ref(ctx.finder.remember(gazetteer_entity(venues[0]))) if venues else None


def _gone_for_talks(ctx: Context, mention, before: str) -> bool:
    """'led a delegation ... to Panama City for talks with ...': where people went for a meeting."""
    if not re.search(r"\bto\s+(?:the\s+)?$", before):
        return False
    purpose = re.compile(r"\s+for\s+(?:[\w-]+\s+){0,2}?").match(ctx.doc.text, mention.end)
    return bool(purpose and meeting_noun_pattern().match(ctx.doc.text, purpose.end()))


def _unknown_place(ctx: Context, sentence: Sentence) -> Ref | None:
    """'at Villa Orsini', 'in Mirabella Eclano': a capitalised name no gazetteer knows."""
    for match in _UNKNOWN_PLACE.finditer(ctx.doc.text, sentence.start, sentence.end):
        if match.group().lower().startswith("to") and not _travel_pattern().search(ctx.doc.text[sentence.start:match.start() + 3]) \
                and not _hosting(ctx, sentence):
            continue
        place = _unknown_place_named(ctx, match)
        if place is not None:
            return place
    return None


def _unknown_place_named(ctx: Context, match: re.Match) -> Ref | None:
    """The place an _UNKNOWN_PLACE match names, unless it is a month, a weekday, someone's or something known."""
    name = match.group("name")
    if ctx.in_quote(match.start()) or any(m.start <= match.start("name") < m.end for m in ctx.mentions) \
            or name.split()[0].lower() in MONTHS or name.split()[0].lower() in WEEKDAYS \
            or any(r.start <= match.start("name") < r.end for r in ctx.refs) or name.endswith(("’s", "'s")) \
            or _modifies_a_noun(ctx, match.end()):
        return None  # 'in the Prime Minister's office': an owner, not a place; 'at the Eurostar terminal': a modifier
    return Ref(ctx.finder.remember(Entity(entity_key("Place", name), "Place", name)))


def _modifies_a_noun(ctx: Context, end: int) -> bool:
    """Whether a venue noun follows a name (facts.yaml ``venue_nouns``): 'the Eurostar terminal' names a terminal."""
    after = _NEXT_WORD.match(ctx.doc.text, end)
    return after is not None and after.group(1) in patterns("facts")["venue_nouns"]


def _anaphoric_place(ctx: Context, sentence: Sentence) -> Ref | None:
    """'visited the port' after 'the Port of Felixstowe': the place named before."""
    match = re.compile(r"\b(?:visited|toured|visit to|visit)\s+the\s+([a-z]+)\b").search(ctx.doc.text, sentence.start, sentence.end)
    if not match:
        return None
    word = match.group(1).capitalize()
    earlier = [m for m in ctx.mentions if m.end <= sentence.start and ctx.entities[m.key].family == "place"
               and word in ctx.entities[m.key].label.split()]
    return Ref(earlier[-1].key) if earlier else None


def _place_in_name(ctx: Context, named: list) -> Ref | None:
    """'Munich Security Conference' was held in Munich, when the gazetteer knows Munich."""
    for mention in named:
        first = ctx.entities[mention.key].label.split()[0]
        entries = [ctx.finder.gazetteer.entries[i] for i in ctx.finder.gazetteer.phrases.get(first, [])]
        places = [e for e in entries if e.kind == "place"]
        if places:
            return Ref(ctx.finder.remember(gazetteer_entity(places[0])))
    return None


def _narrative_place(ctx: Context, sentence: Sentence) -> Ref | None:
    """The place the previous sentence of the paragraph (or the one before) was set in."""
    for earlier in reversed(ctx.sentences[:sentence.index]):
        if earlier.paragraph < sentence.paragraph - 1:
            break
        place = _place(ctx, earlier, [])
        if place:
            return place
    return None


def _dateline_place(ctx: Context, date: DateValue, sentence: Sentence) -> Ref | None:
    """'Malé, 15 April 2020' above the lede, or 'WASHINGTON – ' opening it: a meeting held on the release's day
    that its text does not place was held where the release was written; so was one the lede tells of the day
    before ('joined ... at the Department of State yesterday')."""
    lede, published = ctx.lede(), ctx.doc.published
    if lede is None or published is None or date.precision != "day":
        return None
    if date.as_date() != published and not (sentence is lede and date.as_date() == published - timedelta(days=1)):
        return None
    for line in ctx.sentences[1:lede.index]:
        match = _DATELINE.match(line.text)
        if match is None or not ctx.dates[line.index]:
            continue
        known = ctx.mention_at(line.start, line.start + match.end("place"))
        if known is not None and ctx.entities[known.key].family == "place":
            return Ref(known.key)
    return _lede_dateline(ctx, lede)


def _lede_dateline(ctx: Context, lede: Sentence) -> Ref | None:
    """'WASHINGTON – Secretary ...', 'PANAMA CITY, June 24 – ': the place in capitals that opens the lede."""
    match = _CAPITAL_DATELINE.match(lede.text)
    gazetteer = ctx.finder.gazetteer
    for entry_id in gazetteer.phrases.get(string.capwords(match.group("place")), []) if match else []:
        entity = gazetteer_entity(gazetteer.entries[entry_id])
        if entity.family in _PLACE_FAMILIES:
            return Ref(ctx.finder.remember(entity))
    return None


def _call(cues: Cues) -> bool:
    return cues.noun is not None and "call" in cues.noun.group().lower()


def _trip_place(date: DateValue, meetings: list[Fact]) -> Ref | None:
    """Where the trip was on the nearest day (three at most) of a meeting already placed."""
    if date.precision != "day":
        return None
    day = date.as_date()
    placed = [(abs((m.first("date").as_date() - day).days), m.first("place")) for m in meetings
              if m.first("place") is not None and m.first("date") is not None and m.first("date").precision == "day"]
    near = [(gap, place) for gap, place in placed if gap <= _TRIP_DAYS]
    return min(near, key=lambda pair: pair[0])[1] if near else None


# -- who -------------------------------------------------------------------------------
def _people(ctx: Context, sentence: Sentence) -> list:
    """The people a sentence names outside quotes, but not one it names as absent ('On behalf of the President ...,
    he invited ...': the President sent him), nor one it names with an age (a defendant)."""
    text = ctx.doc.text
    pairs = [r for r in ctx.people.pairs if sentence.start <= r.start < sentence.end]  # 'The two ministers met'
    return [r for r in ctx.refs_in(sentence.start, sentence.end) + pairs
            if not ctx.in_quote(r.start) and not _ON_BEHALF.search(text, max(sentence.start, r.start - 20), r.start)
            and r.rule != "name_age"]  # 'Habil Gider, 34, ...': a defendant the court release names, at no meeting


def _add_participants(ctx: Context, meeting: Fact, sentence: Sentence) -> None:
    refs = _people(ctx, sentence)
    pronoun = re.search(r"\b(?:he|she|his)\b", sentence.text, re.I)  # "At his first bilateral meeting"
    if pronoun and not ctx.in_quote(sentence.start + pronoun.start()):
        subject = _antecedent(ctx, sentence, pronoun.group().lower() == "she")
        refs = refs + ([subject] if subject else [])
    for ref in refs:
        meeting.add("participant", Ref(ref.person))
    represented = _represented(ctx, sentence)
    for key in represented:
        meeting.add("participant", Ref(key))
    if refs or represented:
        meeting.cite(Span(sentence.start, sentence.end))


def _represented(ctx: Context, sentence: Sentence) -> list[str]:
    """'brought together representatives of France, Belgium, Germany and the Netherlands', 'took part, together
    with Europol and Frontex', 'ministers from Italy and Malta': the states and bodies a meeting's sentence lists as
    taking part (facts.yaml ``representation_cues``, ``state_representation_cues``)."""
    found = []
    for cues, families in (("representation_cues", ("org", "state")), ("state_representation_cues", ("state",))):
        for cue in cue_pattern(cues).finditer(ctx.doc.text, sentence.start, sentence.end):
            start = _SPACE_THE.match(ctx.doc.text, cue.end()).end()
            if not ctx.in_quote(cue.start()):
                found += ctx.named_list(start, sentence.end, lambda key: ctx.entities[key].family in families)
    return found


def _add_travellers(ctx: Context, meeting: Fact, sentence: Sentence, verb: re.Match) -> None:
    """'X travelled to Beirut with A, B and C, after the Prime Minister announced ...': who went is the subject
    and the companions, not everyone the sentence names."""
    text = ctx.doc.text
    stop = _TRAVEL_CLAUSE_END.search(text, verb.end(), sentence.end)
    end = stop.start() if stop else sentence.end
    company = re.compile(r"[^,;.]{0,60}?\bwith\b").match(text, verb.end(), end)
    for ref in _people(ctx, sentence):
        if ref.end <= verb.start() or (company and company.end() <= ref.start < end):
            meeting.add("participant", Ref(ref.person))
    meeting.cite(Span(sentence.start, sentence.end))


def _antecedent(ctx: Context, sentence: Sentence, female: bool):
    """Of the people named just before the sentence whose gender (when the gazetteer knows it) fits, the one
    named most often so far, and of those the last: 'He was welcomed by ... Albin Kurti. ... he held talks' is Lammy."""
    wanted = "female" if female else "male"
    earlier = [r for r in ctx.refs if r.end <= sentence.start and not ctx.in_quote(r.start)][-8:]
    genders = [(r, getattr(ctx.finder.gazetteer.entries.get(ctx.entities[r.person].gazetteer_id or ""), "gender", None))
               for r in earlier]
    known = [r for r, gender in genders if gender == wanted]
    unknown = [r for r, gender in genders if gender is None]
    fitting = known or unknown
    if not fitting:
        return None
    salience = Counter(r.person for r in ctx.refs if r.end <= sentence.start)  # the story's protagonist, not a passer-by
    return max(reversed(fitting), key=lambda r: salience[r.person])


def _anaphoric_agents(ctx: Context, meeting: Fact, sentence: Sentence) -> None:
    if not re.match(r"(?:The|This|That)\s+\w+(?:\s+\w+)?\s+(?:was|were)\s+(?:agreed|signed|adopted|announced|endorsed)\s+at\b", sentence.text):
        return
    for previous in ctx.sentences[max(0, sentence.index - 1):sentence.index]:
        _add_participants(ctx, meeting, previous)


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
            meeting.cite(Span(sentence.start, sentence.end))


# -- the rest of the timeline ---------------------------------------------------------
def _dated(ctx: Context, sentence: Sentence, taken: set) -> list[Fact]:
    facts = []
    for mention in ctx.dates[sentence.index]:
        if not mention.value or mention.value in taken or ctx.in_quote(mention.start):
            continue
        taken.add(mention.value)
        cls = next((c for c, pattern in _KIND_VERBS if re.search(pattern, sentence.text, re.I)), "Event")
        fact = Fact(cls, ctx.fact_key(cls, sentence.start, sentence.end), Span(sentence.start, sentence.end), "dated_sentence")
        fact.add("date", mention.value)
        fact.label = tidy(sentence.text)[:200]
        facts.append(fact)
    return facts
