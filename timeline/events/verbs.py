"""The tense and aspect a happening's own verb group says, read from the words right before it.

The tense of a clause (``temporal.tense``) weighs every cue around a date, so a
reporting verb ("said") colours the words it reports. A happening's own verb
group is more direct: "has placed" is done by now, "is searching" goes on now,
"had placed" lies before the story's time, and "is to be financed", "is likely
to send" are still to come (the events stage makes those planned, whatever
the happening model said), as is "would cut" told by a report ("said it would cut").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache

from ..temporal import lexicon as lx


class Form(StrEnum):
    PAST = "past"  # "fell", "was killed", "were fighting"
    PERFECT = "perfect"  # "has placed", "have also been recovered": done by now
    PAST_PERFECT = "past perfect"  # "had placed": before the story's time
    PRESENT = "present"  # "are searching", "is expected", "proves"
    FUTURE = "future"  # "will meet", "is going to close"
    MODAL = "modal"  # "would sign", "could fall"
    INFINITIVE = "infinitive"  # "to close", "to be expelled"
    UNKNOWN = "unknown"  # a noun ("the attack"), a bare participle ("closing unchanged")


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|'ll|n't|[^\sA-Za-z]")
# Words that may stand between an auxiliary and its verb: "has also been", "will not", "is now".
_BETWEEN = frozenset({"not", "n't", "also", "already", "still", "just", "now", "yet", "never", "ever", "since",
                      "recently", "reportedly", "allegedly", "only", "even", "again", "first", "finally", "long"})
_FUTURE = frozenset({"will", "'ll", "shall", "wo"})
_MODALS = frozenset({"would", "could", "may", "might", "should", "must", "can", "ca", "ought", "'d"})
_PERFECT = frozenset({"has", "have", "'ve"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_PAST_BE = frozenset({"was", "were"})
_PASSIVE = frozenset({"be", "been", "being", "get", "got"})
_GROUP = _BETWEEN | _PASSIVE | _FUTURE | _MODALS | _PERFECT | _PRESENT_BE | _PAST_BE | lx.TO_FUTURE | {
    "had", "to", "do", "does", "did"}  # words a verb group before its verb may hold
_LOOK_BACK = 5  # words before the happening that may belong to its verb group
_READ_ON = _PRESENT_BE | _PAST_BE | {"to"}  # auxiliaries after which the group may go on further back
_TO_AHEAD, _PRESENT, _PAST = lx.TO_FUTURE | _PRESENT_BE | _PAST_BE, _PRESENT_BE | {"do", "does"}, _PAST_BE | {"did"}


def verb_form(sentence: str, start: int, word: str) -> Form:
    """The form of the verb group ending in ``word`` (at ``start`` in ``sentence``)."""
    return _form(_group_before(sentence, start), word.lower())


def _group_before(sentence: str, start: int) -> tuple[str, ...]:
    return _group_in(sentence[max(0, start - 60):start])


@lru_cache(maxsize=64)
def _group_in(window: str) -> tuple[str, ...]:
    """The auxiliaries at the end of the words before a happening: the events stage asks both verb_form and
    reported_future of each (cached by those words alone, not by whole sentences kept alive)."""
    return tuple(_auxiliaries(_words_in(window)))


def _words_in(window: str) -> list[str]:
    """The lower-case words of the text just before a happening that a verb group may hold (the last _LOOK_BACK)."""
    return [w.lower() for w in _WORD.findall(window)[-_LOOK_BACK:]]


def _auxiliaries(before: list[str]) -> list[str]:
    """The verb group's auxiliaries read backwards from the verb, past adverbs and passive "be"."""
    auxiliaries = []
    for token in reversed(before[-_LOOK_BACK:]):
        token = _normal(token)
        if token in _BETWEEN or token in _PASSIVE or token.endswith("ly"):
            continue
        auxiliaries.append(token)
        if token not in _READ_ON:
            break  # "is to meet", "to be expelled", "is going to close": read one word further back
    return auxiliaries


def negated(sentence: str, start: int) -> bool:
    """Whether the verb group before a happening is negated ("won't eliminate", "is not to be sold")."""
    words = _WORD.findall(sentence[max(0, start - 60):start].lower().replace("’", "'"))
    for token in reversed(words[-_LOOK_BACK:]):
        if token in ("not", "never") or token.endswith("n't"):
            return True
        if _normal(token) not in _GROUP and not token.endswith("ly"):
            return False
    return False


# Verbs that report or commit to what someone will do: in their complement "would" is the future seen from
# the report ("said it would cut 500 jobs"), not a condition ("the deal would collapse if …" has no reporter).
_REPORTING = re.compile(r"\b(?:said|says|say|told|tells|announced|announces|added|stated|reported|confirmed|disclosed|"
                        r"indicated|signaled|signalled|predicted|forecast|estimated|expected|expects|promised|pledged|"
                        r"vowed|warned|agreed|decided|insisted|assured|declared)\b", re.IGNORECASE)


_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?]")
# the reporter in the clause just before "would"'s own (no comma or clause break between, some ten words at most):
# "said it would", "announced Friday that the plant would", not a verb far back in the sentence
_REPORTER_BEFORE = re.compile(_REPORTING.pattern + r"[^.,;:!?]{0,60}$", re.IGNORECASE)
# a condition ("if demand fell") or a habit ("would walk his dog every night") in the reported words: no plan
_CONDITION_OR_HABIT = re.compile(r"\b(?:if|unless|always|often|usually|regularly|sometimes|used\s+to)\b|"
                                 r"\b(?:every|each)\s+(?:night|day|morning|evening|week|weekend|month|year|time)\b",
                                 re.IGNORECASE)


def reported_future(sentence: str, start: int) -> bool:
    """A happening told with "would" after a verb that reports or commits to it: still to come at the report.

    "The company said it would cut 500 jobs": the cut comes after the news of the saying; "would have cut"
    and "would not cut" are no plan, nor is "would" with no reporter just before it ("prices would fall if …"),
    nor a "would" told with a condition ("said it would cut jobs if demand fell") or a habit ("said he would
    walk his dog every night"). "'d" is not read as "would": before a past participle it is "had" ("she'd resigned").
    """
    if _group_before(sentence, start)[:1] != ("would",) or negated(sentence, start):
        return False
    # only auxiliaries stand between "would" and its verb: the last "would" before the verb is its own
    would = max((m.start() for m in _WOULD.finditer(sentence, 0, start)), default=None)
    reporter = _REPORTER_BEFORE.search(sentence, 0, would) if would is not None else None
    if reporter is None:
        return False
    clause_end = _CLAUSE_END.search(sentence, start)
    return not _CONDITION_OR_HABIT.search(sentence, reporter.start(), clause_end.start() if clause_end else len(sentence))


def _normal(token: str) -> str:
    """One auxiliary for its contracted forms: "won't" is "wo" (will), "hasn't" "has", "we'll" "'ll"."""
    token = token.replace("’", "'")
    if token.endswith("n't"):
        return token[:-3] or "not"
    if "'" in token and token.split("'", 1)[1] in ("ll", "ve", "d", "re"):
        return "'" + token.split("'", 1)[1]
    return token


def _form(auxiliaries: Sequence[str], word: str) -> Form:
    """The form from the words read backwards from the verb: "is going to close" gives to, going."""
    nearest = auxiliaries[0] if auxiliaries else ""
    if nearest == "to":
        ahead = len(auxiliaries) > 1 and auxiliaries[1] in _TO_AHEAD
        return Form.FUTURE if ahead else Form.INFINITIVE
    if nearest in _FUTURE:
        return Form.FUTURE
    if nearest in _MODALS:
        return Form.MODAL
    if nearest == "had":
        return Form.PAST_PERFECT
    if nearest in _PERFECT:
        return Form.PERFECT
    if nearest in _PRESENT:
        return Form.PRESENT
    if nearest in _PAST:
        return Form.PAST
    if word in lx.PAST_CUES or (len(word) > 4 and word.endswith("ed") and word not in lx.NOT_PAST_ED):
        return Form.PAST
    return Form.UNKNOWN


FORM_EXAMPLES = (  # (sentence, happening word, form): run as tests
    ("Shares in the maker rose 4 %.", "rose", Form.PAST),
    ("The envoy was killed in an airstrike.", "killed", Form.PAST),
    ("The airline has placed an order for 20 aircraft.", "placed", Form.PERFECT),
    ("The bodies of 37 hostages have also been recovered.", "recovered", Form.PERFECT),
    ("The airline had placed an order before the strike.", "placed", Form.PAST_PERFECT),
    ("Rescue teams are searching the rubble.", "searching", Form.PRESENT),
    ("Mr. Ackerman said the buy-back does prove that he is scared.", "prove", Form.PRESENT),
    ("The monarch will meet Bush on Thursday.", "meet", Form.FUTURE),
    ("The fund is to be financed by donations.", "financed", Form.FUTURE),
    ("The company would not sign the deal.", "sign", Form.MODAL),
    ("The group is going to close the plant.", "close", Form.FUTURE),
    ("Prices are expected to rise.", "rise", Form.FUTURE),
    ("The board voted to close the plant.", "close", Form.INFINITIVE),
    ("The board approved a plan to close the plant.", "close", Form.FUTURE),
    ("The Web site featured photos of the victims.", "featured", Form.PAST),
    ("The attack drew condemnation.", "attack", Form.UNKNOWN),
    ("We'll meet them again.", "meet", Form.FUTURE),
    ("The bank hasn't raised its rates.", "raised", Form.PERFECT),
)
NEGATED_EXAMPLES = (("Killing the leaders won’t eliminate the threat.", "eliminate", True),  # run as tests
                    ("The plant is not to be sold.", "sold", True),
                    ("The plant is to be sold.", "sold", False),
                    ("No one expects the plant to be sold.", "sold", False))
REPORTED_FUTURE_EXAMPLES = (  # (sentence, happening word, still to come): run as tests
    ("The company said it would cut 500 jobs.", "cut", True),
    ("Officials announced Friday that the plant would be closed.", "closed", True),
    ("The bank agreed that it would sell its stake to a rival.", "sell", True),
    ("Prices would fall if the strike ended.", "fall", False),  # no reporter: a condition
    ("The company said it would not cut jobs.", "cut", False),  # negated: no plan
    ("The minister said the army would have won the war.", "won", False),  # would have: a past that did not happen
    ("The company said it cut 500 jobs.", "cut", False),  # told as done
    ("The carmaker said it would cut 500 jobs next year.", "cut", True),
    ("The minister said she'd resigned over the scandal.", "resigned", False),  # "'d" + participle is "had"
    ("Police said he'd fled the country before the trial.", "fled", False),
    ("The company said it would cut 500 jobs if demand fell.", "cut", False),  # a condition
    ("The company said that unless demand rose it would cut 500 jobs.", "cut", False),
    ("Neighbours said he would walk his dog every night.", "walk", False),  # a habit
    ("Neighbours said that he always would walk the dog.", "walk", False),
    ("The report, which the minister said was flawed, showed that in a crisis the banks would fail.", "fail",
     False),  # the reporter is two clauses back, and the "said" is not about the failing
)
