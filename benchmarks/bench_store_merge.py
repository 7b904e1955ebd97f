"""The merge stage of a store on its own: wall time and peak resident memory of re-merging every event.

    python benchmarks/bench_store_merge.py STORE.duckdb [--workers 2]

Works on a copy, so the store given is left as it was. Build one first, e.g.
``timeline build CORPUS --db STORE.duckdb`` on a corpus from ``make_corpus.py``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--workers", type=int, default=1, help="merge date blocks on a pool of this many processes")
    args = parser.parse_args()
    process, peak, done = psutil.Process(), [0], threading.Event()

    def sample() -> None:  # this process and its pool's
        while not done.is_set():
            try:
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]))
            except psutil.Error:
                pass
            time.sleep(0.2)

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
        count, largest = store.db.execute("SELECT count(*), max(size) FROM (SELECT count(*) AS size FROM article_events "
                                          "GROUP BY merge_component)").fetchone()
        store.close()
    print(f"{rows:,} per-article events -> {merged:,} merged events in {elapsed:.1f} s with {args.workers} "
          f"process(es), peak resident memory {peak[0] / 2**20:,.0f} MB")
    print(f"largest merged event: {largest_before:,} sources before, {largest_after:,} after")
    print(f"candidate components: {count:,}, the largest {largest:,} events ({largest / max(rows, 1):.0%}): "
          "date blocks can share the merge out only as far as that allows")


def _largest_event(store: Store) -> int:
    """Sources of the biggest merged event: one huge event means merging chained unrelated statements."""
    cursor = store.db.execute("SELECT record FROM events")  # streamed: parsing in SQL would overflow the cap
    largest = 0
    while rows := cursor.fetchmany(2000):
        largest = max([largest, *(len(json.loads(record)["sources"]) for (record,) in rows)])
    return largest


if __name__ == "__main__":
    main()
