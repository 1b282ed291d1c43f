"""Working days: the calendars FOIA/EIR (any part of the UK) and FOISA/EISR (Scotland) count in.

FOIA s10(6) (and the EIR through it): a working day is any day other than a Saturday, a
Sunday, Christmas Day, Good Friday or a bank holiday "in any part of the United Kingdom".
FOISA s73: Saturdays, Sundays, Christmas Day and bank holidays in Scotland only.

The holiday table is the union of `holidays.UK(subdiv=...)` for England, Wales, Scotland and
Northern Ireland (substitute days and one-off proclamation days included); `holidays.UK()`
alone lacks Easter Monday and every regional day. Importing `holidays` costs ~70 ms, so
the table is built once and kept as a small JSON file in the user's cache folder, keyed by
the installed holidays version and the year range; an unwritable or corrupt cache only
means the table is built again.

Counting follows the Acts ("the twentieth working day following the date of receipt"):
the start date is day 0 whatever it is, and day 1 is the first working day after it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from appeal.errors import UserError

FIRST_YEAR = 2000  # FOIA and FOISA came into force on 1 January 2005
LAST_YEAR = 2050
SUBDIVISIONS = ("ENG", "WLS", "SCT", "NIR")
REGION_NAMES = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}
CACHE_FORMAT = 3  # 3: the law/bank_holidays.toml supplement

_ONE = dt.timedelta(days=1)


class WorkingDayCalendar:
    """Weekends plus a set of holidays. Inject any holiday set (tests, fixture vectors)."""

    def __init__(
        self,
        holidays: Mapping[dt.date, str] | Iterable[dt.date] = (),
        *,
        name: str = "custom",
        label: str = "weekends and the given holidays",
        years: tuple[int, int] | None = None,
    ) -> None:
        if isinstance(holidays, Mapping):
            names = {_as_date(d): str(n) for d, n in holidays.items()}
        else:
            names = {_as_date(d): "holiday" for d in holidays}
        self.names: dict[dt.date, str] = names
        self._ords = frozenset(d.toordinal() for d in names)
        self._sorted = sorted(names)
        self._weekday_ords = [d.toordinal() for d in self._sorted if d.weekday() < 5]
        self.name = name
        self.label = label
        self.years = years

    # ---- single days --------------------------------------------------------------------
    def is_holiday(self, day: dt.date) -> bool:
        return day.toordinal() in self._ords

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day.toordinal() not in self._ords

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        self._check(day)
        d = day + _ONE
        while not self.is_working_day(d):
            d += _ONE
        self._check(d)
        return d

    # ---- counting -----------------------------------------------------------------------
    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (start is day 0; n < 0 counts backwards)."""
        self._check(start)
        step = _ONE if n >= 0 else -_ONE
        d, left = start, abs(n)
        while left:
            d += step
            if self.is_working_day(d):
                left -= 1
        self._check(d)
        return d

    def add_calendar_days(self, start: dt.date, n: int) -> dt.date:
        """start + n calendar days, rolled forward to a working day (Alaveteli's calendar mode)."""
        d = start + dt.timedelta(days=n)
        while not self.is_working_day(d):
            d += _ONE
        self._check(d)
        return d

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days d with a < d <= b; negative (the same count) when b is before a.

        Arithmetic, not a walk: weekdays by whole weeks, less the weekday holidays found by
        bisection (today may be years after the dates given).
        """
        import bisect

        if b < a:
            return -self.working_days_between(b, a)
        weeks, rest = divmod((b - a).days, 7)
        count = weeks * 5
        wd = a.weekday()
        count += sum(1 for i in range(1, rest + 1) if (wd + i) % 7 < 5)
        lo, hi = a.toordinal(), b.toordinal()
        count -= bisect.bisect_right(self._weekday_ords, hi) - bisect.bisect_right(self._weekday_ords, lo)
        return count

    def holidays_between(self, a: dt.date, b: dt.date) -> list[tuple[dt.date, str]]:
        """Holidays on weekdays with a < day <= b: the days a count skipped besides weekends."""
        import bisect

        i = bisect.bisect_right(self._sorted, a)
        j = bisect.bisect_right(self._sorted, b)
        return [(d, self.names[d]) for d in self._sorted[i:j] if d.weekday() < 5]

    def _check(self, day: dt.date) -> None:
        if self.years and not (self.years[0] <= day.year <= self.years[1]):
            raise UserError(
                f"{day.isoformat()} is outside the years the holiday calendar covers "
                f"({self.years[0]}-{self.years[1]}); check the dates given"
            )

    def __repr__(self) -> str:
        return f"WorkingDayCalendar({self.name!r}, {len(self._ords)} holidays)"


def _as_date(d: dt.date | str) -> dt.date:
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return d
    return dt.date.fromisoformat(str(d)[:10])


# ---- the real UK calendars ----------------------------------------------------------------
CALENDARS = {
    # key: (subdivisions whose bank holidays count, label)
    "uk-any-part": (SUBDIVISIONS, "weekends, Christmas Day, Good Friday and bank holidays in any part of the UK"),
    "scotland": (("SCT",), "weekends, Christmas Day and Scottish bank holidays"),
}
_memo: dict[str, WorkingDayCalendar] = {}
_tables_memo: dict[str, dict[str, str]] | None = None


def calendar_for(key: str) -> WorkingDayCalendar:
    """'uk-any-part' (FOIA s10(6), EIR) or 'scotland' (FOISA s73, EISR); built once per process."""
    if key in _memo:
        return _memo[key]
    if key not in CALENDARS:
        raise ValueError(f"unknown calendar {key!r}")
    days = calendar_tables()[key]
    names = {dt.date.fromisoformat(iso): label for iso, label in days.items()}
    cal = WorkingDayCalendar(names, name=key, label=CALENDARS[key][1], years=(FIRST_YEAR, LAST_YEAR))
    _memo[key] = cal
    return cal


def merge_calendar(table: dict[str, dict[str, str]], key: str) -> dict[str, str]:
    """{iso date: label} for one calendar from the per-subdivision table."""
    subdivs = CALENDARS[key][0]
    per_day: dict[str, list[tuple[str, str]]] = {}
    for sub in subdivs:
        for iso, hname in table[sub].items():
            per_day.setdefault(iso, []).append((sub, hname))
    out = {iso: _label(entries, len(subdivs)) for iso, entries in per_day.items()}
    # Christmas Day is named in both Acts whatever the bank-holiday tables say.
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        out.setdefault(f"{year}-12-25", "Christmas Day")
    return dict(sorted(out.items()))


def _label(entries: list[tuple[str, str]], n_subdivs: int) -> str:
    """'Christmas Day', or "Saint Patrick's Day (observed) (Northern Ireland)"."""
    if n_subdivs == 1:
        return entries[0][1]
    by_name: dict[str, list[str]] = {}
    for sub, hname in entries:
        by_name.setdefault(hname, []).append(sub)
    if len(by_name) == 1 and len(entries) == n_subdivs:
        return entries[0][1]
    parts = []
    for hname, subs in by_name.items():
        parts.append(f"{hname} ({_regions(subs)})")
    return "; ".join(parts)


def _regions(subs: list[str]) -> str:
    s = set(subs)
    out = []
    if {"ENG", "WLS"} <= s:
        out.append("England & Wales")
        s -= {"ENG", "WLS"}
    out += [REGION_NAMES[x] for x in SUBDIVISIONS if x in s]
    return ", ".join(out)


# ---- the cached table -----------------------------------------------------------------------
def cache_dir() -> Path:
    from appeal.resources import user_cache_dir

    return user_cache_dir()


def holidays_version() -> str:
    """The installed holidays version, found without importing it (the import is the slow part)."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        raise UserError("the 'holidays' package is needed for the working-day calendar: pip install 'holidays>=0.91'")
    pkg = Path(spec.origin).parent
    try:
        for entry in os.listdir(pkg.parent):
            if entry.startswith("holidays-") and entry.endswith(".dist-info"):
                return entry[len("holidays-"):-len(".dist-info")]
        return f"mtime{int(os.stat(spec.origin).st_mtime)}"
    except OSError:
        return "unknown"


def cache_path() -> Path:
    return cache_dir() / f"holidays-{holidays_version()}-{FIRST_YEAR}-{LAST_YEAR}-v{CACHE_FORMAT}.json"


def shipped_path() -> Path:
    """The table as built at release time for one holidays version (see `ship_table`)."""
    from appeal.resources import data_path

    return data_path(f"holidays-{FIRST_YEAR}-{LAST_YEAR}-v{CACHE_FORMAT}.json")


def _read_shipped() -> dict[str, dict[str, str]] | None:
    """The shipped table, when it was built from the holidays version installed: then the
    first run after install costs what the second does. Another version: None (build it)."""
    path = shipped_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("holidays_version") != holidays_version():
            return None
        return _check_tables(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def ship_table() -> Path:
    """Write the shipped table from the installed holidays (run at release: python -m
    appeal.deadlines.calendar --ship)."""
    from appeal.resources import write_cache_json

    table = build_table()
    tables = {key: merge_calendar(table, key) for key in CALENDARS}
    path = shipped_path()
    write_cache_json(path, {"format": CACHE_FORMAT, "holidays_version": holidays_version(),
                            "years": [FIRST_YEAR, LAST_YEAR], "calendars": tables})
    return path


def calendar_tables() -> dict[str, dict[str, str]]:
    """{calendar key: {iso date: label}} for FIRST_YEAR..LAST_YEAR: shipped, cached or built."""
    global _tables_memo
    if _tables_memo is not None:
        return _tables_memo
    tables = _read_shipped()
    if tables is not None:
        _tables_memo = tables
        return tables
    path = None
    try:
        path = cache_path()
        tables = _read_cache(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        tables = None
    if tables is None:
        table = build_table()
        tables = {key: merge_calendar(table, key) for key in CALENDARS}
        if path is not None:
            _write_cache(path, tables)
    _tables_memo = tables
    return tables


def _read_cache(path: Path) -> dict[str, dict[str, str]] | None:
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return _check_tables(data)


def _check_tables(data: dict) -> dict[str, dict[str, str]] | None:
    if data.get("format") != CACHE_FORMAT or data.get("years") != [FIRST_YEAR, LAST_YEAR]:
        return None
    tables = data["calendars"]
    for key in CALENDARS:
        days = tables[key]
        # at least Christmas Day in every year, and every entry an ISO date with a name
        if not isinstance(days, dict) or len(days) < (LAST_YEAR - FIRST_YEAR + 1):
            return None
        for iso, label in days.items():
            if not (isinstance(iso, str) and len(iso) == 10 and iso[4] == "-" and isinstance(label, str)):
                return None
    return {key: tables[key] for key in CALENDARS}


def _write_cache(path: Path, tables: dict[str, dict[str, str]]) -> None:
    """Best effort: an unwritable cache folder only costs the next run the build again."""
    from appeal.resources import write_cache_json

    if write_cache_json(path, {"format": CACHE_FORMAT, "holidays_version": holidays_version(),
                               "years": [FIRST_YEAR, LAST_YEAR], "calendars": tables}):
        # tables of other holidays versions or year ranges are stale now: remove them
        for old in path.parent.glob("holidays-*.json"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass

def build_table() -> dict[str, dict[str, str]]:
    """Ask `holidays` for each UK subdivision (the slow path, once per holidays version)."""
    try:
        import holidays
    except ImportError:
        raise UserError("the 'holidays' package is needed for the working-day calendar: pip install 'holidays>=0.91'") from None
    available = set(getattr(holidays.UK, "subdivisions", ()))
    missing = [s for s in SUBDIVISIONS if s not in available]
    if missing:
        raise UserError(f"the installed 'holidays' lacks UK subdivisions {', '.join(missing)}: pip install -U 'holidays>=0.91'")
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    table: dict[str, dict[str, str]] = {}
    for sub in SUBDIVISIONS:
        h = holidays.UK(subdiv=sub, years=years)
        table[sub] = {d.isoformat(): str(n) for d, n in sorted(h.items())}
    return supplement(table)


def supplement(table: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Add the days appeal/law/bank_holidays.toml requires that the `holidays` package lacks
    (an older version without a recent proclamation day, say). Days already present keep the
    package's name."""
    from appeal.resources import read_toml

    data = read_toml(Path(__file__).resolve().parent.parent / "law" / "bank_holidays.toml")

    def put(sub: str, iso: str, name: str) -> None:
        subs = SUBDIVISIONS if sub == "ALL" else (sub,)
        for s in subs:
            table.setdefault(s, {})
            if iso not in table[s]:
                table[s][iso] = name
                table[s] = dict(sorted(table[s].items()))

    for rule in data.get("rules", {}).values():
        first = max(FIRST_YEAR, int(str(rule["valid_from"])[:4]))
        for year in range(first, LAST_YEAR + 1):
            d = dt.date(year, rule["month"], rule["day"])
            name = rule["name"]
            if d.weekday() >= 5 and rule.get("weekend") == "next-monday":
                present = table.get(rule["subdivision"], {})
                if d.isoformat() in present:  # the package keeps the day itself: leave it
                    continue
                d += dt.timedelta(days=7 - d.weekday())
                name += " (observed)"
            put(rule["subdivision"], d.isoformat(), name)
    for day in data.get("days", []):
        if FIRST_YEAR <= int(day["date"][:4]) <= LAST_YEAR:
            put(day["subdivision"], day["date"], day["name"])
    return table


def _reset_for_tests() -> None:
    global _tables_memo
    _tables_memo = None
    _memo.clear()


if __name__ == "__main__":  # pragma: no cover - release step
    import sys

    if sys.argv[1:] == ["--ship"]:
        print(ship_table())
    else:
        sys.exit("usage: python -m appeal.deadlines.calendar --ship")
