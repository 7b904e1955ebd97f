"""The standalone HTML timeline: one file, works offline, safe with hostile article text.

Article text reaches the page only as JSON inside <script type="application/json">
with '<' escaped, so no article text can close the tag or run; the page's script
puts it on screen as text (``textContent``), never as markup, and links only
http(s) URLs. A Content Security Policy forbids every network request.

The events travel once, as compact columns (``page_data``): the figure carries
marks and ids but no hover text, and the list and the hover are written by the
script from the same columns, a screenful at a time, so a 10,000-event page stays
small and opens quickly (benchmarks/bench_viz.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from plotly.offline import get_plotlyjs

from ..events.names import display_names
from ..frames import events_frame
from ..human_dates import PRECISION_WORDS, Note, as_written, in_words, notes, unit_words
from ..model import Event, Modality, Source
from ..safe_text import escape_html, visible_controls
from ..viz import empty_figure, figure
from .links import safe_link

_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")
_HERE = Path(__file__).parent
# Columns whose values repeat across events ("as written: “last year”", "month"): each value travels once.
_REPEATED = ("when", "written", "precision", "relation", "explanation", "value")
# Notes on an event travel as bits, in Note's order, with the words the page shows for them: its flags are short.
_PAGE_NOTES = {Note.INFERRED: "time inferred"}


def json_for_script(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever strings it holds.

    Arrays stay plain JSON arrays (not Plotly's base64 typed arrays), so the page's filter can slice them.
    """
    text = json.dumps(data, ensure_ascii=False, default=_plain, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _plain(value: object) -> object:
    """NumPy arrays and scalars, pandas and Python datetimes, as JSON values."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def display_date(event: Event) -> str:
    """The event's date in words ("late November 2023")."""
    return in_words(event.begin, event.end, event.precision, event.mod, event.value)


def _notes(event: Event) -> int:
    """The event's notes as bits, in the order of Note (the page's script holds their words)."""
    carried = notes(event.placement, event.modality, event.conflict, event.confidence)
    return sum(1 << bit for bit, note in enumerate(Note) if note in carried)


class _Table:
    """Distinct values numbered in order of first sight: a value repeated across events travels once."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}

    def __call__(self, value: object) -> int:
        return self.index.setdefault(value, len(self.index))


def _article(source: Source, published: Mapping[str, date]) -> tuple[str, str, str, str]:
    """Outlet, title, link (http(s) only, else empty) and publication date in words; never the local file."""
    day = published.get(source.article_id)
    return (visible_controls(source.outlet or "unnamed source"), visible_controls(source.title or "untitled article"),
            safe_link(source.url) or "", unit_words(day, "day") if isinstance(day, date) else "")


def _source(source: Source, article: int) -> list:
    """A source as its article's number, its sentence, and where the date words lie in it (empty: none)."""
    offset = source.sentence_span[0]
    return [article, visible_controls(source.sentence), source.date_span[0] - offset, source.date_span[1] - offset]


def page_data(events: list[Event], shown_names: list[list[str]], published: Mapping[str, date] | None = None) -> dict:
    """The events as columns of plain text for the page's script: list entries, hover, search and filters."""
    articles, outlets, names = _Table(), _Table(), _Table()
    columns: dict[str, list] = {key: [] for key in (
        "id", "begin", "end", "when", "title", "written", "precision", "notes", "relation", "explanation", "value",
        "outlets", "names", "sentence", "sources")}
    for event, shown in zip(events, shown_names, strict=True):
        sources = [_source(s, articles(_article(s, published or {}))) for s in event.sources]
        first = event.sources[0].sentence if event.sources else None
        for key, value in (
                ("id", event.id), ("begin", event.begin.date().isoformat()), ("end", event.end.date().isoformat()),
                ("when", display_date(event)), ("title", visible_controls(event.title)),
                ("written", as_written(visible_controls(event.date_text), str)),
                ("precision", PRECISION_WORDS.get(event.precision, event.precision)), ("notes", _notes(event)),
                ("relation", visible_controls(event.relation or "")),
                ("explanation", visible_controls(event.explanation)),
                ("value", event.value + (f" · mod {event.mod}" if event.mod else "")),
                ("outlets", [outlets(o) for o in event.outlets]), ("names", [names(n) for n in shown]),
                ("sentence", None if event.sentence == first else visible_controls(event.sentence)),
                ("sources", sources)):
            columns[key].append(value)
    for key in _REPEATED:
        table = _Table()
        columns[key] = {"index": [table(value) for value in columns[key]], "values": list(table.index)}
    return {"events": columns, "outlets": [visible_controls(o) for o in outlets.index],
            "names": [visible_controls(n) for n in names.index], "articles": [list(a) for a in articles.index],
            "notes": [_PAGE_NOTES.get(note, str(note)) for note in Note]}


def render(events: list[Event], title: str = "Timeline", n_articles: int | None = None,
           published: Mapping[str, date] | None = None) -> str:
    """The whole page as a string; ``published`` (article id → publication date) dates each source."""
    events = sorted(events, key=lambda e: (e.begin, -e.score))
    frame = events_frame(events)
    frame = frame.assign(names=display_names(frame["names"])) if events else frame  # for lanes, lists and filters
    shown_names = list(frame["names"])
    fig = figure(frame, hover=False) if events else empty_figure(message="No dated events.")
    outlets = sorted({o for e in events for o in e.outlets})
    names = sorted({n for shown in shown_names for n in shown}, key=str.lower)
    # the header tells of the timeline the reader sees first: hypothetical happenings are counted apart, off its span
    shown = [e for e in events if e.modality != Modality.HYPOTHETICAL]
    hidden = len(events) - len(shown)
    dated = shown or events
    span = f"{display_date(dated[0])} – {display_date(max(dated, key=lambda e: e.end))}" if events else "no dates"
    built = datetime.now(UTC).strftime("%d %b %Y %H:%M UTC")
    summary = (f'{n_articles if n_articles is not None else len({s.article_id for e in events for s in e.sources})}'
               f' articles · {len(shown)} events · {escape_html(span)}'
               + (f' · {hidden} hypothetical or conditional happenings hidden (below the filters)' if hidden else '')
               + f' · built {built}')
    return _PAGE.format(
        csp=_CSP, title=escape_html(title), summary=summary, style=(_HERE / "page.css").read_text(encoding="utf-8"),
        outlet_options=_options(outlets), name_options=_options(names),
        plotly=get_plotlyjs(), figure=json_for_script(fig.to_plotly_json()),
        items=json_for_script(page_data(events, shown_names, published)),
        script=(_HERE / "page.js").read_text(encoding="utf-8"),
    )


def _options(values: list[str]) -> str:
    return "".join(f'<option value="{escape_html(v)}">{escape_html(v)}</option>' for v in values)


def write_html(events: list[Event], path: str, title: str = "Timeline", n_articles: int | None = None,
               published: Mapping[str, date] | None = None) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render(events, title, n_articles, published))


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style></head>
<body>
<header><h1>{title}</h1><p class="summary">{summary}</p></header>
<section class="filters" aria-label="Filters">
<label>Source<select id="f-outlet"><option value="">all sources</option>{outlet_options}</select></label>
<label>Name<select id="f-name"><option value="">all names</option>{name_options}</select></label>
<label>Search<input id="f-text" type="search" placeholder="words in title or evidence"></label>
<label>From<input id="f-from" type="date"></label>
<label>To<input id="f-to" type="date"></label>
<label class="toggle"><input id="f-hypothetical" type="checkbox"> Show hypothetical and conditional happenings</label>
</section>
<p class="nothing" id="nothing" hidden>No events match these filters. Clear a filter to see more.</p>
<div id="chart"></div>
<main><p class="count" id="count"></p><section id="events"></section><div id="more"></div></main>
<script>{plotly}</script>
<script type="application/json" id="figure-data">{figure}</script>
<script type="application/json" id="items-data">{items}</script>
<script>{script}</script>
</body></html>
"""
