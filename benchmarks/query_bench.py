"""Named queries on a synthetic corpus: each query and parameter set, timed side by side on two revisions and two stores.

The corpus is neo4j_load.py's (articles following the ontology, a few hub
entities mentioned everywhere, a long tail), in an in-memory Oxigraph store.
Every named query runs with no parameter, with each parameter alone and with
all of them, on:

* the current ``queries/NAME.rq``;
* the ``.rq`` of a baseline git revision (``--baseline REF``), when given;
* the ``.cypher`` on Neo4j, when NEO4J_URI is set (the database is emptied
  and loaded with the corpus first: nothing else should use it).

Each answer must equal the current SPARQL answer; a difference is reported and
makes the exit status 1. Times are the best of ``--runs``.

Run by hand:

    .venv/bin/python benchmarks/query_bench.py --triples 100000 --baseline 1bccf9b
"""
from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from neo4j_load import load_policykg, synthetic_corpus  # the same corpus and loader as the load benchmarks
from policykg import queries
from policykg.graph.open import open_neo4j
from policykg.graph.store import OxigraphStore

VALUES = {
    "about": "Actor 0", "speaker": "A1", "target": "https://w3id.org/policykg/id/entity/actor-1", "stance": "against",
    "actor": "Actor 2", "entity": "Actor 3", "type": "person", "article": "synthetic-000003.txt",
}
"""A value for every parameter: labels and aliases of the corpus's entities, an IRI, a file name; the platform
and the feature are those of the corpus's most reported platform-feature relation."""


def parameter_sets(query: queries.NamedQuery) -> list[dict[str, str]]:
    sets = [{}] + [{name: VALUES[name]} for name in query.params]
    if len(query.params) > 1:
        sets.append({name: VALUES[name] for name in query.params})
    return sets


def baseline_query(query: queries.NamedQuery, revision: str) -> queries.NamedQuery | None:
    """The query with the SPARQL text it had at ``revision``; None where it did not exist then."""
    shown = subprocess.run(["git", "show", f"{revision}:queries/{query.name}.rq"], capture_output=True, text=True)
    return dataclasses.replace(query, sparql=shown.stdout) if shown.returncode == 0 else None


def best(runs: int, call: Callable[[], list[dict[str, Any]]]) -> tuple[float, list[dict[str, Any]]]:
    times, rows = [], []
    for _ in range(runs):
        started = time.perf_counter()
        rows = call()
        times.append(time.perf_counter() - started)
    return min(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=100_000, help="size of the corpus (at least)")
    parser.add_argument("--baseline", metavar="REF", help="a git revision whose queries/*.rq to time alongside")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    graphs = synthetic_corpus(args.triples)
    store = OxigraphStore(None)
    store.replace_graphs(graphs)
    top = max(queries.run("platform-features", {}, store), key=lambda row: row["articles"])
    VALUES.update(platform=top["platform"], feature=top["feature"])
    print(f"corpus: {len(graphs)} articles, {sum(map(len, graphs.values()))} quads", flush=True)
    neo4j = open_neo4j()
    if neo4j is not None:
        neo4j.clear()
        load_policykg(neo4j, graphs, per_transaction=200)

    print(f"\n{'query':<26}{'parameters':<22}{'rows':>6}{'current s':>11}"
          + (f"{'baseline s':>12}{'ratio':>10}" if args.baseline else "") + (f"{'neo4j s':>9}" if neo4j else ""))
    differences = 0
    totals = [0.0, 0.0]
    for query in queries.list_queries():
        old = baseline_query(query, args.baseline) if args.baseline else None
        for params in parameter_sets(query):
            current_s, rows = best(args.runs, lambda: queries.run_query(query, params, store))
            line = f"{query.name:<26}{','.join(params) or '-':<22}{len(rows):>6}{current_s:>11.3f}"
            if args.baseline:
                if old is None:
                    line += f"{'(none)':>12}{'':>10}"
                else:
                    old_s, old_rows = best(args.runs, lambda: queries.run_query(old, params, store))
                    line += f"{old_s:>12.3f}{old_s / current_s:>9.1f}x"
                    totals[0] += current_s
                    totals[1] += old_s
                    if old_rows != rows:
                        differences += 1
                        line += "  DIFFERENT ANSWER from the baseline"
            if neo4j is not None:
                neo4j_s, neo4j_rows = best(args.runs, lambda: queries.run_query(query, params, neo4j))
                line += f"{neo4j_s:>9.3f}"
                if neo4j_rows != rows:
                    differences += 1
                    line += "  DIFFERENT ANSWER on Neo4j"
            print(line, flush=True)
    if args.baseline and totals[0]:
        print(f"\nall queries: current {totals[0]:.2f} s, baseline {args.baseline} {totals[1]:.2f} s "
              f"({totals[1] / totals[0]:.1f}x)")
    if neo4j is not None:
        neo4j.clear()
        neo4j.close()
    if differences:
        sys.exit(f"{differences} answers differ")


if __name__ == "__main__":
    main()
