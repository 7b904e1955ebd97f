"""What a person gives by hand: uploaded files, a pasted article, corrected publication dates, FILE=DATE overrides.

The dashboard and the CLI only collect these; how they become articles and
dates is decided here, once.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from ..model import Article
from . import IngestResult, load


def pasted_article(number: int, text: str, title: str = "", url: str = "", published: date | None = None) -> Article:
    """The ``number``-th article pasted into a form; a URL is kept only if it is a web link, a date is trusted."""
    web = re.match(r"https?://", url, re.IGNORECASE)
    return Article(f"pasted-{number}", text, title=title, url=url if web else "", published=published,
                   published_source="metadata" if published else "none",
                   published_confidence="high" if published else "none", origin=f"pasted {number}")


def load_uploads(uploads: Sequence[tuple[str, bytes]], before: Sequence = (), after: Sequence = ()) -> IngestResult:
    """Uploaded files (name, content) read as files are, between other inputs; the report and the articles'
    origins name them "upload: NAME", never the scratch folder they were read from."""
    with tempfile.TemporaryDirectory() as scratch:
        for name, data in uploads:
            (Path(scratch) / Path(name).name).write_bytes(data)
        result = load([*before, *([Path(scratch)] if uploads else []), *after])
    for row in result.report:
        row.input = row.input.replace(scratch + "/", "upload: ")
    for article in result.articles:
        article.origin = article.origin.replace(scratch + "/", "upload: ")
    return result


def with_edited_dates(articles: Iterable[Article], edits: Mapping[str, date]) -> list[Article]:
    """The articles with the publication dates a reader set by article id; the article says it was edited."""
    return [dataclasses.replace(a, published=edits[a.id], published_source="edited", published_confidence="high",
                                warnings=[*a.warnings, "publication date set in the dashboard"])
            if a.id in edits else a for a in articles]


def parse_overrides(items: Iterable[str]) -> dict[str, str]:
    """FILE=DATE pairs as a mapping from file name to date text; ValueError names an item without a date."""
    overrides = {}
    for item in items:
        name, _, value = item.partition("=")
        if not value:
            raise ValueError(f"--published needs FILE=DATE, got {item!r}")
        overrides[name] = value
    return overrides
