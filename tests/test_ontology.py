"""The ontology, its alignments, its shapes and the generated namespace module agree."""
from __future__ import annotations

from pathlib import Path

import owlready2
import pytest
from rdflib import OWL, RDF, RDFS, SH, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

import kg.namespaces
from kg.namespaces import BSKG, BSKG_ID
from kg.resources import resource_dir
from kg.tools.gen_namespaces import render_namespaces

ONTOLOGY_DIR = resource_dir("ontology")
BSKG_TTL = ONTOLOGY_DIR / "bskg.ttl"
TERMS = Namespace("https://w3id.org/bskg/ontology#")
SHAPES = Namespace("https://w3id.org/bskg/shapes#")
ONTOLOGY_IRI = URIRef("https://w3id.org/bskg/ontology")
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual)
OTHER_FILES = [ONTOLOGY_DIR / "alignments.ttl", ONTOLOGY_DIR / "shapes.ttl",
               *sorted((ONTOLOGY_DIR / "examples").glob("*.ttl"))]

REQUIRED_CLASSES = """
Fact Document TextSpan EntityMention Agent Person Organisation GovernmentDepartment Ministry
LawEnforcementAgency ProsecutionService BorderUnit PoliceForce IntelligenceAgency
InternationalOrganisation EUAgency IntergovernmentalForum State Government CriminalNetwork Company
Legislature Delegation ActorGroup Post PostHolding Appointment Place City Region Venue Event Meeting
Summit Visit Conference Announcement Agreement LegislativeEvent FundingPackage Programme Commitment
CommitmentKind Statement DirectQuote ReportedSpeech ReportedFigure Legislation Policy DatePrecision
""".split()
REQUIRED_OBJECT_PROPERTIES = """
evidence inDocument mentions country postIn holder post place participant delegation delegationOf
member announcer announcerPost funder recipient sourceOfFunds beneficiary fundedBy committedBy
commitmentKind speaker speakerPost subject datePrecision instrument partOf appointee appointedTo
""".split()
REQUIRED_DATATYPE_PROPERTIES = """
date endDate startDate asOf amount currency isUpperBound purpose capability quantity unit
changePercent baseline targetDate text value description qualifier topic title published publisher
url fileName contentHash start end quote rule acronym wikidata
""".split()
REQUIRED_INDIVIDUALS = """
capabilityCommitment unitCommitment staffCommitment technologyCommitment cooperationCommitment
legalCommitment fundingCommitment dayPrecision weekPrecision monthPrecision yearPrecision
""".split()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(BSKG_TTL, format="turtle")


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {s for kind in DECLARATIONS for s in ontology.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and s.startswith(str(TERMS))}


def subclasses(ontology: Graph, root: URIRef) -> set[URIRef]:
    return set(ontology.transitive_subjects(RDFS.subClassOf, root))


@pytest.mark.parametrize("path", [BSKG_TTL, *OTHER_FILES], ids=lambda p: p.name)
def test_ontology_file_parses_as_turtle(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


def test_ontology_header_has_version_license_and_instance_namespace(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/bskg/ontology/0.1.0")
    cc_by = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == cc_by
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None
    assert ontology.value(ONTOLOGY_IRI, TERMS.instanceNamespace) == Literal("https://w3id.org/bskg/id/")


@pytest.mark.parametrize(("kind", "names"), [
    (OWL.Class, REQUIRED_CLASSES),
    (OWL.ObjectProperty, REQUIRED_OBJECT_PROPERTIES),
    (OWL.DatatypeProperty, REQUIRED_DATATYPE_PROPERTIES),
    (OWL.NamedIndividual, REQUIRED_INDIVIDUALS),
], ids=["classes", "object-properties", "datatype-properties", "individuals"])
def test_ontology_declares_required_terms(ontology: Graph, kind: URIRef, names: list[str]) -> None:
    missing = [n for n in names if (TERMS[n], RDF.type, kind) not in ontology]
    assert missing == []


@pytest.mark.parametrize("annotation", [RDFS.label, SKOS.definition], ids=["label", "definition"])
def test_ontology_every_term_has_english_annotation(ontology: Graph, annotation: URIRef) -> None:
    lacking = sorted(t for t in declared_terms(ontology)
                     if not any(o.language == "en" for o in ontology.objects(t, annotation)))
    assert lacking == []


@pytest.mark.parametrize("path", OTHER_FILES, ids=lambda p: p.name)
def test_ontology_terms_used_elsewhere_are_declared(ontology: Graph, path: Path) -> None:
    used = {n for triple in Graph().parse(path, format="turtle") for n in triple
            if isinstance(n, URIRef) and n.startswith(str(TERMS))}
    assert sorted(used - declared_terms(ontology)) == []


@pytest.mark.parametrize(("shape", "root"), [
    (SHAPES.FactShape, TERMS.Fact),
    (SHAPES.EventShape, TERMS.Event),
    (SHAPES.StatementShape, TERMS.Statement),
    (SHAPES.OrganisationShape, TERMS.Organisation),
], ids=lambda x: x.split("#")[-1])
def test_ontology_shape_targets_every_subclass(ontology: Graph, shape: URIRef, root: URIRef) -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    assert set(shapes.objects(shape, SH.targetClass)) == subclasses(ontology, root)


def test_ontology_namespaces_module_matches_generator() -> None:
    generated = Path(kg.namespaces.__file__).read_text(encoding="utf-8")
    assert generated == render_namespaces(BSKG_TTL), "run: python -m kg.tools.gen_namespaces"


def test_ontology_namespace_attributes_resolve_to_terms(ontology: Graph) -> None:
    names = set(BSKG.__annotations__)
    assert {getattr(BSKG, n) for n in names} == {TERMS[n] for n in names} == declared_terms(ontology)
    assert str(BSKG_ID) == "https://w3id.org/bskg/id/"


@pytest.mark.parametrize("files", [["bskg.ttl"], ["bskg.ttl", "alignments.ttl"]],
                         ids=["ontology", "ontology+alignments"])
def test_ontology_is_consistent_without_unsatisfiable_classes(files: list[str], tmp_path: Path) -> None:
    world = owlready2.World()
    try:
        for name in files:
            nt = tmp_path / f"{name}.nt"
            Graph().parse(ONTOLOGY_DIR / name, format="turtle").serialize(nt, format="nt", encoding="utf-8")
            iri = str(ONTOLOGY_IRI) + ("" if name == "bskg.ttl" else "/alignments")
            world.get_ontology(iri).load(fileobj=open(nt, "rb"), format="ntriples")
        owlready2.sync_reasoner_hermit(world, debug=0)
        assert list(world.inconsistent_classes()) == []
    finally:
        world.close()
