"""The stance lexicon of a language (``loaders/data/<language>/stance.yaml``), folded for lookup: polar words
and phrases, and the word classes the stance, target and policy rules read (negators, policy nouns, verbs of
demand, refusal, undoing ...)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policykg.loaders import lexicon as lexicons
from policykg.loaders.extract.names import fold


@dataclass(frozen=True)
class Lexicon:
    """One language's stance and target words, folded (lower case, no accents)."""

    polarity: dict[tuple[str, ...], str]
    """Word or phrase → ``against``, ``for``, ``harm`` or ``neutral`` (a phrase that only hides polar words)."""
    combat: frozenset[str]
    remedying: frozenset[str]
    """Verbs and nouns that put a wrong right ("tackle", « corriger », « mettre fin »): criticism they govern is for."""
    negators: frozenset[str]
    restrictive: frozenset[str]
    exceptive: frozenset[str]
    contrastive: frozenset[str]
    deontic: frozenset[str]
    relief: frozenset[tuple[str, ...]]
    """Adverbs of relief ("finally", "enfin"): what comes at last is welcome."""
    overdue: frozenset[tuple[str, ...]]
    """Phrases of a wrong that has lasted too long ("for too long", « depuis trop longtemps »)."""
    deliberation: frozenset[tuple[str, ...]]
    """Verbs of deliberation ("study", "étudier"): what is yet to be studied has no side yet."""
    inclusive: frozenset[tuple[str, ...]]
    """Words that name what follows as part of what a claim is about ("including", "y compris")."""
    particles: frozenset[str]
    fearing: frozenset[str]
    """Words of fear or avoidance (« craindre », « éviter »): a bare particle in the clause they govern is
    expletive."""
    target_verbs: frozenset[tuple[str, ...]]
    first_person: frozenset[str]
    anaphoric: frozenset[str]
    policy_nouns: frozenset[str]
    policy_determiners: frozenset[str]
    policy_references: frozenset[str]
    policy_wrappers: frozenset[str]
    """Nouns of a procedure around a measure ("trial", "plans for"): the policy is the measure they name."""
    circumstances: frozenset[str]
    """Prepositions that attach a circumstance to a policy's noun phrase, not part of what it is ("after")."""
    policy_prepositions: frozenset[str]
    """Prepositions that say what a policy is about ("ban on ...", "taxe sur ...")."""
    place_prepositions: frozenset[str]
    """Prepositions that say where a policy applies ("in schools", "dans les stades"), not what it is."""
    locating: frozenset[str]
    """Prepositions that locate a rubric's subject before a place name ("à Dinan"), no part of its name."""
    measure_verbs: dict[str, str]
    """Verb → the noun phrase naming the measure it enacts, ``{}`` for what it acts on ("cap" → "cap on {}")."""
    measure_complements: frozenset[str]
    """Prepositions that continue the noun phrase a measure verb acts on ("of", "de")."""
    institution_heads: frozenset[str]
    """Heads of a definite noun phrase that refers to an institution named before ("the council")."""
    government: str
    """The label of the national executive ("Government"), which "the government" names when no ministry is."""
    ministries: frozenset[str]
    """Words of a ministry's name ("ministry", "department", "Treasury"): what "the government" refers to."""
    ministry_endings: frozenset[str]
    """Words of a ministry's name only as its last word ("Home Office"; not "Office for National Statistics")."""
    demand: frozenset[tuple[str, ...]]
    acceptance: frozenset[str]
    undoing: frozenset[str]
    """Verbs and nouns that undo a measure ("supprimer", "retrait", "repeal", "fight")."""
    opposing: frozenset[str]
    """Prepositions of opposition ("contre", "against"): against the policy noun they govern."""
    supporting: frozenset[str]
    """Prepositions of support after a verb ("voter pour", "voted for"): for the policy noun they govern."""
    backing: frozenset[str]
    """Verbs after which a preposition of support is support ("voted for", "militer pour"; not "pay for")."""
    losses: frozenset[str]
    burdens: frozenset[str]
    rebutting: frozenset[str]
    """Verbs of rebuttal ("dismiss", « balayer »): the criticism they answer or reject is a defence."""
    already: frozenset[str]
    """Adverbs of what is so already ("already", « déjà »): praise of it is a case against a new measure."""
    revenues: frozenset[str]
    """Nouns of a measure's money ("proceeds", « les recettes »): what it pays for is the measure's use."""
    claims: frozenset[str]
    """Nouns of what others say ("claims", "fears", « les craintes »): a clause they introduce, rejected, is
    denied."""
    """Verbs of a burden borne ("pay", « subir »): with the losses, no measure announced (``stance._burden``)."""
    wins: frozenset[str]
    success: frozenset[str]
    refusing: frozenset[str]
    """Verbs of refusal: they negate the verb they govern ("refuse de soutenir")."""
    commenting: frozenset[str]
    """Verbs of comment ("comment", "réagir"): refused or negated, no side is taken."""
    concealing: frozenset[str]
    """Verbs of hiding: negated, they show what they govern ("ne cache pas son opposition")."""
    opponents: frozenset[str]
    proponents: frozenset[str]
    """Nouns that place who they name on a side ("critics", "partisans"), read outside a statement's content."""
    interrogative: frozenset[str]
    """Conjunctions of an indirect question ("whether", "si"): what they open is in doubt."""
    questioning: frozenset[str]
    """Verbs of asking ("question", "wonder", "se demander"): with a question word after them, a question."""
    question_words: frozenset[str]
    """Words that open an indirect question ("whether", "how", "comment")."""
    documents: frozenset[str]
    """Nouns of a document that gives figures ("survey", "étude"): its figures are neutral."""
    needing: frozenset[str]
    precedence: frozenset[str]
    conditional: frozenset[str]
    """Verbs of need, words of precedence and of condition: a condition set on a measure ("needed X before the rule
    comes in", "would only work if", "garantir d'abord")."""
    scheduling: frozenset[str]
    periods: frozenset[str]
    """Words of a step of the calendar ("open", "run", « organiser », "decision") and of a date or a duration
    ("January", "weeks"): a step to come at a date is bare procedure (``stance_procedure.scheduled``)."""
    budgeting: frozenset[str]
    """Verbs of what a measure costs ("cost", « coûter »): with a sum, a figure (``budgeted``)."""
    penalties: frozenset[str]
    """Words of the penalty a measure sets for a breach ("fine", « amende »): with its sum, a term (``penalised``)."""
    furthering: frozenset[tuple[str, ...]]
    """Phrases of going further ("go further", « aller plus loin »): urging it asks for more of a measure."""
    extending: frozenset[tuple[str, ...]]
    """Words that add to what a demand asks ("also", "as well", "the same", « également »): a demand so worded asks the
    measure to reach further (``stance_demands.asks_more``)."""
    first_steps: frozenset[tuple[str, ...]]
    """A measure called a first step or a start ("a good start", « premier pas »): support that asks for more
    (``stance_demands.modest``)."""
    additive: frozenset[str]
    """Words of excess that mean "also" on a verb or a noun ("too": "wants it to cover vans too"): no excess."""
    wishing: frozenset[str]
    """Verbs of a wish ("want", « souhaiter »): after support and a contrast, support that asks for more."""
    pleading: frozenset[str]
    amending: frozenset[tuple[str, ...]]
    """Verbs of a plea ("call for", « plaider ») and the changes a plea may ask of a measure ("delay", "exemption",
    « prendre en charge », "rather than"): asked for, against it as it stands."""
    regretting: frozenset[str]
    possibility: frozenset[str]
    permitting: frozenset[str]
    """Modals of possibility ("could", « pouvoir »): a measure that could be carried out is not proposed. Words of
    permission or ability ("allowed", "able", « pouvoir »): what will no longer be, a measure bans."""
    covering: frozenset[str]
    """Verbs of regret and the words of what a measure covers ("cover", « concerner », "also"): a regret that it
    leaves something out asks for more of it."""
    indefinite: frozenset[str]
    """Indefinite determiners ("a", « un »): a plea for a thing so introduced, not named by the measure's name, asks
    for an alternative."""
    substitutive: frozenset[str]
    """Adverbs of substitution ("instead", « plutôt »): what the speaker proposes in the measure's place."""
    augmentative: frozenset[str]
    """Adverbs of a higher degree ("more", « plus »): a new thing praised so in the conditional is an alternative."""
    universal: frozenset[str]
    """Determiners of any case at all ("before any rollout", « avant toute généralisation »)."""
    safeguards: frozenset[tuple[str, ...]]
    remaining: frozenset[str]
    nobody: frozenset[str]
    """Words of a relief a measure grants ("exemption", « abattement »), of what stays as it was ("remain",
    "still", « rester »), and of no one ("nobody", "no", « aucun »): an authority telling them tells a safeguard."""
    enacting: frozenset[str]
    """Verbs that carry a measure out ("fund", "adopter"): what an urged party is urged to do to it."""
    taking_up: frozenset[str]
    reversing: frozenset[str]
    """Verbs that take a measure up ("bring in", "look at", « instaurer »), read only in what an urged party is
    urged to do, and words that turn such an act back on the measure ("look again at", "take it back")."""
    self_subjects: frozenset[str]
    impersonal: frozenset[str]
    addressed: frozenset[str]
    """An indefinite subject (« on ») and the speaker as its object (« nous », « me »): « on nous demande de ... » is
    a grievance of those a measure is imposed on (``stance_demands.imposed``)."""
    promise: dict[str, frozenset[str]]
    future: frozenset[str]
    """Auxiliaries of the future ("will", "va"); French also marks it on the verb."""
    future_endings: frozenset[str]
    conditional_endings: tuple[str, ...]
    future_changes: dict[str, str]
    future_stems: dict[str, str]
    """Endings of the future and the conditional, how an infinitive's end changes into the future stem
    ("re" → "r"), and the irregular stems ("etre" → "ser"): the forms the parser misreads (``future_form``)."""
    risk: frozenset[str]
    imminent: frozenset[str]
    """Verbs of risk and threat ("risk", "menacer"), and words that do so only before an infinitive ("set to"):
    their clause tells a consequence to come, though in the present."""
    urging: frozenset[str]
    """Verbs that press someone to act ("urge", "exhorter"): the act demanded, when polar, decides."""
    surcharges: frozenset[str]
    currencies: frozenset[str]
    """Verbs of a sum added ("add") and words of money ("pounds", « euros »): a sum a measure adds is a cost."""
    benefits: frozenset[str]
    detriments: frozenset[str]
    """Verbs of what a measure brings, good or bad ("fund", "discourage"), read in the future or the conditional."""
    hypothetical: frozenset[str]
    """Auxiliaries and verbs that tell what will or would happen ("would", "could", "pouvoir")."""
    authority_roles: frozenset[tuple[str, ...]]
    """Roles of government ("minister", "maire"): who holds one speaks as an authority."""
    authority_bodies: frozenset[str]
    """Bodies of government ("council", "ministère"): an organisation named after one speaks as an authority."""
    prohibiting: frozenset[str]
    """Words that, negated in an authority's future, announce its ban ("will no longer", "not be allowed")."""
    unlemmatised: tuple[tuple[str, ...], tuple[str, ...], str]
    """Verbs the parser leaves unlemmatised: (their endings, the infinitive endings they must not have, the
    infinitive ending they take): "réclame" → "reclamer"."""
    longest: int
    starts: frozenset[str]
    """First words of the polarity entries, to skip the other words quickly."""
    polls: frozenset[str] = frozenset()
    """Nouns of a poll (« sondage »): its figures count opinions, neutral even of the measure they name."""
    depriving: frozenset[str] = frozenset()
    """Verbs that take a good away ("cut", "slash"): a word of praise as their object is a good harmed."""
    free_choice: frozenset[str] = frozenset()
    """Determiners of free choice ("whatever", "whichever"): a verb on such an object is no stand."""
    clefting: frozenset[str] = frozenset()
    """The pronoun of a pseudo-cleft ("what": "What we oppose is ..."): its verb states the stand."""
    causal: frozenset[str] = frozenset()
    """Conjunctions of a reason ("because"): the reason for a polar verb argues its side."""
    lateness: frozenset[str] = frozenset()
    """Words of lateness ("late", "belated", « tardive », « retard »): said of a measure, it is wanted sooner."""
    arriving: frozenset[str] = frozenset()
    """Verbs of arrival ("come", « arriver »): a pronoun arriving late stands for the measure that comes."""
    comparative: frozenset[str] = frozenset()
    """Comparative adverbs ("more", « plus »): « plus tard » is later, no lateness."""
    ceasing: frozenset[str] = frozenset()
    """The adverb of a negation that ends a state ("no longer", « ne ... plus »): « ce n'est plus acceptable »."""

    def names_ministry(self, label: str) -> bool:
        """Whether a name is a ministry's ("Department for Transport", "Home Office"), which "the government" of an
        article that names it stands for."""
        words = fold(label).split()
        return bool(words) and (bool(self.ministries & set(words)) or words[-1] in self.ministry_endings)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language``, read once per process."""
    data = lexicons.load("stance", language)
    polarity: dict[tuple[str, ...], str] = {}
    for label in ("neutral", "harm", "for", "against"):  # a word in two lists keeps the later: against wins
        polarity.update({phrase: label for word in data[label] for phrase in _spellings(word)})
    words = lambda key: frozenset(fold(w) for w in data[key] or ())  # noqa: E731
    return Lexicon(
        polarity=polarity, combat=words("combat"), remedying=words("remedying"), negators=words("negators"),
        restrictive=words("restrictive"),
        exceptive=words("exceptive"), contrastive=words("contrastive"), deontic=words("deontic"),
        relief=frozenset(phrase(w) for w in data["relief"]), overdue=frozenset(phrase(w) for w in data["overdue"]),
        deliberation=frozenset(phrase(w) for w in data["deliberation"]),
        inclusive=frozenset(phrase(w) for w in data["inclusive"]),
        particles=words("particles"), fearing=words("fearing"),
        target_verbs=frozenset(phrase(w) for w in data["target_verbs"]), first_person=words("first_person"),
        anaphoric=words("anaphoric"), policy_nouns=words("policy_nouns"),
        policy_determiners=words("policy_determiners"), policy_references=words("policy_references"),
        policy_wrappers=words("policy_wrappers"),
        circumstances=words("circumstances"), policy_prepositions=words("policy_prepositions"),
        place_prepositions=words("place_prepositions"),
        locating=words("locating"),
        measure_verbs={fold(verb): str(phrase) for verb, phrase in (data["measure_verbs"] or {}).items()},
        measure_complements=words("measure_complements"),
        institution_heads=words("institution_heads"), government=str(data["government"]),
        ministries=words("ministries"), ministry_endings=words("ministry_endings"),
        demand=frozenset(phrase(w) for w in data["demand"]),
        acceptance=words("acceptance"), undoing=words("undoing"), opposing=words("opposing"),
        supporting=words("supporting"), backing=words("backing"), losses=words("losses"), wins=words("wins"),
        burdens=words("burdens"), rebutting=words("rebutting"), claims=words("claims"), revenues=words("revenues"),
        already=words("already"),
        success=words("success"),
        refusing=words("refusing"), commenting=words("commenting"), concealing=words("concealing"),
        interrogative=words("interrogative"),
        questioning=words("questioning"), question_words=words("question_words"), documents=words("documents"),
        needing=words("needing"), precedence=words("precedence"), conditional=words("conditional"),
        enacting=words("enacting"), scheduling=words("scheduling"), periods=words("periods"),
        budgeting=words("budgeting"), penalties=words("penalties"),
        additive=words("additive"), wishing=words("wishing"), pleading=words("pleading"),
        amending=frozenset(phrase(w) for w in data["amending"]), regretting=words("regretting"), possibility=words("possibility"), permitting=words("permitting"),
        covering=words("covering"), safeguards=frozenset(phrase(w) for w in data["safeguards"]),
        indefinite=words("indefinite"), substitutive=words("substitutive"), universal=words("universal"),
        augmentative=words("augmentative"), reversing=words("reversing"),
        taking_up=words("taking_up"),
        remaining=words("remaining"), nobody=words("nobody"),
        furthering=frozenset(phrase(w) for w in data["furthering"]),
        extending=frozenset(phrase(w) for w in data["extending"]),
        first_steps=frozenset(phrase(w) for w in data["first_steps"]),
        opponents=words("opponents"), proponents=words("proponents"),
        self_subjects=words("self_subjects"), impersonal=words("impersonal"), addressed=words("addressed"),
        promise={key: frozenset(fold(w) for w in values or ()) for key, values in data["promise"].items()},
        future=words("future"), future_endings=frozenset(data["future_forms"]["endings"] or ()),
        conditional_endings=tuple(data["future_forms"]["conditional"] or ()),
        future_changes={fold(k): fold(v) for k, v in (data["future_forms"]["changes"] or {}).items()},
        future_stems={fold(k): fold(v) for k, v in (data["future_forms"]["irregular"] or {}).items()},
        risk=words("risk"), imminent=words("imminent"), urging=words("urging"), benefits=words("benefits"),
        surcharges=words("surcharges"), currencies=words("currencies"), detriments=words("detriments"),
        hypothetical=words("hypothetical"),
        authority_roles=frozenset(phrase(w) for w in data["authority_roles"]),
        authority_bodies=words("authority_bodies"), prohibiting=words("prohibiting"),
        unlemmatised=(tuple(data["unlemmatised"]["endings"] or ()), tuple(data["unlemmatised"]["infinitives"] or ()),
                      str(data["unlemmatised"]["infinitive"] or "")),
        longest=max(len(p) for p in polarity),
        starts=frozenset(p[0] for p in polarity),
        polls=frozenset(fold(w) for w in data.get("polls") or ()),
        depriving=frozenset(fold(w) for w in data.get("depriving") or ()),
        free_choice=frozenset(fold(w) for w in data.get("free_choice") or ()),
        clefting=frozenset(fold(w) for w in data.get("clefting") or ()),
        causal=frozenset(fold(w) for w in data.get("causal") or ()),
        lateness=frozenset(fold(w) for w in data.get("lateness") or ()),
        arriving=frozenset(fold(w) for w in data.get("arriving") or ()),
        comparative=frozenset(fold(w) for w in data.get("comparative") or ()),
        ceasing=frozenset(fold(w) for w in data.get("ceasing") or ()),
    )


def phrase(text: str) -> tuple[str, ...]:
    """Folded words of ``text``, as lexicon phrases are kept (an elided article is a word: "l' état")."""
    return tuple(fold(w) for w in text.replace("'", "' ").replace("’", "' ").split())


def _spellings(text: str) -> set[tuple[str, ...]]:
    """A lexicon entry as one token and, when hyphenated, as the tokenizer may split it ("non-compliance" →
    "non", "-", "compliance")."""
    return {phrase(text), phrase(text.replace("-", " - "))}
