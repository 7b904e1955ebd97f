"""The whole pipeline in one call: ingest → temporal → events, with pandas tables at the edge."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from .events import build_events, merge_events
from .ingest import MAX_CHARS, ReportRow, load
from .model import Article, Event, Timex
from .parallel import Progress, executor, run
from .temporal import tag


@dataclass
class Timeline:
    """The result of :func:`build`: the objects, and DataFrames of them for tables and exports."""

    article_list: list[Article]
    timexes: dict[str, list[Timex]]  # article id -> its temporal expressions
    event_list: list[Event]
    report_rows: list[ReportRow]

    @property
    def articles(self) -> pd.DataFrame:
        rows = [{
            "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "origin": a.origin,
            "published": a.published, "published_source": a.published_source,
            "published_confidence": a.published_confidence, "characters": len(a.text),
            "dates_found": len(self.timexes.get(a.id, [])),
            "unresolved": sum(not t.resolved for t in self.timexes.get(a.id, [])),
            "warnings": "; ".join(a.warnings),
        } for a in self.article_list]
        return pd.DataFrame(rows, columns=_ARTICLE_COLUMNS)

    @property
    def mentions(self) -> pd.DataFrame:
        rows = [{
            "article_id": article_id, "tid": t.tid, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
            "value": t.value, "mod": t.mod, "begin": t.interval.begin if t.interval else None,
            "end_time": t.interval.end if t.interval else None, "precision": t.precision,
            "resolved": t.resolved, "anchor": t.anchor, "rule": t.rule, "explanation": t.explanation,
        } for article_id, found in self.timexes.items() for t in found]
        return pd.DataFrame(rows, columns=_MENTION_COLUMNS)

    @property
    def events(self) -> pd.DataFrame:
        return events_frame(self.event_list)

    @property
    def report(self) -> pd.DataFrame:
        return pd.DataFrame([vars(r) for r in self.report_rows], columns=_REPORT_COLUMNS)


_ARTICLE_COLUMNS = ["id", "title", "outlet", "url", "origin", "published", "published_source",
                    "published_confidence", "characters", "dates_found", "unresolved", "warnings"]
_MENTION_COLUMNS = ["article_id", "tid", "start", "end", "text", "type", "value", "mod", "begin", "end_time",
                    "precision", "resolved", "anchor", "rule", "explanation"]
_REPORT_COLUMNS = ["input", "status", "reason", "article_id", "published", "published_source",
                   "published_confidence", "warnings"]
EVENT_COLUMNS = ["id", "begin", "end", "precision", "value", "mod", "date_text", "title", "sentence", "sources",
                 "n_sources", "outlets", "urls", "names", "confidence", "conflict", "score", "explanation",
                 "placement", "modality", "relation"]


def events_frame(events: list[Event]) -> pd.DataFrame:
    """One row per event; ``sources`` holds the list of source dicts (article, URL, spans)."""
    rows = [{
        "id": e.id, "begin": e.begin, "end": e.end, "precision": e.precision, "value": e.value, "mod": e.mod,
        "date_text": e.date_text, "title": e.title, "sentence": e.sentence,
        "sources": [vars(s) for s in e.sources], "n_sources": len({s.article_id for s in e.sources}),
        "outlets": sorted({s.outlet or s.article_id for s in e.sources}),
        "urls": [s.url for s in e.sources if s.url], "names": e.names, "confidence": e.confidence,
        "conflict": e.conflict, "score": e.score, "explanation": e.explanation,
        "placement": str(e.placement), "modality": str(e.modality), "relation": e.relation,
    } for e in events]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def build(inputs: Iterable[str | Path | Article] | str | Path | Article,
          published: Mapping[str, str | date] | None = None, allow_private_urls: bool = False,
          workers: int = 1, dask_address: str | None = None, show_progress: bool = False,
          max_chars: int = MAX_CHARS) -> Timeline:
    """Read articles, find and resolve their dates, and make events.

    ``inputs`` are files, folders (read recursively, with their manifest),
    http(s) URLs or Article objects. ``published`` overrides publication dates
    by file name. ``workers`` processes (or the Dask cluster at
    ``dask_address``) tag the articles; the events are the same either way.
    """
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    with executor(workers, dask_address) as mapper:  # workers read the files too
        ingested = load(inputs, published, allow_private_urls, max_chars, mapper)
        progress = Progress(len(ingested.articles)) if show_progress and ingested.articles else None
        results = list(run(ingested.articles, workers, dask_address, progress, mapper))
    with executor(workers, dask_address) as mapper:  # a fresh one: the processing workers' memory is freed
        events = merge_events([event for r in results for event in r.events], mapper)
    timexes = {r.article.id: r.timexes for r in results}
    return Timeline([r.article for r in results], timexes, events, ingested.report)


def assemble(articles: list[Article], report: list[ReportRow],
             tagger: Callable[[str, date | None], list[Timex]] = tag) -> Timeline:
    """Tag each article against its own publication date and build the events.

    ``tagger`` lets a caller cache tagging by content (the dashboard does).
    """
    timexes = {a.id: tagger(a.text, a.published) for a in articles}
    return Timeline(articles, timexes, build_events(articles, timexes), report)
