"""Security: parameters cannot change a query, the endpoint is read-only, loopback, time- and size-limited,
and RDF from outside is read without reaching out (no XML entities, no remote JSON-LD contexts).

Injection is tried through ``bskg query --param`` on all three backends (rdflib
in memory, an Oxigraph store, a served endpoint) and through the Python API
``kg.query``: every attempt either matches nothing (the value is compared as one
literal) or is refused as a bad parameter, and the data is unchanged after.
"""
from __future__ import annotations

import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from kg.errors import BskgError, InputError
from robust_support import RELEASE, bskg

LABEL_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?thing WHERE { ?thing rdfs:label ?name }
"""
COUNT_QUERY = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }\n"
KNOWN_LABEL = "James Cleverly"
INJECTIONS = [
    'x" } ; DROP ALL ; #',
    'x" . } UNION { ?thing ?p ?name } #',
    "x' } UNION { ?thing ?p ?name } #",
    'x"^^<http://www.w3.org/2001/XMLSchema#string> } UNION { ?thing ?p ?o } #',
    '"""x""" } UNION { ?thing ?p ?o } #',
    'x\\" } UNION { ?thing ?p ?o } #',
    'x" } ; INSERT DATA { <http://evil.example/s> <http://evil.example/p> "o" } ; #',
    'x"@en } UNION { ?thing ?p ?o } #',
    "x\n} UNION { ?thing ?p ?o }\n#",
    '2024-01-01" } UNION { ?thing ?p ?o } #',
    "<http://evil.example/> } UNION { ?thing ?p ?o } # >",
    "<http://evil.example/x> ) } UNION { ?thing ?p ?o } #>",
    "http://evil.example/x>",
    "$name",
    "?thing",
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sec") / "graph.nq"
    result = bskg("build", str(RELEASE), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def queries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("rq")
    (folder / "labels.rq").write_text(LABEL_QUERY, encoding="utf-8")
    (folder / "count.rq").write_text(COUNT_QUERY, encoding="utf-8")
    return folder / "labels.rq", folder / "count.rq"


@pytest.fixture(scope="module")
def store(graph: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.store import open_store

    directory = tmp_path_factory.mktemp("store") / "oxigraph"
    open_store(f"oxigraph:{directory}", [graph]).close()
    return directory


def start_serve(*args: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", *args, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, start_new_session=True)
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=60)
    line = process.stdout.readline() if ready else ""
    if not line.startswith("SPARQL endpoint: "):
        stop_serve(process)
        raise AssertionError(f"bskg serve did not start: {line!r}")
    return process, line.split(": ", 1)[1].strip()


def stop_serve(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    for stream in (process.stdout, process.stderr):
        stream.close()


@pytest.fixture(scope="module")
def endpoint(store: Path) -> Iterator[str]:
    process, url = start_serve("--store", str(store), "--timeout-s", "2")
    try:
        yield url
    finally:
        stop_serve(process)


def backend_args(kind: str, graph: Path, store: Path, endpoint: str) -> list[str]:
    return {"memory": ["--data", str(graph)], "oxigraph": ["--store", f"oxigraph:{store}"],
            "endpoint": ["--endpoint", endpoint]}[kind]


BACKENDS = ["memory", "oxigraph", "endpoint"]


@pytest.mark.parametrize("kind", BACKENDS)
def test_param_known_value_matches(kind: str, graph: Path, store: Path, endpoint: str, queries) -> None:
    """The control: the same query finds things when the parameter is an honest label."""
    result = bskg("query", str(queries[0]), *backend_args(kind, graph, store, endpoint), "--param",
                  f"name={KNOWN_LABEL}", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) > 1


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize("payload", INJECTIONS)
def test_param_injection_matches_nothing_and_changes_nothing(kind: str, payload: str, graph: Path, store: Path,
                                                             endpoint: str, queries) -> None:
    where = backend_args(kind, graph, store, endpoint)
    before = _triples(tuple(where), queries[1])
    result = bskg("query", str(queries[0]), *where, "--param", f"name={payload}", "--format", "csv")
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert result.stdout.splitlines() == ["thing"], result.stdout  # the header, and no row
        assert result.stderr == ""
    else:  # refused as a bad parameter (an IRI that is no IRI), in one line
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "bad --param name" in result.stderr
    after = bskg("query", str(queries[1]), *where, "--format", "csv")
    assert after.returncode == 0 and after.stdout == before


_TRIPLES: dict[tuple[str, ...], str] = {}


def _triples(where: tuple[str, ...], count_query: Path) -> str:
    """The triple count a backend answered before any injection was tried (asked once)."""
    if where not in _TRIPLES:
        result = bskg("query", str(count_query), *where, "--format", "csv")
        assert result.returncode == 0, result.stderr
        _TRIPLES[where] = result.stdout
    return _TRIPLES[where]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_python_api_injection_matches_nothing(payload: str, graph: Path, store: Path) -> None:
    for where in ({"data": graph}, {"store": f"oxigraph:{store}"}):
        assert len(kg.query(LABEL_QUERY, **where, name=KNOWN_LABEL)) > 0
        before = kg.query(COUNT_QUERY, **where)
        try:
            rows = kg.query(LABEL_QUERY, **where, name=payload)
        except BskgError as error:
            assert "not a valid absolute IRI" in str(error)
        else:
            assert rows == []
        assert kg.query(COUNT_QUERY, **where) == before


def test_python_api_rdflib_term_parameter_is_a_term_not_text(graph: Path) -> None:
    from rdflib import Literal

    assert kg.query(LABEL_QUERY, data=graph, name=Literal('x" } UNION { ?thing ?p ?o } #')) == []


# --- the served endpoint ------------------------------------------------------------------------------------------

def test_serve_defaults_to_loopback() -> None:
    result = bskg("serve", "--help")
    assert "default: 127.0.0.1" in result.stdout.replace("\n", " ").replace("  ", " ")


def test_endpoint_refuses_updates(endpoint: str, queries) -> None:
    base = endpoint.removesuffix("query")
    body = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    for url, data, headers in ((base + "update", body, {"Content-Type": "application/x-www-form-urlencoded"}),
                               (base + "store?default", b"<http://e/s> <http://e/p> <http://e/o> .\n",
                                {"Content-Type": "application/n-triples"})):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers, method="POST"), timeout=10)
        assert 400 <= refused.value.code < 500
    count = bskg("query", str(queries[1]), "--endpoint", endpoint, "--format", "csv")
    assert count.returncode == 0 and int(count.stdout.splitlines()[1]) > 100


def test_endpoint_query_timeout_ends_a_runaway_query(endpoint: str, tmp_path: Path) -> None:
    """A query that would run for hours (a triple cross product) is cut off by the server's --timeout-s 2."""
    runaway = tmp_path / "runaway.rq"
    runaway.write_text("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n", encoding="utf-8")
    started = time.monotonic()
    result = bskg("query", str(runaway), "--endpoint", endpoint, "--timeout-s", "120")
    elapsed = time.monotonic() - started
    assert elapsed < 60, elapsed
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_endpoint_caps_result_size(store: Path, graph: Path, tmp_path: Path) -> None:
    """An answer over --max-rows is refused whole, in one line naming the cap; one within it is the file's answer."""
    process, url = start_serve("--store", str(store), "--max-rows", "5")
    try:
        within, over = tmp_path / "within.rq", tmp_path / "over.rq"
        for path, limit in ((within, 5), (over, 6)):
            path.write_text(f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o }} ORDER BY ?s LIMIT {limit}\n", encoding="utf-8")
        answered = bskg("query", str(within), "--endpoint", url, "--format", "csv")
        assert answered.returncode == 0, answered.stderr
        assert answered.stdout == bskg("query", str(within), "--data", str(graph), "--format", "csv").stdout
        assert len(answered.stdout.splitlines()) == 6
        refused = bskg("query", str(over), "--endpoint", url, "--format", "csv")
        assert refused.returncode == 2 and refused.stdout == "" and refused.stderr.count("\n") == 1
        assert refused.stderr == (f"bskg: error: {url} answered an error: HTTP 413 Request Entity Too Large: the result "
                                  "has more than 5 rows (the --max-rows cap); add LIMIT to the query\n")
    finally:
        stop_serve(process)


# --- RDF from outside -------------------------------------------------------------------------------------------

XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://x/">
<rdf:Description rdf:about="http://x/a"><x:p>&h;</x:p></rdf:Description></rdf:RDF>
"""


@pytest.mark.parametrize("suffix", [".rdf", ".owl", ".xml"])
def test_rdf_xml_refused_everywhere(suffix: str, tmp_path: Path) -> None:
    from kg.rdf.io import read_dataset
    from kg.store import open_store
    from kg.validate import validate_files

    path = tmp_path / f"bomb{suffix}"
    path.write_text(XML_BOMB, encoding="utf-8")
    for read in (lambda: read_dataset([path]), lambda: kg.load(path), lambda: validate_files([path], reasoner=False),
                 lambda: open_store(f"oxigraph:{tmp_path / 'store'}", [path])):
        with pytest.raises(InputError, match="not accepted"):
            read()


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.setblocking(False)
        yield server


def _connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


@pytest.mark.parametrize("context", ['"http://127.0.0.1:{port}/context.jsonld"',
                                     '["http://127.0.0.1:{port}/context.jsonld", {{"x": "http://x/"}}]',
                                     '{{"@import": "http://127.0.0.1:{port}/context.jsonld"}}'])
def test_jsonld_remote_context_refused_and_never_fetched(context: str, listener: socket.socket, tmp_path: Path) -> None:
    from kg.rdf.io import read_dataset
    from kg.validate import validate_files

    port = listener.getsockname()[1]
    path = tmp_path / "remote.jsonld"
    path.write_text(f'{{"@context": {context.format(port=port)}, "@id": "http://x/a", "x:p": "v"}}', encoding="utf-8")
    for read in (lambda: read_dataset([path]), lambda: validate_files([path], reasoner=False)):
        with pytest.raises(InputError, match="remote JSON-LD context"):
            read()
    assert not _connected(listener), "bskg opened a connection to the address the file names"


def test_jsonld_inline_context_still_read(tmp_path: Path) -> None:
    from kg.rdf.io import read_dataset

    path = tmp_path / "inline.jsonld"
    path.write_text('{"@context": {"x": "http://x/"}, "@id": "http://x/a", "x:p": "v"}', encoding="utf-8")
    assert len(read_dataset([path])) == 1
