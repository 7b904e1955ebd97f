"""Reading a store: events narrowed in SQL, the whole timeline, facets, the article and report tables.

A large store is never loaded whole to answer a question: filters, facets and
ordering run in DuckDB, and only the records asked for are decoded.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ..filters import EventFilter
from ..frames import Timeline
from ..ingest import ReportRow
from ..model import Article, Event, Timex
from .codec import decode
from .schema import named_rows

_FETCH = 2000  # records decoded per query
_LAST_REPORT = "SELECT * EXCLUDE (run) FROM report WHERE run = (SELECT max(run) FROM report)"  # the ingest report of the last run


def events_by_rowid(db: duckdb.DuckDBPyConnection, table: str, rowids: list[int]) -> list[Event]:
    """The events stored in these rows of ``table``, in the order given (DuckDB looks row ids up directly)."""
    found = dict(db.execute(f"SELECT rowid, record FROM {table} WHERE rowid = ANY(?::BIGINT[])", [rowids]).fetchall())
    return [decode(Event, found[rowid]) for rowid in rowids]


def ordered_events(db: duckdb.DuckDBPyConnection, where: EventFilter | None = None) -> list[Event]:
    """Merged events that pass the filter, in timeline order. Only row ids are sorted in SQL and the records
    fetched by id a chunk at a time: sorting the records themselves (hundreds of MB at 100,000 articles)
    overflows DuckDB's memory cap."""
    sql, params = (where or EventFilter()).where()
    rowids = [r for (r,) in db.execute(f'SELECT rowid FROM events WHERE {sql} ORDER BY "begin", score DESC',
                                       params).fetchall()]
    return [event for first in range(0, len(rowids), _FETCH)
            for event in events_by_rowid(db, "events", rowids[first:first + _FETCH])]


def timeline(db: duckdb.DuckDBPyConnection) -> Timeline:
    """Everything stored, as the in-memory timeline a build would give."""
    articles = [decode(Article, row["record"]) for row in named_rows(db.execute(
        "SELECT record FROM articles ORDER BY id"))]
    timexes: dict[str, list[Timex]] = {a.id: [] for a in articles}
    for row in named_rows(db.execute("SELECT article_id, record FROM mentions")):
        timexes.setdefault(row["article_id"], []).append(decode(Timex, row["record"]))
    return Timeline(articles, timexes, ordered_events(db, EventFilter(hypothetical=True)), report_rows(db))


def report_rows(db: duckdb.DuckDBPyConnection) -> list[ReportRow]:
    """The last run's ingest report."""
    return [ReportRow(**row) for row in named_rows(db.execute(_LAST_REPORT))]


def articles_table(db: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The articles table without loading their texts."""
    return db.execute("""
        SELECT a.id, a.record->>'title' AS title, a.record->>'outlet' AS outlet, a.record->>'url' AS url,
               a.origin, TRY_CAST(a.record->>'published' AS DATE) AS published,
               a.record->>'published_source' AS published_source,
               a.record->>'published_confidence' AS published_confidence,
               coalesce(m.found, 0) AS dates_found, coalesce(m.unresolved, 0) AS unresolved,
               array_to_string(CAST(a.record->'warnings' AS TEXT[]), '; ') AS warnings
        FROM articles a LEFT JOIN (
            SELECT article_id, count(*) AS found,
                   count(*) FILTER (WHERE contains(record->>'value', 'X') AND record->>'type' IN ('DATE', 'TIME'))
                   AS unresolved
            FROM mentions GROUP BY article_id) m ON m.article_id = a.id
        ORDER BY a.id""").df()


def published_dates(db: duckdb.DuckDBPyConnection) -> dict[str, date]:
    return dict(db.execute("SELECT id, published FROM (SELECT id, TRY_CAST(record->>'published' AS DATE) AS published "
                           "FROM articles) WHERE published IS NOT NULL").fetchall())


def report_table(db: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return db.execute(_LAST_REPORT).df()
