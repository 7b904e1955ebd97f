"""End-to-end `timeline build` at scale: wall time, articles/s, MB/s and peak memory of the whole process tree.

    python benchmarks/bench_build.py CORPUS_DIR [--workers 1 2] [--db [--keep STORE.duckdb]]

Run benchmarks/make_corpus.py first. Peak memory is the largest sum of the
resident sets of the build process and its workers, sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def measure(corpus: Path, workers: int, db: bool, keep: Path | None = None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "timeline.cli", "build", str(corpus), "--workers", str(workers)]
        if db:
            command += ["--db", str(keep.resolve() if keep else Path(scratch) / "bench.duckdb")]
        log, summary = Path(scratch) / "build.log", Path(scratch) / "summary.txt"
        began = time.perf_counter()
        with log.open("w") as errors, summary.open("w") as output:
            process = psutil.Popen(command, cwd=ROOT, stdout=output, stderr=errors)
        peak = 0
        while process.poll() is None:
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
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
    args = parser.parse_args()
    files = list(args.corpus.glob("*.txt"))
    size = sum(f.stat().st_size for f in files) / 1e6
    for workers in args.workers:
        elapsed, peak, events = measure(args.corpus, workers, args.db, args.keep)
        print(f"{len(files)} articles ({size:.1f} MB), {workers} worker(s){' with store' if args.db else ''}: "
              f"{elapsed:.1f} s, {len(files) / elapsed:.0f} articles/s, {size / elapsed:.2f} MB/s, peak {peak:.0f} MB, "
              f"{events} merged events ({events / len(files):.1f} per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
