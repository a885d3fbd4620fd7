"""What the extractor writes is well-formed: it conforms to the shapes, and every span quotes its text."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Dataset

from kg.build import build_dataset
from kg.namespaces import BSKG
from kg.queries import query_path, run_query
from kg.validate import validate_graph

DOCUMENTS = sorted((Path(__file__).parent.parent / "fixtures" / "documents").glob("*.txt"))


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def built(request) -> tuple[Path, Dataset]:
    return request.param, build_dataset([request.param])[0]


def test_graph_conforms_to_shapes(built) -> None:
    _, dataset = built
    report = validate_graph(dataset, reasoner=False)
    assert report.conforms, report.text()


def test_graph_every_span_quotes_the_document(built) -> None:
    path, dataset = built
    text = path.read_text(encoding="utf-8")
    spans = list(dataset.subjects(BSKG.quote, None))
    assert spans
    for span in spans:
        start, end = int(dataset.value(span, BSKG.start)), int(dataset.value(span, BSKG.end))
        assert text[start:end] == str(dataset.value(span, BSKG.quote))


def test_graph_is_consistent_under_the_reasoner() -> None:
    dataset = build_dataset([DOCUMENTS[0]])[0]
    report = validate_graph(dataset, reasoner=True)
    assert report.conforms, report.text()


def test_graph_same_entity_has_same_iri_in_two_documents() -> None:
    dataset = build_dataset(DOCUMENTS[:2] + DOCUMENTS[-2:])[0]
    labels: dict[str, set] = {}
    for subject, label in dataset.subject_objects(RDFS.label):
        if "/state/" in str(subject) or "/org/" in str(subject):
            labels.setdefault(str(label), set()).add(subject)
    assert all(len(iris) == 1 for iris in labels.values())


def test_graph_acronyms_are_written_and_cq10_shows_them_with_the_name(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("---\ntitle: T\npublished: 2024-05-01\n---\nT\n\nThe National Crime Agency (NCA) and Frontex met.\n",
                    encoding="utf-8")
    dataset = build_dataset([path])[0]
    assert {str(o) for o in dataset.objects(None, BSKG.acronym)} >= {"NCA"}
    _, rows = run_query(dataset, query_path("cq10_organisations").read_text(encoding="utf-8"))
    assert {str(row[0]) for row in rows} >= {"National Crime Agency (NCA)", "Frontex"}
