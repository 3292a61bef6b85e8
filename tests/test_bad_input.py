"""Bad input costs only itself: one error naming it, the rest of the batch read, nothing blocking.

Unreadable files are made so for real: under root (as CI runs) a chmod 000 file is still readable,
so those tests drop the effective user to ``nobody`` while they read.
"""
from __future__ import annotations

import configparser
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import spacy

from policykg.loaders import nlp
from policykg.loaders.model import Article
from policykg.loaders.readers import LoadError, read_paths

ROOT = Path(__file__).resolve().parent.parent
GOOD = "La ministre a déclaré mardi que la loi sur le chiffrement serait votée avant l'été.\n"
NOBODY = 65534


def errors_by_name(items: list[Article | LoadError]) -> dict[str, str]:
    errors = [item for item in items if isinstance(item, LoadError)]
    by_name = {Path(error.source).name: error.reason for error in errors}
    assert len(by_name) == len(errors), f"one error per input: {errors}"
    return by_name


def sources(items: list[Article | LoadError]) -> list[str]:
    return [item.source for item in items if isinstance(item, Article)]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder every user may enter (pytest's tmp_path is private to root), removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="policykg-bad-input-"))
    path.chmod(0o755)
    yield path
    for folder, dirs, _files in os.walk(path):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
    shutil.rmtree(path)


@contextmanager
def without_root_override(folder: Path) -> Iterator[None]:
    """Permission checks as an ordinary user: as root, the effective user becomes nobody meanwhile."""
    if os.geteuid() != 0:
        yield
        return
    for parent in [folder, *folder.parents]:
        if not parent.stat().st_mode & stat.S_IXOTH:
            pytest.skip(f"{parent} cannot be entered by other users: cannot test unreadable files as root")
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.mark.timeout(60)
def test_pipes_devices_sockets_and_links_in_a_folder_each_get_one_error(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe-without-suffix")
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "sub" / "up").symlink_to("..")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.txt"))
    try:
        items = list(read_paths([folder, folder / "pipe.txt"]))
    finally:
        server.close()
    assert sources(items) == ["good.txt"]
    errors = [item for item in items if isinstance(item, LoadError)]
    reasons = {Path(error.source).relative_to(folder).as_posix(): error.reason for error in errors}
    assert len(errors) == 8 and set(reasons) == {
        "pipe.txt", "pipe-without-suffix", "null.txt", "self.txt", "sub/up", "dangling.txt", "socket.txt"}
    assert "named pipe" in reasons["pipe.txt"] and "named pipe" in reasons["pipe-without-suffix"]
    assert "character device" in reasons["null.txt"]
    assert "socket" in reasons["socket.txt"]
    assert "symbolic link loop" in reasons["self.txt"] and "symbolic link loop" in reasons["sub/up"]
    assert "broken symbolic link to nowhere.txt" in reasons["dangling.txt"]


def test_unreadable_files_and_folders_are_named_and_the_rest_is_read(shared_dir):
    (shared_dir / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (shared_dir / "locked.txt").write_text(GOOD, encoding="utf-8")
    (shared_dir / "locked.txt").chmod(0)
    (shared_dir / "locked-folder").mkdir()
    (shared_dir / "locked-folder" / "inside.txt").write_text(GOOD, encoding="utf-8")
    (shared_dir / "locked-folder").chmod(0)
    (shared_dir / "z-good.txt").write_text(GOOD, encoding="utf-8")
    list(read_paths([shared_dir / "a-good.txt"]))  # lexicons loaded while they are readable as who we are
    with without_root_override(shared_dir):
        items = list(read_paths([shared_dir, shared_dir / "locked.txt"]))
    assert sources(items) == ["a-good.txt", "z-good.txt"]
    errors = [item for item in items if isinstance(item, LoadError)]
    assert [Path(error.source).name for error in errors] == ["locked-folder", "locked.txt", "locked.txt"]
    assert all("permission denied" in error.reason for error in errors)
    assert "folder" in errors[0].reason and "file" in errors[1].reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                                      "utf-8-sig"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path, encoding):
    path = tmp_path / "encoded.txt"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}.get(encoding, "")
    path.write_bytes((bom + GOOD.replace("\n", "\r\n")).encode(encoding))
    [article] = list(read_paths([path]))
    assert isinstance(article, Article) and article.text == GOOD


def test_utf16_without_a_byte_order_mark_is_named_as_such(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    [error] = list(read_paths([path]))
    assert isinstance(error, LoadError) and "UTF-16 without a byte-order mark" in error.reason


def test_a_byte_order_mark_over_broken_text_is_one_error(tmp_path):
    path = tmp_path / "broken16.txt"
    path.write_bytes(b"\xff\xfe" + "Le texte".encode("utf-16-le") + b"\x00\xd8")  # an unpaired surrogate at the end
    [error] = list(read_paths([path]))
    assert isinstance(error, LoadError) and "not valid UTF-16" in error.reason


def test_jsonl_fields_that_cannot_be_stored_fail_alone(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "Le d\\u00e9put\\u00e9 a parl\\u00e9."}\n'
                    '{"id": "b", "text": "Un texte avec \\ud800 seul."}\n'
                    '{"id": "c", "text": "Un NUL \\u0000 ici."}\n'
                    '{"id": "d", "title": "\\udfff", "text": "Un titre cass\\u00e9."}\n'
                    '{"id": "e", "text": "Le dernier texte."}\n', encoding="utf-8")
    items = list(read_paths([path]))
    assert sources(items) == ["batch.jsonl#a", "batch.jsonl#e"]
    errors = [item for item in items if isinstance(item, LoadError)]
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["2", "3", "4"]
    assert "'text'" in errors[0].reason and "'title'" in errors[2].reason


def test_a_file_name_that_is_not_utf8_is_refused_by_name(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "w", encoding="utf-8") as stream:
        stream.write(GOOD)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert sources(items) == ["good.txt"]
    [error] = [item for item in items if isinstance(item, LoadError)]
    assert "not valid UTF-8" in error.reason and "rename" in error.reason


def test_html_without_lxml_html_clean_is_one_clear_error(tmp_path):
    """What a fresh install without the pin met: trafilatura cannot import lxml.html.clean."""
    (tmp_path / "page.html").write_text("<html><body><article><p>" + GOOD + "</p></article></body></html>")
    (tmp_path / "plain.txt").write_text(GOOD, encoding="utf-8")
    script = ("import sys\n"
              "for name in ('lxml.html.clean', 'lxml_html_clean'): sys.modules[name] = None\n"
              "from policykg.loaders.readers import read_paths\n"
              f"for item in read_paths([{str(tmp_path)!r}]): print(item)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert any("page.html" in line and "lxml_html_clean" in line for line in lines), lines
    assert any(line.startswith("Article(id='plain'") for line in lines), lines


def test_lxml_html_clean_is_pinned_for_a_fresh_install():
    """lxml 6 no longer ships lxml.html.clean, which trafilatura (through jusText) imports to read HTML."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    requirements = config["options"]["install_requires"].split()
    assert any(line.startswith("lxml_html_clean==") for line in requirements), requirements


def test_split_text_gives_back_the_text_in_pieces_cut_after_line_breaks():
    paragraphs = "Une phrase sur la loi.\n\n" * 50
    text = paragraphs + "x" * 300 + " fin " + "y" * 250
    pieces = nlp.split_text(text, 100)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= 100 for piece in pieces)
    ends = [sum(map(len, pieces[:i + 1])) for i in range(len(pieces))]
    assert all(piece.endswith("phrase sur la loi.\n\n") for piece, end in zip(pieces, ends) if end <= len(paragraphs))
    assert any(piece.endswith(" fin ") for piece in pieces), "no line break in reach: cut after a space"
    assert nlp.split_text("court", 100) == ["court"]


def test_a_text_over_spacys_max_length_is_read_whole():
    """spaCy refuses a text over max_length (E088); pipe() reads it in pieces and joins the Docs."""
    blank = spacy.blank("fr")
    text = GOOD * (blank.max_length // len(GOOD) + 100)
    assert len(text) > blank.max_length
    docs = list(nlp.pipe(blank, ["Court.", text, "Encore court."]))
    assert [doc.text for doc in docs] == ["Court.", text, "Encore court."]
    last = docs[1][-2]
    assert text[last.idx:last.idx + len(last)] == last.text, "offsets point into the whole text"


def test_jsonl_records_end_at_line_feeds_only(tmp_path):
    """U+2028 and other characters str.splitlines() breaks at may stand raw inside a JSON string."""
    path = tmp_path / "batch.jsonl"
    text = "Le ministre a parlé.\u2028Puis il est parti.\x1cFin."
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = list(read_paths([path]))
    assert isinstance(article, Article) and article.text == text


def test_an_article_that_cannot_be_stored_fails_alone(tmp_path):
    """A URL that is no IRI ("<" in it) used to abort the whole batch when its graph was built."""
    from policykg.graph.store import OxigraphStore
    from policykg.pipeline import ingest

    path = tmp_path / "batch.jsonl"
    records = [{"id": "bad-url", "url": "https://news.example/a<b>", "text": "The minister said the law would pass."},
               {"id": "fine", "url": "https://news.example/fine", "text": "The regulator said the rules were ready."}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    store = OxigraphStore()
    report = ingest([path], [store], language="en")
    assert report.articles == ["batch.jsonl#fine"]
    [error] = report.errors
    assert error.source == "batch.jsonl#bad-url" and "cannot be stored" in error.reason
    assert [g for g in store.graph_names() if "/graph/" in g] == ["https://w3id.org/policykg/id/graph/fine"]
