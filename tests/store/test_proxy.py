"""The capping proxy of ``bskg serve`` in front of a real ``oxigraph serve-read-only`` on 127.0.0.1.

An answer within the caps comes through byte for byte as the server gave it;
one over a cap, or one the server broke off, becomes an HTTP error with a
one-line reason, never a shorter answer. Updates are refused.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.store.base import finish
from kg.store.proxy import CappedProxy, complete, count_rows
from kg.store.serve import OxigraphServer
from kg.store.terms import from_sparql_json

CAP = 40
FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values"}
ROWS = "SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} ORDER BY ?s ?p ?o LIMIT {limit}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def upstream_of(url: str) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(url)
    return parts.hostname, parts.port


@pytest.fixture(scope="module")
def proxy(endpoint: str) -> Iterator[CappedProxy]:
    """A proxy with a row cap of CAP in front of the session's read-only server."""
    capped = CappedProxy("127.0.0.1", 0, upstream_of(endpoint), max_rows=CAP, timeout_s=30)
    try:
        yield capped.start()
    finally:
        capped.stop()


def post(url: str, data: bytes, content_type: str, accept: str | None = None,
         method: str = "POST") -> tuple[int, str, bytes]:
    headers = {"Content-Type": content_type} | ({"Accept": accept} if accept else {})
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers.get("Content-Type", ""), error.read()


def ask(url: str, query: str, accept: str) -> tuple[int, str, bytes]:
    return post(url, urllib.parse.urlencode({"query": query}).encode(), "application/x-www-form-urlencoded", accept)


@pytest.mark.parametrize("fmt", FORMATS)
def test_answer_within_cap_is_the_servers_answer_byte_for_byte(proxy: CappedProxy, endpoint: str, fmt: str) -> None:
    query = ROWS.format(limit=CAP)
    direct, proxied = ask(endpoint, query, FORMATS[fmt]), ask(proxy.url + "query", query, FORMATS[fmt])
    assert proxied == direct and direct[0] == 200
    assert count_rows(direct[1], direct[2]) == CAP


def _sparqlwrapper_rows(url: str, query: str) -> tuple[list[str], list]:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    columns = answer["head"]["vars"]
    return finish(query, columns, [[from_sparql_json(b.get(c)) for c in columns] for b in answer["results"]["bindings"]])


def test_sparqlwrapper_gets_the_same_rows_through_the_proxy(proxy: CappedProxy, endpoint: str) -> None:
    query = ROWS.format(limit=CAP)
    rows = _sparqlwrapper_rows(proxy.url + "query", query)
    assert rows == _sparqlwrapper_rows(endpoint, query) and len(rows[1]) == CAP


@pytest.mark.parametrize("fmt", FORMATS)
def test_answer_over_row_cap_is_refused_whole(proxy: CappedProxy, endpoint: str, fmt: str) -> None:
    query = ROWS.format(limit=CAP + 1)
    assert ask(endpoint, query, FORMATS[fmt])[0] == 200
    status, kind, body = ask(proxy.url + "query", query, FORMATS[fmt])
    assert (status, kind) == (413, "text/plain; charset=utf-8")
    assert body.decode() == f"the result has more than {CAP} rows (the --max-rows cap); add LIMIT to the query\n"


def test_get_query_is_capped_too(proxy: CappedProxy) -> None:
    url = proxy.url + "query?" + urllib.parse.urlencode({"query": ROWS.format(limit=CAP + 1)})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=60)
    with refused.value:
        assert refused.value.code == 413 and b"more than 40 rows" in refused.value.read()


def test_sparqlwrapper_over_cap_gets_an_error_not_fewer_rows(proxy: CappedProxy) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        _sparqlwrapper_rows(proxy.url + "query", ROWS.format(limit=CAP + 1))
    with refused.value:
        assert refused.value.code == 413 and b"add LIMIT" in refused.value.read()


def test_answer_over_byte_cap_is_refused(endpoint: str) -> None:
    small = CappedProxy("127.0.0.1", 0, upstream_of(endpoint), max_bytes=5000, timeout_s=30).start()
    try:
        query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        assert len(ask(endpoint, query, "application/n-triples")[2]) > 5000
        status, _, body = ask(small.url + "query", query, "application/n-triples")
        assert status == 413
        assert body.decode() == ("the result is larger than 5000 bytes (the --max-bytes cap); "
                                 "add LIMIT to the query or select fewer columns\n")
        assert ask(small.url + "query", ROWS.format(limit=3), FORMATS["json"])[0] == 200
    finally:
        small.stop()


def test_query_cancelled_by_the_server_timeout_is_an_error(oxigraph_dir: Path) -> None:
    """Oxigraph ends an answer it cancels with its message after what it sent, as a success (200).

    Counting the cross product of the graph with itself (hundreds of millions
    of rows) runs until the server's one-second timeout cancels it. A threefold
    product is no better runaway: building its join ignores the timeout for
    about 30 s, which raced the proxy's own wait and made this test flaky.
    """
    server = OxigraphServer(oxigraph_dir, timeout_s=1)
    capped = None
    try:
        server.start()
        capped = CappedProxy("127.0.0.1", 0, (server.host, server.port), timeout_s=1).start()
        runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
        direct = ask(server.url + "query", runaway, FORMATS["csv"])
        assert direct == (200, "text/csv; charset=utf-8", b"n\r\nThe SPARQL operation has been cancelled")
        status, _, body = ask(capped.url + "query", runaway, FORMATS["csv"])
        assert status == 504
        assert body.decode().startswith("the query ran longer than 1 s (the --timeout-s limit) and was cancelled")
    finally:
        if capped is not None:
            capped.stop()
        server.stop()


@pytest.mark.parametrize("path, data, content_type, method", [
    ("update", b"update=DROP+ALL", "application/x-www-form-urlencoded", "POST"),
    ("query", b"update=DROP+ALL", "application/x-www-form-urlencoded", "POST"),
    ("sparql", b"DROP ALL", "application/sparql-update", "POST"),
    ("store?default", b"<http://e/s> <http://e/p> <http://e/o> .\n", "application/n-triples", "POST"),
    ("store?default", b"<http://e/s> <http://e/p> <http://e/o> .\n", "application/n-triples", "PUT"),
    ("store?default", b"", "application/n-triples", "DELETE"),
], ids=["update", "update-form-to-query", "sparql-update", "store-post", "store-put", "store-delete"])
def test_updates_refused(proxy: CappedProxy, path: str, data: bytes, content_type: str, method: str) -> None:
    before = ask(proxy.url + "query", COUNT, FORMATS["json"])
    status, _, body = post(proxy.url + path, data, content_type, method=method)
    assert (status, body) == (403, b"bskg serve is read-only: updates are refused\n")
    assert ask(proxy.url + "query", COUNT, FORMATS["json"]) == before
    assert json.loads(before[2])["results"]["bindings"][0]["n"]["value"] != "0"


def test_service_description_and_query_page_come_through(proxy: CappedProxy) -> None:
    with urllib.request.urlopen(proxy.url + "query", timeout=60) as answer:
        description = answer.read().decode()
    assert "sparql-service-description" in description and f"<{proxy.url}query>" in description
    with urllib.request.urlopen(proxy.url, timeout=60) as page:
        assert page.status == 200 and "<html" in page.read().decode().lower()


def test_upstream_gone_is_a_clear_error(endpoint: str) -> None:
    with CappedProxy("127.0.0.1", 0, upstream_of(endpoint)) as probe:
        dead = probe.server_address[1]  # a port nothing listens on once this probe is closed
    orphan = CappedProxy("127.0.0.1", 0, ("127.0.0.1", dead)).start()
    try:
        status, _, body = ask(orphan.url + "query", COUNT, FORMATS["json"])
        assert status == 502 and body.startswith(b"the SPARQL server is not answering")
    finally:
        orphan.stop()


# --- counting rows and telling a complete answer, on answers written by hand ---------------------------------------

def test_count_rows_json_ignores_brackets_inside_strings() -> None:
    body = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": [
        {"s": {"type": "literal", "value": 'a {"b": [{}]} \\" {'}}, {"s": {"type": "uri", "value": "http://x/{"}},
    ]}}).encode()
    assert count_rows("application/sparql-results+json", body) == 2
    assert count_rows("application/sparql-results+json", b'{"head":{},"boolean":true}') == 0


def test_count_rows_csv_with_a_line_break_inside_a_value() -> None:
    body = b's,o\r\nhttp://x/a,"two\r\nlines, and ""quotes"""\r\nhttp://x/b,plain\r\n'
    assert count_rows("text/csv; charset=utf-8", body) == 2
    assert count_rows("text/csv", b"true") == 0 and count_rows("text/csv", b"s,o\r\n") == 0


def test_count_rows_tsv_xml_and_graphs() -> None:
    assert count_rows("text/tab-separated-values", b'?s\n<http://x/a>\n"b"\n') == 2
    xml = b'<sparql><head><variable name="s"/></head><results><result><binding name="s"><literal>' \
          b'&lt;result&gt;</literal></binding></result></results></sparql>'
    assert count_rows("application/sparql-results+xml", xml) == 1
    assert count_rows("application/n-triples", b"<a> <b> <c> .\n") is None


def test_complete_tells_an_answer_oxigraph_broke_off() -> None:
    cut = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://x/"}}'
    assert complete("application/sparql-results+json", cut + b"]}}")
    assert not complete("application/sparql-results+json", cut + b"Some storage error")
    assert not complete("text/csv", b"s\r\nhttp://x/\r\nSome storage error")
    assert complete("text/csv", b"s\r\nhttp://x/\r\n") and complete("text/csv", b"false")
    assert not complete("application/sparql-results+xml", b"<sparql><results><result>")
