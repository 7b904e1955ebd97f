"""The Streamlit page, run headless with AppTest: loads the seeds, edits a date, filters, survives bad input."""

from __future__ import annotations

import base64
import re
from datetime import date, timedelta

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()


def event_table(app):
    return app.dataframe[0].value


def days(table) -> set[str]:
    return set(table["begin"].dt.strftime("%Y-%m-%d"))


def test_opens_on_the_seed_events(app):
    assert not app.exception
    assert app.markdown[0].value.startswith("**5** articles")
    table = event_table(app)
    assert len(table) >= 20 and "2023-11-22" in days(table)
    assert "Wed 22 Nov 2023" in set(table["when"]), "dates in words"
    assert any("Netanyahu telegraphed" in title for title in table["title"])


def test_editing_a_publication_date_moves_its_events(app):
    before = event_table(app)
    assert "2015-05-31" in days(before)  # 002's "Sunday", published Sunday 31 May 2015
    picker = app.selectbox(key="edit_article")
    title = "ISIS Offshoot Says It Killed Hamas Commander In Gaza (Islamic Invitation Turkey (repost of an " \
            "unidentified report))"
    assert title in picker.options, "articles are chosen by title"
    picker.set_value("002_98b79be4e6be6d6c")
    app.date_input(key="edit_date").set_value(date(2015, 6, 10))
    app.button[[b.label for b in app.button].index("Apply")].click().run()
    assert not app.exception
    after = event_table(app)
    assert "2015-06-07" in days(after) and "2015-05-31" not in days(after)
    articles = app.dataframe[1].value.set_index("id")
    assert articles.loc["002_98b79be4e6be6d6c", "published_source"] == "edited"
    assert list(app.dataframe[1].value.columns[:3]) == ["title", "outlet", "published"], "the date is in view"
    assert any("set to Wed 10 Jun 2015" in s.value for s in app.success), "the change is confirmed"


def overview_ids(app) -> set[str]:
    """The events the overview draws: its marks' ids (unescaped: ids are plain)."""
    image = next(h.proto.body for h in app.get("html") if "timeline-overview" in h.proto.body)
    svg = base64.b64decode(re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', image).group(1)).decode()
    return set(re.findall(r'class="mark" data-id="([^"]+)"', svg))


def test_the_overview_comes_before_the_chart_and_follows_the_filters(app):
    kinds = [("overview" if "timeline-overview" in getattr(e, "proto", None).body else e.type) if e.type == "html"
             else e.type for e in app.tabs[0]]
    assert kinds.index("overview") < kinds.index("plotly_chart"), "the light drawing is sent first"
    assert len(overview_ids(app)) == len(event_table(app)), "every event shown has its mark"
    app.text_input(key="search").set_value("Kassab").run()
    assert len(overview_ids(app)) == len(event_table(app)) < 20


def test_a_filter_narrows_the_table(app):
    total = len(event_table(app))
    app.text_input(key="search").set_value("Kassab").run()
    narrowed = event_table(app)
    assert 0 < len(narrowed) < total
    assert all("Kassab" in t or "assassination" in t or "strike" in t.lower() for t in narrowed["title"])
    assert f"of {total} events shown" in app.markdown[0].value


def test_bad_input_is_reported_and_the_rest_still_loads(app, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.jsonl").write_text('{"text": "Rebels took Orla on June 2, 2022."}\n{oops\n')
    app.text_input(key="folder").set_value(str(tmp_path)).run()
    assert not app.exception
    errors = " ".join(e.value for e in app.error)
    assert "empty.txt: empty file" in errors and "malformed JSON on line 2" in errors
    assert app.markdown[0].value.startswith("**6** articles")
    assert "2022-06-02" in days(event_table(app))


def test_opens_a_project_store_and_filters_it_in_sql(app, tmp_path):
    from timeline.filters import EventFilter
    from timeline.store import Store

    path = tmp_path / "project.duckdb"
    store = Store(path)
    store.build([ROOT / "seeds"])
    stored_events = len(store.events())  # hypothetical ones hidden, and not counted among the timeline's
    store.close()
    app.text_input(key="store").set_value(str(path)).run()
    assert not app.exception
    assert len(event_table(app)) == stored_events
    assert f"**{stored_events}** of {stored_events} events shown" in app.markdown[0].value
    assert "store" in app.markdown[0].value
    app.text_input(key="search").set_value("Kassab").run()
    narrowed = event_table(app)
    reader = Store(path, read_only=True)
    expected = reader.events(EventFilter(text="Kassab"))
    reader.close()
    assert 0 < len(narrowed) < stored_events
    assert list(narrowed["title"]) == list(expected["title"])
    warning = " ".join(w.value for w in app.warning)
    assert f"hide {stored_events - len(narrowed)} of {stored_events} events: " in warning
    assert "without the search words" in warning, "a store says what each filter hides, as the in-memory page does"


def test_opening_an_event_shows_its_evidence_and_explanation(app):
    picker = app.selectbox(key="open_event")
    index = next(i for i, label in enumerate(picker.options) if "Netanyahu telegraphed" in label)
    picker.select_index(index).run()
    assert not app.exception
    assert any("Netanyahu telegraphed" in h.value for h in app.subheader)
    detail = " ".join(m.value for m in app.markdown)
    assert "**Wed 22 Nov 2023** (exact day) · as written: “Nov\\. 22”" in detail, "the date in words and as written"
    assert "**Nov\\. 22**" in detail, "the date words are highlighted in the evidence"
    assert "**Asharq Al\\-Awsat** · *Israel plans to kill Hamas leaders around the world after war* · Fri 1 Dec 2023" \
        in detail, "outlet, title and publication date"
    assert "seeds/" not in detail and ".txt" not in detail, "never a local file path"
    outside = " ".join(m.value for m in app.markdown if "TIMEX3" not in m.value)
    assert "2023-11-22" not in outside, "the TIMEX3 value only in the advanced part"
    assert any("TIMEX3 value `2023-11-22`" in m.value for m in app.markdown)


def write_story(folder, year: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"story{year}.txt").write_text(f"Title: Port reopens\nPublished: {year}-03-02\n\nThe Orla port reopened "
                                             f"on March 1, {year}, after a long closure.\n", encoding="utf-8")


def test_the_date_range_follows_new_articles(app, tmp_path):
    write_story(tmp_path, 2025)
    app.text_input(key="folder").set_value(str(tmp_path)).run()
    assert not app.exception
    assert app.date_input(key="dates").value[1] >= date(2025, 3, 1), "the range widened to the new article"
    assert "2025-03-01" in days(event_table(app)), "the new event is not hidden"
    assert not app.warning


def test_a_range_the_reader_chose_is_kept_and_the_page_says_what_it_hides(app, tmp_path):
    app.date_input(key="dates").set_value((date(2023, 1, 1), date(2024, 12, 31))).run()
    write_story(tmp_path, 2025)
    app.text_input(key="folder").set_value(str(tmp_path)).run()
    assert app.date_input(key="dates").value == (date(2023, 1, 1), date(2024, 12, 31))
    assert "2025-03-01" not in days(event_table(app))
    warning = " ".join(w.value for w in app.warning)
    assert "The filters hide" in warning and "outside the dates" in warning
    app.button[[b.label for b in app.button].index("Show all dates")].click().run()
    assert "2025-03-01" in days(event_table(app))


def test_nothing_matching_is_said_plainly(app):
    app.text_input(key="search").set_value("no such words anywhere").run()
    assert not app.exception
    assert any("No events match the filters" in i.value for i in app.info)
    assert not app.get("plotly_chart"), "no empty chart with meaningless axes"


def test_a_served_dashboard_reads_only_its_data_folder(monkeypatch, tmp_path):
    allowed = tmp_path / "data"
    write_story(allowed / "stories", 2025)
    secret = tmp_path / "private"
    write_story(secret, 2024)
    monkeypatch.setenv("TIMELINE_DATA_FOLDER", str(allowed))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    for refused in (str(secret), "../private", "/etc"):
        app.text_input(key="folder").set_value(refused).run()
        errors = " ".join(e.value for e in app.error)
        assert "Folder refused" in errors and "outside the data folder" in errors, refused
        assert app.markdown[0].value.startswith("**5** articles")
    app.text_input(key="folder").set_value("stories").run()
    assert not app.error and app.markdown[0].value.startswith("**6** articles")
    app.text_input(key="store").set_value(str(secret / "x.duckdb")).run()
    assert any("Store refused" in e.value for e in app.error)


def test_the_projects_streamlit_config_sends_no_usage_statistics():
    import subprocess
    import sys

    probe = ("import streamlit.config as c; c.get_config_options(force_reparse=True); "
             "print(c.get_option('browser.gatherUsageStats'))")
    here = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert here.stdout.strip() == "False", "the project's .streamlit/config.toml turns usage statistics off"


def test_a_big_timeline_charts_its_most_important_events_and_says_so(app, tmp_path):
    import csv
    import json

    with (tmp_path / "many.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "published", "text"])
        for number in range(260):
            day = date(2023, 1, 1) + timedelta(days=2 * number)  # a day of its own: nothing merges
            writer.writerow([f"Story {number}", "2024-12-31",
                             f"Convoy {number} reached the crossing on {day.day} {day:%B %Y}."])
    app.text_input(key="folder").set_value(str(tmp_path)).run()
    assert not app.exception
    total = len(event_table(app))
    assert total > 200
    assert any(f"show the 200 most important of {total} events" in i.value for i in app.info)
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    drawn = {i for t in spec["data"] if t.get("name") in ("spans", "points") for i in t["customdata"]}
    assert len(drawn) == 200
    assert overview_ids(app) == drawn, "the overview draws the charted events"
