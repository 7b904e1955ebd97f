"""The per-article work (tag, then build events) and the ways to run it: one process, all cores, or Dask.

Results come back in input order whatever the executor, so a parallel or
distributed build gives exactly the events of a single-process build.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing import get_context

from .events import events_for_article
from .model import Article, Event, Timex
from .temporal import tag

BATCH = 256  # articles in flight per batch: bounds memory whatever the corpus size
MIN_PER_WORKER = 25  # below this many articles per worker, starting processes costs more than it saves


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
        while batch := list(islice(articles, BATCH)):
            futures = client.map(process_article, batch, pure=False)
            yield from client.gather(futures)


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
