"""The store of a running ``policykg serve``, reached over its owner channel on 127.0.0.1.

Oxigraph locks its store to one process; while the server owns it, every other
command reads and writes through this client, so what ingest writes is visible
to the server's next query.
"""
from __future__ import annotations

import http.client
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

SERVER_FILE = "server.json"
"""Written by the server into its data directory: its URL, pid and the owner channel's secret."""
SECRET_HEADER = "X-Policykg-Secret"


class RemoteStore:
    """The store of a running ``policykg serve``, with OxigraphStore's interface, through the owner channel.

    ``policykg.graph.open.open_rdf_store`` returns one when ``DATA_DIR/server.json`` names a live server, so that
    ingest, import, query, export and stats work while the server holds the store, and what they write is
    visible to the server's next query.
    """

    def __init__(self, url: str, secret: str, *, timeout: float = 600.0) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.secret = secret
        self.timeout = timeout
        self.url = url

    @classmethod
    def discover(cls, data_dir: Path) -> RemoteStore | None:
        """The server that owns ``data_dir``'s store, or None when there is none (or only a stale file).

        A file whose process is gone (a server killed with no chance to clean up) is removed.
        """
        path = data_dir / SERVER_FILE
        try:
            text = path.read_text(encoding="utf-8")
            info = json.loads(text)
            remote = cls(info["url"], info["secret"], timeout=600.0)
            os.kill(int(info["pid"]), 0)
        except ProcessLookupError:
            _remove_if_unchanged(path, text)
            return None
        except (OSError, ValueError, KeyError, TypeError, OverflowError):
            return None
        try:
            if json.loads(remote._request("GET", "/_policykg/ping", timeout=5.0)).get("pid") != info["pid"]:
                return None
        except (OSError, ValueError, RuntimeError):
            return None
        return remote

    def _request(self, method: str, path: str, body: bytes | None = None, params: Sequence[tuple[str, str]] = (),
                 content_type: str | None = None, timeout: float | None = None) -> bytes:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout or self.timeout)
        try:
            headers = {SECRET_HEADER: self.secret}
            if content_type:
                headers["Content-Type"] = content_type
            connection.request(method, path + ("?" + urlencode(params) if params else ""), body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        if response.status != 200:
            message = f"the policykg server at {self.url} answered {response.status}: " + data.decode(
                "utf-8", "replace").strip()
            raise ValueError(message) if response.status == 400 else RuntimeError(message)
        return data

    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
        """Replace each named graph whole, in one transaction on the server."""
        body = ox.serialize([quad for quads in graphs.values() for quad in quads], format=ox.RdfFormat.N_QUADS)
        self._request("POST", "/_policykg/replace-graphs", body, [("graph", name) for name in graphs],
                      "application/n-quads")

    def remove_graph(self, iri: str) -> bool:
        reply = json.loads(self._request("POST", "/_policykg/replace-graphs", b"", [("graph", iri)],
                                         "application/n-quads"))
        return iri in reply["existed"]

    def select(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
               *, union: bool = True) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
        request = {"query": sparql, "union": union, "bindings": {k: str(v) for k, v in (bindings or {}).items()}}
        data = self._request("POST", "/_policykg/select", json.dumps(request).encode("utf-8"), (), "application/json")
        solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        names = [variable.value for variable in solutions.variables]
        return [{name: solution[name] for name in names if solution[name] is not None} for solution in solutions]

    def select_columns(self, sparql: str, columns: Sequence[str],
                       bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None) -> list[tuple]:
        return [tuple(row.get(column) for column in columns) for row in self.select(sparql, bindings)]

    def graph_names(self) -> list[str]:
        return sorted(row["g"].value for row in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", union=False))

    def quads(self, graph: str | None = None, predicates: Sequence[str] = ()) -> Iterator[ox.Quad]:
        params = ([("graph", graph)] if graph else []) + [("predicate", predicate) for predicate in predicates]
        data = self._request("GET", "/_policykg/quads", params=params)
        return ox.parse(data, format=ox.RdfFormat.N_QUADS)

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
                           union=False)
        return int(rows[0]["n"].value)

    def flush(self) -> None:
        """Nothing to do: the server flushes the store it owns."""

    def close(self) -> None:
        """Nothing to do: each request is its own connection."""

def _remove_if_unchanged(path: Path, text: str) -> None:
    """Remove a stale server file, unless a new server has just replaced it."""
    try:
        if path.read_text(encoding="utf-8") == text:
            path.unlink()
    except OSError:
        pass
