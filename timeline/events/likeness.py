"""When two sets of events tell the same happening: how alike their wording must be, and what vetoes a merge.

Shared by the merge of the date blocks (:mod:`.merge`) and the attachment of
coarse sets to finer ones (:mod:`.attach`), so both judge alike.
"""

from __future__ import annotations

from array import array

from ..temporal.calendar import RANK
from .slim import dot

# Cosine similarity needed to merge: the highest-recall threshold with no false merge on the labelled
# pairs of benchmarks/merge_corpus (benchmarks/bench_events.py, fixed weights: the highest false pair is at 0.177,
# the next true one at 0.212; 0.20 -> pairwise precision 1.000, recall 0.679).
MERGE_THRESHOLD = 0.20
# Two sentences of one article join one event only when they are near-repeats (a caption, a headline repeated
# in the body): an article tells different happenings in different sentences. Sentences naming the same dated
# happening ("the October 7 attack") join by that name instead. With corpus TF-IDF weights 0.5 let 0.92 % of the
# pairs of distinct sentences of one article through (2,000 synthetic articles); 0.65 lets the same share through
# with fixed weights, under which an article's topic names (rare in general English) weigh more.
SAME_ARTICLE_THRESHOLD = 0.65
# Terms two sets must share when merging narrows the time of one ("Hamas is holding ... IDF soldiers", news of
# the past week, and "The IDF announced the assassination ... on Friday evening" share only "IDF").
MIN_SHARED_TERMS_NARROWING = 2
MIN_PAIR_SIMILARITY = 0.05  # no two members of a merged set may be less alike than this (share about nothing)
MAX_DISTINCT_ROWS = 40  # rows a set keeps for that check (a set's first members; repeats count once)


DAY = RANK["day"]  # the precision a named day has: both must be days to name the same happening


def same_happening(named: tuple[int, int], precision: tuple[int, int]) -> bool:
    """A day that names the same happening ("the October 7 attacks") in both."""
    return named[0] >= 0 and named[0] == named[1] and precision[0] == precision[1] == DAY


def guess_overrides_statement(shared: int, sets: tuple[int, int], begins: array, ends: array,
                               guessed: list[bool]) -> bool:
    """A merge would narrow a written time to fit an inferred one: a guess never overrides what a text states.

    "Israel said earlier this year that it had killed Deif" (written: this year) must not take the reporting
    week of another outlet's undated sentence about Deif; a written day inside an inferred week may join it.
    """
    one, other = sets
    return any(guessed[b] and not guessed[a] and shared < ends[a] - begins[a] for a, b in ((one, other), (other, one)))


def alike(a: dict[int, float], b: dict[int, float], pairs: int, min_shared: int) -> bool:
    """Two sets read alike: their average cosine over all pairs of members reaches MERGE_THRESHOLD (average
    linkage: a set is joined for its likeness to the whole set, not to one member), and they share at least
    ``min_shared`` terms."""
    shared = a.keys() & b.keys()
    return len(shared) >= min_shared and sum(a[t] * b[t] for t in shared) / pairs >= MERGE_THRESHOLD


def none_unlike(a: dict[tuple[int, ...], dict[int, float]], b: dict[tuple[int, ...], dict[int, float]]) -> bool:
    """Every member of one set reads at least a little like every member of the other (complete linkage at
    MIN_PAIR_SIMILARITY: a storm report and a fares report do not meet through one that tells both), and two
    sentences of one article are near-repeats (SAME_ARTICLE_THRESHOLD: an article tells different happenings
    in different sentences). Keys start with the article; a set keeps at most MAX_DISTINCT_ROWS rows."""
    return all(dot(row, other) >= (SAME_ARTICLE_THRESHOLD if key[0] == other_key[0] else MIN_PAIR_SIMILARITY)
               for key, row in a.items() for other_key, other in b.items())
