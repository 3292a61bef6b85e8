"""Opening stores by name, as rdflib opens its Store plugins: ``open_store("oxigraph", data_dir)``.

Commands open the RDF store of their data directory with :func:`open_rdf_store`,
which picks the running server's store when ``policykg serve`` owns it, and
Neo4j with :func:`open_neo4j` when ``NEO4J_URI`` is set.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from policykg.config import oxigraph_dir, settings
from policykg.graph import SparqlStore, Store
from policykg.graph.remote import RemoteStore
from policykg.graph.store import OxigraphStore


def _neo4j(uri: str, **options: str):
    from policykg.graph.neo4j_store import Neo4jStore  # the driver is imported only by those who use it

    return Neo4jStore.connect(uri, **options)


STORES: dict[str, Callable[..., Store]] = {
    "oxigraph": lambda location=None, **options: OxigraphStore(location, **options),
    "remote": lambda location, **options: RemoteStore(location, **options),
    "neo4j": _neo4j,
}
"""Store kinds by name: each takes a location (a folder, a server URL, a Bolt URI; None: in memory) and options."""


def open_store(kind: str, location: str | Path | None = None, **options) -> Store:
    """A store of the given kind; ValueError naming the known kinds for another."""
    if kind not in STORES:
        raise ValueError(f"no store kind {kind!r}; known: {', '.join(STORES)}")
    return STORES[kind](location, **options)


def open_rdf_store(data_dir: Path, *, read_only: bool = False) -> SparqlStore:
    """The Oxigraph store of ``data_dir``; read-only opening needs it to exist.

    While ``policykg serve`` owns the store (Oxigraph locks it to one process), reads and writes go through
    the server instead, so new articles are visible to it at once; pyoxigraph calls opening a store read-only
    while another process writes it undefined behaviour, so reads go through the server as well.
    """
    remote = RemoteStore.discover(data_dir)
    if remote is not None:
        return remote
    path = oxigraph_dir(data_dir)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no policykg store in {data_dir}: run `policykg ingest PATH...` first")
    return OxigraphStore(path, read_only=read_only)


def open_neo4j() -> Store | None:
    """Neo4j as NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE configure it; None without NEO4J_URI."""
    configured = settings().neo4j
    if configured is None:
        return None
    return _neo4j(configured.uri, user=configured.user, password=configured.password, database=configured.database)
