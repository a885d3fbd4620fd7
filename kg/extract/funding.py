"""Funding packages: amount, currency, ceiling, announcer and post, date, recipients, source.

A package is named by its amount; every mention of the same amount (or of its
stated equivalent in another currency, "€541 million (about £478 million)")
in a document is the same package. Recipients and sources come from patterns
around the amount or, for sentences that speak of "the cash injection" or
"the money" without an amount, from the document's first package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.context import Context
from kg.extract.cues import cue_pattern, has_cue
from kg.extract.entities import Entity, entity_key
from kg.model import DateValue, Fact, Ref, Sentence, Span
from kg.values.money import MoneyMention, readable
from kg.values.names import tidy

_AGENT_FAMILIES = ("org", "state", "group")


@dataclass
class Package:
    fact: Fact
    amounts: set[tuple[str, object]] = field(default_factory=set)


def extract_funding(ctx: Context) -> list[Fact]:
    funding = {sentence.index: [m for m in ctx.money[sentence.index] if _is_funding(ctx, sentence, m)]
               for sentence in ctx.sentences}
    same = _equivalences(ctx, funding)
    packages: list[Package] = []
    for sentence in ctx.sentences:
        for mention in funding[sentence.index]:
            amount = same.get((mention.currency, mention.amount), (mention.currency, mention.amount))
            package = next((p for p in packages if amount in p.amounts), None)
            if package is None:
                package = _new_package(ctx, packages, sentence, mention)
                package.amounts |= {a for a, root in same.items() if root == amount} | {amount}
            _enrich(ctx, package, sentence, mention)
    for sentence in ctx.sentences:
        if packages and not ctx.money[sentence.index]:
            _anaphoric_recipients(ctx, packages[0], sentence)
    for package in packages:
        if package.fact.first("date") is None:
            package.fact.add("date", _lead_date(ctx))
        _label(ctx, package.fact)
    return [p.fact for p in packages]


def _equivalences(ctx: Context, funding: dict[int, list[MoneyMention]]) -> dict[tuple, tuple]:
    """Map each amount stated as an equivalent in brackets to the amount it restates."""
    same: dict[tuple, tuple] = {}
    for mentions in funding.values():
        for first, second in zip(mentions, mentions[1:]):
            if _equivalent(ctx, first, second):
                root = same.get((first.currency, first.amount), (first.currency, first.amount))
                same[(first.currency, first.amount)] = root
                same[(second.currency, second.amount)] = root
    return same


def _is_funding(ctx: Context, sentence: Sentence, money: MoneyMention) -> bool:
    if ctx.in_quote(money.start):
        return False
    text = ctx.doc.text
    window = text[max(sentence.start, money.start - 80):min(sentence.end, money.end + 80)]
    if has_cue("funding_negative", window):
        return False
    return has_cue("funding_cues", text[sentence.start:sentence.end]) and not (
        sentence.list_item and not has_cue("funding_cues", text[sentence.start:money.start]))


def _equivalent(ctx: Context, first: MoneyMention, second: MoneyMention) -> bool:
    between = ctx.doc.text[first.end:second.start]
    return bool(re.fullmatch(r"\s*\(\s*(?:about|around|approximately|roughly|some|c\.|or|equivalent to|worth)?\s*", between))


def _new_package(ctx: Context, packages: list[Package], sentence: Sentence, mention: MoneyMention) -> Package:
    fact = Fact("FundingPackage", ctx.fact_key("FundingPackage", sentence.start, sentence.end),
                Span(sentence.start, sentence.end), "funding_amount")
    fact.add("amount", mention.amount)
    fact.add("currency", mention.currency)
    package = Package(fact, {(mention.currency, mention.amount)})
    packages.append(package)
    return package


def _enrich(ctx: Context, package: Package, sentence: Sentence, mention: MoneyMention) -> None:
    fact = package.fact
    fact.cite(Span(sentence.start, sentence.end))
    if mention.ceiling:
        fact.props["isUpperBound"] = [True]
    if fact.first("date") is None:
        fact.add("date", _nearest_date(ctx, sentence, mention))
    if fact.first("announcer") is None:
        _announcer(ctx, fact, sentence)
    for recipient in _recipients(ctx, sentence, mention):
        fact.add("recipient", Ref(recipient))
    source = _source(ctx, sentence)
    if source and fact.first("sourceOfFunds") is None:
        fact.add("sourceOfFunds", Ref(source))


def _nearest_date(ctx: Context, sentence: Sentence, mention: MoneyMention) -> DateValue | None:
    """The resolved date stated closest to the amount ('signed last November, worth £63 million')."""
    dates = [d for d in ctx.dates[sentence.index] if d.value and not ctx.in_quote(d.start)]
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.end - mention.start), abs(d.start - mention.end))).value


def _lead_date(ctx: Context) -> DateValue | None:
    """The date of the document's first dated narrative sentence: when its news happened."""
    for sentence in ctx.sentences:
        value = ctx.sentence_date(sentence)
        if value and value.precision == "day" and not ctx.in_quote(sentence.start):
            return value
    return ctx.published_value()


def _announcer(ctx: Context, fact: Fact, sentence: Sentence) -> None:
    text = ctx.doc.text
    verb = cue_pattern("announce_verbs").search(text, sentence.start, sentence.end)
    if not verb:
        return
    refs = [r for r in ctx.refs_in(sentence.start, sentence.end) if r.end <= verb.start()]
    if not refs:
        refs = [r for r in ctx.refs_in(verb.end(), sentence.end)
                if re.match(r"\s*by\s+(?:the\s+)?$", text[verb.end():r.start]) or text[verb.end():r.start].strip() == "by"]
    if not refs and re.search(r"\b(?:he|she)\b", text[sentence.start:verb.start()], re.I):
        refs = [r for r in ctx.refs if r.end <= sentence.start][-1:]
    if refs:
        ref = refs[-1]
        fact.add("announcer", Ref(ref.person))
        post = ctx.post_of(ref)
        fact.add("announcerPost", Ref(post) if post else None)


def _agent(ctx: Context, key: str) -> bool:
    return ctx.entities[key].family in _AGENT_FAMILIES and ctx.entities[key].cls != "CriminalNetwork"


def _recipients(ctx: Context, sentence: Sentence, mention: MoneyMention) -> list[str]:
    text = ctx.doc.text
    found: list[str] = []
    after_for = re.compile(r"[^.;]{0,60}?\bfor\s+(?:the\s+)?(?!first\b)").match(text, mention.end, sentence.end)
    if after_for:
        found += [m.key for m in ctx.mentions_in(after_for.end(), sentence.end)[:1]
                  if m.start == after_for.end() and _agent(ctx, m.key)]
    found += _receivers(ctx, sentence)
    found += _go_to(ctx, sentence, mention.end)
    found += _helped(ctx, sentence, mention.end)
    if not found:
        found += _for_purpose(ctx, sentence, mention.end)
    return found


def _helped(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'£12 million to help the border agencies of Senegal and Mauritania ...'."""
    match = re.compile(r"\s+(?:to|will)\s+(?:help|support|assist|enable|equip|fund)\s+").match(ctx.doc.text, start, sentence.end)
    if not match:
        return []
    return [m.key for m in ctx.mentions_in(match.end(), min(sentence.end, match.end() + 70)) if _agent(ctx, m.key)]


def _for_purpose(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    """'$25 million for a programme to train border officials': the programme receives it."""
    text = ctx.doc.text
    match = re.compile(r"\s+for\s+(?:a|an)\s+(?=[a-z])").match(text, start, sentence.end)
    if not match:
        return []
    label = tidy(re.compile(r"[^,;.]*").match(text, match.end(), sentence.end).group())
    words = label.split()
    label = " ".join(words[:14])
    return [ctx.finder.remember(Entity(entity_key("ActorGroup", label), "ActorGroup", label))] if label else []


def _receivers(ctx: Context, sentence: Sentence) -> list[str]:
    match = re.compile(r"\b(?:will|would|is to|are to|shall|to)\s+(?:also\s+)?receive\b").search(
        ctx.doc.text, sentence.start, sentence.end)
    if not match:
        return []
    return [m.key for m in ctx.mentions_in(_subject_start(ctx, sentence), match.start()) if _agent(ctx, m.key)]


def _subject_start(ctx: Context, sentence: Sentence) -> int:
    """Where a sentence's subject starts, after a leading phrase such as 'As part of the uplift,'."""
    text = ctx.doc.text
    lead = re.compile(r"(?:As part of|Under|With|Following|After|In|At|Through|Since|Alongside|Thanks to)\b[^,]{0,120},\s*").match(text, sentence.start, sentence.end)
    return lead.end() if lead else sentence.start


def _go_to(ctx: Context, sentence: Sentence, start: int) -> list[str]:
    text = ctx.doc.text
    match = re.compile(r"\b(?:will|would|is to|are to)\s+(?:also\s+)?(?:go|be given|be allocated|be paid)\s+to\s+(?:the\s+)?").search(text, start, sentence.end)
    if not match:
        return []
    end = re.compile(r"[^,;.]*").match(text, match.end(), sentence.end).end()
    agents = [m.key for m in ctx.mentions_in(match.end(), end) if _agent(ctx, m.key)]
    if agents and ctx.mentions_in(match.end(), end)[0].start == match.end():
        return agents[:1]
    label = tidy(text[match.end():end])
    return [ctx.finder.remember(Entity(entity_key("ActorGroup", label), "ActorGroup", label))] if label else []


def _anaphoric_recipients(ctx: Context, package: Package, sentence: Sentence) -> None:
    text = ctx.doc.text[sentence.start:sentence.end]
    if ctx.in_quote(sentence.start) or not has_cue("package_anaphora", text):
        return
    for recipient in _receivers(ctx, sentence) + _go_to(ctx, sentence, sentence.start):
        package.fact.add("recipient", Ref(recipient))


def _source(ctx: Context, sentence: Sentence) -> str | None:
    text = ctx.doc.text
    lead = re.compile(r"\b(?:redirect\w*\s+(?:the\s+)?(?:funds?|money|funding)\s+(?:originally\s+|previously\s+)?"
                      r"(?:allocated|earmarked|set aside|intended|committed)\s+(?:to|for)|"
                      r"(?:funded|paid for|drawn|taken|redirected|reallocated|diverted|comes?|coming)\s+(?:from|through|out of))\s+(?:the\s+)?",
                      re.I).search(text, sentence.start, sentence.end)
    if not lead:
        return None
    mentions = [m for m in ctx.mentions_in(lead.end(), sentence.end) if m.start - lead.end() < 40]
    start = lead.end()
    if mentions and mentions[0].start == start and re.match(r"[’']s\s", text[mentions[0].end:mentions[0].end + 3]):
        start = mentions[0].end + 3
        mentions = [m for m in mentions[1:] if ctx.entities[m.key].family == "law"]
    laws = [m for m in mentions if ctx.entities[m.key].family == "law"]
    if laws or mentions:
        return (laws or mentions)[0].key
    phrase = tidy(re.compile(r"[^,;.]*").match(text, start, sentence.end).group())
    if not phrase:
        return None
    return ctx.finder.remember(Entity(entity_key("Programme", phrase), "Programme", phrase))


def _label(ctx: Context, fact: Fact) -> None:
    amount = readable(fact.first("amount"), fact.first("currency"))
    ceiling = "up to " if fact.first("isUpperBound") else ""
    announcer = fact.first("announcer")
    by = f" announced by {ctx.entities[announcer.key].label}" if announcer else ""
    fact.label = f"Funding package of {ceiling}{amount}{by}"
    if fact.first("isUpperBound") is None:
        fact.props["isUpperBound"] = [False]
