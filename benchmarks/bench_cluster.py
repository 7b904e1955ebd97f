"""Reading a folder and the per-article step on a Dask LocalCluster: the client's share of the work, the speed-up.

    python benchmarks/bench_cluster.py CORPUS_DIR [--workers 2]

The cluster (scheduler and worker processes) runs in a separate process, so the
CPU time of this process is the client's alone: sending partitions of paths and
of articles, admitting the articles read, taking results back. A worker's compute
is the CPU time its process spent. The client
share is client CPU / worker CPU; a client at 5 % could feed about 20 workers.
Wall-clock speed-up is against the same articles processed here serially; on a
shared machine it is noisy, so the CPU-time speed-up (serial CPU / the busiest
worker's CPU) is printed beside it: what the wall clock would show on idle cores.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.ingest import load  # noqa: E402
from timeline.parallel import executor, process_article, run  # noqa: E402

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
        dask_wall, client_cpu, workers_cpu, count = _distributed(args.corpus, address)
    finally:
        cluster.kill()
        cluster.wait()
    process_article(load([next(args.corpus.glob("*.txt"))]).articles[0])  # warm: models load once
    wall, cpu = time.perf_counter(), cpu_seconds()
    for _ in map(process_article, load([args.corpus]).articles):
        pass
    serial_wall, serial_cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    per = 1e3 / count
    print(f"{count} articles read and processed")
    print(f"serial: {serial_wall:.1f} s wall, {serial_cpu * per:.2f} ms CPU per article")
    print(f"dask, {args.workers} workers: {dask_wall:.1f} s wall; client {client_cpu * per:.3f} ms CPU per article, "
          f"workers {sum(workers_cpu) * per:.2f} ms CPU per article (busiest {max(workers_cpu):.1f} s)")
    print(f"client share: {client_cpu / sum(workers_cpu):.1%} of the workers' compute")
    print(f"speed-up vs serial: {serial_wall / dask_wall:.2f}x wall clock, "
          f"{serial_cpu / max(workers_cpu):.2f}x by CPU time (serial CPU / busiest worker's CPU)")
    return 0


def _distributed(corpus: Path, address: str) -> tuple[float, float, list[float], int]:
    """Wall time, this process's CPU time and each worker's CPU time for reading and processing the corpus."""
    from dask.distributed import Client

    sample = load([next(corpus.glob("*.txt"))]).articles[0]
    with Client(address) as client:
        client.wait_for_workers(1)
        client.run(process_article, sample)  # warm: imports and models load once per worker
        before = worker_cpu(client)
        wall, cpu = time.perf_counter(), cpu_seconds()
        with executor(dask_address=address) as mapper:
            articles = load([corpus], mapper=mapper).articles
            count = sum(1 for _ in run(articles, dask_address=address, mapper=mapper))
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        after = worker_cpu(client)
    return wall, cpu, [after[w] - before[w] for w in after], count


if __name__ == "__main__":
    sys.exit(main())
