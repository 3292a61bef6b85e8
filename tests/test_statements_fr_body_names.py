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
