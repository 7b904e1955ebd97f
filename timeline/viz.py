"""The timeline figure: time across, lanes down, a short label on every event that has room for one.

Day- and time-precise events are markers; month, year and coarser events are
bars spanning their whole interval, so "1997" never looks like 1 January 1997.
Inferred and planned events have marks of their own, and a legend says what
every colour and mark means. Labels (``labels``: the title as a headline) are
text inside invisible bars from beside a mark to the next mark in its row: a
label that does not fit is left out and shows once the reader zooms in, so
labels never overlap each other or a mark.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .chart_layout import (
    CHAR_PX,
    EARLY_SHARE,
    HISTORY_SPARE,
    LABEL_ROOM_SHARE,
    LANE_GAP,
    LANE_HEAD,
    MARK_GAP_PX,
    MIN_LABEL_CHARS,
    RIGHT_PAD,
    TEXT_PAD_PX,
    Axis,
    Domains,
    Placed,
    domains,
    gap_words,
    history_room,
    history_stops,
    label_for,
    label_rooms,
    panel_axis,
    panel_titles,
    place,
)
from .chart_style import (
    CONFLICT,
    FAINT,
    FOLD_INK,
    FONT,
    INK,
    LABEL_PX,
    LANE_INK,
    LANE_NAME_PX,
    LANE_SHADE,
    MARGIN_PX,
    MARKS,
    MUTED,
    ROWS_ABOVE,
    ROWS_BELOW,
    SOURCES_TITLE,
    SPAN_ROWS,
    LegendEntry,
    SourceColours,
    event_colours,
    halo_shadows,
    label_halos,
    label_inks,
    legend,
    mark_kinds,
    opacities,
    outlines,
    point_outlines,
    point_sizes,
)
from .human_dates import POINT_PRECISIONS, Note, as_written, in_words, notes
from .labels import LABEL_CHARS, cut
from .safe_text import escape_html, visible_controls

WEBGL_THRESHOLD = 1000  # above this many events, draw with WebGL (benchmarks/bench_viz.py)
MAX_LABELS = 600  # label bars drawn at most (by score): SVG text is what costs time on a big timeline
ROW_PX = 24  # height of one row of a lane
BASE_PX = 110  # height of the chart around its lanes and legend: axis, panel titles
LEGEND_ROW_PX = 19  # height of one legend entry; the legend sits below the axis, in a margin of its own
# Data traces are built from our own columns, not from user input: Plotly's per-value validation is skipped,
# as it took most of the time on a big timeline (benchmarks/bench_viz.py).


def figure(events: pd.DataFrame, lanes: str = "source", title: str = "",
           colours: SourceColours | None = None, hover: bool = True, placed: Placed | None = None) -> go.Figure:
    """The Plotly timeline of an events table (as from ``Timeline.events``); without ``hover`` the marks carry
    no hover text (the exported page writes it from its own copy of the events). ``placed``: the events' layout,
    when the caller has it already (the dashboard draws its overview from the same one)."""
    if events.empty:
        return empty_figure(title)
    colours = colours or SourceColours()
    webgl = len(events) > WEBGL_THRESHOLD
    placed = placed or place(events, lanes, fold=not webgl)
    events = events.assign(
        y=-placed.rows_down(), colour=event_colours(events, colours), kind=mark_kinds(events),
        hover=[hover_text(row) for row in events.to_dict("records")] if hover else None)
    # plain dicts, made into a figure once: our own values, and Plotly's per-trace checks and copies cost most of the
    # build (benchmarks/README.md)
    traces: list[dict] = []
    folds = placed.folds
    for panel in range(len(placed.panels)):
        axis = "x" if panel == 0 else "x2"
        members = events[placed.panel == panel]
        spans = members[~members["precision"].isin(POINT_PRECISIONS)]
        points = members[members["precision"].isin(POINT_PRECISIONS)]
        if not spans.empty:
            (_add_spans_webgl if webgl else _add_spans)(traces, spans, axis)
        if not points.empty:
            _add_points(traces, points, webgl, axis)
        if panel:
            _add_history_labels(traces, members, placed)
        else:
            _add_labels(traces, members, placed)
    _add_legend(traces, events, colours)
    return go.Figure({"data": traces, "layout": _lay_out(traces, placed, title, folds)}, _validate=False)


def empty_figure(title: str = "", message: str = "No events match the filters.") -> go.Figure:
    """A plain message instead of an empty chart with meaningless axes."""
    fig = go.Figure()
    fig.add_annotation(text=escape_html(message), showarrow=False, font=dict(size=16, color="#5b6475"),
                       xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_layout(title=title, template="plotly_white", height=200, xaxis=dict(visible=False),
                      yaxis=dict(visible=False), margin=dict(l=MARGIN_PX, r=MARGIN_PX, t=40 if title else 10, b=10))
    return fig


def _hover(marks: pd.DataFrame) -> list[str] | None:
    """The marks' hover texts, or none when the figure is made without them."""
    return list(marks["hover"]) if marks["hover"].notna().any() else None


def _add_spans(traces: list[dict], spans: pd.DataFrame, axis: str) -> None:
    line_colour, line_width = outlines(spans["conflict"], "rgba(0,0,0,0.35)")
    traces.append(dict(
        type="bar", base=list(spans["begin"]), x=list((spans["end"] - spans["begin"]).dt.total_seconds() * 1000),
        y=list(spans["y"]), orientation="h", name="spans", showlegend=False, width=SPAN_ROWS,
        marker=dict(color=list(spans["colour"]), opacity=opacities(spans["confidence"]),
                    line=dict(color=line_colour, width=line_width),
                    pattern=dict(shape=[MARKS[k][1] for k in spans["kind"]], fgcolor="#ffffff", solidity=0.35)),
        customdata=list(spans["id"]), hovertext=_hover(spans), hoverinfo="text", xaxis=axis))


def _add_spans_webgl(traces: list[dict], spans: pd.DataFrame, axis: str) -> None:
    """Many interval events: one WebGL line trace per colour; each vertex carries its event's id."""
    for colour, group in spans.groupby("colour"):
        xs, ys, ids, hover = [], [], [], []
        for row in group.itertuples():
            xs += [row.begin, row.end, None]
            ys += [row.y, row.y, None]
            ids += [row.id] * 3
            hover += [row.hover] * 3
        traces.append(dict(type="scattergl", x=xs, y=ys, mode="lines", line=dict(width=7, color=colour), opacity=0.6,
                           name="spans", showlegend=False, customdata=ids, hovertext=hover if any(hover) else None,
                           hoverinfo="text", xaxis=axis))


def _add_points(traces: list[dict], points: pd.DataFrame, webgl: bool, axis: str) -> None:
    line_colour, line_width = point_outlines(points["kind"], points["colour"], points["conflict"])
    traces.append(dict(
        type="scattergl" if webgl else "scatter", x=list(points["begin"] + (points["end"] - points["begin"]) / 2),
        y=list(points["y"]), mode="markers", name="points", showlegend=False,
        marker=dict(size=point_sizes(points["n_sources"]), color=list(points["colour"]),
                    symbol=[MARKS[k][0] for k in points["kind"]], opacity=opacities(points["confidence"]),
                    line=dict(width=line_width, color=line_colour)),
        customdata=list(points["id"]), hovertext=_hover(points), hoverinfo="text", xaxis=axis))


def _add_labels(traces: list[dict], events: pd.DataFrame, placed: Placed) -> None:
    """Each event's label in an invisible bar from beside its mark to the next mark in its row (or, near the
    axis' end, from the previous one to its mark).

    A label shows only where its text fits the bar at the first view's scale, so labels never overlap each
    other or a mark; ``meta`` keeps every label so a page can show more of them as the reader zooms in. A folded
    stretch takes no room on screen, so it gives a label none, and nor does the room past the axis' end (Plotly
    would cut the text there mid-word).
    """
    axis_end = panel_axis(placed.panels[0], placed.folds[0]).end
    best = events.assign(label=placed.label, label_begin=placed.label_begin, left=placed.left, inside=placed.inside,
                         label_end=placed.label_end.clip(upper=axis_end)).nlargest(MAX_LABELS, "score")
    best = best.assign(rank=range(len(best)))  # one rank across both traces: a page repacks the best first
    for before, side in best.groupby("left", sort=True):  # a label before its mark ends at it: right-aligned
        widths = list((side["label_end"] - side["label_begin"]).dt.total_seconds().clip(lower=0) * 1000)
        _add_label_bars(traces, side, list(side["label_begin"]), widths, label_rooms(placed, side.index), "x",
                        list(placed.stops[side.index]), anchor="end" if before else "start", ranks=list(side["rank"]),
                        inside=list(side["inside"]))


def _add_history_labels(traces: list[dict], events: pd.DataFrame, placed: Placed) -> None:
    """Each row of the history list: its label in a bar across the column of labels (axis x3, from 0 to 1)."""
    labelled = events.assign(label=placed.label)
    labelled = labelled[labelled["label"] != ""]
    # the bar is as wide as the room the label was cut for, so the page's script refits it to the same room
    _add_label_bars(traces, labelled, [0] * len(labelled), [HISTORY_SPARE] * len(labelled),
                    [history_room(placed)] * len(labelled), "x3", history_stops(placed, list(labelled["label"])))


def _add_label_bars(traces: list[dict], events: pd.DataFrame, bases: list, widths: list, rooms: list[float],
                    axis: str, stops: list[list[int]], anchor: str = "start", ranks: list[int] | None = None,
                    inside: list[bool] | None = None) -> None:
    """Invisible bars holding the events' labels, each shortened to its room on screen (``inside``: written inside
    its own bar, in the colour that reads there); ``meta`` keeps the whole label, its stops, its rank by score among
    all the chart's labels (``ranks``; by default their order here) and its colour and halo inside its bar, so a page can
    refit the labels to the room it really has and repack the most important first."""
    labels = list(events["label"])  # controls already made visible by the layout
    ranks = list(range(len(labels))) if ranks is None else [int(rank) for rank in ranks]
    inside = inside or [False] * len(labels)
    inks = label_inks(list(events["colour"]), list(events["kind"]), events["confidence"], [True] * len(labels))
    shadows = halo_shadows(label_halos(inks, [True] * len(labels)))
    traces.append(dict(
        type="bar", base=bases, x=widths, y=list(events["y"]), orientation="h", width=0.9, name="labels",
        showlegend=False, marker=dict(color="rgba(0,0,0,0)", line=dict(width=0)),
        text=[escape_html(label_for(label, room, cuts)) for label, room, cuts in zip(labels, rooms, stops, strict=True)],
        meta=[list(entry) for entry in zip(labels, stops, ranks, inks, shadows, strict=True)], textposition="inside",
        insidetextanchor=anchor, textangle=0,
        textfont=dict(size=LABEL_PX, color=[ink if within else INK for ink, within in zip(inks, inside, strict=True)],
                      shadow=[shadow if within else "none" for shadow, within in zip(shadows, inside, strict=True)],
                      family=FONT), customdata=list(events["id"]), hovertext=_hover(events),
        hoverinfo="text", xaxis=axis))


def _add_legend(traces: list[dict], events: pd.DataFrame, colours: SourceColours) -> None:
    """Legend-only entries: what each colour and each kind of mark means."""
    for entry in legend(events, colours, events["kind"]):
        group = "sources" if entry.group == SOURCES_TITLE else "marks"
        if entry.kind == "source":
            marker = dict(color=entry.colour, symbol="square")
        elif entry.kind == "more":
            marker = dict(color="rgba(0,0,0,0)")
        elif entry.kind == "uncertain":
            marker = dict(color=entry.colour, opacity=FAINT)
        elif entry.kind == "conflict":
            marker = dict(color="#ffffff", line=dict(color=CONFLICT, width=3))
        else:
            marker = dict(color=entry.colour, symbol=MARKS[entry.kind][0], line=dict(width=2))
        traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=escape_html(entry.words),
                           meta=_legend_meta(entry),
                           marker=dict(size=10, **marker), legendgroup=group, legendgrouptitle=dict(text=entry.group)))


def _legend_meta(entry: LegendEntry) -> str | None:
    """What the exported page's script needs to know of a legend line to drop it when filters empty it: a source's
    raw name, or that it is the hypothetical mark's (hidden with those events until the reader asks for them)."""
    if entry.kind == "source":
        return visible_controls(entry.words)
    return entry.kind if entry.kind == "hypothetical" else None


def _lay_out(traces: list[dict], placed: Placed, title: str, folds: list[list]) -> dict:
    """The whole timeline in view: the story's lanes, and its history as a list at the left when it has one.

    Empty stretches of the story are folded away and marked; each lane is named in a row of its own above its
    events, inside the plot, so no margin of names takes width from the labels.
    """
    parts = domains(placed)
    story_left = parts.story[0]
    tops = {lane: -top for lane, top in placed.lane_tops().items()}
    shapes = [dict(type="rect", xref="paper", x0=story_left, x1=1, yref="y", y0=tops[lane] + 0.5,
                   y1=tops[lane] - placed.lane_height(lane) + 0.5, fillcolor=LANE_SHADE, line=dict(width=0),
                   layer="below") for index, lane in enumerate(placed.lanes) if index % 2 == 0]
    annotations = []
    for begin, end in folds[0]:
        shapes.append(dict(type="line", xref="x", x0=begin, x1=begin, yref="paper", y0=0, y1=1,
                           line=dict(color=FOLD_INK, width=2, dash="dot")))
        annotations.append(dict(x=begin, xref="x", y=0.5, yref="paper", xanchor="right", textangle=-90,
                                showarrow=False, text=f"{gap_words(end - begin)} left out",
                                font=dict(size=10, color=MUTED), bgcolor="rgba(255,255,255,0.8)"))
    story = panel_axis(placed.panels[0], folds[0])
    axes = {"xaxis": dict(type="date", range=[story.start, story.end], title=None,
                          showgrid=True, rangebreaks=[dict(bounds=[a, b]) for a, b in folds[0]],
                          domain=list(parts.story), anchor="y")}
    if len(placed.panels) > 1:
        axes |= _history_axes(panel_axis(placed.panels[1], folds[1], history=True), parts)
    annotations += [_panel_title(words, domain) for words, domain in panel_titles(placed)]
    rows = placed.height()
    entries = max(sum(t.get("legendgroup") == group for t in traces) for group in ("sources", "marks"))
    legend_px = LEGEND_ROW_PX * (entries + 1)
    base_px = BASE_PX + legend_px
    return dict(
        title=dict(text=title), template="plotly_white", barmode="overlay", showlegend=True,
        uniformtext=dict(mode="hide", minsize=LABEL_PX),  # a label that does not fit its room on screen is hidden, never
        # drawn over the next mark (a window narrower than the plot assumed for the first view)
        height=int(base_px + ROW_PX * rows), margin=dict(l=MARGIN_PX, r=MARGIN_PX, t=70 if title else 50, b=legend_px + 40),
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, itemclick=False, itemdoubleclick=False,
                    font=dict(size=LABEL_PX)),
        yaxis=dict(title=None, tickvals=[tops[lane] for lane in placed.lanes], ticks="",
                   ticktext=[escape_html(cut(lane, 40)) for lane in placed.lanes], ticklabelposition="inside",
                   tickfont=dict(size=LANE_NAME_PX, color=LANE_INK), showgrid=False, zeroline=False,
                   range=[-rows + ROWS_BELOW, ROWS_ABOVE], fixedrange=True, anchor="x"),
        meta={"char_px": CHAR_PX, "min_chars": MIN_LABEL_CHARS, "row_px": ROW_PX, "base_px": base_px,
              "right_pad": RIGHT_PAD, "lane_gap": LANE_GAP, "lane_head": LANE_HEAD, "story_left": story_left,
              "mark_gap": MARK_GAP_PX, "label_chars": LABEL_CHARS, "ink": INK, "font": FONT, "label_px": LABEL_PX,
              "text_pad": TEXT_PAD_PX,
              "early_share": EARLY_SHARE, "label_room_share": LABEL_ROOM_SHARE,
              "lanes": [[tops[lane], placed.lane_height(lane)] for lane in placed.lanes]},
        shapes=shapes, annotations=annotations,
        hoverlabel=dict(align="left"), clickmode="event+select", dragmode="zoom", **axes,
    )


def _history_axes(axis: Axis, parts: Domains) -> dict:
    """The history list's two columns: a strip of its marks on their (folded) time axis, and its labels."""
    return {"xaxis2": dict(type="date", range=[axis.start, axis.end],
                           rangebreaks=[dict(bounds=[a, b]) for a, b in axis.folds], domain=list(parts.history_marks),
                           anchor="y", showticklabels=False, showgrid=False, title=None),
            "xaxis3": dict(range=[0, 1], domain=list(parts.history_labels), anchor="y", visible=False, fixedrange=True)}


def _panel_title(words: str, domain: tuple[float, float]) -> dict:
    return dict(x=sum(domain) / 2, xref="paper", y=1, yref="paper", yanchor="bottom", yshift=14, showarrow=False,
                text=f"<b>{escape_html(words)}</b>", name="panel title", font=dict(size=12, color=INK))


def hover_text(row: dict) -> str:
    """Hover text: what, when in words, the words as written, sources, and how sure; article text escaped."""
    outlets = list(row["outlets"])
    sources = ", ".join(escape_html(o) for o in outlets[:5]) + (" …" if len(outlets) > 5 else "")
    said = [f"<b>{note}</b>" if note is Note.CONFLICT else str(note) for note in
            notes(row["placement"], row["modality"], row["conflict"], row["confidence"])]
    lines = [f"<b>{line}</b>" for line in _wrap(row["title"])]
    lines.append(f"{escape_html(in_words(row['begin'], row['end'], row['precision'], row['mod'], row['value']))}"
                 f" · {as_written(row['date_text'], escape_html)}")
    if row.get("relation"):
        lines.append(f"context: {escape_html(row['relation'])}")
    lines.append(f"sources: {sources}")
    if said:
        lines.append(" · ".join(said))
    return "<br>".join(lines)


def _wrap(text: str, width: int = 70) -> list[str]:
    """Lines of at most ``width`` characters, each escaped (escaping after wrapping keeps <br> out of the text)."""
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return [escape_html(line) for line in lines]
