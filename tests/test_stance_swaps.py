"""Stance sides swapped on the batch of round 22 (stance27), by class of error, on sentences written for the
test: a claim rejected is denied (a defence of what it attacks), a measure's money that pays for something is its
use, and the clause of another speaker joined by a semicolon is no frame of this one."""
from __future__ import annotations

import pytest

from test_targets import cases, stance_of


STANCES = [
    *cases("a rejected claim is denied", [
        # rejecting the opponents' claim of a harm defends the measure; the clause of the claim is denied
        ("en", "Maria Lopez said she was open to talks but rejected claims that shoppers would go elsewhere.",
         "Maria Lopez", "she was open to talks but rejected claims that shoppers would go elsewhere", "for"),
        ("en", "Maria Lopez rejected claims that the toll would drive shoppers away.", "Maria Lopez",
         "the toll would drive shoppers away", "for"),
        ("fr", "Rachel de Souza a rejeté les affirmations selon lesquelles la taxe pénaliserait les commerçants.",
         "Rachel de Souza", "la taxe pénaliserait les commerçants", "for"),
        ("fr", "Rachel de Souza a déclaré que la taxe pénaliserait les commerçants.", "Rachel de Souza",
         "la taxe pénaliserait les commerçants", "against"),
        # rejecting the backers' claim of a benefit is against the measure (the clause hung on the verb by the parser)
        ("fr", "Rachel de Souza rejette l'idée selon laquelle la mesure préserverait la confidentialité des échanges.",
         "Rachel de Souza", "la mesure préserverait la confidentialité des échanges", "against"),
        # rejecting a claim of success denies the success
        ("en", "Maria Lopez said the council rejected claims that the curfew had been a success.", "Maria Lopez",
         "the council rejected claims that the curfew had been a success", "against"),
        # a claim not rejected is no denial
        ("en", "Maria Lopez repeated warnings that the toll would drive shoppers away.", "Maria Lopez",
         "warnings that the toll would drive shoppers away", "against"),
    ]),
    *cases("the money of a measure pays for its use", [
        # the measure's money paying for something is its use
        ("en", "Maria Lopez said the money would repair the pier and pay for extra buses.", "Maria Lopez",
         "the money would repair the pier and pay for extra buses", "for"),
        # people paying for something is a burden borne
        ("en", "Maria Lopez said families would pay for the council's mistakes.", "Maria Lopez",
         "families would pay for the council's mistakes", "against"),
    ]),
    *cases("praise of what works already is no support", [
        # praise of what works already, other than the measure, is no support of it
        ("en", "Maria Lopez said the volunteers have already been very effective.", "Maria Lopez",
         "the volunteers have already been very effective", "neutral"),
        ("en", "Maria Lopez said the volunteers have been very effective.", "Maria Lopez",
         "the volunteers have been very effective", "for"),
        # the measure's own success so far is
        ("en", "Maria Lopez said the ban had already been a success.", "Maria Lopez",
         "the ban had already been a success", "for"),
    ]),
    *cases("a clause after a semicolon is another speaker's", [
        ("en", "Maria Lopez said the money would repair the pier; hauliers warned that firms would move their depots.",
         "Maria Lopez", "the money would repair the pier", "neutral"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, stance", STANCES)
def test_stance(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance
