"""Temporary files and folders beside an output, named so that those a killed build left can be found and removed.

Every output is made beside where it goes and renamed into place, so the
temporaries live in the output's folder: ``.NAME.tmp.PID.XXXXXXXX``, NAME
the output's name and PID the process making it. A build killed with SIGKILL
cannot remove its own; the next build of the same output removes those of
processes no longer running (and those, without a PID, that bskg versions
before this naming left, once an hour old).
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

_LEGACY_AGE_S = 3600


def _prefix(path: Path) -> str:
    """The start of the names of this process's temporaries for ``path``."""
    return f".{path.name}.tmp.{os.getpid()}."


def scratch_file(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``: (open descriptor, name), as ``tempfile.mkstemp`` gives."""
    return tempfile.mkstemp(prefix=_prefix(path), dir=path.parent)


def scratch_folder(path: Path) -> Path:
    """A new temporary folder beside ``path``."""
    return Path(tempfile.mkdtemp(prefix=_prefix(path), dir=path.parent))


def remove_stale(path: Path) -> list[Path]:
    """Remove the temporaries beside ``path`` that no running process owns; return them."""
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return []
    ours = re.compile(re.escape(f".{path.name}.tmp.") + r"(?:(\d+)\.)?[^.]+$")
    legacy = re.compile(re.escape(f".{path.name}.") + r"[^.]+\.tmp$")  # atomic writes before the PID was named
    removed = []
    for sibling in siblings:
        match = ours.fullmatch(sibling.name)
        if match and match.group(1):
            stale = not _running(int(match.group(1)))
        else:
            stale = bool(match or legacy.fullmatch(sibling.name)) and _older_than(sibling, _LEGACY_AGE_S)
        if stale and _remove(sibling):
            removed.append(sibling)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > seconds
    except OSError:
        return False


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        return False
    return True
