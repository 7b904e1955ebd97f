"""The dashboard in headless Chromium: `streamlit run app.py` on 127.0.0.1, seeds shown, an upload appears."""

from __future__ import annotations

import re

import pytest
from browser import (
    CHARTED,
    DOCS,
    OVERVIEW_DRAWN,
    assert_hypothetical_marks,
    assert_whole_labels,
    browser_page,
    chart_tail,
    dashboard_server,
    history_list,
    label_clashes,
    legend_lines,
    mark_shapes,
    overview_clashes,
    overview_source,
)
from conftest import ROOT
from overview_reading import SVG, empty_tail, groups, mark_date, mark_x, parse, read_axis


@pytest.fixture
def server():
    with dashboard_server(ROOT) as url:
        yield url


def count_articles(page) -> int:
    text = page.locator("text=/articles ·/").first.inner_text()
    return int(re.match(r"\s*(\d+)", text).group(1))


def check_overview(page, events) -> None:
    """The overview in the first view: every charted event's mark, each where the date axis reads its date (on
    screen: the image's position and scale), and labels that overlap nothing in Chromium's own fonts."""
    box = page.locator("img.timeline-overview").bounding_box()
    assert box["y"] < page.viewport_size["height"] / 2, "the overview is in the first view"
    svg = parse(overview_source(page))
    scale = box["width"] / float(svg.get("width"))
    charted = set(page.evaluate(CHARTED))
    marks = groups(svg, "mark")
    assert {m.get("data-id") for m in marks} == charted and len(marks) == len(charted), "every charted event, once"
    dates, read = events.set_index("id"), 0
    for mark in marks:
        expected = read_axis(svg, mark_date(mark, *dates.loc[mark.get("data-id"), ["begin", "end"]]))
        if mark.get("data-panel") == "0" and expected is not None:
            assert abs((box["x"] + mark_x(mark) * scale) - (box["x"] + expected * scale)) < 1.5, mark.get("data-id")
            read += 1
    assert read >= 20, "the story's marks were checked against the axis"
    labels, clashes = overview_clashes(page)
    assert len(labels) >= 25 and not clashes, clashes
    note = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "unlabelled"]
    unlabelled = int(note[0].text.split()[0]) if note else 0
    assert len(labels) + unlabelled == len(marks), "every event drawn is labelled or counted as unlabelled"
    assert unlabelled <= len(marks) // 2, "at least half the marks are labelled in the first view"
    assert any("Arouri" in text for text in labels)
    assert empty_tail(svg) < 0.08, "the axis ends soon after the latest event: no months of empty axis"


def test_dashboard_shows_seeds_and_an_uploaded_article(server, tmp_path, seed_timeline):
    story = tmp_path / "upload_story.txt"
    story.write_text("Title: Bridge reopens\nPublished: 2024-07-01\n\nThe Orla bridge reopened to traffic on "
                     "June 28, 2024, after two years of repairs.\n", encoding="utf-8")
    with browser_page(viewport=(1400, 1300)) as (page, errors, _, _dialogs):
        page.goto(server)
        page.wait_for_function(OVERVIEW_DRAWN, timeout=90000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(DOCS / "dashboard.png"))  # the first view: the overview, the chart still loading
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90000)
        assert count_articles(page) == 5
        marks = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => p.data || [])"
                              ".flat().filter(t => t.name === 'spans' || t.name === 'points')"
                              ".reduce((n, t) => n + t.customdata.length, 0)")
        assert marks >= 20, "the seed events are drawn"
        check_overview(page, seed_timeline.events)
        assert chart_tail(page) < 0.08, "the chart's axis ends soon after the latest event"
        labels, clashes = label_clashes(page)
        assert len(labels) >= 8, "events are labelled on the chart"
        assert_whole_labels(page)
        assert not clashes, "no label covers another label or a mark"
        assert any("Arouri" in text for text in labels), "labels name the happening: " + " | ".join(sorted(labels))
        rows, listed = history_list(page)
        assert rows >= 10 and len(listed) == rows, f"every row of the history list is labelled: {listed}"
        assert any(text.startswith("1972 · ") for text in listed) and any("Netanyahu" in text for text in listed)
        assert page.get_by_text("Colour: first source").count() == 1, "a legend says what colours mean"
        page.locator(".js-plotly-plot .scatterlayer path.point").last.click(force=True)
        page.wait_for_selector("text=Advanced: how the date was worked out", timeout=60000)
        detail = page.locator("[data-testid='stMarkdownContainer']").filter(
            has_text=re.compile("as written:|no date written")).first
        detail.scroll_into_view_if_needed()
        page.mouse.wheel(0, 250)
        page.wait_for_timeout(500)
        words = detail.inner_text()
        assert re.search(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", words) and not re.search(r"\d{4}-\d\d", words), words
        page.screenshot(path=str(DOCS / "dashboard-event.png"))
        page.evaluate("window.scrollTo(0, 0)")
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        page.locator('input[type="file"]').set_input_files([str(story), str(empty)])
        page.wait_for_function("document.body.innerText.includes('6 articles')", timeout=90000)
        assert page.get_by_text("Skipped upload: empty.txt: empty file").count() == 1, "the bad upload says why"
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90000)
        page.locator("text=Dates").first.wait_for()
        hover = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => JSON.stringify("
                              "p.data ? p.data.map(t => t.hovertext) : [])).join(' ')")
        assert "Orla bridge reopened" in hover
    assert not [e for e in errors if "favicon" not in e], errors


def _overview_marks(page) -> tuple[dict[str, str], list[str]]:
    """The overview's marks (each event's first shape, its tag and how it is filled and edged) and legend lines."""
    svg = parse(overview_source(page))
    shapes = {m.get("data-id"): " ".join(f"{k}={m[0].get(k)}" for k in ("fill", "stroke-dasharray", "fill-opacity"))
              + " " + m[0].tag.split("}")[-1] for m in groups(svg, "mark")}
    legend = ["".join(g.itertext()) for g in groups(svg, "legend-entry")]
    return shapes, legend


def test_dashboard_draws_hypothetical_happenings_apart_when_asked(server, seed_timeline):
    events = seed_timeline.events
    hypothetical = set(events.loc[events["modality"] == "hypothetical", "id"])
    assert hypothetical
    with browser_page(viewport=(1400, 1300)) as (page, errors, _, _dialogs):
        page.goto(server)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90000)
        page.wait_for_function(OVERVIEW_DRAWN, timeout=90000)
        assert not hypothetical & set(page.evaluate(CHARTED)), "hidden by default"
        assert not any("hypothetical" in line for line in legend_lines(page) + _overview_marks(page)[1])
        page.get_by_text("Show hypothetical and conditional happenings").click()
        page.wait_for_function(f"new Set({CHARTED}).size > 0 && {CHARTED}.includes({sorted(hypothetical)[0]!r})",
                               timeout=90000)
        page.wait_for_timeout(1500)
        assert_hypothetical_marks(mark_shapes(page), events, legend_lines(page))
        overview, legend = _overview_marks(page)
        assert hypothetical <= set(overview), "the overview draws them too"
        assert not {overview[i] for i in hypothetical} & {overview[i] for i in overview if i not in hypothetical}, \
            "the overview's hypothetical marks look like no other"
        assert any("hypothetical" in line for line in legend), legend
        page.get_by_text("Show hypothetical and conditional happenings").click()
        page.wait_for_function(f"!{CHARTED}.includes({sorted(hypothetical)[0]!r})", timeout=90000)
        page.wait_for_timeout(1500)
        assert not hypothetical & set(page.evaluate(CHARTED))
        assert not any("hypothetical" in line for line in legend_lines(page) + _overview_marks(page)[1])
    assert not [e for e in errors if "favicon" not in e], errors


def test_dashboard_shows_hostile_text_as_text(server, tmp_path):
    hostile = tmp_path / "hostile.md"
    hostile.write_text("---\ntitle: \"<script>alert('title')</script>\"\nurl: javascript:alert(1)\n"
                       "source: <img src=x onerror=alert(2)>\ndate: 2024-03-05\n---\n"
                       "Gunmen from <script>window.__pwned = 1</script> raided the \u202eevil\u202c town of [click me]"
                       "(javascript:alert(3)) on March 3, 2024 <img src=x onerror=\"window.__pwned=2\">.\n",
                       encoding="utf-8")
    with browser_page(viewport=(1400, 1300)) as (page, errors, _requests, dialogs):
        page.goto(server)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90000)
        page.locator('input[type="file"]').set_input_files(str(hostile))
        page.wait_for_function("document.body.innerText.includes('6 articles')", timeout=90000)
        page.wait_for_function(OVERVIEW_DRAWN, timeout=90000)
        page.wait_for_function("document.querySelector('img.timeline-overview').src.length > 0 && "
                               "atob(document.querySelector('img.timeline-overview').src.split(',')[1])"
                               ".includes('onerror=alert(2)')", timeout=90000)
        svg = parse(overview_source(page))  # well-formed: every string escaped
        assert not [e for e in svg.iter() if e.tag.split("}")[-1] in ("script", "img", "foreignObject")]
        words = " ".join(svg.itertext())
        assert "<img src=x onerror=alert(2)>" in words, "the outlet is named as written, in the legend"
        assert "Gunmen from <script>window.__pwned = 1</script> raided" in words, "the event's words as written, never run"
        page.locator(".js-plotly-plot .nsewdrag").first.hover()  # hover labels carry the article text
        page.wait_for_timeout(500)
        page.get_by_text("Publication dates", exact=True).click()  # the articles table shows the hostile title
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__pwned") is None
        assert page.locator('a[href^="javascript:"]').count() == 0
    assert not dialogs, dialogs
