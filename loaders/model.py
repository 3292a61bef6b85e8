"""What the loaders produce: an article and what was extracted from it.

Every span is a pair of character offsets into ``Article.text``, the original
input text exactly as read (end exclusive), so that every statement, mention
and fact can be traced to the characters it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
Kind = Literal["direct", "indirect"]
Stance = Literal["for", "against", "neutral"]


@dataclass
class Article:
    """One input article. ``text`` is never modified; cleaning only masks spans."""

    id: str
    """Stable identifier: the file stem, or the ``id`` field of a JSON Lines record."""
    source: str
    """The input file name (``004_x.txt``), or ``file.jsonl#id`` for a JSON Lines record."""
    text: str
    language: str | None = None
    title: str | None = None
    published: str | None = None
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    content_hash: str | None = None
    """What the article's graph was made from (see ``policykg.pipeline.content_hash``): unchanged, no new extraction."""
    masked: list[Span] = field(default_factory=list)
    """Spans that are not article content (metadata header, boilerplate); the NLP never sees them."""

    def nlp_text(self) -> str:
        """The text with masked spans blanked out, same length, so offsets stay valid."""
        chars = list(self.text)
        for start, end in self.masked:
            for i in range(start, end):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass
class Entity:
    """An actor, platform, feature, topic or place, resolved across its mentions."""

    key: str
    """Stable slug: the knowledge-base id when the entity is known there, else derived from the label."""
    label: str
    type: str
    """One of ``policykg.ontology.ENTITY_TYPES``."""
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    wikidata: str | None = None
    acts_for: str | None = None
    """Key of the organisation an unnamed spokesperson speaks for."""
    forms: dict[str, int] = field(default_factory=dict)
    """Surface forms as written in this article, each with its count; the corpus-wide label is the most frequent."""
    reference: str | None = None
    """For a person the article names by one word only ("Obama", never in full) and the knowledge base does not
    know: that word, folded. The corpus decides whom it means (``policykg.references``)."""


@dataclass
class Statement:
    """Who said what: a direct quotation or reported (indirect) speech."""

    speaker: str
    """Entity key."""
    kind: Kind
    content: str
    """What was said: the text from ``start`` to ``end``, less a cue set between two of its quotations with the rest
    of that interruption ("“A,” she said on Tuesday. “B.”" has the content "A B.")."""
    start: int
    end: int
    cue: str | None = None
    cue_span: Span | None = None
    targets: list[str] = field(default_factory=list)
    """Entity keys the statement is about."""
    stance: Stance = "neutral"
    sentence: str = ""
    confidence: float = 0.5
    method: str = ""
    """Which rule produced it, e.g. ``quote+cue``, ``according-to``, ``pull-quote``."""


@dataclass
class Relation:
    """subject –predicate→ object between entities (or to a literal such as a role title)."""

    subject: str
    predicate: str
    """Snake-case name from ``policykg.ontology.RELATION_PREDICATES``."""
    object: str
    object_is_literal: bool = False
    span: Span | None = None


@dataclass
class Fact:
    """A number with its unit and subject: "15 reports", "more than 80 %"."""

    subject: str
    value: float
    unit: str
    text: str
    start: int
    end: int


@dataclass
class Extraction:
    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def slugify(label: str) -> str:
    """A stable, readable IRI segment for a label: ``Tom Tugendhat`` → ``tom-tugendhat``."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x" + label.encode("utf-8").hex()[:16]
