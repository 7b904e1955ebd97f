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

import zlib
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

from .chart_layout import (
    CHAR_PX,
    HISTORY_GAP,
    HISTORY_MARKS,
    HISTORY_SHARE,
    LANE_GAP,
    LANE_HEAD,
    MARK_GAP_PX,
    MIN_LABEL_CHARS,
    RIGHT_PAD,
    STORY_GAP,
    Placed,
    kept,
    panel_px,
    place,
)
from .human_dates import POINT_PRECISIONS, UNCERTAIN_BELOW, Note, as_written, in_words, notes
from .labels import LABEL_CHARS, cut, label_stops, shortened
from .safe_text import escape_html, visible_controls

# Okabe–Ito and Tol's colour-blind-safe colours (no yellow: labels must stay readable on white).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#882255", "#117733",
           "#999933", "#44AA99", "#AA4499"]
WEBGL_THRESHOLD = 1000  # above this many events, draw with WebGL (benchmarks/bench_viz.py)
MAX_LABELS = 600  # label bars drawn at most (by score): SVG text is what costs time on a big timeline
ROW_PX = 24  # height of one row of a lane
BASE_PX = 110  # height of the chart around its lanes and legend: axis, panel titles
LEGEND_ROW_PX = 19  # height of one legend entry; the legend sits below the axis, in a margin of its own
CONFLICT = "#D55E00"
HISTORY_SPARE = 0.9  # share of the history list's label column a label may fill: its dates and names, in figures and
# capitals, are wider than CHAR_PX reckons, and a label that overflows is hidden whole
# Data traces are built from our own columns, not from user input: Plotly's per-value validation is skipped,
# as it took most of the time on a big timeline (benchmarks/bench_viz.py).

# Marks by how the event's time is known and whether it happened: (marker symbol, bar pattern, legend words).
MARKS = {
    "written": ("circle", "", "exact day (marker) · month, year or longer (bar)"),
    "inferred": ("circle-open", ".", "placed by inference (hollow / dotted)"),
    "planned": ("diamond", "/", "planned or expected (diamond / hatched)"),
}


class SourceColours:
    """A colour per source that stays put: picked from a hash of the name, then remembered.

    The hash makes a source's colour the same in every export and session; remembering it (the dashboard
    keeps one of these per session) means a new upload never repaints the sources already on screen.
    """

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def __call__(self, outlet: str) -> str:
        if outlet not in self.known:
            start = zlib.crc32(outlet.encode("utf-8")) % len(PALETTE)
            taken = set(self.known.values())
            free = [PALETTE[(start + step) % len(PALETTE)] for step in range(len(PALETTE))
                    if PALETTE[(start + step) % len(PALETTE)] not in taken]
            self.known[outlet] = free[0] if free else PALETTE[start]
        return self.known[outlet]


def mark_kind(placement: str, modality: str) -> str:
    """Which of MARKS an event gets: planned or hypothetical first, then inferred, else written."""
    if modality in ("planned", "hypothetical"):
        return "planned"
    return "inferred" if placement == "inferred" else "written"


def figure(events: pd.DataFrame, lanes: str = "source", title: str = "",
           colours: SourceColours | None = None, hover: bool = True) -> go.Figure:
    """The Plotly timeline of an events table (as from ``Timeline.events``); without ``hover`` the marks carry
    no hover text (the exported page writes it from its own copy of the events)."""
    if events.empty:
        return empty_figure(title)
    colours = colours or SourceColours()
    webgl = len(events) > WEBGL_THRESHOLD
    placed = place(events, lanes, fold=not webgl)
    y = _row_positions(placed)
    events = events.assign(
        y=y, colour=events["outlets"].map(lambda o: colours(o[0]) if len(o) else "#555555"),
        kind=[mark_kind(p, m) for p, m in zip(events["placement"], events["modality"], strict=True)],
        hover=[hover_text(row) for row in events.to_dict("records")] if hover else None)
    fig = go.Figure(_validate=False)  # our own values: Plotly's per-value checks cost most of the build
    folds = placed.folds
    for panel in range(len(placed.panels)):
        axis = "x" if panel == 0 else "x2"
        members = events[placed.panel == panel]
        spans = members[~members["precision"].isin(POINT_PRECISIONS)]
        points = members[members["precision"].isin(POINT_PRECISIONS)]
        if not spans.empty:
            (_add_spans_webgl if webgl else _add_spans)(fig, spans, axis)
        if not points.empty:
            _add_points(fig, points, webgl, axis)
        first, last = placed.panels[panel]
        if panel:
            _add_history_labels(fig, members, placed)
            continue
        shown_ms = (kept(first, last, folds[panel]) * (1 + RIGHT_PAD + 0.02)).total_seconds() * 1000
        _add_labels(fig, members, placed, px_per_ms=panel_px(panel, len(placed.panels)) / shown_ms,
                    folds=folds[panel], axis_end=last + kept(first, last, folds[panel]) * RIGHT_PAD)
    _add_legend(fig, events, colours)
    _lay_out(fig, placed, title, folds)
    return fig


def empty_figure(title: str = "", message: str = "No events match the filters.") -> go.Figure:
    """A plain message instead of an empty chart with meaningless axes."""
    fig = go.Figure()
    fig.add_annotation(text=escape_html(message), showarrow=False, font=dict(size=16, color="#5b6475"),
                       xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_layout(title=title, template="plotly_white", height=200, xaxis=dict(visible=False),
                      yaxis=dict(visible=False), margin=dict(l=10, r=10, t=40 if title else 10, b=10))
    return fig


def _row_positions(placed: Placed) -> pd.Series:
    """Numeric y of every event: the story's lanes top to bottom, each with its name's row and then its rows;
    the history list's rows from the top."""
    story = placed.lane.map(placed.lane_tops()).fillna(0) + LANE_HEAD + placed.row
    return -story.where(placed.panel == 0, placed.row)


def _hover(marks: pd.DataFrame) -> list[str] | None:
    """The marks' hover texts, or none when the figure is made without them."""
    return list(marks["hover"]) if marks["hover"].notna().any() else None


def _opacity(confidence: pd.Series) -> list[float]:
    return [0.85 if c >= UNCERTAIN_BELOW else 0.35 for c in confidence]


def _outline(conflict: pd.Series, normal: str) -> tuple[list[str], list[int]]:
    return [CONFLICT if c else normal for c in conflict], [3 if c else 1 for c in conflict]


def _add_spans(fig: go.Figure, spans: pd.DataFrame, axis: str) -> None:
    line_colour, line_width = _outline(spans["conflict"], "rgba(0,0,0,0.35)")
    fig.add_trace(go.Bar(
        base=list(spans["begin"]), x=list((spans["end"] - spans["begin"]).dt.total_seconds() * 1000),
        y=list(spans["y"]), orientation="h", name="spans", showlegend=False, width=0.55,
        marker=dict(color=list(spans["colour"]), opacity=_opacity(spans["confidence"]),
                    line=dict(color=line_colour, width=line_width),
                    pattern=dict(shape=[MARKS[k][1] for k in spans["kind"]], fgcolor="#ffffff", solidity=0.35)),
        customdata=list(spans["id"]), hovertext=_hover(spans), hoverinfo="text", xaxis=axis, _validate=False))


def _add_spans_webgl(fig: go.Figure, spans: pd.DataFrame, axis: str) -> None:
    """Many interval events: one WebGL line trace per colour; each vertex carries its event's id."""
    for colour, group in spans.groupby("colour"):
        xs, ys, ids, hover = [], [], [], []
        for row in group.itertuples():
            xs += [row.begin, row.end, None]
            ys += [row.y, row.y, None]
            ids += [row.id] * 3
            hover += [row.hover] * 3
        fig.add_trace(go.Scattergl(x=xs, y=ys, mode="lines", line=dict(width=7, color=colour), opacity=0.6,
                                   name="spans", showlegend=False, customdata=ids, hovertext=hover if any(hover) else None,
                                   hoverinfo="text", xaxis=axis, _validate=False))


def _add_points(fig: go.Figure, points: pd.DataFrame, webgl: bool, axis: str) -> None:
    line_colour, line_width = _outline(points["conflict"], "#ffffff")
    symbols = [MARKS[k][0] for k in points["kind"]]
    fig.add_trace((go.Scattergl if webgl else go.Scatter)(
        x=list(points["begin"] + (points["end"] - points["begin"]) / 2), y=list(points["y"]), mode="markers",
        name="points", showlegend=False,
        marker=dict(size=[9 + 3 * min(n - 1, 5) for n in points["n_sources"]], color=list(points["colour"]),
                    symbol=symbols, opacity=_opacity(points["confidence"]),
                    line=dict(width=[max(w, 2) if s.endswith("open") else w for w, s in zip(line_width, symbols,
                                                                                            strict=True)],
                              color=[c if c == CONFLICT else col if s.endswith("open") else c
                                     for c, col, s in zip(line_colour, points["colour"], symbols, strict=True)])),
        customdata=list(points["id"]), hovertext=_hover(points), hoverinfo="text", xaxis=axis,
        _validate=False))


def _add_labels(fig: go.Figure, events: pd.DataFrame, placed: Placed, px_per_ms: float,
                folds: list[tuple[pd.Timestamp, pd.Timestamp]], axis_end: pd.Timestamp) -> None:
    """Each event's label in an invisible bar from beside its mark to the next mark in its row (or, near the
    axis' end, from the previous one to its mark).

    A label shows only where its text fits the bar at the first view's scale, so labels never overlap each
    other or a mark; ``meta`` keeps every label so a page can show more of them as the reader zooms in. A folded
    stretch takes no room on screen, so it gives a label none, and nor does the room past the axis' end (Plotly
    would cut the text there mid-word).
    """
    best = events.assign(label=placed.label, label_begin=placed.label_begin, left=placed.left,
                         label_end=placed.label_end.clip(upper=axis_end)).nlargest(MAX_LABELS, "score")
    best = best.assign(rank=range(len(best)))  # one rank across both traces: a page repacks the best first
    for before, side in best.groupby("left", sort=True):  # a label before its mark ends at it: right-aligned
        widths = list((side["label_end"] - side["label_begin"]).dt.total_seconds().clip(lower=0) * 1000)
        on_screen = [(width - _folded(begin, end, folds).total_seconds() * 1000) * px_per_ms
                     for width, begin, end in zip(widths, side["label_begin"], side["label_end"], strict=True)]
        _add_label_bars(fig, side, list(side["label_begin"]), widths, on_screen, "x",
                        anchor="end" if before else "start", ranks=list(side["rank"]))


def _add_history_labels(fig: go.Figure, events: pd.DataFrame, placed: Placed) -> None:
    """Each row of the history list: its label in a bar across the column of labels (axis x3, from 0 to 1)."""
    labelled = events.assign(label=placed.label)
    labelled = labelled[labelled["label"] != ""]
    room = panel_px(1, len(placed.panels)) * HISTORY_SPARE
    # the bar is as wide as the room the label was cut for, so the page's script refits it to the same room
    _add_label_bars(fig, labelled, [0] * len(labelled), [HISTORY_SPARE] * len(labelled), [room] * len(labelled), "x3",
                    limit=_chars(room) - 1)  # the ellipsis takes a character


def _add_label_bars(fig: go.Figure, events: pd.DataFrame, bases: list, widths: list, rooms: list[float],
                    axis: str, limit: int = LABEL_CHARS, anchor: str = "start", ranks: list[int] | None = None) -> None:
    """Invisible bars holding the events' labels, each shortened to its room on screen; ``meta`` keeps the whole
    label, its stops (``limit``: the room a label usually has) and its rank by score among all the chart's labels
    (``ranks``; by default their order here), so a page can refit the labels to the room it really has and repack
    the most important first."""
    labels = [visible_controls(text) for text in events["label"]]
    stops = [label_stops(text, limit) for text in labels]
    ranks = list(range(len(labels))) if ranks is None else [int(rank) for rank in ranks]
    fig.add_trace(go.Bar(
        base=bases, x=widths, y=list(events["y"]), orientation="h", width=0.9, name="labels",
        showlegend=False, marker=dict(color="rgba(0,0,0,0)", line=dict(width=0)),
        text=[escape_html(label_for(label, room, cuts)) for label, room, cuts in zip(labels, rooms, stops, strict=True)],
        meta=[list(entry) for entry in zip(labels, stops, ranks, strict=True)], textposition="inside", insidetextanchor=anchor,
        textangle=0,
        textfont=dict(size=11, color="#1d2433"), customdata=list(events["id"]), hovertext=_hover(events),
        hoverinfo="text", xaxis=axis, _validate=False))


def label_for(label: str, room_px: float, stops: list[int] | None = None) -> str:
    """The label shortened to ``room_px`` pixels, or nothing if too little would be left (the page's script
    applies the same rule when the reader zooms)."""
    chars = _chars(room_px)
    return shortened(label, chars, stops) if chars >= MIN_LABEL_CHARS else ""


def _chars(room_px: float) -> int:
    """Label characters that fit in ``room_px`` pixels."""
    return int((room_px - 6) // CHAR_PX)


def _folded(begin: pd.Timestamp, end: pd.Timestamp, folds: list) -> timedelta:
    """How much of [begin, end) lies in folded stretches."""
    return sum((max(min(end, b) - max(begin, a), timedelta(0)) for a, b in folds), timedelta(0))


def _add_legend(fig: go.Figure, events: pd.DataFrame, colours: SourceColours) -> None:
    """Legend-only entries: what each colour and each kind of mark means."""
    for outlet in sorted({o[0] for o in events["outlets"] if len(o)}):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=escape_html(outlet), meta=visible_controls(outlet),
                                 marker=dict(size=10, color=colours(outlet), symbol="square"),
                                 legendgroup="sources", legendgrouptitle_text="Colour: first source"))
    kinds = set(events["kind"]) | {"written"}
    for kind, (symbol, _pattern, words) in MARKS.items():
        if kind in kinds:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=words,
                                     marker=dict(size=10, color="#5b6475", symbol=symbol, line=dict(width=2)),
                                     legendgroup="marks", legendgrouptitle_text="Marks"))
    if (events["confidence"] < UNCERTAIN_BELOW).any():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="uncertain date (faint)",
                                 marker=dict(size=10, color="#5b6475", opacity=0.35), legendgroup="marks"))
    if events["conflict"].any():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="sources disagree on the date (red ring)",
                                 marker=dict(size=10, color="#ffffff", line=dict(color=CONFLICT, width=3)),
                                 legendgroup="marks"))


def _lay_out(fig: go.Figure, placed: Placed, title: str, folds: list[list]) -> None:
    """The whole timeline in view: the story's lanes, and its history as a list at the left when it has one.

    Empty stretches of the story are folded away and marked; each lane is named in a row of its own above its
    events, inside the plot, so no margin of names takes width from the labels.
    """
    history = len(placed.panels) > 1
    story_left = HISTORY_SHARE + STORY_GAP if history else 0
    tops = {lane: -top for lane, top in placed.lane_tops().items()}
    shapes = [dict(type="rect", xref="paper", x0=story_left, x1=1, yref="y", y0=tops[lane] + 0.5,
                   y1=tops[lane] - placed.lane_height(lane) + 0.5, fillcolor="#f3f5f8", line=dict(width=0),
                   layer="below") for index, lane in enumerate(placed.lanes) if index % 2 == 0]
    (first, last), annotations = placed.panels[0], []
    for begin, end in folds[0]:
        shapes.append(dict(type="line", xref="x", x0=begin, x1=begin, yref="paper", y0=0, y1=1,
                           line=dict(color="#8a93a3", width=2, dash="dot")))
        annotations.append(dict(x=begin, xref="x", y=0.5, yref="paper", xanchor="right", textangle=-90,
                                showarrow=False, text=f"{_gap_words(end - begin)} left out",
                                font=dict(size=10, color="#5b6475"), bgcolor="rgba(255,255,255,0.8)"))
    shown = kept(first, last, folds[0])
    axes = {"xaxis": dict(type="date", range=[first - shown * 0.02, last + shown * RIGHT_PAD], title=None,
                          showgrid=True, rangebreaks=[dict(bounds=[a, b]) for a, b in folds[0]],
                          domain=[story_left, 1], anchor="y")}
    if history:
        axes |= _history_axes(placed.panels[1], folds[1])
        annotations += [_panel_title(f"Earlier: {in_words(placed.panels[1][0], placed.panels[1][0], 'year')} – "
                                     f"{in_words(placed.panels[1][1], placed.panels[1][1], 'year')}",
                                     [0, HISTORY_SHARE]), _panel_title("The story", [story_left, 1])]
    rows = placed.height()
    entries = max(sum(t.legendgroup == group for t in fig.data) for group in ("sources", "marks"))
    legend_px = LEGEND_ROW_PX * (entries + 1)
    base_px = BASE_PX + legend_px
    fig.update_layout(
        title=title, template="plotly_white", barmode="overlay", showlegend=True,
        uniformtext=dict(mode="hide", minsize=11),  # a label that does not fit its room on screen is hidden, never
        # drawn over the next mark (a window narrower than the plot assumed for the first view)
        height=int(base_px + ROW_PX * rows), margin=dict(l=10, r=10, t=70 if title else 50, b=legend_px + 40),
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, itemclick=False, itemdoubleclick=False,
                    font=dict(size=11)),
        yaxis=dict(title=None, tickvals=[tops[lane] for lane in placed.lanes], ticks="",
                   ticktext=[escape_html(cut(lane, 40)) for lane in placed.lanes], ticklabelposition="inside",
                   tickfont=dict(size=12, color="#3b4252"), showgrid=False, zeroline=False,
                   range=[-rows + 0.2, 0.8], fixedrange=True, anchor="x"),
        meta={"char_px": CHAR_PX, "min_chars": MIN_LABEL_CHARS, "row_px": ROW_PX, "base_px": base_px,
              "right_pad": RIGHT_PAD, "lane_gap": LANE_GAP, "lane_head": LANE_HEAD, "story_left": story_left,
              "mark_gap": MARK_GAP_PX, "label_chars": LABEL_CHARS,
              "lanes": [[tops[lane], placed.lane_height(lane)] for lane in placed.lanes]},
        shapes=shapes, annotations=annotations,
        hoverlabel=dict(align="left"), clickmode="event+select", dragmode="zoom", **axes,
    )


def _history_axes(span: tuple, folds: list) -> dict:
    """The history list's two columns: a strip of its marks on their (folded) time axis, and its labels."""
    first, last = span
    pad = kept(first, last, folds) * 0.04
    return {"xaxis2": dict(type="date", range=[first - pad, last + pad], rangebreaks=[dict(bounds=[a, b]) for a, b in folds],
                           domain=[0, HISTORY_MARKS], anchor="y", showticklabels=False, showgrid=False, title=None),
            "xaxis3": dict(range=[0, 1], domain=[HISTORY_MARKS + HISTORY_GAP, HISTORY_SHARE], anchor="y", visible=False,
                           fixedrange=True)}


def _panel_title(words: str, domain: list[float]) -> dict:
    return dict(x=sum(domain) / 2, xref="paper", y=1, yref="paper", yanchor="bottom", yshift=14, showarrow=False,
                text=f"<b>{escape_html(words)}</b>", name="panel title", font=dict(size=12, color="#1d2433"))


def _gap_words(length: timedelta) -> str:
    years = length.days / 365.25
    return f"{round(years)} years" if years >= 2 else f"{round(length.days / 30.4)} months"


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
