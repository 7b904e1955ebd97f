"""Exports: CSV is formula-safe, TimelineJS keeps precision, the HTML escapes hostile text."""

from __future__ import annotations

import csv
import json
from datetime import date

from timeline import Article, build
from timeline.export import render, timelinejs, write_csv, write_json
from timeline.export.html import json_for_script
from timeline.export.links import safe_link

HOSTILE = Article(
    "evil", "=HYPERLINK(\"http://x\") <script>alert(1)</script> The raid happened on March 3, 2024 in town.",
    title="<script>alert('t')</script>", outlet="<img src=x onerror=alert(2)>", url="javascript:alert(3)")


def test_csv_neutralises_formulas(tmp_path):
    events = build([HOSTILE]).event_list
    path = tmp_path / "e.csv"
    write_csv(events, path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows and rows[0]["sentence"].startswith("'=")


def test_json_round_trips(tmp_path, seed_timeline):
    path = tmp_path / "e.json"
    write_json(seed_timeline.event_list, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data) == len(seed_timeline.events)
    assert {"begin", "end", "precision", "title", "sources", "n_sources"} <= set(data[0])


def test_timelinejs_dates_keep_precision(seed_timeline):
    items = {e["display_date"]: e for e in timelinejs(seed_timeline.event_list)["events"]}
    assert items["1997"]["start_date"] == {"year": 1997}
    assert items["Wed 22 Nov 2023"]["start_date"] == {"year": 2023, "month": 11, "day": 22}
    assert items["late November 2023"]["start_date"] == {"year": 2023, "month": 11}


def test_timelinejs_shows_dates_and_keeps_the_words_in_the_text(seed_timeline):
    items = timelinejs(seed_timeline.event_list)["events"]
    shown = {e["display_date"] for e in items}
    assert {"Sun 31 May 2015", "2014", "Fri 1 Nov 2024, evening"} <= shown
    assert not shown & {"last year", "Sunday", "the beginning of next week"}, "words are not dates"
    sunday = [e["text"]["text"] for e in items if e["display_date"] == "Sun 31 May 2015"]
    assert any("As written: “Sunday”" in text for text in sunday)


def page_data(page: str) -> dict:
    """The events as the page's script receives them (columns of plain text; the script writes the list)."""
    return json.loads(page.split('<script type="application/json" id="items-data">', 1)[1].split("</script>", 1)[0])


def column(data: dict, key: str) -> list:
    """One column of the page's events, its values looked up when it travels as a table and an index."""
    values = data["events"][key]
    return [values["values"][i] for i in values["index"]] if isinstance(values, dict) else values


def page_sources(page: str) -> list[tuple[list, str]]:
    """Every source of every event in a page: its article (outlet, title, link, published) and its sentence."""
    data = page_data(page)
    return [(data["articles"][s[0]], s[1]) for sources in data["events"]["sources"] for s in sources]


def test_html_escapes_article_text():
    page = render(build([HOSTILE]).event_list, "<b>t</b>")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<script>alert(1)</script>" in json.dumps(page_data(page), ensure_ascii=False), "text stays text, for textContent"
    assert 'href="javascript:' not in page and all(article[2] == "" for article, _ in page_sources(page))
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page


def test_html_is_standalone(seed_timeline):
    page = render(seed_timeline.event_list, "Seeds")
    assert "connect-src 'none'" in page
    assert "<script src=" not in page and "cdn.plot.ly" not in page.split("<script>", 1)[0]
    assert len(page_data(page)["events"]["id"]) == len(seed_timeline.events)


def test_sources_show_outlet_title_date_and_link_never_a_file(seed_timeline):
    published = dict(zip(seed_timeline.articles["id"], seed_timeline.articles["published"], strict=True))
    page = render(seed_timeline.event_list, "Seeds", published=published)
    data = page_data(page)
    entries = json.dumps(data, ensure_ascii=False)
    assert "seeds/" not in entries and ".txt" not in entries, "no local file path"
    antiwar = [a for a, _ in page_sources(page) if a[0] == "Antiwar.com"]
    assert ["Antiwar.com", "Report: Israel Plans More Assassinations of Hamas Figures"] == antiwar[0][:2]
    assert antiwar[0][3] == "Fri 21 Jun 2024" and antiwar[0][2].startswith("https://news.antiwar.com/")
    assert "2024-11-01TEV" in column(data, "value"), "the value stays, in the advanced detail"
    assert "Fri 1 Nov 2024, evening" in column(data, "when")


def test_script_json_cannot_close_its_tag():
    assert "</script>" not in json_for_script({"t": "</script><script>alert(1)</script>"})


def test_only_http_links():
    assert safe_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,<b>", "ftp://x", " JAVASCRIPT:alert(1)", 'https://x" onmouseover="a'):
        assert safe_link(bad) is None


def test_timelinejs_escapes_article_text():
    data = timelinejs(build([HOSTILE]).event_list)
    text = json.dumps(data)
    assert "<script>" not in text and "javascript:" not in text


def test_an_event_placed_without_date_words_says_so_in_the_page_list():
    article = Article("n", "Markets brief\nThe airline has placed an order for 20 aircraft.", outlet="Wire",
                      published=date(2005, 6, 13))
    events = build([article]).event_list
    inferred = [e.id for e in events if e.placement == "inferred"]
    assert inferred, "the undated order is an event"
    data = page_data(render(events, "t"))
    written = dict(zip(column(data, "id"), column(data, "written"), strict=True))
    for event_id in inferred:
        assert written[event_id] == "no date written"
