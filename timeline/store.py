"""A persistent project in an embedded DuckDB file: articles, mentions, events and the ingest report.

Runs are incremental: an article is processed again only when its content hash
changes. A run works on a copy of the store file, committing batch by batch
(DuckDB holds a transaction's uncommitted rows in memory, so one transaction
per run would not stay bounded), and replaces the original with the copy in
one atomic rename at the end: a run killed half-way leaves the store exactly
as it was before that run. Events are re-merged from the stored per-article
events, so new articles merge with old ones.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from array import array
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from .events.merge import SlimBuilder, materialize, plan_merge, slim_fields
from .filters import EventFilter
from .ingest import MAX_CHARS, ReportRow, iter_load
from .model import Article, Event, Interval, Modality, Placement, Source, Timex
from .parallel import Progress, executor, run
from .pipeline import EVENT_COLUMNS, Timeline

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (origin TEXT PRIMARY KEY, id TEXT UNIQUE, content_hash TEXT, text_key TEXT,
                                     record JSON);
CREATE TABLE IF NOT EXISTS mentions (article_id TEXT, record JSON);
CREATE TABLE IF NOT EXISTS article_events (article_id TEXT, event_id TEXT, "begin" TIMESTAMP, "end" TIMESTAMP,
                                           precision TEXT, named_as TEXT, year_guessed BOOLEAN, inferred BOOLEAN,
                                           confidence DOUBLE,
                                           title_length INTEGER, centrality DOUBLE, terms JSON, record JSON);
ALTER TABLE article_events ADD COLUMN IF NOT EXISTS inferred BOOLEAN;  -- stores written before inferred events
CREATE TABLE IF NOT EXISTS events (id TEXT, "begin" TIMESTAMP, "end" TIMESTAMP, precision TEXT, value TEXT, title TEXT,
                                   sentence TEXT, outlets TEXT[], names TEXT[], confidence DOUBLE, conflict BOOLEAN,
                                   score DOUBLE, record JSON);
CREATE TABLE IF NOT EXISTS report (run INTEGER, input TEXT, status TEXT, reason TEXT, article_id TEXT, published DATE,
                                   published_source TEXT, published_confidence TEXT, warnings TEXT);
CREATE TABLE IF NOT EXISTS runs (run INTEGER, finished TIMESTAMP, new INTEGER, changed INTEGER, unchanged INTEGER,
                                 skipped INTEGER);
"""
WRITE_BATCH = 500
DUCKDB_MEMORY = "256MB"  # cap on DuckDB's own memory (sorts, buffers); it spills to disk beyond it


@dataclass
class RunSummary:
    new: int
    changed: int
    unchanged: int
    skipped: int
    articles: int
    events: int


def content_hash(article: Article) -> str:
    """What the results depend on: text, publication date and metadata."""
    parts = [article.text, str(article.published), article.published_source, article.title, article.outlet, article.url]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def text_key(article: Article) -> str:
    return hashlib.sha1(" ".join(article.text.split()).lower().encode()).hexdigest()


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.db = _connect(self.path, read_only)
        if not read_only:
            self.db.execute(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _working_copy(self) -> Iterator[None]:
        """Point the connection at a copy of the store; on success, rename the copy over the original."""
        final = Path(self.path)
        work = final.with_name(final.name + ".building")
        self.db.execute("CHECKPOINT")
        self.db.close()
        for leftover in (work, Path(f"{work}.wal")):  # what a killed run left behind
            leftover.unlink(missing_ok=True)
        shutil.copyfile(final, work)
        self.db = _connect(str(work), False)
        try:
            yield
            self.db.execute("CHECKPOINT")
            self.db.close()
            os.replace(work, final)  # atomic: readers see the old store or the new one, never a mix
        except BaseException:
            self.db.close()
            work.unlink(missing_ok=True)
            raise
        finally:
            self.db = _connect(self.path, False)

    # -- building ------------------------------------------------------------------------------
    def build(self, inputs: Iterable, published: Mapping | None = None, workers: int = 1,
              dask_address: str | None = None, show_progress: bool = False,
              allow_private_urls: bool = False, max_chars: int = MAX_CHARS) -> RunSummary:
        """Read the inputs, process what is new or changed, re-merge all events; all in one transaction."""
        known = {origin: (hash_, id_) for origin, id_, hash_ in
                 self.db.execute("SELECT origin, id, content_hash FROM articles").fetchall()}
        texts = dict(self.db.execute("SELECT text_key, id FROM articles").fetchall())
        ids = {id_ for _, id_ in known.values()}
        report: list[ReportRow] = []
        tally = {"processed": 0, "changed": 0, "unchanged": 0}
        changed: set[str] = set()  # ids of stored articles whose text changed: their old rows go

        def todo() -> Iterator[Article]:
            """New and changed articles, streamed from the inputs; the rest only reported."""
            for article, row in iter_load(inputs, published, allow_private_urls, max_chars, mapper):
                report.append(row)
                if article is None:
                    continue
                stored = known.get(article.origin)
                if stored and stored[0] == content_hash(article):
                    tally["unchanged"] += 1
                    continue
                if stored:
                    article.id = stored[1]
                    tally["changed"] += 1
                    changed.add(article.id)
                elif duplicate := texts.get(text_key(article)):
                    row.status, row.reason = "skipped", f"duplicate of stored article {duplicate}"
                    continue
                else:
                    article.id = _unique(article.id, ids)
                    ids.add(article.id)
                row.article_id = article.id
                tally["processed"] += 1
                yield article

        run_number = (self.db.execute("SELECT coalesce(max(run), 0) FROM runs").fetchone()[0] or 0) + 1
        progress = Progress(None) if show_progress else None
        with self._working_copy():
            with executor(workers, dask_address) as mapper:  # workers read the files too
                batch = []
                for result in run(todo(), workers, dask_address, progress, mapper):
                    batch.append(result)
                    if len(batch) >= WRITE_BATCH:
                        self._write(batch, changed)
                        batch = []
                self._write(batch, changed)
                del batch
            with executor(workers, dask_address) as mapper:  # a fresh one: the processing workers' memory is freed
                merged = self._merge(mapper)
            self._write_report(run_number, report)
            skipped = sum(r.status != "loaded" for r in report)
            new = tally["processed"] - tally["changed"]
            self.db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)",
                            [run_number, datetime.now(), new, tally["changed"], tally["unchanged"], skipped])
        total = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return RunSummary(new, tally["changed"], tally["unchanged"], skipped, total, merged)

    def remerge(self, mapper=map) -> int:
        """Merge the stored per-article events again (after the merging rules change); returns the event count.

        Atomic like a build: the store is replaced only when the merge has finished. ``mapper``: an open
        ``parallel.executor`` to merge date blocks on.
        """
        with self._working_copy():
            return self._merge(mapper)

    def _write(self, results, changed: set[str]) -> None:
        """Store these articles' rows, in bulk (DuckDB inserts data frames far faster than rows).

        Only changed articles have old rows to delete; a new article has none, and skipping the
        delete keeps each batch from scanning the whole, growing tables.
        One transaction per batch: a batch is all there or absent even inside the working copy.
        """
        if not results:
            return
        self.db.execute("BEGIN TRANSACTION")
        replaced = [r.article for r in results if r.article.id in changed]
        if replaced:
            self.db.register("gone", pd.DataFrame({"id": [a.id for a in replaced], "origin": [a.origin for a in replaced]}))
            for table in ("mentions", "article_events"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM gone)")
            self.db.execute("DELETE FROM articles WHERE origin IN (SELECT origin FROM gone)")
            self.db.unregister("gone")
        self._insert("articles", pd.DataFrame(
            [[r.article.origin, r.article.id, content_hash(r.article), text_key(r.article), _dump(r.article)]
             for r in results], columns=["origin", "id", "content_hash", "text_key", "record"]))
        self._insert("mentions", pd.DataFrame([[r.article.id, _dump(t)] for r in results for t in r.timexes],
                                              columns=["article_id", "record"]))
        rows = [[r.article.id, event.id, *fields[:-1], json.dumps(fields[-1]), _dump(event)]
                for r in results for event in r.events for fields in [slim_fields(event)]]
        self._insert("article_events", pd.DataFrame(rows, columns=[
            "article_id", "event_id", "begin", "end", "precision", "named_as", "year_guessed", "inferred", "confidence",
            "title_length", "centrality", "terms", "record"]))
        self.db.execute("COMMIT")

    def _merge(self, mapper=map) -> int:
        """Re-merge every stored article's events: plan on slim columns, then write merged events batch by batch.

        Events are numbered in (article, event id) order, so the plan does not depend on the order in which
        workers finished; their records are fetched back by row id, a batch of groups at a time.
        """
        cursor = self.db.execute('SELECT rowid, article_id, "begin", "end", precision, named_as, year_guessed, '
                                 "coalesce(inferred, false), confidence, title_length, centrality, terms "
                                 "FROM article_events ORDER BY article_id, event_id")
        builder, rowids = SlimBuilder(), array("q")
        while rows := cursor.fetchmany(50_000):
            for row in rows:
                rowids.append(row[0])
                builder.add(*row[1:11], json.loads(row[11]))
        table = builder.finish()
        del builder
        plan = plan_merge(table, mapper)
        del table

        def fetch(indices: list[int]) -> list[Event]:
            return self._events_by_rowid("article_events", [rowids[i] for i in indices])

        self.db.execute("DELETE FROM events")
        batch, count, sources = [], 0, 0
        for event in materialize(plan, fetch):
            batch.append(event)
            sources += len(event.sources)
            if len(batch) >= WRITE_BATCH * 4 or sources >= WRITE_BATCH * 20:  # merged events can carry many sources
                self._insert_events(batch)
                count, batch, sources = count + len(batch), [], 0
        self._insert_events(batch)
        return count + len(batch)

    def _insert_events(self, events: list[Event]) -> None:
        self._insert("events", pd.DataFrame(
            [[e.id, e.begin, e.end, e.precision, e.value, e.title, e.sentence,
              sorted({s.outlet or s.article_id for s in e.sources}), e.names, e.confidence, e.conflict, e.score,
              _dump(e)] for e in events],
            columns=["id", "begin", "end", "precision", "value", "title", "sentence", "outlets", "names", "confidence",
                     "conflict", "score", "record"]))

    def _insert(self, table: str, frame: pd.DataFrame) -> None:
        """Insert a data frame into ``table`` in one statement."""
        if frame.empty:
            return
        self.db.register("incoming", frame)
        try:
            self.db.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            self.db.unregister("incoming")

    def _write_report(self, run_number: int, report: list[ReportRow]) -> None:
        frame = pd.DataFrame([vars(r) for r in report], columns=[f.name for f in dataclasses.fields(ReportRow)])
        self._insert("report", frame.assign(run=run_number, published=pd.to_datetime(frame["published"])))

    # -- reading ----------------------------------------------------------------------------------
    def events(self, where: EventFilter | None = None) -> pd.DataFrame:
        """Merged events as a table, filtered in SQL so a large store need not be loaded whole."""
        sql, params = "SELECT rowid FROM events", []
        if where is not None:
            clauses, params = _where(where)
            sql += (" WHERE " + " AND ".join(clauses)) if clauses else ""
        from .pipeline import events_frame
        frame = events_frame(self._ordered_events(sql, params))
        return frame[EVENT_COLUMNS]

    def _ordered_events(self, rowid_sql: str, params: list | None = None) -> list[Event]:
        """Events in timeline order. Only the row ids are sorted in SQL and the records fetched by id a chunk
        at a time: sorting the records themselves (hundreds of MB at 100,000 articles) overflows DuckDB's cap."""
        rowids = [r for (r,) in self.db.execute(rowid_sql + ' ORDER BY "begin", score DESC', params or []).fetchall()]
        events = []
        for first in range(0, len(rowids), 2000):
            events.extend(self._events_by_rowid("events", rowids[first:first + 2000]))
        return events

    def _events_by_rowid(self, table: str, rowids: list[int]) -> list[Event]:
        """The events stored in these rows of ``table``, in the order given (DuckDB looks row ids up directly)."""
        found = dict(self.db.execute(f"SELECT rowid, record FROM {table} WHERE rowid = ANY(?::BIGINT[])",
                                     [rowids]).fetchall())
        return [event_from(json.loads(found[rowid])) for rowid in rowids]

    def _rows(self, sql: str) -> Iterator[tuple]:
        """Rows streamed a chunk at a time: a whole result held at once would not fit DuckDB's memory cap."""
        cursor = self.db.execute(sql)
        while rows := cursor.fetchmany(10_000):
            yield from rows

    def timeline(self) -> Timeline:
        articles = [article_from(json.loads(r)) for (r,) in self._rows("SELECT record FROM articles ORDER BY id")]
        timexes: dict[str, list[Timex]] = {a.id: [] for a in articles}
        for article_id, record in self._rows("SELECT article_id, record FROM mentions"):
            timexes.setdefault(article_id, []).append(timex_from(json.loads(record)))
        events = self._ordered_events("SELECT rowid FROM events")
        report = [ReportRow(*row) for row in self.db.execute(
            "SELECT input, status, reason, article_id, published, published_source, published_confidence, warnings "
            "FROM report WHERE run = (SELECT max(run) FROM report)").fetchall()]
        return Timeline(articles, timexes, events, report)

    def facets(self) -> dict:
        """What the filter widgets offer: sources, names, precisions and the date span, from SQL."""
        one = self.db.execute('SELECT min("begin"), max("end"), count(*) FROM events').fetchone()

        def column(sql: str) -> list[str]:
            return [row[0] for row in self.db.execute(sql).fetchall()]
        return {
            "outlets": column("SELECT DISTINCT unnest(outlets) AS o FROM events ORDER BY o"),
            "names": column("SELECT DISTINCT unnest(names) AS n FROM events ORDER BY lower(n)"),
            "precisions": column("SELECT DISTINCT precision FROM events ORDER BY 1"),
            "first": one[0], "last": one[1], "events": one[2],
        }

    def articles_frame(self) -> pd.DataFrame:
        """The articles table without loading their texts."""
        return self.db.execute("""
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

    def report_frame(self) -> pd.DataFrame:
        return self.db.execute("SELECT * EXCLUDE (run) FROM report WHERE run = (SELECT max(run) FROM report)").df()

    def article_text(self, article_id: str) -> str:
        row = self.db.execute("SELECT record->>'text' FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else ""

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "mentions", "article_events", "events", "runs")}


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(path, read_only=read_only, config={
        "memory_limit": DUCKDB_MEMORY, "temp_directory": path + ".tmp", "preserve_insertion_order": False})


def _where(f: EventFilter) -> tuple[list[str], list]:
    clauses, params = [], []
    if f.start:
        clauses.append('"end" > ?')
        params.append(datetime(f.start.year, f.start.month, f.start.day))
    if f.end:
        clauses.append('"begin" < ? + INTERVAL 1 DAY')
        params.append(datetime(f.end.year, f.end.month, f.end.day))
    if f.outlets:
        clauses.append("list_has_any(outlets, ?)")
        params.append(list(f.outlets))
    if f.names:
        clauses.append("list_has_any(names, ?)")
        params.append(list(f.names))
    if f.text.strip():
        clauses.append("contains(lower(title || ' ' || sentence), ?)")
        params.append(f.text.strip().lower())
    if f.precisions:
        clauses.append("list_contains(?, precision)")
        params.append(list(f.precisions))
    if f.min_confidence:
        clauses.append("confidence >= ?")
        params.append(f.min_confidence)
    if f.conflicts_only:
        clauses.append("conflict")
    return clauses, params


def _unique(candidate: str, taken: set[str]) -> str:
    base, number = candidate, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# -- JSON round trips of the dataclasses ---------------------------------------------------------

def _default(value: object) -> str | dict:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    names = _field_names(type(value))
    if names:  # a dataclass: asdict's fields, without its deep copies
        return {name: getattr(value, name) for name in names}
    raise TypeError(type(value).__name__)


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()


def _dump(obj: object) -> str:
    return json.dumps(obj, default=_default, ensure_ascii=False)


def _interval(d: dict | None) -> Interval | None:
    if d is None:
        return None
    return Interval(datetime.fromisoformat(d["begin"]), datetime.fromisoformat(d["end"]), d["precision"])


def article_from(d: dict) -> Article:
    d = dict(d)
    d["published"] = date.fromisoformat(d["published"]) if d.get("published") else None
    return Article(**d)


def timex_from(d: dict) -> Timex:
    return Timex(**{**d, "interval": _interval(d.get("interval"))})


def event_from(d: dict) -> Event:
    sources = [Source(**{**s, "sentence_span": tuple(s["sentence_span"]), "date_span": tuple(s["date_span"])})
               for s in d["sources"]]
    return Event(**{**d, "interval": _interval(d["interval"]), "sources": sources,
                    "placement": Placement(d.get("placement", Placement.WRITTEN)),
                    "modality": Modality(d.get("modality", Modality.FACTUAL))})
