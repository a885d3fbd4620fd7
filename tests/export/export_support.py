"""Helpers the export tests share: paths, the views and formats, and outside tools (skip or fail).

A test that needs a tool the project does not install with pip (Graphviz,
xmllint, Chromium, cytoscape.js from npm) skips when it is missing, saying
what to install, except under CI (``CI`` set), where .ci/run installs them
and a missing tool fails the test instead of hiding it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "data" / "corpus"
VIEWS = ("actors", "funding", "meetings", "full")
SUFFIXES = {"gexf": ".gexf", "graphml": ".graphml", "cytoscape": ".cyjs", "csv": "", "dot": ".dot",
            "jsonld": ".jsonld", "html": ".html"}
NODE_MODULES = Path(os.environ.get("BSKG_TEST_NODE", Path.home() / ".cache" / "bskg-test-node")) / "node_modules"
SCREENSHOTS = Path(os.environ.get("BSKG_SCREENSHOTS", Path(__file__).resolve().parents[2] / "out" / "screenshots"))


def require(found: object, what: str, install: str) -> None:
    """Skip (locally) or fail (under CI) when an outside tool is missing."""
    if found:
        return
    message = f"{what} is not installed ({install}); .ci/run installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_program(name: str, package: str) -> str:
    path = shutil.which(name)
    require(path, name, f"apt-get install {package}")
    return path


def cytoscape_js() -> Path:
    path = NODE_MODULES / "cytoscape" / "dist" / "cytoscape.min.js"
    require(path.is_file(), "cytoscape.js", f"npm install --prefix {NODE_MODULES.parent} cytoscape@3")
    return path
