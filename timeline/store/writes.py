"""Writing a run into the store: per-article rows batch by batch, then the merge, the report and the run itself.

A run works on a copy of the store file, committing batch by batch (DuckDB
holds a transaction's uncommitted rows in memory, so one transaction per run
would not stay bounded), and replaces the original with the copy in one atomic
rename at the end: a run killed half-way leaves the store exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from ..events.slim import slim_fields
from ..ingest import ReportRow
from ..model import Article, Event
from ..parallel import ArticleResult, one_call_map
from .changes import content_hash, text_key
from .codec import encode
from .merging import SLIM_COLUMNS, merge
from .schema import connect, insert, insert_frame

# Articles per transaction. Each commit checkpoints (the rows outgrow DuckDB's WAL threshold) and a checkpoint
# rewrites the tables' open row groups: 2,000 articles a commit took half the CPU of 500 for 10,000 articles, while
# a batch's rows (a few tens of MB) stay small beside the workers.
WRITE_BATCH = 2000
Rows = dict[str, pa.Table]  # a partition's rows by table name


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
    """The store as the end of the one path: rows packed by the workers, written a batch at a time, then merged with
    the stored events."""

    def __init__(self, db: duckdb.DuckDBPyConnection, changed: set[str], workers: int = 1,
                 dask_address: str | None = None) -> None:
        self.db, self.changed = db, changed  # ids of stored articles being replaced
        self.workers, self.dask_address = workers, dask_address  # where the merge's date blocks may run
        self.batch: list[tuple[list[Article], Rows]] = []
        self.pending = 0  # articles in the batch

    @staticmethod
    def pack(results: list[ArticleResult]) -> Rows:
        """A partition's rows of the per-article tables, as Arrow tables: made on the worker, inserted as they are,
        so the client neither unpickles the events nor encodes them."""
        articles = [r.article for r in results]
        mentions = [(r.article.id, t) for r in results for t in r.timexes]
        events = [(r.article.id, e) for r in results for e in r.events]
        return {"articles": pa.table({"origin": [a.origin for a in articles], "id": [a.id for a in articles],
                                      "content_hash": list(map(content_hash, articles)),
                                      "text_key": list(map(text_key, articles)), "record": list(map(encode, articles))}),
                "mentions": pa.table({"article_id": [article_id for article_id, _ in mentions],
                                      "record": [encode(t) for _, t in mentions]}),
                "article_events": _article_events(events)}

    def add(self, articles: list[Article], rows: Rows) -> None:
        self.batch.append((articles, rows))
        self.pending += len(articles)
        if self.pending >= WRITE_BATCH:
            self.flush()

    def finish(self) -> int:
        """Write what is left and merge (again only what the run touched); returns the merged event count."""
        self.flush()
        return merge(self.db, one_call_map(self.workers, self.dask_address))  # started only if the blocks share out

    def flush(self) -> None:
        """Store the batch's rows in one transaction: a batch is all there or absent even inside the working copy.

        Only changed articles have old rows to delete; a new article has none, and skipping the
        delete keeps each batch from scanning the whole, growing tables.
        """
        batch, self.batch, self.pending = self.batch, [], 0
        if not batch:
            return
        self.db.execute("BEGIN TRANSACTION")
        replaced = [a for articles, _ in batch for a in articles if a.id in self.changed]
        if replaced:
            self.db.execute("DELETE FROM mentions WHERE list_contains(?, article_id)", [[a.id for a in replaced]])
            self.db.execute("DELETE FROM merge_state WHERE event_id IN (SELECT event_id FROM article_events "
                            "WHERE list_contains(?, article_id))", [[a.id for a in replaced]])  # merged afresh
            self.db.execute("DELETE FROM article_events WHERE list_contains(?, article_id)", [[a.id for a in replaced]])
            self.db.execute("DELETE FROM articles WHERE list_contains(?, origin)", [[a.origin for a in replaced]])
        for table in ("articles", "mentions", "article_events"):
            _insert(self.db, table, [rows[table] for _, rows in batch])
        self.db.execute("COMMIT")


def _insert(db: duckdb.DuckDBPyConnection, table: str, parts: list[pa.Table]) -> None:
    """Insert Arrow tables whose columns are named as the table's, in one statement.

    A column can be typed differently in two partitions (all NULL in one, whole numbers in another), so the
    partitions are joined promoting types; DuckDB casts each column to the table's type.
    """
    parts = [part for part in parts if part.num_rows]
    if parts:
        insert_frame(db, table, pa.concat_tables(parts, promote_options="permissive"))


def _article_events(events: list[tuple[str, Event]]) -> pa.Table:
    """Per-article events' rows, column by column: what merging needs as columns, and the whole event as a record."""
    slim = list(zip(*(slim_fields(event) for _, event in events), strict=True)) or [()] * (len(SLIM_COLUMNS) - 1)
    columns = {name: list(values) for name, values in zip(SLIM_COLUMNS[1:], slim, strict=True)}
    columns["terms"] = list(map(json.dumps, columns.pop("term_counts")))
    return pa.table({**columns, "article_id": [article_id for article_id, _ in events],
                     "event_id": [event.id for _, event in events], "record": [encode(event) for _, event in events]})


def record_run(db: duckdb.DuckDBPyConnection, report: list[ReportRow], counts: dict[str, int]) -> None:
    """The run's ingest report and its counts (new, changed, unchanged, skipped), numbered after the last run."""
    [(number,)] = db.execute("SELECT coalesce(max(run), 0) + 1 FROM runs").fetchall()
    insert(db, "report", [{"run": number, **vars(row)} for row in report])
    insert(db, "runs", [{"run": number, "finished": datetime.now(), **counts}])
