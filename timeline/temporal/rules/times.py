"""Clock times, with the day they fall on when the text gives one."""

from __future__ import annotations

import re

from ...model import TimexType
from .. import lexicon as lx
from ..calendar import Point
from ..fields import day_point
from ..find import Trigger
from ..guards import names_ok
from ..patterns import DAY_NUMBER, MONTH, WEEKDAY, month_number, quantity_mod
from ..resolve import (
    Context,
    NotADate,
    Resolution,
    from_dct,
    in_reference_frame,
    nearest_with_year,
    weekday,
)
from ..rule import Example, Rule


def clock_time(m: re.Match, ctx: Context) -> Resolution:
    if m.group("word"):
        hour, minute = (12, 0) if m.group("word").lower() in ("noon", "midday") else (0, 0)
    else:
        hour = int(m.group("hh"))
        minute = int(m.group("mm") or 0)
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if hour > 23 or minute > 59 or (ampm and not 1 <= hour <= 12):
            raise NotADate(m.group(0))
        if ampm == "pm" and hour != 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
    day_words = m.group("dayword")
    if m.group("month"):
        month, day_number = month_number(m.group("month")), int(m.group("day"))
        day = nearest_with_year(ctx, lambda y: day_point(y, month, day_number), f"{m.group('month')} {day_number}")
    elif m.group("wd"):
        day = weekday(ctx, lx.WEEKDAYS[m.group("wd").lower().rstrip(".")], m.group("wd"))
    elif day_words:
        day = from_dct(ctx, "day", lx.DEICTIC_DAYS[" ".join(day_words.lower().split())], f"'{day_words}'")
    elif ctx.reference is not None and ctx.reference.precision in ("day", "part_of_day"):
        day = in_reference_frame(ctx, lambda p: Point.of("day", p.start), "the day")
    else:
        day = from_dct(ctx, "day", 0, "the day")
    if day.point is None:
        return Resolution(TimexType.TIME, f"{day.value}T{hour:02d}:{minute:02d}", quantity_mod(m.group("qmod")), None,
                          None, f"{hour:02d}:{minute:02d} on {day.how}", year_stated=day.year_stated)
    point = Point.of("minute", day.point.start.replace(hour=hour, minute=minute))
    return Resolution(TimexType.TIME, point.value, quantity_mod(m.group("qmod")), point, day.anchor,
                      f"{hour:02d}:{minute:02d} on {day.value} ({day.how})", year_stated=day.year_stated)


RULES: list[Rule] = [
    Rule("clock_time", Trigger.of("m", "am", "pm", "noon", "midnight", "midday"),
         rf"\b(?:(?P<qmod>about|around|approximately|at\s+about|shortly\s+after|shortly\s+before)\s+)?"
         rf"(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)|(?P<word>noon|midnight|midday))"
         rf"(?:\s+(?:[a-z]{{2}}[sd]?t|gmt|utc)\b)?"
         rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})\b\.?|(?P<dayword>today|yesterday|tomorrow)\b"
         rf"|(?P<month>{MONTH})\b\.?\s*(?P<day>{DAY_NUMBER})\b))?",
         clock_time,
         (Example("at 10:35 a.m. Friday", "2024-11-01", "10:35 a.m. Friday", "2024-11-01T10:35", "TIME"),
          Example("polls close at 8 p.m. EST tomorrow", "2024-11-04", "8 p.m. EST tomorrow", "2024-11-05T20:00", "TIME"),
          Example("bids are due by 5 p.m. EST Nov. 9", "1989-11-02", "5 p.m. EST Nov. 9", "1989-11-09T17:00", "TIME")),
         guard=names_ok),
]
