"""Resolve, the third stage: a description and its context give a value, by one table from relation to resolver.

The description says what the words say; the resolvers here (built on resolve.py and place.py) are the only
code that reads the publication date, the clause's tense and the date mentioned last.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Precision, TimexType
from . import place
from .calendar import Point
from .description import Description, Relation
from .fields import granule
from .lexicon import Direction
from .resolve import (
    Context,
    Resolution,
    absolute,
    duration,
    frequency,
    from_dct,
    in_reference_frame,
    nearest_with_year,
    reference,
    weekday,
    weekday_from_mention,
)


def resolve(d: Description, ctx: Context) -> Resolution:
    """Place what the words say in the context: the resolver for its relation; whether the year was stated and
    whether the words compare rather than move the story ("up from $2 a year earlier") are the words' to say."""
    resolution = RESOLVERS[d.relation](d, ctx)
    resolution.year_stated = resolution.year_stated and d.year_stated
    resolution.moves_reference = resolution.moves_reference and d.moves_reference
    return resolution


def _absolute(d: Description, ctx: Context) -> Resolution:
    if d.type == TimexType.DURATION:
        return duration(d.value, d.what, d.mod)
    if d.type == TimexType.SET:
        return frequency(d.value, d.what)
    return absolute(granule(d, d.year), d.what, d.mod)


def _numeric(d: Description, ctx: Context) -> Resolution:
    return place.numeric_date(ctx, d.month, d.day, d.year)


def _from_dct(d: Description, ctx: Context) -> Resolution:
    if d.unit == Precision.YEAR and d.precision != Precision.YEAR:  # "June last year": a part of a year
        return place.in_year_from_dct(ctx, lambda year: granule(d, year), d.step, d.what, d.mod)
    return from_dct(ctx, d.precision, d.step, d.what, d.mod, d.part_of_day)


def _from_mention(d: Description, ctx: Context) -> Resolution:
    if d.weekday is not None:  # "the following Monday"
        return weekday_from_mention(ctx, d.weekday, d.what, d.step, d.part_of_day)
    if d.unit == Precision.YEAR and d.precision != Precision.YEAR:  # "August of that year"
        return in_reference_frame(ctx, lambda p: granule(d, p.start.year), d.what, d.mod)
    return in_reference_frame(ctx, lambda p: Point.of(d.precision, p.start, d.part_of_day).shift(d.step),
                              d.what, d.mod)


def _counted(d: Description, ctx: Context) -> Resolution:
    return place.counted(ctx, d, d.relation == Relation.COUNT_FROM_MENTION)


def _nearest(d: Description, ctx: Context) -> Resolution:
    if d.precision == Precision.WEEKEND:
        return place.weekend(ctx)
    if d.month is None and d.day is not None:  # "the 22nd"
        return place.day_of_month(ctx, d.day)
    if d.precision == Precision.WEEK:  # "the week of March 6"
        return place.week_holding(ctx, d.month, d.day, d.what)
    if d.precision == Precision.DAY and d.holiday is None:
        return place.month_day(ctx, d.month, d.day, d.what)
    return nearest_with_year(ctx, lambda year: granule(d, year), d.what, d.mod, d.direction)


def _weekday(d: Description, ctx: Context) -> Resolution:
    return weekday(ctx, d.weekday, d.what, d.direction or d.tense, d.part_of_day)


def _vague(d: Description, ctx: Context) -> Resolution:
    return reference(d.value, d.what)


def _period(d: Description, ctx: Context) -> Resolution:
    if d.year is not None:  # "the 1988 period"
        return place.period_in_year(ctx, d.year, d.unit)
    if d.unit == Precision.YEAR:  # "year-earlier"
        return place.year_before_period(ctx)
    return place.reported_period(ctx, d.direction, d.step, d.what)


def _quarter_in_story(d: Description, ctx: Context) -> Resolution:
    return place.quarter_in_story(ctx, d.direction == Direction.THIS)


def _same_a_year_before(d: Description, ctx: Context) -> Resolution:
    return place.same_period_a_year_before(ctx, d.precision, d.direction == Direction.THIS, d.what)


def _edge(d: Description, ctx: Context) -> Resolution:
    return place.period_edge(ctx, d.unit, d.mod, d.what)


def _up_to_now(d: Description, ctx: Context) -> Resolution:
    return place.this_period_around_now(ctx, d.precision, d.what, d.mod, d.part_of_day)


def _on_day(d: Description, ctx: Context) -> Resolution:
    day = (lambda c: resolve(d.day_of, c)) if d.day_of else None
    return place.clock(ctx, d.hour, d.minute, day, d.mod, d.part_of_day)


RESOLVERS: dict[Relation, Callable[[Description, Context], Resolution]] = {
    Relation.ABSOLUTE: _absolute,
    Relation.NUMERIC: _numeric,
    Relation.FROM_DCT: _from_dct,
    Relation.FROM_MENTION: _from_mention,
    Relation.COUNT_FROM_DCT: _counted,
    Relation.COUNT_FROM_MENTION: _counted,
    Relation.NEAREST: _nearest,
    Relation.WEEKDAY: _weekday,
    Relation.VAGUE: _vague,
    Relation.PERIOD: _period,
    Relation.QUARTER_IN_STORY: _quarter_in_story,
    Relation.SAME_A_YEAR_BEFORE: _same_a_year_before,
    Relation.EDGE: _edge,
    Relation.UP_TO_NOW: _up_to_now,
    Relation.ON_DAY: _on_day,
}
