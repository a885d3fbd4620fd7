"""Builds into an Oxigraph store that are all or nothing: made beside the store, then swapped into place.

An Oxigraph store is a folder of files that a build changes for minutes, and
Oxigraph's bulk loader is not transactional: a build killed midway would
leave a store half old, half new. So a build works on a store in a scratch
folder beside the real one (see kg.scratch): a new, empty store for a first
build, which keeps the bulk loader's speed, else a copy of the store
(``Store.backup``: on one filesystem, hard links to its immutable table
files, so it costs a few milliseconds whatever the store's size). When the
build is complete, the two folders are exchanged with one atomic rename
(``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two renames, with a
moment between them where the folder is missing), and the old store is
removed. A build killed before the exchange leaves the store as it was; the
next build removes the scratch folder it left.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
from pathlib import Path

from kg.errors import InputError, OutputError
from kg.scratch import remove_stale, scratch_folder

_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


class StagedStore:
    """A scratch store standing in for the one at ``directory`` until :meth:`commit` swaps it in."""

    def __init__(self, directory: Path, *, copy: bool) -> None:
        self.directory = Path(directory)
        remove_stale(self.directory)
        self.folder = _scratch(self.directory)
        self.path = self.folder / "store"
        if copy:
            self._copy()

    def _copy(self) -> None:
        import pyoxigraph

        try:
            pyoxigraph.Store.read_only(str(self.directory)).backup(str(self.path))
        except OSError as exc:
            self.discard()
            raise InputError(f"cannot copy the Oxigraph store at {self.directory} to update it: {exc}") from None

    def commit(self) -> None:
        """Put the scratch store in the store's place, atomically where the system allows, and drop the old one."""
        try:
            if self.directory.is_dir():
                os.chmod(self.path, stat.S_IMODE(self.directory.stat().st_mode))  # the store keeps its permissions
            if _is_full_folder(self.directory):
                _exchange(self.path, self.directory)
            else:
                os.replace(self.path, self.directory)  # no store yet, or an empty folder: one rename
        except OSError as exc:
            raise OutputError(f"{self.directory}: cannot put the new store in place ({exc.strerror or exc})") from None
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the scratch folder (after a commit: the old store)."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _scratch(directory: Path) -> Path:
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        return scratch_folder(directory)
    except OSError as exc:
        raise OutputError(f"{directory}: cannot make a folder beside it to build the store in "
                          f"({exc.strerror or exc})") from None


def _is_full_folder(path: Path) -> bool:
    return path.is_dir() and next(path.iterdir(), None) is not None


def _exchange(new: Path, old: Path) -> None:
    """Put ``new`` in ``old``'s place and ``old`` in the scratch folder: in one step on Linux, else in two."""
    if sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if hasattr(libc, "renameat2"):
            if libc.renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(old), _RENAME_EXCHANGE) == 0:
                return
            code = ctypes.get_errno()
            if code not in (errno.EINVAL, errno.ENOSYS):  # EINVAL: a filesystem that cannot exchange
                raise OSError(code, os.strerror(code))
    os.rename(old, new.with_name("old"))
    os.rename(new, old)
