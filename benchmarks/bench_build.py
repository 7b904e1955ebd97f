"""End-to-end `timeline build` at scale: wall time, articles/s, MB/s and peak memory of the whole process tree.

    python benchmarks/bench_build.py CORPUS_DIR [--workers 1 2] [--db [--keep STORE.duckdb]] [--trace FILE]

Run benchmarks/make_corpus.py first. Peak memory is the largest sum of the
resident sets of the build process and its workers, sampled every 0.2 s.
``--trace`` writes every fifth sample (seconds, the build process's MB, its
workers' MB) to FILE, to tell the processing phase's memory from the merge's.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def measure(corpus: Path, workers: int, db: bool, keep: Path | None = None,
            trace: Path | None = None) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "timeline.cli", "build", str(corpus), "--workers", str(workers)]
        if db:
            command += ["--db", str(keep.resolve() if keep else Path(scratch) / "bench.duckdb")]
        log, summary = Path(scratch) / "build.log", Path(scratch) / "summary.txt"
        began = time.perf_counter()
        with log.open("w") as errors, summary.open("w") as output:
            process = psutil.Popen(command, cwd=ROOT, stdout=output, stderr=errors)
        peak, samples = 0, 0
        with (trace.open("w") if trace else open(os.devnull, "w")) as traced:
            while process.poll() is None:
                try:
                    own = process.memory_info().rss
                    workers_rss = sum(p.memory_info().rss for p in process.children(recursive=True) if p.is_running())
                    peak = max(peak, own + workers_rss)
                    if samples % 5 == 0:
                        traced.write(f"{time.perf_counter() - began:.0f} {own / 1e6:.0f} {workers_rss / 1e6:.0f}\n")
                        traced.flush()
                    samples += 1
                except psutil.Error:
                    pass
                time.sleep(0.2)
        elapsed = time.perf_counter() - began
        if process.returncode:
            raise SystemExit(f"build failed with exit code {process.returncode}:\n{log.read_text()[-2000:]}")
        events = _events_built(summary.read_text())
    return elapsed, peak / 1e6, events


def _events_built(output: str) -> int:
    """The merged event count from the build's closing line ("… 123 events" or "… and 123 events stored")."""
    found = re.findall(r"(\d+) events(?: stored)?\s*$", output, re.MULTILINE)
    return int(found[-1]) if found else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--db", action="store_true", help="build into a DuckDB store")
    parser.add_argument("--keep", type=Path, help="with --db: keep the store here (e.g. for bench_store_merge.py)")
    parser.add_argument("--trace", type=Path, help="write seconds, build process MB and workers' MB every second here")
    args = parser.parse_args()
    files = list(args.corpus.glob("*.txt"))
    size = sum(f.stat().st_size for f in files) / 1e6
    for workers in args.workers:
        elapsed, peak, events = measure(args.corpus, workers, args.db, args.keep, args.trace)
        print(f"{len(files)} articles ({size:.1f} MB), {workers} worker(s){' with store' if args.db else ''}: "
              f"{elapsed:.1f} s, {len(files) / elapsed:.0f} articles/s, {size / elapsed:.2f} MB/s, peak {peak:.0f} MB, "
              f"{events} merged events ({events / len(files):.1f} per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
