"""Query results on the terminal: an aligned table, JSON (a list of row objects) or CSV."""
from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Sequence
from typing import TextIO

from policykg.ontology import PREFIXES

FORMATS = ("table", "json", "csv")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_result(rows: Sequence[dict], columns: Sequence[str], output: TextIO, fmt: str) -> None:
    if fmt == "json":
        json.dump([{c: row.get(c) for c in columns} for row in rows], output, ensure_ascii=False, indent=2)
        output.write("\n")
    elif fmt == "csv":
        writer = csv.writer(output)
        writer.writerow(columns)
        writer.writerows([[_cell(row.get(c)) for c in columns] for row in rows])
    else:
        output.write(format_table(rows, [c for c in columns if not is_identifier_column(c)] or columns))


def is_identifier_column(column: str) -> bool:
    """IRI columns (``statement``, ``speaker_id``...): in JSON and CSV, left out of the terminal table."""
    return column == "statement" or column.endswith("_id")


def compact(value: str) -> str:
    """An IRI in a known namespace as a prefixed name (``entity:meta``), for reading on a terminal."""
    for prefix, namespace in PREFIXES.items():
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{value[len(namespace):]}"
    return value


def format_table(rows: Sequence[dict], columns: Sequence[str], *, max_width: int | None = None) -> str:
    """Columns aligned, IRIs as prefixed names, long cells cut with an ellipsis so a row fits the terminal."""
    max_width = max_width or max(shutil.get_terminal_size((160, 24)).columns, 100)
    cells = [[compact(_cell(row.get(c)).replace("\n", " ")) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    budget = max_width - 2 * (len(columns) - 1)
    while sum(widths) > budget and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] = max(12, widths[widest] - (sum(widths) - budget))

    def line(values: Sequence[str]) -> str:
        fitted = [v if len(v) <= w else v[: w - 1] + "…" for v, w in zip(values, widths)]
        return "  ".join(v.ljust(w) for v, w in zip(fitted, widths)).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
