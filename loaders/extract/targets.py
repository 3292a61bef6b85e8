"""Whom or what each statement is about, and the speaker's stance toward it.

Targets, strongest evidence first:

1. the object of an evaluative reporting verb around the content ("a critiqué X, affirmant que ...",
   "urged X to ...");
2. the entities in the core of the content: its subjects and objects and the lists they head, not those
   inside a description (apposition, relative clause), an adverbial clause or a prepositional complement
   ("... au NCMEC", "avant d'étendre ... à Messenger");
3. failing those, any actor the content names;
4. failing that, what the context carries: the targets of the same speaker's statement just before (a
   continued quote), the subject of the sentence before when the content refers back ("c'est ..."), or the
   speaker's last targets;
5. failing everything, the organisation of a spokesperson who says "we", or else the topics and places the
   content names.

The speaker is never their own target.

Stance: an organisation's own voice (its spokesperson, its leader, itself, or a sister company) speaking
about it is for it. An evaluative reporting verb states it outright ("a critiqué", "a salué", "urged").
Otherwise it is read from a lexicon (``loaders/data/<language>/stance.yaml``) over the
content and the reporting words around it: criticism, risk and failure words count against, commitment,
defence and praise words for. Negation flips a word ("n'est pas acceptable"), restriction turns praise into
failure ("n'a coopéré que rarement"), harm words ("abus", "predators") count weakly against unless a word
fights them ("prévenir les abus"), and an adjective that only intensifies a polar noun ("risque
important") adds nothing. More against than for, or a tie with some criticism, is against; no evidence
is neutral.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon as lexicons
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.relations import find_relations
from policykg.loaders.model import Article, Entity, Relation, Stance, Statement

BACKGROUND = frozenset({"Topic", "Place"})
"""Entity types that are targets only when nothing else is."""
INCIDENTAL = frozenset({"Feature"})
"""Entity types that are targets only in the core of a content (features are often named in passing)."""
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
REFERRING = SUBJECTS | {"poss", "nmod:poss", "det", "expl", "expl:subj"}
"""Dependencies of a pronoun that refers back to what the sentence before was about ("c'est", "its")."""
PERIPHERAL = frozenset({"acl", "acl:relcl", "relcl", "advcl", "appos", "obl", "obl:arg", "obl:mod", "obl:agent",
                        "nmod", "prep", "pobj", "agent", "npadvmod"})
"""Dependencies that put a mention in a description, an adverbial clause or a prepositional complement."""
CLAUSAL = frozenset({"ccomp", "csubj", "advcl", "acl", "acl:relcl", "relcl", "parataxis", "conj", "xcomp"})
"""Dependencies that open a new clause: negation does not reach across them (except xcomp, climbed on purpose)."""
OBJECTS = frozenset({"obj", "dobj", "iobj", "obl:arg", "appos", "flat:name", "conj", "attr", "acomp", "xcomp"})
"""Dependents of a reporting verb that name (or describe) what the statement is about."""
FAMILY_PREDICATES = frozenset({"owns", "leads", "speaks_for"})
LIST_LINKS = frozenset({"", ",", "et", "ou", "and", "or", "&", ", et", ", and", ", ou", ", or"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
FRAGMENT_WORDS = 2
FOLD_CACHE = 65536
HARM_WEIGHT = 0.5
HARM_REACH = 3
"""How many heads up a combat word may govern a harm word ("prévenir le matériel d'abus")."""


@dataclass(frozen=True)
class Lexicon:
    """One language's stance and target words, folded (lower case, no accents)."""

    polarity: dict[tuple[str, ...], str]
    """Word or phrase → ``against``, ``for``, ``harm`` or ``neutral`` (a phrase that only hides polar words)."""
    combat: frozenset[str]
    negators: frozenset[str]
    restrictive: frozenset[str]
    exceptive: frozenset[str]
    particles: frozenset[str]
    target_verbs: frozenset[tuple[str, ...]]
    first_person: frozenset[str]
    anaphoric: frozenset[str]
    longest: int
    starts: frozenset[str]
    """First words of the polarity entries, to skip the other words quickly."""


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language``, read once per process."""
    data = lexicons.load("stance", language)
    polarity: dict[tuple[str, ...], str] = {}
    for label in ("neutral", "harm", "for", "against"):  # a word in two lists keeps the later: against wins
        polarity.update({_phrase(word): label for word in data[label]})
    words = lambda key: frozenset(fold(w) for w in data[key] or ())  # noqa: E731
    return Lexicon(
        polarity=polarity, combat=words("combat"), negators=words("negators"), restrictive=words("restrictive"),
        exceptive=words("exceptive"), particles=words("particles"),
        target_verbs=frozenset(_phrase(w) for w in data["target_verbs"]), first_person=words("first_person"),
        anaphoric=words("anaphoric"), longest=max(len(p) for p in polarity),
        starts=frozenset(p[0] for p in polarity),
    )


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in text.replace("'", "' ").replace("’", "' ").split())


def assign_targets_and_stance(article: Article, doc: Doc, index: EntityIndex, statements: list[Statement],
                              relations: list[Relation] | None = None) -> None:
    """Fill ``targets`` and ``stance`` of every statement, in text order (a statement may inherit targets).
    ``relations``: those ``find_relations`` found in the article, when the caller has them already."""
    lex = lexicon(article.language or doc.lang_)
    families = _families(article, doc, index, relations)
    sentences = _sentences(doc)
    starts = [s.start_char for s in sentences]
    done: list[Statement] = []
    for statement in sorted(statements, key=lambda s: s.start):
        view = _View.of(article.text, doc, statement, index)
        if view is None:
            continue
        statement.targets = _targets(view, lex, index, done, sentences, starts)
        statement.stance = _stance(view, lex, index, families)
        done.append(statement)


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


@dataclass
class _View:
    """A statement's content tokens and the reporting words around it in its sentences."""

    statement: Statement
    text: str
    """The article's text."""
    content: Span
    frame: list[Token]
    """The reporting words: the content's ancestors outside it and their object-like dependents, the words
    between the speaker and the content (the parser often attaches "a salué X, estimant que" wrongly), and
    the cue the statement was found by."""

    @classmethod
    def of(cls, text: str, doc: Doc, statement: Statement, index: EntityIndex) -> _View | None:
        content = doc.char_span(statement.start, statement.end, alignment_mode="expand")
        if content is None or not len(content):
            return None
        inside = set(range(content.start, content.end))
        speaker = {t.i for (s, e), ent in index.mentions_between(content.sent.start_char, content.sent.end_char)
                   if ent.key == statement.speaker for t in doc.char_span(s, e, alignment_mode="expand") or ()}
        path: list[Token] = []
        for root in _roots(content):
            head = root.head
            while head.i not in inside and head not in path:
                path.append(head)
                if head.head == head:
                    break
                head = head.head
        frame = [*path, *(c for t in path for c in t.children if c.dep_ in OBJECTS and c not in path)]
        frame.extend(t for t in _between_speaker_and_content(doc, content, sorted(speaker)) if t not in frame)
        if statement.cue_span:
            cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
            frame.extend(t for t in cue or () if t not in frame)
        frame = [t for t in frame if t.i not in inside and t.i not in speaker]
        return cls(statement, text, content, sorted(frame, key=lambda t: t.i))


def _between_speaker_and_content(doc: Doc, content: Span, speaker: list[int]) -> Span:
    """The words between the speaker's mention and the content, in the content's sentence; without a mention
    of the speaker there ("Il a exhorté ..."), those from the start of the sentence."""
    before = [i for i in speaker if i < content.start]
    after = [i for i in speaker if i >= content.end]
    if before:
        return doc[before[-1] + 1:content.start]
    if after:
        return doc[content.end:after[0]]
    return doc[content.sent.start:content.start]


def _roots(span: Span) -> list[Token]:
    """Tokens of ``span`` whose head lies outside it (a content may hold several clauses)."""
    return [t for t in span if not t.is_space and (not _inside(t.head, span) or t.head == t)]


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


# --- targets ---------------------------------------------------------------------------------------------

def _targets(view: _View, lex: Lexicon, index: EntityIndex, done: Sequence[Statement],
             sentences: list[Span], starts: list[int]) -> list[str]:
    speaker = view.statement.speaker
    core, peripheral, background = _content_entities(view, index)
    found = [*_cue_objects(view, lex, index), *core] or peripheral
    if not found:
        found = _from_context(view, lex, index, done, sentences, starts)
    if not found:
        found = _own_organisation(view, lex, index) or background
    return list(dict.fromkeys(k for k in found if k != speaker))


def _content_entities(view: _View, index: EntityIndex) -> tuple[list[str], list[str], list[str]]:
    """The content's entities: actors in its core, actors elsewhere in it, topics and places.

    A list ("Facebook, Instagram et WhatsApp") takes the place of its first item, whatever the parser made of
    the others."""
    doc, content = view.content.doc, view.content
    mentions = [(span, entity) for span, entity in index.mentions_between(content.start_char, content.end_char)
                if entity.key != view.statement.speaker]
    core: list[str] = []
    peripheral: list[str] = []
    background: list[str] = []
    group_is_core = False
    previous_end = None
    for (start, end), entity in mentions:
        tokens = doc.char_span(start, end, alignment_mode="expand")
        listed = previous_end is not None and fold(view.text[previous_end:start].strip()) in LIST_LINKS
        if not listed:
            group_is_core = tokens is not None and _in_core(tokens, content, first=previous_end is None)
        previous_end = end
        if entity.type in BACKGROUND:
            background.append(entity.key)
        elif group_is_core:
            core.append(entity.key)
        elif entity.type not in INCIDENTAL:
            peripheral.append(entity.key)
    return core, peripheral, background


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
    while _inside(token.head, content) and token.head != token:
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


def _cue_objects(view: _View, lex: Lexicon, index: EntityIndex) -> list[str]:
    """Entities named as the object of an evaluative reporting verb of the frame ("a critiqué le chef de Meta,
    Mark Zuckerberg, affirmant que ..."): the mentions between the verb and the next verb, the content or the
    end of the sentence, those right after a preposition only when there is nothing else."""
    doc = view.content.doc
    found: list[str] = []
    for verb in view.frame:
        if verb.pos_ not in ("VERB", "AUX") or not ({(fold(verb.lemma_),), (fold(verb.text),)} & lex.target_verbs):
            continue
        end = verb.i + 1
        while (end < len(doc) and end != view.content.start and doc[end].pos_ not in ("VERB", "AUX")
               and not doc[end].is_sent_end):
            end += 1
        zone = doc[verb.i + 1:end]
        mentions = [(doc.char_span(s, e, alignment_mode="expand"), entity)
                    for (s, e), entity in index.mentions_between(zone.start_char, zone.end_char)
                    if entity.type not in BACKGROUND and entity.key != view.statement.speaker]
        direct = [entity.key for span, entity in mentions if span is not None and not _after_preposition(span)]
        found.extend(direct or [entity.key for _, entity in mentions])
    return found


def _from_context(view: _View, lex: Lexicon, index: EntityIndex, done: Sequence[Statement],
                  sentences: list[Span], starts: list[int]) -> list[str]:
    """Targets carried by the context of a content that names no actor."""
    statement = view.statement
    before = [s for s in done if _same_voice(s.speaker, statement.speaker, index) and s.targets]
    here = bisect_right(starts, statement.start) - 1
    if before and bisect_right(starts, before[-1].end - 1) - 1 >= here - 1:
        return list(before[-1].targets)
    if here > 0 and any(fold(t.text) in lex.anaphoric and t.dep_ in REFERRING for t in view.content):
        subject = _subject_entity(sentences[here - 1], index, statement.speaker)
        if subject is not None:
            return [subject]
    return list(before[-1].targets) if before else []


def _same_voice(a: str, b: str, index: EntityIndex) -> bool:
    """The same speaker, or an organisation and its spokesperson."""
    acts_for = lambda key: getattr(index.entities.get(key), "acts_for", None)  # noqa: E731
    return a == b or acts_for(a) == b or acts_for(b) == a


def _own_organisation(view: _View, lex: Lexicon, index: EntityIndex) -> list[str]:
    """A spokesperson saying "we" with nothing else named speaks about their organisation."""
    speaker = index.entities.get(view.statement.speaker)
    if speaker is None or speaker.acts_for is None:
        return []
    return [speaker.acts_for] if any(fold(t.text) in lex.first_person for t in view.content) else []


def _subject_entity(sentence: Span, index: EntityIndex, speaker: str) -> str | None:
    """The actor a sentence has as its subject, or else the first actor it names."""
    actors = [(token, entity) for token in sentence
              if (entity := _entity_of(token, index)) is not None
              and entity.type not in BACKGROUND and entity.key != speaker]
    ranked = [entity for token, entity in actors if token.dep_ in SUBJECTS] + [entity for _, entity in actors]
    return ranked[0].key if ranked else None


# --- stance ----------------------------------------------------------------------------------------------

def _stance(view: _View, lex: Lexicon, index: EntityIndex, families: dict[str, int]) -> Stance:
    if _own_voice(view, lex, index, families):
        return "for"
    verdict = _cue_verdict(view, lex)
    if verdict is not None:
        return verdict
    against = support = 0.0
    for token, polarity in _polar_words(view, lex):
        if polarity == "harm":
            if _fighter(token, lex, view.content) is not None or _negation(token, lex)[0]:
                continue
            against += HARM_WEIGHT
            continue
        if _intensifier(token, lex):
            continue
        if fold(token.lemma_) in lex.combat and _governs_harm(token, lex, view.content):
            polarity = "for"
        negated, restricted = _negation(token, lex)
        if negated:
            polarity = "for" if polarity == "against" else "against"
        elif restricted and polarity == "for":
            polarity = "against"
        if polarity == "against":
            against += 1
        else:
            support += 1
    if against and against >= support:
        return "against"
    return "for" if support else "neutral"


def _own_voice(view: _View, lex: Lexicon, index: EntityIndex, families: dict[str, int]) -> bool:
    """An organisation's own voice (itself, its leader, its spokesperson, a sister company) speaking about it,
    a spokesperson speaking about nobody in particular, or an organisation (or its spokesperson) telling what
    it does ("Meta has finished rolling out ...", "we remove ..."): they defend their organisation."""
    speaker = index.entities.get(view.statement.speaker)
    if speaker is None:
        return False
    family = {families.get(key) for key in (speaker.key, speaker.acts_for) if key in families}
    targets = view.statement.targets
    if any(families.get(t) in family for t in targets) or (speaker.acts_for is not None and not targets):
        return True
    if speaker.type == "Person" and speaker.acts_for is None:
        return False
    own = {key for key in (speaker.key, speaker.acts_for) if key}
    return any(token.dep_ in SUBJECTS and _inside(token.head, view.content)
               and (fold(token.text) in lex.first_person or (entity := _entity_of(token, index)) and entity.key in own)
               for token in view.content)


def _entity_of(token: Token, index: EntityIndex) -> Entity | None:
    return index.entity_at(token.idx, token.idx + len(token.text))


def _cue_verdict(view: _View, lex: Lexicon) -> Stance | None:
    """The stance an evaluative reporting verb states outright: "a critiqué", "a salué", "urged", "warned"."""
    for token in view.frame:
        if token.pos_ in ("VERB", "AUX") and (fold(token.lemma_),) in lex.target_verbs:
            polarity = _lookup([token], lex)
            if polarity in ("for", "against"):
                return ("for" if polarity == "against" else "against") if _negation(token, lex)[0] else polarity
    return None


def _families(article: Article, doc: Doc, index: EntityIndex, relations: list[Relation] | None) -> dict[str, int]:
    """Entity key → family number: owners, what they own, their leaders and spokespeople are one family.

    Built from the relations the text states and the knowledge base's ownership and leadership facts (used
    to judge stance only; they are never emitted as relations of the article)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    stated = find_relations(article, doc, index) if relations is None else relations
    edges = [(r.subject, r.object) for r in stated if r.predicate in FAMILY_PREDICATES]
    edges += [(e.key, e.acts_for) for e in index.entities.values() if e.acts_for]
    for key in index.entities:
        actor = index.kb.actors.get(key)
        if actor is not None:
            edges += [(key, other) for other in (*actor.owns, *actor.leads)]
    for a, b in edges:
        parent[root(a)] = root(b)
    numbers: dict[str, int] = {}
    return {key: numbers.setdefault(root(key), len(numbers)) for key in list(parent)}


def _polar_words(view: _View, lex: Lexicon) -> Iterable[tuple[Token, str]]:
    """Polar words of the content, and those of the frame that evaluate (not plain reporting verbs)."""
    yield from _matches(list(view.content), lex)
    for token, polarity in _matches(view.frame, lex):
        if token.pos_ not in ("VERB", "AUX") or (fold(token.lemma_),) in lex.target_verbs:
            yield token, polarity


def _matches(tokens: list[Token], lex: Lexicon) -> Iterable[tuple[Token, str]]:
    """Lexicon words and phrases in ``tokens`` (consecutive in the text), longest first; the first token stands
    for a phrase."""
    i = 0
    while i < len(tokens):
        if not _forms(tokens[i]) & lex.starts:
            i += 1
            continue
        for size in range(min(lex.longest, len(tokens) - i), 0, -1):
            window = tokens[i:i + size]
            if any(b.i != a.i + 1 for a, b in zip(window, window[1:])):
                continue
            polarity = _lookup(window, lex)
            if polarity:
                if polarity != "neutral":
                    yield window[0], polarity
                i += size
                break
        else:
            i += 1


def _lookup(window: list[Token], lex: Lexicon) -> str | None:
    """The polarity of a token sequence, each word matched by its text or its lemma."""
    candidates: list[tuple[str, ...]] = [()]
    for token in window:
        candidates = [(*c, f) for c in candidates for f in _forms(token)]
    return next((lex.polarity[c] for c in candidates if c in lex.polarity), None)


def _forms(token: Token) -> set[str]:
    """A token's text and lemma, folded: what lexicon entries are compared with."""
    return {_fold(token.text), _fold(token.lemma_)}


_fold = lru_cache(maxsize=FOLD_CACHE)(fold)
"""``fold`` is called for every word of every statement: words repeat, so remember the recent ones."""


def _negation(token: Token, lex: Lexicon) -> tuple[bool, bool]:
    """(negated, restricted) for a polar word: negators and restrictive words on it, on the head of its clause,
    and up the chain of verbs it is the complement of ("ne pourra plus repérer")."""
    chain = [token]
    while chain[-1].pos_ not in ("VERB", "AUX", "ADJ") and chain[-1].dep_ not in CLAUSAL \
            and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    while chain[-1].dep_ == "xcomp" and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    negators: set[str] = set()
    exceptive = restricted = False
    for link in chain:
        for child in link.children:
            word = fold(child.text)
            if word in lex.negators:
                negators.add(word)
            elif word in lex.restrictive:
                restricted = True
            elif word in lex.exceptive and child.i > link.i:
                exceptive = True
    if negators and negators <= lex.particles and exceptive:
        return False, True
    return bool(negators), restricted


def _intensifier(token: Token, lex: Lexicon) -> bool:
    """An adjective or adverb that only grades a polar word ("risque important", "strong criticism")."""
    return token.pos_ in ("ADJ", "ADV") and token.head != token and _lookup([token.head], lex) is not None


def _fighter(harm: Token, lex: Lexicon, content: Span) -> Token | None:
    """The nearest combat word governing ``harm`` within a few heads (prepositions not counted), inside the
    content: "prevent the spread of abuse material" → prevent."""
    token, steps = harm, 0
    while steps < HARM_REACH and token.head != token and _inside(token.head, content):
        token = token.head
        if fold(token.lemma_) in lex.combat or fold(token.text) in lex.combat:
            return token
        steps += token.pos_ != "ADP"
    return None


def _governs_harm(token: Token, lex: Lexicon, content: Span) -> bool:
    """Whether ``token`` is the combat word nearest to some harm word ("lutter contre les abus")."""
    return any(_lookup([t], lex) == "harm" and _fighter(t, lex, content) == token
               for t in token.subtree if _inside(t, content))
