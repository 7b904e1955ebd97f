"""All cores and Dask give exactly the events of a single-process build."""

from __future__ import annotations

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
