"""A body the article names once, then speaks for by a description (round 25), on sentences written for these tests:
"the company", "a company spokesman", "the council's transport department", « l'association », « le syndicat »
stand for the named body of that kind the article wrote before."""
from __future__ import annotations

import pytest

from test_statements import run, speaker
from test_statements_en_press import said


# (text, the content's first words, the expected speaker)
ENGLISH = [
    pytest.param("Northway Coaches, which runs most rural routes, warned that fares would rise. A company spokesman said "
                 "the operator had not been consulted.", "the operator", "Northway Coaches spokesperson",
                 id="a_company_spokesman_speaks_for_the_company_named_before"),
    pytest.param("Harlow Water will fit meters in every home by 2029. The company said bills would fall for most people.\n\n"
                 "The Kelby Tenants Union said the plan was unfair.\n\nCustomers can switch back within two years, a "
                 "company spokeswoman said.", "Customers can", "Harlow Water spokesperson",
                 id="the_company_stays_the_body_it_stood_for_before"),
    pytest.param("Dunmere County Council will remove its parking machines by June. The council said the move would save "
                 "money.", "the move", "Dunmere County Council",
                 id="the_council_is_the_name_its_capitalised_noun_ends"),
    pytest.param("Brennock Council will raise fares in April. Pass holders keep their passes, the council's transport "
                 "department said.", "Pass holders", "Brennock Council",
                 id="a_department_of_the_council_speaks_for_the_council"),
    pytest.param("Parking will cost more in Brennock. Brennock Council will stop issuing free passes, its cabinet agreed "
                 "on Thursday.", "Brennock Council will", "Brennock Council",
                 id="its_cabinet_speaks_for_the_body_its_sentence_names"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), ENGLISH)
def test_english_bodies_spoken_for(text: str, opening: str, expected: str) -> None:
    assert [who for who, content in said(text) if content.startswith(opening)] == [expected]


def test_the_company_is_no_body_of_the_state() -> None:
    """"the company" after a regulator and a company: the company, not the regulator named last."""
    text = ("Harlow Water Services wants to raise bills. The Environment Agency said rivers were low. A company spokesman said "
            "the rise was needed.")
    assert [who for who, content in said(text) if content.startswith("the rise")] == ["Harlow Water Services spokesperson"]


FRENCH = [
    pytest.param("Le projet ne convainc pas la FCPE du Cantal. Son président, Paul Roux, dénonce une réforme brutale. "
                 "L'association demande un moratoire d'un an.", "un moratoire", "FCPE du Cantal",
                 id="l_association_after_a_body_named_once"),
    pytest.param("Les foyers desservis par le Syndicat intercommunal des eaux de la Brenne seront équipés d'un compteur, a "
                 "annoncé son président, Jean Le Goff. Le réseau sera modernisé.\n\nLe déploiement coûtera sept millions "
                 "d'euros, a précisé le syndicat.", "Le déploiement", "Syndicat intercommunal des eaux de la Brenne",
                 id="le_syndicat_after_a_name_its_noun_heads"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), FRENCH)
def test_french_bodies_spoken_for(text: str, opening: str, expected: str) -> None:
    found, index = run(text, "fr")
    assert [speaker(s, index) for s in found if s.content.startswith(opening)] == [expected]


def test_a_bare_body_noun_takes_the_name_the_headline_gives_it() -> None:
    """« le rectorat » of an article whose headline (which the NLP does not read) says « le rectorat de Valbourg »."""
    from policykg.loaders.extract.entities import recognise
    from policykg.loaders.extract.statements import find_statements
    from policykg.loaders.model import Article
    from policykg.loaders.nlp import load_pipeline

    text = "Huit collèges perdront leur classe bilangue à la rentrée, a confirmé lundi le rectorat."
    article = Article(id="t", source="t.txt", text=text, language="fr",
                      title="Classes bilangues : le rectorat de Valbourg assume, les parents protestent")
    doc = load_pipeline("fr")(article.nlp_text())
    index = recognise(article, doc)
    assert [index.entities[s.speaker].label for s in find_statements(article, doc, index)] == ["rectorat de Valbourg"]
