"""Statements: who said what, found through quotation marks, verbs of saying and attribution phrases.

Every statement has a cue (or a quotation layout that stands for one) and a resolved speaker;
a statement whose speaker cannot be resolved is not emitted. The rules, named in each
statement's ``method``:

- ``quote+cue``: a quotation with its verb of saying before it ("X a déclaré : « ... »", "X said,
  “...”", "a conclu en déclarant : « ... »", also when the quotation opens the next paragraph), after
  it ("« ... », a déclaré X", "« ... », juge de son côté X", "« ... », s'est réjoui le maire",
  "“...,” X said", a quotation of several sentences, one left open at a paragraph end and resumed
  in the next), around it ("“A,” he said, “B.”", whatever the length of the interruption, which the content's
  words leave out) or inside its marks ("« A, explique-t-elle. B »").
  A quotation embedded in a longer reported clause is part of that clause's statement; a cue whose
  sentence follows a quotation that ended the sentence before ("“....” X said that ...") reports its own clause.
- ``speech-verb``: reported speech, a verb of saying with its complement ("X affirme que ...",
  "X said he would ...", "X assure avoir ...", "X told his audience of Monday, “...”") or with the clause
  before it ("..., a-t-il déclaré"); a cue set inside a sentence after words with no conjugated verb
  ("To hit its target, the panel concluded, the tax must rise"), or inside a clause that goes on after it ("If she
  wins, X suggested in a tweet, women will not be punished"), reports the whole sentence, less the cue and the
  commas around it. A French cue inverted after a comma, its subject closing the sentence ("..., précise le ministère",
  "..., a-t-elle ajouté"), reports the clause before it even where the tagger missed that clause's verb; a verb after
  a relative clause set off on the sentence's subject ("La fédération, qui regroupe 300 clubs, juge ...") is that
  subject's, not an inverted cue.
- ``directive-verb``: "X urged Y to ...", "X a exhorté Y à ...": the object and what follows (not a clause
  coordinated with the verb: "X urged Y to act, but Z would wait").
- ``characterising-verb``: "X called Y “...”", "X a qualifié Y de « ... »": the object and the quotation.
- ``judgement-verb``: a verb of judgement and its object ("X dénonce une décision prise sans
  concertation", "X plaide pour une régulation", "X s'inquiète d'un texte qui ..."). Joined in its sentence to a
  second cue of the same speaker ("welcomed the plan but called for a delay", « salue le principe, tout en
  demandant ... »), a verb of stance on its object alone (this rule, ``characterising-verb``, or ``directive-verb`` on
  a noun: "called for a ban") makes one statement with what that cue reports.
- ``cue-phrase``: multi-word cues followed by a que/that clause, a colon or a quotation ("ont exprimé
  la crainte que ...", "raised concerns that ...", "enfonce le clou : « ... »"); a noun of speech and
  its author ("l'avertissement de X : ...", "l'appel de X à « ... »"); a relative cue ("X rejette
  l'idée selon laquelle ...": the subject of the verb governing the noun speaks).
- ``according-to``: "selon X, ...", "..., according to X".
- ``read-in``: "« ... », lit-on dans le rapport": the speaker is the document, hence its publisher.
- ``source-of-previous``: "La nouvelle vient du quotidien X", "C'est ce qu'affirme X", "Le ministre l'a
  confirmé": the previous sentence is what X reported.
- ``quote+verb``: a quotation followed by a verb and its subject that the lexicon does not list
  ("“This is fantastic!” beamed X").
- ``colon-quote``: a quotation after a colon whose clause names the speaker ("Trump boomed: “...”",
  "John Bolton: ‘...’").
- ``colon-clause``: an unquoted clause after a colon, after a short predicate of a subject that names someone ("Le
  maire de Nice, X, est formel : la plage rouvrira samedi.").
- ``quote-continuation``: a quotation with no cue of its own that carries on the previous speaker's
  words. A quotation left open at a paragraph end and resumed in the next is one statement; in
  the same paragraph, a resumed quotation extends the statement when the span stays mostly the
  speaker's words; a paragraph (or sentence) that is a closed quotation is a new statement of the
  same speaker.
- ``quote-after-subject``: a quotation with no cue, opening its sentence, right after a sentence whose
  subject names someone and that holds no statement ("X a détaillé sa position. « ... »").
- ``interview-answer``: in an interview ("Propos recueillis par X"), a paragraph answering a question
  paragraph is the words of the person the introduction names; cues inside it are theirs.
- ``pull-quote``: a standalone paragraph ending with a person's name and no cue, or a quotation
  followed by a dash and a name (on its line or in the next paragraph).
- ``pour X, ...`` at the head of a French sentence counts as ``according-to`` only with a named source, and
  "selon" with a plural common noun inside a clause ("des résultats inégaux selon les quartiers") means
  "depending on": no statement.

A verb of the lexicon the tagger misread as a noun, a name or an adjective ("Meta juge la mesure ...",
"s'interroge, lui, sur ...", "a tweeté : « ... »") is read from the words around it; a pronominal verb is a cue
only when the lexicon lists it ("s'inquiète", not "s'annonce"), a passive with "être" never is, and a verb of
judgement, of belief, of directive or of reported speech inside another statement's content is part of it ("X said
he expects ...", "X said Y told him ...": second-hand words are X's statement).

Scare quotes and titles ("une « réforme »", ``entitled “Our History”``, capitalised quoted words in running text:
``his memoir, “Roads Not Taken,”``) are no statements, nor is the writer's judgement ("it is fair to say that ..."); verbs in
the passive or as bare participles ("Critiquée pour ...", "Asked about ...", "Courted by X and widely expected
to ..."), "ne ... que" ("only"), lists of verbs and a plural noun the tagger read as a verb ("Ohio and Utah, states
that vote in May") are no cues; words inside a quotation never cue the article's own statements.
An aspectual verb before an infinitive ("X continues to campaign") reports nothing; a phrase set
before a cue ("Following the meeting, X said") is no content; a reported clause ends before a
second cue of the same speaker ("said ... and questioned how ...").

Speakers, resolved in text order: a name (an entity mention, or a name the NER missed, added to the
index; the grammatical subject still speaks when a phrase on the verb stands between them: "The governor, at
a press conference, said"); a role or title ("la ministre du Numérique", "the Home Secretary") through
``index.lookup`` or, when definite, the person in focus, unless a name stands in apposition ("le
ministre du Numérique, Claire Fontaine", "la pédiatre Anne Roy", "l'auteur du texte, le député X,": the name
wins; a described role, "le président de la République", names the person in focus only if the article
called them so); a pronoun (il, elle, he, she, they) or a
relative pronoun through the last compatible speaker or subject, a passive's agent included (a person's gender
is read off the article: titles, a feminine role before the name, and gendered pronouns next to a lone
subject; in English the pronoun subject of a clause set before its main clause, "While she welcomed ..., the chair, X,
warned", is the person that clause names as its subject), "it" (and French "il", "elle") to an organisation that just spoke; someone speaking for a
named actor ("un porte-parole de Microsoft", "the Clinton campaign", "Sanders' aides", "a council
spokesperson", or a bare "un porte-parole" after its organisation spoke) as an entity acting for it; a
relative clause on a role's complement ("X, secrétaire général de FO, qui ...") as the role's; a document
("selon le rapport", "l'article") as its publisher, and one that is its verb's object ("X released a
statement saying") as that verb's subject; a definite collective ("the company") as the organisation that
just spoke. A place speaks only as the subject of its cue ("Beijing warned"), and a place closing a longer
name ("Water UK", "Shelter Scotland") is an organisation's name. Names inside quotations are the quoted
speaker's words and never serve as antecedents,
nor do subjects inside reported speech. A grammatical subject that names no one ("a senior
official", "les manifestants") is an unnamed speaker of this article only (its key includes the
article id), with lower confidence; a relative clause on a singular noun with no determiner the lexicon does not
know for a body, a role or a document ("brain cancer, which confirmed ...", "political correctness that encourages ...")
has no speaker. A capitalised common noun opening a name the NER missed ("la
Fondation pour ...") or a name after a common noun ("l'association X") is a name. People named in
bylines and credits ("Par X", "Photo : X / AFP") are never speakers nor antecedents.

The package splits by concern: ``quotes`` (quotation marks), ``cues`` (the lexicon), ``verbs`` and
``finder`` (cue rules), ``syntax`` (token helpers), ``phrases`` (speakers' noun phrases), ``speakers`` (speaker
resolution). Cue words live in ``loaders/data/<language>/cues.yaml``; nothing here is specific to a language.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from policykg.loaders.extract.statements.cues import Cues, load_cues
from policykg.loaders.extract.statements.finder import Finder
from policykg.loaders.extract.statements.quotes import Quote, find_quotes
from policykg.loaders.extract.statements.speakers import SPEAKER_TYPES, Speakers
from policykg.loaders.extract.statements.syntax import verb_forms
from policykg.loaders.extract.statements.verbs import Candidate
from policykg.loaders.model import Article, Statement

if TYPE_CHECKING:
    from policykg.loaders.extract.entities import EntityIndex

__all__ = ["OBJECT_METHODS", "SPEAKER_TYPES", "Cues", "Quote", "find_quotes", "find_statements", "load_cues"]

CONFIDENCE = {
    "quote+cue": 0.9, "speech-verb": 0.8, "according-to": 0.8, "directive-verb": 0.7,
    "characterising-verb": 0.7, "cue-phrase": 0.7, "read-in": 0.7, "quote-continuation": 0.7,
    "quote+verb": 0.6, "colon-quote": 0.6, "source-of-previous": 0.6, "pull-quote": 0.6, "judgement-verb": 0.6,
    "quote-after-subject": 0.5, "interview-answer": 0.6, "colon-clause": 0.5,
}
"""Base confidence per rule; 0.1 less when the speaker comes from anaphora or the verb is an opinion verb."""


# ---------------------------------------------------------------------------------------------
# Entry point


def find_statements(article: Article, doc: Doc, index: EntityIndex) -> list[Statement]:
    """Direct and reported statements of ``article``, each with a resolved speaker, in text order."""
    language = (article.language or doc.lang_ or "").split("-")[0]
    try:
        cues = load_cues(language)
    except FileNotFoundError:
        return []
    finder = Finder(article.nlp_text(), doc, cues)
    candidates = _deduplicate(finder.run())
    contents = sorted(c.content for c in candidates)
    starts = [start for start, _ in contents]

    def reported(char: int, own: tuple[int, int] | None = None) -> bool:
        """Whether ``char`` is inside what a cue reports (other than the content ``own``)."""
        k = bisect.bisect_right(starts, char) - 1
        return any(start <= char < end and (start, end) != own for start, end in contents[max(0, k - 3):k + 1])

    speakers = Speakers(article.id, doc, index, cues, finder.quoted, reported, headline=article.title or "")
    statements: list[Statement] = []
    for candidate in sorted(candidates, key=lambda c: min(c.content[0], (c.cue or c.content)[0])):
        if candidate.follows is not None:
            candidate.speaker, candidate.anaphoric = candidate.follows.speaker, True
        # Every expression for a named speaker first; only the grammatical subject may be an unnamed one, and not
        # inside what another cue reports ("warned that the funding announced so far would ..." is no statement
        # of "the funding"); a cue inside its own content ("To hit its target, the panel concluded, ...") is not.
        nested = candidate.cue is not None and reported(candidate.cue[0], candidate.content)
        unnamed_ok = candidate.subjects[:1] if candidate.grammatical and not nested else ()
        for k, (head, unnamed) in enumerate([*((h, False) for h in candidate.subjects), *((h, True) for h in unnamed_ok)]):
            if candidate.speaker is not None:
                break
            candidate.speaker, candidate.anaphoric = speakers.resolve(head, unnamed=unnamed)
            if candidate.speaker is not None and candidate.speaker.type == "Place" and (k or not candidate.grammatical):
                candidate.speaker = None  # "Beijing warned": a place speaks only as the verb's subject
        if candidate.speaker is None:
            continue
        speakers.note((candidate.cue or candidate.content)[0], candidate.speaker)
        statements.append(_statement(article, doc, finder, candidate))
    return _with_reservations(sorted(statements, key=lambda s: s.start), article, doc, finder)


RESERVATION = re.compile(r"[\s,»”\"]*(?:but|and|yet|while|mais|et|tout\s+en)(?:\s+(?:also|then|aussi|a|ont|has|have|had))*\s*",
                         re.IGNORECASE)
"""What joins an object of a verb of stance to a second cue of the same speaker: "welcomed the plan but called for
...", « salue le principe, mais demande ... », « salue une avancée, tout en demandant ... » (a conjunction, and an
auxiliary or adverb the second verb takes)."""
OBJECT_METHODS = frozenset({"judgement-verb", "characterising-verb", "directive-verb"})
"""Rules whose content may be a verb's object alone ("welcomed the plan", "called the plan “a tax”", "called for a
ban")."""


def _with_reservations(statements: list[Statement], article: Article, doc: Doc, finder: Finder) -> list[Statement]:
    """A verb of stance whose content is only its object, followed in the sentence by a second cue of the same
    speaker, makes one statement with what that cue reports ("welcomed the plan but called for a delay"), as
    docs/gold-format.md has it: the reservation is what the statement adds."""
    merged: list[Statement] = []
    for statement in statements:
        before = merged[-1] if merged else None
        if before is not None and before.speaker == statement.speaker and statement.cue_span is not None \
                and before.end <= statement.cue_span[0] and before.sentence == statement.sentence \
                and RESERVATION.fullmatch(article.text[before.end:statement.cue_span[0]]) \
                and _stance_on_object(before, doc, finder.cues):
            content = " ".join(article.text[a:b] for a, b in finder.fragments(before.start, statement.end, before.cue_span))
            merged[-1] = replace(before, content=content, end=statement.end,
                                 kind="direct" if finder.quoted_share(before.start, statement.end) >= 0.5 else "indirect")
            continue
        merged.append(statement)
    return merged


def _stance_on_object(statement: Statement, doc: Doc, cues: Cues) -> bool:
    """Whether ``statement`` is a verb of stance or judgement on its object alone ("welcomed the plan", « juge la
    mesure « inutile » »): not a verb of saying that only reports what it names (« a reconnu des erreurs »), a
    commitment (« annonce un recours ») or a figure (« chiffre à 40 % la part »), and no clause of its own ("that
    ...", « de fermer le site »): a verb heading the content, or a conjunction opening it, is a report."""
    if statement.method not in OBJECT_METHODS or statement.cue_span is None:
        return False
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    span = doc.char_span(statement.start, statement.end, alignment_mode="expand")
    if cue is None or span is None:
        return False
    verbs = [t for t in cue if t.pos_ in ("VERB", "AUX")] or list(cue)
    lemmas = {next((form for form in verb_forms(t) if form in cues.verbs), t.lemma_.lower()) for t in verbs}
    if lemmas.isdisjoint(cues.judgement | cues.characterising) \
            or not lemmas.isdisjoint(cues.commitments | cues.figuring | (cues.speech - cues.judgement)):
        return False
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head == t]
    opening = span[0].pos_ == "SCONJ" or span[0].lower_ in cues.complementizers
    return not opening and not any(t.pos_ in ("VERB", "AUX") for t in heads)


def _deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per content: of two that nearly coincide, the one found first (the stronger rule) stays.

    Nested statements with their own cues ("X said Y called it “a disgrace”") are both kept.
    """
    kept: list[Candidate] = []
    for candidate in candidates:
        start, end = candidate.content
        for other in kept:
            overlap = min(end, other.content[1]) - max(start, other.content[0])
            lengths = sorted((end - start, other.content[1] - other.content[0]))
            if overlap > 0.8 * lengths[0] and (candidate.cue is None or other.cue is None or overlap > 0.8 * lengths[1]):
                break
        else:
            kept.append(candidate)
    return kept


def _statement(article: Article, doc: Doc, finder: Finder, candidate: Candidate) -> Statement:
    start, end = candidate.content
    confidence = CONFIDENCE[candidate.method] - 0.1 * candidate.anaphoric - 0.1 * candidate.belief
    bounds = [start, end, *(candidate.cue or ())]
    first = doc.char_span(min(bounds), min(bounds) + 1, alignment_mode="expand")
    last = doc.char_span(max(bounds) - 1, max(bounds), alignment_mode="expand")
    sentence = article.text[first[0].sent.start_char:last[-1].sent.end_char].strip() if first and last else ""
    return Statement(
        speaker=candidate.speaker.key,
        kind="direct" if finder.quoted_share(start, end) >= 0.5 else "indirect",
        content=" ".join(article.text[a:b] for a, b in finder.fragments(start, end, candidate.cue)),
        start=start,
        end=end,
        cue=article.text[candidate.cue[0]:candidate.cue[1]] if candidate.cue else None,
        cue_span=candidate.cue,
        sentence=sentence,
        confidence=round(confidence, 2),
        method=candidate.method,
    )
