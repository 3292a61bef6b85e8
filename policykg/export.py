"""Rows out of the RDF store, in the formats other tools read (README: "Export rows"), streamed.

Statement rows: article, speaker, speaker_id, speaker_type, cue, kind, content,
start, end, targets [{label, id, type}], stance, sentence, confidence, method
(plus article_id, article_title, article_url and date, which renderers use).
Entity rows: id, label, type, aliases, articles. Relation rows: subject,
predicate, object, article.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import groupby

import pyoxigraph as ox

from policykg.graph.store import python_value


STATEMENTS = """
SELECT ?statement ?article ?article_id ?article_title ?article_url ?date ?speaker ?speaker_id ?speaker_type
       ?cue ?kind ?content ?start ?end ?stance ?sentence ?confidence ?method
WHERE {
  ?statement a pk:Statement .
  { SELECT ?statement ?article_id WHERE { ?statement pk:article ?article_id } }
  { SELECT ?article_id ?article WHERE { ?article_id pk:sourceFile ?article } }
  { SELECT ?statement ?speaker_id WHERE { ?statement pk:speaker ?speaker_id } }
  { SELECT ?statement ?kind WHERE { ?statement pk:kind ?kind } }
  { SELECT ?statement ?content WHERE { ?statement pk:content ?content } }
  { SELECT ?statement ?start WHERE { ?statement nif:beginIndex ?start } }
  { SELECT ?statement ?end WHERE { ?statement nif:endIndex ?end } }
  { SELECT ?statement ?stance WHERE { ?statement pk:stance ?stance } }
  OPTIONAL { ?speaker_id rdfs:label ?speaker }
  OPTIONAL { ?speaker_id a ?type . BIND(STRAFTER(STR(?type), STR(pk:)) AS ?speaker_type) }
  OPTIONAL { ?statement pk:cue ?cue }
  OPTIONAL { ?statement pk:sentence ?sentence }
  OPTIONAL { ?statement pk:confidence ?confidence }
  OPTIONAL { ?statement pk:method ?method }
  OPTIONAL { ?article_id schema:headline ?article_title }
  OPTIONAL { ?article_id schema:url ?article_url }
  OPTIONAL { ?article_id schema:datePublished ?date }
}
ORDER BY ?article ?start ?end ?statement
"""
"""Every entity has one label and one type (its description graph), so each statement is one row. The properties
every statement has (ontology/shapes.ttl) are each joined from a subquery of their own: Oxigraph joins subqueries
by hashing one pass over each property, where a basic graph pattern looks every statement's properties up one by
one, which is several times slower over a whole corpus."""

TARGETS = """
SELECT ?statement ?id ?label ?type WHERE {
  { SELECT ?statement ?id WHERE { ?statement pk:target ?id } }
  { SELECT ?statement ?article_id WHERE { ?statement pk:article ?article_id } }
  { SELECT ?article_id ?article WHERE { ?article_id pk:sourceFile ?article } }
  { SELECT ?statement ?start WHERE { ?statement nif:beginIndex ?start } }
  { SELECT ?statement ?end WHERE { ?statement nif:endIndex ?end } }
  OPTIONAL { ?id rdfs:label ?label }
  OPTIONAL { ?id a ?t . BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type) }
}
ORDER BY ?article ?start ?end ?statement ?label ?id
"""
"""In the statements' order, so the two streams are merged row by row."""

ENTITIES = """
SELECT ?id ?label ?type (GROUP_CONCAT(DISTINCT ?form; separator="\\u001f") AS ?alias) WHERE {
  ?id pk:mentionedIn [] .
  OPTIONAL { ?id rdfs:label ?label }
  OPTIONAL { ?id a ?t . BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type) }
  OPTIONAL { ?id skos:altLabel ?alias_term BIND(STR(?alias_term) AS ?form) }
}
GROUP BY ?id ?label ?type
ORDER BY ?id
"""

ENTITY_ARTICLES = """
SELECT ?id (GROUP_CONCAT(DISTINCT ?file; separator="\\u001f") AS ?article) WHERE {
  ?id pk:mentionedIn ?doc . ?doc pk:sourceFile ?file .
}
GROUP BY ?id
ORDER BY ?id
"""
"""Entities and their articles come as two streams in IRI order, zipped; lists are joined with U+001F."""

RELATIONS = """
SELECT ?subject ?predicate ?object ?article WHERE {
  ?r a pk:RelationMention ; pk:article ?doc ; pk:subject ?s ; pk:predicate ?predicate .
  ?doc pk:sourceFile ?article .
  OPTIONAL { ?s rdfs:label ?subject_label }
  { ?r pk:object ?o . OPTIONAL { ?o rdfs:label ?object_label } } UNION { ?r pk:objectValue ?o }
  BIND(COALESCE(?subject_label, STR(?s)) AS ?subject)
  BIND(COALESCE(?object_label, STR(?o)) AS ?object)
}
ORDER BY ?article ?subject ?predicate ?object
"""

SEPARATOR = "\u001f"


STATEMENT_COLUMNS = (
    "article", "speaker", "speaker_id", "speaker_type", "cue", "kind", "content", "start", "end", "targets",
    "stance", "sentence", "confidence", "method", "statement", "article_id", "article_title", "article_url", "date",
)


def statement_rows(store) -> Iterator[dict]:
    """One row per statement, streamed: the statements and their targets come in the same order and are merged."""
    targets = groupby(store.select(TARGETS), key=lambda row: row["statement"].value)
    pending = next(targets, None)
    for row in store.select(STATEMENTS):
        values = {name: python_value(term) for name, term in row.items()}
        values["targets"] = []
        if pending is not None and pending[0] == values["statement"]:
            values["targets"] = [
                {"label": python_value(t.get("label")), "id": t["id"].value, "type": python_value(t.get("type"))}
                for t in pending[1]
            ]
            pending = next(targets, None)
        yield {key: values.get(key) for key in STATEMENT_COLUMNS}


def entity_rows(store) -> Iterator[dict]:
    """One row per entity mentioned by at least one article, in IRI order; aliases and articles sorted."""
    for row, articles in zip(store.select(ENTITIES), store.select(ENTITY_ARTICLES), strict=True):
        yield {
            "id": row["id"].value,
            "label": python_value(row.get("label")),
            "type": python_value(row.get("type")),
            "aliases": _split(row.get("alias")),
            "articles": _split(articles.get("article")),
        }


def relation_rows(store) -> Iterator[dict]:
    """One row per relation an article states."""
    for row in store.select(RELATIONS):
        yield {name: python_value(row.get(name)) for name in ("subject", "predicate", "object", "article")}


def _split(term: ox.Literal | None) -> list[str]:
    return sorted(set(term.value.split(SEPARATOR))) if term is not None and term.value else []


def write_rows(rows: Iterable[dict], output: io.TextIOBase, fmt: str) -> int:
    """JSON Lines (one object a line) or CSV (lists and objects as JSON in their cell), streamed; the row count."""
    count = 0
    writer = None
    for row in rows:
        count += 1
        if fmt == "jsonl":
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        if writer is None:
            writer = csv.DictWriter(output, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})
    return count
