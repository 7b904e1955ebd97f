"""Coarse sets ("in 1998", "the 1990s", "this quarter") joined to the finer set they tell, after the blocks merge.

The date blocks merge a coarse event only with events of the same interval
(:mod:`.blocks`). A coarse statement may still tell a happening that finer ones
date ("the company was sold in 1998", "on March 3, 1998, the company was
sold"): each coarse set joins at most one finer set, the most alike of those it
overlaps and shares a blocking key with, judged by the rules of
:mod:`.likeness`. Each decision looks only at the coarse set and the finer sets
as the blocks left them, never at another coarse set's decision, so the result
does not depend on any order, and a coarse set cannot chain two finer sets.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from .blocks import FINE_SPAN, is_coarse, term_keys
from .likeness import MAX_DISTINCT_ROWS, MERGE_THRESHOLD, MIN_SHARED_TERMS_NARROWING, none_unlike
from .slim import SlimTable

CANDIDATE_CHUNK = 2_000_000  # (coarse, finer) event pairs expanded at once


def attach_coarse(table: SlimTable, roots: np.ndarray) -> np.ndarray:
    """``roots`` (each event's set, named by a member) with every coarse set that finds a finer one moved into it."""
    coarse = is_coarse(table)
    pairs = _candidates(table, roots, coarse)
    if pairs.empty:
        return roots
    c, f = pairs["coarse"].to_numpy(), pairs["fine"].to_numpy()
    involved = np.unique(np.r_[c, f])
    sets = SetView(table, roots, involved)
    c, f = np.searchsorted(involved, c), np.searchsorted(involved, f)  # the view's numbers, in the same order
    similarity, shared_terms = sets.likeness(c, f)
    begin, end = np.maximum(sets.begin[c], sets.begin[f]), np.minimum(sets.end[c], sets.end[f])
    shared = end - begin
    # A guess never narrows a statement's time (see likeness.guess_overrides_statement); a coarse set always narrows.
    overrides = ((sets.guessed[f] & ~sets.guessed[c] & (shared < sets.span[c]))
                 | (sets.guessed[c] & ~sets.guessed[f] & (shared < sets.span[f])))
    fit = (shared > 0) & ~overrides & (shared_terms >= MIN_SHARED_TERMS_NARROWING) & (similarity >= MERGE_THRESHOLD)
    ranked = np.lexsort((sets.root[f], sets.begin[f], -similarity, c))  # per coarse set: the most alike first
    moved = roots.copy()
    settled: set[int] = set()
    for position in ranked[fit[ranked]].tolist():
        coarse_set, fine_set = int(c[position]), int(f[position])
        if coarse_set not in settled and none_unlike(sets.distinct(coarse_set), sets.distinct(fine_set)):
            settled.add(coarse_set)
            moved[sets.members(coarse_set)] = sets.root[fine_set]
    return moved


def _candidates(table: SlimTable, roots: np.ndarray, coarse: np.ndarray) -> pd.DataFrame:
    """Distinct (coarse set, finer set) pairs, as set numbers, whose members share a blocking key and overlap.

    Finer events are sorted by key and start, so each coarse set's overlapping ones under a key are one range
    (a finer event starts at most FINE_SPAN before the coarse one); ranges are expanded a chunk at a time, so
    memory stays bounded however many pairs a common key makes.
    """
    if not coarse.any() or coarse.all():
        return pd.DataFrame(columns=["coarse", "fine"])
    keys, events = term_keys(table)
    _, number = np.unique(roots, return_inverse=True)
    key_rank = _ranks(keys)
    del keys
    first = int(table.begin.min()) - FINE_SPAN
    if int(table.end.max()) - first >= 1 << 38:  # keys and times would not fit one int64: attach nothing
        return pd.DataFrame(columns=["coarse", "fine"])
    fine_side, coarse_side = ~coarse[events], coarse[events]
    fine_events = events[fine_side]
    fine_at = (key_rank[fine_side].astype(np.int64) << 38) + table.begin[fine_events] - first
    by_place = np.argsort(fine_at, kind="stable")
    fine_at, fine_events = fine_at[by_place], fine_events[by_place]
    pairs = np.unique(np.stack([key_rank[coarse_side], number[events[coarse_side]]]), axis=1)  # a set's events
    sample = np.empty(int(number.max()) + 1, dtype=np.int64)  # share its time: one event per set is enough
    sample[number] = np.arange(len(number))
    coarse_events = sample[pairs[1]]
    base = pairs[0].astype(np.int64) << 38
    low = np.searchsorted(fine_at, base + table.begin[coarse_events] - FINE_SPAN - first)
    high = np.searchsorted(fine_at, base + table.end[coarse_events] - first)
    found: list[np.ndarray] = []
    for chunk in _chunks(high - low, CANDIDATE_CHUNK):
        counts = (high - low)[chunk]
        where = np.repeat(low[chunk] - np.r_[0, np.cumsum(counts)[:-1]], counts) + np.arange(counts.sum())
        fine, owner = fine_events[where], np.repeat(coarse_events[chunk], counts)
        overlapping = table.end[fine] > table.begin[owner]
        found.append(np.unique(number[owner[overlapping]] * len(sample) + number[fine[overlapping]]))
    joined = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return pd.DataFrame({"coarse": joined // len(sample), "fine": joined % len(sample)})


def _ranks(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values, as int32: np.unique's inverse with half its copies (the
    blocking keys are the merge's longest arrays: about 14 million at 100,000 articles)."""
    order = np.argsort(values)
    ordered = values[order]
    steps = np.zeros(len(values), dtype=np.int32)
    steps[1:] = ordered[1:] != ordered[:-1]
    del ordered
    ranks = np.empty(len(values), dtype=np.int32)
    ranks[order] = np.cumsum(steps, dtype=np.int32)
    return ranks


def _chunks(counts: np.ndarray, size: int) -> list[np.ndarray]:
    """Consecutive index ranges whose counts add up to about ``size`` each."""
    ends = np.searchsorted(np.cumsum(counts), np.arange(size, int(counts.sum()) + size, size), side="right")
    bounds = np.unique(np.r_[0, np.minimum(ends, len(counts)), len(counts)])
    return [np.arange(start, stop) for start, stop in zip(bounds[:-1], bounds[1:], strict=True) if stop > start]


class SetView:
    """Some sets of a merge (``numbers``: ascending, as _candidates numbers the sets), renumbered 0, 1, … in that
    order: their summed term rows, sizes, shared times and members. Only the sets a coarse set may join are
    summed: summing every set held a float64 copy of every event's terms, twice."""

    def __init__(self, table: SlimTable, roots: np.ndarray, numbers: np.ndarray) -> None:
        self.table = table
        self.root, number = np.unique(roots, return_inverse=True)
        self.root = self.root[numbers]
        view = np.full(int(number.max(initial=-1)) + 1, -1, dtype=np.int64)
        view[numbers] = np.arange(len(numbers))
        events = np.flatnonzero(view[number] >= 0)
        number = view[number[events]]
        count = len(numbers)
        self.by_set = events[np.argsort(number, kind="stable")]
        self.bounds = np.r_[0, np.cumsum(np.bincount(number, minlength=count))]
        rows = table.terms.take(events)
        terms = csr_matrix((rows.weights, rows.indices, rows.indptr),
                           shape=(len(events), int(table.terms.indices.max(initial=0)) + 1))
        self.sums = (csr_matrix((np.ones(len(events)), (number, np.arange(len(events)))), shape=(count, len(events)))
                     @ terms).tocsr()
        self.present = self.sums.copy()
        self.present.data[:] = 1.0
        self.size = np.diff(self.bounds)
        self.begin = np.full(count, np.iinfo(np.int64).min)
        np.maximum.at(self.begin, number, table.begin[events])
        self.end = np.full(count, np.iinfo(np.int64).max)
        np.minimum.at(self.end, number, table.end[events])
        self.span = self.end - self.begin
        self.guessed = np.ones(count, dtype=bool)
        np.logical_and.at(self.guessed, number, table.inferred[events])

    def likeness(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Average cosine over all pairs of members, and the count of terms shared, for each pair of sets."""
        dots = np.asarray(self.sums[a].multiply(self.sums[b]).sum(axis=1)).ravel()
        shared = np.asarray(self.present[a].multiply(self.present[b]).sum(axis=1)).ravel()
        return dots / (self.size[a] * self.size[b]), shared

    def members(self, number: int) -> np.ndarray:
        return self.by_set[self.bounds[number]:self.bounds[number + 1]]

    def distinct(self, number: int) -> dict[tuple[int, ...], dict[int, float]]:
        """The set's distinct rows by article (repeats of a sentence count once), its first members' only."""
        rows: dict[tuple[int, ...], dict[int, float]] = {}
        for i in self.members(number).tolist():
            row = self.table.terms.row(i)
            rows.setdefault((int(self.table.article[i]), *row), row)
            if len(rows) >= MAX_DISTINCT_ROWS:
                break
        return rows
