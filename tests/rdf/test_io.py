"""kg.rdf.io: formats by extension, stable N-Quads, atomic writes, and parsing with InputError."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, Namespace, URIRef

from kg.errors import InputError
from kg.rdf.io import format_for, read_dataset, serialize, write_atomic

EX = Namespace("http://example.org/")


def _dataset(order: str = "forward") -> Dataset:
    quads = [
        (EX.b, EX.name, Literal("Beta"), EX.g1),
        (EX.a, EX.name, Literal("Alpha"), EX.g1),
        (EX.a, EX.name, Literal("Alpha"), EX.g2),
        (EX.c, EX.size, Literal(3), EX.g2),
    ]
    dataset = Dataset()
    for s, p, o, g in (quads if order == "forward" else reversed(quads)):
        dataset.graph(g).add((s, p, o))
    return dataset


@pytest.mark.parametrize("name,fmt", [
    ("graph.nq", "nquads"),
    ("GRAPH.NQ", "nquads"),
    ("graph.trig", "trig"),
    ("graph.ttl", "turtle"),
    ("graph.nt", "nt"),
    ("graph.jsonld", "json-ld"),
    ("graph.rdf", "xml"),
])
def test_format_for_extension(name: str, fmt: str) -> None:
    assert format_for(Path(name)) == fmt


@pytest.mark.parametrize("name", ["graph.xyz", "graph", "graph.csv"])
def test_format_for_unknown_extension_raises_input_error(name: str) -> None:
    with pytest.raises(InputError, match=f"{name}: unknown RDF extension"):
        format_for(Path(name))


@pytest.mark.parametrize("name", ["graph.rdf", "graph.owl", "graph.json"])
def test_format_for_writing_refuses_read_only_formats(name: str) -> None:
    with pytest.raises(InputError, match=name):
        format_for(Path(name), writing=True)


def test_serialize_nquads_lines_sorted(tmp_path: Path) -> None:
    lines = serialize(_dataset(), tmp_path / "out.nq").splitlines()
    assert len(lines) == 4 and lines == sorted(lines)


def test_serialize_nquads_content(tmp_path: Path) -> None:
    lines = serialize(_dataset(), tmp_path / "out.nq").splitlines()
    assert lines[0] == '<http://example.org/a> <http://example.org/name> "Alpha" <http://example.org/g1> .'


def test_serialize_nquads_duplicate_lines_removed(tmp_path: Path) -> None:
    class Repeating(Dataset):
        def serialize(self, *args, **kwargs):  # what a serializer repeating itself would give
            return "<urn:b> <urn:p> <urn:o> <urn:g> .\n<urn:a> <urn:p> <urn:o> <urn:g> .\n\n<urn:b> <urn:p> <urn:o> <urn:g> .\n"

    assert serialize(Repeating(), tmp_path / "out.nq") == (
        "<urn:a> <urn:p> <urn:o> <urn:g> .\n<urn:b> <urn:p> <urn:o> <urn:g> .\n")


def test_serialize_nquads_identical_bytes_whatever_the_insertion_order(tmp_path: Path) -> None:
    path = tmp_path / "out.nq"
    assert serialize(_dataset("forward"), path).encode() == serialize(_dataset("backward"), path).encode()


def test_serialize_nquads_identical_bytes_twice(tmp_path: Path) -> None:
    dataset = _dataset()
    first = tmp_path / "first.nq"
    second = tmp_path / "second.nq"
    write_atomic(first, serialize(dataset, first))
    write_atomic(second, serialize(dataset, second))
    assert first.read_bytes() == second.read_bytes()


def test_serialize_ntriples_merges_graphs(tmp_path: Path) -> None:
    lines = serialize(_dataset(), tmp_path / "out.nt").splitlines()
    assert lines.count('<http://example.org/a> <http://example.org/name> "Alpha" .') == 1 and len(lines) == 3


def test_serialize_empty_dataset_is_empty_text(tmp_path: Path) -> None:
    assert serialize(Dataset(), tmp_path / "out.nq") == ""


def test_write_atomic_replaces_content(tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    path.write_text("old\n", encoding="utf-8")
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    write_atomic(path, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


def test_write_atomic_creates_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "out" / "deeper" / "graph.nq"
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"


def _failing_replace(source: str, destination: str) -> None:
    raise OSError("disk full")


def test_write_atomic_failed_rename_keeps_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.nq"
    path.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"


def test_write_atomic_failed_rename_removes_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.nq"
    path.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _failing_replace)
    with pytest.raises(OSError):
        write_atomic(path, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


SOURCES = {
    "graph.nq": ('<http://example.org/a> <http://example.org/name> "Alpha" <http://example.org/g1> .\n',
                 {(EX.a, EX.name, Literal("Alpha"), EX.g1)}),
    "graph.trig": ('@prefix ex: <http://example.org/> .\nex:g1 { ex:a ex:name "Alpha" . }\n',
                   {(EX.a, EX.name, Literal("Alpha"), EX.g1)}),
    "graph.ttl": ('@prefix ex: <http://example.org/> .\nex:a ex:name "Alpha" .\n',
                  {(EX.a, EX.name, Literal("Alpha"), URIRef("urn:x-rdflib:default"))}),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_read_dataset_parses_by_extension(tmp_path: Path, name: str) -> None:
    text, quads = SOURCES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert set(read_dataset([path]).quads((None, None, None, None))) == quads


def test_read_dataset_default_graph_is_union(tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    path.write_text(SOURCES["graph.nq"][0], encoding="utf-8")
    assert set(read_dataset([path]).triples((None, None, None))) == {(EX.a, EX.name, Literal("Alpha"))}


def test_read_dataset_round_trip_of_serialize(tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    original = _dataset()
    write_atomic(path, serialize(original, path))
    assert set(read_dataset([path]).quads((None, None, None, None))) == set(original.quads((None, None, None, None)))


def test_read_dataset_refuses_rdf_xml(tmp_path: Path) -> None:
    path = tmp_path / "graph.rdf"
    path.write_text('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', encoding="utf-8")
    with pytest.raises(InputError, match="graph.rdf: RDF/XML is not accepted"):
        read_dataset([path])


@pytest.mark.parametrize("name,text", [
    ("broken.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:name "),
    ("broken.nq", "<http://example.org/a> <http://example.org/name> .\n"),
    ("broken.trig", "@prefix ex: <http://example.org/> .\nex:g1 { ex:a ex:name \"Alpha\" .\n"),
])
def test_read_dataset_malformed_file_raises_input_error(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=f"{name}: not valid"):
        read_dataset([path])


def test_read_dataset_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="absent.nq"):
        read_dataset([tmp_path / "absent.nq"])
