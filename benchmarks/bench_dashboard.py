"""Dashboard speed in a real browser: headless Chromium on `streamlit run app.py`, from a reader's action to the
redrawn overview and chart, on the seeds and on folders giving about 1,000 and 10,000 events.

    python benchmarks/bench_dashboard.py [ARTICLES ...]     (default: 70 680 articles, about 1k and 10k events)
    python benchmarks/bench_dashboard.py 0                  (the seeds only)
    python benchmarks/bench_dashboard.py --streamlit-run 0  (started with `streamlit run app.py`, to compare)
    python benchmarks/bench_dashboard.py --root DIR 0       (the app of another checkout, e.g. an older commit
                                                            unpacked with `git archive`, to compare)
    python benchmarks/bench_dashboard.py --drawings         (no browser: the CPU time of a rerun's drawings)

The server is started as `make run` starts it (`python -m timeline.serve`: pandas, Plotly and the package loaded
before it serves) unless --streamlit-run is given.

Each folder holds synthetic articles (TBAQ texts with varied dates, as in bench_events.py) beside the seeds.
Timed: the first view of the seeds — page load to the SVG overview drawn (the reader sees what happened when)
and to the interactive Plotly chart drawn, with the phases, the main thread's CPU time at each and when Plotly's
script was loaded; reading the folder (tagging: not a floor); and filter changes (search words typed and Enter
pressed, to the new count shown and both drawings redrawn). An app without the overview (before it was added)
is timed to its chart only. The load average is printed beside the times: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from bench_events import synthetic_articles  # noqa: E402
from browser import browser_page, dashboard_server  # noqa: E402

CHART_LIMIT = 200  # as in app.py

SUMMARY = "document.querySelector('[data-testid=\"stMarkdownContainer\"] p strong') && " \
          "Array.from(document.querySelectorAll('p')).find(p => p.innerText.includes('events shown'))"
DRAWN = "document.querySelector('.js-plotly-plot .main-svg') || document.body.innerText.includes('No events match')"
# Events drawn in the overview, once its image is decoded (-1 before): its SVG's marks, one per event.
OVERVIEW = ("(() => { const i = document.querySelector('img.timeline-overview'); return i && i.complete && i.naturalWidth"
            " ? (atob(i.src.split(',')[1]).match(/class=\"mark\"/g) || []).length : -1; })()")
# Events drawn on the chart: every id in the mark traces (a WebGL line trace repeats an id per vertex).
MARKS = ("Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => p.data || []).flat()"
         ".filter(t => t.name === 'spans' || t.name === 'points')"
         ".reduce((ids, t) => { t.customdata.forEach(i => ids.add(i)); return ids; }, new Set()).size")


FOLDER = "Read a folder (on this computer)"
# The largest script the page loaded (Streamlit's Plotly element, ~4.7 MB): when the browser asked for it and
# had it, in seconds from the page's start; it must be parsed before the chart is drawn.
LARGEST_SCRIPT = ("(() => { const s = performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script')"
                  ".sort((a, b) => b.decodedBodySize - a.decodedBodySize)[0]; return s ? [s.decodedBodySize, "
                  "s.startTime / 1000, s.responseEnd / 1000] : null; })()")


def summary(page) -> str:
    return page.evaluate(f"({SUMMARY}) ? ({SUMMARY}).innerText : ''")


def charted(page) -> int:
    """Events the count line says are shown, up to what the overview and the chart draw."""
    return min(int(summary(page).split("·")[1].split("of")[0]), CHART_LIMIT)


def settle(page, before: str, timeout: float = 600_000) -> None:
    """Wait until the count line changed and the overview (when the app has one) and the chart hold as many events
    as it says (or the page says none match)."""
    page.wait_for_function(f"(({SUMMARY}) ? ({SUMMARY}).innerText : '') !== {before!r}", timeout=timeout)
    shown = charted(page)
    drawn = ("document.body.innerText.includes('No events match')" if shown == 0 else
             f"({MARKS}) === {shown}" + (f" && ({OVERVIEW}) === {shown}" if HAS_OVERVIEW else ""))
    page.wait_for_function(drawn, timeout=timeout)


def enter(page, label: str, value: str) -> float:
    """Type ``value`` into the field labelled ``label``, press Enter: seconds until the chart is redrawn."""
    before = summary(page)
    box = page.get_by_label(label)
    box.fill(value)
    began = time.perf_counter()
    box.press("Enter")
    settle(page, before)
    return time.perf_counter() - began


def changes(page, devtools, searches: tuple[str, ...]) -> str:
    """Each search's time to the redrawn page, and the main thread's CPU time in it (less sensitive to the load)."""
    times, busy = [], []
    for words in searches:
        before = _busy(devtools)
        times.append(enter(page, "Search words", words))
        busy.append(_busy(devtools) - before)
    return (", ".join(f"{t:.2f} s" for t in times) + " (main thread " + ", ".join(f"{b:.2f}" for b in busy)
            + f" s); {load()}")


def _busy(devtools) -> float:
    return next(m["value"] for m in devtools.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")


def write_folder(folder: Path, count: int) -> None:
    for article in synthetic_articles(count):
        Path(folder, f"{article.id}.txt").write_text(
            f"Title: {article.title}\nPublished: {article.published.isoformat()}\n\n{article.text}", encoding="utf-8")


def main_thread(devtools) -> str:
    """The CPU time the page's main thread has spent so far: in all, and running scripts."""
    spent = {m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]}
    return f"{spent.get('TaskDuration', 0):.2f} s (scripts {spent.get('ScriptDuration', 0):.2f} s)"


def load() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


HAS_OVERVIEW = True


def drawings(repeats: int = 5) -> None:
    """CPU seconds (best of ``repeats``) to lay out, draw the overview (with its image) and build the Plotly figure
    and its JSON, as a rerun does, for the seeds and for the CHART_LIMIT best of 10,000 synthetic events."""
    import plotly.io
    from bench_viz import synthetic_events

    from timeline import build
    from timeline.chart_layout import place
    from timeline.chart_style import SourceColours
    from timeline.frames import events_frame
    from timeline.overview import image_html, overview
    from timeline.viz import figure

    many = events_frame(synthetic_events(10_000))
    for name, events in (("seeds", build([HERE.parent / "seeds"]).events),
                         (f"best {CHART_LIMIT} of 10,000", many.nlargest(CHART_LIMIT, "score").sort_index())):
        spent = {"layout": [], "overview": [], "figure": []}
        for _ in range(repeats):
            began = time.process_time()
            placed = place(events)
            laid = time.process_time()
            image_html(overview(events, placed, SourceColours()), len(events))
            drawn = time.process_time()
            plotly.io.to_json(figure(events, colours=SourceColours(), placed=placed), validate=False)
            done = time.process_time()
            for key, seconds in zip(spent, (laid - began, drawn - laid, done - drawn), strict=True):
                spent[key].append(seconds)
        print(f"{name} ({len(events)} events): " + ", ".join(f"{key} {min(v):.3f} s" for key, v in spent.items())
              + f" CPU; {load()}")


def main() -> int:
    global HAS_OVERVIEW
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="*", type=int, default=[70, 680], help="0: the seeds only")
    parser.add_argument("--streamlit-run", action="store_true", help="start with `streamlit run app.py`")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout whose app is served")
    parser.add_argument("--drawings", action="store_true", help="time the drawings' CPU only, no browser")
    options = parser.parse_args()
    if options.drawings:
        drawings()
        return 0
    root, sizes = options.root.resolve(), [count for count in options.articles if count]
    HAS_OVERVIEW = (root / "timeline" / "overview.py").exists()
    print(f"app: {root} ({'with' if HAS_OVERVIEW else 'without'} the overview); {load()}")
    with dashboard_server(root, options.streamlit_run) as url, browser_page(viewport=(1400, 1100)) as (page, errors, _, _):
        devtools = page.context.new_cdp_session(page)
        devtools.send("Performance.enable", {"timeDomain": "threadTicks"})  # the page's CPU time, not the clock's
        began = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("[data-testid='stApp']", timeout=120_000)
        streamlit = time.perf_counter() - began  # Streamlit's own page and scripts, before ours runs
        page.wait_for_selector("[data-testid='stSidebar']", timeout=120_000)
        shell = time.perf_counter() - began
        page.wait_for_function(SUMMARY, timeout=120_000)
        counted = time.perf_counter() - began
        if HAS_OVERVIEW:
            page.wait_for_function(f"({OVERVIEW}) === {charted(page)}", timeout=120_000)
            overview = time.perf_counter() - began
            print(f"seeds: first view (overview drawn) {overview:.2f} s; main thread {main_thread(devtools)}")
        page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot", state="attached", timeout=120_000)
        mounted = time.perf_counter() - began  # the chart's element in the page: Plotly's script parsed and run
        page.wait_for_function(f"({SUMMARY}) && {DRAWN}", timeout=120_000)
        page.wait_for_function(f"({MARKS}) === {charted(page)}", timeout=120_000)
        print(f"seeds: chart drawn {time.perf_counter() - began:.2f} s (Streamlit page {streamlit:.2f} s, "
              f"app shell {shell:.2f} s, count line {counted:.2f} s, chart element {mounted:.2f} s; {summary(page)}); "
              f"main thread {main_thread(devtools)}")
        if script := page.evaluate(LARGEST_SCRIPT):
            print(f"seeds: largest script {script[0] / 1e6:.1f} MB asked for at {script[1]:.2f} s, "
                  f"loaded at {script[2]:.2f} s (from the page's start)")
        print("seeds: filter changes " + changes(page, devtools, ("Kassab", "")))
        for count in sizes:
            with tempfile.TemporaryDirectory() as folder:
                write_folder(Path(folder), count)
                loaded = enter(page, FOLDER, folder)
                print(f"{count} articles: folder read and drawn in {loaded:.1f} s ({summary(page)})")
                print(f"{count} articles: filter changes " + changes(page, devtools, ("market", "percent", "president",
                                                                                    "")))
                enter(page, FOLDER, "")
        if errors:
            print("browser errors:", errors)
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
