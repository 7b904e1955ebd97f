"""The merge stage of a store on its own: wall time and peak resident memory of re-merging every event.

    python benchmarks/bench_store_merge.py STORE.duckdb [--workers 2] [--stages]

Works on a copy, so the store given is left as it was. ``--stages`` also prints, for each stage of the
merge, this process's resident memory before it, its peak during it, and its CPU time (where the client's
memory goes; the pool's processes are not in these figures). Build one first, e.g.
``timeline build CORPUS --db STORE.duckdb`` on a corpus from ``make_corpus.py``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--workers", type=int, default=1, help="merge date blocks on a pool of this many processes")
    parser.add_argument("--stages", action="store_true", help="the client's memory and CPU time at each stage")
    args = parser.parse_args()
    process, peak, done = psutil.Process(), [0], threading.Event()
    stages = Stages(process) if args.stages else None

    def sample() -> None:  # this process and its pool's
        while not done.is_set():
            try:
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]))
                if stages:
                    stages.sample()
            except psutil.Error:
                pass
            time.sleep(0.05 if stages else 0.2)

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "store.duckdb"
        shutil.copyfile(args.store, copy)
        store = Store(copy)
        rows = store.db.execute("SELECT count(*) FROM article_events").fetchone()[0]
        largest_before = _largest_event(store)
        threading.Thread(target=sample, daemon=True).start()
        began = time.perf_counter()
        merged = store.remerge(args.workers)
        elapsed = time.perf_counter() - began
        done.set()
        largest_after = _largest_event(store)
        count, largest = store.db.execute("SELECT count(*), max(size) FROM (SELECT count(*) AS size FROM merge_state "
                                          "GROUP BY component)").fetchone()
        store.close()
    if stages:
        stages.show()
    print(f"{rows:,} per-article events -> {merged:,} merged events in {elapsed:.1f} s with {args.workers} "
          f"process(es), peak resident memory {peak[0] / 2**20:,.0f} MB")
    print(f"largest merged event: {largest_before:,} sources before, {largest_after:,} after")
    print(f"candidate components: {count:,}, the largest {largest:,} events ({largest / max(rows, 1):.0%}): "
          "date blocks can share the merge out only as far as that allows")


class Stages:
    """Wraps the merge's stages (functions of store.merging and events.merge) to record, per call, this
    process's resident memory at entry and exit and its peak in between (sampled), and the CPU time."""

    WRAPPED = {"timeline.store.merging": ("_load", "plan_merge", "_state", "_kept", "_save_state", "_write"),
               "timeline.events.merge": ("_adopt_stated_years", "block_keys", "candidate_components", "_roots_of",
                                         "attach_coarse", "_rank_groups", "_conflicts")}

    def __init__(self, process: psutil.Process) -> None:
        self.process = process
        self.active: list[list] = []  # [name, rss at entry, peak so far, cpu at entry]
        self.done: list[tuple[str, float, float, float, float]] = []
        for module_name, names in self.WRAPPED.items():
            module = importlib.import_module(module_name)
            for name in names:
                setattr(module, name, self._wrapped(name, getattr(module, name)))

    def _wrapped(self, name: str, function: Callable) -> Callable:
        def stage(*args, **kwargs):
            rss = self.process.memory_info().rss
            entry = [name, rss, rss, time.process_time()]
            self.active.append(entry)
            try:
                return function(*args, **kwargs)
            finally:
                self.sample()
                self.active.remove(entry)
                self.done.append((("  " * len(self.active)) + name, entry[1] / 2**20, entry[2] / 2**20,
                                  self.process.memory_info().rss / 2**20, time.process_time() - entry[3]))
        return stage

    def sample(self) -> None:
        rss = self.process.memory_info().rss
        for entry in list(self.active):
            entry[2] = max(entry[2], rss)

    def show(self) -> None:
        print(f"{'stage':<28} {'MB at entry':>12} {'peak MB':>9} {'MB at exit':>11} {'CPU s':>7}")
        for name, entry, top, exit_, cpu in self.done:
            print(f"{name:<28} {entry:>12,.0f} {top:>9,.0f} {exit_:>11,.0f} {cpu:>7.1f}")


def _largest_event(store: Store) -> int:
    """Sources of the biggest merged event: one huge event means merging chained unrelated statements."""
    cursor = store.db.execute("SELECT record FROM events")  # streamed: parsing in SQL would overflow the cap
    largest = 0
    while rows := cursor.fetchmany(2000):
        largest = max([largest, *(len(json.loads(record)["sources"]) for (record,) in rows)])
    return largest


if __name__ == "__main__":
    main()
