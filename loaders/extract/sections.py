"""Long texts extracted section by section, so that the work stays linear in the text's length.

A text over ``nlp.CHUNK_CHARS`` is parsed in pieces (``nlp.pipe``); each piece is then extracted
on its own, as a section of the article, and the sections' findings are merged, their offsets
moved back into the whole text. Some extraction steps compare every statement or mention with
every other one: nothing for an article, hours for a 3 MB text. A section does not see the others,
so a speaker named in one section and referred to by a pronoun in the next stays unresolved there.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from policykg.loaders.model import Article, Entity, Extraction, Span
from policykg.loaders.nlp import split_text


def extract_in_sections(article: Article, doc: Doc, limit: int,
                        extract_one: Callable[[Article, Doc], Extraction]) -> Extraction:
    """``extract_one`` run on each section of at most about ``limit`` characters, merged into one Extraction."""
    starts = [token.idx for token in doc]
    cuts, offset = [], 0
    for piece in split_text(article.text, limit):
        offset += len(piece)
        cuts.append(bisect_left(starts, offset))  # the first token of the next section
    parts: list[tuple[int, Extraction]] = []
    first = 0
    for last in dict.fromkeys(cuts):  # a token longer than the limit leaves two cuts on one token
        if last == first:
            continue
        start = starts[first]
        end = starts[last] if last < len(doc) else len(article.text)
        section = replace(article, text=article.text[start:end], masked=_within(article.masked, start, end))
        parts.append((start, extract_one(section, doc[first:last].as_doc())))
        first = last
    return _merge(article, parts)


def _within(spans: list[Span], start: int, end: int) -> list[Span]:
    return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]


def _shift(span: Span | None, offset: int) -> Span | None:
    return None if span is None else (span[0] + offset, span[1] + offset)


def _merge(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction of ``article`` from those of its sections (each with its offset in the whole text)."""
    merged = Extraction(article)
    for offset, part in parts:
        for key, entity in part.entities.items():
            moved = replace(entity, mentions=[_shift(span, offset) for span in entity.mentions])
            if key in merged.entities:
                _absorb(merged.entities[key], moved)
            else:
                merged.entities[key] = moved
        merged.statements += [
            replace(s, start=s.start + offset, end=s.end + offset, cue_span=_shift(s.cue_span, offset))
            for s in part.statements]
        merged.relations += [replace(r, span=_shift(r.span, offset)) for r in part.relations]
        merged.facts += [replace(f, start=f.start + offset, end=f.end + offset) for f in part.facts]
    return merged


def _absorb(entity: Entity, other: Entity) -> None:
    """The same entity found in a later section: its label and type stay those of the first section."""
    entity.aliases |= other.aliases
    for form, count in other.forms.items():
        entity.forms[form] = entity.forms.get(form, 0) + count
    entity.mentions += other.mentions
    entity.wikidata = entity.wikidata or other.wikidata
    entity.acts_for = entity.acts_for or other.acts_for
    entity.reference = None if entity.forms else entity.reference or other.reference
