"""The default backend: an rdflib Dataset in memory, fine for a few thousand documents."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.term import Node

from kg.store.base import GraphData, Row, finish, graph_ntriples


class MemoryStore:
    """rdflib in memory; queries see the union of all named graphs."""

    def __init__(self, paths: list[Path] | None = None, dataset: Dataset | None = None) -> None:
        from kg.rdf.io import read_dataset

        self.dataset = dataset if dataset is not None else read_dataset(list(paths or []))

    def query(self, text: str, bindings: dict[str, Node] | None = None) -> tuple[list[str], list[Row]]:
        from rdflib import Variable

        from kg.queries import run_query

        columns, rows = run_query(self.dataset, text, {Variable(k): v for k, v in (bindings or {}).items()})
        return finish(text, columns, rows)

    def load(self, path: Path) -> None:
        from kg.rdf.io import read_dataset

        self.dataset.addN(read_dataset([path]).quads((None, None, None, None)))

    def add_graph(self, iri: str, data: GraphData) -> None:
        self.dataset.graph(URIRef(iri)).parse(data=graph_ntriples(iri, data), format="nt")

    def replace_graph(self, iri: str, data: GraphData) -> None:
        text = graph_ntriples(iri, data)
        self.dataset.remove_graph(URIRef(iri))
        self.dataset.graph(URIRef(iri)).parse(data=text, format="nt")

    def close(self) -> None:
        pass
