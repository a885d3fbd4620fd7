"""Locate the bundled ontology, queries and data, installed or in a checkout.

A wheel carries them under ``kg/_resources/``; a source checkout (or an
editable install) keeps them at the top of the repository.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder ``ontology``, ``queries`` or ``data``."""
    for base in (_PACKAGE / "_resources", _PACKAGE.parent):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bskg resource folder {name!r} is missing from the installation")
