"""Stage one, find: where in a text could a temporal expression be?

One pass over the text finds every trigger: the whole words (month names,
units, "today" …) and digit runs that some rule's matches always contain.
Each rule's pattern then runs only in windows around its own triggers, so a
rule whose trigger is absent costs nothing and the expensive patterns read a
small part of the text. The word scan is an Aho-Corasick automaton
(pyahocorasick), chosen by measurement: `benchmarks/bench_scanners.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import ahocorasick

REACH = 48  # characters a match may extend beyond its trigger, on either side
LOOKAHEAD = 16  # characters a pattern's look-ahead may read past the end of its match
_DIGITS = re.compile(r"\d+")
_LETTER = frozenset("abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Trigger:
    """What every match of a rule contains: one of ``words`` as a whole word, or a run of digits.

    A word counts when no letter touches it on either side ("may" is found in "may 5" and
    "12-may", not in "mayor"); digits may touch it ("q1", "fy2024"). ``digits`` is the
    shortest run of digits that counts (0: none does); ``digits_then``, when given, the characters
    one of which must follow the run ("1990s", "'80s").
    """

    words: frozenset[str] = frozenset()
    digits: int = 0
    digits_then: str = ""

    @staticmethod
    def of(*words: Iterable[str] | str, digits: int = 0, digits_then: str = "") -> Trigger:
        flat = {w for group in words for w in ([group] if isinstance(group, str) else group)}
        return Trigger(frozenset(flat), digits, digits_then)


@dataclass
class Finder:
    """Finds, for each of a list of triggers, where in a (lower-case) text it occurs.

    Rules that share a trigger share its windows, which are worked out once.
    """

    triggers: Sequence[Trigger]
    _distinct: list[Trigger] = field(init=False, repr=False)
    _automaton: ahocorasick.Automaton = field(init=False, repr=False)
    _digit_users: list[tuple[Trigger, int]] = field(init=False, repr=False)  # digit triggers and their places
    _which: list[int] = field(init=False, repr=False)  # each trigger's place among the distinct ones

    def __post_init__(self) -> None:
        self._distinct = list(dict.fromkeys(self.triggers))
        self._which = [self._distinct.index(trigger) for trigger in self.triggers]
        users: dict[str, list[int]] = {}
        for index, trigger in enumerate(self._distinct):
            for word in trigger.words:
                users.setdefault(word, []).append(index)
        self._automaton = ahocorasick.Automaton()
        for word, indices in users.items():
            self._automaton.add_word(word, (len(word), tuple(indices)))
        self._automaton.make_automaton()
        self._digit_users = [(t, i) for i, t in enumerate(self._distinct) if t.digits]

    def windows(self, lowered: str) -> list[list[tuple[int, int]]]:
        """For each trigger, the merged spans of ``lowered`` within REACH of one of its hits."""
        hits: list[list[tuple[int, int]]] = [[] for _ in self._distinct]
        for start, end, users in self._word_hits(lowered):
            for index in users:
                hits[index].append((start, end))
        if self._digit_users:
            for run in _DIGITS.finditer(lowered):
                start, end = run.span()
                after = lowered[end:end + 1]
                for trigger, index in self._digit_users:
                    if end - start >= trigger.digits and (not trigger.digits_then or (after and after in trigger.digits_then)):
                        hits[index].append((start, end))
        windows = [_merge(spans, len(lowered)) for spans in hits]
        return [windows[index] for index in self._which]

    def _word_hits(self, lowered: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return
        length = len(lowered)
        for last, (size, users) in self._automaton.iter(lowered):
            start, end = last + 1 - size, last + 1
            if (start == 0 or lowered[start - 1] not in _LETTER) and (end == length or lowered[end] not in _LETTER):
                yield start, end, users


def scan(regex: re.Pattern, lowered: str, windows: list[tuple[int, int]]) -> Iterator[re.Match]:
    """The matches of ``regex`` in ``lowered`` that lie inside ``windows``.

    The pattern sees LOOKAHEAD characters past a window so that look-aheads read the real text; a match
    running past the window's end is an artefact of cutting the text there, and is dropped.
    """
    length = len(lowered)
    for low, high in windows:
        for match in regex.finditer(lowered, low, min(length, high + LOOKAHEAD)):
            if match.end() > high:
                break
            yield match


def _merge(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans widened by REACH and merged where they touch, in text order."""
    if not spans:
        return []
    spans.sort()
    merged: list[tuple[int, int]] = []
    low, high = spans[0][0] - REACH, spans[0][1] + REACH
    for start, end in spans:
        if start - REACH > high:
            merged.append((low if low > 0 else 0, high if high < length else length))
            low, high = start - REACH, end + REACH
        elif end + REACH > high:
            high = end + REACH
    merged.append((low if low > 0 else 0, high if high < length else length))
    return merged


YEAR_DIGITS = Trigger(digits=4)  # a year written in digits
