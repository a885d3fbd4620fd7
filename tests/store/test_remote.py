"""Querying a remote endpoint that misbehaves: one line naming the URL and the problem, exit 2.

The endpoint is a real HTTP server on 127.0.0.1 (the standard library's),
answering each query the way its path says: an error status, an answer cut
short, something that is not SPARQL JSON results.
"""
from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import QueryError
from kg.store.remote import EndpointError, SparqlStore

RESULTS = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://example.org/a"}}]}}'


class _Misbehaving(BaseHTTPRequestHandler):
    """Answers POST /KIND/query as KIND says."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        kind = self.path.strip("/").split("/")[0]
        if kind == "ok":
            self._answer(200, "application/sparql-results+json", RESULTS)
        elif kind == "missing":
            self._answer(404, "text/plain", b"Not found")
        elif kind == "failing":
            self._answer(500, "text/plain", b"Internal error:\nthe disk is full")
        elif kind == "capped":
            self._answer(413, "text/plain", b"the result has more than 5 rows (the --max-rows cap); add LIMIT\n")
        elif kind == "short":
            self._answer(200, "application/sparql-results+json", RESULTS[:50], length=len(RESULTS))
        elif kind == "chunked":
            self._chunked_cut_short()
        elif kind == "cut":
            self._answer(200, "application/sparql-results+json", RESULTS[:50], length=None)
        elif kind == "cancelled":
            self._answer(200, "application/sparql-results+json", RESULTS[:-3] + b"The SPARQL operation has been cancelled")
        elif kind == "page":
            self._answer(200, "text/html", b"<!DOCTYPE html><html><body>Welcome</body></html>")
        elif kind == "hangup":
            self.close_connection = True  # no answer at all

    def _answer(self, status: int, content_type: str, body: bytes, length: int | None = -1) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(len(body) if length == -1 else length))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def _chunked_cut_short(self) -> None:
        self.protocol_version = "HTTP/1.1"
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.write(b"%x\r\n%s\r\n" % (40, RESULTS[:40]) + b"%x\r\n" % 100 + RESULTS[40:60])
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of the misbehaving server."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Misbehaving)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        thread.join(10)
        httpd.server_close()


def _one_line_error(*args: str) -> str:
    result = CliRunner().invoke(main, ["query", "cq01", *args])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bskg: error: "), result.output
    return lines[0].removeprefix("bskg: error: ")


def test_healthy_server_answers(server: str) -> None:
    """The control: the same server answering properly gives rows."""
    columns, rows = SparqlStore(f"{server}/ok/query").query("SELECT ?s WHERE { ?s ?p ?o }")
    assert columns == ["s"] and [str(v) for v in rows[0]] == ["http://example.org/a"]


@pytest.mark.parametrize("kind, message", [
    ("missing", "answered an error: HTTP 404 Not Found: Not found (no SPARQL endpoint at this URL; "
                "an Oxigraph server's ends in /query)"),
    ("failing", "answered an error: HTTP 500 Internal Server Error: Internal error: the disk is full"),
    ("capped", "answered an error: HTTP 413 Request Entity Too Large: the result has more than 5 rows "
               "(the --max-rows cap); add LIMIT"),
    ("short", f"broke off its answer after 50 bytes of the {len(RESULTS)} it announced"),
    ("chunked", "broke off its answer after"),
    ("cut", "sent an answer that is cut off or not SPARQL JSON results (invalid JSON at byte "),
    ("cancelled", "sent an answer that is cut off or not SPARQL JSON results (invalid JSON at byte "),
    ("page", "sent an answer that is cut off or not SPARQL JSON results (invalid JSON at byte 0 of 48"),
    ("hangup", "closed the connection without a complete answer (Remote end closed connection without response)"),
])
def test_misbehaving_endpoint_one_line_naming_url_and_problem(server: str, kind: str, message: str) -> None:
    url = f"{server}/{kind}/query"
    line = _one_line_error("--endpoint", url, "--timeout-s", "30")
    assert line.startswith(f"{url} {message}"), line
    assert "Traceback" not in line and "JSONDecodeError" not in line and "EndPointNotFound" not in line


def test_cancelled_answer_shows_how_it_ends(server: str) -> None:
    with pytest.raises(EndpointError, match="it ends '.*The SPARQL operation has been cancelled'"):
        SparqlStore(f"{server}/cancelled/query").query("SELECT ?s WHERE { ?s ?p ?o }")


def test_unreachable_endpoint_names_url() -> None:
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/query"
    assert _one_line_error("--endpoint", url).startswith(f"{url} is unreachable: ")


def test_only_select_is_sent(server: str) -> None:
    for text in ("ASK { ?s ?p ?o }", "PREFIX select: <http://x/> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"):
        with pytest.raises(QueryError, match="only SELECT"):
            SparqlStore(f"{server}/ok/query").query(text)
