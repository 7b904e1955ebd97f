"""Where a report's undated past news sits: on its news day, the latest day it tells of."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events import events_for_article
from timeline.events.build import NEWS_DAY_EXAMPLES
from timeline.events.evaluation import owner_of
from timeline.model import Article
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
