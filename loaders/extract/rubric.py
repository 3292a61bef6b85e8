"""The measure a French headline names by an action noun whose object is the headline's rubric.

"Changement d'heure : Bruxelles relance le projet de suppression" and "Titres-restaurant : l'utilisation en
supermarché prolongée" name what the article debates by a noun of action ("suppression", "utilisation") that
says what is done but not to what: the rubric before the colon says that. The measure is the noun with the
rubric as its complement ("suppression du changement d'heure", "utilisation des titres-restaurant en
supermarché"), as a reader joins them; neither the rubric alone (a theme) nor "projet de suppression" (the
procedure around an action on nothing) says which measure it is.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from policykg.loaders import lexicon as data
from policykg.loaders.extract.names import elided, fold
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import forms
from policykg.loaders.nlp import load_pipeline

ENDINGS = {language: tuple(data.load("targets", language)["action_noun_endings"]) for language in ("en", "fr")}
"""Endings of the nouns of action a headline names a measure by ("suppression", "utilisation")."""


def completed_by_rubric(rubric: str, news: str, offset: int, lex: Lexicon,
                        language: str) -> tuple[str, tuple[int, int]] | None:
    """The label of the measure ``news`` (the headline after its ``rubric``, starting at ``offset`` in the
    article) names by a noun of action with no complement of its own, the rubric as that complement, and the
    span of that noun with its own words after it; None when the news has no such noun."""
    endings = ENDINGS.get(language, ())
    if not endings:
        return None
    parsed = load_pipeline(language)(news)
    for noun in parsed:
        if noun.pos_ != "NOUN" or not fold(noun.text).endswith(endings) or not _measure(noun, lex) \
                or noun.i + 1 < len(parsed) and fold(parsed[noun.i + 1].text) in lex.measure_complements:
            continue
        rest = _own_words(noun, lex)
        label = " ".join([noun.text.lower(), _of(rubric, language), *(t.text for t in rest)])
        last = rest[-1] if rest else noun
        return label, (offset + noun.idx, offset + last.idx + len(last.text))
    return None


def _measure(noun: Token, lex: Lexicon) -> bool:
    """Whether the news makes an action noun a measure: what a policy noun plans ("le projet de suppression"),
    or what a verb that enacts a measure acts on ("l'utilisation en supermarché prolongée"); not an actor
    ("l'opposition dénonce"), nor an action the rubric already names as the theme it is ("Chalutage de fond :
    l'interdiction dans les aires protégées divise les ports")."""
    head = fold(noun.head.lemma_)
    if noun.dep_ == "nmod" and head in lex.policy_nouns and not head.endswith(ENDINGS[noun.lang_]):
        return True  # not "l'interdiction de location", an action on an action
    verbs = [c for c in noun.children if c.dep_ == "acl"] + ([noun.head] if noun.dep_ == "obj" else [])
    return any(f in lex.measure_verbs for verb in verbs for f in forms(verb))


def _own_words(noun: Token, lex: Lexicon) -> list[Token]:
    """The complements right after a noun that say how the action is done ("en supermarché"), up to a verb, a
    punctuation mark or a complement of place ("dans les eaux côtières")."""
    doc = noun.doc
    words = []
    for token in doc[noun.i + 1:]:
        if token.pos_ in ("VERB", "AUX", "PUNCT") or token.head.i < noun.i or not noun.is_ancestor(token) \
                or token.pos_ == "ADP" and fold(token.text) in lex.place_prepositions:
            break
        words.append(token)
    return words


def _of(rubric: str, language: str) -> str:
    """The rubric as a complement, "de" joined to the article its number and gender take ("des titres-restaurant",
    "du changement d'heure", "de la pêche", "de l'assurance chômage"); a name keeps its capital."""
    head = _head(load_pipeline(language)(rubric))
    words = rubric if head is not None and head.pos_ == "PROPN" else rubric[:1].lower() + rubric[1:]
    if head is not None and "Plur" in head.morph.get("Number"):
        return f"des {words}"
    if elided(words):
        return f"de l'{words}"
    return f"de la {words}" if head is not None and "Fem" in head.morph.get("Gender") else f"du {words}"


def _head(doc: Doc) -> Token | None:
    """The first noun of a short phrase, the head of a rubric."""
    return next((t for t in doc if t.pos_ in ("NOUN", "PROPN")), None)
