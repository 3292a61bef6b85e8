"""What corpus-wide resolution of one-word references (``policykg.references``) costs a write as the store grows.

The article graphs of an ingested store are written again, ``--copies`` times under new article ids (each
copy names the same people, so every name grows as often as the corpus: the worst case for the word counts),
32 at a time, into two fresh in-memory stores side by side: one through ``descriptions.write_graphs`` as
ingest writes, one with ``resolve_references`` left out (the store as it was before it). Printed for each
tenth of the writes: the store's size, the seconds per batch with and without resolution, and their ratio.

    .venv/bin/policykg --data-dir /tmp/dev ingest --metadata /work/shared/polnear/metadata.tsv \\
        /work/shared/polnear/dev/text
    .venv/bin/python benchmarks/reference_scale.py /tmp/dev --copies 10
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyoxigraph as ox

import policykg.descriptions as descriptions
from policykg.graph.open import open_rdf_store
from policykg.graph.store import OxigraphStore
from policykg.ontology import GRAPH

BATCH = 32


def copies(data_dir: Path, count: int) -> dict[str, list[ox.Quad]]:
    """The store's article graphs, ``count`` times, the article id of copy k suffixed with ``-ck``."""
    store = open_rdf_store(data_dir, read_only=True)
    names = [name for name in store.graph_names() if name.startswith(str(GRAPH))]
    graphs = {}
    for name in names:
        text = "\n".join(f"{quad} ." for quad in store.quads(name))
        segment = name.removeprefix(str(GRAPH))
        for k in range(count):
            renamed = text.replace("/" + segment, f"/{segment}-c{k}")
            graphs[f"{name}-c{k}"] = list(ox.parse(renamed.encode(), format=ox.RdfFormat.N_QUADS))
    return dict(sorted(graphs.items(), key=lambda item: (item[0].rsplit("-c", 1)[1], item[0])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="a data directory holding an ingested store")
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args(argv)
    graphs = copies(args.data_dir, args.copies)
    names = list(graphs)
    resolving, plain = OxigraphStore(), OxigraphStore()
    resolve = descriptions.resolve_references
    rows = []
    for start in range(0, len(names), BATCH):
        batch = {name: graphs[name] for name in names[start:start + BATCH]}
        seconds = []
        for store, resolver in ((resolving, resolve), (plain, lambda _store, written: dict(written))):
            descriptions.resolve_references = resolver
            began = time.perf_counter()
            descriptions.write_graphs([store], batch)
            seconds.append(time.perf_counter() - began)
        descriptions.resolve_references = resolve
        rows.append((start + len(batch), len(resolving), *seconds))
    print(f"{'articles':>9} {'quads':>9} {'with (s)':>9} {'without (s)':>12} {'ratio':>6}")
    step = max(1, len(rows) // 10)
    for articles, quads, with_, without in rows[step - 1::step]:
        print(f"{articles:>9} {quads:>9} {with_:>9.3f} {without:>12.3f} {with_ / without:>6.2f}")
    total_with, total_without = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"all writes: {total_with:.1f} s with resolution, {total_without:.1f} s without "
          f"({total_with / total_without:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
