"""Quotes dated by the occasion they were said at.

A quote whose attribution states no date is dated with the release. When the
attribution says where it was said ("In Cartagena, Secretary Mayorkas said:")
or at what ("Speaking after the meeting, ...", "... told the conference",
"... said when the memorandum was signed", "... said after the signing"), it was said at a meeting this
document reports, and takes that meeting's date; a place with no meeting there takes the date the
narrative last gave in a sentence naming that place. One "said at the time" or
"said in response" takes the date of the happening the narrative just told. Runs after the events stage,
which finds the meetings.
"""
from __future__ import annotations

import re
from datetime import timedelta

from kg.extract.context import Context
from kg.extract.cues import cue_pattern
from kg.extract.events import latest_held
from kg.extract.statements import outside_clause
from kg.model import DateValue, Fact, Ref
from kg.patterns import meeting_noun_pattern, patterns

_IN_NAME = re.compile(r"\bin\s+([A-Z][\w’'-]+)")
_AT_NAME = re.compile(r"\b(?i:in|at)\s+([A-Z][\w’'-]+)")  # 'In Cartagena, Secretary Mayorkas said:'
_ANOTHER_OCCASION = re.compile(r"\b(?:at|in|during|after|before|on|to|when|while)\b")
_DAY_AFTER = re.compile(r"\bthe\s+day\s+(after|before)\s+(?:the|that|this)\b", re.I)
_PRONOUN_SAID = re.compile(r"\W*(?:he|she)\s+(?:said|added)\W*")  # an attribution that is only 'he said'
_AT_THE_SIGNING = re.compile(r"\b(?:at|after|during|following)\s+the\s+signing\b")
_SIGNING = re.compile(r"\bwhen\b[^.]{0,60}\b(?:was|were)\s+signed\b")


def date_quotes_by_occasion(ctx: Context) -> None:
    """Give each quote that the release dates only by default the date of the meeting its attribution names."""
    meetings = [f for f in ctx.facts if f.rule in ("meeting", "journey") and f.first("date")]  # the events stage's meetings
    for quote in (f for f in ctx.facts if f.cls == "DirectQuote"):
        attribution = ctx.attributions.get(quote.key)
        if attribution is None:
            continue
        earlier = [m for m in meetings if m.evidence.start < quote.evidence.start]
        meeting = _at_place(ctx, earlier, attribution) or _at_meeting(ctx, _attended_first(earlier, quote), attribution)
        date = _shifted(ctx, meeting.first("date"), attribution) if meeting is not None else (
            _at_the_time(ctx, quote, attribution) or _where_the_narrative_was(ctx, quote, attribution)
            or _said_just_before(ctx, quote, attribution) or _said_at_the_meeting_just_told(ctx, quote, attribution, earlier)
            or _said_on_the_news_visit(ctx, quote, attribution, earlier))
        if date is not None:
            quote.props["date"] = [date]
            quote.rule = f"{quote.rule}+occasion"


def _shifted(ctx: Context, date: DateValue, span: tuple[int, int]) -> DateValue:
    """'The day after the meeting, the Minister stated:' is the day after the meeting's."""
    shift = _DAY_AFTER.search(ctx.doc.text, *span)
    if shift is None or date.precision != "day":
        return date
    day = date.as_date() + timedelta(days=1 if shift.group(1).lower() == "after" else -1)
    return DateValue(day.isoformat(), "day")


def _attended_first(meetings: list[Fact], quote: Fact) -> list[Fact]:
    """The meetings the quote's speaker took part in, when there are any ('Speaking after the meeting, the Minister
    said' is not about the 'talks with officials in August' told in passing since)."""
    speaker = quote.first("speaker")
    attended = [m for m in meetings if speaker is not None and speaker in m.props.get("participant", [])]
    return attended or meetings


def _at_the_time(ctx: Context, quote: Fact, span: tuple[int, int]) -> DateValue | None:
    """'... the Prime Minister said at the time', '... said in response': said on the occasion the narrative
    just dated, the most precise date of the last dated sentence before the quote (within two paragraphs)."""
    if not cue_pattern("earlier_occasion_cues").search(ctx.doc.text, *span):
        return None
    before = [s for s in ctx.sentences if s.end <= quote.evidence.start and not ctx.in_quote(s.start)]
    for sentence in reversed(before):
        if sentence.paragraph < before[-1].paragraph - 2:
            break
        dates = [d.value for d in ctx.dates[sentence.index] if d.value and d.value.precision in ("day", "week", "month")]
        if dates:
            return next((d for d in dates if d.precision == "day"), dates[0])
    return None


def _where_the_narrative_was(ctx: Context, quote: Fact, span: tuple[int, int]) -> DateValue | None:
    """'... Prime Minister Tusk said in Kraków.' after 'on Saturday 18 May in Kraków, the Prime Minister announced
    ...': the day the narrative last put the speaker at the place the attribution names."""
    text, places = ctx.doc.text, set()
    for part in outside_clause(text, *span):  # not 'Jarvis, who watched one of the arrests in Cheltenham, said:'
        places |= {ctx.entities[m.key].label for m in ctx.mentions_in(*part) if ctx.entities[m.key].family == "place"}
        places |= {m.group(1) for m in _IN_NAME.finditer(text, *part) if not _names_start(ctx, m.start(1), span[1])}  # 'said
        #  in Kraków', a city no gazetteer lists; not 'an Inspector in Immigration Enforcement's ... unit'
    if not places:
        return None
    named = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(places)))})\b")
    for sentence in reversed([s for s in ctx.sentences if s.end <= quote.evidence.start and not ctx.in_quote(s.start)]):
        if named.search(text, sentence.start, sentence.end):
            days = [d.value for d in ctx.dates[sentence.index] if d.value and d.value.precision == "day"]
            if days:
                return days[0]
    return None


def _said_just_before(ctx: Context, quote: Fact, span: tuple[int, int]) -> DateValue | None:
    """'Rear Admiral Brett Sonter warned on Friday that ... "The mission ...," Rear Admiral Sonter said.': the day
    the sentence just before (in the same paragraph, or ending the one before a paragraph the quote opens) has the same
    speaker say something, or the month when it gives no day; or do something, when the quote is only 'he said'
    ('Leggeri yesterday accepted the Greek request. "... I have decided ...," he said.')."""
    speaker = quote.first("speaker")
    quoted = next((s for s in ctx.sentences if s.start <= quote.evidence.start < s.end), None)
    if speaker is None or quoted is None or quoted.index == 0:
        return None
    sentence = ctx.sentences[quoted.index - 1]
    opens = sentence.paragraph == quoted.paragraph - 1 and ctx.doc.text.startswith(("“", '"'), quoted.start)
    if (sentence.paragraph != quoted.paragraph and not opens) or ctx.in_quote(sentence.start) or not (
            cue_pattern("speech_verbs").search(sentence.text) or _PRONOUN_SAID.fullmatch(ctx.doc.text, *span)):
        return None
    if not any(r.person == speaker.key for r in ctx.refs_in(sentence.start, sentence.end)):
        return None
    for precision in ("day", "month"):  # 'Last month Immigration Minister Robert Goodwill told the Committee that ...'
        found = [d.value for d in ctx.dates[sentence.index] if d.value and d.value.precision == precision]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _said_at_the_meeting_just_told(ctx: Context, quote: Fact, span: tuple[int, int],
                                   meetings: list[Fact]) -> DateValue | None:
    """'On Thursday evening, Phumtham ... was joined at Mae Sot Airport by ...' then, opening the next paragraph,
    '"No single country could ...," the Deputy Prime Minister said.': said at the meeting one of the two paragraphs
    before told (where it began, or where the text went on about it: 'the Commissioner was met at Horgoš by ...'),
    which the speaker took part in, when the lede tells of that day."""
    speaker = quote.first("speaker")
    quoted = next((s for s in ctx.sentences if s.start <= quote.evidence.start < s.end), None)
    if speaker is None or quoted is None or quoted.index == 0 or ctx.sentences[quoted.index - 1].paragraph == quoted.paragraph \
            or _ANOTHER_OCCASION.search(ctx.doc.text, *span):
        return None  # '... said at a press conference': an occasion of its own
    told = [m for m in meetings if speaker in m.props.get("participant", [])
            and _told_in(ctx, m, range(quoted.paragraph - 2, quoted.paragraph))]
    day = told[-1].first("date") if told else None
    return day if day is not None and _the_news(ctx, day) else None


def _said_on_the_news_visit(ctx: Context, quote: Fact, span: tuple[int, int], meetings: list[Fact]) -> DateValue | None:
    """'Ylva Johansson yesterday (Thursday 16 March 2023) paid a one-day visit ...' then, paragraphs later and with no
    other day told since, '"Joint patrols guard the border," Commissioner Johansson said.': said during the visit the
    lede tells of, which the speaker took part in; not '... said at a press conference' (an occasion of its own)."""
    speaker = quote.first("speaker")
    if speaker is None or _ANOTHER_OCCASION.search(ctx.doc.text, *span):
        return None
    taken = [m for m in meetings if speaker in m.props.get("participant", []) and m.first("date").precision == "day"
             and _the_news(ctx, m.first("date"))]
    if not taken:
        return None
    day, since = taken[-1].first("date"), max(s.end for s in (taken[-1].evidence, *taken[-1].more_evidence))
    between = [s for s in ctx.sentences if since <= s.start and s.end <= quote.evidence.start and not ctx.in_quote(s.start)]
    if any(d.value and d.value.precision == "day" and d.value != day for s in between for d in ctx.dates[s.index]):
        return None  # the narrative moved to another day since
    return day


def _told_in(ctx: Context, meeting: Fact, paragraphs: range) -> bool:
    """Whether a stretch of text stating the meeting lies in one of ``paragraphs``."""
    return any(_paragraph_of(ctx, span.start) in paragraphs for span in (meeting.evidence, *meeting.more_evidence))


def _the_news(ctx: Context, day: DateValue) -> bool:
    """Whether the lede tells of that day ('were flown home ... yesterday (Thursday, 20 February)'): a meeting the
    news is about, not one told as background ('today announced £18 million' after 'met ... on 9 May'); and news is
    the release's day or one of the week before it (any day, when the release is undated), not 'the commitment he
    made on 27 February last year' that a lede also dates."""
    lede, published = ctx.lede(), ctx.doc.published
    recent = published is None or timedelta(0) <= published - day.as_date() <= timedelta(days=7)
    return recent and lede is not None and any(d.value == day for d in ctx.dates[lede.index])


def _paragraph_of(ctx: Context, position: int) -> int | None:
    return next((s.paragraph for s in ctx.sentences if s.start <= position < s.end), None)


def _names_start(ctx: Context, position: int, end: int) -> bool:
    """Whether an entity's name (an organisation, a place the gazetteer knows) starts at ``position``."""
    return any(m.start == position for m in ctx.mentions_in(position, end))


def _at_place(ctx: Context, meetings: list[Fact], span: tuple[int, int]) -> Fact | None:
    """'In Cartagena, ... said:': the one dated meeting held at a place the attribution names, if only by its first
    word ('Cartagena de Indias')."""
    said = ctx.doc.text[span[0]:span[1]]
    named = {match.group(1) for match in _AT_NAME.finditer(said)}
    held = [m for m in meetings if isinstance(m.first("place"), Ref)
            and _names_place(ctx.entities[m.first("place").key].label, said, named)]
    return held[-1] if held and len({m.first("date") for m in held}) == 1 else None


def _names_place(label: str, said: str, named: set[str]) -> bool:
    """Whether an attribution names a place: in full, or by its first word ('In Cartagena' for Cartagena de Indias)."""
    return bool(re.search(rf"\b{re.escape(label)}\b", said)) or label.split()[0] in named


def _at_meeting(ctx: Context, meetings: list[Fact], span: tuple[int, int]) -> Fact | None:
    """'Speaking after the meeting', 'told the conference': the meeting so called last reported; 'when the
    memorandum was signed': the signing last reported."""
    text = ctx.doc.text
    nouns = list(meeting_noun_pattern().finditer(text, *span))
    for noun in nouns:  # 'At the press conference after the talks': a press conference not reported, after the talks
        called = [m for m in meetings if noun.group().lower() in m.label.lower()]
        if not called and noun.group().lower() in patterns("facts")["generic_meeting_nouns"] and meetings:
            return latest_held(meetings)  # 'said after the meeting', whatever it was called
        if called:
            return called[-1]
    if nouns:
        return None
    if _SIGNING.search(text, *span):
        signed = [m for m in meetings if "signed" in text[m.evidence.start:m.evidence.end]]
        return signed[-1] if signed else None
    if _AT_THE_SIGNING.search(text, *span) and meetings:  # 'said after the signing': at the meeting last held
        return latest_held(meetings)
    return None
