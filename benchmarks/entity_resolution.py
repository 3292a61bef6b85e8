"""Entity resolution quality on PolNeAR articles as a store holds them, on the current code and on a baseline
revision side by side.

The dev split (and the articles of the gold from other splits) is ingested with ``policykg ingest --metadata``
into a fresh data directory by each revision (or ``--data-dir`` names a store ingested already), and the
figures are read from what the store holds: the entities of its description graphs, the entity of each
article's mention of a key, the speaker of each statement. Figures:

* **Gold clusters** (``benchmarks/data/entity_gold.tsv``, annotated by hand for this benchmark: 345 mentions
  of 54 people in 13 dev articles and 1 train article, chosen for shared surnames: two Clintons, two Obamas,
  Bush, Biden; "Clinton campaign"-like modifiers and clans left out): each row is one actor mention,
  ``split<TAB>article<TAB>start<TAB>end<TAB>cluster<TAB>name`` (character offsets into the PolNeAR ``.txt``;
  the name is there to read the file, never used in scoring). A gold mention's predicted actor is the
  stored entity of the article's mention of the key that extraction (as ingest runs it) gives the span
  overlapping its offsets most (none: a singleton). Over every pair of gold mentions, within and across
  articles: **pairwise precision** = pairs in one gold cluster and one predicted actor / pairs under one
  predicted actor; **recall** = the same / pairs in one gold cluster.
* **Named-speaker accuracy**: ``policykg.polnear``'s figure over the same split, the speaker's label being
  the stored label of the stored entity its article's mention points to.
* **Bars** on the split (84 dev articles): named Person entities are stored Person entities mentioned in the
  split that are not an unnamed or unresolved, article-scoped person (their key starts with the slug of an
  article that mentions them) nor someone's spokesperson (``pk:speaksFor``), each under its stored label. A
  **split pair** is two named Person entities whose labels, folded (case, accents, punctuation) and without
  one-letter words (initials), are equal or one's words are a run inside the other's. A Person (spokespeople
  aside) **names a thing** when the head of its label is one of ``THING_WORDS``.

Run by hand (the baseline runs in a subprocess from ``git archive REF``; about 3 minutes a revision):

    .venv/bin/python benchmarks/entity_resolution.py /work/shared/polnear --baseline main
    .venv/bin/python benchmarks/entity_resolution.py /work/shared/polnear --data-dir DIR  # a store as it is
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from urllib.parse import unquote

from policykg.graph.open import open_rdf_store
from policykg.loaders.clean import mask_headline
from policykg.loaders.extract import extract
from policykg.loaders.kb import normalise, strip_accents
from policykg.loaders.metadata import MetadataTable
from policykg.loaders.model import Entity, Extraction, slugify
from policykg.loaders.nlp import load_pipeline
from policykg.loaders.readers import read_file
from policykg.ontology import ARTICLE, ENTITY, MENTION
from policykg.polnear import _one_to_one, fragments_text, pronoun_referents, read_split, speaker_matches

GOLD = Path(__file__).parent / "data" / "entity_gold.tsv"
THING_WORDS = frozenset({"letter", "letters", "poll", "polls", "report", "reports", "posting", "postings", "plan",
                         "survey", "study", "memo", "email", "emails", "statement", "tweet", "tweets", "article",
                         "document", "documents", "video", "book", "analysis", "data", "ad", "ads"})
"""Nouns for documents and things: a Person whose label's head is one names a thing (the benchmark's own list)."""
BREAKS = frozenset({"of", "from", "in", "at", "on", "for", "by", "with", "about", "that", "which", "who", "to"})
SUBPACKAGES = ("loaders", "ontology", "graph", "queries")
"""Sub-packages of ``policykg`` that live at a checkout's root (setup.cfg's ``package_dir``)."""
CLI = "import sys; from policykg.cli import main; sys.argv[0] = 'policykg'; sys.exit(main())"
"""``policykg`` of the revision on PYTHONPATH, run with ``python -P`` (the installed script, or the working
directory first on the path, would run the working tree's)."""


def read_gold(path: Path = GOLD) -> list[tuple[str, str, int, int, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            split, article, start, end, cluster, _name = line.split("\t")
            rows.append((split, article, int(start), int(end), cluster))
    return rows


def ingest(polnear: Path, split: str, data_dir: Path) -> float:
    """``policykg ingest`` of the split and the gold's other articles into ``data_dir``; the seconds it took."""
    others = sorted({(s, a) for s, a, *_ in read_gold() if s != split})
    paths = [polnear / split / "text", *(polnear / s / "text" / f"{a}.txt" for s, a in others)]
    started = time.perf_counter()
    subprocess.run([sys.executable, "-P", "-c", CLI, "--data-dir", str(data_dir), "ingest", "--no-neo4j", "--workers", "1",
                    "--metadata", str(polnear / "metadata.tsv"), *map(str, paths)],
                   check=True, capture_output=True, text=True)
    return round(time.perf_counter() - started, 1)


def extract_articles(polnear: Path, split: str, names: list[str]) -> list[Extraction]:
    """The articles extracted as ingest extracts them (reader, metadata, headline masked), for their keys' spans."""
    metadata = MetadataTable.read(polnear / "metadata.tsv")
    articles = []
    for name in names:
        for article in read_file(polnear / split / "text" / f"{name}.txt"):
            metadata.apply(article)
            mask_headline(article, title_only=True)
            article.language = "en"
            articles.append(article)
    docs = load_pipeline("en").pipe(article.nlp_text() for article in articles)
    return [extract(article, doc) for article, doc in zip(articles, docs)]


class Stored:
    """What a store holds, read once: each article's mention of a key → entity, each entity's label and type."""

    def __init__(self, data_dir: Path) -> None:
        store = open_rdf_store(data_dir, read_only=True)
        self.entities: dict[tuple[str, str], str] = {}
        for row in store.select("SELECT ?m ?e WHERE { GRAPH ?g { ?m pk:mentionOf ?e } }", union=False):
            article, _, key = row["m"].value.removeprefix(str(MENTION)).partition("/")
            self.entities[(unquote(article), unquote(key))] = row["e"].value
        self.labels: dict[str, str] = {}
        self.types: dict[str, str] = {}
        for row in store.select("SELECT ?e ?l ?t WHERE { GRAPH ?d { ?e rdfs:label ?l OPTIONAL { ?e a ?t } } }",
                                union=False):
            self.labels[row["e"].value] = row["l"].value
            if "t" in row:
                self.types[row["e"].value] = row["t"].value.rsplit("#", 1)[-1]
        self.spokespeople = {row["e"].value for row in store.select("SELECT DISTINCT ?e WHERE { ?e pk:speaksFor ?o }")}
        self.articles: dict[str, set[str]] = defaultdict(set)
        for row in store.select("SELECT ?e ?a WHERE { GRAPH ?g { ?e pk:mentionedIn ?a } }", union=False):
            self.articles[row["e"].value].add(unquote(row["a"].value.removeprefix(str(ARTICLE))))

    def entity(self, article: str, key: str) -> str:
        """The stored entity of the article's mention of ``key`` (the key's own IRI when it has none)."""
        return self.entities.get((article, key), str(ENTITY) + key)

    def label(self, article: str, entity: Entity) -> str:
        return self.labels.get(self.entity(article, entity.key), entity.label)


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


def gold_figures(polnear: Path, stored: Stored) -> dict:
    """Pairwise figures over the gold mentions, each predicted as the stored entity of its extracted key."""
    gold = read_gold()
    by_article: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, row in enumerate(gold):
        by_article[(row[0], row[1])].append(k)
    predicted = [""] * len(gold)
    for split in sorted({s for s, _ in by_article}):
        names = sorted(a for s, a in by_article if s == split)
        for extraction in extract_articles(polnear, split, names):
            article = extraction.article.id
            for k in by_article[(split, article)]:
                _, _, start, end, _ = gold[k]
                key = _entity_at(extraction.entities, start, end)
                predicted[k] = stored.entity(article, key) if key else f"none:{split}:{article}:{start}"
    return pairwise(gold, predicted)


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


def bar_figures(polnear: Path, split: str, stored: Stored) -> dict:
    names = {p.stem for p in (polnear / split / "text").glob("*.txt")}
    people = {e: label for e, label in stored.labels.items() if stored.types.get(e) == "Person"
              and e not in stored.spokespeople and stored.articles[e] & names}
    named = {e: label for e, label in people.items()
             if not any(e.removeprefix(str(ENTITY)).startswith(slugify(a) + "-") for a in stored.articles[e])}
    pairs = split_pairs(named)
    things = sorted(e for e, label in people.items() if _names_a_thing(label))
    return {"articles": len(names), "named_people": len(named), "unresolved": len(people) - len(named),
            "split_pairs": len(pairs), "split_pair_rate": round(len(pairs) / max(1, len(named)), 4),
            "split_examples": sorted(f"{named[a]} / {named[b]}" for a, b in pairs),
            "person_entities": len(people), "things": len(things),
            "thing_rate": round(len(things) / max(1, len(people)), 4),
            "thing_examples": sorted(people[e] for e in things)[:12]}


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


def speaker_figures(polnear: Path, split: str, stored: Stored) -> dict:
    """``policykg.polnear``'s named-speaker accuracy, each speaker under the label the store gives it."""
    articles = read_split(polnear, split)
    judged = correct = 0
    for gold, extraction in zip(articles, extract_articles(polnear, split, [a.name for a in articles])):
        doc = load_pipeline("en")(gold.text)
        contents = [fragments_text(gold.text, a.content) for a in gold.attributions]
        pairs = _one_to_one(extraction.statements, contents)
        referents = pronoun_referents(doc, gold)
        for k, predicted in sorted(pairs.items()):
            if referents[k] is not None:
                speaker = extraction.entities[extraction.statements[predicted].speaker]
                judged += 1
                correct += speaker_matches(stored.label(gold.name, speaker), referents[k])
    return {"named_speaker_accuracy": round(correct / judged, 4) if judged else None, "speakers_judged": judged}


def measure(polnear: Path, split: str, data_dir: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        seconds = None
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            seconds = ingest(polnear, split, data_dir)
        stored = Stored(data_dir)
        return {"ingest_seconds": seconds, "gold": gold_figures(polnear, stored),
                "bars": bar_figures(polnear, split, stored), **speaker_figures(polnear, split, stored)}


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
    parser.add_argument("--data-dir", type=Path, help="measure this store as it is, instead of ingesting anew")
    parser.add_argument("--baseline", metavar="REF", help="a git revision measured alongside")
    parser.add_argument("--json", action="store_true", help="print this revision's figures as JSON only")
    args = parser.parse_args(argv)
    current = measure(args.polnear, args.split, args.data_dir)
    if args.json:
        print(json.dumps(current))
        return 0
    columns = {"current": current}
    if args.baseline:
        columns[args.baseline] = measure_revision(args.baseline, args.polnear, args.split)
    rows = [("ingest seconds (workers 1)", lambda f: f["ingest_seconds"]),
            ("gold mentions / clusters / articles", lambda f: "{mentions} / {clusters} / {articles}".format(**f["gold"])),
            ("pairwise precision", lambda f: f["gold"]["precision"]),
            ("pairwise recall", lambda f: f["gold"]["recall"]),
            ("named-speaker accuracy", lambda f: f"{f['named_speaker_accuracy']} (n={f['speakers_judged']})"),
            ("named Person entities", lambda f: f["bars"]["named_people"]),
            ("  unresolved, article-scoped persons", lambda f: f["bars"]["unresolved"]),
            ("split pairs (rate)", lambda f: f"{f['bars']['split_pairs']} ({f['bars']['split_pair_rate']})"),
            ("Person entities / naming a thing (rate)",
             lambda f: f"{f['bars']['person_entities']} / {f['bars']['things']} ({f['bars']['thing_rate']})")]
    print(f"{'':42}" + "".join(f"{name:>24}" for name in columns))
    for title, value in rows:
        print(f"{title:42}" + "".join(f"{str(value(f)):>24}" for f in columns.values()))
    for name, figures in columns.items():
        print(f"\n{name}: split pairs {figures['bars']['split_examples']}")
        print(f"{name}: things e.g. {figures['bars']['thing_examples']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
