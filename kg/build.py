"""Build a knowledge graph from documents: read, extract in parallel, write RDF safely, report.

A document that cannot be read is skipped and reported; the others are still
written. Output files are replaced only once complete.

The hot path holds no whole-corpus rdflib graph: worker processes write each
document's graph as sorted N-Quads lines (kg.parallel), which are merged into
the output file (kg.rdf.sorted_file) or bulk-loaded into an Oxigraph store.
The bytes written do not depend on the number of workers or the order of the
inputs, and equal what serialising one rdflib Dataset of everything gives.
Formats that only rdflib writes (.trig, .ttl, .jsonld) still go through one
Dataset.

A build killed midway leaves the old output or store as it was; the next
build of the same output removes the temporary files it left (kg.scratch).

Builds are incremental for .nq files and Oxigraph stores: a manifest (see
kg.manifest) records each document's content hash, so a rebuild extracts only
new and changed documents, replaces their graphs, and drops the graphs of
documents no longer given. ``full=True`` extracts everything again.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.ingest import find_documents
from kg.manifest import Entry, Manifest, Sources, fingerprint, plan, read_manifest, write_manifest
from kg.parallel import EXTRACTIONS, NQUADS, NTRIPLES, Extractor, GraphResult, Task, default_jobs
from kg.rdf.io import format_for
from kg.scratch import remove_stale

Progress = Callable[[int, int], None]  # (documents done, documents to extract)
# Bytes of N-Quads handed to Oxigraph's bulk loader at a time. With compactions deferred (kg.store.oxigraph)
# the number of batches costs little, and small ones hold less memory: a 10,000-document store build peaked
# at 0.28 GB with 16 MB batches and deferred compactions, 1.15 GB with 64 MB batches and without.
_BATCH = 16 << 20
_MAX_SPLICED = 2000  # more changed graphs than this: rewrite the .nq file whole (their lines are held in memory)


@dataclass
class BuildReport:
    documents: int = 0
    facts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    kept: int = 0  # document graphs kept unchanged from the last build
    dropped: int = 0  # graphs of documents no longer given, removed

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.facts.items()))
        lines = [f"documents: {self.documents}", f"facts: {sum(self.facts.values())} ({kinds})"]
        lines += [f"warning: {w}" for w in self.warnings]
        lines += [f"skipped: {s}" for s in self.skipped]
        if self.kept or self.dropped:
            lines.append(f"incremental: {self.kept} unchanged document graphs kept, {self.dropped} removed")
        return "\n".join(lines)

    def add(self, entry: Entry) -> None:
        self.documents += entry.documents
        self.facts.update(entry.facts)
        self.warnings += entry.warnings
        self.skipped += entry.skipped


def build(paths: list[Path], output: Path | None, *, store: str | None = None, jobs: int | None = None,
          full: bool = False, progress: Progress | None = None) -> BuildReport:
    """Build the graph of the documents under ``paths`` into ``output`` (format by extension) and/or ``store``.

    ``jobs`` worker processes extract (default: one per core); ``full``
    ignores what earlier builds recorded; ``progress`` is called with
    (documents done, documents to extract) as extraction goes.
    """
    if output is None and store is None:
        raise InputError("say where to build: an output file, a store, or both")
    if output is not None:
        format_for(output, writing=True)
        remove_stale(output)  # what builds killed while writing it left beside it
    groups = document_groups(paths)
    targets = _targets(output, store, groups, full)
    needed = sorted((g for g in groups if any(t.needs is None or g in t.needs for t in targets)), key=_local_order)
    tasks = [Task(g, tuple(groups[g]), _mode(targets), any(t.wants_triples for t in targets)) for g in needed]
    jobs = min(jobs or default_jobs(), max(1, len(tasks)))
    try:
        with Extractor(jobs if len(tasks) > 1 else 1) as extractor:
            for target in targets:
                target.start()
            report = _collect(groups, targets, tasks, extractor.run(tasks), progress)
            if report.documents == 0:
                raise InputError("no document could be read: " + "; ".join(report.skipped))
            for target in targets:
                target.finish()
    except BaseException:
        for target in targets:
            target.abort()
        raise
    report.dropped = max(len(getattr(t, "dropped", ())) for t in targets)
    return report


def build_dataset(paths: list[Path], *, jobs: int = 1) -> tuple[Dataset, BuildReport]:
    """Extract every document under ``paths`` into one rdflib dataset, a named graph each."""
    groups = document_groups(paths)
    target = _DatasetTarget(None)
    tasks = [Task(g, tuple(f), EXTRACTIONS) for g, f in groups.items()]
    with Extractor(min(jobs, len(groups))) as extractor:
        report = _collect(groups, [target], tasks, extractor.run(tasks), None)
    return target.dataset, report


def document_groups(paths: list[Path]) -> dict[str, list[Path]]:
    """The document files under ``paths`` by the graph they go to (files of one name share one)."""
    from kg.rdf.graph import document_iri

    files = find_documents(paths)
    if not files:
        raise InputError(f"no documents (.txt, .md, .html) found in {', '.join(map(str, paths))}")
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(str(document_iri(path.name)), []).append(path)
    return groups


def _collect(groups: dict[str, list[Path]], targets: list, tasks: list[Task], results,
             progress: Progress | None) -> BuildReport:
    """Hand each result to the targets that need it; report every graph in input order, kept ones from the manifest."""
    fresh: dict[str, Entry] = {}
    total, done = sum(len(task.files) for task in tasks), 0
    if progress:
        progress(0, total)
    for task, result in zip(tasks, results):
        users = [t for t in targets if t.needs is None or task.graph in t.needs]
        result = _complete(result, users)
        for target in users:
            target.take(result)
        fresh[task.graph] = Entry([], "", result.documents, dict(result.facts), result.warnings, result.skipped)
        done += len(task.files)
        if progress:
            progress(done, total)
    report = BuildReport()
    for graph in groups:
        entry = fresh.get(graph)
        if entry is None:
            entry = next(t.kept[graph] for t in targets if graph in t.kept)
            report.kept += 1
        for target in targets:
            target.entries[graph] = entry
        report.add(entry)
    return report


def _local_order(graph: str) -> str:
    """Documents in this order write their facts' and spans' lines in file order (kg.rdf.sorted_file)."""
    return graph.rsplit("/", 1)[1] + "/"


def _complete(result: GraphResult, users: list) -> GraphResult:
    """Lines for targets that need them when the workers returned extractions."""
    if result.extractions and any(t.wants_lines for t in users):
        from kg.parallel import union_lines
        from kg.rdf.nquads import document_lines

        made = [document_lines(e, quads=True, triples=True) for e in result.extractions]
        result.lines, result.triples = union_lines([m[1] for m in made]), union_lines([m[2] for m in made])
    return result


def _mode(targets: list) -> str:
    if any(isinstance(t, _DatasetTarget) for t in targets):
        return EXTRACTIONS
    return NQUADS if any(t.wants_quads for t in targets) else NTRIPLES


def _targets(output: Path | None, store: str | None, groups: dict, full: bool) -> list:
    sources = Sources(groups)  # stat'ed and hashed as the targets' manifests need them
    targets: list = []
    if output is not None:
        fmt = format_for(output, writing=True)
        if fmt == "nquads":
            targets.append(_NQuadsTarget(output, sources, full))
        elif fmt == "nt":
            targets.append(_NTriplesTarget(output))
        else:
            targets.append(_DatasetTarget(output))
    if store is not None:
        targets.append(_StoreTarget(store, sources, full))
    return targets


class _Target:
    """Where a build goes. ``needs``: graphs to extract (None: all); ``kept``: manifest entries reused."""

    needs: set[str] | None = None
    wants_quads = wants_triples = wants_lines = False

    def __init__(self) -> None:
        self.kept: dict[str, Entry] = {}
        self.entries: dict[str, Entry] = {}

    def start(self) -> None:
        pass

    def take(self, result: GraphResult) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass


class _NQuadsTarget(_Target):
    """An .nq file, rewritten whole or spliced: changed graphs' lines out, their new lines in."""

    wants_quads = wants_lines = True

    def __init__(self, path: Path, sources: Sources, full: bool) -> None:
        from kg.manifest import file_state

        super().__init__()
        self.path, self.sources = path, sources
        self.manifest_path = path.with_name(f".{path.name}.manifest.json")
        remove_stale(self.manifest_path)
        manifest = read_manifest(self.manifest_path)
        if manifest is not None and not (path.is_file() and manifest.target == file_state(path)):
            manifest = None  # the file was changed or removed since: nothing in it can be reused
        todo = plan(sources, manifest, full=full)
        self.incremental = bool(todo.keep) and len(todo.extract) <= _MAX_SPLICED
        self.partitions = _local_prefixes()
        self.confined: dict[str, bool] = {}
        if self.incremental:
            self.needs = set(todo.extract)
            self.kept = {g: manifest.entries[g] for g in todo.keep}
            self.dropped = todo.drop
            self.replaced = {g: manifest.entries[g] for g in [*todo.extract, *todo.drop] if g in manifest.entries}
            self.blobs: list[bytes] = []
        else:
            self.dropped = todo.drop if manifest else []
            self.writer = _line_writer(path)

    def take(self, result: GraphResult) -> None:
        from kg.rdf.splice import confined

        self.confined[result.graph] = confined(result.lines, self.partitions, _own_prefixes(result.graph))
        if self.incremental:
            self.blobs.append(result.lines)
        else:
            self.writer.add(result.lines)

    def finish(self) -> None:
        from kg.manifest import file_state
        from kg.rdf.io import atomic_writer

        if not self.incremental:
            self.writer.commit()
        elif self.needs or self.dropped:
            from kg.rdf.nquads import graph_suffix
            from kg.rdf.splice import Dropped, splice

            new = sorted({line for blob in self.blobs for line in blob.split(b"\n") if line})
            dropped = [Dropped(graph_suffix(graph), _own_prefixes(graph) if entry.confined else ())
                       for graph, entry in self.replaced.items()]
            with atomic_writer(self.path) as out:
                splice(self.path, dropped, new, out, self.partitions)
        elif self.manifest_path.is_file():
            return  # nothing changed: the file and its manifest stand
        self.entries = {g: self._recorded(g, e) for g, e in self.entries.items()}
        write_manifest(self.manifest_path, Manifest(fingerprint(), self.entries, file_state(self.path)))

    def _recorded(self, graph: str, entry: Entry) -> Entry:
        """The manifest entry of ``graph``: its sources now, and whether its new lines (else its kept ones) are
        confined."""
        entry = self.sources.source(graph, None).recorded(entry)
        entry.confined = self.confined.get(graph, entry.confined)
        return entry

    def abort(self) -> None:
        if not self.incremental:
            self.writer.discard()


def _line_writer(path: Path):
    """A writer of sorted lines that streams each document's fact and span lines (see kg.rdf.sorted_file)."""
    from kg.rdf.sorted_file import DocumentLineWriter

    return DocumentLineWriter(path, _local_prefixes())


def _local_prefixes() -> tuple[bytes, ...]:
    """The subject prefixes of the lines only one document states, nine in ten: its facts' and spans'."""
    from kg.namespaces import BSKG_ID

    return tuple(f"<{BSKG_ID}{kind}/".encode() for kind in ("fact", "span"))


def _own_prefixes(graph: str) -> tuple[bytes, ...]:
    """The prefixes of the fact and span lines of the document whose graph is ``graph`` (kg.rdf.graph names them
    by the document's slug); a graph's lines are checked to keep to them before a splice relies on it."""
    slug = graph.rsplit("/", 1)[1].encode()
    return tuple(prefix + slug + b"/" for prefix in _local_prefixes())


class _NTriplesTarget(_Target):
    """An .nt file: every graph's triples merged, always written whole."""

    wants_triples = wants_lines = True

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.writer = _line_writer(path)

    def take(self, result: GraphResult) -> None:
        self.writer.add(result.triples)

    def finish(self) -> None:
        self.writer.commit()

    def abort(self) -> None:
        self.writer.discard()


class _DatasetTarget(_Target):
    """A format only rdflib writes (.trig, .ttl, .jsonld): one Dataset, serialised at the end."""

    def __init__(self, path: Path | None) -> None:
        from kg.namespaces import BSKG, BSKG_ID

        super().__init__()
        self.path = path
        self.dataset = Dataset(default_union=True)
        self.dataset.bind("bskg", str(BSKG._NS))
        self.dataset.bind("id", str(BSKG_ID))

    def take(self, result: GraphResult) -> None:
        from kg.rdf.graph import add_extraction

        for extraction in result.extractions:
            add_extraction(self.dataset, extraction)

    def finish(self) -> None:
        from kg.rdf.io import serialize, write_atomic

        if self.path is not None:
            write_atomic(self.path, serialize(self.dataset, self.path))


class _StoreTarget(_Target):
    """A store. An Oxigraph store is built beside itself and swapped in whole when complete (kg.store.staging).

    A new store is bulk-loaded, and so is a fresh one when nothing of a store
    bskg built can be kept (``full``, a new bskg version, other documents):
    replacing every graph in place took 3x as long. Otherwise, in a copy of the
    store, changed graphs are replaced and removed ones dropped. Only Oxigraph
    stores keep a manifest (``bskg-manifest.json`` in the store's folder);
    without one every given document's graph is replaced and none is dropped,
    as builds into a store did before manifests. Other stores (a SPARQL
    endpoint) are written graph by graph, each graph replaced whole.
    """

    wants_quads = wants_lines = True

    def __init__(self, spec: str, sources: Sources, full: bool) -> None:
        from kg.store import store_directory

        super().__init__()
        self.spec, self.sources, self.store, self.staged = spec, sources, None, None
        self.dropped: list[str] = []
        self.directory = store_directory(spec)
        existing = self.directory is not None and _holds_files(self.directory)
        graphs = _named_graphs(self.directory) if existing else set()
        self.before = read_manifest(self.directory / "bskg-manifest.json") if graphs else None
        todo = plan(sources, self.before, full=full)
        ours = self.before is not None and graphs <= set(self.before.entries)  # no graph bskg does not know of
        self.bulk = self.directory is not None and (not graphs or (ours and not todo.keep))
        self.copy = existing and not graphs  # a store of unnamed triples only (not bskg's): bulk-loaded into a copy
        if self.bulk:
            self.wants_triples = True
            self.batch: list[bytes] = []
            self.held = 0
        elif self.before is not None:
            self.needs = set(todo.extract)
            self.kept = {g: self.before.entries[g] for g in todo.keep}
        self.dropped = todo.drop  # graphs of documents no longer given: a fresh store never has them

    def start(self) -> None:
        from kg.store import open_store

        if self.directory is None:
            self.store = open_store(self.spec, writable=True)
            return
        from kg.store.oxigraph import OxigraphStore
        from kg.store.staging import StagedStore

        self.staged = StagedStore(self.directory, copy=self.copy or not self.bulk)
        self.store = OxigraphStore(self.staged.path, writable=True)

    def take(self, result: GraphResult) -> None:
        if not self.bulk:
            self.store.replace_graph(result.graph, result.lines)
            return
        self.batch += [result.lines, result.triples]
        self.held += len(result.lines) + len(result.triples)
        if self.held >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.batch:
            self.store.bulk_add(b"".join(self.batch), trusted=True)
        self.batch, self.held = [], 0

    def finish(self) -> None:
        if self.bulk:
            self._flush()
            self.store.optimize()  # merges the many files the batches left: queries then run 2-4x faster
        else:
            for graph in self.dropped:
                self.store.replace_graph(graph, "")
        if self.staged is not None:
            entries = {g: self.sources.source(g, None).recorded(e) for g, e in self.entries.items()}
            write_manifest(self.staged.path / "bskg-manifest.json", Manifest(fingerprint(), entries))
        self.store.close()
        self.store = None
        if self.staged is not None:
            self.staged.commit()

    def abort(self) -> None:
        """Leave the store as it was: an Oxigraph store's scratch copy is dropped (a remote store keeps what it got)."""
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.staged is not None:
            self.staged.discard()


def _holds_files(directory: Path) -> bool:
    """Whether the store's folder exists and is not empty (a file there is refused)."""
    from kg.errors import OutputError

    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory}: cannot build a store there: it is a file, not a folder")
    return directory.is_dir() and next(directory.iterdir(), None) is not None


def _named_graphs(directory: Path) -> set[str]:
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(directory)
    try:
        return set(store.named_graphs())
    finally:
        store.close()
