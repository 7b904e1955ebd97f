"""Merge events that report the same happening: within an article and across articles.

Candidates are blocked by date: only events whose intervals overlap are
compared (a sweep over interval starts), so the work grows with the number of
overlapping pairs, not with the square of the corpus. Two candidates merge when
their wording and their names are similar enough.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event
from ..temporal.calendar import compare_precision
from .names import name_tokens

# Similarity needed to merge: measured on the seeds and the tests' invented corpus.
MERGE_THRESHOLD = 0.22
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_STOPWORDS = frozenset({
    "the", "and", "for", "that", "with", "was", "were", "has", "had", "have", "his", "her", "its", "their",
    "this", "from", "are", "been", "said", "says", "who", "which", "would", "will", "also", "after", "into",
    "than", "but", "not", "they", "them", "there", "about", "over", "more", "one", "some", "all", "out",
    "other", "during", "when", "where", "while", "what", "him", "she", "our", "can", "could", "may",
})
_PRECISION_RANK = {"minute": 1.0, "hour": 1.0, "part_of_day": 1.0, "day": 1.0, "weekend": 0.8, "week": 0.8,
                   "month": 0.6, "season": 0.5, "quarter": 0.5, "half": 0.4, "year": 0.3, "decade": 0.2,
                   "century": 0.1}


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}


def similarity(a: Event, b: Event) -> float:
    """Half word overlap (Jaccard of content words), half name overlap (Jaccard of name words)."""
    words_a, words_b = content_words(a.sentence), content_words(b.sentence)
    names_a, names_b = name_tokens(a.names), name_tokens(b.names)
    words = len(words_a & words_b) / len(words_a | words_b) if words_a | words_b else 0.0
    names = len(names_a & names_b) / len(names_a | names_b) if names_a | names_b else 0.0
    return 0.5 * words + 0.5 * names


def merge_events(events: list[Event]) -> list[Event]:
    """Group events about the same happening whose dates overlap; flag near-twins with clashing dates."""
    order = sorted(range(len(events)), key=lambda i: (events[i].begin, events[i].end))
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    active: list[int] = []
    for i in order:
        current = events[i]
        active = [j for j in active if events[j].end > current.begin]
        for j in active:
            if similarity(current, events[j]) >= MERGE_THRESHOLD:
                parent[find(i)] = find(j)
        active.append(i)

    groups: dict[int, list[Event]] = {}
    for i in order:
        groups.setdefault(find(i), []).append(events[i])
    merged = [_combine(group) for group in groups.values()]
    _flag_conflicts(merged)
    for event in merged:
        event.score = round(len({s.article_id for s in event.sources}) + _PRECISION_RANK.get(event.precision, 0.1)
                            + event.centrality, 3)
    return sorted(merged, key=lambda e: (e.begin, -e.score))


def _combine(group: list[Event]) -> Event:
    """The most precise date leads; all sources and names are kept, each source once."""
    lead = max(group, key=lambda e: (-_precision_order(e), e.confidence, -len(e.title)))
    sources, seen = [], set()
    names: list[str] = []
    for event in group:
        for source in event.sources:
            key = (source.article_id, source.sentence_span)
            if key not in seen:
                seen.add(key)
                sources.append(source)
        names.extend(n for n in event.names if n not in names)
    return replace(lead, sources=sources, names=names, centrality=max(e.centrality for e in group),
                   confidence=max(e.confidence for e in group))


def _precision_order(event: Event) -> int:
    return -compare_precision(event.precision, "century")


def _flag_conflicts(events: list[Event]) -> None:
    """Very similar statements from different articles whose dates do not overlap: a conflict on both.

    Blocked by shared name words so the check stays far from all-pairs.
    """
    by_name: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        for token in name_tokens(event.names):
            by_name.setdefault(token, []).append(index)
    checked: set[tuple[int, int]] = set()
    for indices in by_name.values():
        if len(indices) > 200:  # a name in everything ("Israel") says nothing about sameness
            continue
        for position, i in enumerate(indices):
            for j in indices[position + 1:]:
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                a, b = events[i], events[j]
                if a.interval.overlaps(b.interval) or not {s.article_id for s in a.sources}.isdisjoint(
                        {s.article_id for s in b.sources}):
                    continue
                if similarity(a, b) >= 2 * MERGE_THRESHOLD:
                    a.conflict = b.conflict = True
