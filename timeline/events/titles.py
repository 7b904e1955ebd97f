"""Titles for events: a concise statement from the evidence sentence, not the sentence as written.

Attribution ("…, the ministry said"), dangling words and overlong clauses are cut;
a title too long for a reader is built from the clause that holds the date.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .gate import Gate
from .names import names_in
from .sentences import PUNCTUATION_BREAK

MAX_TITLE = 120
# Attribution tails and heads that say who said it, not what happened.
_ATTRIBUTION_TAIL = Gate(
    r"(?:,|\s[-–—])\s*(?:(?:the|a|an)\s+)?[\w’'.\- ]{1,60}?\s(?:{said}|{told}\s[\w .’'-]{1,40})"
    r"(?:\s+(?:on\s+)?(?:Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday|today|"
    r"yesterday)(?:\s+(?:morning|afternoon|evening|night))?)?\s*[.!]?$",
    said=("said", "says", "announced", "reported", "wrote", "added", "claimed", "stated"), told=("told",))
_ATTRIBUTION_HEAD = re.compile(r"^(?:citing [^,]{1,60},\s*)?"  # "Citing the officials, the newspaper said that …"
                               r"(?:according to [^,]{1,60},\s*|[\w’'.\- ]{1,50}\s(?:said|says)\s+that\s+)", re.IGNORECASE)
_ACCORDING_TAIL = re.compile(r",\s*according to [^,]{1,60}[.]?$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{2,}")
_DANGLING_WORD = (r"(?:and|or|but|the|a|an|of|to|in|on|at|by|for|with|from|as|that|which|who|"
                  r"while|after|before|its|his|her|their)$")
_DANGLING = re.compile(r"[\s,;:–—-]+" + _DANGLING_WORD, re.IGNORECASE)
# The word alone, looked for only where it can be (at most six letters and a final line break from the end):
# the whole pattern, anchored at the end, is otherwise tried at every character of the title.
_ENDS_DANGLING = re.compile(_DANGLING_WORD, re.IGNORECASE)


def make_title(sentence: str, date_start: int = 0, date_end: int = 0) -> str:
    """A concise statement from the evidence sentence: no attribution, no dangling words, ≤ 120 characters.

    ``date_start``/``date_end`` locate the date words in the sentence: when the
    sentence is too long, the title is built from the clause that holds them.
    """
    whole = _whole_sentence(sentence)
    return _finished(whole if len(whole) <= MAX_TITLE else _clause_around(sentence, date_start, date_end))


@lru_cache(maxsize=16)
def _whole_sentence(sentence: str) -> str:
    """The sentence without attribution: the title itself unless too long, whichever of its happenings asks
    (a sentence's clauses and dates ask for their titles one after another)."""
    return _without_attribution(" ".join(sentence.split()).strip("\"'“”‘’|• "))


@lru_cache(maxsize=16)
def _finished(text: str) -> str:
    """Cut to length, dangling words off, a capital first; "" when fewer than three words remain."""
    if len(text) > MAX_TITLE:
        text = text[:MAX_TITLE].rsplit(" ", 1)[0] + " …"
    previous = None
    while previous != text:
        previous = text
        ellipsis = text.endswith("…")
        text = _without_dangling(text.rstrip(" …")).rstrip(" ,;:.") + (" …" if ellipsis else "")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if len(list(islice(_WORD.finditer(text), 3))) == 3 else ""


def _without_dangling(text: str) -> str:
    return _DANGLING.sub("", text) if _ENDS_DANGLING.search(text, max(0, len(text) - 7)) else text


def _without_attribution(text: str) -> str:
    text = _ATTRIBUTION_HEAD.sub("", text)
    text = _ACCORDING_TAIL.sub("", text)
    tail = _ATTRIBUTION_TAIL.search(text)
    stripped = text[:tail.start()] + text[tail.end():] if tail else text
    return (stripped if len(stripped) >= 25 else text).rstrip(" .;:,")


_RELATIVE = re.compile(r"^(?:who|which|where|when|whose)\s+", re.IGNORECASE)
_VERB_FIRST = re.compile(r"^(?:was|were|is|are|has|had|have|will|would|could|did|remains?|became)\s", re.IGNORECASE)
_PRONOUN_FIRST = re.compile(r"^(?:they|it|he|she|we|this|that|those|these)\s", re.IGNORECASE)
_NOUN_PHRASE = re.compile(r"\b(?:the|a|an)\s+[^,;]{3,60}?\s(?:that|which|who)\s[^,;]+$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"^(?:while|although|though|just like|as|because|since|whereas|and|but|so)\s+",
                          re.IGNORECASE)


@lru_cache(maxsize=16)
def _clauses(sentence: str) -> list[tuple[int, int]]:
    """A long sentence's clauses, asked for by each of its happenings and dates in turn."""
    cuts = [0] + [m.end() for m in PUNCTUATION_BREAK.finditer(sentence)] + [len(sentence) + 2]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _clause_around(sentence: str, date_start: int, date_end: int) -> str:
    """The clause holding the date, grown with its neighbours while it fits."""
    clauses = _clauses(sentence)
    index = next((i for i, (a, b) in enumerate(clauses) if a <= date_start < b), 0)
    low = high = index

    def piece(lo: int, hi: int) -> str:
        return sentence[clauses[lo][0]:clauses[hi][1]].strip(" ,;:–—-.")

    prefer_right = index == 0 or len(piece(index, index).split()) < 5
    while True:
        steps = [(low, high + 1), (low - 1, high)] if prefer_right else [(low - 1, high), (low, high + 1)]
        for lo, hi in steps:
            if 0 <= lo and hi < len(clauses) and len(piece(lo, hi)) <= MAX_TITLE:
                low, high = lo, hi
                break
        else:
            break
    if len(piece(low, high).split()) < 6:  # still a fragment: a window of the sentence around the date
        begin = clauses[index][0]
        return " ".join(sentence[begin:begin + MAX_TITLE].split()).rsplit(" ", 1)[0] + " …"
    text = _without_attribution(" ".join(piece(low, high).split()))
    if _RELATIVE.match(text) and low > 0:  # "Netanyahu, who ordered ..." -> "Netanyahu ordered ..."
        names = names_in(sentence[:clauses[low][0]])
        if names:
            text = f"{names[-1]} {_RELATIVE.sub('', text)}"
    text = _SUBORDINATE.sub("", text)
    if _VERB_FIRST.match(text) and low > 0:  # "X, chief of staff, was killed in March" -> "X was killed in March"
        subject = piece(0, 0)
        if len(subject) + len(text) >= MAX_TITLE:
            subject = (names_in(subject) or [subject])[0]
        text = f"{subject} {text}"
    elif _PRONOUN_FIRST.match(text):  # "they did to those behind the attack that killed 11 in 1972"
        phrase = _NOUN_PHRASE.search(text)
        if phrase and phrase.start() > 0:
            text = phrase.group(0)
    return text
