"""Where an English statement starts and ends, and what is no statement at all (PolNeAR precision, rounds 17-18): a
quotation resumed after a sentence about its speaker, an excerpt signed by a byline, "according to" inside an aside;
one report that two cues read (a split quotation under "according to", a participle's quotation before the cue); a
clause after a colon whose subject only mentions a name ("The challenge for X is steep: ...").
Sentences written for these tests."""
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


def test_according_to_inside_brackets_reports_the_words_before_it_in_them():
    found = said("White states like Iowa (93 percent of voters there were white, according to exit polls), "
                 "New Hampshire and Ohio top the list.")
    assert [content for _, content in found] == ["93 percent of voters there were white"]


def test_according_to_opening_an_aside_between_dashes_reports_what_follows_it():
    found = said("After the attack, the minister blamed a video while — according to emails released by the Home Office — "
                 "knowing the video had no part in it.")
    assert [content for _, content in found] == ["knowing the video had no part in it."]


def test_according_to_beside_a_figure_between_dashes_reports_the_sentence():
    found = said("Most voters - 63 percent in 2014, according to the National Academies - still believe immigration is "
                 "good for the country.")
    assert [content.endswith("still believe immigration is good for the country.") for _, content in found] == [True]


def test_according_to_after_a_closed_aside_reports_the_whole_clause():
    found = said("The group - a charity - has 34 members, according to its website - and more.")
    assert [content for _, content in found] == ["The group - a charity - has 34 members"]


def test_quotation_opening_a_clause_after_a_colon_keeps_the_clause():
    assert said("Helen Marsh: ‘Of Course’ the New Tax Is Fair to Farmers") == [
        ("Helen Marsh", "‘Of Course’ the New Tax Is Fair to Farmers")]


def test_excerpt_under_a_quoted_title_with_a_verb_is_no_statement():
    text = ('CITY BEAT—"A new director for the museum, a job of balancing history with crowds," by The Daily Courier’s '
            'Jo Bell: "Ms. Grant, 48, has not led a museum before. She spent years as a fundraiser."')
    assert said(text) == []


def test_statement_by_a_name_before_a_colon_still_speaks():
    assert said('A statement by Jo Bell: "We will fight the cuts in court."') == [("Jo Bell", "We will fight the cuts in court.")]


def test_quoted_term_before_with_and_a_name_is_no_title():
    found = said('Senator Ann Hale contrasted the mayor, whom she described as "rash," with Jo Bell: "What I have seen '
                 'working with Jo Bell is a steady hand."')
    assert "What I have seen working with Jo Bell is a steady hand." in [content for _, content in found]


# --- round 18: one report read by two cues -------------------------------------------------------------------


def test_split_quotation_under_according_to_is_one_statement():
    found = said("“The levy will close three schools,” Jane Porter said on Monday, according to the Daily Ledger. "
                 "“We cannot let that happen.”")
    assert len(found) == 1
    assert found[0][1].endswith("We cannot let that happen.")


def test_second_cue_before_its_own_quotation_keeps_its_statement():
    found = said("“The levy will close three schools,” Jane Porter said, adding, “We cannot let that happen.”")
    assert ("Jane Porter", "The levy will close three schools") in found


def test_quotation_a_participle_cites_before_the_cue_is_no_content_of_it():
    found = said("Citing “rising costs at the depot,” a council spokeswoman told reporters the night service would "
                 "end in May.")
    assert sorted(content for _, content in found) == ["rising costs at the depot", "the night service would end in May."]


def test_participle_clause_before_a_directive_is_no_statement():
    found = said("Recalling “the floods of last winter,” the council urged residents to keep their drains clear.")
    assert not any(content.startswith("Recalling") for _, content in found)
    assert ("council", "residents to keep their drains clear.") in found


def test_clause_after_a_colon_is_no_view_of_a_name_that_only_completes_the_subject():
    assert said("The challenge for Jane Porter is steep: many voters here have come to know her only recently.") == []
    assert said("Jane Porter's plans are clear: the levy will close three schools.") == []
    assert said("Jane Porter is adamant: the levy will close three schools.") == [
        ("Jane Porter", "the levy will close three schools.")]


def test_quotation_in_a_clause_before_another_speakers_cue_is_not_their_content():
    found = said("But even as Jane Porter claimed on Tuesday that “the levy is a disgrace,” a former minister said the two "
                 "cases were quite different.")
    assert ("Jane Porter", "the levy is a disgrace") in found
    assert ("a former minister", "the two cases were quite different.") in found
    assert not any(content.startswith("But even as") for _, content in found)
