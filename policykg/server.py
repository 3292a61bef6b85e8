"""The SPARQL endpoint: ``policykg serve``, over the embedded Oxigraph store, with pyoxigraph as the engine.

Endpoints (all under one origin; bound to 127.0.0.1 unless ``--host`` says otherwise):

``/sparql``
    SPARQL 1.1 Protocol: queries by GET, by POST form-encoded and by POST
    ``application/sparql-query``; updates by POST form-encoded and
    ``application/sparql-update`` (only with ``--allow-update``; 403 otherwise,
    401 without the ``--token`` as ``Authorization: Bearer``). Datasets by
    ``default-graph-uri`` / ``named-graph-uri`` (queries) and ``using-graph-uri``
    / ``using-named-graph-uri`` (updates). Without a dataset in the request or
    the query (FROM), the default graph is the union of all graphs: policykg
    keeps one named graph per article, and a question is about all of them.
    Updates without USING/WITH read the store's real default graph, as SPARQL
    Update defines it. Known limit of pyoxigraph 0.5.13 (oxigraph issue #1919,
    fixed upstream by PR #1920, not yet released): a union or a multi-graph
    default graph repeats a triple once per graph that holds it (an entity's
    label is in every article that mentions it), so use DISTINCT or GROUP BY
    where that matters. ``GET /sparql`` without a query returns the SPARQL 1.1
    Service Description (Turtle by default).
``/store``
    SPARQL 1.1 Graph Store HTTP Protocol (``?graph=IRI`` or ``?default``; no
    parameter means the whole dataset): GET/HEAD always, PUT/POST/DELETE under
    the same rules as updates.
``/``
    A query page (YASGUI, served from the package) with the named queries as tabs.
``/_policykg/...``
    The owner channel through which ``policykg ingest`` and the other commands
    reach a store the server holds (Oxigraph locks its store to one process):
    loopback or same-host clients presenting the secret from
    ``DATA_DIR/server.json`` (mode 0600) only. See ``RemoteStore``.

Results: SELECT as SPARQL JSON, XML, CSV or TSV; ASK as JSON or XML; CONSTRUCT
and DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML, by the Accept header.
Bad requests get a 4xx with a plain-text reason, never a stack trace.

Limits: the server never makes an outbound request (SERVICE and LOAD are
refused with 400, since Oxigraph would fetch them); a query running past
``--query-timeout`` is answered 503 (pyoxigraph cannot cancel a query: its
evaluation is abandoned at the next solution, and at most ``QUERY_WORKERS``
evaluations run at once); a result over ``--max-results`` rows or triples is
refused with 413 rather than silently truncated, so no tool mistakes a part
for the whole; a request body over ``--max-body`` bytes gets 413.
"""
from __future__ import annotations

import csv
import hashlib
import hmac
import io
import ipaddress
import json
import logging
import os
import re
import secrets
import socket
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from policykg.config import oxigraph_dir
from policykg.graph.remote import SECRET_HEADER, SERVER_FILE
from policykg.graph.store import OxigraphStore
from policykg.ontology import PREFIXES

log = logging.getLogger(__name__)

"""In the data directory while a server owns the store: ``{"url", "pid", "secret"}``."""
QUERY_WORKERS = 16
"""Query evaluations running at once; more wait (their wait counts toward the timeout)."""
MAX_FORM_FIELDS = 1000
STATIC = Path(__file__).resolve().parent / "static" / "yasgui"

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
UTF8_CHARSETS = {"utf-8", "utf8"}

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
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


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 7879
    allow_update: bool = False
    token: str | None = None
    query_timeout: float = 30.0
    """Seconds; 0 for none."""
    max_results: int = 100_000
    """Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer; 0 for no limit."""
    max_body: int = 16 * 1024 * 1024
    union_default_graph: bool = True


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


class HttpError(Exception):
    """A request the server answers with ``status`` and a plain-text reason."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})

    def reply(self) -> Reply:
        return Reply(self.status, (self.message + "\n").encode("utf-8"), "text/plain; charset=utf-8", self.headers)


# ── SPARQL text: the few things the protocol needs to know before Oxigraph parses it ─────────────────

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class _Token:
    text: str
    """An upper-cased keyword, or ``{`` / ``}``."""
    start: int
    end: int
    depth: int
    """Brace depth the token stands at."""


def _string_end(text: str, start: int) -> int:
    """Index just past the string literal opening at ``start`` (or at the line end for a broken short one)."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(delimiter, i):
            return i + len(delimiter)
        elif len(delimiter) == 1 and text[i] in "\r\n":
            return i
        else:
            i += 1
    return len(text)


def _tokens(text: str) -> list[_Token]:
    """Keywords and braces, skipping strings, IRIs, comments, variables and prefixed names.

    When in doubt a word counts as a keyword: a false hit only refuses an odd
    query, a miss could let SERVICE or LOAD through.
    """
    tokens: list[_Token] = []
    depth = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif char in "\"'":
            i = _string_end(text, i)
        elif char == "<" and (iri := _IRI_REF.match(text, i)):
            i = iri.end()
        elif char == "{":
            tokens.append(_Token("{", i, i + 1, depth))
            depth += 1
            i += 1
        elif char == "}":
            depth -= 1
            tokens.append(_Token("}", i, i + 1, depth))
            i += 1
        elif name := _NAME.match(text, i):
            before = text[i - 1] if i else " "
            after = text[name.end()] if name.end() < len(text) else " "
            if not (before.isalnum() or before in "?$:@_") and after != ":":
                tokens.append(_Token(name[0].upper(), i, name.end(), depth))
            i = name.end()
        else:
            i += 1
    return tokens


def refuse_remote_access(tokens: Sequence[_Token]) -> None:
    """SERVICE and LOAD make Oxigraph fetch URLs: this server makes no outbound request."""
    for token in tokens:
        if token.text in ("SERVICE", "LOAD"):
            raise HttpError(400, f"{token.text} is not allowed: this endpoint never fetches remote data "
                                 "(federated queries and LOAD are switched off)")


def with_using(update: str, tokens: Sequence[_Token], using: Sequence[ox.NamedNode],
               using_named: Sequence[ox.NamedNode]) -> str:
    """The update with the protocol's using-graph-uri / using-named-graph-uri as USING clauses of each WHERE."""
    if any(token.depth == 0 and token.text in ("USING", "WITH") for token in tokens):
        raise HttpError(400, "using-graph-uri / using-named-graph-uri cannot be combined with USING or WITH "
                             "in the update itself")
    clause = " ".join([f"USING {iri}" for iri in using] + [f"USING NAMED {iri}" for iri in using_named])
    edits: list[tuple[int, int, str]] = []
    for k, token in enumerate(tokens):
        if token.text != "WHERE" or token.depth != 0:
            continue
        before = tokens[k - 1] if k else None
        if before is not None and before.text == "DELETE" and before.depth == 0:
            # DELETE WHERE { P } is DELETE { P } WHERE { P }, which can take USING.
            close = next((t for t in tokens[k + 2:] if t.text == "}" and t.depth == 0), None)
            if k + 1 < len(tokens) and tokens[k + 1].text == "{" and close is not None:
                pattern = update[tokens[k + 1].start:close.end]
                edits.append((before.start, close.end, f"DELETE {pattern} {clause} WHERE {pattern}"))
        else:
            edits.append((token.start, token.start, clause + " "))
    for start, end, replacement in reversed(edits):
        update = update[:start] + replacement + update[end:]
    return update


# ── Content negotiation and serialisation ───────────────────────────────────────────────────────────────

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


def _results_in(json_results: bytes, fmt: str) -> bytes:
    """SPARQL JSON results re-serialised by Oxigraph as XML or TSV (JSON as is)."""
    if fmt == "json":
        return json_results
    return ox.parse_query_results(json_results, format=ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[fmt])


# ── The service: protocol operations on the store, independent of HTTP ───────────────────────────────

@dataclass(frozen=True)
class Dataset:
    """A dataset given by the protocol: IRIs of the default graph's parts and of the named graphs."""
    default: tuple[ox.NamedNode, ...] = ()
    named: tuple[ox.NamedNode, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


class SparqlService:
    """Queries, updates and graph operations on one store, with the server's limits."""

    def __init__(self, store: OxigraphStore, settings: ServerSettings, secret: str) -> None:
        self.store = store
        self.settings = settings
        self.secret = secret
        self._slots = threading.BoundedSemaphore(QUERY_WORKERS)

    # Queries ──────────────────────────────────────────────────────────────────────────────────────────
    def query(self, sparql: str, dataset: Dataset, accept: str | None, base_iri: str) -> Reply:
        tokens = _tokens(sparql)
        refuse_remote_access(tokens)
        arguments: dict[str, Any] = {}
        if dataset:
            arguments = {"default_graph": list(dataset.default), "named_graphs": list(dataset.named)}
        elif self.settings.union_default_graph and not any(token.text == "FROM" for token in tokens):
            arguments = {"use_default_graph_as_union": True}
        return self._within_deadline(lambda cancelled: self._evaluate(sparql, arguments, accept, base_iri, cancelled))

    def _evaluate(self, sparql: str, arguments: dict[str, Any], accept: str | None, base_iri: str,
                  cancelled: threading.Event) -> Reply:
        try:
            results = self.store.store.query(sparql, base_iri=base_iri, prefixes=PREFIXES, **arguments)
            if isinstance(results, ox.QueryBoolean):
                fmt = choose(accept, ASK_OFFERS)
                body = json.dumps({"head": {}, "boolean": bool(results)}).encode()
                return Reply(200, _results_in(body, fmt), RESULT_MEDIA_TYPES[fmt], {"Vary": "Accept"})
            if isinstance(results, ox.QuerySolutions):
                fmt = choose(accept, SELECT_OFFERS)
                variables = [variable.value for variable in results.variables]
                rows = self._collect(results, cancelled, "rows", list)
                body = solutions_csv(variables, rows) if fmt == "csv" else _results_in(solutions_json(variables, rows), fmt)
                return Reply(200, body, RESULT_MEDIA_TYPES[fmt], {"Vary": "Accept"})
            rdf_format = choose(accept, GRAPH_OFFERS)
            triples = self._collect(results, cancelled, "triples", lambda triple: triple)
            body = ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)
            return Reply(200, body, rdf_format.media_type, {"Vary": "Accept"})
        except SyntaxError as error:
            raise HttpError(400, f"query syntax error: {error}") from None
        except (ValueError, RuntimeError) as error:
            raise HttpError(400, f"query failed: {error}") from None

    def _collect(self, results: Iterator[Any], cancelled: threading.Event, what: str,
                 convert: Callable[[Any], Any]) -> list[Any]:
        limit = self.settings.max_results
        items = []
        for item in results:
            if cancelled.is_set():
                break
            items.append(convert(item))
            if limit and len(items) > limit:
                raise HttpError(413, f"the answer has more than {limit} {what}, the limit of this endpoint "
                                     "(--max-results): add LIMIT, and OFFSET to page through it")
        return items

    def _within_deadline(self, work: Callable[[threading.Event], Reply]) -> Reply:
        """Run ``work`` in a worker thread and give up on it at the query timeout."""
        timeout = self.settings.query_timeout or None
        started = time.monotonic()
        if not self._slots.acquire(timeout=timeout):
            raise HttpError(503, "the endpoint is busy (every query worker is taken); try again",
                            {"Retry-After": "5"})
        cancelled, done = threading.Event(), threading.Event()
        outcome: dict[str, Any] = {}

        def run() -> None:
            # pyoxigraph's result iterators must be dropped by the thread that made them: the request thread
            # gets a fresh error, and the frames of the original (which hold the iterator) are cleared here.
            try:
                outcome["reply"] = work(cancelled)
            except HttpError as error:
                outcome["error"] = HttpError(error.status, error.message, error.headers)
                traceback.clear_frames(error.__traceback__)
            except Exception:
                log.exception("error evaluating a query")
                outcome["error"] = HttpError(500, "internal server error (details are in the server log)")
            finally:
                self._slots.release()
                done.set()

        threading.Thread(target=run, name="policykg-query", daemon=True).start()
        if not done.wait(None if timeout is None else max(0.0, timeout - (time.monotonic() - started))):
            cancelled.set()
            raise HttpError(503, f"the query ran past the timeout of this endpoint ({timeout:g} s, "
                                 "--query-timeout): make it more selective, or add LIMIT")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["reply"]

    # Updates ──────────────────────────────────────────────────────────────────────────────────────────
    def update(self, text: str, using: Dataset, base_iri: str) -> Reply:
        tokens = _tokens(text)
        refuse_remote_access(tokens)
        if using:
            text = with_using(text, tokens, using.default, using.named)
        try:
            self.store.store.update(text, base_iri=base_iri, prefixes=PREFIXES)
        except SyntaxError as error:
            raise HttpError(400, f"update syntax error: {error}") from None
        except (ValueError, RuntimeError) as error:
            raise HttpError(400, f"update failed: {error}") from None
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
        offers = DATASET_OFFERS if target is None else GRAPH_OFFERS
        rdf_format = choose(accept, offers)
        if isinstance(target, ox.NamedNode) and not self.store.store.contains_named_graph(target):
            raise HttpError(404, f"no graph {target} in this store")
        body = self.store.store.dump(format=rdf_format, from_graph=target, prefixes=PREFIXES)
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
            self.store.store.extend(quads)
            return Reply(204)
        if any(not isinstance(quad.graph_name, ox.DefaultGraph) for quad in quads):
            raise HttpError(400, "the body names graphs: send it to /store without ?graph, or as triples")
        quads = [ox.Quad(quad.subject, quad.predicate, quad.object, target) for quad in quads]
        existed = isinstance(target, ox.DefaultGraph) or self.store.store.contains_named_graph(target)
        if replace and isinstance(target, ox.NamedNode):
            self.store.replace_graphs({target.value: quads})
            self.store.store.add_graph(target)
        else:
            if replace:
                self.store.store.clear_graph(target)
            self.store.store.extend(quads)
        return Reply(204 if existed else 201)

    def graph_delete(self, target: ox.NamedNode | ox.DefaultGraph | None) -> Reply:
        if target is None:
            raise HttpError(400, "DELETE needs a target graph: ?graph=IRI or ?default")
        if isinstance(target, ox.DefaultGraph):
            self.store.store.clear_graph(target)
        elif not self.store.remove_graph(target.value):
            raise HttpError(404, f"no graph {target} in this store")
        return Reply(204)

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
        existed = [name for name in graphs if self.store.store.contains_named_graph(ox.NamedNode(name))]
        self.store.replace_graphs(graphs)
        return _json_reply({"replaced": list(graphs), "existed": existed})

    def owner_select(self, request: Mapping[str, Any]) -> Reply:
        try:
            bindings = {name: parse_term(text) for name, text in (request.get("bindings") or {}).items()}
            rows = list(self.store.select(request["query"], bindings, union=bool(request.get("union", True))))
        except (KeyError, TypeError, AttributeError) as error:
            raise HttpError(400, f"bad select request: {error}") from None
        except SyntaxError as error:
            raise HttpError(400, f"query syntax error: {error}") from None
        except (ValueError, RuntimeError) as error:
            raise HttpError(400, f"query failed: {error}") from None
        names = list(dict.fromkeys(name for row in rows for name in row))
        return Reply(200, solutions_json(names, [[row.get(name) for name in names] for row in rows]),
                     RESULT_MEDIA_TYPES["json"])

    def owner_quads(self, graph: str | None) -> Reply:
        return Reply(200, ox.serialize(self.store.quads(graph), format=ox.RdfFormat.N_QUADS),
                     ox.RdfFormat.N_QUADS.media_type)


def _json_reply(value: Any) -> Reply:
    return Reply(200, json.dumps(value).encode("utf-8"), "application/json")


def parse_term(text: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One RDF term in N-Triples syntax (``<iri>``, ``"literal"@en``, ``_:b``)."""
    quads = list(ox.parse(f"<urn:x:s> <urn:x:p> {text} .", format=ox.RdfFormat.N_TRIPLES))
    if len(quads) != 1:
        raise ValueError(f"not one RDF term: {text!r}")
    return quads[0].object


# ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────────

class EndpointServer(ThreadingHTTPServer):
    """One thread per connection; the store, settings and secret live in ``service``."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, service: SparqlService, data_dir: Path | None = None) -> None:
        settings = service.settings
        self.address_family = _address_family(settings.host)
        super().__init__((settings.host, settings.port), _Handler)
        self.service = service
        self.data_dir = data_dir
        self.page = _query_page(settings.allow_update)
        self.static = {path.name: path.read_bytes() for path in STATIC.glob("*.min.*")}

    @property
    def url(self) -> str:
        """The URL local clients reach the server at (loopback when bound to every interface)."""
        host, port = self.server_address[:2]
        if host in ("0.0.0.0", "::", ""):
            host = "::1" if self.address_family == socket.AF_INET6 else "127.0.0.1"
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def close(self) -> None:
        """Stop answering, forget server.json (when it is still ours) and flush the store."""
        self.server_close()
        if self.data_dir is not None:
            path = self.data_dir / SERVER_FILE
            try:
                if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                    path.unlink()
            except (OSError, ValueError):
                pass
        self.service.store.flush()


def _address_family(host: str) -> int:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


class _Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    protocol_version = "HTTP/1.1"
    server_version = "policykg"
    sys_version = ""
    default_request_version = "HTTP/1.0"
    """So that even a request line too broken to name its version is answered with a status line."""
    timeout = 60
    """Seconds a connection may stay silent (slow or idle clients)."""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    # Plumbing ─────────────────────────────────────────────────────────────────────────────────────────
    def _dispatch(self, method: str) -> None:
        self._body_read = False
        path = urlsplit(self.path).path
        try:
            reply = self._route(method, path)
        except HttpError as error:
            reply = error.reply()
        except Exception:  # the client gets a reason without internals; the log gets the traceback
            log.exception("error answering %s %s", method, self.path)
            reply = HttpError(500, "internal server error (details are in the server log)").reply()
        if not path.startswith("/_policykg/"):
            reply.headers.setdefault("Access-Control-Allow-Origin", "*")
        if not self._body_read and self.headers.get("Content-Length", "0").strip() not in ("", "0"):
            self.close_connection = True  # an unread body would be taken for the next request
        self._send(reply, head=method == "HEAD")

    def _send(self, reply: Reply, *, head: bool = False) -> None:
        try:
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if not head and reply.body:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by http.server itself (bad request line, headers too long): plain text too."""
        self.close_connection = True
        reason = message or self.responses.get(code, ("error",))[0]
        body = f"{code} {reason}\n".encode("utf-8", "replace") if code >= 200 and code not in (204, 304) else b""
        self._body_read = True
        try:
            self.send_response(code)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    @property
    def service(self) -> SparqlService:
        return self.server.service

    def _base(self) -> str:
        """The server's own URL as the client addressed it (Host header, when well formed)."""
        host = self.headers.get("Host", "")
        if re.fullmatch(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?", host):
            return f"http://{host}"
        return self.server.url

    def _params(self) -> dict[str, list[str]]:
        return _form(urlsplit(self.path).query, "URL")

    def _body(self, limit: int | None) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise HttpError(411, "send the body with a Content-Length (chunked transfer encoding is not supported)")
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self._body_read = True
            return b""
        if len(set(lengths)) != 1 or not re.fullmatch(r"\d{1,18}", lengths[0].strip()):
            self.close_connection = True
            raise HttpError(400, "bad Content-Length header")
        length = int(lengths[0])
        if limit is not None and length > limit:
            self.close_connection = True
            raise HttpError(413, f"the request body ({length} bytes) is over this endpoint's limit of {limit} bytes "
                                 "(--max-body)")
        body = self.rfile.read(length)
        self._body_read = True
        if len(body) < length:
            self.close_connection = True
            raise HttpError(400, "the body is shorter than its Content-Length")
        return body

    def _content_type(self) -> tuple[str, str | None]:
        """The media type (lower case, '' when missing) and the charset parameter."""
        media, *parameters = (self.headers.get("Content-Type") or "").split(";")
        charset = None
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "charset":
                charset = value.strip().strip('"').lower()
        return media.strip().lower(), charset

    def _text_body(self, charset: str | None) -> str:
        if charset is not None and charset not in UTF8_CHARSETS:
            raise HttpError(415, f"charset {charset} is not supported: send UTF-8")
        try:
            return self._body(self.service.settings.max_body).decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError(400, "the body is not valid UTF-8") from None

    def _check_write_access(self) -> None:
        settings = self.service.settings
        if not settings.allow_update:
            raise HttpError(403, "this endpoint is read-only: updates and graph writes need "
                                 "`policykg serve --allow-update`")
        if settings.token is not None:
            scheme, _, given = (self.headers.get("Authorization") or "").strip().partition(" ")
            if scheme.lower() != "bearer" or not _same_secret(given.strip(), settings.token):
                raise HttpError(401, "updates need the server's token: Authorization: Bearer TOKEN",
                                {"WWW-Authenticate": 'Bearer realm="policykg"'})

    # Routes ───────────────────────────────────────────────────────────────────────────────────────────
    def _route(self, method: str, path: str) -> Reply:
        if path in ("/sparql", "/sparql/"):
            return self._sparql(method)
        if path == "/store":
            return self._graph_store(method)
        if path.startswith("/_policykg/"):
            return self._owner(method, path)
        if method not in ("GET", "HEAD"):
            raise HttpError(405, f"{method} is not allowed here", {"Allow": "GET, HEAD"})
        if path in ("/", "/index.html"):
            return Reply(200, self.server.page, "text/html; charset=utf-8")
        if path == "/favicon.ico":
            return Reply(204)
        if path.startswith("/render/"):
            return self._render(path.removeprefix("/render/"))
        name = path.removeprefix("/static/yasgui/")
        if name in self.server.static:
            kind = "text/css" if name.endswith(".css") else "text/javascript"
            return Reply(200, self.server.static[name], f"{kind}; charset=utf-8",
                         {"Cache-Control": "public, max-age=86400"})
        raise HttpError(404, f"nothing at {path}: the SPARQL endpoint is /sparql, the query page /")

    def _render(self, name: str) -> Reply:
        """The HTML graph of a named query: ``/render/who-said-what?about=Meta``."""
        import tempfile

        from policykg.views import render_query

        params = {key: values[-1] for key, values in self._params().items()}
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "graph.html"
            try:
                render_query(name, params, self.service.store, page)
            except KeyError:
                raise HttpError(404, f"no query named {name!r}") from None
            except ValueError as error:
                raise HttpError(400, str(error)) from None
            return Reply(200, page.read_bytes(), "text/html; charset=utf-8")

    def _sparql(self, method: str) -> Reply:
        if method == "OPTIONS":
            return _preflight("GET, HEAD, POST, OPTIONS")
        if method not in ("GET", "HEAD", "POST"):
            raise HttpError(405, f"{method} is not allowed on the SPARQL endpoint: use GET or POST",
                            {"Allow": "GET, HEAD, POST, OPTIONS"})
        params = self._params()
        endpoint = self._base() + "/sparql"
        accept = self.headers.get("Accept")
        if method in ("GET", "HEAD"):
            if "update" in params:
                self._check_write_access()
                raise HttpError(400, "send updates with POST, not GET")
            if "query" not in params:
                return self.service.description(endpoint, accept)
            return self.service.query(_one(params, "query"), _dataset(params, "default-graph-uri", "named-graph-uri"),
                                      accept, endpoint)
        media, charset = self._content_type()
        if media == SPARQL_UPDATE:
            self._check_write_access()
        if media in (SPARQL_QUERY, SPARQL_UPDATE):
            if "query" in params or "update" in params:
                raise HttpError(400, f"a {media} request carries the operation in its body, not in the URL")
            text = self._text_body(charset)
            if media == SPARQL_QUERY:
                return self.service.query(text, _dataset(params, "default-graph-uri", "named-graph-uri"),
                                          accept, endpoint)
            return self.service.update(text, _dataset(params, "using-graph-uri", "using-named-graph-uri"), endpoint)
        if media == FORM:
            for name, values in _form(self._text_body(charset), "body").items():
                params.setdefault(name, []).extend(values)
            if "query" in params and "update" in params:
                raise HttpError(400, "a request carries either a query or an update, not both")
            if "update" in params:
                self._check_write_access()
                return self.service.update(_one(params, "update"),
                                           _dataset(params, "using-graph-uri", "using-named-graph-uri"), endpoint)
            if "query" in params:
                return self.service.query(_one(params, "query"),
                                          _dataset(params, "default-graph-uri", "named-graph-uri"), accept, endpoint)
            raise HttpError(400, "the form has no query or update parameter")
        raise HttpError(415, f"unsupported Content-Type {media or '(none)'!r}: POST {SPARQL_QUERY}, "
                             f"{SPARQL_UPDATE} or {FORM}")

    def _graph_store(self, method: str) -> Reply:
        if method == "OPTIONS":
            return _preflight("GET, HEAD, PUT, POST, DELETE, OPTIONS")
        params = self._params()
        if "graph" in params and "default" in params:
            raise HttpError(400, "name one target: ?graph=IRI or ?default")
        target: ox.NamedNode | ox.DefaultGraph | None = (
            _iri(_one(params, "graph"), "graph") if "graph" in params else ox.DefaultGraph() if "default" in params
            else None)
        if method in ("GET", "HEAD"):
            return self.service.graph_get(target, self.headers.get("Accept"))
        if method not in ("PUT", "POST", "DELETE"):
            raise HttpError(405, f"{method} is not allowed on the graph store",
                            {"Allow": "GET, HEAD, PUT, POST, DELETE, OPTIONS"})
        self._check_write_access()
        if method == "DELETE":
            return self.service.graph_delete(target)
        media, _ = self._content_type()
        rdf_format = ox.RdfFormat.from_media_type(media) if media else None
        if rdf_format is None:
            raise HttpError(415, f"unsupported Content-Type {media or '(none)'!r}: send an RDF syntax "
                                 "(text/turtle, application/n-triples, application/ld+json, ...)")
        body = self._body(self.service.settings.max_body)
        base = target.value if isinstance(target, ox.NamedNode) else self._base() + "/store"
        return self.service.graph_write(target, body, rdf_format, base, replace=method == "PUT")

    def _owner(self, method: str, path: str) -> Reply:
        client, local = self.client_address[0], self.connection.getsockname()[0]
        if not (_is_loopback(client) or client == local) or not _same_secret(
                self.headers.get(SECRET_HEADER, ""), self.service.secret):
            raise HttpError(403, "forbidden")
        params = self._params()
        if path == "/_policykg/ping" and method == "GET":
            return _json_reply({"pid": os.getpid()})
        if path == "/_policykg/quads" and method == "GET":
            return self.service.owner_quads(_one(params, "graph") if "graph" in params else None)
        if path == "/_policykg/replace-graphs" and method == "POST":
            return self.service.owner_replace(self._body(None), params.get("graph", []))
        if path == "/_policykg/select" and method == "POST":
            try:
                request = json.loads(self._body(None))
            except ValueError:
                raise HttpError(400, "the body is not JSON") from None
            if not isinstance(request, dict):
                raise HttpError(400, "the body is not a JSON object")
            return self.service.owner_select(request)
        raise HttpError(404, f"no {method} {path}")


def _preflight(methods: str) -> Reply:
    return Reply(204, headers={"Access-Control-Allow-Methods": methods,
                               "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
                               "Access-Control-Max-Age": "86400"})


def _form(text: str, where: str) -> dict[str, list[str]]:
    """Form fields from a query string or an urlencoded body, strictly UTF-8."""
    if not text.isascii():
        raise HttpError(400, f"the {where} has bytes that are not percent-encoded")
    try:
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict",
                        max_num_fields=MAX_FORM_FIELDS)
    except UnicodeDecodeError:
        raise HttpError(400, f"the {where} is not valid percent-encoded UTF-8") from None
    except ValueError as error:
        raise HttpError(400, f"bad form encoding in the {where}: {error}") from None


def _one(params: Mapping[str, list[str]], name: str) -> str:
    values = params[name]
    if len(values) != 1:
        raise HttpError(400, f"exactly one {name} parameter is allowed, not {len(values)}")
    return values[0]


def _iri(value: str, name: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError:
        raise HttpError(400, f"{name} is not an absolute IRI: {value!r}") from None


def _dataset(params: Mapping[str, list[str]], default: str, named: str) -> Dataset:
    return Dataset(tuple(_iri(v, default) for v in params.get(default, [])),
                   tuple(_iri(v, named) for v in params.get(named, [])))


def _same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison that does not reveal the length either."""
    return hmac.compare_digest(hashlib.sha256(given.encode("utf-8", "replace")).digest(),
                               hashlib.sha256(expected.encode("utf-8")).digest())


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _query_page(updates: bool) -> bytes:
    """The YASGUI page with the named queries as example tabs (none when the catalogue cannot be read)."""
    try:
        from policykg.queries import list_queries

        examples = [{"name": q.name, "description": q.description, "sparql": _declare_prefixes(q.sparql)}
                    for q in list_queries()]
    except (ImportError, OSError, ValueError, KeyError) as error:
        log.warning("the query page lists no named queries: %s", error)
        examples = []
    config = json.dumps({"examples": examples, "updates": updates}, ensure_ascii=False).replace("<", "\\u003c")
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    return page.replace("__POLICYKG_CONFIG__", config).encode("utf-8")


def _declare_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the policykg prefixes it uses without declaring (the endpoint knows
    them, but a query editor flags them)."""
    missing = [prefix for prefix in PREFIXES
               if re.search(rf"(?<![\w-]){re.escape(prefix)}:", sparql)
               and not re.search(rf"PREFIX\s+{re.escape(prefix)}:", sparql, re.IGNORECASE)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + sparql


# ── Running a server that owns a data directory's store ─────────────────────────────────────────────────

def start(data_dir: Path, settings: ServerSettings) -> EndpointServer:
    """Open the store of ``data_dir`` for writing, bind, and announce the server in ``server.json``."""
    store = OxigraphStore(oxigraph_dir(data_dir))
    try:
        server = EndpointServer(SparqlService(store, settings, secrets.token_urlsafe(32)), data_dir)
    except OSError:
        store.flush()
        raise
    _write_private_json(data_dir / SERVER_FILE,
                        {"url": server.url, "pid": os.getpid(), "secret": server.service.secret})
    return server


def _write_private_json(path: Path, value: Any) -> None:
    """Write ``value`` readable by this user only, replacing the file atomically."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(value, handle)
    os.replace(temporary, path)


# ── The client side of the owner channel ───────────────────────────────────────────────────────────────
