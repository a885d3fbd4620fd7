"""``bskg analyse``: network analyses of actors, meetings and money, as tables, CSV, JSON, pictures or RDF.

Each subcommand parses its options and calls :func:`kg.analysis.report.analyse`.
"""
from __future__ import annotations

import sys
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, Callable

import click

from kg.errors import BskgError

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every analysis takes: the graph, the output format, the date window, a plot, RDF."""
    options = [
        click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
                     help="RDF file(s) built by 'bskg build' (default: the bundled corpus's graph)"),
        click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                     show_default=True),
        click.option("--as-of", "as_of", type=_DATE, default=None,
                     help="the network as of this day: facts dated on or before it, current post holders only"),
        click.option("--start", type=_DATE, default=None, help="only facts dated on or after this day"),
        click.option("--end", type=_DATE, default=None, help="only facts dated on or before this day"),
        click.option("--plot", type=click.Path(path_type=Path), default=None, help="also draw a picture (.png/.svg/.pdf)"),
        click.option("--write-rdf", "write_rdf", type=click.Path(path_type=Path), default=None,
                     help="also write the results as RDF in their own named graph (.trig/.nq; .ttl drops the graph name)"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run(name: str, data: tuple[Path, ...], fmt: str, as_of: datetime | None, start: datetime | None,
         end: datetime | None, plot: Path | None, write_rdf: Path | None, **options: Any) -> None:
    from kg.analysis.report import analyse, format_report

    try:
        if data:
            paths = list(data)
        else:
            from kg.api import bundled_graph

            paths = [bundled_graph()]
        report = analyse(name, paths, as_of=as_of.date() if as_of else None, start=start.date() if start else None,
                         end=end.date() if end else None, plot=plot, write_rdf=write_rdf, **options)
    except BskgError as error:
        click.echo(f"bskg: error: {error}", err=True)
        sys.exit(2)
    click.echo(format_report(report, fmt), nl=False)
    for note in report.notes:
        click.echo(f"wrote {note}", err=True)


@click.group(name="analyse", context_settings={"help_option_names": ["-h", "--help"]})
def analyse() -> None:
    """Network analyses of actors, meetings and money (actors named by label, alias or IRI)."""


@analyse.command()
@_common
@click.option("--top", type=int, default=0, help="list only the N most central actors (0: all)")
def centrality(**kwargs: Any) -> None:
    """Degree, betweenness, PageRank and brokerage (across kinds and countries) of every actor."""
    _run("centrality", **kwargs)


@analyse.command()
@_common
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution")
def communities(**kwargs: Any) -> None:
    """Groups of actors more linked among themselves (Louvain, fixed seed)."""
    _run("communities", **kwargs)


@analyse.command()
@click.argument("source")
@click.argument("target")
@_common
@click.option("--limit", type=int, default=10, show_default=True, help="at most this many shortest paths")
def path(source: str, target: str, **kwargs: Any) -> None:
    """The shortest paths from SOURCE to TARGET, with every fact's source span and quote."""
    _run("path", source=source, target=target, **kwargs)


@analyse.command()
@click.argument("actor")
@_common
@click.option("--radius", type=int, default=1, show_default=True, help="how many links out")
def ego(actor: str, **kwargs: Any) -> None:
    """The actors around ACTOR and how they are linked."""
    _run("ego", actor=actor, **kwargs)


@analyse.command()
@_common
@click.option("--by", type=click.Choice(["package", "actor"]), default="package", show_default=True,
              help="one row per package and recipient, or money in and out per actor")
def funding(**kwargs: Any) -> None:
    """Funding packages and their recipients, ceilings marked; or money in and out per actor."""
    _run("funding", **kwargs)


@analyse.command()
@_common
@click.option("--period", type=click.Choice(["day", "month", "year"]), default="month", show_default=True)
def timeline(**kwargs: Any) -> None:
    """How the network grows: new relations and actors per period."""
    _run("timeline", **kwargs)
