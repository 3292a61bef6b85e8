"""Extraction: from an article and its spaCy ``Doc`` to entities, statements, relations and facts.

Components with one job each, run in order; each reads what the ones before
it produced:

1. ``entities``: mentions (NER + the actor knowledge base) resolved to entities;
2. ``statements``: direct quotations and reported speech, with their cue and speaker;
3. ``targets``: whom or what each statement is about, and the speaker's stance;
4. ``relations`` and ``facts``: ownership, features, roles...; numbers with unit and subject.
"""
from __future__ import annotations

from spacy.tokens import Doc

from policykg.loaders.model import Article, Extraction


def extract(article: Article, doc: Doc) -> Extraction:
    """Everything policykg extracts from one article. ``doc`` is the NLP of ``article.nlp_text()``."""
    from policykg.loaders.extract import entities, facts, relations, statements, targets

    index = entities.recognise(article, doc)
    found = statements.find_statements(article, doc, index)
    stated = relations.find_relations(article, doc, index)
    targets.assign_targets_and_stance(article, doc, index, found, stated)
    return Extraction(
        article=article,
        entities=index.entities,
        statements=found,
        relations=stated,
        facts=facts.find_facts(article, doc, index),
    )
