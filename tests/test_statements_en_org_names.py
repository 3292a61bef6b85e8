"""English organisations' names the small NER or the parse cut to a fragment (round 24), on sentences written for
these tests: a complement that lists capitalised words ("for Parks, Heritage and Tourism"), an institution's head
word with its complement ("HM Inspectorate of Schools"), a post's possessive opening an office's name ("the Mayor's
Office"), capitalised words joined by "and" before a body's noun ("the Porters and Drivers Union"); and the lists
of several bodies or people that stay apart."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.name_spans import titled_person
from policykg.loaders.nlp import load_pipeline

from test_statements import run, speaker
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


@pytest.mark.parametrize("text, who", [
    ("The Society of Local Authority Chief Executives backed the plan.", "Society of Local Authority Chief Executives"),
    ("The Conservative Transport Secretary, Rachel Dunmore, said fares would be frozen.", "Rachel Dunmore"),
])
def test_a_name_the_ner_ended_inside_a_compound_runs_on_to_its_noun_not_to_a_post(text: str, who: str) -> None:
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Protect Our Harbours said the plans would harm the bay.", "Protect Our Harbours"),
    ("Guard Your Data, a campaign group, said the rules were weak.", "Guard Your Data"),
    ("The campaign group Mind Your Step said pavements were dangerous.", "Mind Your Step"),
    ("Stand Up To Litter said the fines were overdue.", "Stand Up To Litter"),
])
def test_a_pronoun_or_preposition_in_capitals_keeps_a_title_whole(text: str, who: str) -> None:
    """English capitalises a pronoun or a short preposition inside a sentence only in a title: the campaign's name
    runs over the capitalised words around it, its verb among them."""
    assert [w for w, _ in said(text)] == [who]


def test_a_capitalised_pronoun_opening_the_sentence_is_no_title() -> None:
    assert [w for w, _ in said("On Monday, Our Town Trust said the fair would go ahead.")] == ["Our Town Trust"]
    assert [w for w, _ in said("Prime Minister Theresa May said the deal was good.")] == ["Theresa May"]


@pytest.mark.parametrize("text, who", [
    ("The App Cleaners and Porters Union said the fees were unfair.", "App Cleaners and Porters Union"),
    ("The Ferry Stewards and Deckhands Union said the fees were unfair.", "Ferry Stewards and Deckhands Union"),
])
def test_workers_joined_before_a_unions_noun_are_its_name(text: str, who: str) -> None:
    """The NER may read the first group of workers as a person's name, or the whole name as a work's title."""
    assert [w for w, _ in said(text)] == [who]


def test_a_persons_name_before_and_stays_apart() -> None:
    assert [w for w, _ in said("Serena Williams and Porters Union said it was unfair.")] == ["Serena Williams"]


@pytest.mark.parametrize("text, who", [
    ("The GMX teachers' union said the change would harm pupils.", "GMX"),
    ("The NUJ journalists’ union said the cuts were deep.", "NUJ"),
])
def test_a_name_before_a_description_with_a_possessive_speaks(text: str, who: str) -> None:
    assert [w for w, _ in said(text)] == [who]


def test_a_title_and_one_name_is_the_person_named_in_full() -> None:
    text = ("The council’s licensing chair, Councillor Ekon Bassey, described the figure as “absurd”.\n\n"
            "Councillor Ekon said the council would write to ministers.")
    assert [w for w, _ in said(text)] == ["Ekon Bassey", "Ekon Bassey"]


def test_a_title_word_inside_a_bodys_name_is_no_persons_title() -> None:
    """"Justice Reform" cut from "the Centre for Justice Reform" is no "Justice" (a judge's title) and a name."""
    doc = load_pipeline("en")("Ministers met the Centre for Justice Reform and Councillor Ekon on Monday.")
    piece, person = list(doc[5:7]), list(doc[8:10])
    assert titled_person("Organization", piece) == ("Organization", piece)
    assert titled_person("Organization", person) == ("Person", person[1:])


@pytest.mark.parametrize("text", [
    "Marlby Borough Council said the levy would raise £2m. Marlby Council said it would be reviewed in May.",
    "Marlby Council said the levy would raise £2m. Later, Marlby Borough Council said it would be reviewed in May.",
])
def test_a_bodys_name_less_its_middle_words_is_the_same_body_under_its_long_name(text: str) -> None:
    assert [w for w, _ in said(text)] == ["Marlby Borough Council", "Marlby Borough Council"]


def test_a_spokesperson_for_the_short_name_speaks_for_the_long_one() -> None:
    text = ("Marlby Borough Council said the levy would raise £2m. A Marlby Council spokesperson said it would be "
            "reviewed.")
    assert [w for w, _ in said(text)] == ["Marlby Borough Council", "Marlby Borough Council spokesperson"]


def test_two_long_names_that_differ_in_the_middle_stay_apart() -> None:
    """"Marlby Council", once the town's, is no bridge between the town's council and the district's."""
    text = ("Marlby Council said the levy would be reviewed. Marlby Town Council said it would raise £2m. "
            "Marlby District Council said it was opposed.")
    assert [w for w, _ in said(text)] == ["Marlby Town Council", "Marlby Town Council", "Marlby District Council"]


def test_a_name_joined_to_another_by_and_is_no_long_form_of_it() -> None:
    """Two bodies, each with its article, are two names: the first speaks for both (round 32: no merged entity)."""
    text = ("The Premier League and the Football League said prices would fall. The Premier League said it would "
            "publish figures.")
    assert [w for w, _ in said(text)] == ["Premier League", "Premier League"]


@pytest.mark.parametrize("text, who", [
    ("The Police Federation of England and Wales said the plan would fail.", "Police Federation of England and Wales"),
    ("The Sentencing Council for England and Wales said the guideline would change.",
     "Sentencing Council for England and Wales"),
])
def test_a_complement_of_two_nations_is_whole(text: str, who: str) -> None:
    """The NER reads the second nation as an organisation's name of its own ("Wales"): a nation after "and" in the
    complement is still a place."""
    assert [w for w, _ in said(text)] == [who]


def test_a_body_after_a_nation_in_the_complement_stays_apart() -> None:
    assert [w for w, _ in said("The Bank of England and Barclays said rates would rise.")] == ["Bank of England"]


@pytest.mark.parametrize("text, who", [
    ("The UN Committee on the Rights of the Child has urged the government to act. A spokesperson for the committee "
     "said it would watch closely.", "UN Committee on the Rights of the Child spokesperson"),
    ("The Commission on Race and Ethnic Disparities said the report was fair.", "Commission on Race and Ethnic Disparities"),
])
def test_on_opens_the_subject_a_committee_studies(text: str, who: str) -> None:
    assert [w for w, _ in said(text)][-1] == who


def test_on_before_a_date_is_when_the_body_spoke() -> None:
    assert [w for w, _ in said("The Low Pay Commission on Thursday said the wage would rise.")] == ["Low Pay Commission"]


@pytest.mark.parametrize("text, who", [
    ("The Asthma and Lung UK charity warned that the fumes would harm children.", "Asthma and Lung UK"),
    ("Asthma and Lung UK said the fumes would harm children.", "Asthma and Lung UK"),
    ("Parkinson's and Dementia UK warned that patients would suffer.", "Parkinson's and Dementia UK"),
    ("The Stroke and Heart Scotland charity said the cuts would cost lives.", "Stroke and Heart Scotland"),
])
def test_two_nouns_joined_before_a_nation_are_one_charitys_name(text: str, who: str) -> None:
    """The NER cuts such a name at "and", reading "Lung UK" as a person's or "UK" as a place after the noun."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Support After Fire and Flood said the payouts came too late.", "Support After Fire and Flood"),
    ("Help After Theft and Fraud warned that victims were ignored.", "Help After Theft and Fraud"),
])
def test_and_between_capitalised_words_of_a_title_is_inside_it(text: str, who: str) -> None:
    """The NER finds only the last noun ("Flood") or stops at "and"; the capitalised "After" says title."""
    assert [w for w, _ in said(text)] == [who]


def test_a_word_the_parse_hangs_on_a_bodys_name_across_and_opens_it() -> None:
    assert [w for w, _ in said("Highlands and Islands Airports said the fees would rise.")] \
        == ["Highlands and Islands Airports"]


@pytest.mark.parametrize("text, who", [
    ("Marlow Foods and Greenwood Dairies said prices would rise.", "Marlow Foods"),
    ("Oxfam and Save the Children said the cuts were cruel.", "Oxfam"),
])
def test_two_bodies_joined_by_and_stay_apart(text: str, who: str) -> None:
    assert [w for w, _ in said(text)] == [who]


def test_a_company_before_and_is_no_part_of_a_nation_closed_name() -> None:
    found = [w for w, _ in said("Tesco and Asda UK said prices would fall.")]
    assert found and not any(w.startswith("Tesco and") for w in found)


@pytest.mark.parametrize("text, who", [
    ("Keep Britain Green welcomed the fine. A survey by the charity found litter everywhere.", "Keep Britain Green"),
    ("Stop Scotland Fracking welcomed the ruling.", "Stop Scotland Fracking"),
])
def test_a_campaigns_title_runs_on_after_the_place_the_ner_found(text: str, who: str) -> None:
    """The NER finds only the place ("Britain"); the verb before it and the capitalised words after it are the title's."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Hotels are full all summer. Visit Harrowby said the new tax would cost jobs.", "Visit Harrowby"),
    ("The residents' group behind the petition, Save Mossley Brook Meadows, accused the council of ignoring residents.",
     "Save Mossley Brook Meadows"),
])
def test_a_campaign_or_tourism_verb_opens_the_name_past_words_no_name_holds(text: str, who: str) -> None:
    """"Visit Harrowby": a tourism body's name opens with "Visit"; "Save Mossley | Brook Meadows": the NER found the
    last words only, and the verb stands two capitalised words before them."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("An editorial in the Farmers Guardian on Friday argued that the fine was overdue.", "Farmers Guardian"),
    ("The US Federal Trade Commission said the merger would harm buyers.", "US Federal Trade Commission"),
    ("A spokesman for the Guardian said the paper would appeal.", "The Guardian spokesperson"),
    ("The European Commission said the deal was unlawful.", "European Commission"),
])
def test_capitalised_words_before_a_known_body_open_another_name(text: str, who: str) -> None:
    """"the Farmers Guardian" is another paper than the Guardian the knowledge base knows; a place's word opens no
    other name, and a known name on its own stays the known body."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Parents were split. Pregnant Then Screwed said more places were badly needed.", "Pregnant Then Screwed"),
    ("Parents were split. Broke Then Evicted, a tenants' group, said rents were too high.", "Broke Then Evicted"),
    ("Ministers agreed. Then Labour said the plan was late.", "Labour Party"),
    ("The levy rose, and Tom Hale then said it was unfair.", "Tom Hale"),
])
def test_a_capitalised_then_inside_a_sentence_is_a_titles(text: str, who: str) -> None:
    """The NER keeps only the first word of "Pregnant Then Screwed"; "Then" opening a sentence says nothing."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("The Campaign to Protect Rural Wales said the pylons would scar the valley.", "Campaign to Protect Rural Wales"),
    ("The Coalition to End Child Poverty said the cut was cruel.", "Coalition to End Child Poverty"),
    ("The Alliance to Stop Fur Farming, a coalition of charities, said the ban was overdue.",
     "Alliance to Stop Fur Farming"),
    ("The Campaign said it would go to Court Of Appeal.", "Campaign"),
])
def test_a_purpose_in_capitals_is_part_of_the_name(text: str, who: str) -> None:
    """"to" and a verb with its object in capitals after a capitalised noun name the body; a lone word after "to",
    or capitals running to the end of the sentence, do not."""
    assert [w for w, _ in said(text)] == [who]


@pytest.mark.parametrize("text, who", [
    ("Councillor Elin ap Rhys said the budget was too small. Mr ap Rhys added that the vote was rushed.",
     ["Elin ap Rhys", "Elin ap Rhys"]),
    ("The Welsh poet Dafydd ab Owen said the festival would suffer.", ["Dafydd ab Owen"]),
])
def test_a_welsh_patronymic_particle_stays_in_the_name(text: str, who: list[str]) -> None:
    assert [w for w, _ in said(text)] == who


@pytest.mark.parametrize("text, who", [
    ("The largest provider, Co-op Legalcare, said fees would rise.", ["Co-op Legalcare"]),
    ("Its rival, Co-op Legalcare, said in a statement that fees would rise. Co-op Legalcare added that staff were "
     "ready.", ["Co-op Legalcare", "Co-op Legalcare"]),
    ("Pro-Brexit Tories said the deal was a betrayal.", ["Conservative Party"]),
    ("The anti-fracking group Frack Free Lancashire said the ruling was a victory.", ["Frack Free Lancashire"]),
    ("Well-funded Greenpeace said the ruling was a victory.", ["Greenpeace"]),
])
def test_a_hyphened_word_opens_the_name_after_it(text: str, who: list[str]) -> None:
    """The tokenizer cuts "Co-op" at its hyphen and the NER leaves it out of the name it opens; a capitalised second
    part ("Pro-Brexit") or a lower-case word before the hyphen says what the body stands for, and a sentence's first
    word is capitalised anyway."""
    assert [w for w, _ in said(text)] == who


# --- round 32: a place inside a body's name, two bodies with their articles, the council of the story's city -----------

def test_a_body_named_by_a_word_and_the_storys_place_is_no_person_nor_the_place() -> None:
    """"Police Wales" after "Wales": a word that is no first name before a known place names a body."""
    text = "Bus routes across Wales will be cut from May. Police Wales said patrols would continue."
    found, index = run(text, "en")
    assert [(speaker(s, index), index.entities[s.speaker].type) for s in found] == [("Police Wales", "Organization")]


def test_a_first_name_before_a_place_names_a_person() -> None:
    """Near miss: "Ann Wales" is a person whose surname is a place's name."""
    text = "Bus routes across Wales will be cut from May. Ann Wales said patrols would continue."
    found, index = run(text, "en")
    assert [(speaker(s, index), index.entities[s.speaker].type) for s in found] == [("Ann Wales", "Person")]


def test_a_possessive_that_is_no_name_of_its_own_opens_the_bodys_name() -> None:
    text = "Ferry fares in Derry will rise. A survey by Queen's College Derry found that most riders backed the change."
    assert [w for w, _ in said(text)] == ["Queen's College Derry"]


def test_a_named_owner_before_a_possessive_is_no_part_of_the_name() -> None:
    """Near miss: "Google's DeepMind": the owner has a name of its own."""
    assert [w for w, _ in said("Search engines will change. Google's DeepMind said the data were sound.")] == ["DeepMind"]


def test_two_bodies_each_with_its_article_are_two_names() -> None:
    """"The Pharmacy Guild and the Dental Council": the second name's own article parts them; the first speaks."""
    assert [w for w, _ in said("The Pharmacy Guild and the Dental Council said the cuts would hurt patients.")] == [
        "Pharmacy Guild"]


@pytest.mark.parametrize("text, who", [
    ("The Pharmacy and Dental Council said the cuts would hurt patients.", "Pharmacy and Dental Council"),
    ("Ferries to Kilmory will pay a levy approved by Lorne and the Islands Council on Friday. The council said the "
     "money would repair the pier.", "Lorne and the Islands Council"),
])
def test_words_joined_by_and_before_a_bodys_noun_make_one_name(text: str, who: str) -> None:
    """Near misses: no article after "and", or a place before it (no body's head word), one body."""
    assert [w for w, _ in said(text)] == [who]


def test_a_place_the_article_names_opening_a_persons_span_of_three_words_makes_a_group() -> None:
    """"Dundee Cyclists Together", read as a person's name: the place and two words more name a group, and the place
    named alone stays itself (not a reference to that "person")."""
    text = ("Every street in Dundee would get a cycle lane. The riders' group, Dundee Cyclists Together, said the plan "
            "was overdue.")
    found, index = run(text, "en")
    assert [(speaker(s, index), index.entities[s.speaker].type) for s in found] == [
        ("Dundee Cyclists Together", "Organization")]
    first = text.index("Dundee")
    assert index.entity_at(first, first + len("Dundee")).label == "Dundee"


@pytest.mark.parametrize("kind, council", [("city", "Harwick city council"), ("borough", "Harwick Council")])
def test_the_council_of_a_place_the_article_calls_a_city_is_the_city_council(kind: str, council: str) -> None:
    """"The council" of a story that calls its place "the city" is "X City Council"; a borough's council often bears
    no kind, so "the borough" gives none (near miss)."""
    text = (f"Every home in Harwick would need a licence under plans to cover the whole {kind}, the council announced "
            "on Monday.")
    assert [w for w, _ in said(text)] == [council]


@pytest.mark.parametrize("text, who", [
    ("Night shifts will earn a premium. The Welsh Congress of Dock Unions said the premium was too low.",
     "Welsh Congress of Dock Unions"),
    ("Night shifts will earn a premium. Congress passed the bill and said the premium was too low.",
     "United States Congress"),  # near miss: the known name alone
])
def test_a_known_name_inside_a_longer_one_with_a_plural_head_is_another_body(text: str, who: str) -> None:
    """"Congress" inside "the Welsh Congress of Dock Unions": a body's head word in the plural gives the longer name a
    head of its own, as the singular does ("Trades Union Congress")."""
    assert [w for w, _ in said(text)][-1] == who


@pytest.mark.parametrize("text, who", [
    ("The Department of Fisheries, Forestry and the Coast said the quota would be cut.",
     "Department of Fisheries, Forestry and the Coast"),
    ("The Ministry of Transport, Tourism, Ports and Inland Waterways said the ferry would resume.",
     "Ministry of Transport, Tourism, Ports and Inland Waterways"),
    ("The Department of Transport, Tourism and Coastal Heritage said the ferry would resume.",
     "Department of Transport, Tourism and Coastal Heritage"),
    ("According to the Department of Fisheries, Forestry and the Coast, the quota would be cut.",
     "Department of Fisheries, Forestry and the Coast"),
])
def test_a_government_body_named_by_a_list_of_remits_keeps_the_whole_list(text, who):
    assert said(text)[0][0] == who


@pytest.mark.parametrize("text", [
    "The Department of Health, NHS Wales and the Royal College of Midwives said the rota was unsafe.",
    "The Department of Health, Wales and Scotland said the rota was unsafe.",
    "The Department of Transport, Tourism Council and Ferry Users said the ferry would resume.",
    "The Department of Transport, Tourism, said the ferry would resume.",
    "The Royal Society of Arts, Crafts and Design said the ferry would resume.",
])
def test_a_list_of_bodies_places_or_one_and_never_closes_is_no_list_of_remits(text):
    """Near misses: another body's head word, an acronym or a place among the items, no "and", no government head."""
    assert not said(text)[0][0].startswith(("Department of Health, ", "Department of Transport, ", "Royal Society of Arts, "))


@pytest.mark.parametrize("text, who", [
    ("The Canadian Nursing and Midwifery Federation, which has fought for ratios for a decade, welcomed the bill.",
     "Canadian Nursing and Midwifery Federation"),
    ("The charity Dyslexia Action and Numeracy Support said it feared the pupils who struggled most would be missed.",
     "Dyslexia Action and Numeracy Support"),
])
def test_a_body_name_the_ner_cut_at_and_is_whole(text, who):
    assert said(text)[0][0] == who


@pytest.mark.parametrize("text, whole", [
    ("The Canadian Nurses Union and Midwifery Federation, which have fought for ratios, welcomed the bill.",
     "Canadian Nurses Union and Midwifery Federation"),
    ("The charity Dyslexia Action and the council said they feared the pupils who struggled most would be missed.",
     "Dyslexia Action and the council"),
])
def test_a_body_named_before_and_with_its_own_head_word_stays_apart(text, whole):
    """Near misses: the first part closed by a body's head word; a lower-case word after "and"."""
    assert said(text)[0][0] != whole
