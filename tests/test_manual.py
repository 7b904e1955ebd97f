"""What a person gives by hand: pasted articles, corrected publication dates and FILE=DATE overrides."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import build
from timeline.ingest.manual import load_uploads, parse_overrides, pasted_article, with_edited_dates


def test_a_pasted_article_keeps_only_a_web_link_and_trusts_the_date_given():
    dated = pasted_article(3, "Talks began on Friday.", "Talks", "https://example.org/a", date(2024, 3, 1))
    assert (dated.id, dated.origin, dated.url) == ("pasted-3", "pasted 3", "https://example.org/a")
    assert (dated.published, dated.published_source, dated.published_confidence) == (date(2024, 3, 1), "metadata",
                                                                                      "high")
    undated = pasted_article(4, "Talks began on Friday.", url="javascript:alert(1)")
    assert undated.url == "" and (undated.published, undated.published_source) == (None, "none")


def test_an_edited_date_moves_that_articles_relative_dates_and_says_so():
    articles = [pasted_article(1, "The council voted yesterday to close the bridge.", published=date(2024, 3, 5)),
                pasted_article(2, "The mayor resigned yesterday over the bridge.", published=date(2024, 3, 5))]
    edited = with_edited_dates(articles, {"pasted-1": date(2023, 7, 10)})
    assert edited[1] is articles[1] and articles[0].published == date(2024, 3, 5), "the others and the input untouched"
    assert (edited[0].published, edited[0].published_source) == (date(2023, 7, 10), "edited")
    assert "publication date set in the dashboard" in edited[0].warnings
    days = {e.sources[0].article_id: e.begin.date() for e in build(edited).event_list}
    assert days == {"pasted-1": date(2023, 7, 9), "pasted-2": date(2024, 3, 4)}


def test_overrides_are_file_equals_date_and_a_missing_date_is_named():
    assert parse_overrides(["a.txt=2024-01-02", "b=c.txt=3 May 2020"]) == {"a.txt": "2024-01-02", "b": "c.txt=3 May 2020"}
    with pytest.raises(ValueError, match="got 'a.txt'"):
        parse_overrides(["a.txt"])


def test_uploads_are_read_as_files_and_named_as_uploads_not_by_a_scratch_folder(tmp_path):
    (tmp_path / "kept.txt").write_text("Published: 2024-05-02\n\nThe bridge reopened on Monday.\n", encoding="utf-8")
    pasted = pasted_article(1, "Talks resumed in Cairo on Saturday.", published=date(2024, 5, 4))
    result = load_uploads([("../story.txt", b"Published: 2024-05-01\n\nThe council met on Tuesday.\n"),
                           ("empty.txt", b"")], [tmp_path], [pasted])
    assert [row.input for row in result.report] == [str(tmp_path / "kept.txt"), "upload: empty.txt",
                                                    "upload: story.txt", "pasted 1"]
    assert [row.status for row in result.report] == ["loaded", "skipped", "loaded", "loaded"]
    assert [a.origin for a in result.articles] == [str(tmp_path / "kept.txt"), "upload: story.txt", "pasted 1"]
    assert result.articles[1].published == date(2024, 5, 1)
