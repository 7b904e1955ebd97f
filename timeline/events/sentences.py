"""Split news text into sentences with character spans.

Line breaks end a sentence (headlines, captions and bylines often have no
final punctuation); a full stop after a known abbreviation ("Nov.", "U.S.",
"Dr.") or an initial does not.
"""

from __future__ import annotations

import re

from ..temporal import lexicon as lx
from .verbs import Form, verb_form

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding blanks, in text order."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in _BOUNDARY.finditer(line.group(0)):
            end = line.start() + stop.end()
            if _is_abbreviation(text[start:line.start() + stop.start() + 1]):
                continue
            spans.append(_trim(text, start, end))
            start = end
        spans.append(_trim(text, start, line.end()))
    return [s for s in spans if s[1] > s[0]]


def _is_abbreviation(before_stop: str) -> bool:
    before_stop = before_stop.rstrip(".")
    # the last word holds no blank: searched from the last one, not tried at every character of the sentence
    word = _LAST_WORD.search(before_stop, before_stop.rfind(" ") + 1)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in lx.ABBREVIATIONS or len(token) == 1 or bool(_INITIALS.fullmatch(token))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the last one starting at or before it)."""
    low, high = 0, len(spans) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if spans[middle][0] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


# Punctuation that may end a clause (titles are grown clause by clause between these).
PUNCTUATION_BREAK = re.compile(r"[,;:]\s+|\s[–—-]+\s")
# Where a clause may end: that punctuation, or before a word that opens a clause of its own.
# A full stop before a quotation opened by two backticks (newswire's plain-text quotes) is left inside a sentence
# (splitting there changed which sentence holds what: see the README), but it still ends a clause.
# The words are grouped by their first letters (but, because, before; while, whereas, when …): tried after every
# blank, sixteen words one after another cost a third more.
_CLAUSE_BREAK = re.compile(PUNCTUATION_BREAK.pattern + r"|[.!?]\s+(?=``)|\s(?=(?:b(?:ut|ecause|efore)|"
                           r"wh(?:ile|ereas|en|ich|o|ere)|a(?:lthough|fter)|though|since|un(?:til|less)|if)\s)",
                           re.IGNORECASE)


_HEAD = re.compile(r"\w*")
# A sentence's opening participle or prepositional phrase has no finite verb: it belongs to the clause after it,
# and shares its date ("Retaliating for the bombings, U.S. forces Thursday launched strikes", "In a massive
# demonstration, thousands marched on Friday").
_OPENING_FRAME = re.compile(r"(?![A-Z][a-z]*thing\b)[A-Z][a-z]+ing\b|(?:In|At|During|Amid)\s+(?:a|an|the|his|her|its|their)\s")

# (sentence, its happenings' words, the clauses they make): run as tests
OPENING_FRAME_EXAMPLES = (
    ("Retaliating for the bombings, U.S. forces on Thursday launched strikes.", ("Retaliating", "launched"), 1),
    ("In a massive demonstration, thousands marched on Friday.", ("demonstration", "marched"), 1),
    ("During the raid, police arrested five men.", ("raid", "arrested"), 1),
    # look-alikes: a clause of its own before the comma
    ("Nothing happened on Monday, but prices fell on Tuesday.", ("happened", "fell"), 2),
    ("In the end the talks failed, and prices fell on Tuesday.", ("failed", "fell"), 2),
    ("Beijing has condemned the attack, calling it cowardly.", ("condemned", "calling"), 2),
)


# (sentence, its happenings' words, the clauses they make): run as tests
# What may stand between a subject split off by commas and its verb: nothing, or when it happened ("Bombings at the
# embassies in Nairobi, Kenya, on Aug. 7 killed 258 people").
_WHEN_BEFORE_VERB = re.compile(r"\s*(?:(?:on|in|last|early|late)\s+(?:[A-Z][a-z]+\.?|\d{1,4})(?:\s+\d{1,2})?,?\s+)?")
SUBJECT_SPLIT_EXAMPLES = (
    ("A clinic bombing in Birmingham, Ala., killed a security guard.", ("bombing", "killed"), 1),
    ("Bombings at the embassies in Nairobi, Kenya, on Aug. 7 killed 258 people.", ("Bombings", "killed"), 1),
    ("The explosion, the worst in years, destroyed the market.", ("explosion", "destroyed"), 1),
    # look-alikes: a clause with a verb of its own, a relative clause, a subject that is not a happening
    ("Police condemned the attack, calling it cowardly.", ("condemned", "calling"), 2),
    ("After the attack, police arrested five men.", ("attack", "arrested"), 2),
    ("The strike, which began on Monday, closed the ports.", ("strike", "began", "closed"), 3),
    ("On May 2, police, acting on a tip, searched the house.", ("acting", "searched"), 2),
    ("After the attack, on Friday police arrested five men.", ("attack", "arrested"), 2),
)


def clause_end(sentence: str, offset: int) -> int:
    """Where the clause holding ``offset`` may end: the first clause break after it, else the sentence's end."""
    found = _CLAUSE_BREAK.search(sentence, offset)
    return found.start() if found else len(sentence)


def clause_spans(sentence: str, heads: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence that holds a happening, given the happenings' offsets.

    A piece between breaks without a happening ("in the third quarter", "to $3 million") belongs to the
    clause before it (the first piece to the clause after it): "Profit fell 10%, to $3 million, in the third
    quarter" is one clause; "Shares fell, a day after the merger was announced" two.
    """
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    if _OPENING_FRAME.match(sentence) and (frame := PUNCTUATION_BREAK.search(sentence)):
        inside = [head for head in heads if head < frame.start()]
        if all(_form_at(sentence, head) == Form.UNKNOWN for head in inside):
            heads = [head for head in heads if head >= frame.end()]  # up to its comma, it is the next clause's
    clauses: list[tuple[int, int]] = []
    pending = 0  # start of pieces without a happening, waiting for a clause to join
    for a, b in pieces:
        if any(a <= head < b for head in heads):
            if clauses and _subject_of(sentence, heads, clauses[-1], a):
                clauses[-1] = (clauses[-1][0], b)  # "a clinic bombing in Birmingham, Ala., killed a guard"
            else:
                clauses.append((pending if not clauses else a, b))
            pending = b
        elif clauses:
            clauses[-1] = (clauses[-1][0], b)
    return clauses or [(0, len(sentence))]


def _subject_of(sentence: str, heads: list[int], clause: tuple[int, int], next_start: int) -> bool:
    """A clause of nouns only, right before a comma and a finite verb, is that verb's subject split off by
    commas ("a clinic bombing in Birmingham, Ala., killed a guard"; "the vote, held on Sunday, gave …"): one
    clause. A clause with a verb of its own ("police condemned the attack, calling it …") stays apart."""
    first = next((head for head in heads if head >= next_start), None)
    if first is None or not sentence[clause[0]:next_start].rstrip().endswith(",") \
            or not _WHEN_BEFORE_VERB.fullmatch(sentence, next_start, first):
        return False
    inside = [head for head in heads if clause[0] <= head < clause[1]]
    if sentence[:inside[0]].rstrip().endswith(",") and _HEAD.match(sentence, inside[0]).group(0).endswith("ing"):
        return False  # a participle set off by commas ("police, acting on a tip, searched"): not the subject
    return all(_form_at(sentence, head) == Form.UNKNOWN for head in inside) \
        and _form_at(sentence, first) not in (Form.UNKNOWN, Form.INFINITIVE)


def _form_at(sentence: str, head: int) -> Form:
    return verb_form(sentence, head, _HEAD.match(sentence, head).group(0))
