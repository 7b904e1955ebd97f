"""Start the dashboard with its heavy modules already loaded: `python -m timeline.serve [streamlit options]`.

Streamlit runs ``app.py`` inside the server's own process, so whatever the server has imported before it starts
listening is in memory when the first reader opens the page. Started with ``streamlit run app.py``, that first
reader waits while pandas, Plotly and this package load and Plotly builds its first figure
(benchmarks/README.md, "Fifth session"). The warm-up runs a made-up two-sentence article through the same steps,
never the seeds or the reader's articles: it loads code, it computes nothing the reader will see.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"
WARM_UP = ("The bridge reopened to traffic on March 3, 2024, after two years of repairs. Officials said on Monday "
           "that the old ferry would stop running next week.")


def warm_up() -> None:
    """Take a small article through what the dashboard's first run does (reading a text file, tagging, events,
    the filter table, dates in words, the layout, the overview, the figure and its JSON, the page icon): each first call in a
    process pays lazy imports and compiled rules."""
    import plotly.io
    import pyarrow  # noqa: F401  (Streamlit sends tables as Arrow)
    import streamlit.emojis  # noqa: F401  (the page icon is looked up in it before the first run sends anything)

    from timeline.chart_layout import place
    from timeline.chart_style import SourceColours
    from timeline.dashboard_text import event_choices, for_display
    from timeline.export import render  # noqa: F401  (the dashboard imports the exports)
    from timeline.filters import EventFilter, events_in_duckdb, facets
    from timeline.ingest.manual import load_uploads
    from timeline.overview import overview
    from timeline.parallel import process_article
    from timeline.pipeline import assemble
    from timeline.viz import figure

    story = f"Title: Warm-up\nPublished: 10 March 2024\n\n{WARM_UP}\n".encode()
    ingested = load_uploads([("warm-up.txt", story)])
    timeline = assemble(ingested.articles, ingested.report, lambda articles: map(process_article, articles))
    shown = for_display(timeline.events)
    db = events_in_duckdb(shown)
    facets(db)
    event_choices(shown.iloc[EventFilter().positions(db)])
    placed = place(shown)
    overview(shown, placed, SourceColours())
    plotly.io.to_json(figure(shown, placed=placed), validate=False)


def main(argv: list[str] | None = None) -> None:
    """Warm up, then hand over to ``streamlit run app.py`` in this same process."""
    warm_up()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
