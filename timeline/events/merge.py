"""Merge events that report the same happening: within an article and across articles.

Two phases keep memory small at any corpus size. :func:`plan_merge` works on
slim records (dates, precision, the happening a date names, a few weighted
terms) and decides the groups, the years adopted, the lead of each group, the
conflicts and the ranking. :func:`materialize` then builds each merged event
from its members, fetched by index, so a store can stream them.

Candidates are blocked twice: by date (a sweep over interval starts keeps only
events whose intervals overlap) and by wording (only events sharing one of
their most weighted terms, or naming the same happening, meet in a block). So
the work grows with the number of plausible pairs, not with the square of the
corpus. Two candidates merge when the date names the same happening ("the
October 7 attacks") or when their wording is similar: TF-IDF cosine of the
evidence sentences without the date words, so rare names ("Kassab") count and
common words do not.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..model import Event
from ..temporal.calendar import compare_precision

# Cosine similarity needed to merge: the highest-recall threshold with no false merge on the labelled
# pairs of benchmarks/merge_corpus (benchmarks/bench_events.py: 0.15 -> precision 1.000, recall 0.647).
MERGE_THRESHOLD = 0.15
CONFLICT_THRESHOLD = 0.55  # near-identical statements with dates that cannot both be right
BLOCK_TERMS = 6  # an event is compared only with events sharing one of its most weighted terms
KEPT_TERMS = 12  # terms kept per event for similarity (the rest weigh little)
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


def terms(sentence: str, date_text: str) -> dict[str, int]:
    """Content words of the evidence without the date words; capitalised words (names) count double."""
    counts: Counter = Counter()
    for word in _WORD.findall(sentence.replace(date_text, " ")):
        lower = word.lower().replace("'s", "")
        if lower not in _STOPWORDS:
            counts[sys.intern(lower)] += 2 if word[0].isupper() else 1  # one copy of each word across events
    return dict(counts.most_common(KEPT_TERMS))


@dataclass(slots=True)
class Slim:
    """What merging needs of an event before merging (one article, one sentence)."""

    begin: datetime
    end: datetime
    precision: str
    named_as: str
    year_guessed: bool
    article_id: str
    confidence: float
    title_length: int
    centrality: float
    terms: dict[str, int]


def slim(event: Event) -> Slim:
    return Slim(event.begin, event.end, sys.intern(event.precision), sys.intern(event.named_as), event.year_guessed,
                sys.intern(event.sources[0].article_id), event.confidence, len(event.title), event.centrality,
                terms(event.sentence, event.date_text))


class Vectors:
    """TF-IDF vectors of term counts, for cosine similarity."""

    def __init__(self, term_counts: list[dict[str, int]]) -> None:
        frequency: Counter = Counter()
        for counts in term_counts:
            frequency.update(counts.keys())
        total = len(term_counts)
        self.idf = idf = {term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in frequency.items()}
        self.vectors = [{t: c * idf[t] for t, c in counts.items()} for counts in term_counts]
        self.norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in self.vectors]

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(weight * b.get(term, 0.0) for term, weight in a.items()) / (self.norms[i] * self.norms[j])

    def counts(self, i: int) -> dict[str, float]:
        """The term counts vector ``i`` was made from (so callers need not keep them)."""
        return {term: weight / self.idf[term] for term, weight in self.vectors[i].items()}

    def top_terms(self, i: int, count: int) -> list[str]:
        vector = self.vectors[i]
        return sorted(vector, key=lambda term: -vector[term])[:count]


@dataclass
class MergePlan:
    groups: list[list[int]]  # member indices, groups in final order (date, then score)
    leads: list[int]  # the member whose date and title lead each group
    redate: dict[int, int] = field(default_factory=dict)  # event -> event whose stated year it adopts
    conflicts: set[int] = field(default_factory=set)  # groups flagged as conflicting
    scores: list[float] = field(default_factory=list)


def same_happening(a: Slim, b: Slim, similarity: float) -> bool:
    named = bool(a.named_as) and a.named_as == b.named_as and a.precision == b.precision == "day"
    return named or similarity >= MERGE_THRESHOLD


def plan_merge(slims: list[Slim]) -> MergePlan:
    """Decide groups, adopted years, leads, conflicts and ranking from slim records alone."""
    redate = _adopt_stated_years(slims)
    vectors = Vectors([s.terms for s in slims])
    for item in slims:  # the vectors hold what is needed; at scale the counts would double the memory
        item.terms = {}
    order = sorted(range(len(slims)), key=lambda i: (slims[i].begin, slims[i].end))
    parent = list(range(len(slims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for block in _blocks(slims, vectors, order):
        active: list[int] = []
        for i in block:
            active = [j for j in active if slims[j].end > slims[i].begin]
            for j in active:
                if find(i) != find(j) and same_happening(slims[i], slims[j], vectors.cosine(i, j)):
                    parent[find(i)] = find(j)
            active.append(i)

    members: dict[int, list[int]] = {}
    for i in order:
        members.setdefault(find(i), []).append(i)
    groups = list(members.values())
    leads = [max(group, key=lambda i: (compare_precision(slims[i].precision, "century"), not slims[i].year_guessed,
                                       slims[i].confidence, -slims[i].title_length)) for group in groups]
    scores = [round(len({slims[i].article_id for i in group}) + _PRECISION_RANK.get(slims[lead].precision, 0.1)
                    + max(slims[i].centrality for i in group), 3) for group, lead in zip(groups, leads, strict=True)]
    ranked = sorted(range(len(groups)), key=lambda g: (slims[leads[g]].begin, -scores[g]))
    plan = MergePlan([groups[g] for g in ranked], [leads[g] for g in ranked], redate, set(),
                     [scores[g] for g in ranked])
    plan.conflicts = _conflicts(slims, plan, vectors)
    return plan


def materialize(plan: MergePlan, fetch: Callable[[list[int]], list[Event]], batch: int = 2000) -> Iterator[Event]:
    """Build the merged events in order; ``fetch`` returns events by index (from a list, or from a store).

    Groups are fetched ``batch`` at a time, so only that many groups' events are in memory at once.
    """
    for first in range(0, len(plan.groups), batch):
        numbers = range(first, min(first + batch, len(plan.groups)))
        wanted = sorted({i for n in numbers for i in plan.groups[n]}
                        | {plan.redate[i] for n in numbers for i in plan.groups[n] if i in plan.redate})
        events = dict(zip(wanted, fetch(wanted), strict=True))
        for number in numbers:
            group = plan.groups[number]
            members = {i: _redated(events[i], events[plan.redate[i]]) if i in plan.redate else events[i] for i in group}
            merged = _combine(members[plan.leads[number]], [members[i] for i in group])
            merged.conflict = number in plan.conflicts
            merged.score = plan.scores[number]
            yield merged


def merge_events(events: list[Event]) -> list[Event]:
    """Group events about the same happening whose dates overlap; flag near-twins with clashing dates."""
    plan = plan_merge([slim(e) for e in events])
    return list(materialize(plan, lambda indices: [events[i] for i in indices]))


def _blocks(slims: list[Slim], vectors: Vectors, order: list[int]) -> list[list[int]]:
    """Events sharing a heavily weighted term or a happening name, each block in date order."""
    rank = {index: position for position, index in enumerate(order)}
    blocks: dict[str, list[int]] = {}
    for index, item in enumerate(slims):
        keys = vectors.top_terms(index, BLOCK_TERMS) + ([f"named:{item.named_as}"] if item.named_as else [])
        for key in keys:
            blocks.setdefault(key, []).append(index)
    return [sorted(members, key=rank.__getitem__) for members in blocks.values() if len(members) > 1]


def _adopt_stated_years(slims: list[Slim]) -> dict[int, int]:
    """'the October 7 attacks' with a guessed year takes the year another mention of it states."""
    stated: dict[tuple[int, int, str], int] = {}
    for index, item in enumerate(slims):
        if item.named_as and not item.year_guessed and item.precision == "day":
            stated.setdefault((item.begin.month, item.begin.day, item.named_as), index)
    redate = {}
    for index, item in enumerate(slims):
        if not (item.named_as and item.year_guessed and item.precision == "day"):
            continue
        source = stated.get((item.begin.month, item.begin.day, item.named_as))
        if source is not None and slims[source].begin.year != item.begin.year:
            redate[index] = source
            item.begin, item.end, item.year_guessed = slims[source].begin, slims[source].end, False
    return redate


def _redated(event: Event, source: Event) -> Event:
    return replace(event, interval=source.interval, value=source.value, year_guessed=False,
                   explanation=f"{event.explanation}; year {source.begin.year} taken from '{source.date_text}' in "
                               f"{source.sources[0].outlet or source.sources[0].article_id}, which names the same "
                               f"{event.named_as}")


def _combine(lead: Event, group: list[Event]) -> Event:
    """The lead's date and title; all sources and names, each source once."""
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


def _conflicts(slims: list[Slim], plan: MergePlan, member_vectors: Vectors) -> set[int]:
    """Near-identical leads from different articles whose dates do not overlap: a conflict on both.

    Candidates are blocked by their rarest shared terms, so the check stays far from all-pairs.
    """
    leads = [slims[lead] for lead in plan.leads]
    articles = [{slims[i].article_id for i in group} for group in plan.groups]
    vectors = Vectors([member_vectors.counts(lead) for lead in plan.leads])
    by_term: dict[str, list[int]] = {}
    for number in range(len(leads)):
        for term in vectors.top_terms(number, 3):
            by_term.setdefault(term, []).append(number)
    flagged: set[int] = set()
    checked: set[tuple[int, int]] = set()
    for numbers in by_term.values():
        for position, g in enumerate(numbers):
            for h in numbers[position + 1:]:
                if (g, h) in checked:
                    continue
                checked.add((g, h))
                a, b = leads[g], leads[h]
                if (a.begin < b.end and b.begin < a.end) or not articles[g].isdisjoint(articles[h]):
                    continue
                named = bool(a.named_as) and a.named_as == b.named_as and (a.begin.month, a.begin.day) == (
                    b.begin.month, b.begin.day)
                if named or vectors.cosine(g, h) >= CONFLICT_THRESHOLD:
                    flagged |= {g, h}
    return flagged
