"""Page furniture as scrapers deliver it (bylines with dates, "Listen to this article", captions and credits,
« Lire aussi », a furniture word glued onto a paragraph): masked by ``clean``, so that no furniture line is read
as a statement, a speaker or an entity, and the lead is the lead. Furniture and articles written for these tests."""
from __future__ import annotations

import pytest

from policykg.loaders.clean import clean, is_furniture
from policykg.loaders.extract.entities import recognise
from policykg.loaders.extract.statements import find_statements
from policykg.loaders.extract.statements.uncued import _line_breaks
from policykg.loaders.model import Article
from policykg.loaders.nlp import load_pipeline


def cleaned(text: str) -> Article:
    return clean(Article(id="t", source="t.txt", text=text))


def kept(article: Article) -> list[str]:
    """The lines the NLP reads, stripped, empty ones left out."""
    return [line.strip() for line in article.nlp_text().split("\n") if line.strip()]


EN = """date 2026-03-02
Harbour fees to double as ferry firms cry foul

By Marcus Fenwick, Transport Correspondent | Published 2 March 2026, 09:14
Listen to this article
Home > Transport > Ports
PORTHAVEN — The harbour board voted on Monday to double the fees ferries pay to berth overnight.

Read also: The quiet decline of the island bus
(Picture: Lena Strand/Coastal Press)

Advertisement The board's chair, Ruth Ellery, said the fees had not risen in twelve years. Related: Ten ferry routes at risk
"It is a tax on islanders," said Gwen Parry of the Ferry Operators' Forum.

Marcus Fenwick is our transport correspondent.
45 comments"""

FR = """date 2026-03-02
Péage urbain : la métropole passe à l'acte

Par Odile Carrière, publié le 2 mars 2026 à 08h40, mis à jour à 11h05
Temps de lecture : 3 min.
Réservé aux abonnés
Péage urbain : la métropole passe à l'acte
Le conseil métropolitain a voté lundi un péage pour les voitures qui entrent dans le centre.

Publicité « C'est une taxe sur les pauvres », a dénoncé la conseillère Maud Ferrier. Lire aussi | Les villes qui ont renoncé au péage
Un dépôt de bus, le 12 février. GILLES NAVARRE / Presse Sud

Odile Carrière est journaliste au service Régions.
Mots-clés : Transports, Métropole"""


def test_english_furniture_is_masked_and_the_paragraphs_stay():
    article = cleaned(EN)
    assert article.title == "Harbour fees to double as ferry firms cry foul"
    assert kept(article) == [
        "The harbour board voted on Monday to double the fees ferries pay to berth overnight.",
        "The board's chair, Ruth Ellery, said the fees had not risen in twelve years.",
        '"It is a tax on islanders," said Gwen Parry of the Ferry Operators\' Forum.',
    ]


def test_french_furniture_is_masked_and_the_byline_names_the_author():
    article = cleaned(FR)
    assert article.author == "Odile Carrière"
    assert kept(article) == [
        "Le conseil métropolitain a voté lundi un péage pour les voitures qui entrent dans le centre.",
        "« C'est une taxe sur les pauvres », a dénoncé la conseillère Maud Ferrier.",
    ]


@pytest.mark.parametrize("text", [
    "Updated 14:05 GMT",
    "Share on WhatsApp Share on Messenger",
    "Photo : Karine Loubet / Hans Lucas",
    "© Reuters",
    "Sur le même sujet",
    "Politique | Santé | Hôpital",
    "118 commentaires",
])
def test_a_short_line_that_no_sentence_ends_or_a_credit_is_furniture(text):
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "The mayor said the plan would go ahead in June.",
    "Il a ajouté :",
    "« Nous irons jusqu'au bout »",
    "“We will not stop there, and we will take this fight to every council",
    "Propos recueillis par Karine Loubet",
])
def test_a_sentence_a_lead_in_an_open_quotation_or_an_interview_credit_is_not(text):
    assert not is_furniture(text)


def test_a_name_signing_a_pull_quote_stays():
    text = ("Le port rouvre\n\nLe port rouvrira en mai.\n\n"
            "Nous avons attendu trop longtemps pour ce chantier. Corinne Audibert")
    assert kept(cleaned(text))[-1] == "Nous avons attendu trop longtemps pour ce chantier. Corinne Audibert"


def test_a_bio_that_says_more_than_the_job_stays():
    text = "Press groups protest\n\nNadia Kell is a reporter who was held for two days at the border."
    assert kept(cleaned(text)) == ["Nadia Kell is a reporter who was held for two days at the border."]


def test_furniture_names_no_speaker_and_no_entity():
    article = cleaned(EN)
    article.language = "en"
    doc = load_pipeline("en")(article.nlp_text())
    index = recognise(article, doc)
    found = find_statements(article, doc, index)
    labels = {entity.label for entity in index.entities.values()}
    assert not labels & {"Marcus Fenwick", "Lena Strand", "Coastal Press"}, labels
    assert {index.entities[s.speaker].label for s in found} == {"Ruth Ellery", "Gwen Parry"}


def test_a_blurb_glued_after_a_sentence_takes_only_itself():
    text = ("Bus lanes extended\n\nThe county will extend its bus lanes to the ring road by August. "
            "Sign up to the Evening Wrap newsletter for the day's news in your inbox")
    assert kept(cleaned(text)) == ["The county will extend its bus lanes to the ring road by August."]


def test_a_furniture_word_glued_before_a_paragraph_goes_and_the_paragraph_stays():
    text = "Le marché couvert ferme\n\nPartager Le marché couvert fermera ses portes en avril, a indiqué la mairie."
    assert kept(cleaned(text)) == ["Le marché couvert fermera ses portes en avril, a indiqué la mairie."]


def test_a_masked_line_between_two_paragraphs_is_no_paragraph_of_its_own():
    """A quotation resumed after a masked line is in the next paragraph of its speaker's (``uncued``)."""
    text = cleaned("Tolls\n\nColin Marr said the toll was unfair.\n\nStory continues below advertisement\n\n“It is.”")
    gap = text.nlp_text()[text.text.index("unfair.") + 7:text.text.index("“")]
    assert _line_breaks(gap) == 2
    assert _line_breaks("\n\nAnother paragraph.\n\n") == 4
