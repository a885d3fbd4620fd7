"""bskg push: one named graph per document, replaced whole, into real SPARQL stores the tests start.

The Oxigraph server (``oxigraph serve``, read-write, in memory) is started
per test on a free 127.0.0.1 port; Virtuoso (Debian's virtuoso-opensource)
once per module, and only where ``virtuoso-t`` is installed. Both are
stopped in finally blocks, with bounded waits.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.queries import format_rows, query_path
from kg.store import open_store
from kg.store.push import file_graphs, push
from kg.store.remote import EndpointError, SparqlStore
from kg.store.serve import OxigraphServer, free_port

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
COMPETENCY = [f"cq{i:02d}" for i in range(1, 11)]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name in ("meeting_delegation.txt", "usd_summit.txt", "funding_ceiling_eur.txt", "quote_block.txt",
                 "capability_list.txt", "reported_figures.txt", "source_of_funds.txt", "acronym_in_brackets.txt"):
        shutil.copy(DOCUMENTS / name, folder / name)
    out = tmp_path_factory.mktemp("graph") / "graph.nq"
    build([folder], out)
    return out


@pytest.fixture
def oxigraph_rw() -> Iterator[str]:
    """A read-write ``oxigraph serve`` (in memory) whose default graph is the union of its graphs; its query URL."""
    server = OxigraphServer(None, read_only=False, union_default_graph=True, timeout_s=30)
    try:
        server.start()
        yield server.url + "query"
    finally:
        server.stop()


def _push(endpoint: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["push", "--endpoint", endpoint, *args])
    assert result.exit_code == 0, result.output
    return result.output


def _count(endpoint: str, text: str = COUNT) -> int:
    return int(open_store(f"sparql:{endpoint}").query(text)[1][0][0])


def _csv(store: object, name: str) -> str:
    return format_rows(*store.query(query_path(name).read_text(encoding="utf-8")), "csv")


def test_push_then_query_back_same_answers(oxigraph_rw: str, graph_file: Path) -> None:
    _push(oxigraph_rw, "--data", str(graph_file))
    memory, remote = open_store("memory", [graph_file]), open_store(f"sparql:{oxigraph_rw}")
    for name in COMPETENCY:
        assert _csv(remote, name) == _csv(memory, name), name


def test_push_twice_same_number_of_triples(oxigraph_rw: str, graph_file: Path) -> None:
    output = _push(oxigraph_rw, "--data", str(graph_file))
    first = _count(oxigraph_rw)
    assert first == len(set(graph_file.read_text(encoding="utf-8").splitlines()))
    assert f"({first} triples)" in output
    _push(oxigraph_rw, "--data", str(graph_file))
    assert _count(oxigraph_rw) == first
    assert _count(oxigraph_rw, GRAPHS) == len(list(file_graphs([graph_file])))


def test_push_replaces_each_graph_whole(oxigraph_rw: str, graph_file: Path, tmp_path: Path) -> None:
    _push(oxigraph_rw, "--data", str(graph_file))
    lines = graph_file.read_text(encoding="utf-8").splitlines()
    graph = lines[0].rsplit(" ", 2)[1]
    kept = [line for line in lines if not line.endswith(f"{graph} .")] + \
           [line for line in lines if line.endswith(f"{graph} .")][:5]
    smaller = tmp_path / "smaller.nq"
    smaller.write_text("\n".join(kept) + "\n", encoding="utf-8")
    _push(oxigraph_rw, "--data", str(smaller))
    assert _count(oxigraph_rw) == len(set(kept))


def test_push_from_oxigraph_store_same_as_from_file(oxigraph_rw: str, graph_file: Path, tmp_path: Path) -> None:
    open_store(f"oxigraph:{tmp_path / 'store'}", [graph_file]).close()
    _push(oxigraph_rw, "--store", f"oxigraph:{tmp_path / 'store'}")
    first = _count(oxigraph_rw)
    _push(oxigraph_rw, "--data", str(graph_file))
    assert _count(oxigraph_rw) == first == len(set(graph_file.read_text(encoding="utf-8").splitlines()))


def test_push_sparql_update_only_store_idempotent(oxigraph_rw: str, graph_file: Path) -> None:
    for _ in range(2):
        _push(oxigraph_rw, "--data", str(graph_file), "--method", "update")
    assert _count(oxigraph_rw) == len(set(graph_file.read_text(encoding="utf-8").splitlines()))


def test_push_falls_back_to_update_without_graph_store(oxigraph_rw: str, graph_file: Path) -> None:
    target = SparqlStore(oxigraph_rw, gsp_url=oxigraph_rw.removesuffix("query") + "no-graph-store-here")
    report = push(target, file_graphs([graph_file]))
    assert _count(oxigraph_rw) == report.triples


def test_push_to_read_only_server_fails_clearly(graph_file: Path, tmp_path: Path) -> None:
    open_store(f"oxigraph:{tmp_path / 'store'}", [graph_file]).close()
    with OxigraphServer(tmp_path / "store") as server:
        result = CliRunner().invoke(main, ["push", "--endpoint", server.url + "query", "--data", str(graph_file)])
    assert result.exit_code == 2 and "refused" in result.output and len(result.output.strip().splitlines()) == 1


def test_push_default_graph_file_refused(oxigraph_rw: str, tmp_path: Path) -> None:
    flat = tmp_path / "flat.nt"
    flat.write_text("<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["push", "--endpoint", oxigraph_rw, "--data", str(flat)])
    assert result.exit_code == 2 and "outside named graphs" in result.output


def test_push_needs_data_or_store() -> None:
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:1/query"])
    assert result.exit_code == 2 and "--data FILE... or --store SPEC" in result.output


def test_push_unreachable_endpoint_clear_error(graph_file: Path) -> None:
    target = SparqlStore(f"http://127.0.0.1:{free_port('127.0.0.1')}/query", timeout_s=5)
    with pytest.raises(EndpointError, match="unreachable"):
        push(target, file_graphs([graph_file]))


# --- Virtuoso, a second, independent engine -------------------------------------------------

VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private Virtuoso on free 127.0.0.1 ports whose SPARQL user may update; its /sparql URL."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not binary or not isql:
        pytest.skip("Virtuoso is not installed (Debian: apt-get install -y virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port("127.0.0.1"), free_port("127.0.0.1")
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    url = f"http://127.0.0.1:{http_port}/sparql"
    with open(folder / "out.log", "w") as log:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                   cwd=folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, (folder / "out.log").read_text()[-2000:]
            try:
                with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, "Virtuoso did not answer within 120 s"
                time.sleep(0.5)
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def test_push_virtuoso_twice_same_number_of_triples(virtuoso: str, graph_file: Path) -> None:
    graphs = [iri for iri, _ in file_graphs([graph_file])]
    per_graph = " ".join(f"<{iri}>" for iri in graphs)
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {per_graph} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    _push(virtuoso, "--data", str(graph_file))
    first = _count(virtuoso, count)
    assert first == len(set(graph_file.read_text(encoding="utf-8").splitlines()))
    _push(virtuoso, "--data", str(graph_file))
    assert _count(virtuoso, count) == first


@pytest.mark.parametrize("name", COMPETENCY)
def test_push_virtuoso_query_back_same_answers(virtuoso: str, graph_file: Path, name: str) -> None:
    _push(virtuoso, "--data", str(graph_file))
    got = _csv(open_store(f"sparql:{virtuoso}"), name)
    expected = _csv(open_store("memory", [graph_file]), name)
    # The same rows; Virtuoso's ORDER BY collates some strings differently ("GBP 3.5 ..." before "GBP 12 ...").
    assert got.splitlines()[0] == expected.splitlines()[0]
    assert sorted(got.splitlines()) == sorted(expected.splitlines())


def test_free_port_is_bindable() -> None:
    port = free_port("127.0.0.1")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))
