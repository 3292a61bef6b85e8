"""English statements with no reported clause, the act itself the statement (round 25), on sentences written for
these tests: a verb of judgement ("welcomed", "backed", "opposed", "supported", "endorsed", "rejected") and its
object, which is what the speaker judged; not a pronoun object, a relative clause about the speaker, nor a person."""
from __future__ import annotations

import pytest

from test_statements_en_press import said


@pytest.mark.parametrize("text, who, content", [
    ("The Federation of Builders also backed the plans.", "Federation of Builders", "the plans."),
    ("The Wildlife Trust welcomed the order.", "Wildlife Trust", "the order."),
    ("The Ramblers strongly opposed the move.", "Ramblers", "the move."),
    ("The mayor rejected the criticism.", "The mayor", "the criticism."),
    ("Stand Up To Litter welcomed the fines.", "Stand Up To Litter", "the fines."),
])
def test_the_object_of_a_verb_of_judgement_is_the_statement(text: str, who: str, content: str) -> None:
    assert said(text) == [(who, content)]


@pytest.mark.parametrize("text", [
    "Residents who oppose the plan will meet on Monday.",
    "The party backed Smith in the leadership race.",
    "She rejected it.",
    "The Ramblers would not support the move.",
    "The Ramblers are expected to oppose the plan.",
    "Voters are supporting the plan.",
    "Not all landlords oppose the cap.",
    "The Ramblers did not endorse the route.",
    "The Ramblers backed Helen Marsh in the primary.",
    "Walkers Reject The Idea Of A Toll\n\nThe toll was dropped.",
])
def test_no_act_statement_without_a_judged_object(text: str) -> None:
    assert said(text) == []


def test_a_relative_clause_describes_the_speaker() -> None:
    assert said("Mr Hale, who backed the scheme last year, said it was working.") == [("Hale", "it was working.")]
