"""Clock times, with the day they fall on when the text gives one."""

from __future__ import annotations

import re

from ...model import Precision, TimexType
from .. import lexicon as lx
from ..description import Description, Relation
from ..fields import optional
from ..find import Trigger
from ..guards import both, ends_phrase, names_ok, word_before
from ..patterns import DAY_NUMBER, MONTH, WEEKDAY, alternation, month_number, position_mod, quantity_mod
from ..resolve import NotADate
from ..rule import Example, Rule


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


def _day(m: re.Match) -> Description | None:
    """The day the words put the time on, if they name one."""
    if m.group("month"):
        month, day = month_number(m.group("month")), int(m.group("day"))
        return Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, month=month, day=day, year_stated=False,
                           what=f"{m.group('month')} {day}")
    if m.group("wd"):
        return Description(TimexType.DATE, Relation.WEEKDAY, Precision.DAY,
                           weekday=lx.WEEKDAYS[m.group("wd").lower().rstrip(".")], what=m.group("wd"))
    if m.group("dayword"):
        words = m.group("dayword")
        return Description(TimexType.DATE, Relation.FROM_DCT, Precision.DAY, unit=Precision.DAY,
                           step=lx.DEICTIC_DAYS[" ".join(words.lower().split())], what=f"'{words}'")
    return None


def _clock(m: re.Match, hour: int, minute: int) -> Description:
    """The time on the day the words name, else on the day last mentioned, else on the DCT's."""
    day = _day(m)
    zone = optional(m, "zone")
    return Description(TimexType.TIME, Relation.ON_DAY, Precision.MINUTE, hour=hour, minute=minute,
                       zone=zone.upper() if zone else None, mod=quantity_mod(m.group("qmod")), day_of=day,
                       year_stated=day.year_stated if day else True)


def zone_or_preposition(m: re.Match, text: str) -> bool:
    """A 24-hour time needs a zone ("18:00 UTC", "0900 ET") or, written with a colon, a word of time before it
    ("until 15:00"): a bare "3:15" may be a score, a ratio or a verse."""
    if m.group("zone"):
        return True
    return bool(m.group("mm")) and (bool(m.group("qmod")) or word_before(text, m.start()) in lx.CLOCK_PREPOSITIONS)


def not_a_restatement(m: re.Match, text: str) -> bool:
    """'at 10:35 a.m. (0735 GMT)': the time in parentheses restates the one before it."""
    before = text[max(0, m.start() - 12):m.start()].rstrip()
    return not (before.endswith("(") and re.search(r"(?:\d|[ap]\.?m\.?)\s*\($", before, re.IGNORECASE))


def clock_24h(m: re.Match) -> Description:
    """'18:00 UTC', '0900 ET': a 24-hour clock, the time as written in its zone (TIMEX3 values carry no zone)."""
    return _clock(m, int(m.group("hh")), int(m.group("mm") or m.group("mm4")))


def clock_time(m: re.Match) -> Description:
    return _clock(m, *_hour_minute(m))


def clock_in_part(m: re.Match) -> Description:
    """'4 in the morning', '10 at night': an hour on a 12-hour clock, the part of day saying which half."""
    hour, minute = int(m.group("hh")), int(m.group("mm") or 0)
    if m.group("part") in ("afternoon", "evening") or (m.group("night") and hour >= 6):
        hour = hour % 12 + 12
    elif hour == 12:
        hour = 0  # "12 in the morning", "12 at night": midnight
    return _clock(m, hour, minute)


def part_of_day_time(m: re.Match) -> Description:
    """'mid-afternoon yesterday', 'by early evening': a part of a day, on the day named, else the one in the story."""
    day = _day(m)
    return Description(TimexType.TIME, Relation.ON_DAY, Precision.PART_OF_DAY,
                       part_of_day=lx.PARTS_OF_DAY[m.group("part").lower()], mod=position_mod(m.group("pos")),
                       day_of=day, year_stated=day.year_stated if day else True)


def not_high_noon(m: re.Match, text: str) -> bool:
    """'high noon comes today' is a showdown, not 12:00."""
    return not (m.group("word") and word_before(text, m.start()) == "high")


def clock_word_before(m: re.Match, text: str) -> bool:
    """'at 4 in the morning' is a time; 'led 4 in the morning session' is a score."""
    return bool(m.group("qmod")) or "clock" in m.group(0).lower() or word_before(text, m.start()) in lx.CLOCK_PREPOSITIONS


def day_named_or_phrase_ends(m: re.Match, text: str) -> bool:
    """'mid-afternoon Friday' or 'by mid-afternoon,' is a time; 'late afternoon trading' names a kind of trading;
    'the morning' is one only after a preposition of time ('orders placed in the morning', not 'the morning news')."""
    if m.group("the") and word_before(text, m.start()) not in lx.PART_OF_DAY_PREPOSITIONS:
        return False
    return names_ok(m, text) and (_day(m) is not None or ends_phrase(text, m.end()))


_QMOD = r"(?:(?P<qmod>about|around|approximately|at\s+about|shortly\s+after|shortly\s+before)\s+)?"
_ZONE = rf"(?P<zone>{alternation(lx.TIME_ZONES)})\b(?:[+-]\d{{1,2}})?"
# The day a time falls on, when the words name it: "Friday", "tomorrow", "Nov. 9".
_ON_DAY = (rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})\b\.?|(?P<dayword>today|yesterday|tomorrow)\b"
           rf"|(?P<month>{MONTH})\b\.?\s*(?P<day>{DAY_NUMBER})\b))?")

RULES: list[Rule] = [
    Rule("clock_time", Trigger.of("a.m", "p.m", "a. m", "p. m", "am", "pm", "noon", "midnight", "midday"),
         rf"\b(?:(?P<qmod>about|around|approximately|at\s+about|shortly\s+after|shortly\s+before)\s+)?"
         rf"(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>[ap]\.[ ]?m\.?|[ap]m\b)|(?P<word>noon|midnight|midday))"
         rf"(?:\s+\(?{_ZONE}\)?)?{_ON_DAY}",
         clock_time,
         (Example("at 10:35 a.m. Friday", "2024-11-01", "10:35 a.m. Friday", "2024-11-01T10:35", "TIME",
                  reads=Description(TimexType.TIME, Relation.ON_DAY, Precision.MINUTE, hour=10, minute=35,
                                    day_of=Description(TimexType.DATE, Relation.WEEKDAY, Precision.DAY, weekday=5))),
          Example("polls close at 8 p.m. EST tomorrow", "2024-11-04", "8 p.m. EST tomorrow", "2024-11-05T20:00", "TIME"),
          Example("bids are due by 5 p.m. EST Nov. 9", "1989-11-02", "5 p.m. EST Nov. 9", "1989-11-09T17:00", "TIME"),
          Example("the rally will start at 7:15 p.m. (GMT+3) on Friday", "2024-10-30", "7:15 p.m. (GMT+3) on Friday",
                  "2024-11-01T19:15", "TIME")),
         guard=both(names_ok, not_high_noon)),
    Rule("clock_in_part", Trigger.of("morning", "afternoon", "evening", "night"),
         rf"\b{_QMOD}(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mm>[0-5]\d))?(?:\s+o['’]clock)?\s+"
         rf"(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b{_ON_DAY}",
         clock_in_part,
         (Example("The convoy will leave at 4 in the morning, officials said.", "2000-04-05", "4 in the morning",
                  "2000-04-05T04:00", "TIME",
                  reads=Description(TimexType.TIME, Relation.ON_DAY, Precision.MINUTE, hour=4, minute=0)),
          Example("The polls close at 10 at night on Friday.", "2024-11-01", "10 at night on Friday",
                  "2024-11-01T22:00", "TIME"),
          Example("The vote is due by 3 in the afternoon.", "2024-11-01", "3 in the afternoon", "2024-11-01T15:00",
                  "TIME")),
         guard=both(names_ok, clock_word_before)),
    Rule("part_of_day_time", Trigger.of("morning", "afternoon", "evening", "midmorning", "midafternoon"),
         rf"\b(?:(?P<pos>mid|early|late)[-\s]?|(?P<the>the\s+))(?P<part>morning|afternoon|evening)\b{_ON_DAY}",
         part_of_day_time,
         (Example("By mid afternoon the market had won back its losses.", "1998-03-06", "mid afternoon",
                  "1998-03-06TAF", "TIME", "MID",
                  reads=Description(TimexType.TIME, Relation.ON_DAY, Precision.PART_OF_DAY, part_of_day='AF',
                                    mod='MID')),
          Example("Shares slid in mid-afternoon yesterday.", "1989-11-02", "mid-afternoon yesterday", "1989-11-01TAF",
                  "TIME", "MID"),
          Example("The storm hit on May 3, 2024. By early evening the river rose.", None, "early evening",
                  "2024-05-03TEV", "TIME", "START"),
          Example("The strike began on Friday. Pickets gathered in the morning, then left.", "1989-10-30",
                  "the morning", "1989-10-27TMO", "TIME")),
         guard=day_named_or_phrase_ends),
    Rule("clock_24h", Trigger.of(":", digits=4),  # "18:00 UTC" has a colon, "0900 ET" four digits
         rf"\b{_QMOD}(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d)|(?P<mm4>[0-5]\d)(?=\s*(?:{alternation(lx.TIME_ZONES)})\b))"
         rf"(?![\d:])(?:\s*{_ZONE})?{_ON_DAY}",
         clock_24h,
         (Example("the strike came at 18:00 UTC", "2024-11-01", "18:00 UTC", "2024-11-01T18:00", "TIME",
                  reads=Description(TimexType.TIME, Relation.ON_DAY, Precision.MINUTE, hour=18, minute=0, zone='UTC')),
          Example("the truce holds until 15:00 GMT Saturday", "2024-11-01", "15:00 GMT Saturday", "2024-11-02T15:00",
                  "TIME"),
          Example("trading opens at 0900 ET tomorrow", "2024-11-04", "0900 ET tomorrow", "2024-11-05T09:00", "TIME"),
          Example("the vote closes at 20:30 on Friday", "2024-11-01", "20:30 on Friday", "2024-11-01T20:30", "TIME")),
         guard=both(names_ok, zone_or_preposition, not_a_restatement)),
]
