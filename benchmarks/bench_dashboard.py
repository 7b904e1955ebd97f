"""Dashboard speed in a real browser: headless Chromium on `streamlit run app.py`, from a reader's action to the
redrawn overview and chart, on the seeds and on folders giving about 1,000 and 10,000 events.

    python benchmarks/bench_dashboard.py [ARTICLES ...]     (default: 70 680 articles, about 1k and 10k events)
    python benchmarks/bench_dashboard.py 0                  (the seeds only)
    python benchmarks/bench_dashboard.py --streamlit-run 0  (started with `streamlit run app.py`, to compare)
    python benchmarks/bench_dashboard.py --root DIR 0       (the app of another checkout, e.g. an older commit
                                                            unpacked with `git archive`, to compare)
    python benchmarks/bench_dashboard.py --drawings [ARTICLES]  (no browser: the CPU time of a rerun's drawings
                                                            and the sizes sent; with ARTICLES, per search)

The server is started as `make run` starts it (`python -m timeline.serve`: pandas, Plotly and the package loaded
before it serves) unless --streamlit-run is given.

Each folder holds synthetic articles (TBAQ texts with varied dates, as in bench_events.py) beside the seeds.
Timed: the first view of the seeds — page load to the SVG overview drawn (the reader sees what happened when) and to
the interactive Plotly chart drawn, with the phases, the main thread's CPU time at each and when Plotly's script was
loaded, and the server's CPU time to the overview; reading the folder (tagging: not a floor); and filter changes
(search words typed and Enter pressed, to the new count shown and both drawings redrawn). An app without the
overview (before it was added) is timed to its chart only. The load average is printed beside the times: the machine
is shared.
"""

from __future__ import annotations

import argparse
import json
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

# The checks below run on every frame while the page redraws: textContent, not innerText (which lays the page out
# first), and the overview's marks counted once per image, so the polling itself takes little of the main thread.
SUMMARY = "document.querySelector('[data-testid=\"stMarkdownContainer\"] p strong') && " \
          "Array.from(document.querySelectorAll('p')).find(p => p.textContent.includes('events shown'))"
DRAWN = "document.querySelector('.js-plotly-plot .main-svg') || document.body.innerText.includes('No events match')"
# Events drawn in the overview, once its image is decoded (-1 before): its SVG's marks, one per event.
OVERVIEW = ("(() => { const i = document.querySelector('img.timeline-overview');"
            " if (!(i && i.complete && i.naturalWidth)) { return -1; }"
            " if (!window.__overview || window.__overview.src !== i.src) { window.__overview = {src: i.src,"
            " marks: (atob(i.src.split(',')[1]).match(/class=\"mark\"/g) || []).length}; }"
            " return window.__overview.marks; })()")
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
    return page.evaluate(f"({SUMMARY}) ? ({SUMMARY}).textContent : ''")


def charted(page) -> int:
    """Events the count line says are shown, up to what the overview and the chart draw."""
    return min(int(summary(page).split("·")[1].split("of")[0]), CHART_LIMIT)


def settle(page, before: str, timeout: float = 600_000) -> None:
    """Wait until the count line changed and the overview (when the app has one) and the chart hold as many events
    as it says (or the page says none match)."""
    page.wait_for_function(f"(({SUMMARY}) ? ({SUMMARY}).textContent : '') !== {before!r}", timeout=timeout)
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


def profiled(page, devtools, words: str, top: int = 14) -> str:
    """One search's main-thread work in Chromium: a trace's top-level tasks by kind (scripts, style, layout,
    paint, garbage collection) and a sampling profile's scripts by self time, the heaviest first."""
    browser = page.context.browser
    browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline",
                                                 "v8", "blink.user_timing"])
    devtools.send("Profiler.enable")
    devtools.send("Profiler.setSamplingInterval", {"interval": 500})
    devtools.send("Profiler.start")
    seconds = enter(page, "Search words", words)
    profile = devtools.send("Profiler.stop")["profile"]
    trace = json.loads(browser.stop_tracing())
    return (f"search {words!r}: {seconds:.2f} s ({summary(page)}); {load()}\n" + _trace_summary(trace, top) + "\n"
            + _profile_summary(profile, top))


def _trace_summary(trace: dict, top: int) -> str:
    """Time of the renderer main thread's events by name, each counted once where events nest (self time)."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name"
            and e.get("args", {}).get("name") == "CrRendererMain"}
    spans = sorted(((e["ts"], e["ts"] + e["dur"], e["name"]) for e in events
                    if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and e.get("dur")),
                   key=lambda s: (s[0], -s[1]))
    own: dict[str, float] = {}
    stack: list[list] = []  # [end, name, time of children]
    def close(until: float) -> None:
        while stack and stack[-1][0] <= until:
            end, name, children, begin = stack.pop()
            own[name] = own.get(name, 0.0) + (end - begin) - children
            if stack:
                stack[-1][2] += end - begin
    for begin, end, name in spans:
        close(begin)
        stack.append([end, name, 0.0, begin])
    close(float("inf"))
    total = sum(own.values())
    rows = sorted(own.items(), key=lambda item: -item[1])[:top]
    return f"  main thread (trace, self time) {total / 1e6:.2f} s: " + ", ".join(
        f"{name} {value / 1e6:.2f}" for name, value in rows)


def _profile_summary(profile: dict, top: int) -> str:
    """Self time of the sampled scripts by function and file."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    ticks = dict.fromkeys(nodes, 0.0)
    for node_id, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        ticks[node_id] += delta
    by_function: dict[str, float] = {}
    for node_id, spent in ticks.items():
        frame = nodes[node_id]["callFrame"]
        where = frame["url"].rsplit("/", 1)[-1][:40]
        key = f"{frame['functionName'] or '(anonymous)'} [{where}:{frame['lineNumber']}]"
        by_function[key] = by_function.get(key, 0.0) + spent
    by_file: dict[str, float] = {}
    for key, spent in by_function.items():
        where = key.rsplit("[", 1)[1].split(":", 1)[0] or "(native)"
        by_file[where] = by_file.get(where, 0.0) + spent
    rows = sorted(by_function.items(), key=lambda item: -item[1])[:top]
    files = sorted(by_file.items(), key=lambda item: -item[1])[:6]
    return ("  scripts by file (samples, self time): " + ", ".join(f"{name} {value / 1e6:.2f}" for name, value in files)
            + "\n  by function: " + ", ".join(f"{name} {value / 1e6:.3f}" for name, value in rows))


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


def server_cpu() -> float:
    """CPU seconds the dashboard's server (this process's child) has used so far: its share of a first view does not
    grow with the load, as the clock's does."""
    spent = 0.0
    for task in Path("/proc/self/task").iterdir():
        for child in (task / "children").read_text().split():
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            spent += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return spent


def load() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


HAS_OVERVIEW = True


def drawings(articles: int = 0, searches: tuple[str, ...] = ("market", "percent", "president", ""),
             repeats: int = 3) -> None:
    """CPU seconds (best of ``repeats``) to lay out, draw the overview (with its image) and build the Plotly figure
    and its JSON, as a rerun does, with the sizes sent: for the seeds and the CHART_LIMIT best of 10,000 synthetic
    events; with ``articles``, for the seeds and that many synthetic articles filtered by each search, as the
    dashboard's search box does (and the table of all shown events, as Arrow)."""
    import plotly.io
    import pyarrow
    from bench_viz import synthetic_events

    from timeline import build
    from timeline.chart_layout import place
    from timeline.chart_style import SourceColours
    from timeline.dashboard_text import for_display
    from timeline.filters import EventFilter, events_in_duckdb
    from timeline.frames import events_frame
    from timeline.overview import image_html, overview
    from timeline.viz import figure

    if articles:
        with tempfile.TemporaryDirectory() as folder:
            write_folder(Path(folder), articles)
            events = for_display(build([HERE.parent / "seeds", Path(folder)]).events)
        db = events_in_duckdb(events)
        cases = [(f"{len(events)} events, search {words!r}", events.iloc[EventFilter(text=words).positions(db)])
                 for words in searches]
    else:
        many = events_frame(synthetic_events(10_000))
        cases = [("seeds", build([HERE.parent / "seeds"]).events), ("10,000 synthetic", many)]
    for name, shown in cases:
        events = shown.nlargest(CHART_LIMIT, "score").sort_index()
        spent = {"layout": [], "overview": [], "figure": []}
        for _ in range(repeats):
            began = time.process_time()
            placed = place(events)
            laid = time.process_time()
            image = image_html(overview(events, placed, SourceColours()), len(events))
            drawn = time.process_time()
            chart = plotly.io.to_json(figure(events, colours=SourceColours(), placed=placed), validate=False)
            done = time.process_time()
            for key, seconds in zip(spent, (laid - began, drawn - laid, done - drawn), strict=True):
                spent[key].append(seconds)
        table = pyarrow.Table.from_pandas(shown[["title", "date_text", "n_sources", "confidence", "conflict", "begin"]])
        print(f"{name}: {len(shown)} shown, best {len(events)} drawn: " + ", ".join(
            f"{key} {min(v):.3f} s" for key, v in spent.items()) + f" CPU; overview {len(image) / 1e3:.0f} KB, "
            f"figure JSON {len(chart) / 1e3:.0f} KB, table (part) {table.nbytes / 1e3:.0f} KB; {load()}")


def main() -> int:
    global HAS_OVERVIEW
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="*", type=int, default=None, help="0: the seeds only")
    parser.add_argument("--streamlit-run", action="store_true", help="start with `streamlit run app.py`")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout whose app is served")
    parser.add_argument("--drawings", action="store_true", help="time the drawings' CPU only, no browser")
    parser.add_argument("--profile", metavar="WORDS", action="append", default=[],
                        help="after the timed changes on each folder, trace and profile a search for WORDS (repeat "
                             "for more searches, in order)")
    options = parser.parse_args()
    if options.drawings:
        drawings(sum((options.articles or [0])[:1]))
        return 0
    root, sizes = options.root.resolve(), [count for count in options.articles or [70, 680] if count]
    HAS_OVERVIEW = (root / "timeline" / "overview.py").exists()
    print(f"app: {root} ({'with' if HAS_OVERVIEW else 'without'} the overview); {load()}")
    with dashboard_server(root, options.streamlit_run) as url, browser_page(viewport=(1400, 1100)) as (page, errors, _, _):
        devtools = page.context.new_cdp_session(page)
        devtools.send("Performance.enable", {"timeDomain": "threadTicks"})  # the page's CPU time, not the clock's
        server_began, began = server_cpu(), time.perf_counter()
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
            print(f"seeds: first view (overview drawn) {overview:.2f} s; main thread {main_thread(devtools)}; server "
                  f"CPU {server_cpu() - server_began:.2f} s; {load()}")
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
                for words in options.profile:
                    print(profiled(page, devtools, words))
                enter(page, FOLDER, "")
        if errors:
            print("browser errors:", errors)
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
