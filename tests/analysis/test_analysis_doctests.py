"""The Examples in kg.analysis's docstrings run, so they stay true."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["centrality", "communities", "facts", "funding", "paths", "projection", "report", "results_rdf",
           "timeline"]


@pytest.mark.parametrize("name", MODULES)
def test_analysis_doctests_pass(name: str) -> None:
    module = importlib.import_module(f"kg.analysis.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0
