"""Corpus-wide resolution of one-word references, decided again in every write.

An article that names a person by one word only ("Obama", "Ms. Whitfield") and never in full leaves it to
the corpus to say whom it means. Its mention carries the word (``pk:referenceWord``); the mention of every
full name carries the name's first and last words (``pk:nameFirstWord``, ``pk:nameLastWord``). Each person
holding the word is weighed by the number of articles that name them in full with it, and
``keys.reference_owner`` decides:

- one person clearly holds the word: the reference's mention, and the statements, relations and facts of
  its article, point to that person;
- several people hold it and none clearly ("Obama": Barack and Michelle, as often), or it is only the first
  name of people of other articles ("Aurélie"): the reference stays unresolved, an entity scoped to its
  article (as unnamed speakers are), never a person of another article;
- no one holds it: the entity of the word itself, shared by the articles that use it.

The mention keeps its IRI (which names the entity the article's extraction gave it), forms and word, so it
can be decided again. A write that changes a decision (a first "Barack Obama" after "Obama"-only articles,
or a "Michelle Obama" who makes "Obama" contested) rewrites the stored articles holding the word in the
same write. The outcome is a function of the articles stored, whatever their order or batches. A write
counts, through the store's indexes, the full names with the words it adds or removes (work that grows with
how often the corpus names those people, not with the corpus), and reads only the articles whose references
change.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from policykg.loaders.extract.keys import reference_owner
from policykg.loaders.model import slugify
from policykg.loaders.rdf import entity_iri, mention_parts
from policykg.ontology import PK

REFERENCE_WORD = ox.NamedNode(str(PK.referenceWord))
FIRST_WORD = ox.NamedNode(str(PK.nameFirstWord))
LAST_WORD = ox.NamedNode(str(PK.nameLastWord))
MENTION_OF = ox.NamedNode(str(PK.mentionOf))
CONTESTED = "contested"
"""The decision on a word that several people hold, none clearly (never an IRI)."""
CHUNK = 500
"""Words or graphs per lookup query (VALUES lists stay short)."""

Weights = dict[tuple[str, str], Counter]
"""(pk:nameFirstWord or pk:nameLastWord IRI, word) → entity IRI → number of articles."""
Mentions = dict[str, list[tuple[str, str, str | None]]]
"""Article graph IRI → its mentions: (mention IRI, entity IRI, reference word or None)."""


def resolve_references(store, graphs: Mapping[str, Sequence[ox.Quad]]) -> dict[str, list[ox.Quad]]:
    """``graphs`` (article graph IRI → its new quads; empty = remove it) with their references decided over the
    corpus as it will be once they are written, plus every stored article graph whose references that write
    changes, rewritten."""
    changes = {iri: list(quads) for iri, quads in graphs.items()}
    new_mentions = _mentions_in_quads(changes)
    new_weights = _weights_in_quads(changes)
    leaving_weights, leaving_references = _stored_in_graphs(store, sorted(graphs))
    names = {word for _, word in new_weights} | {word for _, word in leaving_weights}
    referenced = {w for ms in new_mentions.values() for _, _, w in ms if w} | leaving_references
    referenced |= set(_stored_references(store, sorted(names - referenced)))
    if not referenced:
        return changes
    before = _stored_weights(store, sorted(referenced))
    after = _combined(before, leaving_weights, new_weights)
    changed = sorted(w for w in referenced if _decision(before, w) != _decision(after, w))
    referring = set().union(*_stored_references(store, changed).values())
    stored_mentions = _stored_mentions(store, sorted(referring - set(graphs)))
    others = {w for ms in stored_mentions.values() for _, _, w in ms if w} - referenced
    after.update(_stored_weights(store, sorted(others)))
    decisions = {w: _decision(after, w) for w in referenced | others}
    for iri, mentions in new_mentions.items():
        changes[iri] = _rewritten(changes[iri], _targets(mentions, decisions))
    for iri, mentions in sorted(stored_mentions.items()):
        if targets := _targets(mentions, decisions):
            changes[iri] = _rewritten(list(store.quads(iri)), targets)
    return changes


def _decision(weights: Weights, word: str) -> str | None:
    """The IRI of the person a reference by ``word`` means, CONTESTED, or None when no one holds the word."""
    last, first = weights.get((LAST_WORD.value, word), Counter()), weights.get((FIRST_WORD.value, word), Counter())
    owner = reference_owner(last)
    if owner is not None:
        return owner
    return CONTESTED if +last or +first else None


def _targets(mentions: list[tuple[str, str, str | None]], decisions: Mapping[str, str | None]) -> dict[str, str]:
    """Entity IRI → the IRI it becomes, for the references of one article graph that change. A person the
    article already names (or an earlier reference of it already means, in mention order) is not taken twice:
    the reference stays unresolved, so that each entity of an article keeps one mention."""
    taken = {entity for _, entity, word in mentions if word is None}
    targets = {}
    for mention, entity, word in sorted(m for m in mentions if m[2]):
        article, key = mention_parts(mention)
        decision = decisions[word]
        if decision is None:
            target = str(entity_iri(key))
        elif decision == CONTESTED or decision in taken:
            target = str(entity_iri(slugify(f"{article} {key}")))
        else:
            target = decision
        taken.add(target)
        if target != entity:
            targets[entity] = target
    return targets


def _rewritten(quads: list[ox.Quad], targets: Mapping[str, str]) -> list[ox.Quad]:
    """``quads`` with each entity of ``targets`` replaced by its target, as subject and as object."""
    if not targets:
        return quads
    nodes = {ox.NamedNode(old): ox.NamedNode(new) for old, new in targets.items()}
    return [ox.Quad(nodes.get(q.subject, q.subject), q.predicate, nodes.get(q.object, q.object), q.graph_name)
            for q in quads]


def _combined(stored: Weights, leaving: Weights, arriving: Weights) -> Weights:
    """Weights once the write is done: the stored ones, less those of the graphs it replaces, plus its own."""
    combined: Weights = defaultdict(Counter)
    for weights, sign in ((stored, 1), (leaving, -1), (arriving, 1)):
        for slot, counts in weights.items():
            for entity, n in counts.items():
                combined[slot][entity] += sign * n
    return combined


# ── Reading the graphs being written ──────────────────────────────────────────────────────────────────


def _mentions_in_quads(graphs: Mapping[str, Sequence[ox.Quad]]) -> Mentions:
    """The mentions of the graphs that hold at least one reference."""
    entities: dict[tuple[str, str], str] = {}
    words: dict[tuple[str, str], str] = {}
    for iri, quads in graphs.items():
        for quad in quads:
            if quad.predicate == MENTION_OF:
                entities[(iri, quad.subject.value)] = quad.object.value
            elif quad.predicate == REFERENCE_WORD:
                words[(iri, quad.subject.value)] = quad.object.value
    mentions: Mentions = defaultdict(list)
    for (iri, mention), entity in sorted(entities.items()):
        mentions[iri].append((mention, entity, words.get((iri, mention))))
    return {iri: ms for iri, ms in mentions.items() if any(w for _, _, w in ms)}


def _weights_in_quads(graphs: Mapping[str, Sequence[ox.Quad]]) -> Weights:
    found: set[tuple[str, str, str, str]] = set()
    for iri, quads in graphs.items():
        entities = {q.subject: q.object.value for q in quads if q.predicate == MENTION_OF}
        found |= {(iri, q.predicate.value, q.object.value, entities[q.subject]) for q in quads
                  if q.predicate in (FIRST_WORD, LAST_WORD) and q.subject in entities}
    weights: Weights = defaultdict(Counter)
    for _, position, word, entity in found:
        weights[(position, word)][entity] += 1
    return weights


# ── Looking up the store ───────────────────────────────────────────────────────────────────────────────


def _stored_in_graphs(store, graphs: Sequence[str]) -> tuple[Weights, set[str]]:
    """The weights that the stored versions of ``graphs`` give, and the reference words they hold."""
    weights: Weights = defaultdict(Counter)
    references: set[str] = set()
    for chunk in _chunks(graphs):
        for p, word, entity, articles in _word_uses(store, "?g", _iris(chunk), "pk:referenceWord"):
            if p == REFERENCE_WORD.value:
                references.add(word)
            else:
                weights[(p, word)][entity] += articles
    return weights, references


def _stored_references(store, words: Sequence[str]) -> dict[str, set[str]]:
    """Each of ``words`` that some stored article uses as a reference → the article graphs that do (a word no one
    refers by needs no decision)."""
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(words):
        rows = store.select("SELECT DISTINCT ?w ?g WHERE { "
                            "GRAPH ?g { VALUES ?w { " + _literals(chunk) + " } ?m pk:referenceWord ?w } }", union=False)
        for row in rows:
            found[row["w"].value].add(row["g"].value)
    return found


def _stored_weights(store, words: Sequence[str]) -> Weights:
    """Per word, the stored people whose full names begin or end with it, with the number of articles."""
    weights: Weights = defaultdict(Counter)
    for chunk in _chunks(words):
        for p, word, entity, articles in _word_uses(store, "?w", _literals(chunk)):
            weights[(p, word)][entity] += articles
    return weights


def _word_uses(store, variable: str, values: str, *more_predicates: str) -> Iterator[tuple[str, str, str, int]]:
    """(predicate, word, entity, number of article graphs) for the mentions that carry a name's first or last
    word (or ``more_predicates``), with ``variable`` (``?g`` or ``?w``) bound to ``values`` inside the graph
    pattern (outside it, Oxigraph would match every mention of the store first)."""
    predicates = " ".join(("pk:nameFirstWord", "pk:nameLastWord", *more_predicates))
    rows = store.select(
        "SELECT ?p ?w ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { "
        f"GRAPH ?g {{ VALUES {variable} {{ {values} }} ?m ?p ?w ; pk:mentionOf ?e VALUES ?p {{ {predicates} }} }} "
        "} GROUP BY ?p ?w ?e", union=False)
    for row in rows:
        yield row["p"].value, row["w"].value, row["e"].value, int(row["n"].value)


def _stored_mentions(store, graphs: Sequence[str]) -> Mentions:
    mentions: Mentions = defaultdict(list)
    for chunk in _chunks(graphs):
        rows = store.select("SELECT ?g ?m ?e ?w WHERE { "
                            "GRAPH ?g { VALUES ?g { " + _iris(chunk) + " } "
                            "?m pk:mentionOf ?e OPTIONAL { ?m pk:referenceWord ?w } } }", union=False)
        for row in rows:
            word = row["w"].value if "w" in row else None
            mentions[row["g"].value].append((row["m"].value, row["e"].value, word))
    return {iri: sorted(ms, key=lambda m: (m[0], m[1], m[2] or "")) for iri, ms in mentions.items()}


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    return (items[start:start + CHUNK] for start in range(0, len(items), CHUNK))


def _iris(iris: Iterable[str]) -> str:
    """IRIs as SPARQL terms; ox.NamedNode validates each, so nothing but an IRI reaches the query text."""
    return " ".join(str(ox.NamedNode(iri)) for iri in iris)


def _literals(words: Iterable[str]) -> str:
    """Strings as SPARQL literals, escaped by ox.Literal."""
    return " ".join(str(ox.Literal(word)) for word in words)
