"""Speaker names around a noun phrase's head: an apposed name ("the union, Unite,"), the name after a role
("the minister, Jo Bell"), the full name a parse cut, an organisation or person the recogniser missed. A mixin
of ``speakers.Speakers``, which resolves the expressions these methods complete."""
from __future__ import annotations

from spacy.tokens import Span, Token

from policykg.loaders.extract.names import MAX_INSTITUTION_TOKENS, cues as name_cues, fold, hyphen_joined, is_acronym, name_cased
from policykg.loaders.extract import name_spans  # a module, not its names: name_spans imports this package
from policykg.loaders.extract.statements.focus import SPEAKER_TYPES, Focus
from policykg.loaders.extract.statements.genders import first_names
from policykg.loaders.extract.statements.phrases import lower_case_run, noun_phrase
from policykg.loaders.extract.statements.syntax import capitalised_noun, cut_in_word, previous_word, purpose_in_name
from policykg.loaders.model import Entity

NOT_SPEAKER_NER = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "GPE", "LOC", "EVENT",
                   "WORK_OF_ART", "LAW", "LANGUAGE", "FAC", "PRODUCT"}
"""spaCy entity labels of words that are not speakers when the knowledge base and the index do not know them."""


class SpeakerNames(Focus):
    """The names a speaker's noun phrase holds or sits next to."""

    def apposed_name(self, head: Token) -> Entity | None:
        """"l'association Générations Futures", "le syndicat Sud Santé": a common noun followed by a name."""
        collective = self.collective(head)
        if not (head.text.islower() or collective) or head.pos_ not in ("NOUN", "PROPN", "X"):
            return None  # "l'association X", and "l'ONG X" written in capitals
        # right after the noun, or closing its phrase with no preposition ("l'association de défense des
        # consommateurs CLCV", not "le patron de Renault")
        name = next((c for c in head.rights if (c.dep_ in ("appos", "flat:name", "flat", "nmod", "compound")
                                                or collective and c.dep_ in ("acl", "amod") and c.i == head.i + 1)  # "l'association Respire"
                     and name_cased(c.text) and (c.i == head.i + 1 or (
                         c.right_edge.i == noun_phrase(head)[-1].i and not any(g.dep_ == "case" for g in c.children)
                         and c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].text.islower()))), None)
        if name is None:
            return None
        modifier = name.dep_ in ("acl", "amod")  # a name the tagger read as an adjective: no parse to build it from
        found = self.entity_at(name) or (None if modifier else self.missed_name(name))  # the NER's span ("Sciences en Lutte")
        if found is None and collective:  # after "l'ONG", a name is an organisation's, whatever the NER thought
            last = name
            while modifier and last.i + 1 < len(self.doc) and (self.doc[last.i + 1].ent_iob_ == "I" or (
                    self.doc[last.i + 1].dep_ == "amod" and self.doc[last.i + 1].head.i == last.i and self.doc[last.i + 1].pos_ == "ADJ")):
                last = self.doc[last.i + 1]  # "l'association Ciel noir": the NER's span, or the name's adjective the NER missed
            first = next((c for c in name.lefts if c.dep_ == "nummod" and c.text[:1].isupper() and c.i == name.i - 1), name)
            start, end = first.idx, last.idx + len(last.text)  # "l'association Trois Ponts": the number opens the name
            found = self.index.lookup(self.doc.text[start:end]) or self.index.add(self.doc.text[start:end], "Organization", (start, end))
        after = name.right_edge.i + 1
        if found is not None and found.type != "Person" and (head.lemma_.lower() in self.cues.roles or head.lower_ in self.cues.roles) \
                and after < len(self.doc) and (person := self.entity_at(self.doc[after])) is not None and person.type == "Person":
            return person  # "le député Les Républicains Marc Aubry": the party says whose; the person named next holds the role
        return found

    def apposed_run(self, head: Token) -> Entity | None:
        """"l'association France Nature Environnement": a collective noun followed by a name of several
        capitalised words, which the NER may have cut ("France"); past the noun's complement of kind ("l'association
        de riverains Vivre au port", "de commerçants Cœur de ville"), a name whose rest is in lower case."""
        doc = self.doc
        anchor = head
        while anchor.i + 1 < len(doc) and doc[anchor.i + 1].dep_ == "amod" and doc[anchor.i + 1].head.i == head.i \
                and doc[anchor.i + 1].text.islower():
            anchor = doc[anchor.i + 1]  # "le syndicat enseignant X", "l'association locale X": the noun's adjective
        owned = False  # a noun with its article owns the name of capitalised words after it ("de l'école Jules-Ferry")
        while (kind := _kind_complement(anchor)) is not None:
            anchor, owned = kind[0], owned or kind[1]  # "de riverains", "de médecins libéraux", "des animaux": words of kind
        run = anchor.i + 1
        while run < len(doc) and doc[run].sent.start == head.sent.start and (doc[run].text[:1].isupper() or doc[run].text == "&"
                                                                             or cut_in_word(doc[run - 1])):
            run += 1  # "SNUipp-Sarlange": a hyphen inside the name
        if not in_capitals(doc[anchor.i + 1:run].text):  # "le syndicat FA-FPT des policiers": an
            run = lower_case_run(anchor, run, self.cues.reflexives | self.cues.person_pronouns | self.cues.possessives)
            # acronym's lower-case complement says whom it gathers, it is no part of its name
        if run - anchor.i < 2 or (run - anchor.i == 2 or owned) and (anchor is head or not _code_name(doc[anchor.i + 1].text)) \
                or not head.text.islower() or head.pos_ != "NOUN":
            return None  # one word: only a code in capitals past the words of kind ("des animaux L214", "GAIA")
        start, end = doc[anchor.i + 1].idx, doc[run - 1].idx + len(doc[run - 1].text)
        known = self.index.entity_at(start, end)
        if known is not None and known.type in SPEAKER_TYPES and len(known.label) >= end - start - 1:
            return known
        label = doc.text[start:end]
        return self.index.lookup(label) or self.index.add(label, "Organization", (start, end))

    def name_after(self, head: Token, phrase: Span) -> Entity | None:
        """A common noun followed by the name it describes, which the parse left out of its phrase: "sa
        présidente, Meredith Whittaker", "l'auteur du texte, le député Yanis Chabert,", "la pédiatre Anne
        Roy". A role names a person; another noun may name an organisation ("la fédération, la FCPE,")."""
        role = head.lemma_.lower() in self.cues.roles or head.lower_ in self.cues.roles
        # "le PDG de X, Y"; "One of the largest lenders, Splitly,": an unnamed "one" of a group, then its name
        if not (head.pos_ == "NOUN" and (head.text.islower() or role and head.text.isupper())
                or head.pos_ in ("NUM", "PRON") and head.lower_ in self.cues.unnamed):
            return None
        doc = self.doc
        i = phrase.end
        while i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
                and doc[i + 1].text.islower():
            i += 2  # "la compositrice-interprète X": the rest of a hyphenated noun the parse cut from the phrase
        # the comma in the phrase or past a few more words of a name the parse cut off ("l'avocat de
        # l'association Eau et Rivières de Bretagne, Alexandre Le Bris"), or past a participle describing
        # the role ("l'adjoint chargé de l'éducation, Marc Lefebvre")
        reach = max([phrase.end, *(c.right_edge.i + 1 for c in head.rights if c.dep_ == "acl" and c.pos_ == "VERB"
                                   and "Part" in c.morph.get("VerbForm"))])
        while reach < min(phrase.end + 6, head.sent.end) and (doc[reach].text[:1].isupper() or doc[reach].pos_ in ("ADP", "DET", "CCONJ")
                                                               or role and doc[reach].is_lower and doc[reach].pos_ in ("NOUN", "ADJ")
                                                               and doc[reach - 1].pos_ in ("ADP", "DET", "NOUN", "ADJ")):
            reach += 1  # and a role's lower-case complement ("le rapporteur du texte, X", "délégué aux Comptes publics, X")
        comma = next((t.i for t in doc[head.i + 1:min(reach + 1, len(doc))] if t.text == ","), None)
        if comma is not None and not role and self.collective(head) and phrase.end < comma:
            # "une étude de l'observatoire régional Atmo Sud, les navires ...": the name the parse hung elsewhere,
            # up to the comma, is the body's
            cut = self.index.entity_at(doc[phrase.end].idx, doc[phrase.end].idx + 1)
            if cut is not None and cut.type in SPEAKER_TYPES and cut.type != "Person" \
                    and all(self.index.entity_at(t.idx, t.idx + 1) is cut for t in doc[phrase.end:comma]):
                return cut
        if comma is not None:  # the name past a comma, in the phrase ("la fédération, la FCPE") or after it
            i = comma + 1
            # past a description of the name: "le député écologiste", "le docteur"
            for _ in range(4):
                if i < len(doc) and (doc[i].pos_ in ("DET", "ADJ") or (doc[i].pos_ == "NOUN" and doc[i].text.islower())
                                     or doc[i].lower_ in self.cues.titles):
                    i += 1
        if i >= len(doc) or doc[i].sent.start != head.sent.start:
            return None
        before = i - 1  # the word before the name, past the parts of a hyphenated name the parse split
        while before > head.i and (doc[before].text == "-" or doc[before].text[:1].isupper()):
            before -= 1
        if comma is None and before > head.i and self.collective(head) and noun_owns_name(head, doc[before]):
            return None
        entity = self.index.entity_at(doc[i].idx, doc[i].idx + 1)
        end = i
        # "l'adjointe au micro de France Bleu": with no comma, words the NER missed after a complement of the noun end
        # that complement's name; they are not a name in apposition
        ends_complement = comma is None and any(t.pos_ == "ADP" for t in doc[head.i + 1:i])
        if entity is None and doc[i].text[:1].isupper() and not ends_complement and (doc[i].pos_ == "PROPN" or comma is not None and (
                i + 1 < len(doc) and doc[i + 1].text == ",")):  # a name the NER missed ("la FCPE"), whatever its tag
            name = doc[i]
            while name.dep_ in ("compound", "flat", "flat:name") and name.head.i > name.i and name.head.pos_ == "PROPN" \
                    and name.head.text[:1].isupper() and all(t.text == "-" or t.text[:1].isupper() for t in doc[name.i:name.head.i]):
                name = name.head  # "Carys Pritchard-Oyelaran": the parse made the last part of the surname the head
            entity = self.missed_name(name, person=role)
            end = max([name.i, *(c.i for c in name.children if c.dep_ in ("flat", "flat:name", "compound"))])
        if entity is None or entity.type not in SPEAKER_TYPES or (role and entity.type != "Person"):
            return None
        while end + 1 < len(doc) and self.index.entity_at(doc[end + 1].idx, doc[end + 1].idx + 1) is entity:
            end += 1
        after = doc[end + 1] if end + 1 < len(doc) else None
        closes = after is None or after.is_punct or (comma is None and (after.pos_ in ("VERB", "AUX") or after.dep_.startswith("expl")))
        if not closes:
            return None  # the name closes the apposition: punctuation after it, or the verb right after "la pédiatre X"
        return entity

    def name_before_kind(self, head: Token, phrase: Span) -> Entity | None:
        """"The Resolution Foundation think tank", "the Tesco supermarket chain", "the GMX teachers' union": an
        organisation's name, then lower-case nouns saying what kind of body it is; the name speaks. Not a public body
        the name qualifies ("the Labour government", "the Leeds council")."""
        if head.pos_ != "NOUN" or not head.text.islower() or self.role(head) or not self.collective(head) \
                or head.lemma_.lower() in self.cues.public_bodies or head.lower_ in self.cues.public_bodies:
            return None
        def kind(words: Span | None) -> bool:  # lower-case nouns, a plural's possessive among them ("teachers' union")
            return words is not None and all(
                t.text.islower() and t.pos_ in ("NOUN", "VERB", "ADJ") or t.is_space
                or t.text in ("'", "’") and t.i > words.start and t.nbor(-1).lower_.endswith("s") for t in words)
        for (start, end), entity in self.index.mentions_between(phrase.start_char, head.idx):
            if entity.type in SPEAKER_TYPES and entity.type not in ("Person", "Place") \
                    and kind(self.doc.char_span(end, head.idx, alignment_mode="expand")):
                return entity
        # a name the NER missed, after the article: "The Unite union"
        name = next((t for t in phrase if t.i < head.i and t.pos_ == "PROPN" and t.dep_ == "compound" and not t.ent_type_
                     and kind(self.doc[t.i + 1:head.i])), None)
        return self.missed_name(name, organisation=True) if name is not None else None

    def full_name(self, head: Token, phrase: Span, named: Entity | None) -> Entity | None:
        """"la Ligue des droits de l'homme", "l'Union française des industries pétrolières": a capitalised word
        opening a name whose lower-case rest the NER cut off; the name is the phrase up to a comma, a parenthesis
        or a participle. A name the NER read whole, or a person's, stays; so does an acronym ("la CFDT du site": its
        complement is where it speaks from)."""
        if in_capitals(head.text) and head.i + 1 < len(self.doc) and self.doc[head.i + 1].pos_ == "ADP":
            if named is not None and named.type == "Place":
                named.type = "Organization"  # "pour la FCPE de la commune": a body whose branch speaks, whatever the NER read
            return named or self.missed_name(head, organisation=True)  # "la CFDT du site": where it speaks from
        if not head.text[:1].isupper() or head.is_sent_start or head.ent_type_ in ("PER", "PERSON") \
                or head.lower_ in self.cues.roles or (named is not None and named.type == "Person"):
            return None
        words = [t for t in phrase if not t.is_space and not (t.i < head.i and t.pos_ in ("DET", "ADP"))]
        def aside(token: Token) -> bool:  # "last month", "en 2021": a modifier of the clause, not of the name
            return any(a.dep_ in ("npadvmod", "obl:mod", "nummod") for a in (token, *token.ancestors) if a.i > head.i)
        words = words[:next((k for k, t in enumerate(words) if t.text in (",", "(") or t.pos_ == "VERB"
                             or t.pos_ == "CCONJ" and not _parallel_complement(t, words[:k])
                             or aside(t) or t.pos_ == "ADP" and k + 1 < len(words) and aside(words[k + 1])), len(words))]
        joined = any(t.pos_ == "CCONJ" for t in words)  # a name of two complements may be long
        if not words or words[0].i != head.i or len(words) > (MAX_INSTITUTION_TOKENS if joined else 8) \
                or not any(t.text.islower() for t in words[1:]):
            return None
        start, end = titled_start(words[0]).idx, words[-1].idx + len(words[-1].text)
        label = self.doc.text[start:end]
        if named is not None and not (named.label in label and len(named.label) < len(label)):
            return None
        return self.index.lookup(label) or self.index.add(label, "Organization", (start, end))

    def missed_organisation(self, phrase: Span) -> Entity | None:
        """"la Fondation pour le logement des défavorisés": a capitalised common noun opening a name the NER
        missed; the name is the phrase without its determiner, up to a comma or a parenthesis."""
        tokens = [t for t in phrase if not t.is_space]
        while tokens and (tokens[0].pos_ in ("DET", "ADP") or tokens[0].text.islower() and self.collective(tokens[0])):
            tokens = tokens[1:]  # "le collectif Victimes de ...": the body's noun is no part of its name
        tokens = tokens[:next((k for k, t in enumerate(tokens) if t.text in (",", "(") or t.pos_ == "VERB"), len(tokens))]
        if not tokens:  # up to a comma, a parenthesis or a participle ("la Cour des comptes publié en 2021")
            return None
        start, end = titled_start(tokens[0]).idx, tokens[-1].idx + len(tokens[-1].text)
        label = self.doc.text[start:end]
        return self.index.lookup(label) or self.index.add(label, "Organization", (start, end))

    def place_in_name(self, head: Token) -> bool:
        """"Water UK", "Shelter Scotland": a place's name closing a longer capitalised name is an organisation's."""
        return any(c.dep_ in ("flat", "flat:name", "compound") and c.i < head.i and c.text[:1].isupper()
                   and c.lower_ not in self.cues.titles for c in head.children)

    def named_after_place(self, place: Entity) -> Entity | None:
        """The one organisation the article has named with ``place``'s name and more words ("Southern Vale Water"
        for "Southern Vale"), which a speaking place stands for."""
        owners = {e.key: e for e in self.index.entities.values() if e.type in SPEAKER_TYPES and e.type not in ("Person", "Place")
                  and e.label.startswith(place.label + " ")}
        return next(iter(owners.values())) if len(owners) == 1 else None

    def longer_name(self, entity: Entity, at: int) -> Entity | None:
        """The one organisation named before ``at`` by ``entity``'s name and its complement ("la CCI de Valbourg",
        "the Chamber of Trade of X"), which the short name ("la CCI") names again."""
        prefixes = tuple(entity.label + joint for joint in (" de ", " du ", " des ", " d'", " d’", " of "))
        longer = {e.key: e for e in self.index.entities.values() if e.type in SPEAKER_TYPES and e.type not in ("Person", "Place")
                  and e.label.startswith(prefixes) and e.mentions and e.mentions[0][0] < at}
        return next(iter(longer.values())) if len(longer) == 1 else None

    def joined_name(self, head: Token) -> Entity | None:
        """"Upland Farms and Estates said", "Scottish Land and Estates said": a capitalised noun and a capitalised
        plural joined by "and" make one body's name, which the NER cut at "and", after a word that opens it (not
        "Tesco and Asda", "Democrats and Republicans", "John Lewis and Waitrose")."""
        other = next((c for c in head.rights if c.dep_ == "conj" and c.i == head.i + 2 and head.nbor(1).lower_ == "and"), None)
        if other is None or any(c.dep_ in ("compound", "cc", "conj") for c in other.children) \
                or not _plural_word(other) or not (head.pos_ == "PROPN" and head.is_alpha and head.text[:1].isupper()):
            return None
        first = min((t for t in head.subtree if t.i <= head.i and t.dep_ == "compound" and t.text[:1].isupper()), default=head,
                    key=lambda t: t.i)
        if first.i == head.i:
            return None  # "Democrats and Republicans": two bodies; a name opens with a word of its own ("Upland")
        start, end = first.idx, other.idx + len(other.text)
        label = self.doc.text[start:end]
        return self.index.lookup(label) or self.index.add(label, "Organization", (start, end))

    def colon_body(self, pronoun: Token) -> Entity | None:
        """"The warning from the Bar Guild was blunter: it said ...": a pronoun opening the clause after a colon stands
        for the one body its sentence names before the colon, over the last speaker; None when it names none or two."""
        colon = previous_word(pronoun)
        if colon is None or colon.text != ":" or colon.sent.start != pronoun.sent.start:
            return None
        bodies = {e.key: e for (start, _), e in self.index.mentions_between(pronoun.sent.start_char, colon.idx)
                  if e.type in SPEAKER_TYPES and e.type not in ("Person", "Place") and not self.quoted(start)}
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def post_owner(self, head: Token, token: Token, word: Token) -> bool:
        """Whether ``word`` opens the institution's name that ``head`` closes as a possessive in "'s" of ``token``
        ("the Data Commissioner's Office", "the Children's Commissioner's Office"): a capitalised post's name before
        the institution's word, or what the post is for before it; not a body's owner ("Google's Safety Council")."""
        return institution_head(head) and word.dep_ == "poss" and word.text[:1].isupper() and word.i == token.i - 2 \
            and word.nbor(1).lower_ in ("'s", "’s") and (self.role(word) or self.role(token))

    def missed_name(self, head: Token, *, organisation: bool = False, person: bool = False) -> Entity | None:
        """A name the NER did not catch: looked up, else added to the index. With ``person`` (a name apposed to a
        role: "Its director, Agathe Mendes-Fox,"), one that opens with a first name is a person's, whatever label
        the NER gave it (a double-barrelled surname read as a product)."""
        head = joined_modifier(head) if head.doc.lang_ == "en" else head
        parts = [head]
        for token in parts:  # "Delivery Platforms Europe": compounds of compounds
            parts.extend(c for c in token.children if c.dep_ in ("flat", "flat:name", "compound")
                         and (c.pos_ == "PROPN" or capitalised_noun(c))
                         or c.dep_ == "amod" and c.pos_ == "PROPN" and c.i == token.i - 1  # "Cecile Richards" misparsed
                         or c.dep_ == "compound" and c.pos_ == "VERB" and c.text[:1].isupper() and c.is_alpha  # "Wend (Wild Swimmers)"
                         or c.dep_ == "nummod" and c.text[:1].isupper() and c.i == token.i - 1  # "l'association Trois Ponts"
                         or c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_sent_start and c.text[:1].isupper()
                         and token.pos_ == "PROPN" and c.i == token.i - 1  # "Disability Rights": the capital is the name's
                         or c.dep_ == "poss" and c.pos_ == "PROPN" and c.i == token.i - 2 and c.nbor(1).text in ("’", "'")
                         or self.post_owner(head, token, c))
        parts = sorted(parts + [t.nbor(1) for t in parts if t.dep_ == "poss"]  # "The Musicians’ Guild"
                       + [t.nbor(-1) for t in parts if hyphen_joined(t) or t.i > 1 and t.nbor(-1).text == "-"
                          and not t.nbor(-1).whitespace_ and not t.nbor(-2).whitespace_ and t.nbor(-2) in parts],
                       key=lambda t: t.i)  # "Ban Ki-moon": the hyphen inside a name
        owner = next((c for t in parts for c in t.children if c.dep_ == "poss" and c.i + 2 == parts[0].i
                      and c.pos_ == "PROPN" and c.text[:1].isupper() and c.nbor(1).lower_ in ("'s", "’s")
                      and (not c.ent_type_ and self.entity_at(c) is None or c.nbor(1).ent_iob_ == "I")), None)
        if owner is not None:  # "Queen's University Belfast": a possessive that is no name of its own (none, or one the
            parts = [owner, owner.nbor(1), *parts]  # NER ran over its "'s") opens the name; not "Google's DeepMind"
        if head.doc.lang_ == "en" and (opening := name_spans.gaelic_opening(parts)) is not None:
            parts = [*head.doc[opening.i:parts[0].i], *parts]  # "An Taisce", "Conradh na Gaeilge"
        if head.doc.lang_ == "fr":
            parts = name_spans.hyphenated_run(parts)  # "CLCV-Que Savoir": the parse cut the name at its hyphen
            parts = [*head.doc[titled_start(parts[0]).i:parts[0].i], *parts]  # "le quotidien La Montagne": a title's article
            if name_spans.glued_after_apostrophe(parts[-1]):
                parts.append(parts[-1].nbor(1))  # "Prism’ | emploi": one word the tokenizer cut at its apostrophe
        after = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        if after is not None and after.pos_ == "PROPN" and after.dep_ == head.dep_ and after.head.i == head.head.i != head.i \
                and after.text[:1].isupper() and not after.ent_type_ and head.whitespace_ == " ":
            parts.append(after)  # "Disability Rights | Dunmere warned": a name the parse made two subjects of one verb
        # "Labour MP Sadia Okonjo": a party and a role compounded with a person's name are no part of it; a role's
        # possessive is ("the Mayor's Office")
        parts = parts[next((k + 1 for k in range(len(parts) - 3, -1, -1) if parts[k].lower_ in self.cues.roles
                            and parts[k].text[:1].isupper() and parts[k].dep_ != "poss"), 0):]
        institution = self.collective(head) or institution_head(head)
        complement = _complement_in_name(head) if head.text[:1].isupper() and institution else \
            _complement_in_name(head, "for") if _plural_word(head) and not self.role(head) and len(parts) == 1 else []
        complement = complement or ([] if {head.lemma_.lower(), head.lower_} & self.cues.roles else purpose_in_name(head))
        parts += complement
        if head.doc.lang_ == "en" and (start := name_spans.lower_case_start(head, parts[0].i)) < parts[0].i:
            parts = [*head.doc[start:parts[0].i], *parts]  # "The Ports and Harbours safety Authority"
        if head.doc.lang_ == "en" and (start := joined_start(head, parts[0].i)) < parts[0].i:
            parts = [*head.doc[start:parts[0].i], *parts]  # "the Nurses and Midwives Union"
        if head.doc.lang_ == "en":
            parts = name_spans.title_case_run(parts)  # "Protect Our Harbours", cut by the parse at its pronoun
        words = [t for t in parts if t.lower_ not in self.cues.titles]
        label = "".join(t.text + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ")
                        for k, t in enumerate(words)).strip()
        if not label[:1].isupper():
            return None
        known = self.index.lookup(label)
        personal = person and words[0].lower_ in first_names() and len(words) > 1
        if known is not None or (head.ent_type_ in NOT_SPEAKER_NER and not organisation and not personal):
            return known if known is not None and known.type in SPEAKER_TYPES else None
        titled = any(t.lower_ in self.cues.titles for t in head.subtree)
        # "The RSPCA": a name in capitals, or after an article, is an organisation's, not a person's
        # and so is one that opens with a place's name ("Southern Vale Water"), or closes with one after a word that is
        # no first name ("Police Scotland", "Shelter Cymru"; not "Ann Wales")
        before = previous_word(parts[0])  # "the housing charity Crisis", whatever the parse made of the two words
        body = organisation or bool(complement) or institution_head(head) or is_acronym(label) \
            or any(c.dep_ == "det" for c in head.children) \
            or (before is not None and before.text.islower() and self.collective(before)) or any(
            (known := self.index.lookup(" ".join(t.text for t in words[:k]))) is not None and known.type == "Place"
            for k in range(1, len(words))) or words[0].lower_ not in first_names() and any(
            (known := self.index.lookup(" ".join(t.text for t in words[k:]))) is not None and known.type == "Place"
            for k in range(1, len(words)))
        type_ = "Person" if personal or titled or (head.ent_type_ in ("PER", "PERSON", "") and head.pos_ == "PROPN") and not body \
            else "Organization"
        same = self.index._same_body(label) if type_ == "Organization" and head.doc.lang_ == "en" else None
        span = (parts[0].idx, parts[-1].idx + len(parts[-1].text))
        return self.index.add(label, type_, span, key=same.key if same else None)


FIGURE_WORDS = frozenset({"million", "millions", "milliard", "milliards", "billion", "billions", "trillion", "trillions",
                          "euro", "euros", "dollar", "dollars", "pound", "pounds"})
"""Words that head a sum ("450 millions d'euros", "£3 billion"), never a speaker."""


def figure(head: Token) -> bool:
    """Whether ``head`` heads a sum, a quantity or a bare figure in digits: what it is no one says. A share of
    people may speak ("63 percent said", a poll's respondents)."""
    return head.lower_ in FIGURE_WORDS or head.ent_type_ in ("MONEY", "QUANTITY") \
        or (head.pos_ == "NUM" and head.text[:1].isdigit())


def attached_participle(token: Token) -> bool:
    """"la direction de la Sécurité sociale | jointe à l'amendement": a second lower-case adjective after a
    capitalised name and its adjective, before "à" or "par", is a participle describing something else (the tagger
    reads it as an adjective); the body's name ends before it."""
    doc, k = token.doc, token.i
    after = doc[k + 1] if k + 1 < len(doc) else None
    return token.pos_ == "ADJ" and token.is_lower and after is not None and after.lower_ in ("à", "au", "aux", "par") \
        and k >= 2 and doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower and doc[k - 2].text[:1].isupper()


def name_after_preposition(token: Token) -> bool:
    """"a défendu le maire sur France Bleu Azur" with "Bleu" parsed as the subject: a name (the NER's span
    ``token`` is in) that a preposition opens is where or to whom one speaks (the medium, the outlet), not who."""
    doc, k = token.doc, token.i
    if not token.ent_type_:
        return False
    while k > 0 and doc[k].ent_iob_ == "I":
        k -= 1
    return k > 0 and doc[k - 1].pos_ == "ADP" and doc[k - 1].is_lower and doc[k - 1].head.i >= k


def _kind_complement(word: Token) -> tuple[Token, bool] | None:
    """The last word of the lower-case complement or adjective that says what kind of body the noun ``word`` (or the
    words ending on it) is ("de riverains", "des animaux", "de la nature", "libéraux"), and whether an article opens
    it; None when none follows."""
    doc, k = word.doc, word.i + 1
    if k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].text.islower():
        return doc[k], False
    if k + 1 >= len(doc) or fold(doc[k].text) not in ("de", "d'", "du", "des"):
        return None
    article = fold(doc[k].text) in ("du", "des") or fold(doc[k + 1].text) in ("la", "l'")
    k += fold(doc[k].text) in ("de", "d'") and fold(doc[k + 1].text) in ("la", "l'")
    return (doc[k + 1], article) if k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" and doc[k + 1].text.islower() else None


def _parallel_complement(word: Token, name: list[Token]) -> bool:
    """Whether « et » joins a second complement to the French ``name`` before it, built as the first: a preposition
    of the name's, then a lower-case noun or, after a capitalised word, another ("des drogues et des tendances
    addictives", "à la protection des données et à la transparence", "de Sillery et de Saint-Sacrement"), or a bare
    lower-case noun after one ("des villes et communes"); not another body with its article ("et la CGT"), nor the
    second subject of a plural verb ("la Fédération des chasseurs et des élus locaux ont ...")."""
    doc, k = word.doc, word.i + 1
    if word.lower_ != "et" or word.lang_ != "fr" or not name or k + 1 >= len(doc):
        return False
    verb = next((t for t in doc[k:word.sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and "Plur" in verb.morph.get("Number") and "Sing" in name[0].morph.get("Number"):
        return False
    before = doc[word.i - 1]
    if doc[k].is_lower and doc[k].pos_ == "NOUN":
        return before.is_lower and before.pos_ in ("NOUN", "ADJ")
    if fold(doc[k].text) not in {fold(t.text) for t in name if t.pos_ == "ADP"}:
        return False
    k += fold(doc[k + 1].text) in ("la", "l'", "l’")
    return k + 1 < len(doc) and (doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN"
                                 or doc[k + 1].text[:1].isupper() and before.text[:1].isupper())


def _code_name(word: str) -> bool:
    """A name in capitals, digits allowed ("GAIA", "L214", "FO"): a body's whole name."""
    letters = word.replace("-", "")
    return 2 <= len(letters) <= 10 and letters.isalnum() and letters.isupper() and letters[:1].isalpha()


def in_capitals(word: str) -> bool:
    """An acronym, hyphenated or not ("CFDT", "FA-FPT"): a whole name that no lower-case words complete."""
    letters = word.replace("-", "")
    return 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper()


def noun_owns_name(head: Token, noun: Token) -> bool:
    """"l'association de parents de l'école X", "... du collège X": a lower-case noun after ``head`` with its own
    article (or "du", the article in "de") owns the name right after it; it is not ``head``'s name."""
    article = previous_word(noun)
    return noun.pos_ == "NOUN" and noun.text.islower() and article is not None and article.i > head.i \
        and fold(article.text) in name_cues().definite | {"du"}


def _complement_in_name(head: Token, joint: str = "of") -> list[Token]:
    """"(Dunmore Chamber) of Commerce": "of" and a capitalised name right after a capitalised collective noun
    complete that body's name; so does "for" and a capitalised word that is no place after a capitalised plural
    ("Mums for Lungs", "Parents for Safer Roads")."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == joint and c.i == head.i + 1), None)
    name = next((g for g in of.children if g.dep_ == "pobj" and (g.pos_ == "PROPN" or joint == "for" and g.text[:1].isupper()
                                                                   and g.ent_type_ not in ("GPE", "LOC", "NORP", "DATE"))), None) \
        if of is not None else None
    # "for" takes the words up to the name's head only: an apposition may hang on it ("Lungs, a campaign group")
    if name is None:
        return []
    words = list(name.subtree) if joint == "of" else list(name.doc[name.left_edge.i:name.i + 1])
    if not all(t.text[:1].isupper() for t in words) or name.left_edge.i != of.i + 1:
        return []
    return [of, *words]


def joined_start(head: Token, first: int) -> int:
    """"the Nurses and Midwives Union": where an English name whose words from ``first`` to its ``head`` were found
    starts, when capitalised words joined by "and" or "&" before them modify its head (a capitalised word, "and",
    another, all hanging on the head, "and" among them); else ``first``. Not "Marlow Foods and Greenwood Dairies said":
    there the words are the head's."""
    doc, start = head.doc, first
    while start > 0 and head.is_ancestor(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_ and (
            doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
            or start > 1 and doc[start - 1].lower_ in ("and", "&") and doc[start - 2].text[:1].isupper()
            and doc[start - 2].pos_ == "PROPN" and head.is_ancestor(doc[start - 2])):
        start -= 1
    return start if any(t.lower_ in ("and", "&") for t in doc[start:first]) else first


def joined_modifier(token: Token) -> Token:
    """"(the Nurses and) Midwives | Union": a capitalised word joined by "and" to a modifier of the capitalised noun
    right after it modifies that noun too, whose name it is part of; else ``token`` itself."""
    noun = token.head.head
    if token.dep_ == "conj" and token.head.dep_ in ("nmod", "compound") and token.head.i < token.i \
            and noun.i == token.i + 1 and noun.text[:1].isupper() and noun.pos_ == "PROPN" and token.whitespace_ == " ":
        return noun
    return token


def institution_head(token: Token) -> bool:
    """An English institution's head word that takes a complement in capitals ("HM Inspectorate | of Schools"), which
    the collective nouns of the cue lexicon may lack."""
    return token.doc.lang_ == "en" and fold(token.text) in name_cues().complement_heads


def _plural_word(token: Token) -> bool:
    """A capitalised word shaped like an English plural ("Farms", "Estates"; not "Lewis", "Gross", "Sainsbury's")."""
    lower = token.lower_
    return token.text[:1].isupper() and token.is_alpha and lower.endswith("s") and not lower.endswith(("ss", "is", "us"))


def titled_start(first: Token) -> Token:
    """"l'éditorial de La Voix de X", "selon La Tribune de Y": a capitalised article inside a sentence, which the NER
    read in one name with ``first``, opens a title (French capitalises no article there otherwise); else ``first``."""
    if first.i == 0:
        return first
    article = first.nbor(-1)
    if article.pos_ == "DET" and article.text[:1].isupper() and not article.is_sent_start \
            and article.ent_iob_ == "B" and first.ent_iob_ == "I":
        return article
    return first
