"""Repeated times: 'every week', 'annually', 'every Friday'."""

from __future__ import annotations

import re

from ...model import TimexType
from .. import lexicon as lx
from ..description import Description, Relation, repeated
from ..find import Trigger
from ..guards import both, lowercase_or_sentence_start, names_ok, not_attributive
from ..patterns import FREQUENCY, MONTH, WEEKDAY, alternation, duration_value, month_number
from ..rule import Example, Rule

_WEEKDAY_NAME = alternation(word for word in lx.WEEKDAYS if word.endswith("day"))  # no "Mons", "Weds" plurals


def frequency_set(m: re.Match) -> Description:
    if m.group("adverb"):
        return repeated(lx.FREQUENCY_ADVERBS[m.group("adverb").lower()], "a repeated time")
    if m.group("wd"):
        return repeated(f"XXXX-WXX-{lx.WEEKDAYS[m.group('wd').lower().rstrip('.')]}", "every such weekday")
    if m.group("month"):
        return repeated(f"XXXX-{month_number(m.group('month')):02d}", "every such month")
    unit = m.group("unit").lower()
    if unit in lx.PARTS_OF_DAY:
        return repeated("P1D", f"every {unit}")
    return repeated(duration_value(1.0, unit), f"once every {unit}")


def weekday_set(m: re.Match) -> Description:
    """'on Mondays', 'Tuesday nights': a weekday (and part of it) in the plural recurs every week."""
    value = f"XXXX-WXX-{lx.WEEKDAYS[m.group('wd').lower()]}"
    part = m.group("parts")
    return repeated(value + (f"T{lx.PARTS_OF_DAY[part.lower()[:-1]]}" if part else ""), "every such weekday")


RULES: list[Rule] = [
    Rule("frequency", Trigger.of(lx.FREQUENCY_ADVERBS, "every", "each", "per"),
         rf"\b(?:(?P<adverb>{FREQUENCY})\b|(?:every|each|per)\s+(?:(?P<unit>day|week|month|year|quarter|hour|morning"
         rf"|night|evening|decade)|(?P<wd>{WEEKDAY})|(?P<month>{MONTH}))\b)",
         frequency_set,
         (Example("prayers are held every week", None, "every week", "P1W", "SET",
                  reads=Description(TimexType.SET, Relation.ABSOLUTE, value='P1W')),
          Example("sales rise annually", None, "annually", "P1Y", "SET"),
          Example("The village holds a fair each July.", None, "each July", "XXXX-07", "SET")),
         guard=both(names_ok, lowercase_or_sentence_start, not_attributive)),
    Rule("weekday_set", Trigger.of((f"{word}s" for word in lx.WEEKDAYS if word.endswith("day")),
                                   (word for word in lx.WEEKDAYS if word.endswith("day"))),
         rf"\b(?P<wd>{_WEEKDAY_NAME})(?:s|\s+(?P<parts>mornings|afternoons|evenings|nights))\b",
         weekday_set,
         (Example("The shop closes on Mondays.", None, "Mondays", "XXXX-WXX-1", "SET"),
          Example("The night bus runs on Tuesday nights from March 30", "1998-02-13", "Tuesday nights",
                  "XXXX-WXX-2TNI", "SET",
                  reads=Description(TimexType.SET, Relation.ABSOLUTE, value='XXXX-WXX-2TNI'))),
         guard=names_ok),
]
