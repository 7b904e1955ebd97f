"""Lengths of time: 'a 12-day ceasefire', 'more than a year', 'yearslong', 'for years'."""

from __future__ import annotations

import re

from ...model import TimexType
from .. import lexicon as lx
from ..description import Description, Relation, length, repeated
from ..find import Trigger
from ..guards import both, not_a_name, not_a_year_before_unit, not_age, not_fraction, someday, word_before
from ..patterns import NUMBER, QUANTITY_MOD, UNIT, alternation, duration_value, parse_number, quantity_mod
from ..rule import Example, Rule

_RATE_BEFORE = re.compile(r"(?:\d|%|\b(?:once|twice|times|percent|million|billion|thousand|hundred|dollars|cents|each|"
                          r"apiece))(?:\s+[a-z]+s)?[\s.,]*$", re.IGNORECASE)  # "$5 million", "50,000 CDs" a year


def duration_phrase(m: re.Match) -> Description:
    unit_word = m.group("unit").lower()
    if m.group("n") and m.group("n").lower() in ("a", "an") and not m.group("qmod") and \
            _RATE_BEFORE.search(m.string[max(0, m.start() - 20):m.start()]):
        return repeated(duration_value(1.0, unit_word), f"a rate: once every {unit_word}")  # "$5 million a year"
    if someday(m, m.string):
        return Description(TimexType.DATE, Relation.VAGUE, value=lx.VAGUE_REFERENCES["one day"],
                           what="'one day' after a modal: some day ahead")  # "Electric cars will one day outsell"
    if (m.group("n") or "").lower() == "recent" and unit_word in lx.RECENT_PERIODS:
        return Description(TimexType.DATE, Relation.VAGUE, value="PAST_REF",
                           what=f"'recent {unit_word}': a vague stretch of the past")  # "in recent years"
    if m.group("low"):  # "two to three weeks": at least the lower length (a TIMEX3 value has one amount)
        low, high = parse_number(m.group("low")), parse_number(m.group("n"))
        value = duration_value(low if high is not None else None, unit_word)
        return length(value, f"a range of lengths: {' '.join(m.group(0).split())}",
                      "EQUAL_OR_MORE" if low is not None and high is not None else None)
    amount = parse_number(m.group("n")) if m.group("n") else None
    if amount is not None and m.group("half"):
        amount += 0.5  # "an hour and a half"
    value = duration_value(amount, unit_word)
    mod = quantity_mod(m.group("qmod"))
    return length(value, f"a length of time: {' '.join(m.group(0).split())}", mod)


def long_compound(m: re.Match) -> Description:
    """'yearslong', 'decades-long', 'weeklong': a length of time written as one adjective."""
    unit_word = m.group("unit").lower()
    amount = None if unit_word.endswith("s") else 1.0
    return length(duration_value(amount, unit_word), f"a length of time: '{m.group(0)}'")


_PLURAL_AFTER = re.compile(r"\b(?:for|within|time\s+in)\s+$", re.IGNORECASE)


def plural_length_context(m: re.Match, text: str) -> bool:
    """A bare plural is a length only where the words around make it one: 'for years', 'within weeks', 'in recent
    months', 'over the years', 'the weeks ahead', 'for the first time in years' -- not 'years of service'."""
    pre = " ".join((m.group("pre") or "").lower().split())
    if pre == "the":
        return bool(m.group("ahead")) or word_before(text, m.start()) == "over"
    return bool(pre) or _PLURAL_AFTER.search(text, max(0, m.start() - 16), m.start()) is not None


def bare_plural_duration(m: re.Match) -> Description:
    return length(duration_value(None, m.group("unit")), f"an unspecified number of {m.group('unit').lower()}")


COUNT_ADJECTIVE = f"(?:{alternation(lx.COUNT_ADJECTIVES)})"  # "20 more years", "eight trading days"

_LONG_UNITS = ("years", "decades", "months", "weeks", "days", "hours", "year", "decade", "month", "week", "day", "hour")

_PLURAL_UNITS = ("days", "years", "decades", "months", "weeks", "centuries")
_PLURAL = "|".join(_PLURAL_UNITS)

RULES: list[Rule] = [
    Rule("long_compound", Trigger.of("long", (unit + "long" for unit in _LONG_UNITS)),
         rf"\b(?P<unit>{'|'.join(_LONG_UNITS)})[-\s]?long\b",
         long_compound,
         (Example("a yearslong campaign", None, "yearslong", "PXY", "DURATION",
                  reads=Description(TimexType.DURATION, Relation.ABSOLUTE, value='PXY')),
          Example("a weeklong truce", None, "weeklong", "P1W", "DURATION"))),
    Rule("duration", Trigger.of(lx.UNITS),
         rf"\b(?:(?P<qmod>{QUANTITY_MOD})\s+(?!the\b))?(?:(?:the\s+)?(?:past|last|first|next|previous|coming|final|remaining"
         rf"|latest)\s+|the\s+(?=\S+\s+\w+s\b))?"
         rf"(?:(?:between\s+)?(?P<low>{NUMBER})\s*(?:to|and|or|-|–)\s*)?"
         rf"(?P<n>{NUMBER})(?:\s+{COUNT_ADJECTIVE}(?=\s))?(?:[\s-]+|(?<=\d))(?P<unit>{UNIT})\b"
         rf"(?P<half>\s+and\s+a\s+half\b)?",
         duration_phrase,
         (Example("a 12-day ceasefire", None, "12-day", "P12D", "DURATION"),
          Example("an initial 48-hour ceasefire", None, "48-hour", "PT48H", "DURATION"),
          Example("after more than a year of military operations", None, "more than a year", "P1Y", "DURATION",
                  "MORE_THAN",
                  reads=Description(TimexType.DURATION, Relation.ABSOLUTE, mod='MORE_THAN', value='P1Y')),
          Example("a six-week truce", None, "six-week", "P6W", "DURATION"),
          Example("over the past three months", None, "the past three months", "P3M", "DURATION"),
          Example("for several weeks", None, "several weeks", "PXW", "DURATION"),
          Example("profit in the nine months rose", None, "the nine months", "P9M", "DURATION"),
          Example("after 5 1/2 hours of talks", None, "5 1/2 hours", "PT5H30M", "DURATION"),
          Example("it took two and a half years", None, "two and a half years", "P2Y6M", "DURATION"),
          Example("a minute and a half later", None, "a minute and a half", "PT1M30S", "DURATION"),
          Example("the base for at least 20 more years", None, "at least 20 more years", "P20Y", "DURATION", "EQUAL_OR_MORE"),
          Example("extended for an additional year", None, "an additional year", "P1Y", "DURATION"),
          Example("Five trading days after the listing, shares", None, "Five trading days", "P5D", "DURATION"),
          Example("Electric cars will one day outsell petrol ones", "1998-03-03", "one day", "FUTURE_REF", "DATE"),
          Example("the strike lasted one day", "1998-03-03", "one day", "P1D", "DURATION"),
          Example("refunds within five business days", None, "five business days", "P5D", "DURATION"),
          Example("during the 12-day deal", None, "12-day", "P12D", "DURATION"),
          Example("it earns $5 million a year", None, "a year", "P1Y", "SET"),
          Example("they meet twice a week", None, "a week", "P1W", "SET"),
          Example("over 50,000 CDs a year are sold", None, "a year", "P1Y", "SET"),
          Example("The repairs take two to three weeks.", None, "two to three weeks", "P2W", "DURATION", "EQUAL_OR_MORE",
                  reads=Description(TimexType.DURATION, Relation.ABSOLUTE, mod='EQUAL_OR_MORE', value='P2W')),
          Example("a delay of between 12 and 18 months", None, "between 12 and 18 months", "P12M", "DURATION",
                  "EQUAL_OR_MORE"),
          Example("growth over the next 12 to 18 months", None, "the next 12 to 18 months", "P12M", "DURATION"),
          # "in recent years" names a vague stretch of the past (TimeBank: PAST_REF); "recent months" measures one
          Example("Sales have soared in recent years.", "1989-10-30", "recent years", "PAST_REF", "DATE",
                  reads=Description(TimexType.DATE, Relation.VAGUE, value='PAST_REF')),
          Example("Sales have soared in recent months.", "1989-10-30", "recent months", "PXM", "DURATION")),
         guard=both(not_a_name, not_age, not_fraction, not_a_year_before_unit)),
    Rule("bare_plural_duration", Trigger.of(_PLURAL_UNITS),
         r"(?:\b(?P<pre>recent|coming|the\s+coming|the\s+past\s+few|the\s+last\s+few|the)\s+)?(?<![\w-])"
         rf"(?P<unit>{_PLURAL})\b(?P<ahead>\s+ahead\b)?(?:\s+or\s+(?:{_PLURAL})\b)?",
         bare_plural_duration,
         (Example("It has waited for years.", None, "years", "PXY", "DURATION",
                  reads=Description(TimexType.DURATION, Relation.ABSOLUTE, value='PXY')),
          Example("killed in recent months", "2024-11-01", "recent months", "PXM", "DURATION"),
          Example("talks in the coming weeks", "2024-11-01", "the coming weeks", "PXW", "DURATION"),
          Example("Ministers will meet in the weeks ahead.", "2024-11-01", "the weeks ahead", "PXW", "DURATION"),
          Example("the wreck was found within weeks or months of the storm", None, "weeks or months", "PXW",
                  "DURATION"),
          Example("over the years the village shrank", None, "the years", "PXY", "DURATION"),
          Example("the team won for the first time in years", None, "years", "PXY", "DURATION")),
         guard=plural_length_context),
]
