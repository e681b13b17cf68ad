"""Word lists for when a strike fell and whether it was one of many.

General news English for time and repetition, gathered while writing the strike rules; the dates
themselves are read by `services/extractor/text/dates.py`.
"""

from __future__ import annotations

# Marks of a clause that tells another time: "after jets bombed ...".
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until"})
# Verbs that order two events: "the bombing followed an attack two days earlier".
SEQUENCE_VERBS = frozenset({"follow", "precede"})
# Words before "day" that count from a day told: "the following day".
RELATIVE_DAYS = frozenset({"following", "next", "previous", "preceding"})
# Day words the tagger does not always see as dates: "hit the city overnight".
DAY_WORDS = frozenset({"yesterday", "today", "tonight", "overnight"})
# Words of a night, which may run into the next day: "late on Thursday", "the overnight attack".
EVENING_WORDS = frozenset({"late", "night", "evening", "midnight", "tonight"})
# Words that say a strike is repeated: "has struck Lebanon repeatedly".
REPEATED = frozenset({"repeatedly", "regularly", "daily", "nightly", "routinely", "frequently", "frequent"})
# Words that make plural strikes a campaign: "strikes since March", "waves of strikes".
CAMPAIGN_CUES = frozenset(
    "since majority repeatedly repeated daily nightly weeks months ongoing wave waves campaign past "
    "recent".split()
)
