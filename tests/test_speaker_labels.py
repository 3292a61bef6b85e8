"""Speaker labels (round 25), on sentences written for these tests: where a speaker's name starts and ends. An
elided particle glued to the surname stays in it ("Dupré-N’Gom", "d'Aubigny"); a first name, particles and a surname
the NER read as a place are a person's; a party or a role word the NER kept before a person's name is no part of it
(docs/gold-format.md: a speaker's label is the person's name)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from policykg.loaders.extract.name_spans import before_clause
from policykg.loaders.extract.ner_spans import hyphenated_rest
from policykg.loaders.extract.statements.speaker_names import figure
from policykg.loaders.nlp import load_pipeline

from test_statements import run, speaker


def said(text: str, language: str) -> list[str]:
    """The speaker label of every statement of ``text``."""
    found, index = run(text, language)
    return [speaker(s, index) for s in found]


def test_a_surname_keeps_the_elided_particle_after_its_hyphen() -> None:
    """The NER may end a name on "N’" and read the rest apart: the apostrophe glued to a capital runs it on; a spaced
    one does not."""
    vocab = spacy.blank("fr").vocab
    glued = Doc(vocab, words=["M.", "Moreau", "-", "N’", "Gom", "dans"], spaces=[True, False, False, False, True, False])
    assert [t.text for t in hyphenated_rest(list(glued[1:4]))] == ["Moreau", "-", "N’", "Gom"]
    spaced = Doc(vocab, words=["M.", "Moreau", "-", "N’", "Gom"], spaces=[True, False, False, True, False])
    assert [t.text for t in hyphenated_rest(list(spaced[1:4]))] == ["Moreau", "-", "N’"]
    assert said("« Nous irons jusqu’au bout », a promis M. Moreau-N’Gom devant les élus.", "fr") == ["Moreau-N’Gom"]


def test_an_english_surname_opened_by_an_elided_particle_keeps_it() -> None:
    text = "On Monday, the Liberal MP for Kestrel Bay, Sir Rupert d'Aubigny, urged the firm to cut its prices."
    assert said(text, "en") == ["Rupert d'Aubigny"]


def test_a_first_name_and_a_particle_surname_read_as_a_place_name_a_person() -> None:
    text = "Le maire de Villers-sur-Loire, Olivier d’Aubigny, a salué « une décision de bon sens »."
    assert said(text, "fr") == ["Olivier d’Aubigny"]


def test_a_party_and_a_role_before_an_english_name_are_no_part_of_it() -> None:
    text = "Opinion was split. The Labour MP Sadia Okonjo-Hale called the plan \"late by ten years\"; the minister said no."
    assert said(text, "en")[0] == "Sadia Okonjo-Hale"


def test_a_party_after_a_french_role_is_no_part_of_the_name() -> None:
    text = "Le conseiller régional RN Thierry Vasseur a, lui, dénoncé « le mépris de l’État pour les campagnes »."
    assert said(text, "fr") == ["Thierry Vasseur"]


# --- trailing words glued to a body's name ---------------------------------------------------------------------

def test_an_acronym_is_named_without_the_complement_of_where_it_speaks_from() -> None:
    assert said("La CGT de l’usine s’inquiète pour l’avenir de l’atelier.", "fr") == ["CGT"]


def test_a_hyphenated_acronym_is_named_without_whom_it_gathers() -> None:
    text = "Le syndicat SA-FPT des agents municipaux soutient en revanche le projet."
    assert said(text, "fr") == ["SA-FPT"]


def test_a_name_the_ner_ran_on_to_the_next_clause_ends_before_its_verb() -> None:
    text = ("Marc Duval, maire de Vernon, s’interroge sur la mesure. Il accuse le Syndicat départemental des eaux "
            "d’avoir « fermé deux stations en trois ans ».")
    labels = said(text, "fr")
    assert "Syndicat départemental des eaux d’avoir" not in labels
    assert labels[-1] == "Marc Duval"


def test_a_participle_after_a_body_s_name_is_no_part_of_it() -> None:
    text = "La hausse rapporterait 200 millions, d’après l’étude de la direction de la Santé publique jointe au rapport."
    assert said(text, "fr") == ["direction de la Santé publique"]


def test_a_hyphenated_place_completes_the_body_of_a_title() -> None:
    text = "Le préfet des Hautes-Pyrénées a signé l’arrêté lundi. La préfecture a précisé que les contrôles seraient stricts."
    assert said(text, "fr") == ["préfecture des Hautes-Pyrénées"]


# --- never a speaker ----------------------------------------------------------------------------------------------

def test_a_sum_is_never_a_speaker() -> None:
    text = ("La redevance, de son nom officiel « contribution sur les emballages », rapporte aujourd’hui environ "
            "320 millions d’euros par an. Le ministre a jugé la mesure « utile ».")
    assert "320 millions d’euros par an" not in said(text, "fr")


def test_a_share_of_people_may_speak() -> None:
    """"63 percent said": a poll's respondents, not a sum; the figure rule leaves them."""
    text = "A poll of 900 voters came out on Sunday. Another 21 percent said they would back neither candidate."
    assert said(text, "en") == ["Another 21 percent"]


def test_an_acronym_with_a_lower_case_noun_of_its_branch_keeps_it() -> None:
    """"la CGT santé": no preposition, the branch's noun is the name's."""
    text = "L’avertissement de la CGT santé est clair : « Si la maternité ferme, les femmes auront une heure de route. »"
    assert said(text, "fr") == ["CGT santé"]


def test_a_sentence_initial_name_the_parse_split_stays_whole() -> None:
    text = ("The council will switch off its meters in May.\n\nVeterans Rights Harlow warned that older drivers "
            "would struggle with small screens.")
    assert said(text, "en") == ["Veterans Rights Harlow"]


def test_the_medium_of_an_interview_is_not_the_speaker() -> None:
    """"a défendu le maire sur France Bleu Azur", "Bleu" parsed as the subject: the outlet is where he spoke."""
    text = ("Le maire, Paul Renaud, y voit « un outil moderne ». « Une caméra voit en dix secondes ce qu’une patrouille "
            "cherche une heure », a défendu le maire sur France Bleu Azur.")
    assert said(text, "fr") == ["Paul Renaud", "Paul Renaud"]


def test_a_span_run_on_to_the_next_clause_s_verb_ends_before_it() -> None:
    """The NER's "le Syndicat départemental des eaux d’avoir": the infinitive opens the clause after the name."""
    doc = load_pipeline("fr")("Il accuse le Syndicat départemental des eaux d’avoir « fermé deux stations ».")
    name = [t for t in doc if t.text in ("Syndicat", "départemental", "des", "eaux", "d’", "avoir")]
    assert [t.text for t in before_clause(name)] == ["Syndicat", "départemental", "des", "eaux"]
    assert [t.text for t in before_clause(name[:4])] == ["Syndicat", "départemental", "des", "eaux"]


def test_a_sum_heads_no_speaker_but_a_share_of_people_may() -> None:
    sums = load_pipeline("fr")("La redevance rapporte environ 320 millions d’euros par an.")
    assert figure(next(t for t in sums if t.text == "millions"))
    share = load_pipeline("en")("Another 21 percent said they would back neither candidate.")
    assert not figure(next(t for t in share if t.text == "percent"))
