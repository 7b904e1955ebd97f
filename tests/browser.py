"""Headless Chromium for tests: Debian's /usr/bin/chromium driven by Playwright, offline flags set."""

from __future__ import annotations

import base64
import html
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
DOCS = Path(__file__).resolve().parent.parent / "docs"  # screenshots the README shows, remade by the browser tests
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@contextmanager
def browser_page(viewport=(1300, 1100)):
    """A fresh page; yields (page, console_errors, outside_requests, dialogs)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run the tests with `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        errors, requests, dialogs = [], [], []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url)
                if not request.url.startswith(("file:", "data:", "about:", "blob:")) else None)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            yield page, errors, requests, dialogs
        finally:
            browser.close()


@contextmanager
def dashboard_server(root: Path, plain: bool = False) -> Iterator[str]:
    """The dashboard as `make run` starts it (`python -m timeline.serve`), or with ``plain`` as `streamlit run
    app.py`, on a free port of 127.0.0.1; yields its URL once healthy (tests and benchmarks)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start = ["streamlit", "run", str(root / "app.py")] if plain else ["timeline.serve"]
    process = subprocess.Popen(
        [sys.executable, "-m", *start, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],  # usage statistics: off in .streamlit/
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


# Bounding boxes on screen of every shown chart label and every mark (points and bars), each with its event's id;
# Plotly's d3 data on a trace group names the trace, so the invisible label bars are told apart from the marks.
CHART_BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shown = e => e.textContent && e.getBoundingClientRect().width > 0;
  const name = g => g.__data__ && g.__data__[0] && g.__data__[0].trace ? g.__data__[0].trace.name : "";
  const id = (g, e) => {  // the event a mark or a label is drawn for
    const p = e.closest(".point") || e;
    return p.__data__ ? g.__data__[0].trace.customdata[p.__data__.i] : null;
  };
  const groups = Array.from(document.querySelectorAll(".js-plotly-plot .trace"));
  const labels = groups.filter(g => name(g) === "labels")
    .flatMap(g => Array.from(g.querySelectorAll(".bartext")).filter(shown).map(e => [e.textContent, box(e), id(g, e)]));
  const clip = (g, b) => {  // a mark is seen only inside its axes: a bar zoomed past them is cut there
    const plot = g.closest(".js-plotly-plot"), trace = g.__data__[0].trace;
    const axis = plot._fullLayout["xaxis" + (trace.xaxis || "x").slice(1)];
    const left = plot.getBoundingClientRect().left + axis._offset;
    return [Math.max(b[0], left), b[1], Math.min(b[2], left + axis._length), b[3]];
  };
  const marks = groups.filter(g => name(g) === "spans" || name(g) === "points")
    .flatMap(g => Array.from(g.querySelectorAll(".point path, path.point")).map(e => clip(g, box(e)).concat([id(g, e)])))
    .filter(b => b[2] > b[0] && b[3] >= b[1]);
  return {labels: labels, marks: marks};
}"""


# The events on the interactive chart: the ids of its mark traces.
CHARTED = ("Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => p.data || []).flat()"
           ".filter(t => t.name === 'spans' || t.name === 'points').flatMap(t => t.customdata)")


def label_clashes(page) -> tuple[list[str], list]:
    """The chart's shown labels, and every pair of label/label or label/mark boxes that overlap on screen."""
    return _clashes(page.evaluate(CHART_BOXES))


def _clashes(boxes: dict) -> tuple[list[str], list]:
    """The labels' texts, and every pair of label/label or label/mark boxes (left, top, right, bottom) that meet; a
    label written inside its own bar (label and mark carrying the same event id) is where it belongs."""
    def meet(a, b) -> bool:  # more than a pixel of overlap both ways
        return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1
    labels = boxes["labels"]
    clashes = [(text, other) for i, (text, one, *_) in enumerate(labels)
               for other, two, *_ in labels[i + 1:] if meet(one, two)]
    clashes += [(text, "a mark") for text, one, *own in labels for mark in boxes["marks"]
                if meet(one, mark) and not inside_its_bar(one, own, mark)]
    assert boxes["marks"], "the marks were found on the page"
    return [text for text, *_ in labels], clashes


def inside_its_bar(label: list, own: list, mark: list) -> bool:
    """Whether a label's box lies within its own event's bar (``own``: the label's event id, when known; a mark's
    fifth value is its event's id)."""
    return (bool(own) and len(mark) > 4 and own[0] == mark[4] and mark[0] - 1 <= label[0]
            and label[2] <= mark[2] + 1)


def clashes_closer_than(boxes: dict, gap_px: float) -> tuple[list[str], list]:
    """The labels' texts, and every label that comes within ``gap_px`` pixels of another label or of a mark in
    its row (boxes that overlap vertically): what a reader sees as text running into a dot. A label inside its own
    bar is where it belongs."""
    def near(a, b) -> bool:
        return min(a[3], b[3]) - max(a[1], b[1]) > 1 and min(a[2], b[2]) - max(a[0], b[0]) > -gap_px
    labels = boxes["labels"]
    clashes = [(text, other) for i, (text, one, *_) in enumerate(labels)
               for other, two, *_ in labels[i + 1:] if near(one, two)]
    clashes += [(text, [round(v) for v in one], [round(v) for v in mark[:4]]) for text, one, *own in labels
                for mark in boxes["marks"] if near(one, mark) and not inside_its_bar(one, own, mark)]
    assert boxes["marks"], "the marks were found on the page"
    return [text for text, *_ in labels], clashes


_CHART_TAIL = """() => {
  const plot = document.querySelector(".js-plotly-plot"), axis = plot._fullLayout.xaxis;
  let end = -Infinity;
  plot.data.filter(t => (t.name === "spans" || t.name === "points") && (t.xaxis || "x") === "x").forEach(t =>
    t.x.forEach((x, i) => { if (x !== null) { end = Math.max(end, t.base ? axis.d2c(t.base[i]) + x : axis.d2c(x)); } }));
  return 1 - axis.c2p(end) / axis._length;
}"""


def chart_tail(page) -> float:
    """The share of the interactive chart's story axis after its latest mark."""
    return page.evaluate(_CHART_TAIL)


OVERVIEW_DRAWN = ("(() => { const i = document.querySelector('img.timeline-overview'); "
                  "return i && i.complete && i.naturalWidth > 0; })()")


def overview_source(page) -> str:
    """The SVG the dashboard's overview image shows."""
    source = page.evaluate("document.querySelector('img.timeline-overview').src")
    return base64.b64decode(source.split(",", 1)[1]).decode("utf-8")


_OVERVIEW_BOXES = """(width) => {
  const svg = document.querySelector("svg");
  svg.setAttribute("width", width);  // as wide as the image on the dashboard: the same scale
  svg.removeAttribute("height");
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {labels: Array.from(svg.querySelectorAll("text.label")).map(e => [e.textContent, box(e), e.dataset.id]),
          marks: Array.from(svg.querySelectorAll("g.mark > :first-child")).map(e => box(e).concat([e.parentNode.dataset.id]))};
}"""


def overview_clashes(page) -> tuple[list[str], list]:
    """The overview's labels, and every label/label or label/mark overlap, measured in Chromium with its fonts: the
    image's SVG drawn inline, at the width the dashboard shows the image, in a page of its own."""
    width = page.locator("img.timeline-overview").bounding_box()["width"]
    inline = page.context.browser.new_page()
    try:
        inline.set_content(f"<html><body style='margin:0'>{overview_source(page)}</body></html>")
        return _clashes(inline.evaluate(_OVERVIEW_BOXES, width))
    finally:
        inline.close()


def assert_whole_labels(page) -> None:
    """A label on a chart is its whole headline or a whole phrase of it: never a fragment ("Kasab was one…")."""
    from timeline.labels import SHORTEST, label_stops

    allowed = {}  # every stop a label may have: its phrases, and its word cuts (limit 0: no phrase fits)

    traces = page.evaluate("() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => p.data || [])"
                           ".flat().filter(t => t.name === 'labels').map(t => [t.meta, t.text])")
    assert traces, "the chart has labels"
    for meta, texts in traces:
        for (whole, *_), text in zip(meta, texts, strict=True):
            text = html.unescape(text)
            if text:
                stops = allowed.setdefault(whole, label_stops(whole, 0))
                assert text == whole or (text.endswith("…") and text[:-1] in [whole[:s] for s in stops]
                                         and len(text) >= SHORTEST), text


_HISTORY = """() => {
  const name = g => g.__data__ && g.__data__[0] && g.__data__[0].trace ? g.__data__[0].trace : {};
  const groups = Array.from(document.querySelectorAll(".js-plotly-plot .trace"));
  const rows = new Set(groups.map(name).filter(t => (t.name === "spans" || t.name === "points") && t.xaxis === "x2")
    .flatMap(t => t.y));
  const labels = groups.filter(g => name(g).name === "labels" && name(g).xaxis === "x3")
    .flatMap(g => Array.from(g.querySelectorAll(".bartext")))
    .filter(e => e.textContent && e.getBoundingClientRect().width > 0).map(e => e.textContent);
  return {rows: rows.size, labels: labels};
}"""


def history_list(page) -> tuple[int, list[str]]:
    """Rows of the history list that hold marks, and the labels shown on screen beside them."""
    found = page.evaluate(_HISTORY)
    return found["rows"], found["labels"]


_MARK_SHAPES = """() => { const shapes = {};
  Array.from(document.querySelectorAll(".js-plotly-plot")).map(p => p.data || []).flat().forEach(t => {
    const pick = (v, k) => Array.isArray(v) ? v[k] : v;
    if (t.name === "points") { t.customdata.forEach((id, k) => { shapes[id] = pick(t.marker.symbol, k); }); }
    if (t.name === "spans" && t.marker.pattern) {
      t.customdata.forEach((id, k) => { shapes[id] = "bar " + pick(t.marker.pattern.shape, k); });
    }
  });
  return shapes; }"""


def mark_shapes(page) -> dict[str, str]:
    """Each charted event's mark on the interactive chart: its marker symbol, or "bar " and its bar's pattern."""
    return page.evaluate(_MARK_SHAPES)


def legend_lines(page) -> list[str]:
    """The interactive chart's legend, line by line, as drawn."""
    return page.locator(".js-plotly-plot .legend .legendtext").evaluate_all("els => els.map(e => e.textContent)")


def assert_hypothetical_marks(shapes: dict[str, str], events, legend: list[str]) -> None:
    """Hypothetical happenings drawn with a mark no planned or factual event has, and the legend names it."""
    modality = events.set_index("id")["modality"]
    hypothetical = {shapes[i] for i in shapes if modality[i] == "hypothetical"}
    others = {shapes[i] for i in shapes if modality[i] != "hypothetical"}
    assert hypothetical and not hypothetical & others, (hypothetical, others)
    assert any("hypothetical" in line for line in legend), legend
