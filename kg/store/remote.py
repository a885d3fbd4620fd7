"""A remote SPARQL 1.1 endpoint: queries with SPARQLWrapper, graphs written with the Graph Store Protocol.

Bindings reach the endpoint only as a VALUES block that
:func:`kg.store.sparql_text.with_values` writes with escaped terms; a
parameter value is never formatted into the query text any other way.

Queries read the endpoint's default graph. ``bskg serve`` serves a store whose
default graph is the merge of all document graphs. A store that bskg pushed
to has only the per-document graphs: query it through its union default
graph (Oxigraph ``--union-default-graph``; Virtuoso does so unless told
otherwise), where a triple stated by several documents is found once per
document. The bundled queries use DISTINCT so that their answers stay the
same there, but joins through shared entity triples grow with the number of
documents that repeat them.

Whatever goes wrong is one line naming the URL and the problem: the endpoint
unreachable or silent past the timeout, an HTTP error status (with the first
line of its body), an answer that broke off or is not SPARQL JSON results.

URLs: the query URL given (``.../query`` as Oxigraph names it, or
``.../sparql``) determines the others unless they are given: Oxigraph's
``/update`` and ``/store`` beside ``/query``; for ``/sparql`` the same URL for
updates and ``/sparql-graph-crud`` (Virtuoso) for the Graph Store Protocol.
"""
from __future__ import annotations

import ast
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib.term import Node

from kg.errors import BskgError, QueryError
from kg.store.base import GraphData, Row, finish, graph_ntriples
from kg.store.sparql_text import with_values
from kg.store.terms import from_sparql_json, sparql_iri

if TYPE_CHECKING:
    from SPARQLWrapper import SPARQLWrapper


class EndpointError(BskgError):
    """A SPARQL endpoint is unreachable, too slow, or answers an error."""


def endpoint_urls(url: str) -> tuple[str, str, str]:
    """(query, update, graph store) URLs for an endpoint URL or an Oxigraph server's base URL."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"bad endpoint URL {url!r}: expected http(s)://host:port/...")
    path = parts.path.rstrip("/")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, path.rsplit("/", 1)[0] if path else "", "", ""))
    if path.endswith("/sparql"):
        return url, url, base + "/sparql-graph-crud"
    if path.endswith("/query"):
        return url, base + "/update", base + "/store"
    root = urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return root + "/query", root + "/update", root + "/store"


class SparqlStore:
    """A SPARQL 1.1 endpoint over HTTP."""

    def __init__(self, url: str, *, timeout_s: float = 60, update_url: str | None = None,
                 gsp_url: str | None = None, method: str = "auto") -> None:
        self.query_url, default_update, default_gsp = endpoint_urls(url)
        self.update_url = update_url or default_update
        self.gsp_url = gsp_url or default_gsp
        self.timeout_s = timeout_s
        self.method = method  # "auto" (GSP, else SPARQL Update), "gsp" or "update"

    def query(self, text: str, bindings: dict[str, Node] | None = None) -> tuple[list[str], list[Row]]:
        answer = _results(self.query_url, self._ask(self._client(with_values(text, bindings or {}))))
        columns = list(answer["head"].get("vars", []))
        rows = [[from_sparql_json(b.get(c)) for c in columns] for b in answer["results"]["bindings"]]
        return finish(text, columns, rows)

    def _client(self, text: str) -> SPARQLWrapper:
        """A SPARQLWrapper request for a SELECT query: POSTed, form-encoded, JSON results, with the timeout."""
        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper

        client = SPARQLWrapper(self.query_url)
        client.setQuery(text)
        if client.queryType != "SELECT":
            raise QueryError("only SELECT queries can be run here")
        client.setReturnFormat(JSON)
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setTimeout(max(1, round(self.timeout_s)))
        return client

    def _ask(self, client: SPARQLWrapper) -> bytes:
        """Send the query; the answer's bytes, read whole."""
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        try:
            with client.query().response as response:
                return response.read()
        except SPARQLWrapperException as exc:  # SPARQLWrapper's names for HTTP 400, 401, 404, 414 and 500
            status = _STATUS[type(exc).__name__]
            raise self._refused(status, _wrapped_body(exc)) from None
        except urllib.error.HTTPError as exc:
            raise self._refused(exc.code, _body(exc)) from None
        except http.client.IncompleteRead as exc:
            announced = f" of the {len(exc.partial) + exc.expected} it announced" if exc.expected else ""
            raise EndpointError(f"{self.query_url} broke off its answer after {len(exc.partial)} bytes{announced}") \
                from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise self._failure(exc) from None

    def _refused(self, status: int, body: str) -> EndpointError:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:  # a status no standard names
            phrase = "(unknown status)"
        return EndpointError(f"{self.query_url} answered an error: HTTP {status} {phrase}: "
                             f"{body or '(no message)'}{_hint(status)}")

    def _failure(self, exc: Exception) -> EndpointError:
        reason = getattr(exc, "reason", None) or exc
        if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError
            return EndpointError(f"{self.query_url} did not answer within {self.timeout_s:g} s")
        text = " ".join(str(reason).split()) or type(reason).__name__
        if isinstance(exc, (http.client.HTTPException, ConnectionResetError)):
            return EndpointError(f"{self.query_url} closed the connection without a complete answer ({text})")
        return EndpointError(f"{self.query_url} is unreachable: {text}")

    def load(self, path: Path) -> None:
        """Replace, on the endpoint, each named graph the file holds."""
        from kg.store.push import file_graphs

        for iri, text in file_graphs([Path(path)]):
            self.replace_graph(iri, text)

    def add_graph(self, iri: str, data: GraphData) -> None:
        text = graph_ntriples(iri, data)
        if self.method != "update" and self._gsp("POST", iri, text):
            return
        self._update(f"INSERT DATA {{ GRAPH {sparql_iri(iri)} {{\n{text}}} }}")

    def replace_graph(self, iri: str, data: GraphData) -> None:
        """Graph Store Protocol PUT; where the store has none, DROP SILENT GRAPH + INSERT DATA in one request."""
        text = graph_ntriples(iri, data)
        if self.method != "update" and self._gsp("PUT", iri, text):
            return
        graph = sparql_iri(iri)
        self._update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{text}}} }}")

    def _gsp(self, verb: str, iri: str, ntriples: str) -> bool:
        """Send one graph with the Graph Store Protocol; False if the store does not offer it."""
        url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': iri})}"
        request = urllib.request.Request(url, data=ntriples.encode("utf-8"), method=verb,
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                response.read()
            return True
        except urllib.error.HTTPError as exc:
            if self.method == "auto" and exc.code in (404, 405, 501):
                return False
            raise EndpointError(f"{self.gsp_url} refused {verb} of <{iri}>: HTTP {exc.code} {_body(exc)}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise EndpointError(f"{self.gsp_url} is unreachable: {getattr(exc, 'reason', exc)}") from None

    def _update(self, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        request = urllib.request.Request(self.update_url, data=body, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{self.update_url} refused the update: HTTP {exc.code} {_body(exc)}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise EndpointError(f"{self.update_url} is unreachable: {getattr(exc, 'reason', exc)}") from None

    def close(self) -> None:
        pass


def _results(url: str, data: bytes) -> dict:
    """The SPARQL JSON results in an answer, or an EndpointError saying how it falls short."""
    try:
        answer = json.loads(data)
    except ValueError as exc:
        tail = " ".join(data[-80:].decode("utf-8", "replace").split())
        where = f"at byte {exc.pos} of {len(data)}" if hasattr(exc, "pos") else f"in {len(data)} bytes"
        raise EndpointError(f"{url} sent an answer that is cut off or not SPARQL JSON results (invalid JSON {where}: "
                            f"{getattr(exc, 'msg', exc)}; it ends {tail!r})") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("results"), dict) \
            or not isinstance(answer["results"].get("bindings"), list) or not isinstance(answer.get("head"), dict):
        raise EndpointError(f"{url} did not answer with SPARQL JSON results (head and results.bindings)")
    return answer


def _hint(status: int) -> str:
    if status == 404:
        return " (no SPARQL endpoint at this URL; an Oxigraph server's ends in /query)"
    return ""


_STATUS = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
           "EndPointInternalError": 500}


def _wrapped_body(exc: Exception) -> str:
    """The server's message inside a SPARQLWrapper error ('...Response:\\nb"Not found"'), on one line."""
    _, _, written = str(exc).partition("Response:\n")
    try:
        body = ast.literal_eval(written) if written else b""
    except (ValueError, SyntaxError):
        return " ".join(written.split())[:300]
    return " ".join(body.decode("utf-8", "replace").split())[:300]


def _body(exc: urllib.error.HTTPError) -> str:
    try:
        return " ".join(exc.read(300).decode("utf-8", "replace").split())
    except OSError:
        return ""
