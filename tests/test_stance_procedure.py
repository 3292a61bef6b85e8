"""Bare procedure, timing and reach take no side (docs/gold-format.md, Officials and facts; stance44b): sentences
written for the test, each with a near miss where a side must still be read."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.stance_lexicon import lexicon
from policykg.loaders.extract.stance_procedure import procedural

from test_targets import Text, cases, stance_of

MINISTRY_EN = "The Home Office"
MINISTRY_FR = "Le Ministère de l'Intérieur"

STANCES = [
    *cases("a measure whose name reads negative, told a date or a review", [
        # the polar words only name the subject of a step of the calendar or of a review to come: neutral ...
        ("fr", f"{MINISTRY_FR} a indiqué que les fermetures entreront en vigueur au printemps.",
         "Ministère de l'Intérieur", "les fermetures entreront en vigueur au printemps", "neutral"),
        ("fr", f"{MINISTRY_FR} a indiqué que le moratoire entrera en vigueur dès la publication de l'arrêté, et qu'un "
         "premier bilan sera présenté dans deux ans.", "Ministère de l'Intérieur",
         "le moratoire entrera en vigueur dès la publication de l'arrêté, et qu'un premier bilan sera présenté dans "
         "deux ans", "neutral"),
        ("fr", f"{MINISTRY_FR} a indiqué que l'interdiction des fumigènes sera révisée après trois saisons.",
         "Ministère de l'Intérieur", "l'interdiction des fumigènes sera révisée après trois saisons", "neutral"),
        # ... but a judgement said of the measure in its verb or its complement is read
        ("fr", f"{MINISTRY_FR} a indiqué que les fermetures ruineront les commerçants au printemps.",
         "Ministère de l'Intérieur", "les fermetures ruineront les commerçants au printemps", "against"),
        ("fr", f"{MINISTRY_FR} a indiqué que l'interdiction des fumigènes sera un échec dans deux ans.",
         "Ministère de l'Intérieur", "l'interdiction des fumigènes sera un échec dans deux ans", "against"),
        ("en", f"{MINISTRY_EN} said the ban on street drinking would fail within two years.", "Home Office",
         "the ban on street drinking would fail within two years", "against"),
    ]),
    *cases("a debate to come is procedure, not an announcement", [
        ("en", f"{MINISTRY_EN} said the ban on street drinking will be debated by MPs in the new year.", "Home Office",
         "the ban on street drinking will be debated by MPs in the new year", "neutral"),
        # the authority telling what it will do still announces its measure
        ("en", f"{MINISTRY_EN} said it will ban street drinking in the new year.", "Home Office",
         "it will ban street drinking in the new year", "for"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, stance", STANCES)
def test_stance(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance


@pytest.mark.parametrize("language, text, content, lexical, bare", [
    # a debate to come at a date; a review to come of the measure, in the passive too
    ("fr", "Rachel de Souza a indiqué que le texte sera débattu au Sénat en mars.",
     "le texte sera débattu au Sénat en mars", "neutral", True),
    ("fr", "Rachel de Souza a indiqué que le dispositif sera réexaminé lors du prochain budget.",
     "le dispositif sera réexaminé lors du prochain budget", "neutral", True),
    ("en", "Maria Lopez said the council would review the scheme.", "the council would review the scheme",
     "neutral", True),
    # ... not a review of every case, what the measure does
    ("en", "Maria Lopez said inspectors will review every new sign.", "inspectors will review every new sign",
     "neutral", False),
    ("fr", "Rachel de Souza a indiqué qu'une commission examinerait chaque dossier de logement.",
     "une commission examinerait chaque dossier de logement", "neutral", False),
    # a present tells what is, no step to come
    ("en", "Maria Lopez said most bakeries already open on Sundays.", "most bakeries already open on Sundays",
     "neutral", False),
    # polar words in the subject alone are the measure's name; in the verb they judge it
    ("en", "Maria Lopez said the rules against ticket fraud would be reviewed after two years.",
     "the rules against ticket fraud would be reviewed after two years", "against", True),
    ("en", "Maria Lopez said the rules would be reviewed after two years of fraud.",
     "the rules would be reviewed after two years of fraud", "against", False),
])
def test_procedure_is_read_past_the_measure_s_name(language, text, content, lexical, bare):
    article = Text(text, language)
    start = text.index(content)
    span = article.doc.char_span(start, start + len(content), alignment_mode="expand")
    assert procedural(span, lexicon(language), lexical) is bare
