"""Targets and stance of statements, on small hand-written French and English texts.

Entities come from the real recogniser; statements are built by hand so that each test checks what
``targets.assign_targets_and_stance`` makes of a given statement.
"""
from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main

from policykg.loaders.extract import extract, stance_model
from policykg.loaders.extract.entities import EntityIndex, recognise
from policykg.loaders.extract.relations import find_relations
from policykg.loaders.extract.stance_lexicon import lexicon
from policykg.loaders.extract.stance_model import Model
from policykg.loaders.extract.targets import assign_targets_and_stance
from policykg.loaders.model import Article, Statement
from policykg.loaders.nlp import load_pipeline


class Text:
    """An article, its Doc and its entity index, with statements made from quoted phrases of the text."""

    def __init__(self, text: str, language: str) -> None:
        self.article = Article(id="t", source="t.txt", text=text, language=language)
        self.doc = load_pipeline(language)(self.article.nlp_text())
        self.index: EntityIndex = recognise(self.article, self.doc)

    def key(self, name: str) -> str:
        entity = self.index.lookup(name)
        assert entity is not None, f"{name} not recognised"
        return entity.key

    def statement(self, speaker: str, content: str, cue: str | None = None, kind: str = "direct") -> Statement:
        start = self.article.text.index(content)
        cue_span = None
        if cue:
            cue_start = self.article.text.index(cue)
            cue_span = (cue_start, cue_start + len(cue))
        return Statement(speaker=self.key(speaker), kind=kind, content=content, start=start,
                         end=start + len(content), cue=cue, cue_span=cue_span)

    def run(self, *statements: Statement, learned: Model | bool = False) -> list[Statement]:
        """The rules alone by default; with ``learned``, the learned model decides what they leave neutral: the
        shipped weights (True) or the ``Model`` given (the model's own tests)."""
        with nullcontext() if learned is True else stance_model.using(learned or None):
            assign_targets_and_stance(self.article, self.doc, self.index, list(statements),
                                      find_relations(self.article, self.doc, self.index))
        return list(statements)


def stance_of(language: str, text: str, speaker: str, content: str, learned: Model | bool = False) -> str:
    """The stance given to the one statement of ``text``: ``speaker`` saying ``content`` (``learned``: as in
    ``Text.run``)."""
    article = Text(text, language)
    [statement] = article.run(article.statement(speaker, content), learned=learned)
    return statement.stance


def cases(behaviour: str, rows: list[tuple]) -> list:
    """The ``rows`` of one behaviour as test parameters named after it ("behaviour-1", "behaviour-2"...): the
    stance tests keep one table of many behaviours, and a failure still says which one broke."""
    return [pytest.param(*row, id=f"{behaviour}-{n}") for n, row in enumerate(rows, 1)]


def test_the_subject_is_the_target_not_what_its_description_names():
    text = Text("« Telegram, une messagerie qui appartient à Pavel Durov, est devenue un refuge pour les escrocs », "
                "a affirmé Ylva Johansson.", "fr")
    [s] = text.run(text.statement("Ylva Johansson",
                                  "Telegram, une messagerie qui appartient à Pavel Durov, est devenue un refuge "
                                  "pour les escrocs"))
    assert s.targets == [text.key("Telegram")]


TARGETS = [
    *cases("a list of subjects are all targets and a prepositional complement is not", [
        ("fr", "Selon Europol, Snapchat et TikTok transmettent trop peu de signalements au NCMEC.", "Europol",
         "Snapchat et TikTok transmettent trop peu de signalements au NCMEC.", None, ["Snapchat", "TikTok"], "against"),
    ]),
    *cases("the object of an evaluative cue is the target", [
        ("fr",
         "La commissaire Ylva Johansson a sèchement critiqué le fondateur de Telegram, Pavel Durov, jugeant que « "
         "personne ne peut ignorer la loi européenne ».", "Ylva Johansson",
         "personne ne peut ignorer la loi européenne", "a sèchement critiqué", ["Pavel Durov"], "against"),
    ]),
    *cases("a content that refers back is about the subject of the sentence before", [
        ("fr",
         "Europol coordonne les enquêtes de plusieurs pays. Ylva Johansson a déclaré : « C'est un outil "
         "indispensable. »", "Ylva Johansson", "C'est un outil indispensable.", None, ["Europol"], "for"),
    ]),
    *cases("urged names its target and counts against it", [
        ("en", "Dame Melanie Dawes urged Snapchat to tighten its controls, saying that \"the risks are real\".",
         "Melanie Dawes", "the risks are real", "urged", ["Snapchat"], "against"),
    ]),
    *cases("a leader speaking of the company he leads is for it", [
        ("fr", "« Meta protège la vie privée de milliards de personnes », a déclaré Mark Zuckerberg.",
         "Mark Zuckerberg", "Meta protège la vie privée de milliards de personnes", None, ["Meta"], "for"),
    ]),
    *cases("an evaluative cue states the stance even when the parser misplaces it", [
        ("fr",
         "La CNIL a au contraire salué la décision d'Apple, estimant que l'analyse des photos constituait « une "
         "atteinte grave à la vie privée ».", "CNIL",
         "l'analyse des photos constituait « une atteinte grave à la vie privée »", "estimant", ["Apple"], "for"),
    ]),
    *cases("an organisation telling what it does is for it", [
        ("en", "\"Meta has finished rolling out end-to-end encryption on Messenger,\" Meta said.", "Meta",
         "Meta has finished rolling out end-to-end encryption on Messenger", None, ["end-to-end encryption"], "for"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, cue, targets, stance", TARGETS)
def test_targets_and_stance(language, text, speaker, content, cue, targets, stance):
    article = Text(text, language)
    [s] = article.run(article.statement(speaker, content, cue=cue))
    assert s.targets == [article.key(name) for name in targets]
    assert s.stance == stance


def test_a_continued_quote_keeps_the_targets_of_the_previous_one():
    text = Text("« Apple a abandonné les enfants », a déclaré Rachel de Souza. "
                "« Les conséquences seront graves. »", "fr")
    first, second = text.run(text.statement("Rachel de Souza", "Apple a abandonné les enfants"),
                             text.statement("Rachel de Souza", "Les conséquences seront graves."))
    assert first.targets == second.targets == [text.key("Apple")]
    assert second.stance == "against"


NOT_TARGETS = [
    *cases("a figure in an article that debates a policy is not about the actor of the sentence before", [
        ("fr",
         "Le Parlement a adopté la loi Climat. Le texte entre en vigueur en mai. Europol a publié son rapport annuel. "
         "Ylva Johansson a déclaré : « Il prévoit 40 % de camions électriques en 2030. »", "Ylva Johansson",
         "Il prévoit 40 % de camions électriques en 2030.", "Europol"),
    ]),
    *cases("the speaker is never a target", [
        ("en", "Ofcom said: \"Ofcom will not hesitate to act.\"", "Ofcom", "Ofcom will not hesitate to act.", "Ofcom"),
    ]),
    *cases("the names of a cue inside a quote are not targets", [
        ("en", "\"This has gone on far too long,\" Ed Davey told Sky News. \"It has to stop now.\"", "Ed Davey",
         "This has gone on far too long,\" Ed Davey told Sky News. \"It has to stop now.", "Sky News"),
    ]),
    *cases("what its refers back to is not the speaker's own organisation", [
        # Melanie Dawes leads Ofcom
        ("en", "Ofcom reacted with dismay on Monday. Melanie Dawes said nobody had read its report.", "Melanie Dawes",
         "nobody had read its report", "Ofcom"),
    ]),
    *cases("the object of another statement's cue after the content is that statement's target", [
        ("en", "The union leader, Sam Doyle, called the bill \"long overdue\" and urged Ofcom to enforce it.",
         "Sam Doyle", "the bill \"long overdue\"", "Ofcom"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, name", NOT_TARGETS)
def test_not_a_target(language, text, speaker, content, name):
    article = Text(text, language)
    [s] = article.run(article.statement(speaker, content))
    assert article.key(name) not in s.targets


def test_a_plural_institution_noun_is_not_the_government():
    text = Text("Le ministère de la Santé a présenté son plan. Paul Martin a déclaré : « Les gouvernements européens "
                "doivent enfin agir. »", "fr")
    [s] = text.run(text.statement("Paul Martin", "Les gouvernements européens doivent enfin agir."))
    assert all(text.index.entities[k].type != "GovernmentBody" for k in s.targets)


def test_places_and_topics_are_targets_only_when_nothing_else_is():
    text = Text("\"TikTok has done little to stop child sexual abuse in the United States,\" Julie Inman Grant said. "
                "\"Child sexual abuse is rising in Australia,\" she added.", "en")
    first, second = text.run(
        text.statement("Julie Inman Grant", "TikTok has done little to stop child sexual abuse in the United States"),
        text.statement("Julie Inman Grant", "Child sexual abuse is rising in Australia"))
    assert first.targets == [text.key("TikTok")]
    assert text.key("TikTok") in second.targets or set(second.targets) <= {
        text.key("Australia"), text.key("child sexual abuse")}


@pytest.mark.parametrize("content, place", [
    ("France would still meet its climate targets", "France"),  # what the claim is about
    ("patients would be sent to hospitals in Paris at night", None),  # only where something happens
    ("the city had broken its promises. In Paris, three hospitals have closed wards", "Paris"),  # its topic
])
def test_a_place_where_something_happens_is_no_target(content, place):
    """A place is a target only when nothing else is, and not when a preposition says it is where something
    happens, unless it opens its sentence as its topic."""
    text = Text(f"Ruth Hale said {content}.", "en")
    [s] = text.run(text.statement("Ruth Hale", content))
    assert s.targets == ([text.key(place)] if place else [])


def test_a_spokesperson_defending_the_company_is_for_it():
    text = Text("A TikTok spokesperson said: \"We remove illegal content quickly and work with the police.\"", "en")
    speaker = text.index.add("TikTok spokesperson", "Person", None, acts_for=text.key("TikTok"))
    content = "We remove illegal content quickly and work with the police."
    start = text.article.text.index(content)
    [s] = text.run(Statement(speaker=speaker.key, kind="direct", content=content, start=start,
                             end=start + len(content)))
    assert s.targets == [text.key("TikTok")]
    assert s.stance == "for"


STANCES = [
    *cases("stance from the lexicon with negation and restriction", [
        ("en", "\"Encryption is not a threat to children,\" Meredith Whittaker said.", "Meredith Whittaker",
         "Encryption is not a threat to children", "for"),
        ("en", "\"Charging patients for every visit is not acceptable,\" Peter Kyle said.", "Peter Kyle",
         "Charging patients for every visit is not acceptable", "against"),
        ("en", "\"Apple works to prevent the spread of abuse material,\" Peter Wanless said.", "Peter Wanless",
         "Apple works to prevent the spread of abuse material", "for"),
        ("en", "\"Apple will release the update next week,\" Peter Kyle said.", "Peter Kyle",
         "Apple will release the update next week", "neutral"),
        ("fr", "« Snapchat n'a répondu qu'à une poignée de nos questions », a déclaré Rachel de Souza.",
         "Rachel de Souza",
         "Snapchat n'a répondu qu'à une poignée de nos questions", "neutral"),
        ("fr", "« Discord n'a aidé les enquêteurs que très tard », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Discord n'a aidé les enquêteurs que très tard", "against"),
        ("fr", "« Le gouvernement refuse d'entendre les associations », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Le gouvernement refuse d'entendre les associations", "against"),
        ("en", "\"We have never opposed the licensing scheme,\" Peter Kyle said.", "Peter Kyle",
         "We have never opposed the licensing scheme", "for"),
        # the clause after "but" is another statement: its verb does not judge what came before
        ("en", "Peter Kyle said he did not oppose the levy, but warned that it would not protect tenants.",
         "Peter Kyle", "he did not oppose the levy", "for"),
        ("en", "\"We back the goal of the bill, but its deadlines are far too tight,\" Peter Kyle said.", "Peter Kyle",
         "We back the goal of the bill, but its deadlines are far too tight", "against"),
        ("fr", "« Il ne s'agit pas de Signal », a déclaré Ylva Johansson.", "Ylva Johansson",
         "Il ne s'agit pas de Signal", "neutral"),
        ("fr", "« Les assureurs ne doivent pas lire nos dossiers médicaux », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Les assureurs ne doivent pas lire nos dossiers médicaux", "against"),
        ("en", "\"Landlords must not be allowed to evict tenants without notice,\" Peter Kyle said.", "Peter Kyle",
         "Landlords must not be allowed to evict tenants without notice", "against"),
        ("fr", "« Cette obligation empêchera les petites radios d'émettre », a déclaré Ylva Johansson.",
         "Ylva Johansson", "Cette obligation empêchera les petites radios d'émettre", "against"),
        ("fr", "« Le registre ne pourra plus garantir l'anonymat des donneurs », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Le registre ne pourra plus garantir l'anonymat des donneurs", "against"),
        ("en", "\"Other towns should follow,\" Peter Kyle said.", "Peter Kyle", "Other towns should follow", "for"),
        ("en", "\"The tariff would drive up prices for families,\" Peter Kyle said.", "Peter Kyle",
         "The tariff would drive up prices for families", "against"),
        ("en", "\"Honest traders have nothing to fear from the register,\" Peter Kyle said.", "Peter Kyle",
         "Honest traders have nothing to fear from the register", "for"),
        ("en", "\"The scheme will cut pollution in the valley,\" Peter Kyle said.", "Peter Kyle",
         "The scheme will cut pollution in the valley", "for"),
        ("en", "\"A curfew is not a substitute for youth clubs,\" Peter Kyle said.", "Peter Kyle",
         "A curfew is not a substitute for youth clubs", "against"),
        ("en", "\"Under the levy nobody loses out,\" Peter Kyle said.", "Peter Kyle", "Under the levy nobody loses out",
         "for"),
        ("en", "\"The ban will keep children away from harmful content,\" Peter Kyle said.", "Peter Kyle",
         "The ban will keep children away from harmful content", "for"),
        ("en", "\"The levy would cost jobs in every seaside town,\" Peter Kyle said.", "Peter Kyle",
         "The levy would cost jobs in every seaside town", "against"),
        ("en", "\"Buyers will just shop elsewhere,\" Peter Kyle said.", "Peter Kyle", "Buyers will just shop elsewhere",
         "against"),
        ("en", "\"The charge is causing rents to rise across the city,\" Peter Kyle said.", "Peter Kyle",
         "The charge is causing rents to rise across the city", "against"),
        ("en", "\"The levy pays for new buses without raising rents,\" Peter Kyle said.", "Peter Kyle",
         "The levy pays for new buses without raising rents", "for"),
        # what would have been better, what is needed instead: a reproach, an alternative
        ("fr", "« L'argent aurait été mieux utilisé ailleurs », a déclaré Rachel de Souza.", "Rachel de Souza",
         "L'argent aurait été mieux utilisé ailleurs", "against"),
        ("fr", "« Il faudrait plutôt embaucher des infirmières », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Il faudrait plutôt embaucher des infirmières", "against"),
        ("en", "\"The money would have been better spent on buses,\" Peter Kyle said.", "Peter Kyle",
         "The money would have been better spent on buses", "against"),
        # what will not suffice, what is contrary to a law
        ("fr", "« Sanctionner ne suffira pas », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Sanctionner ne suffira pas", "against"),
        ("en", "\"Fines alone will not suffice,\" Peter Kyle said.", "Peter Kyle", "Fines alone will not suffice",
         "against"),
        ("fr", "« Le décret est contraire au droit européen », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Le décret est contraire au droit européen", "against"),
        ("en", "\"The order is contrary to European law,\" Peter Kyle said.", "Peter Kyle",
         "The order is contrary to European law", "against"),
        # "only" restricts a verb, not a noun it picks out
        ("en", "\"The scheme only protects a few tenants,\" Peter Kyle said.", "Peter Kyle",
         "The scheme only protects a few tenants", "against"),
        ("en", "\"This is the only credible plan on the table,\" Peter Kyle said.", "Peter Kyle",
         "This is the only credible plan on the table", "for"),
    ]),
    *cases("stance from consequences demands and negated descriptions", [
        # what a measure would bring, in the future or the conditional, is the speaker's stance on it
        ("en", "\"The charge would fund better buses,\" Peter Kyle said.", "Peter Kyle",
         "The charge would fund better buses", "for"),
        ("en", "\"The tax could discourage visitors from coming back,\" Peter Kyle said.", "Peter Kyle",
         "The tax could discourage visitors from coming back", "against"),
        ("en", "\"The cap will not free up a single home,\" Peter Kyle said.", "Peter Kyle",
         "The cap will not free up a single home", "against"),
        ("fr", "« La taxe financerait de nouvelles lignes de bus », a déclaré Rachel de Souza.", "Rachel de Souza",
         "La taxe financerait de nouvelles lignes de bus", "for"),
        ("fr", "« Cette régulation découragera les jeunes médecins », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Cette régulation découragera les jeunes médecins", "against"),
        ("fr", "« La taxe ruinera les artisans », a déclaré Rachel de Souza.", "Rachel de Souza",
         "La taxe ruinera les artisans", "against"),
        ("fr", "« La taxe financera les bus », a déclaré Rachel de Souza.", "Rachel de Souza",
         "La taxe financera les bus", "for"),
        # ... but a fact about funding, or a subject that is no measure, says nothing
        ("en", "\"The council funded the study last year,\" Peter Kyle said.", "Peter Kyle",
         "The council funded the study last year", "neutral"),
        ("en", "\"Families will fund their own travel,\" Peter Kyle said.", "Peter Kyle",
         "Families will fund their own travel", "neutral"),
        # urging someone to act is against them, unless the act demanded is polar
        ("en", "Peter Kyle urged Congress to protect the regulator and strengthen its powers.", "Peter Kyle",
         "Congress to protect the regulator and strengthen its powers", "for"),
        ("en", "Peter Kyle urged the council to publish its figures.", "Peter Kyle",
         "the council to publish its figures", "against"),
        ("en", "Peter Kyle called on the council to halt all deployments.", "Peter Kyle",
         "the council to halt all deployments", "against"),
        # a negation on the noun an adjective describes reaches the adjective
        ("en", "\"There is no credible plan to cut emissions,\" Peter Kyle said.", "Peter Kyle",
         "There is no credible plan to cut emissions", "against"),
        ("en", "\"Two euros will make no difference,\" Peter Kyle said.", "Peter Kyle",
         "Two euros will make no difference", "against"),
        ("fr", "« Deux euros ne changeront rien », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Deux euros ne changeront rien", "against"),
        ("en", "\"Thirty jobs would go and the plant would put pressure on local water supplies,\" Peter Kyle said.",
         "Peter Kyle", "Thirty jobs would go and the plant would put pressure on local water supplies", "against"),
        ("en", "\"Ministers should end the ban,\" Peter Kyle said.", "Peter Kyle", "Ministers should end the ban",
         "against"),
        ("en", "\"The buses have run for ten years without a serious problem,\" Peter Kyle said.", "Peter Kyle",
         "The buses have run for ten years without a serious problem", "for"),
        # what should have been done is a reproach; what had to be done is a fact
        ("en", "\"The council should have acted years ago,\" Peter Kyle said.", "Peter Kyle",
         "The council should have acted years ago", "against"),
        ("fr", "« La métropole aurait dû agir plus tôt », a déclaré Rachel de Souza.", "Rachel de Souza",
         "La métropole aurait dû agir plus tôt", "against"),
        ("fr", "« L'usine a dû fermer en mars », a déclaré Rachel de Souza.", "Rachel de Souza",
         "L'usine a dû fermer en mars", "neutral"),
        # a cost that rises is a complaint; that it cannot go on, a call for the measure
        ("en", "\"Train tickets are more expensive than ever,\" Peter Kyle said.", "Peter Kyle",
         "Train tickets are more expensive than ever", "against"),
        ("en", "\"Families cannot keep paying more every year,\" Peter Kyle said.", "Peter Kyle",
         "Families cannot keep paying more every year", "for"),
        # a harm that falls is a measure that works
        ("en", "\"Crashes have fallen by a third since the limit began,\" Peter Kyle said.", "Peter Kyle",
         "Crashes have fallen by a third since the limit began", "for"),
        ("fr", "« Les cas de harcèlement ont baissé de moitié », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Les cas de harcèlement ont baissé de moitié", "for"),
        ("en", "\"Delays have fallen sharply since the franchise began,\" Peter Kyle said.", "Peter Kyle",
         "Delays have fallen sharply since the franchise began", "for"),
        ("fr", "« Les retards ont nettement diminué depuis la réforme », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Les retards ont nettement diminué depuis la réforme", "for"),
        ("fr", "« Les directeurs ont constaté une baisse des violences », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Les directeurs ont constaté une baisse des violences", "for"),
        ("fr", "« La mesure réduit le nombre d'accidents graves », a déclaré Rachel de Souza.", "Rachel de Souza",
         "La mesure réduit le nombre d'accidents graves", "for"),
        ("en", "\"Teachers have seen a reduction in violence since then,\" Peter Kyle said.", "Peter Kyle",
         "Teachers have seen a reduction in violence since then", "for"),
    ]),
    *cases("stance of policy words", [
        ("en", "\"The law will break the business model of the criminal gangs,\" John Smith said.", "John Smith",
         "The law will break the business model of the criminal gangs", "for"),
        ("fr", "« La mesure entrera en vigueur en juillet », a précisé Paul Martin.", "Paul Martin",
         "La mesure entrera en vigueur en juillet", "neutral"),
        ("en", "\"The measures take effect in July,\" John Smith said.", "John Smith",
         "The measures take effect in July", "neutral"),
        ("fr", "Les syndicats réclament un report de la réforme, a déclaré Paul Martin.", "Paul Martin",
         "Les syndicats réclament un report de la réforme", "against"),
        ("en", "\"They will stage a protest outside the town hall,\" John Smith said.", "John Smith",
         "They will stage a protest outside the town hall", "neutral"),
    ]),
    *cases("stance of refusals demands and phrases", [
        ("fr", "« La France ne signera pas le traité en l'état », a déclaré Paul Martin.", "Paul Martin",
         "La France ne signera pas le traité en l'état", "against"),
        ("en", "\"The town will never pay the fine,\" John Smith said.", "John Smith",
         "The town will never pay the fine", "against"),
        ("fr", "« La régie demande aux locataires de payer la facture », a déclaré Paul Martin.", "Paul Martin",
         "La régie demande aux locataires de payer la facture", "neutral"),
        # ... an indefinite « on » asking it is a grievance (stance_demands.imposed)
        ("fr", "« On demande aux locataires de payer la facture », a déclaré Paul Martin.", "Paul Martin",
         "On demande aux locataires de payer la facture", "against"),
        ("fr", "Paul Martin réclame la construction de dix écoles.", "Paul Martin", "la construction de dix écoles",
         "for"),
        ("en", "John Smith called for a new bridge over the river.", "John Smith", "a new bridge over the river",
         "for"),
        ("fr", "« Chaque euro sera dépensé plus intelligemment », a déclaré Paul Martin.", "Paul Martin",
         "Chaque euro sera dépensé plus intelligemment", "for"),
        ("fr", "« Nous avons évité le pire », a déclaré Paul Martin.", "Paul Martin", "Nous avons évité le pire",
         "for"),
        ("en", "John Smith, director of the group Fight for Tomorrow, said the plan would change the tax rules.",
         "John Smith", "the plan would change the tax rules", "neutral"),
    ]),
    *cases("stance of losses idioms and descriptions", [
        ("fr", "« On va perdre nos meilleurs clients », a déclaré Paul Martin.", "Paul Martin",
         "On va perdre nos meilleurs clients", "against"),
        ("en", "\"We will lose our best customers,\" John Smith said.", "John Smith", "We will lose our best customers",
         "against"),
        ("en", "\"The senator lost the vote in March,\" John Smith said.", "John Smith",
         "The senator lost the vote in March", "neutral"),
        ("en", "\"We will win this fight in court,\" John Smith said.", "John Smith", "We will win this fight in court",
         "for"),
        ("en", "\"The governor won the county by ten points,\" John Smith said.", "John Smith",
         "The governor won the county by ten points", "neutral"),
        ("fr", "« Les contrevenants seront verbalisés, sans exception », a déclaré Paul Martin.", "Paul Martin",
         "Les contrevenants seront verbalisés, sans exception", "for"),
        ("fr", "« Le gouvernement fait des économies sur le dos des retraités », a déclaré Paul Martin.", "Paul Martin",
         "Le gouvernement fait des économies sur le dos des retraités", "against"),
        ("en", "\"The council saves money at the expense of the poorest,\" John Smith said.", "John Smith",
         "The council saves money at the expense of the poorest", "against"),
        ("fr", "« Ces fruits contiennent des pesticides interdits », a déclaré Paul Martin.", "Paul Martin",
         "Ces fruits contiennent des pesticides interdits", "neutral"),
    ]),
    *cases("stance of reassurances inabilities and vanished harms", [
        ("fr", "« Les opérateurs ne liront jamais vos messages », a déclaré Paul Martin.", "Paul Martin",
         "Les opérateurs ne liront jamais vos messages", "for"),
        ("fr", "« Le fournisseur ne vendra jamais vos données », a déclaré Paul Martin.", "Paul Martin",
         "Le fournisseur ne vendra jamais vos données", "for"),
        ("en", "\"The cameras would never be used to track protesters,\" John Smith said.", "John Smith",
         "The cameras would never be used to track protesters", "for"),
        ("en", "\"He would never drive to work on a Sunday,\" John Smith said.", "John Smith",
         "He would never drive to work on a Sunday", "neutral"),
        ("en", "\"Families cannot keep paying for the repairs,\" John Smith said.", "John Smith",
         "Families cannot keep paying for the repairs", "neutral"),
        ("fr", "« Les moqueries ont disparu des cours de récréation », a déclaré Paul Martin.", "Paul Martin",
         "Les moqueries ont disparu des cours de récréation", "for"),
    ]),
    *cases("what comes at last is welcome", [
        # An adverb of relief outweighs a word of criticism in what is welcomed; not on a demand made of someone, an
        # undoing, or as the marker of a last point.
        ("en", "\"The rules will finally put the burden on the companies,\" John Smith said.", "John Smith",
         "The rules will finally put the burden on the companies", "for"),
        ("en", "\"The rules will put the burden on the companies,\" John Smith said.", "John Smith",
         "The rules will put the burden on the companies", "against"),
        ("en", "\"Finally, the rules put a burden on small firms,\" John Smith said.", "John Smith",
         "Finally, the rules put a burden on small firms", "against"),
        ("en", "\"The council has at last scrapped the scheme,\" John Smith said.", "John Smith",
         "The council has at last scrapped the scheme", "against"),
        ("fr", "« Les familles auront enfin des réponses après ce scandale », a déclaré Paul Martin.", "Paul Martin",
         "Les familles auront enfin des réponses après ce scandale", "for"),
        ("fr", "« Les familles auront des réponses après ce scandale », a déclaré Paul Martin.", "Paul Martin",
         "Les familles auront des réponses après ce scandale", "against"),
        ("fr",
         "« Les plateformes doivent enfin prendre leurs responsabilités face à ce danger », a déclaré Paul Martin.",
         "Paul Martin", "Les plateformes doivent enfin prendre leurs responsabilités face à ce danger", "against"),
        ("fr", "« Enfin, la mesure coûte trop cher », a déclaré Paul Martin.", "Paul Martin",
         "Enfin, la mesure coûte trop cher", "against"),
    ]),
    *cases("what is yet to be studied has no side", [
        # A verb of deliberation to come or under way ("will review", "are studying", "étudierons") leaves the statement
        # neutral: not an authority announcing its measure, not an organisation telling what it has done.
        ("en", "\"The council will review the parking rules next year,\" said Westbridge City Council.",
         "Westbridge City Council", "The council will review the parking rules next year", "neutral"),
        ("en", "\"The council will extend the parking rules next year,\" said Westbridge City Council.",
         "Westbridge City Council", "The council will extend the parking rules next year", "for"),
        ("en", "\"We are studying the details of the plan,\" said Westbridge City Council.", "Westbridge City Council",
         "We are studying the details of the plan", "neutral"),
        ("en", "\"We studied the details of the plan,\" said Westbridge City Council.", "Westbridge City Council",
         "We studied the details of the plan", "for"),
        ("en", "\"We are following the situation closely,\" said Westbridge City Council.", "Westbridge City Council",
         "We are following the situation closely", "neutral"),
        ("fr", "« Nous étudierons la proposition », a déclaré Greenpeace.", "Greenpeace",
         "Nous étudierons la proposition", "neutral"),
        ("fr", "« Nous avons étudié la proposition », a déclaré Greenpeace.", "Greenpeace",
         "Nous avons étudié la proposition", "for"),
        # a word of support in what is yet to be studied is no side; a verb of deliberation one should follow is
        ("en", "\"We are studying the details and will respond to the consultation,\" said Westbridge City Council.",
         "Westbridge City Council", "We are studying the details and will respond to the consultation", "neutral"),
        ("en", "\"Other towns should follow this example,\" Peter Kyle said.", "Peter Kyle",
         "Other towns should follow this example", "for"),
    ]),
    *cases("a question casts doubt", [
        # A question about what a measure will do, asked directly or reported by a verb of asking ("asked who would
        # pay", "questioned whether", "s'est demandé comment"), is against it (12 of the 14 such statements of the
        # English development gold, all 8 of the French direct ones); a request ("asked the firms to explain") is not.
        ("en", "John Smith asked who would pay for the new meters.", "John Smith", "who would pay for the new meters",
         "against"),
        ("en", "John Smith questioned whether the clinics were ready.", "John Smith", "whether the clinics were ready",
         "against"),
        ("en", "\"Will the inspectors really visit every shop?\" John Smith said.", "John Smith",
         "Will the inspectors really visit every shop?", "against"),
        ("fr", "Paul Martin s'est demandé comment les petites communes paieraient les travaux.", "Paul Martin",
         "comment les petites communes paieraient les travaux", "against"),
        # a request is no question, and a question word after a plain reporting verb asks nothing
        ("en", "John Smith asked the firms to explain their prices.", "John Smith", "the firms to explain their prices",
         "neutral"),
        ("en", "John Smith said how the meters would be fitted.", "John Smith", "how the meters would be fitted",
         "neutral"),
    ]),
    *cases("an evaluative verb after a concession is the side", [
        # "Supported X but warned that ...": the verb after the contrast is where the speaker stands, not the praise
        # conceded before it; with no evaluative verb after the contrast, the verb before it still decides.
        ("en", "John Smith said he supported transparency but warned that the code would cover every shop.",
         "John Smith", "the code would cover every shop", "against"),
        ("en", "John Smith welcomed the code but said that it would cover every shop.", "John Smith",
         "it would cover every shop", "for"),
    ]),
    *cases("a concession then a reservation is against", [
        # Support conceded before "but" and a reservation after it that the lexicon does not know ("the estimate was
        # plausible but depended heavily on ...") is against (docs/gold-format.md: the reservation is what the statement
        # adds); support after the contrast, or a limit said with "but not", stays for.
        ("en", "John Smith said the register was welcome but depended on how many councils signed up.", "John Smith",
         "the register was welcome but depended on how many councils signed up", "against"),
        ("en", "\"We welcome the aim. But a licence is only as good as the inspector who checks it,\" John Smith said.",
         "John Smith", "We welcome the aim. But a licence is only as good as the inspector who checks it", "against"),
        ("fr", "« Le texte est utile, mais tout dépendra des moyens », a déclaré Paul Martin.", "Paul Martin",
         "Le texte est utile, mais tout dépendra des moyens", "against"),
        # support after the contrast, a limit ("but not"), and "but" that is no contrast keep the support
        ("en", "John Smith said the register was costly, but he welcomed it.", "John Smith",
         "the register was costly, but he welcomed it", "for"),
        ("en", "John Smith said the rise would help but not change her life.", "John Smith",
         "the rise would help but not change her life", "for"),
        ("en", "John Smith said the register was welcome.", "John Smith", "the register was welcome", "for"),
    ]),
    *cases("urging to carry a measure out is for it", [
        # Urging someone to fund, pass or strengthen a measure is for it (docs/gold-format.md: the side of what is
        # urged); urging them to drop it, or to act otherwise, is against (in the English development gold, "urged
        # lawmakers to fund the programme" and "called on the government to give the code legal force" are for).
        ("en", "John Smith urged ministers to fund the scheme.", "John Smith", "ministers to fund the scheme", "for"),
        ("en", "John Smith called on the government to give the code legal force.", "John Smith",
         "the government to give the code legal force", "for"),
        ("fr", "Paul Martin appelle les députés à adopter le texte.", "Paul Martin", "les députés à adopter le texte",
         "for"),
        # urging to stop or change the measure, or to do something else, stays against
        ("en", "John Smith urged the council to scrap the plan.", "John Smith", "the council to scrap the plan",
         "against"),
        ("en", "John Smith urged the council to pause the plan.", "John Smith", "the council to pause the plan",
         "against"),
        ("en", "John Smith urged the mayor to publish his figures.", "John Smith", "the mayor to publish his figures",
         "against"),
    ]),
    *cases("a condition set on a measure is against it", [
        # What is needed or demanded before a measure or first, and the only condition on which it would work, are
        # against it as it stands (docs/gold-format.md; in the development gold, "would only work if the microchip law
        # was enforced first", "needed clear information ... before the rule comes in").
        ("en", "John Smith said the register would only work if the old law was enforced first.", "John Smith",
         "the register would only work if the old law was enforced first", "against"),
        ("en", "John Smith said drivers needed clear advice before the rule comes in.", "John Smith",
         "drivers needed clear advice before the rule comes in", "against"),
        ("en", "John Smith urged ministers to publish a plan for new buses before the launch.", "John Smith",
         "ministers to publish a plan for new buses before the launch", "against"),
        ("fr", "Paul Martin a demandé au gouvernement de « garantir d'abord des bus à l'heure ».", "Paul Martin",
         "garantir d'abord des bus à l'heure", "against"),
        ("fr", "Selon Paul Martin, la taxe ne réduira la pollution que si les familles modestes sont aidées.",
         "Paul Martin", "la taxe ne réduira la pollution que si les familles modestes sont aidées", "against"),
        # a step planned before the measure, or a condition on a person, sets no condition on the measure
        ("en", "John Smith said parking bays would be added before the ban takes effect.", "John Smith",
         "parking bays would be added before the ban takes effect", "neutral"),
        ("en", "John Smith said Mary Jones could back the plan, but only if she was convinced.", "John Smith",
         "Mary Jones could back the plan, but only if she was convinced", "neutral"),
    ]),
    *cases("a negated verb of success is a failure", [
        ("en", "\"The curfew has never worked,\" John Smith said.", "John Smith", "The curfew has never worked",
         "against"),
        ("fr", "« Le couvre-feu ne fonctionne pas », a déclaré Paul Martin.", "Paul Martin",
         "Le couvre-feu ne fonctionne pas", "against"),
        ("en", "\"The nurses work at night,\" John Smith said.", "John Smith", "The nurses work at night", "neutral"),
    ]),
    *cases("hyphenated and legal phrases", [
        ("en", "\"The lenders were built on non-compliance,\" John Smith said.", "John Smith",
         "The lenders were built on non-compliance", "against"),
        ("en", "\"This is a heavy-handed rule,\" John Smith said.", "John Smith", "This is a heavy-handed rule",
         "against"),
        ("en", "\"The cameras have no legal basis,\" John Smith said.", "John Smith", "The cameras have no legal basis",
         "against"),
        ("fr", "« Ce fichier n'a aucune base légale », a déclaré Paul Martin.", "Paul Martin",
         "Ce fichier n'a aucune base légale", "against"),
    ]),
    *cases("a verb that undoes a measure is against it", [
        # Repeal, scrap, "supprimer", "abroger" with a policy noun as object: against it, for it when negated; with
        # another object the verb says nothing of a policy.
        ("fr", "Le ministre, Paul Martin, a promis de faire supprimer la mesure au Sénat.", "Paul Martin",
         "de faire supprimer la mesure au Sénat", "against"),
        ("fr", "Paul Martin a assuré que la majorité n'abrogera pas la loi.", "Paul Martin",
         "la majorité n'abrogera pas la loi", "for"),
        ("en", "Peter Kyle said his party would repeal the law within a year.", "Peter Kyle",
         "his party would repeal the law within a year", "against"),
        ("en", "Peter Kyle said the council should lift the ban next spring.", "Peter Kyle",
         "the council should lift the ban next spring", "against"),
        ("fr", "Paul Martin veut supprimer les contenus haineux en ligne.", "Paul Martin",
         "supprimer les contenus haineux en ligne", "neutral"),
    ]),
    *cases("a person holding a role of government announces like an authority", [
        ("en", "The transport minister, Maria Lindqvist, said the new fares will apply from May.", "Maria Lindqvist",
         "the new fares will apply from May", "for"),
        ("fr", "La maire de Lille, Julie Roche, a indiqué que la nouvelle taxe s'appliquera aux résidences secondaires.",
         "Julie Roche", "la nouvelle taxe s'appliquera aux résidences secondaires", "for"),
        # ... the date it takes effect is procedure, neutral (docs/gold-format.md, Officials and facts)
        ("fr", "La maire de Lille, Julie Roche, a indiqué que la nouvelle taxe entrera en vigueur en mai.",
         "Julie Roche", "la nouvelle taxe entrera en vigueur en mai", "neutral"),
        ("en", "The novelist, Maria Lindqvist, said the new fares will apply from May.", "Maria Lindqvist",
         "the new fares will apply from May", "neutral"),
    ]),
    *cases("the cue is the verb before the content or right after it and without negates its own object", [
        # A verb after the content that opens another clause ("et plaide pour ...") is no cue, while one right after it
        # across a quote mark and a narrow space is ("», s’est félicité"); "without considering" negates "considering",
        # not the verb it hangs from; "inquiète" is the adjective of worry.
        ("fr", "La présidente, Claire Petit, juge la mesure « irréaliste » et plaide pour une concertation.",
         "Claire Petit", "la mesure « irréaliste »", "against"),
        ("fr", "«\u202fLe texte met fin à des années d’abus\u202f», s’est félicité le président, Paul Martin.",
         "Paul Martin", "Le texte met fin à des années d’abus", "for"),
        ("en", "Peter Kyle said the council had rushed the plan through without consulting residents.", "Peter Kyle",
         "the council had rushed the plan through without consulting residents", "against"),
        ("fr", "La maire, Claire Petit, s’est dite « inquiète pour l’avenir des radios locales ».", "Claire Petit",
         "inquiète pour l’avenir des radios locales", "against"),
    ]),
    *cases("judging the undoing of something reverses the stance toward it", [
        # "Un arrêt coûterait ... et menacerait des emplois": the speaker is against stopping, so for what goes on.
        ("fr", "Selon Paul Martin, un arrêt prolongé coûterait cher et menacerait un millier d’emplois.", "Paul Martin",
         "un arrêt prolongé coûterait cher et menacerait un millier d’emplois", "for"),
        ("fr", "Selon Paul Martin, la nouvelle route menacerait un millier d’hectares de forêt.", "Paul Martin",
         "la nouvelle route menacerait un millier d’hectares de forêt", "against"),
        ("en", "Peter Kyle said the repeal of the scheme would be a costly mistake.", "Peter Kyle",
         "the repeal of the scheme would be a costly mistake", "for"),
        ("en", "\"Scrapping the levy now is the worst possible choice,\" Peter Kyle said.", "Peter Kyle",
         "Scrapping the levy now is the worst possible choice", "for"),  # the modifiers' links are no steps
    ]),
    *cases("the undoing named as subject counts through what is said of it", [
        ("en", "Peter Kyle said the repeal of the scheme was welcome.", "Peter Kyle",
         "the repeal of the scheme was welcome", "against"),
    ]),
    *cases("demanding the withdrawal of a measure or standing against it is opposition", [
        # A demand is for what is demanded unless that is the undoing of a measure ("le retrait du projet de loi");
        # "contre"/"against" a policy noun is opposition, against a harm it is the fight for a cause.
        ("fr", "Paul Martin exige le retrait du projet de loi.", "Paul Martin", "le retrait du projet de loi",
         "against"),
        ("en", "Peter Kyle called for the withdrawal of the bill.", "Peter Kyle", "the withdrawal of the bill",
         "against"),
        ("fr", "Paul Martin exige la construction de logements sociaux.", "Paul Martin",
         "la construction de logements sociaux", "for"),
        ("fr", "Selon Paul Martin, le parti votera contre la réforme.", "Paul Martin",
         "le parti votera contre la réforme", "against"),
        ("en", "Peter Kyle said the party was against the bill.", "Peter Kyle", "the party was against the bill",
         "against"),
        ("fr", "Paul Martin veut lutter contre les abus.", "Paul Martin", "lutter contre les abus", "for"),
        ("fr", "Paul Martin se dit défavorable à la réforme.", "Paul Martin", "défavorable à la réforme", "against"),
        ("en", "Peter Kyle said he was sceptical about the plan.", "Peter Kyle", "he was sceptical about the plan",
         "against"),
    ]),
    *cases("fighting a measure is opposition fighting a harm is not", [
        # "Fight", "combattre" are for when they fight a harm, against when their object is a measure.
        ("en", "Peter Kyle said the company would fight the bill in court.", "Peter Kyle",
         "the company would fight the bill in court", "against"),
        ("en", "Peter Kyle said the police would fight crime in the city.", "Peter Kyle",
         "the police would fight crime in the city", "for"),
        ("fr", "Selon Paul Martin, le syndicat combattra la réforme.", "Paul Martin",
         "le syndicat combattra la réforme", "against"),
        ("fr", "Selon Paul Martin, le gouvernement doit renoncer à la taxe.", "Paul Martin",
         "le gouvernement doit renoncer à la taxe", "against"),
        ("en", "Peter Kyle said the government should drop the plan.", "Peter Kyle",
         "the government should drop the plan", "against"),
    ]),
    *cases("voting for a measure and judging its reach", [
        # "Voted for"/"voté pour" a policy noun is support (a noun's "for" is not); "ne ... aucune solution" is one
        # negation, not two; "go further" asks for more of a measure.
        ("en", "Peter Kyle said he voted for the bill.", "Peter Kyle", "he voted for the bill", "for"),
        ("fr", "Paul Martin a affirmé avoir voté pour le texte.", "Paul Martin", "avoir voté pour le texte", "for"),
        ("en", "Peter Kyle said a charge for drivers was coming.", "Peter Kyle", "a charge for drivers was coming",
         "neutral"),
        ("en", "Peter Kyle said the plan should go further.", "Peter Kyle", "the plan should go further", "for"),
        ("fr", "Paul Martin a affirmé que la réforme ne va pas assez loin.", "Paul Martin",
         "la réforme ne va pas assez loin", "against"),
        ("fr", "Paul Martin a affirmé que le texte n'apporte aucune solution.", "Paul Martin",
         "le texte n'apporte aucune solution", "against"),
        ("fr", "Paul Martin a affirmé que la mesure coûtera des emplois.", "Paul Martin",
         "la mesure coûtera des emplois", "against"),
        ("en", "Peter Kyle said the rules were unnecessary.", "Peter Kyle", "the rules were unnecessary", "against"),
    ]),
    *cases("a measure that works hidden opposition and judgements of timing", [
        # A measure that works (asserted, not asked) is defended; "ne cache pas" shows what it governs; "too early to
        # judge" withholds judgement while "arrive trop tôt" is one.
        ("en", "Peter Kyle said the ban had worked.", "Peter Kyle", "the ban had worked", "for"),
        ("fr", "Paul Martin a affirmé que le dispositif fonctionne.", "Paul Martin", "le dispositif fonctionne", "for"),
        ("en", "Peter Kyle questioned whether the plan would work.", "Peter Kyle", "whether the plan would work",
         "against"),  # asked, not asserted: not a success, and a question casts doubt
        ("fr", "Paul Martin a affirmé que la réforme ne réglera rien.", "Paul Martin", "la réforme ne réglera rien",
         "against"),
        ("fr", "Paul Martin ne cache pas son opposition à la réforme.", "Paul Martin", "son opposition à la réforme",
         "against"),
        ("en", "Peter Kyle said it was too early to judge the scheme.", "Peter Kyle",
         "it was too early to judge the scheme", "neutral"),
        ("fr", "Paul Martin estime que le texte « arrive trop tôt ».", "Paul Martin", "le texte « arrive trop tôt »",
         "against"),
        ("fr", "Paul Martin émet des réserves sur la réforme.", "Paul Martin", "des réserves sur la réforme",
         "against"),
        ("en", "Peter Kyle said the tax was a bad idea.", "Peter Kyle", "the tax was a bad idea", "against"),
        ("fr", "Selon Paul Martin, la taxe est une bonne idée.", "Paul Martin", "la taxe est une bonne idée", "for"),
    ]),
    *cases("french idioms of failure need and confrontation", [
        # "Ne tiennent pas" fails, "avoir besoin de" wants, "épreuve de force" accuses; "taille critique" is no
        # criticism.
        ("fr", "Selon Paul Martin, ces arguments ne tiennent pas.", "Paul Martin", "ces arguments ne tiennent pas",
         "against"),
        ("fr", "Selon Paul Martin, la fusion donnera aux radios la taille critique.", "Paul Martin",
         "la fusion donnera aux radios la taille "
         "critique", "neutral"),
        ("fr", "Selon Paul Martin, la région a besoin de cette ligne de train.", "Paul Martin",
         "la région a besoin de cette ligne de train", "for"),
        ("fr", "Selon Paul Martin, les plans successifs ont coûté cher sans résultat durable.", "Paul Martin",
         "les plans successifs ont coûté cher sans résultat durable", "against"),
        ("fr", "Selon Paul Martin, le gouvernement a choisi l’épreuve de force.", "Paul Martin",
         "le gouvernement a choisi l’épreuve de force", "against"),
    ]),
    *cases("negation by an adverb or a refusal and a cue conceded by but", [
        # "No longer" negates, "refuse de" negates what it governs, and a cue before "but" yields to the content.
        ("en", "Peter Kyle said the scheme no longer worked.", "Peter Kyle", "the scheme no longer worked", "against"),
        ("fr", "Paul Martin refuse de soutenir la réforme.", "Paul Martin", "de soutenir la réforme", "against"),
        ("en", "Peter Kyle welcomed the plan but said it went too far.", "Peter Kyle", "it went too far", "against"),
        ("en", "Peter Kyle welcomed the plan and said it came at the right time.", "Peter Kyle",
         "it came at the right time", "for"),
    ]),
    *cases("a statement without polar words takes the side the article puts its speaker on", [
        # A sentence that frames the next without reporting anything ("Residents were furious.") and a noun that names a
        # side around the content ("Critics of the plan, led by X, say ...") place a speaker whose words alone take no
        # side; a sentence that only tells what happened places nobody.
        ("en", "Residents were furious. Tom Reed, who has lived on the street for thirty years, said families would "
         "have to move away.", "Tom Reed", "families would have to move away", "against"),
        ("en", "The plan was approved on Monday. Tom Reed, who has lived on the street for thirty years, said families "
         "would have to move away.", "Tom Reed", "families would have to move away", "neutral"),
        ("fr", "Les parents, eux, applaudissent. Selon Anne Roy, les enfants pourront marcher jusqu'à l'école.",
         "Anne Roy", "les enfants pourront marcher jusqu'à l'école", "for"),
        ("en", "Critics of the plan, led by the Harford Tenants Union, say families will have to move.",
         "Harford Tenants Union", "families will have to move", "against"),
        ("en", "Supporters of the scheme, such as the Harford Cycling Trust, say children will walk to school.",
         "Harford Cycling Trust", "children will walk to school", "for"),
        ("fr", "Les détracteurs de la réforme, dont l'association Familles de France, estiment que les familles "
         "devront déménager.", "Familles de France", "les familles devront déménager", "against"),
    ]),
    *cases("a body of government announcing an end or a ban announces its own measure", [
        ("en", "Harford City Council confirmed that cars will no longer be allowed in the market square from May.",
         "Harford City Council", "cars will no longer be allowed in the market square from May", "for"),
        ("en", "The Harford Cycling Trust said cars will no longer use the square.", "Harford Cycling Trust",
         "cars will no longer use the square", "neutral"),
    ]),
    *cases("a stance stated in the sentence before carries to the quote", [
        ("en", "The Law Society criticised the proposal on Monday. Its president, Nick Emmerson, said: \"Courts will "
         "need years to clear the backlog.\"", "Nick Emmerson", "Courts will need years to clear the backlog.",
         "against"),
    ]),
    *cases("an organisation telling what its teams do is for it", [
        ("fr", "Veolia a rappelé que ses équipes ont remplacé les canalisations du quartier.", "Veolia",
         "ses équipes ont remplacé les canalisations du quartier", "for"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, stance", STANCES)
def test_stance(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance


def test_the_verb_nearest_the_content_decides():
    text = Text("Sarah Bentley welcomed the report but warned that \"the levy will fall on the poorest households\".",
                "en")
    [s] = text.run(text.statement("Sarah Bentley", "the levy will fall on the poorest households", cue="warned"))
    assert s.stance == "against"


def test_an_entity_named_twice_is_one_target():
    text = Text("\"Rishi Sunak has broken his word, and Sunak knows it,\" said Ed Davey.", "en")
    [s] = text.run(text.statement("Ed Davey", "Rishi Sunak has broken his word, and Sunak knows it"))
    assert len(s.targets) == len(set(s.targets)) == 1


def test_a_pronoun_does_not_make_another_speaker_the_target():
    text = Text("Greenpeace said the plan was too slow. Asked about the budget, Ofgem said it would publish its "
                "figures in May.", "en")
    first, second = text.run(text.statement("Greenpeace", "the plan was too slow"),
                             text.statement("Ofgem", "it would publish its figures in May"))
    assert text.key("Greenpeace") not in second.targets


def test_an_entity_named_as_included_in_the_claim_is_a_target():
    text = Text("\"TikTok pushes teenagers towards other apps, including Snapchat,\" Rachel de Souza said.", "en")
    [s] = text.run(text.statement("Rachel de Souza", "TikTok pushes teenagers towards other apps, including Snapchat"))
    assert s.targets == [text.key("TikTok"), text.key("Snapchat")]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lexicons_hold_only_words(language):
    lex = lexicon(language)
    assert all(isinstance(w, str) and w for phrase in lex.polarity for w in phrase)
    assert set(lex.polarity.values()) <= {"for", "against", "harm", "neutral"}
    assert lex.negators and lex.target_verbs and lex.first_person


GOLD = Path(__file__).parent / "gold"


@pytest.mark.parametrize("language, statements, targets, stance", [
    ("en", 4400, 0.60, 0.77),
    ("fr", 3800, 0.58, 0.78),
])
def test_development_gold_keeps_its_target_and_stance_scores(tmp_path, language, statements, targets, stance):
    """Ingest the development articles of a language and score them: the level reached less a margin, so a
    change that loses statements, targets or stance anywhere in the gold fails here (round 32, 2026-12-06, 345 English
    articles: 4520 statements with the right speaker, targets F1 0.621, stance 0.791; 340 French: 3901, 0.601,
    0.805; every measure's alias also without its determiner since round 32; the blind batches name their measures in the annotator's own words, "Ground rent cap", which no
    extracted label matches, hence the target floors: many of fr181-fr292's measures are not found, and each of their
    statements found lowers the French F1; the stance model is
    trained on these articles, so its floor guards regressions, not accuracy)."""
    data = tmp_path / "data"
    ingested = CliRunner().invoke(main, ["--data-dir", str(data), "ingest", "--no-neo4j", str(GOLD / language)])
    assert ingested.exit_code == 0, ingested.output
    scored = CliRunner().invoke(main, ["--data-dir", str(data), "eval", "--format", "json", str(GOLD / language)])
    assert scored.exit_code == 0, scored.output
    overall = json.loads(scored.output)["overall"]
    assert overall["statements"]["correct"] >= statements
    assert overall["targets"]["f1"] >= targets
    assert overall["stance"]["accuracy"] >= stance


def _with_headline(text: str, language: str) -> Text:
    """A text whose first line is a headline, masked as ingest masks it."""
    from policykg.loaders.clean import mask_headline

    article = Text.__new__(Text)
    article.article = Article(id="t", source="t.txt", text=text, language=language)
    mask_headline(article.article)
    article.doc = load_pipeline(language)(article.article.nlp_text())
    article.index = recognise(article.article, article.doc)
    return article


def test_a_statement_naming_no_one_is_about_the_policy_of_a_subject_headline():
    text = _with_headline("Taxe carbone : les routiers en colère\n\nLe gouvernement a présenté mardi la taxe "
                          "carbone. « On va faire payer les petits transporteurs pour les autres », a déploré Paul "
                          "Martin.", "fr")
    [s] = text.run(text.statement("Paul Martin", "On va faire payer les petits transporteurs pour les autres"))
    assert [text.index.entities[k].label for k in s.targets] == ["Taxe carbone"]
    assert text.index.entities[s.targets[0]].type == "Topic"


@pytest.mark.parametrize("headline, policy", [
    ("Fiscalité : le Sénat adopte une taxe sur les billets d'avion, les compagnies protestent",
     "taxe sur les billets d'avion"),
    ("Santé : les députés votent l'encadrement des dépassements d'honoraires", "encadrement des dépassements "
     "d'honoraires"),
    ("Chômage : les syndicats unis contre la nouvelle réforme", "Chômage"),
    ("Canicule : restrictions d'arrosage renforcées dans le Gard", "restrictions d'arrosage"),  # the verb ends it
    ("Pêche : l'interdiction dans les eaux côtières divise les ports", "Pêche"),  # where it applies is no name
    ("Fiscalité : le conseil vote une surtaxe sur les meublés de tourisme", "surtaxe sur les meublés de tourisme"),
    ("Parc éolien au large de Groix : les pêcheurs inquiets", "Parc éolien"),  # the place is not the rubric's name
    ("Logement : l'interdiction des locations saisonnières inquiète les propriétaires",
     "interdiction des locations saisonnières"),  # the verb, read as an adjective, is no part of it
    ("Vitesse : la baisse à 80 km/h sur les routes secondaires relancée",
     "baisse à 80 km/h sur les routes secondaires"),  # a measure noun; a unit's slash is inside the name
    ("Collèges : la suppression des notes divise les parents", "suppression des notes"),
    ("Heure d'été : Berlin relance le projet d'abolition, Rome hésite", "abolition de l'heure d'été"),  # the
    ("Chèques vacances : l'utilisation en ligne prolongée jusqu'en 2030",  # rubric completes an action noun
     "utilisation des chèques vacances en ligne"),
    ("Retraites : l'opposition dénonce un passage en force", "Retraites"),  # an actor is no action
])
def test_a_measure_the_headline_names_beats_its_rubric_unless_it_does_not_say_which(headline, policy):
    """A French rubric before the colon is a theme; the measure the news names is what the article debates,
    up to the first punctuation mark; "la nouvelle réforme" says no more than the rubric."""
    text = _with_headline(headline + "\n\n« On va payer pour les autres », a déploré Paul Martin.", "fr")
    [s] = text.run(text.statement("Paul Martin", "On va payer pour les autres"))
    assert [text.index.entities[k].label for k in s.targets] == [policy]


HEADLINED = [
    *cases("an English headline names the policy its body refers to", [
        ("en",
         "Councils weigh a congestion charge for city centres\n\nSeveral councils are studying the idea this spring. "
         "\"The charge would hurt small shops,\" Peter Kyle said.", "Peter Kyle", "The charge would hurt small shops",
         None, "congestion charge for city centres", "against"),
    ]),
    *cases("a law named by its name wins over a headline phrase", [
        ("en",
         "MPs debate new river rules\n\nParliament debated the Clean Rivers Act on Tuesday. \"The bill will save our "
         "rivers,\" said Peter Kyle.", "Peter Kyle", "The bill will save our rivers", None, "Clean Rivers Act", "for"),
    ]),
    *cases("described as names the target and the description its stance", [
        ("en",
         "Town approves a tourist levy on hotel rooms\n\nCouncillors voted for it on Monday. Peter Kyle described the "
         "levy as \"a rounding error for hotels\".", "Peter Kyle", "a rounding error for hotels", "described",
         "tourist levy on hotel rooms", "against"),
    ]),
    *cases("a French headline without colon names its policy too", [
        ("fr",
         "Le Sénat adopte la taxe sur les billets d'avion\n\n« Cette taxe menace nos petits aéroports », a déploré "
         "Rachel de Souza.", "Rachel de Souza", "Cette taxe menace nos petits aéroports", None,
         "taxe sur les billets d'avion", "against"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, cue, policy, stance", HEADLINED)
def test_the_policy_a_headline_names_and_the_stance(language, text, speaker, content, cue, policy, stance):
    article = _with_headline(text, language)
    [s] = article.run(article.statement(speaker, content, cue=cue))
    assert [article.index.entities[k].label for k in s.targets] == [policy]
    assert s.stance == stance


@pytest.mark.parametrize("headline, policy", [
    ("Treasury to scrap VAT on bicycle repairs", "scrapping of VAT"),
    ("Ministers to scrap fees on school trips", "scrapping of fees"),
])
def test_a_headline_verb_s_measure_keeps_an_acronym_in_capitals(headline, policy):
    """"scrap VAT" → "scrapping of VAT": what the verb acts on goes in lower case after the noun of its action,
    but not a word the text writes in capitals, which "vAT" is not."""
    article = _with_headline(f"{headline}\n\nThe plan was announced on Monday. \"We will all pay for this,\" said "
                             "Peter Kyle.", "en")
    [s] = article.run(article.statement("Peter Kyle", "We will all pay for this"))
    assert [article.index.entities[k].label for k in s.targets] == [policy]


HEADLINED_LABELS = [
    *cases("a headline subject headed by a policy noun beats the lead", [
        ("fr",
         "Accord avec le Chili : les éleveurs en colère\n\nL'accord commercial sera signé lundi. « On va payer pour "
         "les autres », a déploré Paul Martin.", "Paul Martin", "On va payer pour les autres", "Accord avec le Chili"),
    ]),
    *cases("a law the press names in quotes is named so", [
        ("fr",
         "Logement : un an après, le bilan\n\nUn an après l’adoption de la loi dite « anti-fraude », les contrôles "
         "ont doublé. « On va payer pour les autres », a déploré Peter Kyle.", "Peter Kyle",
         "On va payer pour les autres", "loi anti-fraude"),
    ]),
    *cases("an act that creates a measure is named by the measure, not the act", [
        ("en",
         "Landlords angry at ministers\n\nMinisters published a bill on Monday creating a national register of "
         "private landlords. \"It will cost us dearly,\" said Peter Kyle.", "Peter Kyle", "It will cost us dearly",
         "national register of private landlords"),
        ("en",
         "Councils wary of Treasury\n\nThe Treasury tabled an amendment introducing a levy on empty shops. \"It "
         "will cost us dearly,\" said Peter Kyle.", "Peter Kyle", "It will cost us dearly", "levy on empty shops"),
        ("fr",
         "Justice : les magistrats sceptiques\n\nLa ministre a présenté mardi un projet de loi instaurant une peine "
         "de probation renforcée. « On va payer pour les autres », a déploré Paul Martin.", "Paul Martin",
         "On va payer pour les autres", "peine de probation renforcée"),
        ("fr",
         "Écoles : les parents partagés\n\nLe maire a signé lundi un arrêté qui crée une zone sans voitures devant "
         "les écoles. « On va payer pour les autres », a déploré Paul Martin.", "Paul Martin",
         "On va payer pour les autres", "zone sans voitures"),  # where it applies is no part of its name
    ]),
    *cases("the next sentence's demonstrative subject names the measure a lead's act brings in", [
        ("fr",
         "Sécheresse : les golfs devront économiser l'eau\n\nLe préfet a signé jeudi un arrêté qui impose aux golfs "
         "d'arroser avec des eaux de pluie. Cette obligation de récupération sera contrôlée chaque été. « On va payer "
         "pour les autres », a déploré Paul Martin.", "Paul Martin", "On va payer pour les autres",
         "obligation de récupération"),
        ("fr",
         "Nuit : les bars inquiets\n\nLa préfète a publié lundi un arrêté qui impose la fermeture des bars à minuit. "
         "Ce « couvre-feu des terrasses » entrera en vigueur en mai. « On va payer pour les autres », a déploré Paul "
         "Martin.", "Paul Martin", "On va payer pour les autres", "couvre-feu des terrasses"),
        ("fr",  # a decision, a place: not the measure's name
         "Écoles : les parents inquiets\n\nLe maire a signé un arrêté qui ferme les rues devant les écoles aux "
         "heures d'entrée. Cette décision du maire a surpris les riverains. « On va payer pour les autres », a "
         "déploré Paul Martin.", "Paul Martin", "On va payer pour les autres", "arrêté"),
        ("fr",
         "Écoles : les parents inquiets\n\nLe maire a signé un arrêté qui ferme les rues devant les écoles aux "
         "heures d'entrée. Cette commune rurale compte trois écoles. « On va payer pour les autres », a déploré Paul "
         "Martin.", "Paul Martin", "On va payer pour les autres", "arrêté"),
    ]),
    *cases("an act that lets someone act is named as it is", [
        ("fr",
         "Chasse : la colère gronde\n\nLe préfet a publié un arrêté autorisant les maires à fermer les sentiers "
         "pendant les battues. « On va payer pour les autres », a déploré Paul Martin.", "Paul Martin",
         "On va payer pour les autres", "arrêté autorisant les maires à fermer les sentiers pendant les battues"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, policy", HEADLINED_LABELS)
def test_the_policy_a_headline_names(language, text, speaker, content, policy):
    article = _with_headline(text, language)
    [s] = article.run(article.statement(speaker, content))
    assert [article.index.entities[k].label for k in s.targets] == [policy]


NO_POLICY_HEADLINES = [
    *cases("a headline subject that is an actor is no policy", [
        ("fr", "Amazon : les livreurs en grève\n\n« Nous travaillons trop pour trop peu », a déploré Paul Martin.",
         "Paul Martin", "Nous travaillons trop pour trop peu"),
    ]),
    *cases("a headline subject that is a clause is no policy", [
        ("fr",
         "Lyon passe à 30 km/h : les commerçants inquiets\n\n« On va payer pour les autres », a déploré Paul Martin.",
         "Paul Martin", "On va payer pour les autres"),
    ]),
    *cases("a bare policy noun in a headline names no policy", [
        ("en", "Ministers announce ban\n\nThe details will follow next week. \"We will study it,\" said Peter Kyle.",
         "Peter Kyle", "We will study it"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content", NO_POLICY_HEADLINES)
def test_a_headline_that_names_no_policy(language, text, speaker, content):
    article = _with_headline(text, language)
    [s] = article.run(article.statement(speaker, content))
    assert all(article.index.entities[k].type != "Topic" for k in s.targets)


def test_a_definite_policy_noun_refers_to_the_law_the_article_debates():
    text = Text("Parliament passed the Clean Rivers Act on Tuesday. \"The bill will bury small farms under paperwork,\" "
                "said John Smith.", "en")
    law = text.index.lookup("Clean Rivers Act")
    assert law is not None and law.type == "Topic"
    [s] = text.run(text.statement("John Smith", "The bill will bury small farms under paperwork"))
    assert s.targets == [law.key]
    bill = text.article.text.index("The bill")
    assert text.index.entity_at(bill, bill + len("The bill")) == law


def test_a_neutral_figure_is_about_no_policy():
    text = Text("Parliament passed the Clean Rivers Act on Tuesday. \"Farms cover 70 percent of the valley,\" "
                "said John Smith.", "en")
    [s] = text.run(text.statement("John Smith", "Farms cover 70 percent of the valley"))
    assert s.stance == "neutral" and s.targets == []


def test_a_known_law_inside_a_longer_law_name_is_another_law():
    text = Text("The Senate passed the Kids Online Safety Act on Tuesday.", "en")
    law = text.index.entity_at(text.article.text.index("Kids"), text.article.text.index(" on Tuesday"))
    assert law is not None and law.type == "Topic" and law.label == "Kids Online Safety Act"


@pytest.mark.parametrize("language, text, speaker, content, cue, stance", [
    ("fr", "Paul Martin s'interroge sur le coût de la réforme pour les familles.", "Paul Martin",
     "sur le coût de la réforme pour les familles", "s'interroge", "against"),
    ("fr", "Paul Martin s'inquiète que les communes paient la facture.", "Paul Martin",
     "que les communes paient la facture", "s'inquiète", "against"),
    ("fr", "Paul Martin a mis en garde contre une surveillance généralisée des rues.", "Paul Martin",
     "contre une surveillance généralisée des rues", "a mis en garde", "against"),
    ("fr", "Paul Martin s'insurge : les locataires paieront plus cher.", "Paul Martin",
     "les locataires paieront plus cher", "s'insurge", "against"),
    ("fr", "Paul Martin conteste les chiffres du ministère.", "Paul Martin", "les chiffres du ministère", "conteste",
     "against"),
    ("en", "John Smith lamented that the towns would pay the bill.", "John Smith",
     "the towns would pay the bill", "lamented", "against"),
    ("en", "John Smith called on the council to publish the figures.", "John Smith",  # pressed as by "urged"
     "to publish the figures", "called on", "against"),
])
def test_a_cue_of_stance_states_the_stance_even_with_a_neutral_content(language, text, speaker, content, cue, stance):
    article = Text(text, language)
    [s] = article.run(article.statement(speaker, content, cue=cue))
    if stance is not None:
        assert s.stance == stance
    else:
        assert s.stance == "neutral"


def test_a_law_word_makes_a_law_only_in_its_place_in_the_name():
    text = Text("Bill Clinton said the Safety of Rwanda Bill would fail.", "en")
    assert text.index.lookup("Bill Clinton").type == "Person"
    law = text.index.entity_at(text.article.text.index("Safety"), text.article.text.index(" would"))
    assert law is not None and law.type == "Topic"


def test_a_law_named_in_passing_is_not_what_the_article_debates():
    text = Text("The mayor, who voted for the Clean Rivers Act, opened a school. \"The children will love it,\" "
                "said John Smith.", "en")
    [s] = text.run(text.statement("John Smith", "The children will love it"))
    assert s.targets == []


@pytest.mark.parametrize("lead, policy", [
    ("Ministers unveiled a plastic bag levy on Monday.", "plastic bag levy"),
    ("Shops must charge for bags under new rules published by the trade board on Monday.", "new rules"),  # not who
    ("Shops must charge for bags under a plan approved by the council, the first measure of its kind.", "plan"),
    ("Shops must charge for bags under a plan from Monday.", None),  # not told who decided it
    ("Shops must charge for bags under rules to be introduced next month.", "rules"),  # what is yet to be done
    ("Shops must charge for bags under a code of practice published by the trade board.", "code of practice"),
])
def test_without_a_policy_in_the_headline_the_lead_sentence_names_it(lead, policy):
    """The lead's first policy noun phrase, less a participle that says who approved it; a bare noun so described
    names the measure the lead has just told, and no later noun of the lead names it better."""
    text = Text(lead + " \"Shops will hand out fewer bags,\" said Peter Kyle.", "en")
    [s] = text.run(text.statement("Peter Kyle", "Shops will hand out fewer bags"))
    topics = [text.index.entities[k].label for k in s.targets if text.index.entities[k].type == "Topic"]
    assert topics == ([policy] if policy else [])


@pytest.mark.parametrize("headline, policy", [
    ("Harbour town plans 60-night cap on second homes", "60-night cap on second homes"),  # hyphenated modifier
    ("£5 parking charge to end in rural Elmford", "£5 parking charge"),
    ("Ministers back ban on betting adverts during live football", "ban on betting adverts during live football"),
    ("Tram plan approved despite residents' anger", "Tram plan"),  # the participle is the headline's verb
    ("Noise cap at Westfield airport angers airlines", "Noise cap"),  # where it applies is not its name
    ("'A tax on families': landlords attack second home levy", "second home levy"),  # a quote is no policy
    ("Pothole grant scrapped as budgets shrink", "Pothole grant"),
    ("City's school street trial to become permanent", "school street"),  # the measure, not its trial
    ("Council extends trial of late-night bus lanes", "late-night bus lanes"),
    ("Free bus travel pledge faces funding row", "Free bus travel"),  # the measure, not the promise of it
    ("Teachers warn free breakfast club expansion is underfunded", "free breakfast club"),
    ("Library closures leave villages without books", "Library closures"),  # closures are a policy
    ("Treasury to restore cap on landlords’ fees", "cap on landlords’ fees"),  # a possessive is inside it
    ("Ministers announce ban on vapes in parks", "ban on vapes"),  # where it applies is not its name
    ("Town backs one-year pay freeze for councillors", "one-year pay freeze for councillors"),  # a freeze is one
    ("Dentists threaten to quit over new contract", "new contract"),  # the terms a profession works under
    ("Council backs 5% levy on homes worth over £2m", "5% levy on homes worth over £2m"),  # "£2m" is one word
    ("Bottle charge to double next year", "Bottle charge"),  # the noun the parser took for "bottles charge"
    ("Ministers to consult on ban on vape sales to under-18s", "ban on vape sales to under-18s"),  # whom it covers
    ("Town to consult on ban on alcohol sales to teenagers", "ban on alcohol sales to teenagers"),
    ("Council to consult on ban on vape sales to 2030", "ban on vape sales"),  # a date is not whom
    ("Ministers weigh extending bag levy to supermarkets", "bag levy"),  # the verb's own complement
    ("Harbour town votes to double council tax on holiday homes", "council tax on holiday homes"),  # "double" is
])  # the verb, which the parser read as an adjective
def test_a_headline_names_its_policy_by_the_measure_alone(headline, policy):
    """The policy's name is the measure the headline's noun phrase names: its modifiers (hyphenated words and
    amounts included), not the headline's verb, a quote, the place it applies to or the trial it is in."""
    text = _with_headline(headline + "\n\n\"We will all pay for this,\" said Peter Kyle.", "en")
    [s] = text.run(text.statement("Peter Kyle", "We will all pay for this"))
    assert [text.index.entities[k].label for k in s.targets] == [policy]


@pytest.mark.parametrize("headline, policy", [
    ("Shops threaten legal action over £300 plastic bag levy", "£300 plastic bag levy"),
    ("Drivers protest over £15 congestion charge", "£15 congestion charge"),
])
def test_a_headline_policy_keeps_the_currency_sign_of_its_amount(headline, policy):
    """An amount's sign is part of the modifier, however the parser hung it ("over £300 ...": a quantifier of
    the number): the label is the text's phrase, not "300 plastic bag levy"."""
    text = _with_headline(headline + "\n\n\"We will all pay for this,\" said Peter Kyle.", "en")
    [s] = text.run(text.statement("Peter Kyle", "We will all pay for this"))
    assert [text.index.entities[k].label for k in s.targets] == [policy]


@pytest.mark.parametrize("headline, body, policy", [
    ("Hosepipe ban for two million households as reservoirs fall", "A hosepipe ban starts on Friday.",
     "Hosepipe ban"),  # the body writes the opening word in lower case: no name; the count is no part of it
    ("Hosepipe ban for two million households as reservoirs fall", "Water is short.", None),  # a name, then
    ("Parking charge for 500 staff angers nurses", "A parking charge starts on Friday.", "Parking charge"),
    ("Plans for 40 wind turbines on the moor split villages", "The plans divide.",
     "40 wind turbines on the moor"),  # what a plan is for is the measure, amount included
])
def test_a_headline_policy_keeps_a_common_noun_and_drops_the_count_it_applies_to(headline, body, policy):
    """A capitalised first word the parser takes for a name is a modifier when the body writes it in lower case;
    a complement counting what the measure reaches says how far, not which."""
    text = _with_headline(f"{headline}\n\n{body} \"We will all pay for this,\" said Peter Kyle.", "en")
    [s] = text.run(text.statement("Peter Kyle", "We will all pay for this"))
    assert [text.index.entities[k].label for k in s.targets] == ([policy] if policy else [])


@pytest.mark.parametrize("language, headline, policy", [
    ("en", "Village votes to cap second homes at 60 nights a year", "cap on second homes"),  # not its amount
    ("en", "Student visas cut by a quarter despite colleges' warnings", "cut in student visas"),  # passive
    ("en", "Night buses to be scrapped to save money", "scrapping of night buses"),
    ("en", "Regulators move to pause new mining licences", "pause of new mining licences"),
    ("en", "Bus fares to rise in May", "Bus fares rise"),  # intransitive: its subject is what changes
    ("en", "Second bridge over the Tay approved after long inquiry", "Second bridge"),  # the measure itself
    ("fr", "Le département supprime les devoirs à la maison", "suppression des devoirs"),
    ("fr", "Éducation : trois collèges fermeront en 2027", "fermeture des collèges"),  # beats the rubric
    ("fr", "Loisirs : la piscine de Brive fermera en juin", "fermeture de la piscine de Brive"),
    ("fr", "La dernière ligne de tram de Lyon fermera en mai", "fermeture de la ligne de tram"),  # a rank and
    ("fr", "Le premier incinérateur à déchets de Bretagne fermera en 2030",  # its place are no part of it
     "fermeture de l'incinérateur à déchets"),  # "à" and a bare noun are, as a compound
    ("fr", "Hôpitaux : le ministère veut instaurer deux jours de repos obligatoires",
     "deux jours de repos obligatoires"),  # the measure itself keeps its amount
    ("fr", "Valmont étend la vidéo-verbalisation à tout le centre-ville", "vidéo-verbalisation"),  # what spreads
])
def test_a_headline_names_the_measure_its_verb_reports(language, headline, policy):
    """A headline that reports the measure by its verb names it by the verb's noun and what the verb acts on,
    its object, or the noun phrase before a passive or intransitive verb."""
    quote = "\"We will all pay for this,\" said Peter Kyle." if language == "en" else \
        "« On va payer pour les autres », a déploré Peter Kyle."
    text = _with_headline(headline + "\n\n" + quote, language)
    content = "We will all pay for this" if language == "en" else "On va payer pour les autres"
    [s] = text.run(text.statement("Peter Kyle", content))
    assert [text.index.entities[k].label for k in s.targets] == [policy]


@pytest.mark.parametrize("language, headline", [
    ("en", "Council to close early on Friday"),  # a body of government is no measure
    ("en", "Farmers split over banned weedkiller"),  # a participle that describes is no verb of the headline
    ("fr", "Un pesticide interdit divise les agriculteurs"),
    ("fr", "Le ministère veut généraliser"),  # nothing said of what is generalised
])
def test_a_verb_that_acts_on_no_thing_names_no_measure(language, headline):
    quote = "\"We will all pay for this,\" said Peter Kyle." if language == "en" else \
        "« On va payer pour les autres », a déploré Peter Kyle."
    text = _with_headline(headline + "\n\n" + quote, language)
    content = "We will all pay for this" if language == "en" else "On va payer pour les autres"
    [s] = text.run(text.statement("Peter Kyle", content))
    assert all(text.index.entities[k].type != "Topic" for k in s.targets)


@pytest.mark.parametrize("headline, language, text, speaker, content, targets", [
    ("Ministers announce ban on garden bonfires", "en", "The Environment Department announced the ban on Monday. "
     "Ruth Hale, who chairs an allotment society, said the department had ignored its own advisers.", "Ruth Hale",
     "the department had ignored its own advisers", ["Environment Department", "ban on garden bonfires"]),
    ("Village votes to cap second homes", "en", "Ruth Hale said the council had ignored its own advisers.", "Ruth Hale",
     "the council had ignored its own advisers", ["cap on second homes"]),
    (None, "fr", "La Métropole de Valbourg installera quarante radars sur ses boulevards, a annoncé son président. "
     "Selon Paul Martin, la métropole encaissera le produit des amendes.", "Paul Martin",
     "la métropole encaissera le produit des amendes.", ["Métropole de Valbourg"]),
    ("Ministers announce ban on garden bonfires", "en", "The Environment Department announced the ban on Monday. "
     "Ruth Hale said the government had ignored its own advisers.", "Ruth Hale",
     "the government had ignored its own advisers", ["Environment Department", "ban on garden bonfires"]),
    ("Ministers announce ban on garden bonfires", "en", "The Home Office announced the ban on Monday. "
     "Ruth Hale said the government had ignored its own advisers.", "Ruth Hale",
     "the government had ignored its own advisers", ["Home Office", "ban on garden bonfires"]),
    ("Ministers announce ban on garden bonfires", "en", "Ruth Hale said the government had ignored its own advisers. "
     "The Home Office did not comment.", "Ruth Hale",  # the ministry the article names next
     "the government had ignored its own advisers", ["Home Office", "ban on garden bonfires"]),
    ("Ministers announce ban on garden bonfires", "en", "Figures from the Office for Fire Statistics were published. "
     "Ruth Hale said the government had ignored its own advisers.", "Ruth Hale",  # no ministry: the executive
     "the government had ignored its own advisers", ["Government", "ban on garden bonfires"]),
    ("Ministers announce ban on garden bonfires", "en", "Ruth Hale said the government would ban bonfires in July.",
     "Ruth Hale", "the government would ban bonfires in July", ["ban on garden bonfires"]),  # who enacts it
    ("Ministers announce ban on garden bonfires", "en", "Ruth Hale urged the government to scrap the ban.",
     "Ruth Hale", "the government to scrap the ban", ["ban on garden bonfires"]),  # who is asked to undo it
    ("Council votes to close two libraries", "en", "The libraries will close in May, Hartwell Borough Council said "
     "on Monday. Council leader Mike Osborne defended the plan. Ruth Hale said the council had ignored its own "
     "advisers.", "Ruth Hale", "the council had ignored its own advisers",
     ["Hartwell Borough Council", "closure of libraries"]),
    ("Retraites : la réforme votée", "fr", "Selon Paul Martin, le gouvernement a trahi ses promesses.", "Paul Martin",
     "le gouvernement a trahi ses promesses", ["Gouvernement", "Retraites"]),
    ("Chasse : le débat s'ouvre", "fr",
     "Selon Paul Martin, le gouvernement envisage d'interdire la chasse le dimanche.",
     "Paul Martin", "le gouvernement envisage d'interdire la chasse le dimanche", ["Chasse"]),
    ("Ministers announce ban on garden bonfires", "en", "The Home Office announced the ban on Monday. Ruth Hale "
     "described the ban as the best thing the government could do.", "Ruth Hale",  # a description, not the claim's
     "the ban as the best thing the government could do", ["ban on garden bonfires"]),
])
def test_an_institution_named_by_its_noun_is_the_one_the_article_named(headline, language, text, speaker, content,
                                                                        targets):
    """"The department" names the department the article named before (none named before: no target), "the
    government" the ministry named before or else the executive, unless it enacts the measure; a claim about it
    alone is also about the measure the article debates."""
    article = _with_headline(f"{headline}\n\n{text}", language) if headline else Text(text, language)
    [s] = article.run(article.statement(speaker, content))
    assert [article.index.entities[k].label for k in s.targets] == targets


def test_an_unnamed_speaker_named_by_an_institution_noun_is_what_the_noun_refers_to():
    """The statement finder makes "the hospital trust confirmed" a speaker of its own (a Person of the article):
    "the trust" of a later claim is that speaker."""
    text = Text("The ward will close at night, the hospital trust confirmed on Monday. Ruth Hale said the trust "
                "had ignored the doctors.", "en")
    start = text.article.text.index("the hospital trust")
    trust = text.index.add("the hospital trust", "Person", (start, start + len("the hospital trust")))
    [s] = text.run(text.statement("Ruth Hale", "the trust had ignored the doctors"))
    assert s.targets == [trust.key]


@pytest.mark.parametrize("headline, lead, policy", [
    ("Fin de vie : les médecins divisés", "Le projet de loi sur la fin de vie revient au Sénat mardi.",
     "Fin de vie"),  # the lead's phrase is the text that carries the rubric's measure
    ("Droit à l'oubli : les assureurs réservés", "La proposition de loi sur le droit à l'oubli sera votée "
     "jeudi.", "Droit à l'oubli"),
    ("Ours : Paris relève le quota, les bergers inquiets", "Le gouvernement a publié lundi l'arrêté sur le "
     "relèvement du quota de tirs contre l'ours.", "arrêté sur le relèvement du quota de tirs contre l'ours"),
    ("Tabac : les buralistes en colère", "Le projet de loi sur l'interdiction de fumer revient au Sénat mardi.",
     "projet de loi sur l'interdiction de fumer"),  # a bare infinitive completes the noun before it
    ("Le retour de la consigne des canettes divise les brasseurs", "Les supermarchés devront reprendre les "
     "canettes.", "consigne des canettes"),  # a deposit is a measure
])
def test_a_rubric_the_lead_wraps_in_a_bill_is_the_measure(headline, lead, policy):
    """A rubric the lead names inside "le projet de loi sur ..." names the measure the bill carries; a lead
    phrase that says what is done to the rubric's subject names it better than the rubric."""
    text = _with_headline(f"{headline}\n\n{lead} « On va payer pour les autres », a déploré Paul Martin.", "fr")
    [s] = text.run(text.statement("Paul Martin", "On va payer pour les autres"))
    assert [text.index.entities[k].label for k in s.targets] == [policy]


@pytest.mark.parametrize("language, text, speaker, content, cue, target", [
    ("en", "Peter Kyle urged ministers to publish a plan for new trains.", "Peter Kyle",
     "to publish a plan for new trains", "urged", "ministers"),  # the object of the cue
    ("en", "Peter Kyle said heads, not ministers, should decide how to run schools.", "Peter Kyle",
     "heads, not ministers, should decide how to run schools", None, "ministers"),
    ("fr", "Paul Martin a accusé les ministres de mentir aux agriculteurs.", "Paul Martin",
     "de mentir aux agriculteurs", "accusé", "ministres"),
    ("en", "Peter Kyle said health ministers from five countries would meet in May.", "Peter Kyle",
     "health ministers from five countries would meet in May", None, None),  # some ministers, not the executive
    ("en", "Peter Kyle said ministers would ban phones in schools.", "Peter Kyle",
     "ministers would ban phones in schools", None, None),  # they enact the measure, which is the claim's topic
])
def test_ministers_are_the_executive_a_claim_is_about(language, text, speaker, content, cue, target):
    """A bare "ministers" is the executive as a body, a target like "the government", unless it only enacts the
    measure or a modifier says which ministers."""
    article = Text(text, language)
    [s] = article.run(article.statement(speaker, content, cue=cue))
    found = [article.index.entities[k].label for k in s.targets]
    assert (target in found) if target else not any(label in ("ministers", "ministres") for label in found)


@pytest.mark.parametrize("language, headline, policy", [
    ("fr", "Une semaine sans voitures ? La mairie consulte les habitants", "Une semaine sans voitures"),
    ("en", "Parking fees at night? The council says no", "Parking fees at night"),
    ("fr", "Pourquoi ? Les raisons d'une colère", None),  # no noun: a question, no measure
    ("en", "Should parking be free at night? Residents decide", None),  # a clause is news
])
def test_a_headline_asking_about_a_noun_phrase_names_the_measure(language, headline, policy):
    """"Subject? news" names its subject as "Subject: news" does, when the question is a noun phrase."""
    quote = "\"We will all pay for this,\" said Peter Kyle." if language == "en" else \
        "« On va payer pour les autres », a déploré Peter Kyle."
    text = _with_headline(headline + "\n\n" + quote, language)
    content = "We will all pay for this" if language == "en" else "On va payer pour les autres"
    [s] = text.run(text.statement("Peter Kyle", content))
    topics = [text.index.entities[k].label for k in s.targets if text.index.entities[k].type == "Topic"]
    assert topics == ([policy] if policy else [])


@pytest.mark.parametrize("body, policy", [
    ("« La taxe carbone va ruiner les petits transporteurs », a déploré Paul Martin.", "Taxe carbone"),
    ("« On va payer pour les autres », a déploré Paul Martin.", None),
])
def test_a_title_given_apart_from_the_text_names_the_policy_only_if_the_body_does(body, policy):
    """A JSON Lines or HTML title is not in the text: its subject is the policy where the body names it, and
    nothing (not an error) where it does not."""
    text = Text(body, "fr")
    text.article.title = "Taxe carbone : les routiers en colère"
    content = body[2:body.index(" »")]
    [s] = text.run(text.statement("Paul Martin", content))
    assert [text.index.entities[k].label for k in s.targets if text.index.entities[k].type == "Topic"] == \
        ([policy] if policy else [])


def test_a_cue_of_joy_after_a_quote_states_the_stance_and_names_the_speaker_not_a_target():
    text = Text("« C'est un signal que nous attendions depuis des années », s'est réjoui le président de "
                "l'Union nationale des éleveurs, Paul Martin.", "fr")
    [s] = text.run(text.statement("Paul Martin", "C'est un signal que nous attendions depuis des années",
                                  cue="s'est réjoui"))
    assert s.stance == "for"
    assert all(text.index.entities[k].label != "Union nationale des éleveurs" for k in s.targets)


@pytest.mark.parametrize("speaker, before, cue, stance", [
    ("Home Office", "", "said", "for"),
    ("Home Office", "", "warned", "against"),
    ("Home Office", "The plan has been a disaster, its critics say. ", "said", "against"),
    ("Amnesty International", "", "said", "against"),
])
def test_an_authority_tells_of_the_harm_the_policy_it_debates_answers(speaker, before, cue, stance):
    """An authority whose only negative words are the content's, with no criticism around them, tells of the
    problem the measure answers (in the development gold 21 such statements for, 6 not): for; not under a verb of
    warning, after a sentence of criticism, nor from a body that is no authority."""
    content = "until the Online Safety Act, children were exposed to abuse online every day"
    text = f"The Online Safety Act will start in June. {before}The {speaker} {cue} {content}."
    assert stance_of("en", text, speaker, content) == stance


@pytest.mark.parametrize("speaker, content, stance", [
    ("Home Office", "the new rules will cover all landlords", "for"),
    ("Home Office", "the new rules will not cover all landlords", "neutral"),
    ("Amnesty International", "the new rules will cover all landlords", "neutral"),
])
def test_an_authority_telling_what_will_be_done_announces_its_measure(speaker, content, stance):
    assert stance_of("en", f"The {speaker} said {content}.", speaker, content) == stance


@pytest.mark.parametrize("lead, stance", [
    ("The Hoteliers Association rejected the plan.", "against"),
    ("The Hoteliers Association rejected the figures.", "neutral"),
])
def test_reported_speech_after_a_possessive_takes_the_stance_its_organisation_took_on_a_policy(lead, stance):
    """"X rejected the plan. Its chair said that ...": the chair speaks for X against the plan; rejecting figures
    is no stance on a policy, and reported facts after it stay neutral."""
    text = Text(f"{lead} Its chair, Peter Kyle, said hotels were already full in summer.", "en")
    [s] = text.run(text.statement("Peter Kyle", "hotels were already full in summer", kind="indirect"))
    assert s.stance == stance


@pytest.mark.parametrize("content, target", [
    ("Signal would never let the Home Office read the messages of its users", "Home Office"),
    ("Signal had grown fast this year", "Signal"),
])
def test_the_speakers_own_organisation_is_a_target_only_when_nothing_else_is(content, target):
    text = Text(f"Meredith Whittaker, the president of Signal, said {content}.", "en")
    [s] = text.run(text.statement("Meredith Whittaker", content))
    assert [text.index.entities[k].label for k in s.targets] == [target]


def test_a_speaker_named_by_a_role_of_government_announces_its_measure():
    text = ("Phones banned in schools\n\nThe government will ban mobile phones in state schools from September, the "
            "education secretary announced on Monday.\n")
    article = Article(id="t", source="t.txt", text=text, language="en")
    [statement] = extract(article, load_pipeline("en")(article.nlp_text())).statements
    assert statement.speaker.endswith("the-education-secretary") and statement.stance == "for"


HEADLINED_BAN = "Ministers announce ban on cars outside schools\n\n"
HEADLINED_TAX = "Le conseil municipal adopte une taxe sur les résidences secondaires\n\n"


@pytest.mark.parametrize("language, text, speaker, first, second, stance", [
    ("en", HEADLINED_BAN + "The Westfield Drivers Association warned that the ban would push traffic onto residential "
     "streets. Many parents have no other way to get their children to school, the association said.",
     "Westfield Drivers Association", "the ban would push traffic onto residential streets",
     "Many parents have no other way to get their children to school", "against"),
    ("fr", HEADLINED_TAX + "L'association Propriétaires Solidaires a dénoncé une taxe injuste. « Ces propriétaires "
     "habitent dans la commune depuis des générations », a ajouté l'association.",
     "Propriétaires Solidaires", "une taxe injuste",
     "Ces propriétaires habitent dans la commune depuis des générations", "against"),
    # support is carried over as well: a supporter's fact next to their support argues for the measure
    ("en", HEADLINED_BAN + "Head teacher Anna Pryce welcomed the ban as a relief for families. Children walk to school "
     "along these roads every morning, Pryce said.", "Anna Pryce", "the ban as a relief for families",
     "Children walk to school along these roads every morning", "for"),
    # a figure is background, whoever gives it
    ("en", HEADLINED_BAN + "The Westfield Drivers Association warned that the ban would push traffic onto residential "
     "streets. Some 4,000 parents drive their children to school, the association said.",
     "Westfield Drivers Association", "the ban would push traffic onto residential streets",
     "Some 4,000 parents drive their children to school", "neutral"),
    # a rubric of one word names a field, not a measure: nothing to carry a position on
    ("fr", "Santé : la clinique des Tilleuls change de direction\n\nL'association Patients en Colère a "
     "dénoncé une décision brutale. Les habitants font déjà une heure de route pour voir un spécialiste, a ajouté "
     "l'association.", "Patients en Colère", "une décision brutale",
     "Les habitants font déjà une heure de route pour voir un spécialiste", "neutral"),
    # ... but a measure its verb reports is one ("fermeture de ses urgences")
    ("fr", "Santé : la clinique des Tilleuls fermera ses urgences la nuit\n\nL'association Patients en Colère a "
     "dénoncé une décision brutale. Les habitants font déjà une heure de route pour voir un spécialiste, a ajouté "
     "l'association.", "Patients en Colère", "une décision brutale",
     "Les habitants font déjà une heure de route pour voir un spécialiste", "against"),
])
def test_a_fact_next_to_the_speakers_objection_to_the_headlined_policy_is_against_it(language, text, speaker, first,
                                                                                    second, stance):
    """An opponent's fact offered as an argument, reported next to their objection to the measure the headline
    names, is against it too, and a backer's next to their support for it (``positions``)."""
    article = Text(text, language)
    article.article.title = text.split("\n")[0]
    # indirect: a direct quote already takes the stance of the sentence before
    [_, fact] = article.run(article.statement(speaker, first, kind="indirect"),
                            article.statement(speaker, second, kind="indirect"))
    assert fact.stance == stance


@pytest.mark.parametrize("second, stance", [
    ("“Our nurses are being priced out of the towns they grew up in,” she said.", "for"),
    ("“Our nurses are being priced out of the towns they grew up in, and the cap will not change that,” she said.",
     "against"),
])
def test_an_authority_backing_a_measure_tells_of_the_problem_it_answers(second, stance):
    """The mayor who backs her cap and then tells of the harm it answers is for it; her harm words are about
    the state of things unless she names the measure."""
    text = Text(f"Mayor Anna Lloyd said the cap was long overdue. {second}", "en")
    first = text.statement("Anna Lloyd", "the cap was long overdue")
    quote = second.split("“")[1].split(",”")[0]
    statements = text.run(first, text.statement("Anna Lloyd", quote))
    assert statements[1].stance == stance
