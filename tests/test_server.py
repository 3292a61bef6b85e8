"""The SPARQL endpoint (policykg/server/) through real `policykg serve` processes and real clients (SPARQLWrapper,
raw HTTP, raw sockets), and the commands that reach a store the server owns."""
from __future__ import annotations

import csv
import http.client
import io
import json
import random
import re
import socket
import stat
import time
from collections import Counter
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

from policykg import queries
from policykg.cli import main
from policykg.graph.remote import RemoteStore
from policykg.server import HttpError
from policykg.server.checks import refuse_remote_access, with_using
from policykg.graph.store import OxigraphStore
from policykg.loaders.rdf import graph_iri
from policykg.pipeline import write_extractions
from policykg.ontology import sparql_prefixes
from policykg.graph.open import open_rdf_store

STATEMENTS_BY_SPEAKER = sparql_prefixes() + """
SELECT ?speaker (COUNT(?statement) AS ?n) WHERE { ?statement a pk:Statement ; pk:speaker ?id .
  { SELECT DISTINCT ?id ?speaker { ?id rdfs:label ?speaker } } }
GROUP BY ?speaker"""
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def request(url: str, method: str = "GET", path: str = "/sparql", body: bytes | str | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def select(url: str, sparql: str, accept: str = "application/sparql-results+json", **params: str) -> list[dict]:
    query = "&".join(f"{k.replace('_', '-')}={quote(v, safe='')}" for k, v in params.items())
    status, _, body = request(url, "POST", "/sparql" + (f"?{query}" if query else ""), sparql,
                              {"Content-Type": "application/sparql-query", "Accept": accept})
    assert status == 200, body
    results = ox.parse_query_results(body, format=ox.QueryResultsFormat.from_media_type(accept))
    return [{v.value: s[v] for v in results.variables if s[v] is not None} for s in results]


def load(server, extractions) -> dict[str, int]:
    """Write the articles through the server's owner channel; statements per speaker label."""
    store = RemoteStore.discover(server.data_dir)
    write_extractions([store], extractions)
    return Counter(e.entities[s.speaker].label for e in extractions for s in e.statements)


@pytest.fixture(scope="module")
def ro(serve):
    return serve()


@pytest.fixture
def articles(ro, debate_extractions) -> dict[str, int]:
    return load(ro, debate_extractions)


def test_the_owner_channel_reads_one_graph_and_one_predicate(ro, articles, debate_extractions):
    remote, graph, speaker = RemoteStore.discover(ro.data_dir), str(graph_iri(debate_extractions[0].article.id)), \
        "https://w3id.org/policykg/ontology#speaker"
    quads = set(remote.quads(graph))
    assert quads and {quad.graph_name.value for quad in quads} == {graph}
    assert set(remote.quads(graph, [speaker])) == {quad for quad in quads if quad.predicate.value == speaker} != set()
    kinds = [speaker, "https://w3id.org/policykg/ontology#kind"]
    assert set(remote.quads(graph, kinds)) == {quad for quad in quads if quad.predicate.value in kinds}


# ── Queries ───────────────────────────────────────────────────────────────────────────────────────────────

def test_select_as_json_xml_and_csv_through_sparqlwrapper(ro, articles):
    client = SPARQLWrapper(ro.sparql)
    client.setQuery(STATEMENTS_BY_SPEAKER)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert {row["speaker"]["value"]: int(row["n"]["value"]) for row in rows} == articles

    client.setReturnFormat(XML)
    document = client.query().convert()
    names = [node.firstChild.nodeValue for node in document.getElementsByTagName("literal")]
    assert sorted(n for n in names if not n.isdigit()) == sorted(articles)

    client.setMethod(POST)
    client.setReturnFormat(CSV)
    lines = client.query().convert().decode("utf-8").splitlines()
    assert lines[0] == "speaker,n" and len(lines) == len(articles) + 1


def test_ask_and_construct_through_sparqlwrapper(ro, articles, debate_extractions):
    client = SPARQLWrapper(ro.sparql)
    client.setReturnFormat(JSON)
    client.setQuery('PREFIX pk: <https://w3id.org/policykg/ontology#> ASK { ?s pk:stance "against" }')
    assert client.query().convert()["boolean"] is True
    client.setQuery('PREFIX pk: <https://w3id.org/policykg/ontology#> ASK { ?s pk:stance "sideways" }')
    assert client.query().convert()["boolean"] is False

    client.setQuery("CONSTRUCT { ?s pk:speaker ?o } WHERE { ?s pk:speaker ?o }")
    client.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == sum(len(e.statements) for e in debate_extractions)


@pytest.mark.parametrize("accept, rdf_format", [
    ("application/n-triples", ox.RdfFormat.N_TRIPLES), ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML), ("text/turtle;q=0.5, application/ld+json", ox.RdfFormat.JSON_LD),
])
def test_construct_in_each_rdf_format(ro, articles, accept, rdf_format):
    status, headers, body = request(ro.url, "GET", "/sparql?query=" + quote(
        "CONSTRUCT WHERE { ?s <https://w3id.org/policykg/ontology#stance> ?o }"), headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(rdf_format.media_type)
    assert len(list(ox.parse(body, format=rdf_format))) == sum(articles.values())


def test_unsupported_accept_is_406(ro):
    status, headers, body = request(ro.url, "GET", "/sparql?query=" + quote("SELECT * {}"), headers={"Accept": "image/png"})
    assert status == 406 and headers["content-type"].startswith("text/plain") and b"text/csv" in body
    assert request(ro.url, "GET", "/sparql?query=ASK%7B%7D", headers={"Accept": "text/csv"})[0] == 406


def test_tricky_terms_survive_every_results_format(ro):
    objects = [ox.Literal('tab\there, "quoted", back\\slash,\nnew line'), ox.Literal("Sécurité", language="fr"),
               ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
               ox.Literal(""), ox.NamedNode("http://example.org/a,b")]
    graph = ox.NamedNode("urn:test:tricky")
    RemoteStore.discover(ro.data_dir).replace_graphs(
        {graph.value: [ox.Quad(ox.NamedNode(f"urn:s:{i}"), ox.NamedNode("urn:p"), o, graph) for i, o in enumerate(objects)]})
    query = "SELECT ?o WHERE { GRAPH <urn:test:tricky> { ?s ?p ?o } }"
    for accept in ("application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"):
        assert Counter(row["o"] for row in select(ro.url, query, accept)) == Counter(objects), accept
    status, _, body = request(ro.url, "POST", "/sparql", query,
                              {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    header, *rows = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
    assert header == ["o"] and Counter(row[0] if row else "" for row in rows) == Counter(o.value for o in objects)


def test_default_graph_is_the_union_unless_the_request_or_query_names_one(ro, articles, debate_extractions):
    count = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
    one = str(graph_iri(debate_extractions[0].article.id))
    assert select(ro.url, count)[0]["n"].value == str(len(debate_extractions))
    assert select(ro.url, count, default_graph_uri=one)[0]["n"].value == "1"
    assert select(ro.url, count.replace("WHERE", f"FROM <{one}> WHERE"))[0]["n"].value == "1"
    # "from" in comment lines, or in a long string, names no dataset; on a line of its own after a comment, it does
    commented = f"# the articles, counted from every graph\n{count}"
    assert select(ro.url, commented)[0]["n"].value == str(len(debate_extractions))
    long_string = count.replace("}", '\nFILTER(STRLEN("""x\n# from <urn:g>""") > 0) }')
    assert select(ro.url, long_string)[0]["n"].value == str(len(debate_extractions))
    assert select(ro.url, count.replace("WHERE", f"# a comment\n  FROM <{one}> WHERE"))[0]["n"].value == "1"
    # named-graph-uri alone: an empty default graph, and only that named graph
    assert select(ro.url, count, named_graph_uri=one)[0]["n"].value == "0"
    graphs = select(ro.url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graph_uri=one)
    assert [row["g"].value for row in graphs] == [one]


def test_without_the_union_the_default_graph_is_the_stores_own(serve, debate_extractions):
    server = serve("--no-union-default-graph")
    load(server, debate_extractions)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
    assert select(server.url, count)[0]["n"].value == "0"
    assert select(server.url, count.replace("WHERE", "WHERE { GRAPH ?g").replace("}", "} }"))[0]["n"].value == "5"


def test_service_description(ro):
    status, headers, body = request(ro.url, "GET", "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"] == "text/turtle"
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = rdflib.URIRef(ro.sparql)
    assert (service, sd.endpoint, service) in graph
    assert set(graph.objects(service, sd.supportedLanguage)) == {sd.SPARQL11Query}
    assert request(ro.url, "GET", "/sparql", headers={"Accept": "text/html"})[0] == 303


def test_cors(ro):
    status, headers, _ = request(ro.url, "OPTIONS", "/sparql", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and headers["access-control-allow-origin"] == "*"
    assert "POST" in headers["access-control-allow-methods"] and "Content-Type" in headers["access-control-allow-headers"]
    assert "Authorization" not in headers["access-control-allow-headers"]  # so no cross-site page sends a token
    assert request(ro.url, "GET", "/sparql?query=ASK%7B%7D")[1]["access-control-allow-origin"] == "*"


def test_query_page_is_served_from_the_package(ro):
    status, headers, page = request(ro.url, "GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    html = page.decode()
    assert re.findall(r'(?:src|href)="([^"]+)"', html) == ["static/yasgui/yasgui.min.css", "static/yasgui/yasgui.min.js"]
    config = json.loads(re.search(r'<script id="policykg-config" type="application/json">(.*?)</script>', html, re.S)[1])
    from policykg.queries import list_queries

    assert [e["name"] for e in config["examples"]] == [q.name for q in list_queries()]
    assert config["updates"] is False
    for asset in ("yasgui.min.js", "yasgui.min.css"):
        status, headers, body = request(ro.url, "GET", f"/static/yasgui/{asset}")
        assert status == 200 and len(body) > 10_000
    assert request(ro.url, "GET", "/static/yasgui/../../server.py")[0] == 404


@pytest.mark.browser
def test_the_query_page_runs_a_named_query_in_a_browser_without_leaving_the_server(ro, articles, debate_extractions,
                                                                                   chromium_browser):
    page = chromium_browser.new_page()
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(ro.url + "/")
    page.click("#examples button:has-text('who-said-what')")
    page.click(".tabPanel.active .yasqe_queryButton")
    page.wait_for_selector(".tabPanel.active .yasr table tbody tr", timeout=20_000)
    shown = page.locator(".tabPanel.active .yasr table tbody tr").count()
    page.close()
    statement_targets = sum(max(1, len(s.targets)) for e in debate_extractions for s in e.statements)
    assert shown == min(statement_targets, 50)  # YASR's table shows 50 rows a page
    assert problems == []
    assert requests and all(url.startswith(ro.url + "/") for url in requests), requests


# ── Updates and access ───────────────────────────────────────────────────────────────────────────────────

INSERT = 'INSERT DATA { GRAPH <urn:test:added> { <urn:test:s> <urn:test:p> "added" } }'
ADDED = "ASK { GRAPH <urn:test:added> { <urn:test:s> <urn:test:p> \"added\" } }"


def ask(url: str, query: str) -> bool:
    status, _, body = request(url, "GET", "/sparql?query=" + quote(query))
    assert status == 200, body
    return json.loads(body)["boolean"]


def test_read_only_refuses_every_write_with_403(ro):
    attempts = [
        ("POST", "/sparql", INSERT, {"Content-Type": "application/sparql-update"}),
        ("POST", "/sparql", "update=" + quote(INSERT), {"Content-Type": "application/x-www-form-urlencoded"}),
        ("GET", "/sparql?update=" + quote(INSERT), None, {}),
        ("PUT", "/store?graph=urn:test:added", "<urn:a> <urn:b> <urn:c> .", {"Content-Type": "application/n-triples"}),
        ("DELETE", "/store?default", None, {}),
    ]
    for method, path, body, headers in attempts:
        status, _, reply = request(ro.url, method, path, body, headers)
        assert status == 403 and b"--allow-update" in reply, (method, path)
    assert not ask(ro.url, ADDED)


def test_updates_need_the_token(serve):
    server = serve("--allow-update", "--token", TOKEN)
    for authorization in (None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"):
        headers = {"Content-Type": "application/sparql-update"} | ({"Authorization": authorization} if authorization else {})
        status, reply_headers, _ = request(server.url, "POST", "/sparql", INSERT, headers)
        assert status == 401 and reply_headers["www-authenticate"].startswith("Bearer")
    assert not ask(server.url, ADDED)

    client = SPARQLWrapper(server.sparql)
    client.setMethod(POST)
    client.setQuery(INSERT)
    client.addCustomHttpHeader("Authorization", "Bearer wrong")
    with pytest.raises(Unauthorized):
        client.query()
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    assert client.query().response.status == 204
    assert ask(server.url, ADDED)
    # reading needs no token
    assert request(server.url, "GET", "/store?graph=urn:test:added")[0] == 200


def test_graph_store_protocol(serve):
    server = serve("--allow-update", "--token", TOKEN)
    target = "/store?graph=" + quote("http://example.org/g", safe="")
    turtle = "@prefix ex: <http://example.org/> . ex:a ex:p ex:b , <#relative> ."
    assert request(server.url, "PUT", target, turtle, {"Content-Type": "text/turtle"})[0] == 401
    assert request(server.url, "PUT", target, turtle, {"Content-Type": "text/turtle"} | AUTH)[0] == 201
    assert request(server.url, "PUT", target, turtle, {"Content-Type": "text/turtle"} | AUTH)[0] == 204
    assert request(server.url, "POST", target, "<http://example.org/c> <http://example.org/p> \"x\"@en .",
                   {"Content-Type": "application/n-triples"} | AUTH)[0] == 204
    status, headers, body = request(server.url, "GET", target, headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"] == "application/n-triples"
    triples = {(str(t.subject), str(t.object)) for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
    assert triples == {("<http://example.org/a>", "<http://example.org/b>"),
                       ("<http://example.org/a>", "<http://example.org/g#relative>"),
                       ("<http://example.org/c>", '"x"@en')}
    assert request(server.url, "PUT", target, "not turtle {", {"Content-Type": "text/turtle"} | AUTH)[0] == 400
    assert request(server.url, "PUT", target, turtle, {"Content-Type": "image/png"} | AUTH)[0] == 415
    assert request(server.url, "DELETE", target, headers=AUTH)[0] == 204
    assert request(server.url, "GET", target)[0] == 404
    assert request(server.url, "DELETE", target, headers=AUTH)[0] == 404


# ── No outbound request, ever ────────────────────────────────────────────────────────────────────────────

def test_service_and_load_are_refused_and_nothing_is_fetched(serve):
    server = serve("--allow-update", "--token", TOKEN)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.settimeout(1.0)
        remote = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        queries = [f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
                   f"select * {{ {{ SELECT * {{ service silent <{remote}> {{ }} }} }} }}",
                   f"SELECT * {{ ?s ?p ?o }}SERVICE<{remote}>{{}}",
                   f"SELECT * WHERE {{ # comment\n\tSERVICE ?endpoint {{ }} VALUES ?endpoint {{ <{remote}> }} }}"]
        for query in queries:
            status, _, body = request(server.url, "POST", "/sparql", query, {"Content-Type": "application/sparql-query"})
            assert status == 400 and b"SERVICE" in body, query
        for update in (f"LOAD <{remote}>", f"LOAD SILENT <{remote}> INTO GRAPH <urn:g>",
                       f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"):
            status, _, body = request(server.url, "POST", "/sparql", update,
                                      {"Content-Type": "application/sparql-update"} | AUTH)
            assert status == 400 and b"is not allowed" in body, update
        # Oxigraph does not decode \u escapes outside strings and IRIs: an escaped keyword is a syntax error
        query = "SELECT * WHERE { \\u0053ERVICE <%s> { ?s ?p ?o } }" % remote
        assert request(server.url, "POST", "/sparql", query, {"Content-Type": "application/sparql-query"})[0] == 400
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize("text", [
    'SELECT * { ?s <http://example.org/SERVICE> "SERVICE" } # SERVICE <http://x> {}',
    "SELECT ?service ?LOAD { ?service ex:SERVICE ?LOAD . FILTER(?x < 3 && ?y > 2) }",
    "SELECT * { ?s ?p '''a ' SERVICE <x> {} '' ''' }",
    'SELECT * { ?s ?p "x"@service }',
])
def test_the_check_passes_service_and_load_in_names_strings_iris_and_comments(text):
    refuse_remote_access(text)


@pytest.mark.parametrize("text", [
    "SELECT * {SERVICE<http://x>{}}", "SELECT * {\n  sErViCe <http://x> {} }", "LOAD <http://x>",
    "SELECT * { ?s ?p \"unterminated\n SERVICE <http://x> {} }", "SELECT * { FILTER(?a<?b) SERVICE <http://x> {} }",
])
def test_the_check_finds_service_and_load(text):
    with pytest.raises(HttpError):
        refuse_remote_access(text, update=text.startswith("LOAD"))


def test_using_graph_uri_becomes_using_clauses():
    using, named = [ox.NamedNode("urn:a")], [ox.NamedNode("urn:n")]
    update = "DELETE WHERE { ?s ?p ?o } ; INSERT { ?s ?p 1 } WHERE { { SELECT ?s ?p WHERE { ?s ?p ?o } } }"
    assert with_using(update, using, named) == (
        "DELETE { ?s ?p ?o } USING <urn:a> USING NAMED <urn:n> WHERE { ?s ?p ?o } ; "
        "INSERT { ?s ?p 1 } USING <urn:a> USING NAMED <urn:n> WHERE { { SELECT ?s ?p WHERE { ?s ?p ?o } } }")
    with pytest.raises(HttpError):
        update = "WITH <urn:w> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
        with_using(update, using, [])


# ── Limits ───────────────────────────────────────────────────────────────────────────────────────────────

def test_result_and_body_limits(serve, debate_extractions):
    server = serve("--max-results", "5", "--max-body", "2000")
    load(server, debate_extractions)
    status, _, body = request(server.url, "GET", "/sparql?query=" + quote("SELECT * { ?s ?p ?o }"))
    assert status == 413 and b"more than 5 rows" in body and b"LIMIT" in body
    assert request(server.url, "GET", "/sparql?query=" + quote("SELECT * { ?s ?p ?o } LIMIT 5"))[0] == 200
    status, _, body = request(server.url, "GET", "/sparql?query=" + quote("CONSTRUCT WHERE { ?s ?p ?o }"))
    assert status == 413 and b"more than 5 triples" in body
    big = "SELECT * { ?s ?p ?o } LIMIT 1 #" + "x" * 3000
    status, headers, body = request(server.url, "POST", "/sparql", big, {"Content-Type": "application/sparql-query"})
    assert status == 413 and headers["connection"] == "close" and b"--max-body" in body
    assert ask(server.url, "ASK {}")
    assert "Traceback" not in server.log.read_text(errors="replace")


def test_a_query_past_the_timeout_gets_503_and_the_server_goes_on(serve):
    server = serve("--query-timeout", "1")
    graph = "urn:test:many"
    RemoteStore.discover(server.data_dir).replace_graphs({graph: [
        ox.Quad(ox.NamedNode(f"urn:s:{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)), ox.NamedNode(graph))
        for i in range(2000)]})
    started = time.monotonic()
    status, _, body = request(server.url, "GET", "/sparql?query=" + quote(
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"))
    assert status == 503 and b"timeout" in body
    assert time.monotonic() - started < 10
    started = time.monotonic()
    assert ask(server.url, "ASK { ?s <urn:p> \"7\" }")
    assert time.monotonic() - started < 10
    server.stop()  # the abandoned evaluation would otherwise go on using a core


# ── Bad and hostile requests ─────────────────────────────────────────────────────────────────────────────

def raw(url: str, data: bytes) -> bytes:
    """Send bytes as they are; what comes back before the server closes or goes quiet."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as connection:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
    return b"".join(chunks)


HOSTILE = [
    b"GET /sparql?query=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /sparql?query=% HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET /sparql?query=ASK{}\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n".encode("latin-1"),
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: -5\r\n\r\nASK {}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: abc\r\n\r\nASK {}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 6\r\nContent-Length: 7\r\n\r\nASK {}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000000000000\r\n\r\nASK {}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: ;;;==\r\nContent-Length: 6\r\n\r\nASK {}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query; charset=\r\nContent-Length: 6\r\n\r\nASK {}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 8\r\n\r\nASK {\xff\xfe}",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\nquery=%C3%28x",
    b"POST /sparql HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\nquery=",
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nAccept: */*;q=x, ;;, ,,\r\n\r\n",
    b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: [evil\r\n\r\n",
    b"GET /sparql?" + b"a=1&" * 5000 + b" HTTP/1.1\r\n\r\n",
    b"GET /sparql?query=" + b"A" * 70000 + b" HTTP/1.1\r\n\r\n",
    b"GET /sparql HTTP/1.1\r\nX-Long: " + b"h" * 70000 + b"\r\n\r\n",
    b"GET /\r\n",
    b"FOO /sparql HTTP/1.1\r\n\r\n",
    b"GET /sparql HTTP/9.9\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)),
    b"GET /_policykg/ping HTTP/1.1\r\nX-Policykg-Secret: guess\r\n\r\n",
    b"POST /_policykg/replace-graphs HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
]


def test_hostile_requests_get_a_plain_4xx_and_never_a_stack_trace(ro):
    rng = random.Random(20240501)
    payloads = HOSTILE + [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))) for _ in range(40)]
    payloads += [b"POST /sparql HTTP/1.1\r\nContent-Type: " + bytes(rng.randrange(33, 127) for _ in range(40))
                 + b"\r\nContent-Length: 4\r\n\r\n" + bytes(rng.randrange(256) for _ in range(4)) for _ in range(20)]
    for payload in payloads:
        answer = raw(ro.url, payload)
        assert b"Traceback" not in answer and b'File "' not in answer, payload[:80]
        if answer:
            assert answer.startswith(b"HTTP/1."), (payload[:80], answer[:200])
            assert int(answer.split(b" ", 2)[1]) != 500, (payload[:80], answer[:200])
    assert raw(ro.url, HOSTILE[0]).startswith(b"HTTP/1.1 421")  # Host: x is not this server
    here = urlsplit(ro.url).netloc.encode()
    assert raw(ro.url, HOSTILE[0].replace(b"Host: x", b"Host: " + here)).startswith(b"HTTP/1.1 400")
    assert ask(ro.url, "ASK {}")
    assert "Traceback" not in ro.log.read_text(errors="replace")


# ── A store owned by a running server ───────────────────────────────────────────────────────────────────

ARTICLE = ("Messaging apps and the encryption row\n\n"
           "Meredith Whittaker, the president of Signal, said that the company would rather leave the country "
           "than weaken its encryption. \"We will walk away,\" she said on Tuesday.\n")


def test_ingest_import_and_stats_go_through_the_server(serve, tmp_path):
    server = serve()
    runner = CliRunner()
    source = tmp_path / "signal-row.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert isinstance(open_rdf_store(server.data_dir), RemoteStore)

    result = runner.invoke(main, ["--data-dir", str(server.data_dir), "ingest", "--no-neo4j", "--language", "en",
                                  str(source)])
    assert result.exit_code == 0, result.output
    rows = select(server.url, sparql_prefixes() + """SELECT ?statement WHERE {
        ?statement a pk:Statement ; pk:article ?doc . ?doc pk:sourceFile "signal-row.txt" }""")
    assert rows, "the ingested article's statements are visible to the server's next query"

    turtle, jsonld = tmp_path / "extra.ttl", tmp_path / "extra.jsonld"
    turtle.write_text("<urn:x:a> <urn:x:p> \"from turtle\" .", encoding="utf-8")
    jsonld.write_text(json.dumps({"@id": "urn:x:b", "urn:x:p": "from json-ld"}), encoding="utf-8")
    result = runner.invoke(main, ["--data-dir", str(server.data_dir), "import", str(turtle), str(jsonld)])
    assert result.exit_code == 0, result.output
    graphs = {row["g"].value: row["o"].value for row in select(server.url, "SELECT ?g ?o { GRAPH ?g { ?s <urn:x:p> ?o } }")}
    assert graphs == {turtle.resolve().as_uri(): "from turtle", jsonld.resolve().as_uri(): "from json-ld"}
    # importing again replaces the graph rather than adding to it
    turtle.write_text("<urn:x:a> <urn:x:p> \"changed\" .", encoding="utf-8")
    assert runner.invoke(main, ["--data-dir", str(server.data_dir), "import", str(turtle)]).exit_code == 0
    assert [r["o"].value for r in select(server.url, f"SELECT ?o {{ GRAPH <{turtle.resolve().as_uri()}> {{ ?s ?p ?o }} }}")] == ["changed"]

    result = runner.invoke(main, ["--data-dir", str(server.data_dir), "stats"])
    assert result.exit_code == 0, result.output
    counts = dict(line.split() for line in result.output.splitlines())
    assert counts["articles"] == "1" and int(counts["statements"]) == len(rows)


def test_the_owner_channel_needs_the_secret(ro):
    for headers in ({}, {"X-Policykg-Secret": "guess"}):
        assert request(ro.url, "GET", "/_policykg/ping", headers=headers)[0] == 403
    secret = json.loads((ro.data_dir / "server.json").read_text())["secret"]
    assert request(ro.url, "GET", "/_policykg/ping", headers={"X-Policykg-Secret": secret})[0] == 200


def test_server_file_is_private_and_removed_at_exit_and_a_second_server_is_refused(serve):
    server = serve()
    path = server.data_dir / "server.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = CliRunner().invoke(main, ["--data-dir", str(server.data_dir), "serve", "--port", "0"])
    assert second.exit_code == 1 and "in use by another process" in second.output
    server.stop()
    assert not path.exists()
    assert isinstance(open_rdf_store(server.data_dir), OxigraphStore)


def test_a_stale_server_file_is_ignored(tmp_path):
    (tmp_path / "server.json").write_text(json.dumps({"url": "http://127.0.0.1:9", "pid": 2**22 + 12345, "secret": "x"}))
    store = open_rdf_store(tmp_path)
    assert isinstance(store, OxigraphStore)
    store.replace_graphs({"urn:g": [ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"),
                                            ox.NamedNode("urn:g"))]})
    assert store.graph_names() == ["urn:g"]


def test_import_without_a_server(tmp_path):
    trig, nt = tmp_path / "data.trig", tmp_path / "more.nt"
    trig.write_text('<urn:x:a> <urn:x:p> "default" . <urn:g:named> { <urn:x:b> <urn:x:p> "named"@en }', encoding="utf-8")
    nt.write_text('<urn:x:c> <urn:x:p> "into the given graph" .', encoding="utf-8")
    data_dir = tmp_path / "data"
    runner = CliRunner()
    assert runner.invoke(main, ["--data-dir", str(data_dir), "import", str(trig)]).exit_code == 0
    result = runner.invoke(main, ["--data-dir", str(data_dir), "import", "--graph", "urn:g:given", str(nt)])
    assert result.exit_code == 0, result.output
    bad = runner.invoke(main, ["--data-dir", str(data_dir), "import", "--graph", "not an iri", str(nt)])
    assert bad.exit_code == 1 and "not an absolute IRI" in bad.output
    unknown = tmp_path / "notes.txt"
    unknown.write_text("hello")
    assert "unknown RDF file extension" in runner.invoke(main, ["--data-dir", str(data_dir), "import", str(unknown)]).output
    store = OxigraphStore(data_dir / "oxigraph", read_only=True)
    assert store.graph_names() == sorted([trig.resolve().as_uri(), "urn:g:named", "urn:g:given"])
    assert [str(q.object) for q in store.quads("urn:g:named")] == ['"named"@en']


def test_a_bad_query_through_the_server_is_a_value_error(ro):
    store = RemoteStore.discover(ro.data_dir)
    with pytest.raises(ValueError, match="syntax"):
        store.select("SELECT * WHERE {")
    result = CliRunner().invoke(main, ["--data-dir", str(ro.data_dir), "sparql", "SELECT * WHERE {"])
    assert result.exit_code == 1 and "SPARQL:" in result.output and "Traceback" not in result.output


def test_named_query_views_are_served_as_offline_graphs(ro, articles):
    import urllib.error
    import urllib.parse
    import urllib.request

    speaker = next(iter(articles))
    url = f"{ro.url}/render/who-said-what?" + urllib.parse.urlencode({"speaker": speaker})
    with urllib.request.urlopen(url) as response:
        assert response.headers["Content-Type"].startswith("text/html")
        page = response.read().decode("utf-8")
    assert speaker in page and "cdn.jsdelivr" not in page
    for bad, status in (("/render/no-such-query", 404), ("/render/stance-matrix", 400),
                        ("/render/who-said-what?nonsense=1", 400)):
        try:
            urllib.request.urlopen(ro.url + bad)
            raise AssertionError(f"{bad} should fail")
        except urllib.error.HTTPError as error:
            assert error.code == status and b"Traceback" not in error.read()


def test_named_queries_run_through_the_server_while_it_owns_the_store(ro, articles):
    """While `policykg serve` owns the store, commands read through it (RemoteStore): a named query gives every
    statement of the speaker asked about, with all its columns."""
    speaker, count = max(articles.items(), key=lambda item: (item[1], item[0]))
    rows = queries.run("who-said-what", {"speaker": speaker}, RemoteStore.discover(ro.data_dir))
    assert len({row["statement"] for row in rows}) == count
    assert {row["speaker"] for row in rows} == {speaker}
    assert all(list(row) == list(queries.get("who-said-what").columns) for row in rows)
