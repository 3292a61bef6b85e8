"""English evaluation of statement extraction on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR annotates every attribution in US political news: a Source said, thought or
endorsed a Content, introduced by a Cue. The corpus is read at run time from its
directory (``train/`` and ``dev/``, each with ``text/*.txt`` and brat ``attributions/*.ann``);
nothing of it is copied into the project. When an article has files from several
annotators, the first in name order is the gold.

The article goes through the same steps as ingest (spaCy, ``entities.recognise``,
``statements.find_statements``), and the figures are defined as follows.

- **Match**: a predicted statement matches a gold attribution when the token-bag F1 of the
  predicted content and the gold Content (its fragments joined), normalised as in
  ``docs/gold-format.md`` (``policykg.evaluate.normalise``), is at least 0.5. Pairing is
  one-to-one, best pairs first, over all the article's attributions, so a duplicate is
  never a second hit.
- **Precision**: matched predicted statements / predicted statements. Every attribution counts
  as a possible match (PolNeAR's attributions are broader than speech: beliefs, intentions,
  endorsements), so a statement is correct when it is any attribution's content. A Content whose
  fragments run over several paragraphs, where a closed quotation opens a new paragraph (“A,” she
  said. ¶ “B.”), is one attribution in PolNeAR but two statements of the same speaker in the project's
  gold (docs/gold-format.md, split quotations): after the pairing above, each such paragraph part
  that the attribution's own match does not cover can pair with one more statement (token F1 of at
  least 0.5 with that part's fragments), which counts as matched for precision only; recall and
  speaker accuracy count attributions, as before. A quotation left open at a paragraph end and
  resumed in the next stays one part, as the gold convention makes it one statement.
- **Direct-quote recall**: matched / gold attributions whose Content is a direct quotation:
  every fragment, trimmed of white space and of ``,.;:`` outside the marks, starts with an
  opening quotation mark (“ " ‘ '' «) and ends with a closing one (” " ’ '' »), the marks being
  inside the fragment or right next to it.
- **Speech-statement recall**: matched / gold attributions whose Cue contains a verb whose
  spaCy lemma is one of ``SPEECH_VERBS`` (a fixed list of verbs of saying, independent of
  the extractor's lexicon). Attributions of thought, evidence or endorsement ("believes",
  "shows", "backs") are outside this figure.
- **Named-speaker accuracy**: over matched attributions whose gold Source is a name (the
  syntactic head of its span, by spaCy, is a proper noun: "Mr. Trump", "Huma Abedin, vice
  chairwoman for ...", not "the Florida senator") or a resolvable personal pronoun (he, she,
  they): PolNeAR has no coreference, so a pronoun counts only when its referent is unambiguous,
  the nearest preceding named Source at most one paragraph back with no other person (spaCy
  PERSON) named in between. The predicted speaker's label is correct when, normalised, one of
  its words is that head word ("Donald Trump" for "Mr. Trump": the same last name). The figure
  is also given for names only. An organisation's initials name it too ("FBI" for "Federal Bureau
  of Investigation").

Usage: ``python -m policykg.polnear /work/shared/polnear --split dev [--limit N] [--json] [--items FILE]
[--cache DIR]``; ``--items`` writes one JSON line per error (a false positive, a missed attribution, a wrong
speaker) with its article, offsets, method and text, to classify them. ``--cache`` keeps each article's parse
in DIR (see ``parse``), so that a development run parses only what it has not parsed before.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from policykg.evaluate import MATCH_THRESHOLD, normalise, token_f1
from policykg.loaders.extract import entities, statements
from policykg.loaders.extract.statements.quotes import Quote, find_quotes
from policykg.loaders.model import Article, Statement
from policykg.loaders.nlp import load_pipeline

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "ask", "note", "argue", "explain", "declare", "state", "insist",
    "mention", "recall", "urge", "warn", "respond", "reply", "answer", "claim", "acknowledge", "admit",
    "deny", "tweet", "announce", "report", "confirm", "reveal", "stress", "emphasize", "assert",
    "concede", "allege", "remark", "comment", "reiterate", "repeat", "complain", "joke", "predict",
    "promise", "vow", "pledge", "testify", "contend", "suggest",
})
"""Verbs of saying that make an attribution a speech statement (the definition of the figure)."""
OPENING_MARKS = ("“", '"', "‘", "''", "«")
CLOSING_MARKS = ("”", '"', "’", "''", "»")
PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})


@dataclass
class Attribution:
    """One gold attribution: character spans of its Content, Cue and Source (each possibly discontinuous)."""

    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[Attribution]


def read_split(directory: Path | str, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """The articles of one split with their attributions (first annotator's file per article)."""
    root = Path(directory) / split
    annotations: dict[str, Path] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for text_path in sorted((root / "text").glob("*.txt")):
        if text_path.stem not in annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(GoldArticle(text_path.stem, text, read_attributions(annotations[text_path.stem])))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def read_attributions(path: Path) -> list[Attribution]:
    """Attribution events of a brat standoff file (``T`` spans tied together by ``E`` lines)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    return [
        Attribution(spans.get(event.get("Content", ""), []), spans.get(event.get("Cue", ""), []),
                    spans.get(event.get("Source", ""), []))
        for event in events if event.get("Content") in spans
    ]


def fragments_text(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(text[start:end] for start, end in spans)


def is_direct_quote(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every fragment of a Content is enclosed in quotation marks (see the module docstring)."""
    if not spans:
        return False
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
            end -= 1
        before, inside, after = text[max(0, start - 3):start].rstrip(), text[start:end], text[end:end + 3]
        opens = inside.startswith(OPENING_MARKS) or before.endswith(OPENING_MARKS)
        closes = inside.endswith(CLOSING_MARKS) or after.lstrip(",.;:?! ").startswith(CLOSING_MARKS) \
            or after.startswith(CLOSING_MARKS)
        if not (opens and closes):
            return False
    return True


def _tokens(doc: Doc, spans: list[tuple[int, int]]) -> list:
    found = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.extend(t for t in span if not t.is_space)
    return found


def is_speech(doc: Doc, attribution: Attribution) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS for t in _tokens(doc, attribution.cue))


def source_name(doc: Doc, spans: list[tuple[int, int]]) -> str | None:
    """The head word of a Source that is a name (its syntactic head is a proper noun), lower case;
    None when the Source is not a name ("the Florida senator", "a new poll"). When the parse heads
    the name with a title before it ("Texas Lt. Gov. Dan Patrick", "GOP Chairman Chuck Williams"),
    the head is the last word of the run of proper nouns it opens."""
    tokens = _tokens(doc, spans)
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    head = heads[0] if heads else None
    if head is None or head.pos_ != "PROPN":
        return None
    while head.i + 1 in inside and doc[head.i + 1].pos_ == "PROPN":
        head = doc[head.i + 1]
    return normalise(head.text) if head.is_alpha else None


def pronoun_referents(doc: Doc, gold: GoldArticle) -> dict[int, str | None]:
    """Attribution index → the name its Source means: the Source's own head name, or for a personal
    pronoun the nearest preceding named Source, when that one is unambiguous (at most one paragraph
    back, and no other person named in between); None otherwise."""
    people = [(e.start_char, normalise(e[-1].text)) for e in doc.ents if e.label_ == "PERSON"]
    ordered = sorted(range(len(gold.attributions)), key=lambda k: (gold.attributions[k].source or [(10**9, 0)])[0])
    referents: dict[int, str | None] = {}
    last: tuple[int, str] | None = None
    for k in ordered:
        source = gold.attributions[k].source
        name = source_name(doc, source)
        words = [t.lower_ for t in _tokens(doc, source)]
        referents[k] = name
        if name is not None:
            last = (source[-1][1], name)
        elif len(words) == 1 and words[0] in PERSONAL_PRONOUNS and last is not None:
            at = source[0][0]
            others = {n for start, n in people if last[0] <= start < at} - {last[1]}
            if not others and gold.text.count("\n", last[0], at) <= 2:
                referents[k] = last[1]
    return referents


def speaker_matches(label: str, gold_name: str) -> bool:
    """Whether a predicted speaker's label names the gold name: one of its words, the whole label, or
    its initials ("Federal Bureau of Investigation" for "the FBI")."""
    words = normalise(label).split()
    initials = "".join(word[0] for word in label.split() if word[:1].isupper()).lower()
    return gold_name in words or normalise(label) == gold_name or (len(gold_name) >= 2 and gold_name == initials)


def _one_to_one(predicted: list[Statement], gold: list[str]) -> dict[int, int]:
    """Gold index → predicted index, best token F1 first, each side used once."""
    scored = sorted(
        ((token_f1(p.content, g), gi, pi) for pi, p in enumerate(predicted) for gi, g in enumerate(gold)),
        key=lambda item: -item[0],
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, pi in scored:
        if score < MATCH_THRESHOLD:
            break
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def paragraph_parts(text: str, spans: list[tuple[int, int]], quotes: list[Quote]) -> list[list[tuple[int, int]]]:
    """A Content's fragments grouped as the project's gold segments them: a new part wherever a fragment in a
    later paragraph opens with a quotation that does not carry on one left open at the paragraph end before."""
    parts: list[list[tuple[int, int]]] = []
    for start, end in spans:
        if parts and "\n" in text[parts[-1][-1][1]:start]:
            lead = start + len(text[start:end]) - len(text[start:end].lstrip())
            quote = next((q for q in quotes if q.start <= lead <= q.inner[0]), None)
            if quote is not None and quote.continues is None:
                parts.append([])
        if not parts:
            parts.append([])
        parts[-1].append((start, end))
    return parts


def _part_pairs(predicted: list[Statement], text: str, attributions: list[Attribution],
                pairs: dict[int, int]) -> set[int]:
    """Predicted indices that pair, one to one, with a paragraph part of an attribution (see ``paragraph_parts``)
    that the attribution's own match does not cover; predictions already paired are left out."""
    quotes = find_quotes(text)
    parts: list[str] = []
    for k, attribution in enumerate(attributions):
        groups = paragraph_parts(text, attribution.content, quotes) if len(attribution.content) > 1 else []
        if len(groups) < 2:
            continue
        for group in groups:
            part = fragments_text(text, group)
            if k not in pairs or token_f1(predicted[pairs[k]].content, part) < MATCH_THRESHOLD:
                parts.append(part)
    paired = set(pairs.values())
    free = [pi for pi in range(len(predicted)) if pi not in paired]
    return {free[pi] for pi in _one_to_one([predicted[pi] for pi in free], parts).values()}


def parse(nlp: Language, texts: list[str], cache: Path | None = None) -> Iterator[Doc]:
    """One Doc per text, in order. With ``cache``, a text's Doc is read from that folder when it was parsed
    before, under a key made of the text and the pipeline's name, version and components; the others are
    parsed and stored. The key does not see the code of the project's own sentence component: empty the
    folder after changing it."""
    if cache is None:
        yield from nlp.pipe(texts)
        return
    cache.mkdir(parents=True, exist_ok=True)
    pipeline = f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}:{','.join(nlp.pipe_names)}"
    paths = [cache / f"{hashlib.sha256((pipeline + chr(0) + text).encode()).hexdigest()}.spacy" for text in texts]
    stored = [path.exists() for path in paths]  # before any is written: a text may come twice
    fresh = nlp.pipe(text for text, hit in zip(texts, stored) if not hit)
    for path, hit in zip(paths, stored):
        if hit:
            yield next(DocBin().from_disk(path).get_docs(nlp.vocab))
            continue
        doc = next(fresh)
        DocBin(docs=[doc]).to_disk(path)
        yield doc


def evaluate_polnear(directory: Path | str, split: str = "dev", limit: int | None = None,
                     items: list[dict] | None = None, cache: Path | None = None) -> dict:
    """Extraction figures on one PolNeAR split (definitions in the module docstring); the errors are
    appended to ``items`` when it is given; ``cache`` is a folder of parses (see ``parse``)."""
    started = time.perf_counter()
    articles = read_split(directory, split, limit)
    nlp = load_pipeline("en")
    counts: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    method_hits: Counter[str] = Counter()
    for gold, doc in zip(articles, parse(nlp, [a.text for a in articles], cache)):
        article = Article(id=gold.name, source=f"{gold.name}.txt", text=gold.text, language="en")
        index = entities.recognise(article, doc)
        predicted = statements.find_statements(article, doc, index)
        contents = [fragments_text(gold.text, a.content) for a in gold.attributions]
        pairs = _one_to_one(predicted, contents)
        part_matches = _part_pairs(predicted, gold.text, gold.attributions, pairs)
        matched_predictions = set(pairs.values()) | part_matches
        counts["attributions"] += len(gold.attributions)
        counts["predicted"] += len(predicted)
        counts["matched"] += len(pairs)
        counts["part_matched"] += len(part_matches)
        for pi, statement in enumerate(predicted):
            methods[statement.method] += 1
            method_hits[statement.method] += pi in matched_predictions
            if items is not None and pi not in matched_predictions:
                items.append({"article": gold.name, "error": "false-positive", "method": statement.method,
                              "start": statement.start, "cue": statement.cue, "content": statement.content,
                              "speaker": index.entities[statement.speaker].label})
        referents = pronoun_referents(doc, gold)
        for k, attribution in enumerate(gold.attributions):
            hit = k in pairs
            direct, speech = is_direct_quote(gold.text, attribution.content), is_speech(doc, attribution)
            if direct:
                counts["direct"] += 1
                counts["direct_found"] += hit
            if speech:
                counts["speech"] += 1
                counts["speech_found"] += hit
            if items is not None and not hit and (direct or speech):
                items.append({"article": gold.name, "error": "miss", "direct": direct,
                              "start": (attribution.content or [(0, 0)])[0][0], "cue": fragments_text(gold.text, attribution.cue),
                              "content": contents[k], "source": fragments_text(gold.text, attribution.source)})
            if hit and referents[k] is not None:
                label = index.entities[predicted[pairs[k]].speaker].label
                correct = speaker_matches(label, referents[k])
                if items is not None and not correct:
                    statement = predicted[pairs[k]]
                    items.append({"article": gold.name, "error": "wrong-speaker", "method": statement.method,
                                  "start": statement.start, "cue": statement.cue, "content": statement.content,
                                  "speaker": label, "source": fragments_text(gold.text, attribution.source),
                                  "expected": referents[k]})
                is_name = source_name(doc, attribution.source) is not None
                counts["speaker_judged"] += 1
                counts["speaker_correct"] += correct
                counts["name_judged"] += is_name
                counts["name_correct"] += correct and is_name
    return {
        "split": split,
        "articles": len(articles),
        "attributions": counts["attributions"],
        "predicted": counts["predicted"],
        "matched": counts["matched"],
        "paragraph_parts_matched": counts["part_matched"],
        "precision": _ratio(counts["matched"] + counts["part_matched"], counts["predicted"]),
        "recall_all": _ratio(counts["matched"], counts["attributions"]),
        "direct_quotes": counts["direct"],
        "direct_quote_recall": _ratio(counts["direct_found"], counts["direct"]),
        "speech_statements": counts["speech"],
        "speech_statement_recall": _ratio(counts["speech_found"], counts["speech"]),
        "speakers_judged": counts["speaker_judged"],
        "named_speaker_accuracy": _ratio(counts["speaker_correct"], counts["speaker_judged"]),
        "names_judged": counts["name_judged"],
        "named_speaker_accuracy_names_only": _ratio(counts["name_correct"], counts["name_judged"]),
        "methods": {m: {"predicted": n, "precision": _ratio(method_hits[m], n)} for m, n in sorted(methods.items())},
        "seconds": round(time.perf_counter() - started, 1),
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policykg.polnear", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="the PolNeAR folder holding train/ and dev/")
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None, help="evaluate the first N articles only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--items", type=Path, default=None,
                        help="write the errors (false positives, misses, wrong speakers) to this file, one JSON object a line")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the articles' parses in this folder and reuse them on later runs")
    args = parser.parse_args(argv)
    if not (args.directory / args.split / "text").is_dir():
        parser.error(f"{args.directory / args.split / 'text'} is not a folder")
    items: list[dict] | None = [] if args.items is not None else None
    figures = evaluate_polnear(args.directory, args.split, args.limit, items, args.cache)
    if items is not None:
        args.items.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"PolNeAR {figures['split']}: {figures['articles']} articles, {figures['attributions']} attributions, "
          f"{figures['predicted']} statements predicted, {figures['matched']} matched, "
          f"{figures['paragraph_parts_matched']} more on paragraph parts ({figures['seconds']} s)")
    rows = [
        ("precision (vs all attributions)", figures["precision"], figures["predicted"]),
        ("direct-quote recall", figures["direct_quote_recall"], figures["direct_quotes"]),
        ("speech-statement recall", figures["speech_statement_recall"], figures["speech_statements"]),
        ("recall (all attributions)", figures["recall_all"], figures["attributions"]),
        ("named-speaker accuracy", figures["named_speaker_accuracy"], figures["speakers_judged"]),
        ("  names only", figures["named_speaker_accuracy_names_only"], figures["names_judged"]),
    ]
    for name, value, n in rows:
        print(f"  {name:34} {'-' if value is None else f'{value:.3f}':>6}  (n={n})")
    for method, row in figures["methods"].items():
        print(f"  method {method:27} {row['predicted']:5} predicted, precision {row['precision']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
