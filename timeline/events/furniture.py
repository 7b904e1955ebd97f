"""Lines that are page furniture or quoted opinion, not news: they make no events.

A "Read more" or "Related stories" heading is followed by a list of links to other articles; the short
lines after it (see ``is_link_title``) are furniture too, until a line of prose.

Each kind is a declaration with lines it must catch and lines it must leave
alone; ``tests/test_happenings.py`` runs every example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Furniture:
    name: str
    start: str  # a pattern matched at the line's start
    words: str  # a pattern searched anywhere in the line from the start of a word, "" for none
    examples: tuple[str, ...]  # lines that are this kind of furniture
    not_examples: tuple[str, ...]  # news lines that only look alike

    def fits(self, line: str) -> bool:
        return bool(re.match(self.start, line, re.IGNORECASE)
                    or (self.words and re.search(at_a_word(self.words), line, re.IGNORECASE)))


def at_a_word(words: str) -> str:
    return rf"\b(?:{words})"


FURNITURE = (
    Furniture("copyright", r"\W{0,3}(?:©|\(c\)\s*\d{4}|copyright\b)", r"all rights reserved\b",
              ("© 2020 Daily Mail and General Trust", "Copyright 2024 The Associated Press. All rights reserved."),
              ("The court ruled on the copyright case brought by the publishers in 2019.",)),
    Furniture("subscription", r"(?:subscribe|sign up|sign in|log in|register|join|get|receive)\b.{0,60}\b(?:newsletter|"
              r"inbox|updates|alerts|subscri\w+|free|account)\b|(?:subscribe|sign up|log in)\b",
              r"newsletters?\b.{0,80}\b(?:sign up|subscribe|inbox)\b|subscribers? only\b",
              ("Sign up for our daily newsletter to get the news in your inbox", "Subscribe now for $1 a week",
           "Get breaking news alerts for free", "This article is for subscribers only."),
              ("The streaming service said 2 million people subscribed in March.",)),
    Furniture("read more", r"(?:read more|read also|related(?: articles| stories| coverage| content| links| news)?|see also|"
              r"more on this|recommended|most read|more from|"
              r"also read|you may also like|watch|listen)\b\s*(?::|\||-|–|—|$)|read (?:more|the full)\b", "",
              ("Read more: Israel strikes Beirut", "RELATED: Markets fall", "See also | Ten years on", "Read more",
           "Related stories"),
              ("Readers said the report read more like an advertisement than news.",)),
    Furniture("byline", r"by\s+(?-i:[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&))*)(?:\s*[,|–—-].{0,60})?$"
              r"|(?:reporting|writing|editing|additional reporting|compiled) by\b", "",
              ("By Jane Doe", "By Jane Doe and John Roe | Reuters", "Reporting by Ari Rabinovitch; Editing by Tom Hogue"),
              ("By Friday the rebels had taken the town.",)),
    Furniture("photo credit", r"(?:photo|image|picture|credit|file photo)s?\s*(?:credit\s*)?[:|]",
              r"(?<=\()(?:photo|image|picture|credit)s?\b[^)]*\)\s*$|(?:getty images|ap photo|afp via getty|via reuters|"
              r"shutterstock)\b",
              ("Photo: Reuters", "Smoke rises over the city (Photo by AFP)", "AP Photo/Ariel Schalit",
           "Credit: Getty Images"),
              ("The photographer took the picture on Tuesday.",)),
    Furniture("share or advert", r"(?:advertisement|sponsored|share this|share on|follow us|click here|tap here|"
              r"download (?:our|the) app|comments?)\b|(?:you can )?follow (?:him|her|them|me)\b.{0,20}\bon\b", "",
              ("Advertisement", "Share this article", "Follow us on X", "You can follow him on Twitter @JaneDoe96."),
              ("Advertisers pulled their campaigns after the report.",
               "Police followed him on foot for three blocks before the arrest.")),
    Furniture("contributor note", r"this (?:story|article|report) (?:has been|was) (?:updated|corrected|first published|"
              r"originally published)\b", r"contributed (?:reporting|to (?:this|the) (?:report|story|article))\b",
              ("Times of Daily Planet staff contributed to this report.", "Jane Doe in Kyiv contributed reporting.",
               "This story has been updated with comment from the ministry."),
              ("Heavy rain contributed to the collapse of the bridge on Friday.",
               "The agency said the report was updated after the minister resigned.")),
)
# Nearly every line is news: every rule's line start in one pattern and every rule's words in another tell in two
# passes over a line that it is none of them (one pass a rule and part cost four times as much).
_ANY_START = re.compile("|".join(f"(?:{f.start})" for f in FURNITURE), re.IGNORECASE)
_ANY_WORDS = re.compile(at_a_word("|".join(f.words for f in FURNITURE if f.words)), re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# The first sentence of a note about the writer that closes an article ("Jane Doe is a reporter at …"); the
# rest of that paragraph ("Her work has appeared in …", "She has also appeared on …") is about the writer too.
_AUTHOR_NOTE = re.compile(r"(?:[A-Z][\w.'’-]+\s+){1,4}is (?:a|an|the)\b[^.]{0,100}?\b(?:writer|editor|journalist|"
                          r"reporter|correspondent|columnist|contributor|author|analyst|fellow|producer)s?\b")
AUTHOR_NOTE_EXAMPLES = ("Jane Doe is a senior writer at the Daily Planet, covering energy.",
                        "Omar Haddad is the Middle East correspondent for World Radio.")
AUTHOR_NOTE_NOT_EXAMPLES = ("The minister is a former reporter who was arrested on Tuesday.",
                            "Jane Doe was named editor of the Daily Planet on Friday.")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")


def furniture_kind(line: str) -> str:
    """The kind of page furniture a line is, or "" for a line of news."""
    stripped = line.strip()
    if not _ANY_START.match(stripped) and not _ANY_WORDS.search(stripped):
        return ""
    return next((f.name for f in FURNITURE if f.fits(stripped)), "")


def author_note_start(text: str, spans: list[tuple[int, int]]) -> int:
    """The number of the first sentence of a closing note about the writer, or ``len(spans)`` when the
    article's last paragraph is not one (only the last: the same words earlier in a story are news)."""
    first = len(spans) - 1
    while first > 0 and not PARAGRAPH_BREAK.search(text, spans[first - 1][1], spans[first][0]):
        first -= 1
    if first > 0 and _AUTHOR_NOTE.match(text, spans[first][0], spans[first][1]):
        return first
    return len(spans)


def is_link_title(line: str) -> bool:
    """A short line without a closing full stop: what the entries of a related-links list look like."""
    stripped = line.strip()
    return len(stripped) <= 150 and not stripped.endswith((".", "!", "?", '"', "”", "'", "’"))


def is_quoted_opinion(sentence: str) -> bool:
    """Mostly someone's quoted words: a view or a claim told in the first person, not the report's news."""
    quoted = sum(end - start for start, end in quotations(sentence))
    return quoted >= 0.6 * len(sentence.strip())


def quotations(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence's quoted words lie (the marks left out): someone's words, not the report's."""
    return [m.span(1) for m in _QUOTE.finditer(sentence)]


# Verbs that attribute a quote ("… ?" he asked) or a quoted label ('who called the plan "far-fetched"'): in a sentence
# of quoted words they report them, whatever else they can mean ("asked for a list" is a request).
_ATTRIBUTING = frozenset("""said says say asked asks asking added adds adding told tells wrote writes noted notes replied
replies insisted insists declared declares explained explains argued argues called calls calling described describes
describing dubbed termed""".split())


def attributes_a_quote(word: str) -> bool:
    return word.lower() in _ATTRIBUTING


def outside_quotes(spans: list[tuple[int, int]], start: int) -> bool:
    """Whether the words at ``start`` are the report's own, not inside one of ``spans`` (see ``quotations``)."""
    return not any(begin <= start < end for begin, end in spans)
