"""Speakers the article does not name: a group or a body told by its noun ("les manifestants", "the borough
council", "letting agents"), labelled as the article writes it (an entity of the article only), and the bodies a bare
noun refers back to ("the company", "the union", "the government" of a devolved nation)."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon
from policykg.loaders.extract.names import FRENCH_OF, LOCAL_KINDS, is_acronym, listed_remits
from policykg.loaders.extract.stance_lexicon import lexicon as stance_lexicon
from policykg.loaders.extract.statements.focus import FOCUS_WINDOW, PUBLIC_BODY_TYPES, SPEAKER_TYPES
from policykg.loaders.extract.statements.phrases import coordination_label, definite, kind_complement
from policykg.loaders.extract.statements.syntax import previous_sentence
from policykg.loaders.extract.statements.speaker_names import SpeakerNames, attached_participle, figure
from policykg.loaders.model import Entity, slugify

BODY_NOUNS = frozenset({"agency", "alliance", "association", "authority", "campaign", "charity", "coalition", "commission",
                        "committee", "council", "court", "department", "federation", "foundation", "government", "institute",
                        "ministry", "parliament", "party", "society", "union", "watchdog"})
"""Head nouns of bodies that are no companies: "the company" does not refer back to "the Consumer Council for Water"."""
NAME = r"[A-ZÀ-Ý][\w’'-]*(?:[ -][A-ZÀ-Ý][\w’'-]*)*"
"""Capitalised words joined by spaces or hyphens: a name in a headline ("Clermont-Ferrand", "North Kelby")."""
REGIONAL_KINDS = frozenset({"combined", "unitary"})
PLACE_KINDS = frozenset({"city", "county", "town"})
"""Kinds of place whose council's name holds the kind that the article calls the place by ("the city": "X City Council")."""
"""The kinds of English authority named after their area ("the combined authority": "West Midlands Combined Authority")."""
MAX_OPENING = 6
"""The most words a name opening a sentence before its described apposition may have."""
DEVOLVED = {"scotland": "Scottish", "wales": "Welsh"}
"""The nations with a government of their own, which "the government" of a story set there names."""


class UnnamedSpeakers(SpeakerNames):
    """Unnamed speakers' labels and the bodies bare nouns refer back to; the base of ``Speakers``."""

    def unnamed(self, phrase: Span) -> Entity | None:
        """"a source familiar with ...", "les manifestants": a speaker the article does not name, as an
        entity of this article only (two articles' "a source" are not the same person)."""
        head = phrase.root
        if figure(head):
            return None  # "450 millions d'euros par an": a sum speaks for no one
        words = [t for t in phrase if not t.is_space and t.i >= head.i]
        # up to a punctuation mark, not a hyphen inside a word ("les sages-femmes") nor a comma inside a list of remits
        # ("le ministère des Sports, de la Jeunesse et de la Vie associative"), a participle ("publié en février") or a
        # reflexive ("the review itself")
        words = words[:next((k for k, t in enumerate(words) if t.is_punct and (t.text != "-" or t.whitespace_) and not _plural_apostrophe(t)
                             and not (t.text == "," and k and listed_remits(words[k - 1]).i > t.i)
                             or k and (t.pos_ == "VERB" or "Yes" in t.morph.get("Reflex") or attached_participle(t))), len(words))]
        before = head.i - 1
        while before >= phrase.start and (phrase.doc[before].pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN") or (  # "Rwanda's", "landlords' group"
                before == head.i - 1 and phrase.doc[before].tag_ == "VBG" and head.tag_ == "NNS") or (  # "letting agents"
                phrase.doc[before].tag_ == "POS" and before > phrase.start and phrase.doc[before - 1].pos_ == "PROPN") or (
                phrase.doc[before].dep_ == "case" and before > phrase.start and phrase.doc[before - 1].tag_ == "NNS") or (
                # "tenants’ groups": a plural's apostrophe, however the parse tagged it
                before > phrase.start and _plural_apostrophe(phrase.doc[before])) or (
                phrase.doc[before].pos_ == "CCONJ" and words[0].dep_ == "conj" and words[0].head.i == before - 1)):  # "blood and transplant"
            words.insert(0, phrase.doc[before])
            before -= 1
        if words and words[0].i == phrase.start:  # "letting agents": a gerund modifier the parse read as a verb
            words[:0] = self.doc[_gerund_modifier_start(self.doc, words[0].i):words[0].i]
        if words:  # "holiday-let owners", "second-home owners": a hyphenated modifier the parse hung elsewhere
            words[:0] = self.doc[_hyphenated_start(self.doc, words[0].i):words[0].i]
        seat = next((k for k, t in enumerate(words) if t.i > head.i and t.lower_ in ("on", "in") and t.head.i == head.i
                     and any(o.dep_ == "pobj" and o.lower_ in BODY_NOUNS for o in t.children)), None)
        if seat is not None and self.collective(head):
            words = words[:seat]  # "the Liberal Democrat group (on the council)": where the group sits is no part of its name
        modifiers = [k for k, t in enumerate(words) if t.dep_ == "prep" and (t.head.i == head.i or t.head.dep_ == "pobj"
                                                                             and t.head.head.head.i == head.i)]
        if len(modifiers) > 1 and head.tag_ == "NNS" and words[modifiers[1]].lower_ not in ("of", "in", "with"):
            # "parents on the Hale estate (near Kelby)", "residents in Mill Lane (near the school)": a group is told by
            # one place; a second phrase places the first. One that names it, or says who the people are, is the label's
            # ("tenants on an estate in X", "residents of the village of X", "relatives of people with X")
            words = words[:modifiers[1]]
        while len(words) > 1 and words[-1].tag_ == "POS":
            words.pop()  # "the prime minister’s (spokesman)": the title, not its possessive
        if len(words) > 1 and words[0].lower_ == "own":
            words.pop(0)  # "the council's own grounds staff": "own" stresses the possessive, it names no one
        collective = self.collective(head)
        while collective and len(words) > 1 and words[0].pos_ == "DET":
            words.pop(0)  # an organisation is named without its article: "université de Rennes", "the ministry"
        named = next((k for k, t in enumerate(words) if t.text[:1].isupper()), None) if collective else None
        if named and words[named].i < head.i and all(t.text[:1].isupper() for t in words[named:] if t.i < head.i) \
                and all(t.pos_ in ("NOUN", "ADJ") for t in words[:named]):
            words = words[named:]  # "the opposition Liberal Democrat group": the name-like words and the noun
        if not words:
            return None
        label = coordination_label(self.doc[words[0].i:words[-1].i + 1])
        public = head.lemma_.lower() in self.cues.public_bodies or head.lower_ in self.cues.public_bodies
        local = len(words) == 2 and words[0].lower_ in LOCAL_KINDS or len(words) == 1 and (definite(head) or head.dep_ == "compound")
        regional = len(words) == 2 and head.lower_ == "authority" and words[0].lower_ in REGIONAL_KINDS and definite(head)
        if (head.lower_ == "council" and local or regional) and (place := self.story_place(head)) is not None:
            # "the borough council", or a bare "the council" ("a council spokesman") no name before stood for, of the
            # article's one place: "Carrowby borough council", "Carrowby Council"; "the combined authority" of a region
            kinds = {kind for at, kind in self.council_kinds() if at < head.idx}
            kind = f"{next(iter(kinds))} council" if len(words) == 1 and len(kinds) == 1 \
                else f"{town} council" if len(words) == 1 and not kinds and (town := self.place_kind()) else "Council"
            label = f"{place} {label}" if len(words) == 2 else f"{place} {kind}"  # "the town council ... a council spokesman"
        if head.lower_ == "government" and len(words) == 1 and (definite(head) and (nation := self.story_nation(head))
                                                                or head.dep_ == "compound" and (nation := self.government_nation(head))):
            label = f"{nation} government"  # "the government" of a story set in Scotland, "a government spokesman" of
            # one that named "the Scottish government"
        elif head.lower_ == "government" and len(words) == 1 and definite(head) and (ministry := self.ministry_before(head)):
            return ministry  # "the Department for Transport said ... the government confirmed": the ministry named
        if len(words) == 1 and definite(head) and (government := self.cues.governments.get(head.lower_)) is not None \
                and self.government_named(head, government):
            label = government  # "Le gouvernement veut ... « ... », indique le ministère": no ministry named, the government's
        if collective and len(words) == 1 and definite(head) and (headed := self.headline_name(head)) is not None:
            label = headed  # "le rectorat" of an article whose headline says "le rectorat de Clermont-Ferrand"
        type_ = "GovernmentBody" if public else "Organization" if collective else "Person"
        return self.index.add(label, type_, (words[0].idx, words[-1].idx + len(words[-1].text)),
                              key=slugify(f"{self.article_id} {label}"))

    def name_described(self, head: Token) -> Entity | None:
        """"Marébleu, l'association bretonne des pêcheurs, fustige ...": a name opening the sentence, then a common
        noun's phrase set off by commas before the verb that the parse made the subject; the name speaks, the phrase
        only describes it. A person's bare apposition too ("La chercheuse X, auteure de ..., estime")."""
        articles = [c for c in head.children if c.dep_ == "det" and c.i < head.i]
        bare = not articles  # the article opens the description: the parse may hang the name on its noun
        left, right = articles[0] if articles else head, head.right_edge
        comma = head.doc[left.i - 1] if left.i > 0 else None
        if comma is None or comma.text != "," or left.i < 2 or head.pos_ != "NOUN" or not head.text.islower():
            return None
        name = head.doc[left.i - 2]
        named = self.index.entity_at(name.idx, name.idx + len(name.text))
        if bare:
            return named if named is not None and named.type == "Person" else None
        after = right if right.text == "," else head.doc[right.i + 1] if right.i + 1 < len(head.doc) else None
        opening = head.doc[head.sent.start:left.i - 1]
        if not (definite(head) and after is not None and after.text == "," and after.i + 1 == head.head.i
                and len(opening) <= MAX_OPENING and not any(t.text in ",;:«»\"" or t.pos_ in ("VERB", "AUX", "ADP") for t in opening)
                and not any(t.is_alpha and not t.text.islower() for t in head.doc[left.i + 1:right.i])):
            return None
        if named is None and name.pos_ == "PROPN" and name.i == head.sent.start and name.is_title:
            named = self.missed_name(name, organisation=True)  # "Boisvert, l'association de ...": a body the NER missed
        return named if named is not None and named.type in SPEAKER_TYPES and named.type != "Place" else None

    def kind_named_before(self, head: Token) -> Entity | None:
        """"Vélo-Action se montre nuancé. L'organisation de cyclistes soutient ...": a definite body noun and a complement
        that tells its kind, opening its sentence, refers back to the last body of that kind (public or not) named in
        the sentence just before; with none there, the description names a body of its own."""
        complements = [c for c in head.children if c.dep_ == "nmod"]
        named = any(t.is_alpha and not t.text.islower() for t in head.doc[head.i:max(head.head.i + 1, head.right_edge.i + 1)])
        if named or not (definite(head) and head.left_edge.is_sent_start and head.lower_ in self.cues.collective_anaphors
                         and complements and all(kind_complement(c) for c in complements)):
            return None  # "L'association de riverains Vivre au port": the name follows its kind
        before = previous_sentence(head.sent)
        public = head.lower_ in self.cues.public_bodies
        found = [e for _, e in self.index.mentions_between(before.start_char, before.end_char)
                 if e.type in SPEAKER_TYPES and e.type not in ("Person", "Place") and (e.type in PUBLIC_BODY_TYPES) == public] \
            if before is not None else []
        return found[-1] if found else None

    def members_of(self, head: Token) -> Entity | None:
        """« Les adhérents de la CGT », « les parents d'élèves de la FCPE »: the members of a body (the lexicon's
        ``members``) named by their noun with the body's name as its complement speak for that body; None when the
        complement names no organisation (« les militants du quartier »)."""
        if head.lemma_.lower() not in (lexicon.load("cues", self.doc.lang_).get("members") or ()) or "Plur" not in head.morph.get("Number"):
            return None
        bodies = (e for t in head.rights if t.dep_ == "nmod" and any(c.lower_ in FRENCH_OF for c in t.children)
                  for u in t.subtree if (e := self.entity_at(u)) is not None)
        return next((e for e in bodies if e.type not in ("Person", "Place")), None)

    def government_named(self, noun: Token, government: str) -> bool:
        """Whether the article wrote ``government`` ("gouvernement") before ``noun``, outside quotation marks, and
        named no body headed by ``noun`` ("le ministère de la Culture") nor any title of it ("la ministre de ...") before."""
        words = {noun.lower_, *((lexicon.load("cues", self.doc.lang_).get("bodies_of_roles") or {}).get(noun.lower_) or ())}
        if any(t.lower_ in words and t.i + 1 < len(self.doc) and t.nbor(1).lower_ in FRENCH_OF for t in self.doc[:noun.i]):
            return False
        return any(t.lower_ == government and not self.quoted(t.idx) for t in self.doc[:noun.i])

    def bare_singular(self, phrase: Span) -> bool:
        """Whether ``phrase`` is a singular common noun with no determiner, possessive, number or complement ("brain
        cancer", "political correctness"): a mass noun or an idea, whose relative clause ("which confirmed ...") reports
        nothing, unless the lexicon knows it for a body, a role, a document or a group of people ("police", "staff")."""
        cues, head = self.cues, phrase.root
        known = cues.collectives | cues.public_bodies | cues.documents | cues.roles | cues.view_holders \
            | cues.representatives.keys() | cues.unnamed
        return head.pos_ == "NOUN" and (head.text.islower() or head.is_sent_start and head.text[1:].islower()) \
            and "Sing" in head.morph.get("Number") and not head.ent_type_ \
            and not any(t.pos_ in ("DET", "NUM") or t.dep_ in ("poss", "nmod:poss") for t in phrase if t.i < head.i) \
            and not any(c.dep_ in ("det", "poss", "nmod:poss", "nummod", "predet", "case", "prep", "advmod", "quantmod")
                        for c in head.children) \
            and not {head.lower_, head.lemma_.lower()} & known

    def headline_name(self, noun: Token) -> str | None:
        """The body's noun completed by a name in the headline, which the body of the article may never repeat:
        « le rectorat de Clermont-Ferrand assume », "Kelby Council scraps ..."; None when the headline has none. In
        French, else the last such name before the noun (« la préfecture de la Creuse ... a précisé la préfecture »),
        a territory's with no preposition (« la région Occitanie ... La région précise »)."""
        word = re.escape(noun.lower_)
        if self.doc.lang_ == "fr":
            of = "(?:de la |de l['’]|du |des |d['’]|de )" + ("?" if noun.lower_ in self.cues.body_adjectives else "")
            pattern = rf"(?i:\b{word})\s+{of}\s*{NAME}"
            found = re.search(pattern, self.headline) \
                or next(reversed(list(re.finditer(pattern, self.doc.text[:noun.idx]))), None)
        else:  # capitalised words ending in the noun, not the headline's first ("Coastal Council to ..." may be no name)
            found = next((m for m in re.finditer(NAME, self.headline) if m.start() > 1 and " " in m.group(0)
                          and m.group(0).split()[-1].lower() == noun.lower_
                          and (self.headline[m.start() - 2].islower() or self.headline[m.start() - 2] in ",:")), None)
        return found.group(0) if found else None

    def council_kinds(self) -> list[tuple[int, str]]:
        """Where the article writes a kind of local council in lower case ("the town council"), and the kind; read once."""
        found = self.__dict__.get("_council_kinds")
        if found is None:
            found = [(t.idx, t.nbor(-1).lower_) for t in self.doc if t.lower_ == "council" and t.i > 0
                     and t.nbor(-1).lower_ in LOCAL_KINDS and t.nbor(-1).text.islower()]
            self.__dict__["_council_kinds"] = found
        return found

    def place_kind(self) -> str | None:
        """The one kind of place the article calls its place by ("the city", "the whole county", "a town of 9,000"),
        whose council bears it ("Leeds City Council"); None when it names several, or a borough or district, whose
        councils often bear no kind ("Brockwell Council")."""
        words = {t.lower_ for t in self.doc if t.lower_ in LOCAL_KINDS and t.text.islower()
                 and not (t.i + 1 < len(self.doc) and t.nbor(1).lower_ in ("council", "councils", "councillor", "councillors"))}
        return next(iter(words)) if len(words) == 1 and words <= PLACE_KINDS else None

    def name_introduced(self, head: Token) -> Entity | None:
        """"The shopworkers' union Unify opposed it. A survey for the union found": the name right after the last earlier
        use of a body's bare noun (``head``'s), which the NER may have missed, and which the noun refers back to."""
        if not self.collective(head):
            return None
        for token in reversed(self.doc[:head.i]):
            after = token.nbor(1)
            if token.lower_ == head.lower_ and token.text.islower() and after.text[:1].isupper() and after.is_alpha \
                    and not after.is_sent_start and after.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "NORP") \
                    and not self.quoted(after.idx):  # (a name the tagger may read as a verb; not "the council Monday")
                return self.entity_at(after) or self.missed_name(after, organisation=True)
        return None

    def call(self, noun: Token, entity: Entity | None) -> Entity | None:
        """Remember that the bare ``noun`` ("the company") stood for the named body ``entity``; ``entity``."""
        if entity is not None and entity.type not in ("Person", "Place") and not entity.key.startswith(slugify(self.article_id)):
            self.__dict__.setdefault("_called", []).append((noun.idx, noun.lemma_.lower(), entity))
        return entity

    def body_called(self, noun: Token) -> Entity | None:
        """The named body the same bare noun stood for last before ``noun`` ("Severnside Water ... The company said
        ... a company spokeswoman said"): a description keeps its referent until a name holding the noun comes."""
        return next((e for at, lemma, e in reversed(self.__dict__.get("_called", ())) if at < noun.idx
                     and lemma == noun.lemma_.lower()), None)

    def kind_before(self, noun: Token) -> Entity | None:
        """"la FCPE du Puy-de-Dôme ... L'association demande", "Northway Buses warned ... A company spokesman said":
        the named body mentioned last before ``noun``, nearby, of its kind: a public body for a noun of the state,
        another body for any other noun; not one whose name holds another body's noun ("the company" is no
        "Vale Water Justice Campaign"), and a place's name only when it spoke or a part of it is an acronym ("le
        Snes-FSU"), which the noun then shows to be a body's."""
        public = noun.lower_ in self.cues.public_bodies or noun.lemma_.lower() in self.cues.public_bodies
        nouns = {noun.lower_, noun.lemma_.lower()}
        window = slice(bisect.bisect_left(self.mention_starts, noun.idx - FOCUS_WINDOW),
                       bisect.bisect_left(self.mention_starts, noun.idx))
        known = sorted(self.mentions[window]
                       + [(c, True, e) for c, e in self.spoken if noun.idx - FOCUS_WINDOW <= c < noun.idx], key=lambda m: m[0])
        spoke = {e.key for _, e in self.spoken}
        for _, _, entity in reversed(known):
            acting = entity.key not in self.index.kb.actors and (entity.key in spoke or "-" in entity.label
                                                                 and any(is_acronym(w) for w in entity.label.split("-")))
            if entity.type == "Person" or (entity.type == "Place" and not acting) or entity.key.startswith(slugify(self.article_id)) \
                    or (entity.type in PUBLIC_BODY_TYPES) != public \
                    or (names_a_body(entity.label) and not nouns & set(entity.label.lower().split())):
                continue
            if entity.type == "Place":
                entity.type = "Organization"
            return entity
        return None

    def name_ending(self, noun: Token) -> Entity | None:
        """"Dunmere County Council will remove ... The council said": the last name before ``noun`` that the same
        noun, capitalised, ends, whether or not the NER caught it."""
        for token in reversed(self.doc[:noun.i]):
            if token.lower_ == noun.lower_ and token.text[:1].isupper() and token.i > 0 and not token.is_sent_start \
                    and token.nbor(-1).pos_ == "PROPN" and token.nbor(-1).text[:1].isupper() and not self.quoted(token.idx) \
                    and (token.i + 1 == len(self.doc) or not token.nbor(1).text[:1].isupper()):
                found = self.entity_at(token) or self.missed_name(token, organisation=True)
                return found if found is not None and found.type not in ("Person", "Place") \
                    and found.label.split()[0].lower() != noun.lower_ else None  # a name, not "Council" alone
        return None

    def company_before(self, head: Token) -> Entity | None:
        """The organisation heard or mentioned last before ``head``, nearby, whose name is no body's (``BODY_NOUNS``):
        what "the company" refers back to when a council or an association spoke in between."""
        known = sorted([(c, e) for c, _, e in self.mentions if c < head.idx] + [s for s in self.spoken if s[0] < head.idx],
                       key=lambda m: m[0])
        return next((e for c, e in reversed(known) if head.idx - c <= FOCUS_WINDOW and e.type not in ("Person", "Place")
                     and not names_a_body(e.label)), None)

    def ministry_before(self, noun: Token) -> Entity | None:
        """The ministry the article named last before ``noun``, outside quotations ("the Department for Transport"),
        not a bare "the department"; None when it named none."""
        lex = stance_lexicon(self.doc.lang_)
        named = [e for (start, _), e in self.index.mentions_between(0, noun.idx) if e.type == "GovernmentBody"
                 and not self.quoted(start) and lex.names_ministry(e.label) and len(e.label.split()) > 1]
        return named[-1] if named else None

    def story_nation(self, noun: Token) -> str | None:
        """The adjective of the nation with a government of its own (``DEVOLVED``) a story is set in: the place named
        most often before ``noun``, quotations included, at least twice and more often than any other; else None. A
        government the article named by such an adjective before (``government_nation``) settles it."""
        if (named := self.government_nation(noun)) is not None:
            return named
        counts = sorted(((sum(start < noun.idx for start, _ in e.mentions), e.label) for e in self.index.entities.values()
                         if e.type == "Place"), reverse=True)
        if not counts or counts[0][0] < 2 or len(counts) > 1 and counts[1][0] == counts[0][0]:
            return None
        return DEVOLVED.get(counts[0][1].casefold())

    def government_nation(self, noun: Token) -> str | None:
        """The adjective of the one nation with a government of its own (``DEVOLVED``) whose government the article
        named before ``noun`` ("the Scottish government"); None when it named none, or two."""
        named = {t.nbor(-1).text for t in self.doc[1:noun.i] if t.lower_ == "government" and t.nbor(-1).text in DEVOLVED.values()}
        return next(iter(named)) if len(named) == 1 else None


def names_a_body(label: str) -> bool:
    """Whether a name holds the noun of a body that is no company ("Consumer Council for Water")."""
    return any(word in BODY_NOUNS for word in label.lower().split())


def _hyphenated_start(doc: Doc, first: int) -> int:
    """Where the hyphenated word that ends at, or right before, token ``first`` starts ("holiday-let (owners)",
    "second-(home)"); ``first`` when there is none."""
    def glued(k: int) -> bool:  # "x-y": a hyphen with no space on either side, between two words
        return k >= 1 and doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_ and doc[k - 1].is_alpha
    if first >= 3 and doc[first - 1].is_alpha and glued(first - 2):
        return first - 3
    return first - 2 if first >= 2 and glued(first - 1) else first


def _gerund_modifier_start(doc: Doc, first: int) -> int:
    """Where a plural subject starts when the parse read the gerund before it as a verb ("but letting agents warned"),
    with a plural noun and "and" before that gerund, which the parse hung on a verb ("owners and letting agents");
    ``first`` when there is no such gerund, or it follows a preposition ("after hearing residents")."""
    gerund = doc[first - 1] if first >= 2 else None
    if gerund is None or gerund.tag_ != "VBG" or not gerund.text.islower() or doc[first].tag_ != "NNS" \
            or doc[first].head.i == gerund.i or not (doc[first - 2].pos_ in ("CCONJ", "PUNCT") or gerund.is_sent_start):
        return first
    joined = first >= 3 and doc[first - 2].lower_ == "and" and doc[first - 3].tag_ == "NNS" and doc[first - 3].head.pos_ in ("VERB", "AUX")
    return first - 3 if joined else first - 1


def _plural_apostrophe(token: Token) -> bool:
    """"residents’ (groups)": the apostrophe glued to a plural noun, a possessive inside the phrase, not its end."""
    return token.text in ("'", "’") and token.i > 0 and not token.nbor(-1).whitespace_ \
        and token.nbor(-1).tag_ in ("NNS", "NNPS") and token.i + 1 < len(token.doc) and token.nbor(1).pos_ in ("NOUN", "PROPN", "ADJ")
