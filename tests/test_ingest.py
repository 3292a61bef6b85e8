"""Ingest of a corpus: worker processes, incremental runs, metadata files, progress, headlines and bylines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg import export as exporting
from policykg import pipeline
from policykg.cli import main
from policykg.graph.store import OxigraphStore
from policykg.loaders.metadata import MetadataTable, normalise_date
from policykg.loaders.model import Article
from policykg.loaders.nlp import load_pipeline
from policykg.loaders.readers import read_paths
from policykg.pipeline import Unchanged, ingest

SPEAKERS = ["Maria Lopez", "John Carter", "Aisha Khan", "Peter Novak", "Laura Chen", "David Okafor", "Emma Weiss",
            "Omar Haddad", "Sofia Rossi"]


def corpus(folder: Path, count: int = 9) -> Path:
    """``count`` short English articles we wrote, each with a headline ending in a full stop."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, speaker in enumerate(SPEAKERS[:count]):
        (folder / f"story-{n:02d}.txt").write_text(
            f"Senator Warns Over Encrypted Messaging Plan, Number {n}.\n\n"
            f'"The bill will not protect children," {speaker} said on Monday.\n\n'
            f"{speaker}, a senator from Ohio, told reporters that the Interior Ministry had ignored the experts.\n\n"
            f"The ministry said it would publish the plan in {2001 + n}.\n", encoding="utf-8")
    return folder


def stored(store: OxigraphStore) -> tuple[list[str], list[dict]]:
    return sorted(str(q) for q in store.quads()), list(exporting.statement_rows(store))


def test_one_and_two_workers_store_the_same_graphs(tmp_path):
    folder = corpus(tmp_path / "in")
    one, two = OxigraphStore(tmp_path / "one"), OxigraphStore(tmp_path / "two")
    lines_one: list[str] = []
    lines_two: list[str] = []
    ingest([folder], [one], workers=1, on_article=lambda source, _: lines_one.append(source))
    report = ingest([folder], [two], workers=2, on_article=lambda source, _: lines_two.append(source))
    assert len(report.articles) == 9 and not report.errors
    assert lines_one == lines_two == sorted(lines_one), "outcomes come back in input order"
    quads_one, rows_one = stored(one)
    quads_two, rows_two = stored(two)
    assert quads_one == quads_two and rows_one == rows_two
    assert rows_one, "the articles yield statements"


class FailingStore(OxigraphStore):
    """A store whose ``fail_at``-th write raises, as when an ingest is killed in the middle."""

    def __init__(self, path: Path, fail_at: int) -> None:
        super().__init__(path)
        self.calls, self.fail_at = 0, fail_at

    def replace_graphs(self, graphs) -> None:
        self.calls += 1
        if self.calls == self.fail_at:
            raise KeyboardInterrupt
        super().replace_graphs(graphs)


def test_unchanged_articles_are_skipped_changed_ones_replaced_and_a_killed_run_resumes(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 3)
    folder = corpus(tmp_path / "in")
    reference = OxigraphStore(tmp_path / "reference")
    ingest([folder], [reference])

    store = FailingStore(tmp_path / "store", fail_at=2)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], [store])
    assert len([g for g in store.graph_names() if "/graph/" in g]) == 3, "the first batch was written before the run was killed"
    store.fail_at = 0
    report = ingest([folder], [store])
    assert len(report.unchanged) == 3 and len(report.articles) == 6
    assert stored(store) == stored(reference), "nothing lost, nothing doubled"

    load_pipeline.cache_clear()
    report = ingest([folder], [store])
    assert len(report.unchanged) == 9 and not report.articles
    assert load_pipeline.cache_info().currsize == 0, "nothing to extract: spaCy is not even loaded"

    edited = folder / "story-03.txt"
    edited.write_text(edited.read_text().replace("Peter Novak said", "Peter Novak declared"), encoding="utf-8")
    report = ingest([folder], [store])
    assert report.articles == ["story-03.txt"] and len(report.unchanged) == 8
    contents = [row["content"] for row in exporting.statement_rows(store) if row["article"] == "story-03.txt"]
    assert len(contents) == len({*contents}), "the edited article's graph was replaced, not added to"
    assert len(ingest([folder], [store], force=True).articles) == 9


def test_metadata_file_dates_authors_and_warnings(tmp_path):
    folder = corpus(tmp_path / "in", count=3)
    table = tmp_path / "meta.csv"
    table.write_text("file,publication_date,author,publisher,title\n"
                     "story-00,2016-03-11,Jane Roe,The Example Post,A headline of our own\n"
                     "story-01.txt,2016-13-45,John Doe,,\n"
                     "nowhere,2016-01-01,,,\n", encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    metadata = MetadataTable.read(table)
    report = ingest([folder], [store], metadata=metadata)
    assert "meta.csv:3: bad date '2016-13-45' in column 'publication_date' (expected YYYY-MM-DD); ignored" \
        in report.warnings
    assert "meta.csv:4: names no input article" in report.warnings
    rows = list(store.select("SELECT ?file ?date ?author WHERE { ?a pk:sourceFile ?file . OPTIONAL { ?a "
                             "schema:datePublished ?date } OPTIONAL { ?a schema:author ?author } } ORDER BY ?file"))
    assert [(r["file"].value, r.get("date"), r.get("author") and r["author"].value) for r in rows][:2] == [
        ("story-00.txt", rows[0]["date"], "Jane Roe"), ("story-01.txt", None, "John Doe")]
    assert rows[0]["date"].datatype.value == "http://www.w3.org/2001/XMLSchema#date"
    dates = {row["article"]: row["date"] for row in exporting.statement_rows(store)}
    assert dates["story-00.txt"] == "2016-03-11" and dates["story-01.txt"] is None


def test_jsonl_records_take_the_metadata_fields(tmp_path):
    record = {"id": "r1", "text": "The minister resigned on Monday after a long dispute.", "published": "2021-06-05T08:30:00Z",
              "source": "Example Wire", "author": "Ann Lee"}
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = next(iter(read_paths([path])))
    assert (article.published, article.publisher, article.author) == ("2021-06-05", "Example Wire", "Ann Lee")


@pytest.mark.parametrize("value, expected", [("2016-03-11", "2016-03-11"), ("2016/3/9", "2016-03-09"), ("2016", "2016"),
                                             ("2016-02-30", None), ("March 2016", None), ("2016-03", "2016-03")])
def test_dates_are_normalised_or_refused(value, expected):
    assert normalise_date(value) == expected


def read_one(path: Path, text: str) -> Article:
    path.write_text(text, encoding="utf-8")
    return next(iter(read_paths([path])))


def test_headline_with_a_full_stop_byline_and_dateline_are_masked(tmp_path):
    text = ("Minister Rejects Calls To Weaken Encryption.\n\nBy Jane Roe\n\n"
            'LONDON (Example Wire) - "We will not break encryption," the minister said on Tuesday.\n')
    article = read_one(tmp_path / "a.txt", text)
    assert article.title == "Minister Rejects Calls To Weaken Encryption."
    assert article.author == "Jane Roe"
    seen = article.nlp_text()
    assert "Minister Rejects" not in seen and "Jane Roe" not in seen and "LONDON" not in seen
    assert seen.index('"We will') == text.index('"We will'), "offsets still point into the text"


@pytest.mark.parametrize("first, headline", [
    ("Fuel duty to rise as ministers target ‘gas guzzlers’", True),  # a quoted phrase ends it
    ("The minister called it “a disgrace.”", False),  # a quoted sentence ends with its punctuation
])
def test_a_headline_may_end_on_a_quoted_phrase(tmp_path, first, headline):
    article = read_one(tmp_path / "q.txt", f"{first}\n\nThe minister said the duty would rise in May.\n")
    assert (article.title == first) is headline


def test_a_first_sentence_is_body_text_but_a_headline_named_by_the_metadata_is_not(tmp_path):
    text = "Officials said the plan would go ahead.\n\nThe minister said the law would pass in May.\n"
    article = read_one(tmp_path / "b.txt", text)
    assert article.title is None and "Officials said" in article.nlp_text()
    table = tmp_path / "meta.tsv"
    table.write_text("filename\ttitle\nb\tOfficials said the plan would go ahead\n", encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    ingest([tmp_path / "b.txt"], [store], metadata=MetadataTable.read(table), language="en")
    rows = list(exporting.statement_rows(store))
    assert rows and all(row["start"] >= text.index("The minister") for row in rows), "no statement from the headline"


def test_cli_progress_counts_to_n_of_n_and_reports_unchanged(tmp_path):
    folder = corpus(tmp_path / "in", count=2)
    args = ["--data-dir", str(tmp_path / "data"), "ingest", "--no-neo4j", "--workers", "1", str(folder)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "2/2 articles" in first.output and first.output.count("ok     story-") == 2
    again = CliRunner().invoke(main, args)
    assert "2/2 articles" in again.output and "0 ingested" in again.output and "2 unchanged" in again.output


def test_progress_lines_without_a_terminal(monkeypatch):
    import io

    from policykg import progress as progress_module

    clock = iter(range(0, 1000, 3))
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: float(next(clock)))
    stream = io.StringIO()
    progress = progress_module.Progress("articles", stream=stream, interactive=False)
    progress.start(4)
    for _ in range(4):
        progress.advance()
    assert progress.close().startswith("4/4 articles")
    assert "2/4 articles" in stream.getvalue()


def test_unchanged_is_what_the_callback_gets_for_skipped_articles(tmp_path):
    folder = corpus(tmp_path / "in", count=1)
    store = OxigraphStore(tmp_path / "store")
    ingest([folder], [store])
    outcomes = []
    ingest([folder], [store], on_article=lambda source, outcome: outcomes.append((source, type(outcome))))
    assert outcomes == [("story-00.txt", Unchanged)]


def test_new_metadata_alone_updates_the_article_without_a_new_extraction(tmp_path):
    folder = corpus(tmp_path / "in", count=2)
    table = tmp_path / "meta.tsv"
    table.write_text("id\tdate\tauthor\nstory-00\t2019-05-01\tAnn Lee\n", encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    ingest([folder], [store], metadata=MetadataTable.read(table))
    before = stored(store)
    table.write_text("id\tdate\tauthor\nstory-00\t2019-05-02\tAnn Lee\n", encoding="utf-8")
    load_pipeline.cache_clear()
    report = ingest([folder], [store], metadata=MetadataTable.read(table))
    assert report.redescribed == ["story-00.txt"] and report.unchanged == ["story-01.txt"] and not report.articles
    assert load_pipeline.cache_info().currsize == 0, "no extraction, so no spaCy"
    after = stored(store)
    assert {row["date"] for row in after[1] if row["article"] == "story-00.txt"} == {"2019-05-02"}
    assert [{**row, "date": None} for row in after[1]] == [{**row, "date": None} for row in before[1]]
    changed = set(before[0]) ^ set(after[0])
    assert changed and all("article/story-00" in quad.split(">")[0] for quad in changed), \
        "only the article's own description changed"
    again = ingest([folder], [store], metadata=MetadataTable.read(table))
    assert len(again.unchanged) == 2, "the new hash was stored with the new description"


def test_metadata_title_never_masks_the_lede_after_a_detected_headline(tmp_path):
    from policykg.loaders.clean import mask_headline

    text = "Senators Clash Over Encryption Bill\n\nCritics Say The Plan Fails Everyone.\n\nThe vote is on Friday.\n"
    article = read_one(tmp_path / "c.txt", text)
    assert article.title == "Senators Clash Over Encryption Bill"
    article.title = "An entirely different title"
    mask_headline(article, title_only=True)
    assert "Critics Say" in article.nlp_text(), "only the title names a headline the second time"
