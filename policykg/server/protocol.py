"""What every part of the endpoint shares: its settings, a reply, an HTTP error, and the protocol's request values."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import pyoxigraph as ox

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
UTF8_CHARSETS = {"utf-8", "utf8"}
MAX_FORM_FIELDS = 1000


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 7879
    allow_update: bool = False
    token: str | None = None
    query_timeout: float = 30.0
    """Seconds; 0 for none."""
    max_results: int = 100_000
    """Rows (SELECT) or triples (CONSTRUCT/DESCRIBE, GET /store) in one answer; 0 for no limit."""
    max_body: int = 16 * 1024 * 1024
    union_default_graph: bool = True
    query_workers: int = max(2, os.cpu_count() or 2)
    """Worker processes, so queries (and /render pages) evaluated at once; more wait for a free one."""
    query_memory: int = 2048
    """MiB of data memory a query's worker process may use (RLIMIT_DATA); 0 for no limit."""
    allowed_hosts: tuple[str, ...] = ()
    """Host names, beyond the bound address and loopback, that clients may name in the Host header."""

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise ValueError("--host is empty: give an address (127.0.0.1, or 0.0.0.0 for every interface)")
        if self.allow_update and not self.token:
            raise ValueError("--allow-update needs --token (or POLICYKG_SERVER_TOKEN): without one, any web page "
                             "the browser opens could change the store")
        if self.query_workers < 1:
            raise ValueError("--query-workers must be at least 1")


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


@dataclass(frozen=True)
class Dataset:
    """A dataset given by the protocol: IRIs of the default graph's parts and of the named graphs."""
    default: tuple[ox.NamedNode, ...] = ()
    named: tuple[ox.NamedNode, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


def parse_form(text: str, where: str) -> dict[str, list[str]]:
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


def one(params: Mapping[str, list[str]], name: str) -> str:
    values = params[name]
    if len(values) != 1:
        raise HttpError(400, f"exactly one {name} parameter is allowed, not {len(values)}")
    return values[0]


def iri(value: str, name: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError:
        raise HttpError(400, f"{name} is not an absolute IRI: {value!r}") from None


def dataset(params: Mapping[str, list[str]], default: str, named: str) -> Dataset:
    return Dataset(tuple(iri(v, default) for v in params.get(default, [])),
                   tuple(iri(v, named) for v in params.get(named, [])))
