"""Actor networks as Discourse Network Analysis (DNA) defines them, from the statement rows of the export.

DNA codes a statement as (actor, concept, agreement); here that is (speaker, target, stance), one *event*
per target of a statement. The networks:

* ``congruence``: actor–actor, weight = number of targets on which both actors take the same side;
* ``conflict``: the same for opposite sides (one ``for``, the other ``against``);
* ``subtract``: congruence minus conflict (negative when the two mostly disagree);
* ``actor-target``: two-mode, speaker → target, with the count of events of each stance.

Only ``for`` and ``against`` are sides: a ``neutral`` statement takes none, so it counts in the actor-target
network but never makes two actors agree or disagree. As in DNA, a speaker's repeated statements on one target
with one stance count once per article by default (``duplicates``: ``article``, ``month`` or ``none``).

Normalisation of one-mode weights, with n(a) the number of targets on which actor a takes a side:
``average`` w / ((n(a) + n(b)) / 2), ``jaccard`` w / (n(a) + n(b) - w), ``cosine`` w / sqrt(n(a) n(b)).
"""
from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from policykg.render import date_span

KINDS = ("congruence", "conflict", "subtract", "actor-target")
NORMALISATIONS = ("none", "average", "jaccard", "cosine")
DUPLICATES = ("article", "month", "none")
SIDES = ("for", "against")
OPPOSITE = {"for": "against", "against": "for"}


@dataclass(frozen=True)
class Event:
    """One coded statement in DNA's sense: a speaker's stance on one target, with where and when."""

    statement: str
    speaker_id: str
    speaker: str
    speaker_type: str | None
    target_id: str
    target: str
    target_type: str | None
    stance: str
    date: str | None
    article: str | None
    kind: str | None
    content: str


def _matches(target: Mapping[str, Any], about: str) -> bool:
    """``about`` names the target: its label (any case), its IRI or the IRI's last segment."""
    wanted = about.strip().lower()
    return wanted in (str(target.get("label") or "").lower(), target["id"].lower(), target["id"].rsplit("/", 1)[-1].lower())


def events(
    rows: Iterable[Mapping[str, Any]],
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = None,
    duplicates: str = "article",
) -> list[Event]:
    """The events of statement rows that pass the filters, after DNA's duplicate rule, in row order.

    ``date_from`` and ``date_to`` (``YYYY[-MM[-DD]]``, inclusive) keep statements whose article date lies in
    the range; an undated statement cannot be placed and is left out when either is given.
    """
    if duplicates not in DUPLICATES:
        raise ValueError(f"duplicates must be one of {', '.join(DUPLICATES)}, not {duplicates!r}")
    low = date_span(date_from)[0] if date_from else None
    high = date_span(date_to)[1] if date_to else None
    if (date_from and low is None) or (date_to and high is None):
        raise ValueError(f"dates are YYYY, YYYY-MM or YYYY-MM-DD: {date_from or ''} {date_to or ''}".strip())
    seen: set[tuple] = set()
    found: list[Event] = []
    for row in rows:
        if kind and row.get("kind") != kind:
            continue
        if low or high:
            span = date_span(row.get("date"))
            if span is None or (low and span[1] < low) or (high and span[0] > high):
                continue
        for target in row.get("targets") or []:
            if about and not _matches(target, about):
                continue
            period = {"article": row.get("article"), "month": (row.get("date") or "")[:7], "none": row["statement"]}
            key = (row["speaker_id"], target["id"], row["stance"], period[duplicates])
            if key in seen:
                continue
            seen.add(key)
            found.append(Event(
                statement=row["statement"], speaker_id=row["speaker_id"], speaker=row["speaker"],
                speaker_type=row.get("speaker_type"), target_id=target["id"], target=target.get("label") or target["id"],
                target_type=target.get("type"), stance=row["stance"], date=row.get("date"), article=row.get("article"),
                kind=row.get("kind"), content=row.get("content") or "",
            ))
    return found


def by_period(found: Iterable[Event], by: str) -> dict[str, list[Event]]:
    """Events grouped by the month (``YYYY-MM``) or year of their article, in time order; undated ones left out."""
    width = {"month": 7, "year": 4}[by]
    periods: dict[str, list[Event]] = defaultdict(list)
    for event in found:
        if event.date and len(event.date) >= width:
            periods[event.date[:width]].append(event)
    return dict(sorted(periods.items()))


def network(kind: str, found: Iterable[Event], *, normalize: str = "none", min_weight: float = 0) -> nx.Graph:
    """The ``kind`` network of the events: an undirected actor graph, or a speaker → target DiGraph.

    Nodes carry ``label``, ``type`` and ``statements`` (events as speaker). Edges carry ``weight`` and the
    ``targets`` and ``statements`` behind the tie (actor-target edges: ``n_for``, ``n_against``, ``n_neutral``).
    Edges lighter than ``min_weight`` (in absolute value) are left out; nodes stay.
    """
    if kind not in KINDS:
        raise ValueError(f"network kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if normalize not in NORMALISATIONS:
        raise ValueError(f"normalize must be one of {', '.join(NORMALISATIONS)}, not {normalize!r}")
    found = list(found)
    graph: nx.Graph = nx.DiGraph() if kind == "actor-target" else nx.Graph()
    graph.graph["kind"] = kind
    for event in found:
        if event.speaker_id not in graph:
            graph.add_node(event.speaker_id, label=event.speaker, type=event.speaker_type, statements=0)
        graph.nodes[event.speaker_id]["statements"] += 1
    if kind == "actor-target":
        if normalize != "none":
            raise ValueError("normalisation applies to one-mode (actor–actor) networks only")
        _actor_target(graph, found)
    else:
        _one_mode(graph, kind, found, normalize)
    light = [(a, b) for a, b, w in graph.edges(data="weight") if abs(w) < min_weight or w == 0]
    graph.remove_edges_from(light)
    return graph


def _actor_target(graph: nx.DiGraph, found: list[Event]) -> None:
    for event in found:
        if event.target_id not in graph:
            graph.add_node(event.target_id, label=event.target, type=event.target_type, statements=0)
        if not graph.has_edge(event.speaker_id, event.target_id):
            graph.add_edge(event.speaker_id, event.target_id, weight=0, n_for=0, n_against=0, n_neutral=0,
                           targets=[event.target], statements=[])
        edge = graph.edges[event.speaker_id, event.target_id]
        edge["weight"] += 1
        edge[f"n_{event.stance}"] += 1
        if event.statement not in edge["statements"]:
            edge["statements"].append(event.statement)


def _one_mode(graph: nx.Graph, kind: str, found: list[Event], normalize: str) -> None:
    """Ties through shared targets: for each target, the actors on each side; pairs within or across sides."""
    sides: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(dict))
    """target → side → actor → statements."""
    labels: dict[str, str] = {}
    said: dict[tuple[str, str], list[str]] = defaultdict(list)
    """(actor, target) → the actor's statements on either side of the target."""
    for event in found:
        if event.stance in SIDES:
            sides[event.target_id][event.stance].setdefault(event.speaker_id, []).append(event.statement)
            said[event.speaker_id, event.target_id].append(event.statement)
            labels[event.target_id] = event.target
    agree: dict[tuple[str, str], list[str]] = defaultdict(list)
    disagree: dict[tuple[str, str], list[str]] = defaultdict(list)
    """pair → the targets behind the tie, each once (targets come in order, so a repeat is the last one)."""
    for target in sorted(sides):
        held = sides[target]
        if kind != "conflict":
            for side in SIDES:
                for pair in combinations(sorted(held.get(side, ())), 2):
                    shared = agree[pair]
                    if not shared or shared[-1] != target:
                        shared.append(target)
        if kind != "congruence":
            for a in sorted(held.get("for", ())):
                for b in sorted(held.get("against", ())):
                    if a != b:
                        opposed = disagree[(a, b) if a < b else (b, a)]
                        if not opposed or opposed[-1] != target:
                            opposed.append(target)
    positions = {actor: 0 for actor in graph}
    for target, held in sides.items():
        for actor in {a for side in held.values() for a in side}:
            positions[actor] += 1
    for pair in sorted(agree.keys() | disagree.keys()):
        on, against = agree.get(pair, []), disagree.get(pair, [])
        weight = len(against) if kind == "conflict" else len(on) - len(against)
        behind = dict.fromkeys(on + against)
        statements = set().union(*(said[actor, t] for t in behind for actor in pair))
        graph.add_edge(
            *pair,
            weight=_normalise(weight, positions[pair[0]], positions[pair[1]], normalize),
            agree=sorted(labels[t] for t in on),
            disagree=sorted(labels[t] for t in against),
            targets=sorted(labels[t] for t in behind),
            statements=sorted(statements),
        )


def _normalise(weight: int, n_a: int, n_b: int, method: str) -> float | int:
    if method == "none" or weight == 0:
        return weight
    if method == "average":
        return round(weight / ((n_a + n_b) / 2), 6)
    if method == "jaccard":
        return round(weight / (n_a + n_b - abs(weight)), 6)
    return round(weight / math.sqrt(n_a * n_b), 6)


def edge_rows(graph: nx.Graph, period: str | None = None) -> list[dict[str, Any]]:
    """One row per tie, sorted, for CSV: ends (IRI and label), weight, stance counts, targets, period."""
    rows = []
    for source, target, attrs in graph.edges(data=True):
        if not graph.is_directed() and source > target:
            source, target = target, source
        row: dict[str, Any] = {} if period is None else {"period": period}
        row |= {"source": source, "target": target, "source_label": graph.nodes[source]["label"],
                "target_label": graph.nodes[target]["label"], "weight": attrs["weight"]}
        if graph.graph.get("kind") == "actor-target":
            row |= {key: attrs[key] for key in ("n_for", "n_against", "n_neutral")}
        else:
            row["targets"] = "; ".join(attrs["targets"])
        row["statements"] = len(attrs["statements"])
        rows.append(row)
    return sorted(rows, key=lambda r: (r.get("period") or "", r["source"], r["target"]))


def event_rows(found: Iterable[Event]) -> list[dict[str, Any]]:
    """DNA's event list, as rDNA reads it: one row per coded statement (actor, concept, agreement)."""
    return [
        {"time": e.date, "actor": e.speaker, "actor_type": e.speaker_type, "concept": e.target,
         "concept_type": e.target_type, "agreement": e.stance, **{k: v for k, v in asdict(e).items()
                                                                  if k in ("statement", "article", "kind", "speaker_id", "target_id", "content")}}
        for e in found
    ]


def write_csv(rows: list[dict[str, Any]], output: io.TextIOBase) -> None:
    """Rows as CSV with a header (nothing at all for no rows)."""
    if not rows:
        return
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
