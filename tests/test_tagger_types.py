"""The tagger speaks in types: timex type, precision and anchor are enums, and a timex says whether its year was written."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Anchor, Precision, TimexType
from timeline.temporal import tag


def _only(text: str, dct: str | None, words: str):
    (timex,) = [t for t in tag(text, dct) if t.text == words]
    return timex


@pytest.mark.parametrize(("text", "words", "stated"), [
    ("The talks resumed on Nov. 22.", "Nov. 22", False),  # day and month: the year was chosen
    ("The talks resumed on Nov. 22, 2023.", "Nov. 22, 2023", True),
    ("Troops withdrew in November.", "November", False),
    ("They met on Christmas Eve.", "Christmas Eve", False),
    ("Polls close at 5 p.m. Nov. 9.", "5 p.m. Nov. 9", False),
    ("In 1997 he was elected.", "1997", True),
    ("He was killed Friday.", "Friday", True),  # counted from the publication date, not a year left out
    ("prices in March 2024 rose", "March 2024", True),
])
def test_a_timex_says_whether_its_year_was_written(text, words, stated):
    assert _only(text, "2024-11-01", words).year_stated is stated


def test_types_anchors_and_precisions_are_enums_with_the_old_strings():
    friday = _only("Kassab was killed Friday.", "2024-11-01", "Friday")
    assert friday.type is TimexType.DATE and friday.type == "DATE"
    assert friday.anchor is Anchor.DCT and friday.anchor == "DCT"
    assert friday.precision is Precision.DAY and friday.precision == "day"
    later = [t for t in tag("He was arrested in May 2024 and freed two years later.", None) if t.text == "two years later"]
    assert later[0].anchor is Anchor.MENTION and later[0].anchor == "earlier mention"
    assert _only("In 1997 he was elected.", None, "1997").anchor is None


def test_precision_ranks_from_coarse_to_fine():
    assert [p.rank for p in Precision] == sorted(p.rank for p in Precision)
    assert Precision.CENTURY.rank < Precision.YEAR.rank < Precision.MONTH.rank < Precision.DAY.rank < Precision.MINUTE.rank
    assert Precision.DAY.is_point and Precision.MINUTE.is_point and not Precision.WEEK.is_point


@pytest.mark.parametrize(("precision", "start", "after_one_step", "shown"), [
    (Precision.QUARTER, datetime(2024, 7, 1), datetime(2024, 10, 1), "Jul 2024"),
    (Precision.MONTH, datetime(2024, 1, 31), datetime(2024, 2, 29), "January 2024"),
    (Precision.DAY, datetime(2024, 11, 1), datetime(2024, 11, 2), "Fri 01 Nov 2024"),
    (Precision.DECADE, datetime(1990, 1, 1), datetime(2000, 1, 1), "1990 (decade)"),
])
def test_precision_steps_and_display(precision, start, after_one_step, shown):
    assert start + precision.step == after_one_step
    assert start.strftime(precision.display) == shown


def test_precision_fields_say_what_a_date_knows():
    assert Precision.YEAR.fields == ("year",)
    assert Precision.MONTH.fields == ("year", "month")
    assert Precision.MINUTE.fields == ("year", "month", "day", "hour", "minute")
