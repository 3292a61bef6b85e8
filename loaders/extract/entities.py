"""An article's entities: the actors, platforms, features, topics and places it names, with every mention.

``recognise`` runs the recogniser (``recognition``) over an article into an ``EntityIndex``; the index
resolves names to entities through within-article coreference (``coref``), the actor knowledge base
(``kb_match``) and stable keys (``keys``). Cue words are data: ``loaders/data/entity_cues.yaml``.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable

from spacy.tokens import Doc

from policykg.loaders.extract.coref import ArticleCoreference
from policykg.loaders.extract.kb_match import KbMatching
from policykg.loaders.extract.keys import entity_key, parse_person, person_form, reference_word
from policykg.ontology import ORGANISATION_TYPES
from policykg.loaders.extract.names import cues, fold, is_acronym, is_description, names_a_thing, shortens
from policykg.loaders.extract.recognition import Recogniser
from policykg.loaders.kb import KnowledgeBase, default_kb, normalise
from policykg.loaders.model import Article, Entity, Span, slugify

__all__ = ["EntityIndex", "fold", "recognise"]
"""``fold`` is re-exported: the statement, target, relation and fact extractors import it from here."""
ACTOR_TYPES = ORGANISATION_TYPES | {"Person"}


class EntityIndex(ArticleCoreference, KbMatching):
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

    def story_place(self, before: int, quoted: Callable[[int], bool]) -> Entity | None:
        """The place a local body ("the borough council", « la mairie ») belongs to when no place stands near it: the
        one place named before ``before`` outside quotations; when several are, the first the headline and lead (the
        first three sentences) name; None when neither settles it. A nation ("Britain", "the UK") has no local body:
        a "United Kingdom Council" is a town the NER missed, not a council."""
        places: dict[str, tuple[int, Entity]] = {}
        nations = cues().nations
        for start, _, key in self._mentions[:bisect_left(self._mentions, (before,))]:
            entity = self.entities[key]
            folded = entity.label.casefold()
            if entity.type != "Place" or quoted(start) or folded in places and not places[folded][1].label.isupper() \
                    or fold(entity.label) in nations:
                continue
            places[folded] = (places.get(folded, (start, entity))[0], entity)  # "BRADWELL —" is named Bradwell
        if len(places) == 1:
            return next(iter(places.values()))[1]
        lead_end = self._sentence_starts[3] if len(self._sentence_starts) > 3 else len(self._text)
        return next((entity for start, entity in places.values() if start < lead_end), None)

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
        if (found := self._person_named(core, at)) is not None:
            return found
        actors = self.kb.find(core) or self.kb.find(key)
        if actors:
            known = [a for a in actors if a.id in self.entities]
            return self._from_kb((known or actors)[0])
        title = self._post_title(key)
        posts = [(post.id, ambiguous) for post, ambiguous in self.kb.find_posts(title)] if title else []
        if posts:
            holder = self._post_holder(posts, at if at is not None else len(self._text))
            return self._from_kb(holder) if holder is not None else None
        return self._near_miss(core, type_=None)

    def add(self, label: str, type: str, span: tuple[int, int] | None, *, key: str | None = None,
            acts_for: str | None = None) -> Entity:
        """Register an entity (or one more mention of a known one), e.g. an unnamed spokesperson for AWS or a
        speaker the NER missed. Returns the entity.

        Only actors are actors: a phrase naming a thing ("a letter from his doctor", "the Clinton Plan") is
        a Topic, and, without ``key``, a person's name followed by a common noun ("Cheryl Mills lawyer") is
        someone this article does not name (a key scoped to the article, like unnamed speakers)."""
        if type in ACTOR_TYPES and names_a_thing(label):
            type = "Topic"
        if key is None:
            known = self._names.get(normalise(label))
            if known is not None and (self.entities[known].type == "Person") == (type == "Person"):
                key = known
            else:
                actors = [a for a in self.kb.find(label) if a.type == type]
                key = actors[0].id if actors else self._new_key(label, type)
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

    def _new_key(self, label: str, type: str) -> str:
        """The key of an entity the knowledge base does not know (``keys.entity_key``), scoped to the
        article for a person described by a common noun."""
        if type == "Person" and is_description(label) and self.article is not None:
            return slugify(f"{self.article.id} {label}")
        return entity_key(label, type)

    # -- building the index (used by recognise) --------------------------------------------------

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
                self._form(entity, surface)

    def _form(self, entity: Entity, surface: str) -> None:
        """Count a named mention's surface among the entity's full forms: for a person, the name without
        the title before it, when it has a first name and a surname ("Whitfield", "Ms. Whitfield" are
        references, not forms); for an organisation, a name that is not an acronym."""
        if entity.type == "Person":
            if not parse_person(surface).full:
                return
            surface = person_form(surface)
        elif is_acronym(surface):
            return  # "CDS" abbreviates the name, as a surname does
        entity.forms[surface] = entity.forms.get(surface, 0) + 1


def recognise(article: Article, doc: Doc, kb: KnowledgeBase | None = None) -> EntityIndex:
    """The entities ``article`` names, resolved, with every mention. ``doc`` is the NLP of ``article.nlp_text()``.
    An entity the knowledge base does not know is labelled with its most frequent full form in the article
    (``_full_forms``; ties: the smallest), the label the article graph records for the corpus-wide description; a person it names
    by one word only is a ``reference`` for the corpus to decide."""
    index = EntityIndex(article, kb, doc=doc)
    Recogniser(index, doc).run()
    scoped = slugify(article.id) + "-"
    for entity in index.entities.values():
        if entity.key in index.kb.actors:
            continue
        if entity.forms:
            entity.label = min(_full_forms(entity).items(), key=lambda form: (-form[1], form[0]))[0]
        elif entity.type == "Person" and entity.acts_for is None and not entity.key.startswith(scoped):
            entity.reference = reference_word(entity.label)
    return index


def _full_forms(entity: Entity) -> dict[str, int]:
    """An entity's forms less, for an organisation or a place, those that only open a longer one ("Carrick" beside
    "Carrick Retail Consortium") or leave out its middle words ("Kelso Council" beside "Kelso Borough Council"): a
    short reference, as a surname is for a person."""
    if entity.type == "Person":
        return entity.forms
    words = {form: form.split() for form in entity.forms}
    return {form: n for form, n in entity.forms.items()
            if not any(shortens(words[form], other) for other in words.values())}
