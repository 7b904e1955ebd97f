"""Every rule's own examples, and the look-alikes that must not be dates, run as tests."""

from __future__ import annotations

import pytest

from timeline.temporal import tag
from timeline.temporal.rules import NOT_DATES, RULES

EXAMPLES = [(rule.name, example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r}:{e.words}" for r, e in EXAMPLES])
def test_rule_example(rule, example):
    found = [t for t in tag(example.text, example.dct) if t.text == example.words]
    assert found, f"{example.words!r} not tagged in {example.text!r}"
    timex = found[-1] if example.text.count(example.words) > 1 else found[0]
    assert timex.value == example.value, timex.explanation
    if example.type:
        assert timex.type == example.type
    if example.mod:
        assert timex.mod == example.mod


@pytest.mark.parametrize(("text", "words"), NOT_DATES)
def test_not_a_date(text, words):
    overlapping = [t for t in tag(text, "2024-11-01") if words in t.text or t.text in words]
    assert not overlapping, [(t.text, t.value) for t in overlapping]


def test_every_rule_has_examples():
    assert all(rule.examples for rule in RULES)
