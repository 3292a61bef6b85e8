"""Who speaks for a body in English news style (round 29), on sentences written for these tests: a ministry named
again by a description ("the transport department") or as "the government", a consultation that speaks for the body
that held it, and a person's office, which speaks for the person."""
from __future__ import annotations

import pytest

from test_statements_en_press import said


@pytest.mark.parametrize("text, who", [
    ("Buses will run all night from May, the Department for Transport said. Drivers are worried.\n\n"
     "The transport department said the trial would last a year.", "Department for Transport"),
    ("Museums will charge for entry, the Department for Culture, Media and Sport said. Visitors are angry.\n\n"
     "The culture department said the charge would be reviewed.", "Department for Culture, Media and Sport"),
    ("Anglers will need a licence, the Department for Environment, Food and Rural Affairs said. Clubs are angry.\n\n"
     "The government said the money would pay for fish surveys.", "Department for Environment, Food and Rural Affairs"),
])
def test_a_ministry_named_again(text: str, who: str) -> None:
    """"the transport department" and "the government" after a ministry's full name: that ministry."""
    assert said(text)[-1][0] == who


def test_the_government_with_no_ministry_named_stays_the_government() -> None:
    assert said("Buses will run all night from May. The government said the trial would last a year.")[-1][0] \
        == "government"


def test_a_consultation_speaks_for_the_body_that_held_it() -> None:
    text = ("Dog walkers in Harwell will be limited to four dogs, after Harwell Town Council voted on Monday. "
            "Owners are angry.\n\nAccording to the council's own consultation, 64% of those who replied backed a limit.")
    assert said(text)[-1][0] == "Harwell Town Council"


@pytest.mark.parametrize("text, who", [
    ("Parking fees will double in Harwell. Jane Orme, the town's MP, opposed the rise. Jane Orme's office said she "
     "had written to the council.", "Jane Orme"),
    ("Parking fees will double in Harwell. The mayor, Tom Pike, backed the rise. His office said the money would "
     "fund buses.", "Tom Pike"),
    ("Parking fees will double in Harwell. The United Nations Children's Fund's regional office said the fees "
     "hurt families.", "United Nations Children's Fund"),
])
def test_an_office_speaks_for_its_holder(text: str, who: str) -> None:
    assert said(text)[-1][0] == who


def test_a_party_named_with_its_nation_is_no_place() -> None:
    """"Reform UK": a capitalised word inside the sentence before "UK" opens a body's name the place closes."""
    for text in ("Water bills will rise by 8% in Harwell from June.\n\nLabour and Reform UK said the rise was unfair.",
                 "Water bills will rise by 8% in Harwell from June.\n\nThe Greens and Reform UK said the rise was unfair."):
        assert said(text) == [("Reform UK", "the rise was unfair.")]


@pytest.mark.parametrize("text, who", [
    ("The Welsh Conservatives said the plan was rushed.", "Welsh Conservatives"),
    ("The plan was rushed, the Conservatives said.", "Conservative Party"),
    ("In March the Conservatives said the plan was rushed.", "Conservative Party"),
    ("Keir Starmer's Labour said the plan was fair.", "Labour Party"),
])
def test_a_word_in_capitals_before_a_known_party_names_its_branch(text: str, who: str) -> None:
    """"The Welsh Conservatives": a proper noun the NER left unnamed before a known party names another body."""
    assert said(text)[-1][0] == who


@pytest.mark.parametrize("text, who", [
    ("A quarry will open at Ravens Edge near Harwell. Families on the Moorside estate near Harwell said the dust "
     "would reach their homes.", "Families on the Moorside estate"),
    ("A quarry will open at Ravens Edge near Harwell. Tenants in Station Road near the works said the lorries "
     "would shake their homes.", "Tenants in Station Road"),
    ("A quarry will open at Ravens Edge near Harwell. Members of the Harwell Civic Society said the plan was "
     "rushed.", "Members of the Harwell Civic Society"),
])
def test_a_group_is_told_by_one_place(text: str, who: str) -> None:
    """A second phrase that places the first ("near Harwell") is no part of the group's label."""
    assert said(text)[-1][0] == who


@pytest.mark.parametrize("text, who", [
    ("A quarry will open at Ravens Edge. Tenants on an estate in Harwell said the lorries would shake their homes.",
     "Tenants on an estate in Harwell"),
    ("A quarry will open at Ravens Edge. Relatives of people with chronic asthma said the dust would harm them.",
     "Relatives of people with chronic asthma"),
    ("A quarry will open at Ravens Edge. Residents of the nearby village of Harwell said the dust would harm them.",
     "Residents of the nearby village of Harwell"),
])
def test_a_second_phrase_that_names_the_place_or_the_people_stays_in_the_groups_label(text: str, who: str) -> None:
    """"in X", "of X", "with X" after the first phrase name the place or say who the people are (round 32); "near X"
    only places them (the test above)."""
    assert said(text)[-1][0] == who
