"""Entity keys: the IRI segment of an entity outside the knowledge base, the same for every article that names it.

Two articles yield one node exactly when they produce the same key, so a key is computed from the name
alone, never from what else the corpus holds (ingest order and batches cannot change it):

- a person: first name and surname, folded (case, accents, punctuation), without titles, honorifics,
  middle names and initials, or a possessive; "Sr." and numerals ("III") are kept, "Jr." is not (the son
  is the one called by the plain name; his father is "Sr."). A nickname becomes its given name where the
  ``nicknames`` data is unambiguous ("Tim" = Timothy, "Joe" = Joseph: the one given name it abbreviates);
- an organisation: its name folded, without a leading "the", a possessive or a legal form ("Inc.");
- anything else: the slug of its label.

Titles are the cue lexicon's and ``nameparser``'s; nicknames come from the ``nicknames`` data. Whom a
one-word reference means ("Obama" where the article names no Obama in full) is the one thing the corpus
decides (``reference_owner``, applied by the store in every write: ``policykg.references``).
"""
from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nameparser.config import CONSTANTS

from policykg.ontology import ORGANISATION_TYPES
from policykg.loaders.extract.names import cues
from policykg.loaders.kb import normalise, strip_accents
from policykg.loaders.model import slugify

_POSSESSIVE = re.compile(r"[’'`´]s?$")
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"})
"""Letters without a decomposition to an unaccented one (``strip_accents`` leaves them)."""
KEPT_SUFFIXES = frozenset({"sr", "ii", "iii", "iv", "v"})
DROPPED_SUFFIXES = frozenset({"jr", "junior"})
LEGAL_FORMS = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "sa", "sas", "gmbh", "ag", "lp"})


@cache
def given_names() -> frozenset[str]:
    """The first names of the ``nicknames`` data (given names and nicknames), folded."""
    text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    return frozenset(name for row in list(csv.reader(text.splitlines()))[1:] for name in (row[0], row[2]))


@cache
def _nicknames() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Nickname → the given names it may abbreviate (sorted), and name → how many nicknames it has."""
    text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for name, relation, nickname in list(csv.reader(text.splitlines()))[1:]:
        if relation == "has_nickname":
            found.setdefault(nickname, set()).add(name)
            counts[name] = counts.get(name, 0) + 1
    return {nickname: tuple(sorted(names)) for nickname, names in found.items()}, counts


def given_name(first: str) -> str:
    """The given name a first name stands for: the one longer, more common name (by its number of nicknames)
    that the ``nicknames`` data gives for it, that begins like it and holds its letters in order ("tim" →
    "timothy", "joe" → "joseph", not "joshua"); itself otherwise ("bill": William, Robert or Willis).
    Only a short form is a nickname: the data also links full names to rarer spellings and longer
    relatives ("laura" → "laurinda", "fiona" → "fionna"), which would rename the person."""
    if not _nickname_shaped(first):
        return first
    canonicals, counts = _nicknames()
    fits = [c for c in canonicals.get(first, ()) if len(c) >= len(first) + 2 and counts.get(c, 0) > counts.get(first, 0)
            and c[:2] == first[:2] and _in_order(first, c)]
    return fits[0] if len(fits) == 1 else first


def _nickname_shaped(first: str) -> bool:
    """Short (four letters at most) or ending as English pet names do ("-y", "-ie")."""
    return len(first) <= 4 or first.endswith(("y", "ie"))


def _in_order(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def same_first_name(a: str, b: str) -> bool:
    """Whether two folded first names may name one person: equal, one an initial of the other, or one a
    nickname of the other according to the ``nicknames`` data ("bill" / "william")."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    canonicals, _ = _nicknames()
    return a in canonicals.get(b, ()) or b in canonicals.get(a, ()) or given_name(a) == given_name(b)


@cache
def _titles() -> frozenset[str]:
    """Words that are titles, not names: the cue lexicon's honorifics, title words and modifiers, and
    nameparser's titles."""
    c = cues()
    return c.honorifics | c.title_modifiers | c.title_references | frozenset(strip_accents(t) for t in CONSTANTS.titles)


PEERAGES = frozenset({"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl", "countess"})
"""Titles of peers: "Lord Smith of Leigh" is a peer's whole name, "Smith of Leigh" none, so the title stays."""


def is_title(word: str) -> bool:
    """Whether a folded word is a title ("president", "sen") rather than a name."""
    return word in _titles()


@dataclass(frozen=True)
class PersonName:
    """A person's name cut into parts, folded: ``words`` are the name proper (no title, no suffix)."""

    words: tuple[str, ...]
    suffix: str | None

    @property
    def first(self) -> str:
        return self.words[0] if self.words else ""

    @property
    def last(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def proper(self) -> list[str]:
        """The words that name: no initial, no particle ("bin", "de"), but a leading particle that is a first
        name ("Al Gore", "Ben Carson")."""
        c = cues()
        return [w for k, w in enumerate(self.words) if len(w) > 1 and (w not in c.name_particles or (
            k == 0 and len(self.words) > 1 and w in c.given_name_particles))]

    @property
    def full(self) -> bool:
        """A first name and a surname, not a surname alone (or with a title, initials or a particle:
        "bin Laden", "Alicia M.")."""
        return len(self.proper) >= 2


def name_words(text: str) -> list[str]:
    """Folded words of a name: no accents, case, possessive or punctuation; hyphenated parts stay one word
    ("Holtz-Eakin" → "holtzeakin")."""
    text = _POSSESSIVE.sub("", text.strip()).translate(_LETTERS)
    return strip_accents(normalise(re.sub(r"(?<=\w)[-‐‑](?=\w)", "", text))).split()


def _name_start(words: list[str]) -> int:
    """How many leading words are titles or their modifiers ("former", "vice"), not the name."""
    titles = _titles()
    k = 0
    while len(words) - k > 1 and words[k] in titles:
        k += 1
    return k


def parse_person(text: str) -> PersonName:
    """Titles and honorifics dropped where they lead, the generational suffix set apart."""
    words = name_words(text)
    suffix = None
    while len(words) > 1 and words[-1] in KEPT_SUFFIXES | DROPPED_SUFFIXES:
        suffix = suffix or words[-1]
        words.pop()
    return PersonName(tuple(words[_name_start(words):]), suffix)


def reference_word(text: str) -> str | None:
    """The one word a name that is not a full name refers by, folded: "Ms. Whitfield" → "whitfield",
    "bin Laden" → "laden", "Alicia M." → "alicia"; None for a full name or no word."""
    proper = parse_person(text).proper
    return proper[0] if len(proper) == 1 else None


def person_form(surface: str) -> str:
    """A person's name as written, without the titles that lead it and without a possessive:
    "Senator Jane A. Whitfield's" → "Jane A. Whitfield"."""
    raw = _POSSESSIVE.sub("", surface.strip()).split()
    folded = [" ".join(name_words(w)) for w in raw]
    start = _name_start(folded)
    if start and folded[start - 1] in PEERAGES and "of" in folded[start + 1:-1]:
        start -= 1  # "Lord Smith of Leigh": a peer's title is part of the name
    return " ".join(raw[start:])


def person_key(text: str) -> str:
    """The key of a person outside the knowledge base (see the module docstring)."""
    name = parse_person(text)
    proper = [w for w in name.words if len(w) > 1] or list(name.words)
    if not proper:
        return slugify(text)
    parts = [given_name(proper[0]), proper[-1]] if len(proper) > 1 else proper
    if name.suffix in KEPT_SUFFIXES:
        parts.append(name.suffix)
    return slugify(" ".join(parts))


def organisation_key(text: str) -> str:
    """The key of an organisation outside the knowledge base (see the module docstring)."""
    words = name_words(text)
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return slugify(" ".join(words)) if words else slugify(text)


def entity_key(label: str, type_: str) -> str:
    """The key of a new entity of type ``type_`` named ``label``."""
    if type_ == "Person":
        return person_key(label)
    if type_ in ORGANISATION_TYPES:
        return organisation_key(label)
    return slugify(label)


def name_ends(form: str) -> tuple[str, str] | None:
    """The first and the last word of a full name, folded, by which a one-word reference may mean it
    ("Barack H. Obama" → ("barack", "obama")); None when ``form`` is not a full name."""
    name = parse_person(form)
    return (name.words[0], name.words[-1]) if name.full else None


def reference_owner(last: Mapping[str, int], share: float = 2 / 3) -> str | None:
    """Whom a one-word reference ("Obama" in an article that names no Obama in full) means in the corpus.

    ``last``: the people whose full names end with its word, each weighed (by the number of articles naming
    them in full). The reference means the person who holds at least ``share`` of the weight ("Obama": Barack
    Obama far more than Michelle Obama); otherwise no one ("Bush": George W. Bush and Jeb Bush). A first name
    alone is never resolved across articles: news names ordinary people by first name ("Aurélie, 34"), and
    they are the article's own. The answer depends on the weights only, never on the order they came in.
    """
    holders = {key: n for key, n in last.items() if n > 0}
    if not holders:
        return None
    best = min(holders, key=lambda k: (-holders[k], k))
    return best if holders[best] >= share * sum(holders.values()) else None
