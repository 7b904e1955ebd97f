"""A cheap look before an expensive pattern: most sentences hold none of the words a pattern needs.

A case-insensitive pattern that must match one of a few words ("after", "since", "if" …) is tried at
every blank or character of a sentence; looking the words up in the lowered text first (one pass of an
Aho-Corasick automaton) costs a fraction of that, and most sentences stop there. The pattern is built
from the same words, so the two cannot drift apart.
"""

from __future__ import annotations

import re

import ahocorasick


class Gate:
    """A case-insensitive pattern built around groups of words, searched only in texts that may hold one of them."""

    def __init__(self, pattern: str, **words: tuple[str, ...]) -> None:
        """``pattern`` holds ``{name}`` where each group of ``words`` goes (as alternatives); every match of the
        pattern holds one of the words."""
        for name, group in words.items():
            pattern = pattern.replace("{" + name + "}", "(?:" + "|".join(group) + ")")
        self.pattern = re.compile(pattern, re.IGNORECASE)
        self._finder = ahocorasick.Automaton()  # all the words in one pass over the text
        for word in (word for group in words.values() for word in group):
            self._finder.add_word(word, word)
        self._finder.make_automaton()

    def may_match(self, text: str) -> bool:
        """False only when the text holds none of the words as the pattern reads them: for ASCII text, lowered
        look-ups; other text may hold letters the pattern folds to the words' (ſ to s, ı to i), so True."""
        if not text.isascii():
            return True
        return next(self._finder.iter(text.lower()), None) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The pattern's first match in ``text[pos:endpos]``, as ``re.Pattern.search`` finds it."""
        end = len(text) if endpos is None else endpos
        if not self.may_match(text[pos:end]):
            return None
        return self.pattern.search(text, pos, end)
