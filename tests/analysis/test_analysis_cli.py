"""``bskg analyse``, run as a user runs it, on the seed corpus's graph: tables, CSV, JSON, plots, RDF."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main


def analyse(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["analyse", *args])
    return result.exit_code, result.stdout, result.stderr


def test_analyse_centrality_table_ranks_actors(seed_file: Path) -> None:
    code, out, _ = analyse("centrality", "--data", str(seed_file), "--top", "5")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Centrality of 5 actors") and "betweenness exact" in lines[0]
    assert lines[2].split()[:6] == ["rank", "actor", "kind", "country", "degree", "betweenness"]
    assert "Yvette Cooper" in lines[4] and out.rstrip().endswith("(5 rows)")


def test_analyse_centrality_csv_and_json_agree(seed_file: Path) -> None:
    _, text, _ = analyse("centrality", "--data", str(seed_file), "--format", "csv")
    _, payload, _ = analyse("centrality", "--data", str(seed_file), "--format", "json")
    rows = list(csv.DictReader(io.StringIO(text)))
    actors = json.loads(payload)["actors"]
    assert [(r["actor"], float(r["pagerank"])) for r in rows] == [(a["label"], a["pagerank"]) for a in actors]


def test_analyse_path_every_row_has_a_source_span(seed_file: Path, seed_text: dict[str, str]) -> None:
    code, text, _ = analyse("path", "rob jones", "Stephen Parkinson", "--data", str(seed_file),
                            "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and rows
    for row in rows:
        start, end = (int(x) for x in row["span"].split("-"))
        assert seed_text[row["source"]][start:end] == row["quote"]


def test_analyse_path_names_actors_by_alias(seed_file: Path) -> None:
    code, out, _ = analyse("path", "NCA", "CPS", "--data", str(seed_file))
    assert code == 0 and "National Crime Agency" in out and "Crown Prosecution Service" in out


def test_analyse_unknown_actor_is_a_one_line_error(seed_file: Path) -> None:
    code, _, err = analyse("ego", "Nobody Atall", "--data", str(seed_file))
    assert code == 2 and err.startswith("bskg: error: no actor is named 'Nobody Atall'")


def test_analyse_funding_lists_recipients_with_the_ceiling(seed_file: Path) -> None:
    code, text, _ = analyse("funding", "--data", str(seed_file), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0
    recipients = {r["recipient"] for r in rows if r["role"] == "recipient"}
    assert {"National Crime Agency", "Border Security Command"} <= recipients
    assert {r["money"] for r in rows} == {"up to GBP 75,000,000"}


def test_analyse_funding_by_actor(seed_file: Path) -> None:
    _, payload, _ = analyse("funding", "--data", str(seed_file), "--by", "actor", "--format", "json")
    actors = {a["label"]: a for a in json.loads(payload)["actors"].values()}
    assert actors["Yvette Cooper"]["announced"] == {"packages": 1, "totals": {"GBP": 75000000.0}, "ceiling": True}


def test_analyse_as_of_before_the_funding_leaves_it_out(seed_file: Path) -> None:
    _, payload, _ = analyse("funding", "--data", str(seed_file), "--as-of", "2024-09-16", "--format", "json")
    data = json.loads(payload)
    assert data["window"] == {"as_of": "2024-09-16"} and data["packages"] == []


@pytest.mark.parametrize("command", [["centrality"], ["communities"], ["path", "Keir Starmer", "CPS"],
                                     ["ego", "Yvette Cooper"], ["funding"], ["timeline"]],
                         ids=lambda c: c[0])
def test_analyse_plot_writes_a_png(seed_file: Path, tmp_path: Path, command: list[str]) -> None:
    picture = tmp_path / "out.png"
    code, _, err = analyse(*command, "--data", str(seed_file), "--plot", str(picture))
    assert code == 0, err
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 10_000


@pytest.mark.parametrize("command", [["centrality"], ["communities"], ["path", "Rob Jones", "Angela Eagle"],
                                     ["ego", "NCA"], ["funding", "--by", "actor"]], ids=lambda c: c[0])
def test_analyse_write_rdf_puts_results_in_their_own_named_graph(seed_file: Path, tmp_path: Path,
                                                                 command: list[str]) -> None:
    target = tmp_path / "results.trig"
    code, _, err = analyse(*command, "--data", str(seed_file), "--write-rdf", str(target))
    assert code == 0, err
    dataset = Dataset()
    dataset.parse(target, format="trig")
    rows = list(dataset.query("""PREFIX bskg: <https://w3id.org/bskg/ontology#>
        SELECT ?g ?run WHERE { GRAPH ?g { ?run a bskg:NetworkAnalysis } }"""))
    assert len(rows) == 1 and rows[0][0] == rows[0][1]


def test_analyse_write_rdf_centrality_is_queryable(seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "scores.nq"
    analyse("centrality", "--data", str(seed_file), "--write-rdf", str(target))
    dataset = Dataset()
    dataset.parse(target, format="nquads")
    (top,) = dataset.query("""PREFIX bskg: <https://w3id.org/bskg/ontology#>
        SELECT ?actor WHERE { GRAPH ?g { ?s bskg:measure "pagerank" ; bskg:scoreOf ?actor ; bskg:score ?v } }
        ORDER BY DESC(?v) LIMIT 1""")
    assert str(top[0]) == "https://w3id.org/bskg/id/person/yvette-cooper"


def test_analyse_timeline_has_no_rdf_output(seed_file: Path, tmp_path: Path) -> None:
    code, _, err = analyse("timeline", "--data", str(seed_file), "--write-rdf", str(tmp_path / "x.trig"))
    assert code == 2 and "not available for timeline" in err


def _run_in_fresh_python(seed_file: Path, folder: Path, hash_seed: str) -> dict[str, bytes]:
    folder.mkdir()
    outputs = {}
    for name, args in {"centrality": ["centrality"], "communities": ["communities"], "funding": ["funding"]}.items():
        result = subprocess.run(
            [sys.executable, "-m", "kg", "analyse", *args, "--data", str(seed_file), "--format", "json",
             "--plot", str(folder / f"{name}.png"), *(["--write-rdf", str(folder / f"{name}.trig")]
                                                     if name != "funding" else [])],
            capture_output=True, env={**os.environ, "PYTHONHASHSEED": hash_seed}, timeout=300, check=True)
        outputs[f"{name}.json"] = result.stdout
    outputs.update({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    return outputs


def test_analyse_same_input_gives_same_numbers_and_files(seed_file: Path, tmp_path: Path) -> None:
    first = _run_in_fresh_python(seed_file, tmp_path / "one", "1")
    second = _run_in_fresh_python(seed_file, tmp_path / "two", "2")
    assert sorted(first) == sorted(second) and len(first) == 8
    assert [name for name in first if first[name] != second[name]] == []
