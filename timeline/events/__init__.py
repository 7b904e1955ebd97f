"""Events: dated statements from each article, merged across articles."""

from .build import events_for_article
from .merge import merge_events

__all__ = ["events_for_article", "merge_events"]
