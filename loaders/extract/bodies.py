"""Nouns of bodies and the organisations they stand for, steps of the recogniser (mixed into
``recognition.Recogniser``), after the coreference of ``coref``: bare nouns that refer back to an organisation the
article named ("le ministère", "le syndicat", "la direction du groupe"), and the names the NER missed after a noun
that types them ("La FCPE, première fédération de ...", "le groupe Valmetal")."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from policykg.loaders import lexicon
from policykg.loaders.extract.names import FRENCH_OF, cues, elided, fold, is_acronym, listed_remits, name_head
from policykg.loaders.extract.statements.cues import load_cues
from policykg.loaders.model import Entity
from policykg.ontology import ORGANISATION_TYPES

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex

ELISIONS = ("'", "’")
"""How an elided article ends ("l'ONG")."""
COMPANY_NOUNS = frozenset({"entreprise", "société", "groupe", "company", "firm", "group"})
"""Collective nouns of companies, which ``entity_cues.yaml``'s anaphors resolve."""
DELEGATES = frozenset({"délégué", "déléguée", "chargé", "chargée"})
"""Words between a title and its remit ("ministre déléguée à la Ville", "ministre chargé des Transports")."""
TO_OF = {"à": "de", "au": "du", "aux": "des"}
"""The preposition of a delegated remit and the one of its body's name ("ministère des Transports")."""
OTHER_WORDS = frozenset({"autre", "autres", "nouveau", "nouvel", "nouvelle", "ancien", "ancienne", "même", "seul", "seule"})
"""Adjectives that set a body apart from the one named before (« l'autre syndicat », « la nouvelle association »)."""


class BodyAnaphors:
    """The steps that make a noun of a body a mention of the organisation it stands for, or find that organisation's name."""

    doc: Doc
    tokens: list[Token]
    language: str
    index: EntityIndex
    text: str

    def bodies_of_roles(self) -> None:
        """"Le ministre de l'Intérieur, X, a annoncé ... Le ministère précise que": a bare definite noun of a body
        (the lexicon's ``bodies_of_roles``) is the body the last title of its head named with its complement
        ("ministère de l'Intérieur"), unless the article last wrote the body's own name (the statement finder
        takes it from there). Nothing when no such title came before."""
        bodies = (lexicon.load("cues", self.language).get("bodies_of_roles") or {}) if self.language == "fr" else {}
        towns = frozenset((lexicon.load("cues", self.language).get("town_halls") or ()) if self.language == "fr" else ())
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-1], start=1):
            titles = bodies.get(t.lower_)
            after = self.tokens[k + 1]
            if not titles or fold(self.tokens[k - 1].text) not in definite or fold(after.text) in FRENCH_OF \
                    or after.text[:1].isupper() or not self.free(t.i, t.i):
                continue
            named = next(((u, complement) for u in reversed(self.tokens[:k]) if u.lower_ in (t.lower_, *titles)
                          and (complement := self._title_complement(u))), None)
            if named is None and t.lower_ not in towns:  # "le conseil départemental du Gard ... la préfecture"
                named = self._territory(t, k)
            if named is None or named[0].lower_ == t.lower_:
                continue
            self._body_of(t, t.text, self._listed_before(t, k, named[1]))

    def offices_of_titles(self) -> None:
        """"..., a indiqué le cabinet de la ministre": the office (the lexicon's ``offices``) of a title that heads a body
        (``bodies_of_roles``) speaks for that body, named by the title's remit, or else by the last such title or body
        written with its remit before ("la ministre de la Santé, X, ..." → "ministère de la Santé"). Nothing when none
        came before."""
        cue_lexicon = lexicon.load("cues", self.language) if self.language == "fr" else {}
        offices = frozenset(cue_lexicon.get("offices") or ())
        bodies = {title: body for body, titles in (cue_lexicon.get("bodies_of_roles") or {}).items() for title in titles}
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-2], start=1):
            if t.lower_ not in offices or fold(self.tokens[k - 1].text) not in definite or not self.free(t.i, t.i):
                continue
            of = self.tokens[k + 1:k + 3]  # "du ministre", "de la ministre"
            title = of[1] if of[0].lower_ == "du" else self.tokens[k + 3] if k + 3 < len(self.tokens) \
                and [w.lower_ for w in of] == ["de", "la"] else None
            body = bodies.get(title.lower_) if title is not None else None
            if body is None:
                continue
            words = (body, *(w for w, b in bodies.items() if b == body))
            complement = self._title_complement(title) or next(
                (c for u in reversed(self.tokens[:k]) if u.lower_ in words and (c := self._title_complement(u))), None)
            if complement:
                self._body_of(t, body, complement)

    def _body_of(self, noun: Token, word: str, complement: list[Token]) -> None:
        """``noun`` ("préfecture", "cabinet") is a mention of the body ``word`` ("préfecture") its ``complement`` ("du
        Gard") names."""
        of = TO_OF.get(complement[0].lower_, complement[0].text)  # "(ministre délégué) aux Transports": "des Transports"
        label = f"{word} {of}{self.text[complement[0].idx + len(complement[0].text):complement[-1].idx + len(complement[-1].text)]}"
        entity = self.index.lookup(label) or self.index.add(label, "GovernmentBody", None)
        self.claim(entity.key, noun, noun, name=False)

    def _listed_before(self, noun: Token, k: int, complement: list[Token]) -> list[Token]:
        """The whole list of remits the article gave the body of ``noun`` (the ``k``-th token) before, which a title's
        ``complement`` shortened to its first: "le ministère des Sports, de la Jeunesse et de la Vie associative ... la
        ministre des Sports ... le ministère"; else ``complement``."""
        first = fold(self.text[complement[0].idx:complement[-1].idx + len(complement[-1].text)])
        return next((listed for u in reversed(self.tokens[:k]) if u.lower_ == noun.lower_
                     and len(listed := self._title_complement(u)) > len(complement)
                     and fold(self.text[listed[0].idx:listed[-1].idx + len(listed[-1].text)]).startswith(first + ",")), complement)

    def _territory(self, noun: Token, k: int) -> tuple[Token, list[Token]] | None:
        """The last word before ``noun`` (the ``k``-th token) that names its body's territory with a complement
        (``bodies_of_territories``: "(conseil) départemental du Gard" for "préfecture"), with that complement."""
        if self.language != "fr":
            return None
        words = (lexicon.load("cues", self.language).get("bodies_of_territories") or {}).get(noun.lower_) or ()
        return next(((u, complement) for u in reversed(self.tokens[:k]) if u.lower_ in words
                     and (complement := self._title_complement(u))), None)

    def councils_of_territories(self) -> None:
        """"Le conseil départemental du Gard a voté ... « ... », indique le département": a bare definite noun of a
        territory (the lexicon's ``body_adjectives``) after the council named by its adjective and a complement is that
        council ("conseil départemental du Gard"), in the article's words; nothing when no such council came before."""
        adjectives = load_cues(self.language).body_adjectives
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-1], start=1):
            after = self.tokens[k + 1]
            if t.lower_ not in adjectives or fold(self.tokens[k - 1].text) not in definite or fold(after.text) in FRENCH_OF \
                    or after.text[:1].isupper() or after.pos_ == "ADJ" or not self.free(t.i, t.i):
                continue
            named = next(((u, complement) for u in reversed(self.tokens[1:k]) if u.lower_ == adjectives[t.lower_]
                          and u.nbor(-1).lower_ == "conseil" and (complement := self._title_complement(u))), None)
            if named is None:
                continue
            council = named[0].nbor(-1)
            last = next(w for w in reversed(named[1]) if w.text[:1].isupper())  # a territory's name ends capitalised
            label = self.text[council.idx:last.idx + len(last.text)]
            entity = self.index.lookup(label) or self.index.add(label, "GovernmentBody", None)
            self.claim(entity.key, t, t, name=False)

    def _bare_definites(self, nouns: Collection[str]) -> Iterator[tuple[int, Token]]:
        """The words of ``nouns`` after a definite article that nothing names further ("la mairie", not "la mairie de
        Brest", "la chancellerie allemande" nor "la Mairie Centrale") and no name holds yet, with their place in
        ``tokens``."""
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-1], start=1):
            after = self.tokens[k + 1]
            if t.lower_ in nouns and fold(self.tokens[k - 1].text) in definite and fold(after.text) not in FRENCH_OF \
                    and not after.text[:1].isupper() and after.pos_ != "ADJ" and self.free(t.i, t.i):
                yield k, t

    def metonyms(self) -> None:
        """"Le ministère de la Justice a publié ... « ... », assure la chancellerie": a bare definite noun the press
        writes for one body (the lexicon's ``body_metonyms``) is that body, under the name the article gave it ("le
        ministère de la Justice et des Libertés") or else the lexicon's."""
        bodies: dict[str, str] = (lexicon.load("cues", self.language).get("body_metonyms") or {}) if self.language == "fr" else {}
        for _, t in self._bare_definites(bodies):
            label = bodies[t.lower_]
            entity = next((e for e in self.index.entities.values() if fold(e.label).startswith(fold(label))), None) \
                or self.index.lookup(label) or self.index.add(label, "GovernmentBody", None)
            self.claim(entity.key, t, t, name=False)

    def town_halls(self) -> None:
        """"À Rennes, la mairie dénonce ...", "La ville de Brest a voté ... « ... », indique la mairie": a bare definite
        noun of a town's own body (the lexicon's ``town_halls``) that no title named before (``bodies_of_roles``) is
        the body of the place named last, in its sentence or the five before: "mairie de Rennes"; further on, the
        story's town (``EntityIndex.story_place``)."""
        nouns: dict[str, str] = (lexicon.load("cues", self.language).get("town_halls") or {}) if self.language == "fr" else {}
        for k, t in self._bare_definites(nouns):
            place = self._last_organisation(t, ("Place",), window=5) or self.index.story_place(t.idx, self._in_guillemets)
            if place is None and (named := self._territory(t, k)) is not None:
                self._body_of(t, t.text, named[1])  # "Le conseil municipal de X ... la mairie": X, a town the NER missed
            if place is None:
                continue
            of = "d’" if elided(place.label) else "de "
            label = f"{nouns[t.lower_]} {of}{place.label}"  # "la municipalité" of Rennes is the "mairie de Rennes"
            entity = self.index.lookup(label) or self.index.add(label, "GovernmentBody", None)
            self.claim(entity.key, t, t, name=False)

    def bare_collectives(self) -> None:
        """"Karim Haddad, délégué CGT ... Le syndicat réclame", "L'appel du Syndeac ... Le syndicat fustige": a bare
        definite collective noun (not "l'association de riverains X") is the organisation named last, in its
        sentence or the two before, outside quotation marks, whether or not it was a subject. The companies'
        nouns ("la société") are the anaphors' of ``entity_cues.yaml``."""
        nouns = load_cues(self.language).collective_anaphors - COMPANY_NOUNS
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-1], start=1):
            after = self.tokens[k + 1]
            if t.lower_ not in nouns or fold(self.tokens[k - 1].text) not in definite or fold(after.text) in FRENCH_OF \
                    or after.text[:1].isupper() or after.pos_ in ("ADJ", "PROPN") or not self.free(t.i, t.i):
                continue
            entity = self._last_organisation(t, ORGANISATION_TYPES, headed=True) or self._last_organisation(t)
            if entity is not None:
                self.claim(entity.key, t, t, name=False)

    def described_collectives(self) -> None:
        """"La CPME ... rappelle l'organisation patronale", "la FNSEA. Le premier syndicat agricole juge", "Spotify ...
        Le groupe suédois accuse": a definite singular collective noun that adjectives describe (not "l'autre
        syndicat") and nothing names further refers back to the organisation named last, in its sentence or the two
        before, outside quotation marks, when that one is of the noun's kind (a company for "le groupe", a public body
        for "l'autorité"); the noun and its adjectives are a mention of it."""
        public = load_cues(self.language).public_body_anaphors
        nouns = load_cues(self.language).collective_anaphors | public
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-2], start=1):
            if t.lower_ not in nouns:
                continue
            first = k - 1
            while first > 0 and self.tokens[first].pos_ == "ADJ" and self.tokens[first].is_lower:
                first -= 1  # "le premier syndicat"
            end = k + 1
            while end < len(self.tokens) - 1 and self.tokens[end].pos_ == "ADJ" and self.tokens[end].is_lower:
                end += 1
            after, words = self.tokens[end], self.tokens[first + 1:end]
            if fold(self.tokens[first].text) not in definite or end == k + 1 \
                    or "Plur" in t.morph.get("Number") or any(w.lower_ in OTHER_WORDS for w in words) \
                    or fold(after.text) in FRENCH_OF or after.text[:1].isupper() or not self.free(words[0].i, words[-1].i):
                continue
            types = ("Company", "Platform") if t.lower_ in COMPANY_NOUNS else ("GovernmentBody",) if t.lower_ in public \
                else ("Organization", "NGO")  # "le groupe communiste" after "le Sénat" is no company: another body
            entity = self._last_organisation(t, ORGANISATION_TYPES)
            if entity is not None and entity.type in types:
                self.claim(entity.key, words[0], words[-1], name=False)

    def _last_organisation(self, token: Token, types: Collection[str] = ("Organization", "NGO"),
                           window: int = 2, *, headed: bool = False) -> Entity | None:
        """The organisation (of ``types``) mentioned last before ``token``, in its sentence or the ``window`` before,
        not inside quotation marks; with ``headed``, one whose name ``token`` heads ("the association": "the Local
        Government Association", a public body, over a society named after it)."""
        earliest = self.index._sentence_starts[max(0, self.index._sentence(token.idx) - window)]
        for start, end, key in reversed(self.index._mentions[:bisect_left(self.index._mentions, (token.idx,))]):
            if start < earliest:
                return None
            entity = self.index.entities[key]
            if end <= token.idx and entity.type in types and not self._in_guillemets(start) \
                    and (not headed or name_head(entity.label) == token.lower_):
                return entity
        return None

    def _in_guillemets(self, char: int) -> bool:
        """Whether ``char`` stands inside « » (the French quotation marks; town halls and collectives are French)."""
        return self.text.count("«", 0, char) > self.text.count("»", 0, char)

    def _title_complement(self, title: Token) -> list[Token]:
        """"(ministre) de l'Intérieur", "(préfet) du Gard": the complement naming a title's remit, a preposition
        and capitalised words (with the article and lower-case words between them); empty when there is none."""
        words: list[Token] = []
        first = title.i + 1 + (title.i + 1 < len(self.doc) and self.doc[title.i + 1].lower_ in DELEGATES)
        for token in self.doc[first:first + 6]:
            glued = token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_  # "des Alpes-Maritimes"
            if token.is_punct and not glued or token.ent_type_ in ("PER", "PERSON") or token.pos_ in ("VERB", "AUX") \
                    or not words and fold(token.text) not in FRENCH_OF.union(TO_OF if first > title.i + 1 else ()):
                break
            words.append(token)
        while words and not words[-1].text[:1].isupper() and words[-1].pos_ != "ADJ":
            words.pop()  # "de la Transition écologique" keeps its adjective
        if not any(w.text[:1].isupper() for w in words[1:]):
            return []
        return list(self.doc[words[0].i:listed_remits(words[-1]).i + 1])  # "des Sports, de la Jeunesse et de la Vie associative"

    def described_acronyms(self) -> None:
        """"La FCPE, première fédération de parents d'élèves, ...": an acronym the NER missed, after a definite
        article and before a comma and a phrase headed by a collective noun, is that organisation's name."""
        collectives = load_cues(self.language).collectives
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-2], start=1):
            if not is_acronym(t.text) or fold(self.tokens[k - 1].text) not in definite or self.tokens[k + 1].text != "," \
                    or not self.free(t.i, t.i) or self.index.entity_at(t.idx, t.idx + len(t.text)) is not None:
                continue
            if any(u.lower_ in collectives for u in self.tokens[k + 2:k + 5]):
                entity = self._add_name(t.text, "Organization")
                self.claim(entity.key, t, t, name=True)

    def described_names(self) -> None:
        """"Cats Protection, the UK's largest feline charity, welcomed ...": capitalised words the NER missed that open
        an English sentence, then a comma and an apposition headed by a collective noun, are that organisation's name."""
        if self.language != "en":
            return
        collectives = load_cues(self.language).collectives
        for sentence in self.doc.sents:
            words = [t for t in sentence[:6] if not t.is_space]
            end = next((k for k, t in enumerate(words) if not (t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha)), 0)
            if end < 2 or words[end].text != "," or any(t.ent_type_ for t in words[:end]) \
                    or not self.free(words[0].i, words[end - 1].i):
                continue
            last = words[end - 1]
            if any(c.dep_ == "appos" and c.text.islower() and c.lemma_.lower() in collectives for c in last.children):
                start, stop = self.span(words[0], last)
                entity = self._add_name(self.text[start:stop], "Organization")
                self.claim(entity.key, words[0], last, name=True)

    def managements(self) -> None:
        """"La direction du groupe a dénoncé ...", "la direction de Valmetal": the management (the lexicon's
        ``managements``) of a company speaks for it: the company named in its complement, or, after a company's
        collective noun ("du groupe"), the company mentioned last within five sentences, else the organisation (a
        company the recogniser did not type). An adjective may qualify the management ("la direction régionale du groupe")."""
        nouns = frozenset((lexicon.load("cues", self.language).get("managements") or ()) if self.language == "fr" else ())
        definite = cues().definite
        for k, t in enumerate(self.tokens[1:-2], start=1):
            of = k + 1
            while of < min(k + 3, len(self.tokens) - 1) and self.tokens[of].pos_ == "ADJ" and self.tokens[of].text.islower():
                of += 1
            if t.lower_ not in nouns or fold(self.tokens[k - 1].text) not in definite \
                    or fold(self.tokens[of].text) not in FRENCH_OF or not self.free(t.i, t.i):
                continue
            owner = next((u for u in self.tokens[of + 1:of + 3] if u.pos_ in ("NOUN", "PROPN")), None)
            if owner is None:
                continue
            named = self.index.entity_at(owner.idx, owner.idx + len(owner.text))
            if named is None and owner.lower_ in COMPANY_NOUNS:
                named = self._last_organisation(t, ("Company",), window=5) \
                    or self._last_organisation(t, ("Organization",), window=5)
            entity = named if named is not None and named.type in ("Company", "Organization") else None
            if entity is not None:
                self.claim(entity.key, t, t, name=False)

    def names_after_type_nouns(self) -> None:
        """"Le groupe Valmetal a confirmé ...": capitalised words the NER missed right after an article and a noun
        that types a company (``entity_cues.yaml``'s "before" cues: "le groupe", "la société") and before a verb or
        a punctuation mark: a company, whether or not it speaks."""
        companies = {fold(phrase) for phrase, type_ in cues().type_before if type_ == "Company"}
        for k, t in enumerate(self.tokens[1:-1], start=1):
            article = self.tokens[k - 1].text
            if fold(article + ("" if article.endswith(ELISIONS) else " ") + t.text) not in companies:
                continue
            words: list[Token] = []
            for u in self.tokens[k + 1:k + 5]:
                capitalised = u.text[:1].isupper() and u.pos_ in ("PROPN", "NOUN", "ADJ", "X")  # "Valmetal", read as an adjective
                if not (capitalised or words and u.text == "-") or u.is_sent_start or not self.free(u.i, u.i) \
                        or self.index.entity_at(u.idx, u.idx + len(u.text)) is not None:
                    break
                words.append(u)
            after = next((u for u in self.doc[words[-1].i + 1:words[-1].i + 3] if not u.is_space), None) if words else None
            if after is None or not (after.is_punct or after.pos_ in ("VERB", "AUX")):
                continue  # "la société X de conseil": a name may go on in lower case, the statement finder reads it
            entity = self._add_name(self.text[words[0].idx:words[-1].idx + len(words[-1].text)], "Company")
            self.claim(entity.key, words[0], words[-1], name=True)
