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

import pyoxigraph as ox

from policykg.graph.store import python_value
from policykg.ontology import NIF, PK, SCHEMA


ARTICLE_GRAPHS = """
SELECT ?graph ?article WHERE { GRAPH ?graph { ?doc a schema:NewsArticle ; pk:sourceFile ?article } }
"""
"""Each article's named graph holds its statements whole (speaker, targets, offsets, stance, curations applied)."""

ENTITY_NAMES = """
SELECT ?id ?label ?type WHERE {
  ?id rdfs:label ?label .
  OPTIONAL { ?id a ?t . BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type) }
}
"""
"""Every entity's one label and type (its description graph), read once for the whole export."""

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
    """One row per statement, by article file name and then position in the text, streamed: each article graph
    is read in one pass, so time grows with the corpus and memory with one article (and the entity names)."""
    names: dict[str, tuple] = {}
    for row in store.select(ENTITY_NAMES):
        name = (python_value(row["label"]), python_value(row.get("type")))
        names[row["id"].value] = min(names.get(row["id"].value, name), name, key=_name_order)
    articles = sorted((row["article"].value, row["graph"].value) for row in store.select(ARTICLE_GRAPHS))
    for _, graph in articles:
        yield from _article_statements(store, graph, names)


_NO_NAME = (None, None)
_SPEAKER, _TARGET, _SOURCE_FILE = str(PK.speaker), str(PK.target), str(PK.sourceFile)
_STATEMENT_FIELDS = {field: str(iri) for field, iri in (
    ("cue", PK.cue), ("kind", PK.kind), ("content", PK.content), ("start", NIF.beginIndex), ("end", NIF.endIndex),
    ("stance", PK.stance), ("sentence", PK.sentence), ("confidence", PK.confidence), ("method", PK.method))}
_ARTICLE_FIELDS = {field: str(iri) for field, iri in (
    ("article", PK.sourceFile), ("article_title", SCHEMA.headline), ("article_url", SCHEMA.url),
    ("date", SCHEMA.datePublished))}
_READ = sorted({_SPEAKER, _TARGET, *_STATEMENT_FIELDS.values(), *_ARTICLE_FIELDS.values()})


def _name_order(name: tuple) -> tuple:
    return tuple((value is not None, value or "") for value in name)


def _article_statements(store, graph: str, names: dict[str, tuple]) -> list[dict]:
    """The statement rows of one article graph, in text order (start, end, IRI). Only the predicates a row shows
    are read, each an index range of the graph: the mentions, relations and facts are never decoded."""
    properties: dict[str, dict[str, list]] = {}
    for quad in store.quads(graph, _READ):
        properties.setdefault(quad.subject.value, {}).setdefault(quad.predicate.value, []).append(quad.object)
    article = next(({field: _first(values, iri) for field, iri in _ARTICLE_FIELDS.items()} | {"article_id": subject}
                    for subject, values in properties.items() if _SOURCE_FILE in values), {})
    rows = []
    for subject, values in properties.items():
        if _SPEAKER not in values:  # every statement has one speaker (ontology/shapes.ttl), nothing else has
            continue
        speaker = _first(values, _SPEAKER)
        label, type_ = names.get(speaker, _NO_NAME)
        targets = sorted(({"label": names.get(t.value, _NO_NAME)[0], "id": t.value, "type": names.get(t.value, _NO_NAME)[1]}
                          for t in values.get(_TARGET, [])), key=lambda t: (t["label"] is not None, t["label"] or "", t["id"]))
        row = {field: _first(values, iri) for field, iri in _STATEMENT_FIELDS.items()}
        row |= {"speaker": label, "speaker_id": speaker, "speaker_type": type_, "targets": targets, "statement": subject}
        rows.append({key: (row | article).get(key) for key in STATEMENT_COLUMNS})
    return sorted(rows, key=lambda row: (row["start"], row["end"], row["statement"]))


def _first(values: dict[str, list], predicate: str) -> str | int | float | None:
    """The value of a property a statement or an article has at most once (ontology/shapes.ttl)."""
    found = values.get(predicate)
    return python_value(found[0]) if found else None


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
