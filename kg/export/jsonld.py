"""JSON-LD: the network as linked data, with a context that says what each key means.

Nodes keep their IRIs as ``@id`` (so the export joins up with the graph it
came from) and edges are blank nodes (``_:edge-...``) with ``source`` and
``target`` links. ``label`` is ``rdfs:label``; ``kind`` names a class of the
bskg ontology; ``fact`` and ``iri`` are links; every other attribute is a term
of the export vocabulary ``https://w3id.org/bskg/export#``. Numbers and
booleans stay JSON numbers and booleans, so they read back typed.
"""
from __future__ import annotations

import json

from kg.export.flatten import FlatGraph

SUFFIX = ".jsonld"
EXPORT_NS = "https://w3id.org/bskg/export#"
ONTOLOGY_NS = "https://w3id.org/bskg/ontology#"
_LINKS = ("fact", "iri")


def context() -> dict:
    return {
        "@vocab": EXPORT_NS,
        "bskg": ONTOLOGY_NS,
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "label": "rdfs:label",
        "kind": {"@id": "kind", "@type": "@vocab"},
        "source": {"@id": "source", "@type": "@id"},
        "target": {"@id": "target", "@type": "@id"},
        "nodes": {"@id": "node", "@container": "@set"},
        "edges": {"@id": "edge", "@container": "@set"},
        **{name: {"@id": name, "@type": "@id"} for name in _LINKS},
    }


def document(flat: FlatGraph) -> dict:
    nodes = [{"@id": n.id, "@type": "Node", "label": n.label, "kind": f"bskg:{n.kind}", **_plain(n.attrs)}
             for n in flat.nodes]
    edges = [{"@id": f"_:{e.id}", "@type": "Edge", "source": e.source, "target": e.target, "label": e.label,
              "kind": e.kind, "directed": flat.directed, **_plain(e.attrs)} for e in flat.edges]
    return {"@context": context(), "@id": f"{EXPORT_NS}{flat.name}", "@type": "Network",
            "label": f"bskg {flat.name} network", "nodes": nodes, "edges": edges}


def render(flat: FlatGraph) -> str:
    return json.dumps(document(flat), ensure_ascii=False, indent=1) + "\n"


def _plain(attrs: dict) -> dict:
    return {name: value for name, value in attrs.items() if not name.startswith("@")}
