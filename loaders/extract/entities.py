"""Entity recognition and resolution: the actors, platforms, features, topics and places an article names.

Mentions come from, strongest first:

1. names and post titles of the actor knowledge base, matched over normalised tokens with a dictionary
   built once per process and language (linear in the article's length);
2. spaCy's NER, filtered (single lower-case words, verbs, sentence-initial common words, MISC...) and typed
   by cue words ("la société X", "X News");
3. what the NER missed: an acronym defined in parentheses with the words it abbreviates ("the Coalition for
   Digital Safety (CDS)"), capitalised words after a title ("M. Tugendhat").

Mentions are then resolved across the article: a surname or title + surname is the full name seen in the
article, an acronym is the organisation whose initials it spells, a near-miss spelling of a known name is that name when the context agrees, a post title is the
holder the article names (or the holder at the publication date), an unnamed spokesperson acts for the
organisation next to it, and definite descriptions and common nouns ("le géant américain du logiciel",
"the app") refer back to the most recent compatible entity, only when there is one nearby. Cue words are
data: ``loaders/data/entity_cues.yaml``.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import itemgetter
from typing import Generic, TypeVar

from spacy.tokens import Doc, Token

from policykg.loaders import lexicon
from policykg.loaders.kb import Actor, KnowledgeBase, default_kb, normalise, one_letter_off, strip_accents
from policykg.loaders.model import Article, Entity, Span, slugify
from policykg.loaders.nlp import load_pipeline

NAME_TYPES = frozenset({"Person", "Company", "GovernmentBody", "LawEnforcement", "NGO", "MediaOutlet",
                        "Organization", "Platform", "Place"})
"""Types whose names are proper nouns: their knowledge-base names match only with the same capitals."""
ORGANISATION_TYPES = NAME_TYPES - {"Person", "Place"}
MAX_NAME_TOKENS = 8

V = TypeVar("V")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Token comparison key: lower case, no accents, one kind of apostrophe (cached: called for every token)."""
    text = strip_accents(unicodedata.normalize("NFKC", text).lower())
    return text.translate({ord(c): "'" for c in "’‘`´"})


class PhraseTable(Generic[V]):
    """Phrases (as token sequences of one tokenizer) → values, found leftmost-longest in a token list.

    A phrase given with ``cased=True`` matches only tokens with at least its capitals (see ``_capitals``), so
    that ``Signal`` matches the app but not the noun, and ``US`` the country but not the pronoun.
    """

    def __init__(self, language: str, phrases: Iterable[tuple[str, V, bool]]) -> None:
        tokenizer = load_pipeline(language).tokenizer
        self._table: dict[tuple[str, ...], list[tuple[tuple[int, ...] | None, V]]] = {}
        self._first: set[str] = set()
        """The first token of every phrase: a scan tries nothing at a token that starts none."""
        self.longest = 1
        for phrase, value, cased in phrases:
            tokens = [t.text for t in tokenizer(phrase) if not t.is_space]
            if not tokens:
                continue
            key = tuple(fold(t) for t in tokens)
            caps = tuple(_capitals(t) for t in tokens) if cased else None
            entries = self._table.setdefault(key, [])
            if (caps, value) not in entries:
                entries.append((caps, value))
            self.longest = max(self.longest, len(key))
            self._first.add(key[0])

    def scan(self, tokens: Sequence[Token]) -> list[tuple[int, int, list[V]]]:
        """Non-overlapping matches ``(first, last + 1, values)`` over ``tokens``, leftmost-longest."""
        keys = [fold(t.text) for t in tokens]
        found: list[tuple[int, int, list[V]]] = []
        i = 0
        while i < len(tokens):
            if keys[i] not in self._first:
                i += 1
                continue
            for j in range(min(len(tokens), i + self.longest), i, -1):
                values = self._values(tokens, keys, i, j)
                if values:
                    found.append((i, j, values))
                    i = j
                    break
            else:
                i += 1
        return found

    def _values(self, tokens: Sequence[Token], keys: list[str], i: int, j: int) -> list[V]:
        entries = self._table.get(tuple(keys[i:j]))
        if not entries:
            return []
        return [value for caps, value in entries
                if caps is None or all(_capitals(t.text) >= need for need, t in zip(caps, tokens[i:j]))]


def _capitals(word: str) -> int:
    """0: starts lower case, 1: capitalised, 2: all capitals (an acronym such as ``US``, not the pronoun)."""
    if sum(c.isalpha() for c in word) >= 2 and word.isupper():
        return 2
    return 1 if word[:1].isupper() else 0


@dataclass(frozen=True)
class Cues:
    """The lexicon of ``entity_cues.yaml``, folded for comparison."""

    honorifics: frozenset[str]
    name_particles: frozenset[str]
    determiners: frozenset[str]
    sentence_articles: frozenset[str]
    definite: frozenset[str]
    ner_types: dict[str, str]
    type_inside: dict[str, str]
    type_before: list[tuple[str, str]]
    anaphors: list[tuple[str, tuple[str, ...], bool]]
    """(phrase, types, allowed as the complement of a noun)."""
    window: int
    description_heads: dict[str, tuple[str, ...]]
    spokespeople: frozenset[str]
    spokesperson_label: str


@cache
def cues() -> Cues:
    """The cue lexicon, read once per process."""
    data = lexicon.load("entity_cues")
    return Cues(
        honorifics=frozenset(fold(h).rstrip(".") for h in data["honorifics"]),
        name_particles=frozenset(fold(p) for p in data["name_particles"]),
        determiners=frozenset(fold(d) for d in data["determiners"]),
        sentence_articles=frozenset(data["sentence_articles"]),
        definite=frozenset(fold(d) for d in data["definite"]),
        ner_types=dict(data["ner_types"]),
        type_inside={fold(w): type_ for type_, c in data["type_cues"].items() for w in c.get("inside", ())},
        type_before=[(p, type_) for type_, c in data["type_cues"].items() for p in c.get("before", ())],
        anaphors=[(p, tuple(a["types"]), not a.get("not_after_noun", False))
                  for a in data["anaphors"] for p in a["phrases"]],
        window=int(data["window"]),
        description_heads={fold(h): tuple(d["types"]) for d in data["descriptions"] for h in d["heads"]},
        spokespeople=frozenset(fold(s) for s in data["spokespeople"]),
        spokesperson_label=data["spokesperson_label"],
    )


@dataclass
class Name:
    """A name found by the NER (or after a title), before resolution."""

    span: Span
    text: str
    type: str
    cued: bool
    """Whether a cue word gave the type (then it is not second-guessed)."""
    last: Token

    @property
    def words(self) -> list[str]:
        return normalise(self.text).split()


@dataclass(frozen=True)
class KbName:
    """What a knowledge-base phrase names: an actor, or a post (``ambiguous``: only with a named holder)."""

    kind: str  # "actor" | "post"
    id: str
    ambiguous: bool = False


_TABLES: dict[tuple[int, str], tuple[KnowledgeBase, PhraseTable[KbName]]] = {}


def kb_table(kb: KnowledgeBase, language: str) -> PhraseTable[KbName]:
    """The phrase table of a knowledge base's names and post titles for one language, built once."""
    cached = _TABLES.get((id(kb), language))
    if cached is None or cached[0] is not kb:
        phrases = [(name, KbName("actor", actor.id), actor.type in NAME_TYPES) for name, actor in kb.names()]
        phrases += [(title, KbName("post", post.id, ambiguous), False) for title, post, ambiguous in kb.post_names()]
        cached = _TABLES[(id(kb), language)] = (kb, PhraseTable(language, phrases))
    return cached[1]


@cache
def cue_tables(language: str) -> tuple[PhraseTable[tuple[tuple[str, ...], bool]], PhraseTable[str]]:
    """Phrase tables of the anaphoric nouns and of the type cues that come before a name."""
    c = cues()
    anaphors = PhraseTable(language, ((p, (types, complement), False) for p, types, complement in c.anaphors))
    before = PhraseTable(language, ((p, type_, False) for p, type_ in c.type_before))
    return anaphors, before


class EntityIndex:
    """The entities of one article, with every mention's span, and resolution of names to entities."""

    def __init__(self, article: Article | None = None, kb: KnowledgeBase | None = None, *,
                 doc: Doc | None = None) -> None:
        self.entities: dict[str, Entity] = {}
        self.article = article
        self.kb = kb or default_kb()
        self._text = article.text if article else ""
        self._mentions: list[tuple[int, int, str]] = []
        self._longest_mention = 0
        self._names: dict[str, str] = {}
        """Normalised name → key, for every name (not anaphoric phrase) seen in the article."""
        self._sentence_starts = [s.start_char for s in doc.sents] if doc is not None and \
            doc.has_annotation("SENT_START") else [0]
        """Where sentences start: the window of anaphors ("the app" looks two sentences back)."""
        self._sentence_starts_set = frozenset(self._sentence_starts)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end) most, or None."""
        best: tuple[int, int] | None = None
        found: Entity | None = None
        lo = bisect_left(self._mentions, (start - self._longest_mention,))
        for s, e, key in self._mentions[lo:bisect_left(self._mentions, (end,))]:
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or (overlap, s - e) > best):
                best, found = (overlap, s - e), self.entities[key]
        return found

    def mentions_between(self, start: int, end: int) -> list[tuple[tuple[int, int], Entity]]:
        """Mentions inside [start, end), in text order."""
        lo = bisect_left(self._mentions, (start,))
        return [((s, e), self.entities[key]) for s, e, key in self._mentions[lo:bisect_left(self._mentions, (end,))]
                if e <= end]

    def lookup(self, name: str, *, at: int | None = None) -> Entity | None:
        """Resolve a surface form ("M. Tugendhat", "the Home Secretary", "NBC", an alias or a role title the
        knowledge base knows, a name seen earlier in the article) to an entity; None when unknown.

        With ``at`` (a character offset), a common noun or description ("the company", "le géant des
        médias sociaux") resolves to the most recent compatible entity before it. An actor known only to
        the knowledge base joins the index (without a mention) so that its key can be used.
        """
        key = normalise(name)
        if not key:
            return None
        core = self._core_name(key)
        for candidate in (key, core):
            if candidate in self._names:
                return self.entities[self._names[candidate]]
        if at is not None and (found := self._lookup_anaphor(key, at)) is not None:
            return found
        if (found := self._person_named(core)) is not None:
            return found
        actors = self.kb.find(core) or self.kb.find(key)
        if actors:
            known = [a for a in actors if a.id in self.entities]
            return self._from_kb((known or actors)[0])
        posts = [(post.id, ambiguous) for post, ambiguous in self.kb.find_posts(core)]
        if posts:
            holder = self._post_holder(posts, at if at is not None else len(self._text))
            return self._from_kb(holder) if holder is not None else None
        return self._near_miss(core, type_=None)

    def add(self, label: str, type: str, span: tuple[int, int] | None, *, key: str | None = None,
            acts_for: str | None = None) -> Entity:
        """Register an entity (or one more mention of a known one), e.g. an unnamed spokesperson for AWS or a
        speaker the NER missed. Returns the entity."""
        if key is None:
            known = self._names.get(normalise(label))
            if known is not None and (self.entities[known].type == "Person") == (type == "Person"):
                key = known
            else:
                actors = [a for a in self.kb.find(label) if a.type == type]
                key = actors[0].id if actors else slugify(label)
        if key not in self.entities:
            actor = self.kb.actors.get(key)
            if actor is not None:
                self._from_kb(actor)
            else:
                self.entities[key] = Entity(key=key, label=label, type=type)
        entity = self.entities[key]
        if acts_for is not None and entity.acts_for is None:
            entity.acts_for = acts_for
        entity.aliases.add(label)
        self._names.setdefault(normalise(label), key)
        if span is not None:
            self._mention(key, span, name=True)
        return entity

    # -- building the index (used by recognise) --------------------------------------------------

    def _from_kb(self, actor: Actor) -> Entity:
        """The entity of a knowledge-base actor, created on first use."""
        if actor.id not in self.entities:
            self.entities[actor.id] = Entity(key=actor.id, label=actor.label, type=actor.type,
                                             wikidata=actor.wikidata)
            self._names.setdefault(normalise(actor.label), actor.id)
        return self.entities[actor.id]

    def _mention(self, key: str, span: Span, *, name: bool) -> None:
        """One more mention of entity ``key``; ``name``: its surface is a name to look up later."""
        entity = self.entities[key]
        if span in entity.mentions:
            return
        insort(entity.mentions, span)
        insort(self._mentions, (span[0], span[1], key))
        self._longest_mention = max(self._longest_mention, span[1] - span[0])
        surface = " ".join(self._text[span[0]:span[1]].split())
        if surface:
            entity.aliases.add(surface)
            if name:
                self._names.setdefault(normalise(surface), key)

    def _core_name(self, key: str) -> str:
        """A normalised name without leading determiners and titles: "m tugendhat" → "tugendhat"."""
        c = cues()
        words = key.split()
        while len(words) > 1 and (strip_accents(words[0]) in c.honorifics or strip_accents(words[0]) in c.determiners):
            words.pop(0)
        return " ".join(words)

    def _person_named(self, core: str) -> Entity | None:
        """The one person of the article whose full name ends with ``core`` (a single word), or else begins
        with it: "Tugendhat" or "Melania" after "Tom Tugendhat" or "Melania Trump"."""
        if not core or " " in core:
            return None
        people = [normalise(e.label).split() + [e.key] for e in self.entities.values()
                  if e.type == "Person" and " " in e.label]
        for position in (-2, 0):
            found = {p[-1] for p in people if p[position] == core}
            if found:
                return self.entities[found.pop()] if len(found) == 1 else None
        return None

    def _same_person(self, words: list[str]) -> Entity | None:
        """The person of the article a full name also names: a longer form ending with it, or the same
        first and last names ("Donald Trump", "Donald J. Trump")."""
        for entity in self.entities.values():
            if entity.type != "Person":
                continue
            label = normalise(entity.label).split()
            if len(label) > 1 and (label[-len(words):] == words or (label[0], label[-1]) == (words[0], words[-1])):
                return entity
        return None

    def _acronym_of(self, name: str) -> Entity | None:
        """The organisation of the article whose initials ``name`` is ("IMF": International Monetary Fund)."""
        if not _is_acronym(name):
            return None
        for entity in self.entities.values():
            words = [w for w in entity.label.split() if w[:1].isupper()]
            if entity.type in ORGANISATION_TYPES and len(words) > 1 and "".join(w[0] for w in words) == name:
                return entity
        return None

    def _names_a_person(self, core: str) -> bool:
        """Whether ``core`` is one of the words of the name of a person of the article."""
        return any(e.type == "Person" and core in normalise(e.label).split() for e in self.entities.values())

    def _near_miss(self, core: str, type_: str | None) -> Entity | None:
        """A known organisation name one letter off ``core`` (same length, not the first letter): a typo
        such as "Reuteps" for "Reuters". Accepted for an organisation already named in the article, or
        for a knowledge-base actor of the type the context gives (``type_``). Never for people or places:
        "Mary Kelly" is not "Mark Kelly"."""
        if len(core) < 5:
            return None
        for entity in self.entities.values():
            if entity.type in ORGANISATION_TYPES and \
                    any(one_letter_off(core, normalise(n)) for n in entity.aliases | {entity.label}):
                return entity
        if type_ is None:
            return None
        for actor in self.kb.find_near(core):
            if actor.type == type_ and actor.type in ORGANISATION_TYPES:
                return self._from_kb(actor)
        return None

    def _post_holder(self, posts: list[tuple[str, bool]], at: int) -> Actor | None:
        """Who a post title means: a holder the article names (the nearest to ``at``), else, for a title
        that names one post only, its holder at the publication date when there is exactly one."""
        holders = {a.id: a for post, _ in posts for a in self.kb.holders(post)}
        named = [(min(abs(s - at) for s, _ in self.entities[k].mentions) if self.entities[k].mentions else 10**9, k)
                 for k in holders if k in self.entities]
        if named:
            return holders[min(named)[1]]
        date = self.article.published if self.article else None
        if date and all(not ambiguous for _, ambiguous in posts):
            current = {a.id: a for post, _ in posts for a in self.kb.holders(post, date)}
            if len(current) == 1:
                return next(iter(current.values()))
        return None

    def _sentence(self, offset: int) -> int:
        return bisect_right(self._sentence_starts, offset) - 1

    def _antecedent(self, types: Sequence[str], before: int, window: int | None) -> Entity | None:
        """The most recent entity of the first of ``types`` that has one, mentioned before ``before``
        and at most ``window`` sentences earlier (None: anywhere earlier)."""
        lo = bisect_left(self._mentions, (before,))
        earliest = None if window is None else self._sentence_starts[max(0, self._sentence(before) - window)]
        for type_ in types:
            for s, e, key in reversed(self._mentions[:lo]):
                if earliest is not None and s < earliest:
                    break
                if e <= before and self.entities[key].type == type_:
                    return self.entities[key]
        return None

    def _lookup_anaphor(self, key: str, at: int) -> Entity | None:
        c = cues()
        for phrase, types, _ in c.anaphors:
            if normalise(phrase) == key:
                return self._antecedent(types, at, c.window)
        words = key.split()
        if words and strip_accents(words[0]) in c.definite:
            for word in words[1:]:
                types = c.description_heads.get(strip_accents(word))
                if types:
                    return self._antecedent(types, at, None)
        return None


def recognise(article: Article, doc: Doc, kb: KnowledgeBase | None = None) -> EntityIndex:
    """The entities ``article`` names, resolved, with every mention. ``doc`` is the NLP of ``article.nlp_text()``."""
    index = EntityIndex(article, kb, doc=doc)
    _Recogniser(index, doc).run()
    return index


class _Recogniser:
    """One pass over one document; each step adds mentions that the later steps build on."""

    def __init__(self, index: EntityIndex, doc: Doc) -> None:
        self.index = index
        self.doc = doc
        self.text = index._text
        """The article's original text: names are read from it (``doc.text`` is rebuilt on every access)."""
        self.kb = index.kb
        self.language = doc.lang_ if doc.lang_ in ("fr", "en") else (index.article.language or "en")
        self.tokens = [t for t in doc if not t.is_space]
        self.taken = [False] * len(doc)
        """Tokens inside a mention already found (by token index in ``doc``)."""

    def run(self) -> None:
        posts = self.knowledge_base_names()
        self.acronym_definitions()
        names = self.ner_names()
        names += self.titled_names()
        self.resolve_names(names)
        self.resolve_posts(posts)
        self.spokespeople()
        self.descriptions_and_anaphors()

    # -- helpers -----------------------------------------------------------------------------------

    def span(self, first: Token, last: Token) -> Span:
        return first.idx, last.idx + len(last.text)

    def take(self, first: int, last: int) -> None:
        for i in range(first, last + 1):
            self.taken[i] = True

    def free(self, first: int, last: int) -> bool:
        return not any(self.taken[first:last + 1])

    # -- steps -------------------------------------------------------------------------------------

    def knowledge_base_names(self) -> list[tuple[Span, list[tuple[str, bool]]]]:
        """Names of known actors become mentions; post titles are returned for later resolution."""
        posts = []
        for i, j, values in kb_table(self.kb, self.language).scan(self.tokens):
            first, last = self.tokens[i], self.tokens[j - 1]
            span = self.span(first, last)
            actors = [v.id for v in values if v.kind == "actor"]
            self.take(first.i, last.i)
            if actors:
                known = [a for a in actors if a in self.index.entities]
                self.index._from_kb(self.kb.actors[(known or actors)[0]])
                self.index._mention((known or actors)[0], span, name=True)
            else:
                posts.append((span, [(v.id, v.ambiguous) for v in values]))
        return posts

    def acronym_definitions(self) -> None:
        """"the Coalition for Digital Safety (CDS)": capitalised words whose initials an acronym in
        parentheses spells are an organisation, and the acronym names it, even where the NER saw neither."""
        tokens = self.tokens
        for k in range(1, len(tokens) - 2):
            acronym = tokens[k + 1]
            if tokens[k].text != "(" or tokens[k + 2].text != ")" or not _is_acronym(acronym.text):
                continue
            words: list[Token] = []
            for t in reversed(tokens[max(0, k - 3 * len(acronym.text)):k]):
                if not (t.is_alpha or t.text in "&-"):
                    break
                words.insert(0, t)
                initials = "".join(w.text[0] for w in words if w.text[:1].isupper())
                if words[0].text[:1].isupper() and initials == acronym.text:
                    break
            else:
                continue
            if not words or "".join(w.text[0] for w in words if w.text[:1].isupper()) != acronym.text \
                    or not self.free(words[0].i, acronym.i):
                continue
            span = self.span(words[0], words[-1])
            name = self.text[span[0]:span[1]]
            entity = self._add_name(name, self._cued_type(words, before=True) or "Organization")
            self.take(words[0].i, acronym.i)
            self.index._mention(entity.key, span, name=True)
            self.index._mention(entity.key, self.span(acronym, acronym), name=True)

    def ner_names(self) -> list[Name]:
        """NER entities that look like names, typed (cue words refine the NER's label), in text order."""
        c = cues()
        names = []
        for ent in self.doc.ents:
            ner_type = c.ner_types.get(ent.label_)
            if ner_type is None:
                continue
            for tokens in self._name_parts(list(ent), ner_type):
                if not self.free(tokens[0].i, tokens[-1].i) or not self._plausible(tokens):
                    continue
                cued = self._cued_type(tokens, inside=ner_type != "Place", before=ner_type != "Person")
                span = self.span(tokens[0], tokens[-1])
                self.take(tokens[0].i, tokens[-1].i)
                names.append(Name(span, self.text[span[0]:span[1]], cued or ner_type, cued is not None, tokens[-1]))
        return names

    def _name_parts(self, tokens: list[Token], type_: str) -> list[list[Token]]:
        """The NER span cut at line breaks, without determiners, punctuation or (for people) titles at
        its edges."""
        c = cues()
        parts: list[list[Token]] = [[]]
        for t in tokens:
            if "\n" in t.text or "\n" in t.whitespace_ or t.is_space:
                if not t.is_space:
                    parts[-1].append(t)
                parts.append([])
            else:
                parts[-1].append(t)

        def edge(t: Token) -> bool:
            return t.is_punct or t.tag_ == "POS" or fold(t.text) in ("'s", "'") \
                or (t.text[:1].islower() and fold(t.text) in c.determiners) \
                or (t.text in c.sentence_articles and t.idx in self.index._sentence_starts_set)

        def title(t: Token) -> bool:
            return type_ == "Person" and fold(t.text).rstrip(".") in c.honorifics

        cleaned = []
        for part in parts:
            while part and (edge(part[0]) or title(part[0])):
                part = part[1:]
            # a title at the end is the next person's: "Charlotte Mayor | Jennifer Roberts"
            while part and (edge(part[-1]) or (title(part[-1]) and part[-1].i + 1 < len(self.doc)
                                                and self.doc[part[-1].i + 1].text[:1].isupper())):
                part = part[:-1]
            if part:
                cleaned.append(part)
        return cleaned

    def _plausible(self, tokens: list[Token]) -> bool:
        """Whether an NER span is a name rather than noise (a verb, a common word, a date, a phrase)."""
        if len(tokens) > MAX_NAME_TOKENS or not any(t.is_alpha for t in tokens):
            return False
        if not tokens[-1].text[:1].isupper() and not tokens[-1].text[:1].isdigit():
            return False
        if not tokens[0].text[:1].isupper() and not tokens[0].text[:1].isdigit() \
                and (len(tokens) == 1 or fold(tokens[0].text) not in cues().name_particles):
            return False  # "pro-Clinton", "ministre de la Sécurité"
        first = tokens[0]
        if first.pos_ in ("VERB", "AUX") or first.like_num:
            return False
        if any(t.is_punct and t.text not in "&.'’" and (t.whitespace_ or t.nbor(-1).whitespace_) for t in tokens[1:-1]):
            return False  # "Cleanliness, Godliness", "Scott - Vinson": two names or a phrase
        if len(tokens) == 1:
            if not first.text[:1].isupper() or len(first.text) < 2 or first.is_stop:
                return False
            if first.pos_ != "PROPN" and not first.text.isupper():
                return False  # a capitalised common word: "Recevez", "Conscient", "État"
        return True

    def _cued_type(self, tokens: list[Token], *, inside: bool = True, before: bool) -> str | None:
        """The organisation type a word in the name gives ("X News", "Y Foundation") or, with ``before``,
        a phrase right before it ("la société X")."""
        c = cues()
        for t in tokens if inside else ():
            if fold(t.text) in c.type_inside:
                return c.type_inside[fold(t.text)]
        if not before:
            return None
        preceding = list(self.doc[max(0, tokens[0].i - 4):tokens[0].i])
        _, table = cue_tables(self.language)
        for _, end, types in table.scan(preceding):
            if end == len(preceding):
                return types[0]
        return None

    def _add_name(self, name: str, type_: str) -> Entity:
        """An organisation or place name: the same name as before, a known actor, a near miss, or new."""
        key = normalise(name)
        for known in (key, self.index._core_name(key)):
            if known in self.index._names:
                return self.index.entities[self.index._names[known]]
        if (entity := self.index._acronym_of(name)) is not None:
            return entity
        actors = self.kb.find(name)
        entity = self.index._from_kb(actors[0]) if actors else None
        if entity is None:
            entity = self.index._near_miss(key, type_ if type_ != "Organization" else None)
        return entity or self.index.entities.get(slugify(name)) or self.index.add(name, type_, None)

    def _acronym_after(self, last: Token, entity: Entity) -> None:
        """"Policing Institute for the Eastern Region (PIER)": the acronym names the same entity."""
        doc = self.doc
        if last.i + 3 < len(doc) and doc[last.i + 1].text == "(" and doc[last.i + 3].text == ")":
            acronym = doc[last.i + 2]
            if _is_acronym(acronym.text) and self.free(acronym.i, acronym.i):
                self.take(acronym.i, acronym.i)
                self.index._mention(entity.key, self.span(acronym, acronym), name=True)

    def titled_names(self) -> list[Name]:
        """"M. Tugendhat", "Mrs Braverman": capitalised words after a title that the NER missed."""
        c = cues()
        found = []
        tokens = self.tokens
        for k, t in enumerate(tokens[:-1]):
            if fold(t.text).rstrip(".") not in c.honorifics or not t.text[:1].isupper():
                continue
            end = k + 1
            while end < len(tokens) and end - k <= 3 and tokens[end].text[:1].isupper() and tokens[end].is_alpha:
                end += 1
            if end > k + 1 and self.free(tokens[k + 1].i, tokens[end - 1].i):
                self.take(tokens[k + 1].i, tokens[end - 1].i)
                span = self.span(tokens[k + 1], tokens[end - 1])
                found.append(Name(span, self.text[span[0]:span[1]], "Person", False, tokens[end - 1]))
        return found

    def resolve_names(self, names: list[Name]) -> None:
        """People's full names first, longest first, so that "Peña Nieto" after "Enrique Peña Nieto" or
        "Donald Trump" beside "Donald J. Trump" is one person; a name the NER called an organisation or a
        place but that ends with a person's surname is a person too. Then, in text order, organisations,
        places and single words: a single word is the person of the article with that surname (or first
        name) whatever the NER said, else the person, organisation or place it looks like."""
        person_words = {n.words[-1] for n in names if n.type == "Person" and len(n.words) > 1}
        for n in names:
            if n.type in ("Organization", "Place") and not n.cued and len(n.words) > 1 and n.words[-1] in person_words:
                n.type = "Person"
        full = [n for n in names if n.type == "Person" and len(n.words) > 1]
        for n in sorted(full, key=lambda n: (-len(n.words), n.span)):
            actors = [a for a in self.kb.find(n.text) if a.type == "Person"]
            entity = self.index._from_kb(actors[0]) if actors else self.index._same_person(n.words)
            if entity is None:
                entity = self.index.add(n.text, "Person", None)
            self.index._mention(entity.key, n.span, name=True)
        for n in sorted(names, key=lambda n: n.span):
            if n.type == "Person" and len(n.words) > 1:
                continue
            entity = None
            if len(n.words) == 1:
                entity = self.index._person_named(n.words[0])
                if entity is None and self.index._names_a_person(n.words[0]):
                    n.type = "Person"  # a surname two people of the article share: still a person
            if entity is None and n.type == "Person":
                entity = self.index.lookup(n.text)
                if entity is None or entity.type != "Person":
                    entity = self.index.add(n.text, "Person", None)
            if entity is None:
                entity = self._add_name(n.text, n.type)
                self._acronym_after(n.last, entity)
            self.index._mention(entity.key, n.span, name=True)

    def resolve_posts(self, posts: list[tuple[Span, list[tuple[str, bool]]]]) -> None:
        """A post title is a mention of its holder: one the article names, else the holder at the date."""
        for span, ids in posts:
            holder = self.index._post_holder(ids, span[0])
            if holder is not None:
                self.index._from_kb(holder)
                self.index._mention(holder.id, span, name=False)

    def spokespeople(self) -> None:
        """"un porte-parole d'Amazon", "a Meta spokesperson": a person who speaks for the organisation; the
        mention spans both words, so the phrase as a whole means the spokesperson and the name alone the
        organisation. "Le porte-parole" alone is the last spokesperson named."""
        c = cues()
        for k, t in enumerate(self.tokens):
            if fold(t.text) not in c.spokespeople or not self.free(t.i, t.i):
                continue
            span = self.span(t, t)
            beside = self._organisation_next_to(k)
            if beside is not None:
                organisation, (start, end) = beside
                actor = self.kb.actors.get(organisation.key)
                label = c.spokesperson_label.format(organisation=actor.short if actor and actor.short
                                                    else organisation.label)
                person = self.index.add(label, "Person", None, key=f"{organisation.key}-spokesperson",
                                        acts_for=organisation.key)
                span = (min(start, span[0]), max(end, span[1]))
            else:
                if k == 0 or fold(self.tokens[k - 1].text) not in c.definite:
                    continue
                person = self._previous_spokesperson(span[0])
                if person is None:
                    continue
            self.take(t.i, t.i)
            self.index._mention(person.key, span, name=False)

    def _organisation_next_to(self, k: int) -> tuple[Entity, Span] | None:
        """The organisation named right after a spokesperson word (after de/of/for) or right before it,
        with the span of that mention."""
        tokens = self.tokens
        neighbours = [tokens[k + offset] for offset in (1, 2) if k + offset < len(tokens)]
        for position, token in enumerate(neighbours):
            found = self._organisation_mention(token)
            if found is not None:
                return found
            if position == 0 and not (token.pos_ == "ADP" or token.dep_ in ("case", "prep")
                                      or fold(token.text) in cues().determiners):
                break
        return self._organisation_mention(tokens[k - 1]) if k > 0 else None

    def _organisation_mention(self, token: Token) -> tuple[Entity, Span] | None:
        entity = self.index.entity_at(token.idx, token.idx + len(token.text))
        if entity is None or entity.type not in ORGANISATION_TYPES:
            return None
        spans = [m for m in entity.mentions if m[0] <= token.idx < m[1]]
        return (entity, spans[0]) if spans else None

    def _previous_spokesperson(self, before: int) -> Entity | None:
        for s, _, key in reversed(self.index._mentions[:bisect_left(self.index._mentions, (before,))]):
            entity = self.index.entities[key]
            if entity.acts_for is not None and entity.type == "Person":
                return entity
        return None

    def descriptions_and_anaphors(self) -> None:
        """Definite descriptions ("le géant du logiciel") and anaphoric nouns ("l'application"),
        in text order so that each can refer back to what the ones before it resolved."""
        c = cues()
        anaphors, _ = cue_tables(self.language)
        steps: list[tuple[int, Callable[[], None]]] = []
        for i, j, values in anaphors.scan(self.tokens):
            types, complement = values[0]
            steps.append((self.tokens[i].idx, partial(self._anaphor, i, j, types, complement)))
        for k, t in enumerate(self.tokens):
            if fold(t.text) in c.description_heads:
                steps.append((t.idx, partial(self._description, k)))
        for _, step in sorted(steps, key=itemgetter(0)):
            step()

    def _anaphor(self, i: int, j: int, types: tuple[str, ...], complement: bool) -> None:
        first, last = self.tokens[i], self.tokens[j - 1]
        if not self.free(first.i, last.i):
            return
        if not complement and _noun_complement(last):
            return
        entity = self.index._antecedent(types, first.idx, cues().window)
        if entity is not None:
            self.take(first.i, last.i)
            self.index._mention(entity.key, self.span(first, last), name=False)

    def _name_after(self, k: int, types: Sequence[str]) -> tuple[Entity, Token] | None:
        """The entity named right after a description head, past adjectives ("le géant américain Amazon"),
        with the name's last token."""
        for nxt in self.tokens[k + 1:k + 4]:
            if nxt.pos_ == "ADJ":
                continue
            entity = self.index.entity_at(nxt.idx, nxt.idx + len(nxt.text))
            if entity is None or entity.type not in types:
                return None
            for s, e in entity.mentions:
                if s == nxt.idx:
                    name = self.doc.char_span(s, e, alignment_mode="expand")
                    return (entity, name[-1]) if name is not None else None
            return None
        return None

    def _description(self, k: int) -> None:
        """A definite singular description: the name it gives ("le géant Amazon"), else, when it names
        nothing else, the most recent compatible entity ("the social media giant")."""
        head = self.tokens[k]
        types = cues().description_heads[fold(head.text)]
        det = [t for t in head.lefts if t.dep_ == "det"]
        if "Plur" in head.morph.get("Number") or not det or fold(det[0].text) not in cues().definite \
                or not self.free(head.i, head.i):
            return
        following = self._name_after(k, types)
        if following is not None:
            entity, last = following
            self.index._mention(entity.key, self.span(det[0], last), name=True)
            return
        extent = _noun_phrase(head)
        inside = [e for t in extent if t is not head and (e := self.index.entity_at(t.idx, t.idx + len(t.text)))
                  and e.type in NAME_TYPES]
        if inside:
            return  # "le géant de la distribution Carrefour", "the giant of Brazilian mining Vale": not ours
        entity = self.index._antecedent(types, extent[0].idx, None)
        if entity is not None and self.free(extent[0].i, extent[-1].i):
            self.take(extent[0].i, extent[-1].i)
            self.index._mention(entity.key, self.span(extent[0], extent[-1]), name=False)


def _noun_complement(token: Token) -> bool:
    """Whether ``token`` heads the complement of a noun: "(les patrons) de la technologie", "(leaders) of
    the technology" (French parses: nmod of the noun; English: object of a preposition on the noun)."""
    nominal = ("NOUN", "PROPN")
    return (token.dep_ == "nmod" and token.head.pos_ in nominal) or \
        (token.dep_ == "pobj" and token.head.head.pos_ in nominal)


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 8 and word.isalpha() and word.isupper()


NOUN_PHRASE_DEPS = frozenset({"det", "amod", "nmod", "case", "flat", "flat:name", "compound", "fixed", "nummod",
                              "poss", "nmod:poss", "prep", "pobj"})


def _noun_phrase(head: Token) -> list[Token]:
    """The contiguous tokens of ``head``'s noun phrase without clauses, appositions or punctuation."""
    inside = {head.i}
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in NOUN_PHRASE_DEPS and not child.is_punct:
                inside.add(child.i)
                stack.append(child)
    lo = hi = head.i
    while lo - 1 in inside:
        lo -= 1
    while hi + 1 in inside:
        hi += 1
    return list(head.doc[lo:hi + 1])
