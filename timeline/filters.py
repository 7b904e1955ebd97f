"""Narrow events the way a reader asks (dates, sources, names, words, precision, confidence), and what they can ask.

Hypothetical, conditional and negated happenings are hidden unless the reader asks for them: a filter left as it
is shows what happened and what is planned, never what only might happen.

One SQL filter serves both homes of events: DuckDB runs it over the store's
``events`` table, and over an in-memory events DataFrame shown to it as a view
of the same name and columns; so a filter cannot mean one thing in the
dashboard and another in a store export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pandas as pd

# What the filter and the facets read: the store's events table has these columns, and so has events_in_duckdb().
_TABLE = """CREATE TEMP TABLE events AS SELECT position AS rowid, "begin", "end",
           CAST(outlets AS VARCHAR[]) AS outlets, CAST(names AS VARCHAR[]) AS names, CAST(title AS VARCHAR) AS title,
           CAST(sentence AS VARCHAR) AS sentence, CAST(precision AS VARCHAR) AS precision,
           CAST(confidence AS DOUBLE) AS confidence, CAST(conflict AS BOOLEAN) AS conflict,
           CAST(modality AS VARCHAR) AS modality FROM frame"""
_COLUMNS = ["begin", "end", "outlets", "names", "title", "sentence", "precision", "confidence", "conflict", "modality"]
HYPOTHETICAL_REASON = "hypothetical or conditional"


@dataclass(frozen=True)
class Criterion:
    """One filter that is set: why it hides an event, and the SQL condition an event must meet to pass it."""

    reason: str
    sql: str
    params: tuple = ()


@dataclass
class EventFilter:
    """Every field left empty keeps everything."""

    start: date | None = None
    end: date | None = None  # inclusive
    outlets: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    text: str = ""
    precisions: list[str] = field(default_factory=list)
    min_confidence: float = 0.0
    conflicts_only: bool = False
    hypothetical: bool = False  # show hypothetical, conditional and negated happenings too (hidden by default)

    def criteria(self) -> list[Criterion]:
        """Each filter that is set, as SQL over the columns of an events table."""
        criteria = []
        if not self.hypothetical:  # a store written before events had a modality holds none: NULL passes
            criteria.append(Criterion(HYPOTHETICAL_REASON, "modality IS DISTINCT FROM 'hypothetical'"))
        if self.start or self.end:
            bounds = [('"end" > ?', _midnight(self.start)) if self.start else None,
                      ('"begin" < ? + INTERVAL 1 DAY', _midnight(self.end)) if self.end else None]
            set_bounds = [bound for bound in bounds if bound]
            criteria.append(Criterion("outside the dates", " AND ".join(sql for sql, _ in set_bounds),
                                      tuple(value for _, value in set_bounds)))
        if self.outlets:
            criteria.append(Criterion("from other sources", "list_has_any(outlets, ?)", (list(self.outlets),)))
        if self.names:
            criteria.append(Criterion("without the chosen names", "list_has_any(names, ?)", (list(self.names),)))
        if self.text.strip():
            criteria.append(Criterion("without the search words", "contains(lower(title || ' ' || sentence), ?)",
                                      (self.text.strip().lower(),)))
        if self.precisions:
            criteria.append(Criterion("at other precisions", "list_contains(?, precision)", (list(self.precisions),)))
        if self.min_confidence:
            criteria.append(Criterion("below the confidence", "confidence >= ?", (self.min_confidence,)))
        if self.conflicts_only:
            criteria.append(Criterion("without conflicting dates", "conflict"))
        return criteria

    def where(self) -> tuple[str, list]:
        """The whole filter as a WHERE condition and its parameters ("true" when nothing is set and hypothetical
        happenings are asked for)."""
        criteria = self.criteria()
        return (" AND ".join(f"({c.sql})" for c in criteria) or "true",
                [value for c in criteria for value in c.params])

    def hidden(self, db: duckdb.DuckDBPyConnection) -> dict[str, int]:
        """How many events of the ``events`` relation each filter alone hides ("outside the dates": 3)."""
        criteria = self.criteria()
        if not criteria:
            return {}
        counts = db.execute("SELECT " + ", ".join(f"count(*) FILTER (WHERE NOT coalesce(({c.sql}), false))"
                                                  for c in criteria) + " FROM events",
                            [value for c in criteria for value in c.params]).fetchone()
        return {c.reason: count for c, count in zip(criteria, counts, strict=True) if count}

    def positions(self, db: duckdb.DuckDBPyConnection) -> list[int]:
        """The row ids of the ``events`` relation that pass, in row order (for a DataFrame: its positions)."""
        sql, params = self.where()
        return [rowid for (rowid,) in db.execute(f"SELECT rowid FROM events WHERE {sql} ORDER BY rowid",
                                                 params).fetchall()]

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        """The events DataFrame narrowed, its order kept (filtering often: keep events_in_duckdb(events))."""
        with events_in_duckdb(events) as db:
            return events.iloc[self.positions(db)]

    def hidden_by(self, events: pd.DataFrame) -> dict[str, int]:
        """How many events of the DataFrame each filter alone hides, so the page can say so."""
        with events_in_duckdb(events) as db:
            return self.hidden(db)


@dataclass
class Facets:
    """What the filter widgets offer: every source, name and precision, and the span of the dates."""

    outlets: list[str]
    names: list[str]
    precisions: list[str]
    first: datetime | None
    last: datetime | None
    events: int


def facets(db: duckdb.DuckDBPyConnection) -> Facets:
    """The facets of the ``events`` relation (a store's table or events_in_duckdb())."""
    first, last, count = db.execute('SELECT min("begin"), max("end"), count(*) FROM events').fetchone()

    def column(sql: str) -> list[str]:
        return [value for (value,) in db.execute(sql).fetchall()]
    return Facets(column("SELECT DISTINCT unnest(outlets) AS o FROM events ORDER BY o"),
                  column("SELECT DISTINCT unnest(names) AS n FROM events ORDER BY lower(n), n"),
                  column("SELECT DISTINCT precision FROM events ORDER BY 1"),
                  _timestamp(first), _timestamp(last), count)


def events_in_duckdb(events: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB holding the DataFrame's filter columns as an ``events`` table (rowid = position).

    Copied once: DuckDB reads Python lists slowly, so a caller filtering the same events again keeps this."""
    db = duckdb.connect()
    # a copy: DuckDB cannot read the strided arrays of a reordered frame (events.iloc[::-1]) in place
    db.register("frame", events[_COLUMNS].copy(deep=True).assign(position=range(len(events))))
    db.execute(_TABLE)
    db.unregister("frame")
    return db


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _timestamp(value: object) -> datetime | None:
    return None if value is None else pd.Timestamp(value).to_pydatetime()
