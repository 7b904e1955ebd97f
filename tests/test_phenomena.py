"""Phenomena of English news the tagger must get right: each with examples and the look-alikes beside them.

The look-alikes that must give no date at all are in ``NOT_DATES`` (timeline/temporal/rules/__init__.py);
here are the ones that must stay dates.
"""

from __future__ import annotations

import pytest

from timeline.temporal import tag


def _values(text: str, dct: str | None) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


@pytest.mark.parametrize(("text", "words", "value"), [
    ('He said, "Next Monday."', "Next Monday", "2015-04-13"),  # quoted speech, not a title
    ('The vote is "next Monday" at the earliest.', "next Monday", "2015-04-13"),
    ("Today, the talks resumed.", "Today", "2015-04-10"),  # capitalised at the start of a sentence
    ("Officials said Friday that the talks had failed.", "Friday", "2015-04-10"),
    ("They met on the Sunday after the vote.", "Sunday", "2015-04-05"),
    ("The Today show aired Friday.", "Friday", "2015-04-10"),
])
def test_time_words_near_names_stay_dates(text, words, value):
    assert _values(text, "2015-04-10").get(words) == value


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("He was arrested on 12 June 2024 and charged with fraud in August of that year.", "2025-03-01",
     {"August of that year": "2024-08"}),
    ("The law passed in 1997 and took effect in March of the same year.", None, {"March of the same year": "1997-03"}),
    # look-alike: without "of", "that year's" belongs to the next noun
    ("In 1997 the board met. In August, that year's budget was cut.", None, {"August": "XXXX-08", "that year": "1997"}),
])
def test_a_month_of_that_year_takes_the_year_last_mentioned(text, dct, expected):
    values = _values(text, dct)
    assert {words: values.get(words) for words in expected} == expected


def test_a_title_line_and_the_dateline_below_it_are_two_expressions():
    found = [(t.text, t.value) for t in tag("Friday\nSeptember 18, 2008\n\nThe talks resumed.", "2008-09-19")]
    assert found == [("Friday", "2008-09-19"), ("September 18, 2008", "2008-09-18")]


def test_a_weekday_and_date_on_one_line_are_one_expression():
    found = [(t.text, t.value) for t in tag("Published Friday, September 18, 2008 at noon.", None)]
    assert found[0] == ("Friday, September 18, 2008", "2008-09-18")


@pytest.mark.parametrize(("text", "begin", "end"), [
    ("Israel said earlier this year that the talks failed.", "2024-01-01", "2024-11-01"),
    ("It happened earlier this month.", "2024-11-01", "2024-11-01"),  # on the 1st nothing of the month has passed
    ("The plant will open later this month.", "2024-11-02", "2024-12-01"),
])
def test_earlier_this_year_runs_up_to_the_publication_date(text, begin, end):
    (timex,) = tag(text, "2024-11-01")
    if begin == end:  # an empty stretch: the granule's first third, as TIMEX3's START says
        assert timex.interval.begin.isoformat()[:10] == begin and timex.interval.end > timex.interval.begin
        return
    assert (timex.interval.begin.isoformat()[:10], timex.interval.end.isoformat()[:10]) == (begin, end)
    assert timex.mod in ("START", "END")


def test_earlier_this_morning_stays_a_part_of_the_day():
    (timex,) = tag("He spoke earlier this morning.", "2024-11-01")
    assert timex.value == "2024-11-01TMO"


@pytest.mark.parametrize(("text", "dct", "tense"), [
    ('"We will still hold the vote on June 1," he said.', "2024-05-20", "future"),  # the quote's tense, not "said"
    ("``We will meet Friday,'' officials said.", "2024-11-01", "future"),
    ('"The vote was held on June 1," he said.', "2024-06-20", "past"),
    ("He said the vote would be held on June 1.", "2024-05-20", "future"),  # no quote: the clause's own cue
])
def test_quoted_speech_keeps_its_own_tense(text, dct, tense):
    (timex,) = tag(text, dct)
    assert f"{tense} tense" in timex.explanation


def test_a_dated_quoted_text_speaks_from_its_own_date():
    text = 'In a letter dated March 3, 2019, he wrote: "I will arrive on Friday and leave next week." He never came.'
    found = {t.text: (t.value, t.anchor) for t in tag(text, "2024-11-01")}
    assert found["Friday"] == ("2019-03-08", "earlier mention")
    assert found["next week"] == ("2019-W10", "earlier mention")


def test_a_quote_in_a_later_sentence_speaks_from_the_publication_date():
    text = 'The report dated March 3, 2019 was released. "We will act on Friday," he said.'
    found = {t.text: t.value for t in tag(text, "2024-11-01")}
    assert found["Friday"] == "2024-11-01"


@pytest.mark.parametrize(("text", "words", "type_", "value"), [
    ("It snowed heavily last winter.", "last winter", "DATE", "2014-WI"),
    ("The plant closed in winter 2019.", "winter 2019", "DATE", "2019-WI"),
    ("Music of the '70s filled the hall.", "the '70s", "DATE", "197"),
    ("The families waited for months.", "months", "DURATION", "PXM"),
    ("The feud lasted for decades.", "decades", "DURATION", "PXDE"),
    # vague spans named by a noun phrase (their adjective look-alikes are in NOT_DATES)
    ("Margins will stay thin in the near term.", "the near term", "DATE", "FUTURE_REF"),
    ("Sales have soared in recent years.", "recent years", "DATE", "PAST_REF"),
    ("Sales have soared in recent months.", "recent months", "DURATION", "PXM"),
    ("Music of the Seventies filled the hall.", "the Seventies", "DATE", "197"),
    # a short offset from the happening last told is a length (TimeML); a year before stays a date
    ("The plant closed on May 3, 2014. Three days later, workers marched.", "Three days", "DURATION", "P3D"),
    ("Profit in the third quarter of 2014 rose 5% from a year earlier.", "a year earlier", "DATE", "2013-Q3"),
])
def test_seasons_decades_vague_spans_and_lengths(text, words, type_, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2015-04-15")}
    assert found.get(words) == (type_, value), found


@pytest.mark.parametrize("text", [
    "Winter Park officials met.",  # a place named after a season
    "Months Ahead is a new podcast.",
])
def test_season_and_plural_look_alikes_in_names_are_not_dates(text):
    assert not [t for t in tag(text, "2015-04-15") if t.type in ("DATE", "DURATION")], text

