"""Readers for each article format. Each yields Records, or Skipped with the reason, never nothing.

A Record's ``meta`` holds metadata as written (strings); the loader parses and ranks it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .decode import UnreadableInput, decode, tidy

# Field names accepted in records, front matter and text headers, by the name we use.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "publish_date", "pubdate", "datepublished", "published_at"),
    "outlet": ("source", "outlet", "publisher", "site"),
    "author": ("author", "byline", "by"),
}
_CANONICAL = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
MANIFEST_NAMES = ("manifest.csv", "manifest.json")


@dataclass
class Record:
    origin: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # stated by the record: front matter, fields, header lines
    html_meta: dict[str, str] = field(default_factory=dict)  # read from a web page's markup (less trusted)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Skipped:
    origin: str
    reason: str


def canonical_fields(raw: dict) -> dict[str, str]:
    """Map a record's keys onto our names (case-insensitive aliases); unknown keys are dropped."""
    out: dict[str, str] = {}
    for key, value in raw.items():
        name = _CANONICAL.get(str(key).strip().lower())
        if name and name not in out and value not in (None, ""):
            out[name] = value if isinstance(value, str) else str(value)
    return out


def read_path(path: Path) -> Iterator[Record | Skipped]:
    """Dispatch on the file extension."""
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        yield Skipped(str(path), f"unsupported file type '{suffix or '(none)'}'")
        return
    try:
        decoded = decode(path.read_bytes())
    except UnreadableInput as err:
        yield Skipped(str(path), str(err))
        return
    except OSError as err:
        yield Skipped(str(path), f"cannot read: {err.strerror or err}")
        return
    note = getattr(decoded, "note", "")
    produced = False
    for entry in reader(str(path), decoded if reader in _TIDIES_ITSELF else tidy(decoded)):
        produced = True
        if note and isinstance(entry, Record):
            entry.warnings.append(note)
        yield entry
    if not produced:  # a header without rows, "[]", blank lines: still accounted for
        yield Skipped(str(path), "no articles in the file")


def read_plain(origin: str, text: str) -> Iterator[Record | Skipped]:
    """.txt: an optional block of 'Key: value' header lines, then the body."""
    meta, body = _header_block(text)
    yield _record(origin, body, meta)


def read_markdown(origin: str, text: str) -> Iterator[Record | Skipped]:
    """.md: YAML-style front matter between '---' lines (flat key: value pairs), then the body."""
    meta: dict[str, str] = {}
    body = text
    match = re.match(r"^---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
    if match:
        for line in match.group(1).splitlines():
            pair = _HEADER_LINE.match(line)
            if pair:
                meta[pair.group(1)] = pair.group(2).strip().strip("\"'")
        body = text[match.end():]
    yield _record(origin, body, canonical_fields(meta))


def read_html(origin: str, text: str, url: str | None = None) -> Iterator[Record | Skipped]:
    """.html/.htm and fetched pages: main text and metadata via trafilatura, publication date via htmldate.

    htmldate runs without its extensive search, so it reads only dates the page
    marks up (article:published_time, JSON-LD datePublished, <time>, the URL)
    and never falls back to today. Both are imported here, when a page is read: they take a noticeable part of a
    second to import, which the dashboard's first view and plain-text runs need not pay.
    """
    import htmldate
    import trafilatura

    try:
        document = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except (RecursionError, ValueError) as err:
        yield Skipped(origin, f"unreadable HTML: {type(err).__name__}")
        return
    body = (document.text or "") if document is not None else ""
    if not body.strip():
        yield Skipped(origin, "no article text found in the HTML")
        return
    try:
        published = htmldate.find_date(text, extensive_search=False, original_date=True, url=url)
    except (RecursionError, ValueError):
        published = None
    meta = {key: value for key, value in (("title", document.title), ("outlet", document.sitename),
                                          ("url", document.url or url), ("author", document.author)) if value}
    yield Record(origin, tidy(body), meta, {"published": published} if published else {})


def _parse_json(where: str, text: str, line: int | None = None) -> object:
    """The parsed value, or a Skipped saying why (``line`` names the line of a JSONL file)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        return Skipped(where, f"malformed JSON on line {line or err.lineno}: {err.msg}")
    except RecursionError:
        return Skipped(where, "JSON nested too deeply")


def read_json(origin: str, text: str) -> Iterator[Record | Skipped]:
    """.json: one object or a list of objects."""
    data = _parse_json(origin, text)
    if isinstance(data, Skipped):
        yield data
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items, start=1):
        where = f"{origin} item {index}" if isinstance(data, list) else origin
        yield _from_mapping(where, item)


def read_jsonl(origin: str, text: str) -> Iterator[Record | Skipped]:
    """.jsonl: one object per line; a bad line is skipped and the rest go on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin} line {number}"
        item = _parse_json(where, line, number)
        yield item if isinstance(item, Skipped) else _from_mapping(where, item)


def read_csv(origin: str, text: str) -> Iterator[Record | Skipped]:
    """.csv: a header row naming the fields; one article per row.

    Read as written by Excel, LibreOffice or Python's csv module: CRLF line ends and line breaks inside quoted
    fields, a ',' ';' tab or '|' delimiter (read from the header line), a BOM. The text reaches this reader
    untidied, because tidying turns curly quotes into '"' and CRLF into ' \n', which would change the quoting;
    each field is tidied once parsed.
    """
    if not text.strip():
        yield Skipped(origin, "empty CSV")
        return
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text),
                                strict=True)  # a quote left open is an error, not a huge field
        header = reader.fieldnames or []
        if "text" not in {_CANONICAL.get(h.strip().lower()) for h in header if h}:
            yield Skipped(origin, f"CSV without a text column (columns: {', '.join(h for h in header if h) or 'none'}; "
                                  f"accepted: {', '.join(ALIASES['text'])})")
            return
        for number, row in enumerate(reader, start=2):
            yield _from_mapping(f"{origin} row {number}",
                                {key: tidy(value) if isinstance(value, str) else value for key, value in row.items()})
    except csv.Error as err:
        yield Skipped(origin, f"malformed CSV: {err}")


def _dialect(text: str) -> type[csv.Dialect]:
    """Excel's dialect with the delimiter the header line uses (the header is short and plain: easy to read)."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    return type("Detected", (csv.excel,), {"delimiter": delimiter})


def _from_mapping(origin: str, item: object) -> Record | Skipped:
    if not isinstance(item, dict):
        return Skipped(origin, f"expected an object with a text field, got {type(item).__name__}")
    fields = canonical_fields(item)
    if not fields.get("text", "").strip():
        return Skipped(origin, "no text field (text, body, content or article)")
    return _record(origin, fields.pop("text"), fields)


def _record(origin: str, body: str, meta: dict[str, str]) -> Record | Skipped:
    if not body.strip():
        return Skipped(origin, "empty: no article text")
    return Record(origin, body, meta)


def _header_block(text: str) -> tuple[dict[str, str], str]:
    """Leading 'Title: …', 'URL: …' lines of a text file are metadata, not body."""
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    consumed = 0
    for line in lines:
        if not line.strip():
            if meta:
                consumed += len(line)
                break
            consumed += len(line)
            continue
        pair = _HEADER_LINE.match(line)
        if not pair or pair.group(1).lower() not in _CANONICAL or _CANONICAL[pair.group(1).lower()] == "text":
            break
        meta[pair.group(1)] = pair.group(2)
        consumed += len(line)
    if not meta:
        return {}, text
    return canonical_fields(meta), text[consumed:]


_READERS = {
    ".html": read_html, ".htm": read_html, ".txt": read_plain, ".text": read_plain,
    ".md": read_markdown, ".markdown": read_markdown,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
}
_TIDIES_ITSELF = {read_csv}  # readers given the text as decoded, because tidying first would break their syntax
