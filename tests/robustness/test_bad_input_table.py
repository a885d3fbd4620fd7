"""Bad input, as a user feeds it to the ``bskg`` command: one clear line, the right exit code, no traceback.

Each row of ``CASES`` makes its input in a fresh folder, runs ``bskg`` in a new
process and checks the exit code, that a message fragment (a regular
expression) is in the output, and that stderr holds at most that one line and
no traceback. Exit codes: 0 the input was processed (a warning or a
"facts: 0" is not an error), 2 the input was refused.

Decisions the table records:

* A file over 50 MB (``kg.ingest.MAX_BYTES``) is refused without being read;
  so is a document whose text is over 2 million characters (``MAX_CHARS``).
* HTML: <script>, <style>, <head>, <nav> ... are dropped; what is left is the document.
* Unknown front-matter keys are ignored; the keys bskg uses must be single values.
* A publication date must be a real date in 1900-2099.
* A missing output folder is created; an output path under a file, a folder
  as output, or a read-only folder is refused before anything is replaced.
* Tests run as root here, so a file cannot be made unreadable with chmod:
  the "unreadable" rows then make reading that one file raise PermissionError
  inside the bskg process instead (see ``_unreadable``).
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from robust_support import FIXTURES, RELEASE, bskg

ROOT = os.geteuid() == 0

# Run bskg with reading of any file whose name contains "unreadable" failing as chmod 000 makes it fail.
_DENY_READ = """
import pathlib
_read_bytes = pathlib.Path.read_bytes
def read_bytes(self):
    if "unreadable" in self.name:
        raise PermissionError(13, "Permission denied", str(self))
    return _read_bytes(self)
pathlib.Path.read_bytes = read_bytes
from kg.cli import main
main()
"""


@dataclass(frozen=True)
class Case:
    id: str
    setup: Callable[[Path, "Env"], list[str]]  # makes the input in a folder; returns bskg's arguments
    code: int
    message: str  # a regular expression searched in stderr (code != 0) or stdout (code 0)
    check: Callable[[Path], None] | None = None  # more checks on the folder afterwards
    deny_read: bool = False  # run through _DENY_READ (an unreadable file, as root)


@dataclass(frozen=True)
class Env:
    graph: Path  # a good N-Quads graph of one release
    silent_port: int  # a port on 127.0.0.1 that accepts connections and never answers


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def build(folder: Path, name: str, content: str | bytes, *extra: str) -> list[str]:
    return ["build", str(write(folder, name, content)), "-o", str(folder / "out.nq"), *extra]


def front(lines: str, body: str = "The Home Secretary announced £5 million for Border Force today.\n") -> str:
    return f"---\n{lines}\n---\n{body}"


def _big(folder: Path) -> list[str]:
    path = folder / "huge.txt"
    with path.open("wb") as out:  # sparse: 100 MB in an instant, no disk used
        out.truncate(100 * 1024 * 1024)
    return ["build", str(path), "-o", str(folder / "out.nq")]


def _unreadable(folder: Path) -> list[str]:
    path = write(folder, "unreadable.txt", RELEASE.read_text(encoding="utf-8"))
    if not ROOT:
        path.chmod(0)
    return ["build", str(path), "-o", str(folder / "out.nq")]


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.txt")
    return ["build", str(folder / "pipe.txt"), "-o", str(folder / "out.nq")]


def _read_only_output(folder: Path) -> list[str]:
    """A folder the build may not write in: chmod 555, or as root a sysfs folder (read-only to root too)."""
    target = folder / "locked"
    target.mkdir()
    target.chmod(0o555)
    if _writable(target):
        target = Path("/sys")
        if not target.is_dir() or _writable(target):
            pytest.skip("no read-only folder available: running as root and /sys is writable")
    return ["build", str(RELEASE), "-o", str(target / "out.nq")]


def _writable(folder: Path) -> bool:
    probe = folder / ".bskg-probe"
    try:
        probe.write_text("")
    except OSError:
        return False
    probe.unlink()
    return True


def _query_file(folder: Path, env: Env, text: str, *extra: str) -> list[str]:
    return ["query", str(write(folder, "q.rq", text)), "--data", str(env.graph), *extra]


def _endpoint(port: int, timeout_s: str) -> list[str]:
    return ["query", "cq01", "--endpoint", f"http://127.0.0.1:{port}/query", "--timeout-s", timeout_s]


def _no_output(folder: Path) -> None:
    assert not (folder / "out.nq").exists()


def _html_checked(folder: Path) -> None:
    graph = (folder / "out.nq").read_text(encoding="utf-8")
    for dropped in ("alert(", "color:", "trackingId", "Cookie banner"):
        assert dropped not in graph, dropped
    assert "Border Force" in graph


def _previous_output_kept(folder: Path) -> None:
    assert (folder / "out.nq").read_text(encoding="utf-8") == "previous\n"


HTML = """<!doctype html><html><head><title>Funding</title><style>p { color: red }</style>
<script>var trackingId = "Home Secretary £9 million";</script></head>
<body><nav>Cookie banner</nav><main><h1>Border Force funding</h1>
<p>The Home Secretary announced £5 million for Border Force today.</p>
<script>alert("Home Secretary £7 million")</script><style>.x { color: blue }</style></main></body></html>"""
ENGLISH = RELEASE.read_text(encoding="utf-8")

CASES = [
    # --- documents -------------------------------------------------------------------------------------------
    Case("empty file", lambda d, e: build(d, "empty.txt", b""), 2, r"empty\.txt: the document is empty", _no_output),
    Case("only white space", lambda d, e: build(d, "blank.md", " \n\t\n\n"), 2, r"blank\.md: the document is empty"),
    Case("binary file", lambda d, e: build(d, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
         2, r"image\.txt: looks like a binary file"),
    Case("invalid UTF-8", lambda d, e: build(d, "latin1.txt", "Café crème £5 million".encode("latin-1")),
         2, r"latin1\.txt: not valid UTF-8 \(byte 3\)"),
    Case("UTF-16", lambda d, e: build(d, "wide.txt", "The Home Secretary".encode("utf-16")),
         2, r"wide\.txt: UTF-16 text, not UTF-8"),
    Case("100 MB file", lambda d, e: _big(d), 2, r"huge\.txt: larger than 50 MB"),
    Case("text over 2 million characters", lambda d, e: build(d, "long.txt", "Border Force met. " * 120_000),
         2, r"long\.txt: 2,160,000 characters of text, more than the 2,000,000"),
    Case("HTML scripts and styles dropped", lambda d, e: build(d, "page.html", HTML), 0, r"documents: 1",
         _html_checked),
    Case("HTML with nothing visible", lambda d, e: build(d, "blank.html", "<html><head><script>x()</script></head>"
                                                                           "<body><style>p{}</style></body></html>"),
         2, r"blank\.html: the document is empty"),
    Case("front matter not YAML", lambda d, e: build(d, "broken.txt", front("title: [unclosed")),
         2, r"broken\.txt: the front matter is not valid YAML"),
    Case("front matter a list", lambda d, e: build(d, "list.txt", front("- title\n- published")),
         2, r"list\.txt: the front matter is not a set of 'key: value' lines"),
    Case("front matter nested too deeply", lambda d, e: build(d, "deep.txt", front("x: " + "[" * 5000 + "]" * 5000)),
         2, r"deep\.txt: the front matter is nested too deeply"),
    Case("front matter alias bomb", lambda d, e: build(d, "bomb.txt", front(
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
        "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")) + "title: *i")),
         2, r"bomb\.txt: front-matter key 'title' must be a single value"),
    Case("unknown front-matter keys ignored", lambda d, e: build(d, "extra.txt", front(
        "title: Funding\npublished: 2024-05-16\ntags: [a, b]\nauthor: {name: x}\nweird key: 3")), 0, r"documents: 1"),
    Case("published not a date", lambda d, e: build(d, "notdate.txt", front("published: 17/09/2024")),
         2, r"notdate\.txt: 'published' is not an ISO date: '17/09/2024'"),
    Case("published impossible date", lambda d, e: build(d, "feb30.txt", front("published: 2024-02-30")),
         2, r"feb30\.txt: the front matter has an impossible date \(day is out of range for month\)"),
    Case("published year 9999", lambda d, e: build(d, "future.txt", front("published: 9999-12-31")),
         2, r"future\.txt: 'published' 9999-12-31 is outside 1900-2099"),
    Case("malformed dates in the text", lambda d, e: build(d, "dates.txt", front(
        "published: 2024-05-16", "On 31 February 2024, 32 March and 0 May the Home Secretary met officials. "
                                 "Tuesday (45 June) and 2024-13-45 came next.\n")), 0, r"documents: 1"),
    Case("non-English text", lambda d, e: build(d, "foreign.txt", "Der Innenminister kündigte 5 Millionen Euro an. "
                                                "国境警備のための予算。 Министр объявил о финансировании. "
                                                "وزير الداخلية أعلن\n"), 0, r"documents: 1\nfacts: [0-3] "),
    Case("no facts", lambda d, e: build(d, "weather.txt", "The weather was mild and nothing happened.\n"),
         0, r"facts: 0"),
    Case("unreadable file", lambda d, e: _unreadable(d), 2, r"unreadable\.txt: cannot be read \(Permission denied\)",
         deny_read=True),
    Case("not a regular file", lambda d, e: _fifo(d), 2, r"pipe\.txt: not a regular file or folder"),
    Case("missing input", lambda d, e: ["build", str(d / "nowhere"), "-o", str(d / "out.nq")],
         2, r"nowhere: no such file or folder"),
    Case("folder with no documents", lambda d, e: (write(d / "docs", "notes.csv", "a,b\n"),
                                                   write(d / "docs", ".hidden/x.txt", ENGLISH),
                                                   ["build", str(d / "docs"), "-o", str(d / "out.nq")])[-1],
         2, r"no documents \(\.txt, \.md, \.html\) found in .*docs", _no_output),
    # --- output ---------------------------------------------------------------------------------------------
    Case("output in a missing folder is made", lambda d, e: ["build", str(RELEASE), "-o", str(d / "new/sub/out.nq")],
         0, r"wrote .*new/sub/out\.nq", lambda d: (d / "new/sub/out.nq").is_file() or pytest.fail("not written")),
    Case("output under a file", lambda d, e: (write(d, "afile", "x"),
                                              ["build", str(RELEASE), "-o", str(d / "afile/out.nq")])[-1],
         2, r"afile/out\.nq: cannot write the output: .*afile is a file, not a folder"),
    Case("output is a folder", lambda d, e: ((d / "out.nq").mkdir(),
                                             ["build", str(RELEASE), "-o", str(d / "out.nq")])[-1],
         2, r"out\.nq: cannot write the output: it is a folder"),
    Case("output in a read-only folder", lambda d, e: _read_only_output(d), 2,
         r"out\.nq: cannot write the output \((Permission denied|Read-only file system)\)"),
    Case("output format unknown", lambda d, e: ["build", str(RELEASE), "-o", str(d / "out.xyz")],
         2, r"out\.xyz: unknown RDF extension '\.xyz'"),
    Case("output as RDF/XML", lambda d, e: ["build", str(RELEASE), "-o", str(d / "out.rdf")],
         2, r"out\.rdf: unknown RDF extension '\.rdf'; use one of \.nq"),
    Case("failed build keeps the old output", lambda d, e: (write(d, "out.nq", "previous\n"),
                                                            build(d, "empty.txt", b""))[-1],
         2, r"the document is empty", _previous_output_kept),
    # --- queries --------------------------------------------------------------------------------------------
    Case("SPARQL syntax error", lambda d, e: _query_file(d, e, "SELECT ?x WHERE {\n  ?x ?y\n}\n"),
         2, r"SPARQL syntax error: line 2, column 3: "),
    Case("SPARQL unknown prefix", lambda d, e: _query_file(d, e, "SELECT ?x WHERE { ?x foo:bar ?y }"),
         2, r"SPARQL syntax error: Unknown namespace prefix : foo"),
    Case("SPARQL update refused", lambda d, e: _query_file(d, e, "DELETE WHERE { ?s ?p ?o }"),
         2, r"SPARQL syntax error"),
    Case("SPARQL CONSTRUCT refused", lambda d, e: _query_file(d, e, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"),
         2, r"only SELECT queries"),
    Case("unknown query name", lambda d, e: ["query", "cq99", "--data", str(e.graph)],
         2, r"no query file or bundled query named 'cq99'"),
    Case("param without =", lambda d, e: ["query", "cq01", "--data", str(e.graph), "--param", "novalue"],
         2, r"bad --param 'novalue': expected name=value"),
    Case("param bad name", lambda d, e: ["query", "cq01", "--data", str(e.graph), "--param", "1x=3"],
         2, r"bad --param name '1x'"),
    Case("param bad date", lambda d, e: ["query", "cq01", "--data", str(e.graph), "--param", "date=2024-02-30"],
         2, r"bad --param date: '2024-02-30' is not a valid date"),
    Case("param not in the query", lambda d, e: ["query", "cq04", "--data", str(e.graph), "--param", "persn=Cooper"],
         2, r"parameter 'persn' is not a variable of the query \(its variables: .*\?person"),
    Case("nothing to query", lambda d, e: ["query", "cq01"], 2, r"say what to query"),
    Case("endpoint port closed", lambda d, e: _endpoint(_closed_port(), "5"),
         2, r"/query is unreachable: .*Connection refused"),
    Case("endpoint never answers", lambda d, e: _endpoint(e.silent_port, "1"), 2, r"/query did not answer within 1 s"),
    Case("endpoint not http", lambda d, e: ["query", "cq01", "--endpoint", "ftp://127.0.0.1/query"],
         2, r"bad endpoint URL 'ftp://127\.0\.0\.1/query'"),
    Case("store missing", lambda d, e: ["query", "cq01", "--store", f"oxigraph:{d / 'nostore'}"],
         2, r"no Oxigraph store at .*nostore"),
    Case("store spec unknown", lambda d, e: ["query", "cq01", "--store", "mysql:db"], 2, r"unknown store 'mysql:db'"),
    # --- RDF from outside: query --data and validate -----------------------------------------------------------
    Case("query malformed N-Quads", lambda d, e: ["query", "cq01", "--data", str(write(d, "bad.nq", "<a> <b> .\n"))],
         2, r"bad\.nq: not valid nquads: "),
    Case("query malformed Turtle", lambda d, e: ["query", "cq01", "--data", str(write(
        d, "bad.ttl", "@prefix x: <http://x/> .\nx:a x:b\n"))], 2, r"bad\.ttl: not valid turtle: .*Bad syntax"),
    Case("query binary N-Quads", lambda d, e: ["query", "cq01", "--data", str(write(d, "bin.nq", b"\xff\xfe\x00"))],
         2, r"bin\.nq: not valid nquads: "),
    Case("query RDF/XML refused", lambda d, e: ["query", "cq01", "--data", str(write(d, "x.rdf", XML_BOMB))],
         2, r"x\.rdf: RDF/XML is not accepted \(entity expansion risk\)"),
    Case("query JSON-LD remote context refused", lambda d, e: ["query", "cq01", "--data", str(write(
        d, "remote.jsonld", f'{{"@context": "http://127.0.0.1:{e.silent_port}/ctx", "@id": "http://x/a"}}'))],
         2, r"remote\.jsonld: names a remote JSON-LD context"),
    Case("query missing data", lambda d, e: ["query", "cq01", "--data", str(d / "missing.nq")],
         2, r"missing\.nq: no such file"),
    Case("validate malformed N-Quads", lambda d, e: ["validate", "--no-reasoner",
                                                     str(write(d, "bad.nq", "<a> <b> .\n"))],
         2, r"bad\.nq: cannot parse as nquads"),
    Case("validate malformed Turtle", lambda d, e: ["validate", "--no-reasoner", str(write(
        d, "bad.ttl", "@prefix x: <http://x/> .\nx:a x:b\n"))], 2, r"bad\.ttl: cannot parse as turtle: .*Bad syntax"),
    Case("validate RDF/XML refused", lambda d, e: ["validate", "--no-reasoner", str(write(d, "x.rdf", XML_BOMB))],
         2, r"x\.rdf: RDF/XML is not accepted"),
    Case("validate JSON-LD remote context refused", lambda d, e: ["validate", "--no-reasoner", str(write(
        d, "remote.jsonld", f'{{"@context": ["http://127.0.0.1:{e.silent_port}/ctx"], "@id": "http://x/a"}}'))],
         2, r"remote\.jsonld: names a remote JSON-LD context"),
    Case("validate missing file", lambda d, e: ["validate", "--no-reasoner", str(d / "missing.nq")],
         2, r"missing\.nq: no such file"),
    # --- serve ----------------------------------------------------------------------------------------------
    Case("serve missing store", lambda d, e: ["serve", "--store", str(d / "nostore"), "--port", "0"],
         2, r"no Oxigraph store at .*nostore"),
    Case("serve RDF/XML refused", lambda d, e: ["serve", "--data", str(write(d, "x.rdf", XML_BOMB)), "--port", "0"],
         2, r"x\.rdf: xml is not accepted"),
]

XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://x/">
<rdf:Description rdf:about="http://x/a"><x:p>&d;</x:p></rdf:Description></rdf:RDF>
"""


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: connections are refused


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    graph = tmp_path_factory.mktemp("graph") / "graph.nq"
    result = bskg("build", str(RELEASE), "-o", str(graph))
    assert result.returncode == 0, result.stderr
    with socket.socket() as silent:  # listens, so connections succeed, but nobody ever answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        yield Env(graph, silent.getsockname()[1])


def test_table_has_at_least_25_cases() -> None:
    assert len(CASES) >= 25 and len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, env: Env, tmp_path: Path) -> None:
    args = case.setup(tmp_path, env)
    if case.deny_read and ROOT:
        result = subprocess.run([sys.executable, "-c", _DENY_READ, *args], capture_output=True, text=True,
                                cwd=tmp_path, timeout=300)
    else:
        result = bskg(*args, cwd=tmp_path)
    shown = f"exit {result.returncode}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr + result.stdout, shown
    assert result.returncode == case.code, shown
    if case.code == 0:
        assert re.search(case.message, result.stdout), shown
        assert result.stderr == "", shown
    else:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("bskg: error: "), shown
        assert re.search(case.message, lines[0]), shown
    if case.check:
        case.check(tmp_path)


_BREAK_FORMATTING = """
import kg.queries
def format_rows(*args, **kwargs):
    raise RuntimeError("an unforeseen failure\\nover two lines")
kg.queries.format_rows = format_rows
from kg.cli import main
main()
"""


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "BSKG_DEBUG"])
def test_unforeseen_error_is_one_line_exit_3(debug: bool, env: Env, tmp_path: Path) -> None:
    """A bug, not bad input: still one line (exit 3), unless BSKG_DEBUG=1 asks for the traceback."""
    environment = {**os.environ, "BSKG_DEBUG": "1"} if debug else {k: v for k, v in os.environ.items()
                                                                    if k != "BSKG_DEBUG"}
    result = subprocess.run([sys.executable, "-c", _BREAK_FORMATTING, "query", "cq01", "--data", str(env.graph)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300, env=environment)
    if debug:
        assert result.returncode == 1 and "Traceback" in result.stderr and "RuntimeError" in result.stderr
    else:
        assert result.returncode == 3
        assert result.stderr.splitlines() == ["bskg: internal error: RuntimeError: an unforeseen failure over two "
                                              "lines (a bug; please report it, with BSKG_DEBUG=1 for the traceback)"]
