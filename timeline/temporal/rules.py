"""The tagger's rules: one declaration per kind of English temporal expression.

Each rule is a regular expression (built from the lexicon's fragments), an
interpreter that turns the match into a :class:`Resolution`, an optional
guard that rejects look-alikes, and examples. The examples are run as tests
(tests/test_rule_examples.py), so a rule and its evidence stay together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from . import lexicon as lx
from .calendar import Point, compare_precision, valid_year
from .patterns import (
    DAY_NUMBER,
    DAY_SUFFIX,
    DECADE_WORD,
    FREQUENCY,
    MONTH,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    POSITION,
    QUANTITY_MOD,
    SEASON,
    SPELLED_YEAR,
    UNIT,
    WEEKDAY,
    YEAR4,
    duration_value,
    month_number,
    parse_number,
    position_mod,
    quantity_mod,
    spelled_year_value,
)
from .resolve import (
    Context,
    NotADate,
    Resolution,
    absolute,
    counted_from_anchor,
    duration,
    frequency,
    from_dct,
    in_reference_frame,
    nearest_with_year,
    reference,
    weekday,
    weekday_from_mention,
)


@dataclass(frozen=True)
class Example:
    """``text`` tagged with ``dct`` yields a timex whose words are ``words`` and value ``value``."""

    text: str
    dct: str | None
    words: str
    value: str
    type: str | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Part:
    """A piece of a match that becomes its own timex ("2009-10" gives two)."""

    start: int
    end: int
    resolution: Resolution


Interpret = Callable[[re.Match, Context], "Resolution | list[Part]"]
Guard = Callable[[re.Match, str], bool]


@dataclass
class Rule:
    name: str
    pattern: str
    interpret: Interpret
    examples: tuple[Example, ...]
    guard: Guard | None = None
    regex: re.Pattern = field(init=False, repr=False)
    trigger: re.Pattern | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        # Matched against ASCII-lower-cased text (much faster than IGNORECASE), so patterns are lower case.
        self.regex = re.compile(self.pattern)
        if self.name in TRIGGERS:
            self.trigger = re.compile(TRIGGERS[self.name])


# -- guards: reject look-alikes --------------------------------------------------------

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\W{0,3}$")
_WORD_AFTER = re.compile(r"^[^\w\n]{0,2}([A-Za-z][A-Za-z']*)")  # never across a line break
_PREPOSITION_CUES = frozenset({
    "in", "of", "on", "since", "until", "till", "by", "during", "from", "to", "through", "before",
    "after", "early", "late", "mid", "last", "next", "this", "and", "or", "between", "throughout",
    "around", "circa", "c", "the", "fiscal", "year", "summer", "spring", "autumn", "fall", "winter",
    "about", "for", "that", "past",
})


def _optional(m: re.Match, group: str) -> str | None:
    """A group's words, or None when the rule has no such group or it did not take part."""
    return m.group(group) if group in m.re.groupindex else None


def word_before(text: str, index: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, index - 40):index])
    return m.group(1).lower().rstrip(".") if m else ""


def word_after(text: str, index: int) -> str:
    m = _WORD_AFTER.match(text[index:index + 40])
    return m.group(1).lower() if m else ""


def _capitalised(m: re.Match, *groups: str) -> bool:
    """Month and weekday names count only when written with a capital."""
    return all(m.group(g) is None or m.group(g)[0].isupper() for g in groups if g in m.re.groupindex)


def names_ok(m: re.Match, text: str) -> bool:
    if not _capitalised(m, "month", "wd", "wd0", "holiday"):
        return False
    for g in ("month", "wd"):
        if g in m.re.groupindex and m.group(g):
            word = m.group(g).lower()
            if (word in lx.AMBIGUOUS_WEEKDAYS and g == "wd") and not m.group(g).endswith(".") \
                    and not text[m.end(g):m.end(g) + 1] == ".":
                return False
    return True


def year_context_ok(text: str, start: int, end: int, check_after: bool = True) -> bool:
    """A four-digit number is a year unless its neighbours make it a count, a name or money."""
    before = text[max(0, start - 4):start]
    if re.search(r"[$£€#\d,./:]$", before) or (before.endswith("-") and not before.lower().endswith("mid-")):
        return False
    if check_after and re.match(r"(?:,\d|\.\d|\d|%|[:/]\d|[-–]\d|\s?(?:percent|per cent|mph|km|kg|bn|mn)\b)",
                                text[end:end + 3] + text[end + 3:end + 12]):
        return False
    prev, nxt = word_before(text, start), word_after(text, end)
    if prev in lx.NUMBER_NAME_CUES or nxt in lx.COUNT_NOUNS:
        return False
    year = int(text[start:end])
    return year >= 1900 or prev in _PREPOSITION_CUES or nxt in ("ad", "bc", "bce", "ce")


def year_ok(m: re.Match, text: str) -> bool:
    """Digits must pass year_context_ok; a year in words or counted from now ("last year") needs no check."""
    return not _optional(m, "year") or year_context_ok(text, m.start("year"), m.end("year"))


def span_ok(m: re.Match, text: str) -> bool:
    return year_context_ok(text, m.start("year"), m.end("year"), check_after=False)


def cue_before_ambiguous_month(m: re.Match, text: str) -> bool:
    if not names_ok(m, text):
        return False
    word = m.group("month").lower().rstrip(".")
    if len(word) <= 4 and not m.group("month").endswith(".") and word not in ("june", "july", "may"):
        return False  # "Oct" alone without a dot is too likely a code or name ("Jan Kavan")
    has_modifier = any(_optional(m, g) for g in ("pos", "rel"))
    if word in lx.AMBIGUOUS_MONTHS and not has_modifier:
        return word_before(text, m.start()) in _PREPOSITION_CUES and m.group("month")[0].isupper()
    return True


def season_ok(m: re.Match, text: str) -> bool:
    """'fall' and 'spring' are verbs too: a season needs a determiner, a year or a preposition."""
    if m.group("rel") or _has_year(m) or m.group("pos"):
        return True
    return word_before(text, m.start()) in _PREPOSITION_CUES - {"and", "or", "to"}


def not_a_name(m: re.Match, text: str) -> bool:
    return word_before(text, m.start()) not in lx.NUMBER_NAME_CUES


def not_fraction(m: re.Match, text: str) -> bool:
    """'three-quarters of its food' and 'a quarter of voters' are fractions, not lengths of time."""
    if not m.group("unit").lower().startswith("quarter"):
        return True
    return "-" not in text[m.start("n"):m.start("unit")] and word_after(text, m.end()) != "of"


def not_a_year_before_unit(m: re.Match, text: str) -> bool:
    """'the 1988 quarter' is a year, not 1988 quarters: a counted unit after a bare number is plural or hyphenated."""
    number = m.group("n")
    return not (number.isdigit() and len(number) == 4 and 1000 <= int(number) <= 2100
                and not m.group("unit").lower().endswith("s") and "-" not in text[m.end("n"):m.start("unit")])


def not_age(m: re.Match, text: str) -> bool:
    """'a 40-year-old man' is an age, not a time to put on a timeline."""
    return not re.match(r"[\s-]+old\b", text[m.end():m.end() + 6], re.I)


def lowercase_or_sentence_start(m: re.Match, text: str) -> bool:
    """'Weekly' inside a sentence is part of a name ("Liberty Weekly"), not a frequency."""
    if m.group(0)[0].islower():
        return True
    before = text[max(0, m.start() - 20):m.start()].rstrip(" \t\"'“‘(")  # a bounded look back keeps tagging linear
    return m.start() < 20 and not before or (bool(before) and before[-1] in ".!?\n")


_FUNCTION_WORDS = frozenset({
    "and", "or", "to", "in", "on", "at", "by", "for", "from", "since", "until", "with", "basis", "but",
    "as", "than", "the", "a", "an", "during", "through", "so", "because", "while", "when", "if",
    "outside", "inside", "near", "across", "around", "over", "under", "into", "onto", "before", "after",
})


def not_attributive(m: re.Match, text: str) -> bool:
    """'quarterly dividend' and 'daily life' use the word as an adjective, not as a repeated time."""
    if not m.group("adverb"):
        return True
    nxt = re.match(r"[ \t]+([A-Za-z]+)", text[m.end():m.end() + 30])  # the next word on the same line
    return nxt is None or nxt.group(1) in _FUNCTION_WORDS


def both(*guards: Guard) -> Guard:
    return lambda m, text: all(g(m, text) for g in guards)


# -- interpreters ------------------------------------------------------------------------

def _day_point(year: int, month: int, day: int) -> Point:
    try:
        return Point.of("day", datetime(year, month, day))
    except ValueError as err:
        raise NotADate(f"{year}-{month}-{day}") from err


def _has_year(m: re.Match) -> bool:
    return bool(_optional(m, "year") or _optional(m, "spelled"))


def _year(m: re.Match, group: str = "year") -> int:
    if group == "year" and not _optional(m, "year") and _optional(m, "spelled"):
        return spelled_year_value(m.group("spelled"))
    text = m.group(group).lstrip("'’")
    year = int(text)
    if len(text) == 2:
        year += 1900 if year > 30 else 2000
    if not valid_year(year):
        raise NotADate(text)
    return year


def full_date(m: re.Match, ctx: Context) -> Resolution:
    point = _day_point(_year(m), month_number(m.group("month")), int(m.group("day")))
    return absolute(point, "a full calendar date")


def iso_date(m: re.Match, ctx: Context) -> Resolution:
    y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
    if m.group("hh"):
        try:
            moment = datetime(y, mo, d, int(m.group("hh")), int(m.group("mm")))
        except ValueError as err:
            raise NotADate(m.group(0)) from err
        return absolute(Point.of("minute", moment), "an ISO 8601 date and time")
    return absolute(_day_point(y, mo, d), "an ISO 8601 date")


def numeric_date(m: re.Match, ctx: Context) -> Resolution:
    a, b = int(m.group("a")), int(m.group("b"))
    month, day = (b, a) if ctx.day_first else (a, b)
    if month > 12 and day <= 12:
        month, day = day, month
    order = "day/month/year" if ctx.day_first else "month/day/year"
    return absolute(_day_point(_year(m), month, day), f"a numeric date read as {order}")


def month_day(m: re.Match, ctx: Context) -> Resolution:
    month, day = month_number(m.group("month")), int(m.group("day"))
    if day > 31:
        raise NotADate(m.group(0))
    year = (ctx.known_years or {}).get((month, day))
    if year is not None:  # "October 7, 2023 ... on October 7": the text already gave the year
        point = _day_point(year, month, day)
        return Resolution("DATE", point.value, None, point, "mention",
                          f"{m.group('month')} {day} without a year: the year of the same date written in full earlier")
    return nearest_with_year(ctx, lambda y: _day_point(y, month, day), f"{m.group('month')} {day} without a year")


_YEAR_STEPS = {"last year": -1, "this year": 0, "next year": 1}  # "June last year", "the first half of next year"


def week_of(m: re.Match, ctx: Context) -> Resolution:
    """'the week of March 6': the ISO week holding that day."""
    month, day = month_number(m.group("month")), int(m.group("day"))
    if m.group("year"):
        return absolute(Point.of("week", _day_point(_year(m), month, day).start), "the week of a full date")
    found = nearest_with_year(ctx, lambda y: _day_point(y, month, day), f"{m.group('month')} {day} without a year")
    if found.point is None:  # no DCT: the year, and so the week, stay unknown
        return Resolution("DATE", "XXXX-WXX", None, None, None, f"the week of {m.group('month')} {day}; {found.how}")
    week = Point.of("week", found.point.start)
    return Resolution("DATE", week.value, None, week, found.anchor, f"the week of {found.how}")


def month_year(m: re.Match, ctx: Context) -> Resolution:
    month, mod = month_number(m.group("month")), position_mod(m.group("pos"))
    if m.group("yrel"):  # "June last year", "April next year": the year counted from the DCT
        words = " ".join(m.group("yrel").lower().split())
        if ctx.dct is None:
            return nearest_with_year(ctx, lambda y: Point.of("month", datetime(y, month, 1)), f"{m.group('month')} of {words}")
        point = Point.of("month", datetime(ctx.dct.year + _YEAR_STEPS[words], month, 1))
        return Resolution("DATE", point.value, mod, point, "DCT", f"{m.group('month')} of {words}, from the publication date")
    return absolute(Point.of("month", datetime(_year(m), month, 1)), "a month and year", mod)


def month_alone(m: re.Match, ctx: Context) -> Resolution:
    month = month_number(m.group("month"))
    mod = position_mod(m.group("pos"))
    rel = (m.group("rel") or "").lower().split()
    direction = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(rel[-1] if rel else "")
    return nearest_with_year(ctx, lambda y: Point.of("month", datetime(y, month, 1)),
                             f"{m.group('month')} without a year", mod, direction)


def year_only(m: re.Match, ctx: Context) -> Resolution:
    return absolute(Point.of("year", datetime(_year(m), 1, 1)), "a year", position_mod(m.group("pos")))


def year_span(m: re.Match, ctx: Context) -> list[Part]:
    first = _year(m, "year")
    second_text = m.group("year2")
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not first < second <= first + 100 or not valid_year(second):
        raise NotADate(m.group(0))
    return [
        Part(m.start("year"), m.end("year"), absolute(Point.of("year", datetime(first, 1, 1)), "a year, start of a range")),
        Part(m.start("year2"), m.end("year2"), absolute(Point.of("year", datetime(second, 1, 1)), "a year, end of a range")),
    ]


def fiscal_year(m: re.Match, ctx: Context) -> Resolution:
    return absolute(Point.of("year", datetime(_year(m), 1, 1)), "a fiscal year, shown as its calendar year")


def decade(m: re.Match, ctx: Context) -> Resolution:
    mod = position_mod(m.group("pos"))
    if m.group("dec"):
        year = int(m.group("dec"))
        if year % 100 == 0 and not m.group("pos"):
            return absolute(Point.of("century", datetime(year, 1, 1)), "a century written as its first year ('the 1800s')")
    elif m.group("short"):
        short = int(m.group("short"))
        year = (1900 if short > 20 else 2000) + short
    else:
        year = 1900 + 10 * lx.DECADE_WORDS[m.group("word").lower()]
    return absolute(Point.of("decade", datetime(year, 1, 1)), "a decade", mod)


def century(m: re.Match, ctx: Context) -> Resolution:
    number = lx.ORDINALS[m.group("ord").lower()]
    if number < 1:
        raise NotADate(m.group(0))
    return absolute(Point.of("century", datetime(max(1, (number - 1) * 100), 1, 1)), "a century",
                    position_mod(m.group("pos")))


def season(m: re.Match, ctx: Context) -> Resolution:
    code = lx.SEASONS[m.group("season").lower()]
    mod = position_mod(m.group("pos"))
    if _has_year(m):
        return absolute(Point.season(_year(m), code), "a season and year", mod)
    rel = " ".join((m.group("rel") or "").lower().split())
    direction = {"last": "last", "this past": "last", "next": "next", "this coming": "next", "this": "this"}.get(rel)
    return nearest_with_year(ctx, lambda y: Point.season(y, code), f"{m.group('season')} without a year", mod, direction)




def quarter(m: re.Match, ctx: Context) -> Resolution:
    which = " ".join(m.group("ord").lower().split()) if m.group("ord") else ""
    year_words = (m.group("of") or "").lower()
    if m.group("q"):
        number = int(m.group("q"))
    elif which in lx.ORDINALS and 1 <= lx.ORDINALS[which] <= 4:
        number = lx.ORDINALS[which]
    else:
        number = None
    if number is None:  # "the latest quarter", "the quarter"
        if which != "current" and ctx.reference is not None and ctx.reference.precision == "quarter":
            return in_reference_frame(ctx, lambda p: p, "the same quarter")
        steps = 0 if which == "current" else -1
        if ctx.dct is None or which == "current" or ctx.tense != "future":
            return from_dct(ctx, "quarter", steps, "the current quarter" if steps == 0 else "the last full quarter")
        return from_dct(ctx, "quarter", 0, "the current quarter")
    if m.group("year") or m.group("year0"):
        year = _year(m, "year" if m.group("year") else "year0")
        return absolute(Point.of("quarter", datetime(year, 3 * number - 2, 1)), "a quarter of a year")
    if m.group("yrel"):
        year_words = f"{m.group('yrel')} year"
    if year_words:
        steps = _YEAR_STEPS.get(" ".join(year_words.split()), 0)
        if ctx.dct is None:
            return from_dct(ctx, "quarter", 0, f"quarter {number}")
        point = Point.of("quarter", datetime(ctx.dct.year + steps, 3 * number - 2, 1))
        return Resolution("DATE", point.value, None, point, "DCT", f"quarter {number} of {year_words}")
    return nearest_with_year(ctx, lambda y: Point.of("quarter", datetime(y, 3 * number - 2, 1)),
                             f"quarter {number} without a year")


def half_year(m: re.Match, ctx: Context) -> Resolution:
    which = m.group("ord").lower() if m.group("ord") else ""
    number = int(m.group("h")) if m.group("h") else (1 if which == "first" else 2)
    if m.group("year"):
        return absolute(Point.of("half", datetime(_year(m), 6 * number - 5, 1)), "a half of a year")
    frame = " ".join((m.group("of") or "this year").lower().split())
    steps = _YEAR_STEPS.get(frame, 0)
    if ctx.dct is None:
        return from_dct(ctx, "half", 0, f"half {number} of {frame}")
    point = Point.of("half", datetime(ctx.dct.year + steps, 6 * number - 5, 1))
    return Resolution("DATE", point.value, None, point, "DCT", f"half {number} of {frame}, from the publication date")


def reported_period(m: re.Match, ctx: Context) -> Resolution:
    """'the quarter', 'the latest quarter', 'the year-earlier quarter': the period under discussion."""
    shift = -4 if m.group("ago") or m.group("ago_after") else 0
    adjective = " ".join((m.group("adj") or "").lower().split())
    if adjective == "current":
        return from_dct(ctx, "quarter", 0, "the quarter under way")
    if adjective in ("latest", "most recent"):
        return from_dct(ctx, "quarter", -1 + shift, "the last full quarter before")
    if ctx.reference is not None and ctx.reference.precision == "quarter":
        resolution = in_reference_frame(ctx, lambda p: p.shift(shift), f"'{' '.join(m.group(0).split())}'")
        resolution.moves_reference = not shift
        return resolution
    if ctx.dct is None:
        return from_dct(ctx, "quarter", 0, "the quarter")
    return from_dct(ctx, "quarter", -1 + shift, "the last full quarter before")


def year_ago_adjective(m: re.Match, ctx: Context) -> Resolution:
    """'year-earlier', 'year-ago': the period under discussion, a year before."""
    if ctx.reference is not None and ctx.reference.precision in ("quarter", "half", "month"):
        precision = ctx.reference.precision
        resolution = in_reference_frame(ctx, lambda p: Point.of(precision, p.start).shift_by(-1, "Y"),
                                        "a year before")
    else:
        resolution = from_dct(ctx, "year", -1, "the year before")
    resolution.moves_reference = False
    return resolution


def year_period(m: re.Match, ctx: Context) -> Resolution:
    """'the 1988 period': the reporting period under discussion, in that year."""
    year = _year(m)
    if ctx.reference is not None and ctx.reference.precision in ("quarter", "half", "month"):
        base = ctx.reference
        point = Point.of(base.precision, base.start.replace(year=year))
        resolution = Resolution("DATE", point.value, None, point, "mention",
                                f"the period of '{ctx.reference_text}' ({base.value}), in {year}")
    else:
        resolution = absolute(Point.of("year", datetime(year, 1, 1)), "a year")
    resolution.moves_reference = False
    return resolution


def spelled_year(m: re.Match, ctx: Context) -> Resolution:
    """'nineteen ninety-six', 'the year two thousand': years as broadcast transcripts write them."""
    return absolute(Point.of("year", datetime(_year(m), 1, 1)), "a year written in words")


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2, "tonight": 0, "last night": -1, "overnight": 0}


def deictic_day(m: re.Match, ctx: Context) -> Resolution:
    word = " ".join(m.group("day").lower().split())
    part = m.group("part")
    part_code = lx.PARTS_OF_DAY[part.lower()] if part else ({"tonight": "NI", "last night": "NI"}.get(word))
    if word == "overnight":
        part_code = "NI"
    precision = "part_of_day" if part_code else "day"
    return from_dct(ctx, precision, _DEICTIC_DAYS[word], f"'{word}'", position_mod(m.group("pos")), part_code)


def this_part_of_day(m: re.Match, ctx: Context) -> Resolution:
    code = lx.PARTS_OF_DAY[m.group("part").lower()]
    return from_dct(ctx, "part_of_day", 0, f"this {m.group('part').lower()}", position_mod(m.group("pos")), code)


_VAGUE_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "the present": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
}


def vague_reference(m: re.Match, ctx: Context) -> Resolution:
    word = " ".join(m.group("ref").lower().split())
    value = _VAGUE_REFS.get(word) or ("PAST_REF" if "recent" in word or "past" in word else "FUTURE_REF")
    meaning = {"PRESENT_REF": "the time of writing", "PAST_REF": "some time before the time of writing",
               "FUTURE_REF": "some time after the time of writing"}[value]
    return reference(value, f"a vague reference to {meaning}")


def weekday_expression(m: re.Match, ctx: Context) -> Resolution:
    number = lx.WEEKDAYS[m.group("wd").lower().rstrip(".")]
    rel = " ".join((m.group("rel") or "").lower().split())
    explicit = {"last": "last", "this past": "past", "past": "past", "next": "next", "this coming": "future",
                "coming": "future", "this": "this"}.get(rel)
    part = m.group("part")
    part_code = lx.PARTS_OF_DAY[part.lower()] if part else None
    if m.group("ana"):
        step = 1 if m.group("ana").lower() == "following" else -1
        return weekday_from_mention(ctx, number, m.group("wd").rstrip("."), step, part_code)
    if explicit is None and re.match(r"['’]s\b", m.string[m.end():m.end() + 3]):
        explicit = "past"  # "Friday's close", "Wednesday's ruling"
    return weekday(ctx, number, m.group("wd").rstrip("."), explicit, part_code)


_UNIT_PRECISION = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year",
                   "quarter": "quarter", "decade": "decade", "century": "century", "night": "part_of_day",
                   "morning": "part_of_day", "afternoon": "part_of_day", "evening": "part_of_day", "fall": "season"}


def relative_unit(m: re.Match, ctx: Context) -> Resolution:
    """'last week', 'this year', 'earlier this week', 'the following day', 'that year', 'the past year'."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    precision = _UNIT_PRECISION[unit]
    part = lx.PARTS_OF_DAY.get(unit) if precision == "part_of_day" else None
    mod = position_mod(m.group("pos"))
    phrase = " ".join(m.group(0).split())
    if m.group("the") and rel in ("past", "last") and unit in lx.UNITS:
        return duration(duration_value(1.0, unit), f"'{phrase}': a length of time up to the publication date")
    anaphoric = {"following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0, "that": 0,
                 "that same": 0}
    if rel in anaphoric or (m.group("the") and rel == "next"):
        step = anaphoric.get(rel, 1)
        return in_reference_frame(ctx, lambda p: Point.of(precision, p.start, part).shift(step), f"'{phrase}'", mod)
    step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}.get(rel, 0)
    return from_dct(ctx, precision, step, f"'{phrase}'", mod, part)  # "this", "current", "current fiscal": 0


def reporting_year(m: re.Match, ctx: Context) -> Resolution:
    """'the year ended June 30' is a twelve-month span; 'the full year' and 'the fiscal year' the current one."""
    if m.group("closing"):
        return duration("P1Y", "a reporting year: a length of time of one year")
    return from_dct(ctx, "year", 0, f"'{' '.join(m.group(0).split())}'")


def period_edge(m: re.Match, ctx: Context) -> Resolution:
    """'by the end of the year', 'year-end': the current year (month, quarter) of the story, at its edge.

    A past-tense clause after a dated mention speaks of that mention's year ("In 1997 ... by the end
    of the year"); otherwise the publication date's.
    """
    unit = (m.group("unit") or m.group("unit2")).lower()
    mod = position_mod(re.sub(r"\s+in$", "", m.group("pos"))) if m.group("pos") else "END"  # "earlier in" -> START
    phrase = " ".join(m.group(0).split())
    if ctx.reference is not None and ctx.tense == "past" and compare_precision(ctx.reference.precision, unit) >= 0:
        return in_reference_frame(ctx, lambda p: Point.of(unit, p.start), f"'{phrase}'", mod)
    return from_dct(ctx, unit, 0, f"'{phrase}'", mod)


def the_weekend(m: re.Match, ctx: Context) -> Resolution:
    direction = "past" if ctx.tense in ("past", "unknown", "present") else "future"
    if ctx.dct is None:
        return from_dct(ctx, "weekend", 0, "the weekend")
    current = Point.of("weekend", ctx.dct)
    if direction == "past" and current.start > ctx.dct:
        return Resolution("DATE", current.shift(-1).value, None, current.shift(-1), "DCT",
                          "the weekend before the publication date (past tense)")
    return Resolution("DATE", current.value, None, current, "DCT", "the weekend of the publication week")


def counted_relative(m: re.Match, ctx: Context) -> Resolution:
    """'two weeks ago', 'a year earlier', 'three days later', 'nearly four years ago'."""
    amount = parse_number(m.group("n"))
    unit_word = m.group("unit").lower()
    letter = lx.UNITS[unit_word][0]
    unit = {"M": "MIN" if lx.UNITS[unit_word][1] else "M", "S": "MIN", "2W": "2W"}.get(letter, letter)
    direction = m.group("dir").lower()
    mod = "APPROX" if m.group("qmod") else None  # "nearly two years ago" is a vaguer date, not a bound
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    precision = {"MIN": "minute", "H": "hour", "2W": "week"}.get(unit) or {
        "D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "year", "CE": "year"}[unit]
    use_reference = direction in ("earlier", "later", "before", "after") or (
        direction == "ago" and unit == "Y" and ctx.reference is not None
        and ctx.reference.precision in ("quarter", "half"))  # "up from $2 a year ago": the same quarter
    what = f"'{m.group('n')} {unit_word} {direction}'"
    if amount is None:
        if ctx.dct is None and not (use_reference and ctx.reference):
            return counted_from_anchor(ctx, 1, unit, precision, use_reference, what, mod)
        vague = {"D": "PXD", "W": "PXW", "M": "PXM", "Y": "PXY", "DE": "PXDE"}.get(unit, "PXY")
        return reference("PAST_REF" if sign < 0 else "FUTURE_REF",
                         f"{what}: an unspecified amount ({vague}) from the publication date")
    if unit == "2W":
        amount, unit = amount * 2, "W"
    if amount != int(amount):
        precision = {"year": "month", "month": "day", "week": "day", "day": "hour"}.get(precision, precision)
        unit, amount = {"Y": ("M", amount * 12), "M": ("D", amount * 30), "W": ("D", amount * 7)}.get(unit, (unit, amount))
    if unit in ("DE", "CE"):
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    resolution = counted_from_anchor(ctx, sign * int(amount), unit, precision, use_reference, what, mod)
    # "up from $2 a year earlier" compares with the period under discussion without moving the story
    resolution.moves_reference = not (unit == "Y" and amount == 1 and direction in ("ago", "earlier"))
    return resolution


_RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:once|twice|times|percent|million|billion|thousand|hundred|dollars|cents|each|"
                          r"apiece))(?:\s+[a-z]+s)?[\s.,]*$", re.IGNORECASE)  # "$5 million", "50,000 CDs" a year


def duration_phrase(m: re.Match, ctx: Context) -> Resolution:
    unit_word = m.group("unit").lower()
    if m.group("n") and m.group("n").lower() in ("a", "an") and not m.group("qmod") and \
            _RATE_BEFORE.search(m.string[max(0, m.start() - 20):m.start()]):
        return frequency(duration_value(1.0, unit_word), f"a rate: once every {unit_word}")  # "$5 million a year"
    amount = parse_number(m.group("n")) if m.group("n") else None
    if amount is not None and m.group("half"):
        amount += 0.5  # "an hour and a half"
    value = duration_value(amount, unit_word)
    mod = quantity_mod(m.group("qmod"))
    return duration(value, f"a length of time: {' '.join(m.group(0).split())}", mod)


def long_compound(m: re.Match, ctx: Context) -> Resolution:
    """'yearslong', 'decades-long', 'weeklong': a length of time written as one adjective."""
    unit_word = m.group("unit").lower()
    amount = None if unit_word.endswith("s") else 1.0
    return duration(duration_value(amount, unit_word), f"a length of time: '{m.group(0)}'")


def bare_plural_duration(m: re.Match, ctx: Context) -> Resolution:
    return duration(duration_value(None, m.group("unit")), f"an unspecified number of {m.group('unit').lower()}")


def frequency_set(m: re.Match, ctx: Context) -> Resolution:
    if m.group("adverb"):
        return frequency(lx.FREQUENCY_ADVERBS[m.group("adverb").lower()], "a repeated time")
    if m.group("wd"):
        return frequency(f"XXXX-WXX-{lx.WEEKDAYS[m.group('wd').lower().rstrip('.')]}", "every such weekday")
    unit = m.group("unit").lower()
    if unit in lx.PARTS_OF_DAY:
        return frequency("P1D", f"every {unit}")
    return frequency(duration_value(1.0, unit), f"once every {unit}")


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
        day = nearest_with_year(ctx, lambda y: _day_point(y, month, day_number), f"{m.group('month')} {day_number}")
    elif m.group("wd"):
        day = weekday(ctx, lx.WEEKDAYS[m.group("wd").lower().rstrip(".")], m.group("wd"))
    elif day_words:
        day = from_dct(ctx, "day", _DEICTIC_DAYS[" ".join(day_words.lower().split())], f"'{day_words}'")
    elif ctx.reference is not None and ctx.reference.precision in ("day", "part_of_day"):
        day = in_reference_frame(ctx, lambda p: Point.of("day", p.start), "the day")
    else:
        day = from_dct(ctx, "day", 0, "the day")
    if day.point is None:
        return Resolution("TIME", f"{day.value}T{hour:02d}:{minute:02d}", quantity_mod(m.group("qmod")), None,
                          None, f"{hour:02d}:{minute:02d} on {day.how}")
    point = Point.of("minute", day.point.start.replace(hour=hour, minute=minute))
    return Resolution("TIME", point.value, quantity_mod(m.group("qmod")), point, day.anchor,
                      f"{hour:02d}:{minute:02d} on {day.value} ({day.how})")


def day_of_month(m: re.Match, ctx: Context) -> Resolution:
    """'the 22nd': a day of the month last mentioned, else of the DCT's month."""
    day = int(m.group("day"))
    if ctx.reference is not None and ctx.reference.precision in ("month", "day", "part_of_day"):
        base = ctx.reference.start
        return in_reference_frame(ctx, lambda p: _day_point(base.year, base.month, day), f"day {day}")
    if ctx.dct is None:
        return from_dct(ctx, "day", 0, f"day {day}")
    candidates = []
    for offset in (-1, 0, 1):
        month_index = ctx.dct.year * 12 + ctx.dct.month - 1 + offset
        try:
            candidates.append(_day_point(month_index // 12, month_index % 12 + 1, day))
        except NotADate:
            continue
    dct_day = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day)
    if ctx.tense == "future":
        point = next((p for p in candidates if p.start >= dct_day), candidates[-1])
    else:
        point = [p for p in candidates if p.start <= dct_day][-1] if ctx.tense == "past" else \
            min(candidates, key=lambda p: abs(p.start - dct_day))
    return Resolution("DATE", point.value, None, point, "DCT", f"day {day} of the month nearest the publication date")


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26), "bastille day": (7, 14),
    "may day": (5, 1), "st. patrick's day": (3, 17), "new year": (1, 1),
}
_NTH_WEEKDAY_HOLIDAYS = {  # (month, ISO weekday, nth; -1 = last)
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "presidents' day": (2, 1, 3),
    "election day": (11, 2, 1),
}
HOLIDAY = "|".join(re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]")
                   for h in sorted({**_FIXED_HOLIDAYS, **_NTH_WEEKDAY_HOLIDAYS}, key=len, reverse=True))


def _holiday_point(name: str, year: int) -> Point:
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return _day_point(year, month, day)
    month, iso_weekday, nth = _NTH_WEEKDAY_HOLIDAYS[name]
    if nth > 0:
        first = datetime(year, month, 1)
        offset = (iso_weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
        if name == "election day":  # the Tuesday after the first Monday
            offset = (1 - first.isoweekday()) % 7 + 1
        return _day_point(year, month, 1 + offset)
    last = datetime(year, month + 1, 1) if month < 12 else datetime(year + 1, 1, 1)
    day = last.toordinal() - 1
    while datetime.fromordinal(day).isoweekday() != iso_weekday:
        day -= 1
    return Point.of("day", datetime.fromordinal(day))


def holiday(m: re.Match, ctx: Context) -> Resolution:
    name = " ".join(m.group("holiday").lower().replace("’", "'").split())
    if m.group("year"):
        return absolute(_holiday_point(name, _year(m)), f"{name.title()} of a stated year")
    return nearest_with_year(ctx, lambda y: _holiday_point(name, y), f"{name.title()} without a year")


# -- the rules ------------------------------------------------------------------------------

WD = rf"(?:(?P<wd0>{WEEKDAY})\b\.?,?\s+)?"  # an optional leading weekday: "Monday, Nov. 22"
D = rf"(?P<day>{DAY_NUMBER}){DAY_SUFFIX}"
M_ = rf"(?P<month>{MONTH})\b\.?"
Y = rf"(?P<year>{YEAR4})"
YS = rf"(?:{Y}|(?P<spelled>{SPELLED_YEAR}))"  # a year in digits or in words
POS = rf"(?:(?P<pos>{POSITION})[\s-]*)?"

# What every match of a rule contains. A text without it is not scanned with the rule's full pattern:
# most rules find nothing in most articles, and a plain search is several times cheaper than a pattern
# with optional openings. Derived from the same fragments as the rules, so they cannot drift apart.
TRIGGERS: dict[str, str] = {
    "iso_date": r"\d{4}-[01]\d-[0-3]\d",
    "numeric_date": "/",
    **{name: rf"\b(?:{MONTH})" for name in
       ("month_day_year", "day_month_year", "week_of", "month_day", "day_month", "month_year", "month_alone")},
    "year_span": r"\d{4}\s*[-–]\s*\d\d",
    "fiscal_year": r"fiscal|fy",
    "year": r"\d{4}",
    "decade": rf"\d0['’]?s|['’]\d0|\b(?:{DECADE_WORD})",
    "century": r"century",
    "season": rf"\b(?:{SEASON})",
    "quarter": r"quarter|\bq[1-4]",
    "half_year": r"half|\bh[12]",
    "reported_period": r"quarter|period",
    "year_ago_adjective": r"year",
    "year_period": r"period|quarter",
    "spelled_year": r"nineteen|eighteen|seventeen|thousand",
    "holiday": rf"\b(?:{HOLIDAY})",
    "deictic_day": r"today|tonight|yesterday|tomorrow|night",
    "this_part_of_day": r"this\s+(?:morning|afternoon|evening)",
    "clock_time": r"[ap]\.\s?m|[ap]m\b|noon|midnight|midday",
    "weekday": rf"\b(?:{WEEKDAY})",
    "reporting_year": r"year",
    "period_edge": r"end|beginning|start|middle|close|earlier|later",
    "the_weekend": r"weekend",
    "long_compound": r"long\b",
    "day_of_month": r"\d(?:st|nd|rd|th)\b",
}

RULES: list[Rule] = [
    Rule("iso_date",
         r"\b(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:[t ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?\b",
         iso_date,
         (Example("filed on 2024-02-26.", None, "2024-02-26", "2024-02-26"),
          Example("at 2024-11-01T14:05 UTC", None, "2024-11-01T14:05", "2024-11-01T14:05", "TIME"))),
    Rule("numeric_date", r"(?<![\d/.])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4}|\d{2})(?![\d/])",
         numeric_date,
         (Example("the vote on 11/22/2023 was close", None, "11/22/2023", "2023-11-22"),)),
    Rule("month_day_year", rf"\b{WD}{M_}\s*{D},?\s*{Y}\b", full_date,
         (Example("Hamas's October 7, 2023, massacre", None, "October 7, 2023", "2023-10-07"),
          Example("since Sept. 11, 2001 the rules", None, "Sept. 11, 2001", "2001-09-11"),
          Example("on Monday, Nov. 22, 2021 he spoke", None, "Monday, Nov. 22, 2021", "2021-11-22"))),
    Rule("day_month_year", rf"\b{WD}{D}\s+(?:of\s+)?{M_},?\s*{Y}\b", full_date,
         (Example("| 26 February 2024, Monday |", None, "26 February 2024", "2024-02-26"),
          Example("on the 7th of October 2023", None, "7th of October 2023", "2023-10-07"))),
    Rule("week_of", rf"\bthe\s+week\s+of\s+{M_}\s*{D}\b(?:,?\s*{Y}\b)?", week_of,
         (Example("a court hearing the week of March 6, he said", "2000-02-24", "the week of March 6", "2000-W10"),
          Example("during the week of Oct. 9, 2023", None, "the week of Oct. 9, 2023", "2023-W41")),
         guard=names_ok),
    Rule("month_day", rf"\b{WD}{M_}\s*{D}\b(?![ \t]*(?:,[ \t]*)?\d|:\d|%)", month_day,
         (Example("a nationwide address on Nov. 22.", "2024-02-26", "Nov. 22", "2023-11-22"),
          Example("The deadline is March 30.", "2024-02-26", "March 30", "2024-03-30"),
          Example("after Oct. 7 could have", "2024-02-26", "Oct. 7", "2023-10-07"),
          Example("Hamas's October 7, 2023, massacre. Hostages abducted on October 7 remain.", "2024-11-01",
                  "October 7", "2023-10-07")),
         guard=names_ok),
    Rule("day_month", rf"\b{WD}(?:the\s+)?{D}\s+(?:of\s+)?{M_}(?![ \t]*,?[ \t]*\d)", month_day,
         (Example("on 7 October Hamas attacked", "2024-02-26", "7 October", "2023-10-07"),),
         guard=names_ok),
    Rule("month_year", rf"\b{POS}{M_},?\s+(?:of\s+)?(?:{YS}|(?P<yrel>(?:this|last|next)\s+year))\b", month_year,
         (Example("prices in March 2024 rose", None, "March 2024", "2024-03"),
          Example("in early January 1998", None, "early January 1998", "1998-01", mod="START"),
          Example("the bomb in January nineteen ninety-seven", None, "January nineteen ninety-seven", "1997-01"),
          Example("Pol Pot was arrested in June last year.", "1998-02-19", "June last year", "1997-06"),
          Example("They join in April next year.", "1998-12-03", "April next year", "1999-04")),
         guard=both(names_ok, year_ok)),
    Rule("month_alone",
         rf"\b{POS}(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past)\s+)?{M_}(?![ \t.]*\d)",
         month_alone,
         (Example("In September, Israel assassinated Nasrallah", "2024-11-01", "September", "2024-09"),
          Example("released 105 civilians during a weeklong truce in late November", "2024-11-01",
                  "late November", "2023-11", mod="END"),
          Example("Israel had killed 17,000 combatants as of August", "2024-11-01", "August", "2024-08"),
          Example("In January, he was killed.", "2024-06-21", "January", "2024-01"),
          Example("The talks will resume next March.", "2024-06-21", "next March", "2025-03")),
         guard=cue_before_ambiguous_month),
    Rule("year_span", rf"\b{Y}\s*[-–]\s*(?P<year2>\d{{4}}|\d{{2}})\b(?![-–]\d)", year_span,
         (Example("the 2009-2010 season", None, "2009", "2009"),
          Example("the 2009-10 season", None, "10", "2010")),
         guard=span_ok),
    Rule("fiscal_year", r"\b(?:fiscal(?:\s+year)?\s+|fy\s?)(?P<year>(?:19|20)\d\d|'?\d\d)\b", fiscal_year,
         (Example("earnings for fiscal 1998 fell", None, "fiscal 1998", "1998"),
          Example("in FY2024 revenue", None, "FY2024", "2024"))),
    Rule("year", rf"\b{POS}(?:(?:the\s+)?year\s+)?{Y}\b(?!['’]?s\b)", year_only,
         (Example("In 1997, Netanyahu ordered", None, "1997", "1997"),
          Example("a botched 1997 attempt", None, "1997", "1997"),
          Example("entered the Strip in 2014 and 2015", None, "2015", "2015"),
          Example("in mid-2015 the group", None, "mid-2015", "2015", mod="MID"),
          Example("in 1988 and 1989", None, "1988", "1988")),
         guard=year_ok),
    Rule("decade",
         rf"\b(?:the\s+)?{POS}(?:the\s+)?(?:(?P<dec>1\d\d0|20\d0)['’]?s\b|['’](?P<short>\d0)['’]?s\b|(?P<word>{DECADE_WORD})\b)",
         decade,
         (Example("violence in the 1990s", None, "the 1990s", "199"),
          Example("since the late '80s", None, "the late '80s", "198", mod="END"),
          Example("during the nineties", None, "the nineties", "199"))),
    Rule("century", rf"\b{POS}(?:the\s+)?(?P<ord>{ORDINAL})[\s-]+century\b", century,
         (Example("in the 20th century", None, "the 20th century", "19"),
          Example("by the end of the nineteenth century", None, "the end of the nineteenth century", "18",
                  mod="END"))),
    Rule("season",
         rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the)\s+)?{POS}(?P<season>{SEASON})\b"
         rf"(?:\s+(?:of\s+)?{YS}\b)?",
         season,
         (Example("the attack last summer", "2024-06-21", "last summer", "2023-SU"),
          Example("They pledged to join protests this summer.", "1998-03-22", "this summer", "1998-SU"),
          Example("in the spring of 1998", None, "the spring of 1998", "1998-SP"),
          Example("in the winter of nineteen ninety-four", None, "the winter of nineteen ninety-four", "1994-WI")),
         guard=season_ok),
    Rule("quarter",
         rf"\b(?:the\s+(?P<year0>{YEAR4})\s+|(?P<yrel>this|last|next)\s+year['’]s\s+|the\s+(?!\w+-quarter))?"
         rf"(?:fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|past|previous|most\s+recent"
         rf"|last|current)[\s-]+(?:fiscal[\s-]+)?quarter|q(?P<q>[1-4]))\b"
         rf"(?:(?:\s+of|,)?\s+(?:{Y}\b|(?P<of>last\s+year|this\s+year|next\s+year)))?",
         quarter,
         (Example("profit in the third quarter rose", "1989-10-26", "the third quarter", "1989-Q3"),
          Example("Q3 2024 results", None, "Q3 2024", "2024-Q3"),
          Example("third-quarter net income fell", "1989-10-26", "third-quarter", "1989-Q3"),
          Example("than the 1988 third quarter", None, "the 1988 third quarter", "1988-Q3"),
          Example("next year's first quarter", "1989-10-31", "next year's first quarter", "1990-Q1"),
          Example("in the fiscal first quarter", "1989-10-31", "the fiscal first quarter", "1989-Q1"),
          Example("the third-quarter loss", "1989-10-31", "third-quarter", "1989-Q3"))),
    Rule("half_year",
         rf"\b(?:the\s+)?(?:(?P<ord>first|second|latter|last)\s+half|h(?P<h>[12]))(?:\s+of)?"
         rf"(?:\s+(?:{Y}\b|(?P<of>the\s+year|this\s+year|last\s+year|next\s+year)))",
         half_year,
         (Example("in the first half of 2024 sales", None, "the first half of 2024", "2024-H1"),
          Example("in the second half of the year", "2024-03-03", "the second half of the year", "2024-H2"))),
    Rule("reported_period",
         r"\bthe\s+(?:(?P<adj>latest|current|comparable|same|most\s+recent)\s+)?(?P<ago>(?:year[\s-](?:earlier|ago)|prior[\s-]year)\s+)?"
         r"(?:fiscal\s+)?(?:quarter|(?<=latest\s)period|(?<=recent\s)period)\b(?!\s+(?:of|century|mile|final|finals)\b)"
         r"(?P<ago_after>\s+a\s+year\s+(?:ago|earlier))?",
         reported_period,
         (Example("Profit in the third quarter of 1989 rose; the quarter was strong.", None, "the quarter", "1989-Q3"),
          Example("Profit in the third quarter of 1989 rose from the year-earlier quarter.", None,
                  "the year-earlier quarter", "1988-Q3"),
          Example("Net income for the quarter fell.", "1989-10-26", "the quarter", "1989-Q3"),
          Example("Sales in the latest period were $1.76 billion.", "1989-11-02", "the latest period", "1989-Q3"),
          Example("Profit in the third quarter of 1989 rose; for the quarter a year ago it fell.", None,
                  "the quarter a year ago", "1988-Q3"))),
    Rule("year_ago_adjective",
         r"\b(?:the\s+(?:comparable\s+)?)?(?:year-(?:earlier|ago)|(?:year\s(?:earlier|ago)|prior[\s-]year)"
         r"(?=\s+(?:period|level|figure|results|quarter|month|nine|six|first|second|third|fourth)))"
         r"(?:\s+(?:(?:first|second|third|fourth)\s+quarter|period|nine\s+months|six\s+months))?\b",
         year_ago_adjective,
         (Example("Sales in the third quarter of 1989 beat the year-earlier period.", None, "the year-earlier period",
                  "1988-Q3"),
          Example("Sales in the third quarter of 1989 beat year-ago levels.", None, "year-ago", "1988-Q3"))),
    Rule("year_period", rf"\bthe\s+{Y}\s+(?:period|quarter)\b", year_period,
         (Example("Profit in the third quarter of 1989 fell from the 1988 period.", None, "the 1988 period", "1988-Q3"),
          Example("Profit in the third quarter of 1989 beat the 1988 quarter.", None, "the 1988 quarter", "1988-Q3"),
          Example("revenue in the 1988 quarter fell", None, "the 1988 quarter", "1988")),
         guard=year_ok),
    Rule("spelled_year", rf"\b(?:the\s+year\s+)?(?P<spelled>{SPELLED_YEAR})\b",
         spelled_year,
         (Example("back in nineteen ninety-six", None, "nineteen ninety-six", "1996"),
          Example("by the year two thousand", None, "the year two thousand", "2000"))),
    Rule("holiday", rf"\b(?P<holiday>{HOLIDAY})\b(?:,?\s+{Y}\b)?", holiday,
         (Example("on Christmas Eve they met", "2024-12-30", "Christmas Eve", "2024-12-24"),
          Example("Thanksgiving Day 1998", None, "Thanksgiving Day 1998", "1998-11-26")),
         guard=names_ok),
    Rule("deictic_day",
         rf"\b{POS}(?P<day>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
         rf"|the\s+day\s+after\s+tomorrow|last\s+night|overnight)\b(?:\s+(?P<part>{PART_OF_DAY})\b)?",
         deictic_day,
         (Example("Kassab's assassination today comes", "2024-11-01", "today", "2024-11-01"),
          Example("He arrived yesterday morning.", "2024-11-01", "yesterday morning", "2024-10-31TMO", "TIME"),
          Example("The vote is tonight.", "2024-11-01", "tonight", "2024-11-01TNI", "TIME"))),
    Rule("this_part_of_day", rf"\b{POS}this\s+(?P<part>morning|afternoon|evening)\b", this_part_of_day,
         (Example("He spoke this morning.", "2024-11-01", "this morning", "2024-11-01TMO", "TIME"),)),
    Rule("clock_time",
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
    Rule("weekday",
         rf"\b(?:(?P<pos>early|late)\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+"
         rf"|the\s+(?P<ana>previous|following|preceding)\s+)?"
         rf"(?P<wd>{WEEKDAY})\b\.?(?:\s+(?P<part>morning|afternoon|evening|night)\b)?",
         weekday_expression,
         (Example("Izz al-Din Kassab was killed Friday in an airstrike", "2024-11-01", "Friday", "2024-11-01"),
          Example("an official announced on Friday evening.", "2024-11-01", "Friday evening", "2024-11-01TEV", "TIME"),
          Example("The cabinet will meet Monday.", "2024-11-01", "Monday", "2024-11-04"),
          Example("Talks collapsed last Tuesday.", "2024-11-01", "last Tuesday", "2024-10-29"),
          Example("Stocks fell Oct. 27, down 4.5% from the previous Friday.", "1989-10-30", "the previous Friday",
                  "1989-10-20"),
          Example("He was arrested on May 3, 2024 and freed the following Monday.", None, "the following Monday",
                  "2024-05-06"),
          Example("They said Sunday that the bomb went off.", "2015-05-31", "Sunday", "2015-05-31")),
         guard=names_ok),
    Rule("relative_unit",
         rf"\b{POS}(?P<the>the\s+)?(?P<rel>last|next|this\s+past|this\s+coming|this|following|previous"
         rf"|preceding|prior|that\s+same|that|same|coming|past|current(?:\s+fiscal)?)\s+"
         rf"(?P<unit>day|week|weekend|month|quarter|year|decade|century|night|morning|afternoon|evening)\b",
         relative_unit,
         (Example("Israel said earlier this year that", "2024-11-01", "earlier this year", "2024", mod="START"),
          Example("proposal at the beginning of next week", "2024-11-01", "the beginning of next week", "2024-W45",
                  mod="START"),
          Example("Biden unveiled a proposal last month", "2024-06-21", "last month", "2024-05"),
          Example("meeting Burns in Doha earlier this week", "2023-12-01", "earlier this week", "2023-W48",
                  mod="START"),
          Example("In 1997 he was elected. The next year he resigned.", None, "The next year", "1998"),
          Example("profit for the current fiscal year", "1989-10-26", "the current fiscal year", "1989"))),
    Rule("reporting_year",
         r"\bthe\s+(?:(?:fiscal|financial)\s+)?year(?=\s+(?P<closing>ended|ending)\b)|\bthe\s+(?:full|fiscal)\s+year\b",
         reporting_year,
         (Example("revenue of $76 million for the year ended March 31", "1989-10-31", "the year", "P1Y", "DURATION"),
          Example("Sales for the full year were $6.6 billion.", "1989-10-31", "the full year", "1989"),
          Example("lower earnings for the fiscal year.", "1989-10-31", "the fiscal year", "1989"))),
    Rule("period_edge",
         r"\b(?:(?P<pos>(?:the\s+)?(?:beginning|start|middle|end|close)\s+of|earlier\s+in|later\s+in)\s+the\s+"
         r"(?P<unit>year|month|week|quarter)"
         r"|(?P<unit2>year|month|quarter)(?:['’]s)?[\s-]end)\b",
         period_edge,
         (Example("complete the deal by the end of the year.", "1989-10-31", "the end of the year", "1989", mod="END"),
          Example("It is expected to close around year end.", "1989-10-31", "year end", "1989", mod="END"),
          Example("In 1997 he joined. By the end of the year he had left.", "2024-11-01", "the end of the year", "1997",
                  mod="END"),
          Example("Use was delayed earlier in the year by rains.", "1989-10-26", "earlier in the year", "1989",
                  mod="START"))),
    Rule("the_weekend", r"\bthe\s+weekend\b", the_weekend,
         (Example("Talks stalled over the weekend.", "2024-11-04", "the weekend", "2024-W44-WE"),)),
    Rule("counted_relative",
         rf"\b(?:(?P<qmod>{QUANTITY_MOD})\s+)?(?P<n>{NUMBER})[\s-]+(?P<unit>{UNIT})\s+"
         rf"(?P<dir>ago|earlier|later|from\s+now|hence|(?:before|after)(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we)\b))\b",
         counted_relative,
         (Example("He was freed two days ago.", "2024-11-01", "two days ago", "2024-10-30"),
          Example("In 1997 he was elected. Three years later he quit.", None, "Three years later", "2000"),
          Example("Profit in the third quarter of 1989 rose 5% from a year earlier.", None, "a year earlier",
                  "1988-Q3"))),
    Rule("long_compound", r"\b(?P<unit>years|decades|months|weeks|days|hours|year|decade|month|week|day|hour)[-\s]?long\b",
         long_compound,
         (Example("a yearslong campaign", None, "yearslong", "PXY", "DURATION"),
          Example("a weeklong truce", None, "weeklong", "P1W", "DURATION"))),
    Rule("duration",
         rf"\b(?:(?P<qmod>{QUANTITY_MOD})\s+(?!the\b))?(?:(?:the\s+)?(?:past|last|first|next|previous|coming|final|remaining"
         rf"|latest)\s+|the\s+(?=\S+\s+\w+s\b))?"
         rf"(?P<n>{NUMBER})(?:\s+(?:more|additional|extra)(?=\s))?(?:[\s-]+|(?<=\d))(?P<unit>{UNIT})\b"
         rf"(?P<half>\s+and\s+a\s+half\b)?",
         duration_phrase,
         (Example("a 12-day ceasefire", None, "12-day", "P12D", "DURATION"),
          Example("an initial 48-hour ceasefire", None, "48-hour", "PT48H", "DURATION"),
          Example("after more than a year of military operations", None, "more than a year", "P1Y", "DURATION",
                  "MORE_THAN"),
          Example("a six-week truce", None, "six-week", "P6W", "DURATION"),
          Example("over the past three months", None, "the past three months", "P3M", "DURATION"),
          Example("for several weeks", None, "several weeks", "PXW", "DURATION"),
          Example("profit in the nine months rose", None, "the nine months", "P9M", "DURATION"),
          Example("after 5 1/2 hours of talks", None, "5 1/2 hours", "PT5H30M", "DURATION"),
          Example("it took two and a half years", None, "two and a half years", "P2Y6M", "DURATION"),
          Example("a minute and a half later", None, "a minute and a half", "PT1M30S", "DURATION"),
          Example("the base for at least 20 more years", None, "at least 20 more years", "P20Y", "DURATION", "EQUAL_OR_MORE"),
          Example("extended for an additional year", None, "an additional year", "P1Y", "DURATION"),
          Example("during the 12-day deal", None, "12-day", "P12D", "DURATION"),
          Example("it earns $5 million a year", None, "a year", "P1Y", "SET"),
          Example("they meet twice a week", None, "a week", "P1W", "SET"),
          Example("over 50,000 CDs a year are sold", None, "a year", "P1Y", "SET")),
         guard=both(not_a_name, not_age, not_fraction, not_a_year_before_unit)),
    Rule("bare_plural_duration",
         r"(?:(?<=\bfor\s)|\b(?:recent|coming|the\s+coming|the\s+past\s+few|the\s+last\s+few)\s+)"
         r"(?P<unit>days|years|decades|months|weeks|centuries)\b",
         bare_plural_duration,
         (Example("It has waited for years.", None, "years", "PXY", "DURATION"),
          Example("killed in recent months", "2024-11-01", "recent months", "PXM", "DURATION"),
          Example("talks in the coming weeks", "2024-11-01", "the coming weeks", "PXW", "DURATION"))),
    Rule("frequency",
         rf"\b(?:(?P<adverb>{FREQUENCY})|(?:every|each|per)\s+(?:(?P<unit>day|week|month|year|quarter|hour|morning"
         rf"|night|evening|decade)|(?P<wd>{WEEKDAY}))\b)",
         frequency_set,
         (Example("prayers are held every week", None, "every week", "P1W", "SET"),
          Example("sales rise annually", None, "annually", "P1Y", "SET")),
         guard=both(names_ok, lowercase_or_sentence_start, not_attributive)),
    Rule("day_of_month", rf"\bthe\s+(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)\b(?=\s*[,.;)]|\s+(?:and|or|to)\b)",
         day_of_month,
         (Example("The talks resumed on the 22nd.", "2024-02-26", "the 22nd", "2024-02-22"),)),
    Rule("vague_reference",
         r"\b(?P<ref>right\s+now|now|currently|at\s+present|nowadays|these\s+days|presently|recently|lately"
         r"|formerly|the\s+past|the\s+future|the\s+near\s+future|current)\b",
         vague_reference,
         (Example("which now lies largely in ruins", "2024-11-01", "now", "PRESENT_REF"),
          Example("the current system has evolved", "2024-11-01", "current", "PRESENT_REF"))),
]


# Things that look like dates but are not; each must give no timex over the named words.
NOT_DATES: tuple[tuple[str, str], ...] = (
    ("Iraq imports about three-quarters of its food", "three-quarters"),
    ("the Communist Party daily Granma reported", "daily"),
    ("Channel 12 news on Friday evening quoted a source", "Channel 12"),
    ("killing some 1,200 people", "1,200"),
    ("seizing 251 hostages", "251"),
    ("The attack may have been retaliation", "may"),
    ("He has also appeared on Liberty Weekly, Around the Empire", "Weekly"),
    ("some 17,000 combatants", "17,000"),
    ("drove down Route 66 at night", "Route 66"),
    ("a Boeing 747 landed", "747"),
    ("Protesters march to the square", "march"),
    ("Martonyi of Hungary and Jan Kavan of the Czech Republic signed", "Jan"),
    ("He came second in the race", "second"),
    ("Call 555-1234 now", "555-1234"),
    ("It cost $1997 in total", "1997"),
    ("sent 2000 troops to the border", "2000"),
    ("a 40-year-old man", "40-year"),
)
