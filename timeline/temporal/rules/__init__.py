"""The tagger's rules, one module per family of expressions, and the order that breaks ties.

When two rules match the same longest span, the one named first in PRIORITY wins.
"""

from __future__ import annotations

from ..rule import Rule
from . import dates, durations, holidays, periods, relative, sets, times, years

PRIORITY = (
    "iso_date", "numeric_date", "month_day_year", "day_month_year", "week_of", "day_pair", "month_day", "day_month",
    "month_year", "month_alone", "year_span", "fiscal_year", "year", "decade", "century", "season", "quarter",
    "half_year", "reported_period", "year_ago_adjective", "year_period", "spelled_year", "holiday",
    "deictic_day", "this_part_of_day", "clock_time", "clock_in_part", "clock_24h",
    "part_of_day_time", "weekday", "relative_unit", "reporting_year",
    "period_edge", "the_weekend", "counted_relative", "long_compound", "duration", "bare_plural_duration",
    "frequency", "weekday_set", "day_of_month", "vague_reference", "same_period_year_before", "short_year", "the_year",
)
_FAMILIES = (dates, years, periods, holidays, relative, times, durations, sets)
RULES: list[Rule] = sorted((rule for family in _FAMILIES for rule in family.RULES), key=lambda r: PRIORITY.index(r.name))


# Things that look like dates but are not; each must give no timex over the named words.
NOT_DATES: tuple[tuple[str, str], ...] = (
    ("Iraq imports about three-quarters of its food", "three-quarters"),
    ("the Communist Party daily Granma reported", "daily"),
    ("Channel 12 news on Friday evening quoted a source", "Channel 12"),
    ("killing some 1,200 people", "1,200"),
    ("On April 24 and 25 soldiers were hurt", "25"),
    ("the Celtics led 4 in the morning session", "4 in the morning"),
    ("late afternoon trading was thin", "late afternoon"),
    ("the morning papers reported it", "morning"),
    ("For the sheriff, high noon has come.", "noon"),
    ("a quarter-to-quarter drop in sales", "quarter"),
    ("managing day-to-day operations", "day-to-day"),
    ("year-over-year growth slowed", "year"),
    ("He was 12 years old, in years of service second", "years"),
    ("he read the evening news", "evening"),
    ("In the morning of his career, he", "morning"),
    ("He founded The Seventies Club in London.", "Seventies"),
    ("the short term debt of the bank rose", "short term"),
    ("the near-term outlook is weak", "near-term"),
    ("seizing 251 hostages", "251"),
    ("The attack may have been retaliation", "may"),
    ("He has also appeared on Liberty Weekly, Around the Empire", "Weekly"),
    ("some 17,000 combatants", "17,000"),
    ("drove down Route 66 at night", "Route 66"),
    ("a Boeing 747 landed", "747"),
    ("Protesters march to the square", "march"),
    ("Martonyi of Hungary and Jan Kavan of the Czech Republic signed", "Jan"),
    ("He came second in the race", "second"),
    ("Call 555-1234 now", "555-1234"),
    ("It cost $1997 in total", "1997"),
    ("sent 2000 troops to the border", "2000"),
    ("a 40-year-old man", "40-year"),
    # names that contain time words
    ("This is VOA Today.", "Today"),
    ("he reads USA Today on the train", "Today"),
    ('speaking on ABC News\' "This Week," the secretary said', "This Week"),
    ("Gonzalez said on CBS's ''60 Minutes.''", "60 Minutes"),
    ("a column in The Sunday Times argued", "Sunday"),
    ("the Monday Club met in London", "Monday"),
    ("a picture from the film ``High Noon.''", "Noon"),
    ("at the head of the ``March of the Combatant Mothers,'' he", "March"),
    # 24-hour clocks need a zone or a word of time: scores, verses and restated times are not times
    ("Arsenal won 3:15 in the final", "3:15"),
    ("John 3:16 says it plainly", "3:16"),
    ("He scored '82 points, he said", "'82"),
    ("the score was 2 to 1 after extra time", "2 to 1"),
    ("She was named player of the year.", "the year"),
    ("The blast came at about 10:35 a.m. (0735 GMT) Friday", "0735 GMT"),
)
