"""Neo4j write throughput: policykg's Neo4jStore against rdflib-neo4j, on the same triples and the same server.

The corpus is synthetic but follows the ontology: articles made by loaders/rdf.py
from Extractions with statements, entities (a few hubs mentioned everywhere, a
long tail), relations and facts, French and English. Both loaders get the same
triples, prepared before the clock starts; the database is emptied before each
run. rdflib-neo4j gets its best case: triples sorted by subject (it batches per
subject), its defaults otherwise (batches of 5,000), and the IGNORE strategy for
namespaces, since its default (SHORTEN) fails on namespaces it does not know,
such as https://schema.org/. It stores triples only: no named graphs, no
language tags, and one value per property (OVERWRITE); policykg's store also
records per-article provenance, so it does more work per triple. policykg's
store writes as ingest does (``replace_graphs(..., wait=False)``): a batch's
transaction runs on the store's writer thread while the next batch is read.

A third loader, "server floor", is a reference rather than a contender: the
fewest Cypher statements that store rdflib-neo4j's shape (one UNWIND per label
set to create the nodes with their properties, one per relationship type to
link them, 50,000 triples per transaction), with no client work to speak of.
Its time is what the server itself needs to write these triples; no loader
that goes through Cypher transactions can be much faster than it.

Run by hand, against a server of your choice (nothing else should use it):

    .venv/bin/pip install -e ".[bench]"          # rdflib-neo4j, pinned
    uri=$(scripts/neo4j-dev-server start | tail -n 1)
    NEO4J_URI=$uri NEO4J_PASSWORD=policykg-dev .venv/bin/python benchmarks/neo4j_load.py --triples 1000000

``--skip-rdflib-neo4j`` leaves rdflib-neo4j out (policykg against the server floor only); ``--server-pid`` adds the
server's CPU time, a steadier measure than wall-clock time on a machine that other processes share.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

from policykg.descriptions import with_descriptions
from policykg.graph.neo4j_store import Neo4jStore
from policykg.graph.open import open_neo4j
from policykg.graph.store import OxigraphStore, to_quads
from policykg.loaders.model import Article, Entity, Extraction, Fact, Relation, Statement
from policykg.loaders.rdf import extraction_graph, graph_iri
from policykg.ontology import ENTITY_TYPES, RELATION_PREDICATES

WORDS = (
    "encryption privacy children safety police platform messages scanning abuse law government users security "
    "backdoor report evidence court data content moderation minister regulator company service"
).split()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def synthetic_corpus(triples: int, seed: int = 7, *, articles: int | None = None) -> dict[str, list[ox.Quad]]:
    """The graphs ingest would write (article graphs, then the entity descriptions they give) adding up to at least
    ``triples`` quads, or for exactly ``articles`` articles."""
    rng = random.Random(seed)
    pool = [
        Entity(f"actor-{i}", f"Actor {i}", ENTITY_TYPES[i % len(ENTITY_TYPES)],
               {f"Actor {i}", f"A{i}"}, wikidata=f"Q{1000 + i}" if i % 3 == 0 else None)
        for i in range(3000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(pool))]  # Zipf: a few hubs, a long tail
    predicates = sorted(set(RELATION_PREDICATES) - {"holds_role"})
    graphs: dict[str, list[ox.Quad]] = {}
    total, number = 0, 0
    while (number < articles) if articles is not None else (total < triples):
        number += 1
        language = "fr" if number % 2 else "en"
        chosen = {e.key: e for e in rng.choices(pool, weights, k=18)}
        keys = list(chosen)
        text = " ".join(sentence(rng, 12) + "." for _ in range(40))
        statements = []
        for i in range(20):
            start = rng.randrange(0, len(text) - 120)
            statements.append(Statement(
                speaker=rng.choice(keys), kind=rng.choice(("direct", "indirect")), content=text[start:start + 100],
                start=start, end=start + 100, cue=rng.choice(("said", "a déclaré", "according to")),
                targets=rng.sample(keys, rng.choice((0, 1, 1, 2))), stance=rng.choice(("for", "against", "neutral")),
                sentence=text[max(0, start - 50):start + 150], confidence=round(rng.random(), 3), method="quote+cue",
            ))
        relations = [Relation(rng.choice(keys), rng.choice(predicates), rng.choice(keys)) for _ in range(5)]
        relations.append(Relation(keys[0], "holds_role", sentence(rng, 2), object_is_literal=True))
        facts = [Fact(rng.choice(keys), float(rng.randrange(1, 500)), "reports", "some reports", 0, 10) for _ in range(2)]
        article = Article(
            f"synthetic-{number:06d}", f"synthetic-{number:06d}.txt", text, language, sentence(rng, 8),
            f"2023-{rng.randrange(1, 13):02d}" + (f"-{rng.randrange(1, 29):02d}" if number % 3 else ""),
            "Synthetic Times", f"https://news.example/{number}",
        )
        graph = extraction_graph(Extraction(article, chosen, statements, relations, facts))
        graphs[str(graph_iri(article.id))] = to_quads(graph)
        total += len(graph)
    return with_descriptions(OxigraphStore(), graphs)


def rust_packstream() -> bool:
    """Whether the driver found neo4j-rust-ext, which packs parameters several times faster (every loader here)."""
    from neo4j._codec.packstream import v1

    return getattr(v1, "_rust_pack", None) is not None


def chunks(graphs: dict[str, list[ox.Quad]], size: int) -> Iterator[dict[str, list[ox.Quad]]]:
    names = list(graphs)
    for start in range(0, len(names), size):
        yield {name: graphs[name] for name in names[start:start + size]}


def server_cpu(pid: int | None) -> float:
    """CPU seconds the server process has used (user + system), 0 when no pid is given."""
    if pid is None:
        return 0.0
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(load, server_pid: int | None) -> tuple[float, float, float]:
    """(wall seconds, client CPU seconds, server CPU seconds) of one load."""
    wall, client, server = time.perf_counter(), time.process_time(), server_cpu(server_pid)
    load()
    return time.perf_counter() - wall, time.process_time() - client, server_cpu(server_pid) - server


def load_policykg(store: Neo4jStore, graphs: dict[str, list[ox.Quad]], per_transaction: int,
                  overlap: bool = True) -> None:
    """As ingest writes: each transaction on the store's writer thread while the next batch is read
    (``overlap``), or one call after the other."""
    for chunk in chunks(graphs, per_transaction):
        store.replace_graphs(chunk, wait=not overlap)
    store.flush()


def load_policykg_file(store: Neo4jStore, path: Path, per_transaction: int) -> None:
    """An N-Quads file, read by pyoxigraph and written article graph by article graph."""
    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    for quad in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):
        graphs[quad.graph_name.value].append(quad)
    load_policykg(store, graphs, per_transaction)


def rdflib_triples(graphs: dict[str, list[ox.Quad]]) -> list[tuple]:
    """The same triples as rdflib terms, sorted by subject (rdflib-neo4j's best case)."""
    def term(t):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.BNode(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))

    triples = [(term(q.subject), term(q.predicate), term(q.object)) for quads in graphs.values() for q in quads]
    triples.sort(key=lambda t: t[0])
    return triples


def load_rdflib_neo4j(triples: list[tuple] | Path, batch_size: int) -> None:
    """Triples in memory, or an N-Triples file read the way rdflib-neo4j's documentation shows (Graph.parse)."""
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStoreConfig
    from rdflib_neo4j import Neo4jStore as RdflibNeo4jStore

    config = Neo4jStoreConfig(
        auth_data={
            "uri": os.environ["NEO4J_URI"], "database": os.environ.get("NEO4J_DATABASE") or "neo4j",
            "user": os.environ.get("NEO4J_USER") or "neo4j", "pwd": os.environ.get("NEO4J_PASSWORD", ""),
        },
        handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE,
        batching=True,
        batch_size=batch_size,
    )
    with contextlib.redirect_stdout(io.StringIO()):  # it prints progress messages
        graph = rdflib.Graph(store=RdflibNeo4jStore(config=config))
        if isinstance(triples, Path):
            graph.parse(triples, format="nt")
        else:
            for triple in triples:
                graph.add(triple)
        graph.close(True)


def load_floor(store: Neo4jStore, triples: list[tuple], per_transaction: int) -> None:
    """rdflib-neo4j's shape (a node per subject, literals as properties, IRIs as relationships) in bulk UNWINDs,
    through the store's driver but none of its code."""
    import neo4j

    def local(iri: str) -> str:
        return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    with store.driver.session(database=store.database) as session:
        for start in range(0, len(triples), per_transaction):
            nodes: dict[str, dict] = defaultdict(dict)
            labels: dict[str, set[str]] = defaultdict(set)
            links: dict[str, list[dict]] = defaultdict(list)
            for subject, predicate, value in triples[start:start + per_transaction]:
                nodes[str(subject)]["uri"] = str(subject)
                if predicate == rdflib.RDF.type:
                    labels[str(subject)].add(local(value))
                elif isinstance(value, rdflib.Literal):
                    nodes[str(subject)][local(predicate)] = str(value)
                else:
                    links[local(predicate)].append({"s": str(subject), "o": str(value)})
            by_labels: dict[frozenset, list[dict]] = defaultdict(list)
            for uri, properties in nodes.items():
                by_labels[frozenset(labels[uri])].append(properties)

            def write(tx: neo4j.ManagedTransaction) -> None:
                for names, rows in by_labels.items():
                    extra = "".join(f":`{name}`" for name in sorted(names))
                    tx.run(f"UNWIND $rows AS p MERGE (n:Resource {{uri: p.uri}}) SET n += p, n{extra}" if extra else
                           "UNWIND $rows AS p MERGE (n:Resource {uri: p.uri}) SET n += p", rows=rows).consume()
                for kind, rows in links.items():
                    tx.run(f"UNWIND $rows AS r MATCH (s:Resource {{uri: r.s}}) MERGE (o:Resource {{uri: r.o}}) "
                           f"MERGE (s)-[:`{kind}`]->(o)", rows=rows).consume()

            session.execute_write(write)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the corpus (at least)")
    parser.add_argument("--per-transaction", type=int, default=200, help="articles per replace_graphs call")
    parser.add_argument("--rdflib-batch-size", type=int, default=5000, help="rdflib-neo4j's batch_size")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two loaders this many times")
    parser.add_argument("--server-pid", type=int, help="the Neo4j server's process id, to report its CPU time too")
    parser.add_argument("--skip-rdflib-neo4j", action="store_true")
    parser.add_argument("--floor-per-transaction", type=int, default=50_000, help="triples per server-floor transaction")
    args = parser.parse_args()

    store = open_neo4j()
    if store is None:
        sys.exit("set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD): scripts/neo4j-dev-server start prints one")
    started = time.perf_counter()
    graphs = synthetic_corpus(args.triples)
    size = sum(len(quads) for quads in graphs.values())
    triples = rdflib_triples(graphs)
    articles = sum("/description/" not in iri for iri in graphs)
    print(f"corpus: {articles} articles and {len(graphs) - articles} entity descriptions, {size} triples (prepared in "
          f"{time.perf_counter() - started:.0f} s); the driver packs with "
          f"{'its Rust extension' if rust_packstream() else 'pure Python (pip install -e .[fast] for neo4j-rust-ext)'}")

    folder = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    nquads, ntriples = folder / "corpus.nq", folder / "corpus.nt"
    all_quads = [quad for quads in graphs.values() for quad in quads]
    ox.serialize(all_quads, nquads, ox.RdfFormat.N_QUADS)
    ox.serialize([ox.Triple(*quad.triple) for quad in sorted(all_quads, key=lambda q: q.subject.value)],
                 ntriples, ox.RdfFormat.N_TRIPLES)

    loaders = {
        "policykg, in memory": lambda: load_policykg(store, graphs, args.per_transaction),
        "policykg, from file": lambda: load_policykg_file(store, nquads, args.per_transaction),
    }
    if not args.skip_rdflib_neo4j:
        loaders["rdflib-neo4j, in memory"] = lambda: load_rdflib_neo4j(triples, args.rdflib_batch_size)
        loaders["rdflib-neo4j, from file"] = lambda: load_rdflib_neo4j(ntriples, args.rdflib_batch_size)
    loaders["server floor (reference)"] = lambda: load_floor(store, triples, args.floor_per_transaction)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in loaders}
    for _ in range(args.rounds):
        for name, load in loaders.items():
            store.clear()
            results[name].append(measure(load, args.server_pid))
            counts = store.counts()
            wall, client, server = results[name][-1]
            print(f"{name}: {wall:.1f} s, {size / wall:,.0f} triples/s, client CPU {client:.1f} s, server CPU {server:.1f} s "
                  f"({counts['nodes']} nodes, {counts['relationships']} relationships)", flush=True)
    store.clear()
    shutil.rmtree(folder)

    print(f"\n{'loader (best of ' + str(args.rounds) + ')':<26}{'wall s':>8}{'triples/s':>11}"
          f"{'client CPU s':>14}{'triples/client-CPU-s':>22}{'server CPU s':>14}")
    best = {name: min(runs) for name, runs in results.items()}
    for name, (wall, client, server) in best.items():
        print(f"{name:<26}{wall:>8.1f}{size / wall:>11,.0f}{client:>14.1f}{size / client:>22,.0f}{server:>14.1f}")
    for source in ("in memory", "from file"):
        ours, theirs = best[f"policykg, {source}"], best.get(f"rdflib-neo4j, {source}")
        if theirs:
            print(f"policykg / rdflib-neo4j, {source}: {theirs[0] / ours[0]:.2f}x wall-clock throughput, "
                  f"{theirs[1] / ours[1]:.2f}x client CPU per triple")
    floor = best["server floor (reference)"]
    if "rdflib-neo4j, in memory" in best:
        print(f"server floor / rdflib-neo4j, in memory: {best['rdflib-neo4j, in memory'][0] / floor[0]:.2f}x")
    print(f"policykg in memory / server floor: {floor[0] / best['policykg, in memory'][0]:.2f}x wall-clock "
          f"throughput, {floor[2] / best['policykg, in memory'][2]:.2f}x server CPU per triple" if floor[2] else
          f"policykg in memory / server floor: {floor[0] / best['policykg, in memory'][0]:.2f}x wall-clock throughput")
    store.close()


if __name__ == "__main__":
    main()
