"""Infer a publication date from the content, when no metadata or dateline gives one.

Honesty first: a full date the article mentions only proves the article is
not older than it ("October 7, 2023" in a piece from 2024). A day is inferred
only when the text ties a full date to the moment of writing ("today, Nov. 1,
2024"); otherwise the result is a lower bound with its reason, and the DCT
stays empty so relative dates are left unresolved rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..temporal import tag

_NOW_WORDS = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|now)\b", re.IGNORECASE)
_SENTENCE_EDGE = re.compile(r"[.!?\n]")


@dataclass
class Inference:
    published: date | None  # a day, only when the text pins it
    lower_bound: date | None  # the article is not older than this
    reason: str


def infer_published(text: str) -> Inference:
    full_dates = [t for t in tag(text, None) if t.interval is not None and t.precision == "day" and t.anchor is None]
    if not full_dates:
        return Inference(None, None, "no full date in the text to infer a publication date from")
    for timex in full_dates:
        sentence = _sentence_around(text, timex.start, timex.end)
        if _NOW_WORDS.search(sentence):
            day = timex.interval.begin.date()
            return Inference(day, day, f"'{timex.text}' is named as the day of writing ('{_NOW_WORDS.search(sentence).group(0)}' "
                                       "in the same sentence)")
    latest = max(full_dates, key=lambda t: t.interval.begin)
    bound = latest.interval.begin.date()
    return Inference(None, bound, f"published on or after {bound.isoformat()} (the latest full date it mentions, "
                                  f"'{latest.text}'); nothing in the text fixes the day")


def _sentence_around(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 300):start]
    edges = list(_SENTENCE_EDGE.finditer(before))
    head = before[edges[-1].end():] if edges else before
    after = text[end:end + 300]
    stop = _SENTENCE_EDGE.search(after)
    return head + text[start:end] + (after[:stop.start()] if stop else after)
