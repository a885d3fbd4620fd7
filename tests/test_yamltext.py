"""Data files are read with YAML 1.2's booleans (kg.yamltext): 'on' in a word list is the word."""
from __future__ import annotations

from datetime import date

from kg.patterns import patterns
from kg.yamltext import load_yaml


def test_words_yaml_1_1_calls_booleans_stay_words() -> None:
    assert load_yaml("[in, on, at, off, yes, no, On, NO, y, n]") == ["in", "on", "at", "off", "yes", "no", "On", "NO", "y", "n"]


def test_true_false_and_dates_keep_their_types() -> None:
    assert load_yaml("{a: true, b: False, published: 2024-09-18}") == {"a": True, "b": False, "published": date(2024, 9, 18)}


def test_bundled_word_lists_hold_on() -> None:
    assert "on" in patterns("entities")["connectors"] and "On" in patterns("entities")["stopwords"]
