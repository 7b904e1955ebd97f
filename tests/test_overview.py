"""The SVG overview: every event's mark where the axis says its date is, labels apart, hostile text kept as text."""

from __future__ import annotations

import base64
import re
import sys
from datetime import datetime
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_viz import synthetic_events  # noqa: E402
from overview_reading import SVG, groups, mark_date, mark_x, parse, read_axis  # noqa: E402

from timeline.chart_layout import CHAR_PX, panel_axis, place  # noqa: E402
from timeline.chart_style import SourceColours, text_px  # noqa: E402
from timeline.frames import events_frame  # noqa: E402
from timeline.overview import image_html, overview, ticks  # noqa: E402


def drawn(events: pd.DataFrame, lanes: str = "source"):
    return parse(overview(events, place(events, lanes), SourceColours()))


def test_every_event_has_a_mark_where_the_axis_reads_its_date(seed_timeline):
    events = seed_timeline.events
    svg = drawn(events)
    marks = groups(svg, "mark")
    assert sorted(g.get("data-id") for g in marks) == sorted(events["id"]), "every event, once"
    assert len(groups(svg, "tick")) >= 3, "the axis has dates to read"
    dates = events.set_index("id")
    checked = 0
    for mark in marks:
        event = dates.loc[mark.get("data-id")]
        expected = read_axis(svg, mark_date(mark, event["begin"], event["end"]))
        if mark.get("data-panel") != "0" or expected is None:
            continue
        assert abs(mark_x(mark) - expected) < 1.0, (mark.get("data-id"), mark_x(mark), expected)
        checked += 1
    assert checked >= 20


def _mark_y(shape) -> float:
    """A mark's top (bar), centre (dot) or middle point (diamond), all of which order the rows alike."""
    if shape.get("points"):
        return float(shape.get("points").split()[1].split(",")[1])
    return float(shape.get("y") or shape.get("cy"))


def test_history_rows_are_oldest_first_and_say_when(seed_shown):
    svg = drawn(seed_shown)
    history = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "mark" and g.get("data-panel") == "1"]
    rows = sorted({(_mark_y(g[0]), g.get("data-begin")) for g in history})
    assert len(history) >= 10
    assert [b for _, b in rows] == sorted(b for _, b in rows), "the list runs down in time"
    labels = {t.get("data-id"): t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "label"}
    assert any(text.startswith("1997 · ") for text in labels.values())


def test_labels_never_overlap_each_other_or_a_mark(seed_timeline):
    """Labels overlap no other label and no mark but their own bar, when written inside it."""
    for lanes in ("source", "name"):
        svg = drawn(seed_timeline.events, lanes)
        boxes = []  # (left, right, y) of every label, as wide as its font draws it
        for text in svg.iter(f"{SVG}text"):
            if text.get("class") != "label":
                continue
            x, width = float(text.get("x")), text_px(text.text)
            left = x - width if text.get("text-anchor") == "end" else x
            boxes.append((left, left + width, float(text.get("y")), text.text, text.get("data-id")))
        assert len(boxes) >= 25
        for i, (a0, a1, ay, a, _) in enumerate(boxes):
            for b0, b1, by, b, _ in boxes[i + 1:]:
                assert not (abs(ay - by) < 10 and min(a1, b1) - max(a0, b0) > 1), (a, b)
        for mark in (g for g in svg.iter(f"{SVG}g") if g.get("class") == "mark"):
            shape = mark[0]
            if shape.tag != f"{SVG}rect":
                continue
            m0, m1 = float(shape.get("x")), float(shape.get("x")) + float(shape.get("width"))
            my = float(shape.get("y")) + float(shape.get("height")) / 2
            for b0, b1, by, b, owner in boxes:
                inside = owner == mark.get("data-id") and m0 <= b0 and b1 <= m1  # a label inside its own bar
                assert inside or not (abs(my - by) < 10 and min(m1, b1) - max(m0, b0) > 1), (b, mark.get("data-id"))


def test_the_most_important_events_are_labelled(seed_timeline):
    events = seed_timeline.events
    svg = drawn(events)
    labelled = {t.get("data-id") for t in svg.iter(f"{SVG}text") if t.get("class") == "label"}
    top = events.nlargest(3, "score")["id"]
    assert set(top) <= labelled


def test_hostile_article_text_stays_text():
    frame = events_frame(synthetic_events(8))
    hostile = "<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)>"
    frame.loc[0, "title"] = hostile
    frame.loc[0, "outlets"] = ["<b onmouseover=alert(2)>Evil</b>"]
    frame.loc[1, "names"] = ["<svg onload=alert(3)>"]
    for lanes in ("source", "name"):
        markup = overview(frame, place(frame, lanes), SourceColours())
        svg = parse(markup)
        assert not [e for e in svg.iter() if e.tag.split("}")[-1] in ("script", "img", "b", "foreignObject")]
        assert not [name for e in svg.iter() for name in e.attrib if name.startswith("on")]
        words = " ".join(svg.itertext())
        assert "<b onmouseover=alert(2)>Evil</b>" in words, "the outlet is shown as written, in the legend"
        assert "<script>" not in markup and "<img" not in markup
    assert "<svg onload=alert(3)>" in words, "a name lane is named as written"
    label = next(t for t in svg.iter(f"{SVG}text") if t.get("class") == "label" and t.get("data-id") == "e0")
    assert label.text.startswith("<script>alert('x')</script>"), "the label shows the title as written"


def test_control_characters_in_an_article_leave_a_drawing_that_parses():
    """XML forbids C0 controls: one in a title or an outlet made the whole first view a broken image."""
    frame = events_frame(synthetic_events(8))
    frame.loc[0, "title"] = "Talks\x01 end \u202ein a deal\x08"
    frame.loc[1, "outlets"] = ["Daily\x01 News"]
    frame.loc[2, "names"] = ["Gaza\x0c"]
    for lanes in ("source", "name"):
        svg = parse(overview(frame, place(frame, lanes), SourceColours()))  # raises on a character XML forbids
        words = " ".join(svg.itertext())
        assert "Talks⟨U+0001⟩ end ⟨U+202E⟩in" in words, "the control is shown, not hidden or kept raw"
        assert "Daily⟨U+0001⟩ News" in words


def test_planned_bars_are_hatched_as_the_legend_says():
    frame = events_frame(synthetic_events(40))
    bars = frame.index[frame["precision"] != "day"]
    frame.loc[bars[:3], "modality"] = "planned"
    svg = parse(overview(frame, place(frame), SourceColours()))
    hatched = {g.get("data-id") for g in groups(svg, "mark") if any(r.get("fill") == "url(#hatch)" for r in g)}
    assert hatched == set(frame.loc[bars[:3], "id"])
    entries = [" ".join(g.itertext()) for g in groups(svg, "legend-entry")]
    assert any("hatched" in e for e in entries)


def test_a_legend_without_sources_has_no_empty_heading():
    frame = events_frame(synthetic_events(5)).assign(outlets=[[]] * 5)
    words = " ".join(parse(overview(frame, place(frame), SourceColours())).itertext())
    assert "first source" not in words and "Marks" in words


def test_axis_dates_near_the_edges_stay_inside_the_drawing():
    frame = events_frame(synthetic_events(1))
    markup = overview(frame, place(frame), SourceColours())
    svg = parse(markup)
    width = float(svg.get("width"))
    for tick in groups(svg, "tick"):
        text = tick.find(f"{SVG}text")
        x, half = float(text.get("x")), len(text.text) * CHAR_PX / 2
        left = {"start": x, "middle": x - half, "end": x - 2 * half}[text.get("text-anchor")]
        assert 0 <= left and left + 2 * half <= width, text.text


def test_a_legend_says_what_colours_and_marks_mean(seed_timeline):
    svg = drawn(seed_timeline.events)
    entries = [" ".join(g.itertext()) for g in svg.iter(f"{SVG}g") if g.get("class") == "legend-entry"]
    assert "Daily Mail" in entries and any("inference" in e for e in entries)
    assert any("disagree" in e for e in entries)


def test_axis_dates_are_round_and_readable():
    def at(first: datetime, last: datetime) -> list[str]:
        return [words for _, words in ticks(panel_axis((first, last), []), 600)]

    assert at(datetime(2024, 1, 1), datetime(2024, 12, 31))[:2] == ["Jan 2024", "Mar 2024"]
    assert at(datetime(1990, 1, 1), datetime(2024, 1, 1))[:2] == ["1990", "1995"]
    days = at(datetime(2024, 11, 1), datetime(2024, 11, 20))
    assert days[0].endswith("Nov 2024") and len(days) >= 3
    folded = panel_axis((datetime(2000, 1, 1), datetime(2024, 1, 1)), [(datetime(2001, 1, 1), datetime(2023, 1, 1))])
    inside = [when for when, _ in ticks(folded, 600) if datetime(2001, 1, 1) < when < datetime(2023, 1, 1)]
    assert not inside, "no date inside a folded gap"
    hours = at(datetime(2024, 3, 1, 10), datetime(2024, 3, 1, 14))
    assert len(hours) >= 3 and hours[0].endswith(", 1 Mar") and all(":00, " in w for w in hours), "told within hours"


def test_the_page_gets_the_drawing_as_one_image(seed_timeline):
    markup = overview(seed_timeline.events, place(seed_timeline.events), SourceColours())
    html = image_html(markup, 110)
    found = re.fullmatch(r'<img class="timeline-overview" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" '
                         r'width="(\d+)" style="[^"<>]*" alt="Overview of the timeline: 110 events">', html)
    assert found, html[:200]
    assert base64.b64decode(found.group(1)).decode("utf-8") == markup
    assert int(found.group(2)) == int(float(parse(markup).get("width")))
