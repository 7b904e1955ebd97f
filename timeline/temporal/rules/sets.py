"""Repeated times: 'every week', 'annually', 'every Friday'."""

from __future__ import annotations

import re

from ...model import TimexType
from .. import lexicon as lx
from ..description import Description, Relation, repeated
from ..find import Trigger
from ..guards import both, lowercase_or_sentence_start, names_ok, not_attributive
from ..patterns import FREQUENCY, WEEKDAY, duration_value
from ..rule import Example, Rule


def frequency_set(m: re.Match) -> Description:
    if m.group("adverb"):
        return repeated(lx.FREQUENCY_ADVERBS[m.group("adverb").lower()], "a repeated time")
    if m.group("wd"):
        return repeated(f"XXXX-WXX-{lx.WEEKDAYS[m.group('wd').lower().rstrip('.')]}", "every such weekday")
    unit = m.group("unit").lower()
    if unit in lx.PARTS_OF_DAY:
        return repeated("P1D", f"every {unit}")
    return repeated(duration_value(1.0, unit), f"once every {unit}")


RULES: list[Rule] = [
    Rule("frequency", Trigger.of(lx.FREQUENCY_ADVERBS, "every", "each", "per"),
         rf"\b(?:(?P<adverb>{FREQUENCY})\b|(?:every|each|per)\s+(?:(?P<unit>day|week|month|year|quarter|hour|morning"
         rf"|night|evening|decade)|(?P<wd>{WEEKDAY}))\b)",
         frequency_set,
         (Example("prayers are held every week", None, "every week", "P1W", "SET",
                  reads=Description(TimexType.SET, Relation.ABSOLUTE, value='P1W')),
          Example("sales rise annually", None, "annually", "P1Y", "SET")),
         guard=both(names_ok, lowercase_or_sentence_start, not_attributive)),
]
