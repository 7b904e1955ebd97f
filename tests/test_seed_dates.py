"""The seed articles' dates that must resolve (issue 2), in `tag` and as event dates in `build`."""

from __future__ import annotations

import pytest

from timeline.temporal import tag

EXPECTED = [
    ("001", "2024-11-01", "was killed Friday in an airstrike", "Friday", "2024-11-01", None),
    ("001", "2024-11-01", "Hamas’s October 7, 2023, massacre", "October 7, 2023", "2023-10-07", None),
    ("001", "2024-11-01", "as of August", "August", "2024-08", None),
    ("001", "2024-11-01", "in late November", "late November", "2023-11", "END"),
    ("001", "2024-11-01", "entered the Strip in 2014", "2014", "2014", None),
    ("000", "2024-11-01", "In September, Israel assassinated", "September", "2024-09", None),
    ("004", "2023-12-01", "a nationwide address on Nov. 22", "Nov. 22", "2023-11-22", None),
    ("004", "2023-12-01", "the Munich Olympics in 1972", "1972", "1972", None),
]
NOT_DATES = [("001", "Channel 12 news"), ("001", "1,200 people"), ("001", "251 hostages"),
             ("002", "The attack may have been retaliation"), ("003", "Liberty Weekly")]


@pytest.mark.parametrize(("article", "dct", "context", "words", "value", "mod"), EXPECTED)
def test_seed_expression_resolves(seed_text, article, dct, context, words, value, mod):
    text = seed_text(article)
    where = text.index(context) + context.index(words)
    timex = next((t for t in tag(text, dct) if t.start == where), None)
    assert timex is not None, f"{words!r} not found"
    assert (timex.text, timex.value, timex.mod) == (words, value, mod), timex.explanation


@pytest.mark.parametrize(("article", "context", "words"), [
    ("004", "a nationwide address on Nov. 22", "Nov. 22"), ("001", "was killed Friday in an airstrike", "Friday"),
    ("001", "in late November", "late November"), ("004", "the Munich Olympics in 1972", "1972")])
def test_seed_expression_becomes_event_date(seed_timeline, article, context, words):
    expected = {row[3]: row[4] for row in EXPECTED}[words]
    dated = [e for e in seed_timeline.event_list if any(context in s.sentence for s in e.sources)]
    # a merged event may carry a finer date from another source ("Friday evening" for "Friday")
    assert any(e.value.startswith(expected) for e in dated), [e.value for e in dated]


@pytest.mark.parametrize(("article", "phrase"), NOT_DATES)
def test_seed_lookalikes_are_not_dates(seed_text, article, phrase):
    text = seed_text(article)
    start = text.index(phrase)
    end = start + len(phrase)
    clash = [t for t in tag(text, "2024-11-01") if t.start < end and start < t.end]
    assert not clash, [(t.text, t.value) for t in clash]


def test_weekday_in_same_day_report_is_the_dct(seed_text):
    found = [t for t in tag(seed_text("002"), "2015-05-31") if t.text == "Sunday"]
    assert [t.value for t in found] == ["2015-05-31"]
