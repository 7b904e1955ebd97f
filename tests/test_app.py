"""The Streamlit page, run headless with AppTest: loads the seeds, edits a date, filters, survives bad input."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()


def event_table(app):
    return app.dataframe[0].value


def test_opens_on_the_seed_events(app):
    assert not app.exception
    assert app.markdown[0].value.startswith("**5** articles")
    table = event_table(app)
    assert len(table) >= 20 and "2023-11-22" in set(table["date"])
    assert any("Netanyahu telegraphed" in title for title in table["title"])


def test_editing_a_publication_date_moves_its_events(app):
    before = event_table(app)
    assert "2015-05-31" in set(before["date"])  # 002's "Sunday", published Sunday 31 May 2015
    app.selectbox(key="edit_article").set_value("002_98b79be4e6be6d6c")
    app.date_input(key="edit_date").set_value(date(2015, 6, 10))
    app.button[[b.label for b in app.button].index("Apply")].click().run()
    assert not app.exception
    after = event_table(app)
    assert "2015-06-07" in set(after["date"]) and "2015-05-31" not in set(after["date"])
    articles = app.dataframe[1].value.set_index("id")
    assert articles.loc["002_98b79be4e6be6d6c", "published_source"] == "edited"


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
    assert "2022-06-02" in set(event_table(app)["date"])


def test_opens_a_project_store_and_filters_it_in_sql(app, tmp_path):
    from timeline.filters import EventFilter
    from timeline.store import Store

    path = tmp_path / "project.duckdb"
    store = Store(path)
    store.build([ROOT / "seeds"])
    stored_events = store.counts()["events"]
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


def test_opening_an_event_shows_its_evidence_and_explanation(app):
    picker = app.selectbox(key="open_event")
    index = next(i for i, label in enumerate(picker.options) if "Netanyahu telegraphed" in label)
    picker.select_index(index).run()
    assert not app.exception
    assert any("Netanyahu telegraphed" in h.value for h in app.subheader)
    detail = " ".join(m.value for m in app.markdown)
    assert "→ **2023-11-22** (day)" in detail, "the date as written and as resolved"
    assert "**Nov\\. 22**" in detail, "the date words are highlighted in the evidence"
