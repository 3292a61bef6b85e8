"""Neo4jStore: the same named graphs as the Oxigraph store, lossless and with the same replace/remove semantics."""
from __future__ import annotations

import dataclasses
from collections import defaultdict

import neo4j
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic as rdflib_isomorphic

from policykg.graph.open import open_neo4j
from policykg.graph.neo4j_mapping import Vocabulary, decode_values, encode_values
from policykg.graph.neo4j_store import LAYOUT_VERSION, Neo4jStore
from policykg import pipeline
from policykg.descriptions import with_descriptions
from policykg.graph.store import OxigraphStore
from policykg.loaders.rdf import graph_iri
from policykg.ontology import ENTITY, GRAPH, PK, SCHEMA

XSD = "http://www.w3.org/2001/XMLSchema#"
ORPHANS_AND_MIXED = ("MATCH (n:Resource) WITH n, COUNT { (n)<-[:_CONTAINS]-(:_Graph) } AS links "
                     "WHERE (n._graph IS NULL) = (links < 2) RETURN count(n) AS n")
"""Resources in no graph, in one graph by both ``_graph`` and ``_CONTAINS``, or in a single graph by a link."""


def graphs_of(extractions) -> dict[str, list[ox.Quad]]:
    """What ingest writes for these articles into an empty store: their graphs, then the entity descriptions."""
    return with_descriptions(OxigraphStore(), pipeline.graphs_of(extractions))


def isomorphic(left: set[ox.Quad], right: set[ox.Quad]) -> bool:
    """rdflib's graph isomorphism (blank nodes up to renaming), named graph by named graph."""
    def graphs(quads: set[ox.Quad]) -> dict[str, Graph]:
        lines: dict[str, list[str]] = defaultdict(list)
        for q in quads:
            lines[q.graph_name.value].append(f"{q.subject} {q.predicate} {q.object} .")
        return {name: Graph().parse(data="\n".join(triples), format="nt") for name, triples in lines.items()}

    a, b = graphs(left), graphs(right)
    return a.keys() == b.keys() and all(rdflib_isomorphic(a[name], b[name]) for name in a)


def node_triples(store: Neo4jStore) -> set[tuple]:
    """What a Cypher user sees on nodes (labels and properties), decoded into (subject, predicate, object) triples."""
    vocabulary = Vocabulary(
        (t["kind"], t["name"], t["iri"]) for t in store.cypher("MATCH (t:_Term) RETURN t.kind AS kind, t.name AS name, t.iri AS iri")
    )
    anywhere = ox.NamedNode("urn:any")
    triples = set()
    for row in store.cypher("MATCH (n:Resource) RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props"):
        subject = ox.BlankNode(row["uri"][2:]) if row["uri"].startswith("_:") else ox.NamedNode(row["uri"])
        facts = vocabulary.decode(row["props"], row["labels"])
        triples |= {(q.subject, q.predicate, q.object) for q in facts.quads(subject, anywhere)}
    return triples


def literal_and_type_triples(quads) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in quads
            if isinstance(q.object, ox.Literal) or q.predicate.value.endswith("22-rdf-syntax-ns#type")}


# ── the mapping, without a server ──────────────────────────────────────────


@pytest.mark.parametrize("values", [
    [("Meta", "", "")],
    [("chiffrement", "fr", ""), ("encryption", "en", ""), ("E2EE", "", "")],
    [("1.0", "", XSD + "decimal")],
    [("0.85", "", XSD + "decimal"), ("15", "", XSD + "decimal")],
    [("01", "", XSD + "integer"), ("7", "", XSD + "integer")],
    [("99999999999999999999", "", XSD + "integer")],
    [("1E0", "", XSD + "double"), ("0.5", "", XSD + "decimal")],
    [("2023-05", "", XSD + "gYearMonth"), ("2023-05-02", "", XSD + "date")],
    [("true", "", XSD + "boolean"), ("0", "", XSD + "boolean")],
    [("3", "", XSD + "integer"), ("three", "en", ""), ("2023", "", XSD + "gYear")],
    [("0.1000000000000000055511151231257827", "", XSD + "decimal")],
])
def test_literals_survive_encoding(values):
    props = encode_values("key", values, as_list=False)
    assert sorted(decode_values("key", props)) == sorted(values)
    assert all(key == "key" or key.startswith("key__") for key in props)


def test_typed_values_are_stored_as_neo4j_types():
    assert encode_values("beginIndex", [("12", "", XSD + "integer")], False) == {"beginIndex": 12}
    assert encode_values("confidence", [("0.85", "", XSD + "decimal")], False) == {"confidence": 0.85}
    assert encode_values("content", [("Bonjour", "fr", "")], False) == {"content": "Bonjour", "content__lang": "fr"}
    assert encode_values("altLabel", [("Meta", "", "")], True) == {"altLabel": ["Meta"]}
    assert encode_values("datePublished", [("2023-05", "", XSD + "gYearMonth")], False) == {
        "datePublished": "2023-05", "datePublished__dt": XSD + "gYearMonth"}


def test_names_follow_neo4j_conventions():
    vocabulary = Vocabulary()
    assert vocabulary.name("label", str(PK.Statement)) == "Statement"
    assert vocabulary.name("label", str(SCHEMA.NewsArticle)) == "NewsArticle"
    assert vocabulary.name("label", str(PK.LawEnforcement)) == "LawEnforcement"
    assert vocabulary.name("property", "http://www.w3.org/2000/01/rdf-schema#label") == "label"
    assert vocabulary.name("property", "http://www.w3.org/2004/02/skos/core#altLabel") == "altLabel"
    assert vocabulary.name("property", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex") == "beginIndex"
    assert vocabulary.name("relationship", str(PK.mentionedIn)) == "MENTIONED_IN"
    assert vocabulary.name("relationship", str(PK.hasFeature)) == "HAS_FEATURE"
    assert vocabulary.name("relationship", "http://www.w3.org/2002/07/owl#sameAs") == "SAME_AS"
    # schema:text meets pk:text, whose name the ontology reserves; names never collide and stay identifiers.
    assert vocabulary.name("property", str(SCHEMA.text)) == "schemaText"
    assert vocabulary.name("property", str(PK.text)) == "text"
    assert vocabulary.name("label", "https://schema.org/Person") == "SchemaPerson"
    assert vocabulary.name("property", "http://example.org/uri") != "uri"
    assert vocabulary.name("label", "http://example.org/ns#Resource") != "Resource"
    assert vocabulary.name("relationship", "http://example.org/ns#has-part") == "HAS_PART"
    names = [term["name"] for term in vocabulary.new]
    assert len(names) == len(set((t["kind"], t["name"]) for t in vocabulary.new))


def test_from_env_needs_a_uri(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert open_neo4j() is None


# ── against a real server ──────────────────────────────────────────────────


@pytest.mark.neo4j
def test_round_trip_is_isomorphic(neo4j_store, debate_extractions):
    graphs = graphs_of(debate_extractions)
    # and a graph with what the loader never writes: blank nodes, typed and odd literals, a class from elsewhere
    odd = ox.NamedNode(str(GRAPH["odd"]))
    b = ox.BlankNode("b1")
    thing = ox.NamedNode(str(ENTITY["thing"]))
    graphs[odd.value] = [
        ox.Quad(thing, ox.NamedNode(str(PK.value)), ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal")), odd),
        ox.Quad(thing, ox.NamedNode(str(PK.value)), ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")), odd),
        ox.Quad(thing, ox.NamedNode(str(PK.value)), ox.Literal("n/a"), odd),
        ox.Quad(thing, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode("https://schema.org/Person"), odd),
        ox.Quad(thing, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(str(PK.Person)), odd),
        ox.Quad(thing, ox.NamedNode("http://example.org/ns#part"), b, odd),
        ox.Quad(b, ox.NamedNode("http://example.org/ns#note"), ox.Literal("x", language="en-GB"), odd),
        ox.Quad(b, ox.NamedNode("http://example.org/ns#flag"), ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")), odd),
        ox.Quad(thing, ox.NamedNode(str(SCHEMA.url)), ox.Literal("not an IRI"), odd),
        ox.Quad(thing, ox.NamedNode(str(SCHEMA.url)), ox.NamedNode("https://example.org/thing"), odd),
    ]
    neo4j_store.replace_graphs(graphs)

    written = {q for quads in graphs.values() for q in quads}
    read = set(neo4j_store.quads())
    assert read == written
    assert isomorphic(read, written)
    one = next(iter(graphs))
    assert set(neo4j_store.quads(one)) == set(graphs[one])
    assert sorted(neo4j_store.graph_names()) == sorted(graphs)


@pytest.mark.neo4j
def test_the_graph_reads_as_neo4j_users_expect(neo4j_store, debate_extractions):
    neo4j_store.replace_graphs(graphs_of(debate_extractions))
    rows = neo4j_store.cypher(
        "MATCH (s:Statement)-[:SPEAKER]->(p:Person {label: $name}) MATCH (s)-[:TARGET]->(t:Feature) "
        "RETURN s.content AS content, s.content__lang AS lang, s.beginIndex AS start, t.altLabel AS aliases "
        "ORDER BY start",
        {"name": "Ylva Johansson"},
    )
    assert rows and all(isinstance(r["start"], int) and r["lang"] == "fr" for r in rows)
    assert any("chiffrement de bout en bout" in r["aliases"] for r in rows)
    [apple] = neo4j_store.cypher("MATCH (a:Resource:Company {label: 'Apple'}) RETURN a.altLabel AS aliases, "
                                 "COUNT { (a)-[:MENTIONED_IN]->(:NewsArticle) } AS articles, "
                                 "[(a)-[:OWNS]->(p:Platform) | p.label] AS owns, "
                                 "COUNT { (:RelationMention {predicate: 'owns'})-[:SUBJECT]->(a) } AS stated")
    assert apple["aliases"] == ["Apple Inc."] and apple["articles"] == 3
    assert sorted(apple["owns"]) == ["iCloud", "iMessage"] and apple["stated"] == 3
    # A statement is in one graph: its relationships need not name it.
    assert neo4j_store.cypher("MATCH (:Statement)-[r]->() WHERE r.graphs IS NOT NULL RETURN count(r) AS n") == [{"n": 0}]


@pytest.mark.neo4j
def test_replacing_is_idempotent(neo4j_store, debate_extractions):
    graphs = graphs_of(debate_extractions)
    neo4j_store.replace_graphs(graphs)
    counts, quads = neo4j_store.counts(), set(neo4j_store.quads())
    neo4j_store.replace_graphs(graphs)
    neo4j_store.replace_graphs({iri: graphs[iri] for iri in list(graphs)[:2]})
    assert neo4j_store.counts() == counts
    assert set(neo4j_store.quads()) == quads
    assert counts["nodes"] > 50 and counts["relationships"] > 100


@pytest.mark.neo4j
def test_replace_and_remove_match_the_oxigraph_store(neo4j_store, debate_extractions):
    """Step by step, the two stores hold the same quads: add articles, re-ingest an edited one, remove articles,
    re-add one."""
    reference = OxigraphStore()
    graphs = graphs_of(debate_extractions)
    edited = debate_extractions[1]
    edited = dataclasses.replace(
        edited,
        statements=[dataclasses.replace(s, stance="neutral") for s in edited.statements[1:]],
        entities={k: dataclasses.replace(e, aliases={e.label}) for k, e in edited.entities.items() if k != "eff"},
        relations=edited.relations[:1],
    )
    first = str(graph_iri(debate_extractions[0].article.id))
    steps = [
        {first: graphs[first]},  # its actors are in one graph: then they join others
        {iri: quads for iri, quads in graphs.items() if iri != first},
        dict(graphs),
        graphs_of([edited]),
        {str(graph_iri(debate_extractions[0].article.id)): []},
        {str(graph_iri(debate_extractions[0].article.id)): graphs[str(graph_iri(debate_extractions[0].article.id))]},
    ]
    for step in steps:
        reference.replace_graphs(step)
        neo4j_store.replace_graphs(step)
        assert set(neo4j_store.quads()) == set(reference.quads())
        assert node_triples(neo4j_store) == literal_and_type_triples(reference.quads())
    for iri in list(graphs)[1:4]:
        assert neo4j_store.remove_graph(iri) == reference.remove_graph(iri) is True
        assert set(neo4j_store.quads()) == set(reference.quads())
        assert node_triples(neo4j_store) == literal_and_type_triples(reference.quads())
    assert neo4j_store.remove_graph(list(graphs)[1]) is False


@pytest.mark.neo4j
def test_remove_keeps_what_other_articles_support(neo4j_store, debate_extractions):
    reference = OxigraphStore()
    pipeline.write_extractions([reference, neo4j_store], debate_extractions)
    apple_article = str(graph_iri("apple-icloud"))
    pipeline.write_graphs([reference, neo4j_store], {apple_article: []})
    assert set(neo4j_store.quads()) == set(reference.quads())

    # Every resource is in a graph: the one its _graph names, or several that link to it; never both, never one link.
    assert neo4j_store.cypher(ORPHANS_AND_MIXED) == [{"n": 0}]
    assert neo4j_store.cypher("MATCH (n:Resource) WHERE n._graph IS NOT NULL RETURN count(n) AS n")[0]["n"] > 0
    # A resource in several graphs shows on the node the union of what its _CONTAINS record per graph (an empty
    # type list is left out, not written).
    assert neo4j_store.cypher(
        "MATCH (n:Resource) WHERE COUNT { (n)<-[:_CONTAINS]-() } > 1 "
        "WITH n, [l IN labels(n) WHERE l <> 'Resource'] AS labels, "
        "COLLECT { MATCH (n)<-[c:_CONTAINS]-() UNWIND coalesce(c._types, []) AS t RETURN DISTINCT t } AS types "
        "WHERE NOT (all(t IN types WHERE t IN labels) AND all(l IN labels WHERE l IN types)) RETURN n.uri AS uri") == []
    assert neo4j_store.cypher("MATCH ()-[c:_CONTAINS]->() WHERE c._types = [] RETURN count(c) AS n") == [{"n": 0}]
    assert neo4j_store.cypher("MATCH (n:Resource)<-[c:_CONTAINS]-() WHERE COUNT { (n)<-[:_CONTAINS]-() } > 1 "
                              "AND size(keys(c)) > 0 RETURN count(DISTINCT n) AS n")[0]["n"] > 0
    [apple] = neo4j_store.cypher("MATCH (a:Company {uri: $uri}) RETURN a.label AS label, a.altLabel AS aliases",
                                 {"uri": str(ENTITY["apple"])})
    assert apple["label"] == "Apple" and apple["aliases"] is None  # "Apple Inc." came from the removed article only
    assert neo4j_store.cypher("MATCH (n:Resource) WHERE n.uri IN $gone RETURN n.uri AS uri",
                              {"gone": [str(ENTITY["eff"]), str(ENTITY["imessage"])]}) == []
    owns = neo4j_store.cypher("MATCH (rm:RelationMention {predicate: 'owns'})-[:SUBJECT]->(:Company {label: 'Apple'}) "
                              "MATCH (rm)-[:OBJECT]->(p) RETURN p.label AS p, rm._graph AS g")
    assert owns == [{"p": "iCloud", "g": str(graph_iri("europol-warning"))}]

    pipeline.write_graphs([reference, neo4j_store], {str(graph_iri(e.article.id)): [] for e in debate_extractions})
    assert neo4j_store.counts() == {"nodes": 0, "relationships": 0}
    assert neo4j_store.cypher("MATCH (n) WHERE NOT (n:_Term OR n:_Layout) RETURN count(n) AS n") == [{"n": 0}]


@pytest.mark.neo4j
def test_replace_is_one_transaction(neo4j_store, debate_extractions):
    graphs = graphs_of(debate_extractions[:2])
    first, second = list(graphs)[:2]
    graphs[second] = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(first)) for q in graphs[second]]
    with pytest.raises(ValueError):
        neo4j_store.replace_graphs(graphs)
    assert neo4j_store.counts() == {"nodes": 0, "relationships": 0}


@pytest.mark.neo4j
def test_cypher_reads_unless_asked_to_write(neo4j_store):
    with pytest.raises(neo4j.exceptions.ClientError):
        neo4j_store.cypher("CREATE (n:Resource {uri: $uri})", {"uri": "urn:x"})
    assert neo4j_store.counts()["nodes"] == 0
    assert neo4j_store.cypher("CREATE (n:Scratch {v: $v}) RETURN n.v AS v", {"v": 1}, write=True) == [{"v": 1}]


@pytest.mark.neo4j
def test_writes_on_the_writer_thread_keep_their_order(neo4j_store, debate_extractions):
    """replace_graphs(wait=False) returns before Neo4j has the graphs; later writes, reads and flush() wait for
    them, so a graph written twice in a row ends as its second version, as in the Oxigraph store."""
    reference = OxigraphStore()
    graphs = graphs_of(debate_extractions)
    first = str(graph_iri(debate_extractions[0].article.id))
    shorter = {first: graphs[first][: len(graphs[first]) // 2]}
    for batch in ({first: graphs[first]}, shorter, graphs, shorter, {first: []}):
        reference.replace_graphs(batch)
        neo4j_store.replace_graphs(batch, wait=False)
    neo4j_store.flush()
    assert neo4j_store._in_flight is None
    assert set(neo4j_store.quads()) == set(reference.quads())
    neo4j_store.replace_graphs(shorter, wait=False)
    assert set(neo4j_store.quads(first)) == set(shorter[first])  # the read waited for the write


@pytest.mark.neo4j
def test_a_failed_write_on_the_writer_thread_is_raised_by_the_next_call(neo4j_store, debate_extractions):
    graphs = graphs_of(debate_extractions)
    store = open_neo4j()
    store.driver.close()  # every transaction of this store now fails, on the writer thread
    store.replace_graphs(graphs, wait=False)
    with pytest.raises(neo4j.exceptions.DriverError):
        store.replace_graphs(graphs, wait=False)
    store.flush()  # the failure was reported once; the second batch was not sent
    assert neo4j_store.graph_names() == []
    store.close()


def test_unchanged_properties_compare_with_their_types():
    from policykg.graph.neo4j_write import _same

    assert _same({"uri": "u", "n": [1, 2]}, {"n": [1, 2], "uri": "u"})
    assert not _same({"n": 1}, {"n": 1.0}) and not _same({"n": [1]}, {"n": [True]})
    assert not _same({"n": "1"}, {"n": "1", "n__dt": "http://www.w3.org/2001/XMLSchema#token"})


def test_an_existing_resource_gets_only_what_changed():
    """``SET n += changes``: the keys whose value or type differs, and nulls for the keys that are gone."""
    from policykg.graph.neo4j_write import _changes

    old = {"uri": "u", "label": "Meta", "n": 1, "altLabel": ["A", "B"], "altLabel__lang": ["en", "fr"]}
    assert _changes(old, dict(old)) == {}
    assert _changes(old, {"uri": "u", "label": "Meta", "n": 1.0, "altLabel": ["A"]}) == {
        "n": 1.0, "altLabel": ["A"], "altLabel__lang": None}


@pytest.mark.neo4j
def test_relationships_of_a_resource_joining_a_second_graph_are_found_through_the_index(neo4j_store):
    """With resources that have no relationships yet (as early in an ingest, when the plan is made), the query
    seeks each resource by its uri. Without the index hint the planner chose to scan every resource per row, which
    made ingest quadratic in the corpus."""
    from policykg.graph.neo4j_write import NAME_THE_FIRST_GRAPH

    neo4j_store.cypher("UNWIND range(1, 2000) AS i CREATE (:Resource {uri: 'urn:x:' + i})", write=True)
    plan = neo4j_store.driver.execute_query("CYPHER replan=force EXPLAIN " + NAME_THE_FIRST_GRAPH, rows=[]).summary.plan

    def operators(node) -> list[str]:
        return [node["operatorType"].split("@")[0]] + [op for child in node.get("children", []) for op in operators(child)]

    found = operators(plan)
    assert "NodeUniqueIndexSeek(Locking)" in found or "NodeUniqueIndexSeek" in found, found
    assert not {"NodeIndexScan", "AllNodesScan", "NodeByLabelScan"} & set(found), found


@pytest.mark.neo4j
def test_the_quads_of_some_predicates_are_those_of_the_graph_with_them(neo4j_store, debate_extractions):
    oxigraph = OxigraphStore()
    graphs = pipeline.graphs_of(debate_extractions)
    pipeline.write_graphs([oxigraph, neo4j_store], graphs)
    graph = sorted(graphs)[0]
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    for predicates in ([str(PK.speaker)], [str(PK.content), rdf_type], ["urn:none"]):
        for store in (oxigraph, neo4j_store):
            expected = {quad for quad in store.quads(graph) if quad.predicate.value in predicates}
            assert set(store.quads(graph, predicates)) == expected, (type(store).__name__, predicates)
        assert set(oxigraph.quads(graph, predicates)) == set(neo4j_store.quads(graph, predicates))


@pytest.mark.neo4j
def test_new_resources_sent_while_the_rest_are_encoded_are_all_written(neo4j_store, debate_extractions, monkeypatch):
    """A write sends each full batch of new resources as soon as it is encoded: with batches of two, every
    resource still arrives once, with its graph."""
    monkeypatch.setattr("policykg.graph.neo4j_write.STREAM", 2)
    graphs = graphs_of(debate_extractions)
    neo4j_store.replace_graphs(graphs)

    assert set(neo4j_store.quads()) == {q for quads in graphs.values() for q in quads}
    assert neo4j_store.cypher(ORPHANS_AND_MIXED) == [{"n": 0}]


@pytest.mark.neo4j
def test_removing_a_graph_that_only_points_to_a_shared_resource_keeps_its_union(neo4j_store):
    """A resource in several graphs loses one that said nothing of it (an article pointing to a hub): its
    properties are the union of the others' facts, read from the node; one that did say something is recomputed."""
    hub = ox.NamedNode("https://example.org/hub")
    about, note = ox.NamedNode("https://example.org/about"), ox.NamedNode("https://example.org/note")

    def graph(name: str, *, says: str | None = None) -> tuple[str, list[ox.Quad]]:
        g = ox.NamedNode(f"https://example.org/graph/{name}")
        thing = ox.NamedNode(f"https://example.org/{name}/thing")
        quads = [ox.Quad(thing, about, hub, g)]
        if says:
            quads.append(ox.Quad(hub, note, ox.Literal(says), g))
        return g.value, quads

    graphs = dict([graph("a", says="from a"), graph("b", says="from b"), graph("c"), graph("d")])
    neo4j_store.replace_graphs(graphs)
    notes = "MATCH (n:Resource {uri: $uri}) RETURN n.note AS note"
    assert sorted(neo4j_store.cypher(notes, {"uri": hub.value})[0]["note"]) == ["from a", "from b"]

    for name in ("c", "a", "d"):
        iri = f"https://example.org/graph/{name}"
        neo4j_store.replace_graphs({iri: []})
        del graphs[iri]
        assert set(neo4j_store.quads()) == {q for quads in graphs.values() for q in quads}
    assert neo4j_store.cypher(notes, {"uri": hub.value})[0]["note"] in ("from b", ["from b"])


@pytest.mark.neo4j
def test_a_database_of_the_first_layout_is_moved_to_the_current_one(neo4j_store, debate_extractions):
    """A database an earlier policykg wrote linked even a resource of one graph with a ``_CONTAINS``; opening it
    moves that graph onto the node's ``_graph``, and it reads back and takes new writes as one written today."""
    graphs = graphs_of(debate_extractions)
    neo4j_store.replace_graphs(graphs)
    neo4j_store.cypher("MATCH (n:Resource) WHERE n._graph IS NOT NULL MATCH (g:_Graph {uri: n._graph}) "
                       "CREATE (g)-[:_CONTAINS]->(n) REMOVE n._graph WITH count(*) AS moved "
                       "MATCH (l:_Layout) DELETE l", write=True)
    reopened = Neo4jStore(neo4j_store.driver, neo4j_store.database)

    assert set(reopened.quads()) == {q for quads in graphs.values() for q in quads}
    assert reopened.cypher(ORPHANS_AND_MIXED) == [{"n": 0}]
    assert reopened.cypher("MATCH (l:_Layout) RETURN l.version AS v") == [{"v": LAYOUT_VERSION}]
    first = sorted(graphs)[0]
    reopened.remove_graph(first)
    assert set(reopened.quads()) == {q for name, quads in graphs.items() if name != first for q in quads}
