"""English speakers' names the NER cut (round 21), on sentences written for these tests: a surname with lower-case
particles before it ("in 't", "von der", "de La") keeps its first name; a name the tagger ends too soon
("Phone-Free Schools | Now") runs on; a peer keeps the title of a territorial name ("Lord X of Y"), a
double-barrelled surname its second part; "a union spokesman" speaks for the union named with that noun; "own" and a
hyphenated participle ("the state-owned company") neither name a group nor introduce a body. Round 26: the name in
apposition to a role speaks (past a hyphenated description, whatever label the NER gave a double-barrelled surname),
and the pronoun of a clause set before the main one stands for the main clause's subject."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from policykg.loaders.extract.ner_spans import hyphenated_rest

from test_statements import run, speaker
from test_statements_en_press import said


@pytest.mark.parametrize("name", ["Sophie in 't Veld", "Ursula von der Leyen", "Jean de La Fontaine"])
def test_a_surname_with_particles_keeps_its_first_name(name: str) -> None:
    assert said(f"{name} said the ban was overdue.") == [(name, "the ban was overdue.")]


def test_a_first_name_before_a_preposition_is_no_particle() -> None:
    """"Anna in Berlin": "in" before a place is a preposition, and the place no surname."""
    assert [who for who, _ in said("Talks with Anna in Berlin ended. Merkel said the ban was overdue.")] == ["Merkel"]


def test_a_capitalised_adverb_inside_a_sentence_ends_a_name() -> None:
    """"Phone-Free Schools Now": the tagger reads "Now" as an adverb, but its capital inside a sentence makes it a name's."""
    text = "Bans will start in May. Parents’ campaign Phone-Free Schools Now hailed the announcement as “a victory”."
    assert [who for who, _ in said(text)] == ["Phone-Free Schools Now"]


def test_a_titled_name_runs_on_through_particles() -> None:
    """"Dr Helena van Rijn": the NER missed the name; after the title, the particles and the surname are the name's."""
    text = "Dr Helena van Rijn, a lung doctor, backed the ban. Admissions rose in winter, she said."
    assert [who for who, _ in said(text)] == ["Helena van Rijn", "Helena van Rijn"]  # the act, then her words


def test_a_plural_for_a_capitalised_cause_names_a_group() -> None:
    """"Dads for Cleaner Air": a capitalised plural, "for" and a capitalised cause make one group's name."""
    text = "The city voted on Monday. Dads for Cleaner Air, a parents' group, said the ban was overdue."
    assert said(text) == [("Dads for Cleaner Air", "the ban was overdue.")]


def test_the_bodys_leader_is_the_one_later_titled_so() -> None:
    """"The council's leader said ... Council leader Jo Bell said": the title before the later name gives the role."""
    text = ("Owners of empty shops will pay a levy from April, the council announced on Monday. The council’s leader said "
            "the charge would end the era of boarded-up windows.\n\n"
            "The levy will apply to sixty units, a council spokeswoman said.\n\n"
            "Council leader Amara Okoye said one shop in five was empty.")
    assert [who for who, _ in said(text)][1::2] == ["Amara Okoye", "Amara Okoye"]


def test_an_accusation_the_parse_read_as_an_adjective_is_reported() -> None:
    """"X accused ministers of ...": the parse hangs "accused" on "ministers" as an adjective, but the verb has its own
    subject; the object and the charge are what X said."""
    assert said("Tom Hale-Price accused officials of ignoring rural drivers.") == [
        ("Tom Hale-Price", "officials of ignoring rural drivers.")]


def test_a_bare_council_is_the_kind_of_council_the_article_wrote() -> None:
    """"the district council decided ... a council spokeswoman said": the one kind of council the article wrote
    before names the council of the story's place."""
    text = ("Parking will be free in Lowmere from June, the district council decided on Monday.\n\n"
            "The scheme will cost £40,000 a year, a council spokeswoman said.")
    assert [who for who, _ in said(text)][-1].lower() == "lowmere district council spokesperson"


@pytest.mark.parametrize("text", [
    "Dog walkers will pay £20 a year to use the parks, the first such fee in Britain.\n\n"
    "The council said the money would pay for two wardens.",
    "Hedge cutting will stop from March, one of the earliest bans in the UK.\n\n"
    "The council said the rule would protect nesting birds.",
])
def test_a_bare_council_is_no_nations_council(text: str) -> None:
    """"the first such fee in Britain ... The council said": a nation has no local council; the town is one the NER
    did not name, so the speaker is the council, not a "United Kingdom Council"."""
    assert [who for who, _ in said(text)] == ["council"]


@pytest.mark.parametrize("text, who", [
    ("Bins will be emptied every three weeks. City of Ashby Council said the change would save money.",
     "City of Ashby Council"),
    ("Parking fees will double. Royal Borough of Kelmoor Council said the rise was fair.",
     "Royal Borough of Kelmoor Council"),
])
def test_the_kind_of_place_and_of_open_a_councils_name(text: str, who: str) -> None:
    """"City of Ashby Council": the NER reads "Ashby Council", the parse makes "City" the subject."""
    assert [w for w, _ in said(text)] == [who]


def test_a_nations_adjective_opens_an_organisations_name() -> None:
    """"The British Cider and Perry Association": the NER reads "British" as a nationality and cuts it off the name."""
    text = "The British Cider and Perry Association said the change would hurt small producers."
    assert [who for who, _ in said(text)] == ["British Cider and Perry Association"]


def test_a_police_rank_is_no_part_of_the_name() -> None:
    """"Chief Constable Dana Whitlow": the rank is a title, not the person's first name."""
    assert [who for who, _ in said("Chief Constable Dana Whitlow said forces would enforce the limit.")] == ["Dana Whitlow"]


def test_a_forecast_that_is_reported_speech() -> None:
    """"X has forecast that ...": a forecast's that-clause is what the forecaster said, as with "predict"."""
    text = "Ticket sales rose last year, but the Rail Fares Institute has forecast that they will fall by a third by 2030."
    assert said(text) == [("Rail Fares Institute", "they will fall by a third by 2030.")]


def test_a_described_group_of_members_is_that_group() -> None:
    """"opposition MPs said": the lower-case noun before the members' plural acronym says which of them spoke."""
    text = "The bill was published on Monday. Charities welcomed it, but opposition MPs said it was rushed."
    assert [who for who, _ in said(text)][-1].lower() == "opposition mps"


@pytest.mark.parametrize("text", ["The fisheries minister, Lord Hallam of Brixworth, announced on Monday that quotas would be cut.",
                                  "Lord Hallam of Brixworth said quotas would be cut."])
def test_a_peer_keeps_the_title_of_a_territorial_name(text: str) -> None:
    """"Lord Hallam of Brixworth": a peer's title is part of the name; "Hallam of Brixworth" names no one."""
    assert [who for who, _ in said(text)] == ["Lord Hallam of Brixworth"]


def test_a_title_without_a_territorial_name_is_dropped() -> None:
    """"Lord Hallam said": without "of" and a place, the title goes, as other titles do."""
    assert [who for who, _ in said("Lord Hallam said quotas would be cut.")] == ["Hallam"]


def test_a_double_barrelled_surname_keeps_its_second_part() -> None:
    """"Sir Gerald Pengelly | -Hart": where the NER cuts a name at its hyphen, the glued hyphen and capitalised word
    run it on; a spaced dash does not ("Gerald Pengelly - Hart said")."""
    vocab = spacy.blank("en").vocab
    glued = Doc(vocab, words=["Sir", "Gerald", "Pengelly", "-", "Hart", "said"], spaces=[True, True, False, False, True, False])
    assert [t.text for t in hyphenated_rest(list(glued[1:3]))] == ["Gerald", "Pengelly", "-", "Hart"]
    spaced = Doc(vocab, words=["Gerald", "Pengelly", "-", "Hart", "said"], spaces=[True, True, True, True, False])
    assert [t.text for t in hyphenated_rest(list(spaced[0:2]))] == ["Gerald", "Pengelly"]


def test_capitalised_particles_keep_a_first_name_the_list_lacks() -> None:
    """"Alistair Van der Walt": the NER kept the surname only; the parse hangs the first name on the particles."""
    text = "The Conservative MP Alistair Van der Walt wrote on X that the plan was \"a mess\"."
    assert [who for who, _ in said(text)] == ["Alistair Van der Walt"]


@pytest.mark.parametrize("union", ["Unison", "RMT"])
def test_a_union_spokesman_speaks_for_the_union_named_before_the_noun(union: str) -> None:
    """"The RMT union ... A union spokesman said": the noun after the name refers the later bare noun back to it."""
    text = (f"The {union} union, which represents nurses, said its members were angry. "
            "A union spokesman said the plan would mean \"longer shifts\" for staff.")
    assert [who for who, _ in said(text)] == [union, f"{union} spokesperson"]


def test_own_after_a_possessive_is_no_part_of_a_groups_label() -> None:
    """"the school's own cleaning staff": "own" stresses whose staff they are; the group is "cleaning staff"."""
    text = "Teachers welcomed the plan; the school's own cleaning staff and some parents fear the rooms will be dirty."
    assert [who for who, _ in said(text)][-1] == "cleaning staff and some parents"


def test_a_company_described_by_a_hyphenated_participle_is_the_one_named_before() -> None:
    """"the state-owned company said": the participle describes the company named before; it introduces no new one."""
    text = "Northgate Water will cut bills next year. The cut will apply to all homes, the state-owned company said in a statement."
    assert [who for who, _ in said(text)] == ["Northgate Water"]


def test_a_name_in_a_complement_before_a_postposed_cue_is_no_name_the_speaker_describes():
    found = said("The minister spoke on Tuesday. The levy still needs the approval of both houses of Parliament, "
                 "a Treasury spokesperson said.")
    assert [who for who, _ in found] == ["Treasury spokesperson"]
    found = said("The scheme will be run by Greenmoor, the county's farming agency, which said it expected 50 applications.")
    assert [who for who, _ in found] == ["Greenmoor"]


def test_a_unit_of_a_named_body_speaks_for_that_body():
    found = said("Fees have risen since 2019. A study by the University of Carrowby's housing research group estimated "
                 "that rents had doubled.")
    assert [who for who, _ in found] == ["University of Carrowby"]


def test_a_verb_joined_to_the_reported_clause_does_not_split_it():
    found = said("The Department for Transport said it would study the plan and respond in the new year.")
    assert [content for _, content in found] == ["it would study the plan and respond in the new year."]


@pytest.mark.parametrize("text", ["Inflation, which suggests the economy is overheating, rose again in May.",
                                  "Public anger that suggests the vote will be close has grown in the suburbs."])
def test_a_relative_clause_on_a_bare_singular_noun_has_no_speaker(text: str) -> None:
    """"Inflation, which suggests ...": a singular noun with no determiner the lexicon does not know for a body, a role
    or a document is a thing or an idea, which says nothing."""
    assert said(text) == []


@pytest.mark.parametrize(("text", "speaker"), [("Security said the doors would close at noon.", "Security"),
                                               ("Inflation suggests the economy is overheating, Helen Marsh said.", "Helen Marsh")])
def test_a_body_without_a_determiner_and_a_subject_still_speak(text: str, speaker: str) -> None:
    assert [who for who, _ in said(text)] == [speaker]


def test_a_participle_coordinated_with_a_bare_participle_is_no_cue() -> None:
    """"Praised by unions and widely expected to win": the second participle is as passive as the first."""
    text = "Praised by unions and widely expected to win the vote, Helen Marsh said the reform was fair."
    assert said(text) == [("Helen Marsh", "the reform was fair.")]


def test_a_plural_noun_before_a_relative_clause_is_no_cue() -> None:
    """"Ohio and Utah, states that vote in May": "that" before a plural verb opens a relative clause on "states"."""
    assert said("Helen Marsh campaigned in Ohio and Utah, states that vote in May.") == []


def test_a_double_barrelled_surname_after_a_role_is_whole_when_the_parse_heads_it_on_its_last_part() -> None:
    found = said('"Buses are late," said the transport minister, Carys Pengelly-Adeyemi.')
    assert found == [("Carys Pengelly-Adeyemi", "Buses are late")]


def test_an_organisation_name_with_lower_case_words_inside_is_whole() -> None:
    assert said("The Ports and Harbours safety Authority said the ferry was sound.") \
        == [("Ports and Harbours safety Authority", "the ferry was sound.")]
    assert said("The Pharmacies and Medical devices Standards Agency said the pills were safe.")[0][0] \
        == "Pharmacies and Medical devices Standards Agency"
    assert said("The Treasury and Home Office said the figures were wrong.")[0][0] == "Home Office"



@pytest.mark.parametrize("text, who", [
    # a double-barrelled surname the NER reads as a product: after a role, a first name makes it a person's
    ("Dr Paul Rees chaired the meeting. The trade body opposed the bill. Its director, Agathe Mendes-Fox, urged the "
     "government to act.", "Agathe Mendes-Fox"),
    # a hyphenated description between the comma and the name is the name's
    ("Mayor Jon Pike opened the hall. The youth council voted on Friday. Its chair, 17-year-old Tobias Wren, said buses "
     "were too dear.", "Tobias Wren"),
    ("Councillor Ann Bell spoke first. The tenants' group met. Its founder, 80-year-old Marisol Achterberg, said rents "
     "were too high.", "Marisol Achterberg"),
])
def test_the_name_in_apposition_to_a_role_speaks(text: str, who: str) -> None:
    assert said(text)[-1][0] == who


@pytest.mark.parametrize("text, who", [
    ("Professor Lina Moss, the housing minister, spoke first. While she welcomed the report, the mayor, Agnes Polder, "
     "warned that it was late.", "Agnes Polder"),
    ("Sir Hugh Dale opened the debate. Although he backed the levy, Councillor Tomas Reyes said the rate was too high.",
     "Tomas Reyes"),
])
def test_the_pronoun_of_a_clause_before_the_main_one_is_its_subject(text: str, who: str) -> None:
    assert {speaker for speaker, _ in said(text)} == {who}


@pytest.mark.parametrize("body", ["Department for Work and Pensions", "Department for Culture, Media and Sport",
                                  "Ministry of Housing, Communities and Local Government"])
def test_a_british_department_is_named_whole(body: str) -> None:
    """A department whose name holds "and" or commas, which the NER cuts ("Department for Work"): the knowledge base
    names the UK's ministerial departments whole."""
    text = f"The scheme opens in April. The {body} said the waiting lists would be shorter by the summer."
    assert [who for who, _ in said(text)] == [body]


@pytest.mark.parametrize("text, name", [
    ("Independent TD Michael Fahy, who represents a western seat, said it would fail.", "Michael Fahy"),
    ("Fianna Fáil TD Niall Keane told the Dáil that the levy was a mistake.", "Niall Keane"),
    ("DUP MLA Ruth Adair said the scheme was overdue.", "Ruth Adair"),
    ("Green Party MEP Sean Doyle said the rules were weak.", "Sean Doyle"),
])
def test_a_members_title_in_capitals_is_not_part_of_the_name(text: str, name: str) -> None:
    """Irish, Northern Irish and European members' titles ("TD", "MLA", "MEP") before a name, after their party, as
    "MP" is: the person is the name after the title, whatever the NER's span held before it."""
    assert [who for who, _ in said(text)] == [name]


def test_a_party_before_a_members_title_in_an_apposition_is_not_the_speaker() -> None:
    """"Its chair, Labour MP Gwen Talbot, said": the party stands between the role and the person's name, past the
    member's title, as « le député LFI X » (the party was the speaker)."""
    text = "The committee found that ministers had been too slow. Its chair, Labour MP Gwen Talbot, said it was a start."
    assert [who for who, _ in said(text)][-1] == "Gwen Talbot"


@pytest.mark.parametrize("text, who", [
    ("The Law Guild backed the plan. The reaction from the Bakers' Federation was cooler: it said the rules would cost "
     "jobs.", "Bakers' Federation"),
    ("Unison welcomed the deal. The response from the Ramblers was sharper: it said the path would close.", "Ramblers"),
    ("Unison welcomed the deal. The verdict was clear: it said the rules would cost jobs.", "Unison"),
    ("Unison welcomed the deal. Talks between the GMB and the Ramblers ended: it said the path would close.", "Unison"),
])
def test_it_after_a_colon_is_the_body_named_before_it(text: str, who: str) -> None:
    """"it" opening the clause after a colon stands for the one body named before the colon, over the last speaker;
    with none or two named there, the last speaker stays."""
    assert said(text)[-1][0] == who


# --- round 32: civic titles and Gaelic names -------------------------------------------------------------------------

def test_a_civic_title_of_two_title_words_is_a_post_whose_apposed_name_speaks() -> None:
    """"The Lord Mayor, X,": "Lord" opens a post of several title words, not a peer called "Mayor"."""
    assert said("The Lord Mayor, Ruth Ellery, said the tram plan was overdue.") == [
        ("Ruth Ellery", "the tram plan was overdue.")]
    assert [who for who, _ in said("The Lord Provost said the tram plan was overdue.")] == ["Lord Provost"]


def test_a_peers_title_before_a_name_still_names_the_peer() -> None:
    """Near miss: "Lord" before a surname is a peer's title, and the surname the person."""
    assert [who for who, _ in said("Lord Ellery said the tram plan was overdue.")] == ["Ellery"]


@pytest.mark.parametrize("text, who", [
    ("Gráinne Ní Bhriain said the levy was unfair.", "Gráinne Ní Bhriain"),
    ("The levy was approved. Síle Nic Giolla Phádraig said the levy was unfair.", "Síle Nic Giolla Phádraig"),
    ("The levy was approved. Comhairle na Mara welcomed the vote as overdue.", "Comhairle na Mara"),
    ("The levy was approved. An Taisce welcomed the scheme as overdue.", "An Taisce"),
])
def test_a_gaelic_name_keeps_the_words_the_ner_cut(text: str, who: str) -> None:
    """A first name before a surname's particle ("Ní", "Nic"), a word before "na" (of the), and the Gaelic "An",
    which the English article never is before a consonant, belong to the name."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Nic Hale said the levy was unfair.", "Nic Hale"),
    ("An MP said the levy was unfair.", "MP"),
    ("An Irish group said the levy was unfair.", "Irish group"),
])
def test_an_english_article_or_a_first_name_is_no_gaelic_particle(text: str, who: str) -> None:
    """Near misses: "Nic" opening a name is a first name; "An" before a vowel's sound is the English article."""
    assert [w for w, _ in said(text)] == [who]


def test_a_first_name_the_ner_left_out_opening_the_sentence_is_the_surnames() -> None:
    """"Gwenllian Pryce, who runs a café, said": a capitalised word opening the sentence before a surname the NER read
    alone is the first name; a title there is not (near miss)."""
    text = "Shops in the valley are divided. Gwenllian Pryce, who runs a café in the village, said the fee was welcome."
    assert [w for w, _ in said(text)] == ["Gwenllian Pryce"]
    assert [w for w, _ in said("Shops are divided. Minister Pryce said the fee was welcome.")] == ["Pryce"]


def test_a_gaelic_name_the_ner_missed_or_read_as_a_body_is_a_persons_and_holds_the_post_named_before() -> None:
    """"Gráinne Ó Dálaigh", read as an organisation (or missed): a surname's particle inside capitalised words makes a
    person's name, who is then the holder of the post described just before ("The council's Irish language officer,
    who drafted the bylaw, told ... X said")."""
    text = ("Shop signs in Kilcoole must be in Irish first. The council's Irish language officer, who drafted the bylaw, "
            "told councillors the town had lost its voice. Gráinne Ó Dálaigh said visitors came to hear the language.")
    assert [w for w, _ in said(text)] == ["Gráinne Ó Dálaigh", "Gráinne Ó Dálaigh"]


def test_a_particle_opening_a_bodys_name_makes_no_person() -> None:
    """Near miss: "Mac" opening "Mac Dairy Group" is no surname's particle inside a name; the body stays a body."""
    found, index = run("The levy was approved. Mac Dairy Group said the levy was unfair.", "en")
    assert [(speaker(s, index), index.entities[s.speaker].type) for s in found] == [("Mac Dairy Group", "Company")]


def test_an_unnamed_role_is_the_person_a_later_demonstrative_of_its_noun_names() -> None:
    """"A senior officer ... said ... That officer, Chief Inspector X, added": the demonstrative names who spoke."""
    text = ("Not everyone thinks the change will help. A senior officer who leads on road safety for a large force said "
            "the limit had never been the problem. That officer, Chief Inspector Dana Whitlow of Kelby Police, added "
            "that more staff mattered more.")
    assert [w for w, _ in said(text)] == ["Dana Whitlow", "Dana Whitlow"]


def test_a_demonstrative_of_another_noun_names_no_unnamed_role() -> None:
    """Near miss: "That report, by X," is another noun; the officer stays unnamed."""
    text = ("Not everyone thinks the change will help. A senior officer said the limit had never been the problem. "
            "That report, by Dana Whitlow, found that staff mattered more.")
    assert [w for w, _ in said(text)][0] == "A senior officer"
