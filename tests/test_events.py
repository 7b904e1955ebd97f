"""Sentences, titles, and merging of events within and across articles."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline import Article, build
from timeline.events import events_for_article
from timeline.events.sentences import sentence_spans
from timeline.events.slim import SlimBuilder
from timeline.events.titles import make_title


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
    cited = "Citing the officials, the newspaper said that the ministry wanted to close the port."
    assert make_title(cited) == "The ministry wanted to close the port"
    assert make_title("Citing rising costs, the ministry closed the port.") == "Citing rising costs, the ministry closed the port"


def test_kassab_strike_is_one_event_with_both_articles(seed_timeline):
    def tells_the_killing(sentence: str) -> bool:
        return ("Kassab" in sentence or "Kasab" in sentence) and ("kill" in sentence or "airstrike" in sentence)

    strike = [e for e in seed_timeline.event_list if e.begin.date().isoformat() == "2024-11-01"
              and {s.article_id for s in e.sources if tells_the_killing(s.sentence)}
              >= {"000_8ed726650f41db17", "001_25c9c99f66e4d546"}]
    assert len(strike) == 1


def test_kassab_strike_holds_no_other_happening(seed_timeline):
    strike = next(e for e in seed_timeline.event_list if e.begin.date().isoformat() == "2024-11-01"
                  and any("Kassab" in s.sentence for s in e.sources) and len({s.article_id for s in e.sources}) > 1)
    unrelated = ("The ongoing conflict in Gaza erupted", "Hamas is also holding two Israeli civilians",
                 "Israel has said it seeks to minimize civilian fatalities", "Deif stood accused",
                 "After confirming his death, the IDF released the last moments Sinwar")
    for event in seed_timeline.event_list:
        if event.begin.date().isoformat() == "2024-11-01" and any("Kassab" in s.sentence for s in event.sources):
            assert not [s.sentence for s in event.sources if s.sentence.startswith(unrelated)]
    assert len(strike.sources) <= 8


def test_merged_events_hold_no_sentences_with_incompatible_written_dates(seed_timeline):
    own = {(e.sources[0].article_id, e.sources[0].sentence_span, e.sources[0].date_span): e.interval
           for article in seed_timeline.article_list
           for e in events_for_article(article, seed_timeline.timexes[article.id])
           if e.placement == "written" and not e.year_guessed}  # a guessed year may adopt the one another states
    for event in seed_timeline.event_list:
        written = [own[key] for s in event.sources if (key := (s.article_id, s.sentence_span, s.date_span)) in own]
        assert all(a.overlaps(b) for a in written for b in written), event.title


def test_october_7_attack_is_one_event_with_three_articles(seed_timeline):
    attack = [e for e in seed_timeline.event_list if e.named_as == "attack" and e.value == "2023-10-07"]
    assert len(attack) == 1
    assert {s.article_id[:3] for s in attack[0].sources} == {"000", "001", "004"}
    assert not [e for e in seed_timeline.event_list if e.value == "2024-10-07"], "000's yearless mention must adopt 2023"


def test_repeated_captions_give_one_event(seed_timeline):
    caption = "The IDF announced the assassination of Kassab on Friday evening"
    uses = [s for e in seed_timeline.event_list for s in e.sources if s.sentence == caption]
    assert len(uses) == 1, "a caption printed twice must give one source, not two"


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


def test_titles_are_statements_not_fragments():
    appositive = ("Marwan Issa, chief of staff of the al-Aqsa Brigades, was killed as well in March during a bombing "
                  "of central Gaza's Nuseirat refugee camp.")
    title = make_title(appositive, appositive.index("March"), appositive.index("March") + 5)
    assert title.startswith("Marwan Issa") and "was killed as well in March" in title
    pronoun = ("While Israel typically tries to keep such efforts secret, the nation's leaders have shown few reservations "
               "about revealing their intentions to hunt down everyone responsible, just like they did to those "
               "responsible for the Palestinian attack that killed 11 Israeli athletes at the Munich Olympics in 1972.")
    title = make_title(pronoun, pronoun.index("1972"), pronoun.index("1972") + 4)
    assert title == "The Palestinian attack that killed 11 Israeli athletes at the Munich Olympics in 1972"


def test_conflicting_dates_for_the_same_statement_are_flagged():
    a = Article("a", "The dam at Kessel collapsed on April 3, 2021, flooding the valley below.", outlet="A")
    b = Article("b", "The dam at Kessel collapsed on April 5, 2021, flooding the valley below.", outlet="B")
    events = build([a, b]).event_list
    dam = [e for e in events if "dam" in e.title]
    assert len(dam) == 2, "incompatible dates stay separate events"
    assert all(e.conflict for e in dam)


def test_same_day_different_happenings_stay_apart():
    a = Article("a", "Ferry workers walked off the job on March 12, 2024, stranding travellers.", outlet="A")
    b = Article("b", "The central bank raised interest rates on March 12, 2024, to fight inflation.", outlet="B")
    events = build([a, b]).event_list
    assert len(events) == 2 and not any(e.conflict for e in events)


def test_repeated_lines_in_one_article_count_once():
    text = ("Rebels seized the town of Orla on June 2, 2022.\n\nRebels seized the town of Orla on June 2, 2022.\n\n"
            "‘Rebels seized the town of Orla on June 2, 2022.’")
    events = build([Article("a", text)]).event_list
    assert len(events) == 1 and len(events[0].sources) == 1


def test_next_day_is_anchored_on_the_story_not_the_publication_date():
    text = "Protesters gathered on May 4, 2023, in the capital. The next day, police cleared the square."
    events = build([Article("a", text, published=date(2023, 6, 1))]).event_list
    cleared = next(e for e in events if "police cleared" in e.title)
    assert cleared.value == "2023-05-05" and "mentioned earlier" in cleared.explanation


def test_yearless_named_date_takes_the_stated_year():
    a = Article("a", "The March 3 bombing killed nine people at the market.", published=date(2025, 1, 10), outlet="A")
    b = Article("b", "The March 3, 2024, bombing at the market killed nine people.", published=date(2024, 3, 5), outlet="B")
    bombing = [e for e in build([a, b]).event_list if e.named_as == "bombing"]
    assert len(bombing) == 1 and bombing[0].value == "2024-03-03"
    assert {s.article_id for s in bombing[0].sources} == {"a", "b"}


def test_names_keep_their_letters():
    from timeline.events.names import names_in
    article = "Hamas's leader met Rebels from Gaza's north and the IDF. Talks with Hamas went on. Acrid smoke rose."
    assert names_in("Hamas's leader met Rebels from Gaza's north and the IDF.", article) == ["Hamas", "Rebels", "Gaza", "IDF"]
    assert names_in("Acrid smoke rose.", article) == [], "a capital only because the sentence starts there"


def _slim(rows: list[dict[str, int]]):
    builder = SlimBuilder()
    for number, counts in enumerate(rows):
        builder.add(f"a{number}", datetime(2024, 1, 1), datetime(2024, 1, 2), "day", "", False, False, 1.0, 10, 1.0, counts)
    return builder.finish()


def test_slim_rows_are_unit_length_so_rare_shared_words_count_most():
    table = _slim([{"kassab": 1, "gaza": 1}, {"kassab": 1, "beirut": 1}, {"strike": 1, "north": 1},
                   {"strike": 1, "south": 1}, {"kassab": 1, "gaza": 1}, {"police": 1}])
    assert table.terms.cosine(0, 4) == pytest.approx(1.0)
    assert table.terms.cosine(0, 5) == 0.0
    assert table.terms.cosine(0, 1) > table.terms.cosine(2, 3)  # "kassab" is rarer than "strike"


def test_how_alike_two_statements_are_does_not_depend_on_the_rest_of_the_corpus():
    pair = [{"kassab": 1, "strike": 2}, {"kassab": 1, "strike": 1, "gaza": 1}]
    alone = _slim(pair).terms.cosine(0, 1)
    among_others = _slim([{"kassab": 1, "beirut": 1}, *pair, *[{"strike": 1, "port": 1}] * 5])
    assert among_others.terms.cosine(1, 2) == pytest.approx(alone, abs=1e-6)


def test_two_outlets_reporting_the_same_undated_happening_give_one_event():
    day = date(2005, 6, 13)
    a = Article("a", "Skyways has placed an order for 20 Airbus A320 aircraft worth $1.2 billion.", published=day,
                outlet="A")
    b = Article("b", "Budget carrier Skyways placed an order for 20 Airbus A320 aircraft.", published=day, outlet="B")
    order = [e for e in build([a, b]).event_list if "order" in e.title]
    assert len(order) == 1 and {s.article_id for s in order[0].sources} == {"a", "b"}


def test_two_happenings_of_one_report_on_its_day_stay_two_events():
    text = "The airline ordered 20 aircraft from the maker.\n\nShares in the maker rose 4%."
    events = build([Article("a", text, published=date(2005, 6, 13))]).event_list
    assert len(events) == 2
    assert {len(e.sources) for e in events} == {1}


def test_background_about_an_older_happening_never_joins_the_news_of_the_day():
    day = date(2024, 3, 8)
    a = Article("a", "Rebels seized the port of Kessa from government troops. The rebels first took Kessa from "
                     "government troops in a 2019 offensive.", published=day, outlet="A")
    b = Article("b", "Government troops lost the port of Kessa to rebels, officials said.", published=day, outlet="B")
    events = build([a, b]).event_list
    older = [e for e in events if any("2019" in s.sentence for s in e.sources)]
    assert older and all(len(e.sources) == 1 and e.begin.year == 2019 for e in older)
    seized = [e for e in events if any("seized" in s.sentence for s in e.sources)]
    assert len(seized) == 1 and not any("2019" in s.sentence for s in seized[0].sources)


def test_sets_do_not_chain_through_one_member_each():
    # b tells both happenings; a and c share no word: one link each through b must not make them one event.
    day = date(2024, 5, 2)
    texts = {"a": "Storm Ivo flooded the harbour, sinking fishing boats.",
             "b": "Storm Ivo flooded the harbour and stopped ferries of Nordline.",
             "c": "Nordline ferries raised their fares by a tenth."}
    events = build([Article(key, text, published=day, outlet=key) for key, text in texts.items()]).event_list
    groups = [{s.article_id for s in e.sources} for e in events]
    assert sorted(map(len, groups)) == [1, 2] and {"a", "c"} not in groups and {"a", "b", "c"} not in groups


def test_month_and_weekday_names_are_no_shared_wording():
    from timeline.events.slim import terms
    words = terms("Hamas's October 7 attack on a Saturday stopped the peace march.", "")
    assert "october" not in words and "saturday" not in words
    assert {"hamas", "attack", "stopped", "march"} <= words.keys(), "'march' is also an ordinary word: kept"


def test_merging_does_not_depend_on_the_order_events_come_in(seed_timeline):
    from timeline.events import merge_events
    events = [e for a in seed_timeline.article_list for e in events_for_article(a, seed_timeline.timexes[a.id])]

    def groups(merged):
        return sorted(sorted((s.article_id, s.sentence_span) for s in e.sources) for e in merged)
    assert groups(merge_events(events)) == groups(merge_events(events[::-1]))


def test_an_inferred_time_never_narrows_a_written_one():
    """One outlet states a year ("earlier this year"); another's undated sentence on the same people sits in its
    reporting week: the guess must not move the written statement into that week."""
    stated = Article("s", "Israel said earlier this year that it had killed Mohammed Deif, the militant group's "
                          "military chief, in a strike.", outlet="A", published=date(2024, 11, 1))
    undated = Article("u", "Mohammed Deif, who leads the militant group's military wing, and its chief remain "
                           "hunted by Israel in a strike campaign.", outlet="B", published=date(2024, 6, 21))
    events = build([stated, undated]).event_list
    killed = next(e for e in events if "killed Mohammed Deif" in e.sentence)
    assert killed.begin.year == 2024 and killed.begin.month == 1, "the written year keeps its own time"
    assert [s.article_id for s in killed.sources] == ["s"]


def test_a_year_statement_joins_the_day_it_tells_without_linking_the_year():
    import numpy as np

    from timeline.events.blocks import block_keys, candidate_components
    from timeline.events.slim import slim_table

    texts = {"a": ("The harbour authority closed the northern pier on March 3, 2024 after a crane collapsed.",
                   date(2024, 3, 4)),
             "b": ("The harbour authority reopened the ferry terminal on July 9, 2024 after repairs.", date(2024, 7, 10)),
             "c": ("In 2024 the harbour authority closed the northern pier after a crane collapsed.", date(2024, 12, 1))}
    articles = [Article(key, text, published=day, outlet=key) for key, (text, day) in texts.items()]
    timeline = build(articles)
    groups = sorted(sorted(s.article_id for s in e.sources) for e in timeline.event_list)
    assert ["a", "c"] in groups and ["b"] in groups
    # The year statement shares "harbour" with both days, yet the days are merged apart: in different blocks.
    events = sorted((e for a in articles for e in events_for_article(a, timeline.timexes[a.id])),
                    key=lambda e: (e.sources[0].article_id, e.id))
    table = slim_table(events)
    component = candidate_components(*block_keys(table, np.lexsort((table.end, table.begin))), table.begin,
                                     table.end, len(table))
    day_of = {e.sources[0].article_id: component[i] for i, e in enumerate(events) if e.precision == "day"}
    assert day_of["a"] != day_of["b"]


def test_leading_terms_ranked_a_few_rows_at_a_time_are_those_ranked_all_at_once():
    import numpy as np

    table = _slim([{"kassab": 2, "gaza": 1, "strike": 1}, {"police": 1}, {}, {"harbour": 1, "pier": 1, "crane": 3},
                   {"north": 1, "south": 1, "beirut": 1, "talks": 2}])
    whole = table.terms.leading(2, chunk=100)
    assert all(np.array_equal(a, b) for a, b in zip(whole, table.terms.leading(2, chunk=2), strict=True))
    rows, place, entry = whole
    assert rows.tolist() == [0, 0, 1, 3, 3, 4, 4]  # at most two per row; the empty row has none
    for row in range(len(table)):  # each row's entries, heaviest first
        weights = table.terms.weights[entry[rows == row]]
        assert weights.tolist() == sorted(weights.tolist(), reverse=True)
        assert place[rows == row].tolist() == list(range(len(weights)))
        assert set(weights.tolist()) <= set(sorted(table.terms.row(row).values(), reverse=True)[:2])


def test_a_store_read_in_chunks_gives_the_table_the_row_by_row_builder_gives():
    import numpy as np
    import pandas as pd

    from timeline.events.slim import ColumnChunks, seconds

    # In a store's order (by article); names and words come first in an order that is not alphabetical.
    rows = [("a", datetime(2024, 3, 3), datetime(2024, 3, 4), "day", "strike", {"kassab": 2, "gaza": 1}),
            ("a", datetime(2024, 3, 1), datetime(2024, 4, 1), "month", "", {"talks": 1}),
            ("b", datetime(2023, 10, 7), datetime(2023, 10, 8), "day", "attack", {"gaza": 1, "hostages": 1}),
            ("b", datetime(2024, 1, 1), datetime(2025, 1, 1), "year", None, {}),
            ("c", datetime(2024, 3, 3), datetime(2024, 3, 4), "day", "bombing", {"pier": 1, "kassab": 1})]
    builder, chunks = SlimBuilder(), ColumnChunks()
    for article, begin, end, precision, named, terms in rows:
        builder.add(article, begin, end, precision, named or "", False, False, 0.5, 10, 1.0, terms)
    for part in (rows[:2], rows[2:]):  # interned names and ids must agree across chunks
        chunks.extend(pd.DataFrame({"article_id": [r[0] for r in part], "begin": [seconds(r[1]) for r in part],
                                    "end": [seconds(r[2]) for r in part], "precision": [r[3] for r in part],
                                    "named_as": [r[4] for r in part], "year_guessed": False, "inferred": False,
                                    "confidence": 0.5, "title_length": 10, "centrality": 1.0, "rowid": 7}),
                      [r[5] for r in part])
    read, others = chunks.finish()
    built = builder.finish()
    for name in ("begin", "end", "precision", "named", "article", "confidence", "title_length", "centrality"):
        assert np.array_equal(getattr(read, name), getattr(built, name)), name
    for name in ("indptr", "indices", "weights", "term_weights"):
        assert np.array_equal(getattr(read.terms, name), getattr(built.terms, name)), name
    assert others["rowid"].tolist() == [7] * 5
