from datetime import date

import pytest

from services.extractor.text.dates import resolve_date, resolve_precision

FRIDAY = date(2019, 3, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", "2019-03-14"),
        ("on Tuesday", "2019-03-12"),
        ("Friday", "2019-03-15"),  # the day of publication itself
        ("last Friday", "2019-03-08"),
        ("Wednesday's", "2019-03-13"),
        ("yesterday", "2019-03-14"),
        ("overnight", "2019-03-15"),
        ("this morning", "2019-03-15"),
        ("last night", "2019-03-14"),
        ("three days ago", "2019-03-12"),
    ],
)
def test_relative_days_resolve_to_the_most_recent_before_publication(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last September", "2018-09"),
        ("last March", "2018-03"),  # said in March: the March of the year before
        ("in February", "2019-02"),
        ("earlier this month", "2019-03"),
        ("last month", "2019-02"),
        ("since June 2012", "2012-06"),
        ("began in August 2017", "2017-08"),
    ],
)
def test_months_resolve_to_an_iso_month(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Oct. 1", "2018-10-01"),  # after the publication day: last year's
        ("March 2", "2019-03-02"),
        ("Monday, Jan. 7, 2019", "2019-01-07"),
        ("4 March", "2019-03-04"),
        ("Sept. 11, 2001", "2001-09-11"),
    ],
)
def test_calendar_dates(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize("text", ["for more than a year", "2014", "recent weeks", "the past several years"])
def test_vague_or_year_only_expressions_give_none(text: str) -> None:
    assert resolve_date(text, FRIDAY) is None


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_date("Thursday", None) is None
    assert resolve_date("July 4, 1990", None) == "1990-07-04"


def test_a_week_gives_its_month_when_it_lies_in_one() -> None:
    assert resolve_date("last week", FRIDAY) == "2019-03"
    assert resolve_date("earlier this week", FRIDAY) == "2019-03"
    assert resolve_date("last week", date(2019, 3, 12)) == "2019-03"  # Monday 4 to Sunday 10 March
    assert resolve_date("last week", date(2019, 3, 6)) is None  # 25 February to 3 March


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a day earlier", "2019-03-12"),
        ("two days before", "2019-03-11"),
        ("the previous day", "2019-03-12"),
        ("the next day", "2019-03-14"),
    ],
)
def test_days_counted_from_the_day_told(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY, anchor=date(2019, 3, 13)) == expected


def test_days_counted_from_publication_without_a_day_told() -> None:
    assert resolve_date("a day earlier", FRIDAY) == "2019-03-14"


def test_hours_later_is_the_day_told_and_nothing_without_one() -> None:
    assert resolve_date("Hours later", date(2021, 5, 15), anchor=date(2021, 5, 12)) == "2021-05-12"
    assert resolve_date("later that day", date(2021, 5, 15), anchor=date(2021, 5, 12)) == "2021-05-12"
    assert resolve_date("Hours later", date(2021, 5, 15)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Wednesday night", "2019-03-13"),  # a part of a day is that day
        ("since early December, days before", "2018-12"),
        ("in May", "2018-05"),
    ],
)
def test_the_parser_reads_a_day_or_month_inside_a_longer_expression(text: str, expected: str) -> None:
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    "text", ["shortly after 5 a.m.", "at around 11:40 p.m.", "a day", "two days", "about 40 minutes"]
)
def test_hours_and_lengths_of_time_are_no_dates(text: str) -> None:
    assert resolve_date(text, FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("on Friday", "day"),
        ("last week", "week"),
        ("this week", "week"),
        ("last September", "month"),
        ("in March", "month"),
        ("in 2019", None),
    ],
)
def test_precision_of_a_date_expression(text: str, precision: str | None) -> None:
    assert resolve_precision(text, date(2021, 5, 19)) == precision
