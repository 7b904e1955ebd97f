"""Where each event sits on the chart: its lane, its row inside the lane, the room its label has, the axis breaks.

Pure data, no drawing: ``viz`` turns this into Plotly traces and ``overview`` into an SVG. A label sits
beside its mark and may only use the time up to the next mark in its row, so
labels never overlap each other or a mark; rows are handed out by score, so the
most important events are the first to get room for their label. Near the
axis' end, where the latest (often the most important) events sit, a label
that has no room to its mark's right goes to its left. The story's
history (events years before it) is a list, one row per event, oldest first:
beside a narrow strip of its marks, each row says when and what ("1997 ·
Netanyahu ordered botched attempt to poison…"), which a panel of a few hundred
pixels spanning decades could never do beside the marks themselves.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from .chart_style import point_sizes, text_px
from .events.names import display_names
from .human_dates import POINT_PRECISIONS, in_words, short_words
from .labels import (
    LABEL_CHARS,
    SHORTEST,
    dated,
    label,
    label_stops,
    named,
    sentence_subjects,
    shortened,
)
from .safe_text import visible_controls

MAX_ROWS = 6  # rows per lane: more rows give labels room, fewer keep the chart short (4 left 61 of the seeds' 108
# events unlabelled in the overview, 6 leaves 51: benchmarks/README.md)
MAX_LANES = 10  # past this many, the quietest sources (or names) share a lane: a lane apiece for hundreds of outlets
# made a chart thousands of pixels tall, unreadable at a glance and seconds to draw (benchmarks/README.md)
OTHER_LANES = {"source": "other sources", "name": "other names"}
CHAR_PX = 5.2  # width of an average label character at the chart's 11 px font (the layout measures each label with
# chart_style.text_px; this is for a room in characters, as the exported page's script reckons)
TEXT_PAD_PX = 6  # a label's text keeps 3 px from each end of its room, as Plotly pads text inside a bar
MARK_GAP_PX = 6  # room between a mark's edge and its label, so the label never touches the mark
PLOT_PX = 900  # plot width assumed for the first view (the dashboard's is ~920 px at 1400); the page refits
RIGHT_PAD = 0.03  # room after a panel's last event (share of the panel's span): labels near the axis' end are
# written before their marks, rather than months of empty axis being added for them
EARLY_SHARE = 0.35  # an event ending last that starts in this first share of the story leaves no room before it
LABEL_ROOM_SHARE = 0.5  # the room then added after the story's end for its label (share of the story's span)
HISTORY_SHARE = 0.38  # share of the width given to the history list, when there is one
HISTORY_MARKS = 0.05  # of which the strip of its marks on their (folded) time axis; the rest holds the labels
HISTORY_GAP = 0.01  # between the strip of marks and the labels
STORY_GAP = 0.03  # between the history list and the story
MIN_HISTORY_ROWS = 30  # the history list may make the chart this many rows tall before events share a row
LANE_HEAD = 0.8  # a lane's name sits in a row of its own above its events, inside the plot (no wide left margin)
LANE_GAP = 0.5  # rows between two lanes
MIN_LABEL_CHARS = SHORTEST  # a label shorter than this says too little: none is shown
LEFT_PAD = 0.02  # room before a story's first event (share of its span)
HISTORY_PAD = 0.04  # room on both sides of the history's strip of marks
DOT_RING_PX = 1.5  # a dot's outline beyond its size (half the 3 px red ring)
HISTORY_SPARE = 0.9  # share of the history list's label column a label may fill: its dates and names, in figures and
# capitals, are wider than CHAR_PX reckons, and a label that overflows is hidden whole


@dataclass(frozen=True)
class Placed:
    """Each event's lane, row (0 is the lane's top), panel, label and the room beside its mark [label_begin,
    label_end) up to the next mark in its row."""

    lane: pd.Series
    row: pd.Series
    panel: pd.Series  # 0: the story's dense stretch; 1: the history before it (when there is one)
    label: pd.Series
    label_begin: pd.Series
    label_end: pd.Series
    left: pd.Series  # True where the label sits before its mark (the axis ends too soon after it)
    inside: pd.Series  # True where the label is written inside its own bar (no room beside it, room within it)
    stops: pd.Series  # where each story label may be cut (labels.label_stops), worked out once for every drawing
    lanes: list[str]  # the lanes of the story's events in drawing order, busiest first
    rows: dict[str, int]  # rows used by each lane
    panels: list[tuple[datetime, datetime]]  # first begin, last end (story: label room too)
    folds: list[list[tuple[datetime, datetime]]]  # each panel's empty stretches, folded away on screen
    history_rows: int = 0  # rows of the history list (a history event's ``row`` is its row in the list)

    def lane_tops(self) -> dict[str, float]:
        """How many rows below the chart's top each lane starts (its name's row)."""
        tops, top = {}, 0.0
        for lane in self.lanes:
            tops[lane] = top
            top += self.lane_height(lane) + LANE_GAP
        return tops

    def rows_down(self) -> pd.Series:
        """Each event's row counted from the chart's top: in the story, its lane's top, the lane's name row and its
        row in the lane; in the history list, its row there."""
        story = self.lane.map(self.lane_tops()).fillna(0) + LANE_HEAD + self.row
        return story.where(self.panel == 0, self.row)

    def lane_height(self, lane: str) -> float:
        """Rows a lane takes: its name's row and its events' rows."""
        return LANE_HEAD + self.rows[lane]

    def height(self) -> float:
        """Rows the chart needs: the story's lanes, or the history list when it is longer."""
        lanes = sum(self.lane_height(lane) + LANE_GAP for lane in self.lanes)
        return max(lanes, float(self.history_rows))


@dataclass(frozen=True)
class Axis:
    """A panel's time axis as both drawings show it: from ``start`` to ``end``, its ``folds`` taking no room."""

    start: datetime
    end: datetime
    folds: list[tuple[datetime, datetime]]
    span: timedelta  # the events' time on screen (at least a day), which the paddings are shares of

    def folded(self, begin: datetime, end: datetime) -> timedelta:
        """How much of [begin, end) lies in folded stretches."""
        return sum((max(min(end, b) - max(begin, a), timedelta(0)) for a, b in self.folds), timedelta(0))

    def shown(self) -> timedelta:
        """The time the axis shows on screen, folds left out."""
        return self.end - self.start - self.folded(self.start, self.end)

    def unbroken(self, begin: datetime, end: datetime) -> datetime:
        """Where a stretch from ``begin`` towards ``end`` stops without crossing a fold's marker: a label across
        it would run over the marker and read as if the two sides' times were next to each other."""
        return min([a for a, _ in self.folds if begin <= a < end] + [end])

    def share(self, when: datetime) -> float:
        """Where ``when`` sits across the axis, 0 at its start and 1 at its end (a time in a fold: at the fold)."""
        return (when - self.start - self.folded(self.start, when)) / self.shown()


def panel_axis(panel: tuple[datetime, datetime], folds: list[tuple[datetime, datetime]], history: bool = False) -> Axis:
    """A panel's axis: the story's leaves room after its last event for that event's label; the history's strip
    of marks has a little room on both sides."""
    first, last = panel
    span = max(kept(first, last, folds), timedelta(days=1))
    if history:
        return Axis(first - span * HISTORY_PAD, last + span * HISTORY_PAD, folds, span)
    return Axis(first - span * LEFT_PAD, last + span * RIGHT_PAD, folds, span)


@dataclass(frozen=True)
class Domains:
    """The share of the chart's width each part takes, (left, right): the story; with a history, its strip of
    marks and its column of labels at the left."""

    story: tuple[float, float]
    history_marks: tuple[float, float] = (0.0, HISTORY_MARKS)
    history_labels: tuple[float, float] = (HISTORY_MARKS + HISTORY_GAP, HISTORY_SHARE)
    history: tuple[float, float] = (0.0, HISTORY_SHARE)


def domains(placed: Placed) -> Domains:
    return Domains(story=(HISTORY_SHARE + STORY_GAP if len(placed.panels) > 1 else 0.0, 1.0))


def panel_titles(placed: Placed) -> list[tuple[str, tuple[float, float]]]:
    """The panels' titles and where they go, when a history stands beside the story."""
    if len(placed.panels) < 2:
        return []
    first, last = placed.panels[1]
    parts = domains(placed)
    years = in_words(first, first, "year"), in_words(last, last, "year")
    span = years[0] if years[0] == years[1] else f"{years[0]} – {years[1]}"  # "Earlier: 2024", not "2024 – 2024"
    return [(f"Earlier: {span}", parts.history),
            ("The story", parts.story)]


def gap_words(length: timedelta) -> str:
    """How long a folded stretch is: "23 years", "5 months"."""
    years = length.days / 365.25
    return f"{round(years)} years" if years >= 2 else f"{round(length.days / 30.4)} months"


def label_rooms(placed: Placed, members: pd.Index, plot_px: float = PLOT_PX) -> list[float]:
    """The pixels each story event's label has on screen at the first view's scale: its room up to a fold's
    marker, and nothing past the axis' end (a drawing would cut the text there mid-word)."""
    axis = panel_axis(placed.panels[0], placed.folds[0])
    width = panel_px(0, len(placed.panels), plot_px)
    return [max(0.0, axis.share(min(axis.unbroken(begin, end), axis.end)) - axis.share(begin)) * width
            for begin, end in zip(placed.label_begin[members], placed.label_end[members], strict=True)]


def history_room(placed: Placed, plot_px: float = PLOT_PX) -> float:
    """The pixels a history label may fill in its column."""
    return panel_px(1, len(placed.panels), plot_px) * HISTORY_SPARE


def label_for(label: str, room_px: float, stops: list[int] | None = None) -> str:
    """The label, or its longest whole phrase, that fits ``room_px`` pixels as drawn (chart_style.text_px, its padding
    kept); nothing if the room holds too little to say anything (the exported page's script applies the same rule,
    reckoned in characters, when the reader zooms)."""
    if room_chars(room_px) < MIN_LABEL_CHARS:
        return ""
    fits = room_px - TEXT_PAD_PX
    if text_px(label) <= fits:
        return label
    stops = label_stops(label) if stops is None else stops
    return next((label[:stop] + "…" for stop in reversed(stops) if text_px(label[:stop] + "…") <= fits), "")


def room_chars(room_px: float) -> int:
    """Label characters that fit in ``room_px`` pixels."""
    return int((room_px - TEXT_PAD_PX) // CHAR_PX)


def history_stops(placed: Placed, labels: list[str], plot_px: float = PLOT_PX) -> list[list[int]]:
    """Where the history's labels may be cut: at the room their column usually has (the ellipsis takes a
    character)."""
    limit = room_chars(history_room(placed, plot_px)) - 1
    return [label_stops(text, limit) for text in labels]


def lanes_for(events: pd.DataFrame, by: str = "source") -> pd.Series:
    """The lane of each event: its source (or "several sources"), or its best-known name."""
    if events.empty:
        return pd.Series(dtype=str)
    if by == "name":
        names = display_names(events["names"])
        return names.map(lambda values: values[0] if len(values) else "(no name)")
    return events["outlets"].map(lambda outlets: outlets[0] if len(outlets) == 1 else "several sources")


def _story_end(story: pd.DataFrame, first: datetime, last: datetime) -> datetime:
    """Where the story's axis must reach: its last end, or past it by room for a label when the event that ends
    last starts early in the story (a month's bar alone, a story of one day), so that its label has room neither
    before its mark nor after it."""
    latest = story["begin"][story["end"] == last].min()
    span = max(last - first, timedelta(days=1))
    return last if (latest - first) / span >= EARLY_SHARE else last + span * LABEL_ROOM_SHARE


def few_lanes(lane: pd.Series, story: pd.Series, by: str) -> pd.Series:
    """The lanes, the story's MAX_LANES - 1 busiest kept and the rest sharing one ("other sources")."""
    counts = lane[story].value_counts()
    if len(counts) <= MAX_LANES:
        return lane
    kept = sorted(counts.index, key=lambda name: (-counts[name], name))[:MAX_LANES - 1]
    return lane.where(lane.isin(kept), OTHER_LANES[by])


def place(events: pd.DataFrame, by: str = "source", plot_px: int = PLOT_PX, fold: bool = True) -> Placed:
    """Lanes (busiest first), panels, rows, labels and label room for every event of a non-empty table.

    A label sits beside its mark, never on it: each event takes its mark's time plus the time its label covers
    at the first view's scale, and events are packed into a lane's rows by score, so the most important are
    labelled first and the rest stay as marks where room runs out.
    """
    panel = split_history(events)
    lane = few_lanes(lanes_for(events, by), panel == 0, by)
    counts = lane[panel == 0].value_counts()
    shared = ("(no name)", "several sources", *OTHER_LANES.values())  # after the lanes of one source or name
    order = sorted(counts.index, key=lambda name: (name in shared, name in OTHER_LANES.values(), -counts[name], name))
    panels = [(events["begin"][panel == p].min(), events["end"][panel == p].max()) for p in sorted(set(panel))]
    panels[0] = (panels[0][0], _story_end(events[panel == 0], *panels[0]))
    subjects = sentence_subjects(list(events["sources"]), list(events["names"]))
    # controls made visible first, so rooms, cut points and both drawings measure the text a reader sees
    text = pd.Series([visible_controls(named(label(title), subject))
                      for title, subject in zip(events["title"], subjects, strict=True)], index=events.index, dtype=object)
    folds = [gaps(events[panel == number]) if fold else [] for number in range(len(panels))]
    story = panel_axis(panels[0], folds[0])
    per_px = story.shown() / panel_px(0, len(panels), plot_px) / timedelta(microseconds=1)
    # plain lists of integer microseconds: pandas operations on each lane's few events cost more than the work;
    # each mark as drawn at the first view's scale (a dot reaches beyond its day), each label in pixels as drawn
    stops = pd.Series([label_stops(t, LABEL_CHARS) for t in text], index=events.index, dtype=object)
    marks = _drawn_marks(events, text, stops, per_px)
    ends_us = marks.end
    row, label_end, left = [0] * len(events), list(ends_us), [False] * len(events)
    inside, bars = [False] * len(events), [p not in POINT_PRECISIONS for p in events["precision"]]
    groups: dict[tuple[str, int], list[int]] = {}
    for at, key in enumerate(zip(lane, panel, strict=True)):
        groups.setdefault(key, []).append(at)
    rows = dict.fromkeys(order, 1)
    axis = (_us_of(story.start), _us_of(story.end))
    gap = round(per_px * MARK_GAP_PX)
    beside = [end + gap for end in ends_us]  # where a label to the right of its mark starts
    label_begin, took = list(beside), list(beside)
    for name in order:
        members = groups.get((name, 0), [])
        for at, (taken, start, stop) in zip(members, _rows(members, marks, beside, per_px, gap, axis),
                                            strict=True):
            row[at], took[at] = taken, stop
            rows[name] = max(rows[name], taken + 1)
            if start is not None:  # a label before its mark: its room is the stretch the packing gave it
                left[at], label_begin[at], label_end[at] = True, start, marks.begin[at] - gap
        _label_ends(members, marks, row, beside, took, label_begin, label_end, left, axis)
        _inside_bars(members, marks, row, bars, text, stops, _ScreenRoom(story, per_px), gap, label_begin, label_end,
                     left, inside)
    placed = Placed(lane, pd.Series(row, index=events.index), panel, text, _times(label_begin, events.index),
                    _times([max(b, e) for b, e in zip(label_begin, label_end, strict=True)], events.index),
                    pd.Series(left, index=events.index), pd.Series(inside, index=events.index), stops, order, rows,
                    panels, folds)
    return _with_history(placed, events) if len(panels) > 1 else placed


def _with_history(placed: Placed, events: pd.DataFrame) -> Placed:
    """The history list: its events oldest first, one to a row while the story's height (or MIN_HISTORY_ROWS)
    allows; past that, neighbours in time share a row and the most important of them (by score) is labelled.
    A history label says when as well as what: the strip of marks beside it is too narrow to read dates from."""
    history = events[placed.panel == 1]
    order = sorted(history.index, key=lambda at: (history.at[at, "begin"], -history.at[at, "score"]))
    count = min(len(order), max(int(placed.height()), MIN_HISTORY_ROWS))
    row, text = placed.row.copy(), placed.label.copy()
    for number in range(count):
        members = order[number * len(order) // count:(number + 1) * len(order) // count]
        best = max(members, key=lambda at: history.at[at, "score"])
        for at in members:
            row[at] = number
            text[at] = ""
        when = short_words(history.at[best, "begin"], history.at[best, "end"], history.at[best, "precision"],
                           history.at[best, "mod"])
        text[best] = dated(when, placed.label[best]) if placed.label[best] else when
    return dataclasses.replace(placed, row=row, label=text, history_rows=count)


@dataclass(frozen=True)
class _Marks:
    """Each event's mark as drawn (its left and right edge in integer microseconds), score, and label widths in
    pixels with their padding."""

    begin: list[int]
    end: list[int]
    score: list[float]
    px: list[float]  # its label's longest form in the first view
    short: list[float]  # its label's shortest whole phrase


def _drawn_marks(events: pd.DataFrame, labels: pd.Series, stops: pd.Series, per_px: float) -> _Marks:
    """The events' marks at ``per_px`` microseconds a pixel: a bar from its begin to its end; a dot (a day or finer)
    centred in its time, as wide as it is drawn (chart_style.point_sizes, and its ring): at a year's scale far more
    than its day, in a story of a few days far less, so its label starts beside the dot, not at the day's end."""
    begins, ends = _us(events["begin"]), _us(events["end"])
    for at, (precision, size) in enumerate(zip(events["precision"], point_sizes(events["n_sources"]), strict=True)):
        if precision in POINT_PRECISIONS:
            middle, reach = (begins[at] + ends[at]) // 2, round((size / 2 + DOT_RING_PX) * per_px)
            begins[at], ends[at] = middle - reach, middle + reach
    widths = [_label_px(text, cuts) for text, cuts in zip(labels, stops, strict=True)]
    return _Marks(begins, ends, events["score"].tolist(), [w for w, _ in widths], [w for _, w in widths])


def _label_px(text: str, stops: list[int]) -> tuple[float, float]:
    """Pixels a label asks for in the first view, its padding included: its longest form, and its shortest whole
    phrase (``stops``: where it may be cut)."""
    shortest = text[:stops[0]] + "…" if stops else text
    longest = shortened(text, LABEL_CHARS, stops) or shortest
    return text_px(longest) + TEXT_PAD_PX, text_px(shortest) + TEXT_PAD_PX


def _times(values: list[int], index: pd.Index) -> pd.Series:
    return pd.Series(pd.to_datetime(values, unit="us"), index=index)


def kept(first: datetime, last: datetime, folds: list[tuple[datetime, datetime]]) -> timedelta:
    """The time a panel shows on screen: its span less its folded stretches."""
    return (last - first) - sum((b - a for a, b in folds), timedelta(0))


def panel_px(panel: int, panels: int, plot_px: int = PLOT_PX) -> float:
    """Width in pixels assumed for a panel when the chart is first drawn (the history: its labels' column)."""
    if panel:
        return plot_px * (HISTORY_SHARE - HISTORY_MARKS - HISTORY_GAP)
    return plot_px * (1 - (HISTORY_SHARE + STORY_GAP) * (panels - 1))


def split_history(events: pd.DataFrame, share: float = 0.6) -> pd.Series:
    """0 for events in the densest stretch holding ``share`` of them (and after it), 1 for the far history.

    A story's events crowd into months while a few reach back years ("in 1997"): drawn on one scale, the
    months shrink to a few pixels. The history gets a panel of its own beside the dense stretch, so the
    first view shows the whole timeline and still has room for labels.
    """
    middles = sorted(events["begin"] + (events["end"] - events["begin"]) / 2)
    panel = pd.Series(0, index=events.index)
    if len(middles) < 5:
        return panel
    count = max(2, int(len(middles) * share))
    _, start = min((middles[i + count - 1] - middles[i], i) for i in range(len(middles) - count + 1))
    dense = middles[start + count - 1] - middles[start]
    split = middles[start] - dense * 0.1
    history = events["end"] <= split
    if history.sum() and (events["end"].max() - events["begin"].min()) > 4 * max(dense, timedelta(days=1)):
        panel[history] = 1
    return panel


def _rows(members: list[int], marks: _Marks, beside: list[int], us_per_px: float, gap: int,
          axis: tuple[int, int]) -> list[tuple[int, int | None, int]]:
    """Fewest rows (up to MAX_ROWS) in which every mark and its label fit, events placed by score: each event's
    row, where its label starts when it goes before the mark (else None), and where the stretch it took ends.

    An event that finds no row with room for its label looks for one with room for the label's shortest whole
    phrase, then for a row where its mark alone fits (it stays unlabelled until the reader zooms in), or else
    the last row.
    """
    # by score; among equals, first those whose label has no room before the axis' end (they can only go before
    # their mark), then by time
    ranked = sorted(members, key=lambda at: (-marks.score[at], beside[at] + marks.px[at] * us_per_px <= axis[1],
                                             marks.begin[at]))
    chosen: dict[int, tuple[int, int | None, int]] = {}
    for count in range(1 if len(members) <= 50 * MAX_ROWS else MAX_ROWS, MAX_ROWS + 1):  # a crowded lane needs all
        taken = [_Row() for _ in range(count)]
        crowded = False
        for at in ranked:
            for spot in _spots(at, marks, beside, us_per_px, gap, axis):
                best = next((r for r in range(count) if taken[r].free(*spot[:2])), None)
                if best is not None:
                    break
                crowded = True
            start, stop, before = spot
            best = count - 1 if best is None else best
            if taken[best].free(start, stop):
                taken[best].add(start, stop)
            chosen[at] = (best, start if before else None, stop)
        if not crowded or count == MAX_ROWS:
            break
    return [chosen[at] for at in members]


def _spots(at: int, marks: _Marks, beside: list[int], us_per_px: float, gap: int,
           axis: tuple[int, int]) -> Iterator[tuple[int, int, bool]]:
    """The stretches an event may take in a row, best first, and whether its label is before the mark: the mark
    and its label (then its shortest phrase) to the right, or to the left where the axis ends before the label
    would; then to the right even so (cut at the axis' end); then the mark alone."""
    begin, after = marks.begin[at], beside[at]
    widths = [round(px * us_per_px) for px in (marks.px[at], marks.short[at])]
    for width in widths:
        if after + width <= axis[1]:
            yield begin, after + width, False
        elif begin - gap - width >= axis[0]:
            yield begin - gap - width, after, True
    for width in widths:
        if after + width > axis[1]:
            yield begin, after + width, False
    yield begin, after, False


def _us(times: pd.Series) -> list[int]:
    """Times or durations as integer microseconds."""
    return times.dt.as_unit("us").to_numpy().astype("int64").tolist()


def _label_ends(members: list[int], marks: _Marks, row: list[int], beside: list[int], took: list[int],
                label_begin: list[int], label_end: list[int], left: list[bool], axis: tuple[int, int]) -> None:
    """Where each label to the right of its mark ends: at the next mark or label start in its row, or nowhere
    (no room) when another mark or a label before its mark covers the place beside its own mark, or a more
    important label starts at the same place. A label before its mark reaches back to the end of what the
    previous events in its row took (``took``), and has no room when a mark lies under it. Labels so bounded
    never overlap, at any zoom."""
    by_row: dict[int, list[int]] = {}
    for at in members:
        by_row.setdefault(row[at], []).append(at)
    for group in by_row.values():
        by_begin = sorted(group, key=lambda at: marks.begin[at])
        begins = [marks.begin[at] for at in by_begin]
        earlier = list(itertools.accumulate((took[at] for at in by_begin), max, initial=axis[0]))
        for at in group:
            if left[at]:
                label_begin[at] = min(label_begin[at], earlier[bisect.bisect_left(begins, marks.begin[at])])
        breaks = sorted([marks.begin[at] for at in group] + [label_begin[at] for at in group])
        reach = list(itertools.accumulate((beside[at] for at in by_begin), max))
        befores = [(label_begin[at], label_end[at]) for at in group if left[at]]
        taken = set()  # marks on the same day in a row: the most important one's label gets the room
        for at in sorted(group, key=lambda at: -marks.score[at]):
            start = label_begin[at]
            if left[at]:  # a mark left in this row without room of its own may lie under it
                before = bisect.bisect_left(begins, start)
                if (before > 0 and reach[before - 1] > start) or (before < len(begins)
                                                                  and begins[before] < label_end[at]):
                    label_end[at] = start
                continue
            before = bisect.bisect_left(begins, start)
            covered = ((before > 0 and reach[before - 1] > start) or start in taken
                       or any(a <= start < b for a, b in befores))
            taken.add(start)
            after = bisect.bisect_right(breaks, start)
            label_end[at] = start if covered else breaks[after] if after < len(breaks) else axis[1]


def _inside_bars(members: list[int], marks: _Marks, row: list[int], bars: list[bool], text: pd.Series,
                 stops: pd.Series, room: _ScreenRoom, gap: int, label_begin: list[int], label_end: list[int],
                 left: list[bool], inside: list[bool]) -> None:
    """Labels written inside their own bars: a bar over most of the story ("earlier this year" in a November
    article) has no room before or after it, but its own length holds its label. A bar's label goes inside when
    more of it fits there than beside the bar: from the bar's start to its end, or to the first other mark that
    starts within it in its row (a crowded row's marks may lie over it); none where another mark covers its start.
    Both rooms are measured as drawn (``room``): a room beside the bar that spans a folded stretch is narrower on
    screen than in time."""
    by_row: dict[int, list[int]] = {}
    for at in members:
        by_row.setdefault(row[at], []).append(at)
    for group in by_row.values():
        for at in group:
            if not bars[at]:
                continue
            begin, end = marks.begin[at], marks.end[at]
            others = [o for o in group if o != at]
            if any(marks.begin[o] <= begin < marks.end[o] for o in others):
                continue  # another mark lies over the bar's start (a crowded row's)
            stop = min([marks.begin[o] - gap for o in others if begin < marks.begin[o] < end] + [end])
            beside, within = room.px(label_begin[at], label_end[at]), room.px(begin, stop)
            if within > beside and len(label_for(text.iat[at], within, stops.iat[at])) > len(
                    label_for(text.iat[at], beside, stops.iat[at])):
                inside[at], left[at], label_begin[at], label_end[at] = True, False, begin, stop


class _ScreenRoom:
    """Pixels a label's stretch of time has on screen at the first view's scale, as ``label_rooms`` reckons them:
    up to a fold's marker (folded time takes no room) and the axis' end."""

    def __init__(self, axis: Axis, us_per_px: float) -> None:
        self.folds = [(_us_of(a), _us_of(b)) for a, b in axis.folds]
        self.end, self.us_per_px = _us_of(axis.end), us_per_px

    def px(self, begin: int, end: int) -> float:
        end = min([a for a, _ in self.folds if begin <= a < end] + [end, self.end])
        folded = sum(max(min(end, b) - max(begin, a), 0) for a, b in self.folds)  # a begin within a fold
        return max(end - begin - folded, 0) / self.us_per_px


def _us_of(when: datetime) -> int:
    return pd.Timestamp(when).value // 1000  # .value is in ns, whatever the unit


class _Row:
    """The stretches of time a row already gives to marks and labels, kept sorted and apart."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.stops: list[int] = []

    def free(self, begin: int, stop: int) -> bool:
        at = bisect.bisect_right(self.starts, begin)
        return (at == 0 or self.stops[at - 1] <= begin) and (at == len(self.starts) or self.starts[at] >= stop)

    def add(self, begin: int, stop: int) -> None:
        at = bisect.bisect_right(self.starts, begin)
        self.starts.insert(at, begin)
        self.stops.insert(at, stop)


def gaps(events: pd.DataFrame, share: float = 0.12) -> list[tuple[datetime, datetime]]:
    """Empty stretches longer than ``share`` of the timeline, to fold away so the first view shows everything.

    Each fold keeps a margin on both sides, so events never touch it; a fold is drawn and labelled on the chart.
    """
    spans = sorted(zip(events["begin"], events["end"], strict=True))
    covered_end = spans[0][1]
    total = events["end"].max() - events["begin"].min()
    holes = []
    for begin, end in spans[1:]:
        if begin - covered_end > total * share:
            holes.append((covered_end, begin))
        covered_end = max(covered_end, end)
    if not holes:
        return []
    kept = total - sum((b - a for a, b in holes), timedelta(0))
    margin = max(kept * 0.04, timedelta(days=2))
    return [(a + margin, b - margin) for a, b in holes if b - a > 3 * margin]
