"""Token helpers shared by the cue rules and speaker resolution: neighbours, cue extents, clauses (speakers' noun
phrases are in ``phrases``)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.quotes import QUOTE_MARKS

CLAUSE_DEPS = {"relcl", "acl:relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "csubj"}
"""Dependents that are not part of a speaker's noun phrase."""
NOUN_PHRASE_DEPS = {"flat", "flat:name", "compound", "nmod", "appos", "fixed", "amod", "nummod", "det", "case", "poss"}
DAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})
"""The French days, which news sets between a cue and its inverted subject ("a indiqué mardi Matignon")."""
TIMES_OF_DAY = DAYS | {"matin", "matinée", "midi", "après-midi", "soir", "soirée", "nuit", "journée", "week-end", "veille",
                       "lendemain"}
"""Nouns of a time phrase set between a cue and its inverted subject ("a indiqué dans la soirée la préfecture")."""
ASIDE_DEPS = {"prep", "advmod", "npadvmod", "obl", "obl:mod", "nmod"}
"""How a phrase set off by commas between a subject and its verb hangs on the verb ("X, on Monday, said")."""



def char_range(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)


def verb_forms(token: Token) -> list[str]:
    """The lemma, then infinitives a mis-lemmatised form may stand for ("estime" → "estimer", "notes" → "note")."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower, lower + "r", lower.removesuffix("s")]
    k = lower.rfind("è")
    if k >= 0:
        forms.append(lower[:k] + "é" + lower[k + 1:] + "r")  # "inquiète" → "inquiéter", "répète" → "répéter"
    if lower.endswith(("elle", "ette")):
        forms.append(lower[:-3] + "er")  # "rappelle" → "rappeler", "jette" → "jeter"
    participle = next((suffix for suffix in ("ées", "és", "ée", "é") if lower.endswith(suffix)), None)
    if participle:
        forms.append(lower[:-len(participle)] + "er")  # "tweeté" → "tweeter"
    return forms


def bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary (nor one a few words before it: "a de son côté appelé") is
    passive or adjectival ("Critiquée pour", "Asked about"), and so is one coordinated with such a participle."""
    past_participle = verb.tag_ == "VBN" or ("Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
                                             and not _present_of_er_verb(verb)) \
        or (verb.tag_ == "VBD" and verb.dep_ == "advcl" and verb.is_sent_start)  # "Asked whether ..., X said", tagged a past
    auxiliary = any(t.pos_ == "AUX" for t in verb.doc[max(verb.sent.start, verb.i - 5):verb.i])
    # ", interrogé, affirme": a participle set off by commas is an aside, whatever relation the parse gave it
    aside = 0 < verb.i < len(verb.doc) - 1 and verb.nbor(-1).text == "," and verb.nbor(1).text == ","
    modifier = verb.dep_ in ("acl", "advcl", "amod") or verb.i == verb.sent.start or aside
    # "Courted by donors and widely expected to ...": coordinated with a bare participle, whatever its tag
    coordinated = verb.dep_ == "conj" and verb.head.i < verb.i and verb.tag_ in ("VBN", "VBD", "VERB") and bare_participle(verb.head)
    return (past_participle and modifier and not auxiliary or coordinated) and not any(child.dep_.startswith("nsubj") for child in verb.children)


def _present_of_er_verb(verb: Token) -> bool:
    """"X, qui milite pour ..., salue une avancée": a French verb in -er whose form is not a participle's (those end
    in -é, -ée, -és, -ées), which the tagger read as one after a relative clause."""
    lemma = verb.lemma_.lower()
    return verb.lang_ == "fr" and lemma.endswith("er") and not verb.lower_.endswith(("é", "ée", "és", "ées"))


def modifies(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs on ``head`` through nominal modifiers only ("service" in "the head of the service")."""
    for _ in range(6):
        if token.i == head.i:
            return True
        if token.dep_ not in ("nmod", "pobj", "prep", "compound", "case", "amod", "poss", "nmod:poss") or token.head.i == token.i:
            return False
        token = token.head
    return False


def capitalised_noun(token: Token) -> bool:
    """A common noun written with a capital inside a sentence: part of a name ("the Home Office", "the Campaign to
    Protect Rural England")."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start \
        and (any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in token.children) or bool(purpose_in_name(token))) or (
        token.pos_ == "NOUN" and token.dep_ == "compound" and token.text[:1].isupper() and not token.is_sent_start)


def purpose_in_name(head: Token) -> list[Token]:
    """"(the Campaign) to Protect Rural England", "Coalition to End Child Poverty": "to" right after a capitalised
    English noun, then a verb and its object all in capitals (two words or more, the first no name the NER read: not
    "the Trust to Parliament"), then a word in lower case (not a headline in capitals), is the body's name; the parse
    hangs those words as a purpose or a preposition."""
    doc = head.doc
    if head.lang_ != "en" or head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "to" or "\n" in head.whitespace_:
        return []
    end = head.i + 2
    while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper() and "\n" not in doc[end - 1].whitespace_:
        end += 1
    words = list(doc[head.i + 1:end])
    prose = end < len(doc) and not doc[end].text[:1].isupper()
    return words if len(words) >= 3 and prose and head.text[:1].isupper() and not doc[head.i + 2].ent_type_ else []


def present_participle(verb: Token) -> bool:
    return verb.tag_ == "VBG" or ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"))


def restrictive_negation(verb: Token, cues: Cues) -> bool:
    """"n'a recensé que dix plaintes": "ne ... que" means "only", and the que opens no clause."""
    words = {child.lower_ for child in verb.children}
    return bool(words & cues.restrictive) and not words & cues.negations


def withheld(verb: Token, cues: Cues) -> bool:
    """"X did not say whether", "X declined to say how many jobs would go": a verb of saying that is negated, or
    the infinitive of a verb of refusal, reports what was not said. A negated belief ("X does not think") is still
    a view."""
    lemma = verb.lemma_.lower()
    if lemma not in cues.speech or lemma in cues.belief:
        return False
    # the negation among the verb's auxiliaries, not one the parse hangs on it from the quotation before ("“Probably not,” X said")
    return any(child.dep_ == "neg" and child.i < verb.i and all(t.pos_ in ("AUX", "PART", "ADV") for t in verb.doc[child.i:verb.i])
               for child in verb.children) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.withholding)


def impersonal_judgement(verb: Token, cues: Cues) -> bool:
    """"It is fair to say that ...", "it seems safe to argue ...", "it is worth noting": a verb of saying in the infinitive
    after an adjective whose subject is an impersonal pronoun is the writer's own judgement, nobody's statement."""
    head = verb.head
    return verb.dep_ == "xcomp" and any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in head.children) \
        and any(c.dep_.startswith(("nsubj", "expl")) and c.lower_ in cues.impersonal_pronouns for c in head.children)


def misread_noun(verb: Token) -> bool:
    """"Bag charge to double": in a headline (a line with no closing stop), an English base form right after a
    singular subject, with no auxiliary, modal or "to" before it, is no finite verb but a noun the tagger read as one.
    In a sentence the same tag is the tagger's slip on a present ("advisers to Mr. Obama say")."""
    words = [t for t in verb.sent if not t.is_space]
    return verb.tag_ == "VB" and verb.i > 0 and verb.nbor(-1).dep_ == "nsubj" and verb.nbor(-1).head.i == verb.i \
        and verb.nbor(-1).tag_ in ("NN", "NNP") and not any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children) \
        and bool(words) and not (words[-1].is_punct and words[-1].text not in ("-", "–", "—"))


def hearsay_subject(verb: Token, cues: Cues) -> Token | None:
    """"X was quoted as saying", "X is understood to have told colleagues": the passive subject of a verb of hearsay
    that a verb of saying hangs on, who is that verb's speaker."""
    if verb.lemma_.lower() not in cues.hearsay or not any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass") and c.i < verb.i), None)


def cue_extent(verb: Token) -> tuple[Token, Token]:
    """First and last token of the cue words: auxiliaries, inverted clitic subject, a reflexive clitic
    ("s'est réjoui"), the verb, its particle."""
    first = last = verb
    for child in verb.children:
        reflexive = "Yes" in child.morph.get("Reflex") and (child.dep_.startswith("expl") or child.pos_ == "PRON")
        if (child.dep_.startswith("aux") or reflexive) and child.i < verb.i and verb.i - child.i <= 4:
            first = min(first, child, key=lambda t: t.i)
        if child.dep_ in ("prt", "compound:prt") and child.i > verb.i:
            last = max(last, child, key=lambda t: t.i)
    clitic = verb.doc[first.i - 1] if first.i > 0 else None
    if clitic is not None and clitic.pos_ == "PRON" and clitic.head.i == verb.i and not clitic.dep_.startswith("nsubj") \
            and clitic.lower_ in ("y", "en", "lui", "leur"):
        first = clitic  # "y assure la Commission", "lui a répondu X"
    elif clitic is not None and first.i == verb.i and "Yes" in clitic.morph.get("Reflex"):
        first = clitic  # "s'indigne X" with the clitic hung elsewhere by the parse
    return first, last


def aside(token: Token) -> bool:
    """Whether ``token`` is part of a short aside on the speaker's part ("de son côté", "pour sa part",
    "à son tour"): a preposition, a possessive determiner and a noun."""
    doc = token.doc
    for start in range(token.i - 2, token.i + 1):
        words = doc[max(start, 0):start + 3] if start >= 0 else []
        if len(words) == 3 and words[0].pos_ == "ADP" and "Yes" in words[1].morph.get("Poss") and words[2].pos_ == "NOUN":
            return True
    return False


def previous_word(token: Token) -> Token | None:
    """The token before ``token``, past white space."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def after_question(token: Token) -> bool:
    """Whether ``token`` follows a question or an exclamation closed right before it, or before a comma ("Qui paiera ?
    interroge X", "Comment la ville paiera-t-elle ?, demande X")."""
    before = previous_word(token)
    before = previous_word(before) if before is not None and before.text == "," else before
    return before is not None and before.text in ("?", "!")


def next_word(token: Token, sent: Span, *, skip_punct: bool = True) -> Token | None:
    """The next token of the sentence, past white space (and commas and colons, with ``skip_punct``)."""
    for candidate in token.doc[token.i + 1:max(sent.end, token.i + 1)]:
        if not candidate.is_space and not (skip_punct and candidate.text in (",", ":")):
            return candidate
    return None


def role_end(role: Token, sent: Span) -> Token | None:
    """The word after a role set off after a name ("X, expert auprès de la cour d'appel, ..."): the comma closing it
    when only words of a noun phrase come before it, since the parse may end the role early ("auprès" hung on the
    sentence); else the word after the role's phrase."""
    for token in role.doc[role.right_edge.i + 1:min(sent.end, role.i + 12)]:
        if token.text == ",":
            return token
        if token.pos_ in ("VERB", "AUX") or token.text in (":", ";") or token.is_quote:
            break
    return next_word(role.right_edge, sent, skip_punct=False)


def cut_in_word(token: Token) -> bool:
    """Whether a hyphen glued to ``token`` and to the word after it follows it ("centres-villes"): a phrase the parse
    ends at ``token`` goes on past it."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
        and not doc[token.i + 1].whitespace_ and doc[token.i + 2].is_alpha


def subject_verb(token: Token) -> Token:
    """The verb whose subject ``token`` (or the noun it determines) is, after it ("et l'association X salue ...":
    "salue"); else ``token``."""
    noun = token.head if token.dep_ == "det" else token
    return noun.head if noun.dep_.startswith("nsubj") and noun.head.i > noun.i else token


def sentence_end(token: Token, sent: Span) -> Token:
    """``token``, or the sentence's final punctuation when only punctuation follows it."""
    rest = sent.doc[token.i + 1:sent.end]
    if all(t.is_punct or t.is_space for t in rest):
        for t in reversed(rest):
            if not t.is_space:
                return t
    return token


def separated(subject: Token, cue_first: Token) -> bool:
    """Whether a comma or quotation mark stands between a subject and its cue (the subject is then in the content);
    not the comma closing an aside on the subject ("Le collectif, qui réclamait un référendum, dénonce ...",
    "Le sociologue X, lui, salue ...", "Le sénateur X, à l'origine du texte, a déclaré ...")."""
    between = subject.doc[subject.right_edge.i + 1:cue_first.i]
    if len(between) == 3 and between[0].text == between[2].text == "," and between[1].pos_ == "PRON":
        return False  # the stressed pronoun set off by commas, parsed as a second subject ("La pédiatre X, elle, salue")
    edge = subject.right_edge  # the parse may hang the comma that opens the aside on the subject
    opened = subject.doc[edge.i:cue_first.i] if edge.text == "," and edge.i > subject.i else between
    aside = opened[1:-1]
    if len(opened) >= 3 and opened[0].text == opened[-1].text == "," and not any(t.is_punct for t in aside) \
            and all(t.head.i == subject.head.i and (t.dep_ in ASIDE_DEPS or _participle_aside(t))
                    for t in aside if not aside.start <= t.head.i < aside.end):
        # a phrase on the verb set off by commas ("The governor, at a press conference, said ...", "The Chamber, by
        # contrast, said"), or a participle's ("X, speaking in Leeds, said", "X, asked about the cap, said")
        return False
    while len(between) and between[-1].pos_ == "PRON" and between[-1].head.i == cue_first.i:
        between = between[:-1]  # the verb's own clitics ("l'assume", "s'inquiète", "Son président, X, l'a défendue")
    if [t.text for t in between] == [","] and any(
            (child.dep_ in CLAUSE_DEPS | {"appos"} or child.pos_ in ("PRON", "ADJ") or _uncoordinated(child) or _prepositional(child))
            and child.right_edge.i == subject.right_edge.i
            and child.left_edge.i > 0 and "," in (child.left_edge.text, subject.doc[child.left_edge.i - 1].text)
            for child in subject.subtree):
        return False
    if len(between) > 2 and between[0].text == between[-1].text == "," and _noun_aside(between[1:-1]):
        return False  # "La Quadrature du Net, une association, dénonce ...", "Le maire, X, l'assume": the aside parsed as a second subject
    return any(t.text == "," or t.text in QUOTE_MARKS for t in between)


def _participle_aside(token: Token) -> bool:
    """A participle clause on the verb ("speaking in Leeds", "asked about the cap"): it describes the speaking."""
    return token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN")


def _uncoordinated(token: Token) -> bool:
    """A noun parsed as coordinated with no conjunction: an apposition ("X, une association de ..., dénonce")."""
    return token.dep_ == "conj" and token.pos_ == "NOUN" and not any(c.dep_ == "cc" for c in token.children)


def _prepositional(token: Token) -> bool:
    """A noun phrase opened by a preposition, hung on the subject: an aside ("X, à l'origine du texte, a déclaré")."""
    return token.dep_ == "nmod" and any(c.dep_ == "case" and c.i == token.left_edge.i for c in token.children)


def _noun_aside(words: Span) -> bool:
    """Whether ``words`` are one noun phrase or name and nothing else ("une association de défense des libertés",
    "Gérard Fontaine")."""
    roots = [t for t in words if not words.start <= t.head.i < words.end]
    return len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN") and words[0].pos_ in ("DET", "NOUN", "PROPN") and not any(
        t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS or t.text == "," for t in words)


def coordinated_subject(verb: Token) -> Token | None:
    """"..., but X questioned the cost and brewers said ...": a clause joined to another with no subject of its own,
    after a bare noun the parse joined to the other clause's object; that noun is the clause's own subject."""
    if verb.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in verb.children) or verb.i == 0:
        return None
    noun = verb.nbor(-1)
    opening = noun.left_edge
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "conj" or noun.head.i == verb.head.i or opening.i == 0 \
            or verb.doc[opening.i - 1].pos_ != "CCONJ" or verb.head not in noun.head.ancestors:
        return None
    return noun


def inverted_subject(verb: Token) -> Token | None:
    """"..., a déclaré le ministre": the noun phrase after the verb, sometimes parsed as its object; or
    the clitic of an inverted verb ("juge-t-il", "poursuit-elle", "a-t-elle plaidé") when the parse attaches it
    elsewhere."""
    auxiliaries = [c.i + 1 for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    for start in (*auxiliaries, verb.i + 1):
        for clitic in verb.doc[start:min(start + 2, len(verb.doc))]:
            if not (clitic.text.startswith("-") and clitic.pos_ == "PRON"):
                break
            if clitic.lower_ not in ("-t", "-t-"):
                return clitic
    for child in verb.rights:
        if child.dep_ in ("flat:name", "flat") and child.pos_ == "PROPN" and child.i == verb.i + 1:
            return child  # "lance Clara Benali, étudiante ...": the name right after the verb, hung on it as part of a name
        if child.dep_ in ("obj", "dobj", "nsubj", "obl:arg", "nmod") and child.pos_ in ("NOUN", "PROPN", "PRON") \
                and not any(grandchild.dep_ == "case" for grandchild in child.children) \
                and not (child.lower_ in DAYS and not list(child.children)):
            return child  # not the bare day before it ("a annoncé jeudi Élisabeth Borne", the day parsed as an object)
        if child.dep_ == "xcomp" and child.pos_ == "PROPN" and child.i == verb.i + 1:
            return child  # "..., précise Vinci.": a name right after the verb, parsed as its complement
        if child.dep_ == "obl:mod" and child.i == verb.i + 1 and child.pos_ == "PROPN" and child.ent_type_ \
                and not any(g.dep_ in ("det", "case") for g in child.children):
            return child  # "a indiqué Matignon mercredi": a name right after the verb, parsed as a phrase on it
        bare = child.i == verb.i + 1 and not any(g.dep_ in ("det", "case") for g in child.children)
        if child.dep_ == "obl:mod" and (bare or child.left_edge.i == verb.i + 1 and child.lower_ in TIMES_OF_DAY):
            # "a indiqué mercredi le ministère", "a précisé dans la soirée le maire": the parse may hang the subject on the
            # date or time phrase before it
            # ("a indiqué mardi Matignon": a name needs no article; "a confirmé vendredi la société X": or as its object)
            subject = next((g for g in child.rights if g.dep_ in ("nmod", "obj") and g.pos_ in ("NOUN", "PROPN")
                            and (g.pos_ == "PROPN" and g.text[:1].isupper() or any(d.dep_ == "det" for d in g.children))
                            and not any(d.dep_ == "case" for d in g.children)), None)
            # or beside it, as a second phrase on the verb ("a annoncé vendredi le maire")
            subject = subject or next((g for g in verb.rights if g.dep_ == "obl:mod" and g.left_edge.i == child.right_edge.i + 1
                                       and g.pos_ in ("NOUN", "PROPN") and any(d.dep_ == "det" for d in g.children)
                                       and not any(d.dep_ == "case" for d in g.children)), None)
            if subject is not None:
                return subject
    return None


def phrase_object(span: Span, sent: Span) -> Token | None:
    """The head of the noun phrase after "selon" / "according to"."""
    first = next_word(span[-1], sent)
    if first is None:
        return None
    head = first
    while span.end <= head.head.i < sent.end and head.head.i != head.i and head.dep_ in NOUN_PHRASE_DEPS \
            and not any(t.text == "," for t in sent.doc[head.i:head.head.i]):
        head = head.head  # not past a comma: "D'après la ministre, un élève sur quatre ...", read as one phrase
    return head if head.pos_ in ("PROPN", "NOUN", "PRON", "X") or head.ent_type_ else None


def previous_sentence(sent: Span) -> Span | None:
    previous = sent
    while previous.start > 0:
        previous = sent.doc[previous.start - 1].sent
        if previous.text.strip():
            return previous
    return None


def group_before(pronoun: Token) -> Span | None:
    """"Les représentants des cultes ont publié une tribune. Ils y estiment que ...": the plural common noun that is
    the subject of the sentence before, which a plural pronoun opening the next one refers back to."""
    before = previous_sentence(pronoun.sent)
    fronted = pronoun.doc[pronoun.i - 1].text == "," and pronoun.head.i == pronoun.sent.root.i  # "Dans un communiqué, ils ..."
    if before is None or pronoun.i != next((t.i for t in pronoun.sent if not t.is_punct), None) and not fronted:
        return None
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), before.root if before.root.pos_ == "NOUN" else None)
    if subject is None or subject.pos_ != "NOUN" or "Plur" not in subject.morph.get("Number") or subject.ent_type_:
        return None
    last = next((t.i for t in before[subject.i - before.start + 1:] if t.is_punct or t.pos_ in ("VERB", "AUX")), before.end)
    return before.doc[subject.left_edge.i:min(last, subject.right_edge.i + 1)]  # not the clitics after it ("ne l'entendent")


def earlier_description(head: Token) -> Span | None:
    """"the business department ... the department said": the first noun with a lower-case modifier before it that
    the article used for the same body, which the bare noun refers back to; in French, with the name-like
    complement after it ("le ministère de la Transition écologique ... Le ministère assure")."""
    for token in head.doc[:head.i]:
        if not (token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower) or token.lower_ != head.lower_:
            continue  # "the regional transport board", which the tagger may read as a name
        modifiers = {c.i for c in token.children if c.dep_ in ("compound", "amod") and c.is_lower}
        first = token.i
        while first - 1 in modifiers:
            first -= 1
        if first < token.i:
            return head.doc[first:token.i + 1]
        # "le ministère de la Transition", or a name right after the noun ("la région Nouvelle-Aquitaine")
        named = next((c for c in token.rights if c.dep_ == "nmod" and c.text[:1].isupper() and not c.is_sent_start
                      and (any(g.dep_ == "case" for g in c.children) or c.i == token.i + 1)), None)
        if named is not None:
            end = named.right_edge.i
            while end + 1 < len(head.doc) and head.doc[end + 1].ent_iob_ == "I":
                end += 1  # "Nouvelle-Aquitaine": the rest of the name the parse hung beside its first word
            return head.doc[token.i:end + 1]
    return None


def text_length(doc: Doc) -> int:
    """``len(doc.text)`` without building ``doc.text``, which spaCy rebuilds from the tokens on every access."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def inverted_after_quote(verb: Token) -> bool:
    """"« ... », lance Paul Mercier": a verb right after a quotation and its comma, with a name after it, is an
    inverted cue, whatever form the tagger gave it (a present read as a participle)."""
    comma, after = previous_word(verb), next_word(verb, verb.sent)
    mark = previous_word(comma) if comma is not None and comma.text == "," else None
    return mark is not None and mark.text in QUOTE_MARKS and after is not None and after.pos_ == "PROPN"


def heads_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause, whatever the parse calls it: a finite verb, or one with its own subject."""
    return "Fin" in token.morph.get("VerbForm") or any(c.dep_.startswith("nsubj") for c in token.children)


def postposed_clause(verb: Token) -> bool:
    """"..., a annoncé mardi le rectorat": a verb with a conjugated auxiliary of its own, set after a comma and
    joined by no conjunction, has a subject of its own (parsed as its object) and shares none."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i and "Fin" in c.morph.get("VerbForm")]
    before = previous_word(auxiliaries[0]) if auxiliaries else None
    return verb.dep_ in ("advcl", "conj") and before is not None and before.text == "," \
        and not any(c.dep_ == "cc" for c in verb.children)


def past_time(token: Token) -> Token:
    """The last word of a date or time phrase right after ``token`` ("a fait savoir lundi", "mardi soir", "dans la
    soirée"), else ``token``: news sets it between a cue and its inverted subject."""
    following = next_word(token, token.sent)
    time = following.head if following is not None and following.dep_ in ("case", "det") else following
    if time is None or time.lower_ not in TIMES_OF_DAY or time.left_edge.i != token.i + 1:
        return token
    after = next_word(time, token.sent)
    return after if after is not None and after.lower_ in TIMES_OF_DAY else time


def folded_postposed_speaker(verb: Token) -> Token | None:
    """"Les tarifs resteront bas, a précisé le maire": a cue with its own auxiliary right after a comma, which the
    parse made the sentence's root, taking the reported clause's subject for its own (that clause's verb hung on it)
    and the phrase after it for a second subject or an object; that phrase, closing the sentence, is the speaker."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i and "Fin" in c.morph.get("VerbForm")]
    comma = previous_word(auxiliaries[0]) if auxiliaries else None
    folded = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i < comma.i), None) \
        if verb.dep_ == "ROOT" and comma is not None and comma.text == "," else None
    if folded is None or not has_verb(verb.doc, folded.idx, comma.idx, finite=True) \
            or any(t.dep_ in ("relcl", "acl:relcl") or t.tag_ in ("WDT", "WP") or "Rel" in t.morph.get("PronType")
                   for t in verb.doc[folded.i:comma.i]):
        return None  # "Paul Verdier, rapporteur du texte, | qui préside ..., a défendu une mesure": the subject's own
    after = next((c for c in verb.children if c.i > verb.i and (c.dep_ in ("nsubj", "obj") and c.pos_ in ("NOUN", "PROPN")
                                                                 or c.dep_ == "obl:mod" and c.pos_ == "PROPN")), None)
    if after is None and any(c.dep_ == "obl:mod" and c.left_edge.i == verb.i + 1 and c.lower_ in TIMES_OF_DAY for c in verb.children):
        after = inverted_subject(verb)  # "..., a indiqué dans la soirée la préfecture": the speaker hung on the time phrase
    return after if after is not None and closes_sentence(verb, after) else None


def closes_sentence(verb: Token, phrase: Token) -> bool:
    """Whether nothing but punctuation and phrases on ``verb`` follow ``phrase`` in its sentence ("..., a annoncé la
    préfète, Claire Roux, par un arrêté."): the inverted subject of a postposed cue ends its clause."""
    rest = verb.doc[phrase.right_edge.i + 1:verb.sent.end]
    if len(rest) > 1 and rest[0].text == "," and rest[1].pos_ == "PROPN":  # ", Paul Garnier": a name the parse hung elsewhere
        rest = rest[next((k for k, t in enumerate(rest) if k and t.pos_ != "PROPN"), len(rest)):]
    on_verb = [next((a for a in (t, *t.ancestors) if a.head.i == verb.i), t) for t in rest]
    return all(t.is_punct or t.dep_ in ("obl", "obl:mod", "advmod") and t.i > phrase.i for t in on_verb)


def closing_acl(verb: Token) -> bool:
    """"..., the education secretary announced on Tuesday.": a verb of saying the parse hung on the noun before
    it as a participle, with no object, after a comma that closes the clause it reports; the noun is its subject."""
    noun = verb.head
    before = previous_word(noun.left_edge) if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and noun.i < verb.i else None
    return before is not None and before.text == "," and noun.pos_ in ("NOUN", "PROPN") and before.i > verb.sent.start + 2 \
        and not any(c.dep_ in ("obj", "dobj", "ccomp", "xcomp") for c in verb.children)


def reflexive(verb: Token) -> bool:
    """Whether ``verb`` carries a reflexive clitic ("s'inquiète", "s'est félicitée"): a pronominal verb, whatever
    relation the parse gave the clitic before it."""
    return any("Yes" in c.morph.get("Reflex") and (c.dep_.startswith("expl") or c.pos_ == "PRON" and c.i < verb.i)
               for c in verb.children)


def relative_after(last: Token, cues: Cues) -> Token | None:
    """The end of a relative clause right after quoted words (``last`` is their closing mark): "y voit « un appel
    d'air » qui incitera ...": what the quoted noun is said to do is part of what was said."""
    after = next_word(last, last.sent, skip_punct=False)
    if after is None or after.lower_ not in cues.relative_pronouns or after.head.dep_ not in ("relcl", "acl:relcl") \
            or after.head.i < after.i:
        return None
    verb, sent = after.head, last.sent
    end = verb.right_edge
    commas = [t for t in sent.doc[verb.i + 1:min(verb.i + 7, sent.end - 1)] if t.text == ","]
    if len(commas) >= 2 and commas[0].i == verb.i + 1 \
            and not any(c.dep_ in ("obj", "dobj", "ccomp", "xcomp", "obl:arg") for c in verb.children):
        end = sent[-1]  # "qui vise, selon lui, les familles ...": an aside parts the verb from its complement
    return sentence_end(end, sent)


def before_aside(first: Token, last: Token, cues: Cues) -> Token:
    """``last``, the end of a reported clause from ``first``, less a non-restrictive relative clause on a word of
    the clause that runs to its end (", who has a lead over ...", ", which Beijing has vowed to ignore"): the
    writer's gloss on what was said, not part of it. A relative with no comma before it restricts its noun and
    stays, and so does one that reports words itself (", whom he called “the least bad choice”"); not an English act
    (", which residents had backed for years"), which reports nothing in a relative clause."""
    reporting = cues.verbs - cues.judgement if first.lang_ == "en" else cues.verbs
    for token in first.doc[first.i + 1:last.i]:
        after = token.nbor(1)
        if token.text == "," and after.lower_ in cues.relative_pronouns and after.lower_ != "that" \
                and after.head.dep_ in ("relcl", "acl:relcl") and first.i <= after.head.head.i < token.i \
                and after.head.right_edge.i >= last.i - 1 and after.head.lemma_.lower() not in reporting:
            return previous_word(token)
    return last


def called_for(verb: Token, cue_last: Token, cues: Cues) -> Token | None:
    """The noun phrase a directive verb calls for through a preposition of the lexicon, right after the cue
    ("appelle à une journée de mobilisation", "called for a total ban"); not in a relative clause on the subject
    ("Le syndicat X, qui appelait à la grève, dénonce ...": that describes the speaker)."""
    after = next_word(cue_last, verb.sent)
    if (verb.dep_ in ("relcl", "acl:relcl") and verb.head.dep_.startswith("nsubj")) or after is None \
            or after.lower_ not in cues.directive_prepositions or after.head.i not in (verb.i, *(c.i for c in verb.rights)):
        return None
    phrase = after if after.dep_ == "prep" else after.head  # "for" heads its noun in English, "à" hangs on it in French
    return phrase if phrase.i == verb.i or any(t.pos_ in ("NOUN", "PROPN") for t in phrase.subtree) else None


FRONTED_DEPS = {"prep", "advcl", "npadvmod", "advmod", "nsubj", "obl", "obl:mod", "nmod"}
"""How a phrase set before a cue hangs on it when it is not what was said ("Following the meeting, X said")."""


def modifies_cue(doc: Doc, verb: Token, start: int, end: int) -> bool:
    """Whether the words [start, end) before a cue hang on the cue verb as a phrase of its own clause
    (its subject, a preposition, an adverb, a participle clause), not as the clause it reports."""
    span = doc.char_span(start, end, alignment_mode="expand")
    roots = [t for t in span if not t.is_punct and not start <= t.head.idx < end] if span is not None else []
    if verb.dep_ in ("advcl", "parataxis") and start <= verb.head.idx < end and heads_clause(verb.head):
        return False  # "Les tarifs resteront bas jusqu'à la fin de l'année, a précisé le maire": the cue hangs on that clause
    return bool(roots) and folded_postposed_speaker(verb) is None and all(t.head.i == verb.i and t.dep_ in FRONTED_DEPS and not heads_clause(t) for t in roots)


def has_verb(doc: Doc, start: int, end: int, *, finite: bool = False) -> bool:
    """Whether [start, end) holds a verb (``finite``: a conjugated one, as a clause of its own has); not an auxiliary
    whose verb lies outside ("Les représentants ont, eux, publié ...": "ont" is the verb's after the span)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and (not finite or "Fin" in t.morph.get("VerbForm"))
                                    and not (t.dep_.startswith("aux") and (t.head.pos_ == "PRON" or not span.start <= t.head.i < span.end))
                                    for t in span)


def depending_on(span: Span, source: Token, sayer: bool) -> bool:
    """"des performances inégales selon les situations", "une discrimination selon la nationalité": inside a clause,
    with no comma before it, "selon" and a common noun in the plural, or in the singular when it names no one who
    could speak (``sayer``: a body, a role, a document), mean "depending on"; they attribute nothing. A conjunction
    opening the sentence does not start such a clause ("But according to researchers at X, ...")."""
    before = previous_word(span[0])
    opening = before is not None and before.pos_ == "CCONJ" and before.is_sent_start
    return before is not None and before.sent.start == span.sent.start and before.text not in (",", ";", ":", "(", "—", "–") \
        and not opening and source.pos_ == "NOUN" and ("Plur" in source.morph.get("Number") or not sayer)


def fronted_place(pronoun: Token) -> Token | None:
    """"Chez Swoop, on ...", "À Bercy, on fait savoir ...": the last noun of a short prepositional phrase that opens
    the sentence and ends with a comma right before an impersonal subject: where it is said, hence who says it."""
    comma = previous_word(pronoun)
    sent = pronoun.sent
    if comma is None or comma.text != "," or not 2 <= comma.i - sent.start <= 8 or not (sent[0].pos_ == "ADP" or sent[0].dep_ == "case"):
        return None
    # the phrase's head noun, or the noun it opens on ("Du côté des éditeurs de logiciels", "Dans l'entourage du
    # ministre"), not the last noun of a complement ("logiciels")
    nouns = [t for t in pronoun.doc[sent.start:comma.i] if t.pos_ in ("NOUN", "PROPN")]
    head = next((t for t in nouns if not sent.start <= t.head.i < comma.i or t.head.i == t.i), None)
    if head is None:
        return nouns[-1] if nouns else None
    owned = next((c for c in head.children if c.pos_ in ("NOUN", "PROPN") and c.i > head.i), None)
    return owned if owned is not None and head.text.islower() and not any(c.dep_ == "det" for c in head.children) else head


def acting(token: Token) -> bool:
    """Whether ``token`` is who acts in its clause: the subject, or the agent of a passive ("That claim was
    rejected by X", "rejeté par X")."""
    return token.dep_.startswith("nsubj") or token.dep_ == "obl:agent" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def name_edge(source: Token) -> Token:
    """The last word of ``source``'s phrase, or of the NER's name it opens when the parse hung that name's words
    elsewhere ("Selon UFC-Que Choisir, ...": "Que Choisir" read as a clause's subject)."""
    edge = source.right_edge
    name = next((ent for ent in source.sent.ents if ent.start == source.i), None) if source.ent_iob_ == "B" else None
    return name[-1] if name is not None and name[-1].i > edge.i else edge
