"""The write transaction of ``Neo4jStore``: replace named graphs, keeping each resource's graphs exact.

It reads the state of the resources the new graphs touch (and of those the replaced graphs held), merges in
Python, and writes back in UNWIND batches grouped by label set and relationship type. docs/neo4j-mapping.md
describes the layout it keeps: a resource of one graph names it in ``_graph``; one of several has a ``_CONTAINS``
from each, carrying that graph's facts; relationships carry ``graphs`` where their subject is in several.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import neo4j

from policykg.graph.neo4j_mapping import (
    GRAPH_KEY, RESOURCE, Facts, GraphData, Vocabulary, identifier, labels_clause,
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


class _Node:
    """A resource touched by a write: what each of its graphs says, or (``partial``) the union so far."""

    __slots__ = ("uri", "id", "members", "labels", "props", "exists", "partial", "linked", "was_alone_in")

    def __init__(self, uri: str, *, exists: bool, labels: Sequence[str] = (), id: str | None = None) -> None:
        self.uri = uri
        self.id = id
        """Its ``elementId``, once it exists: relationships find their ends by it, not through the ``uri`` index."""
        self.members: dict[str, Facts] = {}
        """Graph IRI → facts, for every graph the resource is in (only the new ones when ``partial``)."""
        self.labels = set(labels) - {RESOURCE}
        """Labels it has in the database now."""
        self.props: dict[str, Any] = {}
        """Its properties in the database now (read with it): only what changes is written."""
        self.exists = exists
        self.partial: Facts | None = None
        """Set when the resource stays in two or more graphs that are not rewritten: the union of their facts."""
        self.linked: set[str] = set()
        """Graphs of ``members`` that have a ``_CONTAINS`` relationship to it in the database (it was in several)."""
        self.was_alone_in: str | None = None
        """The graph it was alone in (its ``_graph``), when it joins others: its relationships must now name it."""

    @classmethod
    def read(cls, record: neo4j.Record) -> _Node:
        """A resource as it is in the database, from a record with its ``uri``, ``id``, ``labels`` and ``props``."""
        node = cls(record["uri"], exists=True, labels=record["labels"], id=record["id"])
        node.props = record["props"]
        return node

    @property
    def several(self) -> bool:
        """Whether it ends up in more than one graph."""
        return self.partial is not None or len(self.members) > 1


class Writer:
    """One transaction's work: read the state of the touched resources, merge in Python, write back in batches."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx
        self.vocabulary = Vocabulary.load(tx)
        self.created: list[neo4j.Result] = []
        """The creations sent, whose records give each new resource's ``elementId``."""

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
            "RETURN n.uri AS uri, elementId(n) AS id, labels(n) AS labels, properties(n) AS props, others",
            removed=removed,
        )
        for record in records:
            node = nodes[record["uri"]] = _Node.read(record)
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
                "UNWIND $uris AS u MATCH (n:Resource {uri: u}) RETURN n.uri AS uri, elementId(n) AS id, "
                "labels(n) AS labels, properties(n) AS props",
                uris=chunk,
            )
            for record in records:
                node = nodes[record["uri"]] = _Node.read(record)
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
                self.created.append(self.tx.run(
                    f"UNWIND $rows AS r CREATE (n{labels_clause((RESOURCE, *labels))}) SET n += r.props "
                    "WITH n, r CALL (n, r) { UNWIND r.members AS m MATCH (g:_Graph {uri: m.g}) "
                    "CREATE (g)-[c:_CONTAINS]->(n) SET c += m.props } RETURN n.uri AS uri, elementId(n) AS id",
                    rows=chunk,
                ))
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
        self.created.append(self.tx.run(f"UNWIND $rows AS props CREATE (n{labels_clause((RESOURCE, *labels))}) "
                                        "SET n += props RETURN props.uri AS uri, elementId(n) AS id", {"rows": rows}))

    def _write_links(self, graphs: Mapping[str, GraphData], nodes: Mapping[str, _Node]) -> None:
        """Relationships: CREATE where an end is new (no such relationship can exist yet), MERGE between old nodes.
        Both ends are found by ``elementId`` (read with them, or returned by their creation): a seek in the ``uri``
        index per end cost more than the rest of the write.

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
        for result in self.created:
            for record in result:
                nodes[record["uri"]].id = record["id"]
        for (subject, predicate, obj), in_graphs in asserted.items():
            merge = nodes[subject].exists and nodes[obj].exists
            named = nodes[subject].several
            row = {"s": nodes[subject].id, "graphs": sorted(in_graphs)} if named else nodes[subject].id
            rows[merge, named, name("relationship", predicate)][nodes[obj].id].append(row)
        for (merge, named, rel_type), by_object in rows.items():
            write = "MERGE" if merge else "CREATE"
            query = (f"UNWIND $groups AS group MATCH (o) WHERE elementId(o) = group.key UNWIND group.rows AS r "
                     f"MATCH (s) WHERE elementId(s) = {'r.s' if named else 'r'} "
                     f"{write} (s)-[x:`{identifier(rel_type)}`]->(o)")
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


def _chunks(items: Sequence, size: int = BATCH) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
