"""A small learned stance model: it gives a side to statements the rules of ``stance.py`` leave neutral, and
reconsiders their against on a harm described (``described_harm``: a backer's account of what a measure fights
reads like an opponent's complaint).

The rules say for or against only on evidence they know (an evaluative verb, a lexicon word, a refusal ...);
what they leave neutral is often a side said in other words. A multinomial logistic regression over the words
of the statement decides those: the lemmas of the content and of the reporting words (marked ``NOT_`` in the
scope of a negation, ``AFTER_`` after a contrast), the root verb, modal and future marks, the speaker's entity
type and the types of the entities the content names, whether it names a measure, and the polarity of the
lexicon's words around it (the rest of its sentence, the sentence before, the other sentences naming the
speaker), and what the speaker or their organisation does elsewhere in the article (the verbs whose subject names
them), how the article describes them wherever it names them ("critics such as X", "X, which opposes the plan":
``_described``), the preposition that ties a measure to its clause ("since the ban"), the time of the content's
harms and whether they are the measure's (``_harm_times``), and whether the speaker is an authority speaking of a
policy the article debates. None of the features is
an output of the rules but ``LEFT_NEUTRAL`` and the rule that decided (``ruling``; the shipped model learns from
``LEFT_NEUTRAL`` alone and leaves the rules' sides as they are, ``Model.overrule``), so a change of rules needs no
retraining unless it moves many statements in or out of the rules' neutral (a changed
lexicon shifts the polarity features a little: retrain then, it takes a minute). It gives a side only when it
is at least ``threshold`` sure of it (chosen by cross-validation by article, stored with the weights), and none to
a statement about persons alone without a word of criticism around it (``decide``). Once the article's statements
are all read, those it was asked about are decided again with the evidence of their speaker's other statements
(``pool``: the rules' side where a sure rule decided one, else the model's guess): a speaker holds one side on
the measure.

Trained on the development gold (``tests/gold/en``, ``tests/gold/fr``) and the tuned PolNeAR attributions of
``benchmarks/data/polnear_stance.yaml`` by ``python -m policykg.stance_training train``, which rewrites
``loaders/data/stance_model.json`` byte for byte (numpy only, fixed iterations, no randomness).
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span, Token

from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import SUBJECTS, forms, future_form, is_policy, lookup
from policykg.loaders.model import Entity, Stance, Statement

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "stance_model.json"
CLASSES: tuple[Stance, ...] = ("against", "for", "neutral")
WORD_CLASSES = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX", "INTJ"})
"""Parts of speech whose lemmas are features (names, numbers and function words say nothing of a side)."""
LENGTH_STEP = 12
"""Words per step of the length feature (a long reported content is more often an account than a verdict)."""
LEFT_NEUTRAL = "LEFT_NEUTRAL"
LEFT = "left"
"""The rule's name when no rule of ``stance.ruled`` decided: the model is asked for a side."""
HARM_DESCRIBED = "harm_described"
"""The rule's name of an against on a harm described, which the model reconsiders (``reconsider``)."""
RULED = ("RULE_", "RULES_")
"""The prefixes of the features that tell which rule decided a statement, and its side (``ruling``)."""
PLACES_AND_THINGS = frozenset({"Place", "Topic", "Feature"})
"""Entity types that no one blames: a content naming another entity criticises it (``described_harm``)."""
RECONSIDER = 0.40
"""How sure of *for* the model must be to overturn the rules' against on a harm described (exact cross-validation
by article, with the extractor, after stance24m's features: 0.30 / 0.35 / 0.40 / 0.45 / 0.50 gave en 0.7615 /
0.7623 / 0.7623 / 0.7608 / 0.76, fr 0.7864 / 0.7917 / 0.7926 / 0.7926 / 0.7908, PolNeAR 0.7656 throughout)."""
MODALS = {"Cnd": "MOOD_conditional", "Fut": "TENSE_future", "Imp": "MOOD_imperative"}


class StanceView(Protocol):
    """What the model reads of a statement: ``stance.View``, without importing it (stance.py imports this)."""

    content: Span
    frame: list[Token]
    statement: Statement


@dataclass(frozen=True)
class Model:
    """Weights per feature (one per class of ``CLASSES``), biases, and the probability a side needs."""

    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    threshold: float
    overrule: float | None = None
    """How much more probable than the rules' side another must be to overrule it (None: the rules' side stands)."""

    def probabilities(self, features: set[str]) -> list[float]:
        scores = list(self.bias)
        for feature in sorted(features):
            for k, w in enumerate(self.weights.get(feature, ())):
                scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        return [e / sum(exps) for e in exps]

    def side(self, features: set[str]) -> Stance:
        """The side the model is at least ``threshold`` sure of, or neutral."""
        probabilities = self.probabilities(features)
        best = max(range(len(CLASSES)), key=lambda k: probabilities[k])
        return CLASSES[best] if CLASSES[best] != "neutral" and probabilities[best] >= self.threshold else "neutral"

    def choose(self, probabilities: list[float], ruled: Stance, rule: str) -> Stance:
        """The side of a statement the rules gave ``ruled`` by ``rule``: where no rule decided, the side the model is
        at least ``threshold`` sure of; elsewhere the rules' side unless another is ``overrule`` more probable."""
        best = max(range(len(CLASSES)), key=lambda k: probabilities[k])
        if rule == LEFT:
            return CLASSES[best] if CLASSES[best] != "neutral" and probabilities[best] >= self.threshold else "neutral"
        if self.overrule is None or probabilities[best] - probabilities[CLASSES.index(ruled)] < self.overrule:
            return ruled
        return CLASSES[best]

    def to_json(self) -> str:
        """One feature a line, in name order, so that a retrained model reads as a diff."""
        lines = [f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(list(w))}" for f, w in sorted(self.weights.items())]
        head = json.dumps({"classes": CLASSES, "threshold": self.threshold, "bias": self.bias}
                          | ({} if self.overrule is None else {"overrule": self.overrule}))[:-1]
        return head + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls({k: tuple(v) for k, v in data["weights"].items()}, tuple(data["bias"]), data["threshold"],
                   data.get("overrule"))


@cache
def _shipped() -> Model | None:
    return Model.from_json(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.exists() else None


_override: list[Model | None] = []
"""A model put in place of the shipped one by ``using`` (None: the rules alone), for training and measuring."""


@contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Decide with ``model`` (None: leave the rules' neutral) instead of the shipped weights, within the block."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def decide(view: StanceView, index: EntityIndex, lex: Lexicon, authority_on_policy: bool = False,
           ruled: Stance = "neutral", rule: str = LEFT) -> Stance:
    """The side the model gives a statement the rules gave ``ruled`` by ``rule`` (``Model.choose``); noted for
    ``pool`` in every article open (``article``)."""
    model = _override[-1] if _override else _shipped()
    for notes in _open:
        notes.rules[id(view.statement)] = rule
    if model is None or rule != LEFT and model.overrule is None:
        return ruled  # the rules' side stands: no features to read (the shipped model's speed)
    found = ruling(features(view, index, lex, authority_on_policy), ruled, rule)
    for noted in _open:
        noted.append((view, found, ruled, rule))
    side = model.choose(model.probabilities(found), ruled, rule)
    return side if side == ruled else _gated(view, index, found, side, ruled)


def _gated(view: StanceView, index: EntityIndex, found: set[str], side: Stance, ruled: Stance = "neutral") -> Stance:
    """No model's side on a statement about persons alone, but against with criticism around
    (``_about_people_only``): the rules' side (``ruled``) stands."""
    if side != "neutral" and _about_people_only(view, index) and (
            side == "for" or CRITICISM_AROUND.isdisjoint(found)):
        return ruled
    return side


Noted = tuple[StanceView, set[str], Stance, str]
"""A statement the model was asked about, its features, the rules' side and the rule's name."""


class Notes(list[Noted]):
    """The statements the model was asked about in an article, and the rule that decided each of its statements
    (``rules``: ``id`` of the statement → the rule's name), for ``pool``."""

    def __init__(self) -> None:
        super().__init__()
        self.rules: dict[int, str] = {}


_open: list[Notes] = []
"""The statements the model was asked about in the articles being read (``article``)."""


@contextmanager
def article() -> Iterator[Notes]:
    """Note the statements ``decide`` is asked about within the block, and the rule that decided every statement,
    for ``pool``."""
    _open.append(Notes())
    try:
        yield _open[-1]
    finally:
        _open.pop()


POOL_WEIGHT = 0.35
"""How much the speaker's other statements in the article weigh in the probabilities of one the rules left neutral
(``pool``; exact cross-validation by article, a speaker's side its family (``stance_actors.families``): 0.25 / 0.35
/ 0.4 / 0.45 / 0.5 gave en 0.7675 / 0.7684 / 0.7692 / 0.7701 / 0.7666, fr 0.7784 / 0.7795 / 0.7805 / 0.7795 / 0.7774,
from 0.7537 / 0.7734 without: a plateau, 0.35 set beforehand kept; by speaker or spokesperson's organisation, 0.2 /
0.35 / 0.5 gave en 0.7589 / 0.7658 / 0.7623, fr 0.7764 / 0.7784 / 0.7764)."""


def pool(noted: Notes, views: Iterable[StanceView], index: EntityIndex, lex: Lexicon,
         authority_on_policy: Callable[[StanceView], bool], side_of: Callable[[Statement], object]) -> None:
    """Decide again the statements the model was asked about (``noted``), their probabilities mixed with the mean
    of those of their speaker's side's other statements in the article (``POOL_WEIGHT``; ``side_of``: who a
    statement speaks for): a speaker holds one side on a measure, said plainly in one statement and in other words
    in the next (in the development gold 87 % of English, 89 % of French statements with a side share the side of
    most of their speaker's other statements). Another statement a rule of ``TRUSTED`` decided counts as its
    rules' side, ``TRUST_WEIGHT`` times ("X opposes the bill" then "firms are struggling"). A statement's own
    evidence still weighs most: a speaker may concede."""
    model = _override[-1] if _override else _shipped()
    if model is None or not noted:
        return
    asked_of = {id(view.statement): found for view, found, _, _ in noted}
    rules = noted.rules
    left = [n for n in noted if n[3] == LEFT]  # a rules' side is overruled on its own evidence alone
    evidence: dict[int, list[float]] = {}
    totals: dict[object, tuple[float, list[float]]] = {}
    wanted = {side_of(view.statement) for view, _, _, _ in left}
    for view in views:
        key = side_of(view.statement)
        if key in wanted:
            found = asked_of.get(id(view.statement)) or features(view, index, lex, authority_on_policy(view))
            evidence[id(view.statement)] = model.probabilities(found)
            trusted = _trusted(view.statement.stance, rules.get(id(view.statement), LEFT))
            weight = 1.0 if trusted is None else TRUST_WEIGHT
            count, total = totals.get(key, (0.0, [0.0] * len(CLASSES)))
            totals[key] = (count + weight, [t + weight * e for t, e in
                                            zip(total, trusted or evidence[id(view.statement)])])
    for view, found, ruled, rule in left:
        count, total = totals[side_of(view.statement)]
        if count <= 1:
            continue
        own = evidence[id(view.statement)]
        mixed = [(1 - POOL_WEIGHT) * o + POOL_WEIGHT * (t - o) / (count - 1) for o, t in zip(own, total)]
        side = model.choose(mixed, ruled, rule)
        view.statement.stance = side if side == ruled else _gated(view, index, found, side, ruled)


TRUSTED: dict[str, float] = dict.fromkeys(
    ("cue", "alternative", "amends", "asks", "declared", "framing", "imposed", "lead", "own_harm", "shortfall",
     "urged_to_enact"), 0.9)
"""Rules whose side on a speaker's other statement ``pool`` takes as that statement's evidence instead of the
model's guess on its words, with the probability given to the side (the rest shared by the other classes): those
right at least 85 % of the time in the training data (``cue`` 0.94 over 1,147 statements, ``amends`` 0.94,
``asks`` 0.93, ``lead`` 0.91; ``lexical`` 0.70, ``placed`` 0.68, ``own_voice`` 0.65 and a harm described 0.53
are not). Exact cross-validation with the extractor (stance43), k-fold en / fr / PolNeAR, batch-out en / fr, from
0.7496 / 0.7771 / 0.6403, 0.7189 / 0.7491: these rules at 0.9, 0.7524 / 0.7777 / 0.6403, 0.7205 / 0.7509; counted
thrice (``TRUST_WEIGHT``) 0.7531 / 0.7783 / 0.6403, 0.7205 / 0.7509; every rule at its accuracy, 0.7511 / 0.7737
/ 0.6547, 0.7157 / 0.7438."""
TRUST_WEIGHT = 3.0
"""How many of the model's guesses a trusted rules' side counts for among a speaker's other statements: a side
said plainly ("opposes the bill", « dénonce ») tells the speaker's side more than a guess on other words."""


def _trusted(stance: Stance, rule: str) -> list[float] | None:
    """The evidence a rules' side gives of its speaker's side (``TRUSTED``), or None where the model's stands."""
    sure = TRUSTED.get(rule)
    if sure is None or stance == "neutral":
        return None
    return [sure if c == stance else (1 - sure) / (len(CLASSES) - 1) for c in CLASSES]


CRITICISM_AROUND = frozenset({"CONTEXT_against", "CONTEXT_harm"})
"""Features of a word against or of harm in the content's sentence or the one before, outside the content."""


def _about_people_only(view: StanceView, index: EntityIndex) -> bool:
    """Whether every target of the statement is a person. Support of a person is said in words the rules know
    (praise, thanks), and criticism of one stands out around it ("accused", "should resign"); where neither is,
    the model's side is an account of what someone did or plans ("the campaign planned to bus in supporters",
    "she didn't want the escort"), which news leaves neutral: the model's sides come from words about measures."""
    types = [index.entities[key].type for key in view.statement.targets if key in index.entities]
    return bool(types) and all(t == "Person" for t in types)


def reconsider(view: StanceView, index: EntityIndex, lex: Lexicon, authority_on_policy: bool = False) -> Stance:
    """For when the model is at least ``RECONSIDER`` sure of it, else against: the side of a statement the rules
    put against on a harm described (``described_harm``), which a backer tells as often as an opponent."""
    model = _override[-1] if _override else _shipped()
    if model is None:
        return "against"
    for notes in _open:
        notes.rules[id(view.statement)] = HARM_DESCRIBED
    found = ruling(features(view, index, lex, authority_on_policy), "against", HARM_DESCRIBED)
    for noted in _open:
        noted.append((view, found, "against", HARM_DESCRIBED))
    probabilities = model.probabilities(found)
    return "for" if probabilities[CLASSES.index("for")] >= RECONSIDER else "against"


def ruling(found: set[str], ruled: Stance, rule: str) -> set[str]:
    """The features of a statement with what the rules said of it: ``LEFT_NEUTRAL`` where no rule decided (those
    are more often neutral in the gold than the rest: the mark gives them their own bias), else the rule's name
    and side (``RULE_cue_against``) and its side (``RULES_against``), each with its language."""
    marks = {LEFT_NEUTRAL} if rule == LEFT else {f"RULE_{rule}_{ruled}", f"RULES_{ruled}"}
    languages = {f.partition(":KIND_")[0] for f in found if ":KIND_" in f}  # every statement has a KIND_
    return found | marks | {f"{language}:{mark}" for language in languages for mark in marks}


def features(view: StanceView, index: EntityIndex, lex: Lexicon, authority_on_policy: bool = False) -> set[str]:
    """The features of a statement, prefixed with its language (``en:``, ``fr:``) so one model serves both;
    ``authority_on_policy``: an authority speaks about a policy the article debates (``targets``)."""
    content = list(view.content)
    language = content[0].lang_ if content else "xx"
    found: set[str] = {f"KIND_{view.statement.kind}", f"LENGTH_{min(len(content) // LENGTH_STEP, 4)}"}
    if authority_on_policy:
        found.add("AUTHORITY_ON_POLICY")
    turn = max((t.i for t in content if fold(t.text) in lex.contrastive), default=-1)
    if turn >= 0:
        found.add("CONTRAST")
    for token in content:
        word = _word(token, lex)
        if word:
            found.add(word)
            if token.i > turn >= 0:
                found.add(f"AFTER_{word}")
        for mark in token.morph.get("Mood") + token.morph.get("Tense"):
            if mark in MODALS and token.pos_ in ("VERB", "AUX"):
                found.add(MODALS[mark])
        if fold(token.text) in lex.first_person and token.dep_.startswith("nsubj"):
            found.add("FIRST_PERSON_SUBJECT")
        if token.pos_ == "NOUN" and not (lex.policy_nouns | lex.policy_references).isdisjoint(
                (fold(token.text), fold(token.lemma_))):
            found.add("POLICY" if not token.dep_.startswith(("obj", "dobj")) else "POLICY_OBJECT")
            found.update(f"POLICY_AFTER_{word}" for word in _markers(token))
        if token.like_num:
            found.add("NUMBER")
        if token.head == token or not view.content.start <= token.head.i < view.content.end:
            found.add(f"ROOT_{fold(token.lemma_)}")
            found.update(f"ROOT_{mark}" for mark in token.morph.get("Tense"))
        if token.text in "?!":
            found.add(f"PUNCT_{token.text}")
    for token in view.frame:
        word = _word(token, lex)
        if word:
            found.add(f"CUE_{word}")
    found.update(_polar(content, "LEX", lex))
    sentence = view.content.sent
    before = sentence.doc[sentence.start - 1].sent if sentence.start else sentence[:0]
    around = [t for t in (*before, *sentence) if not view.content.start <= t.i < view.content.end]
    found.update(_polar(around, "CONTEXT", lex))
    speaker = index.entities.get(view.statement.speaker)
    if speaker is not None:
        found.add(f"SPEAKER_{speaker.type}" + ("_SPOKESPERSON" if speaker.acts_for else ""))
        found.update(_polar(_speaker_sentences(view, speaker), "SPEAKER_SENTENCES", lex))
        found.update(_speaker_acts(view, speaker, index, lex))
        found.update(_described(view, speaker, index, lex))
    found.update(_harm_times(view, lex))
    found.update(f"NAMES_{entity.type}" for (s, e), entity in
                 index.mentions_between(view.content.start_char, view.content.end_char)
                 if entity.key != view.statement.speaker)
    return {f"{language}:{f}" for f in found} | found


def _polar(tokens: Iterable[Token], name: str, lex: Lexicon) -> set[str]:
    """The polarities of the lexicon's single words among ``tokens`` ("LEX_against", "CONTEXT_for"), ``NOT_``
    when negated: evidence the rules weigh only in their own places."""
    found = set()
    for token in tokens:
        polarity = lookup([token], lex) if token.is_alpha else None
        if polarity in ("for", "against", "harm"):
            word = _word(token, lex) or ""
            found.add(f"{name}_{'NOT_' if word.startswith('NOT_') else ''}{polarity}")
    return found


def described_harm(view: StanceView, index: EntityIndex, lex: Lexicon) -> bool:
    """Whether the content's negative words (against or harm) all tell what is or was, of people or things other
    than the measure, and it names no one who could be blamed ("rents have doubled", "teachers are exhausted",
    « les loyers ont flambé »): a backer's account of the harm a measure fights reads so, as much as an
    opponent's complaint. An opponent's grievance is most often the measure's harm to come ("the ban will destroy
    jobs", « va pénaliser », "it would hurt"), and blame names its culprit (« Meta a choisi de fermer les yeux »,
    against Meta): neither is reconsidered."""
    content = view.content
    if any(entity.type not in PLACES_AND_THINGS and entity.key != view.statement.speaker
           for _, entity in index.mentions_between(content.start_char, content.end_char)):
        return False
    polarities = [(t, lookup([t], lex)) for t in content if t.is_alpha]
    if any(polarity == "for" for _, polarity in polarities):
        return False  # "il n'est pas acceptable que ...": a judgement, not an account
    clauses = [_clause_chain(t) for t, polarity in polarities if polarity in ("against", "harm")]
    return bool(clauses) and not any(_to_come(chain, lex) or _of_the_measure(chain, lex) for chain in clauses)


def _clause_chain(token: Token) -> list[Token]:
    """The head of the clause that holds ``token``, then the verbs it is the complement or conjunct of ("va
    pénaliser", "would have to pay"): where its time and its subject are said."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head != head and not any(
            c.dep_ in SUBJECTS or c.dep_ == "cop" for c in head.children):
        head = head.head
    chain = [head]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    return chain


def _to_come(chain: list[Token], lex: Lexicon) -> bool:
    """Whether a clause tells what is to come: in the future or the conditional, by the forms of its verbs,
    auxiliaries and copula ("would", "will", "pourrait", "va", "seraient sérieuses", « détruira »: ``future_form``),
    or under a verb of risk ("shops risk closure", "threatens to destroy", "are set to disappear", « risquent »)."""
    words = [w for link in chain for w in (link, *(c for c in link.children if c.dep_.startswith("aux")
                                                   or c.dep_ == "cop"))]
    return any("Cnd" in w.morph.get("Mood") or "Fut" in w.morph.get("Tense") or not lex.future.isdisjoint(forms(w))
               or future_form(w, lex) or not lex.risk.isdisjoint(forms(w))
               or not lex.imminent.isdisjoint(forms(w)) and any(c.dep_ == "xcomp" for c in w.children)
               or w.dep_.startswith("aux") and not lex.hypothetical.isdisjoint(forms(w)) for w in words)


def _of_the_measure(chain: list[Token], lex: Lexicon) -> bool:
    """Whether a clause's subject or object is the measure ("the ban", "la mesure") or a pronoun that can stand
    for it ("it", "cela")."""
    arguments = [c for link in chain for c in link.children
                 if c.dep_ in SUBJECTS or c.dep_ in ("obj", "dobj", "obl:agent", "agent")]
    return any(is_policy(n, lex) for a in arguments for n in a.subtree if n.pos_ == "NOUN") or any(
        a.pos_ == "PRON" and ("Neut" in a.morph.get("Gender") or "Dem" in a.morph.get("PronType"))
        for a in arguments)


def _speaker_sentences(view: StanceView, speaker: Entity) -> list[Token]:
    """The words of the other sentences that name the speaker: how the article shows them elsewhere."""
    doc = view.content.doc
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in speaker.mentions]
    starts = dict.fromkeys(span.sent.start for span in spans if span is not None)
    return [t for start in starts if start != view.content.sent.start for t in doc[start].sent]


def _speaker_acts(view: StanceView, speaker: Entity, index: EntityIndex, lex: Lexicon) -> set[str]:
    """What the speaker, or the organisation they speak for, does in the article's other sentences ("X opposed
    the plan", "X a salué la décision"): the verbs whose subject names them, and the polarity of those verbs
    (cross-validation by article: en 0.728 -> 0.732, fr 0.737 -> 0.740, PolNeAR tuned 0.769 -> 0.785)."""
    doc = view.content.doc
    organisation = index.entities.get(speaker.acts_for or "")
    verbs = []
    for entity in (speaker, organisation) if organisation is not None else (speaker,):
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.sent.start != view.content.sent.start and span.root.dep_.startswith(
                    "nsubj") and span.root.head.pos_ in ("VERB", "AUX", "ADJ"):
                verbs.append(span.root.head)
    found = _polar(verbs, "SPEAKER_VERB", lex)
    return found | {f"SPEAKER_VERB_{word}" for word in (_word(t, lex) for t in verbs) if word}


DESCRIBING = frozenset({"appos", "acl", "acl:relcl", "relcl", "amod", "nmod", "prep", "compound"})
"""Dependents of a name that say who it names ("X, a critic of the plan", "X, who opposes it", « X, opposant au
projet »)."""


def _described(view: StanceView, speaker: Entity, index: EntityIndex, lex: Lexicon) -> set[str]:
    """The side the article puts the speaker, or the organisation they speak for, on wherever it names them: the
    words of the name, of its apposition, relative clause or modifiers, and the noun that introduces it ("critics
    such as X", "X, who backs the plan", "Stop the Levy", « les opposants, dont X », « le collectif contre la
    taxe »): the polarity of those words (``DESCRIBED_against``), the lexicon's nouns of a side ("critic",
    « partisan ») and a preposition of opposition or support governing a measure ("campaigners against the
    levy"). A speaker holds one side: a backer's account of a harm and an opponent's read alike, who tells it does
    not."""
    doc = view.content.doc
    organisation = index.entities.get(speaker.acts_for or "")
    chosen: dict[int, Token] = {}
    for entity in (speaker, organisation) if organisation is not None else (speaker,):
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            words = [*span, *_introducing(span.root)]
            words.extend(w for c in span.root.children if c.dep_ in DESCRIBING and not span.start <= c.i < span.end
                         for w in c.subtree)
            chosen.update((t.i, t) for t in words if not view.content.start <= t.i < view.content.end)
    tokens = [chosen[i] for i in sorted(chosen)]
    found = _polar(tokens, "DESCRIBED", lex)
    for token in tokens:
        words = set(forms(token))
        if words & lex.opponents:
            found.add("DESCRIBED_opponent")
        if words & lex.proponents:
            found.add("DESCRIBED_proponent")
        if token.pos_ == "ADP" and words & (lex.opposing | lex.supporting) and any(
                is_policy(n, lex) for n in (token.head, *token.children) if n.pos_ == "NOUN"):
            found.add("DESCRIBED_MEASURE_" + ("against" if words & lex.opposing else "for"))
    return found


def _introducing(name: Token) -> list[Token]:
    """The noun a name is given as an instance of ("critics such as X", "opponents, led by X", « les partisans
    de la mesure, dont X »), at most three links up through prepositions and participles."""
    for head in list(name.ancestors)[:3]:
        if head.pos_ == "NOUN":
            return [head]
        if head.pos_ != "ADP" and (head.pos_ != "VERB" or head.dep_ not in ("acl", "acl:relcl", "relcl")):
            return []
    return []


def _markers(noun: Token) -> list[str]:
    """The prepositions that tie a noun to its clause ("since the ban", "because of the levy", « à cause de la
    mesure », « depuis l'interdiction »): whether the measure is told as a harm's cause or as the answer to one."""
    words = [c for c in noun.children if c.dep_ in ("case", "mark")]
    if noun.dep_ == "pobj":
        words.append(noun.head)
        if noun.head.dep_ in ("pcomp", "prep") and noun.head.head.pos_ in ("ADP", "SCONJ"):
            words.append(noun.head.head)
    words.extend(f for w in list(words) for f in w.children if f.dep_ == "fixed")
    return sorted({fold(w.lemma_) for w in words if w.is_alpha})


def _harm_times(view: StanceView, lex: Lexicon) -> set[str]:
    """When the content's negative words (against or harm) tell their harm, and of what: to come (a measure's
    harm, an opponent's fear: "will destroy jobs") or now and before (a backer's account of what the measure
    answers: "complaints had tripled"), of the measure ("the ban has cost us") or of something else."""
    found = set()
    for token in view.content:
        if token.is_alpha and lookup([token], lex) in ("against", "harm"):
            chain = _clause_chain(token)
            time = "TO_COME" if _to_come(chain, lex) else "PAST" if any(
                "Past" in w.morph.get("Tense") for link in chain for w in (link, *link.children)
                if w is link or w.dep_.startswith("aux")) else "NOW"
            found.add(f"HARM_{time}")
            if _of_the_measure(chain, lex):
                found.update(("HARM_OF_MEASURE", f"HARM_{time}_OF_MEASURE"))
    return found


def _word(token: Token, lex: Lexicon) -> str | None:
    """A token's folded lemma, ``NOT_`` when a negator reaches it (its own, or its clause head's), or None."""
    if token.pos_ not in WORD_CLASSES or not token.is_alpha or fold(token.text) in lex.negators:
        return None
    head = token
    while head.pos_ not in ("VERB", "AUX", "ADJ") and head.head != head:
        head = head.head
    negated = any(fold(c.text) in lex.negators or c.dep_ == "neg" for t in {token, head} for c in t.children)
    return ("NOT_" if negated else "") + fold(token.lemma_)
