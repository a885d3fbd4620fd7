"""Run the Oxigraph server shipped by the ``oxigraph`` package as bskg's SPARQL endpoint.

``OxigraphServer`` starts ``oxigraph serve-read-only`` (or ``serve``, the
read-write server, which only tests of pushing use) on a store directory
whose default graph holds the merged graphs (see kg.store.oxigraph; with
``union_default_graph`` for stores without one), waits until it accepts
connections, and stops it on exit: SIGTERM, then SIGKILL after a
grace period. On Linux the server also gets SIGTERM if bskg dies first, so no
server outlives it.

``CappedEndpoint`` is what ``bskg serve`` runs: that server on an internal
loopback port, behind the proxy of kg.store.proxy, which caps the size of
answers, on the address users reach.
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.children import die_with_parent
from kg.errors import BskgError, InputError
from kg.store import MAX_BYTES, MAX_ROWS
from kg.store.proxy import CappedProxy


class ServerError(BskgError):
    """The Oxigraph server binary is missing, or the server did not start."""


def find_oxigraph() -> str:
    """The ``oxigraph`` binary next to this Python (its venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise ServerError("the 'oxigraph' server binary was not found next to Python or on PATH; "
                          "install it with: pip install oxigraph")
    return found


def load_files(paths: list[Path], location: Path) -> Path:
    """Load RDF files into a new store at ``location`` (named graphs merged into the default graph), closed after."""
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(location, writable=True)
    try:
        for path in paths:
            store.load(Path(path))
    finally:
        store.close()
    return location


def free_port(host: str) -> int:
    """A TCP port free on ``host`` just now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class OxigraphServer:
    """An ``oxigraph serve-read-only`` (or ``serve``) process; use as a context manager."""

    def __init__(self, location: Path | None, *, host: str = "127.0.0.1", port: int = 0,
                 timeout_s: int | None = 60, read_only: bool = True, union_default_graph: bool = False,
                 ready_within_s: float = 20) -> None:
        self.location, self.host, self.timeout_s = location, host, timeout_s
        self.union_default_graph = union_default_graph
        self.port = port or free_port(host)
        self.read_only, self.ready_within_s = read_only, ready_within_s
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile(mode="w+")

    @property
    def url(self) -> str:
        """The base URL; SPARQL queries go to ``url + 'query'``, the browser query page is ``url``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def command(self) -> list[str]:
        host = f"[{self.host}]" if ":" in self.host else self.host
        command = [find_oxigraph(), "serve-read-only" if self.read_only else "serve"]
        if self.location is not None:
            command += ["--location", str(self.location)]
        elif self.read_only:
            raise ServerError("a read-only server needs a store directory")
        command += ["--bind", f"{host}:{self.port}"] + (["--union-default-graph"] if self.union_default_graph else [])
        return command + (["--timeout-s", str(self.timeout_s)] if self.timeout_s else [])

    def start(self) -> "OxigraphServer":
        if self.read_only and not Path(self.location).is_dir():
            raise InputError(f"no Oxigraph store at {self.location}")
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> "OxigraphServer":
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True,
                                        preexec_fn=die_with_parent if sys.platform == "linux" else None)
        deadline = time.monotonic() + self.ready_within_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._log.seek(0)
                raise ServerError(f"oxigraph server exited at start: {_last_line(self._log.read())}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.02)
        raise ServerError(f"oxigraph server did not accept connections within {self.ready_within_s:g} s")

    def wait(self) -> int:
        """Block until the server process ends; return its exit status."""
        return self.process.wait()

    def stop(self, grace_s: float = 5) -> None:
        """Terminate the server and reap it; kill it if it ignores SIGTERM."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(grace_s)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._log.close()

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class CappedEndpoint:
    """A read-only Oxigraph server on a loopback port, reached through a CappedProxy on ``host:port``."""

    def __init__(self, location: Path, *, host: str = "127.0.0.1", port: int = 0, timeout_s: int = 60,
                 union_default_graph: bool = False, max_rows: int = MAX_ROWS, max_bytes: int = MAX_BYTES) -> None:
        self.server = OxigraphServer(location, timeout_s=timeout_s, union_default_graph=union_default_graph)
        try:
            self.proxy = CappedProxy(host, port, (self.server.host, self.server.port), max_rows=max_rows,
                                     max_bytes=max_bytes, timeout_s=timeout_s)
        except OSError as exc:
            self.server.stop()
            raise ServerError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None

    @property
    def url(self) -> str:
        """The base URL users reach; SPARQL queries go to ``url + 'query'``."""
        return self.proxy.url

    def start(self) -> "CappedEndpoint":
        try:
            self.server.start()
        except BaseException:
            self.proxy.server_close()
            raise
        self.proxy.start()
        return self

    def wait(self) -> int:
        """Block until the Oxigraph server ends; return its exit status."""
        return self.server.wait()

    def stop(self) -> None:
        self.proxy.stop()
        self.server.stop()


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise KeyboardInterrupt as Ctrl-C does."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(no message)"
