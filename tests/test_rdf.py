"""RDF output: stable IRIs, provenance, datatypes and language tags, valid against the SHACL shapes."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from policykg.graph.store import OxigraphStore
from policykg.loaders.model import Article, Entity, Extraction, Fact, Relation, Statement
from policykg.loaders.rdf import description_iri, entity_iri, extraction_graph, graph_iri
from policykg.ontology import NIF, PK, ontology_file
from policykg.pipeline import graphs_of, write_graphs

# XSD is not imported by name: pytest probes every name of a test module, and XSD warns on unknown attributes.
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")

TEXT = "Jane Roe, la ministre, a déclaré : « Acme doit agir ». Acme possède Chatly."


def sample(article_id: str = "a1", *, stance: str = "against") -> Extraction:
    article = Article(id=article_id, source=f"{article_id}.txt", text=TEXT, language="fr", published="2024-03")
    start = TEXT.index("Acme doit")
    entities = {
        "jane-roe": Entity("jane-roe", "Jane Roe", "Person", {"Jane Roe", "la ministre"}, [(0, 8)]),
        "acme": Entity("acme", "Acme", "Company", {"Acme"}, [(start, start + 4)], wikidata="Q1"),
        "chatly": Entity("chatly", "Chatly", "Platform", {"Chatly"}, [(TEXT.index("Chatly"), len(TEXT) - 1)]),
    }
    statement = Statement("jane-roe", "direct", "Acme doit agir", start, start + 14, cue="a déclaré",
                          targets=["acme"], stance=stance, sentence=TEXT[:54], confidence=0.9, method="quote+cue")
    return Extraction(article, entities, [statement],
                      [Relation("acme", "owns", "chatly"), Relation("jane-roe", "holds_role", "ministre", True)],
                      [Fact("acme", 3.0, "reports", "3 cas", 0, 5)])


def test_graph_is_named_after_the_article_and_stable():
    first, second = extraction_graph(sample()), extraction_graph(sample())
    assert first.identifier == graph_iri("a1")
    assert set(first) == set(second), "same input, same triples (stable IRIs)"


def stored(*extractions: Extraction) -> OxigraphStore:
    store = OxigraphStore()
    write_graphs([store], graphs_of(extractions))
    return store


def union(store: OxigraphStore) -> Graph:
    """Every triple of the store, as the union default graph a SPARQL user sees."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def test_statement_provenance_datatypes_and_languages():
    g = extraction_graph(sample())
    [statement] = g.subjects(RDF.type, PK.Statement)
    begin = g.value(statement, NIF.beginIndex)
    assert begin.datatype == XSD_INTEGER and TEXT[int(begin):int(g.value(statement, NIF.endIndex))] == "Acme doit agir"
    assert g.value(statement, PK.content) == Literal("Acme doit agir", lang="fr")
    assert g.value(statement, PK.speaker) == entity_iri("jane-roe")
    assert g.value(entity_iri("jane-roe"), RDFS.label) is None, "an entity's label lives in its description graph"
    assert set(g.subjects(PK.predicate, Literal("owns"))), "the article states the relation as a RelationMention"
    described = union(stored(sample()))
    assert described.value(entity_iri("jane-roe"), RDFS.label) == Literal("Jane Roe")
    assert (entity_iri("acme"), PK.owns, entity_iri("chatly")) in described
    assert (entity_iri("jane-roe"), PK.holdsRole, Literal("ministre", lang="fr")) in described


def test_output_conforms_to_the_shapes():
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    conforms, _, text = validate(union(stored(sample())), shacl_graph=shapes, ont_graph=Graph().parse(ontology_file()))
    assert conforms, text


def test_shapes_catch_a_bad_stance():
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    conforms, _, _ = validate(union(stored(sample(stance="angry"))), shacl_graph=shapes)  # type: ignore[arg-type]
    assert not conforms


def test_every_triple_is_stored_once_and_removal_keeps_what_others_mention():
    a1, a2 = sample("a1"), sample("a2")
    store = stored(a1, a2)
    count = len(store)
    for pattern in ("?s a pk:Statement", "?s rdfs:label ?l", "?s a ?t", "?s ?p ?o"):
        total = next(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"))["n"].value
        distinct = next(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT * WHERE {{ {pattern} }} }}"))
        assert total == distinct["n"].value, pattern
    write_graphs([store], graphs_of([a1]))
    assert len(store) == count, "replacing an article with itself changes nothing"
    write_graphs([store], {str(graph_iri("a1")): []})
    labels = store.select("SELECT ?l WHERE { ?e pk:mentionedIn ?a ; rdfs:label ?l }")
    assert {row["l"].value for row in labels} == {"Jane Roe", "Acme", "Chatly"}, "still mentioned by a2"
    assert len(store) == len(stored(a2)), "what is left is exactly what a2 alone gives"
    write_graphs([store], {str(graph_iri("a2")): []})
    assert len(store) == 0, "the last article takes its entities with it"


def test_the_label_is_the_form_most_articles_prefer():
    one, two, three = sample("b1"), sample("b2"), sample("b3")
    for extraction, label in ((one, "J. Roe"), (two, "Jane Roe"), (three, "Jane Roe")):
        extraction.entities["jane-roe"].label = label
    store = stored(one, two, three)
    described = union(store)
    assert described.value(entity_iri("jane-roe"), RDFS.label) == Literal("Jane Roe")
    assert {str(a) for a in described.objects(entity_iri("jane-roe"), SKOS.altLabel)} >= {"J. Roe", "la ministre"}
    assert {q.graph_name.value for q in store.quads() if q.subject.value == str(entity_iri("jane-roe"))
            and q.predicate.value == str(RDFS.label)} == {str(description_iri(str(entity_iri("jane-roe"))))}


@pytest.mark.parametrize("name", ["policykg.ttl", "shapes.ttl"])
def test_ontology_files_ship_with_the_package(name):
    assert len(Graph().parse(ontology_file(name))) > 50


def test_descriptions_are_the_same_from_known_claims_and_from_the_store(debate_extractions):
    """The claim counts kept after each write give the descriptions a fresh count of the store gives."""
    graphs = graphs_of(debate_extractions)
    kept = OxigraphStore()
    for name in sorted(graphs):  # one article a write: every write after the first reuses the known claims
        write_graphs([kept], {name: graphs[name]})
    fresh = OxigraphStore()
    write_graphs([fresh], graphs)
    assert set(kept.quads()) == set(fresh.quads())


def test_a_write_around_write_graphs_makes_the_claims_counted_again():
    a1, a2 = sample("a1"), sample("a2")
    a1.entities["acme"].aliases.add("Acme Corp")
    store = stored(a1, a2)
    aliases = "SELECT ?a WHERE { ?e skos:altLabel ?a }"
    assert "Acme Corp" in {row["a"].value for row in store.select(aliases)}
    store.replace_graphs({str(graph_iri("a1")): []})  # not through write_graphs: the claims known are stale
    write_graphs([store], graphs_of([a2]))
    assert "Acme Corp" not in {row["a"].value for row in store.select(aliases)}
    assert set(store.quads()) == set(stored(a2).quads())
