"""The figure: marks by precision and kind, labels that never overlap, a legend, stable colours, the whole timeline."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_viz import synthetic_events  # noqa: E402

from timeline.chart_layout import (
    label_for,  # noqa: E402
    lanes_for,  # noqa: E402
    panel_titles,  # noqa: E402
    place,  # noqa: E402
)
from timeline.chart_style import SourceColours  # noqa: E402
from timeline.frames import events_frame  # noqa: E402
from timeline.human_dates import POINT_PRECISIONS  # noqa: E402
from timeline.viz import WEBGL_THRESHOLD, figure  # noqa: E402


def trace(fig, name, axis="x"):
    return next(t for t in fig.data if t.name == name and (t.xaxis or "x") == axis)


def traces(fig, name):
    return [t for t in fig.data if t.name == name]


def test_year_is_a_bar_and_day_is_a_marker(seed_timeline):
    fig = figure(seed_timeline.events)
    events = seed_timeline.events.set_index("id")
    bars = [(i, x) for t in traces(fig, "spans") for i, x in zip(t.customdata, t.x, strict=True)]
    markers = [i for t in traces(fig, "points") for i in t.customdata]
    assert {events.loc[i, "precision"] for i, _ in bars} >= {"year", "month"}
    assert {events.loc[i, "precision"] for i in markers} <= {"day", "part_of_day", "minute", "hour"}
    year = events[events["value"] == "1997"].index[0]
    assert dict(bars)[year] > 364 * 24 * 3600 * 1000, "a year is drawn as a whole year"


def test_hover_has_title_date_in_words_words_as_written_and_source(seed_timeline):
    hover = " ".join(text for t in figure(seed_timeline.events).data if t.hovertext for text in t.hovertext)
    assert "Wed 22 Nov 2023 · as written: “Nov. 22”" in hover and "Asharq Al-Awsat" in hover
    assert "Fri 1 Nov 2024, evening" in hover
    assert "TEV" not in hover and "2023-11-22" not in hover, "no TIMEX3 codes where people read"


def test_long_titles_wrap_without_showing_markup():
    frame = events_frame(synthetic_events(3))
    frame.loc[0, "title"] = ("Israel said earlier this year that it had killed Mohammed Deif, Hamas's military chief, "
                             "in a strike")
    hover = {i: h for t in figure(frame).data if t.hovertext for i, h in zip(t.customdata, t.hovertext, strict=True)}
    text = hover[frame.loc[0, "id"]]
    assert "&lt;br&gt;" not in text, "a line break shows as a line break, not as markup"
    assert "killed Mohammed Deif,</b><br><b>Hamas&#x27;s military chief" in text


def test_hover_and_labels_are_escaped():
    frame = events_frame(synthetic_events(3))
    frame.loc[0, "title"] = "<img src=x onerror=alert(1)>"
    frame.loc[0, "score"] = 99.0
    fig = figure(frame)
    hover = " ".join(text for t in fig.data if t.hovertext for text in t.hovertext)
    labels = " ".join(text for t in traces(fig, "labels") for text in t.text)
    assert "<img" not in hover and "&lt;img" in hover
    assert "<img" not in labels


def test_many_events_use_webgl_and_keep_every_id():
    frame = events_frame(synthetic_events(WEBGL_THRESHOLD * 3))
    fig = figure(frame)
    assert {t.type for t in fig.data if t.name in ("spans", "points")} == {"scattergl"}
    ids = {i for t in fig.data if t.name in ("spans", "points") for i in t.customdata}
    assert ids == set(frame["id"])


def _shown_labels(fig):
    for t in traces(fig, "labels"):
        for base, width, y, text, event_id in zip(t.base, t.x, t.y, t.text, t.customdata, strict=True):
            if text:
                begin = pd.Timestamp(base)
                yield t.xaxis or "x", y, begin, begin + pd.Timedelta(milliseconds=width), event_id


def assert_labels_apart(shown: list) -> None:
    for (axis, y, _, end, _), (axis2, y2, begin2, _, _) in zip(shown, shown[1:], strict=False):
        if (axis, y) == (axis2, y2):
            assert begin2 >= end, "two labels in one row overlap"


def test_labels_never_overlap_and_the_most_important_come_first():
    frame = events_frame(synthetic_events(300))
    frame["score"] = [(i * 7919) % 300 / 100 for i in range(len(frame))]  # scores unrelated to dates
    fig = figure(frame)
    shown = sorted(_shown_labels(fig))
    assert len(shown) >= 20, "a fair share of events is labelled in the first view"
    assert_labels_apart(shown)
    labelled = {event_id for *_, event_id in shown}
    ranked = frame.sort_values("score", ascending=False)["id"]
    top, rest = ranked[:30], ranked[30:]
    assert top.isin(labelled).mean() > rest.isin(labelled).mean(), "important events are labelled more often"


def test_the_most_important_events_are_labelled_even_at_the_axis_end(seed_timeline):
    """The latest events, often the biggest, sit where the axis ends: their labels go before their marks."""
    events = seed_timeline.events
    fig = figure(events)
    shown = sorted(_shown_labels(fig))
    assert_labels_apart(shown)
    labelled = {event_id for *_, event_id in shown}
    top = events.nlargest(3, "score")["id"]
    assert set(top) <= labelled, "each of the three most important events has a label"
    marks = {i: (pd.Timestamp(b), pd.Timestamp(e)) for i, b, e in zip(events["id"], events["begin"], events["end"],
                                                                       strict=True)}
    bars = set(events[~events["precision"].isin(POINT_PRECISIONS)]["id"])
    for axis, _, begin, end, event_id in shown:
        if axis == "x":
            mark_begin, mark_end = marks[event_id]
            assert end <= mark_begin or begin >= mark_end or (
                event_id in bars and mark_begin <= begin and end <= mark_end), \
                "a label sits beside its mark, never on it, or inside its own bar"


def test_many_events_on_one_day_give_one_label_the_room_and_the_rest_stay_marks():
    frame = events_frame(synthetic_events(40))
    day = frame["end"].max().normalize() + timedelta(days=1)  # the latest day, with room for labels after it
    crowd = frame.index[:12]  # a dozen happenings the report's day, as inferred events are placed
    frame.loc[crowd, "begin"], frame.loc[crowd, "end"], frame.loc[crowd, "precision"] = day, day + timedelta(days=1), "day"
    frame["outlets"] = [["One outlet"]] * len(frame)
    shown = sorted(_shown_labels(figure(frame)))
    assert_labels_apart(shown)
    assert set(frame.loc[crowd, "id"]) & {event_id for *_, event_id in shown}, "the crowded day is labelled"


def test_a_label_shortens_to_its_room_and_appears_when_zoomed():
    label = "Netanyahu telegraphed his intentions in a nationwide address"
    assert label_for(label, 40) == "", "too little room: no label rather than a stub"
    assert label_for(label, 140) == "", "room for a fragment only: no label rather than 'Netanyahu telegraphed…'"
    assert label_for(label, 230) == "Netanyahu telegraphed his intentions…", "shortened to a whole phrase"
    assert label_for(label, 2000) == label


def test_a_source_keeps_its_colour_across_filters(seed_timeline):
    events = seed_timeline.events
    def colours(fig):
        return {t.name: t.marker.color for t in fig.data if t.legendgroup == "sources"}
    everything = colours(figure(events))
    one = events[events["outlets"].map(lambda o: o == ["Antiwar.com"])]
    assert colours(figure(one)) == {"Antiwar.com": everything["Antiwar.com"]}
    assert len(set(everything.values())) == len(everything), "different sources, different colours"
    remembered = SourceColours()
    first = remembered("Daily Mail")
    for outlet in ("A", "B", "C", "Daily Mail 2"):
        remembered(outlet)
    assert remembered("Daily Mail") == first


def _kinds_frame():
    frame = events_frame(synthetic_events(6))
    frame.loc[1, ["placement"]] = "inferred"
    frame.loc[2, ["modality"]] = "planned"
    frame.loc[2, "relation"] = "since October 1997"
    frame["precision"] = "day"
    frame["end"] = frame["begin"] + timedelta(days=1)
    return frame


def test_inferred_and_planned_events_have_their_own_marks_and_legend():
    frame = _kinds_frame()
    fig = figure(frame)
    points = traces(fig, "points")[0]
    symbol = dict(zip(points.customdata, points.marker.symbol, strict=True))
    assert symbol[frame.loc[1, "id"]] == "circle-open" and symbol[frame.loc[2, "id"]] == "diamond"
    assert symbol[frame.loc[0, "id"]] == "circle"
    legend = " ".join(t.name for t in fig.data if t.legendgroup == "marks")
    assert "inference" in legend and "planned" in legend
    hover = dict(zip(points.customdata, points.hovertext, strict=True))
    assert "context: since October 1997" in hover[frame.loc[2, "id"]]
    assert "planned or expected" in hover[frame.loc[2, "id"]]


def test_nothing_to_show_is_said_plainly():
    fig = figure(events_frame([]))
    assert not fig.layout.xaxis.visible and not fig.layout.yaxis.visible
    assert "No events match" in fig.layout.annotations[0].text


def test_first_view_shows_every_event_and_the_history_has_its_own_panel(seed_timeline):
    events = seed_timeline.events.set_index("id")
    fig = figure(seed_timeline.events)
    for t in fig.data:
        if t.name not in ("spans", "points"):
            continue
        axis = fig.layout.xaxis2 if t.xaxis == "x2" else fig.layout.xaxis
        low, high = (pd.Timestamp(v) for v in axis.range)
        for event_id in t.customdata:
            assert low <= events.loc[event_id, "begin"] and events.loc[event_id, "end"] <= high
    where = {i: t.xaxis for t in fig.data if t.name in ("spans", "points") for i in t.customdata}
    assert where[events[events["value"] == "1997"].index[0]] == "x2", "1997 sits in the history panel"
    assert where[events[events["value"] == "2023-11-22"].index[0]] in (None, "x")


def test_lanes_by_name_use_the_names_people_know(seed_timeline):
    lanes = set(lanes_for(seed_timeline.events, "name"))
    assert "Benjamin Netanyahu" in lanes and "Netanyahu" not in lanes, "a surname lane merges into the full name"
    assert "Kassab" not in lanes and "Gaza Sunday" not in lanes


def test_no_lane_is_empty_in_the_first_view():
    frame = events_frame(synthetic_events(40))
    frame.loc[0, ["begin", "end", "precision"]] = [datetime(1990, 1, 1), datetime(1991, 1, 1), "year"]
    frame.loc[0, "outlets"] = ["Old Times"]
    fig = figure(frame)
    drawn = {i for t in fig.data if t.name in ("spans", "points") for i in t.customdata}
    assert frame.loc[0, "id"] in drawn
    assert "Old Times" not in list(fig.layout.yaxis.ticktext), "a lane whose events are all history is no lane"
    listed = {i: text for t in traces(fig, "labels") if t.xaxis == "x3" for i, text in zip(t.customdata, t.text,
                                                                                           strict=True)}
    assert listed[frame.loc[0, "id"]].startswith("1990 · "), "its event is in the history list, with its year"
    lanes = {lane: top for lane, top in zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals, strict=True)}
    story_rows = {y for t in fig.data if t.name in ("spans", "points") and (t.xaxis or "x") == "x" for y in t.y}
    for top in lanes.values():
        assert any(top - 6 < y < top for y in story_rows), "every lane named holds marks of the story"


def _history(fig) -> tuple[dict, dict]:
    """The history list: each event's row (from its mark), and each row's label."""
    rows = {i: y for t in fig.data if t.name in ("spans", "points") and t.xaxis == "x2"
            for i, y in zip(t.customdata, t.y, strict=True)}
    labels = {y: (i, text) for t in traces(fig, "labels") if t.xaxis == "x3"
              for i, y, text in zip(t.customdata, t.y, t.text, strict=True)}
    return rows, labels


def test_every_history_event_is_listed_oldest_first_with_its_date(seed_shown):
    events = seed_shown.set_index("id")
    rows, labels = _history(figure(seed_shown))
    assert events.loc[list(rows), "begin"].min().year == 1972 and len(rows) >= 10
    assert all(labels.get(y, ("", ""))[1] for y in rows.values()), "every history event has a label"
    assert len(set(rows.values())) == len(rows), "one event to a row"
    by_row = sorted(rows, key=rows.get, reverse=True)
    assert list(events.loc[by_row, "begin"]) == sorted(events.loc[by_row, "begin"]), "oldest at the top"
    texts = {labels[rows[i]][1] for i in rows}
    assert {"1997 · Netanyahu ordered botched 1997 attempt…"} & texts or any(t.startswith("1997 · Netanyahu")
                                                                             for t in texts)
    assert any(t.startswith("7 Oct 2023 · ") for t in texts), "a day is written as a day, without its weekday"


def test_a_long_history_shares_rows_and_labels_the_most_important_of_each():
    frame = events_frame(synthetic_events(150))
    old = frame.index[:50]  # more than the chart has rows for: one lane, a list of at least 30 rows
    frame.loc[old, "begin"] = [datetime(1900 + i, 1, 1) for i in range(50)]
    frame.loc[old, "end"] = [datetime(1901 + i, 1, 1) for i in range(50)]
    frame.loc[old, "precision"] = "year"
    frame["outlets"] = [["One outlet"]] * len(frame)
    frame["score"] = [(i * 7919) % 150 / 10 for i in range(len(frame))]
    rows, labels = _history(figure(frame))
    assert set(frame.loc[old, "id"]) <= set(rows), "every old event keeps its mark"
    assert len(set(rows.values())) < len(rows), "too many for one row each: neighbours share a row"
    score = frame.set_index("id")["score"]
    for y, (event_id, text) in labels.items():
        sharing = [i for i, row in rows.items() if row == y]
        assert event_id == max(sharing, key=score.get) and text, "a shared row is labelled with its best event"


def test_a_history_of_one_year_is_titled_with_that_year_once():
    frame = events_frame(synthetic_events(40))
    old = frame.index[:4]
    frame.loc[old, "begin"] = [datetime(1990, month, 1) for month in (1, 3, 5, 7)]
    frame.loc[old, "end"] = [datetime(1990, month, 2) for month in (1, 3, 5, 7)]
    story = frame.index[4:]  # the story: a day each from March 2024
    frame.loc[story, "begin"] = [datetime(2024, 3, 1) + timedelta(days=i) for i in range(len(story))]
    frame.loc[story, "end"] = frame.loc[story, "begin"] + timedelta(days=1)
    frame.loc[story, "precision"] = "day"
    titles = [title for title, _ in panel_titles(place(frame))]
    assert titles[0] == "Earlier: 1990", titles  # not "Earlier: 1990 – 1990"


def test_quotes_in_labels_and_hover_use_entities_plotly_decodes():
    """Plotly's text decodes numeric entities and &lt; &gt; &amp;, not &quot;: a label read "&quot;end its war"."""
    frame = events_frame(synthetic_events(3))
    frame.loc[0, "title"] = 'ISIS warned Hamas to "end its war" in Gaza'
    frame.loc[0, "score"] = 99.0
    fig = figure(frame)
    texts = [text for t in fig.data if t.hovertext for text in t.hovertext]
    texts += [text for t in traces(fig, "labels") for text in t.text if text]
    quoted = [text for text in texts if "end its war" in text]
    assert quoted and all("&#34;end its war&#34;" in text and "&quot;" not in text for text in quoted), quoted


def test_history_labels_with_direction_controls_are_cut_at_a_whole_phrase():
    """Controls are shown as ⟨U+202E⟩ (nine characters each): cut points measured on the raw title cut the
    shown label mid-word ("…king⟨U+202C⟩ sign…")."""
    from timeline.labels import SHORTEST, label_stops

    frame = events_frame(synthetic_events(30))
    for i in range(6):
        frame.loc[i, ["begin", "end", "precision"]] = [datetime(1700 + 10 * i, 1, 1), datetime(1701 + 10 * i, 1, 1),
                                                       "year"]
        frame.loc[i, "title"] = ("The \u202eking\u202c signed a long treaty with the \u2066neighbouring\u2069 duchy "
                                 "in the old capital city")
    texts = [(meta, text) for trace in figure(frame).data if trace.name == "labels"
             for meta, text in zip(trace.meta, trace.text, strict=True)]
    shown = [(whole, text) for (whole, *_), text in texts if "⟨U+202E⟩" in whole and text]
    assert shown, "the history's labels are drawn"
    for whole, text in shown:
        assert "\u202e" not in text
        assert text == whole or (text.endswith("…") and text[:-1] in [whole[:s] for s in label_stops(whole, 0)]
                                 and len(text) >= SHORTEST), text


def test_a_timeline_of_many_sources_keeps_a_few_lanes_and_a_short_legend():
    """Hundreds of outlets with an event or two each made a lane and a legend line apiece: a chart thousands of
    pixels tall that took the browser seconds to draw. The busiest sources keep their lanes, the rest share one."""
    frame = events_frame(synthetic_events(200)).assign(outlets=[[f"Outlet {i % 120}"] for i in range(200)])
    frame.loc[frame.index[:30], "outlets"] = pd.Series([["Big Daily"]] * 30, index=frame.index[:30])
    fig = figure(frame)
    lanes = list(fig.layout.yaxis.ticktext)
    assert len(lanes) <= 10 and lanes[0] == "Big Daily" and lanes[-1] == "other sources", lanes
    drawn = {i for t in fig.data if t.name in ("spans", "points") for i in t.customdata}
    assert drawn == set(frame["id"]), "every event is still drawn"
    assert fig.layout.height < 1500
    legend = [t.name for t in fig.data if t.legendgroup == "sources"]
    assert len(legend) <= 13 and "Big Daily" in legend and legend[-1].startswith("109 more sources"), legend


@pytest.mark.parametrize(("count", "precision", "length"), [(1, "day", 1), (1, "month", 30), (1, "year", 365),
                                                             (5, "day", 1), (6, "day", 2)])
def test_a_story_of_one_day_month_or_year_is_labelled(count, precision, length):
    """A one-article upload, or a date filter narrowed to one day: the axis is little more than the events' own
    time, yet each dot's label has room beside the dot (a dot is as wide as it is drawn, not as its day)."""
    frame = events_frame(synthetic_events(count))
    start = pd.Timestamp("2024-03-01")
    frame["begin"] = [start + pd.Timedelta(days=i % length) for i in range(count)]
    frame["end"] = frame["begin"] + pd.Timedelta(days=length)
    frame["precision"] = precision
    frame["outlets"] = [[f"Outlet {i}"] for i in range(count)]
    shown = sorted(_shown_labels(figure(frame)))
    assert_labels_apart(shown)
    assert {event_id for *_, event_id in shown} == set(frame["id"]), "every event of a small story is labelled"


@pytest.mark.parametrize(("text", "at_most_em"), [("Путин подписал указ о мобилизации резервистов", 0.7),
                                                   ("Η κυβέρνηση ανακοίνωσε νέα μέτρα", 0.7),
                                                   ("الحكومة تعلن إجراءات جديدة", 0.7)])
def test_labels_in_other_scripts_are_measured_near_their_drawn_width(text, at_most_em):
    """A Cyrillic, Greek or Arabic title counted as an em a letter took twice its room, so it lost its label."""
    from timeline.chart_style import LABEL_PX, text_px

    assert text_px(text) <= at_most_em * LABEL_PX * len(text)
    assert text_px("東京で地震") == 5 * LABEL_PX, "East Asian wide characters take a whole em"


def test_a_hypothetical_event_drawn_has_a_mark_of_its_own_named_in_the_legend():
    """A hypothetical happening shown (the reader asked for them) must not pass for a planned or factual one."""
    frame = _kinds_frame()
    assert "hypothetical" not in " ".join(t.name for t in figure(frame).data if t.legendgroup == "marks")
    frame.loc[3, "modality"] = "hypothetical"
    data = figure(frame).data
    legend = [t.name for t in data if t.legendgroup == "marks"]
    assert any("hypothetical" in line for line in legend) and not any("hypothetical" in line and "planned" in line
                                                                       for line in legend), legend
    symbol = {i: s for t in data if t.name == "points" for i, s in zip(t.customdata, t.marker.symbol, strict=True)}
    assert symbol[frame.loc[3, "id"]] not in {symbol[i] for i in symbol if i != frame.loc[3, "id"]}
