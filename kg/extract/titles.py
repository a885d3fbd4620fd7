"""Find post titles in text: 'Home Secretary', 'Federal Minister of the Interior of Germany', 'NCA Director General'.

A title is a head ('Minister', 'Director General' ...) with modifiers before
it and 'of/for X' complements after it (data/patterns/posts.yaml). A
complement or prefix that names a known organisation or state ('Italy's',
'French', 'NCA', 'of Germany') becomes the post's owner instead of part of
the title; 'former' or 'then' before a title marks it as no longer held.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.entities import UPPER, Entity, EntityFinder, EntityMention
from kg.gazetteer import Gazetteer
from kg.model import Sentence
from kg.patterns import ACRONYM_IN_BRACKETS, meeting_noun_pattern, one_of, patterns, title_pattern, title_words
from kg.values.names import tidy

WORD = rf"[{UPPER}][\w’'-]*"
_WORD_BEFORE = re.compile(rf"(?<!\S)({WORD})\s+$")  # the capitalised word just before a position
_ACRONYM_GAP = re.compile(r"(?:\s*\([A-Z]+\))?\s+")  # ' (EPC) ' between a name and the word after it
_FORMER = re.compile(r"\b(?:former|ex-|previous|then|late|predecessors? as|who was|(?:assassination|murder|killing|funeral)"
                     r"\s+of)\s*$", re.I)  # 'since the assassination of President Jovenel Moïse': held no longer
_POSSESSIVE_BEFORE = re.compile(rf"({WORD}(?:\s+{WORD})*)[’']s\s+$")  # "the Home Office's " before a title
_LIST_STEP = re.compile(rf"\s+{WORD}(?:\s+{WORD}){{0,3}}(?:,\s+(?:and\s+)?|\s+and\s+)")  # ' Daniel Noboa, ' between two titles
_REPRESENTED = re.compile(r"\s*,?\s+(?:was|were|is|are)?\s*(?:represented|led|headed|chaired)\s+by\b")
_ACRONYM_AFTER = re.compile(rf"^{ACRONYM_IN_BRACKETS}")
_REPRESENTED_BY = re.compile(r"(?:represented|led|headed|chaired)\s+by\b")  # what every _REPRESENTED match holds
_STATE_STEP = re.compile(r",?\s+(?:and\s+)?of\s+(?:the\s+)?")  # ', and of ' before the next state of a shared title
_NAME_STEP = re.compile(r",\s+(?:[A-Z][\w’'.-]*\s+){0,4}?[A-Z][\w’'-]*(?=,|\s+and\b|[.;]|$)")  # ', Brahim Merad'
_OWNED_COMPLEMENT = re.compile(r"[a-z]+[’']s(?:\s+[A-Z][\w’'-]*)+(?=\s*[,;.)]|\s+[a-z])")  # "city's Party Committee"
_COMPLEMENT_LEAD = re.compile(r"\s+(of|for|at|in|to|responsible\s+for)\s+(?P<the>the\s+)?")  # ' of the ' before a title's complement
_SPACE = re.compile(r"\s+")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)")  # ' (ICIBI)' after a name
_ITEM = rf"{WORD}(?:\s+{WORD}){{0,2}}"  # 'Justice, Home Affairs and Migration'
# The last portfolio of a series: up to its punctuation ('... and Democracy Henna Virkkunen': the name is not an item;
# '... Decentralisation and Customary and Religious Affairs, Mr Bazoum Mohamed': an item may join two words with 'and'),
# or two words before 'of' ('... and Law Enforcement of Malta'; '... and Migration Jim O'Callaghan of Ireland' is a name).
_LAST_ITEM = rf"(?:(?:{WORD}\s+and\s+)?{_ITEM}(?=\s*[,.;:)]|\s*$)|{WORD}(?:\s+{WORD})?(?=\s+(?:of|for)\s)|{WORD})"
_SERIES = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})+,?\s+and\s+{_LAST_ITEM}")  # a complement listing portfolios
_COMPLEMENT_WORD = re.compile(rf"{WORD}|and|on|&|in|the")
_FULL_NAME_COMMA = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+(?:the\s+|a\s+|an\s+)?$")
_COMMA_BEFORE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?$")
_COMPLEMENT_GOES_ON = re.compile(r"\s+(?:of|for)\s")  # after words that are no name: a name is not followed by 'of'
_COMMA = re.compile(r",\s+(?:the\s+)?")
_NAME_WORDS = re.compile(r"(?:\s+[A-Z][\w’'.-]*)+")  # capitalised words only: a name after a title
_LONGEST_WORD, _LONGEST_NAME, _MAX_MODIFIERS = 60, 300, 4  # read back no further: a run of titles must not cost its square


@lru_cache(maxsize=1)
def _lower_case_title() -> re.Pattern:
    """A lower-case title followed by a capitalised word (the name it introduces): 'minister', or a head with its
    modifiers ('INZ assistant general manager Stephen Vaughan')."""
    rules = patterns("posts")
    titles = one_of(rules["lower_case_titles"])
    modified = rf"(?:(?:{one_of(rules['lower_case_modifiers'])}) ){{1,3}}(?:{one_of(rules['lower_case_heads'])})"
    return re.compile(rf"(?<= )(?:{modified}|{titles})(?= [{UPPER}])")


@lru_cache(maxsize=1)
def _unowned_lower_title() -> re.Pattern:
    """'presidential spokesman Santiago Palomo': a lower-case title (posts.yaml ``unowned_lower_titles``) before a name."""
    return re.compile(rf"(?<![\w-])(?:{one_of(patterns('posts')['unowned_lower_titles'])})(?= [{UPPER}])")


@lru_cache(maxsize=1)
def _bare_lower_title() -> re.Pattern:
    """'the minister' standing alone (posts.yaml ``bare_lower_titles``): not 'the minister's', 'the minister for'."""
    titles = one_of(patterns("posts")["bare_lower_titles"])
    return re.compile(rf"\bthe\s+(?P<title>{titles})\b(?!['’]s|\s+(?:of|for|responsible)\b)")


def _lower_case_heads() -> str:
    """posts.yaml ``lower_case_heads`` as regex alternatives: the heads of lower-case posts ('commander', 'officer')."""
    return "|".join(re.escape(head) for head in patterns("posts")["lower_case_heads"])


@lru_cache(maxsize=1)
def _lower_case_post() -> re.Pattern:
    """'Richard Harrison, branch commander at the National Crime Agency', 'Frank Demeester, prosecutor in the human
    smuggling section of the Public Prosecutor's Office': a lower-case post after a name and a comma, up to the
    'at/of/for' (or the section of) before the organisation that holds it; or before the name, after 'the' ('the
    head of the National Crime Agency, Graeme Biggar', 'the mayor of Calais, Natacha Bouchart')."""
    heads = _lower_case_heads()
    section = rf"in\s+the\s+(?:[a-z-]+\s+){{0,3}}(?:{one_of(patterns('posts')['section_nouns'])})\s+of"
    return re.compile(rf"(?:(?<=[a-z{UPPER.lower()}], )(?:(?:a|an|the)\s+)?|(?<=\bthe ))"
                      rf"(?P<title>(?:(?!and |the )[a-z-]+ ){{0,3}}(?:{heads}))\s+(?:at|of|for|with|{section})\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _possessive_lower_case_post() -> re.Pattern:
    """"John Turner, the NCA's senior investigating officer, said': an organisation's lower-case post, after its
    possessive, ending its clause."""
    heads = _lower_case_heads()
    return re.compile(rf"['’]s\s+(?P<title>(?:[a-z-]+ ){{0,3}}(?:{heads}))(?=\s*[,;.)]|\s+(?:said|says)\b)")


@lru_cache(maxsize=1)
def _not_modifiers() -> frozenset[str]:
    """Capitalised words that never join a title before it: stopwords and honorifics (made once, not per title)."""
    return frozenset(patterns("entities")["stopwords"]) | frozenset(patterns("posts")["honorifics"])


@lru_cache(maxsize=1)
def _ranks() -> tuple[str, ...]:
    """Honorifics of more than one word ('Senior Commissioner', 'Detective Chief Inspector'): ranks, not posts,
    when a title ends where one does."""
    return tuple(h for h in patterns("posts")["honorifics"] if " " in h)


@dataclass(frozen=True)
class TitleMention:
    start: int
    end: int
    title: str
    organisation: str | None
    country: str | None
    former: bool = False


@lru_cache(maxsize=1)
def _plural_title() -> re.Pattern:
    """'Ministers of the Interior', 'Interior Ministers' before 'of STATE': a title in the plural."""
    mods, heads = title_words()
    return re.compile(rf"(?<![\w-])(?P<mods>(?:{mods})\s+)?(?P<head>{heads})s(?:\s+(?P<complement>(?:of|for)\s+(?:the\s+)?"
                      rf"[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*))?(?=,?\s+of\s)")


class TitleFinder:
    """Post titles in the sentences of one document."""

    def __init__(self, finder: EntityFinder, gazetteer: Gazetteer, mentions: list[EntityMention], home: str,
                 named: Callable[[int], bool] = lambda position: False) -> None:
        self.finder, self.gazetteer, self.mentions, self.home = finder, gazetteer, mentions, home
        self.named = named  # whether a person named before is named again at a position, in full or by surname
        self.text = finder.doc.text

    def find(self, sentence: Sentence) -> list[TitleMention]:
        """The post titles a sentence names, with the organisation or state each belongs to."""
        owner = self._representing(sentence)
        titles = [t if t.organisation or t.country or owner is None or t.start < owner[1]
                  else TitleMention(t.start, t.end, t.title, owner[0], None, t.former) for t in self._raw_titles(sentence)]
        return self._listed(titles)

    def _listed(self, titles: list[TitleMention]) -> list[TitleMention]:
        """'Ecuadorian President Daniel Noboa, Minister of Foreign Affairs Gabriela Sommerfeld and Minister of the
        Interior John Reimberg': a title listed after a titled name takes the country the list began with."""
        listed: list[TitleMention] = []
        for title in titles:
            before = listed[-1] if listed else None
            if before is not None and before.country and not (title.country or title.organisation) \
                    and _LIST_STEP.fullmatch(self.text, before.end, title.start) and not self._home_title(title):
                title = replace(title, country=before.country)
            listed.append(title)
        return listed

    def _home_title(self, title: TitleMention) -> bool:
        """Whether the title is one the home country has ('Home Secretary' in a UK release): never inherited."""
        return any(post.country == self.home for post in self.gazetteer.posts_titled(title.title))

    def _representing(self, sentence: Sentence) -> tuple[str, int] | None:
        """'The European Commission was represented by ...', 'the Command, led by ...': the organisation and where its people start."""
        if not _REPRESENTED_BY.search(self.text, sentence.start, sentence.end):
            return None  # tried first: the full pattern opens with optional spaces, so it is tried at every position
        match = _REPRESENTED.search(self.text, sentence.start, sentence.end)
        if not match:
            return None
        owners = [m for m in self.mentions if sentence.start <= m.start and m.end <= match.start()
                  and _ACRONYM_AFTER.sub("", self.text[m.end:match.start()]).strip(" ,") == ""
                  and self.finder.entities[m.key].family == "org"]  # '... Enforcement (ICE), led by ...' too
        return (owners[-1].key, match.end()) if owners else None

    def _raw_titles(self, sentence: Sentence) -> list[TitleMention]:
        found: list[TitleMention] = []
        for match in title_pattern().finditer(self.text, sentence.start, sentence.end):
            if self._inside_entity(match.start(), match.end()) \
                    or (found and match.start() < found[-1].end):  # 'Prime Minister' in 'Secretary to the Prime Minister'
                continue
            named = self._named_before(sentence.start, match.start())
            end, organisation, country, title = self._complements(match.end(), sentence.end, match.group(), named)
            begin, title = self._unlisted_modifiers(match.start(), sentence.start, title)
            if end == match.end() and any(self.text.endswith(rank, 0, end) for rank in _ranks()):
                continue  # 'Adjunct Senior Commissioner Imam Asfali': a rank before the name, not a post
            prefix_org, prefix_country, start = self._prefix(begin, sentence.start)
            former = bool(_FORMER.search(self.text, max(sentence.start, start - _LONGEST_NAME), start))
            found.append(TitleMention(start, end, tidy(title), organisation or prefix_org, country or prefix_country, former))
        return sorted(found + self._lower_case_titles(sentence) + self._distributed_titles(sentence), key=lambda t: t.start)

    def _distributed_titles(self, sentence: Sentence) -> list[TitleMention]:
        """'the Ministers of the Interior of Algeria, Brahim Merad, of Libya, Imad Trabelsi, and of Tunisia, ...': a
        plural title shared out among states, one 'of STATE, NAME' at a time; each is that state's post."""
        found: list[TitleMention] = []
        if "s of " not in sentence.text and "s, of " not in sentence.text:
            return found  # the plural head, or its complement, is always followed by 'of': most sentences need no scan
        for match in _plural_title().finditer(self.text, sentence.start, sentence.end):
            title = " ".join(part.strip() for part in match.group("mods", "head", "complement") if part)
            start, position = match.start(), match.end()
            while step := _STATE_STEP.match(self.text, position, sentence.end):
                state, state_end = self._entity_starting(step.end())
                if state is None or state.cls != "State":
                    break
                found.append(TitleMention(start, state_end, title, None, state.key))
                name = _NAME_STEP.match(self.text, state_end, sentence.end)
                if not name:
                    break
                start = position = name.end()
        return found

    def _lower_case_titles(self, sentence: Sentence) -> list[TitleMention]:
        """'Home Office minister Alex Norris': a lower-case title between an organisation and a name is the
        organisation's post."""
        found = []
        for match in _lower_case_title().finditer(self.text, sentence.start, sentence.end):
            owner = next((m for m in self.mentions if m.end == match.start() - 1 and self.text[m.end] == " "
                          and self.finder.entities[m.key].family == "org"), None)
            if owner is not None:
                found.append(TitleMention(owner.start, match.end(), match.group(), owner.key, None))
        for match in _lower_case_post().finditer(self.text, sentence.start, sentence.end):
            owner = next((m for m in self.mentions if m.start == match.end()
                          and self.finder.entities[m.key].family in ("org", "place")), None)
            if owner is not None:  # up to the owner's acronym: 'the leader of the Fuerza Nacional Progresista (FNP), X'
                end = self._skip_acronym(owner.end, sentence.end)
                found.append(TitleMention(match.start(), end, match.group("title"), owner.key, None))
        for match in _possessive_lower_case_post().finditer(self.text, sentence.start, sentence.end):
            owner = next((m for m in self.mentions if m.end == match.start()
                          and self.finder.entities[m.key].family == "org"), None)
            if owner is not None:
                found.append(TitleMention(owner.start, match.end(), match.group("title"), owner.key, None))
        for match in _unowned_lower_title().finditer(self.text, sentence.start, sentence.end):
            found.append(TitleMention(match.start(), match.end(), match.group(), None, None))
        standing_for = patterns("posts")["bare_lower_title_posts"]
        for match in _bare_lower_title().finditer(self.text, sentence.start, sentence.end):
            title = standing_for.get(match.group("title"), match.group("title").capitalize())
            found.append(TitleMention(match.start("title"), match.end(), title, None, None))
        return found

    def _unlisted_modifiers(self, start: int, floor: int, title: str) -> tuple[int, str]:
        """'Coastal Commander': capitalised words before a title that name no entity belong to it."""
        stop = _not_modifiers()
        for _ in range(_MAX_MODIFIERS):
            match = _WORD_BEFORE.search(self.text, max(floor, start - _LONGEST_WORD), start)
            if not match or match.start(1) < floor:
                break
            word, begin = match.group(1), match.start(1)
            if word in stop or word in self.gazetteer.demonyms or begin == floor or word.endswith(("’s", "'s")) \
                    or any(m.start <= begin < m.end for m in self.mentions):
                break
            title, start = f"{word} {title}", begin
        return start, title

    def _inside_entity(self, start: int, end: int) -> bool:
        return any(m.start <= start and end <= m.end and (m.end - m.start) > (end - start)
                   and not m.key.startswith("person/") for m in self.mentions)

    def _named_before(self, floor: int, start: int) -> bool:
        """'Kombes Pol Hengki Haryadi, Director of General Criminal Investigation, said': a full name no gazetteer knows,
        then a comma, right before the title; the title's capitalised complement then holds no name of its own."""
        if not _COMMA_BEFORE.search(self.text, max(floor, start - 6), start):
            return False  # asked of every title: most follow no comma, and the name's search reads far back
        match = _FULL_NAME_COMMA.search(self.text, max(floor, start - _LONGEST_NAME), start)
        if not match or match.group(1).split()[0] in self.finder.stopwords \
                or any(m.start < match.end(1) and match.start(1) < m.end for m in self.mentions):
            return False
        titled = list(title_pattern().finditer(self.text, max(floor, match.start(1) - _LONGEST_WORD), match.end(1)))
        return not (titled and _NAME_WORDS.fullmatch(self.text, titled[-1].end(), match.end(1)))  # 'President Daniel
        # Noboa, Minister of Foreign Affairs Gabriela Sommerfeld': that name is the last title's; this title has its own

    def _complements(self, end: int, stop: int, title: str, holder_named: bool = False) -> tuple[int, str | None, str | None, str]:
        """Read "of/for X" after a title: a known state or organisation owns the post, other words join the title."""
        organisation = country = None
        while match := _COMPLEMENT_LEAD.match(self.text, end, stop):
            entity, entity_end = self._entity_starting(match.end())
            if entity is None and match.group("the"):  # 'of the Philippines': the article is part of the name
                entity, entity_end = self._entity_starting(match.start("the"))
            if match.group(1) in ("at", "in") and (entity is None or entity.family != "org"
                                                    or self._meeting_after(entity_end, stop)):
                break  # 'the Prime Minister at the European Political Community summit': where, not whose
            if match.group(1) == "to" and entity is None:
                served = title_pattern().match(self.text, match.end()) if match.group("the") else None
                if not served:
                    break
                title, end = f"{title} {self.text[end:served.end()].strip()}", served.end()
                continue  # 'the Secretary to the Prime Minister': a post serving another, with that one's complements
            if entity is not None and entity.cls == "Region" and match.group(1) == "for":
                title, end = f"{title} {self.text[end:entity_end].strip()}", entity_end
                continue  # 'Minister for the Middle East', 'Minister for Africa': a portfolio, not the post's owner
            if entity is not None and (entity.family in ("org", "state") or entity.cls == "Region"):
                if match.group(1) == "to" and (country or organisation or entity.cls == "State"):
                    end = self._skip_acronym(entity_end, stop)
                    continue  # 'Ambassador of Japan to the Maldives': Japan's post, held in the Maldives; 'its
                    # Ambassador to Spain' is no post of Spain's
                if entity.cls == "State":
                    country = entity.key
                    entity, entity_end = self._organisation_after(entity, entity_end)  # 'of U.S. Southern Command'
                if entity.cls != "State":
                    organisation = entity.key
                end = self._skip_acronym(entity_end, stop)
                continue
            words = self._complement_words(match.end(), stop, holder_named)
            if not words or words <= match.end():
                owned = _OWNED_COMPLEMENT.match(self.text, match.end(), stop)
                if owned is None:
                    break  # 'Special Agent in Charge of the field office': no capitalised complement, no 'of the' either
                words = owned.end()  # 'Secretary of the city's Party Committee'
            title = f"{title} {self.text[end:words].strip()}"
            end = words
        return end, organisation, country, title

    def _meeting_after(self, end: int, stop: int) -> bool:
        """'... the European Political Community (EPC) summit': a meeting noun follows the name."""
        gap = _ACRONYM_GAP.match(self.text, end, stop)
        return bool(gap) and bool(meeting_noun_pattern().match(self.text, gap.end(), stop))

    def _organisation_after(self, state: Entity, end: int) -> tuple[Entity, int]:
        """'U.S. Southern Command', 'the U.S. Agency for International Development': a state named as the
        adjective of the organisation right after it; else the state."""
        space = _SPACE.match(self.text, end)
        organisation, organisation_end = self._entity_starting(space.end()) if space else (None, end)
        if organisation is not None and organisation.family == "org":
            return organisation, organisation_end
        return state, end

    def _entity_starting(self, position: int) -> tuple[Entity | None, int]:
        for mention in self.mentions:
            if mention.start == position:
                return self.finder.entities[mention.key], mention.end
        return None, position

    def _skip_acronym(self, end: int, stop: int) -> int:
        match = _ACRONYM.match(self.text, end, stop)
        return match.end() if match else end

    def _no_name_ends(self, end: int, stop: int) -> bool:
        """Whether the words before ``end`` end on no name: 'of' follows them, or a comma and another title
        ('..., Senior Commissioner of Police (Kombes Pol) Hengki Haryadi', whose name that is)."""
        if _COMPLEMENT_GOES_ON.match(self.text, end, stop):
            return True
        comma = _COMMA.match(self.text, end, stop)
        return bool(comma) and bool(title_pattern().match(self.text, comma.end(), stop))

    def _complement_words(self, start: int, stop: int, holder_named: bool = False) -> int:
        """End of the capitalised words of a complement, leaving a trailing person's name out (unless the title's
        holder was named before it)."""
        series = _SERIES.match(self.text, start, stop)
        named = series and next((m.start for m in self.mentions if start <= m.start < series.end() and m.key.startswith("person/")), None)
        if named is not None:  # 'for Tech Sovereignty, Security and Democracy Henna Virkkunen': the series ends before the name
            series = _SERIES.match(self.text, start, named)
        possessive = series is not None and (re.search(r"['’]s\b", series.group())
                                             or self.text.startswith(("'s", "’s"), series.end()))  # '..., and Colombia's Minister'
        if series and not possessive:
            return series.end()
        words = list(_COMPLEMENT_WORD.finditer(self.text, start, stop))
        taken: list[re.Match] = []
        for word in words:
            gap = self.text[(taken[-1].end() if taken else start):word.start()]
            if gap.strip() or any(m.start == word.start() and m.key.startswith("person/") for m in self.mentions):
                break
            if taken and word.group()[:1].isupper() and self.named(word.start()):
                break  # 'said Head of the Criminal Division Galeotti' after 'Matthew R. Galeotti': his surname
            taken.append(word)
        while taken and taken[-1].group() in ("and", "on", "&", "in", "the"):
            taken.pop()
        known = set(patterns("posts")["modifiers"]) | set(patterns("entities")["org_heads"])
        portfolio = self.gazetteer.title_words()
        first_other = next((i for i, w in enumerate(taken) if w.group()[:1].isupper() and w.group() not in portfolio), 0)
        joined = first_other and any(w.group() in ("and", "&") for w in taken[first_other - 1:]) \
            and self.text.startswith((",", ".", ";"), taken[-1].end())  # 'for European Affairs and Ownership Steering, Joakim
        # Strand,'; 'Commissioner for European Neighbourhood Policy and Enlargement Negotiations.': no name holds an 'and'
        if holder_named or (taken and not any(w.group() in ("and", "&") for w in taken)
                            and self._no_name_ends(taken[-1].end(), stop)):
            return taken[-1].end() if taken else start  # 'of General Criminal Investigation of Polda Metro Jaya': no name
        if first_other and not joined and len(taken) > first_other + 1 and taken[first_other + 1].group()[:1].isupper():
            kept = taken[:first_other]  # 'of Foreign Affairs Luis Gilberto Murillo': words no known post uses
            while len(kept) > 1 and kept[-1].group() in ("and", "on", "&", "in", "the"):
                kept.pop()  # '... and Public Works and the Consul General of Türkiye': another title, not a name
            return kept[-1].end()
        tail = [w.group() for w in taken[-3:]]
        if len(tail) == 3 and all(w[:1].isupper() for w in tail) and not (set(tail[-2:]) & known):
            taken = taken[:-2]
        return taken[-1].end() if taken else start

    def _prefix(self, start: int, floor: int) -> tuple[str | None, str | None, int]:
        window = max(floor, start - _LONGEST_NAME)
        possessive = self.text[window:start].rstrip().endswith(("’s", "'s")) \
            and _POSSESSIVE_BEFORE.search(self.text, window, start)
        if possessive:
            entity = self.entity_at(possessive.start(1), possessive.end(1))
            if entity:
                return self._org_or_country(entity) + (possessive.start(),)
        demonym = _WORD_BEFORE.search(self.text, max(floor, start - _LONGEST_WORD), start)
        if demonym and demonym.start(1) >= floor and demonym.group(1) in self.gazetteer.demonyms:
            state = f"state/{self.gazetteer.demonyms[demonym.group(1)]}"
            return None, state, demonym.start(1)
        for mention in self.mentions:
            if mention.end + 1 == start and mention.start >= floor and self.text[mention.end] == " ":
                entity = self.finder.entities[mention.key]
                office = self._office_before(mention.start, floor) if entity.cls == "State" else None
                if office is not None:  # 'the IOM Kenya Chief of Mission': IOM's post, in Kenya
                    return office.key, entity.key, office.start
                if entity.family in ("org", "state"):
                    return self._org_or_country(entity) + (mention.start,)
        return None, None, start

    def _office_before(self, start: int, floor: int) -> EntityMention | None:
        """An organisation named right before a state that precedes a title ('IOM Kenya')."""
        return next((m for m in self.mentions if m.end + 1 == start and m.start >= floor and self.text[m.end] == " "
                     and self.finder.entities[m.key].family == "org"), None)

    def _org_or_country(self, entity: Entity) -> tuple[str | None, str | None]:
        return (None, entity.key) if entity.cls == "State" else (entity.key, entity.country)

    def entity_at(self, start: int, end: int) -> Entity | None:
        for mention in self.mentions:
            if mention.start == start and mention.end >= end - 1:
                return self.finder.entities[mention.key]
            if mention.start <= start and end <= mention.end:
                return self.finder.entities[mention.key]
        return None

    # -- the orders a post and a name are written in -------------------------
