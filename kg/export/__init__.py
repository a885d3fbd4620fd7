"""Export a projected network to the tools researchers draw networks with.

=========  =============================  ==========================================
format     for                            module
=========  =============================  ==========================================
gexf       Gephi (timeline included)      :mod:`kg.export.gexf`
graphml    yEd, Cytoscape, igraph         :mod:`kg.export.graphml`
cytoscape  Cytoscape.js, Cytoscape        :mod:`kg.export.cytoscape` (``.cyjs``)
csv        Kumu, Flourish                 :mod:`kg.export.csv_sheets` (a folder)
dot        Graphviz                       :mod:`kg.export.dot`
jsonld     linked-data tools              :mod:`kg.export.jsonld`
html       a browser, offline             :mod:`kg.export.html_page`
=========  =============================  ==========================================

Every format goes through one flattening step (:mod:`kg.export.flatten`), so
they agree on ids, labels, kinds and values, and the same graph always gives
the same bytes. Format modules are imported only when used.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from kg.errors import BskgError

__all__ = ["FORMATS", "ExportReport", "export_graph", "export_file", "render_files"]

FORMATS = {"gexf": "gexf", "graphml": "graphml", "cytoscape": "cytoscape", "csv": "csv_sheets",
           "dot": "dot", "jsonld": "jsonld", "html": "html_page"}


@dataclass(frozen=True)
class ExportReport:
    paths: list[Path]
    nodes: int
    edges: int

    def summary(self) -> str:
        where = ", ".join(str(p) for p in self.paths)
        return f"wrote {self.nodes} nodes and {self.edges} edges to {where}"


def _module(fmt: str) -> Any:
    if fmt not in FORMATS:
        raise BskgError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return import_module(f"kg.export.{FORMATS[fmt]}")


def render_files(graph: Any, fmt: str, name: str = "graph") -> dict[str, str]:
    """The export of a networkx ``graph`` as ``{file name: text}`` (one file, or a folder's files for csv)."""
    from kg.export.flatten import flatten

    module = _module(fmt)
    flat = flatten(graph, name=name)
    if hasattr(module, "render_files"):
        return module.render_files(flat)
    return {f"{name}{module.SUFFIX}": module.render(flat)}


def export_graph(graph: Any, fmt: str, out: Path, name: str = "graph") -> ExportReport:
    """Write ``graph`` in ``fmt`` to ``out``: a file, or for csv a folder (``nodes.csv``, ``edges.csv``)."""
    from kg.export.common import write_outputs

    out = Path(out)
    rendered = render_files(graph, fmt, name)
    if _module(fmt).SUFFIX == "":
        if out.exists() and not out.is_dir():
            raise BskgError(f"{out}: csv export writes a folder (nodes.csv, edges.csv); give a folder name")
        targets = {out / file_name: text for file_name, text in rendered.items()}
    else:
        if out.is_dir():
            raise BskgError(f"{out} is a folder; give a file name to write the {fmt} export to")
        (text,) = rendered.values()
        targets = {out: text}
    return ExportReport(write_outputs(targets), graph.number_of_nodes(), graph.number_of_edges())


def export_file(data: list[Path], fmt: str, out: Path, view: str = "actors", **window: Any) -> ExportReport:
    """Read the RDF files ``data``, project the ``view`` and export it: what ``bskg export`` does."""
    from kg.export.views import network
    from kg.rdf.io import read_dataset

    _module(fmt)
    graph = network(read_dataset(list(data)), view, **window)
    return export_graph(graph, fmt, out, name=view)
