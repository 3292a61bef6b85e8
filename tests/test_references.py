"""One-word references decided corpus-wide in the write path (policykg/references.py), on short articles written
for these tests: the store's answer is the corpus's, whatever the order, the batches, removals and stores."""
from __future__ import annotations

from itertools import permutations

import pyoxigraph as ox
import pytest

from policykg import pipeline
from policykg.analysis import analyse
from policykg.candidates import store_candidates
from policykg.graph.store import OxigraphStore
from policykg.loaders.extract.keys import reference_owner
from policykg.loaders.model import Article
from policykg.loaders.rdf import graph_iri
from policykg.ontology import ENTITY

TEXTS = {
    "daniel": "Governor Daniel Whitfield said on Tuesday that the budget was balanced.",
    "daniel-again": "Daniel Whitfield said on Friday that the new bridge would open in May.",
    "plain": "\"We will not pay for the dam,\" Whitfield told reporters in Ohio on Monday.",
    "mister": "\"The dam is safe,\" Mr. Whitfield said on Wednesday.",
    "marta": "Senator Marta Whitfield said on Thursday that the farms needed water.",
}


@pytest.fixture(scope="module")
def graphs() -> dict[str, dict[str, list[ox.Quad]]]:
    """Each article's graph as extracted, by article id."""
    articles = [Article(id=name, source=f"{name}.txt", text=text, language="en") for name, text in TEXTS.items()]
    return {e.article.id: pipeline.graphs_of([e]) for e in analyse(articles)}


def stored(graphs, *batches: list[str], store: OxigraphStore | None = None) -> OxigraphStore:
    store = store or OxigraphStore()
    for batch in batches:
        pipeline.write_graphs([store], {iri: quads for name in batch for iri, quads in graphs[name].items()})
    return store


def speakers(store: OxigraphStore) -> dict[str, str]:
    """Article id → the entity key of its (first) statement's speaker."""
    rows = store.select("SELECT ?a ?s WHERE { ?st pk:article ?doc ; pk:speaker ?s . ?doc pk:sourceFile ?a } "
                        "ORDER BY ?st")
    found: dict[str, str] = {}
    for row in rows:
        found.setdefault(row["a"].value.removesuffix(".txt"), row["s"].value.removeprefix(str(ENTITY)))
    return found


def labels(store: OxigraphStore) -> dict[str, str]:
    return {row["e"].value.removeprefix(str(ENTITY)): row["l"].value
            for row in store.select("SELECT ?e ?l WHERE { ?e rdfs:label ?l }")}


def dump(store: OxigraphStore) -> list[str]:
    return sorted(map(str, store.quads()))


def test_a_reference_means_the_one_person_the_corpus_names_in_full_with_its_word(graphs):
    store = stored(graphs, ["plain", "mister"])
    assert speakers(store) == {"plain": "whitfield", "mister": "whitfield"}  # no Whitfield named in full yet
    stored(graphs, ["daniel"], store=store)  # the first full name rewrites the earlier articles
    assert speakers(store) == {"plain": "daniel-whitfield", "mister": "daniel-whitfield", "daniel": "daniel-whitfield"}
    assert labels(store)["daniel-whitfield"] == "Daniel Whitfield"  # a full form, though "Whitfield" is more frequent
    assert "whitfield" not in labels(store)
    aliases = {row["a"].value for row in store.select(
        "SELECT ?a WHERE { ?e rdfs:label 'Daniel Whitfield' ; skos:altLabel ?a }")}
    assert "Whitfield" in aliases
    kept = {(row["f"].value, row["w"].value) for row in store.select(
        "SELECT ?f ?w ?g ?e WHERE { GRAPH ?g { ?m pk:referenceWord ?w ; pk:surfaceForm ?f ; pk:mentionOf ?e } }",
        {"g": ox.NamedNode(str(graph_iri("plain"))), "e": ox.NamedNode(str(ENTITY["daniel-whitfield"]))}, union=False)}
    assert kept == {("Whitfield", "whitfield")}


def test_a_contested_reference_stays_unresolved_in_its_article(graphs):
    store = stored(graphs, ["daniel", "plain", "mister", "marta"])
    assert speakers(store)["plain"] == "plain-whitfield" and speakers(store)["mister"] == "mister-whitfield"
    people = {key for key, label in labels(store).items() if label.endswith("Whitfield")}
    assert people == {"daniel-whitfield", "marta-whitfield", "plain-whitfield", "mister-whitfield"}
    assert "whitfield" not in labels(store)  # never a third Whitfield of the corpus
    stored(graphs, ["daniel-again"], store=store)  # Daniel named in two articles, Marta in one: 2/3 of the weight
    assert speakers(store)["plain"] == speakers(store)["mister"] == "daniel-whitfield"


def test_the_store_does_not_depend_on_order_batches_or_removals(graphs):
    names = sorted(TEXTS)
    expected = dump(stored(graphs, names))
    for order in [*permutations(names)][::17]:
        assert dump(stored(graphs, *([name] for name in order))) == expected, order
    assert dump(stored(graphs, ["marta", "plain"], ["daniel-again", "mister", "daniel"])) == expected
    store = stored(graphs, names)
    stored(graphs, ["daniel", "daniel-again"], ["marta"], store=store)  # re-ingest: nothing changes
    assert dump(store) == expected
    pipeline.write_graphs([store], {**graphs["daniel"], **graphs["daniel-again"]})
    pipeline.write_graphs([store], {iri: [] for iri in graphs["marta"]})
    assert dump(store) == dump(stored(graphs, ["daniel", "daniel-again", "plain", "mister"]))
    pipeline.write_graphs([store], {iri: [] for name in ("daniel", "daniel-again") for iri in graphs[name]})
    assert speakers(store) == {"plain": "whitfield", "mister": "whitfield"}
    assert dump(store) == dump(stored(graphs, ["plain", "mister"]))


def test_ingest_in_any_order_and_batch_size_gives_the_same_store(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    paths = sorted(folder.iterdir())
    together = OxigraphStore()
    pipeline.ingest([folder], [together], language="en")
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    apart = OxigraphStore()
    pipeline.ingest(list(reversed(paths)), [apart], language="en")
    assert dump(apart) == dump(together)
    assert speakers(together)["plain"] == "daniel-whitfield"


def test_unresolved_references_are_merge_candidates(graphs):
    store = stored(graphs, ["daniel", "plain", "marta"])
    found = {(c.reason, c.label, c.other_label) for c in store_candidates(store)}
    assert ("reference", "Daniel Whitfield", "Whitfield") in found
    assert ("reference", "Marta Whitfield", "Whitfield") in found


def test_reference_owner_needs_a_clear_holder():
    assert reference_owner({"ann-vogel": 9, "karl-vogel": 1}) == "ann-vogel"
    assert reference_owner({"lee-park": 2, "sun-park": 2}) is None
    assert reference_owner({"lee-park": 2, "sun-park": 1}) == "lee-park"  # exactly 2/3
    assert reference_owner({"ann-vogel": 0}) is None


def test_a_first_name_alone_never_takes_a_person_of_another_article():
    articles = [Article(id="a", source="a.txt", language="en",
                        text="Councillor Priya Lindqvist said on Monday that the depot would close in June."),
                Article(id="b", source="b.txt", language="en",
                        text="\"The depot must stay open,\" said Priya, a nurse who lives nearby.")]
    store = OxigraphStore()
    for extracted in analyse(articles):  # one write per article: the second is decided against the first
        pipeline.write_graphs([store], pipeline.graphs_of([extracted]))
    assert speakers(store)["a"] == "priya-lindqvist"
    assert speakers(store)["b"] != "priya-lindqvist" and "priya" in speakers(store)["b"]


@pytest.mark.neo4j
def test_neo4j_receives_the_rewritten_articles(graphs, neo4j_store):
    reference = OxigraphStore()
    for batch in (["plain", "mister"], ["daniel"], ["marta"], ["daniel-again"]):
        pipeline.write_graphs([reference, neo4j_store],
                              {iri: quads for name in batch for iri, quads in graphs[name].items()})
        assert set(neo4j_store.quads()) == set(reference.quads())
    rows = neo4j_store.cypher("MATCH (s:Statement)-[:SPEAKER]->(p:Person) RETURN DISTINCT p.label AS label")
    assert {row["label"] for row in rows} == {"Daniel Whitfield", "Marta Whitfield"}
