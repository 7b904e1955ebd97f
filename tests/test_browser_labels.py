"""Labels against the drawn text, in headless Chromium: the layout measures a label's room in pixels, and the text
Chromium draws there must end before the next mark begins, on the overview and on the interactive chart alike."""

from __future__ import annotations

import dataclasses
import json
import sys
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import plotly
import plotly.io
from browser import CHART_BOXES, browser_page, clashes_closer_than, label_clashes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_viz import synthetic_events  # noqa: E402

from timeline.chart_layout import PLOT_PX, place  # noqa: E402
from timeline.chart_style import MARGIN_PX, SourceColours  # noqa: E402
from timeline.export import write_html  # noqa: E402
from timeline.frames import events_frame  # noqa: E402
from timeline.model import Interval  # noqa: E402
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
  return {labels: Array.from(document.querySelectorAll("text.label")).map(e => [e.textContent, box(e), e.dataset.id]),
          marks: Array.from(document.querySelectorAll("g.mark > :first-child"))
            .map(e => box(e).concat([e.parentNode.dataset.id]))};
}"""

def test_overview_labels_end_before_the_next_mark():
    frame = crowded_lane()
    with browser_page() as (page, _, _, _):
        page.set_content(f"<html><body style='margin:0'>{overview(frame, place(frame), SourceColours())}</body></html>")
        labels, clashes = clashes_closer_than(page.evaluate(_SVG_BOXES), 1)
    assert len(labels) >= 8 and not clashes, clashes


def draw_chart(page, frame) -> None:
    """The interactive chart of ``frame`` in a page of its own, as wide as the first view assumes."""
    chart = json.loads(plotly.io.to_json(figure(frame, colours=SourceColours()), validate=False))
    page.set_content(f"<html><body style='margin:0'><div id='chart' style='width:{PLOT_PX + 2 * MARGIN_PX}px'>"
                     "</div></body></html>")
    page.add_script_tag(path=str(Path(plotly.__file__).parent / "package_data" / "plotly.min.js"))
    page.evaluate("f => Plotly.newPlot('chart', f.data, f.layout)", chart)


def test_chart_labels_end_before_the_next_mark():
    frame = crowded_lane()
    with browser_page() as (page, _, _, _):
        draw_chart(page, frame)
        labels, clashes = clashes_closer_than(page.evaluate(CHART_BOXES), 1)
    assert len(labels) >= 8 and not clashes, clashes


# A bar over most of the story (a year's happening told in a November article) with marks near both its ends: no
# room for its label before it or after it, but room inside it.
LONG_BAR = [(datetime(2024, 1, 1), datetime(2024, 11, 1), "month", 1.0,
             "Israel said earlier this year that it had killed Mohammed Deif"),
            (datetime(2024, 11, 3), datetime(2024, 11, 4), "day", 2.0, "Talks resumed in Cairo"),
            (datetime(2024, 1, 3), datetime(2024, 1, 4), "day", 2.0, "Ministers met in Warsaw"),
            (datetime(2024, 6, 10), datetime(2024, 6, 11), "day", 1.5, "Ceasefire proposal unveiled in Washington")]


def long_bar_events():
    return [dataclasses.replace(event, id=f"e{k}", interval=Interval(begin, end, precision), score=score, title=title,
                                sources=[dataclasses.replace(event.sources[0], outlet="Wire")])
            for k, (event, (begin, end, precision, score, title)) in enumerate(
                zip(synthetic_events(len(LONG_BAR)), LONG_BAR, strict=True))]


def labelled(boxes: dict) -> dict[str, list]:
    """Each labelled event's label box, by its event's id."""
    return {event: box for _, box, event in boxes["labels"]}


def unlabelled(boxes: dict, events) -> list[str]:
    """The events drawn without a label (said in a failure: "N unlabelled")."""
    return [e.title for e in events if e.id not in labelled(boxes)]


def test_a_long_bar_with_no_room_beside_it_is_labelled_inside_it():
    events = long_bar_events()
    frame = events_frame(events)
    with browser_page() as (page, _, _, _):
        page.set_content(f"<html><body style='margin:0'>{overview(frame, place(frame), SourceColours())}</body></html>")
        overview_boxes = page.evaluate(_SVG_BOXES)
        draw_chart(page, frame)
        chart_boxes = page.evaluate(CHART_BOXES)
    for boxes in (overview_boxes, chart_boxes):
        missing = unlabelled(boxes, events)
        assert not missing, f"{len(missing)} unlabelled: {missing}"
        bar = next(mark for mark in boxes["marks"] if mark[4] == "e0")
        label = labelled(boxes)["e0"]
        assert bar[0] <= label[0] and label[2] <= bar[2], "the long bar's label is inside it"
        assert not clashes_closer_than(boxes, 1)[1]


@contextmanager
def exported_page(tmp_path, events):
    """The exported page of ``events`` open in Chromium; no script error while it is used."""
    path = tmp_path / "page.html"
    write_html(events, str(path), "Labels")
    with browser_page() as (page, errors, _, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        yield page
    assert not errors, errors


def shown_from(page, day: str) -> None:
    """The page's From filter set: the events left are packed into rows again."""
    page.fill("#f-from", day)
    page.wait_for_timeout(500)


def test_the_exported_page_labels_a_long_bar_inside_it_when_filtered(tmp_path):
    """Filtered, the page packs its events again: a long bar with no room beside it keeps its label inside."""
    with exported_page(tmp_path, long_bar_events()) as page:
        assert "e0" in labelled(page.evaluate(CHART_BOXES)), "drawn as the first view"
        shown_from(page, "2024-01-05")  # every event but the ministers' meeting of 3 January
        boxes = page.evaluate(CHART_BOXES)
        assert "e0" in labelled(boxes), f"{len(boxes['labels'])} labelled after the filter"
        assert not label_clashes(page)[1]


def crowded_events():
    """The crowded lane's events as the exported page takes them."""
    frame = crowded_lane()
    return [dataclasses.replace(event, id=f"c{k}", title=title, conflict=conflict,
                                interval=Interval(begin.to_pydatetime(), end.to_pydatetime(), "day"),
                                sources=[dataclasses.replace(event.sources[0], outlet="Wire")])
            for k, (event, title, begin, end, conflict) in enumerate(zip(
                synthetic_events(len(frame)), frame["title"], frame["begin"], frame["end"], frame["conflict"],
                strict=True))]


_HELD = """() => document.getElementById('chart').data.filter(t => t.name === 'labels')
  .flatMap(t => t.customdata.filter((id, i) => t.text[i]))"""


def test_the_exported_page_fits_labels_to_their_drawn_width(tmp_path):
    """Filtered, the page fits each label to its room by the width the browser draws it (capitals are wider than
    an average letter): every label it writes is drawn, none hidden by Plotly for want of room, none overlapping."""
    with exported_page(tmp_path, crowded_events()) as page:
        shown_from(page, "2024-01-03")  # all but the first event
        held, drawn = set(page.evaluate(_HELD)), set(labelled(page.evaluate(CHART_BOXES)))
        assert len(held) >= 8 and held == drawn, f"{len(held - drawn)} labels written but hidden by Plotly"
        assert not label_clashes(page)[1]
