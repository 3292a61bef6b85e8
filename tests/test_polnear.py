"""The PolNeAR scorer on a tiny corpus written for the test (brat standoff files like PolNeAR's)."""
from __future__ import annotations

import json

from policykg.loaders.nlp import load_pipeline
from policykg.loaders.extract.statements import find_quotes
from policykg.polnear import main, paragraph_parts, parse, source_name, speaker_matches


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


def _corpus(tmp_path, text: str, lines: list[str]) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_split_quotation_over_two_paragraphs_is_one_attribution_and_two_statements(tmp_path, capsys):
    first, second = "“We will not give up on this town,”", "“The plant will stay open for as long as I am the mayor.”"
    text = f"Mary Lane spoke on Monday.\n\n{first} Ms. Lane said.\n\n{second}\n"
    a, b = text.index(first), text.index(second)
    cue = text.index("said")
    _corpus(tmp_path, text, [
        f"T1\tSource {text.index('Ms. Lane')} {text.index('Ms. Lane') + 8}\tMs. Lane",
        f"T2\tCue {cue} {cue + 4}\tsaid",
        f"T3\tContent {a} {a + len(first)};{b} {b + len(second)}\t{first} {second}",
        "E1\tAttribution:T2 Source:T1 Content:T3",
    ])
    assert main([str(tmp_path), "--split", "dev", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    # The gold convention makes the closed quotation opening the next paragraph a statement of its own (cue: null):
    # each statement is one paragraph part of PolNeAR's attribution; the attribution is still found once.
    assert (figures["predicted"], figures["matched"], figures["paragraph_parts_matched"]) == (2, 1, 1)
    assert figures["precision"] == 1.0 and figures["recall_all"] == 1.0


def test_quotation_left_open_over_two_paragraphs_is_one_part():
    text = "“We will not give up on this town.\n\n“The plant will stay open,” Ms. Lane said.\n"
    spans = [(0, text.index("\n")), (text.index("“The"), text.index(" Ms."))]
    assert paragraph_parts(text, spans, find_quotes(text)) == [spans]
    closed = text.replace("town.\n", "town.”\n")
    spans = [(0, closed.index("\n")), (closed.index("“The"), closed.index(" Ms."))]
    assert paragraph_parts(closed, spans, find_quotes(closed)) == [spans[:1], spans[1:]]


def test_parse_cache_gives_back_the_same_parse_without_parsing_again(tmp_path, monkeypatch):
    texts = ["Senator Tom Hale said on Monday that the bridge would close.\n\n“It is old,” he added.",
             "Mary Lane told reporters the budget was too small."]
    texts.insert(1, texts[0])  # the same article twice
    nlp = load_pipeline("en")
    first = list(parse(nlp, texts, tmp_path))
    assert [doc.text for doc in first] == texts
    assert len(list(tmp_path.iterdir())) == 2

    def refuse(_texts):
        raise AssertionError("a cached text was parsed again")
        yield

    monkeypatch.setattr(nlp, "pipe", refuse)
    again = list(parse(nlp, texts, tmp_path))
    for doc, cached in zip(first, again):
        assert doc.text == cached.text
        assert [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in doc] == [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in cached]
        assert [s.text for s in doc.sents] == [s.text for s in cached.sents]
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in cached.ents]
