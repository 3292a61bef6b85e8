"""The command line under bad input and trouble: one error line per bad input, no traceback, nothing good lost;
Neo4j down is one clear error and the stores never silently diverge; a second writer is told who holds the store."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.loaders import nlp

ROOT = Path(__file__).resolve().parent.parent
DEV_SERVER = ROOT / "scripts" / "neo4j-dev-server"
CLI = [sys.executable, "-c", "from policykg.cli import main; main()"]

LONG_PARAGRAPH = ('"The regulator must act before the summer," Anna Keller said on Tuesday. '
                  "Tom Baker, a spokesperson for Ofcom, told reporters that the bill was flawed.\n\n")
PAGE = """<html><head><title>Encryption row | Example</title><meta name="date" content="2023-07-04"></head>
<body><nav>Home | World</nav><article><h1>Encryption row deepens</h1>
<p>The Home Secretary said on Tuesday that end-to-end encryption must not stop the police from finding abusers.</p>
<p>"We will not stand by," she told reporters in London, adding that companies had a duty to act.</p>
</article><footer>Cookie policy</footer></body></html>"""
FRENCH = "La ministre Claire Martin a déclaré mardi que le chiffrement devait être protégé.\n"


def invoke(data: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data), *args])


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error")]


def test_one_ingest_of_a_long_text_utf16_html_a_fifo_and_a_good_file(tmp_path, monkeypatch):
    """The bar of issue 16 at test size: spaCy's max_length is made small, so the long text is over it."""
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 1500)
    monkeypatch.setattr(nlp.load_pipeline("en"), "max_length", 4000)
    inputs = tmp_path / "in"
    (inputs / "folder").mkdir(parents=True)
    long_text = LONG_PARAGRAPH * 40
    (inputs / "long.txt").write_text(long_text, encoding="utf-8")
    (inputs / "utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    (inputs / "page.html").write_text(PAGE, encoding="utf-8")
    os.mkfifo(inputs / "folder" / "pipe.txt")
    (inputs / "folder" / "inside.txt").write_text("Le député Jean Dupuis a estimé que la loi était dangereuse.\n")
    (inputs / "good.txt").write_text("The regulator said the new rules would take effect next year.\n")
    data = tmp_path / "data"

    result = invoke(data, "ingest", "--no-neo4j", *(str(inputs / name) for name in
                                                   ("long.txt", "utf16.txt", "page.html", "folder", "good.txt")))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    [error] = error_lines(result.output)
    assert "pipe.txt" in error and "named pipe" in error
    assert "5 ingested into the RDF store" in result.output
    ok = {line.split()[1].rstrip(":") for line in result.output.splitlines() if line.startswith("ok")}
    assert ok == {"long.txt", "utf16.txt", "page.html", "inside.txt", "good.txt"}

    rows = [json.loads(line) for line in invoke(data, "export", "statements").output.splitlines()]
    long_rows = [row for row in rows if row["article"] == "long.txt"]
    assert len(long_rows) >= 60, "statements from every section of the long text"
    assert max(row["end"] for row in long_rows) > 0.9 * len(long_text)
    assert all(long_text[row["start"]:row["end"]] == row["content"] for row in long_rows)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("listening", [False, True], ids=["nothing-listens", "silent-server"])
def test_unreachable_neo4j_is_one_clear_error_before_anything_is_written(tmp_path, listening):
    (tmp_path / "good.txt").write_text("The regulator said the new rules would take effect next year.\n")
    silent = socket.socket()
    if listening:  # accepts connections and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
    uri = f"bolt://127.0.0.1:{silent.getsockname()[1] if listening else free_port()}"
    env = os.environ | {"NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "secret-password"}
    started = time.monotonic()
    try:
        result = subprocess.run([*CLI, "--data-dir", str(tmp_path / "data"), "ingest", str(tmp_path / "good.txt")],
                                env=env, capture_output=True, text=True, timeout=90)
    finally:
        silent.close()
    assert time.monotonic() - started < 60
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"Neo4j at {uri}" in result.stderr and "--no-neo4j" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "data" / "oxigraph").exists(), "nothing written"


def test_a_second_writer_is_told_which_process_holds_the_store(tmp_path):
    data = tmp_path / "data"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\n"
         "sys.argv = ['policykg', 'ingest', 'first-corpus/']\n"
         "from policykg.graph.store import OxigraphStore\n"
         f"store = OxigraphStore({str(data / 'oxigraph')!r})\n"
         "print('ready', flush=True)\n"
         "sys.stdin.read()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        (tmp_path / "good.txt").write_text("The regulator said the new rules would take effect next year.\n")
        result = invoke(data, "ingest", "--no-neo4j", str(tmp_path / "good.txt"))
    finally:
        holder.communicate("", timeout=30)
    assert result.exit_code == 1
    assert f"process {holder.pid} (`policykg ingest first-corpus/`" in result.output, result.output
    assert "serve" not in result.output


# ---------------------------------------------------------------------------
# A real Neo4j stopped mid-ingest: a dev server of the test's own, as the
# session's shared one must stay up for the other tests.
# ---------------------------------------------------------------------------

def dev_server(home: Path, command: str) -> str:
    env = os.environ | {"NEO4J_DEV_HOME": str(home), "NEO4J_DEV_PASSWORD": "policykg-dev",
                        "NEO4J_DEV_PORT": str(free_port())}  # not 7687, which the session's server may want
    result = subprocess.run([str(DEV_SERVER), command], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


MID_INGEST = """
import contextlib, json, subprocess, sys
from pathlib import Path
from policykg import pipeline
from policykg.graph.neo4j_store import Neo4jStore
from policykg.graph.neo4j_sync import PendingGraphs, RdfAndNeo4j
from policykg.graph.store import OxigraphStore

inputs, data, uri, stop, overlap = sys.argv[1:]
neo4j = Neo4jStore.connect(uri, "neo4j", "policykg-dev")
neo4j.check()
writer = RdfAndNeo4j(OxigraphStore(Path(data) / "oxigraph"), neo4j, PendingGraphs(Path(data)))
seen = []

def stop_after_the_first_batch(source, outcome):
    seen.append(source)
    if len(seen) == 3:  # the first article of the second batch: the first batch is in both stores
        writer.flush()  # (overlapped, Neo4j may still be writing it)
        subprocess.run(stop, shell=True, check=True, capture_output=True)

pipeline.BATCH_SIZE = 2
with writer.overlapped() if overlap == "overlap" else contextlib.nullcontext():
    report = pipeline.ingest([inputs], [writer], language="en", on_article=stop_after_the_first_batch)
print(json.dumps({"articles": report.articles, "errors": [str(e) for e in report.errors],
                  "neo4j_error": writer.neo4j_error}))
"""


@pytest.mark.neo4j
@pytest.mark.parametrize("overlap", ["overlap", "in turn"])
def test_neo4j_stopped_mid_ingest_loses_nothing_and_sync_catches_up(tmp_path, monkeypatch, neo4j_session_store,
                                                                     overlap):
    """The RDF store gets every batch; the graphs Neo4j missed are listed, and the next ingest (or sync) sends them.

    The ingest runs in a process of its own, with a Neo4j server of its own that it stops between two batches;
    Neo4j writes each batch while the next is extracted (as ``policykg ingest`` does), or in turn.
    """
    from policykg.graph.neo4j_store import Neo4jStore
    from policykg.graph.neo4j_sync import PendingGraphs
    from policykg.graph.store import OxigraphStore
    from policykg.loaders.rdf import graph_iri

    home = tmp_path / "neo4j"
    uri = dev_server(home, "start")
    try:
        inputs, data = tmp_path / "in", tmp_path / "data"
        inputs.mkdir()
        names = [f"article-{n}" for n in range(5)]
        for n, name in enumerate(names):
            (inputs / f"{name}.txt").write_text(
                f"The minister number {n} said on Tuesday that encryption must be protected.\n")
        stop = f"NEO4J_DEV_HOME={home} NEO4J_DEV_PASSWORD=policykg-dev {DEV_SERVER} stop"
        run = subprocess.run([sys.executable, "-c", MID_INGEST, str(inputs), str(data), uri, stop, overlap],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        outcome = json.loads(run.stdout.strip().splitlines()[-1])
        assert len(outcome["articles"]) == 5 and not outcome["errors"]
        assert outcome["neo4j_error"], "Neo4j's failure is recorded"
        missed = sorted(str(graph_iri(name)) for name in names[2:])
        pending = PendingGraphs(data).names()  # the article graphs and the entity descriptions they changed
        assert [iri for iri in pending if "/graph/" in iri] == missed
        rdf = OxigraphStore(data / "oxigraph", read_only=True)
        assert [iri for iri in rdf.graph_names() if "/graph/" in iri] == sorted(str(graph_iri(n)) for n in names)
        expected = {iri: sorted(map(str, rdf.quads(iri))) for iri in pending}
        del rdf

        uri = dev_server(home, "start")  # a fresh server, empty
        monkeypatch.setenv("NEO4J_URI", uri)
        monkeypatch.setenv("NEO4J_USER", "neo4j")
        monkeypatch.setenv("NEO4J_PASSWORD", "policykg-dev")
        (inputs / "later.txt").write_text("The regulator said the new rules would take effect next year.\n")
        result = invoke(data, "ingest", str(inputs / "later.txt"))
        assert result.exit_code == 0, result.output
        assert f"synced {len(pending)} graph(s) that Neo4j had missed" in result.output
        assert not (data / "neo4j-pending.txt").exists()
        with Neo4jStore.connect(uri, "neo4j", "policykg-dev") as restarted:
            articles = [iri for iri in restarted.graph_names() if "/graph/" in iri]
            assert articles == sorted([*missed, str(graph_iri("later"))])
            assert {iri: sorted(map(str, restarted.quads(iri))) for iri in missed} == \
                {iri: quads for iri, quads in expected.items() if iri in missed}
        assert "in step" in invoke(data, "neo4j", "sync").output
    finally:
        dev_server(home, "stop")


def test_the_holder_record_leaves_secrets_out(tmp_path, monkeypatch):
    from policykg.graph.store import OxigraphStore, owner_file

    monkeypatch.setattr(sys, "argv", ["/venv/bin/policykg", "serve", "--token", "s3cret", "--port=0"])
    store = OxigraphStore(tmp_path / "oxigraph")
    record = json.loads(owner_file(store.path).read_text())
    assert record["pid"] == os.getpid()
    assert record["command"] == "policykg serve --token *** --port=0"
