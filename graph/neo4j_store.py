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
* each named graph is a ``(:_Graph {uri})`` node with a ``_CONTAINS``
  relationship to every resource it mentions. While a resource is in one graph,
  everything on it belongs to that graph; once it is in several, each
  ``_CONTAINS`` relationship also carries what its graph says about the
  resource (types in ``_types``, literals encoded as on nodes), so that removing
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
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from functools import cache
from typing import Any

import neo4j
import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF, SKOS, XSD

from policykg.ontology import PK, PREFIXES, ontology_file

RDF_TYPE = str(RDF.type)
XSD_STRING = str(XSD.string)
XSD_INTEGER = str(XSD.integer)
XSD_DECIMAL = str(XSD.decimal)
XSD_DOUBLE = str(XSD.double)
XSD_FLOAT = str(XSD.float)
XSD_BOOLEAN = str(XSD.boolean)
RDF_LANG_STRING = str(RDF.langString)

ALWAYS_LISTS = frozenset({str(SKOS.altLabel), str(PK.holdsRole)})
"""Predicates whose property is a list even with one value, so that Cypher can always iterate over it."""

RESOURCE = "Resource"
BATCH = 10_000
"""Rows per UNWIND statement."""

LiteralKey = tuple[str, str, str]
"""A literal as (lexical form, language tag or "", datatype IRI or "" for a plain or language-tagged string)."""

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_INT64 = (-(2**63), 2**63 - 1)


class Neo4jStore:
    """The policykg graph in a Neo4j database, reached over Bolt with the official driver."""

    def __init__(self, driver: neo4j.Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database or None
        self._schema_ready = False

    @classmethod
    def connect(cls, uri: str, user: str = "neo4j", password: str = "", database: str | None = None) -> Neo4jStore:
        return cls(neo4j.GraphDatabase.driver(uri, auth=(user, password)), database)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ── writing ────────────────────────────────────────────────────────────

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Replace each named graph (IRI → its quads) whole, all in one transaction."""
        with _no_cyclic_gc():
            parsed = {iri: _GraphData.parse(iri, quads) for iri, quads in graphs.items()}
            if parsed:
                self._write(lambda tx: _Writer(tx).apply(parsed))

    def remove_graph(self, iri: str) -> bool:
        """Delete a named graph and what only it supported; False when it was not there."""
        return bool(self._write(lambda tx: _Writer(tx).apply({iri: _GraphData(iri)})))

    def clear(self) -> None:
        """Delete every node and relationship of the database (tests, benchmarks)."""
        self._ensure_schema()
        with self._session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

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

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph, rebuilt from nodes, properties and relationships."""
        self._ensure_schema()
        with self._session(read=True) as session:
            vocabulary = session.execute_read(_Vocabulary.load)
            nodes = session.run(
                "MATCH (g:_Graph)-[:_CONTAINS]->(n:Resource) WHERE $graph IS NULL OR g.uri = $graph "
                "WITH DISTINCT n RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props, "
                "[(h:_Graph)-[c:_CONTAINS]->(n) | [h.uri, properties(c)]] AS members",
                graph=graph,
            )
            for record in nodes:
                subject = _term(record["uri"])
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
                "WITH s, r, o, coalesce(r.graphs, [(g:_Graph)-[:_CONTAINS]->(s) | g.uri]) AS graphs "
                "WHERE $graph IS NULL OR $graph IN graphs "
                "RETURN s.uri AS s, type(r) AS type, o.uri AS o, graphs",
                graph=graph,
            )
            for record in relationships:
                subject, obj = _term(record["s"]), _term(record["o"])
                predicate = ox.NamedNode(vocabulary.iri("relationship", record["type"]))
                for graph_iri in record["graphs"]:
                    if graph is None or graph_iri == graph:
                        yield ox.Quad(subject, predicate, obj, ox.NamedNode(graph_iri))

    def cypher(self, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict]:
        """Run Cypher with parameters; a read transaction (writes fail) unless ``write``."""
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
            ):
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
        self._schema_ready = True


# ── RDF side: what one graph says ──────────────────────────────────────────


class _Facts:
    """What one graph says about one resource: its types and its literal-valued triples."""

    __slots__ = ("types", "literals")

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.literals: dict[str, set[LiteralKey]] = defaultdict(set)

    def update(self, other: _Facts) -> None:
        self.types |= other.types
        for predicate, values in other.literals.items():
            self.literals[predicate] |= values

    def quads(self, subject: ox.NamedNode | ox.BlankNode, graph: ox.NamedNode) -> Iterator[ox.Quad]:
        rdf_type = ox.NamedNode(RDF_TYPE)
        for cls in self.types:
            yield ox.Quad(subject, rdf_type, ox.NamedNode(cls), graph)
        for predicate, values in self.literals.items():
            node = ox.NamedNode(predicate)
            for lexical, language, datatype in values:
                if language:
                    literal = ox.Literal(lexical, language=language)
                elif datatype:
                    literal = ox.Literal(lexical, datatype=ox.NamedNode(datatype))
                else:
                    literal = ox.Literal(lexical)
                yield ox.Quad(subject, node, literal, graph)


class _GraphData:
    """The quads of one named graph, split into per-resource facts and resource-to-resource triples."""

    def __init__(self, iri: str) -> None:
        self.iri = iri
        self.facts: dict[str, _Facts] = {}
        """Every resource the graph mentions (as subject or object) → what it says about it."""
        self.links: set[tuple[str, str, str]] = set()
        """(subject key, predicate IRI, object key)."""

    @classmethod
    def parse(cls, iri: str, quads: Iterable[ox.Quad]) -> _GraphData:
        # The loop is the hot path of a bulk load: terms are read once, and plain IRIs skip _key().
        data = cls(iri)
        facts, links = data.facts, data.links
        graph = ox.NamedNode(iri)
        literal, named = ox.Literal, ox.NamedNode
        datatypes: dict[ox.NamedNode, str] = {}
        for quad in quads:
            if quad.graph_name != graph:
                raise ValueError(f"quad {quad} is not in graph <{iri}>")
            subject = quad.subject
            subject = subject.value if type(subject) is named else _key(subject)
            entry = facts.get(subject)
            if entry is None:
                entry = facts[subject] = _Facts()
            predicate, obj = quad.predicate.value, quad.object
            if type(obj) is literal:
                language = obj.language
                if language:
                    entry.literals[predicate].add((obj.value, language, ""))
                    continue
                term = obj.datatype
                datatype = datatypes.get(term)
                if datatype is None:
                    datatype = datatypes[term] = "" if term.value == XSD_STRING else term.value
                entry.literals[predicate].add((obj.value, "", datatype))
            elif predicate == RDF_TYPE and type(obj) is named:
                entry.types.add(obj.value)
            else:
                target = obj.value if type(obj) is named else _key(obj)
                if target not in facts:
                    facts[target] = _Facts()
                links.add((subject, predicate, target))
        return data


def _key(term: ox.NamedNode | ox.BlankNode | Any) -> str:
    """The ``uri`` property of a resource: the IRI, or ``_:id`` for a blank node."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    raise ValueError(f"not a resource: {term!r} (RDF-star triples are not supported)")


def _term(key: str) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(key[2:]) if key.startswith("_:") else ox.NamedNode(key)


# ── Names: IRIs ↔ labels, property keys, relationship types ────────────────


class _Vocabulary:
    """The ``_Term`` registry: which IRI each generated name stands for, per kind of name."""

    KINDS = ("label", "property", "relationship")
    RESERVED = {"label": {RESOURCE}, "property": {"uri", "graphs"}, "relationship": set()}

    def __init__(self, terms: Iterable[tuple[str, str, str]] = ()) -> None:
        self.names: dict[str, dict[str, str]] = {kind: {} for kind in self.KINDS}
        """kind → IRI → name."""
        self.iris: dict[str, dict[str, str]] = {kind: {} for kind in self.KINDS}
        """kind → name → IRI."""
        self.new: list[dict[str, str]] = []
        for kind, name, iri in terms:
            self.names[kind][iri] = name
            self.iris[kind][name] = iri

    @classmethod
    def load(cls, tx: neo4j.ManagedTransaction) -> _Vocabulary:
        result = tx.run("MATCH (t:_Term) RETURN t.kind AS kind, t.name AS name, t.iri AS iri")
        return cls((r["kind"], r["name"], r["iri"]) for r in result)

    def iri(self, kind: str, name: str) -> str:
        return self.iris[kind][name]

    def name(self, kind: str, iri: str) -> str:
        """The name for ``iri``, allocating one (recorded in ``new``) on first use."""
        known = self.names[kind].get(iri)
        if known is not None:
            return known
        prefix, local = _split_iri(iri)
        style = _STYLES[kind]
        base = style(local)
        candidates = [base] if iri.startswith(str(PK)) or base not in _ontology_names(kind) else []
        if prefix:
            candidates.append(style(f"{prefix} {local}"))
        candidates += [f"{base}{i}" for i in range(2, 1000)]
        for name in candidates:
            if name not in self.iris[kind] and name not in self.RESERVED[kind] and _IDENTIFIER.fullmatch(name):
                self.names[kind][iri] = name
                self.iris[kind][name] = iri
                self.new.append({"kind": kind, "name": name, "iri": iri})
                return name
        raise ValueError(f"no free {kind} name for <{iri}>")

    def encode(self, facts: _Facts, *, with_types: bool = False) -> dict[str, Any]:
        """Node (or ``_CONTAINS``) properties for facts; ``with_types`` adds the type labels as ``_types``."""
        props: dict[str, Any] = {}
        names = self.names["property"]
        for predicate, values in facts.literals.items():
            key = names.get(predicate) or self.name("property", predicate)
            props.update(_encode_values(key, values, predicate in ALWAYS_LISTS))
        if with_types:
            props["_types"] = sorted(self.name("label", cls) for cls in facts.types)
        return props

    def labels(self, facts: _Facts) -> tuple[str, ...]:
        return tuple(sorted(self.name("label", cls) for cls in facts.types))

    def decode(self, props: Mapping[str, Any], labels: Iterable[str]) -> _Facts:
        """Facts back from properties (and labels: node labels, or the ``_types`` of a ``_CONTAINS``)."""
        facts = _Facts()
        facts.types = {self.iris["label"][label] for label in labels if label != RESOURCE}
        for key, value in props.items():
            if "__" in key or key in ("uri", "_types"):
                continue
            facts.literals[self.iris["property"][key]] = set(_decode_values(key, props))
        return facts


def _split_iri(iri: str) -> tuple[str | None, str]:
    """(known prefix of the namespace or None, local name)."""
    cut = max(iri.rfind("#"), iri.rfind("/"), iri.rfind(":"))
    namespace, local = iri[: cut + 1], iri[cut + 1 :]
    prefix = next((p for p, ns in PREFIXES.items() if ns == namespace), None)
    return prefix, local


def _words(text: str) -> list[str]:
    """``mentionedIn`` → [mentioned, In]; ``in-language`` → [in, language]."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[A-Z]", text)
    if not words or words[0][0].isdigit():
        words.insert(0, "x")
    return words


def _camel(text: str) -> str:
    words = _words(text)
    return words[0][0].lower() + words[0][1:] + "".join(w[0].upper() + w[1:] for w in words[1:])


def _pascal(text: str) -> str:
    return "".join(w[0].upper() + w[1:] for w in _words(text))


def _upper_snake(text: str) -> str:
    return "_".join(w.upper() for w in _words(text))


_STYLES: dict[str, Callable[[str], str]] = {"label": _pascal, "property": _camel, "relationship": _upper_snake}


@cache
def _ontology_names(kind: str) -> frozenset[str]:
    """Names that terms of the policykg ontology take, so no other vocabulary can take them first."""
    graph = Graph().parse(ontology_file())
    locals_ = {str(s)[len(str(PK)) :] for s in graph.subjects() if str(s).startswith(str(PK))}
    return frozenset(_STYLES[kind](local) for local in locals_ if local)


# ── Literals ↔ property values ─────────────────────────────────────────────
# A value is stored as the Neo4j type its datatype implies (xsd:integer → int,
# xsd:decimal → float, xsd:boolean → bool, strings → str); `key__lang`,
# `key__dt` and `key__lex` hold what that type does not say. A value that has
# no such type, or a mix of types on one node, is stored as its lexical form
# with its datatype in `key__dt`.

_IMPLIED = {str: "", int: XSD_INTEGER, float: XSD_DECIMAL, bool: XSD_BOOLEAN}


def _native(lexical: str, language: str, datatype: str) -> Any:
    """The Neo4j value a literal is stored as, or None when only its lexical form keeps it exact."""
    if language or not datatype:
        return lexical
    if datatype == XSD_INTEGER and _INTEGER.fullmatch(lexical):
        value = int(lexical)
        return value if _INT64[0] <= value <= _INT64[1] else None
    if datatype == XSD_DECIMAL and _DECIMAL.fullmatch(lexical):
        value = float(lexical)
        return value if Decimal(repr(value)) == Decimal(lexical) else None
    if datatype in (XSD_DOUBLE, XSD_FLOAT):
        try:
            return float(lexical)
        except ValueError:
            return None
    if datatype == XSD_BOOLEAN and lexical in ("true", "false", "1", "0"):
        return lexical in ("true", "1")
    return None


def _canonical(value: Any, datatype: str) -> str:
    """The lexical form a stored value gives back when no ``__lex`` says otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if datatype != XSD_DECIMAL:
            return repr(value)
        text = format(Decimal(repr(value)), "f")
        return (text.rstrip("0").rstrip(".") if "." in text else text) or "0"
    return value


def _encode_values(key: str, values: Collection[LiteralKey], as_list: bool) -> dict[str, Any]:
    if len(values) == 1 and not as_list:  # the common case, kept short for bulk loads
        [(lexical, language, datatype)] = values
        value = _native(lexical, language, datatype)
        if value is None:
            return {key: lexical, key + "__dt": datatype}
        props = {key: value}
        if language:
            props[key + "__lang"] = language
        elif datatype:
            if datatype != _IMPLIED[type(value)]:
                props[key + "__dt"] = datatype
            if _canonical(value, datatype) != lexical:
                props[key + "__lex"] = lexical
        return props
    ordered = sorted(values)
    natives = [_native(*value) for value in ordered]
    if any(v is None for v in natives) or len({type(v) for v in natives}) > 1:
        stored, datatypes, lexicals = [v[0] for v in ordered], [v[2] for v in ordered], [""] * len(ordered)
    else:
        stored = natives
        datatypes = [dt if dt != _IMPLIED[type(v)] else "" for v, (_, _, dt) in zip(natives, ordered)]
        lexicals = [
            lex if _canonical(v, dt or _IMPLIED[type(v)]) != lex else ""
            for v, (lex, _, dt) in zip(natives, ordered)
        ]
    single = len(ordered) == 1 and not as_list
    props = {key: stored[0] if single else stored}
    for suffix, parallel in (("__lang", [v[1] for v in ordered]), ("__dt", datatypes), ("__lex", lexicals)):
        if any(parallel):
            props[key + suffix] = parallel[0] if single else parallel
    return props


def _decode_values(key: str, props: Mapping[str, Any]) -> Iterator[LiteralKey]:
    def as_list(value: Any) -> list:
        return value if isinstance(value, list) else [value]

    values = as_list(props[key])
    blanks = [""] * len(values)
    languages = as_list(props.get(key + "__lang", blanks))
    datatypes = as_list(props.get(key + "__dt", blanks))
    lexicals = as_list(props.get(key + "__lex", blanks))
    for value, language, datatype, lexical in zip(values, languages, datatypes, lexicals):
        if isinstance(value, str):
            yield value, language, datatype
        else:
            datatype = datatype or _IMPLIED[type(value)]
            yield lexical or _canonical(value, datatype), "", datatype


# ── The write transaction ──────────────────────────────────────────────────


class _Node:
    """A resource touched by a write: what each of its graphs says, or (``partial``) the union so far."""

    __slots__ = ("uri", "members", "labels", "exists", "partial", "added", "relink", "was_alone")

    def __init__(self, uri: str, *, exists: bool, labels: Sequence[str] = ()) -> None:
        self.uri = uri
        self.members: dict[str, _Facts] = {}
        """Graph IRI → facts, for every graph the resource is in (only the new ones when ``partial``)."""
        self.labels = set(labels) - {RESOURCE}
        """Labels it has in the database now."""
        self.exists = exists
        self.partial: _Facts | None = None
        """Set when the resource stays in two or more graphs that are not rewritten: the union of their facts."""
        self.added: set[str] = set()
        """Graphs that get a new ``_CONTAINS`` relationship."""
        self.relink: set[str] = set()
        """Existing ``_CONTAINS`` relationships whose properties must be rewritten."""
        self.was_alone = False
        """It was in one graph and joins others: its relationships must now name that graph."""

    @property
    def several(self) -> bool:
        """Whether it ends up in more than one graph."""
        return self.partial is not None or len(self.members) > 1


class _Writer:
    """One transaction's work: read the state of the touched resources, merge in Python, write back in batches."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx
        self.vocabulary = _Vocabulary.load(tx)

    def apply(self, graphs: Mapping[str, _GraphData]) -> list[str]:
        """Replace the graphs; returns those that existed before."""
        existing = [r["uri"] for r in self._run("MATCH (g:_Graph) WHERE g.uri IN $uris RETURN g.uri AS uri", uris=list(graphs))]
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
        self._write_graph_nodes(graphs)
        self._write_resources(nodes.values())
        self._write_links(graphs, nodes)
        if self.vocabulary.new:
            self._run("UNWIND $terms AS t CREATE (:_Term {kind: t.kind, name: t.name, iri: t.iri})", terms=self.vocabulary.new)
        return existing

    def _forget(self, removed: list[str], nodes: dict[str, _Node]) -> None:
        """Take the removed graphs out: their links lose them, and their resources keep only the other graphs' facts."""
        self._run(
            "MATCH (g:_Graph)-[:_CONTAINS]->(:Resource)-[r]->(:Resource) "
            "WHERE g.uri IN $removed AND (r.graphs IS NULL OR any(x IN r.graphs WHERE x IN $removed)) "
            "WITH DISTINCT r SET r.graphs = [x IN r.graphs WHERE NOT x IN $removed] "
            "WITH r WHERE coalesce(size(r.graphs), 0) = 0 DELETE r",
            removed=removed,
        )
        records = self._run(
            "MATCH (g:_Graph)-[:_CONTAINS]->(n:Resource) WHERE g.uri IN $removed WITH DISTINCT n "
            "RETURN n.uri AS uri, labels(n) AS labels, "
            "[(h:_Graph)-[c:_CONTAINS]->(n) WHERE NOT h.uri IN $removed | [h.uri, properties(c)]] AS others",
            removed=removed,
        )
        for record in records:
            node = nodes[record["uri"]] = _Node(record["uri"], exists=True, labels=record["labels"])
            for graph, props in record["others"]:
                node.members[graph] = self.vocabulary.decode(props, props.get("_types", []))
            if len(node.members) == 1:  # it had several graphs; the one left will hold its facts on the node
                node.relink.update(node.members)
        self._run("MATCH (g:_Graph)-[c:_CONTAINS]->() WHERE g.uri IN $removed DELETE c", removed=removed)

    def _read_touched(self, graphs: Mapping[str, _GraphData], nodes: dict[str, _Node]) -> None:
        """Load the current state of every resource the new graphs mention that _forget did not load."""
        uris = sorted({uri for data in graphs.values() for uri in data.facts} - nodes.keys())
        for chunk in _chunks(uris):
            records = self._run(
                "UNWIND $uris AS u MATCH (n:Resource {uri: u}) WITH n, COUNT { (n)<-[:_CONTAINS]-() } AS k "
                "RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props, k, "
                "CASE WHEN k = 1 THEN [(g:_Graph)-[:_CONTAINS]->(n) | g.uri][0] END AS sole",
                uris=chunk,
            )
            for record in records:
                node = nodes[record["uri"]] = _Node(record["uri"], exists=True, labels=record["labels"])
                facts = self.vocabulary.decode(record["props"], record["labels"])
                if record["k"] == 1:
                    node.members[record["sole"]] = facts
                    node.relink.add(record["sole"])
                    node.was_alone = True
                else:
                    node.partial = facts
        for uri in uris:
            if uri not in nodes:
                nodes[uri] = _Node(uri, exists=False)

    def _write_graph_nodes(self, graphs: Mapping[str, _GraphData]) -> None:
        kept = [iri for iri, data in graphs.items() if data.facts]
        dropped = [iri for iri, data in graphs.items() if not data.facts]
        if kept:
            self._run("UNWIND $uris AS u MERGE (:_Graph {uri: u})", uris=kept)
        if dropped:
            self._run("MATCH (g:_Graph) WHERE g.uri IN $uris DETACH DELETE g", uris=dropped)

    def _write_resources(self, nodes: Iterable[_Node]) -> None:
        vocabulary = self.vocabulary
        deleted: list[str] = []
        created: dict[tuple[str, ...], dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        """New resources of one graph: labels → graph → node properties."""
        shared: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        """New resources of several graphs: labels → rows of node properties and per-graph facts."""
        updated: dict[tuple[tuple[str, ...], tuple[str, ...]], list[dict]] = defaultdict(list)
        linked: dict[str, list[dict]] = defaultdict(list)
        """Graph → resources that exist and join it, with the graph's facts about them."""
        relinked: list[dict] = []
        for node in nodes:
            if node.partial is None and not node.members:
                deleted.append(node.uri)
                continue
            if node.partial is not None:
                union = node.partial
            else:
                union = _Facts()
                for facts in node.members.values():
                    union.update(facts)
            several = node.several
            props = vocabulary.encode(union)
            props["uri"] = node.uri
            labels = vocabulary.labels(union)
            members = {
                graph: vocabulary.encode(node.members[graph], with_types=True) if several else {}
                for graph in sorted(node.added | node.relink)
            }
            if not node.exists:
                if several:
                    shared[labels].append({"props": props, "members": [{"g": g, "props": p} for g, p in members.items()]})
                else:
                    created[labels][next(iter(members))].append(props)
                continue
            add = tuple(sorted(set(labels) - node.labels))
            drop = tuple(sorted(node.labels - set(labels)))
            updated[add, drop].append({"uri": node.uri, "props": props})
            for graph, member_props in members.items():
                if graph in node.added:
                    linked[graph].append({"uri": node.uri, "props": member_props})
                else:
                    relinked.append({"g": graph, "uri": node.uri, "props": member_props})
        for chunk in _chunks(deleted):
            self._run("UNWIND $uris AS u MATCH (n:Resource {uri: u}) DETACH DELETE n", uris=chunk)
        for labels, by_graph in created.items():
            for chunk in _grouped(by_graph):
                self._run(
                    f"UNWIND $groups AS group MATCH (g:_Graph {{uri: group.key}}) UNWIND group.rows AS props "
                    f"CREATE (n{_labels((RESOURCE, *labels))}) SET n = props CREATE (g)-[:_CONTAINS]->(n)",
                    groups=chunk,
                )
        for labels, rows in shared.items():
            for chunk in _chunks(rows):
                self._run(
                    f"UNWIND $rows AS r CREATE (n{_labels((RESOURCE, *labels))}) SET n = r.props "
                    "WITH n, r UNWIND r.members AS m MATCH (g:_Graph {uri: m.g}) "
                    "CREATE (g)-[c:_CONTAINS]->(n) SET c = m.props",
                    rows=chunk,
                )
        for (add, drop), rows in updated.items():
            clause = (f" SET n{_labels(add)}" if add else "") + (f" REMOVE n{_labels(drop)}" if drop else "")
            for chunk in _chunks(rows):
                self._run(f"UNWIND $rows AS r MATCH (n:Resource {{uri: r.uri}}) SET n = r.props{clause}", rows=chunk)
        for chunk in _grouped(linked):
            self._run(
                "UNWIND $groups AS group MATCH (g:_Graph {uri: group.key}) UNWIND group.rows AS r "
                "MATCH (n:Resource {uri: r.uri}) CREATE (g)-[c:_CONTAINS]->(n) SET c = r.props",
                groups=chunk,
            )
        for chunk in _chunks(relinked):
            self._run(
                "UNWIND $rows AS r MATCH (g:_Graph {uri: r.g}) MATCH (n:Resource {uri: r.uri}) "
                "MATCH (g)-[c:_CONTAINS]->(n) SET c = r.props",
                rows=chunk,
            )

    def _write_links(self, graphs: Mapping[str, _GraphData], nodes: Mapping[str, _Node]) -> None:
        """Relationships: CREATE where an end is new (no such relationship can exist yet), MERGE between old nodes.

        ``graphs`` is left out where the subject is in one graph only, as statements, articles and facts are
        (most relationships; it saves a fifth of the write time): it is that graph. A subject that joins a
        second graph first has its graph written on the relationships it has.
        """
        alone = [{"uri": n.uri, "g": next(iter(n.relink))} for n in nodes.values() if n.was_alone and n.several]
        for chunk in _chunks(alone):
            self._run(
                "UNWIND $rows AS r MATCH (:Resource {uri: r.uri})-[x]->(:Resource) WHERE x.graphs IS NULL "
                "SET x.graphs = [r.g]",
                rows=chunk,
            )
        asserted: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for data in graphs.values():
            for link in data.links:
                asserted[link].append(data.iri)
        created: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        merged: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        """Relationship type → object → rows: grouped by object, which is often shared (an article, an actor)."""
        name = self.vocabulary.name
        for (subject, predicate, obj), in_graphs in asserted.items():
            rows = merged if nodes[subject].exists and nodes[obj].exists else created
            named = sorted(in_graphs) if nodes[subject].several else None
            rows[name("relationship", predicate)][obj].append({"s": subject, "graphs": named})
        match = ("UNWIND $groups AS group MATCH (o:Resource {uri: group.key}) "
                 "UNWIND group.rows AS r MATCH (s:Resource {uri: r.s}) ")
        for rel_type, by_object in created.items():
            for chunk in _grouped(by_object):
                self._run(match + f"CREATE (s)-[x:`{_identifier(rel_type)}`]->(o) SET x.graphs = r.graphs", groups=chunk)
        for rel_type, by_object in merged.items():
            for chunk in _grouped(by_object):
                self._run(
                    match + f"MERGE (s)-[x:`{_identifier(rel_type)}`]->(o) ON CREATE SET x.graphs = r.graphs "
                    "ON MATCH SET x.graphs = x.graphs + [g IN r.graphs WHERE NOT g IN x.graphs]",
                    groups=chunk,
                )

    def _run(self, query: str, **params: Any) -> list[neo4j.Record]:
        return list(self.tx.run(query, params))


def _identifier(name: str) -> str:
    """A generated label or relationship type, checked again here because it is written into the query text."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a generated name: {name!r}")
    return name


def _labels(labels: Iterable[str]) -> str:
    """``:`A`:`B``` for generated labels."""
    return "".join(f":`{_identifier(label)}`" for label in labels)


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


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: a bulk load allocates millions of acyclic objects, and collections
    triggered by their count cost a third of the time without freeing anything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _chunks(items: Sequence, size: int = BATCH) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
