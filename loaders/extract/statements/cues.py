"""The cue lexicon of one language: verbs of saying, cue phrases, pronouns, roles (``loaders/data/*/cues.yaml``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policykg.loaders import lexicon


@dataclass(frozen=True)
class Cues:
    """The cue lexicon of one language (see ``loaders/data/*/cues.yaml``)."""

    speech: frozenset[str]
    directive: frozenset[str]
    directive_prepositions: frozenset[str]
    directive_particles: frozenset[str]
    prepositional_directives: frozenset[str]
    """Directive verbs that direct only through a preposition: "called on X to", not "called X to give evidence"."""
    """Prepositions that belong to a directive cue, before its addressee ("called on ministers to ...")."""
    reason_prepositions: frozenset[str]
    measure_prepositions: frozenset[str]
    purpose_markers: frozenset[str]
    """Words opening an infinitive of purpose that, right after a judged object, says what it is for ("annonce un
    amendement pour exclure ...")."""
    object_prepositions: frozenset[str]
    """Prepositions whose phrase right after a judged object completes it ("dénonce une atteinte au droit de propriété")."""
    venues: frozenset[str]
    attributive: frozenset[str]
    small_clause: frozenset[str]
    """Verbs that judge only with an attribute on their object ("trouve le texte trop timide", not "trouve un accord")."""
    """Verbs that set an attribute on their object ("juge le texte inutile"), read in a relative clause on that object."""
    attribute_markers: frozenset[str]
    clitic_complements: frozenset[str]
    """Clitics that stand for what a verb of judgement takes ("s'y oppose", "s'en félicite"): a position on it."""
    """Words that open such an attribute besides an adjective or a quotation ("qualifie de", "considère comme")."""
    """Nouns of where or how words were said ("au micro de", "devant la presse"): the setting, not what was said."""
    """Prepositions whose noun phrase after a directive verb is what is called for ("appelle à la grève",
    "called for a ban")."""
    belief: frozenset[str]
    finding: frozenset[str]
    characterising: frozenset[str]
    judgement: frozenset[str]
    commitments: frozenset[str]
    """Verbs of judgement whose object is a commitment ("annonce un abattement pour les familles"): its terms go with it."""
    figuring: frozenset[str]
    """Verbs that set a figure on their object (« chiffre à 40 % la part des ménages »): a measurement, no stance."""
    addressee: frozenset[str]
    addressee_prepositions: frozenset[str]
    """Prepositions of whom a cue is addressed to ("confie au Parisien X"), before its inverted subject."""
    aspectual: frozenset[str]
    withholding: frozenset[str]
    speaking_terms: frozenset[str]
    """Nouns of the terms a source sets on its own words ("requested anonymity to discuss ..."): as a directive verb's
    object, the infinitive after it is the source's purpose, not a call on anyone."""
    naming_verbs: frozenset[str]
    """Verbs of naming: negated in the passive after a cue ("asked not to be named"), the source's wish, nothing said."""
    hearsay: frozenset[str]
    pronominal: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    complement_phrases: tuple[tuple[str, ...], ...]
    according_to: tuple[tuple[str, ...], ...]
    according_to_named: tuple[tuple[str, ...], ...]
    view_holders: frozenset[str]
    """Plural nouns of people who hold a view as a group ("For opposition councillors, ..."): unnamed sources
    that ``according_to_named`` accepts."""
    sides: frozenset[str]
    """Singular nouns of a side of an assembly, which holds a view as one (« Pour l'opposition de droite, ... »)."""
    named_sources: bool
    """Whether ``according_to_named`` accepts a name ("Pour Amnesty International, ..."); in English "For Trump,
    ...", "For Democrats, ..." is mostly the writer's view of their situation, and only ``view_holders`` speak."""
    read_in: frozenset[str]
    previous_subjects: frozenset[str]
    previous_verbs: frozenset[str]
    echo: tuple[tuple[str, ...], ...]
    echo_clitics: frozenset[str]
    as_markers: frozenset[str]
    """Words that open a clause of saying about the main clause ("Comme l'a rappelé X, ...")."""
    as_clitics: frozenset[str]
    complementizers: frozenset[str]
    conditions: frozenset[str]
    """Words opening a condition set after what was said ("welcomed “...”, provided ..."), which goes with it."""
    gerund_markers: frozenset[str]
    parallel_markers: frozenset[str]
    restrictive: frozenset[str]
    negations: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    personal_relatives: frozenset[str]
    impersonal_relatives: frozenset[str]
    impersonal_pronouns: frozenset[str]
    organisation_pronouns: frozenset[str]
    possessives: frozenset[str]
    reflexives: frozenset[str]
    auxiliaries: frozenset[str]
    mistagged: frozenset[str]
    passive_auxiliaries: frozenset[str]
    etre_verbs: frozenset[str]
    """Verbs whose compound tenses take "être", which makes no passive of them ("est monté au créneau")."""
    male: frozenset[str]
    female: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    including: frozenset[str]
    representatives: dict[str, tuple[str, str]]
    roles: frozenset[str]
    documents: frozenset[str]
    own_documents: frozenset[str]
    provisions: frozenset[str]
    """Legal texts whose words are provisions, not anyone's statement ("le décret précise que ...")."""
    personal_offices: frozenset[str]
    """A person's staff, which speaks in the person's name ("Tom Hale's office said", "his office"): the person speaks."""
    unnamed: frozenset[str]
    collectives: frozenset[str]
    collective_anaphors: frozenset[str]
    public_body_anaphors: frozenset[str]
    public_bodies: frozenset[str]
    body_adjectives: dict[str, str]
    governments: dict[str, str]
    """A bare noun of a body of the government and the government's own noun ("ministère": "gouvernement")."""
    """A territory's noun and the adjective a council's name writes for it ("département": "conseil départemental")."""
    titles: frozenset[str]
    other_posts: frozenset[str]
    """Words that make a title another post than the one it names ("the shadow home secretary")."""
    nouns: frozenset[str]
    noun_authors: frozenset[str]
    credits: frozenset[str]
    interview_credits: tuple[str, ...]
    topic_markers: frozenset[str]
    """Words opening a fronted topic that a subject pronoun after its comma takes up ("Quant à l'opposition, elle ...")."""
    mouthpieces: frozenset[str]
    """Nouns of a body's channel before the person who speaks for it ("L'opposition, par la voix de X, répond")."""
    reactions: frozenset[str]
    """Nouns of a feeling that open a verbless reaction ("Colère chez les commerçants : « ... »"): the group after
    the preposition speaks."""

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.directive | self.belief | self.finding | self.characterising | self.judgement


@cache
def load_cues(language: str) -> Cues:
    """The cue lexicon for ``language`` ('fr' or 'en'); FileNotFoundError for another language."""
    raw = lexicon.load("cues", language)

    def words(items: list[str] | None) -> frozenset[str]:
        return frozenset(item.lower() for item in items or ())

    def sequences(items: list[list[str]] | None) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(word.lower() for word in item) for item in items or ())

    verbs = raw["verbs"]
    previous = raw.get("source_of_previous") or {}
    restrictive = raw.get("restrictive_negation") or {}
    pronouns = raw.get("pronouns") or {}
    return Cues(
        speech=words(verbs.get("speech")),
        directive=words(verbs.get("directive")),
        directive_prepositions=words(raw.get("directive_prepositions")),
        directive_particles=words(raw.get("directive_particles")),
        prepositional_directives=words(raw.get("prepositional_directives")),
        reason_prepositions=words(raw.get("reason_prepositions")),
        measure_prepositions=words(raw.get("measure_prepositions")),
        purpose_markers=words(raw.get("purpose_markers")),
        object_prepositions=words(raw.get("object_prepositions")),
        venues=words(raw.get("venues")),
        attributive=words(verbs.get("attributive")),
        small_clause=words(verbs.get("small_clause")),
        attribute_markers=words(raw.get("attribute_markers")),
        clitic_complements=words(pronouns.get("clitic_complement")),
        belief=words(verbs.get("belief")),
        finding=words(verbs.get("finding")),
        characterising=words(verbs.get("characterising")),
        judgement=words(verbs.get("judgement")),
        commitments=words(verbs.get("commitments")),
        figuring=words(verbs.get("figuring")),
        addressee=words(verbs.get("addressee")),
        addressee_prepositions=words(raw.get("addressee_prepositions")),
        aspectual=words(verbs.get("aspectual")),
        withholding=words(verbs.get("withholding")),
        speaking_terms=words(raw.get("speaking_terms")),
        naming_verbs=words(raw.get("naming_verbs")),
        hearsay=words(verbs.get("hearsay")),
        pronominal=words(verbs.get("pronominal")),
        phrases=sequences(raw.get("phrases")),
        complement_phrases=sequences(raw.get("complement_phrases")),
        according_to=sequences(raw.get("according_to")),
        according_to_named=sequences(raw.get("according_to_named")),
        view_holders=words(raw.get("view_holders")),
        sides=words(raw.get("sides")),
        named_sources=bool(raw.get("according_to_named_sources", True)),
        read_in=words(raw.get("read_in")),
        previous_subjects=words(previous.get("subjects")),
        previous_verbs=words(previous.get("verbs")),
        echo=sequences(previous.get("echo")),
        echo_clitics=words(previous.get("clitics")),
        as_markers=words((raw.get("as_clauses") or {}).get("markers")),
        as_clitics=words((raw.get("as_clauses") or {}).get("clitics")),
        complementizers=words(raw.get("complementizers")),
        conditions=words(raw.get("conditions")),
        gerund_markers=words(raw.get("gerund_markers")),
        parallel_markers=words(raw.get("parallel_markers")),
        restrictive=words(restrictive.get("particles")),
        negations=words(restrictive.get("unless")),
        person_pronouns=words(pronouns.get("person")),
        group_pronouns=words(pronouns.get("group")),
        relative_pronouns=words(pronouns.get("relative")),
        personal_relatives=words(pronouns.get("personal_relative")),
        impersonal_relatives=words(pronouns.get("impersonal_relative")),
        impersonal_pronouns=words(pronouns.get("impersonal")),
        organisation_pronouns=words(pronouns.get("organisation")),
        possessives=words(pronouns.get("possessive")),
        reflexives=words(pronouns.get("reflexive")),
        auxiliaries=words(raw.get("auxiliaries")),
        mistagged=frozenset(tag.upper() for tag in raw.get("mistagged") or ()),
        passive_auxiliaries=words(raw.get("passive_auxiliaries")),
        etre_verbs=words(raw.get("etre_verbs")),
        male=words(pronouns.get("male")),
        female=words(pronouns.get("female")),
        male_titles=words(pronouns.get("male_titles")),
        female_titles=words(pronouns.get("female_titles")),
        including=words(raw.get("including")),
        representatives={word.lower(): (label, type_) for word, (label, type_) in (raw.get("representatives") or {}).items()},
        roles=words(raw.get("roles")),
        documents=words(raw.get("documents")),
        own_documents=words(raw.get("own_documents")),
        provisions=words(raw.get("provisions")),
        personal_offices=words(raw.get("personal_offices")),
        unnamed=words(raw.get("unnamed")),
        collectives=words(raw.get("collectives")),
        collective_anaphors=words(raw.get("collective_anaphors")),
        public_body_anaphors=words(raw.get("public_body_anaphors")),
        public_bodies=words(raw.get("public_bodies")),
        governments={noun.lower(): government.lower() for noun, government in (raw.get("governments") or {}).items()},
        body_adjectives={noun.lower(): adjective.lower() for noun, adjective in (raw.get("body_adjectives") or {}).items()},
        titles=words(raw.get("titles")),
        other_posts=words(raw.get("other_posts")),
        nouns=words((raw.get("nouns") or {}).get("words")),
        noun_authors=words((raw.get("nouns") or {}).get("authors")),
        credits=words(raw.get("credits")),
        interview_credits=tuple(sorted(words(raw.get("interview_credits")))),
        reactions=words(raw.get("reactions")),
        mouthpieces=words(raw.get("mouthpieces")),
        topic_markers=words(raw.get("topic_markers")),
    )
