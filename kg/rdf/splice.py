"""A sorted N-Quads file made from an old one: some named graphs' lines out, new lines in, the rest copied.

A rebuild after one document changed writes a file of a gigabyte or more to
change a few hundred of its lines. So the old file is not read and written
whole: the lines to drop are found by searching it for their graphs' endings
(`` <GRAPH> .\\n``), the places of the new lines by binary search (its lines
are sorted), and the bytes between those edits are copied by the kernel
(``os.copy_file_range``) without passing through Python. On the project's
machine kind that copied a 1.4 GB file in 0.4-0.7 s, where reading and writing
it in Python took 4-6 s. The file is read with ``pread``, not mapped: the
pages of a mapping count as the process's memory, and bisecting a mapped 1.4
GB file for 454 lines mapped 225 MB of it.

A search reads the whole file, 0.3-0.4 s a gigabyte, unless the caller knows
more: nine lines in ten are about one document's own facts and spans, in runs
by subject prefix (the ``partitions``, ``<.../id/fact/``), and a graph whose
lines under them all lie in its own runs (``<.../id/fact/SLUG/``) is searched
for only there and outside the partitions, a tenth of the file. When the
searches would read the file more than ``_SEARCHED`` times over, or there are
more than ``_PLACED`` new lines to place (0.1 ms each), the file is instead
walked once, line by line (4-7 s for 1.4 GB), which costs more than one
search but less than many.

The result is the old file's kept lines and the new lines, sorted, without
repeats: what writing them all afresh gives (lines hold no newline and none
is a prefix of another, see kg.rdf.nquads).
"""
from __future__ import annotations

import errno
import io
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO

from kg.errors import OutputError

Edit = tuple[int, int, bytes]  # the old file's bytes [start, end) are replaced by the bytes given
Region = tuple[int, int]  # offsets of line starts (or the end): the lines from one up to the other
_SEARCHED = 12  # searching the whole file this many times costs about as much as walking every line once
_PLACED = 40_000  # new lines placed by bisection, at most; more: walk the file
_BLOCK = 4 << 20  # bytes of the file read at a time when searching or walking it
_PROBE = 4096  # bytes read to find one line while bisecting
_NEAR = 64 << 10  # bisection ends when the lines left lie within this many bytes: they are read and compared
_SMALL = 64 << 10  # byte ranges shorter than this are written through the buffer, not copied by the kernel
_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EBADF,
                   errno.EPERM, errno.ETXTBSY}


@dataclass(frozen=True)
class Dropped:
    """A named graph whose lines go: they end with ``suffix``. ``own``, if given, holds one prefix per partition
    of the file (see :func:`splice`), and the graph's lines under each partition are known to start with it."""

    suffix: bytes
    own: tuple[bytes, ...] = ()


def splice(old: Path, dropped: Iterable[Dropped], new: list[bytes], out: BinaryIO,
           partitions: tuple[bytes, ...] = ()) -> None:
    """Write ``old`` less the lines of the ``dropped`` graphs, plus the sorted lines ``new``.

    ``new`` holds lines without their newline, sorted and unique; ``old``
    ends with a newline. ``partitions`` are disjoint line prefixes under
    which a graph's lines may lie in runs of their own (see ``Dropped``).
    ``out`` is written from its current position.
    """
    dropped = tuple(dropped)
    with old.open("rb") as handle:
        source = _OldFile(old, handle.fileno())
        if source.size and source.read(source.size - 1, source.size) != b"\n":
            raise OutputError(f"{old}: cannot update it: it does not end with a newline; build it with --full")
        regions = [source.regions(partitions, graph.own) for graph in dropped]
        if _searching_pays(source.size, regions, new):
            edits = _searched_edits(source, [(graph.suffix, where) for graph, where in zip(dropped, regions)], new)
        else:
            edits = _walked_edits(source, tuple(graph.suffix for graph in dropped), new)
        _write_edited(source, edits, out)


def confined(lines: bytes, partitions: tuple[bytes, ...], own: tuple[bytes, ...]) -> bool:
    """Whether each of the sorted ``lines`` under a partition starts with that partition's ``own`` prefix.

    The lines under a partition are one run, so its first and last tell.
    """
    for partition, prefix in zip(partitions, own, strict=True):
        first = 0 if lines.startswith(partition) else lines.find(b"\n" + partition) + 1
        if first == 0 and not lines.startswith(partition):
            continue  # no line under this partition
        last = lines.rfind(b"\n" + partition) + 1 or first
        if not (lines.startswith(prefix, first) and lines.startswith(prefix, last)):
            return False
    return True


class _OldFile:
    """The file being spliced, read in pieces where they are needed."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path, self.descriptor, self.size = path, descriptor, os.fstat(descriptor).st_size

    def read(self, start: int, end: int) -> bytes:
        """The bytes from ``start`` to ``end``, all of them."""
        data = os.pread(self.descriptor, end - start, start)
        if len(data) < end - start:
            raise self.shrunk(start)
        return data

    def shrunk(self, offset: int) -> OutputError:
        """The error when the file turns out shorter than it was: someone else changed it meanwhile."""
        return OutputError(f"{self.path}: cannot update it: it was cut short at byte {offset} while being read "
                           "(another program changed it?); build again")

    def blocks(self, low: int, high: int) -> Iterator[tuple[int, bytes, int]]:
        """The file from offset ``low`` to ``high`` (line starts) in blocks of about ``_BLOCK`` bytes: each with
        its offset and where its last whole line ends (the next block starts there)."""
        size = _BLOCK
        while low < high:
            block = self.read(low, min(low + size, high))
            lines_end = block.rfind(b"\n") + 1
            if lines_end:
                yield low, block, lines_end
                low, size = low + lines_end, _BLOCK
            else:
                size *= 2  # a line longer than the block

    def lines_ending(self, suffix: bytes, low: int, high: int) -> Iterator[Region]:
        """Where the lines between offsets ``low`` and ``high`` (line starts) ending in ``suffix`` start and end."""
        for offset, block, lines_end in self.blocks(low, high):
            found = block.find(suffix, 0, lines_end)
            while found >= 0:
                end = found + len(suffix)
                yield offset + block.rfind(b"\n", 0, found) + 1, offset + end
                found = block.find(suffix, end, lines_end)

    def regions(self, partitions: tuple[bytes, ...], own: tuple[bytes, ...]) -> list[Region]:
        """Where a graph's lines can lie: anywhere, or if it has ``own`` runs, there and outside the partitions."""
        if not (own and partitions):
            return [(0, self.size)]
        regions, position = [], 0
        for start, end in sorted(self.run(partition) for partition in partitions):
            regions.append((position, start))
            position = end
        return regions + [(position, self.size)] + [self.run(prefix) for prefix in own]

    def run(self, prefix: bytes) -> Region:
        """Where the lines starting with ``prefix`` start and end."""
        start = self.insertion_point(prefix, 0)
        return start, self.insertion_point(prefix[:-1] + bytes([prefix[-1] + 1]), start)

    def insertion_point(self, key: bytes, low: int) -> int:
        """Where the first line not sorting before ``key`` starts (the end if none), from line start ``low`` on."""
        high = self.size
        while high - low > _NEAR:  # lines starting before low sort before key; the line starting at high does not
            start, line = self.line_after((low + high) // 2)
            if start >= high:
                break
            if line < key:
                low = start + len(line) + 1
            else:
                high = start
        offset = low
        for line in self.read(low, high).split(b"\n")[:-1]:
            if line >= key:
                return offset
            offset += len(line) + 1
        return high

    def line_after(self, offset: int) -> tuple[int, bytes]:
        """The first line starting at or after ``offset``: its start and bytes (the file's size and none if none)."""
        before = min(offset, 1)  # the byte before offset is read: a newline there starts a line at offset
        window = _PROBE
        while True:
            chunk = os.pread(self.descriptor, window, offset - before)
            start = chunk.find(b"\n") + 1 if before else 0
            end = chunk.find(b"\n", start) if start or not before else -1
            if end >= 0:
                return offset - before + start, chunk[start:end]
            if len(chunk) < window:  # the end of the file
                return self.size, b""
            window *= 2  # a line longer than the window


def _searching_pays(size: int, regions: list[list[Region]], new: list[bytes]) -> bool:
    """Whether searching the regions and bisecting for each new line costs less than walking every line."""
    return sum(high - low for where in regions for low, high in where) <= _SEARCHED * size and len(new) <= _PLACED


def _searched_edits(source: _OldFile, dropped: list[tuple[bytes, list[Region]]], new: list[bytes]) -> list[Edit]:
    """The edits: the dropped lines found by searching for each suffix in its regions, the new lines' places by
    bisection."""
    edits = [(start, end, b"") for suffix, where in dropped for low, high in where
             for start, end in source.lines_ending(suffix, low, high)]
    cut = {start for start, _, _ in edits}
    point = 0
    for line in new:
        point = source.insertion_point(line, point)
        if point in cut or point == source.size or source.line_after(point)[1] != line:  # else the file holds it
            edits.append((point, point, line + b"\n"))
    return sorted(edits)


def _walked_edits(source: _OldFile, suffixes: tuple[bytes, ...], new: list[bytes]) -> list[Edit]:
    """The edits, looking at every line of the file once, a block of lines at a time."""
    graphs = {suffix.removesuffix(b"\n") for suffix in suffixes}
    edits: list[Edit] = []
    position = 0  # the new lines before this one have their place
    for offset, block, lines_end in source.blocks(0, source.size):
        lines = block[:lines_end - 1].split(b"\n")
        starts = list(accumulate((len(line) + 1 for line in lines), initial=offset))
        kept = [line[line.rfind(b" <", 0, len(line) - 2):] not in graphs for line in lines]
        edits += [(starts[i], starts[i + 1], b"") for i, keep in enumerate(kept) if not keep]
        cut = bisect_right(new, lines[-1], position)
        for line in new[position:cut]:
            i = bisect_left(lines, line)
            if lines[i] != line or not kept[i]:
                edits.append((starts[i], starts[i], line + b"\n"))
        position = cut
    return sorted(edits) + [(source.size, source.size, line + b"\n") for line in new[position:]]


def _write_edited(source: _OldFile, edits: list[Edit], out: BinaryIO) -> None:
    """Write the old file with the edits made: its bytes between them copied, the edits' bytes written."""
    position = 0
    for start, end, text in edits:
        _copy(source, position, start, out)
        out.write(text)
        position = end
    _copy(source, position, source.size, out)


def _copy(source: _OldFile, start: int, end: int, out: BinaryIO) -> None:
    """Copy the old file's bytes [start, end) to ``out``: by the kernel when there are many, else through Python."""
    if end - start >= _SMALL:
        start = _kernel_copy(source, start, end, out)
    while start < end:
        step = min(end, start + _BLOCK)
        out.write(source.read(start, step))
        start = step


def _kernel_copy(source: _OldFile, start: int, end: int, out: BinaryIO) -> int:
    """Copy what the kernel can of [start, end) to the end of ``out``'s written bytes; return where it stopped.

    Where the kernel cannot copy between these files (not Linux, another file
    system on an old kernel, a file system without support), it stops at once
    and the caller writes the bytes itself.
    """
    copy = getattr(os, "copy_file_range", None)
    try:
        out.flush()
        target = out.fileno()
    except io.UnsupportedOperation:  # not a file
        return start
    while copy is not None and start < end:
        try:
            copied = copy(source.descriptor, target, end - start, start)
        except OSError as exc:
            if exc.errno not in _NO_KERNEL_COPY:
                raise
            break
        if copied == 0:
            raise source.shrunk(start)
        start += copied
    out.seek(os.lseek(target, 0, os.SEEK_CUR))  # the buffer's idea of its position follows the kernel's writes
    return start
