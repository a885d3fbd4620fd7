"""bskg's per-user cache of derived data (kg.cache), and the gazetteer kept in it."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import cache, gazetteer


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BSKG_CACHE", str(folder))
    return folder


def _source(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "source.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_value_is_made_once_and_then_read_from_the_cache(tmp_path: Path) -> None:
    source = _source(tmp_path, "one")
    made: list[int] = []
    first = cache.cached("thing", [source], lambda: made.append(1) or {"n": 1})
    second = cache.cached("thing", [source], lambda: made.append(2) or {"n": 2})
    assert (first, second, made) == ({"n": 1}, {"n": 1}, [1])


def test_a_changed_source_names_another_entry(tmp_path: Path) -> None:
    source = _source(tmp_path, "one")
    cache.cached("thing", [source], lambda: "old")
    source.write_text("two", encoding="utf-8")
    assert cache.cached("thing", [source], lambda: "new") == "new"


def test_a_broken_entry_is_made_afresh(tmp_path: Path, _own_cache: Path) -> None:
    source = _source(tmp_path, "one")
    cache.cached("thing", [source], lambda: "kept")
    (entry,) = _own_cache.glob("thing-*.pickle")
    entry.write_bytes(b"\x80\x05 not a pickle")
    assert cache.cached("thing", [source], lambda: "afresh") == "afresh"


def test_a_cache_that_cannot_be_written_is_passed_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BSKG_CACHE", str(blocker / "cache"))
    assert cache.cached("thing", [_source(tmp_path, "one")], lambda: "made") == "made"


def test_the_cached_gazetteer_is_the_one_its_files_give(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = gazetteer._load.__wrapped__(str(gazetteer.resource_dir("data") / "gazetteers"))
    monkeypatch.setattr(gazetteer, "_read_all", lambda base: pytest.fail("read the YAML although cached"))
    kept = gazetteer._load.__wrapped__(str(gazetteer.resource_dir("data") / "gazetteers"))
    assert (kept.entries, kept.posts, kept.phrases, kept.demonyms) == (
        fresh.entries, fresh.posts, fresh.phrases, fresh.demonyms)


def test_an_edited_gazetteer_file_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "gazetteers"
    folder.mkdir()
    states = folder / "states.yaml"
    states.write_text("- {id: atlantis, name: Atlantis}\n", encoding="utf-8")
    assert "atlantis" in gazetteer._load.__wrapped__(str(folder)).entries
    states.write_text("- {id: lemuria, name: Lemuria}\n", encoding="utf-8")
    assert set(gazetteer._load.__wrapped__(str(folder)).entries) == {"lemuria"}
