"""The measure a French "Rubric: news" headline names in its news: by an action noun whose object is the rubric, or by
the thing the news opens on.

"Changement d'heure : Bruxelles relance le projet de suppression" and "Titres-restaurant : l'utilisation en
supermarché prolongée" name what the article debates by a noun of action ("suppression", "utilisation") that
says what is done but not to what: the rubric before the colon says that. The measure is the noun with the
rubric as its complement ("suppression du changement d'heure", "utilisation des titres-restaurant en
supermarché"), as a reader joins them; neither the rubric alone (a theme) nor "projet de suppression" (the
procedure around an action on nothing) says which measure it is.

A news that opens on a thing ("Études de médecine : un tirage au sort partiel ...", « Noyades : un test de natation
obligatoire pour entrer en sixième ») names the measure by that noun phrase (``news_noun``), the rubric being the
field or the town.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from policykg.loaders import lexicon as data
from policykg.loaders.extract.headline_verb import DEBATED, NOUN_PREPOSITIONS, passive
from policykg.loaders.extract.names import elided, fold
from policykg.loaders.extract.policy_phrases import DEADLINES, hyphen
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import forms
from policykg.loaders.nlp import load_pipeline

ENDINGS = {language: tuple(data.load("targets", language)["action_noun_endings"]) for language in ("en", "fr")}
"""Endings of the nouns of action a headline names a measure by ("suppression", "utilisation")."""
HEADLINE_SUBJECT_WORDS = 6
"""The most words of a headline's subject ("Prix des billets de train : ...") or of the run of a noun phrase
that opens its news the body repeats."""
INDEFINITE = re.compile(r"\s*(?:(?:une?|an?|les?|la|the)\s+|l['’]\s*)([^,;:.!?«»“”\"]+)", re.IGNORECASE)
"""The noun phrase that opens a headline's news ("... : un tirage au sort partiel pour ...", "... : le permis de
louer imposé ...")."""


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


def news_noun(news: str, body: str, lex: Lexicon, language: str, *, debated: bool) -> tuple[int, int] | None:
    """The span in ``news`` (a "Rubric: a thing ..." headline after its colon) of the noun phrase that opens it and
    names the measure ("... : le permis de louer imposé ..."): the rubric is the field or the town, the news the
    measure. The longest run of the phrase's first words (two at least, or a noun of action alone: « la
    piétonnisation du centre-ville adoptée » and then « la piétonnisation ») that the body repeats after a
    definite article ("Études de médecine : un tirage au sort partiel ..." and then "Le tirage au sort est ..." →
    "tirage au sort"); else, when the article has ``debated`` a measure, an indefinite one's name (``_named_by``):
    « Noyades : un test de natation obligatoire pour entrer en sixième » is the « test de natation obligatoire »
    the body tells in other words (not « Vendanges : un accident mortel ... », news of no measure). None when the
    news opens on no such phrase."""
    opened = INDEFINITE.match(news)
    indefinite = opened is not None and fold(opened.group(0).split()[0]) in lex.indefinite
    if opened is None or not indefinite and not _undergoes(news, language):
        return None
    words = opened.group(1).split()
    action = words[0].lower().endswith(ENDINGS.get(language, ()))
    for count in range(min(len(words), HEADLINE_SUBJECT_WORDS), 0 if action else 1, -1):
        phrase = " ".join(words[:count])
        if fold(words[count - 1]) in lex.policy_prepositions:
            continue  # a run ends on a noun ("délai de" of "le délai de 48 heures" names nothing)
        if re.search(rf"\b(?:le|la|l['’]|the)\s*{re.escape(phrase)}\b", body, re.IGNORECASE):
            cut = _cut_participle(opened.group(1), len(phrase), language)
            end = cut if cut is not None else len(phrase)  # "voie réservée au covoiturage"
            return opened.start(1), opened.start(1) + end
    named = _named_by(news, opened.start(1), body, lex, language) if indefinite and debated else None
    return (opened.start(1), named) if named is not None else None


def _named_by(news: str, start: int, body: str, lex: Lexicon, language: str) -> int | None:
    """Where the name ends of the indefinite noun phrase that opens a headline's news at ``start``: its nouns and
    adjectives, with the complements a preposition of ``lex.policy_prepositions`` or ``NOUN_PREPOSITIONS`` joins
    to it with no determiner (« de natation », « de 48 heures », "on bars"), up to a verb or a participle, which
    the parser may tag an adjective of a clause (« un club | sanctionné par ... »), an adverb, a determiner, a
    word of ``DEADLINES`` or a punctuation mark (« un certificat médical | bientôt exigé », « une visite médicale
    obligatoire | à 75 ans ? », « un examen de vue obligatoire | tous les dix ans »); two words at least, as a
    bare noun says not which, headed by a noun the ``body`` writes ``DEBATED`` times, as it does the measure it
    debates (not « Vote obligatoire : une idée ancienne relancée ... »). None when it names nothing so."""
    parsed = load_pipeline(language)(news)
    joins = lex.policy_prepositions | NOUN_PREPOSITIONS.get(language, frozenset())
    last, named = None, 0
    for token in (t for t in parsed if t.idx >= start):
        after = parsed[token.i + 1] if token.i + 1 < len(parsed) else None
        clause = token.dep_.startswith(("acl", "relcl")) or "Part" in token.morph.get("VerbForm")
        if token.pos_ in ("NOUN", "ADJ") and not token.ent_type_ and not clause \
                and (after is None or after.pos_ != "DET") or hyphen(token):
            last, named = token, named + (not hyphen(token))
        elif not (last is not None and after is not None and (
                token.pos_ == "ADP" and fold(token.text) in joins and token.lower_ not in DEADLINES.get(language, ())
                and after.pos_ in ("NOUN", "NUM")
                or token.pos_ == "NUM" and after.pos_ == "NOUN" and fold(parsed[token.i - 1].text)
                in lex.policy_prepositions)):
            break
    head = next((t.text for t in parsed if t.idx >= start and t.pos_ == "NOUN"), None)
    if last is None or named < 2 or head is None \
            or len(re.findall(rf"(?<!\w){re.escape(head)}(?!\w)", body, re.IGNORECASE)) < DEBATED:
        return None
    return last.idx + len(last.text)


def _undergoes(news: str, language: str) -> bool:
    """Whether a headline's news tells what is done to the definite thing that opens it ("... : le permis de
    louer imposé dans trois quartiers"), by a passive verb: the thing is the measure; one that acts ("... :
    l'autorité pose ses conditions", « l'enquête s'ouvre ») is an actor or a procedure."""
    parsed = load_pipeline(language)(news.strip())
    verb = next((t for t in parsed if t.pos_ == "VERB"), None)
    return verb is not None and passive(verb) and not any(t.is_punct and not hyphen(t) for t in parsed[:verb.i])


def _cut_participle(phrase: str, end: int, language: str) -> int | None:
    """Where the complement ends of a participle that ends ``phrase[:end]`` ("voie réservée" in "voie réservée au
    covoiturage dès le printemps"): a clause cut short, which says not what the thing is reserved for; the
    headline's words name the measure whole. None when the run ends on no participle with a complement after
    it."""
    parsed = load_pipeline(language)(phrase)
    last = next((t for t in parsed if t.idx + len(t.text) == end), None)
    if last is None or "Part" not in last.morph.get("VerbForm"):
        return None
    complements = [c for c in last.rights if c.dep_ in ("obl", "obl:arg", "obl:mod", "obj", "prep", "dobj")]
    return complements[0].right_edge.idx + len(complements[0].right_edge.text) if complements else None
