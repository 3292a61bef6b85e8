"""Ingest: read articles, extract, and write each article's graph to every configured store.

The parent process reads the inputs, skips the articles already stored as they are (same content
hash), and sends the others in small chunks to worker processes, each of which loads its spaCy
pipelines once and runs ``nlp.pipe`` and the extractor. Outcomes come back in input order, so the
stores receive the same graphs in the same order whatever the number of workers. Articles are
written BATCH_SIZE at a time, one transaction per store; an article whose extraction fails is
reported with its name and the batch goes on. Only a bounded window of chunks is in flight, so
memory does not grow with the corpus.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata as package_metadata
from itertools import islice
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

import policykg.loaders
import policykg.ontology
from policykg.config import settings
from policykg.curation import Curations
from policykg.descriptions import write_graphs
from policykg.graph.store import to_quads
from policykg.loaders.clean import mask_headline
from policykg.loaders.metadata import MetadataTable
from policykg.loaders.model import Article, Extraction
from policykg.loaders.rdf import article_iri, extraction_graph, graph_iri
from policykg.loaders.readers import LoadError, count_inputs, read_paths

BATCH_SIZE = 32
"""Articles written per store transaction, and whose stored hashes one query looks up."""
CHUNK_SIZE = 4
"""Articles per worker task: small, so that both workers stay busy and results flow back steadily."""

Outcome = Extraction | LoadError


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (itertools.batched arrives only in Python 3.12)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class GraphWriter(Protocol):
    def replace_graphs(self, graphs: dict[str, list[ox.Quad]]) -> None: ...


@dataclass
class IngestReport:
    articles: list[str] = field(default_factory=list)
    """Articles extracted and written."""
    unchanged: list[str] = field(default_factory=list)
    """Articles skipped: stored already from the same text, metadata and extractor."""
    redescribed: list[str] = field(default_factory=list)
    """Articles whose metadata alone changed: their stored description was updated, without a new extraction."""
    statements: int = 0
    entities: int = 0
    errors: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    total: int = 0
    """Inputs (articles and bad inputs) counted before the ingest started."""


@dataclass
class Unchanged:
    """An article whose stored graph was extracted from the same text with the same extractor: nothing to
    extract; when ``redescribed``, its metadata changed and the stored description of the article is updated."""

    article: Article
    redescribed: bool = False


# ── Content hashes: what makes an ingest incremental ───────────────────────────────────────────────


@cache
def extractor_version() -> str:
    """A digest of everything besides the article that shapes its graph: the extractor's code and lexicons,
    the installed versions of policykg's requirements (spaCy and its pipelines among them), and the pipelines
    and knowledge bases the environment names. Computed without importing spaCy."""
    digest = hashlib.sha256()
    loaders = Path(policykg.loaders.__file__).parent
    for path in sorted([*loaders.rglob("*.py"), *loaders.rglob("*.yaml"), Path(policykg.ontology.__file__)]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for requirement in sorted(package_metadata.requires("policykg") or []):
        name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
        try:
            digest.update(f"{name}={package_metadata.version(name)}".encode())
        except package_metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    configured = settings()
    digest.update(repr(sorted(configured.spacy_pipelines.items())).encode())
    for actors in configured.actor_files:
        digest.update(str(actors).encode())
        if actors.is_file():
            digest.update(actors.read_bytes())
    return digest.hexdigest()[:16]


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:24]


def content_hash(article: Article) -> str:
    """``<what the extraction reads>.<metadata>``: the text, its masked spans, its language and the extractor
    version; then the metadata stored with it. The first part unchanged means the extraction would be too."""
    reads = _digest(extractor_version(), article.language, article.text, sorted(article.masked))
    described = _digest(article.source, article.title, article.published, article.publisher, article.url,
                        article.author)
    return f"{reads}.{described}"


def stored_hashes(store, articles: list[Article]) -> dict[str, str]:
    """Article IRI → the content hash stored with it, for a whole batch in one query."""
    if not articles:
        return {}
    values = " ".join(str(ox.NamedNode(str(article_iri(a.id)))) for a in articles)
    rows = store.select(f"SELECT ?a ?hash WHERE {{ VALUES ?a {{ {values} }} GRAPH ?g {{ ?a pk:contentHash ?hash }} }}",
                        union=False)
    return {row["a"].value: row["hash"].value for row in rows}


# ── Analysis, in worker processes ──────────────────────────────────────────────────────────────────


def _analyse(articles: list[Article]) -> list[Outcome]:
    """``policykg.analysis.analyse``, imported on first use: an ingest with nothing to extract never imports spaCy."""
    from policykg.analysis import analyse

    return analyse(articles)


def _analysed(planned: Iterable[Article | LoadError | Unchanged], workers: int
              ) -> Iterator[tuple[Article | LoadError | Unchanged, Outcome | Unchanged]]:
    """Each planned item with its outcome, in input order; articles are analysed ``workers`` at a time."""
    if workers <= 1:
        for chunk in batched(planned, CHUNK_SIZE):
            articles = [item for item in chunk if isinstance(item, Article)]
            yield from _paired(chunk, _analyse(articles) if articles else [])
        return
    # spawn: a worker starts clean (no copy of the parent's open stores or threads) on every platform.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        window: deque[tuple[list, Future | None]] = deque()
        for chunk in batched(planned, CHUNK_SIZE):
            articles = [item for item in chunk if isinstance(item, Article)]
            window.append((chunk, pool.submit(_analyse, articles) if articles else None))
            while len(window) > 2 * workers or (window and window[0][1] is None):
                done, future = window.popleft()
                yield from _paired(done, future.result() if future else [])
        while window:
            done, future = window.popleft()
            yield from _paired(done, future.result() if future else [])


def _paired(chunk: list, outcomes: list[Outcome]) -> Iterator[tuple]:
    analysed = iter(outcomes)
    for item in chunk:
        yield item, (next(analysed) if isinstance(item, Article) else item)


# ── Writing ────────────────────────────────────────────────────────────────────────────────────────


def write_batch(graphs: dict[str, list[ox.Quad]], stores: list[GraphWriter],
                redescribed: dict[str, list[ox.Quad]] | None = None, curations: Curations | None = None) -> None:
    """The one place where new article graphs are stored: each replaced whole (with the ``redescribed``
    graphs), the researcher's curations applied, with the entity descriptions they change
    (``descriptions.write_graphs``)."""
    if curations is not None:
        graphs = {iri: curations.apply(iri, quads) for iri, quads in graphs.items()}
    write_graphs(stores, {**graphs, **(redescribed or {})})


def redescribed_graphs(ledger, articles: list[Article]) -> dict[str, list[ox.Quad]]:
    """The stored graphs of ``articles`` with the article's own triples (its description: title, date, hash...)
    made anew from its new metadata; what was extracted from its unchanged text stays as it is."""
    graphs = {}
    for article in articles:
        iri, node = str(graph_iri(article.id)), ox.NamedNode(str(article_iri(article.id)))
        kept = [quad for quad in ledger.quads(iri) if quad.subject != node]
        graphs[iri] = kept + to_quads(extraction_graph(Extraction(article=article)))
    return graphs


def _planned(items: Iterable[Article | LoadError], ledger, *, language: str | None, force: bool,
             metadata: MetadataTable | None) -> Iterator[Article | LoadError | Unchanged]:
    """Inputs with metadata, language and content hash set; those stored already as they are become Unchanged."""
    for batch in batched(items, BATCH_SIZE):
        articles = [item for item in batch if isinstance(item, Article)]
        for article in articles:
            if metadata is not None:
                metadata.apply(article)
                mask_headline(article, title_only=True)  # the metadata may name a headline the text did not show
            article.language = language or article.language
            article.content_hash = content_hash(article)
        stored = {} if force or ledger is None else stored_hashes(ledger, articles)
        for item in batch:
            before = stored.get(str(article_iri(item.id))) if isinstance(item, Article) else None
            if before is None or not isinstance(item, Article):
                yield item
            elif before == item.content_hash:
                yield Unchanged(item)
            elif before.partition(".")[0] == (item.content_hash or "").partition(".")[0]:
                yield Unchanged(item, redescribed=True)
            else:
                yield item


def ingest(
    paths: Iterable[Path | str],
    stores: list[GraphWriter],
    *,
    language: str | None = None,
    workers: int = 1,
    force: bool = False,
    metadata: MetadataTable | None = None,
    on_article: Callable[[str, Outcome | Unchanged], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    curations: Curations | None = None,
) -> IngestReport:
    """Read ``paths`` and replace the named graph of each new or changed article in every store.

    The first store, when it can answer SPARQL (``select``), says which articles are stored unchanged;
    ``force`` redoes them all. ``on_start`` gets the number of inputs, ``on_article`` each outcome in order.
    With ``workers`` > 1 the workers are spawned processes: a script calling this needs the usual
    ``if __name__ == "__main__":`` guard.
    """
    paths = list(paths)
    report = IngestReport(total=count_inputs(paths))
    if on_start:
        on_start(report.total)
    ledger = stores[0] if stores and hasattr(stores[0], "select") else None
    planned = _planned(read_paths(paths), ledger, language=language, force=force, metadata=metadata)
    workers = min(workers, -(-report.total // CHUNK_SIZE))  # no process that would get no chunk
    pending: dict[str, list[ox.Quad]] = {}
    redescribed: list[Article] = []
    for item, outcome in _analysed(planned, workers):
        if isinstance(outcome, Extraction):
            try:
                quads = to_quads(extraction_graph(outcome))
            except ValueError as error:  # e.g. a URL that is no IRI: the article fails, not the batch
                outcome = LoadError(outcome.article.source, f"cannot be stored: {error}")
        if isinstance(outcome, LoadError):
            report.errors.append(outcome)
        elif isinstance(outcome, Unchanged) and outcome.redescribed:
            redescribed.append(outcome.article)
            report.redescribed.append(outcome.article.source)
        elif isinstance(outcome, Unchanged):
            report.unchanged.append(outcome.article.source)
        else:
            pending[str(graph_iri(outcome.article.id))] = quads
            report.articles.append(outcome.article.source)
            report.statements += len(outcome.statements)
            report.entities += len(outcome.entities)
        if on_article:
            on_article(item.source if not isinstance(item, Unchanged) else item.article.source, outcome)
        if len(pending) + len(redescribed) >= BATCH_SIZE:
            write_batch(pending, stores, redescribed_graphs(ledger, redescribed), curations)
            pending, redescribed = {}, []
    write_batch(pending, stores, redescribed_graphs(ledger, redescribed), curations)
    if metadata is not None:
        report.warnings = [*metadata.warnings, *metadata.unused()]
    return report


def graphs_of(extractions: Iterable[Extraction]) -> dict[str, list[ox.Quad]]:
    """Each extraction's article graph as Oxigraph quads, by graph IRI."""
    return {str(graph_iri(e.article.id)): to_quads(extraction_graph(e)) for e in extractions}


def write_extractions(stores: list[GraphWriter], extractions: Iterable[Extraction]) -> None:
    """Store finished extractions (as ingest does, without reading or NLP): tests, benchmarks, hand-coded imports."""
    write_graphs(stores, graphs_of(extractions))


def article_graphs(store, name: str) -> list[str]:
    """Named graphs of the articles called ``name``: an article id, an input file name or an article IRI."""
    rows = store.select(
        "SELECT DISTINCT ?g ?name WHERE { GRAPH ?g { ?a a schema:NewsArticle ; pk:sourceFile ?file } "
        "FILTER(STR(?file) = ?name || STR(?a) = ?name || STRENDS(STR(?a), CONCAT('/', ENCODE_FOR_URI(?name)))) }",
        {"name": ox.Literal(name)},
        union=False,
    )
    return sorted({row["g"].value for row in rows})


def remove(name: str, stores: list[GraphWriter]) -> list[str]:
    """Delete the articles called ``name`` and all they contributed from every store (the first is looked up);
    an entity another article still mentions stays. The removed graphs' IRIs; empty when none matched."""
    graphs = article_graphs(stores[0], name)
    write_graphs(stores, {iri: [] for iri in graphs})
    return graphs
