"""Plain dataclasses shared by every pipeline stage.

They carry no behaviour beyond small derived properties, so that each stage
can be read, tested and serialised on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from dateutil.relativedelta import relativedelta


class Precision(StrEnum):
    """How finely a time is known, from coarse to fine; the member order is the rank."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    WEEKEND = "weekend"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"

    @property
    def rank(self) -> int:
        """0 for the coarsest (century); a higher rank is finer."""
        return _PRECISION_RANK[self]

    @property
    def step(self) -> relativedelta:
        """How far one granule at this precision moves a date ("the next month": one month)."""
        return _PRECISION_STEP[self]

    @property
    def display(self) -> str:
        """A strftime format that shows a granule's start at this precision, no finer."""
        return _PRECISION_DISPLAY[self]

    @property
    def fields(self) -> tuple[str, ...]:
        """The calendar fields a date at this precision knows: ("year", "month") for a month."""
        return _PRECISION_FIELDS[self]

    @property
    def is_point(self) -> bool:
        """A day or finer: shown as a point on a timeline rather than a span."""
        return self.rank >= Precision.DAY.rank


_PRECISION_RANK = {p: rank for rank, p in enumerate(Precision)}
_PRECISION_STEP = {
    Precision.CENTURY: relativedelta(years=100), Precision.DECADE: relativedelta(years=10),
    Precision.YEAR: relativedelta(years=1), Precision.HALF: relativedelta(months=6),
    Precision.QUARTER: relativedelta(months=3), Precision.SEASON: relativedelta(years=1),
    Precision.MONTH: relativedelta(months=1), Precision.WEEK: relativedelta(weeks=1),
    Precision.WEEKEND: relativedelta(weeks=1), Precision.DAY: relativedelta(days=1),
    Precision.PART_OF_DAY: relativedelta(days=1), Precision.HOUR: relativedelta(hours=1),
    Precision.MINUTE: relativedelta(minutes=1),
}
_PRECISION_DISPLAY = {
    Precision.CENTURY: "%Y (century)", Precision.DECADE: "%Y (decade)", Precision.YEAR: "%Y",
    Precision.HALF: "%b %Y", Precision.QUARTER: "%b %Y", Precision.SEASON: "%b %Y", Precision.MONTH: "%B %Y",
    Precision.WEEK: "week of %d %b %Y", Precision.WEEKEND: "weekend of %d %b %Y", Precision.DAY: "%a %d %b %Y",
    Precision.PART_OF_DAY: "%a %d %b %Y", Precision.HOUR: "%d %b %Y %H:00", Precision.MINUTE: "%d %b %Y %H:%M",
}
_YEAR, _MONTH, _DAY = ("year",), ("year", "month"), ("year", "month", "day")
_PRECISION_FIELDS = {
    Precision.CENTURY: _YEAR, Precision.DECADE: _YEAR, Precision.YEAR: _YEAR, Precision.HALF: _MONTH,
    Precision.QUARTER: _MONTH, Precision.SEASON: _MONTH, Precision.MONTH: _MONTH, Precision.WEEK: _DAY,
    Precision.WEEKEND: _DAY, Precision.DAY: _DAY, Precision.PART_OF_DAY: (*_DAY, "hour"),
    Precision.HOUR: (*_DAY, "hour"), Precision.MINUTE: (*_DAY, "hour", "minute"),
}


class TimexType(StrEnum):
    """The four TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"  # finer than a day: a part of a day or a clock time
    DURATION = "DURATION"
    SET = "SET"


class Anchor(StrEnum):
    """What a relative expression was counted from; absolute dates have none."""

    DCT = "DCT"  # the publication date
    MENTION = "earlier mention"  # the date mentioned last before it ("two years later", "that day")


@dataclass(frozen=True)
class Interval:
    """A half-open span of time [begin, end) at a stated precision.

    Keeping the precision next to the bounds is what stops "1997" from being
    shown as 1 January 1997.
    """

    begin: datetime
    end: datetime
    precision: Precision

    def overlaps(self, other: Interval) -> bool:
        return self.begin < other.end and other.begin < self.end


@dataclass
class Timex:
    """One temporal expression found in a text, with how its value was worked out."""

    start: int  # character offset into the text, inclusive
    end: int  # character offset, exclusive
    text: str
    type: TimexType
    value: str  # TIMEX3 value: 2024-11-01, 2024-W45, P12D, PAST_REF, XXXX-11 ...
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN ...
    interval: Interval | None = None  # for DATE/TIME values that could be placed in time
    anchor: Anchor | None = None  # None for absolute dates
    explanation: str = ""
    rule: str = ""
    tid: str = ""
    range_partner: str | None = None  # tid of the other end of "from X to Y"
    year_stated: bool = True  # False when calendar words leave the year out ("Nov. 22", "in March"): it was chosen

    @property
    def begin(self) -> datetime | None:
        return self.interval.begin if self.interval else None

    @property
    def precision(self) -> Precision | None:
        return self.interval.precision if self.interval else None

    @property
    def resolved(self) -> bool:
        """False when a relative date could not be placed (no publication date): its value has X placeholders."""
        if self.type in (TimexType.DURATION, TimexType.SET):
            return True
        return "X" not in self.value


@dataclass
class Article:
    """An article and its publication context (DCT), with where each piece came from."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: date | None = None
    published_source: str = "none"  # metadata, html, dateline, inferred, none
    published_confidence: str = "none"  # high, medium, low, none
    origin: str = ""  # file path (and row) the article came from
    warnings: list[str] = field(default_factory=list)


@dataclass
class Source:
    """One article's evidence for an event; spans are offsets into the article's text, [start, end)."""

    article_id: str
    title: str
    outlet: str
    url: str
    origin: str
    sentence: str
    sentence_span: tuple[int, int]
    date_span: tuple[int, int]  # the date words; empty (start = end, at the sentence's start) when none were written
    date_text: str
    # the happening word the event was built on ("placed"): what the event is about, whatever dates it. The
    # date's words for a dated event whose word was not found; (0, 0) in stores written before it was kept.
    happening_span: tuple[int, int] = (0, 0)


class Placement(StrEnum):
    """How an event's time was worked out; every output tells these apart."""

    WRITTEN = "written"  # a date in the happening's own clause says when it happened
    INFERRED = "inferred"  # no date for it in its clause: the reporting time, or the time of the story around it


class Modality(StrEnum):
    """Whether a happening took place; only factual ones go on the timeline by default."""

    FACTUAL = "factual"  # happened or is happening
    PLANNED = "planned"  # future, planned or expected ("will", "plans to", "is expected to")
    HYPOTHETICAL = "hypothetical"  # conditional, negated or hypothetical
    STATE = "state"  # a background state ("X is the group's military chief")


@dataclass
class Event:
    """A dated happening with its evidence; several sources once merged."""

    id: str
    interval: Interval
    value: str
    mod: str | None
    date_text: str
    title: str
    sentence: str
    explanation: str
    confidence: float
    sources: list[Source]
    names: list[str] = field(default_factory=list)
    conflict: bool = False
    centrality: float = 1.0  # how early in its article the evidence sentence comes (1 = first)
    score: float = 0.0  # ranking: sources, precision, centrality
    named_as: str = ""  # the date names a happening ("the October 7 attacks" -> "attack")
    year_guessed: bool = False  # the text gave day and month only; the year came from the publication date
    placement: Placement = Placement.WRITTEN
    modality: Modality = Modality.FACTUAL
    relation: str = ""  # a date the happening is only related to, shown as context ("since October 1997")

    @property
    def begin(self) -> datetime:
        return self.interval.begin

    @property
    def end(self) -> datetime:
        return self.interval.end

    @property
    def precision(self) -> str:
        return self.interval.precision

    @property
    def outlets(self) -> list[str]:
        """Who reported it, each once and sorted (an article's id when its outlet is unnamed)."""
        return sorted({s.outlet or s.article_id for s in self.sources})

    @property
    def n_sources(self) -> int:
        """How many articles report it (several sentences of one article count once)."""
        return len({s.article_id for s in self.sources})
