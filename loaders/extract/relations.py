"""Relations an article states between its entities: ownership, features, leadership, posts, seats, membership.

The patterns are data (``loaders/data/<language>/relations.yaml``): spaCy Matcher token patterns run over a
copy of the article's Doc in which every entity mention is merged into one token that carries its entity
key and type. A pattern therefore reads like the sentence it matches, "<Platform> , ... appartenant à
<Company>", and stays general: the slots are entity types, not names, and a slot takes the whole list
"Facebook, Instagram et WhatsApp" it stands in. Token patterns rather than dependency paths, because the
parser often attaches appositions and lists wrongly while the surface order is reliable.

Only what the text states is emitted: nothing is copied from the knowledge base, so every relation keeps
its provenance (the span of the words that state it). Two kinds are read from the entity index, for what
the text says of a mention: a person named by a post ("le député de Lyon a critiqué...") holds it, and
a spokesperson (``Entity.acts_for``, set from "un porte-parole d'Amazon") speaks for the organisation the
text names next to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from policykg.ontology import ORGANISATION_TYPES
from policykg.loaders import lexicon
from policykg.loaders.extract.entities import EntityIndex, fold
from policykg.loaders.model import Article, Entity, Relation
from policykg.loaders.nlp import load_pipeline

KEY = "policykg_entity"
if not Token.has_extension(KEY):
    Token.set_extension(KEY, default="")

SENTENCE_END = [".", "!", "?", ";", "…"]
LIST_LINKS = frozenset({",", "et", "ou", "and", "or", "&", "ainsi que", "as well as"})
VERB_OBJECTS = frozenset({"obj", "dobj", "iobj", "pobj"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
CONTRAST_SENTENCES = 2
"""How many sentences back "ce qui n'est pas le cas de X" looks for what it contrasts with."""
APPOSITION = frozenset({",", "(", "–", "—"})
APPOSITION_WORDS = 4
"""At most this many words (the comma included) between a name and a post in apposition to it."""
TITLE_LEADERS = frozenset({"ADP", "DET", "PRON", "SCONJ", "CCONJ"})
"""Parts of speech a post title does not start with."""
DETERMINERS = frozenset({"le", "la", "l'", "les", "un", "une", "the", "a", "an"})


@dataclass(frozen=True)
class Rule:
    predicate: str
    negated: str | None
    past: str | None
    contrast: str | None
    slots: tuple[str | None, ...]
    """The slot (``subject``, ``object``, ``title``) each position of the pattern fills, or None."""
    types: tuple[frozenset[str], ...]
    """The entity types each position accepts (empty where it is not an entity)."""


@dataclass(frozen=True)
class Patterns:
    """One language's rules, compiled into a Matcher (match id = index of the rule)."""

    matcher: Matcher
    rules: list[Rule]
    negation: frozenset[str]
    roles: frozenset[str]
    leaders: frozenset[str]
    possessives: frozenset[str]


def find_relations(article: Article, doc: Doc, index: EntityIndex) -> list[Relation]:
    """The relations the text of ``article`` states, each once, in text order."""
    rules = patterns(article.language or doc.lang_)
    found: dict[tuple[str, str, str], Relation] = {}
    for relation in [*_matched(merge_mentions(doc, index), rules), *_role_mentions(doc, index, rules),
                     *_posts_of_the_one_before(doc, index, rules), *_spokespeople(article.text, doc, index)]:
        if relation.subject != relation.object:
            found.setdefault((relation.subject, relation.predicate, relation.object), relation)
    return sorted(_widest_roles(list(found.values())), key=lambda r: r.span or (0, 0))


def _length(doc: Doc) -> int:
    """The length of the text of ``doc`` (without building ``doc.text``)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _widest_roles(relations: list[Relation]) -> list[Relation]:
    """Drop a post title read inside a longer one of the same person ("executive" in "Meta chief executive")."""
    roles = [r for r in relations if r.predicate in ("holds_role", "leads") and r.span]
    return [r for r in relations if r.predicate != "holds_role" or not r.span or not any(
        other is not r and other.subject == r.subject and other.span[0] <= r.span[0] and r.span[1] <= other.span[1]
        and other.span != r.span for other in roles)]


def merge_mentions(doc: Doc, index: EntityIndex) -> Doc:
    """A copy of ``doc`` where each entity mention is one token, whose ``ent_type_`` is the entity's type and
    whose ``_.policykg_entity`` is its key. (The entity type goes in a native attribute because the Matcher
    tests those in C, extension attributes in Python: ten times slower.)"""
    merged = doc.copy()
    merged.ents = []
    taken: set[int] = set()
    with merged.retokenize() as retokenizer:
        for (start, end), entity in index.mentions_between(0, _length(doc)):
            span = merged.char_span(start, end, alignment_mode="expand")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            retokenizer.merge(span, attrs={"ENT_TYPE": entity.type, "ENT_IOB": 3, "_": {KEY: entity.key}})
    return merged


@cache
def patterns(language: str) -> Patterns:
    """The compiled rules of ``language``, read once per process."""
    data = lexicon.load("relations", language)
    roles = [r.lower() for r in data["roles"]]
    matcher = Matcher(load_pipeline(language).vocab)
    rules = []
    for number, entry in enumerate(data["rules"]):
        tokens, slots = zip(*(_token_spec(spec, roles) for spec in entry["pattern"]))
        matcher.add(str(number), [list(tokens)])
        types = tuple(frozenset(spec.get("ENT", ())) for spec in entry["pattern"])
        rules.append(Rule(entry["predicate"], entry.get("negated"), entry.get("past"), entry.get("contrast"), slots,
                          types))
    return Patterns(matcher, rules, frozenset(fold(n) for n in data["negation"]), frozenset(roles),
                    frozenset(r.lower() for r in data["leaders"]), frozenset(fold(p) for p in data["possessives"]))


def _token_spec(spec: dict, roles: list[str]) -> tuple[dict, str | None]:
    """The Matcher token pattern of one YAML token, and the slot it fills (see the data files' header)."""
    spec = dict(spec)
    slot = spec.pop("as", None)
    if "ENT" in spec:
        spec["ENT_TYPE"] = {"IN": spec.pop("ENT")}
    if "GAP" in spec:
        spec.update({"ORTH": {"NOT_IN": SENTENCE_END}, "IS_SPACE": False, "OP": f"{{0,{spec.pop('GAP')}}}"})
    if spec.pop("ROLE", False):
        spec["LOWER"] = {"IN": roles}
    if "TITLE" in spec:
        spec.update({"IS_PUNCT": False, "IS_SPACE": False, "ENT_TYPE": {"NOT_IN": ["Person"]},
                     "OP": f"{{0,{spec.pop('TITLE')}}}"})
        slot = "title"
    return spec, slot


def _matched(merged: Doc, rules: Patterns) -> list[Relation]:
    """Relations from the pattern rules; of overlapping matches of one rule, the tightest (or longest title)."""
    best: dict[tuple, tuple[int, int, list[int]]] = {}
    for match_id, start, end, alignment in rules.matcher(merged, with_alignments=True):
        rule_number = int(merged.vocab.strings[match_id])
        rule = rules.rules[rule_number]
        anchors = tuple(start + i for i, position in enumerate(alignment)
                        if rule.slots[position] in ("subject", "object"))
        key = (rule_number, anchors)
        has_title = "title" in rule.slots
        if key not in best or (end - start > best[key][1] - best[key][0]) == has_title:
            best[key] = (start, end, alignment)
    relations: list[Relation] = []
    contrasts = []
    for (rule_number, _), (start, end, alignment) in best.items():
        rule = rules.rules[rule_number]
        if rule.contrast:
            contrasts.append((rule, start, end, alignment))
        else:
            relations.extend(_relations_of(merged, rules, rule, start, end, alignment))
    for rule, start, end, alignment in contrasts:
        relations.extend(_contrasted(merged, rule, start, end, alignment, relations))
    return relations


def _contrasted(merged: Doc, rule: Rule, start: int, end: int, alignment: list[int],
                stated: list[Relation]) -> list[Relation]:
    """"Ce qui n'est pas le cas de X": X gets the negation of what the sentence before stated of others."""
    subject = merged[start + next(i for i, p in enumerate(alignment) if rule.slots[p] == "subject")]
    first = merged[start].sent
    for _ in range(CONTRAST_SENTENCES):
        first = merged[first.start - 1].sent if first.start > 0 else first
    window = (first.start_char, merged[start].idx)
    span = (merged[start].idx, merged[end - 1].idx + len(merged[end - 1].text))
    return [Relation(subject._.get(KEY), rule.predicate, r.object, span=span) for r in stated
            if r.predicate == rule.contrast and r.span and window[0] <= r.span[0] < window[1]]


def _relations_of(merged: Doc, rules: Patterns, rule: Rule, start: int, end: int,
                  alignment: list[int]) -> list[Relation]:
    """The relations of one match: every subject of its list with every object of its list, the predicate
    turned by a negation or a past tense where the rule says so."""
    by_slot: dict[str, list[Token]] = {}
    types: dict[str, frozenset[str]] = {}
    for offset, position in enumerate(alignment):
        if rule.slots[position]:
            by_slot.setdefault(rule.slots[position], []).append(merged[start + offset])
            types[rule.slots[position]] = rule.types[position]
    span = (merged[start].idx, merged[end - 1].idx + len(merged[end - 1].text))
    fixed = {start + offset for offset, position in enumerate(alignment) if rule.slots[position] is None}
    if any(_argument_elsewhere(t, fixed) for slot in ("subject", "object") for t in by_slot.get(slot, ())):
        return []
    if "title" in by_slot:  # a title belongs to the one person next to it, not to a list
        return [_role(by_slot["subject"][0], by_slot["title"], rules, span)]
    subjects = _listed(by_slot["subject"][0], types["subject"], start, end)
    predicate = rule.predicate
    if rule.negated and any(fold(t.text) in rules.negation or fold(t.lemma_) in rules.negation
                            for t in merged[start:end]):
        predicate = rule.negated
    if rule.past and any(_is_past(t) for t in merged[start:end] if t.pos_ in ("VERB", "AUX")):
        predicate = rule.past
    objects = _listed(by_slot["object"][0], types["object"], start, end)
    return [Relation(s._.get(KEY), predicate, o._.get(KEY), span=span) for s in subjects for o in objects]


def _argument_elsewhere(token: Token, fixed: set[int]) -> bool:
    """Whether an entity (or the list it ends) is the object of a verb in a clause inside the subject of the
    matched verb: in "Meta, which owns Facebook and WhatsApp, plans to ...", WhatsApp is what Meta owns, not
    who plans."""
    head = token
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    verb = head.head
    if head.dep_ not in VERB_OBJECTS or verb.pos_ != "VERB" or verb.i in fixed:
        return False
    doc = token.doc
    return any(child.dep_ in SUBJECTS and child.is_ancestor(verb)
               for i in fixed for child in doc[i].children)


def _listed(token: Token, types: frozenset[str], start: int, end: int) -> list[Token]:
    """The entity ``token`` and the entities of ``types`` listed with it ("A, B et C"), outside the rest of
    the match."""
    items = [token]
    for step in (-1, 1):
        i = token.i
        while True:
            link, j = _list_link(token.doc, i, step)
            if link is None or not (0 <= j < len(token.doc)) or (start <= j < end and j != token.i):
                break
            other = token.doc[j]
            if other.ent_type_ not in types:
                break
            items.append(other)
            i = j
    return sorted(items, key=lambda t: t.i)


def _list_link(doc: Doc, i: int, step: int) -> tuple[str | None, int]:
    """The list separator next to token ``i`` in direction ``step`` ("," "et" ", and"), and the token past it."""
    j = i + step
    words = []
    while 0 <= j < len(doc) and len(words) < 2 and (doc[j].is_punct or doc[j].lower_ in LIST_LINKS):
        words.append(doc[j].lower_)
        j += step
    return (words[0] if words and all(w in LIST_LINKS for w in words) else None), j


def _is_past(token: Token) -> bool:
    """A verb in a past tense or a past participle with an auxiliary: the plan already happened."""
    if "Past" not in token.morph.get("Tense"):
        return False
    return token.tag_ == "VBD" or any(child.dep_.startswith("aux") for child in token.children)


def _role(subject: Token, title_tokens: list[Token], rules: Patterns, span: tuple[int, int]) -> Relation:
    """``holds_role`` with the title as a literal, or ``leads`` when a leader noun heads "de <organisation>"."""
    organisations = [t for t in title_tokens if t.ent_type_ in ORGANISATION_TYPES]
    if organisations and any(t.lower_ in rules.leaders for t in title_tokens):
        return Relation(subject._.get(KEY), "leads", organisations[0]._.get(KEY), span=span)
    doc = subject.doc
    first, last = min(t.i for t in title_tokens), max(t.i for t in title_tokens)
    while first < last and doc[first].pos_ in TITLE_LEADERS:  # "as his former secretary" → "former secretary"
        first += 1
    title = doc[first:last + 1].text.strip()
    return Relation(subject._.get(KEY), "holds_role", title, object_is_literal=True, span=span)


def _role_mentions(doc: Doc, index: EntityIndex, rules: Patterns) -> list[Relation]:
    """A person mentioned by a post rather than by name ("le député de X a critiqué...", "the Home
    Secretary said") holds that post, or leads the organisation ("le chef de Meta")."""
    relations = []
    mentions = index.mentions_between(0, _length(doc))
    for number, ((start, end), entity) in enumerate(mentions):
        span = doc.char_span(start, end, alignment_mode="expand")
        if entity.type != "Person" or entity.acts_for or span is None or _apposed_to_other(doc, mentions, number):
            continue
        words = [t for t in span if not t.is_space]
        while words and fold(words[0].text) in DETERMINERS:
            words = words[1:]
        role_words = [w for w in words if w.lower_ in rules.roles]
        name_words = {fold(w) for w in entity.label.split()}
        if not role_words or any(fold(w.text) in name_words for w in words):
            continue
        organisation = _organisation_after(words, index)
        if organisation is not None and any(w.lower_ in rules.leaders for w in role_words):
            relations.append(Relation(entity.key, "leads", organisation, span=(start, end)))
        else:
            title = doc[words[0].i:words[-1].i + 1].text.strip()
            relations.append(Relation(entity.key, "holds_role", title, object_is_literal=True, span=(start, end)))
    return relations


def _posts_of_the_one_before(doc: Doc, index: EntityIndex, rules: Patterns) -> list[Relation]:
    """A person introduced by a post of "its" ("The Law Society objected. Its chair, Jo Bell, said ...", « Son
    président, Paul Martin, ... »): the post is in the organisation named last before it, in that sentence or
    the one before, which the person leads (a leader noun) or where they hold the post."""
    relations = []
    mentions = index.mentions_between(0, _length(doc))
    for (start, end), entity in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if entity.type != "Person" or span is None or span.start < 2 or doc[span.start - 1].text not in APPOSITION:
            continue
        opening = next((t for t in reversed(doc[max(span.sent.start, span.start - APPOSITION_WORDS - 1):span.start - 1])
                        if fold(t.text) in rules.possessives), None)
        title = doc[opening.i + 1:span.start - 1] if opening is not None else []
        if not title or not any(t.lower_ in rules.roles for t in title) or any(t.is_punct for t in title):
            continue
        sentence = opening.sent
        first = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        organisations = [other for (s, _), other in mentions
                         if first <= s < opening.idx and other.type in ORGANISATION_TYPES and other.key != entity.key]
        if not organisations:
            continue
        if any(t.lower_ in rules.leaders for t in title):
            relations.append(Relation(entity.key, "leads", organisations[-1].key, span=(opening.idx, end)))
        else:
            relations.append(Relation(entity.key, "holds_role", title.text, object_is_literal=True,
                                      span=(opening.idx, end)))
    return relations


def _apposed_to_other(doc: Doc, mentions: list[tuple[tuple[int, int], Entity]], number: int) -> bool:
    """Whether mention ``number`` stands in apposition to another person's name ("Scott Pruitt, the attorney
    general of Oklahoma"): the post is that person's, whoever the index resolved it to."""
    (start, end), entity = mentions[number]
    for other in (number - 1, number + 1):
        if not 0 <= other < len(mentions):
            continue
        (other_start, other_end), neighbour = mentions[other]
        if neighbour.type != "Person" or neighbour.key == entity.key:
            continue
        gap = (other_end, start) if other < number else (end, other_start)
        if gap[0] >= gap[1]:
            continue
        words = [t for t in doc.char_span(*gap, alignment_mode="expand") or () if not t.is_space]
        if words and words[0 if other < number else -1].text in APPOSITION and len(words) <= APPOSITION_WORDS:
            return True
    return False


def _organisation_after(words: list[Token], index: EntityIndex) -> str | None:
    """The organisation named after "de"/"of" in a post title ("chef de Meta"), if the index knows it."""
    for i, word in enumerate(words[:-1]):
        if fold(word.text) in ("de", "du", "d'", "des", "of", "at"):
            rest = words[i + 1:]
            while len(rest) > 1 and fold(rest[0].text) in DETERMINERS:
                rest = rest[1:]
            entity = index.lookup(word.doc[rest[0].i:rest[-1].i + 1].text)
            if entity is not None and entity.type in ORGANISATION_TYPES:
                return entity.key
    return None


def _spokespeople(text: str, doc: Doc, index: EntityIndex) -> list[Relation]:
    """``speaks_for`` for each spokesperson whose organisation the text names in a sentence that mentions them."""
    relations = []
    for entity in index.entities.values():
        organisation = index.entities.get(entity.acts_for or "")
        if organisation is None:
            continue
        names = re.compile("|".join(rf"\b{re.escape(fold(name))}\b"
                                    for name in organisation.aliases | {organisation.label}))
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            first, last = min(start, span.sent.start_char), max(end, span.sent.end_char)
            if (any(first <= s < last for s, _ in organisation.mentions)
                    or names.search(fold(text[first:last]))):
                relations.append(Relation(entity.key, "speaks_for", organisation.key, span=(start, end)))
                break
    return relations
