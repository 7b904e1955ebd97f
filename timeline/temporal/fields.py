"""Reading a match's groups as numbers (years in digits or words, days of a month), and the calendar granule
a description's fields name in a given year."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..model import Precision
from . import lexicon as lx
from .calendar import Point, valid_year
from .description import Description
from .patterns import spelled_year_value
from .resolve import NotADate


def optional(m: re.Match, group: str) -> str | None:
    """A group's words, or None when the rule has no such group or it did not take part."""
    return m.group(group) if group in m.re.groupindex else None


def has_year(m: re.Match) -> bool:
    return bool(optional(m, "year") or optional(m, "spelled"))


def read_year(m: re.Match, group: str = "year") -> int:
    """The year a group names: '1997', "'97", 'nineteen ninety-seven'."""
    if group == "year" and not optional(m, "year") and optional(m, "spelled"):
        return spelled_year_value(m.group("spelled"))
    text = m.group(group).lstrip("'’")
    year = int(text)
    if len(text) == 2:
        year += 1900 if year > 30 else 2000
    if not valid_year(year):
        raise NotADate(text)
    return year


def year_step(words: str) -> int:
    """Years from the publication year: 'last year' -1, 'next year' 1, 'this year' and 'the year' 0."""
    direction = lx.DIRECTION_WORDS.get(words.lower().split()[0])
    return lx.DIRECTION_STEPS[direction] if direction else 0


def day_point(year: int, month: int, day: int) -> Point:
    """The day, or NotADate for one the calendar lacks (31 February)."""
    try:
        return Point.of("day", datetime(year, month, day))
    except ValueError as err:
        raise NotADate(f"{year}-{month}-{day}") from err


def holiday_point(name: str, year: int) -> Point:
    """The day a holiday falls on in a year."""
    if name in lx.FIXED_HOLIDAYS:
        return day_point(year, *lx.FIXED_HOLIDAYS[name])
    month, iso_weekday, nth, days_after = lx.WEEKDAY_HOLIDAYS[name]
    if nth > 0:
        first = datetime(year, month, 1)
        day = first + timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = (datetime(year, month + 1, 1) if month < 12 else datetime(year + 1, 1, 1)) - timedelta(days=1)
        day = last - timedelta(days=(last.isoweekday() - iso_weekday) % 7)
    return Point.of("day", day + timedelta(days=days_after))


def granule(d: Description, year: int) -> Point:
    """The granule the fields of ``d`` name in ``year``: no reference time needed once the year is known."""
    if d.holiday:
        return holiday_point(d.holiday, year)
    if d.precision == Precision.MINUTE:
        try:
            return Point.of(Precision.MINUTE, datetime(year, d.month, d.day, d.hour, d.minute))
        except ValueError as err:
            raise NotADate(f"{year}-{d.month}-{d.day}T{d.hour}:{d.minute}") from err
    if d.precision in (Precision.DAY, Precision.WEEK):
        return Point.of(d.precision, day_point(year, d.month, d.day).start)
    if d.precision == Precision.SEASON:
        return Point.season(year, d.season)
    month = {Precision.MONTH: d.month, Precision.QUARTER: 3 * (d.quarter or 1) - 2,
             Precision.HALF: 6 * (d.half or 1) - 5}.get(d.precision, 1)
    return Point.of(d.precision, datetime(year, month, 1))


def checked(d: Description) -> Description:
    """An absolute description, once its date is known to exist (no 31 February): NotADate otherwise."""
    granule(d, d.year)
    return d
