"""Run the real pipeline over a small text and read back facts in plain terms."""
from __future__ import annotations

from pathlib import Path

from kg.ingest import read_document
from kg.model import DateValue, Ref
from kg.pipeline import Extraction, extract


def extract_text(tmp_path: Path, body: str, published: str | None = "2023-06-14",
                 publisher: str | None = None) -> Extraction:
    by = f"publisher: {publisher}\n" if publisher else ""
    front = f"---\ntitle: Test release\npublished: {published}\n{by}---\n" if published else ""
    path = tmp_path / "release.txt"
    path.write_text(front + body, encoding="utf-8")
    return extract(read_document(path))


def plain(extraction: Extraction, value: object) -> object:
    if isinstance(value, Ref):
        thing = extraction.entities.get(value.key) or extraction.posts.get(value.key)
        return thing.label if thing else value.key
    if isinstance(value, DateValue):
        return value.iso
    return str(value)


def facts(extraction: Extraction, cls: str) -> list[dict[str, list]]:
    """Each fact of a class as {property: [plain values]}."""
    return [{prop: [plain(extraction, v) for v in values] for prop, values in fact.props.items()}
            for fact in extraction.facts if fact.cls == cls]


def holdings(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(person, post, organisation) for every post holding."""
    found = set()
    for fact in extraction.facts:
        if fact.cls == "PostHolding":
            post = extraction.posts[fact.first("post").key]
            organisation = extraction.entities[post.organisation].label if post.organisation else ""
            found.add((plain(extraction, fact.first("holder")), post.label, organisation))
    return found
