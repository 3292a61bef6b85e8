"""The ``policykg`` command: small click commands over the library functions."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from policykg import export as exporting
from policykg.config import default_data_dir
from policykg.loaders.readers import LoadError
from policykg.output import FORMATS, write_result
from policykg.graph.open import open_neo4j, open_rdf_store

BACKENDS = ("rdf", "neo4j")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar="POLICYKG_DATA",
              default=default_data_dir, show_default="$POLICYKG_DATA or ~/.local/share/policykg",
              help="Where the embedded RDF store lives.")
@click.version_option(package_name="policykg")
@click.pass_context
def main(ctx: click.Context, data_dir: Path) -> None:
    """policykg: who said what about whom in a policy debate, from news articles to a knowledge graph."""
    ctx.obj = {"data_dir": data_dir}


def _data_dir() -> Path:
    return click.get_current_context().obj["data_dir"]


def _store(read_only: bool = True):
    try:
        return open_rdf_store(_data_dir(), read_only=read_only)
    except (FileNotFoundError, RuntimeError, OSError) as error:
        raise click.ClickException(str(error)) from error


def _backend_store(backend: str):
    if backend == "neo4j":
        store = open_neo4j()
        if store is None:
            raise click.ClickException("Neo4j is not configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)")
        return store
    return _store()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--language", type=click.Choice(["fr", "en"]), help="Language of every input (detected when not given).")
@click.option("--neo4j/--no-neo4j", "use_neo4j", default=True, show_default=True,
              help="Also write to Neo4j when NEO4J_URI is set.")
def ingest(paths: tuple[Path, ...], language: str | None, use_neo4j: bool) -> None:
    """Read articles (.txt, .html, .jsonl, folders) into the store(s)."""
    from policykg.pipeline import ingest as run_ingest

    stores = [_store(read_only=False)]
    neo4j = open_neo4j() if use_neo4j else None
    if neo4j is not None:
        stores.append(neo4j)

    def progress(source: str, outcome) -> None:
        if isinstance(outcome, LoadError):
            click.secho(f"error  {outcome}", fg="red", err=True)
        else:
            click.echo(f"ok     {source}: {len(outcome.statements)} statements, {len(outcome.entities)} entities", err=True)

    try:
        report = run_ingest(paths, stores, language=language, on_article=progress)
    finally:
        if neo4j is not None:
            neo4j.close()
    targets = "the RDF store" + (" and Neo4j" if neo4j is not None else "")
    # Close the store before exiting: an exit keeps this frame (and an open store) alive in its traceback.
    del stores
    click.echo(f"ingested {len(report.articles)} article(s) into {targets}: "
               f"{report.statements} statements, {report.entities} entity mentions", err=True)
    if report.errors:
        click.secho(f"{len(report.errors)} input(s) failed; the others were ingested", fg="red", err=True)
        sys.exit(1)


def _parse_params(pairs: tuple[str, ...], **shortcuts: str | None) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        params[key.strip()] = value
    params.update({k: v for k, v in shortcuts.items() if v is not None})
    return params


def _run_named(name: str, params: dict[str, str], backend: str):
    from policykg import queries

    try:
        query = queries.get(name)
    except KeyError as error:
        raise click.ClickException(f"no query named {name!r}; `policykg query --list` lists them") from error
    store = _backend_store(backend)
    try:
        return query, queries.run(name, params, store)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    finally:
        if backend == "neo4j":
            store.close()


_filters = [
    click.option("--about", help="Only statements about this actor, platform or feature (name or alias)."),
    click.option("--speaker", help="Only statements by this speaker (name or alias)."),
    click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter."),
    click.option("--backend", type=click.Choice(BACKENDS), default="rdf", show_default=True),
]


def filters(command):
    for option in reversed(_filters):
        command = option(command)
    return command


@main.command()
@click.argument("name", required=False)
@filters
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
def query(name: str | None, about: str | None, speaker: str | None, params: tuple[str, ...], backend: str,
          fmt: str, list_queries: bool) -> None:
    """Run a named query, e.g. `policykg query who-said-what --about Meta`."""
    from policykg import queries

    if list_queries or not name:
        for q in queries.list_queries():
            click.echo(f"{q.name:<26} {q.description}")
        return
    named, rows = _run_named(name, _parse_params(params, about=about, speaker=speaker), backend)
    write_result(rows, named.columns, sys.stdout, fmt)


@main.command()
@click.argument("name")
@filters
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--title", help="Page title (defaults to the query and its parameters).")
def render(name: str, about: str | None, speaker: str | None, params: tuple[str, ...], backend: str,
           output: Path, title: str | None) -> None:
    """Draw a named query's statements as an interactive, offline HTML graph."""
    from policykg.views import render_query

    if backend != "rdf":
        raise click.UsageError("render reads statement details from the RDF store: use --backend rdf")
    try:
        count = render_query(name, _parse_params(params, about=about, speaker=speaker), _store(), output, title=title)
    except KeyError as error:
        raise click.ClickException(f"no query named {name!r}; `policykg query --list` lists them") from error
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"wrote {output} ({count} statements)")


@main.command("export")
@click.argument("what", type=click.Choice(["statements", "entities", "relations", "graph"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "graphml", "gexf"]), default=None,
              help="jsonl (default) or csv for rows; graphml (default) or gexf for the graph (Gephi).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout; required for the graph).")
def export_command(what: str, fmt: str | None, output: Path | None) -> None:
    """Write statements, entities or relations, one row per item; or the speaker → target graph for Gephi."""
    if what == "graph":
        from policykg.render import export_network, statements_to_network

        fmt = fmt or "graphml"
        if fmt not in ("graphml", "gexf") or output is None:
            raise click.UsageError("export graph needs --format graphml|gexf and -o FILE")
        network = statements_to_network(exporting.statement_rows(_store()))
        click.echo(f"wrote {export_network(network, output, fmt)} ({network.number_of_nodes()} nodes, "
                   f"{network.number_of_edges()} edges)")
        return
    fmt = fmt or "jsonl"
    if fmt not in ("jsonl", "csv"):
        raise click.UsageError(f"export {what} writes jsonl or csv, not {fmt}")
    rows = {"statements": exporting.statement_rows, "entities": exporting.entity_rows,
            "relations": exporting.relation_rows}[what](_store())
    with click.open_file(str(output) if output else "-", "w", encoding="utf-8") as stream:
        exporting.write_rows(rows, stream, fmt)


@main.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def sparql(query_text: str, fmt: str) -> None:
    """Run a raw SPARQL SELECT over the store (read-only; every article graph is the default graph)."""
    try:
        rows = [{name: exporting.python_value(term) for name, term in row.items()} for row in _store().select(query_text)]
    except (SyntaxError, ValueError, TypeError, OSError) as error:
        raise click.ClickException(f"SPARQL: {error}") from error
    columns = list(dict.fromkeys(name for row in rows for name in row))
    write_result(rows, columns, sys.stdout, fmt)


@main.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A $parameter of the query.")
@click.option("--write", is_flag=True, help="Allow the query to change the graph (read-only otherwise).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def cypher(query_text: str, params: tuple[str, ...], write: bool, fmt: str) -> None:
    """Run a raw Cypher query on Neo4j, parameters passed as $values (read-only unless --write)."""
    from neo4j.exceptions import Neo4jError

    store = _backend_store("neo4j")
    try:
        rows = store.cypher(query_text, _parse_params(params), write=write)
    except Neo4jError as error:
        raise click.ClickException(f"Cypher: {error.message or error}") from error
    finally:
        store.close()
    columns = list(dict.fromkeys(name for row in rows for name in row))
    write_result(rows, columns, sys.stdout, fmt)


@main.command()
@click.option("--candidates", is_flag=True, required=True,
              help="List likely merges the system did not make, for a researcher to confirm.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=85.0, show_default=True,
              help="Lowest spelling similarity (rapidfuzz, 0-100) of a candidate pair.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def entities(candidates: bool, min_score: float, fmt: str) -> None:
    """Entities to review: with --candidates, pairs of people or organisations that may be one."""
    from policykg.candidates import COLUMNS, store_candidates

    rows = [c.row() for c in store_candidates(_store(), min_score)]
    write_result(rows, COLUMNS, sys.stdout, fmt)


@main.command()
def stats() -> None:
    """Counts of articles, statements, entities and triples in the store."""
    store = _store()
    counts = {
        name: int(store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}")[0]["n"].value)
        for name, cls in (("articles", "schema:NewsArticle"), ("statements", "pk:Statement"), ("facts", "pk:Fact"))
    }
    counts["entities"] = int(store.select("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x pk:mentionedIn ?a }")[0]["n"].value)
    counts["quads"] = len(store)
    for name, value in counts.items():
        click.echo(f"{name:<11} {value:>8}")


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="List missed and spurious statements per article.")
def eval_command(gold_dir: Path, fmt: str, verbose: bool) -> None:
    """Score the store against gold annotations (format: shared/gold/README.md)."""
    from policykg.evaluate import load_gold, score

    store = _store()
    report = score(load_gold(gold_dir), exporting.statement_rows(store), exporting.entity_rows(store),
                   exporting.relation_rows(store))
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.format_table(verbose=verbose))


@main.command()
@click.argument("articles", nargs=-1, required=True)
def remove(articles: tuple[str, ...]) -> None:
    """Delete articles (file name, id or IRI) and what only they supported, from every store."""
    from policykg.pipeline import remove as remove_article

    store = _store(read_only=False)
    neo4j = open_neo4j()
    missing = []
    try:
        for name in articles:
            removed = remove_article(name, store, [neo4j] if neo4j else [])
            if removed:
                click.echo(f"removed {name}")
            else:
                missing.append(name)
    finally:
        if neo4j is not None:
            neo4j.close()
    for name in missing:
        click.secho(f"error  {name}: no such article in the store", fg="red", err=True)
    if missing:
        sys.exit(1)


# ─────────────────────────────────────────────────────────────────────────────────────────────────────────
# SPARQL endpoint and RDF import (library code: policykg/server.py, graph/rdf_import.py)
# ─────────────────────────────────────────────────────────────────────────────────────────────────────────

@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 or :: for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (PUT/POST/DELETE on /store); refused with 403 otherwise.")
@click.option("--token", envvar="POLICYKG_SERVER_TOKEN", metavar="TOKEN",
              help="Also require `Authorization: Bearer TOKEN` for updates (env POLICYKG_SERVER_TOKEN).")
@click.option("--query-timeout", type=click.FloatRange(min=0), default=30.0, show_default=True, metavar="SECONDS",
              help="Answer 503 to a query still running after this long (0: no limit).")
@click.option("--max-results", type=click.IntRange(min=0), default=100_000, show_default=True, metavar="N",
              help="Refuse (413) an answer of more rows or triples than this (0: no limit).")
@click.option("--max-body", type=click.IntRange(min=1), default=16 * 1024 * 1024, show_default=True, metavar="BYTES",
              help="Refuse (413) a request body larger than this.")
@click.option("--union-default-graph/--no-union-default-graph", default=True, show_default=True,
              help="Without FROM or default-graph-uri, query the union of all graphs (every article) "
                   "rather than the store's own default graph.")
def serve(host: str, port: int, allow_update: bool, token: str | None, query_timeout: float, max_results: int,
          max_body: int, union_default_graph: bool) -> None:
    """Serve the store over the SPARQL 1.1 Protocol at /sparql, with a query page at /.

    The server owns the store while it runs: `policykg ingest`, `import`, `query`, `export` and `stats` keep
    working and go through it, and what they write is visible to the next query.
    """
    import logging
    import signal

    from policykg.server import ServerSettings, start
    from policykg.graph.store import StoreLocked

    settings = ServerSettings(host=host, port=port, allow_update=allow_update, token=token,
                              query_timeout=query_timeout, max_results=max_results, max_body=max_body,
                              union_default_graph=union_default_graph)
    try:
        server = start(_data_dir(), settings)
    except (StoreLocked, OSError) as error:
        raise click.ClickException(str(error)) from error
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    mode = "updates allowed" + (" with the token" if token else "") if allow_update else "read-only"
    click.echo(f"SPARQL endpoint {server.url}/sparql ({mode}), graph store {server.url}/store, "
               f"query page {server.url}/ ; Ctrl-C stops it", err=True)
    if allow_update and not token and host not in ("127.0.0.1", "::1", "localhost"):
        click.secho(f"warning: anyone who can reach {host} may change the store (add --token)", fg="yellow", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--graph", metavar="IRI",
              help="Named graph for the triples (default: one graph per file, named by its file: URL).")
def import_command(files: tuple[Path, ...], graph: str | None) -> None:
    """Load RDF files (.ttl .nt .nq .trig .rdf .owl .xml .jsonld .json); each graph they write is replaced whole."""
    from policykg.graph.rdf_import import read_graphs

    try:
        graphs = read_graphs(files, graph)
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from error
    store = _store(read_only=False)
    try:
        store.replace_graphs(graphs)
        store.flush()
    except (RuntimeError, OSError) as error:
        raise click.ClickException(str(error)) from error
    for name, quads in graphs.items():
        click.echo(f"{len(quads):>9} quads  {name}")
    click.echo(f"imported {sum(map(len, graphs.values()))} quads into {len(graphs)} graph(s)", err=True)
