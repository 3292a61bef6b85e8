"""What the ``policykg`` commands share: the data directory's KnowledgeGraph, ``key=value`` pairs, warnings."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from policykg.api import KnowledgeGraph


@contextmanager
def graph_of_context(*, neo4j: bool = True) -> Iterator[KnowledgeGraph]:
    """The KnowledgeGraph of the command's ``--data-dir``, closed afterwards; store errors become one message."""
    kg = KnowledgeGraph(click.get_current_context().find_root().obj["data_dir"], neo4j=neo4j)
    try:
        yield kg
    except (FileNotFoundError, RuntimeError, OSError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    finally:
        kg.close()


def parse_pairs(pairs: tuple[str, ...], hint: str = "--param") -> dict[str, str]:
    """``key=value`` arguments as a dict; a pair without ``=`` or key is a usage error."""
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint=hint)
        values[key.strip()] = value
    return values


def warn_missing(curations) -> None:
    """A curation whose statement is gone is said so, never dropped silently."""
    for cid, graph in sorted(curations.missing.items()):
        click.secho(f"warning  curation {cid} ({curations.get(cid).describe()}): its statement is no longer in {graph}; "
                    "it stays in the file and applies again if the statement comes back", fg="yellow", err=True)
