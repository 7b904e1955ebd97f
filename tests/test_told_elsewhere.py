"""A later mention of a happening told earlier with its date takes that date; new, generic or other
happenings of the kind take nothing."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events import events_for_article
from timeline.events.build import RESULTS_EXAMPLES
from timeline.events.coreference import MENTION_EXAMPLES, MORE_SOURCE_EXAMPLES, TOLD_EARLIER_EXAMPLES, mentions
from timeline.events.sentences import OPENING_FRAME_EXAMPLES, clause_spans
from timeline.model import Article
from timeline.temporal import tag


@pytest.mark.parametrize(("sentence", "noun"), MENTION_EXAMPLES, ids=lambda e: str(e)[:40])
def test_definite_mentions_of_a_kind_of_happening(sentence, noun):
    assert [m.word for m in mentions(sentence)] == ([noun] if noun else [])


@pytest.mark.parametrize(("text", "published", "word", "value"), TOLD_EARLIER_EXAMPLES, ids=lambda e: str(e)[:50])
def test_a_mention_of_a_happening_told_earlier_takes_its_date(text, published, word, value):
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    at = text.rindex(word)
    span = (at, at + len(word))
    # the clause event built on the mention takes the date, or the earlier event takes the mention as a source
    on_word = [e for e in events if any(s.happening_span == span for s in e.sources)]
    if value:
        assert on_word and all(e.value == value for e in on_word), [(e.value, e.explanation) for e in on_word]
    else:
        told = [e for e in on_word if "told earlier" in e.explanation or e.sources[0].happening_span != span]
        assert not told, [(e.value, e.explanation) for e in told]


@pytest.mark.parametrize(("text", "published", "word"), MORE_SOURCE_EXAMPLES, ids=lambda e: str(e)[:50])
def test_a_mention_in_a_clause_telling_something_else_is_one_more_source_of_the_earlier_event(text, published, word):
    """"The arrest may be challenged in court" is not on the day of the arrest, but it tells of the arrest."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    at = text.rindex(word)
    span = (at, at + len(word))
    own = [e for e in events if e.sources[0].happening_span == span]
    assert all(e.value == published for e in own), [(e.value, e.explanation) for e in own]
    earlier = [e for e in events if e.sources[0].sentence_span[0] == 0 and any(s.happening_span == span
                                                                                 for s in e.sources)]
    assert earlier and all(e.value != published for e in earlier), "the earlier event has the mention as a source"


def test_the_mention_says_which_earlier_happening_gave_its_date():
    text = "Police arrested the suspect on Friday in Leeds. The arrest followed a three-month inquiry."
    day = date(2024, 5, 13)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    told = next(e for e in events if "told earlier" in e.explanation)
    assert told.explanation == "the arrest told earlier in the report, at 'Friday' (2024-05-10)"
    assert told.placement == "inferred" and told.sources[0].sentence.startswith("The arrest")


@pytest.mark.parametrize(("text", "published", "word", "value"), RESULTS_EXAMPLES, ids=lambda e: str(e)[:50])
def test_a_figure_changed_from_another_after_results_for_a_quarter_is_of_that_quarter(text, published, word, value):
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    second = text.index(". ") + 2
    later = [e for e in events if e.sources[0].sentence_span[0] == second]
    assert later and all(e.value == value for e in later), [(e.value, e.explanation) for e in later]


def test_an_event_placed_by_a_mention_holds_only_the_gold_event_of_its_own_word():
    """"… capitalize on the murder of a physician in order to garner votes": the murder is the earlier
    happening, "garner" is the clause's, however near the mention it lies."""
    from timeline.events.evaluation import owner_of
    text = ("Dr. Lane was shot dead in Leeds on May 2. The mayor tried to capitalize on the murder of Dr. Lane "
            "in order to garner votes.")
    day = date(2024, 5, 10)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    murder, garner = text.index("murder"), text.index("garner")
    sourced = [(e, s) for e in events for s in e.sources]
    assert owner_of(murder, sourced).value == "2024-05-02"
    assert owner_of(garner, sourced).value == "2024-05-10", "the clause's news, not the murder's day"
    shot = owner_of(murder, sourced)
    assert shot.title.startswith("Dr. Lane was shot"), "the mention is one more source of the shooting, not a copy"
    assert len([e for e in events if e.title == shot.title]) == 1
    mention = next(s for s in shot.sources if s.happening_span[0] == murder)
    assert text[slice(*mention.date_span)] == "murder", "the mention is what places it: shown as its date words"


@pytest.mark.parametrize(("sentence", "words", "count"), OPENING_FRAME_EXAMPLES, ids=lambda e: str(e)[:40])
def test_an_opening_participle_or_prepositional_phrase_belongs_to_the_clause_it_opens(sentence, words, count):
    assert len(clause_spans(sentence, [sentence.index(w) for w in words])) == count


def test_an_opening_participle_shares_the_date_of_the_clause_it_opens():
    text = "Retaliating for the bombings, U.S. forces on Thursday launched cruise missile strikes."
    day = date(1998, 8, 21)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert {e.value for e in events} == {"1998-08-20"}, [(e.value, e.title) for e in events]
