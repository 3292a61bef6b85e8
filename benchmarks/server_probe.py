"""Issue 16's probes against a SPARQL server on 127.0.0.1: `policykg serve` (this checkout), or `oxigraph serve`.

Each probe prints one line: does a SERVICE query reach a stand-in host on 127.0.0.1, is a foreign Host header
refused, how long until the ORDER BY cross product is answered (``--query-timeout 3``), the server's resident
memory (process tree) 8 s later, how long ``ASK {}`` takes after 16 timed-out queries, and whether the server
survives a 6 KB query of 3,000 nested braces. The store holds 3,000 triples, so the cross product is 9M rows.

    .venv/bin/python benchmarks/server_probe.py
    .venv/bin/python benchmarks/server_probe.py --oxigraph /path/to/oxigraph   # pip install oxigraph==0.5.13
"""
from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from policykg.config import oxigraph_dir
from sparql_load import tree_rss

CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?f"
TOKEN = "probe-token"


def request(port: int, method: str, path: str, body: str | None = None, headers: dict | None = None,
            timeout: float = 60) -> tuple[object, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__, b""
    finally:
        connection.close()


def stand_in() -> tuple[int, list]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    hits: list = []

    def accept() -> None:
        while True:
            connection, address = listener.accept()
            hits.append(address)
            connection.close()

    threading.Thread(target=accept, daemon=True).start()
    return listener.getsockname()[1], hits


def start(oxigraph: Path | None, folder: Path) -> tuple[subprocess.Popen, int, str]:
    """The server on a store of 3,000 triples: process, port, query path."""
    quads = [ox.Quad(ox.NamedNode(f"urn:s:{i}"), ox.NamedNode(f"urn:p:{i % 7}"), ox.Literal(str(i)),
                     ox.NamedNode("urn:g")) for i in range(3000)]
    store = ox.Store(str(oxigraph_dir(folder)))
    store.extend(quads)
    store.flush()
    del store
    if oxigraph is not None:
        port = 17000 + int(time.time()) % 1000
        command = [str(oxigraph), "serve", "--location", str(oxigraph_dir(folder)), "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph", "--timeout-s", "3"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(2)
        return process, port, "/query"
    command = [sys.executable, "-c", "from policykg.cli import main; main()", "--data-dir", str(folder), "serve",
               "--port", "0", "--query-timeout", "3"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not (folder / "server.json").exists():
        time.sleep(0.1)
    time.sleep(3)  # the query workers start
    return process, int(json.loads((folder / "server.json").read_text())["url"].rsplit(":", 1)[1]), "/sparql"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--oxigraph", type=Path, help="the `oxigraph` CLI to probe instead of policykg serve")
    args = parser.parse_args()
    remote_port, hits = stand_in()
    with tempfile.TemporaryDirectory(prefix="policykg-probe-") as folder:
        process, port, path = start(args.oxigraph, Path(folder))
        query = f"SELECT * {{ SERVICE <http://127.0.0.1:{remote_port}/> {{ ?s ?p ?o }} }}"
        status, _ = request(port, "GET", f"{path}?query=" + quote(query))
        time.sleep(0.5)
        print(f"SERVICE query: {status}, connections to the stand-in: {len(hits)}")
        status, _ = request(port, "GET", f"{path}?query=" + quote("ASK {}"), headers={"Host": "rebound.example"})
        print(f"foreign Host header: {status}")
        started = time.monotonic()
        status, _ = request(port, "GET", f"{path}?query=" + quote(CROSS_PRODUCT))
        print(f"cross product: {status} after {time.monotonic() - started:.1f} s")
        time.sleep(8)
        print(f"memory 8 s later: {tree_rss(process.pid) / 2**20:.0f} MB")
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(lambda _: request(port, "GET", f"{path}?query=" + quote(CROSS_PRODUCT))[0],
                                     range(16)))
        started = time.monotonic()
        status, _ = request(port, "GET", f"{path}?query=" + quote("ASK {}"))
        print(f"16 cross products: {sorted(map(str, statuses))[:3]}...; then ASK {{}}: {status} after "
              f"{time.monotonic() - started:.2f} s; memory {tree_rss(process.pid) / 2**20:.0f} MB")
        deep = "SELECT * WHERE " + "{" * 3000 + "}" * 3000
        status, _ = request(port, "POST", path, deep, {"Content-Type": "application/sparql-query"})
        time.sleep(1)
        after, _ = request(port, "GET", f"{path}?query=" + quote("ASK {}"))
        print(f"3,000 nested braces: {status}; the server then answers ASK {{}}: {after}")
        process.terminate()
        process.wait(30)


if __name__ == "__main__":
    main()
