"""The figure: precision decides marker or bar, ids ride along, big timelines switch to WebGL."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_viz import synthetic_events  # noqa: E402

from timeline.pipeline import events_frame  # noqa: E402
from timeline.viz import WEBGL_THRESHOLD, figure, lanes_for  # noqa: E402


def test_year_is_a_bar_and_day_is_a_marker(seed_timeline):
    fig = figure(seed_timeline.events)
    bars = next(t for t in fig.data if t.type == "bar")
    markers = next(t for t in fig.data if t.type == "scatter")
    events = seed_timeline.events.set_index("id")
    assert {events.loc[i, "precision"] for i in bars.customdata} >= {"year", "month"}
    assert {events.loc[i, "precision"] for i in markers.customdata} <= {"day", "part_of_day", "minute", "hour"}
    year = events[events["value"] == "1997"].index[0]
    index = list(bars.customdata).index(year)
    assert bars.x[index] > 364 * 24 * 3600 * 1000, "a year is drawn as a whole year"


def test_hover_has_title_words_value_and_source(seed_timeline):
    fig = figure(seed_timeline.events)
    hover = " ".join(text for trace in fig.data for text in trace.hovertext)
    assert "“Nov. 22” → 2023-11-22 (day)" in hover and "Asharq Al-Awsat" in hover


def test_hover_text_is_escaped():
    frame = events_frame(synthetic_events(3))
    frame.loc[0, "title"] = "<img src=x onerror=alert(1)>"
    hover = " ".join(text for trace in figure(frame).data for text in trace.hovertext)
    assert "<img" not in hover and "&lt;img" in hover


def test_many_events_use_webgl():
    frame = events_frame(synthetic_events(WEBGL_THRESHOLD * 3))
    kinds = {trace.type for trace in figure(frame).data}
    assert kinds == {"scattergl"}
    ids = {i for trace in figure(frame).data if trace.customdata is not None for i in trace.customdata}
    assert ids == set(frame["id"])


def test_auto_lanes_do_not_overlap():
    frame = events_frame(synthetic_events(200))
    frame["lane"] = lanes_for(frame, "auto")
    for _, group in frame.sort_values("begin").groupby("lane"):
        ends = group["end"].tolist()
        begins = group["begin"].tolist()
        assert all(b >= e for e, b in zip(ends, begins[1:], strict=False))


def test_lanes_by_name(seed_timeline):
    lanes = set(lanes_for(seed_timeline.events, "name"))
    assert "Netanyahu" in lanes
