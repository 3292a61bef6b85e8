"""Gold against predicted stance, statement by statement, for a folder of articles with their gold annotations.

``policykg eval -v`` names the statements whose stance is wrong; this prints, for each matched statement, both
stances, the speaker, the cue, the targets and the content, so that errors can be grouped into classes. Matching
is that of ``policykg.evaluate`` (token-bag F1 of the contents >= 0.5, one to one, best first).

Usage: ``python benchmarks/stance_errors.py tests/gold/en [--errors]``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from policykg.analysis import analyse
from policykg.evaluate import MATCH_THRESHOLD, _one_to_one, load_gold, token_f1
from policykg.loaders.model import Extraction
from policykg.loaders.readers import read_paths


def rows(folder: Path) -> list[dict]:
    """One row per matched statement: its article, gold id, both stances and what was extracted."""
    gold = {article.article: article for article in load_gold(folder)}
    extractions = [e for e in analyse([a for a in read_paths([folder]) if not hasattr(a, "reason")])
                   if isinstance(e, Extraction)]
    found = []
    for extraction in extractions:
        article = gold.get(Path(extraction.article.source).name)
        if article is None:
            continue
        predicted = extraction.statements
        pairs = _one_to_one(((-f1, g.optional, gi, pi), gi, pi) for gi, g in enumerate(article.statements)
                            for pi, s in enumerate(predicted)
                            if (f1 := token_f1(s.content, g.content)) >= MATCH_THRESHOLD)
        for gi, pi in sorted(pairs.items()):
            g, s = article.statements[gi], predicted[pi]
            found.append({"article": article.article, "id": g.id, "gold": g.stance, "predicted": s.stance,
                          "speaker": s.speaker, "cue": s.cue, "targets": s.targets, "gold_targets": list(g.targets),
                          "content": " ".join(s.content.split())})
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="articles (.txt) and their gold annotations (.yaml)")
    parser.add_argument("--errors", action="store_true", help="only the statements whose stance is wrong")
    args = parser.parse_args(argv)
    found = rows(args.folder)
    right = sum(r["gold"] == r["predicted"] for r in found)
    confusion = Counter(f"{r['gold']}->{r['predicted']}" for r in found)
    print(f"stance {right}/{len(found)}", dict(sorted(confusion.items())))
    for r in found:
        if args.errors and r["gold"] == r["predicted"]:
            continue
        mark = "ok " if r["gold"] == r["predicted"] else "ERR"
        print(f"{mark} {r['article']}:{r['id']} gold={r['gold']} predicted={r['predicted']} speaker={r['speaker']} "
              f"cue={r['cue']!r} targets={r['targets']} gold targets={r['gold_targets']}\n    {r['content']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
