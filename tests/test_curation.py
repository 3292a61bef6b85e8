"""Curations on the example articles: they rewrite the stored graphs at once, survive re-ingest, and are listed."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.curation import Curations

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(data_dir: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    assert result.exit_code == code, result.output
    return result.output


def statements(data_dir: Path) -> dict[str, dict]:
    return {row["statement"]: row for row in map(json.loads, run(data_dir, "export", "statements").splitlines())}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("curated")
    run(path, "ingest", "--no-neo4j", str(EXAMPLES))
    return path


def test_set_and_drop_survive_reingest_and_are_listed(data_dir: Path) -> None:
    before = statements(data_dir)
    neutral = next(iri for iri, row in before.items() if row["stance"] != "against")
    dropped = next(iri for iri in sorted(before) if iri != neutral)
    short = neutral.rsplit("/", 1)[1]  # the short id works as well as the IRI

    assert "c1  set" in run(data_dir, "curate", "set", short, "stance=against", "--by", "ana")
    assert "c2  drop" in run(data_dir, "curate", "drop", dropped, "--by", "ana")
    after = statements(data_dir)
    assert after[neutral]["stance"] == "against" and dropped not in after

    run(data_dir, "ingest", "--no-neo4j", str(EXAMPLES))  # the extraction says the old values again
    again = statements(data_dir)
    assert again[neutral]["stance"] == "against"
    assert dropped not in again
    assert len(again) == len(before) - 1

    listed = json.loads(run(data_dir, "curate", "list", "--format", "json"))
    assert [(c["id"], c["state"], c["by"]) for c in listed] == [("c1", "applied", "ana"), ("c2", "applied", "ana")]
    assert listed[0]["curation"] == f"set {neutral} stance=against"
    # The file is one JSON object a line, with who and when.
    lines = (data_dir / "curations.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["op"] for line in lines] == ["set", "drop"]
    assert all(json.loads(line)["at"].endswith("+00:00") for line in lines)


def test_a_curated_value_is_attributed_to_the_curator(data_dir: Path) -> None:
    rows = json.loads(run(data_dir, "sparql", """
        SELECT ?statement ?who ?when ?value WHERE {
          ?statement pk:curation ?c . ?c a pk:Curation ; prov:wasAttributedTo ?agent ; prov:generatedAtTime ?when ;
             pk:curatedField "stance" ; pk:curatedValue ?value . ?agent rdfs:label ?who }""", "--format", "json"))
    assert [(row["who"], row["value"]) for row in rows] == [("ana", "against")]


def test_undo_restores_the_extracted_statement(data_dir: Path) -> None:
    listed = json.loads(run(data_dir, "curate", "list", "--format", "json"))
    dropped = listed[1]["curation"].split()[1]
    run(data_dir, "curate", "undo", "c2")
    assert dropped in statements(data_dir)
    states = {c["id"]: c["state"] for c in json.loads(run(data_dir, "curate", "list", "--format", "json"))}
    assert states == {"c1": "applied", "c2": "undone", "c3": "undo"}
    run(data_dir, "curate", "undo", "c2", code=1)  # once only


def test_merge_and_edited_csv(data_dir: Path) -> None:
    rows = statements(data_dir)
    speakers = sorted({row["speaker_id"] for row in rows.values()})
    first, second = speakers[0], speakers[1]
    run(data_dir, "curate", "merge", first.rsplit("/", 1)[1], second)
    merged = statements(data_dir)
    assert first not in {row["speaker_id"] for row in merged.values()}
    assert sum(row["speaker_id"] == second for row in merged.values()) == \
        sum(row["speaker_id"] in (first, second) for row in rows.values())

    exported = run(data_dir, "export", "statements", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(exported)))
    table[0]["stance"] = "for" if table[0]["stance"] != "for" else "against"
    removed = table.pop()
    edited = data_dir / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    output = run(data_dir, "curate", "import", str(edited))
    assert "set " + table[0]["statement"] + " stance=" + table[0]["stance"] in output
    assert "drop " + removed["statement"] in output
    ids = [line.split()[0] for line in output.splitlines() if line.startswith("c")]
    assert len(ids) == 2 and len(set(ids)) == 2
    now = statements(data_dir)
    assert now[table[0]["statement"]]["stance"] == table[0]["stance"] and removed["statement"] not in now


def test_a_curation_whose_statement_is_gone_is_reported(tmp_path: Path) -> None:
    curations = Curations(tmp_path / "curations.jsonl")
    graph, statement = "https://w3id.org/policykg/id/graph/a", "https://w3id.org/policykg/id/statement/a-1"
    curations.append(curations.new("set", "ana", statement=statement, graph=graph, set={"stance": "for"}))
    kept = curations.apply(graph, [ox.Quad(ox.NamedNode(graph), ox.NamedNode(graph), ox.Literal("x"), ox.NamedNode(graph))])
    assert len(kept) == 1
    assert curations.missing == {"c1": graph}
    assert Curations.load(tmp_path).records[0].set == {"stance": "for"}  # still in the file


def test_merges_chain_and_ids_are_never_reused(tmp_path: Path) -> None:
    curations = Curations(tmp_path / "curations.jsonl")
    e = "https://w3id.org/policykg/id/entity/"
    graph = "https://w3id.org/policykg/id/graph/g"
    first, second = curations.new("merge", "ana", entity=e + "a", into=e + "b", into_label="B"), \
        curations.new("merge", "ana", entity=e + "b", into=e + "c", into_label="C")
    assert (first.id, second.id) == ("c1", "c2")
    curations.append(first)
    curations.append(second)
    said = ox.Quad(ox.NamedNode(e + "s"), ox.NamedNode(e + "speaker"), ox.NamedNode(e + "a"), ox.NamedNode(graph))
    quads = curations.apply(graph, [said])
    assert ox.Quad(said.subject, said.predicate, ox.NamedNode(e + "c"), said.graph_name) in quads
    assert not any(ox.NamedNode(e + "a") in (q.subject, q.object) or ox.NamedNode(e + "b") in (q.subject, q.object)
                   for q in quads)
    assert curations.apply(graph, quads) == quads  # idempotent
