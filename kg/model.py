"""The objects that flow through the pipeline: text -> Document -> Mentions -> Facts.

Everything here is plain data. Offsets are Python string offsets into
``Document.text`` (the whole decoded file, front matter included), so a
span's quote is always ``document.text[start:end]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text."""

    start: int
    end: int

    def quote(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO text at its precision (day, week, month or year)."""

    iso: str
    precision: str

    def as_date(self) -> date:
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a list item) with its paragraph and position."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int
    list_item: bool = False


@dataclass
class Document:
    """One input file, decoded, with the metadata its front matter gives."""

    path: Path
    name: str
    text: str
    body_start: int
    title: str
    published: date | None
    publisher: str | None = None
    url: str | None = None
    published_inferred: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True)
class Mention:
    """A typed stretch of text: an entity, a post title, an amount, a date..."""

    kind: str
    start: int
    end: int
    text: str
    key: str = ""
    value: object = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Ref:
    """A reference from a fact to an entity or to another fact, by key."""

    key: str


@dataclass
class Fact:
    """An n-ary fact: its ontology class, its values by ontology property, and its evidence.

    ``props`` maps an ontology property's local name to its values: ``Ref``
    for entities and facts, ``DateValue`` for dates, or plain literals.
    """

    cls: str
    key: str
    evidence: Span
    rule: str
    label: str = ""
    props: dict[str, list] = field(default_factory=dict)
    more_evidence: list[Span] = field(default_factory=list)

    def cite(self, span: Span) -> None:
        """Add another stretch of text that states part of this fact."""
        if span != self.evidence and span not in self.more_evidence:
            self.more_evidence.append(span)

    def add(self, prop: str, value: object) -> None:
        if value is None or value == "":
            return
        values = self.props.setdefault(prop, [])
        if value not in values:
            values.append(value)

    def first(self, prop: str) -> object:
        values = self.props.get(prop)
        return values[0] if values else None
