"""The SPARQL service: protocol operations on one store, with the server's limits, independent of HTTP.

Two kinds of work, two places:
- queries, /render pages and the dry run of updates go to worker processes (pool.py), which read snapshots
  and are killed at the timeout;
- everything that touches the read-write store (updates, graph store, the owner channel) runs in one thread,
  sandboxed like the workers (no network socket) and with a deep stack, one operation after another. Those
  are writes by token holders and the owner's commands: they are not cut off by the query timeout.
"""
from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from policykg.graph.store import OxigraphStore
from policykg.ontology import PREFIXES
from policykg.server.checks import expand_escapes, refuse_remote_access, with_using
from policykg.server.negotiation import DATASET_OFFERS, GRAPH_OFFERS, RESULT_MEDIA_TYPES, choose, solutions_json
from policykg.server.pool import Snapshots, WorkerPool
from policykg.server.protocol import Dataset, HttpError, Reply, ServerSettings
from policykg.server.sandbox import forbid_network
from policykg.server.worker import QueryJob, RenderJob, UpdateCheck

log = logging.getLogger(__name__)

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CACHE_BYTES = 64 * 1024 * 1024
CACHE_LARGEST = 4 * 1024 * 1024
"""Bytes of answers kept (AnswerCache), and the largest answer kept."""
STORE_THREAD_STACK = 256 * 1024 * 1024
"""Bytes of stack for the store thread: deeper than a worker's, so an update the dry run parsed parses here too."""
T = TypeVar("T")


class _StoreThread:
    """The one thread that touches the read-write store."""

    def __init__(self) -> None:
        previous = threading.stack_size(STORE_THREAD_STACK)
        try:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="policykg-store", initializer=self._sandbox)
            self._executor.submit(lambda: None).result()
        finally:
            threading.stack_size(previous)

    @staticmethod
    def _sandbox() -> None:
        if not forbid_network():
            log.warning("no seccomp on this platform: the store thread relies on the SERVICE/LOAD check alone")

    def run(self, work: Callable[[], T]) -> T:
        return self._executor.submit(work).result()

    def close(self) -> None:
        self._executor.shutdown(wait=True)


class AnswerCache:
    """Answers to queries already asked, for as long as the store has not changed since (a write clears it).

    Bounded in bytes; only answers that depend on the store alone: a query naming a function whose value
    changes from call to call (RAND, NOW, UUID, STRUUID, BNODE) is evaluated every time.
    """

    VOLATILE = ("rand", "now", "uuid", "bnode")

    def __init__(self, budget: int = CACHE_BYTES, largest: int = CACHE_LARGEST) -> None:
        self.budget, self.largest = budget, largest
        self._answers: OrderedDict[QueryJob, Reply] = OrderedDict()
        self._size = 0
        self._generation = -1
        self._lock = threading.Lock()

    def cacheable(self, sparql: str) -> bool:
        folded = sparql.casefold()
        return not any(word in folded for word in self.VOLATILE)

    def get(self, key: QueryJob, generation: int) -> Reply | None:
        with self._lock:
            if generation != self._generation:
                self._answers.clear()
                self._size, self._generation = 0, generation
            reply = self._answers.get(key)
            if reply is None:
                return None
            self._answers.move_to_end(key)
            return Reply(reply.status, reply.body, reply.content_type, dict(reply.headers))

    def put(self, key: QueryJob, generation: int, reply: Reply) -> None:
        with self._lock:
            if generation != self._generation or len(reply.body) > self.largest or key in self._answers:
                return
            self._answers[key] = reply
            self._size += len(reply.body)
            while self._size > self.budget:
                _, evicted = self._answers.popitem(last=False)
                self._size -= len(evicted.body)


class SparqlService:
    """Queries, updates and graph operations on one store, with the server's limits."""

    def __init__(self, store: OxigraphStore, settings: ServerSettings, secret: str, snapshots: Path) -> None:
        self.store = store
        self.settings = settings
        self.secret = secret
        self.snapshots = Snapshots(store, snapshots)
        self.pool = WorkerPool(settings.query_workers, settings.query_memory, self.snapshots)
        self.cache = AnswerCache()
        self._thread = _StoreThread()

    def close(self) -> None:
        self.pool.close()
        self._thread.close()
        self.snapshots.remove()
        self.store.flush()

    @property
    def _timeout(self) -> float | None:
        return self.settings.query_timeout or None

    # Queries ──────────────────────────────────────────────────────────────────────────────────────────
    def query(self, sparql: str, dataset: Dataset, accept: str | None, base_iri: str) -> Reply:
        job = QueryJob(sparql, base_iri, accept, tuple(iri.value for iri in dataset.default),
                       tuple(iri.value for iri in dataset.named), self.settings.union_default_graph,
                       self.settings.max_results)
        if not self.cache.cacheable(sparql):
            return self.pool.run(job, self._timeout)
        generation = self.snapshots.generation
        cached = self.cache.get(job, generation)
        if cached is not None:
            return cached
        reply = self.pool.run(job, self._timeout)
        self.cache.put(job, generation, reply)
        return reply

    def render(self, name: str, params: dict[str, str]) -> Reply:
        """The HTML graph of a named query (views.render_query), under the query limits."""
        return self.pool.run(RenderJob(name, params), self._timeout)

    # Updates ──────────────────────────────────────────────────────────────────────────────────────────
    def update(self, text: str, using: Dataset, base_iri: str) -> Reply:
        if using:
            text = with_using(text, using.default, using.named)
        checked = self.pool.run(UpdateCheck(text, base_iri), self._timeout).body.decode("utf-8")

        def write() -> None:
            try:
                self.store.writes += 1  # written around OxigraphStore's methods: see OxigraphStore.writes
                self.store.store.update(checked, base_iri=base_iri, prefixes=PREFIXES)
            except SyntaxError as error:
                raise HttpError(400, f"update syntax error: {error}") from None
            except (ValueError, RuntimeError) as error:
                raise HttpError(400, f"update failed: {error}") from None
            finally:
                self.snapshots.changed()

        self._thread.run(write)
        return Reply(204)


    # Service description ──────────────────────────────────────────────────────────────────────────────
    def description(self, endpoint: str, accept: str | None) -> Reply:
        rdf_format = choose(accept, [*GRAPH_OFFERS, ("text/html", None)])
        if rdf_format is None:  # a browser: show it the query page
            return Reply(303, b"", None, {"Location": "/"})
        return Reply(200, ox.serialize(self._description_triples(endpoint), format=rdf_format,
                                       prefixes={"sd": SD, "format": FORMATS_NS}), rdf_format.media_type,
                     {"Vary": "Accept"})

    def _description_triples(self, endpoint: str) -> list[ox.Triple]:
        service, node = ox.NamedNode(endpoint), ox.BlankNode()
        default_graph = ox.BlankNode()

        def sd(name: str) -> ox.NamedNode:
            return ox.NamedNode(SD + name)

        languages = ["SPARQL11Query"] + (["SPARQL11Update"] if self.settings.allow_update else [])
        formats = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]
        triples = [
            ox.Triple(service, RDF_TYPE, sd("Service")),
            ox.Triple(service, sd("endpoint"), service),
            *(ox.Triple(service, sd("supportedLanguage"), sd(language)) for language in languages),
            *(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + name)) for name in formats),
            ox.Triple(service, sd("defaultDataset"), node),
            ox.Triple(node, RDF_TYPE, sd("Dataset")),
            ox.Triple(node, sd("defaultGraph"), default_graph),
            ox.Triple(default_graph, RDF_TYPE, sd("Graph")),
        ]
        if self.settings.union_default_graph:
            triples.append(ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")))
        return triples

    # Graph Store HTTP Protocol ────────────────────────────────────────────────────────────────────────
    def graph_get(self, target: ox.NamedNode | ox.DefaultGraph | None, accept: str | None) -> Reply:
        """A graph (or the whole dataset), refused with 413 past --max-results triples."""
        rdf_format = choose(accept, DATASET_OFFERS if target is None else GRAPH_OFFERS)
        limit = self.settings.max_results

        def read() -> list[Any]:
            if isinstance(target, ox.NamedNode) and not self.store.store.contains_named_graph(target):
                raise HttpError(404, f"no graph {target} in this store")
            items = []
            for quad in self.store.store.quads_for_pattern(None, None, None, target):
                items.append(quad if target is None else quad.triple)
                if limit and len(items) > limit:
                    raise HttpError(413, f"the graph has more than {limit} triples, the limit of this endpoint "
                                         "(--max-results): query it with LIMIT and OFFSET instead")
            return items

        body = ox.serialize(self._thread.run(read), format=rdf_format, prefixes=PREFIXES)
        return Reply(200, body, rdf_format.media_type, {"Vary": "Accept"})

    def graph_write(self, target: ox.NamedNode | ox.DefaultGraph | None, body: bytes, rdf_format: ox.RdfFormat,
                    base_iri: str, *, replace: bool) -> Reply:
        """PUT (``replace``) or POST a graph; POST without a target adds the quads of a dataset body."""
        try:
            quads = list(ox.parse(body, format=rdf_format, base_iri=base_iri))
        except (SyntaxError, ValueError) as error:
            raise HttpError(400, f"the body is not valid {rdf_format.name}: {error}") from None
        if target is None:
            if replace:
                raise HttpError(400, "PUT needs a target graph: ?graph=IRI or ?default")
            return self._write(lambda: self.store.store.extend(quads) or Reply(204))
        if any(not isinstance(quad.graph_name, ox.DefaultGraph) for quad in quads):
            raise HttpError(400, "the body names graphs: send it to /store without ?graph, or as triples")
        quads = [ox.Quad(quad.subject, quad.predicate, quad.object, target) for quad in quads]

        def write() -> Reply:
            existed = isinstance(target, ox.DefaultGraph) or self.store.store.contains_named_graph(target)
            if replace and isinstance(target, ox.NamedNode):
                self.store.replace_graphs({target.value: quads})
                self.store.store.add_graph(target)
            else:
                if replace:
                    self.store.store.clear_graph(target)
                self.store.store.extend(quads)
            return Reply(204 if existed else 201)

        return self._write(write)

    def graph_delete(self, target: ox.NamedNode | ox.DefaultGraph | None) -> Reply:
        if target is None:
            raise HttpError(400, "DELETE needs a target graph: ?graph=IRI or ?default")

        def delete() -> Reply:
            if isinstance(target, ox.DefaultGraph):
                self.store.store.clear_graph(target)
            elif not self.store.remove_graph(target.value):
                raise HttpError(404, f"no graph {target} in this store")
            return Reply(204)

        return self._write(delete)

    def _write(self, work: Callable[[], Reply]) -> Reply:
        """Run a write in the store thread; the workers' next job reads a fresh snapshot."""
        def write() -> Reply:
            try:
                self.store.writes += 1  # written around OxigraphStore's methods: see OxigraphStore.writes
                return work()
            finally:
                self.snapshots.changed()

        return self._thread.run(write)

    # The owner channel (RemoteStore's server side) ────────────────────────────────────────────────────
    def owner_replace(self, nquads: bytes, names: Sequence[str]) -> Reply:
        try:
            quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
            graphs: dict[str, list[ox.Quad]] = {ox.NamedNode(name).value: [] for name in names}
        except (SyntaxError, ValueError) as error:
            raise HttpError(400, f"bad N-Quads or graph name: {error}") from None
        for quad in quads:
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise HttpError(400, "every quad must be in a named graph")
            graphs.setdefault(quad.graph_name.value, []).append(quad)

        def write() -> Reply:
            existed = [name for name in graphs if self.store.store.contains_named_graph(ox.NamedNode(name))]
            self.store.replace_graphs(graphs)
            return _json_reply({"replaced": list(graphs), "existed": existed})

        return self._write(write)

    def owner_select(self, request: Mapping[str, Any]) -> Reply:
        try:
            bindings = {name: parse_term(text) for name, text in (request.get("bindings") or {}).items()}
            sparql = expand_escapes(request["query"])
            union = bool(request.get("union", True))
        except (KeyError, TypeError, AttributeError, ValueError, SyntaxError) as error:
            raise HttpError(400, f"bad select request: {error}") from None
        refuse_remote_access(sparql)

        def read() -> list[dict[str, Any]]:
            try:
                return list(self.store.select(sparql, bindings, union=union))
            except SyntaxError as error:
                raise HttpError(400, f"query syntax error: {error}") from None
            except (ValueError, RuntimeError) as error:
                raise HttpError(400, f"query failed: {error}") from None

        rows = self._thread.run(read)
        names = list(dict.fromkeys(name for row in rows for name in row))
        return Reply(200, solutions_json(names, [[row.get(name) for name in names] for row in rows]),
                     RESULT_MEDIA_TYPES["json"])

    def owner_quads(self, graph: str | None, predicates: Sequence[str]) -> Reply:
        quads = self._thread.run(lambda: list(self.store.quads(graph, predicates)))
        return Reply(200, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS.media_type)


def _json_reply(value: Any) -> Reply:
    return Reply(200, json.dumps(value).encode("utf-8"), "application/json")


def parse_term(text: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One RDF term in N-Triples syntax (``<iri>``, ``"literal"@en``, ``_:b``)."""
    quads = list(ox.parse(f"<urn:x:s> <urn:x:p> {text} .", format=ox.RdfFormat.N_TRIPLES))
    if len(quads) != 1:
        raise ValueError(f"not one RDF term: {text!r}")
    return quads[0].object
