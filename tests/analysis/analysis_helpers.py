"""Small hand-made bskg graphs for the analysis tests: Turtle with the usual prefixes, one document."""
from __future__ import annotations

from rdflib import Dataset

PREFIXES = """
@prefix bskg: <https://w3id.org/bskg/ontology#> .
@prefix id: <https://w3id.org/bskg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:doc a bskg:Document ; bskg:fileName "doc.txt" ; bskg:published "2024-06-30"^^xsd:date .
"""


def graph_of(turtle: str) -> Dataset:
    """A dataset from Turtle written with the prefixes above (``id:`` for instances, ``bskg:`` for terms)."""
    dataset = Dataset(default_union=True)
    dataset.graph(dataset.default_context.identifier).parse(data=PREFIXES + turtle, format="turtle")
    return dataset


def span(name: str, start: int, end: int, quote: str) -> str:
    """Turtle for a text span ``id:<name>`` in ``id:doc``."""
    return (f'id:{name} a bskg:TextSpan ; bskg:inDocument id:doc ; bskg:start {start} ; bskg:end {end} ; '
            f'bskg:quote "{quote}" .\n')
