"""Properties of `tag` that must hold for any text and any publication date (hypothesis)."""

from __future__ import annotations

import os
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import tag

# Well-formed TIMEX3 values: dates/times (with X placeholders), durations, sets, vague references.
VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX.]+(?:Y|M|W|D|Q|DE|CE|ML|L|E|C))+(?:T(?:[\dX.]+[HMS])+)?|PT(?:[\dX.]+[HMS])+"
    r"|[\dX]{2,4}(?:-(?:[\dX]{2}|W[\dX]{2}|Q[\dX]|H[12]|SP|SU|FA|WI)(?:-(?:[\dX]{2}|WE|[1-7]))?)?"
    r"(?:T(?:[\dX]{2}(?::[\dX]{2})?|MO|AF|EV|NI|DT))?)$")

WORDS = ["Friday", "Nov.", "22", "2024", "in", "late", "November", "ago", "two", "weeks", "the", "next", "day",
         "March", "may", "1,200", "Channel", "12", "last", "year", "10:35", "a.m.", "1990s", "Q3", "today", ",", ".",
         "\n", "\n\n", "-", "/", "'", "mid-", "fiscal", "century", "20th", "every", "week", "yearslong", "$", "%"]
news_like = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_like)
dcts = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                 st.sampled_from([date(1, 1, 1), date(1, 1, 6), date(9999, 12, 31), date(9999, 12, 25)]))
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "300"))  # raise it for a deeper run
# The suite runs the same examples every time (no flaky CI); PROPERTY_RANDOM=1 explores new ones.
fast = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=not os.environ.get("PROPERTY_RANDOM"))


@fast
@given(any_text, dcts)
def test_tag_is_total_and_well_formed(text, dct):
    found = tag(text, dct)
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert VALUE.match(timex.value), timex.value
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        if timex.interval is not None:
            assert timex.interval.begin < timex.interval.end
    assert [(t.start, t.end) for t in found] == sorted((t.start, t.end) for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False)), "no overlapping mentions"


@fast
@given(any_text, dcts)
def test_tag_is_deterministic(text, dct):
    assert tag(text, dct) == tag(text, dct)


@fast
@given(any_text, st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=80), dcts)
def test_appended_unrelated_text_leaves_earlier_mentions_alone(text, tail, dct):
    base = tag(text, dct)
    longer = [t for t in tag(text + "\n\nZq " + tail, dct) if t.end <= len(text)]
    assert [(t.start, t.end, t.value, t.mod) for t in longer] == [(t.start, t.end, t.value, t.mod) for t in base]
