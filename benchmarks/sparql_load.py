"""SPARQL endpoint under load: `policykg serve` with 16 concurrent clients, and rdflib's engine on the same data.

The store is either a real one (``--data-dir``: a data directory made by
`policykg ingest`, e.g. the seeds and the 84 PolNeAR dev articles) or the
synthetic corpus of neo4j_load.py (articles made by loaders/rdf.py from
Extractions: statements with speakers, targets, content and stance, entities
with labels and aliases, relations, facts), at least ``--triples`` quads, one
named graph per article. The server runs in its own process (`policykg serve`);
this process runs the clients, each on its own keep-alive connection, all
sending "who said what about X" for ``--about``. Every answer must be a 200
with the expected number of rows. Reported: p50/p95/p99, errors, queries/s and
the peak resident memory of the server's process tree (server, forkserver and
query workers), sampled every 0.1 s.

The server keeps answers until the next write, so the same clients also send
the query with a new comment each time (the same work, never a cached answer).
Where the time goes, measured apart: the same clients sending ``ASK {}`` (HTTP,
connection handling and the hop to a worker process, no query work), and in
this process the named query through the library (``queries.run``: the name
looked up, the query evaluated, plain sorted rows), the evaluation of the
endpoint's text alone, and the serialisation of its rows as SPARQL JSON. With ``--baseline REPO`` the load runs again against the
server of another checkout (its own .venv), side by side, and ratios are printed.

The endpoint takes query text, not bindings, so its clients send
queries/who-said-what.rq with ``?_about`` replaced by the IRI of the entity
``--about`` names, as a client would after looking the entity up (and as
pyoxigraph's substitution does). Before anything else, the benchmark checks
on a small corpus that this text returns exactly the rows of the named query,
and prints both times.

Then the same query text on rdflib's engine over the same quads (an rdflib
Dataset whose default graph is the union, as on the endpoint), timed over
``--rdflib-runs`` runs, each stopped at ``--rdflib-timeout`` seconds.

Run by hand:

    .venv/bin/python benchmarks/sparql_load.py --triples 1000000 --clients 16 --seconds 30
    .venv/bin/python benchmarks/sparql_load.py --data-dir DATA --about Trump --seconds 20 --rdflib-runs 0 \
        --baseline /work/main
"""
from __future__ import annotations

import argparse
import http.client
import json
import re
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from neo4j_load import synthetic_corpus  # the same corpus as the Neo4j benchmark
from process_tree import tree_rss
from policykg import queries
from policykg.graph.store import OxigraphStore, python_value
from policykg.config import oxigraph_dir
from policykg.pipeline import BATCH_SIZE, write_graphs
from policykg.server.negotiation import solutions_json

COLUMNS = ("statement speaker speaker_id speaker_type stance target target_id target_type kind cue content start end "
           "article date").split()


def who_said_what_text(iri: str) -> str:
    """who-said-what.rq with ?_about replaced by an entity's IRI, as pyoxigraph's substitution does: the text a
    client sends the endpoint, which takes text, not bindings, after looking the entity up."""
    head, body = queries.get("who-said-what").sparql.split("WHERE {", 1)
    return head.replace(" ?_about", "") + "WHERE {" + re.sub(r"\?_about\b", f"<{iri}>", body)


def about_iri(store: OxigraphStore, about: str) -> str:
    iris = queries.entities_named(about, store)
    if len(iris) != 1:
        raise SystemExit(f"--about {about!r} names {len(iris)} entities, not one: {iris}")
    return iris[0]


def text_rows(store: OxigraphStore, sparql: str) -> list[tuple]:
    return sorted(tuple(python_value(row.get(c)) for c in COLUMNS) for row in store.select(sparql))


def check_equivalence(triples: int, about: str) -> None:
    """On a small corpus, the text sent to the endpoint must answer exactly what the named query answers."""
    store = OxigraphStore()
    store.store.extend(quad for graph in synthetic_corpus(triples).values() for quad in graph)
    started = time.perf_counter()
    named = sorted(tuple(row[c] for c in COLUMNS) for row in queries.run("who-said-what", {"about": about}, store))
    named_s = time.perf_counter() - started
    started = time.perf_counter()
    text = text_rows(store, who_said_what_text(about_iri(store, about)))
    text_s = time.perf_counter() - started
    print(f"check on {len(store)} quads: who-said-what {len(named)} rows in {named_s * 1000:.1f} ms, "
          f"the endpoint's text {len(text)} rows in {text_s * 1000:.1f} ms", flush=True)
    if named != text:
        raise SystemExit("the endpoint's text does not answer what the named query answers")


def build_store(data_dir: Path, triples: int) -> tuple[Path, int]:
    """The corpus in the Oxigraph store of ``data_dir``, written as ingest writes it (article graphs in batches of
    its size, descriptions recomputed per batch), and as an N-Quads file for rdflib; the number of quads. A store
    bulk-loaded at once answers the same queries 20–40 % slower until it is compacted: its tables are laid out as
    loaded, not as ingest's transactions leave them."""
    started = time.perf_counter()
    graphs = synthetic_corpus(triples)
    articles = {iri: quads for iri, quads in graphs.items() if "/graph/" in iri}
    store = OxigraphStore(oxigraph_dir(data_dir))
    names = sorted(articles)
    for i in range(0, len(names), BATCH_SIZE):
        write_graphs([store], {name: articles[name] for name in names[i:i + BATCH_SIZE]})
    nquads = data_dir / "corpus.nq"
    store.store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    count = len(store)
    store.close()
    print(f"corpus: {len(articles)} articles, {count} quads, written in {time.perf_counter() - started:.0f} s",
          flush=True)
    return nquads, count


def oxigraph_in_process(data_dir: Path, about: str, sparql: str, runs: int) -> dict:
    """In this process, on the store opened read-only: the named query through the library (name lookup,
    evaluation, plain sorted rows), the evaluation of the endpoint's text alone, and the serialisation of
    its rows as SPARQL JSON (what a query worker does after evaluating)."""
    store = OxigraphStore(oxigraph_dir(data_dir), read_only=True)
    named, evaluation, serialising, count = [], [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        queries.run("who-said-what", {"about": about}, store)
        named.append(time.perf_counter() - started)
        started = time.perf_counter()
        solutions = store.store.query(sparql, use_default_graph_as_union=True)
        variables = [variable.value for variable in solutions.variables]
        rows = [list(solution) for solution in solutions]
        evaluation.append(time.perf_counter() - started)
        started = time.perf_counter()
        solutions_json(variables, rows)
        serialising.append(time.perf_counter() - started)
        count = len(rows)
    store.close()
    return {"rows": count, "named_query_s": named, "evaluation_s": evaluation, "serialisation_s": serialising}


def start_server(data_dir: Path, repo: Path | None = None, options: tuple[str, ...] = ()) -> tuple[subprocess.Popen, str]:
    """`policykg serve` on ``data_dir``, from this checkout or from ``repo`` (with its own .venv)."""
    python = str(repo / ".venv" / "bin" / "python") if repo else sys.executable
    process = subprocess.Popen(
        [python, "-c", "from policykg.cli import main; main()", "--data-dir", str(data_dir), "serve",
         "--port", "0", "--query-timeout", "300", "--max-results", "0", *options],
        cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            info = json.loads((data_dir / "server.json").read_text())
            if info["pid"] == process.pid:
                time.sleep(2)  # the query workers start in the background
                return process, info["url"]
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def serve_and_load(data_dir: Path, sparql: str, expected: int | None, args: argparse.Namespace,
                   repo: Path | None = None) -> dict:
    """Start a server, put it under load with the query and with ASK {}, stop it: both reports."""
    options = ("--query-workers", str(args.query_workers)) if args.query_workers and repo is None else ()
    server, url = start_server(data_dir, repo, options)
    peak = [0]
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.wait(0.1):
            peak[0] = max(peak[0], tree_rss(server.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        query = load_clients(url, sparql, expected, args.clients, args.seconds)
        uncached = load_clients(url, sparql, expected, args.clients, args.seconds, distinct=True)
        ask = load_clients(url, "ASK {}", None, args.clients, min(args.seconds, 10), distinct=True)
    finally:
        sampling.set()
        sampler.join()
        server.terminate()
        server.wait(60)
    return {"query": query, "uncached": uncached, "ask": ask, "peak_rss_mb": peak[0] / 2**20}


def describe(name: str, load: dict) -> str:
    return (f"{name}: {load['requests']} requests, {load['errors']} errors, {load['qps']:.1f}/s, "
            f"p50 {load['p50_s'] * 1000:.1f} ms, p95 {load['p95_s'] * 1000:.1f} ms, p99 {load['p99_s'] * 1000:.1f} ms")


def load_clients(url: str, sparql: str, expected_rows: int | None, clients: int, seconds: float,
                 distinct: bool = False) -> dict:
    """``clients`` threads sending the query for ``seconds``: latencies and errors (``expected_rows`` None: an
    ASK, which must answer true). ``distinct``: each request's text ends with its own comment, so that no
    answer comes from the server's cache."""
    parts = urlsplit(url)
    body = urlencode({"query": sparql}).encode()
    counter = iter(range(10**9))
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
        while time.monotonic() < stop_at:
            data = urlencode({"query": f"{sparql}\n# request {next(counter)}"}).encode() if distinct else body
            started = time.perf_counter()
            try:
                connection.request("POST", "/sparql", body=data, headers=headers)
                response = connection.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - started
                answer = json.loads(data) if response.status == 200 else {}
                rows = len(answer["results"]["bindings"]) if "results" in answer else answer.get("boolean", -1)
                good = rows == (True if expected_rows is None else expected_rows)
                problem = None if response.status == 200 and good else (
                    f"status {response.status}, {rows} rows: {data[:200]!r}")
            except (OSError, http.client.HTTPException, ValueError) as error:
                elapsed, problem = time.perf_counter() - started, repr(error)
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
            with lock:
                latencies.append(elapsed)
                if problem:
                    errors.append(problem)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"requests": len(latencies), "errors": len(errors), "first_errors": errors[:3], "wall_s": wall,
            "qps": len(latencies) / wall, "p50_s": ordered[len(ordered) // 2],
            "p95_s": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))],
            "p99_s": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], "mean_s": statistics.fmean(ordered)}


def _rdflib_run(nquads: str, sparql: str, runs: int, results: multiprocessing.Queue) -> None:
    import rdflib

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    results.put(("loaded", time.perf_counter() - started, len(dataset)))
    for _ in range(runs):
        started = time.perf_counter()
        rows = len(list(dataset.query(sparql)))
        results.put(("run", time.perf_counter() - started, rows))


def rdflib_times(nquads: Path, sparql: str, runs: int, timeout: float) -> dict:
    """Load the quads into rdflib and time the query; a run still going at ``timeout`` s is stopped."""
    results: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_rdflib_run, args=(str(nquads), sparql, runs, results))
    child.start()
    kind, load_s, size = results.get()
    print(f"rdflib: loaded {size} quads in {load_s:.0f} s", flush=True)
    times, rows, timed_out = [], None, False
    for _ in range(runs):
        try:
            kind, elapsed, rows = results.get(timeout=timeout)
            times.append(elapsed)
            print(f"rdflib: run {len(times)}: {elapsed:.1f} s, {rows} rows", flush=True)
        except Exception:  # queue.Empty: the run passed the timeout
            timed_out = True
            break
    child.kill()
    child.join()
    return {"load_s": load_s, "times_s": times, "rows": rows, "timed_out": timed_out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="a policykg data directory to serve (copied first)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic corpus otherwise")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--about", default="Actor 3", help="the ?_about value (an entity label of the corpus)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose server runs the same load")
    parser.add_argument("--query-workers", type=int, help="`serve --query-workers` for this checkout's server")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="0 to skip rdflib")
    parser.add_argument("--rdflib-timeout", type=float, default=900, help="seconds per rdflib run")
    parser.add_argument("--check-triples", type=int, default=4000, help="size of the equivalence check's corpus")
    args = parser.parse_args()
    check_equivalence(args.check_triples, args.about if args.data_dir is None else "Actor 3")

    with tempfile.TemporaryDirectory(prefix="policykg-sparql-load-") as folder:
        data_dir = Path(folder)
        if args.data_dir is not None:
            shutil.copytree(oxigraph_dir(args.data_dir), oxigraph_dir(data_dir))
            nquads = data_dir / "corpus.nq"
            store = ox.Store.read_only(str(oxigraph_dir(data_dir)))
            store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
            count = len(store)
            del store
        else:
            nquads, count = build_store(data_dir, args.triples)
        reader = OxigraphStore(oxigraph_dir(data_dir), read_only=True)
        sparql = who_said_what_text(about_iri(reader, args.about))
        reader.close()
        in_process = oxigraph_in_process(data_dir, args.about, sparql, 5)
        expected, direct = in_process["rows"], in_process["named_query_s"]
        print(f"who-said-what about {args.about!r} on {count} quads: {expected} rows; in process: named query "
              + ", ".join(f"{t * 1000:.1f}" for t in direct) + " ms; the endpoint's text evaluated "
              + ", ".join(f"{t * 1000:.1f}" for t in in_process["evaluation_s"]) + " ms; JSON serialisation "
              + ", ".join(f"{t * 1000:.1f}" for t in in_process["serialisation_s"]) + " ms", flush=True)

        runs = {"this": serve_and_load(data_dir, sparql, expected, args)}
        if args.baseline is not None:
            runs["baseline"] = serve_and_load(data_dir, sparql, expected, args, args.baseline.resolve())
        for name, run in runs.items():
            print(f"{name}, {args.clients} clients for {args.seconds:.0f} s, peak memory "
                  f"{run['peak_rss_mb']:.0f} MB", flush=True)
            print("  " + describe("who-said-what", run["query"]))
            print("  " + describe("who-said-what, each text new (no cached answer)", run["uncached"]))
            print("  " + describe("ASK {}, each text new", run["ask"]))
            for kind in ("query", "uncached", "ask"):
                for error in run[kind]["first_errors"]:
                    print("  error:", error)
        if "baseline" in runs:
            for kind in ("query", "uncached", "ask"):
                this, base = runs["this"][kind], runs["baseline"][kind]
                print(f"baseline / this, {kind}: p50 {base['p50_s'] / this['p50_s']:.1f}x, "
                      f"p99 {base['p99_s'] / this['p99_s']:.1f}x, queries/s {this['qps'] / base['qps']:.1f}x")

        report = {"quads": count, "rows": expected, "clients": args.clients, "seconds": args.seconds,
                  "endpoint": runs, "in_process": in_process}
        if args.rdflib_runs:
            baseline = rdflib_times(nquads, sparql, args.rdflib_runs, args.rdflib_timeout)
            report["rdflib"] = baseline
            oxigraph_s, p50 = statistics.median(direct), runs["this"]["query"]["p50_s"]
            if baseline["times_s"]:
                rdflib_s = statistics.median(baseline["times_s"])
                report["rdflib_over_oxigraph"] = rdflib_s / oxigraph_s
                report["rdflib_over_endpoint_p50"] = rdflib_s / p50
                print(f"rdflib median {rdflib_s:.1f} s ({baseline['rows']} rows): {rdflib_s / oxigraph_s:.0f}x "
                      f"pyoxigraph in process, {rdflib_s / p50:.0f}x the endpoint's p50 under {args.clients} clients")
            else:
                print(f"rdflib: no run finished within {args.rdflib_timeout:.0f} s "
                      f"(> {args.rdflib_timeout / oxigraph_s:.0f}x pyoxigraph in process)")
        print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
