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
        for _, passes in self._criteria(events):
            keep &= passes
        return events[keep]

    def hidden_by(self, events: pd.DataFrame) -> dict[str, int]:
        """How many events each filter alone hides ("outside the dates": 3), so the page can say so."""
        return {reason: hidden for reason, passes in self._criteria(events) if (hidden := int((~passes).sum()))}

    def _criteria(self, events: pd.DataFrame) -> list[tuple[str, pd.Series]]:
        """Each filter that is set: why it hides an event, and which events pass it."""
        criteria = []
        if self.start or self.end:
            inside = pd.Series(True, index=events.index)
            if self.start:
                inside &= events["end"] > datetime(self.start.year, self.start.month, self.start.day)
            if self.end:
                inside &= events["begin"] < datetime(self.end.year, self.end.month, self.end.day) + pd.Timedelta(days=1)
            criteria.append(("outside the dates", inside))
        if self.outlets:
            criteria.append(("from other sources", events["outlets"].map(lambda v: _any_in(v, self.outlets))))
        if self.names:
            criteria.append(("without the chosen names", events["names"].map(lambda v: _any_in(v, self.names))))
        if self.text.strip():
            needle = self.text.strip().lower()
            criteria.append(("without the search words", (events["title"] + " " + events["sentence"]).str.lower()
                             .str.contains(needle, regex=False)))
        if self.precisions:
            criteria.append(("at other precisions", events["precision"].isin(self.precisions)))
        if self.min_confidence:
            criteria.append(("below the confidence", events["confidence"] >= self.min_confidence))
        if self.conflicts_only:
            criteria.append(("without conflicting dates", events["conflict"].astype(bool)))
        return criteria


def _any_in(values: Iterable[str], wanted: list[str]) -> bool:
    return any(value in wanted for value in values)
