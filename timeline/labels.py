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

from .temporal.lexicon import NAME_STOP_WORDS

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
    _rule("a leading clause sets the scene; the main clause after its comma says who did what",
          r"^(?:after|before|while|when|once|upon|having|following|vowing|hoping|seeking) [^,\"“”]{1,80}, (?=\S)", "",
          ("After confirming his death, the IDF released the footage", "the IDF released the footage"),
          ("Vowing to destroy Hamas, the army launched a campaign", "the army launched a campaign"),
          ("When the dam burst, villagers fled", "villagers fled"),
          ("After the strike the army said nothing", "After the strike the army said nothing"),
          ("Before 1990 there was no road", "Before 1990 there was no road")),
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
    _rule("attribution after a quote or a clause", r',(?P<q>["”]?) [^,"”]{1,40}? (?:said|says|added|told \w+)$', r"\g<q>",
          ('"I have instructed the Mossad to act," he said', '"I have instructed the Mossad to act"'),
          ('ISIS warned Hamas to "face the consequences," Arutz Sheva said', 'ISIS warned Hamas to "face the consequences"')),
    _rule("an apposition after the subject names who they are, not what happened",
          r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}), (?:an?|the|chairperson|head|chief|leader|president|"
          r"spokesman|spokeswoman|spokesperson|minister|director)\b[^,]{0,80}, ", r"\g<name> ",
          ("Saleh al-Arouri, an operations chief, was killed", "Saleh al-Arouri was killed")),
    _rule("a clause set off by commas tells more about someone, not what happened",
          r", (?:who|which|whose) [^,]{1,120}, ", " ",
          ("Car carrying Kassab, who was responsible for relations, is seen exploding",
           "Car carrying Kassab is seen exploding")),
    _rule("a closing clause after a comma is background: the label keeps the happening",
          r", (?:where|who|whose|which|while|including|despite|amid)\b.*$", "",
          ("Kasab was one of the last members of the bureau, where he served as head",
           "Kasab was one of the last members of the bureau"),
          ("Hamas freed 105 civilians, including 81 Israelis", "Hamas freed 105 civilians")),
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


_PERSONAL = re.compile(r"^(?:(he|she)|(his|her)) (?=\w)", re.IGNORECASE)
# A sentence that opens with a name and a singular verb ("Kasab was one of the last members …"): whom a "he" or
# "she" opening the next sentence usually means.
_OPENS_WITH_SOMEONE = re.compile(r"^([A-Z][\w'’.-]+(?: (?:al-|bin |de |van )?[A-Z][\w'’.-]+){0,3}) (?:was|is|has|had|said)\b")


def named(text: str, subject: str) -> str:
    """A label that opens with "he" or "she" (or "his", "her") names who instead: ``subject`` is the name the
    sentence before opens with, who such a pronoun usually is ("Kasab was one of the last members. … he was
    responsible" → "Kasab was responsible"). "It" and "they" are left alone: as often a thing or a group."""
    match = _PERSONAL.match(text)
    if not match or not subject:
        return text
    possessive = "'s" if match.group(2) else ""
    return f"{subject}{possessive} {text[match.end():]}"


def opening_name(sentence: str, names: list[str]) -> str:
    """The name a sentence opens with, as its subject: one of its ``names``, or a capitalised phrase before
    "was", "is", "has", "had" or "said" that is no ordinary word ("The", "This", "Officials" are not names)."""
    opening = sentence.lstrip("\"“‘' ")
    named_first = next((n for n in names if opening.startswith(n) and not opening[len(n):][:1].isalnum()), "")
    if named_first:
        return named_first
    match = _OPENS_WITH_SOMEONE.match(opening)
    if not match or match.group(1).split()[0].lower() in NAME_STOP_WORDS or match.group(1).endswith("s"):
        return ""
    return match.group(1)


def sentence_subjects(sources: list[list], names: list[list[str]]) -> list[str]:
    """For each event, the name its article's sentence just before opens with, when that sentence is an event's
    too (the chart knows no other text); "" when there is none. ``sources``: each event's ``Source`` list;
    ``names``: each event's names."""
    openers: dict[tuple[str, int], str] = {}  # (article, end of sentence) -> the name the sentence opens with
    for event_sources, event_names in zip(sources, names, strict=True):
        for source in event_sources:
            if name := opening_name(source.sentence, list(event_names)):
                openers[(source.article_id, source.sentence_span[1])] = name
    subjects = []
    for event_sources in sources:
        first = event_sources[0] if len(event_sources) else None
        before = [(first.article_id, first.sentence_span[0] - gap) for gap in range(1, 4)] if first else []
        subjects.append(next((openers[key] for key in before if key in openers), ""))
    return subjects


def headline(title: str) -> str:
    """The title as a headline: who did what, without when, who reported it, or filler."""
    text = " ".join(title.split()).rstrip(" …").rstrip(".")
    subject = ""
    for rule in RULES:
        before = text
        text = rule.apply(text).strip(" ,")
        if "subject" in rule.pattern.groupindex and text != before:  # the attribution: who said it
            match = rule.pattern.match(before)
            subject = match.group("subject") if match and match.group("subject") else ""
    if subject and _PRONOUN.match(text):  # "Israel said it had killed Deif" → "Israel had killed Deif"
        text = _PRONOUN.sub(re.sub(r"^the ", "", subject, flags=re.IGNORECASE) + " ", text, count=1)
    text = re.sub(r" {2,}", " ", text).strip(" ,;:")
    return (text[:1].upper() + text[1:]) if text else " ".join(title.split())


_DANGLING = re.compile(r"(?:\s+(?:a|an|the|of|in|on|at|to|for|and|or|by|with|from|as|during|who|that|'s))+$",
                       re.IGNORECASE)
# A label may stop before these words: what follows is where, when, how or with whom, and what comes before
# still says what happened ("Saleh al-Arouri killed | in Israeli drone strike | on Beirut").
_PHRASE_STARTS = frozenset(
    "in on at during after before as while when where which who whose that and but or with without from for by "
    "because despite including amid since until following into over near against toward towards via around across "
    "inside outside between among through throughout within beyond".split())
# "one of the last leaders": a stop before "of" after these would leave a meaningless "Kasab was one…"
_PARTS = frozenset("one some many most all part none each any several dozens hundreds thousands number half "
                   "rest".split())
# A phrase never ends on these: "Kasab was…", "The group has…" say nothing.
_OPEN_ENDS = frozenset("a an the of to is was are were be been being has have had will would could should may might "
                       "can do does did not its his her their our my this that these those who which".split())
_POSSESSIVE = ("'s", "’s", "s'")  # nor on a possessive: "Prime Minister Benjamin Netanyahu's…"
SHORTEST = 12  # a label shorter than this says too little: none is shown
# A word cut (the fallback below) never ends on these either: "Has left more than…" leaves the reader hanging.
_HANGING = _OPEN_ENDS | _PARTS | _PHRASE_STARTS | frozenset("than more less most very so such no also just only".split())
WORD_CUT_WORDS = 4  # a word cut keeps at least this many words
DATED_CUT_WORDS = 3  # or this many after a date, which already says when: "31 May 2015 · Terrorists claiming loyalty…"


def phrase_stops(text: str, limit: int = LABEL_CHARS) -> list[int]:
    """Where ``text`` may be cut and still say something whole: before a word that opens a new phrase, or at a
    comma or colon; never after an auxiliary, an article or a possessive, and never shorter than SHORTEST.

    A long headline with no such stop within ``limit`` characters ("Israel has killed one of the last senior
    Hamas leaders remaining in …") may also stop after a content word, WORD_CUT_WORDS words in or more: otherwise
    the day's main event, often the longest sentence, would go unlabelled."""
    stops = _phrase_stops(text)
    if any(stop <= limit for stop in stops):
        return stops
    return sorted(set(stops) | set(_word_stops(text, WORD_CUT_WORDS)))


DATE_MARK = " · "  # between a dated label's date and its headline: "1997 · Netanyahu ordered…"


def dated(when: str, headline_text: str) -> str:
    """A label that says when as well as what, for where the chart cannot show the date: "1997 · Netanyahu…"."""
    return f"{when}{DATE_MARK}{headline_text}"


def label_stops(text: str, limit: int = LABEL_CHARS) -> list[int]:
    """``phrase_stops`` of a label. A dated label stops only inside its headline, so it never shows a date and a
    stub ("7 Oct 2023 · 97…"), and also after any content word: in a list's narrow column, "Palestinian attack
    that killed 11 Israeli athletes…" says more than its first whole phrase, "Palestinian attack…"."""
    when, mark, rest = text.partition(DATE_MARK)
    if not mark or not rest:
        return phrase_stops(text, limit)
    skip = len(when) + len(mark)
    return [skip + stop for stop in sorted(set(_phrase_stops(rest)) | set(_word_stops(rest, DATED_CUT_WORDS)))]


def _word_stops(text: str, words: int) -> list[int]:
    """Ends of words where the words kept still say who did what: a content word, after ``words`` words or more."""
    stops = []
    for match in re.finditer(r"\S+", text):
        kept = text[:match.end()].rstrip(",;:–-")
        last = kept.rsplit(" ", 1)[-1].lower().strip("\"'“”‘’()")
        if (kept.count(" ") + 1 >= words and len(kept) >= SHORTEST and match.end() < len(text)
                and last.replace(",", "").isalnum() and last not in _HANGING and not kept.endswith(_POSSESSIVE)):
            stops.append(len(kept))
    return stops


def _phrase_stops(text: str) -> list[int]:
    """Stops before a word that opens a phrase, or at a comma or colon."""
    stops = []
    for match in re.finditer(r"[,;:]?\s+(\S+)", text):
        kept = text[:match.start()].rstrip(",;:–- ")
        before = kept.rsplit(" ", 1)[-1].lower() if kept else ""
        word = match.group(1).lower().strip("\"'“‘(")
        opens = word in _PHRASE_STARTS or (word == "of" and before not in _PARTS) or match.group(0)[0] in ",;:"
        if (opens and len(kept) >= SHORTEST and kept.count(" ") >= 1 and before not in _OPEN_ENDS
                and not before.endswith(_POSSESSIVE)):
            stops.append(len(kept))
    return sorted(set(stops))


def shortened(text: str, chars: int, stops: list[int] | None = None) -> str:
    """``text`` if it fits in ``chars`` characters, else its longest whole phrase that fits with an ellipsis, else
    nothing: never a fragment such as "Kasab was one…" (the exported page's script applies the same ``stops``,
    by default ``label_stops``)."""
    if len(text) <= chars:
        return text
    fitting = [stop for stop in (label_stops(text) if stops is None else stops) if stop + 1 <= chars]
    return text[:fitting[-1]] + "…" if fitting else ""


def cut(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters with an ellipsis, never on a dangling
    "of" or "the" (for names, such as a lane's)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[: max(limit - 1, 1)]
    return _DANGLING.sub("", kept).rstrip(",;:–-") + "…"


def label(title: str) -> str:
    """The chart label of an event: its title as a headline (shortened to fit where it is drawn)."""
    return headline(title)
