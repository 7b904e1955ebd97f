"""Holidays: the lexicon's table of holidays turned into one rule."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .. import lexicon as lx
from ..calendar import Point
from ..fields import day_point, read_year
from ..find import Trigger
from ..guards import names_ok
from ..patterns import Y
from ..resolve import absolute, nearest_with_year
from ..rule import Example, Reading, Rule, given, placed

_NAMES = sorted({*lx.FIXED_HOLIDAYS, *lx.WEEKDAY_HOLIDAYS}, key=len, reverse=True)
HOLIDAY = "|".join(re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]") for name in _NAMES)
# Each name's longest word is in every match of it ("christmas", "thanksgiving", "patrick").
_KEY_WORDS = {max(re.findall(r"[a-z]+", name), key=len) for name in _NAMES}


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


def holiday(m: re.Match) -> Reading:
    name = " ".join(m.group("holiday").lower().replace("’", "'").split())
    if m.group("year"):
        return given(absolute(holiday_point(name, read_year(m)), f"{name.title()} of a stated year"))
    return placed(nearest_with_year, make=lambda y: holiday_point(name, y), what=f"{name.title()} without a year")


RULES: list[Rule] = [
    Rule("holiday", Trigger.of(_KEY_WORDS), rf"\b(?P<holiday>{HOLIDAY})\b(?:,?\s+{Y}\b)?", holiday,
         (Example("on Christmas Eve they met", "2024-12-30", "Christmas Eve", "2024-12-24"),
          Example("Thanksgiving Day 1998", None, "Thanksgiving Day 1998", "1998-11-26"),
          Example("voters went to the polls on Election Day 2020", None, "Election Day 2020", "2020-11-03"),
          Example("over Memorial Day 2024", None, "Memorial Day 2024", "2024-05-27")),
         guard=names_ok),
]
