"""Dates used as the name of a happening: "the October 7 attacks", "Hamas's October 7, 2023, massacre".

Such a date names one happening wherever it is written, so mentions with the
same day and the same kind of noun are the same event, and an article that
left out the year can take it from one that states it.
"""

from __future__ import annotations

import re

# Nouns a date can name, grouped into kinds that count as the same happening.
EVENT_NOUNS: dict[str, str] = {
    "attack": "attack", "attacks": "attack", "massacre": "attack", "assault": "attack", "raid": "attack",
    "invasion": "attack", "incursion": "attack", "onslaught": "attack", "rampage": "attack",
    "bombing": "bombing", "bombings": "bombing", "blast": "bombing", "explosion": "bombing",
    "shooting": "shooting", "shootings": "shooting", "killings": "shooting",
    "riot": "riot", "riots": "riot", "insurrection": "riot", "uprising": "riot", "coup": "coup",
    "election": "election", "elections": "election", "vote": "election", "referendum": "election",
    "ceasefire": "ceasefire", "truce": "ceasefire", "deal": "agreement", "agreement": "agreement", "accord": "agreement",
    "accords": "agreement", "summit": "summit", "crash": "crash", "earthquake": "earthquake", "quake": "earthquake",
    "disaster": "disaster", "protest": "protest", "protests": "protest", "strike": "strike", "war": "war",
}
_AFTER = re.compile(r"^(?:,?\s*\d{4})?,?\s+(?:[a-z][\w-]*\s+)?(" + "|".join(EVENT_NOUNS) + r")\b", re.IGNORECASE)


def named_happening(text: str, date_end: int) -> str:
    """The kind of happening a date names ("attack" for "October 7 attacks"), or "" when it names none."""
    match = _AFTER.match(text[date_end:date_end + 60])
    return EVENT_NOUNS[match.group(1).lower()] if match else ""
