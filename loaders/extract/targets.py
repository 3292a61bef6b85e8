"""Whom or what each statement is about, and the speaker's stance toward it.

Targets, strongest evidence first:

1. the object of an evaluative reporting verb around the content ("a critiqué X, affirmant que ...",
   "urged X to ...");
2. the entities in the core of the content: its subjects and objects and the lists they head, not those
   inside a description (apposition, relative clause), an adverbial clause or a prepositional complement
   ("... au NCMEC", "avant d'étendre ... à Messenger"), and the institutions it names by a definite noun ("the
   department had ignored its advisers": the department the article named; "the government": the ministry it
   named, or else the national executive, unless the government only enacts the measure), with the policy the
   article debates when they are all it names;
3. failing those, any actor the content names;
4. failing that (a content that reports a figure, or any content where no policy is debated), what the
   context carries: the targets of the same speaker's statement just before (a continued quote), or, in an
   article that debates no main policy, the subject of the sentence before when the content refers back
   ("c'est ..."; not the speaker's own organisation) or the speaker's last targets;
5. failing everything, the organisation of a spokesperson who says "we", or else the policy the article
   debates (``policies``: a named law, the subject of a "Subject: news" headline, or else the policy noun
   phrase of the headline or the lead, "ban on mobile phones in schools"), given after the stance to a figure
   too (what the article cites it for: "cash was used in 12 per cent of payments"), or else the topics and places
   the content names (not a place where something happens, "in Dunmore").

A policy the content names ("la mesure", "the bill", "the decision", "its trial") is a target like an actor.

The speaker is never their own target, nor their organisation when something else is, the names of a cue
written into the middle of a quote are not targets, and each entity is a target once, under its fullest label
("Sunak" and "Rishi Sunak" are one).

The stance toward them is read in ``stance.py``, then carried from a speaker's objection to the fact they give
next to it in ``positions.py``.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon as data
from policykg.loaders.extract import stance_model
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.policies import Policies, find_policies, headline_in_text
from policykg.loaders.extract.positions import (align_positions, champion_problems, figures_take_side, names_figure,
                                                reports_figure)
from policykg.loaders.extract.stance import (BACKGROUND, SUBJECTS, View, entity_of, inside, stance_of,
                                             target_verb)
from policykg.loaders.extract.stance_actors import authorities, families
from policykg.loaders.extract.stance_lexicon import Lexicon, lexicon
from policykg.loaders.extract.stance_reservation import reservation_view
from policykg.loaders.extract.stance_words import forms
from policykg.loaders.model import Article, Entity, Relation, Statement

INCIDENTAL = frozenset({"Feature"})
"""Entity types that are targets only in the core of a content (features are often named in passing)."""
REFERRING = SUBJECTS | {"poss", "nmod:poss", "det", "expl", "expl:subj"}
"""Dependencies of a pronoun that refers back to what the sentence before was about ("c'est", "its")."""
PERIPHERAL = frozenset({"acl", "acl:relcl", "relcl", "advcl", "appos", "obl", "obl:arg", "obl:mod", "obl:agent",
                        "nmod", "prep", "pobj", "agent", "npadvmod"})
"""Dependencies that put a mention in a description, an adverbial clause or a prepositional complement."""
LIST_LINKS = frozenset({"", ",", "et", "ou", "and", "or", "&", ", et", ", and", ", ou", ", or"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
OPENING_QUOTES = frozenset("“«")
CLOSING_QUOTES = frozenset("”»")
FRAGMENT_WORDS = 2
INSTITUTIONS = frozenset({"GovernmentBody", "Organization", "LawEnforcement", "NGO", "Place"})
"""Types of what a definite "the council", "la métropole" refers back to (the recogniser may take a local
authority named after its town for a place: "Métropole de Valbourg")."""


@dataclass(frozen=True)
class Debate:
    """What an article debates and who speaks in it as an authority: read once, kept for the stance model's
    training (``authority_on_policy`` on the final statements). ``figures``: the starts of the statements that
    report a figure and were given the main policy after their stance, as what the article debates."""

    policies: Policies
    authorities: frozenset[str]
    figures: set[int] = field(default_factory=set)


def assign_targets_and_stance(article: Article, doc: Doc, index: EntityIndex, statements: list[Statement],
                              relations: Sequence[Relation]) -> Debate:
    """Fill ``targets`` and ``stance`` of every statement, in text order (a statement may inherit targets);
    ``relations`` are the article's (ownership and leadership tell who speaks for whom)."""
    lex = lexicon(article.language or doc.lang_)
    family_of = families(index, relations)
    speaking_as_authority = authorities(index, relations, lex)
    policies = find_policies(article, doc, index, lex)
    executive = _name_executive(doc, index, lex, article.language or doc.lang_)
    debate = Debate(policies, speaking_as_authority)
    sentences = _sentences(doc)
    starts = [s.start_char for s in sentences]
    done: list[Statement] = []
    views: list[View] = []
    with stance_model.article() as asked:
        for statement in sorted(statements, key=lambda s: s.start):
            view = View.of(article.text, doc, statement, index)
            if view is None:
                continue
            statement.targets = _unique(_targets(view, lex, index, policies, executive, done, sentences, starts,
                                                 family_of), index)
            statement.stance = stance_of(reservation_view(view, doc, index, lex, article.language or doc.lang_), lex,
                                         index, family_of, speaking_as_authority,
                                         _lead(view, sentences, starts), _framing(view, sentences, starts, statements),
                                         authority_on_policy(view, debate), policies.main)
            if not statement.targets and policies.main not in (None, statement.speaker):
                statement.targets = [policies.main]  # what the article debates (after the stance: no actor named),
                if names_figure(view):  # a figure too ("cash was used in 12 per cent of payments")
                    debate.figures.add(statement.start)
            done.append(statement)
            views.append(view)
    stance_model.pool(asked, views, index, lex, lambda v: authority_on_policy(v, debate),  # one side a speaker
                      lambda s: family_of.get(s.speaker, s.speaker))
    align_positions(views, index, _headlined(article, index, policies, sentences), starts)
    overruled = frozenset(id(view.statement) for view, _, ruled, rule in asked  # the model's word on a rules' side
                          if rule not in (stance_model.LEFT, stance_model.HARM_DESCRIBED)
                          and view.statement.stance != ruled)
    champion_problems(views, lex, index, speaking_as_authority, policies.keys, overruled)
    figures_take_side(views, index)
    return debate


def authority_on_policy(view: View, debate: Debate) -> bool:
    """Whether an authority speaks about a policy the article debates: one of its targets, or the main policy
    a statement that names no target and reports no figure will be given. Read by the stance model (an
    authority mostly defends the measure it debates), the same before and after the targets are final (a figure
    given the main policy after its stance is as it was before)."""
    statement = view.statement
    if statement.speaker not in debate.authorities or statement.start in debate.figures:
        return False
    if debate.policies.keys.intersection(statement.targets):
        return True
    return not statement.targets and debate.policies.main not in (None, statement.speaker) \
        and not names_figure(view)


def _headlined(article: Article, index: EntityIndex, policies: Policies, sentences: list[Span]) -> frozenset[str]:
    """The policies the headline names (or, without one in the text, the first sentence): what the article is
    about, unlike a law named in passing in an article that covers several subjects ("The Latest: ..."); not a
    rubric of one word ("Santé : ...", "Sécheresse : ..."), which names a field rather than a measure."""
    title, start = headline_in_text(article)
    end = start + len(title) if start >= 0 else sentences[0].end_char if sentences else 0
    return frozenset(key for key in policies.keys if len(index.entities[key].label.split()) > 1
                     and any(s < end for s, _ in index.entities[key].mentions))


def _sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` that have words; a fragment the parser cut off without end punctuation (a name
    alone at the start of a paragraph) is joined to the sentence after it."""
    sentences = []
    pending: int | None = None
    for sentence in doc.sents:
        words = [t for t in sentence if t.is_alpha]
        if not words:
            continue
        start = sentence.start if pending is None else pending
        if len(words) <= FRAGMENT_WORDS and not any(t.text in SENTENCE_END for t in sentence):
            pending = start
            continue
        sentences.append(doc[start:sentence.end])
        pending = None
    if pending is not None:
        sentences.append(doc[pending:len(doc)])
    return sentences


def _framing(view: View, sentences: list[Span], starts: list[int], statements: list[Statement]) -> Span | None:
    """The sentence before the statement's when it holds no statement: one that frames what follows
    ("Environmental groups were furious.") rather than one that says something of its own."""
    lead = _lead(view, sentences, starts)
    if lead is None or any(s.start < lead.end_char and s.end > lead.start_char for s in statements):
        return None
    return lead


def _lead(view: View, sentences: list[Span], starts: list[int]) -> Span | None:
    """The sentence before the statement's first sentence: news often states a stance there and quotes it in
    the next ("X criticised the decision. 'Quote,' she said."); read for direct quotes only, since reported
    facts that follow a stance ("She recalls that ...") are often neutral."""
    here = bisect_right(starts, view.statement.start) - 1
    return sentences[here - 1] if here > 0 else None


# --- targets ---------------------------------------------------------------------------------------------

def _unique(keys: list[str], index: EntityIndex) -> list[str]:
    """Each target once: an entity named twice under two labels ("the Commission", "European Commission";
    "Sunak", "Rishi Sunak") counts once, under its fuller label, in the place of its first mention."""
    entities = [index.entities[k] for k in keys if k in index.entities]
    words = {e.key: frozenset(fold(e.label).replace("-", " ").split()) - _NOISE for e in entities}
    kept: list[str] = []
    for entity in entities:
        twins = [k for k in kept if _same_name(words[k], words[entity.key], index.entities[k], entity)]
        if not twins:
            kept.append(entity.key)
        elif len(words[entity.key]) > len(words[twins[0]]):
            kept[kept.index(twins[0])] = entity.key
    return kept


_NOISE = frozenset({"the", "a", "an", "le", "la", "les", "l'", "de", "du", "des", "of"})
"""Words that do not tell two labels apart."""


def _same_name(a: frozenset[str], b: frozenset[str], first: Entity, second: Entity) -> bool:
    """Whether two labels name the same entity: one's words hold the other's, and neither speaks for the
    other ("Meta" and "Meta spokesperson" stay two)."""
    if not a or not b or first.acts_for == second.key or second.acts_for == first.key:
        return False
    if (first.type == "Person") != (second.type == "Person"):
        return False
    return a <= b or b <= a


def _targets(view: View, lex: Lexicon, index: EntityIndex, policies: Policies, executive: frozenset[str],
             done: Sequence[Statement], sentences: list[Span], starts: list[int],
             family_of: dict[str, int]) -> list[str]:
    speaker = view.statement.speaker
    core, peripheral, background = _content_entities(view, lex, index, policies)
    institutions = [k for k in _institutions(view, lex, index) if not _same_voice(k, speaker, index)]
    found = [*_cue_objects(view, lex, index, policies), *core, *institutions] or peripheral
    if all(k in institutions or k in executive or index.entities[k].type == "GovernmentBody" for k in found) \
            and policies.main not in (None, speaker) and not reports_figure(view):  # "the Treasury grasped the
        # nettle", "the government broke its promise", "urged ministers to act": the authority over the measure,
        found = [*found, policies.main]  # and the measure, which is what is argued over
    if not found:
        found = _from_context(view, lex, index, done, sentences, starts, family_of, policies.main)
    if not found:
        found = _own_organisation(view, lex, index) or ([] if policies.main else background)
    found = [k for k in dict.fromkeys(found) if k != speaker]
    own = family_of.get(speaker)
    others = [k for k in found if own is None or family_of.get(k) != own]
    return others or found  # their own organisation only when nothing else: "Signal will never weaken ..."


def _content_entities(view: View, lex: Lexicon, index: EntityIndex,
                      policies: Policies) -> tuple[list[str], list[str], list[str]]:
    """The content's entities: actors and policies in its core, actors elsewhere in it, other topics and places.

    A list ("Facebook, Instagram et WhatsApp") takes the place of its first item, whatever the parser made of
    the others."""
    doc, content = view.content.doc, view.content
    outside = _between_quotes(view)
    mentions = [(span, entity) for span, entity in index.mentions_between(content.start_char, content.end_char)
                if entity.key != view.statement.speaker and not any(a <= span[0] < b for a, b in outside)]
    core: list[str] = []
    peripheral: list[str] = []
    background: list[str] = []
    group_is_core = False
    previous_end = None
    for (start, end), entity in mentions:
        tokens = doc.char_span(start, end, alignment_mode="expand")
        listed = previous_end is not None and fold(view.text[previous_end:start].strip()) in LIST_LINKS
        if not listed:
            group_is_core = tokens is not None and (_in_core(tokens, content, first=previous_end is None)
                                                    or _named_as_included(view.text, start, lex))
        previous_end = end
        if entity.type in BACKGROUND and entity.key not in policies.keys:
            if entity.type != "Place" or not _located(view.text, start, lex):
                background.append(entity.key)
        elif group_is_core:
            core.append(entity.key)
        elif entity.type not in INCIDENTAL:
            peripheral.append(entity.key)
    return core, peripheral, background


def _institutions(view: View, lex: Lexicon, index: EntityIndex) -> list[str]:
    """The institutions the core of the content names by a definite noun phrase ("the department had ignored its
    advisers", "la métropole encaissera les amendes"): the last one named before whose name has that noun (none
    when the article named none so: a "government" named in passing is seldom what a claim is about). A plural
    ("les gouvernements", "the councils") names several, not the one the article named."""
    content = view.content
    outside = _between_quotes(view)
    found = []
    for token in content:
        head = fold(token.lemma_) if fold(token.lemma_) in lex.institution_heads else fold(token.text)
        det = next((c for c in token.lefts if c.dep_ == "det"), None)
        if head not in lex.institution_heads or token.pos_ not in ("NOUN", "PROPN") or det is None \
                or "Plur" in token.morph.get("Number") \
                or fold(det.text).replace("’", "'") not in lex.policy_determiners \
                or any(a <= token.idx < b for a, b in outside) \
                or index.entity_at(token.idx, token.idx + len(token.text)) is not None \
                or not _in_core(content.doc[det.i:token.i + 1], content, first=_opens(det, content)):
            continue
        named = [entity for _, entity in index.mentions_between(0, det.idx)
                 if head in (words := fold(entity.label).replace("-", " ").split())
                 and (entity.type in INSTITUTIONS or words[-1] == head)]  # a speaker "the hospital trust" too
        named = [entity for entity in named if not _bare(entity, lex)] or named
        if named:
            found.append(named[-1].key)
        elif head == fold(lex.government) and not _enacts(token, lex):
            found.append(_government(index, lex, (det.idx, token.idx + len(token.text)), len(view.text)))
    return found


def _opens(word: Token, content: Span) -> bool:
    """Whether ``word`` opens the content's first noun phrase, no noun or pronoun before it: the subject
    however the parser hung it, unlike a noun inside a description after it ("the proposals as the single most
    useful thing the government could do")."""
    return not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in content.doc[content.start:word.i])


def _bare(entity: Entity, lex: Lexicon) -> bool:
    """Whether an institution's label is its common noun alone ("Council", "department", read from "Council votes
    to ..."): it names none of the article's institutions, which a fuller name the article gave does."""
    words = set(fold(entity.label).replace("-", " ").split()) - _NOISE
    return words <= lex.institution_heads


def _enacts(institution: Token, lex: Lexicon) -> bool:
    """Whether an institution is the subject of a verb that enacts or undoes a measure, itself or the verb it
    governs ("the government will ban phones", "le gouvernement envisage d'interdire la chasse", "will end its
    grant"), or asked to ("urged the government to cut the fee"): the claim reports the measure, which is what it
    is about, not the one who takes it."""
    if institution.dep_ not in SUBJECTS | {"dobj", "obj"}:
        return False
    verbs = [institution.head]
    while (following := next((c for c in verbs[-1].children if c.dep_ == "xcomp"), None)) is not None:
        verbs.append(following)
    return any(f in lex.measure_verbs or f in lex.undoing for verb in verbs for f in forms(verb))


def _name_executive(doc: Doc, index: EntityIndex, lex: Lexicon, language: str) -> frozenset[str]:
    """Make each bare "ministers" (``executive_members``; "the ministers" too, not "health ministers") a mention
    of the body of that name, the executive as the article names it, so that a claim or a cue about them
    ("urged ministers to publish a plan", "heads, not ministers, should decide") is about it; not where the
    ministers only enact the measure ("ministers will ban phones"), which the claim is about. Returns the
    keys of those bodies."""
    words = frozenset(data.load("targets", language)["executive_members"])
    keys: set[str] = set()
    for token in doc:
        if fold(token.text) not in words or token.pos_ != "NOUN" \
                or any(c.dep_ != "det" or fold(c.text) not in lex.policy_determiners for c in token.lefts) \
                or index.entity_at(token.idx, token.idx + len(token.text)) is not None or _enacts(token, lex):
            continue
        keys.add(index.add(token.text.lower(), "GovernmentBody", (token.idx, token.idx + len(token.text))).key)
    return frozenset(keys)


def _government(index: EntityIndex, lex: Lexicon, span: tuple[int, int], length: int) -> str:
    """What "the government" of a claim refers to: the last ministry named before it ("the agriculture
    ministry ... the government has listened"), or else the first named after it (a lead that says "the
    government" before naming the Home Office), or else the national executive, an entity of its own with that
    mention (who acts is what a claim about "the government" is about). ``length``: the article's."""
    ministries = [(start, entity) for (start, _), entity in index.mentions_between(0, length)
                  if entity.type in INSTITUTIONS and not _bare(entity, lex) and lex.names_ministry(entity.label)]
    before = [entity for start, entity in ministries if start < span[0]]
    after = [entity for start, entity in ministries if start >= span[1]]
    if before or after:
        return (before[-1] if before else after[0]).key
    return index.add(lex.government, "GovernmentBody", span).key


def _between_quotes(view: View) -> list[tuple[int, int]]:
    """Character ranges of a direct quotation's content that lie between two quoted parts: the cue and its
    speaker, written into the middle of the quote (", Axelrod said in an interview with CNN. “"), whose
    names are not what the quote is about."""
    statement = view.statement
    quotes = OPENING_QUOTES | {'"'}
    opens = (view.text[:statement.start].rstrip()[-1:] in quotes
             or view.text[statement.start:statement.end].lstrip()[:1] in quotes)
    if statement.kind != "direct" or not opens:
        return []
    ranges: list[tuple[int, int]] = []
    inside, left = True, statement.start
    for i in range(statement.start, statement.end):
        char = view.text[i]
        if char in CLOSING_QUOTES and inside:
            inside, left = False, i
        elif char in OPENING_QUOTES and not inside:
            inside = True
            ranges.append((left, i))
        elif char == '"':
            if inside:
                inside, left = False, i
            else:
                inside = True
                ranges.append((left, i))
    return ranges


def _located(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a mention follows a preposition that says where something happens ("waited in Dunmore", "près de
    Nantes"), not what a claim is about ("sanctions against Russia"); a place put first in its sentence is
    its topic ("In Chicago, they have had thousands of shootings")."""
    words = fold(text[max(0, start - 40):start]).split()
    while words and words[-1] in _NOISE:
        words.pop()
    if not words or words[-1] not in lex.place_prepositions | lex.locating:
        return False
    return len(words) > 1 and words[-2][-1:] not in SENTENCE_END | OPENING_QUOTES | {'"', ":"}


def _named_as_included(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a mention follows a word that names it as part of what the claim is about ("every part of our
    business, including Wickr", "certaines plateformes, notamment TikTok")."""
    words = fold(text[max(0, start - 40):start]).replace(",", " ").split()
    return any(tuple(words[-len(marker):]) == marker for marker in lex.inclusive)


def _in_core(mention: Span, content: Span, *, first: bool) -> bool:
    """Whether a mention is a subject or object of the content rather than a side constituent.

    Side constituents: after a preposition ("au NCMEC", "of Meta"), or below a dependency that makes a
    description, an adverbial clause or a complement. The content's opening noun phrase, before any verb,
    is its subject even when the parser attached it elsewhere."""
    if _after_preposition(mention):
        return False
    if first and not any(t.pos_ in ("VERB", "AUX") for t in content.doc[content.start:mention.start]):
        return True
    token = mention.root
    while inside(token.head, content) and token.head != token:
        if token.dep_ in PERIPHERAL:
            return False
        token = token.head
    return True


def _after_preposition(mention: Span) -> bool:
    """Whether a preposition governing the mention stands right before it, determiners aside ("au NCMEC",
    "of Meta"; not the particle of "roll out encryption")."""
    i = mention.start - 1
    while i >= 0 and mention.doc[i].pos_ == "DET":
        i -= 1
    if i < 0:
        return False
    before = mention.doc[i]
    return before.pos_ == "ADP" and before.dep_ != "prt" and (
        mention.start <= before.head.i < mention.end or mention.root.head == before)


def _cue_objects(view: View, lex: Lexicon, index: EntityIndex, policies: Policies) -> list[str]:
    """Entities named as the object of an evaluative reporting verb of the frame ("a critiqué le chef de Meta,
    Mark Zuckerberg, affirmant que ..."): the mentions between the verb and the next verb, the content or the
    end of the sentence, those right after a preposition only when there is nothing else. Not a verb after the
    content: right after it, its subject is there, not its object ("», s'est réjoui le président de X"); further
    on, it is another statement's cue ("called the bill overdue and urged ministers to adopt it": "ministers" is
    that statement's target)."""
    doc = view.content.doc
    found: list[str] = []
    for verb in view.frame:
        if target_verb(verb, lex) is None or verb.i >= view.content.end:
            continue
        end = verb.i + 1
        while (end < len(doc) and end != view.content.start and doc[end].pos_ not in ("VERB", "AUX")
               and not doc[end].is_sent_end):
            end += 1
        zone = doc[verb.i + 1:end]
        subject = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}  # "a mis en garde X, Y"
        mentions = [(span, entity) for (s, e), entity in index.mentions_between(zone.start_char, zone.end_char)
                    if (entity.type not in BACKGROUND or entity.key in policies.keys)
                    and entity.key != view.statement.speaker
                    and not ((span := doc.char_span(s, e, alignment_mode="expand")) is not None
                             and any(t.i in subject for t in span))]
        direct = [entity.key for span, entity in mentions if span is not None and not _after_preposition(span)]
        found.extend(direct or [entity.key for _, entity in mentions])
    return found


def _from_context(view: View, lex: Lexicon, index: EntityIndex, done: Sequence[Statement],
                  sentences: list[Span], starts: list[int], family_of: dict[str, int],
                  policy: str | None) -> list[str]:
    """Targets carried by the context of a content that names no actor; the sentence before tells what "its" or
    "c'est" refers to unless it presents the speaker's own organisation ("The association reacted with dismay.
    Its chief executive said the department had ignored its own advisers"). Where the article debates a
    ``policy`` (the content then reports a figure), only a continued quote carries its targets: "it plans 40 %
    of electric lorries" is about what it counts, often the measure, seldom the actor of the sentence before or
    what the speaker spoke of earlier."""
    statement = view.statement
    before = [s for s in done if _same_voice(s.speaker, statement.speaker, index) and s.targets]
    here = bisect_right(starts, statement.start) - 1
    if before and bisect_right(starts, before[-1].end - 1) - 1 >= here - 1:
        return list(before[-1].targets)
    own = _speaker_pronoun(view, lex)
    if here > 0 and policy is None and any(fold(t.text) in lex.anaphoric and t.dep_ in REFERRING and t != own
                                           for t in view.content):
        voices = {s.speaker for s in done} | {statement.speaker}  # "her office": not another speaker either
        voices |= {e.acts_for for key in voices if (e := index.entities.get(key)) is not None and e.acts_for}
        own = family_of.get(statement.speaker)
        voices |= {key for key, family in family_of.items() if own is not None and family == own}
        subject = _subject_entity(sentences[here - 1], index, voices)
        if subject is not None:
            return [subject]
    return list(before[-1].targets) if before and policy is None else []


def _speaker_pronoun(view: View, lex: Lexicon) -> Token | None:
    """The pronoun that opens reported speech as its subject: it is the speaker ("Uber said it was
    disappointed", "she said her office would act"), not someone of the sentence before."""
    words = [t for t in view.content if t.is_alpha]
    if view.statement.kind != "direct" and words and fold(words[0].text) in lex.anaphoric \
            and words[0].dep_ in REFERRING:
        return words[0]
    return None


def _same_voice(a: str, b: str, index: EntityIndex) -> bool:
    """The same speaker, or an organisation and its spokesperson."""
    acts_for = lambda key: getattr(index.entities.get(key), "acts_for", None)  # noqa: E731
    return a == b or acts_for(a) == b or acts_for(b) == a


def _own_organisation(view: View, lex: Lexicon, index: EntityIndex) -> list[str]:
    """A spokesperson saying "we" with nothing else named speaks about their organisation."""
    speaker = index.entities.get(view.statement.speaker)
    if speaker is None or speaker.acts_for is None:
        return []
    return [speaker.acts_for] if any(fold(t.text) in lex.first_person for t in view.content) else []


def _subject_entity(sentence: Span, index: EntityIndex, voices: set[str]) -> str | None:
    """The actor a sentence has as its subject, or else the first actor it names, speakers aside."""
    actors = [(token, entity) for token in sentence
              if (entity := entity_of(token, index)) is not None
              and entity.type not in BACKGROUND and entity.key not in voices]
    ranked = [entity for token, entity in actors if token.dep_ in SUBJECTS] + [entity for _, entity in actors]
    return ranked[0].key if ranked else None
