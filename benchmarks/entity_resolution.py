"""Entity resolution quality on PolNeAR articles, on the current code and on a baseline revision side by side.

Articles are read and extracted as ``policykg ingest`` does (reader, cleaning, spaCy, ``extract``), with
only what every revision has. Figures:

* **Gold clusters** (``benchmarks/data/entity_gold.tsv``, annotated by hand for this benchmark: 345 mentions
  of 54 people in 13 dev articles and 1 train article, chosen for shared surnames: two Clintons, two Obamas,
  Bush, Biden; "Clinton campaign"-like modifiers and clans left out): each row is one actor mention,
  ``split<TAB>article<TAB>start<TAB>end<TAB>cluster<TAB>name`` (character offsets into the PolNeAR ``.txt``;
  the name is there to read the file, never used in scoring). A gold mention's predicted actor is the
  key of the entity with a mention overlapping its offsets most (none: a singleton). Over every pair of
  gold mentions, within and across articles: **pairwise precision** = pairs in one gold cluster and one
  predicted key / pairs under one predicted key; **recall** = the same / pairs in one gold cluster.
* **Named-speaker accuracy**: ``policykg.polnear``'s figure over the same split.
* **Bars** on the split (84 dev articles): named Person entities are Person keys that are not an unnamed,
  article-scoped speaker (their key starts with the article's slug) nor someone's spokesperson
  (``acts_for``). Each key's corpus label is its most frequent full form across articles (``Entity.forms``;
  its label where a revision has no forms). A **split pair** is two named Person keys whose labels, folded
  (case, accents, punctuation) and without one-letter words (initials), are equal or one's words are a run
  inside the other's. The figure is given on the keys as extracted, and with one-word references (keys
  with no full form: "Obama" where the article names no Obama in full) resolved corpus-wide by
  ``keys.reference_owners``, as a store computing descriptions corpus-wide would: a resolved reference is
  its owner, one left unresolved (ambiguous: "Scott", "Chris") is a mention, not a named Person. A Person (spokespeople
  aside) **names a thing** when the head of its label is one of ``THING_WORDS``.

Run by hand (the baseline runs in a subprocess from ``git archive REF``):

    .venv/bin/python benchmarks/entity_resolution.py /work/shared/polnear --baseline main
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from policykg.loaders.clean import clean
from policykg.loaders.kb import normalise, strip_accents
from policykg.loaders.model import Entity, Extraction, slugify
from policykg.loaders.readers import read_file
from policykg.loaders.extract import extract
from policykg.loaders.nlp import load_pipeline
from policykg.polnear import evaluate_polnear

GOLD = Path(__file__).parent / "data" / "entity_gold.tsv"
THING_WORDS = frozenset({"letter", "letters", "poll", "polls", "report", "reports", "posting", "postings", "plan",
                         "survey", "study", "memo", "email", "emails", "statement", "tweet", "tweets", "article",
                         "document", "documents", "video", "book", "analysis", "data", "ad", "ads"})
"""Nouns for documents and things: a Person whose label's head is one names a thing (the benchmark's own list)."""
BREAKS = frozenset({"of", "from", "in", "at", "on", "for", "by", "with", "about", "that", "which", "who", "to"})
SUBPACKAGES = ("loaders", "ontology", "graph", "queries")
"""Sub-packages of ``policykg`` that live at a checkout's root (setup.cfg's ``package_dir``)."""


def read_gold(path: Path = GOLD) -> list[tuple[str, str, int, int, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            split, article, start, end, cluster, _name = line.split("\t")
            rows.append((split, article, int(start), int(end), cluster))
    return rows


def extract_articles(polnear: Path, split: str, names: list[str]) -> list[Extraction]:
    articles = []
    for name in names:
        for article in read_file(polnear / split / "text" / f"{name}.txt"):
            article.language = "en"
            articles.append(clean(article))
    docs = load_pipeline("en").pipe(article.nlp_text() for article in articles)
    return [extract(article, doc) for article, doc in zip(articles, docs)]


def pairwise(gold: list[tuple[str, str, int, int, str]], predicted: list[str]) -> dict:
    """Pairwise precision and recall of clusters over the gold mentions."""
    both = same_gold = same_predicted = 0
    for (g1, p1), (g2, p2) in combinations(zip((row[4] for row in gold), predicted), 2):
        same_gold += g1 == g2
        same_predicted += p1 == p2
        both += g1 == g2 and p1 == p2
    return {"mentions": len(gold), "clusters": len({row[4] for row in gold}),
            "articles": len({row[1] for row in gold}), "gold_pairs": same_gold, "predicted_pairs": same_predicted,
            "precision": round(both / same_predicted, 4) if same_predicted else None,
            "recall": round(both / same_gold, 4) if same_gold else None}


def gold_figures(polnear: Path) -> dict:
    """Pairwise figures over the gold mentions, on the keys as extracted and with one-word references
    resolved over the gold articles (``reference_owners``)."""
    gold = read_gold()
    by_article: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, row in enumerate(gold):
        by_article[(row[0], row[1])].append(k)
    predicted = [""] * len(gold)
    extractions = []
    for split in sorted({s for s, _ in by_article}):
        names = sorted(a for s, a in by_article if s == split)
        for extraction in extract_articles(polnear, split, names):
            extractions.append(extraction)
            for k in by_article[(split, extraction.article.id)]:
                _, _, start, end, _ = gold[k]
                predicted[k] = _entity_at(extraction.entities, start, end) or f"none:{split}:{extraction.article.id}:{start}"
    figures = pairwise(gold, predicted)
    owners = _owners(extractions)
    resolved = pairwise(gold, [owners.get(key, key) for key in predicted])
    figures.update(resolved_precision=resolved["precision"], resolved_recall=resolved["recall"])
    return figures


def _owners(extractions: list[Extraction]) -> dict[str, str]:
    """Reference key → owner key over ``extractions`` (none on a revision without ``reference_owners``)."""
    try:
        from policykg.loaders.extract.keys import reference_owners
    except ImportError:
        return {}
    forms, references = named_people(extractions)
    return reference_owners({k: v for k, v in forms.items() if k not in references}, references)


def _entity_at(entities: dict[str, Entity], start: int, end: int) -> str | None:
    """The key of the entity with a mention overlapping [start, end) most (the shortest on a tie)."""
    best: tuple[int, int, str] | None = None
    for key in sorted(entities):
        for s, e in entities[key].mentions:
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or (overlap, s - e) > best[:2]):
                best = (overlap, s - e, key)
    return best[2] if best else None


def fold_words(label: str) -> list[str]:
    return [w for w in strip_accents(normalise(label)).split() if len(w) > 1]


def named_people(extractions: list[Extraction]) -> tuple[dict[str, Counter[str]], dict[str, str]]:
    """Named Person keys (no spokesperson, no article-scoped speaker) → full forms over the corpus (the label
    where a revision records no forms at all), and the keys with no full form (one-word references) → their
    label."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    references: dict[str, str] = {}
    records = any(getattr(e, "forms", None) for x in extractions for e in x.entities.values())
    for extraction in extractions:
        scope = slugify(extraction.article.id) + "-"
        for key, entity in sorted(extraction.entities.items()):
            if entity.type != "Person" or entity.acts_for or key.startswith(scope):
                continue
            recorded = entity.forms if records else {entity.label: 1}
            forms[key].update(recorded)
            if not recorded:
                references.setdefault(key, entity.label)
    return forms, {k: v for k, v in references.items() if not forms[k]}


def split_pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    """Pairs of keys whose folded labels without initials are equal or one's words a run inside the other's."""
    words = {key: fold_words(label) for key, label in labels.items()}
    by_word: dict[str, set[str]] = defaultdict(set)
    for key, ws in words.items():
        for w in ws:
            by_word[w].add(key)
    pairs = set()
    for key, ws in words.items():
        if ws:
            for other in sorted(set.intersection(*(by_word[w] for w in ws)) - {key}):
                if is_run(ws, words[other]):
                    pairs.add(tuple(sorted((key, other))))
    return pairs


def is_run(short: list[str], long: list[str]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def bar_figures(polnear: Path, split: str) -> dict:
    names = sorted(p.stem for p in (polnear / split / "text").glob("*.txt"))
    extractions = extract_articles(polnear, split, names)
    forms, references = named_people(extractions)
    labels = {key: references.get(key) or min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
              for key, counts in forms.items()}
    figures = {"articles": len(extractions), "named_people": len(labels), "references": len(references)}
    pairs = split_pairs(labels)
    figures.update(split_pairs=len(pairs), split_pair_rate=round(len(pairs) / max(1, len(labels)), 4),
                   split_examples=sorted(f"{labels[a]} / {labels[b]}" for a, b in pairs)[:12])
    owners = _owners(extractions)
    resolved = {key: label for key, label in labels.items() if key not in references}
    pairs = split_pairs(resolved)
    figures.update(resolved_people=len(resolved), unresolved_references=len(set(references) - set(owners)),
                   resolved_split_pairs=len(pairs),
                   resolved_split_pair_rate=round(len(pairs) / max(1, len(resolved)), 4),
                   resolved_split_examples=sorted(f"{resolved[a]} / {resolved[b]}" for a, b in pairs)[:40])
    people = {e.key: e.label for x in extractions for e in x.entities.values() if e.type == "Person" and not e.acts_for}
    things = sorted(key for key, label in people.items() if _names_a_thing(label))
    figures.update(person_entities=len(people), things=len(things),
                   thing_rate=round(len(things) / max(1, len(people)), 4),
                   thing_examples=sorted(people[k] for k in things)[:12])
    return figures


def _names_a_thing(label: str) -> bool:
    """The benchmark's own reading of a phrase's head: the last word before of/from/in/that/..., past
    "series of", "number of"."""
    words = [w for w in normalise(label).split()]
    head = ""
    for word in words:
        if word in BREAKS:
            if head and head not in ("series", "number", "set", "array"):
                break
        else:
            head = word
    return head in THING_WORDS


def measure(polnear: Path, split: str) -> dict:
    speakers = evaluate_polnear(polnear, split)
    return {"gold": gold_figures(polnear), "bars": bar_figures(polnear, split),
            "named_speaker_accuracy": speakers["named_speaker_accuracy"],
            "speakers_judged": speakers["speakers_judged"]}


def measure_revision(revision: str, polnear: Path, split: str) -> dict:
    """``measure`` on the code of a git revision, in a subprocess that imports that revision's packages."""
    with tempfile.TemporaryDirectory() as tmp:
        checkout, package = Path(tmp) / "checkout", Path(tmp) / "tree" / "policykg"
        checkout.mkdir()
        package.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", revision], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive, check=True)
        for entry in (checkout / "policykg").iterdir():
            (package / entry.name).symlink_to(entry)
        for name in SUBPACKAGES:
            (package / name).symlink_to(checkout / name)
        env = {**os.environ, "PYTHONPATH": str(package.parent)}
        out = subprocess.run([sys.executable, __file__, str(polnear), "--split", split, "--json"],
                             env=env, capture_output=True, text=True, check=True).stdout
        return json.loads(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="the PolNeAR folder holding train/ and dev/")
    parser.add_argument("--split", default="dev", help="the split of the bars and speaker accuracy")
    parser.add_argument("--baseline", metavar="REF", help="a git revision measured alongside")
    parser.add_argument("--json", action="store_true", help="print this revision's figures as JSON only")
    args = parser.parse_args(argv)
    current = measure(args.polnear, args.split)
    if args.json:
        print(json.dumps(current))
        return 0
    columns = {"current": current}
    if args.baseline:
        columns[args.baseline] = measure_revision(args.baseline, args.polnear, args.split)
    rows = [("gold mentions / clusters / articles", lambda f: "{mentions} / {clusters} / {articles}".format(**f["gold"])),
            ("pairwise precision", lambda f: f["gold"]["precision"]),
            ("pairwise recall", lambda f: f["gold"]["recall"]),
            ("  references resolved: precision", lambda f: f["gold"]["resolved_precision"]),
            ("  references resolved: recall", lambda f: f["gold"]["resolved_recall"]),
            ("named-speaker accuracy", lambda f: f"{f['named_speaker_accuracy']} (n={f['speakers_judged']})"),
            ("named Person entities", lambda f: f["bars"]["named_people"]),
            ("split pairs (rate)", lambda f: f"{f['bars']['split_pairs']} ({f['bars']['split_pair_rate']})"),
            ("one-word references", lambda f: f["bars"]["references"]),
            ("named Person, references resolved", lambda f: f["bars"]["resolved_people"]),
            ("  references left unresolved", lambda f: f["bars"]["unresolved_references"]),
            ("  split pairs (rate)",
             lambda f: f"{f['bars']['resolved_split_pairs']} ({f['bars']['resolved_split_pair_rate']})"),
            ("Person entities / naming a thing (rate)",
             lambda f: f"{f['bars']['person_entities']} / {f['bars']['things']} ({f['bars']['thing_rate']})")]
    print(f"{'':42}" + "".join(f"{name:>24}" for name in columns))
    for title, value in rows:
        print(f"{title:42}" + "".join(f"{str(value(f)):>24}" for f in columns.values()))
    for name, figures in columns.items():
        print(f"\n{name}: split pairs e.g. {figures['bars']['split_examples']}")
        print(f"{name}: split pairs, references resolved, e.g. {figures['bars']['resolved_split_examples']}")
        print(f"{name}: things e.g. {figures['bars']['thing_examples']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
