"""The ``bskg`` command line: each subcommand parses its options and calls one function.

Anticipated failures (``BskgError``) print one line on stderr and exit 2;
``validate`` exits 1 when a graph does not conform.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.errors import BskgError

DEFAULT_OUTPUT = Path("out/corpus.nq")


def _fail(error: Exception, code: int = 2) -> None:
    click.echo(f"bskg: error: {error}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="border-security-kg")
def main() -> None:
    """bskg: border-security press releases as a citable RDF knowledge graph."""


@main.command()
@click.argument("docs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help=f"RDF file to write (.nq, .trig, .ttl, .nt, .jsonld); default {DEFAULT_OUTPUT}")
@click.option("--strict", is_flag=True, help="exit non-zero if any document was skipped")
@click.option("-q", "--quiet", is_flag=True, help="print nothing but errors")
def build(docs: tuple[Path, ...], output: Path | None, strict: bool, quiet: bool) -> None:
    """Extract DOCS (files or folders; default: the bundled corpus) into an RDF graph."""
    from kg.build import build as run_build
    from kg.resources import resource_dir
    try:
        paths = list(docs) or [resource_dir("data") / "corpus"]
        target = output or DEFAULT_OUTPUT
        report = run_build(paths, target)
    except BskgError as error:
        _fail(error)
    if not quiet:
        click.echo(report.summary())
        click.echo(f"wrote {target}")
    if strict and report.skipped:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(path_type=Path),
              help="RDF file(s) to query (.nq, .trig, .ttl, .nt, .jsonld)")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--param", "params", multiple=True, help="a binding name=value (repeatable)")
def query(query: str, data: tuple[Path, ...], fmt: str, params: tuple[str, ...]) -> None:
    """Run QUERY (a .rq file or a bundled query's name) over a graph."""
    from kg.queries import format_rows, parse_param, query_path, run_query
    from kg.rdf.io import read_dataset
    try:
        bindings = dict(parse_param(p) for p in params)
        text = query_path(query).read_text(encoding="utf-8")
        columns, rows = run_query(read_dataset(list(data)), text, bindings)
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
