"""Likely merges the system did not make: stored people or organisations with different keys whose names look
like variants of one name, listed for a researcher to confirm (a confirmed pair becomes a curation).

Extraction merges only what a name alone decides (``loaders/extract/keys.py``); what it leaves apart and a
reader might join is listed here, each pair with a score (0-100) and the reason:

- ``nickname``: same surname, first names a nickname or an initial of each other ("Bill" / "William");
- ``reference``: a one-word name and a full name that ends (or else begins) with it ("Obama" / "Barack Obama"):
  a reference the corpus leaves unresolved, because several people hold its word and none clearly (the store
  resolves the others, ``policykg.references``);
- ``spelling``: same surname and first names close in spelling, or organisation names close in spelling
  (rapidfuzz ratio at least ``min_score``: "Donand Trump", "Patriot Coal" / "Patriot Coal Corp");
- ``acronym``: an organisation's initials ("IMF" / "International Monetary Fund").

Candidates are found within blocks (a person's surname, an organisation's first word, initials), so the
work grows with the corpus, not with its square. The list is sorted: best score first, then labels and ids.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import combinations

from rapidfuzz import fuzz

from policykg.graph.store import OxigraphStore
from policykg.loaders.extract.keys import is_title, name_words, parse_person, same_first_name
from policykg.ontology import ORGANISATION_TYPES
from policykg.loaders.extract.names import cues, is_description

COLUMNS = ("score", "reason", "type", "label", "other_label", "id", "other_id")


@dataclass(frozen=True, order=True)
class Candidate:
    """Two entities that may be one; ``label``/``id`` sort before ``other_label``/``other_id``."""

    score: float
    reason: str
    type: str
    label: str
    other_label: str
    id: str
    other_id: str

    def row(self) -> dict:
        return asdict(self)


def merge_candidates(entities: Iterable[dict], min_score: float = 85.0) -> list[Candidate]:
    """Candidate merges among entity rows (``id``, ``label``, ``type``); descriptions ("the campaign",
    "Administration officials": unnamed speakers) are not names and are left out."""
    entities = [e for e in entities if e["label"][:1].isupper() and not is_description(e["label"])]
    people = [e for e in entities if e.get("type") == "Person"]
    organisations = [e for e in entities if e.get("type") in ORGANISATION_TYPES]
    found: dict[tuple[str, str], Candidate] = {}
    for candidate in [*_people(people, min_score), *_organisations(organisations, min_score)]:
        pair = (candidate.id, candidate.other_id)
        if pair not in found or candidate.score > found[pair].score:
            found[pair] = candidate
    return sorted(found.values(), key=lambda c: (-c.score, c.type, c.label, c.other_label, c.id, c.other_id))


ACTORS = """
SELECT ?id ?label ?type (COUNT(DISTINCT ?g) AS ?graphs) WHERE {
  GRAPH ?g { ?id rdfs:label ?label ; a ?t . }
  FILTER(STRSTARTS(STR(?t), STR(pk:)))
  BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type)
}
GROUP BY ?id ?label ?type
"""
"""Each entity's labels and types with the number of graphs that give them (one pass, no alias × article
product)."""


def store_candidates(store: OxigraphStore, min_score: float = 85.0) -> list[Candidate]:
    """Candidate merges among the people and organisations of a store, each entity under the label most
    graphs give it (ties: the first in order)."""
    best: dict[str, tuple[int, str, str]] = {}
    for row in store.select(ACTORS):
        key = (-int(row["graphs"].value), row["label"].value, row["type"].value)
        if row["id"].value not in best or key < best[row["id"].value]:
            best[row["id"].value] = key
    rows = [{"id": id_, "label": label, "type": type_} for id_, (_, label, type_) in sorted(best.items())]
    return merge_candidates(rows, min_score)


def _candidate(score: float, reason: str, type_: str, a: dict, b: dict) -> Candidate:
    first, second = sorted((a, b), key=lambda e: (e["label"], e["id"]))
    return Candidate(round(score, 1), reason, type_, first["label"], second["label"], first["id"], second["id"])


def _people(people: list[dict], min_score: float) -> Iterable[Candidate]:
    by_surname: dict[str, list[tuple[dict, tuple[str, ...], str | None]]] = defaultdict(list)
    by_first: dict[str, list[dict]] = defaultdict(list)
    references = []
    for entity in people:
        name = parse_person(entity["label"])
        words = tuple(name.proper)
        if len(words) >= 2:
            by_surname[words[-1]].append((entity, words, name.suffix))
            by_first[words[0]].append(entity)
        elif len(words) == 1 and not is_title(words[0]):
            references.append((entity, words[0]))
    for surname in sorted(by_surname):
        for (a, wa, sa), (b, wb, sb) in combinations(by_surname[surname], 2):
            if a["id"] == b["id"] or (sa != sb and {sa, sb} - {None, "jr", "junior"}):
                continue
            if same_first_name(wa[0], wb[0]):
                yield _candidate(95.0, "nickname", "Person", a, b)
                continue
            score = fuzz.ratio(" ".join(wa), " ".join(wb))
            if score >= min_score:
                yield _candidate(score, "spelling", "Person", a, b)
    for entity, word in references:
        holders = [e for e, _, _ in by_surname.get(word, ())] or by_first.get(word, [])
        for holder in holders:
            if holder["id"] != entity["id"]:
                yield _candidate(90.0 if len(holders) == 1 else 80.0, "reference", "Person", entity, holder)


def _organisations(organisations: list[dict], min_score: float) -> Iterable[Candidate]:
    blocks: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    initials: dict[str, list[dict]] = defaultdict(list)
    for entity in organisations:
        words = [w for w in name_words(entity["label"]) if w != "the"]
        if not words:
            continue
        blocks[words[0]].append((entity, " ".join(words)))
        if len(words) > 1:
            initials["".join(w[0] for w in words if w not in cues().determiners)].append(entity)
    for first in sorted(blocks):
        for (a, na), (b, nb) in combinations(blocks[first], 2):
            score = fuzz.token_sort_ratio(na, nb)
            if a["id"] != b["id"] and score >= min_score:
                yield _candidate(score, "spelling", a["type"], a, b)
    for entity in organisations:
        label = entity["label"]
        if 2 <= len(label) <= 8 and label.isalpha() and label.isupper():
            for full in initials.get(label.lower(), ()):
                if full["id"] != entity["id"]:
                    yield _candidate(90.0, "acronym", full["type"], entity, full)
