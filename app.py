"""Streamlit dashboard: `streamlit run app.py`. A thin shell over the timeline package API."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline import build
from timeline.export import render
from timeline.viz import figure

SEEDS = Path(__file__).parent / "seeds"

st.set_page_config(page_title="timeline", page_icon="🗓️", layout="wide")


@st.cache_data(show_spinner="Reading articles and resolving dates…")
def seed_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    timeline = build([SEEDS])
    return timeline.events, timeline.articles, timeline.mentions, timeline.report


@st.cache_data(show_spinner="Reading uploaded articles…")
def uploaded_tables(files: tuple[tuple[str, bytes], ...]) -> tuple[pd.DataFrame, ...]:
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files:
            (Path(folder) / Path(name).name).write_bytes(data)
        timeline = build([SEEDS, Path(folder)])
        report = timeline.report
        report["input"] = report["input"].str.replace(folder + "/", "upload: ", regex=False)
        return timeline.events, timeline.articles, timeline.mentions, report


st.title("timeline")
st.caption("Dated, source-linked events from news articles. Every date shows the words it came from and how it was worked out.")

with st.sidebar:
    st.header("Articles")
    uploads = st.file_uploader("Add articles (.txt, .md, .json, .jsonl, .csv)", accept_multiple_files=True)
    lanes = st.radio("Lanes", ["source", "name", "auto"], horizontal=True)

if uploads:
    events, articles, mentions, report = uploaded_tables(tuple((f.name, f.getvalue()) for f in uploads))
else:
    events, articles, mentions, report = seed_tables()

skipped = report[report["status"] != "loaded"]
for row in skipped.itertuples():
    st.warning(f"Skipped {row.input}: {row.reason}")

st.markdown(f"**{len(articles)}** articles · **{len(events)}** events · **{len(mentions)}** date expressions")
chart = st.plotly_chart(figure(events, lanes), width="stretch", on_select="rerun", key="chart")

selected = [p.get("customdata") for p in (chart.selection.points if chart and chart.selection else [])]
if selected:
    for event in events[events["id"].isin(selected)].itertuples():
        with st.container(border=True):
            st.subheader(event.title)
            st.write(f"“{event.date_text}” → **{event.value}** ({event.precision}). {event.explanation}")
            for source in event.sources:
                link = f" — [{source['url']}]({source['url']})" if source["url"].startswith(("http://", "https://")) else ""
                st.markdown(f"*{source['outlet'] or source['article_id']}*{link}")
                st.text(source["sentence"])

table = events.assign(
    date=events["begin"].dt.strftime("%Y-%m-%d"),
    link=events["urls"].map(lambda urls: urls[0] if urls else None),
    sources=events["outlets"].map(", ".join),
)[["date", "precision", "date_text", "title", "n_sources", "sources", "link", "confidence", "conflict"]]
st.dataframe(table, width="stretch", hide_index=True, column_config={
    "link": st.column_config.LinkColumn("link", display_text="open"),
    "n_sources": st.column_config.NumberColumn("sources #"),
})

st.download_button("Download the HTML timeline", render(events, "Timeline", len(articles)),
                   file_name="timeline.html", mime="text/html")

with st.expander("Articles and their publication dates"):
    st.dataframe(articles[["id", "title", "outlet", "published", "published_source", "dates_found", "unresolved"]],
                 width="stretch", hide_index=True)
with st.expander("Ingest report"):
    st.dataframe(report, width="stretch", hide_index=True)
