"""Regression guard on the French development gold (tests/gold/fr): 25+ hand-written news-style articles
with their annotation, ingested and scored end to end as `policykg eval` does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main

GOLD = Path(__file__).resolve().parent / "gold" / "fr"
WHO_SAID_WHAT_FLOOR = 0.87
"""The who-said-what F1 reached on the 35 articles (0.94), and on 43 with eight written before tuning (0.94), less a
small margin; statement recall reached 0.97 (0.96 on 43). On 54, with fr58-fr62 written before wsw5's rules: 0.90 before
them, 0.93 after, recall 0.96. On 68, with fr91-fr100 written after stance7's model and never tuned on (0.75 on them):
0.883 (0.929 on the 58 others), recall 0.928 (0.948). On 76, with fr101-fr108 written by golden9 and measured
blind (0.754 on them, recall 0.80): 0.881 (0.899 on the 68 others), recall 0.909 (0.926). On 84, with fr109-fr116
written by golden11 and measured blind (0.644 on them, recall 0.853; 0.662 after two gold fixes): 0.901 (0.934 on
the 76 others), recall 0.952 (0.965). On 108, with fr133-fr140 written by golden17 and measured blind (0.851 on them before the day's
French rules, 0.862 after them): 0.952, recall 0.970. On 116, with fr141-fr148 written by golden19 and
measured blind (0.834 on them before round 19, 0.826 after its first merges, 0.864 once tuned on): 0.950, recall 0.972.
On 124, with fr149-fr156 written by golden20 and measured blind (0.798 on them before round 20, 0.812 after its
merges): 0.950, recall 0.974. On 132, with fr157-fr164 written by golden21 and measured blind (0.824 on them before
round 21, 0.839 after its merges): 0.948, recall 0.969. On 140, with fr165-fr172 written by golden22 and measured
blind (0.733 on them before round 22, 0.733 after its blind merges, 0.866 once tuned on): 0.946, recall 0.966. On 164,
with fr173-fr196 written blind by golden23, golden23b and golden23c, each measured before the round it judged (fr173-180
0.755 before round 23 and after its first merges; fr181-188 0.747 before, 0.762 after round 2; fr189-196 0.798
before, 0.803 after round 3): 0.913, recall 0.943. On 180, with fr197-fr212 written blind by golden24 and golden24b
and measured before round 24 (0.731 and 0.837 on them) and after its merges (0.731 and 0.840): 0.900, recall 0.936.
On 196, with fr213-fr228 written blind by golden25 and golden25b and measured before round 25 (0.803 and 0.772 on
them) and after its merges (0.835 and 0.778): 0.898, recall 0.933. On 212, with fr229-fr244 written blind by golden26 and
golden26b and measured before round 26 (0.833 and 0.788 on them) and after its merges (0.848 and 0.792): 0.895,
recall 0.933. On 228, with fr245-fr260 written blind by golden27 and golden27b and measured before round 27 (0.885 and
0.769 on them) and after its merges (the same): 0.889, recall 0.932. On 244, with fr261-fr276 written blind by golden28
and golden28b and measured before round 28 (0.783 and 0.803 on them) and after its merges (0.783 and 0.828): 0.888,
recall 0.937. On 260, with fr277-fr292 written blind by golden29 and golden29b and measured before round 29 (0.824 and
0.862 on them) and after its merges (0.831 and 0.870): 0.898, recall 0.940. On 276, with fr293-fr308 written blind by
golden42 and golden42b and measured before round 30 (0.811 and 0.822 on them) and after its merges (the same; 0.821 and
0.822 with the lead's fixes written after reading them): 0.898, recall 0.941. On 308, with fr309-fr340 written blind by
golden43, golden43b, golden43c and golden43d and measured before round 31 (0.798, 0.812, 0.800 and 0.725 on them) and
after its merges (0.809, 0.822, 0.800 and 0.735; 0.809, 0.832, 0.800 and 0.735 with the lead's fixes, written after
reading fr309-fr324): 0.892, recall 0.939. On 340, with fr341-fr372 written blind by golden44, golden44b, golden44c and
golden44d and measured before round 32 (0.810, 0.784, 0.859 and 0.802 on them) and after its merges (0.810, 0.824,
0.879 and 0.820), the verb-of-stance pairs of the older gold merged into one statement each and « porte-parole de X »
labelled "X spokesperson" as docs/gold-format.md says: 0.896, recall 0.940."""
RECALL_FLOOR = 0.90


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    data = tmp_path_factory.mktemp("gold-fr")
    runner = CliRunner()
    ingested = runner.invoke(main, ["--data-dir", str(data), "ingest", "--no-neo4j", str(GOLD)])
    assert ingested.exit_code == 0, ingested.output
    scored = runner.invoke(main, ["--data-dir", str(data), "eval", str(GOLD), "--format", "json"])
    assert scored.exit_code == 0, scored.output
    return json.loads(scored.output)


def test_every_article_has_its_annotation():
    texts = sorted(p.stem for p in GOLD.glob("*.txt"))
    assert len(texts) >= 35 and texts == sorted(p.stem for p in GOLD.glob("*.yaml"))


def test_who_said_what_stays_above_its_floor(report):
    overall = report["overall"]
    assert overall["who_said_what"]["f1"] >= WHO_SAID_WHAT_FLOOR, overall["who_said_what"]
    assert overall["statements"]["recall"] >= RECALL_FLOOR, overall["statements"]
