"""Read input files into Documents: text, YAML front matter, or HTML main text.

Bad input raises ``InputError`` with one line naming the file and the problem;
nothing else in the pipeline touches the file system for documents.

Limits: a file larger than ``MAX_BYTES`` (50 MB) or a document whose text
(after HTML main-text extraction) is longer than ``MAX_CHARS`` (2 million
characters, some 300,000 words) is refused: extraction time grows faster than
the length of a document, and press releases are a few thousand words. A
publication date must lie in 1900-2099, the years the date rules read.
Front-matter keys bskg does not use are ignored; the ones it uses must be
single values.
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.model import Document
from kg.yamltext import load_yaml

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024
MAX_CHARS = 2_000_000
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)
_USED_KEYS = ("title", "published", "date", "publisher", "url")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_FLAT_LINE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+(\S.*?)[ \t]*")


def find_documents(paths: list[Path]) -> list[Path]:
    """Expand files and folders into the document files they hold, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += _documents_in(path)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a regular file or folder")
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(set(found), key=lambda p: (p.name, str(p)))


def _documents_in(folder: Path) -> list[Path]:
    """The document files under ``folder``, skipping hidden names and not entering linked folders, as
    ``rglob`` does; the file types come from the directory listing, not a stat per file (10,000 took 0.2-0.3 s)."""
    found, pending = [], [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(current / entry.name)
                    elif os.path.splitext(entry.name)[1].lower() in SUFFIXES and entry.is_file():
                        found.append(current / entry.name)
        except PermissionError:
            continue  # a folder that cannot be listed holds nothing found, as with rglob
    return found


def read_document(path: Path) -> Document:
    """Decode one file and split off its metadata."""
    raw = _read_bytes(path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: UTF-16 text, not UTF-8; save it as UTF-8")
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file, not a text document")
    try:
        text = raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise InputError(f"{path}: looks like a binary file, not a text document")
    page_meta: dict = {}
    if path.suffix.lower() in (".html", ".htm"):
        text, page_meta = html_main_text(text)
    if not text.strip():
        raise InputError(f"{path}: the document is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"{path}: {len(text):,} characters of text, more than the {MAX_CHARS:,} a document may have; "
                         "split it")
    meta, body_start = _front_matter(text, path)
    meta = {**page_meta, **meta}
    for key in _USED_KEYS:
        if isinstance(meta.get(key), (list, dict, set)):
            raise InputError(f"{path}: front-matter key {key!r} must be a single value, not a list or mapping")
    body = text[body_start:]
    title = str(meta.get("title") or _first_line(body))
    return Document(path=path, name=path.name, text=text, body_start=body_start, title=title,
                    published=_as_date(meta.get("published") or meta.get("date"), path),
                    publisher=_optional(meta.get("publisher")), url=_optional(meta.get("url")))


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB, not a press release")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _front_matter(text: str, path: Path) -> tuple[dict, int]:
    match = _FRONT.match(text)
    if not match:
        return {}, 0
    try:
        meta = load_yaml(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        if (flat := _flat_lines(match.group(1))) is not None:
            return flat, match.end()
        if "flow level" in str(exc):  # libyaml's limit on nesting; the pure-Python reader hits RecursionError
            raise InputError(f"{path}: the front matter is nested too deeply") from None
        raise InputError(f"{path}: the front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:  # a date YAML reads but the calendar has not: 2024-02-30
        raise InputError(f"{path}: the front matter has an impossible date ({exc})") from None
    except RecursionError:
        raise InputError(f"{path}: the front matter is nested too deeply") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: the front matter is not a set of 'key: value' lines")
    return meta, match.end()


def _flat_lines(block: str) -> dict[str, str] | None:
    """'key: value' lines whose values hold ': ' (a title like 'Summit at Sandhurst: new treaty'), read as written.

    YAML refuses a colon and space inside an unquoted value, but people write
    front matter by hand and mean the whole line; any other YAML fault stays one.
    """
    lines = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    matches = [_FLAT_LINE.fullmatch(line) for line in lines]
    if not all(matches) or not any(": " in m.group(2) for m in matches):
        return None
    return {m.group(1): m.group(2) for m in matches}


def _first_line(body: str) -> str:
    return next((line.strip() for line in body.splitlines() if line.strip()), "")


def _optional(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _as_date(value: object, path: Path) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise InputError(f"{path}: 'published' is not an ISO date: {_clip(repr(value))}") from None
    if not EARLIEST <= value <= LATEST:
        raise InputError(f"{path}: 'published' {value.isoformat()} is outside {EARLIEST.year}-{LATEST.year}")
    return value


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _MainText(HTMLParser):
    """Collects visible text, preferring <main> or <article> when the page has one."""

    META = {"govuk:first-published-at": "published", "article:published_time": "published",
            "dcterms.date": "published", "dc.date": "published", "og:title": "title",
            "govuk:organisations": "publisher", "og:url": "url"}
    SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "svg", "head"}
    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section",
             "article", "main", "blockquote", "ul", "ol", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.main_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._main = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        if tag in self.SKIP:
            self._skip += 1
        if tag in ("main", "article"):
            self._main += 1
        if tag in self.BLOCK:
            self._emit("\n\n" if tag != "li" else "\n\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag in ("main", "article") and self._main:
            self._main -= 1
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._emit(data)

    def _meta(self, attrs: dict) -> None:
        """Publication date, title, publisher and address from the page's meta tags."""
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        content = (attrs.get("content") or "").strip()
        field = self.META.get(name)
        if field and content:
            self.meta.setdefault(field, content[:10] if field == "published" else content)

    def _emit(self, piece: str) -> None:
        self.parts.append(piece)
        if self._main:
            self.main_parts.append(piece)


def html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """The readable text of an HTML page, paragraphs separated by blank lines, and its meta tags."""
    parser = _MainText()
    parser.feed(html)
    chosen = parser.main_parts if "".join(parser.main_parts).strip() else parser.parts
    lines = [" ".join(line.split()) for line in "".join(chosen).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n", parser.meta
