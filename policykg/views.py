"""Graph views of named queries: the statements a query selects, drawn as one offline HTML page.

Shared by ``policykg render`` and ``policykg serve`` (``/render/NAME?param=value``).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from policykg import export, queries
from policykg.render import render_html


def render_query(name: str, params: Mapping[str, str], store, output: Path, *, title: str | None = None) -> int:
    """Write the HTML graph of query ``name`` to ``output``; the number of statements drawn.

    KeyError for an unknown query, ValueError for bad parameters or a query that returns no statements.
    """
    named = queries.get(name)
    if "statement" not in named.columns:
        raise ValueError(f"query {name!r} returns no statements to draw")
    wanted = {row["statement"] for row in queries.run(name, params, store)}
    statements = [row for row in export.statement_rows(store) if row["statement"] in wanted]
    label = " ".join([name] + [f"{k}={v}" for k, v in params.items()])
    render_html(statements, output, title=title or f"policykg: {label}")
    return len(statements)
