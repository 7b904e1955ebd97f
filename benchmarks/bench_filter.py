"""The event filter on an in-memory events table: CPU time per filter change, as the dashboard makes them.

    python benchmarks/bench_filter.py [EVENTS ...]     (default: 1000 10000)

Prints the one-off ``EventFilter.apply`` + ``hidden_by`` on a DataFrame and, where the code has it, the
dashboard's way: the filter columns copied into DuckDB once per build, then one query per filter change.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_viz import synthetic_events  # noqa: E402

from timeline import filters  # noqa: E402
from timeline.filters import EventFilter  # noqa: E402
from timeline.frames import events_frame  # noqa: E402

CHOICES = [EventFilter(text="place1"), EventFilter(outlets=["Outlet 5"], min_confidence=0.5),
           EventFilter(names=["Place7"], precisions=["day"])]
REPEATS = 10


def cpu_per_change(change) -> float:
    """Milliseconds of CPU per filter change, averaged over every choice, each repeated."""
    began = time.process_time()
    for _ in range(REPEATS):
        for chosen in CHOICES:
            change(chosen)
    return (time.process_time() - began) * 1000 / (REPEATS * len(CHOICES))


def measure(count: int) -> str:
    frame = events_frame(synthetic_events(count))
    one_off = cpu_per_change(lambda chosen: (chosen.apply(frame), chosen.hidden_by(frame)))
    line = f"{count:6d} events: apply + hidden_by {one_off:6.1f} ms CPU per change"
    if hasattr(filters, "events_in_duckdb"):
        began = time.process_time()
        db = filters.events_in_duckdb(frame)
        copied = (time.process_time() - began) * 1000
        kept = cpu_per_change(lambda chosen: (frame.iloc[chosen.positions(db)], chosen.hidden(db)))
        line += f"; kept in DuckDB: copy {copied:.0f} ms once, then {kept:.1f} ms CPU per change"
    return line


def main() -> int:
    for count in [int(a) for a in sys.argv[1:]] or [1000, 10000]:
        print(measure(count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
