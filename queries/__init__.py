"""Named questions about the debate, each asked the same way of both stores.

Every query is a pair of files: ``NAME.rq`` (SPARQL, for the Oxigraph store and
the SPARQL endpoint) and ``NAME.cypher`` (for Neo4j), with the same header::

    # description: what the query answers         (// in the .cypher file)
    # params: about, speaker                      (all optional unless the description says otherwise)
    # columns: statement, speaker, ...

``run`` binds parameters as values, never by editing the query text: Cypher
receives them as ``$name``; SPARQL as the variable ``?_name`` (pyoxigraph
substitutions), unbound when the parameter is not given. A parameter that names
an entity (``ENTITY_PARAMETERS``) is looked up first, once: the query receives
the entity's IRI, so it starts from that entity's statements instead of testing
every row against every name, and the query runs once for each entity the name
matches. ``run`` returns plain rows (str, int, float or None), without repeats,
sorted the same way on both stores, so that the two answers can be compared,
exported or tested for equality.
"""
from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from policykg.graph.neo4j_store import Neo4jStore
from policykg.graph.store import OxigraphStore, python_value


ENTITY_PARAMETERS = frozenset({"about", "speaker", "actor", "target", "entity", "platform", "feature"})
"""Parameters that name an entity: its IRI, or any of its labels or aliases, whatever the case."""

_ENTITIES_NAMED_SPARQL = """
SELECT DISTINCT ?entity ?_name
WHERE { ?entity rdfs:label|skos:altLabel ?name FILTER(LCASE(STR(?name)) = LCASE(?_name)) }"""

_ENTITIES_NAMED_CYPHER = """
MATCH (entity:Resource)
WHERE any(name IN [] + coalesce(entity.label, []) + coalesce(entity.altLabel, []) WHERE toLower(name) = toLower($name))
RETURN DISTINCT entity.uri AS entity"""

FIRST_ORDER = ("date", "speaker", "actor", "article", "start")
"""Rows come by date, speaker, article and position, where a query has those columns (then by every column, so
the order is total)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]
    columns: tuple[str, ...]
    sparql: str
    cypher: str


def _header(text: str, comment: str) -> dict[str, str]:
    """``key: value`` lines of the leading comment block."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith(comment):
            break
        match = re.match(re.escape(comment) + r"\s*(description|params|columns):\s*(.*)", line)
        if match:
            fields[match[1]] = match[2].strip()
    return fields


def _names(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


@cache
def _catalogue() -> dict[str, NamedQuery]:
    folder = resources.files(__package__)
    queries = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        name = entry.name.removesuffix(".rq")
        sparql = entry.read_text(encoding="utf-8")
        cypher = folder.joinpath(name + ".cypher").read_text(encoding="utf-8")
        header = _header(sparql, "#")
        if header != _header(cypher, "//"):
            raise ValueError(f"{name}.rq and {name}.cypher describe different queries")
        queries[name] = NamedQuery(
            name, header["description"], _names(header.get("params", "")), _names(header["columns"]), sparql, cypher
        )
    return queries


def list_queries() -> list[NamedQuery]:
    return list(_catalogue().values())


def get(name: str) -> NamedQuery:
    try:
        return _catalogue()[name.strip().lower()]
    except KeyError:
        raise KeyError(f"no query named {name!r}; known: {', '.join(_catalogue())}") from None


def run(name: str, params: Mapping[str, Any] | None, backend_store: OxigraphStore | Neo4jStore) -> list[dict[str, Any]]:
    """The rows of a named query on either store; a parameter left out or None does not filter."""
    return run_query(get(name), params, backend_store)


def run_query(
    query: NamedQuery, params: Mapping[str, Any] | None, backend_store: OxigraphStore | Neo4jStore
) -> list[dict[str, Any]]:
    """``run`` for a query given whole, such as another revision's text of a named query."""
    given = {key: str(value) for key, value in (params or {}).items() if value is not None}
    unknown = set(given) - set(query.params)
    if unknown:
        raise ValueError(f"{query.name} takes {', '.join(query.params) or 'no parameters'}, not {', '.join(sorted(unknown))}")
    choices = [[(key, iri) for iri in entities_named(value, backend_store)] if key in ENTITY_PARAMETERS else [(key, value)]
               for key, value in sorted(given.items())]
    table = {row for bound in itertools.product(*choices) for row in _rows(query, dict(bound), backend_store)}
    order = [c for c in FIRST_ORDER if c in query.columns] + [c for c in query.columns if c not in FIRST_ORDER]
    positions = [query.columns.index(column) for column in order]
    return [dict(zip(query.columns, row)) for row in sorted(table, key=lambda row: [_order(row[i]) for i in positions])]


def entities_named(name: str, backend_store: OxigraphStore | Neo4jStore) -> list[str]:
    """The IRIs of the entities a parameter names: the value itself when it is an IRI, and every entity with a
    label or alias equal to it, whatever the case; sorted."""
    if isinstance(backend_store, Neo4jStore):
        found = {row["entity"] for row in backend_store.cypher(_ENTITIES_NAMED_CYPHER, {"name": name})}
    else:
        found = {row["entity"].value for row in backend_store.select(_ENTITIES_NAMED_SPARQL, {"_name": ox.Literal(name)})}
    with contextlib.suppress(ValueError):
        found.add(ox.NamedNode(name).value)
    return sorted(found)


def _rows(query: NamedQuery, bound: Mapping[str, str], backend_store: OxigraphStore | Neo4jStore) -> list[tuple]:
    """The query's rows, as tuples in the order of its columns, with ``bound`` parameters (entity parameters
    already IRIs); the others left unbound."""
    if isinstance(backend_store, Neo4jStore):
        rows = backend_store.cypher(query.cypher, {p: bound.get(p) for p in query.params})
        return [tuple(row.get(column) for column in query.columns) for row in rows]
    bindings = {"_" + key: ox.NamedNode(value) if key in ENTITY_PARAMETERS else ox.Literal(value)
                for key, value in bound.items()}
    return [tuple(map(python_value, row))
            for row in backend_store.select_columns(query.sparql, query.columns, bindings)]


def _order(value: Any) -> tuple:
    """Sort key: None first, then numbers, then strings."""
    if value is None:
        return (0, 0, "")
    if isinstance(value, (int, float)):
        return (1, value, "")
    return (2, 0, str(value))
