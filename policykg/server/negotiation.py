"""Content negotiation and the serialisation of results: which format an Accept header gets, and the bytes of it.

Pure functions of their arguments, used by the query workers (policykg/server/worker.py) and by the service.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from policykg.server.protocol import HttpError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"

# Offers for content negotiation, our preference first: (media type sent back, format).
SELECT_OFFERS: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
ASK_OFFERS = [offer for offer in SELECT_OFFERS if offer[1] in ("json", "xml")]
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML, "tsv": ox.QueryResultsFormat.TSV}
RESULT_MEDIA_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                      "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
GRAPH_OFFERS: list[tuple[str, ox.RdfFormat]] = [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/x-turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("text/plain", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/xml", ox.RdfFormat.RDF_XML),
    ("text/xml", ox.RdfFormat.RDF_XML),
]
DATASET_OFFERS: list[tuple[str, ox.RdfFormat]] = [
    ("application/trig", ox.RdfFormat.TRIG),
    ("application/n-quads", ox.RdfFormat.N_QUADS),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/json", ox.RdfFormat.JSON_LD),
]



def negotiate(accept: str | None, offers: Sequence[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The offer the Accept header ranks best (q-value, then specificity, then the client's order, then ours);
    the first offer when there is no Accept header; None when nothing offered is acceptable."""
    if not accept or not accept.strip():
        return offers[0]
    ranges: list[tuple[str, float, int]] = []
    for index, part in enumerate(accept.split(",")):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 1.0
        if media:
            ranges.append((media.lower(), quality, index))
    best: tuple[tuple[float, int, int, int], tuple[str, Any]] | None = None
    for position, offer in enumerate(offers):
        match: tuple[int, float, int] | None = None
        for media, quality, index in ranges:
            specificity = (3 if media == offer[0] else 2 if media.endswith("/*") and offer[0].startswith(media[:-1])
                           else 1 if media == "*/*" else 0)
            if specificity and (match is None or specificity > match[0]):
                match = (specificity, quality, index)
        if match is not None and match[1] > 0:
            rank = (match[1], match[0], -match[2], -position)
            if best is None or rank > best[0]:
                best = (rank, offer)
    return best[1] if best else None


def choose(accept: str | None, offers: Sequence[tuple[str, Any]]) -> Any:
    """The negotiated offer's value; 406 when the client accepts none of them."""
    chosen = negotiate(accept, offers)
    if chosen is None:
        raise HttpError(406, "none of the media types in Accept can be produced here; available: "
                             + ", ".join(dict.fromkeys(media for media, _ in offers)))
    return chosen[1]


def term_json(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict[str, Any]:
    """A term in the SPARQL 1.1 Query Results JSON format (triple terms as SPARQL 1.2 writes them)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        value: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
            if term.direction is not None:
                value["its:dir"] = str(term.direction).rsplit(".", 1)[-1].lower()
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING, RDF_DIR_LANG_STRING):
            value["datatype"] = term.datatype.value
        return value
    return {"type": "triple", "value": {"subject": term_json(term.subject), "predicate": term_json(term.predicate),
                                        "object": term_json(term.object)}}


def solutions_json(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    bindings = [{name: term_json(term) for name, term in zip(variables, row) if term is not None} for row in rows]
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def solutions_csv(variables: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """SPARQL 1.1 CSV results (written here: pyoxigraph 0.5.13 leaves an IRI with a comma unquoted)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if term is None else "_:" + term.value if isinstance(term, ox.BlankNode)
                         else term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)
                         for term in row])
    return buffer.getvalue().encode("utf-8")


def results_in(json_results: bytes, fmt: str) -> bytes:
    """SPARQL JSON results re-serialised by Oxigraph as XML or TSV (JSON as is)."""
    if fmt == "json":
        return json_results
    return ox.parse_query_results(json_results, format=ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[fmt])

