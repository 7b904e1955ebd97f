"""Clock times, with the day they fall on when the text gives one."""

from __future__ import annotations

import re

from ...model import Precision
from .. import lexicon as lx
from .. import place
from ..fields import day_point
from ..find import Trigger
from ..guards import names_ok
from ..patterns import DAY_NUMBER, MONTH, WEEKDAY, month_number, quantity_mod
from ..resolve import NotADate, from_dct, nearest_with_year, weekday
from ..rule import Example, Reading, Rule, placed


def _hour_minute(m: re.Match) -> tuple[int, int]:
    if m.group("word"):
        return (12, 0) if m.group("word").lower() in ("noon", "midday") else (0, 0)
    hour, minute = int(m.group("hh")), int(m.group("mm") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if hour > 23 or minute > 59 or (ampm and not 1 <= hour <= 12):
        raise NotADate(m.group(0))
    if ampm == "pm" and hour != 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return hour, minute


def _day(m: re.Match) -> Reading | None:
    """The day the words put the time on, if they name one."""
    if m.group("month"):
        month, day = month_number(m.group("month")), int(m.group("day"))
        return placed(nearest_with_year, make=lambda y: day_point(y, month, day), what=f"{m.group('month')} {day}")
    if m.group("wd"):
        return placed(weekday, iso_weekday=lx.WEEKDAYS[m.group("wd").lower().rstrip(".")], what=m.group("wd"))
    if m.group("dayword"):
        words = m.group("dayword")
        return placed(from_dct, precision=Precision.DAY, steps=lx.DEICTIC_DAYS[" ".join(words.lower().split())],
                      what=f"'{words}'")
    return None


def clock_time(m: re.Match) -> Reading:
    hour, minute = _hour_minute(m)
    day = _day(m)
    return placed(place.clock, hour=hour, minute=minute, day=day.resolve if day else None,
                  mod=quantity_mod(m.group("qmod")))


RULES: list[Rule] = [
    Rule("clock_time", Trigger.of("a.m", "p.m", "a. m", "p. m", "am", "pm", "noon", "midnight", "midday"),
         rf"\b(?:(?P<qmod>about|around|approximately|at\s+about|shortly\s+after|shortly\s+before)\s+)?"
         rf"(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>[ap]\.[ ]?m\.?|[ap]m\b)|(?P<word>noon|midnight|midday))"
         rf"(?:\s+(?:[a-z]{{2}}[sd]?t|gmt|utc)\b)?"
         rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})\b\.?|(?P<dayword>today|yesterday|tomorrow)\b"
         rf"|(?P<month>{MONTH})\b\.?\s*(?P<day>{DAY_NUMBER})\b))?",
         clock_time,
         (Example("at 10:35 a.m. Friday", "2024-11-01", "10:35 a.m. Friday", "2024-11-01T10:35", "TIME"),
          Example("polls close at 8 p.m. EST tomorrow", "2024-11-04", "8 p.m. EST tomorrow", "2024-11-05T20:00", "TIME"),
          Example("bids are due by 5 p.m. EST Nov. 9", "1989-11-02", "5 p.m. EST Nov. 9", "1989-11-09T17:00", "TIME")),
         guard=names_ok),
]
