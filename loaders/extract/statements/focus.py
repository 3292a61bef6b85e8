"""Focus: who an article has named, heard and made the subject so far, which anaphora ("she", "the charity")
refer back to; the base of Speakers, kept apart so that each module stays short."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from policykg.ontology import NAMED_TYPES
from policykg.loaders.extract.keys import name_words
from policykg.loaders.extract.names import cues, is_acronym, name_head
from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.genders import first_names, name_gender, read_genders
from policykg.loaders.extract.statements.phrases import owners
from policykg.loaders.extract.statements.quotes import credit_lines
from policykg.loaders.extract.statements.syntax import acting, earlier_description, text_length
from policykg.loaders.model import Entity

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex

SPEAKER_TYPES = NAMED_TYPES
"""Entity types that can say something (features and topics cannot)."""
FOCUS_WINDOW = 1500
"""How far back (characters) a pronoun or a definite role looks for its antecedent."""
PUBLIC_BODY_TYPES = frozenset({"GovernmentBody", "LawEnforcement"})
"""Entity types that "the watchdog", "the department" can refer back to."""
NEAR_WINDOW = 400
"""How far back "it" looks for an organisation that spoke or was a subject."""


class Focus:
    """The article's actor mentions and speakers in text order, and the queries on who is in focus at a point."""

    def __init__(self, article_id: str, doc: Doc, index: EntityIndex, cues: Cues, quoted: Callable[[int], bool],
                 reported: Callable[[int], bool], headline: str = ""):
        self.article_id = article_id
        self.headline = headline
        """The article's headline, which the NLP does not read (``clean.mask_headline``)."""
        self.doc = doc
        self.index = index
        self.cues = cues
        self.quoted = quoted
        self.credits = credit_lines(doc, cues)
        self.mentions: list[tuple[int, bool, Entity]] = []
        """(char, is a grammatical subject of the article's own words, entity) for every actor mention
        outside quotations, in text order; a subject inside reported speech is a mere mention."""
        for (start, end), entity in index.mentions_between(0, text_length(doc)):
            if entity.type in SPEAKER_TYPES and not quoted(start) and not self.in_credit(start):
                span = doc.char_span(start, end, alignment_mode="expand")
                root = span.root if span is not None else None
                if entity.type in ("Organization", "Place") and entity.key not in index.kb.actors and span is not None \
                        and self.personal(span):
                    entity.type = "Person"  # "Nadia Perkins, whose sons ...": a person's name, whatever the NER read
                if entity.type == "Place" and entity.key not in index.kb.actors and span is not None and len(span) > 1 \
                        and root.text[:1].isupper() and (self.collective(root) or is_acronym(root.text)):
                    entity.type = "Organization"  # "la Chambre de commerce de X", "la CCI de X": a body, whatever the NER read
                if entity.type == "Person" and entity.key not in index.kb.actors and span is not None and (
                        self.owns_its(root) or self.impersonal(span)):
                    # "Shelter published its figures", "Northway Buses, which runs ...", "le Syndicat intercommunal
                    # des eaux": a pronoun that stands for no person, or a body's noun heading the name
                    entity.type = "Organization"
                if entity.type == "Person" and span is not None and span.start > 0 and doc[span.start - 1].text.islower() \
                        and self.collective(doc[span.start - 1]) and doc[span.start - 1].head.i in (root.i, root.head.i):
                    # "patient group Consent Matters": a body's name, whatever the NER read (or the parse, which may
                    # make both words subjects of the verb)
                    entity.type = "Organization"
                # "Le député Julien Ferrand a salué ...": a name in apposition to the subject is the subject.
                # "À Lyon, Karim Haddad, livreur, ne cache pas ...": a person the parse set in apposition to a fronted place
                fronted = entity.type == "Person" and root is not None and root.dep_ == "appos" and root.head.dep_ == "obl:mod" \
                    and root.head.i < root.i and root.head.head.pos_ in ("VERB", "AUX") and root.head.head.i > root.i
                subject = root is not None and not reported(start) and not _modifying_agent(root) and (acting(root) or fronted or (
                    root.dep_ in ("appos", "flat:name", "compound") and acting(root.head)))
                self.mentions.append((start, subject, entity))
        self.mention_starts = [m[0] for m in self.mentions]
        self.spoken: list[tuple[int, Entity]] = []
        self.genders = read_genders(doc, index, cues, self.mentions, quoted)

    def personal(self, name: Span) -> bool:
        """Whether ``name``, two or three capitalised words (none in capitals or a collective noun), is a person's:
        it opens with a known first name, is apposed to a role ("Its chair, Kirsty Holloway") or is followed by a
        relative pronoun that stands for people ("Nadia Perkins, whose sons ...")."""
        words = name.text.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and not w.isupper() and w.replace("-", "").replace("'", "").isalpha()
                                              and w.lower() not in self.cues.collectives for w in words):
            return False
        if name.end < len(self.doc) and self.doc[name.end].ent_iob_ == "B" and self.doc[name.end].ent_type_ in ("PER", "PERSON"):
            return False  # "le député Les Républicains Paul Verdier": the words before a person's name are the party
        after = self.doc[name.end + 1] if name.end + 1 < len(self.doc) and self.doc[name.end].text == "," else None
        role = name.root.head if name.root.dep_ == "appos" else None
        return words[0].lower() in first_names() or (after is not None and after.lower_ in self.cues.personal_relatives) \
            or (role is not None and role.text.islower() and (role.lemma_.lower() in self.cues.roles or role.lower_ in self.cues.roles))

    def impersonal(self, name: Span) -> bool:
        """Whether ``name`` opens with a capitalised body's noun ("Syndicat intercommunal des eaux", "Association X")
        or is a subject followed by a relative pronoun that stands for no person ("Northway Buses, which runs ...")."""
        after = self.doc[name.end + 1] if name.end + 1 < len(self.doc) and self.doc[name.end].text == "," else None
        return (name[0].text[:1].isupper() and name.root.i == name.start and self.collective(name[0])) \
            or (after is not None and after.lower_ in self.cues.impersonal_relatives  # on the subject, not "pro-X, which"
                and after.head.dep_ in ("relcl", "acl:relcl") and after.head.head.i == name.root.i
                and name.root.dep_.startswith("nsubj"))

    def owns_its(self, root: Token) -> bool:
        """Whether ``root``, a verb's subject, is what a neuter possessive of that verb's object stands for
        ("Shelter published its figures", "Unite balloted its members"): an organisation, whatever the NER read."""
        if not root.dep_.startswith("nsubj"):
            return False
        owners = [t for c in root.head.children if c.dep_ in ("obj", "dobj") for t in c.children if t.dep_ == "poss"]
        return bool(owners) and all("Neut" in t.morph.get("Gender") and "Sing" in t.morph.get("Number") for t in owners)

    def in_credit(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.credits)

    def note(self, at: int, entity: Entity) -> None:
        """``entity`` spoke at ``at``: it is now in focus."""
        self.spoken.append((at, entity))

    def people_just_spoke(self, at: int) -> Entity | None:
        """The group of people named by a plural noun ("trading standards officers", "les riverains") who spoke
        last, nearby: what a plural pronoun ("they", "ils") stands for before any organisation."""
        if not self.spoken or at - self.spoken[-1][0] > NEAR_WINDOW or self.spoken[-1][1].type != "Person":
            return None
        entity = self.spoken[-1][1]
        first = self.doc.char_span(*entity.mentions[0], alignment_mode="expand") if entity.mentions else None
        return entity if first is not None and "Plur" in first.root.morph.get("Number") else None

    def named_by_noun(self, head: Token, *, headed_only: bool = False) -> Entity | None:
        """The organisation named or heard last, nearby (or the article's only one), whose name holds the noun ``head``
        ("the X Alliance ... the alliance"); one whose name the noun heads first ("the trust": "the Oakmere Learning
        Trust" before "Fields in Trust"), and only such a one for a public body's noun or with ``headed_only``."""
        known = sorted([(c, e) for c, _, e in self.mentions if c < head.idx] + [s for s in self.spoken if s[0] < head.idx], key=lambda m: m[0])
        nouns = (head.lower_, head.lemma_.lower())
        public = head.lower_ in self.cues.public_bodies  # "the government" is no "Local Government Association"
        named = [(c, e) for c, e in reversed(known) if e.type not in ("Person", "Place")
                 and (head.lower_ in e.label.lower().split()
                      and not (public and name_head(e.label) not in (None, *nouns) and e.label.split()[-1].lower() not in nouns)
                      or self.introduced_as(e, head))]
        headed = [(c, e) for c, e in named if name_head(e.label) in nouns]
        for found in (headed,) if headed_only else (headed, named):
            near = next((e for c, e in found if head.idx - c <= FOCUS_WINDOW), None)
            if near is not None or len({e.key for _, e in found}) == 1:  # or the article's only one
                return near or found[0][1]
        return None

    def named_again(self, head: Token, phrase: Span) -> Entity | None:
        """"the local chamber of commerce" after "the Dunmore Chamber of Commerce": a longer lower-case definite
        description whose nouns all stand in the name of the organisation ``named_by_noun`` finds."""
        words = [t for t in phrase if not t.is_punct and not t.is_space]
        if len(words) < 3 or not all(t.text.islower() for t in words if t.pos_ != "DET"):
            return None
        nouns = [word for t in words if t.pos_ in ("NOUN", "PROPN") for word in name_words(t.text)]
        named = self.named_by_noun(head)
        # the name's words without their punctuation: "the environment department" is the "Department for Environment,
        # Food and Rural Affairs"
        if named is not None and set(nouns) <= set(name_words(named.label)):
            return named
        # "the local chamber of commerce warned ... The Hallam Chamber of Commerce said": the lede's description of
        # the one organisation the article names in full later
        later = {e.key: e for e in self.index.entities.values() if e.type not in ("Person", "Place") and e.label[:1].isupper()
                 and set(nouns) <= set(name_words(e.label))}
        return next(iter(later.values())) if len(later) == 1 else None

    def story_place(self, noun: Token) -> str | None:
        """The place a local body ("the borough council") belongs to: the one place its sentence names (None when
        several compete), else the story's (``EntityIndex.story_place``); its name."""
        sentence = noun.sent
        names = [e.label for _, e in self.index.mentions_between(sentence.start_char, sentence.end_char) if e.type == "Place"]
        for token in sentence:  # "Residents of Carrowby", "in Leeds and York": a name after "in" or "of" the NER missed
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.is_sent_start:
                continue
            known = self.index.entity_at(token.idx, token.idx + len(token.text))
            after_in = token.dep_ == "pobj" and (token.head.lower_ == "of" and known is None  # "in X": whatever the NER read
                                                 or token.head.lower_ == "in" and (known is None or known.type != "Person"))
            joined = token.dep_ == "conj" and token.head.dep_ == "pobj" and token.head.head.lower_ in ("in", "of") \
                and (known is None or known.type == "Person")  # a place the NER read as a person
            if after_in or joined:
                names.append(token.text)
        if not names:
            place = self.index.story_place(noun.idx, lambda char: self.quoted(char) or self.in_credit(char))
            return place.label if place is not None else None
        places = {name.casefold(): name for name in sorted(names, key=str.isupper, reverse=True)}  # "BRADWELL —" is Bradwell
        return next(iter(places.values())) if len(places) == 1 else None

    def introduced_as(self, entity: Entity, noun: Token) -> bool:
        """Whether the article wrote ``noun`` right before a name of ``entity`` ("the shopworkers’ union Unify",
        "the bus operator Stagecross"), or right after it ("the GMB union"), so that "the union", "the operator" refer
        back to it."""
        for start, end in entity.mentions:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            after = self.doc[span.end] if span.end < len(self.doc) and self.collective(self.doc[span.end]) else None
            for word in (self.doc[span.start - 1] if span.start > 0 else None, after):  # not "a Google spokesperson"
                if word is not None and word.i < noun.i and word.text.islower() and word.lemma_.lower() == noun.lemma_.lower():
                    return True
        return False

    def public_body(self, head: Token) -> Entity | None:
        """"The Equality Commission published ... The watchdog said": a bare "the" and a noun of a public body
        that no earlier phrase of the article describes refer back to the public body in focus, or to a body of no
        known kind that just spoke ("Selon l'Ademe, ... L'agence estime": the recogniser types few agencies), not one
        that only acted ("Norland Foods cut its prices. The regulator said")."""
        if head.lower_ not in self.cues.public_body_anaphors or not any(c.dep_ == "det" for c in head.children) \
                or earlier_description(head) is not None:
            return None
        public = self.in_focus(head.idx, persons=False, types=PUBLIC_BODY_TYPES)
        near = next((e for c, e in reversed(self.spoken) if c < head.idx), None)  # the last speaker, if a body just spoke
        if near is None or near.type != "Organization" or self.last_mention(near, head) < head.idx - NEAR_WINDOW \
                or self.kind_named(near, head) \
                or public is not None and self.last_mention(public, head) > self.last_mention(near, head):
            return public  # "la fédération Familles rurales ... Selon l'agence": a body of another kind
        return near

    def last_mention(self, entity: Entity, before: Token) -> int:
        """Where the article last mentioned ``entity`` before ``before`` (-1 when it did not)."""
        return max((char for char, _ in entity.mentions if char < before.idx), default=-1)

    def kind_named(self, entity: Entity, noun: Token) -> bool:
        """Whether the article set a collective noun other than ``noun`` right before a mention of ``entity`` ("la
        fédération Familles rurales")."""
        for char, _ in entity.mentions:
            first = self.doc.char_span(char, char + 1, alignment_mode="expand")
            before = self.doc[first.start - 1] if first is not None and first.start > 0 else None
            if before is not None and before.lower_ in self.cues.collectives and before.lower_ != noun.lower_:
                return True
        return False

    def lede(self, head: Token) -> bool:
        """Whether ``head`` comes before any person the article names."""
        return not any(c < head.idx and e.type == "Person" for c, _, e in self.mentions)

    def named_next(self, head: Token) -> Entity | None:
        """"..., the council's chief executive announced. Jo Bell said ...": the person named first, and for the first time, next."""
        if head.sent.end >= len(self.doc):
            return None
        after = self.doc[head.sent.end].sent
        # past a sentence that only goes on quoting, in the same paragraph (""We inspect homes," the council's
        # director said. "We find them." Jo Bell added")
        while after.end < len(self.doc) and "\n" not in after.text and "\n" not in self.doc[after.start - 1].whitespace_ \
                and all(self.quoted(t.idx) or t.is_punct or t.is_space for t in after):
            after = self.doc[after.end].sent
        for char, _, entity in self.mentions[bisect.bisect_left(self.mention_starts, after.start_char):]:
            if char >= after.end_char:
                break
            if entity.type == "Person":
                return entity if min(start for start, _ in entity.mentions) >= after.start_char else None
        return None

    def described_later(self, head: Token) -> Entity | None:
        """"a parents' group ... welcomed it. Phone-Free Childhood, the group founded by ...": an indefinite collective
        noun ("a" may hang on its modifier) before any person is named is the one organisation named later, for the
        first time, and set beside a phrase of that noun, or whose name ends in that noun ("An academy trust wants ...
        The Oakmere Learning Trust said")."""
        if not self.collective(head) or "Ind" not in head.left_edge.morph.get("Definite") or not self.lede(head):
            return None
        found = {}
        for char, _, entity in self.mentions[bisect.bisect_right(self.mention_starts, head.idx):]:
            span = self.doc.char_span(*entity.mentions[0], alignment_mode="expand") if entity.mentions[0][0] == char else None
            # (a name the NER read as a person's: the collective noun beside it says what it is)
            if entity.type != "Place" and span is not None and span.end < len(self.doc) and self.doc[span.end].text == "," \
                    and any(t.lemma_.lower() == head.lemma_.lower() and t.dep_ == "appos" for t in self.doc[span.end + 1:span.end + 4]):
                found[entity.key] = entity
            elif span is not None and entity.type not in ("Person", "Place") \
                    and name_head(entity.label) in (head.lower_, head.lemma_.lower()):
                found[entity.key] = entity
        return next(iter(found.values())) if len(found) == 1 else None

    def identified_later(self, role: Token) -> Entity | None:
        """"A senior officer who leads on retail crime said ... That officer, Chief Superintendent X, added": the person
        a later demonstrative of the same role noun is set beside, past a title; None when none follows."""
        if not (role.lemma_.lower() in self.cues.roles or role.lower_ in self.cues.roles) \
                or "Ind" not in role.left_edge.morph.get("Definite"):
            return None
        for noun in self.doc[role.i + 1:]:
            if noun.lemma_.lower() != role.lemma_.lower() or noun.i < 1 or noun.nbor(-1).lower_ not in ("that", "this") \
                    or noun.i + 2 >= len(self.doc) or noun.nbor(1).text != ",":
                continue
            for token in self.doc[noun.i + 2:min(noun.i + 6, len(self.doc))]:
                entity = self.index.entity_at(token.idx, token.idx + len(token.text))
                if entity is not None and entity.type == "Person":
                    return entity
                if not (token.text[:1].isupper() and (token.lower_ in self.cues.titles | self.cues.roles
                                                      or token.lower_.rstrip(".") in cues().honorifics)):
                    break  # past titles only ("Chief Superintendent")
        return None

    def holder_named_later(self, role: Token) -> Entity | None:
        """"The council's leader said ... Councillor Jo Bell, who leads the council, said" (or "Council leader Jo Bell
        said"): the first person named later, for the first time, whose title or next words give the role (its noun, or a verb its noun is made of: "leads",
        "chairs") and the noun of its owner ("council"), or set after the role's noun, definite ("The leader, Jo Bell,")."""
        owner = next((o for o in owners(role) if o.pos_ == "NOUN"), None)
        lemma = role.lemma_.lower()
        if owner is None:
            return None
        for char, _, entity in self.mentions[bisect.bisect_right(self.mention_starts, role.idx):]:
            if entity.type != "Person" or entity.mentions[0][0] != char \
                    or (span := self.doc.char_span(*entity.mentions[0], alignment_mode="expand")) is None:
                continue
            title = span.start  # "Council leader Priya Venkatesh": the title the name follows says it as well
            while title > max(span.sent.start, span.start - 4) and self.doc[title - 1].pos_ in ("NOUN", "PROPN") \
                    and self.doc[title - 1].ent_type_ != "PERSON":
                title -= 1
            words = {t.lemma_.lower() for t in self.doc[title:min(span.end + 8, span.sent.end)]}
            # or the role's noun, definite, set before the name ("The director, Helen Trask, said")
            apposed = span.start >= 3 and self.doc[span.start - 1].text == "," and self.doc[span.start - 2].lemma_.lower() == lemma \
                and self.doc[span.start - 3].lower_ == "the"
            if apposed or owner.lemma_.lower() in words and any(w == lemma or len(w) >= 4 and lemma.startswith(w) for w in words):
                return entity
        return None

    def organisation_just_spoke(self, at: int) -> bool:
        """Whether the last speaker before ``at`` is an organisation that spoke nearby, with no person named
        as a subject since: a pronoun that may stand for either ("elle", "il") then stands for it."""
        if not self.spoken or self.spoken[-1][1].type == "Person" or at - self.spoken[-1][0] > NEAR_WINDOW:
            return False
        since = self.spoken[-1][0]
        return not any(since < char < at and subject and entity.type == "Person" for char, subject, entity in self.mentions)

    def titled(self, role: Token) -> Entity | None:
        """The last person named before ``role``, however far back, whom the article has called by its noun: « le
        préfet » 1,500 characters after « Le préfet, X, » is X, over a nearer person never called so."""
        before = self.mentions[:bisect.bisect_left(self.mention_starts, role.idx)]
        return next((e for _, _, e in reversed(before) if e.type == "Person" and self.known_as(e, role)), None)

    def known_as(self, entity: Entity, role: Token) -> bool:
        """Whether the article has called ``entity`` by ``role``'s noun before ("la ministre Claire Fontaine",
        "Claire Fontaine, ministre du Numérique"): a few words around one of its earlier mentions."""
        lemma = role.lemma_.lower()
        for (start, end), other in self.index.mentions_between(0, role.idx):
            if other.key != entity.key:
                continue
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            # within the mention's sentence: "... de l'office de tourisme. Le préfet a indiqué" calls the office nothing
            around = self.doc[max(span.sent.start, span.start - 6):min(span.sent.end, span.end + 3)]
            if any(t.lemma_.lower() == lemma for t in (*around, *self.apposition(span))):
                return True
        return False

    def apposition(self, span: Span) -> list[Token]:
        """The noun phrase set off by a comma after a name, up to the next punctuation ("X, the housing minister,"),
        with no verb in it (not "X, who met the minister")."""
        words: list[Token] = []
        if span.end >= len(self.doc) or self.doc[span.end].text != ",":
            return []
        for token in self.doc[span.end:min(span.end + 8, len(self.doc))]:
            if token.is_punct and words:
                break
            if not token.is_punct:
                words.append(token)
            elif token.text != ",":
                return []
        noun_phrase = bool(words) and words[0].pos_ in ("DET", "NOUN", "ADJ", "PROPN") and not any(t.pos_ in ("VERB", "AUX") for t in words)
        return words if noun_phrase else []  # not "X, en marge d'un sommet,", a phrase on the verb

    def collective(self, head: Token) -> bool:
        """Whether ``head`` names a body of people ("ministère", "the board"), by its lemma or its form."""
        return head.lemma_.lower() in self.cues.collectives or head.lower_ in self.cues.collectives

    def holder_of(self, noun: Token) -> Entity | None:
        """The person "his" or "her" before ``noun`` stands for ("his office"): the person in focus nearby; else None."""
        owning = next((c for c in noun.children if c.dep_ in ("poss", "nmod:poss")), None)
        if owning is None or owning.pos_ != "PRON" or not {"Masc", "Fem"} & set(owning.morph.get("Gender")):
            return None
        return self.in_focus(noun.idx, persons=True, window=NEAR_WINDOW)

    def in_focus(self, at: int, *, persons: bool | None, speakers_first: bool = False, gender: str | None = None,
                 window: int = FOCUS_WINDOW, types: Collection[str] = SPEAKER_TYPES) -> Entity | None:
        """The entity in focus just before ``at``: a person, (``persons=False``) an organisation or (None) either.

        The most recent speaker or grammatical subject wins over a mere mention, the fallback.
        With ``speakers_first`` (a document: "l'article", "the report") an earlier speaker wins
        over any later subject. A person of the other ``gender``, or people named by a plural ("others", "both
        parents"), never fit a gendered pronoun.
        """
        def fits(entity: Entity) -> bool:
            return (persons is None or (entity.type == "Person") == persons) and entity.type in types and entity.type != "Place" \
                and (gender is None or (self.gender(entity) or gender) == gender and not self.plural(entity))

        earliest = max(0, at - window)
        spoken = [(char, 2, entity) for char, entity in self.spoken if earliest <= char < at and fits(entity)]
        if speakers_first and spoken:
            return spoken[-1][2]
        events = list(spoken)
        for char, is_subject, entity in self.mentions[bisect.bisect_left(self.mention_starts, earliest):]:
            if char >= at:
                break
            if fits(entity):
                events.append((char, int(is_subject), entity))
        if gender is not None:
            # "For Daniel Reyes, who waited years, ... “...,” he said": a person named in the pronoun's own paragraph
            # wins over one who spoke in an earlier paragraph
            opening = self.paragraph_start(at)
            events = [e for e in events if e[0] >= opening] or events
        strong = [e for e in events if e[1] > 0]
        if window < FOCUS_WINDOW:
            events = strong  # a short reach: only a speaker or a subject
        return max(strong or events, key=lambda e: (e[0], e[1]))[2] if events else None

    def paragraph_start(self, at: int) -> int:
        """Where the paragraph holding ``at`` opens."""
        return self.doc.text.rfind("\n", 0, at) + 1

    def named_in_paragraph(self, entity: Entity, at: int) -> bool:
        """Whether ``entity`` spoke or was mentioned in the paragraph of ``at``, before it."""
        opening = self.paragraph_start(at)
        return any(opening <= char < at and e.key == entity.key
                   for char, e in [*self.spoken, *((c, e) for c, _, e in self.mentions)])

    def gender(self, entity: Entity) -> str | None:
        """"m", "f" or None, as the article shows it or, for a person named while resolving, a first name tells."""
        return self.genders.get(entity.key) or name_gender(entity, self.cues)

    def plural(self, entity: Entity) -> bool:
        """Whether ``entity`` is only ever named by a plural common noun ("critics", "both parents"); a name the
        tagger read as one somewhere ("Sanders ready to ...") is still a person's."""
        spans = [self.doc.char_span(*mention, alignment_mode="expand") for mention in entity.mentions]
        roots = [span.root for span in spans if span is not None]
        return bool(roots) and all(r.pos_ == "NOUN" and "Plur" in r.morph.get("Number") for r in roots)


def _modifying_agent(token: Token) -> bool:
    """Whether ``token`` is the agent of a participle or a relative clause that describes a noun ("TicketHarbour,
    criticised by the CMA last year, declined ..."): it acts in the description, the sentence is about the noun."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else token.head if token.dep_ == "obl:agent" else None
    return verb is not None and verb.dep_ in ("acl", "relcl", "acl:relcl")
