"""Figure and export at scale: build time, trace kinds and HTML size for 100 to 10,000 events.

    python benchmarks/bench_viz.py [EVENTS ...]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.export import render  # noqa: E402
from timeline.frames import events_frame  # noqa: E402
from timeline.model import Event, Interval, Source  # noqa: E402
from timeline.viz import figure  # noqa: E402

PRECISIONS = [("day", timedelta(days=1)), ("month", timedelta(days=30)), ("year", timedelta(days=365))]


def synthetic_events(count: int, seed: int = 5) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for index in range(count):
        precision, length = PRECISIONS[rng.randrange(3) if rng.random() < 0.4 else 0]
        begin = datetime(2015, 1, 1) + timedelta(days=rng.randrange(0, 3650))
        outlet = f"Outlet {rng.randrange(12)}"
        sentence = f"Event number {index} happened in the city of Place{rng.randrange(300)} with officials present."
        source = Source(f"a{index}", f"Article {index}", outlet, f"https://example.org/{index}", f"file{index}.txt",
                        sentence, (0, len(sentence)), (0, 5), "Event")
        events.append(Event(f"e{index}", Interval(begin, begin + length, precision), begin.date().isoformat(), None,
                            "on that day", f"Event number {index} in Place{index % 300}", sentence, "synthetic",
                            rng.choice([0.9, 0.8, 0.4]), [source], names=[f"Place{index % 300}"]))
    return events


def browser_times(page_html: str, expected: int, total: int) -> tuple[float, float, float] | None:
    """Seconds to first draw (chart and the first entries of the list) and to apply a text filter, in headless
    Chromium; the filter counts only once the page says how many events it shows, the chart holds them and its
    labels are fitted to the new axis (repacked into rows when few enough events are shown). Also
    the seconds the page's main thread was busy until the first draw (Chromium's TaskDuration): on a shared
    machine the wall time waits for other processes, the busy time much less."""
    if not Path("/usr/bin/chromium").exists():
        return None
    import tempfile

    from playwright.sync_api import sync_playwright

    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as handle:
        handle.write(page_html)
    marks = ("new Set(document.getElementById('chart').data.filter(t => t.name === 'spans' || t.name === 'points')"
             ".flatMap(t => t.customdata)).size")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        began = time.perf_counter()
        page.goto(Path(handle.name).as_uri())
        page.wait_for_function(f"() => document.querySelector('#events .event') && ({marks}) === {total}",
                               timeout=300_000)
        drawn = time.perf_counter() - began
        busy = next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")
        fitted = "Number(document.getElementById('chart').dataset.fitted || 0)"
        page.wait_for_function(f"() => {fitted} > 0", timeout=300_000)  # labels refit after the first draw
        before = page.evaluate(fitted)
        page.fill("#f-text", "place1")
        began = time.perf_counter()
        page.wait_for_function(f"() => document.getElementById('count').textContent.startsWith('{expected} of ') && "
                               f"({marks}) === {expected} && {fitted} > {before}", timeout=300_000)
        filtered = time.perf_counter() - began
        browser.close()
    Path(handle.name).unlink()
    return drawn, filtered, busy


def main() -> int:
    print(f"{'events':>7} {'figure s':>9} {'traces':>28} {'html s':>7} {'html MB':>8} {'browser draw s':>15} "
          f"{'filter s':>9} {'busy s':>7}")
    for count in [int(a) for a in sys.argv[1:]] or [100, 1000, 3000, 10000]:
        events = synthetic_events(count)
        frame = events_frame(events)
        began = time.perf_counter()
        fig = figure(frame)
        built = time.perf_counter() - began
        kinds = ",".join(sorted({trace.type for trace in fig.data}))
        began = time.perf_counter()
        page = render(events, "bench")
        rendered = time.perf_counter() - began
        expected = int(frame.apply(lambda e: "place1" in " ".join(
            [e["title"], e["sentence"], *e["outlets"], *e["names"]]).lower(), axis=1).sum())
        times = browser_times(page, expected, len(frame))
        browser = f"{times[0]:15.2f} {times[1]:9.2f} {times[2]:7.2f}" if times else f"{'(no chromium)':>15}"
        print(f"{count:7d} {built:9.2f} {kinds:>28} {rendered:7.2f} {len(page.encode()) / 1e6:8.1f} {browser}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
