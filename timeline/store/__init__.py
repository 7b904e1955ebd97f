"""A persistent project in an embedded DuckDB file: articles, mentions, events and the ingest report.

Runs are incremental (changes.py) and atomic (writes.py); a build goes the one
path of timeline.pipeline with the store as its sink, so new articles merge
with old ones; reading (queries.py) filters in SQL with the dashboard's own
EventFilter. The schema (schema.py) and the record codec (codec.py) are shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from ..filters import EventFilter, Facets, facets
from ..frames import EVENT_COLUMNS, Timeline, events_frame
from ..ingest import MAX_CHARS
from ..model import Article, Event
from ..parallel import Progress, one_call_map
from ..pipeline import flow, per_article, read
from . import queries
from .changes import ChangeDetector, content_hash, text_key
from .merging import merge
from .schema import TABLES, connect
from .writes import StoreSink, record_run, working_copy


@dataclass
class RunSummary:
    new: int
    changed: int
    unchanged: int
    skipped: int
    articles: int
    events: int


class Store:
    """One store file: build into it, re-merge it, and read it."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.db = connect(self.path, read_only)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A working copy to write into; the store is replaced by it only if the block finishes."""
        self.db.execute("CHECKPOINT")
        self.db.close()
        try:
            with working_copy(self.path) as db:
                yield db
        finally:
            self.db = connect(self.path, False)

    def build(self, inputs: Iterable, published: Mapping | None = None, workers: int = 1,
              dask_address: str | None = None, show_progress: bool = False,
              allow_private_urls: bool = False, max_chars: int = MAX_CHARS) -> RunSummary:
        """Read the inputs, process what is new or changed, and merge again what they touch (store/merging.py)."""
        changes = ChangeDetector(self.db, trust_file_times=not published)
        reading = read(inputs, published, allow_private_urls, max_chars, changes.unchanged_file)

        def articles(mapper: Callable) -> Iterator[Article]:  # read by the workers that process them
            return changes.todo(reading(mapper))
        with self._writing() as db:
            merged = flow(articles, per_article(workers, dask_address, Progress(None) if show_progress else None),
                          StoreSink(db, changes.changed, workers, dask_address))
            changes.save_files(db)
            record_run(db, changes.report, {"new": changes.new, "changed": len(changes.changed),
                                            "unchanged": changes.unchanged, "skipped": changes.skipped})
        return RunSummary(changes.new, len(changes.changed), changes.unchanged, changes.skipped,
                          self.counts()["articles"], merged)

    def remerge(self, workers: int = 1, dask_address: str | None = None) -> int:
        """Merge the stored per-article events again (after the merging rules change); returns the event count.

        Atomic like a build: the store is replaced only when the merge has finished. Date blocks of the merge
        run on ``workers`` processes or the cluster when they share out.
        """
        with self._writing() as db:
            return merge(db, one_call_map(workers, dask_address), incremental=False)

    def events(self, where: EventFilter | None = None) -> pd.DataFrame:
        """Merged events as a table, filtered in SQL so a large store need not be loaded whole."""
        return events_frame(self.event_list(where))[EVENT_COLUMNS]

    def event_list(self, where: EventFilter | None = None) -> list[Event]:
        """Merged events that pass the filter, in timeline order."""
        return queries.ordered_events(self.db, where)

    def hidden_by(self, where: EventFilter) -> dict[str, int]:
        """How many stored events each filter alone hides, counted in SQL."""
        return where.hidden(self.db)

    def facets(self) -> Facets:
        """What the filter widgets offer, from SQL."""
        return facets(self.db)

    def timeline(self) -> Timeline:
        return queries.timeline(self.db)

    def articles_frame(self) -> pd.DataFrame:
        return queries.articles_table(self.db)

    def report_frame(self) -> pd.DataFrame:
        return queries.report_table(self.db)

    def published_dates(self) -> dict[str, date]:
        """Each stored article's publication date, so exported sources say when they were published."""
        return queries.published_dates(self.db)

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES if table != "report"}


__all__ = ["RunSummary", "Store", "content_hash", "text_key"]
