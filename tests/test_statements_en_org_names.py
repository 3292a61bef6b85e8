"""English organisations' names the small NER or the parse cut to a fragment (round 24), on sentences written for
these tests: a complement that lists capitalised words ("for Parks, Heritage and Tourism"), an institution's head
word with its complement ("HM Inspectorate of Schools"), a post's possessive opening an office's name ("the Mayor's
Office"), capitalised words joined by "and" before a body's noun ("the Porters and Drivers Union"); and the lists
of several bodies or people that stay apart."""
from __future__ import annotations

import pytest

from test_statements_en_press import said


@pytest.mark.parametrize("text, who", [
    ("The new levy would apply to every landlord, the Department for Parks, Heritage and Tourism said.",
     "Department for Parks, Heritage and Tourism"),
    ("The Ministry of Housing, Transport and Local Roads said the target stood.",
     "Ministry of Housing, Transport and Local Roads"),
    ("The Society for Music, Dance and Drama, which runs the festival, said tickets were sold out.",
     "Society for Music, Dance and Drama"),
])
def test_a_listed_complement_runs_the_name_on(text: str, who: str) -> None:
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text", [
    "The Department for Transport, Kelmarsh Rail and Vantor Trains said the line would reopen.",
    "The Union of Northern Ports, France and Spain said the vote was fair.",
])
def test_a_list_of_other_bodies_is_no_complement(text: str) -> None:
    """Another body's or a place's name the NER found after the comma is no item of the complement."""
    found = said(text)
    assert found and all("," not in w for w, _ in found)


def test_an_institution_word_takes_its_complement() -> None:
    text = "Is the scheme working? HM Inspectorate of Schools said in its report that two academies were failing."
    assert [w for w, _ in said(text)] == ["HM Inspectorate of Schools"]


@pytest.mark.parametrize("text, who", [
    ("The Mayor's Office said the parade would go ahead.", "Mayor's Office"),
    ("The Children's Commissioner's Office said the report was alarming.", "Children's Commissioner's Office"),
])
def test_a_posts_possessive_opens_an_offices_name(text: str, who: str) -> None:
    assert [w for w, _ in said(text)] == [who]


def test_a_companys_possessive_is_no_part_of_its_bodys_name() -> None:
    assert [w for w, _ in said("Brightwell's Safety Council said the parade would go ahead.")] == ["Safety Council"]


def test_capitalised_words_joined_before_a_bodys_noun_are_its_name() -> None:
    text = "A spokesperson for the Nurses and Midwives Union said the offer was poor."
    assert [w for w, _ in said(text)] == ["Nurses and Midwives Union"]


def test_two_bodies_joined_by_and_stay_apart() -> None:
    assert [w for w, _ in said("Marlow Foods and Greenwood Dairies said prices would rise.")] == ["Marlow Foods"]
