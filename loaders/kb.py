"""The actor knowledge base: who the known actors of a debate are, what they are called, which posts they hold.

Entity recognition resolves mentions against it (``Meta``, ``le géant Amazon``, ``the Home Secretary``),
and its ids become the stable entity keys. The packaged ``data/actors.yaml`` is always read first; a user's
own files (env ``POLICYKG_ACTORS``, a list of paths separated by ``os.pathsep``, or the ``paths`` argument)
are read after it and may add actors or extend packaged ones (same ``id``: aliases and facts are merged,
scalar fields replaced).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from policykg.config import settings
from policykg.ontology import ENTITY_TYPES

FACT_FIELDS = ("member_of", "leads", "owns", "based_in")
"""Structured facts an actor may carry, each a list of actor ids (relation predicates of the model)."""

_QUOTES = "’‘'«»“”\"‹›„‚`´"
_NO_QUOTES = str.maketrans("", "", _QUOTES)
_PUNCT_OR_SPACE = re.compile(r"[\W_]+")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed; the message names the file and the entry."""


def normalise(text: str) -> str:
    """Comparison form of a name, as the gold scoring defines it: NFKC, lower case, quotes and apostrophes
    removed, runs of white space and punctuation folded to one space, trimmed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(_NO_QUOTES)
    return _PUNCT_OR_SPACE.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """``États-Unis`` → ``Etats-Unis``: names are often written without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Role:
    """One holding of a post, with ``YYYY[-MM[-DD]]`` bounds (``end`` None: still held or unknown)."""

    post: str
    start: str | None = None
    end: str | None = None

    def held_at(self, date: str) -> bool:
        """Whether the post was held at ``date`` (compared at the precision both sides have)."""
        def before(a: str, b: str) -> bool:
            n = min(len(a), len(b))
            return a[:n] <= b[:n]
        return (self.start is None or before(self.start, date)) and (self.end is None or before(date, self.end))


@dataclass
class Post:
    """A position ("Security Minister", "Home Secretary"), named in several languages."""

    id: str
    label: str
    organisation: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    """Titles that also name other countries' posts ("ministre de l'Intérieur"): they mean this post only
    when the article names one of its holders."""

    def names(self) -> list[tuple[str, bool]]:
        """Every title with whether it is ambiguous."""
        return [(self.label, False), *((a, False) for names in self.aliases.values() for a in names),
                *((a, True) for names in self.ambiguous.values() for a in names)]


@dataclass
class Actor:
    """A known entity: actor, platform, feature, topic or place."""

    id: str
    label: str
    type: str
    aliases: dict[str, list[str]] = field(default_factory=dict)
    """Language code → names and usual short names in that language."""
    official: dict[str, str] = field(default_factory=dict)
    """Language code → an international body's official name in that language, its label in articles of that
    language ("Commission européenne"); a national body keeps its own name, whatever the article's language."""
    short: str | None = None
    """The short name used to derive labels such as ``AWS spokesperson``; the label when unset."""
    wikidata: str | None = None
    description: str | None = None
    roles: list[Role] = field(default_factory=list)
    member_of: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    owns: list[str] = field(default_factory=list)
    based_in: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """The label, then every alias in every language."""
        return [self.label, *(a for names in self.aliases.values() for a in names)]


class KnowledgeBase:
    """Actors and posts by id, with lookup by any of their names."""

    def __init__(self, actors: dict[str, Actor], posts: dict[str, Post]) -> None:
        self.actors = actors
        self.posts = posts
        self._by_name: dict[str, list[str]] = {}
        for actor in actors.values():
            for name in actor.names():
                ids = self._by_name.setdefault(normalise(name), [])
                if actor.id not in ids:
                    ids.append(actor.id)
        self._by_length: dict[int, list[tuple[str, str]]] = {}
        for name, ids in self._by_name.items():
            self._by_length.setdefault(len(name), []).extend((name, i) for i in ids)
        self._posts_by_name: dict[str, list[tuple[str, bool]]] = {}
        for post in posts.values():
            for name, ambiguous in post.names():
                entries = self._posts_by_name.setdefault(normalise(name), [])
                if (post.id, ambiguous) not in entries:
                    entries.append((post.id, ambiguous))
        self._holders: dict[str, list[tuple[Role, Actor]]] = {}
        for actor in actors.values():
            for role in actor.roles:
                self._holders.setdefault(role.post, []).append((role, actor))

    @classmethod
    def load(cls, paths: Iterable[str | Path] = ()) -> KnowledgeBase:
        """The packaged knowledge base, then the files named in ``POLICYKG_ACTORS``, then ``paths``."""
        env = settings().actor_files
        sources: list[tuple[str, str]] = [("actors.yaml (packaged)", _packaged_text())]
        for path in [*env, *paths]:
            sources.append((str(path), Path(path).read_text(encoding="utf-8")))
        actors: dict[str, Actor] = {}
        posts: dict[str, Post] = {}
        for name, text in sources:
            _merge(name, yaml.safe_load(text) or {}, actors, posts)
        _check_references(actors, posts)
        return cls(actors, posts)

    def find(self, name: str) -> list[Actor]:
        """Actors one of whose names equals ``name`` after normalisation."""
        return [self.actors[i] for i in self._by_name.get(normalise(name), ())]

    def find_near(self, name: str) -> list[Actor]:
        """Actors with a name one letter off ``name`` (see ``one_letter_off``), for typos."""
        key = normalise(name)
        ids = dict.fromkeys(i for known, i in self._by_length.get(len(key), ()) if one_letter_off(key, known))
        return [self.actors[i] for i in ids]

    def find_posts(self, name: str) -> list[tuple[Post, bool]]:
        """Posts one of whose titles equals ``name`` after normalisation, with whether that title is ambiguous."""
        return [(self.posts[i], ambiguous) for i, ambiguous in self._posts_by_name.get(normalise(name), ())]

    def holders(self, post: str, date: str | None = None) -> list[Actor]:
        """Who held ``post`` (at ``date`` when given), most recent holding first."""
        found = [(role, actor) for role, actor in self._holders.get(post, ()) if date is None or role.held_at(date)]
        found.sort(key=lambda pair: pair[0].start or "", reverse=True)
        return [actor for _, actor in found]

    def names(self) -> Iterator[tuple[str, Actor]]:
        """Every (name, actor) pair, for building matchers."""
        for actor in self.actors.values():
            for name in dict.fromkeys(actor.names()):
                yield name, actor

    def post_names(self) -> Iterator[tuple[str, Post, bool]]:
        """Every (title, post, ambiguous) triple, for building matchers."""
        for post in self.posts.values():
            for name, ambiguous in dict.fromkeys(post.names()):
                yield name, post, ambiguous


def one_letter_off(a: str, b: str) -> bool:
    """Same length, same first letter, exactly one other letter different: "reutors" / "reuters"."""
    if len(a) != len(b) or a == b or a[:1] != b[:1]:
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diffs) == 1 and a[diffs[0]].isalpha() and b[diffs[0]].isalpha()


@cache
def default_kb() -> KnowledgeBase:
    """The knowledge base of this process (packaged + ``POLICYKG_ACTORS``), loaded once."""
    return KnowledgeBase.load()


def _packaged_text() -> str:
    return resources.files("policykg.loaders").joinpath("data/actors.yaml").read_text(encoding="utf-8")


def _aliases(source: str, entry: dict) -> dict[str, list[str]]:
    aliases = entry.get("aliases") or {}
    if isinstance(aliases, list):  # a plain list: language-neutral names
        aliases = {"any": aliases}
    if not isinstance(aliases, dict) or not all(isinstance(v, list) for v in aliases.values()):
        raise KnowledgeBaseError(f"{source}: {entry.get('id')}: aliases must be a list or a mapping language → list")
    found = {str(lang): [str(a) for a in names] for lang, names in aliases.items()}
    for names in found.values():
        _check_unsplit(source, entry, names)
    return found


SPLIT_OPENINGS = ("and ", "or ", "of ", "for ", "et ", "ou ", "de ", "des ", "du ", "d'", "d’")
"""How a piece of a name cut at a comma may start ("de l'Innovation et de la Technologie"); no name starts so."""


def _check_unsplit(source: str, entry: dict, names: list[str]) -> None:
    """YAML cuts an unquoted name with commas in a flow list (``[Secretary of State for Digital, Culture, Media and
    Sport]``) into several names, which then match every "Culture" in a text: refuse a name that opens like a piece
    of another, or names that join back into the entry's label."""
    label = str(entry.get("label", ""))
    for k, name in enumerate(names):
        if name.startswith(SPLIT_OPENINGS) or ", " in label and any(
                ", ".join(names[k:j]) == label for j in range(k + 2, len(names) + 1)):
            raise KnowledgeBaseError(f"{source}: {entry.get('id')}: alias {name!r} looks like a piece of a name cut at a "
                                     "comma: quote names that hold commas in YAML lists")


def _merge_aliases(into: dict[str, list[str]], new: dict[str, list[str]]) -> None:
    for lang, names in new.items():
        bucket = into.setdefault(lang, [])
        bucket.extend(n for n in names if n not in bucket)


def _merge(source: str, data: dict, actors: dict[str, Actor], posts: dict[str, Post]) -> None:
    """Add one file's posts and actors; an id seen before extends the earlier entry."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{source}: expected a mapping with 'actors' and/or 'posts'")
    for entry in data.get("posts") or ():
        if "id" not in entry:
            raise KnowledgeBaseError(f"{source}: a post without an id: {entry}")
        post = posts.get(entry["id"])
        if post is None:
            post = posts[entry["id"]] = Post(id=entry["id"], label=entry.get("label", entry["id"]))
        post.label = entry.get("label", post.label)
        post.organisation = entry.get("organisation", post.organisation)
        _merge_aliases(post.aliases, _aliases(source, entry))
        _merge_aliases(post.ambiguous, _aliases(source, {"id": entry["id"], "aliases": entry.get("ambiguous")}))
    for entry in data.get("actors") or ():
        if "id" not in entry:
            raise KnowledgeBaseError(f"{source}: an actor without an id: {entry}")
        actor = actors.get(entry["id"])
        if actor is None:
            if "label" not in entry or "type" not in entry:
                raise KnowledgeBaseError(f"{source}: {entry['id']}: a new actor needs a label and a type")
            actor = actors[entry["id"]] = Actor(id=entry["id"], label=entry["label"], type=entry["type"])
        for scalar in ("label", "type", "short", "wikidata", "description"):
            if entry.get(scalar) is not None:
                setattr(actor, scalar, str(entry[scalar]))
        if actor.type not in ENTITY_TYPES:
            raise KnowledgeBaseError(f"{source}: {actor.id}: unknown type {actor.type!r} (one of {', '.join(ENTITY_TYPES)})")
        _merge_aliases(actor.aliases, _aliases(source, entry))
        actor.official.update({str(lang): str(name) for lang, name in (entry.get("official") or {}).items()})
        for role in entry.get("roles") or ():
            new = Role(post=role["post"], start=_date(role.get("start")), end=_date(role.get("end")))
            if new not in actor.roles:
                actor.roles.append(new)
        for name in FACT_FIELDS:
            values = getattr(actor, name)
            values.extend(v for v in entry.get(name) or () if v not in values)


def _date(value: object) -> str | None:
    """YAML reads ``2022-09-06`` as a date and ``2022`` as an int: keep them as ISO strings."""
    return None if value is None else str(value)


def _check_references(actors: dict[str, Actor], posts: dict[str, Post]) -> None:
    for actor in actors.values():
        for role in actor.roles:
            if role.post not in posts:
                raise KnowledgeBaseError(f"{actor.id}: role names an unknown post {role.post!r}")
        for name in FACT_FIELDS:
            for target in getattr(actor, name):
                if target not in actors:
                    raise KnowledgeBaseError(f"{actor.id}: {name} names an unknown actor {target!r}")
    for post in posts.values():
        if post.organisation is not None and post.organisation not in actors:
            raise KnowledgeBaseError(f"post {post.id}: unknown organisation {post.organisation!r}")
