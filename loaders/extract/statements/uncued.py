"""Quotations and their cues: a cue set inside the marks, a quotation carried over a paragraph break, and the
quotations no cue claimed (after a colon, before an unlisted verb, carrying on the previous speaker's words)."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, Quote, paragraphs, title_case
from policykg.loaders.extract.statements.phrases import dash_name, definite, expression, left_expression
from policykg.loaders.extract.statements.syntax import (
    char_range, cue_extent, has_verb, inverted_subject, next_word, previous_sentence, previous_word, sentence_end, verb_forms,
)
from policykg.loaders.extract.statements.verbs import Candidate, SpeechVerbs

CONTINUATION_GAP = 40
"""Most words of the article's own between a statement (or the sentence of its cue, when that comes after it) and a
quotation that carries it on."""

SIGNATURE = re.compile(r"[ \t\xa0]*[-–—―][ \t\xa0]*[A-Z]")
"""A dash and a capitalised word right after a quotation: its author's signature."""


class UncuedQuotes(SpeechVerbs):
    """Quotations whose cue is not a verb or phrase before or after them; the base of the statement finder."""


    def incise(self, quote: Quote) -> None:
        """"« A, explique-t-elle. B »", "« A, a déclaré le ministre, B »": the cue set between commas inside
        the quotation marks, with its subject after the verb, reports the whole quotation."""
        span = self.doc.char_span(*quote.inner, alignment_mode="contract")
        for verb in span if span is not None else ():
            # "a-t-il martelé", "a-t-il tranché": after an inverted clitic, a participle, whatever the tagger read
            clitic = previous_word(verb)
            inverted = clitic is not None and clitic.text.startswith("-") and clitic.pos_ == "PRON" and verb.text.islower()
            lemma = self.cue_lemma(verb) or (next((f for f in verb_forms(verb) if f in self.cues.speech), None) if inverted else None)
            if lemma not in self.cues.speech or verb.i in self.used_cues or verb.tag_ == "VB" \
                    or "Inf" in verb.morph.get("VerbForm") and not inverted:
                continue
            first, _ = cue_extent(verb)
            hung = None  # "a-t-il martelé": the parse may hang the clitics on the auxiliary, out of the cue's reach
            while (before := previous_word(first)) is not None and (
                    before.text.startswith("-") and before.pos_ == "PRON" or before.lemma_.lower() in self.cues.auxiliaries):
                hung = before if hung is None and before.lower_ not in ("-t", "-t-") else hung
                first = before
            subject = next((c for c in verb.rights if c.dep_.startswith("nsubj") and c.lower_ != "-t"), None) \
                or inverted_subject(verb) or hung
            if subject is not None and subject.left_edge.i > verb.i + 2:
                # "« A, reconnaît le maire, Jean Caron. B »": the role right after the verb, read as its object, names
                # the speaker that the parse took the name apposed to it for
                subject = next((c for c in verb.rights if c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN")
                                and c.left_edge.i <= verb.i + 2), subject)
            if before is None or before.text != "," or before.idx < quote.inner[0] or subject is None \
                    or subject.left_edge.i > verb.i + 2:
                continue
            if subject.lower_ in self.cues.impersonal_pronouns and (subject := self.told_at(verb)) is None:
                continue  # "« A, a-t-on assuré à la préfecture. B »": the body it was said at speaks
            last = max(subject.right_edge, verb, key=lambda t: t.i)
            after = last.nbor(1) if last.i + 1 < len(self.doc) else None
            while after is not None and not after.is_punct and after.pos_ not in ("VERB", "AUX") and verb in after.ancestors:
                after = after.nbor(1) if after.i + 1 < len(self.doc) else None  # "a reconnu X devant les élus."
            if after is None or not after.is_punct or after.idx > quote.inner[1]:
                continue
            cue = char_range(first, last)
            if self.add(Candidate(quote.inner, "quote+cue", cue, (expression(subject),)), verb) is not None:
                self.incises.append(cue)
                return

    def quoted(self, char: int) -> bool:
        """Whether ``char`` lies in a quotation's words (a cue set inside the marks is the article's)."""
        return self.quote_around(char) is not None and not any(start <= char < end for start, end in self.incises)

    def claimed(self, start: int, end: int) -> bool:
        return any(c.content[0] < end and start < c.content[1] for c in self.candidates)

    def carry_back(self) -> None:
        """A quotation left open at a paragraph end and resumed, with its cue, in the next paragraph: the
        statement starts where the first paragraph's quotation does."""
        for quote in reversed(self.quotes):
            earlier = quote.continues
            if earlier is None or self.claimed(*earlier.inner) or self.text[earlier.start] != self.text[quote.start]:
                continue
            holder = next((c for c in self.candidates if quote.start <= c.content[0] < quote.inner[1]), None)
            if holder is not None:
                holder.content = (earlier.inner[0], holder.content[1])

    def quote_fallbacks(self) -> None:
        """Quotations no cue claimed: introduced by a colon, followed by an unlisted verb, or
        carrying on the previous speaker's words; anything else (a title, a scare-quoted term) is no statement."""
        for quote in self.quotes:
            if self.claimed(*quote.inner):
                continue
            if self.signed(quote) or self.colon_quote(quote) or self.quote_and_verb(quote):
                continue
            self.continuation(quote)

    def signed(self, quote: Quote) -> bool:
        """"“...” ― Jane Doe": a quotation followed on its line by a dash and a name is that person's."""
        signature = SIGNATURE.match(self.text, quote.end)
        if signature is None:
            return False
        line_end = self.text.find("\n", quote.end)
        name = dash_name(self.text, self.doc, quote.end, len(self.text) if line_end < 0 else line_end)
        return name is not None and self.add(Candidate(quote.inner, "pull-quote", subjects=(name,))) is not None

    def colon_quote(self, quote: Quote) -> bool:
        """"Trump boomed: “...”", "John Bolton: ‘...’", "she then boomed, ''...''": the clause before
        the colon (or a verb right before a comma) names the speaker."""
        before = self.text[:quote.start].rstrip()
        if not before.endswith((":", ",")) or quote.start - len(before) > 3 or self.words(*quote.inner) < 2:
            return False
        mark = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        word = previous_word(mark[0]) if mark is not None else None
        if word is None:
            return False
        if before.endswith(":") and (byline := left_expression(mark[0], self.cues)) is not None and self.credited(byline[1]):
            return False
        # "X juge la mesure « inefficace » : « ... »", "X a défendu sa décision devant la presse : « ... »": the
        # quotation after a statement that ends in the clause before the colon (no other verb between) goes on with
        # what its cue reports, one statement (as the gold and PolNeAR take a cue and all it introduces)
        closed = next((c for c in reversed(self.candidates) if c.cue is not None and word.sent.start_char <= c.cue[0]
                       and c.content[1] <= mark.start_char and self.plain_words(c.content[1], mark.start_char)), None)
        if before.endswith(":") and closed is not None:
            cue = self.doc.char_span(*closed.cue, alignment_mode="expand")
            if cue is not None and any(t.dep_ in ("relcl", "acl:relcl") for t in cue):
                # "contrasted the mayor, whom she described as “rash,” with X: “...”": a cue inside a relative clause
                # ends with it; the quotation is the same speaker's own statement
                return self.add(Candidate(quote.inner, "colon-quote", follows=closed)) is not None
            closed.content = (closed.content[0], quote.end)
            return True
        verb = word
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < verb.i and word.i - verb.head.i <= 4:
            verb = verb.head
        root = word.sent.root
        if before.endswith(":") and root.pos_ in ("VERB", "AUX") and root.i < word.i:
            verb = root  # "Clinton has since apologized for what happened: “...”": the main clause speaks
        predicate = before.endswith(":") and self.named_predicate(verb)
        if (verb.pos_ not in ("VERB", "AUX") and not predicate) or verb.i in self.used_cues:
            verb = None
        subject = self.subject_of(verb) if verb is not None else None
        heads = [expression(subject)] if subject is not None else []
        if before.endswith(","):
            # "..., boomed, “...”": only a verb with its subject introduces a quotation this way; "his new book, “Sin
            # Miedo”," is the book's title, as is "his book, “An American Son.”" at the sentence end.
            return bool(heads) and not (self.work_title(quote) or self.named_work(quote.inner)) and self.add(Candidate(quote.inner, "quote+verb", char_range(verb, verb), tuple(heads)), verb) is not None
        left = left_expression(mark[0], self.cues)
        reaction = not heads and left is not None and left[0].lemma_.lower() in self.cues.reactions
        if reaction:  # "Colère chez les commerçants : « ... »": who feels it, the noun phrase after the preposition,
            # speaks, named or not
            holder = next((t for t in left[1] if t.pos_ in ("NOUN", "PROPN") and t.i > left[0].i
                           and any(c.dep_ == "case" for c in t.children)), None)
            owned = next((c for c in holder.children if c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "case" for g in c.children)),
                         None) if holder is not None and holder.text.islower() and not any(c.dep_ == "det" for c in holder.children) else None
            holder = owned or holder  # "du côté des pêcheurs": a bare noun of a locution, then who is meant
            left = expression(holder) if holder is not None else None
        if not heads and left is None:
            return False
        cue = char_range(verb, verb) if verb is not None else None
        return self.add(Candidate(self.clause_from(quote), "colon-quote", cue, (*heads, *([left] if left else [])),
                                  grammatical=bool(heads) or reaction)) is not None

    def colon_clauses(self) -> None:
        """"Le maire de Nice, X, est formel : la plage rouvrira samedi.", "X n'en démord pas : la réforme doit être
        retirée.": a sentence that opens on a noun phrase naming someone (a person's or an organisation's name in it),
        then a short predicate with no cue and a colon, then a clause of its own, unquoted: that someone's view. The
        predicate judges (an adjective: "est formel", "se montre catégorique") or refuses ("n'en démord pas"); not
        "Renault va mal : ses ventes ont chuté", where the clause is the writer's."""
        for colon in (t for t in self.doc if t.text == ":"):
            sent = colon.sent
            first = next_word(colon, sent)
            if first is None or first.text in QUOTE_MARKS or self.quote_around(colon.idx) is not None \
                    or self.claimed(first.idx, sent.end_char) or not has_verb(self.doc, first.idx, sent.end_char, finite=True):
                continue
            words = [t for t in self.doc[sent.start:colon.i] if not t.is_space]
            end = next((k for k, t in enumerate(words) if t.pos_ in ("VERB", "AUX") or t.lower_ in ("ne", "n’", "n'")
                        or t.pos_ == "PRON" and k), len(words))
            phrase, predicate = words[:end], words[end:]
            # a name, or a definite role ("Le ministre s'est voulu rassurant : ...")
            named = any(t.pos_ == "PROPN" and t.ent_type_ in ("PER", "PERSON", "ORG") and not self.complement(t, phrase)
                        for t in phrase) \
                or bool(phrase) and phrase[-1].pos_ == "NOUN" and definite(phrase[-1]) \
                and (phrase[-1].lemma_.lower() in self.cues.roles or phrase[-1].lower_ in self.cues.roles)
            # the attribute of "se montrer", "être", read as an adjective or, bare after the verb, as a noun ("catégorique")
            judging = any(t.pos_ == "ADJ" or t.pos_ == "NOUN" and k and predicate[k - 1].pos_ in ("VERB", "AUX")
                          and not any(c.dep_ == "det" for c in t.children) for k, t in enumerate(predicate))
            if not phrase or not named or not predicate or len(predicate) > 6 or phrase[0].pos_ == "ADP" \
                    or any(self.is_verb_cue(t) or t.text in QUOTE_MARKS or t.pos_ == "PROPN" for t in predicate) \
                    or not (predicate[0].lower_ in ("ne", "n’", "n'") or judging):
                continue
            head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
            if head is None:
                continue
            content = self.content(first, sentence_end(sent[-1], sent))
            cue = char_range(predicate[0], predicate[-1])
            self.add(Candidate(content, "colon-clause", cue, ((head, self.doc[phrase[0].i:phrase[-1].i + 1]),)))

    @staticmethod
    def complement(name: Token, phrase: list[Token]) -> bool:
        """Whether ``name`` only completes the noun that heads ``phrase``: an owner or a preposition's object ("The
        challenge for Sanders", "Clinton's plans"), which names what the phrase is about, not who holds a view."""
        inside = {t.i for t in phrase}
        token = name
        while token.i in inside:
            if token.dep_ in ("poss", "nmod:poss") or token.pos_ == "ADP" or any(c.dep_ == "case" for c in token.children):
                return True
            if token.head.i == token.i:
                break
            token = token.head
        return False

    def clause_from(self, quote: Quote) -> tuple[int, int]:
        """"Jo Bell: ‘Of Course’ the Plan Is Fair": a quotation that opens a clause going on after it is part of that
        clause, up to its sentence end; the quoted words alone otherwise."""
        closing = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand") if quote.closed else None
        if closing is None:
            return quote.inner
        sent = closing[-1].sent
        rest = self.doc[closing[-1].i + 1:sent.end]
        if len(rest) < 2 or rest[0].is_punct or self.words(rest.start_char, rest.end_char) < 2:
            return quote.inner
        return self.strip(quote.start, sent.end_char)

    def credited(self, phrase: Span) -> bool:
        """"“Headline,” by The Daily's Jo Bell: “...”": a name after a credit word ("by") that follows a quoted title signs
        the excerpt of a writing that the quotation reprints, not words the article reports."""
        k = phrase.start if phrase[0].lower_ in self.cues.credits else phrase.start - 1  # the phrase may open with it
        while phrase.sent.start <= k < phrase.start and phrase.start - k <= 6 \
                and (self.doc[k].pos_ in ("PROPN", "PART", "DET", "NOUN") or self.doc[k].lower_ in ("'s", "’s")):
            k -= 1  # "by The Daily's Jo Bell": past the name's owner
        if k < phrase.sent.start or self.doc[k].lower_ not in self.cues.credits or self.doc[k].pos_ != "ADP":
            return False
        title = previous_word(self.doc[k])
        while title is not None and title.text == ",":
            title = previous_word(title)
        quote = self.quote_around(title.idx) if title is not None and title.text in QUOTE_MARKS else None
        # the title opens its paragraph, after a label at most ("CITY BEAT—"): not "contrasted X, whom he called “rash,” with Y:"
        lead = self.text[self.text.rfind("\n", 0, quote.start) + 1:quote.start] if quote is not None else "x"
        return quote is not None and not any(ch.islower() for ch in lead)

    def named_predicate(self, word: Token) -> bool:
        """"X, maire de Y, a été clair : « ... »", "Elle est formelle : « ... »": an adjective or noun with a copula,
        whose subject names someone, introduces the quotation after the colon (not "Le constat est simple : « ... »")."""
        subject = next((c for c in word.children if c.dep_.startswith("nsubj")), None)
        return word.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "cop" for c in word.children) and subject is not None \
            and (subject.lower_ in self.cues.person_pronouns or any(t.pos_ == "PROPN" for t in subject.subtree))

    def plain_words(self, start: int, end: int) -> bool:
        """Whether the text from ``start`` to ``end`` holds no verb and no quotation mark: a clause's last words."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return span is not None and not any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in span) \
            or not self.text[start:end].strip(" .»”\"")

    def quote_and_verb(self, quote: Quote) -> bool:
        """"“...!” beamed X", "“...,” X gushed": a verb and its subject right after a quotation."""
        closing = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand") if quote.closed else None
        if closing is None or self.words(*quote.inner) < 3 or self.work_title(quote):
            return False
        sent = closing[-1].sent
        for token in self.doc[closing[-1].i + 1:min(sent.end, closing[-1].i + 7)]:
            inverted = token.pos_ in ("ADJ", "NOUN") and (before := previous_word(token)) is not None and before.text.startswith("-")
            if token.pos_ != "VERB" and not inverted:
                continue  # "« ... », a-t-il tonné": a participle after an inverted pronoun, tagged an adjective
            subject = self.subject_of(token)
            if subject is not None and quote.start <= subject.idx < quote.end:
                subject = inverted_subject(token)  # "« 150 euros, c'est ... », calcule X": the quotation's own subject
            if subject is None or subject.i < closing[-1].i or token.i in self.used_cues:
                return False
            return self.verb_cue(token, "quote+verb") is not None
        return False

    def work_title(self, quote: Quote) -> bool:
        """"“The Night Shift Hour” will return", "his memoir, “Roads Not Taken,”": quoted words, capitalised (words of
        four letters or more) and not ending a sentence, in a sentence of running text, name a work, a show or an event:
        nobody says them. A headline, capitalised throughout, is left to the other rules."""
        inner = self.text[quote.inner[0]:quote.inner[1]].strip()
        if inner.endswith((".", "!", "?")) or not title_case(inner):
            return False
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return False
        sent = span.sent
        outside = self.text[sent.start_char:quote.start] + " " + self.text[quote.end:sent.end_char]
        return any(w[0].islower() for w in re.findall(r"[^\W\d_]{4,}", outside))

    def continuation(self, quote: Quote) -> None:
        """A quotation carrying on the previous statement: it extends it within a paragraph, and is a
        statement of the same speaker when it opens a paragraph or a sentence."""
        previous = self.previous_statement(quote)
        if quote.continues is None and not self.opens_sentence(quote):
            return  # a title or a quoted term inside the article's own sentence
        if quote.continues is None and self.named_before(quote, previous):
            return
        if previous is None:
            return
        previous = self.quoting_statement(previous)
        if quote.continues is not None and quote.continues.start < previous.content[1] <= quote.continues.end:
            previous.content = (previous.content[0], quote.inner[1])  # one quotation over two paragraphs
            return
        if self.paragraph_of(previous.content[1] - 1) == self.paragraph_of(quote.start) and self.quoted_share(*previous.content) > 0:
            if self.joins(previous.content, quote, previous.cue):
                previous.content = (previous.content[0], quote.inner[1])
                return
        self.add(Candidate(quote.inner, "quote-continuation", follows=previous))

    def quoting_statement(self, previous: Candidate) -> Candidate:
        """The quotation whose cue sentence holds ``previous``, a reported clause in an aside of that cue
        ("“A,” said X, who said he would ... “B.”", "“A,” X said, noting that ... “B.”"): a quotation after
        them carries on the quoted words, not the aside; ``previous`` itself otherwise."""
        if previous.cue is None or self.quoted_share(*previous.content) > 0:
            return previous
        for outer in reversed(self.candidates):
            cue = self.doc.char_span(*outer.cue, alignment_mode="expand") if outer.cue is not None else None
            if cue is not None and outer.content[1] <= outer.cue[1] <= previous.cue[0] and self.quoted_share(*outer.content) > 0 \
                    and previous.content[1] <= cue[-1].sent.end_char:
                return outer
        return previous

    def named_before(self, quote: Quote, previous: Candidate | None) -> bool:
        """"Son délégué, Patrick Rouvier, a détaillé sa position. « ... »": a quotation with no cue of its own
        right after a sentence whose subject names someone (and that holds no statement) is theirs."""
        opening = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        sentence = previous_sentence(opening[0].sent) if opening is not None else None
        if sentence is None or self.quote_around(sentence.start_char) is not None:
            return False
        if previous is not None and max(previous.content[1], (previous.cue or previous.content)[1]) > sentence.start_char:
            return False  # "“A?” X asked. “B.”": the sentence before holds X's cue, and the quotation carries on X's words
        if not any(t.pos_ in ("VERB", "AUX") or self.misread_pronominal(t) for t in sentence):
            return False  # "“A,” said Army Lt. Jo Bell. “B.”": a name the sentence splitter cut off at "Lt.", no sentence of its own
        if any(self.is_verb_cue(t) for t in self.doc[opening[-1].i + 1:opening[-1].sent.end]):
            return False  # "“...,” said X, ...": a cue of its own that the rules could not read
        subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None) or next(
            (t for t in sentence if t.i < sentence.root.i and t.ent_type_ in ("PER", "PERSON") and t.pos_ == "PROPN"
             and not t.dep_.startswith("flat")), None)  # "Locataire d'un studio, Lucie Martin, 22 ans, est soulagée."
        # a definite role or body stands for who the article named so ("La présidente de la fédération ne décolère pas.")
        titled = subject is not None and subject.pos_ == "NOUN" and definite(subject) and "Plur" not in subject.morph.get("Number") \
            and subject.lemma_.lower() in self.cues.roles | self.cues.collectives
        if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in self.cues.person_pronouns or titled
                                   or any(t.pos_ == "PROPN" for t in subject.subtree)):
            return False
        if subject.lower_ in self.cues.person_pronouns and previous is not None and self.quoted_share(*previous.content) > 0 \
                and self.paragraph_of(previous.content[1] - 1) == self.paragraph_of(quote.start):
            return False  # "“A,” said X. He has worked there for years. “B.”": the pronoun is the speaker, who goes on
        return self.add(Candidate(quote.inner, "quote-after-subject", None, (expression(subject),), grammatical=False)) is not None

    def misread_pronominal(self, token: Token) -> bool:
        """Whether ``token`` is a pronominal verb of the lexicon the tagger read as a noun or a name, after its reflexive
        clitic ("X s'interroge.", "interroge" read as a name)."""
        before = previous_word(token)
        return before is not None and before.lower_ in self.cues.reflexives and token.text.islower() \
            and any(form in self.cues.pronominal for form in verb_forms(token))

    def opens_sentence(self, quote: Quote) -> bool:
        """Whether a quotation of a few words or more begins its sentence (it is not a term inside one)."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        return span is not None and not self.text[span[0].sent.start_char:quote.start].strip() and self.words(*quote.inner) >= 3

    def previous_statement(self, quote: Quote) -> Candidate | None:
        """The statement just before ``quote`` when nothing but a short stretch separates them."""
        before = [c for c in self.candidates if c.content[1] <= quote.start and c.method != "pull-quote"]
        if not before:
            return None
        last = max(before, key=lambda c: c.content[1])
        if quote.continues is not None and quote.continues.inner[0] <= last.content[1] <= quote.continues.end:
            return last
        gap = self.text[last.content[1]:quote.start]
        after = last.content[1]
        if last.cue is not None and last.cue[0] >= after and (cue := self.doc.char_span(*last.cue, alignment_mode="expand")):
            after = max(after, min(cue[-1].sent.end_char, quote.start))  # "“A,” X said, a pollster who ... “B.”"
        if _line_breaks(gap) > 2 or self.words(after, quote.start) > CONTINUATION_GAP:
            return None
        return last

    def pull_quotes(self) -> None:
        """A paragraph of several words ending with a bare name and no cue, or a quotation followed by a
        paragraph that is only a dash and a name ("“...”" / "- Bernie Sanders."): a pull quote."""
        previous: tuple[int, int] | None = None
        for start, end in paragraphs(self.text):
            signature = dash_name(self.text, self.doc, start, end)
            quote = self.quote_after(previous[0]) if previous is not None and signature is not None else None
            if quote is not None and quote.start < previous[1] and self.words(*quote.inner) >= 0.8 * self.words(*previous) \
                    and not any(c.content[0] < quote.inner[1] and quote.inner[0] < c.content[1] for c in self.candidates):
                self.add(Candidate(quote.inner, "pull-quote", subjects=(signature,)))
            previous = (start, end)
            span = self.doc.char_span(start, end, alignment_mode="expand")
            sents = list(span.sents) if span is not None else []
            if len(sents) < 2:
                continue
            names = [t for t in sents[-1] if not t.is_punct and not t.is_space]
            if not 2 <= len(names) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names):
                continue
            content = self.strip(start, sents[-1].start_char)
            if self.words(*content) < 6 or any(c.content[0] < content[1] and content[0] < c.content[1] for c in self.candidates):
                continue
            self.add(Candidate(content, "pull-quote", subjects=((names[-1], self.doc[names[0].i:names[-1].i + 1]),)))


def _line_breaks(gap: str) -> int:
    """The line breaks in ``gap`` less those of masked lines (page furniture, blanked to spaces in the text the
    NLP reads): a quotation resumed after a masked "Advertisement" line is in the next paragraph all the same."""
    return re.sub(r"(?<=\n)[ \t]+\n\n?", "", gap).count("\n")
