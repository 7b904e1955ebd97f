"""Chart labels name the happening: no date, attribution or filler in front, cut at a word boundary."""

from __future__ import annotations

import re

import pytest

from timeline.labels import LABEL_CHARS, RULES, SHORTEST, cut, headline, label, label_chars, phrase_stops, shortened
from timeline.temporal import lexicon as lx

EXAMPLES = [(rule.why, given, wanted) for rule in RULES for given, wanted in rule.examples]
_WHEN = r"(?:\d+|[A-Za-z]+day\b|early|late|mid|recent|the (?:past|last|same|next|coming)\b|" + "|".join(lx.MONTHS) + ")"
OPENERS = re.compile(rf"^(?:(?:in|on) {_WHEN}|this|last|earlier|later|according|meanwhile|yesterday|today|[A-Za-z]+day)\b|"
                     r"\b(?:said|says|reported|quoted)\b", re.IGNORECASE)


@pytest.mark.parametrize(("why", "given", "wanted"), EXAMPLES, ids=[e[1][:30] for e in EXAMPLES])
def test_rule_examples(why, given, wanted):
    rule = next(r for r in RULES if r.why == why)
    assert rule.apply(given).strip(" ,") == wanted


@pytest.mark.parametrize(("title", "wanted"), [
    ("In January, Saleh al-Arouri, an operations chief, was killed in an Israeli drone strike on Beirut",
     "Saleh al-Arouri killed in Israeli drone strike on Beirut"),
    ("Israel said earlier this year that it had killed Mohammed Deif, Hamas's military chief, in a strike",
     "Israel killed Mohammed Deif, Hamas's military chief, in strike"),
    ("The Kan public broadcaster reported that Mossad chief David Barnea met the families",
     "Mossad chief David Barnea met the families"),
    ("Police said on Tuesday that two men were arrested after the match", "Two men arrested after the match"),
    ("Meanwhile, the central bank raised interest rates last month, according to Reuters",
     "Central bank raised interest rates"),
])
def test_headline_keeps_who_did_what(title, wanted):
    assert headline(title) == wanted


def test_a_title_with_nothing_to_drop_stays_whole():
    assert headline("Floods cut the main road to the coast") == "Floods cut the main road to the coast"


def test_cut_at_a_word_boundary_never_on_a_dangling_word():
    assert cut("Marwan Issa killed during bombing of central Gaza's Nuseirat refugee camp", 40) == \
        "Marwan Issa killed during bombing…"
    assert cut("Short enough", 40) == "Short enough"
    assert len(cut("word " * 30)) <= LABEL_CHARS


def test_seed_labels_name_their_happening(seed_timeline):
    labels = [label(title) for title in seed_timeline.events["title"]]
    arouri = [text for text in labels if "Arouri" in text]
    assert arouri and all(re.search(r"\bkilled\b", text) for text in arouri), arouri
    assert label("Israel said earlier this year that it had killed Mohammed Deif, Hamas's military chief, in a strike"
                 ).startswith("Israel killed Mohammed Deif")
    assert any(text.startswith("Israel assassinated Hezbollah chief") for text in labels), labels
    starting_badly = [text for text in labels if OPENERS.search(text)]
    assert not starting_badly, starting_badly
    first_view = [shortened(text, label_chars(text)) for text in labels]
    assert all(len(text) >= SHORTEST for text in first_view), first_view


@pytest.mark.parametrize(("text", "room", "wanted"), [
    ("Kasab was one of the last remaining members of Hamas's political bureau", 20, ""),
    ("Kasab was one of the last remaining members of Hamas's political bureau", 45,
     "Kasab was one of the last remaining members…"),
    ("Prime Minister Benjamin Netanyahu's government has ruled out a ceasefire", 40, ""),
    ("Mossad chief David Barnea told the families of hostages in Gaza during a meeting", 30, ""),
    ("Mossad chief David Barnea told the families of hostages in Gaza during a meeting", 50,
     "Mossad chief David Barnea told the families…"),
    ("Saleh al-Arouri killed in Israeli drone strike on Beirut", 40, "Saleh al-Arouri killed…"),
    ("Saleh al-Arouri killed in Israeli drone strike on Beirut", 60, "Saleh al-Arouri killed in Israeli drone strike on Beirut"),
    ("Has left more than 42,000 people dead", 20, ""),
    # a long headline with no phrase to stop at is cut after a content word rather than left unlabelled
    ("Israel has killed one of the last senior Hamas leaders remaining in the Gaza strip", 45,
     "Israel has killed one of the last senior…"),
    ("Has left more than 42,000 people dead and displaced most of the population of the strip", 25, ""),
])
def test_a_short_label_is_a_whole_phrase_or_none(text, room, wanted):
    assert shortened(text, room) == wanted


def test_a_label_never_stops_on_an_open_word():
    for text in ("Israel has killed one of the last senior Hamas leaders", "The group was, in the end, beaten",
                 "Kassab's assassination comes in the wake of a vow"):
        for stop in phrase_stops(text):
            last = text[:stop].rsplit(" ", 1)[-1].lower()
            assert last not in {"was", "has", "one", "the", "of"} and not last.endswith("'s"), text[:stop]
