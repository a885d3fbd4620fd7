"""Split a document body into paragraphs, list items and sentences.

Press releases put capability lists either behind bullet markers or as short
paragraphs that follow a line ending in a colon and start in lower case; both
become list items so that later stages can read them one by one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Document, Sentence
from kg.patterns import patterns

_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(doc: Document) -> list[Sentence]:
    """Return the body's sentences in order, with paragraph numbers and list flags."""
    sentences: list[Sentence] = []
    expect_list = False
    for number, (start, end) in enumerate(_paragraphs(doc.text, doc.body_start)):
        block = doc.text[start:end]
        bullet = _BULLET.match(block)
        list_item = bool(bullet) or (expect_list and block[:1].islower())
        if bullet:
            start += bullet.end()
        for s, e in _sentence_spans(doc.text, start, end):
            sentences.append(Sentence(s, e, doc.text[s:e], number, len(sentences), list_item))
        expect_list = block.endswith(":") or list_item
    return sentences


def _paragraphs(text: str, offset: int) -> list[tuple[int, int]]:
    """Non-empty lines, each a paragraph, trimmed of surrounding white space."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text[offset:]):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((offset + match.start() + lead, offset + match.start() + len(line.rstrip())))
    return spans


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.start() + 1
        while stop < end and text[stop] in "\"”’)":
            stop += 1
        if _is_abbreviation(text, cursor, match.start()):
            continue
        spans.append((cursor, stop))
        cursor = match.end()
        while cursor < end and text[cursor] == " ":
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return spans


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words whose point ends no sentence ('Maj. Gen. Tomasz Praga'), from entities.yaml, lower-cased."""
    return frozenset(word.lower() for word in patterns("entities")["abbreviations"])


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[start:dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in _abbreviations() or re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", token) is not None  # "G", "G.L"
