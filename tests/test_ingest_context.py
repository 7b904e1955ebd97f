"""Publication context: HTML metadata, datelines, inference, disagreements, URLs (issue 4)."""

from __future__ import annotations

import shutil
import threading
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import SEEDS

from timeline import build
from timeline.ingest import load
from timeline.ingest.dateline import find_dateline

BODY = ("<p>Negotiators met on Monday in Cairo to discuss a truce, officials said on the record. The talks resumed "
        "after a break of two weeks and are expected to continue next week in Doha.</p><p>A second paragraph "
        "describes the mood among delegates, which was described as cautious but hopeful.</p>")


def page(head: str, body: str = BODY) -> str:
    return f"<html><head><title>Talks resume | Wire</title>{head}</head><body><article><h1>Talks resume</h1>{body}" \
           "</article></body></html>"


@pytest.mark.parametrize(("head", "expected"), [
    ('<meta property="article:published_time" content="2024-03-04T10:00:00Z">', date(2024, 3, 4)),
    ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
     '"datePublished":"2023-12-01T08:00:00+00:00","headline":"Talks resume"}</script>', date(2023, 12, 1)),
    ('<meta name="date" content="2015-06-07">', date(2015, 6, 7)),
])
def test_html_metadata_gives_the_date(tmp_path, head, expected):
    (tmp_path / "p.html").write_text(page(head), encoding="utf-8")
    article = load([tmp_path]).articles[0]
    assert (article.published, article.published_source) == (expected, "html")
    assert "Negotiators met on Monday" in article.text and article.title == "Talks resume"


def test_html_time_element_and_canonical_url(tmp_path):
    head = '<link rel="canonical" href="https://example.org/2024/05/talks"><meta property="og:site_name" content="Wire">'
    body = '<time datetime="2024-05-02">2 May 2024</time>' + BODY
    (tmp_path / "t.html").write_text(page(head, body), encoding="utf-8")
    article = load([tmp_path]).articles[0]
    assert article.published == date(2024, 5, 2)
    assert article.url == "https://example.org/2024/05/talks" and article.outlet == "Wire"


def test_html_without_body_is_reported(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head></html>")
    result = load([tmp_path])
    assert not result.articles and "no article text" in result.report[0].reason


def test_html_without_date_is_not_given_today(tmp_path):
    (tmp_path / "n.html").write_text(page(""), encoding="utf-8")
    article = load([tmp_path]).articles[0]
    assert article.published is None and article.published_source == "none"


@pytest.mark.parametrize(("text", "expected", "kind"), [
    ("| 26 February 2024, Monday |\n\nIsrael plans", date(2024, 2, 26), "date line"),
    ("WASHINGTON, March 3 (Reuters) - Talks in 2024 went on.", date(2024, 3, 3), "agency dateline"),
    ("Published: 12 June 2024\nText of the story.", date(2024, 6, 12), "published line"),
    ("Updated Nov 2, 2024 10:04 am\nText of the story.", date(2024, 11, 2), "updated line"),
    ("By Jane Doe | June 7, 2015\nText of the story.", date(2015, 6, 7), "byline"),
])
def test_datelines(text, expected, kind):
    found = find_dateline(text)
    assert found is not None and (found.published, found.kind) == (expected, kind)


def test_text_without_dateline():
    assert find_dateline("Hamas said on Friday that talks would go on.") is None


@pytest.fixture
def seeds_without_manifest(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path)
    return build([tmp_path])


def test_seed_004_dateline_without_manifest(seeds_without_manifest):
    article = next(a for a in seeds_without_manifest.article_list if a.id.startswith("004"))
    assert (article.published, article.published_source) == (date(2024, 2, 26), "dateline")
    nov = [t for t in seeds_without_manifest.timexes[article.id] if t.text == "Nov. 22"]
    assert nov[0].value == "2023-11-22"


def test_seeds_without_dates_resolve_nothing_against_today(seeds_without_manifest):
    for article in seeds_without_manifest.article_list:
        if article.id.startswith("004"):
            continue
        assert article.published is None or article.published_confidence == "low"
        assert article.warnings, "the missing date must be explained"
        for timex in seeds_without_manifest.timexes[article.id]:
            if timex.anchor == "DCT":
                raise AssertionError(f"{timex.text} resolved against a date nobody gave: {timex.explanation}")


def test_seed_004_metadata_and_dateline_disagree(seed_timeline):
    article = next(a for a in seed_timeline.article_list if a.id.startswith("004"))
    assert article.published_source == "metadata"
    assert any("2024-02-26" in w and "2023-12-01" in w for w in article.warnings)
    week = [t for t in seed_timeline.timexes[article.id] if t.text == "earlier this week"]
    assert week[0].value == "2023-W48"


def test_inferred_when_the_text_names_today(tmp_path):
    (tmp_path / "i.txt").write_text("Talks resumed today, March 5, 2024, in Cairo. They had stalled on Friday.")
    article = load([tmp_path]).articles[0]
    assert (article.published, article.published_source, article.published_confidence) == (
        date(2024, 3, 5), "inferred", "low")
    assert "inferred" in article.warnings[0]


def test_curly_quotes_are_straightened_without_moving_offsets(tmp_path):
    raw = "“We will meet,” he said\u00a0on Friday."
    (tmp_path / "q.txt").write_text(raw, encoding="utf-8")
    article = load([tmp_path]).articles[0]
    assert len(article.text) == len(raw) and article.text.startswith('"We will meet," he said on')


def test_url_is_fetched_from_a_local_server(tmp_path):
    (tmp_path / "story.html").write_text(page('<meta property="article:published_time" content="2024-03-04">'),
                                         encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        blocked = load([url])
        result = load([url, f"http://127.0.0.1:{server.server_address[1]}/missing.html"], allow_private_urls=True)
    finally:
        server.shutdown()
    assert not blocked.articles, "loopback must be refused unless allowed"
    assert len(result.articles) == 1
    article = result.articles[0]
    assert article.published == date(2024, 3, 4) and article.origin == url
    assert any(r.status == "skipped" and "could not fetch" in r.reason for r in result.report)
