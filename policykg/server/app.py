"""HTTP for the SPARQL service: the server, the request handler and its routes, and ``start``.

One thread per connection (``http.server``); each request is checked (Host header, then access), routed, and
answered with a plain-text reason when it fails, never a stack trace. The work itself is in service.py.
"""
from __future__ import annotations

import json
import logging
import os
import re
import secrets
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from policykg.config import oxigraph_dir
from policykg.graph.remote import SECRET_HEADER, SERVER_FILE
from policykg.graph.store import OxigraphStore
from policykg.server.page import query_page, static_assets
from policykg.server.protocol import (FORM, SPARQL_QUERY, SPARQL_UPDATE, UTF8_CHARSETS, HttpError, Reply,
                                      ServerSettings, dataset, iri, one, parse_form)
from policykg.server.security import (READ_ORIGINS, allowed_hosts, check_host, check_write_access, is_loopback,
                                      preflight, same_secret)
from policykg.server.service import SparqlService

log = logging.getLogger(__name__)

SNAPSHOTS = "oxigraph-snapshots"
"""In the data directory: the read-only copies of the store the query workers read (pool.py)."""
EVERY_INTERFACE = ("0.0.0.0", "::")


class EndpointServer(ThreadingHTTPServer):
    """One thread per connection; the store, settings and secret live in ``service``."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, service: SparqlService, data_dir: Path | None = None) -> None:
        settings = service.settings
        self.address_family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
        super().__init__((settings.host, settings.port), _Handler)
        self.service = service
        self.data_dir = data_dir
        self.page = query_page(settings.allow_update)
        self.static = static_assets()
        self.every_interface = self.server_address[0] in EVERY_INTERFACE
        self.hosts = allowed_hosts(settings, self.server_address[0])

    @property
    def url(self) -> str:
        """The URL local clients reach the server at (loopback when bound to every interface)."""
        host, port = self.server_address[:2]
        if host in EVERY_INTERFACE:
            host = "::1" if self.address_family == socket.AF_INET6 else "127.0.0.1"
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def listening(self) -> str:
        """Where the server listens, in words."""
        host, port = self.server_address[:2]
        where = "every interface" if host in EVERY_INTERFACE else "loopback only" if is_loopback(host) else host
        return f"{host}:{port} ({where})"

    def close(self) -> None:
        """Stop answering, forget server.json (when it is still ours), stop the workers and flush the store."""
        self.server_close()
        if self.data_dir is not None:
            path = self.data_dir / SERVER_FILE
            try:
                if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                    path.unlink()
            except (OSError, ValueError):
                pass
        self.service.close()


class _Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    protocol_version = "HTTP/1.1"
    server_version = "policykg"
    sys_version = ""
    default_request_version = "HTTP/1.0"
    """So that even a request line too broken to name its version is answered with a status line."""
    timeout = 60
    """Seconds a connection may stay silent (slow or idle clients)."""
    disable_nagle_algorithm = True
    """The status line and headers, then the body, are two writes: with Nagle's algorithm the body waits for
    the client's delayed ACK of the first, 40 ms on Linux, which was most of a small answer's latency."""

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
        self._writes = False
        path = urlsplit(self.path).path
        try:
            check_host(self.headers.get("Host"), self.server.hosts, self.server.server_address[1],
                       self.server.every_interface)
            reply = self._route(method, path)
        except HttpError as error:
            reply = error.reply()
        except Exception:  # the client gets a reason without internals; the log gets the traceback
            log.exception("error answering %s %s", method, self.path)
            reply = HttpError(500, "internal server error (details are in the server log)").reply()
        if not self._writes and not path.startswith("/_policykg/"):
            for name, value in READ_ORIGINS.items():
                reply.headers.setdefault(name, value)
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
        """The server's own URL as the client addressed it (the Host header, checked in ``_dispatch``)."""
        return f"http://{self.headers.get('Host', '').strip()}"

    def _params(self) -> dict[str, list[str]]:
        return parse_form(urlsplit(self.path).query, "URL")

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
        self._writes = True
        check_write_access(self.headers, self.service.settings, self._base())

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
        """The HTML graph of a named query: ``/render/who-said-what?about=Meta``, under the query limits."""
        return self.service.render(name, {key: values[-1] for key, values in self._params().items()})

    def _sparql(self, method: str) -> Reply:
        if method == "OPTIONS":
            return preflight("GET, HEAD, POST, OPTIONS")
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
            return self.service.query(one(params, "query"), dataset(params, "default-graph-uri", "named-graph-uri"),
                                      accept, endpoint)
        media, charset = self._content_type()
        if media == SPARQL_UPDATE:
            self._check_write_access()
        if media in (SPARQL_QUERY, SPARQL_UPDATE):
            if "query" in params or "update" in params:
                raise HttpError(400, f"a {media} request carries the operation in its body, not in the URL")
            text = self._text_body(charset)
            if media == SPARQL_QUERY:
                return self.service.query(text, dataset(params, "default-graph-uri", "named-graph-uri"),
                                          accept, endpoint)
            return self.service.update(text, dataset(params, "using-graph-uri", "using-named-graph-uri"), endpoint)
        if media == FORM:
            for name, values in parse_form(self._text_body(charset), "body").items():
                params.setdefault(name, []).extend(values)
            if "query" in params and "update" in params:
                raise HttpError(400, "a request carries either a query or an update, not both")
            if "update" in params:
                self._check_write_access()
                return self.service.update(one(params, "update"),
                                           dataset(params, "using-graph-uri", "using-named-graph-uri"), endpoint)
            if "query" in params:
                return self.service.query(one(params, "query"),
                                          dataset(params, "default-graph-uri", "named-graph-uri"), accept, endpoint)
            raise HttpError(400, "the form has no query or update parameter")
        raise HttpError(415, f"unsupported Content-Type {media or '(none)'!r}: POST {SPARQL_QUERY}, "
                             f"{SPARQL_UPDATE} or {FORM}")

    def _graph_store(self, method: str) -> Reply:
        if method == "OPTIONS":
            return preflight("GET, HEAD, OPTIONS")
        params = self._params()
        if "graph" in params and "default" in params:
            raise HttpError(400, "name one target: ?graph=IRI or ?default")
        target: ox.NamedNode | ox.DefaultGraph | None = (
            iri(one(params, "graph"), "graph") if "graph" in params else ox.DefaultGraph() if "default" in params
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
        if not (is_loopback(client) or client == local) or not same_secret(
                self.headers.get(SECRET_HEADER, ""), self.service.secret):
            raise HttpError(403, "forbidden")
        params = self._params()
        if path == "/_policykg/ping" and method == "GET":
            return Reply(200, json.dumps({"pid": os.getpid()}).encode(), "application/json")
        if path == "/_policykg/quads" and method == "GET":
            return self.service.owner_quads(one(params, "graph") if "graph" in params else None,
                                            params.get("predicate", []))
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



# ── Running a server that owns a data directory's store ─────────────────────────────────────────────────

def start(data_dir: Path, settings: ServerSettings) -> EndpointServer:
    """Open the store of ``data_dir`` for writing, bind, start the query workers, and announce the server in
    ``server.json``."""
    store = OxigraphStore(oxigraph_dir(data_dir))
    service = SparqlService(store, settings, secrets.token_urlsafe(32), data_dir / SNAPSHOTS)
    try:
        server = EndpointServer(service, data_dir)
    except OSError:
        service.close()
        raise
    threading.Thread(target=service.pool.warm, name="policykg-warm", daemon=True).start()
    write_private_json(data_dir / SERVER_FILE, {"url": server.url, "pid": os.getpid(), "secret": service.secret})
    return server


def write_private_json(path: Path, value: Any) -> None:
    """Write ``value`` readable by this user only, replacing the file atomically."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(value, handle)
    os.replace(temporary, path)
