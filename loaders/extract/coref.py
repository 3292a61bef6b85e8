"""Within-article coreference: a surname, a title or an acronym is the full name the article introduced, an
unnamed spokesperson acts for the organisation next to it, and definite descriptions and common nouns
("le géant américain du logiciel", "the app") refer back to the most recent compatible entity, only when
there is one nearby."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import partial
from operator import itemgetter

from spacy.tokens import Doc, Token

from policykg.loaders.extract.names import NAME_TYPES, ORGANISATION_TYPES, cue_tables, cues, fold, is_acronym
from policykg.loaders.kb import KnowledgeBase, normalise, strip_accents
from policykg.loaders.model import Entity, Span


class ArticleCoreference:
    """Resolution of short names and anaphors to the entities of one article (mixed into ``EntityIndex``)."""

    entities: dict[str, Entity]
    _mentions: list[tuple[int, int, str]]
    _sentence_starts: list[int]

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
        if not is_acronym(name):
            return None
        for entity in self.entities.values():
            words = [w for w in entity.label.split() if w[:1].isupper()]
            if entity.type in ORGANISATION_TYPES and len(words) > 1 and "".join(w[0] for w in words) == name:
                return entity
        return None

    def _names_a_person(self, core: str) -> bool:
        """Whether ``core`` is one of the words of the name of a person of the article."""
        return any(e.type == "Person" and core in normalise(e.label).split() for e in self.entities.values())


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



class AnaphoraSteps:
    """The recogniser's coreference steps: spokespeople, descriptions, anaphoric nouns (mixed into ``Recogniser``)."""

    doc: Doc
    tokens: list[Token]
    kb: KnowledgeBase
    language: str

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
