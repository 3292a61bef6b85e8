"""The policies an article debates (laws, bills, measures, agreements), as Topic entities statements can be about.

Policy news argues over one measure, and its statements are about it even when they do not name it ("On nous a
promis une concertation", "it would bury small companies under paperwork"). A policy is:

1. a law the recogniser named ("the AI Act", "the Safety of Rwanda Bill", the knowledge base's laws), unless the
   lead names it only as the text a change is made to ("under an amendment to the X Bill": the amendment is);
2. the first noun phrase of the headline, or else of the lead sentence, headed by a policy noun and saying
   which policy (not a bare "ban", unless the lead says who decided it: "under plans approved by ..."):
   "Ministers announce ban on mobile phones in schools", "MPs debate a bill requiring landlords to ...",
   "Budget : l'Assemblée adopte une taxe sur les superprofits", the way headlines name the measure under debate;
   a French lead that opens on a scene or a question names it in its second sentence, where the act a body
   adopts (« par un arrêté signé vendredi », « une proposition de loi ») comes before what follows;
   failing these, the measure the headline reports by its verb, named by the verb's noun and what it acts on ("Town
   votes to cap holiday lets at 90 nights a year" → "cap on holiday lets", "Visas cut by a third" → "cut in visas",
   "L'académie supprime les notes" → "suppression des notes"), as a reader names what the article debates;
3. failing that, the subject of a headline written "Subject: news" ("Encadrement des loyers : les
   propriétaires montent au créneau") or "Subject? news" ("Un dimanche sans chasse ? ..."), when that subject is
   no actor or place: French press puts a rubric there (a theme, "Budget", "Logement social"), which names the
   measure only when nothing else does, when the phrase does not say which ("Assurance chômage : les syndicats
   contre la nouvelle réforme"; not an act the lead introduces, « Sport amateur : ... » and « un décret »), when
   the phrase only names the text that carries it ("Aide à mourir : ..." and "le projet de loi sur l'aide à
   mourir"), or when it is headed by a policy noun itself ("Accord avec le Mercosur : ..."); a subject that is a
   clause is news, not a rubric ("Villebrune passe à 30 km/h : ...").
   A rubric that completes the noun of action the news makes a measure of is named with it ("Changement
   d'heure : ... le projet de suppression" → "suppression du changement d'heure", see ``rubric.py``).
   A news that opens on a thing ("Rubric: a thing ...") names the measure by it when nothing before names one, or
   only the act that carries it (« Noyades : un test de natation obligatoire ... » and « un décret »), see
   ``rubric.news_noun``.

A capitalised name headed by a policy noun in the first body sentences ("... under new plans. The Home Energy
Upgrade Scheme would ...") is the measure's formal name, which a reader labels it by, before all but a law of the
lead, when the body calls it back by its noun ("the scheme"); else it is debated as a named law is. A name the
headline quotes after a determiner and the body writes again ("... : la « prime vélo » entre en vigueur") is the
measure's nickname, which comes before the phrases of 2. and 3.

A definite noun phrase headed by a policy noun ("la mesure", "ce texte", "the bill", "the legislation") or by a
word that refers to a decision only in the definite ("the decision", "the move", "la décision") and a
repetition of the headline's subject in the body are mentions of the article's main policy: the policy named
most often (the first on ties), if its headline names it or it is named more than once (a law named in passing
is not what the article debates).

Where a policy's noun phrase starts and stops is read in ``policy_phrases.py``, the measure a headline tells by
its verb in ``headline_verb.py``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, takewhile

from spacy.tokens import Doc, Span

from policykg.loaders import lexicon as data
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.headline_verb import ACTOR_OR_PLACE, DEBATED, FORMAL_SENTENCES, body_name, formal_name, \
    measure_phrase
from policykg.loaders.extract.names import names_a_law
from policykg.loaders.extract.policy_phrases import ACTS, AMENDING, GENERIC, amending_noun, hyphen, in_quotation, \
    named_place, policy_phrase
from policykg.loaders.extract.rubric import ENDINGS, HEADLINE_SUBJECT_WORDS, completed_by_rubric, news_noun
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.kb import normalise
from policykg.loaders.model import Article, Entity
from policykg.loaders.nlp import load_pipeline

LEAD_SENTENCES = 1
"""How many body sentences the lead is: a law it names is what the article debates."""
NAMING_SENTENCES = {language: int(data.load("targets", language)["naming_sentences"]) for language in ("en", "fr")}
"""How many body sentences under a headline may name the measure it names by no policy noun: a French lead that
opens on a scene or a question (« Fini le vélo embarqué à la dernière minute. ») names it in its second sentence,
where an English lead's second sentence reports reactions ("critics called it a tax on the poor")."""
DEMONSTRATIVES = {language: frozenset(data.load("targets", language)["demonstratives"]) for language in ("en", "fr")}
"""Determiners by which a sentence calls back the measure a lead's act brings in (« Cette obligation de ... »)."""
NAMING_WORDS = {language: frozenset(map(fold, data.load("targets", language)["naming_words"]))
                for language in ("en", "fr")}
"""Participles that give a measure the name the press calls it by ("la loi dite « anti-squat »")."""
FORMAL_HEADS = {language: frozenset(map(fold, data.load("targets", language)["formal_name_heads"]))
                for language in ("en", "fr")}
"""Nouns besides the policy nouns that head a measure's capitalised name ("the Quiet Streets Order")."""
PLACE_NAME_PREPOSITIONS = {language: frozenset(data.load("targets", language)["place_name_prepositions"])
                           for language in ("en", "fr")}
"""Prepositions that take a town's name with no article ("de Saint-Aubin", "in Harrowgate"; not "du Brexit")."""


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
    amended = {e.key for e in named if _amended(doc, e)}  # "under an amendment to the X Bill": the amendment
    prominent = any(_in_lead(doc, e) for e in named if e.key not in amended)  # a law named by its name in the
    # lead is what the article debates; else the measure's formal name that the body calls back ("the bill"), or
    # the name its headline quotes, or else the measure a headline's or lead's words name
    formal = None if prominent else _capitalised_name(article, doc, index, lex)
    if formal is not None and _referred_back(doc, formal, lex):
        subject = _as_topic(doc, index, formal)
    elif not prominent and (nickname := _headline_nickname(article, index)) is not None:
        subject = nickname
    elif not prominent and (subject is None or not _names_measure(subject, lex)):
        phrase = subject and _action_on_rubric(article, index, lex, subject, doc.lang_) \
            or _headline_phrase(article, doc, index, lex, subject)
        if phrase is None or _bare_act(phrase.label, doc.lang_, lex):  # the act that carries what the news names
            phrase = _news_noun(article, doc, index, lex, act=phrase) or phrase
        if phrase is not None and (subject is None or not _unspecific(phrase, lex)
                                   or _indefinite(article.text, phrase, lex)):  # a phrase names
            subject = phrase
    if subject is None and formal is not None:
        named.append(_as_topic(doc, index, formal))  # a formal name alone is debated if named again, as a law is
    if subject is not None:
        named.append(subject)
        for span in _repetitions(doc, index, subject.label):
            index._mention(subject.key, span, name=False)
    if not named and (bare := _bare_measure(doc, index, lex)) is not None:
        named.append(bare)
    if not named:
        return Policies(frozenset(), None)
    main = max([e for e in named if e.key not in amended] or named,
               key=lambda e: (len(e.mentions), -e.mentions[0][0]))
    references = _references(doc, index, lex.policy_nouns | lex.policy_references, lex.policy_determiners)
    if main is not subject and len(main.mentions) + len(references) < DEBATED:
        return Policies(frozenset(e.key for e in named), None)  # a law named in passing is not what is debated
    for start, end in references:
        index._mention(main.key, (start, end), name=False)
    return Policies(frozenset(e.key for e in named), main.key)


def headline_in_text(article: Article) -> tuple[str, int]:
    """The headline, stripped, and where the text holds it: -1 when there is none, or when it was given apart from
    the text (JSON Lines, HTML) and the text does not hold it."""
    title = (article.title or "").strip()
    return title, article.text.find(title) if title else -1


def _capitalised_name(article: Article, doc: Doc, index: EntityIndex, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the first capitalised name after a determiner, headed by a policy noun or a noun of
    ``FORMAL_HEADS``, in one of the first ``FORMAL_SENTENCES`` body sentences after the headline ("... under new
    plans. The Home Energy Upgrade Scheme will ...", "the operator says the Winter Timetable Review will ..."):
    the text's formal name for the measure its headline and lead tell in common words, which a reader labels it
    by; small words may join its parts ("Right to Disconnect Code"). Not in a quotation, nor a name the
    recogniser knows as an actor other than an organisation it knew nothing of. None when none."""
    title, start = headline_in_text(article)
    end = start + len(title) if start >= 0 else 0
    heads = lex.policy_nouns | FORMAL_HEADS.get(doc.lang_, frozenset())
    sentences = [s for s in doc.sents if s.start_char >= end and any(t.is_alpha for t in s)][:FORMAL_SENTENCES]
    for sentence in sentences:
        for det in sentence:
            if det.pos_ != "DET" or fold(det.text) not in lex.policy_determiners \
                    or in_quotation(doc.text[sentence.start_char:det.idx]):
                continue
            words = list(takewhile(lambda t: t.is_alpha and (t.text[:1].isupper() or t.is_lower and len(t) <= 4
                                                             and t.pos_ in ("ADP", "PART", "CCONJ")),
                                   doc[det.i + 1:sentence.end]))
            while words and not words[-1].text[:1].isupper():
                words.pop()
            head = fold(words[-1].text) if words else ""
            if len(words) < 2 or not {head, head.removesuffix("s"), fold(words[-1].lemma_)} & heads \
                    or amending_noun(words[0]) is not None:
                continue  # a name's plural keeps its "s" in the parser's lemma ("Regulations"); an amended text
                # ("an amendment to the X Bill") is not the measure
            span = words[0].idx, words[-1].idx + len(words[-1].text)
            known = index.entity_at(*span)
            if known is None or span not in known.mentions or known.type not in ACTOR_OR_PLACE - {"Organization"}:
                return span  # not an actor's name; a word of it the recogniser took alone ("Cap") is no name
    return None


def _referred_back(doc: Doc, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the body refers back to a capitalised name by its head noun after a determiner that refers back
    ("The Clean Air Levy will ..." and then "the levy"): the measure the article debates, not a law it names in
    passing ("would violate the First Amendment")."""
    words = doc.char_span(*span, alignment_mode="expand")
    head = fold(words[-1].text).removesuffix("s") if words is not None else ""
    return head != "" and any(fold(t.text).removesuffix("s") == head and t.i > 0
                              and fold(doc[t.i - 1].text) in lex.policy_determiners and not t.text[:1].isupper()
                              for t in doc if t.idx > span[1])


def _as_topic(doc: Doc, index: EntityIndex, span: tuple[int, int]) -> Entity:
    """The Topic of a measure's formal name: the entity the recogniser gave that very span, an organisation it
    knew nothing of made a measure, or a new one."""
    known = index.entity_at(*span)
    if known is not None and span in known.mentions:
        _as_measure(index, span)
        return known
    return index.add(doc.text[span[0]:span[1]], "Topic", span)


HEADLINE_NICKNAME = re.compile(r"\b(?:la|le|les|une|un|des|the|an?)\s+[«“\"]\s*([^«»“”\"]+?)\s*[»”\"]|\bl['’]\s*[«“\"]\s*"
                               r"([^«»“”\"]+?)\s*[»”\"]", re.IGNORECASE)
"""A name in quotation marks after a determiner ("la « taxe lapin »", "a \"bedroom tax\""): a noun phrase quoted as a
whole, which a headline so writes to give the name the measure goes by, not a speaker's words."""


def _headline_nickname(article: Article, index: EntityIndex) -> Entity | None:
    """The Topic of the name a headline gives in quotation marks after a determiner, of two to
    ``NICKNAME_WORDS`` words, that the body writes again ("Rendez-vous manqués : la « taxe lapin » entre en
    vigueur" and then "cette « taxe lapin »"): the name the press gives the measure, which a reader labels it by
    rather than the rubric; a quoted word alone ("crient à la « brèche »") is a speaker's word. None when none."""
    title, start = headline_in_text(article)
    if start < 0:
        return None
    body = article.text[start + len(title):]
    for quoted in HEADLINE_NICKNAME.finditer(title):
        group = 1 if quoted.group(1) is not None else 2
        name = quoted.group(group)
        if not 2 <= len(name.split()) <= NICKNAME_WORDS or not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body,
                                                                           re.IGNORECASE):
            continue
        return index.add(name, "Topic", (start + quoted.start(group), start + quoted.end(group)))
    return None


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
    noun, found = max(spans.items(), key=lambda item: (len(item[1]), -item[1][0][0]), default=("", []))
    if len(found) < DEBATED:
        return None
    named = _compound_name(doc, index, noun, lex)
    if named is not None:
        return index.add(doc.text[named[0]:named[1]], "Topic", named)
    return index.add(doc.text[found[0][0]:found[0][1]].lower(), "Topic", found[0])


def _compound_name(doc: Doc, index: EntityIndex, noun: str, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the first compound the body heads by a bare measure's noun after a determiner that refers
    back ("the charge" and "The forecourt access charge applies ..."): the scheme's name, which says which
    charge, as a coder labels it; the nouns and adjectives before the noun, no name. None when the body writes
    the noun with no such modifier."""
    for token in doc:
        if token.pos_ != "NOUN" or fold(token.lemma_) != noun or token.dep_ == "compound":
            continue
        left = token.i
        while left > 0 and (doc[left - 1].pos_ in ("NOUN", "ADJ") and token.i - left < 3
                            and doc[left - 1].head.i in range(left, token.i + 1) or hyphen(doc[left - 1])):
            left -= 1
        if left < token.i and left > 0 and fold(doc[left - 1].text) in lex.policy_determiners \
                and not hyphen(doc[left]) and index.entity_at(doc[left].idx, token.idx + len(token.text)) is None:
            return doc[left].idx, token.idx + len(token.text)
    return None


def _in_lead(doc: Doc, law: Entity) -> bool:
    """Whether a law is named in the headline or the lead: a law the body names only later ("... will be
    included in next year's Finance Bill") may be the text that carries the measure a headline's phrase names
    ("Drivers face 3p-a-mile charge"), which the article debates."""
    lead = list(islice((s for s in doc.sents if any(t.is_alpha for t in s)), LEAD_SENTENCES))
    return not lead or any(s < lead[-1].end_char for s, _ in law.mentions)


def _amended(doc: Doc, law: Entity) -> bool:
    """Whether the lead names a law only as the text a change is made to ("under an amendment to the Employment
    Rights Bill"): the change is the measure the article debates, named by the lead's phrase."""
    lead = list(islice((s for s in doc.sents if any(t.is_alpha for t in s)), LEAD_SENTENCES))
    spans = [span for span in law.mentions if lead and span[0] < lead[-1].end_char]
    return bool(spans) and all((words := doc.char_span(*span, alignment_mode="expand")) is not None
                               and amending_noun(words[0]) is not None for span in spans)


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


def _indefinite(text: str, policy: Entity, lex: Lexicon) -> bool:
    """Whether a policy phrase is first written after an indefinite article (« Sport amateur : ... » and then
    « qu'un décret supprimera ... »): the act the lead introduces is the measure, which the rubric before a
    headline's colon only files under a section; a definite one (« la nouvelle réforme ») is a measure the
    reader knows, which the rubric says."""
    before = text[:policy.mentions[0][0]].split()
    return bool(before) and fold(before[-1].split("’")[-1].split("'")[-1]) in lex.indefinite


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
    title, start = headline_in_text(article)
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
        amends = fold(article.text[start:end].split()[0]) in AMENDING.get(doc.lang_, frozenset())  # not the law
        known = index.lookup(label or article.text[start:end]) or (index.entity_at(start, end) if label is None
                                                                     and not amends else None)  # it amends
        if known is not None and known.type in ACTOR_OR_PLACE:
            continue
        if known is not None and known.type == "Topic":
            index._mention(known.key, (start, end), name=False)
            return known
        return index.add(label or article.text[start:end], "Topic", (start, end))
    return None


def _news_noun(article: Article, doc: Doc, index: EntityIndex, lex: Lexicon, *, act: Entity | None) -> Entity | None:
    """The Topic a "Rubric: a thing ..." headline names by the noun phrase that opens its news (``news_noun``), a
    measure the article debates when the lead names the ``act`` that carries it or the body refers to one (« la
    mesure », « le texte »); None when it names none, or only an act (« une proposition de loi pour ... »)."""
    title, start = headline_in_text(article)
    _, colon, news = (re.split(r"\s?([:?])", title, maxsplit=1) + ["", ""])[:3]
    debated = act is not None or len(_references(doc, index, lex.policy_nouns | lex.policy_references,
                                                 lex.policy_determiners)) >= DEBATED
    found = news_noun(news, article.text[start + len(title):], lex, article.language or "fr", debated=debated) \
        if start >= 0 and colon == ":" else None
    if found is None or act is not None and _bare_act(news[found[0]:found[1]], article.language or "fr", lex):
        return None
    first = start + title.index(news)
    return index.add(news[found[0]:found[1]], "Topic", (first + found[0], first + found[1]))


def _bare_act(label: str, language: str, lex: Lexicon) -> bool:
    """Whether a policy phrase names only the act that carries a measure (« proposition de loi », « projet
    d'ordonnance », "bill"): how the measure comes, which the phrase that opens a "Rubric: a thing ..."
    headline's news names (« Don du sang : une demi-journée d'absence payée ... »)."""
    acts = ACTS.get(language, frozenset()) | GENERIC.get(language, frozenset())
    return all(w in acts or f"{w}'" in lex.policy_prepositions or w in lex.policy_prepositions
               for w in re.split(r"[\s'’]+", fold(label)) if w)


def _procedure(words: Span | None, lex: Lexicon) -> bool:
    """Whether words before a measure's name only say which text carries it ("le projet de loi sur l'"): nouns
    of ``GENERIC``, determiners and prepositions; a noun that says what is done ("la taxe sur les logements
    vacants" after "Logements vacants : ...") makes it the measure."""
    generic = GENERIC.get(words.doc.lang_, frozenset()) if words is not None else frozenset()
    return words is not None and all(t.pos_ in ("DET", "ADP") or fold(t.text) in generic or fold(t.lemma_) in generic
                                     for t in words)


def _policy_phrases(article: Article, doc: Doc, index: EntityIndex,
                    lex: Lexicon) -> Iterator[tuple[str | None, tuple[int, int]]]:
    """The headline's policy noun phrase, the lead's, an act the next sentence names (« un arrêté »), then the
    measure the headline's verb names and another phrase of that sentence, strongest first, each as its label
    (None: the text of its span) and its span."""
    title, start = headline_in_text(article)
    parsed = load_pipeline(doc.lang_)(title) if start >= 0 else None
    common = frozenset(t.text for t in doc if t.is_lower)
    if parsed is not None and (found := policy_phrase(parsed, lex, start, common, headline=True)) is not None:
        yield _nicknamed(article.text, found, doc.lang_)
    naming = NAMING_SENTENCES.get(doc.lang_, LEAD_SENTENCES) if parsed is not None else LEAD_SENTENCES
    sentences = list(islice((s for s in doc.sents if any(t.is_alpha for t in s)), naming + 1))
    later: list[tuple[str | None, tuple[int, int]]] = []  # after the lead, what is no act waits for the verb's
    for n, (sentence, following) in enumerate(zip(sentences[:naming], [*sentences[1:], None])):
        if sentence.text.rstrip().endswith("?"):
            continue  # a question asks what the next sentence tells (« ... avant de prendre sa licence ? »)
        if (found := policy_phrase(sentence, lex, 0, common, headline=False)) is None:
            continue
        phrases = []
        if following is not None and " " not in article.text[found[0]:found[1]].strip() \
                and (renamed := _renamed(following, lex)) is not None:
            phrases.append((None, renamed))
        if _procedure(doc.char_span(*found, alignment_mode="expand"), lex) and (named := _nickname(
                doc, sentence.end_char) or following is not None and _called_back(following, lex)):
            phrases.append((None, named))  # what the press or the next sentence calls the act's measure
        phrases.append(_nicknamed(article.text, found, doc.lang_))
        head = fold(article.text[found[0]:found[1]].split()[0])
        if n < LEAD_SENTENCES or head in ACTS.get(doc.lang_, ()):
            yield from phrases
        elif head not in GENERIC.get(doc.lang_, ()):  # not what the sentence calls it (« une mesure en 2026 »)
            later.extend(phrases)
    if parsed is not None and (measure := measure_phrase(parsed, index, lex, start)) is not None:
        if (named := body_name(doc, measure, lex)) is not None:
            if " " not in named[0] and (renamed := _opening_name(doc, start + len(title), lex)) is not None:
                yield None, renamed
            yield named
        else:
            if (formal := formal_name(doc, start + len(title))) is not None:
                _as_measure(index, formal[1])
                yield formal
            yield measure
    yield from later


def _as_measure(index: EntityIndex, span: tuple[int, int]) -> None:
    """Make a Topic of the organisation the recogniser read in a name the text says is formally a measure's ("The
    Clean Air Levy, as the scheme is formally called"): a capitalised name it knew nothing of, which is the
    scheme's."""
    known = index.entity_at(*span)
    if known is not None and known.type == "Organization":
        known.type = "Topic"


def _opening_name(doc: Doc, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The compound name that opens one of the first ``FORMAL_SENTENCES`` body sentences after ``end`` (the
    headline's end), as ``_renamed`` reads it ("Walkers limited to four dogs", "the limit", and "The four-dog rule,
    part of ..., will ..."): the scheme's name, which a bare noun of the body ("the limit") does not say."""
    sentences = (s for s in doc.sents if s.start_char >= end)
    return next((found for s in islice(sentences, FORMAL_SENTENCES) if (found := _renamed(s, lex)) is not None), None)


def _renamed(sentence: Span, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the nouns, adjectives and numbers, a policy noun last, that open ``sentence`` after a determiner
    that refers back and before its verb or an apposition's comma ("... under a scheme launched on Monday. The
    satellite voucher is aimed at ...", "The four-dog rule, part of ..."): the article's name for the measure its lead told by a bare noun, which says which one; read from the
    words' parts of speech, as the parser may take the first noun for the subject. None when the sentence
    opens otherwise."""
    if len(sentence) < 4 or fold(sentence[0].text) not in lex.policy_determiners:
        return None
    words = list(takewhile(lambda t: t.pos_ in ("NOUN", "ADJ", "NUM") or hyphen(t), sentence[1:]))
    if len(words) < 2 or fold(words[-1].lemma_) not in lex.policy_nouns \
            or sentence[len(words) + 1].pos_ not in ("AUX", "VERB") and sentence[len(words) + 1].text != ",":
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _called_back(sentence: Span, lex: Lexicon) -> tuple[int, int] | None:
    """The name, two words or more, that ``sentence``'s subject gives after a demonstrative to the measure the
    act of the sentence before brings in (« ... un arrêté qui impose aux golfs d'arroser avec des eaux usées.
    Cette obligation de réutilisation, inédite, ... » → « obligation de réutilisation »; « Ce « tour de
    soirée » viendrait ... »): a policy noun, a noun of action or a quoted one, with its adjectives and
    complements of ``lex.policy_prepositions``, unquoted; not « Cette commune rurale », « cette mesure »
    (``GENERIC``), « cette décision du maire » (any decision) or a name. None when no such name."""
    for det in sentence:
        noun, lemma = det.head, fold(det.head.lemma_)
        if fold(det.text) not in DEMONSTRATIVES.get(sentence.doc.lang_, ()) or det.dep_ != "det" or noun.i < det.i \
                or noun.pos_ != "NOUN" or noun.ent_type_ or lemma in GENERIC.get(noun.lang_, ()) \
                or lemma in lex.policy_references or not noun.dep_.startswith("nsubj") or not (
                    lemma in lex.policy_nouns or noun.text.endswith(ENDINGS.get(noun.lang_, ()))
                    or sentence.doc[det.i + 1].is_quote):
            continue
        words = list(sentence.doc[det.i + 1:noun.right_edge.i + 1])
        last = next((i - 1 for i, t in enumerate(words) if t.i > noun.i and not (
            t.pos_ in ("ADJ", "NOUN", "DET") or t.pos_ == "ADP" and fold(t.text) in lex.policy_prepositions
            or t.is_quote or hyphen(t))), len(words) - 1)
        named = [t for t in words[:last + 1] if not t.is_quote]
        while named and named[-1].pos_ in ("ADP", "DET"):
            named.pop()
        if len([t for t in named if t.is_alpha]) >= 2 and named[0].i <= noun.i:
            return named[0].idx, named[-1].idx + len(named[-1].text)
    return None


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


NICKNAME_WORDS = 3
"""The most words between a naming participle and the quoted name it gives ("surnommé « loi anti-squat »")."""


def _nickname(doc: Doc, end: int) -> tuple[int, int] | None:
    """The span of the quoted name a participle of ``NAMING_WORDS`` gives in one of the first ``FORMAL_SENTENCES``
    sentences after ``end`` (« Le texte, ... déjà surnommé « loi anti-squat », s'appliquerait ... »): what the press
    calls the measure a lead names by policy nouns alone (« un projet de loi »), which say not which. None when no
    such name follows."""
    sentences = islice((s for s in doc.sents if s.start_char >= end), FORMAL_SENTENCES)
    for word in (t for s in sentences for t in s if fold(t.text) in NAMING_WORDS.get(doc.lang_, ())):
        quoted = QUOTED_NAME.match(doc.text, word.idx + len(word.text))
        if quoted is not None and len(quoted.group(1).split()) <= NICKNAME_WORDS:
            return quoted.start(1), quoted.end(1)
    return None


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
