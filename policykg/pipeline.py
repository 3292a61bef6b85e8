"""Ingest: read articles, extract, and write each article's graph to every configured store.

Each article is processed on its own: one that fails is reported with its name
and the batch goes on; what is already stored is never touched by a failure,
because an article's graph is written only once it is complete.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from policykg.graph.store import to_quads
from policykg.loaders.extract import extract
from policykg.loaders.model import Article, Extraction
from policykg.loaders.nlp import detect_language, load_pipeline
from policykg.loaders.rdf import extraction_graph, graph_iri
from policykg.loaders.readers import LoadError, read_paths

BATCH_SIZE = 32
"""Articles written per store transaction."""


class GraphWriter(Protocol):
    def replace_graphs(self, graphs: dict[str, list[ox.Quad]]) -> None: ...


@dataclass
class IngestReport:
    articles: list[str] = field(default_factory=list)
    statements: int = 0
    entities: int = 0
    errors: list[LoadError] = field(default_factory=list)


def analyse(article: Article) -> Extraction:
    """Language, NLP and extraction for one article."""
    if article.language is None:
        article.language = detect_language(article.nlp_text())
    doc = load_pipeline(article.language)(article.nlp_text())
    return extract(article, doc)


def ingest(
    paths: Iterable[Path | str],
    stores: list[GraphWriter],
    *,
    language: str | None = None,
    on_article: Callable[[str, Extraction | LoadError], None] | None = None,
) -> IngestReport:
    """Read ``paths`` and replace each article's named graph in every store."""
    report = IngestReport()
    pending: dict[str, list[ox.Quad]] = {}
    for item in read_paths(paths):
        if isinstance(item, LoadError):
            outcome: Extraction | LoadError = item
        else:
            if language:
                item.language = language
            try:
                outcome = analyse(item)
            except (ValueError, RuntimeError) as error:
                outcome = LoadError(item.source, str(error))
        if isinstance(outcome, LoadError):
            report.errors.append(outcome)
        else:
            pending[str(graph_iri(outcome.article.id))] = to_quads(extraction_graph(outcome))
            report.articles.append(outcome.article.source)
            report.statements += len(outcome.statements)
            report.entities += len(outcome.entities)
        if on_article:
            on_article(item.source, outcome)
        if len(pending) >= BATCH_SIZE:
            _write(stores, pending)
    _write(stores, pending)
    return report


def _write(stores: list[GraphWriter], pending: dict[str, list[ox.Quad]]) -> None:
    if pending:
        for store in stores:
            store.replace_graphs(pending)
        pending.clear()


class GraphRemover(Protocol):
    def remove_graph(self, iri: str) -> bool: ...


def article_graphs(store, name: str) -> list[str]:
    """Named graphs of the articles called ``name``: an article id, an input file name or an article IRI."""
    rows = store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a schema:NewsArticle ; pk:sourceFile ?file } "
        "FILTER(?file = ?name || STR(?a) = STR(?name) || STRENDS(STR(?a), CONCAT('/', ENCODE_FOR_URI(?name)))) }",
        {"name": ox.Literal(name)},
        union=False,
    )
    return sorted(row["g"].value for row in rows)


def remove(name: str, rdf_store, others: list[GraphRemover]) -> list[str]:
    """Delete an article and all it contributed from every store; entities other articles mention stay."""
    graphs = article_graphs(rdf_store, name)
    for iri in graphs:
        for store in [rdf_store, *others]:
            store.remove_graph(iri)
    return graphs
