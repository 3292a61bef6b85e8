"""Article metadata from a researcher's table (CSV or TSV with a header) and from JSON Lines records.

One column names the article (``filename``, ``file``, ``id`` or ``path``, with or without
the extension); the others fill the article's date, title, publisher, author, url and
language. Values from the table win over what the text or the HTML says: the researcher
curated them. Problems (a bad date, a row that names no input) are warnings naming the row;
they never stop an ingest.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath

from policykg.loaders.model import Article

KEY_COLUMNS = ("filename", "file", "id", "path")
FIELDS = {
    "date": "published", "publication_date": "published", "published": "published", "title": "title",
    "publisher": "publisher", "source": "publisher", "author": "author", "url": "url", "language": "language",
}
"""Column (or JSON field) → Article attribute; the first column of each attribute that has a value wins."""
MISSING = frozenset({"", "none", "null", "na", "n/a", "nan"})
_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\S*)?")


class MetadataError(ValueError):
    """The metadata file cannot be used at all (unreadable, no header, no column naming the articles)."""


def normalise_date(value: str) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) from an ISO date or date-time; None when it is no valid date."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join([year, *(f"{int(part):02d}" for part in (month, day) if part)])


def fields(record: Mapping[str, object], where: str) -> tuple[dict[str, str], list[str]]:
    """Article attributes from a row or record (see FIELDS), and a warning per unusable value."""
    values: dict[str, str] = {}
    warnings: list[str] = []
    for column, attribute in FIELDS.items():
        raw = record.get(column)
        if raw is None or attribute in values or str(raw).strip().lower() in MISSING:
            continue
        value = str(raw).strip()
        if attribute == "published":
            normalised = normalise_date(value)
            if normalised is None:
                warnings.append(f"{where}: bad date {value!r} in column {column!r} (expected YYYY-MM-DD); ignored")
                continue
            value = normalised
        elif attribute == "language":
            value = value.lower()
        values[attribute] = value
    return values, warnings


def apply(article: Article, values: Mapping[str, str]) -> Article:
    for attribute, value in values.items():
        setattr(article, attribute, value)
    return article


@dataclass
class MetadataTable:
    """The rows of a metadata file, by every name an input may go by."""

    path: Path
    rows: dict[str, tuple[int, dict[str, str]]] = field(default_factory=dict)
    """Name (as written, base name, base name without extension) → (line number, attributes)."""
    warnings: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    @classmethod
    def read(cls, path: Path | str) -> MetadataTable:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise MetadataError(f"{path}: cannot read the metadata file ({error})") from error
        lines = text.splitlines()
        if not lines:
            raise MetadataError(f"{path}: the metadata file is empty")
        delimiter = "\t" if "\t" in lines[0] or path.suffix.lower() in (".tsv", ".tab") else ","
        reader = csv.DictReader(lines, delimiter=delimiter)
        header = {name.strip().lower(): name for name in reader.fieldnames or []}
        key = next((header[c] for c in KEY_COLUMNS if c in header), None)
        if key is None:
            raise MetadataError(f"{path}: no column names the articles; the header needs one of {', '.join(KEY_COLUMNS)}")
        table = cls(path)
        for number, row in enumerate(reader, start=2):
            where = f"{path.name}:{number}"
            name = (row.get(key) or "").strip()
            if not name:
                table.warnings.append(f"{where}: no article named in column {key!r}; row ignored")
                continue
            values, warnings = fields({k.strip().lower(): v for k, v in row.items() if k}, where)
            table.warnings.extend(warnings)
            for alias in sorted({name, PurePath(name).name, PurePath(name).stem}):
                if alias in table.rows and table.rows[alias][0] != number and alias == name:
                    table.warnings.append(f"{where}: {name!r} already named on line {table.rows[alias][0]}; "
                                          "this row wins")
                table.rows[alias] = (number, values)
        return table

    def apply(self, article: Article) -> Article:
        """``article`` with the values of its row, if it has one."""
        for name in (article.source, article.id, PurePath(article.source).stem):
            if name in self.rows:
                number, values = self.rows[name]
                self.used.add(number)
                return apply(article, values)
        return article

    def unused(self, named: int = 10) -> list[str]:
        """Warnings for the rows that named no input read so far (call it once the inputs are all read): one per
        row, or for many rows one line naming the first ``named``."""
        lines = sorted({number for number, _ in self.rows.values()} - self.used)
        if len(lines) <= named:
            return [f"{self.path.name}:{number}: names no input article" for number in lines]
        shown = ", ".join(map(str, lines[:named]))
        return [f"{self.path.name}: {len(lines)} rows name no input article (lines {shown}, ...)"]
