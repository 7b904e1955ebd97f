"""How a happening relates to the dates of its sentence, and where an undated happening sits.

A date written in the happening's clause is when it happened ("was killed
Friday"), unless a word before it makes it a reference point: "since 1997",
"by 2012", "until Monday", "before the election". Then the happening takes its
time from its context and keeps the date as its relation. Without a date, a
happening told as news is on or shortly before the report's date; a planned
one comes after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from ..model import Event, Interval, Modality
from .gate import Gate


class Relation(StrEnum):
    AT = "at"  # the date is when it happened
    RELATIVE = "relative"  # the date is a reference point: since, by, until, before, after …


# Words right before a date that make it a reference point, with examples (run as tests).
RELATIVE_WORDS = ("since", "by", "until", "till", "through", "before", "after", "ahead of", "prior to", "following",
                  "as of", "starting", "beginning", "up to")
RELATIVE_EXAMPLES = ("Stocks fell to their lowest level since October 1997", "The group aims to cut 30,000 jobs by 2012",
                     "The talks will go on until Monday", "Prices rose ahead of Tuesday's vote")
_RELATIVE = re.compile(r"\b(?:(?<!not\s)(?<!n't\s)(?:until|till)|(?!until|till)(?:" + "|".join(
    w.replace(" ", r"\s+") for w in RELATIVE_WORDS) + r"))\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
# "not until" says when it happened: "it was not until Tuesday that Castro revealed …", "did not leave until Monday"
NOT_UNTIL_EXAMPLES = (("But it was not until Tuesday that Castro revealed the letter.", "Tuesday"),  # run as tests
                      ("Not until March did the army withdraw.", "March"),
                      ("It wasn't until 1998 that the law changed.", "1998"))
# …but only "until": "Not since 1997 have stocks fallen so far" still relates the fall to 1997 (run as tests)
NOT_SINCE_EXAMPLES = (("Not since 1997 have stocks fallen so far.", "1997"),)
# A figure a change is measured from, with its date: "profit rose to $155 million from $99 million a year earlier"
# rose in the period reported; the date only says when the figure it is compared with was counted.
_COMPARED = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|versus)\s+(?:an?\s+[a-z]+\s+of\s+)?(?:[A-Z]{0,2}[$£€])?"
                       r"\d[\d.,]*\s*(?:%|percent\s+|(?:(?!(?:on|in|at|during|for|by|over|through|since)\s)[a-z]+\s+){1,2}"
                       r"(?:(?:a|per)\s+share\s+)?)$")  # a unit, not a preposition: "from $10 on Friday" says when
# A time counted back from the one reported ("a year earlier", "the year-ago period", "the previous Friday"), after
# a word that compares: right after a change and "from" ("profit grew 19% from a year ago", "down 4.5% from the
# previous Friday"), or after "compared with", "than" or "versus" with at most two words between ("a loss, compared
# with year-earlier profit of $3.8 million"). A bare "from" is a place or a start: "resigned from the board a year
# ago" tells when he resigned.
_COMPARED_WITH_EARLIER = re.compile(r"(?:\d\s*(?:%|percent)|\b(?:up|down|rose|fell|grew|gained|dropped|declined|"
                                    r"increased|decreased|jumped|slipped|climbed))\s+from\s+$|"
                                    r"\b(?:compared\s+(?:with|to)|than|versus)\s+(?:[a-z-]+\s+){0,2}$")
_EARLIER = re.compile(r"(?:the\s+|a\s+|an\s+|one\s+)?(?:year|quarter|month|week)[- ](?:ago|earlier)\b|"
                      r"(?:an?|one|two|three|\w+)\s+(?:years?|quarters?|months?|weeks?)\s+(?:ago|earlier|before)\b|"
                      r"(?:the\s+)?(?:previous|prior|preceding)\s", re.IGNORECASE)
COMPARED_EXAMPLES = (("Profit rose to $155 million from $99 million a year earlier.", "a year earlier"),  # run as tests
                     ("Earnings were $24 million, compared with a loss of $3 million last year.", "last year"),
                     ("The dividend is 4.6 pence, up 15% from 4 pence a year earlier.", "a year earlier"),
                     ("Third-quarter profit grew 19% from a year ago.", "a year ago"),
                     ("It posted a loss, compared with year-earlier profit of $3.8 million.", "year-earlier"),
                     ("The index fell 4.5% from the previous Friday.", "the previous Friday"))
# A change told from one figure at a date to another at a later one ("jumped from 100,000 in 1980 to 300,000 last
# year"): the first date is where the change starts, a reference point; the change is told at the second.
_RANGE_FROM = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,3}(?:[A-Z]{0,2}[$£€])?\d[\d.,]*\s*(?:%\s*|[a-z]+\s+)?(?:in|on|at)\s+$")
_RANGE_TO = re.compile(r"[^;:]{0,30}?\bto\s+(?:[a-z]+\s+){0,3}(?:[A-Z]{0,2}[$£€])?\d[^;:]{0,40}?\b(?:in|on|at|last|this)\s+\w")
RANGE_EXAMPLES = (("Visitors jumped from fewer than 100,000 in 1980 to more than 300,000 last year.", "1980"),
                  ("The rate rose from 5% in 2010 to 9% in 2020.", "2010"))  # run as tests
NOT_RANGE_EXAMPLES = (("The stock rose to $12 from $10 on Friday.", "Friday"),
                      ("Sales rose from $10 million in 2010, the company said.", "2010"))
NOT_COMPARED_EXAMPLES = (("The stock rose to $12 from $10 on Friday.", "Friday"),
                         ("Trucks rolled into Iraq from Jordan on Tuesday.", "Tuesday"),
                         ("He was found guilty of fraud a year ago.", "a year ago"),
                         ("Prices rose from January to March.", "January"),
                         ("He resigned from the board a year ago.", "a year ago"),
                         ("He was released from prison the previous week.", "the previous week"),
                         ("Troops withdrew from the city a month earlier.", "a month earlier"))
# Clauses that relate the main happening to another one: "a day after the merger was announced".
_LINKED_CLAUSE = Gate(r"(?:,\s*|\s)((?:(?:a|one|two|three|\w+)\s+(?:days?|weeks?|months?|years?|hours?)\s+)?"
                      r"{links}\s+[^,;]{4,80})", links=("after", "before", "since", "until", "ahead of", "following"))
# Words that make a happening a plan ("aims to cut", "is expected to rise", "the planned sale"), whatever the model
# said: an auxiliary of the future, a participle, or a verb or noun of intent with its "to" ("the plan offered
# to staff" tells of a plan that was offered, not of one still to come).
PLAN_CUES = Gate(r"\b(?:{future}\s+(?:\w+\s+)?|{participles}\s+(?:\w+\s+)?(?:to\s+)?|{intent}\s+(?:\w+\s+)?to\s+)(?:be\s+)?$",
                 future=("will", "'ll", "shall"), participles=("planned", "proposed", "expected", "scheduled"),
                 intent=("plan", "plans", "planning", "aim", "aims", "intend", "intends", "expects", "set", "due", "going",
                         "proposes", "hope", "hopes", "seek", "seeks", "want", "wants"))
PLAN_EXAMPLES = (("The group aims to cut 30,000 jobs.", "cut"), ("Talks are set to resume.", "resume"),  # run as tests
                 ("The bank will sell its stake.", "sell"), ("It took a loss because of the planned sale.", "sale"))
NOT_PLAN_EXAMPLES = (("The first retirement plan offered to staff drew 500 applicants.", "offered"),
                     ("The bank has set its sights on buying a rival.", "buying"))
# A condition before a happening, in its clause: "if prices rose", "unless talks resume".
_CONDITION = Gate(r"\b{words}\b[^,;:]*$", words=("if", "unless", "whether"))
# A sentence that carries the story on from the last dated happening.
_CONTINUES = re.compile(r"^(?:then|later|afterwards|after that|hours later|minutes later|shortly after(?:wards)?|"
                        r"soon after(?:wards)?|moments later|that (?:evening|night|afternoon|morning))\b", re.IGNORECASE)
REPORTING_WINDOW = 6  # days before the publication date that "on or shortly before" covers


def relation_of(sentence: str, date_start: int) -> Relation:
    """AT when the date says when; RELATIVE when a word before it makes it a reference point."""
    return Relation.RELATIVE if relating_words(sentence, date_start) else Relation.AT


@lru_cache(maxsize=64)  # asked of each date by its clause, its sentence and its clause's undated happening
def relating_words(sentence: str, date_start: int) -> str:
    """The words before a date that make it a reference point ("since the ", "by the end of ", "from $99
    million "), or ""."""
    match = _RELATIVE.search(sentence[max(0, date_start - 30):date_start]) \
        or _COMPARED.search(sentence[max(0, date_start - 60):date_start]) \
        or (_EARLIER.match(sentence, date_start)
            and _COMPARED_WITH_EARLIER.search(sentence[max(0, date_start - 40):date_start])) \
        or (_RANGE_TO.match(sentence, date_start) and _RANGE_FROM.search(sentence[max(0, date_start - 60):date_start]))
    return " ".join(match.group(0).split()) + " " if match else ""


# A date between a determiner and a noun names that thing ("that 1978 resolution", "his Aug. 2 power grab",
# "the October slaying"): it dates the thing, not the clause's verb ("That 1978 resolution calls for a withdrawal").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|that|this|these|those|his|her|its|their|our|your|a|an)\s+"
                                r"(?:(?!(?:first|last|next|past|previous|same|early|late|mid|end)\b)[a-z]+\s+)?$",
                                re.IGNORECASE)
_NOUN_AFTER = re.compile(r"(?:['’]s)?\s+(?!(?:and|or|but|to|in|at|on|of|for|from|by|with|when|that|which|as|is|are|was|"
                         r"were|has|have|had|will|would|said|says|than|after|before|since|until|ended|ending)\b)([a-z][a-z-]+)\b")
YEAR_SET_OFF = re.compile(r",\s*\d{4}$")
PREMODIFIER_EXAMPLES = (("That 1978 resolution calls for a withdrawal.", "1978", "resolution"),  # run as tests
                        ("Two men were charged over the March 3, 2004, bombing of a market.", "March 3, 2004", "bombing"),
                        ("The police reopened the file on his Aug. 2 power grab.", "Aug. 2", "power"),
                        ("They have gathered evidence in the October slaying.", "October", "slaying"),
                        ("The bank blamed its fourth-quarter loss on bad loans.", "fourth-quarter", "loss"),
                        ("He put the issue in the spotlight in his unsuccessful 1996 campaign.", "1996", "campaign"))
NOT_PREMODIFIER_EXAMPLES = (("In the third quarter, profit rose.", "third quarter"),
                            ("The company on Friday said profit rose.", "Friday"),
                            ("Prices rose in the 1990s and fell after that.", "1990s"),
                            ("Prices rose in the 1990s, analysts said.", "1990s"),
                            ("Shares fell in the first 1996 session.", "1996"),
                            ("The court heard both cases on the March 3, 2004, and April 5 dates.", "March 3, 2004"))


def premodified(sentence: str, date_start: int, date_end: int) -> tuple[int, int] | None:
    """The span of the noun a date stands before, after a determiner ("that 1978 resolution"), or None."""
    if not _DETERMINER_BEFORE.search(sentence[max(0, date_start - 24):date_start]):
        return None
    # a full date sets its year off with commas on both sides ("the Dec. 21, 1988, bombing")
    after = date_end + 1 if YEAR_SET_OFF.search(sentence, 0, date_end) and sentence.startswith(",", date_end) else date_end
    match = _NOUN_AFTER.match(sentence, after)
    return match.span(1) if match else None


def linked_clause(sentence: str, after: int) -> str:
    """The clause after the happening that relates it to another happening ("a day after X"), or ""."""
    match = _LINKED_CLAUSE.search(sentence, after)
    return " ".join(match.group(1).split()).rstrip(" .") if match else ""


def is_planned(sentence: str, happening_start: int) -> bool:
    return bool(PLAN_CUES.search(sentence[max(0, happening_start - 40):happening_start]))


# A date inside a relative clause ("the list, which began in 1950", "Albright, who fled after the takeover in 1948,")
# tells the time of that clause's happenings only: it lends nothing to the rest of the sentence.
_IN_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|where)\b[^,.;:!?]{0,80}$", re.IGNORECASE)
_RELATIVE_CLAUSE_END = re.compile(r"[;:]|,(?!\s*when\s)|$")  # "from 1968, when the Soviets invaded,": still 1968
# (sentence, publication day, a word, the value it is placed at): run as tests
RELATIVE_CLAUSE_DATE_EXAMPLES = (
    ("Albright, who was born in Prague and fled in 1948, welcomed the new members.", "1999-03-12", "welcomed",
     "1999-03-12"),
    ("Albright, who was born in Prague and fled in 1948, welcomed the new members.", "1999-03-12", "born", "1948"),
    ("Kopp was placed on the most wanted list, which began in 1950.", "1999-06-07", "placed", "1999-06-07"),
    ("Kavan, who lived in London from 1968, when the Soviets invaded, said he never lost hope.", "1999-03-12",
     "invaded", "1968"),
    # look-alike: a date outside a relative clause lends its time to past news beside it
    ("In 1948, Albright fled Prague and settled in Belgrade.", "1999-03-12", "settled", "1948"),
)


def lends_to(sentence: str, date_start: int) -> tuple[int, int]:
    """The part of a sentence a date lends its time to: all of it, or only the relative clause it is in."""
    if (opened := _IN_RELATIVE_CLAUSE.search(sentence, 0, date_start)) is None:
        return 0, len(sentence)
    return opened.start(), _RELATIVE_CLAUSE_END.search(sentence, date_start).start()


def is_conditional(sentence: str, happening_start: int) -> bool:
    return bool(_CONDITION.search(sentence[max(0, happening_start - 80):happening_start]))


def continues_story(sentence: str) -> bool:
    return bool(_CONTINUES.match(sentence.strip()))


@dataclass(frozen=True)
class Inferred:
    interval: Interval
    value: str
    mod: str | None
    explanation: str
    year_guessed: bool = False  # lent by a date whose year the publication date chose

    @classmethod
    def like(cls, event: Event, explanation: str) -> Inferred:
        """The time of an event told earlier, lent to a happening with no date of its own."""
        return cls(event.interval, event.value, event.mod, explanation, event.year_guessed)


def reporting_time(published: date, modality: Modality, headline: bool, present: bool = False) -> Inferred:
    """Where an undated happening of a news report sits: the day's news, shortly before it, or after it (planned,
    and hypothetical: a condition, a possibility or a wish is about what may come, so not the day's news).

    ``present``: told in the present tense ("officials are counting on aid"), it is going on as the report
    is published, so it holds on that day; the past tense and present perfect only say it is done by then.
    """
    day = datetime(published.year, published.month, published.day)
    said = f"reported on {published:%a %d %b %Y}; no date in the sentence"
    if modality in (Modality.PLANNED, Modality.HYPOTHETICAL):  # still to come, or only possible: after the report
        return Inferred(Interval(day + timedelta(days=1), day + timedelta(days=1 + REPORTING_WINDOW + 1), "week"),
                        published.isoformat(), "AFTER", f"{said}: {modality}, after the publication date")
    if headline or present:
        why = "the headline's happening is the day's news" if headline else "told in the present tense, it holds that day"
        return Inferred(Interval(day, day + timedelta(days=1), "day"), published.isoformat(), None, f"{said}: {why}")
    return Inferred(Interval(day - timedelta(days=REPORTING_WINDOW), day + timedelta(days=1), "week"),
                    published.isoformat(), "ON_OR_BEFORE", f"{said}: on or shortly before the publication date")
