"""Bare procedure, timing and reach, which take no side (docs/gold-format.md, Officials and facts): deliberation to
come ("it would study the proposal"), a step of the calendar ("the consultation would run for eight weeks", « le
texte sera débattu en mars »), how far a measure reaches in figures ("will cover 80 flats"), a poll's split.

Kept apart from ``stance_words`` (how a clause's words are read) so that each stays short; ``stance.ruled`` asks
``procedural`` once it has read the content's polar words.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from policykg.loaders.extract.entities import fold
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import SUBJECTS, _hypothetical, forms, lookup, negation


def procedural(content: Span, lex: Lexicon, lexical: str) -> bool:
    """Whether a content is bare procedure with no side: deliberation unless its words (``lexical``, the rules'
    reading of them) are against, a step of the calendar or a reach with no polar word, or a poll's split. Polar
    words that only name the subject of its clauses are the measure's name, no judgement of it (« les fermetures
    entreront en vigueur au printemps », "the ban on fireworks will be reviewed after two years")."""
    named = lexical == "neutral" or lexical == "against" and names_subject(content, lex)
    return (lexical != "against" or named) and deliberates(content, lex) or named and (
        scheduled(content, lex) or reach(content, lex)) or split_figures(content, lex)


def names_subject(content: Span, lex: Lexicon) -> bool:
    """Whether the content's polar words all lie in the subjects of its main clauses (« l'interdiction des
    fumigènes sera révisée », "the closures will take effect in May"): they name what the clause is about; not a
    judgement said of it ("the closures will ruin the shops in May": its verb)."""
    roots = _roots(content)
    subjects = {t.i for r in roots for c in r.children if c.dep_ in SUBJECTS for t in c.subtree}
    polar = [t for t in content if t.is_alpha and lookup([t], lex) not in (None, "neutral")]
    return bool(polar) and all(t.i in subjects for t in polar)


def _roots(content: Span) -> list[Token]:
    """The verbs of a content whose head lies outside it, and those joined to them ("... and a review will follow")."""
    roots = [t for t in content
             if t.pos_ in ("VERB", "AUX") and (t.head == t or not content.start <= t.head.i < content.end)]
    return [*roots, *(c for r in roots for c in r.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]


def deliberates(content: Span, lex: Lexicon) -> bool:
    """Whether the main verb of a content is one of deliberation to come or under way, unnegated ("it would study
    the proposal", "she would review the bill", "the company was studying the details", "l'État suivra avec
    attention", "il serait rendu public"): the speaker has no side yet (what they say of it or how they say it may
    give one, and decides first); not what someone should do ("other towns should follow"), a recommendation."""
    roots = [t for t in content if t.pos_ in ("VERB", "AUX") and (t.head == t or not content.start <= t.head.i
                                                                 < content.end)]
    return bool(roots) and all(_deliberated(t, lex) and not any(fold(c.lemma_) in lex.deontic for c in t.children)
                               and any(
        phrase[0] in forms(t) and all(w in forms(f) for w, f in zip(phrase[1:], t.doc[t.i + 1:]))
        for phrase in lex.deliberation) for t in roots)


def scheduled(content: Span, lex: Lexicon) -> bool:
    """Whether a content tells only when or for how long a step of procedure happens ("the consultation would run
    for eight weeks", "applications would open in January", "expected to make a decision next summer", « une
    concertation serait organisée en janvier »): a verb of the calendar (``lex.scheduling``) to come, used without
    an object (or its object a word of the calendar: "take effect"), with a period in its clause. Bare procedure
    and timing are neutral (docs/gold-format.md, Officials and facts); "will open two clinics in May" is no such
    step, its object tells what is done."""
    roots = [t for t in content
             if t.pos_ in ("VERB", "AUX") and (t.head == t or not content.start <= t.head.i < content.end)]
    steps = [*roots, *(c for r in roots for c in r.children if c.dep_ == "xcomp")]
    return any(_to_come(v, lex) and _calendar_step(v, lex)
               and any(_period(t, lex) for t in v.subtree if content.start <= t.i < content.end) for v in steps)


def reach(content: Span, lex: Lexicon) -> bool:
    """Whether a content tells only how far a measure will reach, in figures ("the rules will apply to about 80
    flats", "the ban will cover the two-mile beach", « la mesure concernera 3 000 logements »): a verb of covering
    to come, unnegated, with a number (no year) in what it governs. Its reach is a fact, neutral
    (docs/gold-format.md, Officials and facts), not an announcement that presents the measure."""
    roots = [t for t in content
             if t.pos_ in ("VERB", "AUX") and (t.head == t or not content.start <= t.head.i < content.end)]
    return bool(roots) and all(
        not lex.covering.isdisjoint(forms(v)) and _to_come(v, lex) and any(
            t.like_num and not (len(t.text) == 4 and t.text[:2] in ("19", "20"))  # "from 2027": a date, announced
            for c in v.children if c.dep_ not in SUBJECTS for t in c.subtree) for v in roots)


def split_figures(content: Span, lex: Lexicon) -> bool:
    """Whether a content gives the figures of both sides ("52% backed the plan and 39% opposed it", « 46 %
    soutiennent la mesure, 41 % s'y opposent »): polar words of both polarities, each in a clause whose subject
    is a figure. A poll's split is a fact, neutral; one side's figure alone is still read."""
    sides = set()
    for token in content:
        polarity = lookup([token], lex) if token.is_alpha else None
        if polarity not in ("for", "against"):
            continue
        head = token
        while head.pos_ not in ("VERB", "AUX", "ADJ") and head.head != head:
            head = head.head
        heads = (head, head.head) if head.dep_ in ("acomp", "attr", "xcomp") else (head,)  # "35% were opposed"
        if any(c.dep_ in SUBJECTS and any(t.like_num for t in c.subtree) for h in heads for c in h.children):
            sides.add(polarity)
    return len(sides) == 2


def _to_come(verb: Token, lex: Lexicon) -> bool:
    """A verb to come, unnegated, its tense on it or on its auxiliary (« serait organisée »), or in a future form the
    parser misread (« ferait »)."""
    return _pending(verb, lex) or (_hypothetical(verb, lex) or any(
        c.dep_.startswith("aux") and _hypothetical(c, lex) for c in verb.children)) and not negation(verb, lex)[0]


def _calendar_step(verb: Token, lex: Lexicon) -> bool:
    """A verb of the calendar with no object, or any verb whose object or complement is one ("make a decision",
    « entrer en vigueur »)."""
    if any(c.dep_ in ("prt", "compound:prt") or c.dep_ in SUBJECTS and any(
            g.dep_ in ("relcl", "acl:relcl", "acl") for g in c.children) for c in verb.children):
        return False  # "would run out"; "a scheme that would add a charge will start in May" presents it
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
    if objects:
        return any(not lex.scheduling.isdisjoint(forms(o)) for o in objects)
    return not lex.scheduling.isdisjoint(forms(verb)) or any(
        (c.dep_ in ("obl", "obl:arg", "obl:mod", "prep") or c.dep_ == "xcomp" and c.pos_ == "NOUN")
        and not lex.scheduling.isdisjoint(forms(c)) for c in verb.children)  # « entrera en vigueur »: an xcomp


def _period(token: Token, lex: Lexicon) -> bool:
    """A word of a date or a duration ("January", "weeks", « janvier », 2027)."""
    if token.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    return token.ent_type_ in ("DATE", "TIME") or not lex.periods.isdisjoint(forms(token)) or (
        token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20"))


def _pending(verb: Token, lex: Lexicon) -> bool:
    """A verb in the future, the conditional, the progressive or the infinitive, unnegated: what is to be done."""
    aspect = "Fut" in verb.morph.get("Tense") or "Cnd" in verb.morph.get("Mood") or verb.tag_ == "VBG" \
        or "Inf" in verb.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") and not lex.hypothetical.isdisjoint(forms(c)) for c in verb.children)
    return aspect and not negation(verb, lex)[0]


def _deliberated(verb: Token, lex: Lexicon) -> bool:
    """A verb of deliberation to come (``_pending``, or a passive whose auxiliary is in the future: « sera révisée »),
    not on every case of something ("inspectors will review every new sign", « examinerait chaque tombe »): that
    is what the measure does, which its author presents."""
    to_come = _pending(verb, lex) or any(c.dep_.startswith("aux") and "Fut" in c.morph.get("Tense")
                                         for c in verb.children) and not negation(verb, lex)[0]
    return to_come and not any(g.dep_ == "det" and fold(g.text) in lex.universal
                               for o in verb.children if o.dep_ in ("obj", "dobj") for g in o.children)
