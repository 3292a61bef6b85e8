"""``policykg import``: RDF files into the store, every graph they write replaced whole.

Replacing rather than adding makes a re-import idempotent, as re-ingesting an
article is. Triples (and the default graph of a dataset file) go to the graph
given with ``--graph``, else to a graph named by the file's own ``file:`` URL,
which is also the base IRI of its relative IRIs. The files are read whole
before the store is touched, then written in one transaction (through the
server when one owns the store). pyoxigraph parses every format, JSON-LD
included, and never fetches a remote JSON-LD context.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"{path}: unknown RDF file extension {path.suffix!r} "
                         f"(known: {', '.join(FORMATS)})") from None


def read_graphs(paths: Iterable[Path], graph: str | None = None) -> dict[str, list[ox.Quad]]:
    """The quads of ``paths`` by named graph IRI."""
    graphs: dict[str, list[ox.Quad]] = {}
    for path in paths:
        try:
            target = ox.NamedNode(graph or path.resolve().as_uri())
        except ValueError:
            raise ValueError(f"the graph name {graph!r} is not an absolute IRI") from None
        try:
            for quad in ox.parse(path=path, format=rdf_format(path), base_iri=target.value):
                name = target if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name
                if not isinstance(name, ox.NamedNode):
                    raise ValueError(f"{path}: graphs named by blank nodes are not supported")
                graphs.setdefault(name.value, []).append(ox.Quad(quad.subject, quad.predicate, quad.object, name))
        except SyntaxError as error:
            raise ValueError(f"{path}: {error}") from None
    return graphs
