"""Names (people, organisations, places) in a sentence: capitalised phrases minus a stop list.

Crude but predictable; enough for the dashboard to filter by and for merging
to check that two statements talk about the same actors.
"""

from __future__ import annotations

import re

from ..temporal.lexicon import MONTHS, WEEKDAYS

_PHRASE = re.compile(
    r"\b[A-Z][\w’'\-]*(?:\s+(?:(?:al|el|bin|ibn|de|la|van|von|of|the|for|and)[\-\s]+)?[A-Z][\w’'\-]*)*")
_STOP = frozenset({
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "if", "as", "by", "with", "from",
    "to", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that",
    "these", "those", "there", "here", "when", "while", "after", "before", "since", "during", "according",
    "meanwhile", "however", "also", "then", "now", "today", "yesterday", "tomorrow", "read", "more",
    "top", "former", "new", "senior", "president", "prime", "minister", "chief", "mr", "mrs", "ms", "dr",
    "some", "many", "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "last", "next", "early", "late", "mid", "earlier", "later", "such", "what", "who", "which", "why",
    "how", "not", "no", "yes", "it’s", "it's", "vowing", "sitting", "citing", "speaking", "recognizing",
    "back", "report", "reports", "officials", "sources",
}) | frozenset(MONTHS) | frozenset(WEEKDAYS)


def names_in(sentence: str, context: str = "") -> list[str]:
    """Distinct capitalised phrases, leading stop words removed, in order of appearance.

    A single word capitalised only because it starts the sentence ("Acrid smoke ...") counts when the
    ``context`` (the article) also writes it capitalised in mid-sentence, or when it is an acronym.
    """
    found: list[str] = []
    for match in _PHRASE.finditer(sentence):
        words = match.group(0).split()
        starts = match.start() == len(sentence) - len(sentence.lstrip("\"' "))
        bare = re.sub(r"['’]s$", "", words[0]) if words else ""
        if starts and len(words) == 1 and not bare.isupper() and not re.search(
                rf"[a-z,;:] {re.escape(bare)}\b", context or sentence):
            continue
        while words and words[0].lower().strip("’'") in _STOP:
            words = words[1:]
        while words and words[-1].lower() in ("of", "the", "and", "for", "al", "bin"):
            words = words[:-1]
        phrase = re.sub(r"['’]s$", "", " ".join(words)).strip("’'")
        if len(phrase) > 1 and phrase.lower() not in _STOP and phrase not in found:
            found.append(phrase)
    return found

