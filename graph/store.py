"""The embedded RDF store: Oxigraph on disk, one named graph per article.

An article's graph is replaced whole in one transaction, so re-ingesting an
article is idempotent and removing it takes exactly what it contributed.
Entities are written into the graph of every article that mentions them, so an
entity survives as long as one article still mentions it.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
import rdflib

from policykg.ontology import PREFIXES

QUERY_PREFIXES = dict(PREFIXES)


class StoreLocked(RuntimeError):
    """Another process holds the store for writing; the message names it when its owner file does."""


def owner_file(path: Path) -> Path:
    """Beside the store: the pid and command of the process that last opened it for writing (who holds the lock)."""
    return path.with_name(path.name + ".owner.json")


def _record_owner(path: Path) -> None:
    info = {"pid": os.getpid(), "command": " ".join([Path(sys.argv[0]).name, *_redacted(sys.argv[1:])])[:300],
            "since": time.strftime("%Y-%m-%d %H:%M:%S")}
    partial = owner_file(path).with_suffix(".tmp")
    try:
        partial.write_text(json.dumps(info), encoding="utf-8")
        os.replace(partial, owner_file(path))
    except OSError:
        pass  # only the message of a second writer loses by it


def _redacted(args: list[str]) -> Iterator[str]:
    """Command-line arguments with the values of --token, --password and the like left out."""
    secret = False
    for arg in args:
        name, equals, _value = arg.partition("=")
        yield "***" if secret else name + "=***" if equals and _is_secret(name) else arg
        secret = not secret and not equals and _is_secret(name)


def _is_secret(option: str) -> bool:
    return option.startswith("--") and any(word in option for word in ("token", "password", "secret"))


def _holder(path: Path) -> str:
    """Who holds the lock (", process PID (`COMMAND`, since TIME)") as the owner file says, if that process runs."""
    try:
        info = json.loads(owner_file(path).read_text(encoding="utf-8"))
        os.kill(int(info["pid"]), 0)
        return f", process {int(info['pid'])} (`{info['command']}`, since {info['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


class OxigraphStore:
    """An Oxigraph store in ``path`` (created when missing), or in memory when ``path`` is None."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.writes = 0
        """Graph writes made through this object: what keeps figures derived from the store (the entities'
        claim counts, policykg.descriptions) knows whether anything else wrote since it last did."""
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
                _record_owner(self.path)
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreLocked(
                    f"the store in {self.path} is in use by another process{_holder(self.path)}: one process "
                    "writes it at a time; wait for that one to finish, or stop it"
                ) from error
            raise

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Replace each named graph (IRI → its quads) whole, all in one transaction."""
        self.writes += 1
        quads: list[ox.Quad] = []
        for iri, graph_quads in graphs.items():
            quads.extend(graph_quads)
        # A SPARQL update runs as one transaction: clearing and inserting commit together.
        names = [ox.NamedNode(iri) for iri in graphs]
        drops = " ".join(f"DROP SILENT GRAPH {name} ;" for name in names)
        self.store.update(drops + " INSERT DATA { " + _nquads_body(quads) + " }" if quads else drops.rstrip(" ;"))

    def remove_graph(self, iri: str) -> bool:
        """Delete a named graph; False when it was not there."""
        name = ox.NamedNode(iri)
        if not self.store.contains_named_graph(name):
            return False
        self.writes += 1
        self.store.remove_graph(name)
        return True

    def graph_names(self) -> list[str]:
        return sorted(node.value for node in self.store.named_graphs())

    def quads(self, graph: str | None = None, predicates: Sequence[str] = ()) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph; only those of ``predicates`` when some are given (an index
        range each: the other quads are not read)."""
        name = ox.NamedNode(graph) if graph else None
        if not predicates:
            return self.store.quads_for_pattern(None, None, None, name)
        return (quad for predicate in predicates
                for quad in self.store.quads_for_pattern(None, ox.NamedNode(predicate), None, name))

    def __len__(self) -> int:
        """Number of quads in the store."""
        return len(self.store)

    def select(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
               *, union: bool = True) -> Iterator[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
        """Run a SELECT query, streaming its rows; ``bindings`` are substituted as values, never pasted into the text."""
        solutions = self._solutions(sparql, bindings, union)
        variables = [v.value for v in solutions.variables]
        return ({name: term for name, term in zip(variables, solution) if term is not None} for solution in solutions)

    def select_columns(self, sparql: str, columns: Sequence[str],
                       bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None) -> Iterator[tuple]:
        """``select``'s rows as tuples of the terms of ``columns`` (None where unbound), read by position: a named
        query's thousand rows skip building a dictionary each."""
        solutions = self._solutions(sparql, bindings, True)
        variables = [v.value for v in solutions.variables]
        positions = [variables.index(column) for column in columns]
        return (tuple(solution[i] for i in positions) for solution in solutions)

    def _solutions(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None,
                   union: bool) -> ox.QuerySolutions:
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return self.store.query(
            sparql, prefixes=QUERY_PREFIXES, use_default_graph_as_union=union, substitutions=substitutions
        )

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    def close(self) -> None:
        """Let go of the store, and of its lock, even while a traceback still holds this object. A writer first
        flushes what it wrote into the store's tables: left in its write-ahead log, every later opening replays
        it (13 s and 700 MB for each command after ingesting the 924 PolNeAR articles)."""
        if self.store is not None and self.path is not None and not self.read_only:
            self.store.flush()
        self.store = None


_NUMBERS = {"http://www.w3.org/2001/XMLSchema#" + name: convert for name, convert in (
    ("integer", int), ("int", int), ("long", int), ("decimal", float), ("double", float), ("float", float))}


def python_value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str | int | float | None:
    """A plain Python value for an RDF term: numbers for numeric literals, ``_:id`` for blank nodes, else text."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        convert = _NUMBERS.get(term.datatype.value)
        return convert(term.value) if convert else term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def _nquads_body(quads: list[ox.Quad]) -> str:
    """Quads as the body of an INSERT DATA block (GRAPH <g> { s p o }), serialised by Oxigraph."""
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    return " ".join(f"GRAPH {graph} {{ {' '.join(triples)} }}" for graph, triples in by_graph.items())


def to_oxigraph_term(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_quads(graph: rdflib.Graph) -> list[ox.Quad]:
    """The triples of a named rdflib graph as Oxigraph quads in that graph."""
    name = ox.NamedNode(str(graph.identifier))
    return [ox.Quad(to_oxigraph_term(s), to_oxigraph_term(p), to_oxigraph_term(o), name) for s, p, o in graph]
