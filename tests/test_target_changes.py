"""The measure's label when the lead names it as a change made to a text ("an amendment to the X Bill") or a
headline by what carries it ("ban on ... under new rules"): the change, not the text it changes; the measure, not
what carries it. Sentences written for these tests, each with a near miss."""
from __future__ import annotations

import pytest

from test_target_labels import QUOTE, topics


@pytest.mark.parametrize("lead, policy", [
    ("Shops will have to display allergy notices under an amendment to the Food Standards Bill tabled by the "
     "government on Tuesday.", "amendment to the Food Standards Bill"),
    ("Shops will have to display allergy notices under the Food Standards Bill tabled by the government on "
     "Tuesday.", "Food Standards Bill"),  # near miss: the law itself carries the measure
])
def test_a_law_the_lead_names_only_as_the_text_a_change_is_made_to_is_not_the_measure(lead, policy):
    """"under an amendment to the Food Standards Bill": the amendment is the measure the article debates, named
    with the law it changes (not "to the Food Standards Bill" read as a place), not the law."""
    text = f"Allergy notices to become compulsory in cafés\n\n{lead} {QUOTE} The bill reaches the Lords in May."
    assert topics(text) == [policy]


@pytest.mark.parametrize("lead, policy", [
    ("Every pharmacy in Wales will have to stay open on Saturdays under a change to the pharmacy contract agreed "
     "on Friday.", "change to the pharmacy contract"),
    ("Every pharmacy in Wales will have to stay open on Saturdays under a change to the NHS pharmacy contract "
     "agreed on Friday.", "change to the NHS pharmacy contract"),  # a name inside the text's noun phrase
    ("Every pharmacy in Wales will have to stay open on Saturdays under the pharmacy contract agreed on Friday.",
     "pharmacy contract"),  # near miss: no change named
])
def test_a_change_to_a_text_is_named_with_it(lead, policy):
    """"under a change to the pharmacy contract": the change, which says what is debated, with the text it
    changes."""
    assert topics(f"Pharmacies told to open on Saturdays\n\n{lead} {QUOTE}") == [policy]


@pytest.mark.parametrize("headline, policy", [
    ("Ferry firms face ban on selling passenger data under new privacy rules", "ban on selling passenger data"),
    ("Ferry firms face ban on selling passenger data to advertisers", "ban on selling passenger data to advertisers"),
    ("Ferry firms face ban on passengers under 12 travelling alone", "ban on passengers under 12 travelling alone"),
    ("Ministers back plan to end most fishing licences under a year", "plan to end most fishing licences under a year"),
])
def test_what_carries_a_headline_s_measure_is_no_part_of_its_name(headline, policy):
    """"ban on ... under new privacy rules": "under" opens the text that carries the ban; an age or a length
    after it is part of the name, and a complement without it stays (near misses)."""
    assert topics(f"{headline}\n\nThe change starts in May. {QUOTE}") == [policy]


@pytest.mark.parametrize("lead, policy", [
    ("Les cantines de Valmont devront servir un repas végétarien par jour, en vertu d'une modification de la loi "
     "sur la restauration scolaire adoptée jeudi.", "modification de la loi sur la restauration scolaire"),
    ("Les cantines de Valmont devront servir un repas végétarien par jour, en vertu de la loi sur la restauration "
     "scolaire adoptée jeudi.", "loi sur la restauration scolaire"),  # near miss: the law itself
])
def test_a_french_change_to_a_law_is_named_with_it(lead, policy):
    """« une modification de la loi sur ... »: the change, with the law it changes."""
    text = f"Cantines : un repas végétarien chaque jour à Valmont\n\n{lead} « Nous allons tous payer », a déclaré " \
           "Peter Kyle."
    assert topics(text, "fr", "Nous allons tous payer") == [policy]
