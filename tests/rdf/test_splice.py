"""Splicing a sorted N-Quads file gives what sorting its kept lines with the new ones gives, however it copies."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.rdf.splice as splice_module
from kg.errors import OutputError
from kg.rdf.splice import Dropped, confined, splice


def _quad(subject: int, value: int, graph: int) -> str:
    return f"<urn:s{subject:03d}> <urn:p> \"{value}\" <urn:g{graph}> ."


def _spliced(tmp_path: Path, old: list[str], drop: list[int], new: list[str]) -> str:
    """The file splicing gives, from ``old`` lines, dropping graphs ``drop``, adding ``new`` lines."""
    source, target = tmp_path / "old.nq", tmp_path / "new.nq"
    source.write_text("".join(line + "\n" for line in old))
    with target.open("wb") as out:
        splice(source, [Dropped(f" <urn:g{g}> .\n".encode()) for g in drop], sorted(line.encode() for line in set(new)),
               out)
    return target.read_text()


def _expected(old: list[str], drop: list[int], new: list[str]) -> str:
    ends = tuple(f" <urn:g{g}> ." for g in drop)
    return "".join(line + "\n" for line in sorted({line for line in old if not line.endswith(ends)} | set(new)))


@pytest.fixture(params=["kernel", "python"])
def copying(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Copy every unchanged range by the kernel, or as where the kernel cannot copy between the files."""
    monkeypatch.setattr(splice_module, "_SMALL", 1)
    if request.param == "python":
        def refuse(*args: object) -> int:
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(splice_module.os, "copy_file_range", refuse)
    return request.param


@pytest.fixture(params=["searched", "walked"])
def finding(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Find the dropped lines by searching for each graph and bisecting to the last byte, or by walking every line;
    reading small blocks."""
    monkeypatch.setattr(splice_module, "_searching_pays", lambda *args: request.param == "searched")
    monkeypatch.setattr(splice_module, "_NEAR", 0)
    monkeypatch.setattr(splice_module, "_PROBE", 8)
    monkeypatch.setattr(splice_module, "_BLOCK", 64)
    return request.param


def test_splice_drops_a_graph_and_merges_new_lines(tmp_path: Path, copying: str, finding: str) -> None:
    old = sorted(_quad(i, i, i % 3) for i in range(60))
    new = [_quad(i, i, 1).replace("<urn:p>", "<urn:q>") for i in range(0, 70, 7)]
    assert _spliced(tmp_path, old, [1], new) == _expected(old, [1], new)


def test_splice_new_lines_before_and_after_every_old_line(tmp_path: Path, copying: str, finding: str) -> None:
    old = [_quad(i, i, 0) for i in range(10, 20)]
    new = [_quad(0, 0, 1), _quad(5, 5, 1), _quad(30, 30, 1), _quad(31, 31, 1)]
    assert _spliced(tmp_path, old, [1], new) == _expected(old, [1], new)


def test_splice_a_new_line_already_kept_is_written_once(tmp_path: Path, copying: str, finding: str) -> None:
    old = [_quad(i, i, 0) for i in range(10)]
    assert _spliced(tmp_path, old, [1], [_quad(4, 4, 0), _quad(4, 5, 1)]) == _expected(old, [1], [_quad(4, 5, 1)])


def test_splice_a_dropped_line_given_again_stays(tmp_path: Path, copying: str, finding: str) -> None:
    old = [_quad(i, i, i % 2) for i in range(10)]
    assert _spliced(tmp_path, old, [1], [_quad(3, 3, 1)]) == _expected(old, [1], [_quad(3, 3, 1)])


def test_splice_of_an_empty_file_writes_the_new_lines(tmp_path: Path, finding: str) -> None:
    assert _spliced(tmp_path, [], [1], [_quad(2, 2, 1), _quad(1, 1, 1)]) == _expected([], [], [_quad(1, 1, 1),
                                                                                             _quad(2, 2, 1)])


def test_splice_dropping_every_line_leaves_the_new_ones(tmp_path: Path, copying: str, finding: str) -> None:
    old = [_quad(i, i, 1) for i in range(10)]
    assert _spliced(tmp_path, old, [1], []) == ""


def test_splice_refuses_a_file_not_ending_in_a_newline(tmp_path: Path) -> None:
    source = tmp_path / "old.nq"
    source.write_text(_quad(1, 1, 1))
    with (tmp_path / "new.nq").open("wb") as out, pytest.raises(OutputError, match="newline"):
        splice(source, [Dropped(b" <urn:g1> .\n")], [], out)


def test_splice_of_a_file_cut_short_meanwhile_is_a_one_line_error(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "old.nq"
    source.write_text("".join(_quad(i, i, 0) + "\n" for i in range(50)))
    real = splice_module.os.pread

    def cut_short(descriptor: int, count: int, offset: int) -> bytes:
        os.truncate(source, 10)  # as another program truncating the file while the splice reads it
        return real(descriptor, count, offset)

    monkeypatch.setattr(splice_module.os, "pread", cut_short)
    with (tmp_path / "new.nq").open("wb") as out, pytest.raises(OutputError, match="cut short") as error:
        splice(source, [Dropped(b" <urn:g1> .\n")], [], out)
    assert str(source) in str(error.value) and "\n" not in str(error.value)


def test_splice_writes_after_what_the_output_holds(tmp_path: Path, copying: str) -> None:
    source, target = tmp_path / "old.nq", tmp_path / "new.nq"
    source.write_text("".join(_quad(i, i, 0) + "\n" for i in range(5)))
    with target.open("wb") as out:
        out.write(b"# head\n")
        splice(source, [], [_quad(9, 9, 1).encode()], out)
        out.write(b"# tail\n")
    assert target.read_text() == "# head\n" + _expected([_quad(i, i, 0) for i in range(5)], [], [_quad(9, 9, 1)]) \
        + "# tail\n"


_quads = st.lists(st.builds(_quad, st.integers(0, 40), st.integers(0, 3), st.integers(0, 4)), max_size=40)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(old=_quads, drop=st.lists(st.integers(0, 4), max_size=3, unique=True), new=_quads,
       small=st.sampled_from([1, 40, 1 << 20]), searched=st.booleans(), block=st.sampled_from([1, 50, 4096]),
       near=st.sampled_from([0, 100, 1 << 16]), probe=st.sampled_from([1, 16, 4096]))
def test_splice_equals_sorting_kept_and_new_lines(tmp_path_factory: pytest.TempPathFactory, old: list[str],
                                                  drop: list[int], new: list[str], small: int, searched: bool,
                                                  block: int, near: int, probe: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (("_SMALL", small), ("_BLOCK", block), ("_NEAR", near), ("_PROBE", probe)):
            patch.setattr(splice_module, name, value)
        patch.setattr(splice_module, "_searching_pays", lambda *args: searched)
        got = _spliced(tmp_path_factory.mktemp("splice"), sorted(set(old)), drop, new)
    assert got == _expected(old, drop, new)


def _document_quad(kind: str, graph: int, item: int) -> str:
    """A line shaped like a document's: about its own fact (``f``), its own document (``d``), or a shared entity."""
    subject = {"f": f"urn:f/g{graph}/{item}", "d": f"urn:d/g{graph}", "shared": f"urn:s/{item}"}[kind]
    return f"<{subject}> <urn:p> \"{item}\" <urn:g{graph}> ."


_document_quads = st.lists(st.builds(_document_quad, st.sampled_from(["f", "d", "shared"]), st.integers(0, 4),
                                     st.integers(0, 30)), max_size=60)


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(old=_document_quads, drop=st.lists(st.integers(0, 4), max_size=3, unique=True), new=_document_quads,
       near=st.sampled_from([0, 1 << 16]))
def test_splice_confined_graphs_searched_in_their_own_runs(tmp_path_factory: pytest.TempPathFactory, old: list[str],
                                                           drop: list[int], new: list[str], near: int) -> None:
    source, target = tmp_path_factory.mktemp("splice") / "old.nq", tmp_path_factory.mktemp("splice") / "new.nq"
    source.write_text("".join(line + "\n" for line in sorted(set(old))))
    dropped = [Dropped(f" <urn:g{g}> .\n".encode(), (f"<urn:f/g{g}/".encode(),)) for g in drop]
    with target.open("wb") as out, pytest.MonkeyPatch.context() as patch:
        patch.setattr(splice_module, "_NEAR", near)
        splice(source, dropped, sorted(line.encode() for line in set(new)), out, (b"<urn:f/",))
    assert target.read_text() == _expected(old, drop, new)


def test_confined_lines_keep_to_their_own_runs() -> None:
    lines = "".join(_document_quad(kind, 1, i) + "\n" for kind, i in [("d", 0), ("f", 1), ("f", 2), ("shared", 3)])
    assert confined(lines.encode(), (b"<urn:f/",), (b"<urn:f/g1/",))
    assert confined(_document_quad("shared", 1, 0).encode() + b"\n", (b"<urn:f/",), (b"<urn:f/g1/",))


@pytest.mark.parametrize("other", ["<urn:f/g0/1>", "<urn:f/g2/9>", "<urn:f/g1>"])
def test_confined_false_for_a_line_under_another_run(other: str) -> None:
    lines = sorted([_document_quad("f", 1, 1), _document_quad("f", 1, 2), f"{other} <urn:p> \"x\" <urn:g1> ."])
    assert not confined("".join(line + "\n" for line in lines).encode(), (b"<urn:f/",), (b"<urn:f/g1/",))


@pytest.mark.parametrize("own", [(), (b"<urn:f/g1/",)])
def test_splice_searches_a_graph_with_own_runs_only_there(tmp_path: Path, own: tuple[bytes, ...]) -> None:
    stray = "<urn:f/g2/1> <urn:p> \"1\" <urn:g1> ."  # a g1 line in g2's run: what ``own`` says cannot be
    old = sorted([_document_quad("f", 1, 1), stray, _document_quad("shared", 1, 2), _document_quad("f", 2, 3)])
    source, target = tmp_path / "old.nq", tmp_path / "new.nq"
    source.write_text("".join(line + "\n" for line in old))
    with target.open("wb") as out:
        splice(source, [Dropped(b" <urn:g1> .\n", own)], [], out, (b"<urn:f/",))
    assert (stray in target.read_text()) == bool(own)
