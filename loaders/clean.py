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
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30
SENTENCE_INSIDE = re.compile(r"[a-z\d][.!?][\"'”’»]?\s+[\"'“‘«]?[A-Z]")
"""A full stop that ends a sentence inside a line (not "J. Blige": an initial is a capital)."""
SPEAKER_COLON = re.compile(r"^[A-Z][^:]{1,40}:\s+\S")
QUOTED_PHRASE_END = re.compile(r"\s(?:[‘“][^‘’“”\"]+\w[’”]|\"[^‘’“”\"]+\w\")$")
"""A quoted phrase closing a line, its last word right before the mark, curly or straight ("... call it "a tax
on saying goodbye""): no quoted sentence ends so."""
BYLINE = re.compile(r"^\s*(?:By|BY|Par|PAR)\s+(?P<author>[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’-]*|and|et|de|du|van|von))*)"
                    r"(?:\s*[,|—-]\s*[^\n.]{0,50})?\s*$")
"""A byline: "By Jane Doe", "Par Jean Dupont, à Bruxelles"; an author, then at most a short affiliation."""
DATELINE = re.compile(r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,30}[A-ZÀ-Ý.](?:,[^\n—–(]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*(?:—|–|--|-)\s+")
"""A dateline opening the first paragraph: "WASHINGTON (Reuters) - ", "PARIS, 3 mai —"."""


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
    """Mask the date header, boilerplate, headline, byline and dateline; fill what metadata the text gives."""
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
    mask_headline(article)
    return article


def mask_headline(article: Article, *, title_only: bool = False) -> None:
    """Mask the headline, and a byline and dateline after it, so that none of them is read as a statement.

    The headline is the first unmasked paragraph when it is the article's known title (metadata, HTML, JSON
    Lines) or looks like one (see ``_looks_like_headline``); it becomes the title when none is known. Once
    metadata has given a title, ``title_only`` looks again for that title alone (what was masked stays).
    """
    text = article.text
    body = [(s, e) for s, e in paragraphs(text) if not _masked(article.masked, s, e)]
    if not body:
        return
    start, end = body[0]
    first = text[start:end].strip()
    if _same_title(first, article.title) or (not title_only and _looks_like_headline(first)):
        article.title = article.title or first
        article.masked.append((start, end))
        body = body[1:]
    elif title_only:
        return
    for start, end in body[:2]:
        line = text[start:end]
        byline = BYLINE.match(line)
        if byline:
            article.author = article.author or byline.group("author").strip()
            article.masked.append((start, end))
            continue
        dateline = DATELINE.match(line)
        if dateline:
            article.masked.append((start, start + dateline.end()))
        break


def _masked(masked: list[Span], start: int, end: int) -> bool:
    return any(ms <= start and end <= me for ms, me in masked)


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


def _comparable(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line).strip().casefold()


def _same_title(line: str, title: str | None) -> bool:
    """Whether ``line`` is ``title``, give or take case, punctuation and quotation marks ("… ‘Fraud.’")."""
    return bool(title) and _comparable(line) == _comparable(title)  # type: ignore[arg-type]


def _looks_like_headline(line: str) -> bool:
    """Short, one sentence, and either without final punctuation or with a headline's marks: most words
    capitalised, a "Speaker: words" opening, a closing quotation mark before the full stop, or a quoted phrase
    at the end ("Ministers target ‘bags for life’"), whose closing mark follows a word where a quoted sentence
    has its punctuation."""
    words = line.split()
    if len(line) > MAX_HEADLINE_CHARS or not 2 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    if not re.search(r"[.:;!?»”\"’']$", line):
        return True
    if SENTENCE_INSIDE.search(line[:-1]) or not line.endswith((".", "!", "?", "’", "'", "”", '"', "»")):
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    return title_case or bool(SPEAKER_COLON.match(line)) or bool(re.search(r"[\"'”’»]\s?[.!?]$", line)) \
        or line.endswith("»") \
        or bool(QUOTED_PHRASE_END.search(line))  # "X dénonce un « calendrier intenable »", "X target ‘Y’"
