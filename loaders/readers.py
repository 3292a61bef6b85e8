"""Reading inputs: .txt, .html and .jsonl files, and folders of them, into Articles.

A bad input never stops a batch: ``read_paths`` yields a ``LoadError`` naming the
input and saying what is wrong with it, and goes on with the next one.
"""
from __future__ import annotations

import codecs
import errno
import json
import os
import stat
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
            count += 1 if isinstance(text, LoadError) else sum(1 for line in text.split("\n") if line.strip())
        else:
            count += 1
    return count


def _inputs(paths: Iterable[Path | str]) -> Iterator[Path | LoadError]:
    """The input files named or found in folders (recursively, in name order), and an error per missing one."""
    for path in map(Path, paths):
        kind = _kind(path)
        if isinstance(kind, LoadError):
            yield kind
        elif kind == "folder":
            found = False
            for item in _walk(path, frozenset()):
                found = True
                yield item
            if not found:
                yield LoadError(str(path), f"folder has no {'/'.join(sorted(TEXT_SUFFIXES))} files")
        elif kind == "file":
            yield path
        else:
            yield LoadError(str(path), f"{kind}, not a file; policykg reads only regular files and folders")


def _walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | LoadError]:
    """The input files under ``folder`` in name order, depth first, and a LoadError for each entry that cannot
    be read: an unreadable folder, a broken link, a symlink loop, a pipe, a device or a socket.

    Symbolic links are followed; a folder that leads back to one of its ancestors is reported, not read again.
    """
    try:
        st = folder.stat()
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        yield LoadError(str(folder), _os_reason(error, "folder"))
        return
    ancestors = ancestors | {(st.st_dev, st.st_ino)}
    for name in names:
        path = folder / name
        kind = _kind(path, ancestors)
        if isinstance(kind, LoadError):
            yield kind
        elif kind == "folder":
            yield from _walk(path, ancestors)
        elif kind == "file":
            if path.suffix.lower() in TEXT_SUFFIXES:
                yield path
        else:
            yield LoadError(str(path), f"{kind}, not a file; skipped (policykg reads only regular files)")


def _kind(path: Path, ancestors: frozenset[tuple[int, int]] = frozenset()) -> str | LoadError:
    """'file', 'folder', what else the path is ('a named pipe (FIFO)'...), or why it cannot be reached."""
    try:
        st = path.stat()
    except OSError as error:
        if isinstance(error, FileNotFoundError) and path.is_symlink():
            return LoadError(str(path), f"broken symbolic link to {os.readlink(path)} (no such file or folder)")
        return LoadError(str(path), _os_reason(error, "file or folder"))
    if stat.S_ISDIR(st.st_mode):
        if (st.st_dev, st.st_ino) in ancestors:
            return LoadError(str(path), "symbolic link loop: it leads back to a folder being read; skipped "
                                        "(remove the link or point it elsewhere)")
        return "folder"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return _SPECIAL_FILES.get(stat.S_IFMT(st.st_mode), "a special file")


_SPECIAL_FILES = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device",
                  stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def _os_reason(error: OSError, what: str) -> str:
    """What an OSError means for a user, and what to do about it."""
    if isinstance(error, PermissionError):
        return f"permission denied: cannot read this {what} (check its permissions, e.g. chmod u+r)"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if error.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself); skipped (remove the link or point it elsewhere)"
    return f"cannot read this {what}: {error.strerror or error}"


def read_file(path: Path) -> Iterator[Article | LoadError]:
    """The article(s) in one file (a JSON Lines file holds many), or why it cannot be read."""
    if not _is_text(path.name):
        yield LoadError(str(path), "the file name is not valid UTF-8 (it names the article): rename the file")
        return
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


BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte-order marks and the codec they announce; UTF-32 LE first, as its mark begins with UTF-16 LE's."""


def _read_text(path: Path) -> str | LoadError:
    """The file as text (UTF-8, or UTF-16/32 with a byte-order mark), or why it is not usable as such."""
    data = _read_bytes(path)
    if isinstance(data, LoadError):
        return data
    if not data:
        return LoadError(str(path), "empty file")
    encoding = next((codec for bom, codec in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        return LoadError(str(path), "binary file (contains NUL bytes), not text" + (
            "; it looks like UTF-16 without a byte-order mark: re-encode it as UTF-8, e.g. iconv -f utf-16le -t utf-8"
            if data[1:8192:2].count(0) > 0.9 * len(data[1:8192:2]) else ""))
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        if encoding is None:
            return LoadError(
                str(path),
                f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
                "re-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8",
            )
        return LoadError(str(path), f"not valid {encoding.upper().removesuffix('-SIG')} text though it starts "
                                    f"with that byte-order mark (at offset {error.start}); re-encode it as UTF-8")
    if "\x00" in text:
        return LoadError(str(path), "binary file (contains NUL characters), not text")
    if not text.strip():
        return LoadError(str(path), "file has only white space")
    return text.replace("\r\n", "\n")


def _read_bytes(path: Path) -> bytes | LoadError:
    """The file's bytes, opened without blocking (a named pipe in its place must not hang the batch)."""
    limit = settings().max_bytes
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as stream:
            st = os.fstat(stream.fileno())
            if not stat.S_ISREG(st.st_mode):
                kind = _SPECIAL_FILES.get(stat.S_IFMT(st.st_mode), "not a regular file")
                return LoadError(str(path), f"{kind}, not a file; policykg reads only regular files")
            if st.st_size > limit:
                return LoadError(str(path), f"file is {st.st_size:,} bytes, over the {limit:,}-byte limit "
                                            "(POLICYKG_limit)")
            data = stream.read(limit + 1)
    except OSError as error:
        return LoadError(str(path), _os_reason(error, "file"))
    if len(data) > limit:
        return LoadError(str(path), f"file grew over the {limit:,}-byte limit while being read")
    return data


def _read_html(path: Path, html: str) -> Article | LoadError:
    """Main text and metadata with trafilatura; offsets then point into the extracted text."""
    try:
        import trafilatura

        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=False)
    except ImportError as error:
        missing = error.name or str(error).splitlines()[0]
        return LoadError(str(path), f"cannot read HTML: a module trafilatura needs is missing ({missing}); "
                                    "pip install lxml_html_clean, or reinstall policykg")
    except Exception as error:  # trafilatura's own failure on one page must not stop the batch
        return LoadError(str(path), f"HTML extraction failed: {type(error).__name__}: {error}")
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
    """One article per line: id, text, and the fields of a metadata table (``metadata.FIELDS``); others are ignored.

    Lines end at \\n only: a record's text may hold U+2028 or other characters that str.splitlines() breaks at.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield LoadError(f"{path}:{number}", f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield LoadError(f"{path}:{number}", "a JSON Lines record must be an object")
            continue
        body = record.get("text")
        source = f"{path.name}:{number}"
        if not isinstance(body, str) or not body.strip():
            yield LoadError(f"{path}:{number}", "record has no 'text'")
            continue
        broken = next((key for key, value in record.items() if not _is_text(key) or
                       isinstance(value, str) and not _is_text(value)), None)
        if broken is not None:
            yield LoadError(f"{path}:{number}", f"field {broken!r} is not text: it holds a NUL character or an "
                                                "unpaired UTF-16 surrogate escape such as \\ud800")
            continue
        article_id = str(record.get("id") or f"{path.stem}-{number}")
        values, _bad_values = fields(record, source)  # a bad date is dropped; the text is still worth reading
        yield clean(apply(Article(id=article_id, source=f"{path.name}#{article_id}", text=body.replace("\r\n", "\n")),
                          values))


def _is_text(value: str) -> bool:
    """Whether ``value`` can be stored: JSON escapes can smuggle in NUL and lone surrogates, which RDF cannot hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value
