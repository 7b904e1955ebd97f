"""The exported HTML timeline in a real headless Chromium: renders, filters, stays offline, runs no article text."""

from __future__ import annotations

from browser import ARTIFACTS, browser_page

from timeline import Article, build
from timeline.export import write_html


def chart_marks(page) -> int:
    """Marks drawn in the main plot (the range slider draws its own copy, not counted)."""
    return page.locator(".cartesianlayer .scatterlayer path.point").count() + page.locator(
        ".cartesianlayer .barlayer .point").count()


def test_seed_timeline_page(tmp_path, seed_timeline):
    path = tmp_path / "timeline.html"
    events = seed_timeline.events
    write_html(events, str(path), "Seed articles", len(seed_timeline.article_list))
    with browser_page() as (page, errors, requests, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        marks = chart_marks(page)
        assert marks == len(events), "one mark per event"
        assert page.locator("#events .event").count() == len(events)
        assert page.locator("#events mark").count() >= len(events), "date words are highlighted"
        outlet = "Asharq Al-Awsat"
        expected = sum(outlet in outlets for outlets in events["outlets"])
        page.select_option("#f-outlet", outlet)
        page.wait_for_timeout(300)
        assert page.locator("#events .event:not([hidden])").count() == expected
        shown = chart_marks(page)
        assert shown == expected, "the chart follows the filter"
        page.select_option("#f-outlet", "")
        page.fill("#f-text", "kassab")
        page.wait_for_timeout(300)
        assert 0 < page.locator("#events .event:not([hidden])").count() < len(events)
        page.fill("#f-text", "")
        page.fill("#f-from", "2024-01-01")
        page.wait_for_timeout(300)
        visible_begins = page.locator("#events .event:not([hidden])").evaluate_all(
            "els => els.map(e => e.dataset.end.slice(0, 10))")
        assert visible_begins and all(end > "2024-01-01" for end in visible_begins)
        ARTIFACTS.mkdir(exist_ok=True)
        page.fill("#f-from", "")
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / "export.png"), full_page=False)
    assert not errors, errors
    assert not requests, f"the page must make no network request: {requests}"


def test_hostile_articles_run_no_script(tmp_path):
    hostile = Article(
        "evil", "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> The raid took place on "
        "March 3, 2024 near the </script><script>window.__pwned=3</script> border\u202e.",
        title="<script>alert('title')</script>", outlet="<img src=x onerror=alert(1)>",
        url="javascript:window.__pwned=4")
    data_url = Article("data", "Talks resumed on April 9, 2024 in Cairo after a long pause.", title="Data link",
                       outlet="Wire", url="data:text/html,<script>alert(5)</script>")
    path = tmp_path / "hostile.html"
    write_html(build([hostile, data_url]).events, str(path), "<script>alert('t')</script>")
    with browser_page() as (page, errors, requests, dialogs):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.locator("#events .event").first.hover()
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None
        assert page.locator('a[href^="javascript:"], a[href^="data:"]').count() == 0
        assert "<script>alert('title')</script>" in page.locator("#events").inner_text() or \
               "window.__pwned=1" in page.locator("#events").inner_text()
    assert not dialogs, dialogs
    assert not requests, requests
