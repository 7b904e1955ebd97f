"""The timeline's overview as plain SVG: what happened when, readable the moment the page arrives.

The dashboard's interactive chart needs Plotly's 4.7 MB script parsed in the browser before anything is drawn
(benchmarks/README.md), so the first view is this drawing instead, sent as HTML. It draws the same layout as the
Plotly chart (``chart_layout.place``: lanes, rows, the history list, folded gaps, the labels' room) with the same
colours and marks (``chart_style``), and it has no script: zooming and opening an event stay with the
interactive chart below it. Every article string is escaped.

The page shows the SVG as an image (``image_html``): Streamlit's HTML element keeps HTML only and drops inline
SVG, and its Markdown element took 0.4–1.6 s of the browser's time to turn this much markup into page elements,
where an image is drawn at once. An SVG image runs no script and loads nothing, whatever its text says.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from .chart_layout import (
    CHAR_PX,
    PLOT_PX,
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
)
from .chart_style import (
    FAINT,
    FOLD_INK,
    FONT,
    HALO_PX,
    INFERRED_FILL,
    INK,
    LABEL_PX,
    LANE_INK,
    LANE_NAME_PX,
    LANE_SHADE,
    MARGIN_PX,
    MARKS,
    MARKS_TITLE,
    MUTED,
    ROWS_ABOVE,
    ROWS_BELOW,
    SOURCES_TITLE,
    SPAN_ROWS,
    LegendEntry,
    SourceColours,
    event_colours,
    label_halos,
    label_inks,
    legend,
    mark_kinds,
    opacities,
    outlines,
    point_outlines,
    point_sizes,
)
from .human_dates import POINT_PRECISIONS
from .labels import cut
from .safe_text import escape_html

ROW_PX = 20  # a row of a lane: a little tighter than the interactive chart's, the overview is a summary
TITLE_PX = 26  # the panels' titles above the plot, when there is a history
AXIS_PX = 26  # the date axis under the plot
LEGEND_ROW_PX = 17
LEGEND_SPLIT = 0.5  # the marks' legend starts this far across
TICK_GAP_PX = 70  # dates on the axis at least this far apart
LABEL_PAD_PX = TEXT_PAD_PX / 2  # from the edge of a label's room to its text, as Plotly pads text inside a bar
# Steps for the date axis, finest first: (days a step roughly takes, months per step, or 0 for days, days per step;
# a fraction of a day for a story told within hours).
_STEPS = [(1 / 24, 0, 1 / 24), (3 / 24, 0, 3 / 24), (6 / 24, 0, 6 / 24), (12 / 24, 0, 12 / 24), (1, 0, 1), (2, 0, 2),
          (7, 0, 7), (14, 0, 14), (30.4, 1, 0), (61, 2, 0), (91, 3, 0), (183, 6, 0), (365.25, 12, 0), (730.5, 24, 0),
          (1826, 60, 0), (3652, 120, 0), (7305, 240, 0), (18262, 600, 0), (36525, 1200, 0)]


@dataclass(frozen=True)
class _Frame:
    """Where the plot sits in the drawing, in pixels."""

    top: float
    plot_px: float
    rows: float

    def x(self, domain: tuple[float, float], share: float) -> float:
        """The x of a point ``share`` of the way across a part of the chart (``domain``: its share of the width)."""
        return MARGIN_PX + self.plot_px * (domain[0] + (domain[1] - domain[0]) * share)

    def y(self, rows_down: float) -> float:
        """The y of a row's middle (0 is the chart's first row), as the interactive chart's axis puts it."""
        return self.top + (rows_down + ROWS_ABOVE) * ROW_PX

    @property
    def bottom(self) -> float:
        return self.top + (self.rows - ROWS_BELOW + ROWS_ABOVE) * ROW_PX


def overview(events: pd.DataFrame, placed: Placed, colours: SourceColours, plot_px: int = PLOT_PX) -> str:
    """The SVG overview of a non-empty events table: lanes, marks, labels, the date axis and a legend.

    ``placed`` is the events' layout (``chart_layout.place``), the one the interactive chart draws; each mark
    carries its event's id and dates (``data-id``, ``data-begin``, ``data-end``). No tooltips: an SVG shown as
    an image has none; hovering is the interactive chart's.
    """
    parts = domains(placed)
    frame = _Frame(TITLE_PX if len(placed.panels) > 1 else 8, plot_px, placed.height())
    kinds = mark_kinds(events)
    entries = legend(events, colours, kinds)
    inks = label_inks(event_colours(events, colours), kinds, events["confidence"], placed.inside)
    paints = [_label_paint(ink, halo) for ink, halo in zip(inks, label_halos(inks, placed.inside), strict=True)]
    story = panel_axis(placed.panels[0], placed.folds[0])
    labels = list(_labels(events, placed, frame, story, parts, dict(zip(events.index, paints, strict=True))))
    unlabelled = len(events) - len(labels)
    legend_rows = max(sum(e.group == group for e in entries) for group in (SOURCES_TITLE, MARKS_TITLE)) + 1
    width = plot_px + 2 * MARGIN_PX
    height = frame.bottom + AXIS_PX + LEGEND_ROW_PX * (legend_rows + (unlabelled > 0)) + 8
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
           f'height="{height:.0f}" font-family="{FONT}">', _HATCH,
           *_lanes(placed, frame, parts.story), *_ticks(story, frame, parts.story), *_folds(story, frame, parts.story),
           *_titles(placed, frame)]
    history = panel_axis(placed.panels[1], placed.folds[1], history=True) if len(placed.panels) > 1 else None
    svg += _marks(events.assign(kind=kinds), placed, colours, frame,
                  {0: (story, parts.story), 1: (history, parts.history_marks)})
    svg += labels
    svg += _legend(entries, frame.bottom + AXIS_PX, width)
    if unlabelled:
        svg.append(_unlabelled(unlabelled, len(events), height - 10))
    svg.append("</svg>")
    return "\n".join(svg)


def image_html(svg: str, events: int) -> str:
    """The overview as an HTML image, as wide as the drawing or its container, whichever is narrower."""
    width = svg.split('width="', 1)[1].split('"', 1)[0]
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<img class="timeline-overview" src="data:image/svg+xml;base64,{data}" width="{width}" '
            f'style="max-width:100%;height:auto" alt="Overview of the timeline: {events} events">')


def _lanes(placed: Placed, frame: _Frame, domain: tuple[float, float]) -> Iterator[str]:
    """Every other lane shaded, each lane's name in a row of its own above its events."""
    left, right = frame.x(domain, 0), frame.x(domain, 1)
    for index, (lane, top) in enumerate(placed.lane_tops().items()):
        if index % 2 == 0:
            yield (f'<rect x="{left:.1f}" y="{frame.y(top - 0.5):.1f}" width="{right - left:.1f}" '
                   f'height="{placed.lane_height(lane) * ROW_PX:.1f}" fill="{LANE_SHADE}"/>')
        yield (f'<text class="lane" x="{left + 4:.1f}" y="{frame.y(top):.1f}" dy="0.35em" font-size="{LANE_NAME_PX}" '
               f'fill="{LANE_INK}">{escape_html(cut(lane, 40))}</text>')


def _ticks(axis: Axis, frame: _Frame, domain: tuple[float, float]) -> Iterator[str]:
    """The story's date axis: a light line and a date under the plot at every tick."""
    right = frame.plot_px + 2 * MARGIN_PX
    for when, words in ticks(axis, (domain[1] - domain[0]) * frame.plot_px):
        x = frame.x(domain, axis.share(when))
        half = len(words) * CHAR_PX / 2  # a date near an edge is written inward, not cut off
        anchor, at = ("start", 1.0) if x - half < 0 else ("end", right - 1) if x + half > right else ("middle", x)
        yield (f'<g class="tick" data-date="{when.date().isoformat()}"><line x1="{x:.1f}" x2="{x:.1f}" '
               f'y1="{frame.top:.1f}" y2="{frame.bottom:.1f}" stroke="#e3e6eb"/><text x="{at:.1f}" '
               f'y="{frame.bottom + 16:.1f}" text-anchor="{anchor}" font-size="{LABEL_PX}" fill="{MUTED}">{words}</text>'
               f'</g>')


def ticks(axis: Axis, width_px: float) -> list[tuple[datetime, str]]:
    """Dates to mark on an axis ``width_px`` wide, at least TICK_GAP_PX apart, each with its words ("Apr 2024",
    "2010", "3 Nov 2024"); none inside a fold, or so near one that two dates would collide."""
    days_px = width_px / max(axis.shown() / timedelta(days=1), 1e-9)
    _, months, days = next((s for s in _STEPS if s[0] * days_px >= TICK_GAP_PX), _STEPS[-1])
    found, last_x = [], -TICK_GAP_PX
    for when in _steps(axis.start, axis.end, months, days):
        x = axis.share(when) * width_px
        inside = any(a < when < b for a, b in axis.folds)
        if not inside and x - last_x >= TICK_GAP_PX * 0.7:
            found.append((when, _tick_words(when, months, days)))
            last_x = x
    return found


def _steps(start: datetime, end: datetime, months: int, days: float) -> Iterator[datetime]:
    """Round dates from ``start`` to ``end``: every ``days`` days from the day after ``start`` (from a Monday for
    weekly ticks; from ``start``'s midnight for ticks hours apart), or every ``months`` months from a January
    aligned to the step."""
    if days:
        when = datetime(start.year, start.month, start.day) + timedelta(days=1 if days >= 1 else 0)
        if days >= 7:
            when += timedelta(days=(7 - when.weekday()) % 7)
        while when < start:
            when += timedelta(days=days)
        while when <= end:
            yield when
            when += timedelta(days=days)
        return
    year = start.year - start.year % max(months // 12, 1)
    month = 0 if months >= 12 else (start.month - 1) // months * months
    while True:
        when = datetime(year + month // 12, month % 12 + 1, 1)
        if when > end:
            return
        if when >= start:
            yield when
        month += months


def _tick_words(when: datetime, months: int, days: float) -> str:
    if days and days < 1:
        return f"{when:%H:%M}, {when.day} {when:%b}"
    if days:
        return f"{when.day} {when:%b %Y}"
    return f"{when.year}" if months >= 12 else f"{when:%b %Y}"


def _folds(axis: Axis, frame: _Frame, domain: tuple[float, float]) -> Iterator[str]:
    """A dotted line where an empty stretch is folded away, saying how long it is."""
    for begin, end in axis.folds:
        x, y = frame.x(domain, axis.share(begin)), (frame.top + frame.bottom) / 2
        yield (f'<g class="fold" data-begin="{begin.isoformat()}" data-end="{end.isoformat()}"><line x1="{x:.1f}" '
               f'x2="{x:.1f}" y1="{frame.top:.1f}" y2="{frame.bottom:.1f}" '
               f'stroke="{FOLD_INK}" stroke-width="2" stroke-dasharray="2,3"/><text x="{x - 4:.1f}" y="{y:.1f}" '
               f'transform="rotate(-90 {x - 4:.1f} {y:.1f})" text-anchor="middle" font-size="10" fill="{MUTED}">'
               f'{gap_words(end - begin)} left out</text></g>')


def _titles(placed: Placed, frame: _Frame) -> Iterator[str]:
    for words, domain in panel_titles(placed):
        yield (f'<text x="{frame.x(domain, 0.5):.1f}" y="{frame.top - 10:.1f}" text-anchor="middle" font-size="12" '
               f'font-weight="bold" fill="{INK}">{escape_html(words)}</text>')


def _marks(events: pd.DataFrame, placed: Placed, colours: SourceColours, frame: _Frame,
           axes: dict[int, tuple[Axis | None, tuple[float, float]]]) -> Iterator[str]:
    """Each event's mark (its ``kind`` of MARKS a column): a bar over a month or longer, a dot (or diamond) on a
    day; inferred marks hollow or dotted, planned ones diamonds or hatched, hypothetical ones hollow diamonds or
    pale with a fine dashed edge, uncertain ones faint, a red ring where
    the sources disagree."""
    rows = placed.rows_down()
    fills, kinds = event_colours(events, colours), events["kind"]
    points = point_outlines(kinds, fills, events["conflict"])
    columns = zip(events["id"], events["begin"], events["end"], events["precision"], fills,
                  kinds, opacities(events["confidence"]), point_sizes(events["n_sources"]), *points,
                  *outlines(events["conflict"], _BAR_EDGE), placed.panel, rows, strict=True)
    for event_id, begin, end, precision, colour, kind, opacity, size, dot_edge, dot_px, bar_edge, bar_px, panel, row \
            in columns:
        axis, domain = axes[panel]
        y = frame.y(row)
        data = (f'class="mark" data-id="{escape_html(str(event_id))}" data-begin="{begin.isoformat()}" '
                f'data-end="{end.isoformat()}" data-panel="{panel}" opacity="{opacity}"')
        if precision in POINT_PRECISIONS:
            x = frame.x(domain, axis.share(begin + (end - begin) / 2))
            yield f"<g {data}>{_point(x, y, size / 2, colour, kind, dot_edge, dot_px)}</g>"
        else:
            x0, x1 = frame.x(domain, axis.share(begin)), frame.x(domain, axis.share(end))
            box = (f'x="{x0:.1f}" y="{y - SPAN_ROWS * ROW_PX / 2:.1f}" width="{max(x1 - x0, 2):.1f}" '
                   f'height="{SPAN_ROWS * ROW_PX:.1f}"')
            texture = MARKS[kind][1]
            hatch = f'<rect {box} fill="url(#hatch)"/>' if texture == "/" else ""
            yield (f'<g {data}><rect {box} fill="{colour}" stroke="{bar_edge}" stroke-width="{bar_px}"'
                   f'{_BAR_TEXTURE[texture]}/>{hatch}</g>')


_BAR_EDGE = "rgba(0,0,0,0.35)"
# How a bar shows an inferred time (dotted edge, paler), a planned one (dashed edge, hatched: _HATCH over it) or a
# hypothetical happening (finely dashed edge, paler), the patterns of MARKS.
_BAR_TEXTURE = {"": "", ".": f' stroke-dasharray="1,2" fill-opacity="{INFERRED_FILL}"', "/": ' stroke-dasharray="5,2"',
                "x": f' stroke-dasharray="2,3" fill-opacity="{INFERRED_FILL}"'}
_HATCH = ('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
          '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" stroke-opacity="0.65"/></pattern></defs>')


def _point(x: float, y: float, radius: float, colour: str, kind: str, edge: str, edge_px: int) -> str:
    """A dot, a hollow dot (inferred), a diamond (planned) or a hollow diamond (hypothetical), at (x, y), outlined
    as ``point_outlines`` says."""
    fill = "#ffffff" if MARKS[kind][0].endswith("open") else colour
    style = f'fill="{fill}" stroke="{edge}" stroke-width="{edge_px}"'
    if MARKS[kind][0].startswith("diamond"):
        r = radius * 1.2
        return f'<polygon points="{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}" {style}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" {style}/>'


def _label_paint(ink: str, halo: str) -> str:
    """A label's SVG paint: its ink, and its halo drawn under the letters (``chart_style.label_halos``)."""
    if not halo:
        return f'fill="{ink}"'
    return f'fill="{ink}" stroke="{halo}" stroke-width="{HALO_PX}" stroke-linejoin="round" paint-order="stroke"'


def _labels(events: pd.DataFrame, placed: Placed, frame: _Frame, story: Axis, parts: Domains,
            paints: dict) -> Iterator[str]:
    """The labels the layout found room for, each shortened to a whole phrase that fits (as the interactive
    chart's); a label before its mark ends at it; one inside its bar in the colour that reads there, with its halo
    (``paints``)."""
    in_story = placed.panel[placed.panel == 0].index
    rooms = dict(zip(in_story, label_rooms(placed, in_story, frame.plot_px), strict=True))
    history = placed.panel[(placed.panel == 1) & (placed.label != "")].index
    history_cuts = dict(zip(history, history_stops(placed, list(placed.label[history]), frame.plot_px), strict=True))
    rows = placed.rows_down()
    for at in events.index:
        whole = placed.label[at]
        if not whole:
            continue
        if placed.panel[at]:
            text = label_for(whole, history_room(placed, frame.plot_px), history_cuts[at])
            x, anchor = frame.x(parts.history_labels, 0) + LABEL_PAD_PX, "start"
        else:
            text = label_for(whole, rooms[at], placed.stops[at])
            if placed.left[at]:
                x, anchor = frame.x(parts.story, story.share(placed.label_end[at])) - LABEL_PAD_PX, "end"
            else:
                x, anchor = frame.x(parts.story, story.share(placed.label_begin[at])) + LABEL_PAD_PX, "start"
        if text:
            yield (f'<text class="label" data-id="{escape_html(str(events.at[at, "id"]))}" x="{x:.1f}" '
                   f'y="{frame.y(rows[at]):.1f}" dy="0.35em" text-anchor="{anchor}" font-size="{LABEL_PX}" '
                   f'{paints[at]}>{escape_html(text)}</text>')


def _unlabelled(count: int, events: int, y: float) -> str:
    """A line under the legend saying how many events are drawn without a label: a reader counts on a label for
    every mark, and should know how to read the others (the dashboard draws the dates box-selected on its chart
    again, laid out for them)."""
    words = (f"{count} of {events} events have no label here, for want of room: on the chart below, pick “Box Select” "
             f"and drag across some dates to draw them with their labels, or hover over its marks")
    return (f'<text class="unlabelled" x="{MARGIN_PX:.1f}" y="{y:.1f}" font-size="{LABEL_PX}" fill="{MUTED}">'
            f'{words}</text>')


def _legend(entries: list[LegendEntry], top: float, width: float) -> Iterator[str]:
    """What each colour and each kind of mark means, in two columns under the axis."""
    for column, group in enumerate((SOURCES_TITLE, MARKS_TITLE)):
        members = [e for e in entries if e.group == group]
        if not members:  # no heading over nothing (events without a source)
            continue
        x = MARGIN_PX + column * (width - 2 * MARGIN_PX) * LEGEND_SPLIT
        y = top + LEGEND_ROW_PX * 0.6
        yield f'<text x="{x:.1f}" y="{y:.1f}" dy="0.35em" font-size="{LABEL_PX}" fill="{MUTED}">{group}</text>'
        for entry in members:
            y += LEGEND_ROW_PX
            if entry.kind == "source":
                swatch = f'<rect x="{x + 6:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{entry.colour}"/>'
            elif entry.kind in MARKS:
                edge, edge_px = point_outlines([entry.kind], [entry.colour], [False])
                swatch = _point(x + 11, y, 5, entry.colour, entry.kind, edge[0], edge_px[0])
            elif entry.kind == "more":
                swatch = ""
            elif entry.kind == "uncertain":
                swatch = f'<circle cx="{x + 11:.1f}" cy="{y:.1f}" r="5" fill="{entry.colour}" opacity="{FAINT}"/>'
            else:
                edge, edge_px = point_outlines(["written"], ["#ffffff"], [True])
                swatch = _point(x + 11, y, 5, "#ffffff", "written", edge[0], edge_px[0])
            room = int(((width - 2 * MARGIN_PX) * LEGEND_SPLIT - 30) / CHAR_PX)
            yield (f'<g class="legend-entry">{swatch}<text x="{x + 22:.1f}" y="{y:.1f}" dy="0.35em" '
                   f'font-size="{LABEL_PX}" fill="{INK}">{escape_html(cut(entry.words, room))}</text></g>')
