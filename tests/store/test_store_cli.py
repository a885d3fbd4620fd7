"""bskg build --store, bskg query --store/--endpoint: same output; one-line errors."""
from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP server on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        listener.close()


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_cli_query_store_and_endpoint_same_output_as_data(graph_file: Path, oxigraph_dir: Path, endpoint: str,
                                                          fmt: str) -> None:
    expected = _run("query", "cq05", "--data", str(graph_file), "--format", fmt)
    assert expected.exit_code == 0, expected.output
    for source in (["--store", f"oxigraph:{oxigraph_dir}"], ["--store", str(oxigraph_dir)], ["--endpoint", endpoint]):
        result = _run("query", "cq05", *source, "--format", fmt)
        assert (result.exit_code, result.output) == (0, expected.output)


def test_cli_query_endpoint_with_param(graph_file: Path, endpoint: str) -> None:
    args = ["query", "meetings_between", "--param", "person=Suella Braverman", "--format", "csv"]
    assert _run(*args, "--endpoint", endpoint).output == _run(*args, "--data", str(graph_file)).output


def test_cli_build_store_then_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = f"oxigraph:{tmp_path / 'store'}"
    for _ in range(2):  # building again replaces each document's graph
        result = _run("build", str(DOCUMENTS / "usd_summit.txt"), "--store", store)
        assert result.exit_code == 0, result.output
        assert "stored 1 document graphs" in result.output and "wrote" not in result.output
    assert not (tmp_path / "out").exists()  # with --store, a file is written only when -o asks
    written = _run("build", str(DOCUMENTS / "usd_summit.txt"), "-o", str(tmp_path / "g.nq"), "-q")
    assert written.exit_code == 0
    expected = _run("query", "cq05", "--data", str(tmp_path / "g.nq"), "--format", "csv").output
    assert _run("query", "cq05", "--store", store, "--format", "csv").output == expected


def test_cli_query_needs_a_source() -> None:
    result = _run("query", "cq01")
    assert result.exit_code == 2 and "--data FILE, --store SPEC or --endpoint URL" in result.output


def test_cli_query_endpoint_with_data_refused(graph_file: Path) -> None:
    result = _run("query", "cq01", "--endpoint", "http://127.0.0.1:1/query", "--data", str(graph_file))
    assert result.exit_code == 2 and "--endpoint alone" in result.output


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("spec", ["oxigraph:{dir}", "{dir}", "sparql:http://127.0.0.1:1/query"])
def test_cli_query_data_with_store_refused_store_untouched(graph_file: Path, oxigraph_dir: Path, tmp_path: Path,
                                                            spec: str) -> None:
    """--data with a store used to load the file into the store (or push it to the endpoint): a query never writes."""
    existing, new = tmp_path / "existing", tmp_path / "new"
    shutil.copytree(oxigraph_dir, existing)
    before = _files(existing)
    for where in (existing, new):
        store = spec.format(dir=where)
        line = _one_line_error(_run("query", "cq05", "--data", str(graph_file), "--store", store))
        assert line == (f"bskg: error: give --data FILE or --store {store}, not both: a query never writes into a "
                        "store (build one with 'bskg build DOCS --store oxigraph:DIR')")
    assert _files(existing) == before and not new.exists()


def test_cli_query_data_with_memory_store_allowed(graph_file: Path) -> None:
    expected = _run("query", "cq05", "--data", str(graph_file), "--format", "csv")
    result = _run("query", "cq05", "--data", str(graph_file), "--store", "memory", "--format", "csv")
    assert (result.exit_code, result.output) == (0, expected.output) and expected.exit_code == 0


def _one_line_error(result: object) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bskg: error: "), result.output
    return lines[0]


def test_cli_query_unreachable_endpoint_one_line() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    line = _one_line_error(_run("query", "cq01", "--endpoint", f"http://127.0.0.1:{port}/query"))
    assert "unreachable" in line


def test_cli_query_endpoint_timeout_one_line(silent_server: str) -> None:
    line = _one_line_error(_run("query", "cq01", "--endpoint", silent_server, "--timeout-s", "1"))
    assert "did not answer within 1 s" in line


def test_cli_query_endpoint_error_answer_one_line(endpoint: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    line = _one_line_error(_run("query", str(bad), "--endpoint", endpoint))
    assert "answered an error" in line


def test_cli_query_endpoint_bad_url_one_line() -> None:
    assert "bad endpoint URL" in _one_line_error(_run("query", "cq01", "--endpoint", "ftp://x"))
