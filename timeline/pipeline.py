"""The one path from articles to events: ingested articles → per-article work → merge → a sink.

Every build goes this way: ``build`` (the CLI and the library) and the dashboard
into an in-memory :class:`Timeline`, the project store into DuckDB. What varies
is only the executor of the per-article step (this process, a process pool,
Dask, or the dashboard's cache) and the sink that keeps and merges the results.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from .events import merge_events
from .frames import Timeline
from .ingest import MAX_CHARS, ReportRow, iter_load, load
from .model import Article
from .parallel import ArticleResult, Articles, Mapper, Pack, Progress, one_call_map, outcomes, packed_here, run

Result = TypeVar("Result", covariant=True)
Packed = TypeVar("Packed")
# The per-article work on articles (or on those a function reads with its map: see parallel.run), a partition at a
# time, each beside its results as ``pack`` made them; in input order.
Executor = Callable[[Articles, Pack[Packed]], Iterable[tuple[list[Article], Packed]]]


class Sink(Protocol[Packed, Result]):
    """Where per-article results go, and what merging them across articles gives.

    ``pack`` (a function reachable by its qualified name, such as a static method, so it pickles) turns a
    partition's results into what the sink keeps; the executor runs it on the worker that made them, so the
    client takes back only that, in bulk.
    """

    pack: Pack[Packed]

    def add(self, articles: list[Article], packed: Packed) -> None: ...

    def finish(self) -> Result: ...


def flow(articles: Articles, execute: Executor, sink: Sink[Packed, Result]) -> Result:
    """Run the per-article work on ``articles`` (a stream is fine, or a function reading them with the executor's
    map), hand each partition's results to the sink, then merge."""
    try:
        for part, packed in execute(articles, sink.pack):
            sink.add(part, packed)
    except BaseException:
        gc.unfreeze()  # what a sink froze (MemorySink.add) is no longer kept: let the collector see it again
        raise
    return sink.finish()


def per_article(workers: int = 1, dask_address: str | None = None, progress: Progress | None = None) -> Executor:
    """The per-article work in this process, on ``workers`` processes, or on the Dask cluster at ``dask_address``;
    its workers are started for it and stopped when the articles run out, before the merge."""
    return partial(run, workers=workers, dask_address=dask_address, progress=progress)


def read(inputs: Iterable, published: Mapping | None = None, allow_private_urls: bool = False,
         max_chars: int = MAX_CHARS,
         unchanged: Callable[[Path], bool] | None = None) -> Callable[[Mapper], Iterator[tuple[Article | None, ReportRow]]]:
    """The inputs as a stream of (article, report row) read with a map: the per-article executor's, so the workers
    that process the articles read a folder's files where they can reach it (those ``unchanged`` names are skipped)."""
    return lambda mapper: iter_load(inputs, published, allow_private_urls, max_chars, mapper, unchanged)


class MemorySink:
    """Keeps every result and merges all their events at the end: a :class:`Timeline`."""

    pack = staticmethod(outcomes)

    def __init__(self, report: list[ReportRow], workers: int = 1, dask_address: str | None = None) -> None:
        self.report, self.workers, self.dask_address = report, workers, dask_address
        self.results: list[ArticleResult] = []

    def add(self, articles: list[Article], packed: list[tuple]) -> None:
        """Keep a partition's results. They live until the merge, so they are moved out of the cyclic garbage
        collector's sight (``gc.freeze``): else every collection scans all results kept so far, which cost the
        client more than unpickling them (benchmarks/README.md, "Sixth session": 0.65 → 0.47 ms an article)."""
        self.results.extend(ArticleResult(article, timexes, events)
                            for article, (timexes, events) in zip(articles, packed, strict=True))
        gc.freeze()

    def finish(self) -> Timeline:
        gc.unfreeze()
        events = merge_events([event for r in self.results for event in r.events],  # a pool only if blocks share out
                              one_call_map(self.workers, self.dask_address))
        return Timeline([r.article for r in self.results], {r.article.id: r.timexes for r in self.results},
                        events, self.report)


def build(inputs: Iterable[str | Path | Article] | str | Path | Article,
          published: Mapping[str, str | date] | None = None, allow_private_urls: bool = False,
          workers: int = 1, dask_address: str | None = None, show_progress: bool = False,
          max_chars: int = MAX_CHARS) -> Timeline:
    """Read articles, find and resolve their dates, and make events.

    ``inputs`` are files, folders (read recursively, with their manifest),
    http(s) URLs or Article objects. ``published`` overrides publication dates
    by file name. ``workers`` processes (or the Dask cluster at
    ``dask_address``) tag the articles; the events are the same either way.
    """
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    report: list[ReportRow] = []
    progress = Progress(None) if show_progress else None

    def loaded(mapper: Mapper) -> list[Article]:
        """Every input read (by the workers that then process the articles) before any is processed: a later
        duplicate's origin joins its first copy's, which its events show."""
        ingested = load(inputs, published, allow_private_urls, max_chars, mapper)
        report.extend(ingested.report)
        if progress:
            progress.expect(len(ingested.articles))
        return ingested.articles
    return flow(loaded, per_article(workers, dask_address, progress), MemorySink(report, workers, dask_address))


def assemble(articles: list[Article], report: list[ReportRow],
             results_of: Callable[[Iterable[Article]], Iterable[ArticleResult]] | None = None) -> Timeline:
    """The timeline of articles already read; ``results_of`` (articles to their results, in order) lets a caller
    run or cache the per-article work its way."""
    return flow(articles, packed_here(results_of) if results_of else run, MemorySink(report))


__all__ = ["Executor", "MemorySink", "Sink", "Timeline", "assemble", "build", "flow", "per_article", "read"]
