"""Entity recognition and typing: the names an article contains, strongest source first.

1. names and post titles of the actor knowledge base, matched over normalised tokens with a dictionary
   built once per process and language (linear in the article's length);
2. spaCy's NER, filtered (single lower-case words, verbs, sentence-initial common words, MISC...) and typed
   by cue words ("la société X", "X News");
3. what the NER missed: an acronym defined in parentheses with the words it abbreviates ("the Coalition for
   Digital Safety (CDS)"), capitalised words after a title ("M. Tugendhat").

Each step adds mentions to the article's ``EntityIndex`` that the later steps build on; the coreference
steps come last (``coref.AnaphoraSteps``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from policykg.loaders.extract.bodies import ELISIONS, BodyAnaphors
from policykg.loaders.extract.coref import AnaphoraSteps
from policykg.loaders.extract.kb_match import kb_table
from policykg.loaders.extract.ner_spans import (
    NerSpans, acronym_hyphened, listed_complement, particle_surname, peer_title, post_titles,
)
from policykg.loaders.extract.name_spans import (
    GAELIC_PARTICLES, affiliated_person, before_clause, drop_epithets, elided_surname, first_name_words, gaelic_article,
    glued_after_apostrophe, longest_run, name_before_place, past_affiliation, titled, titled_person,
)
from policykg.loaders.extract.statements.cues import load_cues
from policykg.loaders.extract.statements.phrases import CIRCUMSTANCES
from policykg.loaders.extract.statements.syntax import verb_forms
from policykg.loaders.extract.keys import entity_key, parse_person
from policykg.loaders.extract.names import (
    FRENCH_OF, MAX_INSTITUTION_TOKENS, MAX_NAME_TOKENS, Name, cue_tables, cues, fold, hyphen_joined, is_acronym, listed_remits,
    names_a_thing,
)
from policykg.loaders.kb import normalise, strip_accents
from policykg.loaders.model import Entity, Span

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex


class Recogniser(NerSpans, AnaphoraSteps, BodyAnaphors):
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
        self.headlines = self._headline_lines()
        self.kb_surnames: list[tuple[Token, list[str]]] = []
        """One-word knowledge-base names of people ("Clinton"), resolved after the article's full names."""
        self.ents = self._ner_entities()
        """The NER's entities, typed, as (type, tokens), English institutions' names with their complement."""

    def run(self) -> None:
        posts = self.knowledge_base_names()
        self.acronym_definitions()
        self.numbered_names()
        names = self.ner_names()
        names += self.titled_names()
        names += self.gaelic_names()
        self.resolve_names(names)
        self.resolve_kb_surnames()
        self.missed_surnames()
        self.resolve_posts(posts)
        self.spokespeople()
        self.title_references()
        self.descriptions_and_anaphors()
        self.described_acronyms()
        self.described_names()
        self.names_after_type_nouns()
        self.bodies_of_roles()
        self.offices_of_titles()
        self.councils_of_territories()
        self.metonyms()
        self.town_halls()
        self.bare_collectives()
        self.described_collectives()
        self.managements()

    # -- helpers -----------------------------------------------------------------------------------

    def span(self, first: Token, last: Token) -> Span:
        return first.idx, last.idx + len(last.text)

    def take(self, first: int, last: int) -> None:
        for i in range(first, last + 1):
            self.taken[i] = True

    def free(self, first: int, last: int) -> bool:
        return not any(self.taken[first:last + 1])

    def claim(self, key: str, first: Token, last: Token, *, name: bool) -> None:
        """Tokens ``first`` to ``last`` become a mention of entity ``key`` that no later step reads again."""
        self.take(first.i, last.i)
        self.index._mention(key, self.span(first, last), name=name)

    # -- steps -------------------------------------------------------------------------------------

    def knowledge_base_names(self) -> list[tuple[Span, list[tuple[str, bool]]]]:
        """Names of known actors become mentions; post titles are returned for later resolution."""
        posts = []
        organisations, laws = self._ner_spans("Organization"), self._ner_spans("Topic")
        for i, j, values in kb_table(self.kb, self.language).scan(self.tokens):
            first, last = self.tokens[i], self.tokens[j - 1]
            if any(a <= first.i and last.i <= b and any(t.text[:1].isupper() and fold(t.text) not in cues().determiners
                                                        for t in self.doc[a:first.i]) for a, b in laws):
                continue  # a known law's name inside a longer one: "Kids Online Safety Act" is another law
            span = self.span(first, last)
            actors = [v.id for v in values if v.kind == "actor"]
            if actors and all(self.kb.actors[a].type == "Place" for a in actors) \
                    and any(a <= first.i and last.i <= b and b - a > last.i - first.i for a, b in organisations):
                continue  # the place in an organisation's name: "Air Canada", "Banque de France", "Water UK"
            opening = name_before_place(first) if actors and all(self.kb.actors[a].type == "Place" for a in actors) else None
            if opening is not None and self.free(opening.i, last.i):
                # "Santé publique France": the place closes an organisation's name that a capitalised noun opens
                entity = self._add_name(self.text[opening.idx:last.idx + len(last.text)], "Organization")
                self.claim(entity.key, opening, last, name=True)
                continue
            if self.language == "en" and all(self.kb.actors[a].type != "Person" for a in actors) and any(
                    a <= first.i and last.i <= b and any(fold(t.text).removesuffix("s") in cues().complement_heads
                                                         and not first.i <= t.i <= last.i
                                                         for t in self.doc[a:b + 1]) for a, b in organisations):
                continue  # a known name inside a longer one with a head of its own, or its plural: "Trades Union
                # Congress", "the Irish Congress of Trade Unions", "The Independent Office for Police Conduct" are other
                # bodies than Congress and The Independent; a post's words in a body's name are the body's ("the
                # Department for Energy, Innovation and Technology")
            if self.language == "fr" and actors and all(self.kb.actors[a].type not in ("Person", "Place") for a in actors) \
                    and any(a == first.i and last.i < b and all(t.text[:1].isupper() for t in self.doc[last.i + 1:b + 1])
                            for a, b in organisations):
                continue  # a known body that capitalised words go on naming is its branch: "SNCF Voyageurs", "Meta France"
            opening = self._name_opening(first, last, organisations) if self.language == "en" and actors \
                and all(self.kb.actors[a].type not in ("Person", "Place") for a in actors) else None
            if opening is not None:  # "the Farmers Guardian", "the Kelby Conservatives": another body than the known one
                self.claim(self._add_name(self.text[opening.idx:span[1]], "Organization").key, opening, last, name=True)
                continue
            before = self.doc[first.i - 1] if first.i else None
            if actors and all(self.kb.actors[a].type not in ("Person", "Place") for a in actors) and before is not None \
                    and (before.ent_type_ == "NORP" or before.tag_ == "NNP" and not before.ent_type_) \
                    and before.text[:1].isupper() and before.whitespace_ == " " and self.free(before.i, last.i):
                # "Scottish Labour", "Welsh Conservatives": a nation's adjective (or a place's name the NER missed, tagged
                # a proper noun: "Kelby Conservatives") before a known body names another one
                self.claim(self._add_name(self.text[before.idx:span[1]], "Organization").key, before, last, name=True)
                continue
            if i + 1 == j and actors and all(self.kb.actors[a].type == "Person" for a in actors):
                self.kb_surnames.append((first, actors))  # the longest match wins: "Bill Clinton" is not "Clinton"
                continue
            self.take(first.i, last.i)
            if actors:
                known = [a for a in actors if a in self.index.entities]
                self.index._from_kb(self.kb.actors[(known or actors)[0]])
                self.index._mention((known or actors)[0], span, name=True)
            elif first.i == 0 or fold(self.doc[first.i - 1].text) not in cues().title_modifiers:
                posts.append((span, [(v.id, v.ambiguous) for v in values]))  # not "the shadow/former home secretary"
        return posts

    def _name_opening(self, first: Token, last: Token, organisations: list[tuple[int, int]]) -> Token | None:
        """The first word of the organisation's name the NER found ending on a known body's name and opening on
        capitalised words of its own before it, none of them a place's ("Farmers" of "the Farmers Guardian"); None when
        there is none, or the name is a headline's (whose words are all capitalised) or opens a sentence."""
        c = cues()
        for a, b in organisations:
            if b != last.i or a >= first.i:
                continue  # only an organisation's name that ends on the known body's and opens before it
            words = [t for t in self.doc[a:first.i] if fold(t.text) not in c.determiners]
            if not words or words[0].is_sent_start or self._line(first) in self.headlines \
                    or not all(t.text[:1].isupper() and t.is_alpha for t in words) or not self.free(words[0].i, first.i - 1):
                continue
            if not any(fold(t.text) in c.nations or any(x.type == "Place" for x in self.kb.find(t.text))
                       for t in words):
                return words[0]
        return None

    def acronym_definitions(self) -> None:
        """"the Coalition for Digital Safety (CDS)": capitalised words whose initials an acronym in
        parentheses spells are an organisation, and the acronym names it, even where the NER saw neither."""
        tokens = self.tokens
        for k in range(1, len(tokens) - 2):
            acronym = tokens[k + 1]
            if tokens[k].text != "(" or tokens[k + 2].text != ")" or not is_acronym(acronym.text):
                continue
            words: list[Token] = []
            for t in reversed(tokens[max(0, k - 3 * len(acronym.text)):k]):
                if not (t.is_alpha or t.text in "&-" or self.language == "fr" and (t.text == "," or t.text.endswith(ELISIONS))):
                    break
                words.insert(0, t)
                if words[0].text[:1].isupper() and words[0].is_alpha and _initials(words) == acronym.text:  # not "L'" of "L'agence"
                    break
            else:
                continue
            if not words or not words[0].is_alpha or _initials(words) != acronym.text or not self.free(words[0].i, acronym.i):
                continue
            span = self.span(words[0], words[-1])
            name = self.text[span[0]:span[1]]
            entity = self._add_name(name, self._cued_type(words, before=True) or "Organization")
            self.take(words[0].i, acronym.i)
            self.index._mention(entity.key, span, name=True)
            self.index._mention(entity.key, self.span(acronym, acronym), name=True)

    def numbered_names(self) -> None:
        """"l'association 40 millions d'automobilistes": after a collective noun, a number, a noun and its complement
        are an organisation's name, which no capital marks for the NER."""
        try:
            collectives = load_cues(self.language).collectives
        except FileNotFoundError:
            return
        for noun in self.tokens:
            words = list(self.doc[noun.i + 1:noun.i + 5])
            if noun.pos_ != "NOUN" or not noun.is_lower or noun.lemma_.lower() not in collectives or len(words) < 4 \
                    or not words[0].text[:1].isdigit() or words[1].pos_ != "NOUN" or words[2].lower_ not in FRENCH_OF \
                    or words[3].pos_ != "NOUN" or not self.free(words[0].i, words[3].i):
                continue
            span = self.span(words[0], words[3])
            entity = self._add_name(self.text[span[0]:span[1]], "Organization")
            self.claim(entity.key, words[0], words[3], name=True)

    def ner_names(self) -> list[Name]:
        """NER entities that look like names, typed (cue words refine the NER's label), in text order."""
        names = []
        roles = self._role_words() | post_titles(self.language)
        parts = [affiliated_person(*titled_person(ner_type, tokens), roles)
                 for ner_type, ent in self.ents for tokens in self._name_parts(ent, ner_type)]
        headlines = self.headlines
        body_words = {fold(t.text) for _, tokens in parts if self._line(tokens[0]) not in headlines for t in tokens}
        for ner_type, tokens in parts:
            if self._line(tokens[0]) in headlines:
                tokens = longest_run(tokens, body_words | first_name_words(tokens, body_words))
            if ner_type == "Person" and tokens:
                tokens = past_affiliation(tokens, self._role_words())
            if not tokens or not self.free(tokens[0].i, tokens[-1].i) or not self._plausible(tokens):
                continue
            cued = self._cued_type(tokens, inside=ner_type != "Place", before=ner_type != "Person")
            span = self.span(tokens[0], tokens[-1])
            self.take(tokens[0].i, tokens[-1].i)
            text = self.text[span[0]:span[1]]
            type_ = "Topic" if names_a_thing(text) else cued or ner_type
            if type_ == "Place" and self._apposed_collective(tokens):
                type_ = "Organization"  # "Le principal syndicat du primaire, le SNUipp-FSU", read as a place
            # "le député LFI Éric Coquerel": a party between the role and the person's name stays an organisation
            named_next = tokens[-1].i + 1 < len(self.doc) and self.doc[tokens[-1].i + 1].ent_type_ in ("PER", "PERSON")
            if type_ != "Person" and cued is None and (self._after_honorific(tokens[0]) or (
                    type_ == "Organization" and self._after_role(tokens[0]) and not named_next)):
                type_ = "Person"  # "Mr. Caldwell", "chief executive Shou Chew" that the NER called an organisation
            names.append(Name(span, text, type_, cued is not None, tokens[-1]))
        return names

    def _apposed_collective(self, tokens: list[Token]) -> bool:
        """Whether the name is in apposition with a collective noun ("le principal syndicat, le X", "X, premier
        syndicat agricole", "X, fédération d'usagers"): an organisation's name; not a place after a preposition
        ("À Lyon, le syndicat ...")."""
        collectives = load_cues(self.language).collectives
        if tokens[0].i == 0 or self.doc[tokens[0].i - 1].pos_ == "ADP" or any(
                c.dep_ == "case" for t in tokens for c in t.children):
            return False
        after = [t for t in self.doc[tokens[-1].i + 1:tokens[-1].i + 4]]
        described = len(after) == 3 and after[0].text == "," and (after[1].lemma_.lower() in collectives or (
            after[1].pos_ == "ADJ" and after[2].lemma_.lower() in collectives))
        return described or any(t.dep_ == "appos" and t.head.lemma_.lower() in collectives or any(
            c.dep_ == "appos" and c.lemma_.lower() in collectives for c in t.children) for t in tokens)

    def _after_honorific(self, token: Token) -> bool:
        before = self.doc[token.i - 1] if token.i > 0 else None
        return before is not None and before.text[:1].isupper() and fold(before.text).rstrip(".") in cues().honorifics

    def _role_words(self) -> frozenset[str]:
        """Role nouns and honorifics of the cue lexicon ("mayor", "mr"), never a first name."""
        try:
            statement_cues = load_cues(self.language)
        except FileNotFoundError:
            return frozenset()
        return statement_cues.roles | statement_cues.titles

    def _after_role(self, token: Token) -> bool:
        """Whether a role noun of the cue lexicon stands right before ``token`` ("chief executive X", "le sénateur X")."""
        before = self.doc[token.i - 1] if token.i > 0 else None
        if before is None or not before.text.islower() or before.pos_ != "NOUN":
            return False
        try:
            roles = load_cues(self.language).roles
        except FileNotFoundError:
            return False
        return before.lower_ in roles or before.lemma_.lower() in roles

    def _line(self, token: Token) -> int:
        """Where the line (paragraph) of ``token`` starts."""
        return self.text.rfind("\n", 0, token.idx) + 1

    def _headline_lines(self) -> set[int]:
        """Lines written in title case ("Obama Seeks More Refugees"): their capitals say nothing about names,
        so a name found there keeps only the words the article's other lines use in names. Nothing is a
        headline in an article of headlines only."""
        words: dict[int, list[bool]] = {}
        for t in self.tokens:
            if t.is_alpha and len(t.text) >= 4 and not t.is_stop:
                words.setdefault(self._line(t), []).append(t.text[:1].isupper())
        lines = {line for line, caps in words.items() if len(caps) >= 3 and sum(caps) >= 0.9 * len(caps)}
        return lines if len(lines) < len(words) else set()

    def _name_parts(self, tokens: list[Token], type_: str) -> list[list[Token]]:
        """The NER span cut at line breaks, without determiners, punctuation or (for people) titles at
        its edges, nor a day or a preposition of the circumstances at its end ("l'Assemblée nationale lundi")."""
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
                or (t.text in c.sentence_articles and t.idx in self.index._sentence_starts_set and not gaelic_article(t))

        def title(t: Token) -> bool:
            return type_ == "Person" and fold(t.text).rstrip(".") in c.honorifics and not peer_title(t)

        cleaned = []
        for part in parts:
            while part and (edge(part[0]) or title(part[0])):
                part = part[1:]
            # a title in capitals inside the span ends a party's name: "Fianna Fáil TD Niall Keane"
            inner = next((k for k in range(1, len(part) - 1) if part[k].text.isupper() and part[k].is_alpha
                          and len(part[k].text) > 1 and title(part[k])
                          and part[k + 1].text[:1].isupper()), None)
            if inner is not None:
                part = part[inner + 1:]
            common = next((k for k, t in enumerate(part) if not (t.is_lower and t.pos_ in ("NOUN", "PROPN", "ADJ"))), 0)
            if common and part[common].text[:1].isupper() and fold(part[0].text) in c.institution_heads:
                part = part[common:]  # "institut Météo-Alpes": the institution's common noun is no part of its name
            part = before_clause(self._before_cue_verb(part))
            # a title at the end is the next person's: "Charlotte Mayor | Jennifer Roberts"
            while part and (edge(part[-1]) or part[-1].text in CIRCUMSTANCES or (title(part[-1]) and part[-1].i + 1 < len(self.doc)
                                                and self.doc[part[-1].i + 1].text[:1].isupper())):
                part = part[:-1]
            if part:
                cleaned.append(part)
        return cleaned

    def _before_cue_verb(self, tokens: list[Token]) -> list[Token]:
        """The name up to a verb of saying the NER ran it on to ("la Ligue de défense des piétons juge ..."): a
        lower-case word of the cue lexicon that no "de" or determiner makes a noun of the name."""
        try:
            verbs = load_cues(self.language).speech | load_cues(self.language).judgement
        except FileNotFoundError:
            return tokens
        for k in range(1, len(tokens)):
            word, before = tokens[k], tokens[k - 1]
            if word.is_lower and before.pos_ not in ("ADP", "DET") and any(f in verbs for f in verb_forms(word)):
                return tokens[:k]
        return tokens

    def _plausible(self, tokens: list[Token]) -> bool:
        """Whether an NER span is a name rather than noise (a verb, a common word, a date, a phrase)."""
        institution = self.language == "fr" and tokens[0].text[:1].isupper() \
            and fold(tokens[0].text) in cues().institution_heads
        long_ok = institution or (self.language == "en" and any(fold(t.text) in cues().complement_heads for t in tokens))
        if len(tokens) > (MAX_INSTITUTION_TOKENS if long_ok else MAX_NAME_TOKENS) \
                or not any(t.text.replace("-", "").isalpha() for t in tokens):
            return False  # a number or punctuation; "Saint-Gildas-sur-Mer", one token, is a name
        # "le syndicat Force ouvrière": after a collective noun, a name may end on a lower-case adjective; a French
        # name an acronym and a hyphen open ("CLCV-Que savoir"), on any lower-case word
        typed = self.language == "fr" and tokens[0].i > 0 and tokens[-1].pos_ == "ADJ" \
            and self.doc[tokens[0].i - 1].lower_ in load_cues(self.language).collectives
        if not tokens[-1].text[:1].isupper() and not tokens[-1].text[:1].isdigit() \
                and not (institution and tokens[-1].is_alpha) and not hyphen_joined(tokens[-1]) \
                and not elided_surname(tokens[-1]) and not (len(tokens) > 1 and glued_after_apostrophe(tokens[-2])) \
                and not typed and not (self.language == "fr" and (acronym_hyphened(tokens) or self._listed(tokens))):
            return False
        if not tokens[0].text[:1].isupper() and not tokens[0].text[:1].isdigit() \
                and (len(tokens) == 1 or fold(tokens[0].text) not in cues().name_particles):
            return False  # "pro-Clinton", "ministre de la Sécurité"
        first = tokens[0]
        misread = len(tokens) > 1 and (first.dep_ == "compound" and first.head in tokens  # "Wend Wild Swimmers"
                                       or self.language == "en" and titled(tokens))  # "Protect Our Rivers"
        if (first.pos_ in ("VERB", "AUX") and not (len(tokens) > 1 and fold(first.text) in cues().campaign_verbs) and not misread) \
                or first.like_num and not _ordinal_opening(tokens):
            return False  # a verb, unless it opens a campaign's name ("Keep Wales Tidy"), or a number
        if any(t.is_punct and t.text not in "&.'’" and (t.whitespace_ or t.nbor(-1).whitespace_) for t in tokens[1:-1]) \
                and not self._listed(tokens):
            return False  # "Cleanliness, Godliness", "Scott - Vinson": two names or a phrase
        if len(tokens) == 1:
            if not first.text[:1].isupper() or len(first.text) < 2 or first.is_stop:
                return False
            unknown = first.is_oov and first.vocab.vectors.shape[0] > 0  # "Montrivel", a town the tagger read as a noun
            if first.pos_ != "PROPN" and not first.text.isupper() and not unknown:
                return False  # a capitalised common word the model knows: "Recevez", "Conscient", "État"
            after = first.nbor() if first.i + 1 < len(self.doc) else first
            if first.is_sent_start and first.lower_ in load_cues(self.language).collectives and after.is_lower and after.pos_ == "NOUN":
                return False  # "Council leader Tom Hale": a body's noun a sentence opens, before a title, names no body
        return True

    def _listed(self, tokens: list[Token]) -> bool:
        """Whether the commas inside a name are those of its complement's list ("Department for Parks, Heritage and
        Tourism", « Société des auteurs, compositeurs et éditeurs »): the name cut at its first comma runs on, by
        ``listed_complement`` (English) or ``_listed_members`` (French), to its end."""
        comma = next((k for k, t in enumerate(tokens) if t.text == ","), 0)
        if comma > 0 and listed_remits(tokens[comma - 1]).i == tokens[-1].i:
            return True  # "ministère des Sports, de la Jeunesse et de la Vie associative", "Ministry of Ports, Rail and Roads"
        listed = listed_complement if self.language == "en" else self._listed_members
        return comma > 0 and listed(tokens[:comma])[-1].i == tokens[-1].i

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
        if (entity := self.index._acronym_of(name)) is not None \
                or self.language == "en" and (entity := self.index._same_body(name)) is not None:
            return entity
        actors = self.kb.find(name)
        entity = self.index._from_kb(actors[0]) if actors else None
        if entity is None:
            entity = self.index._near_miss(key, type_ if type_ != "Organization" else None)
        return entity or self.index.entities.get(entity_key(name, type_)) or self.index.add(name, type_, None)

    def _acronym_after(self, last: Token, entity: Entity) -> None:
        """"Policing Institute for the Eastern Region (PIER)": the acronym names the same entity."""
        doc = self.doc
        if last.i + 3 < len(doc) and doc[last.i + 1].text == "(" and doc[last.i + 3].text == ")":
            acronym = doc[last.i + 2]
            if is_acronym(acronym.text) and self.free(acronym.i, acronym.i):
                self.claim(entity.key, acronym, acronym, name=True)

    def titled_names(self) -> list[Name]:
        """"M. Tugendhat", "Mrs Braverman": capitalised words after a title that the NER missed; not a title of
        several words ("the Lord Mayor", "the Lord Chief Justice": a civic post, whose holder is named apart)."""
        c = cues()
        found = []
        tokens = self.tokens
        titles = c.honorifics | self._role_words()
        for k, t in enumerate(tokens[:-1]):
            if fold(t.text).rstrip(".") not in c.honorifics or not t.text[:1].isupper():
                continue
            if fold(tokens[k + 1].text).rstrip(".") in titles:
                continue  # "Lord | Mayor": the post goes on; a name after it is taken from its last word
            end = k + 1
            while end < len(tokens) and end - k <= 3 and tokens[end].text[:1].isupper() and tokens[end].is_alpha:
                end += 1
            if end > k + 1 and self.language == "en":
                end += particle_surname(tokens[end:])  # "Dr Marguerite du Plessis"
            if end > k + 1 and self.free(tokens[k + 1].i, tokens[end - 1].i):
                self.take(tokens[k + 1].i, tokens[end - 1].i)
                span = self.span(tokens[k + 1], tokens[end - 1])
                found.append(Name(span, self.text[span[0]:span[1]], "Person", False, tokens[end - 1]))
        return found

    def gaelic_names(self) -> list[Name]:
        """"Siobhán Ní Fhlatharta", "Peadar Ó Máille" that the NER missed: a capitalised word, a Gaelic surname's
        particle and capitalised words after it are a person's name (``gaelic_opening`` completes the NER's)."""
        found = []
        tokens = self.tokens
        for k, t in enumerate(tokens[1:-1], start=1):
            first, after = tokens[k - 1], tokens[k + 1]
            if fold(t.text) not in GAELIC_PARTICLES or not t.text[:1].isupper() or first.pos_ != "PROPN" \
                    or not (first.is_alpha and first.text[:1].isupper() and after.is_alpha and after.text[:1].isupper()):
                continue
            end = k + 2
            while end < len(tokens) and end - k <= 3 and tokens[end].is_alpha and tokens[end].text[:1].isupper() \
                    and "\n" not in tokens[end - 1].whitespace_:
                end += 1  # "Nic Giolla | Phádraig"
            if "\n" not in self.doc[first.i:tokens[end - 1].i + 1].text and self.free(first.i, tokens[end - 1].i):
                self.take(first.i, tokens[end - 1].i)
                span = self.span(first, tokens[end - 1])
                found.append(Name(span, self.text[span[0]:span[1]], "Person", False, tokens[end - 1]))
        return found

    def resolve_names(self, names: list[Name]) -> None:
        """People's full names first, longest first, so that "Peña Nieto" after "Enrique Peña Nieto",
        "Donald Trump" beside "Donald J. Trump" or "Joe Biden" beside "Joseph R. Biden Jr." is one person
        (an epithet before a name the article also writes plainly is dropped: "Crooked Hillary Clinton");
        a name the NER called an organisation or a place but that ends with a person's surname is a person
        too. Then, in text order, organisations, places and references: a surname or a first name
        ("Whitfield", "Ms. Whitfield", "bin Laden") is the person of the article with it, whatever the NER
        said, else the person, organisation or place it looks like."""
        person_words = {n.words[-1] for n in names if n.type == "Person" and len(n.words) > 1}
        for n in names:
            if n.type in ("Organization", "Place") and not n.cued and len(n.words) > 1 and n.words[-1] in person_words:
                n.type = "Person"
        full = [n for n in names if n.type == "Person" and parse_person(n.text).full]
        drop_epithets(full)
        for n in sorted(full, key=lambda n: (-len(n.words), n.span)):
            actors = [a for a in self.kb.find(n.text) if a.type == "Person"]
            entity = self.index._from_kb(actors[0]) if actors else self.index._same_person(n.text)
            if entity is None:
                entity = self.index.add(n.text, "Person", None)
            self.index._mention(entity.key, n.span, name=True)
        done = {id(n) for n in full}
        for n in sorted(names, key=lambda n: n.span):
            if id(n) in done:
                continue
            entity = None
            if n.type == "Person" or len(n.words) == 1:
                entity = self.index._person_named(n.text, n.span[0])
                if entity is None and len(n.words) == 1 and not n.cued:
                    entity = self.index._organisation_named(n.text)
                if entity is None and self.index._names_a_person(n.words[0]):
                    n.type = "Person"  # a middle name of a person of the article: still a person
            if entity is None and n.type == "Person":
                entity = self.index.lookup(n.text)
                if entity is None or entity.type != "Person":
                    entity = self.index.add(n.text, "Person", None)
            if entity is None:
                entity = self._add_name(n.text, n.type)
                self._acronym_after(n.last, entity)
            self.index._mention(entity.key, n.span, name=True)

    def resolve_kb_surnames(self) -> None:
        """A one-word knowledge-base name of a person ("Clinton", a user's alias) that no longer name took:
        the person of the article with that surname, else the known actor."""
        for token, actors in self.kb_surnames:
            if not self.free(token.i, token.i):
                continue
            entity = self.index._person_named(fold(token.text), token.idx)
            if entity is None:
                known = [a for a in actors if a in self.index.entities]
                entity = self.index._from_kb(self.kb.actors[(known or actors)[0]])
            self.claim(entity.key, token, token, name=True)

    def missed_surnames(self) -> None:
        """A capitalised word the NER left out that is the surname of a person the article names in full
        ("Did Trump pay?" after "Donald Trump"): a mention of that person. Not inside a longer capitalised
        phrase ("Trump Tower"), unless a title comes before it."""
        surnames = {n.words[-1] for _, names in self.index._people() for n in names}
        tokens = self.tokens
        for k, t in enumerate(tokens):
            if not t.is_alpha or not t.text[:1].isupper() or fold(t.text) not in surnames or not self.free(t.i, t.i):
                continue
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is not None and after.pos_ == "PROPN" and self._line(t) not in self.headlines:
                continue
            if k > 0 and tokens[k - 1].pos_ == "PROPN" and not self._after_honorific(t) \
                    and self._line(t) not in self.headlines:
                continue
            entity = self.index._person_named(t.text, t.idx)
            if entity is not None:
                self.claim(entity.key, t, t, name=True)

    def resolve_posts(self, posts: list[tuple[Span, list[tuple[str, bool]]]]) -> None:
        """A post title is a mention of its holder: one the article names, else the holder at the date."""
        for span, ids in posts:
            holder = self.index._post_holder(ids, span[0])
            if holder is not None:
                self.index._from_kb(holder)
                self.index._mention(holder.id, span, name=False)


def _ordinal_opening(tokens: list[Token]) -> bool:
    """"The Second Homeowners' Association", "Third Sector Alliance": a capitalised ordinal word opens a longer
    name (a figure or a cardinal word does not: "2024", "Three Republicans")."""
    first = tokens[0]
    return len(tokens) > 1 and first.is_alpha and first.text[:1].isupper() \
        and first.lower_.endswith(("first", "second", "third", "th"))


def _initials(words: list[Token]) -> str:
    """The letters an acronym of ``words`` spells: their capitals; in French, which writes the words after a name's
    first in lower case, the initials of its nouns and adjectives ("Direction de l'évaluation, de la prospective et
    de la performance": DEPP; "Haut Conseil de la famille, de l'enfance et de l'âge": HCFEA)."""
    if words[0].lang_ != "fr":
        return "".join(w.text[0] for w in words if w.text[:1].isupper())
    content = [w for w in words if w.is_alpha and (w.text[:1].isupper() or w.pos_ in ("NOUN", "ADJ", "PROPN"))]
    return strip_accents("".join(w.text[0] for w in content)).upper()
