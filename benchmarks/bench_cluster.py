"""The per-article step on a 2-worker Dask LocalCluster: the client's share of the work, and the speed-up.

    python benchmarks/bench_cluster.py CORPUS_DIR [--articles 2000] [--workers 2]

The cluster (scheduler and worker processes) runs in a separate process, so the
CPU time of this process is the client's alone: submitting partitions and taking
results back. A worker's compute is the CPU time its process spent. The client
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
from timeline.parallel import process_article, run  # noqa: E402

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
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    began = cpu_seconds()
    articles = load([args.corpus]).articles[:args.articles]
    print(f"{len(articles)} articles; reading them in the client: {(cpu_seconds() - began) / len(articles) * 1e3:.2f} "
          "ms CPU per article (not counted below)")
    cluster = subprocess.Popen([sys.executable, "-c", _CLUSTER, str(args.workers)], stdout=subprocess.PIPE, text=True)
    try:
        address = cluster.stdout.readline().strip()
        dask_wall, client_cpu, workers_cpu = _distributed(articles, address)
    finally:
        cluster.kill()
        cluster.wait()
    wall, cpu = time.perf_counter(), cpu_seconds()
    for _ in map(process_article, articles):
        pass
    serial_wall, serial_cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    per = 1e3 / len(articles)
    print(f"serial: {serial_wall:.1f} s wall, {serial_cpu * per:.2f} ms CPU per article")
    print(f"dask, {args.workers} workers: {dask_wall:.1f} s wall; client {client_cpu * per:.3f} ms CPU per article, "
          f"workers {sum(workers_cpu) * per:.2f} ms CPU per article (busiest {max(workers_cpu):.1f} s)")
    print(f"client share: {client_cpu / sum(workers_cpu):.1%} of the workers' compute")
    print(f"speed-up vs serial: {serial_wall / dask_wall:.2f}x wall clock, "
          f"{serial_cpu / max(workers_cpu):.2f}x by CPU time (serial CPU / busiest worker's CPU)")
    return 0


def _distributed(articles, address: str) -> tuple[float, float, list[float]]:
    """Wall time, this process's CPU time and each worker's CPU time for one run of the per-article step."""
    from dask.distributed import Client

    with Client(address) as client:
        client.wait_for_workers(1)
        client.run(lambda: __import__("timeline.parallel"))  # imports are set-up, not per-article work
        before = worker_cpu(client)
        wall, cpu = time.perf_counter(), cpu_seconds()
        count = sum(1 for _ in run(articles, dask_address=address))
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        after = worker_cpu(client)
    assert count == len(articles)
    return wall, cpu, [after[w] - before[w] for w in after]


if __name__ == "__main__":
    sys.exit(main())
