"""Read and write RDF files by extension, writing through a temporary file and a rename.

N-Quads and N-Triples are written with their lines sorted, so the same graph
gives the same bytes; a failed or killed write leaves the old file intact.

RDF from outside is read without reaching out: RDF/XML is refused (rdflib's
parser expands XML entities), and so is JSON-LD naming a context by address,
which rdflib would fetch, from any host or local file the document names.
"""
from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import InputError, OutputError
from kg.scratch import scratch_file

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
    if fmt == "trig":
        return _trig(dataset)
    source = _union(dataset) if fmt in ("turtle", "nt") else dataset
    text = source.serialize(format=fmt)
    if fmt == "json-ld":
        return json.dumps(_canonical_json(json.loads(text)), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt in _LINE_BASED:
        lines = sorted({line for line in text.split("\n") if line.strip()})  # not splitlines(): U+2028 may sit in a literal
        text = "\n".join(lines) + ("\n" if lines else "")
    return text


def _trig(dataset: Dataset) -> str:
    """TriG with the graphs in IRI order: rdflib writes them in an order that changes from process to process.

    Each graph is written alone (rdflib orders the triples within a graph) and
    the prefixes they declare are merged at the top.
    """
    prefixes: dict[str, str] = {}
    blocks = []
    for graph in sorted((g for g in dataset.graphs() if len(g)), key=lambda g: str(g.identifier)):
        alone = Dataset()
        for prefix, namespace in dataset.namespaces():
            alone.bind(prefix, namespace, override=True, replace=True)
        target = alone.graph(graph.identifier) if graph.identifier != DATASET_DEFAULT_GRAPH_ID else alone.default_graph
        for triple in graph:
            target.add(triple)
        lines = alone.serialize(format="trig").split("\n")
        for line in lines:
            if line.startswith("@prefix "):
                name, iri = line[len("@prefix "):].split(": ", 1)
                if prefixes.setdefault(name, iri) != iri:  # two graphs gave one prefix two namespaces
                    return dataset.serialize(format="trig")
        blocks.append("\n".join(line for line in lines if not line.startswith("@prefix ")).strip("\n"))
    head = "".join(f"@prefix {name}: {iri}\n" for name, iri in sorted(prefixes.items()))
    return head + "".join(f"\n{block}\n" for block in blocks if block)


def _canonical_json(node: object, in_list: bool = False) -> object:
    """JSON-LD with every unordered array sorted (``@list`` arrays keep their order), so the bytes are stable."""
    if isinstance(node, dict):
        return {key: _canonical_json(value, key == "@list") for key, value in node.items()}
    if isinstance(node, list):
        items = [_canonical_json(item) for item in node]
        if in_list:
            return items
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    with atomic_writer(path) as out:
        out.write(text.encode("utf-8"))


def _mode_for(path: Path) -> int:
    """The permissions ``path`` has now, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def check_output(path: Path) -> None:
    """Raise ``OutputError`` now if ``path`` could not be written later: a build checks before it works.

    Makes no folder: it probes the nearest existing one with a temporary file.
    """
    if path.is_dir():
        raise OutputError(f"{path}: cannot write the output: it is a folder")
    existing = next((p for p in [path.parent, *path.parent.parents] if p.exists()), Path("."))
    if not existing.is_dir():
        raise OutputError(f"{path}: cannot write the output: {existing} is a file, not a folder")
    try:
        handle, probe = scratch_file(existing / path.name)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the output ({exc.strerror or exc})") from None
    os.close(handle)
    os.unlink(probe)


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends without error, and vanishes otherwise.

    A path that cannot be written (a folder, a read-only or unmakeable folder)
    raises ``OutputError`` naming it, before the block runs where possible.
    """
    if path.is_dir():
        raise OutputError(f"{path}: cannot write the output: it is a folder")
    blocking = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise OutputError(f"{path}: cannot write the output: {blocking} is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = scratch_file(path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the output ({exc.strerror or exc})") from None
    try:
        os.fchmod(handle, _mode_for(path))  # mkstemp makes 0600; the output keeps the usual permissions
        with os.fdopen(handle, "wb", buffering=1 << 20) as out:
            yield out
            try:
                out.flush()
                os.fsync(out.fileno())
            except OSError as exc:
                raise OutputError(f"{path}: cannot write the output ({exc.strerror or exc})") from None
        try:
            os.replace(temporary, path)
        except OSError as exc:
            raise OutputError(f"{path}: cannot replace the output ({exc.strerror or exc})") from None
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
        if fmt == "json-ld":
            check_jsonld(path)
        try:
            if fmt in ("nquads", "trig", "json-ld"):
                dataset.parse(path, format=fmt)
            else:
                dataset.graph(dataset.default_context.identifier).parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(f"{path}: not valid {fmt}: {parse_error_detail(exc)}") from None
    return dataset


def parse_error_detail(exc: BaseException) -> str:
    """A parser's complaint on one line, at most 200 characters (rdflib's span several lines)."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def check_jsonld(path: Path) -> None:
    """Refuse a JSON-LD file whose context is given by address: parsing it would fetch that address."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise InputError(f"{path}: not valid json-ld: {parse_error_detail(exc)}") from None
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack += node
        elif isinstance(node, dict):
            context = node.get("@context")
            for value in context if isinstance(context, list) else [context]:
                where = value if isinstance(value, str) else value.get("@import") if isinstance(value, dict) else None
                if isinstance(where, str):
                    raise InputError(f"{path}: names a remote JSON-LD context ({where[:100]}), which bskg does not "
                                     "fetch; put the context in the file")
            stack += node.values()
