"""Calendar dates: full, numeric and ISO dates, a month and day, a month and year, a month alone."""

from __future__ import annotations

import re

from ...model import Precision, TimexType
from .. import lexicon as lx
from ..description import Description, Relation
from ..fields import checked, read_year, year_step
from ..find import YEAR_DIGITS, Trigger
from ..guards import both, cue_before_ambiguous_month, ends_phrase, names_ok, year_ok
from ..lexicon import Direction
from ..patterns import DAY_NUMBER, DAY_SUFFIX, M_, POS, WD, YS, D, Y, month_number, position_mod
from ..resolve import NotADate
from ..rule import Example, Part, Rule


def full_date(m: re.Match) -> Description:
    return checked(Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=read_year(m),
                               month=month_number(m.group("month")), day=int(m.group("day")),
                               what="a full calendar date"))


def iso_date(m: re.Match) -> Description:
    y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
    if m.group("hh"):
        return checked(Description(TimexType.TIME, Relation.ABSOLUTE, Precision.MINUTE, year=y, month=mo, day=d,
                                   hour=int(m.group("hh")), minute=int(m.group("mm")),
                                   what="an ISO 8601 date and time"))
    return checked(Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=y, month=mo, day=d,
                               what="an ISO 8601 date"))


def numeric_date(m: re.Match) -> Description:
    """'11/22/2023': the first two numbers as written (month first); resolving knows which order the texts use."""
    return Description(TimexType.DATE, Relation.NUMERIC, Precision.DAY, year=read_year(m), month=int(m.group("a")),
                       day=int(m.group("b")))


def month_day(m: re.Match) -> Description:
    month, day = month_number(m.group("month")), int(m.group("day"))
    if day > 31:
        raise NotADate(m.group(0))
    return Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, month=month, day=day, year_stated=False,
                       what=f"{m.group('month')} {day} without a year")


def day_pair(m: re.Match) -> list[Part]:
    """'April 24 and 25': two days of one month (and one year, when it is written after the second)."""
    month, year = month_number(m.group("month")), read_year(m) if m.group("year") else None
    parts = []
    for group in ("day", "day2"):
        day = int(m.group(group))
        reading = Description(TimexType.DATE, Relation.ABSOLUTE if year else Relation.NEAREST, Precision.DAY,
                              year=year, month=month, day=day, year_stated=year is not None,
                              what=f"{m.group('month')} {day}" + ("" if year else " without a year"))
        if day > 31:
            raise NotADate(m.group(0))
        parts.append(Part(m.start() if group == "day" else m.start(group), m.end(group),
                          checked(reading) if year else reading))
    return parts


def two_days_end_phrase(m: re.Match, text: str) -> bool:
    """'on April 24 and 25, 1999': the second number is a day only when no noun follows it ('24 and 25 people')."""
    return names_ok(m, text) and ends_phrase(text, m.end()) and int(m.group("day")) < int(m.group("day2"))


def week_of(m: re.Match) -> Description:
    """'the week of March 6': the ISO week holding that day."""
    month, day = month_number(m.group("month")), int(m.group("day"))
    if m.group("year"):
        return checked(Description(TimexType.DATE, Relation.ABSOLUTE, Precision.WEEK, year=read_year(m), month=month,
                                   day=day, what="the week of a full date"))
    return Description(TimexType.DATE, Relation.NEAREST, Precision.WEEK, month=month, day=day, year_stated=False,
                       what=f"{m.group('month')} {day} without a year")


def month_year(m: re.Match) -> Description:
    month, mod = month_number(m.group("month")), position_mod(m.group("pos"))
    if m.group("yrel"):  # "June last year", "April next year": the year counted from the DCT
        words = " ".join(m.group("yrel").lower().split())
        if words.startswith("of "):  # "in August of that year": the year last mentioned
            return Description(TimexType.DATE, Relation.FROM_MENTION, Precision.MONTH, month=month, unit=Precision.YEAR,
                               step=0, mod=mod, what=f"{m.group('month')} {words}")
        return Description(TimexType.DATE, Relation.FROM_DCT, Precision.MONTH, month=month, unit=Precision.YEAR,
                           step=year_step(words), mod=mod, what=f"{m.group('month')} of {words}")
    return Description(TimexType.DATE, Relation.ABSOLUTE, Precision.MONTH, year=read_year(m), month=month, mod=mod,
                       what="a month and year")


def month_alone(m: re.Match) -> Description:
    return Description(TimexType.DATE, Relation.NEAREST, Precision.MONTH, month=month_number(m.group("month")),
                       direction=lx.DIRECTION_WORDS.get(" ".join((m.group("rel") or "").lower().split())),
                       mod=position_mod(m.group("pos")), year_stated=False, what=f"{m.group('month')} without a year")


def day_of_month(m: re.Match) -> Description:
    """'the 22nd': a day of the month last mentioned, else of the DCT's month."""
    return Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, day=int(m.group("day")))


MONTH_NAMES = Trigger.of(lx.MONTHS)

RULES: list[Rule] = [
    Rule("iso_date", YEAR_DIGITS,
         r"\b(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:[t ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?\b",
         iso_date,
         (Example("filed on 2024-02-26.", None, "2024-02-26", "2024-02-26",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=2024, month=2, day=26)),
          Example("at 2024-11-01T14:05 UTC", None, "2024-11-01T14:05", "2024-11-01T14:05", "TIME",
                  reads=Description(TimexType.TIME, Relation.ABSOLUTE, Precision.MINUTE, year=2024, month=11, day=1,
                                    hour=14, minute=5)))),
    Rule("numeric_date", Trigger.of("/"),
         r"(?<![\d/.])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4}|\d{2})(?![\d/])",
         numeric_date,
         (Example("the vote on 11/22/2023 was close", None, "11/22/2023", "2023-11-22",
                  reads=Description(TimexType.DATE, Relation.NUMERIC, Precision.DAY, year=2023, month=11, day=22)),)),
    Rule("month_day_year", MONTH_NAMES, rf"\b{WD}{M_}\s*{D},?\s*{Y}\b", full_date,
         (Example("Hamas's October 7, 2023, massacre", None, "October 7, 2023", "2023-10-07",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=2023, month=10, day=7)),
          Example("since Sept. 11, 2001 the rules", None, "Sept. 11, 2001", "2001-09-11"),
          Example("on Monday, Nov. 22, 2021 he spoke", None, "Monday, Nov. 22, 2021", "2021-11-22"))),
    Rule("day_month_year", MONTH_NAMES, rf"\b{WD}{D}\s+(?:of\s+)?{M_},?\s*{Y}\b", full_date,
         (Example("| 26 February 2024, Monday |", None, "26 February 2024", "2024-02-26"),
          Example("on the 7th of October 2023", None, "7th of October 2023", "2023-10-07",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=2023, month=10, day=7)))),
    Rule("week_of", MONTH_NAMES, rf"\bthe\s+week\s+of\s+{M_}\s*{D}\b(?:,?\s*{Y}\b)?", week_of,
         (Example("a court hearing the week of March 6, he said", "2000-02-24", "the week of March 6", "2000-W10",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.WEEK, month=3, day=6,
                                    year_stated=False)),
          Example("during the week of Oct. 9, 2023", None, "the week of Oct. 9, 2023", "2023-W41",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.WEEK, year=2023, month=10, day=9))),
         guard=names_ok),
    Rule("day_pair", MONTH_NAMES,
         rf"\b{M_}\s*{D}\s+(?:and|or|&)\s+(?P<day2>{DAY_NUMBER}){DAY_SUFFIX}\b(?:,?\s*{Y}\b)?(?![ \t]*(?:,[ \t]*)?\d|:\d|%)",
         day_pair,
         (Example("the festival on June 14 and 15. Tickets sold out", "1999-02-10", "15", "1999-06-15"),
          Example("the festival on June 14 and 15. Tickets sold out", "1999-02-10", "June 14", "1999-06-14"),
          Example("votes on Nov. 8 and 9, 2022, were counted", None, "9", "2022-11-09"),
          Example("on June 3 or 4 the board meets", "2024-05-01", "4", "2024-06-04")),
         guard=two_days_end_phrase),
    Rule("month_day", MONTH_NAMES, rf"\b{WD}{M_}\s*{D}\b(?![ \t]*(?:,[ \t]*)?\d|:\d|%)", month_day,
         (Example("a nationwide address on Nov. 22.", "2024-02-26", "Nov. 22", "2023-11-22",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, month=11, day=22,
                                    year_stated=False)),
          Example("The deadline is March 30.", "2024-02-26", "March 30", "2024-03-30"),
          Example("after Oct. 7 could have", "2024-02-26", "Oct. 7", "2023-10-07"),
          Example("Hamas's October 7, 2023, massacre. Hostages abducted on October 7 remain.", "2024-11-01",
                  "October 7", "2023-10-07")),
         guard=names_ok),
    Rule("day_month", MONTH_NAMES, rf"\b{WD}(?:the\s+)?{D}\s+(?:of\s+)?{M_}(?![ \t]*,?[ \t]*\d)", month_day,
         (Example("on 7 October Hamas attacked", "2024-02-26", "7 October", "2023-10-07",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, month=10, day=7,
                                    year_stated=False)),),
         guard=names_ok),
    Rule("month_year", MONTH_NAMES,
         rf"\b{POS}{M_},?\s+(?:of\s+)?(?:{YS}|(?P<yrel>(?:this|last|next)\s+year|of\s+(?:that|the\s+same)\s+year))\b",
         month_year,
         (Example("prices in March 2024 rose", None, "March 2024", "2024-03"),
          Example("in early January 1998", None, "early January 1998", "1998-01", mod="START",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.MONTH, year=1998, month=1,
                                    mod='START')),
          Example("the bomb in January nineteen ninety-seven", None, "January nineteen ninety-seven", "1997-01"),
          Example("Pol Pot was arrested in June last year.", "1998-02-19", "June last year", "1997-06",
                  reads=Description(TimexType.DATE, Relation.FROM_DCT, Precision.MONTH, month=6, step=-1,
                                    unit=Precision.YEAR)),
          Example("They join in April next year.", "1998-12-03", "April next year", "1999-04"),
          Example("He was arrested on 12 June 2024 and charged with fraud in August of that year.", "2025-03-01",
                  "August of that year", "2024-08",
                  reads=Description(TimexType.DATE, Relation.FROM_MENTION, Precision.MONTH, month=8, step=0,
                                    unit=Precision.YEAR)),
          Example("The law passed in 1997 and took effect in March of the same year.", None,
                  "March of the same year", "1997-03")),
         guard=both(names_ok, year_ok)),
    Rule("month_alone", MONTH_NAMES,
         rf"\b{POS}(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past)\s+)?{M_}(?![ \t.]*\d)",
         month_alone,
         (Example("In September, Israel assassinated Nasrallah", "2024-11-01", "September", "2024-09"),
          Example("released 105 civilians during a weeklong truce in late November", "2024-11-01",
                  "late November", "2023-11", mod="END",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.MONTH, month=11, mod='END',
                                    year_stated=False)),
          Example("Israel had killed 17,000 combatants as of August", "2024-11-01", "August", "2024-08"),
          Example("In January, he was killed.", "2024-06-21", "January", "2024-01"),
          Example("The talks will resume next March.", "2024-06-21", "next March", "2025-03",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.MONTH, month=3,
                                    direction=Direction.NEXT, year_stated=False))),
         guard=cue_before_ambiguous_month),
    Rule("day_of_month", Trigger(digits=1, digits_then="snrt"),  # "22nd", "1st", "3rd", "4th"
         rf"\bthe\s+(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)\b(?=\s*[,.;)]|\s+(?:and|or|to)\b)",
         day_of_month,
         (Example("The talks resumed on the 22nd.", "2024-02-26", "the 22nd", "2024-02-22",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, day=22)),)),
]
