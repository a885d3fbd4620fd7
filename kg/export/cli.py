"""``bskg export``: parse the options, call :func:`kg.export.export_file`, say what was written."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from kg.errors import BskgError
from kg.export.views import VIEWS

FORMAT_NAMES = ("gexf", "graphml", "cytoscape", "csv", "dot", "jsonld", "html")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(FORMAT_NAMES),
              help="gexf (Gephi), graphml (yEd, Cytoscape), cytoscape (.cyjs), csv (Kumu, Flourish: a folder), "
                   "dot (Graphviz), jsonld, html (offline page)")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(path_type=Path),
              help="RDF file(s) built by 'bskg build' (.nq, .trig, .ttl, .nt, .jsonld)")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="file to write (for csv: a folder, which gets nodes.csv and edges.csv)")
@click.option("--view", type=click.Choice(VIEWS), default="actors", show_default=True,
              help="actors, funding (money flows), meetings (actors and events) or full (actors and events)")
@click.option("--as-of", "as_of", callback=_date, metavar="DATE", help="only what holds on this date")
@click.option("--start", callback=_date, metavar="DATE", help="only facts dated on or after this date")
@click.option("--end", callback=_date, metavar="DATE", help="only facts dated on or before this date")
def export(fmt: str, data: tuple[Path, ...], output: Path, view: str, as_of: date | None, start: date | None,
           end: date | None) -> None:
    """Export the graph in DATA as a network for Gephi, yEd, Cytoscape, Kumu, Flourish, Graphviz or a browser."""
    from kg.export import export_file

    window = {k: v for k, v in {"as_of": as_of, "start": start, "end": end}.items() if v is not None}
    try:
        report = export_file(list(data), fmt, output, view, **window)
    except BskgError as error:
        click.echo(f"bskg: error: {error}", err=True)
        sys.exit(2)
    click.echo(report.summary())
