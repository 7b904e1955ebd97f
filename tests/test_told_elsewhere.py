"""A later mention of a happening told earlier with its date takes that date; new, generic or other
happenings of the kind take nothing."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events import events_for_article
from timeline.events.anchoring import (
    NOT_RANGE_EXAMPLES,
    RANGE_EXAMPLES,
    RELATIVE_CLAUSE_DATE_EXAMPLES,
    Relation,
    relation_of,
)
from timeline.events.build import (
    DATED_REPORT_EXAMPLES,
    DATED_STATEMENT_EXAMPLES,
    GOVERNED_EXAMPLES,
    MODIFIER_DATE_EXAMPLES,
    NAMED_DATE_LENDS_FORWARD_EXAMPLES,
    PARTICIPLE_ADJUNCT_EXAMPLES,
    PERIOD_END_EXAMPLES,
    RESULTS_EXAMPLES,
)
from timeline.events.coreference import (
    CLAUSE_NEWS_BESIDE_A_MENTION_EXAMPLES,
    MENTION_EXAMPLES,
    MENTION_STANDS_FOR_ITS_CLAUSE_EXAMPLES,
    MORE_SOURCE_EXAMPLES,
    TIME_OF_DAY_EXAMPLES,
    TOLD_EARLIER_EXAMPLES,
    mentions,
)
from timeline.events.evaluation import owner_of
from timeline.events.sentences import OPENING_FRAME_EXAMPLES, SUBJECT_SPLIT_EXAMPLES, clause_spans
from timeline.model import Article
from timeline.temporal import tag


def sourced(events):
    """Each event with each of its sources: an event is found in every sentence that tells it."""
    return [(e, s) for e in events for s in e.sources]


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


def test_a_clause_a_mention_placed_holds_the_gold_events_of_its_clause():
    """"The attack killed 20 people": the clause tells the attack, so its words are judged at the attack's date."""
    text = "Rebels attacked the town on March 3. The attack killed 20 people."
    day = date(2024, 3, 9)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    second = [(e, s) for e, s in sourced(events) if s.sentence_span[0] == text.index("The attack")]
    owner = owner_of(text.index("killed"), second)
    assert owner is not None and owner.value == "2024-03-03"


@pytest.mark.parametrize(("sentence", "words", "count"), OPENING_FRAME_EXAMPLES + SUBJECT_SPLIT_EXAMPLES,
                         ids=lambda e: str(e)[:40])
def test_an_opening_phrase_or_a_subject_split_off_by_commas_belongs_to_the_clause_of_its_verb(sentence, words, count):
    assert len(clause_spans(sentence, [sentence.index(w) for w in words])) == count


@pytest.mark.parametrize(("text", "word", "value"), (
    ("Retaliating for the bombings, U.S. forces on Thursday launched cruise missile strikes.", "Retaliating",
     "1998-08-20"),
    ("In January, a clinic bombing in Birmingham, Ala., killed a security guard.", "bombing", "1998-01"),
))
def test_an_opening_phrase_or_a_subject_split_off_by_commas_shares_the_date_of_its_clause(text, word, value):
    day = date(1998, 8, 21)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert {e.value for e in events} == {value}, [(e.value, e.title) for e in events]
    assert owner_of(text.index(word), sourced(events)).value == value


def test_a_relative_clause_takes_no_date_whose_year_was_guessed_for_a_named_happening():
    """"the October 7 attacks, which saw 1,200 people killed": a yearless date that names a happening lends
    nothing (merging may still correct its year from another report), to a relative clause no more than to
    the rest of its sentence."""
    text = ("Kassab's death comes weeks after Israel killed Sinwar, who planned the October 7 attacks "
            "which saw 1,200 people killed.")
    day = date(2024, 11, 3)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert [e.value for e in events if e.value == "2024-10-07" and e.placement == "inferred"] == [], \
        [(e.value, e.explanation) for e in events]


@pytest.mark.parametrize(("text", "published", "word", "value"), DATED_REPORT_EXAMPLES + DATED_STATEMENT_EXAMPLES,
                         ids=lambda e: str(e)[:50])
def test_a_report_with_its_own_date_is_a_happening_at_it_when_set_off_or_when_it_reports_no_news(text, published, word,
                                                                                                     value):
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    at = text.index(word)
    on_word = [e.value for e in events if e.sources[0].happening_span == (at, at + len(word))]
    assert on_word == ([value] if value else []), [(e.value, e.title) for e in events]


@pytest.mark.parametrize(("text", "published", "word", "value"),
                         PERIOD_END_EXAMPLES + PARTICIPLE_ADJUNCT_EXAMPLES + GOVERNED_EXAMPLES
                         + NAMED_DATE_LENDS_FORWARD_EXAMPLES, ids=lambda e: str(e)[:50])
def test_the_word_a_date_places_is_the_one_the_clause_tells_at_it(text, published, word, value):
    """A period's end dates only the end, a participle after a past clause shares its time, and a happening that
    did not happen ("refused to sign it on Monday") leaves the date to the one that did; a date that names a
    happening lends its time to the clauses that go on to tell it, not to one told before it."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert owner_of(text.index(word), sourced(events)).value == value, [(e.value, e.explanation) for e in events]


@pytest.mark.parametrize(("sentence", "words"), RANGE_EXAMPLES + NOT_RANGE_EXAMPLES)
def test_the_first_date_of_a_change_from_one_figure_to_another_is_a_reference_point(sentence, words):
    expected = Relation.RELATIVE if (sentence, words) in RANGE_EXAMPLES else Relation.AT
    assert relation_of(sentence, sentence.index(words)) == expected, sentence


@pytest.mark.parametrize(("text", "published", "mention", "word"), CLAUSE_NEWS_BESIDE_A_MENTION_EXAMPLES,
                         ids=lambda e: str(e)[:50])
def test_a_clause_whose_news_is_not_the_mention_keeps_its_own_time(text, published, mention, word):
    """"Two suspects in the Nairobi bombing have been handed over": the handing over is the report's news, not the
    bombing's day; the mention is one more source of the bombing."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    news = owner_of(text.index(word), sourced(events))
    assert news is not None and news.value == published, [(e.value, e.title, e.explanation) for e in events]
    at = text.rindex(mention)
    earlier = [e for e in events if e.sources[0].sentence_span[0] == 0]
    assert any(s.happening_span == (at, at + len(mention)) for e in earlier for s in e.sources)


@pytest.mark.parametrize(("text", "published", "word", "value", "verb"), MODIFIER_DATE_EXAMPLES,
                         ids=lambda e: str(e)[:50])
def test_a_date_inside_a_subjects_modifier_places_that_modifier_not_the_clauses_verb(text, published, word, value,
                                                                                      verb):
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert owner_of(text.index(word), sourced(events)).value == value, [(e.value, e.title) for e in events]
    if verb:
        assert owner_of(text.index(verb), sourced(events)).value == published, [(e.value, e.title) for e in events]


def test_the_event_of_a_subjects_modifier_is_titled_by_that_subject():
    """"97 of the 251 hostages abducted by Hamas on October 7 remain in Gaza": the 7 October event is the abduction,
    not the hostages' remaining in Gaza."""
    text = "It is believed that 97 of the 251 hostages abducted by Hamas on October 7 remain in Gaza."
    day = date(2024, 11, 3)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert [(e.value, e.title) for e in events] == [("2024-10-07", "97 of the 251 hostages abducted by Hamas on October 7")]


@pytest.mark.parametrize(("text", "published", "mention", "word", "value"), MENTION_STANDS_FOR_ITS_CLAUSE_EXAMPLES,
                         ids=lambda e: str(e)[:50])
def test_a_clause_told_of_a_mentioned_happening_takes_its_date(text, published, mention, word, value):
    """"The attack, which began at dawn, killed 30 people", two days into the story: the killing is the attack's."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    owner = owner_of(text.rindex(word), sourced(events))
    assert owner is not None and owner.value == value, [(e.value, e.title, e.explanation) for e in events]


@pytest.mark.parametrize(("text", "published", "word", "value"), RELATIVE_CLAUSE_DATE_EXAMPLES, ids=lambda e: str(e)[:50])
def test_a_date_in_a_relative_clause_lends_its_time_to_that_clause_only(text, published, word, value):
    """"Albright, who fled in 1948, welcomed the new members": she welcomed them now, not in 1948."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    assert owner_of(text.index(word), sourced(events)).value == value, [(e.value, e.explanation) for e in events]


@pytest.mark.parametrize(("text", "published", "word", "value"), TIME_OF_DAY_EXAMPLES, ids=lambda e: str(e)[:50])
def test_a_time_of_day_told_with_a_happening_dated_earlier_is_on_its_day(text, published, word, value):
    """"Slepian was shot to death last Oct. 23 … was shot to death at 10 p.m.": 10 p.m. on Oct. 23, not on the day the
    report was published; another kind of happening, another name or a day of its own keep their day."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    at = text.rindex(word)
    assert owner_of(at, [(e, s) for e, s in sourced(events) if s.sentence_span[0] > 0]).value == value, \
        [(e.value, e.title, e.explanation) for e in events]
