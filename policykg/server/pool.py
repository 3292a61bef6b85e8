"""Query workers the server can kill, and the store snapshots they read.

A query runs in a worker process (worker.py); at its deadline the process is killed, which stops the work and
frees its memory, and the slot is free at once (a fresh worker is forked from the forkserver, ~10-50 ms). At
most ``size`` jobs run at once; a request waits for a slot, and the wait counts toward its timeout.

Workers read snapshots, not the live store: after a write the next job makes one (``Store.backup``: hard links
to the store's immutable files, ~0.2 s), and a snapshot is deleted once no worker has it open. Nobody writes a
snapshot, so reading it read-only is what pyoxigraph supports.
"""
from __future__ import annotations

import multiprocessing
import shutil
import signal
import threading
import time
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path

from policykg.graph.store import OxigraphStore
from policykg.server.protocol import HttpError, Reply
from policykg.server.worker import QueryJob, RenderJob, UpdateCheck, serve

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["policykg.server.worker", "policykg.views", "rdflib.plugins.sparql.parser"])


class Snapshots:
    """Read-only copies of the store for the workers, made lazily after writes."""

    def __init__(self, store: OxigraphStore, folder: Path) -> None:
        self.store = store
        self.folder = folder
        shutil.rmtree(folder, ignore_errors=True)  # left by a server that crashed
        self._written = 0
        self._taken = -1
        self._current = ""
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        """How many writes the store has seen (answers from an earlier generation are stale)."""
        return self._written

    def changed(self) -> None:
        """Called after every write: the next job gets a new snapshot."""
        with self._lock:
            self._written += 1

    def current(self) -> str:
        with self._lock:
            if self._taken != self._written:
                generation = self._written
                path = self.folder / f"{generation}-{time.monotonic_ns()}"
                self.folder.mkdir(parents=True, exist_ok=True)
                self.store.store.backup(str(path))
                self._current, self._taken = str(path), generation
            return self._current

    def prune(self, in_use: set[str]) -> None:
        """Delete the snapshots no worker has open, but the current one."""
        with self._lock:
            keep = in_use | {self._current}
            for path in self.folder.glob("*") if self.folder.exists() else ():
                if str(path) not in keep:
                    shutil.rmtree(path, ignore_errors=True)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    snapshot: str = ""


class WorkerPool:
    """At most ``size`` jobs at once, each in a worker process of its own until its deadline."""

    def __init__(self, size: int, memory_mib: int, snapshots: Snapshots) -> None:
        self.size = size
        self.memory_mib = memory_mib
        self.snapshots = snapshots
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[_Worker] = []
        self._open: dict[int, str] = {}
        """pid → snapshot, of every live worker."""
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Start the workers now rather than on the first queries."""
        workers = [self._spawn() for _ in range(self.size)]
        with self._lock:
            self._idle.extend(workers)

    def run(self, job: QueryJob | UpdateCheck | RenderJob, timeout: float | None) -> Reply:
        """The job's reply, or 503 when no slot frees up or the job runs past ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            raise HttpError(503, "the endpoint is busy (every query worker is taken); try again", {"Retry-After": "5"})
        try:
            worker = self._take()
            with self._lock:  # a snapshot is taken and registered at once, so that no prune deletes it between
                if isinstance(job, (QueryJob, RenderJob)):
                    job = replace(job, snapshot=self.snapshots.current())
                    worker.snapshot = job.snapshot
                self._open[worker.process.pid] = worker.snapshot
            return self._exchange(worker, job, deadline, timeout)
        finally:
            self._slots.release()
            with self._lock:
                self.snapshots.prune(set(self._open.values()))

    def _exchange(self, worker: _Worker, job: object, deadline: float | None, timeout: float | None) -> Reply:
        try:
            worker.connection.send(job)
            ready = worker.connection.poll(None if deadline is None else max(0.0, deadline - time.monotonic()))
            outcome = worker.connection.recv() if ready else None
        except (EOFError, OSError):
            self._discard(worker)
            raise _died(worker) from None
        if outcome is None:
            self._discard(worker)
            raise HttpError(503, f"the query ran past the timeout of this endpoint ({timeout:g} s, "
                                 "--query-timeout) and was stopped: make it more selective, or add LIMIT")
        with self._lock:
            self._idle.append(worker)
        kind, status, payload, content_type, headers = outcome
        if kind == "error":
            raise HttpError(status, payload, headers)
        return Reply(status, payload, content_type, headers)

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                self._open.pop(worker.process.pid, None)
        return self._spawn()

    def _spawn(self) -> _Worker:
        ours, theirs = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=serve, args=(theirs, self.memory_mib), daemon=True,
                                   name="policykg-query")
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _discard(self, worker: _Worker) -> None:
        """Kill the worker (it ran past its deadline or died) and forget it."""
        worker.process.kill()
        worker.process.join(5)
        worker.connection.close()
        with self._lock:
            self._open.pop(worker.process.pid, None)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            self._discard(worker)


def _died(worker: _Worker) -> HttpError:
    worker.process.join(5)
    code = worker.process.exitcode
    if code == -signal.SIGSEGV:
        return HttpError(400, "the query crashed the SPARQL parser (too deeply nested?); the server goes on")
    return HttpError(503, f"the query's worker stopped (exit {code}): it ran out of memory (--query-memory) "
                          "or was killed; the server goes on")
