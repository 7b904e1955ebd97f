"""Publication dates from metadata strings, read with dateparser and never guessed from the clock."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..temporal.lexicon import MONTHS, WEEKDAYS

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*$")
_SETTINGS = {
    "STRICT_PARSING": True,  # "June" alone is not a publication date
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # A fixed base: dateparser must never fill gaps from today's date.
    "RELATIVE_BASE": datetime(2000, 1, 1),
}
# "26 February 2024, Monday", "Mon, Feb. 26, 2024": read directly, as dateparser's first call loads its language
# data (half a second or more, on the dashboard's first view); anything else goes to dateparser.
_WRITTEN = re.compile(r"^\s*(?:(?P<before>[A-Za-z]+)\.?,?\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]+)\.?"
                      r"|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?P<year>\d{4})"
                      r"(?:,?\s+(?P<after>[A-Za-z]+))?\s*$")


class BadDate(ValueError):
    """A metadata date that cannot be read; the message quotes it."""


def parse_published(value: object) -> date | None:
    """Read a metadata date ('2024-11-01', 'Nov 1, 2024', '01/11/2024 10:04'); None when blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "null", "(not known)", "unknown"):
        return None
    iso = _ISO.match(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError as err:
            raise BadDate(f'unparseable date "{text}": {err}') from err
    if re.fullmatch(r"\s*(?:ago|now|today|yesterday|tomorrow|.*\bago\b.*)\s*", text, re.IGNORECASE):
        raise BadDate(f'unparseable date "{text}": relative dates are not publication dates')
    written = _written(text)
    if written:
        return written
    import dateparser

    parsed = dateparser.parse(text, settings=_SETTINGS)
    if parsed is None:
        raise BadDate(f'unparseable date "{text}"')
    return parsed.date()


def _written(text: str) -> date | None:
    """A day, month name and year, with the weekday if any agreeing; None for anything else."""
    match = _WRITTEN.match(text)
    if not match:
        return None
    month = MONTHS.get((match["m1"] or match["m2"]).lower())
    weekday = match["before"] or match["after"]
    if month is None or (weekday and weekday.lower() not in WEEKDAYS):
        return None
    try:
        day = date(int(match["year"]), month, int(match["d1"] or match["d2"]))
    except ValueError:
        return None
    return day if not weekday or WEEKDAYS[weekday.lower()] == day.isoweekday() else None
