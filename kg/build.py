"""Build a knowledge graph from documents: read, extract, write RDF safely, report.

A document that cannot be read is skipped and reported; the others are still
written. The output file is replaced only once the whole graph is serialised.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.gazetteer import load_gazetteer
from kg.ingest import find_documents, read_document
from kg.namespaces import BSKG, BSKG_ID
from kg.pipeline import extract
from kg.rdf.graph import add_extraction
from kg.rdf.io import format_for, serialize, write_atomic


@dataclass
class BuildReport:
    documents: int = 0
    facts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.facts.items()))
        lines = [f"documents: {self.documents}", f"facts: {sum(self.facts.values())} ({kinds})"]
        lines += [f"warning: {w}" for w in self.warnings]
        lines += [f"skipped: {s}" for s in self.skipped]
        return "\n".join(lines)


def build_dataset(paths: list[Path]) -> tuple[Dataset, BuildReport]:
    """Extract every document under ``paths`` into one dataset, a named graph each."""
    files = find_documents(paths)
    if not files:
        raise InputError(f"no documents (.txt, .md, .html) found in {', '.join(map(str, paths))}")
    dataset = Dataset(default_union=True)
    dataset.bind("bskg", str(BSKG._NS))
    dataset.bind("id", str(BSKG_ID))
    report = BuildReport()
    gazetteer = load_gazetteer()
    for path in files:
        try:
            extraction = extract(read_document(path), gazetteer)
        except InputError as exc:
            report.skipped.append(str(exc))
            continue
        add_extraction(dataset, extraction)
        report.documents += 1
        report.facts.update(f.cls for f in extraction.facts)
        report.warnings += extraction.warnings
    return dataset, report


def build(paths: list[Path], output: Path) -> BuildReport:
    """Build and write the graph to ``output`` in the format its extension names."""
    format_for(output, writing=True)
    dataset, report = build_dataset(paths)
    if report.documents == 0:
        raise InputError("no document could be read: " + "; ".join(report.skipped))
    write_atomic(output, serialize(dataset, output))
    return report
