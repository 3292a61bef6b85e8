"""Neo4j kept in step with the RDF store, which is the reference: nothing diverges silently.

Before a batch is written, the names of its article graphs go on a write-ahead list,
``DATA_DIR/neo4j-pending.txt``; they come off once Neo4j has them too. When Neo4j stops
answering mid-ingest, the RDF store still gets that batch and the ones after it, the names
stay on the list, and the ingest ends with one error. ``sync`` (``policykg neo4j sync``, and
every ingest that reaches Neo4j before it writes anything) then copies those graphs from the
RDF store into Neo4j, or deletes them there when the RDF store no longer has them. A process
killed between the two writes leaves its batch on the list as well.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import neo4j
import pyoxigraph as ox

from policykg.graph.neo4j_store import Neo4jStore, error_line

PENDING_FILE = "neo4j-pending.txt"
SYNC_BATCH = 32
"""Graphs copied to Neo4j per transaction by ``sync``."""
NEO4J_ERRORS = (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError)
"""What the driver raises when the server goes away (ServiceUnavailable, SessionExpired, IncompleteCommit...)."""


class RdfStore(Protocol):
    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None: ...
    def quads(self, graph: str | None = None, predicates: Sequence[str] = ()) -> Iterator[ox.Quad]: ...


class PendingGraphs:
    """The graph names Neo4j may lack, one per line in ``DATA_DIR/neo4j-pending.txt``, changed under a file lock.

    Several ingests may write through a running ``policykg serve`` at once, hence the lock; the list is replaced
    atomically, so a crash leaves the old list or the new one, never half of one.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / PENDING_FILE

    def names(self) -> list[str]:
        with self._locked():
            return sorted(self._read())

    def add(self, names: Iterable[str]) -> None:
        with self._locked():
            current = self._read()
            if not current.issuperset(names):
                self._write(current.union(names))

    def discard(self, names: Iterable[str]) -> None:
        with self._locked():
            current = self._read()
            if not current.isdisjoint(names):
                self._write(current.difference(names))

    def _read(self) -> set[str]:
        try:
            return set(filter(None, self.path.read_text(encoding="utf-8").splitlines()))
        except FileNotFoundError:
            return set()

    def _write(self, names: set[str]) -> None:
        if not names:
            self.path.unlink(missing_ok=True)
            return
        partial = self.path.with_suffix(".tmp")
        with partial.open("w", encoding="utf-8") as stream:
            stream.write("".join(f"{name}\n" for name in sorted(names)))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, self.path)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield


class RdfAndNeo4j:
    """The RDF store and Neo4j as one writer (``replace_graphs``): a Neo4j failure is recorded, not raised.

    After the first failure Neo4j is left alone for the rest of the run, so one dead server costs one timeout,
    and ``neo4j_error`` says what happened; the RDF store gets every batch regardless. Within ``overlapped()``
    (ingest) Neo4j writes each batch on its writer thread while the caller prepares the next one; a batch's
    names leave the pending list once Neo4j has committed it, as they do without overlap.
    """

    def __init__(self, rdf: RdfStore, neo4j_store: Neo4jStore, pending: PendingGraphs) -> None:
        self.rdf = rdf
        self.neo4j = neo4j_store
        self.pending = pending
        self.neo4j_error: str | None = None
        self._overlap = False
        self._unconfirmed: list[str] = []
        """Names of the batch Neo4j is writing on its thread."""

    def select(self, sparql: str, bindings=None, *, union: bool = True):
        """Reads go to the RDF store, the reference."""
        return self.rdf.select(sparql, bindings, union=union)

    def select_columns(self, sparql: str, columns: Sequence[str], bindings=None):
        return self.rdf.select_columns(sparql, columns, bindings)

    def quads(self, graph: str | None = None, predicates: Sequence[str] = ()) -> Iterator[ox.Quad]:
        return self.rdf.quads(graph, predicates)

    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
        self.pending.add(graphs)
        self.rdf.replace_graphs(graphs)
        if self.neo4j_error is not None:
            return
        self.flush()
        if self.neo4j_error is not None:
            return
        self._unconfirmed = list(graphs)
        self._neo4j(lambda: self.neo4j.replace_graphs(graphs, wait=False))
        if not self._overlap:
            self.flush()

    def flush(self) -> None:
        """Wait until Neo4j has the batch it is writing, or has failed (``neo4j_error``)."""
        if self.neo4j_error is None and self._neo4j(self.neo4j.flush):
            self.pending.discard(self._unconfirmed)
        self._unconfirmed = []

    @contextmanager
    def overlapped(self) -> Iterator[None]:
        """Within: Neo4j's part of a write overlaps the caller's next steps (one batch at a time, in order)."""
        self._overlap = True
        try:
            yield
        finally:
            self._overlap = False
            self.flush()

    def _neo4j(self, call: Callable[[], None]) -> bool:
        """Run a Neo4j call; False, with ``neo4j_error`` set, when Neo4j failed."""
        try:
            call()
        except NEO4J_ERRORS as error:
            self.neo4j_error = f"{type(error).__name__}: {error_line(error)}"
            return False
        return True


def sync(rdf: RdfStore, neo4j_store: Neo4jStore, pending: PendingGraphs) -> list[str]:
    """Give Neo4j the RDF store's version of every pending graph (none where the RDF store has none): the names.

    Raises what the driver raises when Neo4j fails meanwhile; what was synced before stays off the list.
    """
    names = pending.names()
    for start in range(0, len(names), SYNC_BATCH):
        chunk = names[start:start + SYNC_BATCH]
        neo4j_store.replace_graphs({name: list(rdf.quads(name)) for name in chunk})
        pending.discard(chunk)
    return names

