"""French stance rules by class of error on realistic copy (frstance24), on sentences written for the test."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.stance_lexicon import lexicon
from policykg.loaders.extract.stance_words import negation
from policykg.loaders.nlp import load_pipeline

from test_targets import cases, stance_of


STANCES = [
    *cases("idioms of criticism and praise", [
        # idioms of criticism: a blow, a remedy that cannot work, a waste of effort, a wrong route
        ("« Ce plan est un coup d'épée dans l'eau », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Ce plan est un coup d'épée dans l'eau", "against"),
        ("« Ce chèque est un pansement sur une jambe de bois », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Ce chèque est un pansement sur une jambe de bois", "against"),
        ("« C'est deux poids, deux mesures », a déclaré Rachel de Souza.", "Rachel de Souza",
         "C'est deux poids, deux mesures", "against"),
        ("« Les commerçants sont les grands oubliés de cette réforme », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Les commerçants sont les grands oubliés de cette réforme", "against"),
        ("« C'est une mesure d'affichage », a déclaré Rachel de Souza.", "Rachel de Souza",
         "C'est une mesure d'affichage", "against"),
        ("« La mesure est mal ficelée », a déclaré Rachel de Souza.", "Rachel de Souza", "La mesure est mal ficelée",
         "against"),
        ("« Nous n'avons pas les moyens de suivre », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Nous n'avons pas les moyens de suivre", "against"),
        ("La Fédération des forains parle d'un « coup de massue » pour la profession.", "Fédération des forains",
         "d'un « coup de massue » pour la profession", "against"),
        ("« C'est la double peine pour les habitants », a déclaré Rachel de Souza.", "Rachel de Souza",
         "C'est la double peine pour les habitants", "against"),
        ("« On nous prend pour des vaches à lait », a déclaré Rachel de Souza.", "Rachel de Souza",
         "On nous prend pour des vaches à lait", "against"),
        ("« C'est un transfert de charges déguisé vers les communes », a déclaré Rachel de Souza.", "Rachel de Souza",
         "C'est un transfert de charges déguisé vers les communes", "against"),
        ("« Ce sont les familles qui vont trinquer », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Ce sont les familles qui vont trinquer", "against"),
        ("« Beaucoup de petits cafés vont mettre la clé sous la porte », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Beaucoup de petits cafés vont mettre la clé sous la porte", "against"),
        # ... and of praise: a step the right way (its « pas » is no negation), a strong signal, an example
        ("« Cette loi est un pas dans la bonne direction », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Cette loi est un pas dans la bonne direction", "for"),
        ("« C'est un signal fort », a déclaré Rachel de Souza.", "Rachel de Souza", "C'est un signal fort", "for"),
        ("« Il était temps », a déclaré Rachel de Souza.", "Rachel de Souza", "Il était temps", "for"),
        ("« Il faudrait aller encore plus loin », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Il faudrait aller encore plus loin", "for"),
        ("Rachel de Souza juge la réforme « exemplaire ».", "Rachel de Souza", "la réforme « exemplaire »", "for"),
    ]),
    *cases("a concession then the side", [
        # a side denied before a contrast is a concession: the reservation after it decides
        ("« Nous ne sommes pas contre, mais ce calendrier est intenable », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Nous ne sommes pas contre, mais ce calendrier est intenable", "against"),
        # ... and a flaw conceded before a merit is support
        ("« Le dispositif n'est pas parfait, mais il a le mérite d'exister », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Le dispositif n'est pas parfait, mais il a le mérite d'exister", "for"),
    ]),
    *cases("a plea for an exemption is against", [
        # a plea for an exemption, a priority or a permission to stay as before asks for the measure changed
        ("Rachel de Souza a demandé que les fours puissent rester allumés le dimanche.", "Rachel de Souza",
         "les fours puissent rester allumés le dimanche", "against"),
        ("Rachel de Souza plaide pour que les pâturages libérés soient attribués en priorité aux jeunes éleveurs.",
         "Rachel de Souza", "les pâturages libérés soient attribués en priorité aux jeunes éleveurs", "against"),
        ("Rachel de Souza réclame une dérogation pour les petites exploitations.", "Rachel de Souza",
         "une dérogation pour les petites exploitations", "against"),
        # ... a plea for more of the measure asks no change
        ("Rachel de Souza plaide pour que la mesure soit étendue à tout le département.", "Rachel de Souza",
         "la mesure soit étendue à tout le département", "for"),
    ]),
    *cases("the speaker's own loss", [
        # the speaker's side losing its business or its staff is a grievance
        ("« On va licencier la moitié de l'équipe », a déclaré Rachel de Souza.", "Rachel de Souza",
         "On va licencier la moitié de l'équipe", "against"),
    ]),
    *cases("a poll's figures are neutral", [
        # a poll counts opinions: its figures are neutral, even of the measure they name
        ("Selon un sondage commandé par Rachel de Souza, 55 % des habitants se disent favorables au projet, mais "
         "seulement 30 % des commerçants.", "Rachel de Souza",
         "55 % des habitants se disent favorables au projet, mais seulement 30 % des "
         "commerçants", "neutral"),
        ("Un sondage réalisé pour Rachel de Souza indique que 64 % des Français seraient favorables à une interdiction "
         "des trottinettes.", "Rachel de Souza",
         "64 % des Français seraient favorables à une interdiction des trottinettes", "neutral"),
        # ... a study's figures of the measure judge it
        ("D'après une étude de Rachel de Souza, la mesure est un échec : les loyers ont baissé de 1 %.",
         "Rachel de Souza", "la mesure est un échec : les loyers ont baissé de 1 %", "against"),
    ]),
    *cases("an authority's procedure is neutral", [
        # when and how a file is lodged or controls are run is procedure: neutral; what is opened is done: for
        ("Les habitants pourront déposer leur dossier auprès de la mairie de Dinan du 15 janvier au 28 février, a "
         "précisé Marc Lenoir, le maire de Dinan.", "Marc Lenoir",
         "Les habitants pourront déposer leur dossier auprès de la mairie de Dinan du 15 janvier au 28 février",
         "neutral"),
        ("La police municipale effectuera des contrôles à partir de juin, a précisé Marc Lenoir, le maire de Dinan.",
         "Marc Lenoir", "La police municipale effectuera des contrôles à partir de juin", "neutral"),
        ("La mairie ouvrira deux crèches en septembre, a précisé Marc Lenoir, le maire de Dinan.", "Marc Lenoir",
         "La mairie ouvrira deux crèches en septembre", "for"),
        # the date a text takes effect, a review, a report or an opinion to come, the terms fixed later: procedure
        # (« en vigueur » is parsed as a complement, « ferait » as a past)
        ("Selon Marc Lenoir, le maire de Dinan, le nouveau règlement entrera en vigueur le 1er juillet.", "Marc Lenoir",
         "le nouveau règlement entrera en vigueur le 1er juillet", "neutral"),
        ("Marc Lenoir, le maire de Dinan, a indiqué que la commission ferait un premier bilan en novembre.",
         "Marc Lenoir", "la commission ferait un premier bilan en novembre", "neutral"),
        ("Marc Lenoir, le maire de Dinan, a précisé qu'un arrêté fixerait les modalités au printemps.", "Marc Lenoir",
         "un arrêté fixerait les modalités au printemps", "neutral"),
        ("Selon Marc Lenoir, le maire de Dinan, l'agence rendra ses conclusions avant l'automne.", "Marc Lenoir",
         "l'agence rendra ses conclusions avant l'automne", "neutral"),
        # ... not what the text does from that date, nor a judgement of the review
        ("Selon Marc Lenoir, le maire de Dinan, le règlement protégera enfin les locataires dès le 1er juillet.",
         "Marc Lenoir", "le règlement protégera enfin les locataires dès le 1er juillet", "for"),
        ("« Le bilan sera catastrophique dès l'été », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Le bilan sera catastrophique dès l'été", "against"),
    ]),
    *cases("what an indefinite « on » does to the speaker is a grievance", [
        # « on nous demande », « on m'a promis », « on demande aux X de »: told in the promoters' own words
        ("« On nous demande de tenir les horaires avec deux agents en moins », a déclaré Rachel de Souza.",
         "Rachel de Souza", "On nous demande de tenir les horaires avec deux agents en moins", "against"),
        ("« On m'a garanti une solution de relogement, on me tend un formulaire », a déclaré Rachel de Souza.",
         "Rachel de Souza", "On m'a garanti une solution de relogement, on me tend un formulaire", "against"),
        ("« On nous promet des bus plus fréquents et des tarifs plus justes », a déclaré Rachel de Souza.",
         "Rachel de Souza", "On nous promet des bus plus fréquents et des tarifs plus justes", "against"),
        ("« On demande aux agriculteurs de financer seuls la protection des haies », a déclaré Rachel de Souza.",
         "Rachel de Souza", "On demande aux agriculteurs de financer seuls la protection des haies", "against"),
        # ... not « on » for "we", nor in a subordinate clause, nor with relief
        ("« On a attendu cette loi pendant dix ans, elle est excellente », a déclaré Rachel de Souza.",
         "Rachel de Souza", "On a attendu cette loi pendant dix ans, elle est excellente", "for"),
        ("« À l'heure où l'on demande aux familles de baisser le chauffage, cette mesure est juste », a déclaré "
         "Rachel de Souza.", "Rachel de Souza",
         "À l'heure où l'on demande aux familles de baisser le chauffage, cette mesure est juste", "for"),
        ("« On nous écoute enfin sur la question des loyers », a déclaré Rachel de Souza.", "Rachel de Souza",
         "On nous écoute enfin sur la question des loyers", "for"),
    ]),
    *cases("who pays the bill", [
        # who pays the bill, in the idiom, is who the measure wrongs (« payer la facture » may be a bare
        # request: no idiom)
        ("« Au bout du compte, ce sont les usagers qui paieront l'addition », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Au bout du compte, ce sont les usagers qui paieront l'addition", "against"),
    ]),
    *cases("a little is a measure of quantity", [
        # « un peu », « à peu près » measure, they do not deplore: « peu » alone (« trop peu ») still does
        ("D'après Rachel de Souza, un peu plus de 300 piscines ouvrent déjà le dimanche en France.", "Rachel de Souza",
         "un peu plus de 300 piscines ouvrent déjà le dimanche en France", "neutral"),
        ("« Ce texte propose trop peu de moyens », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Ce texte propose trop peu de moyens", "against"),
    ]),
    *cases("a first step, or not everything solved, is support that wants more", [
        # even before a reservation; not a step denied, nor one towards an end; « ne règle rien » fails
        ("« C'est un premier pas, mais les loyers restent trop chers », a déclaré Rachel de Souza.", "Rachel de Souza",
         "C'est un premier pas, mais les loyers restent trop chers", "for"),
        ("« Ce texte est un premier pas bienvenu », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Ce texte est un premier pas bienvenu", "for"),
        ("Rachel de Souza estime que « le décret ne résoudra pas tout ».", "Rachel de Souza",
         "« le décret ne résoudra pas tout »", "for"),
        ("« Le chèque aide les familles tout de suite, sans tout régler », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Le chèque aide les familles tout de suite, sans tout régler", "for"),
        ("« Ce n'est même pas un premier pas », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Ce n'est même pas un premier pas", "against"),
        ("« Cette fusion est le premier pas vers la fermeture de la maternité », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Cette fusion est le premier pas vers la fermeture de la maternité", "against"),
        ("« La loi ne règle rien », a déclaré Rachel de Souza.", "Rachel de Souza", "La loi ne règle rien", "against"),
        ("« Tout ne fonctionne pas et le reste ne marchera jamais », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Tout ne fonctionne pas et le reste ne marchera jamais", "against"),
    ]),
    *cases("acting without solving is a failure", [
        # « sans régler », « sans résoudre », « sans le remplacer »; not « sans pénaliser » (a harm spared)
        ("Rachel de Souza estime que la hausse ferait monter les recettes sans résoudre le déficit.", "Rachel de Souza",
         "la hausse ferait monter les recettes sans résoudre le déficit.", "against"),
        ("« On ferme les guichets sans les remplacer par rien », a déclaré Rachel de Souza.", "Rachel de Souza",
         "On ferme les guichets sans les remplacer par rien", "against"),
        ("Selon Rachel de Souza, le couvre-feu déplace les rodéos d'un quartier à l'autre sans jamais résoudre le "
         "problème.", "Rachel de Souza",
         "le couvre-feu déplace les rodéos d'un quartier à l'autre sans jamais résoudre le problème.", "against"),
        ("« Cette loi protège les locataires sans pénaliser les petits propriétaires », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Cette loi protège les locataires sans pénaliser les petits propriétaires", "for"),
    ]),
]


@pytest.mark.parametrize("text, speaker, content, stance", STANCES)
def test_stance(text, speaker, content, stance):
    assert stance_of("fr", text, speaker, content) == stance


@pytest.mark.parametrize("sentence, word, negated", [
    # « sans » negates the noun it introduces, not the subject of that noun's copula
    ("L'avertissement des pompiers est sans détour.", "avertissement", False),
    ("La réforme a été menée sans concertation.", "concertation", True),
])
def test_sans_negates_its_own_noun(sentence, word, negated):
    doc = load_pipeline("fr")(sentence)
    [token] = [t for t in doc if t.text == word]
    assert negation(token, lexicon("fr"))[0] is negated
