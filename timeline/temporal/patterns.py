"""Regular-expression fragments built from the lexicon, and the parsers for what they match.

Fragments avoid nested unbounded repetition so matching stays linear in the
length of the text.
"""

from __future__ import annotations

from . import lexicon as lx


def alternation(words) -> str:
    """A regex alternation of words, longest first, with spaces matching any blank run."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in ordered)


_UNIT_WORDS = [u for u in lx.NUMBER_WORDS if lx.NUMBER_WORDS[u] < 10 and " " not in u and u not in ("a", "an")]
_TENS = [w for w, n in lx.NUMBER_WORDS.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]

TENS_WORD = f"(?:{alternation(_TENS)})"
DIGIT_WORD = f"(?:{alternation(_UNIT_WORDS)})"
TEEN_WORD = f"(?:{alternation(w for w, n in lx.NUMBER_WORDS.items() if 10 <= n < 20 and ' ' not in w)})"
MONTH = alternation(lx.MONTHS)
WEEKDAY = alternation(lx.WEEKDAYS)
SEASON = alternation(lx.SEASONS)
PART_OF_DAY = alternation(lx.PARTS_OF_DAY)
UNIT = alternation(lx.UNITS)
ORDINAL = alternation(lx.ORDINALS)
DECADE_WORD = alternation(lx.DECADE_WORDS)
QUANTITY_MOD = alternation(lx.QUANTITY_MODS)
FREQUENCY = alternation(lx.FREQUENCY_ADVERBS)

# "twenty-four", "24", "2.5", "a dozen", "several", "two and a half"
NUMBER = (
    rf"(?:\d{{1,4}}(?:\.\d{{1,2}}|\s+1/2|\s*½)?|(?:{alternation(_TENS)})(?:[\s-](?:{alternation(_UNIT_WORDS)}))?"
    rf"|{alternation(lx.NUMBER_WORDS)}|{alternation(lx.VAGUE_QUANTITIES)})(?:\s+and\s+a\s+half)?"
)
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
DAY_SUFFIX = r"(?:st|nd|rd|th)?"
YEAR4 = r"(?:1\d{3}|20\d{2})"
# "nineteen ninety-four", "eighteen oh five", "two thousand and three": years as transcripts write them
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen|seventeen)\s+(?:{TENS_WORD}(?:[\s-]{DIGIT_WORD})?|{TEEN_WORD}|(?:oh|o)\s+{DIGIT_WORD})"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{TEEN_WORD}|{TENS_WORD}(?:[\s-]{DIGIT_WORD})?|{DIGIT_WORD}))?)"
)
POSITION = r"(?:earlier|later|early|mid|late|the\s+(?:beginning|start|middle|end|close)\s+of|(?:beginning|start|middle|end)\s+of)"


def parse_number(words: str) -> float | None:
    """The value of a matched NUMBER, or None for vague quantities ("several")."""
    text = " ".join(words.lower().replace("-", " ").replace("½", " 1/2").split())
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)], 0.5
    if text in lx.VAGUE_QUANTITIES:
        return None
    if text in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[text] + half
    try:
        return float(text) + half
    except ValueError:
        pass
    total = 0
    for part in text.split():
        if part not in lx.NUMBER_WORDS:
            return None
        total += lx.NUMBER_WORDS[part]
    return total + half


def spelled_year_value(words: str) -> int:
    """The year a matched SPELLED_YEAR names: 'nineteen ninety-four' -> 1994."""
    parts = [p for p in words.lower().replace("-", " ").split() if p not in ("and", "oh", "o")]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(lx.NUMBER_WORDS[p] for p in parts[2:])
    return 100 * lx.NUMBER_WORDS[parts[0]] + sum(lx.NUMBER_WORDS[p] for p in parts[1:])


def position_mod(words: str | None) -> str | None:
    """TIMEX3 mod for 'early', 'mid', 'late', 'the end of' ..."""
    if not words:
        return None
    key = " ".join(words.lower().rstrip("-").split())
    return lx.POSITION_MODS.get(key) or lx.POSITION_MODS.get(key.replace("the ", "", 1))


def quantity_mod(words: str | None) -> str | None:
    if not words:
        return None
    return lx.QUANTITY_MODS.get(" ".join(words.lower().split()))


def month_number(word: str) -> int:
    return lx.MONTHS[word.lower().rstrip(".")]


def format_amount(amount: float | None) -> str:
    """TIMEX3 duration amount: 3, 1.5, or X when vague."""
    if amount is None:
        return "X"
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


# A fraction of a unit, written in the next smaller unit: 2.5 years -> P2Y6M (TIMEX3 has no decimals there).
_SMALLER = {("Y", False): ("M", False, 12), ("M", False): ("D", False, 30), ("W", False): ("D", False, 7),
            ("D", False): ("H", True, 24), ("H", True): ("M", True, 60), ("M", True): ("S", True, 60)}


def duration_value(amount: float | None, unit_word: str) -> str:
    """'3', 'weeks' -> P3W; '48', 'hour' -> PT48H; '2.5', 'years' -> P2Y6M; vague -> PXY."""
    letter, is_time = lx.UNITS[unit_word.lower()]
    if amount is not None and amount != int(amount) and (letter, is_time) in _SMALLER:
        small, small_is_time, factor = _SMALLER[(letter, is_time)]
        whole, part = int(amount), round((amount - int(amount)) * factor)
        head = f"{whole}{letter}" if whole else ""
        if is_time or not small_is_time:
            return ("PT" if is_time else "P") + head + f"{part}{small}"
        return f"P{head}T{part}{small}"
    if letter == "2W":
        letter = "W"
        amount = None if amount is None else amount * 2
    if letter in ("DE", "CE", "ML"):
        factor = {"DE": 10, "CE": 100, "ML": 1000}[letter]
        letter = "Y"
        amount = None if amount is None else amount * factor
        if amount is None:
            letter = {10: "DE", 100: "CE", 1000: "ML"}[factor]
    return ("PT" if is_time else "P") + format_amount(amount) + letter


# Named groups the rules share; the interpreters read them by name.
WD = rf"(?:(?P<wd0>{WEEKDAY})\b\.?,?[ \t]+)?"  # a leading weekday on the same line: "Monday, Nov. 22"
D = rf"(?P<day>{DAY_NUMBER}){DAY_SUFFIX}"
M_ = rf"(?P<month>{MONTH})\b\.?"
Y = rf"(?P<year>{YEAR4})"
YS = rf"(?:{Y}|(?P<spelled>{SPELLED_YEAR}))"  # a year in digits or in words
POS = rf"(?:(?P<pos>{POSITION})[\s-]*)?"
