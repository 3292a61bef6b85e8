"""Genders of the people an article names, so that a gendered pronoun ("she", "il") never picks a person of
the other gender: read off titles, feminine roles and the pronouns that refer to a lone subject."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.syntax import previous_word, text_length
from policykg.loaders.model import Entity

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex


def read_genders(doc: Doc, index: EntityIndex, cues: Cues, mentions: list[tuple[int, bool, Entity]],
                 quoted: Callable[[int], bool]) -> dict[str, str]:
    """Each person's gender as the article shows it: a title before the name ("Mrs.", "M."), a feminine role
    set before it ("la directrice de l'agence, X"), or the gendered pronouns of sentences whose only person
    is their subject ("Clinton said her ..."). ``mentions`` are the speakers' (char, is subject, entity)."""
    votes: dict[str, list[str]] = {}
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
        people = {e.key for char, subject, e in mentions[k:] if char < sent.end_char and e.type == "Person" and subject}
        if len(people) != 1:
            continue
        words = {t.lower_ for t in sent if t.pos_ == "PRON" and not quoted(t.idx)}
        genders = {"m"} if words & cues.male and not words & cues.female else \
            {"f"} if words & cues.female and not words & cues.male else set()
        for gender in genders:
            votes.setdefault(people.pop(), []).append(gender)
    return {key: max(sorted(set(v)), key=v.count) for key, v in votes.items() if v}


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
