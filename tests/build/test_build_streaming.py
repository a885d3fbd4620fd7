"""The streaming build writes, byte for byte, what serialising one rdflib Dataset of everything writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.rdf.sorted_file as sorted_file
from kg.build import build, build_dataset
from kg.rdf.io import serialize

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
RELEASES = Path(__file__).parents[1] / "fixtures" / "releases"


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The whole-Dataset writer's bytes for the fixture documents and releases."""
    dataset, _ = build_dataset([DOCUMENTS, RELEASES])
    folder = tmp_path_factory.mktemp("legacy")
    return {ext: serialize(dataset, folder / f"graph.{ext}").encode("utf-8") for ext in ("nq", "nt")}


@pytest.mark.parametrize("ext", ["nq", "nt"])
def test_build_streamed_output_equals_dataset_writer(tmp_path: Path, legacy: dict[str, bytes], ext: str) -> None:
    out = tmp_path / f"graph.{ext}"
    build([DOCUMENTS, RELEASES], out, jobs=1)
    assert out.read_bytes() == legacy[ext]


def test_build_spilled_runs_merge_to_the_same_bytes(tmp_path: Path, legacy: dict[str, bytes],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sorted_file, "_BLOCK", 4096)
    monkeypatch.setattr(sorted_file.DocumentLineWriter.__init__, "__defaults__", (50_000,))
    out = tmp_path / "graph.nq"
    build([DOCUMENTS, RELEASES], out, jobs=1)
    assert out.read_bytes() == legacy["nq"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".graph.nq.manifest.json", "graph.nq"]  # runs removed


def test_build_two_files_of_one_name_share_one_graph(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    shutil.copy(DOCUMENTS / "usd_summit.txt", tmp_path / "a" / "release.txt")
    shutil.copy(DOCUMENTS / "appointment.txt", tmp_path / "b" / "release.txt")
    dataset, _ = build_dataset([tmp_path / "a", tmp_path / "b"])
    out = tmp_path / "graph.nq"
    report = build([tmp_path / "a", tmp_path / "b"], out, jobs=2)
    assert report.documents == 2
    assert out.read_bytes() == serialize(dataset, out).encode("utf-8")


def test_build_line_separator_in_a_literal_stays_in_its_line(tmp_path: Path) -> None:
    doc = tmp_path / "sep.txt"
    doc.write_text("---\ntitle: Line separator\npublished: 2024-05-16\n---\n"
                   "Home Secretary James Cleverly today announced £5 million\u2028for Border Force.\n",
                   encoding="utf-8")
    out = tmp_path / "graph.nq"
    build([doc], out, jobs=1)
    dataset, _ = build_dataset([doc])
    text = out.read_text(encoding="utf-8")
    assert text == serialize(dataset, out)
    assert all(line.endswith(" .") for line in text.split("\n") if line)


def test_sorted_line_writer_equals_sorting_everything(tmp_path: Path) -> None:
    pieces = [b"".join(f"<urn:{i % 7}> <urn:p> \"{i * j}\" <urn:g{j}> .\n".encode() for i in sorted(range(j, 40, 3)))
              for j in range(25)]
    writer = sorted_file.SortedLineWriter(tmp_path / "out.nq", budget=300)
    for piece in reversed(pieces):
        writer.add(piece)
        writer.add(piece)  # repeats are dropped
    writer.commit()
    expected = sorted({line for piece in pieces for line in piece.decode().split("\n") if line})
    assert (tmp_path / "out.nq").read_text() == "".join(line + "\n" for line in expected)


def _document_pieces() -> list[tuple[str, bytes]]:
    """Sorted line blocks shaped like documents' graphs: local fact and span lines, shared entity lines."""
    pieces = []
    for slug in ("report", "report-2", "report0", "alpha", "zulu-9"):
        lines = [f"<urn:id/doc/{slug}> <urn:p> \"t\" <urn:id/doc/{slug}> .",
                 f"<urn:id/org/shared> <urn:label> \"Shared\" <urn:id/doc/{slug}> ."]
        lines += [f"<urn:id/{kind}/{slug}/{i}> <urn:p> \"{i}\" <urn:id/doc/{slug}> ." for kind in ("fact", "span")
                  for i in range(3)]
        pieces.append((slug, "".join(line + "\n" for line in sorted(lines)).encode()))
    return pieces


@pytest.mark.parametrize("order", ["documents", "reversed"])
def test_document_line_writer_equals_sorting_everything(tmp_path: Path, order: str) -> None:
    pieces = sorted(_document_pieces(), key=lambda p: p[0] + "/", reverse=order == "reversed")
    writer = sorted_file.DocumentLineWriter(tmp_path / "out.nq", [b"<urn:id/fact/", b"<urn:id/span/"], budget=200)
    for _, blob in pieces:
        writer.add(blob)
    writer.commit()
    expected = sorted({line for _, blob in pieces for line in blob.decode().split("\n") if line})
    assert (tmp_path / "out.nq").read_text() == "".join(line + "\n" for line in expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nq"]
