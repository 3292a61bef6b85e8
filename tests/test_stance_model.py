"""The learned stance model (``loaders/extract/stance_model.py``): it ships with the package, trains the same way
every time, and gives a side to a statement the rules leave neutral."""
from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.loaders.extract import stance_model
from policykg.loaders.extract.entities import EntityIndex
from policykg.loaders.extract.relations import find_relations
from policykg.loaders.extract.stance import View
from policykg.loaders.extract.stance_lexicon import lexicon
from policykg.loaders.extract.stance_model import CLASSES, Model
from policykg.loaders.extract.stance_words import future_form
from policykg.loaders.extract.targets import assign_targets_and_stance, authority_on_policy
from policykg.loaders.model import Article
from policykg.loaders.nlp import load_pipeline
from policykg.stance_training import Sample, _error_row, batches, collect, cross_validate, fit, folds, kept

from test_targets import Text, stance_of

SEEDS = Path(__file__).resolve().parents[1].parent / "shared"


def test_the_weights_load_offline_from_the_package():
    shipped = resources.files("policykg.loaders") / "data" / "stance_model.json"
    model = Model.from_json(shipped.read_text(encoding="utf-8"))
    assert len(model.weights) > 100 and all(len(w) == len(CLASSES) for w in model.weights.values())
    assert 0.4 <= model.threshold < 1
    assert Model.from_json(model.to_json()) == model


def test_training_gives_the_same_weights_twice():
    samples = [Sample(f"a{i}", 0, "en", frozenset({"en:tax", "CUE_warn"} if i % 2 else {"en:welcome",
                                                                                   "KIND_direct"}),
                      "against" if i % 2 else "for", "neutral", "neutral", "left") for i in range(8)]
    first, second = fit(samples, 0.5).to_json(), fit(samples, 0.5).to_json()
    assert first == second
    model = Model.from_json(first)
    assert model.side({"en:tax", "CUE_warn"}) == "against" and model.side({"en:welcome"}) == "for"


def test_an_error_row_tells_where_what_and_who_decided():
    """``cv --errors`` writes one tab-separated line per wrong statement: set, article, gold, side found, the rules'
    side, whether the model was asked, its three probabilities, content and sentence, each on one line, and the rule
    that decided."""
    article = Text("Greenpeace said the new\ntax would hurt.\tIt spoke on Monday.", "en")
    content = "the new\ntax would hurt"
    statement = article.statement("Greenpeace", content, kind="indirect")
    statement.stance = "for"
    sample = Sample("t", 0, "en", frozenset({"en:hurt"}), "against", "against", "against", "cue")
    row = _error_row("en", article.article, article.doc, article.index, statement, (content, "against", False),
                     sample, Model({"en:hurt": (1.0, 0.0, 0.0)}, (0.0, 0.0, 0.0), 0.4))
    cells = row.split("\t")
    assert cells[:6] == ["en", "t", "against", "for", "against", "rules"]
    assert float(cells[6]) > float(cells[7]) == float(cells[8]) and cells[9] == "the new tax would hurt"
    assert "\n" not in row and len(cells) == 12 and cells[11] == "cue"


@pytest.mark.parametrize("language, text, speaker, content, side", [
    # « Ce sont encore les petits commerces qui vont payer », here until round 29, sits on a coin toss (against 0.45,
    # for 0.44-0.46) and flipped with every few retrainings; the same grievance without the cleft is clear of it
    ("fr", "« Les petits commerces vont encore payer la note », a déclaré Greenpeace.",
     "Greenpeace", "Les petits commerces vont encore payer la note", "against"),
    ("en", "\"We have waited ten years for this,\" said Greenpeace.", "Greenpeace", "We have waited ten years for this",
     "for"),
])
def test_the_model_gives_a_side_where_the_rules_find_no_evidence(language, text, speaker, content, side):
    assert stance_of(language, text, speaker, content) == "neutral"
    assert stance_of(language, text, speaker, content, learned=True) == side


@pytest.mark.parametrize("text, speaker, content, flagged", [
    ("The Home Office said the Online Safety Act would start in June.", "Home Office",
     "the Online Safety Act would start in June", True),
    ("Greenpeace said the Online Safety Act would start in June.", "Greenpeace",
     "the Online Safety Act would start in June", False),
    ("The Home Office said the weather would stay dry in June.", "Home Office", "the weather would stay dry in June",
     False),
])
def test_an_authority_speaking_of_a_debated_policy_is_a_feature(text, speaker, content, flagged):
    """An authority mostly defends the measure it speaks of: the model reads it (not an NGO, not another subject)."""
    article = Text(text, "en")
    statement = article.statement(speaker, content, kind="indirect")
    debate = assign_targets_and_stance(article.article, article.doc, article.index, [statement],
                                       find_relations(article.article, article.doc, article.index))
    view = View.of(text, article.doc, statement, article.index)
    assert authority_on_policy(view, debate) is flagged
    assert ("en:AUTHORITY_ON_POLICY" in stance_model.features(view, article.index, lexicon("en"), flagged)) is flagged


def _view(language: str, text: str, content: str, speaker: str = "Greenpeace") -> tuple[View, EntityIndex]:
    """The view the stance rules and the model have of ``speaker`` reporting ``content`` in ``text``."""
    article = Text(text, language)
    statement = article.statement(speaker, content, kind="indirect")
    return View.of(text, article.doc, statement, article.index), article.index


@pytest.mark.parametrize("language, text, content, described", [
    ("en", "Greenpeace said pollution has risen and children are vulnerable.",
     "pollution has risen and children are vulnerable", True),
    ("en", "Greenpeace said the violence was getting worse.", "the violence was getting worse", True),
    ("en", "Greenpeace said the ban will damage tourism.", "the ban will damage tourism", False),
    ("en", "Greenpeace said the ban is dangerous.", "the ban is dangerous", False),
    ("en", "Greenpeace said the damage would be serious.", "the damage would be serious", False),
    ("en", "Greenpeace said it was unacceptable.", "it was unacceptable", False),
    ("en", "Greenpeace said Meta has ignored the violence.", "Meta has ignored the violence", False),
    ("fr", "Selon Greenpeace, la violence a explosé.", "la violence a explosé", True),
    ("fr", "Selon Greenpeace, les enfants sont vulnérables et la pollution augmente.",
     "les enfants sont vulnérables et la pollution augmente", True),
    ("fr", "Selon Greenpeace, la mesure va fragiliser les familles.", "la mesure va fragiliser les familles", False),
    ("fr", "Selon Greenpeace, les familles seraient pénalisées.", "les familles seraient pénalisées", False),
    ("en", "Greenpeace said small bakeries risk losing customers.", "small bakeries risk losing customers", False),
    ("en", "Greenpeace said the rule threatens to destroy jobs.", "the rule threatens to destroy jobs", False),
    ("en", "Greenpeace said dozens of jobs are set to disappear.", "dozens of jobs are set to disappear", False),
    ("en", "Greenpeace said farmers face ruin.", "farmers face ruin", False),
    ("en", "Greenpeace said the pollution has set a dangerous precedent.",
     "the pollution has set a dangerous precedent", True),
    ("fr", "Selon Greenpeace, les petits commerces risquent la faillite.", "les petits commerces risquent la faillite",
     False),
    ("fr", "Selon Greenpeace, les artisans s'exposent à des pertes.", "les artisans s'exposent à des pertes", False),
    ("fr", "Selon Greenpeace, le quartier perdra des emplois.", "le quartier perdra des emplois", False),
    ("fr", "Selon Greenpeace, les familles paieraient des pénalités.", "les familles paieraient des pénalités", False),
    ("fr", "Selon Greenpeace, la pollution durait depuis des années.", "la pollution durait depuis des années", True),
])
def test_a_harm_described_is_told_from_a_grievance(language, text, content, described):
    """Negative words of the present or the past, of no measure and no one named, may be a backer's account of the
    harm a measure fights; the measure's harm to come, and blame, are grievances."""
    view, index = _view(language, text, content)
    assert stance_model.described_harm(view, index, lexicon(language)) is described


@pytest.mark.parametrize("text, verb, future", [
    ("La taxe détruira des emplois.", "détruira", True),
    ("Les familles paieraient plus cher.", "paieraient", True),
    ("Le quartier perdra son âme.", "perdra", True),
    ("Les commerçants devront fermer.", "devront", True),
    ("Selon lui, on aurait tort.", "aurait", True),
    ("Il déclarait que la ville était sale.", "déclarait", False),
    ("On espérait mieux.", "espérait", False),
    ("Il déclara que tout allait mal.", "déclara", False),
    ("Les loyers assuraient un revenu.", "assuraient", False),
    ("Nous déclarons notre opposition.", "déclarons", False),
])
def test_a_french_future_or_conditional_is_told_by_its_stem(text, verb, future):
    """The parser reads some futures and conditionals as participles or imperfects; the future stem tells them,
    and an imperfect or past that merely ends in -rait, -ra or -rons has none."""
    doc = load_pipeline("fr")(text)
    [token] = [t for t in doc if t.text == verb]
    assert future_form(token, lexicon("fr")) is future


@pytest.mark.parametrize("sure_of_for, side", [(5.0, "for"), (-5.0, "against")])
def test_the_model_reconsiders_the_rules_against_on_a_harm_described(sure_of_for, side):
    view, index = _view("en", "Greenpeace said pollution has risen.", "pollution has risen")
    with stance_model.using(Model({"KIND_indirect": (0.0, sure_of_for, 0.0)}, (0.0, 0.0, 0.0), 0.4)):
        assert stance_model.reconsider(view, index, lexicon("en")) == side
    with stance_model.using(None):
        assert stance_model.reconsider(view, index, lexicon("en")) == "against"


@pytest.mark.parametrize("text, content, rule, marks", [
    ("\"We have waited ten years for this,\" said Greenpeace.", "We have waited ten years for this", "left",
     {"LEFT_NEUTRAL", "en:LEFT_NEUTRAL"}),
    ("Greenpeace said the tax was a disaster.", "the tax was a disaster", "lexical",
     {"RULE_lexical_against", "en:RULES_against"}),
    ("Greenpeace criticised the plan, saying it came too late.", "it came too late", "cue",
     {"RULE_cue_against", "RULES_against"}),
])
def test_the_rule_that_decided_is_marked_in_training(text, content, rule, marks):
    """The statements the rules leave neutral, and only those, carry the ``LEFT_NEUTRAL`` mark; the others the rule
    that decided and its side (``RULE_*``, ``RULES_*``, which only ``--stacking stack`` learns from)."""
    article = Article(id="t", source="t.txt", text=text, language="en")
    doc = load_pipeline("en")(article.nlp_text())
    [sample] = collect([("en", article, doc, [(content, "for", False)])])
    assert sample.rule == rule and sample.left_neutral is (rule == "left")
    assert marks <= sample.features
    assert (rule == "left") is any(f.endswith("LEFT_NEUTRAL") for f in sample.features)


@pytest.mark.parametrize("stacking, left", [
    ("none", {"en:tax", "LEFT_NEUTRAL"}), ("stack", {"en:tax", "LEFT_NEUTRAL", "RULE_cue_for", "en:RULES_for"}),
    ("plain", {"en:tax"}),
])
def test_what_the_model_reads_of_the_rules_is_chosen_in_training(stacking, left):
    features = frozenset({"en:tax", "LEFT_NEUTRAL", "RULE_cue_for", "en:RULES_for"})
    assert kept(features, stacking) == left


@pytest.mark.parametrize("overrule, side", [(None, "against"), (0.3, "for"), (0.99, "against")])
def test_a_model_with_a_margin_overrules_the_rules_side_when_it_is_that_much_surer(overrule, side):
    """``--stacking stack --overrule M``: the model sees which rule decided, and its side replaces the rules' when it
    is ``M`` more probable than theirs; without a margin the rules' side stands."""
    model = Model({"RULE_lexical_against": (0.0, 5.0, 0.0)}, (0.0, 0.0, 0.0), 0.4, overrule)
    assert stance_of("en", "Greenpeace said the tax was a disaster.", "Greenpeace", "the tax was a disaster",
                     learned=model) == side
    assert Model.from_json(model.to_json()) == model


def test_the_mark_of_a_statement_left_neutral_carries_its_language():
    assert stance_model.ruling({"fr:KIND_direct", "KIND_direct", "fr:ROOT_:"}, "neutral", "left") == {
        "fr:KIND_direct", "KIND_direct", "fr:ROOT_:", "LEFT_NEUTRAL", "fr:LEFT_NEUTRAL"}


@pytest.mark.skipif(not (SEEDS / "seeds").is_dir() and os.environ.get("CI") != "true",
                    reason="the shared seed articles are not next to the repository (CI has them)")
def test_the_seed_articles_keep_their_scores(tmp_path):
    runner = CliRunner()
    ingested = runner.invoke(main, ["--data-dir", str(tmp_path), "ingest", "--no-neo4j", str(SEEDS / "seeds")])
    assert ingested.exit_code == 0, ingested.output
    scored = runner.invoke(main, ["--data-dir", str(tmp_path), "eval", "--format", "json", str(SEEDS / "gold")])
    overall = json.loads(scored.output)["overall"]
    assert overall["who_said_what"]["f1"] == 1.0
    assert overall["targets"]["f1"] >= 0.92 and overall["stance"]["accuracy"] >= 0.95


@pytest.mark.parametrize("text, sure_of, targets, side", [
    ("Greenpeace said Maria Lopez had planned to bring her supporters to the rally.", (0.0, 5.0, 0.0),
     ["Maria Lopez"], "neutral"),
    ("Greenpeace said Maria Lopez had planned to bring her supporters to the rally.", (5.0, 0.0, 0.0),
     ["Maria Lopez"], "neutral"),
    ("Greenpeace said Maria Lopez had planned to bring her supporters to the rally.", (0.0, 5.0, 0.0), [], "for"),
    ("Greenpeace accused her of lying. It said Maria Lopez had planned to bring her supporters to the rally.",
     (5.0, 0.0, 0.0), ["Maria Lopez"], "against"),
    ("Greenpeace accused her of lying. It said Maria Lopez had planned to bring her supporters to the rally.",
     (0.0, 5.0, 0.0), ["Maria Lopez"], "neutral"),
])
def test_the_model_gives_a_person_alone_no_side_without_words_of_criticism(text, sure_of, targets, side):
    """What someone did or plans, told with no word of praise the rules know and no criticism around it, is no side
    taken on them: the model's sides come from words about measures. Criticism around keeps its against."""
    view, index = _view("en", text, "Maria Lopez had planned to bring her supporters to the rally")
    view.statement.targets = [index.lookup(name).key for name in targets]
    with stance_model.using(Model({"KIND_indirect": sure_of}, (0.0, 0.0, 0.0), 0.4)):
        assert stance_model.decide(view, index, lexicon("en")) == side


def _stances(text: str, said: list[tuple[str, str]], model: Model) -> list[str]:
    """The stances of the statements ``said`` ((speaker, content)) of one English article, decided by ``model``."""
    article = Text(text, "en")
    found = article.run(*(article.statement(speaker, content, kind="indirect") for speaker, content in said),
                        learned=model)
    return [s.stance for s in found]


POOLED = Model({"en:harvest": (2.5, 0.0, 0.0), "en:weekend": (0.0, 0.5, 0.0)}, (0.0, 0.0, 0.0), 0.4)
"""A model sure of against on "harvest" and leaning for on "weekend" (0.45 alone): no word of the lexicon."""


@pytest.mark.parametrize("second_speaker, side", [("Greenpeace", "against"), ("Oxfam", "for")])
def test_a_speaker_s_other_statements_in_the_article_weigh_on_a_weak_side(second_speaker, side):
    """A statement the model is not sure of leans to the side its speaker's other statements in the article take
    (a speaker holds one side); another speaker's statements weigh nothing on it."""
    text = (f"Greenpeace said the farmers had lost the harvest twice. {second_speaker} said the children sang songs "
            "every weekend.")
    stances = _stances(text, [("Greenpeace", "the farmers had lost the harvest twice"),
                              (second_speaker, "the children sang songs every weekend")], POOLED)
    assert stances[1] == side


def test_a_speaker_s_plain_verdict_elsewhere_weighs_as_the_rules_gave_it():
    """A side the rules gave on plain evidence ("criticised the plan") counts in its speaker's other statements as
    that side, not as the model's guess on its words (which here know nothing of "plan")."""
    text = "Greenpeace criticised the plan. Greenpeace said the children sang songs every weekend."
    article = Text(text, "en")
    found = article.run(article.statement("Greenpeace", "the plan", cue="criticised", kind="indirect"),
                        article.statement("Greenpeace", "the children sang songs every weekend", kind="indirect"),
                        learned=POOLED)
    assert [s.stance for s in found] == ["against", "against"]


def test_a_statement_s_own_strong_evidence_outweighs_its_speaker_s_other_statements():
    text = "Greenpeace said the farmers had lost the harvest twice. Greenpeace said the harvest came every weekend."
    stances = _stances(text, [("Greenpeace", "the harvest came every weekend"),
                              ("Greenpeace", "the farmers had lost the harvest twice")],
                       Model({"en:harvest": (2.5, 0.0, 0.0), "en:weekend": (0.0, 4.0, 0.0)}, (0.0, 0.0, 0.0), 0.4))
    assert stances[0] == "for"


def _features(language: str, text: str, speaker: str, content: str) -> set[str]:
    view, index = _view(language, text, content, speaker)
    return stance_model.features(view, index, lexicon(language))


@pytest.mark.parametrize("language, text, speaker, content, described", [
    ("en", "Greenpeace, which opposes the plan, said the queues had tripled.", "Greenpeace", "the queues had tripled",
     "DESCRIBED_against"),
    ("en", "Greenpeace said the queues had tripled. Greenpeace, which supports the plan, met on Monday.", "Greenpeace",
     "the queues had tripled", "DESCRIBED_for"),
    ("fr", "Selon Greenpeace, opposante au projet, les files ont triplé.", "Greenpeace", "les files ont triplé",
     "DESCRIBED_opponent"),
])
def test_the_side_the_article_describes_the_speaker_on_is_a_feature(language, text, speaker, content, described):
    """Who tells a harm decides whose it is: the words that describe the speaker wherever the article names them."""
    found = _features(language, text, speaker, content)
    assert described in found and f"{language}:{described}" in found
    plain = _features(language, f"Selon {speaker}, {content}." if language == "fr" else
                      f"{speaker} said {content}.", speaker, content)
    assert not any(f.startswith("DESCRIBED_") for f in plain)


@pytest.mark.parametrize("content, harm", [
    ("the ban will destroy jobs", {"HARM_TO_COME", "HARM_OF_MEASURE", "HARM_TO_COME_OF_MEASURE"}),
    ("pollution had doubled", {"HARM_PAST"}),
])
def test_a_harm_s_time_and_whether_it_is_the_measure_s_are_features(content, harm):
    found = {f for f in _features("en", f"Greenpeace said {content}.", "Greenpeace", content) if f.startswith("HARM")}
    assert found == harm


def test_the_preposition_that_ties_a_measure_to_its_clause_is_a_feature():
    """"since the ban" tells the measure as a harm's cause; "for the ban" as what is asked."""
    content = "sales have fallen since the ban"
    assert "POLICY_AFTER_since" in _features("en", f"Greenpeace said {content}.", "Greenpeace", content)


def _sample(article: str, gold: str, part: str = "en") -> Sample:
    return Sample(article, 0, part, frozenset({"en:tax"} if gold == "against" else {"en:welcome"}), gold,
                  "neutral", "neutral", "left")


def test_the_batch_out_measure_trains_only_on_articles_written_before_the_batch():
    """Each batch (``BATCH`` numbers of each language) is judged by a model trained on the lower numbers and
    PolNeAR's articles, never on the batch itself or a later one: a blind batch, mimicked."""
    names = [f"en{n:02d}_x" for n in range(1, 50)] + [f"fr{n:02d}_y" for n in range(1, 50)] + ["polnear_1"]
    samples = [_sample(name, "for", "polnear" if name.startswith("polnear") else name[:2]) for name in names]
    splits = batches(samples)
    assert splits == batches(list(reversed(samples)))
    assert sorted(splits[-1][1]) == [f"{lang}{n}_{end}" for lang, end in (("en", "x"), ("fr", "y"))
                                     for n in range(42, 50)]
    for trained, held in splits:
        first = min(int(name[2:4]) for name in held)
        assert "polnear_1" in trained and trained.isdisjoint(held)
        assert all(int(name[2:4]) < first for name in trained if name != "polnear_1")


def test_a_named_holdout_is_judged_by_a_model_trained_on_every_other_article():
    samples = [_sample(name, "for") for name in ("en140_a", "en150_b", "fr150_c", "en20_d")]
    [(trained, held)] = batches(samples, "en1[4-6][0-9]*,fr15*")
    assert held == {"en140_a", "en150_b", "fr150_c"} and trained == {"en20_d"}


def test_cross_validation_scores_only_the_held_articles_with_a_model_that_never_saw_them():
    """Words that always meant against in training say against in a held article; the k-fold splits judge every
    article once."""
    samples = [_sample(f"en{n:02d}_a", "against" if n % 2 else "for") for n in range(1, 61)]
    assert sorted(n for _, held in folds(samples) for n in held) == sorted(s.article for s in samples)
    table = cross_validate(samples, batches(samples))
    assert table[0.4] == {"en": 1.0} and table[0.0] == {"en": 0.0}


def test_a_side_the_model_overrules_makes_no_backer_of_an_authority():
    """Under stacking (``overrule`` set), a *for* the model gives over the rules' against does not make the speaker a
    backer whose other complaints ``positions.champion_problems`` turns to *for* (stance26: on the seeds, two such
    overrules of a minister attacking a platform turned his five other complaints)."""
    text = Text("The Home Secretary, Anna Reid, spoke about Meta. \"Meta has failed to close the loophole,\" Anna Reid "
                "said. \"Meta has failed children again and again,\" Anna Reid said.", "en")
    said = ["Meta has failed to close the loophole", "Meta has failed children again and again"]
    overruling = Model({"loophole": (-9.0, 9.0, 0.0)}, (0.0, 0.0, 0.0), 0.4, 0.0)
    assert [s.stance for s in text.run(*(text.statement("Anna Reid", c) for c in said))] == ["against", "against"]
    assert [s.stance for s in text.run(*(text.statement("Anna Reid", c) for c in said), learned=overruling)] == [
        "for", "against"]
