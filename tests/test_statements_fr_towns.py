"""French speakers named by their town (round 21): the town the NER found but the filter of names dropped (a
hyphenated town in one token, a town the tagger read as a common noun), « la municipalité » as the town hall,
and a title the parse made the subject alone; sentences written for these tests."""
from __future__ import annotations

from test_statements import run, speaker


def said(text: str) -> list[tuple[str, str]]:
    """(speaker label, content) of every statement of ``text``."""
    found, index = run(text)
    return [(speaker(s, index), s.content) for s in found]


def test_a_hyphenated_town_names_its_town_hall():
    text = "Les cantines de Villeneuve-sur-Aure passeront au bio dès septembre, a confirmé jeudi la mairie."
    assert [who for who, _ in said(text)] == ["mairie de Villeneuve-sur-Aure"]


def test_a_town_the_tagger_read_as_a_noun_names_its_town_hall():
    text = "Les terrasses du centre de Roquebel fermeront à minuit à partir de mai, a annoncé mardi la mairie."
    assert [who for who, _ in said(text)] == ["mairie de Roquebel"]


def test_a_known_common_word_is_still_no_town():
    text = "Le secrétaire d’État a promis une aide aux communes, a annoncé mardi la mairie."
    assert all("État" not in who for who, _ in said(text))


def test_the_municipality_is_the_town_hall():
    text = "À Nantes, la municipalité promet « des navettes gratuites tout l'été »."
    assert said(text) == [("mairie de Nantes", "des navettes gratuites tout l'été")]


def test_a_title_the_parse_made_the_subject_alone_stands_for_the_named_person():
    text = ("La maire, Anne Le Garrec-Dubois, a signé l'arrêté mardi. « Nous irons jusqu'au bout », "
            "a déclaré Mme Le Garrec-Dubois au micro d'une radio locale.")
    assert ("Anne Le Garrec-Dubois", "Nous irons jusqu'au bout") in said(text)


def test_an_acronym_defined_in_parentheses_is_the_body_spelled_out_in_sentence_case():
    text = ("Le centre de soins fermera en juin, a annoncé l'Agence régionale de santé (ARS) de Bretagne. "
            "Aucun poste ne sera supprimé, a indiqué l'ARS.")
    assert [who for who, _ in said(text)] == ["Agence régionale de santé", "Agence régionale de santé"]


def test_a_french_spokesperson_is_named_after_the_body_not_its_acronym():
    text = ("Le centre de soins fermera en juin, a annoncé l'Agence régionale de santé (ARS) de Bretagne. "
            "Les soignants seront reclassés, a précisé la porte-parole de l'ARS.")
    assert said(text)[-1][0] == "Agence régionale de santé spokesperson"
