"""Stance rules by class of error (stance17), on sentences written for the test: each class is a construction
the rules read wrongly before, in French and English."""
from __future__ import annotations

import pytest

from policykg.loaders.nlp import load_pipeline
from policykg.loaders.extract import positions
from policykg.loaders.extract.stance_lexicon import lexicon
from policykg.loaders.extract.stance_predicates import good_harmed, own_harm, refused
from policykg.loaders.extract.stance_procedure import scheduled

from test_targets import Text, cases, stance_of


STANCES = [
    *cases("a document's figures are neutral", [
        # the figures of a study, a survey or an inspection take no side, whatever their words
        ("en", "A survey by the Road Users Trust found that 58 per cent of drivers ignored the warnings.",
         "Road Users Trust", "58 per cent of drivers ignored the warnings", "neutral"),
        ("en", "An inspection by the Care Board found that alarms had failed in 12 per cent of homes.",
         "Care Board", "alarms had failed in 12 per cent of homes", "neutral"),
        ("fr", "D'après une étude de l'Observatoire des loyers, 40 % des locataires peinent à payer leur loyer.",
         "Observatoire des loyers", "40 % des locataires peinent à payer leur loyer", "neutral"),
        ("en", "An evaluation by the Road Users Trust found that 40 per cent of drivers were unaware of the danger.",
         "Road Users Trust", "40 per cent of drivers were unaware of the danger", "neutral"),
        # ... but a figure of the measure judges it, and a figure with no document is still read
        ("fr", "D'après une note de l'Observatoire des loyers, la mesure est un échec : les loyers ont baissé de 1 %.",
         "Observatoire des loyers", "la mesure est un échec : les loyers ont baissé de 1 %", "against"),
        ("en", "\"This failure has cost 300 families their homes,\" said Maria Lopez.", "Maria Lopez",
         "This failure has cost 300 families their homes", "against"),
    ]),
    *cases("a wrong that has lasted too long", [
        # a wrong told as lasting too long, beside a measure debated, is the wrong it ends: for ...
        ("en", "The council approved a ban on cars in the high street. \"Shoppers have been choking on fumes for too "
         "long,\" said Maria Lopez.", "Maria Lopez", "Shoppers have been choking on fumes for too long", "for"),
        ("en", "Ministers announced a cap on payday loan fees. \"Lenders have exploited desperate families for far too "
         "long,\" said Maria Lopez.", "Maria Lopez", "Lenders have exploited desperate families for far too long",
         "for"),
        ("fr", "Le gouvernement annonce un plafonnement des frais bancaires. « Les banques ont abusé des clients fragiles "
         "depuis trop longtemps », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Les banques ont abusé des clients fragiles depuis trop longtemps", "for"),
        # ... but the measure's own wrong is a grievance
        ("en", "Ministers will scrap the parking levy. \"The levy has hurt small shops for too long,\" said Maria Lopez.",
         "Maria Lopez", "The levy has hurt small shops for too long", "against"),
        ("fr", "La commune va supprimer la taxe de séjour. « Cette taxe a pénalisé les hôteliers trop longtemps », a "
         "déclaré Rachel de Souza.", "Rachel de Souza", "Cette taxe a pénalisé les hôteliers trop longtemps", "against"),
    ]),
    *cases("legal challenges idioms no comment and double negation", [
        # a legal challenge is against what it challenges
        ("en", "The Tenants Union said it would seek a judicial review of the decision.", "Tenants Union",
         "it would seek a judicial review of the decision", "against"),
        ("en", "\"We will take legal action,\" said Maria Lopez.", "Maria Lopez", "We will take legal action",
         "against"),
        ("fr", "Rachel de Souza a indiqué que son association étudiait toutes les voies de recours.", "Rachel de Souza",
         "son association étudiait toutes les voies de recours", "against"),
        ("fr", "Rachel de Souza a annoncé qu'elle saisirait le Conseil constitutionnel si le texte passait.",
         "Rachel de Souza", "elle saisirait le Conseil constitutionnel si le texte passait", "against"),
        # ... and so are the idioms of a blow or of an insufficient remedy; relief is for
        ("en", "\"The closure is a hammer blow for the town,\" said Maria Lopez.", "Maria Lopez",
         "The closure is a hammer blow for the town", "against"),
        ("fr", "« Cette aide est une bouffée d'oxygène pour les éleveurs », a déclaré Rachel de Souza.",
         "Rachel de Souza", "Cette aide est une bouffée d'oxygène pour les éleveurs", "for"),
        ("fr", "« Cette taxe est une punition pour les familles », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Cette taxe est une punition pour les familles", "against"),
        # declining to comment takes no side
        ("en", "The Treasury said it would not comment on proposals from campaign groups.", "Treasury",
         "it would not comment on proposals from campaign groups", "neutral"),
        ("fr", "Rachel de Souza a dit qu'elle ne commenterait pas les critiques des syndicats.", "Rachel de Souza",
         "elle ne commenterait pas les critiques des syndicats", "neutral"),
        # refusing to vote against a measure is no refusal of it
        ("en", "Maria Lopez said her party would not vote against the bill.", "Maria Lopez",
         "her party would not vote against the bill", "for"),
        ("en", "Maria Lopez said her party would not vote for the bill.", "Maria Lopez",
         "her party would not vote for the bill", "against"),
    ]),
    *cases("apposition consultation and backing", [
        # a negator after a comma negates the apposition it opens, not the head before it
        ("en", "\"It is a sticking plaster, not a cure,\" said Maria Lopez.", "Maria Lopez",
         "It is a sticking plaster, not a cure", "against"),
        ("en", "\"The plan is a cure, not a sticking plaster,\" said Maria Lopez.", "Maria Lopez",
         "The plan is a cure, not a sticking plaster", "for"),
        # not being consulted is a grievance
        ("en", "Maria Lopez said its members had not been consulted.", "Maria Lopez",
         "its members had not been consulted", "against"),
        ("fr", "Rachel de Souza a affirmé que les parents n'avaient pas été consultés.", "Rachel de Souza",
         "les parents n'avaient pas été consultés", "against"),
        # "for" a measure is support after a verb of backing only, not after paying
        ("en", "Maria Lopez asked who would pay for the scheme.", "Maria Lopez", "who would pay for the scheme",
         "against"),
        ("en", "Maria Lopez said the party had campaigned for the bill.", "Maria Lopez",
         "the party had campaigned for the bill", "for"),
        ("fr", "Rachel de Souza a rappelé que son groupe avait voté pour le texte.", "Rachel de Souza",
         "son groupe avait voté pour le texte", "for"),
    ]),
    *cases("evaluative words", [
        # evaluative words the lexicon lacked
        ("fr", "Rachel de Souza juge la mesure « disproportionnée ».", "Rachel de Souza",
         "la mesure « disproportionnée »", "against"),
        ("fr", "Le député Marc Tessier juge la réforme « arbitraire ».", "Marc Tessier",
         "la réforme « arbitraire »", "against"),
        ("en", "Helen Ward said the new cap was arbitrary.", "Helen Ward", "the new cap was arbitrary", "against"),
        # "un premier pas": a noun with its determiner, no negator on the cue
        ("fr", "La présidente de l'association, Claire Aubry, salue « un premier pas » vers des trains à l'heure.",
         "Claire Aubry", "« un premier pas » vers des trains à l'heure", "for"),
        ("fr", "« Cette taxe est un gadget », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Cette taxe est un gadget", "against"),
        ("en", "\"Patients have been let down by this scheme,\" said Maria Lopez.", "Maria Lopez",
         "Patients have been let down by this scheme", "against"),
        ("en", "\"The fine is disproportionate,\" said Maria Lopez.", "Maria Lopez", "The fine is disproportionate",
         "against"),
    ]),
    *cases("worth difference and futility", [
        # what a measure is worth, or the difference it makes: for, and against negated or belittled
        ("en", "Maria Lopez said the cap would not make a difference.", "Maria Lopez",
         "the cap would not make a difference", "against"),
        ("en", "Maria Lopez said the scheme was not worth the money.", "Maria Lopez",
         "the scheme was not worth the money", "against"),
        ("en", "Maria Lopez said the scheme was worth every penny.", "Maria Lopez", "the scheme was worth every penny",
         "for"),
        ("en", "Maria Lopez said the scheme was a drop in the ocean.", "Maria Lopez",
         "the scheme was a drop in the ocean", "against"),
        ("fr", "Rachel de Souza estime que la mesure vaut la peine.", "Rachel de Souza", "la mesure vaut la peine",
         "for"),
        ("fr", "Rachel de Souza estime que la mesure est une goutte d'eau.", "Rachel de Souza",
         "la mesure est une goutte d'eau", "against"),
        ("fr", "Rachel de Souza estime que la taxe ne changera pas grand-chose.", "Rachel de Souza",
         "la taxe ne changera pas grand-chose", "against"),
        ("fr", "Rachel de Souza estime que la réforme fonctionne rarement.", "Rachel de Souza",
         "la réforme fonctionne rarement", "against"),
        ("fr", "Rachel de Souza estime que la loi n'a servi à rien.", "Rachel de Souza", "la loi n'a servi à rien",
         "against"),
    ]),
    *cases("what a measure will cost is a figure", [
        # what a measure will cost, with no one who pays it, is a figure; what it costs someone judges it
        ("en", "The Treasury said the scheme would cost £40m over four years.", "Treasury",
         "the scheme would cost £40m over four years", "neutral"),
        ("en", "Maria Lopez said the scheme would cost the local economy £40m a year.", "Maria Lopez",
         "the scheme would cost the local economy £40m a year", "against"),
        ("en", "Maria Lopez said the scheme would cost families £400 a year.", "Maria Lopez",
         "the scheme would cost families £400 a year", "against"),
    ]),
    *cases("support that asks for more", [
        # support, then a wish after "but", asks for more: for; a reservation after it is against
        ("en", "Maria Lopez said her group backed the levy but wanted the money spent on parks.", "Maria Lopez",
         "her group backed the levy but wanted the money spent on parks", "for"),
        ("fr", "Rachel de Souza a dit qu'elle soutenait la mesure mais souhaitait que les recettes aillent aux écoles.",
         "Rachel de Souza", "elle soutenait la mesure mais souhaitait que les recettes aillent aux écoles", "for"),
        ("en", "Maria Lopez said her group backed the levy but the details depended on the council.", "Maria Lopez",
         "her group backed the levy but the details depended on the council", "against"),
    ]),
    *cases("urged to go further", [
        # urging someone to go further asks for more of the measure: for it
        ("en", "Maria Lopez urged the council to go further and ban cars from the old town.", "Maria Lopez",
         "the council to go further and ban cars from the old town", "for"),
        ("fr", "Rachel de Souza a exhorté le gouvernement à aller plus loin et à taxer les jets privés.",
         "Rachel de Souza",
         "le gouvernement à aller plus loin et à taxer les jets privés", "for"),
    ]),
    *cases("a plea for a change is against", [
        # a plea for the measure put off, narrowed, paid for by others, replaced or set a condition first: against
        ("fr", "Rachel de Souza plaide pour un délai de deux ans avant l'entrée en vigueur de la taxe.",
         "Rachel de Souza", "un délai de deux ans avant l'entrée en vigueur de la taxe", "against"),
        ("fr", "Rachel de Souza réclame que l'État prenne en charge l'intégralité du coût des travaux.",
         "Rachel de Souza", "l'État prenne en charge l'intégralité du coût des travaux", "against"),
        ("fr", "Rachel de Souza demande que les communes qui ont acheté des bornes soient remboursées.",
         "Rachel de Souza", "les communes qui ont acheté des bornes soient remboursées", "against"),
        ("fr", "Rachel de Souza plaide pour que les petits commerces soient exclus du champ de la loi.",
         "Rachel de Souza", "les petits commerces soient exclus du champ de la loi", "against"),
        ("fr", "Rachel de Souza plaide pour que ces études soient publiées avant le vote du Sénat.", "Rachel de Souza",
         "ces études soient publiées avant le vote du Sénat", "against"),
        ("fr",
         "Rachel de Souza demande que la formation soit confiée à des formateurs agréés et non à des plateformes.",
         "Rachel de Souza", "la formation soit confiée à des formateurs agréés et non à des plateformes", "against"),
        ("fr", "Rachel de Souza plaide pour que les loyers impayés soient retirés du champ de la loi.",
         "Rachel de Souza", "les loyers impayés soient retirés du champ de la loi", "against"),
        ("en", "Maria Lopez called for the decision to be paused.", "Maria Lopez", "the decision to be paused",
         "against"),
        ("en", "Maria Lopez called for the levy to be scrapped.", "Maria Lopez", "the levy to be scrapped", "against"),
        ("en", "Maria Lopez demanded that small shops be exempted from the rules.", "Maria Lopez",
         "small shops be exempted from the rules", "against"),
        ("en", "Maria Lopez demanded that councils be compensated for the cost of the scheme.", "Maria Lopez",
         "councils be compensated for the cost of the scheme", "against"),
        # ... a plea for the measure, or more of it, is for it; a plural noun is no change asked
        ("fr", "Rachel de Souza réclame l'adoption rapide de la loi.", "Rachel de Souza", "l'adoption rapide de la loi",
         "for"),
        ("fr", "Rachel de Souza réclame que la mesure s'applique également aux artisans.", "Rachel de Souza",
         "la mesure s'applique également aux artisans", "for"),
        ("fr", "Rachel de Souza réclame une mise en œuvre dans les meilleurs délais.", "Rachel de Souza",
         "une mise en œuvre dans les meilleurs délais", "for"),
        ("en", "Maria Lopez called for the rules to apply to vans as well.", "Maria Lopez",
         "the rules to apply to vans as well", "for"),
        # ... and a fact about a measure undone is no plea
        ("en", "Maria Lopez said bonuses fell by 12 per cent after the cap was lifted.", "Maria Lopez",
         "bonuses fell by 12 per cent after the cap was lifted", "neutral"),
    ]),
    *cases("a regret of a shortfall and a question after support", [
        # a regret that the measure leaves something out asks for more of it: for
        ("fr", "Rachel de Souza salue une décision courageuse, mais regrette que les meublés ne soient pas concernés.",
         "Rachel de Souza", "les meublés ne soient pas concernés", "for"),
        ("fr", "Rachel de Souza regrette que les recettes ne financent pas aussi les bus.", "Rachel de Souza",
         "les recettes ne financent pas aussi les bus", "for"),
        ("en", "Maria Lopez regretted that vans were not covered by the ban.", "Maria Lopez",
         "vans were not covered by the ban", "for"),
        # support conceded, then a question: the doubt decides
        ("en", "Maria Lopez welcomed the permits but asked how the council would stop people parking on the verges.",
         "Maria Lopez", "how the council would stop people parking on the verges", "against"),
        ("en", "Maria Lopez backed the plans but questioned how they would be enforced.", "Maria Lopez",
         "how they would be enforced", "against"),
    ]),
    *cases("a measure carried out is for it", [
        # a measure carried out (its verb with the policy as object) is for it, as one undone is against it
        ("en", "Maria Lopez said her group would table a motion to restore the cap.", "Maria Lopez",
         "her group would table a motion to restore the cap", "for"),
        ("fr", "Rachel de Souza a annoncé qu'elle déposerait un amendement pour prolonger le dispositif.",
         "Rachel de Souza", "elle déposerait un amendement pour prolonger le dispositif", "for"),
        # ... and refused, against
        ("en", "Maria Lopez said the council would not extend the scheme.", "Maria Lopez",
         "the council would not extend the scheme", "against"),
        ("fr", "Rachel de Souza a annoncé que la région ne financerait pas la mesure.", "Rachel de Souza",
         "la région ne financerait pas la mesure", "against"),
    ]),
    *cases("opposition denied then a reservation", [
        # opposition denied, then a clause after a contrast: a concession, then the reservation
        ("fr", "Rachel de Souza ne conteste pas l'objectif, mais juge que « ce n'est pas aux enseignants de payer les "
         "erreurs du ministère ».", "Rachel de Souza", "ce n'est pas aux enseignants de payer les erreurs du ministère",
         "against"),
        ("en", "Maria Lopez said the group was not against the bypass but that the valley was the wrong place.",
         "Maria Lopez", "the group was not against the bypass but that the valley was the wrong place", "against"),
        # ... not a correction, with no clause after the contrast
        ("en", "Maria Lopez said the scheme was not a failure but a success.", "Maria Lopez",
         "the scheme was not a failure but a success", "for"),
        ("fr", "Rachel de Souza estime que la réforme n'est pas un échec mais une réussite.", "Rachel de Souza",
         "la réforme n'est pas un échec mais une réussite", "for"),
    ]),
    *cases("what will no longer be allowed", [
        # what will no longer be allowed, in the future (French future stems included), tells what a measure ends
        ("en", "Maria Lopez said fans will no longer be able to resell tickets for more than they paid.", "Maria Lopez",
         "fans will no longer be able to resell tickets for more than they paid", "for"),
        ("fr", "Rachel de Souza a confirmé que les loyers ne pourront plus dépasser un plafond fixé par la ville.",
         "Rachel de Souza", "les loyers ne pourront plus dépasser un plafond fixé par la ville", "for"),
        # ... not the conditional, a hypothesis
        ("fr", "Rachel de Souza a affirmé que les loyers ne pourraient plus dépasser un plafond fixé par la ville.",
         "Rachel de Souza", "les loyers ne pourraient plus dépasser un plafond fixé par la ville", "neutral"),
    ]),
    *cases("a wrong put right", [
        # a word of criticism a verb of remedy puts right is a wrong fought: for what remedies it
        ("fr", "Selon Rachel de Souza, la réforme corrigera des injustices criantes entre les quartiers.",
         "Rachel de Souza", "la réforme corrigera des injustices criantes entre les quartiers", "for"),
        ("fr", "« Il s'agit de mettre fin à un sentiment d'injustice chez les locataires », a dit Rachel de Souza.",
         "Rachel de Souza", "Il s'agit de mettre fin à un sentiment d'injustice chez les locataires", "for"),
        ("en", "Maria Lopez said the bill would tackle the problem of unfair fees.", "Maria Lopez",
         "the bill would tackle the problem of unfair fees", "for"),
        # ... unless the remedy is denied
        ("en", "Maria Lopez said the bill would not tackle the problem of unfair fees.", "Maria Lopez",
         "the bill would not tackle the problem of unfair fees", "against"),
    ]),
    *cases("no proposal and no ban", [
        # a measure someone could carry out, or one carried out as a fact, is no proposal; a forecast is no ban
        ("en", "John Smith said Mary Jones could back the plan.", "John Smith", "Mary Jones could back the plan",
         "neutral"),
        ("en", "Maria Lopez said cars will no longer use the square.", "Maria Lopez",
         "cars will no longer use the square", "neutral"),
    ]),
    *cases("review pleas doubting questions and commitment", [
        # a plea for a review or an evaluation of the measure asks it changed or judged first: against it (stance21)
        ("en", "The Farmers Union called for an independent review of the scheme.", "Farmers Union",
         "for an independent review of the scheme", "against"),
        ("fr", "Rachel de Souza a réclamé une évaluation de la taxe.", "Rachel de Souza", "une évaluation de la taxe",
         "against"),
        # a reported question casts doubt on the good it asks about: against, whatever its words of success
        ("en", "Maria Lopez questioned whether the tax would free up any homes at all.", "Maria Lopez",
         "whether the tax would free up any homes at all", "against"),
        # "committed" is support only when committed to something; a crime committed is none
        ("en", "Maria Lopez said the council was committed to the cap.", "Maria Lopez",
         "the council was committed to the cap", "for"),
    ]),
    *cases("too as also", [
        # "too" on a verb means "also": a wish for more, no excess (stance21) ...
        ("en", "Maria Lopez said her party would not oppose the cap but wanted it to cover vans too.", "Maria Lopez",
         "her party would not oppose the cap but wanted it to cover vans too", "for"),
        # ... "too" on an adjective or an adverb is excess
        ("en", "Maria Lopez said the fines were too high.", "Maria Lopez", "the fines were too high", "against"),
        ("en", "Maria Lopez said the council had gone too far.", "Maria Lopez", "the council had gone too far",
         "against"),
    ]),
    *cases("another speaker's verb is no frame", [
        # an evaluative verb of another speaker's clause ("A warned ..., while B said ...") is no frame of B's
        # (stance21)
        ("en", "Drivers warned that the toll would hurt commuters, while Maria Lopez said a road toll was overdue.",
         "Maria Lopez", "a road toll was overdue", "for"),
        # ... the speaker's own evaluative verb before a contrast still frames the content
        ("en", "The Tenants Union welcomed the cap but said it would not help everyone.", "Tenants Union",
         "it would not help everyone", "against"),
    ]),
    *cases("an authority telling a safeguard is for", [
        # an authority telling a safeguard of its measure in words that read negative is for it (stance22r)
        ("en", "The Health Department said no patient would be charged if the clinic moved.", "Health Department",
         "no patient would be charged if the clinic moved", "for"),
        ("en", "The Transport Department said small hauliers would be exempt from the toll.", "Transport Department",
         "small hauliers would be exempt from the toll", "for"),
        # ... not a loss told by someone with no authority
        ("en", "The Hauliers Association said no haulier would be spared by the toll.", "Hauliers Association",
         "no haulier would be spared by the toll", "neutral"),
        ("fr", "Le préfet du Gard, Didier Martin, a précisé qu'aucune exploitation ne perdrait ses aides.",
         "Didier Martin", "aucune exploitation ne perdrait ses aides", "for"),
        ("fr", "Le préfet du Gard, Didier Martin, a précisé que les petites communes resteront exonérées de la taxe.",
         "Didier Martin", "les petites communes resteront exonérées de la taxe", "for"),
    ]),
    *cases("a plea for an alternative is against the measure", [
        # a plea for a new thing the measure's name does not name asks for an alternative: against the measure
        ("en",
         "The night flight cap was approved by the council on Monday. Maria Lopez called for a full curfew at the "
         "airport.", "Maria Lopez", "for a full curfew at the airport", "against"),
        ("fr",
         "Le plafonnement des loyers entre en vigueur lundi. Rachel de Souza plaide pour une aide aux locataires.",
         "Rachel de Souza", "pour une aide aux locataires", "against"),
        # ... the measure itself, or more of it, is asked for
        ("fr",
         "Le plafonnement des loyers entre en vigueur lundi. Rachel de Souza plaide pour un plafonnement durable.",
         "Rachel de Souza", "pour un plafonnement durable", "for"),
        ("fr", "Le plafonnement des loyers entre en vigueur lundi. Rachel de Souza réclame des contrôles plus "
         "fréquents.",
         "Rachel de Souza", "des contrôles plus fréquents", "for"),
    ]),
    *cases("an alternative put in the measure's place is against it", [
        # "instead" / « plutôt » on the verb of the content or of the plea: something proposed in the measure's place
        ("en", "The council will close two libraries next year. Maria Lopez said the money should go to the branches "
         "with the most visitors instead.", "Maria Lopez",
         "the money should go to the branches with the most visitors instead", "against"),
        ("en", "Ministers plan a tax on private jets. Maria Lopez urged them to expand rail links to the airports "
         "instead.", "Maria Lopez", "them to expand rail links to the airports instead", "against"),
        ("fr", "La mairie va fermer la piscine en hiver. Rachel de Souza propose plutôt de réduire les horaires "
         "d'ouverture.", "Rachel de Souza", "de réduire les horaires d'ouverture", "against"),
        ("fr", "Le département veut supprimer la ligne de bus. « Il faudrait plutôt augmenter la fréquence des "
         "passages », estime Rachel de Souza.", "Rachel de Souza",
         "Il faudrait plutôt augmenter la fréquence des passages", "against"),
        # a new thing praised by comparison, in the conditional, is an alternative too
        ("en", "The council will ban fireworks in parks. Maria Lopez said a licensing system for displays would be "
         "safer.", "Maria Lopez", "a licensing system for displays would be safer", "against"),
        ("fr", "La ville veut interdire les trottinettes. Rachel de Souza estime qu'une limitation de vitesse serait plus "
         "efficace.", "Rachel de Souza", "une limitation de vitesse serait plus efficace", "against"),
        # ... not a comparison, nor « plutôt » grading an adjective, nor the measure itself compared
        ("en", "The council will ban fireworks in parks. Maria Lopez said the ban would make the parks safer.",
         "Maria Lopez", "the ban would make the parks safer", "for"),
        ("fr", "La mairie va fermer la piscine en hiver. Rachel de Souza se dit plutôt favorable à ce projet.",
         "Rachel de Souza", "plutôt favorable à ce projet", "for"),
        ("en", "Ministers plan a tax on private jets. Maria Lopez said the tax would fund trains instead of roads.",
         "Maria Lopez", "the tax would fund trains instead of roads", "for"),
        ("en", "Ministers plan a tax on private jets. Maria Lopez said the tax was instead a fair contribution.",
         "Maria Lopez", "the tax was instead a fair contribution", "for"),
    ]),
    *cases("a step asked before any of the measure is against it", [
        # a trial, a study or a consultation asked for before any of the measure: a condition first, against
        ("en", "Ministers plan to fit speed limiters to all buses. Maria Lopez called for a trial on two routes "
         "before any wider rollout.", "Maria Lopez", "for a trial on two routes", "against"),
        ("fr", "La région veut rendre la cantine obligatoire. Rachel de Souza se dit « favorable à une consultation "
         "des familles avant toute obligation ».", "Rachel de Souza",
         "favorable à une consultation des familles avant toute obligation", "against"),
        # ... but a step the measure's author announces asks for nothing
        ("en", "The Department for Transport said the trial would be reviewed before any decision on buses.",
         "Department for Transport", "the trial would be reviewed before any decision on buses", "neutral"),
    ]),
    *cases("urging to take the measure up is for it", [
        # urging a party to take the measure up is for it, to look at it again against it
        ("en", "The rent cap was approved in Leeds. Maria Lopez urged other councils to look at the cap.",
         "Maria Lopez", "other councils to look at the cap", "for"),
        ("en", "The rent cap was approved in Leeds. Maria Lopez urged the council to look again at the cap.",
         "Maria Lopez", "the council to look again at the cap", "against"),
        ("en", "The rent cap was proposed in Leeds. Maria Lopez urged ministers to bring in the cap before winter.",
         "Maria Lopez", "ministers to bring in the cap before winter", "for"),
    ]),
    *cases("a burden to come announces no measure", [
        # a loss or a burden to come, told by an authority, announces no measure; of one's own members, a grievance
        ("fr", "Le maire de Vals, Didier Martin, a prévenu que la commune perdra un tiers de ses recettes.",
         "Didier Martin", "la commune perdra un tiers de ses recettes", "neutral"),
        ("fr", "« Nos artisans vont payer pour aller travailler », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Nos artisans vont payer pour aller travailler", "against"),
        # ... what will be done is announced
        ("fr", "Le maire de Vals, Didier Martin, a prévenu que la commune fermera la piscine en mai.",
         "Didier Martin", "la commune fermera la piscine en mai", "for"),
    ]),
    *cases("criticism rebutted is a defence", [
        # criticism answered or rejected is a defence of what is criticised
        ("fr", "Rachel de Souza a répondu aux critiques en affirmant que la taxe paierait les nouveaux bus.",
         "Rachel de Souza", "la taxe paierait les nouveaux bus", "for"),
        ("en", "Maria Lopez rejected the criticism and said the levy would be spent on buses.", "Maria Lopez",
         "the levy would be spent on buses", "for"),
        # ... rejecting the measure is against it
        ("en", "Maria Lopez rejected the levy and said it would be spent on roads.", "Maria Lopez",
         "it would be spent on roads", "against"),
    ]),
    *cases("a sum the measure adds is a cost", [
        # a sum the measure would add is a cost against it; what it adds that is no sum says nothing
        ("en", "Maria Lopez said the levy would add £90 a year to the average rent.", "Maria Lopez",
         "the levy would add £90 a year to the average rent", "against"),
        ("fr", "Rachel de Souza a dit que la taxe ajouterait 80 euros à chaque facture.", "Rachel de Souza",
         "la taxe ajouterait 80 euros à chaque facture", "against"),
        ("en", "Maria Lopez said the levy would add a new line to the form.", "Maria Lopez",
         "the levy would add a new line to the form", "neutral"),
    ]),
    *cases("a body telling its own work on a measure", [
        # a body with no authority telling its own work on a measure takes no side by that alone
        ("en", "The visa cap was announced on Monday. The Care Providers Association said its members relied on "
         "nurses from abroad.", "Care Providers Association", "its members relied on nurses from abroad", "neutral"),
        # ... an authority telling its own work on it presents it
        ("en", "The visa cap was announced on Monday. The Home Office said its officers checked every application.",
         "Home Office", "its officers checked every application", "for"),
    ]),
    *cases("an expletive ne and praise conceded in the frame", [
        # a bare « ne » under a word of fear is expletive: no negation
        ("fr", "Rachel de Souza craint que la taxe ne pousse les éleveurs à abandonner leurs troupeaux.",
         "Rachel de Souza", "la taxe ne pousse les éleveurs à abandonner leurs troupeaux", "against"),
        # ... and praise in the frame before a contrast is conceded: the fear after it decides
        ("fr", "Rachel de Souza salue une avancée mais craint que la taxe ne pousse les éleveurs à abandonner leurs "
         "troupeaux.", "Rachel de Souza", "la taxe ne pousse les éleveurs à abandonner leurs troupeaux", "against"),
    ]),
    *cases("procedure and reach are neutral", [
        # an official's step of procedure at a date, and a measure's reach in figures, are neutral
        ("en", "Camden Council said the bylaw will have its second reading in January.", "Camden Council",
         "the bylaw will have its second reading in January", "neutral"),
        ("en", "The Home Office said the regulations will be laid before Parliament in the spring.", "Home Office",
         "the regulations will be laid before Parliament in the spring", "neutral"),
        ("en", "Camden Council said it will hold a public meeting on March 4.", "Camden Council",
         "it will hold a public meeting on March 4", "neutral"),
        ("en", "Camden Council said the rules will apply to about 80 flats.", "Camden Council",
         "the rules will apply to about 80 flats", "neutral"),
    ]),
    *cases("both sides' figures are neutral", [
        # the figures of both sides are neutral; one side's figure alone is still read
        ("en", "The Resolution Trust said 52% backed the plan and 39% opposed it.", "Resolution Trust",
         "52% backed the plan and 39% opposed it", "neutral"),
        ("en", "Maria Lopez said 58% supported a summer ban, while 35% were opposed.", "Maria Lopez",
         "58% supported a summer ban, while 35% were opposed", "neutral"),
        ("en", "Maria Lopez said 58% supported a summer ban.", "Maria Lopez", "58% supported a summer ban", "for"),
    ]),
    *cases("a side declared in the first person", [
        # a side declared in the first person decides, whatever the condition or the clause around it
        ("en", "\"If this keeps the lorries out of the village, I'm for it,\" said Maria Lopez.", "Maria Lopez",
         "If this keeps the lorries out of the village, I'm for it", "for"),
        ("en", "\"We are against it, whatever the council says,\" said Maria Lopez.", "Maria Lopez",
         "We are against it, whatever the council says", "against"),
        ("en", "\"I'm not for it,\" said Maria Lopez.", "Maria Lopez", "I'm not for it", "against"),
    ]),
    *cases("a criticism of proportion", [
        # "out of all proportion" is a criticism, as "disproportionate" is
        ("en", "\"The fine is out of all proportion,\" said Maria Lopez.", "Maria Lopez",
         "The fine is out of all proportion", "against"),
        ("fr", "« Cette amende est hors de proportion », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Cette amende est hors de proportion", "against"),
    ]),
    *cases("praise of those a measure hits", [
        # praise of those a measure hits makes the blow unjust: against
        ("en", "Maria Lopez said the rule would penalise honest landlords.", "Maria Lopez",
         "the rule would penalise honest landlords", "against"),
        ("en", "Maria Lopez said the council was punishing responsible owners for the mistakes of a few.",
         "Maria Lopez", "the council was punishing responsible owners for the mistakes of a few", "against"),
    ]),
    *cases("a reach in figures and a date of application", [
        # a reach in figures is neutral, but a date of application is an announcement
        ("en", "Camden Council said the ban will apply on about 10 to 15 days a year.", "Camden Council",
         "the ban will apply on about 10 to 15 days a year", "neutral"),
        ("en", "Camden Council said the charge will apply from 2027.", "Camden Council",
         "the charge will apply from 2027", "for"),
    ]),
    *cases("a measure that comes late was wanted sooner (stance26)", [
        # lateness said of the measure, or a verdict with no subject, is for it
        ("fr", "Marie Dupont juge que la loi arrive avec quinze ans de retard.", "Marie Dupont",
         "la loi arrive avec quinze ans de retard", "for"),
        ("fr", "Paul Martin juge que ce décret vient trop tard.", "Paul Martin", "ce décret vient trop tard", "for"),
        ("fr", "Marie Dupont estime que la mesure arrive bien tard.", "Marie Dupont", "la mesure arrive bien tard",
         "for"),
        ("fr", "Marie Dupont a jugé la réforme « nécessaire, mais tardive ».", "Marie Dupont",
         "nécessaire, mais tardive", "for"),
        ("en", "Maria Lopez called the rule \"sensible but late\".", "Maria Lopez", "sensible but late", "for"),
        ("en", "Tom Baker said the ban had come years late.", "Tom Baker", "the ban had come years late", "for"),
        # lateness conceded before "but" is no praise that a reservation follows
        ("en", "Maria Lopez said the cap came late, but it came.", "Maria Lopez", "the cap came late, but it came",
         "for"),
        # the lateness of anything else, or what comes later, is not
        ("fr", "Marie Dupont craint que les patients retardent leurs soins jusqu'à ce qu'il soit trop tard.",
         "Marie Dupont", "les patients retardent leurs soins jusqu'à ce qu'il soit trop tard", "against"),
        ("fr", "Paul Martin déplore le retard des paiements aux agriculteurs.", "Paul Martin",
         "le retard des paiements aux agriculteurs", "against"),
        ("fr", "Paul Martin a expliqué que les résultats seraient connus plus tard.", "Paul Martin",
         "les résultats seraient connus plus tard", "neutral"),
        ("en", "Maria Lopez said the trains were late every morning.", "Maria Lopez",
         "the trains were late every morning", "neutral"),
    ]),
    *cases("a right stated for everyone is for the measure that secures it (stance26)", [
        # "nobody should have to", « aucun X ne devrait »: a norm for all, not a reproach
        ("en", "Maria Lopez said nobody should have to sleep in a car to keep a job.", "Maria Lopez",
         "nobody should have to sleep in a car to keep a job", "for"),
        ("fr", "Paul Martin estime qu'aucune famille ne devrait dormir dans sa voiture.", "Paul Martin",
         "aucune famille ne devrait dormir dans sa voiture", "for"),
        ("fr", "Paul Martin estime que personne ne doit renoncer à se soigner faute d'argent.", "Paul Martin",
         "personne ne doit renoncer à se soigner faute d'argent", "for"),
        # the norm broken by a measure it names, and what someone must not do, are against
        ("fr", "Paul Martin estime qu'aucun commerçant ne devrait payer cette taxe.", "Paul Martin",
         "aucun commerçant ne devrait payer cette taxe", "against"),
        ("en", "Maria Lopez said the council should not close the library.", "Maria Lopez",
         "the council should not close the library", "against"),
        ("en", "Maria Lopez said no one should be above the law.", "Maria Lopez", "no one should be above the law",
         "neutral"),
    ]),
    *cases("what is no longer acceptable must end (stance26)", [
        # « ce n'est plus acceptable » of the state of things is for the change
        ("fr", "« Des enfants dorment dans la rue chaque nuit. Ce n'est plus acceptable », a déclaré Paul Martin.",
         "Paul Martin", "Des enfants dorment dans la rue chaque nuit. Ce n'est plus acceptable", "for"),
        ("fr", "Paul Martin estime qu'il n'est plus raisonnable de laisser les nappes se vider.", "Paul Martin",
         "il n'est plus raisonnable de laisser les nappes se vider", "for"),
        ("en", "Maria Lopez said it was no longer acceptable that patients wait two years for surgery.",
         "Maria Lopez", "it was no longer acceptable that patients wait two years for surgery", "for"),
        # said of the measure, or "not acceptable", it is against
        ("fr", "Paul Martin estime que la réforme n'est plus acceptable.", "Paul Martin",
         "la réforme n'est plus acceptable", "against"),
        ("fr", "Paul Martin estime que cette taxe n'est pas acceptable.", "Paul Martin",
         "cette taxe n'est pas acceptable", "against"),
        ("en", "Maria Lopez said the scheme was no longer reliable.", "Maria Lopez",
         "the scheme was no longer reliable", "against"),
        # a verb no longer done is a failure
        ("fr", "Paul Martin estime que la loi n'est plus respectée dans les quartiers.", "Paul Martin",
         "la loi n'est plus respectée dans les quartiers", "against"),
    ]),
    *cases("a demand that the measure reach further", [
        # a demand worded to add to the measure ("also", "as well", "the same") asks for more of it: for ...
        ("en", "The council approved a ban on cars in the high street. Maria Lopez welcomed the ban but said it should "
         "also cover the side streets.", "Maria Lopez", "it should also cover the side streets", "for"),
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez said the cap should apply to rent-to-own shops "
         "as well.", "Maria Lopez", "the cap should apply to rent-to-own shops as well", "for"),
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez urged ministers to also cap overdraft charges.",
         "Maria Lopez", "ministers to also cap overdraft charges", "for"),
        ("en", "The council approved a ban on cars in the high street. Maria Lopez said delivery vans must be covered "
         "too.", "Maria Lopez", "delivery vans must be covered too", "for"),
        ("fr", "Le gouvernement annonce un plafonnement des frais bancaires. Rachel de Souza réclame que le plafond "
         "s'applique également aux banques en ligne.", "Rachel de Souza",
         "le plafond s'applique également aux banques en ligne", "for"),
        # ... not a question about it, an exemption asked, excess, or criticism first
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez asked why the cap should apply to credit "
         "unions in the same way.", "Maria Lopez", "why the cap should apply to credit unions in the same way",
         "against"),
        ("en", "The council approved a ban on cars in the high street. Maria Lopez criticised the ban and said it should "
         "also have been put to residents first.", "Maria Lopez", "it should also have been put to residents first",
         "against"),
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez said small lenders should also be exempt.",
         "Maria Lopez", "small lenders should also be exempt", "neutral"),
        ("fr", "Le gouvernement annonce un plafonnement des frais bancaires. Rachel de Souza estime que les petites "
         "banques devraient aussi être exonérées.", "Rachel de Souza",
         "les petites banques devraient aussi être exonérées", "neutral"),
    ]),
    *cases("support conceded then a change asked", [
        # support or no opposition, then after "but" a plea for a delay, an exemption, a review or a step before the
        # measure comes in: the change is the reservation, against ...
        ("en", "The council approved a ban on cars in the high street. Maria Lopez said she backed the aim but wanted "
         "delivery firms to be exempt.", "Maria Lopez", "she backed the aim but wanted delivery firms to be exempt",
         "against"),
        ("en", "Ministers announced a cap on payday loan fees. Tom Baker said his association did not oppose the cap but "
         "wanted a transition period of a year.", "Tom Baker",
         "his association did not oppose the cap but wanted a transition period of a year", "against"),
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez said her party would not block the cap but "
         "wanted an independent review after eighteen months.", "Maria Lopez",
         "her party would not block the cap but wanted an independent review after eighteen months", "against"),
        ("en", "The council approved a ban on cars in the high street. Maria Lopez said she supported the principle but "
         "asked for the costs to be published before the ban came in.", "Maria Lopez",
         "she supported the principle but asked for the costs to be published before the ban came in", "against"),
        ("fr", "Le gouvernement annonce un plafonnement des frais bancaires. Rachel de Souza a indiqué qu'elle "
         "soutenait l'objectif mais souhaitait que les petites banques soient exonérées.", "Rachel de Souza",
         "elle soutenait l'objectif mais souhaitait que les petites banques soient exonérées", "against"),
        # ... not more of it, sooner, its money spent well, or a change refused
        ("en", "The council approved a ban on cars in the high street. Maria Lopez said she backed the ban but wanted "
         "it in force before the summer holidays begin.", "Maria Lopez",
         "she backed the ban but wanted it in force before the summer holidays begin", "for"),
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez said she supported the cap but wanted the "
         "fines to fund debt advice.", "Maria Lopez", "she supported the cap but wanted the fines to fund debt advice",
         "for"),
        ("en", "Ministers announced a cap on payday loan fees. Maria Lopez said she supported the cap but did not want "
         "any delay.", "Maria Lopez", "she supported the cap but did not want any delay", "for"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, stance", STANCES)
def test_stance(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance


def test_declining_to_comment_is_not_aligned_with_the_speakers_other_statements():
    """A speaker against a measure in one statement who declines to comment in the next stays neutral there."""
    text = Text("The ban on fireworks divides Ashby. Maria Lopez said the ban on fireworks was a disgrace. She said "
                "she would not comment on the ban on fireworks any further.", "en")
    first = text.statement("Maria Lopez", "the ban on fireworks was a disgrace")
    second = text.statement("Maria Lopez", "she would not comment on the ban on fireworks any further")
    assert [s.stance for s in text.run(first, second)] == ["against", "neutral"]


@pytest.mark.parametrize("language, text, content, step", [
    # bare procedure and timing: a step of the calendar to come, at a date or for a time
    ("en", "The Treasury said applications would open in March.", "applications would open in March", True),
    ("en", "The Treasury said the consultation would run for six weeks.", "the consultation would run for six weeks",
     True),
    ("en", "The Treasury said it expected to take a decision next spring.",
     "it expected to take a decision next spring", True),
    ("fr", "Rachel de Souza a indiqué qu'une réunion avec les maires serait organisée en février.",
     "une réunion avec les maires serait organisée en février", True),
    # a vote or a ruling to come at a date is procedure too
    ("en", "The Treasury said MPs would vote on the levy in October.", "MPs would vote on the levy in October", True),
    ("en", "Maria Lopez said the tribunal will rule on the appeal next week.",
     "the tribunal will rule on the appeal next week", True),
    ("fr", "Rachel de Souza a indiqué que le conseil municipal se prononcera sur le projet en septembre.",
     "le conseil municipal se prononcera sur le projet en septembre", True),
    ("fr", "Rachel de Souza a indiqué que les députés voteront le texte en avril.",
     "les députés voteront le texte en avril", False),  # its object: what is voted, no bare step
    # ... not a step that runs out, what is done at that date, or a measure presented
    ("en", "Maria Lopez said the fund would run out within weeks.", "the fund would run out within weeks", False),
    ("en", "The Treasury said it would open two clinics in May.", "it would open two clinics in May", False),
    ("en", "The Treasury said a scheme that would add a charge will start in May.",
     "a scheme that would add a charge will start in May", False),
])
def test_procedure_and_timing_is_a_step_of_the_calendar(language, text, content, step):
    article = Text(text, language)
    start = text.index(content)
    span = article.doc.char_span(start, start + len(content), alignment_mode="expand")
    assert scheduled(span, lexicon(language)) is step


@pytest.mark.parametrize("sentence, own", [
    # a harm the speaker suffers, in the first person singular, is a grievance; one told of others may not be
    ("I have already had three cancellations since Monday.", True),
    ("I have had two cancellations this month.", True),
    ("Complaints about litter have doubled in a year.", False),
    ("We have had three complaints about litter this week.", False),
])
def test_a_harm_of_ones_own(sentence, own):
    assert own_harm(load_pipeline("en")(sentence)[:], lexicon("en")) is own


@pytest.mark.parametrize("sentence, good", [
    # praise of those a verb of detriment hits: an unjust blow; praise elsewhere is praise
    ("The rule would penalise honest landlords.", True),
    ("Honest landlords would welcome the rule.", False),
])
def test_praise_of_those_a_detriment_hits(sentence, good):
    doc = load_pipeline("en")(sentence)
    assert any(good_harmed(t, lexicon("en")) for t in doc) is good


@pytest.mark.parametrize("language, sentence, verb, failure", [
    # a failure supposed ("if it does not work, we will say so") is no failure told; one told is
    ("en", "If the scheme does not work, we will review it.", "work", False),
    ("en", "The scheme will not work.", "work", True),
    ("fr", "Si le dispositif ne fonctionne pas, nous le dirons.", "fonctionne", False),
    ("fr", "Le dispositif ne fonctionne pas.", "fonctionne", True),
])
def test_a_failure_supposed_is_no_failure(language, sentence, verb, failure):
    lex = lexicon(language)
    [token] = [t for t in load_pipeline(language)(sentence) if t.text == verb]
    assert refused(token, lex, lex.success) is failure


@pytest.mark.parametrize("language, text, said, figure, side", [
    # a campaigner's figure argues their case; a body that takes no side keeps its figure neutral
    ("en", 'Tom Baxter called the library closures "short-sighted". He said 1,200 children borrowed books there '
           'every week. Tom Baxter also accused the council of "giving up on reading". The Office for National '
           'Statistics said 18 per cent of adults had visited a library last year.',
     [("Tom Baxter", 'the library closures "short-sighted"'), ("Tom Baxter", 'the council of "giving up on reading"')],
     [("Tom Baxter", "1,200 children borrowed books there every week", "against"),
      ("Office for National Statistics", "18 per cent of adults had visited a library last year", "neutral")],
     "against"),
    ("fr", "Rachel de Souza a salué « une excellente nouvelle » pour les cyclistes. Rachel de Souza a aussi "
           "félicité la mairie pour « un choix courageux ». Le pont a été construit au XIXe siècle. Les travaux "
           "commenceront au printemps. D'après Rachel de Souza, 40 % des habitants traversent le pont à vélo.",
     [("Rachel de Souza", "« une excellente nouvelle » pour les cyclistes"),
      ("Rachel de Souza", "la mairie pour « un choix courageux »")],
     [("Rachel de Souza", "40 % des habitants traversent le pont à vélo", "for")],
     "for"),
])
def test_a_figure_takes_the_side_its_speaker_takes_elsewhere(monkeypatch, language, text, said, figure, side):
    def run() -> list[str]:
        article = Text(text, language)
        statements = [article.statement(speaker, content) for speaker, content in said] + [
            article.statement(speaker, content) for speaker, content, _ in figure]
        found = article.run(*statements)
        assert [s.stance for s in found[:len(said)]] == [side] * len(said)
        return [s.stance for s in found[len(said):]]

    assert run() == [stance for _, _, stance in figure]
    monkeypatch.setattr(positions, "FIGURE_SIDE_MIN", 99)
    assert run()[0] == "neutral"  # the figure alone reads neutral: the speaker's other statements decide
