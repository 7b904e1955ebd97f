"""The candidate components of a store's merge: how far the blocking keys chain events, without merging.

    python benchmarks/bench_components.py STORE.duckdb [--sweep]

Reads the slim table the merge reads (read only: the store is not changed) and
prints the number of events, the largest candidate component (events, share, the
days it spans) and the next ones, before and after large components are cut
(:mod:`timeline.events.blocks`). The largest component bounds how far the date
blocks can share the merge out. ``--sweep`` also runs the greedy merge over the
largest (cut) component alone and prints its CPU time and the rise of this
process's peak resident memory. Build a store first, e.g. ``python
benchmarks/bench_build.py CORPUS --workers 2 --db --keep STORE.duckdb``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import duckdb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.events.blocks import LARGEST_COMPONENT, block_keys, candidate_components  # noqa: E402
from timeline.events.sweep import set_roots  # noqa: E402
from timeline.store.merging import _load  # noqa: E402

_DAY = 86400


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--sweep", action="store_true", help="merge the largest component alone: CPU and memory")
    args = parser.parse_args()
    db = duckdb.connect(str(args.store), read_only=True)
    db.execute("CREATE TEMP TABLE numbered AS SELECT event_id, "
               "row_number() OVER (ORDER BY article_id, event_id) - 1 AS n FROM article_events")
    table = _load(db)[0]
    db.close()
    order = np.lexsort((table.end, table.begin))
    for name, largest in (("uncut", len(table) + 1), (f"cut past {LARGEST_COMPONENT:,}", LARGEST_COMPONENT)):
        began = time.process_time()
        component = candidate_components(*block_keys(table, order), table.begin, table.end, len(table), largest)
        sizes = np.bincount(component)
        members = np.flatnonzero(component == int(sizes.argmax()))
        days = (int(table.end[members].max()) - int(table.begin[members].min())) / _DAY
        print(f"{name}: {len(table):,} per-article events in {len(sizes):,} candidate components "
              f"({time.process_time() - began:.1f} s CPU); the largest {len(members):,} events "
              f"({len(members) / max(len(table), 1):.1%}) over {days:,.0f} days; the next: "
              f"{', '.join(f'{size:,}' for size in np.sort(sizes)[-2:-6:-1].tolist())}")
    if args.sweep:
        part = table.take(members)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        began = time.process_time()
        roots = set_roots(part, component[members])
        print(f"merging the largest component alone: {len(np.unique(roots)):,} sets, "
              f"{time.process_time() - began:.1f} s CPU, peak resident memory up by "
              f"{(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
