"""How many events the first view's overview draws without a label, and what the layout costs, for a few row limits.

    python benchmarks/bench_unlabelled.py 4 6 8   # rows per lane (chart_layout.MAX_ROWS) to try; default: the set one

On the seeds (hypothetical happenings hidden, as the dashboard opens) and on 1,000 synthetic events (bench_viz).
"""

from __future__ import annotations

import sys
import time

from bench_viz import synthetic_events

import timeline.chart_layout as chart_layout
from timeline import build
from timeline.chart_style import SourceColours
from timeline.frames import events_frame
from timeline.overview import overview

LABEL = 'class="label"'


def main() -> int:
    seeds = build(["seeds"]).events
    seeds = seeds[seeds["modality"] != "hypothetical"].reset_index(drop=True)
    sets = {"seeds": seeds, "1,000 synthetic": events_frame(synthetic_events(1000))}
    for rows in [int(a) for a in sys.argv[1:]] or [chart_layout.MAX_ROWS]:
        chart_layout.MAX_ROWS = rows
        for name, events in sets.items():
            start = time.process_time()
            placed = chart_layout.place(events)
            drawn = overview(events, placed, SourceColours())
            cpu = time.process_time() - start
            print(f"rows {rows} · {name}: {len(events) - drawn.count(LABEL)} of {len(events)} unlabelled · "
                  f"{placed.height():.0f} rows tall · layout and overview {cpu:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
