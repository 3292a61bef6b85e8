"""Speakers' noun phrases: where they start and end in the parse or the words, and how they read as a label."""
from __future__ import annotations

import re

from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from policykg.loaders import lexicon
from policykg.loaders.extract.names import listed_remits
from policykg.loaders.extract.statements.cues import Cues
from policykg.loaders.extract.statements.syntax import CLAUSE_DEPS, DAYS

Expression = tuple[Token, Span]
"""A speaker expression: the head word and its noun phrase."""
OPENING_QUOTES = frozenset({"«", "“", '"'})
"""Marks that open a quotation after a comma ("Selon l'autorité, « ... »")."""


COORDINATED_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the"})
"""Articles a group's label drops after "et"/"and" (``coordination_label``)."""
CIRCUMSTANCES = frozenset({"sur", "dans", "lors", "devant", "pendant", "après", "avant", "depuis"}) | DAYS
"""French prepositions of where, when or through what something was said, and the days: a complement the parse hung on
a speaker's noun with these ("le ministre de l'Économie sur BFMTV", "l'Assemblée nationale lundi") describes the
speaking, not the speaker."""
MONTHS = frozenset(lexicon.load("facts", "fr")["months"])
"""French months: "en" and a month or a year after a speaker's noun ("l'autorité en 2024", "au Conseil en mars") say
when, never which body."""


def noun_phrase(head: Token) -> Span:
    """The noun phrase of ``head``: its subtree without clauses hanging on it, nor a stressed pronoun set off
    by commas ("Le député X, lui, ..."), nor a complement of the circumstances (``CIRCUMSTANCES``) after it, nor
    a quotation after a comma (``opens_quotation``), nor an English possessive "'s" closing it, as one contiguous
    stretch."""
    excluded = {t.i for child in head.children if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "PRON")
                for t in child.subtree}
    excluded |= {t.i for child in head.subtree if circumstance(child, head) for t in child.subtree}
    # "publiée jeudi par l'Insee": the head's preposition and what the parse hung before it are no part of its phrase
    cases = [c.i for c in head.children if c.dep_ == "case" and c.i < head.i]
    members = {t.i for t in head.subtree if t.i not in excluded and (not cases or t.i > max(cases))}
    left = right = head.i
    while left - 1 in members:
        left -= 1
    while right + 1 in members and not opens_quotation(head.doc, right + 1):
        right += 1
    while right > head.i and head.doc[right].tag_ == "POS":
        right -= 1  # "the Ministry of Justice's (report)": the possessor's phrase, without the mark of possession
    doc = head.doc
    if right == head.i and right + 2 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_ \
            and not doc[right + 1].whitespace_ and doc[right + 2].is_alpha and doc[right + 2].pos_ in ("NOUN", "PROPN", "ADJ"):
        right = noun_phrase(doc[right + 2]).end - 1  # "les sapeurs-pompiers du Var", split at its hyphen by the tokenizer
    return doc[left:right + 1]


def opens_quotation(doc: Doc, k: int) -> bool:
    """Whether a comma at ``k`` opens a quotation ("Selon l'autorité, « ... »"): what the parse hung after it on the
    speaker's noun is what was said, no part of the speaker's phrase."""
    return doc[k].text == "," and k + 1 < len(doc) and doc[k + 1].text in OPENING_QUOTES


def circumstance(child: Token, head: Token) -> bool:
    """Whether ``child``, after ``head``, is a complement of time, place or medium (``CIRCUMSTANCES``), or "en" and a
    month or a year (``MONTHS``)."""
    words = [child] + [g for g in child.children if g.dep_ == "case"]
    dated = any(w.lower_ == "en" for w in words[1:]) \
        and (child.lower_ in MONTHS or bool(re.fullmatch(r"(1[89]|20)\d\d", child.text)))
    return child.i > head.i and child.dep_ in ("nmod", "obl:mod", "obl") \
        and (dated or any(w.lower_ in CIRCUMSTANCES for w in words))


def expression(head: Token) -> Expression:
    return head, noun_phrase(head)


def left_expression(token: Token, cues: Cues) -> Expression | None:
    """The noun phrase just before ``token``, read off the words when the parse gives no usable subject.

    "Le Monde affirme", "un porte-parole de la société a déclaré": past auxiliaries, adverbs
    and clitics, a run of nouns, names, determiners and "de"/"of" links; its head is the first noun
    or name.
    """
    doc = token.doc
    start_of_sentence = token.sent.start
    i = token.i - 1
    while i >= start_of_sentence and (doc[i].dep_.startswith("aux") or doc[i].pos_ in ("ADV", "AUX", "PART", "SPACE")):
        i -= 1
    if i > start_of_sentence and doc[i].text == ",":
        i -= 1  # "her adviser, Jake Sullivan, said"
        relative = next((a for a in (doc[i], *doc[i].ancestors) if a.dep_ in ("relcl", "acl:relcl")), None)
        if relative is not None and relative.left_edge.i - 2 >= start_of_sentence and doc[relative.left_edge.i - 1].text == ",":
            i = relative.left_edge.i - 2  # "l'afficheur X, qui loue ces écrans, a répondu": the noun before the relative
        elif (opening := opening_aside(doc[start_of_sentence:i + 1], cues)) is not None:
            i = opening - 1
        elif (adverbial := _adverbial_aside(doc[i + 1])) is not None:
            i = adverbial.i - 1  # "La CGT, de son côté, juge": the phrase before the aside on the speaker's part
    if i > start_of_sentence and doc[i].text == ")":
        while i > start_of_sentence and doc[i].text != "(":
            i -= 1  # "Rep. Trey Gowdy (R-S.C.):"
        i -= 1
    pronoun = doc[i] if i >= start_of_sentence and doc[i].pos_ == "PRON" \
        and doc[i].lower_ in cues.person_pronouns | cues.group_pronouns else None
    if pronoun is not None and i - 1 > start_of_sentence and doc[i - 1].text == "," and doc[i + 1].text == ",":
        i -= 2  # "Les associations, elles, saluent": the phrase before the stressed pronoun
    elif pronoun is not None and (i == start_of_sentence or doc[i - 1].is_sent_start or doc[i - 1].pos_ == "CCONJ"):
        return pronoun, doc[i:i + 1]  # "Elle juge la réforme « ... »": a subject pronoun the parse hung elsewhere
    end = i
    while i >= start_of_sentence and (doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "X", "NUM") or doc[i].ent_type_
                                      or (doc[i].pos_ == "ADP" and i < end and doc[i + 1].pos_ in ("PROPN", "NOUN", "DET", "X"))
                                      or _joined_complement(doc[i], end)):
        i -= 1
    if i + 1 > end:
        return None
    words = [t for t in doc[i + 1:end + 1] if t.pos_ in ("PROPN", "NOUN", "X") and t.lower_ not in cues.titles]
    if not words:
        return None
    head = words[0]
    while head.pos_ == "PROPN" and head.head.pos_ == "PROPN" and head.i < head.head.i <= end:
        head = head.head  # "Cecile Richards:": the first name hangs on the last
    return head, doc[i + 1:end + 1]


def _adverbial_aside(comma: Token) -> Token | None:
    """The comma opening an adverbial set off before ``comma`` ("X, de son côté, juge", "X, en revanche, estime",
    "X, quant à lui, dénonce"): one to four lower-case words opening with a preposition, an adverb or a pronoun,
    with no verb nor name, after a word; None when ``comma`` closes no such aside. The parse often reads the cue
    after it as a noun set beside the subject, and gives it no subject."""
    doc = comma.doc
    if comma.text != ",":
        return None
    sent = comma.sent
    opening = next((t for t in reversed(doc[max(sent.start, comma.i - 5):comma.i]) if t.text == ","), None)
    if opening is None or opening.i == sent.start or opening.i + 1 == comma.i:
        return None
    between = doc[opening.i + 1:comma.i]
    if not all(t.is_lower for t in between) or between[0].pos_ not in ("ADP", "ADV", "PRON") \
            or any(t.pos_ in ("VERB", "AUX", "PROPN") for t in between):
        return None
    return opening


def _joined_complement(token: Token, end: int) -> bool:
    """Whether ``token`` is "et"/"and" joining two complements inside one name ("la Fédération du commerce et de la
    distribution", "the Department for Environment, Food and Rural Affairs" is not read): a preposition follows it,
    a noun stands before it; or two adjectives of one noun ("l'Ordre des barreaux francophones et germanophone")."""
    if token.pos_ != "CCONJ" or not 0 < token.i < end:
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    return after.pos_ == "ADP" and before.pos_ in ("NOUN", "PROPN") or before.pos_ == after.pos_ == "ADJ" and after.text.islower()


def opening_aside(words: Span, cues: Cues) -> int | None:
    """Where an aside opens (its comma) when ``words`` are a noun phrase, a comma and a clause of a participle or a
    relative pronoun ("Energy minister X, asked about the inquiry", "Hosts Together, which represents owners"), the
    words before a cue that the parse did not read as the cue's subject: the noun phrase is."""
    opening = next((t for t in words if t.text == ","), None)
    if opening is None or opening.i + 1 >= words.end or opening.i == words.start:
        return None
    first = opening.nbor(1)
    if not (first.tag_ in ("VBN", "VBD", "WDT", "WP") or first.lower_ in cues.relative_pronouns):
        return None
    phrase = words.doc[words.start:opening.i]
    nominal = all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "ADV", "NUM", "PART") or t.pos_ == "ADP" and t.i > phrase.start
                  or t.tag_ == "POS" for t in phrase)
    return opening.i if nominal and any(t.pos_ in ("PROPN", "NOUN") for t in phrase) else None


def name_before(token: Token, cues: Cues) -> bool:
    """Whether the noun phrase before ``token`` holds a name ("la Fédération des parents d'élèves de
    l'enseignement public juge ..."): a name whose last words are lower case still makes a subject."""
    phrase = left_expression(token, cues)
    return phrase is not None and any(t.pos_ == "PROPN" or t.ent_type_ or t.text[:1].isupper() and not t.is_sent_start
                                      for t in phrase[1])


def opening_subject(token: Token, cues: Cues) -> bool:
    """Whether the noun phrase before ``token``, past an aside set off by commas, opens its sentence with a determiner
    ("Un fonctionnaire européen, sous couvert d'anonymat, juge ...", "Le syndicat des guides juge ..."): the subject
    of the verb, whatever the parse made of it; not a phrase that runs into it ("La décision du juge"), nor a word
    read as an adjective ("Le décret inquiète les élus": a thing that worries) or a participle ("Une réponse jugée
    « méprisante »": a passive)."""
    phrase = left_expression(token, cues)
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    participle = token.lower_.rstrip("s").endswith(("é", "ée"))
    return phrase is not None and before is not None and before.pos_ not in ("DET", "ADP") and token.pos_ != "ADJ" \
        and not participle \
        and phrase[1].start == token.sent.start and phrase[1][0].pos_ == "DET" and phrase[0].pos_ == "NOUN"


def relative_antecedent(phrase: Span, cues: Cues) -> Token | None:
    """The first word of the noun phrase a relative clause opened by "que" hangs on, when ``phrase`` is its
    subject ("Une décision que X juge « ... »": the decision is what X judges)."""
    doc = phrase.doc
    k = phrase.start - 1
    if k < 1 or doc[k].lower_ not in cues.complementizers or doc[k - 1].pos_ != "NOUN":
        return None
    first = doc[k - 1]
    while first.i > first.sent.start and doc[first.i - 1].pos_ in ("DET", "ADJ", "NUM"):
        first = doc[first.i - 1]
    return first


def apposed_name(span: Span, cues: Cues) -> Token | None:
    """"Pour son délégué régional, Michel Ardouin, ...": the name in apposition after a role (not one a relative
    clause follows) is the source, whatever the parse joins it to."""
    doc, sent = span.doc, span.sent
    comma = next((t for t in doc[span.end:min(span.end + 6, sent.end)] if t.text == ","), None)
    role = doc[span.end:comma.i] if comma is not None else []
    if not all(t.pos_ in ("DET", "NOUN", "ADJ", "ADP") for t in role) or not any(
            t.lower_ in cues.possessives or t.pos_ == "NOUN" and t.lemma_.lower() in cues.roles for t in role):
        return None  # "Pour la première fois, X, ..." names no source
    name = list(takewhile(lambda t: t.pos_ == "PROPN", doc[comma.i + 1:sent.end]))
    closing = comma.i + 1 + len(name)
    if not name or closing + 1 >= sent.end or doc[closing].text != "," or doc[closing + 1].lower_ in cues.relative_pronouns:
        return None
    return name[0]


def named_after_complement(source: Token | None) -> Token | None:
    """"Pour la sociologue de l'habitat Marie Leclerc, ...", "Selon l'ingénieur des ponts Luc Garnier, ...": a person's
    name right after the complement of a common noun names the one who holds it; the parse hangs it on the complement
    ("habitat"). None when the noun has a name of its own."""
    if source is None or source.pos_ != "NOUN" or any(c.pos_ == "PROPN" for c in source.children):
        return None
    return next((name for complement in source.rights if complement.dep_ == "nmod" and complement.pos_ == "NOUN"
                 and complement.text.islower() for name in complement.rights
                 if name.i == complement.i + 1 and name.dep_ == "appos" and name.ent_type_ == "PER"), None)


def lower_case_run(head: Token, run: int, stops: frozenset[str]) -> int:
    """The end of a name whose rest is in lower case after its capital ("l'association Vent de colère", from
    ``head`` to ``run``): a preposition and the words after it, up to a comma, a parenthesis, a verb or the
    sentence end, with none of ``stops`` (clitics, pronouns, possessives: "Pixel de son côté"); else ``run``."""
    doc, end = head.doc, run
    while run > head.i + 1 and end < min(head.i + 7, head.sent.end) and not doc[end].is_punct \
            and doc[end].pos_ not in ("VERB", "AUX") and doc[end].lower_ not in stops:
        end += 1
    closing = doc[end] if end < head.sent.end else None
    if end == run or doc[run].pos_ != "ADP" or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or (closing is not None and (
            closing.lower_ in stops or closing.text not in (",", "(", ".", ")") and closing.pos_ not in ("VERB", "AUX"))):
        return run
    return end


def phrase_label(phrase: Span) -> str:
    """The phrase without its leading determiner or what follows a comma: "la ministre du Numérique" → "ministre du Numérique";
    not a comma inside a list of the body's remits ("ministère des Sports, de la Jeunesse et de la Vie associative")."""
    tokens = [t for t in phrase if not t.is_space]
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].is_punct):
        tokens = tokens[1:]
    listed = {t.i for k, t in enumerate(tokens[1:]) if t.text == "," and listed_remits(tokens[k]).i <= tokens[-1].i
              and listed_remits(tokens[k]).i > t.i}
    tokens = tokens[:next((k for k, t in enumerate(tokens) if t.text == "," and t.i not in listed), len(tokens))]
    return phrase.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else ""


def coordination_label(words: Span) -> str:
    """"associations de riverains et le syndicat des policiers" → "associations de riverains et syndicat des
    policiers": a coordination of groups is labelled without each group's article, as the first group is."""
    tokens = [t for t in words if not t.is_space]
    dropped = {k for k in range(1, len(tokens) - 1) if tokens[k - 1].lower_ in ("et", "and")
               and tokens[k].lower_ in COORDINATED_ARTICLES and tokens[k + 1].text.islower()}
    if dropped and len(tokens) > 1 and tokens[0].lower_ in COORDINATED_ARTICLES and tokens[1].text.islower():
        dropped.add(0)  # "Les élus et les syndicats" → "élus et syndicats": the first group loses its article too
    return "".join(t.text_with_ws for k, t in enumerate(tokens) if k not in dropped).strip()


def owners(role: Token) -> list[Token]:
    """The nouns a role belongs to ("the council's leader", "the chief executive of the local trust"): a post at a
    body the article names, so someone new unless the article has called a person so (a French « de » complement
    is read by ``described``)."""
    return [c for c in role.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")] + [
        g for c in role.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]


def described(head: Token) -> bool:
    """Whether a role noun carries its own description ("le président de la République", "la commissaire
    chargée des affaires intérieures"), which introduces someone rather than refers back; a place or an occasion
    ("l'élu devant le conseil") describes the speaking, not the person."""
    return any(c.dep_ == "acl" or c.dep_ == "nmod" and all(g.lemma_.lower() in ("de", "of") for g in c.children if g.dep_ == "case")
               for c in head.children if c.i > head.i)


def bare_noun(head: Token, phrase: Span) -> bool:
    """Whether ``phrase`` is its article, ``head`` and at most lower-case nouns before it ("the union", "the housing
    charity", "the business group"): a description that refers back, with no name or complement of its own. An
    adjective ("the regional ambulance trust") more often introduces a body not named yet; a hyphenated participle
    ("the state-owned company") describes the one named before."""
    owned = {t.i for t in phrase if t.dep_ == "amod" and t.head.i == head.i and t.tag_ == "VBN" and t.i > phrase.start
             and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_}
    return all(t.i == head.i or t.is_punct or t.pos_ in ("DET", "ADP") or t.i in owned or t.head.i in owned and t.text.islower() or (
        t.head.i == head.i and t.dep_ == "compound" and t.pos_ == "NOUN" and t.text.islower()) for t in phrase)


def kind_complement(child: Token) -> bool:
    """« l'organisation de consommateurs », « l'association de défense des locataires »: a French complement with "de"
    and no article of its own, in lower case, tells the body's kind; « l'association des commerçants de Vevey » names
    one."""
    return child.lang_ == "fr" and child.dep_ == "nmod" and child.pos_ == "NOUN" and child.i > child.head.i \
        and not any(c.dep_ == "det" for c in child.children) \
        and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’") for c in child.children) \
        and all(t.text.islower() or not t.is_alpha for t in child.subtree)


def definite(head: Token) -> bool:
    """Whether a noun phrase is definite ("le ministre", "the senator"), not "un porte-parole"."""
    for child in head.children:
        if child.dep_ == "case" and child.morph.get("Definite") == ["Def"]:
            return True  # "dans l'entourage du ministre": a preposition merged with the article
        if child.dep_ in ("det", "poss", "nmod:poss"):
            return "Ind" not in child.morph.get("Definite") and child.lower_ not in ("a", "an", "some", "un", "une", "des")
    return False


def dash_name(text: str, doc: Doc, start: int, end: int) -> Expression | None:
    """A paragraph that is a dash and one to four capitalised words ("— Bernie Sanders.")."""
    if not re.match(r"\s*[-–—―]", text[start:end]):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
    if not 1 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words):
        return None
    return words[-1], doc[words[0].i:words[-1].i + 1]


def past_title(token: Token) -> Token | None:
    """The token after ``token``, past one title in capitals: "Labour | MP | Gwen Talbot", "Fianna Fáil | TD | X"."""
    doc = token.doc
    k = token.i + 1 + (token.i + 2 < len(doc) and doc[token.i + 1].text.isupper() and doc[token.i + 1].is_alpha)
    return doc[k] if k < len(doc) else None
