"""Where an English statement starts and ends, and what is no statement at all (PolNeAR precision, round 17): a
quotation resumed after a sentence about its speaker, and an excerpt signed by a byline. Sentences written for these tests."""
from __future__ import annotations

from test_statements_en_press import said


def test_quotation_resumed_after_a_sentence_about_its_speaker_is_one_statement():
    found = said("“I am more skilled with my hands than with my head,” said Robin Maynard, a welder at the plant. "
                 "He has worked there for 24 years. “But I like working with my hands.”")
    assert found == [("Robin Maynard",
                      "I am more skilled with my hands than with my head But I like working with my hands.")]


def test_quotation_after_a_sentence_about_someone_else_is_theirs():
    found = said("“The new tax will hurt farms,” said Robin Maynard. Helen Marsh, the local mayor, disagrees with him. "
                 "“It will help the town.”")
    assert ("Helen Marsh", "It will help the town.") in found
    assert ("Robin Maynard", "The new tax will hurt farms") in found


def test_name_cut_off_its_sentence_does_not_start_a_statement():
    found = said("“Nobody better came into the race,” said Air Force 1st Lt. Tyler Livingston. "
                 "“I was hoping we would see something else.”")
    assert len(found) == 1
    assert found[0][1].endswith("something else.")


def test_excerpt_signed_by_a_byline_is_no_statement():
    text = ('NOW OPEN—"Art show strives to confront gentrification," by The Daily\'s Eddie Small: "Curators of an art '
            'show in the South Bronx are determined to confront the fears of the area."')
    assert said(text) == []


def test_name_before_a_colon_still_speaks():
    assert said('Senator John Baker: "We will not pass this bill without a vote on the tax."') == [
        ("John Baker", "We will not pass this bill without a vote on the tax.")]
