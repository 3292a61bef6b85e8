"""Numbers with a unit and a subject: "Wickr n'a signalé que 15 cas", "more than 80 %", "20 000 enquêtes".

A fact is a number (digits in the language's own notation, "3 500" / "20,000", times a multiplier word
such as "millions"; or a number word) followed by a unit: a percent sign or word, a currency, or a noun the
data file maps to a normalised English unit (``loaders/data/facts/<language>.yaml``). Counted things that
a reporting verb governs become ``reports`` ("3 500 cas ont été signalés"). A number without a known unit is
not a fact, and neither are years, dates, times, ordinals, nor numbers inside a name.

The subject is the entity the number is about: the subject of the clause the number sits in ("Wickr n'a
signalé que 15 cas"); else the nearest actor in that clause ("... ne pas être signalés en raison du
cryptage"); else the nearest actor of the sentence; else the subject of the sentence before (a number that
continues what that sentence said).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.model import Article, Entity, Fact

BACKGROUND = frozenset({"Topic", "Place"})
"""Entity types a number is about only when its clause makes them its subject."""
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
LINKS = frozenset({"de", "d'", "des", "du", "of"})
LIST_LINKS = frozenset({",", "et", "ou", "and", "or", "&"})
YEARS = range(1800, 2101)
HEAD_REACH = 4
"""How far after a number its head noun may be and still be its unit."""


@dataclass(frozen=True)
class Units:
    """One language's number notation and unit nouns, folded."""

    number: re.Pattern[str]
    decimal: str
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
    data = yaml.safe_load(resources.files("policykg.loaders").joinpath(f"data/facts/{language}.yaml").read_text("utf-8"))
    separators = "".join(re.escape(s) for s in data["thousands"])
    number = re.compile(rf"(?<![\w.,/:-])(\d{{1,3}}(?:[{separators}]\d{{3}})+|\d+)(?:{re.escape(data['decimal'])}(\d+))?"
                        rf"([^\W\d_]{{1,2}})?(?![\w])")
    phrases = lambda key: [tuple(fold(w) for w in p.replace("'", "' ").split()) for p in data[key]]  # noqa: E731
    return Units(
        number=number, decimal=data["decimal"],
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
        after = doc[span.end] if span.end < len(doc) else None
        return after is None or not _is_percent_at(doc, span.end, table)
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
    currency = _currency(doc[first - 1]) if first > 0 else None
    if currency:
        return table.units[currency], value, first - 1, i
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


def _currency(token: Token) -> str | None:
    """The currency sign right before a number ("$5", "€20")."""
    return fold(token.text) if token.text in ("$", "€", "£") else None


def _is_percent_at(doc: Doc, i: int, table: Units) -> int:
    """The end token of a percent sign or phrase starting at token ``i``, or 0."""
    for phrase in table.percent:
        end = i + len(phrase)
        if end <= len(doc) and tuple(fold(t.text) for t in doc[i:end]) == phrase:
            return end
    return 0


def _reported(noun: Token, table: Units) -> bool:
    """Whether a reporting verb governs the counted noun ("15 cas signalés", "reported 15 cases"), or is the
    verb of its clause ("20 millions de cas pourraient ne pas être signalés")."""
    verbs = [noun, *list(noun.ancestors)[:3]]
    clause = _clause(noun)
    if clause is not None:
        verbs += [clause, *(c for c in clause.children if c.dep_ in ("xcomp", "conj"))]
    return any(fold(v.lemma_) in table.report_verbs for v in verbs)


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
    clause = _clause(fact[-1])
    if clause is not None:
        for child in clause.children:
            if child.dep_ in SUBJECTS and child.i not in own:
                entity = _entity_of(_first_listed(child), index)
                if entity is not None and entity.type != "Topic":
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


def _first_listed(token: Token) -> Token:
    """The first item of the list ``token`` ends ("Facebook et Instagram représentent")."""
    doc = token.doc
    i = token.left_edge.i
    while i >= 2 and doc[i - 1].lower_ in LIST_LINKS and not doc[i - 2].is_punct:
        i -= 2
    return doc[i] if i < token.i else token


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
