"""The per-article step alone (tag, then events) in CPU time, and a check that two versions of it agree exactly.

    python benchmarks/bench_article.py [--corpus DIR] [--repeat 3] [--code CHECKOUT] [--dump FILE | --compare FILE]
                                       [--sets tbaq ...] [--limit N] [--read-only]

Three sets of articles: the seeds, every TBAQ document (read as an article published on its DCT) and, with
``--corpus``, a folder made by make_corpus.py. For each set it prints the CPU time per article
(time.process_time, the best of ``--repeat`` passes, so other work on a shared machine weighs less) of
tagging and of the events stage. ``--code`` runs an older checkout's ``timeline`` package instead of this
one; ``--dump`` writes every article's timexes, events and warnings as JSON lines, ``--compare`` reads such a
file and reports every field that differs. To compare two versions:

    git worktree add /tmp/old 7125c0c
    python benchmarks/bench_article.py --corpus C --code /tmp/old --dump /tmp/old.jsonl
    python benchmarks/bench_article.py --corpus C --compare /tmp/old.jsonl

Instruction counts, which a shared machine's load does not change (the step's own count is the difference of
a run and a ``--read-only`` run, which reads and warms up alike):

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        python benchmarks/bench_article.py --sets tbaq --limit 64 --repeat 1 [--read-only] [--code CHECKOUT]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def article_sets(corpus: Path | None) -> dict[str, list]:
    """The articles of each set, read once (reading is not what is measured)."""
    from timeline.evaluate import read_timeml, tml_files
    from timeline.ingest import load
    from timeline.model import Article

    tbaq = [read_timeml(p) for p in tml_files([str(SHARED / "corpora" / "tbaq")])]
    sets = {"seeds": load([SHARED / "seeds"]).articles,
            "tbaq": [Article(d.name, d.text, published=date.fromisoformat(d.dct[:10]) if d.dct else None)
                     for d in tbaq]}
    if corpus:
        sets[corpus.name] = load([corpus]).articles
    return sets


def run(articles: list, repeat: int, output: bool = True) -> tuple[float, float, list[str]]:
    """Best CPU seconds per article for tagging and for events, and each article's output as a JSON line (none
    unless ``output``: writing them out is not the step, and would weigh in an instruction count)."""
    from timeline.events import events_for_article
    from timeline.temporal import tag

    best_tag = best_events = float("inf")
    for _ in range(repeat):
        for article in articles:
            article.warnings.clear()
        began = time.process_time()
        timexes = [tag(a.text, a.published) for a in articles]
        tagged = time.process_time()
        events = [events_for_article(a, t) for a, t in zip(articles, timexes, strict=True)]
        done = time.process_time()
        best_tag, best_events = min(best_tag, tagged - began), min(best_events, done - tagged)
    lines = [json.dumps({"article": a.id, "timexes": _plain(t), "events": _plain(e), "warnings": a.warnings},
                        sort_keys=True) for a, t, e in zip(articles, timexes, events, strict=True)] if output else []
    return best_tag / len(articles), best_events / len(articles), lines


def _plain(value):
    """Dataclasses, enums, dates and tuples as JSON values, every field kept."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def differences(old: list[str], new: list[str]) -> list[str]:
    """Each article whose output differs, with the first differing field."""
    if len(old) != len(new):
        return [f"{len(old)} articles before, {len(new)} now"]
    found = []
    for before, after in zip(old, new, strict=True):
        if before != after:
            a, b = json.loads(before), json.loads(after)
            field = next((k for k in a if a[k] != b.get(k)), "?")
            found.append(f"{a['article']}: {field} differs")
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--code", type=Path, help="a checkout whose timeline package to run instead of this one")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--sets", nargs="*", help="only these sets (seeds, tbaq, the corpus folder's name)")
    parser.add_argument("--limit", type=int, help="the first N articles of each set")
    parser.add_argument("--read-only", action="store_true", help="read and warm up, process nothing")
    args = parser.parse_args()
    sys.path.insert(0, str((args.code or ROOT).resolve()))
    lines: list[str] = []
    for name, articles in article_sets(args.corpus).items():
        if args.sets and name not in args.sets:
            continue
        articles = articles[:args.limit]
        run(articles[:5], 1, output=False)  # warm: the model and the rules load once
        if args.read_only:
            continue
        tagging, events, output = run(articles, args.repeat, output=bool(args.dump or args.compare))
        lines += output
        print(f"{name}: {len(articles)} articles, tag {tagging * 1e3:.2f} ms + events {events * 1e3:.2f} ms "
              f"= {(tagging + events) * 1e3:.2f} ms CPU per article")
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.compare:
        found = differences(args.compare.read_text(encoding="utf-8").splitlines(), lines)
        print(f"compared with {args.compare}: {len(lines)} articles, "
              + ("the same output, field by field" if not found else f"{len(found)} differ"))
        for line in found[:20]:
            print("  " + line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
