"""The DuckDB project store: incremental runs, no lost or doubled articles, atomic under kill -9, SQL filters."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest
from conftest import ROOT, SEEDS

from timeline import build
from timeline.filters import EventFilter, events_in_duckdb, facets
from timeline.model import Article, Event, Modality, Placement, Precision, Timex
from timeline.store import Store
from timeline.store.codec import decode, encode


def fingerprint(events):
    return sorted((e.value, e.title, len(e.sources)) for e in events)


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    return target


def test_store_matches_an_in_memory_build_and_reruns_do_nothing(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    first = store.build([folder])
    assert (first.new, first.unchanged, first.articles) == (5, 0, 5)
    assert fingerprint(store.timeline().event_list) == fingerprint(build([folder]).event_list)
    again = store.build([folder])
    assert (again.new, again.changed, again.unchanged) == (0, 0, 5)
    assert store.counts()["articles"] == 5
    store.close()


def test_remerge_gives_the_same_events_and_keeps_the_articles(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    before = fingerprint(store.timeline().event_list)
    assert store.remerge() == len(before)
    assert fingerprint(store.timeline().event_list) == before
    assert store.counts()["articles"] == 5
    store.close()


def test_new_and_changed_articles_are_processed_and_merged(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    (folder / "005_new.txt").write_text("Title: Follow-up\n\nTop Hamas official Izz al-Din Kassab was killed in an "
                                        "airstrike on Friday in Khan Younis, the IDF said.\n", encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("005_new.txt,Follow-up,Wire,,2024-11-01,\n")
    second = store.build([folder])
    assert (second.new, second.unchanged) == (1, 5)
    kassab = [e for e in store.timeline().event_list if any(s.article_id == "005_new" for s in e.sources)]
    assert kassab and len({s.article_id for s in kassab[0].sources}) >= 3, "the new report merges with the old"
    (folder / "005_new.txt").write_text("Title: Follow-up\n\nTalks resumed in Cairo on Saturday.\n", encoding="utf-8")
    third = store.build([folder])
    assert (third.changed, third.unchanged) == (1, 5)
    assert store.counts()["articles"] == 6
    assert not [e for e in store.timeline().event_list if any(
        s.article_id == "005_new" and "Kassab" in s.sentence for s in e.sources)], "old results of a changed article go"
    store.close()


def test_a_rerun_after_one_article_changed_gives_the_events_of_a_fresh_build(tmp_path, folder, monkeypatch):
    from timeline.store import merging

    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    edited = next(folder.glob("001_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("Kassab", "Kasab", 3)
                      + "\nFirefighters put out a blaze at the Rafah depot on Saturday.\n", encoding="utf-8")
    rewritten = []
    real = merging._event_rows
    monkeypatch.setattr(merging, "_event_rows", lambda task: rewritten.extend(real(task)["id"].to_pylist())
                        or real(task))
    assert store.build([folder]).changed == 1
    again = sorted(store.event_list(), key=lambda e: e.id)
    monkeypatch.undo()
    fresh = Store(tmp_path / "fresh.duckdb")
    fresh.build([folder])
    assert again == sorted(fresh.event_list(), key=lambda e: e.id)
    assert 0 < len(rewritten) < len(again) / 2, "only the merged events the change touched are written again"
    store.close()
    fresh.close()


def test_a_rerun_reads_only_files_whose_size_or_time_changed(tmp_path, folder, monkeypatch):
    import timeline.ingest as ingest

    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    read = []
    real = ingest.read_path
    monkeypatch.setattr(ingest, "read_path", lambda path: read.append(path.name) or real(path))
    edited, touched = sorted(folder.glob("00[12]_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nTalks resumed in Cairo on Saturday.\n", encoding="utf-8")
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))  # same text, newer
    again = store.build([folder])
    assert sorted(read) == sorted([edited.name, touched.name])
    assert (again.changed, again.unchanged, again.new) == (1, 4, 0)
    assert len(store.report_frame()) == 5 and set(store.report_frame()["status"]) == {"loaded"}
    read.clear()
    assert store.build([folder]).unchanged == 5 and read == []
    store.close()


def test_same_text_elsewhere_is_a_duplicate_not_a_second_article(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    other = tmp_path / "copy"
    other.mkdir()
    shutil.copy(next(folder.glob("001_*.txt")), other / "same.txt")
    summary = store.build([other])
    assert summary.articles == 5 and summary.skipped == 1
    assert "duplicate of stored article 001_" in store.timeline().report_rows[0].reason
    store.close()


def test_sql_filter_equals_the_in_memory_filter(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    events = store.events()
    for chosen in (EventFilter(text="kassab"), EventFilter(outlets=["Asharq Al-Awsat"]), EventFilter(precisions=["year"]),
                   EventFilter(min_confidence=0.85), EventFilter(start=events["begin"].min().date())):
        assert list(store.events(chosen)["id"]) == list(chosen.apply(events)["id"])
    store.close()


def test_the_store_counts_what_each_filter_hides_and_offers_the_same_facets(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    events = store.events(EventFilter(hypothetical=True))  # every stored event, as the in-memory table holds them
    middle = events["begin"].sort_values().iloc[len(events) // 2].date()
    chosen = EventFilter(start=middle, text="said", precisions=["day"], min_confidence=0.5)
    hidden = store.hidden_by(chosen)
    assert set(hidden) == {"outside the dates", "without the search words", "at other precisions",
                           "hypothetical or conditional"}
    assert hidden == chosen.hidden_by(events)
    assert all(0 < count < len(events) for count in hidden.values())
    assert store.facets() == facets(events_in_duckdb(events))
    assert store.facets().events == len(events) and "Asharq Al-Awsat" in store.facets().outlets
    store.close()


def test_a_filter_keeps_the_order_of_an_in_memory_table_and_an_empty_one_stays_empty(seed_timeline):
    events = seed_timeline.events.iloc[::-1]
    day = events["begin"].min().date()
    narrowed = EventFilter(end=day + timedelta(days=400)).apply(events)
    assert 0 < len(narrowed) < len(events)
    assert list(narrowed.index) == [i for i in events.index if i in set(narrowed.index)], "order kept"
    assert (narrowed["begin"] < datetime.combine(day + timedelta(days=401), datetime.min.time())).all()
    empty = events.iloc[:0]
    assert EventFilter(text="x").apply(empty).empty and EventFilter(text="x").hidden_by(empty) == {}
    assert facets(events_in_duckdb(empty)).first is None


def test_records_come_back_as_the_typed_objects_they_were_written_from(seed_timeline):
    for event in seed_timeline.event_list:
        back = decode(Event, encode(event))
        assert back == event
        assert isinstance(back.interval.precision, Precision) and isinstance(back.placement, Placement)
        assert all(isinstance(s.sentence_span, tuple) and isinstance(s.happening_span, tuple) for s in back.sources)
    assert any(s.happening_span != (0, 0) for e in seed_timeline.event_list for s in e.sources)
    article = seed_timeline.article_list[0]
    assert decode(Article, encode(article)) == article
    timex = seed_timeline.timexes[article.id][0]
    assert decode(Timex, encode(timex)) == timex


def test_records_written_before_newer_fields_read_with_their_defaults(seed_timeline):
    """A store written by an earlier version lacks fields added since: they take the dataclass defaults."""
    record = json.loads(encode(seed_timeline.event_list[0]))
    for newer in ("placement", "modality", "relation", "year_guessed"):
        record.pop(newer)
    record["sources"][0].pop("happening_span")
    old = decode(Event, json.dumps(record))
    assert (old.placement, old.modality, old.relation, old.year_guessed) == (Placement.WRITTEN, Modality.FACTUAL,
                                                                            "", False)
    assert old.sources[0].happening_span == (0, 0)


def test_records_holding_a_field_since_removed_still_read(seed_timeline):
    """A record may carry a field the dataclass no longer has: it is left out, the rest reads as written."""
    event = seed_timeline.event_list[0]
    record = json.loads(encode(event))
    record["retired_field"] = 1
    record["sources"][0]["retired_field"] = "x"
    assert decode(Event, json.dumps(record)) == event


def test_a_killed_run_leaves_the_store_as_it_was(tmp_path, folder):
    path = tmp_path / "p.duckdb"
    store = Store(path)
    store.build([folder])
    before = store.counts()
    store.close()
    big = tmp_path / "big"
    big.mkdir()
    for index in range(400):
        (big / f"b{index}.txt").write_text(f"Published: 2024-03-{index % 28 + 1:02d}\n\nStory {index}: the council met "
                                           f"on Monday and voted on {index} proposals after talks in March 2024.\n" * 5)
    process = subprocess.Popen([sys.executable, "-m", "timeline.cli", "build", str(big), "--db", str(path),
                                "--workers", "1"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = b""
    deadline = time.monotonic() + 120
    while not re.search(rb"\d+ articles ", seen) and time.monotonic() < deadline:  # processing is under way
        seen += os.read(process.stderr.fileno(), 200)
    time.sleep(0.5)
    assert process.poll() is None, "the run must still be going when it is killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    store = Store(path)
    assert store.counts() == before, "nothing of the killed run may remain"
    summary = store.build([big])
    assert summary.new == 400 and store.counts()["articles"] == 405
    store.close()


def test_a_rerun_without_the_last_runs_date_override_reads_the_file_again(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    first = sorted(folder.glob("*.txt"))[0]
    store.build([folder], published={first.name: "2020-01-01"})
    store.build([folder])
    fresh = Store(tmp_path / "fresh.duckdb")
    fresh.build([folder])
    stored = {a.origin: a.published for a in store.timeline().article_list}
    assert stored == {a.origin: a.published for a in fresh.timeline().article_list}
    store.close()
    fresh.close()


def test_a_file_skipped_as_too_large_is_loaded_when_the_limit_is_raised(tmp_path, folder):
    store = Store(tmp_path / "p.duckdb")
    assert store.build([folder], max_chars=150).skipped > 0
    summary = store.build([folder])
    assert summary.skipped == 0 and summary.articles == 5
    assert set(store.report_frame()["status"]) == {"loaded"}
    store.close()


def test_per_article_rows_hold_exactly_the_values_of_the_events_made_in_memory(tmp_path, folder):
    """The rows come to the store as Arrow tables packed per partition: no column may change type or value
    (a partition where a column is all NULL or all whole numbers included)."""
    from timeline.ingest import load
    from timeline.parallel import process_article
    from timeline.store.writes import _article_events

    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    cursor = store.db.execute("SELECT * FROM article_events")
    names = [column[0] for column in cursor.description]
    stored = sorted((dict(zip(names, row, strict=True)) for row in cursor.fetchall()), key=lambda r: r["event_id"])
    store.close()
    results = [process_article(article) for article in load([folder]).articles]
    expected = sorted(_article_events([(r.article.id, e) for r in results for e in r.events]).to_pylist(),
                      key=lambda r: r["event_id"])
    assert stored == expected and all(type(row["confidence"]) is float for row in stored)


def test_under_a_small_memory_cap_a_rerun_writes_its_state_in_chunks_and_equals_a_fresh_build(tmp_path, folder,
                                                                                                monkeypatch):
    from timeline.store import merging, schema

    monkeypatch.setattr(schema, "DUCKDB_MEMORY", "64MB")  # every statement of the build and merge runs within it
    monkeypatch.setattr(merging, "STATE_ROWS", 5)  # the merge state is written (and its ids looked up) 5 at a time
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    edited = next(folder.glob("002_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe harbour reopened on Saturday.\n", encoding="utf-8")
    assert store.build([folder]).changed == 1
    fresh = Store(tmp_path / "fresh.duckdb")
    fresh.build([folder])
    assert sorted(store.event_list(), key=lambda e: e.id) == sorted(fresh.event_list(), key=lambda e: e.id)
    state = "SELECT * FROM merge_state ORDER BY event_id"
    assert store.db.execute(state).fetchall() == fresh.db.execute(state).fetchall()
    assert store.db.execute("SELECT count(*) FROM article_events a LEFT JOIN merge_state s USING (event_id) "
                            "WHERE s.lead IS NULL").fetchone()[0] == 0
    store.close()
    fresh.close()


def test_a_store_that_kept_the_merge_state_in_its_event_rows_is_merged_again_and_loses_those_columns(tmp_path, folder):
    """Stores written before the merge_state table kept the state as columns of article_events: opened for writing
    they drop them, and the next run (with no state) merges everything again, as a fresh build does."""
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    expected = sorted(store.event_list(), key=lambda e: e.id)
    for column, kind in (("merge_component", "TEXT"), ("merge_group_size", "INTEGER"), ("merge_redated", "BOOLEAN")):
        store.db.execute(f"ALTER TABLE article_events ADD COLUMN {column} {kind}")
    store.db.execute("DELETE FROM merge_state")
    store.close()
    store = Store(tmp_path / "p.duckdb")
    columns = {row[0] for row in store.db.execute("DESCRIBE article_events").fetchall()}
    assert not any(column.startswith("merge_") for column in columns)
    edited = next(folder.glob("002_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a run that changes nothing
    store.build([folder])
    assert sorted(store.event_list(), key=lambda e: e.id) == expected
    assert store.db.execute("SELECT count(*) FROM merge_state").fetchone()[0] == store.counts()["article_events"]
    store.close()


def test_merged_events_written_from_short_stretches_of_members_are_those_of_a_memory_build(tmp_path, folder,
                                                                                            monkeypatch):
    """Writing copies the members' records out of article_events a stretch at a time; batches of 3 members from
    stretches of 2 (copied again for nearly every batch, a redated member's source fetched apart) change nothing."""
    from functools import partial

    from timeline.events.merge import batches
    from timeline.store import merging

    monkeypatch.setattr(merging, "STRETCH", 2)
    monkeypatch.setattr(merging, "batches", partial(batches, size=3))
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    assert fingerprint(store.timeline().event_list) == fingerprint(build([folder]).event_list)
    store.close()


def test_merged_events_built_on_the_merges_pool_are_those_built_in_the_store_process(tmp_path, folder, monkeypatch):
    """Past POOLED_WRITE members the merged events are built on the merge's pool, a batch a task, and sent back as
    rows: every stored event, field by field, and every column of the events table stay as built in one process."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from timeline import parallel
    from timeline.events.merge import batches
    from timeline.store import merging

    local = Store(tmp_path / "local.duckdb")
    local.build([folder])
    started = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(merging, "POOLED_WRITE", 0)
    monkeypatch.setattr(merging, "batches", partial(batches, size=3))  # many tasks, each a few groups
    pooled = Store(tmp_path / "pooled.duckdb")
    pooled.build([folder], workers=2)
    assert len(started) == 1, "the five articles are processed here; only writing starts a pool"
    columns = "SELECT * FROM events ORDER BY id"
    assert pooled.db.execute(columns).fetchall() == local.db.execute(columns).fetchall()
    assert sorted(pooled.event_list(), key=lambda e: e.id) == sorted(local.event_list(), key=lambda e: e.id)
    local.close()
    pooled.close()
