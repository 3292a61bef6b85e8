"""Neo4j as a second store for the same named graphs, queried with Cypher.

It takes the quads that OxigraphStore takes and keeps the same promises: an
article's graph is replaced whole in one transaction, and removing it takes
exactly what it contributed, so an entity stays as long as one article still
mentions it. The mapping follows Neo4j's conventions (labels PascalCase,
relationship types UPPER_SNAKE_CASE, properties camelCase) and loses nothing:
``quads()`` gives back the quads that were written. docs/neo4j-mapping.md
describes it; in short:

* an IRI (or blank node) is a ``:Resource`` node with a ``uri`` property and one
  label per ``rdf:type``;
* a literal-valued triple is a node property (a list when the node has several
  values, always a list for ``ALWAYS_LISTS``), with parallel ``key__lang``,
  ``key__dt`` and ``key__lex`` properties where the language tag, the datatype
  or the exact lexical form are not implied by the stored value;
* an IRI-valued triple is a relationship carrying ``graphs``, the named graphs
  that assert it, left out where the subject is in one graph only (then it is
  that graph: the relationships of statements, articles and facts);
* each named graph is a ``(:_Graph {uri})`` node. A resource in one graph
  names it in its ``_graph`` property, and everything on it belongs to that
  graph (statements, articles, mentions: most resources); a resource in several
  has a ``_CONTAINS`` relationship from each, carrying what that graph says
  about it (types in ``_types``, literals encoded as on nodes), so that removing
  one graph can recompute the rest without storing a graph list per value;
* ``(:_Term {kind, name, iri})`` nodes record which IRI each label, property key
  and relationship type stands for (neosemantics keeps prefixes in
  ``_NsPrefDef`` for the same purpose), so reading back rebuilds full IRIs.

The write transaction itself is ``neo4j_write.Writer``. Values always travel as
parameters, and the only names written into Cypher text are labels and types
generated from IRIs (``[A-Za-z][A-Za-z0-9_]*``, backticked). One process writes
at a time, as with the Oxigraph store.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

import neo4j
import pyoxigraph as ox

from policykg.graph.neo4j_mapping import GRAPH_KEY, GraphData, Vocabulary, resource_term
from policykg.graph.neo4j_write import Writer

LAYOUT_VERSION = 2
"""Recorded in a ``(:_Layout {version})`` node. Version 1 (before December 2026) linked even a resource of one graph
with a ``_CONTAINS`` relationship; a third of the write time went into them."""

MOVE_SOLE_GRAPHS_ONTO_NODES = (
    "MATCH (n:Resource) WHERE n._graph IS NULL AND COUNT { (n)<-[:_CONTAINS]-() } = 1 "
    "CALL (n) { MATCH (g:_Graph)-[c:_CONTAINS]->(n) SET n._graph = g.uri DELETE c } IN TRANSACTIONS OF 10000 ROWS")
"""Version 1 to 2, in place, for a database written by an earlier policykg (and a no-op on an empty one)."""

CONNECT_TIMEOUT, RETRY_TIME = 10.0, 15.0
"""Seconds to wait for a connection (TCP, then twice that with the Bolt handshake), and to retry a transaction when
the server stops answering; the driver's 30, 60 and 30 s make a dead or silent server a long wait."""


class Neo4jUnavailable(RuntimeError):
    """Neo4j cannot be reached, refused the login, or stopped answering; the message names the URI."""


class Neo4jStore:
    """The policykg graph in a Neo4j database, reached over Bolt with the official driver."""

    def __init__(self, driver: neo4j.Driver, database: str | None = None, uri: str = "Neo4j") -> None:
        self.driver = driver
        self.database = database or None
        self.uri = uri
        self._schema_ready = False
        self._thread: ThreadPoolExecutor | None = None
        self._in_flight: Future | None = None

    @classmethod
    def connect(cls, uri: str, user: str = "neo4j", password: str = "", database: str | None = None) -> Neo4jStore:
        try:
            driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=CONNECT_TIMEOUT,
                connection_acquisition_timeout=2 * CONNECT_TIMEOUT, max_transaction_retry_time=RETRY_TIME)
        except (ValueError, neo4j.exceptions.ConfigurationError) as error:
            raise Neo4jUnavailable(f"NEO4J_URI {uri!r} is not a Neo4j URI ({error}); it looks like "
                                   "bolt://HOST:7687 or neo4j://HOST:7687") from error
        return cls(driver, database, uri)

    def check(self) -> None:
        """Raise Neo4jUnavailable, naming the URI and what to do, unless the server answers and accepts the login."""
        try:
            self.driver.verify_connectivity()
        except neo4j.exceptions.AuthError as error:
            raise Neo4jUnavailable(f"Neo4j at {self.uri} refused the login: check NEO4J_USER and NEO4J_PASSWORD"
                                   ) from error
        except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError) as error:
            raise Neo4jUnavailable(f"Neo4j at {self.uri} cannot be reached ({error_line(error)}): start it, fix "
                                   "NEO4J_URI, or leave Neo4j out (--no-neo4j, or unset NEO4J_URI)") from error

    def close(self) -> None:
        """Wait for the write in flight (without raising: the caller learnt of failures through ``flush``), then
        let the writer thread and the connections go."""
        if self._in_flight is not None:
            wait([self._in_flight])
        if self._thread is not None:
            self._thread.shutdown()
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ── writing ────────────────────────────────────────────────────────────

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]], *, wait: bool = True) -> None:
        """Replace each named graph (IRI → its quads) whole, all in one transaction.

        The quads are read here. With ``wait=False`` the transaction then runs on the store's writer thread while
        the caller goes on (an ingest extracts and parses the next batch meanwhile: the client's work overlaps the
        server's); the next write, read or ``flush()`` first waits for it and raises what it raised. So writes
        keep their order, and at most one is in flight.
        """
        with _no_cyclic_gc():
            parsed = {iri: GraphData.parse(iri, quads) for iri, quads in graphs.items()}
        self.flush()
        if not parsed:
            return
        if wait:
            self._write_parsed(parsed)
        else:
            if self._thread is None:
                self._thread = ThreadPoolExecutor(1, thread_name_prefix="policykg-neo4j-writer")
            self._in_flight = self._thread.submit(self._write_parsed, parsed)

    def flush(self) -> None:
        """Wait for the write in flight (``replace_graphs(..., wait=False)``), raising what it raised."""
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is not None:
            in_flight.result()

    def remove_graph(self, iri: str) -> bool:
        """Delete a named graph and what only it supported; False when it was not there."""
        self.flush()
        return bool(self._write(lambda tx: Writer(tx).apply({iri: GraphData(iri)})))

    def clear(self) -> None:
        """Delete every node and relationship of the database (tests, benchmarks)."""
        self.flush()
        self._ensure_schema()
        with self._session() as session:
            session.run("MATCH (n) WHERE NOT n:_Layout CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                        ).consume()

    def _write_parsed(self, parsed: Mapping[str, GraphData]) -> None:
        with _no_cyclic_gc():
            self._write(lambda tx: Writer(tx).apply(parsed))

    def _write(self, work: Callable[[neo4j.ManagedTransaction], list[str]]) -> list[str]:
        self._ensure_schema()
        with self._session() as session:
            return session.execute_write(work)

    # ── reading ────────────────────────────────────────────────────────────

    def graph_names(self) -> list[str]:
        return [row["uri"] for row in self.cypher("MATCH (g:_Graph) RETURN g.uri AS uri ORDER BY uri")]

    def counts(self) -> dict[str, int]:
        """Resource nodes and the relationships between them (the bookkeeping nodes are not counted)."""
        rows = self.cypher(
            "CALL () { MATCH (n:Resource) RETURN count(n) AS nodes } "
            "CALL () { MATCH (:Resource)-[r]->() RETURN count(r) AS relationships } "
            "RETURN nodes, relationships"
        )
        return {"nodes": rows[0]["nodes"], "relationships": rows[0]["relationships"]}

    def quads(self, graph: str | None = None, predicates: Sequence[str] = ()) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph, rebuilt from nodes, properties and relationships; only those
        of ``predicates`` when some are given (kept here: a predicate is a property, a label or a relationship
        type)."""
        quads, wanted = self._quads(graph), set(predicates)
        return (quad for quad in quads if quad.predicate.value in wanted) if wanted else quads

    def _quads(self, graph: str | None) -> Iterator[ox.Quad]:
        self.flush()
        self._ensure_schema()
        with self._session(read=True) as session:
            vocabulary = session.execute_read(Vocabulary.load)
            nodes = session.run(
                "CALL () { MATCH (n:Resource) WHERE n._graph IS NOT NULL AND ($graph IS NULL OR n._graph = $graph) "
                "RETURN n, [[n._graph, {}]] AS members "
                "UNION MATCH (g:_Graph)-[:_CONTAINS]->(n:Resource) WHERE $graph IS NULL OR g.uri = $graph "
                "WITH DISTINCT n RETURN n, [(h:_Graph)-[c:_CONTAINS]->(n) | [h.uri, properties(c)]] AS members } "
                "RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props, members",
                graph=graph,
            )
            for record in nodes:
                subject = resource_term(record["uri"])
                members = record["members"]
                if len(members) == 1:
                    per_graph = [(members[0][0], vocabulary.decode(record["props"], record["labels"]))]
                else:
                    per_graph = [(g, vocabulary.decode(props, props.get("_types", []))) for g, props in members]
                for graph_iri, facts in per_graph:
                    if graph is None or graph_iri == graph:
                        yield from facts.quads(subject, ox.NamedNode(graph_iri))
            relationships = session.run(
                "MATCH (s:Resource)-[r]->(o:Resource) "
                "WITH s, r, o, coalesce(r.graphs, [s._graph]) AS graphs "
                "WHERE $graph IS NULL OR $graph IN graphs "
                "RETURN s.uri AS s, type(r) AS type, o.uri AS o, graphs",
                graph=graph,
            )
            for record in relationships:
                subject, obj = resource_term(record["s"]), resource_term(record["o"])
                predicate = ox.NamedNode(vocabulary.iri("relationship", record["type"]))
                for graph_iri in record["graphs"]:
                    if graph is None or graph_iri == graph:
                        yield ox.Quad(subject, predicate, obj, ox.NamedNode(graph_iri))

    def cypher(self, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict]:
        """Run Cypher with parameters; a read transaction (writes fail) unless ``write``."""
        self.flush()
        self._ensure_schema()

        def work(tx: neo4j.ManagedTransaction) -> list[dict]:
            return tx.run(query, dict(params or {})).data()

        with self._session(read=not write) as session:
            return session.execute_write(work) if write else session.execute_read(work)

    def _session(self, *, read: bool = False) -> neo4j.Session:
        """A session; the server's notifications (such as "this label does not exist yet") are turned off."""
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self.driver.session(
            database=self.database, default_access_mode=mode,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )

    def _ensure_schema(self) -> None:
        """Uniqueness constraints (Community edition has them; node keys are Enterprise-only), once per store."""
        if self._schema_ready:
            return
        with self._session() as session:
            for statement in (
                "CREATE CONSTRAINT policykg_resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE",
                "CREATE CONSTRAINT policykg_graph_uri IF NOT EXISTS FOR (g:_Graph) REQUIRE g.uri IS UNIQUE",
                "CREATE CONSTRAINT policykg_term_name IF NOT EXISTS FOR (t:_Term) REQUIRE (t.kind, t.name) IS UNIQUE",
                "CREATE CONSTRAINT policykg_term_iri IF NOT EXISTS FOR (t:_Term) REQUIRE (t.kind, t.iri) IS UNIQUE",
                f"CREATE INDEX policykg_resource_graph IF NOT EXISTS FOR (n:Resource) ON (n.{GRAPH_KEY})",
            ):
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
            if session.run("MATCH (l:_Layout) RETURN l.version AS v").single() is None:
                session.run(MOVE_SOLE_GRAPHS_ONTO_NODES).consume()
                session.run("MERGE (:_Layout {version: $v})", v=LAYOUT_VERSION).consume()
        self._schema_ready = True


def error_line(error: Exception) -> str:
    """A driver error in one line, without the driver's multi-line details."""
    lines = (getattr(error, "message", None) or str(error)).splitlines()
    return lines[0].rstrip(": ") if lines and lines[0].strip() else type(error).__name__


_gc_pauses = 0
_gc_was_enabled = False
_gc_lock = threading.Lock()


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: a bulk load allocates millions of acyclic objects, and collections
    triggered by their count cost a third of the time without freeing anything. Counted, because the caller's
    thread and the writer thread pause it at once."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
