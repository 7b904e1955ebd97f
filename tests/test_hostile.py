"""Broken and hostile input: each gets its own message, the batch goes on, nothing runs (issue 9)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT
from plotly.offline import get_plotlyjs

from timeline import Article, build
from timeline.export import render
from timeline.ingest import load
from timeline.model import Source
from timeline.safe_text import HTML, MARKDOWN, evidence, markdown_escape
from timeline.temporal import tag


def reasons(result):
    return {row.input.split("/")[-1]: row.reason for row in result.report if row.status == "skipped"}


def test_broken_files_each_get_a_specific_message(tmp_path):
    (tmp_path / "good.txt").write_text("Talks resumed on March 3, 2024 in Cairo.")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "utf16.txt").write_bytes("Talks on Friday".encode("utf-16")[:-1])
    (tmp_path / "quote.csv").write_text('text,date\n"Talks resumed on Monday,2024-01-02\n')
    (tmp_path / "records.csv").write_text(json.dumps({"text": "not a csv"}))
    (tmp_path / "deep.json").write_text("[" * 10000 + "]" * 10000)
    (tmp_path / "nobody.html").write_text("<html><head><title>t</title></head></html>")
    (tmp_path / "archive.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    result = load([tmp_path])
    why = reasons(result)
    assert why["empty.csv"] == "empty file"
    assert "binary" in why["image.txt"]
    assert "truncated or invalid utf-16" in why["utf16.txt"]
    assert "malformed CSV" in why["quote.csv"]
    assert "without a text column" in why["records.csv"]
    assert "nested too deeply" in why["deep.json"] or "expected an object" in why["deep.json"]
    assert "no article text" in why["nobody.html"]
    assert "unsupported file type '.zip'" in why["archive.zip"]
    assert [a.id for a in result.articles] == ["good"]
    assert len(result.report) == 9, "every input is in the report"


def test_files_without_records_are_reported(tmp_path):
    """Found by tests/fuzz/fuzz_readers.py (tests/fuzz/crashes/readers-csv-without-rows)."""
    (tmp_path / "header.csv").write_text("text,date\n")
    (tmp_path / "empty.json").write_text("[]")
    (tmp_path / "blank.jsonl").write_text("\n\n")
    why = reasons(load([tmp_path]))
    assert why == {name: "no articles in the file" for name in ("header.csv", "empty.json", "blank.jsonl")}


def test_truncated_utf8_keeps_the_text_and_says_so(tmp_path):
    (tmp_path / "cut.txt").write_bytes("Talks resumed on Friday at the café".encode()[:-1])
    article = load([tmp_path]).articles[0]
    assert article.text == "Talks resumed on Friday at the caf"
    assert any("truncated UTF-8" in w for w in article.warnings)


def test_oversized_article_is_skipped_with_the_limit_named(tmp_path):
    (tmp_path / "huge.txt").write_text("Talks on Friday. " * 200)
    (tmp_path / "small.txt").write_text("Talks on Monday.")
    result = load([tmp_path], max_chars=1000)
    assert "article too large: 3,400 characters, the limit is 1,000" in reasons(result)["huge.txt"]
    assert [a.id for a in result.articles] == ["small"]
    cli = subprocess.run([sys.executable, "-m", "timeline.cli", "build", str(tmp_path), "--max-chars", "1000"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert "article too large" in cli.stdout


def test_paragraph_breaks_end_a_date():
    assert [t.value for t in tag("It happened in March\n\n2024 was a hard year.", "2024-06-01")] == ["2024-03", "2024"]
    assert [t.value for t in tag("WEEKLY\n\nZq")] == ["P1W"], "a fuzz-found case: a blank line shields the next word"


def test_calendar_edges_do_not_crash():
    """Found by tests/fuzz/fuzz_tagger.py (tests/fuzz/crashes/tagger-date-overflow): the DCT 0001-01-01."""
    from datetime import date
    for dct in (date(1, 1, 1), date(9999, 12, 31)):
        found = tag("He was killed Friday, yesterday, last week, two years ago; talks resume next year and tomorrow.",
                    dct)
        assert found and all(t.start < t.end for t in found)
        assert all(t.interval.begin < t.interval.end for t in found if t.interval), "found by hypothesis: NEXT YEAR in 9999"
    crash = (ROOT / "tests" / "fuzz" / "crashes" / "tagger-date-overflow").read_bytes()
    assert crash, "the crashing input is kept"


def test_bidi_controls_are_shown_not_obeyed():
    article = Article("b", "The raid on March 3, 2024 hit \u202eevil\u202c town.", title="t\u2066x", outlet="O")
    page = render(build([article]).event_list, "bidi")
    body = page.split("<body>", 1)[1].replace(get_plotlyjs(), "")  # the page, its chart and its event list
    assert "\u202e" not in body and "\u2066" not in body and "⟨U+202E⟩" in body
    assert markdown_escape("[click](javascript:alert(1)) ![img](http://x/y.png)") == \
        "\\[click\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[img\\]\\(http\\:\\/\\/x\\/y\\.png\\)".replace("\\/", "/")


def test_evidence_without_date_words_is_shown_without_stray_bold_marks():
    sentence = "The bodies of 37 hostages have also been recovered."
    start = sentence.index("recovered")
    placed = Source("a", "", "", "", "", sentence, (100, 100 + len(sentence)), (100 + start, 100 + start), "")
    assert "**" not in evidence(placed, MARKDOWN), "an empty span bolds nothing"
    assert "<mark>" not in evidence(placed, HTML), "an empty span marks nothing"
    dated = Source("a", "", "", "", "", "Talks began <Friday>.", (50, 71), (62, 70), "<Friday>")
    assert evidence(dated, MARKDOWN) == "Talks began **\\<Friday\\>**\\."
    assert evidence(dated, HTML) == "Talks began <mark>&lt;Friday&gt;</mark>."


def test_a_file_name_that_is_not_text_and_a_link_to_nothing_are_reported_and_the_batch_goes_on(tmp_path):
    """A name with a byte that is not UTF-8 failed the whole store build (its name could not be written); a
    link to a missing file was left out of the report."""
    import os

    from timeline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Title: Talks\nPublished: 2024-03-05\n\nTalks resumed on March 3, 2024 in Cairo.")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Talks ended on March 4, 2024.")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    result = load([folder])
    skipped = reasons(result)
    assert "not valid UTF-8" in skipped["caf\\xe9.txt"]
    assert "does not exist" in skipped["gone.txt"]
    assert [a.title for a in result.articles] == ["Talks"]
    assert main(["build", str(folder), "--db", str(tmp_path / "p.duckdb"), "--workers", "1"]) == 0
