"""The store's tables, its connection settings, and inserts that match columns by name.

Rows are written as data frames or Arrow tables (the per-article rows the workers
pack) whose column names are the table's; DuckDB matches them ``BY NAME``, so no
insert depends on the order of the columns.
Stores written by earlier versions gain missing columns when opened for writing.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (origin TEXT PRIMARY KEY, id TEXT UNIQUE, content_hash TEXT, text_key TEXT,
                                     record JSON);
CREATE TABLE IF NOT EXISTS mentions (article_id TEXT, record JSON);
CREATE TABLE IF NOT EXISTS article_events (article_id TEXT, event_id TEXT, "begin" TIMESTAMP, "end" TIMESTAMP,
                                           precision TEXT, named_as TEXT, year_guessed BOOLEAN, inferred BOOLEAN,
                                           confidence DOUBLE,
                                           title_length INTEGER, centrality DOUBLE, terms JSON, record JSON);
ALTER TABLE article_events ADD COLUMN IF NOT EXISTS inferred BOOLEAN;  -- stores written before inferred events
-- What the last merge made of each per-article event (store/merging.py), by event id: its candidate component
-- (named by its first event) and size, its set before coarse sets were attached, its merged event (the lead) and
-- that event's size, and whether it adopted another article's year. No row: not merged yet. A table of its own,
-- written whole by each merge: updating these as columns of article_events in place cost 200 s of CPU at 30,000
-- articles. Stores written before kept them there; dropped, so their next run merges everything again.
CREATE TABLE IF NOT EXISTS merge_state (event_id TEXT, component TEXT, component_size INTEGER, root TEXT, lead TEXT,
                                        group_size INTEGER, redated BOOLEAN);
ALTER TABLE article_events DROP COLUMN IF EXISTS merge_component;
ALTER TABLE article_events DROP COLUMN IF EXISTS merge_component_size;
ALTER TABLE article_events DROP COLUMN IF EXISTS merge_set;
ALTER TABLE article_events DROP COLUMN IF EXISTS merge_group;
ALTER TABLE article_events DROP COLUMN IF EXISTS merge_group_size;
ALTER TABLE article_events DROP COLUMN IF EXISTS merge_redated;
CREATE TABLE IF NOT EXISTS events (id TEXT, "begin" TIMESTAMP, "end" TIMESTAMP, precision TEXT, value TEXT, title TEXT,
                                   sentence TEXT, outlets TEXT[], names TEXT[], confidence DOUBLE, conflict BOOLEAN,
                                   score DOUBLE, record JSON);
ALTER TABLE events ADD COLUMN IF NOT EXISTS modality TEXT;  -- the filter hides hypothetical events by default
CREATE TABLE IF NOT EXISTS report (run INTEGER, input TEXT, status TEXT, reason TEXT, article_id TEXT, published DATE,
                                   published_source TEXT, published_confidence TEXT, warnings TEXT);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size BIGINT, mtime_ns BIGINT);  -- as last seen
CREATE TABLE IF NOT EXISTS runs (run INTEGER, finished TIMESTAMP, new INTEGER, changed INTEGER, unchanged INTEGER,
                                 skipped INTEGER);
"""
TABLES = ("articles", "mentions", "article_events", "events", "report", "runs")
DUCKDB_MEMORY = "256MB"  # cap on DuckDB's own memory (sorts, buffers); it spills to disk beyond it


def connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the store file; a writable one makes sure every table and column exists."""
    db = duckdb.connect(path, read_only=read_only, config={
        "memory_limit": DUCKDB_MEMORY, "temp_directory": path + ".tmp", "preserve_insertion_order": False})
    if not read_only:
        db.execute(SCHEMA)
    return db


def insert(db: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert rows (dicts keyed by column name) into ``table`` in one statement."""
    if rows:
        insert_frame(db, table, pd.DataFrame(rows))


def insert_frame(db: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame | pa.Table) -> None:
    """Insert a data frame or an Arrow table whose columns are named as the table's (DuckDB inserts either far
    faster than rows)."""
    if not len(frame):
        return
    db.register("incoming", frame)
    try:
        db.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    finally:
        db.unregister("incoming")


def named_rows(cursor: duckdb.DuckDBPyConnection, chunk: int = 10_000):
    """A query's rows as dicts keyed by column name, streamed a chunk at a time (whole results may not fit the cap)."""
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(chunk):
        for row in rows:
            yield dict(zip(names, row, strict=True))
