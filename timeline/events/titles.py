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
    r"(?:,[\"”’']?|\s[-–—])\s*(?:(?:the|a|an)\s+)?[\w’'.\- ]{1,60}?\s(?:{said}|{told}\s[\w .’'-]{1,40})"
    r"(?:\s+(?:on\s+)?(?:Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday|today|"
    r"yesterday)(?:\s+(?:morning|afternoon|evening|night))?)?\s*[.!,;]?$",
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


# A plan told beside the news that set it: who is to do it. The words between the verb that sets the plan and
# the plan's "to" are its doer when they are its object ("ordered the army to kill", "called for Sinn Fein, the
# IRA's political wing, to be expelled"); with none ("are preparing to kill") the doer is the clause's subject.
_TO_PLAN = re.compile(r"\s+(?:(?P<object>\S.*?)\s+)?(?P<to>to)\s+(?:be\s+)?[\"“'`]*$", re.DOTALL)
_ASKED_FOR = re.compile(r"^(?:for|on|upon)\s+", re.IGNORECASE)  # "called for X to", "called on X to"
# An object that is no doer: a preposition's phrase ("working on plans to", "appealed to the court to").
_PREPOSITIONAL = re.compile(r"(?:on|in|at|with|about|of|into|over|under|from|to)\s", re.IGNORECASE)
# Words that end a subject read backwards from its verb: auxiliaries and adverbs are dropped, a clause break or a
# conjunction ends it.
_AUXILIARY = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                        "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "also", "now",
                        "still", "already", "not", "never", "just", "reportedly", "allegedly"})
_SUBJECT_START = re.compile(r"(?:.*(?:[,;:(]|\s[–—-]+|\b(?:but|while|because|though|although|since|until|if|whether|"
                            r"that|after|before|when|where|which|who|what|how)\b))?\s*(?P<subject>[^,;:(]*)$",
                            re.IGNORECASE | re.DOTALL)
_PRONOUN = re.compile(r"^(?:i|we|you|he|she|it|they|this|that|there|these|those|me|us|him|her|them)$", re.IGNORECASE)
MAX_DOER_WORDS = 8
# (sentence, the verb that sets the plan, the plan's word, its title): run as tests
PLAN_TITLE_EXAMPLES = (
    ("Netanyahu ordered the army to kill Hamas leaders around the world.", "ordered", "kill",
     "The army to kill Hamas leaders around the world"),
    ("Israel's intelligence services are preparing to kill Hamas leaders around the world.", "preparing", "kill",
     "Israel's intelligence services to kill Hamas leaders around the world"),
    ("With orders from the prime minister, the spy agencies are working on plans to hunt down the leaders.",
     "working", "hunt", "The spy agencies to hunt down the leaders"),
    ("Britain called for Sinn Fein, the IRA's political wing, to be expelled from the talks.", "called", "expelled",
     "Sinn Fein to be expelled from the talks"),
    ("Residents of Gaza have been warned to stay away from government offices.", "warned", "stay",
     "Residents of Gaza to stay away from government offices"),
    # look-alikes: whose plan the words do not say, or a pronoun a title cannot resolve
    ("The former spy chief called the plan to kill Hamas leaders abroad reckless.", "called", "kill",
     "Kill Hamas leaders abroad reckless"),
    ("Officials urged them to leave the city before the storm.", "urged", "leave", "Leave the city before the storm"),
    ("They are preparing to leave the city before the storm.", "preparing", "leave", "Leave the city before the storm"),
    ("Amid the truce, negotiations were to take place during the second phase.", "negotiations", "take",
     "Negotiations to take place during the second phase"),
    ("Talks need to be handled differently in order to reach a new deal.", "order", "reach", "Reach a new deal"),
    ("We have come to the point where we want to introduce new evidence.", "want", "introduce",
     "Introduce new evidence"),
    ("Investors welcomed the company's plans to cut costs at its mills.", "welcomed", "cut",
     "The company to cut costs at its mills"),
    ("Investors welcomed the unusual plans to cut costs at its mills.", "welcomed", "cut",
     "Cut costs at its mills"),
)


def plan_title(sentence: str, setter: tuple[int, int], main_start: int, plan_start: int, clause_end: int) -> str:
    """The title of a plan told beside the news that set it (the word at ``setter``, in a clause whose first
    happening is at ``main_start``): its doer, then its own words from its "to" ("The army to kill Hamas leaders"),
    the headline's way of telling what is to come; its own words alone when the doer is not told or is a pronoun
    ("Kill Hamas leaders abroad")."""
    between = _TO_PLAN.fullmatch(sentence, setter[1], plan_start)
    doer = _doer(sentence, setter, main_start, between) if between else ""
    return make_title(f"{doer} {sentence[between.start('to'):clause_end]}") if doer \
        else make_title(sentence[plan_start:clause_end])


def _doer(sentence: str, setter: tuple[int, int], main_start: int, between: re.Match) -> str:
    """The object between the verb and "to" when it is one, else the subject of the clause, or ""."""
    named = between.group("object")
    word = sentence[setter[0]:setter[1]].lower()
    if named and word.startswith(("call", "appeal")):
        named = _ASKED_FOR.sub("", named)
    if _PURPOSE.search(sentence, 0, setter[1]):
        return ""  # "in order to reach a deal": what for, not a plan of someone's
    if named and all(w.lower() in _AUXILIARY for w in named.split()):  # "negotiations were to take place"
        doer = _subject(sentence[:between.start("to")])
    elif word in _INTENT or named and named.split()[-1].lower() in _INTENT:  # "are working on plans to hunt":
        owner = _owner(sentence[:between.start("to")])  # whose plans
        doer = _subject(sentence[:main_start]) if owner is None else owner
    elif named and _PRONOUN.match(named):
        return ""  # "urged them to leave": a doer a title cannot resolve
    elif named and not _PREPOSITIONAL.match(named):
        doer = named.split(",")[0].strip()  # "Sinn Fein, the IRA's political wing,": the name, not its apposition
    else:  # "are preparing to kill", "are working hard on it to": the subject's
        doer = _subject(sentence[:main_start])
    if not doer or _PRONOUN.match(doer) or len(doer.split()) > MAX_DOER_WORDS \
            or doer.split()[-1].lower() in _FUNCTION_WORDS:  # "A source present at the": no subject read
        return ""
    return doer


_INTENT = frozenset({"plan", "plans", "decision", "effort", "efforts", "bid", "attempt", "campaign", "move",
                     "proposal", "promise", "offer"})  # not "order(s)": "Court orders Google to pay" is a verb
_PURPOSE = re.compile(r"\b(?:in\s+order|so\s+as)$", re.IGNORECASE)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "at", "in", "on", "for", "to", "with", "by", "from", "that",
                             "and", "or", "its", "his", "her", "their"})
_UNTOLD_OWNER = re.compile(r"\b(?:the|a|an|this|that|such)\s+(?:[\w-]+\s+){0,2}\w+\s*$", re.IGNORECASE)


_POSSESSOR = re.compile(r"(?:^|[\s,;:(])(?P<owner>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}|[Tt]he\s+\w+)['’]s?\s+"
                        r"(?:\w+\s+)?\w+\s*$")


def _owner(before: str) -> str | None:
    """Whose plan a noun of intent is: the possessor before it ("the company's plans to"), "" when a determiner
    leaves it untold ("the plan to"), None when neither (the clause's subject is the owner: "working on plans to")."""
    if (match := _POSSESSOR.search(before)) is not None:
        return match.group("owner")
    return "" if _UNTOLD_OWNER.search(before) else None


def _subject(before: str) -> str:
    """The words before a verb back to a clause break or a conjunction, without auxiliaries: its subject."""
    words = before.split()
    while words and (words[-1].lower() in _AUXILIARY or words[-1].lower().endswith("ly")):
        words.pop()
    match = _SUBJECT_START.match(" ".join(words))
    return match.group("subject").strip() if match else ""
