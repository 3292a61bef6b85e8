"""French speakers whose names the press writes inside longer phrases (round 31): a place opening a body's name the
NER read as a person's, a name in capitals after the words saying what kind of body it is, a person after a
hyphenated noun of trade, an institution's name of two complements joined by « et »; sentences written for these
tests, with near misses."""
from __future__ import annotations

import pytest

from test_statements_fr_news import said


@pytest.mark.parametrize("text, who", [
    ("Les associations restent prudentes. France Victimes demande que les victimes soient prévenues.", "France Victimes"),
    ("Selon France Agrivoltaïsme, le plafond est trop bas.", "France Agrivoltaïsme"),
    ("La réforme divise. France Marie Dubois juge que le texte arrive trop tard.", "Marie Dubois"),
    ("Florence Dupont juge que le texte arrive trop tard.", "Florence Dupont"),
])
def test_a_known_place_opening_a_persons_name_with_no_first_name_names_a_body(text, who):
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("L'association de défense des animaux L214 s'inquiète des conditions de vie des canards.", "L214"),
    ("L'association de protection de la nature ASPAS parle d'une « victoire ».", "ASPAS"),
    ("Le syndicat de médecins libéraux MG France se dit favorable au principe.", "MG France"),
    ("Le syndicat des policiers SGP réclame « des moyens ».", "SGP"),
    ("La fédération des entreprises du BTP juge le texte « inapplicable ».", "fédération des entreprises du BTP"),
    ("L'association des maires de France salue « un geste ».", "association des maires de France"),
    ("Le syndicat des transports parisiens a salué une avancée.", "syndicat des transports parisiens"),
    ("L'association de parents d'élèves de l'école Jean-Moulin rappelle que deux enfants ont été renversés.",
     "association de parents d'élèves de l'école Jean-Moulin"),
    ("Selon l'agence de l'eau Loire Bretagne, les nappes sont basses.", "agence de l'eau Loire Bretagne"),
])
def test_a_name_in_capitals_after_the_words_of_a_bodys_kind_is_the_body(text, who):
    assert said(text)[0][0] == who


def test_a_person_after_a_hyphenated_noun_of_trade_speaks():
    assert said("« La scène est vide », regrette la metteuse-en-scène Anne Roux.")[0][0] == "Anne Roux"
    assert said("« Je ne vends rien », résume la compositrice-interprète Julie Martel.")[0][0] == "Julie Martel"


@pytest.mark.parametrize("text, who", [
    ("L'Observatoire des prix et des marges a estimé que les tarifs avaient bondi.", "Observatoire des prix et des marges"),
    ("Le Conseil national des barreaux et de la justice juge le texte « bancal ».",
     "Conseil national des barreaux et de la justice"),
    ("L'Union des villes et communes du Jura demande que les communes reçoivent des moyens.",
     "Union des villes et communes du Jura"),
    ("Le Délégué fédéral à la sécurité des routes et à la prévention a indiqué que le projet était lacunaire.",
     "Délégué fédéral à la sécurité des routes et à la prévention"),
    ("L'Union des commerçants et la CGT dénoncent « un passage en force ».", "Union des commerçants"),
])
def test_et_joins_a_second_complement_built_as_the_first_inside_a_name(text, who):
    assert said(text)[0][0] == who


@pytest.mark.parametrize("text, who", [
    ("La région Occitanie a voté une aide aux festivals. La région précise que le quota sera calculé sur l'année.",
     "région Occitanie"),
    ("La préfecture de la Creuse a publié un arrêté. L'arrêté s'appliquera dès mars, a précisé la préfecture.",
     "préfecture de la Creuse"),
    ("Le préfet de la Creuse a signé un arrêté. Selon la préfecture, l'arrêté vise à protéger les sols.",
     "préfecture de la Creuse"),
    ("La région a voté une aide aux festivals. La région précise que le quota sera calculé sur l'année.", "région"),
])
def test_a_bare_body_noun_is_the_body_the_article_last_named_with_it(text, who):
    assert said(text)[-1][0] == who


@pytest.mark.parametrize("text, who", [
    ("Le ministère de la Culture, de la Jeunesse et des Sports a indiqué que le festival serait maintenu.",
     "ministère de la Culture, de la Jeunesse et des Sports"),
    ("Le SPF Mobilité, Transports et Sécurité routière a précisé que les radars seront installés en mai.",
     "SPF Mobilité, Transports et Sécurité routière"),
])
def test_a_body_named_by_a_list_of_remits_keeps_the_whole_list(text, who):
    assert [w for w, _ in said(text)] == [who]


def test_a_list_of_remits_after_selon_is_no_part_of_the_content():
    found = said("Selon le SPF Mobilité, Transports et Sécurité routière, l'obligation concernera deux millions de conducteurs.")
    assert found == [("SPF Mobilité, Transports et Sécurité routière", "l'obligation concernera deux millions de conducteurs.")]


def test_a_ministry_named_by_its_ministers_first_remit_is_the_whole_list_written_before():
    found = said("Le ministère de la Mer, de la Pêche et des Ports a publié l'arrêté. « Nous protégeons les marins », a "
                 "déclaré la ministre de la Mer, Odile Carré. Le texte sera évalué dans un an, a précisé le ministère.")
    assert found[-1] == ("ministère de la Mer, de la Pêche et des Ports", "Le texte sera évalué dans un an")


@pytest.mark.parametrize("text, who", [
    # near misses: a comma before a name or another body ends the first body's name
    ("Le ministre de la Mer, Paul Garnier, a indiqué que le port restera ouvert.", "Paul Garnier"),
    ("Le ministère de la Mer, de son côté, a indiqué que le port restera ouvert.", "ministère de la Mer"),
])
def test_a_comma_before_no_list_of_remits_ends_the_name(text, who):
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Selon l'Institut national d'études en santé et en services sociaux, les cliniques ont réalisé un million de "
     "consultations.", "Institut national d'études en santé et en services sociaux"),
    ("Le Service de contrôle des eaux dans les montagnes a rappelé que la baignade restera interdite.",
     "Service de contrôle des eaux dans les montagnes"),
    ("La Chambre de métiers et d'artisanat de Brest s'inquiète. Dans une lettre, elle demande que la hausse soit étalée.",
     "Chambre de métiers et d'artisanat de Brest"),
])
def test_an_institutions_name_runs_on_through_its_complements(text, who):
    assert [w for w, _ in said(text)] == [who]


def test_another_preposition_after_et_is_no_complement_of_the_name():
    # near miss: « et en particulier » adds no complement to the institute's name
    found = said("L'Institut Pasteur et en particulier ses chercheurs estiment que le vaccin est sûr.")
    assert [w for w, _ in found] == ["Institut Pasteur"]
