"""Speakers: speaker expressions resolved to entities in text order (names, roles, pronouns, representatives)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from policykg.loaders.extract.names import fold, is_acronym
from policykg.loaders.extract.statements.documents import author_of, draft, issuer_of
from policykg.loaders.extract.statements.focus import NEAR_WINDOW, SPEAKER_TYPES
from policykg.loaders.extract.statements.genders import first_names
from policykg.loaders.extract.statements.phrases import (
    Expression, bare_noun, definite, described, expression, left_expression, noun_phrase, owners, past_title,
    phrase_label,
)
from policykg.loaders.extract.statements.syntax import (
    capitalised_noun, earlier_description, group_before, fronted_place, modifies, previous_sentence,
    previous_word,
)
from policykg.loaders.extract.statements.speaker_names import noun_owns_name
from policykg.loaders.extract.statements.unnamed_speakers import UnnamedSpeakers, names_a_body
from policykg.loaders.model import Entity, slugify


class Speakers(UnnamedSpeakers):
    """Resolves speaker expressions in text order, remembering who was in focus."""

    def resolve(self, spoken_by: Expression, *, unnamed: bool = False) -> tuple[Entity | None, bool]:
        """The entity a speaker expression names, and whether it was reached through anaphora.

        With ``unnamed``, a common noun that names no one ("a source", "the board") makes an
        unnamed speaker; callers try every expression without it first.
        """
        head, phrase = spoken_by
        lower, lemma = head.lower_, head.lemma_.lower()
        cues = self.cues
        if self.in_credit(head.idx):
            return None, False
        misparsed = head.head.dep_ == "dep" and head.i > 0 and head.nbor(-1).text == ","  # ", qui juge ...", hung as a "dep"
        comma = previous_word(head)
        before = previous_word(comma) if comma is not None and comma.text == "," else None
        named = self.entity_at(before) if before is not None and head.head.dep_ == "advcl" and head.tag_ in ("WDT", "WP") else None
        if lower in cues.relative_pronouns and named is not None and named.type != "Place" and not self.quoted(before.idx):
            # "published by the Department for X, which said ...": a relative clause the parse hung on the main verb
            return named, True
        if lower in cues.relative_pronouns and (head.head.dep_ in ("relcl", "acl:relcl", "acl") or misparsed):
            antecedent = expression(self.antecedent(head.head.head, head))
            if self.quoted(antecedent[0].idx):
                return None, False  # "X y voit « un appel d'air » qui incitera ...": quoted words speak for no one
            if self.bare_singular(antecedent[1]):
                return None, False  # "brain cancer, which confirmed ...": a relative clause on a thing or an idea
            return self.resolve(antecedent, unnamed=unnamed)
        doc = head.doc
        if (lower in cues.titles or lemma in cues.titles) and head.i + 1 < len(doc) \
                and (titled := self.entity_at(doc[head.i + 1])) is not None and titled.type == "Person":
            return titled, False  # "a déclaré Mme Le Bihan-Moreau": the parse made the title alone the subject
        if (apposed := self.name_described(head) or self.kind_named_before(head)) is not None:
            return apposed, False  # "La chercheuse X, auteure de ..., estime"; "X ... L'organisation de cyclistes juge"
        if lower in cues.person_pronouns | cues.group_pronouns and 0 < head.i < len(doc) - 1 \
                and doc[head.i - 1].text == doc[head.i + 1].text == "," \
                and (stressed := left_expression(doc[head.i + 1], cues)) is not None and stressed[0].i < head.i:
            return self.resolve(stressed, unnamed=unnamed)  # "Les associations, elles, saluent": the phrase before
        if lower in cues.person_pronouns:
            gender = "m" if lower in cues.male else "f" if lower in cues.female else None
            if (main := self.main_subject(head, gender)) is not None:
                return self.resolve(expression(main), unnamed=unnamed)  # "La fédération approuve le texte, qu'elle réclamait"
            if (named := self.named_after_clause(head, gender)) is not None:
                return named, True  # "While she welcomed the principle, the chair, Dame X, warned ..."
            topic = fronted_place(head) if doc[head.sent.start].lower_ in cues.topic_markers else None
            if topic is not None and gender is not None and ("Fem" if gender == "f" else "Masc") in topic.morph.get("Gender"):
                return self.resolve(expression(topic), unnamed=True)  # "Quant à l'opposition de gauche, elle s'interroge"
            if (body := self.body_before(head, gender)) is not None:
                edge = body.right_edge
                named = next((e for _, e in self.index.mentions_between(body.idx, edge.idx + len(edge.text))
                              if e.type in SPEAKER_TYPES and e.type not in ("Person", "Place")), None) if body.is_lower else None
                if named is not None:
                    return named, True  # "Le syndicat enseignant SNES-FSU est plus nuancé. Il ...": the body's name
                return self.resolve(expression(body), unnamed=unnamed)  # "La mairie de Lyon a voté une aide. Elle ..."
            if (role := self.role_before(head, gender)) is not None:
                return self.resolve(expression(role), unnamed=True)  # "Le préfet du Gard a pris un arrêté. Il estime ..."
            if lower in cues.organisation_pronouns and self.organisation_just_spoke(head.idx):
                return self.spoken[-1][1], True  # "L'association dénonce ... Elle rappelle que ..."
            # with no person who fits, a speaker the NER took for an organisation ("Carly Fiorina" read as a company)
            person = self.in_focus(head.idx, persons=True, gender=gender) or (
                self.in_focus(head.idx, persons=None, gender=gender, speakers_first=True) if gender else None)
            if gender is not None and (person is None or not self.named_in_paragraph(person, head.idx)):
                person = self.unrecognised_subject(head, gender) or person
            if person is not None and gender is not None:
                self.genders.setdefault(person.key, gender)  # "she" bound to a name tells its gender from then on
            return person, True
        if lower in cues.group_pronouns:
            group = None if self.people_just_spoke(head.idx) else group_before(head)  # people named, not an entity
            if group is not None:
                return self.unnamed(group) if unnamed else None, True
            return self.people_just_spoke(head.idx) or self.in_focus(head.idx, persons=False), True
        if lower in cues.organisation_pronouns:
            document = self.document_before(head)
            if document is not None:  # "The safety review was cautious. It found that ...": the document speaks
                return self.resolve(expression(document), unnamed=unnamed)[0], True
            # "the company said ... It added": only an organisation that has just spoken or is the subject next door.
            return self.colon_body(head) or self.in_focus(head.idx, persons=False, window=NEAR_WINDOW), True
        if lower in cues.impersonal_pronouns and (fronted := fronted_place(head)) is not None:
            # "Du côté de la préfecture, on rappelle que"; "Dans l'entourage du ministre, on assure": the representative
            opening = next((t for t in head.sent if t.pos_ in ("NOUN", "PROPN")), fronted)
            if opening.i < fronted.i and opening.text.islower() and (opening.lemma_.lower() in cues.representatives
                                                                     or opening.lower_ in cues.representatives):
                fronted = opening
            return self.resolve(expression(fronted), unnamed=unnamed)
        if head.pos_ == "PRON" and lower not in cues.unnamed:
            return None, False
        # a capitalised document noun inside a French sentence names a newspaper ("Le Courrier de X"), not a letter
        if (lemma in cues.documents or lower in cues.documents or draft(head, cues)) \
                and not (doc.lang_ == "fr" and head.text[:1].isupper() and not head.is_sent_start):
            # "Research by X found", "the institute's report says": the author, before any name the words may form
            author = author_of(head) or next((c for c in head.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")), None)
            if author is not None and author.pos_ == "PRON":  # "a study it commissioned": the body that has just spoken
                body, author = self.in_focus(head.idx, persons=False, window=NEAR_WINDOW), None
                if body is not None:
                    return body, True
            if author is not None:  # "a poll for the association by X": the author's phrase up to the pollster
                by = next((c for c in author.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
                found = expression(author)
                return self.resolve((author, head.doc[found[1].start:by.i]) if by is not None else found, unnamed=unnamed)
            body = next((c for c in head.children if c.dep_ == "compound" and c.text.islower() and self.collective(c)), None)
            # "according to a council evaluation": the body that wrote it when the article named it (else the document)
            principal = (self.entity_at(body) or self.named_by_noun(body) or self.public_body(body)) if body is not None else None
            if principal is not None:
                return principal, True
        if head.pos_ == "NOUN" and definite(head) and len([t for t in phrase if not t.is_punct and t.dep_ != "case"]) == 2 \
                and (named := self.named_by_noun(head) or self.name_introduced(head) or self.name_ending(head)
                     or self.public_body(head)) is not None:
            return self.call(head, named), True  # "the alliance", "the institute": the organisation just named with that noun
        if head.pos_ in ("NOUN", "PROPN") and definite(head) and (named := self.named_again(head, phrase)) is not None:
            return named, True  # "the local chamber of commerce": the lower-case words (a tagger may read as a name) checked there
        if (body := self.members_of(head)) is not None:
            return body, False  # "Les adhérents de la CGT": its members speak for the body
        voiced = next((e for t in phrase if t.head.i == head.i and t.lemma_.lower() in cues.mouthpieces for g in t.rights
                       if (e := self.entity_at(g)) is not None and e.type == "Person"), None)
        if voiced is not None:
            return voiced, False  # "L'opposition, par la voix de Paul Roux, répond": the person speaks for the body
        opening = self.person_before_affiliation(head, phrase) or self.described_name(head, phrase)
        if opening is not None:
            return opening, False
        named = self.entity_at(head)
        if named is not None and head.text[-1:] == "s" and is_acronym(head.text[:-1]) \
                and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower() for c in head.children):
            return (self.unnamed(phrase) if unnamed else None), False  # "opposition MPs": a group of the members, not all
        if (joined := self.joined_name(head)) is not None:
            return joined, False  # "Upland Farms and Estates": one name, whatever the NER read
        if named is not None and named.type not in ("Person", "Place") and (longer := self.longer_name(named, head.idx)) is not None:
            return longer, True  # "la CCI de Valbourg ... la CCI": the body named in full before
        if named is not None and self.holder_unnamed(named):
            named = None  # "the home secretary said": the post's holder the article never names is not its speaker
        if named is not None and named.type == "Place":
            # "le tribunal administratif de Toulouse": the place completes the noun that speaks
            noun = next((t for t in phrase if t.i < head.i and t.pos_ == "NOUN" and t.text.islower()), None)
            if head.text.islower():
                named = None
            elif noun is not None and (head.dep_ == "pobj" or any(c.dep_ == "case" for c in head.children)):
                return self.resolve((noun, phrase), unnamed=unnamed)
        if named is not None and named.type == "Person":
            return named, False
        if named is not None and named.type == "Place" and (owner := self.named_after_place(named)) is not None:
            return owner, False  # "Southern Vale Water said ... Southern Vale said": the short form of its name
        if named is not None and named.type == "Place" and self.place_in_name(head):
            return self.missed_name(head, organisation=True), False
        if named is None and lemma in cues.roles and "Plur" in head.morph.get("Number"):
            # "researchers at the University of X": people of an organisation, unnamed, speak for it
            bodies = [e for _, e in self.index.mentions_between(head.idx + len(head.text), phrase.end_char)
                      if e.type in SPEAKER_TYPES and e.type not in ("Person", "Place")]
            body = next((g for c in head.rights if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if bodies or body is not None:  # or a name the NER missed: "researchers at the Centre for ..."
                return (bodies[0] if bodies else self.missed_organisation(noun_phrase(body))), False
        collective = self.collective(head)
        member = (collective and self.apposed_run(head)) or self.named_member(head, phrase) or self.apposed_name(head) \
            or self.name_after(head, phrase) or self.name_before_kind(head, phrase)
        if member is not None:
            return member, False
        if (lemma in cues.representatives or lower in cues.representatives) and head.text.islower():  # "le cabinet du ministre": its body, if known
            entity = named if named is not None and named.type == "GovernmentBody" else self.representative(head, phrase)
            return (entity, False) if entity is not None or not unnamed else (self.unnamed(phrase), True)
        full = self.full_name(head, phrase, named)
        if full is not None:
            return full, False
        if named is not None:
            return named, False
        if (lemma in cues.roles or lower in cues.roles) and definite(head) and self.lede(head) \
                and (following := self.named_next(head)) is not None:
            return following, True  # "..., the Transport Secretary announced. Rachel Dunmore told MPs": the person named next
        if head.text.isupper() and lower in cues.roles and (titled := next((e for c in head.children if c.dep_ == "compound"
                                                                             and (e := self.entity_at(c)) is not None
                                                                             and e.type == "Person"), None)) is not None:
            return titled, False  # "Helen Marsh MP said": the person the letters after the name describe
        # a name; not a role in capitals ("the MP", "the MEP"), read below as a role
        if (head.pos_ == "PROPN" or capitalised_noun(head)) and not (head.text.isupper() and lower in cues.roles and definite(head)):
            # "Disability rights group Open Road": a name after a collective noun is an organisation's, whatever the NER read
            missed = self.missed_name(head, organisation=any(c.dep_ == "compound" and c.text.islower() and self.collective(c)
                                                             for c in head.children))
            if missed is not None or head.text[:1].isupper() or not (self.collective(head) or lemma in cues.roles):
                return missed, False
            # "the city council confirmed": a lower-case body or role the tagger read as a name is read as a noun
        label = phrase_label(phrase)
        known = self.index.lookup(label) if label else None
        role = lemma in cues.roles or lower in cues.roles
        if known is not None and known.type in SPEAKER_TYPES and (known.type == "Person" or not role) \
                and not self.holder_unnamed(known):
            return known, False
        if head.pos_ == "NOUN" and head.text[:1].isupper() and not head.is_sent_start:
            return self.missed_organisation(phrase), False
        is_definite = definite(head) or (head.dep_ == "appos" and not any(c.dep_ == "det" for c in head.children))
        focus = None
        if role and is_definite and "Plur" not in head.morph.get("Number"):  # "les élus locaux" are not one person in focus
            focus = self.in_focus(head.idx, persons=True)
            owned = bool(owned_by := owners(head))
            # "the council's chief executive" is not the person called "the alliance's chief executive" before
            if focus is not None and (not self.known_as(focus, head) or any(not self.known_as(focus, o) for o in owned_by)):
                # "le président de la République": a new person;
                # "le ministre": the person called so before, over another in focus
                # "the shadow home secretary": a modified title the article has not used before is another post than
                # anyone's in focus
                modified = any(t.lower_ in cues.other_posts for t in phrase if t.i < head.i) \
                    and phrase_label(phrase).lower() not in self.doc.text[:phrase.start_char].lower()
                focus = None if described(head) or owned else self.titled(head) or (
                    None if modified or self.in_other_role(focus) else focus)
            if focus is None and owned:
                focus = self.named_next(head) or self.holder_named_later(head)
        elif is_definite and lower in cues.collective_anaphors and bare_noun(head, phrase):
            focus = self.in_focus(head.idx, persons=False, window=NEAR_WINDOW)  # "Aylo said ... the company said"
            if focus is not None and lower in ("company", "firm") and names_a_body(focus.label):
                focus = self.company_before(head) or focus
            subject = self.subject_before(head) if focus is None else None
            if subject is not None and subject.pos_ == "PROPN" and self.entity_at(subject) is None and not subject.ent_type_:
                # "Northwind Renewables wants ... The company says": the name the NER missed just before
                focus = self.missed_name(subject, organisation=True)
            # the body the noun stood for before, else the last body of its kind named nearby
            focus = self.call(head, focus or self.body_called(head) or self.kind_before(head))
        elif lemma in cues.documents or lower in cues.documents:
            inside = [e for _, e in self.index.mentions_between(phrase.start_char, phrase.end_char) if e.type in SPEAKER_TYPES]
            if inside:
                return inside[0], False
            author = issuer_of(head)  # the author named in the phrase is taken above
            if author is not None:  # "une étude de la Drees", "les chiffres du ministère", "X issued a statement"
                return self.resolve(expression(author), unnamed=unnamed)
            governing = head.head
            while governing.dep_ in ("prep", "pobj") and governing.head.i != governing.i:
                governing = governing.head  # "X backed the plan, according to a statement": past the English prepositions
            subject = next((c for c in governing.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < head.i), None)
            if subject is not None and not is_definite and (lemma in cues.own_documents or lower in cues.own_documents):
                return self.resolve(expression(subject), unnamed=unnamed)  # "X « approuve ... », selon un communiqué"
            if any(c.lower_ in cues.possessives for c in head.children):
                # "D'après leurs estimations", "X se montre nuancé. D'après ses travaux": the document of whoever
                # last spoke or was the subject, nearby
                focus = self.in_focus(head.idx, persons=None, window=NEAR_WINDOW)
            if is_definite and focus is None:
                focus = self.in_focus(head.idx, persons=False, speakers_first=True)
        if focus is not None and not self.holder_unnamed(focus):
            return focus, True
        if head.pos_ == "NOUN" and (later := self.described_later(head) or self.identified_later(head)) is not None:
            return later, True  # "a parents' group ... Phone-Free Childhood, the group ..."; "That officer, X, added"
        owner = next((e for c in head.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PROPN" and not c.is_sent_start
                      and (e := self.entity_at(c)) is not None), None)
        if unnamed and lower in cues.personal_offices and (holder := owner or self.holder_of(head)) and holder.type == "Person":
            return holder, True  # "Tom Hale's office said", "his office said": the office speaks for the person who holds it
        if unnamed and owner is None and (head.pos_ == "NOUN" or head.text.islower()) and self.collective(head):
            # "the council's transport department", "its cabinet": a unit of a body the noun or the pronoun stands for
            owning = next((c for c in head.children if c.dep_ in ("poss", "nmod:poss")), None)
            if owning is not None and owning.pos_ == "NOUN" and definite(owning) and self.collective(owning):
                owner = self.named_by_noun(owning) or self.name_introduced(owning) or self.name_ending(owning) \
                    or self.body_called(owning) or self.unnamed(earlier_description(owning) or expression(owning)[1])
            elif owning is not None and owning.lower_ in cues.possessives and "Neut" in owning.morph.get("Gender"):
                owner = self.body_of_sentence(head) or self.in_focus(head.idx, persons=False, window=NEAR_WINDOW)
        if unnamed and owner is not None and owner.type in SPEAKER_TYPES and owner.type not in ("Person", "Place") \
                and (head.pos_ == "NOUN" or head.text.islower()) and self.collective(head):
            return owner, True  # "the University of X's alcohol research group": a unit of a named body speaks for it
        if lemma in cues.provisions or lower in cues.provisions:
            return None, False  # "le décret précise que ...": a provision, which no one says
        if unnamed and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and (head.text.islower() or role)) or lower in cues.unnamed):
            bare = definite(head) and self.collective(head) and len([t for t in phrase if not t.is_punct]) == 2
            earlier = earlier_description(head) if bare else None
            # "Moorwatch, the government's wildlife agency, ... the agency said": the name the description stood beside
            named = self.entity_at(earlier.root.head) if earlier is not None and earlier.root.dep_ == "appos" else None
            if named is not None and named.type != "Place":  # (a body's name the NER may read as a person's)
                return named, True
            return self.unnamed(earlier or phrase), True  # "the business department ... the department said"
        return None, False

    def in_other_role(self, person: Entity) -> bool:
        """Whether the article introduced ``person`` as someone with no office, a common noun set off after the name
        ("Tom Hale, a landlord,"), so that "the minister" is someone else. (A role there, "X, the housing secretary,",
        may still be called "the minister".)"""
        span = self.doc.char_span(*person.mentions[0], alignment_mode="expand") if person.mentions else None
        nouns = [t for t in self.apposition(span) if t.pos_ == "NOUN" and t.text.islower()] if span is not None else []
        return bool(nouns) and not any(self.role(t) for t in nouns)

    def holder_unnamed(self, entity: Entity) -> bool:
        """A person of the knowledge base whom the article mentions only by a post title ("the home secretary"),
        resolved to the holder at the publication date: the gold, and the reader, know the speaker by the title."""
        if entity.type != "Person" or entity.key not in self.index.kb.actors:
            return False
        words = {fold(w) for w in entity.label.split()}
        return not any(words & {fold(w) for w in self.doc.text[start:end].split()} for start, end in entity.mentions)

    def person_before_affiliation(self, head: Token, phrase: Span) -> Entity | None:
        """"Helen Marsh of Bus Users West Vale said": a person's name opening the phrase, then a preposition and
        their organisation, which the parse may have taken for the head; the person speaks."""
        words = [t for t in phrase if not t.is_space]
        mentions = self.index.mentions_between(phrase.start_char, phrase.end_char)
        first = next(((start, end, e) for (start, end), e in mentions if start == words[0].idx), None) if words else None
        if first is None or first[2].type != "Person" or first[0] <= head.idx < first[1]:
            return None
        after = next((t for t in words if t.idx >= first[1]), None)
        return first[2] if after is not None and after.pos_ == "ADP" else None

    def described_name(self, head: Token, phrase: Span) -> Entity | None:
        """"Greenpeace, une organisation écologiste, rappelle ...", "La Fnaut, fédération d'usagers, juge ...": an
        indefinite or bare collective noun set off by commas right after a name describes it, and the parse may
        take it for the subject; the name speaks."""
        bare = head.lemma_.lower() in self.cues.collectives and not any(c.dep_ == "det" for c in head.children)
        # "Airpur Vallée, l'observatoire régional de l'air, a relevé": a definite one too, closed by a comma after a
        # name that opens the sentence
        closed = phrase.end < len(self.doc) and self.doc[phrase.end].text == "," and self.collective(head)
        if head.pos_ != "NOUN" or not (bare or closed or any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in head.children)):
            return None
        comma = previous_word(phrase[0])
        name = previous_word(comma) if comma is not None and comma.text == "," else None
        root = name
        while root is not None and root.dep_ in ("nmod", "flat", "flat:name") and root.head.i < root.i:
            root = root.head  # "la Ligue des droits de l'homme": up to the name's head
        if root is not None and (any(c.dep_ == "case" for c in root.children) or root.dep_ == "pobj" and head.head.i != root.i):
            # "Dans une tribune publiée par Le Monde, des médecins ...", "... approval of Parliament, a Home Office
            # spokesperson said": a complement, not the subject
            return None
        if closed and not bare and (root is None or not root.left_edge.is_sent_start or root.ent_type_ in ("DATE", "TIME")):
            return None  # "Mardi, le ministère, ...": a date, not a name
        if name is None or not name.text[:1].isupper() or name.pos_ in ("VERB", "AUX", "ADJ", "ADV") \
                or name.ent_type_ in ("DATE", "TIME") \
                or (name.dep_ == "advcl" and not name.ent_type_ and self.entity_at(name) is None):
            return None  # "Interrogé, un porte-parole a indiqué", "Sollicitée, ...": a fronted participle is no name,
            # nor a date ("... in January, a government spokesperson said")
        return self.entity_at(name) or self.missed_name(name, organisation=name.ent_type_ not in ("PER", "PERSON"))

    def unrecognised_subject(self, pronoun: Token, gender: str) -> Entity | None:
        """"Nicola Heath, a mother of three, was among them. “...,” she said": the last subject (or a name apposed
        in it) of the pronoun's paragraph written as a first name (of its gender, if a known one) and a surname, which the NER did not tag."""
        opening, names = self.paragraph_start(pronoun.idx), first_names()
        for token in reversed(self.doc[:pronoun.i]):
            if token.idx < opening:
                break
            # the subject, or a name in apposition inside it ("Her opposite number in the Senedd, Huw Daniels, was")
            apposed = token.dep_ == "appos" and any(a.dep_ in ("nsubj", "nsubjpass") for a in [token.head, *token.head.ancestors][:3])
            if (token.dep_ not in ("nsubj", "nsubjpass") and not apposed) or token.pos_ != "PROPN" or self.quoted(token.idx) \
                    or self.index.entity_at(token.idx, token.idx + len(token.text)) is not None:
                continue
            first = next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1 and c.pos_ == "PROPN"), None)
            if first is not None and names.get(first.lower_, gender) == gender and not token.ent_type_:
                return self.missed_name(token)
        return None

    def main_subject(self, pronoun: Token, gender: str | None) -> Token | None:
        """"La Confédération approuve le dispositif, qu'elle réclamait depuis deux ans": the subject of a relative
        clause hung on the main verb stands for that verb's nominal subject, of its gender, before it."""
        verb = pronoun.head
        main = verb.head
        if gender is None or verb.i == main.i or verb.dep_ not in ("advcl", "acl:relcl", "relcl") \
                or "Rel" not in verb.left_edge.morph.get("PronType") or main.head.i != main.i:
            return None
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i < pronoun.i and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None or self.quoted(subject.idx) \
                or ("Fem" if gender == "f" else "Masc") not in subject.morph.get("Gender"):
            return None
        return subject

    def named_after_clause(self, pronoun: Token, gender: str | None) -> Entity | None:
        """"While she welcomed the principle, the chair, Dame X, warned ...", "Although he backed the bill, X said
        ...": in English, the subject pronoun of a clause set before its main clause stands for the person the main
        clause names as its subject after it (of the pronoun's gender when the article tells it)."""
        verb = pronoun.head
        main = verb.head
        if pronoun.doc.lang_ != "en" or pronoun.dep_ != "nsubj" or verb.dep_ != "advcl" or not verb.i < main.i \
                or not any(c.dep_ == "mark" for c in verb.children):
            return None
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i > verb.right_edge.i
                        and c.pos_ in ("NOUN", "PROPN") and not self.quoted(c.idx)), None)
        person = self.resolve(expression(subject))[0] if subject is not None else None
        if person is None or person.type != "Person" or gender is not None and self.gender(person) not in (None, gender):
            return None
        return person

    def document_before(self, pronoun: Token) -> Token | None:
        """The subject of the sentence before ``pronoun``'s, when it is a document ("the review", "the report"):
        what a pronoun opening the next sentence refers to before any organisation."""
        subject = self.subject_before(pronoun) if pronoun.i == pronoun.sent.start else None
        if subject is None or subject.pos_ != "NOUN" \
                or not (subject.lemma_.lower() in self.cues.documents or subject.lower_ in self.cues.documents):
            return None
        return subject

    def subject_before(self, token: Token) -> Token | None:
        """The subject of the sentence before ``token``'s, in its paragraph and outside quotations."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        if before.start_char < self.paragraph_start(token.idx):
            return None
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return None if subject is None or self.quoted(subject.idx) else subject

    def body_before(self, pronoun: Token, gender: str | None) -> Token | None:
        """"La mairie de Lyon a voté une aide. Elle a précisé que ...": the definite singular noun of a body, of the
        pronoun's gender, that is the subject of the sentence before in its paragraph, whether or not it spoke; a
        pronoun opening its sentence stands for it, as does one after a fronted phrase that names no one ("Dans un avis
        rendu mardi, elle estime ..."). So does a body's name of that gender ("La Ligue des droits de l'homme a
        haussé le ton. Elle dénonce ..."), over the last speaker."""
        before = previous_sentence(pronoun.sent)
        opening = next((t for t in pronoun.sent if not t.is_punct and not t.is_space), None)
        # "S'il reconnaît ..., il juge ...": the subject of a conjunction opening the sentence, which the parse may
        # read as impersonal, and the main clause's after it
        after_mark = opening is not None and opening.dep_ == "mark" and opening.i + 1 == pronoun.i \
            and opening.head.i == pronoun.head.i
        fronted = opening is not None and opening.i < pronoun.i and pronoun.dep_ in ("nsubj", "expl:subj") \
            and (pronoun.head.i == pronoun.sent.root.i and previous_word(pronoun).text == "," or after_mark) \
            and not self.index.mentions_between(pronoun.sent.start_char, pronoun.idx)
        if before is None or gender is None or opening is None or not (opening.i == pronoun.i or fronted) \
                or "\n" in self.doc.text[before.end_char:pronoun.idx]:
            return None
        # "La fédération est plus réservée.": the predicate the parse may read as a passive
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        named = subject is not None and (body := self.entity_at(subject)) is not None and body.type not in ("Person", "Place")
        # a body's name takes the gender of its article ("La FNSEA, principal syndicat agricole, ... Elle réclame")
        genders = subject.morph.get("Gender") + [g for c in subject.children if c.dep_ == "det" for g in c.morph.get("Gender")] \
            if subject is not None and subject.pos_ == "PROPN" and named else subject.morph.get("Gender") if subject is not None else []
        if subject is None or not (subject.pos_ == "NOUN" or subject.pos_ == "PROPN" and named) \
                or not (self.collective(subject) or named) or not definite(subject) \
                or "Plur" in subject.morph.get("Number") or ("Fem" if gender == "f" else "Masc") not in genders:
            return None
        return subject

    def role_before(self, token: Token, gender: str | None) -> Token | None:
        """"Le ministre de l'Intérieur a présenté son texte. Il estime ...", "... Selon son cabinet, ...": the definite
        singular role noun, of ``gender`` if given, that the article names no one by and that is the subject of the
        sentence before in the paragraph: the holder of the post, in focus though unnamed."""
        before = previous_sentence(token.sent)
        if before is None or "\n" in self.doc.text[before.end_char:token.idx]:
            return None
        # the subject, or the noun phrase opening the sentence, which the parse may hang elsewhere ("Le ministre, lui, ...")
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"
                        or c.left_edge.i == before.start and c.i < before.root.i and c.pos_ == "NOUN"), None)
        named = self.entity_at(subject) if subject is not None else None
        if subject is None or subject.pos_ != "NOUN" or not self.role(subject) or not definite(subject) \
                or subject.lemma_.lower() in self.cues.representatives or "Plur" in subject.morph.get("Number") \
                or self.quoted(subject.idx) or (named is not None and named.type == "Person") \
                or any(e.type == "Person" for _, e in self.index.mentions_between(subject.idx, before.root.idx)):
            return None  # "Its chair, the former official X, rejected ...": the name before the verb is who
        genders = subject.morph.get("Gender") + [g for t in subject.children if t.dep_ == "det" for g in t.morph.get("Gender")]
        if gender is not None and genders and ("Fem" if gender == "f" else "Masc") not in genders:
            return None
        return subject

    def antecedent(self, noun: Token, pronoun: Token) -> Token:
        """What a relative clause hanging on ``noun`` is about: the role ``noun`` completes, if any ("Laurent
        Viguier, secrétaire général de Force ouvrière, qui dénonce ...": the secretary, not the union); the
        organisation named right before the comma when ``noun`` is a mere word ("Même tonalité à la CGT, qui ..."); the
        last noun before the comma of the relative verb's number when ``noun`` is not ("Un chiffre contesté par des
        chercheurs, qui rappellent ...": the researchers)."""
        owner, comma = noun.head, previous_word(pronoun)
        number = pronoun.head.morph.get("Number")
        if number and noun.pos_ == "NOUN" and noun.morph.get("Number") and noun.morph.get("Number") != number:
            agreeing = next((t for t in reversed(noun.doc[noun.i + 1:pronoun.i]) if t.pos_ in ("NOUN", "PROPN")
                             and t.morph.get("Number") == number and t.head.i < t.i and noun.is_ancestor(t)), None)
            if agreeing is not None:
                return agreeing
        if noun.dep_ == "nmod" and owner.i < noun.i and owner.pos_ == "NOUN" and self.role(owner):
            return owner
        name = previous_word(comma) if comma is not None and comma.text == "," else None
        named = self.entity_at(name) if name is not None and name.i > noun.i and modifies(name, noun) else None
        if named is not None and named.type not in ("Person", "Place") and noun.pos_ == "NOUN" and not self.role(noun) \
                and not self.collective(noun):
            return name
        return noun

    def role(self, noun: Token) -> bool:
        return any(w in self.cues.roles or w in self.cues.representatives for w in (noun.lemma_.lower(), noun.lower_))

    def entity_at(self, token: Token) -> Entity | None:
        entity = self.index.entity_at(token.idx, token.idx + len(token.text))
        return entity if entity is not None and entity.type in SPEAKER_TYPES else None

    def named_member(self, head: Token, phrase: Span) -> Entity | None:
        """"la ministre du Numérique, Claire Fontaine", "critics, including Mr X", "le quotidien Le Monde",
        "Secretary of State John Kerry": the name wins. A name after a preposition ("le patron de Renault") does not."""
        role = head.lemma_.lower() in self.cues.roles or head.lower_ in self.cues.roles
        for (start, end), entity in self.index.mentions_between(phrase.start_char, phrase.end_char):
            if start <= head.idx or entity.type not in SPEAKER_TYPES or (role and entity.type == "Place"):
                continue  # "sa directrice France, Amandine Leroy": a place after a role is its remit, not who speaks
            name = self.doc.char_span(start, start + 1, alignment_mode="expand")
            whole = self.doc.char_span(start, end, alignment_mode="expand")
            following = self.entity_at(after) if whole is not None and (after := past_title(whole[-1])) is not None else None
            if role and entity.type != "Person" and following is not None and following.type == "Person":
                continue  # "le député LFI Éric Coquerel", "Its chair, Labour MP X": the party before the person's name
            if whole is not None and head.pos_ == "PROPN" and whole.root.dep_ in ("poss", "nmod:poss") \
                    and whole.root.head.dep_ in ("appos", "conj") and whole.root.head.head.i == head.i:
                # "China, Pyongyang's only ally,", "Unite, Britain's biggest union,": the name before speaks (the parse
                continue  # may make the apposition a conjunct)
            marker = previous_word(name[0]) if name is not None else None
            # past titles, and adjectives on the noun ("le député centriste Paul Verdier": the noun is apposed)
            while marker is not None and marker.i > head.i and (marker.lower_ in self.cues.titles or (
                    marker.pos_ == "ADJ" and marker.head.i == head.i and marker.text.islower())):
                marker = previous_word(marker)
            first = marker  # "Its founder, retired chemist Margaret Hollis": words describing the name after a comma,
            while first and first.i > head.i and first.dep_ in ("compound", "amod") and name[0].i <= max(first.head.i, first.head.head.i):
                first = previous_word(first.left_edge)  # a hyphenated one whole ("Its chair, 16-year-old X,")
            marker = first if first is not None and first.text == "," else marker
            if marker is None:
                continue
            nested = self.collective(head) and noun_owns_name(head, marker)  # "l'association de parents de l'école X"
            apposed = marker.i == head.i or marker.text == "," or marker.lower_ in self.cues.including \
                or (self.collective(head) and marker.pos_ == "NOUN" and entity.type != "Place" and not nested
                    and all(t.text.islower() or t.text in "’'" for t in self.doc[head.i + 1:name[0].i]))
            # "l'association de patients X", "le syndicat d'enseignants X": the body's members, then its name
            # "le député Renaissance X": a capitalised word between them is the person's party, whatever its tag
            titled = entity.type == "Person" and marker.pos_ in ("PROPN", "NOUN", "ADJ", "X") and marker.text[:1].isupper()
            # "Former secretary of state Hillary Clinton": a person's name closing the phrase, after a title.
            # also before a relative clause on the name ("the author and local resident X, who started ...")
            rest = [t for t in phrase if t.idx >= end and not t.is_space]
            last_word = not rest or (rest[0].text == "," and any(t.dep_ in ("relcl", "acl:relcl") for t in rest))
            closing = not nested and entity.type == "Person" and last_word and marker.pos_ in ("NOUN", "PROPN", "ADJ")
            if apposed or titled or closing:
                return entity
        return None

    def representative(self, head: Token, phrase: Span) -> Entity | None:
        """Someone speaking for a named actor: "un porte-parole de Microsoft", "the Clinton campaign", "his aides"."""
        label, type_ = self.cues.representatives.get(head.lemma_.lower()) or self.cues.representatives[head.lower_]
        principals = [e for (s, end), e in self.index.mentions_between(phrase.start_char, phrase.end_char)
                      if e.type in SPEAKER_TYPES and not e.acts_for and not s <= head.idx < end]
        principal = principals[0] if principals else None
        owner = next((c for c in head.children if c.pos_ == "PROPN" and c.dep_ in ("poss", "nmod:poss", "compound", "nmod")), None)
        if principal is None and owner is not None:
            principal = self.missed_name(owner)  # "O’Malley’s campaign" when the NER saw no name there
        titled = next((c for c in head.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ == "NOUN" and self.role(c)), None)
        if principal is None and titled is not None:  # "the prime minister's official spokesman": the holder's, or the title's
            principal = self.resolve(expression(titled))[0] or self.resolve(expression(titled), unnamed=True)[0]
        joined = any(c.dep_ == "conj" for c in head.children)  # "the council's staff and residents": a group of both
        body = next((c for c in head.children if c.pos_ == "NOUN" and self.collective(c) and (
            c.dep_ == "compound" or c.dep_ in ("poss", "nmod:poss") and definite(c) and not joined)), None)
        if principal is None and body is not None:  # "a government spokesperson": the body named before the noun,
            # or the organisation named with it ("the Federation of X ... a federation spokeswoman"), or one the
            # noun stood for or named the kind of before ("Northway Buses warned ... A company spokesman said")
            anaphor = body.lower_ in self.cues.collective_anaphors or body.lemma_.lower() in self.cues.collective_anaphors
            principal = self.index.lookup(body.text) or self.named_by_noun(body) or self.name_ending(body) \
                or self.body_called(body) or (self.kind_before(body) if anaphor else None) or self.unnamed(noun_phrase(body))
        noun = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()), None)
        if principal is None and noun is not None:  # "a service spokesperson": the body whose name that noun heads
            principal = self.named_by_noun(noun, headed_only=True)
        body = next((g for c in head.rights if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                     and definite(g) and g.text.islower() and bare_noun(g, noun_phrase(g))), None)
        if principal is None and body is not None:  # "a spokeswoman for the department": the body that noun refers back to
            principal = self.named_by_noun(body) or self.public_body(body)
        if principal is None and any(c.lower_ in self.cues.possessives for c in head.children):
            # "X fustige ... Selon son porte-parole": whoever is in focus nearby, a person or a body, else the last person;
            # "Le ministre de l'Intérieur a présenté son texte. Selon son cabinet, ...": the unnamed holder of a post
            # (an office the article never names apart from its post speaks as the post)
            role = self.role_before(head, None)
            holder = self.resolve(expression(role), unnamed=True)[0] if role is not None else None
            if holder is not None and (holder.type != "Person" or holder.key.startswith(slugify(self.article_id))):
                return holder
            principal = holder or self.in_focus(head.idx, persons=None, window=NEAR_WINDOW) or self.in_focus(head.idx, persons=True)
        if principal is None and type_ == "Person" and not any(c.dep_ in ("nmod", "prep") for c in head.children):
            # "« ... », fait valoir un porte-parole": of the body the sentence's subject names ("The council expects
            # ..., a spokeswoman said"), else of the organisation that has just spoken or been the subject
            principal = self.body_of_sentence(head) or self.in_focus(head.idx, persons=False, window=NEAR_WINDOW)
        if principal is None:
            known = self.entity_at(head)
            return known if known is not None and known.acts_for else None
        actor = self.index.kb.actors.get(principal.key)
        # French names a spokesperson by the body's name ("la porte-parole de l'ARS" → "Agence régionale de santé
        # spokesperson"), or the short name the knowledge base gives it for that ("AWS")
        name = (actor.short or principal.label if actor else principal.label) if self.doc.lang_ == "fr" else _short_name(principal)
        first = self.doc.char_span(principal.mentions[0][0], principal.mentions[0][1], alignment_mode="expand") \
            if principal.mentions else None
        if first is not None and first[0].pos_ == "DET" and name.startswith(first[0].text):
            name = name[len(first[0].text):].lstrip()  # "la préfecture" → "préfecture spokesperson"
        return self.index.add(f"{name} {label}", type_, (phrase.start_char, phrase.end_char),
                              key=f"{principal.key}-{slugify(label)}", acts_for=principal.key)

    def body_of_sentence(self, head: Token) -> Entity | None:
        """The organisation a subject before ``head`` in its sentence names: a name, or a definite noun of a body; not
        one inside a quotation ("“The council is wrong,” a spokeswoman said": the body criticised)."""
        for subject in (t for t in head.sent if t.i < head.i and t.dep_ == "nsubj" and not self.quoted(t.idx)):
            if not (subject.pos_ == "PROPN" and subject.text[:1].isupper() or definite(subject) and self.collective(subject)):
                continue
            if (entity := self.resolve(expression(subject), unnamed=True)[0]) is not None and entity.type not in ("Person", "Place"):
                return entity
        return None

def _short_name(entity: Entity) -> str:
    """An organisation's acronym when it has one ("AWS"), else its label."""
    acronyms = [a for a in entity.aliases if a.isupper() and 2 <= len(a) <= 6 and " " not in a]
    return min(sorted(acronyms), key=len) if acronyms and entity.type != "Person" else entity.label
