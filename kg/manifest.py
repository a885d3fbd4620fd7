"""What the last build made from which inputs, so the next one re-extracts only what changed.

A manifest is a small JSON file kept with what it describes (next to an
N-Quads output as ``.NAME.manifest.json``, inside an Oxigraph store's
folder as ``bskg-manifest.json``). It records, per document graph, the
content hash of the file(s) behind it and the report lines its extraction
gave, plus a fingerprint of the extractor itself (bskg's code, gazetteers,
patterns and rdflib's version): a different fingerprint makes every
document count as changed. A document is the unit because extraction is a
pure function of one file's bytes and name.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_VERSION = 1


@dataclass
class Entry:
    """One document graph: the files behind it, their hash, and what extracting them reported."""

    files: list[str]
    sha256: str
    documents: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    fingerprint: str
    entries: dict[str, Entry] = field(default_factory=dict)
    target: dict = field(default_factory=dict)  # the size and mtime of the output file it describes

    def to_json(self) -> str:
        data = {"bskg_manifest": _VERSION, "fingerprint": self.fingerprint, "target": self.target,
                "documents": {graph: vars(entry) for graph, entry in sorted(self.entries.items())}}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at ``path``, or None when there is none or it cannot be trusted."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("bskg_manifest") != _VERSION:
            return None
        entries = {graph: Entry(**entry) for graph, entry in data["documents"].items()}
        return Manifest(data["fingerprint"], entries, data.get("target") or {})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write_manifest(path: Path, manifest: Manifest) -> None:
    from kg.rdf.io import write_atomic

    write_atomic(path, manifest.to_json())


def file_state(path: Path) -> dict:
    """What tells a file was changed by someone else since it was written."""
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def content_hash(files: list[Path]) -> str:
    """A hash of the files' names and bytes; unreadable files hash to a value that never matches."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            return "unreadable:" + os.urandom(8).hex()
    return digest.hexdigest()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of everything extraction depends on besides the document: code, data, rdflib."""
    import rdflib

    from kg.resources import resource_dir

    digest = hashlib.sha256(f"rdflib {rdflib.__version__}\n".encode())
    for root in (Path(__file__).parent, resource_dir("data")):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in _SOURCES and "corpus" not in path.parts:
                digest.update(f"{path.relative_to(root)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


_SOURCES = (".py", ".yaml", ".yml", ".json", ".txt")  # code and data; the bundled corpus is input, not extractor


@dataclass
class Plan:
    """Which document graphs to extract again, which to keep as they are, which to drop."""

    extract: list[str]
    keep: list[str]
    drop: list[str]


def plan(hashes: dict[str, tuple[list[str], str]], manifest: Manifest | None, *, full: bool = False) -> Plan:
    """Compare the inputs (graph -> (file names, hash)) with what the manifest says was built."""
    known = {} if manifest is None or full or manifest.fingerprint != fingerprint() else manifest.entries
    keep = [g for g, (files, digest) in hashes.items()
            if g in known and known[g].files == files and known[g].sha256 == digest]
    kept = set(keep)
    extract = [g for g in hashes if g not in kept]
    drop = sorted(g for g in (manifest.entries if manifest else {}) if g not in hashes)
    return Plan(extract, keep, drop)
