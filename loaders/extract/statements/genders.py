"""Genders of the people an article names, so that a gendered pronoun ("she", "il") never picks a person of
the other gender: read off titles, first names, feminine roles and the pronouns that refer to a lone subject."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from policykg.loaders import lexicon
from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.syntax import previous_word, text_length
from policykg.loaders.model import Entity

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex


def read_genders(doc: Doc, index: EntityIndex, cues: Cues, mentions: list[tuple[int, bool, Entity]],
                 quoted: Callable[[int], bool]) -> dict[str, str]:
    """Each person's gender as the article shows it: a title before the name ("Mrs.", "M."), a first name
    ("Susan Bell"), a feminine role set before it ("la directrice de l'agence, X"), or the gendered pronouns
    that follow the only person a sentence has as its subject, with no other person named in between
    ("Clinton said her ...", not "Asked about Bell's plan, which he ..., Clinton said": the person named last
    before the pronoun, or first after it when none is, must be that subject). ``mentions`` are the
    speakers' (char, is subject, entity)."""
    votes: dict[str, list[str]] = {}
    for entity in index.entities.values():
        gender = name_gender(entity, cues)
        if gender is not None:
            votes.setdefault(entity.key, []).extend([gender] * 4)
    for (start, _), entity in index.mentions_between(0, text_length(doc)):
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        title = previous_word(first[0]) if first is not None else None
        if entity.type == "Person" and title is not None:
            gender = "m" if title.lower_ in cues.male_titles else "f" if title.lower_ in cues.female_titles else None
            votes.setdefault(entity.key, []).extend([gender] * 3 if gender else [])
            if feminine_role(doc, cues, first[0]):
                votes.setdefault(entity.key, []).extend(["f"] * 2)
    starts = [m[0] for m in mentions]
    for sent in doc.sents:
        k = bisect.bisect_left(starts, sent.start_char)
        persons = [(char, subject, e.key) for char, subject, e in mentions[k:] if char < sent.end_char and e.type == "Person"]
        people = {key for _, subject, key in persons if subject}
        if len(people) != 1:
            continue
        key = next(iter(people))
        words = {t.lower_ for t in sent if t.pos_ == "PRON" and not quoted(t.idx) and _nearest(persons, t.idx) == key}
        genders = {"m"} if words & cues.male and not words & cues.female else \
            {"f"} if words & cues.female and not words & cues.male else set()
        for gender in genders:
            votes.setdefault(key, []).append(gender)
    return {key: max(sorted(set(v)), key=v.count) for key, v in votes.items() if v}


def _nearest(persons: list[tuple[int, bool, str]], at: int) -> str | None:
    """The key of the person mentioned last before ``at``, or else first after it."""
    before = [key for char, _, key in persons if char < at]
    return before[-1] if before else next((key for char, _, key in persons if char > at), None)


def feminine_role(doc: Doc, cues: Cues, name: Token) -> bool:
    """Whether the role a name follows is feminine ("la directrice de l'ARS, Nathalie Perrin", "la ministre
    X"): the first role noun of the words right before the name, read off its determiner or else its own
    form ("l'adjointe"). A masculine role says nothing: French uses it for women too ("le maire, Anne X")."""
    words = []
    for token in reversed(doc[max(name.sent.start, name.i - 8):name.i]):
        if token.pos_ not in ("DET", "ADP", "NOUN", "PROPN", "ADJ") and token.text != ",":
            break
        words.insert(0, token)
    role = next((t for t in words if t.pos_ == "NOUN" and (t.lemma_.lower() in cues.roles or t.lower_ in cues.roles)), None)
    if role is None:
        return False
    determiner = next((c for c in role.children if c.dep_ == "det" and c.morph.get("Gender")), None)
    return (determiner or role).morph.get("Gender") == ["Fem"]


def name_gender(entity: Entity, cues: Cues) -> str | None:
    """A person's gender told by the first name of a written form of two words or more ("Susan Bell", "Mr. Paul
    Roy"); None when no form opens with a first name of ``loaders/data/first_names.yaml`` or forms disagree."""
    if entity.type != "Person":
        return None
    names = first_names()
    found = set()
    for form in sorted({entity.label, *entity.forms}):
        words = [w for w in form.split() if w.lower() not in cues.titles]
        if len(words) >= 2 and words[0].lower() in names:
            found.add(names[words[0].lower()])
    return found.pop() if len(found) == 1 else None


@cache
def first_names() -> dict[str, str]:
    """Given name (lower case) → "m" or "f"."""
    data = lexicon.load("first_names")
    return {name: gender for gender, key in (("m", "male"), ("f", "female")) for name in data[key]}
