"""Streamlit dashboard: `streamlit run app.py`. A thin shell over the timeline package API.

Opens on the bundled seed articles; add articles by upload, paste or folder;
correct publication dates; filter; open an event's evidence; download exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from timeline import Article, Event
from timeline.chart_layout import place
from timeline.chart_style import SourceColours
from timeline.dashboard_text import (
    by_article,
    date_line,
    event_choices,
    for_display,
    hidden_line,
    source_line,
    with_words,
)
from timeline.data_folder import OutsideDataFolder, confined, data_folder
from timeline.export import csv_text, json_text, render, timelinejs_text
from timeline.export.links import safe_link
from timeline.filters import HYPOTHETICAL_REASON, EventFilter, events_in_duckdb, facets
from timeline.human_dates import unit_words
from timeline.ingest import IngestResult
from timeline.ingest.manual import load_uploads, pasted_article, with_edited_dates
from timeline.overview import image_html, overview
from timeline.parallel import ArticleResult, process_article
from timeline.pipeline import Timeline, assemble
from timeline.safe_text import MARKDOWN, evidence, markdown_escape
from timeline.viz import figure

if TYPE_CHECKING:
    from timeline.store import Store

SEEDS = Path(__file__).parent / "seeds"
# Streamlit's chart takes about 10 ms per event in the browser (benchmarks/bench_dashboard.py): past this many,
# the overview and the chart show the most important events and say so. The exported page draws 10,000 at once.
CHART_LIMIT = 200
UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "json", "jsonl", "csv"]

st.set_page_config(page_title="timeline", page_icon="🗓️", layout="wide")


@st.cache_data(show_spinner=False, max_entries=20000)
def process_cached(article: Article) -> ArticleResult:
    """The per-article work cached by the article's content: filters and edits redraw without re-tagging."""
    return process_article(article)


@st.cache_data(show_spinner="Reading articles…")
def read_inputs(uploads: tuple[tuple[str, bytes], ...], folder: str, pasted: tuple[Article, ...]) -> IngestResult:
    return load_uploads(uploads, [SEEDS], [*([Path(folder)] if folder else []), *pasted])


@st.cache_resource
def open_store(path: str) -> Store:
    from timeline.store import Store  # DuckDB is imported when a store is opened, not on every first view

    return Store(path, read_only=True)


def cached_results(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """The dashboard's executor of the per-article step: from the cache, with a progress bar for big uploads."""
    articles = list(articles)
    bar = st.progress(0.0, text="Finding dates…") if len(articles) > 20 else None
    for done, article in enumerate(articles, 1):
        yield process_cached(article)
        if bar:
            bar.progress(done / len(articles), text=f"Finding dates… {done}/{len(articles)} articles")
    if bar:
        bar.empty()


def build_timeline(ingested: IngestResult, edits: dict[str, date]) -> Timeline:
    return assemble(with_edited_dates(ingested.articles, edits), ingested.report, cached_results)


def zoomed_events(drawn: pd.DataFrame) -> pd.DataFrame:
    """The events the chart draws: those overlapping the dates last box-selected on it, all when none. Plotly's
    own zoom only stretches a drawing whose labels were cut for the whole timeline; drawn again for the dates
    chosen, the chart has room for more labels (a drag in select mode would take clicks' selections away, so
    selecting stays a tool of the chart's bar). A "Whole timeline" button above the chart shows everything again."""
    boxes = (state.get(f"chart{state.zoom_step}") or {}).get("selection", {}).get("box", [])
    if boxes and boxes[-1].get("xref", "x") == "x" and len(boxes[-1].get("x", ())) == 2:  # the story's dates
        state.zoom = tuple(sorted(pd.Timestamp(x) for x in boxes[-1]["x"]))
        state.zoom_step += 1
    if state.zoom is None:
        return drawn
    begin, end = state.zoom
    zoomed = drawn[(drawn["begin"] <= end) & (drawn["end"] >= begin)]
    left, right = st.columns([5, 1])
    left.caption(f"Zoomed in on {begin:%-d %b %Y} – {end:%-d %b %Y}: {len(zoomed)} of {len(drawn)} events; the "
                 f"overview above shows them all.")
    right.button("Whole timeline", on_click=zoom_out)
    return zoomed if not zoomed.empty else drawn


def zoom_out() -> None:
    state.zoom, state.zoom_step = None, state.zoom_step + 1


def drawing(shown: pd.DataFrame, lanes: str, kind: str):
    """The overview (SVG) or the interactive chart (Plotly) of the events shown, both from their one layout, each
    made when first asked for (the overview is sent before the chart is built); the last few are kept, so going
    back to a filter redraws at once."""
    key = (state.get("built_for"), store_path, lanes, tuple(shown["id"]))
    drawings = state.setdefault("drawings", {})
    if key not in drawings:
        drawings[key] = {"placed": place(shown, lanes)}
        while len(drawings) > 6:
            drawings.pop(next(iter(drawings)))
    made = drawings[key]
    if kind not in made:
        made[kind] = (image_html(overview(shown, made["placed"], state.colours), len(shown)) if kind == "overview"
                      else figure(shown, lanes, colours=state.colours, placed=made["placed"]))
    return made[kind]


state = st.session_state
state.setdefault("zoom", None)  # the chart's dates dragged across, (begin, end), until the reader zooms out
state.setdefault("zoom_step", 0)  # the chart's key: a new one forgets its box, so a zoom is taken once
# A session's first run sends the overview without the interactive chart, then reruns at once to add it: the browser
# paints the overview before it asks for Plotly's 4.7 MB script, whose parsing (1.5-2 s of its main thread) otherwise
# delayed the first view by as much when it came first.
first_run = not state.get("chart_ready", False)
# The overview's HTML element needs code the browser loads on demand: asked for by an empty snippet at once, it is
# there when the overview arrives, rather than racing Plotly's script for the browser's main thread.
warm_up = st.empty()
warm_up.html("<span></span>")
state.setdefault("pasted", [])
state.setdefault("edits", {})
state.setdefault("colours", SourceColours())  # a source keeps its colour for the whole session
ROOT = data_folder()

# -- sidebar: add articles, filters ---------------------------------------------------------
with st.sidebar:
    st.header("Add articles")
    uploads = st.file_uploader("Upload articles", type=UPLOAD_TYPES, accept_multiple_files=True,
                               help="Text, Markdown, HTML pages, JSON, JSONL or CSV; many at once.")
    with st.expander("Paste an article"):
        with st.form("paste", clear_on_submit=True):
            pasted_title = st.text_input("Title")
            pasted_url = st.text_input("URL")
            pasted_date = st.date_input("Published", value=None)
            pasted_text = st.text_area("Text")
            if st.form_submit_button("Add article"):
                if not pasted_text.strip():
                    st.error("The pasted article has no text; nothing was added.")
                else:
                    state.pasted.append(pasted_article(len(state.pasted) + 1, pasted_text, pasted_title, pasted_url,
                                                       pasted_date))
    where = f"inside {ROOT}" if ROOT else "on this computer"
    folder = st.text_input(f"Read a folder ({where})", placeholder="articles/", key="folder")
    store_path = st.text_input("Open a project store (.duckdb)", placeholder="project.duckdb", key="store",
                               help="Made by `timeline build … --db FILE`; filtered in SQL, not loaded whole.").strip()


def checked_path(text: str, kind: str, exists) -> str:
    """The path if it is allowed and exists; otherwise say why and return ''."""
    if not text.strip():
        return ""
    try:
        path = confined(text.strip(), ROOT)
    except OutsideDataFolder as refusal:
        st.error(f"{kind} refused: {refusal}")
        return ""
    if not exists(path):
        st.error(f"{kind} not found: {text.strip()}")
        return ""
    return str(path)


folder_path = checked_path(folder, "Folder", Path.is_dir)
store_path = checked_path(store_path, "Store", Path.is_file)

store = open_store(store_path) if store_path else None
if store is not None:
    offered = store.facets()
    articles, report = store.articles_frame(), store.report_frame()
    mention_count = store.counts()["mentions"]
else:
    # The timeline and its tables are rebuilt only when the inputs or the date edits change; filters reuse them.
    inputs_key = (tuple((f.name, f.size, f.file_id) for f in uploads or []), folder_path, len(state.pasted),
                  tuple(sorted(state.edits.items())))
    if state.get("built_for") != inputs_key:
        ingested = read_inputs(tuple((f.name, f.getvalue()) for f in uploads or []), folder_path, tuple(state.pasted))
        built = build_timeline(ingested, state.edits)
        shown_names = for_display(built.events)
        # the filter columns copied into DuckDB once per build: each filter change is then one query
        state.built = (shown_names, built.articles, built.report, built.mentions, events_in_duckdb(shown_names),
                       {e.id: e for e in built.event_list})
        state.built_for = inputs_key
    events, articles, report, mentions, events_db, events_by_id = state.built
    offered = facets(events_db)
    mention_count = len(mentions)
event_count = offered.events
warm_up.empty()

with st.sidebar:
    st.header("Filter")
    lanes = st.radio("Lanes", ["source", "name"], horizontal=True, help="One lane per source, or per name")
    text = st.text_input("Search words", key="search")
    if offered.first is not None:
        first, last = offered.first.date(), (offered.last - pd.Timedelta(microseconds=1)).date()
        # The range follows the data (new articles widen it) until the reader sets one of their own.
        if state.pop("all_dates", False) or len(state.get("dates", ())) != 2 or state.dates == state.get("data_span"):
            state.dates = (first, last)
        state.data_span = (first, last)
        # Fixed bounds: bounds that moved with the data would make Streamlit reset the reader's range.
        span = st.date_input("Dates", min_value=date(1, 1, 1), max_value=date(9999, 12, 31), key="dates")
        if tuple(span) != (first, last) and st.button("Show all dates"):
            state.all_dates = True
            st.rerun()
    else:
        span = ()
    outlets = st.multiselect("Sources", offered.outlets)
    names = st.multiselect("Names", offered.names)
    precisions = st.multiselect("Precision", offered.precisions)
    confidence = st.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.1)
    conflicts = st.checkbox("Conflicts only")
    hypothetical = st.checkbox("Show hypothetical and conditional happenings", key="hypothetical",
                               help="What a report says would, could or might happen, or did not: off the timeline "
                                    "unless asked for")

chosen = EventFilter(start=span[0] if len(span) > 0 else None, end=span[1] if len(span) > 1 else None,
                     outlets=outlets, names=names, text=text, precisions=precisions, min_confidence=confidence,
                     conflicts_only=conflicts, hypothetical=hypothetical)
shown = with_words(store.events(chosen) if store is not None else events.iloc[chosen.positions(events_db)])
hidden_by = store.hidden_by(chosen) if store is not None else chosen.hidden(events_db)
# hypothetical happenings are off the timeline unless asked for: not counted among its events, but said to be there
hypothetical_count = hidden_by.pop(HYPOTHETICAL_REASON, 0)
event_count -= hypothetical_count
published = dict(zip(articles["id"], articles["published"], strict=True))

# -- main ----------------------------------------------------------------------------------------
st.title("timeline")
st.caption("Dated, source-linked events from news articles. Every date shows the words it came from and how it "
           "was worked out.")
skipped = report[report["status"] != "loaded"]
for row in skipped.itertuples():
    st.error(f"Skipped {row.input}: {row.reason}")
st.markdown(f"**{len(articles)}** articles · **{len(shown)}** of {event_count} events shown · "
            f"**{mention_count}** date expressions" + (f" · store {markdown_escape(store_path)}" if store else "")
            + (f" · {hypothetical_count} hypothetical or conditional happenings hidden (sidebar)"
               if hypothetical_count else ""))
if hidden := hidden_line(len(shown), event_count, hidden_by):
    st.warning(hidden)

tab_timeline, tab_dates, tab_report = st.tabs(["Timeline", "Publication dates", "Ingest report"])

with tab_timeline:
    if shown.empty:
        st.info("No events match the filters. Clear a filter, or choose “Show all dates”." if event_count
                else "No dated events yet: add articles in the sidebar.")
        chart = None
    else:
        drawn = shown.nlargest(CHART_LIMIT, "score").sort_index() if len(shown) > CHART_LIMIT else shown
        if len(drawn) < len(shown):
            st.info(f"The overview and the chart show the {len(drawn)} most important of {len(shown)} events (by "
                    f"score); the table below lists them all. Narrow the filters or the dates to chart the rest.")
        # The overview first: a plain SVG image the browser draws at once, while it still loads and parses Plotly's
        # script (about 2 s of its main thread) for the interactive chart below.
        st.html(drawing(drawn, lanes, "overview"))
        st.caption("Below, the same timeline to explore: to zoom in with more labels, pick “Box Select” (the dotted "
                   "square above the chart) and drag across some dates; hover over an event for its details, click "
                   "one to read its sources.")
        zoomed = zoomed_events(drawn)
        chart = None if first_run else st.plotly_chart(
            drawing(zoomed, lanes, "chart"), on_select="rerun", selection_mode=("points", "box"),
            key=f"chart{state.zoom_step}", config={"displaylogo": False})
    selected = {p.get("customdata") for p in (chart.selection.points if chart and chart.selection else [])}
    # the list holds the charted events: all 10,000 names were sent to the browser on every filter change
    by_label = event_choices(drawn if chart else shown)
    picked = st.selectbox("Open an event", list(by_label), index=None, key="open_event",
                          placeholder="Click an event on the chart, or choose one here" if len(by_label) == len(shown)
                          else f"Click an event on the chart, or choose one of the {len(by_label)} charted here")
    if picked:
        selected.add(by_label[picked])
    for event in shown[shown["id"].isin(selected)].to_dict("records"):
        with st.container(border=True):
            st.subheader(event["title"])
            st.markdown(date_line(event))
            for article_sources in by_article(event["sources"]):
                first = article_sources[0]
                st.markdown(source_line(first, published.get(first.article_id)))
                for source in article_sources:  # each sentence of this article that dates the event
                    st.markdown("> " + evidence(source, MARKDOWN))
                if safe_link(first.url):
                    st.link_button("Open the original article", safe_link(first.url))
            with st.expander("Advanced: how the date was worked out"):
                st.markdown(f"{markdown_escape(event['explanation'])}  \nTIMEX3 value `{event['value']}`"
                            + (f", mod `{event['mod']}`" if isinstance(event["mod"], str) else ""))

    table = shown.assign(
        link=shown["urls"].map(lambda urls: urls[0] if len(urls) else None),
        sources=shown["outlets"].map(", ".join),
    )[["when", "date_text", "title", "n_sources", "sources", "link", "confidence", "conflict", "begin"]]
    st.dataframe(table, hide_index=True, column_config={
        "when": st.column_config.TextColumn("date"),
        "date_text": st.column_config.TextColumn("as written"),
        "link": st.column_config.LinkColumn("link", display_text="open"),
        "n_sources": st.column_config.NumberColumn("sources #"),
        "begin": st.column_config.DatetimeColumn("sort by time", format="YYYY-MM-DD"),
    })
    columns = st.columns(4)  # files are made when clicked, from the events shown

    def exported() -> list[Event]:
        return store.event_list(chosen) if store is not None else [events_by_id[i] for i in shown["id"]]
    columns[0].download_button("HTML timeline", lambda: render(exported(), "Timeline", len(articles), published),
                               "timeline.html", "text/html", on_click="ignore")
    columns[1].download_button("CSV", lambda: csv_text(exported()), "events.csv", "text/csv", on_click="ignore")
    columns[2].download_button("JSON", lambda: json_text(exported()), "events.json", "application/json",
                               on_click="ignore")
    columns[3].download_button("TimelineJS", lambda: timelinejs_text(exported()), "timelinejs.json",
                               "application/json", on_click="ignore")

with tab_dates:
    st.dataframe(articles[["title", "outlet", "published", "published_source", "published_confidence", "dates_found",
                           "unresolved", "warnings", "id"]], hide_index=True, column_config={
        "published": st.column_config.DateColumn("published", format="ddd D MMM YYYY", pinned=True),
        "title": st.column_config.TextColumn("title", pinned=True)})
    if state.get("date_applied"):
        st.success(state.pop("date_applied"))
    if store is not None:
        st.info("Dates in a store are corrected by rebuilding it: `timeline build … --db FILE --published FILE=DATE`.")
    else:
        titles = {row.id: f"{row.title or row.id} ({row.outlet or 'unknown outlet'})" for row in articles.itertuples()}
        with st.form("edit-date"):
            st.markdown("**Correct a publication date**: the article's dates are resolved again at once.")
            article_id = st.selectbox("Article", list(titles), format_func=titles.get, key="edit_article")
            current = published.get(article_id) if article_id else None
            new_date = st.date_input("Published", value=current if isinstance(current, date) else None,
                                     key="edit_date", min_value=date(1, 1, 1))
            if st.form_submit_button("Apply") and article_id and new_date:
                state.edits[article_id] = new_date
                state.date_applied = (f"Publication date of “{titles[article_id]}” set to "
                                      f"{unit_words(new_date, 'day')}; its dates were resolved again.")
                st.rerun()
    undated = articles[articles["published"].isna()]
    if not undated.empty and store is None:
        st.subheader("Needs attention")
        for row in undated.itertuples():
            left = mentions[(mentions["article_id"] == row.id) & ~mentions["resolved"]]["text"].tolist()
            st.warning(f"{markdown_escape(row.title or row.id)}: no publication date "
                       f"({markdown_escape(row.warnings or 'none found')}). "
                       f"Unresolved: {markdown_escape(', '.join(left)) or 'nothing'}")

with tab_report:
    st.dataframe(report, hide_index=True)
    if not pd.isna(report["status"]).all():
        st.caption(f"{(report['status'] == 'loaded').sum()} loaded, {len(skipped)} skipped")

if first_run:
    state.chart_ready = True
    st.rerun()
