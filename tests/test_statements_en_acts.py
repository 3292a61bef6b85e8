"""English statements with no reported clause, the act itself the statement (round 25), on sentences written for
these tests: a verb of judgement ("welcomed", "backed", "opposed", "supported", "endorsed", "rejected") and its
object, which is what the speaker judged; not a pronoun object, a relative clause about the speaker, nor a person.
Round 26: not an act in a clause of condition or question, nor one a verb of saying reports; an act followed by a
coordinated cue ("welcomed the cap but said ...") is a statement of its own."""
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


@pytest.mark.parametrize("text", [
    "Nobody asked whether the tenants' union supported the levy.",
    "If the Cyclists' Alliance backed the route, the council would build it.",
    "Unless the Fishermen's Guild endorses the quota, the minister will wait.",
])
def test_no_act_in_a_clause_of_condition_or_question(text: str) -> None:
    assert [content for _, content in said(text)] == []


@pytest.mark.parametrize("text, expected", [
    ("Ms Okri said the council supports the new depot.", [("Okri", "the council supports the new depot.")]),
    ("Mr Tallis said he had doubts about the timetable but backs the scheme.",
     [("Tallis", "he had doubts about the timetable")]),
])
def test_an_act_reported_by_a_verb_of_saying_is_part_of_its_statement(text: str, expected: list) -> None:
    assert said(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Dairy Guild welcomed the cap but said it came too late.",
     [("Dairy Guild", "the cap but said it came too late.")]),
    ("The Rivers Trust backed the ban and urged anglers to report spills.",
     [("Rivers Trust", "the ban and urged anglers to report spills.")]),
    ("The Ferry Users' Group welcomed the timetable and endorsed the new fares.",
     [("Ferry Users' Group", "the timetable and endorsed the new fares.")]),
    # near misses: another speaker's cue, or the same speaker's in the next sentence, is a statement of its own
    ("The Dairy Guild welcomed the cap, but the Hill Farmers' Union said it came too late.",
     [("Dairy Guild", "the cap"), ("Hill Farmers' Union", "it came too late.")]),
    ("The Dairy Guild welcomed the cap. It said the cap came too late.",
     [("Dairy Guild", "the cap."), ("Dairy Guild", "the cap came too late.")]),
])
def test_an_act_coordinated_with_a_later_cue_of_its_speaker_is_one_statement(text: str, expected: list) -> None:
    """"welcomed the cap but said ...": the object and what follows in the clause are one statement
    (docs/gold-format.md, a verb of stance with the measure as its object)."""
    assert said(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Cycling UK, the national cycling charity, accused ministers of "chasing headlines" at a time when few people are hurt.',
     [("Cycling UK", 'ministers of "chasing headlines" at a time when few people are hurt.')]),
    ('The Liberal Democrats, who opposed the scheme, accused ministers of wasting public money.',
     [("Liberal Democrats", "ministers of wasting public money.")]),
    ("Its chair, Rosa Delgado, accused councillors of rushing the vote; the council denied it.",
     [("Rosa Delgado", "councillors of rushing the vote")]),
    ("The wrongly accused ministers of the old regime were freed on Monday.", []),
    ("The accused ministers of the former government denied any wrongdoing.", []),
])
def test_a_charge_the_parse_read_as_an_adjective(text: str, expected: list) -> None:
    """"X, Y, accused ministers of ...": the small parse makes "accused" an adjective of "ministers" and leaves the
    sentence with no verb; after an aside or a name, with "of" and a gerund, it is the cue. After a determiner or an
    adverb it is an adjective."""
    assert said(text) == expected
