"""Direct quotes: who said what, in which post, on which date.

Four layouts, each a rule: ``quote_block`` ("Name (Title) yesterday said:"
followed by the quoted paragraphs), ``quote_then_speaker`` ("\u201c...,\u201d said
the Home Secretary, Yvette Cooper, yesterday."), ``speaker_then_quote``
("Name said: \u201c...\u201d") and ``quote_then_dash_line`` (a quote, then
"\u2013 Name, Title" on the next line); ``quote_in_prose`` reads quotes the paragraph layouts leave, inside a
paragraph's prose ('"...," he said.', 'X said that day that they had "..."'). Quote spans are recorded on the context so that
other extractors can tell narrative from quoted speech.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extract.context import Context
from kg.extract.cues import cue_pattern
from kg.extract.people import PersonRef
from kg.model import DateValue, Fact, Ref, Sentence, Span
from kg.patterns import patterns

_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")
_OPEN, _CLOSE = "\"“", "\"”"
_PRONOUN_OPENER = re.compile(r"(?:He|She)\s")
_RELATIVE = re.compile(r",\s+(?:who|whose|which)\b")
_LEADING_CLAUSE = re.compile(r"\s*[A-Z][a-z]+ing\b[^,]*,")  # 'Referring to the death of President X, ' before the subject
_QUOTED = re.compile(r"[“\"][^“”\"\n]{3,}[”\"]")  # a quote opened and closed within a line
# After a quote, the words that say who said it, up to the speech verb and what dates it ('..., said on Monday');
# before a quote that ends reported speech, 'X said (on Monday) that the three governments had "', 'X said his
# country would be a partner: "', 'X said they would meet more often, "so that ...'.
_SAID_AFTER = r"[,.!?]?\s*(?:(?P<pronoun>he|she)\s+|[^“”\"]{{0,120}}?)(?:{verbs})[^“”\".;]{{0,60}}"
_SAID_BEFORE = r"(?:{verbs})[^“”\".;:]{{0,120}}(?:\bthat\b[^“”\".;:]{{0,120}}?|[:,]\s*)[“\"]"
_SAID_BEFORE_BARE = r"(?:{verbs})\s+[^“”\".;:]{{1,120}}?\s[“\"]"  # 'said it had been "an extremely serious conspiracy"'
_MIN_BARE_WORDS = 3  # a quote in reported words without 'that' or a colon: not a one-word 'so-called "Jungle"'
_SPEAKER_REACH = 120  # characters from the start of the sentence after a quote to its speech verb
_BODY_SUBJECT = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:has\s+|have\s+|also\s+)*")  # between a body and its 'said'
Speaker = tuple[str, str | None]  # who spoke (an entity key) and the post they spoke in (a post key), if any
_DASH_LINE = re.compile(r"[ \t]*\n[ \t]*[–—-][ \t]*")  # a line break, then a dash opening the speaker's line
_QUOTED_DASH = re.compile(r">[ \t]*[–—-][ \t]*")  # a quote block's line '> - the Secretary'


@lru_cache(maxsize=1)
def _block_opener() -> re.Pattern:
    """'Name (Title) yesterday said:' ending a paragraph: compiled once, not once a paragraph."""
    return re.compile(rf"(?:{cue_pattern('speech_verbs').pattern})[^:.“”\"]{{0,40}}:\s*$")


@lru_cache(maxsize=1)
def _long_opener() -> re.Pattern:
    """'Home Minister X said the increase reflects the Government's seriousness about law enforcement:'."""
    return re.compile(rf"(?:{cue_pattern('speech_verbs').pattern})[^:.“”\"]{{0,160}}:\s*$")


def _long_block_opener(ctx: Context, text: str, rest: list[list[Sentence]]) -> bool:
    """A paragraph ending in a longer report of speech opens a block quote only when the next paragraph reads as one:
    it opens with a quotation mark (after a '>' of a quote block) or speaks in the first person."""
    if not rest or rest[0][0].list_item or not _long_opener().search(text):
        return False
    following = ctx.doc.text[rest[0][0].start:rest[0][-1].end].lstrip("> ")
    return following[:1] in _OPEN or bool(_FIRST_PERSON.search(following))


def _named_block_opener(ctx: Context, start: int, end: int, rest: list[list[Sentence]]) -> bool:
    """'At the end of the mission, Commissioner Brunner summed up the day:' then '> "In Tripoli we ..."': a paragraph
    naming a person and ending on a colon, whatever its verb, opens the quote that the next paragraph is, within
    quotation marks (not '"...," the Minister said on 14 July.', which names its own speaker)."""
    text = ctx.doc.text
    if not rest or rest[0][0].list_item or not text[start:end].rstrip().endswith(":") or not ctx.refs_in(start, end):
        return False
    following = text[rest[0][0].start:rest[0][-1].end].lstrip("> ").rstrip()
    return following[:1] in _OPEN and following[-1:] in _CLOSE


@lru_cache(maxsize=1)
def _speaker_quote() -> re.Pattern:
    """'said: “': a speech verb, then the quote it opens."""
    return re.compile(rf"\b(?:{cue_pattern('speech_verbs').pattern})\s*[:,]\s*[{_OPEN}]")


def extract_statements(ctx: Context) -> list[Fact]:
    facts = []
    paragraphs = _paragraphs(ctx.sentences)
    for index, paragraph in enumerate(paragraphs):
        start, end = paragraph[0].start, paragraph[-1].end
        text = ctx.doc.text[start:end]
        if _block_opener().search(text) or _long_block_opener(ctx, text, paragraphs[index + 1:]) \
                or _named_block_opener(ctx, start, end, paragraphs[index + 1:]):
            fact = _block(ctx, paragraph, paragraphs[index + 1:])
        elif text[:1] in _OPEN:
            fact = _quote_then_speaker(ctx, start, end) or _quote_then_dash_line(ctx, start, end, paragraphs[index + 1:])
        elif text.lstrip("> ")[:1] in _OPEN:  # a quote block: '> "..."' then '> - the Secretary'
            fact = _quote_then_dash_line(ctx, end - len(text.lstrip("> ")), end, paragraphs[index + 1:])
        else:
            fact = _speaker_then_quote(ctx, start, end)
        if fact:
            if facts and _same_occasion(ctx, facts[-1], fact, paragraph):
                fact.props["date"] = list(facts[-1].props.get("date", []))
                _follows(ctx, facts[-1], fact)
            facts.append(fact)
        facts += _inline_quotes(ctx, paragraph, facts[-1] if facts else None)
    return facts


def _inline_quotes(ctx: Context, paragraph: list[Sentence], previous: Fact | None) -> list[Fact]:
    """Quotes inside a paragraph's prose that the layouts above do not read: '"...," he said.' after a sentence
    naming him, '"...," the Austrian Minister of the Interior, Gerhard Karner, said on Monday.', and reported
    words ending on a quote ('Alex Norris said that day that they had "one month to get this in order".', 'Judge X
    said it had been "an extremely serious conspiracy"')."""
    text, facts = ctx.doc.text, []
    start, end = paragraph[0].start, paragraph[-1].end
    for quote in _QUOTED.finditer(text, start, end):
        if any(s <= quote.start() < e or quote.start() <= s < quote.end() for s, e in ctx.quotes):
            continue
        sentence = next((s for s in paragraph if s.start <= quote.end() - 1 < s.end), paragraph[-1])
        after = _said("after").match(text, quote.end(), sentence.end)
        if after:
            attribution = (quote.end(), after.end())
            speaker = _speaker(ctx, *attribution) or _spoken_by(ctx, _pronoun_speaker(ctx, after, start, quote.start()))
        else:
            opener = next((s for s in paragraph if s.start <= quote.start() < s.end), sentence)  # where the quote opens
            opening = max(opener.start, start)
            before = _said("before").search(text, opening, quote.start() + 1)
            if before is None or before.end() - 1 != quote.start():
                before = _said("bare").search(text, opening, quote.start() + 1)
                if before is None or before.end() - 1 != quote.start() \
                        or len(text[quote.start():quote.end()].split()) < _MIN_BARE_WORDS:
                    continue
            attribution = (opening, quote.start())
            speaker = _speaker(ctx, *attribution) or _speaker_again(ctx, opening, previous)
        fact = _statement_by(ctx, speaker, quote.start() + 1, _quote_end(text, quote.start(), quote.end() - 1), attribution,
                             "quote_in_prose") if speaker else None
        if fact:
            facts.append(fact)
    return facts


@lru_cache(maxsize=3)
def _said(side: str) -> re.Pattern:
    """The attribution beside an inline quote, with the speech verbs of facts.yaml (kg.extract.cues)."""
    form = {"after": _SAID_AFTER, "before": _SAID_BEFORE, "bare": _SAID_BEFORE_BARE}[side]
    return re.compile(form.format(verbs=cue_pattern("speech_verbs").pattern))


def _pronoun_speaker(ctx: Context, after: re.Match, floor: int, position: int) -> PersonRef | None:
    """'he said' / 'she said': the person the paragraph named last before the quote."""
    if not after.group("pronoun"):
        return None
    earlier = [r for r in ctx.refs_in(floor, position) if not ctx.in_quote(r.start)]
    return earlier[-1] if earlier else None


def _same_occasion(ctx: Context, before: Fact, fact: Fact, paragraph: list[Sentence]) -> bool:
    """A quote that follows the same speaker's quote, its attribution undated ('..., said the Prime Minister.'
    after 'Speaking at the weekend, the Prime Minister said: ...'), was said on the same occasion."""
    if before.first("speaker") != fact.first("speaker"):
        return False
    between = ctx.doc.text[before.evidence.end:paragraph[0].start]
    if between.count("\n\n") > 1 or between.strip(" \n\"”.,"):  # not the next paragraph, or words between
        return False
    return not any(d.value for s in paragraph for d in ctx.dates[s.index]
                   if not fact.evidence.start <= d.start < fact.evidence.end)


def _follows(ctx: Context, before: Fact, fact: Fact) -> None:
    """A quote said on the same occasion as the one before is dated as that one will be."""
    if before.key in ctx.attributions:
        ctx.attributions[fact.key] = ctx.attributions[before.key]
    else:
        ctx.attributions.pop(fact.key, None)


def _paragraphs(sentences: list[Sentence]) -> list[list[Sentence]]:
    grouped: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        grouped.setdefault(sentence.paragraph, []).append(sentence)
    return list(grouped.values())


def _block(ctx: Context, attribution: list[Sentence], rest: list[list[Sentence]]) -> Fact | None:
    if not rest:
        return None
    quoted = [rest[0]]
    marked = ctx.doc.text[rest[0][0].start:rest[0][0].start + 3].lstrip("> ")[:1] in _OPEN
    blocked = ctx.doc.text.startswith(">", rest[0][0].start)
    for paragraph in rest[1:]:
        closed = ctx.doc.text[quoted[-1][0].start:quoted[-1][-1].end].rstrip()[-1:] in _CLOSE
        if (marked and closed) or not _continues_quote(ctx, paragraph) or ctx.heading(paragraph[0]) \
                or (blocked and not ctx.doc.text.startswith(">", paragraph[0].start)):
            break  # '"... partnership."' then 'Notes to editors': the quote closed with its mark; a heading, or a
            # paragraph out of the '>' block, follows it
        quoted.append(paragraph)
    start, end = _inside_marks(ctx.doc.text, quoted[0][0].start, quoted[-1][-1].end)
    head = (attribution[0].start, attribution[-1].end)
    return _statement(ctx, start, end, head, "quote_block")


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A block's words without the '> ' of a quote block and the quotation marks around them."""
    while start < end and text[start] in "> \"“":
        start += 1
    while end > start and text[end - 1] in "\"”":
        end -= 1
    return start, end


def _continues_quote(ctx: Context, paragraph: list[Sentence]) -> bool:
    """A further paragraph of a block quote speaks in the first person, or names nothing and dates nothing."""
    start, end = paragraph[0].start, paragraph[-1].end
    text = ctx.doc.text[start:end]
    if re.search(r":\s*$", text) or text[:1] in _OPEN or paragraph[0].list_item:
        return False
    if _FIRST_PERSON.search(text):
        return True
    stated = ctx.mentions_in(start, end) or ctx.refs_in(start, end) or any(
        ctx.dates[s.index] or ctx.money[s.index] or ctx.quantities[s.index] for s in paragraph)
    return not stated


def _quote_then_speaker(ctx: Context, start: int, end: int) -> Fact | None:
    text = ctx.doc.text
    close = max(text.rfind(c, start + 1, end) for c in _CLOSE)
    if close <= start:
        return None
    attribution = (close + 1, _sentence_end(ctx, close, end))
    if not text[attribution[0]:attribution[1]].strip() and attribution[1] < end:
        # '"... since last year." Quebec's Minister ..., David Heurtel, reacted in those terms': the next sentence
        following = next((s for s in ctx.sentences if attribution[1] <= s.start < end), None)
        verb = following and cue_pattern("speech_verbs").search(text, following.start, following.end)
        if not verb or verb.start() - following.start > _SPEAKER_REACH:
            return None
        attribution = (following.start, following.end)
    elif not cue_pattern("speech_verbs").search(text, *attribution):
        return None
    return _statement(ctx, start + 1, _quote_end(text, start, close), attribution, "quote_then_speaker")


def _sentence_end(ctx: Context, position: int, end: int) -> int:
    """Where the sentence holding ``position`` ends: the attribution after a quote stops there, so a date in the
    paragraph's next sentence ('... Bilotaitė. Lithuania closed two crossings on 18 August') does not date it."""
    index = bisect.bisect_right(ctx.sentences, position, key=lambda s: s.start) - 1  # sentences are in text order
    return ctx.sentences[index].end if index >= 0 and position < ctx.sentences[index].end else end


def _quote_then_dash_line(ctx: Context, start: int, end: int, rest: list[list[Sentence]]) -> Fact | None:
    """A quote alone in its paragraph, its speaker on the next line after a dash (Canada's "Quotes" sections):
    '"...."' then '– The Honourable Gary Anandasangaree, Minister of Public Safety'."""
    text = ctx.doc.text
    close = max(text.rfind(c, start + 1, end) for c in _CLOSE)
    if not rest or close <= start or text[close + 1:end].strip():
        return None
    quoted_dash = _QUOTED_DASH.match(text, rest[0][0].start)  # '> - the Secretary' in a quote block
    if not (_DASH_LINE.fullmatch(text, end, rest[0][0].start) or quoted_dash and not text[end:rest[0][0].start].strip()):
        return None
    attribution = (quoted_dash.end() if quoted_dash else rest[0][0].start, rest[0][-1].end)
    return _statement(ctx, start + 1, _quote_end(text, start, close), attribution, "quote_then_dash_line")


def _quote_end(text: str, start: int, close: int) -> int:
    """Where the quoted words end before the closing mark at ``close``: '... solutions,”' ends at 'solutions'."""
    while close > start + 1 and text[close - 1] in ",. ":
        close -= 1
    return close


def _speaker_then_quote(ctx: Context, start: int, end: int) -> Fact | None:
    text = ctx.doc.text
    match = _speaker_quote().search(text, start, end)
    if not match:
        return None
    close = max(text.rfind(c, match.end(), end) for c in _CLOSE)
    if close <= match.end():
        return None
    return _statement(ctx, match.end(), close, (start, match.start()), "speaker_then_quote")


def _speaker_again(ctx: Context, start: int, previous: Fact | None) -> Speaker | None:
    """'He also thanked the units involved: "..."' right after the paragraph of the Minister's quote: a pronoun
    opening the attribution stands for the one who spoke last, when no one was named since."""
    if previous is None or not _PRONOUN_OPENER.match(ctx.doc.text, start) or ctx.refs_in(previous.evidence.end, start):
        return None
    if ctx.doc.text[previous.evidence.end:start].count("\n\n") > 1:
        return None
    post = previous.first("speakerPost")
    return previous.first("speaker").key, post.key if post else None


def _statement(ctx: Context, start: int, end: int, attribution: tuple[int, int], rule: str) -> Fact | None:
    speaker = _speaker(ctx, *attribution)
    return _statement_by(ctx, speaker, start, end, attribution, rule) if speaker else None


def _statement_by(ctx: Context, speaker: Speaker, start: int, end: int, attribution: tuple[int, int], rule: str) -> Fact:
    ctx.quotes.append((start, end))
    fact = Fact("DirectQuote", ctx.fact_key("DirectQuote", start, end), Span(start, end), rule)
    who, post = speaker
    fact.label = f"Statement by {ctx.entities[who].label}"
    fact.add("speaker", Ref(who))
    fact.add("speakerPost", Ref(post) if post else None)
    fact.add("text", ctx.doc.text[start:end])
    topic = _topic_clause(ctx.doc.text, *attribution)  # 'Referring to the events of 7 July, ...': not when they spoke
    date = _attribution_date(ctx, outside_clause(ctx.doc.text, topic.end() if topic else attribution[0], attribution[1]))
    fact.add("date", date or ctx.published_value())
    if date is None:
        ctx.attributions[fact.key] = attribution  # kg.extract.occasions may date it by the meeting it names
    return fact


def _topic_clause(text: str, start: int, end: int) -> re.Match | None:
    """An attribution's leading clause about what is spoken of (facts.yaml ``topic_openers``), not 'Speaking on Monday'."""
    leading = _LEADING_CLAUSE.match(text, start, end)
    return leading if leading and text[leading.start():leading.end()].lstrip().startswith(
        tuple(patterns("facts")["topic_openers"])) else None


def _speaker(ctx: Context, start: int, end: int) -> Speaker | None:
    """Who an attribution names: a person, a surname the text gave in full before, else the body that is the speech
    verb's subject ('the V4 said in a joint statement', 'The Ministry of Migration and Asylum said:')."""
    refs = ctx.refs_in(start, end)
    leading = _LEADING_CLAUSE.match(ctx.doc.text, start, end)
    if leading and any(r.start >= leading.end() for r in refs):
        refs = [r for r in refs if r.start >= leading.end()]  # 'Speaking after meeting President X, the Minister said'
    if refs:
        return _spoken_by(ctx, refs[0])
    for match in re.finditer(r"\b[A-Z][\w’'-]+\b", ctx.doc.text[start:end]):
        person = ctx.people.person_by_surname(match.group())
        if person:
            return _spoken_by(ctx, PersonRef(start + match.start(), start + match.end(), person, None, "surname"))
    return _body_speaker(ctx, start, end)


def _spoken_by(ctx: Context, ref: PersonRef | None) -> Speaker | None:
    return (ref.person, ctx.post_of(ref)) if ref else None


def _body_speaker(ctx: Context, start: int, end: int) -> Speaker | None:
    """The organisation, state or group right before the speech verb ('..., the V4 said', 'the Ministry said:')."""
    verb = cue_pattern("speech_verbs").search(ctx.doc.text, start, end)
    if verb is None:
        return None
    bodies = [m for m in ctx.mentions_in(start, verb.start()) if ctx.entities[m.key].family in ("org", "state", "group")
              and _BODY_SUBJECT.fullmatch(ctx.doc.text, m.end, verb.start())]
    return (bodies[-1].key, None) if bodies else None


def outside_clause(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The attribution without its relative clause: '..., who signed the plan in September,' says nothing of when
    the words were said, but a date after the clause does ('..., whose country holds the Presidency, on Monday')."""
    clause = _RELATIVE.search(text, start, end)
    if not clause:
        return [(start, end)]
    after = text.find(",", clause.end(), end)
    return [(start, clause.start())] + ([(after, end)] if after >= 0 else [])


def _attribution_date(ctx: Context, spans: list[tuple[int, int]]) -> DateValue | None:
    for sentence in ctx.sentences:
        for mention in ctx.dates[sentence.index]:
            if any(start <= mention.start < end for start, end in spans) and mention.value and mention.value.precision != "year":
                return mention.value
    return None
