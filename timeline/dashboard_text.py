"""What the dashboard writes about events and filters, as Markdown; article text escaped, dates in words."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from .events.names import display_names
from .human_dates import PRECISION_WORDS, Note, as_written, in_words, notes, unit_words
from .model import Source
from .safe_text import markdown_escape


def when(event: Mapping) -> str:
    """The event's date in words."""
    return in_words(event["begin"], event["end"], event["precision"], event["mod"], event["value"])


def with_words(events: pd.DataFrame) -> pd.DataFrame:
    """The events with their date in words (``when``), computed once per build rather than on every filter change:
    a rerun at 10,000 events spent most of its Python time here (benchmarks/README.md)."""
    if "when" in events.columns or events.empty:
        return events
    return events.assign(when=[in_words(b, e, p, m, v) for b, e, p, m, v in zip(
        events["begin"], events["end"], events["precision"], events["mod"], events["value"], strict=True)])


def for_display(events: pd.DataFrame) -> pd.DataFrame:
    """The events as the dashboard shows them: names with variants merged ("Kassab" → "Izz al-Din Kassab") and
    dates in words; done once per build, not on every filter change."""
    return events if events.empty else with_words(events.assign(names=display_names(events["names"])))


def event_choices(events: pd.DataFrame) -> dict[str, str]:
    """The "open an event" list: each event named by its date in words and its title, mapped to its id."""
    choices: dict[str, str] = {}
    for words, title, event_id in zip(events["when"], events["title"], events["id"], strict=True):
        name = f"{words} · {title}"
        choices[name if name not in choices else f"{name} ({event_id})"] = event_id
    return choices


def date_line(event: Mapping) -> str:
    """The date in words, its precision, the words as written, and what the reader should know about it."""
    said = [f"**{note}**" if note is Note.CONFLICT else str(note) for note in
            notes(event["placement"], event["modality"], event["conflict"], event["confidence"])]
    line = (f"**{markdown_escape(when(event))}** ({PRECISION_WORDS.get(event['precision'], event['precision'])}) · "
            f"{as_written(event['date_text'], markdown_escape)}")
    if event.get("relation"):
        line += f" · context: {markdown_escape(event['relation'])}"
    return line + "".join(f" · {note}" for note in said)


def source_line(source: Source, published: date | None) -> str:
    """Outlet, article title and publication date; never the local file the article came from."""
    day = f" · {unit_words(published, 'day')}" if isinstance(published, date) else ""
    return (f"**{markdown_escape(source.outlet or 'unnamed source')}** · "
            f"*{markdown_escape(source.title or 'untitled article')}*{markdown_escape(day)}")


def by_article(sources: list[Source]) -> list[list[Source]]:
    """An event's sources grouped by article, in order: an article is named once above its sentences."""
    groups: dict[str, list[Source]] = {}
    for source in sources:
        groups.setdefault(source.article_id, []).append(source)
    return list(groups.values())


def hidden_line(shown: int, total: int, hidden_by: Mapping[str, int]) -> str:
    """ "The filters hide 12 events: 9 outside the dates, 3 from other sources" (empty when nothing is hidden)."""
    if shown >= total:
        return ""
    reasons = ", ".join(f"{count} {reason}" for reason, count in hidden_by.items())
    return f"The filters hide {total - shown} of {total} events" + (f": {reasons}" if reasons else "") + "."
