"""Reading inputs: .txt, .html and .jsonl files, and folders of them, into Articles.

A bad input never stops a batch: ``read_paths`` yields a ``LoadError`` naming the
input and saying what is wrong with it, and goes on with the next one.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policykg.config import settings
from policykg.loaders.clean import clean
from policykg.loaders.metadata import apply, fields, normalise_date
from policykg.loaders.model import Article

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass
class LoadError:
    """An input that could not be read, and why. ``source`` names the file (and line)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def read_paths(paths: Iterable[Path | str]) -> Iterator[Article | LoadError]:
    """Articles from files and folders (recursively, in name order), with a LoadError per bad input."""
    for item in _inputs(paths):
        yield from read_file(item) if isinstance(item, Path) else [item]


def count_inputs(paths: Iterable[Path | str]) -> int:
    """How many items ``read_paths`` yields (one per file, one per line of JSON Lines), without parsing them."""
    count = 0
    for item in _inputs(paths):
        if isinstance(item, Path) and TEXT_SUFFIXES.get(item.suffix.lower()) == "jsonl":
            text = _read_text(item)
            count += 1 if isinstance(text, LoadError) else sum(1 for line in text.splitlines() if line.strip())
        else:
            count += 1
    return count


def _inputs(paths: Iterable[Path | str]) -> Iterator[Path | LoadError]:
    """The input files named or found in folders (recursively, in name order), and an error per missing one."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield LoadError(str(path), f"folder has no {'/'.join(sorted(TEXT_SUFFIXES))} files")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield LoadError(str(path), "no such file or folder")


def read_file(path: Path) -> Iterator[Article | LoadError]:
    kind = TEXT_SUFFIXES.get(path.suffix.lower(), "text")
    text = _read_text(path)
    if isinstance(text, LoadError):
        yield text
    elif kind == "jsonl":
        yield from _read_jsonl(path, text)
    elif kind == "html":
        yield _read_html(path, text)
    else:
        yield clean(Article(id=path.stem, source=path.name, text=text))


def _read_text(path: Path) -> str | LoadError:
    """The file as UTF-8 text, or why it is not usable as such."""
    size = path.stat().st_size
    if size == 0:
        return LoadError(str(path), "empty file")
    limit = settings().max_bytes
    if size > limit:
        return LoadError(str(path), f"file is {size:,} bytes, over the {limit:,}-byte limit (POLICYKG_MAX_BYTES)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        return LoadError(str(path), "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return LoadError(
            str(path),
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "re-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8",
        )
    if not text.strip():
        return LoadError(str(path), "file has only white space")
    return text.replace("\r\n", "\n")


def _read_html(path: Path, html: str) -> Article | LoadError:
    """Main text and metadata with trafilatura; offsets then point into the extracted text."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=False)
    if document is None or not (document.text or "").strip():
        return LoadError(str(path), "no article text found in the HTML")
    return clean(
        Article(
            id=path.stem,
            source=path.name,
            text=document.text,
            language=document.language,
            title=document.title,
            published=normalise_date(document.date) if document.date else None,
            publisher=document.sitename or document.hostname,
            url=document.url,
            author=document.author,
        )
    )


def _read_jsonl(path: Path, text: str) -> Iterator[Article | LoadError]:
    """One article per line: id, text, and the fields of a metadata table (``metadata.FIELDS``); others are ignored."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path.name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield LoadError(f"{path}:{number}", f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield LoadError(f"{path}:{number}", "a JSON Lines record must be an object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield LoadError(f"{path}:{number}", "record has no 'text'")
            continue
        article_id = str(record.get("id") or f"{path.stem}-{number}")
        values, _bad_values = fields(record, source)  # a bad date is dropped; the text is still worth reading
        yield clean(apply(Article(id=article_id, source=f"{path.name}#{article_id}", text=body.replace("\r\n", "\n")),
                          values))
