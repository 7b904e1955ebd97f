"""Placers for expressions whose place depends on the story: the period under discussion, the day last
mentioned, the clause's tense. Each takes the context and the facts a rule read from the words.

Together with resolve.py these are the only code that reads the publication date, the tense and the
date mentioned last.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from ..model import Anchor, Precision, TimexType
from .calendar import Point, compare_precision
from .description import Description
from .fields import day_point
from .lexicon import Direction
from .resolve import (
    Context,
    NotADate,
    Resolution,
    absolute,
    counted_from_anchor,
    from_dct,
    in_reference_frame,
    nearest_with_year,
    reference,
    unresolved,
)
from .tense import Tense

_PERIODS = (Precision.QUARTER, Precision.HALF, Precision.MONTH)  # reporting periods a story discusses


def numeric_date(ctx: Context, a: int, b: int, year: int) -> Resolution:
    """03/04/2024: month first unless the tagger was told the texts write the day first."""
    month, day = (b, a) if ctx.day_first else (a, b)
    if month > 12 and day <= 12:
        month, day = day, month
    order = "day/month/year" if ctx.day_first else "month/day/year"
    return absolute(day_point(year, month, day), f"a numeric date read as {order}")


def month_day(ctx: Context, month: int, day: int, what: str) -> Resolution:
    """'Oct. 7': the year of the same date written in full earlier in the text, else the nearest."""
    year = (ctx.known_years or {}).get((month, day))
    if year is None:
        return nearest_with_year(ctx, lambda y: day_point(y, month, day), what)
    point = day_point(year, month, day)
    return Resolution(TimexType.DATE, point.value, None, point, Anchor.MENTION,
                      f"{what}: the year of the same date written in full earlier")


def week_holding(ctx: Context, month: int, day: int, what: str) -> Resolution:
    """'the week of March 6': the ISO week holding the day, once the day's year is chosen."""
    found = nearest_with_year(ctx, lambda y: day_point(y, month, day), what)
    if found.point is None:  # no DCT: the year, and so the week, stay unknown
        return Resolution(TimexType.DATE, "XXXX-WXX", None, None, None, f"the week of {found.how}")
    week = Point.of(Precision.WEEK, found.point.start)
    return Resolution(TimexType.DATE, week.value, None, week, found.anchor, f"the week of {found.how}")


def in_year_from_dct(ctx: Context, make: Callable[[int], Point], steps: int, what: str, mod: str | None = None) -> Resolution:
    """'June last year', 'the first quarter of next year': a part of the year counted from the DCT's."""
    if ctx.dct is None:
        return unresolved(make(2000), f"{what}; no publication date", mod, year_only=True)
    point = make(ctx.dct.year + steps)
    return Resolution(TimexType.DATE, point.value, mod, point, Anchor.DCT, f"{what}, from the publication date")


def day_of_month(ctx: Context, day: int) -> Resolution:
    """'the 22nd': a day of the month last mentioned, else of the month nearest the DCT that the tense allows."""
    if ctx.reference is not None and ctx.reference.precision in ("month", "day", "part_of_day"):
        base = ctx.reference.start
        return in_reference_frame(ctx, lambda p: day_point(base.year, base.month, day), f"day {day}")
    if ctx.dct is None:
        return from_dct(ctx, Precision.DAY, 0, f"day {day}")
    candidates = []
    for offset in (-1, 0, 1):
        month_index = ctx.dct.year * 12 + ctx.dct.month - 1 + offset
        try:
            candidates.append(day_point(month_index // 12, month_index % 12 + 1, day))
        except NotADate:
            continue
    dct_day = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day)
    if ctx.tense == Tense.FUTURE:
        point = next((p for p in candidates if p.start >= dct_day), candidates[-1])
    elif ctx.tense == Tense.PAST:
        point = [p for p in candidates if p.start <= dct_day][-1]
    else:
        point = min(candidates, key=lambda p: abs(p.start - dct_day))
    return Resolution(TimexType.DATE, point.value, None, point, Anchor.DCT,
                      f"day {day} of the month nearest the publication date")


def quarter_in_story(ctx: Context, current: bool) -> Resolution:
    """'the quarter', 'the latest quarter': the quarter under discussion, else the last full one (this one, if
    the clause looks ahead or the words say 'current')."""
    if not current and ctx.reference is not None and ctx.reference.precision == Precision.QUARTER:
        return in_reference_frame(ctx, lambda p: p, "the same quarter")
    if current or (ctx.dct is not None and ctx.tense == Tense.FUTURE):
        return from_dct(ctx, Precision.QUARTER, 0, "the current quarter")
    return from_dct(ctx, Precision.QUARTER, -1, "the last full quarter")


def reported_period(ctx: Context, adjective: Direction | None, shift: int, phrase: str) -> Resolution:
    """'the quarter', 'the latest quarter' (LAST), 'the current quarter' (THIS), 'the year-earlier quarter' (shift
    -4): the period under discussion."""
    if adjective == Direction.THIS:
        return from_dct(ctx, Precision.QUARTER, 0, "the quarter under way")
    if adjective != Direction.LAST and ctx.reference is not None and ctx.reference.precision == Precision.QUARTER:
        resolution = in_reference_frame(ctx, lambda p: p.shift(shift), f"'{phrase}'")
        resolution.moves_reference = not shift
        return resolution
    if ctx.dct is None and adjective != Direction.LAST:
        return from_dct(ctx, Precision.QUARTER, 0, "the quarter")
    return from_dct(ctx, Precision.QUARTER, -1 + shift, "the last full quarter before")


def year_before_period(ctx: Context) -> Resolution:
    """'year-earlier', 'year-ago': the period under discussion, a year before; a comparison, so the story stays."""
    if ctx.reference is not None and ctx.reference.precision in _PERIODS:
        precision = ctx.reference.precision
        return in_reference_frame(ctx, lambda p: Point.of(precision, p.start).shift_by(-1, "Y"), "a year before")
    return from_dct(ctx, Precision.YEAR, -1, "the year before")


def period_in_year(ctx: Context, year: int, unit: Precision | None = None) -> Resolution:
    """'the 1988 period': the reporting period under discussion, in that year. 'the 1988 quarter' with no period
    under discussion is the quarter a report of the publication date gives its results for (the last full one), in
    that year: a quarter, not the whole of 1988."""
    if ctx.reference is not None and ctx.reference.precision in _PERIODS:
        base = ctx.reference
        point = Point.of(base.precision, base.start.replace(year=year))
        return Resolution(TimexType.DATE, point.value, None, point, Anchor.MENTION,
                          f"the period of '{ctx.reference_text}' ({base.value}), in {year}")
    if unit == Precision.QUARTER and ctx.dct is not None:
        last = Point.of(Precision.QUARTER, ctx.dct).shift(-1)
        point = Point.of(Precision.QUARTER, last.start.replace(year=year))
        return Resolution(TimexType.DATE, point.value, None, point, Anchor.DCT,
                          f"the quarter of the last full one before the publication date ({last.value}), in {year}")
    return absolute(Point.of(Precision.YEAR, datetime(year, 1, 1)), "a year")


def period_edge(ctx: Context, unit: Precision, mod: str | None, phrase: str) -> Resolution:
    """'by the end of the year': the story's year when a past clause follows a dated mention, else the DCT's."""
    if ctx.reference is not None and ctx.tense == Tense.PAST and compare_precision(ctx.reference.precision, unit) >= 0:
        return in_reference_frame(ctx, lambda p: Point.of(unit, p.start), f"'{phrase}'", mod)
    return from_dct(ctx, unit, 0, f"'{phrase}'", mod)


def weekend(ctx: Context) -> Resolution:
    """'the weekend': the one of the publication week, or the one before it when the clause is not in the future."""
    if ctx.dct is None:
        return from_dct(ctx, Precision.WEEKEND, 0, "the weekend")
    current = Point.of(Precision.WEEKEND, ctx.dct)
    if ctx.tense != Tense.FUTURE and current.start > ctx.dct:
        return Resolution(TimexType.DATE, current.shift(-1).value, None, current.shift(-1), Anchor.DCT,
                          "the weekend before the publication date (past tense)")
    return Resolution(TimexType.DATE, current.value, None, current, Anchor.DCT, "the weekend of the publication week")


_VAGUE = {"D": "PXD", "W": "PXW", "M": "PXM", "Y": "PXY", "DE": "PXDE"}  # the length a vague count stands for


def _whole_units(amount: float, unit: str) -> tuple[int, str]:
    """A count in whole units of the calendar: a fortnight is two weeks, 1.5 years 18 months, a decade 10 years."""
    if unit == "2W":
        amount, unit = amount * 2, "W"
    if amount != int(amount):
        unit, amount = {"Y": ("M", amount * 12), "M": ("D", amount * 30), "W": ("D", amount * 7)}.get(unit, (unit, amount))
    if unit in ("DE", "CE"):
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    return int(amount), unit


def counted(ctx: Context, d: Description, from_mention: bool) -> Resolution:
    """'two weeks ago' (from the DCT), 'two months later' (from the date last mentioned).

    "A year ago" after a quarter is the same quarter a year before ("up from $2 a year ago"). An amount
    the words leave vague ("several years ago") is a vague reference, once there is something to count from.
    """
    year_ago = not from_mention and d.unit == "Y" and d.direction == Direction.LAST
    follows_period = year_ago and ctx.reference is not None and ctx.reference.precision in (Precision.QUARTER,
                                                                                            Precision.HALF)
    use_reference = from_mention or follows_period
    if d.amount is None:
        if ctx.dct is None and not (use_reference and ctx.reference):
            return counted_from_anchor(ctx, 1, d.unit, d.precision, use_reference, d.what, d.mod)
        return reference("PAST_REF" if d.direction == Direction.LAST else "FUTURE_REF",
                         f"{d.what}: an unspecified amount ({_VAGUE.get(d.unit, 'PXY')}) from the publication date")
    amount, unit = _whole_units(d.amount, d.unit)
    sign = -1 if d.direction == Direction.LAST else 1
    return counted_from_anchor(ctx, sign * amount, unit, d.precision, use_reference, d.what, d.mod)


def clock(ctx: Context, hour: int | None, minute: int | None, day: Callable[[Context], Resolution] | None,
          mod: str | None, part: str | None = None) -> Resolution:
    """'10:35 a.m. Friday', 'mid-afternoon yesterday': the time (or part of day, when no hour is given) on the day
    the words name, else on the day last mentioned, else the DCT's."""
    if day is not None:
        found = day(ctx)
    elif ctx.reference is not None and ctx.reference.precision in (Precision.DAY, Precision.PART_OF_DAY):
        found = in_reference_frame(ctx, lambda p: Point.of(Precision.DAY, p.start), "the day")
    else:
        found = from_dct(ctx, Precision.DAY, 0, "the day")
    label = part if hour is None else f"{hour:02d}:{minute:02d}"
    if found.point is None:
        return Resolution(TimexType.TIME, f"{found.value}T{label}", mod, None, None, f"{label} on {found.how}")
    start = found.point.start
    point = Point.of(Precision.PART_OF_DAY, start, part) if hour is None else \
        Point.of(Precision.MINUTE, start.replace(hour=hour, minute=minute))
    return Resolution(TimexType.TIME, point.value, mod, point, found.anchor, f"{label} on {found.value} ({found.how})")


def same_period_a_year_before(ctx: Context, precision: Precision | None, now: bool, what: str) -> Resolution:
    """'the same month a year ago', 'the same period last year': the granule under discussion, a year before
    ('this time last year': the publication date's month). A comparison, so the story stays where it was."""
    if not now and ctx.reference is not None:
        unit = precision or (ctx.reference.precision if ctx.reference.precision in _PERIODS else Precision.YEAR)
        if compare_precision(ctx.reference.precision, unit) >= 0:
            return in_reference_frame(ctx, lambda p: Point.of(unit, p.start).shift_by(-1, "Y"), what)
    unit = Precision.MONTH if now else precision or Precision.YEAR
    if ctx.dct is None:
        return unresolved(Point.of(unit, datetime(2000, 1, 3)), f"{what}; no publication date")
    point = Point.of(unit, ctx.dct).shift_by(-1, "Y")
    return Resolution(TimexType.DATE, point.value, None, point, Anchor.DCT, f"{what}, a year before the publication date")


def this_period_around_now(ctx: Context, precision: Precision, what: str, mod: str | None,
                           part: str | None) -> Resolution:
    """'earlier this year' runs from the start of the year to the publication date; 'later this year' from the
    day after it to the end of the year. The TIMEX3 value is the year with its START or END."""
    resolution = from_dct(ctx, precision, 0, what, mod, part)
    if resolution.point is None or ctx.dct is None or precision.rank >= Precision.DAY.rank:
        return resolution
    begin, end = resolution.point.interval.begin, resolution.point.interval.end
    today = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day)
    span = (begin, today) if mod == "START" else (today + timedelta(days=1), end)
    if span[0] < span[1]:
        resolution.span = span
        resolution.how += ", up to the publication date" if mod == "START" else ", after the publication date"
    return resolution
