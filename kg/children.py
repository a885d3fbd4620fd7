"""Child processes (extraction workers, the Oxigraph server) that end when bskg ends, even when it is killed.

A process killed with SIGKILL cannot stop its children: without this, pool
workers finish their document, find the pipe to the dead parent broken and
print a BrokenPipeError traceback, and a server keeps its port. On Linux the
child asks the kernel for a signal when its parent dies (PR_SET_PDEATHSIG);
elsewhere nothing is done.
"""
from __future__ import annotations

import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM, parent: int | None = None) -> None:
    """In a child: receive ``sig`` when the parent dies; exit now if ``parent`` (its pid) is already gone."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, sig)
    except OSError:
        return
    if parent is not None and os.getppid() != parent:
        os._exit(0)  # the parent died before the request was made
