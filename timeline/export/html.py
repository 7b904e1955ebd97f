"""The standalone HTML timeline: one file, works offline, safe with hostile article text.

All article-provided text is escaped; only http(s) URLs become links; data
reaches the page's script as JSON inside <script type="application/json">
with '<' escaped, so no article text can close the tag or run. A Content
Security Policy forbids every network request.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
from plotly.offline import get_plotlyjs

from ..safe_text import escape_html
from ..viz import figure
from .links import safe_link

_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")
_DATE_FORMATS = {"century": "%Y (century)", "decade": "%Y (decade)", "year": "%Y", "half": "%b %Y", "quarter": "%b %Y",
                 "season": "%b %Y", "month": "%B %Y", "week": "week of %d %b %Y", "weekend": "weekend of %d %b %Y",
                 "day": "%a %d %b %Y", "part_of_day": "%a %d %b %Y", "hour": "%d %b %Y %H:00",
                 "minute": "%d %b %Y %H:%M"}


def json_for_script(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


def display_date(row: dict) -> str:
    text = row["begin"].strftime(_DATE_FORMATS.get(row["precision"], "%d %b %Y"))
    if row["precision"] == "decade":
        text = f"{row['begin'].year}s"
    elif row["precision"] == "century":
        text = f"{row['begin'].year // 100 + 1}th century"
    if row.get("mod") in ("START", "MID", "END"):
        text = {"START": "early ", "MID": "mid-", "END": "late "}[row["mod"]] + text
    return text


def highlighted_sentence(source: dict) -> str:
    """The evidence sentence, escaped, with the date words in <mark>."""
    sentence = source["sentence"]
    start = source["date_span"][0] - source["sentence_span"][0]
    end = source["date_span"][1] - source["sentence_span"][0]
    if not 0 <= start <= end <= len(sentence):
        return escape_html(sentence)
    return (escape_html(sentence[:start]) + "<mark>" + escape_html(sentence[start:end]) + "</mark>"
            + escape_html(sentence[end:]))


def _source_html(source: dict) -> str:
    label = escape_html(source["outlet"] or source["title"] or source["article_id"])
    link = safe_link(source["url"])
    where = (f'<a href="{escape_html(link)}" rel="noopener noreferrer" target="_blank">{label}</a>' if link
             else f'{label} <span class="file">({escape_html(source["origin"])})</span>')
    return f'<li>{where}: <q>{highlighted_sentence(source)}</q></li>'


def _event_html(row: dict) -> str:
    sources = "".join(_source_html(s) for s in row["sources"])
    outlets = json.dumps(row["outlets"], ensure_ascii=False)
    names = json.dumps(row["names"], ensure_ascii=False)
    search = " ".join([row["title"], row["sentence"], *row["outlets"], *row["names"]]).lower()
    flags = (' <span class="flag conflict">conflicting dates</span>' if row["conflict"] else "") + \
            (' <span class="flag weak">low confidence</span>' if row["confidence"] < 0.5 else "")
    n = row["n_sources"]
    return (
        f'<article class="event" data-id="{escape_html(row["id"])}" data-outlets="{escape_html(outlets)}" '
        f'data-names="{escape_html(names)}" data-begin="{row["begin"].isoformat()}" '
        f'data-end="{row["end"].isoformat()}" data-search="{escape_html(search)}">'
        f'<div class="when">{escape_html(display_date(row))}</div>'
        f'<div class="what"><h3>{escape_html(row["title"])}</h3>'
        f'<p class="meta">{n} source{"s" if n != 1 else ""} · {escape_html(row["precision"])} precision{flags}</p>'
        f'<ul class="sources">{sources}</ul>'
        f'<details><summary>How this date was worked out</summary><p>{escape_html(row["explanation"])}</p></details>'
        f'</div></article>')


def render(events: pd.DataFrame, title: str = "Timeline", n_articles: int | None = None) -> str:
    """The whole page as a string."""
    rows = events.sort_values(["begin", "score"], ascending=[True, False]).to_dict("records")
    fig = figure(events)
    outlets = sorted({o for row in rows for o in row["outlets"]})
    names = sorted({n for row in rows for n in row["names"]}, key=str.lower)
    span = (f'{display_date(rows[0])} – {display_date(max(rows, key=lambda r: r["end"]))}' if rows else "no dates")
    built = datetime.now(UTC).strftime("%d %b %Y %H:%M UTC")
    summary = (f'{n_articles if n_articles is not None else len({s["article_id"] for r in rows for s in r["sources"]})}'
               f' articles · {len(rows)} events · {escape_html(span)} · built {built}')
    return _PAGE.format(
        csp=_CSP, title=escape_html(title), summary=summary, style=_STYLE,
        outlet_options=_options(outlets), name_options=_options(names),
        events="".join(_event_html(r) for r in rows) or '<p class="empty">No dated events.</p>',
        plotly=get_plotlyjs(), figure=json_for_script(json.loads(fig.to_json())), script=_SCRIPT,
    )


def _options(values: list[str]) -> str:
    return "".join(f'<option value="{escape_html(v)}">{escape_html(v)}</option>' for v in values)


def write_html(events: pd.DataFrame, path: str, title: str = "Timeline", n_articles: int | None = None) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render(events, title, n_articles))


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
mark{background:#ffe9a8;padding:0 .1em} .file{color:#5b6475;font-size:.85em}
.flag{border-radius:3px;padding:0 .3em;font-size:.8em}
.conflict{background:#fbe0d2;color:#8a2f00} .weak{background:#eee;color:#555}
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
<div id="chart"></div>
<main><p class="count" id="count"></p><section id="events">{events}</section></main>
<script>{plotly}</script>
<script type="application/json" id="figure-data">{figure}</script>
<script>{script}</script>
</body></html>
"""

_SCRIPT = """
(function () {
  "use strict";
  var figure = JSON.parse(document.getElementById("figure-data").textContent);
  var chart = document.getElementById("chart");
  var items = Array.prototype.slice.call(document.querySelectorAll("#events .event"));
  var original = figure.data;
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
      var ids = trace.customdata || [];
      var keep = ids.map(function (id) { return visible[id] === true; });
      return subset(trace, keep, ids.length);
    });
    Plotly.react(chart, data, figure.layout, {responsive: true, displaylogo: false});
  }
  function apply() {
    var outlet = document.getElementById("f-outlet").value;
    var name = document.getElementById("f-name").value;
    var text = document.getElementById("f-text").value.trim().toLowerCase();
    var from = document.getElementById("f-from").value;
    var to = document.getElementById("f-to").value;
    var visible = {}, shown = 0;
    items.forEach(function (el) {
      var ok = (!outlet || JSON.parse(el.dataset.outlets).indexOf(outlet) >= 0) &&
        (!name || JSON.parse(el.dataset.names).indexOf(name) >= 0) &&
        (!text || el.dataset.search.indexOf(text) >= 0) &&
        (!from || el.dataset.end.slice(0, 10) > from) &&
        (!to || el.dataset.begin.slice(0, 10) <= to);
      el.hidden = !ok;
      visible[el.dataset.id] = ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("count").textContent = shown + " of " + items.length + " events shown";
    draw(visible);
  }
  ["f-outlet", "f-name", "f-text", "f-from", "f-to"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", apply);
  });
  apply();
  chart.on("plotly_click", function (event) {
    var id = event.points[0].customdata;
    var el = document.querySelector('#events .event[data-id="' + (window.CSS ? CSS.escape(id) : id) + '"]');
    if (el) { el.scrollIntoView({behavior: "smooth", block: "center"}); }
  });
})();
"""
