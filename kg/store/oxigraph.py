"""An on-disk Oxigraph store (pyoxigraph): fast loading and querying for large corpora.

Layout: each document's triples sit in its named graph, which a rebuild
replaces whole, and also, merged, in the default graph, which queries read.
The merge matters: Oxigraph's "union default graph" keeps a triple once per
graph holding it, and entity labels are repeated in every document's graph,
so joins through them multiply rows (2 copies of 15 releases: 1.75M rows in
6.6 s instead of 87 rows in 1.5 ms). The merged default graph is a set, as
rdflib's union is. A store without one (made by other tools) is queried
through the union instead.

Opened read-only unless it is to be written; a read-only store may be shared
with other readers (``bskg serve`` among them), but opening it while another
process writes it is undefined behaviour in Oxigraph, so bskg never does.

Bulk loading defers RocksDB's compactions. Each bulk load ends by handing
RocksDB the sorted files it wrote, which it then merges into what is stored,
in background threads; batch after batch, a build had them rewrite the whole
store again and again, taking CPU from extraction, and :meth:`OxigraphStore.optimize`
merged everything once more at the end. So while a store is bulk-loaded those
threads run at the lowest CPU priority, and ``optimize`` gives them their
priority back for the one merge that counts. Measured on 10,000 generated
documents, 2 cores (``bskg build DIR --store oxigraph:S``, two runs each):
115 -> 95 s, 212 -> 162 CPU s, peak memory 1.15 -> 0.28 GB (with 16 MB batches,
kg.build), the same quads and the same query times.
pyoxigraph has no setting for this: the threads are found by the names
RocksDB gives them, on Linux; elsewhere nothing changes. Unmerged, each load's
files stay open, so a writable store first raises the process's limit of open
files as far as it may (commonly from 1,024 to 524,288). Where it stays
low, the loads are merged each time they would hold half of it (at 1,024:
every 46 loads, 740 MB of N-Quads); leaving that to RocksDB's own background
merges ran out of files on a busy machine.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import suppress
from itertools import islice
from pathlib import Path

from rdflib.term import Node

from kg.errors import InputError, QueryError
from kg.store.base import GraphData, Row, graph_ntriples, settle_order
from kg.store.sorting import sparql_sorted
from kg.store.sparql_text import order_keys, with_values, without_order_by
from kg.store.terms import from_oxigraph, to_oxigraph

_LOWEST = 19  # nice value of RocksDB's background threads during a bulk load
_LOWERED: dict[int, int] = {}  # those threads (by thread id) put at _LOWEST, with the nice value each had
_FILES_PER_LOAD = 11  # files a bulk load adds: one per RocksDB column family (an index, the strings...) it writes
_MANY_FILES = 1 << 16  # open files allowed where the system sets no limit
_FORMATS = {"nquads": "N_QUADS", "trig": "TRIG", "turtle": "TURTLE", "nt": "N_TRIPLES", "json-ld": "JSON_LD"}
_DATASETS = ("nquads", "trig", "json-ld")


def rdf_format(path: Path) -> object:
    """The pyoxigraph RdfFormat for a file, by extension; RDF/XML is refused as in kg.rdf.io."""
    import pyoxigraph

    from kg.rdf.io import format_for

    name = format_for(path)
    if name not in _FORMATS:
        raise InputError(f"{path}: {name} is not accepted; convert it to N-Quads, TriG or Turtle")
    return getattr(pyoxigraph.RdfFormat, _FORMATS[name])


class OxigraphStore:
    """A pyoxigraph store in ``directory``; queries see the merge of all graphs."""

    def __init__(self, directory: Path, *, writable: bool = False) -> None:
        import pyoxigraph

        self.directory, self.writable = Path(directory), writable
        self._unmerged, self._max_unmerged = 0, 1  # bulk loads left unmerged, and how many may be
        try:
            if writable:
                self.directory.mkdir(parents=True, exist_ok=True)
                # Before opening: Oxigraph sizes its cache of open files by the limit.
                self._max_unmerged = max(1, _open_files_allowed() // 2 // _FILES_PER_LOAD)
                self._store = pyoxigraph.Store(str(self.directory))
            elif not self.directory.is_dir():
                raise InputError(f"no Oxigraph store at {self.directory} (build one with 'bskg build --store oxigraph:DIR')")
            else:
                self._store = pyoxigraph.Store.read_only(str(self.directory))
        except OSError as exc:
            raise InputError(f"cannot open the Oxigraph store at {self.directory}: {exc}") from None

    def needs_union(self) -> bool:
        """True for a store whose named graphs are not merged into its default graph."""
        import pyoxigraph

        empty = next(iter(self._store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is None
        return empty and next(iter(self._store.named_graphs()), None) is not None

    def query(self, text: str, bindings: dict[str, Node] | None = None) -> tuple[list[str], list[Row]]:
        """Run a SELECT query; a final ORDER BY that kg.store.sorting can do is done there, not by Oxigraph."""
        unordered = without_order_by(text)
        if unordered is not None:
            with suppress(QueryError):  # a query in error: the text as written reports it
                columns, rows = self._select(unordered, bindings)
                ordered = sparql_sorted(columns, rows, order_keys(text))
                if ordered is not None:
                    return columns, ordered
        return settle_order(text, *self._select(text, bindings))

    def _select(self, text: str, bindings: dict[str, Node] | None) -> tuple[list[str], list[Row]]:
        """The columns and rows of a SELECT query, in Oxigraph's order."""
        import pyoxigraph

        union = self.needs_union()
        substitutions = {pyoxigraph.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            try:
                result = self._store.query(text, use_default_graph_as_union=union, substitutions=substitutions)
            except RuntimeError as exc:
                if "projection" not in str(exc):
                    raise
                # Oxigraph substitutes only projected variables; bind the others as a remote endpoint would.
                result = self._store.query(with_values(text, bindings or {}), use_default_graph_as_union=union)
            if not isinstance(result, pyoxigraph.QuerySolutions):
                raise QueryError("only SELECT queries can be run here")
            return [v.value for v in result.variables], _rows(result)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def load(self, path: Path) -> None:
        """Bulk-load a file (fast, not transactional): for building a store, not for a live one."""
        import pyoxigraph

        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        fmt = rdf_format(path)
        try:
            if fmt in [getattr(pyoxigraph.RdfFormat, _FORMATS[n]) for n in _DATASETS]:
                self._store.bulk_extend(_with_merged(pyoxigraph.parse(path=str(path), format=fmt)))
            else:
                self._store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise InputError(f"{path}: {str(exc).splitlines()[0][:200]}") from None

    def bulk_add(self, nquads: bytes, *, trusted: bool = False) -> None:
        """Bulk-load N-Quads text as it is (fast, not transactional): for building a new store.

        The caller keeps the layout: each triple in its named graph and also in
        the default graph (an N-Quads line with no graph term). ``trusted`` text
        (bskg's own writer's) skips Oxigraph's IRI checks, which is faster.
        Compactions wait, at the lowest priority, until :meth:`optimize` or
        :meth:`close` (see the module's docstring).
        """
        import pyoxigraph

        if self._unmerged >= self._max_unmerged:
            self.optimize()  # this process may keep no more files open: merge what the loads left so far
        _lower_background_threads()  # RocksDB starts them lazily: looked for at each call
        self._unmerged += 1
        try:
            self._store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS, lenient=trusted)
        except (SyntaxError, ValueError) as exc:
            raise InputError(f"not valid N-Quads: {str(exc).splitlines()[0][:200]}") from None

    def optimize(self) -> None:
        """Compact the store's files, as after a bulk load (queries then ran 2-4x faster at 10,000 documents)."""
        _restore_background_threads()
        self._store.optimize()
        self._unmerged = 0

    def add_graph(self, iri: str, data: GraphData) -> None:
        import pyoxigraph

        text = graph_ntriples(iri, data)
        for graph in (pyoxigraph.NamedNode(iri), pyoxigraph.DefaultGraph()):
            self._store.load(text, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=graph)

    def replace_graph(self, iri: str, data: GraphData) -> None:
        """Replace the named graph; drop from the default graph what no other graph still states."""
        import pyoxigraph

        text = graph_ntriples(iri, data)
        graph = pyoxigraph.NamedNode(iri)
        old = [(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern(None, None, None, graph)]
        if old:
            self._store.remove_graph(graph)
        self.add_graph(iri, text)
        for s, p, o in old:
            if all(isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in self._store.quads_for_pattern(s, p, o)):
                self._store.remove(pyoxigraph.Quad(s, p, o, pyoxigraph.DefaultGraph()))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if hasattr(g, "value"))

    def graph_ntriples(self, iri: str) -> str:
        """One named graph's triples as N-Triples text."""
        import pyoxigraph

        return self._store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                                from_graph=pyoxigraph.NamedNode(iri)).decode("utf-8")

    def close(self) -> None:
        """Flush and drop the store; Oxigraph releases its files when the object is freed."""
        store, self._store = getattr(self, "_store", None), None
        _restore_background_threads()  # after a bulk load given up before optimize()
        if store is not None:
            if self.writable:
                store.flush()
            del store
            gc.collect()


def _rows(solutions: Iterable, batch: int = 100_000) -> list[Row]:
    """Query solutions as rows of rdflib terms (None where unbound); a value met again is converted once.

    Solutions are taken from Oxigraph a batch at a time and converted after:
    converting each one as it came made Oxigraph's own evaluation slower. cq07
    on 10,000 documents (375,000 rows), CPU: one at a time 22 s, batches of
    10,000 21 s, of 100,000 18.3 s, all at once 17 s but 110 MB more at peak.
    """
    seen: dict = {None: None}

    def convert(term: object) -> Node | None:
        try:
            return seen[term]
        except KeyError:
            value = seen[term] = from_oxigraph(term)
            return value

    rows: list[Row] = []
    solutions = iter(solutions)
    while chunk := [list(solution) for solution in islice(solutions, batch)]:
        rows += [[convert(term) for term in row] for row in chunk]
    return rows


def _with_merged(quads: Iterator) -> Iterator:
    """Each quad, and its triple in the default graph."""
    import pyoxigraph

    default = pyoxigraph.DefaultGraph()
    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
            yield pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, default)


def _lower_background_threads() -> None:
    """Put RocksDB's background threads in this process at the lowest CPU priority."""
    for thread in _background_threads():
        if thread not in _LOWERED:
            with suppress(OSError):  # the thread has ended
                _LOWERED[thread] = os.getpriority(os.PRIO_PROCESS, thread)
                os.setpriority(os.PRIO_PROCESS, thread, _LOWEST)


def _restore_background_threads() -> None:
    """Give the threads :func:`_lower_background_threads` lowered their priority back."""
    while _LOWERED:
        thread, nice = _LOWERED.popitem()
        # An ended thread; or a user without the right to raise a priority (Linux needs CAP_SYS_NICE),
        # whose compactions then stay at the lowest priority, which slows them only on a busy machine.
        with suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, thread, nice)


def _open_files_allowed() -> int:
    """How many files this process may keep open, after raising that limit as far as it may (to the hard limit)."""
    try:
        import resource
    except ImportError:  # Windows: no such limit
        return _MANY_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = _MANY_FILES if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with suppress(ValueError, OSError):  # macOS refuses more than its own maximum: the limit stays
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    return _MANY_FILES if soft == resource.RLIM_INFINITY else soft


def _background_threads() -> list[int]:
    """The ids of RocksDB's threads (named ``rocksdb:low``, ``rocksdb:high``...) in this process; none off Linux."""
    tasks, threads = Path("/proc/self/task"), []
    for task in tasks.iterdir() if tasks.is_dir() else ():
        with suppress(OSError):  # a thread that ended meanwhile
            if (task / "comm").read_text(encoding="utf-8").startswith("rocksdb:"):
                threads.append(int(task.name))
    return threads


def needs_union(directory: Path) -> bool:
    """Whether the store at ``directory`` must be served with ``--union-default-graph``."""
    store = OxigraphStore(directory)
    try:
        return store.needs_union()
    finally:
        store.close()
