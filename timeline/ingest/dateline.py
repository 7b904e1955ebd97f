"""Publication dates written in the article itself: datelines, bylines, 'Published:' lines.

Only the head of the text is searched (where news puts them). Date strings
are parsed with dateparser through :func:`parse_published`; a dateline
without a year ("WASHINGTON, March 3 (Reuters) -") borrows the latest year
the article mentions, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import BadDate, parse_published

HEAD = 600  # characters searched from the start of the text
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
         rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})(?:,?\s+{_WEEKDAY})?")
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"

# (kind, pattern): each pattern has a group named "date"; ordered by how plainly it states publication.
PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("published line", re.compile(rf"\b(?:Published|Posted|Publication date|Date)\s*(?:on)?\s*:?\s*(?P<date>{_DATE}){_TIME}",
                                  re.IGNORECASE)),
    ("date line", re.compile(rf"^[\s|•·*#>-]*(?P<date>{_DATE})[\s|•·*,-]*$", re.MULTILINE | re.IGNORECASE)),
    ("byline", re.compile(rf"^\s*By\s+[A-Z][\w.'’ -]{{1,60}}?\s*[|·•—–-]\s*(?P<date>{_DATE}){_TIME}", re.MULTILINE)),
    ("agency dateline", re.compile(
        rf"^\s*[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,\s+(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
        rf"\s*(?:\((?:[A-Za-z .]{{2,30}})\))?\s*[-–—]", re.MULTILINE)),
    ("updated line", re.compile(rf"\b(?:Updated|Last updated|Modified)\s*(?:on)?\s*:?\s*(?P<date>{_DATE}){_TIME}",
                                re.IGNORECASE)),
)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass
class Dateline:
    published: date
    kind: str  # which pattern found it
    words: str  # the date as written
    note: str = ""


def find_dateline(text: str) -> Dateline | None:
    """The publication date the article states near its top, if any."""
    head = text[:HEAD]
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(head):
            words = " ".join(match.group("date").split())
            note = ""
            if kind == "agency dateline" and not re.search(r"\d{4}", words):
                years = [int(y) for y in _YEAR.findall(text)]
                if not years:
                    continue
                words, note = f"{words}, {max(years)}", f"year {max(years)} taken from the latest year the text mentions"
            try:
                published = parse_published(_without_weekday(words))
            except BadDate:
                continue
            if published is not None:
                return Dateline(published, kind, words, note)
    return None


def _without_weekday(words: str) -> str:
    return re.sub(rf"(?:^{_WEEKDAY},?\s+|,?\s+{_WEEKDAY}$)", "", words, flags=re.IGNORECASE).strip(" ,")
