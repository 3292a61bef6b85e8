"""The statement finder: cue verbs, cue phrases, "selon X", nouns of speech, and interview answers."""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from policykg.loaders.extract.names import listed_remits
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, paragraphs
from policykg.loaders.extract.statements.phrases import (
    apposed_name, definite, expression, left_expression, name_before, named_after_complement, opening_subject, relative_antecedent)
from policykg.loaders.extract.statements.syntax import (
    bare_participle, cue_extent, depending_on, has_verb, inverted_subject, next_word, phrase_object, previous_sentence,
    name_edge, past_time, previous_word, relative_after, role_end, sentence_end, char_range, verb_forms,
)
from policykg.loaders.extract.statements.objects import Relative
from policykg.loaders.extract.statements.uncued import UncuedQuotes
from policykg.loaders.extract.statements.verbs import Candidate

NESTED_METHODS = frozenset({"judgement-verb", "directive-verb"})
"""Rules whose cue, inside what another cue reports, is part of that statement."""

REPORTING_METHODS = frozenset({"speech-verb", "quote+cue"})
"""Rules of a verb of saying and what it reports, which may hold a characterisation."""

BRACKETS = {"(": ")", "—": "—", "–": "–", "--": "--", "-": "-"}
"""Marks that open an aside inside a sentence and the marks that close one (a dash closes with any dash)."""


def present_forms(lemma: str) -> tuple[str, ...]:
    """The present forms of an -er verb the lemmatiser may leave as they are ("monte au créneau", "tire la
    sonnette d'alarme"), so that a cue phrase opening with the verb still matches them."""
    if len(lemma) < 4 or not lemma.endswith("er"):
        return ()
    return lemma[:-1], lemma[:-2] + "ent"


class Finder(UncuedQuotes):
    """Finds the candidate statements of one document."""

    # -- the passes ----------------------------------------------------------------------------

    def run(self) -> list[Candidate]:
        for quote in self.quotes:
            self.incise(quote)
        for token in self.doc:
            if self.speech_noun(token) and self.quote_around(token.idx) is None:
                self.nominal_cue(token)
        for match_id, start, end in self.matcher()(self.doc):
            kind = self.doc.vocab.strings[match_id]
            span = self.doc[start:end]
            if self.quote_around(span.start_char) is not None:
                continue
            if kind.startswith("PHRASE"):
                self.phrase_cue(span, complement=kind == "PHRASE_COMPLEMENT")
            elif kind in ("ACCORDING", "ACCORDING_NAMED"):
                self.according_to(span, named=kind == "ACCORDING_NAMED")
            else:
                self.echo(span)
        for token in self.doc:
            if token.i in self.used_cues or self.quote_around(token.idx) is not None:
                continue  # words inside a quotation are the quoted speaker's, not the article's
            lemma = token.lemma_.lower()
            if token.lower_ in self.cues.complementizers and (relative := self.attributive_relative(token)) is not None:
                self.relative_judgement(relative)
            elif lemma in self.cues.read_in or token.lower_ in self.cues.read_in:
                self.read_in(token)
            elif token.pos_ == "VERB" and lemma in self.cues.previous_verbs:
                self.source_of_previous(token)
            elif token.pos_ == "VERB" and self.is_verb_cue(token) and self.as_clause(token):
                continue
            elif self.is_verb_cue(token) and (self.verb_cue(token) is not None or (
                    token.pos_ in ("VERB", "AUX") and token.dep_ not in ("flat:name", "flat", "appos", "cc"))):
                continue
            elif self.cues.mistagged and token.text.islower() and (
                    token.pos_ in self.cues.mistagged or token.dep_ in ("flat:name", "flat", "appos", "cc")):
                self.mistagged_cue(token)  # a verb the tagger misread, or parsed as part of the name before it
        self.carry_back()
        self.quote_fallbacks()
        self.headline_claims()
        self.colon_clauses()
        self.pull_quotes()
        self.interview_answers()
        kept = [c for c in self.candidates if not self.nested(c)]
        return [c for c in kept if not self.repeated(c, kept)]

    def interview_answers(self) -> None:
        """An interview ("Propos recueillis par X"): each paragraph answering a question paragraph is the words of
        the person the introduction names last, and the cues inside an answer are theirs, not the article's."""
        spans = paragraphs(self.text)
        lines = [self.text[start:end].strip() for start, end in spans]
        if not any(line.lower().startswith(credit) for line in lines for credit in self.cues.interview_credits):
            return
        questions = [k for k, (start, end) in enumerate(spans) if lines[k].endswith("?")
                     and not any(q.start < end and start < q.end for q in self.quotes)]
        if not questions:
            return
        intro = self.doc.char_span(spans[0][0], spans[questions[0]][0], alignment_mode="contract")
        names = [t for t in intro or () if t.ent_type_ in ("PER", "PERSON") and t.pos_ == "PROPN" and not t.dep_.startswith("flat")]
        if not names:
            return
        answers = []
        for k in questions:
            if k + 1 < len(lines) and k + 1 not in questions \
                    and not any(lines[k + 1].lower().startswith(credit) for credit in self.cues.interview_credits):
                answers.append(self.strip(*spans[k + 1]))
        self.candidates = [c for c in self.candidates if c.cue is None or not any(a <= c.cue[0] < b for a, b in answers)]
        for answer in answers:
            self.add(Candidate(answer, "interview-answer", None, (expression(names[-1]),), grammatical=False))

    def repeated(self, candidate: Candidate, others: list[Candidate]) -> bool:
        """Whether two cues read one report twice and ``candidate`` is the lesser reading (PolNeAR annotates one
        attribution there). A part of a split quotation another cue took whole ("“A,” X said, noting ... “B.”",
        "“A,” X said, according to Y. “B.”": the same opening, a shorter content); or words before a postposed cue
        that are another statement with its own cue ("Citing “A,” a spokesman told ...", "X, citing “A,” said
        ..."): a participle's aside set before the cue, not what it reports."""
        if candidate.cue is None:
            return False
        start, end = candidate.content
        for other in others:
            if other is candidate or other.cue is None:
                continue
            if abs(other.content[0] - start) <= 2 and end <= other.content[1] and end - start < other.content[1] - other.content[0] \
                    and self.split_by(other, candidate):
                return True
            first, last = min(other.cue[0], other.content[0]), max(other.cue[1], other.content[1])
            cue = self.doc.char_span(*other.cue, alignment_mode="expand")
            if candidate.cue[0] >= end and start <= first and last <= end + 2 and cue is not None \
                    and any(t.tag_ == "VBG" for t in cue) and self.words(start, first) + self.words(last, end) <= 2:
                return True
        return False

    def split_by(self, whole: Candidate, part: Candidate) -> bool:
        """Whether ``whole`` is a split quotation ("“A,” X said, ... “B.”") whose interruption holds the cue of ``part``,
        its first part, after its own ("X said, noting ...") or under an "according to" ("X said, according to Y"); not
        "“A,” she said, adding, “B.”", where the second cue reports B on its own."""
        last = self.quote_around(whole.content[1] - 1)
        return last is not None and last.start >= part.content[1] and whole.cue is not None and part.cue is not None \
            and (whole.cue[0] < part.cue[0] or whole.method == "according-to")

    def nested(self, candidate: Candidate) -> bool:
        """"La fédération affirme qu'elle contestera la mesure", "He said he expects the bill to pass", "She said
        she had urged him to stay", "Sims said he waited until Haley said she backed Rubio", "said he would ask
        ministers to ...": a verb of judgement, of belief, of directive or of saying (reported speech, not a
        quotation), or one not said yet (after a modal, not quoted), inside the longer content another cue reports
        is part of that statement: the words are second-hand, the outer speaker's claim. PolNeAR annotates no
        attribution inside another's content (0 of 19,831 on train). A characterisation stays ("X, whom he called
        “a con artist”" quotes the speaker's own words), unless it lies in what a verb of saying before it reports
        ("Cross said he could only vote for Clinton, whom he called “divisive”"): that statement holds it already.
        A cue in the interruption cut out of a split quotation ("“A,” X said, noting that ... “B.”") is outside it."""
        cue = self.doc.char_span(*candidate.cue, alignment_mode="expand") if candidate.cue is not None else None
        intention = cue is not None and any(t.tag_ == "MD" for t in cue) and self.quoted_share(*candidate.content) < 0.5
        characterising = candidate.method == "characterising-verb"
        nestable = candidate.method in NESTED_METHODS or candidate.method == "speech-verb" or candidate.belief or intention
        infinitive = cue is not None and any("Inf" in t.morph.get("VerbForm") for t in cue)
        return (nestable or characterising) and candidate.cue is not None and any(
            (other.method not in NESTED_METHODS or infinitive and other.method == "directive-verb") and not other.belief
            and any(a <= candidate.cue[0] < b for a, b in self.fragments(*other.content, other.cue))
            and other.content[1] - other.content[0] > candidate.content[1] - candidate.content[0]
            and (nestable or other.method in REPORTING_METHODS and other.cue is not None and other.cue[0] < candidate.cue[0])
            for other in self.candidates)

    def matcher(self) -> Matcher:
        matcher = Matcher(self.doc.vocab)
        gap = [{"IS_PUNCT": False, "OP": "?"}] * 3
        for label, phrases in (("PHRASE", self.cues.phrases), ("PHRASE_COMPLEMENT", self.cues.complement_phrases)):
            for phrase in phrases:
                pattern: list[dict] = []
                for k, lemma in enumerate(phrase):
                    pattern.extend(gap if k else [])
                    pattern.append({"LEMMA": {"IN": [lemma, lemma.capitalize(), *present_forms(lemma)]}})
                matcher.add(label, [pattern], greedy="LONGEST")
        for words in self.cues.according_to:
            matcher.add("ACCORDING", [[{"LOWER": word} for word in words]], greedy="LONGEST")
        for words in self.cues.according_to_named:
            matcher.add("ACCORDING_NAMED", [[{"IS_SENT_START": True, "LOWER": words[0]}, *({"LOWER": w} for w in words[1:])]])
        for words in self.cues.echo:
            # "C'est en tout cas ce qu'affirme X", "C'est du moins ce que ...": a short adverbial after the verb
            matcher.add("ECHO", [[*({"LOWER": w} for w in words[:2]), *gap, *({"LOWER": w} for w in words[2:])]], greedy="LONGEST")
        return matcher

    # -- other cue families --------------------------------------------------------------------

    def phrase_cue(self, span: Span, *, complement: bool = False) -> None:
        """A multi-word cue and what follows it: a quotation, a colon or a que/that clause ("ont exprimé la
        crainte que ...", "a tiré la sonnette d'alarme sur X : ..."), else its complement ("a mis en garde
        contre ...", "s'est dite favorable à ...", with the phrases the lexicon lists for it)."""
        # the lexical verb, which holds the subject ("Le joueur s'est dit « déçu »"), before an auxiliary
        verb = next((t for t in span if t.pos_ == "VERB"), None) or next((t for t in span if t.pos_ == "AUX"), span.root)
        sent = span.sent
        after = next_word(span[-1], sent, skip_punct=False)
        if after is None:
            return
        quote = self.quote_after(after.idx + 1) if after.text in (",", ":") else self.quote_starting_at(after.idx)
        marker = next((t for t in self.doc[span.end:sent.end] if t.lower_ in self.cues.complementizers or t.text == ":"), None)
        first = next_word(marker, sent) if marker is not None and quote is None else None
        inverted = None
        backward: tuple[int, int] | None = None
        opening = min((span[0], *(cue_extent(t)[0] for t in span)), key=lambda t: t.i)
        comma = previous_word(opening)
        postposed = comma is not None and comma.text == "," and previous_word(comma) is not None \
            and previous_word(comma).text in QUOTE_MARKS
        if complement and span[-1].dep_ == "case" and span[-1].head.i > span[-1].i > verb.i:
            if self.cue_lemma(verb) in self.cues.characterising and any(q.start > span.end_char and q.end <= sent.end_char for q in self.quotes):
                return  # "voit dans ce plan « une provocation »": the characterising verb reports its quotation
            if first is None and quote is None:
                first = span[-1]  # "voit dans la réforme une chance": the preposition opens what is seen
        if first is None and quote is None and complement and (after.pos_ in ("ADP", "ADJ") or (after.pos_ == "DET" and not postposed)):
            first = after  # "a mis en garde contre ...", "y voit une menace", not "« ... », a mis en garde son président"
        if first is None and quote is None:
            # "« ... », a mis en garde son président": a phrase after a quotation, its subject after it or inverted.
            clitic = next((c for t in span if (c := inverted_subject(t)) is not None and c.text.startswith("-")), None)
            words = self.phrase_after_verb(span[-1], opening)
            noun = inverted_subject(span[-1])  # "fait valoir le ministère de l'Agriculture": the parsed phrase, whole
            whole = words is not None and noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.left_edge.i == span[-1].i + 1
            inverted = (expression(noun) if whole else words) or (expression(clitic) if clitic is not None else None)
            before = previous_word(opening)
            quote = self.quote_around(before.idx - 1) if inverted is not None and before is not None and before.text == "," else None
            lead = past_time(span[-1])  # "a fait savoir lundi la préfecture": past the date
            following = next_word(lead, sent)
            noun = (noun if lead.i == span[-1].i else None) or (following.head if following is not None and following.dep_ == "det" else following)
            whole = noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.left_edge.i == lead.i + 1 \
                and all(t.is_punct or t.is_space for t in self.doc[noun.right_edge.i + 1:sent.end])  # it closes the sentence
            if quote is None and whole and before is not None and before.text == "," and before.i - sent.start >= 3 \
                    and has_verb(self.doc, sent.start_char, before.idx, finite=True):
                # "La gendarmerie n'a pas émis d'objection, a fait savoir le maire": the clause before the comma
                inverted, backward = expression(noun), self.strip(sent.start_char, before.idx)
            elif quote is None:
                return
        subject = self.subject_of(verb) if backward is None else None  # a subject before the comma is the clause's
        if subject is not None and inverted is not None and self.quote_around(subject.idx) is not None:
            subject = None  # "« La race ne compte pas », fait valoir X": the parsed subject is in the quotation
        left = left_expression(span[0], self.cues)
        heads = ([expression(subject)] if subject is not None else []) + ([inverted] if inverted else []) + ([left] if left else [])
        grammatical = subject is not None or inverted is not None
        impersonal = any(c.lower_ in self.cues.impersonal_pronouns and c.dep_.startswith(("nsubj", "expl"))
                         for t in span for c in t.children)
        if impersonal and (source := self.told_at(span[-1])) is not None:
            heads, grammatical = [expression(source)], True  # "« ... », a-t-on fait savoir à l'Élysée"
        closing = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand") if quote is not None else None
        relative = (relative_after(closing[-1], self.cues) or (self.completion(closing[-1]) if complement else None)) if closing else None
        content = backward if backward is not None else self.content(first, sentence_end(sent[-1], sent)) if quote is None \
            else (quote.start, self.content(closing[-1], relative)[1]) if relative is not None else quote.inner
        self.add(Candidate(content, "cue-phrase", char_range(span[0], span[-1]), tuple(heads), grammatical=grammatical), *span)

    def according_to(self, span: Span, *, named: bool = False) -> None:
        """"selon X, ..." / "..., according to X": X is the speaker, the rest of the sentence the content.

        ``named``: a preposition that attributes only with a named source at the head of the sentence
        ("Pour Amnesty International, ..." but not "Pour la première fois, ..."), or a group of people who
        hold a view ("For opposition councillors, ...").
        """
        sent = span.sent
        source = phrase_object(span, sent)
        if self.claimed(span.start_char, span.end_char):
            return  # "L'avertissement de X : ces dispositifs préparent, selon elle, ...": inside X's statement
        if source is not None and source.lower_ in self.cues.relative_pronouns:
            self.relative_cue(span, source)
            return
        if source is not None and not named and depending_on(span, source, self.sayer(source)) \
                and source.lemma_.lower() not in self.cues.view_holders:
            return  # "inégaux selon les quartiers", not "... selon les organisateurs": people who hold a view speak
        if source is not None and any("Yes" in c.morph.get("Poss") and c.lower_ not in self.cues.possessives for c in source.children):
            return  # "Selon nos informations": the writer's own, a possessive of the first or second person
        source = (apposed_name(span, self.cues) if named else None) or named_after_complement(source) or source
        edge = name_edge(source) if source is not None else None
        mark = next((t for t in self.doc[source.i + 1:edge.i + 1] if t.text in QUOTE_MARKS and t.nbor(-1).text == ","), None) \
            if source is not None else None
        edge = previous_word(mark) if mark is not None else edge  # "Pour X, directrice de Y, « ... »": the parse may hang the quote on X
        following = next_word(edge, sent, skip_punct=False) if edge is not None else None
        if source is None or (named and following is not None and "," not in (following.text, edge.text)):
            return  # the parse may hang the comma closing the source on it ("Pour sa cheffe de file, X, ...")
        holders = named and ("Plur" in source.morph.get("Number") and source.lemma_.lower() in self.cues.view_holders
                             or source.lemma_.lower() in self.cues.sides and definite(source))  # "Pour l'opposition, ..."
        # "Pour la préfecture, ...", "Pour le syndicat, ...": a public body or an organisation just named holds the view
        holders = holders or (named and source.lemma_.lower() in self.cues.public_bodies | self.cues.collective_anaphors and definite(source)
                              and not any(c.lower_ in self.cues.possessives for c in source.children))
        if named and ((not self.cues.named_sources and not holders)
                      or (source.lemma_.lower() not in self.cues.roles
                          and any(c.lower_ in self.cues.possessives for c in source.children))):
            return  # "For Trump, the format ...", "For his part, Mr. X said ..." (not "Pour son président, X, ...")
        clause = max((t.i + 1 for t in self.doc[sent.start:span.start] if t.text in (":", ";")), default=sent.start)
        if all(t.is_punct or t.is_space or (t.pos_ == "CCONJ" and t.i == clause) for t in self.doc[clause:span.start]):
            # "X rejette ces critiques : selon lui, ...", "But according to X, ..."
            comma = next((t for t in self.doc[span.end:edge.i + 1] if t.text == "," and listed_remits(t.nbor(-1)).i < t.i), None)
            if comma is None:  # "D'après le Haut Conseil | pour le climat, ...": a complement of the name the parse cut off
                reach = self.doc[edge.i + 1:min(edge.i + 6, sent.end)]
                stop = next((t for t in reach if t.text == "," or t.pos_ not in ("ADP", "DET", "NOUN", "PROPN", "ADJ")), None)
                comma = stop if stop is not None and stop.text == "," else None
            after = next_word(comma or edge, sent)  # "Selon X, près de ...": the comma ends the source
            after = self.past_apposition(after, sent)  # "Pour le promoteur, la société X, le parc ..."
            # the parse may join the role to the name as a conjunct or a complement ("Pour X, présidente de Y, ...")
            apposed = after is not None and span.end <= after.head.i <= edge.i and (after.dep_ == "appos" and after.pos_ in ("NOUN", "ADJ") or (
                after.dep_ in ("conj", "nmod") and after.pos_ == "NOUN" and after.text.islower()
                and (after.lemma_.lower() in self.cues.roles or after.lower_ in self.cues.roles)))
            closing = role_end(after, sent) if apposed else None  # "économiste", read as an adjective
            if closing is not None and closing.text == ")":
                closing = next_word(closing, sent, skip_punct=False)  # "présidente de la Société ... (SFAP), ..."
            after = next_word(closing, sent) if closing is not None and closing.text == "," else after  # "Selon X, directrice de Y, ..."
            if after is None:
                return
            colon = next((t for t in self.doc[after.i:sent.end] if t.text == ":"), None) if named else None
            opening = next_word(colon, sent, skip_punct=False) if colon is not None else None
            closing = next((t for t in self.doc[opening.i + 1:sent.end] if t.text in QUOTE_MARKS), None) \
                if opening is not None and opening.text in QUOTE_MARKS else None
            # "Pour X, le texte « se trompe de cible » : « ... », fustige Y": the quotation after the colon is Y's
            ends = closing is not None and any(self.is_verb_cue(t) and not bare_participle(t) for t in self.doc[closing.i + 1:sent.end])
            content = self.content(after, previous_word(colon) if ends else sentence_end(sent[-1], sent))
        elif source.pos_ == "PRON" and any(t.pos_ == "VERB" and self.is_verb_cue(t) and not bare_participle(t)
                                           for t in self.doc[sent.start:span.start]):
            return  # "X a fustigé une décision qui vise, selon lui, ...": an aside inside the words the cue before reports
        elif (aside := self.bracketed(span, sent)) is not None:
            content = aside
        elif self.words(source.right_edge.idx + len(source.right_edge.text), sent.end_char) >= 3:
            content = self.strip(sent.start_char, sent.end_char)  # "X, selon Y, a ...": the whole sentence
        elif (source.lemma_.lower() in self.cues.own_documents or self.unsigned(source)) and any(
                t.pos_ == "VERB" and self.is_verb_cue(t) and any(c.dep_ == "ccomp" for c in t.children)
                for t in self.doc[sent.start:span.start]):
            # "Il a ajouté que ..., selon des propos rapportés par X": the cue before reports the clause; so does "X a
            # estimé que ..., d'après une étude portant sur quinze villes": a document no one signs is X's evidence
            return
        else:
            content = self.strip(sent.start_char, span.start_char)
        self.add(Candidate(content, "according-to", (span.start_char, span.end_char), (expression(source),),
                           grammatical=not named or holders), *span)

    def unsigned(self, source: Token) -> bool:
        """Whether ``source`` is a document whose phrase names no author ("une étude portant sur quinze villes",
        not "une étude de l'Insee")."""
        if source.lemma_.lower() not in self.cues.documents and source.lower_ not in self.cues.documents:
            return False
        phrase = self.doc[source.left_edge.i:source.right_edge.i + 1]
        return not any(t.pos_ == "PROPN" or t.ent_type_ for t in phrase)

    def bracketed(self, span: Span, sent: Span) -> tuple[int, int] | None:
        """"Iowa (93 percent of voters were white, according to exit polls), ...", "Voters - who made up half the turnout,
        according to a survey - backed him": an attribution set inside brackets or a pair of dashes reports the words
        before it inside them, not the sentence around them; "blamed a video while — according to emails — knowing it
        had no part": placed first inside them, it reports what follows them. None when no brackets hold it."""
        def mark(token: Token) -> bool:  # not the hyphen inside "pro-choice"
            return token.text in BRACKETS.values() and (token.text != "-" or bool(token.nbor(-1).whitespace_))

        opener = next((t for t in reversed(self.doc[sent.start:span.start]) if t.text == "(" or mark(t)), None)
        if opener is None or opener.text == ")" or opener.text != "(" and sum(map(mark, self.doc[sent.start:span.start])) % 2 == 0:
            return None  # a closing mark: the aside before ended there
        closer = next((t for t in self.doc[span.end:sent.end] if mark(t) and (t.text == ")") == (opener.text == "(")), None)
        if closer is None:
            return None
        before = self.strip(opener.idx + len(opener.text), span.start_char)
        if self.words(*before) >= 2:  # not "most voters - 63 percent, according to X - back it": a figure beside the subject
            return before if has_verb(self.doc, *before) else None
        after = self.strip(closer.idx + len(closer.text), sent.end_char)
        return after if self.words(*after) >= 3 else None

    def past_apposition(self, first: Token | None, sent: Span) -> Token | None:
        """The word after a name in apposition that opens at ``first`` ("la société X, ..."), and after a relative
        clause on it ("X, qui tient une boutique, ..."), else ``first``."""
        if first is None:
            return None
        comma = next((t for t in self.doc[first.i:min(first.i + 6, sent.end)] if t.text == ","), None)
        words = self.doc[first.i:comma.i] if comma is not None else []
        relative = first.lower_ in self.cues.relative_pronouns  # "Pour X, qui tient une crêperie, ...": right after the name
        if not relative and (not words or not any(t.pos_ == "PROPN" for t in words) or not all(t.pos_ in ("DET", "NOUN", "PROPN", "ADJ") for t in words)):
            return first
        after = first if relative else next_word(comma, sent)
        if after is not None and after.lower_ in self.cues.relative_pronouns:
            closing = next((t for t in self.doc[after.i:sent.end] if t.text == ","), None)
            after = next_word(closing, sent) if closing is not None else after
        return after or first

    def relative_cue(self, span: Span, pronoun: Token) -> None:
        """"X rejette l'idée selon laquelle ...": the clause after the relative pronoun is what the noun
        before it says, and the subject of the verb governing that noun is the speaker; after a document ("un
        rapport de X, selon lequel ..."), the document's author."""
        noun = previous_word(span[0])
        sent = span.sent
        first = next_word(pronoun, sent)
        # the relative clause's antecedent, or the document noun whose phrase ends right before the comma
        clause = pronoun.head
        nouns = [clause.head] if clause.dep_ in ("acl:relcl", "relcl") else []
        last = previous_word(previous_word(span[0])) if previous_word(span[0]) is not None else None
        while last is not None and last.i < span.start and last.pos_ in ("NOUN", "PROPN", "PUNCT") and len(nouns) < 8:
            nouns.append(last)  # "un rapport de l'Autorité de ... (Arcom), selon lequel": up the complements
            last = last.head if last.head.i != last.i else None
        document = next((t for t in nouns if t.pos_ == "NOUN" and t.lemma_.lower() in self.cues.documents), None)
        if first is not None and document is not None:
            # "une étude de l'Institut X, selon laquelle ...": the document speaks, that is its author
            content = self.content(first, sentence_end(sent[-1], sent))
            self.add(Candidate(content, "according-to", (span.start_char, span.end_char), (expression(document),)), *span)
            return
        if noun is None or noun.pos_ != "NOUN" or first is None:
            return
        subject = self.subject_of(noun.head) if noun.head.pos_ in ("VERB", "AUX") and noun.head.i < noun.i else None
        if subject is None:
            return
        colon = next((t for t in self.doc[first.i:sent.end] if t.text == ":" and self.quote_around(t.idx) is None), None)
        if colon is not None and (after := next_word(colon, sent)) is not None and after.text in QUOTE_MARKS:
            colon = None  # "X rejette l'idée selon laquelle A : « B »": the quotation goes on with the idea
        # "X rejette l'idée selon laquelle A : B, a rappelé Y": the idea ends at the colon
        content = self.content(first, previous_word(colon) if colon is not None else sentence_end(sent[-1], sent))
        self.add(Candidate(content, "cue-phrase", char_range(noun, pronoun), (expression(subject),)), *span)

    def speech_noun(self, token: Token) -> bool:
        """A noun of speech of the lexicon, or the first word of one of its phrases ("la mise en garde de X", "même son
        de cloche chez X", whose first word the tagger may read as a possessive)."""
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.cues.nouns or self.noun_phrase_length(token) > 1

    def noun_phrase_length(self, token: Token) -> int:
        """How many words the longest noun of speech of several words opening at ``token`` has (0: none)."""
        return max((len(words) for entry in self.cues.nouns if len(words := entry.split()) > 1
                    and [t.lower_ for t in self.doc[token.i:token.i + len(words)]] == words), default=0)

    def nominal_cue(self, noun: Token) -> None:
        """"L'avertissement de la CNIL va dans le même sens : ...", "l'appel du syndicat à « ... »": a noun of
        speech and its author; the content follows a colon, or is the quotation or que-clause after them."""
        last = noun.i + self.noun_phrase_length(noun) - 1  # "son de cloche chez X": the author after the whole phrase
        author = next((c for c in noun.rights if c.i > last and c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("nmod", "pobj", "prep")
                       and any(g.lower_ in self.cues.noun_authors for g in c.children if g.i < c.i)), None) \
            or next((g for c in noun.rights if c.dep_ == "acl" and c.pos_ == "VERB" for g in c.children
                     if g.dep_ == "obl:agent" and g.pos_ in ("PROPN", "NOUN")), None)  # "l'avertissement lancé par X"
        if author is None or any(c.dep_ in ("det", "poss", "nmod:poss") and c.pos_ == "PRON" for c in noun.children):
            return
        sent = noun.sent
        end = author.right_edge
        after = next_word(end, sent, skip_punct=False)
        colon = next((t for t in self.doc[end.i + 1:sent.end] if t.text == ":"), None)
        quote = self.quote_after(after.idx) if after is not None else None
        quote = quote or (self.quote_after(after.nbor(1).idx) if after is not None and after.pos_ == "ADP" and after.i + 1 < sent.end else None)
        opened = self.quote_after(colon.idx + 1) if colon is not None else None
        if opened is not None and any(self.is_verb_cue(t) for t in self.doc[end.i + 1:sent.end] if not self.quoted(t.idx)):
            return  # "Même son de cloche chez les écologistes : « ... », estime X": the quotation's own cue names who
        if colon is not None and next_word(colon, sent) is not None:
            content = self.content(next_word(colon, sent), sentence_end(sent[-1], sent))
        elif quote is not None:
            content = quote.inner
        elif after is not None and after.lower_ in self.cues.complementizers and next_word(after, sent) is not None:
            content = self.content(next_word(after, sent), sentence_end(sent[-1], sent))
        else:
            return
        self.add(Candidate(content, "cue-phrase", char_range(noun, end), (expression(author),)), noun)

    def mistagged_cue(self, token: Token) -> None:
        """"Meta juge la mesure « irréaliste »", "Le collectif s'inquiète, lui, des délais": a verb of the
        lexicon the tagger read as a noun, a name or an adjective, with no determiner, right after a name, a
        subject pronoun or a reflexive clitic. Its parse cannot be trusted, so the words are read instead: the
        speaker is the phrase before it, the content the rest of the clause (past an aside "lui", "elle")."""
        before = previous_word(token)
        previous = previous_word(before) if before is not None and before.lower_ in self.cues.clitic_complements else None
        clitic = before if previous is not None and previous.lower_ in self.cues.reflexives else None
        before = previous if clitic is not None else before  # "La CGT s'en inquiète": a clitic for what was just named
        reflexive = before is not None and before.lower_ in self.cues.reflexives
        lemmas = self.cues.pronominal if reflexive else self.cues.speech | self.cues.judgement | self.cues.belief
        lemma = next((form for form in verb_forms(token) if form in lemmas), None)
        # "le juge", "du premier juge": a noun; not "L'Ordre des avocats juge ...", whose preposition the parse hung on the verb
        if lemma is None or before is None or any((c.pos_ == "DET" or c.dep_ == "case") and c.i < token.i
                                                  and all(t.pos_ in ("DET", "ADP", "ADJ") for t in self.doc[c.i:token.i]) for c in token.children):
            return
        name = previous_word(before) if before.text == "," else before  # "la FCPE, juge ..."
        # "La Confédération paysanne, deuxième syndicat agricole, juge ...": the name before the aside
        name = previous_word(set_off) if (set_off := self.aside_before(before)) is not None else name
        if before.text == ")":  # "Le député X (LR) juge ...": the name before the parenthesis
            opening = next((t for t in reversed(self.doc[token.sent.start:before.i]) if t.text == "("), None)
            name = previous_word(opening) if opening is not None else name
        auxiliary = before.lemma_.lower() in self.cues.auxiliaries  # "a tweeté : « ... »"
        # "X salue une « ouverture », mais juge les conditions ...": coordinated with a cue, it shares its speaker
        shared = next((c for c in reversed(self.candidates) if c.cue is not None and c.cue[0] <= token.head.idx < c.cue[1]), None) \
            if before.pos_ == "CCONJ" and token.dep_ == "conj" and token.head.i < token.i and self.is_verb_cue(token.head) else None
        # "Anticor va plus loin et juge que ...": coordinated with a verb that is no cue, before a clause, it shares its subject
        after = next_word(token, token.sent)
        joined = next((c for c in token.head.children if c.dep_.startswith("nsubj") and c.i < token.head.i), None) \
            if before.pos_ == "CCONJ" and token.dep_ == "conj" and token.head.i < token.i and token.head.pos_ in ("VERB", "AUX") \
            and not shared and after is not None and after.lower_ in self.cues.complementizers else None
        if name is not None and name.pos_ == "ADJ" and name.dep_ == "amod" and name.head.i < name.i:
            name = name.head  # "Le premier syndicat agricole juge ...": the noun the adjective before the verb describes
        # "Le ministre insiste sur ...": a definite role or collective noun, a subject as a name is
        titled = name is not None and name.pos_ == "NOUN" and name.lemma_.lower() in self.cues.roles | self.cues.collectives \
            and any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in name.children)
        if not (reflexive or auxiliary or shared or joined or titled or (name is not None and (name.pos_ in ("PROPN", "X") or name.text[:1].isupper() and not name.is_sent_start))
                or before.lower_ in self.cues.person_pronouns | self.cues.group_pronouns or name_before(token, self.cues) or opening_subject(token, self.cues)):
            return
        sent = token.sent
        first = next_word(token, sent, skip_punct=False)
        if first is not None and first.text == ",":  # ", lui,": an aside on the speaker
            close = next((t for t in self.doc[first.i + 1:min(first.i + 5, sent.end)] if t.text == ","), None)
            first = next_word(close, sent, skip_punct=False) if close is not None else None
        if first is not None and first.pos_ == "PRON" and first.lower_ in self.cues.person_pronouns | self.cues.group_pronouns:
            first = next_word(first, sent, skip_punct=False)  # "s'inquiète lui aussi de ...": a stressed pronoun on the speaker
            while first is not None and first.pos_ == "ADV" and first.lower_ not in self.cues.complementizers:
                first = next_word(first, sent, skip_punct=False)
        if first is not None and first.pos_ == "ADV" and (after := next_word(first, sent)) is not None \
                and after.lower_ in self.cues.complementizers:
            first = after  # "juge toutefois que ...": an adverb before the clause
        if first is not None and (first.lower_ in self.cues.complementizers or first.text == ":"):
            first = next_word(first, sent)
        if clitic is not None and (first is None or first.is_punct and first.text not in QUOTE_MARKS):
            # "s'en inquiète.": a position on what was just named, in the words of the cue (``clitic_position``)
            subject = left_expression(before, self.cues)
            if subject is not None and self.quote_around(token.idx) is None:
                self.add(Candidate(char_range(before, token), "judgement-verb", char_range(before, token), (subject,)), token)
            return
        if first is None or first.is_punct and first.text not in QUOTE_MARKS:
            return
        quote = self.quote_starting_at(first.idx)
        last = sent[-1]
        for t in self.doc[first.i + 1:sent.end]:
            following = self.doc[t.i + 1] if t.i + 1 < sent.end else None
            if t.text in (";", ":") or (t.pos_ == "CCONJ" and following is not None and (
                    following.pos_ in ("VERB", "AUX") or following.lower_ in self.cues.reflexives)):
                last = self.doc[t.i - 1]  # "... et plaide pour ...": the next verb of the subject says something else
                break
        cue_first = before if reflexive or auxiliary else token
        opening = cue_first
        while previous_word(opening) is not None and (previous_word(opening).text.startswith("-")
                                                      or previous_word(opening).lemma_.lower() in self.cues.auxiliaries):
            opening = previous_word(opening)
        comma = previous_word(opening)
        if comma is not None and comma.text == "," and previous_word(comma) is not None and previous_word(comma).text in QUOTE_MARKS:
            return  # "« ... », a-t-il martelé devant la presse": a postposed cue, whose content is the quotation
        pronoun = before.lower_ in self.cues.person_pronouns | self.cues.group_pronouns
        subject = expression(before) if pronoun else expression(joined) if joined else None if shared \
            else left_expression(set_off if set_off is not None else cue_first, self.cues)
        if (subject is None and shared is None) or self.quote_around(token.idx) is not None:
            return
        opens = first.i > token.i + 1 and (self.doc[first.i - 1].lower_ in self.cues.complementizers or self.doc[first.i - 1].text == ":")
        method = "speech-verb" if lemma in self.cues.speech and (opens or quote is not None) else "judgement-verb"
        last = self.relative_end(first, last)  # "critique la réforme, que la fédération juge ...": that subject's words
        content = quote.inner if quote is not None and opens else self.content(first, sentence_end(self.sequel_end(last), sent))
        if subject is not None and (antecedent := relative_antecedent(subject[1], self.cues)) is not None:
            content = self.content(antecedent, sentence_end(last, sent))  # "Une décision que X juge « ... »"
        self.add_joined(Candidate(content, method, char_range(cue_first, token), (subject,) if subject else (), follows=shared), token)

    def relative_judgement(self, relative: Relative) -> None:
        """"Une obligation que la fédération juge « disproportionnée »": the antecedent and its attribute are what the
        clause's subject said (its opening, the cue, cut out); nothing when ``judged`` took it ("soutient le plan, qu'elle juge")."""
        self.used_cues.add(relative.verb.i)
        pronoun = relative.subject.lower_ in self.cues.person_pronouns | self.cues.group_pronouns
        head = previous_word(relative.marker)
        if pronoun and any(c.content[0] <= head.idx < c.content[1] for c in self.candidates):
            return
        # the words before the verb name the subject, whatever the parse made of them ("le maire juge", read as nouns)
        subject = expression(relative.subject) if pronoun else left_expression(relative.verb, self.cues) or expression(relative.subject)
        self.add(Candidate(self.content(relative.antecedent, relative.last), "judgement-verb",
                           char_range(relative.marker, relative.verb), (subject,)), relative.verb)

    def read_in(self, verb: Token) -> None:
        """"« ... », lit-on dans le rapport", "a-t-on appris auprès de X": the document or the body is the speaker."""
        holder = verb.head if verb.dep_ == "xcomp" else verb
        subjects = [c for t in {verb, holder} for c in t.children if c.dep_.startswith(("nsubj", "expl"))]
        source = next((c for c in verb.rights if c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "case" for g in c.children)),
                      None) or self.told_at(verb)  # "a-t-on appris auprès de X"
        if source is None or not any(s.lower_ in self.cues.impersonal_pronouns for s in subjects):
            return
        first = holder if holder.i < verb.i else verb
        content = self.backward_content(first, None, standalone=False)
        if content is not None:
            self.add(Candidate(content, "read-in", char_range(first, source.right_edge), (expression(source),)), verb)

    def source_of_previous(self, verb: Token) -> None:
        """"La nouvelle vient du quotidien X": X reported the previous sentence."""
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
        if subject is None or subject.lemma_.lower() not in self.cues.previous_subjects:
            return
        source = next((c for c in verb.rights if c.dep_.startswith("obl")), None)
        previous = previous_sentence(verb.sent)
        if source is None or previous is None:
            return
        self.add(Candidate(self.strip(previous.start_char, previous.end_char), "source-of-previous",
                           char_range(subject.left_edge, source.right_edge), (expression(source),)), verb)

    def as_clause(self, verb: Token) -> bool:
        """"Comme l'a rappelé le rapporteur, la commission ...": a clause of saying that opens the sentence with a
        marker and a clitic standing for the main clause; its subject speaks the rest of the sentence."""
        sent = verb.sent
        marker = next((c for c in verb.lefts if c.dep_ == "mark" and c.lower_ in self.cues.as_markers), None)
        clitic = any(c.lower_ in self.cues.as_clitics and c.pos_ == "PRON" for c in verb.lefts)
        if marker is None or not clitic or marker.i != sent.start or verb.dep_ != "advcl":
            return False
        # its own subject (not the clitic, which the parse may take for it), not the main clause's
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.lower_ not in self.cues.as_clitics),
                       None) or inverted_subject(verb)
        comma = next_word(verb.right_edge, sent, skip_punct=False)
        after = next_word(comma, sent) if comma is not None and comma.text == "," else None
        if subject is None or after is None:
            return False
        self.add(Candidate(self.content(after, sentence_end(sent[-1], sent)), "according-to", char_range(marker, verb),
                           (expression(subject),)), marker, verb)
        return True

    def echo(self, span: Span) -> None:
        """"C'est ce qu'affirme X" / "That's what X said": the previous sentence is X's."""
        sent = span.sent
        verb = next((t for t in self.doc[span.end:sent.end] if t.lemma_.lower() in self.cues.verbs), None)
        previous = previous_sentence(sent)
        if span.start != sent.start or verb is None or previous is None:
            return
        subject = self.subject_of(verb)
        heads = [expression(h) for h in (subject, inverted_subject(verb)) if h is not None]
        self.add(Candidate(self.strip(previous.start_char, previous.end_char), "source-of-previous",
                           char_range(span[0], verb), tuple(heads)), verb, *span)
