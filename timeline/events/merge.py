"""Merge events that report the same happening: within an article and across articles.

Candidates are blocked twice: by date (a sweep over interval starts keeps
only events whose intervals overlap) and by wording (only events sharing one
of their most weighted terms, or naming the same happening, meet in a block).
So the work grows with the number of plausible pairs, not with the square of
the corpus. Two candidates merge when the date names the same happening ("the
October 7 attacks") or when their wording is similar: TF-IDF cosine of the
evidence sentences without the date words, so rare names ("Kassab") count and
common words do not.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from ..model import Event
from ..temporal.calendar import compare_precision

# Cosine similarity needed to merge: the highest-recall threshold with no false merge on the labelled
# pairs of benchmarks/merge_corpus (benchmarks/bench_events.py: 0.15 -> precision 1.000, recall 0.647).
MERGE_THRESHOLD = 0.15
BLOCK_TERMS = 6  # an event is compared only with events sharing one of its most weighted terms
CONFLICT_THRESHOLD = 0.55  # near-identical statements with dates that cannot both be right
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STOPWORDS = frozenset({
    "the", "and", "for", "that", "with", "was", "were", "has", "had", "have", "his", "her", "its", "their",
    "this", "from", "are", "been", "said", "says", "who", "which", "would", "will", "also", "after", "into",
    "than", "but", "not", "they", "them", "there", "about", "over", "more", "one", "some", "all", "out",
    "other", "during", "when", "where", "while", "what", "him", "she", "our", "can", "could", "may", "told",
    "according", "last", "just", "being", "such", "any", "only", "then", "now", "before", "since",
})
_PRECISION_RANK = {"minute": 1.0, "hour": 1.0, "part_of_day": 1.0, "day": 1.0, "weekend": 0.8, "week": 0.8,
                   "month": 0.6, "season": 0.5, "quarter": 0.5, "half": 0.4, "year": 0.3, "decade": 0.2,
                   "century": 0.1}


def terms(event: Event) -> Counter:
    """Content words of the evidence without the date words; capitalised words (names) count double."""
    sentence = event.sentence.replace(event.date_text, " ")
    counts: Counter = Counter()
    for word in _WORD.findall(sentence):
        lower = word.lower().replace("'s", "")
        if lower in _STOPWORDS:
            continue
        counts[lower] += 2 if word[0].isupper() else 1
    return counts


class Vectors:
    """TF-IDF vectors of a set of events, for cosine similarity."""

    def __init__(self, events: list[Event]) -> None:
        self.terms = [terms(e) for e in events]
        frequency: Counter = Counter()
        for counts in self.terms:
            frequency.update(counts.keys())
        total = len(events)
        self.idf = {term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in frequency.items()}
        self.vectors = [{t: c * self.idf[t] for t, c in counts.items()} for counts in self.terms]
        self.norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in self.vectors]

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(weight * b.get(term, 0.0) for term, weight in a.items()) / (self.norms[i] * self.norms[j])


def same_happening(a: Event, b: Event, similarity: float) -> bool:
    named = bool(a.named_as) and a.named_as == b.named_as and a.precision == b.precision == "day"
    return named or similarity >= MERGE_THRESHOLD


def merge_events(events: list[Event]) -> list[Event]:
    """Group events about the same happening whose dates overlap; flag near-twins with clashing dates."""
    _adopt_stated_years(events)
    vectors = Vectors(events)
    order = sorted(range(len(events)), key=lambda i: (events[i].begin, events[i].end))
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for block in _blocks(events, vectors, order):
        active: list[int] = []
        for i in block:
            active = [j for j in active if events[j].end > events[i].begin]
            for j in active:
                if find(i) != find(j) and same_happening(events[i], events[j], vectors.cosine(i, j)):
                    parent[find(i)] = find(j)
            active.append(i)

    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(find(i), []).append(i)
    merged = [_combine([events[i] for i in members]) for members in groups.values()]
    _flag_conflicts(merged)
    for event in merged:
        event.score = round(len({s.article_id for s in event.sources}) + _PRECISION_RANK.get(event.precision, 0.1)
                            + event.centrality, 3)
    return sorted(merged, key=lambda e: (e.begin, -e.score))


def _blocks(events: list[Event], vectors: Vectors, order: list[int]) -> list[list[int]]:
    """Events sharing a heavily weighted term or a happening name, each block in date order."""
    rank = {index: position for position, index in enumerate(order)}
    blocks: dict[str, list[int]] = {}
    for index, vector in enumerate(vectors.vectors):
        keys = sorted(vector, key=lambda term: -vector[term])[:BLOCK_TERMS]
        if events[index].named_as:
            keys.append(f"named:{events[index].named_as}")
        for key in keys:
            blocks.setdefault(key, []).append(index)
    return [sorted(members, key=rank.__getitem__) for members in blocks.values() if len(members) > 1]


def _adopt_stated_years(events: list[Event]) -> None:
    """'the October 7 attacks' with a guessed year takes the year another mention of it states."""
    stated: dict[tuple[int, int, str], Event] = {}
    for event in events:
        if event.named_as and not event.year_guessed and event.precision == "day":
            stated.setdefault((event.begin.month, event.begin.day, event.named_as), event)
    for index, event in enumerate(events):
        if not (event.named_as and event.year_guessed and event.precision == "day"):
            continue
        source = stated.get((event.begin.month, event.begin.day, event.named_as))
        if source is None or source.begin.year == event.begin.year:
            continue
        events[index] = replace(
            event, interval=source.interval, value=source.value, year_guessed=False,
            explanation=f"{event.explanation}; year {source.begin.year} taken from '{source.date_text}' in "
                        f"{source.sources[0].outlet or source.sources[0].article_id}, which names the same {event.named_as}")


def _combine(group: list[Event]) -> Event:
    """The most precise, most confident date leads; all sources and names are kept, each source once."""
    lead = max(group, key=lambda e: (compare_precision(e.precision, "century"), not e.year_guessed,
                                     e.confidence, -len(e.title)))
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


def _flag_conflicts(events: list[Event]) -> None:
    """Near-identical statements from different articles whose dates do not overlap: a conflict on both.

    Candidates are blocked by their rarest shared term, so the check stays far from all-pairs.
    """
    vectors = Vectors(events)
    by_term: dict[str, list[int]] = {}
    for index, counts in enumerate(vectors.terms):
        for term in sorted(counts, key=lambda t: -vectors.idf[t])[:3]:
            by_term.setdefault(term, []).append(index)
    checked: set[tuple[int, int]] = set()
    for indices in by_term.values():
        for position, i in enumerate(indices):
            for j in indices[position + 1:]:
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                a, b = events[i], events[j]
                if a.interval.overlaps(b.interval) or not {s.article_id for s in a.sources}.isdisjoint(
                        {s.article_id for s in b.sources}):
                    continue
                named = bool(a.named_as) and a.named_as == b.named_as and (a.begin.month, a.begin.day) == (
                    b.begin.month, b.begin.day)
                if named or vectors.cosine(i, j) >= CONFLICT_THRESHOLD:
                    a.conflict = b.conflict = True
