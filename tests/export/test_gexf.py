"""GEXF 1.3: validated by xmllint (Debian's libxml2-utils) and lxml against a schema written
from the GEXF 1.3 grammar (tests/export/schemas/: NOT the official XSD, which no registry
package ships and which does not compile), read back by networkx, with spells for dates."""
from __future__ import annotations

import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

import export_samples as samples
from export_support import VIEWS, require_program
from kg.export import export_graph

SCHEMA = Path(__file__).parent / "schemas" / "gexf-1.3.bskg.xsd"
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gexf") / "sample.gexf"
    export_graph(samples.actor_network(), "gexf", path, "actors")
    return path


def xmllint(path: Path) -> subprocess.CompletedProcess:
    program = require_program("xmllint", "libxml2-utils")
    return subprocess.run([program, "--noout", "--schema", str(SCHEMA), str(path)],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_seed_export_validates_with_xmllint(exports, view) -> None:
    result = xmllint(exports[view, "gexf"])
    assert result.returncode == 0, result.stderr
    assert "validates" in result.stderr


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_seed_export_validates_with_lxml(exports, schema, view) -> None:
    document = etree.parse(str(exports[view, "gexf"]))
    assert schema.validate(document), schema.error_log


def test_gexf_schema_rejects_networkx_13_header(tmp_path, schema) -> None:
    """The check is real: networkx's own 1.3 output (wrong XML Schema instance namespace) fails it."""
    graph = nx.DiGraph([("a", "b")])
    nx.write_gexf(graph, tmp_path / "nx.gexf", version="1.3")
    assert not schema.validate(etree.parse(str(tmp_path / "nx.gexf")))


def test_gexf_header_is_13_with_the_real_xsi_namespace(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    assert root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").startswith("http://gexf.net/1.3 ")


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_networkx_reads_back_the_projection_counts(exports, projections, view) -> None:
    graph = nx.read_gexf(exports[view, "gexf"], version="1.3")
    expected = projections[view]
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())


def test_gexf_dated_edges_have_spells_for_the_timeline(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    graph = root.find("g:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    spells = {e.get("kind"): [(s.get("start"), s.get("end")) for s in e.iterfind("g:spells/g:spell", NS)]
              for e in root.iterfind(".//g:edge", NS)}
    assert spells["holds_post_in"] == [("2024-09-09", "2024-09-09")]
    assert spells["funds"] == [("2024-01-01", "2024-12-31")]  # a year: the whole year
    assert spells["partners_with"] == []  # no date: always there


def test_gexf_event_nodes_have_spells(tmp_path) -> None:
    export_graph(samples.actor_event_graph(), "gexf", tmp_path / "events.gexf", "meetings")
    root = etree.parse(str(tmp_path / "events.gexf")).getroot()
    event = root.find(f".//g:node[@id='{samples.ID}event/rome-meeting']", NS)
    assert [(s.get("start"), s.get("end")) for s in event.iterfind("g:spells/g:spell", NS)] == [("2024-09-16", "2024-09-16")]
    assert root.find("g:graph", NS).get("defaultedgetype") == "undirected"


def test_gexf_attributes_declared_once_with_one_type(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    for cls in ("node", "edge"):
        titles = [a.get("title") for a in root.iterfind(f".//g:attributes[@class='{cls}']/g:attribute", NS)]
        assert len(titles) == len(set(titles))
    types = {a.get("title"): a.get("type") for a in root.iterfind(".//g:attributes[@class='edge']/g:attribute", NS)}
    assert types["verified"] == "boolean" and types["span_start"] == "long" and types["weight"] == "double"
    values = {v.get("value") for v in root.iterfind(".//g:attvalue[@for='e-verified']", NS)}
    assert values == {"true", "false"}


def test_gexf_nodes_coloured_by_kind(sample) -> None:
    root = etree.parse(str(sample)).getroot()
    colours = {n.get("label"): tuple(n.find("viz:color", NS).get(c) for c in "rgb") for n in root.iterfind(".//g:node", NS)}
    assert colours["Keir Starmer"] == colours["Giorgia Meloni"] != colours["Home Office"]
