import datetime as dt

import pytest

from appeal.dates import parse_user_date
from appeal.errors import UserError

TODAY = dt.date(2026, 11, 21)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019-09-25", dt.date(2019, 9, 25)),
        ("25/09/2019", dt.date(2019, 9, 25)),  # UK day-first
        ("05/09/2019", dt.date(2019, 9, 5)),
        ("25.09.19", dt.date(2019, 9, 25)),
        ("25 September 2019", dt.date(2019, 9, 25)),
        ("25th Sept 2019", dt.date(2019, 9, 25)),
        ("Wednesday, 25th of September 2019", dt.date(2019, 9, 25)),
        ("1st March 2024", dt.date(2024, 3, 1)),
        ("yesterday", dt.date(2026, 11, 20)),
        ("today", TODAY),
        ("25th Sept", dt.date(2026, 9, 25)),  # no year: the most recent past one
        ("25 December", dt.date(2025, 12, 25)),
    ],
)
def test_reads_what_people_type(text, expected):
    assert parse_user_date(text, today=TODAY) == expected


def test_relative_dates_go_to_dateparser():
    assert parse_user_date("2 days ago", today=TODAY) == dt.date(2026, 11, 19)


@pytest.mark.parametrize("text", ["31/02/2019", "2019-13-01", "29 February 2019", "banana", ""])
def test_impossible_or_unreadable_dates_say_what(text):
    with pytest.raises(UserError) as exc:
        parse_user_date(text, today=TODAY)
    assert "date" in str(exc.value)
