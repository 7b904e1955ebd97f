"""Names (people, organisations, places) in a sentence: capitalised phrases minus a stop list.

Crude but predictable; enough for the dashboard to filter by and for merging
to check that two statements talk about the same actors.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

import pandas as pd

from ..temporal import lexicon as lx

# A capital that starts a word (no word character before it: "\b", asked once the capital is found, so that the
# search runs to capitals only instead of trying every character)
_PHRASE = re.compile(
    r"[A-Z](?<!\w.)[\w’'\-]*(?:\s+(?:(?:al|el|bin|ibn|de|la|van|von|of|the|for|and)[\-\s]+)?[A-Z][\w’'\-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")


def names_in(sentence: str, context: str = "") -> list[str]:
    """Distinct capitalised phrases, leading stop words removed, in order of appearance.

    A word capitalised only because it starts the sentence ("Acrid smoke ...", "Assassinated Hamas ...") is
    dropped unless the ``context`` (the article) also writes it capitalised in mid-sentence, or it is an
    acronym. A phrase is cut at a possessive ("Hamas's October" → "Hamas") and at a joining "and" outside an
    "of" name ("IDF and Shin Bet" → "IDF", "Shin Bet"); weekday and month words never end a name.
    """
    found: list[str] = []
    context = context or sentence
    first = len(sentence) - len(sentence.lstrip("\"' "))  # where the sentence's first word starts
    for match in _PHRASE.finditer(sentence):
        starts = match.start() == first
        for words in _pieces(match.group(0).split()):
            # a stop word goes anyway (_tidy): the article need not be searched for it
            if starts and words and not _stop_word(words[0]) \
                    and _capitalised_by_position(words[0], context, alone=len(words) == 1):
                words = words[1:]
            starts = False
            phrase = _tidy(words)
            if len(phrase) > 1 and phrase.lower() not in lx.NAME_STOP_WORDS and phrase not in found:
                found.append(phrase)
    return found


def _pieces(words: list[str]) -> list[list[str]]:
    """A phrase split after each possessive word and at "and" unless an "of" came before it."""
    pieces, current = [], []
    for word in words:
        if word == "and" and "of" not in current:
            pieces.append(current)
            current = []
            continue
        current.append(word)
        if _POSSESSIVE.search(word):
            pieces.append(current)
            current = []
    return [piece for piece in [*pieces, current] if piece]


def _capitalised_by_position(word: str, context: str, alone: bool) -> bool:
    """True when a sentence-initial word is an ordinary word, capitalised only by its position.

    Alone, it must also be written capitalised mid-sentence ("Acrid smoke" is dropped); leading a longer
    phrase, it is dropped when the article also writes it in lower case ("Assassinated Hamas" → "Hamas").
    """
    bare = _POSSESSIVE.sub("", word)
    if bare.isupper():
        return False
    if alone:
        return not _written_after(bare, context)
    return _written_alone(bare.lower(), context)


# The searches are done with str.find: as regular expressions ("[a-z,;:] Word\b", "\bword\b") they try a match at
# nearly every character of the article, and each word makes a new pattern to compile.
_AFTER_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz,;:")


def _written_after(word: str, context: str) -> bool:
    """``word`` after a space and a lower-case letter or a comma, colon or semicolon, ending at a word boundary."""
    at = context.find(" " + word, 1)
    while at != -1:
        if context[at - 1] in _AFTER_LOWER and _boundary(context, at + 1 + len(word)):
            return True
        at = context.find(" " + word, at + 1)
    return False


def _written_alone(word: str, context: str) -> bool:
    """``word`` with a word boundary on each side."""
    at = context.find(word)
    while at != -1:
        if _boundary(context, at) and _boundary(context, at + len(word)):
            return True
        at = context.find(word, at + 1)
    return False


def _boundary(text: str, at: int) -> bool:
    """A word boundary at ``at``, as ``\b`` reads it: a word character on one side only."""
    return _is_word(text[at - 1:at]) != _is_word(text[at:at + 1])


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _stop_word(word: str) -> bool:
    return word.lower().strip("’'") in lx.NAME_STOP_WORDS


def _tidy(words: list[str]) -> str:
    while words and _stop_word(words[0]):
        words = words[1:]
    while words and (words[-1].lower() in lx.NAME_CONNECTORS or _POSSESSIVE.sub("", words[-1]).lower() in lx.DATE_NAME_WORDS):
        words = words[:-1]
    return _POSSESSIVE.sub("", " ".join(words)).strip("’'")


def display_names(names: pd.Series) -> pd.Series:
    """Each event's names with variants merged into the form people know, for lanes, lists and filters.

    A lone surname becomes the one full name in the data that ends with it ("Kassab" → "Izz al-Din
    Kassab"); spellings of one name ("Khan Younis", "Khan Yunis": same words, same initials, nearly the
    same letters) become the most frequent spelling.
    """
    counts = Counter(name for values in names for name in values)
    canonical = _variants(counts)
    return names.map(lambda values: list(dict.fromkeys(canonical.get(n, n) for n in values)))


def _variants(counts: Counter[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    blocks: dict[tuple[str, ...], list[str]] = {}
    for name in counts:
        blocks.setdefault(tuple(word[0].lower() for word in name.split()), []).append(name)
    for block in blocks.values():
        block.sort(key=lambda n: (-counts[n], n))
        for position, name in enumerate(block):
            for better in block[:position]:
                if mapping.get(better, better) == better and _same_spelling(name, better):
                    mapping[name] = better
                    break
    full_names: dict[str, list[str]] = {}
    for name in counts:
        words = name.split()
        # A full name neither starts with an acronym ("IDF Kassab") nor holds a dangling connector.
        if len(words) > 1 and not words[0].isupper() and not any(word in lx.NAME_CONNECTORS for word in words):
            full_names.setdefault(words[-1], []).append(mapping.get(name, name))
    for name in counts:
        longer = sorted(set(full_names.get(name, [])))
        if " " not in name and len(longer) == 1:
            mapping[name] = longer[0]
    return mapping


def _same_spelling(one: str, other: str) -> bool:
    """Transliterations of one name: the same consonants, nearly the same letters ("Israel" is not "Israeli")."""
    one, other = one.lower(), other.lower()
    if one.startswith(other) or other.startswith(one) or _skeleton(one) != _skeleton(other):
        return False
    return SequenceMatcher(None, one, other).ratio() >= 0.85


def _skeleton(name: str) -> str:
    return name[0] + re.sub(r"[aeiouy\W]", "", name[1:])
