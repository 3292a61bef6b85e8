"""The library API: one object over a data directory, as sqlite-utils' ``Database`` is over a file.

    from policykg import KnowledgeGraph
    kg = KnowledgeGraph("data")
    kg.ingest(["examples/"])
    for row in kg.query("who-said-what", about="Meta"):
        print(row["speaker"], row["stance"], row["content"])

Every ``policykg`` command is a few lines over these methods. The stores open on
first use: the embedded Oxigraph store (or, while ``policykg serve`` owns it,
the server's), and Neo4j when ``NEO4J_URI`` is set, unless ``neo4j=False``.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from policykg import export, queries
from policykg.config import settings
from policykg.descriptions import write_graphs
from policykg.graph.open import open_neo4j, open_rdf_store
from policykg.graph.store import python_value

EXPORTS = {"statements": export.statement_rows, "entities": export.entity_rows, "relations": export.relation_rows}


class KnowledgeGraph:
    """The policykg graph of one data directory (default: ``$POLICYKG_DATA``)."""

    def __init__(self, data_dir: Path | str | None = None, *, neo4j: bool = True) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else settings().data_dir
        self.use_neo4j = neo4j
        self._rdf = None
        self._rdf_writable = False
        self._neo4j = None
        self._curations = None
        self._writer = None
        self.synced: list[str] = []
        """The graphs given to Neo4j because an earlier run could not (set when a write first opens the stores)."""

    # ── the stores ──────────────────────────────────────────────────────────

    def rdf_store(self, *, write: bool = False):
        """The RDF store, opened read-only until something writes (a writer locks it against other processes)."""
        if self._rdf is None or (write and not self._rdf_writable):
            if self._rdf is not None:
                self._rdf.close()
            self._rdf = open_rdf_store(self.data_dir, read_only=not write)
            self._rdf_writable = write
        return self._rdf

    def neo4j_store(self):
        """Neo4j when configured and wanted, else None."""
        if self._neo4j is None and self.use_neo4j:
            self._neo4j = open_neo4j()
        return self._neo4j

    def stores(self) -> list:
        """What a write goes to: the RDF store, or with Neo4j configured the two as one writer.

        Neo4j must answer before anything is written (Neo4jUnavailable, a RuntimeError naming the URI, if not);
        it first gets the graphs an earlier run could not give it. If it stops answering midway, the RDF store
        still gets every graph and those Neo4j missed stay listed for ``sync_neo4j`` (see ``neo4j_error``)."""
        neo4j = self.neo4j_store()
        if neo4j is not None and self._writer is None:
            neo4j.check()  # before anything is written, the data folder included
        rdf = self.rdf_store(write=True)
        if neo4j is None:
            return [rdf]
        if self._writer is None or self._writer.rdf is not rdf:
            from policykg.graph.neo4j_sync import PendingGraphs, RdfAndNeo4j

            self.synced = self.sync_neo4j()
            self._writer = RdfAndNeo4j(rdf, neo4j, PendingGraphs(self.data_dir))
        return [self._writer]

    def sync_neo4j(self) -> list[str]:
        """Give Neo4j the RDF store's version of every graph it missed (``DATA_DIR/neo4j-pending.txt``): the names."""
        from policykg.graph.neo4j_store import Neo4jUnavailable, error_line
        from policykg.graph.neo4j_sync import NEO4J_ERRORS, PendingGraphs, sync

        neo4j = self.neo4j_store()
        neo4j.check()
        pending = PendingGraphs(self.data_dir)
        try:
            return sync(self.rdf_store(write=True), neo4j, pending)
        except NEO4J_ERRORS as error:
            raise Neo4jUnavailable(f"Neo4j at {neo4j.uri} failed while receiving the graphs it had missed "
                                   f"({error_line(error)}); they stay listed in {pending.path}") from error

    def neo4j_error(self) -> str | None:
        """Why Neo4j stopped receiving this session's writes, or None while it has them all."""
        if self._writer is None or self._writer.neo4j_error is None:
            return None
        return f"Neo4j at {self._writer.neo4j.uri} stopped answering ({self._writer.neo4j_error})"

    def close(self) -> None:
        """Release the stores (and Oxigraph's lock, even while a traceback still holds a store)."""
        for store in (self._rdf, self._neo4j):
            if store is not None:
                store.close()
        self._rdf = self._neo4j = self._writer = None

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ── writing ─────────────────────────────────────────────────────────────

    def ingest(self, paths: Iterable[Path | str], *, language: str | None = None, workers: int = 1,
               force: bool = False, metadata=None, on_article: Callable[[str, Any], None] | None = None,
               on_start: Callable[[int], None] | None = None):
        """Read articles into every store, skipping those stored unchanged (unless ``force``); an IngestReport.

        ``workers`` > 1 runs spaCy in spawned processes (a script needs the ``if __name__ == "__main__":``
        guard); ``metadata`` is a ``loaders.metadata.MetadataTable`` (dates, titles... by file name)."""
        from policykg.pipeline import ingest

        stores = self.stores()
        # With Neo4j, its write of each batch overlaps the extraction of the next (RdfAndNeo4j.overlapped).
        with getattr(stores[0], "overlapped", contextlib.nullcontext)():
            return ingest(paths, stores, language=language, workers=workers, force=force, metadata=metadata,
                          on_article=on_article, on_start=on_start, curations=self.curations())

    def remove(self, name: str) -> list[str]:
        """Delete the articles called ``name`` (file name, id or IRI); the graphs removed, empty when none matched."""
        from policykg.pipeline import remove

        return remove(name, self.stores())

    def import_rdf(self, files: Iterable[Path | str], *, graph: str | None = None) -> dict[str, list]:
        """Load RDF files into the RDF store, each graph replaced whole (one per file unless ``graph`` is given)."""
        from policykg.graph.rdf_import import read_graphs

        graphs = read_graphs([Path(f) for f in files], graph)
        store = self.rdf_store(write=True)
        store.replace_graphs(graphs)
        store.flush()
        return graphs

    def import_csv(self, path: Path | str):
        """Statements coded by hand (columns: article, date, speaker, speaker_type, target, target_type, stance,
        content), stored like extracted ones with method ``manual``; a Coded report (statements, errors)."""
        from policykg.handcoded import read_csv

        coded = read_csv(Path(path))
        curations = self.curations()
        write_graphs(self.stores(), {iri: curations.apply(iri, quads) for iri, quads in coded.graphs.items()})
        return coded

    # ── curating ────────────────────────────────────────────────────────────

    def curations(self):
        """The researcher's corrections (``curations.jsonl`` in the data directory), applied at every write."""
        from policykg.curation import Curations

        if self._curations is None:
            self._curations = Curations.load(self.data_dir)
        return self._curations

    def curate(self, make: Callable[[Any, Any], Any]) -> list[tuple[Any, list[str]]]:
        """Record the curation(s) ``make(curations, rdf_store)`` returns and rewrite the graphs they touch in every
        store; each curation with the graphs rewritten. ``policykg.curation`` has the makers (set, drop, merge)."""
        from policykg import curation

        stores = self.stores()
        made = make(self.curations(), stores[0])
        return [(record, curation.record(self.curations(), record, stores))
                for record in (made if isinstance(made, list) else [made])]

    def undo_curation(self, cid: str, *, by: str | None = None):
        """Undo a curation: recorded as a new line, the graphs get their extracted values back."""
        from policykg import curation

        return curation.undo(self.curations(), cid, by, self.stores())

    # ── reading ─────────────────────────────────────────────────────────────

    def query(self, name: str, *, backend: str = "rdf", **params: Any) -> list[dict[str, Any]]:
        """The rows of a named query (``policykg query --list``) on the RDF store or on Neo4j."""
        return queries.run(name, params, self._backend(backend))

    def sparql(self, query: str) -> list[dict[str, Any]]:
        """A raw SPARQL SELECT over every article (read-only), as plain rows."""
        return [{name: python_value(term) for name, term in row.items()} for row in self.rdf_store().select(query)]

    def cypher(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict]:
        """A raw Cypher query on Neo4j (read-only unless ``write``)."""
        return self._backend("neo4j").cypher(query, params, write=write)

    def rows(self, what: str) -> Iterator[dict]:
        """Export rows, streamed: ``statements``, ``entities`` or ``relations``."""
        if what not in EXPORTS:
            raise ValueError(f"export {what!r}: choose one of {', '.join(EXPORTS)}")
        return EXPORTS[what](self.rdf_store())

    def render(self, name: str, output: Path | str, *, title: str | None = None, **params: Any) -> int:
        """Write the HTML graph of a named query's statements; the number of statements drawn."""
        from policykg.views import render_query

        return render_query(name, {k: v for k, v in params.items() if v is not None}, self.rdf_store(),
                            Path(output), title=title)

    def stats(self) -> dict[str, int]:
        """Counts of articles, statements, facts, entities and quads."""
        store = self.rdf_store()

        def count(pattern: str) -> int:
            return int(next(iter(store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")))["n"].value)

        return {"articles": count("?x a schema:NewsArticle"), "statements": count("?x a pk:Statement"),
                "facts": count("?x a pk:Fact"), "entities": count("?x pk:mentionedIn ?a"), "quads": len(store)}

    def _backend(self, backend: str):
        if backend == "rdf":
            return self.rdf_store()
        if backend != "neo4j":
            raise ValueError(f"backend {backend!r}: choose rdf or neo4j")
        store = self.neo4j_store()
        if store is None:
            raise ValueError("Neo4j is not configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)")
        store.check()
        return store
