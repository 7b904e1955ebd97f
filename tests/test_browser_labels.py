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
import pytest
from browser import CHART_BOXES, CHARTED, DOCS, browser_page, clashes_closer_than, dashboard_server, label_clashes
from conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_viz import synthetic_events  # noqa: E402

from timeline.chart_layout import PLOT_PX, place  # noqa: E402
from timeline.chart_style import (  # noqa: E402
    MARGIN_PX,
    MARKS,
    PALETTE,
    SourceColours,
    contrast,
    label_halos,
    label_inks,
)
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


def folded_long_bar_events():
    """The long bar's story with a later event, far enough on that the axis folds away the time between: the room
    beside the bar spans the fold, much narrower on screen than in time."""
    events = long_bar_events()
    return events + [dataclasses.replace(events[1], id="e9", title="The bridge will reopen in March 2026",
                                         interval=Interval(datetime(2026, 3, 1), datetime(2026, 4, 1), "month"))]


def planned_long_bar_events():
    """The long bar hatched: planned, not yet happened."""
    events = long_bar_events()
    return [dataclasses.replace(events[0], modality="planned")] + events[1:]


@pytest.mark.parametrize("make_events", [long_bar_events, folded_long_bar_events, planned_long_bar_events])
def test_a_long_bar_with_no_room_beside_it_is_labelled_inside_it(make_events):
    events = make_events()
    frame = events_frame(events)
    if make_events is folded_long_bar_events:
        assert place(frame).folds[0], "the time between the story and its later event is folded away"
    with browser_page() as (page, _, _, _):
        page.set_content(f"<html><body style='margin:0'>{overview(frame, place(frame), SourceColours())}</body></html>")
        overview_boxes = page.evaluate(_SVG_BOXES)
        draw_chart(page, frame)
        chart_boxes = page.evaluate(CHART_BOXES)
    for boxes in (overview_boxes, chart_boxes):
        missing = unlabelled(boxes, events)
        assert "e0" in labelled(boxes) and (make_events is folded_long_bar_events or not missing), (
            f"{len(missing)} unlabelled: {missing}")
        bar = next(mark for mark in boxes["marks"] if mark[4] == "e0")
        label = labelled(boxes)["e0"]
        assert bar[0] <= label[0] and label[2] <= bar[2], "the long bar's label is inside it"
        assert not clashes_closer_than(boxes, 1)[1]


# The paint of the long bar's label as the browser has it: its fill and the colour of its halo (an SVG outline
# under the letters, or a CSS text shadow), in the overview then in the chart.
_PAINTS = """() => {
  const rgb = text => (text.match(/rgba?\\([^)]*\\)/) || ["none"])[0];
  const svg = document.querySelector("text.label[data-id='e0']"), css = getComputedStyle(svg);
  const chart = Array.from(document.querySelectorAll(".js-plotly-plot .bartext"))
    .find(e => e.textContent.startsWith("Israel"));
  const drawn = getComputedStyle(chart);
  return [[css.fill, css.strokeWidth !== "0px" ? rgb(css.stroke) : "none"], [drawn.fill, rgb(drawn.textShadow)]];
}"""


def _channels(colour: str) -> list[float]:
    return [float(part) for part in colour[colour.index("(") + 1:-1].split(",")[:3]]


def test_a_label_on_a_hatched_bar_reads_on_its_stripes():
    """A planned bar is hatched: wide near-white stripes between its colour's. Its label is dark, and a white halo
    keeps it readable over the coloured stripes (WCAG's 4.5:1 against both grounds it lies on)."""
    events = planned_long_bar_events()
    frame = events_frame(events)
    with browser_page() as (page, _, _, _):
        svg = overview(frame, place(frame), SourceColours())
        page.set_content(f"<html><body style='margin:0'>{svg}<div id='chart' style='width:{PLOT_PX + 2 * MARGIN_PX}px'>"
                         "</div></body></html>")
        page.add_script_tag(path=str(Path(plotly.__file__).parent / "package_data" / "plotly.min.js"))
        chart = json.loads(plotly.io.to_json(figure(frame, colours=SourceColours()), validate=False))
        page.evaluate("f => Plotly.newPlot('chart', f.data, f.layout)", chart)
        paints = page.evaluate(_PAINTS)
    for drawing, (ink, halo) in zip(("overview", "chart"), paints, strict=True):
        assert halo != "none", f"the {drawing}'s label has a halo"
        assert contrast(_channels(ink), [255, 255, 255]) >= 4.5, f"the {drawing}'s label reads on white stripes: {ink}"
        assert contrast(_channels(ink), _channels(halo)) >= 4.5, f"and on its halo: {ink} on {halo}"


def test_every_label_inside_a_bar_has_a_halo_that_reads():
    """Inside a solid bar of any of the palette's colours, the label's ink reaches 4.5:1 against its halo (the bar
    alone gives #0072B2 or #AA4499 about 4:1 with either ink)."""
    for kind in MARKS:
        for confidence in (1.0, 0.1):
            inks = label_inks(PALETTE, [kind] * len(PALETTE), [confidence] * len(PALETTE), [True] * len(PALETTE))
            for ink, halo in zip(inks, label_halos(inks, [True] * len(PALETTE)), strict=True):
                assert halo and contrast(ink, halo) >= 4.5, (kind, confidence, ink, halo)


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


_FOLD_PX = """() => {  // where the chart's fold is marked, in page pixels
  const plot = document.getElementById('chart'), axis = plot._fullLayout.xaxis;
  return plot.getBoundingClientRect().left + axis._offset + axis.c2p(axis.d2c(axis.rangebreaks[0].bounds[0]));
}"""


def test_the_exported_page_labels_stop_at_a_fold_when_filtered(tmp_path):
    """Filtered, a story whose axis folds away an empty stretch keeps the long bar's label inside it, and no label
    runs over the fold's marker (it would read as if the times either side were next to each other)."""
    with exported_page(tmp_path, folded_long_bar_events()) as page:
        shown_from(page, "2024-01-05")
        boxes, fold = page.evaluate(CHART_BOXES), page.evaluate(_FOLD_PX)
        crossing = [text for text, box, _ in boxes["labels"] if box[0] < fold - 1 < fold + 1 < box[2]]
        assert not crossing, f"labels over the fold's marker at {fold:.0f} px: {crossing}"
        bar = next(mark for mark in boxes["marks"] if mark[4] == "e0")
        label = labelled(boxes).get("e0")
        assert label and bar[0] <= label[0] and label[2] <= bar[2], "the long bar's label is inside it"
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


def test_zooming_the_dashboard_chart_shows_more_labels():
    """Box-selected across some dates, the dashboard's chart is drawn again for the dates chosen, its labels laid out for them:
    more labels than the whole timeline had room for, none overlapping; "Whole timeline" shows everything again."""
    with dashboard_server(ROOT) as url, browser_page(viewport=(1400, 1300)) as (page, errors, _, _):
        page.goto(url)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90000)
        page.wait_for_timeout(500)
        page.locator(".js-plotly-plot").scroll_into_view_if_needed()
        before = labelled(page.evaluate(CHART_BOXES))
        page.evaluate("document.querySelector('.js-plotly-plot').dataset.before = 'zoom'")
        page.locator(".js-plotly-plot .modebar-btn[data-val='select']").click()  # Box Select
        drag = page.locator(".js-plotly-plot .nsewdrag[data-subplot='xy']").bounding_box()  # the story's plot area
        y = drag["y"] + drag["height"] / 2
        page.mouse.move(drag["x"] + drag["width"] * 0.8, y)  # the story's last weeks, its most crowded
        page.mouse.down()
        page.mouse.move(drag["x"] + drag["width"] * 0.98, y, steps=8)
        page.mouse.up()
        page.get_by_role("button", name="Whole timeline").wait_for(timeout=60000)
        page.wait_for_selector(".js-plotly-plot:not([data-before]) .main-svg", timeout=60000)  # drawn again
        page.wait_for_timeout(1000)
        page.locator(".js-plotly-plot").scroll_into_view_if_needed()
        page.screenshot(path=str(DOCS / "dashboard-zoomed.png"))
        boxes, charted = page.evaluate(CHART_BOXES), set(page.evaluate(CHARTED))
        after, clashes = labelled(boxes), clashes_closer_than(boxes, 1)[1]
        was = charted & set(before)
        assert len(after) > len(was) and not clashes, f"{len(was)} of {len(charted)} labelled before, {len(after)} now"
        page.get_by_role("button", name="Whole timeline").click()
        page.wait_for_function("!document.body.innerText.includes('Zoomed in on')", timeout=60000)
    assert not [e for e in errors if "favicon" not in e], errors
