"""Targets and stance on PolNeAR dev attributions annotated for policykg (``benchmarks/data/polnear_stance.yaml``).

PolNeAR marks who said what but not about whom or with which stance; the annotation file adds both for
attributions of 50 dev articles, as offsets and labels only (the corpus stays in its own directory): 40 "tuned"
articles (194 attributions: 20 looked at while the rules were written, 20 more annotated as training data for the
stance model), and 10 annotated afterwards and never tuned on ("held_out", 39 attributions); figures are given
for each. Each article goes through the extraction steps of ingest; a predicted statement matches an annotated
attribution as in ``policykg.polnear`` (token-bag F1 of the contents >= 0.5, one to one, best first). Over matched
pairs:

- **target F1**: micro precision/recall of predicted target labels; a label matches a gold target when, once
  normalised, the words of one hold the other's ("Clinton" for "Hillary Clinton");
- **stance accuracy**: predicted stance equal to the annotated one.

Usage: ``python benchmarks/polnear_stance.py /work/shared/polnear [--json]``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from policykg.evaluate import normalise
from policykg.loaders.extract import entities, relations, statements, targets
from policykg.loaders.model import Article
from policykg.loaders.nlp import load_pipeline
from policykg.polnear import _one_to_one, fragments_text

ANNOTATIONS = Path(__file__).with_name("data") / "polnear_stance.yaml"


def label_matches(label: str, names: list[str]) -> bool:
    words = set(normalise(label).split())
    return any(words and (words <= set(normalise(n).split()) or set(normalise(n).split()) <= words) for n in names)


def score(corpus: Path, annotations: Path = ANNOTATIONS) -> dict:
    """Figures for the tuned and the held-out articles."""
    gold_articles = yaml.safe_load(annotations.read_text(encoding="utf-8"))
    nlp = load_pipeline("en")
    return {part: _score_part(corpus, [g for g in gold_articles if g.get("held_out", False) == held_out], nlp)
            for part, held_out in (("tuned", False), ("held_out", True))}


def _score_part(corpus: Path, gold_articles: list[dict], nlp) -> dict:
    counts = {"articles": len(gold_articles), "attributions": 0, "matched": 0, "stance_ok": 0, "target_hits": 0,
              "predicted_targets": 0, "gold_targets": 0}
    confusion: dict[str, int] = {}
    for gold in gold_articles:
        text = (corpus / "dev" / "text" / f"{gold['article']}.txt").read_text(encoding="utf-8")
        article = Article(id=gold["article"], source=f"{gold['article']}.txt", text=text, language="en")
        doc = nlp(article.nlp_text())
        index = entities.recognise(article, doc)
        found = statements.find_statements(article, doc, index)
        stated = relations.find_relations(article, doc, index)
        targets.assign_targets_and_stance(article, doc, index, found, stated)
        rows = gold["attributions"]
        pairs = _one_to_one(found, [fragments_text(text, [tuple(s) for s in row["content"]]) for row in rows])
        counts["attributions"] += len(rows)
        counts["matched"] += len(pairs)
        for gi, pi in pairs.items():
            row, statement = rows[gi], found[pi]
            counts["stance_ok"] += statement.stance == row["stance"]
            key = f"{row['stance']}->{statement.stance}"
            confusion[key] = confusion.get(key, 0) + 1
            labels = [index.entities[k].label for k in statement.targets]
            unused = list(row["targets"])
            for label in labels:
                hit = next((names for names in unused if label_matches(label, names)), None)
                if hit is not None:
                    unused.remove(hit)
                    counts["target_hits"] += 1
            counts["predicted_targets"] += len(labels)
            counts["gold_targets"] += len(row["targets"])
    p = _ratio(counts["target_hits"], counts["predicted_targets"])
    r = _ratio(counts["target_hits"], counts["gold_targets"])
    return {**counts, "target_precision": p, "target_recall": r,
            "target_f1": round(2 * p * r / (p + r), 4) if p and r else 0.0,
            "stance_accuracy": _ratio(counts["stance_ok"], counts["matched"]),
            "stance_confusion": dict(sorted(confusion.items()))}


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the PolNeAR directory (with dev/text/)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = score(args.corpus)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for part, figures in result.items():
            print(part)
            for key, value in figures.items():
                print(f"  {key:20} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
