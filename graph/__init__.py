"""The stores: one interface, three back ends, chosen by name (``policykg.graph.open.open_store``).

* ``oxigraph``: the embedded Oxigraph store of a data directory (graph/store.py);
* ``remote``: the store of a running ``policykg serve``, reached over its owner channel (graph/remote.py);
* ``neo4j``: the same graphs in Neo4j over Bolt (graph/neo4j_store.py).

Every store holds named graphs of quads and replaces a set of them in one
transaction; an empty list removes a graph. The SPARQL stores also answer
SELECT queries; Neo4j answers Cypher instead (``Neo4jStore.cypher``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

Row = dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]


@runtime_checkable
class Store(Protocol):
    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Replace each named graph (IRI → its quads; empty: remove it) whole, all in one transaction."""

    def remove_graph(self, iri: str) -> bool:
        """Delete one named graph; False when it was not there."""

    def graph_names(self) -> list[str]: ...

    def quads(self, graph: str | None = None, predicates: Sequence[str] = ()) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph; only those of ``predicates`` when some are given."""

    def close(self) -> None:
        """Release the store (connections, locks)."""


@runtime_checkable
class SparqlStore(Store, Protocol):
    def select(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
               *, union: bool = True) -> Iterable[Row]:
        """A SELECT query's rows; ``bindings`` are values, never pasted into the text; ``union``: the default
        graph is the union of the named graphs."""

    def select_columns(self, sparql: str, columns: Sequence[str],
                       bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None) -> Iterable[tuple]:
        """``select`` over the union, each row as the tuple of the terms of ``columns`` (None where unbound)."""

    def __len__(self) -> int: ...

    def flush(self) -> None: ...
