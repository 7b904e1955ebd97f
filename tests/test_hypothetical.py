"""Hypothetical, conditional and negated happenings: events of their own that every view hides by default."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.build import HYPOTHETICAL_EXAMPLES, events_for_article
from timeline.events.evaluation import owner_of
from timeline.events.modality import (
    DONE_EXAMPLES,
    REWARDED_EXAMPLES,
    WHY_EXAMPLES,
    rewarded,
    sits_as_done,
    why,
)
from timeline.model import Article, Modality
from timeline.temporal import tag


def _events(text: str, published: str):
    day = date.fromisoformat(published)
    return events_for_article(Article("a", text, published=day), tag(text, day))


@pytest.mark.parametrize(("text", "published", "word", "modality", "begin"), HYPOTHETICAL_EXAMPLES,
                         ids=lambda e: str(e)[:50])
def test_a_hypothetical_happening_is_an_event_of_its_own_placed_where_it_would_sit(text, published, word, modality,
                                                                                   begin):
    events = _events(text, published)
    owner = owner_of(text.index(word), [(e, s) for e in events for s in e.sources])
    assert owner is not None, events
    assert (str(owner.modality), f"{owner.begin:%Y-%m-%d}") == (modality, begin), owner.explanation


def test_a_hypothetical_event_says_what_makes_it_one():
    [event] = [e for e in _events("If the talks fail, the union would strike.", "2024-06-05")]
    assert event.modality == Modality.HYPOTHETICAL
    assert event.explanation.startswith(("conditional: 'if …'", "hypothetical: 'would …'")), event.explanation
    assert "after the publication date" in event.explanation


def test_a_hypothetical_event_never_takes_a_factual_ones_place():
    """A sentence keeps up to three shown events whatever hypothetical happenings it also tells."""
    text = ("Police arrested two men, searched a house and seized a rifle, which could have been used to kill the "
            "guard, officials said.")
    events = _events(text, "2024-06-05")
    shown = [e for e in events if e.modality != Modality.HYPOTHETICAL]
    assert shown and all(e.modality == Modality.FACTUAL for e in shown)
    assert owner_of(text.index("arrested"), [(e, s) for e in shown for s in e.sources]) is not None


@pytest.mark.parametrize(("sentence", "word", "words"), WHY_EXAMPLES, ids=lambda e: str(e)[:40])
def test_the_explanation_names_the_words_that_make_it_hypothetical(sentence, word, words):
    assert why(sentence, sentence.index(word)) == words


@pytest.mark.parametrize(("sentence", "word", "wanted"), REWARDED_EXAMPLES, ids=lambda e: str(e)[:40])
def test_what_a_reward_is_offered_for_is_only_wanted(sentence, word, wanted):
    assert rewarded(sentence, sentence.index(word)) is wanted


@pytest.mark.parametrize(("sentence", "word", "done"), DONE_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_negated_past_happening_sits_where_it_would_have_happened(sentence, word, done):
    assert sits_as_done(sentence, sentence.index(word), word) is done


def test_a_hypothetical_event_never_merges_with_a_factual_one():
    """One outlet reports the weapon found, two others that it was not: placed alike, worded alike, but the
    reader must see the finding alone, and the two denials as one hypothetical event."""
    from timeline.events.merge import merge_events
    found = _events("Police found the Kalashnikov rifle at the Harrogate farmhouse.", "2024-06-05")
    denied = [replace_article(e, article)
              for article in ("b", "c")
              for e in _events("Police did not find the Kalashnikov rifle at the Harrogate farmhouse.", "2024-06-05")]
    assert {str(e.modality) for e in denied} == {"hypothetical"}
    merged = merge_events(found + denied)
    kinds = sorted((str(e.modality), e.n_sources) for e in merged)
    assert kinds == [("factual", 1), ("hypothetical", 2)], kinds


def replace_article(event, article_id):
    from dataclasses import replace
    return replace(event, id=event.id + article_id,
                   sources=[replace(s, article_id=article_id, outlet=article_id) for s in event.sources])


ARTICLE = ("Title: Union talks\nPublished: 2024-06-05\n\nThe Acme union struck at the Leeds plant on Monday over pay. "
           "If the talks fail, the union would strike again in July. Managers did not meet the union's leaders.\n")


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "articles"
    target.mkdir()
    (target / "union.txt").write_text(ARTICLE, encoding="utf-8")
    return target


def test_every_view_hides_hypothetical_events_unless_asked_in_memory_and_in_a_store(tmp_path, folder):
    from timeline import build
    from timeline.filters import HYPOTHETICAL_REASON, EventFilter
    from timeline.store import Store

    events = build([folder]).events
    assert set(events["modality"]) >= {"factual", "hypothetical"}
    shown = EventFilter().apply(events)
    assert "hypothetical" not in set(shown["modality"]) and "factual" in set(shown["modality"])
    assert len(EventFilter(hypothetical=True).apply(events)) == len(events)
    assert EventFilter().hidden_by(events) == {HYPOTHETICAL_REASON: (events["modality"] == "hypothetical").sum()}
    store = Store(tmp_path / "p.duckdb")
    store.build([folder])
    for chosen in (EventFilter(), EventFilter(hypothetical=True), EventFilter(text="union")):
        assert sorted(store.events(chosen)["id"]) == sorted(chosen.apply(events)["id"])
    assert store.hidden_by(EventFilter()) == EventFilter().hidden_by(events)
    store.close()


def test_exports_leave_hypothetical_events_out_unless_asked(tmp_path, folder):
    import json

    from timeline.cli import main

    plain, asked = tmp_path / "plain.json", tmp_path / "asked.json"
    assert main(["build", str(folder), "--workers", "1", "--json", str(plain)]) == 0
    assert main(["build", str(folder), "--workers", "1", "--json", str(asked), "--include-hypothetical"]) == 0
    listed = [e["modality"] for e in json.loads(plain.read_text(encoding="utf-8"))]
    every = [e["modality"] for e in json.loads(asked.read_text(encoding="utf-8"))]
    assert "factual" in listed and "hypothetical" not in listed
    assert "hypothetical" in every and len(every) > len(listed)


def test_the_exported_page_offers_the_toggle_off():
    from timeline.export.html import render

    text = ARTICLE.split("\n\n", 1)[1]
    page = render(_events(text, "2024-06-05"))
    assert '<input id="f-hypothetical" type="checkbox">' in page, "off until the reader asks"
    events = _events(text, "2024-06-05")
    hidden = sum(e.modality == "hypothetical" for e in events)
    assert hidden and f"· {len(events) - hidden} events ·" in page and f"· {hidden} hypothetical" in page, \
        "the header counts the timeline the reader sees, and the hidden happenings apart"
