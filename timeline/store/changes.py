"""Incremental runs: which inputs are unchanged, and which loaded articles are new, changed or duplicates.

A file whose size and modification time are as the store last saw them (and
whose folders' manifests are too) is not read again: its report rows are
carried over from the last run. Any other article is processed again only when
its content hash changes; a changed article keeps its stored id, so its old
rows can be replaced.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from ..ingest import ReportRow, text_key
from ..ingest.readers import MANIFEST_NAMES
from ..model import Article
from .queries import report_rows
from .schema import insert_frame

_RECORD_IN_FILE = re.compile(r"^(.*) (?:row|item|line) \d+$")  # the origin of one record of a CSV, JSON or JSONL file


def content_hash(article: Article) -> str:
    """What the results depend on: text, publication date and metadata."""
    parts = [article.text, str(article.published), article.published_source, article.title, article.outlet, article.url]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


class ChangeDetector:
    """Sorts a run's loaded articles against what the store holds, and counts them."""

    def __init__(self, db: duckdb.DuckDBPyConnection, trust_file_times: bool = True) -> None:
        self.stored = {origin: (hash_, id_) for origin, id_, hash_ in
                       db.execute("SELECT origin, id, content_hash FROM articles").fetchall()}
        self.texts = dict(db.execute("SELECT text_key, id FROM articles").fetchall())
        self.ids = {id_ for _, id_ in self.stored.values()}
        self.report: list[ReportRow] = []
        self.changed: set[str] = set()  # ids of stored articles whose content changed: their old rows go
        self.processed = self.unchanged = 0
        self.trust_file_times = trust_file_times
        # Files as last seen (path -> size, modification time), and the last run's report rows by file.
        self.files: Mapping[str, tuple[int, int]] = ({path: (size, mtime) for path, size, mtime in
                                                      db.execute("SELECT path, size, mtime_ns FROM files").fetchall()}
                                                     if trust_file_times else {})
        self.last_rows: dict[str, list[ReportRow]] = {}
        for row in report_rows(db) if self.files else []:
            self.last_rows.setdefault(_file_of(row.input), []).append(row)
        self.seen: dict[str, tuple[int, int]] = {}  # files and manifests as seen in this run
        self.steady = cache(self._steady)

    def unchanged_file(self, file: Path) -> bool:
        """Whether the file, its manifests and what the store made of it are as last time: then it is not read
        again and its report rows are carried over. Any file it does not say so of is read and hashed."""
        if not self.trust_file_times:  # nothing is remembered of this run's files (see save_files)
            return False
        path, steady = str(file), self.steady(file.parent)  # both seen, for the next run, whatever they say
        if not self._as_before(file) or not steady or path not in self.last_rows:
            return False
        rows = self.last_rows[path]
        # A skipped file is read again: why it was skipped (too large, a duplicate of a changed article) may not hold.
        if not all(row.status == "loaded" and row.article_id in self.ids for row in rows):
            return False
        self.report.extend(rows)
        self.unchanged += sum(row.status == "loaded" for row in rows)
        return True

    def _as_before(self, file: Path) -> bool:
        try:
            stat = file.stat()
        except OSError:
            return False
        self.seen[str(file)] = now = (stat.st_size, stat.st_mtime_ns)
        return self.files.get(str(file)) == now

    def _steady(self, folder: Path) -> bool:
        """The manifests of a folder and of the folders above it are as last time (or still absent)."""
        here = all(self._as_before(folder / name) or (str(folder / name) not in self.files
                                                       and not (folder / name).exists()) for name in MANIFEST_NAMES)
        return here and (folder.parent == folder or self.steady(folder.parent))

    def save_files(self, db: duckdb.DuckDBPyConnection) -> None:
        """Remember the files and manifests seen in this run, for the next one.

        A run that did not trust file times (publication dates overridden) forgets them all: what it stored
        depends on its overrides, so the next run must read every file again.
        """
        if not self.trust_file_times:
            db.execute("DELETE FROM files")
        elif self.seen:
            frame = pd.DataFrame([(path, size, mtime) for path, (size, mtime) in self.seen.items()],
                                 columns=["path", "size", "mtime_ns"])
            db.execute("DELETE FROM files WHERE list_contains(?, path)", [frame["path"].tolist()])
            insert_frame(db, "files", frame)

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


def _file_of(origin: str) -> str:
    """The file an input's origin names: itself, or the file of one of its records."""
    found = _RECORD_IN_FILE.match(origin)
    return found.group(1) if found else origin
