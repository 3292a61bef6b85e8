"""What a verb of judgement or a characterising verb reports: its object and what goes with it ("dénonce une décision
prise sans concertation", "a qualifié le projet de « bricolage »"); split off ``verbs``."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from policykg.loaders.extract.statements.phrases import CIRCUMSTANCES, definite
from policykg.loaders.extract.statements.postposed import PostposedCues
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS, Quote
from policykg.loaders.extract.statements.syntax import (
    TIMES_OF_DAY, aside, bare_participle, cue_extent, next_word, present_participle, previous_word, relative_after,
    sentence_end, verb_forms,
)

OBJECT_DEPS = {"obj", "dobj", "obl", "obl:arg", "obl:mod", "prep", "iobj"}
"""Dependents of a verb of judgement that hold what it judges: "dénonce une décision", "plaide pour une loi"."""
INFINITIVE_MARKS = {"de", "d'", "d’"}
"""Marks of an infinitive a verb of judgement takes as its object: "propose de reporter la hausse", "promet d'agir"."""
ADJUNCT_DEPS = frozenset({"conj", "cc", "punct", "npadvmod", "advmod", "advcl", "obl:mod"})
"""Dependents of a characterising verb that are no part of the phrase a quotation closes in: another verb, the time,
place or manner of saying."""


def infinitive_object(token: Token) -> bool:
    """Whether ``token`` is an infinitive the verb takes as its object, set off by « de » ("propose plutôt de
    reporter la hausse") or, as the parse reads a plea's, « pour » ("plaide pour exonérer les petites écoles"): what
    is proposed or pleaded for, as a noun object would be."""
    if "Inf" not in token.morph.get("VerbForm"):
        return False
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    return token.dep_ == "xcomp" and not marks.isdisjoint(INFINITIVE_MARKS) or token.dep_ == "advcl" and "pour" in marks


def bare_complement(token: Token) -> bool:
    """Whether ``token`` is a noun complement with no preposition the parse hung on a verb (« L'Ordre des X juge la
    réforme « ... » », the verb read as a noun's modifier): its object."""
    return token.dep_ == "nmod" and token.head.pos_ == "VERB" and not any(c.dep_ == "case" for c in token.children)


def quantity_object(token: Token) -> bool:
    """Whether ``token`` is an adverb of quantity heading what the verb takes ("réclame davantage de moyens", "plaide
    pour plus de contrôles"): the parse makes the adverb the object and its noun a complement."""
    return token.pos_ == "ADV" and any(c.pos_ == "NOUN" and any(g.dep_ == "case" and g.lower_ in INFINITIVE_MARKS
                                                                for g in c.children) for c in token.children)


CONDITION_MARKS = frozenset({"if", "unless", "whether"})
"""Conjunctions of an English clause that sets an act as a condition or a question ("whether she supported the
change", "if the council backed the plan"), not as a position the article reports."""


def reported_act(verb: Token) -> bool:
    """"The union welcomed the move", "X has backed the plans": an English act of judgement the article reports as
    done, a finite verb in lower case (past or present, or a perfect) with no modal nor negation; not "would support",
    "to oppose", "supporting X", "not all members backed it", a title-case headline ("Walkers Reject The Idea"), nor
    an act in a clause of condition or question (``CONDITION_MARKS``)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux)
    subjects = [t for c in verb.children if c.dep_.startswith("nsubj") for t in c.subtree]
    # "did not endorse it", "Not all dentists oppose it"
    negated = any(c.dep_ == "neg" for c in verb.children) or any(t.lower_ in ("not", "no", "none") for t in subjects)
    conditional = any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)
    return finite and verb.text.islower() and not negated and not conditional \
        and not any(a.tag_ == "MD" or a.lower_ == "to" for a in aux)


@dataclass(frozen=True)
class Relative:
    """A relative clause that sets an attribute on its antecedent ("une obligation que la fédération juge
    « disproportionnée »"): the antecedent is what its subject judged."""

    antecedent: Token
    """The first word of the antecedent's noun phrase."""
    marker: Token
    subject: Token
    verb: Token
    last: Token
    """The last word of the attribute."""


class ObjectContents(PostposedCues):
    """The content of cues whose object is what was said of something."""

    def fragments(self, start: int, end: int, cue: tuple[int, int] | None) -> list[tuple[int, int]]:
        """A relative cue inside its content ("Une obligation | que la fédération juge | « disproportionnée »") is cut
        out: what was said is the antecedent and its attribute; else as ``QuotedText.fragments``."""
        marker = self.doc.char_span(cue[0], cue[1], alignment_mode="expand") if cue is not None and start < cue[0] < cue[1] < end else None
        if marker is not None and marker[0].lower_ in self.cues.complementizers:
            head, tail = self.text[start:cue[0]].rstrip(" ,"), self.text[cue[1]:end].lstrip()
            return [(start, start + len(head)), (end - len(tail), end)]
        return super().fragments(start, end, cue)

    def attributive_relative(self, marker: Token) -> Relative | None:
        """The relative clause ``marker`` ("que", "qu'") opens on the noun phrase before it, when its verb sets an
        attribute on that phrase ("le plan, qu'elle juge « nécessaire »", "un vote que le maire juge inutile", "une taxe
        qu'il qualifie de « racket »"): a subject, the verb, then an adjective, a quotation or a marker of the attribute
        (the verb has no object of its own: "a dit aux élus que la CGT juge le texte mauvais" is a reported clause)."""
        c = self.cues
        sent = marker.sent
        if marker.lower_ not in c.complementizers or not c.attributive or self.quote_around(marker.idx) is not None:
            return None
        before = previous_word(marker)
        before = previous_word(before) if before is not None and before.text == "," else before
        if before is None or before.i < sent.start or not (before.pos_ in ("NOUN", "PROPN", "ADJ") or before.text in QUOTE_MARKS):
            return None
        verb = next((t for t in self.doc[marker.i + 2:min(marker.i + 12, sent.end)] if previous_word(t).pos_ != "DET"
                     and any(form in c.attributive for form in verb_forms(t))), None)
        if verb is None:
            return None
        subject_words = [t for t in self.doc[marker.i + 1:verb.i] if t.lemma_.lower() not in c.auxiliaries and t.lower_ not in c.restrictive]
        if not subject_words or any(t.is_punct or t.pos_ == "VERB" for t in subject_words) \
                or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in subject_words):
            return None
        first = next_word(verb, sent, skip_punct=False)
        while first is not None and first.pos_ == "ADV" and first.lower_ not in c.complementizers:
            first = next_word(first, sent, skip_punct=False)
        opening = first is not None and self.quote_starting_at(first.idx) is not None
        if first is None or not (first.pos_ == "ADJ" or opening or first.lower_ in c.attribute_markers
                                 or first.pos_ == "VERB" and "Part" in first.morph.get("VerbForm")):
            return None
        after = next_word(first, sent)
        if not opening and after is not None and (after.lower_ in c.complementizers or after.lower_ in INFINITIVE_MARKS
                                                  and first.pos_ == "ADJ" and next_word(after, sent) is not None
                                                  and "Inf" in next_word(after, sent).morph.get("VerbForm")):
            return None  # "qu'il juge utile de revoir": the infinitive, not the antecedent, is what is judged
        last = first
        for token in self.doc[first.i:sent.end]:
            if self.quote_around(token.idx) is None and (token.text in (",", ";", ":", ".", "?", "!") or token.pos_ == "CCONJ"):
                break
            last = token
        antecedent = before
        while antecedent.i - 1 >= max(sent.start, before.i - 10):
            # back over determiners, adjectives and quotation marks, and over a noun only before one of them or a "de"
            # link ("un vote du conseil municipal"), not a verb the tagger read as a noun or an adjective ("X critique la
            # réforme")
            previous = self.doc[antecedent.i - 1]
            linked = antecedent.pos_ == "ADJ" or antecedent.lower_ in c.noun_authors or antecedent.text in QUOTE_MARKS
            if antecedent.pos_ == "DET" and previous.lower_ not in c.noun_authors or not (
                    previous.pos_ in ("DET", "ADJ", "NUM") or previous.lower_ in c.noun_authors or previous.text in QUOTE_MARKS
                    or previous.pos_ in ("NOUN", "PROPN") and linked):
                break  # a determiner opens the phrase, unless a "de" link joins it to the noun before
            antecedent = previous
        while antecedent.i < before.i and (antecedent.pos_ == "ADP" or antecedent.lower_ in c.noun_authors):
            antecedent = self.doc[antecedent.i + 1]
        heads = [t for t in subject_words if t.pos_ in ("NOUN", "PROPN", "PRON") and not marker.i < t.head.i < verb.i]
        return Relative(antecedent, marker, (heads or subject_words)[0], verb, last)

    def relative_of(self, verb: Token) -> Relative | None:
        """The attributive relative clause ``verb`` is the verb of, if any."""
        for marker in reversed(self.doc[max(verb.sent.start, verb.i - 11):verb.i]):
            if marker.lower_ in self.cues.complementizers:
                relative = self.attributive_relative(marker)
                return relative if relative is not None and relative.verb.i == verb.i else None
        return None

    def relative_end(self, target: Token, last: Token) -> Token:
        """Where the object of a verb of judgement ends, from ``target`` to ``last``, around an attributive relative clause
        on it: one whose subject is a pronoun is the same speaker's attribute on the object, part of the statement
        ("soutient le plan, qu'elle juge « nécessaire »"); one with a subject of its own is that subject's statement
        ("réclame un vote, que le maire juge inutile"), which the object ends before."""
        following = next_word(last, last.sent)
        for marker in self.doc[target.i + 1:(following.i if following is not None else last.i) + 1]:
            relative = self.attributive_relative(marker) if marker.lower_ in self.cues.complementizers else None
            if relative is None:
                continue
            if relative.subject.lower_ in self.cues.person_pronouns | self.cues.group_pronouns:
                return max(last, relative.last, key=lambda t: t.i)
            before = previous_word(marker)
            return previous_word(before) if before.text == "," else before
        return last

    def characterised(self, verb: Token, cue_last: Token) -> tuple[int, int] | None:
        """"X called Y “a disgrace”", "a qualifié le projet de « bricolage »": the object and a quotation inside the
        verb's reach, with the rest of the phrase the quotation closes in; with no quotation, the object and the
        charge laid against it ("accused the developer of downplaying the noise")."""
        sent = verb.sent
        reach = max([c.right_edge for c in verb.rights] or [verb], key=lambda t: t.i)
        quotes = [q for q in self.quotes if verb.idx < q.start < reach.idx + len(reach.text)]
        if cue_last.i + 1 >= sent.end:
            return None
        if not quotes:
            if self.cue_lemma(verb) in self.cues.prepositional_directives:
                return None  # "called the chief executive to give evidence": a summons, no charge
            # "accused the developer of downplaying the noise", "accuse le gouvernement de mentir": the object and the
            # gerund or infinitive charged against it, the gerund right after the preposition whatever the tagger
            # made of it ("of betraying renters" read as a noun, "of misleading parliament" as an adjective)
            objects = [c for c in verb.rights if c.dep_ in ("obj", "dobj")] or misread_object(verb)
            preps = [p for c in (verb, *objects) for p in c.rights if p.dep_ == "prep" and p.i + 1 < sent.end] if objects else []
            gerund = next((p for p in preps if any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children)
                           or p.nbor(1).is_alpha and p.nbor(1).lower_.endswith("ing")), None)
            charge = max(gerund.right_edge, gerund.nbor(1).right_edge, key=lambda t: t.i) if gerund is not None else next(
                (c.right_edge for c in verb.rights if objects and c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm")), None)
            if charge is not None and not any(verb.rights):
                charge = clause_end(charge)  # a misread verb holds nothing: the rest of its clause ("... at a time when") is the charge's
            return self.content(self.doc[cue_last.i + 1], sentence_end(charge, sent)) if charge else None
        between = self.doc.char_span(verb.idx + len(verb.text), quotes[0].start, alignment_mode="contract")
        # "accused the firm of asking customers to save water “...”": a gerund of the charge whose words are not the
        # quotation is no nearer cue
        if between is not None and any(self.cue_lemma(t) in self.cues.speech | self.cues.characterising
                                       and not (t.dep_ == "pcomp" and t.i + 1 < between.end and not between[t.i + 1 - between.start].is_punct)
                                       for t in between):
            return None  # "a critiqué X, affirmant que « ... »", "condemned X, calling it “...”": the nearer cue's
        closing = self.doc.char_span(quotes[0].end - 1, quotes[0].end, alignment_mode="expand")
        if closing is None:
            return None
        last = closing[-1]
        for later in quotes[1:]:  # "ont exprimé leur « colère » et leur « sentiment d'abandon »": coordinated quotations
            between = self.doc.char_span(last.idx + len(last.text), later.start, alignment_mode="contract")
            ending = self.doc.char_span(later.end - 1, later.end, alignment_mode="expand")
            if between is None or ending is None or not any(t.pos_ == "CCONJ" for t in between) \
                    or not all(t.pos_ in ("CCONJ", "DET") for t in between):
                break
            last = ending[-1]
        if last.i + 1 < sent.end and self.doc[last.i + 1].lower_ in self.cues.noun_authors:
            # "a fustigé « l'immobilisme » des années passées": the quoted noun's complement goes with it
            for token in self.doc[last.i + 1:sent.end]:
                if token.is_punct or token.pos_ in ("CCONJ", "VERB", "AUX"):
                    break
                last = token
        first = self.lead_in(cue_last, quotes[0])
        if (relative := relative_after(last, self.cues)) is not None:
            return self.content(first, relative)
        after = next_word(last, sent, skip_punct=False)
        condition = next_word(after, sent) if after is not None and after.text == "," else None
        if condition is not None and condition.lower_ in self.cues.conditions:
            # "welcomed “a clearer system”, provided firms could still hire": the condition goes with what was said
            return self.content(first, sentence_end(sent[-1], sent))
        if after is not None and after.pos_ == "VERB" and {"Part", "Past"} <= set(after.morph.get("VerbForm") + after.morph.get("Tense")) \
                and after.head.i in (verb.i, *(t.i for t in self.doc[cue_last.i + 1:last.i])):
            # "dénonce « un signal désastreux » envoyé au moment où ...": a participle on the quoted object goes with it
            return self.content(first, sentence_end(after.right_edge, sent))
        inner = self.doc.char_span(*quotes[0].inner, alignment_mode="contract")
        attribute = inner is not None and any(t.pos_ == "ADJ" for t in inner) and all(t.pos_ in ("ADJ", "ADV", "PUNCT") for t in inner)
        if after is not None and not after.is_punct and after.pos_ != "CCONJ" and self.cue_lemma(verb) in self.cues.judgement \
                and not attribute:
            return None  # "juge la « pause numérique » difficile à appliquer": a quoted term inside what is judged, not
            # the quoted judgement itself ("juge le texte « incohérent » avec ...")
        if (completed := self.completion(last)) is not None:
            last = completed  # "parle d'un « coup de grâce » pour les éleveurs": whom or what it is for
        elif after is not None and not after.is_punct and after.pos_ != "CCONJ":
            # "called it “a disgrace” to close the ward", "praised her “steady” leadership": the quotation closes
            # inside a phrase on the verb, which goes on to its end or to a second cue ("“unfit,” adding that ...",
            # "... and called on ..."); not when the phrase tells when or how it was said ("on Tuesday", "many times",
            # "face aux critiques", "en découvrant le tracé")
            phrase = next((c for c in verb.rights
                           if c.dep_ not in ADJUNCT_DEPS and c.left_edge.i <= after.i <= c.right_edge.i), None)
            when = phrase is None or any(t.ent_type_ in ("DATE", "TIME") for t in (phrase, *phrase.children))
            end = phrase.right_edge if not when else last
            for token in self.doc[last.i + 1:end.i + 1]:
                subject = any(c.dep_.startswith("nsubj") and c.tag_ not in ("WDT", "WP") for c in token.children)
                if self.is_verb_cue(token) and (token.i == after.i or subject or previous_word(token).pos_ == "CCONJ"
                                                or previous_word(token).text == ","):
                    # a cue of its own ("as she promised ..."), not one inside the phrase ("patients who asked")
                    end = self.doc[min(token.left_edge.i, token.i) - 1]
                    break
            while end.i > last.i and (end.pos_ == "CCONJ" or end.is_punct or end.is_space):
                end = self.doc[end.i - 1]
            last = sentence_end(end, sent) if end.i > last.i else last
        return self.content(first, self.sequel_end(last))

    def quoted_attribute(self, last: Token) -> Token:
        """"défend une réforme « pensée pour les enfants »", "defended a levy “fair and overdue”": a quotation right
        after the judged object that opens on a lower-case word (an adjective, a participle: no sentence of its own) says
        what the speaker holds it to be, and ends what was said (the parse may hang it elsewhere); ``last`` otherwise."""
        end = last.idx + len(last.text)
        k = bisect.bisect_left(self.quote_starts, end)
        quote = self.quotes[k] if k < len(self.quotes) else None
        if quote is None or not quote.closed or self.text[end:quote.start].strip() or quote.end > last.sent.end_char:
            return last
        inner = self.doc.char_span(*quote.inner, alignment_mode="contract")
        if inner is None or not inner[0].text.islower() or inner[0].is_punct:
            return last
        return self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")[-1]

    def sequel_end(self, last: Token) -> Token:
        """Where a judged object ends once what the sentence adds to it is taken: an unquoted clause after a colon
        that spells it out ("propose une solution : un affichage à l'entrée"), a concession or condition set off by a
        comma ("salue un « signal fort », même si ..."), a participle set off on it ("dénonce une « justice
        automatique », rendue par un agent ..."); up to a cue of its own ("..., jugeant que ..."). ``last`` when the
        sentence adds none of these (a quotation after the colon is a statement of its own)."""
        sent = last.sent
        mark = next_word(last, sent, skip_punct=False)
        opener = next_word(mark, sent) if mark is not None and mark.text in (",", ":") else None
        participle = mark is not None and mark.text == "," and opener is not None and opener.pos_ in ("VERB", "ADJ") \
            and {"Part", "Past"} <= set(opener.morph.get("VerbForm") + opener.morph.get("Tense"))
        if opener is None or opener.text in QUOTE_MARKS or self.is_verb_cue(opener) and not participle \
                or self.opens_attribution(opener):
            return last  # "..., estimant que ...", ": selon lui, ...": a cue of its own; not "une réforme, écrite sans eux"
        if not (mark.text == ":" or opener.lower_ in self.cues.conditions or participle):
            return last
        end = sent[-1]
        for token in self.doc[opener.i + 1:sent.end]:
            if self.is_verb_cue(token) and (previous_word(token).text == "," or previous_word(token).pos_ == "CCONJ"
                                            or any(c.dep_.startswith("nsubj") for c in token.children)):
                end = self.doc[token.left_edge.i - 1] if token.left_edge.i > opener.i else previous_word(token)
                break
        while end.i > last.i and (end.pos_ == "CCONJ" or end.is_punct or end.is_space):
            end = self.doc[end.i - 1]
        return sentence_end(end, sent) if end.i > last.i else last

    def opens_attribution(self, token: Token) -> bool:
        """Whether an "according to" phrase opens at ``token`` (« selon lui », « d'après l'Insee »)."""
        words = tuple(t.lower_ for t in self.doc[token.i:token.i + 4])
        return any(words[:len(phrase)] == phrase for phrase in self.cues.according_to)

    def lead_in(self, cue_last: Token, quote: Quote) -> Token:
        """Where the content of a cue opens: the quotation, past an adverbial set between them ("salue au contraire
        « ... »", "dénonce pour sa part « ... »", "réclame quant à elle « ... »"), which is the writer's link, not
        the speaker's words; else the word after the cue. Not past a determiner ("une « provocation »"), an object
        ("calling it “...”") or a negation."""
        first = self.doc[cue_last.i + 1]
        opening = self.doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
        if opening is None or not 0 < opening.start - first.i <= 4:
            return first
        between = self.doc[first.i:opening.start]
        linking = all(aside(t) or (t.pos_ in ("ADV", "ADP") and t.lower_ not in self.cues.negations)
                      or (t.pos_ in ("NOUN", "ADJ", "PRON") and t.i > first.i and t.nbor(-1).pos_ == "ADP") for t in between)
        return opening[0] if linking and between[-1].pos_ != "ADP" else first

    def judged(self, verb: Token, cue_last: Token) -> tuple[int, int] | None:
        """"X dénonce une décision prise sans concertation", "X plaide pour une régulation": what a verb of
        judgement takes as its object (or its prepositional complement) is what the speaker said of it.
        Not in a relative clause ("X, qui réclamait un référendum, ..."): that describes the speaker; nor a
        bare name ("dénonce Meta"): that is whom it is about."""
        if verb.dep_ in ("relcl", "acl:relcl") and not self.closing_relative(verb) or any(c.pos_ == "VERB" and self.is_verb_cue(c) and not bare_participle(c)
                                                       and self.parallel(c) is None and not self.own_subject(c)
                                                       and not self.coordinated(c) and self.relative_of(c) is None
                                                       for c in verb.rights):
            return None  # "a critiqué X, affirmant que ...": the participle says what; X is whom it is about
        comma = previous_word(cue_extent(verb)[0])
        if comma is not None and comma.text == "," and self.clause_before(comma) and not self.closes_subject_aside(comma) \
                and not any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children):
            return None  # "La centrale fermera, a estimé lundi la ministre": a postposed cue, its inverted subject parsed as its object
        if verb.lang_ == "en" and (not reported_act(verb) or self.said_act(verb)):
            return None  # "would support", "to oppose", "supporting X": a wish, a plan or a description, no act done
        if "Inf" in verb.morph.get("VerbForm") and next((t for t in reversed(verb.sent) if not t.is_space), verb).text == "?":
            return None  # "Faut-il craindre une hausse des loyers ?": the writer's question, no one's judgement
        if any(c.dep_ in ("obj", "dobj") and c.pos_ == "PRON" and c.i < verb.i for c in verb.children):
            return None  # "X l'a défendue avec vigueur": what is judged is the clitic's antecedent, not the phrase after
        if (position := self.clitic_position(verb, cue_last)) is not None:
            return position
        if (stressed := self.stressed_aside(cue_last)) is not None:
            return self.content(stressed, sentence_end(verb.sent[-1], verb.sent))  # "réclame, elle, une hausse"
        k = bisect.bisect_right(self.quote_starts, cue_last.idx)
        quote = self.quotes[k] if k < len(self.quotes) and self.quotes[k].closed and self.quotes[k].end <= verb.sent.end_char else None
        first = self.lead_in(cue_last, quote) if quote is not None else None
        # "L'Ordre des X juge la réforme « ... »": the parse may read the verb as a noun's modifier and its object as a
        # complement with no preposition
        objects = [c for c in verb.rights if (c.dep_ in OBJECT_DEPS or infinitive_object(c) or bare_complement(c)) and c.i > cue_last.i
                   and (c.pos_ in ("NOUN", "PROPN", "PRON", "VERB") or quantity_object(c))]
        # "salue au contraire « une décision sage », tout en ...": the quotation, whatever the parse made the adverbial;
        # or a quotation right after the cue that the parse hung elsewhere (it gave the verb no object)
        if first is not None and (first.i > cue_last.i + 1 or not objects and first.text in QUOTE_MARKS):
            return self.content(first, self.doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")[-1])
        direct = [c for c in objects if c.dep_ in ("obj", "dobj")]
        target = (direct or objects or [None])[0]
        if target is None or target.pos_ in ("PRON", "PROPN") and target.left_edge.i == target.i \
                or any(t.i in self.used_cues for t in self.doc[target.i:target.right_edge.i + 2]):
            return None  # "rejette l'idée selon laquelle ...": the nearer cue reports the content
        if verb.lang_ == "en" and target.ent_type_ == "PERSON":
            return None  # "backed Helen Marsh in the primary": a vote for a person, no judgement said
        # "s'interroge sur X, notamment dans Y, où ...": what the verb's later phrases set off by a comma add goes with it
        # "a justifié la mesure par le coût", "évalue le coût à deux milliards": a reason or a figure set right after
        # the object goes with it
        joined = self.cues.reason_prepositions | self.cues.measure_prepositions
        # a commitment's terms and date go with it ("a promis une décision avant la fin de l'année")
        terms = (self.cue_lemma(verb) or verb.lemma_.lower()) in self.cues.commitments
        # not a clause of the writer's set beside it ("..., tandis que l'Union des familles juge ...")
        tail = [c.right_edge for c in verb.rights if c.i > target.i and c.dep_ in ("obl:mod", "obl:arg", "obl", "obl:agent", "ccomp", "advmod")
                and (self.doc[c.left_edge.i - 1].text == "," and c.dep_ not in ("obl:arg", "obl:agent")
                     or c.left_edge.i == target.right_edge.i + 1 and (c.left_edge.lower_ in joined or terms and c.dep_ != "ccomp"
                                                                      or self.completes(c)))
                and not (c.left_edge.i + 1 < len(self.doc) and self.doc[c.left_edge.i + 1].lower_ in self.cues.complementizers)]
        tail += [c.right_edge for c in verb.rights if self.purpose(c, target.right_edge)]
        last = max([target.right_edge, *tail], key=lambda t: t.i)
        attributed = self.attribute_end(verb, target.right_edge, last)
        # "trouve le dispositif trop complexe": the attribute, which the parse may hang on a definite object (not "a
        # trouvé une voiture noire", a description); "a trouvé un accord" sets none and judges nothing
        if attributed.i == last.i and (self.cue_lemma(verb) or verb.lemma_.lower()) in self.cues.small_clause \
                and not (definite(target) and any(c.pos_ == "ADJ" and c.dep_ == "amod" and c.i > target.i for c in target.children)):
            return None
        last = self.quoted_attribute(attributed)
        last = self.relative_end(target, last)
        # "a soutenu la prolongation tout en annonçant une réforme": the gerund is a statement of its own
        last = next((previous_word(start) for t in self.doc[target.i:last.i + 1]
                     if (start := self.parallel(t)) is not None and self.is_verb_cue(t)), last)
        # "chiffre à 40 % la part des ménages", "estime à deux milliards le coût": the figure set before the object
        figure = next((c for c in verb.rights if c.i < target.i and c.left_edge.i == cue_last.i + 1
                       and c.left_edge.lower_ in self.cues.measure_prepositions and c.right_edge.i < target.left_edge.i), None)
        return self.content((figure or target).left_edge, sentence_end(self.sequel_end(last), verb.sent))

    def clitic_position(self, verb: Token, cue_last: Token) -> tuple[int, int] | None:
        """"La fédération s'y oppose", "Le syndicat s'en félicite fermement": a verb of judgement whose complement is a
        clitic standing for what was just named, with nothing after it but adverbs, takes a position on it; the words
        of the position are the clitics, the verb and its adverbs ("s'y oppose fermement"). None otherwise."""
        first = cue_extent(verb)[0]
        if not any(c.i < verb.i and c.pos_ == "PRON" and c.lower_ in self.cues.clitic_complements for c in verb.children) \
                and first.lower_ not in self.cues.clitic_complements:
            return None
        last = cue_last
        while (following := next_word(last, verb.sent, skip_punct=False)) is not None and following.pos_ == "ADV" \
                and following.lower_ not in self.cues.complementizers | CIRCUMSTANCES:
            last = following
        if following is not None and not following.is_punct and following.pos_ != "CCONJ" and following.lower_ not in CIRCUMSTANCES:
            return None  # "en appelle à la raison", "s'en prend à X": a complement after it (not "lors du conseil")
        before = previous_word(first)
        return self.content(before if before is not None and before.lower_ in self.cues.restrictive else first, last)

    def completes(self, phrase: Token) -> bool:
        """Whether a prepositional phrase the parse hung on the verb, right after its object, completes what is judged
        ("dénonce une atteinte au droit de propriété", "« un coup dur » pour les éleveurs", "justifie son refus par le
        manque de moyens"; its noun may be read as an adjective, "pour les petites fermes"): not the setting of the
        words, a name ("sur France Inter"), a date, a document or a venue ("au micro de X", "dans un communiqué")."""
        c = self.cues
        return phrase.pos_ in ("NOUN", "ADJ") and phrase.left_edge.lower_ in c.object_prepositions and not phrase.ent_type_ \
            and phrase.lemma_.lower() not in c.documents | c.own_documents | c.venues | TIMES_OF_DAY \
            and phrase.lower_ not in c.venues | TIMES_OF_DAY

    def completion(self, last: Token) -> Token | None:
        """The end of a phrase right after ``last`` that completes what was judged: whom or what it is for ("« un coup de
        grâce » pour les éleveurs", "s'est dit « favorable » à une adoption rapide") or an infinitive of purpose."""
        after = next_word(last, last.sent, skip_punct=False)
        if after is not None and (after.dep_ == "case" and after.head.left_edge.i == after.i and self.completes(after.head)
                                  or self.purpose(after.head, last)):
            return after.head.right_edge
        return None

    def purpose(self, phrase: Token, last: Token) -> bool:
        """Whether ``phrase`` is an infinitive of purpose right after ``last`` ("annonce un amendement pour exclure ...",
        "juge la fermeture « nécessaire » afin de protéger ..."): what the judged object is for, part of what was said."""
        return phrase.pos_ == "VERB" and "Inf" in phrase.morph.get("VerbForm") and phrase.left_edge.i == last.i + 1 \
            and phrase.left_edge.lower_ in self.cues.purpose_markers

    def attribute_end(self, verb: Token, object_end: Token, last: Token) -> Token:
        """"juge le calendrier « intenable » pour les artisans": an adjective the verb sets on its object is what is
        said of it, with the phrases right after it; ``last`` when the verb sets none."""
        # right after the object or its opening quotation mark, not after a comma ("dénonce X, critique Y": a list of verbs)
        # an adjective, or a participle read as a verb ("salue un texte « enfin adapté » aux réalités")
        attribute = next((c for c in verb.rights if (c.pos_ == "ADJ" and c.dep_ in ("amod", "xcomp", "acl")
                                                     or c.pos_ == "VERB" and c.dep_ in ("advcl", "acl", "xcomp")
                                                     and {"Part", "Past"} <= set(c.morph.get("VerbForm") + c.morph.get("Tense")))
                          and 0 < c.left_edge.i - object_end.i <= 2
                          and all(t.text in QUOTE_MARKS for t in self.doc[object_end.i + 1:c.left_edge.i])), None)
        if attribute is None or attribute.right_edge.i <= last.i:
            return last
        end = attribute.right_edge
        if end.i + 1 < len(self.doc) and self.doc[end.i + 1].text in QUOTE_MARKS and self.doc[end.i + 1].head.i == verb.i:
            end = self.doc[end.i + 1]  # the closing mark of « intenable », which the parse hung on the verb
        for token in verb.rights:
            if token.i > end.i and (token.left_edge.i == end.i + 1 and token.dep_ in ("obl", "obl:mod", "obl:arg")
                                    or self.purpose(token, end)):
                end = token.right_edge
        return end

    def own_subject(self, verb: Token) -> bool:
        """Whether ``verb`` heads a clause with a subject of its own set after a comma ("réclame X, quand la CFDT
        demande Y"): another speaker's statement, not what the verb before it reports."""
        comma = previous_word(verb.left_edge)
        return comma is not None and comma.text == "," and any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children)

    def said_act(self, verb: Token) -> bool:
        """"Murphy said he supports the final bill", "X said she would like ... but supports his candidacy": an act in
        the clause a cue reports (other than an act's), or coordinated with no subject of its own after a verb of
        saying, is part of that cue's statement; one after another act ("welcomed the plan and backed ...") or with
        its own subject ("X wrote to ..., but Y supported the effort") is not."""
        clause = verb
        while clause.dep_ == "conj" and clause.head.i < clause.i:
            clause = clause.head
        if clause is not verb and self.cue_lemma(clause) in self.cues.speech \
                and not any(c.dep_.startswith("nsubj") for c in verb.children):
            return True
        return clause.dep_ in ("ccomp", "xcomp") and (lemma := self.cue_lemma(clause.head)) is not None \
            and lemma not in self.cues.judgement

    def coordinated(self, verb: Token) -> bool:
        """Whether ``verb`` is a cue joined to the one before by a conjunction ("salue le principe mais juge le
        calendrier « intenable »", "welcomed the aim of the plan but said ..."): a statement of its own, which leaves
        the object before it to the first cue. The conjunction hangs on the second verb, or (English parse) on the first."""
        return verb.dep_ == "conj" and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i
                                           for c in (*verb.children, *verb.head.children))

    def closing_relative(self, verb: Token) -> bool:
        """"..., estime X, responsable de Y, qui plaide pour Z.": a relative clause in the present that closes a
        sentence holding a cue already, after a comma, says what the speaker argues too; not one between a subject
        and its verb ("X, qui réclamait un référendum, ..."), nor one on a name in the writer's own sentence ("Ce
        n'est pas le cas de X, qui n'exige aucune vérification")."""
        end = verb.right_edge.i + 1
        comma = previous_word(verb.left_edge)
        return "Pres" in verb.morph.get("Tense") and comma is not None and comma.text == "," \
            and any(i in self.used_cues for i in range(verb.sent.start, comma.i)) \
            and all(t.is_punct or t.is_space for t in self.doc[end:verb.sent.end])  # the paragraph break after the stop too

    def clause_before(self, comma: Token) -> bool:
        """Whether a clause of its own (a subject and its predicate, not a relative clause) stands before ``comma``."""
        return any(t.dep_.startswith("nsubj") and t.head.i < comma.i
                   and t.head.dep_ not in ("relcl", "acl:relcl") and t.lower_ not in self.cues.relative_pronouns
                   for t in self.doc[comma.sent.start:comma.i])

    def gerund(self, verb: Token) -> bool:
        """Whether ``verb`` is a present participle after a gerund marker (« en annonçant », « tout en demandant »)."""
        before = previous_word(verb)
        return present_participle(verb) and before is not None and before.lower_ in self.cues.gerund_markers

    def parallel(self, verb: Token) -> Token | None:
        """The first word of a gerund set beside the main verb (« tout » in « tout en annonçant »), whose content is a
        statement of its own; None when ``verb`` is no such gerund."""
        marker = previous_word(verb) if self.gerund(verb) else None
        before = previous_word(marker) if marker is not None else None
        return before if before is not None and before.lower_ in self.cues.parallel_markers else None

    def stressed_aside(self, cue_last: Token) -> Token | None:
        """"La CFDT réclame, elle, une hausse": the first word after a stressed pronoun set off by commas right
        after the cue, which the parse may take for its object; None when there is no such aside."""
        sent = cue_last.sent
        comma = next_word(cue_last, sent, skip_punct=False)
        pronoun = next_word(comma, sent) if comma is not None and comma.text == "," else None
        closing = next_word(pronoun, sent, skip_punct=False) if pronoun is not None and pronoun.pos_ == "PRON" \
            and pronoun.lower_ in self.cues.person_pronouns | self.cues.group_pronouns else None
        return next_word(closing, sent) if closing is not None and closing.text == "," else None


def misread_object(verb: Token) -> list[Token]:
    """"X accused ministers of ...", parsed as "accused ministers" (an adjective): a verb the parse hung on the noun
    right after it as a modifier, with a subject of its own, or (after an aside or a name: "Cycling UK, the charity,
    accused ministers of chasing ...") with that noun's "of" and a gerund, the charge; that noun is its object. Not
    a modifier after a determiner or an adverb ("the wrongly accused ministers of the old regime")."""
    if verb.dep_ != "amod" or verb.head.i != verb.i + 1 or verb.head.pos_ != "NOUN":
        return []
    charged = verb.tag_ == "VBN" and verb.i > verb.sent.start and verb.nbor(-1).pos_ in ("PUNCT", "NOUN", "PROPN") \
        and any(p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children)
                for p in verb.head.rights)
    return [verb.head] if charged or any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) else []


def clause_end(token: Token) -> Token:
    """The last word of the clause ``token`` is in: before a semicolon, a colon, or "and"/"but" opening another verb."""
    sent, last = token.sent, token
    for t in token.doc[token.i + 1:token.sent.end]:
        if t.text in (";", ":") or t.pos_ == "CCONJ" and t.i + 1 < sent.end and t.nbor(1).pos_ in ("VERB", "AUX"):
            break
        last = t
    return last
