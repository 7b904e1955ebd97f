"""Reporting periods as business news writes them: quarters, halves, 'the year-earlier period', year end."""

from __future__ import annotations

import re

from ...model import Precision, TimexType
from .. import lexicon as lx
from ..description import Description, Relation, length
from ..fields import read_year, year_step
from ..find import Trigger
from ..guards import after_for_or_part_of, year_ok
from ..lexicon import Direction
from ..patterns import YEAR4, Y, position_mod
from ..rule import Example, Rule


def _in_year(precision: Precision, what: str, **fields) -> Description:
    return Description(TimexType.DATE, Relation.ABSOLUTE, precision, what=what, **fields)


def quarter(m: re.Match) -> Description:
    which = " ".join(m.group("ord").lower().split()) if m.group("ord") else ""
    year_words = (m.group("of") or "").lower()
    if m.group("q"):
        number = int(m.group("q"))
    elif which in lx.ORDINALS and 1 <= lx.ORDINALS[which] <= 4:
        number = lx.ORDINALS[which]
    else:  # "the latest quarter", "the current quarter"
        return Description(TimexType.DATE, Relation.QUARTER_IN_STORY, Precision.QUARTER,
                           direction=lx.DIRECTION_WORDS.get(which))
    if m.group("year") or m.group("year0"):
        return _in_year(Precision.QUARTER, "a quarter of a year", year=read_year(m, "year" if m.group("year") else "year0"),
                        quarter=number)
    if m.group("yrel"):
        year_words = f"{m.group('yrel')} year"
    if year_words:
        return Description(TimexType.DATE, Relation.FROM_DCT, Precision.QUARTER, quarter=number, unit=Precision.YEAR,
                           step=year_step(year_words), what=f"quarter {number} of {year_words}")
    return Description(TimexType.DATE, Relation.NEAREST, Precision.QUARTER, quarter=number, year_stated=False,
                       what=f"quarter {number} without a year")


def half_year(m: re.Match) -> Description:
    which = m.group("ord").lower() if m.group("ord") else ""
    number = int(m.group("h")) if m.group("h") else (1 if which == "first" else 2)
    if m.group("year"):
        return _in_year(Precision.HALF, "a half of a year", year=read_year(m), half=number)
    frame = " ".join((m.group("of") or "this year").lower().split())
    return Description(TimexType.DATE, Relation.FROM_DCT, Precision.HALF, half=number, unit=Precision.YEAR,
                       step=year_step(frame), what=f"half {number} of {frame}")


def reported_period(m: re.Match) -> Description:
    """'the quarter', 'the latest quarter', 'the year-earlier quarter': the period under discussion."""
    return Description(TimexType.DATE, Relation.PERIOD, Precision.QUARTER, unit=Precision.QUARTER,
                       direction=lx.DIRECTION_WORDS.get(" ".join((m.group("adj") or "").lower().split())),
                       step=-4 if m.group("ago") or m.group("ago_after") else 0, what=" ".join(m.group(0).split()))


def year_ago_adjective(m: re.Match) -> Description:
    """'year-earlier', 'year-ago': the period under discussion, a year before."""
    return Description(TimexType.DATE, Relation.PERIOD, unit=Precision.YEAR, step=-1, moves_reference=False)


def year_period(m: re.Match) -> Description:
    """'the 1988 period': the reporting period under discussion, in that year ('the 1988 quarter': a quarter)."""
    unit = Precision.QUARTER if m.group(0).lower().endswith("quarter") else None
    return Description(TimexType.DATE, Relation.PERIOD, year=read_year(m), unit=unit, moves_reference=False)


def reporting_year(m: re.Match) -> Description:
    """'the year ended June 30' is a twelve-month span; 'the full year' and 'the fiscal year' the current one."""
    if m.group("closing"):
        return length("P1Y", "a reporting year: a length of time of one year")
    return Description(TimexType.DATE, Relation.FROM_DCT, Precision.YEAR, unit=Precision.YEAR, step=0,
                       what=f"'{' '.join(m.group(0).split())}'")


def period_edge(m: re.Match) -> Description:
    """'by the end of the year', 'year-end': the current year (month, quarter) of the story, at its edge."""
    unit = Precision((m.group("unit") or m.group("unit2")).lower())
    mod = position_mod(re.sub(r"\s+in$", "", m.group("pos"))) if m.group("pos") else "END"  # "earlier in" -> START
    return Description(TimexType.DATE, Relation.EDGE, unit, unit=unit, mod=mod, what=" ".join(m.group(0).split()))


def the_year(m: re.Match) -> Description:
    """'for the year', 'the first nine months of the year': the year under discussion."""
    return Description(TimexType.DATE, Relation.EDGE, Precision.YEAR, unit=Precision.YEAR,
                       what=" ".join(m.group(0).split()))


_SAME_UNITS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "quarter": Precision.QUARTER,
               "season": Precision.SEASON, "period": None, "time": None}


def same_period_a_year_before(m: re.Match) -> Description:
    """'the same month a year ago', 'the same period last year', 'this time last year' (the publication month)."""
    return Description(TimexType.DATE, Relation.SAME_A_YEAR_BEFORE, _SAME_UNITS.get((m.group("unit") or "").lower()),
                       unit=Precision.YEAR, step=-1, direction=Direction.THIS if m.group("now") else None,
                       moves_reference=False, what=f"'{' '.join(m.group(0).split())}'")


RULES: list[Rule] = [
    Rule("quarter", Trigger.of("quarter", "q1", "q2", "q3", "q4"),
         rf"\b(?:the\s+(?P<year0>{YEAR4})\s+|(?P<yrel>this|last|next)\s+year['’]s\s+|the\s+(?!\w+-quarter))?"
         rf"(?:fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|past|previous|most\s+recent"
         rf"|last|current)[\s-]+(?:fiscal[\s-]+)?quarter|q(?P<q>[1-4]))\b"
         rf"(?:(?:\s+of|,)?\s+(?:{Y}\b|(?P<of>last\s+year|this\s+year|next\s+year)))?",
         quarter,
         (Example("profit in the third quarter rose", "1989-10-26", "the third quarter", "1989-Q3"),
          Example("Q3 2024 results", None, "Q3 2024", "2024-Q3",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.QUARTER, year=2024, quarter=3)),
          Example("third-quarter net income fell", "1989-10-26", "third-quarter", "1989-Q3"),
          Example("than the 1988 third quarter", None, "the 1988 third quarter", "1988-Q3"),
          Example("next year's first quarter", "1989-10-31", "next year's first quarter", "1990-Q1",
                  reads=Description(TimexType.DATE, Relation.FROM_DCT, Precision.QUARTER, quarter=1, step=1,
                                    unit=Precision.YEAR)),
          Example("in the fiscal first quarter", "1989-10-31", "the fiscal first quarter", "1989-Q1",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.QUARTER, quarter=1, year_stated=False)),
          Example("the third-quarter loss", "1989-10-31", "third-quarter", "1989-Q3"),
          Example("Profit rose in the latest quarter.", "1989-10-26", "the latest quarter", "1989-Q3",
                  reads=Description(TimexType.DATE, Relation.QUARTER_IN_STORY, Precision.QUARTER, direction=Direction.LAST)),
          Example("Sales will rise in the current quarter.", "1989-10-26", "the current quarter", "1989-Q4",
                  reads=Description(TimexType.DATE, Relation.QUARTER_IN_STORY, Precision.QUARTER,
                                    direction=Direction.THIS)))),
    Rule("half_year", Trigger.of("half", "h1", "h2"),
         rf"\b(?:the\s+)?(?:(?P<ord>first|second|latter|last)\s+half|h(?P<h>[12]))(?:\s+of)?"
         rf"(?:\s+(?:{Y}\b|(?P<of>the\s+year|this\s+year|last\s+year|next\s+year)))",
         half_year,
         (Example("in the first half of 2024 sales", None, "the first half of 2024", "2024-H1"),
          Example("in the second half of the year", "2024-03-03", "the second half of the year", "2024-H2",
                  reads=Description(TimexType.DATE, Relation.FROM_DCT, Precision.HALF, half=2, step=0,
                                    unit=Precision.YEAR)))),
    Rule("reported_period", Trigger.of("quarter", "period"),
         r"\bthe\s+(?:(?P<adj>latest|current|comparable|same|most\s+recent)\s+)?(?P<ago>(?:year[\s-](?:earlier|ago)|prior[\s-]year)\s+)?"
         r"(?:fiscal\s+)?(?:quarter|(?<=latest\s)period|(?<=recent\s)period)\b(?!\s+(?:of|century|mile|final|finals)\b)"
         r"(?P<ago_after>\s+a\s+year\s+(?:ago|earlier))?",
         reported_period,
         (Example("Profit in the third quarter of 1989 rose; the quarter was strong.", None, "the quarter", "1989-Q3"),
          Example("Profit in the third quarter of 1989 rose from the year-earlier quarter.", None,
                  "the year-earlier quarter", "1988-Q3",
                  reads=Description(TimexType.DATE, Relation.PERIOD, Precision.QUARTER, step=-4,
                                    unit=Precision.QUARTER)),
          Example("Net income for the quarter fell.", "1989-10-26", "the quarter", "1989-Q3"),
          Example("Sales in the latest period were $1.76 billion.", "1989-11-02", "the latest period", "1989-Q3",
                  reads=Description(TimexType.DATE, Relation.PERIOD, Precision.QUARTER, step=0,
                                    unit=Precision.QUARTER, direction=Direction.LAST)),
          Example("Profit in the third quarter of 1989 rose; for the quarter a year ago it fell.", None,
                  "the quarter a year ago", "1988-Q3"))),
    Rule("year_ago_adjective", Trigger.of("year"),
         r"\b(?:the\s+(?:comparable\s+)?)?(?:year-(?:earlier|ago)|(?:year\s(?:earlier|ago)|prior[\s-]year)"
         r"(?=\s+(?:period|level|figure|results|quarter|month|nine|six|first|second|third|fourth)))"
         r"(?:\s+(?:(?:first|second|third|fourth)\s+quarter|period|nine\s+months|six\s+months))?\b",
         year_ago_adjective,
         (Example("Sales in the third quarter of 1989 beat the year-earlier period.", None, "the year-earlier period",
                  "1988-Q3",
                  reads=Description(TimexType.DATE, Relation.PERIOD, step=-1, unit=Precision.YEAR,
                                    moves_reference=False)),
          Example("Sales in the third quarter of 1989 beat year-ago levels.", None, "year-ago", "1988-Q3"))),
    Rule("year_period", Trigger.of("period", "quarter"), rf"\bthe\s+{Y}\s+(?:period|quarter)\b", year_period,
         (Example("Profit in the third quarter of 1989 fell from the 1988 period.", None, "the 1988 period", "1988-Q3",
                  reads=Description(TimexType.DATE, Relation.PERIOD, year=1988, moves_reference=False)),
          Example("Profit in the third quarter of 1989 beat the 1988 quarter.", None, "the 1988 quarter", "1988-Q3"),
          Example("revenue in the 1988 quarter fell", None, "the 1988 quarter", "1988"),
          # no period under discussion: the quarter a report of its day gives results for, in that year (not 1988)
          Example("Acme earned $376,000 on revenue of $14.5 million in the 1988 quarter.", "1989-10-30",
                  "the 1988 quarter", "1988-Q3"),
          # look-alike: a "period" may be nine months or a year: the year it names
          Example("Acme earned $20.6 million in the 1988 period.", "1989-10-30", "the 1988 period", "1988")),
         guard=year_ok),
    Rule("reporting_year", Trigger.of("year"),
         r"\bthe\s+(?:(?:fiscal|financial)\s+)?year(?=\s+(?P<closing>ended|ending)\b)|\bthe\s+(?:full|fiscal)\s+year\b",
         reporting_year,
         (Example("revenue of $76 million for the year ended March 31", "1989-10-31", "the year", "P1Y", "DURATION",
                  reads=Description(TimexType.DURATION, Relation.ABSOLUTE, value='P1Y')),
          Example("Sales for the full year were $6.6 billion.", "1989-10-31", "the full year", "1989",
                  reads=Description(TimexType.DATE, Relation.FROM_DCT, Precision.YEAR, step=0, unit=Precision.YEAR)),
          Example("lower earnings for the fiscal year.", "1989-10-31", "the fiscal year", "1989"))),
    Rule("period_edge", Trigger.of("end", "beginning", "start", "middle", "close", "earlier", "later"),
         r"\b(?:(?P<pos>(?:the\s+)?(?:beginning|start|middle|end|close)\s+of|earlier\s+in|later\s+in)\s+the\s+"
         r"(?P<unit>year|month|week|quarter)"
         r"|(?P<unit2>year|month|quarter)(?:['’]s)?[\s-]end)\b",
         period_edge,
         (Example("complete the deal by the end of the year.", "1989-10-31", "the end of the year", "1989", mod="END"),
          Example("It is expected to close around year end.", "1989-10-31", "year end", "1989", mod="END"),
          Example("In 1997 he joined. By the end of the year he had left.", "2024-11-01", "the end of the year", "1997",
                  mod="END"),
          Example("Use was delayed earlier in the year by rains.", "1989-10-26", "earlier in the year", "1989",
                  mod="START",
                  reads=Description(TimexType.DATE, Relation.EDGE, Precision.YEAR, unit=Precision.YEAR, mod='START')))),
    Rule("same_period_year_before", Trigger.of("same", "time"),
         r"\b(?:the\s+same\s+(?P<unit>day|week|month|quarter|season|period|time)|(?P<now>this\s+time))\s+"
         r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year|the\s+year\s+before)\b",
         same_period_a_year_before,
         (Example("In March sales fell 3%, down from the same month a year ago.", "2015-04-10", "the same month a year ago",
                  "2014-03",
                  reads=Description(TimexType.DATE, Relation.SAME_A_YEAR_BEFORE, Precision.MONTH, step=-1,
                                    unit=Precision.YEAR, moves_reference=False)),
          Example("Profit in the third quarter of 1989 beat the same period last year.", None,
                  "the same period last year", "1988-Q3"),
          Example("This time last year the talks had collapsed.", "2015-04-10", "This time last year", "2014-04",
                  reads=Description(TimexType.DATE, Relation.SAME_A_YEAR_BEFORE, step=-1, unit=Precision.YEAR,
                                    direction=Direction.THIS, moves_reference=False)),
          Example("Sales rose from the same period last year.", "2015-04-10", "the same period last year", "2014"))),
    Rule("the_year", Trigger.of("year"),
         r"\bthe\s+year\b(?!\s+(?:before|after|earlier|ago|ended|ending|two|to\s+come)\b|[-'’])",
         the_year,
         (Example("For the year, pet food volume was flat.", "1989-10-31", "the year", "1989",
                  reads=Description(TimexType.DATE, Relation.EDGE, Precision.YEAR, unit=Precision.YEAR)),
          Example("revenue through the first nine months of the year rose", "1989-10-31", "the year", "1989"),
          Example("In 1997 he joined the board. For the year, he was paid $1 million.", "2024-11-01", "the year",
                  "1997")),
         guard=after_for_or_part_of),
]
