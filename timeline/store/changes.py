"""Incremental runs: which loaded articles are new, changed, unchanged, or a duplicate of a stored one.

An article is processed again only when its content hash changes; a changed
article keeps its stored id, so its old rows can be replaced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

import duckdb

from ..ingest import ReportRow, text_key
from ..model import Article


def content_hash(article: Article) -> str:
    """What the results depend on: text, publication date and metadata."""
    parts = [article.text, str(article.published), article.published_source, article.title, article.outlet, article.url]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


class ChangeDetector:
    """Sorts a run's loaded articles against what the store holds, and counts them."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self.stored = {origin: (hash_, id_) for origin, id_, hash_ in
                       db.execute("SELECT origin, id, content_hash FROM articles").fetchall()}
        self.texts = dict(db.execute("SELECT text_key, id FROM articles").fetchall())
        self.ids = {id_ for _, id_ in self.stored.values()}
        self.report: list[ReportRow] = []
        self.changed: set[str] = set()  # ids of stored articles whose content changed: their old rows go
        self.processed = self.unchanged = 0

    @property
    def new(self) -> int:
        return self.processed - len(self.changed)

    @property
    def skipped(self) -> int:
        return sum(row.status != "loaded" for row in self.report)

    def todo(self, loaded: Iterable[tuple[Article | None, ReportRow]]) -> Iterator[Article]:
        """The new and changed articles of a stream of loaded ones; every input is kept in the report."""
        for article, row in loaded:
            self.report.append(row)
            if article is not None and self._needs_work(article, row):
                row.article_id = article.id
                self.processed += 1
                yield article

    def _needs_work(self, article: Article, row: ReportRow) -> bool:
        """Whether to process the article; gives it its stored id, or a new unique one."""
        stored = self.stored.get(article.origin)
        if stored and stored[0] == content_hash(article):
            self.unchanged += 1
            return False
        if stored:
            article.id = stored[1]
            self.changed.add(article.id)
            return True
        if duplicate := self.texts.get(text_key(article)):
            row.status, row.reason = "skipped", f"duplicate of stored article {duplicate}"
            return False
        article.id = _unique(article.id, self.ids)
        self.ids.add(article.id)
        return True


def _unique(candidate: str, taken: set[str]) -> str:
    base, number = candidate, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
