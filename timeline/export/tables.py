"""Events as CSV, JSON and TimelineJS 3 JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(events: pd.DataFrame) -> pd.DataFrame:
    """Lists and datetimes as strings, for files that hold text."""
    out = events.copy()
    for column in ("begin", "end"):
        out[column] = out[column].map(lambda d: d.isoformat() if isinstance(d, datetime) else d)
    out["sources"] = out["sources"].map(lambda sources: json.dumps(sources, ensure_ascii=False))
    for column in ("outlets", "urls", "names"):
        out[column] = out[column].map(lambda values: " | ".join(values))
    return out


def neutralise(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas: prefix them with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(events: pd.DataFrame, path: str | Path) -> None:
    _plain(events).map(neutralise).to_csv(path, index=False)


def events_json(events: pd.DataFrame) -> list[dict]:
    records = []
    for row in events.to_dict("records"):
        row["begin"], row["end"] = row["begin"].isoformat(), row["end"].isoformat()
        records.append(row)
    return records


def write_json(events: pd.DataFrame, path: str | Path) -> None:
    Path(path).write_text(json.dumps(events_json(events), ensure_ascii=False, indent=2), encoding="utf-8")


_TIMELINEJS_PARTS = {  # which date parts TimelineJS shows, by precision
    "century": ("year",), "decade": ("year",), "year": ("year",), "half": ("year", "month"),
    "quarter": ("year", "month"), "season": ("year", "month"), "month": ("year", "month"),
    "week": ("year", "month", "day"), "weekend": ("year", "month", "day"), "day": ("year", "month", "day"),
    "part_of_day": ("year", "month", "day", "hour"), "hour": ("year", "month", "day", "hour"),
    "minute": ("year", "month", "day", "hour", "minute"),
}


def _timelinejs_date(moment: datetime, precision: str) -> dict:
    return {part: getattr(moment, part) for part in _TIMELINEJS_PARTS.get(precision, ("year", "month", "day"))}


def timelinejs(events: pd.DataFrame, title: str = "Timeline") -> dict:
    """TimelineJS 3 JSON: dates at their precision ("1997" is a year only), headline, text, group, link."""
    items = []
    for row in events.to_dict("records"):
        item = {
            "unique_id": row["id"],
            "start_date": _timelinejs_date(row["begin"], row["precision"]),
            "text": {"headline": row["title"], "text": row["sentence"]},
            "group": row["outlets"][0] if row["outlets"] else "",
            "display_date": row["date_text"],
        }
        if row["precision"] not in ("day", "minute", "hour", "part_of_day"):
            # The end is exclusive in our intervals and inclusive in TimelineJS: step back one moment.
            item["end_date"] = _timelinejs_date(row["end"] - pd.Timedelta(seconds=1), row["precision"])
        link = next((url for url in row["urls"] if url.lower().startswith(("http://", "https://"))), "")
        if link:
            item["media"] = {"url": link, "caption": row["outlets"][0] if row["outlets"] else ""}
        items.append(item)
    return {"title": {"text": {"headline": title, "text": f"{len(items)} events"}}, "events": items}


def write_timelinejs(events: pd.DataFrame, path: str | Path, title: str = "Timeline") -> None:
    Path(path).write_text(json.dumps(timelinejs(events, title), ensure_ascii=False, indent=2), encoding="utf-8")
