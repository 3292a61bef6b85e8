"""Documents as speakers: who wrote a report, a poll or a statement that a sentence cites, from the parse of the
document's noun ("une étude de la Drees", "un sondage réalisé pour X", "X released a statement")."""
from __future__ import annotations

from spacy.tokens import Token

from policykg.loaders.extract.statements.cues import Cues, load_cues

READERS = frozenset({"see", "obtain", "read", "review", "examine", "receive", "view", "quote", "cite", "leak",
                     "consulter", "obtenir", "lire", "voir", "rapporter", "relayer", "citer"})
"""Participles whose agent reads a document rather than writes it ("papers seen by the BBC")."""


def draft(head: Token, cues: Cues) -> bool:
    """« un projet de décret », « une proposition de loi », « un avant-projet d'arrêté »: a noun whose bare « de »
    complement is a document or a legal text is the draft of one, which speaks for the author a participle on it names
    (« présenté par X »; not « transmis aux professionnels », who received it)."""
    of = head.nbor(1) if head.i + 1 < len(head.doc) else None
    return head.pos_ == "NOUN" and of is not None and of.lower_ in ("de", "d'", "d’") and any(
        c.dep_ == "nmod" and c.i == of.i + 1 and c.lemma_.lower() in cues.documents | cues.provisions for c in head.rights) \
        and any(t.dep_ == "obl:agent" for t in head.subtree)


def author_of(head: Token) -> Token | None:
    """The author a document noun names after it ("une étude de la Drees", "a report by the agency"); who it was
    made "for", then "by", first, and never the people it counted ("a survey of 2,000 parents by X")."""
    objects = [child if child.dep_ == "nmod" else next((g for g in child.children if g.dep_ == "pobj"), None)
               for child in head.rights if child.dep_ in ("nmod", "prep")
               and not (child.left_edge.i == head.i + 1 and child.left_edge.lower_ in ("à", "au", "aux"))]  # "un amendement au texte"
    objects += [g for o in list(objects) if o is not None for c in o.rights if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj"]  # "a survey of 300 members by X": "by" hung on the counted
    objects += [g for a in head.subtree if a.dep_ == "agent" and a.head.dep_ == "acl"  # "a survey of X carried out by Y",
                and a.head.lemma_.lower() not in READERS for g in a.children if g.dep_ == "pobj"]  # not "papers seen by Y"
    objects += [g for a in head.subtree if a.dep_ == "prep" and a.lower_ == "for" and a.head.dep_ in ("acl", "pobj")
                and a.head.i > head.i for g in a.children if g.dep_ == "pobj"]  # "a poll carried out by Y for X"
    # "un sondage commandé par X", "une étude réalisée par X": the agent of a participle on the document
    # the parse may hang it on a date after the participle; it wins over the pollster named after the noun
    # ("un sondage Ifop commandé par X": X speaks)
    # or on the noun's complement ("le bilan de l'expérimentation publié par X")
    agents = [g for noun in (head, *(c for c in head.rights if c.dep_ == "nmod")) for child in noun.rights
              if child.dep_ == "acl" and child.pos_ == "VERB" and child.lemma_.lower() not in READERS
              for g in child.subtree if g.dep_ == "obl:agent"]
    authors = [o for o in agents + objects if o is not None and o.pos_ in ("PROPN", "NOUN")
               and not any(g.dep_ == "nummod" or g.dep_ == "poss" and g.pos_ == "PRON" for g in o.children)]
    # "a study it commissioned", "a survey of its members": the body the pronoun stands for, whose members were counted
    authors += [g for o in objects if o is not None and not authors for g in o.children if g.dep_ == "poss" and g.pos_ == "PRON"]
    authors += [g for c in head.rights if c.dep_ == "relcl" and not authors for g in c.children
                if g.dep_ == "nsubj" and g.pos_ == "PRON" and g.lower_ in ("it", "they")]
    # "a poll for X by Y", « un sondage Ifop réalisé pour X »: X commissioned it and speaks, before the pollster
    return next((o for o in authors if o.head.lower_ == "for"), None) or commissioner(head) \
        or next((o for o in authors if o.head.lower_ == "by"), authors[0] if authors else None)


def commissioner(head: Token) -> Token | None:
    """« un sondage Ifop réalisé (en mai) pour X », « une étude menée par Y pour (le compte de) X »: the body a French
    document made by a participle on it says it was made « pour », after the participle, who commissioned it (the
    parse may hang it on the noun, a date or the pollster): a name or a collective noun of a body (not « pour la
    première fois »); None when there is none."""
    made = next((c for c in head.rights if c.dep_ == "acl" and c.pos_ == "VERB" and c.lemma_.lower() not in READERS), None)
    if made is None:
        return None
    for g in head.subtree:
        if g.i <= made.i or not g.dep_.startswith(("obl", "nmod")) \
                or not any(c.dep_ == "case" and c.lower_ == "pour" for c in g.children):
            continue
        if g.lower_ == "compte":  # « pour le compte de X »
            g = next((c for c in g.children if c.dep_ == "nmod"), g)
        if g.pos_ in ("PROPN", "NOUN") and (g.text[:1].isupper() or g.lower_ in load_cues(g.lang_).collectives):
            return g
    return None


def issuer_of(head: Token) -> Token | None:
    """Who issued a document that is the object of their verb ("X released a statement saying ...", « le conseil
    doit voter une motion demandant ... »)."""
    if head.dep_ not in ("dobj", "obj"):
        return None
    verb = head.head  # « Le conseil doit voter une motion »: the subject of the verb the infinitive completes
    while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
        verb = verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)
