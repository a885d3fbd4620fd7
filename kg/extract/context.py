"""The per-document analysis that fact extractors read: sentences, dates, entities, people, numbers.

Built once per document by ``analyse``; extractors are plain functions of it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable
from datetime import date

from kg.extract.entities import Entity, EntityFinder, EntityMention, entity_key
from kg.extract.people import PeopleFinder, PersonRef, Post
from kg.extract.sentences import split_sentences
from kg.extract.spans import ByStart
from kg.gazetteer import Gazetteer
from kg.model import DateValue, Document, Fact, Sentence
from kg.patterns import ACRONYM_IN_BRACKETS, one_of, patterns
from kg.values.dates import DateMention, anchor_narrative_dates, find_dates, infer_publication_date
from kg.values.money import MoneyMention, find_money
from kg.values.names import fold
from kg.values.numbers import Quantity, find_quantities


_ASIDE = re.compile(r",\s+(?:who|which|where|when)\b[^,]*,")  # a relative clause between commas
# A dateline: a place, then a date or a dash ('Bern, 15.05.2022 - ', 'ATHENS – ', 'Kigali, 14 April 2022').
_DATELINE = re.compile(r"\s*(?P<place>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)?)(?:,\s*(?=\d|[A-Z][a-z]+\.? \d)|\s+[–—-]{1,2}\s)")
_DATELINE_LINES = 6
_LIST_JOINT = re.compile(rf"(?:{ACRONYM_IN_BRACKETS})?(?:,\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?)")
_OVERLAPPING = 8  # mentions ending last before a position that may still reach over it
_HEADING = re.compile(r"[#*_ \t]*[\w’'-]+(?:[ \t]+[\w’'&,-]+){1,13}[*_ \t]*")  # two to fourteen words, no full stop or colon
_PROSE = re.compile(r"(?:\S+\s+){5,}\S*[.!?:]\W*$")  # six words or more, ending as a sentence does


@dataclass
class Context:
    doc: Document
    sentences: list[Sentence]
    dates: dict[int, list[DateMention]]
    finder: EntityFinder
    mentions: list[EntityMention]
    people: PeopleFinder
    refs: list[PersonRef]
    money: dict[int, list[MoneyMention]]
    quantities: dict[int, list[Quantity]]
    quotes: list[tuple[int, int]] = field(default_factory=list)
    attributions: dict[str, tuple[int, int]] = field(default_factory=dict)  # quote fact -> its undated attribution
    facts: list[Fact] = field(default_factory=list)
    issued: set[str] = field(default_factory=set)
    _indexes: dict[str, ByStart] = field(default_factory=dict, repr=False)
    _lede: tuple[int, Sentence | None] = field(default=(-1, None), repr=False)  # (quotes known then, lede)
    _asides: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)

    @property
    def entities(self) -> dict[str, Entity]:
        return self.finder.entities

    @property
    def posts(self) -> dict[str, Post]:
        return self.people.posts

    def sentence_date(self, sentence: Sentence) -> DateValue | None:
        """The first resolved date the sentence states."""
        return next((d.value for d in self.dates[sentence.index] if d.value), None)

    def published_value(self) -> DateValue | None:
        published = self.doc.published
        return DateValue(published.isoformat(), "day") if published else None

    def reference_day(self, sentence: Sentence) -> date | None:
        value = self.sentence_date(sentence)
        if value and value.precision in ("day", "week", "month"):
            return value.as_date()
        return self.doc.published

    def intro_of(self, sentence: Sentence) -> Sentence | None:
        """For a list item, the sentence that introduces the list ('The package will pay for:')."""
        if not sentence.list_item:
            return None
        earlier = self.previous_prose(sentence)
        return earlier if earlier and (earlier.text.rstrip().endswith(":") or self.heading(earlier)) else None

    def heading(self, sentence: Sentence) -> bool:
        """A short line alone in its paragraph, with no sentence's ending ('What the money pays for')."""
        around = [self.sentences[i] for i in (sentence.index - 1, sentence.index + 1) if 0 <= i < len(self.sentences)]
        return bool(_HEADING.fullmatch(sentence.text)) and all(s.paragraph != sentence.paragraph for s in around)

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence just before this one, when it is in the same paragraph."""
        before = self.sentences[sentence.index - 1] if sentence.index else None
        return before if before is not None and before.paragraph == sentence.paragraph else None

    def previous_prose(self, sentence: Sentence) -> Sentence | None:
        """The last sentence before this one that is not a list item."""
        return self._previous_prose[sentence.index]

    @cached_property
    def _previous_prose(self) -> list[Sentence | None]:
        """For each sentence, ``previous_prose``: made once, as list items ask it one by one."""
        found, last = [], None
        for sentence in self.sentences:
            found.append(last)
            last = last if sentence.list_item else sentence
        return found

    def lede(self) -> Sentence | None:
        """The release's first sentence of prose; the short lines before it are its title, dateline and byline.

        Asked per sentence by several stages; found again only when a quote was added since (a lede is not quoted).
        """
        if self._lede[0] != len(self.quotes):
            lede = next((s for s in self.sentences[1:] if _PROSE.search(s.text) and not self.in_quote(s.start)), None)
            self._lede = (len(self.quotes), lede)
        return self._lede[1]

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        return self._by_start("mentions").within(start, end)

    def named_list(self, start: int, stop: int, accept: Callable[[str], bool]) -> list[str]:
        """The entities named one after another from ``start`` that ``accept`` takes: 'Cyprus, Greece, Italy and
        Spain', 'Samos, Kos and Leros', 'Europol and Frontex' (an acronym in brackets after a name is skipped)."""
        found, position = [], start
        for mention in self.mentions_in(start, stop):
            if mention.start < position:
                continue  # the acronym in brackets after a name
            if mention.start != position or not accept(mention.key):
                break
            found.append(mention.key)
            joint = _LIST_JOINT.match(self.doc.text, mention.end, stop)
            if not joint:
                break
            position = joint.end()
        return found

    def mention_at(self, start: int, end: int) -> EntityMention | None:
        """The first mention that opens exactly at ``start`` and ends by ``end`` ('... to |Sri Lanka|')."""
        return next((m for m in self.mentions_in(start, end) if m.start == start), None)

    def refs_in(self, start: int, end: int) -> list[PersonRef]:
        return self._by_start("refs").within(start, end)

    def _by_start(self, name: str) -> ByStart:
        """The index of ``self.mentions`` or ``self.refs``, made again if the list was replaced or grew."""
        items, index = getattr(self, name), self._indexes.get(name)
        if index is None or not index.describes(items):
            index = self._indexes[name] = ByStart(items)
        return index

    def clause_asides(self, sentence: Sentence) -> list[tuple[int, int]]:
        """The relative clauses of a sentence (', who arrived in Kigali last night,'), commas inside names
        ('Foreign, Commonwealth and Development Office') hidden; see ``_aside_spans``."""
        if sentence.index not in self._asides:
            self._asides[sentence.index] = self._aside_spans(sentence)
        return self._asides[sentence.index]

    def _aside_spans(self, sentence: Sentence) -> list[tuple[int, int]]:
        """The asides a scan of the whole text up to the sentence's end finds in the sentence, read from the
        last comma before the sentence: an aside holds no comma but its last, so only one starting at that
        comma can run into the sentence, and whether that comma ends an earlier aside is the whole text's
        scan (``_text_asides``). Scanning the text from its start for each sentence made this quadratic."""
        text = self.doc.text
        comma = text.rfind(",", 0, sentence.start)
        resume = sentence.start if comma < 0 else comma + (comma + 1 in self._aside_ends)
        window = list(text[resume:sentence.end])
        for mention in self.mentions_in(sentence.start, sentence.end):
            for index in range(mention.start - resume, mention.end - resume):
                if window[index] == ",":
                    window[index] = ";"
        spans = ((resume + m.start(), resume + m.end()) for m in _ASIDE.finditer("".join(window)))
        return [(start, end) for start, end in spans if start >= sentence.start]

    @cached_property
    def _aside_ends(self) -> frozenset[int]:
        """Where the asides a scan of the whole unmasked text finds end."""
        return frozenset(m.end() for m in _ASIDE.finditer(self.doc.text))

    def in_quote(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.quotes)

    def post_of(self, ref: PersonRef) -> str | None:
        """The post a reference names, or the person's last post; a bare title ('Minister Fraser') gives way to the
        post the text named in full for that person ('Minister of Justice and Attorney General of Canada')."""
        known = self.people.post_of(ref.person, ref.start)
        if ref.post is None or known is None:
            return ref.post or known
        bare, full = self.people.posts[ref.post], self.people.posts[known]
        if bare.organisation is None and bare.gazetteer_id is None and " " not in bare.label \
                and full.label.startswith(f"{bare.label} "):
            return known
        return ref.post

    def fact_key(self, cls: str, start: int, end: int) -> str:
        """A key no other fact of this document has: class and span, numbered when they repeat."""
        key, n = f"{cls}-{start}-{end}", 1
        while key in self.issued:
            n += 1
            key = f"{cls}-{start}-{end}-{n}"
        self.issued.add(key)
        return key


def analyse(doc: Document, gazetteer: Gazetteer) -> Context:
    """Run the mention stages over a document."""
    if doc.published is None:
        doc.published = infer_publication_date(doc.text)
        doc.published_inferred = doc.published is not None
    sentences = split_sentences(doc)
    dates = _dates(doc, sentences)
    finder = EntityFinder(doc, sentences, gazetteer)
    mentions = finder.run()
    local = local_currencies(doc.text, gazetteer)
    money = {s.index: find_money(doc.text, s.start, s.end, local) for s in sentences}
    home = home_country(doc, gazetteer, money, mentions)
    mentions = definite_mentions(finder, home_bodies(finder, home_government(finder, mentions, home), home))
    people = PeopleFinder(finder, gazetteer, mentions, home)
    context = Context(doc, sentences, dates, finder, mentions, people, [], money, {})
    context.refs = people.run(sentences, dates, doc.published)
    names = {m.start: m.end for m in mentions if finder.entities[m.key].family == "org"}
    for sentence in sentences:
        taken = [(m.start, m.end) for m in money[sentence.index]] + [(d.start, d.end) for d in dates[sentence.index]]
        context.quantities[sentence.index] = find_quantities(doc.text, sentence.start, sentence.end, taken, names)
    return context


def _dates(doc: Document, sentences: list[Sentence]) -> dict[int, list[DateMention]]:
    """Each sentence's dates; 'the previous day' counts from the day the narrative gave last."""
    found = {s.index: find_dates(doc.text, s.start, s.end, doc.published) for s in sentences}
    ordered = anchor_narrative_dates([m for s in sentences for m in found[s.index]], doc.published)
    by_start = {m.start: m for m in ordered}
    return {index: [by_start[m.start] for m in mentions] for index, mentions in found.items()}


def home_country(doc: Document, gazetteer: Gazetteer, money: dict[int, list[MoneyMention]],
                 mentions: list[EntityMention]) -> str:
    """The country whose posts an unqualified title names: 'the Prime Minister' of a New Zealand release is
    New Zealand's. The publisher's state or organisation, else the country of the release's main currency,
    else the country most of the office-holders it names serve."""
    rules = patterns("posts")
    country = _publisher_country(doc.publisher or "", gazetteer)
    if country:
        return country
    currencies = Counter(m.currency for mentions in money.values() for m in mentions)
    ranked = currencies.most_common(2)
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None  # a tie says nothing
    homes = {currency: country for countries in patterns("figures")["shared_currencies"].values()
             for country, currency in countries.items()}
    return {**homes, **rules["currency_home"]}.get(main) or _dateline_country(doc, gazetteer) \
        or _holders_country(gazetteer, mentions, doc) or rules["default_home"]


def _dateline_country(doc: Document, gazetteer: Gazetteer) -> str | None:
    """The country of the place a dateline opens the body with: 'Bern, 15.05.2022 - Swiss voters ...',
    'ATHENS – ...' (looked for in the first lines after the title)."""
    lines = doc.text[doc.body_start:].lstrip().split("\n")[1:_DATELINE_LINES]
    for match in filter(None, map(_DATELINE.match, lines)):
        place = match.group("place")
        for entry in gazetteer.phrases.get(place if not place.isupper() else place.title(), []):
            if gazetteer.entries[entry].kind in ("place", "state"):
                country = gazetteer.country_of(entry)
                return None if _hosts_counterpart(doc.text, gazetteer, country) else country
    return None


def _hosts_counterpart(text: str, gazetteer: Gazetteer, country: str | None) -> bool:
    """Whether the text meets someone's counterpart of that country ('talks with his French counterpart' under a
    Paris dateline): the release is a visitor's, not the host's."""
    demonyms = [d for d, state in gazetteer.demonyms.items() if state == country]
    counterpart = one_of(patterns("posts")["counterpart_words"])
    return bool(demonyms) and bool(re.search(rf"\b(?:{one_of(demonyms)})\s+(?:{counterpart})\b", text))


def _publisher_country(publisher: str, gazetteer: Gazetteer) -> str | None:
    """The state a publisher names ("Prime Minister's Office (Canada)" is Canada's, though the UK has a Prime
    Minister's Office), else the country of the longest organisation it names ('Home Office')."""
    bare = _bare_names()  # 'Department of Justice' alone says no country: many governments have one
    found = [next(iter(gazetteer.phrases.get(phrase, [])), None) for phrase in _phrases(publisher) if fold(phrase) not in bare]
    states = [entry for entry in found if entry and gazetteer.entries[entry].kind == "state"]
    return next(filter(None, map(gazetteer.country_of, states + found)), None)


def _holders_country(gazetteer: Gazetteer, mentions: list[EntityMention], doc: Document) -> str | None:
    """The state whose posts most of the named people held on the day: a Greek release without publisher or
    national currency that names three Greek ministers and one Italian is Greek. At least two, and more than
    any other state's. People the text first names as another state's ('Bulgaria's Interior Minister, Kalin
    Stoyanov', 'the Bulgarian Prime Minister, Nikolai Denkov') are that state's guests, not its writers."""
    serving: Counter = Counter()
    first = {}
    for mention in mentions:
        if mention.key.startswith("person/"):
            first.setdefault(mention.key, mention)
    for key in sorted(first):
        states = {post.country for post in gazetteer.posts_held(key.split("/", 1)[1], doc.published) if post.country}
        if len(states) == 1 and not _introduced_as_of(gazetteer, doc.text, first[key].start, next(iter(states))):
            serving[states.pop()] += 1
    ranked = serving.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _introduced_as_of(gazetteer: Gazetteer, text: str, start: int, state: str) -> bool:
    """Whether the words just before a name, in its sentence, name its state ('Bulgaria's Interior Minister, ')."""
    before = re.split(r"[.;\n]", text[max(0, start - 60):start])[-1]
    entry = gazetteer.entries.get(state)
    names = {entry.name, *entry.aliases, *entry.demonyms} if entry else set()
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", before) for name in names)


def home_government(finder: EntityFinder, mentions: list[EntityMention], home: str) -> list[EntityMention]:
    """'The Government' of an Irish release is Ireland's, and 'the Government of Canada' Canada's: an
    unqualified mention the gazetteer takes for another country's government is re-keyed to the right one."""
    unqualified = set(patterns("entities")["unqualified_government"])
    kept: list[EntityMention] = []
    for mention in mentions:
        entity = finder.entities[mention.key]
        if entity.cls != "Government" or fold(mention.text) not in unqualified:
            kept.append(mention)
            continue
        country = _of_state(finder, mention) or home  # read only for the few unqualified government mentions
        if entity.country == f"state/{country}":
            kept.append(mention)
            continue
        name = f"Government of {finder.gazetteer.entries[country].name}"
        key = finder.remember(Entity(entity_key("Government", name), "Government", name, country=f"state/{country}"))
        kept.append(EntityMention(mention.start, mention.end, mention.text, key))
    return _forget_replaced(finder, mentions, kept)


def home_bodies(finder: EntityFinder, mentions: list[EntityMention], home: str) -> list[EntityMention]:
    """'The Department of Justice' of an Irish release is Ireland's: a bare name many governments give a body
    (entities.yaml bare_body_names), which the gazetteer holds for one country's body, names that body only when
    the release names its country elsewhere; otherwise the home country's body of that name."""
    bare, kept = _bare_names(), []
    named = {_country_of(finder.entities[m.key]) for m in mentions if fold(m.text) not in bare}
    for mention in mentions:
        entity = finder.entities[mention.key]
        if fold(mention.text) not in bare or entity.country in (None, f"state/{home}") or entity.country in named:
            kept.append(mention)
            continue
        name = " ".join(mention.text.split())
        key = finder.remember(Entity(entity_key(entity.cls, f"{name} {home}"), entity.cls, name, country=f"state/{home}"))
        kept.append(EntityMention(mention.start, mention.end, mention.text, key))
    return _forget_replaced(finder, mentions, kept)


def _forget_replaced(finder: EntityFinder, mentions: list[EntityMention], kept: list[EntityMention]) -> list[EntityMention]:
    """Drop the entities no kept mention names any more (the ones re-keyed to the home country's)."""
    for key in {m.key for m in mentions} - {m.key for m in kept}:
        del finder.entities[key]
    return kept


def _country_of(entity: Entity) -> str | None:
    return entity.key if entity.cls == "State" else entity.country


@lru_cache(maxsize=1)
def _bare_names() -> frozenset[str]:
    return frozenset(map(fold, patterns("entities")["bare_body_names"]))


def definite_mentions(finder: EntityFinder, mentions: list[EntityMention]) -> list[EntityMention]:
    """'The Ministry of Home Affairs ... allocating RM19 billion to the Ministry': a bare head word after 'the'
    (entities.yaml definite_heads, and lower_case_definite_heads as 'the agency') names the last organisation
    before it whose name has that word."""
    found, index = [], ByStart(mentions)
    for match in _definite_pattern().finditer(finder.doc.text, finder.doc.body_start):
        start, end = match.span("head")
        earlier = index.starting(0, end)
        if any(m.end > start for m in earlier[-_OVERLAPPING:]):
            continue  # 'the Ministry' inside a name already found
        head = re.compile(rf"\b{re.escape(match.group('head')[0].upper() + match.group('head')[1:])}\b")
        named = next((m for m in reversed(earlier) if finder.entities[m.key].family == "org"
                      and any(map(head.search, (finder.entities[m.key].label, *finder.entities[m.key].aliases)))), None)
        if named is not None:
            found.append(EntityMention(start, end, match.group("head"), named.key))
    return sorted(mentions + found, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _definite_pattern() -> re.Pattern:
    """'the Ministry' not followed by a name or complement ('the Ministry of Defence', 'the Command Centre', 'the
    Command and Control Centre'; but 'the Command and for 100 more investigators' is the Command)."""
    rules = patterns("entities")
    heads = one_of(rules["definite_heads"] + rules["lower_case_definite_heads"])
    return re.compile(rf"\b[Tt]he\s+(?P<head>{heads})\b(?!\s+(?:of|for|on)\b|\s+and\s+[A-Z]|\s+[A-Z(]|-)")


def _of_state(finder: EntityFinder, mention: EntityMention) -> str | None:
    """The country of 'the Government of Canada', from the name after 'of'."""
    after = re.match(r"\s+of\s+(?:the\s+)?([\w ]+)", finder.doc.text[mention.end:mention.end + 60])
    if not after:
        return None
    for phrase in _phrases(after.group(1)):
        entry = next((finder.gazetteer.entries[i] for i in finder.gazetteer.phrases.get(phrase, [])
                      if finder.gazetteer.entries[i].kind == "state"), None)
        if entry and after.group(1).startswith(phrase):
            return entry.id
    return None


def _phrases(text: str) -> list[str]:
    """Every run of whole words in ``text``, longest first ('New Zealand Government' before 'New Zealand'); commas
    stay in them ('Foreign, Commonwealth and Development Office')."""
    words = re.findall(r"[\w.’'-]+|,", text)
    runs = [" ".join(words[i:j]).replace(" ,", ",") for i in range(len(words))
            for j in range(i + 1, min(len(words), i + 8) + 1)]
    return sorted(runs, key=lambda run: -len(run.split()))


def local_currencies(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """Each currency name several countries share (figures.yaml shared_currencies) -> the currency of the one of
    them the text names most; a name whose countries the text never names is left out (kg.values.money's default).

    'Australia is paying for the system through a $5.38 million grant': a
    release that keeps naming Australia counts in Australian dollars.
    """
    pattern, country_of = _sharing_countries(gazetteer)
    named = Counter(country_of[match.group()] for match in pattern.finditer(text))
    local = {}
    for name, countries in patterns("figures")["shared_currencies"].items():
        counts = {currency: named[country] for country, currency in countries.items()}
        best = max(counts, key=lambda currency: counts[currency])  # the first of a tie: data order
        if counts[best]:
            local[name] = best
    return local


@lru_cache(maxsize=2)
def _sharing_countries(gazetteer: Gazetteer) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for the names, aliases and demonyms of every country sharing a currency name, and the country each
    names: a text is read once, not once per country."""
    country_of = {}
    for countries in patterns("figures")["shared_currencies"].values():
        for country in countries:
            entry = gazetteer.entries.get(country)
            for name in ({entry.name, *entry.aliases, *entry.demonyms} if entry else ()):
                country_of.setdefault(name, country)
    return re.compile(rf"(?<!\w)(?:{one_of(country_of)})(?!\w)"), country_of
