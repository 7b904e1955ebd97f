"""Merge events that report the same happening: within an article and across articles.

Two phases keep memory small at any corpus size. :func:`plan_merge` works on a
:class:`SlimTable` -- a few numbers per event held column by column (dates,
precision, the happening a date names, a sparse row of weighted terms) -- and
decides the groups, the years adopted, the lead of each group, the conflicts
and the ranking. :func:`materialize` then builds each merged event from its
members, fetched by index, so a store can stream them.

Candidates are blocked twice: by date (a sweep over interval starts keeps only
events whose intervals overlap) and by wording (only events sharing a rare top
term, a pair of top terms, or a happening name meet in a block; events longer
than a week meet only their own interval there and join a finer set after, see
:mod:`.blocks` and :mod:`.attach`; the greedy merge itself is :mod:`.sweep`). So
the work grows with the number of plausible pairs, not with the square of the
corpus. Two sets merge when a date names the same happening in both ("the
October 7 attacks") or when their wording is similar as a whole: the average
cosine over all pairs of members (evidence sentences without the date words,
each word weighted by its rarity in general English, not in the corpus: rare
names like "Kassab" count, common words do not, and a merge does not shift when
an unrelated article is added), with no pair
sharing almost nothing and two sentences of one article only near-repeats. One
similar member is not enough: single-link merging chained a day's unrelated
inferred happenings into one event through a sentence like each of them. A
merged event keeps a time all its members share; without that, statements dated
"1989" would link every day of 1989 into one event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
from scipy.sparse import csr_matrix

from ..model import Event
from ..temporal.calendar import RANK
from .attach import attach_coarse
from .blocks import BLOCK_EVENTS, block_keys, candidate_components, date_blocks
from .likeness import DAY
from .reuse import Known, first_members, unchanged
from .slim import SlimTable, TermMatrix, moment, slim_table
from .sweep import block_roots, set_roots

CONFLICT_THRESHOLD = 0.55  # near-identical statements with dates that cannot both be right
CONFLICT_TERMS = 3  # group leads are checked for conflicts against leads sharing one of these terms
# A term that leads this many groups' top terms is too common to find twins; they share rarer terms too.
MAX_CONFLICT_BLOCK = 100
_PRECISION_RANK = {"minute": 1.0, "hour": 1.0, "part_of_day": 1.0, "day": 1.0, "weekend": 0.8, "week": 0.8,
                   "month": 0.6, "season": 0.5, "quarter": 0.5, "half": 0.4, "year": 0.3, "decade": 0.2,
                   "century": 0.1}
Mapper = Callable[[Callable[["SlimTable"], np.ndarray], Iterable["SlimTable"]], Iterable[np.ndarray]]
_SCORE_BY_RANK = np.array([_PRECISION_RANK.get(name, 0.1) for name in sorted(RANK, key=RANK.__getitem__)])


@dataclass
class MergePlan:
    members: np.ndarray  # member indices, group after group, groups in final order (date, then score)
    offsets: np.ndarray  # group n is members[offsets[n]:offsets[n + 1]]
    leads: np.ndarray  # the member whose date and title lead each group
    scores: np.ndarray
    redate: dict[int, int] = field(default_factory=dict)  # event -> event whose stated year it adopts
    conflicts: set[int] = field(default_factory=set)  # groups flagged as conflicting
    # Per event, what a later merge may take over (see .reuse): its component's first member and its set's
    # root before coarse sets were attached.
    component: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.leads)

    def group(self, number: int) -> list[int]:
        return self.members[self.offsets[number]:self.offsets[number + 1]].tolist()

    def group_of(self) -> np.ndarray:
        """Each event's group number."""
        numbers = np.empty(len(self.members), dtype=np.int64)
        numbers[self.members] = np.repeat(np.arange(len(self)), np.diff(self.offsets))
        return numbers

    def subset(self, numbers: np.ndarray) -> MergePlan:
        """A plan of these groups only, in this order (a re-run materializes only the groups that changed)."""
        sizes = np.diff(self.offsets)[numbers]
        starts = np.repeat(self.offsets[numbers] - np.r_[0, np.cumsum(sizes)[:-1]], sizes)
        conflicts = {position for position, number in enumerate(numbers.tolist()) if number in self.conflicts}
        return MergePlan(self.members[starts + np.arange(sizes.sum())], np.r_[0, np.cumsum(sizes)], self.leads[numbers],
                         self.scores[numbers], self.redate, conflicts)


def plan_merge(table: SlimTable, mapper: Mapper = map, block_events: int | None = BLOCK_EVENTS,
               known: Known | None = None) -> MergePlan:
    """Decide groups, adopted years, leads, conflicts and ranking from the slim table alone.

    The sets are found block by block (see :mod:`.blocks`: exactly the sets of one pass over the whole
    table), each block through ``mapper`` (a process pool's or a cluster's map); joining them, attaching
    coarse sets, the ranking and the conflicts happen here. With ``known`` (the last merge), components
    that did not change keep their sets and only the others are merged.
    """
    redate = _adopt_stated_years(table)
    order = np.lexsort((table.end, table.begin))
    component = first_members(candidate_components(*block_keys(table, order), table.begin, table.end, len(table)))
    roots = np.arange(len(table))
    kept = np.zeros(len(table), dtype=bool)
    if known is not None:
        redated = np.zeros(len(table), dtype=bool)
        redated[list(redate)] = True
        kept = unchanged(component, known, redated)
        roots[kept] = known.root[kept]
    todo = np.flatnonzero(~kept)
    roots[todo] = _roots_of(table, todo, component, mapper, block_events)
    plan = _rank_groups(table, order, attach_coarse(table, roots), redate)
    plan.component, plan.sets = component, roots
    return plan


def _roots_of(table: SlimTable, todo: np.ndarray, component: np.ndarray, mapper: Mapper,
              block_events: int | None) -> np.ndarray:
    """The sets of the events ``todo`` (whole components), block by block through ``mapper`` when the blocks
    share out; in one pass here when one block would hold most events (sending it would only copy it)."""
    part = table if len(todo) == len(table) else table.take(todo)
    scope = component[todo]
    if mapper is map or not len(todo):
        return todo[set_roots(part, scope)]
    order = np.lexsort((part.end, part.begin))
    blocks = date_blocks(np.unique(scope, return_inverse=True)[1], order, block_events)
    if len(blocks) == 1 or max(map(len, blocks)) * 2 > len(todo):
        return todo[set_roots(part, scope)]
    roots = np.empty(len(todo), dtype=np.int64)
    for block, local_roots in zip(blocks, mapper(block_roots, ((part.take(b), scope[b]) for b in blocks)), strict=True):
        roots[block] = block[local_roots]
    return todo[roots]


def _rank_groups(table: SlimTable, order: np.ndarray, roots: np.ndarray, redate: dict[int, int]) -> MergePlan:
    """Leads (finest precision, a stated year, confidence, shortest title), scores, and the final order."""
    if not len(table):
        empty = np.zeros(0, dtype=np.int64)
        return MergePlan(empty, np.zeros(1, dtype=np.int64), empty, np.zeros(0), redate)
    position = np.empty(len(table), dtype=np.int64)
    position[order] = np.arange(len(table))
    _, group_of = np.unique(roots, return_inverse=True)
    # Within each group: the lead first, then members in date order.
    by_lead = np.lexsort((position, table.title_length, -table.confidence, table.year_guessed, -table.precision,
                          group_of))
    starts = np.flatnonzero(np.r_[True, np.diff(group_of[by_lead]) != 0])
    leads = by_lead[starts]
    articles = np.unique(group_of.astype(np.int64) << 32 | table.article.astype(np.int64)) >> 32
    distinct_articles = np.bincount(articles, minlength=len(leads))
    by_group = np.lexsort((table.centrality, group_of))  # the last of each group has the highest centrality
    ends = np.r_[np.flatnonzero(np.diff(group_of[by_group]) != 0), len(table) - 1]
    top_centrality = table.centrality[by_group[ends]]
    lead_rank = _SCORE_BY_RANK[table.precision[leads]]
    scores = np.array([round(score, 3) for score in (distinct_articles + lead_rank + top_centrality).tolist()])
    first_position = np.full(len(leads), len(table), dtype=np.int64)
    np.minimum.at(first_position, group_of, position)
    ranked = np.lexsort((first_position, -scores, table.begin[leads]))  # ties: the group seen first in date order
    rank_of_group = np.empty(len(leads), dtype=np.int64)
    rank_of_group[ranked] = np.arange(len(leads))
    members = np.lexsort((position, rank_of_group[group_of]))
    sizes = np.bincount(rank_of_group[group_of], minlength=len(leads))
    plan = MergePlan(members, np.r_[0, np.cumsum(sizes)], leads[ranked], scores[ranked], redate)
    plan.conflicts = _conflicts(table, plan)
    return plan


@dataclass
class Batch:
    """Groups of a plan built together (see :func:`batches`), with what building them needs besides the members."""

    groups: list[list[int]]  # member indices, group by group
    leads: list[int]
    scores: list[float]
    conflicts: list[bool]
    redate: dict[int, int]  # member -> event whose stated year it adopts

    def wanted(self) -> list[int]:
        """The events the groups are built from: their members and the sources of the years they adopt."""
        return sorted({i for group in self.groups for i in group} | set(self.redate.values()))


def batches(plan: MergePlan, size: int = 4000) -> Iterator[Batch]:
    """The plan's groups in order, together until they hold about ``size`` events, so memory stays bounded however
    large a group is; each batch can be built on its own, anywhere (a store sends them to its merge's pool)."""
    number = 0
    while number < len(plan):
        numbers, held = [], 0
        while number < len(plan) and (not numbers or held + plan.offsets[number + 1] - plan.offsets[number] <= size):
            numbers.append(number)
            held += int(plan.offsets[number + 1] - plan.offsets[number])
            number += 1
        groups = [plan.group(n) for n in numbers]
        yield Batch(groups, plan.leads[numbers].tolist(), plan.scores[numbers].tolist(),
                    [n in plan.conflicts for n in numbers],
                    {i: plan.redate[i] for group in groups for i in group if i in plan.redate})


def combined(batch: Batch, events: Mapping[int, Event]) -> Iterator[Event]:
    """The batch's merged events in order; ``events`` holds at least those ``batch.wanted()`` names."""
    for group, lead, score, conflict in zip(batch.groups, batch.leads, batch.scores, batch.conflicts, strict=True):
        members = {i: _redated(events[i], events[batch.redate[i]]) if i in batch.redate else events[i] for i in group}
        merged = _combine(members[lead], [members[i] for i in group])
        merged.conflict = conflict
        merged.score = score
        yield merged


def materialize(plan: MergePlan, fetch: Callable[[list[int]], list[Event]], batch: int = 4000) -> Iterator[Event]:
    """Build the merged events in order; ``fetch`` returns events by index (from a list, or from a store)."""
    for part in batches(plan, batch):
        wanted = part.wanted()
        yield from combined(part, dict(zip(wanted, fetch(wanted), strict=True)))


def merge_events(events: list[Event], mapper: Mapper = map) -> list[Event]:
    """Group events about the same happening whose dates overlap; flag near-twins with clashing dates.

    ``mapper`` runs the merge of each date block (e.g. ``parallel.executor``'s); the result is the same.
    """
    # Grouping is greedy, so the order matters: the store's order (article, event id), whatever order came in.
    events = sorted(events, key=lambda e: (e.sources[0].article_id, e.id))
    plan = plan_merge(slim_table(events), mapper)
    return list(materialize(plan, lambda indices: [events[i] for i in indices]))


def _adopt_stated_years(table: SlimTable) -> dict[int, int]:
    """'the October 7 attacks' with a guessed year takes the year another mention of it states."""
    named_days = np.flatnonzero((table.named >= 0) & (table.precision == DAY))
    stated: dict[tuple[int, int, int], int] = {}
    for index in named_days.tolist():
        if not table.year_guessed[index]:
            day = moment(table.begin[index])
            stated.setdefault((day.month, day.day, int(table.named[index])), index)
    redate = {}
    for index in named_days.tolist():
        if not table.year_guessed[index]:
            continue
        day = moment(table.begin[index])
        source = stated.get((day.month, day.day, int(table.named[index])))
        if source is not None and moment(table.begin[source]).year != day.year:
            redate[index] = source
            table.begin[index], table.end[index] = table.begin[source], table.end[source]
            table.year_guessed[index] = False
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


def _conflicts(table: SlimTable, plan: MergePlan) -> set[int]:
    """Near-identical leads from different articles whose dates do not overlap: a conflict on both.

    Candidates are leads sharing one of their CONFLICT_TERMS most weighted terms (a term leading more than
    MAX_CONFLICT_BLOCK groups is too common to find twins: they share rarer terms too); pairs are compared
    as arrays a chunk at a time (likeness, then whether the twins share an article).
    """
    rows = table.terms.take(plan.leads)
    matrix = csr_matrix((rows.weights, rows.indices, rows.indptr), shape=(len(plan), len(table.terms.term_weights)))
    articles = csr_matrix((np.ones(len(table)), (plan.group_of(), table.article)),
                          shape=(len(plan), int(table.article.max(initial=0)) + 1))  # each group's articles
    flagged = np.zeros(len(plan), dtype=bool)
    for g, h in _conflict_candidates(rows):
        a, b = plan.leads[g], plan.leads[h]
        apart = (table.begin[a] >= table.end[b]) | (table.begin[b] >= table.end[a])  # overlapping dates agree
        g, h, a, b = g[apart], h[apart], a[apart], b[apart]
        similarity = np.asarray(matrix[g].multiply(matrix[h]).sum(axis=1)).ravel()
        named = (table.named[a] >= 0) & (table.named[a] == table.named[b]) & (_day_of_year(table.begin[a])
                                                                              == _day_of_year(table.begin[b]))
        twins = named | (similarity >= CONFLICT_THRESHOLD)
        g, h = g[twins], h[twins]
        apart_articles = np.asarray(articles[g].multiply(articles[h]).sum(axis=1)).ravel() == 0
        flagged[g[apart_articles]] = flagged[h[apart_articles]] = True
    return set(np.flatnonzero(flagged).tolist())


def _conflict_candidates(rows: TermMatrix, chunk: int = 1_000_000) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs of rows sharing one of their CONFLICT_TERMS most weighted terms, in blocks of at most
    MAX_CONFLICT_BLOCK rows, about ``chunk`` pairs at a time (a pair sharing two such terms comes twice)."""
    groups, _, top = rows.leading(CONFLICT_TERMS)
    terms, groups = rows.indices[top], groups.astype(np.int64)
    ordered = np.lexsort((groups, terms))
    terms, groups = terms[ordered], groups[ordered]
    starts = np.r_[0, np.flatnonzero(np.diff(terms)) + 1]
    sizes = np.diff(np.r_[starts, len(terms)])
    for size in np.unique(sizes[(sizes > 1) & (sizes <= MAX_CONFLICT_BLOCK)]).tolist():
        first, second = np.triu_indices(size, 1)
        blocks = starts[sizes == size]
        step = max(1, chunk // len(first))
        for part in range(0, len(blocks), step):
            block = blocks[part:part + step, None]
            yield groups[block + first].ravel(), groups[block + second].ravel()


def _day_of_year(seconds: np.ndarray) -> np.ndarray:
    """Month and day as one number (the same day of the year whatever the year, leap or not)."""
    day = seconds.astype("datetime64[s]").astype("datetime64[D]")
    month = day.astype("datetime64[M]")
    return (month - month.astype("datetime64[Y]")).astype(np.int64) * 32 + (day - month).astype(np.int64)
