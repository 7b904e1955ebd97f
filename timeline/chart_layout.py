"""Where each event sits on the chart: its lane, its row inside the lane, the room its label has, the axis breaks.

Pure data, no drawing: ``viz`` turns this into Plotly traces. Labels never
overlap because an event's label may only use the time up to the next event in
its row; rows are handed out by score, so the most important events get the
most room and are the first to show their label.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from .events.names import display_names

MAX_ROWS = 4  # rows per lane: more rows give labels room, fewer keep the chart short
LABEL_CHARS = 34  # a label is the title shortened to about this many characters
CHAR_PX = 6.6  # width of one label character at the chart's font size
PLOT_PX = 1100  # plot width assumed when deciding how many rows a lane needs
RIGHT_PAD = 0.3  # room after a panel's last event, for its label (share of the panel's span)
HISTORY_SHARE = 0.3  # share of the width given to the history panel, when there is one


@dataclass(frozen=True)
class Placed:
    """Each event's lane, row (0 is the lane's top), panel and label room [label_begin, label_end)."""

    lane: pd.Series
    row: pd.Series
    panel: pd.Series  # 0: the story's dense stretch; 1: the history before it (when there is one)
    label_begin: pd.Series
    label_end: pd.Series
    lanes: list[str]  # in drawing order, busiest first
    rows: dict[str, int]  # rows used by each lane
    panels: list[tuple[datetime, datetime]]  # each panel's first begin and last end


MIN_LABEL_CHARS = 12  # a label shorter than this says too little: none is shown


def short_label(title: str, limit: int = LABEL_CHARS) -> str:
    """The title cut at a word boundary, with an ellipsis when shortened (the page's script cuts the same way)."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"


def lanes_for(events: pd.DataFrame, by: str = "source") -> pd.Series:
    """The lane of each event: its source (or "several sources"), or its best-known name."""
    if events.empty:
        return pd.Series(dtype=str)
    if by == "name":
        names = display_names(events["names"])
        return names.map(lambda values: values[0] if len(values) else "(no name)")
    return events["outlets"].map(lambda outlets: outlets[0] if len(outlets) == 1 else "several sources")


def place(events: pd.DataFrame, by: str = "source", plot_px: int = PLOT_PX) -> Placed:
    """Lanes (busiest first), panels, rows and label room for every event of a non-empty table."""
    lane = lanes_for(events, by)
    counts = lane.value_counts()
    order = sorted(counts.index, key=lambda name: (name in ("(no name)", "several sources"), -counts[name], name))
    panel = split_history(events)
    panels = [(events["begin"][panel == p].min(), events["end"][panel == p].max()) for p in sorted(set(panel))]
    row = pd.Series(0, index=events.index)
    label_end = pd.Series(events["end"].max(), index=events.index)
    rows = dict.fromkeys(order, 1)
    for number, (first, last) in enumerate(panels):
        span = max(last - first, timedelta(days=1))
        # the time a full label covers in the first view
        need = span * (LABEL_CHARS * CHAR_PX / panel_px(number, len(panels), plot_px))
        for name in order:
            members = events[(lane == name) & (panel == number)]
            if members.empty:
                continue
            assigned, ends = _rows(members, need, last + span * RIGHT_PAD * 0.9)
            row.loc[members.index] = assigned
            label_end.loc[members.index] = ends
            rows[name] = max(rows[name], int(max(assigned)) + 1)
    label_begin = events["end"].where(events["end"] - events["begin"] <= timedelta(days=1), events["begin"])
    return Placed(lane, row, panel, label_begin, label_end.clip(lower=label_begin), order, rows, panels)


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


def _rows(members: pd.DataFrame, need: timedelta, horizon: datetime) -> tuple[list[int], list[datetime]]:
    """Fewest rows (up to MAX_ROWS) in which every label gets ``need``; events placed by score, best room first."""
    ranked = members.sort_values(["score", "begin"], ascending=[False, True])
    for count in range(1 if len(members) <= 50 * MAX_ROWS else MAX_ROWS, MAX_ROWS + 1):  # a crowded lane needs all
        starts: list[list[datetime]] = [[] for _ in range(count)]
        chosen: dict[object, int] = {}
        for index, begin in zip(ranked.index, ranked["begin"], strict=True):
            best = max(range(count), key=lambda r: _room(starts[r], begin, horizon))
            bisect.insort(starts[best], begin)
            chosen[index] = best
        ends = [_next_start(starts[chosen[i]], b, horizon) for i, b in zip(members.index, members["begin"], strict=True)]
        if all(end - begin >= need for end, begin in zip(ends, members["begin"], strict=True)) or count == MAX_ROWS:
            return [chosen[i] for i in members.index], ends
    raise AssertionError("unreachable")


def _room(starts: list[datetime], begin: datetime, horizon: datetime) -> timedelta:
    """Room a label starting at ``begin`` would get in a row, and the room left to the event before it."""
    at = bisect.bisect_right(starts, begin)
    after = (starts[at] if at < len(starts) else horizon) - begin
    before = begin - starts[at - 1] if at > 0 else after
    return min(after, before)


def _next_start(starts: list[datetime], begin: datetime, horizon: datetime) -> datetime:
    at = bisect.bisect_right(starts, begin)
    return starts[at] if at < len(starts) else horizon


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
