"""The SPARQL endpoint: ``policykg serve``, over the embedded Oxigraph store, with pyoxigraph as the engine.

Endpoints (all under one origin; bound to 127.0.0.1 unless ``--host`` says otherwise):

``/sparql``
    SPARQL 1.1 Protocol: queries by GET, by POST form-encoded and by POST
    ``application/sparql-query``; updates by POST form-encoded and
    ``application/sparql-update`` (only with ``--allow-update``, which needs
    ``--token``; 403 otherwise, 401 without the token as ``Authorization: Bearer``). Datasets by
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

Limits: the server never makes an outbound request (SERVICE and LOAD are refused with 400 on the parsed text,
and the processes that evaluate SPARQL cannot open a network socket); queries and /render pages run in worker
processes killed at ``--query-timeout`` (503), each under ``--query-memory``; a result over ``--max-results``
rows or triples is refused with 413 rather than silently truncated (GET /store too), so no tool mistakes a part
for the whole; a request body over ``--max-body`` bytes gets 413. Browsers: the Host header must name this
server (DNS rebinding), writes never get CORS headers and need the token. See docs/server.md for the design.

Modules, by concern: protocol (settings, replies, errors), checks (what is decided on the query text),
negotiation (formats), security (Host, CORS, token), page (the query page), sandbox (seccomp, memory),
worker and pool (the processes queries run in), service (operations on the store), app (HTTP and ``start``).
"""
from policykg.server.app import EndpointServer, start
from policykg.server.protocol import Dataset, HttpError, Reply, ServerSettings
from policykg.server.service import SparqlService

__all__ = ["Dataset", "EndpointServer", "HttpError", "Reply", "ServerSettings", "SparqlService", "start"]
