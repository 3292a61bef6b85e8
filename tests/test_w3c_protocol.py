"""The W3C SPARQL 1.1 Protocol tests (shared/w3c/manifest.ttl), each against a real `policykg serve` over HTTP.

Three times: with --allow-update (and its --token) every test must pass (34/34), with the union
default graph (the default) and without it; read-only, every query test must
pass and every update test must be refused with 403 (the bad_* update tests
expect a 4xx, which they get either way).

The manifest lives outside the repository (env POLICYKG_W3C_DIR, else
../shared/w3c from the repository root): without it the tests skip, and fail
under CI=true.
"""
from __future__ import annotations

import http.client
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from policykg.graph.remote import RemoteStore

W3C_DIR = Path(os.environ.get("POLICYKG_W3C_DIR") or Path(__file__).resolve().parents[1].parent / "shared" / "w3c")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

RESULT_TYPES = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                "text/csv": ox.QueryResultsFormat.CSV,
                "text/tab-separated-values": ox.QueryResultsFormat.TSV}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: frozenset[int]
    """First digits of the acceptable status codes (2 for 2xx)."""
    format: str | None
    boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    name: str
    title: str
    graphs: dict[str, Path]
    """Graph name → N-Triples file loaded into it before the test."""
    requests: list[Request]


def load_manifest(directory: Path) -> list[ProtocolTest]:
    manifest = Graph().parse(directory / "manifest.ttl", format="turtle", publicID=directory.as_uri() + "/")
    (root,) = manifest.subjects(RDF.type, MF.Manifest)
    tests = []
    for test in Collection(manifest, manifest.value(root, MF.entries)):
        graphs = {str(manifest.value(data, RDFS.label)): Path(urlsplit(str(manifest.value(data, UT.graph))).path)
                  for data in manifest.objects(test, UT.graphData)}
        action = manifest.value(test, MF.action)
        requests = [_request(manifest, node) for node in Collection(manifest, manifest.value(action, HT.requests))]
        tests.append(ProtocolTest(str(test).rsplit("#", 1)[-1], str(manifest.value(test, MF.name)), graphs, requests))
    return tests


def _request(manifest: Graph, node: URIRef) -> Request:
    headers = {}
    header_list = manifest.value(node, HT.headers)
    if header_list is not None:
        for header in Collection(manifest, header_list):
            headers[str(manifest.value(header, HT.fieldName))] = str(manifest.value(header, HT.fieldValue))
    body = manifest.value(node, HT.body)
    encoded = None
    if body is not None:
        encoding = str(manifest.value(body, CNT.characterEncoding) or "UTF-8")
        encoded = str(manifest.value(body, CNT.chars)).encode(encoding)
    response = manifest.value(node, HT.resp)
    statuses = frozenset(int(str(code).removeprefix(HTS)[0]) for code in manifest.objects(response, MF.expectedStatus))
    expected_format = manifest.value(response, MF.expectedFormat)
    boolean = manifest.value(response, MF.expectedBoolean)
    return Request(str(manifest.value(node, HT.methodName)), str(manifest.value(node, HT.absolutePath)), headers,
                   encoded, statuses, str(expected_format) if expected_format is not None else None,
                   boolean.toPython() if boolean is not None else None)


TESTS = load_manifest(W3C_DIR) if (W3C_DIR / "manifest.ttl").exists() else []
TOKEN = "w3c-test-token"
MODES = {"update": ("--allow-update", "--token", TOKEN),
         "update-no-union": ("--allow-update", "--token", TOKEN, "--no-union-default-graph"), "read-only": ()}


@pytest.fixture(scope="module")
def servers(serve) -> dict[str, object]:
    return {mode: serve(*options) for mode, options in MODES.items()}


def send(url: str, request: Request) -> tuple[int, str, bytes]:
    """Send the request with /sparql/ rewritten to the endpoint's path, and the update token (updates need
    one; the read-only server refuses them whatever the token): status, media type, body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        path = "/sparql" + request.path.removeprefix("/sparql/").removeprefix("/sparql")
        connection.request(request.method, path, body=request.body,
                           headers=request.headers | {"Authorization": f"Bearer {TOKEN}"})
        response = connection.getresponse()
        return response.status, (response.getheader("Content-Type") or "").split(";")[0].strip(), response.read()
    finally:
        connection.close()


def check_format(request: Request, media_type: str, body: bytes) -> None:
    """The response is in a format of the kind the test expects (and holds the expected boolean)."""
    if request.format in ("boolean", "tabular"):
        assert media_type in RESULT_TYPES, f"{media_type!r} is not a SPARQL results format"
        if request.format == "boolean":
            assert media_type in ("application/sparql-results+json", "application/sparql-results+xml")
        results = ox.parse_query_results(body, format=RESULT_TYPES[media_type])
        if request.format == "boolean":
            assert isinstance(results, ox.QueryBoolean)
            if request.boolean is not None:
                assert bool(results) is request.boolean
        else:
            assert isinstance(results, ox.QuerySolutions)
            list(results)
    elif request.format == "RDF":
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        assert rdf_format in (ox.RdfFormat.RDF_XML, ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES), media_type
        list(ox.parse(body, format=rdf_format))


def reset_store(server, test: ProtocolTest) -> None:
    """Empty the store and load the test's graphs, through the server's owner channel (it holds the store)."""
    store = RemoteStore.discover(server.data_dir)
    for name in store.graph_names():
        store.remove_graph(name)
    store.replace_graphs({name: [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(name))
                                 for q in ox.parse(path=W3C_DIR / path.name, format=ox.RdfFormat.N_TRIPLES)]
                          for name, path in test.graphs.items()})


if not TESTS:
    @pytest.mark.parametrize("mode", list(MODES))
    def test_w3c_manifest_present(mode: str) -> None:
        message = f"no W3C protocol manifest in {W3C_DIR} (set POLICYKG_W3C_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
else:
    def test_the_manifest_holds_the_34_tests() -> None:
        assert len(TESTS) == 34
        assert sum(t.name.startswith("update_") for t in TESTS) == 7

    @pytest.mark.parametrize("mode", list(MODES))
    @pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
    def test_w3c_protocol(servers, mode: str, test: ProtocolTest) -> None:
        server = servers[mode]
        reset_store(server, test)
        for number, request in enumerate(test.requests, start=1):
            status, media_type, body = send(server.url, request)
            where = f"{test.name} ({test.title}), request {number}: {status} {body[:300]!r}"
            assert b"Traceback" not in body, where
            if mode == "read-only" and test.name.startswith("update_"):
                assert status == 403, where
                return
            assert status // 100 in request.statuses, where
            if request.format and status // 100 == 2:
                check_format(request, media_type, body)
