"""Extraction across processes: document graphs in, their lines (or extractions) out, in input order.

A task is one document graph: the file(s) whose name gives its IRI (nearly
always one file). Workers read, extract and write each graph's N-Quads (or
N-Triples) lines, sorted, so the parent only merges them; for formats that
rdflib must write, they return the extractions instead. Results come back in
task order whatever the number of workers, so reports list warnings in the
same order as a serial build.

Workers are forked from the parent (they inherit the extractor's modules and
the gazetteer it loaded); open the ``Extractor`` before starting threads or
opening stores. They die with the parent (kg.children), so a build killed
with SIGKILL leaves no worker behind to print a traceback.
"""
from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.children import die_with_parent
from kg.errors import InputError

NQUADS, NTRIPLES, EXTRACTIONS = "nquads", "ntriples", "extractions"


@dataclass(frozen=True)
class Task:
    """A document graph to extract: its files, and what to return (``mode``, plus N-Triples if ``triples``)."""

    graph: str
    files: tuple[Path, ...]
    mode: str = NQUADS
    triples: bool = False


@dataclass
class GraphResult:
    """One document graph: what extracting its files gave and reported."""

    graph: str
    documents: int = 0
    facts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    lines: bytes = b""  # N-Quads, in the document's named graph
    triples: bytes = b""  # N-Triples: the same triples, for a default graph or an .nt file
    extractions: list = field(default_factory=list)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_task(task: Task) -> GraphResult:
    """Read and extract the task's files; their graph as sorted lines, or the extractions."""
    from kg.gazetteer import load_gazetteer
    from kg.ingest import read_document
    from kg.pipeline import extract
    from kg.rdf.nquads import document_lines

    result = GraphResult(task.graph)
    gazetteer = load_gazetteer()
    quads, triples = [], []
    for path in task.files:
        try:
            extraction = extract(read_document(path), gazetteer)
        except InputError as exc:
            result.skipped.append(str(exc))
            continue
        result.documents += 1
        result.facts.update(f.cls for f in extraction.facts)
        result.warnings += extraction.warnings
        if task.mode == EXTRACTIONS:
            result.extractions.append(extraction)
        else:
            _, nq, nt = document_lines(extraction, quads=task.mode == NQUADS,
                                       triples=task.triples or task.mode == NTRIPLES)
            quads.append(nq)
            triples.append(nt)
    result.lines, result.triples = union_lines(quads), union_lines(triples)
    return result


def union_lines(blobs: list[bytes]) -> bytes:
    """Blocks of sorted lines as one block, sorted and without repeats."""
    if len(blobs) < 2:
        return blobs[0] if blobs else b""
    lines = sorted({line for blob in blobs for line in blob.split(b"\n") if line})
    return b"".join(line + b"\n" for line in lines)


def _start_worker(parent: int) -> None:
    """A worker dies with bskg, and quietly: the kernel's death signal comes a moment after the parent dies, and
    a result written in that moment would raise BrokenPipeError (printed as 'Process ForkPoolWorker-1:' and a
    traceback); with SIGPIPE's default action the write ends the worker without a word."""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    die_with_parent(signal.SIGKILL, parent)


def _preload() -> None:
    """Import the extractor and load the gazetteer here, before the fork, so that the workers share them instead of
    each loading them: two workers extracted two documents in 0.66 s so, 1.0 s without."""
    from kg.gazetteer import load_gazetteer

    for module in ("kg.ingest", "kg.pipeline", "kg.rdf.nquads"):
        importlib.import_module(module)
    load_gazetteer()


class Extractor:
    """Runs tasks in ``jobs`` worker processes (in this one when ``jobs`` is 1)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._pool = None

    def __enter__(self) -> "Extractor":
        if self.jobs > 1:
            _preload()
            # A worker outliving a killed bskg would only print a BrokenPipeError traceback: it dies with it.
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs, initializer=_start_worker,
                                                                  initargs=(os.getpid(),))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def run(self, tasks: list[Task]) -> Iterator[GraphResult]:
        """The tasks' results, in task order."""
        if self._pool is None:
            return map(extract_task, tasks)
        chunk = max(1, min(8, len(tasks) // (self.jobs * 16)))
        return self._pool.imap(extract_task, tasks, chunksize=chunk)
