"""French cues set after the clause they report, where the parse folds that clause into the cue's (its subject made
the cue's, its verb hung on that subject); sentences written for these tests."""
from __future__ import annotations

import pytest

from test_statements_fr_news import said


@pytest.mark.parametrize(("text", "expected"), [
    ("Les tarifs resteront bas, a précisé le maire.", ("le maire", "Les tarifs resteront bas")),
    ("Les deux-roues électriques resteront gratuits, tout comme les vélos, a précisé le porte-parole de la mairie.",
     ("le porte-parole de la mairie", "Les deux-roues électriques resteront gratuits, tout comme les vélos")),
    ("Le permis de louer concernera environ 2 300 logements dans trois quartiers, a précisé la porte-parole.",
     ("la porte-parole", "Le permis de louer concernera environ 2 300 logements dans trois quartiers")),
])
def test_a_cue_after_a_clause_the_parse_folded_into_it_reports_that_clause(text: str, expected: tuple[str, str]) -> None:
    assert said(text) == [expected]


@pytest.mark.parametrize("text", [
    "Le député Paul Verdier, rapporteur du texte, a défendu une mesure « de justice territoriale ».",
    "Le député Paul Verdier, qui préside la commission, a défendu une mesure « de justice territoriale ».",
])
def test_a_subject_set_off_by_an_apposition_or_a_relative_clause_is_the_cues_own(text: str) -> None:
    assert [who for who, _ in said(text)] == ["Paul Verdier"]


def test_a_bare_day_between_a_postposed_cue_and_its_subject_is_no_part_of_the_speaker():
    claim = "Le gouvernement relèvera le plafond des aides dès janvier"
    assert said(f"{claim}, a indiqué mardi Matignon.") == [("Matignon", claim)]
    assert [who for who, _ in said("Le tarif augmentera de 5 %, a confirmé vendredi la société Valmetal.")] == ["Valmetal"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Les tarifs resteront bas, a précisé dans la soirée le maire.", ("le maire", "Les tarifs resteront bas")),
    ("Les routes resteront fermées jusqu'à nouvel ordre, a indiqué dans la soirée la préfecture du Gard.",
     ("préfecture du Gard", "Les routes resteront fermées jusqu'à nouvel ordre")),
    ("Les tarifs resteront bas jusqu'à la fin de l'année, a précisé dans la soirée le maire.",
     ("le maire", "Les tarifs resteront bas jusqu'à la fin de l'année")),
])
def test_a_time_phrase_between_a_postposed_cue_and_its_subject_is_no_part_of_the_speaker(
        text: str, expected: tuple[str, str]) -> None:
    assert said(text) == [expected]


@pytest.mark.parametrize("cue", ["a précisé", "a précisé mardi", "a précisé mardi soir"])
def test_a_phrase_the_parse_hung_on_a_cue_that_hangs_on_the_clause_before_it_stays_in_that_clause(cue: str) -> None:
    claim = "Les tarifs resteront bas jusqu'à la fin de l'année"
    assert said(f"{claim}, {cue} le maire.") == [("le maire", claim)]


@pytest.mark.parametrize("when", ["lundi", "mardi soir", "dans la soirée"])
def test_a_date_between_fait_savoir_and_its_subject_is_passed_over(when: str) -> None:
    assert said(f"Les écoles resteront fermées demain, a fait savoir {when} la préfecture.") \
        == [("préfecture", "Les écoles resteront fermées demain")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Il faudra payer pour se garer en ville, a annoncé le président de la communauté de communes, Paul Garnier.",
     ("Paul Garnier", "Il faudra payer pour se garer en ville")),
    ("Dès le 1er mars, il faudra réserver une place en ligne pour visiter les grottes du plateau, dans la limite de 500 "
     "personnes par jour, a annoncé lundi la directrice du parc, Julie Marchal.",
     ("Julie Marchal", "Dès le 1er mars, il faudra réserver une place en ligne pour visiter les grottes du plateau, "
      "dans la limite de 500 personnes par jour")),
    ("La vente de pétards sera interdite dans toutes les communes du département à compter du 1er juillet, a annoncé "
     "vendredi la préfète du Gers, Anne Morel, par un arrêté valable deux mois.",
     ("Anne Morel", "La vente de pétards sera interdite dans toutes les communes du département à compter du 1er juillet")),
    ("La baignade sera interdite la nuit sur les plages de la commune, a annoncé jeudi le maire, Marc Delorme, dans un "
     "communiqué.", ("Marc Delorme", "La baignade sera interdite la nuit sur les plages de la commune")),
])
def test_a_lead_closed_by_a_cue_its_title_and_a_name_reports_the_clause_before_the_cue(
        text: str, expected: tuple[str, str]) -> None:
    """The title and the name after the cue are its subject, not what it announced, even with a phrase on the cue after."""
    assert said(text) == [expected]
