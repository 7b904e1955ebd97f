"""Events: dated statements from each article, merged across articles."""

from ..model import Article, Event, Timex
from .build import events_for_article
from .merge import merge_events


def build_events(articles: list[Article], timexes: dict[str, list[Timex]]) -> list[Event]:
    """All articles' events, with the same happening merged into one event with several sources."""
    events: list[Event] = []
    for article in articles:
        events.extend(events_for_article(article, timexes.get(article.id, [])))
    return merge_events(events)


__all__ = ["build_events", "events_for_article", "merge_events"]
