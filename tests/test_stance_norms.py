"""Norms and their scope (stance44): which negated obligation is a right the measure secures and which a reproach
of what someone does, on sentences written for the test, each with a near miss."""
from __future__ import annotations

import pytest

from test_targets import cases, stance_of

NORMS = [
    *cases("a right denied to anyone, a singular indefinite, is for the measure that secures it", [
        ("en", "\"A bus driver should not need a food bank to get through the month,\" said Maria Lopez.",
         "Maria Lopez", "A bus driver should not need a food bank to get through the month", "for"),
        ("en", "Maria Lopez said a pensioner should never have to choose between heating and eating.", "Maria Lopez",
         "a pensioner should never have to choose between heating and eating", "for"),
        ("fr", "« Un apprenti ne doit pas dormir dans sa voiture pour garder son poste », a déclaré Paul Martin.",
         "Paul Martin", "Un apprenti ne doit pas dormir dans sa voiture pour garder son poste", "for"),
        ("fr", "Paul Martin estime qu'une infirmière ne devrait plus payer son parking à l'hôpital.", "Paul Martin",
         "une infirmière ne devrait plus payer son parking à l'hôpital", "for"),
        # near misses: a named group must not bear something, a measure named, an obligation not negated
        ("en", "\"Bus drivers should not pay for the council's mistakes,\" said Maria Lopez.", "Maria Lopez",
         "Bus drivers should not pay for the council's mistakes", "against"),
        ("en", "\"A bus driver should not pay this levy,\" said Maria Lopez.", "Maria Lopez",
         "A bus driver should not pay this levy", "against"),
        ("fr", "« Les apprentis ne doivent pas payer les erreurs de la mairie », a déclaré Paul Martin.",
         "Paul Martin", "Les apprentis ne doivent pas payer les erreurs de la mairie", "against"),
        ("fr", "Paul Martin estime qu'une infirmière ne devrait pas payer cette taxe.", "Paul Martin",
         "une infirmière ne devrait pas payer cette taxe", "against"),
    ]),
]



STARTS = [
    *cases("a measure called a start is support that asks for more", [
        ("en", "\"The levy is a good start, but bus fares are still far too high,\" said Maria Lopez.", "Maria Lopez",
         "The levy is a good start, but bus fares are still far too high", "for"),
        ("en", "Maria Lopez said the curfew was a start but would not stop the dealers on its own.", "Maria Lopez",
         "the curfew was a start but would not stop the dealers on its own", "for"),
        ("fr", "« La taxe est un bon début, mais les loyers restent beaucoup trop chers », a déclaré Paul Martin.",
         "Paul Martin", "La taxe est un bon début, mais les loyers restent beaucoup trop chers", "for"),
        # near misses: a start towards what is feared, a start date, no start at all
        ("en", "\"The levy is a good start towards closing the depot, and that would be a disaster,\" said "
         "Maria Lopez.",
         "Maria Lopez", "The levy is a good start towards closing the depot, and that would be a disaster",
         "against"),
        ("en", "Maria Lopez said a start date for the works would be announced in June.", "Maria Lopez",
         "a start date for the works would be announced in June", "neutral"),
        ("en", "Maria Lopez said families had waited for a start date since the spring.", "Maria Lopez",
         "families had waited for a start date since the spring", "neutral"),
        ("en", "Maria Lopez said the levy made it harder for young bakers to get a start in the trade.", "Maria Lopez",
         "the levy made it harder for young bakers to get a start in the trade", "against"),
        ("fr", "« La taxe arrive trop vite, et les loyers restent beaucoup trop chers », a déclaré Paul Martin.",
         "Paul Martin", "La taxe arrive trop vite, et les loyers restent beaucoup trop chers", "against"),
    ]),
]



NEEDS = [
    *cases("the money or staff a measure needs is an objection, its absence a reassurance", [
        ("en", "Maria Lopez said schools would need extra funding to run the breakfast clubs.", "Maria Lopez",
         "schools would need extra funding to run the breakfast clubs", "against"),
        ("en", "Maria Lopez said libraries needed more staff to keep the late openings going.", "Maria Lopez",
         "libraries needed more staff to keep the late openings going", "against"),
        # near misses: no need of money, and time given rather than resources asked
        ("en", "Maria Lopez said schools would not need extra funding to run the breakfast clubs.", "Maria Lopez",
         "schools would not need extra funding to run the breakfast clubs", "for"),
        ("en", "Maria Lopez said the new clubs would give children more time to eat.", "Maria Lopez",
         "the new clubs would give children more time to eat", "neutral"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, stance", NORMS + STARTS + NEEDS)
def test_the_rules_read_the_side_of_each_class(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance
