"""Stance rules by class of error (stance24en), on sentences written for the test: English idioms of criticism and
praise, institutions and names that are no polar words, questions, negated objects, and the frame of a speaker not
named in the sentence; the terms of a measure (a penalty with its sum, a meeting at a date: stance25)."""
from __future__ import annotations

import pytest

from test_targets import cases, stance_of


STANCES = [
    *cases("idioms institutions bans announced and questions", [
        # evaluative idioms of criticism and of praise, and a new measure called a start
        ("en", "Maria Lopez said the council had used the car park \"as a piggy bank\".", "Maria Lopez",
         "the council had used the car park \"as a piggy bank\"", "against"),
        ("en", "\"The new register is window dressing,\" said Maria Lopez.", "Maria Lopez",
         "The new register is window dressing", "against"),
        ("en", "Maria Lopez said the curfew was unenforceable.", "Maria Lopez", "the curfew was unenforceable",
         "against"),
        ("en", "\"Small builders will foot the bill,\" said Maria Lopez.", "Maria Lopez",
         "Small builders will foot the bill", "against"),
        ("en", "\"For rural families the new bus pass is a game changer,\" said Maria Lopez.", "Maria Lopez",
         "For rural families the new bus pass is a game changer", "for"),
        ("en", "\"A register is a start,\" said Maria Lopez.", "Maria Lopez", "A register is a start", "for"),
        ("en", "\"The toll has flaws, but it is the right step,\" said Maria Lopez.", "Maria Lopez",
         "The toll has flaws, but it is the right step", "for"),
        # an institution named by its common noun ("the trust") is no word of praise
        ("en", "Maria Lopez said the trust had sold the playing field.", "Maria Lopez",
         "the trust had sold the playing field", "neutral"),
        # an authority announcing what will be banned announces its measure
        ("en", "Scooters will be banned from the seafront from April, Camden Council announced.", "Camden Council",
         "Scooters will be banned from the seafront from April", "for"),
        # a question inside a longer quote casts doubt on what it asks about
        ("en", "\"What has the curfew achieved? We spend a fortune on patrols every night,\" said Maria Lopez.",
         "Maria Lopez", "What has the curfew achieved? We spend a fortune on patrols every night", "against"),
    ]),
    *cases("wrongs remedied relative clauses and consultation", [
        # a wrong a measure closes is fought; a relative clause judges its noun, not what is done to it
        ("en", "\"The new rules plug the loopholes that rogue agents have used for years,\" said Maria Lopez.",
         "Maria Lopez", "The new rules plug the loopholes that rogue agents have used for years", "for"),
        ("en", "\"The council wants to close the museum, which is a disgrace,\" said Maria Lopez.", "Maria Lopez",
         "The council wants to close the museum, which is a disgrace", "against"),
        # a measure that puts a wrong right, or ends a bad time, is welcome
        ("en", "\"This reform puts that right,\" said Maria Lopez.", "Maria Lopez", "This reform puts that right",
         "for"),
        # a decision taken with no consultation is a grievance, whatever words stand between
        ("en", "Maria Lopez said the rule had been written without any public consultation.", "Maria Lopez",
         "the rule had been written without any public consultation", "against"),
    ]),
    *cases("another clause's words and idioms of refusal", [
        # a speaker not named in the sentence: the words of another clause with its own subject are no frame
        ("en", "Maria Lopez runs a transport charity. Hauliers warned that the toll would slow the switch to electric "
         "lorries, while she said a per-mile toll was overdue.", "Maria Lopez", "a per-mile toll was overdue", "for"),
        ("en",
         "Maria Lopez runs a parents' group. Landlords called the register unworkable, while her group welcomed it "
         "as \"the rule we have been asking for\".", "Maria Lopez", "it as \"the rule we have been asking for\"",
         "for"),
        # "deserve better" and "resist" are against what they answer
        ("en", "\"Our village deserves better than a closure notice in the post,\" Maria Lopez said.", "Maria Lopez",
         "Our village deserves better than a closure notice in the post", "against"),
        ("en", "Maria Lopez said the union would resist any attempt to pass the levy on to staff.", "Maria Lopez",
         "the union would resist any attempt to pass the levy on to staff", "against"),
    ]),
    *cases("idioms of cost and objects negated", [
        # idioms of a cost borne, of a bad day and of a tax on what should be rewarded are against; a godsend is for
        ("en", "\"Tenants will pay the price,\" said Maria Lopez.", "Maria Lopez", "Tenants will pay the price",
         "against"),
        ("en", "\"This is a bad day for small landlords,\" said Maria Lopez.", "Maria Lopez",
         "This is a bad day for small landlords", "against"),
        ("en", "\"The surcharge is a tax on aspiration,\" said Maria Lopez.", "Maria Lopez",
         "The surcharge is a tax on aspiration", "against"),
        ("en", "\"The new ferry pass will be a godsend for island families,\" said Maria Lopez.", "Maria Lopez",
         "The new ferry pass will be a godsend for island families", "for"),
        ("en", "\"The permit fee is a small price to pay for quieter streets,\" said Maria Lopez.", "Maria Lopez",
         "The permit fee is a small price to pay for quieter streets", "for"),
        # an object a negator determines negates its verb
        ("en", "\"The register helps no one,\" said Maria Lopez.", "Maria Lopez", "The register helps no one",
         "against"),
        ("en", "\"The curfew will benefit no resident,\" said Maria Lopez.", "Maria Lopez",
         "The curfew will benefit no resident", "against"),
    ]),
    *cases("the words of a name are no polar words", [
        # the words of a name in the content ("Protection", "Safer") are no praise
        ("en", "Maria Lopez said the Data Protection Commission had written to the firm.", "Maria Lopez",
         "the Data Protection Commission had written to the firm", "neutral"),
        ("en", "Maria Lopez said the Data Protection Commission had written to the firm, a welcome step.",
         "Maria Lopez", "the Data Protection Commission had written to the firm, a welcome step", "for"),
    ]),
    *cases("a penalty and a meeting at a date are terms of the measure", [
        # the penalty a measure sets, with its sum, is a term of it: neutral; a penalty someone is said to risk, or
        # one judged, takes a side
        ("en", "Council leader Tom Hale said breaches will be punishable by a fine of up to £1,000.", "Tom Hale",
         "breaches will be punishable by a fine of up to £1,000", "neutral"),
        ("fr", "« Le non-respect de l'arrêté sera puni d'une amende de 135 euros », a précisé la préfète Claire Morel.",
         "Claire Morel", "Le non-respect de l'arrêté sera puni d'une amende de 135 euros", "neutral"),
        ("fr", "« Les petits commerces s'exposent à des amendes de 1 500 euros », a dénoncé Rachel de Souza.",
         "Rachel de Souza", "Les petits commerces s'exposent à des amendes de 1 500 euros", "against"),
        ("fr", "« Une amende de 500 euros, c'est scandaleux », a déclaré Rachel de Souza.", "Rachel de Souza",
         "Une amende de 500 euros, c'est scandaleux", "against"),
        ("en", "\"Punish the polluters, not the families who paid £2,000 for a clean boiler,\" said Rachel Price.",
         "Rachel Price", "Punish the polluters, not the families who paid £2,000 for a clean boiler", "against"),
        # a meeting at a date is bare procedure
        ("fr", "« Le comité de suivi se réunira le 12 mars », a indiqué la préfète Claire Morel.", "Claire Morel",
         "Le comité de suivi se réunira le 12 mars", "neutral"),
    ]),
    *cases("lateness a good taken away a cleft and free choice", [
        # a measure come too late, or not based on the evidence (stance26en)
        ("en", "Maria Lopez said the new curfew was \"a decade too late\".", "Maria Lopez",
         "the new curfew was \"a decade too late\"", "for"),
        ("en", "Maria Lopez said the ban was not based on the evidence.", "Maria Lopez",
         "the ban was not based on the evidence", "against"),
        # what would need to improve is a condition, a reservation
        ("en", "Maria Lopez said ambulance response times would need to improve.", "Maria Lopez",
         "ambulance response times would need to improve", "against"),
        # a risk word graded low is no risk
        ("en", "Maria Lopez said a low-risk clinic would stay open in the town.", "Maria Lopez",
         "a low-risk clinic would stay open in the town", "neutral"),
        # a good taken away is a blow
        ("en", "\"Cut the grant, and you cut the support these families depend on,\" said Maria Lopez.", "Maria Lopez",
         "Cut the grant, and you cut the support these families depend on", "against"),
        # praise of those a blow hits makes it unjust, in the passive too
        ("en", "Maria Lopez said honest owners would be punished for crimes they had not committed.", "Maria Lopez",
         "honest owners would be punished for crimes they had not committed", "against"),
        # a side declared with a typographic apostrophe, which the parser reads as a verb ("I’m")
        ("en", "“The old hall leaks every winter. If this gets the choir a dry room, I’m for it,” said Maria Lopez.",
         "Maria Lopez", "The old hall leaks every winter. If this gets the choir a dry room, I’m for it", "for"),
        # accepting a cost for what a measure brings is support; a promise to look again is deliberation
        ("en", "\"If a toll means my street gets its evenings back, I will take that,\" said Maria Lopez.",
         "Maria Lopez", "If a toll means my street gets its evenings back, I will take that", "for"),
        ("en", "\"If the queues have not shortened by spring, we will look again,\" Camden Council said.",
         "Camden Council", "If the queues have not shortened by spring, we will look again", "neutral"),
        # "should have to" is an obligation, no reproach ("should have acted"); a reason argues its verb's side
        ("en", "\"Every landlord should have to pass a fair inspection,\" said Maria Lopez.", "Maria Lopez",
         "Every landlord should have to pass a fair inspection", "for"),
        ("en", "Maria Lopez said she backed the curfew because the late buses had become a danger to drivers.",
         "Maria Lopez", "she backed the curfew because the late buses had become a danger to drivers", "for"),
        ("en", "Maria Lopez said she opposed the levy because it would help the richest landlords.", "Maria Lopez",
         "she opposed the levy because it would help the richest landlords", "against"),
        # idioms of criticism behind a concession
        ("en", "\"The curfew is gesture politics, and shift workers will pay for it,\" said Maria Lopez.",
         "Maria Lopez", "The curfew is gesture politics, and shift workers will pay for it", "against"),
        ("en", "\"We share the goal. But a register is only as good as the checks behind it,\" said Maria Lopez.",
         "Maria Lopez", "We share the goal. But a register is only as good as the checks behind it", "against"),
        ("en", "Maria Lopez said the cap would leave tenants at the mercy of agents.", "Maria Lopez",
         "the cap would leave tenants at the mercy of agents", "against"),
        # a wrong put right or over is for; an excess of people or things ("too many") is a harm told, weak
        ("en", "\"Nobody renting a flat should find out after a year that the boiler was never checked. This bill puts "
         "that right,\" said Maria Lopez.", "Maria Lopez",
         "Nobody renting a flat should find out after a year that the "
         "boiler was never checked. This bill puts that right", "for"),
        ("en", "\"Too many tenants have paid twice the deposit they owed. Those days are over,\" said Maria Lopez.",
         "Maria Lopez", "Too many tenants have paid twice the deposit they owed. Those days are over", "for"),
        ("en", "\"Too many families will pay more under this scheme,\" said Maria Lopez.", "Maria Lopez",
         "Too many families will pay more under this scheme", "against"),
        # a pseudo-cleft states the stand, whatever the concession before it
        ("en",
         "\"We support the aim. What we do not support is a law that leaves shop staff to enforce it alone,\" said "
         "Maria Lopez.", "Maria Lopez",
         "We support the aim. What we do not support is a law that leaves shop staff to enforce it alone", "against"),
        # doing whatever is decided is no stand on it
        ("en", "Maria Lopez said the police would enforce whatever rules Parliament passed.", "Maria Lopez",
         "the police would enforce whatever rules Parliament passed", "neutral"),
    ]),
    *cases("the stop after a content does not bring another speaker's verb into its frame", [
        # the parser hangs the final stop on the sentence's root, the first speaker's verb (stance26en)
        ("en", "Conservation groups hailed the vote, while Maria Lopez said honest farmers would be punished for "
         "things they had not done.", "Maria Lopez", "honest farmers would be punished for things they had not done.",
         "against"),
    ]),
]


@pytest.mark.parametrize("language, text, speaker, content, stance", STANCES)
def test_stance(language, text, speaker, content, stance):
    assert stance_of(language, text, speaker, content) == stance
