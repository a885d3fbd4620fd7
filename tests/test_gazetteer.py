"""The gazetteer's indexes over posts (kg.gazetteer)."""
from __future__ import annotations

from kg.gazetteer import Gazetteer, PostEntry


def _post(post_id: str, title: str, *aliases: str) -> PostEntry:
    return PostEntry(post_id, title, aliases, None, None, ())


def test_title_words_are_the_capitalised_words_of_titles_and_aliases() -> None:
    gazetteer = Gazetteer()
    gazetteer.posts["a"] = _post("a", "Minister of Foreign Affairs", "Foreign Minister")
    assert gazetteer.title_words() == {"Minister", "Foreign", "Affairs"}


def test_title_words_follow_a_post_added_later() -> None:
    gazetteer = Gazetteer()
    gazetteer.posts["a"] = _post("a", "Home Secretary")
    assert "Homeland" not in gazetteer.title_words()
    gazetteer.posts["b"] = _post("b", "Secretary of Homeland Security")
    assert "Homeland" in gazetteer.title_words()
