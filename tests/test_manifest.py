"""What a manifest vouches for: a file stat still describes as hashed is not read again; any other is."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import kg.manifest
from kg.build import build
from kg.manifest import Entry, Sources, read_manifest

DOCUMENTS = Path(__file__).parent / "fixtures" / "documents"
GRAPH = "https://w3id.org/bskg/id/doc/release-txt"


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (otherwise only two seconds after their last change)."""
    monkeypatch.setattr(kg.manifest, "_RACY_NS", 0)


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files hashed."""
    seen: list[str] = []
    real = kg.manifest.content_hash

    def spy(files: list[Path]) -> str:
        seen.extend(path.name for path in files)
        return real(files)

    monkeypatch.setattr(kg.manifest, "content_hash", spy)
    return seen


def _release(folder: Path, text: str = "Home Secretary James Cleverly today announced £5 million.\n") -> Path:
    path = folder / "release.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _edit_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` (as long) and set the mtime back, as ``touch -r`` or ``rsync -t`` leave a file.

    The kernel then moves the ctime, on the next timestamp tick: wait for it.
    """
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    while True:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        if path.stat().st_ctime_ns != before.st_ctime_ns:
            assert path.stat().st_size == before.st_size
            return
        time.sleep(0.01)


def _known(sources: Sources) -> Entry:
    source = sources.source(GRAPH, None)
    return Entry(source.files, source.sha256, stats=source.stats)


def test_sources_settled_file_stat_vouches_for_its_hash(tmp_path: Path, settled: None, hashed: list[str]) -> None:
    path = _release(tmp_path)
    known = _known(Sources({GRAPH: [path]}))
    hashed.clear()
    again = Sources({GRAPH: [path]}).source(GRAPH, known)
    assert hashed == [] and again.matches(known)


def test_sources_file_changed_just_now_has_no_stats(tmp_path: Path) -> None:
    assert Sources({GRAPH: [_release(tmp_path)]}).source(GRAPH, None).stats == []


def test_sources_same_size_and_mtime_restored_is_hashed_again(tmp_path: Path, settled: None) -> None:
    path = _release(tmp_path, "Border Force received £5 million.\n")
    known = _known(Sources({GRAPH: [path]}))
    _edit_keeping_size_and_mtime(path, "£5", "£6")
    assert not Sources({GRAPH: [path]}).source(GRAPH, known).matches(known)


def test_sources_entry_without_stats_is_hashed(tmp_path: Path, settled: None, hashed: list[str]) -> None:
    path = _release(tmp_path)
    known = _known(Sources({GRAPH: [path]}))
    hashed.clear()
    Sources({GRAPH: [path]}).source(GRAPH, Entry(known.files, known.sha256))
    assert hashed == ["release.txt"]


def test_sources_unreadable_file_has_no_stats(tmp_path: Path, settled: None,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that could not be read is read again next time, even with the same stats (a folder's permissions
    may change, not the file's)."""
    path = _release(tmp_path)
    monkeypatch.setattr(kg.manifest, "content_hash", lambda files: "unreadable:0")
    source = Sources({GRAPH: [path]}).source(GRAPH, None)
    assert (source.sha256, source.stats) == ("unreadable:0", [])


def test_sources_linked_file_and_folder_named_as_resolved(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = _release(real)
    (tmp_path / "linked-folder").symlink_to(real, target_is_directory=True)
    (tmp_path / "linked.txt").symlink_to(target)
    paths = [tmp_path / "linked-folder" / "release.txt", tmp_path / "linked.txt"]
    assert Sources({GRAPH: paths}).source(GRAPH, None).files == [str(target.resolve())] * 2


def test_build_unchanged_settled_documents_are_not_read(tmp_path: Path, settled: None, hashed: list[str]) -> None:
    out = tmp_path / "graph.nq"
    build([DOCUMENTS], out, jobs=1)
    count = len(hashed)
    hashed.clear()
    report = build([DOCUMENTS], out, jobs=1)
    assert count > 0 and hashed == [] and report.kept == count


def test_build_edit_keeping_size_and_mtime_is_rebuilt(tmp_path: Path, settled: None) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    path = _release(docs, "Home Secretary James Cleverly today announced £5 million for Border Force.\n")
    out = tmp_path / "graph.nq"
    build([docs], out, jobs=1)
    _edit_keeping_size_and_mtime(path, "£5", "£7")
    report = build([docs], out, jobs=1)
    assert report.kept == 0 and '"7000000"' in out.read_text(encoding="utf-8")


def test_read_manifest_written_before_stats_were_kept(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"bskg_manifest": 1, "fingerprint": "f", "target": {},
                                "documents": {GRAPH: {"files": ["/r.txt"], "sha256": "00", "documents": 1}}}))
    assert read_manifest(path).entries[GRAPH] == Entry(["/r.txt"], "00", 1)
