"""Knowledge-base matching: the phrase table of known names and post titles, and the index's resolution of
a name or post title to a known actor (near-miss spellings, the holder of a post)."""
from __future__ import annotations

from dataclasses import dataclass

from policykg.ontology import ORGANISATION_TYPES
from policykg.loaders.extract.names import NAME_TYPES, PhraseTable
from policykg.loaders.kb import Actor, KnowledgeBase, normalise, one_letter_off
from policykg.loaders.model import Article, Entity


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



class KbMatching:
    """Knowledge-base lookups of an article's entity index (mixed into ``EntityIndex``)."""

    entities: dict[str, Entity]
    kb: KnowledgeBase
    article: Article | None
    _text: str
    _names: dict[str, str]

    def _from_kb(self, actor: Actor) -> Entity:
        """The entity of a knowledge-base actor, created on first use."""
        if actor.id not in self.entities:
            self.entities[actor.id] = Entity(key=actor.id, label=self._local_label(actor), type=actor.type,
                                             wikidata=actor.wikidata)
            self._names.setdefault(normalise(actor.label), actor.id)
        return self.entities[actor.id]

    def _local_label(self, actor: Actor) -> str:
        """An international body's official name in the article's language ("Commission européenne" in a French
        article), so that the graph names it as its readers do; else its label."""
        language = ((self.article.language if self.article else None) or "").split("-")[0]
        return actor.official.get(language, actor.label)

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
