"""Where a report's undated past news sits: on its news day, the latest day it tells of, and not in a story of
earlier happenings the report turns to."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.events import events_for_article
from timeline.events.anchoring import NOT_TURNS_BACK_EXAMPLES, TURNS_BACK_EXAMPLES, turns_back
from timeline.events.build import NEWS_DAY_EXAMPLES
from timeline.events.evaluation import owner_of
from timeline.model import Article, Placement
from timeline.temporal import tag


def _owner_value(text: str, published: str, word: str) -> tuple[str, list]:
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    owner = owner_of(text.rindex(word), [(e, s) for e in events for s in e.sources])
    return (owner.value if owner else ""), [(e.value, e.explanation) for e in events]


@pytest.mark.parametrize(("text", "published", "word", "value"), NEWS_DAY_EXAMPLES, ids=lambda e: str(e)[:50])
def test_undated_past_news_is_of_the_latest_day_the_report_tells_of(text, published, word, value):
    found, events = _owner_value(text, published, word)
    assert found == value, events


@pytest.mark.parametrize(("sentence", "days"), TURNS_BACK_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_sentence_relating_the_news_to_an_earlier_happening_says_how_long_before(sentence, days):
    turn = turns_back(sentence)
    assert turn is not None and (turn.fewest, turn.most) == days


@pytest.mark.parametrize("sentence", NOT_TURNS_BACK_EXAMPLES)
def test_a_happening_that_came_after_another_relates_no_news(sentence):
    assert turns_back(sentence) is None


STORY = ("Troops seize port city\n\nGovernment troops seized the port of Marik on Friday, officials said.\n\n"
         "The capture comes just weeks after rebels ambushed an army convoy near the city.\n\n"
         "After the ambush, the army sent reinforcements to the region.\n\n")


def test_the_story_a_report_turns_to_after_comes_weeks_after_is_not_on_its_news_day():
    """"The capture comes just weeks after …": the paragraphs after it tell the ambush and what followed it, weeks
    before the capture, not on Friday."""
    day = date(2024, 6, 3)
    events = events_for_article(Article("a", STORY, published=day), tag(STORY, day))
    sent = next(e for e in events if "reinforcements" in e.title)
    assert sent.end <= datetime(2024, 5, 25) and sent.begin >= datetime(2024, 4, 5), sent.explanation
    assert "comes just weeks after" in sent.explanation and sent.placement == Placement.INFERRED


@pytest.mark.parametrize(("text", "value"), (
    # look-alikes: with no sentence relating the news to an earlier one, past news is the news day's
    (STORY.replace("The capture comes just weeks after", "Weeks earlier,"), "2024-05-31"),
    # relating it inside a paragraph's other news does not turn the story back
    (STORY.replace("\n\nThe capture comes", " The capture comes"), "2024-05-31"),
    # a new news day told after the earlier story is lent again
    (STORY + "On Sunday, snipers fired on the troops. Two soldiers were killed.", "2024-06-02"),
    # "comes after" without a length: the earlier story is the report's past news, not its news day
    (STORY.replace("comes just weeks after", "comes in the wake of an ambush, in which"), "2024-06-03"),
))
def test_where_past_news_sits_around_a_sentence_relating_the_news(text, value):
    day = date(2024, 6, 3)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    last = "killed" if "killed" in text else "reinforcements"
    event = next(e for e in events if last in e.title or last in e.sentence)
    assert event.value == value, (event.value, event.explanation)
