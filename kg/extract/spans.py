"""Items with ``start`` and ``end`` offsets (mentions, person references), found by position in log time.

Stages ask for the mentions of a sentence once or more per sentence; scanning
the whole document's list each time made that cost grow with the square of
the document. The answers are the scans' own: the same items, in list order.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=Spanned)


class ByStart(Generic[T]):
    """A list of spanned items, indexed by start when it is ordered by start (else scanned, as before)."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items, self.size = items, len(items)
        self.starts = [item.start for item in items]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:]))

    def describes(self, items: Sequence[T]) -> bool:
        """Whether this index is still that of ``items`` (the same list, nothing added)."""
        return items is self.items and len(items) == self.size

    def starting(self, low: int, high: int) -> list[T]:
        """The items with ``low <= start < high``."""
        if not self.ordered:
            return [item for item in self.items if low <= item.start < high]
        return list(self.items[bisect.bisect_left(self.starts, low):bisect.bisect_left(self.starts, high)])

    def within(self, start: int, end: int) -> list[T]:
        """The items with ``start <= item.start`` and ``item.end <= end``."""
        if not self.ordered:
            return [item for item in self.items if start <= item.start and item.end <= end]
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [item for item in self.items[low:high] if item.end <= end]
