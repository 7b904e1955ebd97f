"""A store re-run after a few articles changed: its time against the first run's.

    python benchmarks/bench_rerun.py CORPUS_DIR [--changed 0.01] [--workers 2] [--check]

Copies the corpus, builds a store from it, edits the given share of the
articles (a sentence added to each), then runs the build again: only the edited
articles are read and processed again, and only what they touch is merged
again. Prints both wall times, CPU times of the build process, and the ratio;
``--check`` then builds a fresh store of the edited corpus and says whether its
events equal the re-run's.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.store import Store  # noqa: E402


def timed_build(store: Store, corpus: Path, workers: int) -> tuple[float, float, object]:
    """Wall time and this process's CPU time (its pool workers not included) of one build."""
    wall, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_utime
    summary = store.build([corpus], workers=workers)
    return time.perf_counter() - wall, resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu, summary


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--check", action="store_true", help="compare the re-run's events with a fresh build's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        shutil.copytree(args.corpus, corpus)
        store = Store(Path(scratch) / "store.duckdb")
        first_wall, first_cpu, first = timed_build(store, corpus, args.workers)
        files = sorted(corpus.glob("*.txt"))
        step = max(1, round(1 / args.changed))
        for file in files[::step]:
            file.write_text(file.read_text(encoding="utf-8") + "\nFirefighters put out a blaze at the city depot on Monday.\n",
                            encoding="utf-8")
        again_wall, again_cpu, again = timed_build(store, corpus, args.workers)
        if args.check:
            fresh = Store(Path(scratch) / "fresh.duckdb")
            fresh.build([corpus], workers=args.workers)
            same = sorted(store.event_list(), key=lambda e: e.id) == sorted(fresh.event_list(), key=lambda e: e.id)
            print(f"re-run events equal a fresh build of the edited corpus: {same}")
            fresh.close()
        store.close()
    print(f"first run: {first_wall:.1f} s wall, {first_cpu:.1f} s client CPU; {first.articles} articles, "
          f"{first.events} events")
    print(f"re-run after {again.changed} of {len(files)} articles changed: {again_wall:.1f} s wall, "
          f"{again_cpu:.1f} s client CPU; {again.events} events")
    print(f"re-run / first run: {again_wall / first_wall:.1%} wall, {again_cpu / first_cpu:.1%} client CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
