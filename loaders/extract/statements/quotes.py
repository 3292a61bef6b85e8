"""Quotations: top-level quoted spans in every typographic style, and the text seen through them; credit lines."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from policykg.loaders.extract.statements.cues import Cues

OPENING = {"«": "»", "“": "”", "„": "“", '"': '"', "''": "''", "‘": "’"}
"""Opening quotation marks and the mark that closes each."""
QUOTE_MARKS = set("«»“”„\"‘’") | {"''", "``"}
WORD = re.compile(r"\w+")
ASIDE_WORDS = 10
"""The most words between the commas around a cue set inside reported words ("..., the city's mayor said on Monday, ...")."""


@dataclass
class Quote:
    """A top-level quotation: ``start``/``end`` include the marks, ``inner`` is the quoted text."""

    start: int
    end: int
    inner: tuple[int, int]
    closed: bool
    continues: Quote | None = None
    """The quotation of the previous paragraph, left open there, that this one carries on."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines: news paragraphs, as loaders write them, one per line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def credit_lines(doc: Doc, cues: Cues) -> list[tuple[int, int]]:
    """Bylines and credits ("Par Hélène Varin", "Photo : X / AFP", "(avec AFP)", "By Jane Doe"): short
    paragraphs opening with a credit word and holding no finite verb. The people they name wrote,
    photographed or supplied the article; they are not its speakers."""
    lines = []
    for start, end in paragraphs(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
        if words and len(words) <= 10 and words[0].lower_ in cues.credits \
                and not any("Fin" in t.morph.get("VerbForm") for t in words):
            lines.append((start, end))
    return lines


def title_case(inner: str) -> bool:
    """Whether quoted words are set as a title: two words or more, every word of four letters or more capitalised, not
    all in capitals (a headline's shouting)."""
    words = [w for w in re.findall(r"[^\W\d_]+", inner) if len(w) > 3]
    return bool(words) and len(inner.split()) >= 2 and not all(w.isupper() for w in words) and all(w[0].isupper() for w in words)


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations in every style (« », “ ”, " ", '' '', ‘ ’), paragraph by paragraph.

    Quotation marks nested inside a quotation are part of it. A quotation left open at the end of
    a paragraph ends there; when the next paragraph opens with a quotation mark, that quotation
    carries it on (the news convention for quotations of several paragraphs).
    """
    quotes: list[Quote] = []
    left_open: Quote | None = None
    for start, end in paragraphs(text):
        opening_paragraph = True
        i = start
        while i < end:
            mark = _opening_mark(text, i, start)
            if mark is None:
                i += 1
                continue
            close_at = _closing_mark(text, i + len(mark), end, mark)
            if close_at is None and mark == "‘":
                i += 1  # a ‘ that never closes is an apostrophe ("in ‘08"), not a quotation
                continue
            closed = close_at is not None
            stop = close_at if close_at is not None else end
            after = stop + len(OPENING[mark]) if closed else end
            first = opening_paragraph and not text[start:i].strip()
            quote = Quote(i, after, _trim(text, i + len(mark), stop), closed, left_open if first else None)
            if quote.inner[1] > quote.inner[0]:
                quotes.append(quote)
            opening_paragraph = False
            i = after
        last = quotes[-1] if quotes and start <= quotes[-1].start < end else None
        left_open = last if last is not None and not last.closed else None
    return quotes


def _opening_mark(text: str, i: int, paragraph_start: int) -> str | None:
    """The opening quotation mark at ``i``, if any; straight and single quotes only before a word."""
    ch = text[i]
    before = text[i - 1] if i > paragraph_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "«“„":
        return ch
    if text.startswith("''", i) and not text.startswith("'''", i):
        return "''" if not before.isalnum() and not text[i + 2:i + 3].isspace() else None
    if ch == '"':
        return ch if not before.isalnum() and not after.isspace() else None
    if ch == "‘":
        return ch if not before.isalnum() and after.isalpha() else None
    return None


def _closing_mark(text: str, i: int, end: int, mark: str) -> int | None:
    """Where the quotation opened by ``mark`` closes before ``end``, or None."""
    closer = OPENING[mark]
    while i < end:
        j = text.find(closer, i, end)
        if mark == "“":
            # Careless typing closes a “ with a straight quote or with another “ after the last word.
            others = [k for k in (text.find('"', i, end), _stray_opening(text, i, end)) if k >= 0]
            j = min([k for k in (j, *others) if k >= 0], default=-1)
        elif mark == '"':
            j = min([k for k in (j, text.find("”", i, end)) if k >= 0], default=-1)  # "...” typed by hand
        if j < 0:
            return None
        if closer == "’" and j + 1 < end and text[j + 1].isalnum():
            i = j + 1  # an apostrophe (don’t, l’article), not the closing mark
            continue
        return j
    return None


def _stray_opening(text: str, i: int, end: int) -> int:
    """A “ used as a closing mark: right after a word and not before one."""
    j = text.find("“", i, end)
    while j >= 0 and (text[j - 1].isspace() or (j + 1 < end and text[j + 1].isalnum())):
        j = text.find("“", j + 1, end)
    return j


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past white space, and past a comma or colon left before a closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


class QuotedText:
    """A document with its quotations: which quotation holds a character, spans trimmed to words."""

    def __init__(self, text: str, doc: Doc):
        self.text = text
        self.doc = doc
        self.quotes = find_quotes(self.text)
        self.quote_starts = [q.start for q in self.quotes]
        self.paragraph_ends = [end for _, end in paragraphs(self.text)]

    def quote_around(self, char: int) -> Quote | None:
        """The quotation whose text (marks included) contains ``char``."""
        k = bisect.bisect_right(self.quote_starts, char) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end else None

    def quote_starting_at(self, char: int) -> Quote | None:
        k = bisect.bisect_left(self.quote_starts, char)
        return self.quotes[k] if k < len(self.quotes) and self.quotes[k].start == char else None

    def quote_after(self, char: int) -> Quote | None:
        """The quotation that opens right after ``char``, past white space and one paragraph break."""
        gap = re.match(r"[ \t\xa0]*\n?\s*", self.text[char:char + 200])
        return self.quote_starting_at(char + (gap.end() if gap else 0))

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_ends, char)

    def words(self, start: int, end: int) -> int:
        return len(WORD.findall(self.text[start:end]))

    def quoted_share(self, start: int, end: int) -> float:
        """Share of the words of [start, end) that lie inside quotation marks."""
        total = self.words(start, end)
        if not total:
            return 0.0
        k = max(0, bisect.bisect_right(self.quote_starts, start) - 1)
        quoted = 0
        for quote in self.quotes[k:]:
            if quote.start >= end:
                break
            if quote.end > start:
                quoted += self.words(max(start, quote.inner[0]), min(end, quote.inner[1]))
        return quoted / total

    def fragments(self, start: int, end: int, cue: tuple[int, int] | None) -> list[tuple[int, int]]:
        """The stretches of the content [start, end) that are what was said: a cue set between two of its
        quotations ("“A,” she said on Tuesday, recalling the vote. “B.”") is cut out with the rest of that
        interruption, from the end of the quotation before it to the start of the one after it; a cue set off by
        commas inside reported words ("Rents are rising, the minister said, with no end in sight") is cut out between
        its commas. The reporting words are no part of what was said; PolNeAR's Content leaves them out, as two
        fragments."""
        if cue is None or not start < cue[0] < cue[1] < end:
            return [(start, end)]
        before = [q.inner[1] for q in self.quotes if start < q.inner[1] <= cue[0]]
        after = [q.inner[0] for q in self.quotes if cue[1] <= q.inner[0] < end]
        if before and after:
            return [(start, max(before)), (min(after), end)]
        opening, closing = self.text.rfind(",", start, cue[0]), self.text.find(",", cue[1], end)
        if opening > start and closing != -1 and self.words(opening, closing) <= ASIDE_WORDS:
            rest = self.strip(closing, end)
            following = self.doc.char_span(rest[0], rest[1], alignment_mode="expand")
            if following is not None and following[0].pos_ in ("VERB", "AUX"):
                return [self.strip(start, opening), rest]  # "Freeing them, the mayor said, was ...": no comma before the verb
            head = opening + 1
            while head < cue[0] and self.text[head] in "”’»\"'":
                head += 1  # the comma closing quoted words before the cue ("Despite his “brash manner,” X wrote, ...")
            return [(start, head), rest]
        return [(start, end)]

    def content(self, first: Token, last: Token) -> tuple[int, int]:
        """Character span from ``first`` to ``last``, widened to the whole quotation its end cuts into, or that it
        opens with ("a dénoncé « une réforme brutale, injuste et mal préparée »": the parse may end the object early)."""
        start, end = first.idx, last.idx + len(last.text)
        opening = self.quote_around(start)
        if opening is not None and opening.closed and opening.inner[0] == start:
            start, end = opening.start, max(end, opening.end)
        closing = self.quote_around(end - 1)
        if closing is not None and closing.start >= start:
            end = max(end, closing.end if closing.closed else closing.inner[1])
        return self.strip(start, end)

    def strip(self, start: int, end: int) -> tuple[int, int]:
        """Trim white space and punctuation at the edges; a lone quotation is kept without its marks."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-("):
            end -= 1
        quote = self.quote_starting_at(start)
        if quote is not None and quote.inner[1] <= end and not self.text[quote.end:end].strip(" .!?…"):
            return quote.inner
        return start, end

    # -- the passes ----------------------------------------------------------------------------
