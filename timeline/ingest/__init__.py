"""Ingest: read articles from files and folders with their publication context, and report on every input.

Metadata comes from, in order of trust: explicit overrides (CLI, dashboard),
a folder's manifest, then the record itself (front matter, header lines,
record fields). Every input ends up in the report as loaded or skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from ..model import Article
from .dateline import find_dateline
from .dates import BadDate, parse_published
from .decode import UnreadableInput, decode, tidy
from .infer import infer_published
from .readers import MANIFEST_NAMES, Record, Skipped, canonical_fields, read_html, read_path

MAX_CHARS = 1_000_000  # default per-article size limit: bounds the time and memory one input can take
READ_PARTITION = 64  # files read per task when workers read a folder


@dataclass
class ReportRow:
    input: str
    status: str  # loaded, skipped
    reason: str = ""
    article_id: str = ""
    published: date | None = None
    published_source: str = ""
    published_confidence: str = ""
    warnings: str = ""  # disagreements between dates, missing or inferred dates


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    report: list[ReportRow] = field(default_factory=list)
    max_chars: int = MAX_CHARS


def load(inputs: Iterable[str | Path | Article], published: Mapping[str, str | date] | None = None,
         allow_private_urls: bool = False, max_chars: int = MAX_CHARS, mapper: Callable = map) -> IngestResult:
    """Read every input (files, folders searched recursively, http(s) URLs, or ready Articles).

    ``published`` maps a file name (or path, or article id) to a publication
    date that overrides all other metadata. URLs on loopback or private
    networks are refused unless ``allow_private_urls`` (trafilatura's SSRF guard).
    An article longer than ``max_chars`` characters is skipped with a message.
    """
    result = IngestResult(max_chars=max_chars)
    by_id: dict[str, Article] = {}
    for article, row in iter_load(inputs, published, allow_private_urls, max_chars, mapper):
        result.report.append(row)
        if article is not None:
            result.articles.append(article)
            by_id[article.id] = article
        elif row.reason.startswith("duplicate of article") and row.article_id in by_id:
            by_id[row.article_id].origin += f"; {row.input}"  # one article, both origins
    return result


def iter_load(inputs: Iterable[str | Path | Article], published: Mapping[str, str | date] | None = None,
              allow_private_urls: bool = False, max_chars: int = MAX_CHARS, mapper: Callable = map,
              unchanged: Callable[[Path], bool] | None = None) -> Iterator[tuple[Article | None, ReportRow]]:
    """Like :func:`load`, one input at a time: (article, its report row), or (None, the row saying why not).

    Only hashes of the texts seen are kept, so memory does not grow with the articles. ``mapper`` (an
    order-keeping map, e.g. ``parallel.executor``'s) reads a folder's files in partitions on workers.
    A folder's files for which ``unchanged`` says so (a store that has them) are not read at all.
    """
    overrides = dict(published or {})
    intake = _Intake(max_chars)
    for item in inputs:
        if isinstance(item, Article):
            yield intake.add(item, item.origin or item.id)
            continue
        if isinstance(item, str) and re.match(r"https?://", item, re.IGNORECASE):
            yield from _load_url(intake, item, overrides, allow_private_urls)
            continue
        path = Path(item)
        if not path.exists():
            yield None, ReportRow(str(path), "skipped", "no such file or folder")
            continue
        files = []
        for file in _files(path):
            if reason := _unusable(file):
                yield None, ReportRow(_shown(file), "skipped", reason)
            elif not (unchanged and unchanged(file)):
                files.append(file)
        if not files:
            continue
        parts = [files[start:start + READ_PARTITION] for start in range(0, len(files), READ_PARTITION)]
        reading = partial(read_files, root=path, overrides=overrides)
        # Workers read the files where they can reach them (a shared folder); else this process reads them.
        spread = len(parts) > 1 and all(mapper(Path.is_file, [files[0]]))
        for entries in (mapper if spread else map)(reading, parts):
            for entry in entries:
                yield (None, entry) if isinstance(entry, ReportRow) else intake.add(entry, entry.origin)


def read_files(files: list[Path], root: Path, overrides: Mapping) -> list[Article | ReportRow]:
    """Each file's articles, or the rows saying why not: the part of ingest that needs no other input,
    so workers can do it where the files are (admitting them, which does, stays with the caller)."""
    found: list[Article | ReportRow] = []
    for file in files:
        manifest = _manifest_for(file, root)
        for entry in read_path(file):
            if isinstance(entry, Skipped):
                found.append(ReportRow(entry.origin, "skipped", entry.reason))
                continue
            try:
                found.append(_article(entry, file, manifest.get(file.name, {}), overrides))
            except BadDate as err:
                found.append(ReportRow(entry.origin, "skipped", str(err)))
    return found


def _load_url(intake: _Intake, url: str, overrides: Mapping,
              allow_private: bool) -> Iterator[tuple[Article | None, ReportRow]]:
    """Fetch a web page and read it like a saved HTML file."""
    import trafilatura  # imported only when a page is fetched (slow to import)
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    page = trafilatura.fetch_url(url, config=config)
    if not page:
        yield None, ReportRow(url, "skipped", "could not fetch the page")
        return
    for entry in read_html(url, tidy(page), url=url):
        if isinstance(entry, Skipped):
            yield None, ReportRow(entry.origin, "skipped", entry.reason)
            continue
        try:
            article = _article(entry, None, {}, overrides)
        except BadDate as err:
            yield None, ReportRow(url, "skipped", str(err))
            continue
        yield intake.add(article, url)


def text_key(article: Article) -> str:
    """The text with case and spacing ignored: the same story copied elsewhere has the same key."""
    return hashlib.sha1(" ".join(article.text.split()).lower().encode()).hexdigest()


class _Intake:
    """Admits articles one by one: size limit, duplicates by normalised text, unique ids."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.seen: dict[str, tuple[str, str, date | None, str]] = {}  # text hash -> first id, origin, date, source
        self.ids: set[str] = set()

    def add(self, article: Article, origin: str) -> tuple[Article | None, ReportRow]:
        if len(article.text) > self.max_chars:
            return None, ReportRow(origin, "skipped", f"article too large: {len(article.text):,} characters, the "
                                                      f"limit is {self.max_chars:,} (raise it with --max-chars)")
        key = text_key(article)
        if key in self.seen:
            first_id, first_origin, published, source = self.seen[key]
            return None, ReportRow(origin, "skipped", f"duplicate of article {first_id} ({first_origin})", first_id,
                                   published, source)
        base, number = article.id, 2
        while article.id in self.ids:
            article.id, number = f"{base}-{number}", number + 1
        self.ids.add(article.id)
        self.seen[key] = (article.id, origin, article.published, article.published_source)
        return article, ReportRow(origin, "loaded", "", article.id, article.published, article.published_source,
                                  article.published_confidence, "; ".join(article.warnings))


def _files(path: Path) -> list[Path]:
    """A file, or a folder's files (and links to nowhere, so the report can say so), but hidden ones and manifests."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if (p.is_file() or (p.is_symlink() and not p.exists()))
                  and p.name not in MANIFEST_NAMES and not any(part.startswith(".") for part in p.relative_to(path).parts))


def _unusable(file: Path) -> str:
    """Why a listed file cannot be read or recorded at all, or "": a name that is not text (the store and the
    exports write names as UTF-8) or a link to nothing."""
    try:
        str(file).encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: rename the file"
    return "a link to a file that does not exist" if not file.exists() else ""


def _shown(file: Path) -> str:
    """A path as the report can show and store it, whatever bytes its name holds."""
    return os.fsencode(file).decode("utf-8", "backslashreplace")


def _manifest_for(file: Path, root: Path) -> dict[str, dict[str, str]]:
    """The manifest of the file's folder (or of a folder above it, up to the input root)."""
    folder = file.parent
    stop = root if root.is_dir() else root.parent
    while True:
        for name in MANIFEST_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return read_manifest(candidate)
        if folder == stop or folder.parent == folder:
            return {}
        folder = folder.parent


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """manifest.csv / manifest.json: per-file metadata keyed by the file name."""
    try:
        text = decode(path.read_bytes())
    except (UnreadableInput, OSError):
        return {}
    if path.suffix.lower() == ".json":
        try:
            rows = json.loads(text)
        except json.JSONDecodeError:
            return {}
        rows = rows if isinstance(rows, list) else [dict(v, file=k) for k, v in rows.items()]
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    manifest = {}
    for row in rows:
        if isinstance(row, dict) and row.get("file"):
            manifest[Path(str(row["file"])).name] = canonical_fields(row)
    return manifest


def _article(record: Record, file: Path | None, manifest_meta: dict[str, str], overrides: Mapping) -> Article:
    meta = {**record.html_meta, **record.meta, **{k: v for k, v in manifest_meta.items() if v}}
    keys = [record.origin] + ([str(file), file.name] if file else [])
    override = next((overrides[key] for key in keys if key in overrides), None)
    text = record.text
    url = meta.get("url", "").strip()
    article = Article(
        id=_slug(record.origin, file),
        text=text,
        title=(meta.get("title") or _first_line(text)).strip(),
        outlet=meta.get("outlet", "").strip(),
        url=url if re.match(r"https?://", url, re.IGNORECASE) else "",
        author=meta.get("author", "").strip(),
        origin=record.origin,
        warnings=list(record.warnings),
    )
    _publication_date(article, [
        (override, "metadata", "high"),
        (manifest_meta.get("published"), "metadata", "high"),
        (record.meta.get("published"), "metadata", "high"),
        (record.html_meta.get("published"), "html", "high"),
    ])
    return article


def _publication_date(article: Article, stated: list[tuple[object, str, str]]) -> None:
    """Take the most trusted stated date; else the dateline; else an inference. Record disagreements."""
    found = [(parse_published(value), source, confidence) for value, source, confidence in stated if value]
    found = [item for item in found if item[0] is not None]
    dateline = find_dateline(article.text)
    if found:
        article.published, article.published_source, article.published_confidence = found[0]
        for other, source, _ in found[1:]:
            if other != article.published:
                article.warnings.append(f"{source} date {other.isoformat()} disagrees with the "
                                        f"{article.published_source} date {article.published.isoformat()}")
        if dateline and dateline.published != article.published:
            article.warnings.append(f"dateline '{dateline.words}' ({dateline.published.isoformat()}) disagrees with the "
                                    f"{article.published_source} date {article.published.isoformat()}")
        return
    if dateline:
        article.published, article.published_source, article.published_confidence = dateline.published, "dateline", "medium"
        if dateline.note:
            article.warnings.append(f"dateline '{dateline.words}': {dateline.note}")
        return
    inference = infer_published(article.text)
    if inference.published:
        article.published, article.published_source, article.published_confidence = inference.published, "inferred", "low"
        article.warnings.append(f"publication date inferred, please confirm: {inference.reason}")
    else:
        article.warnings.append(f"no publication date: {inference.reason}; relative dates are left unresolved")


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _slug(origin: str, file: Path | None) -> str:
    if file is None:  # a URL: its last path segment
        base = [part for part in re.split(r"[/?#]", origin.split("://", 1)[-1]) if part][-1]
        return re.sub(r"[^A-Za-z0-9_.-]+", "-", base)[:80] or "page"
    tail = origin[len(str(file)):].strip()
    base = file.stem + (("-" + re.sub(r"\D+", "", tail)) if tail else "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", base)[:80] or "article"
