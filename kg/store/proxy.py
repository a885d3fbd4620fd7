"""A read-only HTTP proxy in front of the Oxigraph server that caps the size of its answers.

Oxigraph's server (0.5) bounds a query only by time (``--timeout-s``), and an
answer it cuts off that way still ends as a success: the error message is
appended to the rows already sent, under status 200. ``bskg serve`` therefore
runs ``oxigraph serve-read-only`` on an internal loopback port and puts this
proxy on the address users reach. It forwards reads (GET and HEAD of any path;
POST of a query to ``/query`` or ``/sparql``), refuses updates (403), and
holds each answer until it is complete. An answer larger than ``max_bytes``,
with more than ``max_rows`` rows (SPARQL results as JSON, XML, CSV or TSV;
graph answers are capped by bytes only), or that broke off, is replaced by an
HTTP error whose text body says why in one line: a client never gets a
silently truncated answer.
"""
from __future__ import annotations

import http.client
import re
import socket
import socketserver
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.store import MAX_BYTES, MAX_ROWS

_MAX_QUERY = 16 << 20  # bytes of a POSTed query
_CHUNK = 1 << 20
_GRACE_S = 30
_QUERY_PATHS = ("/query", "/sparql")
_NOT_FORWARDED = {"connection", "keep-alive", "transfer-encoding", "te", "upgrade", "trailer", "proxy-connection",
                  "proxy-authorization", "proxy-authenticate",  # hop by hop
                  "content-length", "accept-encoding", "server", "date"}  # set by the proxy itself
_CANCELLED = b"The SPARQL operation has been cancelled"
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"{}[]")


class Refusal(Exception):
    """An answer the proxy sends instead of the upstream one: an HTTP status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def count_rows(content_type: str, body: bytes) -> int | None:
    """The rows of a SPARQL results document (JSON, XML, CSV, TSV); None for other content."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("application/sparql-results+json", "application/json"):
        return _json_rows(body)
    if kind == "application/sparql-results+xml":
        return len(re.findall(rb"<result[\s>]", body))
    if kind == "text/csv":
        return max(0, _lines(b"".join(body.split(b'"')[::2]), body) - 1)  # quoted fields may hold line breaks
    if kind in ("text/tab-separated-values", "text/tsv"):
        return max(0, _lines(body, body) - 1)
    return None


def _lines(unquoted: bytes, body: bytes) -> int:
    if body.strip() in (b"true", b"false"):
        return 1  # a boolean answer: no header, no rows
    return unquoted.count(b"\n") + (1 if body and not body.endswith(b"\n") else 0)


def _json_rows(body: bytes) -> int:
    """The objects directly inside results.bindings: the objects four brackets deep."""
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKET)
    opening = b"{["
    depth = rows = 0
    for bracket in brackets:
        if bracket in opening:
            depth += 1
            if depth == 4 and bracket == opening[0]:
                rows += 1
        else:
            depth -= 1
    return rows


def complete(content_type: str, body: bytes) -> bool:
    """Whether a streamed answer ends as its format ends (Oxigraph appends an error message when it breaks off).

    Formats other than SPARQL results, N-Triples and N-Quads are taken as complete.
    """
    kind = content_type.split(";")[0].strip().lower()
    ending = body.rstrip()
    if kind in ("application/sparql-results+json", "application/json"):
        return ending.endswith(b"}")
    if kind == "application/sparql-results+xml":
        return ending.endswith(b"</sparql>")
    if kind in ("text/csv", "text/tab-separated-values", "text/tsv", "application/n-triples", "application/n-quads"):
        return not body or body.endswith(b"\n") or ending in (b"true", b"false")
    return True


class _Handler(BaseHTTPRequestHandler):
    """One client request: refused, or forwarded and its answer checked before it is passed on."""

    server: "CappedProxy"
    protocol_version = "HTTP/1.1"
    timeout = 120  # seconds a client may stay silent while sending a request or reading an answer

    def do_GET(self) -> None:
        self._forward(None)

    def do_HEAD(self) -> None:
        self._forward(None)

    def do_POST(self) -> None:
        try:
            self._forward(self._query_body())
        except Refusal as refusal:
            self._send_text(refusal.status, str(refusal))

    def do_PUT(self) -> None:
        self._send_text(403, "bskg serve is read-only: updates are refused")

    do_DELETE = do_PATCH = do_PUT

    def _query_body(self) -> bytes:
        path = self.path.split("?", 1)[0]
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if path not in _QUERY_PATHS or kind == "application/sparql-update":
            raise Refusal(403, "bskg serve is read-only: updates are refused")
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise Refusal(411, "send the query with a Content-Length header")
        if int(length) > _MAX_QUERY:
            raise Refusal(413, f"the query is larger than {_MAX_QUERY >> 20} MB")
        body = self.rfile.read(int(length))
        if kind == "application/x-www-form-urlencoded" and re.search(rb"(^|&)update=", body):
            raise Refusal(403, "bskg serve is read-only: updates are refused")
        return body

    def _forward(self, body: bytes | None) -> None:
        if self.path.split("?", 1)[0] == "/update":
            return self._send_text(403, "bskg serve is read-only: updates are refused")
        try:
            status, headers, answer = self.server.ask(self.command, self.path, self._upstream_headers(), body)
        except Refusal as refusal:
            return self._send_text(refusal.status, str(refusal))
        self._send(status, headers, answer)

    def _upstream_headers(self) -> dict[str, str]:
        return {name: value for name, value in self.headers.items() if name.lower() not in _NOT_FORWARDED}

    def _send_text(self, status: int, text: str) -> None:
        self.close_connection = True  # a refused request's body may be unread: the connection cannot go on
        self._send(status, [("Content-Type", "text/plain; charset=utf-8")], (text + "\n").encode("utf-8"))

    def _send(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in _NOT_FORWARDED:
                self.send_header(name, value)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            view = memoryview(body)
            for start in range(0, len(body), _CHUNK):  # the socket timeout then bounds each piece, not the whole
                self.wfile.write(view[start:start + _CHUNK])

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: clients get every error in the answer; ``bskg serve`` keeps its terminal for its own lines."""


class CappedProxy(ThreadingHTTPServer):
    """The proxy on ``(host, port)`` (port 0: any free one) in front of the server at ``upstream`` (host, port)."""

    daemon_threads = True

    def __init__(self, host: str, port: int, upstream: tuple[str, int], *, max_rows: int = MAX_ROWS,
                 max_bytes: int = MAX_BYTES, timeout_s: float = 60) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.upstream, self.max_rows, self.max_bytes, self.timeout_s = upstream, max_rows, max_bytes, timeout_s
        self._thread: threading.Thread | None = None
        super().__init__((host, port), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away is no error; anything else is a bug, reported in one line."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            detail = " ".join(str(error).split())[:300]
            print(f"bskg: internal error in the proxy: {type(error).__name__}: {detail} (a bug; please report it)",
                  file=sys.stderr)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's also looks the host name up, which can stall
        self.server_name, self.server_port = self.server_address[:2]

    @property
    def url(self) -> str:
        host = f"[{self.server_name}]" if ":" in self.server_name else self.server_name
        return f"http://{host}:{self.server_port}/"

    def start(self) -> "CappedProxy":
        self._thread = threading.Thread(target=self.serve_forever, name="bskg-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()

    def ask(self, method: str, path: str, headers: dict[str, str], body: bytes | None) -> tuple[int, list, bytes]:
        """The upstream answer (status, headers, body), or a Refusal saying why it cannot be passed on."""
        wait_s = self.timeout_s + _GRACE_S  # the server cancels a query at timeout_s, but not always at once
        connection = http.client.HTTPConnection(*self.upstream, timeout=wait_s)
        try:
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
            except TimeoutError:
                raise Refusal(504, f"the SPARQL server did not answer within {wait_s:g} s") from None
            except (OSError, http.client.HTTPException) as exc:
                raise Refusal(502, f"the SPARQL server is not answering ({exc or type(exc).__name__})") from None
            answer = self._read(response)
        finally:
            connection.close()
        if response.status == 200:
            self._check(response.getheader("Content-Type") or "", answer)
        return response.status, response.getheaders(), answer

    def _read(self, response: http.client.HTTPResponse) -> bytes:
        pieces, held = [], 0
        while piece := _piece(response):
            held += len(piece)
            if held > self.max_bytes:
                raise Refusal(413, f"the result is larger than {_size(self.max_bytes)} (the --max-bytes cap); "
                                   "add LIMIT to the query or select fewer columns")
            pieces.append(piece)
        return b"".join(pieces)

    def _check(self, content_type: str, body: bytes) -> None:
        if body.endswith(_CANCELLED):
            raise Refusal(504, f"the query ran longer than {self.timeout_s:g} s (the --timeout-s limit) and was "
                               "cancelled; add LIMIT to the query or make it more selective")
        if not complete(content_type, body):
            tail = " ".join(body[-120:].decode("utf-8", "replace").split())
            raise Refusal(502, f"the SPARQL server broke off its answer; it ends: {tail}")
        rows = count_rows(content_type, body)
        if rows is not None and rows > self.max_rows:
            raise Refusal(413, f"the result has more than {self.max_rows} rows (the --max-rows cap); "
                               "add LIMIT to the query")


def _piece(response: http.client.HTTPResponse) -> bytes:
    try:
        return response.read1(_CHUNK)
    except TimeoutError:
        raise Refusal(504, "the SPARQL server stopped sending its answer") from None
    except (OSError, http.client.HTTPException) as exc:
        raise Refusal(502, f"the SPARQL server broke off its answer ({type(exc).__name__})") from None


def _size(count: int) -> str:
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count} bytes"
