"""Hand-coded statements (``policykg import FILE.csv``) and the DNA actor networks built from them, end to end."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.network import events, network

# A small debate coded by hand for this test: four people, three targets, two sides.
CODED = """article,date,speaker,speaker_type,target,target_type,stance,content,coder
a1.txt,2023-01-10,Alice Martin,Person,Client-side scanning,Feature,against,Scanning every message breaks encryption.,ann
a1.txt,2023-01-10,Bob Durand,Person,Client-side scanning,Feature,against,We will not scan our users' messages.,ann
a1.txt,2023-01-10,Carol Petit,Person,Client-side scanning,Feature,for,Scanning is the only way to find abusers.,ann
a2.txt,2023-03-05,Alice Martin,Person,Data Retention Act,Topic,against,The act goes too far.,ben
a2.txt,2023-03-05,Bob Durand,Person,Data Retention Act,Topic,against,The act is a mistake.,ben
a2.txt,2023-03-05,Carol Petit,Person,Data Retention Act,Topic,for,The act protects children.,ben
a2.txt,2023-03-05,Alice Martin,Person,Data Retention Act,Topic,against,I repeat: it goes too far.,ben
a3.txt,2023-06-01,Dan Roy,Person,Client-side scanning,Feature,for,Scanning can be done safely.,ann
a3.txt,2023-06-01,Bob Durand,Person,Age checks,Topic,for,Age checks are reasonable.,ann
a3.txt,2023-06-01,Dan Roy,Person,Age checks,Topic,neutral,We are looking at age checks.,ann
a3.txt,2023-06-01,Eve Blanc,Person,Age checks,Topic,perhaps,This row has no valid stance.,ann
"""
E = "https://w3id.org/policykg/id/entity/"
ALICE, BOB, CAROL, DAN = (E + k for k in ("alice-martin", "bob-durand", "carol-petit", "daniel-roy"))  # "Dan" is Daniel: keys.given_name


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("coded")
    (path / "coded.csv").write_text(CODED, encoding="utf-8")
    output = run(path, "import", str(path / "coded.csv"), code=1)
    assert "coded.csv:12: stance 'perhaps' is not one of for, against, neutral" in output
    assert "imported 10 hand-coded statement(s) of 3 article(s)" in output
    return path


def weights(data_dir: Path, kind: str, *options: str) -> dict[tuple[str, str], float]:
    rows = list(csv.DictReader(io.StringIO(run(data_dir, "network", kind, "--format", "csv", *options))))
    return {(row["source"], row["target"]): float(row["weight"]) for row in rows}


def test_hand_coded_statements_are_stored_as_manual_with_annotations(data_dir: Path) -> None:
    rows = [json.loads(line) for line in run(data_dir, "export", "statements").splitlines()]
    assert len(rows) == 10
    assert {row["method"] for row in rows} == {"manual"}
    alice = [row for row in rows if row["speaker_id"] == ALICE]
    assert [row["content"] for row in alice][:1] == ["Scanning every message breaks encryption."]
    assert {row["date"] for row in alice} == {"2023-01-10", "2023-03-05"}
    coders = run(data_dir, "sparql", "SELECT ?coder WHERE { ?s <https://w3id.org/policykg/id/annotation/coder> ?coder }",
                 "--format", "json")
    assert sorted(r["coder"] for r in json.loads(coders)) == ["ann"] * 6 + ["ben"] * 4


def test_congruence_weights_count_targets_with_the_same_side(data_dir: Path) -> None:
    assert weights(data_dir, "congruence") == {(ALICE, BOB): 2, (CAROL, DAN): 1}


def test_conflict_weights_count_targets_with_opposite_sides(data_dir: Path) -> None:
    assert weights(data_dir, "conflict") == {(ALICE, CAROL): 2, (BOB, CAROL): 2, (ALICE, DAN): 1, (BOB, DAN): 1}
    assert weights(data_dir, "subtract") == {(ALICE, BOB): 2, (ALICE, CAROL): -2, (BOB, CAROL): -2, (ALICE, DAN): -1,
                                             (BOB, DAN): -1, (CAROL, DAN): 1}


def test_actor_target_counts_each_stance_once_per_article(data_dir: Path) -> None:
    output = run(data_dir, "network", "actor-target", "--format", "csv")
    rows = {(r["source_label"], r["target_label"]): r for r in csv.DictReader(io.StringIO(output))}
    assert len(rows) == 9  # 11 coded rows, one bad, Alice's repeat in a2 counted once
    assert (rows["Alice Martin", "Data Retention Act"]["n_against"], rows["Alice Martin", "Data Retention Act"]["weight"]) == ("1", "1")
    # "Age checks" is a name the knowledge base knows: the coded target joins the extracted entity.
    assert rows["Dan Roy", "Age verification"]["n_neutral"] == "1"
    assert rows["Carol Petit", "Client-side scanning"]["n_for"] == "1"
    every = {(r["source_label"], r["target_label"]): r for r in
             csv.DictReader(io.StringIO(run(data_dir, "network", "actor-target", "--format", "csv", "--duplicates", "none")))}
    assert every["Alice Martin", "Data Retention Act"]["n_against"] == "2"


def test_date_filter_and_periods(data_dir: Path) -> None:
    assert weights(data_dir, "congruence", "--to", "2023-03") == {(ALICE, BOB): 2}
    assert weights(data_dir, "congruence", "--from", "2023-02-01") == {(ALICE, BOB): 1}  # Carol's "for" was in January
    assert weights(data_dir, "conflict", "--from", "2023-06") == {}
    by_month = list(csv.DictReader(io.StringIO(run(data_dir, "network", "conflict", "--by", "month", "--format", "csv"))))
    assert sorted((r["period"], r["source_label"], r["target_label"], r["weight"]) for r in by_month) == [
        ("2023-01", "Alice Martin", "Carol Petit", "1"), ("2023-01", "Bob Durand", "Carol Petit", "1"),
        ("2023-03", "Alice Martin", "Carol Petit", "1"), ("2023-03", "Bob Durand", "Carol Petit", "1")]


def test_normalisation_and_about(data_dir: Path) -> None:
    # Alice takes sides on 2 targets, Bob on 3, and they agree on 2.
    assert weights(data_dir, "congruence", "--normalize", "jaccard")[ALICE, BOB] == pytest.approx(2 / 3, abs=1e-6)
    assert weights(data_dir, "congruence", "--normalize", "average")[ALICE, BOB] == pytest.approx(2 / 2.5, abs=1e-6)
    assert weights(data_dir, "congruence", "--normalize", "cosine")[ALICE, BOB] == pytest.approx(2 / 6 ** 0.5, abs=1e-6)
    assert weights(data_dir, "congruence", "--about", "data retention act") == {(ALICE, BOB): 1}
    assert weights(data_dir, "conflict", "--min-weight", "2") == {(ALICE, CAROL): 2, (BOB, CAROL): 2}


def test_event_list_and_gephi_files(data_dir: Path, tmp_path: Path) -> None:
    output = run(data_dir, "network", "congruence", "--format", "csv", "--events")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert len(rows) == 9
    assert {"time", "actor", "concept", "agreement"} <= set(rows[0])
    run(data_dir, "network", "congruence", "--format", "graphml", "-o", str(tmp_path / "c.graphml"))
    graph = nx.read_graphml(tmp_path / "c.graphml")
    assert graph.nodes[ALICE]["label"] == "Alice Martin" and graph.nodes[ALICE]["type"] == "Person"
    assert graph.edges[ALICE, BOB]["weight"] == 2
    run(data_dir, "network", "conflict", "--format", "gexf", "--by", "year", "-o", str(tmp_path / "k.gexf"))
    assert nx.read_gexf(tmp_path / "k-2023.gexf").number_of_edges() == 4


def test_html_shows_the_actors_and_what_ties_them(data_dir: Path, tmp_path: Path) -> None:
    run(data_dir, "network", "congruence", "--format", "html", "-o", str(tmp_path / "c.html"))
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    data = json.loads(html.split('id="policykg-data">', 1)[1].split("</script>", 1)[0])
    assert {node["label"] for node in data["nodes"]} == {"Alice Martin", "Bob Durand", "Carol Petit", "Dan Roy"}
    tie = next(edge for edge in data["edges"] if {edge["from"], edge["to"]} == {ALICE, BOB})
    assert tie["summary"] == "congruence 2: agree on Client-side scanning, Data Retention Act"
    assert sorted(data["statements"][i]["quote"] for i in tie["stmts"])[0] == "I repeat: it goes too far." or len(tie["stmts"]) == 4
    assert data["tie"] == "congruence"


def test_library_on_rows_without_a_store() -> None:
    rows = [
        {"statement": f"s{i}", "speaker_id": speaker, "speaker": speaker, "targets": [{"id": "t", "label": "T"}],
         "stance": stance, "article": f"{i}.txt", "date": "2024-01-01", "kind": "direct", "content": "..."}
        for i, (speaker, stance) in enumerate([("a", "for"), ("b", "for"), ("c", "against"), ("a", "against")])
    ]
    graph = network("congruence", events(rows))
    assert dict(graph.edges) == {("a", "b"): graph.edges["a", "b"], ("a", "c"): graph.edges["a", "c"]}
    assert graph.edges["a", "c"]["weight"] == 1  # a is on both sides of T (in two articles), so it agrees with c too
    assert network("conflict", events(rows)).edges["a", "b"]["weight"] == 1
    with pytest.raises(ValueError, match="duplicates"):
        events(rows, duplicates="sometimes")
