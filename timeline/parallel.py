"""The per-article work (tag, then build events) and the ways to run it: one process, all cores, or Dask.

Results come back in input order whatever the executor, so a parallel or
distributed build gives exactly the events of a single-process build.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from multiprocessing import get_context
from typing import TypeVar

from .events import events_for_article
from .model import Article, Event, Timex
from .temporal import tag

MIN_PER_WORKER = 25  # below this many articles per worker, starting processes costs more than it saves
# Articles per task: one task per article costs the scheduler and the client more than a small article's work.
PARTITION = 64
IN_FLIGHT = 3  # tasks queued per worker, so a worker never waits for the client between tasks
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


Pack = Callable[[list[ArticleResult]], R]  # a partition's results as a sink keeps them; made where they were computed


Mapper = Callable[..., Iterator]  # an open executor's order-keeping map (see :func:`executor`)
# The articles, or a function of the map that reads them with it (files read by the workers that process them).
Articles = Iterable[Article] | Callable[[Mapper], Iterable[Article]]


def run(articles: Articles, pack: Pack[R], workers: int = 1, dask_address: str | None = None,
        progress: Progress | None = None) -> Iterator[tuple[list[Article], R]]:
    """Process articles in order, a partition at a time: in this process, on ``workers`` processes, or on Dask.

    Each partition comes back beside ``pack`` of its results, packed by the worker that made them, so the
    client only takes in what the sink keeps (see pipeline.Sink.pack). ``articles`` may be a stream; it is
    consumed a few partitions ahead, so memory stays bounded. Given as a function of a map, it reads them
    with this run's own workers: one pool reads the files and processes the articles (a second pool of
    readers beside it held about 390 MB at 100,000 articles), and it stops when they run out, before the
    merge. A process pool starts only when first used.
    """
    with executor(workers, dask_address) as using:
        iterator = iter(articles(using) if callable(articles) else articles)
        head = [] if dask_address or workers <= 1 else list(islice(iterator, MIN_PER_WORKER * workers))
        spread = bool(dask_address) or len(head) == MIN_PER_WORKER * workers > MIN_PER_WORKER
        sent: deque[list[Article]] = deque()  # the partitions in flight, oldest first: the mapper keeps input order

        def sending() -> Iterator[list[Article]]:
            for part in _partitions(chain(head, iterator), PARTITION):
                sent.append(part)
                yield part
        for packed in (using if spread else map)(partial(_process_partition, pack), sending()):
            part = sent.popleft()
            if progress:
                progress.step(len(part))
            yield part, packed
    if progress:
        progress.done()


def packed_here(results_of: Callable[[Iterable[Article]], Iterable[ArticleResult]]) -> Callable:
    """A caller's own per-article step (the dashboard's cache) as an executor like :func:`run`: its results are
    packed in this process, a partition at a time (articles given as a function of a map are read here)."""
    def execute(articles: Articles, pack: Pack[R]) -> Iterator[tuple[list[Article], R]]:
        for results in _partitions(iter(results_of(articles(map) if callable(articles) else articles)), PARTITION):
            yield [r.article for r in results], pack(results)
    return execute


def _process_partition(pack: Pack[R], articles: list[Article]) -> R:
    return pack([process_article(article) for article in articles])


def outcomes(results: list[ArticleResult]) -> list[tuple[list[Timex], list[Event]]]:
    """Results without their articles, which the client already holds: fewer bytes to send back."""
    return [(r.timexes, r.events) for r in results]


def _partitions(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while part := list(islice(items, size)):
        yield part


def dask_map(client, function: Callable[[T], R], items: Iterable[T], in_flight: int) -> Iterator[R]:
    """``function(item)`` for each item, computed on the cluster, in input order.

    Up to ``in_flight`` tasks are queued at once (memory stays bounded on a stream); ``as_completed`` tops
    the queue up as each finishes, so workers never idle while the client waits for the oldest one.
    """
    from dask.distributed import as_completed

    iterator, completed = enumerate(items), as_completed()
    queued: dict[str, int] = {}  # task key -> input position
    finished: dict[int, R] = {}  # done but waiting for an earlier one

    def top_up() -> None:
        while len(queued) + len(finished) < in_flight and (nxt := next(iterator, None)) is not None:
            future = client.submit(function, nxt[1], pure=False)
            queued[future.key] = nxt[0]
            completed.add(future)

    top_up()
    wanted = 0
    for future in completed:
        finished[queued.pop(future.key)] = future.result()
        future.release()
        while wanted in finished:
            yield finished.pop(wanted)
            wanted += 1
        top_up()


@contextmanager
def executor(workers: int = 1, dask_address: str | None = None) -> Iterator[Mapper]:
    """A ``map`` in input order over a process pool, a Dask cluster or this process, for coarse tasks
    (partitions of files or articles, a merge's date blocks): ``with executor(2) as mapper: …``."""
    if dask_address:
        from dask.distributed import Client

        with Client(dask_address) as client:
            in_flight = IN_FLIGHT * max(1, len(client.scheduler_info()["workers"]))
            yield lambda function, items: dask_map(client, function, items, in_flight)
    elif workers > 1:
        pools: list[ProcessPoolExecutor] = []  # started on first use: a merge of one block needs none

        def pooled(function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
            if not pools:
                pools.append(ProcessPoolExecutor(workers, mp_context=get_context("spawn")))
            return _bounded_map(pools[0], function, items, IN_FLIGHT * workers)
        try:
            yield pooled
        finally:
            for pool in pools:
                pool.shutdown(wait=True, cancel_futures=True)
    else:
        yield map


def one_call_map(workers: int = 1, dask_address: str | None = None) -> Mapper:
    """An order-keeping map whose workers start with its one call and stop as its results run out.

    For a merge's date blocks: an executor open around the whole merge kept its pool idle through ranking,
    the merge state and writing (about 500 MB at 100,000 articles). With one process it is ``map`` itself.
    """
    if workers <= 1 and not dask_address:
        return map

    def mapping(function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        with executor(workers, dask_address) as mapper:
            yield from mapper(function, items)
    return mapping


def _bounded_map(pool: ProcessPoolExecutor, function: Callable[[T], R], items: Iterable[T],
                 in_flight: int) -> Iterator[R]:
    """The pool's map with at most ``in_flight`` tasks queued (its own map submits the whole input at once).

    A worker that dies (killed for memory, say) fails the build with BrokenProcessPool instead of leaving it
    waiting for ever, as multiprocessing.Pool would."""
    queued: deque[Future] = deque()
    for item in items:
        queued.append(pool.submit(function, item))
        if len(queued) >= in_flight:
            yield queued.popleft().result()
    while queued:
        yield queued.popleft().result()


class Progress:
    """A one-line progress report on stderr: done/total, articles per second, time left."""

    def __init__(self, total: int | None, stream=sys.stderr, every: float = 0.5) -> None:
        self.total, self.stream, self.every = total, stream, every
        self.count, self.began, self.shown = 0, time.monotonic(), 0.0

    def expect(self, total: int) -> None:
        """The total, once known (the articles were read by the workers that process them): counted from now."""
        self.total, self.began = total, time.monotonic()

    def step(self, articles: int = 1) -> None:
        self.count += articles
        now = time.monotonic()
        if now - self.shown >= self.every or (self.total is not None and self.count >= self.total):
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
