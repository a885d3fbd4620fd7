"""bskg serve: a real read-only SPARQL endpoint on 127.0.0.1 that answers as bskg does in-process.

Each server is a real ``bskg serve`` subprocess on a free port (``--port 0``);
fixtures stop it in a finally block (SIGTERM, then SIGKILL after 10 s) and
every wait is bounded.
"""
from __future__ import annotations

import selectors
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.build import build
from kg.queries import format_rows, query_path
from kg.store import open_store
from kg.store.base import finish
from kg.store.serve import ServerError, find_oxigraph
from kg.store.terms import from_sparql_json
from tests.processes import alive, children

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
COMPETENCY = [f"cq{i:02d}" for i in range(1, 11)]
BSKG = [sys.executable, "-c", "from kg.cli import main; main()"]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name in ("meeting_delegation.txt", "usd_summit.txt", "funding_ceiling_eur.txt", "quote_block.txt",
                 "capability_list.txt", "reported_figures.txt", "relative_dates.txt", "acronym_in_brackets.txt"):
        shutil.copy(DOCUMENTS / name, folder / name)
    out = tmp_path_factory.mktemp("graph") / "graph.nq"
    build([folder], out)
    return out


def _as_from_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a runner started in the background (``nohup ... &``) ignores SIGINT,
    and a child inherits that, so 'bskg serve' would rightly not stop on it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_serve(*args: str, within_s: float = 30) -> tuple[subprocess.Popen, str]:
    """Start ``bskg serve ARGS --port 0`` and return it with its query URL, read from its first line."""
    process = subprocess.Popen([*BSKG, "serve", *args, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                               preexec_fn=_as_from_a_terminal)
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        if not selector.select(timeout=within_s):
            raise AssertionError(f"bskg serve printed nothing within {within_s} s")
        line = process.stdout.readline()
        if not line.startswith("SPARQL endpoint: "):
            raise AssertionError(f"unexpected first line {line!r}; stderr: {process.stderr.read()}")
        return process, line.split(": ", 1)[1].strip()
    except BaseException:
        stop(process)
        raise
    finally:
        selector.close()


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> int:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    for stream in (process.stdout, process.stderr):
        if stream:
            stream.close()
    return process.returncode


@pytest.fixture(scope="module")
def served(graph_file: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    process, url = start_serve("--data", str(graph_file), "--timeout-s", "30")
    try:
        yield process, url
    finally:
        stop(process)


def _sparqlwrapper_rows(url: str, text: str) -> tuple[list[str], list[list]]:
    client = SPARQLWrapper(url)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    columns = answer["head"]["vars"]
    return finish(text, columns, [[from_sparql_json(b.get(c)) for c in columns] for b in answer["results"]["bindings"]])


@pytest.mark.parametrize("name", COMPETENCY)
def test_serve_competency_answers_same_as_in_process(served: tuple, graph_file: Path, name: str) -> None:
    text = query_path(name).read_text(encoding="utf-8")
    expected = format_rows(*open_store("memory", [graph_file]).query(text), "csv")
    assert format_rows(*_sparqlwrapper_rows(served[1], text), "csv") == expected


def test_serve_refuses_update(served: tuple) -> None:
    url = served[1]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = _sparqlwrapper_rows(url, count)
    client = SPARQLWrapper(url.removesuffix("query") + "update")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }")
    with pytest.raises(Exception):
        client.query()
    request = urllib.request.Request(url.removesuffix("query") + "store?default", method="POST",
                                     data=b"<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n",
                                     headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code >= 400
    assert _sparqlwrapper_rows(url, count) == before


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp gives them) with a listening socket on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(hex_port, 16) == port:
                found.append(address)
    return found


def test_serve_listens_on_loopback_only(served: tuple) -> None:
    port = int(served[1].rsplit(":", 1)[1].split("/")[0])
    assert served[1].startswith("http://127.0.0.1:")
    assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing on 0.0.0.0 or ::


def test_serve_runs_oxigraph_read_only_with_timeout(served: tuple) -> None:
    (child,) = children(served[0].pid)
    command = Path(f"/proc/{child}/cmdline").read_bytes().decode().split("\0")
    assert "serve-read-only" in command and command[command.index("--timeout-s") + 1] == "30"
    assert command[command.index("--bind") + 1].startswith("127.0.0.1:")


def test_serve_query_page(served: tuple) -> None:
    with urllib.request.urlopen(served[1].removesuffix("query"), timeout=10) as page:
        assert page.status == 200 and "<html" in page.read().decode("utf-8", "replace").lower()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_stops_cleanly_leaving_no_process(graph_file: Path, sig: int) -> None:
    process, url = start_serve("--data", str(graph_file))
    try:
        servers = children(process.pid)
        assert len(servers) == 1 and alive(servers[0])
        assert stop(process, sig) == 0
        deadline = time.monotonic() + 10
        while alive(servers[0]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(servers[0])
        with pytest.raises(urllib.error.URLError):
            urllib.request.urlopen(url.removesuffix("query"), timeout=2)
    finally:
        stop(process, signal.SIGKILL)


def test_serve_store_directory(graph_file: Path, tmp_path: Path) -> None:
    directory = tmp_path / "store"
    open_store(f"oxigraph:{directory}", [graph_file]).close()
    process, url = start_serve("--store", str(directory))
    try:
        text = query_path("cq05").read_text(encoding="utf-8")
        expected = open_store("memory", [graph_file]).query(text)
        assert _sparqlwrapper_rows(url, text) == expected
    finally:
        stop(process)


def test_serve_without_store_or_data_fails() -> None:
    done = subprocess.run([*BSKG, "serve"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--store DIR or --data FILE" in done.stderr


def test_find_oxigraph_missing_binary_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServerError, match="pip install oxigraph"):
        find_oxigraph()


def test_find_oxigraph_prefers_the_one_beside_python(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "oxigraph").write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert find_oxigraph() == str(tmp_path / "oxigraph")
