"""The gold scorer on small hand-made gold files: each number would change if a rule of gold/README.md were broken."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from policykg.evaluate import GoldError, load_gold, normalise, score, token_f1
from policykg.ontology import RELATION_PREDICATES

ART = "a.txt"
ENTITIES = [
    {"id": "roe", "label": "Jane Roe", "type": "Person", "aliases": ["Mme Roe", "Roe"]},
    {"id": "acme", "label": "Acme", "type": "Company", "aliases": ["ACME", "Acme Corporation"]},
    {"id": "app", "label": "WidgetApp", "type": "Platform", "aliases": ["WidgetApp"]},
    {"id": "e2ee", "label": "End-to-end encryption", "type": "Feature", "aliases": ["E2EE"]},
]


def write_gold(directory: Path, **fields) -> Path:
    """One gold file in ``directory``; fields not given get a small default article."""
    data = {"article": ART, "language": "en", "entities": ENTITIES, "statements": [], "relations": [], **fields}
    directory.mkdir(exist_ok=True)
    (directory / (Path(data["article"]).stem + ".yaml")).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return directory


def gold_statement(sid: str, content: str, speaker: str = "roe", **extra) -> dict:
    return {"id": sid, "speaker": speaker, "kind": "direct", "content": content, "targets": ["acme"],
            "stance": "against", **extra}


def row(content: str, speaker: str = "Jane Roe", *, targets=("Acme",), stance="against", article=ART) -> dict:
    return {"article": article, "speaker": speaker, "content": content, "stance": stance, "start": 0,
            "end": len(content), "targets": [{"label": label, "id": "", "type": ""} for label in targets]}


def score_statements(tmp_path: Path, statements: list[dict], rows: list[dict]):
    gold = load_gold(write_gold(tmp_path / "gold", statements=statements))
    return score(gold, rows, [], [])


# --- normalisation and token-bag F1 ------------------------------------------

def test_normalise_folds_unicode_case_quotes_punctuation_and_space():
    assert normalise("  L’\ufb01lière « Doit »\u00a0payer… ") == "lfilière doit payer"
    assert normalise('Il a dit: "non" -- puis, (enfin) oui!') == "il a dit non puis enfin oui"
    assert normalise("l'État") == normalise("L’ÉTAT") == "létat"


def test_token_f1_counts_repeated_tokens_as_a_multiset():
    assert token_f1("a a b", "a a c") == pytest.approx(2 * 2 / 6)  # as sets they would share one token of 2
    assert token_f1("a a", "a") == pytest.approx(2 * 1 / 3)
    assert token_f1("« A, b »", "a b") == 1.0
    assert token_f1("", "a") == 0.0


def test_match_threshold_is_an_f1_of_one_half(tmp_path):
    gold = [gold_statement("s1", "alpha beta gamma delta")]
    at_threshold = score_statements(tmp_path, gold, [row("alpha beta one two")])
    below = score_statements(tmp_path, gold, [row("alpha beta one two three")])
    assert at_threshold.overall.statements.correct == 1
    assert below.overall.statements.correct == 0
    assert below.articles[0].details["missed_statements"] == [{"id": "s1", "content": "alpha beta gamma delta"}]


# --- one-to-one matching ------------------------------------------------------

def test_best_pairs_are_taken_first(tmp_path):
    # p1 resembles g2 most, but p2 is an even better match for g2: best-first gives p1 to g1, and both speakers
    # are right; pairing each prediction in turn with its best gold would swap them and get both speakers wrong.
    gold = [gold_statement("g1", "one two three four five six seven eight", speaker="roe"),
            gold_statement("g2", "one two three four nine ten eleven twelve", speaker="acme")]
    p1, p2 = "one two three four five nine ten eleven", "one two three four nine ten eleven twelve"
    assert token_f1(p1, gold[1]["content"]) > token_f1(p1, gold[0]["content"]) >= 0.5
    report = score_statements(tmp_path, gold, [row(p1, "Jane Roe"), row(p2, "Acme")])
    assert report.overall.who_said_what.correct == 2


def test_matching_is_greedy_not_maximal(tmp_path):
    # p1 fits g1 perfectly and g2 well enough; p2 fits only g1. Greedy best-first pairs p1-g1 and leaves p2
    # unmatched, although p1-g2 plus p2-g1 would match both.
    gold = [gold_statement("g1", "a b c d e f"), gold_statement("g2", "a b c d x y")]
    report = score_statements(tmp_path, gold, [row("a b c d e f"), row("a b c e f z w")])
    figures = report.overall.statements
    assert (figures.correct, figures.predicted, figures.gold) == (1, 2, 2)
    assert report.articles[0].details["missed_statements"][0]["id"] == "g2"


def test_a_duplicated_prediction_is_a_false_positive(tmp_path):
    report = score_statements(tmp_path, [gold_statement("s1", "we will never weaken encryption")],
                              [row("we will never weaken encryption")] * 2)
    assert report.overall.statements.precision == 0.5
    assert report.overall.statements.recall == 1.0
    assert len(report.articles[0].details["unmatched_predictions"]) == 1


# --- optional statements and attribution ---------------------------------------

def test_optional_gold_counts_only_when_matched(tmp_path):
    gold = [gold_statement("s1", "first claim about the app"),
            gold_statement("s2", "second claim about the app", optional=True),
            gold_statement("s3", "third remark nobody finds", optional=True)]
    both = score_statements(tmp_path, gold, [row("first claim about the app"),
                                             row("second claim about the app", "Acme")])
    assert both.overall.statements.gold == 2  # s1, plus s2 because it was found; s3 is not missed
    assert both.overall.statements.recall == 1.0
    assert both.overall.who_said_what.recall == 0.5  # s2 is matched with the wrong speaker
    assert [m["id"] for m in both.articles[0].details["missed_statements"]] == []
    only_first = score_statements(tmp_path, gold, [row("first claim about the app")])
    assert only_first.overall.statements.gold == 1
    assert only_first.overall.who_said_what.f1 == 1.0


def test_speaker_matches_label_alias_or_alternative(tmp_path):
    gold = [gold_statement(f"s{i}", f"claim number {word} about the app",
                           speaker_alternatives=["la ministre de l’Économie"])
            for i, word in enumerate(["one", "two", "three", "four"])]
    rows = [row("claim number one about the app", "JANE ROE"),
            row("claim number two about the app", "Mme Roe"),
            row("claim number three about the app", "La ministre de l'économie"),
            row("claim number four about the app", "Acme")]
    report = score_statements(tmp_path, gold, rows)
    assert report.overall.statements.correct == 4
    assert report.overall.who_said_what.correct == 3
    assert report.overall.attribution.value == 0.75
    assert report.articles[0].details["misattributed"] == [{"id": "s3", "gold": "Jane Roe", "predicted": "Acme"}]


# --- targets and stance ----------------------------------------------------------

def test_targets_are_micro_averaged_over_matched_statements(tmp_path):
    gold = [gold_statement("s1", "acme must fix the app now", targets=["acme", "app"]),
            gold_statement("s2", "acme is to blame", targets=["acme"], stance="for")]
    rows = [row("acme must fix the app now", targets=["ACME Corporation", "Jane Roe"]),
            row("acme is to blame", targets=["Acme", "acme"], stance="for"),
            row("an unmatched claim with targets", targets=["Acme", "WidgetApp", "E2EE"], stance="for")]
    targets = score_statements(tmp_path, gold, rows).overall.targets
    # s1: 1 right of 2 predicted, 2 gold; s2: the repeated label hits once, 2 predicted, 1 gold.
    assert (targets.correct, targets.predicted, targets.gold) == (2, 4, 3)
    assert targets.f1 == pytest.approx(4 / 7)


def test_stance_accuracy_counts_matched_statements_only(tmp_path):
    gold = [gold_statement("s1", "acme must fix the app now"), gold_statement("s2", "acme is to blame")]
    rows = [row("acme must fix the app now", stance="against"), row("acme is to blame", stance="neutral"),
            row("something else entirely", stance="for")]
    report = score_statements(tmp_path, gold, rows)
    assert (report.overall.stance.correct, report.overall.stance.total) == (1, 2)
    assert report.articles[0].details["wrong_stance"] == [{"id": "s2", "gold": "against", "predicted": "neutral"}]


# --- entities ------------------------------------------------------------------------

def entity_row(label: str, type_: str, articles=(ART,)) -> dict:
    return {"id": f"urn:{label}", "label": label, "type": type_, "aliases": [], "articles": list(articles)}


def test_entities_match_through_aliases_one_to_one_and_not_entities_are_false_positives(tmp_path):
    gold = load_gold(write_gold(
        tmp_path, entities=ENTITIES[:2] + [{"id": "party", "label": "Tea Party", "type": "Organization",
                                            "optional": True}],
        not_entities=["Weekly Digest"]))
    rows = [entity_row("Acme Corporation", "Company"), entity_row("Acme", "Company"),
            entity_row("Jane Roe", "Company"), entity_row("Weekly Digest", "MediaOutlet"),
            entity_row("WidgetApp", "Platform", articles=["other.txt"])]
    article = score(gold, [], rows, []).articles[0]
    entities = article.figures.entities
    assert (entities.correct, entities.predicted, entities.gold) == (2, 4, 2)
    assert article.figures.entity_types.value == 0.5
    assert article.details["not_entities_produced"] == ["Weekly Digest"]
    # The label equal to the gold label wins over an alias; the other spelling is a duplicate.
    assert article.details["unmatched_entities"] == ["Acme Corporation"]
    assert article.details["wrong_types"] == [{"id": "roe", "gold": "Person", "predicted": "Company"}]


def test_optional_entity_found_counts_in_recall(tmp_path):
    gold = load_gold(write_gold(tmp_path, entities=ENTITIES[:1] + [
        {"id": "party", "label": "Tea Party", "type": "Organization", "optional": True}]))
    found = score(gold, [], [entity_row("Tea Party", "Organization")], []).overall.entities
    assert (found.correct, found.predicted, found.gold) == (1, 1, 2)
    assert score(gold, [], [], []).overall.entities.gold == 1


# --- relations -------------------------------------------------------------------------

def test_relations_fold_predicates_and_match_labels_aliases_and_literals(tmp_path):
    gold = load_gold(write_gold(tmp_path, relations=[
        ["acme", "owns", "app"], ["app", "has_feature", "e2ee"], ["roe", "holds_role", "Ministre de l’Économie"]]))
    rows = [{"subject": "ACME", "predicate": "owns", "object": "WidgetApp"},
            {"subject": "WidgetApp", "predicate": "hasFeature", "object": "E2EE"},
            {"subject": "Mme Roe", "predicate": "HOLDS_ROLE", "object": "ministre de l'économie"},
            {"subject": "Acme", "predicate": "owns", "object": "WidgetApp"},
            {"subject": "WidgetApp", "predicate": "lacks_feature", "object": "E2EE"}]
    other = [{"subject": "Acme", "predicate": "owns", "object": "WidgetApp", "article": "other.txt"}]
    article = score(gold, [], [], [{**r, "article": ART} for r in rows] + other).articles[0]
    relations = article.figures.relations
    assert (relations.correct, relations.predicted, relations.gold) == (3, 5, 3)
    assert article.details["unmatched_relations"] == [["Acme", "owns", "WidgetApp"],
                                                      ["WidgetApp", "lacks_feature", "E2EE"]]


# --- overall, facts, report --------------------------------------------------------------

def test_overall_is_micro_over_articles(tmp_path):
    gold_dir = write_gold(tmp_path, article="a.txt", statements=[gold_statement("s1", "claim one here")])
    write_gold(gold_dir, article="b.txt", statements=[gold_statement(f"s{i}", f"claim {w} there")
                                                      for i, w in enumerate(["two", "three", "four"])])
    rows = [row("claim one here", article="a.txt"), row("claim two there", "Acme", article="b.txt"),
            row("claim one here", article="unscored.txt")]
    report = score(load_gold(gold_dir), rows, [], [])
    assert [a.article for a in report.articles] == ["a.txt", "b.txt"]
    assert report.articles[0].figures.who_said_what.recall == 1.0
    assert report.articles[1].figures.who_said_what.recall == 0.0
    assert report.overall.who_said_what.recall == 0.25  # a macro mean would say 0.5
    assert report.overall.who_said_what.precision == 0.5  # the unscored article's row is ignored


def test_facts_are_an_extra_figure_by_subject_and_value(tmp_path):
    gold = load_gold(write_gold(tmp_path, facts=[{"subject": "acme", "value": 15, "unit": "reports",
                                                  "text": "15 reports"}]))
    facts = [{"article": ART, "subject": "ACME", "value": 15.0, "unit": "cases", "text": "15"},
             {"article": ART, "subject": "Jane Roe", "value": 15.0, "unit": "reports", "text": "15"}]
    figure = score(gold, [], [], [], facts).overall.facts
    assert (figure.correct, figure.predicted, figure.gold) == (1, 2, 1)
    assert score(gold, [], [], []).to_dict()["overall"]["facts"] is None


def test_report_lists_what_to_fix_and_serialises(tmp_path):
    long_claim = "a very long gold statement " * 5
    report = score_statements(tmp_path, [gold_statement("s1", long_claim), gold_statement("s2", "short one")],
                              [row("short one"), row("an invention")])
    data = json.loads(json.dumps(report.to_dict()))
    details = data["articles"][0]["details"]
    assert details["missed_statements"] == [{"id": "s1", "content": " ".join(long_claim.split())[:60]}]
    assert details["unmatched_predictions"][0]["content"] == "an invention"
    assert data["overall"]["statements"] == {"correct": 1, "predicted": 2, "gold": 2, "precision": 0.5,
                                             "recall": 0.5, "f1": 0.5}
    assert data["overall"]["relations"]["f1"] is None  # nothing predicted, nothing in gold
    table = report.format_table()
    assert "overall" in table.splitlines()[2] and "50.0" in table and "s1" not in table
    assert "missed statements (1)" in report.format_table(verbose=True)


# --- gold files ----------------------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    ({"statements": [gold_statement("s1", "x", speaker="nobody")]}, "'nobody' is not an entity id"),
    ({"entities": [{"id": "x", "label": "X", "type": "Robot"}]}, "unknown type 'Robot'"),
    ({"statements": [gold_statement("s1", "x", stance="angry")]}, "stance 'angry'"),
    ({"relations": [["acme", "owns"]]}, "is not [subject, predicate, object]"),
    ({"entities": [{"id": "x", "label": "Office of Roads", "type": "GovernmentBody", "Rail and Ports": None}]},
     "entity x: unknown key 'Rail and Ports' \\(quote a value that holds a comma\\)"),
    ({"statements": [{**gold_statement("s1", "x"), "stnce": "for"}]}, "statement s1: unknown key 'stnce'"),
])
def test_malformed_gold_is_rejected_with_its_place(tmp_path, change, message):
    with pytest.raises(GoldError, match=f"a.yaml: .*{message}".replace("[", r"\[")):
        load_gold(write_gold(tmp_path, **change))


def test_two_gold_files_for_one_article_are_rejected(tmp_path):
    write_gold(tmp_path)
    (tmp_path / "copy.yaml").write_text((tmp_path / "a.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(GoldError, match="more than one gold file for a.txt"):
        load_gold(tmp_path)


SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="the project's gold annotations are not checked out here")
def test_rows_made_from_the_gold_itself_score_perfectly():
    """The real gold files load, and nothing in them is unreachable for a perfect extractor."""
    gold = load_gold(SHARED_GOLD)
    statements, entities, relations = [], [], []
    for article in gold:
        for s in article.statements:
            targets = [{"label": article.label(t), "id": t, "type": article.entities[t].type} for t in s.targets]
            statements.append({"article": article.article, "speaker": article.label(s.speaker),
                               "content": s.content, "stance": s.stance, "targets": targets})
        entities += [{"label": e.label, "type": e.type, "articles": [article.article]}
                     for e in article.entities.values()]
        relations += [{"article": article.article, "subject": article.label(sub),
                       "predicate": RELATION_PREDICATES[pred], "object": article.label(obj)}
                      for sub, pred, obj in article.relations]
    overall = score(gold, statements, entities, relations).overall
    for figure in (overall.who_said_what, overall.targets, overall.entities, overall.relations):
        assert figure.f1 == 1.0
    assert overall.stance.value == overall.entity_types.value == 1.0
