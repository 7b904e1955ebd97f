"""Writing a run into the store: per-article rows batch by batch, then the merge, the report and the run itself.

A run works on a copy of the store file, committing batch by batch (DuckDB
holds a transaction's uncommitted rows in memory, so one transaction per run
would not stay bounded), and replaces the original with the copy in one atomic
rename at the end: a run killed half-way leaves the store exactly as it was.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from ..events.merge import materialize, plan_merge
from ..events.slim import SlimBuilder, slim_fields
from ..ingest import ReportRow
from ..model import Event
from ..parallel import ArticleResult, executor
from .changes import content_hash, text_key
from .codec import encode
from .queries import events_by_rowid
from .schema import connect, insert, named_rows

WRITE_BATCH = 500
# What merging reads of each per-article event: SlimBuilder.add's parameters, stored under these column names.
_SLIM = tuple(inspect.signature(SlimBuilder.add).parameters)[1:]
_COLUMN = {"term_counts": "terms", "inferred": "coalesce(inferred, false)"}


@contextmanager
def working_copy(path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a copy of the (closed) store file; on success the copy is renamed over the original."""
    final = Path(path)
    work = final.with_name(final.name + ".building")
    for leftover in (work, Path(f"{work}.wal")):  # what a killed run left behind
        leftover.unlink(missing_ok=True)
    shutil.copyfile(final, work)
    db = connect(str(work), False)
    try:
        yield db
        db.execute("CHECKPOINT")
        db.close()
        os.replace(work, final)  # atomic: readers see the old store or the new one, never a mix
    except BaseException:
        db.close()
        work.unlink(missing_ok=True)
        raise


class StoreSink:
    """The store as the end of the one path: results written a batch at a time, then every stored event re-merged."""

    def __init__(self, db: duckdb.DuckDBPyConnection, changed: set[str], workers: int = 1,
                 dask_address: str | None = None) -> None:
        self.db, self.changed = db, changed  # ids of stored articles being replaced
        self.workers, self.dask_address = workers, dask_address  # where the merge's date blocks may run
        self.batch: list[ArticleResult] = []

    def add(self, result: ArticleResult) -> None:
        self.batch.append(result)
        if len(self.batch) >= WRITE_BATCH:
            self.flush()

    def finish(self) -> int:
        """Write what is left and merge all stored events; returns the merged event count."""
        self.flush()
        with executor(self.workers, self.dask_address) as mapper:  # started only if the date blocks share out
            return merge(self.db, mapper)

    def flush(self) -> None:
        """Store the batch's rows in one transaction: a batch is all there or absent even inside the working copy.

        Only changed articles have old rows to delete; a new article has none, and skipping the
        delete keeps each batch from scanning the whole, growing tables.
        """
        results, self.batch = self.batch, []
        if not results:
            return
        self.db.execute("BEGIN TRANSACTION")
        replaced = [r.article for r in results if r.article.id in self.changed]
        if replaced:
            self.db.execute("DELETE FROM mentions WHERE list_contains(?, article_id)", [[a.id for a in replaced]])
            self.db.execute("DELETE FROM article_events WHERE list_contains(?, article_id)", [[a.id for a in replaced]])
            self.db.execute("DELETE FROM articles WHERE list_contains(?, origin)", [[a.origin for a in replaced]])
        insert(self.db, "articles", [{"origin": r.article.origin, "id": r.article.id,
                                      "content_hash": content_hash(r.article), "text_key": text_key(r.article),
                                      "record": encode(r.article)} for r in results])
        insert(self.db, "mentions", [{"article_id": r.article.id, "record": encode(t)}
                                     for r in results for t in r.timexes])
        insert(self.db, "article_events", [_article_event(r.article.id, e) for r in results for e in r.events])
        self.db.execute("COMMIT")


def _article_event(article_id: str, event: Event) -> dict:
    """One per-article event's row: what merging needs as columns, and the whole event as a record."""
    row = dict(zip(_SLIM[1:], slim_fields(event), strict=True))
    row["terms"] = json.dumps(row.pop("term_counts"))
    return {**row, "article_id": article_id, "event_id": event.id, "record": encode(event)}


def merge(db: duckdb.DuckDBPyConnection, mapper: Callable = map) -> int:
    """Re-merge every stored article's events: plan on slim columns, then write merged events batch by batch.

    Events are numbered in (article, event id) order, so the plan does not depend on the order in which
    workers finished; their records are fetched back by row id, a batch of groups at a time.
    """
    columns = ", ".join(f'{_COLUMN.get(name, _quoted(name))} AS {_quoted(name)}' for name in _SLIM)
    cursor = db.execute(f"SELECT rowid, {columns} FROM article_events ORDER BY article_id, event_id")
    builder, rowids = SlimBuilder(), array("q")
    for row in named_rows(cursor, 50_000):
        rowids.append(row.pop("rowid"))
        row["term_counts"] = json.loads(row["term_counts"])
        builder.add(**row)
    plan = plan_merge(builder.finish(), mapper)
    del builder
    db.execute("DELETE FROM events")
    batch, count, sources = [], 0, 0
    for event in materialize(plan, lambda indices: events_by_rowid(db, "article_events", [rowids[i] for i in indices])):
        batch.append(event)
        sources += len(event.sources)
        if len(batch) >= WRITE_BATCH * 4 or sources >= WRITE_BATCH * 20:  # merged events can carry many sources
            _insert_events(db, batch)
            count, batch, sources = count + len(batch), [], 0
    _insert_events(db, batch)
    return count + len(batch)


def _quoted(name: str) -> str:
    return f'"{name}"'


def _insert_events(db: duckdb.DuckDBPyConnection, events: list[Event]) -> None:
    insert(db, "events", [{
        "id": e.id, "begin": e.begin, "end": e.end, "precision": str(e.precision), "value": e.value, "title": e.title,
        "sentence": e.sentence, "outlets": e.outlets, "names": e.names,
        "confidence": e.confidence, "conflict": e.conflict, "score": e.score, "record": encode(e)} for e in events])


def record_run(db: duckdb.DuckDBPyConnection, report: list[ReportRow], counts: dict[str, int]) -> None:
    """The run's ingest report and its counts (new, changed, unchanged, skipped), numbered after the last run."""
    [(number,)] = db.execute("SELECT coalesce(max(run), 0) + 1 FROM runs").fetchall()
    insert(db, "report", [{"run": number, **vars(row)} for row in report])
    insert(db, "runs", [{"run": number, "finished": datetime.now(), **counts}])
