"""French speakers told by a role, a channel or a medium: « l'adjointe » named before, « par la voix de X », « au micro de
France Y »; sentences written for these tests."""
from __future__ import annotations

from test_statements_fr_news import said

LEAD = ("Les cantines proposeront un plat sans viande chaque midi, a annoncé lundi l’adjointe à l’éducation, "
        "Claire Fontaine.\n\n")


def test_a_deputy_mayor_named_before_is_the_speaker_of_the_bare_role():
    found = said(LEAD + "« Trop de viande finit à la poubelle », a expliqué l’adjointe.")
    assert found[-1] == ("Claire Fontaine", "Trop de viande finit à la poubelle")


def test_a_radio_after_the_role_is_where_it_spoke_not_who():
    found = said(LEAD + "« Trop de viande finit à la poubelle », a expliqué l’adjointe au micro de Radio Vallée Bleue.")
    assert found[-1] == ("Claire Fontaine", "Trop de viande finit à la poubelle")


def test_a_name_after_a_role_with_no_comma_is_still_the_role_holder():
    assert said("« Il faut agir vite », a déclaré le maire de Lyon Grégory Doucet.") == [("Grégory Doucet", "Il faut agir vite")]


def test_the_person_a_body_speaks_through_is_the_speaker():
    found = said("L’opposition municipale, par la voix de Marc Lenoir, a répondu que « rien n’a été chiffré ».")
    assert [who for who, _ in found] == ["Marc Lenoir"]
