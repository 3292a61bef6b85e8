"""French who-said-what in the style of real news (round 19): leads closed by a cue and its source, adverbials
between a cue and its quotation, quotations the parse cuts short, a town's « mairie »; sentences written for these tests."""
from __future__ import annotations

from test_statements import run, speaker


def said(text: str) -> list[tuple[str, str]]:
    """(speaker label, content) of every statement of ``text``."""
    found, index = run(text)
    return [(speaker(s, index), s.content) for s in found]


def test_a_named_source_after_a_postposed_cue_speaks_whatever_phrase_follows_it():
    claim = "Le gouvernement relèvera le plafond des aides dès janvier"
    for tail in ("dans un communiqué", "mercredi"):
        assert said(f"{claim}, a indiqué Matignon {tail}.") == [("Matignon", claim)]


def test_an_adverbial_between_a_cue_and_its_quotation_is_no_part_of_the_content():
    assert said("Le député Paul Renard salue au contraire « une avancée pour les locataires ».") \
        == [("Paul Renard", "une avancée pour les locataires")]
    assert said("Le maire salue quant à lui « un pas dans la bonne direction ».")[0][1] == "un pas dans la bonne direction"
    assert said("La CGT dénonce pour sa part « une provocation ».")[0][1] == "une provocation"


def test_a_determiner_or_an_object_before_the_quotation_stays_in_the_content():
    assert said("La CGT dénonce une « provocation ».")[0][1] == "une « provocation »"
    found, _ = run("The union condemned the vote, calling it “a dangerous precedent”.", "en")
    assert found[0].content.startswith("it “a dangerous")


def test_a_quoted_object_is_whole_even_when_the_parse_ends_it_at_a_comma():
    text = "Le syndicat a dénoncé « une réforme brutale, injuste et mal préparée » dans un communiqué."
    assert said(text) == [("syndicat", "une réforme brutale, injuste et mal préparée")]
    assert said("La CGT réclame au contraire « le retrait pur et simple du texte ».")[0][1] == "le retrait pur et simple du texte"


def test_a_bare_town_hall_is_the_town_named_before_it():
    assert said("À Nantes, la mairie dénonce « un désengagement de l'État ».")[0][0] == "mairie de Nantes"
    text = "La ville de Rennes a présenté son plan. « Nous doublerons les pistes », indique la mairie."
    assert said(text)[0][0] == "mairie de Rennes"
    assert said("À Annecy, la mairie dénonce « un désengagement ».")[0][0] == "mairie d’Annecy"


def test_a_town_hall_with_no_town_named_stays_bare():
    assert said("La mairie a voté une aide. « Nous aidons les familles », explique la mairie.")[0][0] == "mairie"


def test_a_pronoun_after_an_unnamed_post_holder_is_that_post():
    text = "Le ministre de l'Intérieur a présenté mardi son projet. Il estime que le texte sera examiné en janvier."
    assert said(text) == [("Le ministre de l'Intérieur", "le texte sera examiné en janvier.")]
    text = "La ministre de la Santé a présenté son plan. Elle assure que les hôpitaux seront aidés."
    assert said(text)[0][0] == "La ministre de la Santé"


def test_the_office_of_an_unnamed_post_holder_speaks_as_the_post():
    text = "Le ministre de l'Intérieur, lui, s'est félicité du vote. Selon son cabinet, le texte sera examiné en janvier."
    assert said(text)[-1] == ("Le ministre de l'Intérieur", "le texte sera examiné en janvier.")


def test_a_post_holder_named_before_keeps_the_name():
    text = "Jean Roux a reçu les syndicats. Le ministre a présenté son projet. Il estime que le texte sera voté."
    assert said(text) == [("Jean Roux", "le texte sera voté.")]
    text = "Le ministre de l'Intérieur, Jean Roux, a présenté son projet. Selon son cabinet, le texte sera voté."
    assert said(text) == [("Jean Roux office", "le texte sera voté.")]


def test_a_clause_of_another_speaker_after_a_comma_leaves_the_first_verb_its_object():
    text = "La CGT réclame le retrait du texte, quand la CFDT demande des garanties."
    assert said(text) == [("CGT", "le retrait du texte"), ("CFDT", "des garanties.")]


def test_an_attribute_read_as_a_noun_before_a_colon_still_judges():
    text = "La sénatrice Anne Vidal s'est montrée catégorique : le texte ne passera pas."
    assert said(text) == [("Anne Vidal", "le texte ne passera pas.")]


def test_a_definite_role_before_a_judging_attribute_and_a_colon_speaks():
    assert said("Le ministre s'est voulu rassurant : les hôpitaux seront aidés.") == [("Le ministre", "les hôpitaux seront aidés.")]
    assert said("Le ciel est gris : les nuages arrivent.") == []


def test_an_echo_with_an_adverbial_after_its_verb_still_credits_the_sentence_before():
    for adverbial in ("en tout cas", "du moins"):
        text = f"Les dégâts ont triplé en un an. C'est {adverbial} ce qu'affirme Marc Lefort."
        assert said(text) == [("Marc Lefort", "Les dégâts ont triplé en un an.")]


def test_a_noun_of_speech_before_a_quotation_with_its_own_cue_adds_no_statement():
    text = "Même son de cloche chez les écologistes : « Ce budget est une faute », estime Marine Tondelier."
    assert said(text) == [("Marine Tondelier", "Ce budget est une faute")]
    assert said("Même son de cloche chez les écologistes : « Ce budget est une faute ».")[0][0] == "les écologistes"


def test_a_role_the_parse_joins_to_a_fronted_source_is_no_part_of_the_content():
    text = "Pour Claire Fourcade, présidente de la Société française de soins (SFAP), « le gouvernement se trompe »."
    assert said(text) == [("Claire Fourcade", "le gouvernement se trompe")]
    assert said("Pour Claire Fourcade, présidente de la SFAP, le gouvernement se trompe.")[0][1] == "le gouvernement se trompe."


def test_a_participle_read_as_a_noun_after_an_inverted_clitic_is_a_postposed_cue():
    text = "Bruno Bernard est arrivé tôt. « Nous ne pouvons plus attendre », a-t-il martelé devant le conseil métropolitain."
    assert said(text) == [("Bruno Bernard", "Nous ne pouvons plus attendre")]


def test_a_verb_of_belief_read_as_a_noun_after_a_name_is_a_cue():
    text = "Le président de la chambre de commerce, Philippe Valentin, redoute « des faillites en série »."
    assert said(text) == [("Philippe Valentin", "des faillites en série")]


def test_a_name_apposed_to_a_role_subject_is_who_a_pronoun_stands_for():
    text = "Its chair, the former Treasury official Margaret Hollis, rejected the charge. “Few leave,” she said."
    found, index = run(text, "en")
    assert [speaker(s, index) for s in found] == ["Margaret Hollis", "Margaret Hollis"]  # the act, then her words


def test_an_adverbial_before_a_quotation_the_parse_made_the_object_is_passed_over():
    assert said("Le collectif salue au contraire « une décision sage ».") == [("collectif", "une décision sage")]


def test_a_quotation_after_a_comma_and_a_verb_the_tagger_read_as_a_noun_is_that_verbs():
    for verb in ("cingle", "raille", "attaque", "critique"):
        assert said(f"« Ce projet va trop loin », {verb} Paul Renard.") == [("Paul Renard", "Ce projet va trop loin")]


def test_a_quotation_right_after_a_verb_of_judgement_the_parse_hung_elsewhere_is_its_content():
    assert said("L'association Calme en Ville salue « une décision courageuse ».") == [("Calme en Ville", "une décision courageuse")]


def test_a_reported_clause_headed_by_a_copula_is_no_passive_auxiliary():
    text = "Sophie Marin a estimé que « le compte n'y est pas » et appelé à une nouvelle journée de mobilisation."
    assert said(text) == [("Sophie Marin", "le compte n'y est pas"),
                          ("Sophie Marin", "à une nouvelle journée de mobilisation.")]


def test_the_words_of_a_person_speak_for_that_person():
    assert said("« Cette réforme est injuste », selon les mots de Sophie Marin.") == [("Sophie Marin", "Cette réforme est injuste")]


def test_a_word_inside_the_quotation_is_not_where_an_impersonal_subject_speaks():
    assert said("Chez Les Républicains, on dénonce « une usine à gaz ».") == [("Les Républicains", "une usine à gaz")]


def test_a_fronted_representative_before_an_impersonal_subject_speaks_not_its_principal():
    text = "Jean Roux a présenté son plan. Dans l'entourage de Jean Roux, on assure que le calendrier sera tenu."
    assert said(text) == [("Jean Roux entourage", "le calendrier sera tenu.")]
    assert said("Dans l'entourage du ministre, on assure que le calendrier sera tenu.")[0][0] == "l'entourage du ministre"


def test_a_town_hall_far_from_any_place_is_the_story_town():
    text = ("Le projet de Quimperlé divise\n\nLa ville de Quimperlé va fermer deux écoles. Les parents protestent. "
            "Le rectorat se tait. Les syndicats attendent. Les élus hésitent. Le préfet observe. "
            "Selon la mairie, les effectifs ont baissé de 20 %.")
    assert said(text)[0][0] == "mairie de Quimperlé"


def test_a_name_after_a_noun_with_its_own_article_is_that_nouns_not_the_speakers():
    text = "L'association des parents d'élèves du collège Victor-Hugo réclame « des surveillants en plus »."
    assert "Victor-Hugo" != said(text)[0][0]
    text = "L'association de parents de l'école Louise-Michel réclame « des surveillants en plus »."
    assert said(text)[0][0].lower().startswith("association de parents")
    assert said("L'association de patients Renaloo réclame « des moyens ».")[0][0] == "Renaloo"


def test_a_coordination_of_groups_is_labelled_without_each_groups_article():
    text = "Des associations de riverains et le syndicat des agents municipaux s’inquiètent pour la sécurité."
    assert said(text)[0][0] == "associations de riverains et syndicat des agents municipaux"


def test_the_name_after_a_described_body_speaks_for_it():
    text = "D’après une étude de l’observatoire régional Atmo Sud Marin, les camions émettent trop de particules."
    assert said(text)[0][0] == "Atmo Sud Marin"


def test_a_title_after_a_spokesperson_is_the_person_of_that_title_not_the_spokesperson():
    text = ("Le ministre de la Santé, Paul Vasseur, a présenté mardi un plan contre les déserts médicaux. "
            "Les demandes seront examinées par les agences régionales, a indiqué le porte-parole du ministère. "
            "« Personne ne doit attendre six mois pour voir un médecin », a déclaré le ministre.")
    assert said(text)[-1] == ("Paul Vasseur", "Personne ne doit attendre six mois pour voir un médecin")


def test_an_unsigned_document_after_a_que_clause_is_the_subjects_evidence_not_a_speaker():
    text = ("Le syndicat a affirmé que les arrière-boutiques des commerces resteront ouvertes le dimanche, "
            "selon une enquête menée auprès de 300 patrons.")
    assert said(text) == [("syndicat", "les arrière-boutiques des commerces resteront ouvertes le dimanche")]


def test_a_que_clause_the_parse_ends_inside_a_hyphenated_word_goes_on():
    text = "La chambre de métiers a estimé que la fréquentation des centres-villes piétonnisés baisse en moyenne la première année."
    assert said(text) == [("chambre de métiers", "la fréquentation des centres-villes piétonnisés baisse en moyenne la première année.")]


def test_a_bare_prefecture_is_the_prefecture_of_the_department_named_before():
    text = ("Le conseil départemental du Haut-Quercy maintiendra la prime. "
            "La préfecture estime qu’une collectivité ne peut pas créer seule cette aide.")
    assert said(text)[-1][0] == "préfecture du Haut-Quercy"


def test_a_bare_town_hall_is_the_town_of_the_municipal_council_when_no_place_is_known():
    text = ("Le conseil municipal de Saint-Martin-des-Vignes a voté lundi la fermeture de la rue. "
            "Selon un sondage commandé par la mairie, 58 % des habitants approuvent le projet.")
    assert said(text)[-1][0] == "mairie de Saint-Martin-des-Vignes"


def test_a_clause_joined_by_et_with_its_own_subject_and_cue_is_another_speakers_statement():
    text = "Le syndicat rappelle que le texte a été voté en mars, et la fédération des commerçants dénonce « un passage en force »."
    assert said(text) == [("syndicat", "le texte a été voté en mars"), ("fédération des commerçants", "un passage en force")]


def test_a_name_after_a_collective_noun_and_its_complement_of_kind_is_the_speaker():
    assert said("L’association de riverains Vivre au port dénonce « un projet démesuré ».") \
        == [("Vivre au port", "un projet démesuré")]
    assert said("L’association de commerçants Cœur de ville plaide pour un report.")[0][0] == "Cœur de ville"


def test_du_cote_de_a_group_with_a_complement_speaks_for_the_impersonal_on():
    text = "Du côté des éditeurs de logiciels éducatifs, on dénonce une décision « prise sans aucune étude d’impact »."
    assert said(text) == [("éditeurs de logiciels éducatifs", "une décision « prise sans aucune étude d’impact »")]


def test_a_verbless_reaction_before_a_colon_is_the_quotation_of_who_feels_it():
    assert said("Colère chez les commerçants : « On nous tue à petit feu. »") \
        == [("les commerçants", "On nous tue à petit feu.")]
    assert said("Inquiétude du côté des pêcheurs : « Sans dérogation, nous sommes morts. »")[0][0] == "pêcheurs"
    assert said("Colère : « On nous tue à petit feu. »") == []


def test_an_announced_or_promised_measure_is_a_statement_with_its_terms_and_date():
    text = "Le maire, Paul Lachaux, a promis une réunion publique avec les commerçants le 15 janvier."
    assert said(text) == [("Paul Lachaux", "une réunion publique avec les commerçants le 15 janvier.")]
    text = "La ministre, Laure Besson, a parlé. Elle a annoncé une décision avant la fin de l’année."
    assert said(text) == [("Laure Besson", "une décision avant la fin de l’année.")]


def test_a_pronoun_in_a_relative_clause_on_the_main_verb_is_that_verbs_subject():
    text = ("D’après l’Insee, les prix du vin ont baissé. "
            "La Confédération des vignerons approuve le dispositif, qu’elle réclamait depuis deux ans.")
    assert said(text)[-1][0] == "Confédération des vignerons"


def test_a_name_after_a_collective_noun_and_its_adjective_is_the_speaker_hyphens_included():
    assert said("Le syndicat enseignant SNUipp-Sarlange dénonce la réforme.")[0][0] == "SNUipp-Sarlange"
    assert said("L’association locale Bien Vivre à Brest dénonce la réforme.")[0][0] == "Bien Vivre à Brest"
    assert said("Le syndicat majoritaire dénonce la réforme.")[0][0] == "syndicat majoritaire"


def test_a_pronoun_opening_a_sentence_is_the_organisation_named_as_the_subject_before_of_its_articles_gender():
    text = ("La sénatrice Anne Morel a dénoncé « une erreur ». La FNSEA, principal syndicat agricole, soutient la décision "
            "mais demande davantage. Elle réclame que la dérogation s’applique aussi aux noisettes.")
    assert said(text)[-1] == ("FNSEA", "la dérogation s’applique aussi aux noisettes.")


def test_a_pronoun_after_a_fronted_topic_quant_a_is_that_topic():
    text = ("Le rapporteur, Paul Martel, a défendu le seuil. "
            "Quant à l’opposition de gauche, elle s’interroge : pourquoi viser les plus modestes ?")
    assert said(text)[-1] == ("l’opposition de gauche", "pourquoi viser les plus modestes ?")


def test_a_plural_role_is_a_group_not_the_person_in_focus():
    text = ("La ministre, Claire Vasseur, a défendu le plan. "
            "Les élus locaux saluent le geste, mais jugent le montant très insuffisant.")
    assert said(text)[-1] == ("Les élus locaux", "le geste, mais jugent le montant très insuffisant.")


def test_an_inverted_subject_after_a_bare_date_the_parse_hung_beside_it_speaks():
    text = "Les lampadaires seront éteints chaque nuit, a annoncé vendredi le maire, Sébastien Garnier."
    assert said(text) == [("Sébastien Garnier", "Les lampadaires seront éteints chaque nuit")]


def test_a_postposed_cue_of_several_words_reports_the_clause_before_it():
    assert said("La gendarmerie n’a pas émis d’objection, a fait savoir le maire.") \
        == [("le maire", "La gendarmerie n’a pas émis d’objection")]
    assert said("Le projet coûtera cher, fait valoir le ministère de l’Agriculture.") \
        == [("ministère de l’Agriculture", "Le projet coûtera cher")]


def test_a_party_between_a_role_and_a_name_is_not_the_speaker():
    assert said("Le député Les Républicains Paul Verdier a dénoncé « une erreur ».") == [("Paul Verdier", "une erreur")]


def test_a_gerund_cue_after_a_reported_clause_is_the_main_speakers():
    found = said("Nathalie Kieffer estime que la décision va dans le bon sens, tout en jugeant que les stages restent à évaluer.")
    assert [who for who, _ in found] == ["Nathalie Kieffer", "Nathalie Kieffer"]


def test_a_bare_apposition_the_parse_made_the_subject_stands_for_the_name_before_it():
    text = "La chercheuse Nathalie Kieffer, auteure d'un livre, estime que la décision va dans le bon sens."
    assert said(text) == [("Nathalie Kieffer", "la décision va dans le bon sens.")]


def test_an_adverbial_set_off_between_the_speaker_and_the_cue_is_no_subject():
    # The parse reads the cue after the aside as a noun beside the subject and gives it no subject of its own.
    text = ("Le conseil municipal a voté la gratuité des cantines. Le syndicat Force ouvrière, de son côté, juge que "
            "la mesure « coûtera trop cher ».")
    assert said(text)[-1] == ("Force ouvrière", "la mesure « coûtera trop cher ».")
    text = "Le décret paraîtra en mars. Lucie Ferrand, en revanche, estime que le calendrier « ne tient pas »."
    assert said(text)[-1][0] == "Lucie Ferrand"


def test_a_role_set_off_after_the_source_of_pour_or_selon_is_no_part_of_the_content():
    found = said("Pour le géographe Henri Massol, maître de conférences à Toulouse, la carte « oublie les campagnes ».")
    assert found == [("Henri Massol", "la carte « oublie les campagnes ».")]


def test_a_name_after_a_roles_complement_is_the_fronted_source_and_its_role_no_part_of_the_content():
    text = "Pour l'ingénieur des ponts Luc Garnier, expert auprès de la cour d'appel, le viaduc doit fermer."
    assert said(text) == [("Luc Garnier", "le viaduc doit fermer.")]
    text = "Selon la spécialiste du littoral Anne Keraudren, chercheuse à l'université de Brest, la digue ne tiendra pas."
    assert said(text) == [("Anne Keraudren", "la digue ne tiendra pas.")]



def test_a_plea_for_an_infinitive_or_a_quantity_is_what_the_speaker_said():
    text = "La ligue des cyclistes juge la piste trop étroite. Elle plaide pour élargir le pont avant l'été."
    assert ("La ligue des cyclistes", "pour élargir le pont avant l'été.") in said(text)
    assert said("Hélène Vasseur, adjointe aux sports, réclame davantage de créneaux pour les clubs.") == [
        ("Hélène Vasseur", "davantage de créneaux pour les clubs.")]
    assert said("Hélène Vasseur, adjointe aux sports, plaide pour moins de paperasse.") == [
        ("Hélène Vasseur", "pour moins de paperasse.")]
    assert said("Hélène Vasseur a voté pour protéger les clubs.") == []  # a vote's purpose, no plea
