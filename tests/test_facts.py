"""Numbers with unit and subject, in small hand-written French and English texts."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.entities import recognise
from policykg.loaders.extract.facts import find_facts
from policykg.loaders.model import Article, Fact
from policykg.loaders.nlp import load_pipeline


def facts(text: str, language: str) -> list[Fact]:
    article = Article(id="t", source="t.txt", text=text, language=language)
    doc = load_pipeline(language)(article.nlp_text())
    found = find_facts(article, doc, recognise(article, doc))
    for fact in found:
        assert text[fact.start:fact.end] == fact.text
    return found


def triples(found: list[Fact]) -> set[tuple[str, float, str]]:
    return {(f.subject, f.value, f.unit) for f in found}


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "En 2022, Snapchat a transmis 4 500 signalements à la police.", ("snapchat", 4500, "reports")),
    ("fr", "TikTok n'a signalé que 12 cas d'exploitation.", ("tiktok", 12, "reports")),
    ("fr", "Selon Ofcom, Discord représente plus de 35 % des plaintes.", ("discord", 35, "percent")),
    ("fr", "Europol a ouvert 1,5 million d'enquêtes.", ("europol", 1_500_000, "investigations")),
    ("fr", "Le FBI a procédé à 300 arrestations le 3 mars.", ("fbi", 300, "arrests")),
    ("en", "Ofcom received 20,000 complaints last year.", ("ofcom", 20_000, "complaints")),
    ("en", "Instagram and Facebook account for more than 60% of referrals.", ("instagram", 60, "percent")),
    ("en", "Apple was fined $1.2 billion.", ("apple", 1_200_000_000, "dollars")),
    ("en", "YouTube removed three million videos.", ("youtube", 3_000_000, "videos")),
    ("en", "Telegram flagged 15 cases to the police.", ("telegram", 15, "reports")),
])
def test_value_unit_and_subject(language, text, expected):
    assert expected in triples(facts(text, language))


def test_the_number_in_a_clause_without_an_actor_is_about_the_subject_before():
    found = facts("WhatsApp a signalé 12 cas. Pourtant, 900 cas ont été signalés par les utilisateurs.", "fr")
    assert ("whatsapp", 900, "reports") in triples(found)


def test_the_text_takes_the_approximation_and_the_unit():
    [fact] = facts("Selon Ofcom, Discord représente plus de 35 % des plaintes.", "fr")
    assert fact.text == "plus de 35 %"


@pytest.mark.parametrize("language, text", [
    ("fr", "Le 12 mai 2023, Meta a publié un rapport à 14h30."),
    ("fr", "Meta est arrivée 2e du classement, pour la 3ème fois."),
    ("en", "On May 5, 2021, Meta published its report at 10:30 am."),
    ("en", "Meta finished 2nd, behind Google, in the 21st edition."),
    ("en", "Meta said Apple has 7 things to fix."),
])
def test_years_dates_times_ordinals_and_unknown_units_are_not_facts(language, text):
    assert facts(text, language) == []


def test_a_possessor_is_the_subject():
    found = facts("Marco Rubio received 33% of the votes to Ted Cruz's 20%.", "en")
    assert {(f.subject.rsplit("-", 1)[-1], f.value) for f in found} == {("rubio", 33), ("cruz", 20)}
