"""What the last build made from which inputs, so the next one re-extracts only what changed.

A manifest is a small JSON file kept with what it describes (next to an
N-Quads output as ``.NAME.manifest.json``, inside an Oxigraph store's
folder as ``bskg-manifest.json``). It records, per document graph, the
content hash of the file(s) behind it and the report lines its extraction
gave, plus a fingerprint of the extractor itself (bskg's code, gazetteers,
patterns and rdflib's version): a different fingerprint makes every
document count as changed. A document is the unit because extraction is a
pure function of one file's bytes and name.

The content hash decides, but reading 10,000 files to hash them again costs
more than the rest of a one-document rebuild, so a manifest also keeps what
``stat`` said of each file when it was hashed (size, mtime and ctime in
nanoseconds, inode), and a file that ``stat`` still describes the same way is
taken to hold the same bytes, as git takes it. ctime cannot be set back by
tools that restore an mtime (``touch -d``, ``rsync -t``, archive extraction),
and a file changed within ``_RACY_NS`` of being hashed has no stat recorded,
so a later write in the same timestamp tick cannot pass for the hashed one:
it is hashed again next time. What is left is a file rewritten with the same
size in the same tick as an earlier write, on a file system whose clock is
behind this one's by more than ``_RACY_NS``; ``--full`` rebuilds regardless.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_VERSION = 1
_RACY_NS = 2_000_000_000  # a file changed this recently when stat'ed may change again unseen in the same tick
_UNREADABLE = "unreadable:"  # the start of the hash of files that could not be read: it never matches


@dataclass
class Entry:
    """One document graph: the files behind it, their hash, and what extracting them reported."""

    files: list[str]
    sha256: str
    documents: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    stats: list[list[int]] = field(default_factory=list)  # per file when hashed: size, mtime, ctime, inode; or none
    confined: bool = False  # its fact and span lines lie in its own runs of an .nq file (see kg.rdf.splice)


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
            return _UNREADABLE + os.urandom(8).hex()
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


def plan(sources: Sources, manifest: Manifest | None, *, full: bool = False) -> Plan:
    """Compare the inputs with what the manifest says was built; hash those to extract before they are read."""
    known = {} if manifest is None or full or manifest.fingerprint != fingerprint() else manifest.entries
    keep = [g for g in sources.groups if g in known and sources.source(g, known[g]).matches(known[g])]
    kept = set(keep)
    extract = [g for g in sources.groups if g not in kept]
    for graph in extract:
        sources.source(graph, None)
    drop = sorted(g for g in (manifest.entries if manifest else {}) if g not in sources.groups)
    return Plan(extract, keep, drop)


@dataclass
class Source:
    """The files behind one document graph as they are now: resolved names, what stat says of them, their hash."""

    files: list[str]
    stats: list[list[int]]  # empty when stat cannot vouch for the bytes (a file just changed, or not there)
    sha256: str = ""

    def matches(self, entry: Entry) -> bool:
        return self.files == entry.files and self.sha256 == entry.sha256

    def recorded(self, entry: Entry) -> Entry:
        """``entry`` (what extracting these files reported) with these files, hash and stats."""
        return Entry(self.files, self.sha256, entry.documents, entry.facts, entry.warnings, entry.skipped,
                     stats=self.stats, confined=entry.confined)


class Sources:
    """The document files of a build by graph, each stat'ed once and hashed only when a manifest cannot vouch for it."""

    def __init__(self, groups: dict[str, list[Path]]) -> None:
        self.groups = groups
        self._seen: dict[str, Source] = {}
        self._folders: dict[str, str] = {}

    def source(self, graph: str, known: Entry | None) -> Source:
        """The graph's files now; hashed unless ``known`` recorded the same stats for the same files."""
        source = self._seen.get(graph)
        if source is None:
            source = self._seen[graph] = self._observe(self.groups[graph])
        if not source.sha256:
            vouched = known is not None and known.stats and (known.files, known.stats) == (source.files, source.stats)
            source.sha256 = known.sha256 if vouched else content_hash(self.groups[graph])
            if source.sha256.startswith(_UNREADABLE):
                source.stats = []  # it may become readable with the same stats (a folder's permissions changed)
        return source

    def _observe(self, paths: list[Path]) -> Source:
        """The files' resolved names and stats, taken before they are read; no stats when one of them cannot be
        stat'ed or changed too recently to tell a later change in the same timestamp tick."""
        names, stats = [], []
        for path in paths:
            try:
                info = os.lstat(path)
                link = stat.S_ISLNK(info.st_mode)
                if link:
                    info = os.stat(path)
            except OSError:
                return Source([str(p.resolve()) for p in paths], [])
            names.append(str(path.resolve()) if link else self._resolved(os.fspath(path)))
            stats.append([info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
        racy = time.time_ns() - _RACY_NS
        return Source(names, stats if all(s[1] < racy and s[2] < racy for s in stats) else [])

    def _resolved(self, path: str) -> str:
        """``str(Path(path).resolve())`` of a file that is no symbolic link, resolving each folder once (10,000
        resolves took 0.2-0.5 s)."""
        folder, name = os.path.split(path)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(real, name)
