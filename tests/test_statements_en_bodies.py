"""Bodies as speakers in English news style (round 19), on sentences written for these tests: a body's full name
when the parse cuts it, a body named again by a description ("a company spokesman", "the council's transport
department", « l'association »: the named body of that kind written before), and the speaker of a third
coordinated clause."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.names import name_head
from test_statements import run, speaker
from test_statements_en_press import said


# (text, the content's first words, the expected speaker)
BODIES = [
    pytest.param("Nurses backed the plan, but landlords criticised the rules and tenants warned that rents would rise.",
                 "rents would", "tenants", id="third_coordinated_clause_has_its_own_subject"),
    pytest.param("Bus fares will rise in June. The Kelby Chamber of Commerce said traders feared the cost.",
                 "traders feared", "Kelby Chamber of Commerce", id="of_and_a_capitalised_name_complete_a_body"),
    pytest.param("Bus fares will rise in June. The Kelby Chamber of Commerce said traders feared the cost. Drivers are "
                 "angry.\n\nThe local chamber of commerce said the rise would drive shoppers away.",
                 "the rise", "Kelby Chamber of Commerce", id="a_longer_description_names_the_body_again"),
    pytest.param("Prices will rise, said Tom Hale.\n\nThe council expects half of owners to sign up, a spokeswoman said.",
                 "The council", "council spokesperson", id="a_spokeswoman_of_the_body_her_sentence_names"),
    pytest.param("Holiday-let owners and estate agents warned that the tax would empty the villages.",
                 "the tax", "Holiday-let owners and estate agents", id="hyphenated_modifier_of_a_coordination"),
    pytest.param("Second-home owners warned that the tax would empty the villages.",
                 "the tax", "Second-home owners", id="hyphenated_modifier_of_a_plural_noun"),
    pytest.param("The fee is unfair, said Tom Hale of the Cycle Traders' Association. A poll for the association by "
                 "Quorum Research found that most members would close earlier.",
                 "most members", "Cycle Traders' Association", id="a_poll_speaks_for_whom_it_was_made_not_the_pollster"),
    pytest.param("Bus fares will rise in June. The Kelby Chamber of Commerce said traders feared the cost. A survey of 300 "
                 "members by the chamber found that trade had fallen.",
                 "trade had", "Kelby Chamber of Commerce", id="a_survey_by_a_body_after_those_it_counted"),
    pytest.param("Kelby Borough Council wants a new levy, said Tom Hale. Trade fell by a fifth, according to a council "
                 "evaluation.", "Trade fell", "Kelby Borough Council", id="a_body_noun_before_the_document"),
    pytest.param("A poll by Quorum Research found that most members would close earlier.",
                 "most members", "Quorum Research", id="a_poll_by_its_pollster_alone"),
    pytest.param("Residents of Kelby will pay more for parking from May, the borough council confirmed. Shops fear the "
                 "cost.\n\nThe council said the money would fund buses.",
                 "the money", "Kelby borough council", id="a_local_council_is_the_council_of_the_story_place"),
    pytest.param("Kelby to charge drivers\n\nDrivers in Kelby will pay a new fee from May. Shops in Leeds and York fear the "
                 "cost.\n\nThe borough council said the money would fund buses.",
                 "the money", "Kelby borough council", id="a_local_council_is_the_lead_places_when_later_places_compete"),
    pytest.param("Owners of second homes in Trevennick will pay twice the usual tax from April. About 900 homes stand "
                 "empty, according to the council’s own figures.", "About 900", "Trevennick Council",
                 id="a_bare_council_no_name_stood_for_is_the_story_places"),
    pytest.param("Owners of second homes in Trevennick will pay twice the usual tax.\n\nThe council will spend the money "
                 "on housing, a council spokesman said.", "The council", "Trevennick Council spokesperson",
                 id="a_spokesman_of_the_bare_council_of_the_story_place"),
    pytest.param("Council leaders said the plan would cut traffic. Shops are worried.\n\nA council spokeswoman said "
                 "volunteers would be trained.", "volunteers", "council spokesperson",
                 id="a_group_described_by_a_noun_is_no_person_whose_surname_is_council"),
    pytest.param("The union's leader said the cuts would cost jobs. Shops are worried.\n\nMaria Keane, who leads the "
                 "union, said the cuts were reckless.", "the cuts would", "Maria Keane",
                 id="an_owned_role_is_the_person_named_later_as_its_holder"),
    pytest.param("The union's leader said the cuts would cost jobs. Shops are worried.\n\nMaria Keane, who runs a "
                 "bakery, said the cuts were reckless.", "the cuts would", "leader",
                 id="an_owned_role_is_not_a_later_person_of_another_role"),
    pytest.param("Anglers in Scotland will need a permit from May. Fishing clubs across Scotland are angry.\n\nA study "
                 "commissioned by the government found that anglers spend £80m a year.", "anglers spend",
                 "Scottish government", id="the_government_of_a_story_set_in_a_devolved_nation"),
    pytest.param("Anglers in England will need a permit from May, as they already do in Wales.\n\nA study commissioned "
                 "by the government found that anglers spend £80m a year.", "anglers spend", "government",
                 id="the_government_of_a_story_that_names_a_devolved_nation_in_passing"),
    pytest.param("Rents rose again, but letting agents warned that the levy would cost jobs.", "the levy", "letting agents",
                 id="a_gerund_modifier_read_as_a_verb"),
    pytest.param("Landlords and letting agents warned that the levy would cost jobs.", "the levy",
                 "Landlords and letting agents", id="a_gerund_modifier_inside_a_coordination"),
    pytest.param("The mayor said the money would go to housing, but holiday-home owners and letting agents warned that the "
                 "premium would hurt trade.", "the premium", "holiday-home owners and letting agents",
                 id="a_coordination_the_parse_broke_at_a_gerund_modifier"),
    pytest.param("After hearing residents, councillors said the plan was unfair.", "the plan", "councillors",
                 id="a_gerund_after_a_preposition_is_a_verb"),
    pytest.param("Swimming groups say the fee is unfair. Wend Wild Swimmers, which has 400 members, said it had not been "
                 "asked.", "it had", "Wend Wild Swimmers", id="a_name_opening_with_a_word_the_tagger_read_as_a_verb"),
    pytest.param("Swimming groups say the fee is unfair. Wend Open Water Swimmers, which has 400 members, said it had not "
                 "been asked.", "it had", "Wend Open Water Swimmers", id="a_name_the_ner_missed_opening_with_a_verb"),
    pytest.param("Shops will be barred from selling phones to children, while a parents’ group that has campaigned for "
                 "years welcomed it as “the line we asked for”.\n\nSafe Screens, the group founded by two mothers in 2024, "
                 "said it had collected 4,000 signatures.", "it as", "Safe Screens",
                 id="an_indefinite_group_in_the_lede_is_the_group_named_later_beside_its_noun"),
    pytest.param("Shops will be barred from selling phones to children, while a parents’ group welcomed it as “the line we "
                 "asked for”.\n\nTom Hale, a group leader in Leeds, said he had collected 4,000 signatures.", "it as",
                 "parents’ group", id="an_indefinite_group_is_not_a_person_whose_role_holds_its_noun"),
    pytest.param("Fares will rise. The opposition Liberal Democrat group called for a review of the fares.", "for a review",
                 "Liberal Democrat group", id="a_lower_case_descriptor_before_a_name_like_group"),
    pytest.param("Shops would be barred from selling phones to children under 14 under plans published on Thursday by the "
                 "Department for Science and Technology, which said the ban could come into force in 2028.", "the ban",
                 "Department for Science and Technology", id="a_relative_clause_the_parse_hung_on_the_main_verb"),
    pytest.param("Tidewell Water said hosepipes would be banned from Friday. The Consumer Council for Water said customers "
                 "should not expect lower bills. The ban will stay until reservoirs recover, which the company said could "
                 "take months.", "could take", "Tidewell Water", id="the_company_is_no_council_that_spoke_in_between"),
    pytest.param("Shops may open all day on Sundays. The shopworkers’ union Unify fiercely opposed the change. A survey for "
                 "the union found that most staff felt under pressure.", "most staff", "Unify",
                 id="the_bare_noun_refers_back_to_the_name_the_ner_missed_after_it"),
    pytest.param("The city council Monday approved the fee. Residents were angry. The council said the fee would fund buses.",
                 "the fee would", "city council", id="a_day_after_a_bodys_noun_is_no_name"),
    pytest.param("Drivers in Leeds and Kelby will pay more, the city council said.",
                 "Drivers", "city council", id="a_local_council_stays_bare_when_places_compete"),
    pytest.param("Upland Farms and Estates said the rent rise would force tenants out.",
                 "the rent", "Upland Farms and Estates", id="a_name_with_and_inside"),
    pytest.param("Northern Moor and Estates, which speaks for farmers, said the rent rise would force tenants out.",
                 "the rent", "Northern Moor and Estates", id="a_singular_noun_and_a_plural_inside_a_name"),
    pytest.param("Permits will be issued by Moorwatch, the government’s wildlife agency. A permit can be suspended for two "
                 "years, the agency said.", "A permit", "Moorwatch", id="a_description_beside_a_name_names_it_again"),
    pytest.param("Bins will cost more, but local traders and residents’ groups said it would lead to fly-tipping.",
                 "it would", "local traders and residents’ groups", id="a_plural_possessive_modifier_after_and"),
    pytest.param("Tenants’ groups said it would lead to fly-tipping.",
                 "it would", "Tenants’ groups", id="a_plural_possessive_modifier"),
    pytest.param("Firms will pay more from May. The council said the money would fund trams, but the local chamber of "
                 "commerce warned that firms would leave.\n\nThe Kelby Chamber of Commerce said it had taken legal advice.",
                 "firms would", "Kelby Chamber of Commerce", id="a_description_in_the_lede_of_a_body_named_in_full_later"),
    pytest.param("Rents rose again. The Second Landlords’ Association said its members could not pay.",
                 "its members", "Second Landlords’ Association", id="a_capitalised_ordinal_opens_a_name"),
    # a body named once, then spoken for by a description or an unnamed voice (bodies25)
    pytest.param("Northway Coaches, which runs most rural routes, warned that fares would rise. A company spokesman said "
                 "the operator had not been consulted.", "the operator", "Northway Coaches spokesperson",
                 id="a_company_spokesman_speaks_for_the_company_named_before"),
    pytest.param("Harlow Water will fit meters in every home by 2029. The company said bills would fall for most people.\n\n"
                 "The Kelby Tenants Union said the plan was unfair.\n\nCustomers can switch back within two years, a "
                 "company spokeswoman said.", "Customers can", "Harlow Water spokesperson",
                 id="the_company_stays_the_body_it_stood_for_before"),
    pytest.param("Dunmere County Council will remove its parking machines by June. The council said the move would save "
                 "money.", "the move", "Dunmere County Council",
                 id="the_council_is_the_name_its_capitalised_noun_ends"),
    pytest.param("Brennock Council will raise fares in April. Pass holders keep their passes, the council's transport "
                 "department said.", "Pass holders", "Brennock Council",
                 id="a_department_of_the_council_speaks_for_the_council"),
    pytest.param("Parking will cost more in Brennock. Brennock Council will stop issuing free passes, its cabinet agreed "
                 "on Thursday.", "Brennock Council will", "Brennock Council",
                 id="its_cabinet_speaks_for_the_body_its_sentence_names"),
    pytest.param("Marlby District Council will ban bins at night, its cabinet decided.\n\nCouncil leader Tom Hale said "
                 "streets would be quieter.\n\nA council spokesperson said the rule would start in May.", "the rule",
                 "Marlby District Council spokesperson", id="a_council_noun_opening_a_sentence_before_a_title_is_no_name"),
    pytest.param("Commuters in Greater Kelbyshire will pay a flat bus fare from May.\n\nThe combined authority said the "
                 "cap would cost £20m a year.", "the cap", "Greater Kelbyshire combined authority",
                 id="the_combined_authority_is_the_story_places"),
    pytest.param("Bus fares will be capped from May, the government said.\n\nThe authority said the cap would cost £20m "
                 "a year.", "the cap", "government", id="a_bare_authority_is_no_places"),
    pytest.param("Anglers will need a permit from May under rules set by the Welsh government. Clubs across the UK are "
                 "angry.\n\nA government spokeswoman said the permit would be free.", "the permit",
                 "Welsh government spokesperson", id="a_government_spokeswoman_of_the_devolved_government_named"),
    pytest.param("Anglers in Scotland will need a permit from May. Clubs across Scotland are angry.\n\nA government "
                 "spokeswoman said the permit would be free.", "the permit", "government spokesperson",
                 id="a_government_spokeswoman_of_a_story_that_named_no_government"),
    pytest.param("Hospitals will face new rules, the Department of Health and Social Care said.\n\nA Department of "
                 "Health spokeswoman said trusts could ask for an exemption.", "trusts could",
                 "Department of Health and Social Care spokesperson", id="a_ministry_cut_before_and_is_its_short_name"),
    pytest.param("Amnesty International and Liberty said the law was too broad. Amnesty International warned it would "
                 "be challenged.", "it would", "Amnesty International", id="a_body_is_no_short_name_of_two_joined_by_and"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), BODIES)
def test_body_speakers(text: str, opening: str, expected: str) -> None:
    speakers = [who for who, content in said(text) if content.startswith(opening)]
    assert speakers == [expected]


def test_two_bodies_joined_by_and_stay_apart() -> None:
    """"Tesco and Asda": two names, not one name with "and" inside."""
    assert "Tesco and Asda" not in [who for who, _ in said("Tesco and Asda said prices would rise.")]


def test_a_body_inside_the_quotation_is_not_the_spokeswomans() -> None:
    """"“The council has got this wrong,” a spokeswoman said": the council is criticised, not represented."""
    text = "Tom Hale backs the levy.\n\n“The council has got this wrong,” a spokeswoman said."
    assert "council spokesperson" not in [who for who, _ in said(text)]


# French bodies named again (class 2): (text, the content's first words, the expected speaker)
FRENCH_BODIES = [
    pytest.param("La Chambre de commerce de Valbourg s'oppose à la taxe. Les commerçants craignent le coût.\n\n"
                 "La chambre estime que la taxe fera fuir les clients.",
                 "la taxe fera", "Chambre de commerce de Valbourg", id="la_chambre_after_a_body_the_ner_read_as_a_place"),
    pytest.param("Airpur Vallée, l'observatoire régional de la qualité de l'air, a relevé que la pollution avait baissé.",
                 "la pollution", "Airpur Vallée", id="a_name_then_a_definite_description_between_commas"),
    pytest.param("Mardi, le ministère de la Santé, saisi par les élus, a indiqué que la pollution avait baissé.",
                 "la pollution", "ministère de la Santé", id="a_day_before_a_description_is_no_name"),
    pytest.param("La CCI de Valbourg s'oppose à la taxe. Selon une étude commandée par la CCI, le commerce a reculé.",
                 "le commerce", "CCI de Valbourg", id="the_short_name_of_a_body_named_in_full"),
    pytest.param("Le projet ne convainc pas la FCPE du Cantal. Son président, Paul Roux, dénonce une réforme brutale. "
                 "L'association demande un moratoire d'un an.", "un moratoire", "FCPE du Cantal",
                 id="l_association_after_a_body_named_once"),
    pytest.param("Les foyers desservis par le Syndicat intercommunal des eaux de la Brenne seront équipés d'un compteur, a "
                 "annoncé son président, Jean Le Goff. Le réseau sera modernisé.\n\nLe déploiement coûtera sept millions "
                 "d'euros, a précisé le syndicat.", "Le déploiement", "Syndicat intercommunal des eaux de la Brenne",
                 id="le_syndicat_after_a_name_its_noun_heads"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), FRENCH_BODIES)
def test_french_bodies_named_again(text: str, opening: str, expected: str) -> None:
    found, index = run(text, "fr")
    assert [speaker(s, index) for s in found if s.content.startswith(opening)] == [expected]


def test_a_lede_indefinite_body_is_the_one_named_later_with_that_head() -> None:
    """"A housing trust wants ...": the lede's indefinite noun is the body named next whose name that noun heads."""
    text = ("A housing trust wants to knock down forty flats, saying the blocks are unsafe.\n\n"
            "The Brookfield Homes Trust, which owns the estate, said tenants would be rehoused.")
    assert [who for who, _ in said(text)] == ["Brookfield Homes Trust", "Brookfield Homes Trust"]


def test_a_bare_noun_is_the_body_it_heads_not_one_it_ends() -> None:
    """"the trust" after "Meadows in Trust": the body whose name the noun heads ("... Homes Trust"), not a name that
    merely holds the noun after a preposition."""
    text = ("The Brookfield Homes Trust said tenants would be rehoused.\n\n"
            "According to Meadows in Trust, a charity that protects green spaces, towns lost 200 parks.\n\n"
            "The trust will meet tenants in May, a spokesman said.")
    assert [who for who, _ in said(text)][-1] == "Brookfield Homes Trust spokesperson"


def test_the_association_is_the_body_its_noun_heads() -> None:
    """"the association" after a society and an association read as a public body: the body whose name the noun
    heads, whatever its type."""
    text = ("A survey for the Fair Votes Society found that most adults backed the change. The District Government Association "
            "backs the principle. A spokesman for the association said the cost could reach £5m.")
    assert [who for who, _ in said(text)][-1] == "District Government Association spokesperson"


def test_the_government_is_no_body_that_holds_the_word() -> None:
    """"a government spokesperson" after "the Regional Government Forum": "government" inside another body's
    name is not the government."""
    text = ("The Regional Government Forum warned that offices would need more money.\n\n"
            "The bill will be debated in January, a government spokesperson said.")
    assert [who for who, _ in said(text)][-1] != "Regional Government Forum spokesperson"


def test_a_name_the_ner_missed_before_a_collective_apposition_is_a_body() -> None:
    """"Bats Protection, the UK's largest wildlife charity, ...": capitalised words opening the sentence and
    described by a collective noun name the body, which "the charity" then stands for."""
    text = ("Bats Protection, the UK’s largest wildlife charity, welcomed the rules. A spokeswoman for the charity said "
            "most rescues had no chip.")
    assert [who for who, _ in said(text)] == ["Bats Protection", "Bats Protection spokesperson"]  # the act, then words


@pytest.mark.parametrize(("label", "head"), [("Northmoor Fire and Rescue Service", "service"), ("Fields in Trust", "fields"),
                                             ("Brookfield Homes Trust", "trust"), ("Tenants", None)])
def test_the_word_that_heads_a_name(label: str, head: str | None) -> None:
    """"a service spokesperson" stands for the body whose name "service" heads: "and" inside the name does not end it,
    a preposition does."""
    assert name_head(label) == head


def test_the_company_is_no_body_of_the_state() -> None:
    """"the company" after a regulator and a company: the company, not the regulator named last."""
    text = ("Harlow Water Services wants to raise bills. The Environment Agency said rivers were low. A company spokesman said "
            "the rise was needed.")
    assert [who for who, content in said(text) if content.startswith("the rise")] == ["Harlow Water Services spokesperson"]


def test_a_bare_body_noun_takes_the_name_the_headline_gives_it() -> None:
    """« le rectorat » of an article whose headline (which the NLP does not read) says « le rectorat de Valbourg »."""
    from policykg.loaders.extract.entities import recognise
    from policykg.loaders.extract.statements import find_statements
    from policykg.loaders.model import Article
    from policykg.loaders.nlp import load_pipeline

    text = "Huit collèges perdront leur classe bilangue à la rentrée, a confirmé lundi le rectorat."
    article = Article(id="t", source="t.txt", text=text, language="fr",
                      title="Classes bilangues : le rectorat de Valbourg assume, les parents protestent")
    doc = load_pipeline("fr")(article.nlp_text())
    index = recognise(article, doc)
    assert [index.entities[s.speaker].label for s in find_statements(article, doc, index)] == ["rectorat de Valbourg"]


@pytest.mark.parametrize("text, who", [
    ("The Conservative group on the county council said the savings were not real.", "Conservative group"),
    ("The independent group on the parish council warned that the hall would close.", "independent group"),
])
def test_where_a_group_sits_is_no_part_of_its_label(text: str, who: str) -> None:
    """"on the council" after a body's noun says where the group sits: a later "the council" is not the group."""
    assert [w for w, _ in said(text)] == [who]


def test_a_place_after_people_stays_in_their_label() -> None:
    assert [w for w, _ in said("Residents on the council estate said the plan was a disgrace.")] == \
        ["Residents on the council estate"]


def test_an_unattached_spokesperson_is_not_the_agents_of_a_description() -> None:
    """The body that acts in a participle describing the subject ("criticised by the CAA") is not in focus."""
    text = "The airline SkyHop, criticised by the CAA last year, said little. A spokeswoman said the firm would comply."
    assert [w for w, _ in said(text)][-1] == "SkyHop spokesperson"


@pytest.mark.parametrize("text, speaker", [
    ("The European Commission proposed new rules on Monday. Asked about costs, a Commission spokesman said the text was "
     "balanced.", "European Commission spokesperson"),
    ("The European Commission proposed new rules on Monday. The Commission said the text was balanced.",
     "European Commission"),
    ("The Scottish Government announced the fee. A Government spokesman said the fee was fair.",
     "Scottish Government spokesperson"),
    # two bodies with that head: the word alone names neither
    ("The European Commission and the Competition Commission clashed. The Commission said the merger was unfair.",
     "Commission"),
])
def test_a_public_body_named_again_by_its_head_alone_is_the_same_body(text: str, speaker: str) -> None:
    assert [who for who, _ in said(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("The Federation of Small Businesses backed the plan. A survey of its members found that two thirds had given up "
     "on hiring.", "Federation of Small Businesses"),
    ("Citizens Advice welcomed the plan. A study it published last year found that nine in ten tenants were behind on "
     "rent.", "Citizens Advice"),
    ("Unison opposed the plan. A poll they ran found that most staff were worried.", "Unison"),
    # the pollster named with "by" still speaks, and members counted without a possessive say nothing of a body
    ("The Federation of Small Businesses backed the plan. A survey of its members by YouGov found that two thirds had "
     "given up on hiring.", "YouGov"),
])
def test_a_document_of_a_body_named_by_a_pronoun_speaks_for_the_body(text: str, speaker: str) -> None:
    """"A study it commissioned", "a survey of its members": the document's author is the body the pronoun stands
    for, the organisation that has just spoken, not the members it counted nor the document itself."""
    assert [who for who, _ in said(text)][-1] == speaker
