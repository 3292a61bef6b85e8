"""Statements coded by hand (as in DNA) from a CSV file, stored like extracted ones.

Columns: ``article, date, speaker, speaker_type, target, target_type, stance, content`` (``kind``, direct or
indirect, is read when present; indirect otherwise, since coders paraphrase). Every other column is kept on
the statement as an annotation (``annotation:<column>``). Rows become ``loaders.model`` Extractions, one per
article, resolved to entities by the same ``EntityIndex`` as extraction (knowledge-base names, then the label's
key), so a hand-coded "Meta" is the extracted Meta. They are written by the same RDF builder into their own
named graph per article (``manual-<article>``), marked ``pk:method "manual"``. A bad row is reported with its
line number and the other rows still load.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, Namespace

from policykg.graph.store import to_quads
from policykg.loaders.extract.entities import EntityIndex
from policykg.loaders.model import Article, Entity, Extraction, Statement, slugify
from policykg.loaders.rdf import extraction_graph, graph_iri, segment
from policykg.loaders.readers import LoadError
from policykg.ontology import BASE, ENTITY_TYPES, NIF
from policykg.render import date_span

ANNOTATION = Namespace(BASE + "annotation/")
"""Predicates of the extra columns of a hand-coded CSV: ``annotation:<column>``."""

COLUMNS = ("article", "date", "speaker", "speaker_type", "target", "target_type", "stance", "content")
KNOWN = (*COLUMNS, "kind")
STANCES = ("for", "against", "neutral")
METHOD = "manual"
SEPARATOR = "\n\n"


@dataclass
class _Row:
    line: int
    values: dict[str, str]
    notes: dict[str, str]


@dataclass
class Coded:
    """What a CSV gives: article graphs (IRI → quads), statements per article, and the rows refused."""

    graphs: dict[str, list[ox.Quad]] = field(default_factory=dict)
    statements: int = 0
    errors: list[LoadError] = field(default_factory=list)


def read_csv(path: Path) -> Coded:
    """Read a hand-coded CSV into article graphs; a malformed file is one error, a bad row one error each."""
    coded = Coded()
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            missing = [c for c in ("article", "speaker", "stance", "content") if c not in (reader.fieldnames or [])]
            if missing:
                coded.errors.append(LoadError(str(path), f"missing column(s): {', '.join(missing)}"))
                return coded
            by_article: dict[str, list[_Row]] = {}
            for row in reader:
                line = reader.line_num
                values = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
                if None in row:
                    coded.errors.append(LoadError(f"{path}:{line}", "more cells than columns"))
                    continue
                problem = _check(values)
                if problem:
                    coded.errors.append(LoadError(f"{path}:{line}", problem))
                    continue
                notes = {k: v for k, v in values.items() if k not in KNOWN and v}
                by_article.setdefault(values["article"], []).append(_Row(line, values, notes))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        coded.errors.append(LoadError(str(path), str(error)))
        return coded
    for name in sorted(by_article):
        rows = by_article[name]
        dates = sorted({r.values["date"] for r in rows if r.values.get("date")})
        if len(dates) > 1:
            late = next(r for r in rows if r.values.get("date") and r.values["date"] != rows[0].values.get("date"))
            coded.errors.append(LoadError(f"{path}:{late.line}", f"article {name!r} has several dates: {', '.join(dates)}"))
            continue
        extraction, notes = _extraction(name, dates[0] if dates else None, rows)
        graph = extraction_graph(extraction)
        annotate = {int(s.start): n for s, n in notes if n}
        for node, begin in list(graph.subject_objects(NIF.beginIndex)):
            for column, value in sorted(annotate.get(int(begin), {}).items()):
                graph.add((node, ANNOTATION[segment(column)], Literal(value)))
        coded.graphs[str(graph_iri(extraction.article.id))] = to_quads(graph)
        coded.statements += len(extraction.statements)
    return coded


def _check(values: dict[str, str]) -> str | None:
    """Why a row cannot be a statement, or None."""
    for column in ("article", "speaker", "content"):
        if not values.get(column):
            return f"empty {column}"
    if values["stance"].lower() not in STANCES:
        return f"stance {values['stance']!r} is not one of {', '.join(STANCES)}"
    for column in ("speaker_type", "target_type"):
        if values.get(column) and values[column] not in ENTITY_TYPES:
            return f"{column} {values[column]!r} is not one of {', '.join(ENTITY_TYPES)}"
    if values.get("kind") and values["kind"] not in ("direct", "indirect"):
        return f"kind {values['kind']!r} is not direct or indirect"
    if values.get("date") and not _is_date(values["date"]):
        return f"date {values['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    return None


def _is_date(value: str) -> bool:
    return date_span(value) is not None and len(value) in (4, 7, 10)


def _extraction(name: str, date: str | None, rows: list[_Row]) -> tuple[Extraction, list[tuple[Statement, dict]]]:
    """One article's rows as an Extraction; its text is the coded contents, so every span points at its words."""
    text = SEPARATOR.join(r.values["content"] for r in rows)
    article = Article(id=f"manual-{slugify(name)}", source=name, text=text, published=date)
    index = EntityIndex(article)
    statements: list[tuple[Statement, dict]] = []
    offset = 0
    for row in rows:
        values = row.values
        speaker = _entity(index, values["speaker"], values.get("speaker_type") or "Person")
        targets = [_entity(index, values["target"], values.get("target_type") or "Topic").key] if values.get("target") else []
        content = values["content"]
        statements.append((Statement(
            speaker=speaker.key, kind=values.get("kind") or "indirect", content=content, start=offset,  # type: ignore[arg-type]
            end=offset + len(content), targets=targets, stance=values["stance"].lower(),  # type: ignore[arg-type]
            sentence=content, confidence=1.0, method=METHOD,
        ), row.notes))
        offset += len(content) + len(SEPARATOR)
    extraction = Extraction(article=article, entities=index.entities, statements=[s for s, _ in statements])
    return extraction, statements


def _entity(index: EntityIndex, name: str, type_: str) -> Entity:
    """The entity a coder's name stands for: a known actor or a name already seen, else a new one by its key."""
    found = index.lookup(name)
    return found if found is not None else index.add(name, type_, None)

