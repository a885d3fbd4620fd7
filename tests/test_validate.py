"""kg.validate: good examples conform, each broken example names what it breaks."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.errors import BskgError, InputError
from kg.resources import resource_dir
from kg.validate import ValidationReport, Violation, validate_files, validate_graph

EXAMPLES = resource_dir("ontology") / "examples"
GOOD = sorted(p for p in EXAMPLES.glob("*.ttl") if not p.name.startswith("broken_"))
# broken example -> the shape or axiom its report must name
BROKEN = {
    "broken_fact_no_evidence.ttl": "Fact-evidence",
    "broken_funding_currency_code.ttl": "FundingPackage-currency",
    "broken_funding_two_amounts.ttl": "FundingPackage-amount",
    "broken_owl_disjoint_types.ttl": "DisjointClasses(bskg:Organisation, bskg:Person)",
    "broken_post_holding_no_holder.ttl": "PostHolding-holder",
    "broken_span_no_quote.ttl": "TextSpan-quote",
    "broken_span_start_after_end.ttl": "TextSpan-start",
    "broken_statement_no_speaker.ttl": "Statement-speaker",
}


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_validate_good_example_conforms(path: Path) -> None:
    report = validate_files([path])
    assert report.conforms, report.text()


def test_validate_good_examples_together_conform() -> None:
    report = validate_files(GOOD)
    assert report.conforms, report.text()


def test_validate_every_broken_example_has_an_expectation() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("broken_*.ttl")) == sorted(BROKEN)


@pytest.mark.parametrize(("name", "constraint"), sorted(BROKEN.items()))
def test_validate_broken_example_names_violation(name: str, constraint: str) -> None:
    report = validate_files([EXAMPLES / name])
    assert not report.conforms
    assert constraint in {v.constraint for v in report.violations}
    assert constraint in report.text()


def test_validate_owl_only_example_passes_shapes() -> None:
    report = validate_files([EXAMPLES / "broken_owl_disjoint_types.ttl"], reasoner=False)
    assert report.conforms, report.text()


def split_into_named_graphs(source: Graph) -> Dataset:
    """The example's text spans in one named graph, everything else in another."""
    dataset = Dataset()
    spans = dataset.graph(URIRef("https://w3id.org/bskg/id/graph-spans"))
    facts = dataset.graph(URIRef("https://w3id.org/bskg/id/graph-facts"))
    for s, p, o in source:
        (spans if "span" in s else facts).add((s, p, o))
    return dataset


def test_validate_dataset_named_graphs_are_checked_as_one_graph() -> None:
    dataset = split_into_named_graphs(Graph().parse(EXAMPLES / "statement.ttl", format="turtle"))
    report = validate_graph(dataset, reasoner=False)
    assert report.conforms, report.text()


@pytest.mark.parametrize(("suffix", "fmt"), [(".nt", "nt"), (".nq", "nquads"), (".trig", "trig"),
                                             (".jsonld", "json-ld")])
def test_validate_files_reads_format_by_extension(suffix: str, fmt: str, tmp_path: Path) -> None:
    source = Graph().parse(EXAMPLES / "statement.ttl", format="turtle")
    path = tmp_path / f"statement{suffix}"
    (source if fmt == "nt" else split_into_named_graphs(source)).serialize(path, format=fmt, encoding="utf-8")
    report = validate_files([path], reasoner=False)
    assert report.conforms, report.text()


def test_validate_files_unparsable_raises_one_line_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("this is not turtle .\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        validate_files([path])
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_validate_files_unknown_extension_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.rdfxml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="unknown extension"):
        validate_files([path])


def test_validate_files_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        validate_files([tmp_path / "absent.ttl"])


def test_validate_input_error_is_a_bskg_error() -> None:
    assert issubclass(InputError, BskgError)


def test_validate_report_text_has_one_line_per_violation() -> None:
    violations = (Violation("shape", "https://w3id.org/bskg/id/a", "S-p", "S-p: broken"),
                  Violation("axiom", "https://w3id.org/bskg/id/b", "A(x)", "A(x): broken"))
    lines = ValidationReport(conforms=False, violations=violations).text().splitlines()
    assert lines[1:] == ["[shape] id:a: S-p: broken", "[axiom] id:b: A(x): broken"]
