"""The Streamlit page, run headless with AppTest."""

from __future__ import annotations

from conftest import ROOT
from streamlit.testing.v1 import AppTest


def test_app_opens_on_the_seed_events():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not app.exception
    assert "**5** articles" in app.markdown[0].value
    table = app.dataframe[0].value
    assert len(table) >= 20
    assert "2023-11-22" in set(table["date"])
    assert any("Netanyahu telegraphed" in title for title in table["title"])
