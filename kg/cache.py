"""bskg's per-user cache: data derived from bundled files, kept under a name made from their content.

Reading the gazetteers' YAML takes about half a second, longer than
extracting one release, so a rebuild after one document changes would spend
most of its time there. What is derived from files is kept here, pickled,
under a name that hashes those files' bytes, the code that reads them and
the Python version: any change to them names another file, so a stale
entry is never read. A cache that cannot be read or written is passed by,
never an error: the value is then made afresh.

The folder is ``$BSKG_CACHE``, else ``$XDG_CACHE_HOME/bskg`` or ``~/.cache/bskg``.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """Where bskg caches what it derives."""
    if os.environ.get("BSKG_CACHE"):
        return Path(os.environ["BSKG_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bskg"


def content_key(sources: Iterable[Path]) -> str:
    """A name for what ``sources`` hold: their bytes, in order, with the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sources:
        data = path.read_bytes() if path.is_file() else b""
        digest.update(f"\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:24]


def cached(kind: str, sources: Iterable[Path], make: Callable[[], T]) -> T:
    """The value ``make()`` derives from ``sources``: from the cache when kept there, else made and kept."""
    path = cache_dir() / f"{kind}-{content_key(sources)}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # absent, unreadable or from a broken write: make it afresh
        pass
    value = make()
    _keep(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def _keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file; a cache that cannot be written is left alone."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
