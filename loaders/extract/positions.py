"""A speaker's position toward a measure across the article, as in Discourse Network Analysis: an actor holds one
position on a policy, which each of its statements about it expresses.

The clause rules of ``stance.py`` read each statement alone, and leave neutral what only the rest of the article
makes clear: a side offering a fact as an argument ("small shops do not have the space to store the bottles",
"nobody can fully explain these systems"). Such a statement takes the side its speaker's side (the speaker, or
the organisation a spokesperson speaks for) takes on the policy in the statement next to it, when that side
never takes the other in the article. Only a policy the headline names counts (a law named in passing in an
article on several subjects does not), and a statement that reports a figure stays neutral: news gives figures
as background as often as as arguments, unless its speaker's side takes one side in at least two other statements
(``figures_take_side``: a campaigner's figures argue their case). The other way round, an authority that backs a measure and tells of the
problem it answers ("Our nurses are being priced out") is for it, not against.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from policykg.loaders.extract.entities import EntityIndex
from policykg.loaders.extract.stance import View, cue_verdict, documented_figure, no_comment
from policykg.loaders.extract.stance_lexicon import Lexicon, lexicon
from policykg.loaders.extract.stance_procedure import deliberates, scheduled
from policykg.loaders.extract.stance_words import has_number, is_policy
from policykg.loaders.model import Stance, Statement


def reports_figure(view: View) -> bool:
    """Whether a neutral statement reports a figure ("40 000 ménages consacrent ...", "prices rose 9%"): a fact
    given as background, not a position on what the article debates. Not a document's figures ("a survey by X
    found that ...", ``stance.documented_figure``): neutral too, but about the measure debated in the gold."""
    return view.statement.stance == "neutral" and names_figure(view) \
        and not documented_figure(view, lexicon(view.content.doc.lang_))


def names_figure(view: View) -> bool:
    """Whether the content gives a number ("40 000 ménages", "9%")."""
    return has_number(view.content)


def align_positions(views: Sequence[View], index: EntityIndex, policies: frozenset[str], starts: list[int]) -> None:
    """Give each neutral statement about a policy the article debates (one of ``policies``) that reports no
    figure (nor declines to comment) the side its speaker's side takes on that policy when that side only ever
    takes that one in the article and does so in the statement right before or after this one, in the same
    sentence or the next (a quote and
    its paraphrase; ``starts`` are where the sentences start): further off, the speaker may have moved on.
    Support is carried as opposition is: in policy-debate gold a backer's argument is for the measure (tests/gold
    en 0.673 -> 0.682, fr 0.714 -> 0.717; PolNeAR tuned unchanged, held_out one neutral lost)."""
    ordered = [v.statement for v in sorted(views, key=lambda v: v.statement.start)]
    lex = lexicon(views[0].content.doc.lang_) if views else None
    figures = {id(v.statement) for v in views if v.statement.stance == "neutral"
               and (names_figure(v) or lex is not None and no_comment(v, lex))}  # "it would not comment"
    positions = [{(_side(s, index), target): s.stance for target in policies.intersection(s.targets)}
                 if s.stance != "neutral" else {} for s in ordered]
    held: dict[tuple[str, str], set[Stance]] = defaultdict(set)
    for position in positions:
        for about, stance in position.items():
            held[about].add(stance)
    for i, statement in enumerate(ordered):
        if statement.stance != "neutral" or id(statement) in figures:
            continue
        abouts = {(_side(statement, index), target) for target in policies.intersection(statement.targets)}
        stances = {s for about in abouts for s in held.get(about, ())}
        near = {s for j in (i - 1, i + 1) if 0 <= j < len(ordered) and _next_to(statement, ordered[j], starts)
                for about, s in positions[j].items() if about in abouts}
        if len(stances) == 1 and stances == near:
            statement.stance = next(iter(stances))


FIGURE_SIDE_MIN = 2
"""How many statements with a side a speaker's side needs elsewhere in the article before its figures take that
side (``figures_take_side``): one statement may be a concession or a misread."""


def figures_take_side(views: Sequence[View], index: EntityIndex) -> None:
    """Give a neutral statement that reports a figure ("complaints have tripled in three years", « le vol coûte
    5 milliards d'euros aux enseignes », "a poll for the group found that 61 per cent ...") the side its
    speaker's side takes in all its other statements with a side, when it takes one in at least
    ``FIGURE_SIDE_MIN`` of them: a campaigner's or an author's figure argues their case (docs/gold-format.md:
    a backer describing the harm the measure fights is for it), while a body that takes no side in the article
    (a statistics office, a weather service) keeps its figures neutral, and so does a step of procedure
    (``_procedure``). Not the statement-next-to condition of ``align_positions``: a campaigner gives the figures
    in one paragraph and the verdict in another. Stance cross-validation by article with the extractor, threshold
    0.40: k-fold en 0.7794 -> 0.7823, fr 0.7879 -> 0.7886, PolNeAR 0.75 -> 0.7344 (one statement), batch-out
    on en173-180/fr173-180 en 0.7027 -> 0.7027, fr 0.6984 -> 0.7143."""
    sides: dict[str, list[Stance]] = defaultdict(list)
    for view in views:
        if view.statement.stance != "neutral":
            sides[_side(view.statement, index)].append(view.statement.stance)
    for view in views:
        held = sides.get(_side(view.statement, index), [])
        if view.statement.stance == "neutral" and names_figure(view) and len(held) >= FIGURE_SIDE_MIN \
                and len(set(held)) == 1 and not _procedure(view, lexicon(view.content.doc.lang_)):
            view.statement.stance = held[0]


def _procedure(view: View, lex: Lexicon) -> bool:
    """Whether a content tells a step of procedure to come, its number a date or a count of the step ("the limit
    would be reviewed in the spring", "a review would take place in 2029"): neutral whoever tells it."""
    return deliberates(view.content, lex) or scheduled(view.content, lex)


def _next_to(statement: Statement, other: Statement, starts: list[int]) -> bool:
    """Whether two statements are in the same sentence or in sentences next to each other."""
    earlier, later = sorted((statement, other), key=lambda s: s.start)
    return bisect_right(starts, later.start) - bisect_right(starts, earlier.end - 1) <= 1


def _side(statement: Statement, index: EntityIndex) -> str:
    """Who a statement speaks for: the organisation of a spokesperson, or else the speaker."""
    entity = index.entities.get(statement.speaker)
    return entity.acts_for or entity.key if entity is not None else statement.speaker


def champion_problems(views: Sequence[View], lex: Lexicon, index: EntityIndex, authorities: frozenset[str],
                      policies: frozenset[str], overruled: frozenset[int] = frozenset()) -> None:
    """Make for the measure a statement read as against when an authority that backs the measure elsewhere in
    the article tells of the problem it answers ("Our nurses are being priced out of the places they grew up
    in", "For forty years passengers have paid more for a worse service"): the harm words are about the state
    of things, not about the measure, which the content does not name and no evaluative verb judges. An
    authority only: others who back a measure also tell of its drawbacks, and an opponent's grievance reads the
    same way. A *for* the model gave over a rules' side (``overruled``: ids of those statements, with ``--stacking``)
    makes no backer: on the seeds, two such *for* of a minister who attacks a platform turned his seven complaints
    into support."""
    supporters = {_side(v.statement, index) for v in views
                  if v.statement.stance == "for" and id(v.statement) not in overruled}
    for view in views:
        statement, side = view.statement, _side(view.statement, index)
        if statement.stance != "against" or side not in supporters \
                or not {statement.speaker, side} & authorities or _names_policy(view, lex, index, policies) \
                or cue_verdict(view.frame, lex, view.content) is not None:
            continue
        statement.stance = "for"


def _names_policy(view: View, lex: Lexicon, index: EntityIndex, policies: frozenset[str]) -> bool:
    """Whether the content names a measure: a policy noun ("the ban", "la mesure") or one of ``policies``."""
    content = view.content
    return any(t.pos_ == "NOUN" and is_policy(t, lex) for t in content) or any(
        entity.key in policies for _, entity in index.mentions_between(content.start_char, content.end_char))
