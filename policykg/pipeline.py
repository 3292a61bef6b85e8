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

from policykg.curation import Curations
from policykg.descriptions import write_graphs
from policykg.graph.store import to_quads
from policykg.loaders.extract import extract
from policykg.loaders.model import Article, Extraction
from policykg.loaders.nlp import detect_language, load_pipeline
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
        docs = load_pipeline(language).pipe(articles[i].nlp_text() for i in indices)
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
    curations: Curations | None = None,
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
            if isinstance(outcome, LoadError):
                report.errors.append(outcome)
            else:
                iri = str(graph_iri(outcome.article.id))
                # Curations hook (workflow branch): the researcher's corrections, applied before every write.
                pending[iri] = curations.apply(iri, to_quads(extraction_graph(outcome))) if curations else to_quads(extraction_graph(outcome))
                report.articles.append(outcome.article.source)
                report.statements += len(outcome.statements)
                report.entities += len(outcome.entities)
            if on_article:
                on_article(item.source, outcome)
        write_graphs(stores, pending)
    return report


def graphs_of(extractions: Iterable[Extraction]) -> dict[str, list[ox.Quad]]:
    """Each extraction's article graph as Oxigraph quads, by graph IRI."""
    return {str(graph_iri(e.article.id)): to_quads(extraction_graph(e)) for e in extractions}


def write_extractions(stores: list[GraphWriter], extractions: Iterable[Extraction]) -> None:
    """Store finished extractions (as ingest does, without reading or NLP): tests, benchmarks, hand-coded imports."""
    write_graphs(stores, graphs_of(extractions))


def article_graphs(store, name: str) -> list[str]:
    """Named graphs of the articles called ``name``: an article id, an input file name or an article IRI."""
    rows = store.select(
        "SELECT DISTINCT ?g ?name WHERE { GRAPH ?g { ?a a schema:NewsArticle ; pk:sourceFile ?file } "
        "FILTER(STR(?file) = ?name || STR(?a) = ?name || STRENDS(STR(?a), CONCAT('/', ENCODE_FOR_URI(?name)))) }",
        {"name": ox.Literal(name)},
        union=False,
    )
    return sorted({row["g"].value for row in rows})


def remove(name: str, stores: list[GraphWriter]) -> list[str]:
    """Delete the articles called ``name`` and all they contributed from every store (the first is looked up);
    an entity another article still mentions stays. The removed graphs' IRIs; empty when none matched."""
    graphs = article_graphs(stores[0], name)
    write_graphs(stores, {iri: [] for iri in graphs})
    return graphs
