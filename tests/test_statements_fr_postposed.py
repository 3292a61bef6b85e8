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
