"""A progress bar for long builds (rich, on stderr), for the command line only.

The bar starts on the first report of progress, so no thread runs before a
build has forked its workers, and only when there is enough work to watch.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_DOCUMENTS = 50  # fewer documents than this build too fast for a bar


@contextmanager
def progress_bar(enabled: bool, label: str = "extracting",
                 console: object = None) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a ``(done, total)`` callback drawing a bar (on stderr, or ``console``), or None when disabled."""
    if not enabled:
        yield None
        return
    state: dict = {}

    def report(done: int, total: int) -> None:
        if "bar" not in state:
            if total < MIN_DOCUMENTS:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            state["bar"] = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                    TimeRemainingColumn(), console=console or Console(stderr=True), transient=True)
            state["bar"].start()
            state["task"] = state["bar"].add_task(label, total=total)
        state["bar"].update(state["task"], completed=done, total=total)

    try:
        yield report
    finally:
        if "bar" in state:
            state["bar"].stop()
