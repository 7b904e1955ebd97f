"""timeline: turn news articles into a dated, source-linked timeline.

    from timeline import build
    tl = build(["seeds/"])
    tl.events        # pandas DataFrame, one row per event
"""

from .model import Article, Event, Interval, Source, Timex

__all__ = ["Article", "Event", "Interval", "Source", "Timeline", "Timex", "build"]


def __getattr__(name: str):
    """`build` and `Timeline` load pandas; worker processes, which only tag, do not need it."""
    if name in ("build", "Timeline"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
