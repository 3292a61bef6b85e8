"""What a demand asks of a measure, read where the demand's verb alone would decide: a demand worded to extend the
measure ("the rules should also cover hospices", "urged ministers to apply the same ratio to other managers", « réclame
que la dérogation s'applique également aux noisetiers ») is support that asks for more, for it (docs/gold-format.md,
Urging someone to act, A concession then a reservation), where the urging verb reads against and a modal of
obligation reads as a reproach. A demand made on the speaker by an indefinite « on » (« on nous demande de
fermer », « on m'a promis une place », « on demande aux maires de construire ») is the grievance of those the measure
is imposed on, against it (``imposed``).

A measure called a first step, or said not to solve everything (« un premier pas, mais ... », "a first step, but ...",
« ne règle pas tout »), is a backer's support that asks for more, for it (``modest``).

A concession followed by a plea to change the measure ("backed the aim but wanted small firms exempt") is against it
(``amended_after_concession``).

Kept apart from ``stance`` (at its length limit), which calls them in ``stance.ruled``."""
from __future__ import annotations

from spacy.tokens import Span, Token

from policykg.loaders.extract.entities import fold
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_model import StanceView
from policykg.loaders.extract.stance_predicates import partial_failure
from policykg.loaders.extract.stance_words import SUBJECTS, asks, forms, is_policy, lookup, negation, starts_phrase

CLAUSE_HEADS = ("VERB", "AUX")
SUBORDINATE = frozenset({"advcl", "acl", "acl:relcl", "relcl", "csubj", "xcomp"})
"""Dependencies of a verb in a clause the content's main clause governs (``imposed``)."""


def asks_more(view: StanceView, lex: Lexicon, verdict: str | None, measured: bool) -> bool:
    """Whether a demand asks the measure to reach further: a word that adds (``lex.extending``: "also", "as well",
    "the same", « également », « les mêmes ») in a clause of the content that something should be done (a modal of
    obligation on its verb: "should also cover", « devrait aussi ») or that a plea or an urging before the content asks
    for ("urged ministers to apply the same ratio to ..."), its verb unnegated. Not a question ("asked why it should
    apply in the same way"), nor a change asked (``lex.amending``: "should also be exempt", "compensated as well"),
    nor after a verb of criticism (``verdict`` against from anything but an urging: "criticised the bill, saying it
    should also have covered vans"), nor a deliberation ("whether the same limits should apply"); "too" of excess
    ("ten years too early") adds nothing, « réclame même que ... » (even) asks more. Support that wants more
    (``modest``: "a first step") is read with or without a measure among the targets, an extension only with one
    (``measured``)."""
    content, frame = view.content, list(view.frame)
    pleads = any(t.i < content.start and not (lex.pleading | lex.urging).isdisjoint(forms(t)) for t in frame)
    urged = any(t.i < content.start and not lex.urging.isdisjoint(forms(t)) for t in frame)
    if verdict == "against" and not urged or asks(content, frame, lex) or any(
            starts_phrase(t, lex.amending) for t in content):
        return False
    if modest(view, lex):
        return True
    if not measured:
        return False
    for token in content:
        words = next((p for p in lex.extending if starts_phrase(token, (p,))), None)
        if words is None or token.pos_ != "ADJ" and (token.pos_ != "ADV" or len(words) == 1 and token.head.pos_ in (
                "ADJ", "ADV", "DET")):
            continue  # "ten years too early": excess, no addition ("as well" is the phrase's own head)
        verb = _clause_verb(token)
        if verb is None or negation(verb, lex)[0] or any(fold(c.text) in lex.interrogative for c in verb.children):
            continue  # "to examine whether the same limits should apply": deliberation
        if pleads or _obliged(verb, lex):
            return True
    return False


def modest(view: StanceView, lex: Lexicon) -> bool:
    """Whether the content calls the measure a first step or a start (``lex.first_steps``: « c'est un premier pas,
    mais les loyers restent chers », "a good first step", "a good start, but ...") or says it will not solve
    everything (« ne règle pas tout »): the support of a backer who wants more, which the words of the reservation
    after it would turn against (in the French development gold 10 for, 0 against; "a start" in the English 7 for, 1
    against). Not a step denied in its clause (« ce n'est même pas un premier pas »; « n'est qu'un premier pas »
    restricts it, still for), nor one towards an end or a ban ("the first step towards closing the hospital", « vers
    la suppression du service »), nor towards a harm: the side is then what the step leads to; nor a noun's modifier
    or a verb's object ("a start date", "young farmers trying to get a start")."""
    content = view.content
    if any(partial_failure(t, lex) for t in content):
        return True
    ending = lex.undoing | set(lex.measure_verbs) | {p.split()[0] for p in lex.measure_verbs.values()} - {"{}"}
    for token in content:
        if not starts_phrase(token, lex.first_steps):
            continue
        size = max(len(p) for p in lex.first_steps if starts_phrase(token, (p,)))
        if content.doc[token.i + size - 1].dep_ in ("compound", "dobj", "obj"):
            continue  # "a start date", "trying to get a start": a modifier or a thing had, not the measure judged
        before = list(content.doc[content.start:token.i])
        after = list(content.doc[token.i + size:content.end])
        clause = before[max((k + 1 for k, t in enumerate(before) if _breaks(t, lex)), default=0):]
        towards = after[:next((k for k, t in enumerate(after) if _breaks(t, lex)), len(after))]
        if any(fold(t.text) in lex.negators and fold(t.text) not in lex.particles for t in clause):
            continue
        if not any(not ending.isdisjoint(forms(t)) or lookup([t], lex) in ("against", "harm") for t in towards):
            return True
    return False


def _breaks(token: Token, lex: Lexicon) -> bool:
    """Whether a word ends a clause for ``modest``: a punctuation mark or a contrast ("but", « mais »)."""
    return token.is_punct and token.text not in "«»\"'’" or fold(token.text) in lex.contrastive


def imposed(content: Span, lex: Lexicon) -> bool:
    """Whether a clause of the content has an indefinite subject (``lex.impersonal``: « on ») acting on the speaker
    (a pronoun of ``lex.addressed`` on its verb: « on nous demande de ... », « on m'a promis », « on ne nous a rien
    proposé ») or asking others (a verb of ``lex.needing`` with an indirect object: « on demande aux victimes de
    ... »): what is told is done to them, said with its promoters' words (« on nous a vendu un système plus juste »);
    in the development gold 56 against, 2 for. Not with relief on the verb (« enfin, on nous écoute »), nor in a
    subordinate clause of the content: a circumstance (« à l'heure où l'on demande aux familles de ... »), a condition
    (« s'il faut une loi pour qu'on nous le dise »), a wish (« ce que je veux, c'est qu'on me rappelle »)."""
    for subject in content:
        verb = subject.head
        if not subject.dep_.startswith("nsubj") or fold(subject.text) not in lex.impersonal or verb == subject \
                or verb.dep_ in SUBORDINATE or verb.dep_ == "ccomp" and content.start <= verb.head.i < content.end \
                or subject.i > 0 and subject.nbor(-1).pos_ == "SCONJ":  # « c'est qu'on me rappelle »: misparsed
            continue
        acted_on = any(c != subject and c.pos_ == "PRON" and fold(c.text) in lex.addressed for c in verb.children)
        asks_others = not lex.needing.isdisjoint(forms(verb)) and any(
            c.dep_ in ("iobj", "obl:arg") and c.pos_ == "NOUN" for c in verb.children)
        if (acted_on or asks_others) and not any((fold(c.text),) in lex.relief for c in verb.children):
            return True
    return False


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word sits in: its head, climbed through nouns and adjectives ("the same ratio" →
    "apply")."""
    head = token.head
    while head.pos_ not in CLAUSE_HEADS and head.head != head:
        head = head.head
    return head if head.pos_ in CLAUSE_HEADS else None


def _obliged(verb: Token, lex: Lexicon) -> bool:
    """Whether a modal of obligation governs a verb ("should cover", "must build", « devrait s'appliquer »): the
    verb's own auxiliaries or, for an infinitive, the modal verb it depends on."""
    modals = [*verb.children, *((verb.head,) if verb.dep_ == "xcomp" else ())]
    return any(not lex.deontic.isdisjoint(forms(m)) for m in modals)


def amended_after_concession(view: StanceView, lex: Lexicon) -> bool:
    """Whether, after a contrast, the content pleads for the measure changed ("supported the aim but wanted small
    firms to be exempt", "would not oppose it but wanted a review after a year", "backed the scheme but wanted a
    transition period", "but wanted to see the costs before it went ahead", « favorable, mais souhaite un report »):
    a delay, an exemption, a review, compensation (``lex.amending``) or a step before the measure comes in. The change
    is the reservation the statement adds, against the measure as it stands (docs/gold-format.md, A concession, then
    a reservation), where the plea after "but" would read as support asking for more ("but wanted it extended to
    vans", "but wanted it in force before the holidays begin": no change, no measure after "before")."""
    content = view.content
    turn = next((t.i for t in content if fold(t.text) in lex.contrastive), None)
    plea = next((t for t in content if turn is not None and t.i > turn and t.pos_ in CLAUSE_HEADS
                 and not (lex.pleading | lex.urging).isdisjoint(forms(t))), None)
    if plea is None or negation(plea, lex)[0]:
        return False
    asked = content.doc[plea.i + 1:content.end]
    return any(not negation(t, lex)[0] and (
        starts_phrase(t, lex.amending) and (t.pos_ != "NOUN" or "Plur" not in t.morph.get("Number") or t.head == plea)
        or fold(t.text) in lex.precedence and t.dep_ == "mark" and _measure_subject(t.head, lex)) for t in asked)


def _measure_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether a clause's subject is the measure or a pronoun that stands for it ("before the rules came in", "before
    it went ahead"; not "before the holidays begin")."""
    return any(c.dep_ in SUBJECTS and (is_policy(c, lex) or c.pos_ == "PRON" and fold(c.text) not in lex.first_person)
               for c in verb.children)
