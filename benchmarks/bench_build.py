"""End-to-end `timeline build` at scale: wall time, articles/s, MB/s and peak memory of the whole process tree.

    python benchmarks/bench_build.py CORPUS_DIR [--workers 1 2] [--db [--keep STORE.duckdb]] [--trace FILE]
                                     [--phases] [--root CHECKOUT]

Run benchmarks/make_corpus.py first. Peak memory is the largest sum of the
resident sets of the build process and its workers, sampled every 0.2 s.
``--trace`` writes every fifth sample (seconds, the build process's MB, its
workers' MB) to FILE, to tell the processing phase's memory from the merge's.
``--phases`` runs the build through build_phases.py and prints its CPU time by phase, in the build
process and summed over its workers, then a wall-clock timeline (who is busy when) and the wall time by the
build process's phase, with the cores left idle in it (see show_timeline). ``--root`` runs another checkout's
``timeline`` (an older commit, say) with this script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def measure(corpus: Path, workers: int, db: bool, keep: Path | None = None, trace: Path | None = None,
            phases: Path | None = None, root: Path = ROOT) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as scratch:
        runner = [str(Path(__file__).with_name("build_phases.py"))] if phases else ["-m", "timeline.cli"]
        command = [sys.executable, *runner, "build", str(corpus.resolve()), "--workers", str(workers)]
        if db:
            command += ["--db", str(keep.resolve() if keep else Path(scratch) / "bench.duckdb")]
        log, summary = Path(scratch) / "build.log", Path(scratch) / "summary.txt"
        environment = {**os.environ, "PYTHONPATH": str(root.resolve())}
        if phases:
            environment["TIMELINE_PHASES"] = str(phases.resolve())
        began = time.perf_counter()
        with log.open("w") as errors, summary.open("w") as output:
            process = psutil.Popen(command, cwd=root, stdout=output, stderr=errors, env=environment)
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


def show_phases(records: list[dict]) -> None:
    """The CPU seconds of each phase: the build process's, and its workers' summed (both pools)."""
    client = next(r for r in records if r["role"] == "client")
    workers = [r for r in records if r["role"] == "worker"]
    rows = [("build process: imports", client["imports"])]
    rows += [(f"build process: {name}", spent) for name, spent in sorted(client["phases"].items())]
    rows.append(("build process: main thread, other", client["main thread"] - client["imports"]
                 - sum(client["phases"].values())))
    rows += [(f"build process: {name}", spent) for name, spent in sorted(client["threads"].items())]
    rows.append(("build process: other threads (DuckDB's)", client["cpu"] - client["main thread"]
                 - sum(client["threads"].values())))
    summed: dict[str, float] = {}
    for record in workers:
        summed["imports"] = summed.get("imports", 0.0) + record["imports"]
        for name, spent in record["phases"].items():
            summed[name] = summed.get(name, 0.0) + spent
        summed["other"] = summed.get("other", 0.0) + record["cpu"] - record["imports"] - sum(record["phases"].values())
    rows += [(f"{len(workers)} workers: {name}", spent) for name, spent in sorted(summed.items())]
    for name, spent in rows:
        print(f"  {name:<58} {spent:8.1f} s")
    print(f"  {'build process, whole':<58} {client['cpu']:8.1f} s (peak {client['peak MB']:,.0f} MB)")
    print(f"  {'workers, whole':<58} {sum(r['cpu'] for r in workers):8.1f} s "
          f"(the build process's children by getrusage: {client['children cpu']:.1f} s)")


def _phase_name(name: str | None) -> str:
    """A phase as build_phases.py wrote it; its main thread's time in none (JSON's null key) is waiting, or code
    between phases."""
    return "(no phase)" if name in (None, "null") else name


def show_timeline(records: list[dict], window: int = 5, cores: int | None = None) -> None:
    """When each process was busy, from build_phases.py's per-second records: every ``window`` seconds, the build
    process's CPU and its main thread's phase, the workers alive, their CPU and phase, and the cores left idle;
    then the wall time by the build process's phase (the one it spent most of each second in), with the CPU of
    the build process and of its workers and the idle core-seconds in it: the critical path is where the
    build process works alone."""
    cores = cores or os.cpu_count() or 1
    client = next(r for r in records if r["role"] == "client")
    workers = [r for r in records if r["role"] == "worker"]
    seconds = sorted({int(second) for r in records for second in r["wall"]})
    first, last = seconds[0], seconds[-1]

    def cpu(record: dict, second: int) -> float:
        return record["cpu by second"].get(str(second), 0.0)

    def top(record: dict, second: int) -> str | None:
        spans = record["wall"].get(str(second))
        return max(spans, key=spans.get) if spans else None

    def label(phases: dict[str, float]) -> str:
        shown = sorted(phases.items(), key=lambda item: -item[1])[:2]
        return ", ".join(f"{_phase_name(name)} {spent:.0f}" for name, spent in shown if spent >= 0.5) or "-"

    print(f"  {'t (s)':>7} {'client CPU':>10}  {'client: main thread':<44} {'alive':>5} {'workers CPU':>11}  "
          f"{'workers: main threads':<44} {'idle':>5}")
    by_phase: dict[str, list[float]] = {}
    for start in range(first, last + 1, window):
        span = range(start, min(start + window, last + 1))
        client_cpu = sum(cpu(client, second) for second in span)
        workers_cpu = sum(cpu(w, second) for w in workers for second in span)
        client_phases: dict[str, float] = {}
        worker_phases: dict[str, float] = {}
        for second in span:
            for name, spent in client["wall"].get(str(second), {}).items():
                client_phases[name] = client_phases.get(name, 0.0) + spent
            for w in workers:
                for name, spent in w["wall"].get(str(second), {}).items():
                    worker_phases[name] = worker_phases.get(name, 0.0) + spent
            phase = _phase_name(top(client, second))
            idle = max(cores - cpu(client, second) - sum(cpu(w, second) for w in workers), 0.0)
            totals = by_phase.setdefault(phase, [0.0, 0.0, 0.0, 0.0])
            for i, value in enumerate((1.0, cpu(client, second), sum(cpu(w, second) for w in workers), idle)):
                totals[i] += value
        alive = max(sum(str(second) in w["wall"] for w in workers) for second in span)
        idle = max(cores * len(span) - client_cpu - workers_cpu, 0.0)
        print(f"  {start - first:>7} {client_cpu:>10.1f}  {label(client_phases)[:44]:<44} {alive:>5} "
              f"{workers_cpu:>11.1f}  {label(worker_phases)[:44]:<44} {idle:>5.1f}")
    print(f"\n  {'the build process (its main thread) in':<44} {'wall':>7} {'client CPU':>10} {'workers CPU':>11} "
          f"{'idle core-s':>11}")
    for phase, (wall, client_cpu, workers_cpu, idle) in sorted(by_phase.items(), key=lambda item: -item[1][0]):
        print(f"  {phase[:44]:<44} {wall:>7.0f} {client_cpu:>10.1f} {workers_cpu:>11.1f} {idle:>11.1f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--db", action="store_true", help="build into a DuckDB store")
    parser.add_argument("--keep", type=Path, help="with --db: keep the store here (e.g. for bench_store_merge.py)")
    parser.add_argument("--trace", type=Path, help="write seconds, build process MB and workers' MB every second here")
    parser.add_argument("--phases", action="store_true", help="print the CPU time of each phase, client and workers")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose timeline package is run")
    args = parser.parse_args()
    files = list(args.corpus.glob("*.txt"))
    size = sum(f.stat().st_size for f in files) / 1e6
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as scratch:
            phases = Path(scratch) / "phases.jsonl" if args.phases else None
            elapsed, peak, events = measure(args.corpus, workers, args.db, args.keep, args.trace, phases, args.root)
            print(f"{len(files)} articles ({size:.1f} MB), {workers} worker(s){' with store' if args.db else ''}: "
                  f"{elapsed:.1f} s, {len(files) / elapsed:.0f} articles/s, {size / elapsed:.2f} MB/s, "
                  f"peak {peak:.0f} MB, {events} merged events ({events / len(files):.1f} per article)")
            if phases:
                records = [json.loads(line) for line in phases.read_text().splitlines()]
                show_phases(records)
                show_timeline(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
