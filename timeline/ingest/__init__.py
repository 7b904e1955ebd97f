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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model import Article
from .dates import BadDate, parse_published
from .decode import UnreadableInput, decode
from .readers import MANIFEST_NAMES, Record, Skipped, canonical_fields, read_path


@dataclass
class ReportRow:
    input: str
    status: str  # loaded, skipped
    reason: str = ""
    article_id: str = ""
    published: date | None = None
    published_source: str = ""


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    report: list[ReportRow] = field(default_factory=list)


def load(inputs: Iterable[str | Path | Article], published: Mapping[str, str | date] | None = None) -> IngestResult:
    """Read every input (files, folders searched recursively, or ready Articles).

    ``published`` maps a file name (or path, or article id) to a publication
    date that overrides all other metadata.
    """
    overrides = dict(published or {})
    result = IngestResult()
    by_text: dict[str, Article] = {}
    used_ids: set[str] = set()
    for item in inputs:
        if isinstance(item, Article):
            _add(result, by_text, used_ids, item, item.origin or item.id)
            continue
        path = Path(item)
        if not path.exists():
            result.report.append(ReportRow(str(path), "skipped", "no such file or folder"))
            continue
        for file in _files(path):
            manifest = _manifest_for(file, path)
            for entry in read_path(file):
                if isinstance(entry, Skipped):
                    result.report.append(ReportRow(entry.origin, "skipped", entry.reason))
                    continue
                try:
                    article = _article(entry, file, manifest.get(file.name, {}), overrides)
                except BadDate as err:
                    result.report.append(ReportRow(entry.origin, "skipped", str(err)))
                    continue
                _add(result, by_text, used_ids, article, entry.origin)
    return result


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name not in MANIFEST_NAMES
                  and not any(part.startswith(".") for part in p.relative_to(path).parts))


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


def _article(record: Record, file: Path, manifest_meta: dict[str, str], overrides: Mapping) -> Article:
    meta = {**record.meta, **{k: v for k, v in manifest_meta.items() if v}}
    override = next((overrides[key] for key in (str(file), file.name, record.origin) if key in overrides), None)
    if override is not None:
        published, source = parse_published(override), "metadata"
    elif manifest_meta.get("published"):
        published, source = parse_published(manifest_meta["published"]), "metadata"
    elif record.meta.get("published"):
        published, source = parse_published(record.meta["published"]), "metadata"
    else:
        published, source = None, "none"
    text = record.text
    url = meta.get("url", "").strip()
    return Article(
        id=_slug(record.origin, file),
        text=text,
        title=(meta.get("title") or _first_line(text)).strip(),
        outlet=meta.get("outlet", "").strip(),
        url=url if re.match(r"https?://", url, re.IGNORECASE) else "",
        author=meta.get("author", "").strip(),
        published=published,
        published_source=source if published else "none",
        published_confidence="high" if published else "none",
        origin=record.origin,
    )


def _add(result: IngestResult, by_text: dict[str, Article], used_ids: set[str], article: Article, origin: str) -> None:
    key = hashlib.sha1(" ".join(article.text.split()).lower().encode()).hexdigest()
    if key in by_text:
        first = by_text[key]
        first.origin = f"{first.origin}; {origin}"
        result.report.append(ReportRow(origin, "skipped", f"duplicate of article {first.id} ({first.origin.split(';')[0]})",
                                       first.id, first.published, first.published_source))
        return
    base, number = article.id, 2
    while article.id in used_ids:
        article.id, number = f"{base}-{number}", number + 1
    used_ids.add(article.id)
    by_text[key] = article
    result.articles.append(article)
    result.report.append(ReportRow(origin, "loaded", "", article.id, article.published, article.published_source))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _slug(origin: str, file: Path) -> str:
    tail = origin[len(str(file)):].strip()
    base = file.stem + (("-" + re.sub(r"\D+", "", tail)) if tail else "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", base)[:80] or "article"
