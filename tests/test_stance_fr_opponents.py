"""French stance on realistic copy (stance26fr), by class of error, on sentences written for the test: opponents
whose words carry praise or promise, and officials' terms read as criticism."""
from __future__ import annotations

import pytest

from test_targets import Text, stance_of

SPEAKER = "Rachel de Souza"


@pytest.mark.parametrize("text, content, stance", [
    # what is not made for a use is unfit for it
    ("« Nos petites routes ne sont pas faites pour absorber autant de camions », a déclaré Rachel de Souza.",
     "Nos petites routes ne sont pas faites pour absorber autant de camions", "against"),
    # praise that holds on paper only is a reservation
    ("Rachel de Souza juge la mesure « séduisante sur le papier ».", "la mesure « séduisante sur le papier »",
     "against"),
    # a measure that will never replace what it stands for is insufficient, not a reassurance
    ("« Le couvre-feu ne remplacera jamais des éducateurs dans la rue », a déclaré Rachel de Souza.",
     "Le couvre-feu ne remplacera jamais des éducateurs dans la rue", "against"),
])
def test_praise_and_promise_words_of_an_opponent(text, content, stance):
    assert stance_of("fr", text, SPEAKER, content) == stance


@pytest.mark.parametrize("text, content, stance", [
    # approval granted on a condition sets a condition on the measure: against it as it stands
    ("Rachel de Souza juge le dispositif acceptable « à condition que les maires soient consultés ».",
     "le dispositif acceptable « à condition que les maires soient consultés »", "against"),
    # ... an eligibility told with no approval sets none
    ("« L'aide sera versée à condition que le logement soit occupé », a précisé Rachel de Souza.",
     "L'aide sera versée à condition que le logement soit occupé", "for"),
])
def test_approval_on_a_condition(text, content, stance):
    assert stance_of("fr", text, SPEAKER, content) == stance


@pytest.mark.parametrize("text, content, stance", [
    # what the speaker's own people will pay or lose, named by a first-person possessive, is a grievance
    ("« Nos commerçants, nos apprentis vont payer pour aller travailler », a déclaré Rachel de Souza.",
     "Nos commerçants, nos apprentis vont payer pour aller travailler", "against"),
    ("« Nos clients vont perdre leur bureau de poste », a déclaré Rachel de Souza.",
     "Nos clients vont perdre leur bureau de poste", "against"),
    # ... and what they win is a claim
    ("« Nos agents vont gagner du temps sur les trajets », a déclaré Rachel de Souza.",
     "Nos agents vont gagner du temps sur les trajets", "for"),
])
def test_the_speakers_people_pay_or_lose(text, content, stance):
    assert stance_of("fr", text, SPEAKER, content) == stance


@pytest.mark.parametrize("text, content, stance", [
    # a warning then a fine, with its sum, is a term of the measure: neutral
    ("« Les contrevenants recevront un avertissement, puis une amende de 90 euros », a précisé Rachel de Souza.",
     "Les contrevenants recevront un avertissement, puis une amende de 90 euros", "neutral"),
])
def test_a_graded_penalty_is_a_term_of_the_measure(text, content, stance):
    assert stance_of("fr", text, SPEAKER, content) == stance


@pytest.mark.parametrize("text, content", [
    # words of protest and grievance in general use: not even enough, an appeal to a court, not consulted, an
    # abandonment, a day of protest
    ("Rachel de Souza juge que la subvention « ne couvre même pas le prix du matériel ».",
     "la subvention « ne couvre même pas le prix du matériel »"),
    ("Rachel de Souza a annoncé un recours devant le tribunal administratif.",
     "un recours devant le tribunal administratif."),
    ("« Les associations n'ont jamais été consultées », a déclaré Rachel de Souza.",
     "Les associations n'ont jamais été consultées"),
    ("Rachel de Souza parle d'un « abandon des quartiers populaires ».", "d'un « abandon des quartiers populaires »"),
    ("Rachel de Souza a annoncé une journée de mobilisation le 12 mars.", "une journée de mobilisation le 12 mars."),
])
def test_words_of_protest(text, content):
    assert stance_of("fr", text, SPEAKER, content) == "against"


def test_abandoning_a_project_judged_a_mistake_is_for_it():
    assert stance_of("fr", "« L'abandon de ce projet serait une erreur », a déclaré Rachel de Souza.", SPEAKER,
                     "L'abandon de ce projet serait une erreur") == "for"


def test_the_final_stop_brings_no_words_of_the_other_speakers_clause():
    # the parser hangs the stop on the main verb, whose speaker is another: « abandon » is theirs, not hers
    text = Text("Les élus de la vallée parlent d'un « abandon des villages », tandis que Rachel de Souza assure que "
                "les contrôles seront plus nombreux.", "fr")
    [statement] = text.run(text.statement(SPEAKER, "les contrôles seront plus nombreux."))
    assert statement.stance != "against"


@pytest.mark.parametrize("text, content", [
    # one course taken instead of another is a reproach
    ("« La ville verbalise les cyclistes au lieu d'aménager des pistes », a déclaré Rachel de Souza.",
     "La ville verbalise les cyclistes au lieu d'aménager des pistes"),
    ("« On préfère fermer des classes plutôt que de recruter des enseignants », a déclaré Rachel de Souza.",
     "On préfère fermer des classes plutôt que de recruter des enseignants"),
])
def test_instead_of_is_a_reproach(text, content):
    assert stance_of("fr", text, SPEAKER, content) == "against"
