"""Content after a cue verb: the que/that clause, colon, quotation or complement it introduces ("X a déclaré que
...", "told reporters that ..."), and where that clause ends."""
from __future__ import annotations

from spacy.tokens import Span, Token

from policykg.loaders.extract.statements.objects import ObjectContents
from policykg.loaders.extract.statements.postposed import COMPLEMENT_DEPS
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, Quote
from policykg.loaders.extract.statements.syntax import (
    before_aside, called_for, cut_in_word, next_word, present_participle, previous_word, reflexive, restrictive_negation,
    sentence_end, subject_verb, verb_forms,
)


SKIPPABLE_DEPS = {"iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "advmod", "nsubj", "expl:subj", "punct",
                  "dative", "prep", "npadvmod", "prt", "compound:prt", "obj", "dobj", "nmod"}
"""Dependents that may stand between a cue verb and its content (addressee, inverted subject, adverbs)."""
DASHES = ("—", "–", "--")
"""Dashes that set the writer's words off a sentence."""


class ForwardContents(ObjectContents):
    """The content a verb of saying introduces after it; the base of ``SpeechVerbs``."""

    def forward_any(self, verb: Token, cue_last: Token, lemma: str) -> tuple[tuple[int, int] | None, str]:
        """The content after the cue, read as each kind of verb the lexicon lists the lemma under."""
        after = next_word(cue_last, verb.sent)
        # a verb of finding reports a that-clause, right after it or past a phrase ("found in a study last year that")
        that_clause = after is not None and after.lower_ in self.cues.complementizers or self.reports_that(verb)
        finding = self.cues.finding if that_clause else frozenset()
        kinds = [("speech-verb", self.cues.speech | self.cues.belief | finding), ("directive-verb", self.cues.directive),
                 ("characterising-verb", self.cues.characterising), ("judgement-verb", self.cues.judgement | self.cues.small_clause)]
        for method, lemmas in kinds:
            content = self.forward_content(verb, cue_last, method) if lemma in lemmas else None
            if content is not None and self.cue_opens(verb, content):
                return None, method  # "a répondu en rappelant que ...": the participle is the nearer cue
            if content is not None and self.named_work(content):
                return None, method
            if content is not None:
                return content, method
        return None, "speech-verb"

    def named_work(self, content: tuple[int, int]) -> bool:
        """"X said in his 2012 book, “An American Son.”": a content that is only a quotation naming a work (``names_work``)."""
        quote = self.quote_around(content[0])
        return quote is not None and content[1] <= quote.end and self.names_work(quote)

    def joined_cue(self, content: tuple[int, int], cue: Token) -> tuple[tuple[int, int], Token, tuple[int, int]] | None:
        """"X rappelle que A mais doute que B", "X juge A, et demande au préfet de B": a second verb of the lexicon joined
        to the cue inside its content, outside quotation marks and right before a complementizer or a preposition,
        reports B on its own, for the same speaker; A ends before the conjunction. A, that verb and B. Not a verb the parse
        joined to the reported clause's ("said it would study the code and respond in May"): it joins the cue ``cue``, or
        the tagger misread it (« mais doute que », read as a noun)."""
        span = self.doc.char_span(*content, alignment_mode="expand")
        for conj in span if span is not None else ():
            verb = next_word(conj, conj.sent) if conj.pos_ == "CCONJ" and self.quote_around(conj.idx) is None else None
            if verb is not None and verb.lower_ in self.cues.reflexives:
                verb = next_word(verb, conj.sent)  # "mais s'inquiète pour ..."
            after = next_word(verb, conj.sent) if verb is not None and verb.text.islower() else None
            if after is None or after.i >= span.end or not (after.lower_ in self.cues.complementizers or after.pos_ == "ADP") \
                    or not any(form in self.cues.verbs for form in verb_forms(verb)) \
                    or verb.pos_ in ("VERB", "AUX") and verb.head.i != cue.i:
                continue
            return self.strip(content[0], conj.idx), verb, self.strip(verb.idx + len(verb.text), content[1])
        return None

    def reports_that(self, verb: Token) -> bool:
        """Whether ``verb`` takes a clause opened by a complementizer after it ("found last year that ...")."""
        return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in self.cues.complementizers for m in c.children)
                   for c in verb.rights)

    def root_predicate(self, verb: Token) -> bool:
        """"A report by X found last year that ...": a participle the parse hung on the noun that opens a sentence
        with no other verb, taking a that-clause, is that noun's predicate, not a reduced relative."""
        return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.i < verb.i and self.reports_that(verb)

    def forward_content(self, verb: Token, cue_last: Token, method: str) -> tuple[int, int] | None:
        """The content after the cue: a que/that clause, a colon, a quotation, a complement.

        Between the cue and the content only the verb's small dependents may stand: its addressee
        ("told reporters", "a déclaré à la presse"), an inverted subject, adverbs, punctuation; a
        quotation must follow the verb, a comma or a colon.
        """
        sent = verb.sent
        aspectual = self.cue_lemma(verb) in self.cues.aspectual  # "X continues to campaign": no content
        complements = [c for c in verb.children if c.i > verb.i and c.dep_ in COMPLEMENT_DEPS
                       and not (aspectual and c.dep_ == "xcomp")
                       # not a relative clause the parse hung on the cue; but "se demande qui paiera": an indirect question
                       and ("Rel" not in c.left_edge.morph.get("PronType") or reflexive(verb) and c.left_edge.i == cue_last.i + 1)]
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in self.cues.naming_verbs and {"neg", "auxpass"} <= {g.dep_ for g in c.children}
               for c in verb.children):
            return None  # "who asked not to be named": the source's terms on its name, nothing said
        if method == "directive-verb":
            if self.cue_lemma(verb) in self.cues.prepositional_directives and cue_last.lower_ not in self.cues.directive_particles \
                    and (after := next_word(cue_last, sent)) is not None and after.lower_ not in self.cues.directive_prepositions:
                return None  # "called the chief executive to give evidence": a summons, not a call to act
            if any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.cues.speaking_terms for c in verb.children):
                return None  # "requested anonymity to discuss ...": the source's terms and purpose, no call on anyone
            complements = [c for c in complements if c.pos_ != "NOUN" or c.n_lefts + c.n_rights]  # "a appelé jeudi à ...": a bare date
            # "X urged Y to act": with an infinitive or a clause only; the object is part of the content. Not in a
            # clause coordinated with the cue ("..., but Z would wait and try to see") or a second verb joined to it
            # ("called X “...” and said he would ...").
            infinitives = [t for c in verb.rights if c.dep_ not in ("conj", "cc") for t in c.subtree
                           if t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm")]
            if not (complements or infinitives) and (called := called_for(verb, cue_last, self.cues)) is not None:
                return self.content(called.left_edge, sentence_end(called.right_edge, sent))  # "appelle à la grève"
            after = next_word(cue_last, sent)
            if not (complements or infinitives) and after is not None and after.lower_ in self.cues.complementizers \
                    and (first := next_word(after, sent)) is not None:
                return self.content(first, sentence_end(sent[-1], sent))  # "tout en demandant qu'il soit ...", parsed apart
            if not (complements or infinitives) or cue_last.i + 1 >= sent.end:
                return None
            last = max(t.right_edge for t in complements + infinitives)
            if last.pos_ == "CCONJ":
                last = previous_word(last)  # "urged Y to come out and repeatedly said ...": the conjunction joins the cue's verbs
            nearer = next((t for t in self.doc[cue_last.i + 1:last.i + 1] if t.pos_ == "VERB" and present_participle(t)
                           and self.is_verb_cue(t) and (previous_word(t).text == "," or previous_word(t).text in QUOTE_MARKS)), None)
            if nearer is not None:  # "urged X to act, saying: “...”": the participle reports what follows it
                if not any(t.i < nearer.i for t in complements + infinitives):
                    return None  # "called X “unhinged,” adding that ...": no directive at all
                last = previous_word(previous_word(nearer))
            first = self.doc[cue_last.i + 1]
            if first.lower_ in self.cues.complementizers and first.i < last.i:
                first = self.doc[first.i + 1]  # "réclame que l'État paie": the clause, not its conjunction
            return self.content(first, sentence_end(last, sent))
        if method == "judgement-verb":
            return self.judged(verb, cue_last)
        if method == "characterising-verb":
            return self.characterised(verb, cue_last)
        skip: set[int] = set()
        addressee = self.cue_lemma(verb) in self.cues.addressee
        for child in verb.rights:
            subtree = list(child.subtree)
            after = next_word(child.right_edge, sent)
            # An addressee of any length: "told his radio audience of Monday, “...”" (with no verb in it: not the
            # subject of the content, parsed as the object, "assure que toute personne violant ... risque ..."), or
            # "telling a committee of MPs that ..." (the clause comes after it), or "told the tenants who came to the
            # meeting, “...”" (a quotation after its comma).
            comma = next_word(child.right_edge, sent, skip_punct=False)
            quoted = comma is not None and comma.text == "," and (mark := next_word(comma, sent, skip_punct=False)) is not None \
                and self.quote_starting_at(mark.idx) is not None
            long_addressee = addressee and (
                not any(t.pos_ in ("VERB", "AUX") for t in subtree) or quoted
                or (after is not None and (after.lower_ in self.cues.complementizers or after.text == ":")))
            clause = next((t for t in subtree if t.dep_ == "mark" and t.lower_ in self.cues.complementizers
                           and t.head.dep_ == "acl" and t.i == t.head.left_edge.i), None) if addressee else None
            if child.dep_ in ("obj", "dobj") and clause is not None:
                # "told BBC Radio 4's Today programme that ...": the that-clause the parse hung on the addressee
                skip.update(t.i for t in subtree if t.i < clause.i)
            elif child.dep_ in SKIPPABLE_DEPS and not (child.dep_ in ("obj", "dobj") and len(subtree) > 3 and not long_addressee):
                # not a "que" right after the cue, which the parse may hang on the final full stop ("a précisé que ...")
                skip.update(t.i for t in subtree if t.i != cue_last.i + 1 or t.lower_ not in self.cues.complementizers)
        restrictive = restrictive_negation(verb, self.cues)
        previous = cue_last
        for token in self.doc[cue_last.i + 1:sent.end]:
            if token.is_space:
                continue
            quote = self.quote_starting_at(token.idx)
            if quote is not None and previous.text in (",", ":"):
                return quote.inner
            if quote is not None and previous.i == cue_last.i:
                # "Obama said “it gets me mad” every time ...": the quotation opens the reported clause.
                return self.content(token, self.clause_after(quote, sent))
            if quote is not None:
                return None
            # "warned in a report that X ...": a that-clause the parse hung on the noun before it is still the content
            opens_clause = token.dep_ == "mark" and any(c.dep_.startswith("nsubj") for c in token.head.children)
            # "juge elle aussi que ...": a stressed pronoun on the speaker, not the subject of the clause ("said he would")
            stressed = previous.i == cue_last.i and token.pos_ == "PRON" and token.lower_ in self.cues.person_pronouns \
                | self.cues.group_pronouns and not any(c.left_edge.i <= token.i <= c.right_edge.i for c in complements)
            if (token.i in skip or stressed) and token.text != ":" and not (token.lower_ in self.cues.complementizers and opens_clause):
                previous = token
                continue
            if token.lower_ in self.cues.complementizers and self.attributive_relative(token) is not None:
                return None  # "soutient le plan, qu'elle juge « nécessaire »": a relative clause, no reported one
            if token.text == ":" or (token.lower_ in self.cues.complementizers and not restrictive):
                nxt = next_word(token, sent)
                if nxt is None:
                    after = self.quote_after(token.idx + 1) if token.text == ":" else None
                    return after.inner if after is not None else None
                return self.content(nxt, self.clause_end(nxt, complements, sent))
            when = self.time_of_saying(token) if previous.i == cue_last.i else None
            if when is not None:
                skip.update(range(token.i, when.i + 1))  # "said on Monday the cap ...", parsed inside the clause
                previous = token
                continue
            if any(c.left_edge.i <= token.i <= c.right_edge.i for c in complements) and not token.is_punct:
                return self.content(token, self.clause_end(token, complements, sent))
            following = next_word(token, sent)
            if token.pos_ == "ADP" and token.dep_ == "mark" and following is not None and following.lower_ in self.cues.complementizers:
                previous = token  # "plaide pour que ...": the preposition before the clause it opens
                continue
            if token.i not in skip and not token.is_punct:
                return None
            previous = token
        return None

    def time_of_saying(self, token: Token) -> Token | None:
        """The last word of a date right after a cue ("on Monday", "last week"), when the reported clause's subject
        follows it: the date is when it was said, not part of what was ("said on Monday the cap would stay")."""
        doc = self.doc
        k = token.i + 1 if token.pos_ == "ADP" else token.i
        if k >= len(doc) or doc[k].ent_type_ != "DATE":
            return None
        while k + 1 < len(doc) and doc[k + 1].ent_type_ == "DATE" and doc[k + 1].ent_iob_ == "I":
            k += 1
        after = doc[k + 1] if k + 1 < len(doc) else None
        clause = after is not None and after.pos_ in ("DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM") and after.tag_ != "POS"
        return doc[k] if clause and not any(t.dep_.startswith("nsubj") for t in doc[token.i:k + 1]) else None

    def cue_opens(self, verb: Token, content: tuple[int, int]) -> bool:
        """Whether ``content`` opens with another cue, a participle hanging on ``verb`` ("a répondu en
        rappelant que ..."): that participle reports the content."""
        span = self.doc.char_span(*content, alignment_mode="expand")
        # not an infinitive: "promet de poursuivre la mobilisation" is what is promised, nor a past one, "dit avoir vu ..."
        return span is not None and any(t.head.i == verb.i and t.dep_ in ("advcl", "xcomp") and t.pos_ == "VERB"
                                        and not {"Fin", "Inf"} & set(t.morph.get("VerbForm")) and self.is_verb_cue(t)
                                        and not any(c.dep_.startswith("aux") for c in t.children) for t in span[:2])

    def clause_after(self, quote: Quote, sent: Span) -> Token:
        """The last token of the clause a quotation opens: up to a comma, semicolon, conjunction or the sentence end."""
        closing = self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")
        last = closing[-1] if closing is not None else sent[-1]
        if "," in self.text[quote.inner[1]:quote.end]:
            return last  # "citing ''the magic of Trump,'' said ...": the quotation ends the clause
        for token in self.doc[last.i + 1:sent.end]:
            if token.text == "," and self.bare_gerund(token):
                return sentence_end(sent[-1], sent)  # "s'est dite « ouverte » à ..., tout en rappelant son attachement"
            if token.text in (",", ";", "—", "–") or token.pos_ == "CCONJ":
                break
            last = token
        return last

    def bare_gerund(self, comma: Token) -> bool:
        """Whether a gerund follows ``comma`` (", tout en rappelant son attachement à ...") that reports no clause of its
        own: it stays in the statement it follows."""
        verb = next((t for t in self.doc[comma.i + 1:min(comma.i + 4, comma.sent.end)] if t.pos_ == "VERB"), None)
        return verb is not None and self.gerund(verb) and all(t.pos_ in ("ADV", "ADP") for t in self.doc[comma.i + 1:verb.i]) \
            and not any(c.dep_ == "ccomp" for c in verb.children)

    def clause_end(self, first: Token, complements: list[Token], sent: Span) -> Token:
        """Last token of a reported clause: its complement's right edge, or the sentence end; it stops before
        a second cue of the same speaker ("said he earns little and questioned how the plan would help", "said
        jobs would go and accused the council of ...") and before another speaker's cue set off by a comma
        ("told the BBC he feared the noise, while his neighbour said ..."). A colon after the complement goes on
        with what is said, which the parse may hang elsewhere ("said it failed for one reason: The money ran out")."""
        holders = [c for c in complements if c.left_edge.i <= first.i <= c.right_edge.i]
        last = holders[0].right_edge if holders and not cut_in_word(holders[0].right_edge) else sent[-1]  # "centres-villes"
        # one clause the parse split into two complements of the cue, the second right after the first with no mark
        # between, or a comma or a quotation mark ("noting that most of the money raised | would go to ...", "say they
        # do | n't know", "said that whatever he meant, | words ..."); not a second clause: after a conjunction, which the
        # parse may have read as joining a subject to the first ("said it was tight and | warned", "said X mishandled the
        # case and Democrats | accused ..."), with a cue set off by a mark or with its own subject ("..., telling X that", "...,
        # Clinton said this week"), or after a cue inside a relative clause, whose sentence goes on after it ("the
        # message they expect him to push | is one that ...", which the parse may read as a cue with two subjects)
        cue = holders[0].head if holders else None
        while cue is not None and "relcl" not in cue.dep_ and sum(c.dep_.startswith("nsubj") for c in cue.children) < 2 \
                and not any(t.pos_ == "CCONJ" for t in self.doc[max(last.i - 2, 0):last.i + 2]) \
                and (joined := next((c for c in complements if c.left_edge.i == last.i + 1), None)) is not None \
                and not any(self.is_verb_cue(t) and (joined.left_edge.is_punct or any(c.dep_.startswith("nsubj") for c in t.children))
                            for t in joined.subtree):
            last = joined.right_edge
        last = self.second_that_clause(cue, last, sent) or last
        colon = next_word(last, sent, skip_punct=False)
        rest = sent.doc[colon.i + 1:sent.end] if colon is not None and colon.text == ":" else []
        if sum(t.is_alpha for t in rest) >= 3 and not any(self.is_verb_cue(t) for t in rest):
            last = sent[-1]  # not a clause with a cue of its own ("...: “A,” he said")
        while last.i > first.i and (last.pos_ == "CCONJ" or last.text == ","):
            last = previous_word(last)  # "said X was tight and warned ...": the parse hung the conjunction on the clause
        for token in self.doc[first.i + 1:last.i]:
            after = token.nbor(1)
            while (after.dep_.startswith("aux") or "Yes" in after.morph.get("Reflex")) and after.head.i > after.i:
                after = after.head  # "et a réclamé", "mais s'interroge"
            if self.quote_around(token.idx) is not None:
                continue
            own_subject = any(c.dep_.startswith("nsubj") and c.i > token.i for c in after.children)
            # "said he is proud and expects to win": a verb of belief goes on with what is said, not a second cue
            same_speaker = token.dep_ == "cc" and after.dep_ in ("conj", "ROOT") and after.pos_ == "VERB" and self.is_verb_cue(after) \
                and self.cue_lemma(after) not in self.cues.belief \
                and (any(c.dep_ in COMPLEMENT_DEPS | {"obj", "dobj", "obl:arg"} for c in after.children) or called_for(after, after, self.cues)
                     or self.opens_that_clause(after)) \
                and not own_subject
            clause = token.head if token.dep_ == "mark" else subject_verb(after) if token.dep_ == "cc" else None
            other_speaker = clause is not None and previous_word(token).text == "," and clause.pos_ == "VERB" \
                and clause.dep_ in ("advcl", "conj") and self.is_verb_cue(clause) \
                and any(c.dep_.startswith("nsubj") and c.i > token.i for c in clause.children)
            if same_speaker or other_speaker or (token.text == "," and self.participle_cue(token) is not None) \
                    or self.writer_addition(first, token, last):
                return previous_word(token) if previous_word(token).text != "," else previous_word(previous_word(token))
        return before_aside(first, sentence_end(last, sent), self.cues)

    def second_that_clause(self, cue: Token | None, last: Token, sent: Span) -> Token | None:
        """The end of a second reported clause joined to the first by a conjunction and a complementizer ("predicted
        that wages would fall, but that overtime would offset the loss", "shows that X may be swayed — and that Y"):
        the same cue reports it, though the parse may hang it on the cue as a clause of its own and read "that" as a
        determiner. Not "that" as a subject ("..., but that was not the case")."""
        conjunction = next_word(last, sent)
        that = next_word(conjunction, sent) if conjunction is not None and conjunction.pos_ == "CCONJ" else None
        if cue is None or that is None or that.lower_ not in self.cues.complementizers or that.dep_.startswith("nsubj"):
            return None
        clause = that.head if that.dep_ == "mark" and that.head.i > that.i else \
            next((c for c in cue.children if c.dep_ == "conj" and c.i > that.i and c.pos_ in ("VERB", "AUX")), None)
        return clause.right_edge if clause is not None and clause.right_edge.i > that.i else None

    def opens_that_clause(self, verb: Token) -> bool:
        """Whether a que-clause follows ``verb``, after a preposition or not ("plaide pour que ..."), whatever the
        parse hung it on."""
        after = next_word(verb, verb.sent)
        if after is not None and after.pos_ == "ADP":
            after = next_word(after, verb.sent)
        return after is not None and after.lower_ in self.cues.complementizers

    def writer_addition(self, first: Token, token: Token, last: Token) -> bool:
        """Whether the words from ``token`` to ``last`` are the writer's, added to a reported clause from ``first``: a
        single dash, not one of a pair around an aside ("pledged to fight on -- even as his rival closed in"), or
        "even as", "even though" after a comma ("said the cuts were needed, even as the town grew")."""
        if token.text in DASHES:
            return not any(t.text in DASHES for t in (*self.doc[first.i:token.i], *self.doc[token.i + 1:last.i + 1]))
        return token.text == "," and token.nbor(1).lower_ == "even" and token.nbor(1).nbor(1).lower_ in ("as", "though")

    def participle_cue(self, comma: Token) -> Token | None:
        """The participle of saying that opens a clause of its own after ``comma`` (", estimant que ...", ", tout
        en jugeant qu'elle ...", ", adding that ..."): a second statement of the same speaker, not part of the first."""
        words = [t for t in self.doc[comma.i + 1:min(comma.i + 4, comma.sent.end)]]
        verb = next((t for t in words if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not present_participle(verb) or not self.is_verb_cue(verb) \
                or any(t.pos_ not in ("ADV", "ADP") for t in words[:words.index(verb)]):
            return None
        after = next_word(verb, comma.sent)
        return verb if after is not None and after.lower_ in self.cues.complementizers else None
