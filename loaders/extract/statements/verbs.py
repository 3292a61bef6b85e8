"""Verbs of saying: the content a cue verb introduces, after it ("X a déclaré que ...") or, through ``postposed``,
before it, and the words that may name its speaker."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.objects import ObjectContents
from policykg.loaders.extract.statements.postposed import COMPLEMENT_DEPS
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, Quote, paragraphs
from policykg.loaders.extract.statements.phrases import Expression, expression, left_expression
from policykg.loaders.extract.statements.syntax import (
    aside, bare_participle, called_for, char_range, cut_in_word, hearsay_subject, closing_acl, cue_extent,
    folded_postposed_speaker, inverted_after_quote, coordinated_subject, inverted_subject, modifies, next_word,
    present_participle, previous_sentence, previous_word, reflexive, before_aside, misread_noun, restrictive_negation,
    sentence_end, separated, subject_verb, verb_forms, withheld,
)
from policykg.loaders.model import Entity

PASSIVE_DEPS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
SKIPPABLE_DEPS = {"iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "advmod", "nsubj", "expl:subj", "punct",
                  "dative", "prep", "npadvmod", "prt", "compound:prt", "obj", "dobj", "nmod"}
"""Dependents that may stand between a cue verb and its content (addressee, inverted subject, adverbs)."""
SOURCE_PREPOSITIONS = {"à", "au", "auprès", "chez"}
"""Prepositions of the body where an impersonal "on" speaks ("on explique à Matignon", "a-t-on appris auprès de X")."""
DASHES = ("—", "–", "--")
"""Dashes that set the writer's words off a sentence."""
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep", "acl", "dep"}
"""A participle or infinitive hanging on another verb by these takes that verb's subject ("..., saying that")."""


@dataclass
class Candidate:
    content: tuple[int, int]
    method: str
    cue: tuple[int, int] | None = None
    subjects: tuple[Expression, ...] = ()
    """Noun phrases that may name the speaker, best first (resolved later, in text order)."""
    grammatical: bool = True
    """Whether ``subjects[0]`` is the grammatical subject (only it may be an unnamed speaker), not a guess from the words before."""
    follows: Candidate | None = None
    """For a continuation: the statement whose speaker this one shares."""
    belief: bool = False
    speaker: Entity | None = None
    anaphoric: bool = False


class SpeechVerbs(ObjectContents):
    """Candidates around verbs of saying; the base of the statement finder."""

    def __init__(self, text: str, doc: Doc, cues: Cues):
        super().__init__(text, doc, cues)
        self.candidates: list[Candidate] = []
        self.used_cues: set[int] = set()
        self.incises: list[tuple[int, int]] = []
        """Cues set inside a quotation's marks ("« A, dit-il, B »")."""

    def add(self, candidate: Candidate, *cue_tokens: Token) -> Candidate | None:
        """Keep a candidate with words in it; a verb of saying whose content is mostly quoted is ``quote+cue``."""
        if not self.words(*candidate.content):
            return None
        if candidate.method == "speech-verb" and self.quoted_share(*candidate.content) >= 0.5:
            candidate.method = "quote+cue"
        self.candidates.append(candidate)
        self.used_cues.update(token.i for token in cue_tokens)
        return candidate

    # -- verbs of saying -----------------------------------------------------------------------

    def passive(self, verb: Token) -> bool:
        """Whether ``verb`` is in the passive: a passive auxiliary, or a passive subject, unless the verb's
        auxiliary is one that forms no passive ("Elle a rappelé", which the parse may read as a passive), or the
        verb is pronominal ("s'est félicitée", whose "être" the parse may read as a passive auxiliary) or takes
        "être" in its compound tenses ("est monté au créneau")."""
        children = list(verb.children)
        if reflexive(verb) or verb.lemma_.lower() in self.cues.etre_verbs:
            return False  # "s'est félicitée"; "est monté au créneau", a verb whose compound tenses take "être"
        if any(c.dep_ in ("auxpass", "aux:pass") for c in children):
            return True
        subject = any(c.dep_ in ("nsubjpass", "nsubj:pass") and not c.text.startswith("-") for c in children)
        active = bool(self.cues.passive_auxiliaries) and any(
            c.dep_.startswith("aux") and c.pos_ == "AUX" and c.lemma_.lower() not in self.cues.passive_auxiliaries for c in children)
        return subject and not active

    def verb_cue(self, verb: Token, method: str | None = None) -> Candidate | None:
        """A statement around a verb: its content after it, else (postposed cue) before it."""
        if self.passive(verb) or bare_participle(verb) and not (inverted_after_quote(verb) or closing_acl(verb) or self.root_predicate(verb)):
            return None  # "he is said to", "Critiquée pour", "Asked about": the subject is not the speaker
        if verb.dep_ in ("relcl", "acl:relcl") and any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and not any(
                g.dep_.startswith(("nsubj", "csubj", "expl")) for g in c.children) for c in verb.children):
            return None  # "the beds it says are needed": the clause's subject is the noun the relative clause describes
        if withheld(verb, self.cues) or misread_noun(verb):
            return None  # "X declined to say how many", "X did not say whether": nothing was said; "Bag charge to double"
        lemma = self.cue_lemma(verb) or verb.lemma_.lower()
        if lemma in self.cues.finding and (verb.tag_ in ("VB", "VBG") or any(c.tag_ in ("TO", "MD") for c in verb.children)):
            return None  # "to show that he can lead", "should show", "finding": a purpose or a wish, not a finding
        pronominal = reflexive(verb)
        if lemma not in self.cues.pronominal and pronominal:
            return None  # "le bilan s'annonce contrasté": a pronominal verb says nothing unless the lexicon lists it
        if not pronominal and "Past" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm") \
                and any(c.pos_ == "AUX" and c.lemma_.lower() in self.cues.passive_auxiliaries and c.i < verb.i
                        and c.dep_ != "ccomp" for c in verb.children):
            # "les patients sont invités à ...": a passive, whose subject is not the speaker; not "a estimé que « ... n'y
            # est pas »", whose reported clause the parse headed by its copula
            return None
        cue_first, cue_last = cue_extent(verb)
        particle = self.doc[cue_last.i + 1] if lemma in self.cues.directive and cue_last.i + 1 < len(self.doc) else None
        if particle is not None and particle.lower_ in self.cues.directive_particles and particle.head.i == verb.i:
            cue_last = particle  # "called on ministers to act": the addressee, not the preposition, opens the content
        subject = self.subject_of(verb)
        clitic = previous_word(cue_first)  # "X, Y, l'a dit : ...": the verb's object clitic before its auxiliary
        lead = clitic if clitic is not None and clitic.pos_ == "PRON" and clitic.head.i == verb.i \
            and clitic.dep_ in ("obj", "iobj", "dobj") else cue_first
        auxiliary = next((c for c in verb.children if c.dep_.startswith("aux") and c.i < lead.i), None)
        if auxiliary is not None and all(t.is_punct or aside(t) for t in self.doc[auxiliary.i + 1:lead.i]):
            lead = auxiliary  # "X a, pour sa part, rappelé que": the aside between the auxiliary and the verb
        if subject is not None and (self.quote_around(subject.idx) is not None or (
                subject.head.i == verb.i and subject.i < verb.i and separated(subject, lead))):
            subject = None  # "Le texte « ... », a déclaré la ministre": the parsed subject is in the content
        clitic = self.echo_clitic(verb, cue_first) if method is None and lemma in self.cues.speech else None
        if clitic is not None and self.after_closing_quote(clitic, subject):
            cue_first, clitic = clitic, None  # "« ... », l'estimait X": the clitic stands for the quotation it follows
        after_quote = self.phrase_after_quote(cue_first) if subject is None else None
        content = None
        inverted: Expression | None = None
        postposed = self.after_closing_quote(after_quote[1][0] if after_quote else cue_first, subject)
        if clitic is not None:
            content, method, cue_first = self.previous_content(verb), "source-of-previous", clitic
        if method is None and not postposed and not self.bare_postposed(verb):
            content, method = self.forward_any(verb, cue_last, lemma)
        if content is None and (interrupted := self.interrupted_clause(verb, cue_first)) is not None:
            # the parse may give the cue the subject of the clause it interrupts
            content, inverted, subject = interrupted[0], expression(interrupted[1]), None
        if content is None and self.gerund(verb):
            return None  # "s'est dite ouverte, tout en rappelant son attachement à ...": a gerund reports nothing before it
        if content is None and after_quote is None:
            head = inverted_subject(verb)
            aside_first = cue_last.i + 1 < len(self.doc) and self.doc[cue_last.i + 1].text == ","
            # "« ... », a déploré, dans un communiqué, l'association X": the subject after an aside
            inverted = (self.phrase_after_verb(cue_last, cue_first) if aside_first else None) \
                or (expression(head) if head is not None else self.phrase_after_verb(verb, cue_first))
        if content is None:
            # "“...,” X said in an interview aired Monday": after a quotation, whatever follows the verb is no content.
            own = postposed and (subject is None or subject.head.i == verb.i)
            content = self.backward_content(verb, subject, standalone=not own,
                                            first=after_quote[1][0] if after_quote else cue_first)
            following = next_word(verb, verb.sent, skip_punct=False)
            closing = lemma in self.cues.finding and (following is None or following.is_punct)
            if content is not None and lemma not in self.cues.speech and method != "quote+verb" and not closing:
                # "“Quiet,” he demanded": any verb of the lexicon after a quotation reports it; a verb of finding
                # reports the clause before it when it closes the sentence ("..., a survey by X shows.").
                content = content if self.quoted_share(*content) >= 0.5 else None
            method = method if method == "quote+verb" else "speech-verb"
        if content is None and postposed:
            content, method = self.forward_any(verb, cue_last, lemma)
        if content is None:
            return None
        heads = [expression(subject)] if subject is not None else []
        heads += [inverted] if inverted is not None else []
        if heads and heads[0][0].lower_ in self.cues.impersonal_pronouns and (source := self.told_at(verb)) is not None:
            heads = [expression(source)]  # "On explique à Matignon que ...", "« ... », a-t-on assuré à la préfecture"
        heads += [after_quote] if after_quote is not None else []
        if not heads and (shared := self.shared_with(verb)) is not None:
            return self.add(Candidate(content, method, char_range(cue_first, cue_last), follows=shared), verb)
        left = left_expression(cue_first, self.cues)
        if left is not None and subject is not None and modifies(left[0], subject):
            left = None  # a noun inside the parsed subject ("the head of the messaging service") is not the speaker
        return self.add(Candidate(content, method, char_range(cue_first, cue_last), (*heads, *([left] if left else [])),
                                  grammatical=bool(heads), belief=lemma in self.cues.belief and lemma not in self.cues.speech), verb)

    def headline_claims(self) -> None:
        """"Starmer: we will not back down": a headline (a short line with no closing stop nor quotation marks) that
        opens with a name and a colon, and goes on in the first person, gives that person's words. The name must
        recur in the article (not "Analysis: ...") and not be a bare role ("Minister: ..."), whom the line does not name."""
        for start, end in paragraphs(self.text):
            line = self.doc.char_span(start, end, alignment_mode="expand")
            if line is None or len(line) > 30 or line[-1].text == "." or any(t.text in QUOTE_MARKS for t in line):
                continue
            colon = next((t for t in line[1:5] if t.text == ":"), None)
            words = self.doc[colon.i + 1:line.end] if colon is not None else None
            if not words or any(self.quote_around(t.idx) for t in words[:1]):
                continue
            name = self.doc[line.start:colon.i]
            head = name[-1]
            if not all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") for t in name) or self.text.count(head.text) < 2 \
                    or head.lower_ in self.cues.roles or head.lemma_.lower() in self.cues.roles:
                continue
            if any(t.pos_ == "PRON" and "1" in t.morph.get("Person") for t in words) and any(t.pos_ in ("VERB", "AUX") for t in words):
                self.add(Candidate(char_range(words[0], words[-1]), "colon-quote", None, (expression(head),), grammatical=False))

    def told_at(self, verb: Token) -> Token | None:
        """"On explique à Matignon que ...", "a-t-on indiqué au ministère", "fait-on valoir chez X": the body an
        impersonal subject's verb is said at or by, which speaks."""
        for child in verb.rights:
            adverb = child.lower_ in SOURCE_PREPOSITIONS and child.pos_ == "ADV"  # "auprès de X", parsed as an adverb
            child = next((g for g in child.children if g.pos_ in ("NOUN", "PROPN")), child) if adverb else child
            if child.dep_ in ("obl", "obl:arg", "obl:mod", "iobj") and child.pos_ in ("NOUN", "PROPN") \
                    and self.quote_around(child.idx) in (None, self.quote_around(verb.idx)) \
                    and (adverb or any(g.dep_ == "case" and g.lower_ in SOURCE_PREPOSITIONS for g in child.children)):
                return child  # not a word of a quotation the verb is outside ("on dénonce « une usine à gaz »")
        return None

    def interrupted_clause(self, verb: Token, cue_first: Token) -> tuple[tuple[int, int], Token] | None:
        """"Le texte, explique-t-il, ne pose pas de difficulté": a cue and its inverted clitic set off by commas
        inside a sentence with no quotation around them; the sentence is what was said, the clitic its speaker."""
        sent = verb.sent
        clitic = next_word(verb, sent, skip_punct=False)
        while clitic is not None and clitic.lower_ in ("-t", "-t-"):
            clitic = next_word(clitic, sent, skip_punct=False)
        if clitic is None or clitic.lower_ not in {p for p in self.cues.person_pronouns | self.cues.group_pronouns if p.startswith("-")}:
            return None
        before, after = previous_word(cue_first), next_word(clitic, sent, skip_punct=False)
        if before is None or before.text != "," or after is None or after.text != "," or before.i == sent.start \
                or previous_word(before).text in QUOTE_MARKS or self.quote_around(verb.idx) is not None:
            return None
        return self.strip(sent.start_char, sent.end_char), clitic

    def echo_clitic(self, verb: Token, cue_first: Token) -> Token | None:
        """"Le ministre l'a confirmé lundi": the object clitic before a verb of saying that stands for the previous
        sentence; None when the verb reports a clause of its own."""
        clitic = previous_word(cue_first)
        # "l'estimait": the parse may read the elided clitic as an article, the verb's object all the same
        object_clitic = clitic is not None and (clitic.pos_ == "PRON" or clitic.dep_ in ("obj", "dobj") and clitic.head.i == verb.i)
        if clitic is None or not object_clitic or clitic.lower_ not in self.cues.echo_clitics \
                or any(c.dep_ in COMPLEMENT_DEPS and c.pos_ in ("VERB", "AUX") for c in verb.rights):
            return None
        # "Le maire l'assume pleinement : « ... »": a colon a few words on opens what the verb reports
        reach = verb.doc[verb.i + 1:min(verb.i + 5, verb.sent.end)]
        colon = next((t for t in reach if t.text == ":"), None)
        opens = colon is not None and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1:colon.i])
        return None if opens else clitic

    def previous_content(self, verb: Token) -> tuple[int, int] | None:
        """The sentence before ``verb``'s, in its paragraph or the one before, when no statement holds it yet."""
        previous = previous_sentence(verb.sent)
        if previous is None or self.paragraph_of(verb.idx) - self.paragraph_of(previous.start_char) > 1 \
                or any(c.content[0] < previous.end_char and previous.start_char < c.content[1] for c in self.candidates):
            return None
        content = self.strip(previous.start_char, previous.end_char)
        return content if self.words(*content) >= 3 else None

    def forward_any(self, verb: Token, cue_last: Token, lemma: str) -> tuple[tuple[int, int] | None, str]:
        """The content after the cue, read as each kind of verb the lexicon lists the lemma under."""
        after = next_word(cue_last, verb.sent)
        # a verb of finding reports a that-clause, right after it or past a phrase ("found in a study last year that")
        that_clause = after is not None and after.lower_ in self.cues.complementizers or self.reports_that(verb)
        finding = self.cues.finding if that_clause else frozenset()
        kinds = [("speech-verb", self.cues.speech | self.cues.belief | finding), ("directive-verb", self.cues.directive),
                 ("characterising-verb", self.cues.characterising), ("judgement-verb", self.cues.judgement)]
        for method, lemmas in kinds:
            content = self.forward_content(verb, cue_last, method) if lemma in lemmas else None
            if content is not None and self.cue_opens(verb, content):
                return None, method  # "a répondu en rappelant que ...": the participle is the nearer cue
            if content is not None:
                return content, method
        return None, "speech-verb"

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
                       and not (aspectual and c.dep_ == "xcomp") and "Rel" not in c.left_edge.morph.get("PronType")]
        if method == "directive-verb":
            if self.cue_lemma(verb) in self.cues.prepositional_directives and cue_last.lower_ not in self.cues.directive_particles \
                    and (after := next_word(cue_last, sent)) is not None and after.lower_ not in self.cues.directive_prepositions:
                return None  # "called the chief executive to give evidence": a summons, not a call to act
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
            # "telling a committee of MPs that ..." (the clause comes after it).
            long_addressee = addressee and (
                not any(t.pos_ in ("VERB", "AUX") for t in subtree)
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
        # not an infinitive: "promet de poursuivre la mobilisation" is what is promised
        return span is not None and any(t.head.i == verb.i and t.dep_ in ("advcl", "xcomp") and t.pos_ == "VERB"
                                        and not {"Fin", "Inf"} & set(t.morph.get("VerbForm")) and self.is_verb_cue(t)
                                        for t in span[:2])

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
        ("told the BBC he feared the noise, while his neighbour said ...")."""
        holders = [c for c in complements if c.left_edge.i <= first.i <= c.right_edge.i]
        last = holders[0].right_edge if holders and not cut_in_word(holders[0].right_edge) else sent[-1]  # "centres-villes"
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

    def shared_with(self, verb: Token) -> Candidate | None:
        """"X a reconnu que « ... », tout en estimant que ...": the statement of the cue before the comma that
        opens a participle of saying, or whose reported clause ends at the "and" before ``verb``, whose speaker the
        second cue shares wherever the parse hangs it."""
        main = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.i < verb.i), None) if self.gerund(verb) else None
        cued = next((c for c in reversed(self.candidates) if c.cue is not None and c.cue[0] <= main.idx < c.cue[1]), None) \
            if main is not None else None
        if cued is not None:
            return cued  # "« ... », a répondu la maire en rappelant que ...": the gerund's speaker is the cue's it hangs on
        comma = previous_word(verb)
        while comma is not None and comma.pos_ in ("ADV", "ADP", "AUX") and comma.i > verb.i - 3:
            comma = previous_word(comma)
        if comma is not None and comma.pos_ == "CCONJ":  # "said X, and called for Y": the content ended before "and"
            # or its quotation did ("salue « ... », mais juge que ...")
            return next((c for c in reversed(self.candidates) if c.cue is not None and c.cue[0] >= verb.sent.start_char
                         and c.content[1] <= comma.idx and all(
                             char.isspace() or char == "," or char in QUOTE_MARKS for char in self.text[c.content[1]:comma.idx])), None)
        participle = self.participle_cue(comma) if comma is not None and comma.text == "," else None
        if participle is None or participle.i != verb.i:
            return None
        return next((c for c in reversed(self.candidates) if c.cue is not None and verb.sent.start_char <= c.cue[0] < comma.idx), None)

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

    def subject_of(self, verb: Token) -> Token | None:
        """The speaker's head word: the verb's subject, or that of the verb a participle hangs on."""
        if closing_acl(verb):
            return verb.head
        if (speaker := folded_postposed_speaker(verb)) is not None:
            return speaker
        if (own := coordinated_subject(verb)) is not None:
            return own
        token = verb
        if self.gerund(verb):
            # "X a soutenu Y tout en annonçant Z", "X estime que Y va ..., tout en jugeant": the main verb, not a reported one
            token = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.i < verb.i
                          and a.dep_ not in ("relcl", "acl:relcl", "ccomp")), verb)
        for _ in range(4):
            if token.i != verb.i and (reporter := hearsay_subject(token, self.cues)) is not None:
                return reporter  # "X was quoted as saying", "X is understood to have told colleagues"
            for child in token.children:
                if child.dep_ == "expl:subj" and child.text.startswith("-") and child.lower_ != "-t":
                    return child  # "a-t-il insisté": the inverted clitic, parsed as an expletive
                if child.dep_ == "expl:subj" and child.i < token.i and child.lower_ in self.cues.person_pronouns:
                    return child  # "Il affirme que ...", parsed as an impersonal "il"
                if child.dep_.startswith("nsubj") and child.pos_ in self.cues.mistagged and child.text.islower() \
                        and any(form in self.cues.verbs for form in verb_forms(child)) \
                        and not any(c.dep_ == "det" and c.pos_ == "DET" for c in child.children):  # "la conseillère" is a noun
                    # "Elle juge « inacceptable » ... et réclame ...": the subject is a cue the tagger misread; its
                    # own subject is the speaker
                    before = previous_word(child)
                    return before if before is not None and (before.pos_ in ("PROPN", "PRON")) else None
                if child.dep_.startswith("nsubj") and any(g.dep_ == "case" for g in child.children):
                    continue  # "confie au Parisien Marie Durand": the outlet addressed, parsed as a subject
                if child.dep_.startswith("nsubj") and (child.dep_ not in PASSIVE_DEPS or child.text.startswith("-")
                                                       or not self.passive(token)):
                    after = child.nbor(1) if child.i + 1 < len(child.doc) else None
                    if child.pos_ == "PRON" and after is not None and after.pos_ == "PRON" and (
                            after.head.i == token.i or child.lower_ in ("-t", "-t-")) and after.lower_ not in self.cues.reflexives \
                            and after.lower_ not in ("y", "en"):
                        return after  # "a-t-il": the parser may take the euphonic "-t" for the subject (not "Elle s'interroge", "Ils y estiment")
                    return child
            if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and present_participle(token):
                clause = next((a for a in token.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if previous_word(token).text == "," and token.head.dep_ in ("obj", "dobj", "pobj", "obl", "nmod") \
                        and clause is not None:
                    token = clause  # "X defended plans to ..., telling MPs that ...": the participle is X's, not the object's
                    continue
                return token.head  # "Durand, affirmant que ...", "officials saying ..."
            # "Un préfet interrogé sous couvert d'anonymat admet que ...": a finite verb the parse hung on that participle
            hung = verb.head.i == token.i != verb.i and "Fin" in verb.morph.get("VerbForm") and verb.dep_ in ("xcomp", "conj")
            if token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN") \
                    and token.head.i < token.i and ("Fin" in token.morph.get("VerbForm") or self.root_predicate(token) or hung):
                # "Sa secrétaire, Camille Royer, parle d'une « saignée »": a finite verb the parse hung on the
                # sentence's head noun (after an apposition or a relative clause) is that noun's predicate
                return token.head
            if token.dep_ == "conj" and token.head.pos_ not in ("VERB", "AUX") and token.pos_ == "VERB":
                # "a fustigé X et plaidé pour Y": a participle sharing the auxiliary of the verb before it,
                # parsed as hanging on a noun
                prior = next((t for t in reversed(token.doc[token.sent.start:token.i]) if t.pos_ == "VERB"
                              and any(c.dep_.startswith("aux") for c in t.children)), None)
                if prior is not None:
                    token = prior
                    continue
            if token.dep_ == "conj" and token.head.dep_ in ("relcl", "acl:relcl") and "Fin" in token.morph.get("VerbForm") \
                    and "Fin" not in token.head.morph.get("VerbForm") and any(c.dep_ == "aux" for c in token.head.children) \
                    and (clause := next((a for a in token.head.ancestors if a.pos_ in ("VERB", "AUX")
                                         and any(c.dep_.startswith("nsubj") for c in a.children)), None)) is not None:
                # "X accused vendors of selling to employers who did not understand them and called on ...": a finite verb
                # joined to a relative clause's verb of another form (its own auxiliary) goes with the main clause
                token = clause
                continue
            if token.dep_ == "conj" and token.head.dep_ in COMPLEMENT_DEPS and self.is_verb_cue(token) \
                    and self.is_verb_cue(token.head.head):
                token = token.head.head  # "said jobs would go and accused X": the second cue shares the first's subject
                continue
            aside = next((c for c in token.head.children if c.dep_ == "parataxis" and c.i < token.i and self.is_verb_cue(c)
                          and any(t.is_quote for t in token.doc[c.i:token.i])), None) if token.dep_ == "conj" else None
            if aside is not None:
                token = aside  # "But, she added, “...”, and asked who ...": the verb after the quotation is the aside's speaker's
                continue
            if token.dep_ == "acomp" and self.reports_that(verb) and not any(
                    c.dep_.startswith("nsubj") and c.lower_ in self.cues.impersonal_pronouns for c in token.head.children):
                token = token.head  # "X was quick to point out that", not "It is important to note that"
                continue
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i or self.postposed(token):
                break
            token = token.head
        # "X a, pour sa part, rappelé que ...": the parse may hang the subject on the auxiliary an aside parts from the verb
        return next((g for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i
                     for g in c.children if g.dep_.startswith("nsubj") and g.i < c.i), None)
