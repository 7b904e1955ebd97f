"""Narrow an events table the way a reader asks: dates, sources, names, words, precision, confidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd


@dataclass
class EventFilter:
    """Every field left empty keeps everything."""

    start: date | None = None
    end: date | None = None  # inclusive
    outlets: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    text: str = ""
    precisions: list[str] = field(default_factory=list)
    min_confidence: float = 0.0
    conflicts_only: bool = False

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=events.index)
        if self.start:
            keep &= events["end"] > datetime(self.start.year, self.start.month, self.start.day)
        if self.end:
            keep &= events["begin"] < datetime(self.end.year, self.end.month, self.end.day) + pd.Timedelta(days=1)
        if self.outlets:
            keep &= events["outlets"].map(lambda values: _any_in(values, self.outlets))
        if self.names:
            keep &= events["names"].map(lambda values: _any_in(values, self.names))
        if self.text.strip():
            needle = self.text.strip().lower()
            keep &= (events["title"] + " " + events["sentence"]).str.lower().str.contains(needle, regex=False)
        if self.precisions:
            keep &= events["precision"].isin(self.precisions)
        if self.min_confidence:
            keep &= events["confidence"] >= self.min_confidence
        if self.conflicts_only:
            keep &= events["conflict"]
        return events[keep]


def _any_in(values: Iterable[str], wanted: list[str]) -> bool:
    return any(value in wanted for value in values)
