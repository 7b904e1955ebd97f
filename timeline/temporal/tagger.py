"""The tagging engine: run the rules, keep the best non-overlapping matches, resolve them in order.

Resolution walks the text left to right so that narrative expressions
("the next day", "a year earlier") can anchor on the date mentioned last.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from ..model import Anchor, Interval, Precision, Timex, TimexType
from .calendar import Point
from .dispatch import resolve
from .find import Finder, scan
from .guards import not_in_a_compound, not_in_a_name
from .resolve import Context, NotADate, Resolution, narrow
from .rule import Part, Rule
from .rules import RULES

_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:\bfrom|\bbetween)\s+$", re.IGNORECASE)


_PLACED = (TimexType.DATE, TimexType.TIME)  # the types that can have a place in time
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
FINDER = Finder([rule.trigger for rule in RULES])


class OriginalMatch:
    """A match found in the lower-cased copy of the text, read back from the original words.

    Lower-casing only A-Z keeps every offset, so spans and groups line up.
    """

    __slots__ = ("_match", "string", "re")

    def __init__(self, match: re.Match, text: str) -> None:
        self._match, self.string, self.re = match, text, match.re

    def group(self, name: int | str = 0) -> str | None:
        start, end = self._match.span(name)
        return None if start < 0 else self.string[start:end]

    def start(self, name: int | str = 0) -> int:
        return self._match.start(name)

    def end(self, name: int | str = 0) -> int:
        return self._match.end(name)


@dataclass
class _Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    match: OriginalMatch


def tag(text: str, dct: date | datetime | str | None = None, *, day_first: bool = False) -> list[Timex]:
    """Find and resolve the temporal expressions of ``text`` written on ``dct``.

    ``dct`` is the document creation time (publication date); without it,
    relative expressions get underspecified TIMEX3 values and no interval.
    """
    anchor_time = _as_datetime(dct)
    with _collector_paused():
        return _tag(text, anchor_time, day_first)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Tagging makes many short-lived objects and no reference cycles; the cyclic collector's
    repeated full passes over them would make time grow faster than the text."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _tag(text: str, anchor_time: datetime | None, day_first: bool) -> list[Timex]:
    """Find, read and resolve, left to right, so that each expression can anchor on the date before it."""
    timexes: list[Timex] = []
    reference: tuple[Point, str] | None = None
    known_years: dict[tuple[int, int], int] = {}
    dated: tuple[int, int, datetime] | None = None  # a quoted text with its own date: (start, end, date)
    for cand in _select(_candidates(text)):
        try:
            reading = cand.rule.read(cand.match)
        except NotADate:
            continue
        parts = reading if isinstance(reading, list) else [Part(cand.start, cand.end, reading)]
        inside = dated is not None and dated[0] < cand.start < dated[1]
        ctx = Context(dated[2] if inside else anchor_time, day_first, reference[0] if reference else None,
                      reference[1] if reference else "", known_years, text, (cand.start, cand.end))
        resolutions = _resolve(parts, ctx)
        for part, res in zip(parts, resolutions, strict=True):
            timex = _to_timex(text, part, res, cand.rule.name, len(timexes) + 1)
            if inside and res.anchor == Anchor.DCT:
                timex.anchor = Anchor.MENTION
                timex.explanation += f" (here: the date of the quoted text, {dated[2].date()})"
            timexes.append(timex)
            if res.point is not None and timex.type in _PLACED and res.moves_reference:
                reference = (res.point, timex.text)
            if res.point is not None and res.point.precision == Precision.DAY and res.anchor is None:
                known_years[(res.point.start.month, res.point.start.day)] = res.point.start.year
                dated = _dated_quote(text, timex.start, timex.end, res.point.start) or dated
    _link_ranges(text, timexes)
    return timexes


_DATED = re.compile(r"\b(?:dated|written\s+on|sent\s+on)\s+(?:\w+,?\s+)?$", re.IGNORECASE)
_QUOTE_OPENS = re.compile(r"^[^.!?\n\"“`]{0,80}?(?:``|[\"“])")
_QUOTE_CLOSES = re.compile(r"''|[\"”]")


def _dated_quote(text: str, start: int, end: int, day: datetime) -> tuple[int, int, datetime] | None:
    """'a letter dated March 3, 2019, reads: "I will arrive on Friday"': the quote speaks from its own date,
    so its relative dates count from that date, not from the publication date."""
    if not _DATED.search(text, max(0, start - 30), start):
        return None
    opening = _QUOTE_OPENS.match(text[end:end + 100])
    if opening is None:
        return None
    closing = _QUOTE_CLOSES.search(text, end + opening.end(), end + opening.end() + 3000)
    return (end + opening.end(), closing.start() if closing else end + opening.end(), day)


def _resolve(parts: list[Part], ctx: Context) -> list[Resolution]:
    """Each part's reading placed in the context; none when the words turn out not to be a date."""
    try:
        return [resolve(part.reading, ctx) for part in parts]
    except NotADate:
        return []
    except OverflowError:  # steps past year 1 or 9999: the date cannot be placed, as if there were no DCT
        blind = Context(None, ctx.day_first, None, "", None, ctx.text, ctx.span)
        try:
            return [resolve(part.reading, blind) for part in parts]
        except (NotADate, OverflowError):
            return []


def _as_datetime(dct: date | datetime | str | None) -> datetime | None:
    if dct is None or dct == "":
        return None
    if isinstance(dct, datetime):
        return dct.replace(tzinfo=None)
    if isinstance(dct, date):
        return datetime(dct.year, dct.month, dct.day)
    text = str(dct).strip()
    try:
        return datetime.fromisoformat(text[:19] if "T" in text else text[:10]).replace(tzinfo=None)
    except ValueError as err:
        raise ValueError(f"publication date {dct!r} is not an ISO date (YYYY-MM-DD)") from err


def _candidates(text: str) -> list[_Candidate]:
    """Every rule's matches, each rule's pattern run only near its triggers."""
    found = []
    lowered = text.translate(ASCII_LOWER)
    for order, (rule, windows) in enumerate(zip(RULES, FINDER.windows(lowered), strict=True)):
        for raw in scan(rule.regex, lowered, windows):
            if raw.end() == raw.start() or _BLANK_LINE.search(lowered, raw.start(), raw.end()):
                continue  # empty, or running across a paragraph break
            match = OriginalMatch(raw, text)
            if (rule.guard is None or rule.guard(match, text)) and not_in_a_name(match, text) \
                    and not_in_a_compound(match, text):
                found.append(_Candidate(raw.start(), raw.end(), order, rule, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match wins; among equals, the rule declared first. Returns them in text order.

    One byte per character marks the text already taken, so each candidate costs its own length and the
    selection stays linear in the text (a sorted list of chosen spans made it quadratic on dense text).
    """
    taken = bytearray(max((c.end for c in candidates), default=0))
    chosen = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if taken.find(1, cand.start, cand.end) < 0:
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _to_timex(text: str, part: Part, res: Resolution, rule: str, number: int) -> Timex:
    start, end = _trim(text, part.start, part.end)
    interval = None
    if res.point is not None and res.type in _PLACED:
        begin, finish = res.span or narrow(res.point, res.mod)
        interval = Interval(begin, finish, res.point.precision)
    words = text[start:end]
    return Timex(
        start=start, end=end, text=words, type=res.type, value=res.value, mod=res.mod,
        interval=interval, anchor=res.anchor, explanation=f"'{words}' → {res.value}: {res.how}",
        rule=rule, tid=f"t{number}", year_stated=res.year_stated,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:.":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _link_ranges(text: str, timexes: list[Timex]) -> None:
    """'from 2001 to 2009', '2009-2010', 'between March and May': link the two ends."""
    for first, second in zip(timexes, timexes[1:], strict=False):
        if first.type not in _PLACED or second.type not in _PLACED:
            continue
        between = text[first.end:second.start]
        if not _RANGE_JOIN.match(between):
            continue
        joiner = between.strip().lower()
        opened = _RANGE_OPEN.search(text[max(0, first.start - 10):first.start])
        between_and = opened is not None and opened.group(0).lower().startswith("between")
        if joiner in ("-", "–", "—") or (opened and joiner != "and") or between_and:
            first.range_partner, second.range_partner = second.tid, first.tid
