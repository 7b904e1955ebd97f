"""One path from articles to events: the same events in memory, in the store, on a process pool and on Dask."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
from conftest import ROOT, SEEDS, TBAQ

from timeline import build, parallel
from timeline.ingest import READ_PARTITION, load
from timeline.parallel import MIN_PER_WORKER, process_article
from timeline.pipeline import assemble
from timeline.store import Store

SYNTHETIC = MIN_PER_WORKER * 2 + 5  # enough for parallel.run to start its pool of two workers


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds (with their manifest) beside news-like articles made from the TimeBank/AQUAINT texts."""
    if not TBAQ.is_dir():
        pytest.skip("the TBAQ corpus is not in ../shared")
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, folder / "seeds")
    _make_corpus()(SYNTHETIC, folder / "synthetic", seed=3)
    return folder


def everything(events) -> list[tuple]:
    """All that a reader sees of each event, sorted by id: a difference anywhere shows."""
    return sorted((e.id, e.begin, e.end, str(e.precision), e.value, e.mod, e.title, e.sentence, e.date_text,
                   tuple(e.names), e.confidence, e.conflict, e.score, str(e.placement), str(e.modality),
                   tuple((s.article_id, s.outlet, s.url, s.sentence_span, s.date_span, s.date_text) for s in e.sources))
                  for e in events)


@pytest.fixture(scope="module")
def in_memory(corpus):
    timeline = build([corpus], workers=1)
    assert len(timeline.article_list) == SYNTHETIC + 5 and len(timeline.event_list) > 100
    return everything(timeline.event_list)


def test_a_process_pool_gives_the_same_events(corpus, in_memory):
    assert everything(build([corpus], workers=2).event_list) == in_memory


def test_the_store_gives_the_same_events(corpus, in_memory, tmp_path):
    store = Store(tmp_path / "p.duckdb")
    try:
        summary = store.build([corpus], workers=2)
        assert summary.events == len(in_memory)
        assert everything(store.timeline().event_list) == in_memory
    finally:
        store.close()


def test_a_dask_cluster_gives_the_same_events(corpus, in_memory, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert everything(build([corpus], dask_address=cluster.scheduler_address).event_list) == in_memory
        store = Store(tmp_path / "p.duckdb")
        try:
            store.build([corpus], dask_address=cluster.scheduler_address)
            assert everything(store.timeline().event_list) == in_memory
        finally:
            store.close()


def test_a_caller_may_run_the_per_article_step_its_own_way(corpus, in_memory):
    """The dashboard caches the per-article work: its executor feeds the same merge."""
    ingested = load([corpus])
    seen = []

    def remembering(articles):
        for article in articles:
            seen.append(article.id)
            yield process_article(article)
    timeline = assemble(ingested.articles, ingested.report, remembering)
    assert seen == [a.id for a in ingested.articles]
    assert everything(timeline.event_list) == in_memory


def test_an_in_memory_build_leaves_no_object_frozen_from_the_collector_whether_it_ends_or_fails(monkeypatch):
    """The kept results are hidden from the garbage collector while a build runs (MemorySink.add); a finished or
    failed build must give them back, or a long-lived dashboard would never collect their cycles."""
    import gc

    articles = load([SEEDS]).articles
    timeline = assemble(articles, [], lambda items: map(process_article, items))
    assert timeline.event_list and gc.get_freeze_count() == 0

    monkeypatch.setattr(parallel, "PARTITION", 1)  # the first article's results are kept (and frozen) before it fails

    def failing(items):
        items = iter(items)
        yield process_article(next(items))
        yield process_article(next(items))
        raise RuntimeError("a worker died")

    with pytest.raises(RuntimeError):
        assemble(articles, [], failing)
    assert gc.get_freeze_count() == 0


def test_the_workers_that_read_a_folder_process_its_articles_with_no_second_pool(tmp_path, monkeypatch):
    """A store build reads a folder's files on its workers while they process the articles read before: one pool,
    not a pool of readers beside a pool of processors (at 100,000 articles the readers held about 390 MB)."""
    from concurrent.futures import ProcessPoolExecutor

    _make_corpus()(READ_PARTITION + 10, tmp_path / "corpus", seed=5)  # two partitions of files: read on the pool
    alive: set[ProcessPoolExecutor] = set()
    at_once: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            alive.add(self)
            at_once.append(len(alive))

        def shutdown(self, *args, **kwargs) -> None:
            alive.discard(self)
            super().shutdown(*args, **kwargs)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counted)
    store = Store(tmp_path / "s.duckdb")
    try:
        summary = store.build([tmp_path / "corpus"], workers=2)
    finally:
        store.close()
    assert summary.new == READ_PARTITION + 10 and summary.events > 0
    assert at_once and max(at_once) == 1


def test_the_merge_stops_its_pool_once_the_date_blocks_are_merged(corpus, tmp_path, monkeypatch):
    """The merge's workers merge the date blocks, then stop: kept open to the end, they idled through ranking,
    the merge state and writing, holding about 500 MB at 100,000 articles."""
    from concurrent.futures import ProcessPoolExecutor

    from timeline.events import merge as rules
    from timeline.store import merging

    alive: set[ProcessPoolExecutor] = set()
    started: list[ProcessPoolExecutor] = []
    alive_when_writing: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            alive.add(self)
            started.append(self)

        def shutdown(self, *args, **kwargs) -> None:
            alive.discard(self)
            super().shutdown(*args, **kwargs)
    write = merging._write

    def writing(*args) -> None:
        alive_when_writing.append(len(alive))
        write(*args)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(rules.plan_merge, "__defaults__", (map, 4, None))  # date blocks of 4 events: they share out
    monkeypatch.setattr(merging, "_write", writing)
    store = Store(tmp_path / "s.duckdb")
    try:
        store.build([corpus], workers=1)
        assert not started
        alive_when_writing.clear()
        assert store.remerge(workers=2) > 100
    finally:
        store.close()
    assert len(started) == 1 and alive_when_writing == [0]
