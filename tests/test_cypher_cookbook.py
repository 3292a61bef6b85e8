"""Every query of docs/cypher.md, run as written on a real Neo4j server, with the answers it must give.

The data: the two example articles (extracted) and a small debate coded by hand for this test, with one
curation, all written to Neo4j by the CLI as a user would. Exact answers are checked on the hand-coded part;
on the extracted part, what the examples certainly say (Tom Tugendhat, Security Minister, against Meta).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policykg.cli import main

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent
CODED = """article,date,speaker,speaker_type,target,target_type,stance,content
digital-rights-1.txt,2023-01-12,Claire Dubois,Person,Meta,Company,against,Meta must not weaken its safety teams.
digital-rights-1.txt,2023-01-12,Open Net Collective,NGO,End-to-end encryption,Feature,for,Encryption protects journalists and their sources.
digital-rights-1.txt,2023-01-12,Claire Dubois,Person,End-to-end encryption,Feature,for,Encryption is a basic safeguard.
child-safety-2.txt,2023-04-03,Child Safety Alliance,NGO,End-to-end encryption,Feature,against,Encryption hides abuse from investigators.
child-safety-2.txt,2023-04-03,Claire Dubois,Person,Meta,Company,neutral,We are still studying the proposal from Meta.
child-safety-2.txt,2023-04-03,Child Safety Alliance,NGO,Meta,Company,against,Meta ignores the warnings of child-protection groups.
policy-3.txt,2023-09-20,Claire Dubois,Person,Meta,Company,for,The new reporting tools from Meta are a real step.
policy-3.txt,2023-09-20,Open Net Collective,NGO,Meta,Company,for,Meta was right to keep messages private.
"""


def blocks() -> list[tuple[str, dict[str, str], str]]:
    """(section title, parameters, query) of every cypher block of the cookbook."""
    text = (ROOT / "docs" / "cypher.md").read_text(encoding="utf-8")
    found = []
    for title, block in re.findall(r"^## (.+?)\n.*?```cypher\n(.*?)```", text, re.S | re.M):
        params = dict(re.findall(r"^:param (\w+) => '(.*)'$", block, re.M))
        query = "\n".join(line for line in block.splitlines() if not line.startswith(":param"))
        found.append((title, params, query))
    return found


def has(rows: list[dict], **expected: Any) -> bool:
    return any(all(row.get(k) == v for k, v in expected.items()) for row in rows)


def check_1(rows: list[dict]) -> None:
    assert [(r["speaker"], r["stance"], r["date"]) for r in rows[:3]] == [
        ("Claire Dubois", "against", "2023-01-12"), ("Claire Dubois", "against", "2023-04-03"),
        ("Child Safety Alliance", "against", "2023-04-03")]
    assert has(rows, speaker="Tom Tugendhat", stance="against", article="004_7455423dfd3c75d7.txt")


def check_2(rows: list[dict]) -> None:
    assert rows[0]["target"] == "Meta" and rows[0]["stance"] == "against" and rows[0]["statements"] >= 2


def check_3(rows: list[dict]) -> None:
    pair = next(r for r in rows if (r["actor"], r["other"]) == ("Claire Dubois", "Open Net Collective"))
    assert (pair["targets"], sorted(pair["agree_on"])) == (2, ["End-to-end encryption (for)", "Meta (for)"])
    assert has(rows, actor="Claire Dubois", other="Tom Tugendhat", targets=1)


def check_4(rows: list[dict]) -> None:
    assert has(rows, supporter="Open Net Collective", opponent="Child Safety Alliance", target="End-to-end encryption",
               pairs_of_statements=1)
    assert has(rows, supporter="Open Net Collective", opponent="Tom Tugendhat", target="Meta")


def check_5(rows: list[dict]) -> None:
    # The April statement was neutral as coded, and curated to against.
    assert [(r["month"], r["for"], r["against"], r["neutral"]) for r in rows] == [
        ("2023-01", 0, 1, 0), ("2023-04", 0, 1, 0), ("2023-09", 1, 0, 0)]


def check_6(rows: list[dict]) -> None:
    assert rows[0]["target"] == "Meta" and rows[0]["supporters"] == 2 and rows[0]["opponents"] >= 3
    assert has(rows, target="End-to-end encryption", supporters=2)


def check_7(rows: list[dict]) -> None:
    assert rows and {r["speaker"] for r in rows} == {"Tom Tugendhat"}
    assert has(rows, target="Meta", stance="against") and all("ministre de la Sécurité" in r["roles"] for r in rows)


def check_8(rows: list[dict]) -> None:
    assert has(rows, speaker_type="NGO", stance="for", speakers=1, statements=1)
    assert has(rows, speaker_type="NGO", stance="against", speakers=1, statements=1)
    assert has(rows, speaker_type="Person", stance="for", speakers=1, statements=1)


def check_9(rows: list[dict]) -> None:
    meta_for = next(r for r in rows if (r["about"], r["stance"]) == ("Meta", "for"))
    assert meta_for["statements"] == 2 and sorted(meta_for["speakers"]) == ["Claire Dubois", "Open Net Collective"]
    assert has(rows, about="Facebook", stance="against")  # owned by Meta, in the examples


def check_10(rows: list[dict]) -> None:
    assert has(rows, speaker="Claire Dubois", quoted=0, reported=4, statements=4)
    assert next(r for r in rows if r["speaker"] == "Tom Tugendhat")["quoted"] > 0


def check_11(rows: list[dict]) -> None:
    assert [(r["speaker"], r["content"], r["field"], r["value"], r["curator"]) for r in rows] == [
        ("Claire Dubois", "We are still studying the proposal from Meta.", "stance", "against", "ana")]


def check_12(rows: list[dict]) -> None:
    assert has(rows, speaker="Claire Dubois", hand_coded=4, extracted=0)
    assert has(rows, speaker="Tom Tugendhat", hand_coded=0)


CHECKS: dict[int, Callable[[list[dict]], None]] = {
    1: check_1, 2: check_2, 3: check_3, 4: check_4, 5: check_5, 6: check_6, 7: check_7, 8: check_8, 9: check_9,
    10: check_10, 11: check_11, 12: check_12,
}


@pytest.fixture(scope="module")
def loaded(neo4j_session_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    neo4j_session_store.clear()
    data = tmp_path_factory.mktemp("cookbook")
    (data / "coded.csv").write_text(CODED, encoding="utf-8")
    for args in (["ingest", str(ROOT / "examples")], ["import", str(data / "coded.csv")],
                 ["curate", "set", "manual-child-safety-2-txt-2", "stance=against", "--by", "ana"]):
        result = CliRunner().invoke(main, ["--data-dir", str(data / "store"), *args])
        assert result.exit_code == 0, result.output
    return neo4j_session_store


def test_the_cookbook_has_a_check_for_every_query() -> None:
    assert len(blocks()) >= 10
    assert [int(title.split(".")[0]) for title, _, _ in blocks()] == sorted(CHECKS)


@pytest.mark.parametrize("number", sorted(CHECKS))
def test_cookbook_query(loaded: Any, number: int) -> None:
    title, params, query = blocks()[number - 1]
    rows = loaded.cypher(query, params)
    CHECKS[number](rows)
