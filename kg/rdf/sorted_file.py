"""Files of sorted, unique lines (N-Quads, N-Triples) written from sorted pieces, in bounded memory.

``SortedLineWriter`` takes each document's sorted lines in any order and
writes the file that sorting all of them at once would give: pieces are held
up to a memory budget, spilled to sorted run files beside the output, and the
runs are merged block by block (``sorted`` merges the pre-sorted runs of a
block at C speed; the lines of one block that are safe to write are those up
to the smallest last line among the runs' current blocks).

``DocumentLineWriter`` does the same faster when documents come in the order
of their identifiers: the lines about a document's own facts and spans
(``<.../id/fact/SLUG/...>``, ``<.../id/span/SLUG/...>``, nine lines in ten)
then already come in file order, so they are appended to a scratch file per
prefix and copied into place, and only the other lines (documents, shared
entities) are sorted.

kg.rdf.splice makes the same file from an old one, for a rebuild.

Lines are handled without their newline; no line is a prefix of another (see
kg.rdf.nquads), so this sorts as the whole-file writer's ``sorted`` does.
"""
from __future__ import annotations

import shutil
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import OutputError
from kg.rdf.io import atomic_writer
from kg.scratch import scratch_folder

_BLOCK = 4 << 20  # bytes read from a file at a time
_BUDGET = 192 << 20  # bytes of pieces held before they are spilled to a run file


def _lines(blob: bytes) -> list[bytes]:
    lines = blob.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _unique_sorted(lines: list[bytes]) -> list[bytes]:
    lines.sort()
    return list(dict.fromkeys(lines))  # repeats are adjacent; fromkeys keeps order and drops them


def _write(out: BinaryIO, lines: list[bytes]) -> None:
    if lines:
        out.write(b"\n".join(lines))
        out.write(b"\n")


class _Collector:
    """Sorted pieces of lines held up to a budget, spilled to run files in ``scratch()``, merged in order."""

    def __init__(self, scratch: Callable[[], Path], budget: int) -> None:
        self.scratch, self.budget = scratch, budget
        self.pieces: list[bytes] = []
        self.held = 0
        self.runs: list[Path] = []

    def add(self, blob: bytes) -> None:
        if blob:
            self.pieces.append(blob)
            self.held += len(blob)
            if self.held >= self.budget:
                self._spill()

    def _spill(self) -> None:
        run = self.scratch() / f"run{len(self.runs):05d}"
        with run.open("wb") as out:
            _write(out, _unique_sorted(_lines(b"".join(self.pieces))))
        self.runs.append(run)
        self.pieces, self.held = [], 0

    def blocks(self) -> Iterator[list[bytes]]:
        """All lines, sorted and unique, in blocks."""
        if not self.runs:
            lines = _unique_sorted(_lines(b"".join(self.pieces)))
            self.pieces = []
            if lines:
                yield lines
            return
        if self.pieces:
            self._spill()
        yield from _merge([(_lines(block) for block in blocks(run)) for run in self.runs])


class _Scratch:
    """A folder beside the output for temporary files (named as kg.scratch names them), made on first use."""

    def __init__(self, path: Path) -> None:
        self.path, self.folder = path, None

    def __call__(self) -> Path:
        if self.folder is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.folder = scratch_folder(self.path)
            except OSError as exc:
                raise OutputError(f"{self.path}: cannot write the output: no folder for temporary files can be "
                                  f"made beside it ({exc.strerror or exc})") from None
        return self.folder

    def remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


class SortedLineWriter:
    """Write ``path`` as the sorted union of the line blocks given to :meth:`add`, in any order."""

    def __init__(self, path: Path, budget: int = _BUDGET) -> None:
        self.path = path
        self._scratch = _Scratch(path)
        self._others = _Collector(self._scratch, budget)

    def add(self, blob: bytes) -> None:
        """Add lines (each ending in a newline; any order, repeats allowed)."""
        self._others.add(blob)

    def commit(self) -> None:
        """Write the file (atomically) and remove the scratch files."""
        try:
            with atomic_writer(self.path) as out:
                for block in self._others.blocks():
                    _write(out, block)
        finally:
            self.discard()

    def discard(self) -> None:
        self._others.pieces = []
        self._scratch.remove()


class DocumentLineWriter(SortedLineWriter):
    """As SortedLineWriter, for documents added in the order of ``order_key`` (see the module doc).

    ``local`` are the subject prefixes of lines that only one document
    states (``<https://w3id.org/bskg/id/fact/``); a document's lines under
    one prefix must sort after every earlier document's. Should a document
    come out of that order, its lines are sorted with the others: the file is
    the same, only slower to make.
    """

    def __init__(self, path: Path, local: Iterable[bytes], budget: int = _BUDGET) -> None:
        super().__init__(path, budget)
        self._local = sorted(local)
        self._files: dict[bytes, BinaryIO] = {}
        self._last: dict[bytes, bytes] = {}
        self._mixed = False  # some document came out of order: merge the local files with the rest

    def add(self, blob: bytes) -> None:
        rest, position = [], 0
        for prefix in self._local:
            found = _block(blob, prefix, position)
            if found is None:
                continue
            start, end = found
            rest.append(blob[position:start])
            if self._in_order(prefix, blob, start, end):
                self._file(prefix).write(memoryview(blob)[start:end])
            else:
                rest.append(blob[start:end])
            position = end
        rest.append(blob[position:])
        self._others.add(b"".join(rest))

    def _in_order(self, prefix: bytes, blob: bytes, start: int, end: int) -> bool:
        first = blob[start:blob.index(b"\n", start)]
        if prefix in self._last and first <= self._last[prefix]:
            self._mixed = True
            return False
        newline = blob.rfind(b"\n", start, end - 1)
        self._last[prefix] = blob[newline + 1 if newline >= 0 else start:end - 1]
        return True

    def _file(self, prefix: bytes) -> BinaryIO:
        if prefix not in self._files:
            self._files[prefix] = (self._scratch() / f"local{len(self._files)}").open("w+b", buffering=1 << 20)
        return self._files[prefix]

    def commit(self) -> None:
        if self._mixed:
            return self._commit_merged()
        try:
            with atomic_writer(self.path) as out:
                pending = [p for p in self._local if p in self._files]
                for block in self._others.blocks():
                    while pending:
                        cut = bisect_left(block, pending[0])  # the others sorting before the prefix's lines
                        if cut == len(block):
                            break
                        _write(out, block[:cut])
                        block = block[cut:]
                        self._copy(pending.pop(0), out)
                    _write(out, block)
                for prefix in pending:
                    self._copy(prefix, out)
        finally:
            self.discard()

    def _commit_merged(self) -> None:
        try:
            for handle in self._files.values():
                handle.flush()
            local = [(_lines(block) for block in blocks(Path(handle.name))) for handle in self._files.values()]
            with atomic_writer(self.path) as out:
                for block in _merge([self._others.blocks(), *local]):
                    _write(out, block)
        finally:
            self.discard()

    def _copy(self, prefix: bytes, out: BinaryIO) -> None:
        source = self._files[prefix]
        source.flush()
        source.seek(0)
        out.flush()
        shutil.copyfileobj(source, out, 8 << 20)

    def discard(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files = {}
        super().discard()


def _block(blob: bytes, prefix: bytes, position: int) -> tuple[int, int] | None:
    """Where the lines starting with ``prefix`` lie in the sorted ``blob`` (from ``position`` on)."""
    if blob.startswith(prefix, position):
        start = position
    else:
        found = blob.find(b"\n" + prefix, position)
        if found < 0:
            return None
        start = found + 1
    last = blob.rfind(b"\n" + prefix, start)
    last = last + 1 if last >= start else start
    return start, blob.index(b"\n", last) + 1


def blocks(path: Path, size: int = _BLOCK) -> Iterator[bytes]:
    """The file in pieces of about ``size`` bytes, each ending at the end of a line."""
    with path.open("rb") as handle:
        rest = b""
        while chunk := handle.read(size):
            chunk = rest + chunk
            cut = chunk.rfind(b"\n") + 1
            rest = chunk[cut:]
            if cut:
                yield chunk[:cut]
        if rest:
            yield rest + b"\n"


def _merge(sources: list[Iterator[list[bytes]]]) -> Iterator[list[bytes]]:
    """Merge sources of sorted, unique line blocks into sorted, unique blocks."""
    heads: list[list[bytes]] = []
    feeds: list[Iterator[list[bytes]]] = []
    for source in sources:
        first = next((b for b in source if b), None)
        if first is not None:
            heads.append(first)
            feeds.append(source)
    last: bytes | None = None
    while heads:
        bound = min(head[-1] for head in heads)
        taken: list[bytes] = []
        for i, head in enumerate(heads):
            cut = bisect_right(head, bound)
            taken += head[:cut]
            heads[i] = head[cut:]
        taken = _unique_sorted(taken)
        if taken and taken[0] == last:
            taken = taken[1:]
        if taken:
            yield taken
            last = taken[-1]
        for i in reversed(range(len(heads))):
            if not heads[i]:
                following = next((b for b in feeds[i] if b), None)
                if following is None:
                    del heads[i], feeds[i]
                else:
                    heads[i] = following
