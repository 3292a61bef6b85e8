"""Verbs of saying set after what they report ("« ... », a déclaré X", "“A,” he said, “B.”"): the content
before the cue and the words after a quotation that name the speaker; the base of ``SpeechVerbs``."""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, Quote, QuotedText, title_case
from policykg.loaders.extract.statements.phrases import Expression
from policykg.loaders.extract.statements.syntax import (
    after_question, aside, char_range, closes_sentence, cue_extent, has_verb, inverted_subject, modifies_cue, next_word,
    postposed_clause, previous_word, sentence_end, verb_forms,
)

COMPLEMENT_DEPS = {"ccomp", "xcomp"}
ASIDE_TOKENS = 6
"""The most tokens of a phrase on a cue set inside reported words, before the comma that resumes them."""


class PostposedCues(QuotedText):
    """Which words are cues, and what a cue set after its content reports."""

    def __init__(self, text: str, doc: Doc, cues: Cues):
        super().__init__(text, doc)
        self.cues = cues

    def is_verb_cue(self, token: Token) -> bool:
        return self.cue_lemma(token) is not None

    def cue_lemma(self, token: Token) -> str | None:
        """The lexicon verb ``token`` is a form of, if it is a cue."""
        if token.pos_ in ("VERB", "AUX"):
            if plural_noun_before_relative(token):
                return None
            # Through the lemma, or an infinitive the form stands for when the lemmatizer missed it ("estime").
            return next((form for form in verb_forms(token) if form in self.cues.verbs), None)
        # Inverted cues read as nouns ("...” avance le syndicat", "..., s'indigne X"): right after a quote or comma.
        previous = token.nbor(-1) if token.i > 0 else None
        lemmas = self.cues.speech
        if previous is not None and previous.lower_ in self.cues.reflexives and previous.i > 0:
            previous, lemmas = previous.nbor(-1), self.cues.pronominal
        # "..., mais juge qu'elle arrive tard": a second cue joined to the first, before the clause it reports
        joined = previous is not None and previous.pos_ == "CCONJ" and previous.i > 0 and previous.nbor(-1).text == "," \
            and (after := next_word(token, token.sent)) is not None and after.lower_ in self.cues.complementizers
        # "« ... », a-t-il martelé devant ...": a participle after an inverted clitic
        inverted = previous is not None and previous.pos_ == "PRON" and previous.text.startswith("-") and previous.lower_ not in ("-t", "-t-")
        if previous is not None and previous.text == "," and self.closes_subject_aside(previous):
            return None  # "La fédération, qui regroupe 300 clubs, juge ...": the subject's verb, read from its words elsewhere
        if previous is None or not (previous.text in QUOTE_MARKS or previous.text == "," or joined or inverted) or not token.text.islower() \
                or any(child.dep_ == "det" for child in token.children):
            return None
        closing = previous_word(previous) if previous.text == "," else None
        if lemmas is self.cues.speech and closing is not None and closing.text in QUOTE_MARKS:
            # "« ... », attaque X", "« ... », raille X": right after a quotation, any verb that judges reports it
            lemmas = lemmas | self.cues.characterising | self.cues.judgement
        return next((form for form in verb_forms(token) if form in lemmas), None)

    def closes_subject_aside(self, comma: Token) -> bool:
        """Whether ``comma`` closes a relative clause set off right after the noun phrase that opens the sentence ("La
        fédération, qui regroupe 300 clubs, juge ..."): the word after it is that phrase's verb, not a cue inverted
        after a clause it reports."""
        sent = comma.sent
        opening = next((t for t in sent if t.text == ","), None)
        if opening is None or opening.i + 1 >= comma.i or sent[0].pos_ not in ("DET", "NOUN", "PROPN"):
            return False
        return self.doc[opening.i + 1].lower_ in self.cues.relative_pronouns \
            and not any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in self.doc[sent.start:opening.i]) \
            and not any(t.text == "," or t.text in QUOTE_MARKS for t in self.doc[opening.i + 1:comma.i])

    def postposed(self, verb: Token) -> bool:
        """Whether ``verb`` is a cue set after the clause it reports, with a subject of its own after it: one with its
        own auxiliary (``postposed_clause``), or a bare verb right after a comma whose noun phrase closes the sentence
        ("Les travaux dureront deux ans, précise la préfecture."), the parse making that phrase its object; not a
        second verb of a list after a cue ("dénonce la réforme, fustige le budget")."""
        return postposed_clause(verb) or self.bare_postposed(verb) or self.inverted_closing(verb)

    def inverted_closing(self, verb: Token) -> bool:
        """"Le fonds financera les écoles, précise le ministère", "L'arrêté entre en vigueur lundi, a rappelé la
        préfecture": a cue (or its auxiliary) right after a comma, whose inverted subject closes the sentence, reports the
        clause before the comma, which opens the sentence with its own subject; French puts the subject after a verb of
        saying only there, so this holds even when the tagger missed that clause's verb ("entre" read as a preposition)."""
        first = cue_extent(verb)[0]
        if verb.lang_ != "fr" or "Fin" not in first.morph.get("VerbForm"):
            return False  # a gerund or a participle ("..., accusing ministers of ...") has no subject after it
        before = previous_word(first)
        opening = verb.sent[0]
        if before is None or before.text != "," or before.i <= opening.i or opening.pos_ not in ("DET", "NOUN", "PROPN") \
                or self.words(opening.idx, before.idx) < 4 or self.quoted_share(opening.idx, before.idx) > 0:
            return False
        comma = next((t for t in self.doc[opening.i:before.i] if t.text == ","), None)
        if comma is not None and not has_verb(self.doc, opening.idx, comma.idx):
            return False  # "L'opposition, qui a voté contre, juge le texte trop timide": a subject and an aside before the verb
        phrase = inverted_subject(verb)
        if phrase is not None and phrase.pos_ == "PRON" and phrase.text.startswith("-"):
            return not has_verb(self.doc, verb.idx + len(verb.text), verb.sent.end_char)  # "..., a-t-elle ajouté."
        return phrase is not None and phrase.i > verb.i and phrase.pos_ in ("NOUN", "PROPN") and closes_sentence(verb, phrase) \
            and not has_verb(self.doc, phrase.right_edge.idx, verb.sent.end_char)

    def subject_read_as_content(self, verb: Token, content: tuple[int, int]) -> bool:
        """"Il faudra réserver, a annoncé mardi le président du syndicat, Jean Dupont.": after a comma, a cue with its
        own auxiliary whose words after it are only a noun phrase with no verb (its inverted subject, parsed as its
        object, with a name in apposition) reports the clause before the comma, not that phrase; so does such a cue
        the parse made the root, the clause before it hung on it."""
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i and "Fin" in c.morph.get("VerbForm")]
        before = previous_word(auxiliaries[0]) if auxiliaries else None
        span = self.doc.char_span(*content, alignment_mode="expand")
        if before is None or before.text != "," or span is None or verb.dep_ not in ("advcl", "conj", "parataxis") and not (
                    verb.dep_ == "ROOT" and has_verb(self.doc, verb.sent.start_char, before.idx, finite=True)) \
                or any(c.dep_ == "cc" for c in verb.children) or has_verb(self.doc, *content) or self.quoted_share(*content) > 0:
            return False
        phrase = span[0].head if span[0].dep_ == "det" else span[0]
        if phrase.head.i != verb.i or phrase.pos_ not in ("NOUN", "PROPN") or phrase.dep_ not in ("obj", "dobj", "nsubj"):
            return False
        return closes_sentence(verb, phrase)

    def bare_postposed(self, verb: Token) -> bool:
        """``postposed`` for a verb with no auxiliary: what follows it is its subject, never its content."""
        before = previous_word(verb)
        # "Qui paiera ? interroge X", "Comment la ville paiera-t-elle ?, demande X": a question closed before the cue, whose
        # verb the parse may hang the cue on, or miss when it is inverted
        asked = after_question(verb)
        # "Le fonds financera les écoles, précise le ministère": the parse may make the cue the root, the clause's verb hung on it
        root = verb.dep_ == "ROOT" and before is not None and before.i > verb.sent.start \
            and (asked or has_verb(self.doc, verb.sent.start_char, before.idx, finite=True))
        if verb.dep_ not in ("advcl", "conj", "parataxis") and not root and not (asked and verb.dep_ == "ccomp") or verb.head.i > verb.i \
                or before is None or before.text not in (",", "?", "!") or "Fin" not in verb.morph.get("VerbForm") \
                or any(c.dep_ in ("cc", "aux", "ccomp") and not (asked and c.i < before.i) for c in verb.children) \
                or self.is_verb_cue(verb.head) and not (asked and (verb.head.i == verb.i or verb.head.i < before.i)):
            return False
        after = next_word(verb, verb.sent)
        phrase = after.head if after is not None and after.dep_ == "det" else after
        if phrase is None or phrase.head.i != verb.i or phrase.pos_ not in ("NOUN", "PROPN") \
                or phrase.dep_ not in ("obj", "dobj", "nsubj", "xcomp"):
            return False
        last = sentence_end(phrase.right_edge, verb.sent)
        return last.is_punct and last.i == verb.sent.end - 1 or phrase.right_edge.i + 1 < verb.sent.end \
            and self.doc[phrase.right_edge.i + 1].text == ","

    def phrase_after_quote(self, cue_first: Token) -> Expression | None:
        """The words between a closing quotation mark and the cue ("“...,” Ramos, 58, told"), when the parse
        gives the cue no subject: they name the speaker."""
        doc = self.doc
        start = cue_first.i
        while start > max(cue_first.sent.start, cue_first.i - 10) and doc[start - 1].text not in QUOTE_MARKS:
            start -= 1
        quote = self.quote_around(doc[start - 1].idx) if start < cue_first.i and start > 0 else None
        if quote is None or doc[start - 1].text not in QUOTE_MARKS or doc[start].pos_ == "ADP":
            return None
        if self.text[quote.inner[1]:quote.end + 1].strip(" »”\"’'")[:1] not in (",", "!", "?"):
            return None  # a quoted term inside the sentence ("une « réforme » du ..."), not a quotation ending a clause
        words = [t for t in doc[start:cue_first.i] if not t.is_punct and not t.is_space]
        if words and words[-1].lower_ in self.cues.gerund_markers and any(t.pos_ == "VERB" and self.is_verb_cue(t) for t in words):
            return None  # "« ... », a répondu la maire en rappelant que": a gerund after the quotation's own cue
        head = next((t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON") and t.lower_ not in self.cues.titles), None)
        return (head, doc[words[0].i:words[-1].i + 1]) if head is not None else None

    def after_closing_quote(self, first: Token, subject: Token | None) -> bool:
        """Whether the cue phrase (with a subject before the verb) directly follows a closing quotation
        mark in its sentence: "“...,” he said, “...”" is postposed, whatever follows it; not "“....” He said
        that ...", whose quotation ended the sentence before."""
        if subject is not None and subject.i < first.i:
            first = next(t for t in subject.subtree if not t.is_punct)
        before = previous_word(first)
        if before is not None and before.text == ",":
            before = previous_word(before)
        quote = self.quote_around(before.idx) if before is not None and before.text in QUOTE_MARKS else None
        if quote is None or quote.end > before.idx + len(before.text) or before.sent.start != first.sent.start:
            return False
        opening = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        governing = previous_word(opening[0]) if opening is not None and opening[0].i > first.sent.start else None
        # "Citing “A,” a spokesman told reporters ...", "Even as X claimed that “A,” Y said ...": a quotation that a
        # participle, a preposition or a complementizer governs is part of a phrase set before the cue, not what it reports
        return governing is None or not (governing.pos_ in ("ADP", "SCONJ") or governing.pos_ == "VERB" and (
            {"Ger", "Part"} & set(governing.morph.get("VerbForm"))))

    def phrase_after_verb(self, verb: Token, first: Token | None = None) -> Expression | None:
        """"“...,” said Edward Leamer, an economist ...": the words after a cue (starting at ``first``) that
        follows a quotation, up to the next punctuation (or past a comma, a name in apposition: "a averti
        sa présidente, Meredith Whittaker"), when the parse did not make them its subject."""
        before = previous_word(first or verb)
        if before is not None and before.text == ",":
            before = previous_word(before)
        if before is None or before.text not in QUOTE_MARKS:
            return None
        words: list[Token] = []
        start = verb.i + 1
        if start < verb.sent.end and self.doc[start].text == ",":
            # past an aside set off by commas ("a déploré, dans un communiqué publié lundi, l'association X")
            closing = next((t for t in self.doc[start + 1:min(start + 12, verb.sent.end)] if t.text == "," or t.text in QUOTE_MARKS), None)
            if closing is None or closing.text != ",":
                return None
            start = closing.i + 1
        # "a confié au téléphone X", "said on Tuesday X": a short phrase on the verb, headed by a common noun, comes first
        # "confie au Parisien X", "assure au « Monde » X": the outlet or person addressed, named, comes first too
        on_verb = [c.i if c.pos_ != "ADP" else c.right_edge.i for c in verb.children if c.left_edge.i == start and (
            c.dep_ == "prep" or c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "case" and (
                c.text.islower() or g.lower_ in self.cues.addressee_prepositions) for g in c.children))]
        on_verb = [last + 1 if self.doc[last + 1].text in QUOTE_MARKS else last for last in on_verb]
        on_verb = [last for last in on_verb if last - verb.i <= 4]
        for token in self.doc[start:verb.sent.end]:
            if not words and (token.pos_ == "ADV" or aside(token) or any(token.i <= last for last in on_verb)):
                continue  # "juge de son côté X", "estime pour sa part X"
            if token.text == "," and words and words[-1].pos_ != "PROPN" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "PROPN":
                words.append(token)
                continue
            if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
                break
            words.append(token)
        head = next((t for t in words if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in self.cues.titles), None)
        return (head, self.doc[words[0].i:words[-1].i + 1]) if head is not None else None

    def backward_content(self, verb: Token, subject: Token | None, *, standalone: bool = True,
                         first: Token | None = None) -> tuple[int, int] | None:
        """The content before a postposed cue ("« ... », a déclaré X", "..., sources said", "“A,” he said, “B.”").

        ``standalone``: the verb has no complement or object of its own after it (an addressee
        such as "told reporters" is allowed). ``first``: where the cue phrase starts, when known.
        """
        if standalone and any(c.dep_ in COMPLEMENT_DEPS and not any(t.text == "," for t in self.doc[verb.i:c.left_edge.i])
                              and not (c.pos_ == "PROPN" and self.postposed(verb)) for c in verb.rights):
            return None  # "X a dit que ...", but not "« ... », a-t-elle ajouté, rectifiant ses propos"
        if verb.dep_ == "conj" and verb.head.i < verb.i and not self.after_closing_quote(cue_extent(verb)[0], subject) \
                and not (subject is not None and (subject.left_edge.i == verb.i + 1 or subject.i > verb.i and subject.text.startswith("-"))) \
                and not self.postposed(verb):
            return None  # "ils lisent, commentent et partagent": a list of verbs, not a postposed cue
        if standalone and verb.pos_ == "VERB" and subject is not None and subject.i < verb.i \
                and verb.lemma_.lower() not in self.cues.addressee and any(c.dep_ in ("obj", "dobj") for c in verb.rights):
            return None  # "X a recensé dix plaintes": an object, not an inverted subject
        if subject is not None and subject.lower_ in self.cues.relative_pronouns and verb.dep_ in ("relcl", "acl:relcl"):
            return None  # "X lost Ohio to Clinton, who added to her lead": the clause before a relative is not its content
        if first is None:
            first = cue_extent(verb)[0]
        if subject is not None and subject.i < first.i:
            first = next(t for t in subject.subtree if not t.is_punct)
        before = previous_word(first)
        # "Qui paiera ? interroge X": a question mark, the sentence going on in lower case with the cue
        if before is None or not (before.text in QUOTE_MARKS or before.text in (",", "—", "–")
                                  or before.text in ("?", "!") and before.i > verb.sent.start):
            return None
        if "\n" in self.text[before.idx:first.idx]:
            return None  # "“...” ¶ X did not respond": a paragraph that opens with its subject reports nothing before it
        sent = verb.sent
        end = before.idx + len(before.text) if before.text in QUOTE_MARKS or before.text in ("?", "!") else before.idx
        start = sent.start_char
        quote = self.quote_around(end - 1)
        if quote is not None and (quote.start < start or self.text[start:quote.start].rstrip().endswith((":", "-", "–", "—", "("))):
            start = quote.start  # a quotation of several sentences, or set off by a colon, a dash or a parenthesis
        colon = next((t for t in reversed(self.doc[sent.start:verb.i]) if t.text == ":" and start <= t.idx < end
                      and self.quote_around(t.idx) is None), None)
        if colon is not None and any(self.is_verb_cue(t) for t in self.doc[sent.start:colon.i] if t.idx >= start):
            start = colon.idx + 1  # "X rejette l'idée : B, a rappelé Y": the clause before the colon has its own cue
        start, end = self.strip(start, end)
        last = subject.right_edge if subject is not None and subject.i > verb.i else verb
        comma = next_word(last, sent, skip_punct=False)
        # "The plan, X said, was reckless": a short predicate after a cue that hangs on it goes on all the same
        goes_on = comma is not None and comma.text == "," and self.words(comma.idx, sent.end_char) >= (2 if verb.head.i > verb.i else 3)
        resuming = comma
        while resuming is not None and not resuming.is_punct and resuming.i - last.i <= ASIDE_TOKENS and verb.is_ancestor(resuming):
            resuming = next_word(resuming, sent, skip_punct=False)  # "If ..., X suggested in a tweet, ...": past a phrase on the cue
        quoted = self.quoted_share(start, end) >= 0.5
        titled = quote is not None and quote.start > start and not has_verb(self.doc, start, quote.start)
        inverted = self.inverted_closing(verb)  # "Le fonds financera les écoles, précise le ministère"
        fronted = (not quoted or titled) and modifies_cue(self.doc, verb, start, end) and not inverted
        # "Comment la commune paiera-t-elle ?, demande X": a question is a clause of its own, its inverted verb misread or not
        clause = has_verb(self.doc, start, end, finite=True) or start == sent.start_char and (inverted or self.text[:end].rstrip().endswith("?"))
        verbless = titled and not has_verb(self.doc, start, end)
        # "Rent cap too low, says landlord": a headline's verbless claim, its speaker after a present cue closing the line
        after = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i > verb.i), None)
        opening = self.doc.char_span(start, end, alignment_mode="expand")
        claim = after is not None and verb.tag_ == "VBZ" and all(t.is_punct or t.is_space for t in self.doc[after.right_edge.i + 1:sent.end]) \
            and opening is not None and opening[0].pos_ not in ("ADP", "SCONJ") and opening[0].tag_ != "VBG"  # not "On the set of ..."
        if titled and self.names_work(quote):
            return None  # "In her 2015 guide, “Spend Less Than You Earn,” X suggested ...": a title, nobody's words
        if self.words(start, end) < (1 if quoted else 3) or not (quoted or clause or claim) or (verbless or fronted) and not claim:
            # "In the three years since, Barden says, far too many lives have been lost", "To hit its target, the panel
            # concluded, the tax must rise": a cue inside the clause (the words before it have no conjugated verb);
            # "Following the meeting, X said ...", "On the set of “The Show,” X said ...", "Despite his “brash manner,” X
            # wrote, ...": a phrase set before the cue is no content of its own, even with quoted words in it.
            inside = goes_on and self.words(start, end) >= 1 and (verb.head.i > verb.i or not clause)
            return self.strip(start, sent.end_char) if inside else None
        # "“A,” he said, “B.”": a quotation resuming after the cue (and its comma) belongs to the same statement.
        k = bisect.bisect_right(self.quote_starts, verb.idx)
        resumed = self.quotes[k] if k < len(self.quotes) and self.quotes[k].start < sent.end_char else None
        between = self.doc.char_span(verb.idx + len(verb.text), resumed.start, alignment_mode="contract") if resumed else None
        if quote is not None and resumed is not None and self.text[:resumed.start].rstrip().endswith(",") \
                and self.joins((start, end), resumed, char_range(verb, verb)) and not any(self.is_verb_cue(t) for t in between or ()):
            return start, resumed.inner[1]  # not "“A,” he said, adding, “B.”": the second cue has its own quotation
        if not quoted and resuming is not None and resuming.text == "," and self.words(resuming.idx, sent.end_char) >= 3 \
                and self.carries_on(self.doc.char_span(start, end, alignment_mode="expand"), resuming, sent):
            return self.strip(start, sent.end_char)
        return start, end

    def names_work(self, quote: Quote) -> bool:
        """"X said in his 2012 book, “An American Son.”", "In her memoir, “Roads Not Taken,” X suggested ...": a quotation
        set as a title right after a noun and its comma names that noun's work, the object of a preposition on the cue;
        nobody says it. Not after an addressee ("told reporters, “Never Again.”"), a phrase of time ("repeat, 10,000 times,
        “...”") or a document that speaks ("said in an interview, “...”")."""
        mark = self.doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
        comma = previous_word(mark[0]) if mark else None
        noun = previous_word(comma) if comma is not None and comma.text == "," else None
        return noun is not None and noun.pos_ == "NOUN" and noun.dep_ in ("pobj", "obl") \
            and noun.lemma_.lower() not in self.cues.documents and title_case(self.text[quote.inner[0]:quote.inner[1]])

    def carries_on(self, before: Span | None, comma: Token, sent: Span) -> bool:
        """Whether the clause a cue interrupts goes on after it ("It was hard, X said, so the leaders split the work",
        "When she got inside, she said, there were no ballots", "Rents have risen, the minister says, especially in the
        cities"): the words after the cue open with a conjunction, or those before are a subordinate clause, or the
        parse hangs the words after on those before, not on the cue; not when they hold a cue or a quotation of their
        own. PolNeAR's Content runs to the sentence end in all three, and whatever the words after hold when those before
        are only the subject of a verb after the cue ("The aide who met her, X recalled, asked her to wait")."""
        rest = self.doc[comma.i + 1:sent.end]
        if before is None or not rest:
            return False
        roots = [t for t in before if not t.is_punct and not before.start <= t.head.i < before.end]
        if roots and all(t.dep_.startswith(("nsubj", "csubj")) and rest.start <= t.head.i < rest.end for t in roots):
            return True
        if any(self.is_verb_cue(t) or t.text in QUOTE_MARKS for t in rest):
            return False
        subordinate = before[0].dep_ == "mark" or before[0].tag_ in ("WRB", "WDT", "WP")
        outside = [t.head for t in rest if not rest.start <= t.head.i < rest.end]
        attached = bool(outside) and all(before.start <= head.i < before.end for head in outside)
        return rest[0].pos_ in ("CCONJ", "SCONJ") or attached \
            or (subordinate and has_verb(self.doc, rest.start_char, rest.end_char, finite=True))

    def joins(self, content: tuple[int, int], quote: Quote, cue: tuple[int, int] | None) -> bool:
        """Whether a quotation resuming the same speaker's words after an interruption ("“A,” he said
        on Tuesday. “B.”", "“A,” said X, a pollster who ... “B.”") joins the content: the speaker goes
        on. An interruption that holds the cue is cut out of the content's words (``fragments``), whatever its
        length; any other stays in, so the quotation joins only when it is no longer than the speaker's words A+B."""
        if cue is not None and content[1] <= cue[0] and cue[1] <= quote.start:
            return True
        a, b = self.words(*content), self.words(*quote.inner)
        return self.words(content[1], quote.start) <= a + b


def plural_noun_before_relative(token: Token) -> bool:
    """"filed reports that track spending", "Vermont, states that vote on March 1": a plural noun the tagger read as a
    verb of saying; the "that" after it is the subject of a plural verb (as a complementizer it would open a clause
    with a subject, and as a pronoun it takes a singular verb), so it opens a relative clause on the noun."""
    doc = token.doc
    return token.tag_ == "VBZ" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "that" and doc[token.i + 2].tag_ == "VBP"

