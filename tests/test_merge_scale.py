"""The merge at scale: long chains of overlapping reports neither hold every set in memory nor make one
component the size of the corpus."""

from __future__ import annotations

import tracemalloc
from collections import Counter
from datetime import datetime, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import slim, sweep
from timeline.events.blocks import block_keys, candidate_components
from timeline.events.slim import SlimBuilder
from timeline.temporal import lexicon as lx

WORDS = ["harbour", "crane", "pier", "ferry", "strike", "union", "dockers", "wages", "port", "cargo", "vessel",
         "tanker"]


def _reports(days: list[float], story: int = 0) -> list[tuple]:
    """One undated report a day given (its week before publication, inferred), each worded a little apart."""
    reports = []
    for number, day in enumerate(days):
        published = datetime(2024, 1, 1) + timedelta(days=day)
        words = {WORDS[(number + shift) % len(WORDS)]: 1 for shift in range(4)} | {f"story{story}x": 2}
        reports.append((published - timedelta(days=7), published + timedelta(days=1), words))
    return reports


def _table(reports: list[tuple]):
    builder = SlimBuilder()
    for number, (begin, end, words) in enumerate(reports):
        builder.add(f"a{number:05d}", begin, end, "week", "", False, True, 1.0, 10, 1.0, words)
    return builder.finish()


def _components(table, largest: int) -> np.ndarray:
    order = np.lexsort((table.end, table.begin))
    return candidate_components(*block_keys(table, order), table.begin, table.end, len(table), largest)


def test_a_months_long_chain_of_overlapping_reports_is_cut_into_pieces_no_larger_than_the_limit():
    table = _table(_reports([k / 4 for k in range(400)]))  # four reports a day for 100 days, each open a week
    assert np.bincount(_components(table, 10_000)).max() == 400  # one chain: every report overlaps the next
    pieces = _components(table, 60)
    assert np.bincount(pieces).max() <= 60
    for piece in np.unique(pieces):  # each piece is a stretch of days, not a scatter
        days = np.sort(table.begin[pieces == piece])
        assert np.all(np.diff(days) <= 86400)


def test_a_large_component_is_cut_where_the_fewest_candidate_pairs_cross():
    # Two busy weeks of reports joined by one report between them: the cut falls beside it, not inside a week.
    busy = [k / 3 for k in range(30)]
    reports = _reports(busy) + _reports([14.5]) + _reports([19 + day for day in busy])
    table = _table(reports)
    assert np.bincount(_components(table, 10_000)).max() == 61
    pieces = _components(table, 45)
    first_week, second_week = pieces[:30], pieces[31:]
    assert len(set(first_week.tolist())) == 1 and len(set(second_week.tolist())) == 1
    assert first_week[0] != second_week[0]


def test_merging_with_few_sets_kept_built_gives_the_same_sets(monkeypatch):
    # Several stories on overlapping days: sets grow, meet again under other keys, and are rebuilt from members.
    reports = [report for story in range(5) for report in _reports([story * 2 + k / 5 for k in range(40)], story)]
    table = _table(reports)
    whole = np.zeros(len(table), dtype=np.int64)
    kept_built = sweep.set_roots(table, whole)
    monkeypatch.setattr(sweep, "CACHED_SETS", 2)
    rebuilt = sweep.set_roots(table, whole)
    assert np.array_equal(rebuilt, kept_built)
    assert len(np.unique(rebuilt)) < len(table) / 2  # the reports really merged


def test_the_sweep_holds_little_per_event_however_long_the_chain(monkeypatch):
    monkeypatch.setattr(sweep, "CACHED_SETS", 50)
    peaks = {}
    for count in (2000, 8000):
        table = _table(_reports([k / 4 for k in range(count)]))
        whole = np.zeros(count, dtype=np.int64)
        tracemalloc.start()
        sweep.set_roots(table, whole)
        peaks[count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    # Every set's summed terms and rows kept to the end cost about 1 KB an event more here.
    assert (peaks[8000] - peaks[2000]) / 6000 < 600


def test_the_pieces_of_a_cut_component_are_merged_apart():
    table = _table(_reports([k / 4 for k in range(400)]))
    pieces = _components(table, 60)
    roots = sweep.set_roots(table, pieces)
    assert all(len(set(pieces[roots == root].tolist())) == 1 for root in np.unique(roots))
    assert len(np.unique(roots)) < len(table) / 2  # the reports really merged, within their pieces



def _key_blocks_grouped_by_component(table, order, component):
    """The blocks as they were made before: each key's events sorted by component (stably, so in date order)."""
    keys, events = block_keys(table, order)
    scoped = np.lexsort((component[events], keys))
    keys, events = keys[scoped], events[scoped]
    scope = component[events]
    bounds = np.r_[0, np.flatnonzero((np.diff(keys) != 0) | (np.diff(scope) != 0)) + 1, len(keys)]
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        if stop - start > 1:
            yield events[start:stop]


def test_key_blocks_cut_at_each_change_of_component_give_the_sets_of_blocks_sorted_by_component(monkeypatch):
    """Within a key, an event of another component comes only after every earlier event of the key has ended (else
    they would share a component), and a cut component's pieces follow each other in date order; so cutting a key's
    date-ordered events wherever the component changes loses no comparison, without sorting them by component."""
    stories = [report for story in range(5) for report in _reports([story * 9 + k / 3 for k in range(60)], story)]
    chain = _reports([k / 4 for k in range(400)])
    for reports, largest in ((stories, 10_000), (stories, 40), (chain, 60), (stories + chain, 50)):
        table = _table(reports)
        component = _components(table, largest)
        roots = sweep.set_roots(table, component)
        with monkeypatch.context() as patched:
            patched.setattr(sweep, "key_blocks", _key_blocks_grouped_by_component)
            assert np.array_equal(sweep.set_roots(table, component), roots)
        assert len(np.unique(roots)) < len(table) / 2  # the reports really merged

def test_a_limit_below_two_still_cuts_a_component_and_ends():
    """Each cut must move on from the last one: with a limit of 1 the cut was picked again for ever."""
    import numpy as np

    from timeline.events.blocks import _quiet_cuts

    count = 20
    one, other = np.arange(count - 1), np.arange(1, count)  # a chain of candidate pairs
    begin = np.arange(count, dtype=np.int64) * 3600
    piece = _quiet_cuts(one, other, np.zeros(count, dtype=np.int64), begin, begin + 60, 1)
    assert len(set(piece.tolist())) == count, "every event its own piece"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"aAsSzZ' -.,KéÉ\u212aıİ", "October", "Monday's", "the", "Kassab", "port's", "co-op",
                                  "IT'S", "strike"]), max_size=60).map("".join),
       st.sampled_from(["", "October", "Monday", "7"]))
def test_the_terms_of_a_sentence_are_those_of_counting_its_words_one_at_a_time(sentence, date_text):
    """terms() lowers a sentence's words in one call and counts them in a dict; the plain rule lowers and counts
    each word alone (Counter.most_common). Same terms, same counts, same order, for any text."""
    counts: Counter = Counter()
    for word in slim._WORD.findall(sentence.replace(date_text, " ") if date_text else sentence):
        lower = word.lower().replace("'s", "")
        if lower not in lx.TERM_STOP_WORDS and lower not in lx.DATE_NAME_WORDS:
            counts[lower] += 2 if word[0].isupper() else 1
    assert list(slim.terms(sentence, date_text).items()) == counts.most_common(slim.KEPT_TERMS)
