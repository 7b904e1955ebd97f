"""Stage two, read: what the words say, before any publication date, tense or earlier mention is known."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest

from timeline.temporal import place
from timeline.temporal import resolve as placers
from timeline.temporal.dispatch import resolve
from timeline.temporal.lexicon import Direction
from timeline.temporal.resolve import Context
from timeline.temporal.rule import Reading
from timeline.temporal.rules import RULES
from timeline.temporal.tagger import ASCII_LOWER, OriginalMatch

RULES_DIR = Path(__file__).resolve().parent.parent / "timeline" / "temporal" / "rules"


def read(rule_name: str, text: str) -> Reading:
    (rule,) = [r for r in RULES if r.name == rule_name]
    match = rule.regex.search(text.translate(ASCII_LOWER))
    assert match, (rule_name, text)
    return rule.read(OriginalMatch(match, text))


@pytest.mark.parametrize(("rule", "text", "placer", "facts"), [
    ("weekday", "last Friday", placers.weekday, {"iso_weekday": 5, "explicit": Direction.LAST}),
    ("weekday", "this coming Monday", placers.weekday, {"iso_weekday": 1, "explicit": Direction.NEXT}),
    ("weekday", "the following Monday", placers.weekday_from_mention, {"iso_weekday": 1, "step": 1}),
    ("counted_relative", "two days ago", place.counted, {"amount": -2, "unit": "D", "from_mention": False}),
    ("counted_relative", "three years later", place.counted, {"amount": 3, "unit": "Y", "from_mention": True}),
    ("relative_unit", "next week", placers.from_dct, {"precision": "week", "steps": 1}),
    ("relative_unit", "the past year", None, {}),  # a length of time, settled by the words
])
def test_a_reading_names_its_placer_and_the_facts_the_words_give(rule, text, placer, facts):
    reading = read(rule, text)
    if placer is None:
        assert reading.resolve(Context(None)).value == "P1Y"
        return
    assert reading.place is placer
    assert {key: reading.facts[key] for key in facts} == facts


@pytest.mark.parametrize(("rule", "text", "value"), [
    ("month_day_year", "October 7, 2023", "2023-10-07"),
    ("decade", "the late '80s", "198"),
    ("duration", "a 12-day ceasefire", "P12D"),
])
def test_absolute_readings_need_no_context(rule, text, value):
    reading = read(rule, text)
    for dct in (None, datetime(1990, 1, 1), datetime(2030, 6, 1)):
        assert resolve(reading, Context(dct)).value == value


def test_one_reading_resolves_against_different_publication_dates():
    reading = read("weekday", "last Friday")
    assert reading.resolve(Context(datetime(2024, 11, 1))).value == "2024-10-25"
    assert reading.resolve(Context(datetime(2024, 11, 4))).value == "2024-11-01"
    assert reading.resolve(Context(None)).value == "XXXX-WXX-5"


def test_rules_never_see_the_context():
    """Only resolve.py and place.py read the publication date, the tense and the date last mentioned."""
    for path in sorted(RULES_DIR.glob("*.py")):
        names = {node.id for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Name)}
        args = {a.arg for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.arguments)
                for a in node.args}
        assert not ({"ctx", "Context"} & (names | args)), path.name
