"""The ``policykg`` command: small click commands over the library functions."""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path

import click

from policykg.cli_common import graph_of_context, parse_pairs, warn_missing
from policykg.cli_workflow import curate, import_csv_files, network
from policykg.config import default_data_dir
from policykg.loaders.readers import LoadError
from policykg.output import FORMATS, write_result

BACKENDS = ("rdf", "neo4j")
ABOUT_PARAMS = ("about", "target", "entity", "platform", "actor")
"""The parameter ``--about`` fills: the first of these that the query takes."""
SPEAKER_PARAMS = ("speaker", "actor")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), envvar="POLICYKG_DATA",
              default=default_data_dir, show_default="$POLICYKG_DATA or ~/.local/share/policykg",
              help="Where the embedded RDF store lives.")
@click.version_option(package_name="policykg")
@click.pass_context
def main(ctx: click.Context, data_dir: Path) -> None:
    """policykg: who said what about whom in a policy debate, from news articles to a knowledge graph."""
    ctx.obj = {"data_dir": data_dir}
    for library in ("neo4j", "trafilatura"):  # their warnings would add lines to our one error line per input
        logger = logging.getLogger(library)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--language", type=click.Choice(["fr", "en"]), help="Language of every input (detected when not given).")
@click.option("--neo4j/--no-neo4j", "use_neo4j", default=True, show_default=True,
              help="Also write to Neo4j when NEO4J_URI is set.")
@click.option("--workers", type=click.IntRange(min=1), default=lambda: os.cpu_count() or 1,
              show_default="the number of cores", help="Processes running spaCy and the extractor.")
@click.option("--force", is_flag=True, help="Extract every article again, even those stored unchanged.")
@click.option("--metadata", "metadata_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV/TSV with a header: filename|file|id|path, then date, title, publisher, author, url, language.")
def ingest(paths: tuple[Path, ...], language: str | None, use_neo4j: bool, workers: int, force: bool,
           metadata_file: Path | None) -> None:
    """Read articles (.txt, .html, .jsonl, folders) into the store(s); unchanged articles are skipped."""
    from policykg.loaders.metadata import MetadataError, MetadataTable
    from policykg.pipeline import Unchanged
    from policykg.progress import Progress

    try:
        metadata = MetadataTable.read(metadata_file) if metadata_file else None
    except MetadataError as error:
        raise click.ClickException(str(error)) from error
    progress = Progress("articles")

    def on_article(source: str, outcome) -> None:
        if isinstance(outcome, LoadError):
            progress.note(click.style(f"error  {outcome}", fg="red"))
        elif isinstance(outcome, Unchanged):
            progress.note(f"meta   {source}: metadata updated" if outcome.redescribed else f"same   {source}")
        else:
            progress.note(f"ok     {source}: {len(outcome.statements)} statements, {len(outcome.entities)} entities")
        progress.advance()

    with graph_of_context(neo4j=use_neo4j) as kg:
        try:
            report = kg.ingest(paths, language=language, workers=workers, force=force, metadata=metadata,
                               on_article=on_article, on_start=progress.start)
        finally:
            done = progress.close()
        targets = "the RDF store" + (" and Neo4j" if kg.neo4j_store() is not None and not kg.neo4j_error() else "")
        curations = kg.curations()
        neo4j_error = kg.neo4j_error()
        if kg.synced:
            click.echo(f"synced {len(kg.synced)} graph(s) that Neo4j had missed", err=True)
    for warning in report.warnings:
        click.secho(f"warning  {warning}", fg="yellow", err=True)
    click.echo(f"{done}: {len(report.articles)} ingested into {targets} ({report.statements} statements, "
               f"{report.entities} entity mentions), {len(report.unchanged)} unchanged, "
               f"{len(report.redescribed)} with new metadata, {len(report.errors)} failed", err=True)
    warn_missing(curations)
    if report.errors:
        click.secho(f"{len(report.errors)} input(s) failed; the others were ingested", fg="red", err=True)
    if neo4j_error is not None:
        from policykg.graph.neo4j_sync import PENDING_FILE

        click.secho(f"error  {neo4j_error}; the RDF store has every article, Neo4j lacks those listed in "
                    f"{click.get_current_context().obj['data_dir'] / PENDING_FILE}: run "
                    "`policykg neo4j sync` once it is back (the next ingest does it too)", fg="red", err=True)
    if report.errors or neo4j_error is not None:
        sys.exit(1)


@main.group("neo4j")
def neo4j_group() -> None:
    """Neo4j, the second store, kept in step with the RDF store."""


@neo4j_group.command("sync")
def neo4j_sync() -> None:
    """Give Neo4j the graphs it missed while it was down (listed in DATA_DIR/neo4j-pending.txt)."""
    with graph_of_context() as kg:
        if kg.neo4j_store() is None:
            raise click.ClickException("Neo4j is not configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)")
        synced = kg.sync_neo4j()
    click.echo(f"Neo4j is in step with the RDF store ({len(synced)} graph(s) synced)")


def _named_params(name: str, pairs: tuple[str, ...], about: str | None, speaker: str | None) -> tuple[str, dict]:
    """The query's canonical name and its parameters: ``-p key=value`` pairs, then ``--about`` and ``--speaker``
    mapped onto the parameter of that query they stand for."""
    from policykg import queries

    try:
        named = queries.get(name)
    except KeyError as error:
        raise click.ClickException(f"no query named {name!r}; `policykg query --list` lists them") from error
    params = parse_pairs(pairs)
    for option, value, candidates in (("--about", about, ABOUT_PARAMS), ("--speaker", speaker, SPEAKER_PARAMS)):
        if value is None:
            continue
        target = next((p for p in candidates if p in named.params and p not in params), None)
        if target is None:
            raise click.UsageError(f"{named.name} has no parameter for {option}; it takes "
                                   f"{', '.join(named.params) or 'no parameters'} (-p key=value)")
        params[target] = value
    unknown = sorted(set(params) - set(named.params))
    if unknown:
        raise click.UsageError(f"{named.name} takes {', '.join(named.params) or 'no parameters'}, "
                               f"not {', '.join(unknown)}")
    return named.name, params


_filters = [
    click.option("--about", help="Only statements about this actor, platform or feature (name or alias)."),
    click.option("--speaker", help="Only statements by this speaker (name or alias)."),
    click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter."),
]


def filters(command):
    for option in reversed(_filters):
        command = option(command)
    return command


@main.command()
@click.argument("name", required=False)
@filters
@click.option("--backend", type=click.Choice(BACKENDS), default="rdf", show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
def query(name: str | None, about: str | None, speaker: str | None, params: tuple[str, ...], backend: str,
          fmt: str, list_queries: bool) -> None:
    """Run a named query, e.g. `policykg query who-said-what --about Meta`."""
    from policykg import queries

    if list_queries or not name:
        for q in queries.list_queries():
            click.echo(f"{q.name:<26} {'(' + ', '.join(q.params) + ')' if q.params else '':<20} {q.description}")
        return
    name, values = _named_params(name, params, about, speaker)
    with graph_of_context() as kg:
        rows = kg.query(name, backend=backend, **values)
    write_result(rows, queries.get(name).columns, sys.stdout, fmt)


@main.command()
@click.argument("name")
@filters
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--title", help="Page title (defaults to the query and its parameters).")
def render(name: str, about: str | None, speaker: str | None, params: tuple[str, ...], output: Path,
           title: str | None) -> None:
    """Draw a named query's statements as an interactive, offline HTML graph."""
    name, values = _named_params(name, params, about, speaker)
    with graph_of_context(neo4j=False) as kg:
        count = kg.render(name, output, title=title, **values)
    click.echo(f"wrote {output} ({count} statements)")


@main.command("export")
@click.argument("what", type=click.Choice(["statements", "entities", "relations", "graph"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "graphml", "gexf"]), default=None,
              help="jsonl (default) or csv for rows; graphml (default) or gexf for the graph (Gephi).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout; required for the graph).")
def export_command(what: str, fmt: str | None, output: Path | None) -> None:
    """Write statements, entities or relations, one row per item; or the speaker → target graph for Gephi."""
    from policykg.export import write_rows

    with graph_of_context(neo4j=False) as kg:
        if what == "graph":
            from policykg.render import export_network, statements_to_network

            fmt = fmt or "graphml"
            if fmt not in ("graphml", "gexf") or output is None:
                raise click.UsageError("export graph needs --format graphml|gexf and -o FILE")
            network = statements_to_network(kg.rows("statements"))
            click.echo(f"wrote {export_network(network, output, fmt)} ({network.number_of_nodes()} nodes, "
                       f"{network.number_of_edges()} edges)")
            return
        fmt = fmt or "jsonl"
        if fmt not in ("jsonl", "csv"):
            raise click.UsageError(f"export {what} writes jsonl or csv, not {fmt}")
        with click.open_file(str(output) if output else "-", "w", encoding="utf-8") as stream:
            write_rows(kg.rows(what), stream, fmt)


@main.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def sparql(query_text: str, fmt: str) -> None:
    """Run a raw SPARQL SELECT over the store (read-only; every article graph is the default graph)."""
    if _first_keyword(query_text) in UPDATE_KEYWORDS:
        raise click.UsageError("policykg sparql runs queries only; updates go through "
                               "`policykg serve --allow-update --token T` (SPARQL Update at /sparql)")
    with graph_of_context(neo4j=False) as kg:
        try:
            rows = kg.sparql(query_text)
        except (SyntaxError, TypeError, ValueError) as error:
            raise click.ClickException(f"SPARQL: {error}") from error
    columns = list(dict.fromkeys(name for row in rows for name in row))
    write_result(rows, columns, sys.stdout, fmt)


def _first_keyword(sparql_text: str) -> str:
    """The first word after the PREFIX/BASE declarations and comments, upper-cased (for a helpful error only)."""
    text = re.sub(r"#[^\n]*", " ", sparql_text)
    text = re.sub(r"(?is)^\s*((PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", text)
    match = re.match(r"\s*([A-Za-z]+)", text)
    return match[1].upper() if match else ""


@main.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A $parameter of the query.")
@click.option("--write", is_flag=True, help="Allow the query to change the graph (read-only otherwise).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def cypher(query_text: str, params: tuple[str, ...], write: bool, fmt: str) -> None:
    """Run a raw Cypher query on Neo4j, parameters passed as $values (read-only unless --write)."""
    from neo4j.exceptions import Neo4jError

    values = parse_pairs(params)
    with graph_of_context() as kg:
        try:
            rows = kg.cypher(query_text, values, write=write)
        except Neo4jError as error:
            raise click.ClickException(f"Cypher: {error.message or error}") from error
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

    with graph_of_context(neo4j=False) as kg:
        rows = [c.row() for c in store_candidates(kg.rdf_store(), min_score)]
    write_result(rows, COLUMNS, sys.stdout, fmt)


@main.command()
def stats() -> None:
    """Counts of articles, statements, entities and triples in the store."""
    with graph_of_context(neo4j=False) as kg:
        counts = kg.stats()
    for name, value in counts.items():
        click.echo(f"{name:<11} {value:>8}")


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="List missed and spurious statements per article.")
def eval_command(gold_dir: Path, fmt: str, verbose: bool) -> None:
    """Score the store against gold annotations (format: docs/gold-format.md)."""
    from policykg.evaluate import load_gold, score

    with graph_of_context(neo4j=False) as kg:
        report = score(load_gold(gold_dir), kg.rows("statements"), kg.rows("entities"), kg.rows("relations"))
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.format_table(verbose=verbose))


@main.command()
@click.argument("articles", nargs=-1, required=True)
def remove(articles: tuple[str, ...]) -> None:
    """Delete articles (file name, id or IRI) and what only they supported, from every store."""
    missing = []
    with graph_of_context() as kg:
        for name in articles:
            if kg.remove(name):
                click.echo(f"removed {name}")
            else:
                missing.append(name)
    for name in missing:
        click.secho(f"error  {name}: no such article in the store", fg="red", err=True)
    if missing:
        sys.exit(1)


# ─────────────────────────────────────────────────────────────────────────────────────────────────────────
# SPARQL endpoint and RDF import (library code: policykg/server/, graph/rdf_import.py)
# ─────────────────────────────────────────────────────────────────────────────────────────────────────────

@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 or :: for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (PUT/POST/DELETE on /store) from clients with the "
                   "--token; refused with 403 otherwise.")
@click.option("--token", envvar="POLICYKG_SERVER_TOKEN", metavar="TOKEN",
              help="Require `Authorization: Bearer TOKEN` for updates; needed by --allow-update "
                   "(env POLICYKG_SERVER_TOKEN).")
@click.option("--query-timeout", type=click.FloatRange(min=0), default=30.0, show_default=True, metavar="SECONDS",
              help="Stop a query (or /render page) still running after this long and answer 503 (0: no limit).")
@click.option("--query-workers", type=click.IntRange(min=1), metavar="N",
              help="Worker processes, so queries evaluated at once [default: the number of cores, at least 2].")
@click.option("--query-memory", type=click.IntRange(min=0), default=2048, show_default=True, metavar="MIB",
              help="Data memory one query's worker process may use (0: no limit).")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A host name clients may use in the Host header, beyond the bound address and localhost "
                   "(repeatable; requests naming other hosts are refused, against DNS rebinding).")
@click.option("--max-results", type=click.IntRange(min=0), default=100_000, show_default=True, metavar="N",
              help="Refuse (413) an answer of more rows or triples than this (0: no limit).")
@click.option("--max-body", type=click.IntRange(min=1), default=16 * 1024 * 1024, show_default=True, metavar="BYTES",
              help="Refuse (413) a request body larger than this.")
@click.option("--union-default-graph/--no-union-default-graph", default=True, show_default=True,
              help="Without FROM or default-graph-uri, query the union of all graphs (every article) "
                   "rather than the store's own default graph.")
def serve(host: str, port: int, allow_update: bool, token: str | None, query_timeout: float, query_workers: int | None,
          query_memory: int, allowed_hosts: tuple[str, ...], max_results: int, max_body: int,
          union_default_graph: bool) -> None:
    """Serve the store over the SPARQL 1.1 Protocol at /sparql, with a query page at /.

    The server owns the store while it runs: `policykg ingest`, `import`, `query`, `export` and `stats` keep
    working and go through it, and what they write is visible to the next query.
    """
    import logging
    import signal

    from policykg.graph.store import StoreLocked
    from policykg.server import ServerSettings, start

    workers = {"query_workers": query_workers} if query_workers else {}
    try:
        settings = ServerSettings(host=host, port=port, allow_update=allow_update, token=token,
                                  query_timeout=query_timeout, query_memory=query_memory, allowed_hosts=allowed_hosts,
                                  max_results=max_results, max_body=max_body,
                                  union_default_graph=union_default_graph, **workers)
        server = start(click.get_current_context().obj["data_dir"], settings)
    except (StoreLocked, OSError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    mode = "updates allowed with the token" if allow_update else "read-only"
    click.echo(f"SPARQL endpoint {server.url}/sparql ({mode}), graph store {server.url}/store, "
               f"query page {server.url}/ ; listening on {server.listening}; Ctrl-C stops it", err=True)
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
    """Load RDF files (.ttl .nt .nq .trig .rdf .owl .xml .jsonld .json), each graph they write replaced whole;
    or hand-coded statements from .csv files (columns: article, date, speaker, speaker_type, target, target_type,
    stance, content; other columns are kept as annotations)."""
    if any(f.suffix.lower() == ".csv" for f in files):
        if not all(f.suffix.lower() == ".csv" for f in files) or graph:
            raise click.UsageError("import hand-coded .csv files on their own, without --graph")
        sys.exit(1 if import_csv_files(files) else 0)
    with graph_of_context(neo4j=False) as kg:
        graphs = kg.import_rdf(files, graph=graph)
    for name, quads in graphs.items():
        click.echo(f"{len(quads):>9} quads  {name}")
    click.echo(f"imported {sum(map(len, graphs.values()))} quads into {len(graphs)} graph(s)", err=True)


main.add_command(curate)
main.add_command(network)
