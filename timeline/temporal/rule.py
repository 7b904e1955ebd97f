"""What a rule is: a trigger, a pattern, what the words mean, look-alike guards, and examples.

The examples are run as tests (tests/test_rule_examples.py), so a rule and its
evidence stay together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .description import Description
from .find import Trigger
from .resolve import Context, Resolution


@dataclass(frozen=True)
class Example:
    """``text`` tagged with ``dct`` yields a timex whose words are ``words`` and value ``value``."""

    text: str
    dct: str | None
    words: str
    value: str
    type: str | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Reading:
    """What a match's words say, before any reference time is known.

    ``place`` is the resolver for this kind of expression and ``facts`` what the words gave it (month, day,
    steps, direction, modifier …). Reading never sees the publication date, the tense or the date last
    mentioned: resolving, the next stage, hands the context to ``place``.
    """

    place: Callable[..., Resolution]
    facts: dict[str, Any] = field(default_factory=dict)

    def resolve(self, ctx: Context) -> Resolution:
        return self.place(ctx, **self.facts)


def placed(place: Callable[..., Resolution], **facts: Any) -> Reading:
    """A reading the context will place: ``place(ctx, **facts)``."""
    return Reading(place, facts)


def given(resolution: Resolution) -> Reading:
    """A reading the words alone settle: an absolute date, a length of time, a repeated time."""
    return Reading(_as_given, {"resolution": resolution})


def _as_given(ctx: Context, resolution: Resolution) -> Resolution:
    return resolution


@dataclass(frozen=True)
class Part:
    """A piece of a match that becomes its own timex ("2009-10" gives two)."""

    start: int
    end: int
    reading: Reading | Description


Read = Callable[[re.Match], "Reading | Description | list[Part]"]
Guard = Callable[[re.Match, str], bool]


@dataclass
class Rule:
    """One kind of English temporal expression; ``trigger`` is what every match of ``pattern`` contains."""

    name: str
    trigger: Trigger
    pattern: str
    read: Read
    examples: tuple[Example, ...]
    guard: Guard | None = None
    regex: re.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Matched against ASCII-lower-cased text (much faster than IGNORECASE), so patterns are lower case.
        self.regex = re.compile(self.pattern)
