"""Word lists for when a strike fell and whether it was one of many, and the words of date
expressions that dateparser leaves to us.

General news English for time and repetition, gathered while writing the strike rules; the dates
themselves are read by `services/extractor/text/dates.py`, where everything calendrical (weekday
and month names in all their spellings, "ago", "last week") is dateparser's.
"""

from __future__ import annotations

# Marks of a clause that tells another time: "after jets bombed ...".
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until"})
# Verbs that order two events: "the bombing followed an attack two days earlier".
SEQUENCE_VERBS = frozenset({"follow", "precede"})
# Words before "day" that count from a day told: "the following day".
RELATIVE_DAYS = frozenset({"following", "next", "previous", "preceding"})
# Said of the day the story is filed: wire style, where "overnight" means the night before filing.
REPORT_DAY_WORDS = frozenset({"today", "tonight", "overnight"})
# The day before filing.
PREVIOUS_DAY_WORDS = frozenset({"yesterday"})
# Words that stand before a date without changing it ("since May", "early Tuesday", "began in 2017").
DATE_LEAD_WORDS = frozenset(
    "on in at since from by until till through early late mid began begun started starting the of".split()
)
# Units of a length of time: "two days" is a duration unless a word below makes it a date.
DURATION_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
# Words that turn a length of time into a date counted from publication ("two days ago", "last week").
RELATIVE_WORDS = frozenset({"ago", "last", "this", "next", "past", "previous"})
# Day words the tagger does not always see as dates: "hit the city overnight".
DAY_WORDS = REPORT_DAY_WORDS | PREVIOUS_DAY_WORDS
# Words of a night, which may run into the next day: "late on Thursday", "the overnight attack".
EVENING_WORDS = frozenset({"late", "night", "evening", "midnight", "tonight"})
# Words that say a strike is repeated: "has struck Lebanon repeatedly".
REPEATED = frozenset({"repeatedly", "regularly", "daily", "nightly", "routinely", "frequently", "frequent"})
# Words that make plural strikes a campaign: "strikes since March", "waves of strikes".
CAMPAIGN_CUES = frozenset(
    "since majority repeatedly repeated daily nightly weeks months ongoing wave waves campaign past "
    "recent".split()
)
