"""French stance on realistic copy (stance26fr), by class of error, on sentences written for the test: opponents
whose words carry praise or promise, and officials' terms read as criticism."""
from __future__ import annotations

import pytest

from test_targets import Text, cases, stance_of

SPEAKER = "Rachel de Souza"


STANCES = [
    *cases("praise and promise words of an opponent", [
        # what is not made for a use is unfit for it
        ("« Nos petites routes ne sont pas faites pour absorber autant de camions », a déclaré Rachel de Souza.",
         "Nos petites routes ne sont pas faites pour absorber autant de camions", "against"),
        # praise that holds on paper only is a reservation
        ("Rachel de Souza juge la mesure « séduisante sur le papier ».", "la mesure « séduisante sur le papier »",
         "against"),
        # a measure that will never replace what it stands for is insufficient, not a reassurance
        ("« Le couvre-feu ne remplacera jamais des éducateurs dans la rue », a déclaré Rachel de Souza.",
         "Le couvre-feu ne remplacera jamais des éducateurs dans la rue", "against"),
    ]),
    *cases("approval on a condition", [
        # approval granted on a condition sets a condition on the measure: against it as it stands
        ("Rachel de Souza juge le dispositif acceptable « à condition que les maires soient consultés ».",
         "le dispositif acceptable « à condition que les maires soient consultés »", "against"),
        # ... an eligibility told with no approval sets none
        ("« L'aide sera versée à condition que le logement soit occupé », a précisé Rachel de Souza.",
         "L'aide sera versée à condition que le logement soit occupé", "for"),
    ]),
    *cases("the speaker's people pay or lose", [
        # what the speaker's own people will pay or lose, named by a first-person possessive, is a grievance
        ("« Nos commerçants, nos apprentis vont payer pour aller travailler », a déclaré Rachel de Souza.",
         "Nos commerçants, nos apprentis vont payer pour aller travailler", "against"),
        ("« Nos clients vont perdre leur bureau de poste », a déclaré Rachel de Souza.",
         "Nos clients vont perdre leur bureau de poste", "against"),
        # ... and what they win is a claim
        ("« Nos agents vont gagner du temps sur les trajets », a déclaré Rachel de Souza.",
         "Nos agents vont gagner du temps sur les trajets", "for"),
    ]),
    *cases("a graded penalty is a term of the measure", [
        # a warning then a fine, with its sum, is a term of the measure: neutral
        ("« Les contrevenants recevront un avertissement, puis une amende de 90 euros », a précisé Rachel de Souza.",
         "Les contrevenants recevront un avertissement, puis une amende de 90 euros", "neutral"),
    ]),
    *cases("words of protest", [
        # words of protest and grievance in general use: not even enough, an appeal to a court, not consulted, an
        # abandonment, a day of protest
        ("Rachel de Souza juge que la subvention « ne couvre même pas le prix du matériel ».",
         "la subvention « ne couvre même pas le prix du matériel »", "against"),
        ("Rachel de Souza a annoncé un recours devant le tribunal administratif.",
         "un recours devant le tribunal administratif.", "against"),
        ("« Les associations n'ont jamais été consultées », a déclaré Rachel de Souza.",
         "Les associations n'ont jamais été consultées", "against"),
        ("Rachel de Souza parle d'un « abandon des quartiers populaires ».",
         "d'un « abandon des quartiers populaires »", "against"),
        ("Rachel de Souza a annoncé une journée de mobilisation le 12 mars.", "une journée de mobilisation le 12 mars.",
         "against"),
    ]),
    *cases("abandoning a project judged a mistake is for it", [
        ("« L'abandon de ce projet serait une erreur », a déclaré Rachel de Souza.",
         "L'abandon de ce projet serait une erreur", "for"),
    ]),
    *cases("instead of is a reproach", [
        # one course taken instead of another is a reproach
        ("« La ville verbalise les cyclistes au lieu d'aménager des pistes », a déclaré Rachel de Souza.",
         "La ville verbalise les cyclistes au lieu d'aménager des pistes", "against"),
        ("« On préfère fermer des classes plutôt que de recruter des enseignants », a déclaré Rachel de Souza.",
         "On préfère fermer des classes plutôt que de recruter des enseignants", "against"),
    ]),
]


@pytest.mark.parametrize("text, content, stance", STANCES)
def test_stance(text, content, stance):
    assert stance_of("fr", text, SPEAKER, content) == stance


def test_the_final_stop_brings_no_words_of_the_other_speakers_clause():
    # the parser hangs the stop on the main verb, whose speaker is another: « abandon » is theirs, not hers
    text = Text("Les élus de la vallée parlent d'un « abandon des villages », tandis que Rachel de Souza assure que "
                "les contrôles seront plus nombreux.", "fr")
    [statement] = text.run(text.statement(SPEAKER, "les contrôles seront plus nombreux."))
    assert statement.stance != "against"
