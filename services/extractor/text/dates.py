"""Date expressions of news text resolved against the publication date, to an ISO day or month.

The calendar work (weekdays, month names, "three days ago", "last week") is dateparser's, with
the publication day as its relative base. What stays here is what it does not do: counting
from the day a story is telling ("two days earlier", "hours later"), the report-day words
("overnight"), "last September" (strictly before this month), a weekday that is the publication
day itself, and the precision a strike date can carry: a day, or a month (a week gives its month
when it lies in one; a year alone is too vague and gives None).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from schemas.records import DatePrecision, precision_of
from services.extractor.lexicon.time import (
    DATE_LEAD_WORDS,
    DURATION_UNITS,
    PREVIOUS_DAY_WORDS,
    RELATIVE_WORDS,
    REPORT_DAY_WORDS,
)
from services.extractor.text.numbers import number_value

# The calendar's own English names: "sept" and "sept." are dateparser's business, not a list here.
WEEKDAYS = frozenset(name.lower() for name in calendar.day_name)
MONTH_PREFIXES = tuple(name.lower()[:3] for name in calendar.month_name[1:])

# Days counted from the day the story is about: "a day earlier", "two days before", "the next day".
_DAYS_AWAY = re.compile(r"\b(a|\d+|[a-z]+)\s+days?\s+(earlier|before|later|after)\b")
_DAY_AWAY = re.compile(r"\bthe\s+(previous|preceding|next|following)\s+day\b|\bthe\s+day\s+(before|after)\b")
# "Hours later", "later that day": the day being told, which only a story that has told one has.
_SAME_DAY = re.compile(
    r"\b(hours|minutes|moments)\s+(later|earlier)\b|\b(later|earlier)\s+(that|the same)\s+day\b"
)
_LAST_MONTH_NAME = re.compile(r"\blast\s+(" + "|".join(MONTH_PREFIXES) + r")[a-z]*\.?(?!\s*\d)")
_YEAR = re.compile(r"\b\d{4}\b")
# "last week", "this week", "the past weekend": a week, which a strike date gives as its month.
_WEEK = re.compile(r"\bweek(?:end)?s?\b")
_WORD = re.compile(r"[a-z0-9.,:/-]+(?:'s|\u2019s)?")


def resolve_date(text: str, published_at: date | None, anchor: date | None = None) -> str | None:
    """ISO day ("2015-09-30") or month ("2015-09") for a date expression, or None if it names neither.

    `anchor` is the day the story has been telling, which "a day earlier" counts from; publication
    stands in for it."""
    lowered = re.sub(r"(?:'s|\u2019s)\b", "", text.lower()).replace("mid-", "mid ")
    if anchor and _SAME_DAY.search(lowered):
        return anchor.isoformat()
    base = anchor or published_at
    counted = _from_anchor(lowered, base) if base else None
    if counted:
        return counted
    if published_at is None:
        # Without a publication day only a date that names its year can be placed.
        return _parsed(lowered, date(1900, 1, 1)) if _YEAR.search(lowered) else None
    return _around_publication(lowered, published_at)


def _around_publication(lowered: str, published_at: date) -> str | None:
    words = set(re.findall(r"[a-z]+", lowered))
    if words & REPORT_DAY_WORDS or "this morning" in lowered:
        return published_at.isoformat()
    if words & PREVIOUS_DAY_WORDS or "last night" in lowered:
        return (published_at - timedelta(days=1)).isoformat()
    last_month = _LAST_MONTH_NAME.search(lowered)
    if last_month:
        month = MONTH_PREFIXES.index(last_month.group(1)[:3]) + 1
        year = published_at.year - (month >= published_at.month)
        return f"{year:04d}-{month:02d}"
    weekday = published_at.strftime("%A").lower()
    if weekday in words and "last" not in words and not _names_a_month(words):
        return published_at.isoformat()  # "Friday" said on a Friday is that day, not a week ago
    return _parsed(lowered, published_at)


def _names_a_month(words: set[str]) -> bool:
    return any(_is_month(w) for w in words)


def _names_a_weekday_or_month(words: set[str]) -> bool:
    return bool(words & WEEKDAYS) or _names_a_month(words)


def _is_month(word: str) -> bool:
    """ "sept.", "oct", "october": a month's name or its abbreviation (not "marching")."""
    word = word.rstrip(".,")
    months = calendar.month_name[1:]
    # "may" alone is taken for the month: these are date expressions, where the verb is rare.
    return len(word) >= 3 and any(m.lower().startswith(word) for m in months) or word == "sept"


def _names_a_day(phrase: str) -> bool:
    """A weekday, a month, a numeric date, or a count with "ago"/"last": what a date must have."""
    words = set(phrase.split())
    if _names_a_weekday_or_month(words):
        return True
    if re.search(r"\d{4}-\d{2}|\d{1,2}/\d{1,2}", phrase):
        return True
    return bool(words & (DURATION_UNITS | {"week", "month", "year"})) and bool(words & RELATIVE_WORDS)


def _from_anchor(text: str, anchor: date) -> str | None:
    match = _DAYS_AWAY.search(text)
    days = (1 if match.group(1) == "a" else number_value(match.group(1))) if match else None
    if match and days is not None:  # not "several days later": no day to count to
        sign = -1 if match.group(2) in ("earlier", "before") else 1
        return (anchor + timedelta(days=sign * days)).isoformat()
    match = _DAY_AWAY.search(text)
    if match:
        before = match.group(1) in ("previous", "preceding") or match.group(2) == "before"
        return (anchor + timedelta(days=-1 if before else 1)).isoformat()
    return None


def _parsed(lowered: str, base: date) -> str | None:
    """dateparser's reading of the expression, its leading words ("since", "early") dropped in turn."""
    words = _WORD.findall(lowered)
    while words and words[0] in DATE_LEAD_WORDS:
        words = words[1:]
    # Longest first, so "Monday, Jan. 7, 2019" is read whole and "December, days before" as December.
    spans = [(s, e) for s in range(min(len(words), 3)) for e in range(len(words), s, -1)]
    for start, end in spans:
        phrase = " ".join(words[start:end]).strip(",")
        if not _names_a_day(phrase):
            continue
        found = _calendar(phrase, base)
        if found is not None:
            return found or None
    return None


@lru_cache(maxsize=4096)
def _calendar(phrase: str, base: date) -> str | None:
    """ISO day or month for a phrase dateparser reads; "" for one it reads as too vague; None otherwise."""
    data = _parser(base).get_date_data(phrase)
    moment, period = data.date_obj, data.period
    if moment is None:
        return None
    day: date = moment.date()
    if period in ("time", "part_of_day") and not _names_a_weekday_or_month(set(phrase.split())):
        return None  # "shortly after 5 a.m.": an hour, not a day
    if period in ("day", "time", "part_of_day"):  # "Wednesday night" is Wednesday
        return day.isoformat()
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "week":
        # A calendar week gives its month when the whole week lies in one month.
        monday = day - timedelta(days=day.weekday())
        end = min(monday + timedelta(days=6), base)
        return f"{monday.year:04d}-{monday.month:02d}" if monday.month == end.month else ""
    return ""  # a year alone


def resolve_precision(
    text: str, published_at: date | None, anchor: date | None = None
) -> DatePrecision | None:
    """How precise `resolve_date`'s answer for the same expression is, as ACLED codes time precision:
    "day", "week" ("last week", "over the past weekend", given as its month) or "month"."""
    resolved = resolve_date(text, published_at, anchor)
    precision = precision_of(resolved)
    return "week" if precision == "month" and _WEEK.search(text.lower()) else precision


@lru_cache(maxsize=64)
def _parser(base: date) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)
