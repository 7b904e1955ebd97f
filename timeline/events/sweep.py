"""The greedy average-linkage merge, holding only a bounded number of sets' term sums at once.

Events meet key by key (:mod:`.blocks`: a rare term, a happening name or a pair
of terms), each key's events in date order, and an event joins a set still open
under that key when the merging rules allow (:mod:`.likeness`). The sets live on
across keys, and a set's summed terms and distinct rows are what a comparison
reads. Kept for every set to the end, those dicts grew with the largest candidate
component, about 2 KB an event: at 100,000 synthetic articles one component held
more than half of 1.6 million events and the merge passed 3.5 GB. Here only a
set's members are kept (a list of event numbers once it has more than one); its
sums and rows are rebuilt from the members' term rows when a key meets it, and at
most CACHED_SETS sets keep theirs built. A rebuild adds the members' rows one at a
time where merging added whole sets, so the sums are the same only because the
term weights are float32 summed in float64, exactly for any set this merge makes;
``_build`` checks the weights are float32.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from .blocks import key_blocks
from .likeness import (
    MAX_DISTINCT_ROWS,
    MIN_SHARED_TERMS_NARROWING,
    alike,
    guess_overrides_statement,
    none_unlike,
    same_happening,
)
from .slim import SlimTable

CACHED_SETS = 20_000  # sets whose sums and rows stay built (about 2 KB each) between the keys that meet them


@dataclass
class _Built:
    """A set's terms summed over its members in the order they joined, its size, and its distinct rows by
    article (repeats of a sentence share one; the first MAX_DISTINCT_ROWS) for the check that no two members
    are too unlike."""

    sums: dict[int, float]
    size: int
    distinct: dict[tuple[int, ...], dict[int, float]]

    def absorb(self, joined: _Built) -> None:
        sums = dict(self.sums)  # a new dict: the first member's row is also one of its distinct rows
        for term, weight in joined.sums.items():
            sums[term] = sums.get(term, 0.0) + weight
        self.sums, self.size = sums, self.size + joined.size
        for key_terms, row in joined.distinct.items():
            if len(self.distinct) < MAX_DISTINCT_ROWS:
                self.distinct.setdefault(key_terms, row)


class _Sets:
    """The sets found so far: a union-find over the events, each set's members in the order they joined, the
    time all its members share, and a bounded cache of built sets."""

    def __init__(self, table: SlimTable) -> None:
        self.table = table
        self.parent = array("q", range(len(table)))
        self.members: dict[int, list[int]] = {}  # sets of more than one event, by root
        # The time every member of a set shares; a set may grow only while that stays non-empty, so
        # events cannot chain across time through a long interval ("in 1989") that overlaps them all.
        self.common_begin, self.common_end = array("q", table.begin.tobytes()), array("q", table.end.tobytes())
        self.guessed = table.inferred.tolist()  # per set: every member's time is inferred, none written
        self.cache: OrderedDict[int, _Built] = OrderedDict()

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def built(self, root: int) -> _Built:
        found = self.cache.get(root)
        if found is not None:
            self.cache.move_to_end(root)
            return found
        found = self._build(self.members.get(root, [root]))
        self.cache[root] = found
        if len(self.cache) > CACHED_SETS:
            self.cache.popitem(last=False)
        return found

    def _build(self, members: list[int]) -> _Built:
        """Sums and rows as merging them one set after another made them (member lists keep that order)."""
        terms, articles = self.table.terms, self.table.article
        if terms.weights.dtype != np.float32:  # rebuilt sums equal merged ones only for these (module docstring)
            raise TypeError(f"term weights must be float32, not {terms.weights.dtype}")
        first = terms.row(members[0])
        built = _Built(first, 1, {(int(articles[members[0]]), *first): first})
        for i in members[1:]:
            row = terms.row(i)
            built.absorb(_Built(row, 1, {(int(articles[i]), *row): row}))
        return built

    def join(self, root: int, other: int, shared_begin: int, shared_end: int) -> None:
        self.parent[other] = root
        self.common_begin[root], self.common_end[root] = shared_begin, shared_end
        self.guessed[root] = self.guessed[root] and self.guessed[other]
        joined = self.cache.pop(other, None) or self._build(self.members.get(other, [other]))
        self.built(root).absorb(joined)
        self.members.setdefault(root, [root]).extend(self.members.pop(other, [other]))


def block_roots(block: tuple[SlimTable, np.ndarray]) -> np.ndarray:
    """set_roots of a (table, component) pair: what a pool maps over the date blocks."""
    return set_roots(*block)


def set_roots(table: SlimTable, component: np.ndarray) -> np.ndarray:
    """The set each event of ``table`` ends in, named by one of its members; events meet only within their
    candidate ``component``."""
    order = np.lexsort((table.end, table.begin))
    sets = _Sets(table)
    find, common_begin, common_end, guessed = sets.find, sets.common_begin, sets.common_end, sets.guessed
    for block in key_blocks(table, order, component):
        members = block.tolist()
        begins, ends = table.begin[block].tolist(), table.end[block].tolist()
        named, precision = table.named[block].tolist(), table.precision[block].tolist()
        # Events whose intervals may still be open, filed under the set they belonged to when added:
        # a whole file is skipped at once when it is already in the set of the event at hand.
        open_files: dict[int, list[int]] = {}
        latest_end: dict[int, int] = {}
        for position, i in enumerate(members):
            begin, root = begins[position], find(i)
            for key in list(open_files):
                if latest_end[key] <= begin:
                    del open_files[key], latest_end[key]
                    continue
                other = find(key)
                if other == root:
                    continue
                shared_begin = max(common_begin[root], common_begin[other])
                shared_end = min(common_end[root], common_end[other])
                open_now = [p for p in open_files[key] if ends[p] > begin]
                if shared_begin >= shared_end or not open_now:
                    continue
                names_day = any(same_happening((named[position], named[p]), (precision[position], precision[p]))
                                for p in open_now)
                # A set whose time the merge would narrow (news of the last week, a month) gains its date from
                # the other: the times corroborate nothing, so the wording must share more than one word.
                shared = shared_end - shared_begin
                narrows = shared < max(common_end[root] - common_begin[root], common_end[other] - common_begin[other])
                if guess_overrides_statement(shared, (root, other), common_begin, common_end, guessed):
                    continue
                if names_day:
                    sets.join(root, other, shared_begin, shared_end)
                    continue
                one, two = sets.built(root), sets.built(other)
                if (alike(one.sums, two.sums, one.size * two.size, MIN_SHARED_TERMS_NARROWING if narrows else 1)
                        and none_unlike(one.distinct, two.distinct)):
                    sets.join(root, other, shared_begin, shared_end)
            open_files.setdefault(root, []).append(position)
            latest_end[root] = max(latest_end.get(root, begin), ends[position])
    return np.fromiter((find(i) for i in range(len(table))), dtype=np.int64, count=len(table))
