"""From an Extraction to RDF: one named graph per article, every term from ``policykg.ontology``.

An article's graph holds only what that article says: the article, its
statements with their character spans, facts, and for each entity it mentions a
``pk:Mention`` (the type, label and forms this article gives it; for a person, the first and last words
of its full names, or the one word it is named by when the article never names it in full) and a
``pk:RelationMention`` for each relation it states. What the corpus says an
entity is (its type, label, aliases, relations) is derived from those mentions
into one description graph per entity (``policykg.descriptions``), so the union
default graph never holds a triple twice. IRIs are stable: entities by key,
statements, relations and facts by article and position, so re-ingesting an
article yields the same graph.
"""
from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote, unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from policykg.loaders.extract.keys import name_ends
from policykg.loaders.model import Extraction
from policykg.ontology import (
    ARTICLE, DESCRIPTION, ENTITY, FACT, GRAPH, MENTION, NIF, PK, RELATION, RELATION_PREDICATES, SCHEMA, STATEMENT, WD,
)


def segment(identifier: str) -> str:
    """An identifier made safe as the last segment of an IRI."""
    return quote(identifier, safe="-_.~")


def article_iri(article_id: str) -> URIRef:
    return ARTICLE[segment(article_id)]


def graph_iri(article_id: str) -> URIRef:
    return GRAPH[segment(article_id)]


def entity_iri(key: str) -> URIRef:
    return ENTITY[segment(key)]


def mention_iri(article_id: str, key: str) -> URIRef:
    """What one article says about one entity; both segments are escaped, so the ``/`` between them is unambiguous."""
    return MENTION[f"{segment(article_id)}/{segment(key)}"]


def mention_parts(iri: str) -> tuple[str, str]:
    """The article id and the entity key of a mention IRI (``mention_iri`` undone)."""
    article, _, key = iri.removeprefix(str(MENTION)).partition("/")
    return unquote(article), unquote(key)


def description_iri(entity: str) -> URIRef:
    """The named graph that describes an entity (given by its IRI) for the whole corpus."""
    local = entity[len(ENTITY):] if entity.startswith(str(ENTITY)) else segment(entity)
    return DESCRIPTION[local]


def _date_literal(value: str) -> Literal:
    """``2023``, ``2023-05`` or ``2023-05-02`` typed as xsd:gYear, gYearMonth or date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def _decimal(value: float) -> Literal:
    """An xsd:decimal in plain notation (no exponent), as SPARQL and Neo4j read it back."""
    return Literal(format(Decimal(str(value)).normalize(), "f"), datatype=XSD.decimal)


def extraction_graph(extraction: Extraction) -> Graph:
    """The named graph of one article."""
    article = extraction.article
    language = article.language
    g = Graph(identifier=graph_iri(article.id))
    doc = article_iri(article.id)

    def text(value: str) -> Literal:
        return Literal(value, lang=language)

    g.add((doc, RDF.type, SCHEMA.NewsArticle))
    g.add((doc, PK.sourceFile, Literal(article.source)))
    g.add((doc, SCHEMA.text, text(article.text)))
    if language:
        g.add((doc, SCHEMA.inLanguage, Literal(language)))
    if article.title:
        g.add((doc, SCHEMA.headline, text(article.title)))
    if article.published:
        g.add((doc, SCHEMA.datePublished, _date_literal(article.published)))
    if article.publisher:
        g.add((doc, SCHEMA.publisher, Literal(article.publisher)))
    if article.author:
        g.add((doc, SCHEMA.author, Literal(article.author)))
    if article.content_hash:
        g.add((doc, PK.contentHash, Literal(article.content_hash)))
    if article.url:
        g.add((doc, SCHEMA.url, URIRef(article.url) if re.match(r"https?://\S+$", article.url) else Literal(article.url)))

    for entity in sorted(extraction.entities.values(), key=lambda e: e.key):
        node = entity_iri(entity.key)
        g.add((node, PK.mentionedIn, doc))
        mention = mention_iri(article.id, entity.key)
        g.add((mention, RDF.type, PK.Mention))
        g.add((mention, PK.mentionOf, node))
        g.add((mention, PK.entityType, PK[entity.type]))
        g.add((mention, SKOS.prefLabel, Literal(entity.label)))
        for form in sorted(entity.aliases | set(entity.forms) | {entity.label}):
            g.add((mention, PK.surfaceForm, text(form)))
        if entity.wikidata:
            g.add((mention, PK.wikidata, WD[entity.wikidata]))
        if entity.reference:
            g.add((mention, PK.referenceWord, Literal(entity.reference)))
        elif entity.type == "Person":
            for first, last in sorted({ends for form in entity.forms if (ends := name_ends(form))}):
                g.add((mention, PK.nameFirstWord, Literal(first)))
                g.add((mention, PK.nameLastWord, Literal(last)))

    for number, statement in enumerate(sorted(extraction.statements, key=lambda s: (s.start, s.end)), start=1):
        node = STATEMENT[f"{segment(article.id)}-{number}"]
        g.add((node, RDF.type, PK.Statement))
        g.add((node, PK.article, doc))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, PK.speaker, entity_iri(statement.speaker)))
        g.add((node, PK.kind, Literal(statement.kind)))
        g.add((node, PK.content, text(statement.content)))
        g.add((node, NIF.beginIndex, Literal(statement.start, datatype=XSD.integer)))
        g.add((node, NIF.endIndex, Literal(statement.end, datatype=XSD.integer)))
        g.add((node, PK.stance, Literal(statement.stance)))
        g.add((node, PK.confidence, _decimal(round(statement.confidence, 3))))
        g.add((node, PK.method, Literal(statement.method)))
        if statement.cue:
            g.add((node, PK.cue, text(statement.cue)))
        if statement.sentence:
            g.add((node, PK.sentence, text(statement.sentence)))
        for target in statement.targets:
            g.add((node, PK.target, entity_iri(target)))

    claims = [(r.subject, RELATION_PREDICATES[r.predicate], r.object, r.object_is_literal) for r in extraction.relations]
    claims += [(e.key, "speaksFor", e.acts_for, False) for e in extraction.entities.values() if e.acts_for]
    for number, (subject, predicate, obj, literal) in enumerate(sorted(set(claims)), start=1):
        node = RELATION[f"{segment(article.id)}-{number}"]
        g.add((node, RDF.type, PK.RelationMention))
        g.add((node, PK.article, doc))
        g.add((node, PK.subject, entity_iri(subject)))
        g.add((node, PK.predicate, Literal(predicate)))
        g.add((node, PK.objectValue, text(obj)) if literal else (node, PK.object, entity_iri(obj)))

    for number, fact in enumerate(sorted(extraction.facts, key=lambda f: f.start), start=1):
        node = FACT[f"{segment(article.id)}-{number}"]
        g.add((node, RDF.type, PK.Fact))
        g.add((node, PK.article, doc))
        g.add((node, PK.about, entity_iri(fact.subject)))
        g.add((node, PK.value, _decimal(fact.value)))
        g.add((node, PK.unit, Literal(fact.unit)))
        g.add((node, PK.text, text(fact.text)))
        g.add((node, NIF.beginIndex, Literal(fact.start, datatype=XSD.integer)))
        g.add((node, NIF.endIndex, Literal(fact.end, datatype=XSD.integer)))
    return g
