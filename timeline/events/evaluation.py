"""Score where the events stage places happenings, on TimeML files, beside the publication-date baseline.

    timeline evaluate anchoring ../shared/corpora/tbaq/TimeBank ../shared/corpora/tbaq/AQUAINT [--folds 5]

The baseline says every sentence happened on the publication date. Both are
judged on the gold EVENTs a timeline shows: factual and planned ones, by their
annotation (class, tense, polarity, modality, SLINKs). A second table judges
every gold event but attribution verbs ("said"), with the hypothetical ones
and states. The events judged are every event the product places, the
hypothetical ones the views hide by default among them (the product still
places them); a third column gives the figures of the shown events alone:

- timex anchoring: of the gold events linked inside a DATE/TIME expression
  (IS_INCLUDED, DURING, SIMULTANEOUS), the share placed at that value or at a
  finer time inside it ("Sunday night" is at "Sunday");
- document-time relation: of the gold events linked to the document time, the
  share whose placement agrees (BEFORE: starts on or before the publication
  day; INCLUDES / IS_INCLUDED: overlaps it; AFTER: starts later);
- coverage: the share of factual gold events that belong to an event (an event
  of their sentence: the one built on their word, else on the nearest word);
- precision: the share of placed events whose linked gold events all agree.

The happening model is retrained for each fold, so every document is read by
a model that never saw it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from ..model import Article, Event, Interval, Modality, Source, Timex
from ..temporal import tag
from ..timeml import DCT_ID, GoldEvent, GoldTimex, TimeMLDocument, read_timeml, tml_files
from .build import events_for_article
from .happenings import HappeningModel, Kind, shipped_model
from .sentences import sentence_at, sentence_spans
from .train import examples, fit, gold_kind, skip_words, trusts_polarity

# Which gold events each set of figures judges: those a timeline shows (factual and planned; hypothetical,
# negated and conditional happenings are hidden by default and states make no event), and every one but attribution.
SCOPES = {"shown": frozenset({Kind.FACTUAL, Kind.PLANNED}),
          "all": frozenset({Kind.FACTUAL, Kind.PLANNED, Kind.HYPOTHETICAL, Kind.STATE})}
SCOPE_TITLES = {"shown": "gold events a timeline shows (factual and planned)",
                "all": "all gold events but attribution (with hypothetical and negated ones, and states)"}
_INSIDE = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS"})
_BEFORE, _AFTER = frozenset({"BEFORE", "IBEFORE"}), frozenset({"AFTER", "IAFTER"})
_OVERLAPS = frozenset({"INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "DURING", "DURING_INV"})
_WEEK = re.compile(r"-W(\d)\b")
_INFERRED_MODS = frozenset({"ON_OR_BEFORE", "AFTER"})  # a value that only bounds the time, not says it
# Why a timex-anchoring miss is one: which part to mend, the tagger or the choice of the date a happening takes.
TIMEX_MISS_KINDS = ("no date found at the gold date", "the tagger reads another value",
                    "the date is in the event's sentence", "the date is in another sentence")


@dataclass
class Placed:
    """Where a system puts a happening: its interval and, when a date says it, the TIMEX3 value."""

    interval: Interval
    value: str


@dataclass
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Miss:
    """A gold event placed wrong (or not at all), with what a reader needs to see why."""

    figure: str  # "timex anchoring" or "document-time relation"
    document: str
    word: str
    link: str  # the gold link judged ("IS_INCLUDED 1998-01-07 'yesterday'", "AFTER the document time")
    sentence: str
    placed: str  # where the event put it and why, or "no event"
    kind: str = ""  # a timex miss by where its gold date is and what the tagger read there (TIMEX_MISS_KINDS)

    def __str__(self) -> str:
        figure = f"{self.figure}; {self.kind}" if self.kind else self.figure
        return f"[{figure}] {self.document}: '{self.word}' {self.link}\n    {self.sentence}\n    placed: {self.placed}"


@dataclass
class Figures:
    timex: Tally = field(default_factory=Tally)
    document_time: Tally = field(default_factory=Tally)
    coverage: Tally = field(default_factory=Tally)
    precision: Tally = field(default_factory=Tally)
    # document-time misses by gold relation and where the event put them ("INCLUDES: before the day")
    misses: Counter = field(default_factory=Counter)
    missed: list[Miss] = field(default_factory=list)  # each gold event judged wrong, to read (``--misses``)
    events: int = 0  # events judged
    hidden: int = 0  # of which hypothetical: placed, but hidden by every view unless asked

    def rows(self) -> list[tuple[str, Tally]]:
        return [("timex anchoring", self.timex), ("document-time relation", self.document_time),
                ("coverage", self.coverage), ("precision", self.precision)]


def agrees(event: GoldEvent, placed: Placed, document: TimeMLDocument, dct: date) -> bool | None:
    """Whether a placement agrees with the event's gold links; None when it has none to judge by."""
    for relation, tid in event.time_links:
        timex = document.timex(tid)
        if tid != DCT_ID and relation in _INSIDE and timex is not None and _concrete(timex):
            return at_value(placed.value, timex.value)
    day = datetime(dct.year, dct.month, dct.day)
    for relation, tid in event.time_links:
        if tid == DCT_ID and relation in _BEFORE | _AFTER | _OVERLAPS:
            return _agrees_with_dct(relation, placed.interval, day)
    return None


def at_value(placed: str, gold: str) -> bool:
    """Placed at the gold value or at a finer time inside it ("2000-04-16TNI" is at "2000-04-16")."""
    placed, gold = _WEEK.sub(r"-W0\1", placed), _WEEK.sub(r"-W0\1", gold)  # "2000-W7" is "2000-W07"
    return bool(placed) and (placed == gold or placed.startswith(gold + "-") or placed.startswith(gold + "T"))


def _agrees_with_dct(relation: str, interval: Interval, day: datetime) -> bool:
    if relation in _BEFORE:
        return interval.begin < day + timedelta(days=1)
    if relation in _AFTER:
        return interval.begin >= day + timedelta(days=1)
    return interval.begin < day + timedelta(days=1) and day < interval.end


def _concrete(timex) -> bool:
    return timex.type in ("DATE", "TIME") and "X" not in timex.value and not timex.value.endswith("_REF")


Results = dict[str, tuple[Figures, Figures, Figures]]  # per scope: every placed event, the baseline, shown events


def score_document(document: TimeMLDocument, model: HappeningModel, results: Results) -> None:
    """Add one document's figures in each scope of gold events: for every event the product places (hidden
    hypothetical ones too) beside the baseline, and for the events shown by default alone."""
    dct = date.fromisoformat(document.dct[:10])
    article = Article(document.name, document.text, published=dct)
    timexes = tag(document.text, dct)
    events = events_for_article(article, timexes, model)
    shown = [e for e in events if e.modality != Modality.HYPOTHETICAL]
    for scope, (system, baseline, shown_only) in results.items():
        _score(document, timexes, events, scope, system, baseline)
        _score(document, timexes, shown, scope, shown_only, Figures())
        for figures, judged in ((system, events), (shown_only, shown)):
            figures.events += len(judged)
            figures.hidden += len(judged) - len(shown)


def _score(document: TimeMLDocument, timexes: list[Timex], events: list[Event], scope: str, system: Figures,
           baseline: Figures) -> None:
    """Add one document's figures for these events and the baseline, in one scope of gold events."""
    dct = date.fromisoformat(document.dct[:10])
    spans = sentence_spans(document.text)
    by_sentence: dict[tuple[int, int], list[tuple[Event, Source]]] = {}
    for event in events:  # a later sentence that mentions an event again is one of its sources
        for source in event.sources:
            by_sentence.setdefault(source.sentence_span, []).append((event, source))
    day = datetime(dct.year, dct.month, dct.day)
    on_dct = Placed(Interval(day, day + timedelta(days=1), "day"), dct.isoformat())
    trust = trusts_polarity(document)
    owners: dict[str, list[GoldEvent]] = {}
    sentence_gold: dict[int, list[GoldEvent]] = {}
    for gold in document.events:
        kind = gold_kind(gold, trust)
        if kind not in SCOPES[scope] or not spans:
            continue
        index = sentence_at(spans, gold.start)
        sentence_gold.setdefault(index, []).append(gold)
        owner = owner_of(gold.start, by_sentence.get(spans[index], []))
        if owner is not None:
            owners.setdefault(owner.id, []).append(gold)
        if kind == Kind.FACTUAL:
            system.coverage.add(owner is not None)
            baseline.coverage.add(True)
        for figures, where in ((system, owner and _placed(owner)), (baseline, on_dct)):
            tally = _tally_for(gold, document, figures)
            if tally is not None:
                ok = where is not None and bool(agrees(gold, where, document, dct))
                tally.add(ok)
                if not ok and tally is figures.document_time:
                    figures.misses[miss_kind(gold, where, day)] += 1
                if not ok and figures is system:
                    figures.missed.append(_miss(gold, owner, document, tally is figures.timex, spans[index],
                                                timexes))
    for event in events:
        judged = [v for g in owners.get(event.id, []) if (v := agrees(g, _placed(event), document, dct)) is not None]
        if judged:
            system.precision.add(all(judged))
    for golds in sentence_gold.values():
        judged = [v for g in golds if (v := agrees(g, on_dct, document, dct)) is not None]
        if judged:
            baseline.precision.add(all(judged))


def owner_of(offset: int, sourced: list[tuple[Event, Source]]) -> Event | None:
    """The event of a sentence a gold event at ``offset`` belongs to, given the events with a source in that
    sentence: the one built there on the happening word at or nearest to it (the nearer date breaks a tie: "met
    on Monday and on Friday" makes two events of one word).

    This corrects the scoring, it tunes nothing: the nearest date used to decide, so a gold verb far from its
    clause's date went to a neighbouring event, and events were judged by the gold of another happening.
    """
    best = min(((e, s) for e, s in sourced if not _own_word_only(e, s) or _distance(s.happening_span, offset) == 0),
               key=lambda es: (_distance(es[1].happening_span, offset), _distance(es[1].date_span, offset)),
               default=None)
    return best[0] if best else None


def _own_word_only(event: Event, source: Source) -> bool:
    """A source that holds only the gold event of its own word: a mention of a happening told earlier, and a
    hypothetical event's, which the views hide: it takes no word of the shown events around it, so hidden events
    change the shown events' ownership only at their own words."""
    return event.modality == Modality.HYPOTHETICAL or _refers_back(event, source)


def _refers_back(event: Event, source: Source) -> bool:
    """A mention of a happening told earlier ("the arrest") as one more source of the earlier event: the words that
    place it are its own word, and it stands for that noun only, not for the clause around it, whose words belong
    to its own events. A clause event the mention placed stands for its clause ("The attack killed 20 people"):
    it took the earlier date only because its clause tells that happening. (A dated event whose word was not found
    also has its date's words as its word: that is no mention.)"""
    return source.date_span == source.happening_span and source is not event.sources[0]


def _distance(span: tuple[int, int], offset: int) -> int:
    """Characters from a span [start, end) to an offset: 0 inside it, and from its start when it is empty."""
    start, end = span
    return max(start - offset, offset - max(start, end - 1), 0)


def miss_kind(gold: GoldEvent, where: Placed | None, day: datetime) -> str:
    """A document-time miss by its gold relation and where the placement lies against the publication day."""
    relation = next(r for r, tid in gold.time_links if tid == DCT_ID and r in _BEFORE | _AFTER | _OVERLAPS)
    if where is None:
        return f"{relation}: no event"
    interval = where.interval
    if interval.end <= day:
        return f"{relation}: before the day"
    if interval.begin >= day + timedelta(days=1):
        return f"{relation}: after the day"
    return f"{relation}: spans the day"


def _miss(gold: GoldEvent, owner: Event | None, document: TimeMLDocument, by_timex: bool,
          span: tuple[int, int], timexes: list[Timex]) -> Miss:
    """A missed gold event told with its judged link and the event that owned it."""
    kind = ""
    if by_timex:
        relation, timex = next((r, t) for r, tid in gold.time_links
                               if r in _INSIDE and (t := document.timex(tid)) is not None and _concrete(t))
        link = f"{relation} {timex.value} '{timex.text}'"
        kind = timex_miss_kind(timex, timexes, span)
    else:
        link = f"{next(r for r, tid in gold.time_links if tid == DCT_ID)} the document time ({document.dct[:10]})"
    placed = "no event" if owner is None else \
        f"{owner.value or '-'} {owner.interval.begin:%Y-%m-%d}..{owner.interval.end:%Y-%m-%d} " \
        f"'{owner.title}' ({owner.explanation})"
    return Miss("timex anchoring" if by_timex else "document-time relation", document.name, gold.text, link,
                " ".join(document.text[span[0]:span[1]].split()), placed, kind)


def timex_miss_kind(gold: GoldTimex, timexes: list[Timex], sentence: tuple[int, int]) -> str:
    """Which of TIMEX_MISS_KINDS a missed gold event linked inside ``gold`` is, given the tagger's dates."""
    found = [t for t in timexes if t.start < gold.end and gold.start < t.end]
    if not found:
        return TIMEX_MISS_KINDS[0]
    if not any(at_value(t.value, gold.value) for t in found):
        return TIMEX_MISS_KINDS[1]
    return TIMEX_MISS_KINDS[2] if sentence[0] <= gold.start < sentence[1] else TIMEX_MISS_KINDS[3]


def _placed(event) -> Placed:
    return Placed(event.interval, "" if event.mod in _INFERRED_MODS else event.value)


def _tally_for(gold: GoldEvent, document: TimeMLDocument, figures: Figures) -> Tally | None:
    """The figure a gold event counts in: timex anchoring when linked inside a date, else the document time."""
    for relation, tid in gold.time_links:
        timex = document.timex(tid)
        if tid != DCT_ID and relation in _INSIDE and timex is not None and _concrete(timex):
            return figures.timex
    if any(tid == DCT_ID and relation in _BEFORE | _AFTER | _OVERLAPS for relation, tid in gold.time_links):
        return figures.document_time
    return None


def evaluate_anchoring(paths: list[str], folds: int = 5) -> tuple[Results, int]:
    """Per scope, (events stage, baseline, shown events alone) figures, and the number of documents.

    With ``folds`` > 1 each document is read by a happening model trained without it.
    """
    documents = [d for d in _readable(paths) if d.dct]
    results = {scope: (Figures(), Figures(), Figures()) for scope in SCOPES}
    if not documents:
        return results, 0
    if folds <= 1 or len(documents) < folds:  # too few documents to hold any out: the shipped model reads them
        for document in documents:
            score_document(document, shipped_model(), results)
        return results, len(documents)
    order = np.random.default_rng(13).permutation(len(documents)).tolist()
    for fold in range(folds):
        held = set(order[fold::folds])
        data = examples([d for n, d in enumerate(documents) if n not in held])
        model = HappeningModel.from_json(fit(data, np.arange(len(data.labels)), frozenset(skip_words(data))))
        for n in sorted(held):
            score_document(documents[n], model, results)
    return results, len(documents)


def _readable(paths: list[str]) -> list[TimeMLDocument]:
    """Every TimeML file that can be read; each one that cannot is named on stderr with the reason."""
    documents = []
    for path in tml_files(paths):
        try:
            documents.append(read_timeml(path))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            print(f"skipped {path}: {err}", file=sys.stderr)
    return documents


def table(system: Figures, baseline: Figures, shown: Figures) -> str:
    """The figures of every placed event beside the baseline's, then those of the shown events alone."""
    lines = [f"{'figure':<24}{'events':>8}{'baseline':>10}{'shown':>8}   counted (events; baseline; shown)"]
    for (name, mine), (_, theirs), (_, seen) in zip(system.rows(), baseline.rows(), shown.rows(), strict=True):
        lines.append(f"{name:<24}{mine.share:8.3f}{theirs.share:10.3f}{seen.share:8.3f}   {mine.correct}/{mine.total}; "
                     f"{theirs.correct}/{theirs.total}; {seen.correct}/{seen.total}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline evaluate anchoring", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help=".tml files or folders of them")
    parser.add_argument("--folds", type=int, default=5, help="document-level folds (1: use the shipped model)")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="also print N missed gold events of each figure (scope 'shown'), with sentence and placement")
    args = parser.parse_args(argv)
    results, count = evaluate_anchoring(args.paths, args.folds)
    if not count:
        print(f"no .tml files with a document time under {' '.join(args.paths)}", file=sys.stderr)
        return 2
    out_of_fold = 1 < args.folds <= count
    print(f"{count} documents, " + (f"{args.folds}-fold, out of fold" if out_of_fold else "the shipped model"))
    system = results["shown"][0]
    print(f"{system.events} events placed, {system.events / count:.1f} per document: "
          f"{system.events - system.hidden} shown, {system.hidden} hypothetical (hidden by default, judged too)")
    for scope, (system, baseline, shown) in results.items():
        print(f"\n{SCOPE_TITLES[scope]}:")
        print(table(system, baseline, shown))
        kinds = (system.misses + baseline.misses).most_common()
        print("document-time misses (events; baseline): " + "; ".join(
            f"{kind} {system.misses[kind]} ({baseline.misses[kind]})" for kind, _ in kinds))
    if args.misses:
        print_misses(results["shown"][0].missed, args.misses)
    return 0


def print_misses(missed: list[Miss], count: int) -> None:
    """Up to ``count`` misses of each figure, spread over the documents (every k-th), to read by kind."""
    for figure in ("timex anchoring", "document-time relation"):
        mine = [m for m in missed if m.figure == figure]
        step = max(1, len(mine) // count)
        print(f"\n{figure}: {len(mine)} misses, {min(count, len(mine))} shown")
        if figure == "timex anchoring" and mine:
            kinds = Counter(m.kind for m in mine)
            print("by kind: " + "; ".join(f"{kind} {kinds[kind]}" for kind in TIMEX_MISS_KINDS))
        for miss in mine[::step][:count]:
            print(miss)


if __name__ == "__main__":
    sys.exit(main())
