"""What the format modules share: the exporter contract, colours by kind, and writing.

A format module has a ``SUFFIX`` and a ``render(flat)`` that returns the
file's text; a format that writes several files (CSV: a nodes sheet and an
edges sheet) has ``render_files(flat)`` instead, returning ``{file name: text}``
for a folder. Nothing here knows a format.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from kg.export.flatten import FlatGraph, Value

__all__ = ["Exporter", "colours", "write_outputs", "PALETTE", "text_value"]

# Tableau's ten, then ten more: distinct on white, readable under dark labels.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#003f5c", "#a05195", "#ffa600", "#2f8f9d", "#8cd17d", "#d37295",
           "#665191", "#b6992d", "#499894", "#f1ce63")


class Exporter(Protocol):
    SUFFIX: str

    def render(self, flat: FlatGraph) -> str: ...


def colours(flat: FlatGraph) -> dict[str, str]:
    """A colour for each node kind, dealt in order of frequency: the same graph, the same colours."""
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(flat.kinds())}


def text_value(value: Value) -> str:
    """A value as text: booleans as XML Schema writes them (``true``/``false``), numbers as Python does."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_outputs(files: dict[Path, str]) -> list[Path]:
    """Write each file through a temporary file and a rename; returns the paths written."""
    from kg.rdf.io import write_atomic

    for path, text in files.items():
        write_atomic(path, text)
    return list(files)
