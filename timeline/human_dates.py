"""Dates in the reader's words: "Fri 1 Nov 2024, evening", "late November 2023", "week of 17 Jun 2024", "1997".

Every place people read a date (chart labels, hover, the exported page, the
dashboard, TimelineJS ``display_date``) goes through ``in_words``, so TIMEX3
codes such as ``2024-11-01TEV`` never reach a reader. The reader's formats live
here; what is a point and which fields a precision knows come from ``Precision``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum

from .model import Modality, Placement, Precision

UNCERTAIN_BELOW = 0.5  # below this confidence a date is called uncertain (and drawn faint)


class Note(StrEnum):
    """What a reader should know about an event's date, in the order the exported page numbers them."""

    INFERRED = "time inferred from the story around it"
    PLANNED = "planned or expected"
    HYPOTHETICAL = "hypothetical"
    CONFLICT = "sources disagree on the date"
    UNCERTAIN = "uncertain date"


def notes(placement: str, modality: str, conflict: bool, confidence: float) -> list[Note]:
    """The notes an event's date carries: one decision for the dashboard, the hover and the exported page."""
    flags = (placement == Placement.INFERRED, modality == Modality.PLANNED, modality == Modality.HYPOTHETICAL,
             bool(conflict), confidence < UNCERTAIN_BELOW)
    return [note for note, flag in zip(Note, flags, strict=True) if flag]


# Precisions drawn as a point (a marker) rather than a span (a bar): an exact day or finer.
POINT_PRECISIONS = frozenset(str(p) for p in Precision if p.is_point)

# How one unit of each precision is written (strftime), for the unit that holds ``begin``.
_UNIT_FORMATS = {
    "minute": "%a {day} %b %Y, %H:%M", "hour": "%a {day} %b %Y, %H:00", "part_of_day": "%a {day} %b %Y",
    "day": "%a {day} %b %Y", "weekend": "weekend of {day} %b %Y", "week": "week of {day} %b %Y",
    "month": "%B %Y", "year": "%Y",
}
# How far one unit reaches, to tell one unit ("November 2023") from a stretch ("January – May 2024").
_UNIT_LENGTH = {
    "minute": timedelta(minutes=1), "hour": timedelta(hours=1), "part_of_day": timedelta(days=1),
    "day": timedelta(days=1), "weekend": timedelta(days=3), "week": timedelta(days=7), "month": timedelta(days=31),
    "season": timedelta(days=92), "quarter": timedelta(days=92), "half": timedelta(days=184),
    "year": timedelta(days=366), "decade": timedelta(days=3653), "century": timedelta(days=36525),
}
_PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_MODS = {"START": "early {}", "MID": "mid-{}", "END": "late {}", "APPROX": "about {}", "BEFORE": "before {}",
         "AFTER": "after {}", "ON_OR_BEFORE": "by {}", "ON_OR_AFTER": "from {}"}
_WEEK_MODS = {"START": "early in the {}", "MID": "in the middle of the {}", "END": "late in the {}"}  # "week of …"
# A short name of each precision for people ("exact day", "month"), for legends and the detail view.
PRECISION_WORDS = {
    "minute": "exact time", "hour": "hour", "part_of_day": "part of a day", "day": "exact day", "weekend": "weekend",
    "week": "week", "month": "month", "season": "season", "quarter": "quarter", "half": "half year", "year": "year",
    "decade": "decade", "century": "century",
}


def as_written(date_text: str, escape: Callable[[str], str]) -> str:
    """The date's own words (``escape``d for where they are shown), or that its sentence wrote none (a time
    inferred from the report or the story)."""
    return f"as written: “{escape(date_text)}”" if date_text else "no date written"


def in_words(begin: datetime, end: datetime, precision: str, mod: str | None = None, value: str = "") -> str:
    """The interval [begin, end) as a reader says it, at its precision, with its modifier ("late", "mid-")."""
    if end - begin > _UNIT_LENGTH.get(precision, timedelta(days=1)) and mod not in _MODS:
        return _stretch(begin, end, precision)
    text = unit_words(begin, precision, value)
    if mod in _MODS:
        text = (_WEEK_MODS if precision in ("week", "weekend") and mod in _WEEK_MODS else _MODS)[mod].format(text)
    return text


# A list of earlier events writes a date short: the day, month or year matters decades on, not the weekday.
_SHORT_FORMATS = {"day": "{day} %b %Y", "week": "%b %Y", "weekend": "%b %Y", "month": "%b %Y"}


def short_words(begin: datetime, end: datetime, precision: str, mod: str | None = None) -> str:
    """The date as a chronology writes it: "7 Oct 2023", "May 2015" (a week or a month), "1997", "early 1997"."""
    unit = "day" if precision in POINT_PRECISIONS else precision
    if unit not in _SHORT_FORMATS or end - begin > _UNIT_LENGTH[unit]:
        return in_words(begin, end, precision, mod)
    text = begin.strftime(_SHORT_FORMATS[unit]).format(day=begin.day)
    return _MODS[mod].format(text) if mod in _MODS else text


def unit_words(moment: datetime, precision: str, value: str = "") -> str:
    """The one unit of ``precision`` that holds ``moment`` ("Fri 1 Nov 2024, evening", "summer 2024")."""
    if precision in _UNIT_FORMATS:
        return moment.strftime(_UNIT_FORMATS[precision]).format(day=moment.day) + _part_of_day(precision, value)
    return _UNIT_WORDS.get(precision, lambda m, _: m.strftime("%a {day} %b %Y").format(day=m.day))(moment, value)


def _part_of_day(precision: str, value: str) -> str:
    part = _PARTS_OF_DAY.get(value[-2:], "") if precision == "part_of_day" and "T" in value else ""
    return f", {part}" if part else ""


def _season(moment: datetime, value: str) -> str:
    season = _SEASONS.get(value[-2:], "")
    return f"{season} {moment.year}" if season else moment.strftime("%B %Y")


def _century(moment: datetime, _value: str) -> str:
    number = moment.year // 100 + 1
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"the {number}{suffix} century"


# Units that strftime cannot write.
_UNIT_WORDS = {
    "season": _season,
    "quarter": lambda m, _: f"{_ORDINAL[(m.month - 1) // 3 + 1]} quarter of {m.year}",
    "half": lambda m, _: f"{_ORDINAL[(m.month - 1) // 6 + 1]} half of {m.year}",
    "decade": lambda m, _: f"the {m.year // 10 * 10}s",
    "century": _century,
}


def _stretch(begin: datetime, end: datetime, precision: str) -> str:
    """More than one unit ("earlier this year" up to the publication date): its first and last day."""
    last = end - timedelta(microseconds=1)
    if begin.year == last.year:
        first = f"{begin.day} {begin:%b}" if begin.month != last.month else f"{begin.day}"
        return f"{first} – {last.day} {last:%b %Y}"
    return f"{begin.day} {begin:%b %Y} – {last.day} {last:%b %Y}"
