"""From an article to its events: the happenings it reports, each placed in time, with their evidence."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from ..model import Anchor, Article, Event, Modality, Placement, Precision, Source, Timex
from ..temporal import lexicon as lx
from ..temporal.tense import Tense, clause_tense
from .anchoring import (
    REPORTING_WINDOW,
    YEAR_SET_OFF,  # a full date whose year is set off by commas: "Dec. 21, 1988,"
    Inferred,
    Relation,
    continues_story,
    is_conditional,
    is_planned,
    lends_to,
    linked_clause,
    premodified,
    relating_words,
    relation_of,
    reporting_time,
)
from .coreference import antecedent, dated_beside, mentions, on_the_day_told, stands_for_its_clause
from .furniture import (
    PARAGRAPH_BREAK,
    attributes_a_quote,
    author_note_start,
    furniture_kind,
    is_link_title,
    is_quoted_opinion,
    outside_quotes,
    quotations,
)
from .gate import Gate
from .happenings import Happening, HappeningModel, Kind, shipped_model
from .modality import rewarded, sits_as_done, why
from .names import names_in
from .naming import named_happening
from .sentences import clause_end, clause_spans, sentence_at, sentence_spans
from .titles import make_title, plan_title
from .verbs import Form, goes_on, negated, reported_future, reports_a_thing, simple_present, verb_form

# The names of a sentence, read once: up to MAX_PER_SENTENCE events and more come from one sentence, and reading
# them looks words up across the whole article (a sixth of this stage's time, a third of it repeated before).
_sentence_names = lru_cache(maxsize=8)(names_in)


@lru_cache(maxsize=64)
def _tense_at(sentence: str, offset: int) -> Tense:
    """The tense of the clause around a happening word, asked for up to three times per word."""
    return clause_tense(sentence, offset, offset)


MAX_PER_SENTENCE = 3  # the main happenings of a sentence: enough for a reader, few enough to merge
# Vague references and lengths of time anchor no happening on a timeline.
_NOT_EVENT_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_CONFIDENCE_BY_ANCHOR = {None: 0.9, Anchor.DCT: 0.8, Anchor.MENTION: 0.6}
_PERFECT = Gate(r"\b{have}\s+(?:\w+\s+){0,2}$", have=("has", "have", "'ve"))  # 'has been', 'have also been'
# Results told for a period, by the words for them ("Two segments posted lower earnings for the quarter"); a
# figure alone ("2 million people crossed") is not results, nor is a share price, a dividend or a toll; earnings
# per share ("46 cents a share") are results.
_RESULTS = re.compile(r"\b(?:earnings|profits?|(?:net|operating|interest|fee)\s+(?:\w+\s+)?income|net\s+(?:loss|profit)|"
                      r"loss|losses|revenues?|sales|results|turnover)\b", re.IGNORECASE)
_NOT_RESULTS = re.compile(r"\b(?<!\ba\s)(?<!\bper\s)(?:shares?|stocks?|dividends?|toll|price target|forecasts?)\b",
                          re.IGNORECASE)


def results_told(sentence: str) -> bool:
    return bool(_RESULTS.search(sentence)) and not _NOT_RESULTS.search(sentence)


# A figure told with the figure it changed from: "Sales rose 2.9% to $329.2 million from $320 million".
_CHANGED_FROM = re.compile(r"\bto\s+(?:[A-Z]{0,2}[$£€]|\d)[^;]{0,60}?\bfrom\s+(?:[A-Z]{0,2}[$£€]|\d)")
# (report, publication day, a word of a later sentence, its value): run as tests. A figure told with the one it
# changed from, after results for a quarter, is of that quarter; without the figure it changed from, or with no
# results told, it is the report's news.
RESULTS_EXAMPLES = (
    ("The toolmaker Acme said third-quarter profit rose 11%. Sales rose 3% to $500 million from $485 million.",
     "2024-10-25", "Sales", "2024-Q3"),
    ("Acme posted lower earnings for the second quarter. Profit from steel fell to $41 million from $58 million.",
     "2024-07-25", "steel", "2024-Q2"),
    ("The toolmaker Acme said third-quarter profit rose 11% to $40 million. Its shares rose 5% on the news.",
     "2024-10-25", "shares", "2024-10-25"),
    ("Acme named a new chief executive. Its shares rose to $30 from $28.", "2024-10-25", "shares", "2024-10-25"),
    ("The toolmaker Acme said third-quarter net income fell 6% to $9.5 million, or 46 cents a share. Sales rose 3% "
     "to $329 million from $320 million.", "2024-10-25", "Sales", "2024-Q3"),
    ("Acme's net interest income for the third quarter fell to $35 million from $70 million. Fee income rose to "
     "$23.5 million from $22 million.", "2024-10-25", "Fee", "2024-Q3"),
    ("The toolmaker Acme reported a third-quarter net loss of $35 million, or 31 cents a share. Revenue declined 8% "
     "to $85.7 million, from $93.3 million.", "2024-10-25", "Revenue", "2024-Q3"),
    ("The toolmaker Acme said third-quarter net income fell 6% to $9.5 million from $10.1 million in the year-ago "
     "period. Sales rose 3% to $329 million from $320 million.", "2024-10-25", "Sales", "2024-Q3"),
    ("In the first half, 2 million people crossed the border. The death toll rose to 50 from 42.", "2024-10-25",
     "toll", "2024-10-25"),
    ("Unemployment rose to 5% in the third quarter. Police raised the number of arrests to 40 from 25.", "2024-10-25",
     "arrests", "2024-10-25"),
    ("Retail sales fell 3% in the fourth quarter. The government raised the income tax threshold to 15,000 pounds "
     "from 12,570 pounds.", "2024-03-15", "threshold", "2024-03-15"),
)
# The end of a period its figures are told for: the date is that end's, the figures are the period's.
_PERIOD_END = Gate(r"\b(?:quarter|period|year|half|months|weeks)\s+({end})\s+(?:on\s+)?$", end=("ended", "ending"))
# (sentence, publication day, the word, its value): run as tests
PERIOD_END_EXAMPLES = (
    ("Sales increased in the third quarter ended Sept. 30 to $748 million.", "2024-10-26", "ended", "2024-09-30"),
    ("Sales increased in the third quarter ended Sept. 30 to $748 million.", "2024-10-26", "increased", "2024-Q3"),
    ("Net income rose 21% for the fiscal year ending June 30.", "2024-10-26", "ending", "2024-06-30"),
    # look-alikes: a happening that ended on a date is at that date
    ("The strike ended Sept. 30 after talks.", "2024-10-26", "ended", "2024-09-30"),
)
_WORD = re.compile(r"[A-Za-z]{2,}")


def events_for_article(article: Article, timexes: list[Timex], model: HappeningModel | None = None) -> list[Event]:
    """The happenings an article reports, each placed in time with how, skipping furniture and repeats.

    A date in the happening's clause places it (WRITTEN); otherwise its time is inferred from the report
    (INFERRED). Hypothetical, negated and conditional happenings make hypothetical events, which the views hide
    by default; background states make no event.
    ``model`` finds the happenings (the shipped one unless given: evaluation passes one per fold).
    """
    spans = sentence_spans(article.text)
    if not spans:
        return []
    dated: dict[int, list[Timex]] = {}
    for timex in timexes:
        if timex.interval is not None and timex.type in ("DATE", "TIME") and timex.value not in _NOT_EVENT_VALUES:
            dated.setdefault(sentence_at(spans, timex.start), []).append(timex)
    kept: list[int] = []  # sentences that may tell news: no repeats, no furniture
    opinion: set[int] = set()  # of which mostly quoted words: news only by what the report's own words tell
    seen: set[str] = set()
    in_links = False  # after a "Read more" or "Related stories" heading: a list of links, not news
    author_note = author_note_start(article.text, spans)
    for index, (start, end) in enumerate(spans):
        sentence = article.text[start:end]
        key = _key(sentence)  # asked again for headlines and salience
        kind = "author note" if index >= author_note else furniture_kind(sentence)
        in_links = kind == "read more" or (in_links and is_link_title(sentence))
        if key not in seen and not kind and not in_links:
            kept.append(index)
            if is_quoted_opinion(sentence):
                opinion.add(index)
        seen.add(key)
    headlines = {i for i in kept if _is_headline(article, i, article.text[spans[i][0]:spans[i][1]])}
    texts = [article.text[spans[i][0]:spans[i][1]] for i in kept]
    # headlines are in Title Case: the model reads them in lower case
    labelled = (model or shipped_model()).label([t.lower() if i in headlines else t for i, t in zip(kept, texts, strict=True)])
    events: list[Event] = []
    story = Story(article.published)
    unplaced = 0
    for index, sentence, found in zip(kept, texts, labelled, strict=True):
        if PARAGRAPH_BREAK.search(article.text, spans[index - 1][1] if index else 0, spans[index][0]):
            story.paragraph = story.results = None
        timexes_here = dated.get(index, [])
        if index in opinion:  # the quoted words are someone's view: only the report's own words may tell news
            found, timexes_here = _outside_quotes(sentence, spans[index][0], found, timexes_here)
        happenings = _happenings(sentence, found, timexes_here, spans[index][0])
        if index in opinion and all(h.kind not in (Kind.FACTUAL, Kind.PLANNED) for h in happenings):
            continue  # "'This is the worst decision,' the mayor said": a view, no news
        made, waiting = _sentence_events(article, index, spans[index], timexes_here, happenings, story,
                                         index in headlines)
        made = [on_the_day_told(article.text, e, events) for e in made]  # "was shot at 10 p.m.": that day's 10 p.m.
        shown = [e for e in made if e.modality != Modality.HYPOTHETICAL]  # a mention reads the shown events alone
        events.extend(_told_earlier(article, span=spans[index], timexes=timexes_here, made=shown,
                                    earlier=events, happenings=happenings))
        events.extend(e for e in made if e.modality == Modality.HYPOTHETICAL)
        unplaced += waiting
    if unplaced:
        article.warnings.append(f"{unplaced} happenings without a date left off the timeline: no publication date")
    return events


# (report, publication day, a word of the report's own words in a quoted sentence, its value or "" for no event): run
# as tests. A sentence made mostly of someone's quoted words still tells the news its own words tell outside the
# quotation marks ("Hungary joined NATO, which the minister called '…'"); the quote itself, and a report or a label
# of it alone ("who called the cuts 'reckless'"), tell none.
QUOTED_NEWS_EXAMPLES = (
    ('The ministers signed the papers on Friday. Hungary formally joined NATO, which the minister called "a return to '
     'her natural home after fifty long years of waiting and of hoping for this day."', "2024-03-16", "joined",
     "2024-03-15"),
    ('The bridge reopened on Friday. The mayor hailed the reopening as "a day of joy for the whole city and for '
     'everyone who crosses the river every day."', "2024-03-16", "hailed", "2024-03-15"),
    # look-alikes: the quote's own happenings, and a report of a quote with nothing else, make no event
    ('The bridge reopened on Friday. "We have waited for this moment for years and years," the mayor said.',
     "2024-03-16", "waited", ""),
    ('The bridge reopened on Friday. "Nobody will close this bridge again, not next week, not ever," the mayor said.',
     "2024-03-16", "close", ""),
    ('Acme cut 500 jobs on Friday. "How many of the plants will still be open in five years from now?" he asked.',
     "2024-03-16", "asked", ""),
    ('Acme cut 500 jobs on Friday. "It is a desire for revenge, not a plan for the future of the firm," said Lee, '
     'who called the cuts "reckless."', "2024-03-16", "called", ""),
)


def _outside_quotes(sentence: str, offset: int, found: list[Happening],
                    timexes: list[Timex]) -> tuple[list[Happening], list[Timex]]:
    """The happenings and dates of a sentence's own words, outside its quotations (``offset``: the sentence's
    place in the article, where the dates are counted from)."""
    quoted = quotations(sentence)
    return ([replace(h, kind=Kind.REPORTING) if attributes_a_quote(h.word) else h for h in found
             if outside_quotes(quoted, h.start)],
            [t for t in timexes if outside_quotes(quoted, t.start - offset)])


@dataclass
class Story:
    """The story so far: the last happening a date placed (a narrative goes on from it, and when the date
    opened its sentence, so does the rest of its paragraph), and the last placed on a day of the reporting
    window (a report that said "stocks fell Friday" tells its other past news of Friday). A date whose year
    was guessed is lent with its guess; not when it names a happening, whose year merging may still correct
    from another report ("the October 7 attacks")."""

    published: date | None
    last: Event | None = None
    news_day: Event | None = None
    paragraph: Event | None = None  # the last happening placed by a date opening its sentence, in this paragraph
    results: Event | None = None  # the last figures told for a quarter or a half ("third-quarter profit rose 11%")

    def tell(self, event: Event) -> None:
        if event.year_guessed and event.named_as:
            return
        self.last = event
        self.tell_results(event)
        if _opens(event.sources[0]):
            self.paragraph = event
        # the report's news day is the latest day it tells something happened on: "Shares fell on Friday … The slide
        # began on Thursday, when …" — its undated past news is still Friday's; "talks resume today" is no news yet
        if _in_reporting_window(event, self.published) and event.modality == Modality.FACTUAL \
                and (self.news_day is None or event.begin >= self.news_day.begin):
            self.news_day = event

    def tell_results(self, event: Event) -> None:
        """Results told for a quarter or a half, by a date that says when or one that names them ("a third-quarter
        net loss"); figures of an earlier period told beside them ("from $10.1 million in the year-ago period")
        do not change the period the report gives its figures for."""
        if event.precision in (Precision.QUARTER, Precision.HALF) and results_told(event.sentence) \
                and (self.results is None or event.begin >= self.results.begin):
            self.results = event


# (report, publication day, a word of an undated past sentence, its value): run as tests. The news day a report's
# undated past news is of is the latest day on which it tells something happened, not the last one named: an earlier
# day told after it ("The slide began on Thursday") is background to the day's news.
NEWS_DAY_EXAMPLES = (
    ("Shares in Tokyo fell sharply on Friday. The slide began on Thursday, when a bank warned of losses. "
     "Carmakers led the decline.", "2024-06-03", "led", "2024-05-31"),
    # a day told only as a plan's ("Talks are set to resume today") is no news day: nothing happened on it yet
    ("Pickets blocked the gates of the Acme plant on Friday. Talks are set to resume today, officials said. The strike "
     "began after pay talks failed.", "2024-06-03", "began", "2024-05-31"),
    # look-alike: the later day told last is the news day too
    ("Shares in Tokyo fell sharply on Thursday. They recovered on Friday. Carmakers led the rebound.", "2024-06-03",
     "led", "2024-05-31"),
    # a sentence relating the news to an earlier happening does not move the day's own news back
    ("Acme and Beta agreed to merge on Monday, the companies said.\n\nThe deal comes a year after the two firms ended "
     "talks. Shares rose 5% on the news.", "2024-07-17", "rose", "2024-07-15"),
)


def _opens(source: Source) -> bool:
    """The date opens its sentence ("In 1997, Netanyahu ordered …"): it frames the narrative that follows."""
    return len(source.sentence[:source.date_span[0] - source.sentence_span[0]].split()) <= 2


def _is_headline(article: Article, index: int, sentence: str) -> bool:
    return _key(sentence) == _key(article.title) or (index == 0 and not sentence.endswith((".", "?")))


def _sentence_events(article: Article, index: int, span: tuple[int, int], timexes: list[Timex], found: list[Happening],
                     story: Story, headline: bool) -> tuple[list[Event], int]:
    """One event per clause that tells a happening (at most MAX_PER_SENTENCE), and how many could not be placed.

    A date in the clause places its happening; a clause without one takes its time from the story or the report.
    """
    start, end = span
    sentence = article.text[start:end]
    clauses: list[Clause] = []
    for c_start, c_end in clause_spans(sentence, [h.start for h in found]):
        clauses.append(_clause(article, index, span, timexes, found, (c_start, c_end), clauses))
    made: list[Event] = []
    hidden: list[Event] = []  # hypothetical events
    unplaced = 0
    # A date whose year was guessed is lent like any other, within its sentence ("On May 2, police … searched
    # the house") and, through Story.tell, to the sentences after it (as the story's last date, its paragraph's,
    # its news day), and each event it lends to keeps the guess; not when it names a happening ("plotted the
    # October 7 attack"): merging may correct that year from another report, and a lent event would keep the wrong one.
    # A date that names a happening lends its time whatever word relates it to the clause ("since the 1998
    # bombing that killed a guard": the killing was the bombing's)
    naming = {e.sources[0].date_span for clause in clauses for e in clause.named}
    # a happening a date names past a clause break ("the Dec. 21, 1988, bombing") is not also the next clause's
    named_words = {e.sources[0].happening_span for clause in clauses for e in clause.named}
    for clause in clauses:
        clause.inside = [h for h in clause.inside if (start + h.start, start + h.end) not in named_words]
    modifying = {date for clause in clauses for date in clause.modifying}
    lending = [t for t in timexes if (t.start, t.end) not in modifying
               and (relation_of(sentence, t.start - start) == Relation.AT or (t.start, t.end) in naming)
               and not (_year_guessed(t) and named_happening(article.text, t.end))
               and not _after(t.interval.begin.date(), article.published)]
    for clause in clauses:
        inside, here, dated, named, c_end = clause.inside, clause.here, clause.dated, clause.named, clause.end
        for event in dated:
            story.tell(event)
        for event in named:
            story.tell_results(event)
        made.extend(dated + named)
        main = _main_of(inside)
        if main is None or (dated and not _done_before(sentence, main, dated, article.published)):
            continue
        if article.published is None:
            unplaced += 1
            continue
        relative = [t for t in here if relation_of(sentence, t.start - start) == Relation.RELATIVE]
        # a date that names a happening lends its time to its own clause ("took the port in a 2019 offensive") and
        # to the clauses that go on to tell it ("since the 1998 bombing, which killed a guard"), not to one told
        # before it ("where she arrived next, … where the Aug. 7 blasts killed 257 people")
        sentence_date = next((t for t in lending if (t.start, t.end) not in naming or t in here
                              or t.start < start + main.start), None)
        # a date inside a relative clause lends its time only to that clause
        reach = lends_to(sentence, sentence_date.start - start) if sentence_date else (0, 0)
        lent = sentence_date if reach[0] <= main.start < reach[1] else None
        # a date that says when in the clause itself: where a hypothetical happening would be ("would strike in July")
        own_date = next((t for t in here if relation_of(sentence, t.start - start) == Relation.AT
                         and (t.start, t.end) not in naming | modifying and not named_happening(article.text, t.end)),
                        None)
        for part, title in _told(sentence, inside, c_end):
            kept = hidden if _main_of(part).kind == Kind.HYPOTHETICAL else made
            if len(kept) >= MAX_PER_SENTENCE:
                continue  # cut below anyway
            event = _undated_event(article, index, span, part, relative, story, headline, lent, title, own_date)
            if event is None:
                continue
            # clauses placed alike are one event (the sentence's words would merge them anyway), which tells the
            # happening of each: in a sentence without dates the later clause's word is one more source of it (with
            # a date, a later clause may be the dated happening's own: "rescued Nov. 25 while clinging to a tube");
            # merging keeps one source per sentence, so the timeline shows the sentence once
            at = next((n for n, e in enumerate(kept) if _alike(e, event)), None)
            if at is None:
                kept.append(event)
            elif not timexes:  # every event made here is of this sentence
                kept[at] = replace(kept[at], sources=[*kept[at].sources, event.sources[0]])
    if not made and headline and article.published and all(h.kind != Kind.HYPOTHETICAL for h in found):
        event = _undated_event(article, index, span, [Happening(0, 0, "", Kind.FACTUAL)], [], story, True, None)
        made = [event] if event else []  # the headline's happening is the day's news
    # hypothetical events are counted apart: hidden by default, they never take a shown happening's place
    return made[:MAX_PER_SENTENCE] + hidden[:MAX_PER_SENTENCE], unplaced


# (report, publication day, a word of a clause without its own date, its value): run as tests. A date that names a
# happening lends its time to its own clause and to a clause that goes on to tell it, not to one told before it.
NAMED_DATE_LENDS_FORWARD_EXAMPLES = (
    ("Albright visited Nairobi on Tuesday. Officials in Kenya, where she arrived next, hoped for aid for the city, "
     "where the Aug. 7 blasts killed 257 people.", "1998-08-19", "arrived", "1998-08-18"),
    ("Albright visited Nairobi on Tuesday. Officials in Kenya, where she arrived next, hoped for aid for the city, "
     "where the Aug. 7 blasts killed 257 people.", "1998-08-19", "killed", "1998-08-07"),
    ("Police have searched the hills since the January 1998 bombing of a clinic, which killed a guard.", "1998-08-19",
     "killed", "1998-01"),
    ("The rebels first took the port from government troops in a 2019 offensive.", "2024-03-08", "took", "2019"),
)


def _told_earlier(article: Article, span: tuple[int, int], timexes: list[Timex], made: list[Event],
                  earlier: list[Event], happenings: list[Happening]) -> list[Event]:
    """A sentence's events, with each definite mention of a happening told earlier with its date ("the arrest",
    "Slepian's murder") read as that happening: the clause event built on its word takes its date when the rest
    of the clause tells that happening too ("The bombing killed 12 people"); else the mention's sentence is one
    more source of the earlier event ("Police have no suspect in the slaying"), its word as the words that place
    it. ``earlier`` is updated in place."""
    start = span[0]
    sentence = article.text[start:span[1]]
    made = list(made)
    for mention in mentions(sentence):
        if any(dated_beside(sentence, mention, t.start - start, t.end - start) for t in timexes):
            continue  # "the attack on Friday", "Friday's attack": its own date says which
        before = [e for e in made if e.sources[0].happening_span[1] <= start + mention.start]
        told = antecedent(article.text, mention, earlier, before)
        if told is None:
            continue
        word = (start + mention.start, start + mention.end)
        own = next((n for n, e in enumerate(made) if e.sources[0].happening_span == word), None)
        if own is not None and made[own].placement == Placement.WRITTEN:
            continue  # a date of its own in its clause
        # a guessed year of a happening a date names ("the October 7 attacks") is one merging may correct from
        # another report: a copy of it would stay wrong
        if own is not None and not (told.year_guessed and told.named_as) \
                and _tells_the_same(sentence, mention.end, timexes, start, happenings) \
                and stands_for_its_clause(sentence, mention.start, happenings, [e for e in made if e is not made[own]]):
            when = told.date_text or told.value
            made[own] = replace(made[own], interval=told.interval, value=told.value, mod=told.mod,
                                explanation=f"the {mention.word} told earlier in the report, at '{when}' "
                                            f"({told.value})", year_guessed=told.year_guessed,
                                sources=[replace(made[own].sources[0], date_span=word, date_text=mention.word)])
            continue
        more = _source(article, span, word, mention.word, word)
        for events in (earlier, made):
            at = next((n for n, e in enumerate(events) if e is told), None)
            if at is not None:
                events[at] = told = replace(told, sources=[*told.sources, more])
    return made


def _tells_the_same(sentence: str, after: int, timexes: list[Timex], start: int, happenings: list[Happening]) -> bool:
    """Whether the rest of a clause opened by a mention tells the mentioned happening: no time of its own ("came a
    week later") and nothing planned, conditional or hypothetical ("The arrest may be challenged")."""
    end = clause_end(sentence, after)
    return (not any(after <= t.start - start < end for t in timexes)
            and all(h.kind == Kind.FACTUAL for h in happenings if after <= h.start < end and h.kind != Kind.REPORTING))


@dataclass
class Clause:
    """A clause of a sentence: its happenings (less those a date names), its dates, and the events they made."""

    inside: list[Happening]
    here: list[Timex]
    dated: list[Event]  # placed by a date that says when the clause's happening happened
    named: list[Event]  # placed by a date that names a happening or a thing ("the January 1998 bombing")
    end: int
    modifying: frozenset[tuple[int, int]] = frozenset()  # dates told inside a subject's modifier: no other word's


def _clause(article: Article, index: int, span: tuple[int, int], timexes: list[Timex], found: list[Happening],
            bounds: tuple[int, int], earlier: list[Clause]) -> Clause:
    """The dates of one clause and the events they make; its happenings left for an undated event."""
    start = span[0]
    sentence = article.text[start:span[1]]
    c_start, c_end = bounds
    inside = [h for h in found if c_start <= h.start < c_end]
    here = [t for t in timexes if c_start <= t.start - start < c_end]
    # "the 251 hostages abducted by Hamas on October 7 remain in Gaza": the date is the abduction's, told inside the
    # subject; the clause's verb is not at it
    modified = {id(t): m for t in here if (m := _modifier_dated(sentence, t, start, inside))}
    things = {id(t): h for t in here if (h := _thing_named(sentence, t, start, article.published, inside))} \
        | {key: happening for key, (happening, _) in modified.items()}
    at_dates = [t for t in here if relation_of(sentence, t.start - start) == Relation.AT and id(t) not in things]
    # "since August, when they traded at $10": a "when" clause with no date of its own is at the date it
    # follows (unless that date already placed the clause before it: "prices rose in 1985, when …" is one event
    # of 1985); its own date wins ("in 1985, when the army … on March 3, 1986")
    if not at_dates:
        used = {e.sources[0].date_span for clause in earlier for e in clause.dated}
        at_dates = [t for t in timexes if _framed_by(sentence, t.end - start, c_start, c_end)
                    and (t.start, t.end) not in used]
    dated = [e for t in at_dates if (e := _dated_event(article, index, span, t, inside or found))]
    naming = [(e, h) for t in here if t not in at_dates
              and (h := things.get(id(t)) or _named_by(sentence, t.end - start, inside, found))
              and (e := _dated_event(article, index, span, t, [h], modified.get(id(t), (h, None))[1]))]
    # a happening a date names has its event; the clause's own happening is another one ("has been on the run")
    inside = [h for h in inside if all(h is not n for _, n in naming)]
    return Clause(inside, here, dated, [e for e, _ in naming], c_end,
                  frozenset((t.start, t.end) for t in here if id(t) in modified))


def _alike(made: Event, new: Event) -> bool:
    """Placed alike: the same modality and one time inside the other (a present clause's publication day within
    a past clause's days before it): one event, as the sentence's words would merge them anyway."""
    inside = (made.begin <= new.begin and new.end <= made.end) or (new.begin <= made.begin and made.end <= new.end)
    return made.modality == new.modality and made.placement == new.placement and inside


_WHEN_AFTER_DATE = re.compile(r"(?:,|\s[_–—-]+)\s*(when)\s", re.IGNORECASE)


def _framed_by(sentence: str, date_end: int, clause_start: int, clause_end: int) -> bool:
    """A "when" clause set off right after a date, in this clause, happens at that date: "since 1985 — when
    the army created a zone", "since August, when they traded at $10" (without the comma it may only
    restrict the date: "since January when the crisis began")."""
    match = _WHEN_AFTER_DATE.match(sentence, date_end)
    return match is not None and clause_start <= match.start(1) < clause_end


def _after(day: date, published: date | None) -> bool:
    return published is not None and day > published


def _done_before(sentence: str, main: Happening, dated: list[Event], published: date | None) -> bool:
    """A happening told as done whose clause has only dates after the publication date ("declared a dividend,
    payable Dec. 15", "extended its offer to Nov. 20", "has set Nov. 10 as the deadline"): they tell what is to
    come, not when it happened."""
    return all(_after(e.begin.date(), published) for e in dated) and _told_as_done(sentence, main)


def _told_as_done(sentence: str, happening: Happening) -> bool:
    """A factual happening in the past tense or the present perfect ("declared", "has set")."""
    return happening.kind == Kind.FACTUAL and (_tense_at(sentence, happening.end) == Tense.PAST
                                               or verb_form(sentence, happening.start, happening.word) == Form.PERFECT)


_NAMING_GAP = re.compile(r"(?:['’]s)?(?:,?\s*\d{4})?,?\s+(?:[a-z][\w-]*\s+)?")
_SET_OFF_GAP = re.compile(r",\s+")  # "the Dec. 21, 1988, bombing": the comma closing the year, then the happening
# (sentence, publication day, the date's value): run as tests. A date not set off by commas, then a comma and
# another clause's word, names nothing: no event at the date, and the sentence's news is the report's day.
NOT_NAMED_ACROSS_A_COMMA_EXAMPLES = (
    ("Rebels have held the town since 2019, killing dozens of civilians.", "2024-06-01", "2019"),
    ("The talks ran until Friday, ending without a deal.", "2024-06-01", "2024-05-31"),
    ("Prices fell after May 2, collapsing by half.", "2024-06-01", "2024-05-02"),
    ("The index has fallen since January, losing a third of its value.", "2024-06-01", "2024-01"),
)


def _named_by(sentence: str, date_end: int, inside: list[Happening], found: list[Happening]) -> Happening | None:
    """The happening a date names ("since the January 1998 bombing", "after Friday's vote"), or None.

    Whatever word relates the date to the clause, the happening it names took place at that date. It is in the
    date's own clause (``inside``), but for a full date whose year is set off by commas, which names the
    happening right after the comma past the clause break (``found``: "the Dec. 21, 1988, bombing"); a date
    and a comma before a word of another clause name nothing ("held the town since 2019, killing dozens").
    """
    named = next((h for h in inside if h.start >= date_end and h.kind == Kind.FACTUAL
                  and _NAMING_GAP.fullmatch(sentence, date_end, h.start)), None)
    if named is None and YEAR_SET_OFF.search(sentence, 0, date_end):
        named = next((h for h in found if h.start >= date_end and h.kind == Kind.FACTUAL
                      and _SET_OFF_GAP.fullmatch(sentence, date_end, h.start)), None)
    return named


# A subject whose participle tells a happening with its date, then the clause's verb: "97 of the 251 hostages abducted
# by Hamas on October 7 remain in Gaza", "two men arrested on Friday were charged".
_VERB_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|must|should|can|remain|"
                         r"remains|remained|still|now)\b", re.IGNORECASE)
_NOT_A_NOUN = frozenset("""is are was were be been being has have had get got do does did will would could may might
must should can not also who which that it he she they we i you and or but then""".split())
_PHRASE_OPENS = re.compile(r"(?:[,;:(]|\b(?:that|whether|said|says|told))\s+")
# An object's noun phrase before its participle: a determiner or a number, then up to two words ("the 251 hostages",
# "97 of the hostages").
_OBJECT_PHRASE = re.compile(r"\b(?:\d[\d,]*\s+of\s+)?(?:(?i:the|these|those|its|their|his|her)\s+|\d[\d,]*\s+)"
                            r"(?:[\w-]+\s+){0,2}$")
# (sentence, publication day, the participle, its value, the clause's verb placed elsewhere or ""): run as tests
MODIFIER_DATE_EXAMPLES = (
    ("It is believed that 97 of the 251 hostages abducted by Hamas on October 7 remain in Gaza.", "2024-11-03",
     "abducted", "2024-10-07", ""),
    ("Two men arrested on Friday were charged with the killing.", "2024-06-03", "arrested", "2024-05-31",
     "charged"),
    ("Hamas is still holding the hostages abducted on October 7 in Gaza.", "2024-11-03", "abducted", "2024-10-07",
     "holding"),
    # look-alikes: the participle is the clause's verb, or what follows the date is no verb; after a verb told in the
    # past the date is that verb's, as readers take it ("freed … on Friday", "sentenced … on Monday")
    ("Police freed the hostages seized on Friday.", "2024-06-03", "freed", "2024-05-31", ""),
    ("Hundreds gathered outside the court as the judge sentenced the former minister on Monday.", "2024-03-15",
     "gathered", "2024-03-11", ""),
    ("Police arrested two men on Friday.", "2024-06-03", "arrested", "2024-05-31", ""),
    ("The two men were arrested on Friday and have confessed.", "2024-06-03", "arrested", "2024-05-31", ""),
    ("Hostages seized on Friday, officials said.", "2024-06-03", "seized", "2024-05-31", ""),
    ("Officials confirmed prices jumped on Friday.", "2024-06-03", "jumped", "2024-05-31", ""),
)


def _modifier_dated(sentence: str, timex: Timex, offset: int,
                    inside: list[Happening]) -> tuple[Happening, tuple[int, int]] | None:
    """The participle a date tells the time of inside a subject ("the hostages abducted … on October 7 remain") or an
    object ("is still holding the hostages abducted on October 7"), with the words of that noun phrase; None
    unless the clause's verb follows the date or comes before the phrase."""
    date_start, date_end = timex.start - offset, timex.end - offset
    participle = next((h for h in reversed(inside) if h.end <= date_start), None)
    if participle is None or participle.kind != Kind.FACTUAL or not _is_participle(participle.word.lower()):
        return None
    gap = sentence[participle.end:date_start]
    before = sentence[:participle.start].split()
    if len(gap.split()) > 5 or any(mark in gap for mark in ",;:") or not before \
            or not before[-1].isalpha() or before[-1].lower() in _NOT_A_NOUN:
        return None  # "were arrested on Friday": the clause's own verb
    if _VERB_AFTER.match(sentence, date_end):
        opens = [m.end() for m in _PHRASE_OPENS.finditer(sentence, 0, participle.start)]
        return participle, (opens[-1] if opens else 0, date_end)
    # an object's participle only after a verb told in the present or present perfect ("is still holding the hostages
    # abducted on October 7"), whose time no past date can be; after a past verb the date is that verb's
    phrase = _OBJECT_PHRASE.search(sentence, 0, participle.start)
    if phrase is not None and any(h.end <= phrase.start() and h.kind == Kind.FACTUAL
                                  and verb_form(sentence, h.start, h.word) in (Form.PRESENT, Form.PERFECT)
                                  for h in inside):
        return participle, (phrase.start(), date_end)
    return None


def _is_participle(word: str) -> bool:
    return (word.endswith("ed") and word not in lx.NOT_PAST_ED) or (word.endswith("en") and len(word) > 4) \
        or word in lx.PAST_CUES


def _thing_named(sentence: str, timex: Timex, offset: int, published: date | None,
                 found: list[Happening]) -> Happening | None:
    """The thing a date before a noun names ("that 1978 resolution", "its fourth-quarter slump"), as the happening
    the date places: planned when the date is still to come. The clause's verb is not at that date."""
    span = premodified(sentence, timex.start - offset, timex.end - offset)
    if span is None:
        return None
    if (same := next((h for h in found if h.start == span[0]), None)) is not None:
        return same
    kind = Kind.PLANNED if _after(timex.interval.begin.date(), published) else Kind.FACTUAL
    return Happening(span[0], span[1], sentence[span[0]:span[1]], kind)


def _told(sentence: str, inside: list[Happening], clause_end: int) -> list[tuple[list[Happening], str]]:
    """What a clause without a date tells: its happenings, and a plan told beside its factual happening.

    "The board approved a plan to close the plant": the approval is news, the closing is still to come, so
    the plan is an event of its own, titled by its own words with its doer when the words tell it ("Close the
    plant", "The army to kill Hamas leaders"); "" titles by the sentence.
    """
    main = _main_of(inside)
    # a hypothetical happening beside the clause's news or plan is an event of its own, hidden by default ("sent
    # the rifle to a laboratory to determine whether …"); not what a factual one failed or refused to do
    hypothetical = [([h], "") for h in inside if main.kind != Kind.HYPOTHETICAL and h.kind == Kind.HYPOTHETICAL
                    and _governing(sentence, h, inside) is None]
    plan = next((n for n, h in enumerate(inside) if h.kind == Kind.PLANNED and h.start > main.start), None)
    if main.kind != Kind.FACTUAL or plan is None:
        return [(inside, ""), *hypothetical]
    setter = inside[plan - 1]  # the verb that sets the plan: "ordered" in "ordered the army to kill"
    title = plan_title(sentence, (setter.start, setter.end), main.start, inside[plan].start, clause_end)
    return [(inside, ""), (inside[plan:], title), *hypothetical] if title else [(inside, ""), *hypothetical]


# A report's participle set off after what it reports, with its own date: "the agreement, announced Friday,"
# tells when the agreement was made known; it reports no clause, so it is a happening of its own at that date.
_SET_OFF_BEFORE = re.compile(r"[A-Za-z0-9)'’]\s*,\s*$")
_DATE_AFTER = re.compile(r"\s+(?:(?:on|in|at|last|early|late)\s+)*")
_SET_OFF_AFTER = re.compile(r"\s*(?:,|[.;]?$)")
# (sentence, publication day, the report's word, the day it is placed at or "" for none): run as tests
DATED_REPORT_EXAMPLES = (
    ("Under the agreement, announced Friday, holders would receive $42 a share.", "2024-06-03", "announced",
     "2024-05-31"),
    ("The plan, unveiled on Tuesday, calls for 2,000 job cuts.", "2024-06-03", "unveiled", "2024-05-28"),
    # look-alikes: a report of a clause, with or without a subject set off by commas
    ("Smith, the mayor, said Friday that the plant would close.", "2024-06-03", "said", ""),
    ("Officials announced Friday that the plant would close.", "2024-06-03", "announced", ""),
    ("The plan, first reported, drew protests on Friday.", "2024-06-03", "reported", ""),
)


def _happenings(sentence: str, labelled: list[Happening], dates: list[Timex], offset: int) -> list[Happening]:
    """The model's happenings but reports (a report's participle set off with its own date is one, as is a report
    of a thing: see DATED_REPORT_EXAMPLES, ANNOUNCED_THING_EXAMPLES), each of the kind its words tell: "if" makes it
    hypothetical; "will continue" factual, going on; what someone is asked to do, a plan cue ("aims to cut", "said it
    would cut") or a clause of time after a plan ("soon after he reaches 65") planned. ``dates`` are the sentence's,
    at ``offset`` in the article."""
    found = []
    for h in labelled:
        if h.kind == Kind.REPORTING:
            if not (_dated_report(sentence, h, dates, offset) or reports_a_thing(sentence, h.end, h.word)):
                continue
            h = replace(h, kind=Kind.FACTUAL)
        if is_conditional(sentence, h.start) or rewarded(sentence, h.start):
            h = replace(h, kind=Kind.HYPOTHETICAL)
        elif h.kind in (Kind.FACTUAL, Kind.PLANNED) and goes_on(sentence, h.start, h.word) \
                and not any(t.start - offset > h.start for t in dates):  # "will continue through next year": to then
            h = replace(h, kind=Kind.FACTUAL)  # "will continue to search": going on now, not a plan
        elif h.kind in (Kind.HYPOTHETICAL, Kind.FACTUAL) and (is_planned(sentence, h.start) or (
                verb_form(sentence, h.start, h.word) == Form.FUTURE and not negated(sentence, h.start))
                or reported_future(sentence, h.start)):
            h = replace(h, kind=Kind.PLANNED)
        found.append(h)
    if not any(h.kind in (Kind.FACTUAL, Kind.PLANNED) for h in found):
        report = next((h for h in labelled if h.kind == Kind.REPORTING and _report_dated(sentence, h, dates, offset)), None)
        if report is not None:  # "In early 1997, Yeltsin told Clinton he could live with …": the telling is the news
            found = sorted([*found, replace(report, kind=Kind.FACTUAL)], key=lambda h: h.start)
    return found


# (sentence, publication day, the report's word, the value of its event or "" for none): run as tests. A report with
# its own date, in a sentence that tells no factual or planned happening, is the happening at that date.
DATED_STATEMENT_EXAMPLES = (
    ("In early 1997, President Yeltsin told President Clinton he could live with NATO expansion.", "1999-03-12",
     "told", "1997"),
    ("The minister said on Friday he might resign.", "2024-06-03", "said", "2024-05-31"),
    # look-alikes: the report of a factual or planned happening, a report with no date of its own
    ("The minister said on Friday the plant would close.", "2024-06-03", "said", ""),
    ("Officials said Friday that police arrested two men.", "2024-06-03", "said", ""),
    ("The minister said he might resign in March.", "2024-06-03", "said", ""),
    ("He might resign in March, the minister said.", "2024-06-03", "said", ""),
)


def _report_dated(sentence: str, report: Happening, dates: list[Timex], offset: int) -> bool:
    """A report with a date that says when: opening the sentence ("In early 1997, Yeltsin told"), right before it
    ("the minister on Friday said") or right after it ("said on Friday"); not a date of the words it reports
    ("He might resign in March, the minister said")."""
    after = _DATE_AFTER.match(sentence, report.end)
    return any(relation_of(sentence, t.start - offset) == Relation.AT
               and ((t.end - offset <= report.start and (len(sentence[:t.start - offset].split()) <= 2
                                                          or not sentence[t.end - offset:report.start].strip()))
                    or (after is not None and t.start - offset == after.end()))
               for t in dates)


def _dated_report(sentence: str, report: Happening, dates: list[Timex], offset: int) -> bool:
    """A report's participle set off by a comma after a word, with a date of its own right after it
    (", announced Friday,")."""
    if not report.word.lower().endswith("ed") or not _SET_OFF_BEFORE.search(sentence, 0, report.start):
        return False
    if (after := _DATE_AFTER.match(sentence, report.end)) is None:
        return False  # "…, announced." or "…, announced," : no date of its own
    return any(t.start - offset == after.end() and _SET_OFF_AFTER.match(sentence, t.end - offset) for t in dates)


_TO_BETWEEN = re.compile(r"\s+to\s+(?:\w+ly\s+)?")
# (sentence, publication day, the word, its value): run as tests. A happening that did not happen, told as what
# a factual one failed or refused to do, leaves the date to that one; alone, it makes no event of the date.
GOVERNED_EXAMPLES = (
    ("In Sunday's debate, he attacked the mayor for failing to enforce a court order in 1992.", "2024-06-05",
     "failing", "1992"),
    ("The president on Friday hailed the bill, but he refused to sign it on Monday.", "2024-06-05", "refused",
     "2024-06-03"),
)


def _governing(sentence: str, hypothetical: Happening, found: list[Happening]) -> Happening | None:
    """The factual happening whose infinitive a hypothetical one is ("failing to enforce", "refused to sign"),
    or None."""
    return next((h for h in found if h.kind == Kind.FACTUAL and h.end <= hypothetical.start
                 and _TO_BETWEEN.fullmatch(sentence, h.end, hypothetical.start)), None)


def _dated_event(article: Article, index: int, span: tuple[int, int], timex: Timex,
                 found: list[Happening], phrase: tuple[int, int] | None = None) -> Event | None:
    """A happening placed by a date in its clause; none for a bare date or a hypothetical happening. ``phrase``:
    the words that tell it, when only they do (a subject's modifier), as its title."""
    start, end = span
    sentence = article.text[start:end]
    if len(list(islice(_WORD.finditer(sentence.replace(timex.text, " ")), 3))) < 3:
        return None  # a dateline or a bare date, not a statement
    # the happening a date tells the time of: the last one before it ("warned officials Wednesday"), else the next;
    # a period's end ("the quarter ended Sept. 30") dates only that end, not the figures told for the period
    before = [h for h in found if h.start < timex.start - start]
    nearest = before[-1] if before else next(iter(found), None)
    if (end := _PERIOD_END.search(sentence, 0, timex.start - start)) is not None:
        nearest = Happening(end.start(1), end.end(1), end.group(1), Kind.FACTUAL)
    if nearest is not None and _after(timex.interval.begin.date(), article.published) \
            and _told_as_done(sentence, nearest):
        nearest = None  # "extended to Nov. 20 its offer": the date is of what is to come, the extending is news
    if nearest is not None and nearest.kind == Kind.HYPOTHETICAL:
        nearest = _governing(sentence, nearest, found)  # "failed to pay its debts in March": the failing's date
        if nearest is None:
            return None
    # a happening dated after its report is still to come, whatever its tense ("a referendum next year")
    to_come = (nearest is not None and nearest.kind == Kind.PLANNED) or _after(timex.interval.begin.date(), article.published)
    modality = Modality.PLANNED if to_come else Modality.FACTUAL
    title = make_title(sentence[slice(*phrase)]) if phrase else make_title(sentence, timex.start - start, timex.end - start)
    if not title:
        return None
    confidence = _CONFIDENCE_BY_ANCHOR.get(timex.anchor, 0.6)
    if article.published_confidence == "low" and timex.anchor:
        confidence -= 0.3
    names = _sentence_names(sentence, article.text)
    return Event(
        id=_event_id(article.id, timex.start, timex.value), interval=timex.interval, value=timex.value, mod=timex.mod,
        date_text=timex.text, title=title, sentence=sentence, explanation=timex.explanation,
        confidence=round(confidence, 2),
        sources=[_source(article, span, (timex.start, timex.end), timex.text, _word_span(start, nearest, timex))],
        names=names, centrality=salience(article, index, sentence, True, names),
        named_as=named_happening(article.text, timex.end),
        year_guessed=_year_guessed(timex),
        placement=Placement.WRITTEN, modality=modality)


def _undated_event(article: Article, index: int, span: tuple[int, int], clause: list[Happening], relative: list[Timex],
                   story: Story, headline: bool, sentence_date: Timex | None, title: str = "",
                   own_date: Timex | None = None) -> Event | None:
    """A happening with no date of its own: a plan's target date, the story's time, or the reporting time.

    ``clause`` holds the happenings of its clause, the first factual or planned one its main happening
    (``title`` its title when not the sentence's).
    ``sentence_date`` is a date another clause of the sentence gives: past news told beside it shares
    its date ("During the third quarter, the company charged $46 million, added $20 million …"); ``own_date`` one
    that says when in the clause itself, where a hypothetical happening would be.
    """
    main = _main_of(clause)
    start, end = span
    sentence = article.text[start:end]
    names = _sentence_names(sentence, article.text)
    title = title or make_title(sentence, main.start, main.end)
    if not title:
        return None
    if relative:  # "since October 1997", "by the end of 2012"
        relation = relating_words(sentence, relative[0].start - start) + relative[0].text
    else:  # "a day after the merger was announced"
        relation = linked_clause(sentence, main.end)
    target = relative[0] if relative and main.kind == Kind.PLANNED and relative[0].interval is not None else None
    written = (target.start, target.end, target.text) if target else (start, start, "")  # the target's words, else none
    source = _source(article, span, written[:2], written[2], (main.start + start, main.end + start))
    common = dict(title=title, sentence=sentence, sources=[source], names=names,
                  centrality=salience(article, index, sentence, False, names), placement=Placement.INFERRED,
                  modality=main.modality, relation=relation)
    if target is not None:  # "aims to cut 30,000 jobs by 2012": at its target
        time = Inferred(target.interval, target.value, target.mod, f"planned, target {relation}: {target.explanation}")
    elif main.kind == Kind.HYPOTHETICAL:
        time = _hypothetical_time(article, sentence, main, story, sentence_date, own_date)
    else:
        time = _time_from_context(article, sentence, main, clause, story, headline, sentence_date)
        if relation:
            time = replace(time, explanation=f"{time.explanation}; '{relation}' is a time it relates to, not its own")
    return Event(id=_event_id(article.id, main.start + start, time.value), interval=time.interval, value=time.value,
                 mod=time.mod, date_text=written[2], explanation=time.explanation, year_guessed=time.year_guessed,
                 confidence=0.6 if target else 0.5, **common)


def _main_of(clause: list[Happening]) -> Happening | None:
    """A clause's main happening: its first factual or planned one, else its first hypothetical one."""
    return next((h for h in clause if h.kind in (Kind.FACTUAL, Kind.PLANNED)), None) \
        or next((h for h in clause if h.kind == Kind.HYPOTHETICAL), None)


# (sentence, publication day, the word, the modality of its event, its begin): run as tests. A hypothetical
# happening is an event the views hide, after the report, or where it would have happened when it is a negated past
# one: "Police did not find the weapon" tells of a search, but the finding it names did not happen, so a timeline
# of what happened must not show it unless asked; a factual happening beside it keeps its own event, shown.
HYPOTHETICAL_EXAMPLES = (
    ("If the talks fail, the union would strike.", "2024-06-05", "strike", "hypothetical", "2024-06-06"),
    ("The union struck on Monday.", "2024-06-05", "struck", "factual", "2024-06-03"),
    ("Police did not find the weapon.", "2024-06-05", "find", "hypothetical", "2024-05-30"),
    ("Two more hostages have not yet been found.", "2024-06-05", "found", "hypothetical", "2024-05-30"),
    ("The strike could cost the airline $50m.", "2024-06-05", "cost", "hypothetical", "2024-06-06"),
    ("Police sent the rifle to a laboratory to determine whether it was the weapon.", "2024-06-05", "sent",
     "factual", "2024-05-30"),
    ("Police sent the rifle to a laboratory to determine whether it was the weapon.", "2024-06-05", "determine",
     "hypothetical", "2024-05-30"),
    ("The company will hire staff to run the plant.", "2024-06-05", "run", "hypothetical", "2024-06-06"),
    # a happening told with a modal of what may come: only possible, after the report
    ("A state trial would likely precede a federal one.", "2024-06-05", "precede", "hypothetical", "2024-06-06"),
    ("The ruling may delay the election.", "2024-06-05", "delay", "hypothetical", "2024-06-06"),
    ("Such attacks must be met with a crackdown.", "2024-06-05", "met", "hypothetical", "2024-06-06"),
    # look-alikes: what is planned stays planned and shown; a report of a "would" is a plan; a modal of the past
    # sits where it would have happened; a modal in another clause leaves a factual happening alone
    ("The barn may have been set afire on Monday.", "2024-06-05", "set", "hypothetical", "2024-06-03"),
    ("Police found a rifle, which may belong to the gunman.", "2024-06-05", "found", "factual", "2024-05-30"),
    ("Police offered a $10,000 reward for information leading to the arrest of the gunman.", "2024-06-05", "arrest",
     "hypothetical", "2024-06-06"),
    ("Officials said it is unknown whether he crossed into Mexico.", "2024-06-05", "crossed", "hypothetical",
     "2024-05-30"),
    ("If the talks fail, the union would strike in July.", "2024-06-05", "strike", "hypothetical", "2024-07-01"),
    ("The union will strike next week.", "2024-06-05", "strike", "planned", "2024-06-10"),
    ("The company said it would cut 500 jobs.", "2024-06-05", "cut", "planned", "2024-06-06"),
)


def _hypothetical_time(article: Article, sentence: str, main: Happening, story: Story, sentence_date: Timex | None,
                       own_date: Timex | None) -> Inferred:
    """Where a hypothetical happening would sit, its explanation saying what makes it one: at a date its clause
    says ("the union would strike in July"), a negated past one where it would have happened ("did not find"), any
    other after the report."""
    said = why(sentence, main.start)
    if own_date is not None:
        time = Inferred(own_date.interval, own_date.value, own_date.mod,
                        f"'{own_date.text}' in its clause ({own_date.value})", _year_guessed(own_date))
    elif sits_as_done(sentence, main.start, main.word) and verb_form(sentence, main.start, main.word) == Form.PERFECT:
        time = _reporting_time(article.published, Modality.FACTUAL, False)  # "have not been found": as of now
    elif sits_as_done(sentence, main.start, main.word):
        twin = replace(main, kind=Kind.FACTUAL)
        time = _time_from_context(article, sentence, twin, [twin], story, False, sentence_date)
    else:
        time = _reporting_time(article.published, Modality.HYPOTHETICAL, False)
    return replace(time, explanation=f"{said}; {time.explanation}")


def _time_from_context(article: Article, sentence: str, main: Happening, clause: list[Happening], story: Story,
                       headline: bool, sentence_date: Timex | None) -> Inferred:
    """The time of a happening without a date of its own: the story's, its sentence's, the news day's, or the report's."""
    if story.last is not None and main.kind == Kind.FACTUAL and continues_story(sentence):
        last = story.last
        return Inferred.like(last, f"no date in the sentence; it continues the story of '{last.date_text}' "
                                   f"({last.value})")
    adjunct = main.kind == Kind.FACTUAL and not headline and _participle_adjunct(sentence, main)
    present = main.kind == Kind.FACTUAL and not headline and not adjunct and (
        simple_present(sentence, main.start, main.word)  # "said it continues to hold": holds now
        or goes_on(sentence, main.start, main.word)  # "will remain in both posts": holds now and after
        or _tense_at(sentence, main.end) == Tense.PRESENT and not _PERFECT.search(sentence, 0, main.start))
    if present:  # "officials are counting on aid": now, whatever the story's other dates
        return _reporting_time(article.published, main.modality, headline, present)
    past = adjunct or main.kind == Kind.FACTUAL and not headline and any(
        _tense_at(sentence, h.end) == "past" and not _PERFECT.search(sentence, 0, h.start)
        for h in clause)  # the word itself counts: "sprayed"; "has sprayed" is news of now
    if past and sentence_date is not None:
        return Inferred(sentence_date.interval, sentence_date.value, sentence_date.mod,
                        f"no date in its clause; past tense beside '{sentence_date.text}' ({sentence_date.value}) "
                        "in the same sentence", _year_guessed(sentence_date))
    results = story.results
    if past and results is not None and _CHANGED_FROM.search(sentence) and results_told(sentence):
        return Inferred.like(results, f"no date in the sentence; a figure told after the results for "
                                      f"'{results.date_text}' ({results.value}), the period the report gives its "
                                      "figures for")
    told = story.paragraph
    if past and told is not None and not _in_reporting_window(told, article.published):
        return Inferred.like(told, f"no date in the sentence; past tense in a paragraph that tells of "
                                   f"'{told.date_text}' ({told.value})")
    news_day = story.news_day
    if past and news_day is not None:
        return Inferred.like(news_day, f"no date in the sentence; past tense in a report whose news day is "
                                       f"'{news_day.date_text}' ({news_day.value}), stated earlier")
    return _reporting_time(article.published, main.modality, headline)


_AFTER_A_CLAUSE = re.compile(r"\w[\w'’)]*\s+\w[^,;:]*,\s*$")  # a clause of two words or more, then its comma
# (sentence, publication day, the participle, its value): run as tests. A participle set off after a past clause
# tells what went with it ("called for …, vowing that …"): it shares that clause's time, whatever the tense of
# the words it reports.
PARTICIPLE_ADJUNCT_EXAMPLES = (
    ("On Monday, the candidate called for a new unit, vowing that he would set it up if elected.", "2024-06-05",
     "vowing", "2024-06-03"),
    ("Police on Monday arrested five men, ending a two-year hunt.", "2024-06-05", "ending", "2024-06-03"),
    # look-alikes: a participle that opens its sentence, and one with an auxiliary of its own
    ("Speaking on Monday, the minister promised aid.", "2024-06-05", "Speaking", "2024-06-03"),
    ("On Monday, the candidate called for a new unit, and he is vowing to set it up.", "2024-06-05", "vowing",
     "2024-06-05"),
    ("The candidate is calling for a new unit, vowing that he would set it up.", "2024-06-05", "vowing", "2024-06-05"),
)


def _participle_adjunct(sentence: str, main: Happening) -> bool:
    """A present participle set off by a comma after a past clause ("called for …, vowing that he would …"),
    with no auxiliary of its own: it goes with that clause, not with the tense of the words it reports."""
    if not main.word.lower().endswith("ing") or not _AFTER_A_CLAUSE.search(sentence, 0, main.start) \
            or verb_form(sentence, main.start, main.word) != Form.UNKNOWN:
        return False
    before = sentence[:main.start].rstrip(" ,")
    return _tense_at(before, len(before) - 1) == Tense.PAST  # "is trying to woo …, hoping": now, not past


def _year_guessed(timex: Timex) -> bool:
    """The words gave no year and the publication date chose it: lent with its guess, but not when it names a
    happening (merging may still correct that year)."""
    return not timex.year_stated and timex.anchor == Anchor.DCT


def _in_reporting_window(event: Event, published: date | None) -> bool:
    """Placed on a single day (or part of one) within the days a report's news covers."""
    if published is None or not Precision(event.precision).is_point:
        return False
    return timedelta(0) <= published - event.begin.date() <= timedelta(days=REPORTING_WINDOW)


def _source(article: Article, span: tuple[int, int], date_span: tuple[int, int], date_text: str,
            happening_span: tuple[int, int]) -> Source:
    return Source(article.id, article.title, article.outlet, article.url, article.origin, article.text[span[0]:span[1]],
                  span, date_span, date_text, happening_span)


def _word_span(offset: int, word: Happening | None, timex: Timex) -> tuple[int, int]:
    """Where the word a dated event is about lies in the article; the date's words when no word was found."""
    return (offset + word.start, offset + word.end) if word is not None else (timex.start, timex.end)


def salience(article: Article, index: int, sentence: str, explicit_date: bool, names: list[str]) -> float:
    """How central a happening is to its article: headline and lead first, an explicit date, a named actor.

    Merging adds the number of sources and the date's precision to make an event's score.
    """
    position = 1.0 / (1.0 + index / 5.0)
    lead = 0.5 if index < 3 or _key(sentence) == _key(article.title) else 0.0
    return round(position + lead + 0.25 * explicit_date + 0.25 * bool(names), 3)


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: the key under which repeated lines are one."""
    return " ".join(text.translate(_QUOTES).lower().split()).strip(" .,;:!?'\"")


# The article's title is compared with each sentence, and a sentence's key asked for by each of its events.
_key = lru_cache(maxsize=64)(normalise)
# Where undated news sits depends only on the publication day and how the happening is told: the same few answers.
_reporting_time = lru_cache(maxsize=64)(reporting_time)


def _event_id(article_id: str, offset: int, value: str) -> str:
    digest = hashlib.sha1(f"{article_id}|{offset}|{value}".encode()).hexdigest()[:10]
    return f"e{digest}"
