"""Turn what a rule understood into a TIMEX3 value, using the publication date and the text.

Every helper returns a :class:`Resolution` with a one-line explanation of how
the value was reached. Without a DCT, anything relative stays underspecified
(X placeholders, no interval) instead of being read against the machine's clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from ..model import Anchor, Precision, TimexType
from .calendar import Point, compare_precision, valid_year
from .lexicon import Direction
from .tense import Tense, clause_tense


@dataclass
class Context:
    """What a resolver may look at besides the matched words."""

    dct: datetime | None
    day_first: bool = False  # read 03/04/2024 as 3 April rather than March 4
    reference: Point | None = None  # the date last mentioned in the text (narrative anchor)
    reference_text: str = ""
    known_years: dict[tuple[int, int], int] | None = None  # (month, day) -> year, from full dates written earlier
    text: str = ""
    span: tuple[int, int] = (0, 0)  # where the expression stands in ``text``

    @cached_property
    def tense(self) -> str:
        """past, present, future or unknown; worked out only for the rules that ask."""
        return clause_tense(self.text, *self.span) if self.text else Tense.UNKNOWN


@dataclass
class Resolution:
    type: TimexType
    value: str
    mod: str | None = None
    point: Point | None = None
    anchor: Anchor | None = None  # None for absolute values
    how: str = ""
    moves_reference: bool = True  # False for comparisons ("up from $2 a year earlier"): the story stays put
    year_stated: bool = True  # False when calendar words left the year out and it was chosen here
    span: tuple[datetime, datetime] | None = None  # the interval, when it is not the granule's (or its third's)


_SOON = timedelta(days=60)  # with no tense cue, an occurrence this close ahead beats the past one
_RECENT = timedelta(days=45)  # with a future cue, an occurrence that ended this recently still counts
_PREDATED = timedelta(days=14)  # with a past cue, a day this far after the DCT is still taken as meant


class NotADate(Exception):
    """Raised by a resolver when the words turn out not to be a usable date (e.g. 31 February)."""


# -- building blocks -------------------------------------------------------------

def absolute(point: Point, how: str, mod: str | None = None) -> Resolution:
    return Resolution(_date_or_time(point), point.value, mod, point, None, how)


def reference(value: str, how: str, type_: TimexType = TimexType.DATE) -> Resolution:
    """PAST_REF / PRESENT_REF / FUTURE_REF: vague times the TIMEX3 scheme names but does not place."""
    return Resolution(type_, value, None, None, None, how)


def duration(value: str, how: str, mod: str | None = None) -> Resolution:
    return Resolution(TimexType.DURATION, value, mod, None, None, how)


def frequency(value: str, how: str) -> Resolution:
    return Resolution(TimexType.SET, value, None, None, None, how)


def unresolved(sample: Point, how: str, mod: str | None = None, year_only: bool = False) -> Resolution:
    """A relative date with no DCT: X out what is unknown (the year alone when month and day were given)."""
    value = "XXXX" + sample.value[4:] if year_only else re.sub(r"\d", "X", sample.value)
    return Resolution(_date_or_time(sample), value, mod, None, None, how)


def _date_or_time(point: Point) -> str:
    return TimexType.TIME if compare_precision(point.precision, Precision.DAY) > 0 else TimexType.DATE


# -- relative to the publication date -------------------------------------------

def from_dct(ctx: Context, precision: str, steps: int, what: str, mod: str | None = None,
             part: str | None = None) -> Resolution:
    """'yesterday', 'last week', 'this year': the DCT's own granule, stepped."""
    if ctx.dct is None:
        return unresolved(Point.of(precision, datetime(2000, 1, 3), part), f"{what}; no publication date", mod)
    point = Point.of(precision, ctx.dct, part).shift(steps)
    return Resolution(_date_or_time(point), point.value, mod, point, Anchor.DCT, f"{what} of the publication date")


def counted_from_anchor(ctx: Context, amount: int, unit: str, precision: str, use_reference: bool,
                        what: str, mod: str | None = None) -> Resolution:
    """'two weeks ago' (from the DCT) or 'two months later' (from the date last mentioned)."""
    if use_reference and ctx.reference is not None:
        base = ctx.reference
        if compare_precision(base.precision, precision) < 0:
            precision = base.precision
        elif compare_precision(base.precision, precision) > 0 and unit in ("Y", "Q", "M"):
            precision = base.precision if compare_precision(base.precision, "day") <= 0 else "day"
        point = Point.of(precision, base.start, base.part).shift_by(amount, unit)
        return Resolution(_date_or_time(point), point.value, mod, point, Anchor.MENTION,
                          f"{what} from '{ctx.reference_text}' ({base.value}), mentioned earlier")
    if ctx.dct is None:
        return unresolved(Point.of(precision, datetime(2000, 1, 3)), f"{what}; no publication date", mod)
    point = Point.of(precision, ctx.dct).shift_by(amount, unit)
    return Resolution(_date_or_time(point), point.value, mod, point, Anchor.DCT, f"{what} from the publication date")


def nearest_with_year(ctx: Context, make: Callable[[int], Point], what: str, mod: str | None = None,
                      direction: Direction | None = None) -> Resolution:
    """A month, day or season without a year: choose the year from the DCT and the tense.

    Past clauses take the latest occurrence that had begun by the DCT ("in late
    November" written on 1 Nov 2024 is 2023); future clauses the earliest that
    has not ended; otherwise the occurrence nearest the DCT. A direction word
    (last, next, this) overrides the tense.
    """
    if ctx.dct is None:
        return unresolved(make(2000), f"{what}; no publication date to supply the year", mod, year_only=True)
    if direction is None and make(2000).precision == Precision.DAY:
        return _nearest_day(ctx, make, what)
    day_start = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day)
    spans = [(p, *narrow(p, mod)) for p in _occurrences_around(ctx.dct, make, what)]
    choose = _CHOOSE_OCCURRENCE.get(direction or ctx.tense, _choose_nearest)
    point, reason = choose(spans, day_start)
    return Resolution(_date_or_time(point), point.value, mod, point, Anchor.DCT, f"{what}: {reason}")


Spans = list[tuple[Point, datetime, datetime]]  # each occurrence with the part of it the words pick out


def _choose_last(spans: Spans, day_start: datetime) -> tuple[Point, str]:
    chosen = [p for p, _, end in spans if end <= day_start] or [spans[0][0]]
    return chosen[-1], "the last one that ended before the publication date"


def _choose_next(spans: Spans, day_start: datetime) -> tuple[Point, str]:
    chosen = [p for p, begin, _ in spans if begin > day_start] or [spans[-1][0]]
    return chosen[0], "the first one that begins after the publication date"


def _choose_this(spans: Spans, day_start: datetime) -> tuple[Point, str]:
    current = [p for p, begin, end in spans if begin <= day_start < end]
    if current:
        return current[0], "the one under way at the publication date"
    same_year = [p for p, _, _ in spans if p.start.year == day_start.year] or [p for p, _, _ in spans[1:2]]
    return same_year[0], "the one in the publication year"


def _choose_past(spans: Spans, day_start: datetime) -> tuple[Point, str]:
    chosen = [p for p, begin, _ in spans if begin <= day_start] or [spans[0][0]]
    return chosen[-1], "the latest one on or before the publication date (past tense)"


def _choose_future(spans: Spans, day_start: datetime) -> tuple[Point, str]:
    # A future cue rarely means a year ahead of something that ended days ago: that reading
    # usually comes from reported speech about a recent event, so just-ended occurrences count.
    chosen = [p for p, _, end in spans if end > day_start - _RECENT] or [spans[-1][0]]
    return chosen[0], "the next one from the publication date (future tense)"


def _choose_nearest(spans: Spans, day_start: datetime) -> tuple[Point, str]:
    current = [p for p, begin, end in spans if begin <= day_start < end]
    upcoming = [(p, begin) for p, begin, _ in spans if begin > day_start]
    earlier = [p for p, _, end in spans if end <= day_start]
    if current:
        return current[0], "the one under way at the publication date"
    if upcoming and (not earlier or upcoming[0][1] - day_start <= _SOON):
        return upcoming[0][0], "the next one, which is only weeks after the publication date"
    return earlier[-1], "the latest one before the publication date (news reports the past)"


# By direction word, else by the clause's tense; present and unknown tenses take the nearest.
_CHOOSE_OCCURRENCE = {Direction.LAST: _choose_last, Direction.NEXT: _choose_next, Direction.THIS: _choose_this,
                      Tense.PAST: _choose_past, Tense.FUTURE: _choose_future}


def _occurrences_around(dct: datetime, make: Callable[[int], Point], what: str) -> list[Point]:
    """The thing made for the DCT's year and the years either side, where it exists (no 29 Feb 2023)."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if not valid_year(year):
            continue
        try:
            candidates.append(make(year))
        except (ValueError, NotADate):
            continue
    if not candidates:
        raise NotADate(what)
    return candidates


def _nearest_day(ctx: Context, make: Callable[[int], Point], what: str) -> Resolution:
    """A day and month without a year: news leaves the year out for dates near the DCT.

    The nearest occurrence wins, unless the tense rules it out: a past event
    cannot lie more than two weeks after the DCT (reports are sometimes
    pre-dated), nor a future one more than six weeks before it.
    """
    dct = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day)
    candidates = _occurrences_around(dct, make, what)
    if ctx.tense == Tense.PAST:
        allowed = [p for p in candidates if p.start <= dct + _PREDATED] or candidates
    elif ctx.tense == Tense.FUTURE:
        allowed = [p for p in candidates if p.start >= dct - _RECENT] or candidates
    else:
        allowed = candidates
    point = min(allowed, key=lambda p: abs(p.start - dct))
    reason = "the occurrence nearest the publication date" + (f" consistent with the {ctx.tense} tense"
                                                               if ctx.tense in (Tense.PAST, Tense.FUTURE) else "")
    return Resolution(TimexType.DATE, point.value, None, point, Anchor.DCT, f"{what}: {reason}")


def weekday(ctx: Context, iso_weekday: int, what: str, explicit: Direction | Tense | None = None,
            part: str | None = None) -> Resolution:
    """'Friday', 'last Friday', 'next Friday' relative to the DCT and the tense (or the tense the words imply)."""
    precision = Precision.PART_OF_DAY if part else Precision.DAY
    if ctx.dct is None:
        value = f"XXXX-WXX-{iso_weekday}" + (f"T{part}" if part else "")
        return Resolution(TimexType.TIME if part else TimexType.DATE, value, None, None, None,
                          f"{what}; no publication date to count from")
    dct = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day)
    back = (dct.isoweekday() - iso_weekday) % 7  # days back to the same weekday, 0 if today
    ahead = (iso_weekday - dct.isoweekday()) % 7
    direction = explicit or ctx.tense
    if direction == Direction.LAST:
        day, reason = dct - timedelta(days=back or 7), f"the {what} before the publication date"
    elif direction == Direction.NEXT:
        day, reason = dct + timedelta(days=ahead or 7), f"the {what} after the publication date"
    elif direction == Direction.THIS:
        day, reason = dct - timedelta(days=dct.isoweekday() - iso_weekday), f"the {what} of the publication week"
    elif direction == Tense.PAST:
        day, reason = dct - timedelta(days=back), f"the {what} on or before the publication date, past tense"
    elif direction in (Tense.FUTURE, Tense.PRESENT):  # news uses the present for what is scheduled
        day, reason = dct + timedelta(days=ahead), f"the {what} on or after the publication date, future tense"
    else:
        day, reason = dct - timedelta(days=back), f"the {what} on or before the publication date (no tense cue)"
    point = Point.of(precision, day, part)
    return Resolution(_date_or_time(point), point.value, None, point, Anchor.DCT, reason)


def weekday_from_mention(ctx: Context, iso_weekday: int, what: str, step: int, part: str | None = None) -> Resolution:
    """'the previous Friday', 'the following Monday': counted from the day last mentioned, else the DCT."""
    precision = "part_of_day" if part else "day"
    if ctx.reference is not None and compare_precision(ctx.reference.precision, "day") >= 0:
        base, anchor = ctx.reference.start, Anchor.MENTION
        source = f"'{ctx.reference_text}' ({ctx.reference.value}), mentioned earlier"
    elif ctx.dct is not None:
        base, anchor, source = ctx.dct, Anchor.DCT, "the publication date"
    else:
        return weekday(ctx, iso_weekday, what, None, part)
    base = datetime(base.year, base.month, base.day)
    days = ((iso_weekday - base.isoweekday()) % 7 or 7) if step > 0 else -((base.isoweekday() - iso_weekday) % 7 or 7)
    point = Point.of(precision, base + timedelta(days=days), part)
    side = "after" if step > 0 else "before"
    return Resolution(_date_or_time(point), point.value, None, point, anchor, f"the {what} {side} {source}")


def in_reference_frame(ctx: Context, make: Callable[[Point], Point], what: str,
                       mod: str | None = None) -> Resolution:
    """'that year', 'the same day': a granule of the date last mentioned (else the DCT's)."""
    if ctx.reference is not None:
        point = make(ctx.reference)
        return Resolution(_date_or_time(point), point.value, mod, point, Anchor.MENTION,
                          f"{what} of '{ctx.reference_text}' ({ctx.reference.value}), mentioned earlier")
    if ctx.dct is None:
        return unresolved(make(Point.of("day", datetime(2000, 1, 3))), f"{what}; nothing to anchor it", mod)
    point = make(Point.of("minute", ctx.dct))
    return Resolution(_date_or_time(point), point.value, mod, point, Anchor.DCT, f"{what} of the publication date")


# -- intervals ----------------------------------------------------------------------

def narrow(point: Point, mod: str | None) -> tuple[datetime, datetime]:
    """The part of a granule that START/MID/END picks out: thirds of it."""
    interval = point.interval
    if mod not in ("START", "MID", "END"):
        return interval.begin, interval.end
    third = (interval.end - interval.begin) / 3
    index = {"START": 0, "MID": 1, "END": 2}[mod]
    return interval.begin + third * index, interval.begin + third * (index + 1)

