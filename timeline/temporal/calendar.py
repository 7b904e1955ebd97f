"""Calendar arithmetic for TIMEX3 values: granules of time at a precision.

A :class:`Point` is "the year 1997", "November 2023", "ISO week 45 of 2024",
"the evening of 1 Nov 2024". It knows its TIMEX3 value string, its interval,
and how to step to neighbours. Nothing here reads text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from ..model import Interval, Precision

# Each precision's rank, coarse to fine (events/merge.py orders by it).
RANK = {p: p.rank for p in Precision}

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_OF_DAY_HOURS = {"MO": (5, 12), "AF": (12, 18), "EV": (18, 24), "NI": (20, 30), "DT": (6, 18)}

# Units that a text can count in ("two weeks ago") and how far one of them moves a date.
UNIT_DELTA = {
    "D": relativedelta(days=1), "W": relativedelta(weeks=1), "M": relativedelta(months=1),
    "Q": relativedelta(months=3), "Y": relativedelta(years=1), "DE": relativedelta(years=10),
    "CE": relativedelta(years=100), "H": relativedelta(hours=1), "MIN": relativedelta(minutes=1),
    "2W": relativedelta(weeks=2),
}

# Steps of a fixed length, added as timedelta (several times faster than relativedelta).
_FIXED_STEP = {Precision.WEEK: timedelta(weeks=1), Precision.DAY: timedelta(days=1),
               Precision.HOUR: timedelta(hours=1), Precision.MINUTE: timedelta(minutes=1)}

MIN_YEAR, MAX_YEAR = 1, 9999


@dataclass(frozen=True)
class Point:
    """A granule of time: its precision, the moment it starts, and a part-of-day code."""

    precision: Precision
    start: datetime
    part: str | None = None  # MO/AF/EV/NI/DT for part_of_day; SP/SU/FA/WI for season

    # -- construction -------------------------------------------------
    @staticmethod
    def of(precision: Precision | str, moment: datetime | date, part: str | None = None) -> Point:
        """The granule at ``precision`` that contains ``moment``."""
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day)
        return Point(Precision(precision), _floor(moment, precision, part), part)

    @staticmethod
    def season(year: int, code: str) -> Point:
        return Point(Precision.SEASON, datetime(year, SEASON_START_MONTH[code], 1), code)

    # -- reading --------------------------------------------------------
    @property
    def year(self) -> int:
        return self.start.year

    @property
    def value(self) -> str:
        s, p = self.start, self.precision
        if p == "century":
            return f"{s.year // 100:02d}"
        if p == "decade":
            return f"{s.year // 10:03d}"
        if p == "year":
            return f"{s.year:04d}"
        if p == "half":
            return f"{s.year:04d}-H{1 if s.month <= 6 else 2}"
        if p == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if p == "season":
            return f"{s.year:04d}-{self.part}"
        if p == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if p in ("week", "weekend"):
            iso_year, week, _ = s.isocalendar()
            return f"{iso_year:04d}-W{week:02d}" + ("-WE" if p == "weekend" else "")
        if p == "day":
            return f"{s.year:04d}-{s.month:02d}-{s.day:02d}"
        if p == "part_of_day":
            return f"{s.year:04d}-{s.month:02d}-{s.day:02d}T{self.part}"
        if p == "hour":
            return f"{s.year:04d}-{s.month:02d}-{s.day:02d}T{s.hour:02d}"
        return f"{s.year:04d}-{s.month:02d}-{s.day:02d}T{s.hour:02d}:{s.minute:02d}"

    @property
    def interval(self) -> Interval:
        begin = self.start
        if self.precision == "part_of_day":
            lo, hi = PART_OF_DAY_HOURS.get(self.part or "", (0, 24))
            begin = self.start + timedelta(hours=lo)
            end = _safe_add(self.start, relativedelta(hours=hi))
        elif self.precision == "season":
            end = _safe_add(self.start, relativedelta(months=3))
        elif self.precision == "weekend":
            end = _safe_add(self.start, relativedelta(days=2))
        else:
            end = _safe_add(self.start, _FIXED_STEP.get(self.precision) or self.precision.step)
        return Interval(begin, end, self.precision)

    # -- moving ----------------------------------------------------------
    def shift(self, steps: int) -> Point:
        """The granule ``steps`` positions later (earlier when negative) at the same precision."""
        return replace(self, start=_move(self.start, self.precision.step * steps))

    def shift_by(self, amount: int, unit: str) -> Point:
        """Move by a counted unit ("3 weeks"), keeping this point's precision."""
        return Point.of(self.precision, _move(self.start, UNIT_DELTA[unit] * amount), self.part)


def _floor(moment: datetime, precision: str, part: str | None) -> datetime:
    y = moment.year
    if precision == "century":
        return datetime(max(MIN_YEAR, y // 100 * 100), 1, 1)
    if precision == "decade":
        return datetime(max(MIN_YEAR, y // 10 * 10), 1, 1)
    if precision == "year":
        return datetime(y, 1, 1)
    if precision == "half":
        return datetime(y, 1 if moment.month <= 6 else 7, 1)
    if precision == "quarter":
        return datetime(y, (moment.month - 1) // 3 * 3 + 1, 1)
    if precision == "season":
        start_month = SEASON_START_MONTH[part or "SP"]
        if start_month == 12 and moment.month < 12:
            y -= 1
        return datetime(max(MIN_YEAR, y), start_month, 1)
    if precision == "month":
        return datetime(y, moment.month, 1)
    day = datetime(y, moment.month, moment.day)
    if precision == "week":
        return max(datetime(MIN_YEAR, 1, 1), day - timedelta(days=day.weekday()))
    if precision == "weekend":
        monday = day - timedelta(days=day.weekday())
        return monday + timedelta(days=5)
    if precision in ("day", "part_of_day"):
        return day
    if precision == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    return moment.replace(second=0, microsecond=0)


def _move(moment: datetime, delta: relativedelta) -> datetime:
    """Move a granule's start; past year 1 or 9999 there is no granule, which callers must hear about."""
    try:
        return moment + delta
    except (OverflowError, ValueError) as err:
        raise OverflowError(f"{moment.date()} moved by {delta} leaves the calendar") from err


def _safe_add(moment: datetime, delta: relativedelta | timedelta) -> datetime:
    """Add, clamping at the ends of the calendar Python can represent."""
    try:
        return moment + delta
    except (OverflowError, ValueError):
        if isinstance(delta, timedelta):
            return datetime.max if delta >= timedelta(0) else datetime.min
        return datetime.max if (delta.years or delta.months or delta.days or delta.hours) >= 0 else datetime.min


def compare_precision(a: str, b: str) -> int:
    """Negative when ``a`` is coarser than ``b``."""
    return Precision(a).rank - Precision(b).rank


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR
