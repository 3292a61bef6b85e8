"""French cues and the extent of what they report (round 29): what the sentence adds to a judged object (a clause after
a colon, a concession, a participle set off on it), a verb of judgement the tagger misread after a subject phrase that
opens the sentence, a question that a lower-case cue closes; sentences written for these tests."""
from __future__ import annotations

import pytest

from test_statements_fr_judgements import said


@pytest.mark.parametrize("text, content", [
    ("La fédération des transporteurs fustige une « écotaxe bis » : chaque camion paiera douze centimes par kilomètre.",
     "une « écotaxe bis » : chaque camion paiera douze centimes par kilomètre."),
    ("L'ordre des architectes salue une « avancée réelle », même si le texte reste flou sur les délais.",
     "une « avancée réelle », même si le texte reste flou sur les délais."),
    ("Le syndicat des pharmaciens dénonce une « réforme bâclée », écrite sans les professionnels de terrain.",
     "une « réforme bâclée », écrite sans les professionnels de terrain."),
])
def test_what_the_sentence_adds_to_a_judged_object_goes_with_it(text: str, content: str):
    assert [c for _, c in said(text)] == [content]


def test_a_cue_of_its_own_after_the_judged_object_ends_it():
    assert said("La CGT dénonce un projet « dangereux », estimant que les salariés paieront la note.") == [
        ("CGT", "un projet « dangereux »"), ("CGT", "les salariés paieront la note.")]



@pytest.mark.parametrize("text, object_, clause", [
    ("La présidente de la fédération, Anne Roux, juge la réforme « bâclée » : d'après elle, les communes n'ont pas été "
     "consultées.", "la réforme « bâclée »", "les communes n'ont pas été consultées."),
    ("Le délégué syndical Paul Martin juge le seuil « arbitraire » : selon lui, un atelier climatisé n'expose pas aux "
     "mêmes risques.", "le seuil « arbitraire »", "un atelier climatisé n'expose pas aux mêmes risques."),
])
def test_a_clause_after_the_colon_with_an_attribution_of_its_own_is_a_statement_of_its_own(text, object_, clause):
    assert [c for _, c in said(text)] == [object_, clause]


def test_a_misread_verb_of_judgement_after_an_opening_subject_and_an_aside_is_a_cue():
    assert said("Un responsable syndical, sous couvert d'anonymat, juge le plan « irréalisable » dans les délais.") \
        == [("Un responsable syndical", "le plan « irréalisable » dans les délais.")]


@pytest.mark.parametrize("text", [
    "Une réponse jugée « méprisante » par plusieurs élus de gauche.",
    "Le décret inquiète d'abord les petites associations rurales, où les bénévoles se font rares.",
])
def test_a_participle_or_an_adjective_after_an_opening_phrase_is_no_cue(text: str):
    assert said(text) == []


def test_a_question_closed_by_a_lower_case_cue_is_the_speakers():
    assert said("Combien coûtera ce chantier ? interroge la présidente de l'association.") \
        == [("la présidente de l'association", "Combien coûtera ce chantier ?")]


def test_an_indirect_question_opened_by_qui_is_what_the_speaker_asks():
    assert said("La directrice se demande qui formera les enseignants.") == [("La directrice", "qui formera les enseignants.")]


def test_a_relative_clause_on_the_source_of_pour_is_no_part_of_the_content():
    assert said("Pour Claire Dubois, qui dirige une école de musique, la réforme arrive trop tard.") \
        == [("Claire Dubois", "la réforme arrive trop tard.")]


@pytest.mark.parametrize("text, who, content", [
    ("Pour le syndicat des infirmiers, la réforme arrive trop tard.", "syndicat des infirmiers", "la réforme arrive trop tard."),
    ("Pour la fédération, le plus dur commence.", "fédération", "le plus dur commence."),
])
def test_an_organisation_after_pour_holds_the_view(text: str, who: str, content: str):
    assert said(text) == [(who, content)]


def test_pour_before_a_phrase_of_time_attributes_nothing():
    assert said("Pour la première fois, le syndicat a signé.") == []


def test_a_past_infinitive_after_a_verb_of_saying_is_what_it_reports():
    found = said("Le pêcheur Louis Garnier dit avoir vu les poissons disparaître en dix ans.")
    assert found == [("Louis Garnier", "avoir vu les poissons disparaître en dix ans.")]


def test_a_gerund_of_the_lexicon_opening_the_words_after_a_cue_reports_them():
    # near miss: "en rappelant que" is the nearer cue, not what "a répondu" reports
    assert said("La maire Odile Carré a répondu en rappelant que le budget est voté.") == [("Odile Carré", "le budget est voté.")]
