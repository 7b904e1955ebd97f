"""Date blocks for merging: groups of events no merge can cross, so each block can be merged on its own.

Merging compares two events only when they share a blocking key (one of their
most weighted terms, or a happening name) and their times overlap, and a merged
set keeps a time all its members share. So every merged set lies inside one
connected component of the graph whose edges are those candidate pairs. Within
a component, the greedy merge sees the same events in the same order whether
the rest of the corpus is there or not (events of another component sharing a
key are always closed by the time it meets them), so merging the components
apart gives exactly the sets of merging them together. Blocks pack whole
components, in date order, up to a size.

Chains of overlapping reports can still link months of news into one component
(the same story retold every few days, each report open for its week): at
100,000 synthetic articles one held more than half of the events, so the blocks
could not share the merge out. A component of more than LARGEST_COMPONENT
events is cut in date order where the fewest candidate pairs cross, and its
pieces are merged apart (a key's events meet only within a piece): only merges
across those cuts are lost, and components of normal size stay whole.

A coarse event (longer than a month) meets only events of its own interval
here, so statements dated "1990" do not tie every event of 1990 sharing a common
word into one component; :mod:`.attach` then joins coarse sets to finer ones.
Keys are ordered by term, so a component merges alike in any corpus that holds
it, which lets a re-run merge again only the components that changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

if TYPE_CHECKING:
    from .slim import SlimTable

BLOCK_TERMS = 6  # an event is compared only with events sharing one of its most weighted terms that is rare,
RARE_KEY_WEIGHT = 9.0  # (as rare as "nurses" or "harbour", or rarer: in about 1 of 3,000 sentences of English)
KEY_PAIR_TERMS = 4  # or two of its four most weighted terms
BLOCK_EVENTS = 20_000  # events per block: large enough that sending one costs little next to merging it
LARGEST_COMPONENT = 20_000  # events of a candidate component beyond which it is cut at its quietest moments
# Events whose time is longer than a week are coarse: they are merged with others of the same interval, then
# attached to a finer set (see .attach). Let into the blocks, a year's statements linked nearly every event
# of that year sharing a common word into one block (93 % of 145,377 events at 10,000 articles).
FINE_SPAN = 8 * 86400


def block_keys(table: SlimTable, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each event under each of its blocking keys (a heavily weighted term, or a happening name; a coarse event's
    key also holds its interval), as two arrays sorted by key and then by the event's place in ``order``."""
    keys, events = term_keys(table)  # this function's own arrays: changed in place, replaced one at a time
    coarse = is_coarse(table)[events]
    if coarse.any():  # coarse events meet only events of the same interval: (key, begin, end) is their key
        triples = np.stack([keys[coarse], table.begin[events[coarse]], table.end[events[coarse]]])
        keys[coarse] = int(keys.max()) + 1 + np.unique(triples, axis=1, return_inverse=True)[1].ravel()
        del triples
    del coarse
    rank = np.empty(len(table), dtype=np.int32)
    rank[order] = np.arange(len(table), dtype=np.int32)
    ordered = np.lexsort((rank[events], keys))
    del rank
    keys = keys[ordered]
    events = events[ordered]
    return keys, events


def is_coarse(table: SlimTable) -> np.ndarray:
    """Events whose time is longer than FINE_SPAN ("in 1990", "the 1990s", "this quarter")."""
    return table.end - table.begin > FINE_SPAN


def term_keys(table: SlimTable) -> tuple[np.ndarray, np.ndarray]:
    """Each event under each of its blocking keys, unsorted: its rare top terms (weights.term_weight at least
    RARE_KEY_WEIGHT: "Kassab", "landslide"), each pair of its KEY_PAIR_TERMS most weighted terms ("bank" and
    "interest": common words, but rarely together), and its happening name. Numbered terms first, then
    names, then pairs, each in alphabetical order. Keys are int64, events int32 (there are about nine keys an
    event: at 100,000 articles every int64 copy of them is over 100 MB)."""
    indices = table.terms.indices
    vocabulary = len(table.terms.term_weights)
    rows, place, entry = table.terms.leading(max(BLOCK_TERMS, KEY_PAIR_TERMS))
    top = place < BLOCK_TERMS
    rare = top & (table.terms.term_weights[indices[entry]] >= RARE_KEY_WEIGHT)
    rare_terms, rare_rows = indices[entry[rare]], rows[rare]
    named = np.flatnonzero(table.named >= 0)
    leading = np.full((len(table), KEY_PAIR_TERMS), -1, dtype=np.int64)  # each row's first terms by weight
    first = place < KEY_PAIR_TERMS
    leading[rows[first], place[first]] = indices[entry[first]]
    del rows, place, entry, top, rare, first
    pair_keys, pair_events = [], []
    for a, b in combinations(range(KEY_PAIR_TERMS), 2):
        both = np.flatnonzero((leading[:, a] >= 0) & (leading[:, b] >= 0))
        low, high = np.minimum(leading[both, a], leading[both, b]), np.maximum(leading[both, a], leading[both, b])
        pair_keys.append(low * vocabulary + high)
        pair_events.append(both)
    names_end = vocabulary + int(table.named.max(initial=-1)) + 1
    keys = np.concatenate([rare_terms.astype(np.int64), vocabulary + table.named[named].astype(np.int64),
                           names_end + np.concatenate(pair_keys)])
    return keys, np.concatenate([rare_rows, *(part.astype(np.int32) for part in (named, *pair_events))])


def key_blocks(table: SlimTable, order: np.ndarray, component: np.ndarray) -> Iterator[np.ndarray]:
    """Events sharing a blocking key within one candidate component (the pieces of a cut component never
    meet), each block in date order.

    A key's events, in date order, are cut wherever the component changes, without sorting them by component:
    an event of another component comes only once every earlier event of the key has ended (a run of the key
    restarts there, see :func:`candidate_components`; else the two would share a component), and a cut
    component's pieces follow each other in date order, so no comparison of open events is lost.
    """
    keys_np, events_np = block_keys(table, order)
    scope = component[events_np]
    bounds = np.r_[0, np.flatnonzero((np.diff(keys_np) != 0) | (np.diff(scope) != 0)) + 1, len(keys_np)]
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        if stop - start > 1:
            yield events_np[start:stop]


def candidate_components(keys: np.ndarray, events: np.ndarray, begin: np.ndarray, end: np.ndarray,
                         count: int, largest: int = LARGEST_COMPONENT) -> np.ndarray:
    """The component of each of ``count`` events; ``keys``/``events`` list each event under each of its keys,
    sorted by key and then by date (begin, end), as the merge sweeps them. A component of more than
    ``largest`` events is cut in pieces of date order at its quietest moments (see :func:`_quiet_cuts`).

    Within a key, a sweep in date order starts a new run wherever an event begins at or after the latest
    end seen so far: no earlier event of that key is still open then. Each event joins the one before it
    in its run.
    """
    if not len(keys):
        return np.arange(count)
    first, span = int(begin.min()), int(end.max() - begin.min()) + 1
    offset = np.r_[0, np.cumsum(np.diff(keys) != 0)]  # each key's rank (keys come sorted)
    if (int(offset[-1]) + 1) * span >= 2**62:  # offsets would overflow: one block, still exact
        return np.zeros(count, dtype=np.int64)
    # Each key's times shifted above every earlier key's, so one running maximum restarts at each key (computed
    # in place: each array here is as long as the keys).
    offset *= span
    offset -= first
    latest = end[events]
    latest += offset
    np.maximum.accumulate(latest, out=latest)
    starts = begin[events]
    starts += offset
    del offset
    pairs = np.flatnonzero(starts[1:] < latest[:-1]) + 1
    del starts, latest
    one, other = events[pairs], events[pairs - 1]
    del pairs
    component = _components(one, other, count)
    if len(component) and np.bincount(component).max() > largest:
        piece = _quiet_cuts(one, other, component, begin, end, largest)
        kept = piece[one] == piece[other]
        component = _components(one[kept], other[kept], count)
    return component


def _components(one: np.ndarray, other: np.ndarray, count: int) -> np.ndarray:
    graph = coo_matrix((np.ones(len(one), dtype=np.int8), (one, other)), shape=(count, count))
    return connected_components(graph, directed=False)[1]


def _quiet_cuts(one: np.ndarray, other: np.ndarray, component: np.ndarray, begin: np.ndarray, end: np.ndarray,
                largest: int) -> np.ndarray:
    """Each event's piece of its component: components of more than ``largest`` events are cut in date order,
    each cut where the fewest candidate pairs (``one``, ``other``) cross, between a half and the whole of
    ``largest`` events after the last cut, and never between events that begin together.

    Chains of overlapping reports of the same texts link months of news into one component (more than half of
    1.6 million events at 100,000 synthetic articles), though a merged event keeps a time all its members share:
    no merge spans those months, and a cut drops only the pairs that straddle it. Components of normal size are
    left whole, and a cut depends on the component's own events only, so it is the same in any corpus.
    """
    order = np.lexsort((end, begin))
    piece = np.zeros(len(component), dtype=np.int64)
    local = np.zeros(len(component), dtype=np.int64)  # an event's place in its component's date order
    for large in np.flatnonzero(np.bincount(component) > largest).tolist():
        members = order[component[order] == large]
        local[members] = np.arange(len(members))
        inside = component[one] == large
        low = np.minimum(local[one[inside]], local[other[inside]])
        high = np.maximum(local[one[inside]], local[other[inside]])
        crossing = np.cumsum(np.bincount(low + 1, minlength=len(members) + 1)
                             - np.bincount(high + 1, minlength=len(members) + 1))  # pairs across a cut before k
        starts_apart = np.r_[False, begin[members][1:] > begin[members][:-1]]
        cuts, last = [], 0
        half = max(largest // 2, 1)  # each cut moves on: a limit below 2 would pick the same cut again and again
        while len(members) - last > largest:
            window = np.flatnonzero(starts_apart[last + half:last + largest + 1]) + last + half
            if not len(window):
                later = np.flatnonzero(starts_apart[last + largest + 1:])
                if not len(later):
                    break
                window = later[:1] + last + largest + 1
            last = int(window[np.argmin(crossing[window])])
            cuts.append(last)
        piece[members] = np.searchsorted(np.array(cuts, dtype=np.int64), np.arange(len(members)), side="right")
    return piece


def date_blocks(component: np.ndarray, order: np.ndarray, size: int | None = BLOCK_EVENTS) -> list[np.ndarray]:
    """Event indices (ascending) of blocks of whole components, taken in order of each component's first
    event in ``order`` (date order), each block filled up to ``size`` events (None: one block)."""
    if size is None or len(component) <= size:
        return [np.arange(len(component))]
    components_in_date_order = component[order][np.sort(np.unique(component[order], return_index=True)[1])]
    sizes = np.bincount(component)[components_in_date_order]
    block_of_component = np.empty(len(sizes), dtype=np.int64)
    block, filled = 0, 0
    for position, grown in enumerate(sizes.tolist()):
        if filled and filled + grown > size:
            block, filled = block + 1, 0
        block_of_component[components_in_date_order[position]] = block
        filled += grown
    block_of_event = block_of_component[component]
    by_block = np.argsort(block_of_event, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(block_of_event))]
    return [by_block[start:stop] for start, stop in zip(bounds[:-1], bounds[1:], strict=True)]
