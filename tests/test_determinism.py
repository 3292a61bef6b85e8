"""The same articles give the same graph: whatever the hash seed, the file order or the batching, and after a
remove and re-ingest (the corpus-scale store issue's bars, on the example articles)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
POLICYKG = str(Path(sys.executable).parent / "policykg")


def policykg(data_dir: Path, *args: str, seed: str = "0") -> str:
    result = subprocess.run([POLICYKG, "--data-dir", str(data_dir), *args], capture_output=True, text=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def exports(data_dir: Path, seed: str = "0") -> dict[str, list[str]]:
    return {what: sorted(policykg(data_dir, "export", what, seed=seed).splitlines())
            for what in ("statements", "entities", "relations")}


@pytest.fixture(scope="module")
def together(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("together")
    policykg(data_dir, "ingest", "--no-neo4j", *map(str, EXAMPLES), seed="1")
    return data_dir


def test_hash_seed_order_and_batching_do_not_change_the_exports(together, tmp_path):
    apart = tmp_path / "apart"
    for path in reversed(EXAMPLES):  # other order, one article per run, another hash seed
        policykg(apart, "ingest", "--no-neo4j", str(path), seed="2")
    first, second = exports(together, seed="3"), exports(apart, seed="4")
    assert first["statements"] and first["entities"] and first["relations"]
    assert first == second


def test_remove_and_reingest_give_back_the_identical_export(together, tmp_path):
    before = exports(together)
    name = EXAMPLES[0].name
    assert f"removed {name}" in policykg(together, "remove", name)
    without = exports(together)
    assert len(without["statements"]) < len(before["statements"])
    assert not any(name in line for line in without["statements"] + without["relations"])
    policykg(together, "ingest", "--no-neo4j", str(EXAMPLES[0]))
    assert exports(together) == before
