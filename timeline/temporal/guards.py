"""Guards: reject look-alikes of dates that a rule's pattern cannot tell apart ("Channel 12", "may", "$1997").

Each guard reads the match and the words around it, and says whether the match is a date at all.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .fields import has_year, optional
from .rule import Guard

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\W{0,3}$")
_WORD_AFTER = re.compile(r"^[^\w\n]{0,2}([A-Za-z][A-Za-z']*)")  # never across a line break


def word_before(text: str, index: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, index - 40):index])
    return m.group(1).lower().rstrip(".") if m else ""


def word_after(text: str, index: int) -> str:
    m = _WORD_AFTER.match(text[index:index + 40])
    return m.group(1).lower() if m else ""


def _capitalised(m: re.Match, *groups: str) -> bool:
    """Month and weekday names count only when written with a capital."""
    return all(m.group(g) is None or m.group(g)[0].isupper() for g in groups if g in m.re.groupindex)


def names_ok(m: re.Match, text: str) -> bool:
    if not _capitalised(m, "month", "wd", "wd0", "holiday"):
        return False
    for g in ("month", "wd"):
        if g in m.re.groupindex and m.group(g):
            word = m.group(g).lower()
            if (word in lx.AMBIGUOUS_WEEKDAYS and g == "wd") and not m.group(g).endswith(".") \
                    and not text[m.end(g):m.end(g) + 1] == ".":
                return False
    return True


def year_context_ok(text: str, start: int, end: int, check_after: bool = True) -> bool:
    """A four-digit number is a year unless its neighbours make it a count, a name or money."""
    before = text[max(0, start - 5):start]
    if re.search(r"[$£€#\d,./:]$", before) or (before.endswith("-") and not before.lower().endswith(lx.YEAR_PREFIXES)):
        return False
    if check_after and re.match(r"(?:,\d|\.\d|\d|%|[:/]\d|[-–]\d|\s?(?:percent|per cent|mph|km|kg|bn|mn)\b)",
                                text[end:end + 3] + text[end + 3:end + 12]):
        return False
    prev, nxt = word_before(text, start), word_after(text, end)
    if prev in lx.NUMBER_NAME_CUES or nxt in lx.COUNT_NOUNS:
        return False
    year = int(text[start:end])
    return year >= 1900 or prev in lx.PREPOSITION_CUES or nxt in ("ad", "bc", "bce", "ce")


def year_ok(m: re.Match, text: str) -> bool:
    """Digits must pass year_context_ok; a year in words or counted from now ("last year") needs no check."""
    return not optional(m, "year") or year_context_ok(text, m.start("year"), m.end("year"))


_PART_OF = re.compile(r"\b(?:for|(?:months|rest|remainder)\s+of)\s+$", re.IGNORECASE)


def after_for_or_part_of(m: re.Match, text: str) -> bool:
    """'for the year', 'the first nine months of the year' speak of a year; 'player of the year' does not."""
    return _PART_OF.search(text, max(0, m.start() - 20), m.start()) is not None


def short_year_ok(m: re.Match, text: str) -> bool:
    """"'82" is a year after a preposition or a time word ("the class of '82", "since '09"), not after a verb."""
    return word_before(text, m.start()) in lx.PREPOSITION_CUES or word_before(text, m.start()) == "class"


def span_ok(m: re.Match, text: str) -> bool:
    return year_context_ok(text, m.start("year"), m.end("year"), check_after=False)


def cue_before_ambiguous_month(m: re.Match, text: str) -> bool:
    if not names_ok(m, text):
        return False
    word = m.group("month").lower().rstrip(".")
    if len(word) <= 4 and not m.group("month").endswith(".") and word not in ("june", "july", "may"):
        return False  # "Oct" alone without a dot is too likely a code or name ("Jan Kavan")
    has_modifier = any(optional(m, g) for g in ("pos", "rel"))
    if word in lx.AMBIGUOUS_MONTHS and not has_modifier:
        return word_before(text, m.start()) in lx.PREPOSITION_CUES and m.group("month")[0].isupper()
    return True


def season_ok(m: re.Match, text: str) -> bool:
    """'fall' and 'spring' are verbs too: a season needs a determiner, a year or a preposition."""
    if m.group("rel") or has_year(m) or m.group("pos"):
        return True
    return word_before(text, m.start()) in lx.PREPOSITION_CUES - {"and", "or", "to"}


def not_a_name(m: re.Match, text: str) -> bool:
    return word_before(text, m.start()) not in lx.NUMBER_NAME_CUES


def not_fraction(m: re.Match, text: str) -> bool:
    """'three-quarters of its food' and 'a quarter of voters' are fractions, not lengths of time."""
    if not m.group("unit").lower().startswith("quarter"):
        return True
    return "-" not in text[m.start("n"):m.start("unit")] and word_after(text, m.end()) != "of"


def not_a_year_before_unit(m: re.Match, text: str) -> bool:
    """'the 1988 quarter' is a year, not 1988 quarters: a counted unit after a bare number is plural or hyphenated."""
    number = m.group("n")
    return not (number.isdigit() and len(number) == 4 and 1000 <= int(number) <= 2100
                and not m.group("unit").lower().endswith("s") and "-" not in text[m.end("n"):m.start("unit")])


def not_age(m: re.Match, text: str) -> bool:
    """'a 40-year-old man' is an age, not a time to put on a timeline."""
    return not re.match(r"[\s-]+old\b", text[m.end():m.end() + 6], re.I)


def lowercase_or_sentence_start(m: re.Match, text: str) -> bool:
    """'Weekly' inside a sentence is part of a name ("Liberty Weekly"), not a frequency."""
    if m.group(0)[0].islower():
        return True
    before = text[max(0, m.start() - 20):m.start()].rstrip(" \t\"'“‘(")  # a bounded look back keeps tagging linear
    return m.start() < 20 and not before or (bool(before) and before[-1] in ".!?\n")




def ends_phrase(text: str, index: int) -> bool:
    """No noun follows on the line: the words before ``index`` are not an adjective ("daily life", "short term debt")."""
    nxt = re.match(r"[ \t]+([A-Za-z]+)", text[index:index + 30])  # the next word on the same line
    return nxt is None or nxt.group(1).lower() in lx.FUNCTION_WORDS


def not_attributive(m: re.Match, text: str) -> bool:
    """'quarterly dividend' and 'daily life' use the word as an adjective, not as a repeated time."""
    return not m.group("adverb") or ends_phrase(text, m.end())


def someday(m: re.Match, text: str) -> bool:
    """'will one day be': after a modal, 'one day' is some day ahead, not a day's length."""
    return " ".join(m.group(0).lower().split()) == "one day" and word_before(text, m.start()) in lx.MODALS


def term_not_attributive(m: re.Match, text: str) -> bool:
    """'in the short term' is a time; 'the short term debt' is a kind of debt."""
    return not m.group("ref").lower().endswith("term") or ends_phrase(text, m.end())


_COMPOUND_AFTER = re.compile(r"-(?:to|over|on|by)-[a-z]", re.IGNORECASE)
_COMPOUND_BEFORE = re.compile(r"[a-z]-(?:to|over|on|by)-$", re.IGNORECASE)


def not_in_a_compound(m: re.Match, text: str) -> bool:
    """'the quarter-to-quarter comparison', 'day-to-day running', 'year-over-year growth': a manner, not a time."""
    return not (_COMPOUND_AFTER.match(text, m.end()) or _COMPOUND_BEFORE.search(text, max(0, m.start() - 12), m.start()))


def both(*guards: Guard) -> Guard:
    return lambda m, text: all(g(m, text) for g in guards)


# -- names that contain time words: "USA Today", ''60 Minutes'', "This Week", The Sunday Times ---------------

_OPENING = re.compile(r"(?:``|''|[\"“‘])([^\"“”`\n]{0,60})$")  # an open quote before the match, on its line
_CLOSING = re.compile(r"^([^\"“”`\n]{0,60}?)(?:''|[\"”’])")
_OPENING_QUOTES = ("``", "''", '"', "“", "‘")
_SPEECH_BEFORE = re.compile(r"(?:[,:]|\b(?:said|says|say|told|asked|added|replied|wrote))\s*$", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’.-]*$")


def not_in_a_name(m: re.Match, text: str) -> bool:
    """Time words inside a name are not dates: a quoted title, a capitalised "Today" after a name, "the Sunday Times"."""
    if m.group(0).islower() or not any(c.isupper() for c in m.group(0)):
        return True  # a name is capitalised
    return not (_in_quoted_title(m, text) or _deictic_in_name(m, text) or _weekday_in_name(m, text))


def _in_quoted_title(m: re.Match, text: str) -> bool:
    """The whole quote is a title in Title Case ("This Week With David Brinkley") that no speech verb introduces."""
    preceding = text[max(0, m.start() - 60):m.start()]
    if not any(quote in preceding for quote in _OPENING_QUOTES):
        return False  # most dates have no quote before them: a cheap look first
    before = _OPENING.search(text, max(0, m.start() - 60), m.start())
    after = _CLOSING.match(text[m.end():m.end() + 60])
    if before is None or after is None or _SPEECH_BEFORE.search(text, max(0, before.start() - 12), before.start()):
        return False
    words = (before.group(1) + m.group(0) + after.group(1)).strip(" ,.;:!?").split()
    return len(words) >= 2 and all(_TITLE_WORD.match(w) or w in lx.TITLE_FUNCTION_WORDS for w in words[1:]) \
        and bool(_TITLE_WORD.match(words[0]))


def _deictic_in_name(m: re.Match, text: str) -> bool:
    """'Today', 'Tonight' … capitalised inside a sentence name a programme or a paper ("USA Today", "the Today show")."""
    words = m.group(0).split()
    if len(words) != 1 or words[0].lower() not in lx.DEICTIC_NAME_WORDS or not words[0][0].isupper():
        return False
    before = text[max(0, m.start() - 3):m.start()].rstrip(" \t\"'“‘`(")
    return bool(before) and before[-1] not in ".!?\n:"


_NAMED_TIME_WORDS = frozenset(lx.WEEKDAYS) | frozenset(lx.DECADE_WORDS)  # "the Monday Club", "The Seventies Club"


def _weekday_in_name(m: re.Match, text: str) -> bool:
    """'the Sunday Times', 'the Monday Club', 'The Seventies Club': the, a weekday or a decade, then a capitalised
    word that is no time word."""
    words = m.group(0).split()
    if words and words[0].lower() == "the" and len(words) == 2:
        words = words[1:]  # "The Seventies": the decade rule takes the article in
    elif word_before(text, m.start()) != "the":
        return False
    if len(words) != 1 or words[0].lower().rstrip(".") not in _NAMED_TIME_WORDS:
        return False
    after = _WORD_AFTER.match(text[m.end():m.end() + 40])
    return after is not None and after.group(1)[0].isupper() and after.group(1).lower() not in lx.TIME_WORDS
