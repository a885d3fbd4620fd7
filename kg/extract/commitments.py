"""Commitments: what is to be delivered (capabilities, units, staff, technology, co-operation), for whom.

Rules: ``list_item`` (each item of a list introduced by "The new capabilities
include:" or "G7 partners will:", split at "; " and ", alongside "),
``additional_staff`` ("an additional 100 specialist investigators for the
NCA"), ``percent_increase`` ("a 50% increase in the number of British
officers stationed at Europol"), ``gain`` ("German law enforcement will gain
the power to ..."), ``pledge`` ("Germany pledged to make ..."),
``deployment`` ("sent more officers to Europol"), ``will_be_funded`` ("A
detention centre, 500 officers and a command centre will be funded"),
``money_purpose`` (what an amount is for: "€170 million to upgrade surveillance
equipment, improve telecommunication networks and counter drone intrusion",
"€364 million for Garda buildings", "EUR 900 million in macro-financial assistance").
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.extract.context import Context
from kg.extract.cues import alternation, cue_pattern, has_cue
from kg.extract.funding import announcer
from kg.model import Fact, Ref, Sentence, Span
from kg.patterns import one_of, patterns
from kg.values.names import tidy
from kg.values.money import is_instalment
from kg.values.numbers import Quantity

_KINDS = [("staffCommitment", r"\b(?:officers|investigators|staff|personnel|prosecutors|agents|officials|recruits?|posts)\b"),
          ("unitCommitment", r"\b(?:unit|command|centre|center|taskforce|task force|cell|team|hub)\b"),
          ("technologyCommitment", r"\b(?:technology|cameras?|drones?|aircraft|equipment|surveillance|e-gates|data|systems?)\b"),
          ("cooperationCommitment", r"\b(?:co-?operation|partnership|joint|closer work|sharing|together|liaison)\b"),
          ("legalCommitment", r"\b(?:law|offence|legislation|powers?|sanctions?)\b")]
_NOT_BENEFICIARY = {"CriminalNetwork", "Legislation", "Policy", "Programme", "Meeting", "Summit", "Conference"}


def extract_commitments(ctx: Context, packages: list[Fact]) -> list[Fact]:
    facts: list[Fact] = []
    for sentence in ctx.sentences:
        if ctx.in_quote(sentence.start):
            continue
        if sentence.list_item and _list_intro(ctx, sentence):
            if not _is_tranche(ctx, sentence):
                facts += _list_item(ctx, sentence, packages)
            continue
        found = _additional(ctx, sentence)
        found += _percent_increase(ctx, sentence, facts + found)
        found += _gain(ctx, sentence) + _pledge(ctx, sentence) + _deployment(ctx, sentence) + _provision(ctx, sentence)
        counts = _deploying_counts(ctx, sentence)
        found += _deployed_count(ctx, sentence) + _enabling(ctx, sentence) + counts
        found += _will_be_funded(ctx, sentence) + _pays_for(ctx, sentence, found) + ([] if counts else _will_do(ctx, sentence))
        found += _these_include(ctx, sentence) + _funded_purposes(ctx, sentence, packages)
        found += _money_purposes(ctx, sentence, packages, found)
        _committed_by(ctx, sentence, found)
        facts += _outermost(found)
    return facts


def _outermost(found: list[Fact]) -> list[Fact]:
    """'committed to welcome 4,000 more people': the pledge, not also the '4,000 more people' it holds; what only
    the inner fact knew (the organisation named inside the count) passes to the pledge."""
    kept = []
    for index, fact in enumerate(found):
        holder = next((other for at, other in enumerate(found) if at != index and _holds(other, fact, at < index)), None)
        if holder is None or fact.first("quantity") is None:
            kept.append(fact)
            continue
        for prop, values in fact.props.items():
            if holder.first(prop) is None and any(v is not None for v in values):
                holder.props[prop] = list(values)
    return kept


def _holds(other: Fact, fact: Fact, earlier: bool) -> bool:
    """Whether ``other`` states the same count as ``fact`` over a span holding fact's (the earlier of two equal spans)."""
    if other.first("quantity") != fact.first("quantity"):
        return False
    if (other.evidence.start, other.evidence.end) == (fact.evidence.start, fact.evidence.end):
        return earlier
    return other.evidence.start <= fact.evidence.start and fact.evidence.end <= other.evidence.end


def _committed_by(ctx: Context, sentence: Sentence, found: list[Fact]) -> None:
    """'The government has also announced a 50% increase ...': who announced it committed to it."""
    if not found or not has_cue("announce_verbs", sentence.text):
        return
    who = announcer(ctx, sentence, sentence.end)
    for fact in found:
        if who and fact.first("committedBy") is None:
            fact.add("committedBy", Ref(who[0]))


def _new(ctx: Context, rule: str, start: int, end: int, capability: str) -> Fact:
    fact = Fact("Commitment", ctx.fact_key("Commitment", start, end), Span(start, end), rule)
    capability = tidy(capability)
    fact.label = capability[:120]
    fact.add("capability", capability)
    kind = next((k for k, pattern in _KINDS if re.search(pattern, capability, re.I)), "capabilityCommitment")
    fact.add("commitmentKind", Ref(f"kind/{kind}"))
    return fact


def _beneficiary(ctx: Context, start: int, end: int) -> str | None:
    for mention in ctx.mentions_in(start, end):
        entity = ctx.entities[mention.key]
        before = ctx.doc.text[max(start, mention.start - 30):mention.start]
        if entity.cls not in _NOT_BENEFICIARY and entity.family in ("org", "state", "group") \
                and re.search(r"\b(?:for|in|into|at|to|with|within|of|train|training|support|help|equip)\s+(?:the\s+)?"
                              r"(?:[a-z][\w-]*\s+){0,2}$", before):
            return mention.key
    return None


def _is_tranche(ctx: Context, sentence: Sentence) -> bool:
    """'€141 million in 2023-24': an instalment of money, not something delivered."""
    money = ctx.money[sentence.index]
    return bool(money) and money[0].start <= sentence.start + 2 and is_instalment(ctx.doc.text, money[0].end, sentence.end)


def _list_intro(ctx: Context, sentence: Sentence) -> bool:
    earlier = ctx.intro_of(sentence)
    if earlier is None:
        return False
    intro = earlier.text
    cue = cue_pattern("list_intro_cues").search(intro)
    return cue is not None and not has_cue("speech_verbs", intro) and not _blocked_intro(intro, cue.start())


def _blocked_intro(intro: str, cue: int) -> bool:
    """Whether an intro lists people or deeds, not commitments: a blocker before its first cue ('Those sanctioned
    include:') or among its last words ('The court handed down these convictions:'); not 'commits the participants
    to negotiate a Memorandum covering four areas:', where the participants are those who commit."""
    blocker = cue_pattern("list_intro_blockers")
    last_words = intro.rstrip(" :").rsplit(maxsplit=3)
    return bool(blocker.search(intro, 0, cue) or blocker.search(" ".join(last_words[-3:])))


def _list_item(ctx: Context, sentence: Sentence, packages: list[Fact]) -> list[Fact]:
    money = ctx.money[sentence.index]
    if money and money[0].start <= sentence.start + 2:
        purposes = _money_purposes(ctx, sentence, packages, [], listed=True)
        if purposes:
            return purposes  # '- €364 million for Garda buildings': the things bought, not the amount
    if money and not text_after(ctx, money[-1].end, sentence.end):
        return []  # '- Poland: €52 million': a share of the money (kg.extract.funding), nothing bought
    facts = []
    package = _package_before(packages, sentence.start) if packages and (
        _intro_mentions_funding(ctx, sentence) or _intro_names_what_was_bought(ctx, sentence)) else None
    for index, (start, end) in enumerate(_conjuncts(ctx.doc.text, sentence.start, sentence.end)):
        if index and any(start <= m.start <= start + 12 for m in money):
            continue  # '...; a further EUR 350 million can be requested': more about the money, nothing bought
        fact = _new(ctx, "list_item", start, end, ctx.doc.text[start:end])
        _quantify(ctx, fact, sentence, start, end)
        beneficiary = _item_body(ctx, start, end) or _beneficiary(ctx, start, end) or _owner_within(ctx, sentence, start, end) \
            or (package and _agent_recipient(ctx, package))  # 'the funds may be applied to: - patrolling ...'
        fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
        if package:
            fact.add("fundedBy", Ref(package.key))
        facts.append(fact)
    return facts


def _item_body(ctx: Context, start: int, end: int) -> str | None:
    """A list item's body that owns or does what it names: 'new NCA technology and capabilities', 'quicker charging
    decisions by the Crown Prosecution Service'."""
    text = ctx.doc.text
    for mention in ctx.mentions_in(start, end):
        entity = ctx.entities[mention.key]
        if entity.family == "org" and entity.cls not in _NOT_BENEFICIARY and (
                _ITEM_MODIFIER.fullmatch(text, start, mention.start) or _BY.search(text, max(start, mention.start - 8), mention.start)):
            return mention.key
    return None


def _package_before(packages: list[Fact], position: int) -> Fact:
    """The package told last before a list of what it pays for (else the first told)."""
    before = [p for p in packages if p.evidence.start < position]
    return max(before, key=lambda p: p.evidence.start) if before else packages[0]


def _intro_mentions_funding(ctx: Context, sentence: Sentence) -> bool:
    earlier = [s for s in ctx.sentences if s.index < sentence.index and not s.list_item]
    return bool(earlier) and has_cue("funding_cues", ctx.doc.text[earlier[-1].start:earlier[-1].end]) or bool(
        earlier and re.search(r"capabilit|package|pay for", ctx.doc.text[earlier[-1].start:earlier[-1].end]))


def _intro_names_what_was_bought(ctx: Context, sentence: Sentence) -> bool:
    """'The new fleet is made up of:', 'The equipment includes:': an intro that opens on the thing the package told
    before paid for, whose receiver gains each item."""
    intro = ctx.intro_of(sentence)
    return intro is not None and bool(_THING_BOUGHT.match(intro.text))


def _conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The things a list item names: split at ';', ', alongside', ', as well as', ', and a', and a comma or 'and'
    before a count ('one aircraft, six coastal patrol vessels and five light helicopters')."""
    parts, cursor = [], start
    for match in _conjunction().finditer(text[start:end]):
        parts.append((cursor, start + match.start()))
        cursor = start + match.end()
    parts.append((cursor, end))
    return [(s, e - (1 if text[e - 1] in ".;," else 0)) for s, e in parts if e - s > 3]


@lru_cache(maxsize=1)
def _conjunction() -> re.Pattern:
    counts = one_of(patterns("figures")["number_words"])
    times = one_of(patterns("figures")["time_units"])
    return re.compile(rf";\s+|,\s+alongside\s+|,\s+as well as\s+|,\s+and\s+(?=(?:a|an)\s)"
                      rf"|(?:\s+and|,)\s+(?=(?:\d[\d,.]*|(?:{counts}))\s+(?!(?:{times})\b)[a-z])")


def _quantify(ctx: Context, fact: Fact, sentence: Sentence, start: int, end: int) -> None:
    for quantity in ctx.quantities[sentence.index]:
        if start <= quantity.start < end and quantity.unit.split(" ")[-1] not in _time_units():
            if quantity.unit == "percent":
                if _INCREASE.match(ctx.doc.text, quantity.start, end):
                    fact.add("changePercent", quantity.value)
            elif fact.first("quantity") is None:
                fact.add("quantity", quantity.value)
                fact.add("unit", quantity.unit)


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    return frozenset(patterns("figures")["time_units"])


_MORE = ("additional", "extra", "more", "new", "further")
_ITEM_MODIFIER = re.compile(r"(?:(?:a|an|the|new|more|extra|additional|further)\s+)*")  # before an owner: 'new NCA technology'
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_TO_THE = re.compile(r"to\s+(?:the\s+)?")  # 'hand over to the Libyan Coast Guard two patrol boats'
_SPACES = re.compile(r"\s*")
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "so"})
_WHEN_OR_WHERE = frozenset({"on", "in", "at", "by", "before", "after", "from", "during"})
_DEFINITE_BEFORE = re.compile(r"\b(?i:the|these|those)\s+$")
_INCREASE = re.compile(r"(?:[a-z]+\s+)*?[\d.]+\s?(?:%|per cent|percent)\s*(?:increase|rise|uplift|boost|expansion)\s+in\s+(?:the\s+number\s+of\s+)?", re.I)


def _additional(ctx: Context, sentence: Sentence) -> list[Fact]:
    facts = []
    text = ctx.doc.text
    for quantity in ctx.quantities[sentence.index]:
        qualifier = (quantity.qualifier or "").split(" ")[-1]
        if quantity.unit in ("percent", "") or quantity.unit.split(" ")[-1] not in quantity.text \
                or not (qualifier in _MORE or quantity.unit.split(" ")[0] in _MORE) \
                or has_cue("uncommitted_units", quantity.unit.split(" ")[-1]):
            continue  # 'A further 13 cases are still before the courts' counts what happened
        end = _phrase_end(text, quantity.end, sentence.end)
        fact = _new(ctx, "additional_staff", quantity.start, end, text[quantity.start:end])
        fact.add("quantity", quantity.value)
        fact.add("unit", quantity.unit)
        beneficiary = _beneficiary(ctx, quantity.end, end) or _owner(ctx, quantity) or _recruiter(ctx, sentence, quantity.start)
        fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
        facts.append(fact)
    return facts


@lru_cache(maxsize=1)
def _recruiting() -> re.Pattern:
    return re.compile(rf"\s*(?:\([A-Za-z&]+\)\s*)?(?:will|to|would|is\s+to|are\s+to|plans\s+to|is\s+set\s+to)\s+(?:also\s+)?"
                      rf"(?:{alternation('staffing_verbs')})\s+(?:up\s+to\s+|an?\s+)?$", re.I)


def _recruiter(ctx: Context, sentence: Sentence, at: int) -> str | None:
    """'the Ministry of the Interior to recruit 45 additional officials': the body that takes the staff on gains them."""
    bodies = [m for m in ctx.mentions_in(sentence.start, at) if ctx.entities[m.key].family in ("org", "state")
              and ctx.entities[m.key].cls not in _NOT_BENEFICIARY]
    if bodies and _recruiting().fullmatch(ctx.doc.text, bodies[-1].end, at):
        return bodies[-1].key
    return None


def _owner_within(ctx: Context, sentence: Sentence, start: int, end: int) -> str | None:
    """The body named inside the first count between start and end that names one."""
    owners = (_owner(ctx, q) for q in ctx.quantities[sentence.index] if start <= q.start < end)
    return next(filter(None, owners), None)


def _owner(ctx: Context, quantity: Quantity) -> str | None:
    """'1,000 new Canada Border Services Agency (CBSA) officers': the organisation named inside the count."""
    return next((m.key for m in ctx.mentions_in(quantity.start, quantity.end)
                 if ctx.entities[m.key].family == "org" and ctx.entities[m.key].cls not in _NOT_BENEFICIARY), None)


_ARTICLE_AND_WORD = re.compile(r"\b(?:a|an)\s+[a-z]+$")
_PHRASE = re.compile(r"(?:[^,;.]|[,.](?=\d))*")  # up to a comma, semicolon or full stop, but not one inside '4,000'


def _phrase_end(text: str, start: int, stop: int) -> int:
    """Where the phrase at ``start`` ends; not at the comma between two adjectives ('a new, comprehensive plan')."""
    end = _PHRASE.match(text, start, stop).end()
    while end < stop and text[end] == "," and _ARTICLE_AND_WORD.search(text, start, end):
        end = _PHRASE.match(text, end + 1, stop).end()
    return end


def _percent_increase(ctx: Context, sentence: Sentence, so_far: list[Fact]) -> list[Fact]:
    text = ctx.doc.text
    facts = []
    for quantity in ctx.quantities[sentence.index]:
        if quantity.unit != "percent":
            continue
        increase = _INCREASE.match(text, quantity.start, sentence.end)
        by = re.search(r"increased\s+(?:the\s+number\s+of\s+)?(?P<what>[^,;.]+?)\s+by\s+$", text[sentence.start:quantity.start])
        earlier = [f for f in so_far if sentence.start <= f.evidence.start < quantity.start and f.first("quantity")]
        if increase and earlier and re.search(r"\b(?:representing|which is|an increase of|a rise of)\b", text[earlier[-1].evidence.end:quantity.start]):
            _add_change(earlier[-1], quantity)
        elif increase:
            end = _phrase_end(text, increase.end(), sentence.end)
            fact = _new(ctx, "percent_increase", quantity.start, end, text[increase.end():end])
            fact.add("changePercent", quantity.value)
            beneficiary = _beneficiary(ctx, increase.end(), end)
            fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
            facts.append(fact)
        elif by:
            start = sentence.start + by.start("what")
            fact = _new(ctx, "percent_increase", start, quantity.end, by.group("what"))
            fact.add("changePercent", quantity.value)
            facts.append(fact)
    return facts


def _add_change(fact: Fact, quantity: Quantity) -> None:
    fact.add("changePercent", quantity.value)
    base = fact.first("quantity")
    if base and quantity.value:
        fact.add("baseline", (Decimal(base) * 100 / quantity.value).quantize(Decimal(1)))


_WILL_BE_FUNDED = re.compile(r"\s+will\s+(?:all\s+|also\s+)?be\s+(?:funded|paid for|financed|delivered|provided|established|created|set up)\b")


@lru_cache(maxsize=1)
def _deployment_pattern() -> re.Pattern:
    """'deploy more officers to the border': compiled once, not once a sentence."""
    return re.compile(rf"\b(?:{cue_pattern('deploy_verbs').pattern})\s+(?P<what>(?:more|additional|extra|further)\s+[^.;]+?)\s+(?:to|at|in)\s+(?:the\s+)?")


def _gain(ctx: Context, sentence: Sentence) -> list[Fact]:
    return _subject_verb(ctx, sentence, "gain_verbs", "gain", subject_is_beneficiary=True)


@lru_cache(maxsize=1)
def _pledge_pattern() -> re.Pattern:
    """'pledged to make', 'has undertaken to send', 'agreed new ...' (facts.yaml pledge_verbs)."""
    return re.compile(rf"\b(?:{alternation('pledge_verbs')})\s+(?:to\s+(?!the\b)(?=[a-z])|(?=(?:new|further|closer|joint|more)\s))")


def _pronoun_object(words: list[str]) -> bool:
    """'accommodate it', 'open them on 16 May 2023': a verb whose object is a pronoun, then at most when or where."""
    return len(words) >= 2 and words[1].lower() in _PRONOUNS and (len(words) == 2 or words[2].lower() in _WHEN_OR_WHERE)


@lru_cache(maxsize=1)
def _talk() -> re.Pattern:
    return re.compile(rf"(?:{alternation('talk_verbs')})\b")


def _pledge(ctx: Context, sentence: Sentence) -> list[Fact]:
    text = ctx.doc.text
    match = _pledge_pattern().search(text, sentence.start, sentence.end)
    if not match:
        return []
    end = _phrase_end(text, match.end(), sentence.end)
    words = text[match.end():end].split()
    if len(words) < 2 or any(d.start == match.end() for d in ctx.dates[sentence.index]) \
            or _talk().match(text, match.end(), end) or _pronoun_object(words):
        return []  # 'agreed to speak again there': more talk; 'agreed to accommodate it': nothing named
    fact = _new(ctx, "pledge", match.end(), end, text[match.end():end])
    _quantify(ctx, fact, sentence, match.end(), end)
    committers = [m for m in ctx.mentions_in(sentence.start, match.start()) if ctx.entities[m.key].family in ("org", "state")]
    fact.add("committedBy", Ref(committers[-1].key) if committers else None)
    return [fact]


def _subject_verb(ctx: Context, sentence: Sentence, cue: str, rule: str, subject_is_beneficiary: bool) -> list[Fact]:
    text = ctx.doc.text
    match = cue_pattern(cue).search(text, sentence.start, sentence.end)
    if not match or has_cue("funding_cues", text[match.end():match.end() + 40]) or re.match(r"\s*(?:£|€|\$|up to)", text[match.end():]):
        return []
    subjects = [m for m in ctx.mentions_in(sentence.start, match.start())
                if ctx.entities[m.key].family in ("org", "state", "group") and ctx.entities[m.key].cls != "CriminalNetwork"]
    if not subjects:
        return []
    end = _phrase_end(text, match.end(), sentence.end)
    fact = _new(ctx, rule, match.end(), end, text[match.end():end])
    fact.add("beneficiary", Ref(subjects[-1].key))
    return [fact]


def _deployment(ctx: Context, sentence: Sentence) -> list[Fact]:
    text = ctx.doc.text
    match = _deployment_pattern().search(text, sentence.start, sentence.end)
    if not match:
        return []
    fact = _new(ctx, "deployment", match.start("what"), match.end("what"), match.group("what"))
    beneficiary = next((m.key for m in ctx.mentions_in(match.end(), sentence.end)
                        if ctx.entities[m.key].cls not in _NOT_BENEFICIARY), None)
    fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
    return [fact]


@lru_cache(maxsize=1)
def _passive_deployment() -> re.Pattern:
    """'... have been deployed', '... will be seconded to France', '... were being deployed' right after a count
    (facts.yaml ``deploy_verbs``); not '... were deployed', a past operation;
    '... donated by IOM to the Border Management Secretariat', a count handed over (``provision_verbs``)."""
    return re.compile(rf"\s+(?:(?:(?:have|has|will|are|is)\s+(?:now\s+|also\s+|already\s+)?(?:been\s+|be\s+|being\s+)?|(?:were|was)\s+being\s+)"
                      rf"(?:{cue_pattern('deploy_verbs').pattern})(?!\s+(?:back|home)\b)"
                      rf"|(?:(?:have|has|were|was|will)\s+(?:been\s+|be\s+)?)?(?:{cue_pattern('provision_verbs').pattern})"
                      rf"(?=\s+(?:by|to)\b))")


@lru_cache(maxsize=1)
def _deploying() -> re.Pattern:
    """'is now deploying', 'will deploy', 'has sent' (facts.yaml ``deploy_verbs``) before the counts sent; 'is to be
    reinforced with' before the counts added; 'today handed over' before the counts given; 'deployed' (a count after
    it makes it active: 'when it deployed 10,000 National Guard troops')."""
    return re.compile(rf"(?:\b(?:is|are|will|has|have)\s+(?:now\s+|also\s+|already\s+)?(?:{cue_pattern('deploy_verbs').pattern})"
                      rf"|\b(?:be|been|being)\s+(?:{alternation('reinforcing_verbs')})\s+with"
                      rf"|\b(?:{alternation('handing_verbs')})|\bdeployed)"
                      rf"\s+(?:(?:a\s+total\s+of|up\s+to|some|about|around)\s+)?")


def _deploying_counts(ctx: Context, sentence: Sentence) -> list[Fact]:
    """'the agency is now deploying 100 officers, 30 patrol cars and two helicopters in Lithuania': one commitment
    per count sent, for the state or body they are sent to."""
    text, facts = ctx.doc.text, []
    verb, counts, given = None, [], None
    for verb in _deploying().finditer(text, sentence.start, sentence.end):
        given, start = _given_first(ctx, sentence, verb.end())
        counts = [] if ctx.in_quote(verb.start()) else _counts_sent(ctx, sentence, start)
        if counts:
            break
    if not counts:
        return []
    beneficiary = given or _beneficiary(ctx, counts[-1].end, sentence.end)  # ', worth more than BAM 1 million, to the Border Police'
    for quantity in counts:
        start = max(quantity.start, verb.end())  # not the 'over' of 'handed over ten'
        fact = _new(ctx, "deploying_counts", start, quantity.end, text[start:quantity.end])
        fact.add("quantity", quantity.value)
        fact.add("unit", quantity.unit)
        fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
        facts.append(fact)
    return facts


def _given_first(ctx: Context, sentence: Sentence, position: int) -> tuple[str | None, int]:
    """'Italy will hand over to the Libyan Coast Guard two patrol boats': the body named before the counts it
    is given, and where the counts start; else no one, and the verb's end."""
    to = _TO_THE.match(ctx.doc.text, position, sentence.end)
    receiver = ctx.mention_at(to.end(), sentence.end) if to else None
    if receiver is None or ctx.entities[receiver.key].family not in ("org", "state", "group"):
        return None, position
    return receiver.key, _SPACES.match(ctx.doc.text, receiver.end).end()


def _counts_sent(ctx: Context, sentence: Sentence, position: int) -> list[Quantity]:
    """The counts listed right after a verb of sending: '100 officers, 30 patrol cars and two helicopters'."""
    counts = []
    for quantity in ctx.quantities[sentence.index]:
        if quantity.end <= position:
            continue
        if quantity.start > position or quantity.unit in ("", "percent") or has_cue("not_deployed_units", quantity.unit):
            break  # a count may open before the verb ends: 'handed over ten' reads 'over ten' as a count
        counts.append(quantity)
        step = _COUNT_STEP.match(ctx.doc.text, quantity.end, sentence.end)
        if step is None:
            break
        position = step.end()
    return counts


def _deployed_count(ctx: Context, sentence: Sentence) -> list[Fact]:
    """'more than 1,300 police officers have been deployed', 'two British liaison magistrates have been seconded to
    France', 'three patrol vehicles donated by IOM to the BMS': a count of staff or assets sent or handed over."""
    text, facts = ctx.doc.text, []
    for quantity in ctx.quantities[sentence.index]:
        head = quantity.unit.split(" ")[-1]
        if quantity.unit in ("percent", "") or has_cue("uncommitted_units", head) or has_cue("not_deployed_units", head) \
                or ctx.in_quote(quantity.start) or _DEFINITE_BEFORE.search(text, max(sentence.start, quantity.start - 5),
                                                                            quantity.start):
            continue  # 'The three vehicles will be deployed': the ones told already
        verb = _passive_deployment().match(text, quantity.end, sentence.end)
        if not verb and _HAS_BEFORE.search(text, max(sentence.start, quantity.start - 16), quantity.start):
            verb = _DEPLOYED_AFTER.match(text, quantity.end, sentence.end)  # 'It has up to ten police officers deployed at'
        if not verb:
            continue
        fact = _new(ctx, "deployed_count", quantity.start, quantity.end, text[quantity.start:quantity.end])
        fact.add("quantity", quantity.value)
        fact.add("unit", quantity.unit)
        end = _phrase_end(text, verb.end(), sentence.end)
        beneficiary = _beneficiary(ctx, verb.end(), end) or _owner(ctx, quantity)
        fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
        facts.append(fact)
    return facts


@lru_cache(maxsize=1)
def _enabling_pattern() -> re.Pattern:
    """'The new Interim Serious Crime Prevention Orders will let ...': a new thing opening its sentence, then a verb of
    enabling (facts.yaml ``enabling_verbs``)."""
    return re.compile(rf"(?:The|These|This)\s+new\s+(?P<what>[^,;.]{{3,80}}?)\s+(?:will|would|can|could)\s+(?:also\s+)?"
                      rf"(?:{alternation('enabling_verbs')})\s+(?:the\s+)?")


def _enabling(ctx: Context, sentence: Sentence) -> list[Fact]:
    """'The new Interim Serious Crime Prevention Orders will let the National Crime Agency (NCA), police forces and
    other law enforcement agencies apply directly to the High Court': the new thing, for the body it lets act."""
    match = _enabling_pattern().match(ctx.doc.text, sentence.start, sentence.end)
    receiver = ctx.mention_at(match.end(), sentence.end) if match else None
    if receiver is None or ctx.entities[receiver.key].family not in ("org", "state") or ctx.in_quote(match.start()):
        return []
    fact = _new(ctx, "enabling", match.start("what"), match.end("what"), match.group("what"))
    fact.add("beneficiary", Ref(receiver.key))
    return [fact]


@lru_cache(maxsize=1)
def _provision_pattern() -> re.Pattern:
    """'has also provided two vessels to Sri Lanka': a counted thing handed to a body (facts.yaml ``provision_verbs``)."""
    return re.compile(rf"\b(?:{cue_pattern('provision_verbs').pattern})\s+(?P<what>[^.;,]{{3,60}}?)\s+to\s+(?:the\s+)?")


def _provision(ctx: Context, sentence: Sentence) -> list[Fact]:
    text = ctx.doc.text
    match = _provision_pattern().search(text, sentence.start, sentence.end)
    if not match or ctx.in_quote(match.start()):
        return []
    counted = [q for q in ctx.quantities[sentence.index] if q.start == match.start("what") and q.unit and q.unit != "percent"]
    receiver = ctx.mention_at(match.end(), sentence.end)
    if not counted or receiver is None or ctx.entities[receiver.key].family not in ("org", "state"):
        return []  # 'provided support to', 'provided £5 million to' (money is funding): nothing counted, or no one
    fact = _new(ctx, "provision", match.start("what"), match.end("what"), match.group("what"))
    _quantify(ctx, fact, sentence, match.start("what"), match.end("what"))
    fact.add("beneficiary", Ref(receiver.key))
    return [fact]


def _will_be_funded(ctx: Context, sentence: Sentence) -> list[Fact]:
    text = ctx.doc.text
    match = _WILL_BE_FUNDED.search(text, sentence.start, sentence.end)
    if not match:
        return []
    facts = []
    for start, end in _list_parts(text, sentence.start, match.start()):
        if any(start <= m.start < end for m in ctx.money[sentence.index]):
            continue  # 'A further £500,000 for Frontex will be funded from ...': money, not a capability
        fact = _new(ctx, "will_be_funded", start, end, text[start:end])
        _quantify(ctx, fact, sentence, start, end)
        facts.append(fact)
    return facts


def _pays_for(ctx: Context, sentence: Sentence, found: list[Fact]) -> list[Fact]:
    """'It will pay for 300 staff for the Command, and for 100 investigators at the NCA, as well as a new unit';
    'The grant covers 4,200 transponders' (the present tense only after money or a funding word)."""
    text = ctx.doc.text
    match = _PAYS_FOR.search(text, sentence.start, sentence.end)
    if not match or sentence.text.rstrip().endswith(":"):
        return []
    if not match.group("will") and not (has_cue("funding_cues", text[sentence.start:match.end()]) or any(
            m.end <= match.start() for m in ctx.money[sentence.index])):
        return []  # 'The report covers ...': only money pays for things
    facts = []
    for start, end in _items(text, match.end(), sentence.end):
        if not match.group("will") and any(f.evidence.start == start for f in found):
            continue  # 'The money funds an additional 60 investigators': the extra staff found already
        fact = _new(ctx, "pays_for", start, end, text[start:end])
        _quantify(ctx, fact, sentence, start, end)
        beneficiary = _beneficiary(ctx, start, end)
        fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
        facts.append(fact)
    return facts


_NOT_THINGS = r"(?!the\s+(?:period|years?)\b)"  # 'The package covers the period to mid-2025': time, not things bought
_PAYS_FOR = re.compile(r"\b(?:(?P<will>will|would)\s+(?:also\s+)?(?:pay for|fund|cover|finance)\s+|"
                       r"\b(?:grant|funding|money|package|investment|budget|it|this|which|that)\s+(?:also\s+)?"
                       rf"(?:pays for|funds|covers|finances)\s+{_NOT_THINGS})", re.I)
_RELATIVE = re.compile(r",?\s+(?:that|which|who|whose)\b")
_THESE_INCLUDE = re.compile(r"(?:These|They|The\s+(?:new\s+)?(?:projects|measures|package|funding|money|plan|programme|equipment|"
                            r"technology|network|kit)|(?:Immediate\s+|Key\s+|Other\s+)?[Pp]riorities)\s+(?:will\s+)?"
                            rf"(?:include|includes|cover|covers)\s+{_NOT_THINGS}")


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split 'X, and for Y, as well as Z.' into its items, leaving asides (', led by ...,') inside them."""
    parts, cursor = [], start
    for match in re.finditer(r",?\s+and\s+for\s+|,\s+as\s+well\s+as\s+|;\s+", text[start:end]):
        parts.append((cursor, start + match.start()))
        cursor = start + match.end()
    parts.append((cursor, end))
    return [(s, e - (1 if text[e - 1] in ".;," else 0)) for s, e in parts if e - s > 3]


def _these_include(ctx: Context, sentence: Sentence) -> list[Fact]:
    """'These include a new detention centre at Dunkirk, new barracks and accommodation for the CRS'."""
    text = ctx.doc.text
    match = _THESE_INCLUDE.match(text, sentence.start, sentence.end)
    previous = ctx.sentences[sentence.index - 1].text if sentence.index else ""
    if not match or (match.group().startswith(("These", "They")) and not (
            has_cue("funding_cues", previous) or re.search(r"\b(?:projects?|measures|capabilit\w+|plans?)\b", previous))):
        return []
    end = sentence.end - (1 if text[sentence.end - 1] == "." else 0)
    relative = _RELATIVE.search(text, match.end(), end)  # '... (ANPR) cameras that allow Albanian systems to ...'
    facts = []
    for start, stop in _list_parts(text, match.end(), relative.start() if relative else end):
        fact = _new(ctx, "these_include", start, stop, text[start:stop])
        _quantify(ctx, fact, sentence, start, stop)
        beneficiary = _beneficiary(ctx, start, stop)
        fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
        facts.append(fact)
    return facts


@lru_cache(maxsize=1)
def _undertaking_pattern() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in patterns("facts")["undertaking_verbs"])
    return re.compile(rf"\s+will\s+(?:also\s+)?(?:{verbs})\s+")


def _will_do(ctx: Context, sentence: Sentence) -> list[Fact]:
    """'Frontex will step up its cooperation with Mauritania, including equipment and training': a body's undertaking."""
    text = ctx.doc.text
    match = _undertaking_pattern().search(text, sentence.start, sentence.end)
    if not match:
        return []
    subjects = [m for m in ctx.mentions_in(sentence.start, match.start())
                if ctx.entities[m.key].family in ("org", "state") and ctx.entities[m.key].cls != "CriminalNetwork"]
    if not subjects or not re.fullmatch(r"\s*\)?\s*(?:\([A-Za-z&]+\))?\s*", text[subjects[-1].end:match.start()]) \
            or (ctx.money[sentence.index] and has_cue("funding_cues", text[match.end():match.end() + 30])):
        return []  # 'will provide funding of £5 million': money (kg.extract.funding); 'will increase the staff it makes available' is not
    end = _clause_end(text, match.end(), sentence.end)
    equipped = _EQUIP.match(text, match.start() + 1, end)
    if equipped:
        return _equipped(ctx, sentence, equipped, end, subjects[-1].key)
    fact = _new(ctx, "undertaking", match.start() + 1, end, text[match.start() + 1:end])
    _quantify(ctx, fact, sentence, match.end(), end)
    fact.add("committedBy", Ref(subjects[-1].key))
    beneficiary = _beneficiary(ctx, match.end(), end) or _owner_within(ctx, sentence, match.end(), end) \
        or _recruiter(ctx, sentence, match.end())
    fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
    return [fact]


_THING_BOUGHT = re.compile(r"The\s+(?:new\s+)?[a-z]+\s+(?:is|are|will|comprises|comprise|consists|includes|include)\b")
_HAS_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:up\s+to\s+)?$")
_DEPLOYED_AFTER = re.compile(r"\s+(?:deployed|stationed|posted|seconded)\b")
_COUNT_STEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")  # between counts sent: '100 officers, 30 patrol cars and two helicopters'
_EQUIP = re.compile(r"will\s+(?:also\s+)?(?:provide|supply|equip)\s+(?P<whom>[^,;]+?)\s+with\s+")
_CLAUSE_END = re.compile(r",?\s+and\s+(?:has|have|had|will|is|are|was|were|would|also)\b|,\s+and\s+(?=[£€$¥₹]|[A-Z]{3}\s?\d)|;|\.\s*$")


def _clause_end(text: str, start: int, stop: int) -> int:
    """Where the undertaking's clause ends: before ', and has encouraged ...' or the sentence's full stop."""
    match = _CLAUSE_END.search(text, start, stop)
    return match.start() if match else stop


def _equipped(ctx: Context, sentence: Sentence, equipped: re.Match, end: int, committer: str) -> list[Fact]:
    """'The EU will provide the Lebanese Armed Forces with equipment and training': one commitment per thing given,
    for the body named between the verb and 'with'."""
    whom = next((m.key for m in ctx.mentions_in(equipped.start("whom"), equipped.end("whom"))
                 if ctx.entities[m.key].family in ("org", "state", "group")), None)
    facts = []
    for start, stop in _list_parts(ctx.doc.text, equipped.end(), end):
        fact = _new(ctx, "equip", start, stop, ctx.doc.text[start:stop])
        _quantify(ctx, fact, sentence, start, stop)
        fact.add("committedBy", Ref(committer))
        fact.add("beneficiary", Ref(whom) if whom else None)
        facts.append(fact)
    return facts


def _list_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, cursor = [], start
    for match in re.finditer(r",\s+(?:and\s+)?|\s+and\s+(?=(?:a|an|the|\d)\b)", text[start:end]):
        parts.append((cursor, start + match.start()))
        cursor = start + match.end()
    parts.append((cursor, end))
    return [(s, e) for s, e in parts if e - s > 3]


def _inside_any(facts: list[Fact], position: int) -> bool:
    return any(f.evidence.start <= position < f.evidence.end for f in facts)


def _agent_recipient(ctx: Context, package: Fact) -> str | None:
    """The body or state a package goes to, who gains what it pays for ('$80 million for ICE to hire ...')."""
    return next((r.key for r in package.props.get("recipient", [])
                 if ctx.entities[r.key].family in ("org", "state")), None)


def _funded_purposes(ctx: Context, sentence: Sentence, packages: list[Fact]) -> list[Fact]:
    """What a package pays for, when its sentence says so ('£4 million project to strengthen cyber defences')."""
    facts = []
    for package in packages:
        purpose = package.first("purpose")
        start = ctx.doc.text.find(purpose, sentence.start, sentence.end) if purpose else -1
        if start >= 0 and not _inside_any(facts, start):
            fact = _new(ctx, "funded_purpose", start, start + len(purpose), purpose)
            fact.add("fundedBy", Ref(package.key) if package else None)
            _quantify(ctx, fact, sentence, start, start + len(purpose))
            beneficiary = _beneficiary(ctx, start, start + len(purpose)) or _agent_recipient(ctx, package)
            fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
            facts.append(fact)
        for recipient in package.props.get("recipient", []):
            entity = ctx.entities[recipient.key]
            if entity.cls != "ActorGroup" or not (sentence.start <= _position(ctx, entity.label, sentence) < sentence.end):
                continue
            start = _position(ctx, entity.label, sentence)
            if _inside_any(facts, start):
                continue  # 'more than 250 special agents' inside 'hire more than 250 special agents', said already
            fact = _new(ctx, "funded_purpose", start, start + len(entity.label), entity.label)
            fact.add("fundedBy", Ref(package.key) if package else None)
            facts.append(fact)
    return facts


def _position(ctx: Context, phrase: str, sentence: Sentence) -> int:
    return ctx.doc.text.find(phrase, sentence.start, sentence.end)


def text_after(ctx: Context, start: int, end: int) -> str:
    return ctx.doc.text[start:end].strip(" .;,")


def _money_purposes(ctx: Context, sentence: Sentence, packages: list[Fact], found: list[Fact],
                    listed: bool = False) -> list[Fact]:
    """What each amount of the sentence is for, as one commitment per purpose, funded by the amount's package.
    An amount counts when it is a package's, when its sentence speaks of money given, or when it is ``listed``
    under an intro that commits ('Key allocations:')."""
    text, money, facts = ctx.doc.text, ctx.money[sentence.index], []
    for index, mention in enumerate(money):
        if ctx.in_quote(mention.start):
            continue
        stop = money[index + 1].start if index + 1 < len(money) else sentence.end
        package = next((p for p in packages if p.evidence.start <= mention.start < p.evidence.end), None)
        if package is None and not listed and not _given(sentence):
            continue  # 'paid €5,000 each for a place on a boat': a price, not money given for something
        for start, end in _purpose_spans(ctx, mention.end, stop):
            if any(f.evidence.start < end and start < f.evidence.end for f in found + facts):
                continue  # said already by a more specific rule ('an additional 60 investigators')
            fact = _new(ctx, "money_purpose", start, end, text[start:end])
            _quantify(ctx, fact, sentence, start, end)
            beneficiary = _beneficiary(ctx, mention.end, end)  # from the amount: '£30 million for high-impact [BSC] operations'
            fact.add("beneficiary", Ref(beneficiary) if beneficiary else None)
            fact.add("fundedBy", Ref(package.key) if package else None)
            facts.append(fact)
    return facts


def _given(sentence: Sentence) -> bool:
    """Whether the sentence speaks of money given ('paid for training'), not of prices, fees or proceeds."""
    return has_cue("funding_cues", sentence.text) and not has_cue("funding_negative", sentence.text)


def _purpose_spans(ctx: Context, at: int, stop: int) -> list[tuple[int, int]]:
    """The purposes after an amount ending at ``at``: the kind of money ('in macro-financial assistance'), then
    'to VERB ...' clauses (several: 'to upgrade X, improve Y and counter Z'), 'will VERB ...', or 'for NOUN ...'."""
    text, rules, spans = ctx.doc.text, _purpose_rules(), []
    kind = rules["kind"].match(text, at, stop)
    if kind:
        words = kind.group("kind").lower().split()
        if any(word not in rules["plain"] for word in words[:-1]):
            spans.append(kind.span("kind"))
        at = kind.end()
    link = rules["link"].match(text, at, stop)
    if not link:
        return spans
    if link.group("word").lower() != "for":
        return spans + (_verb_clauses(text, link.end(), stop) if rules["verb"].match(text, link.end(), stop) else [])
    return spans + _for_clauses(ctx, link.end(), stop)


def _verb_clauses(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """'upgrade X, improve Y, deploy Z and counter W': a clause per purpose verb after a comma."""
    spans = []
    while True:
        end = _purpose_end(text, start, stop)
        spans.append((start, end))
        after = _NEXT_ITEM.match(text, end, stop)
        if not after or not _purpose_rules()["verb"].match(text, after.end(), stop):
            return spans
        start = after.end()


def _for_clauses(ctx: Context, start: int, stop: int) -> list[tuple[int, int]]:
    """'for Garda buildings', 'for the Courts Service, for courthouses and technology': a named body after 'for'
    receives the money (cq02), so its purpose is the next 'for ...', or the 'to VERB ...' after the body, if any."""
    text = ctx.doc.text
    while True:
        if _purpose_rules()["not_head"].match(text, start, stop):
            return []  # 'for the period to 2027', 'for 2025', 'for each year'
        body = _whole_body(ctx, start, stop)
        if body is None:
            end = _purpose_end(text, start, stop)
            return [(start, end)] if end - start > 3 else []
        to_verb = _NEXT_TO.match(text, body, stop)
        if to_verb and _purpose_rules()["verb"].match(text, to_verb.end(), stop):
            return _verb_clauses(text, to_verb.end(), stop)  # 'for the AFP to expand its strike team'
        after = _NEXT_FOR.match(text, body, stop)
        if not after:
            return []
        start = after.end()


def _whole_body(ctx: Context, start: int, stop: int) -> int | None:
    """Where a phrase that is only the name of an organisation, state or place ends, or None."""
    text = ctx.doc.text
    begin = start + len(re.match(r"(?:the\s+)?", text[start:stop]).group())
    for mention in ctx.mentions_in(begin, stop):
        if mention.start != begin:
            break
        if ctx.entities[mention.key].family in ("org", "state", "place", "group") and (
                _BODY_END.match(text, mention.end, stop) or " " in mention.text):
            return mention.end  # a one-word name may modify what is bought ('Garda buildings'), a longer one is the body
    return None


def _purpose_end(text: str, start: int, stop: int) -> int:
    """The purpose runs to the clause's end, or on through a list it introduces (', including A, B and C')."""
    end = _CLAUSE.match(text, start, stop).end()
    listed = _LIST_LEAD.match(text, end, stop)
    if listed and len(text[listed.end():stop].split()) > 1:  # not ', including nearly €500 million': an amount's part
        end = re.compile(r"[^;]*").match(text, end, stop).end()
    end = len(text[:end].rstrip(" .;:"))
    return start + len(_TRAILING_JOIN.sub("", text[start:end]))


_CLAUSE = re.compile(r"(?:[^,;.:()]|(?<=\d)[,.](?=\d))*")  # to the next punctuation; '1,000' and '1.8' are no stop
_LIST_LEAD = re.compile(r",\s+(?:including|covering|such as|notably|in particular)\s")
_TRAILING_JOIN = re.compile(r"\s+(?:and|or|plus|with|while|of which)\s*$")
_NEXT_ITEM = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_NEXT_TO = re.compile(r"\s*(?:\([^()]{1,20}\))?\s+to\s+")
_NEXT_FOR = re.compile(r"\s*(?:\([^()]{1,20}\))?,?\s+(?:and\s+)?for\s+")
_BODY_END = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*(?:[,;.:]|$|(?:and|to|in|for|at|which|over|across|from|under|"
                       r"will|would|is|are|was|were|has|have|had|can|could|must|shall|should|may)\b)")  # 'for Frontex will be


@lru_cache(maxsize=1)
def _purpose_rules() -> dict[str, re.Pattern | set[str]]:
    facts = patterns("facts")
    return {
        "kind": re.compile(rf"\s+in\s+(?P<kind>(?:[\w-]+\s+){{0,3}}?(?:{alternation('money_kind_nouns')}))\b", re.I),
        "plain": {word.lower() for word in facts["plain_money_words"]},
        "link": re.compile(rf"\s*,?\s+(?:(?:{alternation('purpose_links')})\s+)*(?P<word>for|towards|to|will(?:\s+also)?)\s+", re.I),
        "verb": re.compile(rf"(?:{alternation('purpose_verbs')})\b"),
        "not_head": re.compile(rf"(?:the\s+|a\s+)?(?:{alternation('not_purpose_heads')})\b|\d", re.I),
    }
