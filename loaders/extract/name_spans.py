"""Token-level helpers of entity recognition: where a name starts and ends among the NER's spans, and which of a
person's names are the same person."""
from __future__ import annotations

from spacy.tokens import Token

from policykg.loaders.extract.keys import given_names, name_words
from policykg.loaders.extract.names import LOCAL_KINDS, Name, cues, fold
from policykg.loaders.extract.statements.genders import first_names


def places_opening_names(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """A place's name the NER cut from a name right after it ("France" + "Montagnes Vivantes", "France" + "Habitat
    Solidaire"): two names side by side, with no word, punctuation or line between them, are one organisation's
    name (the second may be read as a person's, unless it opens with a first name); not after a preposition ("en
    France Renault ..."), where the place is where."""
    out: list[tuple[str, list[Token]]] = []
    for ner_type, tokens in ents:
        if out and out[-1][0] == "Place" and (ner_type in ("Place", "Organization") or fold(tokens[0].text) not in given_names()):
            place = out[-1][1]
            before = place[0].nbor(-1) if place[0].i > 0 else None
            if tokens[0].i == place[-1].i + 1 and place[-1].whitespace_ == " " and tokens[0].text[:1].isupper() \
                    and (before is None or before.pos_ != "ADP"):
                out[-1] = ("Organization", [*place, *tokens])
                continue
        out.append((ner_type, tokens))
    return out


def places_closing_names(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """"MG" + "France", "Uber" + "France": a French organisation's name that the NER cut from the place right after it,
    with one space and no word or punctuation between them, ends with the place (the national or regional body:
    "MG France", "CGT Bretagne"); French sets a place after a name with a preposition when it says where."""
    out: list[tuple[str, list[Token]]] = []
    for ner_type, tokens in ents:
        if out and out[-1][0] == "Organization" and ner_type == "Place" and tokens[0].lang_ == "fr":
            name = out[-1][1]
            if tokens[0].i == name[-1].i + 1 and name[-1].whitespace_ == " " and tokens[0].text[:1].isupper():
                out[-1] = ("Organization", [*name, *tokens])
                continue
        out.append((ner_type, tokens))
    return out


def and_joined_names(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """"Asthma and Lung UK", "Highlands and Islands Enterprise": an English body's name that joins two capitalised
    nouns with "and", which the NER cuts at "and" (reading "Lung UK" as a person's, or "Colitis" apart from "UK").
    A name closed by a nation, one space after a capitalised word it holds or an organisation's name, is an
    organisation's, as is an organisation's name of two words or more on which the parse hangs the word before
    "and"; either runs back over "and" and one capitalised word (with its "'s") that no name of the NER's holds,
    not over another body's ("Tesco and Asda UK", "Oxfam and Save the Children")."""
    out: list[tuple[str, list[Token]]] = []
    nations = cues().nations
    for ner_type, tokens in ents:
        doc = tokens[0].doc
        if tokens[0].lang_ == "en" and ner_type == "Organization":
            tokens = _run_past_and(tokens)
            if out and out[-1][0] == "Organization" and _joined_halves(out[-1][1], tokens):
                out[-1] = (ner_type, list(doc[out[-1][1][0].i:tokens[-1].i + 1]))
                continue
        if tokens[0].lang_ == "en" and ner_type == "Organization" and len(tokens) > 1 and fold(tokens[-1].text) not in nations \
                and (word := _opening_before_and(tokens[0], out)) is not None and tokens[-1].is_ancestor(word):
            out.append((ner_type, [*doc[word.i:tokens[0].i], *tokens]))
            continue
        if fold(tokens[-1].text) not in nations or tokens[0].lang_ != "en":
            out.append((ner_type, tokens))
            continue
        i, taken = tokens[0].i, 0  # taken: the organisation's name before the nation that ``out`` ends with
        name = tokens
        if len(tokens) == 1 and out and out[-1][0] == "Organization" and out[-1][1][-1].i + 1 == i \
                and out[-1][1][-1].whitespace_ == " ":
            name, taken = [*out[-1][1], *tokens], 1  # "Colitis" + "UK"
        elif len(tokens) == 1 and i > 0 and _free_capitalised(doc[i - 1]) and doc[i - 1].whitespace_ == " ":
            name = [doc[i - 1], *tokens]  # "the Asthma and Lung UK charity": "UK" alone, the word before free
        word = _opening_before_and(name[0], out[:len(out) - taken]) if len(name) > 1 and name[-2].text[:1].isupper() else None
        if word is None:
            out.append((ner_type, tokens))
            continue
        del out[len(out) - taken:]
        out.append(("Organization", [*doc[word.i:name[0].i], *name]))
    return out


def _run_past_and(tokens: list[Token]) -> list[Token]:
    """"Dyslexia Action and" + "Literacy Support": an English name the NER closed on "and" runs on over the
    capitalised words after it (three at most) that no name of the NER's holds; a name never ends on "and"."""
    doc, last = tokens[0].doc, tokens[-1]
    end = last.i + 1
    while last.lower_ in ("and", "&") and end < len(doc) and end - last.i <= 3 and _free_capitalised(doc[end]) \
            and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return list(doc[tokens[0].i:end]) if end > last.i + 1 else tokens


def _joined_halves(before: list[Token], tokens: list[Token]) -> bool:
    """"The Australian Nursing" + "and" + "Midwifery Federation": one English organisation's name the NER cut at
    "and", the first part opened by an article or an adjective and holding no body's head word nor a nation, the
    second closed by a body's head word; not two bodies ("the Porters Union and Drivers Federation", "Save the
    Children and Refugee Council", "Canada and Ports Council")."""
    c, doc = cues(), tokens[0].doc
    heads = c.complement_heads | c.institution_heads | c.nations
    return len(before) > 1 and before[0].pos_ in ("DET", "ADJ") and before[-1].i + 2 == tokens[0].i \
        and doc[before[-1].i + 1].lower_ == "and" and before[-1].is_alpha and before[-1].text[:1].isupper() \
        and not any(fold(t.text) in heads for t in before) and fold(tokens[-1].text) in heads - c.nations


def _free_capitalised(token: Token) -> bool:
    """A capitalised word no name of the NER's holds, inside the sentence."""
    return token.is_alpha and token.text[:1].isupper() and not token.ent_type_ and not token.is_sent_start


def _opening_before_and(first: Token, out: list[tuple[str, list[Token]]]) -> Token | None:
    """The capitalised word that "and" joins before ``first`` on its line ("Crohn's" of "Crohn's and Colitis"), which
    no name of the NER's holds but a lone word it misread as a person's, no first name ("Bowel"); or None."""
    doc, start = first.doc, first.i
    word = start - 2 - (start >= 3 and doc[start - 2].lower_ in ("'s", "’s"))
    if word < 0 or doc[start - 1].lower_ != "and" or not (doc[word].is_alpha and doc[word].text[:1].isupper()) \
            or "\n" in doc[word:start].text or (out and out[-1][1][-1].i >= word):
        return None
    lone = doc[word].ent_type_ == "PERSON" and doc[word].ent_iob_ == "B" and doc[word + 1].ent_iob_ != "I" \
        and fold(doc[word].text) not in given_names()
    return doc[word] if lone or not any(t.ent_type_ for t in doc[word:start]) else None


def flat_names(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """"Uber" + "France", "MG" + "France": two capitalised words side by side on one line that the French parse joins
    as one name (``flat:name``), of which the NER read only one, are one organisation's name, when the one it read is
    an organisation's name or the second (a place: "Uber France", the national branch). A first name opens no such
    organisation: "Marie France" is a person."""
    taken = {t.i for _, tokens in ents for t in tokens}
    out: list[tuple[str, list[Token]]] = []
    for ner_type, tokens in ents:
        first, last = tokens[0], tokens[-1]
        doc = first.doc
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        before = doc[first.i - 1] if first.i > 0 else None
        if ner_type == "Organization" and after is not None and _flat_pair(last, after, taken):
            tokens = [*tokens, after]
        elif ner_type == "Place" and len(tokens) == 1 and before is not None and _flat_pair(before, first, taken) \
                and fold(before.text) not in given_names():
            ner_type, tokens = "Organization", [before, first]
        out.append((ner_type, tokens))
    return out


def _flat_pair(left: Token, right: Token, taken: set[int]) -> bool:
    """Whether ``right`` is a capitalised word the parse hangs on ``left`` as the rest of its name, one space after it,
    with one of the two outside every name the NER found."""
    return right.dep_ == "flat:name" and right.head.i == left.i and right.i == left.i + 1 and left.whitespace_ == " " \
        and left.text[:1].isupper() and right.text[:1].isupper() and left.is_alpha and right.is_alpha \
        and (left.i not in taken or right.i not in taken)


def hyphenated_run(tokens: list[Token]) -> list[Token]:
    """"CLCV-Que Savoir", "Vélo-Cité Rennes" that the parse cut at the hyphen: in French, a name with a hyphen glued to
    capitalised words on both sides runs over them, and on through the capitalised words right after it on its line
    (French capitalises no common word inside a sentence); ``tokens`` as they are when no such hyphen joins them."""
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i

    def glued(i: int) -> bool:
        return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_ \
            and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha

    if doc[end].text == "-" and glued(end):
        end += 1  # the parse hung the hyphen on the name, not the word after it
    while start >= 2 and glued(start - 1):
        start -= 2
    while end + 2 < len(doc) and glued(end + 1):
        end += 2
    if not any(glued(i) for i in range(start + 1, end)):
        return tokens
    while end + 1 < len(doc) and doc[end].whitespace_ == " " and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha \
            and not doc[end + 1].is_sent_start:
        end += 1
    return list(doc[start:end + 1])


def joined_organisations(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """"Fields" + "in" + "Trust": two English organisations' names the NER cut at a lower-case preposition between
    them, on one line, are one name ("Fields in Trust", "Friends of the Earth" cut as "Friends" + "the Earth")."""
    out: list[tuple[str, list[Token]]] = []
    for ner_type, tokens in ents:
        if out and out[-1][0] == ner_type == "Organization":
            first = out[-1][1]
            doc = first[0].doc
            between = doc[first[-1].i + 1:tokens[0].i]
            if len(between) == 1 and between[0].lower_ in JOINING_PREPOSITIONS and between[0].is_lower \
                    and "\n" not in doc[first[-1].i:tokens[0].i + 1].text and tokens[0].text[:1].isupper():
                out[-1] = ("Organization", [*first, between[0], *tokens])
                continue
        out.append((ner_type, tokens))
    return out


def local_kind_names(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """"City of" + "York Council", "Royal Borough of" + "Kingston Council": an English council's name that opens with
    the kind of place and "of", which the NER leaves out (and the parse then makes the kind the subject), runs back over
    them, and over capitalised words before the kind that no name holds ("Royal", "London")."""
    out: list[tuple[str, list[Token]]] = []
    for ner_type, tokens in ents:
        doc, first = tokens[0].doc, tokens[0].i
        if ner_type == "Organization" and tokens[0].lang_ == "en" and first >= 2 and doc[first - 1].lower_ == "of" \
                and doc[first - 2].text[:1].isupper() and doc[first - 2].lower_ in LOCAL_KINDS and not doc[first - 2].ent_type_:
            start = first - 2
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and not doc[start - 1].ent_type_ \
                    and not doc[start - 1].is_sent_start and doc[start - 1].pos_ == "PROPN":
                start -= 1
            tokens = [*doc[start:first], *tokens]
        out.append((ner_type, tokens))
    return out


def lower_case_start(head: Token, first: int) -> int:
    """"the Medicines and Healthcare products Regulatory Agency": where an English organisation's name whose words from
    ``first`` to its ``head`` were found starts, when the NER or the parse cut it at the lower-case words inside it.
    Right after "the", capitalised words, "and" and a lower-case noun compounded on the name, all hanging on its head,
    are its first words; else ``first``."""
    doc, start = head.doc, first
    while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ == "and"
                         or doc[start - 1].pos_ == "NOUN" and doc[start - 1].is_lower and doc[start - 1].dep_ in ("compound", "conj")) \
            and head.is_ancestor(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    run = doc[start:first]
    if start == first or start == 0 or doc[start - 1].lower_ != "the" or not run[0].text[:1].isupper() \
            or not any(t.is_lower and t.pos_ == "NOUN" for t in run):
        return first
    return start


def lower_case_inside(ents: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """An organisation's name the NER cut at the lower-case words inside it (``lower_case_start``) is whole; the
    pieces the NER found in it are no names of their own."""
    out = [(t, list(ts)) for t, ts in ents]
    for k, (ner_type, tokens) in enumerate(out):
        if ner_type == "Organization" and (start := lower_case_start(tokens[-1], tokens[0].i)) < tokens[0].i:
            out[k] = (ner_type, [*tokens[0].doc[start:tokens[0].i], *tokens])
    return [e for e in out if not any(o is not e and o[1][0].i <= e[1][0].i and e[1][-1].i <= o[1][-1].i
                                      and len(o[1]) > len(e[1]) for o in out)]


TITLE_WORDS = frozenset({"my", "our", "your", "their", "his", "her", "its", "me", "us", "we", "you", "them", "it",
                         "after", "before", "against", "without", "with", "beyond", "behind", "into", "to", "up", "then"})
"""Pronouns, short prepositions and "then" that English capitalises inside a sentence only in a title: in the name of
a campaign or a group ("Protect Our Rivers", "Defend Digital Me", "Support After Crime", "Pregnant Then Screwed")."""


def title_case_run(tokens: list[Token]) -> list[Token]:
    """"Protect Our | Rivers", "Defend | Digital Me": an English name the NER cut at a word English capitalises only
    in titles (``TITLE_WORDS``) runs over the capitalised words around it, on its line, and an "and" between two
    of them ("Support After Murder and Manslaughter"), when one of them is such a word inside the sentence (its
    capital then says title, not sentence start); else ``tokens``."""
    doc, start, end = tokens[0].doc, tokens[0].i, tokens[-1].i

    def capitalised(t: Token) -> bool:
        return t.is_alpha and t.text[:1].isupper()

    def joining(k: int) -> bool:  # "and" between two capitalised words, a space on each side
        return 0 < k < len(doc) - 1 and doc[k].lower_ == "and" and doc[k].whitespace_ == doc[k - 1].whitespace_ == " " \
            and capitalised(doc[k - 1]) and capitalised(doc[k + 1])

    while start > 0 and doc[start - 1].whitespace_ == " " and (capitalised(doc[start - 1]) or joining(start - 1)):
        start -= 1
    while end + 1 < len(doc) and doc[end].whitespace_ == " " and (capitalised(doc[end + 1]) or joining(end + 1)):
        end += 1
    run = list(doc[start:end + 1])
    return run if titled(run) and len(run) > len(tokens) else tokens


def titled(tokens: list[Token]) -> bool:
    """Whether a word of ``TITLE_WORDS`` is capitalised among ``tokens`` inside the sentence: they are a title."""
    return any(t.lower_ in TITLE_WORDS and t.text[1:].islower() and t.text[:1].isupper() and not t.is_sent_start
               for t in tokens)


JOINING_PREPOSITIONS = frozenset({"in", "for", "of", "on", "against"})
"""Prepositions inside English organisations' names ("Fields in Trust", "Campaign for Better Transport")."""


def longer_names(ents: list[tuple[str, list[Token]]], roles: frozenset[str]) -> list[tuple[str, list[Token]]]:
    """"Brightwell Games, which ..." where the NER found only a later "Brightwell": an organisation's words that
    open a compound of capitalised proper nouns the NER left out, elsewhere or right after them, are the first
    words of its longer name (the short one is then the usual short name); not a post ("Transport Secretary")."""
    if not ents:
        return ents
    doc = ents[0][1][0].doc
    seen = {t.i for _, tokens in ents for t in tokens}
    by_first: dict[str, list[tuple[str, ...]]] = {}  # the names a token can open, longest first: one look-up a token
    for name in sorted({tuple(t.text for t in tokens) for ner_type, tokens in ents if ner_type == "Organization"},
                       key=lambda w: (-len(w), w)):
        by_first.setdefault(name[0], []).append(name)
    out = [(t, ts) for t, ts in ents]
    for k, token in enumerate(doc):
        for name in by_first.get(token.text, ()):
            end = k + len(name)
            if tuple(t.text for t in doc[k:end]) != name or (k and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha):
                continue
            run = end
            while run < len(doc) and run - end < 2 and doc[run].pos_ == "PROPN" and doc[run].is_alpha \
                    and doc[run].text[:1].isupper() and run not in seen and doc[run].lower_ not in roles \
                    and doc[run - 1].dep_ == "compound" \
                    and doc[run - 1].head.i >= run and "\n" not in doc[run - 1].whitespace_:
                run += 1
            if run == end or (run < len(doc) and doc[run].pos_ == "PROPN" and doc[run].text[:1].isupper()):
                continue
            out = [(t, ts) for t, ts in out if not (ts[0].i >= k and ts[-1].i < run)]
            out.append(("Organization", list(doc[k:run])))
    return sorted(out, key=lambda e: e[1][0].i)


def name_before_place(place: Token) -> Token | None:
    """"Santé publique France", "Alliance écologiste France", "Universities UK": a capitalised noun (and lower-case
    adjectives) right before a place's name open an organisation's name that the place closes, as does in English a
    capitalised word inside the sentence that no name holds ("Labour and Reform UK"); the noun, else None."""
    doc, k = place.doc, place.i - 1
    while k >= 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1
    if k == place.i - 1:  # with no adjective, only nouns compounded with the place: "Delivery Platforms Europe"
        # or, in French, which writes no compounds, a noun the NER reads in one name with the place: "Campus France",
        # or nouns and capitalised adjectives it reads in one name with the place: "Familles Rurales France"
        while k >= 0 and (doc[k].dep_ == "compound" and doc[k].head.i > k and not doc[k].ent_type_
                          or k == place.i - 1 and _free_capitalised(doc[k]) and doc[k].lang_ == "en"  # "Labour and Reform UK"
                          and doc[k].whitespace_ == " " and fold(doc[k].text) not in given_names()
                          or doc[k].ent_type_ and place.ent_iob_ == "I" and doc[k + 1].ent_iob_ == "I"
                          and doc[k].lang_ == "fr" and fold(doc[k].text) not in given_names()) \
                and doc[k].text[:1].isupper() and doc[k].pos_ in ("NOUN", "PROPN", "ADJ" if doc[k].lang_ == "fr" else "PROPN"):
            k -= 1
        k += 1
    if k < 0 or k == place.i:
        return None
    head = doc[k]
    return head if head.pos_ in ("NOUN", "PROPN") and head.text[:1].isupper() and head.is_alpha \
        and fold(head.text) not in cues().determiners and "\n" not in doc[k:place.i].text else None


def longest_run(tokens: list[Token], words: set[str]) -> list[Token]:
    """The longest run of ``tokens`` whose folded words are all in ``words`` (the first of equal runs)."""
    best: list[Token] = []
    run: list[Token] = []
    for t in tokens:
        run = [*run, t] if fold(t.text) in words else []
        if len(run) > len(best):
            best = run
    return best


def known_first_name(token: Token) -> bool:
    """A capitalised first name of the knowledge base's or of the first-name list."""
    return token.text[:1].isupper() and (fold(token.text) in given_names() or token.text.lower() in first_names())


def titled_person(ner_type: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """"Councillor Amanda Reyes" that the NER called an organisation, whole or from the surname only: a title,
    then a known first name and a surname, is a person's name without its title, and so is one word after a title in
    English ("Councillor Ekon", which the article's full name then resolves). "Olivier d’Harcourt" read as a
    place: a known first name, particles and a capitalised surname are a person's."""
    if ner_type != "Person" and 3 <= len(tokens) <= 5 and known_first_name(tokens[0]) and tokens[-1].text[:1].isupper() \
            and all(fold(t.text) in cues().name_particles for t in tokens[1:-1]):
        return "Person", tokens
    if ner_type == "Person" or not all(t.text[:1].isupper() for t in tokens):
        return ner_type, tokens
    doc, k = tokens[0].doc, tokens[0].i
    words = [*doc[max(0, k - 2):k], *tokens] if k >= 2 and fold(doc[k - 1].text) in given_names() else tokens
    if len(words) >= 3 and fold(words[0].text).rstrip(".") in cues().honorifics and fold(words[1].text) in given_names() \
            and words[1].text[:1].isupper():
        return "Person", words[1:]
    if len(tokens) == 2 and tokens[0].lang_ == "en" and fold(tokens[0].text).rstrip(".") in cues().honorifics \
            and tokens[1].is_alpha and fold(tokens[1].text) not in cues().honorifics | cues().complement_heads \
            and not (k > 0 and (doc[k - 1].pos_ == "ADP"
                                or doc[k - 1].text[:1].isupper() and not doc[k - 1].is_sent_start)):
        return "Person", tokens[1:]  # "Councillor Ekon": a title and one name, a first name or a surname, is a person's
        # (not a piece of a longer name: "the Centre for | Justice Reform")
    return ner_type, tokens


def affiliated_person(ner_type: str, tokens: list[Token], roles: frozenset[str]) -> tuple[str, list[Token]]:
    """"The Labour MP Sadia Rahman", "le conseiller régional RN Thierry Dumas" that the NER read whole as a body or a
    place: a role word, or a party's name after a role noun, before a known first name and a surname are no part of
    the person's name (docs/gold-format.md: a speaker's label is the person's name)."""
    if ner_type == "Person" or len(tokens) < 3:
        return ner_type, tokens
    role = next((k for k in range(len(tokens) - 2, 0, -1) if fold(tokens[k - 1].text) in roles), None)
    if role is not None and (known_first_name(tokens[role]) or all(t.text[:1].isupper() or t.text == "-" for t in tokens[role:])):
        return "Person", tokens[role:]
    doc, k = tokens[0].doc, tokens[0].i - 1
    while k > 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1  # "conseiller régional"
    role_noun = k >= 0 and doc[k].is_lower and doc[k].pos_ == "NOUN" and (doc[k].lower_ in roles or doc[k].lemma_.lower() in roles)
    if len(tokens) == 3 and role_noun and not known_first_name(tokens[0]) and known_first_name(tokens[1]):
        return "Person", tokens[1:]
    return ner_type, tokens


GAELIC_PARTICLES = frozenset({"o", "ni", "nic", "mac", "mhic", "ui", "ua"})
"""Capitalised particles of Irish and Scottish Gaelic surnames ("Ní Bhriain", "Nic Giolla Phádraig", "Ó Máille")."""
GAELIC_ARTICLES = frozenset({"na", "nan"})
"""The Gaelic "of the" inside a body's name ("Conradh na Gaeilge", "Bòrd na Gàidhlig")."""


def gaelic_opening(tokens: list[Token]) -> Token | None:
    """The word that opens a Gaelic name the NER cut: the first name before a surname's particle ("Síle | Nic Giolla
    Phádraig"), the capitalised word before "na" ("Conradh na | Gaeilge"), or a Gaelic "An" (``gaelic_article``);
    None when there is none."""
    doc, k = tokens[0].doc, tokens[0].i
    if k == 0 or "\n" in doc[k - 1].whitespace_:
        return None
    before = doc[k - 1]
    if fold(tokens[0].text) in GAELIC_PARTICLES and len(tokens) > 1 and before.pos_ == "PROPN" and not before.ent_type_ \
            and _capitalised_word(before):
        return before
    if before.text in GAELIC_ARTICLES and k >= 2 and _capitalised_word(doc[k - 2]):
        return doc[k - 2]  # (whatever the tagger read the word as: "Comhairle" as a noun)
    return before if gaelic_article(before) else None


def gaelic_rest(tokens: list[Token]) -> list[Token]:
    """``tokens`` run on through "na" and the capitalised word after it ("Comhairle | na Mara"): one body's name."""
    doc, k = tokens[0].doc, tokens[-1].i + 1
    if k + 1 < len(doc) and doc[k].text in GAELIC_ARTICLES and _capitalised_word(doc[k + 1]) and _capitalised_word(tokens[-1]):
        return list(doc[tokens[0].i:k + 2])
    return tokens


def gaelic_article(token: Token) -> bool:
    """A capitalised "An" before a name that opens with a consonant, which the English article never precedes: the
    Gaelic article of a name ("An Taisce"), not "An Irish group", "An MP"."""
    if token.text != "An" or token.i + 1 >= len(token.doc):
        return False
    after = token.nbor(1)
    first = fold(after.text)[:1]
    return first.isalpha() and first not in "aeiouh" and after.text[:1].isupper() and not after.text.isupper()


def _capitalised_word(token: Token) -> bool:
    """A capitalised word that ends no line: a Gaelic name's part may be one."""
    return token.is_alpha and token.text[:1].isupper() and "\n" not in token.whitespace_


def past_affiliation(tokens: list[Token], roles: frozenset[str] = frozenset()) -> list[Token]:
    """"le député Renaissance Olivier Brunet": after a role noun, a capitalised word that is no first name, before
    a known first name and a surname, is the person's party or group, not part of their name. A capitalised word
    the NER left out before a person's name, inside the sentence, is their first name."""
    doc = tokens[0].doc
    before = doc[tokens[0].i - 1] if tokens[0].i else None
    # and a capitalised common noun opening the sentence: "Landlord Tom Hale is unconvinced"
    if len(tokens) >= 3 and (before is not None and before.is_lower and before.pos_ == "NOUN" or tokens[0].is_sent_start) \
            and not known_first_name(tokens[0]) and known_first_name(tokens[1]) and fold(tokens[1].text) not in GAELIC_PARTICLES:
        return tokens[1:]  # (not "Síle | Nic Giolla Phádraig": a surname's particle that is also a first name)
    # and, opening the sentence, before a surname alone ("Sioned | Parry, who runs a café, said")
    first = before if before is not None and before.i > 0 and (not before.is_sent_start or len(tokens) == 1) else None
    if first is not None and first.pos_ == "PROPN" and first.dep_ == "compound" and first.head.i in {t.i for t in tokens} \
            and first.text[:1].isupper() and first.is_alpha and not first.ent_type_ and first.whitespace_ == " " \
            and (not doc[first.i - 1].text[:1].isupper() or fold(doc[first.i - 1].text) in roles) and not {fold(first.text).rstrip("."), fold(first.text).removesuffix("s")} & (cues().honorifics | roles):
        return [first, *tokens]  # "London mayor Sadiq Khan": the first name the NER left out
    return tokens


def before_clause(tokens: list[Token]) -> list[Token]:
    """"le Syndicat des déchets | d’avoir (« fermé ... »)": a name the NER ran on to the verb of the clause after it;
    a lower-case verb or auxiliary closing the span whose head lies past it opens that clause, and the preposition
    or conjunction before it with it."""
    out = list(tokens)
    if out and out[-1].is_lower and out[-1].pos_ in ("VERB", "AUX") and out[-1].head.i > out[-1].i:
        out.pop()
        while out and out[-1].is_lower and out[-1].dep_ == "mark":
            out.pop()
    return out


def elided_surname(token: Token) -> bool:
    """"d'Abernon", "O’Neill": a surname opened by an elided particle glued to its capital, which a lower-case first
    letter does not make a common word."""
    text = token.text
    cut = max(text.find("'"), text.find("’"))
    return 0 < cut <= 2 and text[:cut].isalpha() and text[cut + 1:cut + 2].isupper() and text[cut + 1:].isalpha()


def glued_after_apostrophe(token: Token) -> bool:
    """Whether ``token`` is a capitalised word ending in an apostrophe glued to lower-case letters ("Goarnic’ | h",
    "Kerbra’ | ch"): one surname that the tokenizer cut at its apostrophe, as in Breton « c’h »."""
    doc = token.doc
    return token.i + 1 < len(doc) and len(token.text) > 3 and token.text[-1:] in ("'", "’") and token.text[:1].isupper() \
        and not token.whitespace_ and doc[token.i + 1].is_alpha and doc[token.i + 1].is_lower


def first_name_words(tokens: list[Token], words: set[str]) -> set[str]:
    """Known first names right before a word of ``words`` ("Hillary" in a headline's "Hillary Clinton")."""
    given = given_names()
    return {fold(t.text) for t, after in zip(tokens, tokens[1:]) if fold(t.text) in given and fold(after.text) in words}


def drop_epithets(people: list[Name]) -> None:
    """"Crooked Hillary Clinton" where the article also writes "Hillary Clinton" (a known first name): the
    first word is an epithet, not part of the name; the mention starts at the name. "Ildefonso Guajardo
    Villarreal" beside "Guajardo Villarreal" keeps its first name."""
    full = {tuple(name_words(n.text)) for n in people}
    given = given_names()
    for n in people:
        words = n.text.split()
        first, tail = name_words(words[0]), tuple(name_words(" ".join(words[1:])))
        if len(words) > 2 and tail in full and tail[0] in given and first and first[0] not in given:
            skip = n.text.index(words[1], len(words[0]))
            n.span, n.text = (n.span[0] + skip, n.span[1]), n.text[skip:]
