"""The standalone HTML timeline: one file, works offline, safe with hostile article text.

All article-provided text is escaped; only http(s) URLs become links; data
reaches the page's script as JSON inside <script type="application/json">
with '<' escaped, so no article text can close the tag or run. A Content
Security Policy forbids every network request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime

import numpy as np
from plotly.offline import get_plotlyjs

from ..events.names import display_names
from ..frames import events_frame
from ..human_dates import PRECISION_WORDS, as_written, in_words, unit_words
from ..model import Event, Modality, Placement, Source
from ..safe_text import HTML, escape_html, evidence, visible_controls
from ..viz import empty_figure, figure
from .links import safe_link

_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")


def json_for_script(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever strings it holds.

    Arrays stay plain JSON arrays (not Plotly's base64 typed arrays), so the page's filter can slice them.
    """
    text = json.dumps(data, ensure_ascii=False, default=_plain)
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


def source_html(source: Source, published: Mapping[str, date] | None = None) -> str:
    """Outlet, article title, publication date and link (http(s) only); never the local file it came from."""
    outlet = escape_html(source.outlet or "unnamed source")
    title = escape_html(source.title or "untitled article")
    day = (published or {}).get(source.article_id)
    when = f' · {escape_html(unit_words(day, "day"))}' if isinstance(day, date) else ""
    link = safe_link(source.url)
    title_html = (f'<a href="{escape_html(link)}" rel="noopener noreferrer" target="_blank">{title}</a>' if link
                  else title)
    return f'<li><b>{outlet}</b> · {title_html}{when}<br><q>{evidence(source, HTML)}</q></li>'


def _event_html(event: Event, published: Mapping[str, date] | None) -> str:
    """One entry of the event list: date in words, title, notes, sources, and the workings in an "advanced" part."""
    sources = "".join(source_html(s, published) for s in event.sources)
    notes = [words for flag, words in (
        (event.placement == Placement.INFERRED, "time inferred"), (event.modality == Modality.PLANNED, "planned"),
        (event.conflict, "sources disagree on the date"), (event.confidence < 0.5, "uncertain date")) if flag]
    flags = "".join(f' <span class="flag">{escape_html(note)}</span>' for note in notes)
    relation = f'<p class="meta">Context: {escape_html(event.relation)}</p>' if event.relation else ""
    n = event.n_sources
    return (
        f'<article class="event" data-id="{escape_html(event.id)}">'
        f'<div class="when">{escape_html(display_date(event))}</div>'
        f'<div class="what"><h3>{escape_html(event.title)}</h3>'
        f'<p class="meta">{as_written(event.date_text, escape_html)} · {n} source{"s" if n != 1 else ""} · '
        f'{escape_html(PRECISION_WORDS.get(event.precision, event.precision))}{flags}</p>{relation}'
        f'<ul class="sources">{sources}</ul>'
        f'<details><summary>How this date was worked out</summary><p>{escape_html(event.explanation)}</p>'
        f'<p class="advanced">TIMEX3 value {escape_html(event.value)}'
        f'{" · mod " + escape_html(event.mod) if event.mod else ""}</p></details>'
        f'</div></article>')


def render(events: list[Event], title: str = "Timeline", n_articles: int | None = None,
           published: Mapping[str, date] | None = None) -> str:
    """The whole page as a string; ``published`` (article id → publication date) dates each source."""
    events = sorted(events, key=lambda e: (e.begin, -e.score))
    frame = events_frame(events)
    frame = frame.assign(names=display_names(frame["names"])) if events else frame  # for lanes, lists and filters
    fig = figure(frame) if events else empty_figure(message="No dated events.")
    outlets = sorted({o for e in events for o in e.outlets})
    names = sorted({n for shown in frame["names"] for n in shown}, key=str.lower)
    span = f"{display_date(events[0])} – {display_date(max(events, key=lambda e: e.end))}" if events else "no dates"
    built = datetime.now(UTC).strftime("%d %b %Y %H:%M UTC")
    summary = (f'{n_articles if n_articles is not None else len({s.article_id for e in events for s in e.sources})}'
               f' articles · {len(events)} events · {escape_html(span)} · built {built}')
    items = [{"id": e.id, "outlets": e.outlets, "names": shown, "begin": e.begin, "end": e.end,
              "search": visible_controls(" ".join([e.title, e.sentence, *e.outlets, *shown]).lower()),
              "html": _event_html(e, published)} for e, shown in zip(events, frame["names"], strict=True)]
    return _PAGE.format(
        csp=_CSP, title=escape_html(title), summary=summary, style=_STYLE,
        outlet_options=_options(outlets), name_options=_options(names),
        plotly=get_plotlyjs(), figure=json_for_script(fig.to_plotly_json()), items=json_for_script(items),
        script=_SCRIPT,
    )


def _options(values: list[str]) -> str:
    return "".join(f'<option value="{escape_html(v)}">{escape_html(v)}</option>' for v in values)


def write_html(events: list[Event], path: str, title: str = "Timeline", n_articles: int | None = None,
               published: Mapping[str, date] | None = None) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render(events, title, n_articles, published))


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2433;background:#fafbfc}
header{padding:1.2rem 2rem .6rem;background:#fff;border-bottom:1px solid #e3e6eb}
h1{margin:0 0 .3rem;font-size:1.6rem} .summary{color:#5b6475;margin:0}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;padding:.8rem 2rem;background:#fff;border-bottom:1px solid #e3e6eb}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#5b6475;gap:.2rem}
.filters select,.filters input{font:inherit;padding:.25rem .4rem;border:1px solid #c9ced6;border-radius:4px}
#chart{background:#fff;margin:0 2rem;min-height:320px} main{padding:0 2rem 2rem}
.count{color:#5b6475;margin:.8rem 0}
.event{display:grid;grid-template-columns:11rem 1fr;gap:1rem;padding:.9rem 0;border-bottom:1px solid #e3e6eb}
.when{font-weight:600;color:#0072B2} h3{margin:0 0 .2rem;font-size:1.05rem} .meta{margin:0;color:#5b6475;font-size:.85rem}
.sources{margin:.4rem 0;padding-left:1.1rem;font-size:.9rem} .sources q{color:#39404d}
mark{background:#ffe9a8;padding:0 .1em} .advanced{font-family:ui-monospace,monospace;font-size:.8rem}
.flag{border-radius:3px;padding:0 .3em;font-size:.8em;background:#fbe0d2;color:#8a2f00;margin-left:.3em}
.nothing{margin:1rem 2rem;padding:1rem;background:#fff;border:1px dashed #c9ced6;color:#5b6475;font-size:1.05rem}
details{font-size:.85rem;color:#5b6475} [hidden]{display:none!important}
@media print{.filters,#chart .modebar{display:none} body{background:#fff} .event{break-inside:avoid}}
"""

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

# The event list is drawn lazily, a page at a time as the reader scrolls: a 10,000-event page opens at once.
# Entries are HTML escaped by Python; the script only places them. Marks are filtered by the event id each
# point (or each vertex of a line) carries in customdata, so every array of a trace stays aligned.
_SCRIPT = """
(function () {
  "use strict";
  var figure = JSON.parse(document.getElementById("figure-data").textContent);
  var items = JSON.parse(document.getElementById("items-data").textContent);
  var chart = document.getElementById("chart"), list = document.getElementById("events");
  var more = document.getElementById("more"), nothing = document.getElementById("nothing");
  var original = figure.data, PAGE = 60, shown = [], rendered = 0;
  function subset(value, keep, n) {
    if (Array.isArray(value) && value.length === n) { return value.filter(function (_, i) { return keep[i]; }); }
    if (value && typeof value === "object" && !Array.isArray(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = subset(value[k], keep, n); });
      return out;
    }
    return value;
  }
  function draw(visible) {
    var data = original.map(function (trace) {
      var ids = trace.customdata;
      if (!ids) { return trace; }
      var keep = ids.map(function (id) { return visible[id] === true; });
      return subset(trace, keep, ids.length);
    });
    if (chart._fullLayout) {  // labels fitted to the axes on screen, in the same draw (a second draw costs)
      data.forEach(function (trace) { if (isLabels(trace)) { trace.text = labelTexts(trace); } });
    }
    Plotly.react(chart, data, closeLanes(data), {responsive: true, displaylogo: false});
  }
  function closeLanes(data) {  // lanes the filters emptied are left out, so no lane looks empty
    var meta = figure.layout.meta, lanes = meta.lanes, used = lanes.map(function () { return false; });
    function laneOf(y) {
      for (var i = 0; i < lanes.length; i += 1) { if (y <= lanes[i][0] + 0.5 && y > lanes[i][0] - lanes[i][1]) { return i; } }
      return -1;
    }
    data.forEach(function (trace) {
      if (trace.name === "spans" || trace.name === "points") {
        trace.y.forEach(function (y) { if (y !== null) { used[laneOf(y)] = true; } });
      }
    });
    var shift = [], top = 0, ticks = [], names = [], bands = [];
    lanes.forEach(function (lane, i) {
      shift.push(-top - lane[0]);
      if (!used[i]) { return; }
      ticks.push(-top);
      names.push(figure.layout.yaxis.ticktext[i]);
      if (names.length % 2 === 1) {
        bands.push({type: "rect", xref: "paper", x0: 0, x1: 1, yref: "y", y0: -top + 0.5, y1: -top - lane[1] + 0.5,
                    fillcolor: "#f3f5f8", line: {width: 0}, layer: "below"});
      }
      top += lane[1] + 0.5;
    });
    data.forEach(function (trace) {
      if (trace.customdata && trace.y) {
        trace.y = trace.y.map(function (y) { return y === null ? null : y + shift[laneOf(y)]; });
      }
    });
    var layout = Object.assign({}, figure.layout);
    layout.yaxis = Object.assign({}, figure.layout.yaxis, {tickvals: ticks, ticktext: names, range: [-top + 0.2, 0.8]});
    layout.shapes = bands.concat((figure.layout.shapes || []).filter(function (s) { return s.yref !== "y"; }));
    layout.height = Math.round(meta.base_px + meta.row_px * top);
    return layout;
  }
  function renderMore() {
    var stop = Math.min(rendered + PAGE, shown.length), parts = [];
    for (var i = rendered; i < stop; i += 1) { parts.push(shown[i].html); }
    list.insertAdjacentHTML("beforeend", parts.join(""));
    rendered = stop;
  }
  function fill() {
    while (rendered < shown.length && more.getBoundingClientRect().top < window.innerHeight + 800) { renderMore(); }
  }
  function apply() {
    var outlet = document.getElementById("f-outlet").value;
    var name = document.getElementById("f-name").value;
    var text = document.getElementById("f-text").value.trim().toLowerCase();
    var from = document.getElementById("f-from").value;
    var to = document.getElementById("f-to").value;
    var visible = {};
    shown = items.filter(function (item) {
      var ok = (!outlet || item.outlets.indexOf(outlet) >= 0) && (!name || item.names.indexOf(name) >= 0) &&
        (!text || item.search.indexOf(text) >= 0) && (!from || item.end.slice(0, 10) > from) &&
        (!to || item.begin.slice(0, 10) <= to);
      visible[item.id] = ok;
      return ok;
    });
    var hidden = items.length - shown.length;
    document.getElementById("count").textContent = shown.length + " of " + items.length + " events shown" +
      (hidden ? " \\u00b7 the filters hide " + hidden : "");
    list.textContent = "";
    rendered = 0;
    renderMore();
    fill();
    nothing.hidden = shown.length > 0 || items.length === 0;
    chart.hidden = shown.length === 0 && items.length > 0;
    if (!chart.hidden) { draw(visible); }
  }
  function escapeHtml(text) {  // Plotly reads chart text as HTML: labels are article text
    return text.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function shorten(label, chars) {
    if (label.length <= chars) { return label; }
    var cut = label.slice(0, chars), space = cut.lastIndexOf(" ");
    return (space > 0 ? cut.slice(0, space) : cut).replace(/[,;:\u2013-]+$/, "") + "\u2026";
  }
  function labelTexts(trace) {  // each label shortened to the room its bar has on screen now, or none
    var meta = figure.layout.meta, axis = chart._fullLayout[trace.xaxis === "x2" ? "xaxis2" : "xaxis"];
    return trace.meta.map(function (label, i) {
      var begin = axis.d2c(trace.base[i]);
      var chars = Math.floor((axis.c2p(begin + trace.x[i]) - axis.c2p(begin) - 6) / meta.char_px);
      return chars >= meta.min_chars ? escapeHtml(shorten(label, chars)) : "";
    });
  }
  function isLabels(trace) { return trace.name === "labels" && trace.meta; }
  function relabel() {  // after a zoom: more room, more labels
    chart.data.forEach(function (trace, index) {
      if (!isLabels(trace)) { return; }
      var text = labelTexts(trace);
      if (text.join("\u0001") !== (trace.text || []).join("\u0001")) { Plotly.restyle(chart, {text: [text]}, [index]); }
    });
  }
  ["f-outlet", "f-name", "f-text", "f-from", "f-to"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", apply);
  });
  window.addEventListener("scroll", fill, {passive: true});
  apply();
  chart.on("plotly_relayout", relabel);
  chart.on("plotly_click", function (event) {
    var id = event.points[0].customdata;
    var at = shown.findIndex(function (item) { return item.id === id; });
    while (at >= rendered) { renderMore(); }
    var el = list.children[at];
    if (el) { el.scrollIntoView({behavior: "smooth", block: "center"}); }
  });
})();
"""
