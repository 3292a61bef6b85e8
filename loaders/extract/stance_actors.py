"""Who speaks as what, for the stance rules: the authorities of an article (whose statement of what will be done
announces their own measure) and the families of organisations (an organisation's own voice defends it)."""
from __future__ import annotations

from collections.abc import Sequence

from policykg.loaders.extract.entities import EntityIndex
from policykg.loaders.extract.stance_lexicon import Lexicon, phrase
from policykg.loaders.model import Relation

AUTHORITIES = frozenset({"GovernmentBody"})
"""Entity types whose statement of what will be done announces their own measure."""
FAMILY_PREDICATES = frozenset({"owns", "leads", "speaks_for"})
"""Relations that make two entities one family."""


def authorities(index: EntityIndex, relations: Sequence[Relation], lex: Lexicon) -> frozenset[str]:
    """Entity keys that speak as an authority: government bodies, who speaks for one, and who holds a role of
    government the article states ("the health minister, X": a ``holds_role`` relation) or is only named by it
    ("..., the education secretary announced")."""
    def authority(key: str | None) -> bool:
        entity = index.entities.get(key or "")
        return entity is not None and entity.type in AUTHORITIES

    role_holders = {r.subject for r in relations if r.predicate == "holds_role" and _names_role(r.object, lex)}
    return frozenset(key for key, entity in index.entities.items()
                     if authority(key) or authority(entity.acts_for) or key in role_holders
                     or entity.type == "Person" and _names_role(entity.label, lex)  # "the education secretary"
                     or entity.type != "Person" and _names_body(entity.label, lex))  # "Westbridge City Council"


def _names_role(title: str, lex: Lexicon) -> bool:
    words = phrase(title)
    return any(words[i:i + len(role)] == role
               for role in lex.authority_roles for i in range(len(words) - len(role) + 1))


def _names_body(name: str, lex: Lexicon) -> bool:
    """Whether a name begins or ends with a body of government ("Westbridge City Council", "Conseil régional")."""
    words = [w for w in phrase(name) if w.isalpha()]
    return bool(words) and not lex.authority_bodies.isdisjoint((words[0], words[-1]))


def families(index: EntityIndex, relations: Sequence[Relation]) -> dict[str, int]:
    """Entity key → family number: owners, what they own, their leaders and spokespeople are one family.

    Built from the relations the text states (``relations``, found once for the article) and the knowledge
    base's ownership and leadership facts (used to judge stance only; they are never emitted as relations of
    the article)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    edges = [(r.subject, r.object) for r in relations if r.predicate in FAMILY_PREDICATES]
    edges += [(e.key, e.acts_for) for e in index.entities.values() if e.acts_for]
    for key in index.entities:
        actor = index.kb.actors.get(key)
        if actor is not None:
            edges += [(key, other) for other in (*actor.owns, *actor.leads)]
    for a, b in edges:
        parent[root(a)] = root(b)
    numbers: dict[str, int] = {}
    return {key: numbers.setdefault(root(key), len(numbers)) for key in list(parent)}
