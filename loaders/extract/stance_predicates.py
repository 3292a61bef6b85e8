"""The polarity of a clause's predicate toward what it is about: a measure undone, opposed or voted for, a
refusal or a failure, a reassurance, a loss or a win of the speaker's side, a harm fought or receding, a modal of
obligation negated, and the words that only describe or grade.

Kept apart from ``stance`` (which weighs a statement's evidence as a whole) so that each module has one job.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from policykg.loaders.extract.entities import fold
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import CLAUSAL, CLAUSAL_SUBJECTS, SUBJECTS, forms, future_form, is_policy, \
    lookup, negates, negation, starts_phrase

HARM_REACH = 3
"""How many heads up a combat word may govern a harm word ("prévenir le matériel d'abus")."""
MODIFIERS = frozenset({"amod", "advmod", "nummod", "compound"})
"""Dependencies of a word that only grades or qualifies its head."""


def inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def own_clause(verb: Token) -> bool:
    """Whether a reporting verb heads a clause with its own subject joined to another ("A warned that ..., while
    economists said ...", "A said ...; B warned that ...", which the parser may hang on the later verb as its
    complement): the verbs above it are another speaker's, no frame of this content."""
    return (verb.dep_ in ("advcl", "conj", "parataxis") or verb.dep_ == "ccomp" and verb.i < verb.head.i) and any(
        c.dep_ in SUBJECTS for c in verb.children)


def clause_start(content: Span) -> int:
    """Where the reporting clause of a content begins: its sentence's start, or the first word of the clause with
    its own subject that reports it ("Landlords called the register unworkable, while the group welcomed it as
    ..."): the words before that clause are another speaker's."""
    for root in (t for t in content if t.head == t or not inside(t.head, content)):
        head = root.head
        while not inside(head, content):
            if own_clause(head):
                return max(content.sent.start, min(t.i for t in head.subtree))
            if head.head == head:
                break
            head = head.head
    return content.sent.start


def undoing_subject(token: Token, lex: Lexicon) -> bool:
    """Whether the clause of a polar word has the undoing of something as its subject ("Arrêter un chantier
    achevé serait un gâchis", "un arrêt prolongé coûterait des emplois", "scrapping the scheme would be a
    mistake"): the word judges the undoing, so its polarity toward what would be undone is the reverse. A
    modifier's link to its head is no step ("is the worst possible timing": worst, possible, timing, is)."""
    link, steps = token, 0
    while steps < HARM_REACH:
        if any(c.dep_ in CLAUSAL_SUBJECTS and c is not token and not lex.undoing.isdisjoint(forms(c))
               for c in link.children):
            return True
        if link.head == link or link.dep_ in CLAUSAL - {"conj"}:  # "coûterait ... et menacerait": one subject
            return False
        steps += link.dep_ not in MODIFIERS
        link = link.head
    return False


def undoes_policy(token: Token, lex: Lexicon) -> bool:
    """A word that undoes or opposes a measure named by a policy noun: a verb with it as object ("faire
    supprimer la mesure", "repeal the law"), its noun with it as complement ("exige le retrait du texte",
    "called for the withdrawal of the bill"), a preposition of opposition ("contre la réforme", "against the
    bill"). Against that policy, whatever the word says elsewhere (some fight harms too), even when demanded."""
    if token.pos_ == "ADP":
        return fold(token.text) in lex.opposing and preposition_object(token, lex) is not None
    if lex.undoing.isdisjoint(forms(token)) or token.dep_ in CLAUSAL_SUBJECTS:
        return False  # the undoing as subject counts through what is said of it ("the repeal would be a mistake")
    if token.pos_ == "VERB":
        return governs_policy(token, lex)
    return token.pos_ == "NOUN" and any(
        c.dep_ == "nmod" and is_policy(c, lex) or c.dep_ == "prep" and any(
            g.dep_ == "pobj" and is_policy(g, lex) for g in c.children) for c in token.children)


def enacts_policy(token: Token, lex: Lexicon) -> bool:
    """A verb that carries a measure out with a policy noun as its object, in the infinitive: what is proposed or
    to be done ("a motion to restore the cap", « pour prolonger le dispositif »), for that policy, as undoing it is
    against. Not a fact told ("Parliament passed the Act": a sentence that frames nobody), nor a possibility ("she
    could back the plan, but only if ...")."""
    if token.pos_ != "VERB" or "Inf" not in token.morph.get("VerbForm") or lex.enacting.isdisjoint(forms(token)):
        return False
    modals = [*(c for c in token.children if c.dep_.startswith("aux")),
              *([token.head] if token.dep_ == "xcomp" else [])]
    return governs_policy(token, lex) and all(lex.possibility.isdisjoint(forms(m)) for m in modals)


def supports_policy(token: Token, lex: Lexicon) -> bool:
    """A preposition of support between a verb and a policy noun ("a voté pour le texte", "voted for the bill"; not
    "a tax for drivers", nor "who would pay for the scheme": only after a verb of backing)."""
    if token.pos_ != "ADP" or fold(token.text) not in lex.supporting:
        return False
    policy = preposition_object(token, lex)
    verb = policy.head if policy is not None and token.dep_ == "case" else token.head
    return policy is not None and verb.pos_ == "VERB" and not lex.backing.isdisjoint(forms(verb))


def preposition_object(preposition: Token, lex: Lexicon) -> Token | None:
    """The policy noun a preposition governs (its head in French parses, its object in English ones), or None."""
    noun = preposition.head if preposition.dep_ == "case" else next(
        (c for c in preposition.children if c.dep_ == "pobj"), None)
    return noun if noun is not None and is_policy(noun, lex) else None


def governs_policy(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's object is headed by a policy noun ("the plan", "la mesure", "renoncer à la taxe")."""
    return any(c.dep_ in ("obj", "dobj", "obl:arg") and is_policy(c, lex) for c in verb.children)


def forbidding(token: Token, lex: Lexicon) -> bool:
    """A negated modal of obligation ("should not", "must not", "ne doit pas", "il ne faut pas"): the speaker
    says that what its subject does or plans must not be, which is against it."""
    if fold(token.lemma_) not in lex.deontic:
        return False
    verb = token.head if token.dep_.startswith("aux") and token.head != token else token
    return any(fold(c.text) in lex.negators for c in (*token.children, *verb.children))


def norm_for_all(token: Token, lex: Lexicon) -> bool:
    """A negated modal of obligation whose subject is no one ("Nobody should have to choose between heating and
    eating", "No family should be ...", « Aucun enfant ne devrait avoir faim ») or anyone, a singular indefinite
    ("A nurse should not need a second job to ...", « Une famille ne doit pas payer ... »): a right stated for
    everyone, which the measure debated secures (in the development gold for 7 times in 7 with no one; 7 in 7 with
    an indefinite, where a group named, "farmers should not pay", is the measure's burden), not what someone must
    not do. Not when the clause names a measure ("No one should be forced to pay this tax": the measure breaks the
    right), nor a copula ("no one should be above the law", "no one should be surprised": a verdict on someone, not
    a right)."""
    if fold(token.lemma_) not in lex.deontic:
        return False
    verb = token.head if token.dep_.startswith("aux") and token.head != token else token
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    nobody = any(fold(s.text) in lex.nobody or any(c.dep_ == "det" and fold(c.text) in lex.nobody for c in s.children)
                 for s in subjects)
    anyone = any(s.pos_ == "NOUN" and any(c.dep_ == "det" and fold(c.text) in lex.indefinite for c in s.children)
                 for s in subjects)  # "a nurse", « un éleveur »
    negators = [c for c in (*token.children, *verb.children) if fold(c.text) in lex.negators and c not in subjects]
    negated = any(fold(c.text) not in lex.particles for c in negators)  # « ne ... plus »: the particle is enough
    copular = verb.pos_ == "AUX" or any(c.dep_ == "cop" for c in verb.children)  # "no one should be above the law"
    return (nobody and not negated or anyone and bool(negators)) and not copular and not any(
        is_policy(t, lex) for t in verb.subtree)


def no_longer(word: Token, lex: Lexicon) -> bool:
    """Whether a word of praise is negated as what no longer holds (« ce n'est plus acceptable », « il n'est plus
    raisonnable d'attendre », "it is no longer acceptable that ..."), its subject no measure: the speaker says the
    state of things must end, which the measure debated does (in the development gold for 8 times in 8), where
    "is not acceptable" judges what is proposed. An adjective only: a verb no longer done is a failure ("the law is
    no longer respected"); and not said of a measure ("the scheme is no longer affordable")."""
    if word.pos_ != "ADJ":
        return False
    head = word.head if word.dep_ in ("acomp", "attr") and word.head.pos_ == "AUX" else word
    words = [c for h in {word, head} for c in h.children]
    return any(c.pos_ == "ADV" and not lex.ceasing.isdisjoint(forms(c)) for c in words) and not any(
        c.dep_ in SUBJECTS and is_policy(c, lex) for c in words)


def refused(token: Token, lex: Lexicon, verbs: frozenset[str]) -> bool:
    """A verb of acceptance or success (``verbs``) negated itself: a refusal ("ne signerait pas l'accord",
    "will not pay"; not "cannot keep paying", an inability) or a failure ("has never worked"), against what
    it governs or its subject; a measure that acts « sans régler le problème », « sans le remplacer » fails too (in
    the development gold 6 against, 0 for; "without", the head of its verb in English, is not read). Not a refusal to
    vote against ("will not vote against the cap", « ne votera pas contre le texte »): that negates an opposition,
    which ``undoes_policy`` reads; nor a preposition ("pays without"); nor a supposition ("if it does not work, we
    will say so", « s'il ne fonctionne pas »); nor a hedge (``partial_failure``)."""
    return token.pos_ == "VERB" and not verbs.isdisjoint(forms(token)) \
        and any(negates(c, lex) and (c.pos_ != "ADP" or c.i < token.i and verbs == lex.success)
                for c in token.children) \
        and not any(c.dep_ == "mark" and fold(c.text) in lex.conditional for c in token.children) \
        and not any(fold(t.text) in lex.opposing for c in token.children for t in (c, *c.children)
                    if t.pos_ == "ADP") \
        and not partial_failure(token, lex)


def partial_failure(token: Token, lex: Lexicon) -> bool:
    """A verb of success negated whose object is a word of totality (« ne règle pas tout », « sans tout régler »):
    it will not solve everything, a backer's hedge (``stance_demands.modest``), no failure."""
    return token.pos_ == "VERB" and not lex.success.isdisjoint(forms(token)) \
        and any(negates(c, lex) and (c.pos_ != "ADP" or c.i < token.i) for c in token.children) \
        and any(fold(c.text) in lex.universal and c.dep_ not in SUBJECTS and not any(c.children)
                for c in token.children)


def measure_succeeds(token: Token, lex: Lexicon) -> bool:
    """A verb of success, unnegated and asserted (not asked: "whether it would work"), whose subject is a policy
    noun ("the ban has worked", "le dispositif fonctionne"): for the measure."""
    return token.pos_ == "VERB" and not lex.success.isdisjoint(forms(token)) and not negation(token, lex)[0] \
        and any(c.dep_ in SUBJECTS and is_policy(c, lex) for c in token.children) \
        and not any(c.dep_ == "mark" and fold(c.text) in lex.interrogative for c in token.children)


def promise(token: Token, lex: Lexicon) -> bool:
    """A verb in the future or the conditional negated by "never", of a thing or group named by a noun ("les
    fournisseurs ne verront jamais le contenu", "the images would never be used"): a reassurance, for what is
    defended (not a person's habit: "he would never diagnose ...")."""
    if token.pos_ != "VERB" or not any(fold(c.text) in lex.promise["negators"] for c in token.children):
        return False
    if not any(c.dep_ in SUBJECTS and c.pos_ == "NOUN" for c in token.children):
        return False
    return "Fut" in token.morph.get("Tense") or "Cnd" in token.morph.get("Mood") \
        or any(fold(c.text) in lex.promise["auxiliaries"] for c in token.children) or future_form(token, lex)


def own_outcome(token: Token, words: frozenset[str], lex: Lexicon) -> bool:
    """A loss or a win (``words``) of the speaker's side ("on va perdre", "we will win", « nos artisans vont
    payer »): a complaint or a claim; another's loss or win ("she lost the election", "he won the state") is a
    fact, and so is one asked of an addressee (« on demande aux locataires de payer »)."""
    addressed = any(c.dep_ in ("obj", "dobj", "iobj", "obl:arg", "dative") for c in token.head.children)
    verbs = [token, token.head] if token.dep_ == "xcomp" and not addressed else [token]  # "on va perdre"
    return not words.isdisjoint(forms(token)) and any(
        c.dep_ in SUBJECTS and (fold(c.text) in lex.self_subjects or any(
            d.dep_ in ("det", "poss", "nmod:poss") and fold(d.text) in lex.first_person for d in c.children))
        for verb in verbs for c in verb.children)


def describes(token: Token, lex: Lexicon) -> bool:
    """A past participle of an action against harm that describes a noun ("des antibiotiques interdits",
    "protected species"), or a word of praise of what is so already (``already_so``): it says what was done or
    is, not what the speaker supports."""
    return token.pos_ == "VERB" and token.dep_ in ("acl", "amod") and "Part" in token.morph.get("VerbForm") \
        and token.head.pos_ == "NOUN" and not lex.combat.isdisjoint(forms(token)) or already_so(token, lex)


def already_so(token: Token, lex: Lexicon) -> bool:
    """Whether a word of praise or success lies in a clause told as already so ("already", « déjà ») of
    something other than the measure ("the company already offered safety tools", « la justice parvient déjà à
    identifier les auteurs »): what works already is an opponent's case that the measure is needless (in the
    development gold, statements saying "already" are 67 against, 22 for)."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    chain = [head]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    arguments = [c for link in chain for c in link.children]
    return any(fold(c.text) in lex.already for c in arguments) and not any(
        c.dep_ in SUBJECTS and is_policy(n, lex) for c in arguments for n in c.subtree if n.pos_ == "NOUN")


def intensifier(token: Token, lex: Lexicon) -> bool:
    """An adjective or adverb that only grades a polar word ("risque important", "strong criticism")."""
    return token.pos_ in ("ADJ", "ADV") and token.head != token and lookup([token], lex) is not None \
        and lookup([token.head], lex) is not None  # not the first word of a phrase: "plus intelligemment"


def fighter(harm: Token, lex: Lexicon, content: Span) -> Token | None:
    """The nearest combat word governing ``harm`` within a few heads (prepositions not counted), inside the
    content: "prevent the spread of abuse material" → prevent."""
    token, steps = harm, 0
    while steps < HARM_REACH and token.head != token and inside(token.head, content):
        token = token.head
        if fold(token.lemma_) in lex.combat or fold(token.text) in lex.combat:
            return token
        steps += token.pos_ != "ADP"
    return None


def remedied(word: Token, lex: Lexicon, content: Span) -> bool:
    """Whether a word of criticism is what a verb of remedy, unnegated, puts right within a few heads inside the
    content ("will end the unfair treatment", "tackles the problem of unfair fees", « la réforme corrigera des
    injustices », « mettre fin à un sentiment d'injustice »: the verb's object says the remedy): the wrong is
    fought, not what is debated. A relative clause judges its noun, not what is done to it ("close the library,
    which is a disgrace")."""
    token, steps = word, 0
    while steps < HARM_REACH and token.head != token and inside(token.head, content) and token.dep_ != "relcl":
        token = token.head
        if not lex.remedying.isdisjoint(forms(token)) or token.pos_ == "VERB" and any(
                c.dep_ in ("obj", "dobj") and not lex.remedying.isdisjoint(forms(c)) for c in token.children):
            return not negation(token, lex)[0]
        steps += token.pos_ != "ADP"
    return False


def fought(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun of criticism or risk is the subject of a verb of decrease ("sickness absence has fallen",
    "les problèmes ont reculé"): the speaker tells of a problem that recedes, not against what is debated."""
    verb = noun.head
    return noun.dep_ in SUBJECTS and verb.pos_ == "VERB" and fold(verb.lemma_) in lex.combat \
        and lookup([verb], lex) is None


def governs_harm(token: Token, lex: Lexicon, content: Span) -> bool:
    """Whether ``token`` is the combat word nearest to some harm word ("lutter contre les abus")."""
    return any(lookup([t], lex) == "harm" and fighter(t, lex, content) == token
               for t in token.subtree if inside(t, content))


def rebutted(word: Token, lex: Lexicon) -> bool:
    """Whether a word of criticism is what a verb of rebuttal answers or rejects ("rejected the criticism",
    "dismissed the concerns", « a répondu aux critiques »), or is that verb when it rejects a claim ("rejected
    claims that ..."): the speaker defends what is criticised."""
    claim = next((c for c in word.children if c.dep_ in ("obj", "dobj") and not lex.claims.isdisjoint(forms(c))),
                 None) if word.pos_ == "VERB" else None
    word = claim or word
    head = word.head
    if head.pos_ == "ADP" and head.head != head:
        head = head.head  # "responded to critics"
    return word.pos_ == "NOUN" and head.pos_ == "VERB" and not lex.rebutting.isdisjoint(forms(head)) \
        and not negation(head, lex)[0]


def own_harm(content: Span, lex: Lexicon) -> bool:
    """Whether a harm the content describes is the speaker's own, told in the first person singular ("I have
    already had two cancellations", "my bookings have halved", « j'ai perdu trois clients »): a grievance, against
    whoever tells it, where a harm told of others ("complaints had tripled") may be a backer's case for a measure."""
    for token in content:
        if not token.is_alpha or lookup([token], lex) not in ("against", "harm"):
            continue
        head = token
        while head.pos_ not in ("VERB", "AUX", "ADJ") and head.head != head:
            head = head.head
        if any(c.dep_ in SUBJECTS and any("1" in t.morph.get("Person") and "Sing" in t.morph.get("Number")
                                          for t in c.subtree if t.pos_ in ("PRON", "DET")) for c in head.children):
            return True
    return False


def good_harmed(word: Token, lex: Lexicon) -> bool:
    """Whether a word of praise qualifies those a verb of detriment hits ("punishing responsible owners",
    « pénalise les commerçants honnêtes », "honest owners would be punished"): the praise makes the blow unjust,
    against whoever deals it; or is itself the good a verb takes away ("cut the lifeline"), a blow too."""
    noun = word.head
    if word.pos_ == "NOUN" and word.dep_ in ("obj", "dobj"):
        return not lex.depriving.isdisjoint(forms(word.head))
    return word.dep_ in ("amod", "acl") and noun.dep_ in ("obj", "dobj", "nsubjpass") \
        and not lex.detriments.isdisjoint(forms(noun.head))  # "honest estates would be punished"


def defers(content: Span, lex: Lexicon) -> bool:
    """Whether the content's main verb does whatever another decides ("forces would enforce whatever limit
    Parliament set"): no side, which the model would otherwise guess from the topic's words."""
    return any(indifferent(t, lex) for t in content if t.head == t or not inside(t.head, content))


def indifferent(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's object is one of free choice ("would enforce whatever limit Parliament sets"): doing
    whatever is decided is no stand on what is decided. The parser may hang the relative on the verb ("whatever
    limit" as the object of "sets", a complement of "enforce")."""
    if verb.pos_ != "VERB":
        return False
    objects = [g for c in verb.children if c.dep_ in ("ccomp", "obj", "dobj")
               for g in (c, *c.children) if g.dep_ in ("obj", "dobj")]
    return any(fold(d.text) in lex.free_choice for o in objects for d in o.children if d.dep_ == "det")


def substitutes(content: Span, frame: Iterable[Token], lex: Lexicon) -> bool:
    """Whether the speaker puts something in the measure's place: an adverb of substitution on a verb of the
    content or of the plea before it ("the fund should be extended instead", "urged the council to pay for
    neutering instead", « propose plutôt de ... », « il faudrait plutôt des infirmières »), or a new thing praised
    by comparison (``_praised_instead``). An alternative proposed is against the measure debated
    (docs/gold-format.md, Urging). Only on a verb, an act put in place of another: not a grade (« plutôt
    favorable »), nor a description corrected ("the remark was instead a joke"); not "instead of" (the measure's
    author compares too: "advice instead of drilling")."""
    words = (*(t for t in frame if t.i < content.start), *content)
    return any(fold(t.text) in lex.substitutive and t.head.pos_ == "VERB"
               and not starts_phrase(t, lex.amending) for t in words) or any(_praised_instead(t, lex) for t in content)


def _praised_instead(word: Token, lex: Lexicon) -> bool:
    """Whether an adjective of praise, compared and in the conditional, is said of a thing introduced as new ("a
    licensing scheme would be fairer", « un étiquetage obligatoire serait plus efficace »): an alternative; the
    measure debated is named as known ("the cap would be fairer")."""
    compared = "Cmp" in word.morph.get("Degree") or any(
        c.dep_ == "advmod" and fold(c.text) in lex.augmentative for c in word.children)
    if word.pos_ != "ADJ" or not compared or lookup([word], lex) != "for":
        return False
    clause = [*(word.head if word.dep_ in ("acomp", "attr") else word).children]
    conditional = any(c.dep_.startswith("aux") and fold(c.text) in lex.hypothetical or "Cnd" in c.morph.get("Mood")
                      for c in clause)
    return conditional and any(c.dep_ in SUBJECTS and c.pos_ == "NOUN" and any(
        d.dep_ == "det" and fold(d.text) in lex.indefinite for d in c.children) for c in clause)


def before_any(content: Span, frame: Iterable[Token], lex: Lexicon) -> bool:
    """Whether a statement asks for a step before any of the measure ("called for a pilot in three regions before
    any national rollout", « favorable à une évaluation indépendante avant toute prolongation »): in the content or
    right after it (no verb between), asked for (a word of need, obligation or plea) or named with no verb before
    it. A condition first, against the measure as it stands (docs/gold-format.md); not a step the author announces
    ("the pilot would be evaluated before any decision": a verb, nothing asked)."""
    doc = content.doc
    stop = next((t.i for t in doc[content.end:content.sent.end] if t.pos_ in ("VERB", "AUX")), content.sent.end)
    asked = lex.needing | lex.deontic | lex.pleading
    for word in (*content, *doc[content.end:stop]):
        following = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if fold(word.text) in lex.precedence and following is not None and fold(following.text) in lex.universal \
                and following.head.pos_ == "NOUN":
            return any(not asked.isdisjoint(forms(t)) for t in (*(t for t in frame if t.i < content.start), *content)
                       ) or not any(t.pos_ in ("VERB", "AUX") for t in content if t.i < word.i)
    return False
