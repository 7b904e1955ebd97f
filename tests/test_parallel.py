"""All cores and Dask give exactly the events of a single-process build."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from timeline import Article, build

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@pytest.fixture(scope="module")
def articles():
    out = []
    for index in range(60):
        text = (f"The council of town {index % 7} voted on {WEEKDAYS[index % 5]} to close the bridge. "
                f"Repairs began in March 2024 and will end by June {index % 28 + 1}, 2025. "
                f"Mayor Ana Reyes said on {WEEKDAYS[(index + 2) % 5]} that the 2019 floods had weakened it.")
        out.append(Article(f"a{index}", text, outlet=f"Outlet {index % 3}", published=None))
    return out


def fingerprint(timeline):
    return [(e.id, e.value, e.title, sorted((s.article_id, s.sentence_span) for s in e.sources))
            for e in timeline.event_list]


def test_two_processes_equal_one(articles):
    assert fingerprint(build(articles, workers=2)) == fingerprint(build(articles, workers=1))


def test_dask_local_cluster_equals_one_process(articles):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        remote = build(articles, dask_address=cluster.scheduler_address)
    assert fingerprint(remote) == fingerprint(build(articles))


def test_dask_map_keeps_input_order_with_several_tasks_in_flight():
    distributed = pytest.importorskip("dask.distributed")
    from timeline.parallel import dask_map

    with distributed.LocalCluster(n_workers=2, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        # Later items finish first (shorter sleeps), so order must be restored, not just observed.
        squares = list(dask_map(client, _slow_square, [5, 4, 3, 2, 1, 0, 6, 7], in_flight=4))
    assert squares == [n * n for n in [5, 4, 3, 2, 1, 0, 6, 7]]


def _slow_square(n: int) -> int:
    import time

    time.sleep(n * 0.02)
    return n * n


# A merge corpus whose merges cross any cut by date: each story is told on consecutive days by several
# outlets, and a month-long statement ("in March") overlaps the days of the stories around it.
STORIES = ["The harbour authority closed the northern pier after a crane collapsed",
           "Farmers blocked the motorway near Lyon to protest diesel taxes",
           "The central bank raised interest rates by half a point",
           "A landslide buried the mountain road above Sion",
           "Striking nurses marched on the health ministry in Lisbon"]


@pytest.fixture(scope="module")
def merge_corpus():
    from timeline.parallel import process_article

    articles = []
    for index in range(45):
        story = STORIES[index % len(STORIES)]
        day = 1 + (index % len(STORIES)) * 4 + index % 3  # a story's reports land on neighbouring days
        text = f"{story} on March {day}, 2024. In March 2024, {story[0].lower()}{story[1:]}."
        articles.append(Article(f"m{index:02d}", text, outlet=f"Outlet {index % 4}",
                                published=date(2024, 3, day + 1)))
    events = [event for article in articles for event in process_article(article).events]
    return sorted(events, key=lambda e: (e.sources[0].article_id, e.id))


def _merged(events, block_events, mapper=map):
    from timeline.events.merge import materialize, plan_merge
    from timeline.events.slim import slim_table

    plan = plan_merge(slim_table(events), mapper, block_events)
    return list(materialize(plan, lambda indices: [events[i] for i in indices]))


def test_merge_in_date_blocks_on_a_pool_equals_one_pass(merge_corpus):
    from timeline.events.blocks import block_keys, candidate_components, date_blocks
    from timeline.events.slim import slim_table
    from timeline.parallel import executor

    table = slim_table(merge_corpus)
    order = np.lexsort((table.end, table.begin))
    component = candidate_components(*block_keys(table, order), table.begin, table.end, len(table))
    blocks = date_blocks(component, order, 4)
    assert len(blocks) > 2  # the corpus really is cut into blocks
    whole = _merged(merge_corpus, None)
    # Merges cross any cut by day: a day of one report joins the month another states (cut on days, they part).
    assert any(len({s.date_text for s in e.sources}) > 1 for e in whole)
    with executor(2) as mapper:
        blocked = _merged(merge_corpus, 4, mapper)
    assert blocked == whole  # same ids, times, titles, sources, scores and conflicts, in the same order


def test_blocks_never_split_a_component_and_follow_date_order():
    from timeline.events.blocks import date_blocks

    component = np.array([2, 0, 1, 0, 2, 1, 3])
    order = np.array([1, 3, 2, 5, 0, 4, 6])  # dates: component 0 first, then 1, 2, 3
    blocks = date_blocks(component, order, 3)
    assert [b.tolist() for b in blocks] == [[1, 3], [2, 5], [0, 4, 6]]


def test_workers_reading_a_folder_load_what_one_process_loads(tmp_path):
    from timeline.ingest import READ_PARTITION, load
    from timeline.parallel import executor

    for index in range(2 * READ_PARTITION + 5):  # three partitions of files
        story = index if index != 2 * READ_PARTITION else 3  # a late duplicate of an early file: found across partitions
        (tmp_path / f"note{index:03d}.txt").write_text(
            f"Title: Note {index}\nPublished: 2024-05-{index % 28 + 1:02d}\n\nThe depot {story} reopened on Monday.\n")
    with executor(2) as mapper:
        spread = load([tmp_path], mapper=mapper)
    alone = load([tmp_path])
    assert [vars(a) for a in spread.articles] == [vars(a) for a in alone.articles]
    assert [vars(r) for r in spread.report] == [vars(r) for r in alone.report]
    assert sum(r.reason.startswith("duplicate") for r in spread.report) == 1


def test_a_cluster_that_cannot_see_the_folder_leaves_reading_to_the_client(tmp_path):
    from pathlib import Path

    from timeline.ingest import READ_PARTITION, load

    for index in range(2 * READ_PARTITION):
        (tmp_path / f"n{index:03d}.txt").write_text(f"Published: 2024-05-02\n\nThe depot {index} reopened on Monday.\n")

    def elsewhere(function, items):
        """A map run on a machine where the folder is not mounted: every path given points nowhere."""
        def moved(item):
            return [Path("/nowhere") / p.name for p in item] if isinstance(item, list) else Path("/nowhere") / item.name
        return map(function, map(moved, items))

    loaded = load([tmp_path], mapper=elsewhere)
    assert len(loaded.articles) == 2 * READ_PARTITION
    assert all(row.status == "loaded" for row in loaded.report)


def test_a_worker_that_dies_fails_the_build_instead_of_hanging_it():
    """A worker killed mid-build (out of memory, say) must end the build with an error the user sees."""
    import os
    from concurrent.futures.process import BrokenProcessPool

    from timeline.parallel import executor

    with pytest.raises(BrokenProcessPool), executor(2) as mapper:
        list(mapper(os._exit, [1, 2, 3]))


def _packed_where(results):
    import os

    return os.getpid(), [r.article.id for r in results]


@pytest.mark.parametrize("workers", [1, 2])
def test_each_partition_is_packed_where_its_results_were_made(articles, workers):
    """A sink's pack runs on the worker, so only what the sink keeps travels back, a partition at a time."""
    import os

    from timeline.parallel import PARTITION, run

    parts = list(run(articles, _packed_where, workers=workers))
    assert [a.id for part, _ in parts for a in part] == [a.id for a in articles]
    assert all([a.id for a in part] == ids and len(part) <= PARTITION for part, (_, ids) in parts)
    assert ({pid for _, (pid, _) in parts} == {os.getpid()}) == (workers == 1)
