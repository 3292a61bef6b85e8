"""Cleaning without rewriting: find the metadata header and the boilerplate of a text.

Nothing is cut out of ``Article.text``: boilerplate spans are recorded in
``Article.masked`` and blanked only in the copy the NLP reads, so every offset
the extractor produces still points into the original input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


from policykg.loaders import lexicon
from policykg.loaders.model import Article, Span

DATE_HEADER = re.compile(r"\A\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")


@dataclass(frozen=True)
class BoilerplateRules:
    max_paragraph_chars: int
    patterns: tuple[re.Pattern[str], ...]
    publisher_patterns: tuple[re.Pattern[str], ...]
    newsletters: dict[str, str]


@cache
def boilerplate_rules() -> BoilerplateRules:
    data = lexicon.load("boilerplate")
    return BoilerplateRules(
        max_paragraph_chars=data["max_paragraph_chars"],
        patterns=tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in data["patterns"]),
        publisher_patterns=tuple(re.compile(p, re.MULTILINE) for p in data["publisher_patterns"]),
        newsletters=dict(data["newsletters"]),
    )


def paragraphs(text: str) -> list[Span]:
    """Spans of the non-empty lines of ``text`` (a news paragraph is one line in our inputs)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def clean(article: Article) -> Article:
    """Mask the date header and boilerplate paragraphs; fill date, title and publisher when the text gives them."""
    rules = boilerplate_rules()
    text = article.text
    header = DATE_HEADER.match(text)
    if header:
        article.published = article.published or header.group("date")
    for start, end in paragraphs(text):
        paragraph = text[start:end]
        in_header = header is not None and start <= header.end() <= end
        if in_header:
            # A header glued to a blurb: the date goes, and the rest of the line too if it is boilerplate.
            rest = paragraph[header.end() - start:]
            article.masked.append((start, end) if _is_boilerplate(rest, rules) or not rest.strip() else (start, header.end()))
            _find_publisher(rest, rules, article)
        elif _is_boilerplate(paragraph, rules):
            article.masked.append((start, end))
            _find_publisher(paragraph, rules, article)
    if article.title is None:
        article.title = _title(text, article.masked)
    return article


def _is_boilerplate(paragraph: str, rules: BoilerplateRules) -> bool:
    return len(paragraph) <= rules.max_paragraph_chars and any(p.search(paragraph) for p in rules.patterns)


def _find_publisher(paragraph: str, rules: BoilerplateRules, article: Article) -> None:
    if article.publisher:
        return
    for pattern in rules.publisher_patterns:
        match = pattern.search(paragraph)
        if match:
            article.publisher = match.group("publisher").strip()
            return
    for newsletter, publisher in rules.newsletters.items():
        if newsletter.lower() in paragraph.lower():
            article.publisher = publisher
            return


def _title(text: str, masked: list[Span]) -> str | None:
    """The first unmasked paragraph when it looks like a headline: short, no final full stop."""
    for start, end in paragraphs(text):
        if any(ms <= start and end <= me for ms, me in masked):
            continue
        line = text[start:end].strip()
        looks_like_title = len(line) <= 200 and not re.search(r"[.:;»”\"]$", line) and len(line.split()) >= 2
        return line if looks_like_title else None
    return None
