"""Name-level building blocks of entity recognition: comparison folding, phrase tables over tokens,
the cue lexicon (``loaders/data/entity_cues.yaml``) and the name record the recogniser passes on.

Kept apart from the article-level steps so that recognition, coreference and knowledge-base matching
share one definition of what a name and a cue are.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Generic, TypeVar

from policykg.ontology import NAMED_TYPES
from policykg.loaders import lexicon
from policykg.loaders.kb import normalise, strip_accents
from policykg.loaders.model import Span

if TYPE_CHECKING:  # names are read by commands that never load spaCy (keys.py, the store's references)
    from spacy.tokens import Doc, Token

NAME_TYPES = NAMED_TYPES
"""Types whose names are proper nouns: their knowledge-base names match only with the same capitals."""
MAX_NAME_TOKENS = 8
MAX_INSTITUTION_TOKENS = 14
"""A French institution's name spells out what it does: "Fédération nationale des syndicats d'exploitants
agricoles"."""

FRENCH_OF = frozenset({"de", "du", "des", "d’", "d'"})
LOCAL_KINDS = frozenset({"town", "city", "borough", "county", "district", "parish"})
"""The kinds of English local council, which name the council of a place ("the borough council", "City of York
Council")."""
"""The prepositions of a French name's complements."""

V = TypeVar("V")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Token comparison key: lower case, no accents, one kind of apostrophe (cached: called for every token)."""
    text = strip_accents(unicodedata.normalize("NFKC", text).lower())
    return text.translate({ord(c): "'" for c in "’‘`´"})


def elided(word: str) -> bool:
    """Whether French elides the article or "de" before ``word`` ("l'Insee", "mairie d'Arles"): it opens on a
    vowel or an h, accented or not."""
    return fold(word[:1]) in _ELIDING


_ELIDING = frozenset("aeiouyh")


class PhraseTable(Generic[V]):
    """Phrases (as token sequences of one tokenizer) → values, found leftmost-longest in a token list.

    A phrase given with ``cased=True`` matches only tokens with at least its capitals (see ``capitals``), so
    that ``Signal`` matches the app but not the noun, and ``US`` the country but not the pronoun.
    """

    def __init__(self, language: str, phrases: Iterable[tuple[str, V, bool]]) -> None:
        from policykg.loaders.nlp import load_pipeline

        tokenizer = load_pipeline(language).tokenizer
        self._table: dict[tuple[str, ...], list[tuple[tuple[int, ...] | None, V]]] = {}
        self._first: set[str] = set()
        """The first token of every phrase: a scan tries nothing at a token that starts none."""
        self.longest = 1
        for phrase, value, cased in phrases:
            tokens = [t.text for t in tokenizer(phrase) if not t.is_space]
            if not tokens:
                continue
            key = tuple(fold(t) for t in tokens)
            caps = tuple(capitals(t) for t in tokens) if cased else None
            entries = self._table.setdefault(key, [])
            if (caps, value) not in entries:
                entries.append((caps, value))
            self.longest = max(self.longest, len(key))
            self._first.add(key[0])

    def scan(self, tokens: Sequence[Token]) -> list[tuple[int, int, list[V]]]:
        """Non-overlapping matches ``(first, last + 1, values)`` over ``tokens``, leftmost-longest."""
        keys = [fold(t.text) for t in tokens]
        found: list[tuple[int, int, list[V]]] = []
        i = 0
        while i < len(tokens):
            if keys[i] not in self._first:
                i += 1
                continue
            for j in range(min(len(tokens), i + self.longest), i, -1):
                values = self._values(tokens, keys, i, j)
                if values:
                    found.append((i, j, values))
                    i = j
                    break
            else:
                i += 1
        return found

    def _values(self, tokens: Sequence[Token], keys: list[str], i: int, j: int) -> list[V]:
        entries = self._table.get(tuple(keys[i:j]))
        if not entries:
            return []
        return [value for caps, value in entries
                if caps is None or all(capitals(t.text) >= need for need, t in zip(caps, tokens[i:j]))]


def capitals(word: str) -> int:
    """0: starts lower case, 1: capitalised, 2: all capitals (an acronym such as ``US``, not the pronoun)."""
    if sum(c.isalpha() for c in word) >= 2 and word.isupper():
        return 2
    return 1 if word[:1].isupper() else 0


@dataclass(frozen=True)
class Cues:
    """The lexicon of ``entity_cues.yaml``, folded for comparison."""

    honorifics: frozenset[str]
    name_particles: frozenset[str]
    given_name_particles: frozenset[str]
    institution_heads: frozenset[str]
    complement_heads: frozenset[str]
    complement_joins: frozenset[str]
    nations: frozenset[str]
    topic_heads: frozenset[str]
    campaign_verbs: frozenset[str]
    determiners: frozenset[str]
    sentence_articles: frozenset[str]
    definite: frozenset[str]
    ner_types: dict[str, str]
    type_inside: dict[str, str]
    type_before: list[tuple[str, str]]
    anaphors: list[tuple[str, tuple[str, ...], bool]]
    """(phrase, types, allowed as the complement of a noun)."""
    window: int
    description_heads: dict[str, tuple[str, ...]]
    spokespeople: frozenset[str]
    spokesperson_label: str
    title_modifiers: frozenset[str]
    title_references: frozenset[str]
    title_abbreviations: dict[str, str]
    things: frozenset[str]
    laws: dict[str, frozenset[str]]
    """Words that make a capitalised name a law's, as its ``last`` word ("AI Act") or its ``first`` ("Loi Evin")."""
    quantities: frozenset[str]
    phrase_breaks: frozenset[str]


@cache
def cues() -> Cues:
    """The cue lexicon, read once per process."""
    data = lexicon.load("entity_cues")
    return Cues(
        honorifics=frozenset(fold(h).rstrip(".") for h in data["honorifics"]),
        name_particles=frozenset(fold(p) for p in data["name_particles"]),
        given_name_particles=frozenset(fold(p) for p in data["given_name_particles"]),
        institution_heads=frozenset(fold(w) for w in data["institution_heads"]),
        complement_heads=frozenset(fold(w) for w in data["complement_heads"]),
        complement_joins=frozenset(fold(w) for w in data["complement_joins"]),
        nations=frozenset(fold(w) for w in data["nations"]),
        topic_heads=frozenset(fold(w) for w in data["topic_heads"]),
        campaign_verbs=frozenset(fold(w) for w in data.get("campaign_verbs", ())),
        determiners=frozenset(fold(d) for d in data["determiners"]),
        sentence_articles=frozenset(data["sentence_articles"]),
        definite=frozenset(fold(d) for d in data["definite"]),
        ner_types=dict(data["ner_types"]),
        type_inside={fold(w): type_ for type_, c in data["type_cues"].items() for w in c.get("inside", ())},
        type_before=[(p, type_) for type_, c in data["type_cues"].items() for p in c.get("before", ())],
        anaphors=[(p, tuple(a["types"]), not a.get("not_after_noun", False))
                  for a in data["anaphors"] for p in a["phrases"]],
        window=int(data["window"]),
        description_heads={fold(h): tuple(d["types"]) for d in data["descriptions"] for h in d["heads"]},
        spokespeople=frozenset(fold(s) for s in data["spokespeople"]),
        spokesperson_label=data["spokesperson_label"],
        title_modifiers=frozenset(fold(m) for m in data["title_modifiers"]),
        title_references=frozenset(fold(t) for t in data["title_references"]),
        title_abbreviations={fold(a): fold(t) for a, t in data["title_abbreviations"].items()},
        things=frozenset(fold(t) for t in data["things"]),
        laws={place: frozenset(fold(w) for w in words) for place, words in data["laws"].items()},
        quantities=frozenset(fold(q) for q in data["quantities"]),
        phrase_breaks=frozenset(fold(b) for b in data["phrase_breaks"]),
    )


def head_word(label: str) -> tuple[str, bool]:
    """The head of a phrase, folded, and whether it is written in lower case: the last word before a
    preposition or relative pronoun, past nouns of quantity ("a series of online postings that ..." →
    "postings", "a letter from his doctor" → "letter", "Cheryl Mills lawyer" → "lawyer")."""
    c = cues()
    words = [w.strip(",;:()\"“”«»") for w in label.split()]
    words = [w for w in words if w]
    head = ""
    for k, word in enumerate(words):
        folded = fold(word)
        inside_name = folded in c.name_particles and words[k + 1:k + 2] and words[k + 1][:1].isupper()
        if folded in c.phrase_breaks and not inside_name:
            if head and fold(head) not in c.quantities:
                break
        else:
            head = word
    return fold(head), head[:1].islower()


def names_a_thing(label: str) -> bool:
    """Whether a phrase names a thing (a document, a poll, a plan...), never a Person or an Organization:
    its head is one of the ``things`` cue words, in lower case or after another word ("the Clinton Plan";
    a lone "Bill" is a name)."""
    head, lower = head_word(label)
    return head in cues().things and (lower or len(label.split()) > 1) or names_a_law(label)


def names_a_law(label: str) -> bool:
    """Whether a name of several words ends (English) or starts (French) with a capitalised law word: "AI Act",
    "Safety of Rwanda Bill", "Loi Evin"."""
    words, laws = label.split(), cues().laws
    return len(words) > 1 and any(w[:1].isupper() and fold(w) in laws[place]
                                  for w, place in ((words[-1], "last"), (words[0], "first")))


def is_description(label: str) -> bool:
    """Whether a name-like phrase is headed by a common noun: "Cheryl Mills lawyer", "a senior official"."""
    head, lower = head_word(label)
    return lower and head not in cues().name_particles and head.isalpha()


@dataclass
class Name:
    """A name found by the NER (or after a title), before resolution."""

    span: Span
    text: str
    type: str
    cued: bool
    """Whether a cue word gave the type (then it is not second-guessed)."""
    last: Token

    @property
    def words(self) -> list[str]:
        return normalise(self.text).split()



@cache
def cue_tables(language: str) -> tuple[PhraseTable[tuple[tuple[str, ...], bool]], PhraseTable[str]]:
    """Phrase tables of the anaphoric nouns and of the type cues that come before a name."""
    c = cues()
    anaphors = PhraseTable(language, ((p, (types, complement), False) for p, types, complement in c.anaphors))
    before = PhraseTable(language, ((p, type_, False) for p, type_ in c.type_before))
    return anaphors, before



def name_cased(word: str) -> bool:
    """Written as a name: capitalised, or opening in lower case with a capital inside ("e-Enfance", "négaWatt"),
    as brand-like names are."""
    return word[:1].isupper() or word[:1].isalpha() and any(c.isupper() for c in word[1:])


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 8 and word.isalpha() and word.isupper()



def listed_remits(last: Token) -> Token:
    """The last word of a list of a French body's remits that runs on after ``last``, the end of its first one
    ("ministère des Sports | , de la Jeunesse et de la Vie associative", "SPF Emploi | , Travail et Concertation
    sociale"), which the NER and the parse cut at the first comma: items set off by commas and closed by « et », each a
    capitalised word and the lower-case adjectives after it, opened by « de » and its article when the first one is;
    else, capitalised common nouns (not names: "la CGT, FO et Solidaires" are three bodies). ``last`` when no list
    closed by « et » follows on its line. English: ``english_remits``."""
    if last.doc.lang_ == "en":
        return english_remits(last)
    doc, k = last.doc, last.i + 1
    opening = next((t for t in reversed(doc[max(0, last.i - 3):last.i + 1]) if fold(t.text) in FRENCH_OF), None)
    if opening is None and not (last.pos_ == "NOUN" and last.text[:1].isupper()):
        return last
    end = last
    while k + 1 < len(doc) and doc[k].text in (",", "et") and "\n" not in doc[end.i:k + 2].text:
        j = k + 1
        if opening is not None:
            if fold(doc[j].text) not in FRENCH_OF:
                break
            j += 1 + (j + 1 < len(doc) and doc[j + 1].pos_ == "DET")
        word = doc[j] if j < len(doc) else None
        if word is None or not (word.is_alpha and word.text[:1].isupper()) or opening is None and word.pos_ != "NOUN":
            break
        while j + 1 < len(doc) and doc[j + 1].is_lower and doc[j + 1].pos_ == "ADJ":
            j += 1
        if doc[k].lower_ == "et":
            return doc[j]
        end, k = doc[j], j + 1
    return last


GOVERNMENT_HEADS = frozenset({"department", "ministry", "office", "minister", "secretary"})
"""The heads of a government body's or post's name that a list of remits may complete ("Department of Agriculture,
Fisheries and Forestry")."""
NAMED_KINDS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})


def _remit_end(doc: Doc, j: int) -> int | None:
    """The last word of a remit opening at ``j``: up to three capitalised words, none an acronym, a place, a people,
    a person or the head of a body's name ("College", "Council"), so that a list of separate bodies is not one."""
    c, end = cues(), j
    while end < len(doc) and end - j < 3 and doc[end].is_alpha and doc[end].text[:1].isupper() \
            and not is_acronym(doc[end].text) and doc[end].ent_type_ not in NAMED_KINDS \
            and fold(doc[end].text) not in c.complement_heads | c.institution_heads:
        end += 1
    if end == j or end < len(doc) and doc[end].text[:1].isupper():
        return None
    return end - 1


def english_remits(last: Token) -> Token:
    """The last word of the list of remits an English government body's or post's name runs on through after
    ``last`` ("Department of Health, | Housing and the Elderly", "Minister of Trade, Ports and Waterways"), which the
    NER cuts at a comma or "and": after "of" and a head of ``GOVERNMENT_HEADS``, items (``_remit_end``) set off by
    commas and closed by "and" (the article allowed: "and the Coast"). ``last`` otherwise: "the Department of Health,
    NHS Wales and the Royal College of Nursing" are three bodies."""
    doc, k = last.doc, last.i
    while k > 0 and (doc[k].text == "," or doc[k].is_alpha and doc[k].text[:1].isupper()) and last.i - k < 8:
        k -= 1
    article = k > 0 and doc[k].lower_ == "the"  # "Department of the Environment, Food and Rural Affairs"
    k -= article
    if not (k > 0 and doc[k].lower_ == "of" and fold(doc[k - 1].text) in GOVERNMENT_HEADS
            and _remit_end(doc, k + 1 + article) is not None):
        return last
    end, k = last, last.i + (last.text != ",")  # the NER's span may end on the comma
    while k + 1 < len(doc) and (doc[k].text == "," or doc[k].lower_ == "and") and "\n" not in doc[end.i:k + 2].text:
        closing = doc[k].lower_ == "and" or doc[k + 1].lower_ == "and"
        j = k + 1 + (doc[k + 1].lower_ == "and")
        j += j < len(doc) and closing and doc[j].lower_ == "the"
        item = _remit_end(doc, j) if j < len(doc) else None
        if item is None:
            break
        if closing:
            return doc[item]
        end, k = doc[item], item + 1
    return last


def hyphen_joined(token: Token) -> bool:
    """A lower-case word joined by a hyphen to a capitalised one before it ("Ban Ki-moon"): still the name's."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
        and not doc[token.i - 2].whitespace_ and doc[token.i - 2].text[:1].isupper() and token.is_alpha


def name_head(label: str) -> str | None:
    """The word that heads a name of several words, in lower case: its last capitalised word before any lower-case one
    ("trust" in "Oakmere Learning Trust", "service" in "Fire and Rescue Service", "fields" in "Fields in Trust"); None
    for a one-word name."""
    words = label.split()
    capitalised = next((k for k, w in enumerate(words) if not w[:1].isupper() and w not in ("and", "&")), len(words))
    return words[capitalised - 1].lower() if len(words) > 1 and capitalised else None


def shortens(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` open ``long`` ("Carrick" of "Carrick Retail Consortium") or leave out its middle
    (``middle_left_out``)."""
    return 0 < len(short) < len(long) and long[:len(short)] == short or middle_left_out(short, long)


def middle_left_out(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` are those of ``long`` less some in the middle, its first and last kept ("Kelso
    Council" of "Kelso Borough Council"); not less a conjunction or a preposition, which join two names ("Premier
    League" is not "Premier League and the Football League")."""
    rest = iter(long[1:-1])
    return 2 <= len(short) < len(long) and short[0] == long[0] and short[-1] == long[-1] \
        and all(w in rest for w in short[1:-1]) and not set(long[1:-1]) - set(short) & LINK_WORDS


def cut_at_and(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` are ``long`` cut before an "and" and at most two last words that join no other name
    ("Department of Health" of "Department of Health and Social Care"); not a single word ("Unison" of "Unison and
    the GMB")."""
    tail = long[len(short) + 1:]
    return len(short) >= 2 and 1 <= len(tail) <= 2 and long[:len(short)] == short and long[len(short)] in ("and", "&") \
        and not set(tail) & LINK_WORDS


LINK_WORDS = frozenset({"and", "&", "or", "the", "of", "for", "in", "on", "et", "de", "du", "des", "la", "le", "les"})
"""Words that join names or open a complement: a name left out with them is another name, not a middle word."""


def qualifier_left_out(short: list[str], long: list[str]) -> bool:
    """Whether the one word ``short`` is the head of the two-word name ``long`` ("Commission" of "European
    Commission", "Government" of "Scottish Government"): a public body named again without the word that says
    whose it is."""
    return len(short) == 1 and len(long) == 2 and long[1] == short[0] and long[0] not in LINK_WORDS
