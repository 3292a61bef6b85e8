"""How the stance rules read the words of a clause: a token's forms for lexicon lookup, the polarity of a word
or phrase, whether negation reaches it, and the consequence a clause states of what it is about.

Kept apart from ``stance`` (which reads a statement as a whole) so that each stays short.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from policykg.loaders.extract.entities import fold
from policykg.loaders.extract.stance_lexicon import Lexicon, lexicon

FOLD_CACHE = 65536
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
CLAUSAL_SUBJECTS = SUBJECTS | {"csubj", "csubj:pass", "csubjpass"}
CURRENCY_SIGNS = frozenset("£€$")
CLAUSAL = frozenset({"ccomp", "csubj", "advcl", "acl", "acl:relcl", "relcl", "parataxis", "conj", "xcomp"})
"""Dependencies that open a new clause: negation does not reach across them (except xcomp, climbed on purpose)."""


def lookup(window: list[Token], lex: Lexicon) -> str | None:
    """The polarity of a token sequence, each word matched by its text or its lemma. A noun that names an
    institution after a determiner ("the trust had sold the field") is no word of praise, though its lemma is
    one ("trust")."""
    if len(window) == 1 and institution(window[0], lex):
        return None
    candidates: list[tuple[str, ...]] = [()]
    for token in window:
        candidates = [(*c, f) for c in candidates for f in forms(token)]
    return next((lex.polarity[c] for c in candidates if c in lex.polarity), None)


def institution(token: Token, lex: Lexicon) -> bool:
    """A noun that heads a definite noun phrase naming an institution, with no complement ("the trust", "its
    authority"; not "the trust of parents")."""
    return token.pos_ == "NOUN" and not lex.institution_heads.isdisjoint(forms(token)) and any(
        c.dep_ == "det" and fold(c.text) in lex.policy_determiners for c in token.children) and not any(
        c.dep_ == "prep" for c in token.children)


def forms(token: Token) -> tuple[str, ...]:
    """A token's text and lemma, folded, the text first (it decides when both are entries: "interdits"):
    what lexicon entries are compared with."""
    text, lemma = _fold(token.text), _fold(token.lemma_)
    if lemma == text and token.pos_ == "VERB":
        endings, infinitives, infinitive = lexicon(token.lang_).unlemmatised
        if not lemma.endswith(infinitives):
            lemma = next((lemma[:-len(e)] + infinitive for e in endings if lemma.endswith(e)), lemma)
    return (text,) if text == lemma else (text, lemma)


_fold = lru_cache(maxsize=FOLD_CACHE)(fold)
"""``fold`` is called for every word of every statement: words repeat, so remember the recent ones."""


def root_of(phrase: list[Token]) -> Token:
    """The word of a phrase the others depend on ("basis" in "legal basis"): where its negation sits."""
    return next((t for t in phrase if not phrase[0].i <= t.head.i <= phrase[-1].i or t.head == t), phrase[-1])


def negation(token: Token, lex: Lexicon, phrase: Sequence[Token] = ()) -> tuple[bool, bool]:
    """(negated, restricted) for a polar word or the root of a polar ``phrase``: negators and restrictive words
    on it, on the head of its clause, and up the chain of verbs it is the complement of ("ne pourra plus
    repérer"), or a negative preposition governing its verb ("without raising bills"); not the phrase's own
    words ("sans exception")."""
    chain = [token]
    while chain[-1].pos_ not in ("VERB", "AUX", "ADJ") and chain[-1].dep_ not in CLAUSAL \
            and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    if token.dep_ == "amod" and token.pos_ == "ADJ":
        chain.append(token.head)  # "no credible plan": the negation sits on its noun (not on the noun's verb)
    while chain[-1].dep_ in ("xcomp", "acomp", "attr") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)  # "is not acceptable": the negation sits on the copula (English parse)
        if chain[-2].dep_ == "xcomp" and not lex.refusing.isdisjoint(forms(chain[-1])):
            return True, False  # "refuse de soutenir la réforme": the refusal negates what it governs
    negators: set[str] = set()
    exceptive = restricted = False
    for k, link in enumerate(chain):
        if link.dep_ in ("pcomp", "pobj") and fold(link.head.text) in lex.negators and link.head not in phrase:
            negators.add(fold(link.head.text))  # "without raising bills", "without a serious injury"
        hides = not lex.concealing.isdisjoint(forms(link))  # "ne cache pas son opposition" shows it
        for child in link.children:
            word = fold(child.text)
            if child in phrase or child.dep_ == "prep" or hides or k > 0 and child.dep_ == "case":
                continue  # "without considering ...", « l'avertissement est sans détour »: « sans » negates its noun
            if negates(child, lex) and (not _negates_apposition(child)
                                        or k > 0 and chain[k - 1].dep_ == "appos" and chain[k - 1].i > child.i):
                negators.add(word)  # "a cure, not a sticking plaster": the negator is the apposition's
            elif word in lex.restrictive and child.dep_ != "amod":  # "the only honest option" is no restriction
                restricted = True
            elif word in lex.exceptive and child.i > link.i:
                exceptive = True
    if negators and negators <= lex.particles and exceptive:
        return False, True
    if negators and negators <= lex.particles and _expletive(chain, lex):
        return False, restricted  # « craint que le coût ne pousse les maîtres à abandonner »: no negation
    if negators and negators <= lex.particles and any(fold(t.text) in lex.negators for t in phrase):
        return False, restricted  # "n'apporte aucune solution": "ne" and the phrase's "aucune" are one negation
    return bool(negators) != claim_rejected(chain[-1], lex), restricted


def claim_rejected(token: Token, lex: Lexicon) -> bool:
    """Whether a word lies in the clause of a claim that a verb of rebuttal, unnegated, rejects ("rejected claims
    that ships would go elsewhere", "dismissed fears that the toll would drive shoppers away", « a balayé les
    craintes de voir les commerces fermer »): the speaker denies what the claim says."""
    below = token
    for above in token.ancestors:
        claim = above if above.pos_ == "NOUN" else next(
            (c for c in above.children if c.dep_ in ("obj", "dobj") and c.i < below.i), None)  # a parse: « rejette
        if below.dep_ in ("acl", "acl:relcl", "ccomp") and claim is not None and not lex.claims.isdisjoint(
                forms(claim)):  # l'idée selon laquelle ... » with the clause hung on the verb
            verb = claim.head
            return claim.dep_ in ("obj", "dobj") and not lex.rebutting.isdisjoint(forms(verb)) and not any(
                negates(c, lex) for c in verb.children)
        below = above
    return False


def _expletive(chain: list[Token], lex: Lexicon) -> bool:
    """Whether a bare particle of negation is expletive: in a clause governed by a word of fear or avoidance
    (« craint que le coût ne pousse ... », « éviter que les clubs ne fassent ... », « avant qu'il ne soit ...
    »)."""
    verb = chain[-1]  # the top of the chain of verbs: "ne pousse" over "à abandonner"
    return verb.pos_ in ("VERB", "AUX") and verb.head != verb and (
        not lex.fearing.isdisjoint(forms(verb.head))
        or any(c.dep_ == "mark" and not lex.fearing.isdisjoint(forms(g)) for c in verb.children
               for g in (c, *c.children)))


def _negates_apposition(negator: Token) -> bool:
    """Whether a negator after a comma stands before an apposition of its head ("a sticking plaster, not a cure",
    "more jobs, not fewer"): the parser hangs it on the head, but it negates the apposition only."""
    head = negator.head
    return negator.i > head.i and negator.i > 0 and negator.doc[negator.i - 1].text == "," and any(
        c.dep_ == "appos" and c.i > negator.i for c in head.children)


def negates(child: Token, lex: Lexicon) -> bool:
    """Whether a dependent negates its head: a negator, an adverb a negator modifies ("no longer worked"), or an
    object a negator determines ("helps no one", "protects no child"); not a negator's word with a determiner, a noun
    the tagger misread (« salue un premier pas »)."""
    return fold(child.text) in lex.negators and not any(g.dep_ == "det" for g in child.children) \
        or child.dep_ in ("advmod", "dobj", "obj") and any(
        fold(g.text) in lex.negators and (child.dep_ == "advmod" or g.dep_ == "det") for g in child.children)


def declared_side(content: Span, lex: Lexicon) -> str | None:
    """The side a speaker declares in the first person ("I'm for it", "we are against it", « je suis contre ») or in
    a pseudo-cleft ("What we oppose is ..."), whatever the clauses around it say ("If this gets the buses through,
    I'm for it"): a preposition of a side (``lex.supporting``, ``lex.opposing``) after a copula whose subject is
    the speaker, with no object or a pronoun.
    Denied before a contrast (« nous ne sommes pas contre, mais ... ») it is a concession: the reservation decides."""
    for token in content:
        word = fold(token.text)
        if token.pos_ != "ADP" or not (word in lex.supporting or word in lex.opposing) or any(
                c.pos_ not in ("PRON", "PUNCT") for c in token.children):
            continue
        verb = token.head
        copula = verb.pos_ == "AUX" or fold(verb.text).startswith("'")  # "I’m": the parser reads it as a verb
        if copula and any(c.dep_ in SUBJECTS and ("1" in c.morph.get("Person") or fold(c.text) in lex.first_person)
                          for c in verb.children):
            side = "for" if word in lex.supporting else "against"
            if not negation(verb, lex)[0]:
                return side
            if any(fold(t.text) in lex.contrastive for t in content if t.i > token.i):
                return None  # « nous ne sommes pas contre, mais ... »: a concession, the reservation decides
            return {"for": "against", "against": "for"}[side]
    return _clefted(content, lex)


def reason(token: Token, lex: Lexicon) -> bool:
    """Whether a word lies in the reason given for a polar verb ("backed the curfew because the buses had become a
    danger", "opposed the levy because it would help landlords"): the reason argues the verb's side, so its own
    words (the harm a measure fights) do not count against it."""
    head = token
    while head.head != head:
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and fold(c.text) in lex.causal for c in head.children):
            return lookup([head.head], lex) in ("for", "against")
        head = head.head
    return False


def _clefted(content: Span, lex: Lexicon) -> str | None:
    """The side a pseudo-cleft puts forward ("What we do not support is a law that ...", "What worries us is
    ..."): the polar verb of a "what" clause subject of a copula is the speaker's stand, whatever the concession
    before it ("We support the aim."). English only: ``lex.clefting`` names the pronoun."""
    for token in content:
        verb = token.head
        if fold(token.text) not in lex.clefting or verb.dep_ != "csubj" or verb.pos_ != "VERB":
            continue
        side = lookup([verb], lex)
        if side in ("for", "against"):
            return ({"for": "against", "against": "for"}[side]) if negation(verb, lex)[0] else side
    return None


def budgeted(content: Span, lex: Lexicon) -> bool:
    """Whether a content gives only what a measure will cost ("the scheme would cost £90m over three years",
    « la mesure coûtera 1,4 million d'euros à la commune »): a verb of cost (``lex.budgeting``) to come whose
    subject is the measure, a sum after it, nobody who pays it but an institution, and no other polar word. Such a
    figure is neutral (docs/gold-format.md, Officials and facts); "would cost families £500 a year" judges it, and
    what it saves or raises, told by its author, presents it (the gold gives those for)."""
    for verb in content:
        if verb.pos_ != "VERB" or lex.budgeting.isdisjoint(forms(verb)):
            continue
        subject = any(c.dep_ in SUBJECTS and (is_policy(c, lex) or definite_reference(c, lex) or fold(c.text) in lex.anaphoric
                                              and fold(c.text) not in lex.first_person) for c in verb.children)
        payers = [c for c in verb.subtree if c.dep_ in ("iobj", "dative") or c.pos_ in ("NOUN", "PROPN") and any(
            g.dep_ == "case" and fold(g.text) in ("a", "au", "aux") for g in c.children)  # "aux ménages"
                  or c.head == verb and c.dep_ in ("obj", "dobj") and not any(g.like_num for g in c.subtree)]
        sum_after = any(ch.isdigit() for t in verb.subtree if t.i > verb.i for ch in t.text)
        others = any(lookup([t], lex) for t in content if t.i != verb.i and t.is_alpha)
        if subject and sum_after and not others and _hypothetical(verb, lex) and not negation(verb, lex)[0] and all(
                not lex.institution_heads.isdisjoint(forms(p)) for p in payers):
            return True
    return False


def penalised(content: Span, lex: Lexicon) -> bool:
    """Whether a content tells only the penalty a measure sets for a breach, with its sum ("breaches will be
    punishable by a fine of £1,000", « le non-respect de l'arrêté sera puni d'une amende de 135 euros »): a word of
    penalty read as polar (``lex.penalties``), a figure, no other polar word, no negator ("punish the polluter, not
    the family"), nobody said to risk it ("shops face fines", « les commerces s'exposent à des amendes »: a
    consequence, judged) and no first person. A term of the measure, neutral (docs/gold-format.md, Officials and
    facts); where the penalty is the measure ("parents will be fined £160"), no polar word and the model decide."""
    polar = [t for t in content if t.is_alpha and lookup([t], lex)]
    return bool(polar) and any(c.isdigit() for c in content.text) and all(
        not lex.penalties.isdisjoint(forms(t)) for t in polar) and not any(
        not lex.risk.isdisjoint(forms(t)) or fold(t.text) in lex.self_subjects | lex.first_person | lex.negators
        for t in content)


def asks(content: Span, frame: Iterable[Token], lex: Lexicon) -> bool:
    """Whether a statement is or holds a question: a direct one ("Who will pay for it?") or one reported by a verb of
    asking before the content that opens with a question word ("questioned whether hospitals were ready", "asked
    how a small firm would cope", "se demande si ..."). A question about a debated measure casts doubt on it;
    a request is no question ("asked the firms to explain how ...": the content opens with its addressee)."""
    if any(t.text == "?" for t in content):  # "What has the ban achieved? We would be spending millions ..."
        return True
    opening = next((t for t in content if not (t.is_punct or t.is_space)), None)
    return opening is not None and fold(opening.text) in lex.question_words and any(
        t.i < content.start and not lex.questioning.isdisjoint(forms(t)) for t in frame)


def precondition(content: Span, frame: Iterable[Token], lex: Lexicon) -> bool:
    """Whether a statement sets a condition on a measure: something needed or demanded before it or first
    ("drivers needed clear advice before the rule comes in", "a demandé de « garantir d'abord des trains »"), or
    the only condition on which it would work ("would only work if the old law was enforced", "ne réduira la
    pollution que si ..."), or approval granted on a condition (« juge le projet acceptable à condition que ... »).
    Such a condition is against the measure as it stands (docs/gold-format.md); a step planned before it ("bays
    will be added before the ban takes effect") or deliberation ("would consult schools before publishing rules")
    sets none, nor an eligibility told with no approval (« l'aide sera versée à condition que ... »)."""
    if any(fold(t.text) in lex.conditional and (_only(t, lex) or t.pos_ == "NOUN" and any(
            lookup([w], lex) == "for" and w.pos_ == "ADJ" for w in content if w.i < t.i)) for t in content):
        return True
    needed = any(not (lex.needing | lex.deontic).isdisjoint(forms(t))
                 for t in (*(t for t in frame if t.i < content.start), *content))
    return needed and _first(content, lex)


def _first(content: Span, lex: Lexicon) -> bool:
    """Whether a content sets something before or first ("before the rule comes in", « d'abord », « avant le
    vote »)."""
    return any(fold(t.text) in lex.precedence and (t.pos_ in ("ADV", "ADP", "SCONJ") or t.dep_ == "fixed")
               for t in content)


def _only(word: Token, lex: Lexicon) -> bool:
    """Whether the word of a condition is restricted ("only if", "would only work if", "ne ... que si") on what a
    measure does: the clause it conditions has the measure as subject ("the register would only work if"; not
    "he could back it, but only if he is convinced")."""
    clause = word.head.head if word.dep_ == "mark" else word.head
    before = word.doc[word.i - 1] if word.i > 0 else None
    restricted = before is not None and fold(before.text) in lex.restrictive | lex.exceptive or any(
        fold(c.text) in lex.restrictive for c in clause.children)
    return restricted and any(c.dep_ in SUBJECTS and (is_policy(c, lex) or definite_reference(c, lex))
                              for c in clause.children)


def amends(content: Span, frame: Iterable[Token], lex: Lexicon) -> bool:
    """Whether a plea before the content asks for the measure changed: put off, narrowed, paid for by others or
    replaced ("called for a two-year delay", « plaide pour que les petits commerces soient exclus », "demanded that
    councils be compensated", « demande que la formation soit confiée à X et non à Y »), or for a condition first
    (« plaide pour que ces études soient publiées avant le vote »). Against the measure as it stands, though the
    plea's verb reads as support (docs/gold-format.md); a plea for the measure or more of it ("called for the rules
    to apply to vans as well") asks no change. A plural noun is no such change (« dans les meilleurs délais »)."""
    if not any(t.i < content.start and not lex.pleading.isdisjoint(forms(t)) for t in frame):
        return False
    return _first(content, lex) or any(
        (starts_phrase(t, lex.amending) and not (t.pos_ == "NOUN" and "Plur" in t.morph.get("Number"))
         or t.pos_ == "VERB" and not lex.undoing.isdisjoint(forms(t)) and any(  # "for the levy to be scrapped"
                    c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") and is_policy(c, lex)
                    or c.dep_ in ("obl", "obl:arg", "obl:mod", "prep") and any(  # « retirés du champ du texte »
                        n.pos_ == "NOUN" and is_policy(n, lex) for n in c.subtree) for c in t.children))
        and not negation(t, lex)[0] for t in content)


def regrets_shortfall(content: Span, frame: Iterable[Token], lex: Lexicon) -> bool:
    """Whether a regret before the content is that the measure leaves something out (« regrette que les meublés ne
    soient pas concernés », "regretted that vans were not covered", « que les recettes ne financent pas aussi les
    bus »): a negated verb of what a measure covers, or one with "also": support that asks for more, for the
    measure (docs/gold-format.md), though the verb of regret reads against."""
    if not any(t.i < content.start and not lex.regretting.isdisjoint(forms(t)) for t in frame):
        return False
    return any(t.pos_ in ("VERB", "AUX", "ADJ") and negation(t, lex)[0] and (
        not lex.covering.isdisjoint(forms(t))
        or any(c.dep_ == "advmod" and not lex.covering.isdisjoint(forms(c)) for c in t.children)) for t in content)


def starts_phrase(token: Token, phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether ``token`` starts one of ``phrases``, each word matched by its text or its lemma ("prend en charge")."""
    return any(phrase[0] in forms(token) and all(w in forms(t) for w, t in zip(phrase[1:], token.doc[token.i + 1:]))
               and token.i + len(phrase) <= len(token.doc) for phrase in phrases)


def urged_to_enact(content: Span, lex: Lexicon) -> bool:
    """Whether what an urged party is urged to do carries a measure out ("lawmakers to fund the programme", "the
    government to give the code legal force", "ministers to bring in the law", "to take it up", "other councils to
    look at the scheme": the measure, or a pronoun that stands for it, may head the object or sit in it, « les
    députés à adopter le texte »): urging that is for the measure, where urging to drop, delay, change it or look
    at it again ("to look again at", ``lex.reversing``) is against (docs/gold-format.md)."""
    verbs = lex.enacting | lex.taking_up
    return any(t.pos_ == "VERB" and not verbs.isdisjoint(forms(t)) and not negation(t, lex)[0]
               and not any(not lex.reversing.isdisjoint(forms(c)) for c in t.children)
               and any(c.dep_ in ("obj", "dobj", "dative", "iobj", "obl:arg", "prep") and (any(
                   is_policy(n, lex) for n in c.subtree if n.pos_ == "NOUN") or c.pos_ == "PRON" and fold(
                       c.text) in lex.anaphoric) for c in t.children) for t in content)


def urged_further(content: Span, lex: Lexicon) -> bool:
    """Whether an urged party is urged to go further ("the council to go further and cap ...", « le gouvernement
    à aller plus loin »), unnegated: support that asks for more is for the measure (docs/gold-format.md)."""
    return any(not negation(t, lex)[0] and any(
        tuple(fold(w.text) for w in t.doc[t.i:t.i + len(p)]) == p or (fold(t.lemma_), *(
            fold(w.text) for w in t.doc[t.i + 1:t.i + len(p)])) == p for p in lex.furthering) for t in content)


def relief(token: Token, lex: Lexicon, phrases: frozenset[tuple[str, ...]] | None = None) -> bool:
    """An adverb of relief on what happens ("the rules would finally put the burden where it belongs", "j'aurai
    enfin des clients", "Enfin !"): the speaker welcomes what comes at last. Not on a demand ("must finally act",
    "doivent enfin prendre leurs responsabilités": what is demanded of someone), nor on an undoing ("finally
    scrapped the scheme": counted as such), nor the marker of a last point ("Finally, the report ...").
    ``phrases``: another class read the same way (``lex.overdue``), instead of ``lex.relief``."""
    words = next((p for p in phrases or lex.relief
                  if tuple(fold(t.text) for t in token.doc[token.i:token.i + len(p)]) == p), None)
    if words is None:
        return False
    following = token.doc[token.i + len(words)] if token.i + len(words) < len(token.doc) else None
    if following is not None and following.text == "," and len(words) == 1:
        return False
    verb = _clause_verb(token)
    modals = (*verb.children, verb, *(verb.head.children if verb.dep_ == "xcomp" else ()), verb.head)
    return not any(fold(t.lemma_) in lex.deontic for t in modals) and lex.undoing.isdisjoint(forms(verb)) \
        and not negation(verb, lex)[0]


def overdue(content: Span, lex: Lexicon) -> bool:
    """Whether a content tells of a wrong that has lasted too long ("patients have been let down for too long",
    « des villages oubliés depuis trop longtemps »), as relief is told (not demanded of someone, not an undoing),
    and not of the measure itself ("the tax has punished families for too long"): told of a measure debated, the
    wrong is the one it ends, and the speaker welcomes it, whatever the words of the wrong."""
    return any(relief(t, lex, lex.overdue) and not any(
        c.dep_ in SUBJECTS and is_policy(c, lex) for c in _clause_verb(t).children) for t in content)


def belated(token: Token, lex: Lexicon, content: Span) -> bool:
    """Whether a word of lateness is said of a measure ("the rule came years late", « la loi arrive avec quinze ans
    de retard », « elle arrive bien tard ») or is a verdict with no subject (« nécessaire, mais tardive », "sensible
    but late"): the speaker wanted it sooner, and is for it. Not a comparison (« plus tard », "more late"), nor the
    lateness of anything else ("trains arrive late", "a letter that arrives late", « jusqu'à ce qu'il soit trop
    tard »): a pronoun stands for the measure only as the subject of a verb of arrival, and not a relative one."""
    if _fold(token.text) not in lex.lateness or token.i and _fold(token.doc[token.i - 1].text) in lex.comparative:
        return False
    verb = _clause_verb(token)
    inside = lambda t: content.start <= t.i < content.end  # noqa: E731
    subjects = [c for head in (token, verb) for c in head.children if c.dep_ in SUBJECTS and inside(c)]
    if not subjects:  # a verdict on what the statement is about: the content's own main clause has no subject
        return token.pos_ in ("ADJ", "ADV") and (not inside(verb) or verb.head == verb or not inside(verb.head))
    return any(is_policy(s, lex) or s.pos_ == "PRON" and "Rel" not in s.morph.get("PronType")
               and not lex.arriving.isdisjoint(forms(verb)) for s in subjects)


def _clause_verb(token: Token) -> Token:
    """The verb (or predicative adjective) of the clause a word stands in."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX", "ADJ") and verb.head != verb:
        verb = verb.head
    return verb


def has_number(span: Span) -> bool:
    """Whether a span gives a number ("40 000 ménages", "9%")."""
    return any(t.pos_ == "NUM" and t.like_num for t in span)


def is_policy(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun names a measure ("the plan", "la mesure") or refers to one ("the decision")."""
    return not (lex.policy_nouns | lex.policy_references).isdisjoint(forms(noun))


def judged_figure(content: Span, lex: Lexicon) -> bool:
    """Whether a content's figures judge a measure it names ("the measure cut emissions by only 0.3 %"): a policy
    noun, unless a poll gives them (« 58 % des habitants se disent favorables au projet »): a poll counts opinions,
    neutral (docs/gold-format.md, Officials and facts)."""
    return any(t.pos_ == "NOUN" and is_policy(t, lex) for t in content) and lex.polls.isdisjoint(
        w for t in content.sent for w in forms(t))


def consequence(verb: Token, lex: Lexicon) -> str | None:
    """What a verb of benefit or of detriment (``lex.benefits``, ``lex.detriments``) says of a measure, its
    subject, when it tells what will or would happen ("the charge would fund better buses", "the tax could
    discourage visitors", "la régulation découragera les jeunes", "la réforme pourrait fragiliser ..."): for or
    against the measure, the reverse when negated; a sum it adds is a cost against it ("the scheme would add £30
    million a year to shoppers' bills"). Only in the future or the conditional: the speaker argues
    what the measure would bring; elsewhere these verbs report facts ("the council funded the study")."""
    if verb.pos_ != "VERB":
        return None
    word = set(forms(verb))
    polarity = "for" if word & lex.benefits or _funds(verb, lex) else "against" if word & lex.detriments or (
        word & lex.surcharges and any(t.text in CURRENCY_SIGNS or fold(t.text) in lex.currencies
                                      for t in verb.subtree)) else None
    if polarity is None:
        return None
    chain = [verb]
    while chain[-1].dep_ in ("conj", "xcomp") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)  # "would cut traffic and fund buses", "pourrait fragiliser"
    if not any(c.dep_ in SUBJECTS and (is_policy(c, lex) or definite_reference(c, lex))
               for link in chain for c in link.children):
        return None
    if not any(_hypothetical(link, lex) or link is not verb and not lex.hypothetical.isdisjoint(forms(link))
               for link in chain):  # "va fragiliser": the verb that tells what will happen governs it
        return None
    if negation(verb, lex)[0]:
        return "against" if polarity == "for" else "for"
    return polarity


def _funds(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb of paying has a measure's money for subject and what it buys after "for" ("the money would
    pay for extra buses", « les recettes paieront pour ... »): the levy's use, no burden borne."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)  # "would repair the front and pay for buses"
    return not lex.burdens.isdisjoint(forms(verb)) and any(
        c.dep_ in SUBJECTS and not lex.revenues.isdisjoint(forms(c)) for link in chain for c in link.children) and any(
        fold(w.text) in lex.supporting for c in verb.children for w in (c, *c.children)
        if c.dep_ == "prep" or w.dep_ == "case" and c.dep_.startswith("obl"))


def _hypothetical(verb: Token, lex: Lexicon) -> bool:
    """A verb in the future or the conditional, by its form ("financerait") or an auxiliary ("would fund")."""
    return "Fut" in verb.morph.get("Tense") or "Cnd" in verb.morph.get("Mood") or future_form(verb, lex) \
        or any(c.dep_.startswith("aux") and not lex.hypothetical.isdisjoint(forms(c)) for c in verb.children)


def definite_reference(noun: Token, lex: Lexicon) -> bool:
    """A common noun after a determiner that refers back ("the site", "the rise in ...", « l'extinction »): what the
    article is about, not a kind of thing ("any sale of school playing fields")."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.i < noun.i
                                       and fold(c.text).replace("’", "'") in lex.policy_determiners
                                       for c in noun.children)


def future_form(verb: Token, lex: Lexicon) -> bool:
    """Whether a French verb's form is its future stem and an ending of the future or the conditional
    (« détruira », « paieraient », « aurait »), whatever the parser says: it reads some as participles or
    imperfects. The stem comes from the lemma, so an imperfect or a past that merely ends so (« déclarait »,
    « espérait », « déclara ») is not taken for one."""
    if verb.pos_ not in ("VERB", "AUX") or not lex.future_endings:
        return False
    text, lemma = _fold(verb.text), _fold(verb.lemma_)
    stems = {lemma, lex.future_stems.get(lemma, lemma)} | {
        lemma[:-len(end)] + stem for end, stem in lex.future_changes.items() if lemma.endswith(end)}
    return any(text.startswith(stem) and text[len(stem):] in lex.future_endings for stem in stems)


def safeguard(content: Span, lex: Lexicon) -> bool:
    """Whether a content tells a safeguard of a measure, in words that read negative: a relief it grants ("would
    exempt firms with fewer than five staff", « un abattement est prévu »), what stays as it was ("families would
    still be consulted", « les grands axes resteront éclairés »), or a harm no one will suffer ("no one will lose
    out", « aucune école ne fermera »). Its author presents the measure so (docs/gold-format.md, Officials and
    facts: for), where the lexicon reads a loss or a closure."""
    for token in content:
        if starts_phrase(token, lex.safeguards) and not negation(token, lex)[0]:
            return True
        verb = token.head if token.pos_ == "ADV" else token
        if not lex.remaining.isdisjoint(forms(token)) and verb.pos_ in ("VERB", "AUX") and not negation(verb, lex)[0] \
                and (token is verb or _hypothetical(verb, lex)):
            return True  # "will remain open", « restent exonérés »; "would still be consulted"
        if token.dep_ in SUBJECTS and _hypothetical(token.head, lex) and (
                fold(token.text) in lex.nobody and not any(c.dep_ == "det" for c in token.children)
                or any(c.dep_ == "det" and fold(c.text) in lex.nobody for c in token.children)):
            return True  # "no organ would be taken", « aucun ménage ne paiera plus »
    return False
