"""Every rule's own examples, and the look-alikes that must not be dates, run as tests."""

from __future__ import annotations

import pytest
from conftest import SEEDS, TBAQ

from timeline.evaluate import read_timeml, tml_files
from timeline.temporal import tag
from timeline.temporal.rules import NOT_DATES, RULES
from timeline.temporal.tagger import ASCII_LOWER

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


def test_every_match_of_a_triggered_rule_contains_its_trigger():
    """A trigger lets the tagger skip a rule for a text; it must be part of everything the rule can match."""
    texts = [example.text for _, example in EXAMPLES] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if TBAQ.exists():
        texts += [read_timeml(p).text for p in tml_files([str(TBAQ)])]
    checked = 0
    for rule in RULES:
        if rule.trigger is None:
            continue
        for text in texts:
            lowered = text.translate(ASCII_LOWER)
            for match in rule.regex.finditer(lowered):
                assert rule.trigger.search(lowered, match.start(), match.end()), (rule.name, match.group(0))
                checked += 1
    assert checked > 500
