"""From an article's dated mentions to events, one per dated statement, with their evidence."""

from __future__ import annotations

import hashlib
import re

from ..model import Article, Event, Source, Timex
from .names import names_in
from .naming import named_happening
from .sentences import sentence_at, sentence_spans

MAX_TITLE = 120
# Vague references and lengths of time anchor no happening on a timeline.
_NOT_EVENT_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# Attribution tails and heads that say who said it, not what happened.
_ATTRIBUTION_TAIL = re.compile(
    r"(?:,|\s[-–—])\s*(?:(?:the|a|an)\s+)?[\w’'.\- ]{1,60}?\s(?:said|says|told\s[\w .’'-]{1,40}|announced|reported|"
    r"wrote|added|claimed|stated)(?:\s+(?:on\s+)?(?:Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday|today|"
    r"yesterday)(?:\s+(?:morning|afternoon|evening|night))?)?\s*[.!]?$", re.IGNORECASE)
_ATTRIBUTION_HEAD = re.compile(r"^(?:according to [^,]{1,60},\s*|[\w’'.\- ]{1,50}\s(?:said|says)\s+that\s+)", re.IGNORECASE)
_DANGLING = re.compile(r"[\s,;:–—-]+(?:and|or|but|the|a|an|of|to|in|on|at|by|for|with|from|as|that|which|who|"
                       r"while|after|before|its|his|her|their)$", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_CONFIDENCE_BY_ANCHOR = {None: 0.9, "DCT": 0.8, "earlier mention": 0.6}


def events_for_article(article: Article, timexes: list[Timex]) -> list[Event]:
    """One event per dated statement; a repeated sentence (captions, headline in body) counts once."""
    spans = sentence_spans(article.text)
    events: list[Event] = []
    seen: set[tuple[str, str]] = set()
    for timex in timexes:
        if timex.interval is None or timex.type not in ("DATE", "TIME") or timex.value in _NOT_EVENT_VALUES:
            continue
        if not spans:
            break
        index = sentence_at(spans, timex.start)
        start, end = spans[index]
        sentence = article.text[start:end]
        key = (normalise(sentence), timex.value)
        if key in seen:
            continue
        seen.add(key)
        if len(re.findall(r"[A-Za-z]{2,}", sentence.replace(timex.text, " "))) < 3:
            continue  # a dateline or a bare date, not a statement
        title = make_title(sentence, timex.start - start, timex.end - start)
        if not title:
            continue
        confidence = _CONFIDENCE_BY_ANCHOR.get(timex.anchor, 0.6)
        if article.published_confidence == "low" and timex.anchor:
            confidence -= 0.3
        events.append(Event(
            id=_event_id(article.id, timex),
            interval=timex.interval,
            value=timex.value,
            mod=timex.mod,
            date_text=timex.text,
            title=title,
            sentence=sentence,
            explanation=timex.explanation,
            confidence=round(confidence, 2),
            sources=[Source(article.id, article.title, article.outlet, article.url, article.origin, sentence,
                            (start, end), (timex.start, timex.end), timex.text)],
            names=names_in(sentence, article.text),
            centrality=1.0 / (1.0 + index / 5.0),
            named_as=named_happening(article.text, timex.end),
            year_guessed=not timex.year_stated and timex.anchor == "DCT",
        ))
    return events


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: the key under which repeated lines are one."""
    return " ".join(text.translate(_QUOTES).lower().split()).strip(" .,;:!?'\"")


def make_title(sentence: str, date_start: int = 0, date_end: int = 0) -> str:
    """A concise statement from the evidence sentence: no attribution, no dangling words, ≤ 120 characters.

    ``date_start``/``date_end`` locate the date words in the sentence: when the
    sentence is too long, the title is built from the clause that holds them.
    """
    text = _without_attribution(" ".join(sentence.split()).strip("\"'“”‘’|• "))
    if len(text) > MAX_TITLE:
        text = _clause_around(sentence, date_start, date_end)
    if len(text) > MAX_TITLE:
        text = text[:MAX_TITLE].rsplit(" ", 1)[0] + " …"
    previous = None
    while previous != text:
        previous = text
        ellipsis = text.endswith("…")
        text = _DANGLING.sub("", text.rstrip(" …")).rstrip(" ,;:.") + (" …" if ellipsis else "")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if len(re.findall(r"[A-Za-z]{2,}", text)) >= 3 else ""


def _without_attribution(text: str) -> str:
    text = _ATTRIBUTION_HEAD.sub("", text)
    text = re.sub(r",\s*according to [^,]{1,60}[.]?$", "", text, flags=re.IGNORECASE)
    stripped = _ATTRIBUTION_TAIL.sub("", text)
    return (stripped if len(stripped) >= 25 else text).rstrip(" .;:,")


_CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s[–—-]\s|:\s+")
_RELATIVE = re.compile(r"^(?:who|which|where|when|whose)\s+", re.IGNORECASE)
_VERB_FIRST = re.compile(r"^(?:was|were|is|are|has|had|have|will|would|could|did|remains?|became)\s", re.IGNORECASE)
_PRONOUN_FIRST = re.compile(r"^(?:they|it|he|she|we|this|that|those|these)\s", re.IGNORECASE)
_NOUN_PHRASE = re.compile(r"\b(?:the|a|an)\s+[^,;]{3,60}?\s(?:that|which|who)\s[^,;]+$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"^(?:while|although|though|just like|as|because|since|whereas|and|but|so)\s+",
                          re.IGNORECASE)


def _clause_around(sentence: str, date_start: int, date_end: int) -> str:
    """The clause holding the date, grown with its neighbours while it fits."""
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence) + 2]
    clauses = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    index = next((i for i, (a, b) in enumerate(clauses) if a <= date_start < b), 0)
    low = high = index

    def piece(lo: int, hi: int) -> str:
        return sentence[clauses[lo][0]:clauses[hi][1]].strip(" ,;:–—-.")

    prefer_right = index == 0 or len(piece(index, index).split()) < 5
    while True:
        steps = [(low, high + 1), (low - 1, high)] if prefer_right else [(low - 1, high), (low, high + 1)]
        for lo, hi in steps:
            if 0 <= lo and hi < len(clauses) and len(piece(lo, hi)) <= MAX_TITLE:
                low, high = lo, hi
                break
        else:
            break
    if len(piece(low, high).split()) < 6:  # still a fragment: a window of the sentence around the date
        begin = clauses[index][0]
        return " ".join(sentence[begin:begin + MAX_TITLE].split()).rsplit(" ", 1)[0] + " …"
    text = _without_attribution(" ".join(piece(low, high).split()))
    if _RELATIVE.match(text) and low > 0:  # "Netanyahu, who ordered ..." -> "Netanyahu ordered ..."
        names = names_in(sentence[:clauses[low][0]])
        if names:
            text = f"{names[-1]} {_RELATIVE.sub('', text)}"
    text = _SUBORDINATE.sub("", text)
    if _VERB_FIRST.match(text) and low > 0:  # "X, chief of staff, was killed in March" -> "X was killed in March"
        subject = piece(0, 0)
        if len(subject) + len(text) >= MAX_TITLE:
            subject = (names_in(subject) or [subject])[0]
        text = f"{subject} {text}"
    elif _PRONOUN_FIRST.match(text):  # "they did to those behind the attack that killed 11 in 1972"
        phrase = _NOUN_PHRASE.search(text)
        if phrase and phrase.start() > 0:
            text = phrase.group(0)
    return text


def _event_id(article_id: str, timex: Timex) -> str:
    digest = hashlib.sha1(f"{article_id}|{timex.start}|{timex.value}".encode()).hexdigest()[:10]
    return f"e{digest}"
