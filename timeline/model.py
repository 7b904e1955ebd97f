"""Plain dataclasses shared by every pipeline stage.

They carry no behaviour beyond small derived properties, so that each stage
can be read, tested and serialised on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True)
class Interval:
    """A half-open span of time [begin, end) at a stated precision.

    Keeping the precision next to the bounds is what stops "1997" from being
    shown as 1 January 1997.
    """

    begin: datetime
    end: datetime
    precision: str  # minute, hour, part_of_day, day, week, month, season, quarter, half, year, decade, century

    def overlaps(self, other: Interval) -> bool:
        return self.begin < other.end and other.begin < self.end


@dataclass
class Timex:
    """One temporal expression found in a text, with how its value was worked out."""

    start: int  # character offset into the text, inclusive
    end: int  # character offset, exclusive
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2024-11-01, 2024-W45, P12D, PAST_REF, XXXX-11 ...
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN ...
    interval: Interval | None = None  # for DATE/TIME values that could be placed in time
    anchor: str | None = None  # "DCT", "mention:<text>@<offset>", or None
    explanation: str = ""
    rule: str = ""
    tid: str = ""
    range_partner: str | None = None  # tid of the other end of "from X to Y"

    @property
    def begin(self) -> datetime | None:
        return self.interval.begin if self.interval else None

    @property
    def precision(self) -> str | None:
        return self.interval.precision if self.interval else None

    @property
    def resolved(self) -> bool:
        """False when a relative date could not be placed (no publication date): its value has X placeholders."""
        if self.type in ("DURATION", "SET"):
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
    """One article's evidence for an event."""

    article_id: str
    title: str
    outlet: str
    url: str
    origin: str
    sentence: str
    sentence_span: tuple[int, int]
    date_span: tuple[int, int]
    date_text: str


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
