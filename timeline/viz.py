"""The timeline figure: time across, lanes down, precision shown honestly.

Day- and time-precise events are markers; month, year and coarser events are
bars spanning their whole interval, so "1997" never looks like 1 January 1997.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import plotly.graph_objects as go

from .safe_text import escape_html

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WEBGL_THRESHOLD = 1000  # above this many events, draw with WebGL (benchmarks/bench_viz.py)
_POINT_PRECISIONS = {"minute", "hour", "part_of_day", "day"}


def lanes_for(events: pd.DataFrame, by: str = "source") -> pd.Series:
    """The lane of each event: its first source, its first name, or packed so labels do not collide."""
    if events.empty:
        return pd.Series(dtype=str)
    if by == "name":
        return events["names"].map(lambda names: names[0] if len(names) else "(no name)")
    if by == "auto":
        return _packed_lanes(events)
    return events["outlets"].map(lambda outlets: outlets[0] if len(outlets) == 1 else "several sources")


def _packed_lanes(events: pd.DataFrame) -> pd.Series:
    """Greedy interval packing: each event takes the first lane free at its start (labels need room)."""
    order = events.sort_values("begin").index
    span = (events["end"].max() - events["begin"].min()) or timedelta(days=1)
    room = span / 25  # horizontal room a label needs
    lane_ends: list[datetime] = []
    lanes = {}
    for index in order:
        begin, end = events.at[index, "begin"], max(events.at[index, "end"], events.at[index, "begin"] + room)
        for lane, free_from in enumerate(lane_ends):
            if free_from <= begin:
                lane_ends[lane] = end
                lanes[index] = f"lane {lane + 1}"
                break
        else:
            lane_ends.append(end)
            lanes[index] = f"lane {len(lane_ends)}"
    return pd.Series(lanes).reindex(events.index)


def figure(events: pd.DataFrame, lanes: str = "source", title: str = "") -> go.Figure:
    """The Plotly timeline of an events table (as from ``Timeline.events``)."""
    fig = go.Figure()
    if events.empty:
        fig.update_layout(title=title or "No dated events", template="plotly_white", height=300)
        return fig
    events = events.copy()
    events["lane"] = lanes_for(events, lanes)
    colours = {outlet: PALETTE[i % len(PALETTE)] for i, outlet in enumerate(sorted(
        {o for outlets in events["outlets"] for o in outlets}))}
    events["colour"] = events["outlets"].map(lambda o: colours.get(o[0], "#555555") if o else "#555555")
    events["hover"] = events.apply(_hover, axis=1)
    points = events[events["precision"].isin(_POINT_PRECISIONS)]
    spans = events[~events["precision"].isin(_POINT_PRECISIONS)]
    webgl = len(events) > WEBGL_THRESHOLD
    if webgl and not spans.empty:
        _add_spans_webgl(fig, spans)
    elif not spans.empty:
        fig.add_trace(go.Bar(
            base=spans["begin"], x=(spans["end"] - spans["begin"]).dt.total_seconds() * 1000, y=spans["lane"],
            orientation="h", name="month, year or longer",
            marker=dict(color=spans["colour"], opacity=spans["confidence"].map(lambda c: 0.85 if c >= 0.5 else 0.35),
                        line=dict(color=spans["conflict"].map(lambda c: "#D55E00" if c else "rgba(0,0,0,0.4)"),
                                  width=spans["conflict"].map(lambda c: 3 if c else 1))),
            customdata=spans["id"], hovertext=spans["hover"], hoverinfo="text", width=0.5,
        ))
    if not points.empty:
        scatter = go.Scattergl if webgl else go.Scatter
        fig.add_trace(scatter(
            x=points["begin"] + (points["end"] - points["begin"]) / 2, y=points["lane"], mode="markers",
            name="day or time",
            marker=dict(
                size=points["n_sources"].map(lambda n: 10 + 5 * min(n - 1, 6)), color=points["colour"],
                symbol=[_symbol(c, k) for c, k in zip(points["confidence"], points["conflict"], strict=True)],
                line=dict(width=2, color=points["colour"])),
            customdata=points["id"], hovertext=points["hover"], hoverinfo="text",
        ))
    first, last = _focus(events)
    fig.update_layout(
        title=title, template="plotly_white", barmode="overlay", showlegend=False,
        height=max(320, 120 + 45 * events["lane"].nunique()), margin=dict(l=10, r=10, t=50 if title else 20, b=10),
        xaxis=dict(type="date", range=[first, last], rangeslider=dict(visible=True), title=None),
        yaxis=dict(title=None, automargin=True, categoryorder="category ascending"),
        hoverlabel=dict(align="left"), clickmode="event+select",
    )
    return fig


def _add_spans_webgl(fig: go.Figure, spans: pd.DataFrame) -> None:
    """Many interval events: one WebGL line trace for the spans, markers at their middles for hover and ids."""
    xs, ys = [], []
    for begin, end, lane in zip(spans["begin"], spans["end"], spans["lane"], strict=True):
        xs += [begin, end, None]
        ys += [lane, lane, None]
    fig.add_trace(go.Scattergl(x=xs, y=ys, mode="lines", line=dict(width=6, color="rgba(0,114,178,0.45)"),
                               hoverinfo="skip", name="month, year or longer"))
    fig.add_trace(go.Scattergl(
        x=spans["begin"] + (spans["end"] - spans["begin"]) / 2, y=spans["lane"], mode="markers",
        marker=dict(size=5, color=spans["colour"]), customdata=spans["id"], hovertext=spans["hover"],
        hoverinfo="text", name="month, year or longer (middle)"))


def _symbol(confidence: float, conflict: bool) -> str:
    if conflict:
        return "x-open" if confidence < 0.5 else "x"
    return "circle-open" if confidence < 0.5 else "circle"


def _hover(row: pd.Series) -> str:
    """Hover text: everything in it comes from articles, so it is escaped."""
    sources = ", ".join(escape_html(o) for o in row["outlets"][:5]) + (" …" if len(row["outlets"]) > 5 else "")
    flags = (" · <b>conflicting dates</b>" if row["conflict"] else "") + \
            (" · low confidence" if row["confidence"] < 0.5 else "")
    return (f"<b>{escape_html(_wrap(row['title']))}</b><br>"
            f"as written: “{escape_html(row['date_text'])}” → {escape_html(row['value'])} ({row['precision']})"
            f"<br>sources: {sources}{flags}")


def _wrap(text: str, width: int = 70) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _focus(events: pd.DataFrame) -> tuple[datetime, datetime]:
    """The first view: the densest stretch holding most events; far history stays a zoom away."""
    middles = sorted(events["begin"] + (events["end"] - events["begin"]) / 2)
    if len(middles) < 3:
        first, last = min(events["begin"]), max(events["end"])
    else:
        count = max(2, int(len(middles) * 0.6))
        widths = [(middles[i + count - 1] - middles[i], i) for i in range(len(middles) - count + 1)]
        _, start = min(widths)
        first, last = middles[start], middles[start + count - 1]
    pad = max((last - first) * 0.08, timedelta(days=3))
    return first - pad, last + pad
