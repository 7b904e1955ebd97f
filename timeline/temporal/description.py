"""What a match's words say, as a plain record: the read stage's product, before any reference time is known.

Duckling's partial time, HeidelTime's "UNDEF-this-month-MINUS-2": a description names the fields the words
give (year, month, day, season, clock …), how the expression relates to a reference (``Relation``) and the
step, unit, direction and modifier the words add. It holds no callables and no context, so a rule's reading
prints and compares like any value; resolving (dispatch.py) is the only stage that places it in time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import Precision, TimexType
from .lexicon import Direction
from .tense import Tense


class Relation(StrEnum):
    """How a description relates to a reference time; resolving has one resolver for each."""

    ABSOLUTE = "absolute"  # the words settle it: "October 7, 2023", "a 12-day ceasefire", "every week"
    NUMERIC = "numeric"  # "03/04/2024": month first unless the texts write the day first
    FROM_DCT = "from DCT"  # the publication date's granule of ``unit``, moved ``step``: "last week", "June last year"
    FROM_MENTION = "from mention"  # the same from the date last mentioned: "that year", "the following Monday"
    COUNT_FROM_DCT = "counted from DCT"  # ``amount`` units of ``unit`` from the publication date: "two days ago"
    COUNT_FROM_MENTION = "counted from mention"  # … from the date last mentioned: "three years later"
    NEAREST = "nearest"  # the occurrence nearest in time that the tense allows: "Nov. 22", "in March", "the 22nd"
    WEEKDAY = "weekday"  # a day of the week around the publication date: "Friday", "last Tuesday"
    VAGUE = "vague"  # a time the scheme names but does not place: "now", "recently"
    PERIOD = "period"  # the reporting period under discussion: "the quarter", "year-earlier", "the 1988 period"
    QUARTER_IN_STORY = "quarter in story"  # "the latest quarter": the one under discussion, else the last full one
    SAME_A_YEAR_BEFORE = "same, a year before"  # "the same month a year ago", "this time last year"
    EDGE = "edge"  # "by the end of the year", "for the year": the story's year (month …) in a past clause, else the DCT's
    UP_TO_NOW = "up to now"  # the stretch of the current granule before or after the publication date
    ON_DAY = "on day"  # a clock time or part of day on the day named (``day_of``), else the day last mentioned, else the DCT's


class CountUnit(StrEnum):
    """A unit counted in "two weeks ago", "a decade later", as the TIMEX3 letters (calendar.UNIT_DELTA) write it."""

    MINUTE = "MIN"
    HOUR = "H"
    DAY = "D"
    WEEK = "W"
    FORTNIGHT = "2W"
    MONTH = "M"
    QUARTER = "Q"
    YEAR = "Y"
    DECADE = "DE"
    CENTURY = "CE"


@dataclass(frozen=True)
class Description:
    """What the words of one expression say. Fields the words do not give stay None."""

    type: TimexType
    relation: Relation
    precision: Precision | None = None  # the granularity of the value
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: Monday 1
    season: str | None = None  # TIMEX3 code: SP, SU, FA, WI
    quarter: int | None = None
    half: int | None = None
    holiday: str | None = None  # a name of lexicon.FIXED_HOLIDAYS or WEEKDAY_HOLIDAYS
    part_of_day: str | None = None  # TIMEX3 code: MO, AF, EV, NI
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None  # as written: 'GMT', 'ET' (TIMEX3 values carry no zone, so it is not resolved)
    step: int | None = None  # granules to move: 'last week' -1, 'the following day' 1
    amount: float | None = None  # units counted, as written: 'two days ago' 2, '1.5 years ago'; None when vague
    unit: Precision | CountUnit | None = None  # the granule stepped ('last week'), or the unit counted ('two weeks ago')
    direction: Direction | None = None  # last, next, this
    tense: Tense | None = None  # a tense the words themselves imply ("Friday's close": past)
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX …
    year_stated: bool = True  # False when calendar words leave the year out ("Nov. 22", "in March")
    value: str | None = None  # what the words settle alone: "P12D", "P1W" (a set), "PRESENT_REF"
    day_of: Description | None = None  # the day a clock time falls on, when the words name it
    moves_reference: bool = True  # False for comparisons ("up from $2 a year earlier"): the story stays put
    what: str = field(default="", compare=False)  # the words as the explanation quotes them


def length(value: str, what: str, mod: str | None = None) -> Description:
    """A length of time the words settle alone: 'a 12-day ceasefire' is P12D."""
    return Description(TimexType.DURATION, Relation.ABSOLUTE, value=value, mod=mod, what=what)


def repeated(value: str, what: str) -> Description:
    """A repeated time the words settle alone: 'every week' is P1W, 'every Friday' XXXX-WXX-5."""
    return Description(TimexType.SET, Relation.ABSOLUTE, value=value, what=what)
