"""Reading a match's groups as numbers: years (in digits or words), days of a month."""

from __future__ import annotations

import re
from datetime import datetime

from . import lexicon as lx
from .calendar import Point, valid_year
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
