"""Statements: who said what, found through quotation marks, verbs of saying and attribution phrases.

Every statement has a cue (or a quotation layout that stands for one) and a resolved speaker;
a statement whose speaker cannot be resolved is not emitted. The rules, named in each
statement's ``method``:

- ``quote+cue``: a quotation with its verb of saying before it ("X a déclaré : « ... »", "X said,
  “...”", also when the quotation opens the next paragraph), after it ("« ... », a déclaré X",
  "“...,” X said", a quotation of several sentences) or around it ("“A,” he said, “B.”"). A
  quotation embedded in a longer reported clause is part of that clause's statement.
- ``speech-verb``: reported speech, a verb of saying with its complement ("X affirme que ...",
  "X said he would ...", "X assure avoir ...") or with the clause before it ("..., a-t-il déclaré").
- ``directive-verb``: "X urged Y to ...", "X a exhorté Y à ...": the object and what follows.
- ``characterising-verb``: "X called Y “...”", "X a qualifié Y de « ... »": the object and the quotation.
- ``cue-phrase``: multi-word cues followed by a que/that clause ("ont exprimé la crainte que ...",
  "raised concerns that ...").
- ``according-to``: "selon X, ...", "..., according to X".
- ``read-in``: "« ... », lit-on dans le rapport": the speaker is the document, hence its publisher.
- ``source-of-previous``: "La nouvelle vient du quotidien X", "C'est ce qu'affirme X": the previous
  sentence is what X reported.
- ``quote+verb``: a quotation followed by a verb and its subject that the lexicon does not list
  ("“This is fantastic!” beamed X").
- ``colon-quote``: a quotation after a colon whose clause names the speaker ("Trump boomed: “...”",
  "John Bolton: ‘...’").
- ``quote-continuation``: a quotation with no cue of its own that carries on the previous speaker's
  words. A quotation left open at a paragraph end and resumed in the next is one statement; in
  the same paragraph, a resumed quotation extends the statement when the span stays mostly the
  speaker's words; a paragraph (or sentence) that is a closed quotation is a new statement of the
  same speaker.
- ``pull-quote``: a standalone paragraph ending with a person's name and no cue, or a quotation
  followed by a paragraph holding only a dash and a name.
- ``pour X, ...`` at the head of a French sentence counts as ``according-to`` only with a named source.

Scare quotes and titles ("une « réforme »", ``entitled “Our History”``) are no statements; verbs in
the passive or as bare participles ("Critiquée pour ...", "Asked about ..."), "ne ... que" ("only")
and lists of verbs are no cues; words inside a quotation never cue the article's own statements.

Speakers, resolved in text order: a name (an entity mention, or a name the NER missed, added to the
index); a role or title ("la ministre du Numérique", "the Home Secretary") through
``index.lookup`` or, when definite, the person in focus, unless a name stands in apposition ("le
ministre du Numérique, Claire Fontaine": the name wins); a pronoun (il, elle, he, she, they) or a
relative pronoun through the last compatible speaker or subject (a person's gender is read off the
article: titles, and gendered pronouns next to a lone subject), "it" only to an organisation that
just spoke; someone speaking for a named actor ("un porte-parole de Microsoft", "the Clinton campaign",
"Sanders' aides") as an entity acting for it; a document ("selon le rapport", "l'article") as its
publisher. Names inside quotations are the quoted speaker's words and never serve as antecedents,
nor do subjects inside reported speech. A grammatical subject that names no one ("a senior
official", "les manifestants") is an unnamed speaker of this article only (its key includes the
article id), with lower confidence.

Cue words live in ``loaders/data/<language>/cues.yaml``; nothing here is specific to a language.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon
from policykg.loaders.model import Article, Entity, Statement, slugify

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex

SPEAKER_TYPES = {"Person", "Company", "GovernmentBody", "LawEnforcement", "NGO", "MediaOutlet",
                 "Organization", "Platform", "Place"}
"""Entity types that can say something (features and topics cannot)."""

CONFIDENCE = {
    "quote+cue": 0.9, "speech-verb": 0.8, "according-to": 0.8, "directive-verb": 0.7,
    "characterising-verb": 0.7, "cue-phrase": 0.7, "read-in": 0.7, "quote-continuation": 0.7,
    "quote+verb": 0.6, "colon-quote": 0.6, "source-of-previous": 0.6, "pull-quote": 0.6,
}
"""Base confidence per rule; 0.1 less when the speaker comes from anaphora or the verb is an opinion verb."""

OPENING = {"«": "»", "“": "”", "„": "“", '"': '"', "''": "''", "‘": "’"}
"""Opening quotation marks and the mark that closes each."""
QUOTE_MARKS = set("«»“”„\"‘’") | {"''", "``"}
PASSIVE_DEPS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
COMPLEMENT_DEPS = {"ccomp", "xcomp"}
SKIPPABLE_DEPS = {"iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "advmod", "nsubj", "expl:subj", "punct",
                  "dative", "prep", "npadvmod", "prt", "compound:prt", "obj", "dobj", "nmod"}
"""Dependents that may stand between a cue verb and its content (addressee, inverted subject, adverbs)."""
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep", "acl", "dep"}
"""A participle or infinitive hanging on another verb by these takes that verb's subject ("..., saying that")."""
CLAUSE_DEPS = {"relcl", "acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "csubj"}
"""Dependents that are not part of a speaker's noun phrase."""
FOCUS_WINDOW = 1500
"""How far back (characters) a pronoun or a definite role looks for its antecedent."""
NEAR_WINDOW = 400
"""How far back "it" looks for an organisation that spoke or was a subject."""
CONTINUATION_GAP = 40
"""Most words of the article's own between a statement and a quotation that carries it on."""
WORD = re.compile(r"\w+")

Expression = tuple[Token, Span]
"""A speaker expression: the head word and its noun phrase."""


# ---------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True)
class Cues:
    """The cue lexicon of one language (see ``loaders/data/*/cues.yaml``)."""

    speech: frozenset[str]
    directive: frozenset[str]
    belief: frozenset[str]
    characterising: frozenset[str]
    addressee: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    according_to: tuple[tuple[str, ...], ...]
    according_to_named: tuple[tuple[str, ...], ...]
    read_in: frozenset[str]
    previous_subjects: frozenset[str]
    previous_verbs: frozenset[str]
    echo: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    restrictive: frozenset[str]
    negations: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    impersonal_pronouns: frozenset[str]
    organisation_pronouns: frozenset[str]
    possessives: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    including: frozenset[str]
    representatives: dict[str, tuple[str, str]]
    roles: frozenset[str]
    documents: frozenset[str]
    unnamed: frozenset[str]
    collectives: frozenset[str]
    titles: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.directive | self.belief | self.characterising


@cache
def load_cues(language: str) -> Cues:
    """The cue lexicon for ``language`` ('fr' or 'en'); FileNotFoundError for another language."""
    raw = lexicon.load("cues", language)

    def words(items: list[str] | None) -> frozenset[str]:
        return frozenset(item.lower() for item in items or ())

    def sequences(items: list[list[str]] | None) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(word.lower() for word in item) for item in items or ())

    verbs = raw["verbs"]
    previous = raw.get("source_of_previous") or {}
    restrictive = raw.get("restrictive_negation") or {}
    pronouns = raw.get("pronouns") or {}
    return Cues(
        speech=words(verbs.get("speech")),
        directive=words(verbs.get("directive")),
        belief=words(verbs.get("belief")),
        characterising=words(verbs.get("characterising")),
        addressee=words(verbs.get("addressee")),
        phrases=sequences(raw.get("phrases")),
        according_to=sequences(raw.get("according_to")),
        according_to_named=sequences(raw.get("according_to_named")),
        read_in=words(raw.get("read_in")),
        previous_subjects=words(previous.get("subjects")),
        previous_verbs=words(previous.get("verbs")),
        echo=sequences(previous.get("echo")),
        complementizers=words(raw.get("complementizers")),
        restrictive=words(restrictive.get("particles")),
        negations=words(restrictive.get("unless")),
        person_pronouns=words(pronouns.get("person")),
        group_pronouns=words(pronouns.get("group")),
        relative_pronouns=words(pronouns.get("relative")),
        impersonal_pronouns=words(pronouns.get("impersonal")),
        organisation_pronouns=words(pronouns.get("organisation")),
        possessives=words(pronouns.get("possessive")),
        male=words(pronouns.get("male")),
        female=words(pronouns.get("female")),
        male_titles=words(pronouns.get("male_titles")),
        female_titles=words(pronouns.get("female_titles")),
        including=words(raw.get("including")),
        representatives={word.lower(): (label, type_) for word, (label, type_) in (raw.get("representatives") or {}).items()},
        roles=words(raw.get("roles")),
        documents=words(raw.get("documents")),
        unnamed=words(raw.get("unnamed")),
        collectives=words(raw.get("collectives")),
        titles=words(raw.get("titles")),
    )


# ---------------------------------------------------------------------------------------------
# Quotations


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


# ---------------------------------------------------------------------------------------------
# Candidates: content and cue found, speaker still an expression to resolve


@dataclass
class Candidate:
    content: tuple[int, int]
    method: str
    cue: tuple[int, int] | None = None
    subjects: tuple[Expression, ...] = ()
    """Noun phrases that may name the speaker, best first (resolved later, in text order)."""
    grammatical: bool = True
    """Whether ``subjects[0]`` is the grammatical subject (only it may be an unnamed speaker), not a guess
    read off the words before the cue."""
    follows: Candidate | None = None
    """For a continuation: the statement whose speaker this one shares."""
    belief: bool = False
    speaker: Entity | None = None
    anaphoric: bool = False


class _Finder:
    """Finds the candidate statements of one document."""

    def __init__(self, article: Article, doc: Doc, cues: Cues):
        self.text = article.nlp_text()
        self.doc = doc
        self.cues = cues
        self.quotes = find_quotes(self.text)
        self.quote_starts = [q.start for q in self.quotes]
        self.paragraph_ends = [end for _, end in paragraphs(self.text)]
        self.candidates: list[Candidate] = []
        self.used_cues: set[int] = set()

    # -- quotations, spans and words -----------------------------------------------------------

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

    def content(self, first: Token, last: Token) -> tuple[int, int]:
        """Character span from ``first`` to ``last``, widened to the whole quotation its end cuts into."""
        start, end = first.idx, last.idx + len(last.text)
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

    def run(self) -> list[Candidate]:
        for match_id, start, end in self.matcher()(self.doc):
            kind = self.doc.vocab.strings[match_id]
            span = self.doc[start:end]
            if self.quote_around(span.start_char) is not None:
                continue
            if kind == "PHRASE":
                self.phrase_cue(span)
            elif kind in ("ACCORDING", "ACCORDING_NAMED"):
                self.according_to(span, named=kind == "ACCORDING_NAMED")
            else:
                self.echo(span)
        for token in self.doc:
            if token.i in self.used_cues or self.quote_around(token.idx) is not None:
                continue  # words inside a quotation are the quoted speaker's, not the article's
            lemma = token.lemma_.lower()
            if lemma in self.cues.read_in or token.lower_ in self.cues.read_in:
                self.read_in(token)
            elif token.pos_ == "VERB" and lemma in self.cues.previous_verbs:
                self.source_of_previous(token)
            elif self.is_verb_cue(token):
                self.verb_cue(token)
        self.quote_fallbacks()
        self.pull_quotes()
        return self.candidates

    def matcher(self) -> Matcher:
        matcher = Matcher(self.doc.vocab)
        gap = [{"IS_PUNCT": False, "OP": "?"}] * 3
        for phrase in self.cues.phrases:
            pattern: list[dict] = []
            for k, lemma in enumerate(phrase):
                pattern.extend(gap if k else [])
                pattern.append({"LEMMA": {"IN": [lemma, lemma.capitalize()]}})
            matcher.add("PHRASE", [pattern], greedy="LONGEST")
        for words in self.cues.according_to:
            matcher.add("ACCORDING", [[{"LOWER": word} for word in words]], greedy="LONGEST")
        for words in self.cues.according_to_named:
            matcher.add("ACCORDING_NAMED", [[{"IS_SENT_START": True, "LOWER": words[0]}, *({"LOWER": w} for w in words[1:])]])
        for words in self.cues.echo:
            matcher.add("ECHO", [[{"LOWER": word} for word in words]], greedy="LONGEST")
        return matcher

    def add(self, candidate: Candidate, *cue_tokens: Token) -> Candidate | None:
        """Keep a candidate with words in it; a verb of saying whose content is mostly quoted is ``quote+cue``."""
        if not self.words(*candidate.content):
            return None
        if candidate.method == "speech-verb" and self.quoted_share(*candidate.content) >= 0.5:
            candidate.method = "quote+cue"
        self.candidates.append(candidate)
        self.used_cues.update(token.i for token in cue_tokens)
        return candidate

    # -- verbs of saying -----------------------------------------------------------------------

    def is_verb_cue(self, token: Token) -> bool:
        return self.cue_lemma(token) is not None

    def cue_lemma(self, token: Token) -> str | None:
        """The lexicon verb ``token`` is a form of, if it is a cue."""
        if token.pos_ in ("VERB", "AUX"):
            # Through the lemma, or an infinitive the form stands for when the lemmatizer missed it ("estime").
            return next((form for form in _verb_forms(token) if form in self.cues.verbs), None)
        # Taggers read some inverted cues as nouns ("...” avance le syndicat): accepted right after a quote or comma.
        previous = token.nbor(-1) if token.i > 0 else None
        if previous is None or not (previous.text in QUOTE_MARKS or previous.text == ",") or not token.text.islower() \
                or any(child.dep_ == "det" for child in token.children):
            return None
        return next((form for form in _verb_forms(token) if form in self.cues.speech), None)

    def verb_cue(self, verb: Token, method: str | None = None) -> Candidate | None:
        """A statement around a verb: its content after it, else (postposed cue) before it."""
        if any(child.dep_ in PASSIVE_DEPS for child in verb.children) or _bare_participle(verb):
            return None  # "he is said to", "Critiquée pour", "Asked about": the subject is not the speaker
        lemma = self.cue_lemma(verb) or verb.lemma_.lower()
        cue_first, cue_last = _cue_extent(verb)
        subject = self.subject_of(verb)
        if subject is not None and (self.quote_around(subject.idx) is not None or (
                subject.head.i == verb.i and subject.i < verb.i and _separated(subject, cue_first))):
            subject = None  # "Le texte « ... », a déclaré la ministre": the parsed subject is in the content
        after_quote = self.phrase_after_quote(cue_first) if subject is None else None
        content = None
        inverted: Expression | None = None
        postposed = self.after_closing_quote(after_quote[1][0] if after_quote else cue_first, subject)
        if method is None and not postposed:
            content, method = self.forward_any(verb, cue_last, lemma)
        if content is None and after_quote is None:
            head = _inverted_subject(verb)
            inverted = expression(head) if head is not None else self.phrase_after_verb(verb)
        if content is None:
            content = self.backward_content(verb, subject, first=after_quote[1][0] if after_quote else None)
            if content is not None and lemma not in self.cues.speech and method != "quote+verb":
                # "“Quiet,” he demanded": any verb of the lexicon after a quotation reports it.
                content = content if self.quoted_share(*content) >= 0.5 else None
            method = method if method == "quote+verb" else "speech-verb"
        if content is None and postposed:
            content, method = self.forward_any(verb, cue_last, lemma)
        if content is None:
            return None
        heads = [expression(subject)] if subject is not None else []
        heads += [inverted] if inverted is not None else []
        heads += [after_quote] if after_quote is not None else []
        left = left_expression(cue_first, self.cues)
        if left is not None and subject is not None and _modifies(left[0], subject):
            left = None  # a noun inside the parsed subject ("the head of the messaging service") is not the speaker
        return self.add(Candidate(content, method, _span(cue_first, cue_last), (*heads, *([left] if left else [])),
                                  grammatical=bool(heads), belief=lemma in self.cues.belief and lemma not in self.cues.speech), verb)

    def forward_any(self, verb: Token, cue_last: Token, lemma: str) -> tuple[tuple[int, int] | None, str]:
        """The content after the cue, read as each kind of verb the lexicon lists the lemma under."""
        kinds = [("speech-verb", self.cues.speech | self.cues.belief), ("directive-verb", self.cues.directive),
                 ("characterising-verb", self.cues.characterising)]
        for method, lemmas in kinds:
            content = self.forward_content(verb, cue_last, method) if lemma in lemmas else None
            if content is not None:
                return content, method
        return None, "speech-verb"

    def forward_content(self, verb: Token, cue_last: Token, method: str) -> tuple[int, int] | None:
        """The content after the cue: a que/that clause, a colon, a quotation, a complement.

        Between the cue and the content only the verb's small dependents may stand: its addressee
        ("told reporters", "a déclaré à la presse"), an inverted subject, adverbs, punctuation; a
        quotation must follow the verb, a comma or a colon.
        """
        sent = verb.sent
        complements = [c for c in verb.children if c.i > verb.i and c.dep_ in COMPLEMENT_DEPS]
        if method == "directive-verb":
            # "X urged Y to act": with an infinitive or a clause only; the object is part of the content.
            infinitives = [t for c in verb.rights for t in c.subtree if t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm")]
            if not (complements or infinitives) or cue_last.i + 1 >= sent.end:
                return None
            last = max(t.right_edge for t in complements + infinitives)
            return self.content(self.doc[cue_last.i + 1], _sentence_end(last, sent))
        if method == "characterising-verb":
            # "X called Y “a disgrace”": the object and a quotation inside the verb's reach.
            reach = max([c.right_edge for c in verb.rights] or [verb], key=lambda t: t.i)
            quotes = [q for q in self.quotes if verb.idx < q.start < reach.idx + len(reach.text)]
            if not quotes or cue_last.i + 1 >= sent.end:
                return None
            between = self.doc.char_span(verb.idx + len(verb.text), quotes[0].start, alignment_mode="contract")
            if between is not None and any(self.cue_lemma(t) in self.cues.speech for t in between):
                return None  # "a critiqué X, affirmant que « ... »": the quotation is the nearer cue's
            closing = self.doc.char_span(quotes[0].end - 1, quotes[0].end, alignment_mode="expand")
            return self.content(self.doc[cue_last.i + 1], closing[-1]) if closing is not None else None
        skip: set[int] = set()
        for child in verb.rights:
            subtree = list(child.subtree)
            if child.dep_ in SKIPPABLE_DEPS and not (child.dep_ in ("obj", "dobj") and len(subtree) > 3):
                skip.update(t.i for t in subtree)
        restrictive = _restrictive_negation(verb, self.cues)
        previous = cue_last
        for token in self.doc[cue_last.i + 1:sent.end]:
            if token.is_space:
                continue
            quote = self.quote_starting_at(token.idx)
            if quote is not None and previous.text in (",", ":"):
                return quote.inner
            if quote is not None and previous.i == cue_last.i:
                # "Obama said “it gets me mad” every time ...": the quotation opens the reported clause.
                return self.content(token, self.clause_after(quote, sent))
            if quote is not None:
                return None
            if token.i in skip and token.text != ":":
                previous = token
                continue
            if token.text == ":" or (token.lower_ in self.cues.complementizers and not restrictive):
                nxt = _next_word(token, sent)
                if nxt is None:
                    after = self.quote_after(token.idx + 1) if token.text == ":" else None
                    return after.inner if after is not None else None
                return self.content(nxt, self.clause_end(nxt, complements, sent))
            if any(c.left_edge.i <= token.i <= c.right_edge.i for c in complements) and not token.is_punct:
                return self.content(token, self.clause_end(token, complements, sent))
            if token.i not in skip and not token.is_punct:
                return None
            previous = token
        return None

    def clause_after(self, quote: Quote, sent: Span) -> Token:
        """The last token of the clause a quotation opens: up to a comma, semicolon, conjunction or the sentence end."""
        closing = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")
        last = closing[-1] if closing is not None else sent[-1]
        if "," in self.text[quote.inner[1]:quote.end]:
            return last  # "citing ''the magic of Trump,'' said ...": the quotation ends the clause
        for token in self.doc[last.i + 1:sent.end]:
            if token.text in (",", ";", "—", "–") or token.pos_ == "CCONJ":
                break
            last = token
        return last

    def clause_end(self, first: Token, complements: list[Token], sent: Span) -> Token:
        """Last token of a reported clause: its complement's right edge, or the sentence end."""
        holders = [c for c in complements if c.left_edge.i <= first.i <= c.right_edge.i]
        return _sentence_end(holders[0].right_edge if holders else sent[-1], sent)

    def phrase_after_quote(self, cue_first: Token) -> Expression | None:
        """The words between a closing quotation mark and the cue ("“...,” Ramos, 58, told"), when the parse
        gives the cue no subject: they name the speaker."""
        doc = self.doc
        start = cue_first.i
        while start > max(cue_first.sent.start, cue_first.i - 10) and doc[start - 1].text not in QUOTE_MARKS:
            start -= 1
        quote = self.quote_around(doc[start - 1].idx) if start < cue_first.i and start > 0 else None
        if quote is None or doc[start - 1].text not in QUOTE_MARKS or doc[start].pos_ == "ADP":
            return None
        if self.text[quote.inner[1]:quote.end + 1].strip(" »”\"’'")[:1] not in (",", "!", "?"):
            return None  # a quoted term inside the sentence ("une « réforme » du ..."), not a quotation ending a clause
        words = [t for t in doc[start:cue_first.i] if not t.is_punct and not t.is_space]
        head = next((t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON") and t.lower_ not in self.cues.titles), None)
        return (head, doc[words[0].i:words[-1].i + 1]) if head is not None else None

    def after_closing_quote(self, first: Token, subject: Token | None) -> bool:
        """Whether the cue phrase (with a subject before the verb) directly follows a closing quotation
        mark: "“...,” he said, “...”" is postposed, whatever follows it."""
        if subject is not None and subject.i < first.i:
            first = next(t for t in subject.subtree if not t.is_punct)
        before = _previous_word(first)
        if before is not None and before.text == ",":
            before = _previous_word(before)
        return before is not None and before.text in QUOTE_MARKS and self.quote_around(before.idx) is not None \
            and self.quote_around(before.idx).end <= before.idx + len(before.text)

    def phrase_after_verb(self, verb: Token) -> Expression | None:
        """"“...,” said Edward Leamer, an economist ...": the words after a cue that follows a quotation,
        up to the next punctuation, when the parse did not make them its subject."""
        before = _previous_word(verb)
        if before is not None and before.text == ",":
            before = _previous_word(before)
        if before is None or before.text not in QUOTE_MARKS:
            return None
        words = []
        for token in self.doc[verb.i + 1:verb.sent.end]:
            if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
                break
            words.append(token)
        head = next((t for t in words if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in self.cues.titles), None)
        return (head, self.doc[words[0].i:words[-1].i + 1]) if head is not None else None

    def backward_content(self, verb: Token, subject: Token | None, *, standalone: bool = True,
                         first: Token | None = None) -> tuple[int, int] | None:
        """The content before a postposed cue ("« ... », a déclaré X", "..., sources said", "“A,” he said, “B.”").

        ``standalone``: the verb has no complement or object of its own after it (an addressee
        such as "told reporters" is allowed). ``first``: where the cue phrase starts, when known.
        """
        if standalone and any(c.dep_ in COMPLEMENT_DEPS for c in verb.rights):
            return None
        if verb.dep_ == "conj" and verb.head.i < verb.i:
            return None  # "ils lisent, commentent et partagent": a list of verbs, not a postposed cue
        if standalone and verb.pos_ == "VERB" and subject is not None and subject.i < verb.i \
                and verb.lemma_.lower() not in self.cues.addressee and any(c.dep_ in ("obj", "dobj") for c in verb.rights):
            return None  # "X a recensé dix plaintes": an object, not an inverted subject
        if first is None:
            first = _cue_extent(verb)[0]
        if subject is not None and subject.i < first.i:
            first = next(t for t in subject.subtree if not t.is_punct)
        before = _previous_word(first)
        if before is None or not (before.text in QUOTE_MARKS or before.text in (",", "—", "–")):
            return None
        sent = verb.sent
        end = before.idx + len(before.text) if before.text in QUOTE_MARKS else before.idx
        start = sent.start_char
        quote = self.quote_around(end - 1)
        if quote is not None and (quote.start < start or self.text[start:quote.start].rstrip().endswith((":", "-", "–", "—", "("))):
            start = quote.start  # a quotation of several sentences, or set off by a colon, a dash or a parenthesis
        start, end = self.strip(start, end)
        last = subject.right_edge if subject is not None and subject.i > verb.i else verb
        comma = _next_word(last, sent, skip_punct=False)
        goes_on = comma is not None and comma.text == "," and self.words(comma.idx, sent.end_char) >= 3
        quoted = self.quoted_share(start, end) >= 0.5
        if self.words(start, end) < (1 if quoted else 3) or not (quoted or self.has_verb(start, end)):
            # "In the three years since, Barden says, far too many lives have been lost": a cue inside the clause.
            return self.strip(start, sent.end_char) if goes_on and self.words(start, end) >= 1 else None
        # "“A,” he said, “B.”": a quotation resuming after the cue (and its comma) belongs to the same statement.
        k = bisect.bisect_right(self.quote_starts, verb.idx)
        resumed = self.quotes[k] if k < len(self.quotes) and self.quotes[k].start < sent.end_char else None
        if quote is not None and resumed is not None and self.text[:resumed.start].rstrip().endswith(",") \
                and self.joins((start, end), resumed):
            return start, resumed.inner[1]
        return start, end

    def has_verb(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def subject_of(self, verb: Token) -> Token | None:
        """The speaker's head word: the verb's subject, or that of the verb a participle hangs on."""
        token = verb
        for _ in range(4):
            for child in token.children:
                if child.dep_.startswith("nsubj") and child.dep_ not in PASSIVE_DEPS:
                    after = child.nbor(1) if child.i + 1 < len(child.doc) else None
                    if child.pos_ == "PRON" and after is not None and after.pos_ == "PRON" and after.head.i == token.i:
                        return after  # "a-t-il": the parser may take the euphonic "-t" for the subject
                    return child
            if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and _present_participle(token):
                return token.head  # "Durand, affirmant que ...", "officials saying ..."
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                break
            token = token.head
        return None

    # -- other cue families --------------------------------------------------------------------

    def phrase_cue(self, span: Span) -> None:
        """A multi-word cue followed by a que/that clause."""
        verb = next((t for t in span if t.pos_ in ("VERB", "AUX")), span.root)
        sent = span.sent
        after = _next_word(span[-1], sent, skip_punct=False)
        quote = self.quote_after(after.idx + 1) if after is not None and after.text in (",", ":") else None
        marker = next((t for t in self.doc[span.end:sent.end] if t.lower_ in self.cues.complementizers), None)
        first = _next_word(marker, sent) if marker is not None and quote is None else None
        if first is None and quote is None:
            return
        subject = self.subject_of(verb)
        left = left_expression(span[0], self.cues)
        heads = ([expression(subject)] if subject is not None else []) + ([left] if left else [])
        grammatical = subject is not None
        content = quote.inner if quote is not None else self.content(first, _sentence_end(sent[-1], sent))
        self.add(Candidate(content, "cue-phrase", _span(span[0], span[-1]), tuple(heads), grammatical=grammatical), *span)

    def according_to(self, span: Span, *, named: bool = False) -> None:
        """"selon X, ..." / "..., according to X": X is the speaker, the rest of the sentence the content.

        ``named``: a preposition that attributes only with a named source at the head of the sentence
        ("Pour Amnesty International, ..." but not "Pour la première fois, ...").
        """
        sent = span.sent
        source = _phrase_object(span, sent)
        if source is None or (named and _next_word(source.right_edge, sent, skip_punct=False) is not None
                              and _next_word(source.right_edge, sent, skip_punct=False).text != ","):
            return
        if all(t.is_punct or t.is_space for t in self.doc[sent.start:span.start]):
            after = _next_word(source.right_edge, sent)
            if after is None:
                return
            content = self.content(after, _sentence_end(sent[-1], sent))
        elif self.words(source.right_edge.idx + len(source.right_edge.text), sent.end_char) >= 3:
            content = self.strip(sent.start_char, sent.end_char)  # "X, selon Y, a ...": the whole sentence
        else:
            content = self.strip(sent.start_char, span.start_char)
        self.add(Candidate(content, "according-to", (span.start_char, span.end_char), (expression(source),),
                           grammatical=not named), *span)

    def read_in(self, verb: Token) -> None:
        """"« ... », lit-on dans le rapport": the document is the speaker."""
        holder = verb.head if verb.dep_ == "xcomp" else verb
        subjects = [c for t in {verb, holder} for c in t.children if c.dep_.startswith(("nsubj", "expl"))]
        source = next((c for c in verb.rights if c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "case" for g in c.children)), None)
        if source is None or not any(s.lower_ in self.cues.impersonal_pronouns for s in subjects):
            return
        first = holder if holder.i < verb.i else verb
        content = self.backward_content(first, None, standalone=False)
        if content is not None:
            self.add(Candidate(content, "read-in", _span(first, source.right_edge), (expression(source),)), verb)

    def source_of_previous(self, verb: Token) -> None:
        """"La nouvelle vient du quotidien X": X reported the previous sentence."""
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
        if subject is None or subject.lemma_.lower() not in self.cues.previous_subjects:
            return
        source = next((c for c in verb.rights if c.dep_.startswith("obl")), None)
        previous = _previous_sentence(verb.sent)
        if source is None or previous is None:
            return
        self.add(Candidate(self.strip(previous.start_char, previous.end_char), "source-of-previous",
                           _span(subject.left_edge, source.right_edge), (expression(source),)), verb)

    def echo(self, span: Span) -> None:
        """"C'est ce qu'affirme X" / "That's what X said": the previous sentence is X's."""
        sent = span.sent
        verb = next((t for t in self.doc[span.end:sent.end] if t.lemma_.lower() in self.cues.verbs), None)
        previous = _previous_sentence(sent)
        if span.start != sent.start or verb is None or previous is None:
            return
        subject = self.subject_of(verb)
        heads = [expression(h) for h in (subject, _inverted_subject(verb)) if h is not None]
        self.add(Candidate(self.strip(previous.start_char, previous.end_char), "source-of-previous",
                           _span(span[0], verb), tuple(heads)), verb, *span)

    # -- quotations without a cue of their own ---------------------------------------------------

    def quote_fallbacks(self) -> None:
        """Quotations no cue claimed: introduced by a colon, followed by an unlisted verb, or
        carrying on the previous speaker's words; anything else (a title, a scare-quoted term) is no statement."""
        for quote in self.quotes:
            if any(c.content[0] < quote.inner[1] and quote.inner[0] < c.content[1] for c in self.candidates):
                continue
            if self.colon_quote(quote) or self.quote_and_verb(quote):
                continue
            self.continuation(quote)

    def colon_quote(self, quote: Quote) -> bool:
        """"Trump boomed: “...”", "John Bolton: ‘...’", "she then boomed, ''...''": the clause before
        the colon (or a verb right before a comma) names the speaker."""
        before = self.text[:quote.start].rstrip()
        if not before.endswith((":", ",")) or quote.start - len(before) > 3 or self.words(*quote.inner) < 2:
            return False
        mark = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        word = _previous_word(mark[0]) if mark is not None else None
        if word is None:
            return False
        verb = word
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < verb.i and word.i - verb.head.i <= 4:
            verb = verb.head
        root = word.sent.root
        if before.endswith(":") and root.pos_ in ("VERB", "AUX") and root.i < word.i:
            verb = root  # "Clinton has since apologized for what happened: “...”": the main clause speaks
        if verb.pos_ not in ("VERB", "AUX") or verb.i in self.used_cues:
            verb = None
        subject = self.subject_of(verb) if verb is not None else None
        heads = [expression(subject)] if subject is not None else []
        if before.endswith(","):
            # "..., boomed, “...”": only a verb with its subject introduces a quotation this way.
            return bool(heads) and self.add(Candidate(quote.inner, "quote+verb", _span(verb, verb), tuple(heads)), verb) is not None
        left = left_expression(mark[0], self.cues)
        if not heads and left is None:
            return False
        cue = _span(verb, verb) if verb is not None else None
        return self.add(Candidate(quote.inner, "colon-quote", cue, (*heads, *([left] if left else [])),
                                  grammatical=bool(heads))) is not None

    def quote_and_verb(self, quote: Quote) -> bool:
        """"“...!” beamed X", "“...,” X gushed": a verb and its subject right after a quotation."""
        closing = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand") if quote.closed else None
        if closing is None or self.words(*quote.inner) < 3:
            return False
        sent = closing[-1].sent
        for token in self.doc[closing[-1].i + 1:min(sent.end, closing[-1].i + 7)]:
            if token.pos_ != "VERB":
                continue
            subject = self.subject_of(token)
            if subject is None or subject.i < closing[-1].i or token.i in self.used_cues:
                return False
            return self.verb_cue(token, "quote+verb") is not None
        return False

    def continuation(self, quote: Quote) -> None:
        """A quotation carrying on the previous statement: it extends it within a paragraph, and is a
        statement of the same speaker when it opens a paragraph or a sentence."""
        previous = self.previous_statement(quote)
        if previous is None:
            return
        if quote.continues is None and not self.opens_sentence(quote):
            return  # a title or a quoted term inside the article's own sentence
        if quote.continues is not None and quote.continues.start < previous.content[1] <= quote.continues.end:
            previous.content = (previous.content[0], quote.inner[1])  # one quotation over two paragraphs
            return
        if self.paragraph_of(previous.content[1] - 1) == self.paragraph_of(quote.start) and self.quoted_share(*previous.content) > 0:
            if self.joins(previous.content, quote):
                previous.content = (previous.content[0], quote.inner[1])
                return
        self.add(Candidate(quote.inner, "quote-continuation", follows=previous))

    def joins(self, content: tuple[int, int], quote: Quote) -> bool:
        """Whether a quotation resuming the same speaker's words after an interruption ("“A,” he said
        on Tuesday. “B.”") joins the content. A statement has one contiguous span, so joining takes the
        interruption in too: it joins when the joined span overlaps the speaker's words A+B better
        (word F1) than A alone does."""
        a, b = self.words(*content), self.words(*quote.inner)
        between = self.words(content[1], quote.start)
        return 2 * (a + b) / (2 * (a + b) + between) >= 2 * a / (2 * a + b)

    def opens_sentence(self, quote: Quote) -> bool:
        """Whether a quotation of a few words or more begins its sentence (it is not a term inside one)."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        return span is not None and not self.text[span[0].sent.start_char:quote.start].strip() and self.words(*quote.inner) >= 3

    def previous_statement(self, quote: Quote) -> Candidate | None:
        """The statement just before ``quote`` when nothing but a short stretch separates them."""
        before = [c for c in self.candidates if c.content[1] <= quote.start and c.method != "pull-quote"]
        if not before:
            return None
        last = max(before, key=lambda c: c.content[1])
        if quote.continues is not None and quote.continues.inner[0] <= last.content[1] <= quote.continues.end:
            return last
        gap = self.text[last.content[1]:quote.start]
        if gap.count("\n") > 2 or self.words(last.content[1], quote.start) > CONTINUATION_GAP:
            return None
        return last

    def pull_quotes(self) -> None:
        """A paragraph of several words ending with a bare name and no cue, or a quotation followed by a
        paragraph that is only a dash and a name ("“...”" / "- Bernie Sanders."): a pull quote."""
        previous: tuple[int, int] | None = None
        for start, end in paragraphs(self.text):
            signature = self.dash_name(start, end)
            quote = self.quote_after(previous[0]) if previous is not None and signature is not None else None
            if quote is not None and quote.start < previous[1] and self.words(*quote.inner) >= 0.8 * self.words(*previous) \
                    and not any(c.content[0] < quote.inner[1] and quote.inner[0] < c.content[1] for c in self.candidates):
                self.add(Candidate(quote.inner, "pull-quote", subjects=(signature,)))
            previous = (start, end)
            span = self.doc.char_span(start, end, alignment_mode="expand")
            sents = list(span.sents) if span is not None else []
            if len(sents) < 2:
                continue
            names = [t for t in sents[-1] if not t.is_punct and not t.is_space]
            if not 2 <= len(names) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names):
                continue
            content = self.strip(start, sents[-1].start_char)
            if self.words(*content) < 6 or any(c.content[0] < content[1] and content[0] < c.content[1] for c in self.candidates):
                continue
            self.add(Candidate(content, "pull-quote", subjects=((names[-1], self.doc[names[0].i:names[-1].i + 1]),)))

    def dash_name(self, start: int, end: int) -> Expression | None:
        """A paragraph that is a dash and one to four capitalised words ("— Bernie Sanders.")."""
        if not re.match(r"\s*[-–—]", self.text[start:end]):
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
        if not 1 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words):
            return None
        return words[-1], self.doc[words[0].i:words[-1].i + 1]


# ---------------------------------------------------------------------------------------------
# Token helpers


def _span(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)


def _verb_forms(token: Token) -> list[str]:
    """The lemma, then infinitives a mis-lemmatised form may stand for ("estime" → "estimer", "notes" → "note")."""
    lower = token.lower_
    return [token.lemma_.lower(), lower, lower + "r", lower.removesuffix("s")]


def _bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary (nor one a few words before it: "a de son côté appelé") is
    passive or adjectival ("Critiquée pour", "Asked about")."""
    past_participle = verb.tag_ == "VBN" or ("Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"))
    auxiliary = any(t.pos_ == "AUX" for t in verb.doc[max(verb.sent.start, verb.i - 5):verb.i])
    modifier = verb.dep_ in ("acl", "advcl", "amod") or verb.i == verb.sent.start
    return past_participle and modifier and not auxiliary and not any(child.dep_.startswith("nsubj") for child in verb.children)


def _modifies(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs on ``head`` through nominal modifiers only ("service" in "the head of the service")."""
    for _ in range(6):
        if token.i == head.i:
            return True
        if token.dep_ not in ("nmod", "pobj", "prep", "compound", "case", "amod", "poss", "nmod:poss") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _capitalised_noun(token: Token) -> bool:
    """A common noun written with a capital inside a sentence: part of a name ("the Home Office")."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start \
        and any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in token.children) or (
        token.pos_ == "NOUN" and token.dep_ == "compound" and token.text[:1].isupper() and not token.is_sent_start)


def _present_participle(verb: Token) -> bool:
    return verb.tag_ == "VBG" or ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"))


def _restrictive_negation(verb: Token, cues: Cues) -> bool:
    """"n'a recensé que dix plaintes": "ne ... que" means "only", and the que opens no clause."""
    words = {child.lower_ for child in verb.children}
    return bool(words & cues.restrictive) and not words & cues.negations


def _cue_extent(verb: Token) -> tuple[Token, Token]:
    """First and last token of the cue words: auxiliaries, inverted clitic subject, the verb, its particle."""
    first = last = verb
    for child in verb.children:
        if child.dep_.startswith("aux") and child.i < verb.i and verb.i - child.i <= 4:
            first = min(first, child, key=lambda t: t.i)
        if child.dep_ in ("prt", "compound:prt") and child.i > verb.i:
            last = max(last, child, key=lambda t: t.i)
    return first, last


def _previous_word(token: Token) -> Token | None:
    """The token before ``token``, past white space."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _next_word(token: Token, sent: Span, *, skip_punct: bool = True) -> Token | None:
    """The next token of the sentence, past white space (and commas and colons, with ``skip_punct``)."""
    for candidate in token.doc[token.i + 1:max(sent.end, token.i + 1)]:
        if not candidate.is_space and not (skip_punct and candidate.text in (",", ":")):
            return candidate
    return None


def _sentence_end(token: Token, sent: Span) -> Token:
    """``token``, or the sentence's final punctuation when only punctuation follows it."""
    rest = sent.doc[token.i + 1:sent.end]
    if all(t.is_punct or t.is_space for t in rest):
        for t in reversed(rest):
            if not t.is_space:
                return t
    return token


def _separated(subject: Token, cue_first: Token) -> bool:
    """Whether a comma or quotation mark stands between a subject and its cue (the subject is then in the content)."""
    return any(t.text == "," or t.text in QUOTE_MARKS for t in subject.doc[subject.right_edge.i + 1:cue_first.i])


def _inverted_subject(verb: Token) -> Token | None:
    """"..., a déclaré le ministre": the noun phrase after the verb, sometimes parsed as its object."""
    for child in verb.rights:
        if child.dep_ in ("obj", "dobj", "nsubj", "obl:arg", "nmod") and child.pos_ in ("NOUN", "PROPN", "PRON") \
                and not any(grandchild.dep_ == "case" for grandchild in child.children):
            return child
    return None


def _phrase_object(span: Span, sent: Span) -> Token | None:
    """The head of the noun phrase after "selon" / "according to"."""
    first = _next_word(span[-1], sent)
    if first is None:
        return None
    head = first
    while span.end <= head.head.i < sent.end and head.head.i != head.i and head.dep_ in NOUN_PHRASE_DEPS:
        head = head.head
    return head if head.pos_ in ("PROPN", "NOUN", "PRON", "X") or head.ent_type_ else None


def _previous_sentence(sent: Span) -> Span | None:
    previous = sent
    while previous.start > 0:
        previous = sent.doc[previous.start - 1].sent
        if previous.text.strip():
            return previous
    return None


NOT_SPEAKER_NER = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "GPE", "LOC", "EVENT",
                   "WORK_OF_ART", "LAW", "LANGUAGE", "FAC", "PRODUCT"}
"""spaCy entity labels of words that are not speakers when the knowledge base and the index do not know them."""
NOUN_PHRASE_DEPS = {"flat", "flat:name", "compound", "nmod", "appos", "fixed", "amod", "nummod", "det", "case", "poss"}


def noun_phrase(head: Token) -> Span:
    """The noun phrase of ``head``: its subtree without clauses hanging on it, as one contiguous stretch."""
    excluded = {t.i for child in head.children if child.dep_ in CLAUSE_DEPS for t in child.subtree}
    members = {t.i for t in head.subtree if t.i not in excluded}
    left = right = head.i
    while left - 1 in members:
        left -= 1
    while right + 1 in members:
        right += 1
    return head.doc[left:right + 1]


def expression(head: Token) -> Expression:
    return head, noun_phrase(head)


def left_expression(token: Token, cues: Cues) -> Expression | None:
    """The noun phrase just before ``token``, read off the words when the parse gives no usable subject.

    "Le Monde affirme", "un porte-parole de la société a déclaré": past auxiliaries, adverbs
    and clitics, a run of nouns, names, determiners and "de"/"of" links; its head is the first noun
    or name.
    """
    doc = token.doc
    start_of_sentence = token.sent.start
    i = token.i - 1
    while i >= start_of_sentence and (doc[i].dep_.startswith("aux") or doc[i].pos_ in ("ADV", "AUX", "PART", "SPACE")):
        i -= 1
    if i > start_of_sentence and doc[i].text == ",":
        i -= 1  # "her adviser, Jake Sullivan, said"
    if i > start_of_sentence and doc[i].text == ")":
        while i > start_of_sentence and doc[i].text != "(":
            i -= 1  # "Rep. Trey Gowdy (R-S.C.):"
        i -= 1
    end = i
    while i >= start_of_sentence and (doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "X", "NUM") or doc[i].ent_type_
                                      or (doc[i].pos_ == "ADP" and i < end and doc[i + 1].pos_ in ("PROPN", "NOUN", "DET", "X"))):
        i -= 1
    if i + 1 > end:
        return None
    words = [t for t in doc[i + 1:end + 1] if t.pos_ in ("PROPN", "NOUN", "X") and t.lower_ not in cues.titles]
    return (words[0], doc[i + 1:end + 1]) if words else None


# ---------------------------------------------------------------------------------------------
# Speakers


class _Speakers:
    """Resolves speaker expressions in text order, remembering who was in focus."""

    def __init__(self, article_id: str, doc: Doc, index: EntityIndex, cues: Cues, quoted: Callable[[int], bool],
                 reported: Callable[[int], bool]):
        self.article_id = article_id
        self.doc = doc
        self.index = index
        self.cues = cues
        self.mentions: list[tuple[int, bool, Entity]] = []
        """(char, is a grammatical subject of the article's own words, entity) for every actor mention
        outside quotations, in text order; a subject inside reported speech is a mere mention."""
        for (start, end), entity in index.mentions_between(0, len(doc.text)):
            if entity.type in SPEAKER_TYPES and not quoted(start):
                span = doc.char_span(start, end, alignment_mode="expand")
                subject = span is not None and span.root.dep_.startswith("nsubj") and not reported(start)
                self.mentions.append((start, subject, entity))
        self.mention_starts = [m[0] for m in self.mentions]
        self.spoken: list[tuple[int, Entity]] = []
        self.genders = self.read_genders(quoted)

    def read_genders(self, quoted: Callable[[int], bool]) -> dict[str, str]:
        """Each person's gender as the article shows it: a title before the name ("Mrs.", "M."), or the
        gendered pronouns of sentences whose only person is their subject ("Clinton said her ...")."""
        votes: dict[str, list[str]] = {}
        cues = self.cues
        for (start, _), entity in self.index.mentions_between(0, len(self.doc.text)):
            first = self.doc.char_span(start, start + 1, alignment_mode="expand")
            title = _previous_word(first[0]) if first is not None else None
            if entity.type == "Person" and title is not None:
                gender = "m" if title.lower_ in cues.male_titles else "f" if title.lower_ in cues.female_titles else None
                votes.setdefault(entity.key, []).extend([gender] * 3 if gender else [])
        for sent in self.doc.sents:
            k = bisect.bisect_left(self.mention_starts, sent.start_char)
            people = {e.key for char, subject, e in self.mentions[k:] if char < sent.end_char and e.type == "Person" and subject}
            if len(people) != 1:
                continue
            words = {t.lower_ for t in sent if t.pos_ == "PRON" and not quoted(t.idx)}
            genders = {"m"} if words & cues.male and not words & cues.female else \
                {"f"} if words & cues.female and not words & cues.male else set()
            for gender in genders:
                votes.setdefault(people.pop(), []).append(gender)
        return {key: max(set(v), key=v.count) for key, v in votes.items() if v}

    def note(self, at: int, entity: Entity) -> None:
        """``entity`` spoke at ``at``: it is now in focus."""
        self.spoken.append((at, entity))

    def resolve(self, spoken_by: Expression, *, unnamed: bool = False) -> tuple[Entity | None, bool]:
        """The entity a speaker expression names, and whether it was reached through anaphora.

        With ``unnamed``, a common noun that names no one ("a source", "the board") makes an
        unnamed speaker; callers try every expression without it first.
        """
        head, phrase = spoken_by
        lower, lemma = head.lower_, head.lemma_.lower()
        cues = self.cues
        if lower in cues.relative_pronouns and head.head.dep_ in ("relcl", "acl:relcl", "acl"):
            return self.resolve(expression(head.head.head), unnamed=unnamed)
        if lower in cues.person_pronouns:
            gender = "m" if lower in cues.male else "f" if lower in cues.female else None
            return self.in_focus(head.idx, persons=True, gender=gender), True
        if lower in cues.group_pronouns:
            return self.in_focus(head.idx, persons=False), True
        if lower in cues.organisation_pronouns:
            # "the company said ... It added": only an organisation that has just spoken or is the subject next door.
            return self.in_focus(head.idx, persons=False, window=NEAR_WINDOW), True
        if head.pos_ == "PRON" and lower not in cues.unnamed:
            return None, False
        named = self.entity_at(head)
        if named is not None and named.type == "Person":
            return named, False
        member = self.named_member(head, phrase)
        if member is not None:
            return member, False
        if (lemma in cues.representatives or lower in cues.representatives) and head.text.islower():
            entity = self.representative(head, phrase)
            return (entity, False) if entity is not None or not unnamed else (self.unnamed(phrase), True)
        if named is not None:
            return named, False
        if head.pos_ == "PROPN" or _capitalised_noun(head):
            return self.missed_name(head), False
        label = _phrase_label(phrase)
        known = self.index.lookup(label) if label else None
        role = lemma in cues.roles or lower in cues.roles
        if known is not None and known.type in SPEAKER_TYPES and (known.type == "Person" or not role):
            return known, False
        definite = _definite(head)
        focus = None
        if role and definite:
            focus = self.in_focus(head.idx, persons=True)
        elif lemma in cues.documents or lower in cues.documents:
            inside = [e for _, e in self.index.mentions_between(phrase.start_char, phrase.end_char) if e.type in SPEAKER_TYPES]
            if inside:
                return inside[0], False
            if definite:
                focus = self.in_focus(head.idx, persons=False, speakers_first=True)
        if focus is not None:
            return focus, True
        if unnamed and (head.pos_ == "NOUN" or lower in cues.unnamed):
            return self.unnamed(phrase), True
        return None, False

    def unnamed(self, phrase: Span) -> Entity | None:
        """"a source familiar with ...", "les manifestants": a speaker the article does not name, as an
        entity of this article only (two articles' "a source" are not the same person)."""
        head = phrase.root
        words = [t for t in phrase if not t.is_space and t.i >= head.i]
        words = words[:next((k for k, t in enumerate(words) if t.is_punct), len(words))]
        before = head.i - 1
        while before >= phrase.start and phrase.doc[before].pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN"):
            words.insert(0, phrase.doc[before])
            before -= 1
        if not words:
            return None
        label = self.doc.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        type_ = "Organization" if head.lemma_.lower() in self.cues.collectives else "Person"
        return self.index.add(label, type_, (words[0].idx, words[-1].idx + len(words[-1].text)),
                              key=slugify(f"{self.article_id} {label}"))

    def entity_at(self, token: Token) -> Entity | None:
        entity = self.index.entity_at(token.idx, token.idx + len(token.text))
        return entity if entity is not None and entity.type in SPEAKER_TYPES else None

    def named_member(self, head: Token, phrase: Span) -> Entity | None:
        """"la ministre du Numérique, Claire Fontaine", "critics, including Mr X", "le quotidien Le Monde",
        "Secretary of State John Kerry": the name wins. A name after a preposition ("le patron de Renault") does not."""
        for (start, end), entity in self.index.mentions_between(phrase.start_char, phrase.end_char):
            if start <= head.idx or entity.type not in SPEAKER_TYPES:
                continue
            name = self.doc.char_span(start, start + 1, alignment_mode="expand")
            marker = _previous_word(name[0]) if name is not None else None
            while marker is not None and marker.i > head.i and marker.lower_ in self.cues.titles:
                marker = _previous_word(marker)
            if marker is None:
                continue
            apposed = marker.i == head.i or marker.text == "," or marker.lower_ in self.cues.including
            titled = entity.type == "Person" and marker.pos_ in ("PROPN", "NOUN") and marker.text[:1].isupper()
            # "Former secretary of state Hillary Clinton": a person's name closing the phrase, after a title.
            closing = entity.type == "Person" and end >= phrase.end_char and marker.pos_ in ("NOUN", "PROPN", "ADJ")
            if apposed or titled or closing:
                return entity
        return None

    def representative(self, head: Token, phrase: Span) -> Entity | None:
        """Someone speaking for a named actor: "un porte-parole de Microsoft", "the Clinton campaign", "his aides"."""
        label, type_ = self.cues.representatives.get(head.lemma_.lower()) or self.cues.representatives[head.lower_]
        principals = [e for (s, end), e in self.index.mentions_between(phrase.start_char, phrase.end_char)
                      if e.type in SPEAKER_TYPES and not e.acts_for and not s <= head.idx < end]
        principal = principals[0] if principals else None
        owner = next((c for c in head.children if c.pos_ == "PROPN" and c.dep_ in ("poss", "nmod:poss", "compound", "nmod")), None)
        if principal is None and owner is not None:
            principal = self.missed_name(owner)  # "O’Malley’s campaign" when the NER saw no name there
        if principal is None and any(c.lower_ in self.cues.possessives for c in head.children):
            principal = self.in_focus(head.idx, persons=True)
        if principal is None:
            known = self.entity_at(head)
            return known if known is not None and known.acts_for else None
        name = _short_name(principal)
        return self.index.add(f"{name} {label}", type_, (phrase.start_char, phrase.end_char),
                              key=f"{principal.key}-{slugify(label)}", acts_for=principal.key)

    def missed_name(self, head: Token) -> Entity | None:
        """A name the NER did not catch: looked up, else added to the index."""
        parts = sorted([head, *(c for c in head.children if c.dep_ in ("flat", "flat:name", "compound")
                                and (c.pos_ == "PROPN" or _capitalised_noun(c)))], key=lambda t: t.i)
        label = " ".join(t.text for t in parts if t.lower_ not in self.cues.titles)
        if not label[:1].isupper():
            return None
        known = self.index.lookup(label)
        if known is not None or head.ent_type_ in NOT_SPEAKER_NER:
            return known if known is not None and known.type in SPEAKER_TYPES else None
        titled = any(t.lower_ in self.cues.titles for t in head.subtree)
        type_ = "Person" if titled or (head.ent_type_ in ("PER", "PERSON", "") and head.pos_ == "PROPN") else "Organization"
        return self.index.add(label, type_, (parts[0].idx, parts[-1].idx + len(parts[-1].text)))

    def in_focus(self, at: int, *, persons: bool, speakers_first: bool = False, gender: str | None = None,
                 window: int = FOCUS_WINDOW) -> Entity | None:
        """The entity in focus just before ``at``: a person or (``persons=False``) an organisation.

        The most recent speaker or grammatical subject wins over a mere mention, the fallback.
        With ``speakers_first`` (a document: "l'article", "the report") an earlier speaker wins
        over any later subject. A person of the other ``gender`` never fits.
        """
        def fits(entity: Entity) -> bool:
            return (entity.type == "Person") == persons and entity.type in SPEAKER_TYPES and entity.type != "Place" \
                and self.genders.get(entity.key, gender) == gender

        earliest = max(0, at - window)
        spoken = [(char, 2, entity) for char, entity in self.spoken if earliest <= char < at and fits(entity)]
        if speakers_first and spoken:
            return spoken[-1][2]
        events = list(spoken)
        for char, is_subject, entity in self.mentions[bisect.bisect_left(self.mention_starts, earliest):]:
            if char >= at:
                break
            if fits(entity):
                events.append((char, int(is_subject), entity))
        strong = [e for e in events if e[1] > 0]
        if window < FOCUS_WINDOW:
            events = strong  # a short reach: only a speaker or a subject
        return max(strong or events, key=lambda e: (e[0], e[1]))[2] if events else None


def _phrase_label(phrase: Span) -> str:
    """The phrase without its leading determiner or what follows a comma: "la ministre du Numérique" → "ministre du Numérique"."""
    tokens = [t for t in phrase if not t.is_space]
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].is_punct):
        tokens = tokens[1:]
    tokens = tokens[:next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))]
    return phrase.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)] if tokens else ""


def _definite(head: Token) -> bool:
    """Whether a noun phrase is definite ("le ministre", "the senator"), not "un porte-parole"."""
    for child in head.children:
        if child.dep_ in ("det", "poss", "nmod:poss"):
            return "Ind" not in child.morph.get("Definite") and child.lower_ not in ("a", "an", "some", "un", "une", "des")
    return False


def _short_name(entity: Entity) -> str:
    """An organisation's acronym when it has one ("AWS"), else its label."""
    acronyms = [a for a in entity.aliases if a.isupper() and 2 <= len(a) <= 6 and " " not in a]
    return min(acronyms, key=len) if acronyms and entity.type != "Person" else entity.label


# ---------------------------------------------------------------------------------------------
# Entry point


def find_statements(article: Article, doc: Doc, index: EntityIndex) -> list[Statement]:
    """Direct and reported statements of ``article``, each with a resolved speaker, in text order."""
    language = (article.language or doc.lang_ or "").split("-")[0]
    try:
        cues = load_cues(language)
    except FileNotFoundError:
        return []
    finder = _Finder(article, doc, cues)
    candidates = _deduplicate(finder.run())
    contents = sorted(c.content for c in candidates)
    starts = [start for start, _ in contents]

    def reported(char: int) -> bool:
        k = bisect.bisect_right(starts, char) - 1
        return any(start <= char < end for start, end in contents[max(0, k - 3):k + 1])

    speakers = _Speakers(article.id, doc, index, cues, lambda char: finder.quote_around(char) is not None, reported)
    statements: list[Statement] = []
    for candidate in sorted(candidates, key=lambda c: min(c.content[0], (c.cue or c.content)[0])):
        if candidate.follows is not None:
            candidate.speaker, candidate.anaphoric = candidate.follows.speaker, True
        # Every expression for a named speaker first; only the grammatical subject may be an unnamed one.
        unnamed_ok = candidate.subjects[:1] if candidate.grammatical else ()
        for head, unnamed in [*((h, False) for h in candidate.subjects), *((h, True) for h in unnamed_ok)]:
            if candidate.speaker is not None:
                break
            candidate.speaker, candidate.anaphoric = speakers.resolve(head, unnamed=unnamed)
        if candidate.speaker is None:
            continue
        speakers.note((candidate.cue or candidate.content)[0], candidate.speaker)
        statements.append(_statement(article, doc, finder, candidate))
    return sorted(statements, key=lambda s: s.start)


def _deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per content: of two that nearly coincide, the one found first (the stronger rule) stays.

    Nested statements with their own cues ("X said that Y told him Z") are both kept.
    """
    kept: list[Candidate] = []
    for candidate in candidates:
        start, end = candidate.content
        for other in kept:
            overlap = min(end, other.content[1]) - max(start, other.content[0])
            lengths = sorted((end - start, other.content[1] - other.content[0]))
            if overlap > 0.8 * lengths[0] and (candidate.cue is None or other.cue is None or overlap > 0.8 * lengths[1]):
                break
        else:
            kept.append(candidate)
    return kept


def _statement(article: Article, doc: Doc, finder: _Finder, candidate: Candidate) -> Statement:
    start, end = candidate.content
    confidence = CONFIDENCE[candidate.method] - 0.1 * candidate.anaphoric - 0.1 * candidate.belief
    bounds = [start, end, *(candidate.cue or ())]
    first = doc.char_span(min(bounds), min(bounds) + 1, alignment_mode="expand")
    last = doc.char_span(max(bounds) - 1, max(bounds), alignment_mode="expand")
    sentence = article.text[first[0].sent.start_char:last[-1].sent.end_char].strip() if first and last else ""
    return Statement(
        speaker=candidate.speaker.key,
        kind="direct" if finder.quoted_share(start, end) >= 0.5 else "indirect",
        content=article.text[start:end],
        start=start,
        end=end,
        cue=article.text[candidate.cue[0]:candidate.cue[1]] if candidate.cue else None,
        cue_span=candidate.cue,
        sentence=sentence,
        confidence=round(confidence, 2),
        method=candidate.method,
    )
