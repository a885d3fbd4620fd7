"""The Python API behind ``import kg``: the graph as a Dataset, query answers as dicts or a DataFrame.

Without ``data`` or ``store``, queries run on the bundled graph: the bundled
corpus, built once into bskg's cache folder (kg.cache) and rebuilt when the corpus
or bskg's code changes.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.cache import cache_dir
from kg.errors import BskgError

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.store.base import Store


def bundled_graph() -> Path:
    """The bundled corpus's graph as an N-Quads file, built into the cache if missing or stale."""
    import hashlib

    from kg.resources import resource_dir

    corpus = resource_dir("data") / "corpus"
    digest = hashlib.sha256()
    for root in (resource_dir("data"), Path(__file__).parent):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    target = cache_dir() / f"corpus-{digest.hexdigest()[:16]}.nq"
    if not target.is_file():
        from kg.build import build

        build([corpus], target)
    return target


def load(path: str | Path | None = None) -> "Dataset":
    """The graph in ``path`` (any RDF file bskg reads), or the bundled graph, as an rdflib Dataset."""
    from kg.rdf.io import read_dataset

    return read_dataset([Path(path) if path is not None else bundled_graph()])


def query(name_or_text: str, data: Any = None, store: "str | Store | None" = None,
          **params: Any) -> list[dict[str, Any]]:
    """Run a bundled query (by name), a query file or SPARQL text; one dict per row.

    ``data``: RDF file path(s) or an rdflib Dataset/Graph; ``store``: a store
    spec (``oxigraph:DIR``, ``sparql:URL``) or an open store; neither: the
    bundled graph; both: the files are loaded into the store first, replacing
    their graphs there. ``params`` bind query variables, and must be variables
    of the query (as with ``bskg query --param``, a ``QueryError`` otherwise);
    a string is read as ``--param`` reads it (dates, integers, http IRIs),
    None leaves a variable unbound. Values come back as Python values: str for IRIs and
    strings, Decimal, int, bool, datetime.date ...; None where unbound.
    """
    columns, rows = _run(name_or_text, data, store, params)
    return [{c: _python(v) for c, v in zip(columns, row)} for row in rows]


def query_df(name_or_text: str, data: Any = None, store: "str | Store | None" = None, **params: Any) -> Any:
    """As :func:`query`, as a pandas DataFrame (pandas must be installed)."""
    try:
        import pandas
    except ImportError:
        raise BskgError("kg.query_df needs pandas, which is not installed: pip install pandas") from None
    columns, rows = _run(name_or_text, data, store, params)
    return pandas.DataFrame([[_python(v) for v in row] for row in rows], columns=columns)


def _run(name_or_text: str, data: Any, store: Any, params: dict[str, Any]) -> tuple[list[str], list[list]]:
    from kg.queries import check_parameters, query_path
    from kg.store import open_store

    text = name_or_text if "{" in name_or_text else query_path(name_or_text).read_text(encoding="utf-8")
    check_parameters(text, params)  # a misspelt name would bind nothing and match every row
    bindings = {name: _term(name, value) for name, value in params.items() if value is not None}
    if store is not None and not isinstance(store, str):
        return store.query(text, bindings)
    backend = _memory(data) if store is None else open_store(store, _paths(data))
    try:
        return backend.query(text, bindings)
    finally:
        backend.close()


def _memory(data: Any) -> "Store":
    from rdflib import Dataset, Graph

    from kg.store.memory import MemoryStore

    if isinstance(data, Dataset):
        return MemoryStore(dataset=data)
    if isinstance(data, Graph):
        dataset = Dataset(default_union=True)
        for triple in data:
            dataset.add(triple)
        return MemoryStore(dataset=dataset)
    return MemoryStore(_paths(data) if data is not None else [bundled_graph()])


def _paths(data: Any) -> list[Path]:
    if data is None:
        return []
    if isinstance(data, (str, Path)):
        return [Path(data)]
    return [Path(p) for p in data]


def _term(name: str, value: Any) -> Any:
    from rdflib import Literal
    from rdflib.term import Node

    from kg.queries import parse_param

    if isinstance(value, Node):
        return value
    if isinstance(value, str):
        return parse_param(f"{name}={value}")[1]
    return Literal(value)


def _python(term: Any) -> Any:
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)
