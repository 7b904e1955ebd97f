"""Command line: `timeline build`, `export`, `tag`, `evaluate tempeval|anchoring`, `train events`. A thin shell over the API."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from . import evaluate
from .events import evaluation, train
from .export import write_csv, write_html, write_json, write_timelinejs
from .filters import EventFilter
from .ingest import MAX_CHARS
from .ingest.decode import UnreadableInput, decode, tidy
from .ingest.manual import parse_overrides
from .model import Event, Modality
from .parallel import default_workers
from .pipeline import Timeline, build
from .store import Store
from .temporal import tag


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "build":
        return _build_store(args) if args.db else _build(args)
    if args.command == "export":
        return _export_store(args)
    if args.command == "tag":
        return _tag(args)
    if args.command == "train":
        return train.main(args.paths + ["--folds", str(args.folds)] + (["--out", args.out] if args.out else []))
    if args.benchmark == "anchoring":
        return evaluation.main(args.paths + ["--folds", str(args.folds), "--misses", str(args.misses)])
    return evaluate.main(args.paths + (["--errors"] if args.errors else []))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description="Turn news articles into a dated, source-linked timeline.")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_build(commands.add_parser("build", help="read articles, resolve their dates, make events, write exports"))
    _add_export(commands.add_parser("export", help="write exports from a project store"))
    t = commands.add_parser("tag", help="list the temporal expressions of one text file")
    t.add_argument("file")
    t.add_argument("--dct", help="publication date (YYYY-MM-DD); without it relative dates stay unresolved")
    _add_evaluate(commands.add_parser("evaluate", help="score the tagger"))
    r = commands.add_parser("train", help="retrain a shipped model")
    r_commands = r.add_subparsers(dest="model", required=True)
    re_ = r_commands.add_parser("events", help="the happening model, from TimeML files")
    re_.add_argument("paths", nargs="+")
    re_.add_argument("--out", help="where to write the weights (default: the package's own file)")
    re_.add_argument("--folds", type=int, default=5, help="document-level cross-validation folds (0: none)")
    return parser


def _add_build(b: argparse.ArgumentParser) -> None:
    b.add_argument("paths", nargs="+", help="article files or folders (read recursively, with manifest.csv)")
    _add_outputs(b)
    b.add_argument("--published", action="append", default=[], metavar="FILE=DATE",
                   help="publication date of a file, overriding its metadata (repeatable)")
    b.add_argument("--allow-private-urls", action="store_true",
                   help="allow fetching URLs on loopback or private networks (off by default)")
    b.add_argument("--db", help="keep the project in this DuckDB file; later runs process only new or changed articles")
    b.add_argument("--workers", type=int, default=default_workers(), help="processes to use (default: all cores)")
    b.add_argument("--dask", metavar="ADDRESS", help="send the per-article work to this Dask scheduler")
    b.add_argument("--max-chars", type=int, default=MAX_CHARS,
                   help=f"skip articles longer than this many characters (default {MAX_CHARS:,})")


def _add_outputs(p: argparse.ArgumentParser) -> None:
    """The exports `build` and `export` both write."""
    p.add_argument("--out", help="standalone HTML timeline to write")
    p.add_argument("--csv", help="events as CSV")
    p.add_argument("--json", help="events as JSON")
    p.add_argument("--timelinejs", help="events as TimelineJS 3 JSON")
    p.add_argument("--title", default="Timeline", help="title of the HTML timeline")
    p.add_argument("--include-hypothetical", action="store_true",
                   help="also write hypothetical, conditional and negated happenings to the CSV, JSON and TimelineJS "
                        "files (the HTML page always carries them, hidden until the reader asks)")


def _add_export(x: argparse.ArgumentParser) -> None:
    x.add_argument("--db", required=True)
    _add_outputs(x)
    x.add_argument("--from", dest="start", type=_iso_day, help="only events that end after this day (YYYY-MM-DD)")
    x.add_argument("--to", dest="end", type=_iso_day, help="only events that begin on or before this day")
    x.add_argument("--source", action="append", default=[], help="only events reported by this outlet (repeatable)")
    x.add_argument("--name", action="append", default=[], help="only events naming this person or place (repeatable)")
    x.add_argument("--text", default="", help="only events whose title or sentence contains these words")
    x.add_argument("--conflicts", action="store_true", help="only events whose sources disagree on the date")


def _add_evaluate(e: argparse.ArgumentParser) -> None:
    e_commands = e.add_subparsers(dest="benchmark", required=True)
    te = e_commands.add_parser("tempeval", help="TempEval-3 Task A timex scores on TimeML files")
    te.add_argument("paths", nargs="+")
    te.add_argument("--errors", action="store_true")
    an = e_commands.add_parser("anchoring", help="where events are placed in time, beside the publication-date baseline")
    an.add_argument("paths", nargs="+")
    an.add_argument("--folds", type=int, default=5, help="document-level folds (1: the shipped model)")
    an.add_argument("--misses", type=int, default=0, metavar="N", help="print N missed gold events of each figure")


def _build(args: argparse.Namespace) -> int:
    overrides = _overrides(args)
    if overrides is None:
        return 2
    timeline = build(args.paths, overrides, args.allow_private_urls, args.workers, args.dask, show_progress=True,
                     max_chars=args.max_chars)
    _print_summary(timeline)
    _write_exports(args, timeline.event_list, len(timeline.article_list), timeline.published_dates())
    return 0 if timeline.article_list else 1


def _overrides(args: argparse.Namespace) -> dict[str, str] | None:
    try:
        return parse_overrides(args.published)
    except ValueError as err:
        print(err, file=sys.stderr)
        return None


def _build_store(args: argparse.Namespace) -> int:
    overrides = _overrides(args)
    if overrides is None:
        return 2
    store = Store(args.db)
    try:
        summary = store.build(args.paths, overrides, args.workers, args.dask, show_progress=True,
                              allow_private_urls=args.allow_private_urls, max_chars=args.max_chars)
        report = store.report_frame()  # a store can be large: report what needs attention, not every article
        for row in report[report["status"] != "loaded"].itertuples():
            print(f"skipped  {row.input}: {row.reason}")
        warned = report[(report["status"] == "loaded") & (report["warnings"].fillna("") != "")]
        for row in warned.head(20).itertuples():
            print(f"warning  {row.input}: {row.warnings}")
        if len(warned) > 20:
            print(f"warning  … and {len(warned) - 20} more articles with warnings (see the report table)")
        print(f"store {args.db}: {summary.new} new, {summary.changed} changed, {summary.unchanged} unchanged, "
              f"{summary.skipped} skipped; {summary.articles} articles and {summary.events} events stored")
        if args.out or args.csv or args.json or args.timelinejs:
            _write_exports(args, store.event_list(EventFilter(hypothetical=True)), summary.articles,
                           store.published_dates())
    finally:
        store.close()
    return 0


def _export_store(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"no store at {args.db}", file=sys.stderr)
        return 2
    store = Store(args.db, read_only=True)
    chosen = EventFilter(start=args.start, end=args.end, outlets=args.source, names=args.name, text=args.text,
                         conflicts_only=args.conflicts, hypothetical=True)  # _write_exports leaves them out of lists
    try:
        events = store.event_list(chosen)  # filtered in SQL: a large store is never loaded whole
        articles = store.counts()["articles"]
        published = store.published_dates()
    finally:
        store.close()
    _write_exports(args, events, articles, published)
    return 0


def _iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD") from err


def _write_exports(args: argparse.Namespace, events: list[Event], n_articles: int, published: dict[str, date]) -> None:
    """The files asked for: hypothetical happenings only with --include-hypothetical, but on the HTML page, which
    hides them until the reader asks."""
    listed = events if args.include_hypothetical else [e for e in events if e.modality != Modality.HYPOTHETICAL]
    for flag, writer in ((args.csv, write_csv), (args.json, write_json)):
        if flag:
            writer(listed, flag)
    if args.timelinejs:
        write_timelinejs(listed, args.timelinejs, args.title)
    if args.out:
        write_html(events, args.out, args.title, n_articles, published)
    for path in (args.out, args.csv, args.json, args.timelinejs):
        if path:
            print(f"wrote {path}")


def _print_summary(timeline: Timeline) -> None:
    per_article = Counter(a for e in timeline.event_list for a in {s.article_id for s in e.sources})
    articles = {a.id: a for a in timeline.article_list}
    for row in timeline.report_rows:
        if row.status != "loaded":
            print(f"skipped  {row.input}: {row.reason}")
            continue
        article = articles[row.article_id]
        found = timeline.timexes.get(article.id, [])
        unresolved = sum(not t.resolved for t in found)
        published = f"{article.published} ({article.published_source})" if article.published else "unknown"
        note = f", {unresolved} left unresolved" if unresolved else ""
        print(f"loaded   {row.input}: {len(found)} dates found{note}, {per_article[article.id]} events, "
              f"published {published}")
        for warning in article.warnings:
            print(f"         warning: {warning}")
    skipped = sum(r.status != "loaded" for r in timeline.report_rows)
    print(f"total: {len(timeline.article_list)} articles loaded, {skipped} skipped, "
          f"{sum(len(v) for v in timeline.timexes.values())} dates, {len(timeline.event_list)} events")


def _tag(args: argparse.Namespace) -> int:
    try:
        text = tidy(decode(Path(args.file).read_bytes()))
    except (OSError, UnreadableInput) as err:
        print(f"{args.file}: {err}", file=sys.stderr)
        return 2
    try:
        found = tag(text, args.dct)
    except ValueError as err:
        print(str(err), file=sys.stderr)
        return 2
    print(f"{'span':<12} {'text':<32} {'type':<9} {'value':<16} how")
    for t in found:
        words = t.text if len(t.text) <= 30 else t.text[:29] + "…"
        value = t.value + (f" {t.mod}" if t.mod else "")
        print(f"{t.start:>5}-{t.end:<6} {words:<32} {t.type:<9} {value:<16} {t.explanation.split(': ', 1)[-1]}")
    if not args.dct and any(not t.resolved for t in found):
        print(f"{sum(not t.resolved for t in found)} relative expressions left unresolved: no --dct given")
    return 0


if __name__ == "__main__":
    sys.exit(main())
