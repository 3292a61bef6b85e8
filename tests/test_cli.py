"""The command line end to end on the example articles (the README's first command, in tests)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A store holding the two example articles, ingested once for the module."""
    path = tmp_path_factory.mktemp("data")
    result = CliRunner().invoke(main, ["--data-dir", str(path), "ingest", "--no-neo4j", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    return path


def run(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_who_said_what_about_meta_by_tugendhat(data_dir):
    rows = json.loads(run(data_dir, "query", "who-said-what", "--speaker", "tom tugendhat", "--about", "META",
                          "--format", "json"))
    assert rows, "Tom Tugendhat's statements about Meta"
    assert {r["speaker"] for r in rows} == {"Tom Tugendhat"}
    assert {r["target"] for r in rows} == {"Meta"}
    assert {r["article"] for r in rows} <= {p.name for p in EXAMPLES.glob("*.txt")}
    # A speaker named through an alias gives the same answer.
    by_alias = json.loads(run(data_dir, "query", "who-said-what", "--speaker", "TUGENDHAT", "--about", "Meta",
                              "--format", "json"))
    assert by_alias == rows


def test_table_and_csv_outputs(data_dir):
    table = run(data_dir, "query", "who-said-what", "--about", "Meta")
    assert "speaker" in table.splitlines()[0].split()
    assert "Tom Tugendhat" in table
    rows = list(csv.DictReader(io.StringIO(run(data_dir, "query", "who-said-what", "--about", "Meta", "--format", "csv"))))
    assert rows and all(r["target"] == "Meta" for r in rows)


def test_export_statements_offsets_point_into_the_original_text(data_dir):
    rows = [json.loads(line) for line in run(data_dir, "export", "statements").splitlines()]
    assert len(rows) >= 10
    texts = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")}
    for row in rows:
        assert texts[row["article"]][row["start"]:row["end"]] == row["content"]
        assert row["stance"] in {"for", "against", "neutral"} and row["kind"] in {"direct", "indirect"}
        assert all({"label", "id", "type"} <= set(t) for t in row["targets"])


def test_export_entities_and_csv(data_dir):
    rows = [json.loads(line) for line in run(data_dir, "export", "entities").splitlines()]
    labels = {r["label"] for r in rows}
    assert {"Tom Tugendhat", "Meta", "WhatsApp"} <= labels
    assert not {"Geeko", "Youtube", "View from Westminster"} & labels, "boilerplate yields no entities"
    table = list(csv.DictReader(io.StringIO(run(data_dir, "export", "entities", "--format", "csv"))))
    assert {r["label"] for r in table} == labels


def test_render_writes_an_offline_html_graph(data_dir, tmp_path):
    out = tmp_path / "graph.html"
    run(data_dir, "render", "who-said-what", "--speaker", "Tom Tugendhat", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert "Tom Tugendhat" in html and "Meta" in html
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html


def test_ingesting_again_changes_nothing(data_dir):
    before = run(data_dir, "stats")
    run(data_dir, "ingest", "--no-neo4j", str(EXAMPLES))
    assert run(data_dir, "stats") == before


def test_bad_files_are_reported_and_the_rest_is_ingested(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "latin1.txt").write_bytes("Le député a déclaré que la sécurité était menacée.".encode("latin-1"))
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["--data-dir", str(data), "ingest", "--no-neo4j", str(bad), str(EXAMPLES)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error")]
    assert len(errors) == 3
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in errors)
    assert "3 input(s) failed" in result.output
    assert "2 article(s)" in result.output
    stats = run(data, "stats")
    assert "articles" in stats and " 2" in stats.splitlines()[0]


def test_query_list_names_every_query(data_dir):
    listing = run(data_dir, "query", "--list")
    assert "who-said-what" in {line.split()[0] for line in listing.splitlines()}


def test_clear_error_without_a_store(tmp_path):
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "none"), "query", "who-said-what"])
    assert result.exit_code != 0 and "policykg ingest" in result.output


def test_raw_sparql_is_read_only_and_errors_are_clear(data_dir):
    out = run(data_dir, "sparql", "SELECT DISTINCT ?l WHERE { ?e a pk:Platform ; rdfs:label ?l } ORDER BY ?l", "--format", "json")
    assert "WhatsApp" in {row["l"] for row in json.loads(out)}
    for bad in ("SELEC nothing", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"):
        result = CliRunner().invoke(main, ["--data-dir", str(data_dir), "sparql", bad])
        assert result.exit_code != 0 and "SPARQL" in result.output and "Traceback" not in result.output


def test_export_graph_for_gephi(data_dir, tmp_path):
    import networkx as nx

    out = tmp_path / "g.graphml"
    run(data_dir, "export", "graph", "--format", "graphml", "-o", str(out))
    graph = nx.read_graphml(out)
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert {"Tom Tugendhat", "Meta"} <= labels and graph.number_of_edges() > 0


@pytest.mark.neo4j
def test_raw_cypher_takes_parameters_and_is_read_only(neo4j_store, monkeypatch, tmp_path):
    from policykg.graph.store import OxigraphStore
    from policykg.pipeline import ingest

    ingest([EXAMPLES], [OxigraphStore(), neo4j_store])
    query = "MATCH (p:Person) WHERE p.label = $name RETURN p.label AS label"
    result = CliRunner().invoke(main, ["cypher", query, "-p", "name=Tom Tugendhat", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"label": "Tom Tugendhat"}]
    counts = neo4j_store.counts()
    refused = CliRunner().invoke(main, ["cypher", "CREATE (n:Resource {uri: 'urn:x'}) RETURN n"])
    assert refused.exit_code != 0 and "Cypher" in refused.output
    assert neo4j_store.counts() == counts


def test_the_readme_python_example_runs_and_prints(tmp_path):
    """The README's ```python block, run as a user would from a checkout (its data folder moved to tmp_path)."""
    import re
    import subprocess
    import sys

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", readme, re.S)
    code = code.replace('"demo-data"', repr(str(tmp_path / "data"))).replace(
        '"examples/"', repr(str(EXAMPLES)))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 articles, ") and " statements" in lines[0]
    assert any(line.split()[1:3] == ["Tom", "Tugendhat"] and "Meta" in line for line in lines[1:])
    assert "'statements':" in lines[-1]
