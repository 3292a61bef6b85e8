"""The researcher's workflow commands: hand-coded CSV imports, curations (policykg/curation.py) and actor
networks (policykg/network.py), registered on the ``policykg`` group by policykg/cli.py."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from policykg.cli_common import graph_of_context, parse_pairs, warn_missing


def import_csv_files(files: tuple[Path, ...]) -> int:
    """Hand-coded CSV files into the store(s); the number of rows and files refused."""
    errors = 0
    with graph_of_context() as kg:
        for path in files:
            coded = kg.import_csv(path)
            for error in coded.errors:
                click.secho(f"error  {error}", fg="red", err=True)
            errors += len(coded.errors)
            click.echo(f"imported {coded.statements} hand-coded statement(s) of {len(coded.graphs)} article(s) "
                       f"from {path}")
        warn_missing(kg.curations())
    return errors


_by = click.option("--by", metavar="NAME", help="Who curates (default: the login name).")


@click.group()
def curate() -> None:
    """Correct the graph: the corrections live in curations.jsonl in the data directory and survive re-ingest."""


def _record(make) -> None:
    """Make a curation against the store, record it and rewrite the stored graphs it touches."""
    with graph_of_context() as kg:
        for record, graphs in kg.curate(make):
            click.echo(f"{record.id}  {record.describe()}  ({len(graphs)} graph(s) rewritten)")


@curate.command("set")
@click.argument("statement")
@click.argument("values", nargs=-1, required=True, metavar="FIELD=VALUE...")
@_by
def curate_set(statement: str, values: tuple[str, ...], by: str | None) -> None:
    """Set a statement's stance, kind, speaker or targets (entities by IRI or short id, comma-separated)."""
    from policykg.curation import set_curation

    fields = parse_pairs(values, "FIELD=VALUE")
    _record(lambda curations, store: set_curation(curations, store, statement, fields, by))


@curate.command("drop")
@click.argument("statement")
@_by
def curate_drop(statement: str, by: str | None) -> None:
    """Drop a statement that is not one."""
    from policykg.curation import drop_curation

    _record(lambda curations, store: drop_curation(curations, store, statement, by))


@curate.command("merge")
@click.argument("entity")
@click.argument("into")
@_by
def curate_merge(entity: str, into: str, by: str | None) -> None:
    """Merge ENTITY into INTO: every article's ENTITY becomes INTO, its names kept as aliases."""
    from policykg.curation import merge_curation

    _record(lambda curations, store: merge_curation(curations, store, entity, into, by))


@curate.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_by
def curate_import(file: Path, by: str | None) -> None:
    """Turn an edited `export statements --format csv` into curations (a deleted row is a drop)."""
    from policykg.curation import edits
    from policykg.export import statement_rows

    problems: list[str] = []

    def make(curations, store):
        made, found = edits(curations, store, file, list(statement_rows(store)), by)
        problems.extend(found)
        return made

    _record(make)
    for problem in problems:
        click.secho(f"error  {problem}", fg="red", err=True)
    if problems:
        sys.exit(1)


@curate.command("undo")
@click.argument("cid", metavar="ID")
@_by
def curate_undo(cid: str, by: str | None) -> None:
    """Undo a curation (recorded as a new line; the graphs get the extracted values back)."""
    with graph_of_context() as kg:
        mark = kg.undo_curation(cid, by=by)
    click.echo(f"{mark.id}  undo {cid}")


@curate.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def curate_list(fmt: str) -> None:
    """Every curation with who, when and its state (applied, missing: its statement is gone, undone)."""
    from policykg.curation import status

    with graph_of_context(neo4j=False) as kg:
        curations = kg.curations()
        states = status(curations, kg.rdf_store()) if curations.records else []
    if fmt == "json":
        click.echo(json.dumps([{"id": c.id, "state": state, "by": c.by, "at": c.at, "curation": c.describe()}
                               for c, state in states], ensure_ascii=False, indent=2))
        return
    for c, state in states:
        click.echo(f"{c.id:<5} {state:<8} {c.at}  {c.by:<12} {c.describe()}")


@click.command()
@click.argument("kind", type=click.Choice(["congruence", "conflict", "actor-target", "subtract"]))
@click.option("--about", help="Only statements about this target (name, IRI or short id).")
@click.option("--from", "date_from", metavar="DATE", help="Only articles dated from DATE (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", help="Only articles dated up to DATE, inclusive.")
@click.option("--kind", "statement_kind", type=click.Choice(["direct", "indirect"]), help="Only quotes or reported speech.")
@click.option("--min-weight", type=float, default=0, show_default=True, help="Leave out lighter ties.")
@click.option("--normalize", type=click.Choice(["none", "average", "jaccard", "cosine"]), default="none", show_default=True)
@click.option("--duplicates", type=click.Choice(["article", "month", "none"]), default="article", show_default=True,
              help="A speaker's repeated statements on one target with one stance count once per article or month.")
@click.option("--by", "period", type=click.Choice(["month", "year"]), help="One network per period.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv", "html"]), default="graphml", show_default=True)
@click.option("--events", is_flag=True, help="With --format csv: DNA's event list (one row per coded statement).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (csv: stdout by default); with --by, one file per period: NAME-PERIOD.EXT.")
def network(kind: str, about: str | None, date_from: str | None, date_to: str | None, statement_kind: str | None,
            min_weight: float, normalize: str, duplicates: str, period: str | None, fmt: str, events: bool,
            output: Path | None) -> None:
    """Actor networks as in Discourse Network Analysis: congruence, conflict, subtract, actor-target."""
    from policykg import network as networks
    from policykg.render import export_network, render_actor_network

    with graph_of_context(neo4j=False) as kg:
        rows = list(kg.rows("statements"))
    try:
        found = networks.events(rows, about=about, date_from=date_from, date_to=date_to, kind=statement_kind,
                                duplicates=duplicates)
        parts = networks.by_period(found, period) if period else {"": found}
        graphs = {p: networks.network(kind, part, normalize=normalize, min_weight=min_weight) for p, part in parts.items()}
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    if fmt == "csv":
        table = networks.event_rows(found) if events else \
            [row for p, g in graphs.items() for row in networks.edge_rows(g, p or None)]
        with click.open_file(str(output) if output else "-", "w", encoding="utf-8") as stream:
            networks.write_csv(table, stream)
        return
    if output is None:
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    for p, graph in graphs.items():
        path = output.with_name(f"{output.stem}-{p}{output.suffix}") if p else output
        if fmt == "html":
            render_actor_network(graph, rows, path, title=f"policykg: {kind} network" + (f" {p}" if p else ""))
        else:
            export_network(graph, path, fmt)  # type: ignore[arg-type]
        click.echo(f"wrote {path} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} ties)")
