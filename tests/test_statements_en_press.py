"""English press constructions of reported speech (issue 16), one table row per construction, on sentences written
for these tests: who said what when British and American papers put the cue, the speaker or the content where
they usually do, and the words that look like a cue but report nothing."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.entities import recognise
from policykg.loaders.extract.statements import find_statements
from policykg.loaders.model import Article
from policykg.loaders.nlp import load_pipeline
from test_statements import run, speaker


def said(text: str) -> list[tuple[str, str]]:
    """(speaker label, content) of every English statement of ``text``."""
    found, index = run(text, "en")
    return [(speaker(s, index), s.content) for s in found]


# (text, speaker label or None when any speaker will do, the content's first words, its last words)
ATTRIBUTIONS = [
    # --- the cue and its speaker ---------------------------------------------------------------------------
    pytest.param("Helen Marsh said that the scheme would cost too much.",
                 "Helen Marsh", "the scheme", "too much.", id="x_said_that"),
    pytest.param("“The scheme will cost too much,” said Helen Marsh.",
                 "Helen Marsh", "The scheme", "too much", id="quote_said_x"),
    pytest.param("“The scheme will cost too much,” Helen Marsh said.",
                 "Helen Marsh", "The scheme", "too much", id="quote_x_said"),
    pytest.param("The scheme would be delayed, Helen Marsh said on Tuesday.",
                 "Helen Marsh", "The scheme", "delayed", id="clause_x_said_on_a_day"),
    pytest.param("Helen Marsh, the housing minister, said the scheme would cost too much.",
                 "Helen Marsh", "the scheme", "too much.", id="x_the_minister_said"),
    pytest.param("Helen Marsh MP said the scheme would cost too much.",
                 "Helen Marsh", "the scheme", "too much.", id="letters_after_the_name"),
    pytest.param("Unite, Britain's biggest union, said the offer was too low.",
                 "Unite", "the offer", "too low.", id="x_ys_z_said"),
    pytest.param("Tesco, the UK's largest supermarket and its biggest employer, said prices would rise.",
                 "Tesco", "prices", "rise.", id="x_ys_z_and_more_said"),
    pytest.param("Housing minister Helen Marsh said the scheme would cost too much.",
                 "Helen Marsh", "the scheme", "too much.", id="role_before_the_name"),
    pytest.param("Helen Marsh has said she will vote against the cap.",
                 "Helen Marsh", "she will", "the cap.", id="present_perfect"),
    pytest.param("Helen Marsh said: “The cap is a mistake.”",
                 "Helen Marsh", "The cap", "mistake.", id="colon_quote"),
    pytest.param("“The scheme is dead,” said Helen Marsh. “It will never come back.”",
                 "Helen Marsh", "The scheme", "come back.", id="quote_split_by_said_x"),
    pytest.param("Helen Marsh said: “The scheme will cost too much.\n\n“It will hurt renters most of all.”",
                 "Helen Marsh", "The scheme", "most of all.", id="quote_continued_across_paragraphs"),
    pytest.param("“Who will pay for this?” asked Helen Marsh.",
                 "Helen Marsh", "Who will", "this?", id="question_as_statement"),
    pytest.param("The prime minister said the scheme would go ahead.",
                 None, "the scheme", "ahead.", id="unnamed_role"),
    pytest.param("The Chamber of Trade, by contrast, said the cap would hurt shops.",
                 "Chamber of Trade", "the cap", "shops.", id="an_adverbial_between_subject_and_cue"),
    pytest.param("Helen Marsh, speaking in Leeds, said the cap would stay.",
                 "Helen Marsh", "the cap", "stay.", id="a_participle_between_subject_and_cue"),
    pytest.param("Helen Marsh, asked about the cap, said it would stay.",
                 "Helen Marsh", "it would", "stay.", id="a_past_participle_between_subject_and_cue"),
    pytest.param("Ban Ki-moon said the treaty would hold.",
                 "Ban Ki-moon", "the treaty", "hold.", id="a_hyphenated_name"),
    pytest.param("The National Federation of Private Landlords and Letting Agents said the cap would hurt members.",
                 "National Federation of Private Landlords and Letting Agents", "the cap", "members.",
                 id="a_body_gathering_two_groups"),
    # --- told, according to, in a statement ---------------------------------------------------------------
    pytest.param("Helen Marsh told the BBC the scheme would cost too much.",
                 "Helen Marsh", "the scheme", "too much.", id="x_told_a_broadcaster"),
    pytest.param("The scheme will cost too much, Helen Marsh told the BBC.",
                 "Helen Marsh", "The scheme", "too much", id="clause_x_told_a_broadcaster"),
    pytest.param("Helen Marsh told BBC Radio 4's Today programme that the cap was a mistake.",
                 "Helen Marsh", "the cap", "mistake.", id="x_told_a_programme_that"),
    pytest.param("Helen Marsh said on Monday the cap was a mistake.",
                 "Helen Marsh", "the cap", "mistake.", id="said_on_a_day_then_the_clause"),
    pytest.param("Helen Marsh said last week the cap was a mistake.",
                 "Helen Marsh", "the cap", "mistake.", id="said_last_week_then_the_clause"),
    pytest.param("Helen Marsh said Monday's vote was a mistake.",
                 "Helen Marsh", "Monday's vote", "mistake.", id="a_date_that_is_the_clauses_subject"),
    pytest.param("The plan, Helen Marsh said, was reckless.",
                 "Helen Marsh", "The plan", "reckless.", id="a_cue_between_subject_and_a_short_predicate"),
    pytest.param("Helen Marsh told reporters that the scheme was dead.",
                 "Helen Marsh", "the scheme", "dead.", id="x_told_reporters_that"),
    pytest.param("The scheme will cost £2bn, according to the Treasury.",
                 "Treasury", "The scheme", "£2bn", id="according_to_after"),
    pytest.param("According to the Treasury, the scheme will cost £2bn.",
                 "Treasury", "the scheme", "£2bn.", id="according_to_before"),
    pytest.param("The Home Office backed the plan, according to a statement.",
                 "Home Office", "The Home Office", "the plan", id="according_to_a_statement_of_the_subject"),
    pytest.param("In a statement, the Department for Transport said the fares would be frozen.",
                 "Department for Transport", "the fares", "frozen.", id="in_a_statement_x_said"),
    pytest.param("The Independent Office for Police Conduct said the officer would face a hearing.",
                 "Independent Office for Police Conduct", "the officer", "hearing.",
                 id="a_known_name_inside_a_longer_one_is_no_match"),
    pytest.param("The Trades Union Congress said pay had fallen.",
                 "Trades Union Congress", "pay", "fallen.", id="a_known_name_closing_a_longer_one_is_no_match"),
    # --- spokespeople, sources, officials -----------------------------------------------------------------
    pytest.param("A spokesperson for the Home Office said the policy was under review.",
                 "Home Office spokesperson", "the policy", "review.", id="spokesperson_for_x"),
    pytest.param("A Home Office spokesperson said the policy was under review.",
                 "Home Office spokesperson", "the policy", "review.", id="x_spokesperson"),
    pytest.param("The Department for Education published the figures on Monday. Rents rose. A spokeswoman for the "
                 "department said the rise was small.", "Department for Education spokesperson", "the rise", "small.",
                 id="spokesperson_for_the_body_named_before"),
    pytest.param("The prime minister’s official spokesman said the policy was under review.",
                 "prime minister spokesperson", "the policy", "review.", id="a_titles_spokesperson"),
    pytest.param("A source close to Helen Marsh said she would not resign.",
                 None, "she would not", "resign.", id="source_close_to_x"),
    pytest.param("Officials say the scheme will be delayed.",
                 None, "the scheme", "delayed.", id="officials_say"),
    pytest.param("No 10 said the cap would stay.",
                 "UK Government", "the cap", "stay.", id="no_10_for_the_government"),
    pytest.param("The council announced that parking fees would rise in May.",
                 None, "parking fees", "May.", id="unnamed_body_announced"),
    # --- verbs of saying and of belief with a that-clause -------------------------------------------------
    pytest.param("Helen Marsh argued that the cap would hurt small landlords.",
                 "Helen Marsh", "the cap", "landlords.", id="argued"),
    pytest.param("The Resolution Foundation warned that the cap would hurt small landlords.",
                 "Resolution Foundation", "the cap", "landlords.", id="warned"),
    pytest.param("Helen Marsh insisted that the cap would not hurt small landlords.",
                 "Helen Marsh", "the cap", "landlords.", id="insisted"),
    pytest.param("Helen Marsh conceded that the cap would hurt some landlords.",
                 "Helen Marsh", "the cap", "landlords.", id="conceded"),
    pytest.param("Helen Marsh admitted that the cap would hurt some landlords.",
                 "Helen Marsh", "the cap", "landlords.", id="admitted"),
    pytest.param("Helen Marsh claimed that the cap would hurt small landlords.",
                 "Helen Marsh", "the cap", "landlords.", id="claimed"),
    pytest.param("Helen Marsh acknowledged that the cap would hurt some landlords.",
                 "Helen Marsh", "the cap", "landlords.", id="acknowledged"),
    pytest.param("Helen Marsh noted that rents had doubled since 2015.",
                 "Helen Marsh", "rents", "2015.", id="noted"),
    pytest.param("Helen Marsh added that rents had doubled since 2015.",
                 "Helen Marsh", "rents", "2015.", id="added"),
    pytest.param("Helen Marsh stressed that rents had doubled since 2015.",
                 "Helen Marsh", "rents", "2015.", id="stressed"),
    pytest.param("Helen Marsh believes the cap is a mistake.",
                 "Helen Marsh", "the cap", "mistake.", id="believes"),
    pytest.param("Helen Marsh does not believe the cap will work.",
                 "Helen Marsh", "the cap", "work.", id="a_negated_belief_is_still_a_view"),
    pytest.param("Helen Marsh said she did not support the cap.",
                 "Helen Marsh", "she did not", "the cap.", id="a_negation_inside_the_content"),
    pytest.param("“Probably not,” Helen Marsh said.",
                 "Helen Marsh", "Probably not", "Probably not", id="a_quoted_negation_before_the_cue"),
    pytest.param("Helen Marsh was quick to point out that the cap was too low.",
                 "Helen Marsh", "the cap", "too low.", id="was_quick_to_point_out"),
    pytest.param("Helen Marsh was keen to stress that the cap was too low.",
                 "Helen Marsh", "the cap", "too low.", id="was_keen_to_stress"),
    pytest.param("Helen Marsh was quoted as saying that the cap was too low.",
                 "Helen Marsh", "the cap", "too low.", id="quoted_as_saying"),
    pytest.param("Helen Marsh is understood to have told colleagues that the cap was too low.",
                 "Helen Marsh", "the cap", "too low.", id="is_understood_to_have_told"),
    pytest.param("Helen Marsh is understood to believe that the scheme will be delayed.",
                 "Helen Marsh", "the scheme", "delayed.", id="is_understood_to_believe"),
    pytest.param("Helen Marsh is said to have warned that the cap was too low.",
                 "Helen Marsh", "the cap", "too low.", id="is_said_to_have_warned"),
    # --- urging, accusing ---------------------------------------------------------------------------------
    pytest.param("Helen Marsh accused the government of ignoring renters.",
                 "Helen Marsh", None, "renters.", id="accused_y_of"),
    pytest.param("Tories accuse Labour of betraying renters",
                 "Conservative Party", "Labour of", "renters", id="headline_accuse_y_of_a_gerund_read_as_a_noun"),
    pytest.param("Helen Marsh accused the minister of misleading parliament.",
                 "Helen Marsh", "the minister", "parliament.", id="accused_y_of_a_gerund_read_as_an_adjective"),
    pytest.param("Helen Marsh criticised the minister for not paying the tax.",
                 "Helen Marsh", "the minister", "the tax.", id="criticised_y_for_not_doing"),
    pytest.param("Helen Marsh urged ministers to scrap the cap.",
                 "Helen Marsh", "ministers to scrap", "the cap.", id="urged_y_to"),
    pytest.param("Helen Marsh called on ministers to scrap the cap.",
                 "Helen Marsh", "ministers to scrap", "the cap.", id="called_on_y_to_the_preposition_is_the_cues"),
    pytest.param("Shelter welcomed the plans as “a lifeline for renters who feel forgotten”.",
                 "Shelter", "the plans as", "forgotten”", id="welcomed_y_as_a_quotation"),
    pytest.param("The Guild of Bakers, by contrast, welcomed “a simpler system”, provided firms could still hire graduates.",
                 "Guild of Bakers", "“a simpler system”", "graduates.", id="welcomed_a_quotation_provided"),
    # --- documents ----------------------------------------------------------------------------------------
    pytest.param("A report by the Resolution Foundation found that rents had doubled since 2015.",
                 "Resolution Foundation", "rents", "2015.", id="report_by_x_found"),
    pytest.param("A letter from the Treasury seen by The Times says the scheme will be delayed.",
                 "Treasury", "the scheme", "delayed.", id="letter_seen_by_a_paper"),
    # --- anaphora after the name --------------------------------------------------------------------------
    pytest.param("Helen Marsh visited Leeds on Monday. She said the scheme would cost too much.",
                 "Helen Marsh", "the scheme", "too much.", id="pronoun"),
    pytest.param("Her opposite number in the Senedd, Tomos Rhydderch, was scathing. The licence, he said, was a tax.",
                 "Tomos Rhydderch", "The licence", "a tax.", id="pronoun_for_a_name_apposed_in_the_subject"),
    pytest.param("Helen Marsh, the housing minister, visited Leeds on Monday. The minister said the scheme "
                 "would cost too much.", "Helen Marsh", "the scheme", "too much.", id="the_minister"),
    pytest.param("The Department for Transport published its plan on Monday. Fares will rise in May. "
                 "The department said the rise was needed.", "Department for Transport", "the rise", "needed.",
                 id="the_department_two_sentences_on"),
    pytest.param("Northern Rail Holdings cut 200 jobs on Monday. Its shares fell. The company said the cuts "
                 "were painful.", "Northern Rail Holdings", "the cuts", "painful.", id="the_company_two_sentences_on"),
    pytest.param("Shelter published its figures on Monday. Homelessness rose by a tenth. The charity said the rise was "
                 "alarming.", "Shelter", "the rise", "alarming.", id="its_after_a_one_word_name_makes_it_an_organisation"),
    pytest.param("The Royal College of Nursing balloted its members on Monday. Turnout was high. The union said the "
                 "result was clear.", "Royal College of Nursing", "the result", "clear.", id="the_union_two_sentences_on"),
    pytest.param("The Confederation of British Industry published its survey on Monday. Orders fell. The business group "
                 "said the fall was alarming.", "Confederation of British Industry", "the fall", "alarming.",
                 id="a_noun_before_the_collective_noun"),
    pytest.param("The Resolution Foundation published its report on Monday. Rents rose. The think tank said the rise "
                 "was alarming.", "Resolution Foundation", "the rise", "alarming.", id="the_think_tank"),
    pytest.param("Tom Hale, the Labour MP for Leeds East, spoke first. The MP said the cap would stay.",
                 "Tom Hale", "the cap", "stay.", id="the_mp_a_role_in_capitals"),
    pytest.param("Helen Marsh, the housing minister, visited Leeds. Tom Hale, a landlord, was angry. “The cap will stay,” "
                 "the minister said.", "Helen Marsh", "The cap", "stay", id="the_minister_is_the_one_introduced_so_not_the_last_named"),
    pytest.param("Helen Marsh, who met the minister, visited Leeds. Tom Hale, a landlord, was angry. “The cap will stay,” "
                 "the minister said.", "the minister", "The cap", "stay", id="the_minister_is_not_a_landlord"),
    pytest.param("Hale questions the fairness of the count\n\nTom Hale is saying little about the vote.\n\nThe Labour "
                 "candidate has repeatedly said the count will be unfair.", "Tom Hale", "the count", "unfair.",
                 id="the_candidate_after_a_headline_that_names_him_first"),
    pytest.param("Tom Hale, a veteran housing campaigner, spoke first. The campaigner said the cap would stay.",
                 "Tom Hale", "the cap", "stay.", id="the_campaigner"),
    pytest.param("Tom Hale, 45, runs a shop in Leeds. The 45-year-old said the cap would stay.",
                 "Tom Hale", "the cap", "stay.", id="the_45_year_old"),
    pytest.param("London mayor Sadiq Khan said the cap was too low.", "Sadiq Khan", "the cap", "too low.",
                 id="a_first_name_the_ner_left_out"),
    pytest.param("Landlord Tom Hale is unconvinced. “The cap is too low,” he said.", "Tom Hale", "The cap", "too low",
                 id="an_occupation_opening_the_sentence_before_the_name"),
    pytest.param("The Resolution Foundation think tank said the cap was too low.", "Resolution Foundation", "the cap",
                 "too low.", id="a_known_name_then_the_kind_of_body"),
    pytest.param("The Unite union said the cap was too low.", "Unite", "the cap", "too low.",
                 id="a_missed_name_then_the_kind_of_body"),
    pytest.param("The Labour government said the cap was too low.", "Labour government", "the cap", "too low.",
                 id="a_public_body_that_a_name_qualifies"),
    # --- organisations' names the NER cut -----------------------------------------------------------------
    pytest.param("Universities reacted with alarm. Universities UK, which represents 140 colleges, said the cut would "
                 "hurt recruitment.", "Universities UK", "the cut", "recruitment.", id="a_place_closing_a_name"),
    pytest.param("Retailers were split. Delivery Platforms Europe, a lobby group, said the rule was unworkable.",
                 "Delivery Platforms Europe", "the rule", "unworkable.", id="nouns_and_a_place_closing_a_name"),
    pytest.param("Penhallow Games, which took over the licence in 2024, was also ordered to commission an independent "
                 "review of its technology. Penhallow said it accepted the fine.", "Penhallow Games", "it accepted",
                 "the fine.", id="the_long_name_the_ner_missed_before_its_short_one"),
    pytest.param("Scottish Labour said the cap was too low.", "Scottish Labour", "the cap", "too low.",
                 id="a_nations_adjective_before_a_known_party_names_another_body"),
    # --- headlines and relative clauses -------------------------------------------------------------------
    pytest.param("Rent cap: ‘It will hurt renters’, says Helen Marsh",
                 "Helen Marsh", "It will", "renters", id="headline_quote_says_x"),
    pytest.param("Rent cap too low, says Helen Marsh",
                 "Helen Marsh", "Rent cap", "too low", id="headline_verbless_claim_says_x"),
    pytest.param("Rent cap ‘too low’, says landlords' group",
                 "landlords' group", "Rent cap", "too low’", id="headline_quoted_claim_says_a_group"),
    pytest.param("The nurses’ union said pay was too low.", "nurses’ union", "pay", "too low.", id="a_plural_possessive_on_a_body"),
    pytest.param("The cap was opposed by Helen Marsh, who said it would hurt small landlords.",
                 "Helen Marsh", "it would", "landlords.", id="relative_clause_who_said"),
]


@pytest.mark.parametrize("text, who, first, last", ATTRIBUTIONS)
def test_press_attribution(text, who, first, last):
    found = said(text)
    assert len(found) == 1, found
    label, content = found[0]
    assert who is None or label == who
    assert first is None or content.startswith(first)
    assert content.rstrip().endswith(last)


def test_the_charity_is_the_body_the_article_introduced_as_one_not_the_last_speaker():
    text = ("The housing charity Crisis said rents were too high. The Treasury said the cap would cost £2bn. "
            "The charity said the cap was needed.")
    assert said(text) == [("Crisis", "rents were too high."), ("Treasury", "the cap would cost £2bn."),
                          ("Crisis", "the cap was needed.")]


def test_a_verb_joined_after_a_quotation_that_an_aside_splits_is_the_asides_speakers():
    text = ("Helen Marsh said the cap was fine. But, she added, “a cap without enforcement is a promise”, and asked who "
            "would police landlords who ignored it.")
    assert said(text)[-2:] == [("Helen Marsh", "a cap without enforcement is a promise"),
                               ("Helen Marsh", "who would police landlords who ignored it.")]


@pytest.mark.parametrize("text", [
    pytest.param("Helen Marsh declined to comment.", id="declined_to_comment"),
    pytest.param("Helen Marsh did not respond to a request for comment.", id="did_not_respond"),
    pytest.param("The company declined to say how many jobs would go.", id="declined_to_say"),
    pytest.param("The ministry refused to confirm the figure.", id="refused_to_confirm"),
    pytest.param("Helen Marsh did not say whether the cap would stay.", id="did_not_say_whether"),
    pytest.param("Helen Marsh would not say when the cap would end.", id="would_not_say_when"),
    pytest.param("Helen Marsh never said that the cap would end.", id="never_said"),
    pytest.param("Helen Marsh was asked about the cap on Monday.", id="was_asked"),
    pytest.param("The cap is said to be too low.", id="is_said_to_be"),
    pytest.param("Following the meeting, says Helen Marsh.", id="a_fronted_phrase_before_says_x"),
    pytest.param("Shelter published figures. It is important to note that the cap was too low.", id="it_is_important_to_note"),
    pytest.param("Bag charge to double\n\nShops will charge 20p a bag from May.", id="headline_noun_read_as_a_verb"),
    pytest.param("Ministers must pay for the 9,000 extra nurses the college says are needed.",
                 id="a_relative_clause_whose_cue_takes_the_noun_as_its_subject"),
    pytest.param("The committee called Jo Reed to give evidence in March.", id="called_y_to_give_evidence_is_a_summons"),
    pytest.param("Helen Marsh, who is touring with her memoir, “Roads Not Taken,” spoke about rents.",
                 id="a_quoted_title_in_apposition"),
    pytest.param("Helen Marsh spoke in Leeds. The long-awaited “Harbour Lights Festival” will open the season in June.",
                 id="a_quoted_name_of_an_event_before_a_verb"),
    pytest.param("Bus fares will double from May, a change announced last week.", id="a_change_announced_is_passive"),
    pytest.param("Tom Hale was released on bail, an inmate now charged with fraud.", id="an_inmate_charged_is_passive"),
])
def test_words_that_report_nothing_said(text):
    assert said(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("Leeds City Council said the road would reopen. It is fair to say that the mayor misjudged the mood.",
                 id="it_is_fair_to_say"),
    pytest.param("Leeds City Council said the road would reopen. It seems safe to argue that the bypass will be late.",
                 id="it_seems_safe_to_argue"),
])
def test_the_writers_judgement_after_an_organisation_spoke_is_not_the_organisations(text):
    assert said(text) == [("Leeds City Council", "the road would reopen.")]


def test_the_writers_judgement_is_nobodys_but_a_speaker_who_is_quick_to_say_speaks():
    assert said("Helen Marsh was quick to say that the levy would not change.") == [
        ("Helen Marsh", "the levy would not change.")]
    assert said("It would be wrong to suggest that the council ignored the petition, Helen Marsh said.") == [
        ("Helen Marsh", "It would be wrong to suggest that the council ignored the petition")]


def test_a_capitalised_quotation_in_a_headline_is_still_words_said():
    text = "Campaign: Marsh Says ‘We Will Win The North’ In Late Rally\n\nHelen Marsh spoke in Leeds."
    assert [label for label, _ in said(text)] == ["Helen Marsh"]


def test_a_headline_name_and_colon_then_the_first_person_without_quotation_marks():
    text = "Marsh: I will vote against the cap\n\nHelen Marsh spoke in Leeds on Monday."
    assert said(text) == [("Helen Marsh", "I will vote against the cap")]


@pytest.mark.parametrize("text", [
    pytest.param("Analysis: why we got the cap wrong\n\nRents rose again.", id="a_section_label"),
    pytest.param("Minister: we will not back down\n\nRents rose again.", id="a_bare_role"),
    pytest.param("Marsh: the cap will stay\n\nHelen Marsh spoke in Leeds.", id="no_first_person"),
])
def test_a_headline_colon_that_gives_nobodys_words(text):
    assert said(text) == []


def said_on(text: str, published: str) -> list[tuple[str, str]]:
    """(speaker label, content) of every statement of an English article published on ``published``."""
    article = Article(id="t", source="t.txt", text=text, language="en", published=published)
    index = recognise(article, load_pipeline("en")(article.nlp_text()))
    found = find_statements(article, load_pipeline("en")(article.nlp_text()), index)
    return [(index.entities[s.speaker].label, s.content) for s in found]


def test_a_post_title_whose_holder_the_article_never_names_speaks_as_the_title():
    text = "The home secretary said the route was a back door. In a statement, she said it would close."
    assert said_on(text, "2023-05") == [("The home secretary", "the route was a back door."),
                                        ("The home secretary", "it would close.")]


def test_a_post_title_after_its_named_holder_is_the_holder():
    text = "Suella Braverman, the home secretary, visited Leeds. The home secretary said the route was a back door."
    assert said_on(text, "2023-05") == [("Suella Braverman", "the route was a back door.")]


def test_a_modified_title_is_not_the_person_in_focus_nor_the_posts_holder():
    text = ("Its chairman, Tom Hale, said net migration would fall. The shadow home secretary went further, saying the "
            "route should be closed.")
    assert said_on(text, "2023-05")[-1] == ("The shadow home secretary", "the route should be closed.")


def test_a_date_before_an_unnamed_spokesperson_is_no_name_of_theirs():
    for text in ("The bill will have its second reading in the Commons in January, a government spokesperson said.",
                 "The plan was approved by the council on Monday, a spokesperson said."):
        speakers = [who for who, _ in said(text)]
        assert speakers and not any(who in ("January", "Monday") for who in speakers)


def test_a_poll_carried_out_by_a_pollster_for_a_body_speaks_for_the_body():
    text = "Voting rules may change. A poll carried out by Quorum Research for the Fair Votes Society found that most adults backed it."
    assert said(text)[-1][0] == "Fair Votes Society"


@pytest.mark.parametrize("text, expected", [
    pytest.param("A senior diplomat, who requested anonymity to describe the closed talks, said the deal was close.",
                 [("A senior diplomat", "the deal was close.")], id="requested_anonymity_is_no_call_on_anyone"),
    pytest.param("The mayor, who requested confidentiality to protect her sources, said the report was wrong.",
                 [("The mayor", "the report was wrong.")], id="requested_confidentiality"),
    pytest.param("The minister requested the committee to delay the vote.",
                 [("The minister", "the committee to delay the vote.")], id="requested_an_addressee_to_act_still_directs"),
    pytest.param("A ward sister at a hospital in Leeds, who asked not to be named, said the beds were full.",
                 [("A ward sister at a hospital in Leeds", "the beds were full.")], id="asked_not_to_be_named_is_nothing_said"),
    pytest.param("One head teacher, who asked not to be identified, said the charge was unfair.",
                 [("One head teacher", "the charge was unfair.")], id="asked_not_to_be_identified"),
    pytest.param("The union asked ministers not to name the schools.",
                 [("union", "not to name the schools.")], id="asked_someone_not_to_name_still_asks"),
    pytest.param("Tuition fees will rise in autumn, the education board announced on Tuesday.",
                 [("education board", "Tuition fees will rise in autumn")], id="a_closing_participle_on_a_body_still_speaks"),
    pytest.param("In her 2015 guide, ''Spend Less Than You Earn,'' Ms. Hale suggested cutting small expenses.",
                 [("Hale", "cutting small expenses.")], id="a_fronted_title_of_a_work_is_nobodys_words"),
    pytest.param("In his memoir, “Never Give Up,” Tom Hale recalled growing up poor.",
                 [("Tom Hale", "growing up poor.")], id="a_fronted_title_before_recalled"),
    pytest.param("Helen Marsh told the tenants who had come to the meeting, “We will not let this stand.”",
                 [("Helen Marsh", "We will not let this stand.")], id="an_addressee_with_a_relative_clause_before_a_quotation"),
    pytest.param("Helen Marsh said the tenants who had come to the meeting, “the angry ones,” would be heard.",
                 [("Helen Marsh", "the tenants who had come to the meeting, “the angry ones,” would be heard.")],
                 id="a_quotation_inside_the_reported_clause_after_a_subject_with_a_relative_clause"),
])
def test_the_sources_terms_circumstances_and_titles_are_not_what_it_said(text, expected):
    assert said(text) == expected
