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

URLs: the query URL given (``.../query`` as Oxigraph names it, or
``.../sparql``) determines the others unless they are given: Oxigraph's
``/update`` and ``/store`` beside ``/query``; for ``/sparql`` the same URL for
updates and ``/sparql-graph-crud`` (Virtuoso) for the Graph Store Protocol.
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib.term import Node

from kg.errors import BskgError, QueryError
from kg.store.base import GraphData, Row, finish, graph_ntriples
from kg.store.sparql_text import with_values
from kg.store.terms import from_sparql_json, sparql_iri


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
        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper

        client = SPARQLWrapper(self.query_url)
        client.setQuery(with_values(text, bindings or {}))
        client.setReturnFormat(JSON)
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setTimeout(int(max(1, self.timeout_s)))
        if client.queryType != "SELECT":
            raise QueryError("only SELECT queries can be run here")
        try:
            answer = client.queryAndConvert()
        except Exception as exc:  # SPARQLWrapper and urllib raise many types
            raise self._error(exc) from None
        if not isinstance(answer, dict) or "results" not in answer:
            raise EndpointError(f"{self.query_url} did not answer with SPARQL JSON results")
        columns = list(answer.get("head", {}).get("vars", []))
        rows = [[from_sparql_json(b.get(c)) for c in columns] for b in answer["results"]["bindings"]]
        return finish(text, columns, rows)

    def _error(self, exc: Exception) -> EndpointError:
        reason = getattr(exc, "reason", None)
        if isinstance(exc, (TimeoutError, socket.timeout)) or isinstance(reason, (TimeoutError, socket.timeout)):
            return EndpointError(f"{self.query_url} did not answer within {self.timeout_s:g} s")
        if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
            return EndpointError(f"{self.query_url} is unreachable: {reason or exc}")
        message = " ".join(str(exc).split())
        return EndpointError(f"{self.query_url} answered an error: {message[:300]}")

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


def _body(exc: urllib.error.HTTPError) -> str:
    try:
        return " ".join(exc.read(300).decode("utf-8", "replace").split())
    except OSError:
        return ""
