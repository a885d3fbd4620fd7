"""Read and write RDF files by extension, writing through a temporary file and a rename.

N-Quads and N-Triples are written with their lines sorted, so the same graph
gives the same bytes; a failed or killed write leaves the old file intact.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError

FORMATS = {".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}
_WRITABLE = (".nq", ".trig", ".ttl", ".nt", ".jsonld")
_LINE_BASED = ("nquads", "nt")


def format_for(path: Path, *, writing: bool = False) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS or (writing and suffix not in _WRITABLE):
        choices = ", ".join(_WRITABLE if writing else sorted(FORMATS))
        raise InputError(f"{path}: unknown RDF extension {suffix or '(none)'!r}; use one of {choices}")
    return FORMATS[suffix]


def serialize(dataset: Dataset, path: Path) -> str:
    """The dataset as text in the format ``path``'s extension names."""
    fmt = format_for(path, writing=True)
    source = _union(dataset) if fmt in ("turtle", "nt") else dataset
    text = source.serialize(format=fmt)
    if fmt in _LINE_BASED:
        lines = sorted({line for line in text.splitlines() if line.strip()})
        text = "\n".join(lines) + ("\n" if lines else "")
    return text


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_dataset(paths: list[Path]) -> Dataset:
    """Parse RDF files into one dataset whose default graph is the union of all graphs."""
    dataset = Dataset(default_union=True)
    for path in paths:
        fmt = format_for(path)
        if fmt == "xml":
            raise InputError(f"{path}: RDF/XML is not accepted (entity expansion risk); convert it to Turtle or N-Quads")
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        try:
            if fmt in ("nquads", "trig", "json-ld"):
                dataset.parse(path, format=fmt)
            else:
                dataset.graph(dataset.default_context.identifier).parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(f"{path}: not valid {fmt}: {str(exc).splitlines()[0][:200]}") from None
    return dataset
