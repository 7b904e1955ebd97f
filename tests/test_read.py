"""Stage two, read: what the words say, before any publication date, tense or earlier mention is known."""

from __future__ import annotations

import ast
import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from timeline.model import Precision, TimexType
from timeline.temporal.description import CountUnit, Description, Relation
from timeline.temporal.dispatch import RESOLVERS, resolve
from timeline.temporal.lexicon import Direction
from timeline.temporal.resolve import Context
from timeline.temporal.rule import Part, Rule
from timeline.temporal.rules import RULES
from timeline.temporal.tagger import ASCII_LOWER, OriginalMatch

RULES_DIR = Path(__file__).resolve().parent.parent / "timeline" / "temporal" / "rules"
READ_EXAMPLES = [(rule, example) for rule in RULES for example in rule.examples if example.reads is not None]


def readings(rule: Rule, text: str) -> list[Part]:
    """Every match of ``rule`` in ``text`` (or each part of one), read with no context at all."""
    parts = []
    for match in rule.regex.finditer(text.translate(ASCII_LOWER)):
        reading = rule.read(OriginalMatch(match, text))
        parts += reading if isinstance(reading, list) else [Part(match.start(), match.end(), reading)]
    return parts


def read(rule_name: str, text: str, words: str | None = None) -> Description:
    """What ``rule_name`` reads in ``text``: the match (or part of one) over ``words``, as the rule examples pick
    them (the last of repeated words), else the first match."""
    (rule,) = [r for r in RULES if r.name == rule_name]
    at = (text.rindex(words) if text.count(words) > 1 else text.index(words)) if words else 0
    for part in readings(rule, text):
        if words is None or part.start <= at < part.end or at <= part.start < at + len(words):
            return part.reading
    raise AssertionError((rule_name, text, words))


@pytest.mark.parametrize(("rule", "example"), READ_EXAMPLES, ids=[f"{r.name}:{e.words}" for r, e in READ_EXAMPLES])
def test_a_rule_reads_its_examples_to_the_description_beside_them(rule, example):
    assert read(rule.name, example.text, example.words) == example.reads


def test_every_family_and_every_relation_has_examples_of_its_reading():
    families = {rule.read.__module__ for rule, _ in READ_EXAMPLES}
    assert families == {rule.read.__module__ for rule in RULES}
    relations = {example.reads.relation for _, example in READ_EXAMPLES}
    relations |= {example.reads.day_of.relation for _, example in READ_EXAMPLES if example.reads.day_of}
    assert relations == set(Relation) == set(RESOLVERS)


def test_a_description_is_plain_data():
    """No callables inside: a reading prints, compares and hashes like a value."""
    for rule in RULES:
        for example in rule.examples:
            for part, again in zip(readings(rule, example.text), readings(rule, example.text), strict=True):
                d = part.reading
                assert isinstance(d, Description) and not any(callable(v) for v in dataclasses.astuple(d))
                assert d == again.reading and hash(d) == hash(again.reading) and repr(d).startswith("Description(")


@pytest.mark.parametrize(("rule", "text", "expected"), [
    ("weekday", "last Friday", dict(relation=Relation.WEEKDAY, weekday=5, direction=Direction.LAST)),
    ("weekday", "this coming Monday", dict(relation=Relation.WEEKDAY, weekday=1, direction=Direction.NEXT)),
    ("weekday", "the following Monday", dict(relation=Relation.FROM_MENTION, weekday=1, step=1)),
    ("counted_relative", "two days ago", dict(relation=Relation.COUNT_FROM_DCT, amount=2, unit=CountUnit.DAY,
                                              direction=Direction.LAST)),
    ("counted_relative", "three years later", dict(relation=Relation.COUNT_FROM_MENTION, amount=3, unit=CountUnit.YEAR,
                                                   direction=Direction.NEXT)),
    ("relative_unit", "next week", dict(relation=Relation.FROM_DCT, precision=Precision.WEEK, step=1)),
    ("relative_unit", "the past year", dict(relation=Relation.ABSOLUTE, type=TimexType.DURATION, value="P1Y")),
])
def test_direction_words_read_as_steps_and_directions(rule, text, expected):
    d = read(rule, text)
    assert {key: getattr(d, key) for key in expected} == expected


@pytest.mark.parametrize(("rule", "text", "value"), [
    ("month_day_year", "October 7, 2023", "2023-10-07"),
    ("decade", "the late '80s", "198"),
    ("duration", "a 12-day ceasefire", "P12D"),
])
def test_absolute_readings_need_no_context(rule, text, value):
    d = read(rule, text)
    assert d.relation == Relation.ABSOLUTE
    for dct in (None, datetime(1990, 1, 1), datetime(2030, 6, 1)):
        assert resolve(d, Context(dct)).value == value


def test_one_reading_resolves_against_different_publication_dates():
    d = read("weekday", "last Friday")
    assert resolve(d, Context(datetime(2024, 11, 1))).value == "2024-10-25"
    assert resolve(d, Context(datetime(2024, 11, 4))).value == "2024-11-01"
    assert resolve(d, Context(None)).value == "XXXX-WXX-5"


def test_rules_never_see_the_context():
    """Only resolving (dispatch.py, resolve.py, place.py) reads the publication date, the tense and the last mention."""
    for path in sorted(RULES_DIR.glob("*.py")):
        names = {node.id for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Name)}
        args = {a.arg for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.arguments)
                for a in node.args}
        assert not ({"ctx", "Context"} & (names | args)), path.name
