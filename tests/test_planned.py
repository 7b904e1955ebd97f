"""What is still to come: a happening told as part of a plan is planned, after the report, and a plan's
title says who is to do it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events import events_for_article
from timeline.events.evaluation import owner_of
from timeline.events.titles import PLAN_TITLE_EXAMPLES, make_title, plan_title
from timeline.events.verbs import (
    ANNOUNCED_THING_EXAMPLES,
    GOES_ON_EXAMPLES,
    SIMPLE_PRESENT_EXAMPLES,
    goes_on,
    simple_present,
)
from timeline.model import Article, Modality
from timeline.temporal import tag

DAY = date(2024, 6, 5)


def events_in(text: str, day: date = DAY):
    return events_for_article(Article("a", text, published=day), tag(text, day))


def owner(text: str, word: str):
    events = events_in(text)
    return owner_of(text.index(word), [(e, s) for e in events for s in e.sources])


@pytest.mark.parametrize(("sentence", "setter", "plan", "title"), PLAN_TITLE_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_plans_title_says_who_is_to_do_it_when_the_words_tell(sentence, setter, plan, title):
    at = sentence.index(setter)
    assert plan_title(sentence, (at, at + len(setter)), at, sentence.index(f" {plan}") + 1, len(sentence)) == title


@pytest.mark.parametrize(("text", "title"), [
    ("Israel's intelligence services are preparing to kill Hamas leaders around the world.",
     "Israel's intelligence services to kill Hamas leaders around the world"),
    ("The board approved a plan to close the plant in Leeds.", "Close the plant in Leeds"),  # whose plan: not told
])
def test_a_plan_told_beside_news_is_titled_with_its_doer(text, title):
    planned = [e.title for e in events_in(text) if e.modality == Modality.PLANNED]
    assert planned == [title], [(e.title, e.modality) for e in events_in(text)]


def test_an_attribution_after_a_closing_quote_is_no_part_of_a_title():
    assert make_title('The Mossad will act against the heads of Hamas wherever they are," he said,') == \
        "The Mossad will act against the heads of Hamas wherever they are"


@pytest.mark.parametrize(("text", "word", "later"), [
    ("The buyer extended to Nov. 20 its $45-a-share offer for the chain's shares.", "extended", "2024-11-20"),
    ("The chain has set Nov. 10 as the deadline for any competing bids.", "set", "2024-11-10"),
])
def test_news_told_with_a_later_date_is_news_and_the_date_is_what_is_to_come(text, word, later):
    """"extended to Nov. 20 its offer": the extending is the day's news; Nov. 20 is when the offer runs out."""
    events = events_in(text, date(2024, 11, 2))
    held = owner_of(text.index(word), [(e, s) for e in events for s in e.sources])
    assert held.modality == Modality.FACTUAL and held.begin.date() <= date(2024, 11, 2), (held.title, held.explanation)
    assert [e.value for e in events if e.modality == Modality.PLANNED] == [later]


def test_a_plan_with_its_own_later_date_is_at_that_date():
    text = "The board will pay a special dividend on Nov. 20."
    events = events_in(text, date(2024, 11, 2))
    assert owner_of(text.index("pay"), [(e, s) for e in events for s in e.sources]).value == "2024-11-20"


@pytest.mark.parametrize(("sentence", "word", "present"), SIMPLE_PRESENT_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_verb_in_the_simple_present_after_a_pronoun(sentence, word, present):
    assert simple_present(sentence, sentence.index(word), word) == present


def test_what_a_report_says_still_holds_is_on_the_publication_day_not_the_news_day():
    """"Anheuser said it continues to hold to its goal", after news of yesterday: the goal holds today."""
    text = "Anheuser cut its prices yesterday. Anheuser said it continues to hold to its goal of a 50% share."
    day = date(1989, 10, 26)
    held = owner_of(text.index("continues"), [(e, s) for e in events_in(text, day) for s in e.sources])
    assert held.value == "1989-10-26" and held.begin.date() == day, (held.title, held.explanation)
    # look-alike: told in the past, it is the news day's
    past = text.replace("continues", "continued")
    held = owner_of(past.index("continued"), [(e, s) for e in events_in(past, day) for s in e.sources])
    assert held.value == "1989-10-25", (held.title, held.explanation)


def test_clauses_placed_alike_are_one_event_that_tells_the_happening_of_each():
    """"The minister resigned, but the party chose a new leader": one event of the day's news, whose sources name
    both happenings, so the choosing is not left to a plan or a date told elsewhere in the sentence."""
    text = "The minister resigned on the spot, but the party chose a new leader."
    events = events_in(text)
    assert len(events) == 1
    assert [text[slice(*s.happening_span)] for s in events[0].sources] == ["resigned", "chose"]
    dated = "On Friday the minister resigned on the spot, while the party chose a new leader."
    assert all(len(e.sources) == 1 for e in events_in(dated)), "with a date, each clause keeps its own event"


def test_the_merged_timeline_shows_a_sentence_once():
    from timeline import build
    text = "Party news\nThe minister resigned on the spot, but the party chose a new leader."
    events = build([Article("a", text, title="Party news", outlet="A", published=DAY)]).event_list
    assert all(len({s.sentence_span for s in e.sources}) == len(e.sources) for e in events)


@pytest.mark.parametrize(("sentence", "word", "going_on"), GOES_ON_EXAMPLES, ids=lambda e: str(e)[:40])
def test_will_continue_and_will_remain_tell_what_is_going_on(sentence, word, going_on):
    assert goes_on(sentence, sentence.index(word), word) == going_on


def test_what_will_go_on_holds_on_the_publication_day_unless_told_until_when():
    """"The chairman will remain in both posts": he holds them now; "will continue through next year": to then."""
    text = "The chairman will remain in both posts after the spinoff."
    held = owner(text, "remain")
    assert held.modality == Modality.FACTUAL and held.begin.date() == DAY, (held.title, held.explanation)
    text = "The price wars in the industry will continue through next year."
    held = owner(text, "continue")
    assert held.modality == Modality.PLANNED and held.value == "2025", (held.title, held.explanation)


@pytest.mark.parametrize(("sentence", "word", "news"), ANNOUNCED_THING_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_report_of_a_thing_is_news_of_its_own(sentence, word, news):
    """"Courtaulds announced plans to spin off its textiles arm": the announcing happened today; the spin-off is to
    come. "announced that it would cut jobs" reports words: the cut is the news."""
    at = sentence.index(word)
    events = events_in(sentence)
    on_word = [e for e in events if any(s.happening_span == (at, at + len(word)) for s in e.sources)]
    assert bool(on_word) == news, [(e.title, e.modality) for e in events]
    assert all(e.modality == Modality.FACTUAL and e.begin.date() <= DAY for e in on_word)
