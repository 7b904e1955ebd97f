"""A built timeline as objects, and as the pandas tables the dashboard, exports and tests read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from .ingest import ReportRow
from .model import Article, Event, Timex


@dataclass
class Timeline:
    """The result of :func:`build`: the objects, and DataFrames of them for tables and exports."""

    article_list: list[Article]
    timexes: dict[str, list[Timex]]  # article id -> its temporal expressions
    event_list: list[Event]
    report_rows: list[ReportRow]

    def published_dates(self) -> dict[str, date]:
        """Each article's publication date, so exported sources say when they were published."""
        return {a.id: a.published for a in self.article_list if a.published}

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
    """One row per event; ``sources`` holds the event's Source objects (article, URL, spans)."""
    rows = [{
        "id": e.id, "begin": e.begin, "end": e.end, "precision": e.precision, "value": e.value, "mod": e.mod,
        "date_text": e.date_text, "title": e.title, "sentence": e.sentence,
        "sources": list(e.sources), "n_sources": e.n_sources, "outlets": e.outlets,
        "urls": [s.url for s in e.sources if s.url], "names": e.names, "confidence": e.confidence,
        "conflict": e.conflict, "score": e.score, "explanation": e.explanation,
        "placement": str(e.placement), "modality": str(e.modality), "relation": e.relation,
    } for e in events]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)
