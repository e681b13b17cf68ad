"""Date expressions of news text resolved against the publication date, to an ISO day or month.

"Thursday" is the most recent Thursday on or before publication; "last September" the most recent
September before the publication month; a bare year is too vague for a strike date and gives None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b")
_LAST_MONTH_NAME = re.compile(rf"\blast\s+{_MONTH}\b")
_MONTH_ALONE = re.compile(rf"\b(?:in|since|from|early|late|mid-?)\s+{_MONTH}\b")
_DAYS_AGO = re.compile(r"\b(\d+|two|three|four|five|six)\s+days\s+ago\b")
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Days counted from the day the story is about: "a day earlier", "two days before", "the next day".
_DAYS_AWAY = re.compile(r"\b(a|one|\d+|two|three|four|five|six)\s+days?\s+(earlier|before|later|after)\b")
_DAY_AWAY = re.compile(r"\bthe\s+(previous|preceding|next|following)\s+day\b|\bthe\s+day\s+(before|after)\b")
# "Hours later", "later that day": the day being told, which only a story that has told one has.
_SAME_DAY = re.compile(
    r"\b(hours|minutes|moments)\s+(later|earlier)\b|\b(later|earlier)\s+(that|the same)\s+day\b"
)


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:3]]


def _iso_day(day: date) -> str:
    return day.isoformat()


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _previous_month(published_at: date) -> tuple[int, int]:
    first = published_at.replace(day=1) - timedelta(days=1)
    return first.year, first.month


def _month_on_or_before(month: int, published_at: date, strictly_before: bool) -> str:
    year = published_at.year
    if month > published_at.month or (strictly_before and month == published_at.month):
        year -= 1
    return _iso_month(year, month)


def _absolute(text: str, published_at: date | None) -> str | None:
    """Dates that name a month: "Oct. 1, 2015", "1 October", "March 2015"."""
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        match = pattern.search(text)
        if match:
            month, day = _month_number(match.group(month_group)), int(match.group(day_group))
            if match.group(3):
                year = int(match.group(3))
            elif published_at:
                # A day without a year is this year's, unless that would be after publication.
                year = published_at.year - ((month, day) > (published_at.month, published_at.day))
            else:
                return None
            try:
                return _iso_day(date(year, month, day))
            except ValueError:
                return None
    match = _MONTH_YEAR.search(text)
    if match:
        return _iso_month(int(match.group(2)), _month_number(match.group(1)))
    return None


def _relative(text: str, published_at: date) -> str | None:
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening|overnight)\b", text):
        return _iso_day(published_at)
    if re.search(r"\b(yesterday|last night)\b", text):
        return _iso_day(published_at - timedelta(days=1))
    if re.search(r"\bthis month\b", text):
        return _iso_month(published_at.year, published_at.month)
    if re.search(r"\blast month\b", text):
        return _iso_month(*_previous_month(published_at))
    monday = published_at - timedelta(days=published_at.weekday())
    weeks = ((r"\blast week\b", monday - timedelta(days=7), monday - timedelta(days=1)),
             (r"\b(earlier )?this week\b", monday, published_at))  # fmt: skip
    for pattern, start, end in weeks:
        if re.search(pattern, text):
            # A calendar week gives its month when the whole week lies in one month.
            return _iso_month(start.year, start.month) if start.month == end.month else None
    match = _DAYS_AGO.search(text)
    if match:
        days = _SMALL.get(match.group(1)) or int(match.group(1))
        return _iso_day(published_at - timedelta(days=days))
    for index, weekday in enumerate(WEEKDAYS):
        if re.search(rf"\b{weekday}\b", text):
            back = (published_at.weekday() - index) % 7
            if back == 0 and re.search(rf"\blast\s+{weekday}\b", text):
                back = 7  # "last Friday" said on a Friday is a week ago
            return _iso_day(published_at - timedelta(days=back))
    match = _LAST_MONTH_NAME.search(text)
    if match:
        return _month_on_or_before(_month_number(match.group(1)), published_at, strictly_before=True)
    match = _MONTH_ALONE.search(text)
    if match:
        return _month_on_or_before(_month_number(match.group(1)), published_at, strictly_before=False)
    return None


def _from_anchor(text: str, anchor: date) -> str | None:
    match = _DAYS_AWAY.search(text)
    if match:
        days = {"a": 1, "one": 1, **_SMALL}.get(match.group(1)) or int(match.group(1))
        sign = -1 if match.group(2) in ("earlier", "before") else 1
        return _iso_day(anchor + timedelta(days=sign * days))
    match = _DAY_AWAY.search(text)
    if match:
        before = match.group(1) in ("previous", "preceding") or match.group(2) == "before"
        return _iso_day(anchor + timedelta(days=-1 if before else 1))
    return None


def resolve_date(text: str, published_at: date | None, anchor: date | None = None) -> str | None:
    """ISO day ("2015-09-30") or month ("2015-09") for a date expression, or None if it names neither.

    `anchor` is the day the story has been telling, which "a day earlier" counts from; publication
    stands in for it."""
    lowered = text.lower()
    absolute = _absolute(lowered, published_at)
    if absolute:
        return absolute
    if anchor and _SAME_DAY.search(lowered):
        return _iso_day(anchor)
    base = anchor or published_at
    counted = _from_anchor(lowered, base) if base else None
    if counted:
        return counted
    return _relative(lowered, published_at) if published_at else None
