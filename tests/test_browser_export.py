"""The exported HTML timeline in a real headless Chromium: renders, filters, stays offline, runs no article text."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from browser import (
    DOCS,
    assert_hypothetical_marks,
    assert_whole_labels,
    browser_page,
    history_list,
    label_clashes,
    legend_lines,
    mark_shapes,
)

from timeline import Article, build
from timeline.chart_layout import lanes_for
from timeline.events.names import display_names
from timeline.export import write_html

# Every mark drawn in the main plots, read from the SVG: its event id and its start and end in time, converted
# from pixels by the chart's own axes. A bar's ends are its interval; a marker's centre lies inside its day.
_DRAWN_MARKS = """() => {
  const chart = document.getElementById("chart"), layout = chart._fullLayout, marks = [];
  chart.querySelectorAll(".cartesianlayer .trace").forEach(group => {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (!trace || (trace.name !== "spans" && trace.name !== "points")) { return; }
    const axis = layout[trace.xaxis === "x2" ? "xaxis2" : "xaxis"];
    const slack = Math.abs(axis.p2c(2) - axis.p2c(0));
    group.querySelectorAll(trace.type === "bar" ? "g.point" : "path.point").forEach(point => {
      const id = trace.customdata[point.__data__.i];
      if (trace.type === "bar") {
        const box = point.querySelector("path").getBBox();
        marks.push({id, start: axis.p2c(box.x), end: axis.p2c(box.x + box.width), slack, bar: true});
      } else {
        const x = Number(point.getAttribute("transform").match(/translate\\(([-\\d.e]+)/)[1]);
        marks.push({id, start: axis.p2c(x), end: axis.p2c(x), slack, bar: false});
      }
    });
  });
  return marks;
}"""


def ms(moment: datetime) -> float:
    return pd.Timestamp(moment).value / 1e6


def check_marks(page, events: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Every drawn mark belongs to a shown event and sits where that event is: bars from begin to end."""
    marks = page.evaluate(_DRAWN_MARKS)
    by_id = events.set_index("id")
    assert sorted(m["id"] for m in marks) == sorted(expected["id"]), "one mark per shown event, no others"
    for mark in marks:
        begin, end = ms(by_id.loc[mark["id"], "begin"]), ms(by_id.loc[mark["id"], "end"])
        if mark["bar"]:
            assert abs(mark["start"] - begin) <= mark["slack"] and abs(mark["end"] - end) <= mark["slack"], (
                f"bar of {mark['id']} drawn {mark['start']}–{mark['end']}, event {begin}–{end}")
        else:
            assert begin - mark["slack"] <= mark["start"] <= end + mark["slack"]


def label_texts(page) -> dict[str, str]:
    """Each labelled event's label as the chart holds it now."""
    return dict(page.evaluate("() => document.getElementById('chart').data.filter(t => t.name === 'labels')"
                              ".flatMap(t => t.customdata.map((id, i) => [id, t.text[i]]))"))


def clipped_labels(page) -> list[str]:
    """Labels whose text runs past the right edge of the plot (Plotly clips them there, mid-word)."""
    return page.evaluate("""() => {
      const chart = document.getElementById("chart"), size = chart._fullLayout._size;
      const right = chart.getBoundingClientRect().left + size.l + size.w + 1;
      return Array.from(chart.querySelectorAll(".barlayer .bartext")).filter(
        t => t.textContent && t.getBoundingClientRect().right > right).map(t => t.textContent);
    }""")


def listed(page) -> int:
    """Entries in the event list once the reader has scrolled to its end (it is drawn a page at a time)."""
    count = -1
    while count != (count := page.locator("#events .event").count()):
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(150)
    page.evaluate("() => window.scrollTo(0, 0)")
    return count


def shown_count(page) -> int:
    return int(page.locator("#count").inner_text().split(" of ")[0])


def check_one_source(page, expected: pd.DataFrame) -> None:
    """Filtered to Antiwar.com: its lane only, its colour only in the legend, no emptied history panel, a time
    axis spanning its events, no label cut at the plot's edge; the screenshot the README shows."""
    lanes = page.evaluate("() => document.getElementById('chart')._fullLayout.yaxis.ticktext")
    assert set(lanes) == set(lanes_for(expected)), "lanes the filter emptied are left out"
    legend = legend_texts(page)
    assert "Antiwar.com" in legend and "Daily Mail" not in legend, "the legend names the sources shown"
    titles = page.locator(".annotation-text").all_inner_texts()
    assert not any("Earlier" in t for t in titles), "a history panel the filter emptied is not drawn"
    low, high = page.evaluate("() => document.getElementById('chart')._fullLayout.xaxis.range"
                              ".map(v => new Date(v).getTime())")
    shown_span = ms(expected["end"].max()) - ms(expected["begin"].min())
    assert high - low < 2 * shown_span, "the time axis spans the events shown, not the whole timeline"
    page.wait_for_timeout(300)
    assert not clipped_labels(page), "no label runs past the plot's edge, cut mid-word"
    months = expected[(expected["end"] - expected["begin"]) >= pd.Timedelta(days=28)]["id"]
    labels = label_texts(page)
    assert len(months) >= 3 and all(labels.get(i) for i in months), \
        "the events packed into rows again at the filtered scale: each month's bar has its label"
    assert not label_clashes(page)[1], "repacked, no label covers another label or a mark"
    assert_whole_labels(page)
    page.screenshot(path=str(DOCS / "export.png"), full_page=False)


def test_seed_timeline_page_filters_marks_and_list(tmp_path, seed_timeline):
    path = tmp_path / "timeline.html"
    events = seed_timeline.events
    published = dict(zip(seed_timeline.articles["id"], seed_timeline.articles["published"], strict=True))
    write_html(seed_timeline.event_list, str(path), "Seed articles", len(seed_timeline.article_list), published)
    with browser_page() as (page, errors, requests, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        factual = events["modality"] != "hypothetical"  # hypothetical happenings are off until the reader asks
        assert 0 < factual.sum() < len(events)
        check_marks(page, events, events[factual])
        assert not any("hypothetical" in line for line in legend_lines(page)), "hidden, and not in the legend"
        assert listed(page) == factual.sum()
        dated = [s for e in seed_timeline.event_list if e.modality != "hypothetical"
                 for s in e.sources if s.date_span[0] < s.date_span[1]]
        marks = page.locator("#events mark").all_inner_texts()
        assert len(marks) == len(dated) and all(marks), "every source's date words are marked, and nothing else"
        labels = page.locator(".barlayer .bartext").evaluate_all("els => els.map(e => e.textContent)")
        before = label_texts(page)
        assert len([t for t in labels if t]) >= 8, "events carry labels on the chart"
        assert_whole_labels(page)
        assert not label_clashes(page)[1], "no label covers another label or a mark"
        rows, history = history_list(page)
        assert rows >= 10 and len(history) == rows, f"every row of the history list is labelled: {history}"
        page.evaluate("""() => { const chart = document.getElementById("chart"), axis = chart._fullLayout.xaxis;
            const low = axis.r2c(axis.range[0]), high = Math.max(...chart.data.filter(t => t.name === "points"
                && (t.xaxis || "x") === "x").flatMap(t => t.x).map(x => axis.d2c(x)));  // the last event's day
            // the story's middle: labels there have room on both sides (near an edge of the view it cuts them)
            return Plotly.relayout(chart, {"xaxis.range": [axis.c2r(low + (high - low) * 3 / 8),
                                                           axis.c2r(low + (high - low) * 5 / 8)]}); }""")
        page.wait_for_timeout(300)
        zoomed = label_texts(page)
        assert any(len(text) > len(before.get(event, "")) for event, text in zoomed.items()), \
            "zooming in shows more of the labels in view"
        assert all(len(text) >= len(before.get(event, "")) for event, text in zoomed.items() if text)
        assert not label_clashes(page)[1], "zoomed in, no label covers another label or a mark"
        assert_whole_labels(page)
        page.evaluate("() => Plotly.relayout(document.getElementById('chart'), {'xaxis.autorange': true})")
        filters = [
            ("#f-outlet", "Antiwar.com", events["outlets"].map(lambda o: "Antiwar.com" in o)),
            ("#f-name", "Benjamin Netanyahu", display_names(events["names"]).map(lambda n: "Benjamin Netanyahu" in n)),
            ("#f-text", "kassab", events.apply(lambda e: "kassab" in " ".join(
                [e["title"], e["sentence"], *e["outlets"], *e["names"]]).lower(), axis=1)),
            ("#f-from", "2024-01-01", events["end"] > datetime(2024, 1, 1)),
            ("#f-to", "2023-12-31", events["begin"] < datetime(2024, 1, 1)),
        ]
        for selector, value, keep in filters:
            if selector in ("#f-outlet", "#f-name"):
                page.select_option(selector, value)
            else:
                page.fill(selector, value)
            page.wait_for_timeout(200)
            expected = events[keep & factual]
            assert 0 < len(expected) < len(events)
            assert shown_count(page) == len(expected), selector
            assert listed(page) == len(expected)
            assert f"the filters hide {len(events) - len(expected)}" in page.locator("#count").inner_text()
            check_marks(page, events, expected)
            rows, history = history_list(page)
            assert len(history) == rows, "the history rows left are packed and labelled"
            if selector == "#f-outlet":
                check_one_source(page, expected)
            page.select_option(selector, "") if selector in ("#f-outlet", "#f-name") else page.fill(selector, "")
        box, words = page.locator("#f-hypothetical").bounding_box(), page.locator("label.toggle").bounding_box()
        assert abs((box["y"] + box["height"] / 2) - (words["y"] + words["height"] / 2)) < 6, "the box sits by its words"
        page.check("#f-hypothetical")
        page.wait_for_timeout(200)
        assert shown_count(page) == len(events), "asked for, the hypothetical happenings are shown"
        check_marks(page, events, events)
        assert_hypothetical_marks(mark_shapes(page), events, legend_lines(page))
        page.uncheck("#f-hypothetical")
        page.wait_for_timeout(200)
        assert shown_count(page) == factual.sum()
        assert not any("hypothetical" in line for line in legend_lines(page)), "no legend line for marks not drawn"
        page.fill("#f-text", "no such words anywhere")
        page.wait_for_timeout(200)
        assert page.locator("#nothing").is_visible() and not page.locator("#chart").is_visible()
        assert "No events match these filters" in page.locator("#nothing").inner_text()
    assert not errors, errors
    assert not requests, f"the page must make no network request: {requests}"


def test_a_big_page_draws_its_list_lazily(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_viz import synthetic_events

    events = synthetic_events(2000)
    path = tmp_path / "big.html"
    write_html(events, str(path), "Big")
    with browser_page() as (page, errors, _requests, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        first = page.locator("#events .event").count()
        assert 0 < first < len(events), "only the first entries are drawn"
        page.mouse.wheel(0, 200000)
        page.wait_for_timeout(300)
        assert page.locator("#events .event").count() > first, "scrolling draws more"
        assert shown_count(page) == len(events)
    assert not errors, errors


def test_hostile_articles_run_no_script(tmp_path):
    hostile = Article(
        "evil", "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> The raid took place on "
        "March 3, 2024 near the </script><script>window.__pwned=3</script> border\u202e.",
        title="<script>alert('title')</script>", outlet="<img src=x onerror=alert(1)>",
        url="javascript:window.__pwned=4")
    data_url = Article("data", "Talks resumed on April 9, 2024 in Cairo after a long pause.", title="Data link",
                       outlet="Wire", url="data:text/html,<script>alert(5)</script>")
    path = tmp_path / "hostile.html"
    write_html(build([hostile, data_url]).event_list, str(path), "<script>alert('t')</script>")
    with browser_page() as (page, errors, requests, dialogs):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.locator("#events .event").first.hover()
        page.mouse.wheel(0, -500)
        page.locator(".js-plotly-plot .nsewdrag").first.dblclick()  # zoom reset: labels are re-made by the script
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None
        assert page.locator('a[href^="javascript:"], a[href^="data:"]').count() == 0
        assert "<script>alert('title')</script>" in page.locator("#events").inner_text() or \
               "window.__pwned=1" in page.locator("#events").inner_text()
    assert not dialogs, dialogs
    assert not requests, requests


def legend_texts(page) -> list[str]:
    return page.locator(".legendtext").evaluate_all("els => els.map(e => e.textContent)")


def test_sources_with_markup_characters_in_their_names_keep_their_legend(tmp_path):
    """The page matches legend entries to the sources shown by their raw names: "AT&T News" and "Barron's" must
    not drop out of the legend because the page and Python escape '&' and "'" differently."""
    articles = [Article("a", "Shares rose on March 3, 2024 after the results.", title="A", outlet="AT&T News"),
                Article("b", "The board met on April 9, 2024 to approve the plan.", title="B", outlet="Barron's"),
                Article("c", "Talks resumed on May 2, 2024 in Cairo.", title="C", outlet="Wire")]
    path = tmp_path / "names.html"
    write_html(build(articles).event_list, str(path), "Names")
    with browser_page() as (page, _errors, _requests, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        legend = legend_texts(page)
        assert {"AT&T News", "Barron's", "Wire"} <= set(legend), legend
        page.select_option("#f-outlet", "Barron's")
        page.wait_for_timeout(300)
        legend = legend_texts(page)
        assert "Barron's" in legend and "AT&T News" not in legend, legend


def test_the_legend_counts_the_sources_it_does_not_name(tmp_path):
    """Forty outlets: the legend names the busiest and says how many more there are, before and after a filter."""
    articles = [Article(f"a{i}", f"Talks resumed on May {i % 28 + 1}, 2024 in Cairo.", title=f"T{i}",
                        outlet=f"Paper {i:02d}") for i in range(40)]
    path = tmp_path / "many.html"
    write_html(build(articles).event_list, str(path), "Many")
    with browser_page() as (page, errors, _requests, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        legend = legend_texts(page)
        assert any(text.endswith("more sources (colours repeat)") for text in legend), legend
        quiet = page.locator("#f-outlet option").last.get_attribute("value")  # a source the legend does not name
        assert quiet not in legend
        page.select_option("#f-outlet", quiet)
        page.wait_for_timeout(300)
        legend = legend_texts(page)
        assert "1 more source (colours repeat)" in legend, legend
    assert not errors, errors


def story_labels(page) -> dict[str, str]:
    """Each event with a label bar in the story (not the history list): its label as the chart holds it now."""
    return dict(page.evaluate("() => document.getElementById('chart').data.filter(t => t.name === 'labels'"
                              " && (t.xaxis || 'x') === 'x').flatMap(t => t.customdata.map((id, i) => [id, t.text[i]]))"))


def test_filtered_page_keeps_the_best_events_labels(tmp_path, seed_timeline):
    """Filtered, the page packs the story into rows again, the most important events first: the labels before
    their marks (near the axis' end) and those after them are one ranking by score, so the best events shown keep
    their labels and no label covers another."""
    path = tmp_path / "timeline.html"
    events = seed_timeline.events
    published = dict(zip(seed_timeline.articles["id"], seed_timeline.articles["published"], strict=True))
    write_html(seed_timeline.event_list, str(path), "Seed articles", len(seed_timeline.article_list), published)
    by_score = events.sort_values("score", ascending=False, kind="stable")
    outlets = sorted({outlet for names in events["outlets"] for outlet in names})
    with browser_page() as (page, errors, _requests, _):
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        factual = events["modality"] != "hypothetical"  # off until the reader asks
        filters = [("#f-outlet", outlet, events["outlets"].map(lambda o, outlet=outlet: outlet in o) & factual)
                   for outlet in outlets]
        filters.append(("#f-from", "2024-01-01", (events["end"] > datetime(2024, 1, 1)) & factual))
        checked = 0
        for selector, value, keep in filters:
            if selector == "#f-outlet":
                page.select_option(selector, value)
            else:
                page.fill(selector, value)
            page.wait_for_timeout(300)
            assert shown_count(page) == int(keep.sum()), value
            labels = story_labels(page)
            best = [i for i in by_score[keep.loc[by_score.index]]["id"] if i in labels][:5]
            checked += len(best) == 5  # one source's events may all lie in the history list, left of the story
            assert all(labels[i] for i in best), \
                f"filtered to {value}, the best events shown keep their labels: {[labels[i] for i in best]}"
            assert not label_clashes(page)[1], f"filtered to {value}, no label covers another label or a mark"
            page.select_option(selector, "") if selector == "#f-outlet" else page.fill(selector, "")
        assert checked >= 4, "most filters leave the story at least five labelled events"
    assert not errors, errors
