"""Where each event sits on the chart: its lane, its row inside the lane, the room its label has, the axis breaks.

Pure data, no drawing: ``viz`` turns this into Plotly traces. A label sits
beside its mark and may only use the time up to the next mark in its row, so
labels never overlap each other or a mark; rows are handed out by score, so the
most important events are the first to get room for their label.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from .events.names import display_names
from .labels import SHORTEST, label, label_chars, shortest_chars

MAX_ROWS = 4  # rows per lane: more rows give labels room, fewer keep the chart short
CHAR_PX = 5.2  # width of one label character at the chart's 11 px font (about 4.8 measured in Chromium, with margin)
MARK_GAP_PX = 9  # room between a mark and its label, so the label never touches the mark
PLOT_PX = 760  # plot width assumed for the first view (the dashboard's is ~790 px at 1400); the page refits
RIGHT_PAD = 0.5  # room after a panel's last event, for its label (share of the panel's span)
HISTORY_SHARE = 0.3  # share of the width given to the history panel, when there is one
MIN_LABEL_CHARS = SHORTEST  # a label shorter than this says too little: none is shown


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
    lanes: list[str]  # in drawing order, busiest first
    rows: dict[str, int]  # rows used by each lane
    panels: list[tuple[datetime, datetime]]  # each panel's first begin and last end
    folds: list[list[tuple[datetime, datetime]]]  # each panel's empty stretches, folded away on screen


def lanes_for(events: pd.DataFrame, by: str = "source") -> pd.Series:
    """The lane of each event: its source (or "several sources"), or its best-known name."""
    if events.empty:
        return pd.Series(dtype=str)
    if by == "name":
        names = display_names(events["names"])
        return names.map(lambda values: values[0] if len(values) else "(no name)")
    return events["outlets"].map(lambda outlets: outlets[0] if len(outlets) == 1 else "several sources")


def place(events: pd.DataFrame, by: str = "source", plot_px: int = PLOT_PX, fold: bool = True) -> Placed:
    """Lanes (busiest first), panels, rows, labels and label room for every event of a non-empty table.

    A label sits beside its mark, never on it: each event takes its mark's time plus the time its label covers
    at the first view's scale, and events are packed into a lane's rows by score, so the most important are
    labelled first and the rest stay as marks where room runs out.
    """
    lane = lanes_for(events, by)
    counts = lane.value_counts()
    order = sorted(counts.index, key=lambda name: (name in ("(no name)", "several sources"), -counts[name], name))
    panel = split_history(events)
    panels = [(events["begin"][panel == p].min(), events["end"][panel == p].max()) for p in sorted(set(panel))]
    text = events["title"].map(label)
    folds = [gaps(events[panel == number]) if fold else [] for number in range(len(panels))]
    # plain lists of integer microseconds: pandas operations on each lane's few events cost more than the work
    ends_us = _us(events["end"])
    marks = _Marks(_us(events["begin"]), ends_us, events["score"].tolist(), [label_chars(t) for t in text],
                   [shortest_chars(t) for t in text])
    row, label_begin, label_end = [0] * len(events), list(ends_us), list(ends_us)
    groups: dict[tuple[str, int], list[int]] = {}
    for at, key in enumerate(zip(lane, panel, strict=True)):
        groups.setdefault(key, []).append(at)
    rows = dict.fromkeys(order, 1)
    for number, (first, last) in enumerate(panels):
        span = max(kept(first, last, folds[number]), timedelta(days=1))  # the time on screen
        per_px = span * (1 + RIGHT_PAD) / panel_px(number, len(panels), plot_px) / timedelta(microseconds=1)
        horizon = pd.Timestamp(last + span * RIGHT_PAD).as_unit("us").value
        for name in order:
            members = groups.get((name, number), [])
            for at in members:
                label_begin[at] = ends_us[at] + round(per_px * MARK_GAP_PX)
            assigned = _rows(members, marks, label_begin, per_px * CHAR_PX)
            for at, taken in zip(members, assigned, strict=True):
                row[at] = taken
                rows[name] = max(rows[name], taken + 1)
            _label_ends(members, marks, row, label_begin, label_end, horizon)
    return Placed(lane, pd.Series(row, index=events.index), panel, text, _times(label_begin, events.index),
                  _times([max(b, e) for b, e in zip(label_begin, label_end, strict=True)], events.index), order, rows,
                  panels, folds)


@dataclass(frozen=True)
class _Marks:
    """Each event's mark (begin, end in integer microseconds), score, and label widths in characters."""

    begin: list[int]
    end: list[int]
    score: list[float]
    chars: list[int]  # its label's longest form in the first view
    short: list[int]  # its label's shortest whole phrase


def _times(values: list[int], index: pd.Index) -> pd.Series:
    return pd.Series(pd.to_datetime(values, unit="us"), index=index)


def kept(first: datetime, last: datetime, folds: list[tuple[datetime, datetime]]) -> timedelta:
    """The time a panel shows on screen: its span less its folded stretches."""
    return (last - first) - sum((b - a for a, b in folds), timedelta(0))


def panel_px(panel: int, panels: int, plot_px: int = PLOT_PX) -> float:
    """Width in pixels assumed for a panel when the chart is first drawn."""
    return plot_px * (HISTORY_SHARE if panel else 1 - HISTORY_SHARE * (panels - 1))


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


def _rows(members: list[int], marks: _Marks, label_begin: list[int], us_per_char: float) -> list[int]:
    """Fewest rows (up to MAX_ROWS) in which every mark and its label fit; events placed by score.

    An event that finds no row with room for its label looks for one with room for the label's shortest whole
    phrase, then for a row where its mark alone fits (it stays unlabelled until the reader zooms in), or else
    the last row.
    """
    ranked = sorted(members, key=lambda at: (-marks.score[at], marks.begin[at]))
    chosen: dict[int, int] = {}
    for count in range(1 if len(members) <= 50 * MAX_ROWS else MAX_ROWS, MAX_ROWS + 1):  # a crowded lane needs all
        taken = [_Row() for _ in range(count)]
        crowded = False
        for at in ranked:
            begin, mark_end = marks.begin[at], label_begin[at]
            for stop in (mark_end + marks.chars[at] * us_per_char, mark_end + marks.short[at] * us_per_char, mark_end):
                best = next((r for r in range(count) if taken[r].free(begin, stop)), None)
                if best is not None:
                    break
                crowded = True
            best = count - 1 if best is None else best
            if taken[best].free(begin, stop):
                taken[best].add(begin, stop)
            chosen[at] = best
        if not crowded or count == MAX_ROWS:
            break
    return [chosen[at] for at in members]


def _us(times: pd.Series) -> list[int]:
    """Times or durations as integer microseconds."""
    return times.dt.as_unit("us").to_numpy().astype("int64").tolist()


def _label_ends(members: list[int], marks: _Marks, row: list[int], label_begin: list[int], label_end: list[int],
                horizon: int) -> None:
    """Where each label's room ends: at the next mark or label start in its row, or nowhere (no room) when
    another mark covers the place beside its own mark or a more important label starts at the same place.
    Labels so bounded never overlap, at any zoom."""
    by_row: dict[int, list[int]] = {}
    for at in members:
        by_row.setdefault(row[at], []).append(at)
    for group in by_row.values():
        breaks = sorted([marks.begin[at] for at in group] + [label_begin[at] for at in group])
        by_begin = sorted(group, key=lambda at: marks.begin[at])
        begins = [marks.begin[at] for at in by_begin]
        reach = list(itertools.accumulate((label_begin[at] for at in by_begin), max))
        taken = set()  # marks on the same day in a row: the most important one's label gets the room
        for at in sorted(group, key=lambda at: -marks.score[at]):
            start = label_begin[at]
            before = bisect.bisect_left(begins, start)
            covered = (before > 0 and reach[before - 1] > start) or start in taken
            taken.add(start)
            after = bisect.bisect_right(breaks, start)
            label_end[at] = start if covered else breaks[after] if after < len(breaks) else horizon


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
