"""Holidays: the lexicon's table of holidays turned into one rule."""

from __future__ import annotations

import re

from ...model import Precision, TimexType
from .. import lexicon as lx
from ..description import Description, Relation
from ..fields import checked, read_year
from ..find import Trigger
from ..guards import names_ok
from ..patterns import Y
from ..rule import Example, Rule

_NAMES = sorted({*lx.FIXED_HOLIDAYS, *lx.WEEKDAY_HOLIDAYS}, key=len, reverse=True)
HOLIDAY = "|".join(re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]") for name in _NAMES)
# Each name's longest word is in every match of it ("christmas", "thanksgiving", "patrick").
_KEY_WORDS = {max(re.findall(r"[a-z]+", name), key=len) for name in _NAMES}


def holiday(m: re.Match) -> Description:
    name = " ".join(m.group("holiday").lower().replace("’", "'").split())
    if m.group("year"):
        return checked(Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=read_year(m), holiday=name,
                                   what=f"{name.title()} of a stated year"))
    return Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, holiday=name, year_stated=False,
                       what=f"{name.title()} without a year")


RULES: list[Rule] = [
    Rule("holiday", Trigger.of(_KEY_WORDS), rf"\b(?P<holiday>{HOLIDAY})\b(?:,?\s+{Y}\b)?", holiday,
         (Example("on Christmas Eve they met", "2024-12-30", "Christmas Eve", "2024-12-24",
                  reads=Description(TimexType.DATE, Relation.NEAREST, Precision.DAY, holiday='christmas eve',
                                    year_stated=False)),
          Example("Thanksgiving Day 1998", None, "Thanksgiving Day 1998", "1998-11-26",
                  reads=Description(TimexType.DATE, Relation.ABSOLUTE, Precision.DAY, year=1998,
                                    holiday='thanksgiving day')),
          Example("voters went to the polls on Election Day 2020", None, "Election Day 2020", "2020-11-03"),
          Example("over Memorial Day 2024", None, "Memorial Day 2024", "2024-05-27")),
         guard=names_ok),
]
