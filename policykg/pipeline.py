"""Ingest: read articles, extract, and write each article's graph to every configured store.

Articles go through spaCy in batches (``nlp.pipe``), but each is extracted on
its own: one that fails is reported with its name and the batch goes on; what
is already stored is never touched by a failure, because an article's graph is
written only once it is complete.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from policykg.graph.store import to_quads
from policykg.loaders.extract import extract
from policykg.loaders.model import Article, Extraction
from policykg.loaders.nlp import detect_language, load_pipeline, pipe
from policykg.loaders.rdf import extraction_graph, graph_iri
from policykg.loaders.readers import LoadError, read_paths

BATCH_SIZE = 32
"""Articles written per store transaction."""


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (itertools.batched arrives only in Python 3.12)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class GraphWriter(Protocol):
    def replace_graphs(self, graphs: dict[str, list[ox.Quad]]) -> None: ...


@dataclass
class IngestReport:
    articles: list[str] = field(default_factory=list)
    statements: int = 0
    entities: int = 0
    errors: list[LoadError] = field(default_factory=list)


def analyse(articles: list[Article]) -> list[Extraction | LoadError]:
    """Language, NLP and extraction for a batch of articles, in order; spaCy runs once per language (nlp.pipe)."""
    outcomes: list[Extraction | LoadError | None] = [None] * len(articles)
    by_language: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        try:
            article.language = article.language or detect_language(article.nlp_text())
            load_pipeline(article.language)
        except (ValueError, RuntimeError) as error:
            outcomes[i] = LoadError(article.source, str(error))
            continue
        by_language.setdefault(article.language, []).append(i)
    for language, indices in by_language.items():
        docs = pipe(load_pipeline(language), (articles[i].nlp_text() for i in indices))
        for i, doc in zip(indices, docs):
            try:
                outcomes[i] = extract(articles[i], doc)
            except Exception as error:  # one article's failure must not stop the batch
                outcomes[i] = LoadError(articles[i].source, f"extraction failed: {type(error).__name__}: {error}")
    return outcomes  # type: ignore[return-value]


def ingest(
    paths: Iterable[Path | str],
    stores: list[GraphWriter],
    *,
    language: str | None = None,
    on_article: Callable[[str, Extraction | LoadError], None] | None = None,
) -> IngestReport:
    """Read ``paths`` and replace each article's named graph in every store, BATCH_SIZE articles at a time."""
    report = IngestReport()
    for batch in batched(read_paths(paths), BATCH_SIZE):
        articles = [item for item in batch if isinstance(item, Article)]
        for article in articles:
            article.language = language or article.language
        analysed = iter(analyse(articles))
        pending: dict[str, list[ox.Quad]] = {}
        for item in batch:
            outcome = item if isinstance(item, LoadError) else next(analysed)
            if not isinstance(outcome, LoadError):
                try:
                    quads = to_quads(extraction_graph(outcome))
                except ValueError as error:  # e.g. a URL that is no IRI: the article fails, not the batch
                    outcome = LoadError(item.source, f"cannot be stored: {error}")
            if isinstance(outcome, LoadError):
                report.errors.append(outcome)
            else:
                pending[str(graph_iri(outcome.article.id))] = quads
                report.articles.append(outcome.article.source)
                report.statements += len(outcome.statements)
                report.entities += len(outcome.entities)
            if on_article:
                on_article(item.source, outcome)
        for store in stores:
            if pending:
                store.replace_graphs(pending)
    return report


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
