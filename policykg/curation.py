"""Curations: a researcher's corrections, kept in one plain file and applied to every article graph written.

``curations.jsonl`` in the data directory holds one JSON object a line, appended and never rewritten (so
``git diff`` shows who changed what): ``set`` a statement's stance, kind, speaker or targets; ``drop`` a
statement; ``merge`` an entity into another (IRI substitution); ``undo`` an earlier one. Each line has an
``id``, ``by`` (who) and ``at`` (when, UTC).

:meth:`Curations.apply` rewrites the quads of one article graph; ingest calls it on every graph before
writing, so corrections survive re-ingest and remove-and-add, and the ``curate`` commands call it on the
graphs already stored. A curated graph carries the correction's provenance: a ``pk:Curation`` node
(``prov:wasAttributedTo`` the curator, ``prov:generatedAtTime``, the field and value it set) linked from the
statement by ``pk:curation``. A curation whose statement is not in its article graph any more is reported
(``missing``), never dropped from the file.
"""
from __future__ import annotations

import csv
import getpass
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from policykg.descriptions import write_graphs
from policykg.loaders.rdf import segment
from policykg.ontology import BASE, ENTITY, GRAPH, MENTION, PK, STATEMENT

FILE_NAME = "curations.jsonl"
CURATION = BASE + "curation/"
CURATOR = BASE + "curator/"
FIELDS = {"stance": PK.stance, "kind": PK.kind, "speaker": PK.speaker, "targets": PK.target}
VALUES = {"stance": ("for", "against", "neutral"), "kind": ("direct", "indirect")}
OPERATIONS = ("set", "drop", "merge", "undo")

_TYPE = ox.NamedNode(str(RDF.type))
_LABEL = ox.NamedNode(str(RDFS.label))
_MENTION = ox.NamedNode(str(PK.Mention))
_MENTION_OF = ox.NamedNode(str(PK.mentionOf))
_PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))
_FORM = ox.NamedNode(str(PK.surfaceForm))
_ENTITY_TYPE = ox.NamedNode(str(PK.entityType))
_STATEMENT = ox.NamedNode(str(PK.Statement))


class CurationError(ValueError):
    """A curation that cannot be made; the message says why."""


@dataclass
class Curation:
    id: str
    op: str
    by: str
    at: str
    statement: str | None = None
    graph: str | None = None
    """The article graph of the statement (set, drop)."""
    set: dict[str, Any] = field(default_factory=dict)
    """Field → value: a string, or a list of entity IRIs for ``targets``."""
    entity: str | None = None
    into: str | None = None
    into_label: str | None = None
    into_type: str | None = None
    undoes: str | None = None
    was: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Graph → {"removed": [...], "added": [...]} N-Triples, as first applied to the stored graphs (for undo)."""

    def line(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v not in (None, {}, [])}, ensure_ascii=False)

    def describe(self) -> str:
        if self.op == "set":
            values = ", ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in sorted(self.set.items()))
            return f"set {self.statement} {values}"
        if self.op == "drop":
            return f"drop {self.statement}"
        if self.op == "merge":
            return f"merge {self.entity} into {self.into}"
        return f"undo {self.undoes}"


def statement_iri(name: str) -> str:
    """A statement IRI as exported, or its short id (the last segment)."""
    return name if "://" in name else str(STATEMENT[segment(name)])


def entity_iri(name: str) -> str:
    """An entity IRI as exported, or its short id (``meta``, ``tom-tugendhat``)."""
    return name if "://" in name else str(ENTITY[segment(name)])


def curator(by: str | None = None) -> str:
    return by or getpass.getuser()


class Curations:
    """The curations of a data directory: read once, appended to, applied to article graphs."""

    def __init__(self, path: Path, records: list[Curation] | None = None) -> None:
        self.path = path
        self.records = records or []
        self.missing: dict[str, str] = {}
        """Curation id → the graph that no longer holds its statement (filled by ``apply``)."""
        self._issued = max((int(c.id[1:]) for c in self.records if c.id[1:].isdigit()), default=0)
        self._index: tuple[dict[str, list[Curation]], list[Curation]] | None = None

    @classmethod
    def load(cls, data_dir: Path) -> Curations:
        path = Path(data_dir) / FILE_NAME
        records = []
        if path.exists():
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if not text.strip():
                    continue
                try:
                    records.append(Curation(**json.loads(text)))
                except (json.JSONDecodeError, TypeError) as error:
                    raise CurationError(f"{path}:{number}: not a curation: {error}") from error
        return cls(path, records)

    def active(self) -> list[Curation]:
        """Curations in force, in the order they were made."""
        undone = {c.undoes for c in self.records if c.op == "undo"}
        return [c for c in self.records if c.op != "undo" and c.id not in undone]

    def get(self, cid: str) -> Curation:
        for record in self.records:
            if record.id == cid:
                return record
        raise CurationError(f"no curation {cid!r}; `policykg curate list` lists them")

    def new(self, op: str, by: str | None, **values: Any) -> Curation:
        """A curation with the next id (ids are never reused, even for curations not recorded)."""
        self._issued += 1
        at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        return Curation(id=f"c{self._issued}", op=op, by=curator(by), at=at, **values)

    def append(self, record: Curation) -> None:
        """Add a curation to the file (created when missing), one line, flushed at once."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(record.line() + "\n")
        self.records.append(record)
        self._index = None

    def _by_graph(self) -> tuple[dict[str, list[Curation]], list[Curation]]:
        """Active sets and drops by article graph, and active merges: each graph looks at its own only."""
        if self._index is None:
            by_graph: dict[str, list[Curation]] = {}
            merges = []
            for record in self.active():
                if record.op == "merge":
                    merges.append(record)
                else:
                    by_graph.setdefault(record.graph or "", []).append(record)
            self._index = (by_graph, merges)
        return self._index

    # ── applying to an article graph ────────────────────────────────────────────────────────────────

    def apply(self, graph_iri: str, quads: Iterable[ox.Quad], *, report: bool = True) -> list[ox.Quad]:
        """The quads of article graph ``graph_iri`` with every active curation applied, in order.

        Idempotent: applying to an already curated graph changes nothing. With ``report``, a set or drop whose
        statement is not in the graph is recorded in ``missing`` (give False for graphs already curated, where
        a dropped statement is gone by design).
        """
        graph = ox.NamedNode(graph_iri)
        current = dict.fromkeys(quads)
        by_graph, merges = self._by_graph()
        relevant = _reachable_merges(merges, {term for quad in current for term in (quad.subject, quad.object)}
                                     if merges else set())
        for record in sorted(relevant + by_graph.get(graph_iri, []), key=lambda c: int(c.id[1:])):
            changed = _apply_one(record, graph, current)
            if changed is None:
                if report and record.op != "merge":
                    self.missing[record.id] = graph_iri
                continue
            removed, added = changed
            for quad in removed:
                current.pop(quad, None)
            current.update(dict.fromkeys(added))
            if record.op == "merge" and not removed:
                continue
            current.update(dict.fromkeys(_provenance(record, graph)))
        return list(current)

    def changes(self, record: Curation, graph_iri: str, quads: Iterable[ox.Quad]) -> dict[str, list[str]]:
        """What ``record`` removes from and adds to a stored graph, as N-Triples, for undo."""
        changed = _apply_one(record, ox.NamedNode(graph_iri), dict.fromkeys(quads))
        if changed is None:
            return {"removed": [], "added": []}
        return {"removed": sorted(map(_triple, changed[0])), "added": sorted(map(_triple, changed[1]))}

    def undo(self, record: Curation, graph_iri: str, quads: Iterable[ox.Quad]) -> list[ox.Quad]:
        """A stored graph without ``record`` (already marked undone): its changes reversed, its provenance
        removed, then the curations still in force applied again."""
        graph = ox.NamedNode(graph_iri)
        node = ox.NamedNode(CURATION + record.id)
        change = record.was.get(graph_iri, {})
        added = set(change.get("added", []))
        kept = [q for q in quads if _triple(q) not in added and node not in (q.subject, q.object)]
        restored = [_parse(text, graph) for text in change.get("removed", [])]
        return self.apply(graph_iri, [*kept, *restored], report=False)


def _reachable_merges(merges: list[Curation], terms: set) -> list[Curation]:
    """The merges that touch a graph with these terms: of an entity in it, or of one an earlier merge brings."""
    relevant: list[Curation] = []
    grew = True
    while grew:
        grew = False
        for merge in merges:
            if merge not in relevant and ox.NamedNode(merge.entity or "") in terms:
                relevant.append(merge)
                terms.add(ox.NamedNode(merge.into or ""))
                grew = True
    return relevant


def _apply_one(record: Curation, graph: ox.NamedNode, current: dict[ox.Quad, None]) -> tuple[list, list] | None:
    """(quads removed, quads added) by one curation, or None when its statement is not in the graph."""
    if record.op == "merge":
        return _merge(record, graph, current)
    statement = ox.NamedNode(record.statement or "")
    if ox.Quad(statement, _TYPE, _STATEMENT, graph) not in current:
        return None
    if record.op == "drop":
        return [q for q in current if statement in (q.subject, q.object)], []
    removed: list[ox.Quad] = []
    added: list[ox.Quad] = []
    for name, value in sorted(record.set.items()):
        predicate = ox.NamedNode(str(FIELDS[name]))
        removed += [q for q in current if q.subject == statement and q.predicate == predicate]
        objects = [ox.NamedNode(v) for v in value] if name == "targets" else \
            [ox.NamedNode(value)] if name == "speaker" else [ox.Literal(value)]
        added += [ox.Quad(statement, predicate, obj, graph) for obj in objects]
    return [q for q in removed if q not in added], [q for q in added if q not in current]


def _merge(record: Curation, graph: ox.NamedNode, current: dict[ox.Quad, None]) -> tuple[list, list]:
    """Entity A becomes B everywhere in the article graph. A's mention becomes part of B's: its forms stay as
    B's aliases, while B's own label and type are what this article claims for B (so the merge never outvotes
    B's name in B's description graph, which is derived from the mentions)."""
    old, new = ox.NamedNode(record.entity or ""), ox.NamedNode(record.into or "")
    removed = [q for q in current if old in (q.subject, q.object)]
    if not removed:
        return [], []
    old_mentions = {q.subject for q in removed if q.predicate == _MENTION_OF}
    removed += [q for q in current if q.subject in old_mentions and q not in removed]
    added: list[ox.Quad] = []
    for quad in removed:
        if quad.subject in old_mentions:
            continue
        subject = new if quad.subject == old else quad.subject
        added.append(ox.Quad(subject, quad.predicate, new if quad.object == old else quad.object, graph))
    if old_mentions:
        mention = ox.NamedNode(str(MENTION) + graph.value.removeprefix(str(GRAPH)) + "/" + new.value.removeprefix(str(ENTITY)))
        has_claims = any(q.subject == mention and q.predicate == _PREF_LABEL for q in current)
        forms = [q.object for q in removed if q.subject in old_mentions and q.predicate in (_FORM, _PREF_LABEL)]
        added += [ox.Quad(mention, _FORM, form if form.language else ox.Literal(form.value), graph) for form in forms]
        if not has_claims:
            label = ox.Literal(record.into_label or new.value)
            added += [ox.Quad(mention, _TYPE, _MENTION, graph), ox.Quad(mention, _MENTION_OF, new, graph),
                      ox.Quad(mention, _PREF_LABEL, label, graph), ox.Quad(mention, _FORM, label, graph)]
            if record.into_type:
                added.append(ox.Quad(mention, _ENTITY_TYPE, ox.NamedNode(str(PK[record.into_type])), graph))
    return removed, [q for q in dict.fromkeys(added) if q not in current]


def _provenance(record: Curation, graph: ox.NamedNode) -> list[ox.Quad]:
    """The pk:Curation node of a curation, attributed to its curator, and the link from what it curated."""
    node = ox.NamedNode(CURATION + record.id)
    person = ox.NamedNode(CURATOR + segment(record.by))
    about = ox.NamedNode(record.statement or record.into or "")
    triples = [
        (node, _TYPE, ox.NamedNode(str(PK.Curation))),
        (node, ox.NamedNode(str(PROV.wasAttributedTo)), person),
        (node, ox.NamedNode(str(PROV.generatedAtTime)), ox.Literal(record.at, datatype=ox.NamedNode(str(XSD.dateTime)))),
        (node, ox.NamedNode(str(PK.operation)), ox.Literal(record.op)),
        (node, ox.NamedNode(str(PK.curates)), about),
        (person, _TYPE, ox.NamedNode(str(PROV.Agent))),
        (person, _LABEL, ox.Literal(record.by)),
    ]
    for name, value in sorted(record.set.items()):
        triples.append((node, ox.NamedNode(str(PK.curatedField)), ox.Literal(name)))
        for item in value if isinstance(value, list) else [value]:
            triples.append((node, ox.NamedNode(str(PK.curatedValue)), ox.Literal(item)))
    if record.op == "merge":
        triples.append((node, ox.NamedNode(str(PK.mergedEntity)), ox.Literal(record.entity or "")))
    if record.op == "set":
        triples.append((about, ox.NamedNode(str(PK.curation)), node))
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


def _triple(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."


def _parse(text: str, graph: ox.NamedNode) -> ox.Quad:
    triple = next(iter(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
    return ox.Quad(triple.subject, triple.predicate, triple.object, graph)


def check_value(name: str, value: str) -> None:
    """A field a statement can be curated on, with a value it can take."""
    if name not in FIELDS:
        raise CurationError(f"cannot set {name!r}: one of {', '.join(FIELDS)}")
    if name in VALUES and value not in VALUES[name]:
        raise CurationError(f"{name} must be one of {', '.join(VALUES[name])}, not {value!r}")


# ── curating the stored graphs ──────────────────────────────────────────────────────────────────────

def statement_graph(store, statement: str) -> str | None:
    """The article graph that holds ``statement``, or None."""
    rows = list(store.select("SELECT ?g ?s WHERE { GRAPH ?g { ?s a pk:Statement } } ORDER BY ?g",
                             {"s": ox.NamedNode(statement)}, union=False))
    return rows[0]["g"].value if rows else None


def describe_entity(store, entity: str) -> tuple[str, str | None] | None:
    """(label, pk: type) of an entity some graph describes, or None."""
    rows = list(store.select(
        "SELECT ?e ?label ?type WHERE { ?e rdfs:label ?label OPTIONAL { ?e a ?t FILTER(STRSTARTS(STR(?t), STR(pk:))) "
        "BIND(STRAFTER(STR(?t), STR(pk:)) AS ?type) } } ORDER BY ?label ?type LIMIT 1", {"e": ox.NamedNode(entity)}))
    return (rows[0]["label"].value, rows[0]["type"].value if "type" in rows[0] else None) if rows else None


def entity_graphs(store, entity: str) -> list[str]:
    rows = store.select("SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { { ?e ?p ?o } UNION { ?s ?p ?e } } } ORDER BY ?g",
                        {"e": ox.NamedNode(entity)}, union=False)
    return [row["g"].value for row in rows]


def set_curation(curations: Curations, store, statement: str, values: dict[str, str], by: str | None) -> Curation:
    """A ``set`` curation of a stored statement: ``values`` maps stance, kind, speaker or targets to a value."""
    iri = statement_iri(statement)
    graph = statement_graph(store, iri)
    if graph is None:
        raise CurationError(f"no statement {statement!r} in the store")
    fields: dict[str, Any] = {}
    for name, value in values.items():
        check_value(name, value)
        if name in ("speaker", "targets"):
            entities = [entity_iri(v.strip()) for v in value.split(",") if v.strip()]
            for entity in entities:
                if describe_entity(store, entity) is None:
                    raise CurationError(f"no entity {entity!r} in the store")
            if name == "speaker" and len(entities) != 1:
                raise CurationError("a statement has exactly one speaker")
            fields[name] = entities if name == "targets" else entities[0]
        else:
            fields[name] = value
    return curations.new("set", by, statement=iri, graph=graph, set=fields)


def drop_curation(curations: Curations, store, statement: str, by: str | None) -> Curation:
    iri = statement_iri(statement)
    graph = statement_graph(store, iri)
    if graph is None:
        raise CurationError(f"no statement {statement!r} in the store")
    return curations.new("drop", by, statement=iri, graph=graph)


def merge_curation(curations: Curations, store, entity: str, into: str, by: str | None) -> Curation:
    old, new = entity_iri(entity), entity_iri(into)
    if old == new:
        raise CurationError("an entity cannot be merged into itself")
    if describe_entity(store, old) is None:
        raise CurationError(f"no entity {entity!r} in the store")
    description = describe_entity(store, new)
    if description is None:
        raise CurationError(f"no entity {into!r} in the store")
    return curations.new("merge", by, entity=old, into=new, into_label=description[0], into_type=description[1])


def record(curations: Curations, curation: Curation, stores: Sequence) -> list[str]:
    """Append ``curation`` to the file and rewrite the stored graphs it touches, in every store (the first is read)."""
    rdf_store = stores[0]
    graphs = [curation.graph] if curation.graph else entity_graphs(rdf_store, curation.entity or "")
    stored = {g: list(rdf_store.quads(g)) for g in graphs}
    curation.was = {g: change for g, quads in stored.items()
                    if any((change := curations.changes(curation, g, quads)).values())}
    curations.append(curation)
    rewritten = {g: curations.apply(g, quads, report=False) for g, quads in stored.items()}
    write_graphs(stores, rewritten)
    return sorted(rewritten)


def undo(curations: Curations, cid: str, by: str | None, stores: Sequence) -> Curation:
    """Mark curation ``cid`` undone (a new line) and restore the stored graphs it changed (the first store is read)."""
    rdf_store = stores[0]
    target = curations.get(cid)
    if target.op == "undo" or target not in curations.active():
        raise CurationError(f"{cid} is not a curation in force")
    mark = curations.new("undo", by, undoes=cid)
    curations.append(mark)
    graphs = sorted(set(target.was) | ({target.graph} if target.graph else set()))
    rewritten = {g: curations.undo(target, g, list(rdf_store.quads(g))) for g in graphs}
    write_graphs(stores, rewritten)
    return mark


def status(curations: Curations, store) -> list[tuple[Curation, str]]:
    """Every curation with its state: ``applied``, ``undone``, ``missing`` (its statement or entity is
    not in the store any more: the line stays, and it applies again if the statement comes back) or ``undo``."""
    undone = {c.undoes for c in curations.records if c.op == "undo"}
    applied = {row["c"].value for row in store.select("SELECT DISTINCT ?c WHERE { ?c a pk:Curation }")}
    states = []
    for curation in curations.records:
        if curation.op == "undo":
            state = "undo"
        elif curation.id in undone:
            state = "undone"
        else:
            state = "applied" if CURATION + curation.id in applied else "missing"
        states.append((curation, state))
    return states


def edits(curations: Curations, store, path: Path, rows: list[dict], by: str | None) -> tuple[list[Curation], list[str]]:
    """Curations from an edited ``export statements --format csv``: a changed stance, speaker or targets is a
    ``set``, a deleted row (of an article still in the file) a ``drop``. ``rows`` are the stored statement rows.
    Returns the curations (not yet recorded) and the problems, each naming its line."""
    current = {row["statement"]: row for row in rows}
    made: list[Curation] = []
    problems: list[str] = []
    seen: set[str] = set()
    articles: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        if "statement" not in (reader.fieldnames or []):
            raise CurationError(f"{path}: no 'statement' column; edit a file written by `policykg export statements --format csv`")
        for row in reader:
            where = f"{path}:{reader.line_num}"
            iri = statement_iri((row.get("statement") or "").strip())
            stored = current.get(iri)
            articles.add(row.get("article") or "")
            if stored is None:
                problems.append(f"{where}: no statement {iri} in the store")
                continue
            seen.add(iri)
            try:
                values = _edited(store, row, stored)
                if values:
                    made.append(set_curation(curations, store, iri, values, by))
            except (CurationError, ValueError) as error:
                problems.append(f"{where}: {error}")
    for iri, stored in current.items():
        if iri not in seen and stored["article"] in articles:
            made.append(drop_curation(curations, store, iri, by))
    return made, problems


def _edited(store, row: dict[str, str], stored: dict) -> dict[str, str]:
    """The fields of one CSV row that differ from the stored statement, as ``set`` values."""
    values: dict[str, str] = {}
    stance = (row.get("stance") or "").strip()
    if stance and stance != stored["stance"]:
        values["stance"] = stance
    speaker_id = (row.get("speaker_id") or "").strip()
    if speaker_id and speaker_id != stored["speaker_id"]:
        values["speaker"] = speaker_id
    elif (row.get("speaker") or "").strip() not in ("", stored["speaker"]):
        values["speaker"] = _by_label(store, row["speaker"].strip())
    if row.get("targets") is not None:
        text = row["targets"].strip()
        try:
            targets = json.loads(text) if text.startswith("[") else [{"label": t.strip()} for t in text.split(";") if t.strip()]
        except json.JSONDecodeError as error:
            raise CurationError(f"targets is not a JSON list: {error}") from error
        ids = [t.get("id") or _by_label(store, t.get("label") or "") for t in targets]
        if sorted(ids) != sorted(t["id"] for t in stored["targets"]):
            values["targets"] = ",".join(ids)
    return values


def _by_label(store, label: str) -> str:
    rows = list(store.select(
        "SELECT DISTINCT ?e ?name WHERE { ?e rdfs:label ?l FILTER(LCASE(STR(?l)) = LCASE(?name)) } ORDER BY ?e",
        {"name": ox.Literal(label)}))
    if not rows:
        raise CurationError(f"no entity labelled {label!r} in the store")
    return rows[0]["e"].value
