"""The build's progress bar: drawn only for enough work, and only when asked (the CLI asks on a terminal)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from kg.build import build
from kg.progress import MIN_DOCUMENTS, progress_bar

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"


def test_progress_bar_disabled_gives_no_callback() -> None:
    with progress_bar(enabled=False) as report:
        assert report is None


@pytest.mark.parametrize(("total", "drawn"), [(MIN_DOCUMENTS - 1, False), (MIN_DOCUMENTS, True)])
def test_progress_bar_draws_only_long_builds(total: int, drawn: bool) -> None:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80)
    with progress_bar(enabled=True, console=terminal) as report:
        for done in range(total + 1):
            report(done, total)
    assert ("extracting" in screen.getvalue()) == drawn


def test_build_reports_progress_per_document(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build([DOCUMENTS], tmp_path / "graph.nq", jobs=1, progress=lambda done, total: seen.append((done, total)))
    total = len([p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".md")])  # README.md is read too
    assert seen[0] == (0, total) and seen[-1] == (total, total) and len(seen) == total + 1
