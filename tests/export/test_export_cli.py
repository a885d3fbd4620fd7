"""``bskg export`` run as a user runs it: every format, same bytes twice, one-line errors."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from export_support import SUFFIXES


def bskg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120)


def contents(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


@pytest.mark.parametrize("fmt", list(SUFFIXES))
def test_export_cli_writes_the_same_bytes_twice(seed_graph, tmp_path, fmt) -> None:
    first, second = (tmp_path / f"{n}{SUFFIXES[fmt]}" for n in ("one", "two"))
    for out in (first, second):
        result = bskg("export", "--format", fmt, "--data", str(seed_graph), "-o", str(out), "--view", "full")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("wrote ") and " nodes and " in result.stdout
    assert list(contents(first).values()) == list(contents(second).values())
    assert not list(tmp_path.glob(".*.tmp"))  # written through a temporary file, renamed


def test_export_cli_csv_writes_a_nodes_and_an_edges_sheet(seed_graph, tmp_path) -> None:
    result = bskg("export", "--format", "csv", "--data", str(seed_graph), "-o", str(tmp_path / "kumu"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "kumu").iterdir()) == ["edges.csv", "nodes.csv"]


def test_export_cli_date_window_narrows_the_network(seed_graph, tmp_path) -> None:
    everything = bskg("export", "--format", "csv", "--data", str(seed_graph), "-o", str(tmp_path / "all"))
    nothing = bskg("export", "--format", "csv", "--data", str(seed_graph), "-o", str(tmp_path / "none"),
                   "--end", "1990-01-01")
    assert everything.returncode == nothing.returncode == 0, nothing.stderr
    assert (tmp_path / "none" / "edges.csv").read_text(encoding="utf-8").count("\n") == 1  # the header alone
    assert (tmp_path / "all" / "edges.csv").read_text(encoding="utf-8").count("\n") > 1


@pytest.mark.parametrize("args, message", [
    (["--format", "gexf", "--data", "missing.nq", "-o", "x.gexf"], "no such file"),
    (["--format", "pdf", "--data", "x.nq", "-o", "x.pdf"], "Invalid value for '--format'"),
    (["--format", "gexf", "--data", "x.nq", "-o", "x.gexf", "--start", "last week"], "is not a date"),
])
def test_export_cli_reports_bad_input_in_one_line(tmp_path, args, message) -> None:
    result = bskg("export", *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_export_cli_csv_refuses_a_file_as_folder(seed_graph, tmp_path) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    result = bskg("export", "--format", "csv", "--data", str(seed_graph), "-o", str(tmp_path / "taken"))
    assert result.returncode == 2 and "writes a folder" in result.stderr
