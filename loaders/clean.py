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
                    r"(?:\s*[,|—-]\s*[^\n.,]{0,50}){0,3}\s*$")
"""A byline: "By Jane Doe", "Par Jean Dupont, à Bruxelles", "Par Jean Dupont, publié le 3 mars à 10h12, mis à jour
le 4 mars"; an author, then at most three short parts (an affiliation, the dates)."""
FURNITURE_MAX_WORDS = 16
"""The most words a line of page furniture has ("Listen to this article", "Accueil > Politique > Logement")."""
SENTENCE_END = re.compile(r"[.!?…:;»”\"’']\s*$")
"""How a paragraph of the article ends: a full stop, a closing quotation mark, or a colon that leads into a quote."""
SENTENCE_BREAK = re.compile(r"[.!?…][»”\"’']?\s+")
CREDIT = re.compile(r"©|\b[A-ZÀ-Ý][\w'’-]*\s?/\s?[A-ZÀ-Ý][\w&.'’ -]*\)?\s*$")
"""A photo or copyright credit: "© AFP", "Jane Doe/Reuters", "JEAN MARTIN / AFP"."""
QUOTE_MARKS = ("“”", "«»")
DATELINE = re.compile(r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,30}[A-ZÀ-Ý.](?:,[^\n—–(]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*(?:—|–|--|-)\s+")
"""A dateline opening the first paragraph: "WASHINGTON (Reuters) - ", "PARIS, 3 mai —"."""


@dataclass(frozen=True)
class BoilerplateRules:
    max_paragraph_chars: int
    patterns: tuple[re.Pattern[str], ...]
    publisher_patterns: tuple[re.Pattern[str], ...]
    newsletters: dict[str, str]
    glued: re.Pattern[str]


@cache
def boilerplate_rules() -> BoilerplateRules:
    data = lexicon.load("boilerplate")
    return BoilerplateRules(
        max_paragraph_chars=data["max_paragraph_chars"],
        patterns=tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in data["patterns"]),
        publisher_patterns=tuple(re.compile(p, re.MULTILINE) for p in data["publisher_patterns"]),
        newsletters=dict(data["newsletters"]),
        glued=re.compile(r"\s*(?:" + "|".join(data["glued"]) + r")\s*", re.IGNORECASE),
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
        glued = _glued_prefix(paragraph, rules)
        if glued and not in_header:
            # "Advertisement The council voted ...": the furniture word goes, the paragraph is read on.
            article.masked.append((start, start + glued))
            paragraph = " " * glued + paragraph[glued:]
        if in_header:
            # A header glued to a blurb: the date goes, and the rest of the line too if it is boilerplate.
            rest = paragraph[header.end() - start:]
            article.masked.append((start, end) if _is_boilerplate(rest, rules) or not rest.strip() else (start, header.end()))
            _find_publisher(rest, rules, article)
        elif (cut := _boilerplate_start(paragraph, rules)) is not None:
            article.masked.append((start + cut, end))
            _find_publisher(paragraph[cut:], rules, article)
    mask_headline(article)
    mask_furniture(article)
    return article


def mask_headline(article: Article, *, title_only: bool = False) -> None:
    """Mask the headline, and a byline and dateline after it, so that none of them is read as a statement.

    The headline is the first unmasked paragraph when it is the article's known title (metadata, HTML, JSON
    Lines) or looks like one (see ``_looks_like_headline``); it becomes the title when none is known. Once
    metadata has given a title, ``title_only`` looks again for that title alone (what was masked stays).
    """
    text = article.nlp_text()  # what is masked is blank: a paragraph that is all masked is none
    body = paragraphs(text)
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
    for start, end in body:
        line = text[start:end]
        byline = BYLINE.match(line)
        if byline:
            article.author = article.author or byline.group("author").strip()
            article.masked.append((start, end))
            continue
        if is_furniture(line):
            continue  # "5 min read", "Updated 10:42 GMT" between the headline and the lead: masked by mask_furniture
        dateline = DATELINE.match(line)
        if dateline:
            article.masked.append((start, start + dateline.end()))
        break


def mask_furniture(article: Article) -> None:
    """Mask the page furniture a scraper leaves in the text that no pattern of ``boilerplate.yaml`` names:
    lines that are no sentence (``is_furniture``), the headline repeated, and a furniture tail glued after a
    paragraph's last sentence ("... on Monday. Read more: ...")."""
    rules = boilerplate_rules()
    text = article.nlp_text()
    for start, end in paragraphs(text):
        line = text[start:end]
        if is_furniture(line) or _same_title(line, article.title):
            article.masked.append((start, end))
            continue
        tail = _furniture_tail(line, rules)
        if tail is not None:
            article.masked.append((start + tail, end))


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture by its shape: a credit, or a short line that no sentence ends
    ("Listen to this article", "Politics | Housing", "(Photo: Jane Doe/Agency)", "12 comments"); an article's
    paragraph ends with a full stop, a quotation mark or a colon. A line left inside an open quotation is
    the quotation's, however it ends; a line that holds a sentence is an article's paragraph, and what follows
    its last sentence may be furniture (``_furniture_tail``)."""
    line = line.strip()
    if not line or len(line.split()) > FURNITURE_MAX_WORDS or _open_quote(line) \
            or line.lower().startswith(_interview_credits()):
        return False
    return bool(CREDIT.search(line)) or not SENTENCE_END.search(line) and not SENTENCE_BREAK.search(line)


def _glued_prefix(paragraph: str, rules: BoilerplateRules) -> int:
    """The length of a furniture word glued before a paragraph's first sentence ("Publicité « Nous ... »"),
    which the sentence's capital or opening quotation mark shows; 0 when there is none."""
    glued = rules.glued.match(paragraph)
    return glued.end() if glued and re.match(r"[A-ZÀ-Ý«“\"]", paragraph[glued.end():]) else 0


@cache
def _interview_credits() -> tuple[str, ...]:
    """The credits that open an interview ("Propos recueillis par X"): the extractor reads them to know that
    the answers are the interviewee's, so they stay."""
    return tuple(credit.lower() for language in ("en", "fr")
                 for credit in lexicon.load("cues", language).get("interview_credits") or ())


def _furniture_tail(paragraph: str, rules: BoilerplateRules) -> int | None:
    """Where the furniture glued after a paragraph's last sentence starts: a tail that no sentence ends, or a
    boilerplate line ("Read more: ...") or furniture word after a full stop; None when the paragraph ends as
    a paragraph does. A bare name after the last sentence is not furniture: it signs a pull quote
    ("... impunity. Jane Doe")."""
    breaks = list(SENTENCE_BREAK.finditer(paragraph))
    if not breaks:
        return None
    start = breaks[-1].end()
    tail = paragraph[start:]
    if not tail.strip() or len(tail.split()) > FURNITURE_MAX_WORDS or _open_quote(paragraph):
        return None
    if _is_boilerplate(tail, rules) or rules.glued.fullmatch(tail) or CREDIT.search(tail):
        return start
    return None if SENTENCE_END.search(tail) or _signature(tail) else start


def _signature(tail: str) -> bool:
    """Whether the words after a line's last sentence are a bare name, which signs a pull quote."""
    words = tail.split()
    return len(words) <= 4 and all(w[:1].isupper() for w in words)


def _open_quote(line: str) -> bool:
    """Whether a quotation opens in the line and does not close (a quotation that runs on to the next)."""
    return any(line.count(opening) > line.count(closing) for opening, closing in QUOTE_MARKS) or line.count('"') % 2 == 1


def _is_boilerplate(paragraph: str, rules: BoilerplateRules) -> bool:
    return len(paragraph) <= rules.max_paragraph_chars and any(p.search(paragraph) for p in rules.patterns)


def _boilerplate_start(paragraph: str, rules: BoilerplateRules) -> int | None:
    """Where the boilerplate of a paragraph starts: the sentence that holds the first match, so that a blurb
    a scraper glued after an article's sentence ("... on Monday. Sign up to our newsletter ...") takes the
    sentence with it; None when the paragraph has none."""
    if len(paragraph) > rules.max_paragraph_chars:
        return None
    first = min((m.start() for p in rules.patterns if (m := p.search(paragraph))), default=None)
    if first is None:
        return None
    return max((b.end() for b in SENTENCE_BREAK.finditer(paragraph) if b.end() <= first), default=0)


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
