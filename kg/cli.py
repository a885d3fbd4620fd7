"""The ``bskg`` command line: each subcommand parses its options and calls one function.

Anticipated failures (``BskgError``) print one line on stderr and exit 2;
``validate`` exits 1 when a graph does not conform, ``build --strict`` when a
document was skipped. Anything else is a bug: it too prints one line, and
exits 3 (``BSKG_DEBUG=1`` shows the traceback instead).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.errors import BskgError
from kg.store import MAX_BYTES, MAX_ROWS

DEFAULT_OUTPUT = Path("out/corpus.nq")


def _fail(error: Exception, code: int = 2) -> None:
    click.echo(f"bskg: error: {error}", err=True)
    sys.exit(code)


class _Main(click.Group):
    """The bskg group: no exception reaches the user as a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit,
                SystemExit, KeyboardInterrupt):
            raise
        except BskgError as error:
            _fail(error)
        except Exception as error:
            if os.environ.get("BSKG_DEBUG"):
                raise
            detail = " ".join(str(error).split())[:300]
            click.echo(f"bskg: internal error: {type(error).__name__}: {detail} "
                       "(a bug; please report it, with BSKG_DEBUG=1 for the traceback)", err=True)
            sys.exit(3)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="border-security-kg")
def main() -> None:
    """bskg: border-security press releases as a citable RDF knowledge graph."""


@main.command()
@click.argument("docs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help=f"RDF file to write (.nq, .trig, .ttl, .nt, .jsonld); default {DEFAULT_OUTPUT} unless --store is given")
@click.option("--store", "store", default=None, metavar="SPEC",
              help="also (or only) build into a store, replacing each document's named graph: oxigraph:DIR")
@click.option("--strict", is_flag=True, help="exit non-zero if any document was skipped")
@click.option("-q", "--quiet", is_flag=True, help="print nothing but errors")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="worker processes extracting documents (default: one per core); the output is the same for any number")
@click.option("--full", is_flag=True,
              help="extract every document again, not only those changed since the last build of this .nq file or store")
def build(docs: tuple[Path, ...], output: Path | None, store: str | None, strict: bool, quiet: bool,
          jobs: int | None, full: bool) -> None:
    """Extract DOCS (files or folders; default: the bundled corpus) into an RDF graph."""
    from kg.build import build as run_build
    from kg.progress import progress_bar
    from kg.resources import resource_dir
    try:
        paths = list(docs) or [resource_dir("data") / "corpus"]
        target = output or (None if store else DEFAULT_OUTPUT)
        if target is not None:
            from kg.rdf.io import check_output
            check_output(target)
        with progress_bar(enabled=not quiet and sys.stdout.isatty()) as progress:
            report = run_build(paths, target, store=store, jobs=jobs, full=full, progress=progress)
    except BskgError as error:
        _fail(error)
    if not quiet:
        click.echo(report.summary())
        if target:
            click.echo(f"wrote {target}")
        if store:
            click.echo(f"stored {report.documents} document graphs in {store}")
    if strict and report.skipped:
        count = len(report.skipped)
        plural = "s" if count > 1 else ""
        _fail(BskgError(f"--strict: {count} document{plural} skipped; the first: {report.skipped[0]}"), 1)


@main.command()
@click.argument("query")
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="RDF file(s) to query (.nq, .trig, .ttl, .nt, .jsonld)")
@click.option("--store", "store", default=None, metavar="SPEC",
              help="a store to query: oxigraph:DIR, memory (with --data) or sparql:URL")
@click.option("--endpoint", default=None, metavar="URL", help="a SPARQL 1.1 endpoint to query, e.g. http://127.0.0.1:7878/query")
@click.option("--timeout-s", "timeout_s", type=float, default=60, show_default=True,
              help="how long to wait for --endpoint")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--param", "params", multiple=True, help="a binding name=value (repeatable)")
def query(query: str, data: tuple[Path, ...], store: str | None, endpoint: str | None, timeout_s: float,
          fmt: str, params: tuple[str, ...]) -> None:
    """Run QUERY (a .rq file or a bundled query's name) over a graph, a store or an endpoint."""
    from kg.queries import check_parameters, format_rows, parse_param, query_path
    from kg.store import open_store
    try:
        if endpoint and (store or data):
            raise BskgError("give --endpoint alone, not with --store or --data")
        if not (endpoint or store or data):
            raise BskgError("say what to query: --data FILE, --store SPEC or --endpoint URL")
        if data and store not in (None, "memory"):
            raise BskgError(f"give --data FILE or --store {store}, not both: a query never writes into a store "
                            "(build one with 'bskg build DOCS --store oxigraph:DIR')")
        bindings = dict(parse_param(p) for p in params)
        text = query_path(query).read_text(encoding="utf-8")
        check_parameters(text, bindings)
        spec = f"sparql:{endpoint}" if endpoint else store or "memory"
        backend = open_store(spec, list(data), timeout_s=timeout_s)
        try:
            columns, rows = backend.query(text, bindings)
        finally:
            backend.close()
    except BskgError as error:
        _fail(error)
    click.echo(format_rows(columns, rows, fmt), nl=False)


@main.command(name="queries")
def list_queries() -> None:
    """List the bundled queries with their descriptions and parameters."""
    from kg.queries import list_queries as bundled
    for info in bundled():
        params = f"  [params: {', '.join(info.parameters)}]" if info.parameters else ""
        click.echo(f"{info.name}: {info.description}{params}")


@main.command()
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-reasoner", is_flag=True, help="SHACL shapes only, skip the OWL reasoner")
def validate(graphs: tuple[Path, ...], no_reasoner: bool) -> None:
    """Check GRAPHS against the SHACL shapes and the OWL ontology (exit 1 if they do not conform)."""
    from kg.validate import validate_files
    try:
        report = validate_files(list(graphs), reasoner=not no_reasoner)
    except BskgError as error:
        _fail(error)
    click.echo(report.text())
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.option("--store", "store", default=None, type=click.Path(path_type=Path, file_okay=False),
              help="an Oxigraph store directory (from 'bskg build --store oxigraph:DIR'; not to be built into while served)")
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="RDF file(s) to serve instead, loaded into a temporary store")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="port (0: any free port)")
@click.option("--timeout-s", "timeout_s", type=click.IntRange(1), default=60, show_default=True,
              help="longest a query may run")
@click.option("--max-rows", "max_rows", type=click.IntRange(1), default=MAX_ROWS, show_default=True,
              help="most rows an answer may have; a larger one is refused with HTTP 413, never cut short")
@click.option("--max-bytes", "max_bytes", type=click.IntRange(1), default=MAX_BYTES, show_default=True,
              help="most bytes an answer may have (100 MB); a larger one is refused with HTTP 413")
def serve(store: Path | None, data: tuple[Path, ...], host: str, port: int, timeout_s: int, max_rows: int,
          max_bytes: int) -> None:
    """Serve the graph read-only as a SPARQL endpoint (the Oxigraph server behind a size cap), until Ctrl-C."""
    import tempfile

    from kg.store.oxigraph import needs_union
    from kg.store.serve import CappedEndpoint, load_files, signals_interrupt
    if bool(store) == bool(data):
        _fail(BskgError("give either --store DIR or --data FILE..."))
    server = None
    with signals_interrupt(), tempfile.TemporaryDirectory(prefix="bskg-serve-") as scratch:
        try:
            location = store or load_files(list(data), Path(scratch) / "store")
            union = needs_union(location)
            if union:
                click.echo("bskg: warning: the store's default graph is empty; serving the union of its "
                           "named graphs, where shared triples repeat (use DISTINCT)", err=True)
            server = CappedEndpoint(location, host=host, port=port, timeout_s=timeout_s, union_default_graph=union,
                                    max_rows=max_rows, max_bytes=max_bytes).start()
            click.echo(f"SPARQL endpoint: {server.url}query")
            click.echo(f"query page: {server.url}  (read-only; Ctrl-C to stop)")
            code = server.wait()
            _fail(BskgError(f"the server exited with status {code}"), 1)
        except BskgError as error:
            _fail(error)
        except KeyboardInterrupt:
            click.echo("stopping", err=True)
        finally:
            if server is not None:
                server.stop()


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="the store's SPARQL endpoint, e.g. http://host:7878/query (Oxigraph) or http://host:8890/sparql")
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path), help="graph file(s) (.nq, .trig) to push")
@click.option("--store", "store", default=None, metavar="SPEC", help="a store to push instead: oxigraph:DIR")
@click.option("--gsp-url", default=None, metavar="URL", help="Graph Store Protocol URL, if not the usual one")
@click.option("--update-url", default=None, metavar="URL", help="SPARQL Update URL, if not the usual one")
@click.option("--method", type=click.Choice(["auto", "gsp", "update"]), default="auto", show_default=True,
              help="gsp: Graph Store Protocol PUT; update: DROP + INSERT DATA; auto: gsp where offered")
@click.option("--timeout-s", "timeout_s", type=float, default=120, show_default=True, help="per request")
def push(endpoint: str, data: tuple[Path, ...], store: str | None, gsp_url: str | None, update_url: str | None,
         method: str, timeout_s: float) -> None:
    """Upload the graph to a SPARQL 1.1 store, one named graph per document, each replaced whole."""
    from kg.store import open_store
    from kg.store.push import file_graphs, push as run_push, store_graphs
    from kg.store.remote import SparqlStore
    try:
        if bool(store) == bool(data):
            raise BskgError("give either --data FILE... or --store SPEC")
        target = SparqlStore(endpoint, timeout_s=timeout_s, update_url=update_url, gsp_url=gsp_url, method=method)
        if data:
            report = run_push(target, file_graphs(list(data)))
        else:
            source = open_store(store)
            try:
                report = run_push(target, store_graphs(source))
            finally:
                source.close()
    except BskgError as error:
        _fail(error)
    click.echo(report.summary(endpoint))
main.add_command(__import__("kg.export.cli", fromlist=["export"]).export)
main.add_command(__import__("kg.analysis.cli", fromlist=["analyse"]).analyse)
