"""The policies an article debates (laws, bills, measures, agreements), as Topic entities statements can be about.

Policy news argues over one measure, and its statements are about it even when they do not name it ("On nous a
promis une concertation", "it would bury small companies under paperwork"). A policy is:

1. a law the recogniser named ("the AI Act", "the Safety of Rwanda Bill", the knowledge base's laws);
2. the subject of a headline written "Subject: news" ("Encadrement des loyers : les propriétaires montent au
   créneau"), the news style that names what an article is about, when that subject is no actor or place.

A definite noun phrase headed by a policy noun ("la mesure", "ce texte", "the bill", "the legislation") and a
repetition of the headline's subject in the body are mentions of the article's main policy: the policy named
most often (the first on ties), if its headline names it or it is named more than once (a law named in passing
is not what the article debates).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.names import names_a_law
from policykg.loaders.kb import normalise
from policykg.loaders.model import Article, Entity

HEADLINE_SUBJECT_WORDS = 6
"""The most words a headline's subject may have ("Prix des billets de train : ...")."""
DEBATED = 2
"""How many mentions (references included) make a law the article's main policy, unless its headline names it."""
ACTOR_OR_PLACE = frozenset({"Person", "Company", "GovernmentBody", "LawEnforcement", "NGO", "MediaOutlet",
                            "Organization", "Platform", "Place"})


@dataclass(frozen=True)
class Policies:
    """The policy entities of an article (keys), and the one it is mainly about (None when it names none)."""

    keys: frozenset[str]
    main: str | None


def find_policies(article: Article, doc: Doc, index: EntityIndex, nouns: frozenset[str],
                  determiners: frozenset[str]) -> Policies:
    """The article's policies, their mentions added to ``index``; ``nouns`` are the language's policy nouns
    ("mesure", "texte", "bill", "law") and ``determiners`` those that make a noun phrase refer back ("la",
    "cette", "the"), folded."""
    named = [e for e in index.entities.values()
             if e.type == "Topic" and e.mentions and names_a_law(e.label)]
    subject = _headline_subject(article, index)
    if subject is not None:
        named.append(subject)
        _repetitions(doc, index, subject)
    if not named:
        return Policies(frozenset(), None)
    main = max(named, key=lambda e: (len(e.mentions), -e.mentions[0][0]))
    references = _references(doc, index, nouns, determiners)
    if main is not subject and len(main.mentions) + len(references) < DEBATED:
        return Policies(frozenset(e.key for e in named), None)  # a law named in passing is not what is debated
    for start, end in references:
        index._mention(main.key, (start, end), name=False)
    return Policies(frozenset(e.key for e in named), main.key)


def _headline_subject(article: Article, index: EntityIndex) -> Entity | None:
    """The Topic a "Subject: news" headline names, with the headline as its first mention; None when the
    headline has no such subject or its subject is an actor or a place ("Bruxelles : ...")."""
    title = (article.title or "").strip()
    subject, colon, news = title.partition(":")
    subject = subject.strip()
    if not colon or not news.strip() or not subject or any(c in subject for c in "«»“”\"?!"):
        return None
    if len(subject.split()) > HEADLINE_SUBJECT_WORDS or not any(c.isalpha() for c in subject):
        return None
    known = index.lookup(subject)
    if known is not None and known.type in ACTOR_OR_PLACE:
        return None
    start = article.text.find(title)
    span = (start, start + len(subject)) if start >= 0 else None
    if known is not None:
        if span is not None:
            index._mention(known.key, span, name=False)
        return known
    return index.add(subject, "Topic", span)


def _repetitions(doc: Doc, index: EntityIndex, subject: Entity) -> None:
    """Body mentions of the headline's subject: the same words, in a place no other mention holds
    ("l'encadrement des loyers" after "Encadrement des loyers : ...")."""
    words = normalise(subject.label).split()
    tokens = [t for t in doc if not t.is_space]
    folded = [normalise(t.text) for t in tokens]
    for i in range(len(tokens) - len(words) + 1):
        if folded[i:i + len(words)] != words:
            continue
        start, end = tokens[i].idx, tokens[i + len(words) - 1].idx + len(tokens[i + len(words) - 1].text)
        if index.entity_at(start, end) is None:
            index._mention(subject.key, (start, end), name=False)


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

