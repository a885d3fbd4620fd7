"""Funding packages: amount, currency, ceiling, announcer and post, date, recipients, source, purpose.

A package is named by its amount: every mention of the same amount (or of
its equivalent stated in brackets, "€541 million (about £478 million)") in a
document is one package. Money counts as funding when its sentence, or the
line introducing the list it stands in, speaks of funding; an instalment
("€141 million in 2023-24") does not. Who announced it comes from its own
sentence, else from the list's introduction, else from the document's lead
announcement. Recipients come from "for X", "X will receive", "will go to X",
"to help X"; sentences that speak of "the cash injection" or "the money"
without an amount, and lists after "will go to:", add recipients to the
document's first package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.context import Context
from kg.extract.cues import alternation, cue_pattern, has_cue
from kg.extract.entities import Entity, EntityMention, entity_key
from kg.extract.people import PersonRef
from kg.model import DateValue, Fact, Ref, Sentence, Span
from kg.patterns import ACRONYM_IN_BRACKETS
from kg.values.money import MoneyMention, is_instalment, readable
from kg.values.names import tidy

_AGENT_FAMILIES = ("org", "state", "group")
_IMPLEMENTED_BY = re.compile(r"\b(?i:implemented|run|delivered|managed|carried\s+out)\s+by\s+(?:the\s+)?")
_CO_AGENT = re.compile(r"\s+and\s+[\w-]+ed\s+by\b")  # '... and co-financed by Italy': another part, not an implementer
_CLAUSE = re.compile(r"(?:[^,;.:]|(?<=\d)[,.](?=\d)|(?<=\b[A-Z])\.)*")  # to the next punctuation; '1,000', '1.8', 'U.S.' are no stop
_BODY = re.compile(r"(?:The|Its)\s+(agency|force|command|service|unit|office|organisation|organization)\b")
_SUPPORTS = re.compile(r"\b(?:supports|will\s+support|funds|will\s+fund)\s+(?:the\s+)?")
_TO = re.compile(r",?\s+(?:(?:has\s+been\s+|was\s+|were\s+)?(?:already\s+)?(?:provided|given|paid|allocated|awarded|granted|"
                 r"transferred|disbursed|(?:made\s+)?available)\s+)?(?:to|into|towards)\s+(?:the\s+)?")
_SOURCE_NAMED = re.compile(r"\b(?i:from|through|in|under|charged\s+to)\s+(?:the\s+)?(?P<name>(?:[\w’'()-]+,?\s+){0,5}?"
                           r"(?<!\bto\s)(?:[Bb]udget|[Ff]und|Facility|Programme|Program|Reserve|Statement|Spending Review|[Ff]inancial [Ff]ramework|Instrument"
                           r"|(?<=\w\s)Plan(?=\s+for\s+the\s+[A-Z]))"  # 'the Economic and Investment Plan for the Southern Neighbourhood'
                           r"(?:\s+for\s+the(?:\s+[A-Z][\w’'-]+){1,3}|\s+\d{4}(?:[-–]\d{2,4})?)?)\b(?!\s+(?:period|year|cycle)\b)")  # not 'under the previous budget period'
_POSSESSIVE = re.compile(r"[’']s\s+")
_CUT_ADJECTIVE = re.compile(r"(?:a|an)\s+[a-z][\w-]*")  # 'a comprehensive' of 'a comprehensive, whole-of-...'
_SPACE = re.compile(r"\s*")
_THE = re.compile(r"(?:[Tt]he\s+)?")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:whose|which|who)\b")
_COUNTED_RECEIVERS = re.compile(r"(?:two|three|four|five|six|\d)\s+(?:[a-z-]+\s+){0,2}[a-z-]+s,\s+(?:the\s+)?")
_DOES = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?\s+(?:to|will)\s+[a-z]")
_AS_FOLLOWS = re.compile(r"\b(?:used|spent|shared|divided|distributed|allocated)\b[^:]{0,60}\bas\s+follows:\s*$")
_PROJECT_AFTER = re.compile(r"(?:\s+[A-Z][\w’'-]+)?\s+(?:project|programme|program|initiative)\b")  # '... IOM Greece project'
_COMMA_GOES_ON = re.compile(r",\s+[a-z]")
_FROM_AFTER_AMOUNT = re.compile(r"(?:\s+(?:over|across)\s+(?:the\s+next\s+)?\w+\s+years?)?\s+from\s+(?:the\s+)?")
_DATELINE_DASH = re.compile(r"\s*[–—-]{1,2}\s")  # after a dateline's date: 'Amman, 20 September 2017 – '
_RELATIVE_OWNER = re.compile(r"^(?:today|tonight|this\s+year|this\s+week|yesterday)[’']s\s+", re.I)  # "Tonight's Budget"
_SUBJECT_INTRO = re.compile(r"\b(?:has|have|had|will|would|also)\s*:\s*$")  # 'the Government of Canada has:'
_RECEIVE = re.compile(r"\b(?:(?P<aux>will|would|is\s+to|are\s+to|shall|to)\s+(?:also\s+)?(?:receive|get|gain|benefit\s+from)"
                      r"|receives|received|receive)\b")
_GRANTED = re.compile(r"\b(?:be|is|are|was|were|been)\s+granted\b")  # 'that the Border Guard be granted EUR 240 million'
_ANOTHER_EQUIVALENT = re.compile(r"\s*[,;]\s*(?:or\s+)?(?:about|around|approximately|roughly|almost|nearly|some|c\.)?\s*")
_RESTATED = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:is|was|are|were)\s+(?:worth|equivalent\s+to)\s+"
                       r"(?:about|around|approximately|roughly|some|nearly|almost)?\s*")
_RESTATED_AMOUNT = re.compile(r"(?:\s*\([^()]{1,40}\))?")  # '£44.5 million (€50 million) in ...'
_AT_PLACE = re.compile(r"[a-z][a-z -]{2,40}?\s+at\s+(?:the\s+)?")  # 'security at ', 'border controls at the '
_IN_ITS = re.compile(r"\s+in\s+(?:the\s+)?")  # '£120 million in Rwanda's economic development'
_PROVIDE_WITH = re.compile(r"\b(?:provid(?:e|es|ed|ing)|fund(?:s|ed|ing)?|equip(?:s|ped|ping)?|support(?:s|ed|ing)?)\s+(?:the\s+)?$")  # 'will provide Tunisia with €105 million', 'is funding the Coast Guard with'
# A clause with a subject of its own between a person and the announcing verb: 'Schinas wrote that the vote
# confirmed ...' (the vote confirms, not Schinas).
_OTHER_SUBJECT = re.compile(r"\bthat\s+(?:the|a|an|this|these|those|it|its|they|their)\b")
_MORE_THAN = re.compile(r"\s+(?:more|less|higher|lower|up|down)\s+(?:than|from|on)\b")  # after an amount
_INCREASE_OF = re.compile(r"\b(?:an?\s+(?:increase|rise|cut|reduction|decrease|drop|fall)\s+of|up\s+by|down\s+by)\s+"
                          r"(?:more\s+than\s+|about\s+|almost\s+|nearly\s+|some\s+)?$")
_CHANGE_END = re.compile(r"\s*(?:[,.;)]|$|(?:over|on|compared|from|than|since|year)\b)")  # no purpose follows
_AMOUNT_LEAD = (r"(?:a\s+total\s+of\s+)?(?:up\s+to\s+|a\s+further\s+|an\s+(?:additional|extra)\s+|more\s+than\s+|"
                r"over\s+|almost\s+|nearly\s+|around\s+|about\s+|some\s+)?$")  # words before an amount: 'a total of more than '
_BEFORE_AMOUNT = re.compile(rf"(?:\s*\([A-Z]{{2,10}}\))?\s+{_AMOUNT_LEAD}")  # 'KDN RM18.5 billion'
_WORTH_AMOUNT = re.compile(rf"\s+(?:worth|totalling|totaling|of)\s+{_AMOUNT_LEAD}")  # '... for Egypt worth €7.4 billion'
_WITH_AMOUNT = re.compile(rf"\s+with\s+{_AMOUNT_LEAD}")
_IT_PROPOSES = re.compile(r"It\s+(?:proposes|provides|includes|contains|allocates|earmarks|sets\s+aside)\b")
_BUDGET_NAMED = re.compile(r"\bthe\s+(?P<name>(?:[\w-]+\s+){0,3}budget)\b")  # 'the seventh supplementary budget proposal'
_PACKAGE_PRONOUN = re.compile(r"(?:It|This|They|These)\s")  # 'It consists of:' after a package
_PARTITIVE = re.compile(r"Of\s+(?:the|this|that|these|which|it)\b[^,.;]{0,60},")  # 'Of the five-year amount, '
_NEXT_CLAUSE = re.compile(r";|,\s+and\b|\s+and\s+(?:[A-Z]|the\s+[A-Z])")  # '..., and Mexico committed'
_SHARED = re.compile(r"\b(?:shared|split|divided|distributed)\s+(?:equally\s+)?(?:among|between)\s+(?:the\s+)?")
_INCLUDING = re.compile(r"[^:;.]{0,80}?(?:,\s+including|:)\s+(?:the\s+)?")  # '... enforcement agencies, including the '
_BRACKETED_END = re.compile(rf"{ACRONYM_IN_BRACKETS}$")
_NOT_RECEIVER = re.compile(r"(?:this|that|next|the\s+next|each|every)\s+(?:year|month|week|period|decade)s?\b", re.I)
_SINGULAR_OF = re.compile(r"[a-z]+(?<!s)\s+of\s")  # 'acquisition of', 'care of': a singular head before 'of'


@lru_cache(maxsize=1)
def _money_tail() -> re.Pattern:
    """What may stand between an amount and its 'to' receivers: a period, an aside, an equivalent in brackets,
    'in targeted funding' (facts.yaml ``money_kind_nouns``)."""
    return re.compile(r"(?:\s+(?:over|across)\s+(?:the\s+next\s+)?\w+\s+years?|\s+(?:a|per|each)\s+year|,\s+[^,;.]{1,80},|\s*\([^()]{1,40}\)"
                      rf"|\s+in\s+(?:[a-z-]+\s+){{0,2}}(?:{alternation('money_kind_nouns')}))*")


@lru_cache(maxsize=1)
def _source_subject() -> re.Pattern:
    """A budget that is the subject of giving: 'The additional estimates released on 8 February provide an extra
    $32 million' (facts.yaml ``source_subject_heads`` and ``source_giving_verbs``)."""
    return re.compile(rf"(?:The\s+)?(?P<name>(?:[\w’'-]+\s+){{0,3}}?(?:{alternation('source_subject_heads')})"
                      rf"(?:\s+\d{{4}}(?:[-–]\d{{2,4}})?)?)\b[^.;]{{0,100}}?\b(?:{alternation('source_giving_verbs')})\b")


@lru_cache(maxsize=1)
def _source_which_gave() -> re.Pattern:
    """'... builds on Budget 2018, which provided C$14.51 million': a budget that gave, in the clause after its name."""
    return re.compile(rf"\b(?P<name>(?:[A-Z][\w’'-]*\s+){{0,3}}?(?:{alternation('source_subject_heads')})"
                      rf"(?:\s+\d{{4}}(?:[-–]\d{{2,4}})?)?),\s+which\s+(?:has\s+|had\s+)?(?:{alternation('source_giving_verbs')})\b")


_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\s+(?:[\w-]+\s+){0,3}(?:of\s+)?(?:up\s+to\s+|about\s+|some\s+)?$", re.I)


@dataclass
class Package:
    fact: Fact
    sentence: Sentence  # where the package is first told, with its amount
    mention: MoneyMention
    amounts: set[tuple[str, object]] = field(default_factory=set)
    giver: Announcer | None = None  # the body giving it in its first sentence: the announcer when no one announces


def extract_funding(ctx: Context) -> list[Fact]:
    funding = {s.index: [m for m in ctx.money[s.index] if _is_funding(ctx, s, m)] for s in ctx.sentences}
    same = _equivalences(ctx, funding)
    packages: list[Package] = []
    for sentence in ctx.sentences:
        for mention in funding[sentence.index]:
            amount = same.get((mention.currency, mention.amount), (mention.currency, mention.amount))
            package = next((p for p in reversed(packages) if amount in p.amounts), None)
            if package is None or _another_of_same_amount(ctx, package, sentence, mention):
                package = _new_package(ctx, sentence, mention)
                package.amounts |= {a for a, root in same.items() if root == amount} | {amount}
                packages.append(package)
            _enrich(ctx, package.fact, sentence, mention)
            package.giver = package.giver or _giver(ctx, sentence, mention.start)
    if packages:
        _anaphoric_recipients(ctx, packages)
        _shares_of_the_whole(ctx, packages)
    first: Announcer | None = None  # who announced the first package that says: the release's announcer
    for package in packages:
        _finish(ctx, package.fact, package.giver or first)
        first = first or _announced_by(package.fact)
    return [p.fact for p in packages]


def _announced_by(fact: Fact) -> Announcer | None:
    who, post = fact.first("announcer"), fact.first("announcerPost")
    return (who.key, post.key if post else None) if who else None


def _is_funding(ctx: Context, sentence: Sentence, money: MoneyMention) -> bool:
    return _spoken_of_as_funding(ctx, sentence, money) or (not ctx.in_quote(money.start) and bool(_builders(ctx, sentence, money)))


def _spoken_of_as_funding(ctx: Context, sentence: Sentence, money: MoneyMention) -> bool:
    text = ctx.doc.text
    window = text[max(sentence.start, money.start - 80):min(sentence.end, money.end + 80)]
    if ctx.in_quote(money.start) or has_cue("funding_negative", window) or _difference(text, money, sentence.end):
        return False
    if sentence.list_item:
        intro = ctx.intro_of(sentence)
        introduced = intro is not None and (has_cue("funding_cues", intro.text) or has_cue("announce_verbs", intro.text)
                                            or has_cue("package_anaphora", intro.text)  # 'How the money will be used'
                                            or bool(ctx.money[intro.index])  # 'The £61 million will be split:'
                                            or _package_goes_on(ctx, intro))
        return (introduced or has_cue("funding_cues", text[sentence.start:money.start])) and (
            money.ceiling or not is_instalment(text, money.end, sentence.end))  # 'rise to up to 61 million francs by 2027': a ceiling
    return has_cue("funding_cues", sentence.text)


def _package_goes_on(ctx: Context, intro: Sentence) -> bool:
    """'... presented a package for Egypt worth €7.4 billion. It consists of:': an intro whose pronoun stands for
    the money the sentence before it, in its paragraph, paid."""
    before = ctx.sentence_before(intro)
    return bool(_PACKAGE_PRONOUN.match(intro.text)) and before is not None \
        and any(_spoken_of_as_funding(ctx, before, money) for money in ctx.money[before.index])


def _difference(text: str, money: MoneyMention, stop: int) -> bool:
    """'RM19.7 billion, RM2 billion more than this year', 'an increase of RM500 million over this year': a change, not
    a package; 'an increase of €1.5 million for integration' pays for something."""
    if _MORE_THAN.match(text, money.end, stop):
        return True
    return bool(_INCREASE_OF.search(text, max(0, money.start - 40), money.start) and _CHANGE_END.match(text, money.end, stop))


def _equivalences(ctx: Context, funding: dict[int, list[MoneyMention]]) -> dict[tuple, tuple]:
    """Map each amount stated as an equivalent in brackets to the amount it restates."""
    same: dict[tuple, tuple] = {}
    for mentions in funding.values():
        for first, second in zip(mentions, mentions[1:]):
            between = ctx.doc.text[first.end:second.start]
            restated = first.currency != second.currency and _RESTATED.fullmatch(between)  # 'The £1.6 million network is worth about €1.86 million'
            chained = (first.currency, first.amount) in same and _ANOTHER_EQUIVALENT.fullmatch(between)  # '(around Rs 1.96
            # billion, or about US$20 million)': a second equivalent in the same brackets
            if restated or chained or re.fullmatch(r"\s*\(\s*(?:about|around|approximately|roughly|almost|nearly|some|c\.|or|equivalent to|worth)?\s*", between):
                root = same.get((first.currency, first.amount), (first.currency, first.amount))
                same[(first.currency, first.amount)] = root
                same[(second.currency, second.amount)] = root
    return same


def _another_of_same_amount(ctx: Context, package: Package, sentence: Sentence, mention: MoneyMention) -> bool:
    """'In October 2019, the two Governments exchanged notes on a grant of JPY 500 million' after this year's 'a
    grant of up to JPY 500 million': an amount introduced anew ('a grant of') in a sentence dated to another month
    than the package so far is another package; 'the £75 million announced on 3 March' restates the one known."""
    if not _INDEFINITE.search(ctx.doc.text, max(sentence.start, mention.start - 40), mention.start):
        return False
    dated = _nearest_date(ctx, sentence, mention)
    known = package.fact.first("date") or _lead_date(ctx) or ctx.published_value()
    return dated is not None and known is not None and dated.iso[:7] != known.iso[:7]


def _new_package(ctx: Context, sentence: Sentence, mention: MoneyMention) -> Package:
    fact = Fact("FundingPackage", ctx.fact_key("FundingPackage", sentence.start, sentence.end),
                Span(sentence.start, sentence.end), "funding_amount")
    fact.add("amount", mention.amount)
    fact.add("currency", mention.currency)
    return Package(fact, sentence, mention, {(mention.currency, mention.amount)})


def _enrich(ctx: Context, fact: Fact, sentence: Sentence, mention: MoneyMention) -> None:
    fact.cite(Span(sentence.start, sentence.end))
    if mention.ceiling:
        fact.props["isUpperBound"] = [True]
    intro = ctx.intro_of(sentence)
    if fact.first("date") is None:
        fact.add("date", _nearest_date(ctx, sentence, mention) or (intro and ctx.sentence_date(intro)))
    if fact.first("announcer") is None or _only_a_state(ctx, fact):
        _set_announcer(ctx, fact, announcer(ctx, sentence, mention.start) or (intro and announcer(ctx, intro, intro.end)))
    for recipient in _recipients(ctx, sentence, mention) or _intro_receiver(ctx, sentence, mention):
        fact.add("recipient", Ref(recipient))
    if fact.first("sourceOfFunds") is None:
        source = _source(ctx, sentence, mention.start)
        fact.add("sourceOfFunds", Ref(source) if source else None)
    if fact.first("purpose") is None:
        fact.add("purpose", _purpose(ctx, sentence, mention))
    if sentence.text.rstrip().endswith(":"):  # '... backed by $3 million from IRCC:' then '- IOM to roll out ...'
        for recipient, item in _item_doers(ctx, sentence):
            fact.add("recipient", Ref(recipient))
            fact.cite(Span(item.start, item.end))


def _finish(ctx: Context, fact: Fact, giver: Announcer | None) -> None:
    if fact.first("date") is None:
        fact.add("date", _lead_date(ctx))
    if fact.first("announcer") is None:
        _set_announcer(ctx, fact, giver or _lead_announcer(ctx) or _byline_announcer(ctx))
    if fact.first("isUpperBound") is None:
        fact.props["isUpperBound"] = [False]
    amount = readable(fact.first("amount"), fact.first("currency"))
    ceiling = "up to " if fact.first("isUpperBound") else ""
    announcer = fact.first("announcer")
    by = f" announced by {ctx.entities[announcer.key].label}" if announcer else ""
    fact.label = f"Funding package of {ceiling}{amount}{by}"


# -- when ----------------------------------------------------------------------
def _nearest_date(ctx: Context, sentence: Sentence, mention: MoneyMention) -> DateValue | None:
    """The date stated closest to the amount ('signed last November, worth £63 million');
    years are spending periods, not announcement dates ('£5 million in 2024'), unless a relative year opens the
    sentence ('This year the government also approved CZK 25 million'); future dates are plans."""
    published = ctx.doc.published
    dates = [d for d in ctx.dates[sentence.index] if d.value and (d.value.precision != "year" or (
             d.rule == "relative" and d.start <= sentence.start + 1)) and not ctx.in_quote(d.start)
             and (published is None or d.value.as_date() <= published)]
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.end - mention.start), abs(d.start - mention.end))).value


def _lead_date(ctx: Context) -> DateValue | None:
    """The date of the document's first dated narrative sentence, from the lede on (a headline's 'centres to
    open on 1 August' is a plan): when its news happened."""
    lede = ctx.lede()
    for sentence in ctx.sentences[lede.index if lede else 0:]:
        value = _told_date(ctx, sentence)
        if value and value.precision == "day" and not ctx.in_quote(sentence.start):
            return value
    return ctx.published_value()


def _told_date(ctx: Context, sentence: Sentence) -> DateValue | None:
    """The first date a sentence states, passing over its dateline's when it tells of another day ('Amman, 20
    September 2017 – ... yesterday (Tuesday 19 September) signed an agreement' happened on the 19th)."""
    dates = [d for d in ctx.dates[sentence.index] if d.value]
    if len(dates) > 1 and dates[0].value.precision == "day" and dates[1].value.precision == "day" \
            and _DATELINE_DASH.match(ctx.doc.text, dates[0].end):
        return dates[1].value
    return dates[0].value if dates else None


# -- who announced it --------------------------------------------------------------
Announcer = tuple[str, str | None]


def announcer(ctx: Context, sentence: Sentence, position: int) -> Announcer | None:
    """Who announces in this sentence: the person before the verb, after 'by', or 'he'/'she';
    else the body that is the verb's subject ('The Home Office has today announced ...')."""
    text = ctx.doc.text
    refs = [r for r in ctx.refs_in(sentence.start, sentence.end) if not ctx.in_quote(r.start)]
    verb = next((m for m in cue_pattern("announce_verbs").finditer(text, sentence.start, sentence.end)
                 if not ctx.in_quote(m.start())), None)
    if verb is None:
        before = [r for r in refs if r.end <= position]
        return _person(ctx, before[-1]) if before else None
    before = [r for r in refs if r.end <= verb.start() and not _OTHER_SUBJECT.search(text, r.end, verb.start())]
    after = [r for r in refs if r.start >= verb.end()
             and re.fullmatch(r"[^,.;]{0,80}?\bby\s+(?:the\s+)?(?:[A-Z][a-z.]*\s+){0,2}", text[verb.end():r.start])]  # by His Excellency
    if before or after:
        return _person(ctx, (before[-1:] or after)[0])
    if re.search(r"\b(?:he|she)\b", text[sentence.start:verb.start()], re.I):
        earlier = [r for r in ctx.refs if r.end <= sentence.start and not ctx.in_quote(r.start)]
        return _person(ctx, earlier[-1]) if earlier else None
    by = [m for m in ctx.mentions_in(verb.end(), sentence.end) if _agent(ctx, m.key)
          and re.fullmatch(r"[^,.;]{0,40}?\bby\s+(?:the\s+)?", text[verb.end():m.start])]
    subject = [m for m in ctx.mentions_in(sentence.start, verb.start()) if _agent(ctx, m.key) and re.fullmatch(
        r"\s*\)?\s*(?:\([A-Za-z&]+\)\s*)?(?:in\s+[A-Z][\w’'-]+\s+)?(?:has|have|had|was|were|is|will)?\s*(?:(?:also|today|yesterday|now|jointly)\s*(?:\([^()]{1,40}\)\s*)?)*",
        text[m.end:verb.start()])]
    return ((by or subject[-1:])[0].key, None) if by or subject else _intro_subject(ctx, sentence)


@lru_cache(maxsize=1)
def _giving() -> re.Pattern:
    """The verb of giving right after a body that is its subject ('The Ministry ... is funding', 'Canada will make
    ... available'; facts.yaml ``giving_verbs``)."""
    return re.compile(rf"\s*(?:\([A-Z]{{2,10}}\)\s*)?(?:is|are|has|have|will|would|also|today|now|\s)*"
                      rf"(?:{alternation('giving_verbs')})\b")


def _giver(ctx: Context, sentence: Sentence, position: int) -> Announcer | None:
    """'The Ministry of Migration and Asylum is funding the Hellenic Coast Guard with 105 million euros': the body
    that is the subject of a verb of giving before the amount."""
    text = ctx.doc.text
    givers = [m for m in ctx.mentions_in(sentence.start, position) if _agent(ctx, m.key) and not ctx.in_quote(m.start)
              and _giving().match(text, m.end, position)]
    return (givers[0].key, None) if givers else None


def _intro_subject(ctx: Context, sentence: Sentence) -> Announcer | None:
    """'Since December 2024, the Government of Canada has:' then '- committed $1.3 billion ...': the intro's subject
    did what each item's verb says."""
    intro = ctx.intro_of(sentence) if sentence.list_item else None
    if intro is None or not _SUBJECT_INTRO.search(intro.text):
        return None
    refs = [r for r in ctx.refs_in(intro.start, intro.end) if not ctx.in_quote(r.start)]
    if refs:
        return _person(ctx, refs[-1])
    agents = [m for m in ctx.mentions_in(intro.start, intro.end) if _agent(ctx, m.key)]
    return (agents[-1].key, None) if agents else None


def _person(ctx: Context, ref: PersonRef) -> Announcer:
    return ref.person, ctx.post_of(ref)


def _lead_announcer(ctx: Context) -> Announcer | None:
    """Whoever the document's first announcing sentence names."""
    for sentence in ctx.sentences:
        if not ctx.in_quote(sentence.start) and has_cue("announce_verbs", sentence.text):
            found = announcer(ctx, sentence, sentence.end)
            if found:
                return found
    return None


def _byline_announcer(ctx: Context) -> Announcer | None:
    """The first person of the release's byline, the short lines between its title and its first sentence of
    prose ('The Hon Clare O'Neil MP / Minister for Home Affairs'), when no sentence names who announces."""
    lede = ctx.lede()
    refs = [r for r in ctx.refs_in(ctx.sentences[1].start if len(ctx.sentences) > 1 else 0, lede.start if lede else 0)
            if not ctx.in_quote(r.start)]
    return _person(ctx, refs[0]) if refs else None


def _set_announcer(ctx: Context, fact: Fact, found: Announcer | None) -> None:
    if found:
        who, post = found
        fact.props.pop("announcer", None)
        fact.props.pop("announcerPost", None)
        fact.add("announcer", Ref(who))
        fact.add("announcerPost", Ref(post) if post else None)


def _only_a_state(ctx: Context, fact: Fact) -> bool:
    """Whether the package's announcer so far is a state ('UK funds £2 million ...' in a headline): a person or body
    the release later says announced it ('The British Embassy in Athens today launched') is more precise."""
    who = fact.first("announcer")
    return who is not None and ctx.entities[who.key].cls == "State"


# -- who receives it ----------------------------------------------------------------
def _agent(ctx: Context, key: str) -> bool:
    return ctx.entities[key].family in _AGENT_FAMILIES and ctx.entities[key].cls != "CriminalNetwork"


def _agent_or_place(ctx: Context, key: str) -> bool:
    """A receiver named where money goes: a body or state, or a province, island or town ('to Ontario and Manitoba')."""
    return _agent(ctx, key) or ctx.entities[key].family == "place"


def _recipients(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    found = _for(ctx, sentence, mention.end) + _receivers(ctx, sentence) + _funded_object(ctx, sentence, mention)
    found += _go_to(ctx, sentence, mention.end) + _helped(ctx, sentence, mention.end) + _to(ctx, sentence, mention.end)
    found += _owner_upgraded(ctx, sentence, mention.end)
    found += _supports(ctx, sentence, mention.end) + _in_its(ctx, sentence, mention.end) + _provided_with(ctx, sentence, mention)
    found += _contracted(ctx, sentence, mention) + _builders(ctx, sentence, mention) + _labelled_item(ctx, sentence, mention)
    found += _given_amount(ctx, sentence, mention) + _implementers(ctx, sentence, mention) + _paid_to(ctx, sentence, mention)
    found += _project_owner(ctx, sentence, mention) + _package_for(ctx, sentence, mention) + _granted(ctx, sentence, mention)
    receivers = [key for key in found if ctx.entities[key].family != "place"]
    return receivers or found  # '$155.1 million to BCCG for the El Paso 1 project': El Paso is where, not who


def _in_its(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'an initial investment of £120 million in Rwanda's economic development': the owner of what is paid for;
    'the EU has invested EUR 600 million in Mauritania': the one invested in."""
    match = _IN_ITS.match(ctx.doc.text, _RESTATED_AMOUNT.match(ctx.doc.text, start, sentence.end).end(), sentence.end)
    if not match:
        return []
    mention = ctx.mention_at(match.end(), sentence.end)
    invested = has_cue("investing_verbs", ctx.doc.text[sentence.start:start])
    if (mention is None or not _agent(ctx, mention.key)) and invested:
        return _invested_at(ctx, sentence, match.end())
    if mention is None or not _agent(ctx, mention.key):
        return []
    owned = ctx.doc.text[mention.end:mention.end + 2] in ("'s", "’s")
    return [mention.key] if owned or invested else []


def _invested_at(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'invest an extra £44.5 million in security at Calais': the place the thing invested in is at."""
    at = _AT_PLACE.match(ctx.doc.text, start, sentence.end)
    place = ctx.mention_at(at.end(), sentence.end) if at else None
    return [place.key] if place is not None and ctx.entities[place.key].family == "place" else []


def _provided_with(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'The EU will provide Tunisia with €105 million': the one provided."""
    return _receiver_before(ctx, sentence, mention, _WITH_AMOUNT, _PROVIDE_WITH)


def _given_amount(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'Budget 2023 gave KDN RM18.5 billion': the receiver between a giving verb and the amount."""
    return _receiver_before(ctx, sentence, mention, _BEFORE_AMOUNT, _double_object_verb())


def _receiver_before(ctx: Context, sentence: Sentence, mention: MoneyMention, joint: re.Pattern,
                     verb: re.Pattern) -> list[str]:
    """The body named just before the amount (then ``joint``), just after a verb that gives (``verb``)."""
    text = ctx.doc.text
    before = joint.search(text, sentence.start, mention.start)
    receiver = next((m for m in ctx.mentions_in(sentence.start, mention.start) if before and m.end == before.start()), None)
    if receiver is None or not verb.search(text, sentence.start, receiver.start):
        return []
    return [receiver.key] if _agent(ctx, receiver.key) else []


def _paid_to(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'Its annual financial contribution to Frontex will rise ... to up to 61 million francs': the body a payment
    (facts.yaml ``giving_nouns``) goes to, named before the amount in its clause."""
    text = ctx.doc.text
    clause = max(sentence.start, *(text.rfind(mark, sentence.start, mention.start) + 1 for mark in ";:"))
    match = _payment_to().search(text, clause, mention.start)
    receiver = ctx.mention_at(match.end(), mention.start) if match else None
    return [receiver.key] if receiver and _agent_or_place(ctx, receiver.key) else []


def _project_owner(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'£2 million IOM Greece project': the body whose project the amount names, right after it."""
    text = ctx.doc.text
    owner = ctx.mention_at(_SPACE.match(text, mention.end, sentence.end).end(), sentence.end)
    if owner is None or ctx.entities[owner.key].family != "org" or not _PROJECT_AFTER.match(text, owner.end, sentence.end):
        return []
    return [owner.key]


def _granted(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'It proposes that the Finnish Border Guard be granted an order authorisation of EUR 240 million': the body
    granted, the subject of the passive before the amount in its clause."""
    text = ctx.doc.text
    clause = max(sentence.start, text.rfind(";", sentence.start, mention.start) + 1)
    match = next((m for m in _GRANTED.finditer(text, clause, mention.start) if mention.start - m.end() <= 120), None)
    if match is None:
        return []
    named = [m for m in ctx.mentions_in(_subject_start(ctx, sentence, match.start()), match.start()) if _agent(ctx, m.key)]
    return [named[-1].key] if named else []


def _package_for(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'a financial and investment package for Egypt worth €7.4 billion': the one the package named before its
    amount is for."""
    text = ctx.doc.text
    match = _package_noun_for().search(text, max(sentence.start, mention.start - 120), mention.start)
    receiver = ctx.mention_at(match.end(), mention.start) if match else None
    if receiver is None or not _WORTH_AMOUNT.fullmatch(text, receiver.end, mention.start):
        return []
    return [receiver.key] if _agent(ctx, receiver.key) else []


@lru_cache(maxsize=1)
def _package_noun_for() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation('package_anaphora')})\s+for\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _payment_to() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation('giving_nouns')})\s+to\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _double_object_verb() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation('double_object_verbs')})\s+(?:the\s+)?$")


def _labelled_item(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'- Poland: €52 million' in a list of shares: the name that labels the item receives its amount."""
    if not sentence.list_item:
        return []
    label = re.compile(r"\W*(?P<label>.+?)\s*[:–—]\s*(?:up\s+to\s+|about\s+|around\s+|some\s+)?$").fullmatch(
        ctx.doc.text, sentence.start, mention.start)
    if not label:
        return []
    end = label.start("label") + len(_BRACKETED_END.sub("", label.group("label")))  # '... Canada (IRCC)': the name
    named = ctx.mentions_in(label.start("label"), end)
    whole = len(named) == 1 and (named[0].start, named[0].end) == (label.start("label"), end)
    return [named[0].key] if whole and _agent(ctx, named[0].key) else []


def _shares_of_the_whole(ctx: Context, packages: list[Package]) -> None:
    """'The money will be shared among ... The largest allocations are: - Canada Border Services Agency (CBSA):
    $382 million', 'Of the five-year amount, $14.12 million goes to the CRCC': each share's receiver also receives
    the larger package told before the list or the sentence."""
    for package in packages:
        item, mention = package.sentence, package.mention
        intro = ctx.intro_of(item)
        if intro is not None and _labelled_item(ctx, item, mention):
            before = intro.start
        elif _PARTITIVE.match(item.text):  # 'Of the five-year amount, $14.12 million goes to the CRCC'
            before = item.start
        else:
            continue
        wholes = [p for p in packages if p.fact.evidence.start < before and p.fact.first("amount") > mention.amount
                  and p.fact.first("currency") == mention.currency]
        if wholes:
            whole = max(wholes, key=lambda p: p.fact.evidence.start).fact
            for recipient in package.fact.props.get("recipient", []):
                if _agent_or_place(ctx, recipient.key):
                    whole.add("recipient", recipient)
            whole.cite(Span(item.start, item.end))


def _contracted(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'the Border Guard has contracted a consortium of Elektrotim S.A. and ...; the contract is worth PLN 280
    million': the contractors, named in the sentence or clause before the amount."""
    text = ctx.doc.text
    verb = next((m for m in cue_pattern("contractor_verbs").finditer(text, sentence.start, mention.start)), None)
    if verb is None:
        return []
    lead = re.compile(r"\s+(?:a\s+(?:consortium|joint\s+venture|group)\s+of\s+|(?:the\s+)?(?:firm|company|companies)\s+)?(?:the\s+)?")
    return _named_list(ctx, lead.match(text, verb.end()).end(), sentence.end)


def _implementers(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'EUR 29m funds the programme ..., implemented by the IOM and the UNHCR'; '€55 million goes to the programme.
    Implemented by the Italian Ministry of the Interior together with the ICMPD, it will ...': who carries the
    funded work out receives the money."""
    text = ctx.doc.text
    following = ctx.sentences[sentence.index + 1] if sentence.index + 1 < len(ctx.sentences) else None
    match = _IMPLEMENTED_BY.search(text, mention.end, sentence.end)
    if match is None and following is not None:
        match = _IMPLEMENTED_BY.match(text, following.start, following.end)
    if match is None:
        return []
    end = _CLAUSE.match(text, match.end()).end()
    other = _CO_AGENT.search(text, match.end(), end)
    return [m.key for m in ctx.mentions_in(match.end(), other.start() if other else end) if _agent(ctx, m.key)]


def _builders(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'Sprint S.A. of Olsztyn will build a PLN 85 million electronic barrier': the company paid to build it."""
    text = ctx.doc.text
    verbs = [v for v in cue_pattern("builder_verbs").finditer(text, sentence.start, mention.start)
             if re.fullmatch(r"\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:(?:up\s+to|nearly|around|about|almost)\s+)?", text[v.end():mention.start])]
    if not verbs:
        return []
    clause = max(sentence.start, text.rfind(";", sentence.start, verbs[-1].start()) + 1)
    return [m.key for m in ctx.mentions_in(clause, verbs[-1].start()) if ctx.entities[m.key].cls == "Company"][:1]


def _supports(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'$1.3 billion over six years, set aside in ..., supports Public Safety Canada, the CBSA and the RCMP'."""
    match = _SUPPORTS.search(ctx.doc.text, start, sentence.end)
    return _named_list(ctx, match.end(), sentence.end) if match else []


def _to(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'$22 million to the World Food Programme', '$5 million already provided to UN agencies', '$1.3 billion over six
    years, set out in the Fall Economic Statement, to Public Safety Canada, the CBSA and the RCMP': the named receivers,
    after the period and an aside."""
    match = _TO.match(ctx.doc.text, _money_tail().match(ctx.doc.text, start, sentence.end).end(), sentence.end)
    if not match:
        return []
    counted = _COUNTED_RECEIVERS.match(ctx.doc.text, match.end(), sentence.end)
    if counted:  # 'to two implementing partners, Centro Yanapanakusun and the ILO': the ones the count names
        relative = _RELATIVE_CLAUSE.search(ctx.doc.text, counted.end(), sentence.end)
        end = relative.start() if relative else sentence.end
        return [m.key for m in ctx.mentions_in(counted.end(), end) if _agent(ctx, m.key)]
    mention = ctx.mention_at(match.end(), sentence.end)
    if not mention or not _agent_or_place(ctx, mention.key):
        return []
    listed = _named_list(ctx, match.end(), sentence.end)
    return listed if len(listed) > 1 else [mention.key]


def _for(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'£30 million for high-impact Border Security Command operations'; '$25 million for a programme to ...'."""
    text = ctx.doc.text
    match = re.compile(r"[^.;]{0,40}?\bfor\s+(?:the\s+)?(?!first\b|the\s+first\b|by\b)").match(text, start, sentence.end)
    if not match or ctx.in_quote(match.end()):
        return []
    listed = _named_list(ctx, match.end(), sentence.end)
    if len(listed) > 1:
        return listed  # 'for Cyprus, Greece, Italy and Spain'
    end = _before_verb(text, match.end(), _CLAUSE.match(text, match.end(), sentence.end).end())
    agents = [m.key for m in ctx.mentions_in(match.end(), end) if _agent(ctx, m.key)]
    places = [m.key for m in ctx.mentions_in(match.end(), end) if ctx.entities[m.key].family == "place"]
    if agents or places:
        return (agents or places)[:1]
    phrase = text[match.end():end]
    if _SINGULAR_OF.match(phrase) or _NOT_RECEIVER.match(phrase) or (_CUT_ADJECTIVE.fullmatch(phrase) and _COMMA_GOES_ON.match(text, end)):
        return []  # 'for the acquisition of 50 new vessels': what is bought, not who receives; 'for this year': when;
        # 'for a comprehensive, whole-of-government strategy': the comma cut an adjective from its noun
    if re.match(r"(?:a|an)\s+[a-z]", phrase) or (
            re.match(r"[a-z]", phrase) and re.search(r"\b[a-z]+s\b", " ".join(phrase.split()[:6]))
            and not re.match(r"(?:\d|one|two|three|four|five|six|several|many|the\s+next)\b", phrase)):
        return [_group(ctx, phrase)]
    return []


def _named_list(ctx: Context, start: int, stop: int) -> list[str]:
    """The receivers named one after another from ``start``: 'Cyprus, Greece, Italy and Spain', 'Samos, Kos and Leros'."""
    return ctx.named_list(start, stop, lambda key: _agent_or_place(ctx, key))


def _funded_object(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'The UK will fund a further year of French border security projects ..., worth €25 million'."""
    text = ctx.doc.text
    match = re.compile(r"\b(?:will|to)\s+(?:also\s+)?(?:fund|finance)\s+(?:a\s+further\s+\w+\s+of\s+|another\s+\w+\s+of\s+)?"
                       r"(?P<object>[^,;.]{3,120}?)(?:,?\s+worth|\s+with(?:\s+a\s+total\s+of)?)\s+$").search(text, sentence.start, mention.start)
    if not match:
        return []
    agents = [m.key for m in ctx.mentions_in(match.start("object"), match.end("object")) if _agent(ctx, m.key)]
    return agents[:1] or [_group(ctx, match.group("object"))]


def _before_verb(text: str, start: int, end: int) -> int:
    """The end of a noun phrase: before ', ' or ' to <verb>' or ' that'/' which'."""
    stop = re.compile(r"\s+(?:that|which|who|so that)\b").search(text, start, end)
    return stop.start() if stop else end


def _group(ctx: Context, phrase: str) -> str:
    label = " ".join(tidy(phrase).split()[:14])
    return ctx.finder.remember(Entity(entity_key("ActorGroup", label), "ActorGroup", label))


def _receivers(ctx: Context, sentence: Sentence) -> list[str]:
    """'X, Y and Z will receive ...', '... and Serbia will get help ...'."""
    found = []
    for match in _RECEIVE.finditer(ctx.doc.text, sentence.start, sentence.end):
        if not match.group("aux") and not any(0 <= m.start - match.end() <= 40 for m in ctx.money[sentence.index]):
            continue  # 'Finland receive EUR 1.6 billion', not 'officers received training'
        start = _subject_start(ctx, sentence, match.start())
        named = [m.key for m in ctx.mentions_in(start, match.start()) if _agent(ctx, m.key)]
        found += named or _the_body(ctx, sentence, start)
    return found


def _the_body(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'The agency, which employs 1,400 people, will receive ...': the organisation of that kind named last."""
    match = _BODY.match(ctx.doc.text, start, sentence.end)
    if not match:
        return []
    noun = match.group(1).lower()
    earlier = [m.key for m in ctx.mentions if m.end <= sentence.start and _agent(ctx, m.key)
               and (noun in ctx.entities[m.key].label.lower().split() or noun in ctx.entities[m.key].cls.lower())]
    return earlier[-1:]


def _subject_start(ctx: Context, sentence: Sentence, verb: int) -> int:
    """Where the subject of the verb at ``verb`` starts: after a leading phrase or an earlier clause."""
    text = ctx.doc.text
    lead = re.compile(r"(?:As part of|Under|With|Following|After|In|At|Through|Since|Alongside|Thanks to)\b[^,]{0,120},\s*").match(
        text, sentence.start, sentence.end)
    start = lead.end() if lead else sentence.start
    clauses = list(re.compile(r",\s+(?:and|while|but)\s+|\bthat\s+").finditer(text, start, verb))
    return clauses[-1].end() if clauses else start  # 'the Commission proposed that Finland receive ...': Finland


def _go_to(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    text = ctx.doc.text
    match = re.compile(r"\b(?:(?:will|would|is to|are to)\s+(?:also\s+)?(?:go|be given|be allocated|be paid|be made available)"
                       r"|goes|went)\s+to\s+(?:the\s+)?").search(
        text, start, sentence.end)
    if not match or text[match.end():match.end() + 1] in (":", ""):
        return []
    end = _CLAUSE.match(text, match.end(), sentence.end).end()
    listed = _named_list(ctx, match.end(), sentence.end)  # 'goes to the CBSA, the RCMP and Public Safety Canada'
    if listed:
        return listed
    first = ctx.mention_at(match.end(), end)
    if first is not None and ctx.entities[first.key].family == "place":
        return [first.key]  # 'goes to Arizona, California, New Mexico and Texas': the first place, not a group
    return [_group(ctx, text[match.end():end])] if tidy(text[match.end():end]) else []


def _shared_among(ctx: Context, sentence: Sentence) -> list[str]:
    """'The allocation will be shared among the Ministry's enforcement agencies, including the Royal Malaysia
    Police (PDRM), the Immigration Department ... and the MMEA': the bodies named, after 'including' or at once."""
    text = ctx.doc.text
    match = _SHARED.search(text, sentence.start, sentence.end)
    if not match:
        return []
    including = _INCLUDING.match(text, match.end(), sentence.end)
    return _named_list(ctx, including.end() if including else match.end(), sentence.end)


@lru_cache(maxsize=2)
def _to_verb(verbs: str) -> re.Pattern:
    """'to help the ...', 'to upgrade ...': 'to' and a verb of the facts.yaml list ``verbs``."""
    return re.compile(rf"\bto\s+(?:{alternation(verbs)})\s+(?:the\s+)?")


def _owner_upgraded(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'£1 million to upgrade Albania's forensic capabilities': the body whose things the money improves."""
    text = ctx.doc.text
    match = _to_verb("upgrading_verbs").search(text, start, min(sentence.end, start + 80))
    owner = ctx.mention_at(match.end(), sentence.end) if match else None
    if owner is None or text[owner.end:owner.end + 2] not in ("'s", "’s") or not _agent(ctx, owner.key):
        return []
    return [owner.key]


def _helped(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'£12 million to help the border agencies of Senegal and Mauritania ...'."""
    text = ctx.doc.text
    match = _to_verb("helping_verbs").search(text, start, min(sentence.end, start + 80))
    if not match:
        return []
    end = _before_verb(text, match.end(), _CLAUSE.match(text, match.end(), sentence.end).end())
    agents = [m.key for m in ctx.mentions_in(match.end(), end) if _agent(ctx, m.key)]
    places = [m.key for m in ctx.mentions_in(match.end(), end) if ctx.entities[m.key].family in ("place", "state")]
    phrase = tidy(text[match.end():end])
    if agents or not phrase or has_cue("not_receiver_heads", phrase.split()[-1]) or has_cue("thing_helping_verbs", match.group()):
        return agents  # 'to fund the measures', 'to fund a wind turbine': what is paid for, not who
    return places or [_group(ctx, phrase)]  # 'to tackle the causes of migration in the Sahel, the Horn of Africa ...'


@lru_cache(maxsize=1)
def _support_for() -> re.Pattern:
    """'support for ', 'assistance for the ': a noun of facts.yaml ``support_nouns`` before the one it goes to."""
    return re.compile(rf"\b(?:{alternation('support_nouns')})\s+for\s+(?:the\s+)?")


def _intro_receiver(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    """'President von der Leyen announced the following support for Greece:' then '* Financial assistance of EUR 700
    million for migration management', or '... announced support for Mauritania: more than €300 million from Spain
    ...': the receiver a list's intro, or the clause before the colon, names when the amount's own words name none."""
    intro = ctx.intro_of(sentence) if sentence.list_item else None
    colon = ctx.doc.text.rfind(":", sentence.start, mention.start)
    start, end = (intro.start, intro.end) if intro else (sentence.start, colon)
    match = _support_for().search(ctx.doc.text, start, end) if intro or colon >= 0 else None
    receiver = ctx.mention_at(match.end(), end) if match else None
    return [receiver.key] if receiver and _agent_or_place(ctx, receiver.key) else []


def _anaphoric_recipients(ctx: Context, packages: list[Package]) -> None:
    """Sentences about 'the cash injection' or 'the money' without an amount, and lists after 'will go to:'."""
    for sentence in ctx.sentences:
        if ctx.money[sentence.index] or ctx.in_quote(sentence.start) or not has_cue("package_anaphora", sentence.text):
            continue
        for fact in _told_as(sentence, packages):
            _anaphor_facts(ctx, sentence, fact)


def _told_as(sentence: Sentence, packages: list[Package]) -> list[Fact]:
    """The packages 'the contribution' speaks of: those of the last sentence before it that told amounts with that
    noun ('Its annual financial contribution will rise from CHF 24 million to up to 61 million francs'), else the
    release's first package."""
    noun = cue_pattern("package_anaphora").search(sentence.text).group().lower()
    told = [p for p in packages if p.sentence.index < sentence.index and noun in p.sentence.text.lower()]
    latest = max((p.sentence.index for p in told), default=None)
    return [p.fact for p in told if p.sentence.index == latest] or [packages[0].fact]


def _anaphor_facts(ctx: Context, sentence: Sentence, fact: Fact) -> None:
    """What one sentence about a package without an amount says of it: receivers, a source, a list of receivers."""
    for recipient in _receivers(ctx, sentence) + _go_to(ctx, sentence, sentence.start) + _shared_among(ctx, sentence):
        fact.add("recipient", Ref(recipient))
        fact.cite(Span(sentence.start, sentence.end))
    source = _source(ctx, sentence) if fact.first("sourceOfFunds") is None else None
    if source:
        fact.add("sourceOfFunds", Ref(source))
        fact.cite(Span(sentence.start, sentence.end))
    if re.search(r"\b(?:go|be allocated|be paid|be given)\s+to:\s*$", sentence.text):
        for item in (s for s in ctx.sentences if ctx.intro_of(s) is sentence):
            fact.add("recipient", Ref(_item_recipient(ctx, item)))
            fact.cite(Span(item.start, item.end))
    elif _AS_FOLLOWS.search(sentence.text):  # 'The new funding will be used across government as follows:'
        for recipient, item in _item_doers(ctx, sentence):
            fact.add("recipient", Ref(recipient))
            fact.cite(Span(item.start, item.end))


def _item_doers(ctx: Context, intro: Sentence) -> list[tuple[str, Sentence]]:
    """The bodies that open the items of a list and do what the money pays for: '- the Canada Border Services Agency
    (CBSA) will review ...', '- the International Organization for Migration (IOM) to roll out ...'."""
    found = []
    for item in (s for s in ctx.sentences if ctx.intro_of(s) is intro):
        subject = ctx.mention_at(_THE.match(ctx.doc.text, item.start, item.end).end(), item.end)
        if subject is not None and _agent(ctx, subject.key) and _DOES.match(ctx.doc.text, subject.end, item.end):
            found.append((subject.key, item))
    return found


def _item_recipient(ctx: Context, item: Sentence) -> str:
    end = _CLAUSE.match(ctx.doc.text, item.start, item.end).end()
    mentions = ctx.mentions_in(item.start, end)
    if mentions and mentions[0].start == item.start and ctx.doc.text[mentions[0].end:end].strip() == "" and _agent(ctx, mentions[0].key):
        return mentions[0].key
    return _group(ctx, ctx.doc.text[item.start:end])


# -- where the money comes from, and what it is for --------------------------------
def _source(ctx: Context, sentence: Sentence, money: int | None = None) -> str | None:
    text = ctx.doc.text
    lead = re.compile(r"\b(?:redirect\w*\s+(?:the\s+)?(?:funds?|money|funding)\s+(?:originally\s+|previously\s+)?"
                      r"(?:allocated|earmarked|set aside|intended|committed)\s+(?:to|for)|"
                      r"(?:funded|financed|paid for|drawn|taken|redirected|reallocated|diverted|comes?|coming)\s+(?:(?:mainly|largely|mostly|partly|entirely|wholly)\s+)?(?:from|through|out of|(?P<by>by))|"
                      r"(?:grant|grants|contribution|loan|credit)\s+from|(?:set\s+aside|earmarked)\s+in)\s+(?:the\s+)?",
                      re.I).search(text, sentence.start, sentence.end)
    if not lead:
        return _named_source(ctx, sentence, money) or _from_body(ctx, sentence, money) or _its_budget(ctx, sentence)
    window = text[lead.end():_CLAUSE.match(text, lead.end(), sentence.end).end()]
    budget = re.search(r"((?:[\w’'-]+\s+){0,4}?(?:budget|fund|reserve|programme|allocation|funding|statement))\b", window, re.I)
    laws = [m for m in ctx.mentions_in(lead.end(), sentence.end) if m.start - lead.end() < 40 and ctx.entities[m.key].family == "law"]
    if laws:
        return laws[0].key
    named = ctx.mention_at(lead.end(), sentence.end)
    owned = _owned_programme(ctx, named, sentence) if named is not None else None
    if owned is not None:
        return owned  # "funded by the EU's Instrument contributing to Stability and Peace (IcSP)"
    if named is not None and budget and budget.start() == 0 and named.end >= lead.end() + budget.end(1):
        return named.key  # 'from the EU Emergency Trust Fund for Africa', a body the gazetteer knows
    if budget and (not lead.group("by") or budget.start() == 0):  # 'financed by the EU Trust Fund', not 'by the UK'
        label = re.sub(r"^(?:an?\s+(?:increase|rise|uplift)\s+in\s+)?(?:the\s+)?", "", tidy(budget.group(1)), flags=re.I)
        return ctx.finder.remember(Entity(entity_key("Programme", label), "Programme", label))
    mentions = [m for m in ctx.mentions_in(lead.end(), sentence.end) if m.start - lead.end() < 40]
    if mentions and not lead.group("by"):
        return mentions[0].key
    return None


def _its_budget(ctx: Context, sentence: Sentence) -> str | None:
    """'The Government negotiated the seventh supplementary budget proposal for 2020 today. It proposes that ...
    EUR 240 million ...': the budget the sentence before named, which the opening 'It' stands for."""
    before = ctx.sentence_before(sentence)
    if before is None or not _IT_PROPOSES.match(sentence.text):
        return None
    named = _BUDGET_NAMED.search(before.text)
    if named is None:
        return None
    label = tidy(named.group("name"))
    return ctx.finder.remember(Entity(entity_key("Programme", label), "Programme", label))


def _owned_programme(ctx: Context, owner: EntityMention, sentence: Sentence) -> str | None:
    """The programme named right after a body's possessive: the EU's instrument, not the EU, pays."""
    owned = _POSSESSIVE.match(ctx.doc.text, owner.end, sentence.end)
    named = ctx.mention_at(owned.end(), sentence.end) if owned else None
    return named.key if named is not None and ctx.entities[named.key].cls == "Programme" else None


def _from_body(ctx: Context, sentence: Sentence, money: int | None) -> str | None:
    """'$3 million over two years from Immigration, Refugees and Citizenship Canada (IRCC)': the body the amount
    comes from, right after it."""
    if money is None:
        return None
    amount = next((m for m in ctx.money[sentence.index] if m.start == money), None)
    after = _FROM_AFTER_AMOUNT.match(ctx.doc.text, amount.end, sentence.end) if amount else None
    body = ctx.mention_at(after.end(), sentence.end) if after else None
    return body.key if body is not None and ctx.entities[body.key].family == "org" else None


def _named_source(ctx: Context, sentence: Sentence, money: int | None = None) -> str | None:
    """'through Budget 2025', 'from the existing aid budget', 'In the 2024-25 Budget, ...', 'from the Modern Slavery
    Fund': a budget or fund named after from/through/in/under; or the subject of giving, for the amount in its own
    clause ('The Bipartisan Infrastructure Law includes $3.4 billion ..., and Mexico committed $1.5 billion')."""
    text = ctx.doc.text
    match = _SOURCE_NAMED.search(text, sentence.start, sentence.end) or _source_which_gave().search(
        text, sentence.start, money if money is not None else sentence.end)
    if match is None:
        match = _source_subject().match(text, sentence.start, sentence.end)
        if match and money is not None and _NEXT_CLAUSE.search(text, match.end(), max(match.end(), money)):
            return None
    if not match or ctx.in_quote(match.start()):
        return None
    label = _RELATIVE_OWNER.sub("", tidy(match.group("name")))
    return ctx.finder.remember(Entity(entity_key("Programme", label), "Programme", label))


def _purpose(ctx: Context, sentence: Sentence, mention: MoneyMention) -> str | None:
    """'... £4 million project to strengthen cyber defences in the region': what the money is for."""
    text = ctx.doc.text
    match = _to_verb("helping_verbs").search(text, mention.end, min(sentence.end, mention.end + 80))
    if not match:
        return None
    return tidy(text[match.start() + len("to "):_CLAUSE.match(text, match.end(), sentence.end).end()])
