"""Events as CSV, JSON and TimelineJS 3 JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

from ..frames import events_frame
from ..human_dates import POINT_PRECISIONS, in_words
from ..model import Event, Precision
from ..safe_text import escape_html
from .links import safe_link

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(events: pd.DataFrame) -> pd.DataFrame:
    """Lists and datetimes as strings, for files that hold text."""
    out = events.copy()
    for column in ("begin", "end"):
        out[column] = out[column].map(lambda d: d.isoformat() if isinstance(d, datetime) else d)
    out["sources"] = out["sources"].map(lambda sources: json.dumps([asdict(s) for s in sources], ensure_ascii=False))
    for column in ("outlets", "urls", "names"):
        out[column] = out[column].map(lambda values: " | ".join(values))
    return out


def neutralise(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas: prefix them with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(events: list[Event]) -> str:
    """One row per event, the columns of the events table; cells a spreadsheet would run are neutralised."""
    return _plain(events_frame(events)).map(neutralise).to_csv(index=False)


def write_csv(events: list[Event], path: str | Path) -> None:
    Path(path).write_text(csv_text(events), encoding="utf-8")


def events_json(events: list[Event]) -> list[dict]:
    """One record per event, with the columns of the events table and every source in full."""
    records = events_frame(events).to_dict("records")
    for record, event in zip(records, events, strict=True):
        record.update(begin=event.begin.isoformat(), end=event.end.isoformat(),
                      sources=[asdict(source) for source in event.sources])
    return records


def json_text(events: list[Event]) -> str:
    return json.dumps(events_json(events), ensure_ascii=False, indent=2)


def write_json(events: list[Event], path: str | Path) -> None:
    Path(path).write_text(json_text(events), encoding="utf-8")


def _timelinejs_date(moment: datetime, precision: str) -> dict:
    return {part: getattr(moment, part) for part in Precision(precision).fields}


def timelinejs(events: list[Event], title: str = "Timeline") -> dict:
    """TimelineJS 3 JSON: dates at their precision ("1997" is a year only), headline, text, group, link.

    TimelineJS renders its text fields as HTML, so article text is escaped and
    only http(s) URLs become links.
    """
    items = []
    for event in events:
        links = "".join(f' <a href="{escape_html(url)}" rel="noopener noreferrer">{escape_html(outlet)}</a>'
                        for url, outlet in _source_links(event))
        item = {
            "unique_id": event.id,
            "start_date": _timelinejs_date(event.begin, event.precision),
            "text": {"headline": escape_html(event.title), "text": f"<p>{escape_html(event.sentence)}</p>"
                     f"<p>As written: “{escape_html(event.date_text)}”</p>"
                     + (f"<p>Sources:{links}</p>" if links else "")},
            "group": escape_html(event.outlets[0]) if event.sources else "",
            "display_date": escape_html(in_words(event.begin, event.end, event.precision, event.mod, event.value)),
        }
        if event.precision not in POINT_PRECISIONS:
            # The end is exclusive in our intervals and inclusive in TimelineJS: step back one moment.
            item["end_date"] = _timelinejs_date(event.end - timedelta(seconds=1), event.precision)
        items.append(item)
    return {"title": {"text": {"headline": escape_html(title), "text": f"{len(items)} events"}}, "events": items}


def _source_links(event: Event) -> list[tuple[str, str]]:
    links = []
    for source in event.sources:
        url = safe_link(source.url)
        if url and url not in {u for u, _ in links}:
            links.append((url, source.outlet or source.article_id))
    return links


def timelinejs_text(events: list[Event], title: str = "Timeline") -> str:
    return json.dumps(timelinejs(events, title), ensure_ascii=False, indent=2)


def write_timelinejs(events: list[Event], path: str | Path, title: str = "Timeline") -> None:
    Path(path).write_text(timelinejs_text(events, title), encoding="utf-8")
