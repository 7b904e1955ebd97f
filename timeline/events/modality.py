"""Hypothetical happenings (conditional, possible, wanted or negated): what marks them, and where they would sit.

A timeline keeps them as events that every view hides by default, so a reader who asks can see what a report
said might happen, and the evaluation can judge where they sit. Their explanation names the words that make them
hypothetical; a negated past happening ("Police did not find the weapon"), a question of the past ("whether he
crossed") or the purpose of an act ("sent the gun to a laboratory to determine …") sits where it would have happened,
any other ("the union would strike", "if the talks fail", "could cost the airline $50m") after the report.
"""

from __future__ import annotations

import re

from ..temporal.tense import Tense, clause_tense
from .verbs import Form, negated, verb_form

# The words that make a happening hypothetical, looked for in its clause before it, nearest first.
_CONDITION = re.compile(r"\b(if|unless|whether)\b[^,;:]*$", re.IGNORECASE)
_WHETHER = re.compile(r"\bwhether\b[^,;:]*$", re.IGNORECASE)
_MODAL = re.compile(r"\b(would|could|may|might|must|should|can|cannot|ought to|needs? to|has to|have to)"
                    r"(?:\s+(?:not|never|also|still|well|likely|only|be|have|been))*\s+$", re.IGNORECASE)
_NEGATION = re.compile(r"(?:\b(not|never|no longer)|(n't))\b(?:\s+\w+){0,2}\s+$", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?(?:be\s+)?$", re.IGNORECASE)
# A possibility told of the past ("may have been set afire", "would have cut"): where it would have happened.
_POSSIBLE_PAST = re.compile(r"\b(?:would|could|may|might|must|should)\s+(?:not\s+)?have\s+(?:been\s+)?$",
                            re.IGNORECASE)
# What could not be done was not done then: "could not" is the past of "cannot" ("Officials could not confirm the
# toll"), where it would have happened, not a possibility still to come.
_PAST_INABILITY = re.compile(r"\bcould(?:\s+not|n't)\s+(?:be\s+)?$", re.IGNORECASE)
_LOOK_BACK = 80
_DONE = frozenset({Form.PAST, Form.PERFECT, Form.PAST_PERFECT})

# (sentence, the happening word, its explanation's words): run as tests
WHY_EXAMPLES = (
    ("If the talks fail, the union would strike.", "fail", "conditional: 'if …'"),
    ("If the talks fail, the union would strike.", "strike", "hypothetical: 'would …' in the sentence"),
    ("The strike could cost the airline $50m.", "cost", "hypothetical: 'could …' in the sentence"),
    ("Police did not find the weapon.", "find", "negated: 'not …'"),
    ("Investigators sent the gun to a laboratory to determine whether it was used.", "determine",
     "hypothetical: 'to …', wanted, intended or to be found out, not told as done"),
    ("Selling the plant won't solve the company's problems.", "solve", "negated: 'not …'"),
)
# (sentence, the happening word, whether it sits where it would have happened): run as tests
DONE_EXAMPLES = (
    ("Police did not find the weapon.", "find", True),
    ("The weapon has not been found.", "found", True),
    ("The union would not strike.", "strike", False),
    ("If the talks fail, the union would strike.", "strike", False),
    ("The strike could cost the airline $50m.", "cost", False),
    ("The barn may have been set afire.", "set", True),
    ("Officials could not confirm the toll.", "confirm", True),
    ("The ship couldn't be reached.", "reached", True),
    ("The plant could be sold.", "sold", False),
    # a question of what did or did not happen, told in the past: if it happened, it happened before the report
    # a purpose of an act told as done or going on sits with that act; of an act to come, after the report
    ("Investigators sent the gun to a laboratory to determine whether it was used.", "determine", True),
    ("Doctors who still risk their safety to perform abortions spoke out.", "perform", True),
    ("The company will hire staff to run the plant.", "run", False),
    ("Unless talks resume, the union is ready to strike.", "strike", False),
    ("It is unknown whether he crossed into Mexico.", "crossed", True),
    ("Investigators are checking whether the rifle was used in the shooting.", "used", True),
    ("It is unclear whether the talks will resume.", "resume", False),
    ("If the talks failed, the union would strike.", "failed", False),
)


def why(sentence: str, start: int) -> str:
    """The words that make the happening at ``start`` hypothetical, as its explanation says them."""
    before = sentence[max(0, start - _LOOK_BACK):start]
    if (match := _CONDITION.search(before)) is not None:
        return f"conditional: '{match.group(1).lower()} …'"
    if (match := _MODAL.search(before)) is not None:
        return f"hypothetical: '{match.group(1).lower()} …' in the sentence"
    if (match := _NEGATION.search(before)) is not None:
        return f"negated: '{(match.group(1) or 'not').lower()} …'"
    if _INFINITIVE.search(before):
        return "hypothetical: 'to …', wanted, intended or to be found out, not told as done"
    return "hypothetical: told as possible or wanted, not as done"


def sits_as_done(sentence: str, start: int, word: str) -> bool:
    """A negated happening told in the past or the present perfect ("did not find", "has not been found"), a
    possibility told of the past ("may have been set afire"), a question of the past ("whether he crossed") or the
    purpose of an act ("sent the gun to a laboratory to determine …"): it sits where it would have happened; with a
    condition or a modal of what is to come it is still to come or only possible."""
    before = sentence[max(0, start - _LOOK_BACK):start]
    if _POSSIBLE_PAST.search(before) or _PAST_INABILITY.search(before):
        return True
    if _WHETHER.search(before) and not _MODAL.search(before):  # "unknown whether he crossed": before the report
        return verb_form(sentence, start, word) in _DONE
    if _INFINITIVE.search(before) and not (_CONDITION.search(before) or _MODAL.search(before)
                                           or negated(sentence, start)):
        # a purpose of the act it serves ("sent the gun to a laboratory to determine …"): with that act, unless the
        # clause tells what is to come ("will hire staff to run the plant")
        return clause_tense(sentence, start, start) != Tense.FUTURE
    return (negated(sentence, start) and verb_form(sentence, start, word) in _DONE
            and not _CONDITION.search(before) and not _MODAL.search(before))

# What a reward is offered for ("for information leading to the arrest and conviction of the gunman"): the arrest
# is what is wanted, not what happened.
_REWARDED = re.compile(r"\bfor\s+information\s+(?:(?:that|which)\s+)?(?:(?:could|may|might|would)\s+)?"
                       r"(?:(?:leads?|leading)\s+to\b[^,;:.]*)?$", re.IGNORECASE)
# (sentence, the happening word, whether it is what a reward asks for): run as tests
REWARDED_EXAMPLES = (
    ("Police offered a $10,000 reward for information leading to the arrest and conviction of the gunman.", "arrest",
     True),
    ("Police offered a $10,000 reward for information leading to the arrest and conviction of the gunman.",
     "conviction", True),
    ("The FBI is offering $5 million for information that leads to his capture.", "leads", True),
    # look-alikes: the offer itself, and information that led to an arrest already made
    ("Police offered a $10,000 reward for information leading to the arrest of the gunman.", "offered", False),
    ("A tip from a neighbour led to the arrest of the gunman.", "arrest", False),
)


def rewarded(sentence: str, start: int) -> bool:
    """A happening a reward is offered for ("for information leading to the arrest of …"): only wanted."""
    return bool(_REWARDED.search(sentence[max(0, start - _LOOK_BACK):start]))
