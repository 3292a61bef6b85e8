"""Opening the stores a command works on: the embedded Oxigraph store, and Neo4j when configured."""
from __future__ import annotations

from pathlib import Path

from policykg.config import oxigraph_dir
from policykg.graph.remote import RemoteStore
from policykg.graph.store import OxigraphStore


def open_rdf_store(data_dir: Path, *, read_only: bool = False) -> OxigraphStore | RemoteStore:
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


def open_neo4j():
    """A Neo4jStore from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or None when NEO4J_URI is unset."""
    from policykg.graph.neo4j_store import Neo4jStore

    return Neo4jStore.from_env()
