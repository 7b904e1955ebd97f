"""What is still to come: a happening told as part of a plan is planned, after the report, and a plan's
title says who is to do it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events import events_for_article
from timeline.events.anchoring import TIME_CLAUSE_EXAMPLES, in_time_clause_of
from timeline.events.evaluation import owner_of
from timeline.model import Article, Modality
from timeline.temporal import tag

DAY = date(2024, 6, 5)


def events_in(text: str, day: date = DAY):
    return events_for_article(Article("a", text, published=day), tag(text, day))


def owner(text: str, word: str):
    events = events_in(text)
    return owner_of(text.index(word), [(e, s) for e in events for s in e.sources])


@pytest.mark.parametrize(("sentence", "plan", "word", "to_come"), TIME_CLAUSE_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_happening_in_a_clause_of_time_after_a_plan_is_still_to_come(sentence, plan, word, to_come):
    """English tells the future of a clause of time in the present: "will succeed him soon after he reaches 65"."""
    plan_end = sentence.index(plan) + len(plan) if plan else None
    assert in_time_clause_of(sentence, sentence.index(word), word, plan_end) == to_come


@pytest.mark.parametrize("sentence", [e[0] for e in TIME_CLAUSE_EXAMPLES if e[3]], ids=lambda e: e[:40])
def test_the_clause_of_time_of_a_plan_is_placed_after_the_report(sentence):
    word = next(e[2] for e in TIME_CLAUSE_EXAMPLES if e[0] == sentence)
    held = owner(sentence, word)
    assert held.modality == Modality.PLANNED and held.begin.date() > DAY, (held.title, held.explanation)
