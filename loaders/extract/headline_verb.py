"""The measure a headline reports by its verb ("Town votes to cap holiday lets" → "cap on holiday lets"), and the
name the body gives it ("the age rise", « la fermeture »): the words the verb acts on, without an amount, a price
or a place, read from the parse."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from policykg.loaders import lexicon as data
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.extract.names import elided
from policykg.loaders.extract.policy_phrases import hyphen, in_quotation
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.stance_words import definite_reference, forms

DEBATED = 2
"""How many mentions (references included) make a law the article's main policy, unless its headline names it."""
PLACES = frozenset({"LOC", "GPE"})
"""Named-entity labels of places."""
NOUN_PREPOSITIONS = {language: frozenset(map(fold, data.load("targets", language)["noun_prepositions"]))
                     for language in ("en", "fr")}
"""Prepositions that join a bare noun to a noun as a compound does ("centrale à charbon")."""
AMOUNT_CHANGES = {language: frozenset(map(fold, data.load("targets", language)["amount_changes"]))
                  for language in ("en", "fr")}
"""Nouns of a change of amount ("rise"), which alone do not name the measure, unlike "the ban"."""
FORMAL = {language: frozenset(data.load("targets", language)["formal_words"]) for language in ("en", "fr")}
"""Adverbs that give a measure its formal name ("as the scheme is formally called")."""
FORMAL_SENTENCES = 4
"""How many body sentences may give the formal name of the measure a headline tells by its verb."""
ACTOR_OR_PLACE = frozenset({"Person", "Company", "GovernmentBody", "LawEnforcement", "NGO", "MediaOutlet",
                            "Organization", "Platform", "Place"})


def measure_phrase(title: Doc, index: EntityIndex, lex: Lexicon, offset: int) -> tuple[str, tuple[int, int]] | None:
    """The measure a headline reports by one of ``lex.measure_verbs`` ("Town votes to cap holiday lets at 90
    nights" → "cap on holiday lets"; "Visas cut by a third" → "cut in visas"; "onze tribunaux fermeront" →
    "fermeture des tribunaux"): the verb's noun phrase around what it acts on, its object or else, for a
    passive or intransitive verb, the noun phrase before it; with the span (plus ``offset``) from that phrase to
    the verb. The phrase keeps its complements of ``lex.measure_complements`` only, not its amount; None
    when no such verb acts on a thing (an actor or a place is no measure: "Council to close")."""
    for verb in title:
        template = next((lex.measure_verbs[f] for f in forms(verb) if f in lex.measure_verbs), None)
        if template is None or verb.pos_ != "VERB" or _describes(verb) or _misread_noun(verb) \
                or in_quotation(title.text[:verb.idx]) \
                or not lex.imminent.isdisjoint(forms(verb)) and any(c.dep_ == "xcomp" for c in verb.children):
            continue  # "Prices set to rise": what is to come, told by the verb after it
        passive_verb = passive(verb)
        acted_on = None if passive_verb else next((c for c in verb.rights
                                                   if c.dep_ in ("dobj", "obj", "npadvmod")), None)
        head = acted_on if acted_on is not None else _subject_before(verb)
        phrase = _acted_on(head, lex, amount=template == "{}")
        if not phrase or fold(head.lemma_) in lex.authority_bodies or (
                (e := index.entity_at(offset + head.idx, offset + head.idx + len(head.text))) is not None
                and e.type in ACTOR_OR_PLACE):
            continue
        first, last = min(phrase[0], verb, key=lambda t: t.i), max(phrase[-1], verb, key=lambda t: t.i)
        return _named(template, phrase, title.lang_), (offset + first.idx, offset + last.idx + len(last.text))
    return None


BODY_NAME_WORDS = 8
"""The most words of the body's name for a measure a headline reports by its verb."""


def body_name(doc: Doc, measure: tuple[str, tuple[int, int]], lex: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """The body's own name for the measure a headline reports by its verb ("State pension age to rise" and then
    "The rise in the pension age is ..." → "rise in the pension age"): the first noun of the headline's label
    that names a change of ``lex.measure_verbs`` ("rise", "closure") after the label's last words (``_compound``:
    "the age rise"), or then a preposition and a noun phrase headed by the label's last noun,
    with the body's determiner, or else that noun and its adjective (``_qualified``: « l'extinction nocturne »),
    or else that noun alone when the body repeats it so (``_alone``: "the ban", « la fusion »; once is enough
    when the headline's phrase names a proper name, a place: « la brigade de Saint-Julien fermera »), unless it is of
    ``AMOUNT_CHANGES``; the headline's wording was made for a headline. None when the body has none."""
    label, (_, end) = measure
    nouns = {t.split()[-1] if t.startswith("{}") else t.split()[0] for t in lex.measure_verbs.values()}
    words = [fold(w) for w in label.split()]
    change = next((w for w in words if w in nouns), None)
    words = [w for w in words if w != change]
    if change is None or not words:
        return None
    qualified, bare = None, []
    for noun in doc:
        if noun.idx < end or noun.pos_ != "NOUN" or fold(noun.text) != change or noun.i + 1 >= len(doc):
            continue
        if (compound := _compound(noun, words, lex)) is not None:
            return doc[compound:noun.i + 1].text, (doc[compound].idx, noun.idx + len(noun.text))
        if qualified is None and _qualified(noun, lex):
            qualified = doc[noun.i:noun.i + 2].text, (noun.idx, doc[noun.i + 1].idx + len(doc[noun.i + 1].text))
        if _alone(noun, lex):
            bare.append((noun.text.lower(), (noun.idx, noun.idx + len(noun.text))))
        if doc[noun.i + 1].pos_ != "ADP" or not definite_reference(noun, lex):
            continue  # "must approve any sale of school playing fields" is a rule, not this measure
        inner = next((c for c in doc[noun.i + 1].children if c.dep_ in ("pobj", "obj", "nmod")), None)
        if inner is None and doc[noun.i + 1].dep_ == "case":  # French: "de" hangs on the noun it introduces
            head = doc[noun.i + 1].head
            inner = next((t for t in doc[noun.i + 2:noun.i + BODY_NAME_WORDS] if (t == head or head.is_ancestor(t))
                          and fold(t.text) == words[-1]), None)  # "abaissement du seuil de franchise de TVA"
        if inner is None or fold(inner.lemma_) != fold(words[-1]) and fold(inner.text) != words[-1] \
                or inner.i - noun.i >= BODY_NAME_WORDS:
            continue
        return doc[noun.i:inner.i + 1].text, (noun.idx, inner.idx + len(inner.text))
    proper = any(w[:1].isupper() for w in label.split()[1:])  # "fermeture de la brigade de Saint-Julien"
    alone = len(bare) >= (1 if proper else DEBATED) and change not in AMOUNT_CHANGES.get(doc.lang_, ())
    return qualified or (bare[0] if alone else None)


def formal_name(doc: Doc, end: int) -> tuple[None, tuple[int, int]] | None:
    """The span of the capitalised name one of the first ``FORMAL_SENTENCES`` after ``end`` (the headline's end)
    says is formally the measure's, after its adverb ("the decision, formally the Rural Bus Alignment") or before
    it ("The Clean Air Levy, as the scheme is formally called, ..."): the text's own name for a measure a headline
    tells by its verb, which the label composed from the verb is not. None when none is given so."""
    sentences = [s for s in doc.sents if s.end_char > end][:FORMAL_SENTENCES]
    for word in (t for s in sentences for t in s if t.lower_ in FORMAL.get(doc.lang_, ())):
        start = word.i + 1
        while start < word.sent.end and start - word.i <= 3 and doc[start].is_lower:
            start += 1  # "formally called the ..."
        last = start
        while last < word.sent.end and _capitalised(doc[last]):
            last += 1
        if last - start < 2:
            comma = word.i - 1
            while comma > word.sent.start and doc[comma].is_lower:
                comma -= 1  # "..., as the scheme is formally called"
            last, start = comma, comma
            while start > word.sent.start and _capitalised(doc[start - 1]):
                start -= 1
            if doc[comma].text != "," or last - start < 2:
                continue
        return None, (doc[start].idx, doc[last - 1].idx + len(doc[last - 1].text))
    return None


def _capitalised(word: Token) -> bool:
    """Whether a word is part of a name written in capitals, a determiner aside ("The")."""
    return word.is_alpha and word.text[:1].isupper() and word.pos_ != "DET"


def _compound(noun: Token, words: list[str], lex: Lexicon) -> int | None:
    """Where the body's compound name for a change starts when it is the last words of the headline's phrase
    before the change's noun, after a determiner that refers back ("Minimum age to rise to 21" and then "the age
    rise"): the text's own shorter name; None when the body writes none so."""
    doc = noun.doc
    for count in range(min(len(words), noun.i - 1), 0, -1):
        start = noun.i - count
        if [fold(t.text) for t in doc[start:noun.i]] == words[-count:] \
                and fold(doc[start - 1].text).replace("’", "'") in lex.policy_determiners:
            return start
    return None


def _alone(noun: Token, lex: Lexicon) -> bool:
    """Whether the body names a change by its noun alone right after a determiner that refers back ("Dogs to be
    banned ..." and then "the ban will cover ...", « l'interdiction ») and no complement or adjective follows:
    the text's own short name for the measure, which it repeats."""
    doc = noun.doc
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return noun.i > 0 and fold(doc[noun.i - 1].text).replace("’", "'") in lex.policy_determiners \
        and (following is None or following.pos_ not in ("ADP", "ADJ", "NOUN", "PROPN") or following.is_punct)


def _qualified(noun: Token, lex: Lexicon) -> bool:
    """Whether the body names a change by its noun and the adjective after it, after a definite determiner
    ("Villefranche éteindra ses rues" and then "l'extinction nocturne"): the name the text gives the measure
    the headline tells by its verb, when it names it by no complement of what it acts on."""
    doc = noun.doc
    adjective = doc[noun.i + 1]
    return definite_reference(noun, lex) and adjective.pos_ == "ADJ" and adjective.head == noun and adjective.dep_ == "amod" \
        and (noun.i + 2 >= len(doc) or doc[noun.i + 2].pos_ != "ADJ")


def _describes(verb: Token) -> bool:
    """Whether a participle describes a noun rather than saying what happens ("banned insecticide", "un
    insecticide interdit", which the parser may take for the verb of the headline when the real one follows)."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.dep_ in ("amod", "compound") or following is not None and following.pos_ == "VERB" \
            and "Fin" in following.morph.get("VerbForm"):  # "un insecticide interdit divise ..."
        return True
    opens_news = verb.head.left_edge.i > 0 and verb.doc[verb.head.left_edge.i - 1].text == ":"
    return verb.dep_.startswith("acl") and "Part" in verb.morph.get("VerbForm") and verb.head.dep_ != "ROOT" \
        and not opens_news and not any(c.dep_.startswith("aux") for c in verb.children)  # "Visas cut by a
    # third" is the news, and so is "Rubrique : le plafond abaissé à 25 000 euros" after a rubric's colon


def passive(verb: Token) -> bool:
    """Whether a headline's verb is passive ("Dogs to be banned from the beach all summer", « Les écrans bannis
    des crèches »): what it acts on is the noun phrase before it; a noun after it is a circumstance or a place
    the parser took for its object."""
    children = [c.dep_ for c in verb.children]
    return any(d in ("auxpass", "aux:pass") for d in children) \
        or "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") \
        and not any(d.startswith("aux") for d in children)


def _misread_noun(word: Token) -> bool:
    """Whether a word tagged as a verb or an adjective heads a compound or takes a determiner, as only a noun
    does ("Jury trials to be scrapped", "La dernière centrale fermera"), or is a gerund with no auxiliary whose
    subject is a bare noun before it and which governs the infinitive after it ("Signal blocking to be
    installed"): a headline's verb is finite, so the gerund is the noun of what the infinitive acts on."""
    if any(c.dep_ in ("compound", "det") for c in word.children):
        return True
    return word.tag_ == "VBG" and not any(c.dep_.startswith("aux") for c in word.children) \
        and any(c.dep_ == "nsubj" and c.i == word.i - 1 and c.left_edge == c and c.pos_ == "NOUN"
                for c in word.children) \
        and any(c.dep_ == "xcomp" and c.i > word.i and any(a.tag_ == "TO" for a in c.children) for c in word.children)


def _subject_before(verb: Token) -> Token | None:
    """The head of the noun phrase right before a verb, auxiliaries aside ("Jury trials to be scrapped"), up
    to a colon or a comma: what a passive or intransitive headline verb acts on."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].dep_ in ("aux", "auxpass", "aux:pass", "aux:tense") or verb.doc[i].tag_ == "TO"
                      or verb.doc[i].pos_ in ("AUX", "PART", "ADV")):
        i -= 1
    if i < 0 or verb.doc[i].is_punct or verb.doc[i].pos_ == "VERB" and not _misread_noun(verb.doc[i]):
        return None  # "le ministère veut généraliser" says nothing of what is generalised
    token = verb.doc[i]
    while token.head.i < verb.i and token.head != token and not any(t.is_punct and not hyphen(t)
                                                                    for t in verb.doc[token.head.i:token.i]):
        token = token.head
    return token


def _acted_on(head: Token | None, lex: Lexicon, *, amount: bool = False) -> list[Token]:
    """The words of the noun phrase ``head`` heads: its modifiers on the left, a determiner, a possessive, a rank
    and the place that is its scope ("la dernière centrale de France") or an amount aside, and on its right the
    adjectives and the complements of ``lex.measure_complements`` or of a bare noun ("centrale à charbon"), up to
    a punctuation mark. ``amount``: the amount stays, where the phrase is the measure itself ("instaurer trois
    jours de carence"), not what it acts on ("onze tribunaux fermeront")."""
    if head is None or head.pos_ not in ("NOUN", "PROPN") and not _misread_noun(head):
        return []
    doc = head.doc
    stops = [t.i for t in doc[head.left_edge.i:head.i] if t.is_punct and not hyphen(t)]
    left = doc[stops[-1] + 1] if stops else head.left_edge
    while left.i < head.i and (left.pos_ in ("DET", "PRON") or left.pos_ == "NUM" and not amount
                               or "Ord" in left.morph.get("NumType") or left.tag_ in ("PRP$", "POS")
                               or _price(left)) \
            and not hyphen(doc[left.i + 1]):
        left = doc[left.i + 1]
    last = head.i
    ranked = any("Ord" in t.morph.get("NumType") for t in doc[head.left_edge.i:head.i])
    for child in head.rights:
        if last + 1 >= len(doc) or child.i not in (last + 1, last + 2):
            break
        if child.dep_ == "amod" and child.i == last + 1 or fold(doc[last + 1].text) in lex.measure_complements \
                or _noun_complement(doc[last + 1], child):
            last = child.right_edge.i
        else:
            break
    last = next((t.i - 1 for t in doc[head.i + 1:last + 1] if t.is_punct and not hyphen(t)
                 or ranked and t.pos_ == "ADP" and t.i < last and doc[t.i + 1].ent_type_ in PLACES), last)
    return list(doc[left.i:last + 1])


def _price(word: Token) -> bool:
    """Whether a word is a currency sign or the number after one ("backs £1.6bn tidal lagoon"): what the thing
    costs, a figure, not part of its name."""
    signs = word.doc[max(0, word.i - 2):word.i]
    return word.is_currency or any(t.is_currency for t in signs) \
        and (word.like_num or word.pos_ == "NUM" or word.lower_ in MULTIPLIERS)


MULTIPLIERS = frozenset({"k", "m", "bn", "million", "billion"})
"""What a sum's number may be cut from ("£40m")."""


def _noun_complement(preposition: Token, noun: Token) -> bool:
    """Whether a preposition of ``NOUN_PREPOSITIONS`` joins a bare noun that says what kind of thing the phrase
    names ("centrale à charbon", "chaudière à gaz"), unlike one with a determiner that says where ("les devoirs
    à la maison")."""
    return fold(preposition.text) in NOUN_PREPOSITIONS.get(noun.lang_, ()) and noun.i == preposition.i + 1 \
        and noun.pos_ == "NOUN"


FRENCH_DE = {"le": "du", "les": "des", "la": "de la", "l'": "de l'"}
"""How French joins "de" and an article ("fermeture" + "les notes" → "fermeture des notes")."""


def _named(template: str, phrase: list[Token], language: str) -> str:
    """``template`` with the words of ``phrase``; in French "de" takes the phrase's article ("suppression des
    notes"), an amount stands for an indefinite plural ("onze tribunaux" → "des tribunaux") and another
    determiner stays ("fermeture de ses urgences"); in English the
    determiner goes ("its department" → "closure of department") and a common noun after the measure's noun is
    in lower case ("cut in seasonal worker visas"), not an acronym ("scrapping of VAT")."""
    doc = phrase[0].doc
    words = doc[phrase[0].i:phrase[-1].i + 1].text
    if language == "fr" and template.endswith("de {}"):
        i = phrase[0].i - 1
        while i > 0 and "Ord" in doc[i].morph.get("NumType"):  # "la dernière centrale" → "de la centrale"
            i -= 1
        before = doc[i] if i >= 0 else None
        article = "" if before is None or before.pos_ not in ("DET", "NUM") else \
            "les" if before.pos_ == "NUM" else fold(before.text).replace("’", "'")
        if article and article not in FRENCH_DE:  # a possessive or a demonstrative stays: "de ses urgences"
            words, article = f"{before.text} {words}", ""
        vowel = elided(words)
        joined = "de l'" if vowel and article in ("le", "la") else FRENCH_DE.get(article) or ("d'" if vowel else "de")
        return template[:-len("de {}")] + joined + ("" if joined.endswith("'") else " ") + words
    if not template.startswith("{}") and phrase[0].pos_ != "PROPN" and not phrase[0].text.isupper():
        words = words[:1].lower() + words[1:]
    return template.format(words)
