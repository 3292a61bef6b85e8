"""The work of an ingest's worker processes: language, spaCy and the extractor for a few articles.

Kept apart from ``policykg.pipeline`` so that an ingest with nothing new to extract never imports spaCy.
"""
from __future__ import annotations

from policykg.loaders.extract import extract
from policykg.loaders.model import Article, Extraction
from policykg.loaders.nlp import detect_language, load_pipeline, pipe
from policykg.loaders.readers import LoadError

def analyse(articles: list[Article]) -> list[Extraction | LoadError]:
    """Language, NLP and extraction for a few articles, in order; spaCy runs once per language (nlp.pipe)."""
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
    for language, indices in sorted(by_language.items()):
        docs = pipe(load_pipeline(language), (articles[i].nlp_text() for i in indices))
        for i, doc in zip(indices, docs):
            try:
                outcomes[i] = extract(articles[i], doc)
            except Exception as error:  # one article's failure must not stop the batch
                outcomes[i] = LoadError(articles[i].source, f"extraction failed: {type(error).__name__}: {error}")
    return outcomes  # type: ignore[return-value]
