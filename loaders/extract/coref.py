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

from rapidfuzz.distance import Levenshtein

from policykg.loaders.extract.keys import (DROPPED_SUFFIXES, PersonName, name_words, parse_person, reference_word,
                                          same_first_name)
from policykg.ontology import ORGANISATION_TYPES
from policykg.loaders.extract.names import (
    NAME_TYPES, cue_tables, cues, cut_at_and, fold, is_acronym, is_description, middle_left_out,
    qualifier_left_out,
)
from policykg.loaders.kb import KnowledgeBase, normalise, strip_accents
from policykg.loaders.model import Entity, Span


class ArticleCoreference:
    """Resolution of short names and anaphors to the entities of one article (mixed into ``EntityIndex``)."""

    entities: dict[str, Entity]
    _mentions: list[tuple[int, int, str]]
    _sentence_starts: list[int]

    def _core_name(self, key: str) -> str:
        """A normalised name without leading determiners and titles: "m tugendhat" → "tugendhat",
        "former president obama" → "obama"."""
        c = cues()
        drop = c.honorifics | c.determiners | c.title_modifiers | c.title_references
        words = key.split()
        while len(words) > 1 and strip_accents(words[0]) in drop:
            words.pop(0)
        return " ".join(words)

    def _same_body(self, name: str) -> Entity | None:
        """"Kelso Council" beside "Kelso Borough Council", whichever comes first: the one organisation of the article
        whose name leaves out the middle words of ``name``, or whose middle words ``name`` leaves out, or a public body
        one cuts before an "and" (``cut_at_and``: "Department of Health" of "... and Social Care") or names by its
        head alone (``qualifier_left_out``: "the Commission" of "the European Commission"); the long name is
        then its label (``entities._full_forms``). None when there is none, or more than one ("Kelso Town Council"
        and "Kelso District Council")."""
        words = normalise(name).split()

        def full_names(entity: Entity) -> list[list[str]]:  # not a short form it already took ("Kelso Council")
            names = [normalise(n).split() for n in {entity.label, *entity.forms}]
            return [n for n in names if not any(middle_left_out(n, other) for other in names)]

        found = [e for e in self.entities.values() if e.type in ORGANISATION_TYPES and any(
            middle_left_out(words, other) or middle_left_out(other, words)
            or e.type == "GovernmentBody" and (cut_at_and(words, other) or cut_at_and(other, words)
                                               or qualifier_left_out(words, other)) for other in full_names(e))]
        return found[0] if len(found) == 1 else None

    def _post_title(self, key: str) -> str | None:
        """A normalised post title without its determiners and honorifics; None when a modifier makes it another
        post ("the shadow home secretary", "the former minister"), whose holder the knowledge base does not give."""
        c = cues()
        words = key.split()
        while len(words) > 1 and strip_accents(words[0]) in c.honorifics | c.determiners:
            words.pop(0)
        return None if strip_accents(words[0]) in c.title_modifiers else " ".join(words)

    def _people(self) -> list[tuple[Entity, list[PersonName]]]:
        """The article's named people with their full names, parsed; not people a description names ("Council
        leaders", whose "council" is no surname)."""
        found = []
        for entity in self.entities.values():
            if entity.type == "Person" and entity.acts_for is None and not is_description(entity.label):
                names = [parse_person(n) for n in sorted({entity.label, *entity.forms})]
                found.append((entity, [n for n in names if n.full]))
        return [(e, names) for e, names in found if names]

    def _person_named(self, core: str, at: int | None = None) -> Entity | None:
        """The person of the article whose full name ends with ``core`` (a single word), or else begins with
        it: "Whitfield" or "Melania" after "Jane A. Whitfield" or "Melania Trump", "Xi" after "Xi Jinping".
        When two people share it ("Clinton" after "Bill Clinton" and "Hillary Clinton"), the one named more
        often before ``at``, then the one named last."""
        word = reference_word(core)
        if word is None:
            return None
        people = self._people()
        for position in (-1, 0):
            found = [e for e, names in people if any(n.words[position] == word for n in names)]
            if found:
                return max(found, key=lambda e: self._salience(e, at)) if len(found) > 1 else found[0]
        if len(word) >= 6:  # a one-letter typo of a surname: "McLenney" for "McClenney"; not of a described
            # person's noun ("ministre" is not a typo of "le porte-parole du ministère")
            found = [e for e, names in people if e.label[:1].isupper() and any(
                len(n.last) >= 6 and Levenshtein.distance(n.last, word) == 1 for n in names)]
            if len(found) == 1:
                return found[0]
        return None

    def _organisation_named(self, word: str) -> Entity | None:
        """The one organisation of the article whose name of several words begins with ``word``: "Patriot"
        after "Patriot Coal Corp.", whatever the NER called it."""
        folded = name_words(word)
        found = [e for e in self.entities.values() if e.type in ORGANISATION_TYPES and len(folded) == 1
                 and len(name_words(e.label)) > 1 and name_words(e.label)[0] == folded[0]]
        return found[0] if len(found) == 1 else None

    def _salience(self, entity: Entity, at: int | None) -> tuple[int, int]:
        """How many mentions of ``entity`` come before ``at`` (all when None), and where the last one starts."""
        before = [s for s, _ in entity.mentions if at is None or s < at]
        return len(before), max(before, default=-1)

    def _same_person(self, text: str) -> Entity | None:
        """The person of the article a full name also names: a longer form ending with it ("Peña Nieto",
        "Enrique Peña Nieto"), or the same surname with the same first name, an initial or a nickname of it
        ("Donald Trump", "Donald J. Trump"; "Joe Biden", "Joseph R. Biden Jr."). "Sr." and "III" stay apart."""
        name = parse_person(text)
        if not name.words:
            return None
        for entity, names in self._people():
            for known in names:
                if not _suffixes_agree(name.suffix, known.suffix):
                    continue
                if known.words[-len(name.words):] == name.words or \
                        (name.full and known.last == name.last and same_first_name(known.first, name.first)):
                    return entity
        return None

    def _acronym_of(self, name: str) -> Entity | None:
        """The organisation of the article whose initials ``name`` is ("IMF": International Monetary Fund), those
        of its capitalised words or, for a name in sentence case, of all but its articles and prepositions ("ARS":
        Agence régionale de santé)."""
        if not is_acronym(name):
            return None
        small = cues().determiners | cues().complement_joins | {"et", "and", "pour", "sur", "en"}
        for entity in self.entities.values():
            label = entity.label.split()
            words = [w for w in label if w[:1].isupper()]
            content = [w for w in label if fold(w) not in small] if label[0][:1].isupper() else []
            if entity.type in ORGANISATION_TYPES and any(
                    len(ws) > 1 and "".join(w[0] for w in ws).upper() == name for ws in (words, content)):
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

    def title_references(self) -> None:
        """"the senator", "la ministre": the person the article last introduced with that title ("Senator
        Jane A. Whitfield", "Sen. Whitfield"); nothing when it introduced no one so. A title after "former"
        or "vice" is not the person's ("Vice President Joe Biden" is not "the president")."""
        c = cues()
        by_start = {t.idx: k for k, t in enumerate(self.tokens)}
        titled: list[tuple[int, str, str]] = []
        for start, _, key in self.index._mentions:
            k = by_start.get(start)
            if k is None or self.index.entities[key].type != "Person" or self.index.entities[key].acts_for:
                continue
            title = next((_title(t) for t in reversed(self.tokens[max(0, k - 3):k]) if _title(t)), None)
            if title is not None and not (k >= 2 and fold(self.tokens[k - 2].text) in c.title_modifiers):
                titled.append((start, title, key))
        for k, t in enumerate(self.tokens[1:-1], start=1):
            title = _title(t)
            if title is None or not t.text.islower() or fold(self.tokens[k - 1].text) not in c.definite \
                    or self._named_after_title(k) or not self.free(self.tokens[k - 1].i, t.i):
                continue
            earlier = [key for start, name, key in titled if name == title and start < t.idx]
            if earlier and not self._apposed_person(k):
                self.claim(earlier[-1], self.tokens[k - 1], t, name=False)

    def _named_after_title(self, k: int) -> bool:
        """Whether a capitalised word follows the title at ``k``, past lower-case adjectives ("la sénatrice Anne X",
        "la sénatrice écologiste Anne X"): the title introduces the person named, not the one called so before."""
        j = k + 1
        while j < min(k + 4, len(self.tokens) - 1) and self.tokens[j].pos_ == "ADJ" and self.tokens[j].text.islower():
            j += 1
        return self.tokens[j].text[:1].isupper()

    def _apposed_person(self, k: int) -> bool:
        """"Le président de l'union commerciale, Loïc Tanguy, ...": a title whose phrase (its complements, no verb)
        ends with a comma and a person's name introduces that person, not the one called so before."""
        for j in range(k + 1, min(k + 10, len(self.tokens) - 1)):
            token = self.tokens[j]
            if token.text == ",":
                after = self.tokens[j + 1]
                entity = self.index.entity_at(after.idx, after.idx + len(after.text))
                return entity is not None and entity.type == "Person"
            if token.pos_ in ("VERB", "AUX") or token.is_punct:
                return False
        return False

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
            self.claim(entity.key, first, last, name=False)

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
            self.claim(entity.key, extent[0], extent[-1], name=False)


def _title(token: Token) -> str | None:
    """The title a word is ("Sen." → "senator"), or None."""
    c = cues()
    word = fold(token.text).rstrip(".")
    word = c.title_abbreviations.get(word, word)
    return word if word in c.title_references else None


def _suffixes_agree(a: str | None, b: str | None) -> bool:
    """"Jr." or none is the son's name; "Sr.", "II", "III" are other people."""
    return a == b or {a, b} <= {None, *DROPPED_SUFFIXES}


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
