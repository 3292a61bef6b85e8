"""The reservation a verb of stance joins to its object ("welcomed the plan but said it came too late", « salue le
principe, mais demande un délai »): one statement (docs/gold-format.md), whose side is the one the second cue's words
take after the concession, as a statement of that cue alone was read (Stance: a concession, then a reservation, is
against; support that asks for more is for)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from policykg.loaders.extract.entities import EntityIndex
from policykg.loaders.extract.stance import View, cue_verdict
from policykg.loaders.extract.stance_lexicon import Lexicon
from policykg.loaders.extract.statements import OBJECT_METHODS
from policykg.loaders.extract.statements.cues import load_cues
from policykg.loaders.extract.statements.syntax import verb_forms

SECOND_CUE_DEPS = frozenset({"conj", "advcl"})
"""How a second cue hangs on the first: "welcomed it but said", « salue ..., tout en demandant »."""


def reservation_view(view: View, doc: Doc, index: EntityIndex, lex: Lexicon, language: str) -> View:
    """``view`` narrowed to what the second cue of its statement reports, the first cue and its object framing it,
    when that cue concedes support ("welcomed", « salue »; « juge la mesure trop timide » takes its side from its own
    words); ``view`` itself when its content holds no second cue (a verb of the lexicon hung outside it: on the first
    cue, or where the parse puts it, on the speaker)."""
    statement = view.statement
    if statement.method not in OBJECT_METHODS or cue_verdict(view.frame, lex, view.content) != "for":
        return view
    try:
        cues = load_cues(language)
    except FileNotFoundError:
        return view
    content = view.content
    second = next((t for t in content if t.dep_ in SECOND_CUE_DEPS and t.pos_ in ("VERB", "AUX")
                   and not content.start <= t.head.i < content.end and not cues.verbs.isdisjoint(verb_forms(t))), None)
    if second is None:
        return view
    start = second.i + 1 + (second.i + 1 < content.end and doc[second.i + 1].dep_ == "mark")  # "said that"
    if start >= content.end:
        return view
    reserved = View.of(view.text, doc, replace(statement, start=doc[start].idx, cue=second.text,
                                               cue_span=(second.idx, second.idx + len(second.text))), index)
    return view if reserved is None else View(statement, view.text, reserved.content, reserved.frame, reserved.names)
