"""The policies an article debates (laws, bills, measures, agreements), as Topic entities statements can be about.

Policy news argues over one measure, and its statements are about it even when they do not name it ("On nous a
promis une concertation", "it would bury small companies under paperwork"). A policy is:

1. a law the recogniser named ("the AI Act", "the Safety of Rwanda Bill", the knowledge base's laws);
2. the first noun phrase of the headline, or else of the lead sentence, headed by a policy noun and saying
   which policy (not a bare "ban", unless the lead says who decided it: "under plans approved by ..."):
   "Ministers announce ban on mobile phones in schools", "MPs debate a bill requiring landlords to ...",
   "Budget : l'Assemblée adopte une taxe sur les superprofits", the way headlines name the measure under debate;
   failing both, the measure the headline reports by its verb, named by the verb's noun and what it acts on ("Town
   votes to cap holiday lets at 90 nights a year" → "cap on holiday lets", "Visas cut by a third" → "cut in visas",
   "L'académie supprime les notes" → "suppression des notes"), as a reader names what the article debates;
3. failing that, the subject of a headline written "Subject: news" ("Encadrement des loyers : les
   propriétaires montent au créneau") or "Subject? news" ("Un dimanche sans chasse ? ..."), when that subject is
   no actor or place: French press puts a rubric there (a theme, "Budget", "Logement social"), which names the
   measure only when nothing else does, when the phrase does not say which ("Assurance chômage : les syndicats
   contre la nouvelle réforme"), when the phrase only names the text that carries it ("Aide à mourir : ..." and
   "le projet de loi sur l'aide à mourir"), or when it is headed by a policy noun itself ("Accord avec le
   Mercosur : ..."); a subject that is a clause is news, not a rubric ("Villebrune passe à 30 km/h : ...").
   A rubric that completes the noun of action the news makes a measure of is named with it ("Changement
   d'heure : ... le projet de suppression" → "suppression du changement d'heure", see ``rubric.py``).

A definite noun phrase headed by a policy noun ("la mesure", "ce texte", "the bill", "the legislation") or by a
word that refers to a decision only in the definite ("the decision", "the move", "la décision") and a
repetition of the headline's subject in the body are mentions of the article's main policy: the policy named
most often (the first on ties), if its headline names it or it is named more than once (a law named in passing
is not what the article debates).

Where a policy's noun phrase starts and stops is read in ``policy_phrases.py``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, takewhile

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon as data
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.names import elided, names_a_law
from policykg.loaders.extract.policy_phrases import hyphen, in_quotation, named_place, policy_phrase
from policykg.loaders.extract.rubric import ENDINGS, completed_by_rubric
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import forms
from policykg.loaders.kb import normalise
from policykg.loaders.model import Article, Entity
from policykg.loaders.nlp import load_pipeline

HEADLINE_SUBJECT_WORDS = 6
"""The most words a headline's subject may have ("Prix des billets de train : ...")."""
LEAD_SENTENCES = 1
"""How many body sentences the lead is: where a headline that names no policy has it named."""
DEBATED = 2
"""How many mentions (references included) make a law the article's main policy, unless its headline names it."""
PLACES = frozenset({"LOC", "GPE"})
"""Named-entity labels of places."""
NOUN_PREPOSITIONS = {language: frozenset(map(fold, data.load("targets", language)["noun_prepositions"]))
                     for language in ("en", "fr")}
"""Prepositions that join a bare noun to a noun as a compound does ("centrale à charbon")."""
NAMING_WORDS = {language: frozenset(map(fold, data.load("targets", language)["naming_words"]))
                for language in ("en", "fr")}
"""Participles that give a measure the name the press calls it by ("la loi dite « anti-squat »")."""
GENERIC = {language: frozenset(map(fold, data.load("targets", language)["generic_policy_nouns"]))
           for language in ("en", "fr")}
"""Policy nouns that alone name no measure ("the law", "la mesure"), unlike "the ban"."""
AMOUNT_CHANGES = {language: frozenset(map(fold, data.load("targets", language)["amount_changes"]))
                  for language in ("en", "fr")}
"""Nouns of a change of amount ("rise"), which alone do not name the measure, unlike "the ban"."""
PLACE_NAME_PREPOSITIONS = {language: frozenset(data.load("targets", language)["place_name_prepositions"])
                           for language in ("en", "fr")}
"""Prepositions that take a town's name with no article ("de Saint-Aubin", "in Harrowgate"; not "du Brexit")."""
ACTOR_OR_PLACE = frozenset({"Person", "Company", "GovernmentBody", "LawEnforcement", "NGO", "MediaOutlet",
                            "Organization", "Platform", "Place"})


@dataclass(frozen=True)
class Policies:
    """The policy entities of an article (keys), and the one it is mainly about (None when it names none)."""

    keys: frozenset[str]
    main: str | None


def find_policies(article: Article, doc: Doc, index: EntityIndex, lex: Lexicon) -> Policies:
    """The article's policies, their mentions added to ``index``, read with the language's policy nouns
    ("mesure", "texte", "bill", "law"), the determiners that make a noun phrase refer back ("la", "cette",
    "the"), the nouns that refer to the policy only then ("decision") and the prepositions of a circumstance
    ("after"), from ``lex``."""
    named = [e for e in index.entities.values()
             if e.type == "Topic" and e.mentions and names_a_law(e.label)]
    subject = _headline_subject(article, doc, index, lex)
    prominent = any(_in_lead(doc, e) for e in named)  # a law named by its name in the lead is what the article
    if not prominent and (subject is None or not _names_measure(subject, lex)):  # debates; else the measure
        phrase = subject and _action_on_rubric(article, index, lex, subject, doc.lang_) \
            or _headline_phrase(article, doc, index, lex, subject) \
            or _news_noun(article, index)
        if phrase is not None and (subject is None or not _unspecific(phrase, lex)):  # a phrase names
            subject = phrase
    if subject is not None:
        named.append(subject)
        for span in _repetitions(doc, index, subject.label):
            index._mention(subject.key, span, name=False)
    if not named and (bare := _bare_measure(doc, index, lex)) is not None:
        named.append(bare)
    if not named:
        return Policies(frozenset(), None)
    main = max(named, key=lambda e: (len(e.mentions), -e.mentions[0][0]))
    references = _references(doc, index, lex.policy_nouns | lex.policy_references, lex.policy_determiners)
    if main is not subject and len(main.mentions) + len(references) < DEBATED:
        return Policies(frozenset(e.key for e in named), None)  # a law named in passing is not what is debated
    for start, end in references:
        index._mention(main.key, (start, end), name=False)
    return Policies(frozenset(e.key for e in named), main.key)


def _bare_measure(doc: Doc, index: EntityIndex, lex: Lexicon) -> Entity | None:
    """The measure an article names by a definite policy noun alone ("the charge would save £1.2m", "the ban
    will cover ...") when neither its headline nor its lead names one: the noun the body so uses most often
    (the first on ties), at least ``DEBATED`` times, right after its determiner ("the charge", not "the new
    charge"), labelled by that noun, as the text calls it; a noun of ``GENERIC`` ("the law") names none. None
    when none is so repeated."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end in _references(doc, index, lex.policy_nouns, lex.policy_determiners):
        words = doc.char_span(start, end, alignment_mode="expand")
        if words is not None and len(words) == 2 and fold(words[-1].lemma_) not in GENERIC.get(doc.lang_, ()):
            spans.setdefault(fold(words[-1].lemma_), []).append((words[-1].idx, end))
    _, found = max(spans.items(), key=lambda item: (len(item[1]), -item[1][0][0]), default=("", []))
    if len(found) < DEBATED:
        return None
    return index.add(doc.text[found[0][0]:found[0][1]].lower(), "Topic", found[0])


def _in_lead(doc: Doc, law: Entity) -> bool:
    """Whether a law is named in the headline or the lead: a law the body names only later ("... will be
    included in next year's Finance Bill") may be the text that carries the measure a headline's phrase names
    ("Drivers face 3p-a-mile charge"), which the article debates."""
    lead = list(islice((s for s in doc.sents if any(t.is_alpha for t in s)), LEAD_SENTENCES))
    return not lead or any(s < lead[-1].end_char for s, _ in law.mentions)


def _names_measure(subject: Entity, lex: Lexicon) -> bool:
    """Whether a headline's subject is headed by a policy noun ("Accord avec le Mercosur : ...", "Rent cap:
    ..."): it names the measure, which a phrase of the news or the lead names no better."""
    words = [fold(w) for w in subject.label.split()]
    return words[0] in lex.policy_nouns or words[-1] in lex.policy_nouns


def _unspecific(policy: Entity, lex: Lexicon) -> bool:
    """Whether a policy phrase is its noun with words before it only ("la nouvelle réforme"; not "projet de
    décret"): it does not say which measure, which a headline's rubric then says better ("Assurance chômage :
    ... la nouvelle réforme")."""
    words = [fold(w) for w in policy.label.split()]
    return words[-1] in lex.policy_nouns and not any(w in lex.policy_nouns for w in words[:-1])


def _headline_subject(article: Article, doc: Doc, index: EntityIndex, lex: Lexicon) -> Entity | None:
    """The Topic a "Subject: news" headline names, or a "Subject? news" one that asks about a noun phrase ("Un
    dimanche sans chasse ? Le gouvernement ouvre le débat"), with the headline as its first mention, less the
    place it names ("Urgences fermées la nuit à Dinan : ..." → "Urgences fermées la nuit"); None when the
    headline has no such subject or its subject is an actor or a place ("Bruxelles : ...")."""
    title = (article.title or "").strip()
    subject, colon, news = (re.split(r"\s?([:?])", title, maxsplit=1) + ["", ""])[:3]
    subject = subject.strip()
    if not colon or not news.strip() or not subject or any(c in subject for c in "«»“”‘\"!") \
            or subject.startswith("'"):
        return None
    if len(subject.split()) > HEADLINE_SUBJECT_WORDS or not any(c.isalpha() for c in subject):
        return None
    known = index.lookup(subject)
    if known is not None and known.type in ACTOR_OR_PLACE or _place_name(subject, article.text, doc.lang_):
        return None
    parsed = load_pipeline(doc.lang_)(subject)
    if any("Fin" in t.morph.get("VerbForm") for t in parsed) or colon == "?" and not any(
            t.pos_ == "NOUN" for t in parsed):
        return None  # a clause is news, not a rubric ("Villebrune passe à 30 km/h : ...", "Pourquoi ? ...")
    place = next((t for t in parsed[1:] if named_place(t, lex, named=True)), None)
    subject = subject[:place.idx].rstrip() if place is not None else subject
    start = article.text.find(title)
    spans = [(start, start + len(subject))] if start >= 0 else _repetitions(doc, index, subject)
    if not spans:
        return None  # a title given apart from the text (JSON Lines, HTML) whose subject the body never names
    if known is not None:
        index._mention(known.key, spans[0], name=False)
        return known
    return index.add(subject, "Topic", spans[0])


def _place_name(subject: str, body: str, language: str) -> bool:
    """Whether a headline's subject is a proper name the body writes after a preposition of place or of a name
    ("Saint-Aubin-des-Landes : ..." and "le conseil municipal de Saint-Aubin-des-Landes"): the town the news
    happens in, which the recogniser may not know, not a rubric that names the measure; words of three letters
    or fewer in lower case may join its parts ("des"), and the body may write in lower case the common noun
    before a proper name ("Gorges du Verdanson : ..." and "les sentiers des gorges du Verdanson")."""
    parts = re.split(r"[\s-]+", subject)
    if not all(p[:1].isupper() or p.islower() and len(p) <= 3 for p in parts) or not parts[0][:1].isupper():
        return False
    prepositions = "|".join(re.escape(w) for w in sorted(PLACE_NAME_PREPOSITIONS.get(language, ())))
    name = re.escape(subject)
    if any(p[:1].isupper() for p in parts[1:]):  # "les gorges du Verdanson": a common noun before a proper name
        name = f"[{re.escape(subject[0].lower())}{re.escape(subject[0])}]{re.escape(subject[1:])}"
    return re.search(rf"(?<![\w'’])(?:{prepositions})['’]?\s*{name}(?!\w)", body) is not None


def _action_on_rubric(article: Article, index: EntityIndex, lex: Lexicon, rubric: Entity,
                      language: str) -> Entity | None:
    """The Topic a "Rubric: news" headline names by a noun of action the rubric completes ("Changement d'heure :
    ... le projet de suppression" → "suppression du changement d'heure", see ``rubric.py``); None when none."""
    title = (article.title or "").strip()
    start = article.text.find(title)
    _, colon, news = (re.split(r"\s?([:?])", title, maxsplit=1) + ["", ""])[:3]
    found = completed_by_rubric(rubric.label, news, start + title.index(news), lex, language) \
        if start >= 0 and colon == ":" and news.strip() else None
    return index.add(found[0], "Topic", found[1]) if found is not None else None


def _headline_phrase(article: Article, doc: Doc, index: EntityIndex, lex: Lexicon,
                     rubric: Entity | None) -> Entity | None:
    """The Topic named by the first noun phrase headed by a policy noun in the headline, or else in the lead
    sentence, or else by the measure the headline reports by its verb, with that place as its first mention;
    None when none names one. A phrase that names a known entity is that entity (a law the recogniser found),
    and one that names an actor or a place is none. None too when the phrase is policy nouns around the
    headline's ``rubric`` ("Aide à mourir : ..." and "le projet de loi sur l'aide à mourir"): the procedure
    around the measure the rubric names, which is what the article debates (not "l'abaissement du statut de
    protection du loup" after "Loup : ...", which says what is done)."""
    repeated = _repetitions(doc, index, rubric.label) if rubric is not None else []
    for label, (start, end) in _policy_phrases(article, doc, index, lex):
        if any(start <= s < end and _procedure(doc.char_span(start, s, alignment_mode="expand"), lex)
               for s, _ in repeated):
            return None
        known = index.lookup(label or article.text[start:end]) or (index.entity_at(start, end) if label is None
                                                                     else None)
        if known is not None and known.type in ACTOR_OR_PLACE:
            continue
        if known is not None and known.type == "Topic":
            index._mention(known.key, (start, end), name=False)
            return known
        return index.add(label or article.text[start:end], "Topic", (start, end))
    return None


INDEFINITE = re.compile(r"\s*(?:(?:une?|an?|les?|la|the)\s+|l['’]\s*)([^,;:.!?«»“”\"]+)", re.IGNORECASE)
"""The noun phrase that opens a headline's news ("... : un tirage au sort partiel pour ...", "... : le permis de
louer imposé ...")."""


def _news_noun(article: Article, index: EntityIndex) -> Entity | None:
    """The Topic a "Rubric: a thing ..." headline names by the noun phrase that opens its news ("... : le permis
    de louer imposé ..."), as the body names it after a definite article ("Études de médecine : un tirage au sort partiel ..." and then "Le
    tirage au sort est ..." → "tirage au sort"): the rubric is the field or the town, the news the measure. The
    longest run of the phrase's first words (two at least, or a noun of action alone: « la piétonnisation du
    centre-ville adoptée » and then « la piétonnisation ») that the body so repeats; None when it repeats none."""
    title = (article.title or "").strip()
    start = article.text.find(title)
    _, colon, news = (re.split(r"\s?([:?])", title, maxsplit=1) + ["", ""])[:3]
    opened = INDEFINITE.match(news) if start >= 0 and colon == ":" else None
    if opened is None or opened.group(0).split()[0].lower() not in ("un", "une", "a", "an") \
            and not _undergoes(news, article.language or "fr"):
        return None
    words, body = opened.group(1).split(), article.text[start + len(title):]
    action = words[0].lower().endswith(ENDINGS.get(article.language or "fr", ()))
    for count in range(min(len(words), HEADLINE_SUBJECT_WORDS), 0 if action else 1, -1):
        phrase = " ".join(words[:count])
        if re.search(rf"\b(?:le|la|l['’]|the)\s*{re.escape(phrase)}\b", body, re.IGNORECASE):
            cut = _cut_participle(opened.group(1), len(phrase), article.language or "fr")
            phrase = opened.group(1)[:cut] if cut is not None else phrase  # "voie réservée au covoiturage"
            first = start + title.index(news) + opened.start(1)
            return index.add(phrase, "Topic", (first, first + len(phrase)))
    return None


def _undergoes(news: str, language: str) -> bool:
    """Whether a headline's news tells what is done to the definite thing that opens it ("... : le permis de
    louer imposé dans trois quartiers"), by a passive verb: the thing is the measure; one that acts ("... :
    l'autorité pose ses conditions", « l'enquête s'ouvre ») is an actor or a procedure."""
    parsed = load_pipeline(language)(news.strip())
    verb = next((t for t in parsed if t.pos_ == "VERB"), None)
    return verb is not None and _passive(verb) and not any(t.is_punct and not hyphen(t) for t in parsed[:verb.i])


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


def _procedure(words: Span | None, lex: Lexicon) -> bool:
    """Whether words before a measure's name only say which text carries it ("le projet de loi sur l'"): nouns
    of ``GENERIC``, determiners and prepositions; a noun that says what is done ("la taxe sur les logements
    vacants" after "Logements vacants : ...") makes it the measure."""
    generic = GENERIC.get(words.doc.lang_, frozenset()) if words is not None else frozenset()
    return words is not None and all(t.pos_ in ("DET", "ADP") or fold(t.text) in generic or fold(t.lemma_) in generic
                                     for t in words)


def _policy_phrases(article: Article, doc: Doc, index: EntityIndex,
                    lex: Lexicon) -> Iterator[tuple[str | None, tuple[int, int]]]:
    """The headline's policy noun phrase, the lead's, then the measure the headline's verb names, strongest
    first, each as its label (None: the text of its span) and its span."""
    title = (article.title or "").strip()
    start = article.text.find(title) if title else -1
    parsed = load_pipeline(doc.lang_)(title) if start >= 0 else None
    common = frozenset(t.text for t in doc if t.is_lower)
    if parsed is not None and (found := policy_phrase(parsed, lex, start, common, headline=True)) is not None:
        yield _nicknamed(article.text, found, doc.lang_)
    sentences = list(islice((s for s in doc.sents if any(t.is_alpha for t in s)), LEAD_SENTENCES + 1))
    for sentence, following in zip(sentences[:LEAD_SENTENCES], [*sentences[1:], None]):
        if (found := policy_phrase(sentence, lex, 0, common, headline=False)) is not None:
            if following is not None and " " not in article.text[found[0]:found[1]].strip() \
                    and (renamed := _renamed(following, lex)) is not None:
                yield None, renamed
            yield _nicknamed(article.text, found, doc.lang_)
    if parsed is not None and (measure := _measure_phrase(parsed, index, lex, start)) is not None:
        yield _body_name(doc, measure, lex) or measure


def _renamed(sentence: Span, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the nouns and adjectives, a policy noun last, that open ``sentence`` after a determiner that
    refers back and before its verb ("... under a scheme launched on Monday. The satellite voucher is aimed at
    ..."): the article's name for the measure its lead told by a bare noun, which says which one; read from the
    words' parts of speech, as the parser may take the first noun for the subject. None when the sentence
    opens otherwise."""
    if len(sentence) < 4 or fold(sentence[0].text) not in lex.policy_determiners:
        return None
    words = list(takewhile(lambda t: t.pos_ in ("NOUN", "ADJ") or hyphen(t), sentence[1:]))
    if len(words) < 2 or fold(words[-1].lemma_) not in lex.policy_nouns \
            or sentence[len(words) + 1].pos_ not in ("AUX", "VERB"):
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


QUOTED_NAME = re.compile(r"\s*[«“\"‘']\s*([^«»“”\"‘’']{1,40}?)\s*[»”\"’']")
"""A short name in quotation marks, right after a policy phrase."""


def _nicknamed(text: str, span: tuple[int, int], language: str) -> tuple[str | None, tuple[int, int]]:
    """A policy phrase that ends on a word of ``NAMING_WORDS`` before a quoted name ("la loi dite « anti-squat
    »"), as the noun and that name ("loi anti-squat"), spanning the quote: what the press calls the measure;
    others as they are, labelled by their text (None)."""
    start, end = span
    words = text[start:end].split()
    quoted = QUOTED_NAME.match(text, end)
    if len(words) < 2 or quoted is None or fold(words[-1]) not in NAMING_WORDS.get(language, ()):
        return None, span
    return " ".join([*words[:-1], quoted.group(1)]), (start, quoted.end())


def _measure_phrase(title: Doc, index: EntityIndex, lex: Lexicon, offset: int) -> tuple[str, tuple[int, int]] | None:
    """The measure a headline reports by one of ``lex.measure_verbs`` ("Town votes to cap holiday lets at 90
    nights" → "cap on holiday lets"; "Visas cut by a third" → "cut in visas"; "onze tribunaux fermeront" →
    "fermeture des tribunaux"): the verb's noun phrase around what it acts on, its object or else, for a
    passive or intransitive verb, the noun phrase before it; with the span (plus ``offset``) from that phrase to
    the verb. The phrase keeps its complements of ``lex.measure_complements`` only, not its amount; None
    when no such verb acts on a thing (an actor or a place is no measure: "Council to close")."""
    for verb in title:
        template = next((lex.measure_verbs[f] for f in forms(verb) if f in lex.measure_verbs), None)
        if template is None or verb.pos_ != "VERB" or _describes(verb) or _misread_noun(verb) \
                or in_quotation(title.text[:verb.idx]) \
                or not lex.imminent.isdisjoint(forms(verb)) and any(c.dep_ == "xcomp" for c in verb.children):
            continue  # "Prices set to rise": what is to come, told by the verb after it
        passive = _passive(verb)
        acted_on = None if passive else next((c for c in verb.rights if c.dep_ in ("dobj", "obj", "npadvmod")), None)
        head = acted_on if acted_on is not None else _subject_before(verb)
        phrase = _acted_on(head, lex, amount=template == "{}")
        if not phrase or fold(head.lemma_) in lex.authority_bodies or (
                (e := index.entity_at(offset + head.idx, offset + head.idx + len(head.text))) is not None
                and e.type in ACTOR_OR_PLACE):
            continue
        first, last = min(phrase[0], verb, key=lambda t: t.i), max(phrase[-1], verb, key=lambda t: t.i)
        return _named(template, phrase, title.lang_), (offset + first.idx, offset + last.idx + len(last.text))
    return None


BODY_NAME_WORDS = 8
"""The most words of the body's name for a measure a headline reports by its verb."""


def _body_name(doc: Doc, measure: tuple[str, tuple[int, int]], lex: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """The body's own name for the measure a headline reports by its verb ("State pension age to rise" and then
    "The rise in the pension age is ..." → "rise in the pension age"): the first noun of the headline's label
    that names a change of ``lex.measure_verbs`` ("rise", "closure") after the label's last words (``_compound``:
    "the age rise"), or then a preposition and a noun phrase headed by the label's last noun,
    with the body's determiner, or else that noun and its adjective (``_qualified``: « l'extinction nocturne »),
    or else that noun alone when the body repeats it so (``_alone``: "the ban", « la fusion »; once is enough
    when the headline's phrase names a proper name, a place: « la brigade de Saint-Julien fermera »), unless it is of
    ``AMOUNT_CHANGES``; the headline's wording was made for a headline. None when the body has none."""
    label, (_, end) = measure
    nouns = {t.split()[-1] if t.startswith("{}") else t.split()[0] for t in lex.measure_verbs.values()}
    words = [fold(w) for w in label.split()]
    change = next((w for w in words if w in nouns), None)
    words = [w for w in words if w != change]
    if change is None or not words:
        return None
    qualified, bare = None, []
    for noun in doc:
        if noun.idx < end or noun.pos_ != "NOUN" or fold(noun.text) != change or noun.i + 1 >= len(doc):
            continue
        if (compound := _compound(noun, words, lex)) is not None:
            return doc[compound:noun.i + 1].text, (doc[compound].idx, noun.idx + len(noun.text))
        if qualified is None and _qualified(noun, lex):
            qualified = doc[noun.i:noun.i + 2].text, (noun.idx, doc[noun.i + 1].idx + len(doc[noun.i + 1].text))
        if _alone(noun, lex):
            bare.append((noun.text.lower(), (noun.idx, noun.idx + len(noun.text))))
        if doc[noun.i + 1].pos_ != "ADP" or not _definite(noun, lex):
            continue  # "must approve any sale of school playing fields" is a rule, not this measure
        inner = next((c for c in doc[noun.i + 1].children if c.dep_ in ("pobj", "obj", "nmod")), None)
        if inner is None and doc[noun.i + 1].dep_ == "case":  # French: "de" hangs on the noun it introduces
            head = doc[noun.i + 1].head
            inner = next((t for t in doc[noun.i + 2:noun.i + BODY_NAME_WORDS] if (t == head or head.is_ancestor(t))
                          and fold(t.text) == words[-1]), None)  # "abaissement du seuil de franchise de TVA"
        if inner is None or fold(inner.lemma_) != fold(words[-1]) and fold(inner.text) != words[-1] \
                or inner.i - noun.i >= BODY_NAME_WORDS:
            continue
        return doc[noun.i:inner.i + 1].text, (noun.idx, inner.idx + len(inner.text))
    proper = any(w[:1].isupper() for w in label.split()[1:])  # "fermeture de la brigade de Saint-Julien"
    alone = len(bare) >= (1 if proper else DEBATED) and change not in AMOUNT_CHANGES.get(doc.lang_, ())
    return qualified or (bare[0] if alone else None)


def _compound(noun: Token, words: list[str], lex: Lexicon) -> int | None:
    """Where the body's compound name for a change starts when it is the last words of the headline's phrase
    before the change's noun, after a determiner that refers back ("Minimum age to rise to 21" and then "the age
    rise"): the text's own shorter name; None when the body writes none so."""
    doc = noun.doc
    for count in range(min(len(words), noun.i - 1), 0, -1):
        start = noun.i - count
        if [fold(t.text) for t in doc[start:noun.i]] == words[-count:] \
                and fold(doc[start - 1].text).replace("’", "'") in lex.policy_determiners:
            return start
    return None


def _alone(noun: Token, lex: Lexicon) -> bool:
    """Whether the body names a change by its noun alone right after a determiner that refers back ("Dogs to be
    banned ..." and then "the ban will cover ...", « l'interdiction ») and no complement or adjective follows:
    the text's own short name for the measure, which it repeats."""
    doc = noun.doc
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return noun.i > 0 and fold(doc[noun.i - 1].text).replace("’", "'") in lex.policy_determiners \
        and (following is None or following.pos_ not in ("ADP", "ADJ", "NOUN", "PROPN") or following.is_punct)


def _qualified(noun: Token, lex: Lexicon) -> bool:
    """Whether the body names a change by its noun and the adjective after it, after a definite determiner
    ("Villefranche éteindra ses rues" and then "l'extinction nocturne"): the name the text gives the measure
    the headline tells by its verb, when it names it by no complement of what it acts on."""
    doc = noun.doc
    adjective = doc[noun.i + 1]
    return _definite(noun, lex) and adjective.pos_ == "ADJ" and adjective.head == noun and adjective.dep_ == "amod" \
        and (noun.i + 2 >= len(doc) or doc[noun.i + 2].pos_ != "ADJ")


def _definite(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun takes a determiner that refers back ("the rise in ...", « l'extinction »): the body naming
    the measure the headline told, not a kind of thing ("any sale of school playing fields")."""
    det = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
    return det is not None and fold(det.text).replace("’", "'") in lex.policy_determiners


def _describes(verb: Token) -> bool:
    """Whether a participle describes a noun rather than saying what happens ("banned insecticide", "un
    insecticide interdit", which the parser may take for the verb of the headline when the real one follows)."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.dep_ in ("amod", "compound") or following is not None and following.pos_ == "VERB" \
            and "Fin" in following.morph.get("VerbForm"):  # "un insecticide interdit divise ..."
        return True
    opens_news = verb.head.left_edge.i > 0 and verb.doc[verb.head.left_edge.i - 1].text == ":"
    return verb.dep_.startswith("acl") and "Part" in verb.morph.get("VerbForm") and verb.head.dep_ != "ROOT" \
        and not opens_news and not any(c.dep_.startswith("aux") for c in verb.children)  # "Visas cut by a
    # third" is the news, and so is "Rubrique : le plafond abaissé à 25 000 euros" after a rubric's colon


def _passive(verb: Token) -> bool:
    """Whether a headline's verb is passive ("Dogs to be banned from the beach all summer", « Les écrans bannis
    des crèches »): what it acts on is the noun phrase before it; a noun after it is a circumstance or a place
    the parser took for its object."""
    children = [c.dep_ for c in verb.children]
    return any(d in ("auxpass", "aux:pass") for d in children) \
        or "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") \
        and not any(d.startswith("aux") for d in children)


def _misread_noun(word: Token) -> bool:
    """Whether a word tagged as a verb or an adjective heads a compound or takes a determiner, as only a noun
    does ("Jury trials to be scrapped", "La dernière centrale fermera"), or is a gerund with no auxiliary whose
    subject is a bare noun before it and which governs the infinitive after it ("Signal blocking to be
    installed"): a headline's verb is finite, so the gerund is the noun of what the infinitive acts on."""
    if any(c.dep_ in ("compound", "det") for c in word.children):
        return True
    return word.tag_ == "VBG" and not any(c.dep_.startswith("aux") for c in word.children) \
        and any(c.dep_ == "nsubj" and c.i == word.i - 1 and c.left_edge == c and c.pos_ == "NOUN"
                for c in word.children) \
        and any(c.dep_ == "xcomp" and c.i > word.i and any(a.tag_ == "TO" for a in c.children) for c in word.children)


def _subject_before(verb: Token) -> Token | None:
    """The head of the noun phrase right before a verb, auxiliaries aside ("Jury trials to be scrapped"), up
    to a colon or a comma: what a passive or intransitive headline verb acts on."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].dep_ in ("aux", "auxpass", "aux:pass", "aux:tense") or verb.doc[i].tag_ == "TO"
                      or verb.doc[i].pos_ in ("AUX", "PART", "ADV")):
        i -= 1
    if i < 0 or verb.doc[i].is_punct or verb.doc[i].pos_ == "VERB" and not _misread_noun(verb.doc[i]):
        return None  # "le ministère veut généraliser" says nothing of what is generalised
    token = verb.doc[i]
    while token.head.i < verb.i and token.head != token and not any(t.is_punct and not hyphen(t)
                                                                    for t in verb.doc[token.head.i:token.i]):
        token = token.head
    return token


def _acted_on(head: Token | None, lex: Lexicon, *, amount: bool = False) -> list[Token]:
    """The words of the noun phrase ``head`` heads: its modifiers on the left, a determiner, a possessive, a rank
    and the place that is its scope ("la dernière centrale de France") or an amount aside, and on its right the
    adjectives and the complements of ``lex.measure_complements`` or of a bare noun ("centrale à charbon"), up to
    a punctuation mark. ``amount``: the amount stays, where the phrase is the measure itself ("instaurer trois
    jours de carence"), not what it acts on ("onze tribunaux fermeront")."""
    if head is None or head.pos_ not in ("NOUN", "PROPN") and not _misread_noun(head):
        return []
    doc = head.doc
    stops = [t.i for t in doc[head.left_edge.i:head.i] if t.is_punct and not hyphen(t)]
    left = doc[stops[-1] + 1] if stops else head.left_edge
    while left.i < head.i and (left.pos_ in ("DET", "PRON") or left.pos_ == "NUM" and not amount
                               or "Ord" in left.morph.get("NumType") or left.tag_ in ("PRP$", "POS")
                               or _price(left)) \
            and not hyphen(doc[left.i + 1]):
        left = doc[left.i + 1]
    last = head.i
    ranked = any("Ord" in t.morph.get("NumType") for t in doc[head.left_edge.i:head.i])
    for child in head.rights:
        if last + 1 >= len(doc) or child.i not in (last + 1, last + 2):
            break
        if child.dep_ == "amod" and child.i == last + 1 or fold(doc[last + 1].text) in lex.measure_complements \
                or _noun_complement(doc[last + 1], child):
            last = child.right_edge.i
        else:
            break
    last = next((t.i - 1 for t in doc[head.i + 1:last + 1] if t.is_punct and not hyphen(t)
                 or ranked and t.pos_ == "ADP" and t.i < last and doc[t.i + 1].ent_type_ in PLACES), last)
    return list(doc[left.i:last + 1])


def _price(word: Token) -> bool:
    """Whether a word is a currency sign or the number after one ("backs £1.6bn tidal lagoon"): what the thing
    costs, a figure, not part of its name."""
    signs = word.doc[max(0, word.i - 2):word.i]
    return word.is_currency or any(t.is_currency for t in signs) \
        and (word.like_num or word.pos_ == "NUM" or word.lower_ in MULTIPLIERS)


MULTIPLIERS = frozenset({"k", "m", "bn", "million", "billion"})
"""What a sum's number may be cut from ("£40m")."""


def _noun_complement(preposition: Token, noun: Token) -> bool:
    """Whether a preposition of ``NOUN_PREPOSITIONS`` joins a bare noun that says what kind of thing the phrase
    names ("centrale à charbon", "chaudière à gaz"), unlike one with a determiner that says where ("les devoirs
    à la maison")."""
    return fold(preposition.text) in NOUN_PREPOSITIONS.get(noun.lang_, ()) and noun.i == preposition.i + 1 \
        and noun.pos_ == "NOUN"


FRENCH_DE = {"le": "du", "les": "des", "la": "de la", "l'": "de l'"}
"""How French joins "de" and an article ("fermeture" + "les notes" → "fermeture des notes")."""


def _named(template: str, phrase: list[Token], language: str) -> str:
    """``template`` with the words of ``phrase``; in French "de" takes the phrase's article ("suppression des
    notes"), an amount stands for an indefinite plural ("onze tribunaux" → "des tribunaux") and another
    determiner stays ("fermeture de ses urgences"); in English the
    determiner goes ("its department" → "closure of department") and a common noun after the measure's noun is
    in lower case ("cut in seasonal worker visas")."""
    doc = phrase[0].doc
    words = doc[phrase[0].i:phrase[-1].i + 1].text
    if language == "fr" and template.endswith("de {}"):
        i = phrase[0].i - 1
        while i > 0 and "Ord" in doc[i].morph.get("NumType"):  # "la dernière centrale" → "de la centrale"
            i -= 1
        before = doc[i] if i >= 0 else None
        article = "" if before is None or before.pos_ not in ("DET", "NUM") else \
            "les" if before.pos_ == "NUM" else fold(before.text).replace("’", "'")
        if article and article not in FRENCH_DE:  # a possessive or a demonstrative stays: "de ses urgences"
            words, article = f"{before.text} {words}", ""
        vowel = elided(words)
        joined = "de l'" if vowel and article in ("le", "la") else FRENCH_DE.get(article) or ("d'" if vowel else "de")
        return template[:-len("de {}")] + joined + ("" if joined.endswith("'") else " ") + words
    if not template.startswith("{}") and phrase[0].pos_ != "PROPN":
        words = words[:1].lower() + words[1:]
    return template.format(words)


def _repetitions(doc: Doc, index: EntityIndex, subject: str) -> list[tuple[int, int]]:
    """Spans of the body's mentions of the headline's subject: the same words, in a place no other mention
    holds ("l'encadrement des loyers" after "Encadrement des loyers : ..."); an elided article is a word of its
    own, as the parser cuts it ("Droit à l'oubli")."""
    words = normalise(re.sub(r"(?<=\w)['’](?=\w)", "' ", subject)).split()
    spans = []
    tokens = [t for t in doc if not t.is_space]
    folded = [normalise(t.text) for t in tokens]
    for i in range(len(tokens) - len(words) + 1):
        if folded[i:i + len(words)] != words:
            continue
        start, end = tokens[i].idx, tokens[i + len(words) - 1].idx + len(tokens[i + len(words) - 1].text)
        if index.entity_at(start, end) is None:
            spans.append((start, end))
    return spans


def _references(doc: Doc, index: EntityIndex, nouns: frozenset[str],
                determiners: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of definite or demonstrative noun phrases headed by a policy noun ("la mesure", "cette réforme",
    "the bill"), from the determiner to the noun, that no other mention holds."""
    spans = []
    for token in doc:
        if token.pos_ != "NOUN" or fold(token.lemma_) not in nouns and fold(token.text) not in nouns:
            continue
        det = next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)
        if det is None or fold(det.text) not in determiners:
            continue
        start, end = det.idx, token.idx + len(token.text)
        if index.entity_at(start, end) is None:
            spans.append((start, end))
    return spans
