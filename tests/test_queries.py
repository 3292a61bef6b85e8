"""Named queries: one question, two query languages, the same rows from Oxigraph (SPARQL) and Neo4j (Cypher)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from policykg import queries
from policykg.graph.store import OxigraphStore
from policykg.pipeline import write_extractions

# Parameter sets that select something in the debate_extractions corpus (each must give rows).
CASES: dict[str, list[dict[str, str]]] = {
    "who-said-what": [{}, {"about": "e2ee"}, {"about": "CHIFFREMENT DE BOUT EN BOUT"}, {"speaker": "whittaker"},
                      {"speaker": "Meredith Whittaker", "about": "Client-side scanning"},
                      {"speaker": "https://w3id.org/policykg/id/entity/europol"}],
    "statements-about": [{}, {"target": "Apple"}, {"target": "apple inc.", "stance": "against"},
                         {"target": "Online Safety Bill", "stance": "for"}],
    "stance-matrix": [{}],
    "supporters-and-opponents": [{}, {"about": "End-to-end encryption"}, {"about": "scan côté client"}],
    "actor-profile": [{}, {"actor": "Whittaker"}, {"actor": "commission européenne"}, {"actor": "Apple"}],
    "platform-features": [{}, {"feature": "E2EE"}, {"platform": "iCloud"}, {"platform": "Signal", "feature": "e2ee"}],
    "timeline": [{}, {"actor": "Europol"}, {"target": "Apple"}, {"actor": "NSPCC", "target": "apple"}],
    "quotes-by-article": [{}, {"article": "apple-icloud.txt"}, {"article": "headline of europol-warning"},
                          {"article": "https://w3id.org/policykg/id/article/signal-interview"}],
    "co-targets": [{}, {"stance": "against"}, {"speaker": "Home Office"}],
    "entities": [{}, {"type": "NGO"}, {"type": "person"}],
    "relations": [{}, {"entity": "Apple"}, {"entity": "Signal Foundation"}],
    "articles": [{}],
}

INJECTIONS = [
    'Meta"}) DETACH DELETE n //',
    "' } ; DROP ALL ; \"",
    'x") UNION SELECT',
    "x' OR 1=1 OR '",
    "}} INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    "$about",
]


@pytest.fixture
def oxigraph(debate_extractions) -> OxigraphStore:
    store = OxigraphStore()
    write_extractions([store], debate_extractions)
    return store


@pytest.fixture
def both(neo4j_store, debate_extractions):
    oxigraph = OxigraphStore()
    write_extractions([oxigraph, neo4j_store], debate_extractions)
    return oxigraph, neo4j_store


def test_catalogue_pairs_every_query():
    names = [q.name for q in queries.list_queries()]
    assert sorted(names) == sorted(CASES)
    for query in queries.list_queries():
        assert query.description and query.columns
        assert all("$" + p in query.cypher and f"?_{p}" in query.sparql for p in query.params)
    with pytest.raises(KeyError):
        queries.get("no-such-query")


def test_unknown_parameters_are_refused(oxigraph):
    with pytest.raises(ValueError, match="about, speaker"):
        queries.run("who-said-what", {"topic": "x"}, oxigraph)


def test_who_said_what_on_sparql(oxigraph):
    rows = queries.run("who-said-what", {"about": "E2EE"}, oxigraph)
    assert {r["target_id"].rsplit("/", 1)[1] for r in rows} == {"e2ee"}
    assert {(r["speaker"], r["stance"]) for r in rows} == {
        ("Ylva Johansson", "for"), ("Electronic Frontier Foundation", "for"), ("Home Office", "against"),
        ("Europol", "against"), ("Meredith Whittaker", "for"),
    }
    everything = queries.run("who-said-what", {}, oxigraph)
    no_target = [r for r in everything if r["target"] is None]
    assert {r["speaker"] for r in no_target} == {"European Commission", "Electronic Frontier Foundation"}
    first = next(r for r in everything if r["content"].startswith("La détection"))
    assert first | {"statement": None} == {
        "statement": None, "speaker": "Ylva Johansson", "speaker_id": "https://w3id.org/policykg/id/entity/johansson",
        "speaker_type": "Person", "stance": "for", "target": "Client-side scanning",
        "target_id": "https://w3id.org/policykg/id/entity/css", "target_type": "Feature", "kind": "direct",
        "cue": "a déclaré", "content": first["content"], "start": first["start"], "end": first["start"] + len(first["content"]),
        "article": "eu-chat-control.txt", "date": "2023-05-11",
    }
    assert len({r["statement"] for r in everything}) == 17


def test_stance_matrix_counts(oxigraph):
    rows = {(r["actor"], r["target"]): r for r in queries.run("stance-matrix", {}, oxigraph)}
    assert rows["Europol", "Apple"] | {"actor_id": None, "target_id": None} == {
        "actor": "Europol", "actor_id": None, "target": "Apple", "target_id": None,
        "for": 0, "against": 1, "neutral": 1, "total": 2,
    }
    assert rows["Meredith Whittaker", "Client-side scanning"]["against"] == 2


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(CASES))
def test_both_stores_give_the_same_rows(both, name):
    oxigraph, neo4j_store = both
    for params in CASES[name]:
        expected = queries.run(name, params, oxigraph)
        assert expected, f"{name} {params} selects nothing: the case tests nothing"
        assert queries.run(name, params, neo4j_store) == expected, f"{name} {params}"


@pytest.mark.neo4j
def test_parameters_are_data_not_code(both):
    oxigraph, neo4j_store = both
    before = (len(oxigraph), set(neo4j_store.quads()), neo4j_store.counts())
    for query in queries.list_queries():
        for param in query.params:
            for value in INJECTIONS:
                assert queries.run(query.name, {param: value}, oxigraph) == [], (query.name, param, value)
                assert queries.run(query.name, {param: value}, neo4j_store) == [], (query.name, param, value)
    assert (len(oxigraph), set(neo4j_store.quads()), neo4j_store.counts()) == before


def test_relations_count_the_articles_that_state_them(oxigraph):
    rows = queries.run("relations", {"entity": "Apple"}, oxigraph)
    owns = {row["object"]: row["articles"] for row in rows if row["relation"] == "owns"}
    assert owns and max(owns.values()) >= 2, owns
    features = queries.run("platform-features", {"platform": "iCloud"}, oxigraph)
    assert features and all(row["articles"] >= 1 for row in features)


def test_a_name_is_looked_up_once_and_every_entity_it_names_answers(oxigraph):
    europol = "https://w3id.org/policykg/id/entity/europol"
    assert queries.entities_named("EUROPOL", oxigraph) == [europol]
    assert queries.entities_named(europol, oxigraph) == [europol]
    assert queries.entities_named("nobody we know", oxigraph) == []
    assert queries.run("who-said-what", {"speaker": "nobody we know"}, oxigraph) == []
    by_whittaker = queries.run("who-said-what", {"speaker": "Whittaker"}, oxigraph)
    by_europol = queries.run("who-said-what", {"speaker": "Europol"}, oxigraph)
    # An alias two entities share: the rows of both, each once, in the runner's order.
    oxigraph.store.add(ox.Quad(ox.NamedNode(europol), ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
                               ox.Literal("Whittaker"), ox.NamedNode("urn:test:alias")))
    assert len(queries.entities_named("whittaker", oxigraph)) == 2
    both = queries.run("who-said-what", {"speaker": "whittaker"}, oxigraph)
    assert sorted(map(str, both)) == sorted(map(str, by_whittaker + by_europol))
    assert both == sorted(both, key=lambda r: (r["date"] or "", r["speaker"] or "", r["article"] or "", r["start"]))
