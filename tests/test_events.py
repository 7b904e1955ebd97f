"""Sentences, titles, and merging of events within and across articles."""

from __future__ import annotations

from timeline import Article, build
from timeline.events.build import make_title
from timeline.events.sentences import sentence_spans


def test_sentences_respect_abbreviations_and_lines():
    text = "He spoke on Nov. 22 in the U.S. capital. Dr. Smith left.\nA caption without a full stop\nEnd."
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert sentences == ["He spoke on Nov. 22 in the U.S. capital.", "Dr. Smith left.",
                         "A caption without a full stop", "End."]


def test_title_drops_attribution_and_stays_short():
    title = make_title("Top Hamas official Izz al-Din Kassab was killed Friday in an airstrike in the southern "
                       "Gaza Strip, the IDF and Shin Bet announced.", 53, 59)
    assert title == "Top Hamas official Izz al-Din Kassab was killed Friday in an airstrike in the southern Gaza Strip"
    long = ("While Israel typically tries to keep such efforts secret, the leaders have shown few reservations about "
            "revealing their intentions, just like they did to those responsible for the attack at the Munich "
            "Olympics in 1972.")
    short = make_title(long, long.index("1972"), long.index("1972") + 4)
    assert len(short) <= 120 and "1972" in short


def test_kassab_strike_is_one_event_with_both_articles(seed_timeline):
    strike = [e for e in seed_timeline.event_list
              if {"000_8ed726650f41db17", "001_25c9c99f66e4d546"} <= {s.article_id for s in e.sources}]
    assert strike and strike[0].begin.date().isoformat() == "2024-11-01"


def test_repeated_captions_give_one_event(seed_timeline):
    captions = [e for e in seed_timeline.event_list
                if any("announced the assassination of Kassab" in s.sentence for s in e.sources)]
    assert len(captions) == 1 and len(captions[0].sources) == 1


def test_year_precision_history_is_kept(seed_timeline):
    by_value = {e.value: e for e in seed_timeline.event_list}
    for year in ("1972", "1997", "2010"):
        assert by_value[year].precision == "year"
        assert by_value[year].end.year - by_value[year].begin.year == 1


def test_no_event_from_lookalikes_or_without_title(seed_timeline):
    for event in seed_timeline.event_list:
        assert len(event.title.split()) >= 3
        assert event.date_text not in ("12", "1,200", "251")


def test_merge_across_invented_articles():
    a = Article("a", "The central bank raised rates on March 3, 2024, to fight inflation.", published=None)
    b = Article("b", "On March 3, 2024, the central bank raised interest rates again.", published=None)
    c = Article("c", "A storm hit the coast on March 3, 2024.", published=None)
    events = build([a, b, c]).event_list
    rates = [e for e in events if "rates" in e.title]
    assert len(rates) == 1 and {s.article_id for s in rates[0].sources} == {"a", "b"}
    assert any({s.article_id for s in e.sources} == {"c"} for e in events)
