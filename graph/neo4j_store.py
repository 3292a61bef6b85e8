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

Writes are batched with UNWIND, grouped by label set and relationship type;
values always travel as parameters, and the only names written into Cypher text
are labels and types this module generated from IRIs (``[A-Za-z][A-Za-z0-9_]*``,
backticked). One process writes at a time, as with the Oxigraph store.
"""
from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

import neo4j
import pyoxigraph as ox

from policykg.graph.neo4j_mapping import (
    GRAPH_KEY, RESOURCE, Facts, GraphData, Vocabulary, identifier, labels_clause, resource_term,
)

BATCH = 10_000
"""Rows per UNWIND statement."""
STREAM = 1_000
"""New resources of one label set are sent as soon as this many are encoded: the server creates them while the rest
are encoded (at ``BATCH`` it waited for most of a transaction's encoding)."""


NAME_THE_FIRST_GRAPH = ("UNWIND $rows AS r MATCH (n:Resource {uri: r.uri}) USING INDEX SEEK n:Resource(uri) "
                        "MATCH (n)-[x]->() WHERE x.graphs IS NULL SET x.graphs = [r.g]")
"""For resources that join a second graph: their relationships name the graph they were in. Without the hint, a
plan made on a small database scanned every resource for each row (quadratic in the corpus); a plain ``USING
INDEX`` let it scan the whole index for each row instead (4–7 s a load of 150,000 triples): only a seek will do."""

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
        return bool(self._write(lambda tx: _Writer(tx).apply({iri: GraphData(iri)})))

    def clear(self) -> None:
        """Delete every node and relationship of the database (tests, benchmarks)."""
        self.flush()
        self._ensure_schema()
        with self._session() as session:
            session.run("MATCH (n) WHERE NOT n:_Layout CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                        ).consume()

    def _write_parsed(self, parsed: Mapping[str, GraphData]) -> None:
        with _no_cyclic_gc():
            self._write(lambda tx: _Writer(tx).apply(parsed))

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


# ── The write transaction ──────────────────────────────────────────────────


class _Node:
    """A resource touched by a write: what each of its graphs says, or (``partial``) the union so far."""

    __slots__ = ("uri", "members", "labels", "props", "exists", "partial", "added", "linked", "was_alone_in")

    def __init__(self, uri: str, *, exists: bool, labels: Sequence[str] = ()) -> None:
        self.uri = uri
        self.members: dict[str, Facts] = {}
        """Graph IRI → facts, for every graph the resource is in (only the new ones when ``partial``)."""
        self.labels = set(labels) - {RESOURCE}
        """Labels it has in the database now."""
        self.props: dict[str, Any] = {}
        """Its properties in the database now (read with it): only what changes is written."""
        self.exists = exists
        self.partial: Facts | None = None
        """Set when the resource stays in two or more graphs that are not rewritten: the union of their facts."""
        self.added: set[str] = set()
        """Graphs written now that mention it."""
        self.linked: set[str] = set()
        """Graphs of ``members`` that have a ``_CONTAINS`` relationship to it in the database (it was in several)."""
        self.was_alone_in: str | None = None
        """The graph it was alone in (its ``_graph``), when it joins others: its relationships must now name it."""

    @property
    def several(self) -> bool:
        """Whether it ends up in more than one graph."""
        return self.partial is not None or len(self.members) > 1


class _Writer:
    """One transaction's work: read the state of the touched resources, merge in Python, write back in batches."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx
        self.vocabulary = Vocabulary.load(tx)

    def apply(self, graphs: Mapping[str, GraphData]) -> list[str]:
        """Replace the graphs; returns those that existed before."""
        existing = [r["uri"] for r in self._read("MATCH (g:_Graph) WHERE g.uri IN $uris RETURN g.uri AS uri", uris=list(graphs))]
        nodes: dict[str, _Node] = {}
        if existing:
            self._forget(existing, nodes)
        self._read_touched(graphs, nodes)
        for data in graphs.values():
            for uri, facts in data.facts.items():
                node = nodes[uri]
                node.added.add(data.iri)
                node.members[data.iri] = facts
                if node.partial is not None:
                    node.partial.update(facts)
        self._write_graph_nodes(graphs, existing)
        self._write_resources(nodes.values())
        self._write_links(graphs, nodes)
        if self.vocabulary.new:
            self._run("UNWIND $terms AS t CREATE (:_Term {kind: t.kind, name: t.name, iri: t.iri})", terms=self.vocabulary.new)
        return existing

    def _forget(self, removed: list[str], nodes: dict[str, _Node]) -> None:
        """Take the removed graphs out: their links lose them, and their resources keep only the other graphs' facts."""
        self._run("MATCH (n:Resource)-[r]->(:Resource) WHERE n._graph IN $removed DELETE r", removed=removed)
        self._run(
            "MATCH (g:_Graph)-[:_CONTAINS]->(:Resource)-[r]->(:Resource) "
            "WHERE g.uri IN $removed AND any(x IN r.graphs WHERE x IN $removed) "
            "WITH DISTINCT r SET r.graphs = [x IN r.graphs WHERE NOT x IN $removed] "
            "WITH r WHERE size(r.graphs) = 0 DELETE r",
            removed=removed,
        )
        records = self._read(
            "CALL () { MATCH (n:Resource) WHERE n._graph IN $removed RETURN n, [] AS others "
            "UNION MATCH (g:_Graph)-[c:_CONTAINS]->(n:Resource) WHERE g.uri IN $removed "
            "WITH n, count(c) AS gone, any(c IN collect(c) WHERE size(keys(c)) > 0) AS said "
            "WITH n, said, COUNT { (n)<-[:_CONTAINS]-() } - gone AS left "
            "RETURN n, CASE WHEN left <= 1 OR said "
            "THEN [(h:_Graph)-[c:_CONTAINS]->(n) WHERE NOT h.uri IN $removed | [h.uri, properties(c)]] END AS others } "
            "RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props, others",
            removed=removed,
        )
        for record in records:
            node = nodes[record["uri"]] = _Node(record["uri"], exists=True, labels=record["labels"])
            node.props = record["props"]
            if record["others"] is None:
                # In several graphs before and after, and the removed ones said nothing of it (a hub that articles
                # only point to): its properties stay the union, read from the node, not from its thousand graphs.
                node.partial = self.vocabulary.decode(record["props"], record["labels"])
                continue
            for graph, props in record["others"]:
                node.members[graph] = self.vocabulary.decode(props, props.get("_types", []))
            node.linked.update(node.members)
        self._run("MATCH (g:_Graph)-[c:_CONTAINS]->() WHERE g.uri IN $removed DELETE c", removed=removed)

    def _read_touched(self, graphs: Mapping[str, GraphData], nodes: dict[str, _Node]) -> None:
        """Load the current state of every resource the new graphs mention that _forget did not load."""
        uris = sorted({uri for data in graphs.values() for uri in data.facts} - nodes.keys())
        for chunk in _chunks(uris):
            records = self._read(
                "UNWIND $uris AS u MATCH (n:Resource {uri: u}) RETURN n.uri AS uri, labels(n) AS labels, "
                "properties(n) AS props",
                uris=chunk,
            )
            for record in records:
                node = nodes[record["uri"]] = _Node(record["uri"], exists=True, labels=record["labels"])
                node.props = record["props"]
                facts = self.vocabulary.decode(record["props"], record["labels"])
                sole = record["props"].get(GRAPH_KEY)
                if sole is not None:  # the graph it was in alone, which is not rewritten: it joins a second one
                    node.members[sole] = facts
                    node.was_alone_in = sole
                else:
                    node.partial = facts
        for uri in uris:
            if uri not in nodes:
                nodes[uri] = _Node(uri, exists=False)

    def _write_graph_nodes(self, graphs: Mapping[str, GraphData], existing: list[str]) -> None:
        new = [iri for iri, data in graphs.items() if data.facts and iri not in existing]
        dropped = [iri for iri, data in graphs.items() if not data.facts]
        if new:
            self._run("UNWIND $uris AS u CREATE (:_Graph {uri: u})", uris=new)
        if dropped:
            self._run("MATCH (g:_Graph) WHERE g.uri IN $uris DETACH DELETE g", uris=dropped)

    def _write_resources(self, nodes: Iterable[_Node]) -> None:
        """New resources are sent a batch at a time as they are encoded, so the server writes while the rest are
        encoded (most of a new article's resources are new); the others once all are sorted out."""
        vocabulary = self.vocabulary
        deleted: list[str] = []
        created: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        """New resources of one graph, not sent yet: labels → node properties."""
        shared: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        """New resources of several graphs: labels → rows of node properties and per-graph facts."""
        updated: dict[tuple[tuple[str, ...], tuple[str, ...]], list[dict]] = defaultdict(list)
        linked: dict[str, list[dict]] = defaultdict(list)
        """Graph → resources in several graphs that get a ``_CONTAINS`` from it, with the graph's facts about them."""
        linked_bare: dict[str, list[str]] = defaultdict(list)
        """Graph → the same, where the graph states nothing about them but their links."""
        unlinked: list[dict] = []
        """``_CONTAINS`` of a resource that was in several graphs and is left in one."""
        for node in nodes:
            if node.partial is None and not node.members:
                deleted.append(node.uri)
                continue
            if node.partial is not None:
                union = node.partial
            elif len(node.members) == 1:  # most resources: nothing to merge
                [union] = node.members.values()
            else:
                union = Facts()
                for facts in node.members.values():
                    union.update(facts)
            props = vocabulary.encode(union)
            props["uri"] = node.uri
            labels = vocabulary.labels(union)
            if node.several:
                members = {graph: vocabulary.encode(node.members[graph], with_types=True)
                           for graph in sorted(node.members.keys() - node.linked)}
            else:
                [props[GRAPH_KEY]] = node.members
                members = {}
                unlinked += ({"g": graph, "uri": node.uri} for graph in sorted(node.linked))
            if not node.exists:
                if members:
                    shared[labels].append({"props": props, "members": [{"g": g, "props": p} for g, p in members.items()]})
                else:
                    created[labels].append(props)
                    if len(created[labels]) == STREAM:
                        self._create(labels, created.pop(labels))
                continue
            add = tuple(sorted(set(labels) - node.labels))
            drop = tuple(sorted(node.labels - set(labels)))
            changed = _changes(node.props, props)
            if add or drop or changed:
                updated[add, drop].append({"uri": node.uri, "props": changed})
            for graph, member_props in members.items():
                (linked if member_props else linked_bare)[graph].append(
                    {"uri": node.uri, "props": member_props} if member_props else node.uri)
        for chunk in _chunks(deleted):
            self._run("UNWIND $uris AS u MATCH (n:Resource {uri: u}) DETACH DELETE n", uris=chunk)
        for labels, rows in created.items():
            self._create(labels, rows)
        for labels, rows in shared.items():
            for chunk in _chunks(rows):
                self._run(
                    f"UNWIND $rows AS r CREATE (n{labels_clause((RESOURCE, *labels))}) SET n += r.props "
                    "WITH n, r UNWIND r.members AS m MATCH (g:_Graph {uri: m.g}) "
                    "CREATE (g)-[c:_CONTAINS]->(n) SET c += m.props",
                    rows=chunk,
                )
        for (add, drop), rows in updated.items():
            clause = (f" SET n{labels_clause(add)}" if add else "") + (f" REMOVE n{labels_clause(drop)}" if drop else "")
            for chunk in _chunks(rows):
                self._run(f"UNWIND $rows AS r MATCH (n:Resource {{uri: r.uri}}) SET n += r.props{clause}", rows=chunk)
        for chunk in _grouped(linked):
            self._run(
                "UNWIND $groups AS group MATCH (g:_Graph {uri: group.key}) UNWIND group.rows AS r "
                "MATCH (n:Resource {uri: r.uri}) CREATE (g)-[c:_CONTAINS]->(n) SET c += r.props",
                groups=chunk,
            )
        for chunk in _grouped(linked_bare):
            self._run(
                "UNWIND $groups AS group MATCH (g:_Graph {uri: group.key}) UNWIND group.rows AS u "
                "MATCH (n:Resource {uri: u}) CREATE (g)-[:_CONTAINS]->(n)",
                groups=chunk,
            )
        for chunk in _chunks(unlinked):
            self._run(
                # From the graph, whose members are one article's: the planner, given both ends, expanded every
                # _CONTAINS of the resource instead (thousands for an entity many articles name; 6 ms a row).
                "UNWIND $rows AS r MATCH (g:_Graph {uri: r.g}) WITH g, r "
                "MATCH (g)-[c:_CONTAINS]->(n) WHERE n.uri = r.uri DELETE c",
                rows=chunk,
            )

    def _create(self, labels: tuple[str, ...], rows: list[dict]) -> None:
        """New resources of one graph each (their properties name it), all with ``labels``."""
        self._run(f"UNWIND $rows AS props CREATE (n{labels_clause((RESOURCE, *labels))}) SET n += props", rows=rows)

    def _write_links(self, graphs: Mapping[str, GraphData], nodes: Mapping[str, _Node]) -> None:
        """Relationships: CREATE where an end is new (no such relationship can exist yet), MERGE between old nodes.

        ``graphs`` is left out where the subject is in one graph only, as statements, articles and facts are
        (most relationships; it saves a fifth of the write time): it is that graph. A subject that joins a
        second graph first has its graph written on the relationships it has.
        """
        alone = [{"uri": n.uri, "g": n.was_alone_in} for n in nodes.values() if n.was_alone_in and n.several]
        for chunk in _chunks(alone):
            self._run(NAME_THE_FIRST_GRAPH, rows=chunk)
        asserted: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for data in graphs.values():
            for link in data.links:
                asserted[link].append(data.iri)
        rows: dict[tuple[bool, bool, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
        """(MERGE?, with graphs?, relationship type) → object → subjects (with their graphs): grouped by object,
        which is often shared (an article, an actor). Setting ``graphs`` to null costs as much as creating the
        relationship, so the rows without it go in statements of their own."""
        name = self.vocabulary.name
        for (subject, predicate, obj), in_graphs in asserted.items():
            merge = nodes[subject].exists and nodes[obj].exists
            named = nodes[subject].several
            row = {"s": subject, "graphs": sorted(in_graphs)} if named else subject
            rows[merge, named, name("relationship", predicate)][obj].append(row)
        for (merge, named, rel_type), by_object in rows.items():
            write = "MERGE" if merge else "CREATE"
            query = (f"UNWIND $groups AS group MATCH (o:Resource {{uri: group.key}}) UNWIND group.rows AS r "
                     f"MATCH (s:Resource {{uri: {'r.s' if named else 'r'}}}) {write} (s)-[x:`{identifier(rel_type)}`]->(o)")
            if named and merge:
                query += (" ON CREATE SET x.graphs = r.graphs "
                          "ON MATCH SET x.graphs = x.graphs + [g IN r.graphs WHERE NOT g IN x.graphs]")
            elif named:
                query += " SET x.graphs = r.graphs"
            for chunk in _grouped(by_object):
                self._run(query, groups=chunk)

    def _read(self, query: str, **params: Any) -> list[neo4j.Record]:
        return list(self.tx.run(query, params))

    def _run(self, query: str, **params: Any) -> None:
        """Send a write without waiting for it to finish: the server runs it while the next one is packed (the
        driver reads its outcome before the next statement's, and the commit fails if it failed)."""
        self.tx.run(query, params)


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """What ``SET n += changes`` needs to turn properties ``old`` into ``new``: the keys whose value differs, and
    those to remove, as nulls (half the work of ``SET n = new``, which rewrites every property)."""
    changes = {key: value for key, value in new.items() if key not in old or not _same(value, old[key])}
    changes.update((key, None) for key in sorted(old.keys() - new.keys()))
    return changes


def _same(value: Any, other: Any) -> bool:
    """Equal and of the same types, lists item by item (``1 == 1.0 == True`` in Python, not in Neo4j)."""
    if type(value) is not type(other):
        return False
    if isinstance(value, dict):
        return value.keys() == other.keys() and all(_same(value[key], other[key]) for key in value)
    if isinstance(value, list):
        return len(value) == len(other) and all(map(_same, value, other))
    return value == other


def _grouped(groups: Mapping[str, list[dict]], size: int = BATCH) -> Iterator[list[dict]]:
    """``[{key, rows}]`` lists of about ``size`` rows in all, for ``UNWIND $groups AS group ... UNWIND group.rows``."""
    chunk: list[dict] = []
    count = 0
    for key, rows in groups.items():
        chunk.append({"key": key, "rows": rows})
        count += len(rows)
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


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


def _chunks(items: Sequence, size: int = BATCH) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
