"""Exports of a timeline: standalone HTML, CSV, JSON, TimelineJS JSON."""

from .html import render, write_html
from .tables import (
    csv_text,
    events_json,
    json_text,
    timelinejs,
    timelinejs_text,
    write_csv,
    write_json,
    write_timelinejs,
)

__all__ = ["csv_text", "events_json", "json_text", "render", "timelinejs", "timelinejs_text", "write_csv", "write_html",
           "write_json", "write_timelinejs"]
