"""Event building and merging: threshold measurement on labelled pairs, rates and speed.

    python benchmarks/bench_events.py [--sizes 250 1000]

1. On benchmarks/merge_corpus (invented articles whose sentences are labelled
   with the happening they report), every cross-article pair of events whose
   dates overlap is a merge decision; precision, recall and F1 of those
   decisions are printed for a range of similarity thresholds.
2. For the seeds and for synthetic corpora built from the TBAQ texts: events
   per article, merge rate (share of pre-merge events absorbed by merging),
   and time per article; doubling the corpus should about double the time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline.evaluate import read_timeml, tml_files  # noqa: E402
from timeline.events import events_for_article, merge_events  # noqa: E402
from timeline.events.likeness import MIN_SHARED_TERMS_NARROWING, same_happening  # noqa: E402
from timeline.events.slim import slim_table  # noqa: E402
from timeline.ingest import load  # noqa: E402
from timeline.model import Article, Placement  # noqa: E402
from timeline.temporal import tag  # noqa: E402

TBAQ = HERE.parent.parent / "shared" / "corpora" / "tbaq"


def labelled_events(placements: set[Placement]) -> tuple[list, list[str]]:
    """The merge corpus's events placed so, with the happening each one's sentence is labelled with."""
    corpus = HERE / "merge_corpus"
    labels = json.loads((corpus / "labels.json").read_text())["labels"]
    events, gold = [], []
    for article in load([corpus]).articles:
        for event in events_for_article(article, tag(article.text, article.published)):
            marks = labels.get(Path(article.origin).name, {})
            label = next((happening for words, happening in marks.items() if words in event.sentence), None)
            if label and event.placement in placements:
                events.append(event)
                gold.append(label)
    return events, gold


def labelled_pairs(placements: set[Placement]) -> list[tuple[float, bool, bool, int]]:
    """(similarity, merged by name, truly the same happening, enough terms shared) for each candidate pair."""
    events, gold = labelled_events(placements)
    table = slim_table(events)
    pairs = []
    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            a, b = events[i], events[j]
            if a.sources[0].article_id == b.sources[0].article_id or not a.interval.overlaps(b.interval):
                continue
            similarity = table.terms.cosine(i, j)
            named = same_happening((int(table.named[i]), int(table.named[j])),
                                   (int(table.precision[i]), int(table.precision[j])))
            shared = len(table.terms.row(i).keys() & table.terms.row(j).keys())
            needed = MIN_SHARED_TERMS_NARROWING if a.interval != b.interval else 1
            pairs.append((similarity, named, gold[i] == gold[j], shared >= needed))
    return pairs


def merged_groups_table() -> None:
    """Precision and recall of the cross-article pairs that end in one merged event (the whole merge, with
    its linkage), against the labels: chaining shows here as false pairs."""
    events, gold = labelled_events(set(Placement))
    label = {(e.sources[0].article_id, e.sources[0].sentence_span): g for e, g in zip(events, gold, strict=True)}
    members = [[label[key] for s in merged.sources if (key := (s.article_id, s.sentence_span)) in label]
               for merged in merge_events(events)]
    pairs_of = [(a, b) for group in members for n, a in enumerate(group) for b in group[n + 1:]]
    tp = sum(a == b for a, b in pairs_of)
    positives = sum(x == y for n, x in enumerate(gold) for y in gold[n + 1:])
    print(f"merged events: {len(pairs_of)} pairs in one event, {tp} truly the same happening; "
          f"precision {tp / max(1, len(pairs_of)):.3f}, recall {tp / max(1, positives):.3f} of {positives}")


def threshold_table(pairs) -> None:
    positives = sum(same for _, _, same, _ in pairs)
    print(f"labelled candidate pairs: {len(pairs)} ({positives} same happening)")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}")
    for step in range(5, 65, 5):
        threshold = step / 100
        decided = [(named or (sim >= threshold and enough), same) for sim, named, same, enough in pairs]
        tp = sum(d and s for d, s in decided)
        fp = sum(d and not s for d, s in decided)
        fn = sum(s and not d for d, s in decided)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{threshold:9.2f} {p:9.3f} {r:7.3f} {2 * p * r / (p + r) if p + r else 0:6.3f}")


def synthetic_articles(count: int, seed: int = 11) -> list[Article]:
    """Articles from the TBAQ texts with varied publication dates; deterministic."""
    documents = [read_timeml(p) for p in tml_files([str(TBAQ)])]
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        doc = documents[index % len(documents)]
        published = date(1989, 1, 1) + timedelta(days=rng.randrange(0, 4000))
        articles.append(Article(f"s{index}", f"{doc.text}\n(copy {index})", title=doc.name, outlet=f"outlet {index % 17}",
                                published=published, published_source="metadata", published_confidence="high"))
    return articles


def rates(name: str, articles: list[Article]) -> None:
    began = time.perf_counter()
    before = []
    for article in articles:
        before.extend(events_for_article(article, tag(article.text, article.published)))
    built = time.perf_counter()
    merged = merge_events(before)
    done = time.perf_counter()
    print(f"{name:>14}: {len(articles):5d} articles, {len(before) / len(articles):5.1f} events/article before merging, "
          f"merge rate {1 - len(merged) / max(1, len(before)):.3f}, "
          f"{(done - began) / len(articles) * 1000:6.1f} ms/article (merge {done - built:.2f} s)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 500, 1000])
    args = parser.parse_args()
    print("events placed by a written date (the decisions measured before undated happenings became events):")
    threshold_table(labelled_pairs({Placement.WRITTEN}))
    print("all events, written and inferred:")
    threshold_table(labelled_pairs(set(Placement)))
    merged_groups_table()
    rates("seeds", load([HERE.parent / "seeds"]).articles)
    if TBAQ.exists():
        for size in args.sizes:
            rates(f"synthetic {size}", synthetic_articles(size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
