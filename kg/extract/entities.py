"""Find the organisations, states, places, laws and named events a document names.

Four sources compete for each stretch of text and the longest wins:
acronyms the document introduces in brackets, gazetteer phrases, capitalised
names classified by their head word (data/patterns/entities.yaml), and unnamed
collectives written in lower case ("French law enforcement", "smuggling gangs").
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.tokens import PhraseTrie, Token, tokenize
from kg.gazetteer import Entry, Gazetteer
from kg.model import Document, Sentence
from kg.patterns import patterns, title_pattern
from kg.values.dates import MONTHS, WEEKDAYS
from kg.values.literals import ascii_prefix, lowered_text, matches_at, occurrences
from kg.values.money import currencies
from kg.values.names import slug, tidy

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_CAP = re.compile(rf"^[{UPPER}0-9]")
FAMILY = {"Person": "person", "State": "state", "City": "place", "Region": "place", "Venue": "place",
          "Place": "place", "Legislation": "law", "Policy": "law", "Programme": "law",
          "Meeting": "event", "Summit": "event", "Conference": "event", "ActorGroup": "group"}


_LIST_WORDS = ("and", "&", "on", "in")  # joining words that may also end a name in a list ('France and the UK')


@dataclass
class Entity:
    """Something a document names, identified the same way across documents."""

    key: str
    cls: str
    label: str
    gazetteer_id: str | None = None
    country: str | None = None
    wikidata: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def family(self) -> str:
        return self.key.split("/", 1)[0]


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    key: str


def entity_key(cls: str, name: str) -> str:
    return f"{FAMILY.get(cls, 'org')}/{slug(name)}"


def gazetteer_entity(entry: Entry) -> Entity:
    country = f"state/{entry.country}" if entry.country else None
    return Entity(entity_key(entry.cls, entry.id), entry.cls, entry.name, entry.id, country,
                  entry.wikidata, {*entry.aliases, *entry.acronyms})


_NETWORK_NAME = re.compile(rf"(?<![\w’'-])[{UPPER}][\w’'-]+")  # a name starts a word: else a long word is retried at each letter
_COMPANY_NAME = re.compile(rf"[{UPPER}][\w’'&-]*(?:\s+[{UPPER}][\w’'&-]*)*")


@lru_cache(maxsize=1)
def _network_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A quick test for a network head word ('gangs'), and names before one ('Albanian and Kurdish gangs')."""
    words = "|".join(patterns("entities")["network_words"])
    name = _NETWORK_NAME.pattern
    return (re.compile(rf"\s(?:{words})\b"),
            re.compile(rf"((?:{name})(?:(?:,\s*|\s+and\s+){name})*)\s+(?P<head>{words})\b"))


@lru_cache(maxsize=1)
def _company_list_pattern() -> re.Pattern:
    """'the social media companies Meta, X and TikTok'."""
    words = "|".join(patterns("entities")["company_words"])
    name = _COMPANY_NAME.pattern
    return re.compile(rf"\b(?:{words})\s+(?P<names>{name}(?:,\s*{name})*(?:,?\s+and\s+{name})?)")


@lru_cache(maxsize=1)
def _legal_form_pattern() -> re.Pattern:
    forms = "|".join(map(re.escape, sorted(patterns("entities")["company_suffixes"], key=len, reverse=True)))
    return re.compile(rf"(?P<name>[{UPPER}][\w’'&-]*(?:\s+[{UPPER}][\w’'&-]*){{0,3}})\s+(?:{forms})(?![\w/])")


@lru_cache(maxsize=4)
def _gazetteer_trie(gazetteer: Gazetteer) -> PhraseTrie:
    trie = PhraseTrie()
    for phrase, ids in gazetteer.phrases.items():
        for entry_id in ids:
            trie.add(phrase, entry_id)
    return trie


def _hyphened(tokens: list[Token]) -> list[Token]:
    """Tokens with a capitalised word and its hyphened lower-case part made one: 'Pre-accession' in 'Instrument for
    Pre-accession Assistance' goes on with the name, as the capital opening it says."""
    if not any(t.text == "-" for t in tokens):
        return tokens
    joined: list[Token] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if len(joined) >= 2 and joined[-1].text == "-" and joined[-1].start == joined[-2].end == token.start - 1 \
                and token.text.islower() and _CAP.match(joined[-2].text) and _CAP.match(following):
            joined.pop()  # the hyphen; not in 'Border Police-led unit', where the name does not go on after it
            head = joined.pop()
            token = Token(head.start, token.end, f"{head.text}-{token.text}")
        joined.append(token)
    return joined


class EntityFinder:
    """Finds entity mentions in one document; keeps the entities it met."""

    def __init__(self, doc: Document, sentences: list[Sentence], gazetteer: Gazetteer) -> None:
        self.doc, self.sentences, self.gazetteer = doc, sentences, gazetteer
        self.entities: dict[str, Entity] = {}
        self.rules = patterns("entities")
        self.local = PhraseTrie()
        self.defined: set[tuple[int, int, str]] = set()  # acronyms in brackets spelling the name before them
        self.connectors, self.stopwords = frozenset(self.rules["connectors"]), frozenset(self.rules["stopwords"])
        self.of_the_heads = frozenset(self.rules["of_the_heads"])
        self.trailing = self.connectors | {"-", "’", "'"}  # joining words and marks a name does not end on
        self.collective = _collective_pattern(tuple(gazetteer.demonyms))  # once a document, not once a sentence

    def run(self) -> list[EntityMention]:
        candidates: list[tuple[int, int, str]] = []
        for sentence in self.sentences:
            tokens = tokenize(self.doc.text, sentence.start, sentence.end)
            keys = PhraseTrie.keys(tokens)
            candidates += self._acronyms(sentence)
            if not self.local.empty:  # acronyms the document introduced, if any yet
                candidates += self._trie(self.local, tokens, keys, self._local_key)
            candidates += self._trie(_gazetteer_trie(self.gazetteer), tokens, keys, self._gazetteer_key)
            candidates += self._names(tokens)
            candidates += self._networks(sentence)
            candidates += self._companies(sentence)
            candidates += self._collectives(sentence)
        return self._longest(candidates)

    def entity(self, key: str) -> Entity:
        return self.entities[key]

    def remember(self, entity: Entity) -> str:
        known = self.entities.setdefault(entity.key, entity)
        known.aliases |= entity.aliases
        return known.key

    def _gazetteer_key(self, values: list) -> str | None:
        entries = [self.gazetteer.entries[v] for v in values if v in self.gazetteer.entries]
        entries = [e for e in entries if e.kind != "person"] or entries
        return self.remember(gazetteer_entity(entries[0])) if entries else None

    def _local_key(self, values: list) -> str | None:
        return values[0]

    def _trie(self, trie: PhraseTrie, tokens: list[Token], keys: list[str], keyer) -> list[tuple[int, int, str]]:
        """Every phrase's longest match at each token, overlaps included: the longest overall is chosen later
        ('the Government of National Accord' is the GNA, though 'the Government' starts first)."""
        found = []
        for first, last, values in trie.matches(tokens, keys):
            key = keyer(values)
            if key and not self._inside_word(tokens[first].start, tokens[last - 1].end):
                found.append((tokens[first].start, tokens[last - 1].end, key))
        return found

    def _inside_word(self, start: int, end: int) -> bool:
        text = self.doc.text
        return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())

    def _acronyms(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        found = []
        for match in re.finditer(r"\(([A-Z][A-Za-z&]{1,9})\)", sentence.text):
            letters = re.sub(r"[^A-Z]", "", match.group(1))
            if len(letters) < 2:
                continue
            offset = sentence.start
            name_span = self._expansion(offset, offset + match.start(), letters, match.group(1)) or self._named_before(
                offset + match.start(), match.group(1), sentence.start)
            if not name_span:
                continue
            start, end = name_span
            key = self._name_key(self.doc.text[start:end])
            self.local.add(match.group(1), key)
            self.entities[key].aliases.add(match.group(1))
            found += [(start, end, key), (offset + match.start(1), offset + match.end(1), key)]
            self.defined.add(found[-1])
        return found

    def _expansion(self, start: int, stop: int, letters: str, acronym: str) -> tuple[int, int] | None:
        """The words before an acronym in brackets whose initials spell it: its capitals, or all its letters when it
        has lower-case ones, which lower-case words give ('Instrument contributing to Stability and Peace (IcSP)')."""
        tokens = [t for t in tokenize(self.doc.text, start, stop)]
        connectors = set(self.rules["connectors"]) | {",", "-", "’", "'"}
        spelt = re.sub(r"[^A-Za-z]", "", acronym) if acronym != acronym.upper() else None
        words: list[Token] = []
        for token in reversed(tokens):
            if _CAP.match(token.text) or (spelt and token.text.isalpha() and token.text not in connectors):
                words.insert(0, token)
            elif token.text not in connectors:
                break
            initials = "".join(w.text[0] for w in words if _CAP.match(w.text)).upper()
            if initials == letters or (initials[:-1] == letters and len(words) > 2):
                return words[0].start, words[-1].end
            if spelt and "".join(w.text[0] for w in words if w.text not in connectors) == spelt:
                return words[0].start, words[-1].end
        return None

    def _named_before(self, stop: int, acronym: str, floor: int) -> tuple[int, int] | None:
        """'The Ministry of Home Affairs (KDN)': a capitalised acronym that is not the initials (here, of the Malay name)
        still names the body just before it, when its head word makes that an organisation and the acronym names
        nothing the gazetteer knows ('Home Office (UK)' is not the UK)."""
        if not acronym.isupper() or acronym in self.gazetteer.phrases or self.doc.text[stop - 1:stop] != " ":
            return None
        words: list[Token] = []
        for token in reversed(tokenize(self.doc.text, floor, stop)):
            if token.text in self.stopwords or token.text[:1].isdigit() or not (
                    _CAP.match(token.text) or token.text in self.rules["connectors"]):
                break
            words.insert(0, token)
        while words and not _CAP.match(words[0].text):
            words.pop(0)
        cls = self.classify([w.text for w in words]) if words else None
        if cls is None or FAMILY.get(cls, "org") != "org":
            return None
        return words[0].start, words[-1].end

    def _name_key(self, name: str, cls: str | None = None) -> str:
        ids = self.gazetteer.phrases.get(name)
        if ids:
            return self.remember(gazetteer_entity(self.gazetteer.entries[ids[0]]))
        cls = cls or self.classify(name.split()) or "Organisation"
        return self.remember(Entity(entity_key(cls, name), cls, name))

    def classify(self, words: list[str]) -> str | None:
        """The class a capitalised name's head word gives it, or None."""
        head = self._head(words)
        return self._class_of_head(words, words[head]) if head is not None else None

    def _head(self, words: list[str]) -> int | None:
        """Index of the name's head: its last word, or the last head word before a complement; but a ministry's or
        department's before its portfolio ('Ministry of Public Order and Citizen Protection', though Order heads laws)."""
        connectors = set(self.rules["connectors"])
        if "of" in words or "for" in words:  # most names have no complement: test for one before looking for its head
            body = next((i for i, w in enumerate(words[:-2]) if w in self.of_the_heads and words[i + 1] in ("of", "for")), None)
            if body is not None:
                return body
        if len(words) > 1 and words[0] in self.rules["leading_org_heads"]:
            return 0  # 'Centro Yanapanakusun', 'Instituto de Defensa Legal': a head written first
        for index in range(len(words) - 1, -1, -1):
            if self._class_of_head(words, words[index]) is None:
                continue
            rest = words[index + 1:]
            if not rest or rest[0] in connectors or rest[0][:1].islower() or all(re.fullmatch(r"(?:19|20)\d\d", w) for w in rest):
                return index
            return index if index > 0 else None
        return None

    def _class_of_head(self, words: list[str], word: str) -> str | None:
        rules = self.rules
        if word == words[0] and word in rules["leading_org_heads"]:
            return rules["leading_org_heads"][word]
        if word in rules["legislation_heads"]:
            return rules["legislation_heads"][word]
        modified = rules["modified_heads"].get(word, {})
        if any(w in modified for w in words):
            return next(modified[w] for w in words if w in modified)
        if word in rules["event_heads"]:
            return rules["event_heads"][word]
        if word in rules["org_heads"]:
            if any(w in rules["prosecution_words"] for w in words):
                return "ProsecutionService"
            return rules["org_heads"][word]
        return "Venue" if word in rules["place_heads"] else None

    def _titled(self, run: list[Token]) -> bool:
        """Whether a capitalised run is a post title, after demonyms if any: 'Minister of Defence', 'Greek Minister
        of Public Order' (no law, though 'Order' heads laws)."""
        first = next((i for i, t in enumerate(run) if t.text not in self.gazetteer.demonyms), len(run))
        return first < len(run) and bool(title_pattern().match(self.doc.text, run[first].start))

    def _names(self, tokens: list[Token]) -> list[tuple[int, int, str]]:
        found = []
        for run in (part for whole in self._capitalised_runs(tokens) for part in self._known_parts(whole)):
            if self._titled(run):
                continue
            words = [t.text for t in run]
            head = self._head(words)
            cls = self._class_of_head(words, words[head]) if head is not None else None
            if cls is not None:
                rest = words[head + 1:]
                if rest and (rest[0] not in self.rules["connectors"] or rest[0] in ("in", "at")) \
                        and not re.fullmatch(r"(?:19|20)\d\d", rest[0]) \
                        and not (head == 0 and words[0] in self.rules["leading_org_heads"]):  # 'Centro Yanapanakusun'
                    run = run[:head + 1]
                elif "in" in rest or "at" in rest:  # 'Council of Europe in Strasbourg': the name ends before the place
                    run = run[:head + 1 + min(rest.index(w) for w in ("in", "at") if w in rest)]
            elif self._next_word(tokens, run) in self.rules["site_words"]:
                cls = "Company"
            crossing = cls is None and self._crossing_after(tokens, run)
            if crossing:
                cls = "Venue"  # 'the Vaalimaa border crossing point', 'the Pelkola border station'
            if cls is None or (len(run) < 2 and cls != "Legislation" and not crossing):
                continue
            name = tidy(self.doc.text[run[0].start:run[-1].end])
            found.append((run[0].start, run[-1].end, self._name_key(name, cls)))
        return found

    def _known_parts(self, run: list[Token]) -> list[list[Token]]:
        """A run split at 'and' when a side is a name the gazetteer knows: 'Kent Police and Border Force' is two.

        A name may hold 'and' ('Department for Science, Innovation and Technology'),
        so a run whose sides are both unknown stays whole.
        """
        for index, token in enumerate(run):
            if token.text != "and" or index in (0, len(run) - 1):
                continue
            left, right = run[:index], run[index + 1:]
            if any(self._known(side) for side in (left, right)):
                return [left, *self._known_parts(right)]
        return [run]

    def _known(self, side: list[Token]) -> bool:
        return tidy(self.doc.text[side[0].start:side[-1].end]) in self.gazetteer.phrases

    def _crossing_after(self, tokens: list[Token], run: list[Token]) -> bool:
        """Whether words naming a border crossing follow the run (entities.yaml ``crossing_words``)."""
        following = " ".join(token.text for token in self._following(tokens, run, 3))
        return any(following == words or following.startswith(words + " ") for words in self.rules["crossing_words"])

    def _next_word(self, tokens: list[Token], run: list[Token]) -> str:
        return next((token.text for token in self._following(tokens, run, 1)), "")

    @staticmethod
    def _following(tokens: list[Token], run: list[Token], count: int) -> list[Token]:
        """Up to ``count`` tokens after the run."""
        index = bisect.bisect_right(tokens, run[-1].start, key=lambda token: token.start)
        return tokens[index:index + count]

    def _capitalised_runs(self, tokens: list[Token]) -> list[list[Token]]:
        connectors, stop = self.connectors, self.stopwords
        tokens = _hyphened(tokens)
        runs, current = [], []
        for index, token in enumerate(tokens):
            following = tokens[index + 1].text if index + 1 < len(tokens) else ""
            if following in connectors and token.text not in _LIST_WORDS and index + 2 < len(tokens) and (
                    following != "the" or (current and current[-1].text in self.of_the_heads)):
                following = tokens[index + 2].text  # 'Palacio de las Garzas': two joining words ('of the' ends a run,
                #                                      but for 'Ministry of the Interior')
            if _CAP.match(token.text) and not (not current and token.text in stop):
                current.append(token)
            elif current and (token.text in connectors or (token.text == "-" and following not in stop
                                                            and not current[-1].text[:1].isdigit())) \
                    and (token.text != "the" or current[-1].text in connectors) \
                    and _CAP.match(following) \
                    and following.lower() not in MONTHS and following.lower() not in WEEKDAYS \
                    and not following[:1].isdigit() and following not in currencies():  # 'the House of Commons on
                #                                      10 February', 'the Ministry of the Interior and EUR 8 million';
                current.append(token)  # and 'the' joins only after another joining word: 'in Cádiz the Declaration' is two
            elif current and token.text in ("’", "'") and _CAP.match(following) and following != "s":
                current.append(token)
            elif current and token.text == "," and self._portfolio_list(current, tokens, index + 1):
                current.append(token)  # 'Ministry of Ports, Shipping and Waterways
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        return [trimmed for trimmed in map(self._trim, runs) if trimmed]

    def _portfolio_list(self, current: list[Token], tokens: list[Token], start: int, last: bool = False) -> bool:
        """Whether a name's complement goes on after a comma in a list of unknown capitalised words that ends with
        'and': 'Department of Justice, Home Affairs and Migration', 'Ministry for Political, Legal and Security
        Affairs'. Only after 'of' or 'for'; not 'the Department of Health, John Smith, said', nor a list naming
        what the gazetteer knows ('Ministry of Interior, Dubai Police and ...')."""
        if not any(t.text in ("of", "for") for t in current[1:]):
            return False
        words, index = [], start
        while index < len(tokens) and _CAP.match(tokens[index].text) and tokens[index].text not in self.stopwords:
            words.append(tokens[index])
            index += 1
        if not words or len(words) > 3 or self._known(words) or index >= len(tokens):
            return False
        following = tokens[index].text
        if last:
            return following not in ("and", "of", "for") and not _CAP.match(following)
        if following == ",":
            return self._portfolio_list(current, tokens, index + 1)
        return following == "and" and index + 1 < len(tokens) and self._portfolio_list(current, tokens, index + 1, last=True)

    def _trim(self, run: list[Token]) -> list[Token]:
        connectors = self.trailing
        while run and run[-1].text in connectors:
            run = run[:-1]
        return run

    def _networks(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        quick, pattern = _network_patterns()
        found: list[tuple[int, int, str]] = []
        if not quick.search(sentence.text):
            return found
        for match in pattern.finditer(sentence.text):
            head = match.group("head").rstrip("s") if match.group("head").endswith("s") else match.group("head")
            for part in _NETWORK_NAME.finditer(match.group(1)):
                if part.group() in self.rules["stopwords"] or part.group() in self.gazetteer.demonyms:
                    continue
                label = f"{part.group()} {head}"
                key = self.remember(Entity(entity_key("CriminalNetwork", label), "CriminalNetwork", label))
                start = sentence.start + match.start(1) + part.start()
                found.append((start, start + len(part.group()), key))
        return found

    def _companies(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        """'the social media companies Meta, X and TikTok': each listed name is a company; so is a name before a
        legal form ('Elektrotim S.A.')."""
        found = self._legal_forms(sentence)
        for match in _company_list_pattern().finditer(sentence.text):
            for part in _COMPANY_NAME.finditer(match.group("names")):
                if part.group() in self.rules["stopwords"]:
                    continue
                start = sentence.start + match.start("names") + part.start()
                key = self._name_key(part.group(), "Company")
                found.append((start, start + len(part.group()), key))
        return found

    def _legal_forms(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        found = []
        for match in _legal_form_pattern().finditer(sentence.text):
            if match.group("name").split()[0] in self.rules["stopwords"]:
                continue
            start = sentence.start + match.start()
            found.append((start, sentence.start + match.end(), self._name_key(tidy(match.group()), "Company")))
        return found

    def _collectives(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        if not self.collective.heads.search(sentence.text):  # most sentences name no group: skip the slow scan
            return found
        for match in self.collective.matches(sentence.text):
            head, modifiers = match.group("head"), match.group("mods") or ""
            words = [w for w in modifiers.split() if w.lower() != "the"]
            if head in self.rules["collective_needs_modifier"] and not words:
                continue
            label = tidy(" ".join([*words, head]))
            cls = self.rules["collective_heads"][head]
            key = self.remember(Entity(f"group/{slug(label)}", cls, label))
            start = sentence.start + match.start() + (len(modifiers) - len(modifiers.lstrip()))
            if modifiers.lower().startswith("the "):
                start += 4
            found.append((start, sentence.start + match.end(), key))
        return found

    def _longest(self, candidates: list[tuple[int, int, str]]) -> list[EntityMention]:
        """The longest candidates that do not overlap; organisations named inside a meeting's name are kept too."""
        chosen: list[tuple[int, int, str]] = []
        taken = _Disjoint()
        # of spans alike, an acronym the text defines wins: 'Schengen Information System (SIS)' is not MI6's SIS
        for start, end, key in sorted(set(candidates), key=lambda c: (-(c[1] - c[0]), c[0], c not in self.defined, c[2])):
            if taken.add(start, end):
                chosen.append((start, end, key))
        events = [(s, e) for s, e, k in chosen if self.entities[k].family == "event"]
        nested = {(s, e, k) for s, e, k in set(candidates) if self.entities[k].family == "org"
                  and any(es <= s and e <= ee and (s, e) != (es, ee) for es, ee in events)} if events else set()
        return [EntityMention(s, e, self.doc.text[s:e], k) for s, e, k in sorted(set(chosen) | nested)]


class _Disjoint:
    """Spans that do not overlap, kept in order: whether a new span overlaps one is a bisect, not a scan of all.

    Checking each candidate against every span chosen before it made ~500,000 comparisons over 261 releases.
    Spans here have ``start <= end``; then, ordered by (start, end), the disjoint spans' ends are ordered too,
    so of the spans starting before a new one ends, the last reaches furthest.
    """

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> bool:
        """Add the span unless it overlaps one already here (shares a position: ``s < end and start < e``)."""
        before = bisect.bisect_left(self.spans, (end, -1))  # the spans with s < end
        if before and self.spans[before - 1][1] > start:
            return False
        bisect.insort(self.spans, (start, end))
        return True


_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class _Collectives:
    """The collective pattern of modifiers and head, a quick test for a head word, and what a match can open with:
    a head anywhere (as written), or at the start of a word a modifier or demonym, known here by the first
    three letters of its lowered ASCII part (``openings``; None when one does not start with a word character)."""

    heads: re.Pattern
    pattern: re.Pattern
    head_words: tuple[str, ...]
    openings: frozenset[str] | None
    short_openings: tuple[str, ...] = ()

    def matches(self, text: str) -> Iterable[re.Match]:
        """What ``pattern.finditer(text)`` finds, tried only where a head, modifier or demonym can start: the
        case-insensitive modifiers made a scan of every position the slowest part of finding entities."""
        lowered = lowered_text(text)
        if lowered is None or self.openings is None:
            return self.pattern.finditer(text)
        positions = occurrences(text, self.head_words)
        positions.update(word.start() for word in _RUN.finditer(text) if self._opens(lowered, word.start()))
        return matches_at(self.pattern, text, positions, len(text))

    def _opens(self, lowered: str, start: int) -> bool:
        return lowered[start:start + 3] in self.openings or any(
            lowered.startswith(opening, start) for opening in self.short_openings)


@lru_cache(maxsize=4)
def _collective_pattern(demonyms: tuple[str, ...]) -> _Collectives:
    """A quick test for a collective head word, and the full pattern of modifiers and head."""
    rules = patterns("entities")
    heads = sorted(rules["collective_heads"], key=len, reverse=True)
    modifiers = sorted({*rules["collective_modifiers"], *(d.lower() for d in demonyms)}, key=len, reverse=True)
    mod = "|".join(re.escape(m) for m in modifiers)
    dem = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True)) or "(?!)"
    head = "|".join(map(re.escape, heads))
    openings = frozenset(ascii_prefix(word).lower()[:3] for word in (*demonyms, *modifiers))
    openings = openings if all(_RUN.match(opening) for opening in openings) else None
    return _Collectives(re.compile(rf"(?:{head})\b"),
                        re.compile(rf"(?P<mods>(?:\b(?:(?:{dem})|(?i:{mod}))\s+){{0,4}})(?P<head>{head})\b"),
                        tuple(heads), openings, tuple(opening for opening in openings or () if len(opening) < 3))
