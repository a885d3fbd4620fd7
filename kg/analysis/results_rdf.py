"""Network analysis results as RDF, in a named graph of their own, so SPARQL can use them.

Each run is a ``bskg:NetworkAnalysis`` (``bskg:measure``, ``bskg:parameters``)
whose IRI, and that of its named graph, is a hash of the measure, the
parameters and the results: the same input gives the same file. Results:

* scores (centrality, brokerage, funding totals): ``bskg:NodeScore`` with
  ``bskg:scoreOf`` the actor, ``bskg:measure``, ``bskg:score`` (xsd:decimal, every digit of the float);
* communities: ``bskg:Community`` with ``bskg:communityMember`` and ``bskg:position``;
* paths: ``bskg:ConnectingPath`` (``bskg:pathFrom``, ``bskg:pathTo``,
  ``bskg:pathStep``) whose ``bskg:PathStep`` s have a ``bskg:position``,
  ``bskg:pathFrom``/``bskg:pathTo`` and each fact as ``bskg:viaFact``.

Example query: the ten actors with the highest PageRank::

    SELECT ?actor ?score WHERE { GRAPH ?g { ?s bskg:measure "pagerank" ; bskg:scoreOf ?actor ; bskg:score ?score } }
    ORDER BY DESC(?score) LIMIT 10
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef

from kg.namespaces import BSKG, BSKG_ID

__all__ = ["analysis_dataset", "write_analysis"]


def analysis_dataset(measure: str, parameters: dict[str, object], *, scores: dict[str, dict[str, float]] | None = None,
                     communities: dict[str, int] | None = None,
                     paths: list[dict[str, object]] | None = None) -> Dataset:
    """A dataset with one named graph holding one analysis run and its results.

    Examples
    --------
    >>> data = analysis_dataset("centrality", {"seed": 0}, scores={"https://example.org/a": {"degree": 1.0}})
    >>> [(str(s), str(v)) for s, v in data.query(
    ...     "SELECT ?s ?v WHERE { GRAPH ?g { [] <https://w3id.org/bskg/ontology#scoreOf> ?s ;"
    ...     " <https://w3id.org/bskg/ontology#score> ?v } }")]
    [('https://example.org/a', '1.0')]
    """
    payload = json.dumps([measure, parameters, scores, communities, paths], sort_keys=True, default=str)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
    run = BSKG_ID[f"analysis/{measure}-{digest}"]
    dataset = Dataset(default_union=True)
    dataset.bind("bskg", BSKG._NS)
    graph = dataset.graph(run)
    text = " ".join(f"{k}={v}" for k, v in sorted(parameters.items()) if v not in (None, ""))
    for p, o in ((RDF.type, BSKG.NetworkAnalysis), (RDFS.label, Literal(f"{measure} analysis")),
                 (BSKG.measure, Literal(measure)), (BSKG.parameters, Literal(text))):
        graph.add((run, p, o))
    for node, values in sorted((scores or {}).items()):
        for name, value in sorted(values.items()):
            score = _child(run, "score", node, name)
            for p, o in ((RDF.type, BSKG.NodeScore), (BSKG.analysis, run), (BSKG.scoreOf, URIRef(node)),
                         (BSKG.measure, Literal(name)), (BSKG.score, _decimal(value))):
                graph.add((score, p, o))
    for number in sorted(set((communities or {}).values())):
        community = _child(run, "community", str(number))
        for p, o in ((RDF.type, BSKG.Community), (BSKG.analysis, run), (BSKG.position, Literal(number + 1)),
                     (RDFS.label, Literal(f"community {number}"))):
            graph.add((community, p, o))
        for node in sorted(n for n, c in communities.items() if c == number):
            graph.add((community, BSKG.communityMember, URIRef(node)))
    for number, path in enumerate(paths or [], start=1):
        _add_path(graph, run, number, path)
    return dataset


def write_analysis(dataset: Dataset, path: Path) -> Path:
    """Write ``dataset`` to ``path`` (.trig or .nq keep the named graph; .ttl keeps the triples only)."""
    from kg.rdf.io import serialize, write_atomic

    write_atomic(Path(path), serialize(dataset, Path(path)))
    return Path(path)


def _add_path(graph, run: URIRef, number: int, path: dict[str, object]) -> None:
    nodes = list(path["nodes"])
    iri = _child(run, "path", str(number))
    for p, o in ((RDF.type, BSKG.ConnectingPath), (BSKG.analysis, run), (BSKG.position, Literal(number)),
                 (BSKG.pathFrom, URIRef(nodes[0])), (BSKG.pathTo, URIRef(nodes[-1])),
                 (RDFS.label, Literal(" - ".join(path["actors"])))):
        graph.add((iri, p, o))
    for position, step in enumerate(path["steps"], start=1):
        node = _child(run, "path", str(number), str(position))
        for p, o in ((RDF.type, BSKG.PathStep), (BSKG.position, Literal(position)),
                     (BSKG.pathFrom, URIRef(step["from"])), (BSKG.pathTo, URIRef(step["to"]))):
            graph.add((node, p, o))
        graph.add((iri, BSKG.pathStep, node))
        for fact in sorted({str(e["fact"]) for e in step["evidence"]}):
            graph.add((node, BSKG.viaFact, URIRef(fact)))


def _decimal(value: float) -> Literal:
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def _child(run: URIRef, *parts: str) -> URIRef:
    key = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{run}/{parts[0]}-{key}")
