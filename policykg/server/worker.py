"""The query worker: a process that evaluates one job at a time, which the server kills at the deadline.

Started from the forkserver (policykg/server/pool.py). Before its first job it forbids itself the network and
caps its memory (sandbox.py). It reads a read-only snapshot of the store (a hard-link backup the server makes
after writes), never the live store: pyoxigraph calls reading a store another process writes undefined.
Everything untrusted happens here: the checks (checks.py), Oxigraph's parser (whose stack a deep query can
overflow), evaluation and serialisation. A crash or a kill costs this process only.
"""
from __future__ import annotations

import json
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.graph.store import OxigraphStore
from policykg.ontology import PREFIXES
from policykg.server.checks import expand_escapes, reads_from, refuse_remote_access
from policykg.server.negotiation import (ASK_OFFERS, GRAPH_OFFERS, RESULT_MEDIA_TYPES, SELECT_OFFERS, choose,
                                         results_in, solutions_csv, solutions_json)
from policykg.server.protocol import HttpError, Reply
from policykg.server.sandbox import forbid_network, limit_memory


DRY_RUN_STACK = 64 * 1024 * 1024
"""Bytes of stack for an update's dry run: less than the server's store thread has (service.py)."""


@dataclass(frozen=True)
class QueryJob:
    text: str
    base_iri: str
    accept: str | None
    default_graph: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    union_default_graph: bool = True
    max_results: int = 0
    snapshot: str = ""


@dataclass(frozen=True)
class UpdateCheck:
    """An update checked and dry-run on an empty store, so the server's own parse of it cannot crash."""
    text: str
    base_iri: str


@dataclass(frozen=True)
class RenderJob:
    name: str
    params: dict[str, str] = field(default_factory=dict)
    snapshot: str = ""


Outcome = tuple[str, int, Any, Any, dict[str, str]]
"""("reply", status, body, content type, headers) or ("error", status, message, None, headers): picklable."""


def serve(connection: Connection, memory_mib: int) -> None:
    """The worker's loop: a job in, an outcome out, until the server closes the pipe."""
    forbid_network()
    limit_memory(memory_mib)
    state = _State()
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(run(job, state))


class _State:
    """The snapshot this worker has open."""

    def __init__(self) -> None:
        self.path = ""
        self.store: OxigraphStore | None = None

    def open(self, path: str) -> OxigraphStore:
        if self.store is None or path != self.path:
            self.store = None
            self.store = OxigraphStore(path, read_only=True)
            self.path = path
        return self.store


def run(job: QueryJob | UpdateCheck | RenderJob, state: _State) -> Outcome:
    try:
        if isinstance(job, QueryJob):
            reply = _query(job, state)
        elif isinstance(job, UpdateCheck):
            reply = _check_update(job)
        else:
            reply = _render(job, state)
        return ("reply", reply.status, reply.body, reply.content_type, reply.headers)
    except HttpError as error:
        return ("error", error.status, error.message, None, error.headers)
    except MemoryError:
        return ("error", 503, "the query ran out of memory (--query-memory)", None, {})
    except Exception:
        traceback.print_exc()  # into the server's log (the worker shares its stderr)
        return ("error", 500, "internal server error (details are in the server log)", None, {})


def _query(job: QueryJob, state: _State) -> Reply:
    text = expand_escapes(job.text)
    refuse_remote_access(text)
    arguments: dict[str, Any] = {}
    if job.default_graph or job.named_graphs:
        arguments = {"default_graph": [ox.NamedNode(iri) for iri in job.default_graph],
                     "named_graphs": [ox.NamedNode(iri) for iri in job.named_graphs]}
    elif job.union_default_graph and not reads_from(text):
        arguments = {"use_default_graph_as_union": True}
    store = state.open(job.snapshot)
    try:
        results = store.store.query(text, base_iri=job.base_iri, prefixes=PREFIXES, **arguments)
        if isinstance(results, ox.QueryBoolean):
            fmt = choose(job.accept, ASK_OFFERS)
            body = json.dumps({"head": {}, "boolean": bool(results)}).encode()
            return Reply(200, results_in(body, fmt), RESULT_MEDIA_TYPES[fmt], {"Vary": "Accept"})
        if isinstance(results, ox.QuerySolutions):
            fmt = choose(job.accept, SELECT_OFFERS)
            variables = [variable.value for variable in results.variables]
            rows = _collect(results, job.max_results, "rows")
            body = solutions_csv(variables, rows) if fmt == "csv" else results_in(solutions_json(variables, rows), fmt)
            return Reply(200, body, RESULT_MEDIA_TYPES[fmt], {"Vary": "Accept"})
        rdf_format = choose(job.accept, GRAPH_OFFERS)
        triples = _collect(results, job.max_results, "triples")
        return Reply(200, ox.serialize(triples, format=rdf_format, prefixes=PREFIXES), rdf_format.media_type,
                     {"Vary": "Accept"})
    except SyntaxError as error:
        raise HttpError(400, f"query syntax error: {error}") from None
    except (ValueError, RuntimeError, UnicodeError) as error:
        raise HttpError(400, f"query failed: {error}") from None


def _collect(results: Iterator[Any], limit: int, what: str) -> list[Any]:
    items = []
    for item in results:
        items.append(item if what == "triples" else list(item))
        if limit and len(items) > limit:
            raise HttpError(413, f"the answer has more than {limit} {what}, the limit of this endpoint "
                                 "(--max-results): add LIMIT, and OFFSET to page through it")
    return items


def _check_update(job: UpdateCheck) -> Reply:
    """The update's text as it will run, once it has been checked and Oxigraph has parsed it (by running it on
    an empty store: an error that depends on the store's content, such as DROP of a missing graph, is left to
    the real run)."""
    text = expand_escapes(job.text)
    refuse_remote_access(text, update=True)
    try:
        _with_stack(DRY_RUN_STACK, lambda: ox.Store().update(text, base_iri=job.base_iri, prefixes=PREFIXES))
    except SyntaxError as error:
        raise HttpError(400, f"update syntax error: {error}") from None
    except (ValueError, RuntimeError, OSError):
        pass
    return Reply(204, text.encode("utf-8"))


def _with_stack(size: int, work: Callable[[], object]) -> None:
    """Run ``work`` in a thread with a stack of ``size`` bytes (whatever this process's RLIMIT_STACK); re-raise."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as error:  # handed to the caller's thread
            failure.append(error)

    previous = threading.stack_size(size)
    try:
        thread = threading.Thread(target=target, name="policykg-dry-run")
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    if failure:
        raise failure[0]


def _render(job: RenderJob, state: _State) -> Reply:
    from policykg.views import render_query

    store = state.open(job.snapshot)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "graph.html"
        try:
            render_query(job.name, job.params, store, page)
        except KeyError:
            raise HttpError(404, f"no query named {job.name!r}") from None
        except ValueError as error:
            raise HttpError(400, str(error)) from None
        return Reply(200, page.read_bytes(), "text/html; charset=utf-8")
