"""Find people and the posts they hold.

Posts are written in a handful of orders, each a rule here:
``title_name`` ("Home Secretary Yvette Cooper"), ``name_comma_title``
("Nancy Faeser, the Federal Minister of the Interior of Germany"),
``title_comma_name`` ("the Home Secretary, Yvette Cooper"), ``title_dash_name``
("Newly appointed Border Security Commander – ... – Martin Hewitt"),
``name_bracket_title`` ("Jane Doe (Chief Constable)"), ``appointed``
("X has been appointed as the new Y"), ``counterpart`` ("his Italian
counterpart, Giorgia Meloni"), ``coordinated_title`` ("Deputy Prime Minister
and Justice Secretary David Lammy"), and ``post_only`` ("the Prime
Minister"), resolved through the gazetteer to whoever held the post on the
date of the clause that names it (the publication date when the clause gives
none). Titles themselves are found by kg.extract.titles.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from kg.extract.entities import UPPER, Entity, EntityFinder, EntityMention, entity_key, gazetteer_entity
from kg.extract.spans import ByStart
from kg.extract.titles import WORD, TitleFinder, TitleMention
from kg.gazetteer import Gazetteer, PostEntry
from kg.model import Sentence
from kg.patterns import one_of, patterns, title_pattern
from kg.values.dates import DateMention
from kg.values.names import fold, slug, strip_honorifics, tidy



@dataclass
class Post:
    key: str
    label: str
    organisation: str | None
    gazetteer_id: str | None = None


@dataclass(frozen=True)
class PersonRef:
    """A stretch of text that refers to a person, with the post it names (if any)."""

    start: int
    end: int
    person: str
    post: str | None
    rule: str


_HEADLINE_JOINERS = frozenset("a an the of to in on at for and or by with as from into over vs".split())
_INITIALS = rf"(?:[{UPPER}]\.){{1,3}}"  # initials before a surname, each with its dot
_MIDDLE = rf"(?:[{UPPER}]\.\s+)?"  # a middle initial: "Alejandro N. Mayorkas", "Troy A. Miller"
_APPOINTMENT_REACH = 500  # characters before a title read for "NAME has been appointed as": a match is far shorter
# A word every match of _appointment_patterns holds ('appointed', 'named', 'takes up', 'became', 'succeeds', ...)
_APPOINTMENT_WORD = re.compile(r"appoint|named|confirmed|take|took|becom|became|succeed|replace|will be the ne|has been")
_NAME_BRACKET = re.compile(rf"(?P<name>{WORD}(?:\s+{WORD}){{1,3}})\s+\($")  # 'Jane Doe (' before a title


@lru_cache(maxsize=1)
def _name_before() -> str:
    """A full name (two to five words, particles allowed) as a regex fragment."""
    particles = "|".join(patterns("posts")["name_particles"])
    word = rf"{_not_post_nominal()}{WORD}"
    return rf"(?:{_INITIALS}\s*{WORD}|{WORD}(?:\s+{_MIDDLE}(?:(?:{particles})\s+)*{word}){{1,4}})"


@lru_cache(maxsize=1)
def _not_post_nominal() -> str:
    """A look-ahead refusing letters after a name ('Jim O'Callaghan TD', 'Keir Starmer KC') as part of it."""
    return rf"(?!(?:{_letters()})(?![\w’'-]))"


@lru_cache(maxsize=1)
def _post_nominals() -> str:
    """The letters after a name, read past: 'Jim O'Callaghan TD, the Minister ...'."""
    return rf"(?:\s+(?:{_letters()})(?![\w’'-]))*"


def _letters() -> str:
    return "|".join(map(re.escape, patterns("posts")["post_nominals"]))


# The patterns below embed the name patterns, thousands of characters long: each is compiled once, as building
# its string per title cost more than the search (the re module's cache hashes and compares the whole string).
@lru_cache(maxsize=1)
def _comma_name_pattern() -> re.Pattern:
    """', Yvette Cooper' after a title, ending where a clause would (at a past tense too: 'Chargé d'Affaires, a.i.
    Kevin Covert joined ...', the ad interim mark read past): title_comma_name."""
    ends = r"said|told|added|has|had|was|is|will|who|announced|met|attended|also|yesterday|today|[a-z]+ed"
    interim = rf"(?:(?:{one_of(patterns('posts')['interim_marks'])}),?\s+)?"
    return re.compile(rf",\s+{interim}{_name_pattern().pattern}(?=\s*(?:,|\.|;|\)|\(|$|\s+and\b|\s+(?:{ends})\b))")  # '(rtd)'


@lru_cache(maxsize=1)
def _title_joint() -> re.Pattern:
    """' and ', ', and current ' between two titles of one holder (posts.yaml ``title_joining_words``)."""
    return re.compile(rf",?\s+and\s+(?:(?:{one_of(patterns('posts')['title_joining_words'])})\s+)?")


@lru_cache(maxsize=1)
def _dash_name_pattern() -> re.Pattern:
    """' – ... – Martin Hewitt' after a title: title_dash_name."""
    return re.compile(rf"\s+[–—-]\s+[^–—]{{3,120}}?\s+[–—-]\s+{_name_pattern().pattern}")


_ABBREVIATION = re.compile(r"[A-Z]{2,4}")  # 'PS', 'CS', 'DG' before a surname
_PRONOUN_OPENER = re.compile(r"(She|He)\s")
_OPENER_POSSESSIVE = re.compile(r"(?:Speaking|Addressing|Writing|At|In|During|After|Before|On)\b[^,;.]*?\b(?P<pronoun>[Hh]er|[Hh]is)\b"
                                 r"[^,;.]*,\s+(?:the\s+)?$")
_ITS = re.compile(r"\b[Ii]ts\s+$")
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")  # ' of ' between a titled name and its state
_AGED = re.compile(rf"(?<![\w’'-])(?P<name>{WORD}(?:\s+{WORD}){{1,3}}),\s+(?:aged\s+)?[1-9]\d,")  # 'Steve Shand, 50,'
_IN_THE = re.compile(r"\s+in\s+(?:the\s+)?")
_OF_BEFORE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?$")
_CLAUSE_END = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:[,;.]|$)")  # after a title: its clause ends ('(FDF),')
_TITLE_FIRST = ("title_name", "title_comma_name", "title_dash_name")  # the rules of a title written before its name
_SERIES_STEP = re.compile(r",\s+(?:and\s+)?(?:the\s+|his\s+|her\s+)?")  # ', and the ' between a name and the next title


@lru_cache(maxsize=1)
def _name_comma_pattern() -> re.Pattern:
    """'Nancy Faeser, the ' ending the text before a title: name_comma_title."""
    article = r"(?:the\s+|a\s+|an\s+)?(?:(?:new|former|current|newly appointed|self-styled|so-called)\s+)?"
    return re.compile(rf"{_honorifics()}(?P<name>{_name_before()}){_post_nominals()},\s+"
                      rf"(?P<relative>who\s+(?:is|has\s+been|became)\s+(?:now\s+)?(?:also\s+)?)?{article}[“\"]?$")


@lru_cache(maxsize=1)
def _counterpart_pattern() -> re.Pattern:
    """'his Italian counterpart, Giorgia Meloni'."""
    words = "|".join(patterns("posts")["counterpart_words"])
    return re.compile(rf"\b(?:his|her|their|its)\s+(?P<demonym>{WORD}\s+)?(?:{words}),?\s+{_name_pattern().pattern}")


@lru_cache(maxsize=1)
def _honorifics() -> str:
    """Honorifics and ranks before a name, read past: 'His Excellency Abdulla Shahid', 'Maj. Gen. Tomasz Praga', 'Air
    Marshal (Retd) Asim Suleiman'."""
    return rf"(?:(?:{one_of(patterns('posts')['honorifics'])})\.?\s+(?:\((?i:retd|retired|rtd)\.?\)\s+)?)*"


def _names_home_state(title: str) -> bool:
    """Whether a title ends on a complement that names the release's own state ('President of the Republic')."""
    return title.endswith(tuple(f" of {complement}" for complement in patterns("posts")["home_state_complements"]))


@lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern:
    """'The two ministers', 'both leaders' (posts.yaml ``pair_nouns``)."""
    return re.compile(rf"\b(?i:the\s+two|both)\s+(?:{one_of(patterns('posts')['pair_nouns'])})\b")


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    rules = patterns("posts")
    particles = "|".join(rules["name_particles"])
    token = rf"{_not_post_nominal()}(?:{WORD}|(?:{particles})-{WORD})"
    lead = rf"(?:(?:{particles})\s+)*"
    first = rf"(?:{_INITIALS}\s*)?(?:{WORD}|(?:{particles})-{WORD})"  # "G.L. Peiris", "J.D. Vance", "al-Sarraj"
    return re.compile(rf"{_honorifics()}(?P<name>{lead}{first}(?:\s+{_MIDDLE}{lead}{token}){{0,4}}){_post_nominals()}")


class PeopleFinder:
    """Person references, posts and holdings for one document."""

    def __init__(self, finder: EntityFinder, gazetteer: Gazetteer, mentions: list[EntityMention],
                 home: str) -> None:
        self.finder, self.gazetteer, self.mentions = finder, gazetteer, mentions
        self.home = home  # the country an unqualified title names (kg.extract.context.home_country)
        self.text = finder.doc.text
        self.titles = TitleFinder(finder, gazetteer, mentions, home, lambda position: self._named_again(position))
        self.posts: dict[str, Post] = {}
        self.countries: dict[str, str] = {}
        self.refs: list[PersonRef] = []
        self.pairs: list[PersonRef] = []  # 'the two ministers': both people at once, never one speaker or announcer
        self.sentence_titles: list[TitleMention] = []  # the titles of the sentence being read
        self.honorifics = patterns("posts")["honorifics"]
        self.post_nominals = patterns("posts")["post_nominals"]
        self.by_start = ByStart(mentions)  # a sentence's mentions without a scan of the document's

    # -- public -----------------------------------------------------------
    def run(self, sentences: list[Sentence], dates: dict[int, list[DateMention]], published: date | None) -> list[PersonRef]:
        self.dates, self.published, self.sentences = dates, published, sentences
        self._sentence_starts = [s.start for s in sentences]
        for sentence in sentences:
            self.current = sentence
            self._sentence(sentence)
        self._gazetteer_people()
        self.refs.sort(key=lambda r: (r.start, r.end))
        return self.refs

    def person_by_surname(self, surname: str) -> str | None:
        """A person already named in full whose name ends with ``surname`` ('Macron', 'von der Leyen'), else
        whose name holds it after the first name: 'Minister Cordero' is Luis Cordero Vega (a paternal surname)."""
        labels = [(ref.person, self.finder.entities[ref.person].label) for ref in reversed(self.refs)]
        ending = next((person for person, label in labels if label == surname or label.endswith(" " + surname)), None)
        return ending or next((person for person, label in labels if surname in label.split()[1:]), None) \
            or self._mentioned_by_surname(surname)

    def _named_again(self, position: int) -> bool:
        """Whether someone named before is named again at a position, in full or by surname ('Galeotti' after
        'Matthew R. Galeotti, Head of ...')."""
        for label in {self.finder.entities[r.person].label for r in self.refs}:
            surname = label.rsplit(" ", 1)[-1]
            for name in (label, surname):
                if self.text.startswith(name, position) and not self.text[position + len(name):position + len(name) + 1].isalpha():
                    return True
        return False

    def _mentioned_by_surname(self, surname: str) -> str | None:
        """The one person the gazetteer found named in full whose name ends with ``surname``, though no title
        introduced them yet: 'the Libyan leader, Fayez al-Sarraj, ... President al-Sarraj'."""
        found = {m.key for m in self.mentions if self.finder.entities[m.key].family == "person"
                 and self.finder.entities[m.key].label.endswith(" " + surname)}
        return found.pop() if len(found) == 1 else None

    def gazetteer_posts(self, person: str, day: date | None) -> list[str]:
        """Keys of the posts the gazetteer says the person held on ``day``."""
        entry_id = self.finder.entities[person].gazetteer_id
        if not entry_id or day is None:
            return []
        return [self._post_key(post, TitleMention(0, 0, post.title, None, None))
                for post in self.gazetteer.posts_held(entry_id, day)]

    def post_of(self, person: str, before: int) -> str | None:
        """The post a person was last given before a position (or anywhere)."""
        posts = [r.post for r in self.refs if r.person == person and r.post]
        earlier = [r.post for r in self.refs if r.person == person and r.post and r.start < before]
        return (earlier or posts or [None])[-1]

    # -- one sentence ---------------------------------------------------------
    def _day(self, sentence: Sentence, position: int) -> date | None:
        """The date of the clause around ``position``, else the publication date ('who is now ...')."""
        marks = ",;:()–—"
        start = max([self.text.rfind(m, sentence.start, position) for m in marks] + [sentence.start])
        ends = [e for e in (self.text.find(m, position, sentence.end) for m in marks) if e >= 0]
        end = min(ends) if ends else sentence.end
        for mention in self.dates.get(sentence.index, []):
            if mention.value and mention.value.precision != "year" and start <= mention.start < end:
                return mention.value.as_date()
        return self.published

    def _sentence(self, sentence: Sentence) -> None:
        if sentence.index == 0 and _headline(sentence.text):
            return  # the title 'Secretary Noem Extends U.S.-Panama Agreement': every word capitalised, no name has an end
        titles = self.sentence_titles = self.titles.find(sentence)
        taken: set[int] = set()
        for title in titles:
            day = self._day(sentence, title.start)
            ref = (self._title_name(title, sentence, day) or self._title_comma_name(title, sentence, day)
                   or self._title_dash_name(title, sentence, day) or self._name_comma_title(title, sentence, day)
                   or self._name_bracket_title(title, sentence, day))
            if ref:
                self.refs.append(ref)
                taken.add(title.start)
        self._appointments(sentence, titles)
        self._coordinated(titles, taken)
        for title in titles:
            if title.start not in taken and not self._covered(title.start):
                ref = self._post_only(title, self._day(sentence, title.start))
                if ref:
                    self.refs.append(ref)
        self._counterparts(sentence, self._day(sentence, sentence.start))
        self._speakers(sentence)
        self._courtesy(sentence)
        self._given_names(sentence)
        self._pronoun_subject(sentence)
        self._pair(sentence)
        self._aged(sentence)

    def _pronoun_subject(self, sentence: Sentence) -> None:
        """'She gave the figures at a joint press briefing in Abuja': a sentence opening on 'He' or 'She' is about the
        one person the sentence before named (of that gender, when it named several)."""
        match = _PRONOUN_OPENER.match(sentence.text)
        if match is None or sentence.index == 0:
            return
        previous = self.sentences[sentence.index - 1]
        named = [r for r in self.refs if previous.start <= r.start < previous.end]
        gender = "female" if match.group(1) == "She" else "male"
        people = {r.person for r in named}
        if len(people) > 1:
            people = {p for p in people if self._gender(p) == gender}
        if len(people) != 1 or self._gender(next(iter(people))) not in (None, gender):
            return
        ref = next(r for r in reversed(named) if r.person in people)
        self.refs.append(PersonRef(sentence.start, sentence.start + len(match.group(1)), ref.person, ref.post, "pronoun_subject"))

    def _aged(self, sentence: Sentence) -> None:
        """'Harshkumar Ramanlal Patel, 29, an Indian national ...', 'Steve Shand, 50, of Florida': a full name and an age
        between commas is a person (the defendants of a court release)."""
        for match in _AGED.finditer(self.text, sentence.start, sentence.end):
            start, end = match.span("name")
            if self._covered(start) or self._non_person_at(start, end) or not self._plausible(match.group("name")):
                continue
            self.refs.append(PersonRef(start, end, self._person(match.group("name"), start), None, "name_age"))

    def _pair(self, sentence: Sentence) -> None:
        """'The two ministers met in London on Monday' after 'talks between the Home Secretary and French Interior
        Minister Bernard Cazeneuve': 'the two' or 'both' and a plural of posts.yaml ``pair_nouns`` stand for the two
        people the sentence before named, and no more or fewer. Kept apart from ``refs``: they take part in meetings
        (kg.extract.events), but are no one speaker or announcer."""
        match = _pair_pattern().search(sentence.text)
        if match is None or sentence.index == 0:
            return
        previous = self.sentences[sentence.index - 1]
        people = list(dict.fromkeys(r.person for r in self.refs if previous.start <= r.start < previous.end))
        if len(people) != 2 or any(r.start >= sentence.start + match.start() for r in self.refs
                                   if sentence.start <= r.start < sentence.end):
            return
        start, end = sentence.start + match.start(), sentence.start + match.end()
        for person in people:
            self.pairs.append(PersonRef(start, end, person, self.post_of(person, start), "pair_anaphor"))

    def _given_names(self, sentence: Sentence) -> None:
        """'On Thursday evening, Phumtham, accompanied by ...': a person named in full before, called by the given
        name alone, as Thai releases do; only a given name no other person named so far shares, and not opening
        the sentence ('Grant funding ...' after 'Grant Shapps')."""
        firsts: dict[str, set[str]] = {}
        for ref in self.refs:
            words = self.finder.entities[ref.person].label.split()
            if len(words) >= 2:
                firsts.setdefault(words[0], set()).add(ref.person)
                for word in words[1:]:
                    firsts.setdefault(word, set()).add("")  # also a surname or middle name: ambiguous
        for match in re.finditer(rf"(?<![\w’'-])[{UPPER}][\w’'-]+(?![\w’'-])", self.text[sentence.start:sentence.end]):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            people = firsts.get(match.group(), set())
            if start == sentence.start or len(people) != 1 or "" in people or self._covered(start) \
                    or self._non_person_at(start, end) or _NEXT_NAME_WORD.match(self.text, end):
                continue  # 'Phumtham Wechayachai' again is the full name, read by the other rules
            self.refs.append(PersonRef(start, end, next(iter(people)), None, "given_name"))

    def _courtesy(self, sentence: Sentence) -> None:
        """'Mr O'Mahoney travelled to Paris' after 'Former Royal Marine Dan O'Mahoney was appointed': the person the
        text named in full with that surname, though no title or speech verb made the full name a person."""
        for match in _courtesy_pattern().finditer(self.text, sentence.start, sentence.end):
            start, end = match.span("surname")
            surname = match.group("surname")
            if self._covered(start) or self._non_person_at(start, end):
                continue
            person = self.person_by_surname(surname) or self._named_in_full(surname, match.start())
            if person is not None:
                self.refs.append(PersonRef(start, end, person, None, "courtesy_surname"))

    def _named_in_full(self, surname: str, before: int) -> str | None:
        """The last 'Given Surname' written before ``before``, as a person."""
        names = [m for m in re.finditer(rf"\b(?P<name>[{UPPER}][\w’'-]+\s+{re.escape(surname)})(?![\w’'-])", self.text[:before])
                 if self._plausible(m.group("name")) and not self._non_person_at(m.start(), m.end())]
        if not names:
            return None
        return self._person(names[-1].group("name"), names[-1].start())

    def _speakers(self, sentence: Sentence) -> None:
        """'said Andy Kelly of the NCA', 'Maria Jones said': a full name next to a speech verb is a person."""
        for pattern in _speaker_patterns():
            for match in pattern.finditer(self.text, sentence.start, sentence.end):
                start, end = match.span("name")
                name = strip_honorifics(tidy(match.group("name")), self.honorifics, self.post_nominals)
                if len(name.split()) < 2 or self._covered(start) or self._covered(end - 1) \
                        or self._non_person_at(start, end) or self.titles.entity_at(start, end) or not self._plausible(name):
                    continue
                abbreviated = self._abbreviated_title_surname(name)
                if abbreviated:
                    self.refs.append(PersonRef(start, end, abbreviated, None, "abbreviated_title_surname"))
                    continue
                self.refs.append(PersonRef(start, end, self._person(name, start), None, "speaker_name"))

    def _abbreviated_title_surname(self, name: str) -> str | None:
        """'PS Omollo told delegates' after 'the Principal Secretary ..., Dr. Raymond Omollo': an abbreviated title in
        capitals, then the surname of a person named in full before."""
        words = name.split()
        return self.person_by_surname(words[1]) if len(words) == 2 and _ABBREVIATION.fullmatch(words[0]) else None

    def _coordinated(self, titles: list[TitleMention], taken: set[int]) -> None:
        """'Deputy Prime Minister and Justice Secretary David Lammy': both titles are his."""
        for first, second in zip(titles, titles[1:]):
            if not _title_joint().fullmatch(self.text[first.end:second.start]) \
                    or (re.search(r"\b(?:the|his|her|their|its)\s+$", self.text[self.current.start:first.start], re.I)
                        and not self.text.startswith(",", second.end)):
                continue  # 'the Prime Minister and Home Secretary Yvette Cooper': two people; but 'the Deputy Prime
                #           Minister and Minister of Defence, Phumtham Wechayachai': one, in apposition
            named = [r for r in self.refs if r.start <= first.start < r.end or r.start <= second.start < r.end]
            if len(named) != 1:
                continue
            other = second if first.start in taken or named[0].start <= first.start < named[0].end else first
            if other.start in taken and other is second:
                other = first
            if other.start not in taken and not any(r.start <= other.start < r.end for r in named):
                day = self._day(self.current, other.start)
                self.refs.append(self._ref(other.start, other.end, named[0].person, other, day, "coordinated_title"))
                taken.add(other.start)

    def _covered(self, position: int) -> bool:
        return any(r.start <= position < r.end for r in self.refs)

    def _non_person_at(self, start: int, end: int) -> bool:
        entity = self.titles.entity_at(start, end)
        return entity is not None and entity.cls != "Person"

    def _title_name(self, title: TitleMention, sentence: Sentence, day: date | None) -> PersonRef | None:
        match = _name_pattern().match(self.text, title.end + 1) if self.text[title.end:title.end + 1] == " " else None
        if not match or match.end() > sentence.end:
            return None
        words = match.group("name").split()
        extra, name = self._split_title_words(words)
        if not name:
            return None
        if " " in name and name[0].islower():
            person = self.person_by_surname(name)
            return self._ref(title.start, match.end(), person, title, day, "title_name") if person else None
        if set(name.split()) <= set(patterns("posts")["modifiers"]):
            return None  # 'Director National Security at the Home Office': the rest of a title, no name
        full_title = replace(title, title=" ".join([title.title, *extra]))
        state = None if title.organisation or title.country else self._state_after(match.end(), sentence.end)
        full_title = replace(full_title, country=state) if state else full_title  # 'Prime Minister X of Japan'
        if len(name.split()) == 1:
            person = self.person_by_surname(name) or self._gazetteer_surname(name, title, day)
            if not person:
                return None
        else:
            person = self._person(name, match.start("name") + len(" ".join(extra)) + (1 if extra else 0))
        return self._ref(title.start, match.end(), person, full_title, day, "title_name")

    def _state_after(self, end: int, stop: int) -> str | None:
        """The state named in 'of STATE' right after a titled name ('Prime Minister KISHIDA Fumio of Japan')."""
        of = _OF_STATE.match(self.text, end, stop)
        states = [m.key for m in self.by_start.starting(of.end(), of.end() + 1) if self.finder.entities[m.key].cls == "State"] \
            if of else []
        return states[0] if states else None

    def _split_title_words(self, words: list[str]) -> tuple[list[str], str]:
        while words and self._is_entity_word(words[-1]):
            words = words[:-1]
        modifiers = set(patterns("posts")["modifiers"])
        extra = []
        while len(words) > 2 and words[0] in modifiers:
            extra.append(words.pop(0))
        return extra, " ".join(words)

    def _is_entity_word(self, word: str) -> bool:
        return word in ("The", "He", "She", "It", "This", "In") or word.lower() in ("said", "says")

    def _title_comma_name(self, title: TitleMention, sentence: Sentence, day: date | None) -> PersonRef | None:
        match = _comma_name_pattern().match(self.text, self._posted_in(title.end, sentence.end), sentence.end)
        if not match or self._non_person_at(match.start("name"), match.end("name")) or not self._plausible(match.group("name")) \
                or self._in_name_title_series(title, match.end(), sentence):
            return None
        return self._ref(title.start, match.end(), self._person(match.group("name"), match.start("name")), title, day, "title_comma_name")

    def _posted_in(self, end: int, stop: int) -> int:
        """After a title, the end of the place its holder serves in, if one follows ("IOM's Chief of Mission in
        Jordan, Enrico Ponziani"); else the title's end."""
        lead = _IN_THE.match(self.text, end, stop)
        place = next((m for m in self.mentions if m.start == lead.end()), None) if lead else None
        return place.end if place is not None and self.finder.entities[place.key].family in ("state", "place") else end

    def _in_name_title_series(self, title: TitleMention, name_end: int, sentence: Sentence) -> bool:
        """'Sean Fraser, Minister of Justice, Gary Anandasangaree, Minister of Public Safety, and ...': a name before the
        title and a title after the next name make a series of 'name, title' pairs, unless the name before has its
        own title already ('Prime Minister Mikati, the Minister of Interior, Bassam Mawlawi, and the Commander ...') or
        the sentence wrote a title before its name already ('Vice President JD Vance and ...')."""
        after = _SERIES_STEP.match(self.text, name_end, sentence.end)
        if not after or not title_pattern().match(self.text, after.end(), sentence.end):
            return False
        start = title.start
        for earlier in reversed([t for t in self.sentence_titles if t.start < title.start]):
            if earlier.end >= start or re.fullmatch(r"\s+and\s+", self.text[earlier.end:start]):
                start = earlier.start  # 'Minister of Justice and Attorney General of Canada': one holder's two titles
        named = _name_comma_pattern().search(self.text[sentence.start:start])
        name_start = sentence.start + named.start("name") if named else -1
        return bool(named) and not any(r.start <= name_start < r.end <= start for r in self.refs) and not any(
            r.rule in _TITLE_FIRST and sentence.start <= r.start < start for r in self.refs)


    def _title_dash_name(self, title: TitleMention, sentence: Sentence, day: date | None) -> PersonRef | None:
        match = _dash_name_pattern().match(self.text, title.end, sentence.end)
        if not match:
            return None
        return self._ref(title.start, match.end(), self._person(match.group("name"), match.start("name")), title, day, "title_dash_name")

    def _name_comma_title(self, title: TitleMention, sentence: Sentence, day: date | None) -> PersonRef | None:
        before = self.text[sentence.start:title.start]
        match = _name_comma_pattern().search(before)
        if not match or (self.text[title.end:title.end + 2] in ("'s", "’s") and not (title.organisation or title.country)):
            return None  # 'Stanislav Secrieru, the President's adviser': the President's man, not the President
            #              (but 'Phillip Parr, an Inspector in Immigration Enforcement's unit' is the Inspector)
        start, end = sentence.start + match.start("name"), sentence.start + match.end("name")
        titled = self._titled_name(start, end, title)
        if titled:
            return self._ref(title.start, title.end, titled.person, title, day, "name_comma_title")
        if self._non_person_at(start, end) or not self._plausible(match.group("name")) \
                or _OF_BEFORE.search(self.text, max(sentence.start, start - 12), start):
            return None  # 'the Chief of Polda Metro Jaya, Inspector General ...': what a title is of, not a name
        if self._covered(start) and not match.group("relative"):
            return None  # "the Italian Interior Minister, Matteo Piantedosi, the Home Secretary agreed": a new subject;
            #              but 'The Prime Minister, Anwar Ibrahim, who is also the Minister of Finance': a second post
        name = strip_honorifics(match.group("name"), self.honorifics, self.post_nominals)
        return self._ref(start, title.end, self._person(name, start), title, day, "name_comma_title")

    def _titled_name(self, start: int, end: int, title: TitleMention) -> PersonRef | None:
        """'Federal Councillor Ueli Maurer, head of the Federal Department of Finance (FDF), and ...': the person a
        title written straight before the name gave, when the title after the name ends its clause (one person's
        second post, not a new subject)."""
        if not _CLAUSE_END.match(self.text, title.end):
            return None
        return next((r for r in self.refs if r.rule == "title_name" and r.start < end == r.end), None)

    def _name_bracket_title(self, title: TitleMention, sentence: Sentence, day: date | None) -> PersonRef | None:
        before = self.text[sentence.start:title.start]
        match = _NAME_BRACKET.search(before)
        if not match or self.text[title.end:title.end + 1] != ")":
            return None
        start = sentence.start + match.start("name")
        return self._ref(start, title.end + 1, self._person(match.group("name"), start), title, day, "name_bracket_title")

    def _counterparts(self, sentence: Sentence, day: date | None) -> None:
        for match in _counterpart_pattern().finditer(self.text, sentence.start, sentence.end):
            previous = [r for r in self.refs if r.end <= match.start() and r.post and r.start >= sentence.start]
            if not previous or self._titled_counterpart(match, day):
                continue
            template = self.posts[previous[-1].post]
            demonym = (match.group("demonym") or "").strip()
            country = f"state/{self.gazetteer.demonyms[demonym]}" if demonym in self.gazetteer.demonyms else None
            title = TitleMention(match.start(), match.end(), template.label, None, country)
            person = self._person(match.group("name"), match.start("name"))
            post = self._gazetteer_post(title, self.finder.entities[person].gazetteer_id, day) if country else None
            confirmed = post is not None and f"state/{post.country}" == country
            if country and not confirmed:
                self.countries[person] = country
            self.refs.append(PersonRef(match.start("name"), match.end(), person,
                                       self._post_key(post, title) if confirmed else None, "counterpart"))

    def _titled_counterpart(self, match: re.Match, day: date | None) -> bool:
        """'her Iraqi counterpart, Interior Minister X': X's post belongs to the counterpart's state."""
        ref = next((r for r in self.refs if r.start == match.start("name") or
                    (match.start("name") <= r.start < match.end())), None)
        if ref is None:
            return False
        demonym = (match.group("demonym") or "").strip()
        country = self.gazetteer.demonyms.get(demonym)
        post = self.posts.get(ref.post or "")
        if country and post and post.organisation is None:
            title = TitleMention(ref.start, ref.end, post.label, None, f"state/{country}")
            self.refs[self.refs.index(ref)] = self._ref(ref.start, ref.end, ref.person, title, day, ref.rule)
        return True

    def _appointments(self, sentence: Sentence, titles: list[TitleMention]) -> None:
        for title in titles:
            reach = max(sentence.start, title.start - _APPOINTMENT_REACH)
            match = _appointed_before(self.text[reach:title.start])
            if match and not self._covered(title.start):
                start = reach + match.start("name")
                person = self._person(match.group("name"), start)
                self.refs.append(self._ref(start, title.end, person, title, self._day(sentence, title.start), "appointed"))
        for mention in self.by_start.starting(sentence.start, sentence.end):
            if not self._covered(mention.start):
                self._appointed_to_office(sentence, mention)

    def _appointed_to_office(self, sentence: Sentence, mention: EntityMention) -> None:
        """'X has been appointed as the new Independent Chief Inspector of Borders and Immigration (ICIBI)':
        an office that is also a body; the post is named after it."""
        entity = self.finder.entities[mention.key]
        reach = max(sentence.start, mention.start - _APPOINTMENT_REACH)
        match = _appointed_before(self.text[reach:mention.start])
        if not match or entity.family != "org" or not title_pattern().search(entity.label):
            return
        key = f"post/{slug(entity.label)}"
        self.posts.setdefault(key, Post(key, entity.label, entity.key))
        start = reach + match.start("name")
        self.refs.append(PersonRef(start, mention.end, self._person(match.group("name"), start), key, "appointed"))

    def _post_only(self, title: TitleMention, day: date | None) -> PersonRef | None:
        if title.former:
            return None
        if title.organisation:
            return self._gazetteer_only(title, day) or self._told_of(title)
        introduced = [r for r in self.refs if r.post and r.start < title.start and self._introduced_as(r, title)]
        introduced = introduced if len({r.person for r in introduced}) == 1 else []  # 'the Minister' of two: no one
        earlier = [r for r in self.refs if r.post and r.start < title.start
                   and (_short_form(fold(self.posts[r.post].label), fold(title.title))
                        or _portfolio(self.posts[r.post].label) == _portfolio(title.title) is not None
                        or _of_body(fold(self.posts[r.post].label), fold(title.title))
                        or r in introduced)
                   and (title.country is None or self._post_country(r.post) in (None, title.country))]
        opener = self._opener_gender(title)
        if opener:  # 'Speaking at her morning press conference, the President said': the President named who is a woman
            earlier = [r for r in earlier if self._gender(r.person) == opener] or earlier
        home_titles = [p for p in self._titled_posts(title) if p.country == self.home]
        if title.country is None and home_titles and not (opener and earlier and self._gender(earlier[-1].person) == opener) \
                and not self._foreign_holder_just_told(earlier, home_titles, title):
            earlier = [r for r in earlier if self._post_country(r.post) in (None, f"state/{self.home}")]
        exact = [r for r in earlier if fold(self.posts[r.post].label) == fold(title.title)]
        if earlier:  # 'the Attorney General': Attorney General Garland, not the Attorney General of the Republic named since
            chosen = (exact or earlier)[-1]
            return PersonRef(title.start, title.end, chosen.person, chosen.post, "post_coreference")
        return self._gazetteer_only(title, day) or self._short_for(title)

    def _foreign_holder_just_told(self, earlier: list[PersonRef], home_titles: list[PostEntry], title: TitleMention) -> bool:
        """'Vice Minister Kim called on Prime Minister Hun Manet in Phnom Penh. ... The Prime Minister expressed
        ...' in a Korean release: the foreign holder of the title, named in this paragraph by the bare title too
        (not 'the Bulgarian Prime Minister', which sets him apart from the home one), when the text names no
        holder of the home post."""
        if not earlier or self._sentence_at(earlier[-1].start).paragraph != self.current.paragraph:
            return False
        if not fold(self.text[earlier[-1].start:earlier[-1].end]).startswith(fold(title.title)):
            return False
        home_posts = {f"post/{post.id}" for post in home_titles}
        return not any(r.post in home_posts for r in self.refs)

    def _told_of(self, title: TitleMention) -> PersonRef | None:
        """'"...," the Government Spokesperson said' after 'Government Spokesperson, Mustapha Baitas': the one person
        named before with a post of that title, of the title's body, its country or none."""
        owner = self.finder.entities[title.organisation]
        told = [r for r in self.refs if r.post and r.start < title.start
                and _short_form(fold(self.posts[r.post].label), fold(title.title))
                and self.posts[r.post].organisation in (None, title.organisation, owner.country)]
        if len({r.person for r in told}) != 1:
            return None
        return PersonRef(title.start, title.end, told[-1].person, told[-1].post, "post_coreference")

    def _opener_gender(self, title: TitleMention) -> str | None:
        """The gender an opening phrase gives the title that follows it: 'Speaking at her morning press conference
        before the meeting, the President said' (female); None when the sentence opens otherwise."""
        match = _OPENER_POSSESSIVE.match(self.text, self.current.start, title.start)
        return None if match is None else "female" if match.group("pronoun").lower() == "her" else "male"

    def _gender(self, person: str) -> str | None:
        entry = self.gazetteer.entries.get(self.finder.entities[person].gazetteer_id or "")
        return entry.gender if entry else None

    def _introduced_as(self, ref: PersonRef, title: TitleMention) -> bool:
        """'The President of the Council of Ministers, Giorgia Meloni, ...; the President inspected the works':
        a bare title that opens the title the person was introduced with, though the gazetteer knows the post by
        another (Italy's 'Prime Minister')."""
        word = fold(title.title)
        written = fold(self.text[ref.start:ref.end])
        return ref.rule.startswith("title_") and written.startswith(tuple(f"{the}{word} {of} " for the in ("", "the ")
                                                                         for of in ("of", "for")))

    def _short_for(self, title: TitleMention) -> PersonRef | None:
        """'the Secretary' after 'Secretary of Homeland Security Kristi Noem': a bare title short for the post the text
        named in full with it, when only one person so far held a post of that kind ('the Minister' after ministers
        for finance and of state is no one's; a Prime Minister is no minister here)."""
        if title.country or " " in title.title:
            return None
        word = fold(title.title)
        earlier = self._home_first(self._latest_told([r for r in self.refs if r.post and r.start < title.start
                                                      and _headed_by(fold(self.posts[r.post].label), word)]))
        if len({r.person for r in earlier}) != 1 \
                or not _unmodified(fold(self.posts[earlier[-1].post].label)).startswith((f"{word} of ", f"{word} for ")):
            return None
        return PersonRef(title.start, title.end, earlier[-1].person, earlier[-1].post, "post_short_for")

    def _home_first(self, refs: list[PersonRef]) -> list[PersonRef]:
        """Of several people a bare title could be short for, the one holding a post of the home country, if only one
        does: 'the Minister' of a UK release after its Immigration Minister met his French counterpart is the UK's."""
        home = [r for r in refs if self._post_country(r.post) == f"state/{self.home}"]
        return home if len({r.person for r in refs}) > 1 and len({r.person for r in home}) == 1 else refs

    def _sentence_at(self, position: int) -> Sentence:
        """The sentence holding a position (sentences are in text order)."""
        return self.sentences[bisect_right(self._sentence_starts, position) - 1]

    def _latest_told(self, refs: list[PersonRef]) -> list[PersonRef]:
        """Of several people a bare title could be short for, those of the last sentence naming any, when at most
        one paragraph of prose stands between, lists aside ('The Minister of Border Security ..., Bill Blair, was
        given the new portfolio ... "...," the Minister said' after the Ministers of Finance and of Public Safety):
        the refs as they were when one person is told, or that sentence's several ('the Minister for Finance, X,
        and the Minister of State, Y, spoke': still no one)."""
        if len({r.person for r in refs}) <= 1:
            return refs
        last = self._sentence_at(refs[-1].start)
        between = {s.paragraph for s in self.sentences[last.index + 1:self.current.index]
                   if not s.list_item and s.paragraph not in (last.paragraph, self.current.paragraph)}
        if len(between) > 1:  # the list a sentence introduced, and one paragraph more, may stand between
            return refs
        return [r for r in refs if last.start <= r.start < last.end]

    def _gazetteer_only(self, title: TitleMention, day: date | None) -> PersonRef | None:
        """A post named without its holder: whoever the gazetteer says held it on the day."""
        if day is None:
            return None
        held = [(post, self.gazetteer.holder_on(post.id, day)) for post in self._titled_posts(title)]
        held = [(post, holder) for post, holder in held if holder in self.gazetteer.entries]
        home = [(post, holder) for post, holder in held if post.country == self.home]
        if title.country is None and title.organisation is None and fold(title.title) in _shared_titles():
            held = home
        if len(held) != 1 and not (title.country is None and title.organisation is None and len(home) == 1):
            return None
        post, holder = held[0] if len(held) == 1 else home[0]
        person = self.finder.remember(_person_entity(self.gazetteer, holder))
        return PersonRef(title.start, title.end, person, self._post_key(post, title), "post_only")

    def _titled_posts(self, title: TitleMention) -> list[PostEntry]:
        """The gazetteer's posts of that title; for a head whose organisation the text names ('President' of the
        European Commission), the post titled with both ('President of the European Commission')."""
        found = [p for p in self.gazetteer.posts_titled(title.title, fold) if self._country_fits(p, title)]
        if not found and "," in title.title:  # 'Minister for Foreign Affairs, European Union and Cooperation'
            found = [p for p in self.gazetteer.posts_titled(title.title.split(",")[0], fold) if self._country_fits(p, title)]
        if not title.organisation or any(f"org/{p.organisation}" == title.organisation for p in found):
            return found
        owner = self.finder.entities[title.organisation].label
        written = (f"{title.title} of the {owner}", f"{title.title} of {owner}", f"{owner} {title.title}")
        return next(filter(None, (self.gazetteer.posts_titled(w, fold) for w in written)), found)

    # -- entities ---------------------------------------------------------------
    def _plausible(self, name: str) -> bool:
        """A person's name holds no post title and is not a known organisation or place."""
        first = name.split()[0] if name.split() else ""
        return not title_pattern().search(name) and name not in self.gazetteer.demonyms \
            and first not in patterns("entities")["stopwords"] and name not in self.honorifics  # 'Lt' of 'Lt. Gen.'

    def _person(self, name: str, start: int) -> str:
        name = strip_honorifics(tidy(name), self.honorifics, self.post_nominals)
        known = self.person_by_surname(name)
        if known:
            return known
        ids = [i for i in self.gazetteer.phrases.get(name, []) if self.gazetteer.entries[i].kind == "person"]
        if ids:
            return self.finder.remember(_person_entity(self.gazetteer, ids[0]))
        return self.finder.remember(Entity(entity_key("Person", name), "Person", name))

    def _gazetteer_surname(self, surname: str, title: TitleMention, day: date | None) -> str | None:
        """'Home Secretary Cooper': the holder of a post so titled; else 'Secretary Mayorkas': the one person of
        that surname holding, on the day, a post whose title has the same head word ('Secretary of Homeland Security')."""
        if day is None:
            return None
        head = title.title.split()[-1]
        exact = self.gazetteer.posts_titled(title.title)
        for posts in (exact, [p for p in self.gazetteer.posts.values() if head in p.title.split() and p not in exact]):
            found = {holder for post in posts if title.country in (None, f"state/{post.country}")
                     and (holder := self.gazetteer.holder_on(post.id, day) or "") in self.gazetteer.entries
                     and self.gazetteer.entries[holder].name.split()[-1] == surname}
            if len(found) == 1:
                return self.finder.remember(_person_entity(self.gazetteer, found.pop()))
        return None

    def _gazetteer_people(self) -> None:
        for mention in self.mentions:
            if mention.key.startswith("person/") and not self._covered(mention.start):
                self.refs.append(PersonRef(mention.start, mention.end, mention.key, None, "gazetteer_name"))

    def _ref(self, start: int, end: int, person: str, title: TitleMention, day: date | None, rule: str) -> PersonRef:
        if title.former:
            return PersonRef(start, end, person, None, f"{rule}_former")
        named = None if title.organisation or title.country else next(
            (r.post for r in reversed(self.refs) if r.person == person and r.post
             and fold(self.posts[r.post].label).endswith(fold(title.title))), None)
        if named:
            return PersonRef(start, end, person, named, rule)
        entry_id = self.finder.entities[person].gazetteer_id
        if not (title.organisation or title.country) and person in self.countries:
            title = TitleMention(title.start, title.end, title.title, None, self.countries[person])
        post = self._gazetteer_post(title, entry_id, day)
        if post is None and not (title.organisation or title.country):
            owner = self._its_owner(title.start) or self._context_owner(start) or self._home_state_post(title, person, day)
            title = replace(title, organisation=owner) if owner else title
        return PersonRef(start, end, person, self._post_key(post, title), rule)

    def _its_owner(self, position: int) -> str | None:
        """'Italy's delegation was led by its Ambassador to Spain, ...': the state or body 'its' stands for, the last
        the sentence named before the title."""
        if not _ITS.search(self.text, max(self.current.start, position - 6), position):
            return None
        owners = [m.key for m in self.mentions if self.current.start <= m.start < position
                  and self.finder.entities[m.key].family in ("state", "org")]
        return owners[-1] if owners else None

    def _context_owner(self, position: int) -> str | None:
        """For 'Foreign Minister X' met in Baghdad: the foreign government, region or state the sentence names; none
        when the place named last before the title is at home ('... in Myawaddy, Myanmar, were flown home from Mae
        Sot Airport ..., in what the Deputy Prime Minister ... called': a Thai minister in a Thai release)."""
        sentence = self.current
        owners, home = [], (f"state/{self.home}", "org/hm-government")
        for mention in self.mentions:
            if not (sentence.start <= mention.start < position) or self._owns_other_thing(mention):
                continue
            entity = self.finder.entities[mention.key]
            if entity.cls in ("Government", "Region") or entity.cls == "State":
                owners.append((entity.key, False))
            elif entity.family == "place" and entity.country:
                state = self.gazetteer.entries.get(entity.country.split("/", 1)[1])
                if state is not None:
                    owners.append((self.finder.remember(gazetteer_entity(state)), True))
        if owners and owners[-1][1] and owners[-1][0] in home:
            return None
        foreign = [key for key, _ in owners if key not in home]
        return foreign[-1] if foreign else None

    def _owns_other_thing(self, mention: EntityMention) -> bool:
        """"extended under Japan's Programme, ... signed by X, Minister of ...": a possessive owning no title."""
        after = re.match(r"['’]s\s+", self.text[mention.end:mention.end + 4])
        return bool(after) and not title_pattern().match(self.text, mention.end + after.end())

    def _home_state_post(self, title: TitleMention, person: str, day: date | None) -> str | None:
        """'Abdulla Shahid, Minister of Foreign Affairs' in a Maldivian release the gazetteer has no post for: a
        minister (or a president's title, see _presidential_home) with no other owner is the home government's,
        unless the sentence lists him among office-holders of one other state, before him or, known to the
        gazetteer, after him."""
        if not (_home_government_title().search(title.title) or self._presidential_home(title)) \
                or any(r.person == person and r.post for r in self.refs):
            return None  # 'Minister Fraser' after 'Sean Fraser, Minister of Justice': short for that post
        fellows = {self._post_country(r.post) for r in self.refs
                   if r.post and self.current.start <= r.start < title.start} - {None, f"state/{self.home}"}
        fellows = fellows or self._known_holders_after(title, day)  # '..., Taher al-Baour, the Minister of the
        #   Interior, Emad Trabelsi, ...': Libya's, as the gazetteer knows Trabelsi
        if fellows:
            return fellows.pop() if len(fellows) == 1 else None  # 'met President Rajapaksa, Prime Minister Ranil
            #   Wickremesinghe and the Minister of Foreign Affairs, Professor G.L. Peiris': the hosts' minister
        return self._known(f"state/{self.home}")

    def _known_holders_after(self, title: TitleMention, day: date | None) -> set[str]:
        """The foreign states of the posts the gazetteer gives the people the sentence names after the title."""
        states: set[str] = set()
        if day is None:
            return states
        for mention in self.mentions:
            entry_id = self.finder.entities[mention.key].gazetteer_id
            if title.end <= mention.start < self.current.end and entry_id:
                states |= {f"state/{post.country}" for post in self.gazetteer.posts_held(entry_id, day) if post.country}
        return {self._known(state) for state in states - {f"state/{self.home}"}} - {None}

    def _presidential_home(self, title: TitleMention) -> bool:
        """'the Vice President, Prof. Yemi Osinbajo' in a Nigerian release: a president's title, in a release from a
        state the gazetteer gives a president (not the UK's, where an unplaced president is a foreign one)."""
        return _names_home_state(title.title) or any(
            head in title.title and any(post.country == self.home for post in self.gazetteer.posts_titled(head, fold))
            for head in patterns("posts")["head_of_state_titles"])

    def _gazetteer_post(self, title: TitleMention, person_id: str | None, day: date | None) -> PostEntry | None:
        """The gazetteer's post for a title: one the person holds, else the only (or home) match."""
        if person_id and self.gazetteer.posts_held(person_id, None):
            held = [p for p in self.gazetteer.posts_held(person_id, day)
                    if any(_titles_agree(title.title, t) for t in p.titles)]
            return held[0] if held else None
        candidates = [p for p in self._titled_posts(title)
                      if (title.country or title.organisation or p.country == self.home)
                      and (day is None or self.gazetteer.holder_on(p.id, day) is None)]
        return candidates[0] if len(candidates) == 1 else None

    def _country_fits(self, post: PostEntry, title: TitleMention) -> bool:
        """Whether a post may be the one a title names: of the country the title names, or whose body it names; a
        title of a body of no country ('Vice President of the European Commission') is no state's post."""
        owner = self.finder.entities[title.organisation] if title.organisation and not title.country else None
        if owner is not None and owner.cls != "State" and owner.country is None:
            return post.country is None
        country = title.country or (owner.country if owner else None)
        if country is None:
            return True
        return f"state/{post.country}" == country

    def _post_key(self, post: PostEntry | None, title: TitleMention) -> str:
        if post:
            organisation = self._gazetteer_org(post.organisation) or title.organisation
            key = f"post/{post.id}"
            self.posts.setdefault(key, Post(key, post.title, organisation, post.id))
            return key
        organisation = self._known(title.organisation or title.country) or self._deputised_body(title)
        owner = self.finder.entities[organisation].label if organisation else ""
        key = f"post/{slug(title.title + ' ' + owner)}"
        self.posts.setdefault(key, Post(key, title.title, organisation))
        return key

    def _deputised_body(self, title: TitleMention) -> str | None:
        """The body of the home post a deputy's title is second to: a US release's 'Deputy Attorney General' is of
        the Justice Department, as the Attorney General is (posts.yaml second_in_command)."""
        first, _, rest = title.title.partition(" ")
        if fold(first) not in _second_in_command() or not rest:
            return None
        bodies = {p.organisation for p in self.gazetteer.posts_titled(rest, fold) if p.country == self.home}
        return self._gazetteer_org(bodies.pop()) if len(bodies) == 1 else None

    def _known(self, key: str | None) -> str | None:
        """An entity key the document may only imply ('French' for France), made known from the gazetteer."""
        if key is None or key in self.finder.entities:
            return key
        entry = self.gazetteer.entries.get(key.split("/", 1)[1])
        return self.finder.remember(gazetteer_entity(entry)) if entry else None

    def _post_country(self, post_key: str) -> str | None:
        post = self.posts[post_key]
        if post.organisation is None:
            return None
        entity = self.finder.entities[post.organisation]
        return entity.key if entity.cls == "State" else entity.country

    def _gazetteer_org(self, entry_id: str | None) -> str | None:
        entry = self.gazetteer.entries.get(entry_id or "")
        if entry is None:
            return None
        return self.finder.remember(gazetteer_entity(entry))


_GENERIC_TITLE_WORDS = frozenset("minister secretary of for the and state to on in".split())


def _short_form(label: str, title: str) -> bool:
    """'the Minister' for 'Home Minister'; not 'the Prime Minister' for 'Deputy Prime Minister' (posts.yaml
    second_in_command): both folded."""
    if not label.endswith(title) or " to the " in f" {label[:len(label) - len(title)]}":
        return False  # 'the Minister' is not the 'Secretary to the Prime Minister'
    if any(label.endswith(head) and head.endswith(f" {title}") for head in _compound_heads()):
        return False  # nor the 'Prime Minister': a head of its own
    before = label[:len(label) - len(title)].rstrip(" -").rsplit(" ", 1)[-1]
    return before not in _second_in_command()


_NEXT_NAME_WORD = re.compile(rf"[ -][{UPPER}]")
_PORTFOLIO = (re.compile(r"(?P<head>minister|secretary) (?:of|for) (?:the )?(?P<field>[a-z -]+?)(?: affairs)?"),
              re.compile(r"(?P<field>[a-z -]+?)(?: affairs)? (?P<head>minister|secretary)"))


def _portfolio(title: str) -> str | None:
    """'minister:foreign' for both 'Foreign Minister' and 'Minister of Foreign Affairs', 'minister:interior' for
    'Interior Minister' and 'Minister of the Interior': one post written in two orders."""
    folded = fold(title)
    match = next(filter(None, (pattern.fullmatch(folded) for pattern in _PORTFOLIO)), None)
    return f"{match['head']}:{match['field']}" if match else None


def _of_body(label: str, title: str) -> bool:
    """'the Executive Director' for the 'Executive Director of Frontex' named before: a title of two words or more
    that the full post opens with, before its body (both folded)."""
    return " " in title and label.startswith(f"{title} of ")


def _headed_by(label: str, title: str) -> bool:
    """Whether the post is a kind of ``title``: 'minister for home affairs' and 'home minister' are ministers,
    'prime minister' and 'secretary to the prime minister' are not (both folded)."""
    return _unmodified(label).startswith((f"{title} of ", f"{title} for ")) or _short_form(label, title)


def _unmodified(label: str) -> str:
    """A folded post label without the modifiers it opens with: 'european commissioner for ...' is a commissioner for."""
    words = label.split()
    while len(words) > 1 and words[0] in _folded_modifiers():
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _folded_modifiers() -> frozenset[str]:
    """posts.yaml modifiers, folded, but those that make another post ('deputy', posts.yaml second_in_command)."""
    return frozenset(map(fold, patterns("posts")["modifiers"])) - frozenset(_second_in_command())


@lru_cache(maxsize=1)
def _compound_heads() -> tuple[str, ...]:
    """Post heads of several words ('Prime Minister', 'High Commissioner'), folded."""
    return tuple(fold(head) for head in patterns("posts")["heads"] if " " in head or "-" in head)


@lru_cache(maxsize=1)
def _second_in_command() -> frozenset[str]:
    return frozenset(map(fold, patterns("posts")["second_in_command"]))


@lru_cache(maxsize=1)
def _shared_titles() -> frozenset[str]:
    """Folded titles that many governments have (posts.yaml shared_titles)."""
    return frozenset(map(fold, patterns("posts")["shared_titles"]))


@lru_cache(maxsize=1)
def _home_government_title() -> re.Pattern:
    """A title a home government's member holds when nothing else owns it (posts.yaml home_government_titles)."""
    return re.compile(rf"\b(?:{one_of(patterns('posts')['home_government_titles'])})\b")


@lru_cache(maxsize=1)
def _courtesy_pattern() -> re.Pattern:
    """'Mr O'Mahoney', 'Ms Dijkhoff', 'Mr Al-Sudani's visit': a courtesy title (posts.yaml courtesy_titles) and one
    capitalised surname."""
    titles = one_of(patterns("posts")["courtesy_titles"])
    return re.compile(rf"\b(?:{titles})\.?\s+(?P<surname>[{UPPER}][\w’'-]*?[\w-])(?!\s+[{UPPER}])(?![\w-]|[’'](?!s\b))")


@lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A name after a speech verb ('said Andy Kelly'), and a name starting a clause before one ('Maria Jones said')."""
    verbs = "|".join(map(re.escape, patterns("facts")["speech_verbs"]))
    name = rf"(?P<name>{_name_before()})"
    return (re.compile(rf"\b(?:{verbs})\s+{name}(?![\w’'-])"),
            re.compile(rf"(?:^|(?<=[.;:“\"]\s)|(?<=[.;:“\"]))\s*{name}\s+(?:{verbs})\b", re.M))


def _headline(text: str) -> bool:
    """Whether a line is in title case: four or more capitalised words, and no lower-case word but short joining ones."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    lower = [w for w in words if w[0].islower() and w not in _HEADLINE_JOINERS]
    return not lower and sum(w[0].isupper() for w in words) >= 4


def _titles_agree(said: str, known: str) -> bool:
    """'Asylum Minister' names the 'Minister for Border Security and Asylum': same head, a shared distinctive word;
    'Secretary' names the 'Secretary of Homeland Security' the person holds: the title it opens."""
    said, known = fold(said), fold(known)
    if known.endswith(said) or said.endswith(known) or known.startswith((f"{said} of ", f"{said} for ")):
        return True
    said_words, known_words = set(said.split()), set(known.split())
    return bool(said) and said.split()[-1] in known_words and bool((said_words - _GENERIC_TITLE_WORDS) & known_words)


def _appointed_before(text: str) -> re.Match | None:
    """'NAME has been appointed as the new ', 'appointed NAME as ', 'NAME of the Netherlands will be the next ', 'NAME
    has been ' (the post held since) at the end of ``text``."""
    if not _APPOINTMENT_WORD.search(text):
        return None  # most text before a title appoints no one, and the patterns, anchored at its end, try every position
    named, appointed = _appointment_patterns()
    return named.search(text) or appointed.search(text)


@lru_cache(maxsize=1)
def _appointment_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The two orders ``_appointed_before`` reads, compiled once: built per title, they cost more than the search."""
    name = _name_before()
    return (re.compile(rf"(?P<name>{name})(?:,[^,]{{3,90}},|\s+of\s+(?:the\s+)?{WORD}(?:\s+{WORD})?)?\s+"
                       rf"(?:will\s+be\s+(?=the\s+(?:next|new)\s)|has\s+been\s+|(?:has\s+been|was|is|will\s+be|had\s+been)\s+(?:formally\s+)?"
                       rf"(?:appointed|named|confirmed)\s+(?:as\s+)?|(?:will\s+take\s+up|takes\s+up|has\s+taken\s+up|"
                       rf"took\s+up)\s+(?:the\s+)?(?:post|role|position)\s+of\s+|"
                       rf"(?:will\s+take|takes|has\s+taken|took)\s+up\s+(?:the\s+|his\s+|her\s+)?(?:post|role|position|office)"
                       rf"\s+(?:[^,.;]{{0,40}}?\s+)?as\s+|(?:becomes|became|will\s+become|"
                       rf"has\s+become|(?:succeeded|succeeds|will\s+succeed|replaced|replaces|will\s+replace)\s+(?:him|her|them|{name})\s+as)\s+)(?:the\s+)?(?:{WORD}[’']s\s+)?(?:new\s+|next\s+|permanent\s+|interim\s+)?$"),
            re.compile(rf"\bappoint(?:s|ed)?\s+(?P<name>{name})\s+as\s+(?:the\s+)?(?:new\s+|next\s+)?$"))


def _person_entity(gazetteer: Gazetteer, person_id: str) -> Entity:
    entry = gazetteer.entries[person_id]
    return Entity(entity_key("Person", entry.id), "Person", entry.name, entry.id, None, entry.wikidata, set(entry.aliases))
