"""Upload the graph to a SPARQL 1.1 store: one named graph per document, each replaced whole.

Replacing (Graph Store Protocol PUT, or DROP SILENT GRAPH + INSERT DATA where
the store offers only SPARQL Update) makes pushing idempotent: pushing the
same graph twice leaves the store as pushing it once did.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.store.remote import SparqlStore


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0

    def summary(self, url: str) -> str:
        return f"pushed {self.graphs} graphs ({self.triples} triples) to {url}"


def file_graphs(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(graph IRI, N-Triples text) for each named graph of the files (.nq, .trig, .jsonld)."""
    import pyoxigraph

    from kg.store.oxigraph import rdf_format

    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        graphs: dict[str, list[str]] = defaultdict(list)
        try:
            for quad in pyoxigraph.parse(path=str(path), format=rdf_format(path)):
                if not isinstance(quad.graph_name, pyoxigraph.NamedNode):
                    raise InputError(f"{path}: holds triples outside named graphs; push needs one named "
                                     "graph per document (write .nq or .trig with 'bskg build')")
                graphs[quad.graph_name.value].append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
        except SyntaxError as exc:
            raise InputError(f"{path}: {str(exc).splitlines()[0][:200]}") from None
        for iri in sorted(graphs):
            yield iri, "".join(graphs[iri])


def store_graphs(store: object) -> Iterator[tuple[str, str]]:
    """(graph IRI, N-Triples text) for each named graph of an Oxigraph or memory store."""
    from kg.store.memory import MemoryStore
    from kg.store.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        for iri in store.named_graphs():
            yield iri, store.graph_ntriples(iri)
    elif isinstance(store, MemoryStore):
        from rdflib import URIRef
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        for graph in sorted(store.dataset.graphs(), key=lambda g: str(g.identifier)):
            if isinstance(graph.identifier, URIRef) and len(graph) and graph.identifier != DATASET_DEFAULT_GRAPH_ID:
                yield str(graph.identifier), graph.serialize(format="nt")
    else:
        raise InputError("push reads from --data files or an oxigraph:DIR / memory store")


def push(target: SparqlStore, graphs: Iterable[tuple[str, str]]) -> PushReport:
    """Replace each graph on ``target``; return how many graphs and triples were sent."""
    report = PushReport()
    for iri, ntriples in graphs:
        target.replace_graph(iri, ntriples)
        report.graphs += 1
        report.triples += ntriples.count("\n")
    return report
