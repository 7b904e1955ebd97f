"""The per-article work (tag, then build events) and the ways to run it: one process, all cores, or Dask.

Results come back in input order whatever the executor, so a parallel or
distributed build gives exactly the events of a single-process build.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing import get_context
from typing import TypeVar

from .events import events_for_article
from .model import Article, Event, Timex
from .temporal import tag

BATCH = 256  # articles in flight per batch: bounds memory whatever the corpus size
MIN_PER_WORKER = 25  # below this many articles per worker, starting processes costs more than it saves
# Articles per Dask task: one task per article costs the scheduler and the client more than a small article's work.
PARTITION = 32
IN_FLIGHT = 3  # Dask partitions queued per worker, so a worker never waits for the client between partitions
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class ArticleResult:
    article: Article
    timexes: list[Timex]
    events: list[Event]  # before merging across articles


def process_article(article: Article) -> ArticleResult:
    """Everything that needs only the article itself; safe to run anywhere."""
    timexes = tag(article.text, article.published)
    return ArticleResult(article, timexes, events_for_article(article, timexes))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run(articles: Iterable[Article], workers: int = 1, dask_address: str | None = None,
        progress: Progress | None = None) -> Iterator[ArticleResult]:
    """Process articles in order: in this process, on ``workers`` processes, or on a Dask cluster.

    ``articles`` may be a stream; it is consumed a batch at a time, so memory stays bounded.
    """
    iterator = iter(articles)
    if dask_address:
        results = _run_dask(iterator, dask_address)
    elif workers > 1:
        head = list(islice(iterator, MIN_PER_WORKER * workers))
        enough = len(head) == MIN_PER_WORKER * workers
        results = _run_pool(chain(head, iterator), workers) if enough else map(process_article, head)
    else:
        results = map(process_article, iterator)
    for result in results:
        if progress:
            progress.step()
        yield result
    if progress:
        progress.done()


def _run_pool(articles: Iterator[Article], workers: int) -> Iterator[ArticleResult]:
    """A process pool fed a batch at a time (Pool.imap alone would read the whole stream ahead)."""
    with get_context("spawn").Pool(workers) as pool:
        while batch := list(islice(articles, BATCH * workers)):
            yield from pool.imap(process_article, batch, chunksize=16)


def _run_dask(articles: Iterator[Article], address: str) -> Iterator[ArticleResult]:
    from dask.distributed import Client

    with Client(address) as client:
        in_flight = IN_FLIGHT * max(1, len(client.scheduler_info()["workers"]))
        for part, outcomes in dask_map(client, _process_partition, _partitions(articles, PARTITION), in_flight):
            for article, (timexes, events) in zip(part, outcomes, strict=True):
                yield ArticleResult(article, timexes, events)


def _process_partition(articles: list[Article]) -> list[tuple[list[Timex], list[Event]]]:
    """A partition's results without the articles, which the client already holds: fewer bytes to send back."""
    return [(r.timexes, r.events) for r in map(process_article, articles)]


def _partitions(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while part := list(islice(items, size)):
        yield part


def dask_map(client, function: Callable[[T], R], items: Iterable[T], in_flight: int) -> Iterator[tuple[T, R]]:
    """Each item with ``function(item)`` computed on the cluster, in input order.

    Up to ``in_flight`` tasks are queued at once (memory stays bounded on a stream); ``as_completed`` tops
    the queue up as each finishes, so workers never idle while the client waits for the oldest one.
    """
    from dask.distributed import as_completed

    iterator, completed = enumerate(items), as_completed()
    queued: dict[str, tuple[int, T]] = {}  # task key -> (input position, item)
    finished: dict[int, tuple[T, R]] = {}  # done but waiting for an earlier one

    def top_up() -> None:
        while len(queued) + len(finished) < in_flight and (nxt := next(iterator, None)) is not None:
            future = client.submit(function, nxt[1], pure=False)
            queued[future.key] = nxt
            completed.add(future)

    top_up()
    wanted = 0
    for future in completed:
        number, item = queued.pop(future.key)
        finished[number] = (item, future.result())
        future.release()
        while wanted in finished:
            yield finished.pop(wanted)
            wanted += 1
        top_up()


@contextmanager
def executor(workers: int = 1, dask_address: str | None = None) -> Iterator[Callable[..., Iterator]]:
    """A ``map`` in input order over a process pool, a Dask cluster or this process, for coarse tasks
    (a merge's date blocks): ``with executor(2) as mapper: merge_events(events, mapper)``."""
    if dask_address:
        from dask.distributed import Client

        with Client(dask_address) as client:
            in_flight = IN_FLIGHT * max(1, len(client.scheduler_info()["workers"]))
            yield lambda function, items: (outcome for _, outcome in dask_map(client, function, items, in_flight))
    elif workers > 1:
        pools = []  # started on first use: a merge of one block needs none

        def pooled(function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
            if not pools:
                pools.append(get_context("spawn").Pool(workers))
            return pools[0].imap(function, items)
        try:
            yield pooled
        finally:
            for pool in pools:
                pool.terminate()
    else:
        yield map


class Progress:
    """A one-line progress report on stderr: done/total, articles per second, time left."""

    def __init__(self, total: int | None, stream=sys.stderr, every: float = 0.5) -> None:
        self.total, self.stream, self.every = total, stream, every
        self.count, self.began, self.shown = 0, time.monotonic(), 0.0

    def step(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.shown >= self.every or self.count == self.total:
            self.shown = now
            rate = self.count / max(now - self.began, 1e-9)
            if self.total is None:  # a stream: count and rate only
                self.stream.write(f"\r{self.count} articles  {rate:,.1f} articles/s ")
            else:
                left = (self.total - self.count) / rate if rate else 0.0
                self.stream.write(f"\r{self.count}/{self.total} articles  {rate:,.1f} articles/s  ETA {left:,.0f} s ")
            self.stream.flush()

    def done(self) -> None:
        if self.count:
            self.stream.write("\n")
            self.stream.flush()
