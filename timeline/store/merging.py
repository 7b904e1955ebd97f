"""Merging a store's per-article events: all of them, or after a run only what the changed articles touch.

Each per-article event keeps what the last merge made of it (schema.py's
``merge_state`` table, by event id). A run reads them back as indices of this
merge's table (DuckDB resolves the ids), so the plan merges again only the
candidate components that changed (:mod:`timeline.events.reuse`), and only the
merged events whose members, size or conflict flag changed are written again;
the others stay as they are in the events table.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from ..events.merge import Batch, MergePlan, batches, combined, plan_merge
from ..events.reuse import Known
from ..events.slim import ColumnChunks, SlimBuilder, SlimTable
from ..model import Event
from .codec import decode, encode
from .schema import insert_frame

# Members of the merged events to write beyond which they are built on the merge's pool (decoding the members and
# encoding the merged events was the largest part of a 10,000-article build's merge, with one core idle); below,
# starting the pool's processes costs more than it saves.
POOLED_WRITE = 20_000
STRETCH = 100_000  # members copied out of article_events at once for writing (see _Stretch)
_SECONDS = "date_diff('second', TIMESTAMP '1970-01-01', a.\"{}\")"  # slim.seconds, in SQL
_CHUNK_VECTORS = 10  # DuckDB vectors (2,048 rows each) read at once: each one's term dicts are held at once
# What merging reads of each per-article event: SlimBuilder.add's parameters, stored under these column names.
SLIM_COLUMNS = tuple(inspect.signature(SlimBuilder.add).parameters)[1:]
_COLUMN = {"term_counts": "terms", "inferred": "coalesce(inferred, false)", "begin": _SECONDS.format("begin"),
           "end": _SECONDS.format("end")}
STATE_ROWS = 50_000  # events whose merge state one insert writes (see _save_state)
_KNOWN = ("known_component", "known_size", "known_root", "known_group", "known_group_size", "fresh")


def merge(db: duckdb.DuckDBPyConnection, mapper: Callable = map, incremental: bool = True) -> int:
    """Merge the stored per-article events; returns the merged event count.

    Events are numbered in (article, event id) order, so the plan does not depend on the order in which
    workers finished. ``incremental``: take over what did not change since the last merge (a run);
    otherwise merge everything again (the merging rules changed).
    """
    db.execute("CREATE OR REPLACE TEMP TABLE numbered AS SELECT event_id, "
               "row_number() OVER (ORDER BY article_id, event_id) - 1 AS n FROM article_events")
    [(unique,)] = db.execute("SELECT count(*) = count(DISTINCT event_id) FROM numbered").fetchall()
    table, rowids, known = _load(db)
    plan = plan_merge(table, mapper, known=known if incremental and unique else None)
    del table
    state = _state(plan)
    kept = _kept(db, plan, state, known) if incremental and unique else np.zeros(len(plan), dtype=bool)
    _save_state(db, state)
    db.register("kept", pd.DataFrame({"n": plan.leads[kept]}))
    db.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM numbered JOIN kept USING (n))")
    db.unregister("kept")
    _write(db, plan.subset(np.flatnonzero(~kept)), rowids, mapper)
    db.execute("DROP TABLE numbered")
    return len(plan)


def _load(db: duckdb.DuckDBPyConnection) -> tuple[SlimTable, np.ndarray, Known]:
    """The slim table, each event's row id, and the last merge's results as indices of the table, read in bulk
    a chunk of columns at a time (a loop over rows was most of a small re-run's time)."""
    columns = ", ".join(f"{_COLUMN.get(name, 'a.' + _quoted(name))} AS {_quoted(name)}" for name in SLIM_COLUMNS)
    cursor = db.execute(f"""
        SELECT a.rowid AS rowid, {columns}, coalesce(c.n, -1) AS known_component,
               coalesce(st.component_size, -1) AS known_size, coalesce(s.n, -1) AS known_root,
               coalesce(g.n, -1) AS known_group, coalesce(st.group_size, -1) AS known_group_size,
               st.component IS NULL OR coalesce(st.redated, false) AS fresh
        FROM article_events a JOIN numbered me ON me.event_id = a.event_id
        LEFT JOIN merge_state st ON st.event_id = a.event_id
        LEFT JOIN numbered c ON c.event_id = st.component LEFT JOIN numbered s ON s.event_id = st.root
        LEFT JOIN numbered g ON g.event_id = st.lead
        ORDER BY me.n""")
    read = ColumnChunks()
    while not (chunk := cursor.fetch_df_chunk(_CHUNK_VECTORS)).empty:
        term_rows = list(map(json.loads, chunk.pop("term_counts")))
        read.extend(chunk, term_rows)
    table, whole = read.finish()
    count = len(table)
    whole = {name: whole.get(name, np.zeros(count, dtype=np.int64)) for name in ("rowid", *_KNOWN)}
    known = Known(*(whole[name].astype(np.int64) for name in _KNOWN[:3]), whole["fresh"].astype(bool),
                  whole["known_group"].astype(np.int64), whole["known_group_size"].astype(np.int64))
    return table, whole["rowid"].astype(np.int64), known


def _state(plan: MergePlan) -> pd.DataFrame:
    """What this merge made of each event, as indices of the table (the merge_* columns to store)."""
    count = len(plan.component)
    group_of = plan.group_of()
    redated = np.zeros(count, dtype=bool)
    redated[list(plan.redate)] = True
    return pd.DataFrame({"n": np.arange(count), "component": plan.component,
                         "component_size": np.bincount(plan.component, minlength=count)[plan.component],
                         "root": plan.sets, "lead": plan.leads[group_of],
                         "group_size": np.diff(plan.offsets)[group_of], "redated": redated})


def _same_group(state: pd.DataFrame, known: Known) -> np.ndarray:
    """Events in a merged event with the same lead and size as last time, and neither new nor redated."""
    return (~known.fresh & ~state["redated"].to_numpy() & (known.group == state["lead"].to_numpy())
            & (known.group_size == state["group_size"].to_numpy()))


def _kept(db: duckdb.DuckDBPyConnection, plan: MergePlan, state: pd.DataFrame, known: Known) -> np.ndarray:
    """Groups whose stored merged event is still right: the same members, none new or redated, the same flag."""
    same = _same_group(state, known)
    kept = np.ones(len(plan), dtype=bool)
    np.logical_and.at(kept, plan.group_of(), same)
    stored = db.execute("SELECT n, conflict FROM events JOIN numbered ON numbered.event_id = events.id").fetchnumpy()
    flagged = np.full(len(plan.component), -1, dtype=np.int8)  # per lead: the stored flag, -1 for no stored event
    flagged[stored["n"]] = np.asarray(stored["conflict"], dtype=np.int8)
    flags_now = np.isin(np.arange(len(plan)), list(plan.conflicts))
    return kept & (flagged[plan.leads] == flags_now)


def _save_state(db: duckdb.DuckDBPyConnection, state: pd.DataFrame) -> None:
    """Store what this merge made of every event as the merge_state table, its indices turned back into event ids.

    The table is written anew, STATE_ROWS events at a time, the ids taken by index from the numbering as an
    Arrow column: no Python string per event, and no join in DuckDB (updating article_events in place, joined
    four times with the numbering, was most of a 30,000-article merge: 200 s of CPU).
    """
    ids = db.sql("SELECT event_id FROM numbered ORDER BY n").to_arrow_table()["event_id"]
    db.execute("DELETE FROM merge_state")
    for start in range(0, len(state), STATE_ROWS):
        part = state.iloc[start:start + STATE_ROWS]
        insert_frame(db, "merge_state", pa.table({
            "event_id": ids.take(part["n"].to_numpy()), "component": ids.take(part["component"].to_numpy()),
            "component_size": part["component_size"].to_numpy(), "root": ids.take(part["root"].to_numpy()),
            "lead": ids.take(part["lead"].to_numpy()), "group_size": part["group_size"].to_numpy(),
            "redated": part["redated"].to_numpy()}))


def _write(db: duckdb.DuckDBPyConnection, plan: MergePlan, rowids: np.ndarray, mapper: Callable = map) -> None:
    """Materialize the plan's groups a batch at a time, on ``mapper``'s workers when they are many: this process
    fetches each batch's member records (through a _Stretch) and inserts the rows the workers send back."""
    members = _Stretch(db, plan, rowids)
    try:
        tasks = ((part, members.records(part.wanted())) for part in batches(plan))
        for rows in (mapper if len(plan.members) > POOLED_WRITE else map)(_event_rows, tasks):
            insert_frame(db, "events", rows)
    finally:
        members.close()


def _event_rows(task: tuple[Batch, list[str]]) -> pa.Table:
    """A batch's merged events as rows of the events table, from its members' records (in ``wanted()`` order)."""
    part, records = task
    events = combined(part, {i: decode(Event, record) for i, record in zip(part.wanted(), records, strict=True)})
    return pa.Table.from_pylist([{
        "id": e.id, "begin": e.begin, "end": e.end, "precision": str(e.precision), "value": e.value, "title": e.title,
        "sentence": e.sentence, "outlets": e.outlets, "names": e.names, "confidence": e.confidence,
        "conflict": e.conflict, "score": e.score, "modality": str(e.modality), "record": encode(e)} for e in events])


class _Stretch:
    """The records of the plan's members, fetched a batch at a time from a stretch of STRETCH members copied out
    of article_events in plan order.

    A batch's members are a run of the plan's members (whole groups, in order). Fetched from article_events by
    row id, each batch read the record column of every row (DuckDB filters row ids after reading it): a scan
    per batch, so writing grew with the square of the store (110 ms a batch of 4,000 at 160,000 rows, 1.7 s at
    1.28 million). A stretch costs one such scan for many batches, each of which reads only the stretch. The
    years' sources adopted by redated members lie anywhere in the plan: they are fetched once, up front.
    """

    def __init__(self, db: duckdb.DuckDBPyConnection, plan: MergePlan, rowids: np.ndarray) -> None:
        self.db, self.start, self.stop = db, 0, 0  # the stretch copied: member positions [start, stop)
        self.position = np.full(len(rowids), -1, dtype=np.int64)
        self.position[plan.members] = np.arange(len(plan.members))
        db.register("plan_members", pd.DataFrame({"position": np.arange(len(plan.members)),
                                                  "member": rowids[plan.members]}))
        wanted = sorted({source for i, source in plan.redate.items() if self.position[i] >= 0})
        found = dict(db.execute("SELECT rowid, record FROM article_events WHERE rowid = ANY(?::BIGINT[])",
                                [rowids[wanted].tolist()]).fetchall())
        self.adopted = {i: found[rowid] for i, rowid in zip(wanted, rowids[wanted].tolist(), strict=True)}

    def records(self, indices: list[int]) -> list[str]:
        positions = self.position[[i for i in indices if i not in self.adopted]]
        records: dict[int, str] = {}
        if len(positions):
            first, last = int(positions.min()), int(positions.max())
            if first < self.start or last >= self.stop:
                self.start, self.stop = first, max(first + STRETCH, last + 1)
                self.db.execute("CREATE OR REPLACE TEMP TABLE stretch AS SELECT p.position, a.record FROM plan_members p "
                                "JOIN article_events a ON a.rowid = p.member WHERE p.position >= ? AND p.position < ?",
                                [self.start, self.stop])
            records = dict(self.db.execute("SELECT position, record FROM stretch WHERE position BETWEEN ? AND ?",
                                           [first, last]).fetchall())
        return [self.adopted[i] if i in self.adopted else records[self.position[i]] for i in indices]

    def close(self) -> None:
        self.db.execute("DROP TABLE IF EXISTS stretch")
        self.db.unregister("plan_members")


def _quoted(name: str) -> str:
    return f'"{name}"'
