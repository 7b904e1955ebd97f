"""Guess whether the clause around an expression speaks of the past, present or future.

Bare "Friday" or "November" means different dates in "was killed Friday" and
"will meet Friday": the nearest tense cue decides, the words before the
expression counting more than those after it (attribution tails like
"officials said" come after).
"""

from __future__ import annotations

import re
from enum import StrEnum

from . import lexicon as lx

# Quotation marks end a clause too: the tense of "said" is not the tense of the words it quotes.
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll|[.!?;:\n\"“”]|``|''")
_CLAUSE_END = frozenset({*".!?;:\n\"“”", "``", "''"})


_WINDOW = 12  # tokens looked at on each side
_WILL_WINDOW = 20  # "will" governs its whole clause: "will name X as commander of … mission in December"
_WILL = frozenset({"will", "'ll", "shall"})
_PLAN = frozenset({"plan", "plans"})
# A plan's participle before "for" and a date: the date is the plan's time, still to come ("the accession was
# planned for early March", "talks scheduled for Friday").
_PLANNED_FOR = frozenset({"planned", "scheduled", "set", "slated", "due", "expected", "earmarked"})
# The only words _cue reads as a tense besides regular past forms: most words are none of them.
_MAY_CUE = frozenset({"to", *_PLAN, *lx.FUTURE_CUES, *lx.PAST_CUES, *lx.PRESENT_CUES})


class Tense(StrEnum):
    """What the clause's verbs and cue words say about when it happens."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"  # no cue in the clause


def clause_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause holding text[start:end]."""
    left = _tokens(text[max(0, start - 160):start])[::-1]
    if left and left[0] == "since":
        return Tense.PAST  # "since Tuesday": a start already behind us
    if len(left) > 1 and left[0] == "for" and left[1] in _PLANNED_FOR:
        return Tense.FUTURE
    deadline = bool(left) and (left[0] in lx.DEADLINE_WORDS or (len(left) > 1 and (
        (left[0] in ("on", "at") and left[1] in lx.DEADLINE_WORDS) or (left[0] == "to" and left[1] in lx.MOVED_WORDS)
        or (left[0] == "as" and left[1] in ("soon", "early")))))
    right = [] if _ends_sentence(text, end) else _tokens(text[end:end + 120])
    if right and _ATTRIBUTION.match(text, end) and any(_scores(left, []).values()):
        right = []  # the clause tells its own tense; the report after it is of another time
    if deadline:  # "expire Nov. 21", "until January", "extended to Nov. 20" -- unless in the past perfect,
        # or a stretch a past verb closes ("the talks ran until Friday")
        closed = len(left) > 1 and left[0] in lx.STRETCH_ENDS and left[1] in lx.DURATIVE_PAST
        return Tense.PAST if closed or _in_clause("had", left) or _in_clause("had", right) else Tense.FUTURE
    scores = _scores(left, right)
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else Tense.UNKNOWN


# An attribution tail right after the expression ("…in early March, an official said on Wednesday"): its tense is
# the report's, not that of the clause the expression is in (when that clause tells one: "Ahead of the ceremony,
# Solana said" has no tense but the report's).
_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){1,6}(?:said|says|told|added|reported|announced)\b")


def _ends_sentence(text: str, end: int) -> bool:
    """'… along the coast on Fri. No one has counted it': a full stop taken in with the words ("Fri.", "a.m.") that
    is followed by a new sentence ends the clause, so the next sentence's verbs are not the clause's tense."""
    return text[end - 1:end] == "." and _NEW_SENTENCE.match(text, end) is not None


_NEW_SENTENCE = re.compile(r"[ \t]*(?:\n|$)|[ \t]+[\"“`'(]*[A-Z]")


def _scores(left: list[str], right: list[str]) -> dict[Tense, float]:
    """Tense cue weights on each side of the expression, nearer cues weighing more."""
    scores = {Tense.PAST: 0.0, Tense.FUTURE: 0.0, Tense.PRESENT: 0.0}
    for side_weight, tokens, step in ((1.0, left, 1), (0.6, right, -1)):  # the left side is held reversed
        last = len(tokens) - 1
        for distance, token in enumerate(tokens[:_WILL_WINDOW]):
            if token in _CLAUSE_END:
                break
            if distance >= _WINDOW and token not in _WILL or token not in _MAY_CUE and not token.endswith("ed"):
                continue
            before, after = distance + step, distance - step  # the words before and after it, in reading order
            tense, strength = _cue(token, tokens[before] if 0 <= before <= last else "",
                                   tokens[after] if token in _PLAN and 0 <= after <= last else "")
            if tense:
                scores[tense] += side_weight * strength / (1 + distance)
    return scores


def _in_clause(word: str, tokens: list[str]) -> bool:
    """Whether ``word`` comes before the clause ends, within the window."""
    for token in tokens[:_WINDOW]:
        if token in _CLAUSE_END:
            return False
        if token == word:
            return True
    return False


def _tokens(fragment: str) -> list[str]:
    return _TOKEN.findall(fragment.lower())


def _cue(token: str, previous: str, following: str = "") -> tuple[Tense | None, float]:
    """The tense a word signals and how strongly; ``previous`` and ``following`` are the words around it."""
    if token == "to" and previous in lx.TO_FUTURE:
        return Tense.FUTURE, 1.0  # "set to resume", "is to meet", "planning to drive"
    if token in _PLAN and (previous in lx.DETERMINERS or following in ("for", "of")):
        return None, 0.0  # "announced the plan Aug. 21", "travel plans for the team": a noun
    if token == "planned" and previous.endswith("ly"):
        return None, 0.0  # "the hastily planned trip": how it was made, not that it is still to come
    if token in lx.FUTURE_CUES:
        return Tense.FUTURE, 1.6 if token in _WILL else 1.0
    regular_past = len(token) > 4 and token.endswith("ed") and token not in lx.NOT_PAST_ED
    if (token in lx.PAST_CUES or regular_past) and previous in lx.BE_FORMS and token != "been":
        return None, 0.0  # a passive participle ("will be paid", "is heard"): the tense is the auxiliary's
    if token in lx.PAST_CUES:
        return Tense.PAST, 1.0
    if token in lx.PRESENT_CUES:
        return Tense.PRESENT, 1.0
    if regular_past and previous not in lx.DETERMINERS:
        return Tense.PAST, 0.7  # a regular past form, or an adjective ("preferred shares"): weaker evidence
    return None, 0.0
