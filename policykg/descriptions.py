"""What the corpus says each entity is: one description graph per entity, derived from the articles' mentions.

Each article graph records what that article says about an entity (a
``pk:Mention``: its type, label and surface forms) and the relations it states
(``pk:RelationMention``). The entity's own triples (type, label, aliases,
sameAs, relations) live once, in its description graph, recomputed whenever an
article that mentions it is written or removed. So the union default graph never
holds a triple twice (pyoxigraph returns a triple once per graph that holds
it), an entity goes when its last article goes, and the description does not
depend on ingest order or batching: it is a function of all the mentions.

The description is computed in the same write as the article graphs, so every
store receives one consistent set of graphs per batch. Counting an entity's
claims reads all its mentions, so a hub named in every article would make each
batch cost as much as the corpus: the counts of the entities written are kept
with the store object after each write (``_KnownClaims``), and a batch reads
only the entities not known yet, while nothing else has written the store.
"""
from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from policykg.graph.neo4j_sync import RdfAndNeo4j
from policykg.graph.store import OxigraphStore
from policykg.loaders.rdf import description_iri
from policykg.ontology import MENTION, PK, RELATION
from policykg.references import REFERENCE_WORD, resolve_references

Claims = Counter
"""(predicate IRI, object term) → number of articles that state it, for one entity."""

MENTION_OF = ox.NamedNode(str(PK.mentionOf))
ENTITY_TYPE = ox.NamedNode(str(PK.entityType))
PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))
SURFACE_FORM = ox.NamedNode(str(PK.surfaceForm))
WIKIDATA = ox.NamedNode(str(PK.wikidata))
SUBJECT = ox.NamedNode(str(PK.subject))
PREDICATE = ox.NamedNode(str(PK.predicate))
OBJECT = ox.NamedNode(str(PK.object))
OBJECT_VALUE = ox.NamedNode(str(PK.objectValue))
RDF_TYPE = ox.NamedNode(str(RDF.type))
LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
SAME_AS = ox.NamedNode(str(OWL.sameAs))
REFERENCE_LABEL = ox.NamedNode("urn:policykg:reference-label")
"""Pseudo-predicate under which the label of a one-word reference is counted: an entity's label is the most
frequent label of the articles naming it in full, a reference's only when no article does."""
RELATION_CLAIM = "relation"
"""Pseudo-predicate under which an entity's relation claims are counted: object is (predicate, object term)."""

CLAIM_SUBJECTS = (str(MENTION), str(RELATION))
"""IRI prefixes of the nodes that carry claims: the rest of an article graph is skipped unread."""

CHUNK = 500
"""Entities per lookup query (VALUES lists stay short)."""


@dataclass
class _KnownClaims:
    """The claims of the entities written through one store object, as they stand after its ``writes``-th write."""
    writes: int
    claims: dict[str, Claims] = field(default_factory=dict)


_KNOWN: weakref.WeakKeyDictionary[OxigraphStore, _KnownClaims] = weakref.WeakKeyDictionary()


def with_descriptions(store, graphs: Mapping[str, Sequence[ox.Quad]]) -> dict[str, list[ox.Quad]]:
    """``graphs`` (article graph IRI → its new quads; empty = remove it), with their one-word references
    decided over the corpus (and the stored article graphs whose references change, rewritten:
    ``references.resolve_references``), plus the description graph of every entity they touch, as it will be
    once they are written; an entity no article mentions any more gets an empty description (its graph is
    dropped)."""
    return _with_descriptions(store, graphs)[0]


def write_graphs(stores: Sequence, graphs: dict[str, list[ox.Quad]]) -> None:
    """Write article graphs (empty = remove) with the entity descriptions they change, the same set to every store.

    The descriptions are computed from the first store, which every other store mirrors. That store also keeps
    the content hashes by which ingest skips unchanged articles, so it is written last: a batch cut short in
    between is redone by the next ingest, never lost.
    """
    if not graphs:
        return
    changes, claims = _with_descriptions(stores[0], graphs)
    for store in reversed(stores):
        store.replace_graphs(changes)
    reference = _reference(stores[0])
    if reference is not None:
        known = _known(reference)
        known.claims.update(claims)
        known.writes = reference.writes


def _with_descriptions(store, graphs: Mapping[str, Sequence[ox.Quad]]) -> tuple[dict[str, list[ox.Quad]],
                                                                                 dict[str, Claims]]:
    """``with_descriptions``, and the claims of every entity touched, as they will be after the write."""
    graphs = resolve_references(store, graphs)
    replaced = sorted(graphs)
    new_claims = _claims_in_quads(quad for quads in graphs.values() for quad in quads)
    touched = set(new_claims) | _entities_in_graphs(store, replaced)
    stored_claims = _stored_claims(store, sorted(touched), replaced)
    changes = {iri: list(quads) for iri, quads in graphs.items()}
    claims = {}
    for entity in sorted(touched):
        claims[entity] = stored_claims.get(entity, Counter()) + new_claims.get(entity, Counter())
        changes[str(description_iri(entity))] = describe(entity, claims[entity])
    return changes, claims


def _reference(store) -> OxigraphStore | None:
    """The embedded store behind ``store``, whose writes all go through this process (it holds the lock)."""
    store = store.rdf if isinstance(store, RdfAndNeo4j) else store
    return store if isinstance(store, OxigraphStore) else None


def _known(store: OxigraphStore) -> _KnownClaims:
    """The claims known for ``store``; forgotten when something else wrote it since."""
    known = _KNOWN.get(store)
    if known is None or known.writes != store.writes:
        known = _KNOWN[store] = _KnownClaims(store.writes)
    return known


def describe(entity: str, claims: Claims) -> list[ox.Quad]:
    """The description graph of one entity from its claims: the most frequent type and label (ties: smallest),
    every other surface form as an alias, every sameAs and relation any article states."""
    if not claims:
        return []
    graph = ox.NamedNode(str(description_iri(entity)))
    node = ox.NamedNode(entity)
    by_predicate: dict[object, list[tuple[object, int]]] = defaultdict(list)
    for (predicate, term), count in claims.items():
        by_predicate[predicate].append((term, count))
    quads = []

    def add(predicate: ox.NamedNode, term) -> None:
        quads.append(ox.Quad(node, predicate, term, graph))

    if by_predicate[ENTITY_TYPE]:
        add(RDF_TYPE, _most_frequent(by_predicate[ENTITY_TYPE]))
    labels = by_predicate[PREF_LABEL] or by_predicate[REFERENCE_LABEL]
    label = _most_frequent(labels).value if labels else None
    if label is not None:
        add(LABEL, ox.Literal(label))
    for form, _ in by_predicate[SURFACE_FORM]:
        if form.value != label:
            add(ALT_LABEL, form)
    for same, _ in by_predicate[WIKIDATA]:
        add(SAME_AS, same)
    for (predicate, term), _ in by_predicate[RELATION_CLAIM]:
        add(ox.NamedNode(str(PK[predicate])), term)
    return sorted(set(quads), key=str)


def _most_frequent(counted: Iterable[tuple[object, int]]):
    """The term with the highest count; ties go to the smallest term in N-Triples order, so the choice is stable."""
    return min(counted, key=lambda pair: (-pair[1], str(pair[0])))[0]


def _claims_in_quads(quads: Iterable[ox.Quad]) -> dict[str, Claims]:
    """Per entity IRI, what the given article graphs' mentions and relation mentions claim, counted per graph."""
    subjects: dict[tuple[object, object], dict[ox.NamedNode, list]] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        if quad.subject.value.startswith(CLAIM_SUBJECTS):
            subjects[(quad.graph_name, quad.subject)][quad.predicate].append(quad.object)
    claims: dict[str, Claims] = defaultdict(Counter)
    for properties in subjects.values():
        if MENTION_OF in properties:
            entity = properties[MENTION_OF][0].value
            for predicate in (ENTITY_TYPE, PREF_LABEL, SURFACE_FORM, WIKIDATA):
                claimed = REFERENCE_LABEL if predicate == PREF_LABEL and REFERENCE_WORD in properties else predicate
                claims[entity].update((claimed, term) for term in set(properties.get(predicate, ())))
        elif SUBJECT in properties and PREDICATE in properties:
            obj = (properties.get(OBJECT) or properties.get(OBJECT_VALUE))[0]
            claims[properties[SUBJECT][0].value][(RELATION_CLAIM, (properties[PREDICATE][0].value, obj))] += 1
    return claims


def _entities_in_graphs(store, graphs: Sequence[str]) -> set[str]:
    """Entities that the stored versions of ``graphs`` mention or state relations of."""
    if not graphs:
        return set()
    rows = store.select(
        "SELECT DISTINCT ?e WHERE { GRAPH ?g { VALUES ?g { " + _iris(graphs) + " } "
        "{ ?m pk:mentionOf ?e } UNION { ?r pk:subject ?e } } }",
        union=False,
    )
    return {row["e"].value for row in rows}


def _stored_claims(store, entities: Sequence[str], excluded: Sequence[str]) -> dict[str, Claims]:
    """The claims about ``entities`` in every stored graph except ``excluded`` (those are being replaced).

    Those known from this store object's earlier writes are taken as known; the others are counted over every
    graph. Then the excluded graphs' own counts are taken off: a FILTER on the graph name is evaluated row by row
    and costs ten times more."""
    claims: dict[str, Claims] = defaultdict(Counter)
    reference = _reference(store)
    known = _known(reference).claims if reference is not None else {}
    for entity in entities:
        if entity in known:
            claims[entity] = Counter(known[entity])
    unknown = [entity for entity in entities if entity not in known]

    def count(scope: str, sign: int) -> None:
        for query, claim in ((MENTION_CLAIMS, lambda row: (row["p"], row["o"])),
                             (RELATION_CLAIMS, lambda row: (RELATION_CLAIM, (row["p"].value, row["o"])))):
            for row in store.select(query.replace("$SCOPE", scope).replace("$REFERENCE_LABEL", str(REFERENCE_LABEL)),
                                    union=False):
                if sign > 0 or row["e"].value in claims:
                    claims[row["e"].value][claim(row)] += sign * int(row["n"].value)

    for start in range(0, len(unknown), CHUNK):
        count("VALUES ?e { " + _iris(unknown[start:start + CHUNK]) + " }", 1)
    if excluded:
        count("VALUES ?g { " + _iris(excluded) + " }", -1)
    return claims


MENTION_CLAIMS = """
SELECT ?e ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { $SCOPE ?m pk:mentionOf ?e ; ?q ?o OPTIONAL { ?m pk:referenceWord ?w } }
  VALUES ?q { pk:entityType skos:prefLabel pk:surfaceForm pk:wikidata }
  BIND(IF(?q = skos:prefLabel && BOUND(?w), $REFERENCE_LABEL, ?q) AS ?p)
} GROUP BY ?e ?p ?o
"""
RELATION_CLAIMS = """
SELECT ?e ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { $SCOPE ?r pk:subject ?e ; pk:predicate ?p . { ?r pk:object ?o } UNION { ?r pk:objectValue ?o } }
} GROUP BY ?e ?p ?o
"""
"""Per entity, what its mentions claim and the relations stated of it, with the number of graphs that say so;
$SCOPE (VALUES of some entities or of some graphs) restricts it from inside the graph pattern, where Oxigraph
starts from those values; outside, it matched every mention of the store and joined them after (30 to 60 times
slower on a million triples, and growing with the corpus)."""


def _iris(iris: Iterable[str]) -> str:
    """IRIs as SPARQL terms; ox.NamedNode validates each, so nothing but an IRI reaches the query text."""
    return " ".join(str(ox.NamedNode(iri)) for iri in iris)
