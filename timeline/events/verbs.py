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
    for token in reversed(before):  # _words_in keeps the last _LOOK_BACK
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


# A subject right before a verb in the simple present: a personal pronoun ("it continues", "he says"); after a noun a
# word in -s may be a plural noun itself ("the talks", "terrorist bombings"), and after "who" or "which" the verb
# describes someone in a relative clause ("Deif, who leads the military wing") rather than telling the clause's news.
_SUBJECT_BEFORE = re.compile(r"\b(?:it|he|she|this)\s+$", re.IGNORECASE)
_NOT_THIRD_PERSON = re.compile(r"(?:ss|us|is|ics|'s|’s)$", re.IGNORECASE)


_GOING_ON = frozenset({"continue", "remain", "stay"})
GOES_ON_EXAMPLES = (  # (sentence, word, still going on at the report): run as tests
    ("We will continue to do everything we can to find them.", "continue", True),
    ("The chairman will remain in both posts after the spinoff.", "remain", True),
    ("The chairman will resign from both posts after the spinoff.", "resign", False),  # a change, still to come
    ("The chairman continued in both posts.", "continued", False),  # told as done
)


def goes_on(sentence: str, start: int, word: str) -> bool:
    """What "will continue", "will remain" tell: a state already holding as the report is published and going on
    after it, not a happening still to come."""
    return word.lower() in _GOING_ON and verb_form(sentence, start, word) == Form.FUTURE


SIMPLE_PRESENT_EXAMPLES = (  # (sentence, word, simple present): run as tests
    ("Anheuser said it continues to hold to its goal.", "continues", True),
    ("Perhaps more important, it appears that the troops have not engaged.", "appears", True),
    ("The union says it wants talks.", "says", False),  # after a noun: not read, it may be a plural noun
    ("The plan, which calls for 2,000 job cuts, was approved.", "calls", False),  # a relative clause
    ("Anheuser said it continued to hold to its goal.", "continued", False),  # past
    ("Officials said it is still unclear who leads the group.", "is", False),  # an auxiliary, read elsewhere
    ("Terrorist bombings blew apart buildings.", "bombings", False),  # a plural noun
    ("He said the talks collapsed.", "talks", False),
    ("Witnesses said the crisis deepened.", "crisis", False),
)


def simple_present(sentence: str, start: int, word: str) -> bool:
    """A verb in the simple present after a pronoun, with no auxiliary ("it continues to hold", "it appears that"):
    what the report says holds as it is published, whatever tense reports it."""
    return len(word) > 3 and word.lower().endswith("s") and not _NOT_THIRD_PERSON.search(word) \
        and verb_form(sentence, start, word) == Form.UNKNOWN \
        and _SUBJECT_BEFORE.search(sentence, max(0, start - 30), start) is not None


# A report of a thing rather than of words ("announced plans to spin off its textiles arm", "unveiled a budget"):
# the announcing is the day's news, a happening of its own; "announced that …", "said it would …" report words.
_ANNOUNCING = re.compile(r"(?:announc|unveil|disclos|outlin|detail|releas|present)(?:e|ed|es|ing)", re.IGNORECASE)
_ANNOUNCED_THING = re.compile(r"\s+(?:(?:its|their|his|her|a|an|the|new|further|final|formal|previously|long-awaited)\s+)*"
                              r"(?:[\w-]+\s+){0,2}?(?:plans?|terms|details|results|agreement|deal|proposals?|offer|bid|"
                              r"decision|measures|program(?:me)?s?|budget|cuts|layoffs|merger|acquisition|sale|strategy)\b"
                              r"(?!\s+(?:would|will|was|were|is|are|had|has|could|should|may|might)\b)",  # a clause
                              re.IGNORECASE)

# (sentence, the report's word, whether it is news of its own): run as tests
ANNOUNCED_THING_EXAMPLES = (("Courtaulds announced plans to spin off its textiles operations.", "announced", True),
                            ("Hudson's Bay Co. announced terms of a previously proposed rights issue.", "announced", True),
                            ("The minister unveiled a new budget on the steps of parliament.", "unveiled", True),
                            ("The company announced that it would cut 500 jobs.", "announced", False),
                            ("The company said its plans were on track.", "said", False),
                            ("Officials announced the plant would close.", "announced", False),
                            ("Officials announced the sale would go ahead.", "announced", False))


def reports_a_thing(sentence: str, end: int, word: str) -> bool:
    """A report of a thing, not of words ("announced plans to …"), its word ending at ``end``: the announcing is
    news of its own."""
    return bool(_ANNOUNCING.fullmatch(word)) and _ANNOUNCED_THING.match(sentence, end) is not None


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
