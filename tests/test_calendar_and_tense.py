"""Calendar arithmetic and tense cues, the two things every resolution rests on."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.temporal import tag
from timeline.temporal.calendar import Point
from timeline.temporal.tense import clause_tense


@pytest.mark.parametrize(("precision", "moment", "value", "begin", "end"), [
    ("year", datetime(1997, 6, 3), "1997", datetime(1997, 1, 1), datetime(1998, 1, 1)),
    ("decade", datetime(1994, 1, 1), "199", datetime(1990, 1, 1), datetime(2000, 1, 1)),
    ("century", datetime(1972, 1, 1), "19", datetime(1900, 1, 1), datetime(2000, 1, 1)),
    ("quarter", datetime(2024, 8, 9), "2024-Q3", datetime(2024, 7, 1), datetime(2024, 10, 1)),
    ("week", datetime(2024, 11, 1), "2024-W44", datetime(2024, 10, 28), datetime(2024, 11, 4)),
    ("month", datetime(2023, 11, 30), "2023-11", datetime(2023, 11, 1), datetime(2023, 12, 1)),
    ("day", datetime(2024, 2, 29), "2024-02-29", datetime(2024, 2, 29), datetime(2024, 3, 1)),
])
def test_point_value_and_interval(precision, moment, value, begin, end):
    point = Point.of(precision, moment)
    assert point.value == value
    assert (point.interval.begin, point.interval.end) == (begin, end)


def test_iso_week_of_year_boundary():
    assert Point.of("week", datetime(2021, 1, 2)).value == "2020-W53"


def test_shift_keeps_precision():
    assert Point.of("quarter", datetime(2024, 1, 5)).shift(-1).value == "2023-Q4"
    assert Point.of("month", datetime(2024, 1, 31)).shift_by(1, "M").value == "2024-02"


def test_calendar_edges_do_not_overflow():
    last = Point.of("year", datetime(9999, 5, 1))
    assert last.interval.end > last.interval.begin


@pytest.mark.parametrize(("sentence", "words", "tense"), [
    ("Kassab was killed Friday in an airstrike.", "Friday", "past"),
    ("The cabinet will meet Monday to decide.", "Monday", "future"),
    ("The rights, which expire Nov. 21, can be exercised.", "Nov. 21", "future"),
    ("The dividend is payable Dec. 7 to holders.", "Dec. 7", "future"),
    ("He redeemed preferred shares on Oct. 31.", "Oct. 31", "past"),
    ("Since Tuesday, the shares have gained 4%.", "Tuesday", "past"),
    ("Two members had filed reports by Wednesday.", "Wednesday", "past"),
    # a past verb telling how long something went on closes the stretch in the past; look-alikes point ahead
    ("The talks ran until Friday, ending without a deal.", "Friday", "past"),
    ("The ceasefire held through Sunday.", "Sunday", "past"),
    ("The talks will run until Friday.", "Friday", "future"),
    ("The hearing was postponed until Friday.", "Friday", "future"),
    ("Schools were closed until Monday.", "Monday", "future"),
    ("The offer is valid until Friday.", "Friday", "future"),
    ("The company said the offer expires Nov. 21.", "Nov. 21", "future"),
    ("The increased dividend will be paid Dec. 14 to holders.", "Dec. 14", "future"),
    ("The case is heard in May in the appeals court.", "May", "present"),
    ("The thrift announced the plan Aug. 21.", "Aug. 21", "past"),
    ("The council did not plan to close the road on Thursday.", "Thursday", "future"),
    # "will" governs its whole clause, however long; other cues count only near the words
    ("The league will name a new coach for the youth team of the northern district in December.",
     "December", "future"),
    ("Talks broke down after a long and bitter row about the coach for the youth team of the northern "
     "district in December.", "December", "unknown"),  # "plan to": still ahead
    ("Talks on Friday about the travel plans for the team.", "Friday", "unknown"),  # "plans for": a noun
    # a full stop taken in with the words ends the sentence: the next sentence's verbs are not this clause's
    ("Storms along the coast of Maine on Fri. No one has counted the damage.", "Fri.", "unknown"),
    ("The offer ends at 5 p.m. The board has met.", "5 p.m.", "unknown"),
    # look-alike: an abbreviation inside the sentence keeps the words after it
    ("The vote on Fri. will decide it.", "Fri.", "future"),
    # a plan's time after "planned for" is still to come
    ("The official said that the vote was planned for early March, but no date was fixed yet.", "early March",
     "future"),
    ("Talks are scheduled for Friday.", "Friday", "future"),
    # look-alikes: what was refused or failed, and a plan's noun, say nothing of what is to come
    ("He refused to sign the treaty in March.", "March", "past"),
    ("The accession took place in early March.", "March", "past"),
    # what was decided or agreed on a day was done that day: the day is the decision's, not the infinitive's
    ("Lawmakers voted to approve the budget on Tuesday.", "Tuesday", "past"),
    ("Acme and Beta agreed to merge on Monday, the companies said.", "Monday", "past"),
    # an attribution tail has the report's tense, not the clause's
    ("The alliance will admit three countries in early March, an official said on Wednesday.", "March", "future"),
    ("The troops withdrew from the town in March, officials said.", "March", "past"),
    ("Ahead of the ceremony, the minister said the vote was close.", "ceremony", "past"),
    # "planned" after an adverb of manner tells how a thing was made, not that it is still to come
    ("On Friday, when the minister set aside his holiday for the hastily planned trip, the ministry lifted its "
     "warning.", "Friday", "unknown"),
    ("The carefully planned raid on Friday freed two hostages.", "Friday", "past"),
    # look-alikes: a plan's participle with no adverb, or after "already", is still ahead
    ("On Friday, the minister will set out on the planned trip.", "Friday", "future"),
    ("The trip planned for Friday was cancelled.", "Friday", "future"),
])
def test_clause_tense(sentence, words, tense):
    start = sentence.index(words)
    assert clause_tense(sentence, start, start + len(words)) == tense


def test_no_dct_leaves_relative_dates_unresolved():
    found = {t.text: t for t in tag("He was killed Friday. In late November a truce began. In 1997 he fled.")}
    assert found["Friday"].value == "XXXX-WXX-5" and not found["Friday"].resolved
    assert found["late November"].value == "XXXX-11" and found["late November"].interval is None
    assert found["1997"].value == "1997" and found["1997"].resolved


def test_narrative_anchor_next_day():
    found = {t.text: t for t in tag("The strike came on March 3, 2024. The next day, talks resumed.", "2024-06-01")}
    assert found["The next day"].value == "2024-03-04"
    assert found["The next day"].anchor == "earlier mention"


def test_every_timex_explains_itself():
    for timex in tag("Talks collapsed last Tuesday, two weeks after a 12-day truce in March.", "2024-11-01"):
        assert timex.explanation.startswith(f"'{timex.text}' → {timex.value}")


def test_spans_index_the_text():
    text = "On Nov. 22, 2023, and again on Oct. 7, officials met."
    for timex in tag(text, "2024-02-26"):
        assert text[timex.start:timex.end] == timex.text
