"""Relations stated in small hand-written French and English texts (entities from the real recogniser)."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.entities import recognise
from policykg.loaders.extract.relations import find_relations, patterns
from policykg.loaders.model import Article
from policykg.loaders.nlp import load_pipeline


def relations(text: str, language: str) -> set[tuple[str, str, str]]:
    article = Article(id="t", source="t.txt", text=text, language=language)
    doc = load_pipeline(language)(article.nlp_text())
    index = recognise(article, doc)
    found = find_relations(article, doc, index)
    for relation in found:
        assert relation.span is not None and relation.span[0] < relation.span[1]
    return {(r.subject, r.predicate, r.object) for r in found}


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Snapchat, une application appartenant à Snap Inc., séduit les adolescents.",
     {("snap-inc", "owns", "snapchat")}),
    ("fr", "Alphabet, qui possède Google et YouTube, a publié ses résultats.",
     {("alphabet", "owns", "google"), ("alphabet", "owns", "youtube")}),
    ("en", "Instagram, owned by Meta, is popular with teenagers.", {("meta", "owns", "instagram")}),
    ("en", "ByteDance, which owns TikTok, declined to comment.", {("bytedance", "owns", "tiktok")}),
])
def test_ownership(language, text, expected):
    assert expected <= relations(text, language)


def test_a_list_in_a_relative_clause_is_not_the_subject_of_the_main_verb():
    found = relations("Meta, which owns Facebook and WhatsApp, plans to introduce end-to-end encryption on "
                      "Messenger this year.", "en")
    assert {("meta", "owns", "facebook"), ("meta", "owns", "whatsapp")} <= found
    assert not {(s, p, o) for s, p, o in found if p == "plans_feature" and s in ("facebook", "whatsapp")}


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Le chiffrement de bout en bout, déjà activé sur Signal, protège les messages.",
     ("signal", "has_feature", "end-to-end-encryption")),
    ("fr", "Telegram, qui n'exige aucune vérification d'identité, attire les escrocs.",
     ("telegram", "lacks_feature", "identity-verification")),
    ("fr", "Apple prévoit d'étendre le chiffrement de bout en bout à iCloud et iMessage.",
     ("icloud", "plans_feature", "end-to-end-encryption")),
    ("en", "Signal has end-to-end encryption by default.", ("signal", "has_feature", "end-to-end-encryption")),
    ("en", "Discord does not have end-to-end encryption.", ("discord", "lacks_feature", "end-to-end-encryption")),
    ("en", "The company rolled out end-to-end encryption to Messenger last year.",
     ("facebook-messenger", "has_feature", "end-to-end-encryption")),
    ("en", "Meta plans to roll out end-to-end encryption to Instagram Direct.",
     ("instagram-direct", "plans_feature", "end-to-end-encryption")),
])
def test_features(language, text, expected):
    assert expected in relations(text, language)


def test_a_contrast_denies_what_the_sentence_before_stated():
    found = relations("Signal et WhatsApp utilisent le chiffrement de bout en bout. Ce qui n'est pas le cas de "
                      "Telegram.", "fr")
    assert {("signal", "has_feature", "end-to-end-encryption"), ("whatsapp", "has_feature", "end-to-end-encryption"),
            ("telegram", "lacks_feature", "end-to-end-encryption")} <= found


def test_roles_and_leadership():
    found = relations("Le patron de Telegram, Pavel Durov, a été interpellé. La commissaire européenne aux "
                      "Affaires intérieures, Ylva Johansson, a réagi.", "fr")
    assert ("pavel-durov", "leads", "telegram") in found
    assert ("ylva-johansson", "holds_role", "commissaire européenne aux Affaires intérieures") in found


@pytest.mark.parametrize("language, text, expected", [
    ("en", "The Tenants' Union of Eastmoor criticised the plan. Its chief executive, Marta Koenig, said it was unfair.",
     ("marta-koenig", "leads", "tenants-union-of-eastmoor")),
    ("en", "The Eastmoor Cyclists Association criticised the plan. Its chair, Marta Koenig, said it was unfair.",
     ("marta-koenig", "leads", "eastmoor-cyclists-association")),
    ("en", "The Law Society objected on Monday. Its policy adviser, Marta Koenig, said the rules were weak.",
     ("marta-koenig", "holds_role", "policy adviser")),
    ("fr", "La Fédération des cafetiers du Var a protesté. Son président, Olivier Tramard, a dénoncé une erreur.",
     ("olivier-tramard", "leads", "federation-des-cafetiers-du-var")),
])
def test_a_post_of_its_is_held_in_the_organisation_named_before(language, text, expected):
    """"Its chief executive, X": X leads the organisation the sentence before named (the post alone when it leads
    nothing)."""
    assert expected in relations(text, language)


def test_english_titles_before_names():
    found = relations("Security Minister Tom Tugendhat met Meta chief executive Mark Zuckerberg.", "en")
    assert ("tom-tugendhat", "holds_role", "Security Minister") in found
    assert ("mark-zuckerberg", "leads", "meta") in found
    assert not any(s == "mark-zuckerberg" and p == "holds_role" for s, p, _ in found)


def test_a_title_belongs_to_the_person_next_to_it_only():
    found = relations("Keir Starmer, Rishi Sunak and President Joe Biden met in London.", "en")
    assert not any(p == "holds_role" and s in ("keir-starmer", "rishi-sunak") for s, p, _ in found)


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Europol, basé à La Haye, transmet les signalements à la police nationale et au FBI.",
     {("europol", "refers_cases_to", "fbi")}),
    ("en", "The NCMEC, based in the United States, refers cases to the National Crime Agency.",
     {("ncmec", "based_in", "united-states"), ("ncmec", "refers_cases_to", "nca")}),
    ("en", "The NSPCC, a UK-based charity, welcomed the law.", {("nspcc", "based_in", "united-kingdom")}),
])
def test_cases_and_seats(language, text, expected):
    assert expected <= relations(text, language)


def test_spokespeople_speak_for_the_organisation_the_text_names():
    found = relations("Un porte-parole de TikTok a déclaré que l'entreprise coopérait avec la police.", "fr")
    assert any(p == "speaks_for" and o == "tiktok" for _, p, o in found)


def test_nothing_is_taken_from_the_knowledge_base():
    # The knowledge base knows who owns WhatsApp and who leads Meta; this text says neither.
    assert relations("WhatsApp et Meta ont été critiqués par Mark Zuckerberg et Ofcom.", "fr") == set()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_rule_compiles_with_a_subject(language):
    compiled = patterns(language)
    assert compiled.rules and all("subject" in rule.slots for rule in compiled.rules)
    assert all(("object" in rule.slots) != ("title" in rule.slots) or rule.contrast for rule in compiled.rules)
