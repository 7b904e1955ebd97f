"""Reading a folder and the per-article step on a Dask LocalCluster: the client's share of the work, the speed-up.

    python benchmarks/bench_cluster.py CORPUS_DIR [--workers 2]

The cluster (scheduler and worker processes) runs in a separate process, so the
CPU time of this process is the client's alone: sending partitions of paths and
of articles, admitting the articles read, taking results back and handing them to
a sink. That is measured for both sinks, each in the form its workers pack: the
in-memory one (timexes and events, kept; the merge is not counted) and the store
(rows as Arrow tables, inserted into a scratch store; the merge is not counted). A
worker's compute is the CPU time its process spent. The client share is client
CPU / worker CPU; a client at 5 % could feed about 20 workers. Each task also times the per-article step
inside the worker, which tells a worker's own overhead (reading, packing, Dask) from the step running slower
there than serially (two busy cores share caches, and other load).
Wall-clock speed-up is against the same articles processed here serially; on a
shared machine it is noisy, so the CPU-time speed-up (serial CPU / the busiest
worker's CPU) is printed beside it: what the wall clock would show on idle cores.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline import parallel  # noqa: E402
from timeline.ingest import load  # noqa: E402
from timeline.parallel import process_article, run  # noqa: E402
from timeline.pipeline import MemorySink  # noqa: E402
from timeline.store.schema import connect  # noqa: E402
from timeline.store.writes import StoreSink  # noqa: E402

_PROCESS_PARTITION = parallel._process_partition
_CLUSTER = """
import sys, time
from dask.distributed import LocalCluster
cluster = LocalCluster(n_workers=int(sys.argv[1]), threads_per_worker=1, processes=True, dashboard_address=None)
print(cluster.scheduler_address, flush=True)
time.sleep(10**6)
"""


def cpu_seconds() -> float:
    """CPU time of this process, all threads (the client's communication thread included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_cpu(client) -> dict[str, float]:
    import psutil

    return client.run(lambda: sum(psutil.Process().cpu_times()[:2]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    cluster = subprocess.Popen([sys.executable, "-c", _CLUSTER, str(args.workers)], stdout=subprocess.PIPE, text=True)
    try:
        address = cluster.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as scratch:
            sinks = {"in memory": lambda: MemorySink([]),
                     "store": lambda: StoreSink(connect(f"{scratch}/bench.duckdb", False), set())}
            measured = {name: _distributed(args.corpus, address, sink) for name, sink in sinks.items()}
    finally:
        cluster.kill()
        cluster.wait()
    process_article(load([next(args.corpus.glob("*.txt"))]).articles[0])  # warm: models load once
    wall, cpu = time.perf_counter(), cpu_seconds()
    for _ in map(process_article, load([args.corpus]).articles):
        pass
    serial_wall, serial_cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    count = measured["in memory"][-1]
    print(f"{count} articles read and processed")
    print(f"serial: {serial_wall:.1f} s wall, {serial_cpu * 1e3 / count:.2f} ms CPU per article")
    for name, (dask_wall, client_cpu, workers_cpu, step_cpu, count) in measured.items():
        per = 1e3 / count
        print(f"dask, {args.workers} workers, {name}: {dask_wall:.1f} s wall; client {client_cpu * per:.3f} ms CPU "
              f"per article, workers {sum(workers_cpu) * per:.2f} ms CPU per article (busiest {max(workers_cpu):.1f} s), "
              f"of which the per-article step {step_cpu * per:.2f} ms")
        print(f"  client share: {client_cpu / sum(workers_cpu):.1%} of the workers' compute; speed-up vs serial: "
              f"{serial_wall / dask_wall:.2f}x wall clock, {serial_cpu / max(workers_cpu):.2f}x by CPU time "
              f"(serial CPU / busiest worker's CPU)")
    return 0


def _timed_partition(pack: Callable, articles: list) -> tuple[object, float]:
    """A partition's packed results beside the CPU time its per-article step took in the worker."""
    began = time.process_time()
    results = [process_article(article) for article in articles]
    return pack(results), time.process_time() - began


def _distributed(corpus: Path, address: str, sink: Callable) -> tuple[float, float, list[float], float, int]:
    """Wall time, this process's CPU time, each worker's CPU time and the workers' CPU time in the per-article
    step, for reading the corpus and processing it into a new ``sink()`` (without its merge)."""
    from dask.distributed import Client

    sample = load([next(corpus.glob("*.txt"))]).articles[0]
    with Client(address) as client:
        client.wait_for_workers(1)
        client.run(process_article, sample)  # warm: imports and models load once per worker
        into = sink()
        before = worker_cpu(client)
        wall, cpu = time.perf_counter(), cpu_seconds()
        count, step = 0, 0.0
        parallel._process_partition = _timed_partition  # run's tasks time their step (restored below)
        try:
            # the workers read the files, then process the articles (one executor, as a build does)
            for part, (packed, spent) in run(lambda mapper: load([corpus], mapper=mapper).articles, into.pack,
                                             dask_address=address):
                into.add(part, packed)
                count, step = count + len(part), step + spent
        finally:
            parallel._process_partition = _PROCESS_PARTITION
        if isinstance(into, StoreSink):
            into.flush()
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        after = worker_cpu(client)
    return wall, cpu, [after[w] - before[w] for w in after], step, count


if __name__ == "__main__":
    sys.exit(main())
