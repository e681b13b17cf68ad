"""Words of date expressions that dateparser leaves to us (text/dates.py).

Everything calendrical (weekday and month names in all their spellings, "ago", "last week") is
dateparser's; these are the few words news English uses around it.
"""

from __future__ import annotations

# Said of the day the story is filed: wire style, where "overnight" means the night before filing.
REPORT_DAY_WORDS = frozenset({"today", "tonight", "overnight"})
# The day before filing.
PREVIOUS_DAY_WORDS = frozenset({"yesterday"})
# Words that stand before a date without changing it ("since May", "early Tuesday", "began in 2017").
DATE_LEAD_WORDS = frozenset(
    "on in at since from by until till through early late mid began begun started starting the of".split()
)
# Small counts of days spelled out, as "two days earlier" uses them.
DAY_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Units of a length of time: "two days" is a duration unless a word below makes it a date.
DURATION_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
# Words that turn a length of time into a date counted from publication ("two days ago", "last week").
RELATIVE_WORDS = frozenset({"ago", "last", "this", "next", "past", "previous"})
