"""Exports of a timeline: standalone HTML, CSV, JSON, TimelineJS JSON."""

from .html import render, write_html
from .tables import events_json, timelinejs, write_csv, write_json, write_timelinejs

__all__ = ["events_json", "render", "timelinejs", "write_csv", "write_html", "write_json", "write_timelinejs"]
