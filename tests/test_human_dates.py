"""Dates in the reader's words, from interval, precision and modifier: never a TIMEX3 code."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.human_dates import in_words


@pytest.mark.parametrize(("begin", "end", "precision", "mod", "value", "words"), [
    ((2024, 11, 1, 18), (2024, 11, 2), "part_of_day", None, "2024-11-01TEV", "Fri 1 Nov 2024, evening"),
    ((2024, 11, 1), (2024, 11, 2), "day", None, "2024-11-01", "Fri 1 Nov 2024"),
    ((2023, 11, 21), (2023, 12, 1), "month", "END", "2023-11", "late November 2023"),
    ((2024, 6, 17), (2024, 6, 24), "week", None, "2024-W25", "week of 17 Jun 2024"),
    ((2023, 11, 27), (2023, 11, 29, 8), "week", "START", "2023-W48", "early in the week of 27 Nov 2023"),
    ((1997, 1, 1), (1998, 1, 1), "year", None, "1997", "1997"),
    ((2024, 1, 1), (2024, 4, 1), "quarter", None, "2024-Q1", "first quarter of 2024"),
    ((2024, 6, 1), (2024, 9, 1), "season", None, "2024-SU", "summer 2024"),
    ((1990, 1, 1), (2000, 1, 1), "decade", None, "199", "the 1990s"),
    ((1900, 1, 1), (2000, 1, 1), "century", None, "19", "the 20th century"),
    ((2000, 1, 1), (2100, 1, 1), "century", None, "20", "the 21st century"),
    ((2024, 3, 5, 14, 30), (2024, 3, 5, 14, 31), "minute", None, "2024-03-05T14:30", "Tue 5 Mar 2024, 14:30"),
    ((2024, 1, 1), (2024, 11, 2), "month", None, "2024", "1 Jan – 1 Nov 2024"),
    ((2023, 12, 30), (2024, 1, 3), "day", None, "", "30 Dec 2023 – 2 Jan 2024"),
])
def test_in_words(begin, end, precision, mod, value, words):
    assert in_words(datetime(*begin), datetime(*end), precision, mod, value) == words
