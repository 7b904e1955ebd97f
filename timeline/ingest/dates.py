"""Publication dates from metadata strings, read with dateparser and never guessed from the clock."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*$")
_SETTINGS = {
    "STRICT_PARSING": True,  # "June" alone is not a publication date
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # A fixed base: dateparser must never fill gaps from today's date.
    "RELATIVE_BASE": datetime(2000, 1, 1),
}


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
    parsed = dateparser.parse(text, settings=_SETTINGS)
    if parsed is None:
        raise BadDate(f'unparseable date "{text}"')
    return parsed.date()
