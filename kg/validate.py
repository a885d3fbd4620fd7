"""Check a bskg graph before anyone relies on it.

Extraction rules write triples one at a time and cannot see the whole graph, so
the graph as a whole is checked twice, because each check finds what the other
cannot:

* SHACL (pyshacl, ``ontology/shapes.ttl``) checks closed-world well-formedness:
  a funding package has exactly one amount, every fact has evidence, a text span
  has a quote, and so on.
* OWL reasoning (owlready2 with HermiT, ``ontology/bskg.ttl``) checks open-world
  consistency: no individual belongs to two disjoint classes, no functional
  property has two values.

HermiT names no culprit when data is inconsistent, so the axioms it can break
(disjointness, functional datatype properties, datatype ranges) are re-checked
here to name the individuals involved.
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations
from pathlib import Path

import owlready2
import pyshacl
from rdflib import OWL, RDF, RDFS, SH, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import BskgError, InputError
from kg.namespaces import BSKG, BSKG_ID
from kg.resources import resource_dir

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}
_QUAD_FORMATS = {"nquads", "trig", "json-ld"}  # may hold named graphs; all are validated as one
_ONTOLOGY_IRI = "https://w3id.org/bskg/ontology"
_DATA_IRI = "https://w3id.org/bskg/id/validation-data"
_INTEGERS = {XSD[n] for n in (
    "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
# Datatypes of the OWL 2 datatype map, which HermiT supports. Literals of any
# other datatype (xsd:date, xsd:gYearMonth, xsd:gYear ...) are withheld from it.
_OWL2_DATATYPES = _INTEGERS | {XSD[n] for n in (
    "decimal", "double", "float", "string", "normalizedString", "token", "language", "Name",
    "NCName", "NMTOKEN", "boolean", "hexBinary", "base64Binary", "anyURI", "dateTime",
    "dateTimeStamp")} | {OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString,
                         RDFS.Literal}
_RANGE_ACCEPTS = {XSD.decimal: _INTEGERS | {XSD.decimal}, XSD.integer: _INTEGERS,
                  XSD.string: {XSD.string}, XSD.boolean: {XSD.boolean}}


@dataclass(frozen=True)
class Violation:
    """One broken rule: a SHACL shape (``kind="shape"``) or an OWL axiom (``kind="axiom"``)."""

    kind: str
    focus: str
    constraint: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """Return a readable report, one line per violation, each naming its shape or axiom."""
        if self.conforms:
            return "conforms: no shape or axiom is violated"
        lines = [f"does not conform: {len(self.violations)} violation(s)"]
        lines += [f"[{v.kind}] {_short(v.focus)}: {v.message}" for v in self.violations]
        return "\n".join(lines)


def validate_graph(data: Dataset | Graph, *, reasoner: bool = True) -> ValidationReport:
    """Validate ``data`` (all its named graphs together) against the shapes and, if
    ``reasoner``, check it is consistent with the ontology."""
    union = _union(data)
    violations = _shape_violations(union)
    if reasoner:
        violations += _axiom_violations(union)
    ordered = tuple(sorted(set(violations), key=lambda v: (v.kind, v.constraint, v.focus, v.message)))
    return ValidationReport(conforms=not ordered, violations=ordered)


def validate_files(paths: Sequence[Path], *, reasoner: bool = True) -> ValidationReport:
    """Read RDF files (by extension: .ttl, .nq, .trig, .nt, .jsonld) and validate them as one graph.

    Raises ``InputError`` for a missing, unknown or unparsable file.
    """
    from kg.rdf.io import check_jsonld

    union = Graph()
    for path in map(Path, paths):
        fmt = FORMATS.get(path.suffix.lower())
        if path.suffix.lower() in (".rdf", ".owl", ".xml"):
            raise InputError(f"{path}: RDF/XML is not accepted (entity expansion risk); "
                             "convert it to Turtle or N-Quads")
        if fmt is None:
            expected = ", ".join(FORMATS)
            raise InputError(f"{path}: unknown extension {path.suffix!r}; expected one of {expected}")
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        if fmt == "json-ld":
            check_jsonld(path)
        try:
            if fmt in _QUAD_FORMATS:
                dataset = Dataset()
                dataset.parse(path, format=fmt)
                union += _union(dataset)
            else:
                union.parse(path, format=fmt)
        except Exception as exc:  # the parsers raise many unrelated types
            detail = " ".join(str(exc).split())[:200]
            raise InputError(f"{path}: cannot parse as {fmt}: {detail}") from exc
    return validate_graph(union, reasoner=reasoner)


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(resource_dir("ontology") / "bskg.ttl", format="turtle")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(resource_dir("ontology") / "shapes.ttl", format="turtle")


def _union(data: Dataset | Graph) -> Graph:
    """All triples of ``data``, whatever named graph holds them."""
    if not isinstance(data, Dataset):
        return data
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _short(iri: str) -> str:
    """``iri`` with the instance, term or XSD namespace abbreviated, for reports."""
    for prefix, ns in (("id:", str(BSKG_ID)), ("bskg:", str(BSKG._NS)), ("xsd:", str(XSD))):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


# --- SHACL ----------------------------------------------------------------------

def _shape_violations(union: Graph) -> list[Violation]:
    shapes = _shapes()
    _, results, _ = pyshacl.validate(
        union, shacl_graph=shapes, ont_graph=_ontology(), inference="none", allow_warnings=True
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        shape = results.value(result, SH.sourceShape)
        name = str(shapes.value(shape, RDFS.label) or shape)
        message = str(results.value(result, SH.resultMessage) or "")
        if not message.startswith(name):
            message = f"{name}: {message}"
        violations.append(Violation("shape", str(results.value(result, SH.focusNode)), name, message))
    return violations


# --- OWL --------------------------------------------------------------------------

def _axiom_violations(union: Graph) -> list[Violation]:
    """Run HermiT over the ontology plus ``union``; name what makes it inconsistent."""
    with tempfile.TemporaryDirectory(prefix="bskg-owl-") as tmp:
        ontology_file, data_file = Path(tmp, "bskg.nt"), Path(tmp, "data.nt")
        _ontology().serialize(ontology_file, format="nt", encoding="utf-8")
        copy = _reasoner_copy(union)
        copy.serialize(data_file, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            for iri, file in ((_ONTOLOGY_IRI, ontology_file), (_DATA_IRI, data_file)):
                world.get_ontology(iri).load(fileobj=open(file, "rb"), format="ntriples")
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            return [
                Violation("axiom", cls.iri, "unsatisfiable class",
                          f"unsatisfiable class: {_short(cls.iri)} can have no members")
                for cls in world.inconsistent_classes()
            ]
        except owlready2.OwlReadyInconsistentOntologyError:
            return _explain_inconsistency(copy) or [Violation(
                "axiom", "", "OWL consistency",
                "OWL consistency: HermiT finds the data inconsistent with the ontology; "
                "no single axiom could be named")]
        except (owlready2.OwlReadyJavaError, OSError) as exc:
            raise BskgError(f"the OWL reasoner could not run: {' '.join(str(exc).split())[:200]}") from exc
        finally:
            world.close()


def _reasoner_copy(union: Graph) -> Graph:
    """Return ``union`` without literals HermiT cannot read: those outside the OWL 2
    datatype map (dates above all) and ill-typed ones (SHACL reports those)."""
    copy = Graph()
    for s, p, o in union:
        if isinstance(o, Literal) and (o.ill_typed or (o.datatype and o.datatype not in _OWL2_DATATYPES)):
            continue
        copy.add((s, p, o))
    return copy


def _explain_inconsistency(union: Graph) -> list[Violation]:
    """Name the individuals that break the axioms an inconsistency can come from."""
    ontology = _ontology()
    return [*_disjointness_clashes(union, ontology), *_functional_clashes(union, ontology),
            *_range_clashes(union, ontology)]


def _disjoint_pairs(ontology: Graph) -> set[frozenset[Node]]:
    pairs = {frozenset(pair) for pair in ontology.subject_objects(OWL.disjointWith)}
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = Collection(ontology, ontology.value(group, OWL.members))
        pairs |= {frozenset(pair) for pair in combinations(members, 2)}
    return pairs


def _named(nodes: Iterable[Node]) -> list[URIRef]:
    return [n for n in nodes if isinstance(n, URIRef)]


def _disjointness_clashes(union: Graph, ontology: Graph) -> list[Violation]:
    """Individuals whose asserted, domain- and range-implied types include two disjoint classes."""
    types: dict[Node, set[Node]] = defaultdict(set)
    for s, p, o in chain(union, ontology.triples((None, RDF.type, None))):
        if p == RDF.type:
            types[s].add(o)
            continue
        types[s].update(_named(ontology.objects(p, RDFS.domain)))
        if isinstance(o, (URIRef, BNode)):
            types[o].update(_named(ontology.objects(p, RDFS.range)))
    pairs = _disjoint_pairs(ontology)
    clashes = []
    for individual, asserted in types.items():
        closure = {sup for cls in asserted for sup in ontology.transitive_objects(cls, RDFS.subClassOf)}
        for a, b in sorted((tuple(sorted(p)) for p in pairs if p <= closure)):
            axiom = f"DisjointClasses({_short(a)}, {_short(b)})"
            message = f"{axiom}: {_short(individual)} is both a {_short(a)} and a {_short(b)}"
            clashes.append(Violation("axiom", str(individual), axiom, message))
    return clashes


def _functional_clashes(union: Graph, ontology: Graph) -> list[Violation]:
    """Subjects with two different values of a functional datatype property."""
    clashes = []
    for prop in ontology.subjects(RDF.type, OWL.FunctionalProperty):
        if (prop, RDF.type, OWL.DatatypeProperty) not in ontology:
            continue
        for subject in set(union.subjects(prop, None)):
            values = {(o.value if o.value is not None else str(o), o.language)
                      for o in union.objects(subject, prop) if isinstance(o, Literal)}
            if len(values) > 1:
                axiom = f"FunctionalProperty({_short(prop)})"
                clashes.append(Violation("axiom", str(subject), axiom,
                                         f"{axiom}: {_short(subject)} has {len(values)} different values"))
    return clashes


def _range_clashes(union: Graph, ontology: Graph) -> list[Violation]:
    """Literals outside the datatype range of their property."""
    clashes = []
    for prop, datatype in ontology.subject_objects(RDFS.range):
        accepted = _RANGE_ACCEPTS.get(datatype)
        if accepted is None:
            continue
        for subject, value in union.subject_objects(prop):
            if isinstance(value, Literal) and _datatype(value) in accepted:
                continue
            axiom = f"DataPropertyRange({_short(prop)}, {_short(datatype)})"
            clashes.append(Violation("axiom", str(subject), axiom,
                                     f"{axiom}: {_short(subject)} has the value {value.n3()}"))
    return clashes


def _datatype(literal: Literal) -> URIRef:
    """The datatype IRI of ``literal``, counting a plain literal as xsd:string."""
    return literal.datatype or (RDF.langString if literal.language else XSD.string)
