"""Extraction: from an article and its spaCy ``Doc`` to entities, statements, relations and facts.

Components with one job each, run in order; each reads what the ones before
it produced:

1. ``entities``: mentions (NER + the actor knowledge base) resolved to entities;
2. ``statements``: direct quotations and reported speech, with their cue and speaker;
3. ``targets``: whom or what each statement is about (actors, and the policies ``policies`` finds), and the
   speaker's stance (``stance``);
4. ``relations`` and ``facts``: ownership, features, roles...; numbers with unit and subject.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from policykg.loaders.model import Article, Extraction

if TYPE_CHECKING:  # spaCy loads in 0.7 s: the commands that only read the store (keys.py is here) never need it
    from spacy.tokens import Doc


def extract(article: Article, doc: Doc) -> Extraction:
    """Everything policykg extracts from one article. ``doc`` is the NLP of ``article.nlp_text()``.

    A text over ``nlp.CHUNK_CHARS`` is extracted in sections (``sections.py``), so that its cost stays linear.
    """
    from policykg.loaders.extract.sections import extract_in_sections
    from policykg.loaders.nlp import CHUNK_CHARS

    if len(article.text) > CHUNK_CHARS:
        return extract_in_sections(article, doc, CHUNK_CHARS, _extract_whole)
    return _extract_whole(article, doc)


def _extract_whole(article: Article, doc: Doc) -> Extraction:
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
