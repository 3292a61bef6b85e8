"""RDF output: stable IRIs, provenance, datatypes and language tags, valid against the SHACL shapes."""
from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, XSD

from policykg.graph.store import OxigraphStore, to_quads
from policykg.loaders.model import Article, Entity, Extraction, Fact, Relation, Statement
from policykg.loaders.rdf import entity_iri, extraction_graph, graph_iri
from policykg.ontology import NIF, PK, ontology_file

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


def test_statement_provenance_datatypes_and_languages():
    g = extraction_graph(sample())
    [statement] = g.subjects(RDF.type, PK.Statement)
    begin = g.value(statement, NIF.beginIndex)
    assert begin.datatype == XSD.integer and TEXT[int(begin):int(g.value(statement, NIF.endIndex))] == "Acme doit agir"
    assert g.value(statement, PK.content) == Literal("Acme doit agir", lang="fr")
    assert g.value(statement, PK.speaker) == entity_iri("jane-roe")
    assert g.value(entity_iri("jane-roe"), RDFS.label) == Literal("Jane Roe")
    assert (entity_iri("acme"), PK.owns, entity_iri("chatly")) in g
    assert (entity_iri("jane-roe"), PK.holdsRole, Literal("ministre", lang="fr")) in g


def test_output_conforms_to_the_shapes():
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    conforms, _, text = validate(extraction_graph(sample()), shacl_graph=shapes, ont_graph=Graph().parse(ontology_file()))
    assert conforms, text


def test_shapes_catch_a_bad_stance():
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    conforms, _, _ = validate(extraction_graph(sample(stance="angry")), shacl_graph=shapes)  # type: ignore[arg-type]
    assert not conforms


def test_replacing_an_article_graph_is_idempotent_and_removal_keeps_shared_entities():
    store = OxigraphStore()
    g1, g2 = extraction_graph(sample("a1")), extraction_graph(sample("a2"))
    store.replace_graphs({str(g1.identifier): to_quads(g1), str(g2.identifier): to_quads(g2)})
    count = len(store)
    store.replace_graphs({str(g1.identifier): to_quads(g1)})
    assert len(store) == count
    assert store.remove_graph(str(g1.identifier)) and not store.remove_graph(str(g1.identifier))
    labels = store.select("SELECT ?l WHERE { ?e pk:mentionedIn ?a ; rdfs:label ?l }")
    assert {row["l"].value for row in labels} == {"Jane Roe", "Acme", "Chatly"}, "still mentioned by a2"
    assert len(store) == len(to_quads(g2))


@pytest.mark.parametrize("name", ["policykg.ttl", "shapes.ttl"])
def test_ontology_files_ship_with_the_package(name):
    assert len(Graph().parse(ontology_file(name))) > 50
