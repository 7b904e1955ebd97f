"""Readers, the manifest, and the ingest report: nothing is dropped without a reason."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from timeline.ingest import load


def report_of(result):
    return {row.input.split("/")[-1]: row for row in result.report}


def test_seed_manifest_supplies_publication_context(seed_timeline):
    articles = seed_timeline.articles.set_index("id")
    assert articles.loc["004_a039a33b49e21385", "published"] == date(2023, 12, 1)
    assert set(articles["published_source"]) == {"metadata"}
    assert articles.loc["001_25c9c99f66e4d546", "url"].startswith("https://www.timesofisrael.com/")
    assert articles.loc["000_8ed726650f41db17", "outlet"] == "Daily Mail"
    assert len(seed_timeline.report) == 5 and set(seed_timeline.report["status"]) == {"loaded"}


def test_text_header_block_is_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Title: Talks resume\nPublished: 2024-03-04\nURL: https://example.org/a\n\n"
                                    "Negotiators met on Monday.\n", encoding="utf-8")
    article = load([tmp_path]).articles[0]
    assert (article.title, article.published, article.url) == ("Talks resume", date(2024, 3, 4), "https://example.org/a")
    assert article.text.startswith("Negotiators met")


def test_markdown_front_matter(tmp_path):
    (tmp_path / "b.md").write_text("---\ntitle: \"Truce\"\ndate: 2024-06-21\nsource: Wire\n---\nA truce began.\n")
    article = load([tmp_path / "b.md"]).articles[0]
    assert (article.title, article.published, article.outlet) == ("Truce", date(2024, 6, 21), "Wire")


def test_csv_with_aliases_and_a_bad_date(tmp_path):
    (tmp_path / "c.csv").write_text("headline,body,pubdate,publisher\nOne,First story text here.,2024-01-02,A\n"
                                    "Two,Second story text here.,2024-13-45,B\n", encoding="utf-8")
    result = load([tmp_path])
    assert [a.title for a in result.articles] == ["One"]
    skipped = [r for r in result.report if r.status == "skipped"]
    assert skipped and "row 3" in skipped[0].input and '"2024-13-45"' in skipped[0].reason


ROWS = [{"title": "Truce, at last", "text": 'The "truce" began on March 3, 2024.\r\nTalks, they said, went on.',
         "published": "2024-03-04", "source": "Wire"},
        {"title": "Second", "text": "Aid arrived on “Monday”; roads; reopened.", "published": "2024-03-05",
         "source": "Post"}]


def _write(path, delimiter=",", encoding="utf-8", lineterminator="\r\n"):
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, ["title", "published", "source", "text"], delimiter=delimiter,
                                lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(ROWS)


@pytest.mark.parametrize(("delimiter", "encoding", "lineterminator"), [
    (",", "utf-8", "\r\n"),  # Python's csv module
    (";", "utf-8-sig", "\r\n"),  # Excel in a locale whose decimal mark is a comma: ';' and a BOM
    (",", "utf-8-sig", "\r\n"),  # Excel "CSV UTF-8"
    ("\t", "utf-16", "\r\n"),  # Excel "Unicode text"
    ("|", "utf-8", "\n"),
])
def test_csv_in_its_usual_dialects(tmp_path, delimiter, encoding, lineterminator):
    _write(tmp_path / "export.csv", delimiter, encoding, lineterminator)  # text last: a quoted field ends each line
    result = load([tmp_path])
    assert [r.reason for r in result.report if r.status != "loaded"] == []
    articles = {a.title: a for a in result.articles}
    assert set(articles) == {"Truce, at last", "Second"}
    assert articles["Truce, at last"].text == 'The "truce" began on March 3, 2024. \nTalks, they said, went on.'
    assert articles["Second"].text == "Aid arrived on \"Monday\"; roads; reopened."
    assert (articles["Second"].published, articles["Second"].outlet) == (date(2024, 3, 5), "Post")


def test_a_broken_csv_row_names_the_file_and_the_rest_goes_on(tmp_path):
    (tmp_path / "bad.csv").write_text('title,text\nOne,"an open quote\n', encoding="utf-8")
    (tmp_path / "good.txt").write_text("A story on Friday.")
    result = load([tmp_path])
    reasons = {r.input.split("/")[-1]: r.reason for r in result.report if r.status != "loaded"}
    assert "malformed CSV" in reasons["bad.csv"]
    assert len(result.articles) == 1


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path):
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": "Alpha happened today."}) + "\n{broken\n"
                                      + json.dumps({"content": "Beta happened today."}) + "\n")
    result = load([tmp_path])
    assert len(result.articles) == 2
    assert any("malformed JSON on line 2" in r.reason for r in result.report)


def test_every_bad_input_is_reported(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "notext.csv").write_text("a,b\n1,2\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "good.txt").write_text("A story on Friday.")
    result = load([tmp_path, tmp_path / "missing.txt"])
    reasons = {row.input.split("/")[-1]: row.reason for row in result.report if row.status == "skipped"}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "without a text column" in reasons["notext.csv"]
    assert "unsupported file type '.png'" in reasons["image.png"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert [a.id for a in result.articles] == ["good"]


def test_latin1_and_utf16_are_decoded(tmp_path):
    (tmp_path / "l.txt").write_bytes("Le café a fermé en décembre dernier à Genève.".encode("cp1252"))
    (tmp_path / "u.txt").write_bytes("Talks resumed in 2019.".encode("utf-16"))
    texts = sorted(a.text for a in load([tmp_path]).articles)
    assert texts == ["Le café a fermé en décembre dernier à Genève.", "Talks resumed in 2019."]


def test_identical_articles_are_one_with_both_origins(tmp_path):
    (tmp_path / "x.txt").write_text("Same story, told on Monday.")
    (tmp_path / "y.txt").write_text("Same   story, told on Monday.\n")
    result = load([tmp_path])
    assert len(result.articles) == 1
    assert "y.txt" in result.articles[0].origin
    assert any(r.status == "skipped" and r.reason.startswith("duplicate of article x") for r in result.report)


def test_override_beats_manifest(tmp_path):
    (tmp_path / "m.txt").write_text("A story.")
    (tmp_path / "manifest.csv").write_text("file,published\nm.txt,2020-01-01\n")
    assert load([tmp_path]).articles[0].published == date(2020, 1, 1)
    assert load([tmp_path], {"m.txt": "2021-05-06"}).articles[0].published == date(2021, 5, 6)


def test_non_http_urls_are_dropped(tmp_path):
    (tmp_path / "j.json").write_text(json.dumps({"text": "A story.", "url": "javascript:alert(1)"}))
    assert load([tmp_path]).articles[0].url == ""


def test_utf8_bom_is_removed(tmp_path):
    (tmp_path / "b.txt").write_bytes("\ufeffTalks resumed on Friday.".encode())
    assert load([tmp_path]).articles[0].text == "Talks resumed on Friday."


def test_manifest_json(tmp_path):
    (tmp_path / "s.txt").write_text("A story about Friday.")
    (tmp_path / "manifest.json").write_text(json.dumps([{"file": "s.txt", "published": "June 7, 2015",
                                                         "outlet": "Wire", "title": "Story"}]))
    article = load([tmp_path]).articles[0]
    assert (article.published, article.outlet, article.title) == (date(2015, 6, 7), "Wire", "Story")
    assert [row.input.split("/")[-1] for row in load([tmp_path]).report] == ["s.txt"]
