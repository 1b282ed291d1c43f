"""Reading the dates people type: `2019-09-25`, `25/09/2019`, `25 September 2019`,
`25th Sept 2019`, `yesterday`. UK day-first.

The common forms are read by our own patterns (fast, and strict about impossible dates
such as 31/02/2019); anything else goes to dateparser, imported only then. dateparser is
never used to *find* dates in letters: its search misreads section numbers as dates.
"""

from __future__ import annotations

import datetime as dt
import re

from appeal.errors import UserError

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.](\d{1,2})$")
_WORDY = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"([a-z]+)\.?,?(?:\s+(\d{4}))?$"
)


def _build(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UserError(f"could not understand the date {text!r}: there is no such day") from None


def _recent(month: int, day: int, today: dt.date, text: str) -> dt.date:
    """No year: the most recent such day, since the dates people give are past events."""
    if not 1 <= month <= 12:
        raise UserError(f"could not understand the date {text!r}: there is no month {month}")
    try:
        guess = dt.date(today.year, month, day)
    except ValueError:
        guess = None
    if guess is not None and guess <= today:
        return guess
    return _build(today.year - 1, month, day, text)


def parse_user_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """Read a date a person typed; raise UserError naming what was not understood."""
    today = today or dt.date.today()
    s = " ".join(text.strip().lower().split())
    if not s:
        raise UserError("an empty date was given")
    if m := _ISO.match(s):
        return _build(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _NUMERIC.match(s):
        year = int(m[3])
        if year < 100:
            year += 2000
        return _build(year, int(m[2]), int(m[1]), text)
    if m := _DAY_MONTH.match(s):  # '25/9': no year, so the most recent such day
        return _recent(int(m[2]), int(m[1]), today, text)
    if m := _WORDY.match(s):
        month = _MONTHS.get(m[2][:4] if m[2][:4] == "sept" else m[2][:3])
        if month and (m[2] in _MONTHS or _full_month(m[2])):
            if m[3]:
                return _build(int(m[3]), month, int(m[1]), text)
            return _recent(month, int(m[1]), today, text)
    if s in ("today",):
        return today
    if s in ("yesterday",):
        return today - dt.timedelta(days=1)
    # Anything else ("last friday", "2 days ago", "25 Sept" typed oddly): dateparser.
    import dateparser  # lazy: ~90 ms to import

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": dt.datetime.combine(today, dt.time(12)),
            "STRICT_PARSING": False,
        },
    )
    if parsed is None:
        raise UserError(f"could not understand the date {text!r}; try 2019-09-25 or 25/09/2019")
    return parsed.date()


_MONTH_NAMES = ("January February March April May June July August September October "
                "November December").split()
_HAS_YEAR = re.compile(r"\d{4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}\b")


def year_given(text: str) -> bool:
    """Did the person type a year? ('25/9' and '25 Sept' did not; 'yesterday' needs none.)"""
    s = " ".join(str(text).strip().lower().split())
    if s in ("today", "yesterday") or "ago" in s or s.startswith(("last ", "next ", "this ")):
        return True
    return bool(_HAS_YEAR.search(s))


def long_date(value: dt.date | str | None) -> str | None:
    """2019-10-23 -> '23 October 2019' (British, no ordinal); None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day} {_MONTH_NAMES[value.month - 1]} {value.year}"


def _full_month(word: str) -> bool:
    names = ("january february march april may june july august september october "
             "november december").split()
    return word in names
