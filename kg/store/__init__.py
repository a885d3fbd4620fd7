"""Where the graph lives for querying: one protocol (:class:`kg.store.base.Store`), three backends.

Backends are chosen by a spec string:

* ``memory`` (the default): rdflib in memory, loaded from RDF files;
* ``oxigraph:DIR``: an on-disk Oxigraph store, for large corpora (a bare
  directory that exists is taken as one too);
* ``sparql:URL`` (or a bare ``http(s)://`` URL): a remote SPARQL 1.1 endpoint.

All three read the merge of every document's named graph (a triple stated by
several documents counts once) and answer the same query with the same rows,
term for term, in the same order (see kg.store.base).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.build import BuildReport
    from kg.store.base import Store

__all__ = ["open_store", "store_directory", "build_into_store", "MAX_ROWS", "MAX_BYTES"]

MAX_ROWS, MAX_BYTES = 100_000, 100_000_000  # the served endpoint's caps on an answer (kg.store.proxy)


def open_store(spec: str | None = "memory", data_paths: Iterable[Path] = (), *, writable: bool = False,
               timeout_s: float = 60) -> "Store":
    """Open the store ``spec`` names and load ``data_paths`` into it.

    An Oxigraph store is opened read-only unless ``writable`` is set or files
    are to be loaded; loading into a remote endpoint replaces the files' named
    graphs there.
    """
    paths = [Path(p) for p in data_paths]
    kind, _, where = (spec or "memory").partition(":")
    if kind == "memory" and not where:
        from kg.store.memory import MemoryStore

        return MemoryStore(paths)
    if kind in ("http", "https"):
        kind, where = "sparql", spec
    directory = store_directory(spec)
    if directory is not None:
        from kg.store.oxigraph import OxigraphStore

        store = OxigraphStore(directory, writable=writable or bool(paths))
    elif kind == "sparql" and where:
        from kg.store.remote import SparqlStore

        store = SparqlStore(where, timeout_s=timeout_s)
    else:
        raise InputError(f"unknown store {spec!r}: use memory, oxigraph:DIR or sparql:URL")
    try:
        for path in paths:
            store.load(path)
    except BaseException:
        store.close()
        raise
    return store


def store_directory(spec: str) -> Path | None:
    """The folder of the Oxigraph store ``spec`` names (``oxigraph:DIR``, or a folder that exists); None for others."""
    kind, _, where = spec.partition(":")
    if kind == "oxigraph":
        return Path(where) if where else None
    if kind not in ("memory", "sparql", "http", "https") and Path(spec).is_dir():
        return Path(spec)
    return None


def build_into_store(paths: list[Path], spec: str, output: Path | None = None, **options: object) -> "BuildReport":
    """Extract documents and put each document's named graph into the store, replacing the old one.

    With ``output``, the graph is also written to that file, as ``bskg build -o`` does.
    This is :func:`kg.build.build` with a store (``options``: jobs, full, progress).
    """
    from kg.build import build

    return build(paths, output, store=spec, **options)
