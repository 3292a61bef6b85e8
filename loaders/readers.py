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
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield LoadError(str(path), f"folder has no {'/'.join(sorted(TEXT_SUFFIXES))} files")
            for file in files:
                yield from read_file(file)
        elif path.is_file():
            yield from read_file(path)
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
            published=document.date,
            publisher=document.sitename or document.hostname,
            url=document.url,
        )
    )


def _read_jsonl(path: Path, text: str) -> Iterator[Article | LoadError]:
    """One article per line: id, url, title, date, language, publisher, text (other fields are ignored)."""
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
        yield clean(
            Article(
                id=article_id,
                source=f"{path.name}#{article_id}",
                text=body.replace("\r\n", "\n"),
                language=_optional_str(record.get("language")),
                title=_optional_str(record.get("title")),
                published=_optional_str(record.get("date")),
                publisher=_optional_str(record.get("publisher")),
                url=_optional_str(record.get("url")),
            )
        )


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
