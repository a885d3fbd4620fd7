"""Gazetteers kept as data: states, organisations, places, people, posts and legislation.

The YAML files in ``data/gazetteers/`` are read once into a ``Gazetteer``,
which answers the questions extraction asks: which entity does this phrase
name, which state does this demonym stand for, and who held this post on
this date. Adding an entry needs no code change.
"""
from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from kg import yamltext
from kg.cache import cached
from kg.resources import resource_dir
from kg.yamltext import load_yaml


@dataclass(frozen=True)
class Entry:
    """A known entity: its id, kind of file, ontology class and names."""

    id: str
    kind: str
    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    gender: str | None = None


@dataclass(frozen=True)
class Holding:
    """One person's time in a post; ``end`` is None while they still hold it."""

    person: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class PostEntry:
    """A post and its holders over time."""

    id: str
    title: str
    aliases: tuple[str, ...]
    organisation: str | None
    country: str | None
    holders: tuple[Holding, ...]

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


_CLASS_OF_KIND = {"state": "State", "person": "Person", "legislation": "Legislation"}
_PLACE_CLASSES = {"City": "City", "Region": "Region", "Venue": "Venue"}


@dataclass(eq=False)
class Gazetteer:
    """All entries by id, the phrases that name them, and the posts."""

    entries: dict[str, Entry] = field(default_factory=dict)
    posts: dict[str, PostEntry] = field(default_factory=dict)
    phrases: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    _posts_seen: tuple = field(default=(), init=False, repr=False, compare=False)  # the posts the indexes were made from
    _post_indexes: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        for phrase in (entry.name, *entry.aliases, *entry.acronyms):
            ids = self.phrases.setdefault(phrase, [])
            if entry.id not in ids:
                ids.append(entry.id)
        for demonym in entry.demonyms:
            self.demonyms.setdefault(demonym, entry.id)

    def holder_on(self, post_id: str, day: date) -> str | None:
        """The person id holding the post on ``day``, if the gazetteer knows."""
        post = self.posts.get(post_id)
        if post is None:
            return None
        return next((h.person for h in post.holders if h.covers(day)), None)

    def posts_held(self, person_id: str, day: date | None) -> list[PostEntry]:
        """Posts the person held on ``day`` (any time when day is None)."""
        return [post for post in self._posts_of(person_id)
                if any(h.person == person_id and (day is None or h.covers(day)) for h in post.holders)]

    def _posts_of(self, person_id: str) -> list[PostEntry]:
        """The posts naming the person among their holders, in gazetteer order (an index made on first use)."""
        indexes = self._indexes()
        if "holders" not in indexes:
            index: dict[str, list[PostEntry]] = {}
            for post in self.posts.values():
                for person in dict.fromkeys(h.person for h in post.holders):
                    index.setdefault(person, []).append(post)
            indexes["holders"] = index
        return indexes["holders"].get(person_id, [])

    def posts_titled(self, title: str, normalise: Callable[[str], str] = str.casefold) -> list[PostEntry]:
        """Posts whose title or an alias equals ``title`` once both are normalised (case-insensitive by default),
        in gazetteer order; from an index made on first use, as extraction asks for every title it reads. One index
        per normaliser: extraction asks with two, and one index for both was made again at each switch."""
        indexes = self._indexes()
        if ("titles", normalise) not in indexes:
            index: dict[str, list[PostEntry]] = {}
            for post in self.posts.values():
                for title_key in dict.fromkeys(map(normalise, post.titles)):
                    index.setdefault(title_key, []).append(post)
            indexes["titles", normalise] = index
        return indexes["titles", normalise].get(normalise(title), [])

    def title_words(self) -> frozenset[str]:
        """The capitalised words of every post title and alias ('Foreign', 'Affairs', 'Homeland'...), made on first use."""
        indexes = self._indexes()
        if "words" not in indexes:
            titles = (title for post in self.posts.values() for title in post.titles)
            indexes["words"] = frozenset(w for title in titles for w in title.split() if w[:1].isupper())
        return indexes["words"]

    def _indexes(self) -> dict:
        """The indexes made from the posts, dropped when a post was added, removed or replaced since. Checked by
        identity against the posts they were made from: cheaper than a key of every post's id on each call."""
        posts = self.posts.values()
        if len(posts) != len(self._posts_seen) or not all(map(operator.is_, posts, self._posts_seen)):
            self._posts_seen, self._post_indexes = tuple(posts), {}
        return self._post_indexes

    def country_of(self, entity_id: str | None) -> str | None:
        entry = self.entries.get(entity_id or "")
        if entry is None:
            return None
        return entry.id if entry.kind == "state" else entry.country


def _strings(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(str(v) for v in (value if isinstance(value, list) else [value]))


def _date(value: object) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _read(folder: Path, name: str) -> list[dict]:
    path = folder / f"{name}.yaml"
    if not path.exists():
        return []
    return load_yaml(path.read_text(encoding="utf-8")) or []


def _entry(kind: str, row: dict) -> Entry:
    cls = _CLASS_OF_KIND.get(kind) or row.get("kind") or "Organisation"
    if kind == "place":
        cls = _PLACE_CLASSES.get(str(row.get("kind")), "Place")
    return Entry(id=str(row["id"]), kind=kind, name=str(row["name"]), cls=cls,
                 aliases=_strings(row.get("aliases")), acronyms=_strings(row.get("acronyms")),
                 demonyms=_strings(row.get("demonyms")), country=row.get("country"),
                 wikidata=row.get("wikidata"), gender=row.get("gender"))


def _post(row: dict) -> PostEntry:
    holders = tuple(Holding(str(h["person"]), _date(h.get("start")), _date(h.get("end")))
                    for h in row.get("holders") or [])
    return PostEntry(id=str(row["id"]), title=str(row["title"]), aliases=_strings(row.get("aliases")),
                     organisation=row.get("organisation"), country=row.get("country"), holders=holders)


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Read every gazetteer file in ``folder`` (the bundled one by default)."""
    return _load(str(folder or resource_dir("data") / "gazetteers"))


_ENTRY_FILES = (("state", "states"), ("organisation", "organisations"), ("place", "places"),
                ("person", "people"), ("legislation", "legislation"))


@lru_cache(maxsize=4)
def _load(folder: str) -> Gazetteer:
    """The gazetteer in ``folder``, from bskg's cache when its files and this code are unchanged."""
    base = Path(folder)
    sources = [base / f"{name}.yaml" for _, name in _ENTRY_FILES]
    sources += [base / "posts.yaml", Path(__file__), Path(yamltext.__file__)]
    return cached("gazetteer", sources, lambda: _read_all(base))


def _read_all(base: Path) -> Gazetteer:
    gazetteer = Gazetteer()
    for kind, name in _ENTRY_FILES:
        for row in _read(base, name):
            gazetteer.add(_entry(kind, row))
    for row in _read(base, "posts"):
        post = _post(row)
        gazetteer.posts[post.id] = post
    return gazetteer
