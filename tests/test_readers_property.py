"""Property-based tests of the readers (hypothesis): whatever a folder holds (random bytes, text in random
encodings, random HTML, random JSON Lines), reading it raises nothing, every file is accounted for by
articles or one error naming it, what is read can be stored, and a good file beside the others is read whole.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.loaders.model import Article
from policykg.loaders.readers import LoadError, read_paths

GOOD = "Le ministre a déclaré mardi que la loi serait votée.\n\nLes associations ont dénoncé un texte dangereux.\n"
BOM_ENCODINGS = ("utf-8-sig", "utf-16", "utf-32")
OTHER_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "shift_jis", "koi8-r", "gb18030")

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(max_size=200)
"""Any code points but lone surrogates (st.text leaves them out): what a file can hold."""
json_text = st.text(st.characters(codec=None), max_size=60)
"""With lone surrogates and NUL, which a JSON escape (\\ud800, \\u0000) can carry."""


@st.composite
def encoded_text(draw) -> tuple[bytes, str, str]:
    encoding = draw(st.sampled_from(BOM_ENCODINGS + OTHER_ENCODINGS))
    content = draw(text)
    return content.encode(encoding, errors="replace"), encoding, content


def html_tree() -> st.SearchStrategy[str]:
    leaf = st.one_of(text, text.map(lambda t: t.replace("&", "&amp;").replace("<", "&lt;")))
    tags = st.sampled_from(["p", "div", "article", "h1", "span", "script", "nav", "table", "td", "main", "a"])
    return st.recursive(leaf, lambda inner: st.tuples(tags, st.lists(inner, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"), max_leaves=12)


@st.composite
def html_page(draw) -> bytes:
    page = f"<html><head><title>{draw(text)}</title></head><body>{draw(html_tree())}</body></html>"
    if draw(st.booleans()):
        page = page[:draw(st.integers(0, len(page)))]  # cut anywhere: broken markup
    return page.encode(draw(st.sampled_from(("utf-8", "utf-16", "latin-1"))), errors="replace")


record_value = st.one_of(json_text, st.integers(), st.none(), st.lists(st.integers(), max_size=2))
record = st.fixed_dictionaries({}, optional={
    "id": record_value, "text": st.one_of(json_text, text, record_value), "title": record_value,
    "language": st.sampled_from(["fr", "en", "de", "", "xx"]), "date": record_value, "url": record_value,
    "publisher": record_value, "extra": record_value,
})
jsonl_line = st.one_of(record.map(json.dumps), st.lists(st.integers(), max_size=3).map(json.dumps), text.map(
    lambda t: t.replace("\n", " ").replace("\r", " ")))


@st.composite
def jsonl_file(draw) -> tuple[bytes, int]:
    """The file and how many of its lines are not blank (each must give an article or an error)."""
    lines = draw(st.lists(jsonl_line, max_size=6))
    data = "\n".join(lines).encode(draw(st.sampled_from(("utf-8", "utf-16"))))
    return data, sum(1 for line in lines if line.strip())


input_file = st.one_of(
    st.tuples(st.sampled_from([".txt", ".html", ".jsonl"]), st.binary(max_size=300)).map(lambda t: (*t, None)),
    st.tuples(st.sampled_from([".txt", ".text"]), encoded_text()).map(lambda t: (t[0], t[1][0], t[1])),
    st.tuples(st.sampled_from([".html", ".htm"]), html_page()).map(lambda t: (*t, None)),
    st.tuples(st.sampled_from([".jsonl", ".ndjson"]), jsonl_file()).map(lambda t: (t[0], t[1][0], t[1][1])),
)


def storable(value: str | None) -> bool:
    """What RDF can hold: no NUL, no lone surrogate."""
    return value is None or ("\x00" not in value and value.encode("utf-8", "replace").decode("utf-8") == value)


@PROPERTY
@given(st.lists(input_file, min_size=1, max_size=6))
def test_any_folder_is_read_without_an_exception_and_nothing_good_is_lost(files):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        names = []
        for number, (suffix, data, _expected) in enumerate(files):
            name = f"{number:02d}{suffix}"
            (root / name).write_bytes(data)
            names.append(name)
        (root / "zz-good.txt").write_text(GOOD, encoding="utf-8")

        items = list(read_paths([root]))
        assert items == list(read_paths([root])), "the same folder reads the same way twice"

    assert all(isinstance(item, (Article, LoadError)) for item in items)
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, LoadError)]
    assert [a.text for a in articles if a.source == "zz-good.txt"] == [GOOD]
    for article in articles:
        assert all(storable(v) for v in (article.id, article.source, article.text, article.title, article.url,
                                         article.publisher, article.published, article.language)), article
        assert article.text.strip()
    for name, (suffix, _data, expected) in zip(names, files):
        mine = [a for a in articles if a.source == name or a.source.startswith(name + "#")]
        my_errors = [e for e in errors if Path(e.source.split(":")[0]).name == name]
        if suffix in (".jsonl", ".ndjson") and isinstance(expected, int) and not (
                len(my_errors) == 1 and ":" not in my_errors[0].source):
            assert len(mine) + len(my_errors) == expected, (name, mine, my_errors)
        else:
            assert len(mine) + len(my_errors) >= 1, f"{name} was dropped silently"
        if isinstance(expected, tuple):
            _bytes, encoding, content = expected
            readable = content.strip() and "\x00" not in content and not content.startswith("\ufeff")
            if encoding in BOM_ENCODINGS + ("utf-8",) and readable:
                assert [a.text for a in mine] == [content.replace("\r\n", "\n")], (encoding, my_errors)


@PROPERTY
@given(st.binary(max_size=400))
def test_random_bytes_as_any_kind_of_input_give_articles_or_one_error(data):
    with tempfile.TemporaryDirectory() as folder:
        items = []
        for suffix in (".txt", ".html", ".jsonl"):
            path = Path(folder) / f"random{suffix}"
            path.write_bytes(data)
            got = list(read_paths([path]))
            assert got and all(isinstance(item, (Article, LoadError)) for item in got)
            items += got
    for item in items:
        if isinstance(item, LoadError):
            assert "random." in item.source and item.reason
