"""Dates counted from the publication date or the date last mentioned: today, Friday, last week, two days ago."""

from __future__ import annotations

import re
from functools import partial

from ...model import Precision, TimexType
from .. import lexicon as lx
from ..description import CountUnit, Description, Relation, length
from ..find import Trigger
from ..guards import names_ok, term_not_attributive, word_before
from ..lexicon import Direction
from ..patterns import (
    NUMBER,
    PART_OF_DAY,
    POS,
    QUANTITY_MOD,
    UNIT,
    WEEKDAY,
    duration_value,
    parse_number,
    position_mod,
    quantity_mod,
)
from ..rule import Example, Part, Rule
from ..tense import Tense


def _day_or_time(part_of_day: str | None) -> TimexType:
    return TimexType.TIME if part_of_day else TimexType.DATE


def deictic_day(m: re.Match) -> Description:
    word = " ".join(m.group("day").lower().split())
    part = m.group("part")
    part_code = lx.PARTS_OF_DAY[part.lower()] if part else ({"tonight": "NI", "last night": "NI"}.get(word))
    if word == "overnight":
        part_code = "NI"
    precision = Precision.PART_OF_DAY if part_code else Precision.DAY
    return Description(_day_or_time(part_code), Relation.FROM_DCT, precision, part_of_day=part_code, unit=precision,
                       step=lx.DEICTIC_DAYS[word], mod=position_mod(m.group("pos")), what=f"'{word}'")


def this_part_of_day(m: re.Match) -> Description:
    return Description(TimexType.TIME, Relation.FROM_DCT, Precision.PART_OF_DAY,
                       part_of_day=lx.PARTS_OF_DAY[m.group("part").lower()], unit=Precision.PART_OF_DAY, step=0,
                       mod=position_mod(m.group("pos")), what=f"this {m.group('part').lower()}")


def weekday_expression(m: re.Match) -> Description:
    number = lx.WEEKDAYS[m.group("wd").lower().rstrip(".")]
    part = m.group("part")
    part_code = lx.PARTS_OF_DAY[part.lower()] if part else None
    precision = Precision.PART_OF_DAY if part_code else Precision.DAY
    what = m.group("wd").rstrip(".")
    if m.group("ana"):  # "the following Monday": counted from the day last mentioned
        return Description(_day_or_time(part_code), Relation.FROM_MENTION, precision, weekday=number,
                           part_of_day=part_code, step=1 if m.group("ana").lower() == "following" else -1, what=what)
    direction = lx.DIRECTION_WORDS.get(" ".join((m.group("rel") or "").lower().split()))
    # "Friday's close", "Wednesday's ruling": read as in a past clause
    tense = Tense.PAST if direction is None and re.match(r"['’]s\b", m.string[m.end():m.end() + 3]) else None
    return Description(_day_or_time(part_code), Relation.WEEKDAY, precision, weekday=number, part_of_day=part_code,
                       direction=direction, tense=tense, what=what)


_UNIT_PRECISION = {"day": Precision.DAY, "week": Precision.WEEK, "weekend": Precision.WEEKEND, "month": Precision.MONTH,
                   "year": Precision.YEAR, "quarter": Precision.QUARTER, "decade": Precision.DECADE,
                   "century": Precision.CENTURY, "night": Precision.PART_OF_DAY, "morning": Precision.PART_OF_DAY,
                   "afternoon": Precision.PART_OF_DAY, "evening": Precision.PART_OF_DAY, "fall": Precision.SEASON}


def relative_unit(m: re.Match) -> Description:
    """'last week', 'this year', 'earlier this week', 'the following day', 'that year', 'the past year'."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    precision = _UNIT_PRECISION[unit]
    part = lx.PARTS_OF_DAY.get(unit) if precision == Precision.PART_OF_DAY else None
    mod = position_mod(m.group("pos"))
    phrase = " ".join(m.group(0).split())
    granule = partial(Description, _day_or_time(part), precision=precision, part_of_day=part, unit=precision, mod=mod)
    if m.group("the") and rel in ("past", "last") and unit in lx.UNITS:
        if word_before(m.string, m.start()) in lx.PERIOD_NAMING_WORDS:  # "in the last week": the period it names
            return granule(relation=Relation.FROM_DCT, step=-1, what=f"'{phrase}', the period before")
        return length(duration_value(1.0, unit), f"'{phrase}': a length of time up to the publication date")
    if rel in lx.MENTION_STEPS or (m.group("the") and rel == "next"):
        return granule(relation=Relation.FROM_MENTION, step=lx.MENTION_STEPS.get(rel, 1), what=f"'{phrase}'")
    if rel == "this" and (m.group("pos") or "").lower() in ("earlier", "later"):  # "earlier this year": up to now
        return granule(relation=Relation.UP_TO_NOW, step=0, what=f"'{phrase}'")
    step = lx.DIRECTION_STEPS[lx.DIRECTION_WORDS[rel]] if rel in lx.DIRECTION_WORDS else 0  # "current": 0
    return granule(relation=Relation.FROM_DCT, step=step, what=f"'{phrase}'")


def the_weekend(m: re.Match) -> Description:
    """'the weekend': the one nearest the publication date that the tense allows."""
    return Description(TimexType.DATE, Relation.NEAREST, Precision.WEEKEND)


_UNIT_LANDS_ON = {"MIN": Precision.MINUTE, "H": Precision.HOUR, "2W": Precision.WEEK, "D": Precision.DAY,
                  "W": Precision.WEEK, "M": Precision.MONTH, "Q": Precision.QUARTER, "Y": Precision.YEAR,
                  "DE": Precision.YEAR, "CE": Precision.YEAR}
_FINER = {Precision.YEAR: Precision.MONTH, Precision.MONTH: Precision.DAY, Precision.WEEK: Precision.DAY,
          Precision.DAY: Precision.HOUR}  # where a fraction of a unit lands ("1.5 years ago")


# Units whose "N later/earlier" TimeBank reads as a length between two happenings ("three days later" is P3D);
# "a year earlier" stays the date it compares with.
_OFFSET_UNITS = (CountUnit.MINUTE, CountUnit.HOUR, CountUnit.DAY, CountUnit.WEEK, CountUnit.FORTNIGHT)


def counted_relative(m: re.Match) -> Description | list[Part]:
    """'two weeks ago', 'a year earlier', 'nearly four years ago'; 'three days later' is a length (TimeML)."""
    amount = parse_number(m.group("n"))
    unit_word, direction = m.group("unit").lower(), " ".join(m.group("dir").lower().split())
    way, from_mention = lx.COUNT_DIRECTIONS[direction]
    letter, is_time = lx.UNITS[unit_word]
    unit = CountUnit({"M": "MIN" if is_time else "M", "S": "MIN"}.get(letter, letter))
    if from_mention and unit in _OFFSET_UNITS:  # the length between two happenings; "later" is its signal
        reading = length(duration_value(amount, unit_word), f"a length of time between two happenings: "
                         f"'{m.group('n')} {unit_word}', {direction}", quantity_mod(m.group("qmod")))
        return [Part(m.start(), m.end("unit"), reading)]
    precision = _UNIT_LANDS_ON[unit]
    if amount is not None and amount * (2 if unit == "2W" else 1) % 1:  # a fraction lands on a finer granule
        precision = _FINER.get(precision, precision)
    # "up from $2 a year earlier" compares with the period under discussion without moving the story
    moves = not (unit == "Y" and amount == 1 and direction in ("ago", "earlier"))
    return Description(TimexType.DATE, Relation.COUNT_FROM_MENTION if from_mention else Relation.COUNT_FROM_DCT,
                       precision, amount=amount, unit=unit, direction=way,
                       mod="APPROX" if m.group("qmod") else None, moves_reference=moves,
                       what=f"'{m.group('n')} {unit_word} {direction}'")


def vague_reference(m: re.Match) -> Description:
    word = " ".join(m.group("ref").lower().split())
    value = lx.VAGUE_REFERENCES.get(word) or ("PAST_REF" if "recent" in word or "past" in word else "FUTURE_REF")
    meaning = {"PRESENT_REF": "the time of writing", "PAST_REF": "some time before the time of writing",
               "FUTURE_REF": "some time after the time of writing"}[value]
    return Description(TimexType.DATE, Relation.VAGUE, value=value, what=f"a vague reference to {meaning}")


RULES: list[Rule] = [
    Rule("deictic_day", Trigger.of("today", "tonight", "yesterday", "tomorrow", "night", "overnight"),
         rf"\b{POS}(?P<day>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
         rf"|the\s+day\s+after\s+tomorrow|last\s+night|overnight)\b(?:\s+(?P<part>{PART_OF_DAY})\b)?",
         deictic_day,
         (Example("Kassab's assassination today comes", "2024-11-01", "today", "2024-11-01"),
          Example("He arrived yesterday morning.", "2024-11-01", "yesterday morning", "2024-10-31TMO", "TIME",
                  reads=Description(TimexType.TIME, Relation.FROM_DCT, Precision.PART_OF_DAY, part_of_day='MO',
                                    step=-1, unit=Precision.PART_OF_DAY)),
          Example("The vote is tonight.", "2024-11-01", "tonight", "2024-11-01TNI", "TIME"))),
    Rule("this_part_of_day", Trigger.of("morning", "afternoon", "evening"),
         rf"\b{POS}this\s+(?P<part>morning|afternoon|evening)\b", this_part_of_day,
         (Example("He spoke this morning.", "2024-11-01", "this morning", "2024-11-01TMO", "TIME",
                  reads=Description(TimexType.TIME, Relation.FROM_DCT, Precision.PART_OF_DAY, part_of_day='MO',
                                    step=0, unit=Precision.PART_OF_DAY)),)),
    Rule("weekday", Trigger.of(lx.WEEKDAYS),
         rf"\b(?:(?P<pos>early|late)\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+"
         rf"|the\s+(?P<ana>previous|following|preceding)\s+)?"
         rf"(?P<wd>{WEEKDAY})\b\.?(?:\s+(?P<part>morning|afternoon|evening|night)\b)?",
         weekday_expression,
         (Example("Izz al-Din Kassab was killed Friday in an airstrike", "2024-11-01", "Friday", "2024-11-01"),
          Example("an official announced on Friday evening.", "2024-11-01", "Friday evening", "2024-11-01TEV", "TIME",
                  reads=Description(TimexType.TIME, Relation.WEEKDAY, Precision.PART_OF_DAY, weekday=5,
                                    part_of_day='EV')),
          Example("The cabinet will meet Monday.", "2024-11-01", "Monday", "2024-11-04"),
          Example("Talks collapsed last Tuesday.", "2024-11-01", "last Tuesday", "2024-10-29"),
          Example("Stocks fell Oct. 27, down 4.5% from the previous Friday.", "1989-10-30", "the previous Friday",
                  "1989-10-20",
                  reads=Description(TimexType.DATE, Relation.FROM_MENTION, Precision.DAY, weekday=5, step=-1)),
          Example("He was arrested on May 3, 2024 and freed the following Monday.", None, "the following Monday",
                  "2024-05-06"),
          Example("They said Sunday that the bomb went off.", "2015-05-31", "Sunday", "2015-05-31"),
          # one table of direction words: "this past" is "last", "this coming" is "next", even on the day itself
          Example("They met this past Friday.", "2024-11-01", "this past Friday", "2024-10-25",
                  reads=Description(TimexType.DATE, Relation.WEEKDAY, Precision.DAY, weekday=5,
                                    direction=Direction.LAST)),
          Example("They meet again this coming Friday.", "2024-11-01", "this coming Friday", "2024-11-08")),
         guard=names_ok),
    Rule("relative_unit", Trigger.of(_UNIT_PRECISION),
         rf"\b{POS}(?P<the>the\s+)?(?P<rel>last|next|this\s+past|this\s+coming|this|following|previous"
         rf"|preceding|prior|that\s+same|that|same|coming|past|current(?:\s+fiscal)?)\s+"
         rf"(?P<unit>day|week|weekend|month|quarter|year|decade|century|night|morning|afternoon|evening)\b",
         relative_unit,
         (Example("Israel said earlier this year that", "2024-11-01", "earlier this year", "2024", mod="START",
                  reads=Description(TimexType.DATE, Relation.UP_TO_NOW, Precision.YEAR, step=0, unit=Precision.YEAR,
                                    mod='START')),
          Example("proposal at the beginning of next week", "2024-11-01", "the beginning of next week", "2024-W45",
                  mod="START"),
          Example("Biden unveiled a proposal last month", "2024-06-21", "last month", "2024-05"),
          Example("meeting Burns in Doha earlier this week", "2023-12-01", "earlier this week", "2023-W48",
                  mod="START"),
          Example("In 1997 he was elected. The next year he resigned.", None, "The next year", "1998",
                  reads=Description(TimexType.DATE, Relation.FROM_MENTION, Precision.YEAR, step=1, unit=Precision.YEAR)),
          Example("profit for the current fiscal year", "1989-10-26", "the current fiscal year", "1989"),
          # "the last week" names a period after "in", and measures one after "for"
          Example("Prices rose sharply in the past year.", "1989-10-26", "the past year", "1988",
                  reads=Description(TimexType.DATE, Relation.FROM_DCT, Precision.YEAR, step=-1, unit=Precision.YEAR)),
          Example("Prices have risen for the past year.", "1989-10-26", "the past year", "P1Y", "DURATION",
                  reads=Description(TimexType.DURATION, Relation.ABSOLUTE, value='P1Y')))),
    Rule("the_weekend", Trigger.of("weekend"), r"\bthe\s+weekend\b", the_weekend,
         (Example("Talks stalled over the weekend.", "2024-11-04", "the weekend", "2024-W44-WE",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.WEEKEND)),)),
    Rule("counted_relative", Trigger.of(lx.COUNT_DIRECTIONS, "now"),
         rf"\b(?:(?P<qmod>{QUANTITY_MOD})\s+)?(?P<n>{NUMBER})[\s-]+(?P<unit>{UNIT})\s+"
         rf"(?P<dir>ago|from\s+now|hence|(?:earlier|later)(?!\s+than\b)|(?:before|after)(?![ \t]*[a-z0-9]))\b",
         counted_relative,
         (Example("He was freed two days ago.", "2024-11-01", "two days ago", "2024-10-30",
                  reads=Description(TimexType.DATE, Relation.COUNT_FROM_DCT, Precision.DAY, amount=2, unit=CountUnit.DAY,
                                    direction=Direction.LAST)),
          Example("In 1997 he was elected. Three years later he quit.", None, "Three years later", "2000",
                  reads=Description(TimexType.DATE, Relation.COUNT_FROM_MENTION, Precision.YEAR, amount=3, unit=CountUnit.YEAR,
                                    direction=Direction.NEXT)),
          Example("Profit in the third quarter of 1989 rose 5% from a year earlier.", None, "a year earlier",
                  "1988-Q3",
                  reads=Description(TimexType.DATE, Relation.COUNT_FROM_MENTION, Precision.YEAR, amount=1, unit=CountUnit.YEAR,
                                    direction=Direction.LAST, moves_reference=False)),
          Example("He was arrested in May 2024 and freed two months after.", None, "two months after", "2024-07"),
          # TimeBank reads a short offset from the happening last told as a length, "later" being its signal
          Example("He was arrested on May 3, 2024. Three days later he was freed.", None, "Three days", "P3D",
                  "DURATION"),
          Example("A few days later, the mayor resigned.", "1989-10-27", "A few days", "PXD", "DURATION"),
          # an offset from another happening, or a comparison, is a length of time, not a date
          Example("Shares fell a day after the company released its results.", "2024-11-01", "a day", "P1D", "DURATION"),
          Example("Wages are paid two days before payday.", "2024-11-01", "two days", "P2D", "DURATION"),
          Example("The monsoon came a month earlier than usual.", "2024-11-01", "a month", "P1M", "DURATION"))),
    Rule("vague_reference", Trigger.of("now", "currently", "present", "nowadays", "these", "presently", "recently", "lately",
                    "formerly", "past", "future", "current", "term"),
         r"\b(?P<ref>right\s+now|now|currently|at\s+present|nowadays|these\s+days|presently|recently|lately"
         r"|formerly|the\s+past|the\s+future|the\s+near\s+future|current|the\s+(?:near|short|long)\s+term(?!-))\b",
         vague_reference,
         (Example("which now lies largely in ruins", "2024-11-01", "now", "PRESENT_REF",
                  reads=Description(TimexType.DATE, Relation.VAGUE, value='PRESENT_REF')),
          Example("the current system has evolved", "2024-11-01", "current", "PRESENT_REF"),
          Example("Margins will stay thin in the near term.", "2024-11-01", "the near term", "FUTURE_REF",
                  reads=Description(TimexType.DATE, Relation.VAGUE, value='FUTURE_REF')),
          Example("a tax cut to lift spending in the short term", "2024-11-01", "the short term", "FUTURE_REF")),
         guard=term_not_attributive),
]
