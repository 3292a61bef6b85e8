"""The names spaCy's NER found, completed where it cut them: an organisation's name run on through its
complement ("the British Association" + "for the Study of Community Dentistry"), the proper nouns before its
head ("South Calder" + "District Council"), a French institution's lower-case complement ("le Haut Conseil |
pour le climat"). A mixin of ``recognition.Recogniser``: the first of its steps reads these spans."""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon
from policykg.loaders.extract.name_spans import (
    GAELIC_ARTICLES, GAELIC_PARTICLES, and_joined_names, flat_names, gaelic_opening, gaelic_rest, glued_after_apostrophe,
    joined_organisations, local_kind_names, longer_names, lower_case_inside, places_closing_names, places_opening_names,
    title_case_run,
)
from policykg.loaders.extract.keys import PEERAGES, given_names
from policykg.loaders.extract.names import (
    FRENCH_OF, MAX_INSTITUTION_TOKENS, cues, fold, hyphen_joined, is_acronym, listed_remits,
)
from policykg.loaders.extract.statements.cues import load_cues


@cache
def post_titles(language: str) -> frozenset[str]:
    """The roles the relation rules read ("transport secretary"): a capitalised compound that is one names a post,
    not an organisation."""
    return frozenset(r.lower() for r in lexicon.load("relations", language)["roles"])


class NerSpans:
    """The NER's spans of a ``Recogniser``'s document, completed."""

    doc: Doc
    language: str
    ents: list[tuple[str, list[Token]]]

    def _ner_spans(self, type_: str) -> list[tuple[int, int]]:
        """(first, last) token indexes of the names of ``type_`` the NER found, within a line."""
        return [(tokens[0].i, tokens[-1].i) for ner_type, tokens in self.ents
                if ner_type == type_ and "\n" not in self.doc[tokens[0].i:tokens[-1].i + 1].text]

    def _ner_entities(self) -> list[tuple[str, list[Token]]]:
        """The NER's entities with their type; an English organisation's name whose head takes a complement
        runs on through it, over the entities the NER cut it into ("the British Association" + "for the
        Study of Community Dentistry"; "for the North East" + "and Cumbria" after a place)."""
        c, doc = cues(), self.doc
        ents = places_opening_names([(ner_type, list(ent)) for ent in doc.ents
                                     if (ner_type := self._misread_body(ent) or c.ner_types.get(ent.label_))])
        if self.language == "fr":
            out = []
            for t, tokens in places_closing_names(flat_names(ents)):
                if out and out[-1][1][-1].i >= tokens[0].i:
                    continue  # inside the person's name before it ("Diaye" after "Lacoste-N’")
                named = self._coordinated_word(self._listed_members(self._french_complement(remits(self._capitalised_rest(tokens))))) \
                    if t == "Organization" or fold(tokens[0].text) in c.institution_heads else None
                out.append((t, self._capitalised_article(named) if named is not None
                            else hyphenated_rest(tokens) if t == "Person" else tokens))
            return out
        if self.language != "en":
            return ents
        kind = {t.i: ent.label_ for ent in doc.ents for t in ent}
        out: list[tuple[str, list[Token]]] = []
        for ner_type, tokens in longer_names(local_kind_names(joined_organisations(lower_case_inside(and_joined_names(ents)))),
                                               post_titles(self.language)):
            if out and out[-1][1][-1].i >= tokens[0].i:
                continue  # inside the name before it
            if (titled := title_case_run(tokens)) is not tokens:
                while out and out[-1][1][-1].i >= titled[0].i:
                    out.pop()  # "Defend" + "Digital Me": pieces of one title
                tokens, ner_type = titled, "Organization"
            if ner_type == "Organization" and any(fold(t.text) in c.complement_heads for t in tokens):
                tokens = self._with_modifiers(self._with_complement(remits(listed_complement(tokens)), kind), kind)
                if out and out[-1][1][-1].i >= tokens[0].i:
                    out.pop()  # "South Calder" + "District Council": the NER's first part is the name's
            if ner_type == "Organization":
                tokens = hyphened_opening(self._through_compound(tokens, kind))
            if tokens[0].i >= 2 and doc[tokens[0].i - 1].text in ("'", "’") and doc[tokens[0].i - 2].dep_ == "poss" \
                    and doc[tokens[0].i - 2].pos_ == "PROPN" and doc[tokens[0].i - 2].text[:1].isupper() \
                    and not (out and out[-1][1][-1].i >= tokens[0].i - 2):
                # "The Musicians’ Guild": a plural possessive opens the name, an organisation's
                tokens, ner_type = [doc[tokens[0].i - 2], doc[tokens[0].i - 1], *tokens], "Organization"
            word = doc[tokens[0].i - 1] if tokens[0].i else None
            if ner_type == "Organization" and word is not None and word.text[:1].isupper() and word.is_alpha \
                    and word.dep_ == "compound" and tokens[0].i <= word.head.i <= tokens[-1].i \
                    and word.i not in kind and "\n" not in word.whitespace_ and not (out and out[-1][1][-1].i >= word.i):
                tokens = [word, *tokens]  # "Wend Wild Swimmers": a capitalised word the tagger misread, which the parse hung on the name
                ner_type = "Person" if fold(word.text) in given_names() else ner_type  # "Cecilia Bonefeld-Dahl"
            after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
            if ner_type == "Organization" and after is not None and after.pos_ == "ADV" and after.text[:1].isupper() \
                    and after.is_alpha and not after.is_sent_start and after.i not in kind and tokens[-1].whitespace_ == " ":
                tokens = [*tokens, after]  # "Phone-Free Schools Now": a capitalised adverb inside a sentence ends the name
            if (opening := gaelic_opening(tokens)) is not None and not (out and out[-1][1][-1].i >= opening.i):
                if ner_type == "Person" and opening.i != tokens[0].i - 1:
                    ner_type = "Organization"  # "Conradh na Gaeilge": "na" (of the) joins a body's name, not a person's
                tokens = list(doc[opening.i:tokens[-1].i + 1])
            if (longer := gaelic_rest(tokens)) is not tokens:
                tokens, ner_type = longer, "Organization" if ner_type == "Person" else ner_type
            if ner_type == "Person" and (first := _particle_opening(tokens)) is not None:
                if out and out[-1][1][-1].i >= first.i:
                    out.pop()  # "Sophie" read apart, as an organisation
                tokens = list(doc[first.i:tokens[-1].i + 1])  # "Sophie in 't Veld", "Ursula von der Leyen"
            if ner_type == "Person":
                tokens = hyphenated_rest(_with_peerage(tokens))
            verb = self._campaign_verb(tokens[0], kind)
            if verb is not None and not (out and out[-1][1][-1].i >= verb.i):
                tokens = [*doc[verb.i:tokens[0].i], *tokens]  # "Save Hollin Valley": the NER left the verb out
            if len(tokens) > 1 and tokens[0].text[:1].isupper() and fold(tokens[0].text) in c.campaign_verbs:
                ner_type = "Organization"  # a campaign's, which the NER may read as a person's
                while tokens[-1].i + 1 < len(doc) and tokens[-1].whitespace_ == " " and (word := doc[tokens[-1].i + 1]).is_alpha \
                        and word.text[:1].isupper() and word.i not in kind:
                    tokens = [*tokens, word]  # "Keep Britain | Tidy": its title runs on over capitalised words no name holds
            out.append((ner_type, tokens))
        return out

    @staticmethod
    def _campaign_verb(first: Token, kind: dict[int, str]) -> Token | None:
        """The capitalised campaign verb that opens a name before its ``first`` word, right before it or past up to
        two capitalised words no name holds, on its line ("Save | Hollin Valley", "Save Hollow | Lane Fields"); None
        when there is none."""
        doc, k = first.doc, first.i - 1
        while k >= 0 and first.i - k <= 3 and k not in kind and doc[k].is_alpha and doc[k].text[:1].isupper() \
                and "\n" not in doc[k].whitespace_:
            if fold(doc[k].text) in cues().campaign_verbs:
                return doc[k]
            k -= 1
        return None

    def _misread_body(self, ent: Span) -> str | None:
        """"The Ferry Stewards and Deckhands Union" that the NER read as a work's title: an English name whose last
        word heads bodies' names is an organisation's; so is a French name of several words it left unlabelled
        (MISC) that opens with a collective noun of a body ("Ligue contre le cancer", "Fondation pour la nature") or
        with an acronym and a hyphen glued to a word ("UFC-Que Choisir", "SUD-Rail"; not "Covid-19"), as is a French
        "person's" name that opens with a known place and no first name ("France Victimes", "Espagne Solidaire"), and a
        "place's" that opens with an institution's head and its complement ("Chambre de commerce et d'industrie de X")."""
        if self.language == "fr":
            if ent.label_ in ("LOC", "GPE") and len(ent) > 2 and ent[0].text[:1].isupper() \
                    and fold(ent[0].text) in cues().institution_heads and ent[1].lower_ in FRENCH_OF:
                return "Organization"  # "la Chambre de commerce et d'industrie de X", read as a place
            if ent.label_ == "PER" and len(ent) > 1 and not {fold(ent[0].text), fold(ent[1].text)} & given_names() \
                    and any(x.type == "Place" for x in self.kb.find(ent[0].text)):
                return "Organization"
            if ent.label_ != "MISC" or len(ent) < 2:
                return None
            first = ent[0]
            body = first.text[:1].isupper() and first.lower_ in load_cues("fr").collective_anaphors
            return "Organization" if body or acronym_hyphened(list(ent)) else None
        last = ent[-1]
        if self.language == "en" and ent.label_ == "PERSON" and len(ent) >= 3 and fold(ent[0].text) not in given_names() \
                and any(e.label_ in ("GPE", "LOC", "ORG") and e.text == ent[0].text for e in self.doc.ents):
            return "Organization"  # "Leeds Renters Together": a place the article names alone, and two words more, open
            # a group's name (the NER may read the place alone as a body's name, never as a person's first name)
        if self.language == "en" and ent.label_ in ("PERSON", "WORK_OF_ART") and any(
                t.text in GAELIC_ARTICLES and t.nbor(-1).text[:1].isupper() and t.nbor(1).text[:1].isupper() for t in ent[1:-1]):
            return "Organization"  # "Foras na Gaeilge": the Gaelic "of the" joins a body's name
        if self.language == "en" and ent.label_ in ("ORG", "GPE", "FAC") and len(ent) >= 3 and all(
                t.is_alpha and t.text[:1].isupper() for t in ent) and any(fold(t.text) in GAELIC_PARTICLES for t in ent[1:-1]):
            return "Person"  # "Gráinne Ó Dálaigh": a surname's Gaelic particle inside the name makes it a person's
        return "Organization" if self.language == "en" and ent.label_ == "WORK_OF_ART" and last.text[:1].isupper() \
            and fold(last.text) in cues().complement_heads else None

    def _capitalised_rest(self, tokens: list[Token]) -> list[Token]:
        """"SNCF | Réseau": a French organisation's name runs on through a capitalised common noun the NER left out,
        on its line, that is no name of its own (French writes no common noun in capitals inside a sentence)."""
        after = self.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(self.doc) else None
        if after is None or after.pos_ != "NOUN" or not after.text[:1].isupper() or after.ent_type_ \
                or "\n" in tokens[-1].whitespace_ or not tokens[-1].whitespace_:
            return tokens
        return [*tokens, after]

    def _capitalised_article(self, tokens: list[Token]) -> list[Token]:
        """"les sénateurs Les Républicains": a capitalised article inside a sentence, right before an organisation's
        name, opens the name (French capitalises no article there otherwise); so does « Les » opening a sentence before
        a plural common noun in capitals, which names no body but a title ("Les Républicains", "Les Verts")."""
        i = tokens[0].i
        if i >= 1 and self.doc[i - 1].lower_ == "les" and self.doc[i - 1].is_sent_start and tokens[0].pos_ == "NOUN" \
                and tokens[0].text[:1].isupper() and fold(tokens[0].text) not in cues().institution_heads \
                and "Plur" in tokens[0].morph.get("Number"):
            return [self.doc[i - 1], *tokens]  # "Les Républicains, en revanche, jugent": a plural noun in capitals is a title's
        if i < 2 or self.doc[i - 1].pos_ != "DET" or not self.doc[i - 1].text[:1].isupper() or self.doc[i - 1].is_sent_start \
                or self.doc[i - 2].is_punct or self.doc[i - 1].ent_type_ or "\n" in self.doc[i - 2].whitespace_:
            return tokens
        return [self.doc[i - 1], *tokens]

    def _french_complement(self, tokens: list[Token]) -> list[Token]:
        """A French institution's name run on through the lower-case complement the NER cut off: one coordinated
        with its own ("la Fédération du commerce | et de la distribution", "en santé | et en services sociaux") or opened by "pour" and an article
        ("le Haut Conseil | pour le climat"); a noun, then adjectives ("et de soins palliatifs")."""
        c, doc = cues(), self.doc
        if not any(fold(t.text) in c.institution_heads for t in tokens):
            return tokens
        k = tokens[-1].i + 1
        # "et de ..." after a complement of "de", or the same preposition again ("en santé | et en services sociaux")
        if k + 1 < len(doc) and doc[k].lower_ == "et" and (doc[k + 1].lower_ in FRENCH_OF and any(t.lower_ in FRENCH_OF for t in tokens[1:])
                                                           or doc[k + 1].pos_ == "ADP" and any(t.lower_ == doc[k + 1].lower_ for t in tokens[1:])):
            k += 2
        elif k + 1 < len(doc) and doc[k].lower_ == "pour" and doc[k + 1].pos_ == "DET":
            k += 1
        else:
            return tokens
        if k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        if doc[k - 1].lower_ in FRENCH_OF and doc[k].text[:1].isupper() and tokens[-1].text[:1].isupper() \
                and tokens[-2].lower_ in FRENCH_OF:
            return list(doc[tokens[0].i:k + 1])  # "de Sillery | et de Saint-Sacrement": a second place like the first
        if k >= len(doc) or doc[k].pos_ != "NOUN" or not doc[k].is_lower \
                or "\n" in doc[tokens[-1].i:k + 1].text:
            return tokens
        end = k + 1
        while end < len(doc) and doc[end].is_lower and doc[end].pos_ == "ADJ":
            end += 1
        return tokens if end - tokens[0].i > MAX_INSTITUTION_TOKENS else list(doc[tokens[0].i:end])

    def _listed_members(self, tokens: list[Token]) -> list[Token]:
        """A French institution's name run on through the list of the members it gathers, which the NER cut at a comma
        or at « et » ("la Société des auteurs | , compositeurs et éditeurs de musique", "l'Union des artisans plombiers
        | et chauffagistes"): after a lower-case plural closing the name, lower-case plurals with no article, set off
        by commas and closed by « et », then a noun complement of the last one with no article ("de musique")."""
        doc = self.doc
        if not any(fold(t.text) in cues().institution_heads for t in tokens) or not _bare_plural(tokens[-1]):
            return tokens
        k = tokens[-1].i + 1
        while k + 1 < len(doc) and doc[k].text in (",", "et") and _bare_plural(doc[k + 1]):
            k += 2
            if doc[k - 2].text == "et":
                break
        else:
            return tokens  # no list, or one that « et » does not close: a phrase after the name
        if k + 1 < len(doc) and doc[k].lower_ in ("de", "d'", "d’") and doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN":
            k += 2
        return tokens if k - tokens[0].i > MAX_INSTITUTION_TOKENS or "\n" in doc[tokens[0].i:k].text else list(doc[tokens[0].i:k])

    def _coordinated_word(self, tokens: list[Token]) -> list[Token]:
        """A French institution's name run on through a lower-case word « et » joins to its last one, with no article
        between them ("l'Union sport | et cycle", "le Syndicat des revêtements de sol sportifs | et paysagers"), then
        through that word's complement with no comma ("et internationales | des associations de jeunesse"): a word
        with no article of its own after « et » shares the name's (two bodies each take theirs: "la CGT et la CFDT")."""
        doc, k = self.doc, tokens[-1].i + 1
        last = tokens[-1]
        if not any(fold(t.text) in cues().institution_heads for t in tokens) or not (last.is_lower and last.is_alpha) \
                or last.pos_ not in ("NOUN", "ADJ") or k + 1 >= len(doc) or doc[k].lower_ != "et" \
                or not (doc[k + 1].is_lower and doc[k + 1].is_alpha and doc[k + 1].pos_ in ("NOUN", "ADJ")):
            return tokens
        end = k + 2
        if end + 1 < len(doc) and doc[end].lower_ in FRENCH_OF:
            noun = end + 1 + (doc[end + 1].pos_ == "DET")
            if noun < len(doc) and doc[noun].is_lower and doc[noun].pos_ == "NOUN":
                end = noun + 1
                while end + 1 < len(doc) and doc[end].lower_ in FRENCH_OF and doc[end + 1].is_lower and doc[end + 1].pos_ == "NOUN":
                    end += 2  # "des associations | de jeunesse"
        if end - tokens[0].i > MAX_INSTITUTION_TOKENS or "\n" in doc[tokens[0].i:end].text:
            return tokens
        return list(doc[tokens[0].i:end])

    def _with_modifiers(self, tokens: list[Token], kind: dict[int, str]) -> list[Token]:
        """``tokens`` run back over the proper nouns the NER left before an organisation's head word, and "and"
        between them ("South Calder" + "District Council", "Brampton and Lowmoor District Council", "The
        Betting and Gaming Council", "the UK Vaping Industry Association"), and a nation's adjective ("the British
        Beer and Pub Association"), within MAX_INSTITUTION_TOKENS."""
        c, doc, start = cues(), self.doc, tokens[0].i

        def modifier(i: int, *, joined: bool = False) -> bool:
            """A proper noun of the name (a lone one before "and" even where the NER read a person: "Brampton")."""
            # and a person's span the NER ran over a plural noun, the workers a union gathers ("The App Cleaners" +
            # "and Porters Union"), with its other capitalised words
            person = joined and kind.get(i) == "PERSON" and (kind.get(i - 1) != "PERSON" or doc[i].tag_ == "NNPS") \
                or kind.get(i) == "PERSON" and i + 1 == start and doc[start].ent_iob_ == "I" and start < tokens[0].i
            nation = doc[i].pos_ == "ADJ" and kind.get(i) == "NORP"  # "British" (+ "Beer and Pub Association")
            return i >= 0 and (doc[i].pos_ == "PROPN" or nation) and doc[i].text[:1].isupper() and "\n" not in doc[i].whitespace_ \
                and (kind.get(i, "") in ("", "GPE", "LOC", "NORP", "FAC", "ORG") or person)

        while tokens[-1].i - start < MAX_INSTITUTION_TOKENS - 1:
            if modifier(start - 1):
                start -= 1
            elif start >= 2 and doc[start - 1].lower_ in ("and", "&") and modifier(start - 2, joined=True) \
                    and not (doc[start].pos_ == "DET" and fold(doc[start - 2].text) in c.complement_heads):
                start -= 2  # not from a body's head word to a name with its own article: "the Law Society and | the Bar
                # Council" are two bodies ("Argyll and the Isles Council" one)
            else:
                break
        return list(doc[start:tokens[-1].i + 1])

    def _through_compound(self, tokens: list[Token], kind: dict[int, str]) -> list[Token]:
        """"The Association of Ambulance | Chief Executives": an English organisation's name that the NER ended on a
        word the parse compounds on a capitalised noun after it runs on to that noun, over capitalised words no other
        name holds (the NER stops at a word of titles, "Chief"), within MAX_INSTITUTION_TOKENS; not on to a post
        ("the Transport | Secretary")."""
        last, doc = tokens[-1], self.doc
        head = last.head
        if last.dep_ != "compound" or head.i <= last.i or head.i - tokens[0].i >= MAX_INSTITUTION_TOKENS \
                or head.lower_ in post_titles(self.language) \
                or not all(doc[i].is_alpha and doc[i].text[:1].isupper() and kind.get(i, "ORG") == "ORG"
                           and "\n" not in doc[i - 1].whitespace_ for i in range(last.i + 1, head.i + 1)):
            return tokens
        return list(doc[tokens[0].i:head.i + 1])

    def _with_complement(self, tokens: list[Token], kind: dict[int, str]) -> list[Token]:
        """``tokens`` run on through "of"/"for"/"on" (then "the") and capitalised words, and through "and" between
        places ("of Britain and Ireland", "of England and Wales" where the NER read "Wales" as an organisation's name) or
        plural nouns ("of Landlords and Letting Agents"), within MAX_INSTITUTION_TOKENS."""
        c, doc = cues(), self.doc

        def places(k: int, run: int) -> bool:
            """Whether the capitalised words doc[k:run] name places: the NER's, or a nation it read inside a name."""
            return run > k and (all(kind.get(i) in ("GPE", "LOC") for i in range(k, run)) or fold(doc[k:run].text) in c.nations)

        end, after_place = tokens[-1].i, False
        while True:
            k = end + 1
            if k >= len(doc) or "\n" in doc[end].whitespace_:
                break
            join = fold(doc[k].text)
            if join not in c.complement_joins and join != "and":
                break
            k += 1
            if k < len(doc) and doc[k].lower_ == "the" and join != "and":
                k += 1
            run = k
            while run < len(doc) and doc[run].is_alpha and doc[run].text[:1].isupper() \
                    and kind.get(run) not in ("PERSON", "DATE") and "\n" not in doc[run - 1].whitespace_:
                run += 1
            place = places(k, run)
            # "and" between places ("of Britain and Ireland"), or between the groups a body gathers ("of Private
            # Landlords and Letting Agents"): plural nouns either side, not two bodies ("Google and Apple")
            groups = run - k <= 3 and all(_plural(doc[i]) for i in (end, run - 1))
            if run == k or run - tokens[0].i > MAX_INSTITUTION_TOKENS or (join == "and" and not (after_place or place or groups)) \
                    or join == "on" and (fold(doc[end].text) not in c.topic_heads or any(kind.get(i) for i in range(k, run))):
                break  # "on" after a body that studies no subject, or before another name, says where it spoke
            end, after_place = run - 1, place
        return list(doc[tokens[0].i:end + 1])


def listed_complement(tokens: list[Token]) -> list[Token]:
    """"the Department for Parks, Heritage and Tourism": an English institution's complement may be a list of
    capitalised words, commas between them and "and" before the last, which the NER cuts at a comma or "and". After
    "of"/"for" in the name, capitalised items (up to three words each, no other name of the NER's but the name's
    own, no person's but a lone word the NER misread: "and Drama") joined so run the name on to the last item; a
    list that "and" does not close ("for Parks, Leisure said") or one of other bodies ("for Transport, Kelmarsh Rail
    and ...") leaves the span as it was."""
    doc, c = tokens[0].doc, cues()
    joins = [t.i for t in tokens[1:]
             if fold(t.text) in c.complement_joins and fold(t.nbor(-1).text) in c.complement_heads]
    if not joins:
        return tokens
    k = joins[0] + 1 + (doc[joins[0] + 1].lower_ == "the")
    end, closed = -1, False
    while k < len(doc) and not closed:
        run = k
        while run < len(doc) and run - k < 3 and doc[run].is_alpha and doc[run].text[:1].isupper() \
                and (lone_word(doc[run]) or doc[run].ent_type_ != "PERSON"
                     and (doc[run].ent_iob_ != "B" or run <= joins[0] + 2)) \
                and "\n" not in doc[run - 1].whitespace_:
            run += 1
        if run == k or run < len(doc) and doc[run].is_alpha and doc[run].text[:1].isupper():
            return tokens  # no item, or one longer than three words
        end, closed = run - 1, doc[k - 1].lower_ in ("and", "&")
        k = run + 1 + (run + 1 < len(doc) and doc[run].text == "," and doc[run + 1].lower_ in ("and", "&"))
        if run >= len(doc) or doc[run].text not in (",", "and", "&") or k > tokens[0].i + MAX_INSTITUTION_TOKENS:
            break
    return list(doc[tokens[0].i:end + 1]) if closed and doc[joins[0] + 1:end].text.count(",") else tokens


def remits(tokens: list[Token]) -> list[Token]:
    """A body's name run on through the list of its remits that the NER cut at the first comma ("le ministère
    des Sports | , de la Jeunesse et de la Vie associative", "Ministry of Ports, | Rail and the Coast"), within
    MAX_INSTITUTION_TOKENS (``listed_remits``)."""
    last = listed_remits(tokens[-1])
    return tokens if last.i - tokens[0].i >= MAX_INSTITUTION_TOKENS else list(tokens[0].doc[tokens[0].i:last.i + 1])


def hyphened_opening(tokens: list[Token]) -> list[Token]:
    """"Co-op | Funeralcare": a capitalised word inside the sentence joined by a hyphen to a lower-case one, right
    before an organisation's name, opens that name; the tokenizer cut it at the hyphen and the NER left it out. Not a
    capitalised second part ("Pro-Brexit | Tories"), which says what the body stands for, nor a word opening the
    sentence ("Well-funded | Greenpeace")."""
    doc, i = tokens[0].doc, tokens[0].i
    if i < 4 or not hyphen_joined(doc[i - 1]) or not doc[i - 1].is_lower or doc[i - 1].whitespace_ != " " \
            or any(doc[k].ent_type_ for k in range(i - 3, i)) or doc[i - 3].is_sent_start or not doc[i - 4].whitespace_:
        return tokens
    return list(doc[i - 3:tokens[-1].i + 1])


def lone_word(token: Token) -> bool:
    """A capitalised word the NER read as a person's whole name, alone between words no name's, and no known first
    name: a common noun in capitals ("Dance and Drama"), not a person."""
    doc = token.doc
    return token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and fold(token.text) not in given_names() \
        and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


PARTICLES = frozenset({"in", "t", "'t", "’t", "ter", "ten", "op"})
"""Dutch particles of surnames ("in 't", "ter", "op den"), besides the name cues' ("van", "der", "de", "la")."""


def _particle_opening(tokens: list[Token]) -> Token | None:
    """The first name before a surname the NER cut from it at its lower-case particles ("Sophie in 't | Veld", "Jean de
    La | Fontaine"): a given name, then at most three particles (an apostrophe glued to "t" among them); None when
    there is none."""
    doc, k, particles = tokens[0].doc, tokens[0].i - 1, 0
    while k >= 1 and particles < 4 and (fold(doc[k].text) in cues().name_particles | PARTICLES
                                        or doc[k].text in ("'", "’") and not doc[k].whitespace_):
        k, particles = k - 1, particles + 1
    first = doc[k] if particles and k >= 0 else None
    # a first name the list lacks ("Alistair Van der | Merwe") when the parse hangs it on the particles it opens
    joined = first is not None and first.pos_ == "PROPN" and not first.ent_type_ and first.dep_ == "compound" \
        and first.i < first.head.i <= tokens[-1].i and fold(doc[k + 1].text) in cues().name_particles
    return first if first is not None and first.text[:1].isupper() and (fold(first.text) in given_names() or joined) \
        and "\n" not in first.whitespace_ else None


def peer_title(token: Token) -> bool:
    """A peerage title before a name and its territorial "of" and capitalised place ("Lord | Farrant of Kesgrave")."""
    doc, k = token.doc, token.i + 1
    while k < len(doc) and k <= token.i + 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1  # the peer's names
    return fold(token.text) in PEERAGES and token.text[:1].isupper() and k > token.i + 1 and k + 1 < len(doc) \
        and doc[k].lower_ == "of" and doc[k + 1].text[:1].isupper() and "\n" not in doc[token.i:k + 2].text


def _with_peerage(tokens: list[Token]) -> list[Token]:
    """A peer's name with its title when the NER left it out: "Farrant of Kesgrave" is no name without "Lord"."""
    doc, i, end = tokens[0].doc, tokens[0].i, tokens[-1].i
    if i == 0 or not peer_title(doc[i - 1]):
        return tokens
    if not any(t.lower_ == "of" for t in tokens):  # "Lord Hallam | of | Brixworth": the NER read the place apart
        end += 2 if end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 2].text[:1].isupper() else 0
    return list(doc[i - 1:end + 1])


def hyphenated_rest(tokens: list[Token]) -> list[Token]:
    """A person's double-barrelled surname the NER cut at its hyphen ("Douglas Penhaligon | -Ward") or after an elided
    particle ("Lacoste-N’ | Diaye"): a hyphen glued to a capitalised word on either side, or an apostrophe glued to
    the next one, runs the name on."""
    doc, end = tokens[0].doc, tokens[-1].i
    while True:
        if end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_ \
                and doc[end + 2].text[:1].isupper() and doc[end + 2].is_alpha:
            end += 2
        elif end + 1 < len(doc) and doc[end].text[-1:] in ("'", "’") and len(doc[end].text) <= 3 and not doc[end].whitespace_ \
                and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
            end += 1  # "Lacoste-N’ | Diaye": an elided particle glued to the surname it opens
        elif end + 2 < len(doc) and doc[end].whitespace_ and glued_after_apostrophe(doc[end + 1]):
            end += 2  # "Anne | Le Goarnic’ | h": a surname spelt with « c’h », which the NER left out
        elif glued_after_apostrophe(doc[end]):
            end += 1  # "Le Goarnic’ | h": the tokenizer split the surname at its apostrophe
        else:
            return list(doc[tokens[0].i:end + 1])


def particle_surname(tokens: list[Token]) -> int:
    """How many of ``tokens`` make the rest of a person's name after their first name: lower-case particles (at most
    three), then a capitalised surname no other name of the NER's ("Marguerite | du Plessis"); 0 when they do not."""
    k = 0
    while k < min(3, len(tokens)) and tokens[k].is_lower and fold(tokens[k].text) in cues().name_particles:
        k += 1
    surname = tokens[k] if 0 < k < len(tokens) else None
    closes = surname is not None and surname.text[:1].isupper() and surname.is_alpha and not surname.ent_type_ \
        and "\n" not in tokens[k - 1].whitespace_
    return k + 1 if closes else 0


def _bare_plural(token: Token) -> bool:
    """A French lower-case plural noun or adjective ("compositeurs", "chauffagistes"), whatever number the tagger read."""
    return token.is_lower and token.is_alpha and token.pos_ in ("NOUN", "ADJ", "PROPN") and token.lower_.endswith(("s", "x"))


def _plural(token: Token) -> bool:
    """A plural noun, which the tagger may read as a singular name in capitals ("Landlords")."""
    return token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NNP" and token.lower_.endswith("s")
                                              and not token.lower_.endswith(("ss", "us", "is")))


def acronym_hyphened(tokens: list[Token]) -> bool:
    """Whether a name opens with an acronym glued by a hyphen to a word, as bodies' names do ("UFC-Que Choisir",
    "SUD-Rail", "CLCV-Que savoir"), and does not end on a number ("COVID-19")."""
    return len(tokens) > 2 and is_acronym(tokens[0].text) and tokens[1].text == "-" and not tokens[0].whitespace_ \
        and not tokens[1].whitespace_ and tokens[2].is_alpha and not tokens[-1].like_num
