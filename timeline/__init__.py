"""timeline: turn news articles into a dated, source-linked timeline.

    from timeline import build
    tl = build(["seeds/"])
    tl.events        # pandas DataFrame, one row per event
"""

from .model import Article, Event, Interval, Source, Timex
from .pipeline import Timeline, build

__all__ = ["Article", "Event", "Interval", "Source", "Timeline", "Timex", "build"]
