"""Labels against the drawn text, in headless Chromium: the layout measures a label's room in pixels, and the text
Chromium draws there must end before the next mark begins, on the overview and on the interactive chart alike."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import plotly
import plotly.io
from browser import browser_page, clashes_closer_than

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_viz import synthetic_events  # noqa: E402

from timeline.chart_layout import PLOT_PX, place  # noqa: E402
from timeline.chart_style import MARGIN_PX, SourceColours  # noqa: E402
from timeline.frames import events_frame  # noqa: E402
from timeline.overview import overview  # noqa: E402
from timeline.viz import figure  # noqa: E402

# Headlines of capitals and figures are wider than average text; big dots (many sources, a red ring) reach
# further from their day than a small one.
TITLES = ["NATO AND EU MINISTERS MEET IN WARSAW OVER {} SANCTIONS PACKAGES", "WHO WARNS OF MEASLES IN {} COUNTRIES",
          "Wildfires force {} villages in Attica to evacuate overnight", "UN SECURITY COUNCIL VOTES ON {} RESOLUTIONS"]


def crowded_lane():
    """One outlet's events a few days apart, with wide headlines and dots of every size."""
    frame = events_frame(synthetic_events(24))
    begins = [datetime(2024, 1, 1) + timedelta(days=int(k * 6.5)) for k in range(24)]
    return frame.assign(begin=begins, end=[b + timedelta(days=1) for b in begins], precision="day",
                        outlets=[["Wire"]] * 24, title=[TITLES[k % 4].format(k + 12) for k in range(24)],
                        n_sources=[1 + k % 6 for k in range(24)], conflict=[k % 3 == 0 for k in range(24)])


_SVG_BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {labels: Array.from(document.querySelectorAll("text.label")).map(e => [e.textContent, box(e)]),
          marks: Array.from(document.querySelectorAll("g.mark > :first-child")).map(box)};
}"""

_CHART_BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const name = g => g.__data__ && g.__data__[0] && g.__data__[0].trace ? g.__data__[0].trace.name : "";
  const groups = Array.from(document.querySelectorAll(".js-plotly-plot .trace"));
  return {labels: groups.filter(g => name(g) === "labels").flatMap(g => Array.from(g.querySelectorAll(".bartext"))
            .filter(e => e.textContent).map(e => [e.textContent, box(e)])),
          marks: groups.filter(g => name(g) === "spans" || name(g) === "points")
            .flatMap(g => Array.from(g.querySelectorAll(".point path, path.point")).map(box))};
}"""


def test_overview_labels_end_before_the_next_mark():
    frame = crowded_lane()
    with browser_page() as (page, _, _, _):
        page.set_content(f"<html><body style='margin:0'>{overview(frame, place(frame), SourceColours())}</body></html>")
        labels, clashes = clashes_closer_than(page.evaluate(_SVG_BOXES), 1)
    assert len(labels) >= 8 and not clashes, clashes


def test_chart_labels_end_before_the_next_mark():
    frame = crowded_lane()
    chart = json.loads(plotly.io.to_json(figure(frame, colours=SourceColours()), validate=False))
    with browser_page() as (page, _, _, _):
        page.set_content(f"<html><body style='margin:0'><div id='chart' style='width:{PLOT_PX + 2 * MARGIN_PX}px'>"
                         "</div></body></html>")
        page.add_script_tag(path=str(Path(plotly.__file__).parent / "package_data" / "plotly.min.js"))
        page.evaluate("f => Plotly.newPlot('chart', f.data, f.layout)", chart)
        labels, clashes = clashes_closer_than(page.evaluate(_CHART_BOXES), 1)
    assert len(labels) >= 8 and not clashes, clashes
