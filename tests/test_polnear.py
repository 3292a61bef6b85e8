"""The PolNeAR scorer on a tiny corpus written for the test (brat standoff files like PolNeAR's)."""
from __future__ import annotations

import json

from policykg.loaders.nlp import load_pipeline
from policykg.polnear import main, source_name, speaker_matches


def test_initials_name_an_organisation():
    assert speaker_matches("Federal Bureau of Investigation", "fbi")
    assert speaker_matches("Tom Hale", "hale")
    assert not speaker_matches("Federal Reserve", "fbi")
    assert not speaker_matches("Hale", "h")  # one letter is no name


def test_name_headed_by_a_title_is_its_last_proper_noun():
    text = "Texas Lt. Gov. Dan Patrick said the vote was close."
    doc = load_pipeline("en")(text)
    assert source_name(doc, [(0, len("Texas Lt. Gov. Dan Patrick"))]) == "patrick"
    assert source_name(doc, [(text.index("the vote"), text.index("the vote") + 8)]) is None


def test_items_list_false_positives_and_misses(tmp_path):
    text = ("Senator Tom Hale said the bill would pass by June.\n\n"
            "Mary Lane told reporters that the budget was too small.\n\n"
            "“We will not give up,” Ms. Lane said.\n")
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(text, encoding="utf-8")

    def span(words: str) -> str:
        start = text.index(words)
        return f"{start} {start + len(words)}"

    quote = "“We will not give up,”"
    (tmp_path / "dev" / "attributions" / "a_1.ann").write_text("\n".join([
        f"T1\tSource {span('Senator Tom Hale')}\tSenator Tom Hale",
        f"T2\tCue {span('said')}\tsaid",
        f"T3\tContent {span('the bill would pass by June')}\tthe bill would pass by June",
        f"T4\tSource {span('Ms. Lane')}\tMs. Lane",
        f"T5\tCue {text.index('said.')} {text.index('said.') + 4}\tsaid",
        f"T6\tContent {span(quote)}\t{quote}",
        "E1\tAttribution:T2 Source:T1 Content:T3",
        "E2\tAttribution:T5 Source:T4 Content:T6",
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "errors.jsonl"
    assert main([str(tmp_path), "--split", "dev", "--json", "--items", str(out)]) == 0
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # "the budget was too small" is a real statement that this gold leaves out: a false positive here.
    assert [(i["error"], i["content"]) for i in items] == [("false-positive", "the budget was too small.")]
