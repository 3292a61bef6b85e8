"""How ingest, exports, render and named queries grow with the corpus: time and peak memory per corpus size.

Two corpora:

* ``--polnear DIR``: the seeds (examples/) plus PolNeAR articles (dev, then train), ingested through the real
  pipeline in steps, so that the store grows to each size in ``--sizes`` (counted with the seeds);
* ``--synthetic N,N...``: synthetic extractions (benchmarks/neo4j_load.py's generator: Zipf-distributed actors,
  20 statements an article) written through the same store writer as ingest, without NLP, up to 10,000 articles.

At every size each command runs as its own ``policykg`` process, so its wall time and its peak RSS (from
wait4) are its own. The ratio column is the command's time over the total ingest time so far.

    .venv/bin/python benchmarks/corpus_scale.py --polnear ../shared/polnear --sizes 86,338
    .venv/bin/python benchmarks/corpus_scale.py --synthetic 1000,3000
    .venv/bin/python benchmarks/corpus_scale.py --synthetic 1000,10000 --bulk --commands "export statements"
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
POLICYKG = [str(Path(sys.executable).parent / "policykg")]
COMMANDS = {
    "export statements": ["export", "statements", "-o", "{out}/statements.jsonl"],
    "export entities": ["export", "entities", "-o", "{out}/entities.jsonl"],
    "export relations": ["export", "relations", "-o", "{out}/relations.jsonl"],
    "export graph": ["export", "graph", "--format", "graphml", "-o", "{out}/graph.graphml"],
    "render who-said-what": ["render", "who-said-what", "-o", "{out}/who-said-what.html"],
    "query who-said-what": ["query", "who-said-what", "--format", "csv"],
    "query stance-matrix": ["query", "stance-matrix", "--format", "csv"],
    "query entities": ["query", "entities", "--format", "csv"],
}


def run(data_dir: Path, args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one policykg command on ``data_dir``."""
    started = time.perf_counter()
    process = subprocess.Popen([*POLICYKG, "--data-dir", str(data_dir), *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "PYTHONHASHSEED": "0"})
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # ingest exits 1 when some input failed
        raise SystemExit(f"policykg {' '.join(args)} failed:\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def polnear_articles(polnear: Path) -> list[Path]:
    return sorted((polnear / "dev" / "text").glob("*.txt")) + sorted((polnear / "train" / "text").glob("*.txt"))


def measure(data_dir: Path, out: Path, size: int, ingest_s: float, ingest_mb: float) -> None:
    cells = [f"{size:>6}", f"{ingest_s:>8.1f}", f"{ingest_mb:>7.0f}"]
    for args in COMMANDS.values():
        seconds, peak = run(data_dir, [a.format(out=out) for a in args])
        cells.append(f"{seconds:>7.2f} {peak:>5.0f} {seconds / ingest_s:>6.3f}")
    print(" | ".join(cells), flush=True)


def header(first: str) -> None:
    names = " | ".join(f"{name:>20}" for name in COMMANDS)
    print(f"{first:>6} | ingest s | peak MB | {names}")
    print(f"{'':>6} | {'':>8} | {'':>7} | " + " | ".join(f"{'s   MB  /ingest':>20}" for _ in COMMANDS), flush=True)


def polnear_scale(polnear: Path, sizes: list[int], work: Path) -> None:
    articles = polnear_articles(polnear)
    seeds = sorted((ROOT / "examples").glob("*.txt"))
    data_dir, staging = work / "data", work / "staging"
    header("N")
    total_s, peak, done = 0.0, 0.0, 0
    for size in sizes:
        staging.mkdir(parents=True, exist_ok=True)
        batch = (seeds if done == 0 else []) + articles[max(0, done - len(seeds)):size - len(seeds)]
        for path in batch:
            shutil.copy(path, staging / path.name)
        seconds, mb = run(data_dir, ["ingest", "--no-neo4j", str(staging)])
        shutil.rmtree(staging)
        total_s, peak, done = total_s + seconds, max(peak, mb), size
        measure(data_dir, work, size, total_s, peak)


def build_synthetic(data_dir: Path, size: int, bulk: bool, seconds: multiprocessing.Queue) -> None:
    """Write a synthetic corpus of ``size`` articles into ``data_dir``; put the time the writes took. Imports are
    here, in the builder's own process: a command's peak memory counts the process it was forked from."""
    from neo4j_load import synthetic_corpus

    from policykg.config import oxigraph_dir
    from policykg.graph.store import OxigraphStore
    from policykg.pipeline import write_graphs

    graphs = synthetic_corpus(0, articles=size)
    articles = {iri: quads for iri, quads in graphs.items() if "/graph/" in iri}
    store = OxigraphStore(oxigraph_dir(data_dir))
    started = time.perf_counter()
    if bulk:  # the graphs ingest would end with, descriptions included, loaded at once
        store.store.bulk_extend(quad for quads in graphs.values() for quad in quads)
    else:
        names = sorted(articles)
        for i in range(0, len(names), 32):  # ingest's batch size, descriptions recomputed per batch
            write_graphs([store], {name: articles[name] for name in names[i:i + 32]})
    store.flush()
    seconds.put(time.perf_counter() - started)


def synthetic_scale(sizes: list[int], work: Path, bulk: bool) -> None:
    """Each corpus is built in a process of its own, so that the commands, forked from this small process, do not
    count the generator's memory in their peak."""
    header("N")
    context = multiprocessing.get_context("spawn")
    for size in sizes:
        data_dir = work / f"synthetic-{size}"
        seconds = context.Queue()
        builder = context.Process(target=build_synthetic, args=(data_dir, size, bulk, seconds))
        builder.start()
        elapsed = seconds.get()
        builder.join()
        measure(data_dir, work, size, elapsed, 0.0)
        shutil.rmtree(data_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, help="the PolNeAR folder (dev/ and train/)")
    parser.add_argument("--sizes", default="86,338", help="corpus sizes for --polnear, seeds included")
    parser.add_argument("--synthetic", help="comma-separated article counts of synthetic corpora")
    parser.add_argument("--commands", help="comma-separated names of the commands to time (default: all): "
                        + ", ".join(COMMANDS))
    parser.add_argument("--bulk", action="store_true",
                        help="load each synthetic corpus at once (its final graphs) instead of batch by batch: "
                             "measures the commands on a 10,000-article store without the hours of writes")
    args = parser.parse_args()
    if args.commands:
        chosen = [name.strip() for name in args.commands.split(",")]
        unknown = sorted(set(chosen) - set(COMMANDS))
        if unknown:
            parser.error(f"unknown commands: {', '.join(unknown)}")
        for name in set(COMMANDS) - set(chosen):
            del COMMANDS[name]
    with tempfile.TemporaryDirectory(prefix="policykg-scale-") as work:
        if args.polnear:
            polnear_scale(args.polnear, [int(n) for n in args.sizes.split(",")], Path(work))
        if args.synthetic:
            print("synthetic: ingest s = " + ("one bulk load of the final graphs" if args.bulk else
                  "store writes with descriptions, no NLP") + "; peak MB not measured in-process")
            synthetic_scale([int(n) for n in args.synthetic.split(",")], Path(work), args.bulk)


if __name__ == "__main__":
    main()
