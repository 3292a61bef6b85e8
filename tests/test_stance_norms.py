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


@pytest.mark.parametrize("language, text, speaker, content, stance", NORMS)
def test_norms(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance

