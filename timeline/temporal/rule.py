"""What a rule is: a trigger, a pattern, a reader from its match to a Description, look-alike guards, examples.

The examples are run as tests (tests/test_rule_examples.py), so a rule and its
evidence stay together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .description import Description
from .find import Trigger


@dataclass(frozen=True)
class Example:
    """``text`` tagged with ``dct`` yields a timex whose words are ``words`` and value ``value``; ``reads`` is
    the description those words read to, with no publication date (checked by tests/test_read.py)."""

    text: str
    dct: str | None
    words: str
    value: str
    type: str | None = None
    mod: str | None = None
    reads: Description | None = None


@dataclass(frozen=True)
class Part:
    """A piece of a match that becomes its own timex ("2009-10" gives two)."""

    start: int
    end: int
    reading: Description


Read = Callable[[re.Match], "Description | list[Part]"]
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
