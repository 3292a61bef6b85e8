"""Verbs of saying: the statement around a cue verb, its content after it (through ``forward``: "X a déclaré que
...") or before it (through ``postposed``), and the words that may name its speaker."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.forward import ForwardContents
from policykg.loaders.extract.statements.objects import misread_object
from policykg.loaders.extract.statements.postposed import COMPLEMENT_DEPS
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, paragraphs
from policykg.loaders.extract.statements.speaker_names import name_after_preposition
from policykg.loaders.extract.statements.phrases import Expression, expression, left_expression
from policykg.loaders.extract.statements.syntax import (
    after_question, aside, bare_participle, char_range, closing_acl, cue_extent, folded_postposed_speaker, inverted_after_quote,
    coordinated_subject, inverted_subject, modifies, next_word, present_participle, previous_sentence, previous_word,
    reflexive, hearsay_subject, impersonal_judgement, misread_noun, separated, verb_forms, withheld,
)
from policykg.loaders.model import Entity

PASSIVE_DEPS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
SOURCE_PREPOSITIONS = {"à", "au", "auprès", "chez"}
"""Prepositions of the body where an impersonal "on" speaks ("on explique à Matignon", "a-t-on appris auprès de X")."""
ADVERBIAL_NOUNS = frozenset({"contraire", "inverse", "opposé", "passage", "final", "total", "fond", "demeurant", "reste",
                             "tort", "raison", "regret", "unisson", "moins", "mieux", "nouveau", "vrai", "fait"})
"""Nouns of French adverbial locutions with those prepositions ("on estime au contraire", "à l'inverse", "à tort"):
the writer's link or manner, no body where it is said."""
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


ASIDE_REACH = 9
"""The most words of a description set off by commas between a subject and a verb the tagger misread."""


class SpeechVerbs(ForwardContents):
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

    def add_joined(self, candidate: Candidate, *cue_tokens: Token) -> Candidate | None:
        """``add``, after cutting off a second cue joined inside a content that follows its cue (``joined_cue``): that
        cue reports the rest, for the same speaker."""
        second = self.joined_cue(candidate.content, cue_tokens[0]) \
            if cue_tokens and candidate.cue is not None and candidate.content[0] >= candidate.cue[1] else None
        if second is not None:
            candidate.content = second[0]
        added = self.add(candidate, *cue_tokens)
        if second is not None and added is not None:
            self.add(Candidate(second[2], "speech-verb", char_range(second[1], second[1]), follows=added), second[1])
        return added

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
        if self.passive(verb) or bare_participle(verb) and not (inverted_after_quote(verb) or self.closing_cue(verb)
                                                                or self.root_predicate(verb) or misread_object(verb)):
            return None  # "he is said to", "Critiquée pour", "Asked about": the subject is not the speaker
        if verb.dep_ in ("relcl", "acl:relcl") and any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and not any(
                g.dep_.startswith(("nsubj", "csubj", "expl")) for g in c.children) for c in verb.children):
            return None  # "the beds it says are needed": the clause's subject is the noun the relative clause describes
        if withheld(verb, self.cues) or misread_noun(verb) or impersonal_judgement(verb, self.cues):
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
        if subject is not None and subject.i < verb.i and after_question(cue_first):
            subject = None  # "Qui paiera ? interroge X", "Qui paiera ?, se demande X": the question's subject, the cue's own after it
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
            if content is not None and self.subject_read_as_content(verb, content):
                content, method = None, None
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
                # "“Quiet,” he demanded", "Qui paiera ?, demande X": any verb of the lexicon after a quotation or a question
                # reports it; a verb of finding reports the clause before it when it closes the sentence ("..., a survey
                # by X shows.").
                asked = self.text[content[0]:content[1]].endswith("?")
                content = content if asked or self.quoted_share(*content) >= 0.5 else None
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
        before = previous_word(cue_first)
        set_off = self.aside_before(before) if not heads and before is not None else None
        if set_off is not None and (named := left_expression(set_off, self.cues)) is not None:
            heads = [named]  # "La Confédération paysanne, deuxième syndicat agricole, juge ...": the name before the aside
        if left is not None and subject is not None and modifies(left[0], subject):
            left = None  # a noun inside the parsed subject ("the head of the messaging service") is not the speaker
        if left is not None and subject is not None and subject.i > verb.i and content[0] <= left[0].idx < content[1]:
            # "Le texte ira au Sénat en avril, a précisé le ministère": with the subject after the verb, a noun of
            # what is reported says nothing (without one, the content may have run over the speaker: "X, Y, told")
            left = None
        return self.add_joined(Candidate(content, method, char_range(cue_first, cue_last), (*heads, *([left] if left else [])),
                                         grammatical=bool(heads), belief=lemma in self.cues.belief and lemma not in self.cues.speech), verb)

    def sayer(self, noun: Token) -> bool:
        """Whether a common noun can name who speaks: a body, a role, a representative or a document."""
        c = self.cues
        return any(w in c.collectives or w in c.roles or w in c.representatives or w in c.documents or w in c.public_bodies
                   for w in (noun.lemma_.lower(), noun.lower_))

    def closing_cue(self, verb: Token) -> bool:
        """``closing_acl`` ("..., the education secretary announced on Tuesday."), on a name or a noun that can speak
        and with no agent: "..., a change announced last week", "..., an inmate now charged with fraud", "the memo,
        sent to staff and seen by Y": a passive participle on the noun, which says nothing."""
        passive = any(c.dep_ == "agent" for t in (verb, *verb.conjuncts) for c in t.children)
        return closing_acl(verb) and not passive and (verb.head.pos_ == "PROPN" or self.sayer(verb.head))

    def aside_before(self, comma: Token) -> Token | None:
        """The comma opening a description set off before ``comma`` ("X, premier syndicat agricole du département,"):
        a few words in lower case with a noun and no verb nor quotation, after a word; None when ``comma`` closes no
        such aside."""
        if comma.text != ",":
            return None
        sent = comma.sent
        opening = next((t for t in reversed(self.doc[max(sent.start, comma.i - ASIDE_REACH):comma.i]) if t.text == ","), None)
        if opening is None or opening.i == sent.start or opening.i + 1 == comma.i:
            return None
        between = self.doc[opening.i + 1:comma.i]
        if self.closes_subject_aside(comma):
            return opening  # "La fédération, qui regroupe 300 clubs, juge ...": a relative clause on the subject
        if not between[0].is_lower or between[0].pos_ not in ("DET", "ADJ", "NOUN", "NUM") \
                or any(t.text[:1].isupper() for t in between):
            # "Le ministre des Transports, Paul Roux, juge", "La fédération de parents, la Peep, juge": the name set off
            # is the speaker; "X, en revanche, salue": an adverbial, which the parse does not mistake for the subject
            return None
        if any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in between) \
                or not any(t.pos_ in ("NOUN", "PROPN") for t in between):
            return None
        return opening

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
                    and child.lower_ not in ADVERBIAL_NOUNS and self.quote_around(child.idx) in (None, self.quote_around(verb.idx)) \
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
                if child.dep_.startswith("nsubj") and (any(g.dep_ == "case" for g in child.children)
                                                       or name_after_preposition(child)):
                    continue  # "confie au Parisien Marie Durand", "a dit X sur France Bleu": the outlet, parsed as a subject
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
                                         and any(c.dep_.startswith("nsubj") for c in a.children)
                                         and not (a.dep_ in COMPLEMENT_DEPS and self.is_verb_cue(a.head))), None)) is not None:
                # "X accused vendors of selling to employers who did not understand them and called on ...": a finite verb
                # joined to a relative clause's verb of another form (its own auxiliary) goes with the main clause, past
                # what a cue reports ("X said the bill “leaves renters a right they cannot use” and asked ...": X asked)
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
