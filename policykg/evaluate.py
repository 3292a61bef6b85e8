"""The gold scorer: exported rows in, the figures of ``docs/gold-format.md`` out.

It scores what a user sees (the rows of ``policykg export``), not the
extractor's internals, so it needs no store and no NLP: the CLI reads the rows
from wherever they live and calls :func:`score`. Every comparison goes through
:func:`normalise`; every pairing is one-to-one, best pairs first, so a
duplicated prediction is a false positive and never a second hit.

Figures are per article and overall; overall is micro (counts summed over the
articles). A ratio whose denominator is zero is ``None``, not 0: "nothing to
measure" is not "all wrong". Rows of articles that have no gold file are
ignored.
"""
from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import reduce
from pathlib import Path
from typing import Any

import yaml

from policykg.loaders.kb import normalise
from policykg.ontology import ENTITY_TYPES

MATCH_THRESHOLD = 0.5
"""Token-bag F1 of the contents from which a predicted statement can match a gold one."""
STANCES = ("for", "against", "neutral")
_SNIPPET = 60


# --- text comparison -------------------------------------------------------

def token_f1(predicted: str, gold: str) -> float:
    """F1 of the multisets of normalised tokens: how much of the same wording two contents share."""
    pred_tokens, gold_tokens = normalise(predicted).split(), normalise(gold).split()
    if not pred_tokens or not gold_tokens:
        return 0.0
    overlap = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    return 2 * overlap / (len(pred_tokens) + len(gold_tokens))


# --- gold annotations --------------------------------------------------------

class GoldError(ValueError):
    """A gold file that does not follow docs/gold-format.md; the message names the file and the item."""


@dataclass(frozen=True)
class GoldEntity:
    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    acts_for: str | None = None
    optional: bool = False

    @property
    def names(self) -> frozenset[str]:
        """Normalised label and aliases: every surface form a prediction may use for this entity."""
        return frozenset(normalise(name) for name in (self.label, *self.aliases))


@dataclass(frozen=True)
class GoldStatement:
    id: str
    speaker: str
    """Entity id."""
    content: str
    kind: str
    stance: str
    cue: str | None = None
    targets: tuple[str, ...] = ()
    """Entity ids."""
    speaker_alternatives: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class GoldFact:
    subject: str
    value: float
    unit: str
    text: str


@dataclass(frozen=True)
class GoldArticle:
    article: str
    """The input file name, as in the ``article`` column of statement rows."""
    language: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    boilerplate: tuple[str, ...] = ()
    entities: dict[str, GoldEntity] = field(default_factory=dict)
    not_entities: tuple[str, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    relations: tuple[tuple[str, str, str], ...] = ()
    """(subject id, predicate, object id or literal)."""
    facts: tuple[GoldFact, ...] = ()

    def names(self, ref: str) -> frozenset[str]:
        """Accepted surface forms of an entity id, or of a literal (a role title) when ``ref`` is no id."""
        entity = self.entities.get(ref)
        return entity.names if entity else frozenset({normalise(ref)})

    def label(self, ref: str) -> str:
        entity = self.entities.get(ref)
        return entity.label if entity else ref


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every ``*.yaml`` annotation in ``gold_dir``, in file-name order, checked against the format."""
    files = sorted(Path(gold_dir).glob("*.yaml"))
    if not files:
        raise GoldError(f"no *.yaml gold annotation in {gold_dir}")
    articles = [_read_gold(path) for path in files]
    names = Counter(article.article for article in articles)
    if twice := [name for name, count in names.items() if count > 1]:
        raise GoldError(f"{gold_dir}: more than one gold file for {', '.join(twice)}")
    return articles


ENTITY_KEYS = frozenset({"id", "label", "type", "aliases", "acts_for", "optional"})
STATEMENT_KEYS = frozenset({"id", "speaker", "speaker_alternatives", "cue", "kind", "content", "targets", "stance",
                            "optional"})


def _read_gold(path: Path) -> GoldArticle:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def known_keys(item: dict, keys: frozenset[str], where: str) -> None:
        """An unknown key is most often the tail of an unquoted value cut at a comma by the YAML flow mapping."""
        if unknown := sorted(str(key) for key in item if key not in keys):
            raise GoldError(f"{path.name}: {where}: unknown key {', '.join(map(repr, unknown))} "
                            "(quote a value that holds a comma)")

    def need(item: dict, key: str, where: str) -> Any:
        if item.get(key) in (None, ""):
            raise GoldError(f"{path.name}: {where}: missing '{key}'")
        return item[key]

    entities: dict[str, GoldEntity] = {}
    for item in data.get("entities") or []:
        known_keys(item, ENTITY_KEYS, f"entity {item.get('id')}")
        entity = GoldEntity(
            id=str(need(item, "id", "entity")), label=str(need(item, "label", f"entity {item.get('id')}")),
            type=str(need(item, "type", f"entity {item.get('id')}")),
            aliases=tuple(str(a) for a in item.get("aliases") or ()), acts_for=item.get("acts_for"),
            optional=bool(item.get("optional", False)),
        )
        if entity.id in entities:
            raise GoldError(f"{path.name}: entity id '{entity.id}' is used twice")
        if entity.type not in ENTITY_TYPES:
            raise GoldError(f"{path.name}: entity {entity.id}: unknown type '{entity.type}'")
        entities[entity.id] = entity

    def entity_id(ref: Any, where: str) -> str:
        if ref not in entities:
            raise GoldError(f"{path.name}: {where}: '{ref}' is not an entity id")
        return ref

    statements: list[GoldStatement] = []
    for item in data.get("statements") or []:
        where = f"statement {item.get('id')}"
        known_keys(item, STATEMENT_KEYS, where)
        statement = GoldStatement(
            id=str(need(item, "id", "statement")), speaker=entity_id(need(item, "speaker", where), where),
            content=str(need(item, "content", where)), kind=str(need(item, "kind", where)),
            stance=str(need(item, "stance", where)), cue=item.get("cue"),
            targets=tuple(entity_id(t, where) for t in item.get("targets") or ()),
            speaker_alternatives=tuple(str(s) for s in item.get("speaker_alternatives") or ()),
            optional=bool(item.get("optional", False)),
        )
        if statement.stance not in STANCES:
            raise GoldError(f"{path.name}: {where}: stance '{statement.stance}' is not one of {STANCES}")
        if any(s.id == statement.id for s in statements):
            raise GoldError(f"{path.name}: statement id '{statement.id}' is used twice")
        statements.append(statement)

    relations = []
    for triple in data.get("relations") or []:
        if not isinstance(triple, list) or len(triple) != 3:
            raise GoldError(f"{path.name}: relation {triple!r} is not [subject, predicate, object]")
        relations.append((entity_id(triple[0], f"relation {triple}"), str(triple[1]), str(triple[2])))

    facts = tuple(
        GoldFact(subject=entity_id(need(item, "subject", "fact"), f"fact {item.get('text')!r}"),
                 value=float(need(item, "value", "fact")), unit=str(item.get("unit") or ""),
                 text=str(item.get("text") or ""))
        for item in data.get("facts") or []
    )
    published = data.get("published")
    return GoldArticle(
        article=str(need(data, "article", "header")), language=data.get("language"), title=data.get("title"),
        publisher=data.get("publisher"), published=None if published is None else str(published),
        boilerplate=tuple(data.get("boilerplate") or ()), entities=entities,
        not_entities=tuple(str(label) for label in data.get("not_entities") or ()),
        statements=tuple(statements), relations=tuple(relations), facts=facts,
    )


# --- figures -----------------------------------------------------------------

def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class PRF:
    """Counts behind a precision / recall / F1; ``gold`` is what recall divides by."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.correct, self.gold)

    @property
    def f1(self) -> float | None:
        """2·correct / (predicted + gold): the harmonic mean of P and R, and 0 when one of them is undefined."""
        return _ratio(2 * self.correct, self.predicted + self.gold)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "predicted": self.predicted, "gold": self.gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True)
class Figures:
    """Everything docs/gold-format.md asks for, as counts, so that articles add up to the micro overall."""

    statements: PRF = PRF()
    """Statement detection: matched / predicted, matched / (non-optional gold + matched optional gold)."""
    who_said_what: PRF = PRF()
    """Matched AND correctly attributed; the headline figure."""
    attribution: Accuracy = Accuracy()
    """Correct speakers among matched statements."""
    targets: PRF = PRF()
    """Target labels over matched statements."""
    stance: Accuracy = Accuracy()
    entities: PRF = PRF()
    entity_types: Accuracy = Accuracy()
    relations: PRF = PRF()
    facts: PRF | None = None
    """Extra, not in docs/gold-format.md: (subject, value) pairs; None when no fact rows were given."""

    def __add__(self, other: Figures) -> Figures:
        def add(a: Any, b: Any) -> Any:
            return None if a is None or b is None else a + b
        return Figures(**{f.name: add(getattr(self, f.name), getattr(other, f.name)) for f in fields(self)})

    def to_dict(self) -> dict[str, Any]:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: None if value is None else value.to_dict() for name, value in values.items()}


@dataclass
class ArticleReport:
    article: str
    figures: Figures
    details: dict[str, list[Any]]
    """What went wrong, for engineers: missed and unmatched items, wrong speakers, stances, targets, types."""


@dataclass
class EvalReport:
    articles: list[ArticleReport]

    @property
    def overall(self) -> Figures:
        """Micro figures: the counts of every article summed."""
        return reduce(operator.add, (r.figures for r in self.articles)) if self.articles else Figures()

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "articles": [{"article": r.article, **r.figures.to_dict(), "details": r.details} for r in self.articles],
        }

    def format_table(self, verbose: bool = False) -> str:
        """Figures per article and overall as two terminal tables; ``verbose`` adds what was missed or wrong."""
        rows = [(r.article, r.figures) for r in self.articles] + [("overall", self.overall)]
        statement_columns: list[tuple[str, Callable[[Figures], float | None]]] = [
            ("stmt P", lambda f: f.statements.precision), ("stmt R", lambda f: f.statements.recall),
            ("stmt F1", lambda f: f.statements.f1), ("wsw P", lambda f: f.who_said_what.precision),
            ("wsw R", lambda f: f.who_said_what.recall), ("wsw F1", lambda f: f.who_said_what.f1),
            ("attrib", lambda f: f.attribution.value), ("tgt P", lambda f: f.targets.precision),
            ("tgt R", lambda f: f.targets.recall), ("tgt F1", lambda f: f.targets.f1),
            ("stance", lambda f: f.stance.value),
        ]
        other_columns: list[tuple[str, Callable[[Figures], float | None]]] = [
            ("ent P", lambda f: f.entities.precision), ("ent R", lambda f: f.entities.recall),
            ("ent F1", lambda f: f.entities.f1), ("types", lambda f: f.entity_types.value),
            ("rel P", lambda f: f.relations.precision), ("rel R", lambda f: f.relations.recall),
            ("rel F1", lambda f: f.relations.f1),
        ]
        if self.overall.facts is not None:
            other_columns += [("fact P*", lambda f: f.facts.precision), ("fact R*", lambda f: f.facts.recall),
                              ("fact F1*", lambda f: f.facts.f1)]
        parts = [_table(rows, statement_columns), _table(rows, other_columns)]
        overall = self.overall
        parts.append(
            f"statements: {overall.statements.correct} matched, {overall.who_said_what.correct} with the right "
            f"speaker, of {overall.statements.predicted} predicted and {overall.statements.gold} gold"
            + ("\n* facts are an extra figure, not defined by docs/gold-format.md" if overall.facts is not None else "")
        )
        if verbose:
            parts += [_format_details(r) for r in self.articles]
        return "\n\n".join(parts)


def _table(rows: list[tuple[str, Figures]], columns: list[tuple[str, Callable[[Figures], float | None]]]) -> str:
    """Percentages with one decimal; ``-`` where a figure has nothing to measure."""
    width = max(len(name) for name, _ in rows)
    lines = [f"{'article':<{width}}" + "".join(f" {title:>8}" for title, _ in columns)]
    for name, figures in rows:
        cells = (figure(figures) for _, figure in columns)
        lines.append(f"{name:<{width}}" + "".join(f" {'-' if c is None else f'{100 * c:.1f}':>8}" for c in cells))
    return "\n".join(lines)


def _format_details(report: ArticleReport) -> str:
    lines = [f"== {report.article}"]
    for key, items in report.details.items():
        if items:
            lines.append(f"  {key.replace('_', ' ')} ({len(items)}):")
            lines += [f"    {_describe(item)}" for item in items]
    return "\n".join(lines)


def _describe(item: Any) -> str:
    """``id: s3; content: ...`` for a dict, ``subject | predicate | object`` for a triple."""
    if isinstance(item, dict):
        return "; ".join(f"{key}: {value}" for key, value in item.items())
    if isinstance(item, list):
        return " | ".join(map(str, item))
    return str(item)


# --- scoring -----------------------------------------------------------------

def score(gold: Sequence[GoldArticle], statements: Iterable[dict], entities: Iterable[dict],
          relations: Iterable[dict], facts: Iterable[dict] | None = None) -> EvalReport:
    """Score export rows against the gold articles; ``facts`` rows (subject, value, unit, text, article) are extra.

    Statement, relation and fact rows belong to the article named in their ``article`` column; an entity row
    belongs to every article listed in its ``articles`` column.
    """
    statements_of = _by_article(statements)
    relations_of = _by_article(relations)
    facts_of = None if facts is None else _by_article(facts)
    entity_rows = list(entities)
    reports = []
    for article in gold:
        name = article.article
        s_figures, s_details = _score_statements(article, statements_of.get(name, []))
        e_figures, e_details = _score_entities(article, [row for row in entity_rows if name in row["articles"]])
        relations_figure, r_details = _score_relations(article, relations_of.get(name, []))
        facts_figure = None if facts_of is None else _score_facts(article, facts_of.get(name, []))
        figures = Figures(**s_figures, **e_figures, relations=relations_figure, facts=facts_figure)
        reports.append(ArticleReport(name, figures, {**s_details, **e_details, **r_details}))
    return EvalReport(reports)


def _by_article(rows: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["article"]].append(row)
    return grouped


def _one_to_one(candidates: Iterable[tuple[tuple, int, int]]) -> dict[int, int]:
    """Greedy one-to-one pairing, best first: (sort key, gold index, predicted index) → {gold: predicted}.

    Candidates are taken in ascending order of their key, so the key puts the best pair first.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gold_index, pred_index in sorted(candidates):
        if gold_index not in pairs and pred_index not in used:
            pairs[gold_index] = pred_index
            used.add(pred_index)
    return pairs


def _snippet(text: str | None) -> str:
    return " ".join((text or "").split())[:_SNIPPET]


def _score_statements(article: GoldArticle, rows: list[dict]) -> tuple[dict[str, Any], dict[str, list]]:
    gold = article.statements
    # Ties between equally good pairs go to a non-optional gold statement (it counts in recall anyway),
    # then to text order, so the result never depends on chance.
    pairs = _one_to_one(
        ((-f1, g.optional, gi, pi), gi, pi)
        for gi, g in enumerate(gold)
        for pi, row in enumerate(rows)
        if (f1 := token_f1(row["content"] or "", g.content)) >= MATCH_THRESHOLD
    )
    recall_base = sum(1 for g in gold if not g.optional) + sum(1 for gi in pairs if gold[gi].optional)
    matched_rows = set(pairs.values())
    details: dict[str, list] = {
        "missed_statements": [{"id": g.id, "content": _snippet(g.content)}
                              for gi, g in enumerate(gold) if gi not in pairs and not g.optional],
        "unmatched_predictions": [{"start": row.get("start"), "speaker": row["speaker"],
                                   "content": _snippet(row["content"])}
                                  for pi, row in enumerate(rows) if pi not in matched_rows],
        "misattributed": [], "wrong_stance": [], "wrong_targets": [],
    }
    attributed = stance_ok = 0
    targets = PRF()
    for gi, pi in sorted(pairs.items()):
        g, row = gold[gi], rows[pi]
        speaker_names = article.names(g.speaker) | {normalise(name) for name in g.speaker_alternatives}
        if normalise(row["speaker"] or "") in speaker_names:
            attributed += 1
        else:
            details["misattributed"].append(
                {"id": g.id, "gold": article.label(g.speaker), "predicted": row["speaker"]})
        if row["stance"] == g.stance:
            stance_ok += 1
        else:
            details["wrong_stance"].append({"id": g.id, "gold": g.stance, "predicted": row["stance"]})
        predicted_labels = [target["label"] for target in row["targets"] or []]
        hits = _match_labels(article, g.targets, predicted_labels)
        targets += PRF(len(hits), len(predicted_labels), len(g.targets))
        if len(hits) < max(len(predicted_labels), len(g.targets)):
            details["wrong_targets"].append({
                "id": g.id,
                "missed": [article.label(t) for i, t in enumerate(g.targets) if i not in hits],
                "extra": [label for i, label in enumerate(predicted_labels) if i not in hits.values()],
            })
    figures = {
        "statements": PRF(len(pairs), len(rows), recall_base),
        "who_said_what": PRF(attributed, len(rows), recall_base),
        "attribution": Accuracy(attributed, len(pairs)),
        "targets": targets,
        "stance": Accuracy(stance_ok, len(pairs)),
    }
    return figures, details


def _match_labels(article: GoldArticle, gold_refs: Sequence[str], labels: Sequence[str]) -> dict[int, int]:
    """Pair predicted labels with gold entity ids one-to-one, a label equal to the gold label before an alias."""
    return _one_to_one(
        ((normalise(label) != normalise(article.label(ref)), gi, pi), gi, pi)
        for gi, ref in enumerate(gold_refs)
        for pi, label in enumerate(labels)
        if normalise(label) in article.names(ref)
    )


def _score_entities(article: GoldArticle, rows: list[dict]) -> tuple[dict[str, Any], dict[str, list]]:
    """Entity rows of the article against its gold entities; a produced ``not_entities`` label never matches."""
    forbidden = {normalise(label) for label in article.not_entities}
    produced_forbidden = [row["label"] for row in rows if normalise(row["label"]) in forbidden]
    allowed = [row for row in rows if normalise(row["label"]) not in forbidden]
    gold = list(article.entities.values())
    pairs = _match_labels(article, [g.id for g in gold], [row["label"] for row in allowed])
    recall_base = sum(1 for g in gold if not g.optional) + sum(1 for gi in pairs if gold[gi].optional)
    typed = 0
    wrong_types = []
    for gi, pi in sorted(pairs.items()):
        predicted_type = _local_name(allowed[pi]["type"])
        if predicted_type == gold[gi].type:
            typed += 1
        else:
            wrong_types.append({"id": gold[gi].id, "gold": gold[gi].type, "predicted": predicted_type})
    matched_rows = set(pairs.values())
    details = {
        "missed_entities": [g.id for gi, g in enumerate(gold) if gi not in pairs and not g.optional],
        "unmatched_entities": [row["label"] for pi, row in enumerate(allowed) if pi not in matched_rows],
        "not_entities_produced": produced_forbidden,
        "wrong_types": wrong_types,
    }
    figures = {"entities": PRF(len(pairs), len(rows), recall_base), "entity_types": Accuracy(typed, len(pairs))}
    return figures, details


def _local_name(term: str | None) -> str:
    """``Person`` from ``Person``, ``pk:Person`` or a full class IRI."""
    return (term or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _fold_predicate(predicate: str) -> str:
    """``has_feature``, ``hasFeature`` and ``HasFeature`` are one predicate."""
    return _local_name(predicate).replace("_", "").lower()


def _score_relations(article: GoldArticle, rows: list[dict]) -> tuple[PRF, dict[str, list]]:
    gold = article.relations
    pairs = _one_to_one(
        ((gi, pi), gi, pi)
        for gi, (subject, predicate, obj) in enumerate(gold)
        for pi, row in enumerate(rows)
        if _fold_predicate(row["predicate"]) == _fold_predicate(predicate)
        and normalise(row["subject"]) in article.names(subject)
        and normalise(str(row["object"])) in article.names(obj)
    )
    matched_rows = set(pairs.values())
    details = {
        "missed_relations": [[article.label(s), p, article.label(o)] for gi, (s, p, o) in enumerate(gold)
                             if gi not in pairs],
        "unmatched_relations": [[row["subject"], row["predicate"], row["object"]] for pi, row in enumerate(rows)
                                if pi not in matched_rows],
    }
    return PRF(len(pairs), len(rows), len(gold)), details


def _score_facts(article: GoldArticle, rows: list[dict]) -> PRF:
    """Extra figure: a fact row matches a gold fact with the same value about the same subject."""
    gold = article.facts
    pairs = _one_to_one(
        ((gi, pi), gi, pi)
        for gi, fact in enumerate(gold)
        for pi, row in enumerate(rows)
        if math.isclose(float(row["value"]), fact.value) and normalise(row["subject"]) in article.names(fact.subject)
    )
    return PRF(len(pairs), len(rows), len(gold))
