"""The speaker's stance toward what a statement is about (for, against or neutral), and the view of a
statement both this module and ``targets`` read: its content and the reporting words around it.

An evaluative reporting verb or verb phrase states the stance outright ("a critiqué", "a mis en garde",
"s'interroge", "urged", "rejected"; the one nearest the content when there are two). Otherwise an
organisation's own voice (its spokesperson, its leader, itself, or a sister company) speaking about it is for
it. Otherwise it is read from a lexicon (``loaders/data/<language>/stance.yaml``) over the content and the
reporting words around it: criticism, opposition, risk and failure words count against, commitment, support
and praise words for; what comes before a contrast ("but", "mais") counts half. The polarity of predicates
counts too: a refusal ("ne signera pas l'accord", "will never pay") and a failure ("has never worked") are
against, a reassurance ("ne verront jamais le contenu") is for, a loss or a win counts when the speaker's
side has it ("on va perdre", "we will win"), fighting a harm is for ("break the gangs' business model", "cut
pollution", "keep children away from harmful content"); what a measure would cost or drive away is against ("would
drive up rents", "customers would shop elsewhere"). A measure undone, fought or opposed ("faire supprimer la
mesure", "exige le retrait du texte", "would fight the bill", "contre la réforme") is against it, one voted for
("voted for the bill") or that works ("the ban has worked") is for it, and judging its undoing reverses the
judgement ("l'arrêter serait un gâchis"). What a measure would bring counts too ("the charge would fund better
buses", "la régulation découragera les jeunes": ``stance_words.consequence``), and what should have been done is a
reproach ("aurait dû agir plus tôt"); what comes at last ("finally", "enfin") or late (« arrive avec dix ans de retard
») is welcome, as are a right for all ("nobody should have to") and « plus acceptable ». Urging someone to act
("urged", "called on") is against them unless the polar words of the act demanded outweigh the verb, and for a measure
they are urged to carry out ("urged MPs to fund the scheme"); a condition set on it is against it
("needed clear advice before the rule comes in", "would only work if ...", ``stance_words.precondition``).
Negation flips a word ("n'est pas acceptable"), restriction turns praise into failure ("n'a coopéré que
rarement"), harm words ("abus", "predators") count weakly against unless a word fights them ("prévenir les abus"),
a noun of criticism or risk that recedes is for ("les retards ont diminué"), and an adjective that only
intensifies a polar noun ("risque important") adds nothing. More against than for, or a tie with some criticism,
is against. With no polar word: a question is against what it asks about ("asked who would pay",
"questioned whether it would work", ``stance_words.asks``), an organisation telling what it does is for, a verb of demand is for what is
demanded ("réclame la construction"), and a direct quote takes the stance of an evaluative verb in the sentence
before whose subject is its speaker or their organisation ("X opposed the bill. 'Quote,' its director said"), as
does reported speech introduced by a possessive that refers back when that verb's object is a policy ("X rejected
the plan. Its chair said that ..."), and an authority telling what will be done announces its own measure ("The
government will ban ..."). Failing all of these, the side the article puts the speaker on decides: a side noun
around the content ("Critics of the plan, led by X, say") or the sentence before when it frames what follows
("Residents were furious."); no evidence is neutral, and so is deliberation to come ("it would study the proposal").
Support conceded before "but" with no side after it is a reservation, against; an authority's account of a harm,
with no criticism around it, is for the policy it debates. What the rules leave neutral, the learned model
(``stance_model``, docs/stance-model.md) may give a side, and it reconsiders an against on a harm described. The
polarity of single predicates (a refusal, a measure undone, a harm fought) is read by ``stance_predicates``."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from policykg.loaders.extract import stance_demands, stance_model
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_predicates import (
    before_any, clause_start, defers, describes, enacts_policy, fighter, forbidding, fought, good_harmed, governs_harm,
    governs_policy, indifferent, inside, intensifier, measure_succeeds, no_longer, norm_for_all, own_clause, own_harm,
    own_outcome, promise, rebutted, refused, remedied, substitutes, supports_policy, undoes_policy, undoing_subject)
from policykg.loaders.extract.stance_procedure import procedural
from policykg.loaders.extract.stance_words import (
    CLAUSAL_SUBJECTS, SUBJECTS, amends, asks, belated, budgeted, claim_rejected, consequence, declared_side, forms,
    future_form, has_number, judged_figure, lookup, negation, overdue, penalised, precondition, reason,
    regrets_shortfall, relief, root_of, safeguard, starts_phrase, urged_further, urged_to_enact)
from policykg.loaders.model import Entity, Stance, Statement

BACKGROUND = frozenset({"Topic", "Place"})
"""Entity types that are targets only when nothing else is."""
PRIVATE = frozenset({"Company", "Platform", "Organization", "NGO"})
"""Types of a party that is no government: urged to bring in measures of its own, it is criticised."""
OBJECTS = frozenset({"obj", "dobj", "iobj", "obl:arg", "appos", "flat:name", "conj", "attr", "acomp", "xcomp"})
"""Dependents of a reporting verb that name (or describe) what the statement is about."""
HARM_WEIGHT = 0.5
CONCEDED = 0.5
"""Weight of a polar word before a contrast ("we support fair pay, but this rise comes too fast"): the clause
after the contrast is what the speaker stands on."""
RELIEF = 2.0
"""Weight of an adverb of relief ("would finally put the burden where it belongs"): it outweighs one word of
criticism in what is welcomed."""


@dataclass
class View:
    """A statement's content tokens and the reporting words around it in its sentences."""

    statement: Statement
    text: str
    """The article's text."""
    content: Span
    frame: list[Token]
    """The reporting words: the content's ancestors outside it and their object-like dependents, the words
    between the speaker and the content (the parser often attaches "a salué X, estimant que" wrongly), and
    the cue the statement was found by."""
    names: frozenset[int] = frozenset()
    """The tokens of names in the content's sentence ("the Data Protection Commission"): no polar words."""

    @classmethod
    def of(cls, text: str, doc: Doc, statement: Statement, index: EntityIndex) -> View | None:
        content = doc.char_span(statement.start, statement.end, alignment_mode="expand")
        if content is None or not len(content):
            return None
        inside = set(range(content.start, content.end))
        mentions = index.mentions_between(content.sent.start_char, content.sent.end_char)
        speaker = {t.i for (s, e), ent in mentions
                   if ent.key == statement.speaker for t in doc.char_span(s, e, alignment_mode="expand") or ()}
        names = {t.i for (s, e), ent in mentions if ent.type not in BACKGROUND
                 for t in doc.char_span(s, e, alignment_mode="expand") or ()}  # "Fight for the Future" says nothing
        path: list[Token] = []
        for root in _roots(content):
            head = root.head
            while head.i not in inside and head not in path:
                path.append(head)
                if head.head == head or own_clause(head):
                    break
                head = head.head
        frame = [*path, *(c for t in path for c in t.children if c.dep_ in OBJECTS and c not in path)]
        frame.extend(t for t in _between_speaker_and_content(doc, content, sorted(speaker)) if t not in frame)
        if statement.cue_span:
            cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
            frame.extend(t for t in cue or () if t not in frame)
        frame = [t for t in frame if t.i not in inside and t.i not in speaker and t.i not in names
                 and t.pos_ != "PROPN"]
        return cls(statement, text, content, sorted(frame, key=lambda t: t.i), frozenset(names))


def _between_speaker_and_content(doc: Doc, content: Span, speaker: list[int]) -> Span:
    """The words between the speaker's mention and the content, in the content's sentence; without a mention
    of the speaker there ("Il a exhorté ..."), those from the start of its reporting clause."""
    before = [i for i in speaker if i < content.start]
    after = [i for i in speaker if i >= content.end]
    if before:
        return doc[before[-1] + 1:content.start]
    if after:
        return doc[content.end:after[0]]
    return doc[clause_start(content):content.start]


def _roots(span: Span) -> list[Token]:
    """Tokens of ``span`` whose head lies outside it (several clauses); not its stops, hung on the sentence root."""
    return [t for t in span if not (t.is_space or t.is_punct) and (not inside(t.head, span) or t.head == t)]


# --- stance ----------------------------------------------------------------------------------------------

def stance_of(view: View, lex: Lexicon, index: EntityIndex, families: dict[str, int],
              authorities: frozenset[str], lead: Span | None, framing: Span | None = None,
              authority_on_policy: bool = False, main_policy: str | None = None) -> Stance:
    """The rules' side (``ruled``), then the model's word: on what they leave neutral, or on a harm described."""
    side, rule = ruled(view, lex, index, families, authorities, lead, framing, authority_on_policy, main_policy)
    if rule == stance_model.HARM_DESCRIBED:
        return stance_model.reconsider(view, index, lex, authority_on_policy)  # "rents have doubled": whose harm?
    return stance_model.decide(view, index, lex, authority_on_policy, side, rule)


def ruled(view: View, lex: Lexicon, index: EntityIndex, families: dict[str, int],
          authorities: frozenset[str], lead: Span | None, framing: Span | None = None,
          authority_on_policy: bool = False, main_policy: str | None = None) -> tuple[Stance, str]:
    """An evaluative reporting verb, then the speaker's defence of their own organisation, then the polar words
    of the content, then the speaker's own voice, then an evaluative verb of the sentence before whose subject
    is the speaker or their organisation, then the side the article puts the speaker on (``framing``: the
    sentence before when it reports no statement); with the rule that decided (``stance_model.LEFT``: none did).
    ``main_policy``: what the article debates, the target a statement that names none will be given."""
    verdict = cue_verdict(view.frame, lex, view.content)
    measures = [k for k in view.statement.targets or [main_policy or ""]
                if k in index.entities and index.entities[k].type == "Topic"]
    if (declared := declared_side(view.content, lex)) is not None:
        return declared, "declared"  # "If this gets the children out of those huts, I'm for it": said outright
    if _pleads_alternative(view, lex, index, measures) or view.statement.speaker not in authorities and substitutes(
            view.content, view.frame, lex):  # « plaide pour un contrôle parental » on a ban, "fund X instead"
        return "against", "alternative"
    if (measures or not any(index.entities[k].type in PRIVATE for k in view.statement.targets
                            if k in index.entities)) and _urges(view, lex) and (
            urged_to_enact(view.content, lex) or urged_further(view.content, lex)):
        return "for", "urged_to_enact"  # "urged lawmakers to fund it"; not a company urged « à introduire »
    if amends(view.content, view.frame, lex) or stance_demands.amended_after_concession(view, lex):
        return "against", "amends"  # "called for a two-year delay", « plaide pour que les commerces soient exclus »
    if regrets_shortfall(view.content, view.frame, lex) or stance_demands.asks_more(view, lex, verdict, bool(measures)):
        return "for", "shortfall"  # « regrette que les meublés ne soient pas concernés », "should also cover X": more
    if _opposition_denied_then_reserved(view, lex):
        return "against", "reserved"  # « ne conteste pas l'objectif, mais juge que ... »: then the reservation
    if verdict is not None and (_contrasted(view, lex) or _urges(view, lex)):  # "welcomed it but said ..."
        if _contrasted(view, lex) and asks(view.content, view.frame, lex):
            return "against", "contrast_doubt"  # "welcomed the permits but asked how ...": the doubt decides
        lexical = _lexical_stance(view, lex)
        return (verdict, "contrasted") if lexical == "neutral" else (lexical, "contrasted_lexical")
    if verdict is not None or stance_demands.imposed(view.content, lex):  # « on nous demande de ... »: a grievance
        return (verdict, "cue") if verdict is not None else ("against", "imposed")
    if measures and overdue(view.content, lex):
        return "for", "overdue"  # "patients have been let down for too long": the wrong the measure debated ends
    if documented_figure(view, lex) or no_comment(view, lex) or any(f(view.content, lex) for f in (budgeted, penalised, defers)):
        return "neutral", "no_side"  # "a survey by X found that ...", "would not comment", "would cost £9m", a fine
    if view.statement.speaker in authorities and safeguard(view.content, lex):
        return "for", "safeguard"  # "small firms would be exempt", "no one will lose out": the author's safeguard
    if _defends_own(view, index, families):
        return "for", "defends_own"
    lexical = _lexical_stance(view, lex)
    if lexical != "against" and asks(view.content, view.frame, lex):
        return "against", "asks"  # "asked who would pay", "questioned whether it would free up any homes": doubt on it
    if procedural(view.content, lex, lexical):
        return "neutral", "deliberates"  # "it would study the proposal": no side yet; "it opens in May": procedure
    if lexical == "neutral" and (_own_voice(view, lex, index, authorities) or any(_demand(t, lex) for t in view.frame)
                                 or _announces(view, lex, authorities)):
        return "for", "own_voice"
    refers_back = _refers_back(view, lex)
    source = "lead"
    if lexical == "neutral" and lead is not None and view.statement.kind == "direct":
        verdict = cue_verdict(_speaker_verbs(lead, view.statement.speaker, index, refers_back), lex)
    elif lexical == "neutral" and lead is not None and refers_back:  # "X rejected the plan. Its chair said ..."
        verdict = cue_verdict([v for v in _speaker_verbs(lead, view.statement.speaker, index, refers_back)
                                if governs_policy(v, lex)], lex)
    if verdict is None and lexical == "neutral" and framing is not None:
        acts = _speaker_verbs(framing, view.statement.speaker, index, refers_back)
        verdict, source = cue_verdict([v for v in acts if governs_policy(v, lex)], lex), "framing"  # "X welcomed it."
        if any(target_verb(v, lex) for v in acts):  # "X rejected the figures.": no side on the policy
            framing = None
    if verdict is None and lexical == "neutral":
        verdict, source = _placed_side(view, framing, lex), "placed"
    if verdict is None and lexical == "against" and stance_model.described_harm(view, index, lex):
        if authority_on_policy and not _criticised_around(view, lex):
            return "for", "authority_harm"  # a minister on the harm their measure answers: "fans have paid more"
        if own_harm(view.content, lex):
            return "against", "own_harm"  # "I have already had two cancellations": one's own loss is a grievance
        return "against", stance_model.HARM_DESCRIBED
    if verdict is not None:
        return verdict, source
    return lexical, "lexical" if lexical != "neutral" else stance_model.LEFT


def documented_figure(view: View, lex: Lexicon) -> bool:
    """Whether a statement gives the figures of a document (a study, a survey, a report, an inspection: "an
    inspection found that cameras were on in only 61 per cent of searches", « d'après une étude de ..., 3 % des
    assurés ... ») named in its sentence outside the content, and names no measure: the gold leaves such figures
    neutral whatever their words (docs/gold-format.md, Officials and facts); figures of the measure judge it ("the
    measure cut emissions by only 0.3 %")."""
    content = view.content
    if not has_number(content) or judged_figure(content, lex):
        return False
    return any(t.pos_ == "NOUN" and not inside(t, content) and not lex.documents.isdisjoint(forms(t))
               for t in content.sent)


def no_comment(view: View, lex: Lexicon) -> bool:
    """Whether the content's main verb is a verb of comment negated or refused ("the ministry did not comment on
    proposals from outside bodies", « n'a pas souhaité réagir »): the speaker declines to take a side, which the
    model would otherwise guess from the topic's words."""
    return any(t.pos_ == "VERB" and (t.head == t or not inside(t.head, view.content))
               and not lex.commenting.isdisjoint(forms(t)) and negation(t, lex)[0] for t in view.content)


def _criticised_around(view: View, lex: Lexicon) -> bool:
    """Whether a word of criticism or harm, unnegated, stands in the content's sentence outside it or in the
    sentence before ("warned", "Critics fear ..."): without one, an authority's negative words are its account of
    the problem the policy it debates answers (in the development gold 21 for, 6 not)."""
    sentence = view.content.sent
    before = sentence.doc[sentence.start - 1].sent if sentence.start else sentence[:0]
    return any(t.is_alpha and not inside(t, view.content) and lookup([t], lex) in ("against", "harm")
               and not negation(t, lex)[0] for t in (*before, *sentence))


def _placed_side(view: View, framing: Span | None, lex: Lexicon) -> Stance | None:
    """The side the article puts the speaker on, for a statement with no evidence of its own: a noun of the
    sentence, outside the content, that names a side ("Critics of the pilot, led by X, say ...", "les détracteurs
    de la mesure"), then the sentence before when it reports no statement and frames what follows ("Opponents
    are not persuaded.", "Environmental groups were furious.", "Les parents, eux, applaudissent."): the
    statement it introduces takes the polarity of its words; not a sentence of figures (an account of facts)."""
    around = [t for t in view.content.sent if not inside(t, view.content)]
    if framing is not None:
        around.extend(framing)
    words = {w for t in around for w in forms(t)}
    against, support = not words.isdisjoint(lex.opponents), not words.isdisjoint(lex.proponents)
    if against != support:
        return "against" if against else "for"
    if framing is None or has_number(framing):
        return None
    stance = _lexical_stance(View(view.statement, view.text, framing, []), lex)
    return None if stance == "neutral" else stance


def _lexical_stance(view: View, lex: Lexicon) -> Stance:
    """More against than for, or a tie with some criticism, is against; no evidence is neutral."""
    turn = max((t.i for t in view.content if fold(t.text) in lex.contrastive), default=-1)
    framed = max((t.i for t in view.frame if t.i < view.content.start and fold(t.text) in lex.contrastive), default=-1)
    against = float(sum(1 for t in view.content if forbidding(t, lex) and not norm_for_all(t, lex) or refused(
        t, lex, lex.acceptance) or refused(t, lex, lex.success) or own_outcome(t, lex.losses, lex)))
    support = 0.0
    for token in view.content:  # a measure undone, fought or voted for: "exige le retrait du texte"
        supports = supports_policy(token, lex) or enacts_policy(token, lex)
        if supports or undoes_policy(token, lex):
            if negation(token, lex)[0] != supports:
                support += 1
            else:
                against += 1
    for token, polarity, phrase in _polar_words(view, lex):
        weight = CONCEDED if token.i < max(turn, framed) else 1.0  # "welcomed it but fears that ...": conceded
        if polarity == "harm":
            combat = fighter(token, lex, view.content)
            if combat is not None and lookup([combat], lex) is None:
                support += weight  # fighting a harm is for: "stop the boats and break the gangs' model"
            if combat is not None or negation(token, lex)[0]:
                continue
            against += HARM_WEIGHT
            continue
        if polarity == "against" and token.pos_ == "NOUN" and fought(token, lex):
            support += weight  # a problem that recedes: "sickness absence has fallen"
            continue
        if polarity == "against" and token.pos_ in ("NOUN", "ADJ") and remedied(token, lex, view.content):
            support += weight  # a wrong put right: « la réforme corrigera des injustices »
            continue
        if polarity == "against" and rebutted(token, lex):
            support += weight * (token.pos_ != "VERB")  # « a répondu aux critiques »: a defence; not "rejected claims"
            continue
        if intensifier(token, lex) or indifferent(token, lex) or polarity == "for" and describes(token, lex) or any(
                belated(w, lex, view.content) for t in phrase for w in (t, t.head) if w == t or t.dep_ == "advmod"):
            continue  # « trop tard », « retard » of a measure: counted below, for
        if fold(token.text) in lex.additive and token.head.pos_ not in ("ADJ", "ADV", "DET"):
            continue  # "wanted it to cover vans too": also, no excess ("too costly", "go too far")
        if token.dep_ in CLAUSAL_SUBJECTS and not lex.undoing.isdisjoint(forms(token)):
            continue  # "the repeal ... would be a mistake": what is said of the undoing decides
        if fold(token.lemma_) in lex.combat and governs_harm(token, lex, view.content):
            polarity = "for"
        elif polarity == "for" and good_harmed(token, lex):
            polarity = "against"  # "was punishing the many responsible owners": an unjust blow
        negated, restricted = negation(root_of(phrase), lex, phrase)
        if undoing_subject(token, lex):
            negated = not negated  # "arrêter le chantier serait un gâchis": against undoing it, for it
        if negated and not (polarity == "for" and no_longer(token, lex)):  # « n'est plus acceptable »: for
            polarity = "for" if polarity == "against" else "against"
        elif restricted and polarity == "for":
            polarity = "against"
        if polarity == "against":
            against += weight
        else:
            support += weight
    support += sum(1 for t in view.content if belated(t, lex, view.content) or norm_for_all(t, lex) or promise(t, lex)
                   or own_outcome(t, lex.wins, lex) or measure_succeeds(t, lex))  # « arrive avec dix ans de retard »
    support += RELIEF * sum(1 for t in view.content if relief(t, lex))
    effects = [consequence(t, lex) for t in view.content]  # "the charge would fund better buses"
    support += effects.count("for")
    against += effects.count("against")
    if precondition(view.content, view.frame, lex) or before_any(view.content, view.frame, lex):
        return "against"  # "would only work if the law was enforced first": a condition set on the measure
    if against and against >= support:
        return "against"
    if support and turn > view.content.start and _reserved(view, turn, lex):
        return "against"  # "the aim is welcome, but a licence is only as good as the inspection behind it"
    return "for" if support else "neutral"


def _reserved(view: View, turn: int, lex: Lexicon) -> bool:
    """Whether a content's support lies all before its contrast and what follows it says no side of its own: a
    concession, then a reservation the lexicon does not know ("the estimate was plausible but depended heavily
    on ...", « un bon souvenir, mais rien ne permet de dire que ... »): the reservation is what is added. Not a
    wish after it ("backs the cap but wants it extended", « soutient la mesure mais souhaite ... »): support that
    asks for more is for (docs/gold-format.md)."""
    doc = view.content.doc
    if doc[turn].pos_ not in ("CCONJ", "ADV") or any(fold(t.text) in lex.negators for t in doc[turn + 1:turn + 2]):
        return False  # "anything but", and a limit rather than a reservation: "would help but not transform it"
    before = View(view.statement, view.text, doc[view.content.start:turn], [], view.names)
    after = View(view.statement, view.text, doc[turn + 1:view.content.end], [], view.names)
    wants = any(not (t.head.i > turn and t.head.i < view.content.end) and not lex.wishing.isdisjoint(forms(t))
                for t in after.content)  # "backed the ban but wanted the fines to fund patrols": support asking more
    return not wants and _lexical_stance(before, lex) == "for" and _lexical_stance(after, lex) == "neutral" and not any(
        belated(t, lex, view.content) for t in before.content)  # « arrive tard, mais elle arrive »: lateness, no praise


def _opposition_denied_then_reserved(view: View, lex: Lexicon) -> bool:
    """Whether the speaker denies opposing, then adds a clause after a contrast (« ne conteste pas l'objectif, mais
    juge que ... », "was not against renewable energy but that the moor was the wrong place", « ce n'est pas une
    mauvaise mesure, mais ... »): a concession, then the reservation the statement adds (docs/gold-format.md), not
    support. Not a correction ("not a cost but an investment": no verb after the contrast), nor support that asks
    for more after it ("but wants it extended")."""
    words = [*(t for t in view.frame if t.i < view.content.start), *view.content]
    denied = next((t.i for t in words if (lookup([t], lex) == "against" and t.pos_ != "ADP"
                                          or t.pos_ == "ADP" and fold(t.text) in lex.opposing)
                   and negation(t, lex)[0]), None)
    turn = next((t.i for t in words if denied is not None and t.i > denied and fold(t.text) in lex.contrastive), None)
    if turn is None:
        return False
    after = [t for t in view.content if t.i > turn]
    return any(t.pos_ in ("VERB", "AUX") for t in after) and not any(
        not lex.wishing.isdisjoint(forms(t)) or starts_phrase(t, lex.furthering) for t in after)


def _contrasted(view: View, lex: Lexicon) -> bool:
    """Whether a contrast stands between the evaluative reporting verb and the content ("welcomed the plan but said
    that ..."): what follows it is what the speaker stands on; an evaluative verb after it is that stand
    ("supported transparency but warned that ...": a concession, then the side)."""
    turn = max((t.i for t in view.frame if t.i < view.content.start and fold(t.text) in lex.contrastive), default=-1)
    return turn >= 0 and cue_verdict([t for t in view.frame if t.i > turn], lex, view.content) is None


def _pleads_alternative(view: View, lex: Lexicon, index: EntityIndex, measures: list[str]) -> bool:
    """Whether a plea or an urging before the content asks for a new thing that is not the measure the statement is
    about (« plaide pour un contrôle parental » on a ban, "urged ministers to fund a scheme of free phones" on a
    ban of sales, "called for a total ban" on a cap): a noun with a singular indefinite determiner, the first the
    plea names or the object of the act urged, that no word of the measure's name names (« des bus plus fréquents »
    asks for more). An alternative urged is against the measure
    (docs/gold-format.md, Urging); a measure named by its name ("called for a cap" on the cap) is asked for.
    ``measures``: the statement's targets that are measures."""
    content = view.content
    verbs = [t for t in view.frame if t.i < content.start and t.pos_ in ("VERB", "AUX")]
    if not verbs or (lex.pleading | lex.urging).isdisjoint(forms(verbs[-1])):
        return False  # the verb nearest the content pleads: not « salue une décision » after « qui réclamait »
    named = {fold(w) for key in measures for w in index.entities[key].label.replace("-", " ").split()}
    if not any(len(w) > 3 and w not in lex.policy_nouns | lex.policy_references for w in named):
        return False  # "the plans", « proposition de loi »: no name to compare with
    first_verb = next((t for t in content if t.pos_ == "VERB"), None)
    asked = next((t for t in content if t.pos_ == "NOUN"), None)
    if first_verb is not None and asked is not None and asked.head != first_verb and asked.head.head != first_verb:
        asked = next((c for c in first_verb.children if c.dep_ in ("obj", "dobj")), asked)  # "ministers to fund a ..."
    return asked is not None and named.isdisjoint(forms(asked)) and lex.scheduling.isdisjoint(
        w for t in asked.subtree for w in forms(t)) and asked.dep_ not in ("attr", "oprd", "xcomp", "appos") and any(
        c.dep_ == "det" and fold(c.text) in lex.indefinite for c in asked.children)


def _urges(view: View, lex: Lexicon) -> bool:
    """Whether the speaker urges someone to act ("urged Congress to protect the regulator and strengthen its
    powers"): pressing them is against them (the verb counts so), unless the act demanded outweighs it."""
    return any(not lex.urging.isdisjoint(forms(t)) for t in view.frame if t.i < view.content.start)


def _defends_own(view: View, index: EntityIndex, families: dict[str, int]) -> bool:
    """An organisation's own voice (itself, its leader, its spokesperson, a sister company) speaking about it:
    it defends it, whatever words of criticism or harm it uses."""
    if (speaker := index.entities.get(view.statement.speaker)) is None:
        return False
    family = {families.get(key) for key in (speaker.key, speaker.acts_for) if key in families}
    return any(families.get(t) in family for t in view.statement.targets)


def _demand(token: Token, lex: Lexicon) -> bool:
    """Whether a word of the frame starts a verb of demand ("réclame", "called for")."""
    return token.pos_ == "VERB" and starts_phrase(token, lex.demand)


def _own_voice(view: View, lex: Lexicon, index: EntityIndex, authorities: frozenset[str]) -> bool:
    """With no polar word: a spokesperson speaking about nobody in particular, or an organisation (or its
    spokesperson) telling what it does ("Meta has finished rolling out ...", "we remove ..."); not a body with no
    authority telling its own work or findings on a measure ("its members relied on graduates", "its inquiry had
    found that ..."): that is its case about the measure, which the words decide."""
    if (speaker := index.entities.get(view.statement.speaker)) is None:
        return False
    if speaker.acts_for is not None and not view.statement.targets:
        return True
    if speaker.type == "Person" and speaker.acts_for is None or speaker.key not in authorities and any(
            index.entities[k].type == "Topic" for k in view.statement.targets if k in index.entities):
        return False
    own = {key for key in (speaker.key, speaker.acts_for) if key}
    return any(token.dep_ in SUBJECTS and inside(token.head, view.content) and not _burden(token.head, lex)
               and (fold(token.text) in lex.first_person or (entity := entity_of(token, index)) and entity.key in own
                    or any("Yes" in c.morph.get("Poss") for c in token.children))  # "ses équipes ont remplacé"
               for token in view.content)


def _announces(view: View, lex: Lexicon, authorities: frozenset[str]) -> bool:
    """With no polar word: an authority (``authorities``) telling what will be done, in the future and unnegated
    ("The government will ban phones in schools from September", "the scheme will start next October") or no
    longer done ("pupils will no longer complete coursework"): it announces its own measure; and anyone telling
    what will no longer be allowed or possible ("fans will no longer be able to resell tickets", « les loyers ne
    pourront plus dépasser ... »): what a measure bans (in the development gold, for nearly always)."""
    authority = view.statement.speaker in authorities
    return any(not inside(t.head, view.content) or t.head == t for t in view.content
               if t.pos_ in ("VERB", "AUX") and _future(t, lex) and not _burden(t, lex) and (
                   negation(t, lex)[0] and _prohibits(t, lex) and (authority or _permission(t, lex))
                   or authority and t.pos_ == "VERB" and not negation(t, lex)[0]))


def _burden(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb tells a loss or a burden borne ("the town will lose a third of its taxes", « nos artisans vont
    payer », "would penalise"): a harm to come, no measure announced nor an organisation's account of its work."""
    return not (lex.losses | lex.detriments | lex.burdens).isdisjoint(forms(verb))


def _permission(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb, or the adjective it governs, tells what one may or can do ("be allowed to", "be able to",
    « pourront »): its end is a ban, not a forecast ("cars will no longer use the square")."""
    return any(not lex.permitting.isdisjoint(forms(t)) for t in (verb, *verb.children) if t.dep_ != "nsubj")


def _prohibits(verb: Token, lex: Lexicon) -> bool:
    """Whether a negated verb tells of an end or a ban ("will no longer complete", "will not be allowed to",
    "ne rendront plus"), not a refusal."""
    return not lex.prohibiting.isdisjoint(forms(verb)) or any(
        not lex.prohibiting.isdisjoint(forms(t)) for c in verb.children for t in c.subtree if c.dep_ == "advmod")


def _future(verb: Token, lex: Lexicon) -> bool:
    """A verb in the future: by its tense, an auxiliary of the future, or its French future stem and a future
    ending (« pourront », which the parser may read as a present; not the conditional « étudierait »)."""
    return "Fut" in verb.morph.get("Tense") or future_form(verb, lex) and not verb.text.endswith(
        lex.conditional_endings) or any(
        c.dep_.startswith("aux") and not lex.future.isdisjoint(forms(c)) for c in verb.children)


def entity_of(token: Token, index: EntityIndex) -> Entity | None:
    return index.entity_at(token.idx, token.idx + len(token.text))


def _refers_back(view: View, lex: Lexicon) -> bool:
    """Whether the sentence opens (quotes aside) with a possessive that refers back: "Its director said ..."."""
    words = [t for t in view.content.sent if t.is_alpha]
    return bool(words) and fold(words[0].text) in lex.anaphoric and words[0].dep_ in ("poss", "nmod:poss", "det") \
        and not inside(words[0], view.content)


def _speaker_verbs(sentence: Span, speaker: str, index: EntityIndex, refers_back: bool) -> list[Token]:
    """The verbs of ``sentence`` whose subject names the speaker, their organisation or someone speaking for
    them ("Ford criticised the decision." before "'...', its chair said."); any actor when the speaker is
    introduced by a possessive that refers back to it ("Its director, X, said")."""
    voices = {speaker}
    entity = index.entities.get(speaker)
    if entity is not None and entity.acts_for:
        voices.add(entity.acts_for)
    verbs = []
    for token in sentence:
        if token.dep_ not in SUBJECTS or token.head.pos_ not in ("VERB", "AUX"):
            continue
        named = {e.key for _, e in index.mentions_between(sentence.doc[token.left_edge.i].idx,
                                                           token.right_edge.idx + len(token.right_edge))}
        if refers_back and any(index.entities[k].type not in BACKGROUND for k in named) \
                or named & voices or any(index.entities[k].acts_for in voices for k in named):
            verbs.append(token.head)
            verbs.extend(c for c in token.head.children if c.dep_ in ("conj", "xcomp"))
    return verbs


def cue_verdict(frame: Iterable[Token], lex: Lexicon, content: Span | None = None) -> Stance | None:
    """The stance an evaluative reporting verb states outright: "a critiqué", "a salué", "urged", "warned",
    "a mis en garde"; after the ``content``, only the verb right after it (an inverted cue), not the verb of
    another clause ("juge la mesure irréaliste et plaide pour ...")."""
    if content is not None:
        frame = [t for t in frame if t.i < content.start or inverted(t, content)]
    for token in sorted(frame, key=lambda t: -t.i):  # the verb nearest the content: "welcomed X but warned that"
        phrase = target_verb(token, lex)
        polarity = lookup(list(token.doc[token.i:token.i + len(phrase)]), lex) if phrase else None
        if polarity in ("for", "against"):
            if polarity == "against" and rebutted(token, lex) and content is not None and any(
                    (lookup([t], lex) or consequence(t, lex)) and claim_rejected(t, lex) for t in content):
                continue  # "rejected claims that the toll would hurt shops": the claim's words, denied, decide
            if polarity == "against" and any(rebutted(c, lex) and lookup([c], lex) == "against" for c in token.children):
                return "for"  # "rejected the criticism", "dismissed the concerns": a defence
            return ("for" if polarity == "against" else "against") if negation(token, lex)[0] else polarity
    return None


def inverted(verb: Token, content: Span) -> bool:
    """Whether ``verb`` follows the content with only punctuation and auxiliaries between: a cue whose
    subject, the speaker, comes after it ("« ... », s'est réjoui le président de X")."""
    between = verb.doc[content.end:verb.i]
    return verb.i >= content.end and all(t.is_punct or t.is_space or t.pos_ in ("AUX", "PRON") for t in between)


def target_verb(token: Token, lex: Lexicon) -> tuple[str, ...] | None:
    """The evaluative reporting verb or verb phrase that ``token`` starts ("critiquer", "mettre en garde",
    "call on"), the longest, or None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    doc = token.doc
    found = None
    for phrase in lex.target_verbs:
        if phrase[0] not in forms(token) or (found and len(found) >= len(phrase)):
            continue
        following = doc[token.i + 1:token.i + len(phrase)]
        if len(following) == len(phrase) - 1 and all(w in forms(t) for w, t in zip(phrase[1:], following)):
            found = phrase
    return found


def _polar_words(view: View, lex: Lexicon) -> Iterable[tuple[Token, str, list[Token]]]:
    """Polar words of the content, and those of the frame that evaluate (not plain reporting verbs), except an
    evaluative verb past a contrast after the content ("said it did not oppose the ban, but warned that ..."):
    the clause after "but" is another statement, on its own side ("and warned" goes on with the same one)."""
    yield from _matches([t for t in view.content if t.i not in view.names and not reason(t, lex)], lex)
    for token, polarity, phrase in _matches(view.frame, lex):
        if token.pos_ not in ("VERB", "AUX") or target_verb(token, lex) and not _conceded_before(token, view, lex):
            yield token, polarity, phrase


def _conceded_before(verb: Token, view: View, lex: Lexicon) -> bool:
    """Whether a contrast stands between the content and a verb after it ("..., but warned")."""
    return verb.i >= view.content.end and any(fold(t.text) in lex.contrastive
                                              for t in verb.doc[view.content.end:verb.i])


def _matches(tokens: list[Token], lex: Lexicon) -> Iterable[tuple[Token, str, list[Token]]]:
    """Lexicon words and phrases in ``tokens`` (consecutive in the text), longest first: the first token, the
    polarity and the phrase's tokens."""
    i = 0
    while i < len(tokens):
        if lex.starts.isdisjoint(forms(tokens[i])):
            i += 1
            continue
        for size in range(min(lex.longest, len(tokens) - i), 0, -1):
            window = tokens[i:i + size]
            if any(b.i != a.i + 1 for a, b in zip(window, window[1:])):
                continue
            polarity = lookup(window, lex)
            if polarity:
                if polarity != "neutral":
                    yield window[0], polarity, window
                i += size
                break
        else:
            i += 1
