"""Stage one, find: rules run only near their triggers, and that must lose no match."""

from __future__ import annotations

import pytest
from conftest import SEEDS, TBAQ

from timeline.evaluate import read_timeml, tml_files
from timeline.temporal.find import REACH, Finder, Trigger, scan
from timeline.temporal.rules import RULES
from timeline.temporal.tagger import ASCII_LOWER, FINDER


def _texts() -> list[str]:
    texts = [example.text for rule in RULES for example in rule.examples]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if TBAQ.exists():
        texts += [read_timeml(p).text for p in tml_files([str(TBAQ)])]
    return [text.translate(ASCII_LOWER) for text in texts]


def test_windowed_scan_finds_exactly_what_a_full_scan_finds():
    """Every match of every rule lies in a window around one of its triggers, so scanning windows loses nothing."""
    checked = 0
    for lowered in _texts():
        for rule, windows in zip(RULES, FINDER.windows(lowered), strict=True):
            full = [m.span() for m in rule.regex.finditer(lowered)]
            windowed = [m.span() for m in scan(rule.regex, lowered, windows)]
            assert windowed == full, (rule.name, sorted(set(full) ^ set(windowed)))
            checked += len(full)
    assert checked > 2000


@pytest.mark.parametrize(("text", "found"), [
    ("on may 5", True),  # a whole word
    ("the mayor spoke", False),  # inside a longer word: no trigger
    ("12-may-2024", True),  # digits and hyphens may touch it
    ("q3 results", True),
    ("in the sunni areas", False),
])
def test_a_trigger_word_counts_only_as_a_whole_word(text, found):
    finder = Finder([Trigger.of("may", "q", "sun")])
    assert bool(finder.windows(text)[0]) is found


def test_windows_reach_around_each_hit_and_merge():
    text = "x" * 200 + " 1997 " + "y" * 10 + " 1998 " + "z" * 300
    (windows,) = Finder([Trigger(digits=1)]).windows(text)
    first, last = text.index("1997"), text.index("1998") + 4
    assert windows == [(first - REACH, last + REACH)]


def test_a_rule_whose_trigger_is_absent_scans_nothing():
    windows = FINDER.windows("nothing here to see at all".translate(ASCII_LOWER))
    month_rules = [w for rule, w in zip(RULES, windows, strict=True) if rule.name.startswith("month")]
    assert month_rules and not any(month_rules)


@pytest.mark.parametrize(("text", "found"), [
    ("in the 1990s", True),
    ("since the '80s", True),
    ("in the 1990’s", True),
    ("sent 1990 troops", False),  # a number, not a decade: the decade rules stay asleep
    ("at 80 mph", False),
])
def test_a_digit_trigger_can_require_what_follows_the_run(text, found):
    finder = Finder([Trigger(digits=2, digits_then="s'’")])
    assert bool(finder.windows(text)[0]) is found


def test_overlapping_trigger_words_each_count():
    """'from now' must not hide 'now' from a rule that wakes on 'now' alone."""
    finder = Finder([Trigger.of("from now"), Trigger.of("now")])
    assert all(finder.windows("three days from now"))
