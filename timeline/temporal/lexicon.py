"""English word lists for the tagger, kept as data apart from the rules and the arithmetic.

Each table maps a written form (lower case) to its meaning; the rules build
their regular expressions from the keys, and the resolvers read the values.
"""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    """Which occurrence a direction word points to, counted from the publication date."""

    LAST = "last"  # the one before: "last March", "this past Friday"
    NEXT = "next"  # the one after: "next March", "this coming Friday"
    THIS = "this"  # the one of the current period: "this summer"


# The one table of direction words: every rule reads "last", "past", "coming" … through it.
DIRECTION_WORDS: dict[str, Direction] = {
    "last": Direction.LAST, "past": Direction.LAST, "this past": Direction.LAST,
    "next": Direction.NEXT, "coming": Direction.NEXT, "this coming": Direction.NEXT,
    "this": Direction.THIS, "current": Direction.THIS,
    "latest": Direction.LAST, "most recent": Direction.LAST,  # "the latest quarter": the last full one
}
# Steps a direction moves a granule of the publication date: "last week" is one week back.
DIRECTION_STEPS: dict[Direction, int] = {Direction.LAST: -1, Direction.NEXT: 1, Direction.THIS: 0}
# Words that count from the date last mentioned, and the steps they take: "the following day", "that year".
MENTION_STEPS: dict[str, int] = {
    "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0, "that": 0, "that same": 0,
}
# Words after a counted time: which way it counts, and whether from the date last mentioned ("three days
# later") rather than the publication date ("three days ago").
COUNT_DIRECTIONS: dict[str, tuple[Direction, bool]] = {
    "ago": (Direction.LAST, False), "hence": (Direction.NEXT, False), "from now": (Direction.NEXT, False),
    "earlier": (Direction.LAST, True), "before": (Direction.LAST, True), "later": (Direction.NEXT, True),
    "after": (Direction.NEXT, True),
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Month words that are also ordinary English words; alone they need a cue.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "mar", "jan", "jun", "jul", "sep"})

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "mon": 1,
    "tuesday": 2, "tues": 2, "tue": 2,
    "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thur": 4, "thu": 4,
    "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

# Abbreviations that are common words; they count as weekdays only with a dot.
AMBIGUOUS_WEEKDAYS: frozenset[str] = frozenset({"mon", "wed", "sat", "sun", "fri", "tue", "thu", "thur"})

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "mornings": "MO",
    "afternoon": "AF", "afternoons": "AF",
    "evening": "EV", "evenings": "EV",
    "night": "NI", "nights": "NI", "overnight": "NI",
    "daytime": "DT",
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

# Calendar units: TIMEX3 duration letter and whether it is a time (PT...) unit.
UNITS: dict[str, tuple[str, bool]] = {
    "seconds": ("S", True),
    "minute": ("M", True), "minutes": ("M", True), "min": ("M", True), "mins": ("M", True),
    "hour": ("H", True), "hours": ("H", True), "hr": ("H", True), "hrs": ("H", True),
    "day": ("D", False), "days": ("D", False),
    "week": ("W", False), "weeks": ("W", False),
    "fortnight": ("2W", False), "fortnights": ("2W", False),
    "month": ("M", False), "months": ("M", False),
    "quarter": ("Q", False), "quarters": ("Q", False),
    "year": ("Y", False), "years": ("Y", False),
    "decade": ("DE", False), "decades": ("DE", False),
    "century": ("CE", False), "centuries": ("CE", False),
    "millennium": ("ML", False), "millennia": ("ML", False),
}

# Words for "every UNIT" sets.
FREQUENCY_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000,
    "a dozen": 12, "dozen": 12, "half a dozen": 6, "a couple of": 2, "a couple": 2, "couple of": 2,
}

# Quantities with no exact number: "several weeks" -> P<X>W.
VAGUE_QUANTITIES: frozenset[str] = frozenset({
    "several", "few", "a few", "many", "some", "numerous", "countless", "multiple",
    "recent", "the past few", "a number of",
})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11,
    "twelfth": 12, "12th": 12, "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14,
    "fifteenth": 15, "15th": 15, "sixteenth": 16, "16th": 16, "seventeenth": 17, "17th": 17,
    "eighteenth": 18, "18th": 18, "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20,
    "twenty-first": 21, "21st": 21, "twenty-second": 22, "22nd": 22, "last": -1, "final": -1,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}

# "early November" -> START; the TIMEX3 mod for each position word.
POSITION_MODS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START", "beginning of": "START",
    "start of": "START", "the dawn of": "START", "earlier": "START", "the early": "START",
    "mid": "MID", "mid-": "MID", "middle of": "MID", "the middle of": "MID", "the mid": "MID",
    "late": "END", "the end of": "END", "end of": "END", "the close of": "END", "later": "END",
}

# "more than a year" -> MORE_THAN; quantity hedges in front of durations and "ago" phrases.
QUANTITY_MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN", "longer than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "not quite": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "some of": "APPROX", "nearly about": "APPROX",
}

# Words before a number that make it a name or a count, never a date: "Channel 12".
NUMBER_NAME_CUES: frozenset[str] = frozenset({
    "channel", "route", "highway", "interstate", "boeing", "airbus", "flight", "room", "no",
    "number", "apollo", "windows", "article", "section", "chapter", "page", "pages", "resolution",
    "version", "model", "psalm", "vol", "volume", "platform", "gate", "bus", "line", "suite",
    "ward", "district", "precinct", "exit", "floor",
    "mig", "iphone", "galaxy", "pixel", "xbox", "playstation",
    "cnn", "bbc", "fox", "abc", "nbc", "cbs", "kan", "i24", "h.r", "rule", "regulation",
    "amendment", "paragraph", "clause", "figure", "fig", "table", "tier",
    "squadron", "brigade", "division", "battalion", "regiment",
    "apt", "apartment", "street", "st", "avenue", "ave", "road", "rd", "box", "po",
})

# Nouns after a number that make it a count, never a year: "1,200 people", "2000 troops".
COUNT_NOUNS: frozenset[str] = frozenset({
    "people", "persons", "men", "women", "children", "kids", "hostages", "prisoners", "troops",
    "soldiers", "fighters", "civilians", "combatants", "terrorists", "militants", "victims",
    "residents", "workers", "employees", "jobs", "members", "voters", "votes", "seats", "cases",
    "deaths", "dead", "casualties", "injured", "wounded", "refugees", "migrants", "students",
    "units", "homes", "houses", "buildings", "cars", "vehicles", "rockets", "missiles", "shells",
    "tons", "tonnes", "barrels", "shares", "points", "dollars", "euros", "pounds", "yen",
    "percent", "per", "miles", "kilometers", "kilometres", "km", "meters", "metres", "feet",
    "acres", "hectares", "pages", "words", "copies", "items", "signatures", "patients", "beds",
    "calories", "degrees", "mph", "kg", "lbs", "users", "followers", "views", "ballots",
    "delegates", "officers", "police", "agents", "staff", "officials", "companies", "firms",
})

# Words that move a clause into the past, present or future: the tense cues.
FUTURE_CUES: frozenset[str] = frozenset({
    "will", "'ll", "shall", "won't", "going", "expected", "expects", "plans", "planned",
    "scheduled", "due", "intends", "aims", "hopes", "would", "upcoming", "coming", "next",
    "forthcoming", "later", "planning", "plan",
})
PAST_CUES: frozenset[str] = frozenset({
    "was", "were", "had", "did", "said", "told", "ago", "last", "earlier", "previously", "former",
    "been", "came", "went", "took", "made", "gave", "began", "saw", "met", "held", "left", "fell",
    "rose", "won", "lost", "led", "paid", "sold", "bought", "brought", "struck", "shot", "hit",
    "spent", "sent", "became", "got", "found", "thought", "knew", "wrote", "ran", "put", "fled",
    "killed", "announced", "reported", "broke", "chose", "drew", "drove",
    "flew", "forgot", "froze", "grew", "hid", "kept", "laid", "lay", "meant", "rang", "sang", "sat",
    "slept", "spoke", "stood", "stole", "swore", "taught", "threw", "understood",
    "woke", "wore", "withdrew", "overtook", "sought", "fought", "caught", "built", "felt", "heard",
})
PRESENT_CUES: frozenset[str] = frozenset({"is", "are", "am", "'s", "has", "have", "does", "do"})

# Words in -ed that are not past-tense verbs.
NOT_PAST_ED: frozenset[str] = frozenset({
    "need", "needed", "feed", "speed", "seed", "bed", "red", "shed", "indeed", "hundred",
    "proceed", "succeed", "exceed", "agreed", "breed", "creed", "greed", "weed", "steed",
    "embed", "bred", "fled", "united", "limited", "unprecedented", "detailed", "scheduled",
    "expected", "planned", "supposed", "alleged", "related", "based", "concerned",
})

# Words that, right before a date, point to a deadline or a start still to come.
DEADLINE_WORDS: frozenset[str] = frozenset({
    "until", "till", "by", "through", "effective", "payable", "expire", "expires", "expiring", "record",
    "due", "beginning", "starting", "scheduled", "slated", "before",
})
# Words before "to" that make it point ahead: "set to resume", "is to meet", "planning to drive".
TO_FUTURE: frozenset[str] = frozenset({
    "set", "is", "are", "due", "expected", "scheduled", "plan", "plans", "planned", "planning", "likely", "ready",
    "going", "about", "slated", "poised", "intends", "hopes", "wants", "aims", "prepared", "preparing",
})
# Verbs that move a date: "extended to Nov. 20" speaks of the future.
MOVED_WORDS: frozenset[str] = frozenset({
    "extended", "postponed", "delayed", "moved", "pushed", "adjourned", "deferred", "rescheduled",
})
# Past forms of verbs that tell how long something went on: right before "until"/"through" they end it in the
# past ("the talks ran until Friday"), where a deadline word alone points ahead ("valid until Friday").
DURATIVE_PAST: frozenset[str] = frozenset({
    "lasted", "ran", "continued", "stayed", "remained", "waited", "worked", "served", "lived", "ruled",
    "reigned", "held", "persisted", "raged", "dragged", "stood", "played", "sat", "slept",
})
# Deadline words that end a stretch of time, after which a durative past verb closes it.
STRETCH_ENDS: frozenset[str] = frozenset({"until", "till", "through"})
# Forms of 'be': before a participle they make it passive, not past.
BE_FORMS: frozenset[str] = frozenset({"be", "being", "is", "are", "am", "was", "were"})
# Words before 'plan' or an -ed word that make it a noun or an adjective.
DETERMINERS: frozenset[str] = frozenset({
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "of",
})


# Words before a year or a month that make it a date ("in 1997", "since May"): prepositions and time words.
PREPOSITION_CUES: frozenset[str] = frozenset({
    "in", "of", "on", "since", "until", "till", "by", "during", "from", "to", "through", "before",
    "after", "early", "late", "mid", "last", "next", "this", "and", "or", "between", "throughout",
    "around", "circa", "c", "the", "fiscal", "year", "summer", "spring", "autumn", "fall", "winter",
    "about", "for", "that", "past",
})

# Words that may follow a frequency word used as an adverb ("meets weekly and"), not as an adjective ("weekly paper").
FUNCTION_WORDS: frozenset[str] = frozenset({
    "and", "or", "to", "in", "on", "at", "by", "for", "from", "since", "until", "with", "basis", "but",
    "as", "than", "the", "a", "an", "during", "through", "so", "because", "while", "when", "if",
    "outside", "inside", "near", "across", "around", "over", "under", "into", "onto", "before", "after",
})

# Days named from the publication date: steps in days.
DEICTIC_DAYS: dict[str, int] = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2, "tonight": 0, "last night": -1, "overnight": 0,
}

# Vague references to a time, and the TIMEX3 value for each.
VAGUE_REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "the present": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    # "in the near term": the time just ahead, as a noun ("near-term", "short-term debt" are adjectives, no times)
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "one day": "FUTURE_REF",  # after a modal only; "someday" alone TimeBank leaves untagged
}
# Words before "one day" that make it "some day in the future" ("cars will one day outsell"), not a day's length.
MODALS: frozenset[str] = frozenset({"will", "would", "could", "may", "might", "can", "shall", "should", "to"})

# Holidays on a fixed day: (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26), "bastille day": (7, 14),
    "may day": (5, 1), "st. patrick's day": (3, 17), "new year": (1, 1),
}
# Holidays on the nth weekday of a month: (month, ISO weekday, nth with -1 for the last, days after it).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "thanksgiving": (11, 4, 4, 0), "thanksgiving day": (11, 4, 4, 0), "labor day": (9, 1, 1, 0),
    "memorial day": (5, 1, -1, 0), "martin luther king day": (1, 1, 3, 0), "presidents' day": (2, 1, 3, 0),
    "election day": (11, 1, 1, 1),  # the Tuesday after the first Monday of November
}

# Small words a title in Title Case may leave in lower case ("March of the Combatant Mothers").
TITLE_FUNCTION_WORDS: frozenset[str] = frozenset({
    "of", "the", "a", "an", "and", "or", "in", "on", "at", "for", "to", "with", "from", "by", "de", "la",
})
# Deictic words that, capitalised inside a sentence, are part of a name: "USA Today", "the Tonight Show".
DEICTIC_NAME_WORDS: frozenset[str] = frozenset({"today", "tonight", "tomorrow", "yesterday", "now"})
# Words that may follow a weekday in a date, unlike a name ("Friday Nov. 22", "Sunday morning").
TIME_WORDS: frozenset[str] = frozenset({
    *MONTHS, *WEEKDAYS, *PARTS_OF_DAY, "night", "eve", "noon", "midnight", "and", "or",
})
# Time zones written after a clock time ("18:00 UTC", "8 p.m. EST"); TIMEX3 values keep the time as written.
TIME_ZONES: frozenset[str] = frozenset({
    "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt", "pt", "akst", "hst",
    "bst", "cet", "cest", "eet", "eest", "wet", "west", "msk", "ist", "pkt", "jst", "kst", "hkt", "sgt", "aest",
    "aedt", "nzst", "nzdt",
})
# Words before a clock time written with a colon that make it one ("until 15:00").
CLOCK_PREPOSITIONS: frozenset[str] = frozenset({"at", "by", "until", "till", "from", "before", "after", "to", "since"})
# "in recent years", "recent decades": a vague stretch of the past, as TimeBank annotates them (PAST_REF);
# "recent days", "recent weeks", "recent months" it reads as lengths (PXD, PXW, PXM).
RECENT_PERIODS: frozenset[str] = frozenset({"years", "decades"})
# Words between a number and its unit that keep it a count of that unit: "20 more years", "eight trading days".
COUNT_ADJECTIVES: tuple[str, ...] = ("more", "additional", "extra", "trading", "business", "working", "calendar")
# Prefixes joined to a year by a hyphen that keep it a year: "mid-2015", "the post-1959 politics", "pre-1990 levels".
YEAR_PREFIXES: tuple[str, ...] = ("mid-", "pre-", "post-")
# Words before "the morning", "the evening" that make it a part of the day in the story ("in the morning").
PART_OF_DAY_PREPOSITIONS: frozenset[str] = frozenset({"in", "during", "by", "until", "till", "through", "throughout"})
# Words before "the last week", "the past year" that make it name the period rather than measure it.
PERIOD_NAMING_WORDS: frozenset[str] = frozenset({"in", "over", "during", "within", "throughout"})


# Word lists of the events stage.
# Month and weekday names that are never ordinary words ("May", "March" are): they say when, not what or who.
DATE_NAME_WORDS: frozenset[str] = (frozenset(MONTHS) | frozenset(WEEKDAYS)) - AMBIGUOUS_MONTHS - AMBIGUOUS_WEEKDAYS
# Capitalised words that start no name ('According to Reuters' -> 'Reuters'), and date words.
NAME_STOP_WORDS: frozenset[str] = frozenset({
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "if", "as", "by", "with", "from",
    "to", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that",
    "these", "those", "there", "here", "when", "while", "after", "before", "since", "during", "according",
    "meanwhile", "however", "also", "then", "now", "today", "yesterday", "tomorrow", "read", "more",
    "top", "former", "new", "senior", "president", "prime", "minister", "chief", "mr", "mrs", "ms", "dr",
    "some", "many", "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "last", "next", "early", "late", "mid", "earlier", "later", "such", "what", "who", "which", "why",
    "how", "not", "no", "yes", "it’s", "it's", "vowing", "sitting", "citing", "speaking", "recognizing",
    "back", "report", "reports", "officials", "sources",
}) | frozenset(MONTHS) | frozenset(WEEKDAYS)
# Connectors inside a name ('Izz al-Din Kassab', 'Bank of England') that cannot end one.
NAME_CONNECTORS: frozenset[str] = frozenset({"of", "the", "and", "for", "al", "bin"})
# Words too common to tell two statements apart when merging them.
TERM_STOP_WORDS: frozenset[str] = frozenset({
    "the", "and", "for", "that", "with", "was", "were", "has", "had", "have", "his", "her", "its", "their",
    "this", "from", "are", "been", "said", "says", "who", "which", "would", "will", "also", "after", "into",
    "than", "but", "not", "they", "them", "there", "about", "over", "more", "one", "some", "all", "out",
    "other", "during", "when", "where", "while", "what", "him", "she", "our", "can", "could", "may", "told",
    "according", "last", "just", "being", "such", "any", "only", "then", "now", "before", "since",
})
# Abbreviations whose full stop ends no sentence ('Mr.', 'Jan.', 'U.S.').
ABBREVIATIONS: frozenset[str] = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov",
    "pres", "rev", "st", "mt", "ft", "jr", "sr", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "no",
    "nos", "vs", "etc", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd", "vol", "fig",
    "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "i.e", "e.g",
})
