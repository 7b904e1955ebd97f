"""A later mention of a happening already told with its date: "Police arrested him on May 2. … The arrest
followed …", "Slepian was shot on Oct. 23. … within two weeks of the slaying".

News names its main happening again and again after the sentence that dated it, with a definite noun
("the arrest", "this attack", "Slepian's murder"). Such a mention is that happening, so it takes its time.
A noun with no definite determiner ("an attack", "attacks", "another bombing") may be a new or a generic
happening and takes nothing; nor does one with a date of its own beside it ("the attack on Friday"), or one
whose names the earlier happening's sentence never gives ("the Birmingham bombing" after a bombing in
Nairobi): a different happening of the same kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Event, Interval, Modality, Placement, Precision
from .happenings import Happening, Kind
from .sentences import clause_spans

# Kinds of happening: the nouns a later mention uses, then the words (verbs and nouns) that tell it with its
# date. A mention is of the kind its noun belongs to; it refers to the last dated happening whose word, or one
# of the two words before it, is of that kind ("was shot to death on Oct. 23" ← "the slaying").
_KILLED = "shot shooting killed killing killings slain slew slaying murdered murder assassinated assassination"
KINDS: dict[str, tuple[str, str]] = {
    "killing": ("shooting shootings killing killings slaying slayings murder murders homicide assassination", _KILLED),
    "attack": ("attack attacks assault bombing bombings blast blasts explosion explosions massacre ambush",
               "attack attacks attacked bombing bombings bombed blast blasts exploded explosion massacre ambushed ambush "
               + _KILLED),
    "arrest": ("arrest arrests detention capture", "arrest arrested arrests detained detention captured capture"),
    "meeting": ("meeting summit", "met meeting summit"),
    "election": ("election vote referendum", "election elected vote voted referendum"),
    "agreement": ("agreement accord deal treaty", "agreement accord deal treaty signed agreed"),
    "takeover": ("merger acquisition takeover buyout", "merger merged acquisition acquired takeover buyout bought"),
    "resignation": ("resignation", "resignation resigned"),
    "ruling": ("ruling verdict", "ruling ruled verdict"),
    "death": ("death", "death died"),
    "crash": ("crash collision", "crash crashed collision collided"),
    "rescue": ("rescue", "rescue rescued"),
    "protest": ("protest protests rally demonstration", "protest protests protested rally rallied demonstration"
                " demonstrated"),
    "kidnapping": ("kidnapping abduction hijacking", "kidnapped kidnapping abducted abduction hijacked hijacking"),
    "invasion": ("invasion", "invasion invaded"),
    "speech": ("speech", "speech"),
    "visit": ("visit", "visit visited"),
}
_MENTION_NOUNS = {noun: kind for kind, (nouns, _) in KINDS.items() for noun in nouns.split()}
# grouped by first letter ("a(?:ttack|ttacks|ssault|…)"): tried at every word's start, the nouns of one letter only
_ANY_NOUN = re.compile(r"\b(?:" + "|".join(f"{first}(?:{'|'.join(n[1:] for n in _MENTION_NOUNS if n[0] == first)})"
                                            for first in dict.fromkeys(n[0] for n in _MENTION_NOUNS)) + r")\b")
_TELLING = {kind: frozenset(words.split()) for kind, (_, words) in KINDS.items()}
# A definite determiner or a name's possessive, then up to two modifiers ("the deadly embassy bombings") before the
# noun. "other", "new", "previous" … say it is another happening of the kind; a word that links or starts a
# phrase says the noun is not the determiner's ("the doctors or bombing the clinics"). Not "that": after a verb of
# saying it opens a clause ("Officials warned that bombings would continue").
_DEFINITE = r"(?:(?i:the|this|these|those|its|his|her|their)|[A-Z][\w.-]*['’]s)"
_DETERMINER = re.compile(r"\b" + _DEFINITE + r"\s+")
_WORD = re.compile(r"(?:[A-Z]\.)+|[A-Za-z0-9][\w'’-]*")
_SPACE = re.compile(r"\s+")
_NOT_MODIFIERS = frozenset("""a an other another new next further previous earlier latest recent similar first second
third last such any every each future possible planned proposed more fresh same and or but of to in on for with by
at from as is was were are be been has had have that which who he she it they we you i""".split())
# Nouns a happening's noun often stands before as a modifier: then the phrase is about them ("the assassination
# campaign", "the arrest warrant", "the bombing victims"), not about the happening.
_HEADS_AFTER = frozenset("""campaign campaigns plot plots attempt attempts suspect suspects victim victims site sites
warrant warrants charge charges trial case investigation probe inquiry team teams squad threat threats wave spree
scene weapon rate order orders record plan plans survivor survivors toll count rules law laws bill penalty range
ranges center centre centers centres camp camps movement movements leader leaders investigator investigators room
rooms talks field fields season process""".split())
# "of" and a phrase with no name after the noun says whose or which happening it is, and nothing can check it
# against the earlier one: "the arrest of his brother", "the killing of a second man".
_OF_NAMELESS = re.compile(r"\s+of\s+(?:(?:a|an|the|his|her|their|its|two|three|several|many)\s+)?[a-z]")
_NAME = re.compile(r"\b[A-Z][\w.'’-]*[a-z.]")
# What follows a noun and says which happening it is: "the attack on Slepian", "the bombing of the U.S. embassy in Kenya".
_TAIL = re.compile(r"(?:\s+(?:of|on|in|at|against|by|near|outside)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*)+)+")

# (sentence, the noun of the happening it mentions again, or "" for none): run as tests.
MENTION_EXAMPLES = (("The arrest followed a three-month inquiry.", "arrest"),
                    ("Investigators searched the site of the shooting once more.", "shooting"),
                    ("He emerged as a suspect within two weeks of Slepian's slaying.", "slaying"),
                    ("The embassy bombings in Nairobi drew condemnation.", "bombings"),
                    ("The explosions of recent months frightened residents.", ""),
                    ("Officials warned that bombings would continue.", ""),
                    ("Prosecutors will seek the death penalty.", ""), ("The shooting range reopened.", ""),
                    ("The arrest of his brother came later.", ""),
                    ("An attack on a bus killed four people.", ""),
                    ("Attacks on clinics have risen.", ""),
                    ("Police fear another bombing.", ""),
                    ("They tried shooting the doctors or bombing the clinics.", ""),
                    ("The assassination campaign goes on.", ""), ("The arrest warrant was issued.", ""),
                    ("The previous attack left two dead.", ""))

# (report, publication day, the word of a later mention, the day it takes or "" for none): run as tests.
TOLD_EARLIER_EXAMPLES = (
    ("Police arrested the suspect on May 2 in Leeds. The arrest followed a three-month inquiry.",
     "2024-05-10", "arrest", "2024-05-02"),
    ("Dr. Lane was shot to death on March 3 in his home. Police have no suspect in the slaying.",
     "2024-03-09", "slaying", "2024-03-03"),
    ("A car bomb exploded outside the embassy in Nairobi on Friday. The bombing killed 12 people.",
     "2024-06-03", "bombing", "2024-05-31"),
    ("Two men were charged over the 1995 shooting of Dr. Short, who survived the attack at his home.",
     "2024-06-03", "attack", "1995"),
    # look-alikes: a new or generic happening, another one of the kind, one with its own date, a plan
    ("Police arrested the suspect on May 2 in Leeds. An arrest of a second man followed.", "2024-05-10", "arrest", ""),
    ("A bomb exploded in Nairobi on Friday. Police fear another bombing.", "2024-06-03", "bombing", ""),
    ("A bomb exploded in Nairobi on Friday. The Mombasa bombing was the worst in years.", "2024-06-03", "bombing", ""),
    ("Dr. Lane was shot dead in Leeds on May 2. Police linked the killing of Dr. Ann Lane to a gang.",
     "2024-05-10", "killing", "2024-05-02"),
    ("A bomb exploded in Nairobi on Friday. The bombing on Sunday hit a market.", "2024-06-03", "bombing", "2024-06-02"),
    ("The minister met union leaders on Monday. The arrest of two organisers angered them.",
     "2024-06-05", "arrest", ""),
    ("Rebels attacked the town on March 3. The attack killed 20 people.", "2024-03-09", "attack", "2024-03-03"),
)
# (report, publication day, the mention): the clause built on a mention tells something else of that happening, or
# the earlier date's year was guessed, so the clause keeps its own time and the mention is one more source of the
# earlier event (run as tests)
MORE_SOURCE_EXAMPLES = (
    ("Police arrested John Smith on May 2 in Leeds. The arrest may be challenged in court.", "2024-05-20", "arrest"),
    ("Thousands protested in Paris on May 2. The protest may spread to other cities.", "2024-05-20", "protest"),
    ("Sinwar planned the October 7 attacks on Israel. The attacks on Israel killed 1,200 people.", "2024-11-03",
     "attacks"),
)


@dataclass(frozen=True)
class Mention:
    """A definite noun that names a kind of happening, with the names that say which one it is."""

    start: int
    end: int
    word: str
    kind: str
    names: tuple[str, ...]


def mentions(sentence: str) -> list[Mention]:
    """The definite mentions of a kind of happening in a sentence ("the arrest", "Slepian's murder")."""
    if not _ANY_NOUN.search(sentence):
        return []  # most sentences hold none: no need to read each determiner
    found = []
    for determiner in _DETERMINER.finditer(sentence):
        position = determiner.end()
        for _ in range(3):
            word = _WORD.match(sentence, position)
            if word is None:
                break
            noun = word.group(0)
            if kind := _MENTION_NOUNS.get(noun):
                after = _WORD.match(sentence, word.end() + 1)
                if (after is not None and after.group(0) in _HEADS_AFTER) or _OF_NAMELESS.match(sentence, word.end()):
                    break
                names = _names(sentence, determiner.start(), word.end())
                if noun.endswith("s") and not names:
                    break  # "the protests", "the explosions of recent months": many happenings, or a kind of them
                found.append(Mention(word.start(), word.end(), noun, kind, names))
                break
            space = _SPACE.match(sentence, word.end())
            if noun.lower() in _NOT_MODIFIERS or space is None:
                break
            position = space.end()
    return found


def _names(sentence: str, start: int, end: int) -> tuple[str, ...]:
    """The names in a mention and the phrase after it that says which happening it is ("the attack on Slepian")."""
    tail = _TAIL.match(sentence, end)
    words = sentence[start:tail.end() if tail else end]
    names = (n.rstrip(".").removesuffix("'s").removesuffix("’s") for n in _NAME.findall(words))
    # titles and short abbreviations ("Dr.", "Gen.", "U.S.") say nothing of which happening it is
    return tuple(n for n in names if len(n) > 3 and n.lower() not in ("this", "that", "these", "those", "their"))


def antecedent(text: str, mention: Mention, earlier: list[Event], before: list[Event]) -> Event | None:
    """The last happening of the mention's kind a date placed, with its names: in the sentence before the
    mention (``before``: "the 1995 shooting of Dr. Short, who survived the attack"), else in an earlier one,
    dated to the month or finer (a background year, "the Munich attack in 1972", is not the story's).
    ``text`` is the article's: the events' spans are offsets into it."""
    recent = [e for e in earlier if Precision(e.precision).rank >= Precision.MONTH.rank]
    return next((e for e in reversed(recent + before) if e.placement == Placement.WRITTEN
                 and e.modality == Modality.FACTUAL and _tells(mention.kind, _happening_words(text, e))
                 and _same_names(mention, e.sentence)), None)


def _happening_words(text: str, event: Event) -> str:
    """The word an event is built on, the two before it and the three after it ("was shot to death", "conducted
    a mortar attack")."""
    start, end = event.sources[0].happening_span
    return " ".join(text[max(0, start - 40):start].split()[-2:] + [text[start:end]] + text[end:end + 50].split()[:3])


def _tells(kind: str, words: str) -> bool:
    """Whether a happening, by its word and the words around it (``_happening_words``), is of this kind ("shot to
    death" tells a killing)."""
    return not _TELLING[kind].isdisjoint(w.lower() for w in re.findall(r"[A-Za-z]+", words))


def _same_names(mention: Mention, sentence: str) -> bool:
    """A mention with names shares one with the sentence that told the earlier happening ("the killing of Dr.
    Barnett Slepian" after "Slepian was shot"); else it is another happening of its kind ("the Mombasa bombing")."""
    return not mention.names or any(name in sentence for name in mention.names)


_BESIDE_DATE = re.compile(r"\s*(?:,\s*)?(?:(?:on|in|of|at|during|last|this|early|late)\s+)*")


def dated_beside(sentence: str, mention: Mention, date_start: int, date_end: int) -> bool:
    """A date right before the mention's noun or right after it names it: "the Aug. 7 bombing", "the attack on
    Friday". Then its own date says which happening it is."""
    before = 0 <= mention.start - date_end <= 30 and "," not in sentence[date_end:mention.start]
    return before or (date_start >= mention.end and bool(_BESIDE_DATE.fullmatch(sentence, mention.end, date_start)))


# A clause opened by a mention ("The bombing killed 12 people", "when the shooting occurred", "Police said the bombing
# was …"): a subordinator or a report's frame at most, then the mention's determiner and up to two modifiers.
_OPENED_BY = re.compile(r"\s*(?:(?i:and|but|when|as|then|so|where)\s+)?"
                        r"(?:(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|say|confirmed|reported)\s+(?:that\s+)?)?"
                        + _DEFINITE + r"\s+(?:[\w-]+\s+){0,2}")
# A relative clause ("The attack, which began at dawn, killed 30 people"): it and the clause after it belong to the
# clause before it.
_RELATIVE = re.compile(r"[\s,]*(?:which|who|whose)\b")
# (report, publication day, the mention, the word of the clause's own news): run as tests. The mention is not its
# clause's subject ("suspects in the bombing have been handed over"), or another clause's news would lose its
# event ("After the rally, state television showed …"): the clause keeps its own time and the mention is one more
# source of the earlier happening.
CLAUSE_NEWS_BESIDE_A_MENTION_EXAMPLES = (
    ("A bomb exploded outside the embassy in Nairobi on Aug. 7. Two suspects in the Nairobi bombing have been "
     "handed over to the United States.", "2024-08-20", "bombing", "handed"),
    ("Thousands rallied in Havana on May 2. After the rally, state television showed the crowds in the streets.",
     "2024-08-20", "rally", "showed"),
)


# (report, publication day, the mention, the word of its clause's news, that news's value): run as tests. The mention
# is its clause's subject, with a relative clause about it ("The attack, which began at dawn, killed 30 people") or
# after a report's frame ("Police said the bombing was carried out by two men"): the clause tells the earlier
# happening, whatever day the story has reached since.
MENTION_STANDS_FOR_ITS_CLAUSE_EXAMPLES = (
    ("Gunmen attacked a hotel in Mogadishu on Saturday. On Monday, officials raised the death toll to 30. The "
     "attack, which began at dawn, killed 30 people.", "2024-03-15", "attack", "killed", "2024-03-09"),
    ("A car bomb exploded in Baghdad on Monday. On Wednesday, the government announced new security measures. "
     "Police said the bombing was carried out by two men.", "2024-03-15", "bombing", "carried", "2024-03-11"),
)


def stands_for_its_clause(sentence: str, at: int, happenings: list[Happening], others: list[Event]) -> bool:
    """Whether the event built on a mention at ``at`` may take the mentioned happening's date: the mention is its
    clause's only news ("Police have no suspect in the slaying") or opens it as its subject ("The bombing
    killed 12 people"), and every other clause of the sentence that tells news has an event of its own among
    ``others`` (else its words would be left to the mention, which holds only its own word)."""
    held = [e.sources[0].happening_span[0] - e.sources[0].sentence_span[0] for e in others]
    for c_start, c_end in _with_relatives(sentence, clause_spans(sentence, [h.start for h in happenings])):
        news = any(c_start <= h.start < c_end and h.start != at and h.kind in (Kind.FACTUAL, Kind.PLANNED)
                   for h in happenings)
        if c_start <= at < c_end:
            if news and not _OPENED_BY.fullmatch(sentence, c_start, at):
                return False
        elif news and not any(c_start <= word < c_end for word in held):
            return False
    return True


def _with_relatives(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses with each relative clause, and the clause it interrupts, joined to the clause before it."""
    joined: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(spans):
        if joined and (_RELATIVE.match(sentence, start) or _RELATIVE.match(sentence, spans[k - 1][0])):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


# A time of day with no day of its own words: "at 10 p.m.", "at about 6:30 a.m.", "noon".
_BARE_TIME = re.compile(r"(?:(?:at|about|around|shortly\s+(?:before|after))\s+)*(?:\d{1,2}(?:[:.]\d\d)?\s*"
                        r"(?:a\.?\s?m\.?|p\.?\s?m\.?)|noon|midnight)", re.IGNORECASE)
# (report, publication day, the word told at a time of day, the value of its event): run as tests. A time of day told
# with a happening the report dated earlier, of the same kind and with a name of it, is a time of that day.
TIME_OF_DAY_EXAMPLES = (
    ("Dr. Lane was shot to death on March 3 at his home. Police searched the house on April 2. Lane, 52, was shot "
     "at 10 p.m. as he stood in his kitchen.", "2024-04-19", "shot", "2024-03-03T22:00"),
    ("Rebels attacked the town of Orla on Friday. Police arrested two men on Sunday. The rebels attacked Orla from "
     "the north at 5 a.m., residents said.", "2024-06-10", "attacked", "2024-06-07T05:00"),
    # look-alikes: another kind of happening, another name, a day of its own words: the day the tagger gives
    ("Dr. Lane was shot to death on March 3 at his home. Police searched the house on April 2. Lane's widow spoke "
     "to reporters at 10 p.m.", "2024-04-19", "spoke", "2024-04-02T22:00"),
    ("Dr. Lane was shot to death on March 3 at his home. Police searched the house on April 2. Dr. Reed was shot "
     "at 10 p.m. in Leeds.", "2024-04-19", "shot", "2024-04-02T22:00"),
    ("Dr. Lane was shot to death on March 3 at his home. Police searched the house on April 2. Lane's brother was "
     "shot at 10 p.m. Friday.", "2024-04-19", "shot", "2024-04-19T22:00"),
)


def on_the_day_told(text: str, event: Event, earlier: list[Event]) -> Event:
    """An event placed by a time of day whose day no word gave ("Slepian was shot to death at 10 p.m."), when the
    report told that happening earlier with its day ("was shot to death last Oct. 23"): at that time of that day,
    not of the day the tagger fell back on (the publication day, or the last day named). The happening is the same
    when its words tell the same kind of happening and its sentence holds a name the earlier one gave."""
    if event.placement != Placement.WRITTEN or event.modality != Modality.FACTUAL \
            or Precision(event.precision).rank < Precision.HOUR.rank or not _BARE_TIME.fullmatch(event.date_text):
        return event
    kinds = [kind for kind in _TELLING if _tells(kind, _happening_words(text, event))]
    told = next((e for e in reversed(earlier) if e.placement == Placement.WRITTEN and e.modality == Modality.FACTUAL
                 and Precision(e.precision) == Precision.DAY and any(_tells(k, _happening_words(text, e)) for k in kinds)
                 and any(name in event.sentence for name in e.names)), None)
    if told is None or told.begin.date() == event.begin.date():
        return event
    moved = told.begin - event.begin.replace(hour=0, minute=0, second=0, microsecond=0)
    interval = Interval(event.begin + moved, event.end + moved, event.interval.precision)
    return replace(event, interval=interval, value=told.value + event.value[event.value.index("T"):],
                   explanation=f"'{event.date_text}' on the day of the happening told earlier, at '{told.date_text}' "
                               f"({told.value})", year_guessed=told.year_guessed)
