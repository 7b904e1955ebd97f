"""Happenings: found with or without dates, placed with the kind of relation, furniture skipped, ranked."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from timeline import Article, build
from timeline.events.anchoring import (
    COMPARED_EXAMPLES,
    NOT_COMPARED_EXAMPLES,
    NOT_PLAN_EXAMPLES,
    NOT_PREMODIFIER_EXAMPLES,
    NOT_SINCE_EXAMPLES,
    NOT_UNTIL_EXAMPLES,
    PLAN_EXAMPLES,
    PREMODIFIER_EXAMPLES,
    RELATIVE_EXAMPLES,
    RELATIVE_WORDS,
    Relation,
    is_planned,
    premodified,
    relating_words,
    relation_of,
)
from timeline.events.build import NOT_NAMED_ACROSS_A_COMMA_EXAMPLES, QUOTED_NEWS_EXAMPLES, events_for_article
from timeline.events.evaluation import owner_of
from timeline.events.furniture import FURNITURE, furniture_kind, is_quoted_opinion
from timeline.events.happenings import Kind, shipped_model
from timeline.events.verbs import (
    FORM_EXAMPLES,
    NEGATED_EXAMPLES,
    REPORTED_FUTURE_EXAMPLES,
    negated,
    reported_future,
    verb_form,
)
from timeline.model import Modality, Placement
from timeline.temporal import tag
from timeline.timeml import read_timeml

REPORT_DAY = date(2005, 6, 13)


def events_of(text: str, published: date | None = REPORT_DAY):
    return build([Article("a", text, title=text.split("\n")[0], outlet="A", published=published)]).event_list


@pytest.mark.parametrize("rule", FURNITURE, ids=lambda r: r.name)
def test_furniture_rule_examples(rule):
    for line in rule.examples:
        assert furniture_kind(line) == rule.name, line
    for line in rule.not_examples:
        assert furniture_kind(line) == "", line


@pytest.mark.parametrize("sentence", RELATIVE_EXAMPLES)
def test_relative_examples_make_the_date_a_reference_point(sentence):
    word = next(w for w in RELATIVE_WORDS if f" {w} " in sentence)
    date_start = sentence.index(f" {word} ") + len(word) + 2
    assert relation_of(sentence, date_start) == Relation.RELATIVE
    assert relation_of("Kassab was killed Friday in an airstrike", 18) == Relation.AT
    assert relating_words("Prices rose ahead of Tuesday's vote", 21) == "ahead of "
    assert relating_words("Jobs go by the end of 2012", 22) == "by the end of "


@pytest.mark.parametrize(("sentence", "words"), PLAN_EXAMPLES + NOT_PLAN_EXAMPLES)
def test_plan_cue_examples(sentence, words):
    """A verb or noun of intent makes a plan only with its "to": "the plan offered" was offered."""
    assert is_planned(sentence, sentence.index(words)) == ((sentence, words) in PLAN_EXAMPLES), sentence


@pytest.mark.parametrize(("sentence", "words"), NOT_UNTIL_EXAMPLES)
def test_not_until_a_date_says_when_it_happened(sentence, words):
    assert relation_of(sentence, sentence.index(words)) == Relation.AT, sentence
    until = sentence.replace("Not until", "Until").replace("not until", "until").replace("n't until", " until")
    assert relation_of(until, until.index(words)) == Relation.RELATIVE, "look-alike: 'until' alone relates"


@pytest.mark.parametrize(("sentence", "words"), NOT_SINCE_EXAMPLES)
def test_not_since_a_date_still_relates_to_it(sentence, words):
    assert relation_of(sentence, sentence.index(words)) == Relation.RELATIVE, sentence


@pytest.mark.parametrize(("sentence", "words"), COMPARED_EXAMPLES + NOT_COMPARED_EXAMPLES)
def test_a_date_of_the_figure_a_change_is_measured_from_is_a_reference_point(sentence, words):
    expected = Relation.RELATIVE if (sentence, words) in COMPARED_EXAMPLES else Relation.AT
    assert relation_of(sentence, sentence.index(words)) == expected, sentence


def test_a_change_measured_from_a_year_earlier_is_news_of_now_with_the_comparison_as_context():
    rose = next(e for e in events_of("Profit rose to $155 million from $99 million a year earlier.") if "Profit" in e.title)
    assert rose.placement == Placement.INFERRED and rose.end == datetime(2005, 6, 14)
    assert rose.relation == "from $99 million a year earlier"


def test_past_news_beside_a_date_that_names_a_happening_takes_its_date():
    """'since the January 1998 bombing … that killed a guard': the killing was the bombing's, not today's news."""
    text = "Rudolph has been on the run since the January 1998 bombing of a clinic that killed a guard."
    killed = next(e for e in events_for_article(Article("a", text, published=REPORT_DAY), tag(text, REPORT_DAY))
                  if text[slice(*e.sources[0].happening_span)] == "killed")
    assert killed.value == "1998-01"
    risen = events_of("Prices have risen since 1997, and the bank raised its rates.")
    assert [e.value for e in risen] == ["2005-06-13"], "a date that names no happening lends nothing"


def test_the_shipped_model_is_plain_json_and_finds_undated_happenings():
    from importlib import resources
    json.loads(resources.files("timeline.events").joinpath("happenings.json").read_text(encoding="utf-8"))
    kinds = {h.word: h.kind for h in shipped_model().label(["Shares in the maker rose 4 %, the company said."])[0]}
    assert kinds == {"rose": Kind.FACTUAL, "said": Kind.REPORTING}


def test_each_event_names_the_word_it_was_built_on():
    text = "The airline has placed an order for 20 aircraft. Its shares rose 4 % on Friday in Paris."
    events = events_for_article(Article("a", text, published=REPORT_DAY), tag(text, REPORT_DAY))
    spans = {text[slice(*e.sources[0].happening_span)]: e.sources[0] for e in events}
    assert set(spans) == {"placed", "rose"}
    assert spans["placed"].date_span[0] == spans["placed"].date_span[1] and not spans["placed"].date_text, "no date words"
    assert text[slice(*spans["rose"].date_span)] == "Friday" == spans["rose"].date_text


def test_undated_news_is_on_or_shortly_before_the_publication_date():
    events = events_of("Business briefing\nThe airline has placed an order for 20 aircraft.")
    order = next(e for e in events if "order for 20 aircraft" in e.title)
    assert order.placement == Placement.INFERRED and order.modality == Modality.FACTUAL
    assert order.end == datetime(2005, 6, 14) and order.begin < datetime(2005, 6, 13)
    assert "reported on Mon 13 Jun 2005; no date in the sentence" in order.explanation
    headline = next(e for e in events_of("Carmaker posts first annual loss since 1992\nThe results came out.")
                    if "Carmaker" in e.title)
    assert headline.title == "Carmaker posts first annual loss since 1992" and headline.relation == "since 1992"
    assert (headline.begin, headline.end) == (datetime(2005, 6, 13), datetime(2005, 6, 14)), "the headline is the day's news"


@pytest.mark.parametrize(("sentence", "words"), [
    ("Aid groups are counting on a quick settlement of the claims.", "are counting"),
    ("Rescue teams are searching the rubble for survivors.", "are searching"),
    ("In 1997 the plant was built, and now the union is fighting its closure.", "union is fighting"),
])
def test_present_tense_news_holds_on_the_publication_day(sentence, words):
    held = [e for e in events_of(f"City news\n{sentence}") if e.placement == Placement.INFERRED and words in e.sentence]
    assert held and all((e.begin, e.end) == (datetime(2005, 6, 13), datetime(2005, 6, 14)) for e in held), sentence
    assert "present tense" in held[0].explanation


def test_clauses_whose_times_nest_are_one_event():
    """Past news and a present clause of one sentence: the publication day lies within the past week."""
    line = "The airline dismissed 200 workers, and its pilots are striking at three airports."
    made = [e for e in events_of(f"Airline news\n{line}") if e.sources[0].sentence == line]
    assert len(made) == 1 and made[0].begin < datetime(2005, 6, 13), "the past clause's week holds the present day"


@pytest.mark.parametrize("sentence", ["The airline has placed an order for 20 aircraft.",
                                      "The airline placed an order for 20 aircraft.",
                                      "The airline had placed an order for 20 aircraft."])
def test_past_and_perfect_news_are_not_held_to_the_day(sentence):
    """Look-alikes of the present tense: done by the publication day, not going on during it."""
    order = next(e for e in events_of(f"Business briefing\n{sentence}") if "order for 20" in e.title)
    assert order.begin < datetime(2005, 6, 13) and order.end == datetime(2005, 6, 14)


def test_a_plan_told_inside_past_news_is_an_event_of_its_own():
    events = events_of("Plant news\nThe board approved a plan to close the plant.")
    approval = next(e for e in events if e.title == "The board approved a plan to close the plant")
    closing = next(e for e in events if e.title == "Close the plant")
    assert approval.modality == Modality.FACTUAL and approval.begin < datetime(2005, 6, 13)
    assert closing.modality == Modality.PLANNED and closing.begin >= datetime(2005, 6, 14)
    assert closing.sources[0].sentence == approval.sources[0].sentence
    # look-alikes: a plain past happening, and a plan that is the clause's own happening, stay one event each
    for text in ("The board closed the plant after a long review.", "The board plans to close the plant."):
        assert len([e for e in events_of(f"Plant news\n{text}") if "plant" in e.sentence.lower()
                    and e.sources[0].sentence == text]) == 1, text


def test_a_date_after_since_is_context_not_the_time():
    events = events_of("Markets slide\nStocks fell to their lowest level since October 1997.")
    fall = next(e for e in events if "Stocks fell" in e.title)
    assert fall.begin.year == 2005 and fall.placement == Placement.INFERRED
    assert fall.relation == "since October 1997"
    assert not [e for e in events if e.begin.year == 1997]


def test_a_date_naming_a_happening_places_it_even_after_a_relating_word():
    events = events_of("Fugitive news\nThe suspect has been on the run since the January 1998 bombing of a clinic.")
    bombing = next(e for e in events if e.placement == Placement.WRITTEN)
    assert bombing.value == "1998-01" and bombing.date_text == "January 1998"
    assert [e.placement for e in events if "bombing" in e.sentence] == [Placement.WRITTEN], \
        "the happening the date names is told once, not again at the report's time"
    text = "Police have searched the hills since the January 1998 bombing of a clinic."
    search = next(e for e in events_of(f"Fugitive news\n{text}") if e.placement == Placement.INFERRED)
    assert search.begin.year == 2005 and search.relation.startswith("since the January 1998")
    # look-alikes: the date names no happening, so it stays a reference point only
    for text in ("Stocks have fallen since January 1998 when the crisis began.", "The talks went on until Monday night."):
        assert not [e for e in events_of(f"Markets\n{text}") if e.placement == Placement.WRITTEN], text


@pytest.mark.parametrize(("sentence", "value"), [
    ("Shares have lost half their value since August 2004, when they traded at $10.", "2004-08"),
    ("Since 1985 — when the army created a buffer zone — 200 soldiers have been killed.", "1985"),
])
def test_a_when_clause_set_off_after_a_date_happens_at_it(sentence, value):
    events = events_of(f"Market news\n{sentence}")
    assert [e.value for e in events if e.placement == Placement.WRITTEN] == [value], sentence
    assert any(e.placement == Placement.INFERRED and e.begin.year == 2005 for e in events), "the main clause is news"
    # look-alike: a date that already placed the clause before it places the "when" clause once, not twice
    from timeline.events.build import events_for_article
    from timeline.temporal import tag
    line = "Prices rose sharply in 1985, when the army created a buffer zone."
    made = events_for_article(Article("a", line, published=REPORT_DAY), tag(line, REPORT_DAY))
    assert len({e.id for e in made}) == len(made) and [e.value for e in made if e.placement == Placement.WRITTEN] == ["1985"]
    # look-alike: a "when" clause with a date of its own happens at that date
    line = "Prices rose sharply in 1985, when the army created a buffer zone in the south on March 3, 1986."
    made = events_for_article(Article("a", line, published=REPORT_DAY), tag(line, REPORT_DAY))
    assert "1986-03-03" in [e.value for e in made if e.placement == Placement.WRITTEN]
    # look-alike: without the comma "when" may only narrow the date, which stays a reference point
    assert not [e for e in events_of("Markets\nStocks have fallen since January 1998 when the crisis began.")
                if e.placement == Placement.WRITTEN]


@pytest.mark.parametrize("example", PREMODIFIER_EXAMPLES, ids=lambda e: e[1])
def test_a_date_before_a_noun_names_that_thing(example):
    sentence, date_text, noun = example
    at = sentence.index(date_text)
    span = premodified(sentence, at, at + len(date_text))
    assert span is not None and sentence[span[0]:span[1]] == noun, sentence


@pytest.mark.parametrize("example", NOT_PREMODIFIER_EXAMPLES, ids=lambda e: e[1])
def test_a_date_that_dates_its_clause_names_no_thing(example):
    sentence, date_text = example
    at = sentence.index(date_text)
    assert premodified(sentence, at, at + len(date_text)) is None, sentence


def test_a_thing_a_date_names_is_at_the_date_and_the_clause_verb_is_news():
    """"That 1978 resolution calls for …": the resolution is of 1978; calling for it is what holds now."""
    events = events_of("UN news\nThat 1978 resolution calls for an unconditional withdrawal.")
    assert [e.value for e in events if e.placement == Placement.WRITTEN] == ["1978"]
    calls = next(e for e in events if e.placement == Placement.INFERRED)
    assert calls.end == datetime(2005, 6, 14) and "reported on" in calls.explanation, "news of the report, not of 1978"
    later = next(e for e in events_of("Alliance news\nThe September accession will double its membership.")
                 if e.placement == Placement.WRITTEN)
    assert later.value == "2005-09" and later.modality == Modality.PLANNED, "a thing still to come is planned"
    # look-alike: a date after a preposition dates the clause itself
    rose = [e for e in events_of("Bank news\nIn the second quarter, profit at the bank rose sharply.")]
    assert [(e.placement, e.value) for e in rose if "profit" in e.title] == [(Placement.WRITTEN, "2005-Q2")]


def test_past_news_beside_a_later_date_is_placed_as_news():
    """The date says what is to come ("payable July 15"), not when the board acted."""
    text = "Dividend news\nThe board declared a special dividend, payable July 15 to holders of record."
    events = events_of(text)
    payable = next(e for e in events if e.placement == Placement.WRITTEN)
    declared = next(e for e in events if e.placement == Placement.INFERRED and "declared" in e.title)
    assert payable.value == "2005-07-15"
    assert declared.end == datetime(2005, 6, 14) and declared.begin < datetime(2005, 6, 13)
    # look-alikes: a past date, or a plan told with a later date, is the happening's own time
    for line in ("The board paid a special dividend on June 1.", "The board will pay a special dividend on July 15."):
        assert [e.placement for e in events_of(f"Dividend news\n{line}") if "dividend" in e.title] == [Placement.WRITTEN], line


@pytest.mark.parametrize("example", FORM_EXAMPLES, ids=lambda e: e[0])
def test_verb_form_examples(example):
    sentence, word, form = example
    assert verb_form(sentence, sentence.index(word), word) == form


@pytest.mark.parametrize("example", NEGATED_EXAMPLES, ids=lambda e: e[0])
def test_negated_examples(example):
    sentence, word, expected = example
    assert negated(sentence, sentence.index(word)) == expected


@pytest.mark.parametrize("example", REPORTED_FUTURE_EXAMPLES, ids=lambda e: e[0])
def test_reported_future_examples(example):
    sentence, word, expected = example
    assert reported_future(sentence, sentence.index(f" {word}") + 1) == expected


def test_what_a_report_says_would_happen_is_planned_after_the_report():
    said = "Job cuts\nThe carmaker said it would cut 500 jobs at its plant in Ohio."
    planned = [e for e in events_of(said) if e.modality == Modality.PLANNED]
    assert planned and all(e.begin >= datetime(2005, 6, 14) for e in planned), "the cut is still to come"
    # look-alikes: told as done, or as a condition with no one reporting it, it is no plan
    for line in ("The carmaker said it cut 500 jobs at its plant in Ohio.",
                 "The carmaker would cut 500 jobs at its plant in Ohio if sales fell."):
        assert not [e for e in events_of(f"Job cuts\n{line}") if e.modality == Modality.PLANNED], line


def test_a_negated_future_is_no_plan():
    events = events_of("Briefing\nSelling the plant won’t solve the company’s problems, the union said.")
    assert all(e.modality == Modality.HYPOTHETICAL for e in events), \
        "what will not happen is no plan: at most a hypothetical event, which the views hide"


@pytest.mark.parametrize("sentence", ["The new fund is to be financed by donations from member states.",
                                      "The company is to contribute 200 million dollars to the venture.",
                                      "The ruling is likely to send the case back to a state court."])
def test_is_to_and_likely_to_tell_what_is_still_to_come(sentence):
    planned = [e for e in events_of(f"Briefing\n{sentence}") if e.modality == Modality.PLANNED]
    assert planned and all(e.begin >= datetime(2005, 6, 14) for e in planned), sentence
    # look-alike: the past tense of the same words is done
    done = sentence.replace(" is to be ", " was ").replace(" is to contribute", " contributed")
    if done != sentence:
        assert [e.modality for e in events_of(f"Briefing\n{done}")] == [Modality.FACTUAL], done


def test_a_happening_dated_after_its_report_is_planned_whatever_its_tense():
    promised = [e for e in events_of("Politics\nThe premier promised a national referendum next year.")
                if e.placement == Placement.WRITTEN]
    assert [(e.value, e.modality) for e in promised] == [("2006", Modality.PLANNED)]
    held = [e for e in events_of("Politics\nThe premier held a national referendum last year.")
            if e.placement == Placement.WRITTEN]
    assert [(e.value, e.modality) for e in held] == [("2004", Modality.FACTUAL)], "look-alike: a past date is factual"


def test_a_plan_with_a_target_is_planned_at_its_target():
    events = events_of("Group to cut jobs\nThe group aims to cut 30,000 jobs by 2012.")
    cut = next(e for e in events if "30,000 jobs" in e.title)
    assert cut.modality == Modality.PLANNED and cut.value == "2012" and cut.relation == "by 2012"


def test_hypothetical_makes_only_a_hidden_event_and_quoted_opinion_none():
    text = ("Talks end\nThe company would not sign the deal if prices rose.\n"
            "“This is the worst decision anyone has ever made in this town,” the mayor said.")
    events = events_of(text)
    assert all(e.modality == Modality.HYPOTHETICAL for e in events if "deal" in e.title)
    assert not [e for e in events if "worst" in e.title]
    assert is_quoted_opinion("“This is the worst decision anyone has ever made in this town,” the mayor said.")


@pytest.mark.parametrize(("text", "published", "word", "value"), QUOTED_NEWS_EXAMPLES, ids=lambda e: str(e)[:50])
def test_a_quoted_sentence_tells_the_news_of_its_own_words(text, published, word, value):
    """"Hungary joined NATO, which the minister called 'a return home'": the joining is news of the day it happened;
    the quoted words, and a report or a label of them alone, are someone's view and make no event."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", text, published=day), tag(text, day))
    second = text.index(". ") + 2
    quoted = [(e, s) for e in events for s in e.sources if s.sentence_span[0] >= second]
    news = owner_of(text.rindex(word), quoted)
    assert (news.value if news else "") == value, [(e.value, e.title) for e in events]


def test_page_furniture_makes_no_event():
    text = ("Rebels seize Orla\nRebels seized the town of Orla after a week of fighting.\n"
            "© 2020 Daily Planet Media. All rights reserved.\nSign up for our newsletter to get the news in your inbox\n"
            "Read more: Rebels took the port in 2019\nBy Jane Doe\nPhoto: Reuters\n"
            "Related stories\nArmy retakes the airport in Orla\nFloods hit the coast as storms pass")
    sentences = {s.sentence for e in events_of(text) for s in e.sources}
    assert sentences == {"Rebels seize Orla", "Rebels seized the town of Orla after a week of fighting."}


def test_no_publication_date_leaves_undated_happenings_unplaced_and_says_so():
    article = Article("a", "The airline has placed an order for 20 aircraft.", published=None)
    timeline = build([article])
    assert timeline.event_list == []
    assert "no publication date" in " ".join(timeline.article_list[0].warnings)


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_each_seed_headline_is_an_event(seed_timeline, article):
    headline = next(a.title for a in seed_timeline.article_list if a.id.startswith(article))
    text = next(a.text for a in seed_timeline.article_list if a.id.startswith(article))
    line = next(line for line in text.splitlines() if headline[:30].lower() in line.lower())
    assert any(s.article_id.startswith(article) and s.sentence == line.strip()
               for e in seed_timeline.event_list for s in e.sources), line


def test_main_seed_happenings_rank_first(seed_timeline):
    top = sorted(seed_timeline.event_list, key=lambda e: -e.score)[:5]
    assert any(e.value == "2023-10-07" for e in top), "the 7 October attack"
    assert any(e.begin.date() == date(2024, 11, 1) and "Kassab" in " ".join(s.sentence for s in e.sources)
               for e in top), "the Kassab strike"


SAMPLE = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Shares in Asia <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1"
type="DATE" value="1998-01-07">yesterday</TIMEX3>.
The bank <EVENT eid="e2" class="OCCURRENCE">will</EVENT> <EVENT eid="e3" class="OCCURRENCE">meet</EVENT> soon.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="FUTURE" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei3"/>
</TimeML>"""


def test_timeml_links_are_read_from_both_sides(tmp_path):
    path = tmp_path / "s.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    events = {e.text: e for e in read_timeml(path).events}
    assert events["fell"].time_links == [("IS_INCLUDED", "t1")]
    assert events["meet"].time_links == [("IS_INCLUDED", "t0")] and events["meet"].tense == "FUTURE"


def test_anchoring_scores_the_sample_against_the_baseline(tmp_path):
    from timeline.events.evaluation import evaluate_anchoring
    (tmp_path / "s.tml").write_text(SAMPLE, encoding="utf-8")
    results, count = evaluate_anchoring([str(tmp_path)], folds=1)
    system, baseline, _ = results["shown"]
    assert count == 1
    assert (system.timex.correct, system.timex.total) == (1, 1), "'fell' is placed at yesterday's value"
    assert (baseline.timex.correct, baseline.timex.total) == (0, 1), "the baseline puts it on the publication day"
    # 'will meet' is planned, after the publication day; the annotation says it includes the day
    assert system.misses == {"IS_INCLUDED: after the day": 1} and not baseline.misses


def test_retrain_writes_loadable_json(tmp_path):
    from timeline.events.happenings import HappeningModel
    from timeline.events.train import main
    for number in range(3):
        (tmp_path / f"s{number}.tml").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "model.json"
    assert main([str(tmp_path), "--out", str(out), "--folds", "0"]) == 0
    model = HappeningModel.from_json(json.loads(out.read_text()))
    assert "fell" in [h.word for h in model.label(["Shares in Asia fell yesterday."])[0]]


def test_the_margin_against_no_happening_turns_doubtful_words_into_happenings(tmp_path, monkeypatch):
    """The margin (chosen out of fold) moves the decision towards happenings; without it only clear ones pass."""
    import numpy as np

    from timeline.events import train
    from timeline.events.happenings import HappeningModel
    (tmp_path / "s.tml").write_text(SAMPLE, encoding="utf-8")
    data = train.examples([read_timeml(tmp_path / "s.tml")])
    sentence = ["Shares in Asia fell yesterday and banks rallied."]
    found = {}
    for margin in (0.0, 50.0):
        monkeypatch.setattr(train, "NONE_MARGIN", margin)
        model = HappeningModel.from_json(train.fit(data, np.arange(len(data.labels)), frozenset()))
        found[margin] = {h.word for h in model.label(sentence)[0]}
    assert "fell" in found[0.0] and found[0.0] < found[50.0]
    assert {"banks", "rallied"} <= found[50.0]


def test_cli_evaluates_anchoring_beside_the_baseline(tmp_path, capsys):
    from timeline.cli import main
    (tmp_path / "s.tml").write_text(SAMPLE, encoding="utf-8")
    assert main(["evaluate", "anchoring", str(tmp_path), "--folds", "1"]) == 0
    printed = capsys.readouterr().out
    assert "timex anchoring" in printed and "baseline" in printed and "1/1; 0/1" in printed
    assert "document-time misses (events; baseline): IS_INCLUDED: after the day 1 (0)" in printed
    (tmp_path / "broken.tml").write_text("<TimeML>no text element</TimeML>", encoding="utf-8")
    assert main(["evaluate", "anchoring", str(tmp_path), "--folds", "1"]) == 0
    assert "broken.tml" in capsys.readouterr().err, "a bad file is named; the others are still scored"
    assert main(["evaluate", "anchoring", str(tmp_path / "missing")]) == 2


NEAR_ANOTHER = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Shares are falling, and the bank <EVENT eid="e1" class="OCCURRENCE">sold</EVENT> its stake in the \
troubled regional lender to a group of foreign buyers in <TIMEX3 tid="t1" type="DATE" value="1995">1995</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>"""


def test_a_gold_event_belongs_to_the_event_built_on_its_word_not_the_nearest_date(tmp_path):
    """'sold' lies nearer the undated 'falling' than its own date: the nearest date handed it to the wrong event."""
    from timeline.events.evaluation import evaluate_anchoring, owner_of
    from timeline.temporal import tag
    path = tmp_path / "s.tml"
    path.write_text(NEAR_ANOTHER, encoding="utf-8")
    document = read_timeml(path)
    sold = document.events[0]
    events = events_for_article(Article("s", document.text, published=date(1998, 1, 8)),
                                tag(document.text, date(1998, 1, 8)))
    by_date = min(events, key=lambda e: abs(e.sources[0].date_span[0] - sold.start))
    assert by_date.placement == Placement.INFERRED, "the old ownership: the news of the day, not the sale"
    assert owner_of(sold.start, [(e, s) for e in events for s in e.sources]).value == "1995"
    system, _, _ = evaluate_anchoring([str(tmp_path)], folds=1)[0]["shown"]
    assert (system.timex.correct, system.timex.total) == (1, 1)
    assert (system.precision.correct, system.precision.total) == (1, 1)


def test_anchoring_prints_the_missed_gold_events_to_read(tmp_path, capsys):
    from timeline.cli import main
    (tmp_path / "s.tml").write_text(SAMPLE, encoding="utf-8")
    assert main(["evaluate", "anchoring", str(tmp_path), "--folds", "1", "--misses", "5"]) == 0
    printed = capsys.readouterr().out
    assert "document-time relation: 1 misses, 1 shown" in printed
    assert "s.tml: 'meet' IS_INCLUDED the document time (1998-01-08)" in printed
    assert "The bank will meet soon." in printed and "placed: 1998-01-08 1998-01-09..1998-01-16" in printed
    assert "timex anchoring: 0 misses" in printed, "'fell' is placed right"


def test_clauses_without_a_happening_join_their_neighbour():
    from timeline.events.sentences import clause_spans
    one = "Profit fell 10%, to $3 million, in the third quarter"
    assert clause_spans(one, [one.index("fell")]) == [(0, len(one))]
    two = "Shares fell, a day after the merger was announced"
    clauses = [two[a:b] for a, b in clause_spans(two, [two.index("fell"), two.index("announced")])]
    assert clauses == ["Shares fell, a day ", "after the merger was announced"]


def test_a_paragraph_that_tells_of_a_past_year_keeps_its_past_tense_news_there():
    text = ("Spy agency under scrutiny\n\nIn 1997, Israeli agents tried to poison a militant leader in Amman. "
            "One agent sprayed a toxin into his ear.\n\nThe agency declined to comment.")
    events = events_of(text, date(2023, 12, 1))
    toxin = next(e for e in events if "toxin" in e.title)
    assert toxin.value == "1997" and toxin.placement == Placement.INFERRED and "1997" in toxin.explanation
    comment = next(e for e in events if "declined" in e.title)
    assert comment.begin.year == 2023, "a new paragraph is back at the reporting time"
    # look-alike: a date told inside its sentence, not opening it, frames nothing after it
    inside = ("Spy agency under scrutiny\n\nThe agency, founded in 1949, tried to poison a militant leader. "
              "One agent sprayed a toxin into his ear.")
    toxin = next(e for e in events_of(inside, date(2023, 12, 1)) if "toxin" in e.title)
    assert toxin.begin.year == 2023 and "1949" not in toxin.explanation


def test_past_news_takes_the_reports_news_day_but_the_present_perfect_is_news_of_now():
    text = ("Markets in brief\nShares in Tokyo fell sharply on Friday. Carmakers led the decline.\n"
            "The airline has placed an order for jets.")
    events = events_of(text)
    lost = next(e for e in events if "Carmakers led" in e.title)
    assert lost.value == "2005-06-10" and lost.placement == Placement.INFERRED, "the news day the report stated"
    order = next(e for e in events if "order for jets" in e.title)
    assert order.end == datetime(2005, 6, 14) and order.mod == "ON_OR_BEFORE"


def test_the_present_perfect_with_adverbs_between_is_still_news_of_now():
    text = ("Hostage deal talks\n\nOn October 7, 2023, gunmen seized 251 hostages.\n"
            "The bodies of 37 hostages have also been recovered, and two more have not yet been found.")
    events = events_of(text, date(2024, 11, 1))
    bodies = next(e for e in events if "bodies" in e.title and e.modality == Modality.FACTUAL)
    assert bodies.begin.year == 2024 and bodies.placement == Placement.INFERRED, bodies.explanation


def test_past_news_beside_a_date_without_its_year_takes_that_date_and_keeps_the_guess():
    """"On May 2, police, acting on a tip, searched the house": the date opens the sentence, the search is its
    news, though the publication date chose the year; the event keeps the guess so that merging may correct it."""
    text = "On May 2, police, acting on a tip from a neighbour, searched the house and found a rifle."
    searched = next(e for e in events_for_article(Article("a", text, published=REPORT_DAY), tag(text, REPORT_DAY))
                    if text[slice(*e.sources[0].happening_span)] == "searched")
    assert (searched.value, searched.placement, searched.year_guessed) == ("2005-05-02", Placement.INFERRED, True)
    # look-alike: a clause told in the present holds on the report's day, not on the other clause's date
    text = "On May 2, police searched the house, and officials are reviewing the evidence."
    reviewing = next(e for e in events_for_article(Article("a", text, published=REPORT_DAY), tag(text, REPORT_DAY))
                     if text[slice(*e.sources[0].happening_span)] == "reviewing")
    assert reviewing.value == "2005-06-13" and not reviewing.year_guessed
    # look-alike: a yearless date that names a happening lends nothing, since merging may correct its year
    text = "Officials said he helped plan the May 2 attack on the embassy."
    helped = [e for e in events_for_article(Article("a", text, published=REPORT_DAY), tag(text, REPORT_DAY))
              if e.placement == Placement.INFERRED]
    assert helped and all(e.value == "2005-06-13" for e in helped)


def test_a_paragraph_opened_by_a_date_without_its_year_lends_it_to_its_past_news():
    """"On May 2, police raided a house. They arrested two men": the arrest is of May 2, whose year the
    publication date chose; the event keeps the guess."""
    arrested = next(e for e in events_of("Town news\n\nOn May 2, police raided a house in the town. "
                                         "They arrested two men and seized a rifle.") if "arrested" in e.title)
    assert (arrested.value, arrested.year_guessed) == ("2005-05-02", True)
    # look-alike: a yearless date that names a happening lends nothing ("the May 2 attack")
    arrested = next(e for e in events_of("Town news\n\nThe May 2 attack killed four people in the town. "
                                         "Police arrested two men and seized a rifle.") if "arrested" in e.title)
    assert arrested.value == "2005-06-13" and not arrested.year_guessed


def test_a_full_date_set_off_by_commas_names_the_happening_after_it():
    """"charged over the March 3, 2004, bombing": the bombing is of that day, though a comma ends the date."""
    text = "Two men were charged over the March 3, 2004, bombing of a market that killed 12 people."
    events = events_for_article(Article("a", text, published=REPORT_DAY), tag(text, REPORT_DAY))
    bombing = [e for e in events if text[slice(*e.sources[0].happening_span)] == "bombing"]
    assert [(e.value, e.placement) for e in bombing] == [("2004-03-03", Placement.WRITTEN)]


def test_a_timex_miss_says_whether_the_tagger_or_the_choice_of_date_is_to_mend():
    from timeline.events.evaluation import TIMEX_MISS_KINDS, timex_miss_kind
    from timeline.timeml import GoldTimex
    text = "Shares fell on Monday. The bank met."
    timexes = tag(text, date(1998, 1, 8))
    monday = text.index("Monday")
    first, second = (0, 22), (23, len(text))

    def kind(value: str, sentence: tuple[int, int], start: int = monday) -> str:
        return timex_miss_kind(GoldTimex(start, start + 6, text[start:start + 6], "DATE", value), timexes, sentence)

    assert kind("1998-01-05", first) == TIMEX_MISS_KINDS[2], "the tagger is right: the event took another date"
    assert kind("1998-01-05", second) == TIMEX_MISS_KINDS[3], "a date of another sentence"
    assert kind("1997-12-29", first) == TIMEX_MISS_KINDS[1], "the annotation reads another Monday"
    assert kind("1998-01-05", second, text.index("bank")) == TIMEX_MISS_KINDS[0]


@pytest.mark.parametrize(("sentence", "published", "value"), NOT_NAMED_ACROSS_A_COMMA_EXAMPLES, ids=lambda e: str(e)[:40])
def test_a_date_and_a_comma_before_another_clause_name_nothing(sentence, published, value):
    """Look-alikes of "the March 3, 2004, bombing": the date's year is not set off by commas, so the word after
    the comma is another clause's, and neither it nor the rest of the sentence takes the date."""
    day = date.fromisoformat(published)
    events = events_for_article(Article("a", sentence, published=day), tag(sentence, day))
    assert events and all(e.value == published and e.placement == Placement.INFERRED for e in events), \
        [(e.value, e.placement, sentence[slice(*e.sources[0].happening_span)]) for e in events]
    assert not [e for e in events if e.value == value]
