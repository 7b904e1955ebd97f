"""Chart labels that name the happening: an event's title rewritten the way a headline is.

An event's title is its sentence, and news sentences open with what a reader of
a timeline does not need on the chart: when ("In January,"), who said so ("The
Kan public broadcaster reported that"), and filler ("Meanwhile,"). The chart
already places the event in time and the hover names the source, so a label
keeps subject, verb and object: "Saleh al-Arouri killed in Israeli drone strike
on Beirut". Each rule below carries examples; tests run them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABEL_CHARS = 45  # a label is cut at a word boundary to at most this many characters

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PART = r"(?: (?:morning|afternoon|evening|night))?"
_UNIT = r"(?:week|weekend|month|year|summer|winter|spring|autumn|fall)"
# A date or time phrase as news writes it: "in January", "on Friday evening", "earlier this year", "in 2010".
_WHEN = (rf"(?:(?:earlier|later) (?:this|last|that) {_UNIT}|(?:this|last|next|that) {_UNIT}"
         rf"|(?:(?:in|on|during|since|until|by|at|from) (?:the )?(?:(?:early|late|mid-?) ?)?"
         rf"(?:{_DAY}{_PART}|{_MONTH}(?: \d{{1,2}})?(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?|\d{{4}}s?(?: and \d{{4}})?"
         rf"|the (?:past|last|previous) (?:few )?(?:days|weeks|months|years)))"
         rf"|{_DAY}{_PART}|yesterday|today|tonight|recently|earlier|last night)")
_SUBJECT = r"(?P<subject>(?:[A-Z0-9][\w'’.&-]*|the|of|and|public|news|state|local|senior|an?)(?: [\w'’.&-]+){0,7}?)"
# "X said Y" is attribution; "X announced Y" may be the happening itself, so it is attribution only with "that"
_SAY = (r"(?:(?:has |have |had )?(?:said|says|reported|reports)"
        r"|(?:told [\w ]{1,40}?|claimed|claims|added|confirmed|stated|wrote|announced)(?= that))")
_PRONOUN = re.compile(r"^(?:it|they|he|she|we) ", re.IGNORECASE)
_PARTICIPLE = r"(?=\w+ed\b|(?:killed|held|hit|shot|struck|taken|seized|freed|found|built|sent|made|won|lost|sworn|" \
              r"elected|arrested|released|captured|injured|wounded|born|buried|given|beaten|driven|stolen)\b)"


@dataclass(frozen=True)
class Rule:
    """One rewrite of a title, with examples of what it does (tests/test_labels.py runs them)."""

    why: str
    pattern: re.Pattern[str]
    replacement: str
    examples: tuple[tuple[str, str], ...]

    def apply(self, text: str) -> str:
        return self.pattern.sub(self.replacement, text)


def _rule(why: str, pattern: str, replacement: str, *examples: tuple[str, str]) -> Rule:
    return Rule(why, re.compile(pattern, re.IGNORECASE), replacement, examples)


RULES = (
    _rule("lead-in filler says nothing about the happening",
          r"^(?:meanwhile|however|also|and|but|separately|regardless|in addition|in a statement|on the other hand"
          r"|in the same \w+|it is (?:believed|thought|understood|reported|said|expected) that),? ", "",
          ("Meanwhile, rebels took the town", "rebels took the town"),
          ("In the same address, the minister warned rebels", "the minister warned rebels"),
          ("It is believed that 97 hostages remain", "97 hostages remain")),
    _rule("a leading date or time: the chart already places the event",
          rf"^{_WHEN},? ", "",
          ("In January, Saleh al-Arouri was killed", "Saleh al-Arouri was killed"),
          ("This week, Navi Pillay spoke", "Navi Pillay spoke"),
          ("On Friday, the court ruled", "the court ruled"),
          ("Earlier this year, prices rose", "prices rose"),
          ("In 2010, a team flew to Dubai", "a team flew to Dubai"),
          ("On March 3, 2024, the raid began", "the raid began"),
          ("In 2014 and 2015 two men entered", "two men entered")),
    _rule("attribution before the happening: the source is in the hover and the list",
          rf"^(?:according to [^,]{{1,60}}, |{_SUBJECT} {_SAY}(?: {_WHEN})? (?:that )?)", "",
          ("The Kan public broadcaster reported that talks resumed", "talks resumed"),
          ("Israel said earlier this year that it had killed Deif", "it had killed Deif"),
          ("According to officials, the dam burst", "the dam burst"),
          ("Police said two men were arrested", "two men were arrested"),
          ("Israel has said it seeks to limit the damage", "it seeks to limit the damage"),
          ("Sources told the broadcaster a group of rebels is", "Sources told the broadcaster a group of rebels is")),
    _rule("a quoted source: keep what was said",
          r"^[^,]{1,80}? quoted [^,]{1,80}? (?:who said|as saying) (?:that )?", "",
          ("Channel 12 news on Friday evening quoted a senior Hamas source who said the group was open to talks",
           "the group was open to talks")),
    _rule("attribution after the happening", r",? (?:according to|as reported by) [^,]{1,60}$", "",
          ("The dam burst, according to officials", "The dam burst")),
    _rule("an apposition after the subject names who they are, not what happened",
          r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}), (?:an?|the|chairperson|head|chief|leader|president|"
          r"spokesman|spokeswoman|spokesperson|minister|director)\b[^,]{0,80}, ", r"\g<name> ",
          ("Saleh al-Arouri, an operations chief, was killed", "Saleh al-Arouri was killed")),
    _rule("a date or time inside the sentence: the chart shows it", rf" {_WHEN}\b(?=[ ,.;]|$)", "",
          ("Netanyahu spoke in a nationwide address on Nov. 22", "Netanyahu spoke in a nationwide address"),
          ("Marwan Issa was killed in March during a bombing", "Marwan Issa was killed during a bombing"),
          ("Biden unveiled a ceasefire proposal last month", "Biden unveiled a ceasefire proposal")),
    _rule("headline style: a passive without its auxiliary", rf" (?:was|were|has been|have been|had been) {_PARTICIPLE}",
          " ", ("Saleh al-Arouri was killed in a strike", "Saleh al-Arouri killed in a strike"),
          ("two men were arrested", "two men arrested"), ("the group was open to talks", "the group was open to talks")),
    _rule("headline style: what a reported past did, not its tense", rf" had {_PARTICIPLE}", " ",
          ("Israel had killed Deif", "Israel killed Deif"), ("Israel had no comment", "Israel had no comment")),
    _rule("headline style: no articles or hedges", r"\b(?:(?-i:a|an)|also|reportedly|as well)\b ?|^(?:an?|the) ", "",
          ("The IDF announced the assassination of Kassab", "IDF announced the assassination of Kassab"),
          ("Vitamin A was found in a test", "Vitamin A was found in test"),
          ("An Egyptian group became a branch", "Egyptian group became branch"),
          ("Marwan Issa killed as well during a bombing", "Marwan Issa killed during bombing")),
)


def headline(title: str) -> str:
    """The title as a headline: who did what, without when, who reported it, or filler."""
    text = " ".join(title.split()).rstrip(" …").rstrip(".")
    subject = ""
    for rule in RULES:
        before = text
        text = rule.apply(text).strip(" ,")
        if rule is RULES[2] and text != before:
            match = rule.pattern.match(before)
            subject = match.group("subject") if match and match.group("subject") else ""
    if subject and _PRONOUN.match(text):  # "Israel said it had killed Deif" → "Israel had killed Deif"
        text = _PRONOUN.sub(re.sub(r"^the ", "", subject, flags=re.IGNORECASE) + " ", text, count=1)
    text = re.sub(r" {2,}", " ", text).strip(" ,;:")
    return (text[:1].upper() + text[1:]) if text else " ".join(title.split())


_DANGLING = re.compile(r"(?:\s+(?:a|an|the|of|in|on|at|to|for|and|or|by|with|from|as|during|who|that|'s))+$",
                       re.IGNORECASE)


def cut(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters with an ellipsis, never on a dangling
    "of" or "the" (the exported page's script cuts the same way when the reader zooms)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[: max(limit - 1, 1)]
    return _DANGLING.sub("", kept).rstrip(",;:–-") + "…"


def label(title: str, limit: int = LABEL_CHARS) -> str:
    """The chart label of an event: its title as a headline, cut to ``limit`` characters."""
    return cut(headline(title), limit)
