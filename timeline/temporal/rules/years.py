"""Years and the spans named after them: a year, a range of years, a fiscal year, decades, centuries, seasons."""

from __future__ import annotations

import re

from ...model import Precision, TimexType
from .. import lexicon as lx
from ..calendar import valid_year
from ..description import Description, Relation
from ..fields import has_year, read_year
from ..find import YEAR_DIGITS, Trigger
from ..guards import season_ok, short_year_ok, span_ok, year_ok
from ..lexicon import Direction
from ..patterns import DECADE_WORD, ORDINAL, POS, SEASON, SPELLED_YEAR, YS, Y, position_mod
from ..resolve import NotADate
from ..rule import Example, Part, Rule


def _year(year: int, what: str, mod: str | None = None) -> Description:
    return Description(TimexType.DATE, Relation.ABSOLUTE, Precision.YEAR, year=year, mod=mod, what=what)


def year_only(m: re.Match) -> Description:
    return _year(read_year(m), "a year", position_mod(m.group("pos")))


def year_span(m: re.Match) -> list[Part]:
    first = read_year(m, "year")
    second_text = m.group("year2")
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not first < second <= first + 100 or not valid_year(second):
        raise NotADate(m.group(0))
    return [
        Part(m.start("year"), m.end("year"), _year(first, "a year, start of a range")),
        Part(m.start("year2"), m.end("year2"), _year(second, "a year, end of a range")),
    ]


def fiscal_year(m: re.Match) -> Description:
    return _year(read_year(m), "a fiscal year, shown as its calendar year")


def decade(m: re.Match) -> Description:
    mod = position_mod(m.group("pos"))
    if m.group("dec"):
        year = int(m.group("dec"))
        if year % 100 == 0 and not m.group("pos"):
            return Description(TimexType.DATE, Relation.ABSOLUTE, Precision.CENTURY, year=year,
                               what="a century written as its first year ('the 1800s')")
    elif m.group("short"):
        short = int(m.group("short"))
        year = (1900 if short > 20 else 2000) + short
    else:
        year = 1900 + 10 * lx.DECADE_WORDS[m.group("word").lower()]
    return Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DECADE, year=year, mod=mod, what="a decade")


def century(m: re.Match) -> Description:
    number = lx.ORDINALS[m.group("ord").lower()]
    if number < 1:
        raise NotADate(m.group(0))
    return Description(TimexType.DATE, Relation.ABSOLUTE, Precision.CENTURY, year=max(1, (number - 1) * 100),
                       mod=position_mod(m.group("pos")), what="a century")


def season(m: re.Match) -> Description:
    code = lx.SEASONS[m.group("season").lower()]
    mod = position_mod(m.group("pos"))
    if has_year(m):
        return Description(TimexType.DATE, Relation.ABSOLUTE, Precision.SEASON, year=read_year(m), season=code,
                           mod=mod, what="a season and year")
    return Description(TimexType.DATE, Relation.NEAREST, Precision.SEASON, season=code, mod=mod,
                       direction=lx.DIRECTION_WORDS.get(" ".join((m.group("rel") or "").lower().split())),
                       year_stated=False, what=f"{m.group('season')} without a year")


def short_year(m: re.Match) -> Description:
    """"'82", "’09": a year written with its last two digits (before 31: this century)."""
    return _year(read_year(m), "a year written with two digits")


def spelled_year(m: re.Match) -> Description:
    """'nineteen ninety-six', 'the year two thousand': years as broadcast transcripts write them."""
    return _year(read_year(m), "a year written in words")


RULES: list[Rule] = [
    Rule("year_span", YEAR_DIGITS, rf"\b{Y}\s*[-–]\s*(?P<year2>\d{{4}}|\d{{2}})\b(?![-–]\d)", year_span,
         (Example("the 2009-2010 season", None, "2009", "2009"),
          Example("the 2009-10 season", None, "10", "2010",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.YEAR, year=2010))),
         guard=span_ok),
    Rule("fiscal_year", Trigger.of("fiscal", "fy"),
         r"\b(?:fiscal(?:\s+year)?\s+|fy\s?)(?P<year>(?:19|20)\d\d|'?\d\d)\b", fiscal_year,
         (Example("earnings for fiscal 1998 fell", None, "fiscal 1998", "1998",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.YEAR, year=1998)),
          Example("in FY2024 revenue", None, "FY2024", "2024"))),
    Rule("year", YEAR_DIGITS, rf"\b{POS}(?:(?:the\s+)?year\s+)?{Y}\b(?!['’]?s\b)", year_only,
         (Example("In 1997, Netanyahu ordered", None, "1997", "1997"),
          Example("a botched 1997 attempt", None, "1997", "1997"),
          Example("entered the Strip in 2014 and 2015", None, "2015", "2015"),
          Example("in mid-2015 the group", None, "mid-2015", "2015", mod="MID",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.YEAR, year=2015, mod='MID')),
          Example("in 1988 and 1989", None, "1988", "1988"),
          Example("the post-1945 order in Europe", None, "1945", "1945"),
          Example("output is back to pre-1990 levels", None, "1990", "1990")),
         guard=year_ok),
    Rule("decade", Trigger.of(lx.DECADE_WORDS, digits=2, digits_then="s'’"),
         rf"\b(?:the\s+)?{POS}(?:the\s+)?(?:(?P<dec>1\d\d0|20\d0)['’]?s\b|['’](?P<short>\d0)['’]?s\b|(?P<word>{DECADE_WORD})\b)",
         decade,
         (Example("violence in the 1990s", None, "the 1990s", "199"),
          Example("since the late '80s", None, "the late '80s", "198", mod="END",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DECADE, year=1980, mod='END')),
          Example("during the nineties", None, "the nineties", "199"))),
    Rule("century", Trigger.of("century"), rf"\b{POS}(?:the\s+)?(?P<ord>{ORDINAL})[\s-]+century\b", century,
         (Example("in the 20th century", None, "the 20th century", "19",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.CENTURY, year=1900)),
          Example("by the end of the nineteenth century", None, "the end of the nineteenth century", "18",
                  mod="END"))),
    Rule("season", Trigger.of(lx.SEASONS),
         rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the)\s+)?{POS}(?P<season>{SEASON})\b"
         rf"(?:\s+(?:of\s+)?{YS}\b)?",
         season,
         (Example("the attack last summer", "2024-06-21", "last summer", "2023-SU",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.SEASON, season='SU',
                                    direction=Direction.LAST, year_stated=False)),
          Example("They pledged to join protests this summer.", "1998-03-22", "this summer", "1998-SU"),
          Example("in the spring of 1998", None, "the spring of 1998", "1998-SP",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.SEASON, year=1998, season='SP')),
          Example("in the winter of nineteen ninety-four", None, "the winter of nineteen ninety-four", "1994-WI")),
         guard=season_ok),
    Rule("spelled_year", Trigger.of("nineteen", "eighteen", "seventeen", "thousand"),
         rf"\b(?:the\s+year\s+)?(?P<spelled>{SPELLED_YEAR})\b",
         spelled_year,
         (Example("back in nineteen ninety-six", None, "nineteen ninety-six", "1996",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.YEAR, year=1996)),
          Example("by the year two thousand", None, "the year two thousand", "2000"))),
    Rule("short_year", Trigger.of(f"{mark}{digit}" for mark in "'’" for digit in "0123456789"),
         r"(?<![\w'’])['’](?P<year>\d\d)\b(?!['’]?s\b|[.,:]\d|%)",
         short_year,
         (Example("the class of '82 met again", None, "'82", "1982",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.YEAR, year=1982)),
          Example("He has lived there since ’09.", None, "’09", "2009")),
         guard=short_year_ok),
]
