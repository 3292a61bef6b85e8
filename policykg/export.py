"""Rows out of the RDF store, in the formats DESIGN.md fixes for other tools.

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
from collections.abc import Iterable

import pyoxigraph as ox

from policykg.graph.store import OxigraphStore

STATEMENTS = """
SELECT ?statement ?article ?article_id ?article_title ?article_url ?date ?speaker ?speaker_id ?speaker_type
       ?cue ?kind ?content ?start ?end ?stance ?sentence ?confidence ?method
WHERE {
  ?statement a pk:Statement ; pk:article ?article_id ; pk:speaker ?speaker_id ; pk:kind ?kind ;
             pk:content ?content ; nif:beginIndex ?start ; nif:endIndex ?end ; pk:stance ?stance .
  ?article_id pk:sourceFile ?article .
  ?speaker_id rdfs:label ?speaker .
  OPTIONAL { ?speaker_id a ?type . FILTER(STRSTARTS(STR(?type), STR(pk:))) BIND(STRAFTER(STR(?type), STR(pk:)) AS ?speaker_type) }
  OPTIONAL { ?statement pk:cue ?cue }
  OPTIONAL { ?statement pk:sentence ?sentence }
  OPTIONAL { ?statement pk:confidence ?confidence }
  OPTIONAL { ?statement pk:method ?method }
  OPTIONAL { ?article_id schema:headline ?article_title }
  OPTIONAL { ?article_id schema:url ?article_url }
  OPTIONAL { ?article_id schema:datePublished ?date }
}
ORDER BY ?article ?start ?end
"""

TARGETS = """
SELECT DISTINCT ?statement ?id ?label ?type WHERE {
  ?statement a pk:Statement ; pk:target ?id .
  ?id rdfs:label ?label .
  OPTIONAL { ?id a ?t . FILTER(STRSTARTS(STR(?t), STR(pk:))) BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type) }
}
ORDER BY ?statement ?label
"""

ENTITIES = """
SELECT ?id ?label ?type ?alias ?article WHERE {
  ?id pk:mentionedIn ?doc ; rdfs:label ?label .
  ?doc pk:sourceFile ?article .
  OPTIONAL { ?id a ?t . FILTER(STRSTARTS(STR(?t), STR(pk:))) BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type) }
  OPTIONAL { ?id skos:altLabel ?alias }
}
"""

RELATIONS = """
SELECT DISTINCT ?subject ?predicate ?object ?article WHERE {
  GRAPH ?g {
    ?s ?p ?o .
    VALUES ?p { pk:owns pk:hasFeature pk:plansFeature pk:lacksFeature pk:leads pk:refersCasesTo pk:basedIn
                pk:holdsRole pk:speaksFor pk:memberOf }
    ?doc a schema:NewsArticle ; pk:sourceFile ?article .
    ?s rdfs:label ?subject .
    OPTIONAL { ?o rdfs:label ?object_label }
  }
  BIND(STRAFTER(STR(?p), STR(pk:)) AS ?predicate)
  BIND(COALESCE(?object_label, STR(?o)) AS ?object)
}
ORDER BY ?article ?subject ?predicate ?object
"""


def python_value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str | int | float | None:
    """A plain Python value for an RDF term: numbers for numeric literals, strings otherwise."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        return term.value
    return term.value


def statement_rows(store: OxigraphStore) -> list[dict]:
    targets: dict[str, list[dict]] = {}
    for row in store.select(TARGETS):
        targets.setdefault(row["statement"].value, []).append(
            {"label": python_value(row["label"]), "id": row["id"].value, "type": python_value(row.get("type"))}
        )
    rows = []
    seen: set[str] = set()
    for row in store.select(STATEMENTS):
        values = {name: python_value(term) for name, term in row.items()}
        if values["statement"] in seen:  # an entity with two pk: types would repeat the row
            continue
        seen.add(values["statement"])
        values["targets"] = targets.get(values["statement"], [])
        rows.append({key: values.get(key) for key in STATEMENT_COLUMNS})
    return rows


STATEMENT_COLUMNS = (
    "article", "speaker", "speaker_id", "speaker_type", "cue", "kind", "content", "start", "end", "targets",
    "stance", "sentence", "confidence", "method", "statement", "article_id", "article_title", "article_url", "date",
)


def entity_rows(store: OxigraphStore) -> list[dict]:
    entities: dict[str, dict] = {}
    for row in store.select(ENTITIES):
        entity = entities.setdefault(
            row["id"].value,
            {"id": row["id"].value, "label": row["label"].value, "type": python_value(row.get("type")),
             "aliases": set(), "articles": set()},
        )
        if "alias" in row:
            entity["aliases"].add(row["alias"].value)
        entity["articles"].add(row["article"].value)
    return [
        {**e, "aliases": sorted(e["aliases"]), "articles": sorted(e["articles"])}
        for e in sorted(entities.values(), key=lambda e: (e["label"].lower(), e["id"]))
    ]


def relation_rows(store: OxigraphStore) -> list[dict]:
    return [{name: python_value(term) for name, term in row.items()} for row in store.select(RELATIONS, union=False)]


def write_rows(rows: Iterable[dict], output: io.TextIOBase, fmt: str) -> None:
    """JSON Lines (one object a line) or CSV (lists and objects as JSON in their cell)."""
    rows = list(rows)
    if fmt == "jsonl":
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not rows:
        return
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})

