"""French judgements and position acts (round 25): a judged object and the phrase that completes it, an attribute set in a
relative clause on the thing judged, a clitic standing for it ("s'y oppose"), a figure set before the object, a
quotation after a speaker's introduction; sentences written for these tests."""
from __future__ import annotations

import pytest

from test_statements import run, speaker


def said(text: str) -> list[tuple[str, str]]:
    """(speaker label, content) of every statement of ``text``."""
    found, index = run(text)
    return [(speaker(s, index), s.content) for s in found]


@pytest.mark.parametrize("text, content", [
    ("La CGT dénonce une atteinte au droit de grève.", "une atteinte au droit de grève."),
    ("L'Ordre des pharmaciens dénonce « une dérive grave » pour la profession.", "« une dérive grave » pour la profession."),
    ("Le syndicat justifie son refus par le manque de concertation.", "son refus par le manque de concertation."),
    ("La Fédération des artisans considère la taxe comme une injustice.", "la taxe comme une injustice."),
])
def test_a_phrase_right_after_the_judged_object_completes_it(text: str, content: str):
    assert [c for _, c in said(text)] == [content]


@pytest.mark.parametrize("text, content", [
    ("La présidente de la région, Carole Vasseur, a défendu le projet au micro d'une radio locale.", "le projet"),
    ("Le maire conteste la décision devant le tribunal administratif.", "la décision"),
])
def test_the_setting_of_the_words_is_no_part_of_what_is_judged(text: str, content: str):
    assert [c for _, c in said(text)] == [content]


def test_a_participle_attribute_in_quotation_marks_goes_with_its_object():
    assert said("Le syndicat Alliance salue un texte « enfin adapté » aux réalités du terrain.") \
        == [("Alliance", "un texte « enfin adapté » aux réalités du terrain.")]


@pytest.mark.parametrize("text, content", [
    ("La ministre de la Santé, Anne Roy, défend une réforme « pensée pour les patients, pas pour les caisses ».",
     "une réforme « pensée pour les patients, pas pour les caisses »."),
    ("La ministre de la Santé, Anne Roy, défend une réforme « juste et attendue ».", "une réforme « juste et attendue »."),
    # near misses: a quoted sentence of its own, and the words after a full stop, are no attribute of the object
    ("La ministre de la Santé, Anne Roy, défend une réforme « Nous devons avancer ».", "une réforme"),
    ("La ministre de la Santé, Anne Roy, défend une réforme. « Il faut avancer », dit-elle.", "une réforme."),
])
def test_a_quoted_attribute_right_after_a_judged_object_goes_with_it(text: str, content: str):
    """"défend une réforme « pensée pour les patients »": the parse hangs the quotation apart from the object."""
    assert said(text)[0][1] == content


def test_a_quoted_characterisation_keeps_whom_it_is_for():
    assert said("Le président de la chambre d'agriculture parle d'un « coup de grâce » pour les petites fermes.")[0][1] \
        == "d'un « coup de grâce » pour les petites fermes"


def test_an_attribute_in_a_relative_clause_with_its_own_subject_judges_the_antecedent():
    text = "Le préfet a présenté un plan que les agriculteurs jugent « insuffisant »."
    found, index = run(text)
    assert [(s.content, s.cue) for s in found] == [("un plan « insuffisant »", "que les agriculteurs jugent")]
    text = "La région prévoit une baisse des aides. Une décision que la Confédération paysanne juge « brutale »."
    assert said(text) == [("Confédération paysanne", "Une décision « brutale »")]


def test_a_relative_subject_of_its_own_ends_the_object_of_the_verb_before():
    found = said("Le collectif Nuit Noire réclame un vote du conseil municipal, que le maire juge inutile.")
    assert found[0] == ("Nuit Noire", "un vote du conseil municipal")
    assert found[1][1].endswith("inutile") and found[1][0] != "Nuit Noire"


@pytest.mark.parametrize("text, who, content", [
    ("L'Union des maires critique la réforme, qu'elle juge « précipitée et coûteuse ».", "Union des maires",
     "la réforme, qu'elle juge « précipitée et coûteuse »."),
    ("Le ministre défend une réforme qu'il estime « urgente ».", "Le ministre", "une réforme qu'il estime « urgente »."),
])
def test_an_attribute_in_a_relative_clause_of_the_same_speaker_is_part_of_the_statement(text: str, who: str, content: str):
    assert said(text) == [(who, content)]


def test_a_reported_clause_after_a_noun_is_no_relative_clause():
    text = "La directrice a expliqué aux parents que l'inspection juge les locaux vétustes."
    assert said(text) == [("La directrice", "l'inspection juge les locaux vétustes.")]


@pytest.mark.parametrize("text, who, content", [
    ("La Fédération des chasseurs s'y oppose.", "Fédération des chasseurs", "s'y oppose"),
    ("L'Automobile Club s'y est toujours opposé.", "Automobile Club", "s'y est toujours opposé"),
    ("Le syndicat des pharmaciens s'en félicite.", "syndicat des pharmaciens", "s'en félicite"),
    ("Le maire de Brévans, Paul Mercier, s'y est opposé lors du conseil municipal.", "Paul Mercier", "s'y est opposé"),
])
def test_a_clitic_standing_for_what_was_named_makes_a_position(text: str, who: str, content: str):
    assert said(text) == [(who, content)]


def test_a_clitic_before_a_complement_is_no_position_of_its_own():
    assert said("Le syndicat en appelle à la raison du gouvernement.") == [("syndicat", "à la raison du gouvernement.")]


def test_a_figure_set_before_the_object_is_part_of_the_estimate():
    assert said("L'Insee chiffre à 40 % la part des ménages concernés.") == [("Insee", "à 40 % la part des ménages concernés.")]


@pytest.mark.parametrize("text, content", [
    ("Le député Marc Loriot voit dans la réforme une chance pour l'emploi local.", "dans la réforme une chance pour l'emploi local."),
    ("Le syndicat dit non au principe de la taxe.", "au principe de la taxe."),
])
def test_seeing_in_and_saying_no_to_report_their_complement(text: str, content: str):
    assert [c for _, c in said(text)] == [content]


def test_a_quotation_after_a_sentence_whose_pronominal_cue_the_tagger_misread_is_its_subjects():
    text = "La gérante du bar, Sonia Petit, s'interroge. « Qui viendra boire un verre à 22 heures ? »"
    assert said(text) == [("Sonia Petit", "Qui viendra boire un verre à 22 heures ?")]


@pytest.mark.parametrize("text, who, content", [
    ("La Confédération paysanne trouve le calendrier beaucoup trop serré.", "Confédération paysanne",
     "le calendrier beaucoup trop serré."),
    ("Le syndicat Alliance trouve que la réforme va trop loin.", "Alliance", "la réforme va trop loin."),
])
def test_trouver_judges_with_an_attribute_or_a_clause(text: str, who: str, content: str):
    assert said(text) == [(who, content)]


@pytest.mark.parametrize("text", [
    "Le ministre a trouvé un accord avec les syndicats.",
    "Les gendarmes ont trouvé une camionnette blanche près du pont.",
])
def test_trouver_without_an_attribute_on_a_definite_object_reports_nothing(text: str):
    assert said(text) == []


def test_a_quotation_after_a_sentence_whose_subject_is_a_definite_role_is_the_person_called_so():
    text = ("Le maire de Lunel, Paul Roche, a présenté le budget. Le maire, lui, reste prudent. "
            "« Attendons de voir le texte final. »")
    assert said(text) == [("Paul Roche", "Attendons de voir le texte final.")]


def test_a_verb_read_as_a_noun_does_not_open_the_antecedent_of_a_relative_clause():
    found, _ = run("Le collectif Vigie Béton critique la réforme, que la Fédération du bâtiment juge pourtant « équilibrée ».")
    assert sorted((s.cue, s.content) for s in found) == [
        ("critique", "la réforme"), ("que la Fédération du bâtiment juge", "la réforme pourtant « équilibrée »")]


@pytest.mark.parametrize("text, content", [
    ("La sénatrice Hélène Marchal a annoncé une proposition de loi pour encadrer les loyers des résidences étudiantes.",
     "une proposition de loi pour encadrer les loyers des résidences étudiantes."),
    ("L'association a jugé la fermeture « nécessaire » pour protéger les nappes phréatiques.",
     "la fermeture « nécessaire » pour protéger les nappes phréatiques"),
    ("La Fédération des bailleurs juge la réforme « incompatible » avec les engagements pris l'an dernier.",
     "la réforme « incompatible » avec les engagements pris l'an dernier."),
    ("Le député Paul Renard dénonce une mesure « injuste », car « les familles rurales n'ont pas d'autre choix ».",
     "une mesure « injuste », car « les familles rurales n'ont pas d'autre choix »."),
    ("La directrice, Anne Morel, s'est dite « surprise » par la décision du conseil.", "« surprise » par la décision du conseil"),
])
def test_what_the_judged_object_is_for_and_why_goes_with_it(text: str, content: str):
    """An infinitive of purpose, a complement of the quoted attribute, a reason after "car" (round 30)."""
    assert [c for _, c in said(text)] == [content]


@pytest.mark.parametrize("text, content", [
    ("Le syndicat conteste la décision devant le tribunal afin d'obtenir son annulation.", "la décision"),
    ("Le président s'est dit « satisfait » lundi soir.", "satisfait"),
])
def test_a_purpose_or_a_complement_not_right_after_the_judged_object_stays_out(text: str, content: str):
    assert [c for _, c in said(text)] == [content]


@pytest.mark.parametrize("text", [
    "L'Ordre des avocats juge la réforme « irréaliste ».",  # "juge" read as a noun's modifier, its object as a complement
    "L'Ordre des architectes juge la réforme « irréaliste ».",  # "juge" read as a noun, the preposition hung on it
])
def test_a_judgement_with_a_quoted_attribute_after_a_body_with_a_complement_whatever_the_parse(text: str):
    assert [c for _, c in said(text)] == ["la réforme « irréaliste »."]


def test_a_judge_after_a_preposition_is_a_noun():
    assert said("La décision du premier juge la semaine dernière « surprend ».") == []


def test_a_body_whose_name_ends_on_two_adjectives_is_the_judgements_subject():
    found = said("L'Union des pêcheurs bretons et normands juge la réforme « irréaliste ».")
    assert found == [("Union des pêcheurs bretons et normands", "la réforme « irréaliste ».")]
