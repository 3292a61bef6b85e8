"""Numbers with a unit and a subject: "Wickr n'a signalé que 15 cas", "more than 80 %", "20 000 enquêtes".

A fact is a number (digits in the language's own notation, "3 500" / "20,000", times a multiplier word
such as "millions"; or a number word) followed by a unit: a percent sign or word, a currency, or a noun the
data file maps to a normalised English unit (``loaders/data/<language>/facts.yaml``). Counted things that
a reporting verb governs become ``reports`` ("3 500 cas ont été signalés"). A number without a known unit is
not a fact, and neither are years, dates, times, ordinals, nor numbers inside a name.

The subject is the entity the number is about: its possessor ("Cruz's 20%"); else the subject of the
clause the number sits in ("Wickr n'a signalé que 15 cas"); else the nearest actor in that clause ("... ne
pas être signalés en raison du cryptage"); else the nearest actor of the sentence; else the subject of the
sentence before (a number that continues what that sentence said).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.model import Article, Entity, Fact

BACKGROUND = frozenset({"Topic", "Place"})
"""Entity types a number is about only when its clause makes them its subject."""
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
POSSESSORS = frozenset({"poss", "nmod:poss"})
LINKS = frozenset({"de", "d'", "des", "du", "of"})
CONJUNCTIONS = frozenset({"et", "ou", "and", "or", "&"})
SENTENCE_END = frozenset({".", "!", "?", ";"})
REPORT_WINDOW = 5
"""How many words from a counted noun a reporting verb may stand ("3 500 cas ont été signalés")."""
YEARS = range(1800, 2101)
HEAD_REACH = 4
"""How far after a number its head noun may be and still be its unit."""


@dataclass(frozen=True)
class Units:
    """One language's number notation and unit nouns, folded."""

    number: re.Pattern[str]
    multipliers: dict[str, float]
    number_words: dict[str, float]
    percent: list[tuple[str, ...]]
    approximations: list[tuple[str, ...]]
    dates: frozenset[str]
    units: dict[str, str]
    reported: frozenset[str]
    report_verbs: frozenset[str]


@cache
def units(language: str) -> Units:
    """The number notation and units of ``language``, read once per process."""
    data = lexicon.load("facts", language)
    separators = "".join(re.escape(s) for s in data["thousands"])
    # digits with thousands separators, an optional decimal part, and an optional letter suffix ("5bn", "2e")
    number = re.compile(rf"(?<![\w.,/:-])(\d{{1,3}}(?:[{separators}]\d{{3}})+|\d+)"
                        rf"(?:{re.escape(data['decimal'])}(\d+))?([^\W\d_]{{1,2}})?(?![\w])")
    phrases = lambda key: [tuple(fold(w) for w in p.replace("'", "' ").split()) for p in data[key]]  # noqa: E731
    return Units(
        number=number,
        multipliers={fold(k): float(v) for k, v in data["multipliers"].items()},
        number_words={fold(k): float(v) for k, v in data["number_words"].items()},
        percent=phrases("percent"), approximations=phrases("approximations"),
        dates=frozenset(fold(w) for w in [*data["months"], *data["times"]]),
        units={fold(k): v for k, v in data["units"].items()},
        reported=frozenset(data["reported"]), report_verbs=frozenset(fold(v) for v in data["report_verbs"]),
    )


def find_facts(article: Article, doc: Doc, index: EntityIndex) -> list[Fact]:
    """The facts of ``article``, in text order."""
    table = units(article.language or doc.lang_)
    facts = []
    for first, last, value in _numbers(doc, table):
        if index.entity_at(doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)) is not None:
            continue  # part of a name: "Article 13"
        found = _unit(doc, first, last, value, table)
        if found is None:
            continue
        unit, value, first, end = found
        start = _approximation_start(doc, first, table)
        subject = _subject(doc[first:end], index)
        if subject is None:
            continue
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        facts.append(Fact(subject.key, value, unit, article.text[span[0]:span[1]], *span))
    return facts


def _numbers(doc: Doc, table: Units) -> list[tuple[int, int, float]]:
    """(first token, last token + 1, value) of every number written in digits or as a word."""
    found = []
    for match in table.number.finditer(doc.text):
        digits, decimals, suffix = match.groups()
        multiplier = 1.0
        if suffix:
            if fold(suffix) not in table.multipliers:
                continue  # an ordinal or a time: "2e", "21st", "10h"
            multiplier = table.multipliers[fold(suffix)]
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        value = float(re.sub(r"\D", "", digits) + (f".{decimals}" if decimals else "")) * multiplier
        if _is_date(doc, span, digits, decimals, suffix, table):
            continue
        found.append((span.start, span.end, value))
    for token in doc:
        if fold(token.text) in table.number_words and token.i + 1 < len(doc):
            found.append((token.i, token.i + 1, table.number_words[fold(token.text)]))
    return sorted(found)


def _is_date(doc: Doc, span: Span, digits: str, decimals: str | None, suffix: str | None, table: Units) -> bool:
    """A year ("en 2021"), a day of a month ("le 5 mai", "May 5") or a time ("10 h")."""
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    if any(fold(t.text).rstrip(".") in table.dates for t in neighbours):
        return True
    if digits.isdigit() and len(digits) == 4 and int(digits) in YEARS and not decimals and not suffix:
        return not _is_percent_at(doc, span.end, table)
    return False


def _unit(doc: Doc, first: int, last: int, value: float, table: Units) -> tuple[str, float, int, int] | None:
    """(unit, value times any multiplier word, first and end token of the fact) for the number in tokens
    [first, last); the first token is a currency sign before the number, if any."""
    i = last
    if i < len(doc) and fold(doc[i].text) in table.multipliers and doc[i].is_alpha:
        value *= table.multipliers[fold(doc[i].text)]
        i += 1
    percent_end = _is_percent_at(doc, i, table)
    if percent_end:
        return "percent", value, first, percent_end
    if first > 0 and not doc[first - 1].is_alpha and fold(doc[first - 1].text) in table.units:
        return table.units[fold(doc[first - 1].text)], value, first - 1, i  # a currency sign: "$5", "€20"
    while i < len(doc) and fold(doc[i].text) in LINKS:
        i += 1
    candidates = [doc[i]] if i < len(doc) else []
    head = doc[first].head
    if last <= head.i <= last + HEAD_REACH and head.pos_ in ("NOUN", "PROPN"):
        candidates.insert(0, head)  # "30,000 child abuse offences": the head, not the next word
    for noun in candidates:
        unit = table.units.get(fold(noun.text)) or table.units.get(fold(noun.lemma_))
        if unit:
            if unit in table.reported and _reported(noun, table):
                unit = "reports"
            return unit, value, first, noun.i + 1
    return None


def _is_percent_at(doc: Doc, i: int, table: Units) -> int:
    """The end token of a percent sign or phrase starting at token ``i``, or 0."""
    for phrase in table.percent:
        end = i + len(phrase)
        if end <= len(doc) and tuple(fold(t.text) for t in doc[i:end]) == phrase:
            return end
    return 0


def _reported(noun: Token, table: Units) -> bool:
    """Whether a reporting verb governs the counted noun ("15 cas signalés", "reported 15 cases") or stands
    next to it in its sentence ("20 millions de cas pourraient ne pas être signalés"): parses of these
    clauses vary too much to rely on the tree, or even on its sentence boundaries."""
    doc = noun.doc
    near = []
    for step in (-1, 1):
        i = noun.i + step
        while 0 <= i < len(doc) and abs(i - noun.i) <= REPORT_WINDOW and doc[i].text not in SENTENCE_END:
            near.append(doc[i])
            i += step
    return any(fold(t.lemma_) in table.report_verbs for t in [*list(noun.ancestors)[:3], *near])


def _approximation_start(doc: Doc, first: int, table: Units) -> int:
    """The first token of "plus de" / "more than" before the number, or the number's own first token."""
    for phrase in sorted(table.approximations, key=len, reverse=True):
        start = first - len(phrase)
        if start >= 0 and tuple(fold(t.text) for t in doc[start:first]) == phrase:
            return start
    return first


def _subject(fact: Span, index: EntityIndex) -> Entity | None:
    """The entity the number is about (see the module docstring for the order)."""
    own = {t.i for token in fact for t in token.subtree}
    number = fact[0]
    for token in fact:  # "Cruz's 20%"
        for child in token.children:
            if child.dep_ in POSSESSORS and (entity := _entity_of(child, index)) is not None:
                return entity
    clause = _clause(fact[-1])
    if clause is not None:
        entity = _clause_subject(clause, own, index)
        if entity is not None:
            return entity
        inside = [t for t in clause.subtree if t.i not in own]
        entity = _nearest(number, inside, index)
        if entity is not None:
            return entity
    sentence = number.sent
    entity = _nearest(number, list(sentence), index)
    if entity is not None or sentence.start == 0:
        return entity
    previous = number.doc[sentence.start - 1].sent
    for token in previous:
        if token.dep_ in SUBJECTS:
            entity = _entity_of(token, index)
            if entity is not None and entity.type not in BACKGROUND:
                return entity
    return None


def _clause_subject(clause: Token, own: set[int], index: EntityIndex) -> Entity | None:
    """The entity subject of a clause; for a pronoun ("X said it had found 2,500 images"), the subject of the
    clause it depends on."""
    for child in clause.children:
        if child.dep_ not in SUBJECTS or child.i in own:
            continue
        if child.pos_ == "PRON":
            parent = _clause(clause.head) if clause.head != clause else None
            return _clause_subject(parent, own, index) if parent is not None and parent != clause else None
        entity = _entity_of(_first_listed(child, index), index)
        if entity is not None and entity.type != "Topic":
            return entity
    return None


def _first_listed(token: Token, index: EntityIndex) -> Token:
    """The first item of the list ``token`` ends: the head of its conjuncts, or the entity right before an
    "et"/"and" when the parser missed the list ("Facebook et Instagram représentent")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    doc = token.doc
    i = token.left_edge.i
    if i >= 2 and doc[i - 1].lower_ in CONJUNCTIONS and _entity_of(doc[i - 2], index) is not None:
        return doc[i - 2]
    return token


def _clause(token: Token) -> Token | None:
    """The verb heading the clause ``token`` is in."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _entity_of(token: Token, index: EntityIndex) -> Entity | None:
    return index.entity_at(token.idx, token.idx + len(token.text))


def _nearest(number: Token, tokens: list[Token], index: EntityIndex) -> Entity | None:
    """The actor mentioned nearest to ``number`` among ``tokens``, the earlier one on a tie."""
    best: tuple[int, int, Entity] | None = None
    for token in tokens:
        entity = _entity_of(token, index)
        if entity is None or entity.type in BACKGROUND:
            continue
        rank = (abs(token.i - number.i), 0 if token.i < number.i else 1, entity)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None
